//! Every subcommand of the real binary, on the repository's plan.

use assert_cmd::Command;
use predicates::prelude::*;

const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron");

fn cronograma() -> Command {
    Command::cargo_bin("cronograma").unwrap()
}

#[test]
fn check_prints_the_summary_and_every_activity() {
    cronograma()
        .args(["check", PLAN])
        .assert()
        .success()
        .stdout(predicate::str::contains("PPS MLOps"))
        .stdout(predicate::str::contains(
            "span:         2023-09-13 08:00 → 2023-11-28 12:00",
        ))
        .stdout(predicate::str::contains("total hours:  310"))
        .stdout(predicate::str::contains("working days: 52"))
        .stdout(predicate::str::contains(
            "A4  48 h  2023-10-12 08:00 → 2023-10-25 14:00",
        ));
}

#[test]
fn the_plan_defaults_to_plan_ron_in_the_current_folder() {
    cronograma()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "A7  58 h  2023-11-14 08:00 → 2023-11-28 12:00",
        ));
}

#[test]
fn cal_prints_month_grids_with_codes_and_without_colour_in_a_pipe() {
    let output = cronograma().args(["cal", PLAN]).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("Septiembre 2023") && text.contains("Noviembre 2023"));
    assert!(
        text.contains(" 41  9 A3 10 A3 11 A3 12 A4 13 F  14    15"),
        "{text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "no escape codes when not a terminal"
    );
    assert!(text.lines().all(|line| line.chars().count() <= 80));
}

#[test]
fn cal_sets_months_side_by_side_when_wide_and_colours_on_request() {
    let output = cronograma()
        .args(["cal", PLAN, "--width", "160", "--color", "always"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert!(
        first.contains("Septiembre 2023")
            && first.contains("Octubre 2023")
            && first.contains("Noviembre 2023")
    );
    assert!(text.contains('\u{1b}'));
}

#[test]
fn no_color_turns_automatic_colour_off() {
    cronograma()
        .args(["cal", PLAN])
        .env("NO_COLOR", "1")
        .assert()
        .success()
        .stdout(predicate::str::contains('\u{1b}').not());
}

#[test]
fn export_writes_each_format_to_stdout() {
    for (format, expected) in [
        ("md", "|41|9 (A3)|10 (A3)|11 (A3)|12 (A4)|13 (F)|14|15|"),
        ("json", "\"end\": \"2023-11-28T12:00\""),
        (
            "csv",
            "A7,Redacción de documentación e informe.,58,2023-11-14T08:00,2023-11-28T12:00,10",
        ),
    ] {
        cronograma()
            .args(["export", PLAN, "--format", format])
            .assert()
            .success()
            .stdout(predicate::str::contains(expected));
    }
}

#[test]
fn export_writes_to_a_file_with_dash_o() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.json");
    cronograma()
        .args(["export", PLAN, "-f", "json", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(json["working_days"], 52);
}

#[test]
fn every_subcommand_has_help() {
    for subcommand in ["check", "cal", "export"] {
        cronograma()
            .args([subcommand, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage: cronograma"))
            .stdout(predicate::str::contains("[PLAN]"));
    }
    cronograma()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("check").and(predicate::str::contains("export")));
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    cronograma()
        .args(["export", PLAN, "-f", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values: md, json, csv"));
}
