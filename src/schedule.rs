//! The scheduler: lays a plan's activities onto working time. Pure: no I/O, no terminal.
//!
//! Every workday that is not a holiday offers `hours_per_day` hours from `day_start` (a date
//! listed in `exceptions` offers its own hours instead). Each person works their activities one
//! at a time in the listed order; different people work in parallel. An activity starts at the
//! latest of: the plan's start, its `not_before`, the ends of its `after` activities, and the end
//! of its person's previous activity. Work flows on from there: an activity that ends mid-day
//! hands the rest of that day on (unless `handoff: NextDay`), one that fills the day hands over at
//! `day_start` of the next working day. The cost is linear in days, plus n log n in activities
//! to order them.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use crate::plan::order::{Link, Predecessors, work_order};
use crate::plan::{Day, Exception, Handoff, Holiday, Hours, Person, Plan};

/// The last day a schedule may use: dates are written with four-digit years.
pub const LAST_DAY: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a real date");

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
    day_start: NaiveTime,
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

/// A walk over the working days in date order. It keeps the weekday, the next holiday range
/// and the next exception as it goes, so each step costs a few comparisons: this is the
/// scheduler's inner loop.
#[derive(Clone)]
struct Days<'a> {
    calendar: &'a WorkCalendar,
    date: NaiveDate,
    /// `date`'s weekday, counted from Monday.
    weekday: usize,
    /// Index of the first holiday range that does not end before `date`.
    next_holiday: usize,
    /// Index of the first exception on or after `date`.
    next_exception: usize,
}

impl<'a> Days<'a> {
    /// Starts on the first working day on or after `from`; `None` past [`LAST_DAY`].
    fn from(calendar: &'a WorkCalendar, from: NaiveDate) -> Option<Self> {
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
    fn capacity(&self) -> Hours {
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
    fn advance(&mut self) -> Option<()> {
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
    /// Hours were logged after the status date: work cannot be done in the future.
    #[error(
        "{date}: {hours} h logged on {code}, after the status date {as_of}\n  hint: log only days up to the status date, or give a later one with --as-of"
    )]
    LoggedAfterStatusDate {
        /// The activity.
        code: String,
        /// The entry's date.
        date: NaiveDate,
        /// Its hours.
        hours: Hours,
        /// The status date.
        as_of: NaiveDate,
    },
}

/// The computed schedule of a plan.
#[derive(Debug, Clone)]
pub struct Schedule {
    spans: Vec<Span>,
    /// Every activity's slots, one activity after another (see [`Span`]).
    slots: Vec<Slot>,
    /// The same slots sorted by date and, within a day, by offset, when `slots` is not already
    /// (`None` inside). Sorted when first asked for: the views ask for days, but the JSON and
    /// CSV exports never do, and the sorted copy was a tenth of their work and memory.
    by_day: OnceLock<Option<Vec<Slot>>>,
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
    /// The status date it was made for (kept by a [`reschedule`]).
    as_of: NaiveDate,
    /// When the first activity starts and the last ends; and all the hours: worked out once,
    /// as the view's header shows them on every frame.
    bounds: (NaiveDateTime, NaiveDateTime),
    total_hours: Hours,
    /// The first and last days with a slot, which every frame asks.
    worked_days: Option<(NaiveDate, NaiveDate)>,
}

/// Two schedules are equal when they lay the same work on the same days: the day order is
/// compared as sorted (worked out for both if need be), whether or not either had sorted it.
impl PartialEq for Schedule {
    fn eq(&self, other: &Self) -> bool {
        // Every field named, so that a new one cannot be left out of the comparison.
        let Schedule {
            spans,
            slots,
            by_day: _,
            calendars,
            calendar_of,
            before,
            people,
            plan_start,
            critical_path,
            critical,
            order,
            position,
            progress,
            as_of,
            bounds,
            total_hours,
            worked_days,
        } = self;
        *spans == other.spans
            && *slots == other.slots
            && self.by_day() == other.by_day()
            && *calendars == other.calendars
            && *calendar_of == other.calendar_of
            && *before == other.before
            && *people == other.people
            && *plan_start == other.plan_start
            && *critical_path == other.critical_path
            && *critical == other.critical
            && *order == other.order
            && *position == other.position
            && *progress == other.progress
            && *as_of == other.as_of
            && *bounds == other.bounds
            && *total_hours == other.total_hours
            && *worked_days == other.worked_days
    }
}

impl Eq for Schedule {}

/// Where a tracked plan stands on its status date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Each activity's logged hours.
    pub logged: Vec<Hours>,
    /// Each activity's remaining hours: 0 when done.
    pub remaining: Vec<Hours>,
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
    let (calendars, calendar_of) = calendars_of(plan);
    let shared = Shared {
        before,
        calendars,
        calendar_of,
        position: positions(&order).into(),
        order: order.into(),
    };
    place_from(plan, shared, None, as_of)
}

/// What an edit of hours leaves as it was, shared between a schedule and its reschedule.
struct Shared {
    before: Arc<Predecessors>,
    calendars: Arc<[WorkCalendar]>,
    calendar_of: Arc<[usize]>,
    order: Arc<[usize]>,
    position: Arc<[usize]>,
}

