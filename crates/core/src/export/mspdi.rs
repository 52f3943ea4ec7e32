//! The MS Project XML export (MSPDI, namespace `http://schemas.microsoft.com/project`), which
//! MS Project, ProjectLibre and GanttProject read. The project calendar is the plan's working
//! time (days, the day's window, holidays and their ranges and days with their own hours as
//! exceptions); each person is a resource with a calendar of their own; each activity a task
//! with its work, duration, start and finish exactly as cronograma schedules them, `after` as
//! finish-to-start links (and a link to the person's previous activity, as cronograma orders a
//! person's work: MS Project does not level), `not_before` as a start-no-earlier-than
//! constraint; a tracked plan's actual and remaining work, percent complete and status date;
//! the baseline as baseline 0. Elements come in the order the MSPDI schema lists them.

use std::collections::HashMap;
use std::fmt::{self, Write};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::xml_text;
use crate::plan::{Hours, Plan, Window};
use crate::schedule::{Schedule, WorkCalendar};
use crate::status::Status;

/// The plan and its schedule as an MSPDI document.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    let mut xml = Xml::default();
    write_project(&mut xml, plan, schedule).expect("writing to a String cannot fail");
    xml.out
}

/// XML being written, one element a line, indented by depth.
#[derive(Default)]
struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn open(&mut self, name: &str) -> fmt::Result {
        writeln!(self.out, "{:indent$}<{name}>", "", indent = self.depth * 2)?;
        self.depth += 1;
        Ok(())
    }

    fn close(&mut self, name: &str) -> fmt::Result {
        self.depth -= 1;
        writeln!(self.out, "{:indent$}</{name}>", "", indent = self.depth * 2)
    }

    /// `<name>value</name>`, the value escaped.
    fn field(&mut self, name: &str, value: impl fmt::Display) -> fmt::Result {
        let value = xml_text(&value.to_string());
        writeln!(
            self.out,
            "{:indent$}<{name}>{value}</{name}>",
            "",
            indent = self.depth * 2
        )
    }
}

fn write_project(xml: &mut Xml, plan: &Plan, schedule: &Schedule) -> fmt::Result {
    let calendar = schedule.calendar();
    let status = Status::of(plan, schedule);
    xml.out
        .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    writeln!(
        xml.out,
        "<Project xmlns=\"http://schemas.microsoft.com/project\">"
    )?;
    xml.depth = 1;
    xml.field("SaveVersion", 14)?;
    xml.field("Name", plan.title())?;
    xml.field("Title", plan.title())?;
    xml.field("ScheduleFromStart", 1)?;
    // The plan's own start, which a task without constraints waits for (logged work may come
    // before it, as actual work may before a project's start in MS Project).
    xml.field("StartDate", moment(calendar.opening(plan.start)))?;
    xml.field("FinishDate", moment(schedule.end()))?;
    // Required by the schema (ISO 4217). A plan has no costs, so it says nothing; USD is the
    // schema's own example.
    xml.field("CurrencyCode", "USD")?;
    xml.field("CalendarUID", 1)?;
    let (opens, closes) = day_bounds(calendar.windows());
    xml.field("DefaultStartTime", time(opens))?;
    xml.field("DefaultFinishTime", time(closes))?;
    let day = calendar.hours_per_day().minutes();
    let days = calendar.weekdays().iter().filter(|worked| **worked).count() as u32;
    xml.field("MinutesPerDay", day)?;
    xml.field("MinutesPerWeek", day * days)?;
    xml.field("DaysPerMonth", 20)?;
    // Durations and work in hours.
    xml.field("DurationFormat", 5)?;
    xml.field("WorkFormat", 2)?;
    let week_start = match plan.week_start() {
        crate::plan::WeekStart::Sun => 0,
        crate::plan::WeekStart::Mon => 1,
        crate::plan::WeekStart::Sat => 6,
    };
    xml.field("WeekStartDay", week_start)?;
    if let Some(status) = &status {
        xml.field("StatusDate", moment(status.as_of.and_time(closes)))?;
    }
    xml.open("Calendars")?;
    write_calendar(xml, plan, 1, ("Standard", None), calendar)?;
    for (index, (name, calendar)) in schedule.people().enumerate() {
        write_calendar(xml, plan, index + 2, (name, Some(1)), calendar)?;
    }
    xml.close("Calendars")?;
    let people = People::of(plan, schedule);
    write_tasks(xml, plan, schedule, status.as_ref())?;
    write_resources(xml, &people)?;
    write_assignments(xml, plan, schedule, &people, status.as_ref())?;
    xml.depth = 0;
    writeln!(xml.out, "</Project>")
}

