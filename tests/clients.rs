//! Exports opened by real programs (issue 9, class 12; issue 35, item 6): the iCalendar
//! export, with its weekly series and their exceptions, read by calcurse and khal (Debian's
//! packages) and python's `recurring_ical_events`, each of which must show every interval the
//! schedule works and nothing else. `.ci/run` installs them; where one is missing its test
//! says so and checks nothing more than `tests/hostile_text.rs` already does.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use chrono::{NaiveDate, NaiveDateTime};
use cronograma::export::{Format, render};
use cronograma::plan::{Plan, load_file, parse};
use cronograma::schedule::{Schedule, schedule};
use cronograma::text::in_lines;

mod common;

fn have(program: &str) -> bool {
    Process::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|output| output.status.success())
}

/// What a calendar program should show of `plan`: every interval an activity works (those
/// that touch joined, as one stretch of work is one event), each as
/// `2024-03-04T08:00|2024-03-04T12:00|P1 · Relevamiento.`, in order. Worked out from the
/// schedule, not from the export.
fn worked_intervals(plan: &Plan, schedule: &Schedule) -> Vec<String> {
    let mut shown = Vec::new();
    for (index, activity) in plan.activities.iter().enumerate() {
        // Control characters reach a calendar as visible text (`\u{1b}`).
        let summary = in_lines(&if activity.name.is_empty() {
            activity.code.to_string()
        } else {
            format!("{} · {}", activity.code, activity.name)
        })
        .into_owned();
        let mut intervals: Vec<_> = schedule
            .slots_of(index)
            .iter()
            .flat_map(|slot| {
                let parts = schedule.slot_intervals(slot);
                if parts.is_empty() {
                    vec![schedule.slot_times(slot)]
                } else {
                    parts
                }
            })
            .collect();
        intervals.sort();
        let mut joined: Vec<(NaiveDateTime, NaiveDateTime)> = Vec::new();
        for (start, end) in intervals {
            match joined.last_mut() {
                Some(last) if last.1 == start && last.0 < last.1 && start < end => last.1 = end,
                _ => joined.push((start, end)),
            }
        }
        shown.extend(joined.into_iter().map(|(start, end)| {
            format!(
                "{}|{}|{summary}",
                start.format("%Y-%m-%dT%H:%M"),
                end.format("%Y-%m-%dT%H:%M")
            )
        }));
    }
    shown.sort();
    shown
}

/// The plans every reader is tried with: the seed, every example (a lunch break, weekdays
/// that differ, exceptions, people, busy time, milestones), a hostile one, and a year of four
/// people (196 activities, 15 holidays).
fn plans() -> Vec<(String, Plan)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![root.join("plan.ron")];
    let mut examples: Vec<_> = std::fs::read_dir(root.join("assets/examples"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    examples.sort();
    paths.extend(examples);
    let mut plans: Vec<(String, Plan)> = paths
        .iter()
        .map(|path| (path.display().to_string(), load_file(path).unwrap().plan))
        .collect();
    let hostile = parse(
        "Plan(title: \"T\\u{1b}]0;x\\u{7}\\nBEGIN:VEVENT\", start: \"2024-03-04\", hours_per_day: 6, \
         holidays: [(date: \"2024-03-06\"), (date: \"2024-03-07\", name: \"a;b,c\\\\d\")], \
         activities: [(code: \"A\", name: \"x\\r\\u{0}y\", hours: 7), (code: \"M\", hours: 0)])",
        Path::new("hostile.ron"),
    )
    .unwrap();
    plans.push(("hostile".into(), hostile.plan));
    plans.push((
        "a year of four people".into(),
        common::a_year_of_four_people(),
    ));
    plans
}

/// Writes `plan`'s iCalendar export to a new folder; the folder and the file's path.
fn exported(plan: &Plan) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.ics");
    let schedule = schedule(plan).unwrap();
    std::fs::write(&file, render(Format::Ics, plan, &schedule)).unwrap();
    (dir, file)
}

