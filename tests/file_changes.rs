//! The interactive view and its file: changes by other programs, conflicts on save, reloads,
//! and the recovery file. Through `App::apply`, without a terminal.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;
use cronograma::app::{Action, App, Mode, Question};
use cronograma::plan::{parse_file, read_text};

const SEED: &str = include_str!("../plan.ron");

fn open(path: &Path) -> App {
    let text = read_text(path).unwrap();
    let today = NaiveDate::from_ymd_opt(2023, 10, 2).unwrap();
    let mut app = App::new(path, parse_file(&text, path).unwrap(), today)
        .unwrap()
        .loaded_from(&text);
    app.offer_recovery();
    app
}

fn seed_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, SEED).unwrap();
    (dir, path)
}

/// Another program's edit: seven hours a day instead of six, and a comment, so that the size
/// changes too (some file systems keep modification times only to the second).
fn edit_on_disk(path: &Path) {
    let text = fs::read_to_string(path).unwrap();
    let edited = text.replace("hours_per_day: 6,", "hours_per_day: 7,") + "// edited elsewhere\n";
    fs::write(path, edited).unwrap();
}

fn make_edit(app: &mut App) {
    app.apply(Action::ChangeHours(1));
    assert!(app.is_dirty());
}

#[test]
fn a_clean_plan_reloads_by_itself_when_the_file_changes() {
    let (_dir, path) = seed_file();
    let mut app = open(&path);
    app.apply(Action::CheckDisk);
    assert!(app.status.is_none(), "nothing changed yet");
    edit_on_disk(&path);
    app.apply(Action::CheckDisk);
    assert_eq!(
        app.plan().hours_per_day.unwrap_or_default().to_string(),
        "7"
    );
    assert!(!app.is_dirty());
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .ends_with("cambió en el disco: recargado")
    );
}

#[test]
fn an_invalid_change_on_disk_keeps_the_plan_on_screen_and_says_why() {
    let (_dir, path) = seed_file();
    let mut app = open(&path);
    fs::write(&path, "Plan(").unwrap();
    app.apply(Action::CheckDisk);
    let status = app.status.clone().unwrap();
    assert!(
        status.is_error && status.text.contains("no se puede usar"),
        "{status:?}"
    );
    assert_eq!(
        app.plan().hours_per_day.unwrap_or_default().to_string(),
        "6"
    );
}

#[test]
fn unsaved_edits_are_never_replaced_by_a_change_on_disk() {
    let (_dir, path) = seed_file();
    let mut app = open(&path);
    make_edit(&mut app);
    edit_on_disk(&path);
    app.apply(Action::CheckDisk);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("al guardar se pregunta")
    );
    assert_eq!(
        app.plan().hours_per_day.unwrap_or_default().to_string(),
        "6",
        "the edits stay"
    );
    assert!(app.is_dirty());
}

#[test]
fn saving_over_a_changed_file_asks_and_cancel_writes_nothing() {
    let (_dir, path) = seed_file();
    let mut app = open(&path);
    make_edit(&mut app);
    edit_on_disk(&path);
    let theirs = fs::read_to_string(&path).unwrap();
    app.apply(Action::Save);
    assert_eq!(app.mode, Mode::Ask(Question::Overwrite));
    app.apply(Action::Cancel);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
    assert!(app.is_dirty());
}

#[test]
fn overwrite_replaces_the_file_with_the_edits() {
    let (_dir, path) = seed_file();
    let mut app = open(&path);
    make_edit(&mut app);
    edit_on_disk(&path);
    app.apply(Action::Save);
    app.apply(Action::Overwrite);
    assert!(!app.is_dirty());
    let saved = fs::read_to_string(&path).unwrap();
    assert!(saved.contains("hours_per_day: 6,") && saved.contains("hours: 43"));
    // What was just written is known: saving again asks nothing.
    make_edit(&mut app);
    app.apply(Action::Save);
    assert_eq!(app.mode, Mode::Normal);
    assert!(!app.is_dirty());
}