/// A calendar: its week (`DayType` 1 is Sunday) and its exceptions (days off, and days with
/// their own hours).
fn write_calendar(
    xml: &mut Xml,
    plan: &Plan,
    uid: usize,
    (name, base): (&str, Option<usize>),
    calendar: &WorkCalendar,
) -> fmt::Result {
    xml.open("Calendar")?;
    xml.field("UID", uid)?;
    xml.field("Name", name)?;
    xml.field("IsBaseCalendar", u8::from(base.is_none()))?;
    xml.field("BaseCalendarUID", base.map_or(-1, |base| base as i64))?;
    xml.open("WeekDays")?;
    let weekdays = calendar.weekdays();
    for day_type in 1..=7 {
        // Monday first in cronograma, Sunday first here.
        let worked = weekdays[(day_type + 5) % 7];
        xml.open("WeekDay")?;
        xml.field("DayType", day_type)?;
        xml.field("DayWorking", u8::from(worked))?;
        if let Some(windows) = calendar.weekday_windows((day_type + 5) % 7) {
            write_working_times(xml, windows)?;
        }
        xml.close("WeekDay")?;
    }
    xml.close("WeekDays")?;
    xml.open("Exceptions")?;
    // Days off and days worked each once: a holiday given hours is written as worked.
    let words = crate::locale::words(plan.locale);
    for (first, last) in calendar.days_off() {
        let name = super::holiday_name(plan, first).unwrap_or(words.rest_day);
        write_exception(xml, (first, last), (name, &[]))?;
    }
    for (date, _, windows) in calendar.exceptions() {
        let name = if windows.is_empty() {
            words.rest_day
        } else {
            words.own_hours
        };
        write_exception(xml, (date, date), (name, windows))?;
    }
    xml.close("Exceptions")?;
    xml.close("Calendar")
}

/// One exception `name` from `days.0` to `days.1`: off (no windows), or working `windows`.
fn write_exception(
    xml: &mut Xml,
    days: (NaiveDate, NaiveDate),
    (name, windows): (&str, &[Window]),
) -> fmt::Result {
    xml.open("Exception")?;
    xml.field("EnteredByOccurrences", 0)?;
    xml.open("TimePeriod")?;
    xml.field("FromDate", moment(days.0.and_time(NaiveTime::MIN)))?;
    xml.field(
        "ToDate",
        moment(days.1.and_hms_opt(23, 59, 0).expect("a time")),
    )?;
    xml.close("TimePeriod")?;
    xml.field("Occurrences", 1)?;
    xml.field("Name", name)?;
    xml.field("Type", 1)?;
    xml.field("DayWorking", u8::from(!windows.is_empty()))?;
    if !windows.is_empty() {
        write_working_times(xml, windows)?;
    }
    xml.close("Exception")
}

/// A day's windows, each a `WorkingTime` (a window ending at midnight closes at 00:00, as MS
/// Project writes it).
fn write_working_times(xml: &mut Xml, windows: &[Window]) -> fmt::Result {
    xml.open("WorkingTimes")?;
    for window in windows {
        let (opens, closes) = day_bounds(std::slice::from_ref(window));
        xml.open("WorkingTime")?;
        xml.field("FromTime", time(opens))?;
        xml.field("ToTime", time(closes))?;
        xml.close("WorkingTime")?;
    }
    xml.close("WorkingTimes")
}

/// The resources: each person with activities, listed ones on their own calendar. One pass,
/// and a lookup by name: a plan may have a person for each of 100,000 activities.
struct People<'a> {
    /// Name and calendar UID (1, the project's, for people who are not listed).
    resources: Vec<(&'a str, usize)>,
    /// Each name's resource UID.
    uids: HashMap<&'a str, usize>,
}

