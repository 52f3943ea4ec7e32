//! Holidays over days with hours of their own, and the one rule that settles them: **the
//! later, explicit action wins**.
//!
//! - A holiday added over days that had working hours of their own (by hand, as a range, moved
//!   there, imported or pulled from a calendar) takes those days off: their own hours are
//!   removed, for the plan and for each person, and the caller says which days lost them. A
//!   national holiday or a winter break never shows work because of an older `x`.
//! - Hours given to a day that is already a holiday win over it: the day is worked, and stays
//!   named a holiday (the day's detail says both).
//!
//! A plan file can hold both for one date (written by hand, or by this rule's second half); the
//! schedule reads it as the second half says: a day's own hours win over a holiday of the same
//! level (the plan's, or one person's). Between levels the more particular wins: a person's
//! own holidays over the plan's hours, a person's own hours over the plan's holidays.

use chrono::NaiveDate;

use super::{Exception, Holiday, Plan};

impl Exception {
    /// True when it gives its date working time (not a day off of 0 hours).
    pub fn works(&self) -> bool {
        match &self.windows {
            Some(windows) => !windows.is_empty(),
            None => self.hours.is_some_and(|hours| !hours.is_zero()),
        }
    }
}

impl Plan {
    /// Adds `added` for everyone, in date order. Days they cover lose their own working hours
    /// (the plan's and each person's): the dates that did, sorted.
    pub fn add_holidays(&mut self, added: impl IntoIterator<Item = Holiday>) -> Vec<NaiveDate> {
        let first_new = self.holidays.len();
        self.holidays.extend(added);
        let covered = merged(self.holidays[first_new..].iter().map(days_of));
        self.holidays.sort_by_key(|holiday| holiday.date);
        self.take_own_hours_off(&covered)
    }

    /// Replaces holiday `index` with `moved` (the same holiday, on other days). The days it
    /// newly covers lose their own working hours, as with [`Plan::add_holidays`]; days it
    /// covered before keep what they had.
    pub fn move_holiday(&mut self, index: usize, moved: Holiday) -> Vec<NaiveDate> {
        let (old_first, old_last) = days_of(&self.holidays[index]);
        let (first, last) = days_of(&moved);
        self.holidays[index] = moved;
        self.holidays.sort_by_key(|holiday| holiday.date);
        let before_old = (first, last.min(old_first.pred_opt().unwrap_or(old_first)));
        let after_old = (first.max(old_last.succ_opt().unwrap_or(old_last)), last);
        let newly: Vec<(NaiveDate, NaiveDate)> = [before_old, after_old]
            .into_iter()
            .filter(|(from, to)| from <= to)
            .collect();
        self.take_own_hours_off(&newly)
    }

    /// Removes the exceptions that give working time on a day of `covered` (sorted, apart),
    /// the plan's and each person's; days off of 0 hours agree with a holiday and stay.
    fn take_own_hours_off(&mut self, covered: &[(NaiveDate, NaiveDate)]) -> Vec<NaiveDate> {
        let mut lost = Vec::new();
        let mut clear = |exceptions: &mut Vec<Exception>| {
            exceptions.retain(|exception| {
                let gives_way = exception.works() && in_ranges(covered, exception.date);
                if gives_way {
                    lost.push(exception.date);
                }
                !gives_way
            });
        };
        clear(&mut self.exceptions);
        for person in &mut self.people {
            clear(&mut person.exceptions);
        }
        lost.sort_unstable();
        lost.dedup();
        lost
    }
}

/// A holiday's first and last day.
fn days_of(holiday: &Holiday) -> (NaiveDate, NaiveDate) {
    (holiday.date, holiday.last_day().max(holiday.date))
}

/// Inclusive ranges of days, sorted, overlapping and touching ones merged: what
/// [`in_ranges`] searches.
pub fn merged(ranges: impl Iterator<Item = (NaiveDate, NaiveDate)>) -> Vec<(NaiveDate, NaiveDate)> {
    let mut ranges: Vec<(NaiveDate, NaiveDate)> = ranges.collect();
    ranges.sort_unstable();
    let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(ranges.len());
    for (first, last) in ranges {
        match merged.last_mut() {
            Some(previous) if first <= previous.1.succ_opt().unwrap_or(previous.1) => {
                previous.1 = previous.1.max(last);
            }
            _ => merged.push((first, last)),
        }
    }
    merged
}

