//! A plan of an MS Project XML file (MSPDI), as MS Project, ProjectLibre, GanttProject,
//! MPXJ and TaskJuggler write it: leaf tasks become activities (code from the WBS, the outline
//! number or the ID; hours from Work, or from Duration, which MSPDI gives in working hours),
//! finish-to-start links become `after` (all of them, with `ordering: LinksOnly`: MS Project
//! does not level), start-no-earlier-than constraints `not_before`; the
//! project calendar's days, window and exceptions become workdays, `day_start`,
//! `hours_per_day`, holidays and days with their own hours; resources assigned to tasks become
//! people; actual work recorded day by day becomes the plan's log, and a task at 100 % done.
//! What cannot be said in a plan is listed in [`FromProject::notes`], never changed in silence.
//!
//! The file is untrusted: it is parsed as [`crate::xml`] parses all XML from outside (no DTD,
//! so neither XXE nor a billion laughs can reach anything; its nesting bounded before parsing,
//! so no file can overflow the stack); its size is bounded by the reader.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use roxmltree::Node;

use super::ProjectError;
use crate::plan::{Activity, Busy, Day, Exception, Holiday, Hours, LogEntry, Plan, Window};
use crate::schedule::WorkCalendar;

/// MSPDI's namespace.
pub const NAMESPACE: &str = "http://schemas.microsoft.com/project";

/// A plan read from an MSPDI file, and what it could not keep.
#[derive(Debug)]
pub struct FromProject {
    /// The plan (not yet validated: codes may clash, links may circle).
    pub plan: Plan,
    /// Each task's start in the file, by activity, to tell what the plan's rules moved.
    pub starts: Vec<Option<NaiveDateTime>>,
    /// What was kept differently or left out.
    pub notes: Vec<ProjectNote>,
}

/// What an MS Project file says that the plan keeps differently or leaves out. Said in the
/// plan's language by [`crate::messages::Say`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectNote {
    /// The project starts at `at` (HH:MM) on `date`, worked from then (`windows`).
    StartsMidDay {
        at: String,
        date: NaiveDate,
        windows: String,
    },
    /// No calendar: Monday to Friday, `windows`.
    NoCalendar { windows: String },
    /// Working times off the quarter hour, moved to it (`windows`).
    OffQuarter { windows: String },
    /// A repeating calendar exception from `from`, read as its first period.
    RepeatingException { from: NaiveDate },
    /// `count` resources named `name`, told apart by their IDs.
    SameName { count: usize, name: String },
    /// `count` assignments of a second person to a task, left out.
    SecondPeople { count: usize },
    /// `count` summary tasks, left out.
    Summaries { count: usize },
    /// `days` days with more actual work for one person than fits before midnight.
    CutAtMidnight { days: usize },
    /// `count` tasks with actual work and no day-by-day record (`codes`, the first eight).
    Unrecorded { count: usize, codes: String },
    /// The day-by-day actual work became the log: `entries`, up to `last`.
    Logged { entries: usize, last: NaiveDate },
    /// `code` after `before`: a link of MSPDI's `kind` (0 FF, 1 FS, 2 SF, 3 SS) and a lag in
    /// minutes, kept as finish-to-start without lag.
    LinkKept {
        code: String,
        before: String,
        kind: i64,
        lag_minutes: i64,
    },
    /// `code`'s work of `minutes` rounded to `hours` (quarter-hour steps).
    Rounded {
        code: String,
        minutes: String,
        hours: Hours,
    },
    /// Tasks (`codes`) that say what a plan cannot, gathered by kind.
    Tasks { kind: TaskKind, codes: Vec<String> },
    /// A task's code that is the holiday mark of the user's language: the plan is in English.
    EnglishForCode { code: String },
    /// Activities (`codes`, the first eight, of `count`) the plan's rules start at another time
    /// than the file.
    Moved { count: usize, codes: String },
}

/// What a task says that a plan cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskKind {
    /// An elapsed duration (days of 24 hours), read as working time.
    Elapsed,
    /// A calendar of its own, left out.
    TaskCalendar,
    /// Manual scheduling, scheduled by the plan's rules.
    Manual,
    /// Shared or part-time work, read as the task's duration.
    Shared,
    /// A constraint other than "start no earlier than", by MSPDI's number.
    Constraint(usize),
}

