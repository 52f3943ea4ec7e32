//! Working time: which days offer hours and how many, for the plan and for each listed person,
//! and the walk over working days that the placing loop steps along.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};

use super::LAST_DAY;
use crate::plan::days_off;
use crate::plan::window::{self, Window};
use crate::plan::{Busy, Day, Exception, Holiday, Hours, Person, Plan, WeekShape};
use std::sync::Arc;

/// The working time of one kind of day: its windows (touching ones merged), and their sum.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DayShape {
    windows: Vec<Window>,
    capacity: Hours,
}

impl DayShape {
    fn new(windows: &[Window]) -> Self {
        let windows = window::merged(windows);
        let capacity = window::total(&windows);
        DayShape { windows, capacity }
    }

    /// The minute after midnight at which the worked minute `offset` into the day starts:
    /// a boundary between windows is the next window's opening. Work past the last window
    /// (logged hours more than the day holds) runs on from its close, up to midnight.
    fn start_minute(&self, offset: u32) -> u32 {
        self.minute_at(offset, false)
    }

    /// The minute after midnight at which `offset` worked minutes end: a boundary between
    /// windows is the earlier window's close (work that ends at 12:00 ends at 12:00, not 13:00).
    fn end_minute(&self, offset: u32) -> u32 {
        self.minute_at(offset, true)
    }

    /// The clock minute `offset` worked minutes into the day; at a boundary between windows,
    /// the earlier window's close when `at_close`, else the next one's opening. Past the last
    /// window it runs on from its close, up to midnight.
    fn minute_at(&self, offset: u32, at_close: bool) -> u32 {
        let mut left = offset;
        for window in &self.windows {
            let length = u32::from(window.closes - window.opens);
            if left < length || (at_close && left == length) {
                return u32::from(window.opens) + left;
            }
            left -= length;
        }
        let closes = self.windows.last().map_or(0, |last| u32::from(last.closes));
        (closes + left).min(u32::from(window::MINUTES_PER_DAY))
    }

    /// The working minutes of the day before `minute` (after midnight).
    fn worked_before(&self, minute: u32) -> u32 {
        self.windows
            .iter()
            .map(|window| {
                let (opens, closes) = (u32::from(window.opens), u32::from(window.closes));
                minute.clamp(opens, closes) - opens
            })
            .sum()
    }
}

/// The shape no day off has: no windows.
const DAY_OFF: u32 = u32::MAX;

/// One stretch of busy time on one day, as the view and `sync` name it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BusyTime {
    /// The day.
    pub date: NaiveDate,
    /// The part of the day it takes (`00:00-24:00` for a whole day).
    pub time: Window,
    /// What it is.
    pub name: Arc<str>,
}

/// Which days offer working time, how much, and in which windows of the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkCalendar {
    /// Indexed by `Weekday::num_days_from_monday`: that workday's shape, or [`DAY_OFF`].
    weekdays: [u32; 7],
    /// Inclusive ranges, sorted and merged: looked up by binary search, walked by [`Days`].
    holidays: Vec<(NaiveDate, NaiveDate)>,
    /// Dates whose working time is not their weekday's, sorted, each with its shape: the
    /// plan's exceptions, and the days busy time cuts into (their shape is what is left).
    exceptions: Vec<(NaiveDate, u32)>,
    /// The exceptions the plan gives, with their hours before busy time: what the tables mark.
    own_exceptions: Vec<(NaiveDate, Hours)>,
    /// Busy time, sorted by date and time.
    busy: Vec<BusyTime>,
    /// The working time busy time takes from each day it cuts into, sorted by date.
    busy_taken: Vec<(NaiveDate, Hours)>,
    /// The shapes of days: the ordinary workday first, then weekdays' and exceptions' own.
    shapes: Vec<DayShape>,
}

/// The ordinary workday's shape in [`WorkCalendar::shapes`].
const ORDINARY: u32 = 0;

/// The distinct shapes of days as a calendar is built, each found by its windows: an imported
/// calendar may give thousands of exceptions, and a search of the shapes for each would be
/// quadratic.
struct ShapeBook {
    shapes: Vec<DayShape>,
    known: foldhash::HashMap<Vec<Window>, u32>,
}

impl ShapeBook {
    /// A book with the ordinary workday as [`ORDINARY`].
    fn new(ordinary: &[Window]) -> Self {
        let mut book = ShapeBook {
            shapes: Vec::new(),
            known: foldhash::HashMap::default(),
        };
        book.index_of(ordinary);
        book
    }

