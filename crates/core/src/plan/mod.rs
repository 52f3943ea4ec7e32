//! The plan: what the user wrote in `plan.ron`, checked and ready to schedule.
//!
//! [`load`] reads and validates a file, [`write`] renders the canonical text, and
//! [`save`] puts it on disk without ever leaving a half-written file behind.

pub mod busy;
pub mod days_off;
pub mod error;
pub mod field_error;
pub mod fields;
pub mod file;
pub mod hours;
pub mod load;
pub mod locate;
pub mod lock;
pub mod order;
pub mod save;
pub mod template;
pub mod validate;
pub mod window;
pub mod write;

use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

pub use busy::Busy;
pub use error::PlanError;
pub use field_error::FieldError;
pub use fields::{Day, Language, Locale, WeekStart};
pub use file::{BOM, MAX_PLAN_BYTES, kind_of, open_regular, read_regular};
pub use hours::{Hours, HoursError};
pub use load::{Document, load_file, parse, parse_file, read_text};
pub use lock::PlanLock;
pub use save::{FileRole, mode_of, save_file, save_new};
pub use window::Window;

/// A work plan: activities with an effort in hours, laid one after another on working time.
/// (`Default` is only a base for building plans in code: it is not a valid plan by itself.)
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename = "Plan", deny_unknown_fields)]
pub struct Plan {
    /// The plan's title; when absent the file's stem stands in (see [`Plan::title`]).
    #[serde(default, rename = "title")]
    pub title_text: Option<String>,
    /// Language of names, labels and marks.
    #[serde(default)]
    pub locale: Locale,
    /// The first day of the week in calendars and tables; by default the locale's.
    #[serde(default)]
    pub week_start: Option<WeekStart>,
    /// The first day work may start.
    #[serde(with = "fields::date")]
    pub start: NaiveDate,
    /// When the working day opens (09:00 unless given), for a day of one window; not given
    /// with `windows`.
    #[serde(default, with = "fields::optional_time")]
    pub day_start: Option<NaiveTime>,
    /// Length of a day of one window; not given with `windows`.
    #[serde(default, deserialize_with = "hours::positive_option")]
    pub hours_per_day: Option<Hours>,
    /// Every workday's windows (`["08:00-12:00", "13:00-17:00"]`), instead of `day_start` and
    /// `hours_per_day`.
    #[serde(default, deserialize_with = "window::deserialize_optional_list")]
    pub windows: Option<Vec<Window>>,
    /// Weekdays with windows of their own (`(days: [Fri], windows: ["08:00-13:00"])`).
    #[serde(default)]
    pub week: Vec<WeekWindows>,
    /// The days of the week that are worked.
    #[serde(default = "default_workdays")]
    pub workdays: Vec<Day>,
    /// Where a person's next activity starts when the previous one ended mid-day.
    #[serde(default)]
    pub handoff: Handoff,
    /// What holds work back: a person's previous activity too (the default), or only `after`
    /// and `not_before` (as MS Project schedules, without levelling).
    #[serde(default)]
    pub ordering: Ordering,
    /// Dates (or inclusive ranges) on which nobody works.
    #[serde(default)]
    pub holidays: Vec<Holiday>,
    /// Dates with their own hours: a short day, a worked Saturday, or (0) a day off.
    #[serde(default)]
    pub exceptions: Vec<Exception>,
    /// Time already taken for everyone (a team meeting, a closing week), which no work is
    /// laid on.
    #[serde(default)]
    pub busy: Vec<Busy>,
    /// People with working time of their own (a part-time reviewer, a vacation); anyone not
    /// listed works the plan's.
    #[serde(default)]
    pub people: Vec<Person>,
    /// The work, in the order it is done.
    pub activities: Vec<Activity>,
    /// Hours actually worked. Its presence (even empty) turns tracking on: remaining work is
    /// then laid from the status date, after what was logged.
    #[serde(default)]
    pub log: Option<Vec<LogEntry>>,
    /// A frozen copy of an earlier schedule, to measure the slip against.
    #[serde(default)]
    pub baseline: Option<Baseline>,
    /// The title shown when the file gives none: the file's stem, filled in by the loader.
    #[serde(skip)]
    pub fallback_title: String,
}

