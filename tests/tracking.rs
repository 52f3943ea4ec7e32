//! Tracking, worked out by hand: the seed plan followed to Tuesday 2023-10-10.
//!
//! The seed: from Wednesday 2023-09-13, 6 h a day from 08:00, Monday to Friday; holidays on
//! Friday 13 and Monday 16 October and Monday 20 November. Its schedule is the baseline (A1 ends
//! 21 Sep 14:00, A2 2 Oct 14:00, A3 11 Oct 14:00, the plan 28 Nov 12:00).

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use cronograma::plan::{Hours, Plan};
use cronograma::schedule::{schedule, schedule_as_of};
use cronograma::status::{State, Status, baseline_of};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn seed() -> Plan {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron")).unwrap();
    cronograma::plan::parse(&text, Path::new("plan.ron"))
        .unwrap()
        .plan
}

/// A1 done early: 6 h on each of its first six days (36 of 42 h), then marked done.
/// A2 logged short: 6 h on 21, 22, 25, 26 Sep, 4 h on 27 Sep, nothing until 2 h on the status
/// date itself (30 h of 42). A3 not started.
fn tracked() -> Plan {
    let mut text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron"))
        .unwrap()
        .replace(
            "(code: \"A1\", name: \"Búsqueda y revisión bibliográfica. Contextualización.\", hours: 42)",
            "(code: \"A1\", name: \"Búsqueda y revisión bibliográfica. Contextualización.\", hours: 42, done: true)",
        );
    let log = [
        ("2023-09-13", "A1", 6),
        ("2023-09-14", "A1", 6),
        ("2023-09-15", "A1", 6),
        ("2023-09-18", "A1", 6),
        ("2023-09-19", "A1", 6),
        ("2023-09-20", "A1", 6),
        ("2023-09-21", "A2", 6),
        ("2023-09-22", "A2", 6),
        ("2023-09-25", "A2", 6),
        ("2023-09-26", "A2", 6),
        ("2023-09-27", "A2", 4),
        ("2023-10-10", "A2", 2),
    ]
    .map(|(date, code, hours)| format!("(date: \"{date}\", code: \"{code}\", hours: {hours})"))
    .join(", ");
    let end = text.rfind(')').unwrap();
    text.insert_str(end, &format!("    log: [{log}],\n"));
    let mut plan = cronograma::plan::parse(&text, Path::new("tracked.ron"))
        .unwrap()
        .plan;
    let original = seed();
    plan.baseline = Some(baseline_of(
        &original,
        &schedule(&original).unwrap(),
        date("2023-09-13"),
    ));
    plan
}