#[test]
fn reload_drops_the_edits_only_after_confirmation() {
    let (_dir, path) = seed_file();
    let mut app = open(&path);
    make_edit(&mut app);
    edit_on_disk(&path);
    app.apply(Action::Save);
    app.apply(Action::Reload);
    assert_eq!(app.mode, Mode::Ask(Question::Reload));
    app.apply(Action::Cancel);
    assert!(app.is_dirty(), "cancel keeps the edits");
    app.apply(Action::Save);
    app.apply(Action::Reload);
    app.apply(Action::Confirm);
    assert!(!app.is_dirty());
    assert_eq!(
        app.plan().hours_per_day.unwrap_or_default().to_string(),
        "7"
    );
    app.apply(Action::Undo);
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "No hay nada para deshacer",
        "history starts afresh"
    );
}

#[test]
fn quitting_with_save_asks_about_a_conflict_and_quits_after_overwriting() {
    let (_dir, path) = seed_file();
    let mut app = open(&path);
    make_edit(&mut app);
    edit_on_disk(&path);
    app.apply(Action::Quit);
    app.apply(Action::Save);
    assert_eq!(app.mode, Mode::Ask(Question::Overwrite));
    assert!(!app.should_quit());
    app.apply(Action::Overwrite);
    assert!(app.should_quit());
}

#[test]
fn edits_written_for_recovery_are_offered_at_the_next_opening() {
    let (_dir, path) = seed_file();
    let mut app = open(&path);
    make_edit(&mut app);
    let recovery = app
        .write_recovery()
        .unwrap()
        .expect("there were unsaved edits");
    assert_eq!(recovery, path.with_file_name("plan.ron.recover"));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        SEED,
        "the plan itself is untouched"
    );

    let mut app = open(&path);
    assert!(matches!(app.mode, Mode::Ask(Question::Recover(_))));
    app.apply(Action::Confirm);
    assert!(app.is_dirty());
    assert_eq!(app.plan().activities[0].hours.to_string(), "43");
    app.apply(Action::Undo);
    assert_eq!(
        app.plan().activities[0].hours.to_string(),
        "42",
        "undo goes back to the file"
    );
    app.apply(Action::Redo);
    app.apply(Action::Save);
    assert!(!recovery.exists(), "a save supersedes the recovery file");
}

#[test]
fn a_recovery_file_can_be_deleted_or_kept_for_later() {
    let (_dir, path) = seed_file();
    let mut app = open(&path);
    make_edit(&mut app);
    let recovery = app.write_recovery().unwrap().unwrap();

    let mut later = open(&path);
    later.apply(Action::Cancel);
    assert_eq!(later.mode, Mode::Normal);
    assert!(recovery.exists());
    assert!(!later.is_dirty());

    let mut app = open(&path);
    app.apply(Action::Discard);
    assert!(!recovery.exists());
    assert!(matches!(open(&path).mode, Mode::Normal));
}

#[test]
fn an_older_recovery_file_is_not_offered_and_nothing_unsaved_writes_none() {
    let (_dir, path) = seed_file();
    let mut app = open(&path);
    assert_eq!(app.write_recovery().unwrap(), None);
    make_edit(&mut app);
    let recovery = app.write_recovery().unwrap().unwrap();
    let long_ago = SystemTime::now() - Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&recovery)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    assert!(matches!(open(&path).mode, Mode::Normal));
}

#[test]
fn recovered_edits_that_are_dropped_take_their_recovery_file_with_them() {
    let (_dir, path) = seed_file();
    let mut app = open(&path);
    make_edit(&mut app);
    let recovery = app.write_recovery().unwrap().unwrap();
    // The file is newer than the plan: the next session offers it.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut next = open(&path);
    fs::File::options()
        .write(true)
        .open(&recovery)
        .unwrap()
        .set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .unwrap();
    next.offer_recovery();
    assert!(
        matches!(next.mode, Mode::Ask(Question::Recover(_))),
        "{:?}",
        next.mode
    );
    next.apply(Action::Confirm);
    assert!(next.is_dirty());
    next.apply(Action::Quit);
    next.apply(Action::Discard);
    assert!(next.should_quit());
    assert!(
        !recovery.exists(),
        "recovered, then dropped: not offered again"
    );
}