/// The first eight of `codes` (of `count`), separated by commas, `…` after when there are more.
pub fn first_codes(codes: &[impl AsRef<str>], count: usize) -> String {
    let shown: Vec<&str> = codes.iter().take(8).map(AsRef::as_ref).collect();
    let more = if count > shown.len() { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

/// Reads an MSPDI document.
pub fn plan_from_mspdi(text: &str) -> Result<FromProject, ProjectError> {
    let document = crate::xml::parse(text, 5_000_000).map_err(|error| match error {
        crate::xml::XmlError::Dtd => ProjectError::Dtd,
        other => ProjectError::Xml(other),
    })?;
    let project = document.root_element();
    if project.tag_name().name() != "Project" || project.tag_name().namespace() != Some(NAMESPACE) {
        return Err(ProjectError::NotAProject(
            project.tag_name().name().to_owned(),
        ));
    }
    let mut notes = Vec::new();
    let mut plan = Plan {
        title_text: text_of(project, "Title")
            .or_else(|| text_of(project, "Name"))
            .map(|title| title.trim_end_matches(".xml").to_owned()),
        ..Plan::default()
    };
    let start = date_time_of(project, "StartDate");
    plan.start = start.map_or_else(
        || NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        |at| at.date(),
    );
    read_calendar(project, &mut plan, &mut notes);
    if let Some(start) = start {
        start_mid_day(&mut plan, start, &mut notes);
    }
    let resources = resources_of(project, &mut notes);
    plan.people = people_of(project, &plan, &resources, &mut notes);
    let assigned = assignments_of(project, &resources, &mut notes);
    let starts = read_tasks(project, &mut plan, &assigned, &mut notes);
    // MS Project does not level: only links and dates hold a task back, and a person given
    // two tasks at once is over-allocated, as the file has it.
    plan.ordering = crate::plan::Ordering::LinksOnly;
    let notes = gathered(notes);
    Ok(FromProject {
        plan,
        starts,
        notes,
    })
}

/// A project that starts after its first day opens (at 09:00 on an 08:00 calendar, as MS
/// Project starts one made at that hour): its first day is worked from then on, as an
/// exception with the windows left, said in a note.
fn start_mid_day(plan: &mut Plan, start: NaiveDateTime, notes: &mut Vec<ProjectNote>) {
    let calendar = WorkCalendar::new(plan);
    let date = start.date();
    let minute = (start - date.and_time(NaiveTime::MIN)).num_minutes();
    let Ok(minute) = u16::try_from(minute) else {
        return;
    };
    let windows = calendar.windows_on(date);
    if windows.first().is_none_or(|first| first.opens >= minute) {
        return;
    }
    let left: Vec<Window> = windows
        .iter()
        .filter_map(|window| Window::new(window.opens.max(minute.div_ceil(15) * 15), window.closes))
        .collect();
    plan.exceptions.retain(|exception| exception.date != date);
    plan.exceptions.push(Exception {
        date,
        hours: Some(Hours::ZERO).filter(|_| left.is_empty()),
        windows: (!left.is_empty()).then(|| left.clone()),
    });
    plan.exceptions.sort_by_key(|exception| exception.date);
    notes.push(ProjectNote::StartsMidDay {
        at: start.format("%H:%M").to_string(),
        date,
        windows: crate::plan::window::shown(&left),
    });
}

/// The notes, with what applies to many tasks said once per kind, in the order the kinds first
/// appear, after the other notes.
fn gathered(notes: Vec<ProjectNote>) -> Vec<ProjectNote> {
    let mut kinds: Vec<(TaskKind, Vec<String>)> = Vec::new();
    let mut out = Vec::new();
    for note in notes {
        match note {
            ProjectNote::Tasks { kind, codes } => {
                match kinds.iter_mut().find(|(seen, _)| *seen == kind) {
                    Some((_, gathered)) => gathered.extend(codes),
                    None => kinds.push((kind, codes)),
                }
            }
            other => out.push(other),
        }
    }
    out.extend(
        kinds
            .into_iter()
            .map(|(kind, codes)| ProjectNote::Tasks { kind, codes }),
    );
    out
}

/// The text of `node`'s child element `name`, trimmed, if any and not empty.
fn text_of<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name)?
        .text()
        .map(str::trim)
        .filter(|text| !text.is_empty())
}

fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children()
        .find(|child| child.has_tag_name((NAMESPACE, name)))
}

fn children<'a, 'input>(
    node: Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children()
        .filter(move |child| child.has_tag_name((NAMESPACE, name)))
}

fn number_of(node: Node, name: &str) -> Option<i64> {
    text_of(node, name)?.parse().ok()
}

fn flag_of(node: Node, name: &str) -> bool {
    matches!(text_of(node, name), Some("1" | "true"))
}

/// `2023-09-13T08:00:00` (seconds optional).
fn date_time_of(node: Node, name: &str) -> Option<NaiveDateTime> {
    let text = text_of(node, name)?;
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
        .ok()
}

fn time_of(node: Node, name: &str) -> Option<NaiveTime> {
    let text = text_of(node, name)?;
    NaiveTime::parse_from_str(text, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M"))
        .ok()
}

/// Minutes of an ISO 8601 duration as MSPDI writes them: `PT42H0M0S`, `PT7H30M0S`, `P2DT4H`
/// (days of 24 hours, as the schema means them only in elapsed durations).
fn duration_minutes(text: &str) -> Option<f64> {
    let rest = text.trim().strip_prefix('P')?;
    let (days, time) = rest.split_once('T').unwrap_or((rest, ""));
    let mut minutes = 0.0;
    let mut number = String::new();
    for (part, is_time) in [(days, false), (time, true)] {
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                number.push(c);
                continue;
            }
            let value: f64 = number.parse().ok()?;
            number.clear();
            minutes += value
                * match (c, is_time) {
                    ('D', false) => 24.0 * 60.0,
                    ('W', false) => 7.0 * 24.0 * 60.0,
                    ('H', true) => 60.0,
                    ('M', true) => 1.0,
                    ('S', true) => 1.0 / 60.0,
                    _ => return None,
                };
        }
    }
    number.is_empty().then_some(minutes)
}

/// `minutes` as hours in quarter-hour steps, rounded up (and whether that changed them).
fn quarter_hours(minutes: f64) -> (Hours, bool) {
    let quarters = (minutes / 15.0).ceil().clamp(0.0, f64::from(u32::MAX / 4));
    let rounded = (quarters * 15.0 - minutes).abs() > 0.01;
    (Hours::from_quarters(quarters as u32), rounded)
}