/// Where a person's next activity starts after one that ended mid-day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum Handoff {
    /// At once, the same day (the rest of the day is not wasted).
    #[default]
    SameDay,
    /// At the start of the next working day.
    NextDay,
}

/// What holds an activity back besides its `after` and `not_before`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum Ordering {
    /// A person works their activities one at a time, in the order the plan lists them.
    #[default]
    OneAtATime,
    /// Only `after` and `not_before` hold work back: a person's activities no link orders run
    /// side by side, as MS Project schedules them (it does not level); a person given more
    /// than their day is over-allocated, which `check` and the view say.
    LinksOnly,
}

/// Hours worked on one activity on one date (at most one entry per date and code).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    /// The day the work was done.
    #[serde(with = "fields::date")]
    pub date: NaiveDate,
    /// The activity worked on.
    #[serde(deserialize_with = "fields::code::deserialize")]
    pub code: Arc<str>,
    /// How long, in quarter-hour steps.
    #[serde(deserialize_with = "hours::positive")]
    pub hours: Hours,
    /// What the person wants to remember about that day.
    #[serde(default)]
    pub note: Option<String>,
}

/// The schedule as it was on a day: each activity's start and end then.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The day it was saved.
    #[serde(with = "fields::date")]
    pub saved: NaiveDate,
    /// Every activity's planned times, by code.
    pub activities: Vec<BaselineActivity>,
}

/// One activity's times in a baseline.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineActivity {
    /// The activity.
    #[serde(deserialize_with = "fields::code::deserialize")]
    pub code: Arc<str>,
    /// When it was to start.
    #[serde(with = "fields::date_time")]
    pub start: chrono::NaiveDateTime,
    /// When it was to end.
    #[serde(with = "fields::date_time")]
    pub end: chrono::NaiveDateTime,
}

impl Baseline {
    /// The baseline times of the activity `code`, if it was in the plan then.
    pub fn of(&self, code: &str) -> Option<&BaselineActivity> {
        self.activities
            .iter()
            .find(|activity| &*activity.code == code)
    }

    /// When its last activity was to end.
    pub fn end(&self) -> Option<chrono::NaiveDateTime> {
        self.activities.iter().map(|activity| activity.end).max()
    }
}

/// A day off, or a range of days off, with an optional name (`Día de la Soberanía Nacional`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// The day, or the first day of the range.
    #[serde(with = "fields::date")]
    pub date: NaiveDate,
    /// The last day of a range (included).
    #[serde(default, with = "fields::optional_date")]
    pub until: Option<NaiveDate>,
    /// What it is called, if the plan says.
    #[serde(default)]
    pub name: Option<String>,
}

impl Holiday {
    /// A one-day holiday.
    pub fn on(date: NaiveDate, name: Option<String>) -> Self {
        Holiday {
            date,
            until: None,
            name,
        }
    }

    /// Its last day (the first, for a one-day holiday).
    pub fn last_day(&self) -> NaiveDate {
        self.until.unwrap_or(self.date)
    }

    /// True when `day` falls in it.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.date <= day && day <= self.last_day()
    }
}

/// A date with its own working time: `hours` (the first hours of that day's windows; 0 makes
/// it a day off) or `windows` of its own.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    /// The day.
    #[serde(with = "fields::date")]
    pub date: NaiveDate,
    /// The hours worked that day; 0 makes it a day off.
    #[serde(default)]
    pub hours: Option<Hours>,
    /// The windows worked that day, instead of `hours`.
    #[serde(default, deserialize_with = "window::deserialize_optional_list")]
    pub windows: Option<Vec<Window>>,
}

impl Exception {
    /// An exception of `hours` on `date`.
    pub fn hours(date: NaiveDate, hours: Hours) -> Self {
        Exception {
            date,
            hours: Some(hours),
            windows: None,
        }
    }

