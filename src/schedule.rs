//! The scheduler: lays a plan's activities onto working time. Pure: no I/O, no terminal.
//!
//! Every workday that is not a holiday offers `hours_per_day` hours from `day_start`.
//! Activities run in their listed order; one that ends mid-day hands the rest of that day to
//! the next, and one that fills the day hands over at `day_start` of the next working day.
//! The cost is linear in activities + days.

use std::ops::Range;

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta};

use crate::plan::{Hours, Plan};

/// The last day a schedule may use: dates are written with four-digit years.
pub const LAST_DAY: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a real date");

/// Which days offer working time, and how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkCalendar {
    /// Indexed by `Weekday::num_days_from_monday`.
    workdays: [bool; 7],
    /// Sorted, without repeats: looked up by binary search, walked in order by [`Days`].
    holidays: Vec<NaiveDate>,
    hours_per_day: Hours,
}

impl WorkCalendar {
    /// The working time a plan defines.
    pub fn new(plan: &Plan) -> Self {
        let mut workdays = [false; 7];
        for day in &plan.workdays {
            workdays[day.weekday().num_days_from_monday() as usize] = true;
        }
        let mut holidays: Vec<NaiveDate> =
            plan.holidays.iter().map(|holiday| holiday.date).collect();
        holidays.sort_unstable();
        holidays.dedup();
        WorkCalendar {
            workdays,
            holidays,
            hours_per_day: plan.hours_per_day,
        }
    }

    /// True when `date` is one of the plan's holidays.
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.binary_search(&date).is_ok()
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
}

/// A walk over the working days in date order. It keeps the weekday and the next holiday as it
/// goes, so each step costs a few comparisons: this is the scheduler's inner loop.
struct Days<'a> {
    calendar: &'a WorkCalendar,
    date: NaiveDate,
    /// `date`'s weekday, counted from Monday.
    weekday: usize,
    /// Index of the first holiday on or after `date`.
    next_holiday: usize,
}

impl<'a> Days<'a> {
    /// Starts on the first working day on or after `from`; `None` past [`LAST_DAY`].
    fn from(calendar: &'a WorkCalendar, from: NaiveDate) -> Option<Self> {
        let mut days = Days {
            calendar,
            date: from,
            weekday: from.weekday().num_days_from_monday() as usize,
            next_holiday: calendar.holidays.partition_point(|holiday| *holiday < from),
        };
        if !days.is_working() {
            days.advance()?;
        }
        (days.date <= LAST_DAY).then_some(days)
    }

    fn is_working(&self) -> bool {
        self.calendar.workdays[self.weekday]
            && self.calendar.holidays.get(self.next_holiday) != Some(&self.date)
    }

    /// Moves to the next working day; `None` past [`LAST_DAY`].
    fn advance(&mut self) -> Option<()> {
        loop {
            self.date = self.date.succ_opt().filter(|next| *next <= LAST_DAY)?;
            self.weekday = (self.weekday + 1) % 7;
            while self
                .calendar
                .holidays
                .get(self.next_holiday)
                .is_some_and(|holiday| *holiday < self.date)
            {
                self.next_holiday += 1;
            }
            if self.is_working() {
                return Some(());
            }
        }
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
    /// The most activities worked on any one day.
    busiest_day: usize,
}

/// Lays the plan's activities onto its working time.
pub fn schedule(plan: &Plan) -> Result<Schedule, ScheduleError> {
    let calendar = WorkCalendar::new(plan);
    let day_start = plan.start.and_time(plan.day_start);
    let at = |date: NaiveDate, offset: Hours| {
        date.and_time(plan.day_start) + TimeDelta::minutes(i64::from(offset.minutes()))
    };
    let mut spans = Vec::with_capacity(plan.activities.len());
    // Every day holds at least one slot's worth of a day's hours, plus one partial day per
    // activity: reserving that avoids regrowing the vector in the loop. The estimate is capped
    // by the days left before LAST_DAY, so a hostile plan cannot ask for absurd memory.
    let day = plan.hours_per_day.quarters().max(1) as usize;
    let total = plan.total_hours().quarters() as usize;
    let days_left = usize::try_from((LAST_DAY - plan.start).num_days()).unwrap_or(0);
    let mut slots = Vec::with_capacity((total / day).min(days_left) + plan.activities.len() + 1);
    let capacity = plan.hours_per_day;
    let mut days = Days::from(&calendar, plan.start);
    let mut used = Hours::ZERO;

    for (index, activity) in plan.activities.iter().enumerate() {
        let past_the_calendar = || ScheduleError::PastTheCalendar {
            code: activity.code.to_string(),
        };
        let walk = days.as_mut().ok_or_else(past_the_calendar)?;
        if used == capacity {
            walk.advance().ok_or_else(past_the_calendar)?;
            used = Hours::ZERO;
        }
        let start = at(walk.date, used);
        let first_slot = slots.len();
        let mut remaining = activity.hours;
        loop {
            let hours = remaining.min(capacity - used);
            slots.push(Slot {
                date: walk.date,
                activity: index,
                offset: used,
                hours,
            });
            used += hours;
            remaining -= hours;
            if remaining.is_zero() {
                break;
            }
            walk.advance().ok_or_else(past_the_calendar)?;
            used = Hours::ZERO;
        }
        spans.push(Span {
            start,
            end: at(walk.date, used),
            slots: first_slot..slots.len(),
        });
    }
    let busiest_day = most_on_one_day(&slots);
    Ok(Schedule {
        busiest_day,
        spans,
        slots,
        calendar,
        plan_start: day_start,
    })
}

/// The longest run of slots on the same date (slots are sorted by date).
fn most_on_one_day(slots: &[Slot]) -> usize {
    slots
        .chunk_by(|a, b| a.date == b.date)
        .map(<[Slot]>::len)
        .max()
        .unwrap_or(0)
}

impl Schedule {
    /// The most activities worked on any one day: above 1 when activities share a day.
    pub fn busiest_day(&self) -> usize {
        self.busiest_day
    }

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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::*;

