//! The scheduler: lays a plan's activities onto working time. Pure: no I/O, no terminal.
//!
//! Every workday that is not a holiday offers its windows (`08:00-12:00`, `13:00-17:00`; or one
//! window of `hours_per_day` from `day_start`), a weekday of `week` its own, a date listed in
//! `exceptions` its own. Work is laid into a day's windows in order, as an offset into the day's
//! working time: a slot says how far in it starts and how long it is, and the calendar turns
//! that into clock time (a start at a break is the next window's opening, an end at a break the
//! close of the one before). Each person works their activities one at a time in the listed
//! order (unless `ordering: LinksOnly`); different people work in parallel. An activity starts at
//! the latest of: the plan's start, its `not_before`, the ends of its `after` activities, and
//! the end of its person's previous activity. Work flows on from there: an activity that ends
//! mid-day hands the rest of that day on (unless `handoff: NextDay`), one that fills the day
//! hands over at the first window of the next working day. The cost is linear in days, plus
//! n log n in activities to order them.

mod calendar;
mod critical;
mod order;
mod place;
mod queries;
mod track;

use std::ops::Range;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

pub use calendar::{BusyTime, WorkCalendar};
pub use queries::{OverAllocation, WorkDay};

use crate::plan::order::{Predecessors, work_order};
use crate::plan::{Hours, Plan};

/// The last day a schedule may use: dates are written with four-digit years.
pub const LAST_DAY: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a real date");

/// Part of one activity done on one day (a milestone has one slot of no hours, on its day).
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
    /// True for work that was logged (done), false for work planned.
    pub logged: bool,
}

/// What set an activity's start: the latest of its constraints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Driver {
    /// The plan's start.
    PlanStart,
    /// Its own `not_before`.
    NotBefore,
    /// The end of this activity (named in `after`, or the person's previous one).
    Activity(usize),
    /// The status date of a tracked plan: no remaining work starts before it.
    StatusDate,
    /// Logged work: a finished activity's times are its log's.
    Logged,
}

/// When one activity starts and ends, which slots it occupies, and what set its start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The moment work on it starts.
    pub start: NaiveDateTime,
    /// The moment it is finished.
    pub end: NaiveDateTime,
    /// The constraint that fixed its start.
    pub driver: Driver,
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
    /// Activities wait for each other in a circle (validation names them in detail).
    #[error("activities {codes} wait for each other in a circle")]
    Cycle {
        /// Their codes, comma-separated.
        codes: String,
    },
}

/// The computed schedule of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    spans: Vec<Span>,
    /// Every activity's slots, one activity after another (see [`Span`]).
    slots: Vec<Slot>,
    /// The same slots sorted by date and, within a day, by offset; `None` when `slots` is
    /// already in that order.
    by_day: Option<Vec<Slot>>,
    /// The plan's working time first, then each listed person's (shared with the schedules a
    /// [`reschedule`] makes from this one: an edit of hours does not change them).
    calendars: Arc<[WorkCalendar]>,
    /// Each activity's calendar, an index into `calendars`.
    calendar_of: Arc<[usize]>,
    /// What each activity waits for: kept by a [`reschedule`] too.
    before: Arc<Predecessors>,
    /// The listed people's names, in the order of `calendars[1..]`.
    people: Vec<std::sync::Arc<str>>,
    plan_start: NaiveDateTime,
    /// The chain that fixes the plan's end, first activity first.
    critical_path: Vec<usize>,
    critical: Vec<bool>,
    /// The order the activities were placed in, and each one's place in it: what a
    /// [`reschedule`] keeps.
    order: Arc<[usize]>,
    position: Arc<[usize]>,
    /// For a tracked plan: the status date, and each activity's logged and remaining hours.
    progress: Option<Progress>,
    /// For a tracked plan: what its log says (kept by a [`reschedule`]).
    logged: Option<Arc<track::Logged>>,
    /// The status date it was made for (kept by a [`reschedule`]).
    as_of: NaiveDate,
    /// When the first activity starts and the last ends; and all the hours: worked out once,
    /// as the view's header shows them on every frame.
    bounds: (NaiveDateTime, NaiveDateTime),
    total_hours: Hours,
    /// The first and last days with a slot, which every frame asks.
    worked_days: Option<(NaiveDate, NaiveDate)>,
}

/// Where a tracked plan stands on its status date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Each activity's logged hours (shared by the schedules of the same log).
    pub logged: Arc<[Hours]>,
    /// Each activity's remaining hours: 0 when done.
    pub remaining: Vec<Hours>,
}

