//! The TaskJuggler export: a project `tj3` schedules to the same start and end of every
//! activity as cronograma does. Efforts in hours; working hours, days and days off from the
//! schedule's calendars (the plan's for the unassigned, each person's for them); each person a
//! resource working their activities one after another in the plan's order (`depends` on the
//! previous one, as cronograma does); `after` as `depends`; `not_before` as a dependency on a
//! milestone fixed at that moment (tj3 reads a `start` beside `depends` as a fixed start, and
//! takes no date before the project's); days with their own hours as shifts. A tracked plan's logged work as bookings, with its status date as
//! TaskJuggler's `now` in a tracking scenario, so that remaining work is put after it as
//! cronograma puts it. What TaskJuggler cannot be told is listed in the README.

use std::collections::HashMap;
use std::fmt::{self, Write};

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::plan::{Hours, Plan, Window};
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
    // The activity's code as a text attribute of its own: a `note` is rich text, which tj3
    // parses as markup (a code with `[[` or `<nowiki>` would fail it).
    writeln!(out, "  extend task {{ text Code \"Code\" }}")?;
    writeln!(out, "  timingresolution {}min", timing_resolution(schedule))?;
    if schedule.progress().is_some() {
        // Projection mode: nothing is allocated before `now`; the past is the bookings.
        writeln!(
            out,
            "  now {}",
            moment(schedule.as_of().and_time(NaiveTime::MIN))
        )?;
        writeln!(out, "  trackingscenario plan")?;
    }
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
    for index in 0..plan.activities.len() {
        write_task(out, plan, schedule, (&ids, &resources), index)?;
    }
    write_not_before(out, plan, schedule)
}

/// The container of the fixed milestones that `not_before` days are dependencies on.
const NOT_BEFORE: &str = "cronograma_not_before";

/// The project's first moment: TaskJuggler takes no date before it.
fn project_start(schedule: &Schedule) -> NaiveDateTime {
    schedule.start().date().and_time(NaiveTime::MIN)
}

/// `not_before` as TaskJuggler can combine it with `depends`: a dependency on a milestone
/// fixed at that moment (a `start` beside `depends` is a fixed start to tj3, which it then
/// refuses to meet), one per moment, in a container task of their own. A moment at or before
/// the project's start holds nothing back and is left out (tj3 refuses dates before it).
fn write_not_before(out: &mut String, plan: &Plan, schedule: &Schedule) -> fmt::Result {
    let moments: std::collections::BTreeSet<NaiveDateTime> = (0..plan.activities.len())
        .filter_map(|index| earliest_moment(plan, schedule, index))
        .collect();
    if moments.is_empty() {
        return Ok(());
    }
    writeln!(out, "task {NOT_BEFORE} \"Not before\" {{")?;
    for at in moments {
        writeln!(
            out,
            "  task {} \"{}\" {{ milestone start {} }}",
            moment_id(at),
            at.format("%Y-%m-%d %H:%M"),
            moment(at)
        )?;
    }
    writeln!(out, "}}")
}

/// The id of the milestone fixed at `at`: `at_20240305_0900`.
fn moment_id(at: NaiveDateTime) -> String {
    at.format("at_%Y%m%d_%H%M").to_string()
}

/// One activity as a task: its effort and resource (or a milestone), what it waits for (its
/// `after`, and its person's previous activity, as cronograma does), its earliest start, and
/// in a tracked plan its logged work as bookings.
fn write_task(
    out: &mut String,
    plan: &Plan,
    schedule: &Schedule,
    (ids, resources): (&[String], &Resources),
    index: usize,
) -> fmt::Result {
    let activity = &plan.activities[index];
    let tracked = Tracked::of(plan, schedule, index);
    let mut waits_for: Vec<usize> = schedule.waits_for(index).collect();
    waits_for.sort_unstable();
    waits_for.dedup();
    let start = earliest_moment(plan, schedule, index);
    let name = if activity.name.is_empty() {
        &activity.code
    } else {
        &activity.name
    };
    writeln!(out, "task {} {} {{", ids[index], quote(name))?;
    writeln!(out, "  Code {}", quote(&activity.code))?;
    let work = Work {
        effort: tracked.effort.unwrap_or(activity.hours),
        resource: &resources.for_activity(plan, index),
        depends: waits_for.iter().map(|other| ids[*other].as_str()).collect(),
        start,
        bookings: &tracked.bookings,
    };
    let waits = !work.depends.is_empty() || start.is_some();
    if tracked.done_without_work() || (activity.is_milestone() && !waits) {
        // Fixed where cronograma put it (after all it waits for, or at the plan's first working
        // moment): with no `depends` beside it, `start` means just that.
        writeln!(out, "  milestone")?;
        writeln!(out, "  start {}", moment(schedule.spans()[index].start))?;
    } else if activity.is_milestone() {
        writeln!(out, "  milestone")?;
        write_constraints(out, "  ", &work.depends, start)?;
    } else {
        write_work(out, schedule, &tracked, work, (&waits_for, name))?;
    }
    writeln!(out, "}}")
}

