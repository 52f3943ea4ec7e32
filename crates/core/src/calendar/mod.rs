//! Month grids: the weeks of a month, from the plan's first day of the week (ISO weeks from
//! Monday; from Sunday or Saturday, the week holding 1 January is week 1), and what happens on
//! each day. A pure view of a schedule, shared by the `cal` text, the Markdown tables and the TUI.

pub mod text;

use chrono::{Datelike, Months, NaiveDate, TimeDelta, Weekday};

use crate::colour::Tone;
use crate::locale::words;
use crate::plan::{Plan, WeekStart};
use crate::schedule::{Schedule, Slot, WorkCalendar};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
}

impl Month {
    /// The month `date` falls in.
    pub fn of(date: NaiveDate) -> Self {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Its first day.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("day 1 exists in every month")
    }

    /// The month after, if the calendar has one.
    pub fn next(self) -> Option<Month> {
        self.first_day()
            .checked_add_months(Months::new(1))
            .map(Month::of)
    }

    /// The month before, if the calendar has one.
    pub fn previous(self) -> Option<Month> {
        self.first_day()
            .checked_sub_months(Months::new(1))
            .map(Month::of)
    }

    /// True when `date` falls in this month.
    pub fn contains(self, date: NaiveDate) -> bool {
        Month::of(date) == self
    }

    /// The weeks (from `start`) that touch this month, in order: four to six rows.
    pub fn weeks(self, start: WeekStart) -> impl Iterator<Item = Week> {
        let first = self.first_day();
        let week_first = Week::containing(first, start).first;
        std::iter::successors(Some(week_first), |day| {
            day.checked_add_signed(TimeDelta::days(7))
        })
        .take_while(move |day| *day <= first || self.contains(*day))
        .map(move |first| Week { first, start })
    }
}

/// One week of seven days, from the plan's first day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Week {
    /// Its first day.
    pub first: NaiveDate,
    /// Which weekday weeks start on.
    pub start: WeekStart,
}

impl Week {
    /// The week `date` falls in.
    pub fn containing(date: NaiveDate, start: WeekStart) -> Week {
        let back = days_since(date.weekday(), start.weekday());
        Week {
            first: date - TimeDelta::days(back),
            start,
        }
    }

    /// Its number: ISO 8601 for weeks from Monday; from Sunday or Saturday, the week that holds
    /// 1 January is week 1 (as calendars in the Americas count them).
    pub fn number(self) -> u32 {
        if self.start == WeekStart::Mon {
            return self.first.iso_week().week();
        }
        let last = self.first + TimeDelta::days(6);
        let year = last.year();
        let new_year = NaiveDate::from_ymd_opt(year, 1, 1).expect("1 January exists");
        let week_one = Week::containing(new_year, self.start).first;
        ((self.first - week_one).num_days().div_euclid(7) + 1) as u32
    }

    /// Its seven days, the first day first.
    pub fn days(self) -> impl Iterator<Item = NaiveDate> {
        self.first.iter_days().take(7)
    }
}

/// Days from the last `start` weekday to `day` (0 when `day` is one).
fn days_since(day: Weekday, start: Weekday) -> i64 {
    i64::from((7 + day.num_days_from_monday() - start.num_days_from_monday()) % 7)
}

/// Weekday labels (given Monday first) in the order of weeks from `start`.
pub fn weekday_labels(labels: &[&'static str; 7], start: WeekStart) -> [&'static str; 7] {
    let offset = start.weekday().num_days_from_monday() as usize;
    std::array::from_fn(|index| labels[(offset + index) % 7])
}

/// The months from the one holding `first` to the one holding `last`, both included.
pub fn months_between(first: NaiveDate, last: NaiveDate) -> Vec<Month> {
    let end = Month::of(last);
    std::iter::successors(Some(Month::of(first)), |month| month.next())
        .take_while(|month| *month <= end)
        .collect()
}

/// What a day is, for drawing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    /// A listed holiday.
    Holiday,
    /// A day of the week nobody works (a weekend).
    Rest,
    /// A working day.
    Workday,
}

