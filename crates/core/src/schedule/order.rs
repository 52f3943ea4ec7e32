//! Orders of the schedule's slots: each activity's place in work order, and the day order the
//! calendars and the day queries read.

use chrono::{Datelike, NaiveDate};

use super::{Kept, Slot, Span};
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
/// changed. Otherwise sorted afresh. Written into `into` (empty, from a schedule no longer
/// needed).
pub(super) fn day_order(
    slots: &[Slot],
    spans: &[Span],
    kept: Option<&(Kept, usize)>,
    position: &[usize],
    into: Vec<Slot>,
) -> Option<Vec<Slot>> {
    if slots.is_sorted_by_key(day_key) {
        return None;
    }
    match kept {
        Some((kept, count)) if (slots.len() - count) * 4 < slots.len() => {
            let placed_again = |slot: &&Slot| position[slot.activity] >= kept.count;
            Some(merged_by_day(
                kept.by_day,
                placed_again,
                &slots[*count..],
                into,
            ))
        }
        _ => Some(sorted_by_day(slots, spans, into)),
    }
}

/// The slots (each activity's in `spans[activity].slots`, its logged ones first, as the
/// placing makes them) in day order: one counting pass on the day, then each day's few slots
/// sorted by offset, keeping the order they were fed in. Fed activity by activity, each
/// (day, offset) gets its slots by activity, logged first: the rest of [`day_key`]. A
/// comparison sort of all the slots was 2–3 ms of every key press on 10,000 activities of 50
/// people; a plan of few slots over centuries (more days than slots) takes it all the same.
fn sorted_by_day(slots: &[Slot], spans: &[Span], mut sorted: Vec<Slot>) -> Vec<Slot> {
    let Some((first, last)) = first_and_last_days(slots) else {
        return Vec::new();
    };
    // Day numbers, not date differences: chrono's `NaiveDate - NaiveDate` goes through its
    // 400-year cycles, and this runs for every slot on every key press.
    let (first, last) = (first.num_days_from_ce(), last.num_days_from_ce());
    let days = usize::try_from(last - first + 1).unwrap_or(usize::MAX);
    sorted.clear();
    sorted.extend_from_slice(slots);
    if days > slots.len().saturating_mul(4) {
        sorted.sort_unstable_by_key(day_key);
        return sorted;
    }
    let day_of = |slot: &Slot| (slot.date.num_days_from_ce() - first) as usize;
    // Where each day's slots begin.
    let mut next = vec![0usize; days + 1];
    for slot in slots {
        next[day_of(slot) + 1] += 1;
    }
    for day in 1..next.len() {
        next[day] += next[day - 1];
    }
    for slot in spans.iter().flat_map(|span| &slots[span.slots.clone()]) {
        let at = &mut next[day_of(slot)];
        sorted[*at] = *slot;
        *at += 1;
    }
    // Each day's slots now end where the next day's begin.
    let mut from = 0;
    for &to in &next[..days] {
        // Stable: slots at one offset stay in the order they were fed in.
        sorted[from..to].sort_by_key(|slot| slot.offset);
        from = to;
    }
    sorted
}

/// The slots of `sorted` (in day order) but those `dropped`, with the slots `added` (all of
/// activities none of `sorted`'s kept slots belong to), in the same day order.
fn merged_by_day(
    sorted: &[Slot],
    dropped: impl Fn(&&Slot) -> bool,
    added: &[Slot],
    mut merged: Vec<Slot>,
) -> Vec<Slot> {
    let key = day_key;
    let mut added = added.to_vec();
    added.sort_unstable_by_key(key);
    merged.clear();
    merged.reserve(sorted.len() + added.len());
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

    /// Counted into days activity by activity and sorted by offset in each day, the slots are what one comparison
    /// sort gives, for slots over a few days and over centuries (the comparison sort itself).
    #[test]
    fn slots_counted_by_day_and_offset_are_in_the_day_order() {
        let day = |n: i64| NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + TimeDelta::days(n);
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move |bound: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % bound
        };
        for (spread, offsets) in [(1, 97), (3, 5), (40, 97), (400, 1), (100_000, 33)] {
            let mut slots: Vec<Slot> = (0..500)
                .map(|_| Slot {
                    date: day(next(spread) as i64),
                    activity: next(50) as usize,
                    offset: Hours::from_quarters(next(offsets) as u32),
                    hours: Hours::from_quarters(1 + next(3) as u32),
                    logged: next(2) == 0,
                })
                .collect();
            // As the placing makes them: one slot per activity, day, offset and kind, each
            // activity's together, its logged ones first.
            slots.sort_by_key(|slot| (slot.activity, !slot.logged));
            let mut seen = std::collections::HashSet::new();
            slots.retain(|slot| seen.insert((slot.activity, slot.logged, slot.date, slot.offset)));
            let spans: Vec<Span> = (0..50)
                .map(|activity| {
                    let from = slots.partition_point(|slot| slot.activity < activity);
                    let to = slots.partition_point(|slot| slot.activity <= activity);
                    let moment = day(0).and_hms_opt(9, 0, 0).unwrap();
                    Span {
                        start: moment,
                        end: moment,
                        driver: super::super::Driver::PlanStart,
                        slots: from..to,
                    }
                })
                .collect();
            let mut expected = slots.clone();
            expected.sort_by_key(day_key);
            assert_eq!(
                sorted_by_day(&slots, &spans, Vec::new()),
                expected,
                "{spread}×{offsets}"
            );
        }
        assert!(sorted_by_day(&[], &[], Vec::new()).is_empty());
    }
}