    /// The index of the day of `windows`, added when new.
    fn index_of(&mut self, windows: &[Window]) -> u32 {
        let shape = DayShape::new(windows);
        let shapes = &mut self.shapes;
        *self.known.entry(shape.windows.clone()).or_insert_with(|| {
            shapes.push(shape);
            (shapes.len() - 1) as u32
        })
    }
}

impl WorkCalendar {
    /// The working time a plan defines.
    pub fn new(plan: &Plan) -> Self {
        Self::build(
            &plan.workdays,
            &plan.week_shape(),
            plan.holidays.iter(),
            plan.exceptions.iter(),
        )
        .with_busy(plan.busy.iter())
    }

    /// The working time of `person`: their own fields where they give them, the plan's
    /// otherwise; the plan's holidays and theirs; their busy time and the plan's. Of the days
    /// with hours of their own, theirs win over the plan's and over the plan's holidays; the
    /// plan's give way to their holidays (see [`crate::plan::days_off`]).
    pub fn for_person(plan: &Plan, person: &Person) -> Self {
        let their_days_off = days_off::merged_holidays(person.holidays.iter());
        let plan_exceptions = (plan.exceptions.iter())
            .filter(|exception| !days_off::in_ranges(&their_days_off, exception.date));
        // Their own exceptions first: `build` keeps the first of a date.
        Self::build(
            person.workdays(plan),
            &person.week_shape(plan),
            plan.holidays.iter().chain(&person.holidays),
            person.exceptions.iter().chain(plan_exceptions),
        )
        .with_busy(plan.busy.iter().chain(&person.busy))
    }