    /// The working time it gives its date, when it gives windows.
    pub fn own_windows(&self) -> Option<&[Window]> {
        self.windows.as_deref()
    }
}

/// Weekdays whose windows are not the ordinary ones: a short Friday, a late Wednesday.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeekWindows {
    /// The weekdays (each a workday).
    pub days: Vec<Day>,
    /// Their windows.
    #[serde(deserialize_with = "window::deserialize_list")]
    pub windows: Vec<Window>,
}

/// The shape of someone's working week, as their fields and the plan's give it: the windows
/// of an ordinary workday (and of an exception's day that is not a workday), and the weekdays
/// that have others. What a given date offers is the schedule's to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekShape {
    /// An ordinary workday's windows.
    pub windows: Vec<Window>,
    /// Windows of their own, by weekday counted from Monday.
    pub by_weekday: [Option<Vec<Window>>; 7],
}

impl WeekShape {
    fn new(windows: Vec<Window>, week: &[WeekWindows]) -> Self {
        let mut by_weekday: [Option<Vec<Window>>; 7] = Default::default();
        for group in week {
            for day in &group.days {
                by_weekday[day.weekday().num_days_from_monday() as usize] =
                    Some(group.windows.clone());
            }
        }
        WeekShape {
            windows,
            by_weekday,
        }
    }

    /// The windows of a workday falling on `weekday` (counted from Monday).
    pub fn of_weekday(&self, weekday: usize) -> &[Window] {
        self.by_weekday[weekday].as_deref().unwrap_or(&self.windows)
    }
}

/// Gives a day (a plan's or a person's) the windows `given`: one window is written as
/// `day_start` and `hours_per_day` where the day was written so (an old plan keeps its shape),
/// anything else as `windows`.
fn give_day(
    given: Vec<Window>,
    day_start: &mut Option<NaiveTime>,
    hours_per_day: &mut Option<Hours>,
    windows: &mut Option<Vec<Window>>,
) {
    match given.as_slice() {
        [one] if windows.is_none() => {
            *day_start = Some(NaiveTime::MIN + chrono::TimeDelta::minutes(i64::from(one.opens)));
            *hours_per_day = Some(one.length());
        }
        _ => {
            *day_start = None;
            *hours_per_day = None;
            *windows = Some(given);
        }
    }
}

/// One window of `hours` from `opens`, as `day_start` and `hours_per_day` give it; cut at
/// midnight in a plan that validation refuses.
fn one_window(opens: NaiveTime, hours: Hours) -> Vec<Window> {
    use chrono::Timelike;
    let opens = (opens.hour() * 60 + opens.minute()) as u16;
    let closes = u32::from(opens) + hours.minutes();
    let closes = closes.min(u32::from(window::MINUTES_PER_DAY)) as u16;
    if opens < closes {
        vec![Window { opens, closes }]
    } else {
        Vec::new()
    }
}

/// Someone whose working time is not the plan's: each field but `name` defaults to the plan's.
/// The plan's holidays apply to everyone; a person's own only to them; a person's exception
/// overrides the plan's for that date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// As activities' `who` names them.
    pub name: Arc<str>,
    /// Their hours a day.
    #[serde(default, deserialize_with = "hours::positive_option")]
    pub hours_per_day: Option<Hours>,
    /// When their working day opens.
    #[serde(default, with = "fields::optional_time")]
    pub day_start: Option<NaiveTime>,
    /// Their windows, instead of `day_start` and `hours_per_day`.
    #[serde(default, deserialize_with = "window::deserialize_optional_list")]
    pub windows: Option<Vec<Window>>,
    /// Their weekdays with windows of their own: replaces the plan's `week` whole.
    #[serde(default)]
    pub week: Option<Vec<WeekWindows>>,
    /// The days of the week they work.
    #[serde(default)]
    pub workdays: Option<Vec<Day>>,
    /// Their own days off (a vacation, exams), on top of the plan's.
    #[serde(default)]
    pub holidays: Vec<Holiday>,
    /// Their own days with their own hours.
    #[serde(default)]
    pub exceptions: Vec<Exception>,
    /// Their busy time (classes, a job, meetings), on top of the plan's.
    #[serde(default)]
    pub busy: Vec<Busy>,
}

