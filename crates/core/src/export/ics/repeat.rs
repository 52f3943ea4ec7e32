//! The days an activity works the same clock interval, as weekly series with exceptions
//! (`RRULE:FREQ=WEEKLY;BYDAY=…;UNTIL=…` and `EXDATE`), the form every calendar program reads.
//!
//! Why series: a server takes tens of milliseconds per event written, so a year-long plan sent
//! as an event a day took most of a minute to sync, and a holiday moved early in the plan
//! rewrote nearly all of it. As series, an activity's regular stretch is one event, and a moved
//! holiday changes the events of the activities it falls in. A few days the activity works at
//! other times (the afternoon it starts, the morning it hands over) ride in that event as
//! extra instances ([`Series::carry`]): one write per activity, where a server's cost per
//! write grows with the calendar (Radicale's does).

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};

/// Every day of `weekdays` from `first` to `last`, but for those `excluded`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    /// The first day, one of `weekdays`.
    pub first: NaiveDate,
    /// The last day, one of `weekdays`.
    pub last: NaiveDate,
    /// The days of the week the series repeats on, Monday first.
    pub weekdays: Vec<Weekday>,
    /// The days of the rule between `first` and `last` that are not worked, in order.
    pub excluded: Vec<NaiveDate>,
}

impl Series {
    /// True for a series of one day: an event of its own, with no rule.
    pub fn is_single(&self) -> bool {
        self.first == self.last
    }

    /// How many days the series works: the days of its rule but for those excluded.
    pub fn worked(&self) -> usize {
        if self.is_single() {
            return 1;
        }
        let rule_days = missed(self.first, self.last, &self.week()) + 2;
        rule_days as usize - self.excluded.len()
    }

    /// Takes the day of another clock interval starting at `start` as an extra instance of
    /// this series (an `RDATE` naming it, an override giving its times), so that an activity's
    /// hand-over days (its first afternoon, its last morning) ride in its series' resource
    /// instead of costing a server a write each. Returns whether it did.
    ///
    /// Only where every reader agrees: the instance must not start where a day of the rule
    /// would (`clock`, the series' start time) — RFC 5545 excludes an RDATE equal to an
    /// EXDATE, and an override of a rule's own day shows twice in calcurse, which reads no
    /// `RECURRENCE-ID`. A day before the series' first one moves the series' start back to
    /// it (that day excluded, its weekday taken into the rule if need be), so that no reader
    /// meets an instance before `DTSTART`; only while that costs a few exceptions.
    pub fn carry(&mut self, clock: NaiveTime, start: NaiveDateTime) -> bool {
        let day = start.date();
        if day >= self.first {
            return self.admits(clock, start);
        }
        if start.time() == clock || self.is_single() {
            return false;
        }
        let old = self.week();
        let mut week = old;
        let weekday = day.weekday().num_days_from_monday() as usize;
        week[weekday] = true;
        let mut only_new = [false; 7];
        only_new[weekday] = !old[weekday];
        let (before, after) = (self.first.pred_opt(), self.last.succ_opt());
        let new_in_range = match (before, after) {
            (Some(before), Some(after)) => missed(before, after, &only_new),
            _ => return false,
        };
        if missed(day, self.first, &week) + 1 + new_in_range > MAX_MISSED {
            return false;
        }
        let worked = |date: &NaiveDate| {
            *date >= self.first
                && old[date.weekday().num_days_from_monday() as usize]
                && self.excluded.binary_search(date).is_err()
        };
        let excluded = day
            .iter_days()
            .take_while(|date| *date <= self.last)
            .filter(|date| week[date.weekday().num_days_from_monday() as usize])
            .filter(|date| !worked(date))
            .collect();
        self.excluded = excluded;
        self.weekdays = weekdays_of(&week);
        self.first = day;
        true
    }

    /// Whether an extra instance starting at `start` stands safely beside this series, whose
    /// instances start at `clock`: not before its first day, and not where a day of its rule
    /// (worked or excluded) starts.
    pub fn admits(&self, clock: NaiveTime, start: NaiveDateTime) -> bool {
        let day = start.date();
        let on_the_rule =
            !self.is_single() && day <= self.last && self.weekdays.contains(&day.weekday());
        day >= self.first && !(start.time() == clock && on_the_rule)
    }

    /// Every day the series works, in order.
    pub fn days(&self) -> Vec<NaiveDate> {
        let week = self.week();
        self.first
            .iter_days()
            .take_while(|day| *day <= self.last)
            .filter(|day| self.is_single() || week[day.weekday().num_days_from_monday() as usize])
            .filter(|day| self.excluded.binary_search(day).is_err())
            .collect()
    }

    /// The days of the week of the rule, by their number from Monday.
    fn week(&self) -> [bool; 7] {
        let mut week = [false; 7];
        for day in &self.weekdays {
            week[day.num_days_from_monday() as usize] = true;
        }
        week
    }
}

/// A series ends when this many days of its rule in a row are not worked (a week and a bit of
/// working days): past it, a series of its own says the later days in fewer lines than a long
/// run of exceptions would, and a calendar program's "every weekday until …" stays true.
const MAX_MISSED: i64 = 5;

/// `dates` (in order, no day twice) as weekly series: together they hold every date and no
/// other day.
pub fn series(dates: &[NaiveDate]) -> Vec<Series> {
    let days = week_of(dates);
    let mut out = Vec::new();
    let mut first = 0;
    for at in 1..=dates.len() {
        if at == dates.len() || missed(dates[at - 1], dates[at], &days) > MAX_MISSED {
            out.push(one_series(&dates[first..at]));
            first = at;
        }
    }
    out
}

