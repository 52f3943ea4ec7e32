//! Issue 35, item 6: the first sync of a year-long plan into an empty calendar of a real
//! server, Radicale, started on a free port of this machine (`pip install radicale`; where it
//! cannot be run, the bench says so and measures nothing). The server is the slow part: its
//! cost per new event grows with the events the calendar already holds, so what this measures
//! is mostly how many events the plan is sent as. Run with `cargo bench --bench sync`.

#[path = "../tests/common/mod.rs"]
mod common;

use common::servers::Radicale;
use cronograma::caldav::{Target, sync};
use cronograma::plan::{Plan, parse};
use cronograma::schedule::schedule;

fn main() {
    divan::main();
}

/// The year of four people (198 activities, 1,140 worked intervals): 213 events.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn first_sync_of_a_year(bencher: divan::Bencher) {
    first_sync(bencher, common::a_year_of_four_people());
}

/// The same year with a lunch break (08:00–12:00 and 13:00–17:00): 225 events, an
/// activity's afternoons riding in its mornings' series.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn first_sync_of_a_year_with_a_lunch_break(bencher: divan::Bencher) {
    let text = common::a_year_of_four_people_ron().replace(
        "windows: [\"08:00-14:00\"]",
        "windows: [\"08:00-12:00\", \"13:00-17:00\"]",
    );
    first_sync(bencher, parse(&text, "year.ron".as_ref()).unwrap().plan);
}

/// Times syncing `plan` into a new, empty calendar each time.
fn first_sync(bencher: divan::Bencher, plan: Plan) {
    let Some(server) = Radicale::start() else {
        eprintln!("skipped: Radicale cannot be run (pip install radicale)");
        return;
    };
    let schedule = schedule(&plan).unwrap();
    let mut made = 0;
    bencher
        .with_inputs(|| {
            made += 1;
            server.calendar(&format!("year{made}"))
        })
        .bench_local_values(|url| {
            let target = Target {
                url,
                credentials: None,
                insecure: false,
                holidays_url: None,
                busy: None,
            };
            sync(&target, &plan, &schedule, &|| false, &mut |_, _| {}).unwrap()
        });
}
