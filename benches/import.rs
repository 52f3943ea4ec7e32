//! What importing holidays costs, recurrence bombs among them (issue 26): an event from 1900
//! repeating every second or minute (refused before any expansion), daily from 1900, and daily
//! from year 1 with a COUNT of four billion (both expanded from the import's window only), next
//! to a real calendar of 2023–2027. Run with `cargo bench --bench import`.

use std::path::Path;

use chrono::NaiveDate;
use cronograma::import::holidays::holidays_from_ics;

fn main() {
    divan::main();
}

const FILES: [&str; 5] = [
    "bombs/from-1900-secondly.ics",
    "bombs/from-1900-minutely.ics",
    "bombs/from-1900-daily.ics",
    "bombs/from-year-1-counted.ics",
    "real/ar-feriados-2023-2027.ics",
];

#[divan::bench(args = FILES)]
fn a_year_of_holidays(bencher: divan::Bencher, file: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ics")
        .join(file);
    let bytes = std::fs::read(path).unwrap();
    let (from, to) = (
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    );
    bencher.bench(|| holidays_from_ics(divan::black_box(&bytes), &[], from, to).unwrap());
}

mod common;

/// An MS Project file of 10,000 tasks among 50 resources on MS Project's standard day (two
/// windows, a short Friday), with links: issue 34 asks under 1 s for the plan made of it.
#[divan::bench(sample_count = 5)]
fn ten_thousand_task_ms_project_file(bencher: divan::Bencher) {
    use cronograma::export::{Format, render};
    let plan = common::two_windows_a_day(10_000, 50, true);
    let schedule = cronograma::schedule::schedule(&plan).unwrap();
    let xml = render(Format::Mspdi, &plan, &schedule);
    bencher.bench(|| cronograma::import::mspdi::plan_from_mspdi(divan::black_box(&xml)).unwrap());
}

/// Issue 35: a pull of 5,000 busy events (a year of a full timetable and meetings, as a
/// calendar-query answers them) read into the plan, as far as it reaches: under 2 s.
#[divan::bench(sample_count = 5)]
fn a_pull_of_five_thousand_events(bencher: divan::Bencher) {
    use cronograma::import::pulled::{Answer, PulledCalendar, with_pulled};
    let plan = common::generated_plan(1_000, 5, false);
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
    let first = plan.start;
    for i in 0..5_000i64 {
        let day = (first + chrono::TimeDelta::days(i / 10)).format("%Y%m%d");
        let hour = 8 + i % 10;
        text.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:e{i}@bench\r\nDTSTART:{day}T{hour:02}0000Z\r\n\
             DURATION:PT50M\r\nSUMMARY:Event {}\r\nEND:VEVENT\r\n",
            i % 40
        ));
    }
    text.push_str("END:VCALENDAR\r\n");
    let calendars = [PulledCalendar {
        source: "https://h/u/busy/".into(),
        who: None,
        name: "busy".into(),
        answer: Answer::Events(text.into_bytes()),
    }];
    let utc = |moment: chrono::DateTime<chrono::Utc>| moment.naive_utc();
    bencher.bench(|| with_pulled(divan::black_box(&plan), &calendars, &utc).unwrap());
}
