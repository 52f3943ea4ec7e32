//! Speed per key press: the scheduler, validation, the undo copy of a plan, and frames (an edit's
//! recompute + draw, or a draw alone, into a 200×60 `TestBackend`), on the seed plan and on
//! generated plans of 10,000 activities (one person; or 50 people with random `after` links).
//! Run with `cargo bench --bench schedule`.

use std::path::Path;

use chrono::NaiveDate;
use cronograma::plan::{Plan, load_file};
use cronograma::schedule::schedule;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

use common::generated_plan;

fn main() {
    divan::main();
}

/// The day the untracked benchmarks run on (it changes nothing for them).
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 1).unwrap()
}

/// `plan` followed as planned until `entries` slots of work are logged: those slots become log
/// entries, with a baseline of the plan as it was. Returns the plan and its status date.
fn tracked(mut plan: Plan, entries: usize) -> (Plan, NaiveDate) {
    let before = schedule(&plan).unwrap();
    let mut worked: Vec<(NaiveDate, usize, cronograma::plan::Hours)> = (0..plan.activities.len())
        .flat_map(|index| {
            before
                .slots_of(index)
                .iter()
                .filter(|slot| !slot.hours.is_zero())
                .map(move |slot| (slot.date, index, slot.hours))
        })
        .collect();
    worked.sort_unstable_by_key(|(date, index, _)| (*date, *index));
    let as_of = worked[entries.min(worked.len()) - 1].0;
    let log = worked
        .iter()
        .filter(|(date, _, _)| *date <= as_of)
        .map(|(date, index, hours)| cronograma::plan::LogEntry {
            date: *date,
            code: plan.activities[*index].code.clone(),
            hours: *hours,
            note: None,
        })
        .collect();
    plan.baseline = Some(cronograma::status::baseline_of(&plan, &before, as_of));
    plan.log = Some(log);
    (plan, as_of)
}

/// The interactive view on `plan`, and a 200×60 test terminal to draw it in.
fn app_and_terminal(plan: Plan, today: NaiveDate) -> (cronograma::app::App, Terminal<TestBackend>) {
    let document = cronograma::plan::Document {
        plan,
        preamble: String::new(),
    };
    let app = cronograma::app::App::new(Path::new("bench.ron"), document, today).unwrap();
    (app, Terminal::new(TestBackend::new(200, 60)).unwrap())
}

/// Recompute and draw one frame, as the interactive view does after every key.
fn frame(bencher: divan::Bencher, plan: Plan) {
    frame_editing(bencher, plan, 0);
}

/// Recompute and draw one frame after an edit of activity `selected`: an edit late in the plan
/// keeps everything before it, so it costs less than one of the first activity.
fn frame_editing(bencher: divan::Bencher, plan: Plan, selected: usize) {
    frame_editing_on(bencher, plan, selected, today());
}

/// [`frame_editing`] with the view's today (a tracked plan's status date).
fn frame_editing_on(bencher: divan::Bencher, plan: Plan, selected: usize, today: NaiveDate) {
    use cronograma::app::Action;
    let (mut app, mut terminal) = app_and_terminal(plan, today);
    app.selected = selected;
    let mut step = 1;
    bencher.bench_local(|| {
        // An edit that changes the schedule: one hour more, then one less.
        app.apply(Action::ChangeHours(step));
        step = -step;
        terminal
            .draw(|frame| cronograma::ui::draw(frame, &app))
            .unwrap();
    });
}

/// Draw one frame of an unchanged plan: what scrolling and moving the cursor cost.
fn draw_only(bencher: divan::Bencher, plan: Plan) {
    let (app, mut terminal) = app_and_terminal(plan, today());
    bencher.bench_local(|| {
        terminal
            .draw(|frame| cronograma::ui::draw(frame, &app))
            .unwrap();
    });
}