/// An activity's work: as one task, or, logged before what it waits for was done (TaskJuggler
/// refuses bookings before a dependency's end), as its log and the rest after what it waits for.
fn write_work(
    out: &mut String,
    schedule: &Schedule,
    tracked: &Tracked,
    work: Work,
    (waits_for, name): (&[usize], &str),
) -> fmt::Result {
    if !tracked.logged_before(schedule, waits_for, work.start) {
        return work.write(out, "  ");
    }
    if tracked.remaining.is_zero() {
        // Finished: its log is its times, whatever it was meant to wait for.
        return Work {
            depends: Vec::new(),
            start: None,
            ..work
        }
        .write(out, "  ");
    }
    writeln!(
        out,
        "  task logged {} {{",
        quote(&format!("{name} (logged)"))
    )?;
    Work {
        effort: tracked.logged,
        depends: Vec::new(),
        start: None,
        ..work
    }
    .write(out, "    ")?;
    writeln!(out, "  }}")?;
    writeln!(
        out,
        "  task rest {} {{",
        quote(&format!("{name} (remaining)"))
    )?;
    Work {
        effort: tracked.remaining,
        bookings: &[],
        ..work
    }
    .write(out, "    ")?;
    writeln!(out, "  }}")
}

/// What a task's work is told: effort, resource, what it depends on, its earliest start and
/// the work already booked.
struct Work<'a> {
    effort: Hours,
    resource: &'a str,
    depends: Vec<&'a str>,
    start: Option<NaiveDateTime>,
    bookings: &'a [(NaiveDateTime, NaiveDateTime)],
}

impl Work<'_> {
    fn write(&self, out: &mut String, indent: &str) -> fmt::Result {
        writeln!(out, "{indent}effort {}h", decimal(self.effort))?;
        writeln!(out, "{indent}allocate {}", self.resource)?;
        write_constraints(out, indent, &self.depends, self.start)?;
        for (start, end) in self.bookings {
            // Logged work is fact, on a day off or past the window too.
            writeln!(
                out,
                "{indent}booking {} {} - {} {{ overtime 2 }}",
                self.resource,
                moment(*start),
                moment(*end)
            )?;
        }
        Ok(())
    }
}

/// `depends`, where there is anything to wait for: the tasks in `depends`, and the milestone
/// fixed at the earliest start `start` ([`write_not_before`]).
fn write_constraints(
    out: &mut String,
    indent: &str,
    depends: &[&str],
    start: Option<NaiveDateTime>,
) -> fmt::Result {
    let fixed = start.map(|at| format!("{NOT_BEFORE}.{}", moment_id(at)));
    let all: Vec<&str> = depends.iter().copied().chain(fixed.as_deref()).collect();
    if !all.is_empty() {
        writeln!(out, "{indent}depends {}", all.join(", "))?;
    }
    Ok(())
}

/// The fixed moment activity `index` may not start before, where one holds it back after the
/// project's start: the later of its `not_before` and, under `handoff: NextDay`, the next
/// morning its person's previous activity hands over at (which the schedule says).
fn earliest_moment(plan: &Plan, schedule: &Schedule, index: usize) -> Option<NaiveDateTime> {
    let not_before = not_before_moment(plan, schedule, index);
    not_before
        .max(schedule.handover(plan, index))
        .filter(|at| *at > project_start(schedule))
}

