//! The TaskJuggler export: a project `tj3` schedules to the same start and end of every
//! activity as cronograma does. Efforts in hours; working hours, days and days off from the
//! schedule's calendars (the plan's for the unassigned, each person's for them); each person a
//! resource working their activities one after another in the plan's order (`depends` on the
//! previous one, as cronograma does); `after` as `depends`; `not_before` as `start`; days with
//! their own hours as shifts. What TaskJuggler cannot be told is listed in the README.

use std::collections::HashMap;
use std::fmt::{self, Write};

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::plan::{Hours, Plan};
use crate::schedule::{Schedule, WorkCalendar};

/// The plan as a TaskJuggler project.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    let mut out = String::new();
    write_project(&mut out, plan, schedule).expect("writing to a String cannot fail");
    out
}

fn write_project(out: &mut String, plan: &Plan, schedule: &Schedule) -> fmt::Result {
    let ids = task_ids(plan);
    let resources = Resources::of(plan, schedule);
    // Room after the end: TaskJuggler refuses work past the project's end.
    let end = schedule.end().date()
        + Duration::days(60 + (schedule.end() - schedule.start()).num_days() / 4);
    writeln!(
        out,
        "# Written by cronograma from {}; schedule with `tj3 FILE.tjp`.",
        quote(plan.title())
    )?;
    writeln!(
        out,
        "project cronograma {} {} - {} {{",
        quote(plan.title()),
        moment(schedule.start().date().and_time(NaiveTime::MIN)),
        end
    )?;
    writeln!(out, "  timezone \"UTC\"")?;
    writeln!(out, "  timingresolution 15min")?;
    writeln!(
        out,
        "  dailyworkinghours {}",
        decimal(schedule.calendar().hours_per_day())
    )?;
    write_working_hours(out, "  ", schedule.calendar())?;
    writeln!(out, "}}\n")?;
    write_resources(
        out,
        plan,
        schedule,
        &resources,
        (schedule.start().date(), end),
    )?;
    writeln!(out)?;
    let mut previous: HashMap<&str, usize> = HashMap::new();
    for (index, activity) in plan.activities.iter().enumerate() {
        let before = previous.insert(&activity.who, index);
        write_task(out, plan, schedule, (&ids, &resources), index, before)?;
    }
    Ok(())
}

/// One activity as a task: its effort and resource (or a milestone), what it depends on (its
/// `after`, and `before`, its person's previous activity), its earliest start.
fn write_task(
    out: &mut String,
    plan: &Plan,
    schedule: &Schedule,
    (ids, resources): (&[String], &Resources),
    index: usize,
    before: Option<usize>,
) -> fmt::Result {
    let activity = &plan.activities[index];
    let mut depends: Vec<&str> = activity
        .after
        .iter()
        .filter_map(|code| plan.find_code(code))
        .map(|other| ids[other].as_str())
        .collect();
    if let Some(before) = before {
        depends.push(&ids[before]);
    }
    depends.sort_unstable();
    depends.dedup();
    let name = if activity.name.is_empty() {
        &activity.code
    } else {
        &activity.name
    };
    writeln!(out, "task {} {} {{", ids[index], quote(name))?;
    writeln!(
        out,
        "  note {}",
        quote(&format!("cronograma code: {}", activity.code))
    )?;
    if activity.is_milestone() {
        writeln!(out, "  milestone")?;
    } else {
        writeln!(out, "  effort {}h", decimal(activity.hours))?;
        writeln!(out, "  allocate {}", resources.id_of(&activity.who))?;
    }
    if !depends.is_empty() {
        writeln!(out, "  depends {}", depends.join(", "))?;
    }
    if let Some(day) = activity.not_before {
        let calendar = schedule.calendar_of(index);
        // Work waits for working time by itself; a milestone is put at the first working
        // moment from that day, as cronograma puts it.
        let day = if activity.is_milestone() {
            first_working_day(calendar, day)
        } else {
            day
        };
        writeln!(
            out,
            "  start {}",
            moment(day.and_time(calendar.day_start()))
        )?;
    }
    writeln!(out, "}}")
}

