//! Exports opened by real programs (issue 9, class 12). calcurse is Debian's `calcurse`
//! package; `.ci/run` installs it. Where it is missing the test says so and checks nothing
//! more than `tests/hostile_text.rs` already does.

use std::path::Path;
use std::process::Command as Process;

use cronograma::export::{Format, render};
use cronograma::plan::{load_file, parse};
use cronograma::schedule::schedule;

fn have(program: &str) -> bool {
    Process::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|output| output.status.success())
}

/// Imports `ics` into an empty calcurse and returns its report and its appointments file.
fn calcurse_import(ics: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.ics");
    std::fs::write(&file, ics).unwrap();
    let data = dir.path().join("calcurse");
    std::fs::create_dir(&data).unwrap();
    let output = Process::new("calcurse")
        .arg("-D")
        .arg(&data)
        .arg("-i")
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    let apts = std::fs::read_to_string(data.join("apts")).unwrap_or_default();
    (report, apts)
}

#[test]
fn calcurse_takes_every_event_of_the_seed_and_of_a_hostile_plan() {
    if !have("calcurse") {
        eprintln!("calcurse is not installed: skipped (apt-get install calcurse)");
        return;
    }
    let seed = load_file(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron"))).unwrap();
    let hostile = parse(
        "Plan(title: \"T\\u{1b}]0;x\\u{7}\\nBEGIN:VEVENT\", start: \"2024-03-04\", hours_per_day: 6, \
         holidays: [(date: \"2024-03-06\"), (date: \"2024-03-07\", name: \"a;b,c\\\\d\")], \
         activities: [(code: \"A\", name: \"x\\r\\u{0}y\", hours: 7), (code: \"M\", hours: 0)])",
        Path::new("hostile.ron"),
    )
    .unwrap();
    for document in [seed, hostile] {
        let plan = &document.plan;
        let schedule = schedule(plan).unwrap();
        let (report, apts) = calcurse_import(&render(Format::Ics, plan, &schedule));
        let appointments: usize = (0..plan.activities.len())
            .map(|index| schedule.slots_of(index).len())
            .sum();
        let expected = format!(
            "{appointments} apps / {} event{} / 0 todos / 0 skipped",
            plan.holidays.len(),
            if plan.holidays.len() == 1 { "" } else { "s" }
        );
        assert!(report.contains(&expected), "{expected} in {report}");
        // Milestones are instants; every event has a text.
        assert!(!apts.contains("|\n"), "{apts}");
    }
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
    let plan = load_file(path).unwrap().plan;
    let schedule = schedule(&plan).unwrap();
    let (report, apts) = calcurse_import(&render(Format::Ics, &plan, &schedule));
    let stretches: usize = (0..plan.activities.len())
        .flat_map(|index| schedule.slots_of(index))
        .map(|slot| schedule.slot_intervals(slot).len().max(1))
        .sum();
    assert!(
        report.contains(&format!("{stretches} apps / 1 event")),
        "{report}"
    );
    assert!(
        apts.contains("03/05/2024 @ 08:00 -> 03/05/2024 @ 12:00"),
        "{apts}"
    );
    assert!(
        apts.contains("03/05/2024 @ 13:00 -> 03/05/2024 @ 15:00"),
        "{apts}"
    );
    assert!(!apts.contains("@ 12:00 -> 03/05/2024 @ 13:00"), "{apts}");
}
