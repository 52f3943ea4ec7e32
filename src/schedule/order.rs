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
        _ => Some(sorted_by_day(slots)),
    }
}

/// The slots in day order: spread by day (a counting pass: the days a plan spans are few next
/// to its slots), then each day's few sorted. A comparison sort of all of them was 2–3 ms of
/// every key press on 10,000 activities of 50 people; a plan of few slots over centuries takes
/// the comparison sort.
fn sorted_by_day(slots: &[Slot]) -> Vec<Slot> {
    let (Some(first), Some(last)) = (
        slots.iter().map(|slot| slot.date).min(),
        slots.iter().map(|slot| slot.date).max(),
    ) else {
        return Vec::new();
    };
    let days = usize::try_from((last - first).num_days()).unwrap_or(usize::MAX);
    let mut sorted = slots.to_vec();
    if days > slots.len().saturating_mul(4) {
        sorted.sort_unstable_by_key(day_key);
        return sorted;
    }
    let day_of = |slot: &Slot| (slot.date - first).num_days() as usize;
    // Where each day's slots begin.
    let mut starts = vec![0usize; days + 2];
    for slot in slots {
        starts[day_of(slot) + 1] += 1;
    }
    for day in 1..starts.len() {
        starts[day] += starts[day - 1];
    }
    let mut next = starts.clone();
    for slot in slots {
        let at = &mut next[day_of(slot)];
        sorted[*at] = *slot;
        *at += 1;
    }
    for day in starts.windows(2) {
        sorted[day[0]..day[1]].sort_unstable_by_key(day_key);
    }
    sorted
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

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeDelta};

    use super::*;

    /// Spread by day and sorted within each, the slots are what one comparison sort gives,
    /// for slots over a few days and over centuries.
    #[test]
    fn slots_spread_by_day_are_in_the_day_order() {
        let day = |n: i64| NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + TimeDelta::days(n);
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move |bound: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % bound
        };
        for spread in [1, 3, 40, 100_000] {
            let slots: Vec<Slot> = (0..500)
                .map(|_| Slot {
                    date: day(next(spread) as i64),
                    activity: next(50) as usize,
                    offset: Hours::from_quarters(next(97) as u32),
                    hours: Hours::from_quarters(1 + next(3) as u32),
                    logged: next(2) == 0,
                })
                .collect();
            let mut expected = slots.clone();
            expected.sort_by_key(day_key);
            assert_eq!(sorted_by_day(&slots), expected, "{spread}");
        }
        assert!(sorted_by_day(&[]).is_empty());
    }
}