#[divan::bench]
fn frame_seed(bencher: divan::Bencher) {
    let plan = load_file(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron")))
        .unwrap()
        .plan;
    frame(bencher, plan);
}

#[divan::bench]
fn frame_ten_thousand_activities(bencher: divan::Bencher) {
    frame(bencher, generated_plan(10_000, 1, false));
}

#[divan::bench]
fn seed(bencher: divan::Bencher) {
    let plan = load_file(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron")))
        .unwrap()
        .plan;
    bencher.bench(|| schedule(divan::black_box(&plan)).unwrap());
}

/// Issue 35: busy time may cost a frame at most a few milliseconds more.
#[divan::bench]
fn frame_ten_thousand_activities_with_busy_time(bencher: divan::Bencher) {
    frame(bencher, common::with_busy_time(10_000, 1, false));
}

#[divan::bench]
fn ten_thousand_activities(bencher: divan::Bencher) {
    let plan = generated_plan(10_000, 1, false);
    bencher.bench(|| schedule(divan::black_box(&plan)).unwrap());
}

#[divan::bench]
fn clone_ten_thousand(bencher: divan::Bencher) {
    let plan = generated_plan(10_000, 1, false);
    bencher.bench(|| divan::black_box(&plan).clone());
}

#[divan::bench]
fn validate_ten_thousand(bencher: divan::Bencher) {
    let plan = generated_plan(10_000, 1, false);
    bencher.bench(|| cronograma::plan::validate::check(divan::black_box(&plan)));
}

#[divan::bench]
fn draw_only_ten_thousand(bencher: divan::Bencher) {
    draw_only(bencher, generated_plan(10_000, 1, false));
}

#[divan::bench]
fn fifty_people_with_links(bencher: divan::Bencher) {
    let plan = generated_plan(10_000, 50, true);
    bencher.bench(|| schedule(divan::black_box(&plan)).unwrap());
}

#[divan::bench]
fn frame_fifty_people_with_links(bencher: divan::Bencher) {
    frame(bencher, generated_plan(10_000, 50, true));
}

/// The same on two windows a day (a lunch break) and a short Friday: issue 34 holds it to
/// within 3 ms of the one-window frame.
#[divan::bench]
fn frame_fifty_people_two_windows_a_day(bencher: divan::Bencher) {
    frame(bencher, common::two_windows_a_day(10_000, 50, true));
}

#[divan::bench]
fn fifty_people_two_windows_a_day(bencher: divan::Bencher) {
    let plan = common::two_windows_a_day(10_000, 50, true);
    bencher.bench(|| schedule(divan::black_box(&plan)).unwrap());
}

#[divan::bench]
fn frame_editing_the_last_of_fifty_people_with_links(bencher: divan::Bencher) {
    frame_editing(bencher, generated_plan(10_000, 50, true), 9_999);
}

/// A tracked plan: 10,000 activities, 50 people, links, 20,000 log entries and a baseline.
#[divan::bench]
fn frame_tracked_fifty_people_twenty_thousand_entries(bencher: divan::Bencher) {
    let (plan, as_of) = tracked(generated_plan(10_000, 50, true), 20_000);
    assert!(plan.log_entries().len() >= 20_000);
    frame_editing_on(bencher, plan, 9_999, as_of);
}

#[divan::bench]
fn draw_only_fifty_people_with_links(bencher: divan::Bencher) {
    draw_only(bencher, generated_plan(10_000, 50, true));
}

/// 10,000 activities, 50 people each on a calendar of their own (part time, other days, a
/// vacation): issue 12's target is under 10 ms.
#[divan::bench]
fn fifty_people_on_their_own_calendars(bencher: divan::Bencher) {
    use cronograma::plan::{Day, Holiday, Hours, Person};
    let mut plan = generated_plan(10_000, 50, true);
    plan.people = (0..50)
        .map(|i| Person {
            name: format!("P{i}").into(),
            hours_per_day: Some(Hours::from_whole(2 + i % 6)),
            day_start: None,
            windows: None,
            week: None,
            workdays: (i % 3 == 0).then(|| vec![Day::Mon, Day::Wed, Day::Fri]),
            holidays: vec![Holiday {
                date: plan.start + chrono::TimeDelta::days(i64::from(i) * 11),
                until: Some(plan.start + chrono::TimeDelta::days(i64::from(i) * 11 + 14)),
                name: None,
            }],
            exceptions: Vec::new(),
            busy: Vec::new(),
        })
        .collect();
    bencher.bench(|| schedule(divan::black_box(&plan)).unwrap());
}