impl Person {
    /// True when they give their own day (`windows`, or `day_start`/`hours_per_day`): it
    /// replaces the plan's windows and `week`.
    pub fn has_own_day(&self) -> bool {
        self.windows.is_some() || self.hours_per_day.is_some() || self.day_start.is_some()
    }

    /// The shape of their week: their own windows (their `windows`, or one window from their
    /// `day_start` or the plan's opening, of their `hours_per_day` or the plan's day) and their
    /// own `week`, where they give them; the plan's otherwise.
    pub fn week_shape(&self, plan: &Plan) -> WeekShape {
        let plan_shape = plan.week_shape();
        let windows = match (&self.windows, self.has_own_day()) {
            (Some(windows), _) => windows.clone(),
            (None, true) => {
                let opens = self.day_start.unwrap_or_else(|| plan.opening());
                let hours = self
                    .hours_per_day
                    .unwrap_or_else(|| window::total(&plan_shape.windows));
                one_window(opens, hours)
            }
            (None, false) => plan_shape.windows.clone(),
        };
        match (&self.week, self.has_own_day()) {
            (Some(week), _) => WeekShape::new(windows, week),
            (None, true) => WeekShape::new(windows, &[]),
            (None, false) => plan_shape,
        }
    }

    /// Gives them their own windows (which replace the plan's windows and `week`).
    pub fn set_windows(&mut self, windows: Vec<Window>) {
        give_day(
            windows,
            &mut self.day_start,
            &mut self.hours_per_day,
            &mut self.windows,
        );
    }

    /// The days they work: their own or the plan's.
    pub fn workdays<'a>(&'a self, plan: &'a Plan) -> &'a [Day] {
        self.workdays.as_deref().unwrap_or(&plan.workdays)
    }
}

/// One piece of work: a short code for the calendars, a description and an effort in hours.
///
/// The texts are shared (`Arc<str>`): the interactive view copies the plan for its undo history
/// on every edit, and with shared texts a copy of thousands of activities allocates nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// The short code written next to day numbers (`A1`): visible characters, NFC.
    #[serde(deserialize_with = "fields::code::deserialize")]
    pub code: Arc<str>,
    /// What the work is.
    #[serde(default = "empty_text")]
    pub name: Arc<str>,
    /// The effort; 0 makes it a milestone, a point in time.
    pub hours: Hours,
    /// Who does it; each person works their activities one at a time, in the listed order.
    #[serde(default = "empty_text")]
    pub who: Arc<str>,
    /// Codes of the activities it must wait for.
    #[serde(default, deserialize_with = "fields::codes::deserialize")]
    pub after: Arc<[Arc<str>]>,
    /// Its earliest start: `day_start` of that day, or of the next working day.
    #[serde(default, with = "fields::optional_date")]
    pub not_before: Option<NaiveDate>,
    /// Finished, whatever was logged (tracked plans only).
    #[serde(default)]
    pub done: bool,
    /// A new estimate of the hours still to do (tracked plans only).
    #[serde(default)]
    pub remaining: Option<Hours>,
}

/// True when two texts are equal. An edited copy shares its texts with the original: a pointer
/// comparison settles most.
fn same_text(a: &Arc<str>, b: &Arc<str>) -> bool {
    Arc::ptr_eq(a, b) || a == b
}

impl Activity {
    /// True when `other` differs from this activity at most in its name, hours and
    /// `not_before`: the same code, person, links and tracking (see [`Plan::same_shape`]).
    pub fn same_shape(&self, other: &Activity) -> bool {
        let same = same_text;
        // Every field named, as in `Plan::same_shape`.
        let Activity {
            code,
            name: _,
            hours: _,
            who,
            after,
            not_before: _,
            done,
            remaining,
        } = self;
        same(code, &other.code)
            && same(who, &other.who)
            && (Arc::ptr_eq(after, &other.after)
                || after.len() == other.after.len()
                    && after
                        .iter()
                        .zip(other.after.iter())
                        .all(|(a, b)| same(a, b)))
            && *done == other.done
            && *remaining == other.remaining
    }

