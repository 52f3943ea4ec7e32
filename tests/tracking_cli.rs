//! `log`, `done`, `baseline` and `status` through the real binary, in the plan's language.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron");
const TRACKED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/tracked.ron");

fn cronograma(folder: &Path) -> Command {
    let mut command = Command::cargo_bin("cronograma").unwrap();
    command.current_dir(folder).args(["--as-of", "2023-10-10"]);
    command
}

/// A folder with the seed plan as `plan.ron`, in Spanish or (rewritten) in English.
fn folder(english: bool) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    let mut text = fs::read_to_string(SEED).unwrap();
    if english {
        text = text.replace("locale: \"es\"", "locale: \"en\"");
    }
    fs::write(folder.path().join("plan.ron"), text).unwrap();
    folder
}

/// The story of the hand-worked example, typed as a student would type it.
fn follow_the_seed(folder: &Path) {
    cronograma(folder)
        .args(["--as-of", "2023-09-13", "baseline"])
        .assert()
        .success();
    for day in ["13", "14", "15", "18", "19", "20"] {
        cronograma(folder)
            .args(["log", "A1", "6", "--date", &format!("2023-09-{day}")])
            .assert()
            .success();
    }
    cronograma(folder).args(["done", "A1"]).assert().success();
    for (day, hours) in [
        ("21", "6"),
        ("22", "6"),
        ("25", "6"),
        ("26", "6"),
        ("27", "4"),
    ] {
        cronograma(folder)
            .args(["log", "A2", hours, "--date", &format!("2023-09-{day}")])
            .assert()
            .success();
    }
}

