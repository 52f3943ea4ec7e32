//! Working time: which days offer hours and how many, for the plan and for each listed person,
//! and the walk over working days that the placing loop steps along.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use super::LAST_DAY;
use crate::plan::{Day, Exception, Holiday, Hours, Person, Plan};
use std::sync::Arc;

/// Which days offer working time, and how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkCalendar {
    /// Indexed by `Weekday::num_days_from_monday`.
    workdays: [bool; 7],
    /// Inclusive ranges, sorted and merged: looked up by binary search, walked by [`Days`].
    holidays: Vec<(NaiveDate, NaiveDate)>,
    /// Dates with their own hours, sorted.
    exceptions: Vec<(NaiveDate, Hours)>,
    hours_per_day: Hours,
    /// When each day's working window opens.
    pub(super) day_start: NaiveTime,
}

impl WorkCalendar {
    /// The working time a plan defines.
    pub fn new(plan: &Plan) -> Self {
        Self::build(
            &plan.workdays,
            plan.holidays.iter(),
            plan.exceptions.iter(),
            plan.hours_per_day,
            plan.day_start,
        )
    }

    /// The working time of `person`: their own fields where they give them, the plan's
    /// otherwise; the plan's holidays and theirs; their exceptions over the plan's.
    pub fn for_person(plan: &Plan, person: &Person) -> Self {
        // Their own exceptions first: `build` keeps the first of a date.
        Self::build(
            person.workdays(plan),
            plan.holidays.iter().chain(&person.holidays),
            person.exceptions.iter().chain(&plan.exceptions),
            person.hours_per_day(plan),
            person.day_start(plan),
        )
    }

    fn build<'a>(
        days: &[Day],
        holiday_list: impl Iterator<Item = &'a Holiday>,
        exception_list: impl Iterator<Item = &'a Exception>,
        hours_per_day: Hours,
        day_start: NaiveTime,
    ) -> Self {
        let mut workdays = [false; 7];
        for day in days {
            workdays[day.weekday().num_days_from_monday() as usize] = true;
        }
        let mut ranges: Vec<(NaiveDate, NaiveDate)> = holiday_list
            .map(|holiday| (holiday.date, holiday.last_day().max(holiday.date)))
            .collect();
        ranges.sort_unstable();
        let mut holidays: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(ranges.len());
        for (first, last) in ranges {
            match holidays.last_mut() {
                Some(previous) if first <= previous.1.succ_opt().unwrap_or(previous.1) => {
                    previous.1 = previous.1.max(last);
                }
                _ => holidays.push((first, last)),
            }
        }
        let mut exceptions: Vec<(NaiveDate, Hours)> =
            exception_list.map(|e| (e.date, e.hours)).collect();
        // Stable: of two exceptions on one date, the first listed (a person's) stays.
        exceptions.sort_by_key(|(date, _)| *date);
        exceptions.dedup_by_key(|(date, _)| *date);
        WorkCalendar {
            workdays,
            holidays,
            exceptions,
            hours_per_day,
            day_start,
        }
    }

    /// When this calendar's working day opens.
    pub fn day_start(&self) -> NaiveTime {
        self.day_start
    }

    /// The hours of an ordinary working day.
    pub fn hours_per_day(&self) -> Hours {
        self.hours_per_day
    }

    /// The days of the week worked, Monday first.
    pub fn weekdays(&self) -> [bool; 7] {
        self.workdays
    }

    /// The days off, as inclusive ranges: sorted, overlapping and touching ones merged.
    pub fn holiday_ranges(&self) -> &[(NaiveDate, NaiveDate)] {
        &self.holidays
    }

    /// The dates with their own hours, sorted (0 h: a day off of this calendar's own).
    pub fn exceptions(&self) -> &[(NaiveDate, Hours)] {
        &self.exceptions
    }

    /// The moment `offset` into `date`'s working window.
    pub fn at(&self, date: NaiveDate, offset: Hours) -> NaiveDateTime {
        date.and_time(self.day_start) + TimeDelta::minutes(i64::from(offset.minutes()))
    }

    /// True when `date` is one of the plan's holidays (or in a range of them).
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        let next = self.holidays.partition_point(|(_, last)| *last < date);
        self.holidays
            .get(next)
            .is_some_and(|(first, _)| *first <= date)
    }

    /// True when `date` falls on a worked day of the week (holidays and exceptions aside).
    pub fn is_workday(&self, date: NaiveDate) -> bool {
        self.workdays[date.weekday().num_days_from_monday() as usize]
    }

    /// The hours an exception gives `date`, if it has one.
    pub fn exception(&self, date: NaiveDate) -> Option<Hours> {
        let found = self.exceptions.binary_search_by_key(&date, |(day, _)| *day);
        found.ok().map(|index| self.exceptions[index].1)
    }

    /// Working days from `from` to `to`: those after `from` up to `to` included, negative when
    /// `to` comes first. This is how a slip is counted: a day off in between is no slip.
    pub fn working_days_from(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (first, last, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let mut count = 0;
        if let Some(mut days) = first.succ_opt().and_then(|next| Days::from(self, next)) {
            while days.date <= last {
                count += 1;
                if days.advance().is_none() {
                    break;
                }
            }
        }
        sign * count
    }

    /// The working time `date` offers.
    pub fn capacity(&self, date: NaiveDate) -> Hours {
        self.exception(date).unwrap_or_else(|| {
            if self.is_workday(date) && !self.is_holiday(date) {
                self.hours_per_day
            } else {
                Hours::ZERO
            }
        })
    }
}