#[test]
fn the_seed_tracked_to_the_tenth_of_october() {
    let plan = tracked();
    let schedule = schedule_as_of(&plan, date("2023-10-10")).unwrap();
    let spans: Vec<_> = schedule.spans().iter().map(|s| (s.start, s.end)).collect();
    let expected = [
        // A1: its logged days, 13 to 20 Sep; done, so it ends with its last logged hour.
        ("2023-09-13 08:00", "2023-09-20 14:00"),
        // A2: starts with its first logged hour. 42 − 30 = 12 h remain, from the status date
        // after the 2 h logged that day: 4 h on 10 Oct (10:00–14:00), 6 h on 11 Oct, 2 h on
        // 12 Oct. The days between 27 Sep and 10 Oct not logged are gone.
        ("2023-09-21 08:00", "2023-10-12 10:00"),
        // A3, 42 h: 4 h on 12 Oct; 13 and 16 Oct are holidays; 6 h on 17, 18, 19, 20, 23, 24
        // Oct (36 h, 40 in all); 2 h on 25 Oct.
        ("2023-10-12 10:00", "2023-10-25 10:00"),
        // A4, 48 h: 4 h on 25 Oct, 6 h on 26, 27, 30, 31 Oct, 1, 2, 3 Nov (46), 2 h on 6 Nov.
        ("2023-10-25 10:00", "2023-11-06 10:00"),
        // A5, 42 h: 4 h on 6 Nov, 6 h on 7, 8, 9, 10, 13, 14 Nov (40), 2 h on 15 Nov.
        ("2023-11-06 10:00", "2023-11-15 10:00"),
        // A6, 36 h: 4 h on 15 Nov, 6 h on 16, 17, 21, 22, 23 Nov (20 Nov is a holiday; 34),
        // 2 h on 24 Nov.
        ("2023-11-15 10:00", "2023-11-24 10:00"),
        // A7, 58 h: 4 h on 24 Nov, 6 h on 27, 28, 29, 30 Nov, 1, 4, 5, 6, 7 Dec (58).
        ("2023-11-24 10:00", "2023-12-07 14:00"),
    ]
    .map(|(start, end)| (at(start), at(end)));
    assert_eq!(spans, expected);

    let status = Status::of(&plan, &schedule).unwrap();
    // Logged 36 + 30 = 66 h; remaining 0 + 12 + 42 + 48 + 42 + 36 + 58 = 238 h.
    assert_eq!(status.logged, Hours::from_whole(66));
    assert_eq!(status.remaining, Hours::from_whole(238));
    assert_eq!(status.percent(), 21); // 66 / 304 = 21.7 %
    let states: Vec<State> = status.activities.iter().map(|a| a.state).collect();
    assert_eq!(
        &states[..3],
        [State::Done, State::InProgress, State::NotStarted]
    );
    // Slips in working days: A1 one day early (21 → 20 Sep); A2 from 2 Oct to 12 Oct is 3, 4,
    // 5, 6, 9, 10, 11, 12 Oct = 8; A3 from 11 to 25 Oct is 12, 17, 18, 19, 20, 23, 24, 25 Oct
    // = 8 (the holidays do not count); the plan from 28 Nov to 7 Dec is 29, 30 Nov, 1, 4, 5,
    // 6, 7 Dec = 7.
    let slips: Vec<_> = status.activities.iter().map(|a| a.slip_days).collect();
    assert_eq!(&slips[..3], [Some(-1), Some(8), Some(8)]);
    assert_eq!(status.slip_days, Some(7));
    assert_eq!(status.baseline_end, Some(at("2023-11-28 12:00")));
    assert_eq!(status.late().collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
    // The week of Monday 9 Oct: 2 h logged on the 10th, 4 h more planned that day, 6 h on the
    // 11th, 6 h on the 12th; the 13th is a holiday: 2 + 4 + 6 + 6 = 18 h.
    assert_eq!(status.week.first, date("2023-10-09"));
    assert_eq!(status.week.logged, Hours::from_whole(2));
    assert_eq!(status.week.planned, Hours::from_whole(18));
}

#[test]
fn logged_days_carry_their_part_of_the_day() {
    let plan = tracked();
    let schedule = schedule_as_of(&plan, date("2023-10-10")).unwrap();
    let a2: Vec<_> = schedule.days_of(1).collect();
    let tenth = a2
        .iter()
        .find(|day| day.date == date("2023-10-10"))
        .unwrap();
    assert_eq!(
        (tenth.hours, tenth.logged),
        (Hours::from_whole(6), Hours::from_whole(2))
    );
    // 27 Sep was logged short: 4 h, all logged; the 28th was not worked at all.
    let short = a2
        .iter()
        .find(|day| day.date == date("2023-09-27"))
        .unwrap();
    assert_eq!(
        (short.hours, short.logged),
        (Hours::from_whole(4), Hours::from_whole(4))
    );
    assert!(a2.iter().all(|day| day.date != date("2023-09-28")));
}

/// Work logged after the date asked is work done: the plan is followed as of its last logged
/// day, never refused (a plan saved with a later `--as-of` must open again, issue 33).
#[test]
fn a_log_after_the_status_date_moves_the_status_date_to_it() {
    let plan = tracked();
    let asked = schedule_as_of(&plan, date("2023-10-09")).unwrap();
    assert_eq!(asked.as_of(), date("2023-10-10"));
    let last = schedule_as_of(&plan, date("2023-10-10")).unwrap();
    assert_eq!(asked.spans(), last.spans());
    assert_eq!(
        schedule_as_of(&plan, date("2023-10-12")).unwrap().as_of(),
        date("2023-10-12")
    );
}

#[test]
fn an_empty_log_schedules_as_an_untracked_plan_from_the_status_date() {
    let mut plan = seed();
    let untracked = schedule(&plan).unwrap();
    plan.log = Some(Vec::new());
    // Before the start, nothing moves.
    let early = schedule_as_of(&plan, date("2023-09-01")).unwrap();
    assert_eq!(early.spans(), untracked.spans());
    // A week in, the work not logged is gone: A1 starts on the status date.
    let late = schedule_as_of(&plan, date("2023-09-20")).unwrap();
    assert_eq!(late.spans()[0].start, at("2023-09-20 08:00"));
}