/// The calendar with the UID `uid`.
fn calendar_by_uid<'a, 'input>(
    project: Node<'a, 'input>,
    uid: Option<&str>,
) -> Option<Node<'a, 'input>> {
    child(project, "Calendars")?
        .children()
        .filter(|node| node.has_tag_name((NAMESPACE, "Calendar")))
        .find(|calendar| uid.is_some() && text_of(*calendar, "UID") == uid)
}

/// The project calendar (or the first, where the project names none that exists: TaskJuggler
/// writes calendar 0 and names 1): the week, each day's windows, the exceptions.
fn read_calendar(project: Node, plan: &mut Plan, notes: &mut Vec<ProjectNote>) {
    let first = child(project, "Calendars").and_then(|all| {
        all.children()
            .find(|node| node.has_tag_name((NAMESPACE, "Calendar")))
    });
    plan.workdays = Day::WEEK.to_vec();
    let Some(calendar) = calendar_by_uid(project, text_of(project, "CalendarUID")).or(first) else {
        let windows = default_windows(project);
        let shown = crate::plan::window::shown(&windows);
        notes.push(ProjectNote::NoCalendar { windows: shown });
        plan.set_windows(windows);
        return;
    };
    // What a calendar that says nothing of its week has: Monday to Friday, the project's day.
    plan.set_windows(default_windows(project));
    read_working_time(project, calendar, plan, notes);
}

/// The windows of a working day that gives none: MS Project's standard day (08:00-12:00,
/// 13:00-17:00) when the project's day is its 8 hours, else one window of the project's
/// minutes a day from 08:00.
fn default_windows(project: Node) -> Vec<Window> {
    let minutes = number_of(project, "MinutesPerDay").unwrap_or(480);
    let minutes = u16::try_from(minutes.clamp(15, 16 * 60)).unwrap_or(480) / 15 * 15;
    match minutes {
        480 => vec![
            Window {
                opens: 480,
                closes: 720,
            },
            Window {
                opens: 780,
                closes: 1020,
            },
        ],
        minutes => vec![Window {
            opens: 480,
            closes: 480 + minutes,
        }],
    }
}

/// A calendar's week, windows and exceptions into `plan`'s working time.
fn read_working_time(project: Node, calendar: Node, plan: &mut Plan, notes: &mut Vec<ProjectNote>) {
    // A calendar that says nothing of its week (a resource calendar derived from the
    // project's, as MPXJ writes one for every resource) keeps the week `plan` has.
    let week: Vec<Node> = child(calendar, "WeekDays")
        .into_iter()
        .flat_map(|days| children(days, "WeekDay"))
        .collect();
    let mut by_weekday: [Option<Vec<Window>>; 7] = [const { None }; 7];
    let mut own_week = false;
    for weekday in &week {
        let day_type = number_of(*weekday, "DayType").unwrap_or(-1);
        if day_type == 0 {
            // Older files: an exception is a WeekDay of type 0 with a time period (some
            // producers write both forms: the newer one wins).
            if child(calendar, "Exceptions").is_none() {
                read_exception(*weekday, plan, notes);
            }
            continue;
        }
        // MSPDI's DayType 1 is Sunday, 7 Saturday.
        if !(1..=7).contains(&day_type) {
            continue;
        }
        own_week = true;
        let at = usize::try_from(day_type + 5).unwrap_or(0) % 7;
        if flag_of(*weekday, "DayWorking") {
            let windows = working_windows(*weekday, notes);
            by_weekday[at] = Some(windows.unwrap_or_else(|| default_windows(project)));
        }
    }
    if own_week {
        let ordinary = most_common(&by_weekday).unwrap_or_else(|| default_windows(project));
        set_week(plan, by_weekday, &ordinary);
    }
    for exception in child(calendar, "Exceptions")
        .into_iter()
        .flat_map(|all| children(all, "Exception"))
    {
        read_exception(exception, plan, notes);
    }
}

/// The windows most workdays of a week have (the earliest weekday's among equals).
fn most_common(by_weekday: &[Option<Vec<Window>>; 7]) -> Option<Vec<Window>> {
    let worked: Vec<&Vec<Window>> = by_weekday.iter().flatten().collect();
    worked
        .iter()
        .max_by_key(|windows| {
            let count = worked.iter().filter(|other| other == windows).count();
            let first = worked
                .iter()
                .position(|other| other == *windows)
                .unwrap_or(0);
            (count, usize::MAX - first)
        })
        .map(|windows| (*windows).clone())
}

/// `plan`'s week: the days worked, the ordinary windows (as `day_start` and `hours_per_day`
/// when they are one window, the form an old plan has) and the weekdays whose own differ.
fn set_week(plan: &mut Plan, by_weekday: [Option<Vec<Window>>; 7], ordinary: &[Window]) {
    let worked: Vec<(Day, Vec<Window>)> = Day::ALL
        .iter()
        .zip(by_weekday)
        .filter_map(|(day, windows)| Some((*day, windows?)))
        .collect();
    plan.workdays = worked.iter().map(|(day, _)| *day).collect();
    // Set anew: one window is written as `day_start` and `hours_per_day`.
    (plan.windows, plan.day_start, plan.hours_per_day) = (None, None, None);
    plan.set_windows(ordinary.to_vec());
    let mut week: Vec<crate::plan::WeekWindows> = Vec::new();
    for (day, windows) in worked
        .into_iter()
        .filter(|(_, windows)| windows != ordinary)
    {
        match week.iter_mut().find(|group| group.windows == windows) {
            Some(group) => group.days.push(day),
            None => week.push(crate::plan::WeekWindows {
                days: vec![day],
                windows,
            }),
        }
    }
    plan.week = week;
}