/// The plan's working time and each listed person's; and each activity's, as an index.
pub(super) fn calendars_of(plan: &Plan) -> (Arc<[WorkCalendar]>, Arc<[usize]>) {
    let calendars: Arc<[WorkCalendar]> = std::iter::once(WorkCalendar::new(plan))
        .chain(
            plan.people
                .iter()
                .map(|person| WorkCalendar::for_person(plan, person)),
        )
        .collect();
    let by_name: foldhash::HashMap<&str, usize> = plan
        .people
        .iter()
        .enumerate()
        .map(|(index, person)| (&*person.name, index + 1))
        .collect();
    let calendar_of = plan
        .activities
        .iter()
        .map(|activity| by_name.get(&*activity.who).copied().unwrap_or(0))
        .collect();
    (calendars, calendar_of)
}

/// A walk over the working days in date order. It keeps the weekday, the next holiday range
/// and the next exception as it goes, so each step costs a few comparisons: this is the
/// scheduler's inner loop.
#[derive(Clone)]
pub(super) struct Days<'a> {
    calendar: &'a WorkCalendar,
    pub(super) date: NaiveDate,
    /// `date`'s weekday, counted from Monday.
    weekday: usize,
    /// Index of the first holiday range that does not end before `date`.
    next_holiday: usize,
    /// Index of the first exception on or after `date`.
    next_exception: usize,
}

impl<'a> Days<'a> {
    /// Starts on the first working day on or after `from`; `None` past [`LAST_DAY`].
    pub(super) fn from(calendar: &'a WorkCalendar, from: NaiveDate) -> Option<Self> {
        let mut days = Days {
            calendar,
            date: from,
            weekday: from.weekday().num_days_from_monday() as usize,
            next_holiday: calendar.holidays.partition_point(|(_, last)| *last < from),
            next_exception: calendar.exceptions.partition_point(|(day, _)| *day < from),
        };
        if days.capacity().is_zero() {
            days.advance()?;
        }
        (days.date <= LAST_DAY).then_some(days)
    }

    /// The working time of the current day.
    pub(super) fn capacity(&self) -> Hours {
        let calendar = self.calendar;
        match calendar.exceptions.get(self.next_exception) {
            Some((day, hours)) if *day == self.date => *hours,
            _ => {
                let holiday = calendar
                    .holidays
                    .get(self.next_holiday)
                    .is_some_and(|(first, _)| *first <= self.date);
                if calendar.workdays[self.weekday] && !holiday {
                    calendar.hours_per_day
                } else {
                    Hours::ZERO
                }
            }
        }
    }

    /// Moves to the next working day; `None` past [`LAST_DAY`].
    pub(super) fn advance(&mut self) -> Option<()> {
        let calendar = self.calendar;
        loop {
            self.date = self.date.succ_opt().filter(|next| *next <= LAST_DAY)?;
            self.weekday = (self.weekday + 1) % 7;
            while calendar
                .holidays
                .get(self.next_holiday)
                .is_some_and(|(_, last)| *last < self.date)
            {
                self.next_holiday += 1;
            }
            while calendar
                .exceptions
                .get(self.next_exception)
                .is_some_and(|(day, _)| *day < self.date)
            {
                self.next_exception += 1;
            }
            if !self.capacity().is_zero() {
                return Some(());
            }
        }
    }
}

/// How far into its day's window `moment` is, in whole quarter-hours (0 before it opens).
pub(super) fn offset_of(calendar: &WorkCalendar, moment: NaiveDateTime) -> Hours {
    // The times of day alone: the date is the same, and chrono's date arithmetic is not free
    // in the scheduler's inner loop.
    let minutes = (moment.time() - calendar.day_start).num_minutes().max(0);
    let quarters = u64::try_from(minutes).unwrap_or(0).div_ceil(15);
    Hours::from_quarters(u32::try_from(quarters).unwrap_or(u32::MAX))
}

/// The first working moment of `calendar` at or after `moment`: its day and offset there.
pub(super) fn place(calendar: &WorkCalendar, moment: NaiveDateTime) -> Option<(Days<'_>, Hours)> {
    let mut days = Days::from(calendar, moment.date())?;
    if days.date != moment.date() {
        return Some((days, Hours::ZERO));
    }
    let offset = offset_of(calendar, moment);
    if offset >= days.capacity() {
        days.advance()?;
        return Some((days, Hours::ZERO));
    }
    Some((days, offset))
}