#[test]
fn a_student_logs_a_month_of_work_in_spanish() {
    let folder = folder(false);
    let dir = folder.path();
    cronograma(dir)
        .args(["log", "a2", "2", "--note", "biblioteca cerrada"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Seguimiento activado"))
        .stdout(predicate::str::contains(
            "A2: 2 h registradas el 2023-10-10",
        ));
    fs::write(dir.join("plan.ron"), fs::read_to_string(SEED).unwrap()).unwrap();
    follow_the_seed(dir);
    cronograma(dir)
        .args(["log", "A2", "2", "--note", "biblioteca cerrada"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "A2: 2 h registradas el 2023-10-10 · el plan termina el 2023-12-07 14:00 · 7 días hábiles de atraso",
        ));
    // The plan written is the shipped example, but for its title and comment.
    let written = fs::read_to_string(dir.join("plan.ron")).unwrap();
    let example = fs::read_to_string(TRACKED).unwrap();
    assert_eq!(
        written,
        example
            .replace(" (seguimiento)", "")
            .lines()
            .filter(|line| !line.starts_with("// The seed") && !line.starts_with("// started."))
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    );
    cronograma(dir)
        .arg("status")
        .assert()
        .success()
        .stdout(predicate::str::contains("Estado al 2023-10-10"))
        .stdout(predicate::str::contains("Avance: 21 % (66 h registradas, 238 h restantes)"))
        .stdout(predicate::str::contains("Fin en la línea base: 2023-11-28 12:00 (7 días hábiles de atraso)"))
        .stdout(predicate::str::contains("A2         en curso     30           12         2023-09-21 08:00  2023-10-12 10:00  +8"))
        .stdout(predicate::str::contains("Atrasadas respecto de la línea base: A2, A3, A4, A5, A6, A7"));
}

#[test]
fn the_same_in_english_with_a_markdown_report() {
    let folder = folder(true);
    let dir = folder.path();
    follow_the_seed(dir);
    cronograma(dir)
        .args(["done", "A2"])
        .assert()
        .success()
        .stdout(predicate::str::contains("A2: done · the plan ends"));
    cronograma(dir)
        .args(["done", "A2", "--undo"])
        .assert()
        .success()
        .stdout(predicate::str::contains("A2: not done any more"));
    cronograma(dir)
        .args(["log", "A2", "2"])
        .assert()
        .success()
        .stdout(predicate::str::contains("7 working days late"));
    let report = cronograma(dir)
        .args(["status", "--format", "md"])
        .output()
        .unwrap();
    let report = String::from_utf8(report.stdout).unwrap();
    assert!(
        report.starts_with(
            "## Status as of 2023-10-10\n\n- Progress: 21 % (66 h logged, 238 h remaining)\n"
        ),
        "{report}"
    );
    assert!(
        report.contains("- Week 41 (2023-10-09 to 2023-10-15): 18 h planned, 2 h logged\n"),
        "{report}"
    );
    assert!(report.contains("| Activity | State | Logged | Remaining | Start | End | Slip |\n"));
    // Each activity by its code and its name, for a tutor who does not know the codes.
    assert!(
        report.contains("| A1 · Búsqueda y revisión bibliográfica. Contextualización. | done | 36 | 0 | 2023-09-13 08:00 | 2023-09-20 14:00 | -1 |\n"),
        "{report}"
    );
    let json = cronograma(dir)
        .args(["status", "-f", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["slip_days"], 7);
    assert_eq!(json["activities"][1]["state"], "in_progress");
    assert_eq!(json["late"][0], "A2");
    // The md export gains the status section at the end.
    cronograma(dir)
        .args(["export", "-f", "md", "--status"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "|41|9|10 (A2)|11 (A2)|12 (A2, A3)|13 (H)|14|15|",
        ))
        .stdout(predicate::str::ends_with(
            "Late against the baseline: A2, A3, A4, A5, A6, A7\n",
        ));
}

#[test]
fn mistakes_are_refused_and_change_nothing() {
    let folder = folder(false);
    let dir = folder.path();
    follow_the_seed(dir);
    let before = fs::read(dir.join("plan.ron")).unwrap();
    let refused: [(&[&str], &str); 6] = [
        (
            &["log", "Z9", "2"],
            "ninguna actividad tiene el código \"Z9\" (los códigos son A1, A2",
        ),
        (
            &["log", "A2", "2", "--date", "2023-10-11"],
            "2023-10-11 es posterior a la fecha de estado, 2023-10-10",
        ),
        (&["log", "A2", "1.1"], "not a multiple of a quarter-hour"),
        (
            &["log", "A2", "20", "--date", "2023-09-27"],
            "log[10].hours: 20 horas desde las 08:00 terminan a las 28:00, después de la medianoche; \
             no se cambió nada\n  sugerencia: acorta el día o empiézalo antes",
        ),
        (
            &["done", "A3"],
            "A3 está terminada pero no tiene horas registradas",
        ),
        (
            &["baseline"],
            "el plan ya tiene una línea base, guardada el 2023-09-13; no se cambió nada\n  sugerencia: cronograma baseline --replace",
        ),
    ];
    for (args, message) in refused {
        cronograma(dir)
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
        assert_eq!(
            fs::read(dir.join("plan.ron")).unwrap(),
            before,
            "{args:?} changed the plan"
        );
    }
    // Asked as of a day before the last logged one: followed as of that day, and said.
    cronograma(dir)
        .args(["--as-of", "2023-09-26", "status"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Estado al 2023-09-27"))
        .stderr(predicate::str::contains(
            "Hay horas registradas hasta el 2023-09-27, después del 2023-09-26",
        ));
    cronograma(dir)
        .args(["baseline", "--replace"])
        .assert()
        .success();
    cronograma(dir)
        .args(["status", SEED])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "el plan todavía no tiene seguimiento",
        ));
}

#[test]
fn a_zero_takes_a_days_entry_away() {
    let folder = folder(false);
    let dir = folder.path();
    cronograma(dir)
        .args(["log", "A1", "3", "--date", "2023-09-13"])
        .assert()
        .success();
    cronograma(dir)
        .args(["log", "A1", "0", "--date", "2023-09-13"])
        .assert()
        .success();
    let text = fs::read_to_string(dir.join("plan.ron")).unwrap();
    assert!(text.contains("    log: [],\n"), "{text}");
}

/// A command with nothing to do leaves the plan byte for byte and its mtime as they were,
/// does not switch tracking on, and says so in the plan's language (issue 26, class 6).
#[test]
fn a_no_op_changes_nothing_and_says_so() {
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(946_684_800);
    let calendar = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ics/real/ar-feriados-2023-2027.ics"
    );
    for english in [false, true] {
        let folder = folder(english);
        let plan = folder.path().join("plan.ron");
        let said = if english {
            "nothing to change"
        } else {
            "nada que cambiar"
        };
        let untracked = folder.path().join("untracked.ron");
        fs::copy(&plan, &untracked).unwrap();
        // Set up what the no-ops find: A1 done, the country's holidays in, a baseline today.
        for setup in [
            vec!["log", "A1", "6", "--date", "2023-09-13"],
            vec!["done", "A1"],
            vec!["holidays", "import", calendar],
            vec!["baseline"],
        ] {
            cronograma(folder.path()).args(&setup).assert().success();
        }
        let cases: [(&[&str], &Path); 6] = [
            (
                &["log", "A1", "0", "--date", "2023-10-02", "untracked.ron"],
                &untracked,
            ),
            (&["log", "A1", "0", "--date", "2023-10-02"], &plan),
            (&["done", "A1"], &plan),
            (&["done", "A3", "--undo"], &plan),
            (&["baseline", "--replace"], &plan),
            (&["holidays", "import", calendar], &plan),
        ];
        for (args, path) in cases {
            let before = fs::read(path).unwrap();
            fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(old)
                .unwrap();
            let output = cronograma(folder.path()).args(args).output().unwrap();
            let stdout = String::from_utf8(output.stdout.clone()).unwrap();
            assert!(output.status.success(), "{args:?}: {output:?}");
            assert!(stdout.contains(said), "{args:?}: {stdout}");
            assert_eq!(fs::read(path).unwrap(), before, "{args:?} left the bytes");
            assert_eq!(
                fs::metadata(path).unwrap().modified().unwrap(),
                old,
                "{args:?} left the mtime"
            );
        }
        assert!(
            !fs::read_to_string(&untracked).unwrap().contains("log"),
            "tracking stays off"
        );
        // fmt of a canonical plan says so too; fmt --check stays quiet.
        Command::cargo_bin("cronograma")
            .unwrap()
            .arg("fmt")
            .arg(&untracked)
            .assert()
            .success()
            .stdout(predicate::str::contains(said));
        Command::cargo_bin("cronograma")
            .unwrap()
            .args(["fmt", "--check"])
            .arg(&untracked)
            .assert()
            .success()
            .stdout("");
    }
}

/// A tracked plan's activities replaced from a spreadsheet (`import FILE.csv --into PLAN`):
/// the plan is written with its log kept and reported as of its last logged day (as of its
/// start, a plan with a log cannot be scheduled: the import failed so). What a spreadsheet
/// does not carry, A1's `done`, stays.
#[test]
fn a_tracked_plans_activities_come_from_a_spreadsheet_with_its_log_kept() {
    let (folder, plan) = (tempfile::tempdir().unwrap(), Path::new("tracked.ron"));
    let rows = "A1,Búsqueda,42\nA2,Investigación,40\nA3,Diseño,42\n";
    into_the_tracked_plan(folder.path(), rows)
        .success()
        .stdout(predicate::str::contains("the activities of"))
        .stdout(predicate::str::contains(
            "(done and hours left of 1 kept from the plan)",
        ));
    let written = fs::read_to_string(folder.path().join(plan)).unwrap();
    assert!(
        written.contains("(code: \"A2\", name: \"Investigación\", hours: 40)"),
        "{written}"
    );
    assert!(
        written.contains("(code: \"A1\", name: \"Búsqueda\", hours: 42, done: true)"),
        "{written}"
    );
    assert!(
        written.contains(
            "(date: \"2023-10-10\", code: \"A2\", hours: 2, note: \"biblioteca cerrada\")"
        ),
        "{written}"
    );
}

/// A spreadsheet that leaves out an activity the plan logs hours for is refused: exit 2, the
/// code named, the plan untouched.
#[test]
fn a_spreadsheet_that_drops_a_logged_activity_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let before = fs::read(TRACKED).unwrap();
    into_the_tracked_plan(folder.path(), "A1,Búsqueda,42\nA3,Diseño,42\n")
        .code(2)
        .stderr(predicate::str::contains(
            "registra horas de A2, que la planilla no incluye",
        ))
        .stderr(predicate::str::contains("sugerencia: conserva su fila"));
    assert_eq!(fs::read(folder.path().join("tracked.ron")).unwrap(), before);
}

/// `import activities.csv --into tracked.ron` in `folder`: a copy of the tracked example and a
/// spreadsheet of `rows` under `code,name,hours`.
fn into_the_tracked_plan(folder: &Path, rows: &str) -> assert_cmd::assert::Assert {
    fs::copy(TRACKED, folder.join("tracked.ron")).unwrap();
    fs::write(
        folder.join("activities.csv"),
        format!("code,name,hours\n{rows}"),
    )
    .unwrap();
    cronograma(folder)
        .args(["import", "activities.csv", "--into", "tracked.ron"])
        .assert()
}

/// Hours logged with a later `--as-of` (the view's `L` or `log`) are saved; opened again
/// without it, the plan is followed as of its last logged day, said on stderr, and every
/// command works: a plan the program saved is never refused later (issue 33).
#[test]
fn a_plan_logged_ahead_of_today_still_opens_everywhere() {
    let folder = folder(false);
    let dir = folder.path();
    follow_the_seed(dir);
    let ahead = |args: &[&str]| {
        let mut command = Command::cargo_bin("cronograma").unwrap();
        command
            .current_dir(dir)
            .args(["--as-of", "2023-10-20"])
            .args(args);
        command.assert().success();
    };
    ahead(&["log", "A2", "3", "--date", "2023-10-19"]);
    for args in [
        vec!["check"],
        vec!["status"],
        vec!["cal"],
        vec!["export", "--format", "json"],
        vec!["export", "--format", "tjp"],
        vec!["export", "--format", "mspdi"],
    ] {
        cronograma(dir)
            .args(&args)
            .assert()
            .success()
            .stderr(predicate::str::contains(
                "nota: plan.ron: Hay horas registradas hasta el 2023-10-19, después del 2023-10-10",
            ));
    }
    cronograma(dir)
        .args(["export", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"as_of\": \"2023-10-19\""));
    // Logging a day up to the date asked still works on such a plan.
    cronograma(dir)
        .args(["log", "A2", "1", "--date", "2023-10-09"])
        .assert()
        .success();
}
