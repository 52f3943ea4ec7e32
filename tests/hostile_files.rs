//! Hostile file systems (issue 9, classes 1–4 and 7): what cronograma creates is never more
//! readable than the plan, only regular files are replaced, read-modify-writes never lose each
//! other's change, nothing is written that could not be loaded again, and no file kind hangs it.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use chrono::NaiveDate;
use cronograma::app::{Action, App, Mode, Question};
use cronograma::plan::{self, FileRole, Holiday, load_file};
use predicates::prelude::*;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron");

fn cronograma() -> Command {
    Command::cargo_bin("cronograma").unwrap()
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn private_seed() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::copy(SEED, &path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    (dir, path)
}

fn open(path: &Path) -> App {
    let today = NaiveDate::from_ymd_opt(2023, 10, 2).unwrap();
    App::new(path, load_file(path).unwrap(), today)
        .unwrap()
        .loaded_from(&fs::read_to_string(path).unwrap())
}

fn mkfifo(path: &Path) {
    let made = Process::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

#[test]
fn a_private_plan_makes_private_recovery_files_exports_and_recreations() {
    let (dir, path) = private_seed();
    let mut app = open(&path);
    app.apply(Action::ChangeHours(1));
    let recovery = app.write_recovery().unwrap().unwrap();
    assert_eq!(mode(&recovery), 0o600, "PLAN.recover");

    let out = dir.path().join("plan.json");
    cronograma()
        .args(["export", "-f", "json", "-o"])
        .arg(&out)
        .arg(&path)
        .assert()
        .success();
    assert_eq!(mode(&out), 0o600, "an export of a private plan");

    fs::remove_file(&path).unwrap();
    app.apply(Action::Save);
    assert!(!app.status.clone().unwrap().is_error, "{:?}", app.status);
    assert_eq!(
        mode(&path),
        0o600,
        "a plan deleted while open comes back private"
    );
}

#[test]
fn a_new_export_of_an_ordinary_plan_follows_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.csv");
    // The shell sets the umask of the program it starts.
    let status = Process::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 027 && exec '{}' export -f csv -o '{}' '{SEED}'",
            env!("CARGO_BIN_EXE_cronograma"),
            out.display()
        ))
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(mode(&out), 0o640);
}

#[test]
fn saving_as_root_keeps_the_owner_and_group() {
    let (dir, path) = private_seed();
    let messy = fs::read_to_string(&path).unwrap().replace("    ", "  ");
    fs::write(&path, messy).unwrap();
    if std::os::unix::fs::chown(&path, Some(4321), Some(4322)).is_err() {
        eprintln!("not root: giving a file away is not allowed, nothing to check");
        return;
    }
    cronograma().arg("fmt").arg(&path).assert().success();
    let meta = fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4321, 4322));
    assert_eq!(mode(&path), 0o600);
    drop(dir);
}

#[test]
fn only_regular_files_are_written_and_never_the_plan_itself() {
    let (dir, path) = private_seed();
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let hard = dir.path().join("hard.ron");
    fs::hard_link(&path, &hard).unwrap();
    let before = fs::read(&path).unwrap();
    let cases: [(&Path, &str); 6] = [
        (Path::new("/dev/null"), "a device, not a regular file"),
        (&fifo, "a FIFO, not a regular file"),
        (dir.path(), "a folder, not a regular file"),
        (&path, "that is the plan itself"),
        (&link, "that is the plan itself"),
        (&hard, "that is the plan itself"),
    ];
    for (output, message) in cases {
        cronograma()
            .args(["export", "-f", "json", "-o"])
            .arg(output)
            .arg(&path)
            .timeout(Duration::from_secs(10))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(
        fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo_like()
    );
}

trait FifoLike {
    fn is_fifo_like(&self) -> bool;
}

impl FifoLike for fs::FileType {
    fn is_fifo_like(&self) -> bool {
        std::os::unix::fs::FileTypeExt::is_fifo(self)
    }
}

#[test]
fn special_files_as_plans_or_calendars_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.ron");
    mkfifo(&fifo);
    let started = Instant::now();
    for args in [vec!["check"], vec!["fmt"], vec!["cal"]] {
        cronograma()
            .args(&args)
            .arg(&fifo)
            .timeout(Duration::from_secs(10))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("a FIFO, not a regular file"));
    }
    let (_seed_dir, plan) = private_seed();
    for calendar in [fifo.as_path(), Path::new("/dev/zero"), dir.path()] {
        cronograma()
            .args(["holidays", "import"])
            .arg(calendar)
            .arg(&plan)
            .timeout(Duration::from_secs(10))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("not a regular file"));
    }
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn concurrent_holiday_imports_all_land() {
    let (dir, path) = private_seed();
    let runs: Vec<_> = (0..10)
        .map(|day| {
            let ics = dir.path().join(format!("h{day}.ics"));
            let date = format!("202312{:02}", day + 10);
            fs::write(
                &ics,
                format!(
                    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:{date}\r\nSUMMARY:H{day}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
                ),
            )
            .unwrap();
            Process::new(env!("CARGO_BIN_EXE_cronograma"))
                .args(["holidays", "import"])
                .arg(&ics)
                .arg(&path)
                .output_in_background()
        })
        .collect();
    for run in runs {
        let output = run.wait_with_output().unwrap();
        assert!(output.status.success(), "{output:?}");
    }
    let holidays = load_file(&path).unwrap().plan.holidays;
    for day in 0..10 {
        let name = format!("H{day}");
        assert!(
            holidays
                .iter()
                .any(|holiday| holiday.name.as_deref() == Some(name.as_str())),
            "{name} was lost: {holidays:?}"
        );
    }
}