    fn build<'a>(
        days: &[Day],
        week: &WeekShape,
        holiday_list: impl Iterator<Item = &'a Holiday>,
        exception_list: impl Iterator<Item = &'a Exception>,
    ) -> Self {
        let mut book = ShapeBook::new(&week.windows);
        let mut weekdays = [DAY_OFF; 7];
        for day in days {
            let weekday = day.weekday().num_days_from_monday() as usize;
            weekdays[weekday] = book.index_of(week.of_weekday(weekday));
        }
        let holidays = days_off::merged_holidays(holiday_list);
        let mut exceptions: Vec<(NaiveDate, &Exception)> =
            exception_list.map(|e| (e.date, e)).collect();
        // Stable: of two exceptions on one date, the first listed (a person's) stays.
        exceptions.sort_by_key(|(date, _)| *date);
        exceptions.dedup_by_key(|(date, _)| *date);
        let exceptions: Vec<(NaiveDate, u32)> = exceptions
            .into_iter()
            .map(|(date, exception)| {
                let windows = match (&exception.windows, exception.hours) {
                    (Some(windows), _) => windows.clone(),
                    (None, hours) => {
                        let weekday = date.weekday().num_days_from_monday() as usize;
                        let base = match weekdays[weekday] {
                            DAY_OFF => &week.windows,
                            _ => week.of_weekday(weekday),
                        };
                        window::first_hours(base, hours.unwrap_or_default()).unwrap_or_default()
                    }
                };
                (date, book.index_of(&windows))
            })
            .collect();
        let own_exceptions = exceptions
            .iter()
            .map(|(date, index)| (*date, book.shapes[*index as usize].capacity))
            .collect();
        WorkCalendar {
            weekdays,
            holidays,
            exceptions,
            own_exceptions,
            busy: Vec::new(),
            busy_taken: Vec::new(),
            shapes: book.shapes,
        }
    }

    /// This working time less `busy_list`: each day a block takes time on is worked in what
    /// is left of its windows (to the minute). A block on a day off takes nothing.
    fn with_busy<'a>(mut self, busy_list: impl Iterator<Item = &'a Busy>) -> Self {
        let mut busy: Vec<BusyTime> = Vec::new();
        for block in busy_list {
            let name: Arc<str> = block.name.as_str().into();
            busy.extend(block.days().map(|date| BusyTime {
                date,
                time: block.taken(),
                name: name.clone(),
            }));
        }
        if busy.is_empty() {
            return self;
        }
        busy.sort_by_key(|busy| (busy.date, busy.time));
        let mut book = ShapeBook {
            known: (self.shapes.iter().enumerate())
                .map(|(index, shape)| (shape.windows.clone(), index as u32))
                .collect(),
            shapes: std::mem::take(&mut self.shapes),
        };
        let mut cut: Vec<(NaiveDate, u32)> = Vec::new();
        for day in busy.chunk_by(|a, b| a.date == b.date) {
            let date = day[0].date;
            let Some(base) = self.shape_index_on(date, &book.shapes) else {
                continue;
            };
            let taken: Vec<Window> = day.iter().map(|busy| busy.time).collect();
            let left = window::without(&book.shapes[base as usize].windows, &taken);
            let index = book.index_of(&left);
            if index != base {
                let lost =
                    book.shapes[base as usize].capacity - book.shapes[index as usize].capacity;
                self.busy_taken.push((date, lost));
                cut.push((date, index));
            }
        }
        self.shapes = book.shapes;
        self.exceptions = merged_days(&self.exceptions, &cut);
        self.busy = busy;
        self
    }

    /// The shape `date` is worked in, as [`WorkCalendar::shape_on`] finds it in `shapes`;
    /// `None` on a day off.
    fn shape_index_on(&self, date: NaiveDate, shapes: &[DayShape]) -> Option<u32> {
        let found = self.exceptions.binary_search_by_key(&date, |(day, _)| *day);
        let index = match found {
            Ok(at) => self.exceptions[at].1,
            Err(_) if self.is_holiday(date) => DAY_OFF,
            Err(_) => self.weekdays[date.weekday().num_days_from_monday() as usize],
        };
        shapes
            .get(index as usize)
            .filter(|shape| !shape.capacity.is_zero())
            .map(|_| index)
    }

    fn shape(&self, index: u32) -> Option<&DayShape> {
        self.shapes.get(index as usize)
    }

    /// The shape `date` is worked in: its exception's, its weekday's, or none on a day off.
    fn shape_on(&self, date: NaiveDate) -> Option<&DayShape> {
        self.shape_index_on(date, &self.shapes)
            .and_then(|index| self.shape(index))
    }

    /// The shape work on `date` is laid in: its own, or on a day off (logged work on a
    /// Saturday) the ordinary workday's.
    fn layout_on(&self, date: NaiveDate) -> &DayShape {
        self.shape_on(date)
            .unwrap_or(&self.shapes[ORDINARY as usize])
    }

    /// An ordinary workday's windows (touching ones as one).
    pub fn windows(&self) -> &[Window] {
        &self.shapes[ORDINARY as usize].windows
    }

    /// The windows a workday falling on `weekday` (counted from Monday) has; `None` when that
    /// weekday is not worked.
    pub fn weekday_windows(&self, weekday: usize) -> Option<&[Window]> {
        self.shape(self.weekdays[weekday % 7])
            .map(|shape| &*shape.windows)
    }

    /// The windows worked on `date` (none on a day off).
    pub fn windows_on(&self, date: NaiveDate) -> &[Window] {
        self.shape_on(date).map_or(&[], |shape| &*shape.windows)
    }

    /// The hours of an ordinary working day.
    pub fn hours_per_day(&self) -> Hours {
        self.shapes[ORDINARY as usize].capacity
    }

    /// True when some day of this calendar has more than one window: its work can be split by
    /// a break.
    pub fn has_breaks(&self) -> bool {
        self.shapes.iter().any(|shape| shape.windows.len() > 1)
    }

    /// True when every workday has the ordinary windows.
    pub fn same_every_workday(&self) -> bool {
        self.weekdays
            .iter()
            .all(|shape| matches!(*shape, ORDINARY | DAY_OFF))
    }

    /// The windows as people read them: `08:00–12:00, 13:00–17:00`, then each weekday with
    /// windows of its own (`; Fri 08:00–13:00`), weekdays named as plan files name them.
    pub fn windows_text(&self) -> String {
        self.windows_text_naming(&Day::ALL.map(Day::name))
    }

    /// [`WorkCalendar::windows_text`] with the weekdays (Monday first) named as `names` say:
    /// the view's header says `Vie` in Spanish.
    pub fn windows_text_naming(&self, names: &[&str; 7]) -> String {
        let mut text = window::shown(self.windows());
        for (weekday, shape) in self.weekdays.iter().enumerate() {
            if !matches!(*shape, ORDINARY | DAY_OFF) {
                let name = names[weekday];
                let windows = window::shown(&self.shapes[*shape as usize].windows);
                text.push_str(&format!("; {name} {windows}"));
            }
        }
        text
    }

    /// The days of the week worked, Monday first.
    pub fn weekdays(&self) -> [bool; 7] {
        self.weekdays.map(|shape| shape != DAY_OFF)
    }

    /// The dates with their own working time, sorted: each with its hours and windows
    /// (0 hours and no windows: a day off of this calendar's own). A day off on a holiday is
    /// left out, as the holiday says it already: an export writes one exception a date.
    pub fn exceptions(&self) -> impl Iterator<Item = (NaiveDate, Hours, &[Window])> + '_ {
        self.exceptions.iter().filter_map(|(date, index)| {
            let shape = &self.shapes[*index as usize];
            let said_by_holiday = shape.capacity.is_zero() && self.is_holiday(*date);
            (!said_by_holiday).then_some((*date, shape.capacity, &*shape.windows))
        })
    }

    /// The holidays as the days off they are, as inclusive ranges (sorted, apart): the days
    /// worked all the same (hours given to a holiday win over it) are left out, as
    /// [`WorkCalendar::exceptions`] gives them. With both, an export says each date once.
    pub fn days_off(&self) -> Vec<(NaiveDate, NaiveDate)> {
        let mut off = Vec::with_capacity(self.holidays.len());
        for &(first, last) in &self.holidays {
            let from = self.exceptions.partition_point(|(date, _)| *date < first);
            let worked = self.exceptions[from..]
                .iter()
                .take_while(|(date, _)| *date <= last)
                .filter(|(date, _)| !self.capacity(*date).is_zero());
            // The first day of the run of days off not yet written.
            let mut start = Some(first);
            for (date, _) in worked {
                if let Some(run) = start.filter(|run| run < date) {
                    off.push((run, date.pred_opt().unwrap_or(run)));
                }
                start = date.succ_opt();
            }
            if let Some(run) = start.filter(|run| *run <= last) {
                off.push((run, last));
            }
        }
        off
    }

    /// When work that starts `offset` into `date`'s working time starts, by the clock: at a
    /// break, when the next window opens.
    pub fn at(&self, date: NaiveDate, offset: Hours) -> NaiveDateTime {
        moment(date, self.layout_on(date).start_minute(offset.minutes()))
    }

    /// When work that has used `offset` of `date`'s working time ends, by the clock: at a
    /// break, when the window before it closed.
    pub fn end_at(&self, date: NaiveDate, offset: Hours) -> NaiveDateTime {
        moment(date, self.layout_on(date).end_minute(offset.minutes()))
    }

    /// When `date`'s working time opens (for a day off, when an ordinary day's would).
    pub fn opening(&self, date: NaiveDate) -> NaiveDateTime {
        self.at(date, Hours::ZERO)
    }

    /// The clock intervals `hours` of work from `offset` into `date`'s working time take:
    /// one per window they touch (a lunch break splits them).
    pub fn intervals(
        &self,
        date: NaiveDate,
        offset: Hours,
        hours: Hours,
    ) -> Vec<(NaiveDateTime, NaiveDateTime)> {
        let shape = self.layout_on(date);
        let (mut from, to) = (offset.minutes(), (offset + hours).minutes());
        let mut intervals = Vec::with_capacity(1);
        while from < to {
            let opens = shape.start_minute(from);
            // The rest of the window `opens` is in (or all of it, past the last one).
            let window_left = shape
                .windows
                .iter()
                .find(|window| u32::from(window.opens) <= opens && opens < u32::from(window.closes))
                .map_or(to - from, |window| u32::from(window.closes) - opens);
            let length = window_left.min(to - from);
            let closes = (opens + length).min(u32::from(window::MINUTES_PER_DAY));
            intervals.push((moment(date, opens), moment(date, closes)));
            from += length;
        }
        intervals
    }

    /// True when `date` is one of the plan's holidays (or in a range of them).
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        days_off::in_ranges(&self.holidays, date)
    }

    /// True when `date` falls on a worked day of the week (holidays and exceptions aside).
    pub fn is_workday(&self, date: NaiveDate) -> bool {
        self.weekdays[date.weekday().num_days_from_monday() as usize] != DAY_OFF
    }

    /// The hours an exception of the plan gives `date` (busy time aside), if it has one.
    pub fn exception(&self, date: NaiveDate) -> Option<Hours> {
        let found = self
            .own_exceptions
            .binary_search_by_key(&date, |(day, _)| *day);
        found.ok().map(|index| self.own_exceptions[index].1)
    }

    /// The busy time on `date`, in the order of the day (on a day off too, though it takes no
    /// working time there).
    pub fn busy_on(&self, date: NaiveDate) -> &[BusyTime] {
        let from = self.busy.partition_point(|busy| busy.date < date);
        let to = self.busy.partition_point(|busy| busy.date <= date);
        &self.busy[from..to]
    }

    /// Every stretch of busy time, by date and time.
    pub fn busy(&self) -> &[BusyTime] {
        &self.busy
    }

    /// The working time busy time takes from the days `from` to `to` (included).
    pub fn busy_hours(&self, from: NaiveDate, to: NaiveDate) -> Hours {
        let first = self.busy_taken.partition_point(|(date, _)| *date < from);
        let last = self.busy_taken.partition_point(|(date, _)| *date <= to);
        self.busy_taken[first..last.max(first)]
            .iter()
            .map(|(_, hours)| *hours)
            .sum()
    }

    /// The working time `date` would offer without busy time.
    pub fn capacity_without_busy(&self, date: NaiveDate) -> Hours {
        let found = self.busy_taken.binary_search_by_key(&date, |(day, _)| *day);
        self.capacity(date) + found.map_or(Hours::ZERO, |at| self.busy_taken[at].1)
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
        self.shape_on(date)
            .map_or(Hours::ZERO, |shape| shape.capacity)
    }
}