/// The days from the plan's start to a while past its end, as readers are asked for them.
fn reach(plan: &Plan) -> (NaiveDate, i64) {
    let schedule = schedule(plan).unwrap();
    let days = (schedule.end().date() - plan.start).num_days() + 30;
    (plan.start, days)
}

/// Every timed instance calcurse shows, as [`worked_intervals`] writes them.
fn calcurse_shows(plan: &Plan) -> Vec<String> {
    let (dir, file) = exported(plan);
    let data = dir.path().join("calcurse");
    std::fs::create_dir(&data).unwrap();
    let import = Process::new("calcurse")
        .arg("-D")
        .arg(&data)
        .arg("-i")
        .arg(&file)
        .output()
        .unwrap();
    assert!(import.status.success(), "{import:?}");
    let report = String::from_utf8_lossy(&import.stdout);
    assert!(report.contains(" 0 skipped"), "{report}");
    let (from, days) = reach(plan);
    let format = "%(start:%Y-%m-%dT%H:%M)|%(end:%Y-%m-%dT%H:%M)|%m\n";
    let query = Process::new("calcurse")
        .arg("-D")
        .arg(&data)
        .args(["-Q", "--from", &from.format("%m/%d/%Y").to_string()])
        .args(["--days", &days.to_string()])
        .args(["--format-apt", format, "--format-recur-apt", format])
        .args(["--format-event", "", "--format-recur-event", ""])
        .output()
        .unwrap();
    assert!(query.status.success(), "{query:?}");
    shown_lines(&String::from_utf8_lossy(&query.stdout))
}