/// A day's working periods in minutes after midnight, in order; a period to 00:00 ends at
/// midnight. `None` when the day gives none.
fn working_periods(day: Node) -> Option<Vec<(u16, u16)>> {
    let minutes = |time: NaiveTime| (time - NaiveTime::MIN).num_minutes() as u16;
    let mut periods: Vec<(u16, u16)> = child(day, "WorkingTimes")?
        .children()
        .filter(|node| node.has_tag_name((NAMESPACE, "WorkingTime")))
        .filter_map(|period| Some((time_of(period, "FromTime")?, time_of(period, "ToTime")?)))
        .map(|(from, to)| {
            let (from, to) = (minutes(from), minutes(to));
            (from, if to <= from { 24 * 60 } else { to })
        })
        .collect();
    periods.sort_unstable();
    Some(periods)
}

/// Periods as windows on quarter hours, touching ones joined: a time off the quarter hour is
/// moved out to it (a period from 08:10 opens at 08:00).
fn quarter_windows(periods: &[(u16, u16)]) -> Vec<Window> {
    let mut windows: Vec<Window> = Vec::with_capacity(periods.len());
    for (from, to) in periods {
        let (from, to) = (from / 15 * 15, to.div_ceil(15) * 15);
        match windows.last_mut() {
            Some(last) if from <= last.closes => last.closes = last.closes.max(to),
            _ => windows.extend(Window::new(from, to)),
        }
    }
    windows
}

/// True when a period starts or ends off the quarter hour.
fn off_quarter(periods: &[(u16, u16)]) -> bool {
    periods
        .iter()
        .any(|(from, to)| from % 15 != 0 || to % 15 != 0)
}

/// A weekday's working periods as windows, in order, touching ones joined; times off the
/// quarter hour are moved to it, said in a note.
fn working_windows(day: Node, notes: &mut Vec<ProjectNote>) -> Option<Vec<Window>> {
    let periods = working_periods(day)?;
    let windows = quarter_windows(&periods);
    if off_quarter(&periods) {
        notes.push(ProjectNote::OffQuarter {
            windows: crate::plan::window::shown(&windows),
        });
    }
    (!windows.is_empty()).then_some(windows)
}

/// A working exception's day: its windows on quarter hours, and what those hold beyond its
/// own periods as busy time, so that the day is worked to the minute as the file says (busy
/// time exported by cronograma comes back so).
fn exception_day(
    exception: Node,
    name: Option<&str>,
    date: NaiveDate,
) -> Option<(Vec<Window>, Vec<Busy>)> {
    let periods = working_periods(exception)?;
    let windows = quarter_windows(&periods);
    if windows.is_empty() {
        return None;
    }
    let exact: Vec<Window> = periods
        .iter()
        .map(|(opens, closes)| Window {
            opens: *opens,
            closes: *closes,
        })
        .collect();
    let name = name.unwrap_or("MS Project");
    let gaps = crate::plan::window::without(&windows, &exact);
    let busy = gaps
        .into_iter()
        .map(|gap| Busy::on(name, date, Some(gap)))
        .collect();
    Some((windows, busy))
}

/// One calendar exception: days off become a holiday (a range when several), a working day a
/// day with its own windows; repeating exceptions are said in a note.
fn read_exception(exception: Node, plan: &mut Plan, notes: &mut Vec<ProjectNote>) {
    let period = child(exception, "TimePeriod");
    let (Some(from), Some(to)) = (
        period.and_then(|period| date_time_of(period, "FromDate")),
        period.and_then(|period| date_time_of(period, "ToDate")),
    ) else {
        return;
    };
    if number_of(exception, "Occurrences").unwrap_or(1) > 1
        && number_of(exception, "Type").is_some_and(|kind| kind != 1)
    {
        notes.push(ProjectNote::RepeatingException { from: from.date() });
    }
    let name = text_of(exception, "Name").map(str::to_owned);
    let (first, last) = (from.date(), to.date().max(from.date()));
    match flag_of(exception, "DayWorking")
        .then(|| exception_day(exception, name.as_deref(), first))
        .flatten()
    {
        Some((windows, busy)) => {
            for date in first.iter_days().take_while(|date| *date <= last) {
                plan.exceptions.push(Exception {
                    date,
                    hours: None,
                    windows: Some(windows.clone()),
                });
                plan.busy.extend(busy.iter().map(|block| Busy {
                    date,
                    ..block.clone()
                }));
            }
        }
        None => plan.holidays.push(Holiday {
            date: first,
            until: (last > first).then_some(last),
            name,
        }),
    }
}