    /// True for a milestone (no effort): a point in time.
    pub fn is_milestone(&self) -> bool {
        self.hours.is_zero()
    }
}

fn empty_text() -> Arc<str> {
    Arc::from("")
}

/// When a day of one window opens when the plan does not say: 09:00.
pub const DEFAULT_DAY_START: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(time) => time,
    None => NaiveTime::MIN,
};

fn default_workdays() -> Vec<Day> {
    Day::WEEK.to_vec()
}

impl Plan {
    /// True when the plan or someone in it has busy time.
    pub fn has_busy_time(&self) -> bool {
        !self.busy.is_empty() || self.people.iter().any(|person| !person.busy.is_empty())
    }
    /// The title to show: the plan's own, or the file's stem.
    pub fn title(&self) -> &str {
        self.title_text.as_deref().unwrap_or(&self.fallback_title)
    }

    /// The shape of the plan's week: its `windows` (or the one window of `day_start` and
    /// `hours_per_day`) and its `week`. Working time is the schedule's to say
    /// ([`crate::schedule::WorkCalendar`]); this is what it is built from.
    pub fn week_shape(&self) -> WeekShape {
        let windows = match &self.windows {
            Some(windows) => windows.clone(),
            None => one_window(self.opening(), self.hours_per_day.unwrap_or_default()),
        };
        WeekShape::new(windows, &self.week)
    }

    /// Gives every workday the windows `windows` (a weekday of `week` keeps its own).
    pub fn set_windows(&mut self, windows: Vec<Window>) {
        give_day(
            windows,
            &mut self.day_start,
            &mut self.hours_per_day,
            &mut self.windows,
        );
    }

    /// When the plan's ordinary day opens: its first window, or `day_start`.
    fn opening(&self) -> NaiveTime {
        match self.windows.as_deref().and_then(<[Window]>::first) {
            Some(first) => NaiveTime::MIN + chrono::TimeDelta::minutes(i64::from(first.opens)),
            None => self.day_start.unwrap_or(DEFAULT_DAY_START),
        }
    }

    /// True when `other` differs from this plan at most in activities' names, hours and
    /// `not_before`: the same working time, the same activities, people and links. Such an edit
    /// keeps every rule [`validate`] checks across fields, and the order work is done in.
    pub fn same_shape(&self, other: &Plan) -> bool {
        let same = same_text;
        let same_log = match (&self.log, &other.log) {
            (None, None) => true,
            (Some(a), Some(b)) => {
                a.len() == b.len()
                    && a.iter().zip(b).all(|(a, b)| {
                        a.date == b.date && a.hours == b.hours && same(&a.code, &b.code)
                    })
            }
            _ => false,
        };
        // Every field named: a new one fails to compile here until it is decided whether an
        // edit of it keeps the shape (`busy` once slipped past a list kept by hand).
        let Plan {
            title_text: _,
            locale,
            week_start: _,
            start,
            day_start,
            hours_per_day,
            windows,
            week,
            workdays,
            handoff,
            ordering,
            holidays,
            exceptions,
            busy,
            people,
            activities,
            log: _,
            baseline: _,
            fallback_title: _,
        } = self;
        *start == other.start
            && *day_start == other.day_start
            && *hours_per_day == other.hours_per_day
            && *windows == other.windows
            && *week == other.week
            && *workdays == other.workdays
            && *handoff == other.handoff
            && *ordering == other.ordering
            && *holidays == other.holidays
            && *exceptions == other.exceptions
            && *busy == other.busy
            && *people == other.people
            && *locale == other.locale
            && same_log
            && activities.len() == other.activities.len()
            && activities
                .iter()
                .zip(&other.activities)
                .all(|(a, b)| a.same_shape(b))
    }

    /// The first day of the week: the plan's own, or its locale's.
    pub fn week_start(&self) -> WeekStart {
        self.week_start.unwrap_or_else(|| self.locale.week_start())
    }