/// Everything a calendar cell shows about one day.
#[derive(Debug, Clone, Copy)]
pub struct DayInfo<'a> {
    /// The day.
    pub date: NaiveDate,
    /// Holiday, rest day or workday.
    pub kind: DayKind,
    /// True when the plan gives this date its own hours (a short day, an extra day, a day off).
    pub exception: bool,
    /// True when busy time takes some of the day's working time.
    pub busy: bool,
    /// The work done that day, in the order it is done (everyone's: see [`DayInfo::worked`]).
    pub slots: &'a [Slot],
    /// Whose day this is, when the calendars show one person.
    pub person: Option<&'a str>,
}

impl DayInfo<'_> {
    /// How the day number is coloured: holidays, days off, days with their own hours.
    pub fn number_tone(&self) -> Tone {
        match self.kind {
            DayKind::Holiday => Tone::Holiday,
            _ if self.busy => Tone::Busy,
            _ if self.exception => Tone::Exception,
            DayKind::Rest => Tone::Faint,
            DayKind::Workday => Tone::Plain,
        }
    }

    /// The text written next to the day number: the holiday mark (`F`), or the codes of the
    /// activities worked that day and of milestones falling on it (`A7, A8`), or nothing.
    pub fn mark(&self, plan: &Plan) -> Option<String> {
        if self.kind == DayKind::Holiday {
            return Some(words(plan.locale).holiday_mark.to_owned());
        }
        let codes: Vec<&str> = self
            .worked(plan)
            .map(|slot| &*plan.activities[slot.activity].code)
            .collect();
        (!codes.is_empty()).then(|| codes.join(", "))
    }

    /// The activities worked that day by the person shown (by everyone, when no one is chosen),
    /// each once: the first of its slots (an activity with logged and planned hours on one day
    /// has two).
    /// (Linear in the day's slots: a day of a plan with a person for each of 100,000
    /// activities has 100,000.)
    pub fn worked<'b>(&'b self, plan: &'b Plan) -> impl Iterator<Item = &'b Slot> + 'b {
        let mut seen = std::collections::HashSet::new();
        self.work_slots(plan)
            .filter(move |slot| seen.insert(slot.activity))
    }

    /// Every slot of that day's work by the person shown, logged and planned apart.
    pub fn work_slots<'b>(&'b self, plan: &'b Plan) -> impl Iterator<Item = &'b Slot> + 'b {
        self.slots.iter().filter(move |slot| {
            self.person
                .is_none_or(|person| *plan.activities[slot.activity].who == *person)
        })
    }

    /// True when some of that day's work (by the person shown) was logged.
    pub fn has_logged(&self, plan: &Plan) -> bool {
        self.work_slots(plan).any(|slot| slot.logged)
    }
}

/// What happens on `date` under `schedule`.
pub fn day_info(schedule: &Schedule, date: NaiveDate) -> DayInfo<'_> {
    day_info_for(schedule, date, None)
}

/// What happens on `date` for `person` (everyone when `None`): their days off, their work.
pub fn day_info_for<'a>(
    schedule: &'a Schedule,
    date: NaiveDate,
    person: Option<&'a str>,
) -> DayInfo<'a> {
    DayWalk::from(schedule, date, person).day(date)
}

/// The days of a stretch of time asked one after another, in order: each day's work is the
/// next run of the schedule's slots, not searched for again in all of them (a frame's
/// calendars ask some 450 days).
pub struct DayWalk<'a> {
    calendar: &'a WorkCalendar,
    person: Option<&'a str>,
    /// The schedule's slots from the last day asked on.
    rest: &'a [Slot],
}

impl<'a> DayWalk<'a> {
    /// A walk over `person`'s days (everyone's when `None`) from `first` on.
    pub fn from(schedule: &'a Schedule, first: NaiveDate, person: Option<&'a str>) -> Self {
        let calendar = person.map_or(schedule.calendar(), |name| {
            schedule.calendar_of_person(name)
        });
        DayWalk {
            calendar,
            person,
            rest: schedule.slots_from(first),
        }
    }