/// The resources whose calendar is not the project's, as people with their own working time:
/// what differs from the plan's (their days off less the plan's).
fn people_of(
    project: Node,
    plan: &Plan,
    resources: &HashMap<String, String>,
    notes: &mut Vec<ProjectNote>,
) -> Vec<crate::plan::Person> {
    let project_calendar = text_of(project, "CalendarUID");
    let mut people = Vec::new();
    for resource in child(project, "Resources")
        .into_iter()
        .flat_map(|all| children(all, "Resource"))
    {
        let Some(name) = text_of(resource, "UID").and_then(|uid| resources.get(uid)) else {
            continue;
        };
        let uid = text_of(resource, "CalendarUID");
        if uid == project_calendar {
            continue;
        }
        let Some(calendar) = calendar_by_uid(project, uid) else {
            continue;
        };
        let mut own = Plan {
            workdays: plan.workdays.clone(),
            day_start: plan.day_start,
            hours_per_day: plan.hours_per_day,
            windows: plan.windows.clone(),
            week: plan.week.clone(),
            ..Plan::default()
        };
        read_working_time(project, calendar, &mut own, notes);
        let differs = |same: bool| (!same).then_some(());
        // Their own day replaces the plan's windows and `week`; their own `week` alone, the
        // plan's `week`.
        let own_day = own.week_shape().windows != plan.week_shape().windows;
        let own_week = own_day && !own.week.is_empty() || !own_day && own.week != plan.week;
        let day = |own_day: bool| own_day.then_some(());
        people.push(crate::plan::Person {
            name: Arc::from(name.as_str()),
            hours_per_day: day(own_day).and(own.hours_per_day),
            day_start: day(own_day).and(own.day_start),
            windows: day(own_day).and(own.windows.clone()),
            week: own_week.then(|| own.week.clone()),
            workdays: differs(own.workdays == plan.workdays).map(|()| own.workdays.clone()),
            holidays: own
                .holidays
                .into_iter()
                .filter(|holiday| !plan.holidays.contains(holiday))
                .collect(),
            exceptions: own
                .exceptions
                .into_iter()
                .filter(|exception| !plan.exceptions.contains(exception))
                .collect(),
            busy: own
                .busy
                .into_iter()
                .filter(|block| !plan.busy.contains(block))
                .collect(),
        });
    }
    people
}

/// Resource names by UID: work resources with a name. A plan tells people apart by name, and
/// MS Project lets several share one (it names each new resource `<New Resource>`, in Spanish
/// `<Recurso nuevo>`): the second and later of a name get their resource ID after it, as the
/// resource sheet shows them (`<Recurso nuevo> (3)`), said in a note.
fn resources_of(project: Node, notes: &mut Vec<ProjectNote>) -> HashMap<String, String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut names = HashMap::new();
    let resources = child(project, "Resources")
        .into_iter()
        .flat_map(|all| children(all, "Resource"))
        .filter(|resource| number_of(*resource, "Type").unwrap_or(1) == 1);
    for resource in resources {
        let (Some(uid), Some(name)) = (text_of(resource, "UID"), text_of(resource, "Name")) else {
            continue;
        };
        let count = seen.entry(name.to_owned()).or_insert(0);
        *count += 1;
        let name = if *count == 1 {
            name.to_owned()
        } else {
            format!("{name} ({})", text_of(resource, "ID").unwrap_or(uid))
        };
        names.insert(uid.to_owned(), name);
    }
    let mut shared: Vec<(&String, &usize)> = seen.iter().filter(|(_, count)| **count > 1).collect();
    shared.sort();
    for (name, count) in shared {
        notes.push(ProjectNote::SameName {
            count: *count,
            name: name.to_string(),
        });
    }
    names
}

/// What the assignments say of each task (by task UID).
#[derive(Default)]
struct Assigned {
    /// Its first assigned resource (more are said in a note).
    who: HashMap<String, String>,
    /// Tasks whose work is shared (several people) or part-time (units other than 100 %):
    /// a plan's one person working full days keeps their dates with the task's duration.
    partial: std::collections::HashSet<String>,
    /// The minutes of work of all its assignments: their `Work`, or their timephased work
    /// (TaskJuggler writes only that).
    minutes: HashMap<String, f64>,
    /// The actual work its assignments record day by day (`TimephasedData` of type 2,
    /// assignment actual work, as MS Project writes it): from, to, minutes.
    actual: HashMap<String, Vec<(NaiveDateTime, NaiveDateTime, f64)>>,
}

fn assignments_of(
    project: Node,
    resources: &HashMap<String, String>,
    notes: &mut Vec<ProjectNote>,
) -> Assigned {
    let mut assigned = Assigned::default();
    let mut shared = 0;
    for assignment in child(project, "Assignments")
        .into_iter()
        .flat_map(|all| children(all, "Assignment"))
    {
        let Some(task) = text_of(assignment, "TaskUID") else {
            continue;
        };
        let minutes = text_of(assignment, "Work")
            .and_then(duration_minutes)
            .filter(|minutes| *minutes > 0.0)
            .unwrap_or_else(|| {
                children(assignment, "TimephasedData")
                    .filter_map(|data| text_of(data, "Value").and_then(duration_minutes))
                    .sum()
            });
        *assigned.minutes.entry(task.to_owned()).or_default() += minutes;
        let actual = children(assignment, "TimephasedData")
            .filter(|data| number_of(*data, "Type") == Some(2))
            .filter_map(|data| {
                let minutes = text_of(data, "Value").and_then(duration_minutes)?;
                let (from, to) = (date_time_of(data, "Start")?, date_time_of(data, "Finish")?);
                (minutes > 0.0).then_some((from, to, minutes))
            });
        assigned
            .actual
            .entry(task.to_owned())
            .or_default()
            .extend(actual);
        let Some(resource) = text_of(assignment, "ResourceUID").and_then(|uid| resources.get(uid))
        else {
            continue;
        };
        let units = text_of(assignment, "Units").and_then(|units| units.parse::<f64>().ok());
        if units.is_some_and(|units| (units - 1.0).abs() > 1e-6) {
            assigned.partial.insert(task.to_owned());
        }
        match assigned.who.entry(task.to_owned()) {
            std::collections::hash_map::Entry::Vacant(first) => {
                first.insert(resource.clone());
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                shared += 1;
                assigned.partial.insert(task.to_owned());
            }
        }
    }
    if shared > 0 {
        notes.push(ProjectNote::SecondPeople { count: shared });
    }
    assigned
}