trait Background {
    fn output_in_background(&mut self) -> std::process::Child;
}

impl Background for Process {
    fn output_in_background(&mut self) -> std::process::Child {
        self.stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    }
}

#[test]
fn a_change_that_could_not_be_loaded_again_is_refused() {
    let (_dir, path) = private_seed();
    let before = fs::read(&path).unwrap();
    let mut document = load_file(&path).unwrap();
    let far = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
    document.plan.holidays.push(Holiday::on(far, None));
    let error = plan::save_file(&path, &document, FileRole::Plan { mode: 0o600 }).unwrap_err();
    assert!(
        error.to_string().contains("would not open again"),
        "{error}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);

    let mut document = load_file(&path).unwrap();
    let huge = "x".repeat(11 * 1024 * 1024);
    document
        .plan
        .holidays
        .push(Holiday::on(far.pred_opt().unwrap(), Some(huge)));
    let error = plan::save_file(&path, &document, FileRole::Plan { mode: 0o600 }).unwrap_err();
    assert!(error.to_string().contains("more than the"), "{error}");
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn garbage_on_disk_under_unsaved_edits_is_a_conflict() {
    let (_dir, path) = private_seed();
    let mut app = open(&path);
    app.apply(Action::ChangeHours(1));
    fs::write(&path, b"\xff\xfe not a plan \x00").unwrap();
    app.apply(Action::Save);
    assert_eq!(app.mode, Mode::Ask(Question::Overwrite));
    app.apply(Action::Cancel);
    assert_eq!(fs::read(&path).unwrap(), b"\xff\xfe not a plan \x00");
}

#[test]
fn a_plan_with_a_byte_order_mark_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fs::read(SEED).unwrap());
    fs::write(&path, bytes).unwrap();
    cronograma().arg("check").arg(&path).assert().success();
}

#[test]
fn fmt_keeps_a_block_comment_at_the_top() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let seed = fs::read_to_string(SEED).unwrap();
    let body = &seed[seed.find("Plan(").unwrap()..];
    let text = format!(
        "/* Plan de la PPS\n   revisado */\n{}",
        body.replace("    ", "  ")
    );
    fs::write(&path, &text).unwrap();
    cronograma().arg("fmt").arg(&path).assert().success();
    let written = fs::read_to_string(&path).unwrap();
    assert!(
        written.starts_with("/* Plan de la PPS\n   revisado */\nPlan(\n"),
        "{written}"
    );
}

#[test]
fn a_file_the_user_may_not_write_is_refused_even_in_a_writable_folder() {
    let is_root = Process::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout == b"0\n");
    let has_setpriv = Process::new("setpriv").arg("--version").output().is_ok();
    if !is_root || !has_setpriv {
        eprintln!("needs root and setpriv to act as another user: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let path = dir.path().join("plan.ron");
    let messy = fs::read_to_string(SEED).unwrap().replace("    ", "  ");
    fs::write(&path, &messy).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let output = Process::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_cronograma"))
        .arg("fmt")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Permission denied"), "{stderr}");
    assert_eq!(fs::read_to_string(&path).unwrap(), messy);
    assert_eq!(fs::metadata(&path).unwrap().uid(), 0, "still root's");
}

#[test]
fn the_view_saves_under_the_same_lock() {
    let (_dir, path) = private_seed();
    let mut app = open(&path);
    app.apply(Action::ChangeHours(1));
    let held = plan::PlanLock::acquire(&path).unwrap();
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        drop(held);
    });
    let started = Instant::now();
    app.apply(Action::Save);
    assert!(
        started.elapsed() >= Duration::from_millis(250),
        "it waited for the lock"
    );
    releaser.join().unwrap();
    assert!(!app.is_dirty(), "{:?}", app.status);
}

#[test]
fn the_view_refuses_a_fifo_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.ron");
    mkfifo(&fifo);
    cronograma()
        .arg(&fifo)
        .timeout(Duration::from_secs(10))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a FIFO, not a regular file"));
}

/// `fmt` on a plan path that is a loop of symbolic links is refused input (exit 2) like every
/// other path that names no plan, not a failure to write (exit 1); the links are left as they
/// were.
#[test]
fn fmt_of_a_loop_of_links_is_refused_input() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    for args in [vec!["fmt"], vec!["fmt", "--check"], vec!["done", "A1"]] {
        cronograma()
            .args(&args)
            .arg(&a)
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("cannot read the plan"));
    }
    assert_eq!(fs::read_link(&a).unwrap(), b);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "nothing created"
    );
}