/// The plan's working time and each listed person's; and each activity's, as an index.
fn calendars_of(plan: &Plan) -> (Arc<[WorkCalendar]>, Arc<[usize]>) {
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

/// The schedule of `plan` after an edit of `old` (whose schedule is `previous`): when only
/// activities' hours or `not_before` changed, everything placed before the first of them in
/// work order is kept and the rest placed again; any other change schedules from scratch.
/// Always equal to [`schedule`] (a property test holds it to that).
pub fn reschedule(plan: &Plan, old: &Plan, previous: &Schedule) -> Result<Schedule, ScheduleError> {
    reschedule_shaped(plan, old, previous, plan.same_shape(old))
}

/// [`reschedule`] for a caller that has already asked whether the edit kept the plan's shape:
/// `same_shape` must be `plan.same_shape(old)` (the view asks it to know what to validate).
pub fn reschedule_shaped(
    plan: &Plan,
    old: &Plan,
    previous: &Schedule,
    same_shape: bool,
) -> Result<Schedule, ScheduleError> {
    debug_assert_eq!(same_shape, plan.same_shape(old));
    match same_shape
        .then(|| first_changed(plan, old, previous))
        .flatten()
    {
        Some(first) => reschedule_from(plan, previous, first),
        None => schedule_as_of(plan, previous.as_of()),
    }
}

/// The schedule of `plan` after an edit of nothing but activity `index`'s hours, name or
/// `not_before` (its code, person, links and tracking as they were), whose schedule before
/// was `previous`: what the view does for `+`/`-`, without a copy of the plan to compare.
/// Equal to [`schedule`] (a property test holds it to that).
pub fn reschedule_activity(
    plan: &Plan,
    previous: &Schedule,
    index: usize,
) -> Result<Schedule, ScheduleError> {
    match previous.position.get(index) {
        Some(first) if previous.position.len() == plan.activities.len() => {
            reschedule_from(plan, previous, *first)
        }
        _ => schedule_as_of(plan, previous.as_of()),
    }
}

/// Keeps `previous`'s placements before position `first` in work order and places the rest.
fn reschedule_from(
    plan: &Plan,
    previous: &Schedule,
    first: usize,
) -> Result<Schedule, ScheduleError> {
    let kept = Kept {
        count: first,
        spans: &previous.spans,
        slots: &previous.slots,
        by_day: previous
            .by_day
            .get()
            .map(|sorted| sorted.as_deref().unwrap_or(&previous.slots)),
    };
    let shared = Shared {
        before: previous.before.clone(),
        calendars: previous.calendars.clone(),
        calendar_of: previous.calendar_of.clone(),
        order: previous.order.clone(),
        position: previous.position.clone(),
    };
    place_from(plan, shared, Some(kept), previous.as_of())
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
/// slots in day order, to keep theirs, if it had sorted them.
struct Kept<'a> {
    count: usize,
    spans: &'a [Span],
    slots: &'a [Slot],
    by_day: Option<&'a [Slot]>,
}

/// Places `order` from its start, or after the placements `kept`.
fn place_from(
    plan: &Plan,
    shared: Shared,
    kept: Option<Kept>,
    as_of: NaiveDate,
) -> Result<Schedule, ScheduleError> {
    let tracking = plan
        .is_tracked()
        .then(|| Tracking::of(plan, as_of))
        .transpose()?;
    let Shared {
        before,
        calendars,
        calendar_of,
        order,
        position,
    } = shared;
    let mut placer = Placer::new(plan, &calendars, &calendar_of, &before);
    placer.tracking = tracking.as_ref();
    let kept_slots = kept.as_ref().map_or(0, |kept| {
        placer.keep(&order[..kept.count], kept.spans, kept.slots)
    });
    for index in &order[kept.as_ref().map_or(0, |kept| kept.count)..] {
        placer.place(*index)?;
    }
    let (spans, slots) = placer.finish();
    let kept = kept.map(|kept| (kept, kept_slots));
    let by_day = day_order(&slots, kept.as_ref(), &position);
    let worked_days = first_and_last_days(&slots);
    let critical_path = critical_path(&spans);
    let mut critical = vec![false; spans.len()];
    for index in &critical_path {
        critical[*index] = true;
    }
    let plan_start = plan.start.and_time(plan.day_start);
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
        progress: tracking.map(|tracking| Progress {
            logged: tracking.logged_total,
            remaining: tracking.remaining,
        }),
    })
}

/// The first and last days of `slots`, if any: found in one pass, as the slots need not be in
/// day order.
fn first_and_last_days(slots: &[Slot]) -> Option<(NaiveDate, NaiveDate)> {
    let first = slots.first()?.date;
    Some(slots.iter().fold((first, first), |(first, last), slot| {
        (first.min(slot.date), last.max(slot.date))
    }))
}

