//! Saving can fail; the plan on disk must then be exactly as it was, and the message must say why.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use assert_cmd::Command;
use chrono::NaiveDate;
use cronograma::app::{Action, App};
use cronograma::plan::load_file;
use predicates::prelude::*;

/// Valid, but not canonical, so `fmt` has to write it.
const MESSY: &str = "Plan(start:\"2024-03-04\",hours_per_day:6,activities:[(code:\"A\",hours:4)])";

fn fmt(path: &Path) -> assert_cmd::assert::Assert {
    Command::cargo_bin("cronograma")
        .unwrap()
        .arg("fmt")
        .arg(path)
        .assert()
}

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_read_only_file_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, MESSY).unwrap();
    set_mode(&path, 0o444);
    fmt(&path)
        .code(1)
        .stderr(predicate::str::contains(
            "plan.ron: cannot save the plan: the file is read-only",
        ))
        .stderr(predicate::str::contains("the file on disk is unchanged"));
    assert_eq!(fs::read_to_string(&path).unwrap(), MESSY);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

#[test]
fn a_read_only_folder_is_not_written_into() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("locked");
    fs::create_dir(&folder).unwrap();
    let path = folder.join("plan.ron");
    fs::write(&path, MESSY).unwrap();
    set_mode(&folder, 0o555);
    let assert = fmt(&path);
    set_mode(&folder, 0o755);
    assert
        .code(1)
        .stderr(predicate::str::contains("locked is read-only"));
    assert_eq!(fs::read_to_string(&path).unwrap(), MESSY);
    assert_eq!(
        fs::read_dir(&folder).unwrap().count(),
        1,
        "no temporary left behind"
    );
}

#[test]
fn a_removed_folder_gives_an_error_in_the_status_line_and_keeps_the_edits() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("project");
    fs::create_dir(&folder).unwrap();
    let path = folder.join("plan.ron");
    fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron"), &path).unwrap();
    let today = NaiveDate::from_ymd_opt(2023, 10, 2).unwrap();
    let mut app = App::new(&path, load_file(&path).unwrap(), today).unwrap();
    app.apply(Action::ChangeHours(1));
    fs::remove_dir_all(&folder).unwrap();
    app.apply(Action::Save);
    let status = app.status.clone().unwrap();
    assert!(status.is_error, "{status:?}");
    assert!(
        status
            .text
            .contains("no se puede guardar el plan: No such file or directory"),
        "{status:?}"
    );
    assert!(
        app.is_dirty(),
        "the edits are still there to save elsewhere"
    );
}

#[test]
fn a_read_only_plan_in_the_interactive_view_says_so_and_stays_dirty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron"), &path).unwrap();
    let before = fs::read(&path).unwrap();
    set_mode(&path, 0o444);
    let today = NaiveDate::from_ymd_opt(2023, 10, 2).unwrap();
    let mut app = App::new(&path, load_file(&path).unwrap(), today).unwrap();
    app.apply(Action::ToggleHoliday);
    app.apply(Action::Confirm);
    app.apply(Action::Save);
    let status = app.status.clone().unwrap();
    assert!(
        status.is_error && status.text.contains("the file is read-only"),
        "{status:?}"
    );
    assert!(app.is_dirty());
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn an_export_into_a_missing_folder_names_the_cause() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gone").join("plan.json");
    Command::cargo_bin("cronograma")
        .unwrap()
        .args([
            "export",
            concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron"),
            "-f",
            "json",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "plan.json: no se puede escribir: No such file or directory",
        ));
}