/// The buffers of a schedule no longer needed, for the next one to fill. At 10,000 activities
/// a schedule's slots are megabytes: freed after every key press, the allocator hands them back
/// to the system and the next reschedule faults them in again, a third of a frame. The view
/// keeps the schedule it replaced as a `Spare` and gives it to the next reschedule.
#[derive(Debug, Default)]
pub struct Spare {
    slots: Vec<Slot>,
    by_day: Vec<Slot>,
}

impl Schedule {
    /// This schedule's large buffers, emptied, for the next reschedule to fill.
    pub fn into_spare(self) -> Spare {
        let Schedule {
            mut slots, by_day, ..
        } = self;
        let mut by_day = by_day.unwrap_or_default();
        slots.clear();
        by_day.clear();
        Spare { slots, by_day }
    }
}

/// Lays the plan's activities onto their people's working time, as of the plan's start: for a
/// tracked plan, as if no day had passed (log entries are then errors); commands and the view
/// call [`schedule_as_of`] with today.
pub fn schedule(plan: &Plan) -> Result<Schedule, ScheduleError> {
    schedule_as_of(plan, plan.start)
}

/// Lays the plan's activities onto working time as of the status date `as_of`: for a tracked
/// plan, logged work is fact and remaining work starts on `as_of` or later. An untracked plan
/// is scheduled the same whatever the date.
pub fn schedule_as_of(plan: &Plan, as_of: NaiveDate) -> Result<Schedule, ScheduleError> {
    let before = Arc::new(Predecessors::of(plan));
    let order = work_order(&before).map_err(|cycle| ScheduleError::Cycle {
        codes: cycle
            .iter()
            .map(|index| plan.activities[*index].code.to_string())
            .collect::<Vec<_>>()
            .join(", "),
    })?;
    let (calendars, calendar_of) = calendar::calendars_of(plan);
    let shared = Shared {
        before,
        calendars,
        calendar_of,
        position: order::positions(&order).into(),
        order: order.into(),
        logged: None,
    };
    place_from(plan, shared, None, as_of, Spare::default())
}

/// The status date a plan is scheduled as of when `asked` for: the later of `asked` and the
/// last day the plan logs work. Work logged is work done, so a plan that logs a day after the
/// date asked (saved while the view ran with a later `--as-of`, or on a machine whose clock
/// was ahead) is followed up to that day rather than refused: a plan the program saved always
/// opens again. Who asked says so when it moved ([`Schedule::as_of`] tells).
pub fn status_date(plan: &Plan, asked: NaiveDate) -> NaiveDate {
    plan.last_logged_day().map_or(asked, |last| last.max(asked))
}

/// What an edit of hours leaves as it was, shared between a schedule and its reschedule.
struct Shared {
    before: Arc<Predecessors>,
    calendars: Arc<[WorkCalendar]>,
    calendar_of: Arc<[usize]>,
    order: Arc<[usize]>,
    position: Arc<[usize]>,
    /// A tracked plan's log as laid before, when there is a schedule before.
    logged: Option<Arc<track::Logged>>,
}

/// The schedule of `plan` after an edit of `old` (whose schedule is `previous`): when only
/// activities' hours or `not_before` changed, everything placed before the first of them in
/// work order is kept and the rest placed again; any other change schedules from scratch.
/// Always equal to [`schedule`] (a property test holds it to that).
pub fn reschedule(plan: &Plan, old: &Plan, previous: &Schedule) -> Result<Schedule, ScheduleError> {
    reschedule_shaped(plan, old, previous, plan.same_shape(old), Spare::default())
}

/// [`reschedule`] for a caller that has already asked whether the edit kept the plan's shape:
/// `same_shape` must be `plan.same_shape(old)` (the view asks it to know what to validate).
/// The new schedule is made in `spare`'s buffers where it can be.
pub fn reschedule_shaped(
    plan: &Plan,
    old: &Plan,
    previous: &Schedule,
    same_shape: bool,
    spare: Spare,
) -> Result<Schedule, ScheduleError> {
    debug_assert_eq!(same_shape, plan.same_shape(old));
    match same_shape
        .then(|| first_changed(plan, old, previous))
        .flatten()
    {
        Some(first) => reschedule_from(plan, previous, first, spare),
        None => schedule_as_of(plan, previous.as_of()),
    }
}

