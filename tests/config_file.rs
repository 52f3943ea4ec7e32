//! The config file is read as carefully as a plan (issue 26, class 1): a FIFO, a device, a
//! folder, a huge file, a link to one of them, text that is not UTF-8 or does not parse, an
//! unknown theme, key or action — each is one warning naming the file (and the line and column
//! where there is one), never a hang or a silent default, and the command goes on.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron");

/// A config folder whose `cronograma/config.ron` `make` makes.
fn config_home(make: impl FnOnce(&Path)) -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("cronograma");
    std::fs::create_dir_all(&folder).unwrap();
    make(&folder.join("config.ron"));
    let path = home.path().to_owned();
    (home, path)
}

/// `check` of the seed with that config: it must end within seconds, succeed, print the
/// summary, and warn once on stderr; the warning is returned.
fn warning_of(home: &Path) -> String {
    let output = Command::cargo_bin("cronograma")
        .unwrap()
        .env("XDG_CONFIG_HOME", home)
        .args(["check", PLAN])
        .timeout(Duration::from_secs(10))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("PPS MLOps"));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one warning: {stderr}");
    assert!(stderr.starts_with("warning: "), "{stderr}");
    assert!(stderr.contains("config.ron"), "names the file: {stderr}");
    assert!(!stderr.contains('\u{1b}'), "escaped: {stderr:?}");
    stderr
}

/// Makes the config file.
type Make = dyn FnOnce(&Path);

#[test]
fn files_that_are_no_settings_file_are_warned_about_at_once() {
    let fifo = |path: &Path| {
        let status = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(status.success());
    };
    let cases: [(&str, Box<Make>); 6] = [
        ("a FIFO", Box::new(fifo)),
        (
            "a device",
            Box::new(|path| std::os::unix::fs::symlink("/dev/zero", path).unwrap()),
        ),
        (
            "a folder",
            Box::new(|path| std::fs::create_dir(path).unwrap()),
        ),
        (
            "larger than 65536 bytes",
            Box::new(|path| std::fs::write(path, format!("({})", " ".repeat(1 << 20))).unwrap()),
        ),
        (
            "line 2: the file is not UTF-8",
            Box::new(|path| std::fs::write(path, b"(\n theme: \"d\xe9\")").unwrap()),
        ),
        (
            "No such file",
            Box::new(|path| std::os::unix::fs::symlink("/nonexistent/config.ron", path).unwrap()),
        ),
    ];
    for (expected, make) in cases {
        let (_home, path) = config_home(make);
        let warning = warning_of(&path);
        assert!(warning.contains(expected), "{expected}: {warning}");
    }
}

#[test]
fn mistakes_in_the_settings_say_which_and_where() {
    for (text, expected) in [
        ("(colour: 1)", "config.ron:1:2: unknown field `colour`"),
        (
            "(theme: \"blue\")",
            "config.ron:1:10: theme: \"blue\" is not dark, light or auto",
        ),
        (
            "(keys: [(key: \"w\", does: \"next day\")])",
            "keys[0]: \"next day\" is not the name of something a key does",
        ),
        (
            "(keys: [(key: \"Ctrl+\", does: \"save\")])",
            "keys[0]: \"Ctrl+\" is not a key",
        ),
        (
            "(keys: [(key: \"u\", does: \"save\")])",
            "keys[0]: u already does \"undo\"",
        ),
        ("(theme: \"dark\"", "config.ron:1:"),
        ("(theme: \"\u{1b}]0;pwned\u{7}\")", "\\u{1b}]0;pwned\\u{7}"),
    ] {
        let (_home, path) = config_home(|file| std::fs::write(file, text).unwrap());
        let warning = warning_of(&path);
        assert!(warning.contains(expected), "{text}: {warning}");
    }
}

#[test]
fn no_file_and_a_good_file_say_nothing() {
    for text in [
        None,
        Some("(theme: \"light\", keys: [(key: \"w\", does: \"save\")])"),
    ] {
        let (_home, path) = config_home(|file| {
            if let Some(text) = text {
                std::fs::write(file, text).unwrap();
            }
        });
        Command::cargo_bin("cronograma")
            .unwrap()
            .env("XDG_CONFIG_HOME", &path)
            .args(["check", PLAN])
            .timeout(Duration::from_secs(10))
            .assert()
            .success()
            .stderr("");
    }
}