impl<'a> People<'a> {
    fn of(plan: &'a Plan, schedule: &'a Schedule) -> Self {
        let listed: HashMap<&str, usize> = schedule
            .people()
            .enumerate()
            .map(|(at, (name, _))| (name, at + 2))
            .collect();
        let mut people = People {
            resources: Vec::new(),
            uids: HashMap::new(),
        };
        for activity in &plan.activities {
            let who: &str = &activity.who;
            if !who.is_empty() && !people.uids.contains_key(who) {
                let calendar = listed.get(who).copied().unwrap_or(1);
                people.resources.push((who, calendar));
                people.uids.insert(who, people.resources.len());
            }
        }
        people
    }

    /// The resource UID of `who`, if anyone is named.
    fn uid_of(&self, who: &str) -> Option<usize> {
        self.uids.get(who).copied()
    }
}

fn write_tasks(
    xml: &mut Xml,
    plan: &Plan,
    schedule: &Schedule,
    status: Option<&Status>,
) -> fmt::Result {
    xml.open("Tasks")?;
    for (index, activity) in plan.activities.iter().enumerate() {
        let span = &schedule.spans()[index];
        let progress = status.map(|status| &status.activities[index]);
        let work = progress.map_or(activity.hours, |progress| {
            progress.logged + progress.remaining
        });
        xml.open("Task")?;
        xml.field("UID", index + 1)?;
        xml.field("ID", index + 1)?;
        xml.field("Name", &activity.name)?;
        xml.field("Active", 1)?;
        xml.field("Manual", 0)?;
        xml.field("Type", 0)?;
        xml.field("IsNull", 0)?;
        xml.field("WBS", &activity.code)?;
        xml.field("OutlineNumber", index + 1)?;
        xml.field("OutlineLevel", 1)?;
        xml.field("Priority", 500)?;
        xml.field("Start", moment(span.start))?;
        xml.field("Finish", moment(span.end))?;
        xml.field("Duration", duration(work))?;
        xml.field("DurationFormat", 5)?;
        xml.field("Work", duration(work))?;
        xml.field("Milestone", u8::from(activity.is_milestone()))?;
        xml.field("Summary", 0)?;
        xml.field("Critical", u8::from(schedule.is_critical(index)))?;
        if let Some(progress) = progress {
            write_progress(xml, progress, work, activity.done)?;
        }
        // "Start no earlier than": its `not_before`, or the next morning a `NextDay`
        // hand-over holds it to (MS Project has no hand-over of its own).
        let not_before = activity
            .not_before
            .map(|day| schedule.calendar_of(index).opening(day));
        match not_before.max(schedule.handover(plan, index)) {
            Some(at) => {
                xml.field("ConstraintType", 4)?;
                xml.field("ConstraintDate", moment(at))?;
            }
            None => xml.field("ConstraintType", 0)?,
        }
        write_links(xml, schedule.waits_for(index).collect())?;
        if let Some((start, end)) = progress.and_then(|progress| progress.baseline) {
            xml.open("Baseline")?;
            xml.field("Number", 0)?;
            xml.field("Start", moment(start))?;
            xml.field("Finish", moment(end))?;
            xml.close("Baseline")?;
        }
        xml.close("Task")?;
    }
    xml.close("Tasks")
}

/// A tracked task's percent complete, actual and remaining work.
fn write_progress(
    xml: &mut Xml,
    progress: &crate::status::ActivityStatus,
    work: Hours,
    done: bool,
) -> fmt::Result {
    let percent = if work.is_zero() {
        u8::from(progress.remaining.is_zero() && done) * 100
    } else {
        (u64::from(progress.logged.minutes()) * 100 / u64::from(work.minutes())) as u8
    };
    xml.field("PercentComplete", percent)?;
    xml.field("PercentWorkComplete", percent)?;
    xml.field("ActualWork", duration(progress.logged))?;
    xml.field("RemainingWork", duration(progress.remaining))
}