/// The leaf tasks as activities; returns each one's start in the file.
fn read_tasks(
    project: Node,
    plan: &mut Plan,
    assigned: &Assigned,
    notes: &mut Vec<ProjectNote>,
) -> Vec<Option<NaiveDateTime>> {
    let tasks: Vec<Node> = child(project, "Tasks")
        .map(|all| children(all, "Task").collect())
        .unwrap_or_default();
    let real: Vec<Node> = tasks
        .iter()
        .copied()
        .filter(|task| !flag_of(*task, "IsNull") && number_of(*task, "UID").is_some())
        // UID 0 is the project's own summary task (TaskJuggler writes real tasks at level 0).
        .filter(|task| number_of(*task, "UID") != Some(0))
        .collect();
    // A summary is flagged so, or (where a producer leaves the flag out, as ProjectLibre
    // does) followed by a task of a deeper outline level: its work is its subtasks'.
    let is_summary = |at: usize| {
        flag_of(real[at], "Summary")
            || real.get(at + 1).is_some_and(|next| {
                number_of(*next, "OutlineLevel").unwrap_or(1)
                    > number_of(real[at], "OutlineLevel").unwrap_or(1)
            })
    };
    let leaves: Vec<Node> = (0..real.len())
        .filter(|at| !is_summary(*at))
        .map(|at| real[at])
        .collect();
    let summaries = real.len() - leaves.len();
    let project_calendar = number_of(project, "CalendarUID");
    if summaries > 0 {
        notes.push(ProjectNote::Summaries { count: summaries });
    }
    let mut codes: HashMap<String, Arc<str>> = HashMap::new();
    let mut starts = Vec::new();
    for (index, task) in leaves.iter().enumerate() {
        let code = text_of(*task, "WBS")
            .or_else(|| text_of(*task, "OutlineNumber"))
            .or_else(|| text_of(*task, "ID"))
            .map_or_else(
                || format!("T{}", index + 1),
                |code| code.replace([' ', '|'], "-"),
            );
        let uid = text_of(*task, "UID").unwrap_or_default().to_owned();
        codes.insert(uid.clone(), Arc::from(code.as_str()));
        let by_duration = assigned.partial.contains(&uid);
        if by_duration && text_of(*task, "Duration").is_some() {
            notes.push(ProjectNote::Tasks {
                kind: TaskKind::Shared,
                codes: vec![code.clone()],
            });
        }
        let work = (assigned.minutes.get(&uid).copied(), by_duration);
        let activity = activity_of(*task, &code, work, notes);
        plan.activities.push(Activity {
            who: assigned
                .who
                .get(&uid)
                .map_or_else(|| Arc::from(""), |who| Arc::from(who.as_str())),
            ..activity
        });
        starts.push(date_time_of(*task, "Start"));
    }
    for (task, activity) in leaves.iter().zip(plan.activities.iter_mut()) {
        activity.after = links_of(*task, &activity.code, &codes, notes).into();
        notes.extend(unsaid_of(*task, &activity.code, project_calendar));
    }
    read_actual_work(&leaves, plan, assigned, notes);
    starts
}

/// The actual work the file records day by day as the plan's log, and a task at 100 % as done
/// (a remaining work other than what is left of its hours is kept as `remaining`). Actual work
/// with no day-by-day record is said, never guessed.
fn read_actual_work(
    leaves: &[Node],
    plan: &mut Plan,
    assigned: &Assigned,
    notes: &mut Vec<ProjectNote>,
) {
    // The people's working days, to share a record that spans several among them: asked of
    // the schedule, and only of a file that records actual work.
    let recorded = assigned.actual.values().any(|records| !records.is_empty());
    let schedule = recorded.then(|| crate::schedule::schedule(plan).ok());
    let mut log = Vec::new();
    let mut unrecorded = Vec::new();
    let mut day_of = DaysLogged::default();
    for (index, task) in leaves.iter().enumerate() {
        let activity = &mut plan.activities[index];
        let records = text_of(*task, "UID")
            .and_then(|uid| assigned.actual.get(uid))
            .map_or(&[][..], Vec::as_slice);
        if activity.is_milestone() {
            continue;
        }
        if records.is_empty() {
            if text_of(*task, "ActualWork").and_then(duration_minutes) > Some(0.0) {
                unrecorded.push(activity.code.to_string());
            }
            continue;
        }
        let Some(Some(schedule)) = &schedule else {
            continue;
        };
        let mut logged = Hours::ZERO;
        let calendar = schedule.calendar_of(index);
        for (date, minutes) in days_of_records(records, calendar) {
            let recorded = (minutes / 15.0).round().clamp(0.0, 4.0 * 24.0) as u32;
            let opens = calendar.windows().first().map_or(0, |window| window.opens);
            let hours = day_of.fit(date, &activity.who, opens, recorded);
            if !hours.is_zero() {
                logged += hours;
                log.push(LogEntry {
                    date,
                    code: activity.code.clone(),
                    hours,
                    note: None,
                });
            }
        }
        if !logged.is_zero() {
            set_progress(activity, *task, logged);
        }
    }
    if day_of.cut > 0 {
        notes.push(ProjectNote::CutAtMidnight { days: day_of.cut });
    }
    if !unrecorded.is_empty() {
        notes.push(ProjectNote::Unrecorded {
            count: unrecorded.len(),
            codes: first_codes(&unrecorded, unrecorded.len()),
        });
    }
    if let Some(last) = log.iter().map(|entry| entry.date).max() {
        notes.push(ProjectNote::Logged {
            entries: log.len(),
            last,
        });
        log.sort_by_key(|entry| entry.date);
        plan.log = Some(log);
    }
}