/// The slots in date order and, within a day, by offset and activity. Two stable counting
/// sorts, least significant key first: the slots taken activity by activity (`spans` in index
/// order: each activity's slots are one run of `slots`) and spread by offset, then spread by
/// day. Linear in slots, days and offsets (the days a plan spans and the quarters of a day are
/// few next to its slots), where a comparison sort, even one per day, is not; a plan of few
/// slots spread over centuries takes the comparison sort.
fn sorted_by_day(slots: &[Slot], spans: &[Span]) -> Vec<Slot> {
    let key = |slot: &Slot| (slot.date, slot.offset, slot.activity);
    let (Some(first), Some(last)) = (
        slots.iter().map(|slot| slot.date).min(),
        slots.iter().map(|slot| slot.date).max(),
    ) else {
        return Vec::new();
    };
    let days = usize::try_from((last - first).num_days()).unwrap_or(usize::MAX);
    let offsets = slots
        .iter()
        .map(|slot| slot.offset.quarters() as usize)
        .max()
        .unwrap_or(0);
    let few = slots.len().saturating_mul(4).max(1 << 12);
    let in_runs = spans.iter().map(|span| span.slots.len()).sum::<usize>() == slots.len();
    if days > few || offsets > few || !in_runs {
        let mut sorted = slots.to_vec();
        sorted.sort_unstable_by_key(key);
        return sorted;
    }
    let by_activity = spans.iter().flat_map(|span| span.slots.clone());
    let by_offset = spread(slots, by_activity, offsets, |slot| {
        slot.offset.quarters() as usize
    });
    // Days counted from the common era: an integer subtraction, where chrono's date
    // difference costs more than the rest of the sort.
    let first_day = first.num_days_from_ce();
    let by_day = spread(slots, by_offset.into_iter(), days, |slot| {
        (slot.date.num_days_from_ce() - first_day) as usize
    });
    by_day.into_iter().map(|index| slots[index]).collect()
}

/// The slots in day order, as far as it is cheap to know now: `None` inside when `slots` are
/// in it already (one person's plan comes out in date order; only parallel work needs a sorted
/// copy); after a reschedule that kept the placements `kept` (and their first `count` slots)
/// of a schedule that had sorted its slots and placed few again (an edit late in work order),
/// the earlier day order less their slots, merged with their new ones. Otherwise left to be
/// sorted when first asked for.
fn day_order(
    slots: &[Slot],
    kept: Option<&(Kept, usize)>,
    position: &[usize],
) -> OnceLock<Option<Vec<Slot>>> {
    let key = |slot: &Slot| (slot.date, slot.offset, slot.activity);
    if slots.is_sorted_by_key(key) {
        return OnceLock::from(None);
    }
    match kept {
        Some((kept, count)) if (slots.len() - count) * 4 < slots.len() => match kept.by_day {
            Some(by_day) => {
                let placed_again = |slot: &&Slot| position[slot.activity] >= kept.count;
                OnceLock::from(Some(merged_by_day(by_day, placed_again, &slots[*count..])))
            }
            None => OnceLock::new(),
        },
        _ => OnceLock::new(),
    }
}