/// The earliest start `not_before` gives activity `index`, if it has one: the first moment of
/// that day (a milestone's put at the first working moment from that day, as cronograma puts
/// it).
fn not_before_moment(plan: &Plan, schedule: &Schedule, index: usize) -> Option<NaiveDateTime> {
    let activity = &plan.activities[index];
    let day = activity.not_before?;
    let calendar = schedule.calendar_of(index);
    // Work waits for working time by itself.
    let day = if activity.is_milestone() {
        first_working_day(calendar, day)
    } else {
        day
    };
    Some(calendar.opening(day))
}

/// What a tracked plan says of one activity, as TaskJuggler is told it: its effort (logged and
/// remaining hours: what is left is what TaskJuggler schedules after `now`) and its logged work
/// as booked intervals. Empty for an untracked plan and for a milestone (cronograma places
/// milestones the same whatever was logged, and TaskJuggler books no work on them).
struct Tracked {
    effort: Option<Hours>,
    logged: Hours,
    remaining: Hours,
    bookings: Vec<(NaiveDateTime, NaiveDateTime)>,
}

impl Tracked {
    fn of(plan: &Plan, schedule: &Schedule, index: usize) -> Self {
        let progress = schedule
            .progress()
            .filter(|_| !plan.activities[index].is_milestone());
        let Some(progress) = progress else {
            return Tracked {
                effort: None,
                logged: Hours::ZERO,
                remaining: plan.activities[index].hours,
                bookings: Vec::new(),
            };
        };
        let bookings = schedule
            .slots_of(index)
            .iter()
            .filter(|slot| slot.logged && !slot.hours.is_zero())
            .map(|slot| schedule.slot_times(slot))
            .collect();
        let (logged, remaining) = (progress.logged[index], progress.remaining[index]);
        Tracked {
            effort: Some(logged + remaining),
            logged,
            remaining,
            bookings,
        }
    }

    /// Nothing logged and nothing left: a point, as cronograma makes it.
    fn done_without_work(&self) -> bool {
        self.effort.is_some_and(|effort| effort.is_zero())
    }

    /// Whether work was logged before the end of something it waits for (`waits_for`, or its
    /// earliest `start`): the log is fact, and TaskJuggler would refuse it.
    fn logged_before(
        &self,
        schedule: &Schedule,
        waits_for: &[usize],
        start: Option<NaiveDateTime>,
    ) -> bool {
        self.bookings.first().is_some_and(|(first, _)| {
            start.is_some_and(|start| start > *first)
                || waits_for
                    .iter()
                    .any(|other| schedule.spans()[*other].end > *first)
        })
    }
}