/// A TaskJuggler id for each activity: its code where it is one (letters, digits and `_`,
/// not starting with a digit, met once), else `a` and its position.
fn task_ids(plan: &Plan) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    plan.activities
        .iter()
        .enumerate()
        .map(|(index, activity)| {
            let code: &str = &activity.code;
            let usable = code
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            let id = if usable {
                code.to_owned()
            } else {
                format!("a{}", index + 1)
            };
            if seen.insert(id.to_ascii_lowercase()) {
                id
            } else {
                format!("a{}_{}", index + 1, seen.len())
            }
        })
        .collect()
}

/// The plan's resources. Those on the plan's working time (the unassigned, `everyone`, and
/// people named only by activities) are sub-resources of one resource that has that time, so
/// it is written once, however many they are; each listed person has their own.
struct Resources<'a> {
    /// Id and name of each resource on the plan's working time.
    shared: Vec<(String, &'a str)>,
    /// Id, name and working time of each listed person.
    own: Vec<(String, &'a str, &'a WorkCalendar)>,
    /// The resource of each person's name (`""`: the unassigned).
    ids: HashMap<&'a str, String>,
}

impl<'a> Resources<'a> {
    fn of(plan: &'a Plan, schedule: &'a Schedule) -> Self {
        let mut resources = Resources {
            shared: vec![("everyone".to_owned(), "(unassigned)")],
            own: Vec::new(),
            ids: HashMap::from([("", "everyone".to_owned())]),
        };
        for (index, (name, calendar)) in schedule.people().enumerate() {
            let id = format!("p{}", index + 1);
            resources.ids.insert(name, id.clone());
            resources.own.push((id, name, calendar));
        }
        for activity in &plan.activities {
            let who: &str = &activity.who;
            if !resources.ids.contains_key(who) {
                let id = format!("n{}", resources.shared.len());
                resources.ids.insert(who, id.clone());
                resources.shared.push((id, who));
            }
        }
        resources
    }

    /// The resource that works for `who`.
    fn id_of(&self, who: &str) -> &str {
        self.ids.get(who).map_or("everyone", String::as_str)
    }
}

/// The resources: the plan's working time with its own under it, then each listed person.
fn write_resources(
    out: &mut String,
    plan: &Plan,
    schedule: &Schedule,
    resources: &Resources,
    span: (NaiveDate, NaiveDate),
) -> fmt::Result {
    let calendar = schedule.calendar();
    write_shifts(out, 0, calendar)?;
    writeln!(out, "resource plan_time \"The plan's working time\" {{")?;
    write_working_hours(out, "  ", calendar)?;
    write_days_off(out, plan, 0, calendar, span)?;
    for (id, name) in &resources.shared {
        writeln!(out, "  resource {id} {}", quote(name))?;
    }
    writeln!(out, "}}")?;
    for (index, (id, name, calendar)) in resources.own.iter().enumerate() {
        write_shifts(out, index + 1, calendar)?;
        writeln!(out, "resource {id} {} {{", quote(name))?;
        write_working_hours(out, "  ", calendar)?;
        write_days_off(out, plan, index + 1, calendar, span)?;
        writeln!(out, "}}")?;
    }
    Ok(())
}

/// `workinghours mon 08:00 - 14:00` for each worked day, `off` for the others.
fn write_working_hours(out: &mut String, indent: &str, calendar: &WorkCalendar) -> fmt::Result {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let window = window(calendar, calendar.hours_per_day());
    for (day, worked) in DAYS.iter().zip(calendar.weekdays()) {
        if worked {
            writeln!(out, "{indent}workinghours {day} {window}")?;
        } else {
            writeln!(out, "{indent}workinghours {day} off")?;
        }
    }
    Ok(())
}

/// The working window of a day of `hours` on `calendar`: `08:00 - 14:00` (up to `24:00`).
fn window(calendar: &WorkCalendar, hours: Hours) -> String {
    let opens = calendar.day_start();
    let minutes = u32::try_from((opens - NaiveTime::MIN).num_minutes()).unwrap_or(0);
    let closes = minutes + hours.minutes();
    format!(
        "{} - {:02}:{:02}",
        opens.format("%H:%M"),
        closes / 60,
        closes % 60
    )
}