/// `minutes` after the midnight that starts `date` (1440 is the next midnight).
fn moment(date: NaiveDate, minutes: u32) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN) + TimeDelta::minutes(i64::from(minutes))
}

/// Two lists of days with their shapes, both sorted, merged into one; `over`'s shape wins on
/// a date both give.
fn merged_days(under: &[(NaiveDate, u32)], over: &[(NaiveDate, u32)]) -> Vec<(NaiveDate, u32)> {
    let mut merged = Vec::with_capacity(under.len() + over.len());
    let (mut a, mut b) = (under.iter().peekable(), over.iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.0 < y.0 => a.next(),
            (Some(x), Some(y)) if x.0 == y.0 => {
                a.next();
                b.next()
            }
            (Some(_), None) => a.next(),
            (_, Some(_)) => b.next(),
            (None, None) => break,
        };
        merged.extend(next.copied());
    }
    merged
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
        self.shape().map_or(Hours::ZERO, |shape| shape.capacity)
    }

    /// When work that starts `offset` into the current day starts, by the clock: what
    /// [`WorkCalendar::at`] says, without searching the calendar for the day.
    pub(super) fn at(&self, offset: Hours) -> NaiveDateTime {
        match self.shape() {
            Some(shape) => moment(self.date, shape.start_minute(offset.minutes())),
            None => self.calendar.at(self.date, offset),
        }
    }

    /// When `offset` of the current day's working time ends, by the clock (as
    /// [`WorkCalendar::end_at`]).
    pub(super) fn end_at(&self, offset: Hours) -> NaiveDateTime {
        match self.shape() {
            Some(shape) => moment(self.date, shape.end_minute(offset.minutes())),
            None => self.calendar.end_at(self.date, offset),
        }
    }

    /// The current day's shape, known from the walk's position; `None` on a day off.
    fn shape(&self) -> Option<&'a DayShape> {
        let calendar = self.calendar;
        let shape = match calendar.exceptions.get(self.next_exception) {
            Some((day, shape)) if *day == self.date => *shape,
            _ => {
                let holiday = calendar
                    .holidays
                    .get(self.next_holiday)
                    .is_some_and(|(first, _)| *first <= self.date);
                if holiday {
                    DAY_OFF
                } else {
                    calendar.weekdays[self.weekday]
                }
            }
        };
        calendar.shape(shape)
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

/// How much of its day's working time lies before `moment`, in whole quarter-hours, rounded
/// up (0 before the day opens).
pub(super) fn offset_of(calendar: &WorkCalendar, moment: NaiveDateTime) -> Hours {
    // The time of day alone: chrono's date arithmetic is not free in the scheduler's loop.
    let time = moment.time();
    let minute = time.hour() * 60 + time.minute() + u32::from(time.second() > 0);
    let worked = calendar.layout_on(moment.date()).worked_before(minute);
    Hours::from_minutes(worked)
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