    /// The activity a person typed the code of: the code as written (in NFC), else the one
    /// code that differs from it only in case (`a2` for `A2`).
    pub fn find_code(&self, typed: &str) -> Option<usize> {
        let typed = crate::text::normalize_code(typed);
        let exact = self
            .activities
            .iter()
            .position(|activity| *activity.code == *typed);
        exact.or_else(|| {
            let lower = typed.to_lowercase();
            let mut loose = self
                .activities
                .iter()
                .enumerate()
                .filter(|(_, activity)| activity.code.to_lowercase() == lower);
            match (loose.next(), loose.next()) {
                (Some((index, _)), None) => Some(index),
                _ => None,
            }
        })
    }

    /// Sets the hours logged on `code` on `date`; 0 takes that day's entry away. `note`, when
    /// given, replaces the entry's note (`Some(None)` clears it). The first entry turns
    /// tracking on; logging 0 h where nothing was logged changes nothing, tracking included.
    pub fn log_hours(
        &mut self,
        date: NaiveDate,
        code: Arc<str>,
        hours: Hours,
        note: Option<Option<String>>,
    ) {
        let at = self.log.as_ref().and_then(|log| {
            log.iter()
                .position(|entry| entry.date == date && entry.code == code)
        });
        match (at, self.log.as_mut()) {
            (Some(at), Some(log)) if hours.is_zero() => {
                log.remove(at);
            }
            (Some(at), Some(log)) => {
                log[at].hours = hours;
                if let Some(note) = note {
                    log[at].note = note;
                }
            }
            _ if hours.is_zero() => {}
            _ => self.log.get_or_insert_with(Vec::new).push(LogEntry {
                date,
                code,
                hours,
                note: note.flatten(),
            }),
        }
    }

    /// True when the plan follows real work: it has a `log`, even an empty one.
    pub fn is_tracked(&self) -> bool {
        self.log.is_some()
    }

    /// Log entries and baseline times of the activity `from` now belong to `to` (its code was
    /// edited): the history of the work follows the work.
    pub fn rename_tracked(&mut self, from: &str, to: &str) {
        let to: Arc<str> = Arc::from(to);
        let entries = self.log.iter_mut().flatten().map(|entry| &mut entry.code);
        let baseline = self.baseline.iter_mut().flat_map(|b| &mut b.activities);
        for code in entries.chain(baseline.map(|activity| &mut activity.code)) {
            if &**code == from {
                *code = to.clone();
            }
        }
    }

    /// The last day work was logged, if any: the natural status date of a plan made from
    /// another tool's file.
    pub fn last_logged_day(&self) -> Option<NaiveDate> {
        self.log_entries().iter().map(|entry| entry.date).max()
    }

    /// The hours logged, empty for an untracked plan.
    pub fn log_entries(&self) -> &[LogEntry] {
        self.log.as_deref().unwrap_or_default()
    }

    /// The sum of every activity's hours.
    pub fn total_hours(&self) -> Hours {
        self.activities.iter().map(|activity| activity.hours).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn seed() -> Plan {
        load::parse(include_str!("../../../../plan.ron"), Path::new("plan.ron"))
            .expect("the repository's plan loads")
            .plan
    }

    #[test]
    fn hours_names_and_dates_of_activities_keep_the_shape() {
        let plan = seed();
        let mut edited = plan.clone();
        edited.activities[2].hours = Hours::from_quarters(4);
        edited.activities[0].name = "Otra".into();
        edited.activities[1].not_before = Some(plan.start);
        assert!(plan.same_shape(&edited));
    }

    #[test]
    fn codes_people_links_and_working_time_change_the_shape() {
        let plan = seed();
        let changes: [fn(&mut Plan); 4] = [
            |plan| plan.activities[0].code = "Z9".into(),
            |plan| plan.activities[1].who = "Ana".into(),
            |plan| plan.holidays.clear(),
            |plan| {
                plan.activities.pop();
            },
        ];
        for change in changes {
            let mut edited = plan.clone();
            change(&mut edited);
            assert!(!plan.same_shape(&edited));
        }
    }
}
