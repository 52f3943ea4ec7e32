//! Malformed plans through the real binary: each gives exit code 2 and one clear message
//! naming the file (with line and column where the parser knows them), never a panic.

use std::fs;

use assert_cmd::Command;

/// A valid plan with `$A` standing for the activities and `$X` for extra top-level fields.
const BASE: &str = r#"Plan(
    start: "2023-09-13",
    hours_per_day: 6,
    $X
    activities: [$A],
)"#;

fn with(extra: &str, activities: &str) -> Vec<u8> {
    BASE.replace("$X", extra)
        .replace("$A", activities)
        .into_bytes()
}

fn activity(hours: &str) -> Vec<u8> {
    with("", &format!(r#"(code: "A1", name: "x", hours: {hours})"#))
}

/// A plan whose day is given by `windows` (in `extra`) rather than `hours_per_day`.
fn windows(extra: &str) -> Vec<u8> {
    BASE.replace("    hours_per_day: 6,\n", "")
        .replace("$X", extra)
        .replace("$A", r#"(code: "A1", hours: 4)"#)
        .into_bytes()
}

fn field(extra: &str) -> Vec<u8> {
    with(extra, r#"(code: "A1", hours: 4)"#)
}

#[test]
fn every_malformed_plan_is_refused_with_a_message_and_exit_code_2() {
    let cases: Vec<(&str, Vec<u8>, &[&str])> = vec![
        ("empty file", b"".to_vec(), &["bad.ron:1:1: the file is empty", "hint:"]),
        ("only blanks", b"  \n\n".to_vec(), &["the file is empty"]),
        ("unclosed plan", b"Plan(\n    start: \"2023-09-13\",\n".to_vec(), &["bad.ron:2:", "end of RON"]),
        ("bare word for a string", b"Plan(title: PPS)".to_vec(), &["bad.ron:1:", "title"]),
        ("text for hours", activity("\"forty\""), &["activities[0].hours", "a number of hours"]),
        ("unknown field", field("colour: \"red\","), &["unknown field `colour`", "start, day_start", "hint:"]),
        ("unknown activity field", with("", r#"(code: "A1", hrs: 4)"#), &["unknown field `hrs` in activities[0]", "code, name, hours"]),
        ("missing start", b"Plan(hours_per_day: 6, activities: [])".to_vec(), &["required field `start` is missing"]),
        ("missing activities", b"Plan(start: \"2023-09-13\", hours_per_day: 6)".to_vec(), &["required field `activities` is missing"]),
        ("impossible date", field("holidays: [(date: \"2023-02-30\")],"), &["holidays[0].date", "\"2023-02-30\" is not a day of the calendar"]),
        ("date in another format", b"Plan(start: \"13/09/2023\", hours_per_day: 6, activities: [])".to_vec(), &["bad.ron:1:", "start", "YYYY-MM-DD"]),
        ("zero hours a day", b"Plan(start: \"2023-09-13\", hours_per_day: 0, activities: [(code: \"A\", hours: 1)])".to_vec(), &["hours_per_day: 0 is not a positive number of hours", "hint:"]),
        ("after an unknown code", with("", r#"(code: "A1", hours: 1, after: ["A9"])"#), &["activities[0].after[0]: \"A9\" is not the code of any activity"]),
        ("after itself", with("", r#"(code: "A1", hours: 1, after: ["A1"])"#), &["activities[0].after[0]: A1 cannot wait for itself"]),
        ("a cycle of after", with("", r#"(code: "A", hours: 1, who: "x", after: ["C"]), (code: "B", hours: 1, who: "y", after: ["A"]), (code: "C", hours: 1, who: "z", after: ["B"])"#), &["wait for each other in a circle", "B is after A", "C is after B", "A is after C"]),
        ("a cycle through a person", with("", r#"(code: "A", hours: 1, who: "Ana", after: ["B"]), (code: "B", hours: 1, who: "Ana")"#), &["activities[0].after: B, A wait for each other in a circle", "A is after B", "B follows A for \"Ana\""]),
        ("a range ending before it starts", field("holidays: [(date: \"2024-07-15\", until: \"2024-07-10\")],"), &["holidays[0].until: 2024-07-10 is before the range's first day, 2024-07-15"]),
        ("an exception past midnight", field("exceptions: [(date: \"2024-07-06\", hours: 20)],"), &["bad.ron:4:39: exceptions[0].hours: 20 hours from the first window (09:00–15:00) run past midnight", "hint:"]),
        ("busy time that ends before it starts", field(r#"busy: [(name: "Clase", date: "2023-09-14", time: "11:50-10:00")],"#), &["bad.ron:4:55: busy[0].time", "closes before it opens", "hint: busy time is written \"HH:MM-HH:MM\" at any minute"]),
        ("busy time without a name", field(r#"busy: [(date: "2023-09-14")],"#), &["bad.ron:4:", "`name` is missing in busy[0]"]),
        ("busy time repeated until before it starts", field(r#"busy: [(name: "Clase", date: "2023-09-14", until: "2023-09-01", weekly: true)],"#), &["bad.ron:4:48: busy[0].until", "before its first day", "hint:"]),
        ("busy time repeated daily to the year 9999", field(r#"busy: [(name: "x", date: "2023-09-14", until: "9999-12-31")],"#), &["bad.ron:4:", "more than 200000 days", "hint:"]),
        ("a skipped busy day that is no date", field(r#"busy: [(name: "x", date: "2023-09-14", skip: ["mañana"])],"#), &["bad.ron:4:", "mañana"]),
        ("windows out of order", windows(r#"windows: ["13:00-17:00", "08:00-12:00"],"#), &["bad.ron:3:", "windows", "\"08:00-12:00\" starts before \"13:00-17:00\" ends", "hint:"]),
        ("overlapping windows", windows(r#"windows: ["08:00-12:00", "11:00-17:00"],"#), &["bad.ron:3:", "do not overlap"]),
        ("a window off the quarter hour", windows(r#"windows: ["08:10-12:00"],"#), &["bad.ron:3:", "not on quarter hours"]),
        ("a window past 24:00", windows(r#"windows: ["20:00-25:00"],"#), &["bad.ron:3:", "from 00:00 to 24:00"]),
        ("a window that closes before it opens", windows(r#"windows: ["17:00-08:00"],"#), &["bad.ron:3:", "closes before it opens"]),
        ("no windows at all", windows(r#"windows: [],"#), &["bad.ron:3:", "the list of windows is empty"]),
        ("windows beside hours_per_day", field(r#"windows: ["08:00-12:00"],"#), &["bad.ron:3:5: hours_per_day: `windows` and `hours_per_day` both give the working day", "hint:"]),
        ("windows beside day_start", windows(r#"day_start: "08:00", windows: ["08:00-12:00"],"#), &["bad.ron:3:5: day_start: `windows` and `day_start` both give the working day"]),
        ("a week naming a day off", windows(r#"windows: ["08:00-12:00"], week: [(days: [Fri, Sat], windows: ["08:00-10:00"])],"#), &["bad.ron:3:51: week[0].days[1]: Sat is not a workday", "hint:"]),
        ("a weekday in two groups", windows(r#"windows: ["08:00-12:00"], week: [(days: [Fri], windows: ["08:00-10:00"]), (days: [Fri], windows: ["09:00-10:00"])],"#), &["week[1].days[0]: Fri already has its windows (week[0])"]),
        ("an exception with hours and windows", windows(r#"windows: ["08:00-12:00"], exceptions: [(date: "2023-09-15", hours: 2, windows: ["14:00-16:00"])],"#), &["exceptions[0].windows: 2023-09-15 gives both `hours` and `windows`"]),
        ("a person's windows beside their hours", field(r#"people: [(name: "Ana", hours_per_day: 4, windows: ["08:00-12:00"])],"#), &["people[0].hours_per_day: `windows` and `hours_per_day` both give the working day"]),
        ("neither hours_per_day nor windows", b"Plan(start: \"2023-09-13\", activities: [(code: \"A\", hours: 1)])".to_vec(), &["hours_per_day: the plan gives neither `hours_per_day` nor `windows`", "hint:"]),
        ("a date with two exceptions", field("exceptions: [(date: \"2024-07-06\", hours: 2), (date: \"2024-07-06\", hours: 3)],"), &["exceptions[1].date: 2024-07-06 already has its hours (exceptions[0])"]),
        ("an unknown hand-off", field("handoff: Tomorrow,"), &["`Tomorrow` is not one of SameDay, NextDay"]),
        ("a malformed not_before", with("", r#"(code: "A1", hours: 1, not_before: "soon")"#), &["activities[0].not_before", "\"soon\" is not a date written as YYYY-MM-DD"]),
        ("negative hours", activity("-3"), &["activities[0].hours: -3 is not a positive number of hours"]),
        ("hours off the quarter grid", activity("1.1"), &["1.1 is not a multiple of a quarter-hour"]),
        ("absurd hours", activity("1e30"), &["more hours than cronograma accepts"]),
        ("a day over 24 hours", b"Plan(start: \"2023-09-13\", hours_per_day: 25, activities: [(code: \"A\", hours: 1)])".to_vec(), &["hours_per_day: 25 hours from 09:00 end at 34:00, past midnight"]),
        ("window past midnight", field("day_start: \"20:00\","), &["hours_per_day: 6 hours from 20:00 end at 26:00, past midnight", "hint:"]),
        ("malformed day start", field("day_start: \"8 am\","), &["day_start", "HH:MM"]),
        ("empty workdays", field("workdays: [],"), &["workdays: no day of the week is worked"]),
        ("repeated workday", field("workdays: [Mon, Mon],"), &["workdays[1]: Mon is listed twice"]),
        ("unknown weekday", field("workdays: [Monday],"), &["`Monday` is not one of Mon, Tue"]),
        ("unknown locale", field("locale: \"xx\","), &["locale", "\"xx\" is not a known locale", "\"pt-BR\""]),
        ("unknown week start", field("week_start: Fri,"), &["`Fri` is not one of Mon, Sun, Sat"]),
        ("repeated holiday", field("holidays: [(date: \"2023-10-13\"), (date: \"2023-10-13\")],"), &["holidays[1].date: 2023-10-13 is already a holiday"]),
        ("no activities", with("", ""), &["activities: the plan has no activities"]),
        ("duplicate code", with("", r#"(code: "A1", hours: 1), (code: "A1", hours: 2)"#), &["activities[1].code: \"A1\" is already the code of activities[0]"]),
        ("empty code", with("", r#"(code: "", hours: 1)"#), &["activities[0].code: the code is empty"]),
        ("code with a space", with("", r#"(code: "A 1", hours: 1)"#), &["activities[0].code: \"A 1\" contains a space"]),
        ("non-UTF-8 bytes", b"Plan(title: \"\xff\xfe\")".to_vec(), &["bad.ron:1:14: the file is not UTF-8 text"]),
        ("text after the plan", [field(""), b" extra".to_vec()].concat(), &["unexpected text after the end of the plan"]),
        ("over 10 MiB", vec![b' '; 11 * 1024 * 1024], &["is 11534336 bytes, more than the 10485760 a plan may have"]),
        ("a binary file", (0..=255u8).cycle().take(4096).collect(), &["bad.ron:2:118: the file is not UTF-8 text"]),
        ("deep nesting", format!("Plan(start: \"2023-09-13\", hours_per_day: 6, activities: {}{})", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(), &["bad.ron:1:", "activities[0]"]),
        ("a huge number", activity("1e400"), &["activities[0].hours: inf is more hours than cronograma accepts"]),
        ("past the year 9999", b"Plan(start: \"9999-12-20\", hours_per_day: 1, activities: [(code: \"Z\", hours: 100)])".to_vec(), &["activity Z would run past the year 9999"]),
        ("done without a log", with("", r#"(code: "A1", hours: 4, done: true)"#), &["activities[0].done: the plan is not tracked", "log: []"]),
        ("remaining on a milestone", with("log: [],", r#"(code: "A1", hours: 4), (code: "M", hours: 0, remaining: 2)"#), &["activities[1].remaining: M is a milestone"]),
        ("done with nothing logged", with("log: [],", r#"(code: "A1", hours: 4, done: true)"#), &["activities[0].done: A1 is done but has no logged hours", "cronograma log"]),
        ("a log of an unknown code", with("log: [(date: \"2023-09-13\", code: \"Z\", hours: 1)],", r#"(code: "A1", hours: 4)"#), &["log[0].code: no activity has the code \"Z\""]),
        ("a log of a milestone", with("log: [(date: \"2023-09-13\", code: \"M\", hours: 1)],", r#"(code: "A1", hours: 4), (code: "M", hours: 0)"#), &["log[0].code: M is a milestone: milestones are not logged"]),
        ("a date logged twice", with("log: [(date: \"2023-09-13\", code: \"A1\", hours: 1), (date: \"2023-09-13\", code: \"A1\", hours: 2)],", r#"(code: "A1", hours: 4)"#), &["log[1].date: A1 already has hours logged on 2023-09-13 (log[0])"]),
        ("a day logged past midnight", with("log: [(date: \"2023-09-13\", code: \"A1\", hours: 10), (date: \"2023-09-13\", code: \"B\", hours: 6)],", r#"(code: "A1", hours: 40), (code: "B", hours: 40)"#), &["log[1].hours: 16 hours from 09:00 end at 25:00, past midnight"]),
        ("zero hours logged", with("log: [(date: \"2023-09-13\", code: \"A1\", hours: 0)],", r#"(code: "A1", hours: 4)"#), &["log[0].hours: 0 is not a positive number of hours"]),
        // A log after the status date is not refused: the plan is followed as of its last logged
        // day, said on stderr (tests/tracking_cli.rs), so a plan the program saved always opens.
        ("a malformed baseline moment", with("baseline: (saved: \"2023-09-13\", activities: [(code: \"A1\", start: \"2023-09-13 08:00\", end: \"2023-09-14T08:00\")]),", r#"(code: "A1", hours: 4)"#), &["baseline.activities[0].start", "YYYY-MM-DDTHH:MM"]),
    ];
    assert!(cases.len() >= 20);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    let mut failures = Vec::new();
    for (name, content, expected) in cases {
        fs::write(&path, &content).unwrap();
        let output = Command::cargo_bin("cronograma")
            .unwrap()
            .arg("check")
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        let well_formed = output.status.code() == Some(2)
            && output.stdout.is_empty()
            && stderr.starts_with("error: ")
            && stderr.contains("bad.ron")
            && !stderr.contains("panicked")
            && !stderr.contains(" in ?");
        let missing: Vec<_> = expected
            .iter()
            .filter(|piece| !stderr.contains(*piece))
            .collect();
        if !well_formed || !missing.is_empty() {
            failures.push(format!(
                "{name}: status {:?}, missing {missing:?} in:\n{stderr}",
                output.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_missing_file_is_named_with_the_reason() {
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["check", "no/such/plan.ron"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "no/such/plan.ron: cannot read the plan",
        ));
}