/// The shifts of a resource's days with their own hours, before the resource that uses them.
fn write_shifts(out: &mut String, resource: usize, calendar: &WorkCalendar) -> fmt::Result {
    for (at, (_, hours)) in calendar.exceptions().iter().enumerate() {
        if hours.is_zero() {
            continue;
        }
        let window = window(calendar, *hours);
        writeln!(
            out,
            "shift r{resource}_day{at} \"Own hours\" {{\n  workinghours mon - sun {window}\n}}"
        )?;
    }
    Ok(())
}

/// A resource's days off (holidays, ranges, days of 0 hours) and days with their own hours.
fn write_days_off(
    out: &mut String,
    plan: &Plan,
    resource: usize,
    calendar: &WorkCalendar,
    span: (NaiveDate, NaiveDate),
) -> fmt::Result {
    // Only days off within the project matter, and TaskJuggler takes no dates past 2035.
    let within = |first: NaiveDate, last: NaiveDate| last >= span.0 && first <= span.1;
    for (first, last) in calendar.holiday_ranges() {
        if !within(*first, *last) {
            continue;
        }
        let name = super::holiday_name(plan, *first).unwrap_or("Holiday");
        writeln!(
            out,
            "  leaves holiday {} {}",
            quote(name),
            interval(*first, *last)
        )?;
    }
    for (at, (date, hours)) in calendar.exceptions().iter().enumerate() {
        if !within(*date, *date) {
            continue;
        }
        if hours.is_zero() {
            writeln!(
                out,
                "  leaves holiday \"Day off\" {}",
                interval(*date, *date)
            )?;
        } else {
            writeln!(
                out,
                "  shifts r{resource}_day{at} {}",
                interval(*date, *date)
            )?;
        }
    }
    Ok(())
}

/// The first day from `day` on with working time on `calendar` (`day` itself past the end of
/// the calendar).
fn first_working_day(calendar: &WorkCalendar, day: NaiveDate) -> NaiveDate {
    day.iter_days()
        .take_while(|date| *date <= crate::schedule::LAST_DAY)
        .find(|date| !calendar.capacity(*date).is_zero())
        .unwrap_or(day)
}

/// The days `first` to `last` as TaskJuggler writes an interval (its end is exclusive).
fn interval(first: NaiveDate, last: NaiveDate) -> String {
    format!("{first} - {}", last + Duration::days(1))
}

/// `2023-09-13-08:00`, TaskJuggler's moments.
fn moment(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%d-%H:%M").to_string()
}

/// Hours as a decimal number: `42`, `7.5`, `0.25`.
fn decimal(hours: Hours) -> String {
    hours.to_string()
}

/// A TaskJuggler string: in double quotes, with `"` and `\` escaped and control characters
/// written visibly (a string cannot hold them).
fn quote(text: &str) -> String {
    let visible = crate::text::in_one_line(text);
    let mut out = String::with_capacity(visible.len() + 2);
    out.push('"');
    for c in visible.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_ids_are_safe_for_taskjuggler() {
        assert_eq!(
            quote("say \"hi\" \\ \u{1b}[2J"),
            "\"say \\\"hi\\\" \\\\ \\\\u{1b}[2J\""
        );
        let text = "Plan(start: \"2024-03-04\", hours_per_day: 6, activities: [(code: \"A1\", hours: 1), (code: \"=B\", hours: 1), (code: \"a1\", hours: 1), (code: \"9x\", hours: 1)])";
        let plan = crate::plan::parse(text, std::path::Path::new("p.ron"))
            .unwrap()
            .plan;
        let ids = task_ids(&plan);
        assert_eq!(ids[0], "A1");
        assert_eq!(ids[1], "a2");
        assert_ne!(ids[2].to_ascii_lowercase(), "a1", "no two ids alike");
        assert_eq!(ids[3], "a4");
    }
}
