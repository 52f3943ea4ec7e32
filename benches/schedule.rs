//! Speed per key press: the scheduler, and one full frame (recompute + draw into a 200×60
//! `TestBackend`), on the seed plan and on a generated plan of 10,000 activities.
//! Run with `cargo bench --bench schedule`.

use std::path::Path;

use chrono::{NaiveDate, NaiveTime, TimeDelta};
use cronograma::plan::{Activity, Day, Holiday, Hours, Locale, Plan, load_file};
use cronograma::schedule::schedule;

fn main() {
    divan::main();
}

/// A large plan: `count` activities of 1 to 40 hours, 200 holidays over the years it spans.
pub fn generated_plan(count: usize) -> Plan {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    Plan {
        title_text: Some("generated".into()),
        locale: Locale::En,
        start,
        day_start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        hours_per_day: Hours::from_quarters(30),
        workdays: Day::WEEK.to_vec(),
        holidays: (0..200)
            .map(|i| Holiday {
                date: start + TimeDelta::days(i * 97),
                name: None,
            })
            .collect(),
        activities: (0..count)
            .map(|i| Activity {
                code: format!("T{i}").into(),
                name: format!("Task number {i}").into(),
                hours: Hours::from_quarters(4 + (i as u32 * 37) % 157),
            })
            .collect(),
        fallback_title: String::new(),
    }
}

/// Recompute and draw one frame, as the interactive view does after every key.
fn frame(bencher: divan::Bencher, plan: Plan) {
    use cronograma::app::{Action, App};
    use cronograma::plan::Document;
    let today = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    let document = Document {
        plan,
        preamble: String::new(),
    };
    let mut app = App::new(std::path::Path::new("bench.ron"), document, today).unwrap();
    let backend = ratatui::backend::TestBackend::new(200, 60);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
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

#[divan::bench]
fn frame_seed(bencher: divan::Bencher) {
    let plan = load_file(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron")))
        .unwrap()
        .plan;
    frame(bencher, plan);
}

#[divan::bench]
fn frame_ten_thousand_activities(bencher: divan::Bencher) {
    frame(bencher, generated_plan(10_000));
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
    let plan = generated_plan(10_000);
    bencher.bench(|| schedule(divan::black_box(&plan)).unwrap());
}

#[divan::bench]
fn clone_ten_thousand(bencher: divan::Bencher) {
    let plan = generated_plan(10_000);
    bencher.bench(|| divan::black_box(&plan).clone());
}

#[divan::bench]
fn validate_ten_thousand(bencher: divan::Bencher) {
    let plan = generated_plan(10_000);
    bencher.bench(|| cronograma::plan::validate::check(divan::black_box(&plan)));
}

#[divan::bench]
fn draw_only_ten_thousand(bencher: divan::Bencher) {
    use cronograma::app::App;
    use cronograma::plan::Document;
    let today = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    let document = Document {
        plan: generated_plan(10_000),
        preamble: String::new(),
    };
    let app = App::new(std::path::Path::new("bench.ron"), document, today).unwrap();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        terminal
            .draw(|frame| cronograma::ui::draw(frame, &app))
            .unwrap();
    });
}