/// Which days of the week `dates` fall on, by their number from Monday.
fn week_of(dates: &[NaiveDate]) -> [bool; 7] {
    let mut days = [false; 7];
    for date in dates {
        days[date.weekday().num_days_from_monday() as usize] = true;
    }
    days
}

/// How many days strictly between `before` and `after` fall on the days of `week`: counted
/// by whole weeks, so a long pause costs nothing.
fn missed(before: NaiveDate, after: NaiveDate, week: &[bool; 7]) -> i64 {
    let between = (after - before).num_days() - 1;
    let per_week = week.iter().filter(|&&day| day).count() as i64;
    let weeks = between / 7;
    let rest = (1..=between % 7)
        .filter(|&offset| {
            let day = before + TimeDelta::days(weeks * 7 + offset);
            week[day.weekday().num_days_from_monday() as usize]
        })
        .count() as i64;
    weeks * per_week + rest
}

/// The one series of `run` (not empty, in order): its days of the week, and the days of those
/// it skips. No two dates of a run are more than [`MAX_MISSED`] rule days apart, so the
/// exceptions are few.
fn one_series(run: &[NaiveDate]) -> Series {
    let week = week_of(run);
    let (first, last) = (run[0], run[run.len() - 1]);
    let mut worked = run.iter().peekable();
    let excluded = first
        .iter_days()
        .take_while(|day| *day <= last)
        .filter(|day| week[day.weekday().num_days_from_monday() as usize])
        .filter(|day| {
            if worked.peek() == Some(&day) {
                worked.next();
                false
            } else {
                true
            }
        })
        .collect();
    Series {
        first,
        last,
        weekdays: weekdays_of(&week),
        excluded,
    }
}

/// The days of `week` (by their number from Monday), Monday first.
fn weekdays_of(week: &[bool; 7]) -> Vec<Weekday> {
    (0..7)
        .filter(|&day| week[day])
        .filter_map(|day| Weekday::try_from(day as u8).ok())
        .collect()
}

/// `MO`, `TU`…: a weekday as RFC 5545 writes it in `BYDAY`.
pub fn rfc_weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// Every day a series stands for, expanded the long way (not with [`Series::days`], so
    /// that the test does not check the code with itself).
    fn days_of(series: &Series) -> Vec<NaiveDate> {
        series
            .first
            .iter_days()
            .take_while(|day| *day <= series.last)
            .filter(|day| series.weekdays.contains(&day.weekday()))
            .filter(|day| !series.excluded.contains(day))
            .collect()
    }

    #[test]
    fn working_weeks_with_a_holiday_are_one_series_with_one_exception() {
        // Mon 4 to Fri 15 March 2024, but for Wed 6.
        let dates: Vec<NaiveDate> = day("2024-03-04")
            .iter_days()
            .take_while(|d| *d <= day("2024-03-15"))
            .filter(|d| d.weekday().num_days_from_monday() < 5 && *d != day("2024-03-06"))
            .collect();
        let all = series(&dates);
        assert_eq!(
            all,
            [Series {
                first: day("2024-03-04"),
                last: day("2024-03-15"),
                weekdays: vec![
                    Weekday::Mon,
                    Weekday::Tue,
                    Weekday::Wed,
                    Weekday::Thu,
                    Weekday::Fri
                ],
                excluded: vec![day("2024-03-06")],
            }]
        );
        assert_eq!(days_of(&all[0]), dates);
    }

    #[test]
    fn a_long_pause_starts_a_new_series_and_a_lone_day_stands_alone() {
        let dates = [
            day("2024-03-04"),
            day("2024-03-05"),
            // Three weeks off: more days missed than a series bridges.
            day("2024-03-26"),
            day("2024-03-27"),
            day("2024-06-03"),
        ];
        let all = series(&dates);
        assert_eq!(all.len(), 3, "{all:?}");
        assert!(all[2].is_single());
        let back: Vec<NaiveDate> = all.iter().flat_map(days_of).collect();
        assert_eq!(back, dates);
    }

    #[test]
    fn misses_are_counted_by_whole_weeks_and_the_rest() {
        let weekdays = [true, true, true, true, true, false, false];
        // Fri 1 March to Mon 4 March: nothing missed; to Mon 11 March: five.
        assert_eq!(missed(day("2024-03-01"), day("2024-03-04"), &weekdays), 0);
        assert_eq!(missed(day("2024-03-01"), day("2024-03-11"), &weekdays), 5);
        assert_eq!(
            missed(day("2024-01-01"), day("2034-01-02"), &weekdays),
            day("2024-01-02")
                .iter_days()
                .take_while(|d| *d < day("2034-01-02"))
                .filter(|d| d.weekday().num_days_from_monday() < 5)
                .count() as i64
        );
    }

    proptest::proptest! {
        /// Whatever the days, the series hold each of them once and no other day.
        #[test]
        fn series_hold_exactly_the_days(offsets in proptest::collection::btree_set(0i64..400, 0..120)) {
            let dates: Vec<NaiveDate> = offsets
                .iter()
                .map(|offset| day("2024-01-01") + TimeDelta::days(*offset))
                .collect();
            let back: Vec<NaiveDate> = series(&dates).iter().flat_map(days_of).collect();
            proptest::prop_assert_eq!(back, dates);
        }
    }
}