/// A TaskJuggler id for each activity, all different (tj3 compares them as written): its code
/// where it is one (ASCII letters, digits and `_`, not starting with a digit) not met before,
/// else `a` and its position, or that with `_2`, `_3`… when a code already is that id.
fn task_ids(plan: &Plan) -> Vec<String> {
    let is_id = |code: &str| {
        code.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    let mut taken = std::collections::HashSet::from([NOT_BEFORE.to_owned()]);
    let codes: Vec<Option<String>> = plan
        .activities
        .iter()
        .map(|activity| {
            let code: &str = &activity.code;
            (is_id(code) && taken.insert(code.to_owned())).then(|| code.to_owned())
        })
        .collect();
    codes
        .into_iter()
        .enumerate()
        .map(|(index, code)| {
            code.unwrap_or_else(|| {
                let base = format!("a{}", index + 1);
                let mut id = base.clone();
                let mut suffix = 1;
                while !taken.insert(id.clone()) {
                    suffix += 1;
                    id = format!("{base}_{suffix}");
                }
                id
            })
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

    /// The resource that works on activity `index`: its person's, or under `LinksOnly` (where
    /// a person's activities run side by side, which tj3 would level apart) one of its own
    /// under its person's, with their working time.
    fn for_activity(&self, plan: &Plan, index: usize) -> String {
        let person = self.id_of(&plan.activities[index].who);
        if plan.ordering == crate::plan::Ordering::LinksOnly {
            format!("{person}_t{index}")
        } else {
            person.to_owned()
        }
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
    write_shifts(out, plan, 0, calendar)?;
    writeln!(out, "resource plan_time \"The plan's working time\" {{")?;
    write_working_hours(out, "  ", calendar)?;
    write_days_off(out, plan, 0, calendar, span)?;
    let own_tasks = own_task_resources(plan, resources);
    for (id, name) in &resources.shared {
        write_resource_head(out, "  ", id, name, own_tasks.get(id.as_str()))?;
        writeln!(out)?;
    }
    writeln!(out, "}}")?;
    for (index, (id, name, calendar)) in resources.own.iter().enumerate() {
        write_shifts(out, plan, index + 1, calendar)?;
        write_resource_head(out, "", id, name, None)?;
        writeln!(out, " {{")?;
        write_working_hours(out, "  ", calendar)?;
        write_days_off(out, plan, index + 1, calendar, span)?;
        for task in own_tasks.get(id.as_str()).into_iter().flatten() {
            writeln!(out, "  resource {task} \"{task}\"")?;
        }
        writeln!(out, "}}")?;
    }
    Ok(())
}

/// Under `LinksOnly`, each person's activities' own resources (`p1_t3`), by person.
fn own_task_resources<'a>(plan: &Plan, resources: &'a Resources) -> HashMap<&'a str, Vec<String>> {
    let mut by_person: HashMap<&str, Vec<String>> = HashMap::new();
    if plan.ordering == crate::plan::Ordering::LinksOnly {
        for (index, activity) in plan.activities.iter().enumerate() {
            by_person
                .entry(resources.id_of(&activity.who))
                .or_default()
                .push(resources.for_activity(plan, index));
        }
    }
    by_person
}

/// `resource ID "NAME"`, with the activities' own resources inside where there are any (the
/// caller closes the line, or opens the block of a person with their own time).
fn write_resource_head(
    out: &mut String,
    indent: &str,
    id: &str,
    name: &str,
    tasks: Option<&Vec<String>>,
) -> fmt::Result {
    write!(out, "{indent}resource {id} {}", quote(name))?;
    if let Some(tasks) = tasks {
        let inner: Vec<String> = tasks
            .iter()
            .map(|task| format!("resource {task} \"{task}\""))
            .collect();
        write!(out, " {{ {} }}", inner.join(" "))?;
    }
    Ok(())
}

/// `workinghours mon 08:00 - 12:00, 13:00 - 17:00` for each worked day, `off` for the others.
fn write_working_hours(out: &mut String, indent: &str, calendar: &WorkCalendar) -> fmt::Result {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    for (weekday, day) in DAYS.iter().enumerate() {
        match calendar.weekday_windows(weekday) {
            Some(windows) => writeln!(out, "{indent}workinghours {day} {}", intervals(windows))?,
            None => writeln!(out, "{indent}workinghours {day} off")?,
        }
    }
    Ok(())
}

/// Windows as TaskJuggler writes a day's intervals: `08:00 - 12:00, 13:00 - 17:00` (up to
/// `24:00`).
fn intervals(windows: &[Window]) -> String {
    windows
        .iter()
        .map(|window| {
            let clock = |minutes: u16| format!("{:02}:{:02}", minutes / 60, minutes % 60);
            format!("{} - {}", clock(window.opens), clock(window.closes))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// TaskJuggler's slot, in minutes: a quarter hour, or its finest (5 minutes) when busy time
/// cuts a day off the quarter hour (a class that ends at 11:50). Times off 5 minutes cannot
/// be said to TaskJuggler; they are the rare case a timetable does not give.
fn timing_resolution(schedule: &Schedule) -> u16 {
    let calendars =
        std::iter::once(schedule.calendar()).chain(schedule.people().map(|(_, calendar)| calendar));
    let on_quarters = calendars
        .flat_map(|calendar| calendar.exceptions().flat_map(|(_, _, windows)| windows))
        .all(|window| window.opens % 15 == 0 && window.closes % 15 == 0);
    if on_quarters { 15 } else { 5 }
}

/// The shifts of a resource's days with their own hours, before the resource that uses them.
fn write_shifts(
    out: &mut String,
    plan: &Plan,
    resource: usize,
    calendar: &WorkCalendar,
) -> fmt::Result {
    let name = quote(crate::locale::words(plan.locale).own_hours);
    for (at, (_, hours, windows)) in calendar.exceptions().enumerate() {
        if hours.is_zero() {
            continue;
        }
        writeln!(
            out,
            "shift r{resource}_day{at} {name} {{\n  workinghours mon - sun {}\n}}",
            intervals(windows)
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
    let words = crate::locale::words(plan.locale);
    // Days of a holiday worked all the same (given their own hours) are not in `days_off`:
    // a leave would win over their shift in tj3.
    for (first, last) in calendar.days_off() {
        if within(first, last) {
            let name = quote(super::holiday_name(plan, first).unwrap_or(words.holiday));
            let (from, to) = (first.max(span.0), last.min(span.1));
            writeln!(out, "  leaves holiday {name} {}", interval(from, to))?;
        }
    }
    for (at, (date, hours, _)) in calendar.exceptions().enumerate() {
        if !within(date, date) {
            continue;
        }
        if hours.is_zero() {
            let name = quote(words.rest_day);
            writeln!(out, "  leaves holiday {name} {}", interval(date, date))?;
        } else {
            writeln!(out, "  shifts r{resource}_day{at} {}", interval(date, date))?;
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

/// A TaskJuggler string that `tj3` reads back as `text`, written as tj3 3.x scans one
/// (`ProjectFileScanner.rb`): in double quotes, where only `\"` is an escape (a backslash
/// before anything else is itself, so it is never doubled). What tj3 would act on instead of
/// reading is written with a stated, visible substitution:
/// - a `$` before `{` or `(` as the full-width `＄` (U+FF04): tj3 expands `${macro}` and
///   `$(ENVIRONMENT)` inside strings, which would put the environment (a password) into its
///   reports or fail on an undefined macro;
/// - a backslash that ends the text as the full-width `＼` (U+FF3C): before the closing quote
///   it would escape it, and the text would run on into the file;
/// - control characters and line breaks written visibly (`\u{1b}`), as every export does.
fn quote(text: &str) -> String {
    let visible = crate::text::in_one_line(text);
    let mut out = String::with_capacity(visible.len() + 2);
    out.push('"');
    let mut chars = visible.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('"', _) => out.push_str("\\\""),
            ('$', Some('{' | '(')) => out.push('\u{ff04}'),
            ('\\', None) => out.push('\u{ff3c}'),
            (c, _) => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_written_as_tj3_reads_them() {
        assert_eq!(quote(r#"say "hi""#), r#""say \"hi\"""#);
        // Only `\"` is an escape: a backslash stays one, before a quote too.
        assert_eq!(quote(r"C:\tesis\x"), r#""C:\tesis\x""#);
        assert_eq!(quote(r#"a\"b"#), r#""a\\"b""#);
        // A final backslash would escape the closing quote.
        assert_eq!(quote(r"ends\"), "\"ends\u{ff3c}\"");
        // Macros and the environment are not expanded; a lone `$` is itself.
        assert_eq!(
            quote("$(HOME) ${x} $5 $"),
            "\"\u{ff04}(HOME) \u{ff04}{x} $5 $\""
        );
        assert_eq!(quote("\u{1b}[2J\nx"), "\"\\u{1b}[2J\\u{a}x\"");
    }

    #[test]
    fn task_ids_are_all_different_whatever_the_codes() {
        let plan = |codes: &[&str]| {
            let activities: Vec<String> = codes
                .iter()
                .map(|code| format!("(code: \"{code}\", hours: 1)"))
                .collect();
            let text = format!(
                "Plan(start: \"2024-03-04\", hours_per_day: 6, activities: [{}])",
                activities.join(", ")
            );
            crate::plan::parse(&text, std::path::Path::new("p.ron"))
                .unwrap()
                .plan
        };
        let ids = task_ids(&plan(&["A1", "=B", "9x", "X", "x", "a2", "a3_2", "a3"]));
        assert_eq!(ids, ["A1", "a2_2", "a3_3", "X", "x", "a2", "a3_2", "a3"]);
        let ids = task_ids(&plan(&["9x", "a1", "a1_2"]));
        assert_eq!(ids, ["a1_3", "a1", "a1_2"]);
    }
}