    fn plan(text: &str) -> Plan {
        crate::plan::parse(text, Path::new("test.ron"))
            .expect("test plans are valid")
            .plan
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn spans(text: &str) -> Vec<(NaiveDateTime, NaiveDateTime)> {
        let schedule = schedule(&plan(text)).unwrap();
        schedule.spans().iter().map(|s| (s.start, s.end)).collect()
    }

    #[test]
    fn the_seed_plan_matches_the_hand_made_tables() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron")).unwrap();
        let seed = plan(&text);
        let schedule = schedule(&seed).unwrap();
        let expected = [
            ("2023-09-13 08:00", "2023-09-21 14:00"),
            ("2023-09-22 08:00", "2023-10-02 14:00"),
            ("2023-10-03 08:00", "2023-10-11 14:00"),
            ("2023-10-12 08:00", "2023-10-25 14:00"),
            ("2023-10-26 08:00", "2023-11-03 14:00"),
            ("2023-11-06 08:00", "2023-11-13 14:00"),
            ("2023-11-14 08:00", "2023-11-28 12:00"),
        ];
        for (span, (start, end)) in schedule.spans().iter().zip(expected) {
            assert_eq!((span.start, span.end), (at(start), at(end)));
        }
        assert_eq!(schedule.total_hours(), Hours::from_whole(310));
        assert_eq!(schedule.working_days(), 52);
    }

    #[test]
    fn a_start_on_a_weekend_moves_to_monday() {
        let spans = spans(
            r#"Plan(start: "2023-09-16", hours_per_day: 8, activities: [(code: "A", hours: 8)])"#,
        );
        assert_eq!(spans, [(at("2023-09-18 09:00"), at("2023-09-18 17:00"))]);
    }

    #[test]
    fn a_start_on_a_holiday_moves_past_consecutive_holidays() {
        let spans = spans(
            r#"Plan(start: "2023-10-13", hours_per_day: 4, day_start: "08:00",
                holidays: [(date: "2023-10-13"), (date: "2023-10-16"), (date: "2023-10-17")],
                activities: [(code: "A", hours: 6)])"#,
        );
        assert_eq!(spans, [(at("2023-10-18 08:00"), at("2023-10-19 10:00"))]);
    }

    #[test]
    fn fractional_hours_hand_over_mid_day() {
        let text = r#"Plan(start: "2024-01-08", hours_per_day: 7.5, day_start: "08:30",
            activities: [(code: "A", hours: 0.25), (code: "B", hours: 7.5), (code: "C", hours: 0.75)])"#;
        assert_eq!(
            spans(text),
            [
                (at("2024-01-08 08:30"), at("2024-01-08 08:45")),
                (at("2024-01-08 08:45"), at("2024-01-09 08:45")),
                (at("2024-01-09 08:45"), at("2024-01-09 09:30")),
            ]
        );
        let schedule = schedule(&plan(text)).unwrap();
        let b: Vec<u32> = schedule
            .slots_of(1)
            .iter()
            .map(|s| s.hours.quarters())
            .collect();
        assert_eq!(b, [29, 1]);
        assert_eq!(
            schedule
                .slots_on(NaiveDate::from_ymd_opt(2024, 1, 9).unwrap())
                .len(),
            2
        );
    }

    #[test]
    fn a_full_day_hands_over_the_next_working_morning() {
        let spans = spans(
            r#"Plan(start: "2023-09-15", hours_per_day: 6, day_start: "08:00",
                activities: [(code: "A", hours: 6), (code: "B", hours: 1)])"#,
        );
        assert_eq!(spans[1], (at("2023-09-18 08:00"), at("2023-09-18 09:00")));
    }

    #[test]
    fn the_busiest_day_counts_activities_sharing_it() {
        let whole_days = plan(
            r#"Plan(start: "2024-01-08", hours_per_day: 4, activities: [(code: "A", hours: 4), (code: "B", hours: 8)])"#,
        );
        assert_eq!(schedule(&whole_days).unwrap().busiest_day(), 1);
        let shared = plan(
            r#"Plan(start: "2024-01-08", hours_per_day: 4, activities: [(code: "A", hours: 1), (code: "B", hours: 1), (code: "C", hours: 1)])"#,
        );
        assert_eq!(schedule(&shared).unwrap().busiest_day(), 3);
    }

    #[test]
    fn a_single_workday_a_week() {
        let spans = spans(
            r#"Plan(start: "2023-09-13", hours_per_day: 4, workdays: [Sat],
                activities: [(code: "A", hours: 10)])"#,
        );
        assert_eq!(spans, [(at("2023-09-16 09:00"), at("2023-09-30 11:00"))]);
    }

    #[test]
    fn a_window_closing_at_midnight_ends_at_the_next_day() {
        let spans = spans(
            r#"Plan(start: "2023-09-13", hours_per_day: 4, day_start: "20:00",
                activities: [(code: "A", hours: 4)])"#,
        );
        assert_eq!(spans, [(at("2023-09-13 20:00"), at("2023-09-14 00:00"))]);
    }

    #[test]
    fn work_past_the_year_9999_is_an_error_not_a_panic() {
        let result = schedule(&plan(
            r#"Plan(start: "9999-12-01", hours_per_day: 1, activities: [(code: "Late", hours: 500)])"#,
        ));
        assert_eq!(
            result,
            Err(ScheduleError::PastTheCalendar {
                code: "Late".into()
            })
        );
    }
}
