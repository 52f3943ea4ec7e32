//! What one command costs on 1,000 and 10,000 activities, phase by phase (issue 12 asks for a
//! whole `export --format json` of 1,000 activities in under 3 ms): reading the RON text,
//! checking it, scheduling, and rendering the JSON. The whole process adds start-up (about
//! 1 ms); measure that with `perf stat -r 200 target/release/cronograma export …`.
//! Run with `cargo bench --bench command`.

mod common;

use std::path::Path;

use common::generated_plan;
use cronograma::export::{Format, render};
use cronograma::plan::{Document, parse, validate, write};
use cronograma::schedule::schedule;

fn main() {
    divan::main();
}

const SIZES: [usize; 2] = [1_000, 10_000];

/// The canonical text of a generated plan of `count` activities, 50 people and links.
fn text_of(count: usize) -> String {
    let document = Document {
        plan: generated_plan(count, 50, true),
        preamble: String::new(),
    };
    write::to_ron(&document)
}

/// Reading and checking: what `check` does before it prints.
#[divan::bench(args = SIZES)]
fn parse_and_check(bencher: divan::Bencher, count: usize) {
    let text = text_of(count);
    bencher.bench_local(|| parse(divan::black_box(&text), Path::new("bench.ron")).unwrap());
}

/// The checks alone (part of [`parse_and_check`]).
#[divan::bench(args = SIZES)]
fn check_only(bencher: divan::Bencher, count: usize) {
    let plan = generated_plan(count, 50, true);
    bencher.bench_local(|| validate::check(divan::black_box(&plan)).unwrap());
}

#[divan::bench(args = SIZES)]
fn schedule_only(bencher: divan::Bencher, count: usize) {
    let plan = generated_plan(count, 50, true);
    bencher.bench_local(|| schedule(divan::black_box(&plan)).unwrap());
}

#[divan::bench(args = SIZES)]
fn json_only(bencher: divan::Bencher, count: usize) {
    let plan = generated_plan(count, 50, true);
    let schedule = schedule(&plan).unwrap();
    bencher.bench_local(|| render(Format::Json, divan::black_box(&plan), &schedule));
}

/// All of `export --format json` but start-up and writing: read, check, schedule, render.
#[divan::bench(args = SIZES)]
fn export_json(bencher: divan::Bencher, count: usize) {
    let text = text_of(count);
    bencher.bench_local(|| {
        let document = parse(divan::black_box(&text), Path::new("bench.ron")).unwrap();
        let schedule = schedule(&document.plan).unwrap();
        render(Format::Json, &document.plan, &schedule)
    });
}