/// The holidays' days as [`merged`] ranges.
pub fn merged_holidays<'a>(
    holidays: impl Iterator<Item = &'a Holiday>,
) -> Vec<(NaiveDate, NaiveDate)> {
    merged(holidays.map(days_of))
}

/// True when `date` falls in one of `ranges` ([`merged`]: sorted, apart), by binary search.
pub fn in_ranges(ranges: &[(NaiveDate, NaiveDate)], date: NaiveDate) -> bool {
    let next = ranges.partition_point(|(_, last)| *last < date);
    ranges.get(next).is_some_and(|(first, _)| *first <= date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Hours, Person};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn range(from: &str, to: &str, name: &str) -> Holiday {
        Holiday {
            date: day(from),
            until: (from != to).then(|| day(to)),
            name: Some(name.to_owned()),
        }
    }

    /// A plan with a worked Saturday (4 h) on the 13th, a day off (0 h) on the 17th, and a
    /// person who works the 19th.
    fn plan() -> Plan {
        let mut plan = Plan {
            exceptions: vec![
                Exception::hours(day("2024-07-13"), Hours::from_minutes(4 * 60)),
                Exception::hours(day("2024-07-17"), Hours::ZERO),
            ],
            ..Plan::default()
        };
        plan.people.push(Person {
            name: "Ana".into(),
            exceptions: vec![Exception::hours(day("2024-07-19"), Hours::from_minutes(60))],
            ..Person::default()
        });
        plan
    }

    #[test]
    fn a_range_added_over_worked_days_takes_their_hours_and_keeps_days_off() {
        let mut plan = plan();
        let lost = plan.add_holidays([range("2024-07-15", "2024-07-26", "Receso")]);
        assert_eq!(lost, [day("2024-07-19")]);
        assert!(plan.people[0].exceptions.is_empty());
        // The Saturday before the range keeps its hours, the day off its 0.
        assert_eq!(plan.exceptions.len(), 2);
        let lost = plan.add_holidays([range("2024-07-13", "2024-07-13", "Sábado")]);
        assert_eq!(lost, [day("2024-07-13")]);
        assert_eq!(
            plan.exceptions,
            [Exception::hours(day("2024-07-17"), Hours::ZERO)]
        );
        let dates: Vec<NaiveDate> = plan.holidays.iter().map(|h| h.date).collect();
        assert_eq!(
            dates,
            [day("2024-07-13"), day("2024-07-15")],
            "in date order"
        );
    }

    #[test]
    fn a_moved_holiday_takes_only_the_days_it_newly_covers() {
        let mut plan = plan();
        plan.holidays
            .push(range("2024-07-18", "2024-07-19", "Puente"));
        // Hours given on a holiday win over it, so the 19th keeps them while nothing moves.
        let moved = range("2024-07-12", "2024-07-13", "Puente");
        assert_eq!(plan.move_holiday(0, moved), [day("2024-07-13")]);
        assert_eq!(plan.people[0].exceptions.len(), 1);
        let back = range("2024-07-13", "2024-07-19", "Puente");
        assert_eq!(plan.move_holiday(0, back), [day("2024-07-19")]);
    }

    #[test]
    fn ranges_merge_and_are_searched() {
        let ranges = merged(
            [
                (day("2024-01-05"), day("2024-01-06")),
                (day("2024-01-01"), day("2024-01-02")),
                (day("2024-01-03"), day("2024-01-03")),
            ]
            .into_iter(),
        );
        assert_eq!(
            ranges,
            [
                (day("2024-01-01"), day("2024-01-03")),
                (day("2024-01-05"), day("2024-01-06"))
            ]
        );
        assert!(in_ranges(&ranges, day("2024-01-02")));
        assert!(!in_ranges(&ranges, day("2024-01-04")));
        assert!(in_ranges(&ranges, day("2024-01-06")));
        assert!(!in_ranges(&ranges, day("2024-01-07")));
    }
}