    /// What happens on `date`, which is on or after the walk's first day and every day asked
    /// before (an earlier day would be told it has no work).
    pub fn day(&mut self, date: NaiveDate) -> DayInfo<'a> {
        let before = self.rest.iter().take_while(|slot| slot.date < date).count();
        let on = self.rest[before..]
            .iter()
            .take_while(|slot| slot.date == date)
            .count();
        let slots = &self.rest[before..before + on];
        self.rest = &self.rest[before..];
        let calendar = self.calendar;
        let exception = calendar.exception(date);
        // An exception with hours makes any day a workday; one of 0 hours, a plain day off.
        let kind = match exception {
            Some(hours) if !hours.is_zero() => DayKind::Workday,
            _ if calendar.is_holiday(date) => DayKind::Holiday,
            Some(_) => DayKind::Rest,
            None if calendar.is_workday(date) => DayKind::Workday,
            None => DayKind::Rest,
        };
        DayInfo {
            date,
            kind,
            exception: exception.is_some(),
            busy: calendar.capacity_without_busy(date) > calendar.capacity(date),
            slots,
            person: self.person,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weeks_touching_a_month_carry_iso_numbers() {
        let september: Vec<u32> = Month {
            year: 2023,
            month: 9,
        }
        .weeks(WeekStart::Mon)
        .map(Week::number)
        .collect();
        assert_eq!(september, [35, 36, 37, 38, 39]);
        let january: Vec<u32> = Month {
            year: 2021,
            month: 1,
        }
        .weeks(WeekStart::Mon)
        .map(Week::number)
        .collect();
        assert_eq!(january, [53, 1, 2, 3, 4]);
    }

    #[test]
    fn a_month_starting_on_monday_has_no_leading_week() {
        let may = Month {
            year: 2023,
            month: 5,
        };
        assert_eq!(
            may.weeks(WeekStart::Mon).next().unwrap().first,
            date(2023, 5, 1)
        );
        assert_eq!(may.weeks(WeekStart::Mon).count(), 5);
    }

    /// Worked out on a wall calendar: 1 January 2022 was a Saturday, 2023 a Sunday, 2027 a
    /// Friday.
    #[test]
    fn week_numbers_around_the_new_year_for_each_first_day() {
        let number = |y, m, d, start| Week::containing(date(y, m, d), start).number();
        // Monday: ISO. 1 Jan 2022 (Saturday) is in week 52 of 2021; 2 Jan 2023 starts week 1.
        assert_eq!(number(2022, 1, 1, WeekStart::Mon), 52);
        assert_eq!(number(2023, 1, 1, WeekStart::Mon), 52);
        assert_eq!(number(2023, 1, 2, WeekStart::Mon), 1);
        assert_eq!(number(2020, 12, 31, WeekStart::Mon), 53);
        // Sunday: the week holding 1 January is week 1. 26 Dec 2021 – 1 Jan 2022 is week 1 of
        // 2022; 2 Jan 2022 starts week 2; 1 Jan 2023 (a Sunday) starts week 1, and the week
        // before it, 25–31 Dec 2022, is week 53 of 2022.
        assert_eq!(number(2021, 12, 26, WeekStart::Sun), 1);
        assert_eq!(number(2022, 1, 1, WeekStart::Sun), 1);
        assert_eq!(number(2022, 1, 2, WeekStart::Sun), 2);
        assert_eq!(number(2023, 1, 1, WeekStart::Sun), 1);
        assert_eq!(number(2022, 12, 31, WeekStart::Sun), 53);
        assert_eq!(number(2022, 12, 24, WeekStart::Sun), 52);
        // Saturday: 1 Jan 2022 (a Saturday) starts week 1; 31 Dec 2021 is in week 53 of 2021
        // (25–31 Dec); 1 Jan 2027 (a Friday) is in the week from Saturday 26 Dec 2026: week 1.
        assert_eq!(number(2022, 1, 1, WeekStart::Sat), 1);
        assert_eq!(number(2021, 12, 31, WeekStart::Sat), 53);
        assert_eq!(number(2026, 12, 26, WeekStart::Sat), 1);
        assert_eq!(number(2027, 1, 2, WeekStart::Sat), 2);
        assert_eq!(
            Week::containing(date(2023, 9, 13), WeekStart::Sun).first,
            date(2023, 9, 10)
        );
    }

    #[test]
    fn weekday_labels_follow_the_first_day() {
        let labels = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
        assert_eq!(weekday_labels(&labels, WeekStart::Mon), labels);
        assert_eq!(weekday_labels(&labels, WeekStart::Sun)[..2], ["Su", "Mo"]);
        assert_eq!(weekday_labels(&labels, WeekStart::Sat)[..2], ["Sa", "Su"]);
    }

    #[test]
    fn months_between_includes_both_ends() {
        let months = months_between(date(2023, 11, 30), date(2024, 2, 1));
        assert_eq!(months.len(), 4);
        assert_eq!(
            months[1],
            Month {
                year: 2023,
                month: 12
            }
        );
    }
}