/// A task's state once `logged` hours are its log: done at 100 %, else its remaining work where
/// the file says other than what is left of its hours.
fn set_progress(activity: &mut Activity, task: Node, logged: Hours) {
    let remaining = text_of(task, "RemainingWork").and_then(duration_minutes);
    let remaining = remaining.map(|minutes| quarter_hours(minutes).0);
    if number_of(task, "PercentComplete") == Some(100) {
        activity.done = true;
    } else if remaining.is_some_and(|hours| hours != activity.hours.saturating_sub(logged)) {
        activity.remaining = remaining;
    }
}

/// What each person has logged on each day so far, in quarter-hours: a person's logged day
/// runs from their `day_start` and must end by midnight, as a plan's log must.
#[derive(Default)]
struct DaysLogged {
    quarters: HashMap<(NaiveDate, Arc<str>), u32>,
    /// How many entries were cut to fit.
    cut: usize,
}

impl DaysLogged {
    /// `wanted` quarter-hours of `who`'s work on `date`, or as many as still fit that day.
    fn fit(&mut self, date: NaiveDate, who: &Arc<str>, opens: u16, wanted: u32) -> Hours {
        let day = u32::from(24 * 60 - opens.min(24 * 60)) / 15;
        let taken = self.quarters.entry((date, who.clone())).or_default();
        let kept = wanted.min(day.saturating_sub(*taken));
        self.cut += usize::from(kept < wanted);
        *taken += kept;
        Hours::from_quarters(kept)
    }
}

/// The minutes of actual work of each day, from records that each hold a day or more: a record
/// is on its start's day and on each later day it reaches past that day's opening, shared
/// among those with working time by their hours (all on its first day when none has any).
fn days_of_records(
    records: &[(NaiveDateTime, NaiveDateTime, f64)],
    calendar: &WorkCalendar,
) -> BTreeMap<NaiveDate, f64> {
    let mut days = BTreeMap::new();
    for (from, to, minutes) in records {
        let last = if *to > calendar.opening(to.date()) {
            to.date()
        } else {
            to.date().pred_opt().unwrap_or(to.date())
        };
        // A year at most: a record is a day in MS Project's files.
        let working: Vec<(NaiveDate, u32)> = from
            .date()
            .iter_days()
            .take_while(|day| *day <= last)
            .take(366)
            .map(|day| (day, calendar.capacity(day).minutes()))
            .filter(|(_, quarters)| *quarters > 0)
            .collect();
        let total: u32 = working.iter().map(|(_, quarters)| quarters).sum();
        if working.len() < 2 {
            *days.entry(from.date()).or_default() += minutes;
            continue;
        }
        for (day, quarters) in working {
            *days.entry(day).or_default() += minutes * f64::from(quarters) / f64::from(total);
        }
    }
    days
}

/// The codes a task waits for: its predecessors, any link kept as finish-to-start without lag
/// (and said so when it was not one).
fn links_of(
    task: Node,
    code: &str,
    codes: &HashMap<String, Arc<str>>,
    notes: &mut Vec<ProjectNote>,
) -> Vec<Arc<str>> {
    let mut after: Vec<Arc<str>> = Vec::new();
    for link in children(task, "PredecessorLink") {
        let Some(before) = text_of(link, "PredecessorUID").and_then(|uid| codes.get(uid)) else {
            continue;
        };
        let kind = number_of(link, "Type").unwrap_or(1);
        let lag = number_of(link, "LinkLag").unwrap_or(0);
        if kind != 1 || lag != 0 {
            notes.push(ProjectNote::LinkKept {
                code: code.to_owned(),
                before: before.to_string(),
                kind,
                lag_minutes: lag / 10,
            });
        }
        after.push(before.clone());
    }
    after.dedup();
    after
}

/// MSPDI's duration formats that count elapsed time (`DurationFormat`: 4 elapsed minutes, 6
/// hours, 8 days, 10 weeks, 12 months, 20 percent, and their estimated forms 32 after).
const ELAPSED_FORMATS: [i64; 12] = [4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52];

/// What a task says that a plan cannot: an elapsed duration, a calendar of its own (other
/// than the project's), manual scheduling. Each is a note naming the tasks, gathered by kind
/// as constraints are ([`gathered`]), never changed in silence.
fn unsaid_of(task: Node, code: &str, project_calendar: Option<i64>) -> Vec<ProjectNote> {
    let mut kinds = Vec::new();
    if number_of(task, "DurationFormat").is_some_and(|format| ELAPSED_FORMATS.contains(&format)) {
        kinds.push(TaskKind::Elapsed);
    }
    let calendar = number_of(task, "CalendarUID").filter(|uid| *uid >= 0);
    if calendar.is_some() && calendar != project_calendar {
        kinds.push(TaskKind::TaskCalendar);
    }
    if flag_of(task, "Manual") {
        kinds.push(TaskKind::Manual);
    }
    kinds
        .into_iter()
        .map(|kind| ProjectNote::Tasks {
            kind,
            codes: vec![code.to_owned()],
        })
        .collect()
}

