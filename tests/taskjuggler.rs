//! The TaskJuggler export, scheduled by the real `tj3` (Debian package `tj3`; the test says it
//! skipped where it is missing): every shipped untracked plan, and generated plans with
//! people on their own calendars, days with their own hours and links, are scheduled by
//! TaskJuggler without a warning to the same start and end of every activity as cronograma.

use std::path::Path;
use std::process::Command;

use cronograma::export::{Format, render};
use cronograma::plan::{Plan, load_file, parse};
use cronograma::schedule::schedule;

/// What `tj3` says of `plan`'s export: each task's start and end (`2023-09-13 08:00`), in
/// order, or `None` when tj3 is not installed.
fn scheduled_by_taskjuggler(plan: &Plan) -> Option<Vec<(String, String)>> {
    Command::new("tj3").arg("--version").output().ok()?;
    let dir = tempfile::tempdir().unwrap();
    let mut project = render(Format::Tjp, plan, &schedule(plan).unwrap());
    project.push_str(
        "taskreport \"schedule\" {\n  formats csv\n  columns id, start, end\n  timeformat \"%Y-%m-%d %H:%M\"\n}\n",
    );
    let file = dir.path().join("plan.tjp");
    std::fs::write(&file, &project).unwrap();
    let output = Command::new("tj3")
        .args(["--no-color", "--output-dir"])
        .arg(dir.path())
        .arg(&file)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr).to_string()
        + &String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "tj3 failed:\n{said}\n{project}");
    assert!(
        !said.contains("Warning") && !said.contains("Error"),
        "tj3 warned:\n{said}\n{project}"
    );
    // The report is sorted its own way: tasks are matched by id, in the order the export
    // defines them (one per activity).
    let report = std::fs::read_to_string(dir.path().join("schedule.csv")).unwrap();
    let by_id: std::collections::HashMap<String, (String, String)> = report
        .lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split(';').map(|cell| cell.trim_matches('"')).collect();
            (
                cells[0].to_owned(),
                (cells[1].to_owned(), cells[2].to_owned()),
            )
        })
        .collect();
    let ids = project
        .lines()
        .filter_map(|line| line.strip_prefix("task "))
        .map(|rest| rest.split(' ').next().unwrap().to_owned());
    Some(ids.map(|id| by_id[&id].clone()).collect())
}

fn ours(plan: &Plan) -> Vec<(String, String)> {
    let format = |moment: chrono::NaiveDateTime| moment.format("%Y-%m-%d %H:%M").to_string();
    schedule(plan)
        .unwrap()
        .spans()
        .iter()
        .map(|span| (format(span.start), format(span.end)))
        .collect()
}

fn assert_same_schedule(name: &str, plan: &Plan) {
    let Some(theirs) = scheduled_by_taskjuggler(plan) else {
        eprintln!("skipped: tj3 is not installed (apt-get install tj3)");
        return;
    };
    let ours = ours(plan);
    for (index, (ours, theirs)) in ours.iter().zip(&theirs).enumerate() {
        assert_eq!(ours, theirs, "{name}: {}", plan.activities[index].code);
    }
    assert_eq!(ours.len(), theirs.len(), "{name}");
}

#[test]
fn every_shipped_plan_is_scheduled_by_taskjuggler_as_by_cronograma() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![root.join("plan.ron")];
    for entry in std::fs::read_dir(root.join("assets/examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|extension| extension == "ron") {
            paths.push(path);
        }
    }
    for path in paths {
        let plan = load_file(&path).unwrap().plan;
        if plan.is_tracked() {
            continue;
        }
        assert_same_schedule(&path.display().to_string(), &plan);
    }
}

/// People on their own hours, days and vacations; days of the plan's with their own hours;
/// links across people; fractional efforts that hand over mid-day.
#[test]
fn people_exceptions_and_links_are_scheduled_alike() {
    let text = include_str!("fixtures/plans/team.ron");
    let plan = parse(text, Path::new("team.ron")).unwrap().plan;
    assert_same_schedule("team", &plan);
}