/// Every timed instance khal shows, as [`worked_intervals`] writes them.
fn khal_shows(plan: &Plan) -> Vec<String> {
    let (dir, file) = exported(plan);
    let calendar = dir.path().join("calendar");
    std::fs::create_dir(&calendar).unwrap();
    let config = dir.path().join("config");
    std::fs::write(
        &config,
        format!(
            "[calendars]\n[[plan]]\npath = {}\ntype = calendar\n[locale]\n\
             timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n\
             datetimeformat = %Y-%m-%dT%H:%M\nlongdatetimeformat = %Y-%m-%dT%H:%M\n\
             local_timezone = UTC\ndefault_timezone = UTC\n",
            calendar.display()
        ),
    )
    .unwrap();
    let khal = |args: &[&str]| {
        let output = Process::new("khal")
            .arg("-c")
            .arg(&config)
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    khal(&["import", "--batch", "-a", "plan", file.to_str().unwrap()]);
    let (from, days) = reach(plan);
    let listed = khal(&[
        "list",
        "--format",
        "{start}|{end}|{title}",
        "--day-format",
        "",
        &from.to_string(),
        &format!("{days}d"),
    ]);
    shown_lines(&listed)
}

/// Every timed instance python's recurring_ical_events expands, as [`worked_intervals`]
/// writes them.
fn recurring_ical_events_shows(plan: &Plan) -> Vec<String> {
    let (_dir, file) = exported(plan);
    let (from, days) = reach(plan);
    let to = from + chrono::TimeDelta::days(days);
    let from_tuple = from.format("(%Y, %-m, %-d)");
    let to_tuple = to.format("(%Y, %-m, %-d)");
    let script = format!(
        "import sys, icalendar, recurring_ical_events\n\
         calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n\
         for event in recurring_ical_events.of(calendar).between({from_tuple}, {to_tuple}):\n\
         \x20   start = event['DTSTART'].dt\n\
         \x20   end = event['DTEND'].dt if 'DTEND' in event else start\n\
         \x20   if hasattr(start, 'hour'):\n\
         \x20       print(f\"{{start:%Y-%m-%dT%H:%M}}|{{end:%Y-%m-%dT%H:%M}}|{{event['SUMMARY']}}\")\n"
    );
    let output = Process::new("python3")
        .args(["-c", &script])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    shown_lines(&String::from_utf8_lossy(&output.stdout))
}

/// The lines of a reader's output that name a timed instance, in order.
fn shown_lines(output: &str) -> Vec<String> {
    let mut shown: Vec<String> = output
        .lines()
        .filter(|line| line.matches('|').count() >= 2 && line.contains('T'))
        .map(str::to_owned)
        .collect();
    shown.sort();
    shown
}

/// Checks that `reader` shows every worked interval of every plan of [`plans`], and nothing
/// else: repeating events, their exceptions, lunch breaks and instants read as the schedule
/// lays them. `instant` says how long the reader shows a milestone (an event with DTSTART
/// alone): RFC 5545 (3.6.1) says it ends as it starts; khal shows an hour.
fn reader_shows_the_schedule(
    reader: &str,
    shows: fn(&Plan) -> Vec<String>,
    instant: chrono::TimeDelta,
) {
    for (name, plan) in plans() {
        let schedule = schedule(&plan).unwrap();
        let mut expected: Vec<String> = worked_intervals(&plan, &schedule)
            .into_iter()
            .map(|line| lasting(&line, instant))
            .collect();
        expected.sort();
        let shown = shows(&plan);
        let missing: Vec<&String> = expected.iter().filter(|e| !shown.contains(e)).collect();
        let extra: Vec<&String> = shown.iter().filter(|s| !expected.contains(s)).collect();
        assert!(
            missing.is_empty() && extra.is_empty() && shown.len() == expected.len(),
            "{reader} on {name}: missing {missing:?}, extra {extra:?}"
        );
    }
}

/// `line` as a reader that shows an instant as lasting `instant` writes it.
fn lasting(line: &str, instant: chrono::TimeDelta) -> String {
    let mut parts = line.splitn(3, '|');
    let (start, end, summary) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    if start != end {
        return line.to_owned();
    }
    let at = NaiveDateTime::parse_from_str(start, "%Y-%m-%dT%H:%M").unwrap();
    format!(
        "{start}|{}|{summary}",
        (at + instant).format("%Y-%m-%dT%H:%M")
    )
}

#[test]
fn calcurse_shows_every_worked_interval_and_nothing_else() {
    if !have("calcurse") {
        eprintln!("calcurse is not installed: skipped (apt-get install calcurse)");
        return;
    }
    reader_shows_the_schedule("calcurse", calcurse_shows, chrono::TimeDelta::zero());
}

#[test]
fn khal_shows_every_worked_interval_and_nothing_else() {
    if !have("khal") {
        eprintln!("khal is not installed: skipped (apt-get install khal)");
        return;
    }
    reader_shows_the_schedule("khal", khal_shows, chrono::TimeDelta::hours(1));
}

#[test]
fn recurring_ical_events_shows_every_worked_interval_and_nothing_else() {
    let found = Process::new("python3")
        .args(["-c", "import recurring_ical_events"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        eprintln!(
            "python's recurring_ical_events is not installed: skipped \
             (pip install recurring_ical_events)"
        );
        return;
    }
    reader_shows_the_schedule(
        "recurring_ical_events",
        recurring_ical_events_shows,
        chrono::TimeDelta::zero(),
    );
}

/// A day with a lunch break reaches calcurse as two appointments around it: 5 March of the
/// office-hours example is 08:00–12:00 and 13:00–15:00, nothing at 12:00–13:00.
#[test]
fn calcurse_shows_the_lunch_break_free() {
    if !have("calcurse") {
        eprintln!("calcurse is not installed: skipped (apt-get install calcurse)");
        return;
    }
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/examples/office-hours.ron"
    ));
    let shown = calcurse_shows(&load_file(path).unwrap().plan);
    assert!(shown.contains(&"2024-03-05T08:00|2024-03-05T12:00|P1 · Relevamiento.".into()));
    assert!(shown.contains(&"2024-03-05T13:00|2024-03-05T15:00|P1 · Relevamiento.".into()));
    assert!(
        !shown
            .iter()
            .any(|line| line.starts_with("2024-03-05T12:00"))
    );
}