/// One leaf task's code, name, hours and constraint: hours from its Work, else its Duration
/// (working time), else its assignments' work; from its Duration first where its work is
/// shared or part-time (`by_duration`), so its one person keeps the task's dates.
fn activity_of(
    task: Node,
    code: &str,
    (assigned, by_duration): (Option<f64>, bool),
    notes: &mut Vec<ProjectNote>,
) -> Activity {
    let milestone = flag_of(task, "Milestone");
    let work = || {
        text_of(task, "Work")
            .and_then(duration_minutes)
            .filter(|minutes| *minutes > 0.0)
    };
    let duration = || text_of(task, "Duration").and_then(duration_minutes);
    let minutes = if by_duration {
        duration().filter(|minutes| *minutes > 0.0).or_else(work)
    } else {
        work().or_else(duration)
    }
    .or(assigned)
    .unwrap_or(0.0);
    let (hours, rounded) = if milestone {
        (Hours::ZERO, false)
    } else {
        quarter_hours(minutes)
    };
    if rounded {
        notes.push(ProjectNote::Rounded {
            code: code.to_owned(),
            minutes: format!("{minutes:.0}"),
            hours,
        });
    }
    let not_before = match number_of(task, "ConstraintType").unwrap_or(0) {
        0 => None,
        4 => date_time_of(task, "ConstraintDate").map(|at| at.date()),
        other => {
            notes.push(ProjectNote::Tasks {
                kind: TaskKind::Constraint(usize::try_from(other).unwrap_or(0)),
                codes: vec![code.to_owned()],
            });
            None
        }
    };
    Activity {
        code: Arc::from(crate::text::normalize_code(code)),
        name: Arc::from(text_of(task, "Name").unwrap_or_default()),
        hours,
        not_before,
        ..Activity::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Say;
    use crate::plan::Locale;

    #[test]
    fn durations_read_as_mspdi_writes_them() {
        assert_eq!(duration_minutes("PT42H0M0S"), Some(2520.0));
        assert_eq!(duration_minutes("PT7H30M0S"), Some(450.0));
        assert_eq!(duration_minutes("PT0H0M0S"), Some(0.0));
        assert_eq!(duration_minutes("P1DT2H"), Some(1560.0));
        assert_eq!(duration_minutes("PT1.5H"), Some(90.0));
        assert_eq!(duration_minutes("42h"), None);
        assert_eq!(duration_minutes("PT4X"), None);
    }

    #[test]
    fn hostile_xml_is_refused_with_a_reason() {
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><Project xmlns="http://schemas.microsoft.com/project"><Name>&lol2;</Name></Project>"#;
        assert!(
            plan_from_mspdi(laughs)
                .unwrap_err()
                .to_string()
                .contains("DTD")
        );
        let xxe = r#"<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="http://schemas.microsoft.com/project"><Name>&x;</Name></Project>"#;
        assert!(
            plan_from_mspdi(xxe)
                .unwrap_err()
                .to_string()
                .contains("DTD")
        );
        assert!(
            plan_from_mspdi("<svg/>")
                .unwrap_err()
                .to_string()
                .contains("not MS Project XML")
        );
        assert!(
            plan_from_mspdi("Plan(")
                .unwrap_err()
                .to_string()
                .contains("not well-formed XML")
        );
    }

    /// ProjectLibre leaves `Summary` out: a task followed by a deeper one is a summary all the
    /// same. Every finish-to-start link is kept, one along the list order too; what a plan
    /// cannot say is named per task, gathered by kind.
    #[test]
    fn summaries_links_and_what_a_plan_cannot_say() {
        let task = |uid: u32, level: u32, extra: &str| {
            format!(
                "<Task><UID>{uid}</UID><ID>{uid}</ID><Name>T{uid}</Name><OutlineLevel>{level}</OutlineLevel>\
                 <Duration>PT8H0M0S</Duration>{extra}</Task>"
            )
        };
        let link = |uid: u32| {
            format!(
                "<PredecessorLink><PredecessorUID>{uid}</PredecessorUID><Type>1</Type></PredecessorLink>"
            )
        };
        let text = format!(
            "<Project xmlns=\"{NAMESPACE}\"><StartDate>2024-03-04T08:00:00</StartDate><CalendarUID>1</CalendarUID><Tasks>{}{}{}{}{}{}</Tasks></Project>",
            task(1, 1, ""),
            task(2, 2, "<Manual>1</Manual>"),
            task(
                3,
                2,
                &format!("<DurationFormat>8</DurationFormat>{}", link(2))
            ),
            task(4, 1, "<CalendarUID>1</CalendarUID>"),
            task(
                5,
                2,
                &format!("<CalendarUID>3</CalendarUID><Manual>1</Manual>{}", link(3))
            ),
            task(6, 2, "<Summary>1</Summary>"),
        );
        let found = plan_from_mspdi(&text).unwrap();
        let codes: Vec<&str> = found.plan.activities.iter().map(|a| &*a.code).collect();
        assert_eq!(codes, ["2", "3", "5"]);
        let after: Vec<Vec<&str>> = found
            .plan
            .activities
            .iter()
            .map(|a| a.after.iter().map(|code| &**code).collect())
            .collect();
        assert_eq!(after, [vec![], vec!["2"], vec!["3"]]);
        let notes: Vec<String> = found
            .notes
            .iter()
            .map(|note| note.say(Locale::EN))
            .collect();
        let notes = notes.join("\n");
        for said in [
            "3 summary tasks are left out",
            "2 tasks (2, 5) have manual scheduling in the file",
            "task 3 has an elapsed duration",
            "task 5 has a task calendar, left out",
        ] {
            assert!(notes.contains(said), "{said}: {notes}");
        }
    }
}