/// Finish-to-start links to the tasks of `links` (activity indices).
fn write_links(xml: &mut Xml, mut links: Vec<usize>) -> fmt::Result {
    links.sort_unstable();
    links.dedup();
    for link in links {
        xml.open("PredecessorLink")?;
        xml.field("PredecessorUID", link + 1)?;
        xml.field("Type", 1)?;
        xml.field("CrossProject", 0)?;
        xml.field("LinkLag", 0)?;
        xml.field("LagFormat", 7)?;
        xml.close("PredecessorLink")?;
    }
    Ok(())
}

fn write_resources(xml: &mut Xml, people: &People) -> fmt::Result {
    xml.open("Resources")?;
    for (index, (name, calendar)) in people.resources.iter().enumerate() {
        xml.open("Resource")?;
        xml.field("UID", index + 1)?;
        xml.field("ID", index + 1)?;
        xml.field("Name", name)?;
        xml.field("Type", 1)?;
        xml.field("IsNull", 0)?;
        xml.field("MaxUnits", "1.00")?;
        xml.field("CalendarUID", calendar)?;
        xml.close("Resource")?;
    }
    xml.close("Resources")
}

fn write_assignments(
    xml: &mut Xml,
    plan: &Plan,
    schedule: &Schedule,
    people: &People,
    status: Option<&Status>,
) -> fmt::Result {
    xml.open("Assignments")?;
    let mut uid = 0;
    for (index, activity) in plan.activities.iter().enumerate() {
        let logged = schedule.slots_of(index).iter().filter(|slot| slot.logged);
        // MS Project's own "unassigned" resource, for work logged with nobody named.
        let resource = match people.uid_of(&activity.who) {
            Some(uid) => uid.to_string(),
            None if logged.clone().next().is_some() => "-65535".to_owned(),
            None => continue,
        };
        let span = &schedule.spans()[index];
        let progress = status.map(|status| &status.activities[index]);
        let work = progress.map_or(activity.hours, |progress| {
            progress.logged + progress.remaining
        });
        uid += 1;
        xml.open("Assignment")?;
        xml.field("UID", uid)?;
        xml.field("TaskUID", index + 1)?;
        xml.field("ResourceUID", resource)?;
        if let Some(progress) = progress {
            xml.field("ActualWork", duration(progress.logged))?;
        }
        xml.field("Finish", moment(span.end))?;
        if let Some(progress) = progress {
            xml.field("RemainingWork", duration(progress.remaining))?;
        }
        xml.field("Start", moment(span.start))?;
        xml.field("Units", 1)?;
        xml.field("Work", duration(work))?;
        for slot in logged.filter(|slot| !slot.hours.is_zero()) {
            // The logged work day by day, as MS Project records actual work.
            let (start, end) = schedule.slot_times(slot);
            xml.open("TimephasedData")?;
            xml.field("Type", 2)?;
            xml.field("UID", uid)?;
            xml.field("Start", moment(start))?;
            xml.field("Finish", moment(end))?;
            xml.field("Unit", 1)?;
            xml.field("Value", duration(slot.hours))?;
            xml.close("TimephasedData")?;
        }
        xml.close("Assignment")?;
    }
    xml.close("Assignments")
}

/// When the first of `windows` opens and the last closes, as times of day (24:00 is 00:00).
fn day_bounds(windows: &[Window]) -> (NaiveTime, NaiveTime) {
    let clock = |minutes: u16| {
        NaiveTime::MIN
            .overflowing_add_signed(chrono::TimeDelta::minutes(i64::from(minutes)))
            .0
    };
    let opens = windows.first().map_or(0, |window| window.opens);
    let closes = windows.last().map_or(0, |window| window.closes);
    (clock(opens), clock(closes))
}

fn moment(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn time(at: NaiveTime) -> String {
    at.format("%H:%M:%S").to_string()
}

/// Hours as an ISO 8601 duration, as MSPDI writes them: `PT42H0M0S`, `PT7H30M0S`.
fn duration(hours: Hours) -> String {
    let minutes = hours.minutes();
    format!("PT{}H{}M0S", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_iso_8601_in_hours_and_minutes() {
        assert_eq!(duration(Hours::from_quarters(168)), "PT42H0M0S");
        assert_eq!(duration(Hours::from_quarters(30)), "PT7H30M0S");
        assert_eq!(duration(Hours::ZERO), "PT0H0M0S");
    }
}