/// The schedule of `plan` after an edit of nothing but activity `index`'s hours, name or
/// `not_before` (its code, person, links and tracking as they were), whose schedule before
/// was `previous`: what the view does for `+`/`-`, without a copy of the plan to compare.
/// Made in `spare`'s buffers; equal to [`schedule`] (a property test holds it to that).
pub fn reschedule_activity(
    plan: &Plan,
    previous: &Schedule,
    index: usize,
    spare: Spare,
) -> Result<Schedule, ScheduleError> {
    match previous.position.get(index) {
        Some(first) if previous.position.len() == plan.activities.len() => {
            reschedule_from(plan, previous, *first, spare)
        }
        _ => schedule_as_of(plan, previous.as_of()),
    }
}

/// Keeps `previous`'s placements before position `first` in work order and places the rest.
fn reschedule_from(
    plan: &Plan,
    previous: &Schedule,
    first: usize,
    spare: Spare,
) -> Result<Schedule, ScheduleError> {
    let kept = Kept {
        count: first,
        spans: &previous.spans,
        slots: &previous.slots,
        by_day: previous.by_day(),
    };
    let shared = Shared {
        before: previous.before.clone(),
        calendars: previous.calendars.clone(),
        calendar_of: previous.calendar_of.clone(),
        order: previous.order.clone(),
        position: previous.position.clone(),
        logged: previous.logged.clone(),
    };
    place_from(plan, shared, Some(kept), previous.as_of(), spare)
}

/// The position in work order of the first activity whose inputs differ, for an edit of
/// nothing but activities' hours and `not_before` (so the order and the calendars are the same).
fn first_changed(plan: &Plan, old: &Plan, previous: &Schedule) -> Option<usize> {
    if previous.position.len() != plan.activities.len() {
        return None;
    }
    let mut first = previous.order.len();
    for (index, (new, was)) in plan.activities.iter().zip(&old.activities).enumerate() {
        if new.hours != was.hours || new.not_before != was.not_before {
            first = first.min(previous.position[index]);
        }
    }
    Some(first)
}

/// The first `count` placements (in work order) of an earlier schedule, to keep; and all its
/// slots in day order, to keep theirs.
struct Kept<'a> {
    count: usize,
    spans: &'a [Span],
    slots: &'a [Slot],
    by_day: &'a [Slot],
}

/// Places `order` from its start, or after the placements `kept`.
fn place_from(
    plan: &Plan,
    shared: Shared,
    kept: Option<Kept>,
    as_of: NaiveDate,
    spare: Spare,
) -> Result<Schedule, ScheduleError> {
    let Shared {
        before,
        calendars,
        calendar_of,
        order,
        position,
        logged,
    } = shared;
    let as_of = status_date(plan, as_of);
    let tracking = track::Tracking::of(plan, logged, as_of);
    let mut placer = place::Placer::new(plan, &calendars, &calendar_of, &before, spare.slots);
    placer.tracking = tracking.as_ref();
    let kept_slots = kept.as_ref().map_or(0, |kept| {
        placer.keep(&order[..kept.count], kept.spans, kept.slots)
    });
    for index in &order[kept.as_ref().map_or(0, |kept| kept.count)..] {
        placer.place(*index)?;
    }
    let (spans, slots) = placer.finish();
    let kept = kept.map(|kept| (kept, kept_slots));
    let by_day = order::day_order(&slots, &spans, kept.as_ref(), &position, spare.by_day);
    let worked_days = order::first_and_last_days(&slots);
    let critical_path = critical::critical_path(&spans);
    let mut critical = vec![false; spans.len()];
    for index in &critical_path {
        critical[*index] = true;
    }
    let plan_start = calendars[0].opening(plan.start);
    let bounds = (
        spans
            .iter()
            .map(|span| span.start)
            .min()
            .unwrap_or(plan_start),
        spans
            .iter()
            .map(|span| span.end)
            .max()
            .unwrap_or(plan_start),
    );
    let total_hours = slots.iter().map(|slot| slot.hours).sum();
    Ok(Schedule {
        bounds,
        total_hours,
        worked_days,
        spans,
        slots,
        by_day,
        calendars,
        calendar_of,
        before,
        people: plan
            .people
            .iter()
            .map(|person| person.name.clone())
            .collect(),
        plan_start,
        critical_path,
        critical,
        position,
        order,
        as_of,
        logged: tracking.as_ref().map(|tracking| tracking.logged.clone()),
        progress: tracking.map(|tracking| Progress {
            logged: tracking.logged.logged_total.clone(),
            remaining: tracking.remaining,
        }),
    })
}

#[cfg(test)]
mod tests;
