//! Speed per key press: the scheduler, validation, the undo copy of a plan, and frames (an edit's
//! recompute + draw, or a draw alone, into a 200×60 `TestBackend`), on the seed plan and on
//! generated plans of 10,000 activities (one person; or 50 people with random `after` links).
//! Run with `cargo bench --bench schedule`.

use std::path::Path;

use chrono::{NaiveDate, NaiveTime, TimeDelta};
use cronograma::plan::{Activity, Day, Holiday, Hours, Locale, Plan, load_file};
use cronograma::schedule::schedule;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

/// A large plan: `count` activities of 1 to 40 hours shared among `people`, each but the first
/// few waiting (`after`) for an earlier activity when `linked`, and 200 holidays.
pub fn generated_plan(count: usize, people: usize, linked: bool) -> Plan {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    // A fixed xorshift sequence: "random" links that are the same in every run.
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move |bound: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % bound.max(1) as u64) as usize
    };
    Plan {
        title_text: Some("generated".into()),
        locale: Locale::En,
        start,
        day_start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        hours_per_day: Hours::from_quarters(30),
        workdays: Day::WEEK.to_vec(),
        holidays: (0..200)
            .map(|i| Holiday::on(start + TimeDelta::days(i * 97), None))
            .collect(),
        activities: (0..count)
            .map(|i| Activity {
                code: format!("T{i}").into(),
                name: format!("Task number {i}").into(),
                hours: Hours::from_quarters(4 + (i as u32 * 37) % 157),
                who: format!("P{}", i % people).into(),
                after: if linked && i > 0 {
                    vec![format!("T{}", next(i)).into()]
                } else {
                    Vec::new()
                },
                ..Activity::default()
            })
            .collect(),
        ..Plan::default()
    }
}

/// The interactive view on `plan`, and a 200×60 test terminal to draw it in.
fn app_and_terminal(plan: Plan) -> (cronograma::app::App, Terminal<TestBackend>) {
    let today = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    let document = cronograma::plan::Document {
        plan,
        preamble: String::new(),
    };
    let app = cronograma::app::App::new(Path::new("bench.ron"), document, today).unwrap();
    (app, Terminal::new(TestBackend::new(200, 60)).unwrap())
}

/// Recompute and draw one frame, as the interactive view does after every key.
fn frame(bencher: divan::Bencher, plan: Plan) {
    use cronograma::app::Action;
    let (mut app, mut terminal) = app_and_terminal(plan);
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
    let (app, mut terminal) = app_and_terminal(plan);
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

#[divan::bench]
fn draw_only_fifty_people_with_links(bencher: divan::Bencher) {
    draw_only(bencher, generated_plan(10_000, 50, true));
}
