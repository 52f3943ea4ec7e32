//! The scheduler: lays a plan's activities onto working time. Pure: no I/O, no terminal.
//!
//! Every workday that is not a holiday offers `hours_per_day` hours from `day_start`.
//! Activities run in their listed order; one that ends mid-day hands the rest of that day to
//! the next, and one that fills the day hands over at `day_start` of the next working day.
//! The cost is linear in activities + days.

use std::collections::HashSet;
use std::ops::Range;

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta};

use crate::plan::{Hours, Plan};

/// Which days offer working time, and how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkCalendar {
    /// Indexed by `Weekday::num_days_from_monday`.
    workdays: [bool; 7],
    holidays: HashSet<NaiveDate>,
    hours_per_day: Hours,
}

impl WorkCalendar {
    /// The working time a plan defines.
    pub fn new(plan: &Plan) -> Self {
        let mut workdays = [false; 7];
        for day in &plan.workdays {
            workdays[day.weekday().num_days_from_monday() as usize] = true;
        }
        WorkCalendar {
            workdays,
            holidays: plan.holidays.iter().map(|holiday| holiday.date).collect(),
            hours_per_day: plan.hours_per_day,
        }
    }

    /// True when `date` is one of the plan's holidays.
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.contains(&date)
    }

    /// True when `date` falls on a worked day of the week (holidays aside).
    pub fn is_workday(&self, date: NaiveDate) -> bool {
        self.workdays[date.weekday().num_days_from_monday() as usize]
    }

    /// The working time `date` offers.
    pub fn capacity(&self, date: NaiveDate) -> Hours {
        if self.is_workday(date) && !self.is_holiday(date) {
            self.hours_per_day
        } else {
            Hours::ZERO
        }
    }

    /// The first day on or after `date` that offers working time.
    fn working_day_from(&self, mut date: NaiveDate) -> Option<NaiveDate> {
        while self.capacity(date).is_zero() {
            date = date.succ_opt()?;
        }
        Some(date)
    }
}

/// Part of one activity done on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// The day.
    pub date: NaiveDate,
    /// Index of the activity in the plan.
    pub activity: usize,
    /// How far into the day's window the work starts.
    pub offset: Hours,
    /// How much work is done that day.
    pub hours: Hours,
}

/// When one activity starts and ends, and which slots it occupies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The moment work on it starts.
    pub start: NaiveDateTime,
    /// The moment it is finished.
    pub end: NaiveDateTime,
    slots: Range<usize>,
}

/// Why a plan cannot be scheduled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    /// The work would run past the last day chrono can represent.
    #[error("activity {code} would run past the year 9999")]
    PastTheCalendar {
        /// The activity that does not fit.
        code: String,
    },
}

/// The computed schedule of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    spans: Vec<Span>,
    /// Every slot, sorted by date and, within a day, by offset.
    slots: Vec<Slot>,
    calendar: WorkCalendar,
    plan_start: NaiveDateTime,
}

/// Lays the plan's activities onto its working time.
pub fn schedule(plan: &Plan) -> Result<Schedule, ScheduleError> {
    let calendar = WorkCalendar::new(plan);
    let day_start = plan.start.and_time(plan.day_start);
    let at = |date: NaiveDate, offset: Hours| {
        date.and_time(plan.day_start) + TimeDelta::minutes(i64::from(offset.minutes()))
    };
    let mut spans = Vec::with_capacity(plan.activities.len());
    let mut slots = Vec::new();
    let mut day = calendar.working_day_from(plan.start);
    let mut used = Hours::ZERO;

    for (index, activity) in plan.activities.iter().enumerate() {
        let past_the_calendar = || ScheduleError::PastTheCalendar {
            code: activity.code.clone(),
        };
        let mut date = day.ok_or_else(past_the_calendar)?;
        if used == calendar.capacity(date) {
            date = next_working_day(&calendar, date).ok_or_else(past_the_calendar)?;
            used = Hours::ZERO;
        }
        let start = at(date, used);
        let first_slot = slots.len();
        let mut remaining = activity.hours;
        loop {
            let hours = remaining.min(calendar.capacity(date) - used);
            slots.push(Slot {
                date,
                activity: index,
                offset: used,
                hours,
            });
            used += hours;
            remaining -= hours;
            if remaining.is_zero() {
                break;
            }
            date = next_working_day(&calendar, date).ok_or_else(past_the_calendar)?;
            used = Hours::ZERO;
        }
        spans.push(Span {
            start,
            end: at(date, used),
            slots: first_slot..slots.len(),
        });
        day = Some(date);
    }
    Ok(Schedule {
        spans,
        slots,
        calendar,
        plan_start: day_start,
    })
}

fn next_working_day(calendar: &WorkCalendar, date: NaiveDate) -> Option<NaiveDate> {
    calendar.working_day_from(date.succ_opt()?)
}

impl Schedule {
    /// One span per activity, in the plan's order.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// The days activity `index` occupies, in date order.
    pub fn slots_of(&self, index: usize) -> &[Slot] {
        &self.slots[self.spans[index].slots.clone()]
    }

    /// Every slot on `date`, in the order the work is done that day.
    pub fn slots_on(&self, date: NaiveDate) -> &[Slot] {
        let from = self.slots.partition_point(|slot| slot.date < date);
        let to = from + self.slots[from..].partition_point(|slot| slot.date == date);
        &self.slots[from..to]
    }

    /// The working time the schedule was computed on.
    pub fn calendar(&self) -> &WorkCalendar {
        &self.calendar
    }

    /// When the first activity starts (the plan's start when it has none).
    pub fn start(&self) -> NaiveDateTime {
        self.spans
            .first()
            .map_or(self.plan_start, |span| span.start)
    }

    /// When the last activity ends (the plan's start when it has none).
    pub fn end(&self) -> NaiveDateTime {
        self.spans.last().map_or(self.plan_start, |span| span.end)
    }

    /// The first and last days with work, if any.
    pub fn worked_days(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.slots.first()?.date, self.slots.last()?.date))
    }

    /// All the hours scheduled.
    pub fn total_hours(&self) -> Hours {
        self.slots.iter().map(|slot| slot.hours).sum()
    }

    /// How many distinct days have work.
    pub fn working_days(&self) -> usize {
        let mut count = 0;
        let mut last = None;
        for slot in &self.slots {
            if last != Some(slot.date) && !slot.hours.is_zero() {
                count += 1;
                last = Some(slot.date);
            }
        }
        count
    }
}