/// The slots of `sorted` (in day order) but those `dropped`, with the slots `added` (all of
/// activities none of `sorted`'s kept slots belong to), in the same day order.
fn merged_by_day(sorted: &[Slot], dropped: impl Fn(&&Slot) -> bool, added: &[Slot]) -> Vec<Slot> {
    let key = |slot: &Slot| (slot.date, slot.offset, slot.activity);
    let mut added = added.to_vec();
    // Stable, as `sorted_by_day` is: an activity's slots with equal keys stay in their order.
    added.sort_by_key(key);
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

/// One stable counting sort: the indices `order` of `slots`, in the order of `bucket` (at most
/// `last`), ties in the order they came.
fn spread(
    slots: &[Slot],
    order: impl Iterator<Item = usize> + Clone,
    last: usize,
    bucket: impl Fn(&Slot) -> usize,
) -> Vec<usize> {
    let mut next = vec![0usize; last + 2];
    for index in order.clone() {
        next[bucket(&slots[index]) + 1] += 1;
    }
    for at in 1..next.len() {
        next[at] += next[at - 1];
    }
    let mut sorted = vec![0; slots.len()];
    for index in order {
        let at = &mut next[bucket(&slots[index])];
        sorted[*at] = index;
        *at += 1;
    }
    sorted
}

/// Each activity's place in `order`.
fn positions(order: &[usize]) -> Vec<usize> {
    let mut position = vec![0; order.len()];
    for (at, index) in order.iter().enumerate() {
        position[*index] = at;
    }
    position
}

/// The placement of activities, one at a time in work order, and what it has placed so far.
struct Placer<'a> {
    plan: &'a Plan,
    calendars: &'a [WorkCalendar],
    calendar_of: &'a [usize],
    before: &'a Predecessors,
    spans: Vec<Option<Span>>,
    slots: Vec<Slot>,
    /// Where the activity placed last ended, on which calendar, as a walk position: work that
    /// carries on from there (the common case: the next activity of the same person) continues
    /// the walk instead of searching anew.
    last_end: Option<(usize, usize, Days<'a>, Hours)>,
    /// A tracked plan's logged work and remaining hours.
    tracking: Option<&'a Tracking>,
}

impl<'a> Placer<'a> {
    fn new(
        plan: &'a Plan,
        calendars: &'a [WorkCalendar],
        calendar_of: &'a [usize],
        before: &'a Predecessors,
    ) -> Self {
        // At least a day's worth of hours a slot, plus a partial day per activity; capped by
        // the days left before LAST_DAY, so a hostile plan cannot ask for absurd memory.
        let day = plan.hours_per_day.quarters().max(1) as usize;
        let total = plan.total_hours().quarters() as usize;
        let days_left = usize::try_from((LAST_DAY - plan.start).num_days()).unwrap_or(0);
        let reserve = (total / day).min(days_left) + plan.activities.len() + 1;
        Placer {
            plan,
            calendars,
            calendar_of,
            before,
            spans: vec![None; plan.activities.len()],
            slots: Vec::with_capacity(reserve),
            last_end: None,
            tracking: None,
        }
    }

    /// Places activity `index` after everything it waits for.
    fn place(&mut self, index: usize) -> Result<(), ScheduleError> {
        let calendar = &self.calendars[self.calendar_of[index]];
        let (earliest, driver) = earliest_start(
            self.plan,
            &self.spans,
            self.before.of_activity(index),
            calendar,
            index,
        );
        let span = if self.plan.activities[index].is_milestone() {
            self.place_milestone(index, earliest, driver)?
        } else if let Some(tracking) = self.tracking {
            self.place_tracked(tracking, index, earliest, driver)?
        } else {
            let hours = self.plan.activities[index].hours;
            self.place_work(index, earliest, driver, hours)?
        };
        self.spans[index] = Some(span);
        Ok(())
    }

    fn past_the_calendar(&self, index: usize) -> ScheduleError {
        ScheduleError::PastTheCalendar {
            code: self.plan.activities[index].code.to_string(),
        }
    }

    /// A milestone is a point in time: where its constraints end, or (set by a date) the first
    /// working moment of its person from that date.
    fn place_milestone(
        &mut self,
        index: usize,
        earliest: NaiveDateTime,
        driver: Driver,
    ) -> Result<Span, ScheduleError> {
        let calendar = &self.calendars[self.calendar_of[index]];
        let at = match driver {
            Driver::Activity(_) | Driver::Logged => earliest,
            Driver::PlanStart | Driver::NotBefore | Driver::StatusDate => {
                let (days, used) =
                    place(calendar, earliest).ok_or_else(|| self.past_the_calendar(index))?;
                calendar.at(days.date, used)
            }
        };
        let first_slot = self.slots.len();
        self.slots.push(Slot {
            date: at.date(),
            activity: index,
            offset: offset_of(calendar, at),
            hours: Hours::ZERO,
            logged: false,
        });
        Ok(Span {
            start: at,
            end: at,
            driver,
            slots: first_slot..self.slots.len(),
        })
    }

    /// Work fills its person's working days from its start until its hours are done.
    fn place_work(
        &mut self,
        index: usize,
        earliest: NaiveDateTime,
        driver: Driver,
        hours: Hours,
    ) -> Result<Span, ScheduleError> {
        let calendar_index = self.calendar_of[index];
        let calendar = &self.calendars[calendar_index];
        let (mut days, mut used) = self.start_position(index, earliest, driver)?;
        let start = calendar.at(days.date, used);
        let first_slot = self.slots.len();
        let mut remaining = hours;
        loop {
            let hours = remaining.min(days.capacity() - used);
            self.slots.push(Slot {
                date: days.date,
                activity: index,
                offset: used,
                hours,
                logged: false,
            });
            used += hours;
            remaining -= hours;
            if remaining.is_zero() {
                break;
            }
            self.advance(&mut days, index)?;
            used = Hours::ZERO;
        }
        let end = calendar.at(days.date, used);
        self.last_end = Some((index, calendar_index, days, used));
        Ok(Span {
            start,
            end,
            driver,
            slots: first_slot..self.slots.len(),
        })
    }

    /// A tracked activity: its logged work as it was, then its remaining hours from the status
    /// date on (after what its person logged that day). Done, its times are its log's.
    fn place_tracked(
        &mut self,
        tracking: &Tracking,
        index: usize,
        earliest: NaiveDateTime,
        driver: Driver,
    ) -> Result<Span, ScheduleError> {
        let calendar = &self.calendars[self.calendar_of[index]];
        let logged = tracking.logged_of(index);
        let first_slot = self.slots.len();
        self.slots.extend_from_slice(logged);
        let moment = |slot: &Slot, hours: Hours| calendar.at(slot.date, slot.offset + hours);
        let logged_start = logged.first().map(|slot| moment(slot, Hours::ZERO));
        let remaining = tracking.remaining[index];
        let status = calendar.at(tracking.as_of, tracking.on_status_day(index));
        let (earliest, driver) = if status > earliest {
            (status, Driver::StatusDate)
        } else {
            (earliest, driver)
        };
        let mut span = match logged.last() {
            Some(last) if remaining.is_zero() => Span {
                start: logged_start.unwrap_or(earliest),
                end: moment(last, last.hours),
                driver: Driver::Logged,
                slots: first_slot..self.slots.len(),
            },
            // Nothing logged and nothing left: a point where its work would have started.
            None if remaining.is_zero() => self.place_milestone(index, earliest, driver)?,
            _ => self.place_work(index, earliest, driver, remaining)?,
        };
        span.slots.start = first_slot;
        if let Some(start) = logged_start {
            span.start = start;
        }
        Ok(span)
    }

    /// Where work on `index` begins: on from the walk of the activity placed just before, when
    /// it starts where that one ended on the same calendar; else found from `earliest`.
    fn start_position(
        &mut self,
        index: usize,
        earliest: NaiveDateTime,
        driver: Driver,
    ) -> Result<(Days<'a>, Hours), ScheduleError> {
        let calendar_index = self.calendar_of[index];
        let carried_on = match (driver, self.last_end.take()) {
            (Driver::Activity(previous), Some((last, on, days, used)))
                if previous == last
                    && on == calendar_index
                    && self.spans[previous].as_ref().map(|s| s.end) == Some(earliest) =>
            {
                Some((days, used))
            }
            _ => None,
        };
        match carried_on {
            Some((mut days, used)) if used >= days.capacity() => {
                self.advance(&mut days, index)?;
                Ok((days, Hours::ZERO))
            }
            Some(position) => Ok(position),
            None => place(&self.calendars[calendar_index], earliest)
                .ok_or_else(|| self.past_the_calendar(index)),
        }
    }

    /// The walk's next working day, or the error that it is past the calendar's end.
    fn advance(&self, days: &mut Days<'a>, index: usize) -> Result<(), ScheduleError> {
        days.advance().ok_or_else(|| self.past_the_calendar(index))
    }

    /// Takes the earlier placements of `activities` (the first ones in work order) as they
    /// were: their slots are the first ones of the earlier schedule, in that order.
    /// Returns how many slots that is.
    fn keep(&mut self, activities: &[usize], spans: &[Span], slots: &[Slot]) -> usize {
        let end = activities
            .iter()
            .map(|index| spans[*index].slots.end)
            .max()
            .unwrap_or(0);
        self.slots.extend_from_slice(&slots[..end]);
        for index in activities {
            self.spans[*index] = Some(spans[*index].clone());
        }
        end
    }

    fn finish(self) -> (Vec<Span>, Vec<Slot>) {
        let spans = self
            .spans
            .into_iter()
            .map(|span| span.expect("every activity is in the order"))
            .collect();
        (spans, self.slots)
    }
}

/// A tracked plan's facts, gathered once: each activity's logged work as slots (laid from its
/// person's `day_start`, one entry after another in the order activities are listed), its
/// logged and remaining hours, and what each person logged on the status date.
struct Tracking {
    as_of: NaiveDate,
    /// Logged slots, grouped by activity, each group in date order.
    slots: Vec<Slot>,
    /// Where each activity's group starts in `slots` (one more entry: the end).
    starts: Vec<usize>,
    logged_total: Vec<Hours>,
    remaining: Vec<Hours>,
    /// Hours each person (an index into `people`) logged on the status date.
    on_status_date: Vec<Hours>,
    /// Each activity's person, as an index into `on_status_date`.
    person_of: Vec<usize>,
}

impl Tracking {
    fn of(plan: &Plan, as_of: NaiveDate) -> Result<Self, ScheduleError> {
        let codes: foldhash::HashMap<&str, usize> = plan
            .activities
            .iter()
            .enumerate()
            .map(|(index, activity)| (&*activity.code, index))
            .collect();
        let mut people: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
        let person_of: Vec<usize> = plan
            .activities
            .iter()
            .map(|activity| {
                let next = people.len();
                *people.entry(&*activity.who).or_insert(next)
            })
            .collect();
        // (date, person, activity, hours): validation made sure every code is listed.
        let mut entries = Vec::with_capacity(plan.log_entries().len());
        for entry in plan.log_entries() {
            let Some(&activity) = codes.get(&*entry.code) else {
                continue;
            };
            if entry.date > as_of {
                return Err(ScheduleError::LoggedAfterStatusDate {
                    code: entry.code.to_string(),
                    date: entry.date,
                    hours: entry.hours,
                    as_of,
                });
            }
            entries.push((entry.date, person_of[activity], activity, entry.hours));
        }
        entries.sort_unstable();
        let (slots, logged_total, on_status_date) =
            lay_logged(&entries, plan.activities.len(), people.len(), as_of);
        let mut starts = Vec::with_capacity(plan.activities.len() + 1);
        let mut at = 0;
        for activity in 0..=plan.activities.len() {
            while slots.get(at).is_some_and(|slot| slot.activity < activity) {
                at += 1;
            }
            starts.push(at);
        }
        let remaining = plan
            .activities
            .iter()
            .zip(&logged_total)
            .map(
                |(activity, logged)| match (activity.done, activity.remaining) {
                    _ if activity.is_milestone() => Hours::ZERO,
                    (true, _) => Hours::ZERO,
                    (false, Some(hours)) => hours,
                    (false, None) => activity.hours.saturating_sub(*logged),
                },
            )
            .collect();
        Ok(Tracking {
            as_of,
            slots,
            starts,
            logged_total,
            remaining,
            on_status_date,
            person_of,
        })
    }

    /// Activity `index`'s logged work, in date order.
    fn logged_of(&self, index: usize) -> &[Slot] {
        &self.slots[self.starts[index]..self.starts[index + 1]]
    }

    /// How far into the status date's window the remaining work of `index`'s person can start.
    fn on_status_day(&self, index: usize) -> Hours {
        self.on_status_date[self.person_of[index]]
    }
}

/// Logged entries `(date, person, activity, hours)`, sorted, as slots: each person's entries of
/// a date one after another from their day's opening. Returns the slots grouped by activity
/// (each in date order), each activity's logged hours, and each person's on the status date.
fn lay_logged(
    entries: &[(NaiveDate, usize, usize, Hours)],
    activities: usize,
    people: usize,
    as_of: NaiveDate,
) -> (Vec<Slot>, Vec<Hours>, Vec<Hours>) {
    let mut on_status_date = vec![Hours::ZERO; people];
    let mut logged_total = vec![Hours::ZERO; activities];
    let mut slots = Vec::with_capacity(entries.len());
    let mut offset = Hours::ZERO;
    for (at, &(date, person, activity, hours)) in entries.iter().enumerate() {
        let same_day = at > 0 && entries[at - 1].0 == date && entries[at - 1].1 == person;
        if !same_day {
            offset = Hours::ZERO;
        }
        slots.push(Slot {
            date,
            activity,
            offset,
            hours,
            logged: true,
        });
        offset += hours;
        logged_total[activity] += hours;
        if date == as_of {
            on_status_date[person] += hours;
        }
    }
    // Stable: each activity's slots stay in date order.
    slots.sort_by_key(|slot| slot.activity);
    (slots, logged_total, on_status_date)
}

/// How far into its day's window `moment` is, in whole quarter-hours (0 before it opens).
fn offset_of(calendar: &WorkCalendar, moment: NaiveDateTime) -> Hours {
    let minutes = (moment - moment.date().and_time(calendar.day_start))
        .num_minutes()
        .max(0);
    let quarters = u64::try_from(minutes).unwrap_or(0).div_ceil(15);
    Hours::from_quarters(u32::try_from(quarters).unwrap_or(u32::MAX))
}

/// The first working moment of `calendar` at or after `moment`: its day and offset there.
fn place(calendar: &WorkCalendar, moment: NaiveDateTime) -> Option<(Days<'_>, Hours)> {
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

/// The latest of an activity's constraints, and which one it was: dates count from the
/// opening of its person's working day. Ties go to an activity, so the critical path runs
/// through the work rather than stopping at a date.
fn earliest_start(
    plan: &Plan,
    spans: &[Option<Span>],
    before: &[(usize, Link)],
    calendar: &WorkCalendar,
    index: usize,
) -> (NaiveDateTime, Driver) {
    let opening = calendar.day_start;
    let mut earliest = plan.start.and_time(opening);
    let mut driver = Driver::PlanStart;
    if let Some(day) = plan.activities[index].not_before {
        let moment = day.and_time(opening);
        if moment > earliest {
            (earliest, driver) = (moment, Driver::NotBefore);
        }
    }
    for &(other, link) in before {
        let Some(span) = &spans[other] else { continue };
        let mut moment = span.end;
        let end_day = span.end.date();
        // Worked out only when it matters: this runs for every activity. A person's previous
        // activity is on the same calendar.
        let ended_mid_day = || {
            offset_of(calendar, span.end) < calendar.capacity(end_day)
                && span.end > end_day.and_time(opening)
        };
        if link == Link::SamePerson && plan.handoff == Handoff::NextDay && ended_mid_day() {
            // The next working morning: `place` moves a non-working day on.
            moment = end_day.succ_opt().unwrap_or(end_day).and_time(opening);
        }
        let later = moment > earliest;
        let tie_to_work = moment == earliest && !matches!(driver, Driver::Activity(_));
        if later || tie_to_work {
            (earliest, driver) = (moment, Driver::Activity(other));
        }
    }
    (earliest, driver)
}

/// From the activity that finishes last (the last listed, on a tie), back through what set
/// each start.
fn critical_path(spans: &[Span]) -> Vec<usize> {
    let Some(last) = (0..spans.len()).max_by_key(|index| (spans[*index].end, *index)) else {
        return Vec::new();
    };
    let mut path = vec![last];
    while let Driver::Activity(previous) = spans[*path.last().expect("not empty")].driver {
        path.push(previous);
    }
    path.reverse();
    path
}

/// The most activities on one date (slots sorted by date): an activity with logged and planned
/// work on one day counts once. Linear: each activity remembers the last day it was counted on.
fn most_on_one_day(slots: &[Slot], activities: usize) -> usize {
    let mut counted_on = vec![usize::MAX; activities];
    slots
        .chunk_by(|a, b| a.date == b.date)
        .enumerate()
        .map(|(day, slots)| {
            let mut count = 0;
            for slot in slots {
                if counted_on[slot.activity] != day {
                    counted_on[slot.activity] = day;
                    count += 1;
                }
            }
            count
        })
        .max()
        .unwrap_or(0)
}

/// One day of an activity's work: its hours, and how many of them were logged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkDay {
    /// The day.
    pub date: NaiveDate,
    /// All its hours on that day, logged and planned.
    pub hours: Hours,
    /// The logged part.
    pub logged: Hours,
}

impl Schedule {
    /// The status date: a tracked plan's remaining work starts on it or later.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// A tracked plan's logged and remaining hours; `None` for a plan without a `log`.
    pub fn progress(&self) -> Option<&Progress> {
        self.progress.as_ref()
    }

    /// The most activities worked on any one day: above 1 when activities share a day.
    pub fn busiest_day(&self) -> usize {
        most_on_one_day(self.by_day(), self.spans.len())
    }

    /// One span per activity, in the plan's order.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// The days activity `index` occupies, in date order.
    pub fn slots_of(&self, index: usize) -> &[Slot] {
        &self.slots[self.spans[index].slots.clone()]
    }

    /// Activity `index`'s days, in date order: its logged and planned work of one date together.
    pub fn days_of(&self, index: usize) -> impl Iterator<Item = WorkDay> + '_ {
        self.slots_of(index)
            .chunk_by(|a, b| a.date == b.date)
            .map(|day| WorkDay {
                date: day[0].date,
                hours: day.iter().map(|slot| slot.hours).sum(),
                logged: day
                    .iter()
                    .filter(|slot| slot.logged)
                    .map(|slot| slot.hours)
                    .sum(),
            })
    }

    /// Every slot, sorted by date and, within a day, by the order the work is done (sorted
    /// now if this is the first time it is asked for).
    fn by_day(&self) -> &[Slot] {
        self.by_day
            .get_or_init(|| Some(sorted_by_day(&self.slots, &self.spans)))
            .as_deref()
            .unwrap_or(&self.slots)
    }

    /// Every slot from `date` on, by day, in the order the work is done each day.
    pub fn slots_from(&self, date: NaiveDate) -> &[Slot] {
        let by_day = self.by_day();
        &by_day[by_day.partition_point(|slot| slot.date < date)..]
    }

    /// Every slot on `date`, in the order the work is done that day.
    pub fn slots_on(&self, date: NaiveDate) -> &[Slot] {
        let by_day = self.by_day();
        let from = by_day.partition_point(|slot| slot.date < date);
        let to = from + by_day[from..].partition_point(|slot| slot.date == date);
        &by_day[from..to]
    }

    /// When the work of `slot` starts and ends, by the clock of its person: exports ask this
    /// rather than add up a `day_start` themselves, so working time is known in one place.
    pub fn slot_times(&self, slot: &Slot) -> (NaiveDateTime, NaiveDateTime) {
        let start = self.calendar_of(slot.activity).at(slot.date, slot.offset);
        (
            start,
            start + TimeDelta::minutes(slot.hours.minutes().into()),
        )
    }

    /// The plan's working time (that of everyone not listed in `people`).
    pub fn calendar(&self) -> &WorkCalendar {
        &self.calendars[0]
    }

    /// The working time activity `index` is done on: its person's.
    pub fn calendar_of(&self, index: usize) -> &WorkCalendar {
        &self.calendars[self.calendar_of.get(index).copied().unwrap_or(0)]
    }

    /// The working time of the person called `name` (the plan's for anyone not listed).
    pub fn calendar_of_person(&self, name: &str) -> &WorkCalendar {
        let index = self.people.iter().position(|person| &**person == name);
        &self.calendars[index.map_or(0, |index| index + 1)]
    }

    /// When the first activity starts (the plan's start when it has none).
    pub fn start(&self) -> NaiveDateTime {
        self.bounds.0
    }

    /// When the last activity ends: the critical end (the plan's start when it has none).
    pub fn end(&self) -> NaiveDateTime {
        self.bounds.1
    }

    /// The chain of activities that fixes the plan's end, in the order they run.
    pub fn critical_path(&self) -> &[usize] {
        &self.critical_path
    }

    /// True when activity `index` is on the critical path.
    pub fn is_critical(&self, index: usize) -> bool {
        self.critical.get(index).copied().unwrap_or(false)
    }

    /// The first and last days with work (or a milestone), if any.
    pub fn worked_days(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.worked_days
    }

    /// All the hours scheduled.
    pub fn total_hours(&self) -> Hours {
        self.total_hours
    }

    /// How many distinct days have work. Ticked off day by day when the plan's days are few
    /// next to its slots, which needs no day order (the exports that ask this ask nothing else
    /// of days); counted along the day order otherwise.
    pub fn working_days(&self) -> usize {
        let worked = self.slots.iter().filter(|slot| !slot.hours.is_zero());
        let Some((first, last)) = self.worked_days else {
            return 0;
        };
        let days = usize::try_from((last - first).num_days()).unwrap_or(usize::MAX);
        if days <= self.slots.len().saturating_mul(4).max(1 << 12) {
            let first = first.num_days_from_ce();
            let mut ticked = vec![false; days + 1];
            for slot in worked {
                ticked[(slot.date.num_days_from_ce() - first) as usize] = true;
            }
            return ticked.into_iter().filter(|ticked| *ticked).count();
        }
        let worked = self.by_day().iter().filter(|slot| !slot.hours.is_zero());
        let mut count = 0;
        let mut last = None;
        for slot in worked {
            if last != Some(slot.date) {
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
    fn slots_sorted_by_day_in_buckets_equal_a_comparison_sort() {
        let day = |n: i64| NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + TimeDelta::days(n);
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move |bound: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % bound
        };
        for spread in [3, 40, 100_000] {
            let mut slots: Vec<Slot> = (0..500)
                .map(|_| Slot {
                    date: day(next(spread) as i64),
                    activity: next(50) as usize,
                    offset: Hours::from_quarters(next(97) as u32),
                    hours: Hours::from_quarters(1),
                    logged: false,
                })
                .collect();
            // As a schedule keeps them: each activity's slots one run, runs in any order.
            slots.sort_by_key(|slot| (slot.activity * 37) % 50);
            let spans: Vec<Span> = (0..50)
                .map(|activity| {
                    let from = slots.iter().position(|slot| slot.activity == activity);
                    let from = from.unwrap_or(0);
                    let count = slots
                        .iter()
                        .filter(|slot| slot.activity == activity)
                        .count();
                    Span {
                        start: day(0).and_hms_opt(0, 0, 0).unwrap(),
                        end: day(0).and_hms_opt(0, 0, 0).unwrap(),
                        driver: Driver::PlanStart,
                        slots: from..from + count,
                    }
                })
                .collect();
            let mut expected = slots.clone();
            expected.sort_by_key(|slot| (slot.date, slot.offset, slot.activity));
            let key = |slot: &Slot| (slot.date, slot.offset, slot.activity);
            assert_eq!(
                sorted_by_day(&slots, &spans)
                    .iter()
                    .map(key)
                    .collect::<Vec<_>>(),
                expected.iter().map(key).collect::<Vec<_>>()
            );
            // Slots that are not runs of their activities take the comparison sort.
            assert_eq!(
                sorted_by_day(&slots, &spans[1..])
                    .iter()
                    .map(key)
                    .collect::<Vec<_>>(),
                expected.iter().map(key).collect::<Vec<_>>()
            );
        }
        assert!(sorted_by_day(&[], &[]).is_empty());
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
    fn overlapping_holidays_are_days_off_once() {
        let with = |holidays: &str| {
            spans(&format!(
                r#"Plan(start: "2024-07-01", hours_per_day: 8, holidays: [{holidays}],
                    activities: [(code: "A", hours: 80)])"#
            ))
        };
        let break_alone = with(r#"(date: "2024-07-08", until: "2024-07-19")"#);
        // A national holiday inside the break, and a second range that overlaps its end.
        let overlapping = with(
            r#"(date: "2024-07-09", name: "Independencia"),
               (date: "2024-07-08", until: "2024-07-19"),
               (date: "2024-07-15", until: "2024-07-17")"#,
        );
        assert_eq!(overlapping, break_alone);
        assert_eq!(
            break_alone,
            [(at("2024-07-01 09:00"), at("2024-07-26 17:00"))]
        );
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

    /// Working days counted by hand: the distinct dates of slots with hours.
    fn distinct_worked_dates(schedule: &Schedule) -> usize {
        let dates: std::collections::BTreeSet<NaiveDate> = (0..schedule.spans().len())
            .flat_map(|index| schedule.slots_of(index))
            .filter(|slot| !slot.hours.is_zero())
            .map(|slot| slot.date)
            .collect();
        dates.len()
    }

    #[test]
    fn working_days_are_counted_with_and_without_the_day_order() {
        // Parallel work (slots not in day order): A on 8 days from Monday 8 January, B within
        // them, C on Friday 1 March. Ticked off day by day.
        let parallel = plan(
            r#"Plan(start: "2024-01-08", hours_per_day: 4, activities: [
                (code: "A", hours: 30, who: "Ana"), (code: "B", hours: 9, who: "Bea"),
                (code: "M", hours: 0, after: ["A"]), (code: "C", hours: 2, who: "Bea", not_before: "2024-03-01")])"#,
        );
        // Two days worked forty years apart, a milestone between: counted along the day order.
        let spread = plan(
            r#"Plan(start: "2024-01-08", hours_per_day: 4, activities: [
                (code: "A", hours: 4, who: "Ana"), (code: "M", hours: 0, not_before: "2044-01-05"),
                (code: "B", hours: 4, who: "Bea", not_before: "2064-01-07")])"#,
        );
        for (plan, expected) in [(parallel, 9), (spread, 2)] {
            let schedule = schedule(&plan).unwrap();
            assert_eq!(distinct_worked_dates(&schedule), expected);
            assert_eq!(schedule.working_days(), expected);
            // Asked before and after the day order is sorted: the same.
            assert!(!schedule.slots_from(plan.start).is_empty());
            assert_eq!(schedule.working_days(), expected);
        }
    }

    #[test]
    fn the_day_order_is_sorted_when_first_asked_for_and_compared_as_sorted() {
        let parallel = plan(
            r#"Plan(start: "2024-01-08", hours_per_day: 4, activities: [
                (code: "A", hours: 12, who: "Ana"), (code: "B", hours: 6, who: "Bea")])"#,
        );
        let fresh = schedule(&parallel).unwrap();
        let asked = schedule(&parallel).unwrap();
        assert!(
            fresh.by_day.get().is_none(),
            "not sorted before it is asked for"
        );
        let day = NaiveDate::from_ymd_opt(2024, 1, 9).unwrap();
        let codes_on = |schedule: &Schedule| -> Vec<usize> {
            schedule
                .slots_on(day)
                .iter()
                .map(|slot| slot.activity)
                .collect()
        };
        assert_eq!(codes_on(&asked), [0, 1]);
        assert!(asked.by_day.get().is_some());
        assert_eq!(fresh, asked);
        assert!(fresh.by_day.get().is_some(), "equality sorts both");
        // A schedule whose day order differs is not equal, though all else is the same.
        let mut reordered = schedule(&parallel).unwrap();
        let mut wrong = sorted_by_day(&reordered.slots, &reordered.spans);
        wrong.swap(0, 1);
        reordered.by_day = OnceLock::from(Some(wrong));
        assert_ne!(fresh, reordered);
        // One person's work comes out in day order: nothing to sort.
        let alone = plan(
            r#"Plan(start: "2024-01-08", hours_per_day: 4, activities: [(code: "A", hours: 12)])"#,
        );
        assert_eq!(schedule(&alone).unwrap().by_day.get(), Some(&None));
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
