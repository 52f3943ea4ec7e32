//! Exports at 100,000 activities: every format must stay linear (issue 9 asks for under 2 s
//! each). The worst case for grouping by person is as many people as activities; a 400,000
//! character title is the worst case for line folding; links (`after`) are what the MS Project
//! and TaskJuggler exports write as predecessors. Run with `cargo bench --bench exports`.

mod common;

use common::generated_plan;
use cronograma::export::{Format, render};
use cronograma::plan::Plan;
use cronograma::schedule::{Schedule, schedule};

fn main() {
    divan::main();
}

const FORMATS: [Format; 8] = [
    Format::Md,
    Format::Json,
    Format::Csv,
    Format::Mermaid,
    Format::Tjp,
    Format::Mspdi,
    Format::Ics,
    Format::Svg,
];

fn hundred_thousand(people: usize) -> (Plan, Schedule) {
    hundred_thousand_linked(people, false)
}

fn hundred_thousand_linked(people: usize, linked: bool) -> (Plan, Schedule) {
    let mut plan = generated_plan(100_000, people, linked);
    plan.title_text = Some("t".repeat(400_000));
    let schedule = schedule(&plan).unwrap();
    (plan, schedule)
}

#[divan::bench(args = FORMATS, sample_count = 3)]
fn one_person(bencher: divan::Bencher, format: Format) {
    let (plan, schedule) = hundred_thousand(1);
    bencher.bench_local(|| render(format, divan::black_box(&plan), &schedule));
}

#[divan::bench(args = FORMATS, sample_count = 3)]
fn a_person_each(bencher: divan::Bencher, format: Format) {
    let (plan, schedule) = hundred_thousand(100_000);
    bencher.bench_local(|| render(format, divan::black_box(&plan), &schedule));
}

/// Every activity but the first waiting for an earlier one, shared among 50 people.
#[divan::bench(args = FORMATS, sample_count = 3)]
fn linked(bencher: divan::Bencher, format: Format) {
    let (plan, schedule) = hundred_thousand_linked(50, true);
    bencher.bench_local(|| render(format, divan::black_box(&plan), &schedule));
}

/// The same on MS Project's standard day and a short Friday: ICS writes an event per stretch,
/// JSON each day's intervals, MSPDI and tjp every window.
#[divan::bench(args = FORMATS, sample_count = 3)]
fn two_windows_a_day(bencher: divan::Bencher, format: Format) {
    let mut plan = common::two_windows_a_day(100_000, 50, true);
    plan.title_text = Some("t".repeat(400_000));
    let schedule = schedule(&plan).unwrap();
    bencher.bench_local(|| render(format, divan::black_box(&plan), &schedule));
}

/// What a save costs: the canonical text, and the check that it loads again.
#[divan::bench(sample_count = 3)]
fn save_text_and_round_trip(bencher: divan::Bencher) {
    let (plan, _) = hundred_thousand(100);
    let document = cronograma::plan::Document {
        plan,
        preamble: String::new(),
    };
    bencher.bench_local(|| {
        let text = cronograma::plan::write::to_ron(&document);
        cronograma::plan::parse(&text, std::path::Path::new("bench.ron")).unwrap()
    });
}

/// A tracked plan of 100,000 activities: 100,000 log entries, a baseline listed in reverse
/// (so no export may find an activity's baseline by its position), and `status` reports.
fn tracked_hundred_thousand() -> (Plan, Schedule) {
    let (mut plan, before) = hundred_thousand(100);
    let mut baseline = cronograma::status::baseline_of(&plan, &before, plan.start);
    baseline.activities.reverse();
    let as_of = plan.start + chrono::TimeDelta::days(400);
    plan.log = Some(
        (0..plan.activities.len())
            .flat_map(|index| {
                before
                    .slots_of(index)
                    .iter()
                    .filter(|slot| slot.date <= as_of && !slot.hours.is_zero())
                    .map(move |slot| (index, *slot))
            })
            .take(100_000)
            .map(|(index, slot)| cronograma::plan::LogEntry {
                date: slot.date,
                code: plan.activities[index].code.clone(),
                hours: slot.hours,
                note: None,
            })
            .collect(),
    );
    plan.baseline = Some(baseline);
    let schedule = cronograma::schedule::schedule_as_of(&plan, as_of).unwrap();
    (plan, schedule)
}

#[divan::bench(args = FORMATS, sample_count = 3)]
fn tracked(bencher: divan::Bencher, format: Format) {
    let (plan, schedule) = tracked_hundred_thousand();
    bencher.bench_local(|| render(format, divan::black_box(&plan), &schedule));
}

#[divan::bench(sample_count = 3)]
fn tracked_status_report(bencher: divan::Bencher) {
    let (plan, schedule) = tracked_hundred_thousand();
    bencher.bench_local(|| {
        let status = cronograma::status::Status::of(divan::black_box(&plan), &schedule).unwrap();
        cronograma::export::status::markdown(&plan, &schedule, &status)
    });
}

/// Issue 36: the workbook a tutor gets of 1,000 activities among four people over about three
/// years (under 2 s asked): its Gantt has a column per working day.
#[divan::bench(sample_count = 3)]
fn a_tutors_workbook(bencher: divan::Bencher) {
    let plan = generated_plan(1_000, 4, true);
    let schedule = schedule(&plan).unwrap();
    bencher.bench_local(|| cronograma::export::xlsx::render(divan::black_box(&plan), &schedule));
}

/// Issue 36: the printable report of the same plan (under 3 s asked): the Gantt tiled over as
/// many pages as it needs, fonts subset and embedded.
#[divan::bench(sample_count = 3)]
fn a_printable_report(bencher: divan::Bencher) {
    let plan = generated_plan(1_000, 4, true);
    let schedule = schedule(&plan).unwrap();
    bencher.bench_local(|| cronograma::export::pdf::render(divan::black_box(&plan), &schedule));
}
