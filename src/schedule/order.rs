//! Orders of the schedule's slots: each activity's place in work order, and the day order the
//! calendars and the day queries read.

use chrono::NaiveDate;

use super::{Kept, Slot};
use crate::plan::Hours;

/// The key of the day order: by date and, within a day, by the order the work is done (and an
/// activity's logged work before its planned work). Two slots with the same key are the same
/// slot, so any sort gives the one order.
fn day_key(slot: &Slot) -> (NaiveDate, Hours, usize, bool, Hours) {
    (
        slot.date,
        slot.offset,
        slot.activity,
        !slot.logged,
        slot.hours,
    )
}

/// The slots in day order, or `None` when `slots` are in it already (one person's plan comes
/// out in date order; only parallel work needs a sorted copy). After a reschedule that kept
/// most placements (`kept`, and their first `count` slots), the earlier day order less the
/// slots placed again, merged with the new ones: an edit late in a large plan costs what it
/// changed. Otherwise a stable sort.
pub(super) fn day_order(
    slots: &[Slot],
    kept: Option<&(Kept, usize)>,
    position: &[usize],
) -> Option<Vec<Slot>> {
    if slots.is_sorted_by_key(day_key) {
        return None;
    }
    match kept {
        Some((kept, count)) if (slots.len() - count) * 4 < slots.len() => {
            let placed_again = |slot: &&Slot| position[slot.activity] >= kept.count;
            Some(merged_by_day(kept.by_day, placed_again, &slots[*count..]))
        }
        _ => {
            let mut sorted = slots.to_vec();
            sorted.sort_unstable_by_key(day_key);
            Some(sorted)
        }
    }
}

/// The slots of `sorted` (in day order) but those `dropped`, with the slots `added` (all of
/// activities none of `sorted`'s kept slots belong to), in the same day order.
fn merged_by_day(sorted: &[Slot], dropped: impl Fn(&&Slot) -> bool, added: &[Slot]) -> Vec<Slot> {
    let key = day_key;
    let mut added = added.to_vec();
    added.sort_unstable_by_key(key);
    let mut merged = Vec::with_capacity(sorted.len() + added.len());
    let mut next = 0;
    for slot in sorted.iter().filter(|slot| !dropped(slot)) {
        while next < added.len() && key(&added[next]) < key(slot) {
            merged.push(added[next]);
            next += 1;
        }
        merged.push(*slot);
    }
    merged.extend_from_slice(&added[next..]);
    merged
}

/// Each activity's place in `order`.
pub(super) fn positions(order: &[usize]) -> Vec<usize> {
    let mut position = vec![0; order.len()];
    for (at, index) in order.iter().enumerate() {
        position[*index] = at;
    }
    position
}

/// The first and last days of `slots`, if any: found in one pass, as the slots need not be in
/// day order.
pub(super) fn first_and_last_days(slots: &[Slot]) -> Option<(NaiveDate, NaiveDate)> {
    let first = slots.first()?.date;
    Some(slots.iter().fold((first, first), |(first, last), slot| {
        (first.min(slot.date), last.max(slot.date))
    }))
}
