//! Starting from the document the user already has (issue 10): `import DOC.md`, `check --doc`,
//! `export --into`, activities from a spreadsheet, and `new`, through the real binary.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use cronograma::plan::load_file;
use cronograma::schedule::schedule;
use predicates::prelude::*;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn cronograma() -> Command {
    Command::cargo_bin("cronograma").unwrap()
}

fn root(path: &str) -> PathBuf {
    Path::new(ROOT).join(path)
}

/// A writable copy of `file` in a new folder.
fn copy(file: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let name = Path::new(file).file_name().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, fs::read(root(file)).unwrap()).unwrap();
    (dir, path)
}

fn spans(plan: &Path) -> Vec<(String, String)> {
    let plan = load_file(plan).unwrap().plan;
    let schedule = schedule(&plan).unwrap();
    schedule
        .spans()
        .iter()
        .map(|span| (span.start.to_string(), span.end.to_string()))
        .collect()
}

/// `cronograma import SOURCE -o PLAN`, which must succeed.
fn import(source: &Path, plan: &Path) -> assert_cmd::assert::Assert {
    cronograma()
        .arg("import")
        .arg(source)
        .arg("-o")
        .arg(plan)
        .assert()
        .success()
}

/// The plan's (start, end) of every activity are `expected`.
fn assert_spans(plan: &Path, expected: &[(&str, &str)]) {
    let spans = spans(plan);
    let spans: Vec<(&str, &str)> = spans
        .iter()
        .map(|(start, end)| (start.as_str(), end.as_str()))
        .collect();
    assert_eq!(spans, expected);
}

#[test]
fn the_seed_document_imports_to_the_schedule_of_plan_ron() {
    let (dir, doc) = copy("tests/fixtures/seed.md");
    let plan = dir.path().join("pps.ron");
    import(&doc, &plan)
        .stdout(predicate::str::contains("Se creó"))
        .stdout(predicate::str::contains("2023-11-28 12:00"));
    assert_eq!(spans(&plan), spans(&root("plan.ron")));
    let imported = load_file(&plan).unwrap().plan;
    let original = load_file(&root("plan.ron")).unwrap().plan;
    let days = |plan: &cronograma::plan::Plan| -> Vec<String> {
        plan.holidays.iter().map(|h| h.date.to_string()).collect()
    };
    assert_eq!(days(&imported), days(&original));
    assert_eq!(
        (imported.title(), imported.locale),
        ("PPS MLOps", original.locale)
    );
    // Importing again does not replace the plan without --force.
    cronograma()
        .arg("import")
        .arg(&doc)
        .arg("-o")
        .arg(&plan)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("exists already; give --force"));
    cronograma()
        .args(["import", "--force"])
        .arg(&doc)
        .arg("-o")
        .arg(&plan)
        .assert()
        .success();
}

#[test]
fn the_seed_agrees_with_its_tables_and_export_into_changes_no_byte() {
    let (_dir, doc) = copy("tests/fixtures/seed.md");
    for plan in [None, Some(root("plan.ron"))] {
        cronograma()
            .args(["check", "--doc"])
            .arg(&doc)
            .args(plan.iter())
            .assert()
            .success()
            .stdout(predicate::str::contains(
                "las 3 tablas de meses (91 días) coinciden con el cronograma",
            ));
    }
    cronograma()
        .arg("export")
        .arg(root("plan.ron"))
        .args(["--format", "md", "--into"])
        .arg(&doc)
        .assert()
        .success()
        .stdout(predicate::str::contains("ya está al día"));
    assert_eq!(
        fs::read(&doc).unwrap(),
        fs::read(root("tests/fixtures/seed.md")).unwrap()
    );
}

#[test]
fn a_cell_changed_by_hand_is_the_one_difference_found() {
    let (_dir, doc) = copy("tests/fixtures/seed.md");
    let text = fs::read_to_string(&doc).unwrap();
    fs::write(
        &doc,
        text.replace("|42|16 (F)|17 (A4)|", "|42|16 (F)|17 (F)|"),
    )
    .unwrap();
    cronograma()
        .args(["check", "--doc"])
        .arg(&doc)
        .arg(root("plan.ron"))
        .assert()
        .code(1)
        .stdout(predicate::str::diff(format!(
            "{}:48: Octubre 2023, semana 42, Mar 17: el documento dice (F), el cronograma dice (A4)\n",
            doc.display()
        )))
        .stderr(predicate::str::contains(
            "1 celda de las tablas difiere del cronograma",
        ));
}

/// The seed's plan with a holiday on 12 October: only the rows whose cells move change.
#[test]
fn a_new_holiday_rewrites_only_the_rows_that_change() {
    let (dir, doc) = copy("tests/fixtures/seed.md");
    let plan = dir.path().join("plan.ron");
    let text = fs::read_to_string(root("plan.ron")).unwrap().replace(
        "        (date: \"2023-10-13\"",
        "        (date: \"2023-10-12\", name: \"Paro\"),\n        (date: \"2023-10-13\"",
    );
    fs::write(&plan, text).unwrap();
    cronograma()
        .arg("export")
        .arg(&plan)
        .args(["-f", "md", "--into"])
        .arg(&doc)
        .assert()
        .success()
        .stdout(predicate::str::contains("5 líneas escritas, 5 quitadas"));
    let before = fs::read_to_string(root("tests/fixtures/seed.md")).unwrap();
    let after = fs::read_to_string(&doc).unwrap();
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed,
        [
            (
                "|41|9 (A3)|10 (A3)|11 (A3)|12 (A4)|13 (F)|14|15|",
                "|41|9 (A3)|10 (A3)|11 (A3)|12 (F)|13 (F)|14|15|"
            ),
            (
                "|43|23 (A4)|24 (A4)|25 (A4)|26 (A5)|27 (A5)|28|29|",
                "|43|23 (A4)|24 (A4)|25 (A4)|26 (A4)|27 (A5)|28|29|"
            ),
            (
                "|45|6 (A6)|7 (A6)|8 (A6)|9 (A6)|10 (A6)|11|12|",
                "|45|6 (A5)|7 (A6)|8 (A6)|9 (A6)|10 (A6)|11|12|"
            ),
            (
                "|46|13 (A6)|14 (A7)|15 (A7)|16 (A7)|17 (A7)|18|19|",
                "|46|13 (A6)|14 (A6)|15 (A7)|16 (A7)|17 (A7)|18|19|"
            ),
            (
                "|48|27 (A7)|28 (A7)|29|30|1|2|3|",
                "|48|27 (A7)|28 (A7)|29 (A7)|30|1|2|3|"
            ),
        ]
    );
    assert_eq!(before.lines().count(), after.lines().count());
    cronograma()
        .args(["check", "--doc"])
        .arg(&doc)
        .arg(&plan)
        .assert()
        .success();
}

#[test]
fn months_gained_and_lost_get_and_lose_their_tables_and_line_ends_stay() {
    let (dir, doc) = copy("tests/fixtures/seed.md");
    // The document with Windows line ends.
    let crlf = fs::read_to_string(&doc).unwrap().replace('\n', "\r\n");
    fs::write(&doc, &crlf).unwrap();
    let longer = dir.path().join("longer.ron");
    let seed = fs::read_to_string(root("plan.ron")).unwrap();
    fs::write(&longer, seed.replace("hours: 58)", "hours: 90)")).unwrap();
    cronograma()
        .arg("export")
        .arg(&longer)
        .args(["-f", "md", "--into"])
        .arg(&doc)
        .assert()
        .success();
    let text = fs::read_to_string(&doc).unwrap();
    assert!(
        text.contains("### Diciembre 2023\r\n\r\n|Week|Mon|Tue|Wed|Thu|Fri|Sat|Sun|\r\n"),
        "{text}"
    );
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line keeps CRLF"
    );
    assert!(text.contains("*Duración: 90 horas.*"));
    cronograma()
        .args(["check", "--doc"])
        .arg(&doc)
        .arg(&longer)
        .assert()
        .success();
    // Half the work: November and December go.
    let shorter = dir.path().join("shorter.ron");
    fs::write(
        &shorter,
        seed.replace("hours: 58)", "hours: 1)")
            .replace("hours: 36)", "hours: 1)")
            .replace("hours: 42)", "hours: 6)"),
    )
    .unwrap();
    cronograma()
        .arg("export")
        .arg(&shorter)
        .args(["-f", "md", "--into"])
        .arg(&doc)
        .assert()
        .success();
    let text = fs::read_to_string(&doc).unwrap();
    assert!(
        !text.contains("Noviembre")
            && !text.contains("Diciembre")
            && !text.contains("Octubre 2023"),
        "{text}"
    );
    assert!(text.contains("### Septiembre 2023"));
    assert!(
        text.starts_with("# PPS MLOps\r\n\r\n## Plan de Trabajo\r\n"),
        "prose stays"
    );
    cronograma()
        .args(["check", "--doc"])
        .arg(&doc)
        .arg(&shorter)
        .assert()
        .success();
}

#[test]
fn an_added_activity_keeps_the_other_items_as_written() {
    let (dir, doc) = copy("tests/fixtures/seed.md");
    let plan = dir.path().join("plan.ron");
    let seed = fs::read_to_string(root("plan.ron")).unwrap();
    fs::write(
        &plan,
        seed.replace(
            "        (code: \"A7\"",
            "        (code: \"A8\", name: \"Extra\", hours: 6),\n        (code: \"A7\"",
        ),
    )
    .unwrap();
    cronograma()
        .arg("export")
        .arg(&plan)
        .args(["-f", "md", "--into"])
        .arg(&doc)
        .assert()
        .success();
    let text = fs::read_to_string(&doc).unwrap();
    // The seed's own spacing (`Kubeflow .`, two spaces after A2) stays where nothing changed.
    assert!(text.contains("* **Actividad Nº2 (A2):**  Investigación"));
    assert!(text.contains("basada en Kubeflow . *Duración: 42 horas.*"));
    assert!(text.contains(
        "* **Actividad Nº7 (A8):** Extra *Duración: 6 horas.*\n\n* **Actividad Nº8 (A7):**"
    ));
}

/// (start, end) of every activity, worked out by hand in the comments.
#[test]
fn the_english_example_document() {
    let (dir, doc) = copy("assets/examples/internship-en.md");
    let plan = dir.path().join("internship.ron");
    import(&doc, &plan);
    let expected = [
        // 4 h a day from 09:00; R1 10 h: Mar 4, 5, and 2 h of the 6th.
        ("2024-03-04 09:00:00", "2024-03-06 11:00:00"),
        // R2 22 h: 2 h on the 6th, then 7, 8, 11, 12, 13 March.
        ("2024-03-06 11:00:00", "2024-03-13 13:00:00"),
        // R3 40 h: ten days from the 14th.
        ("2024-03-14 09:00:00", "2024-03-27 13:00:00"),
        // R4 8 h: the 28th, Good Friday (29th) off, 1 April.
        ("2024-03-28 09:00:00", "2024-04-01 13:00:00"),
    ];
    assert_spans(&plan, &expected);
    assert_eq!(
        load_file(&plan).unwrap().plan.locale,
        cronograma::plan::Locale::EN
    );
    cronograma()
        .args(["check", "--doc"])
        .arg(&doc)
        .assert()
        .success();
    cronograma()
        .arg("export")
        .arg(&plan)
        .args(["-f", "md", "--into"])
        .arg(&doc)
        .assert()
        .success();
    assert_eq!(
        fs::read(&doc).unwrap(),
        fs::read(root("assets/examples/internship-en.md")).unwrap()
    );
    assert_spans(&root("assets/examples/internship-en.ron"), &expected);
}

#[test]
fn the_spanish_example_with_a_two_week_break_and_quarter_hours() {
    let (dir, doc) = copy("assets/examples/tesis-receso.md");
    let plan = dir.path().join("tesis.ron");
    import(&doc, &plan);
    let imported = load_file(&plan).unwrap().plan;
    let holidays: Vec<String> = imported
        .holidays
        .iter()
        .map(|h| format!("{}..{}", h.date, h.last_day()))
        .collect();
    // The break, marked day by day (weekend too), is one range again.
    assert_eq!(
        holidays,
        ["2024-07-09..2024-07-09", "2024-07-15..2024-07-26"]
    );
    let expected = [
        // 7.5 h a day from 08:30: three days.
        ("2024-07-01 08:30:00", "2024-07-03 16:00:00"),
        // 30 h: 4, 5, 8 July, the 9th off, the 10th.
        ("2024-07-04 08:30:00", "2024-07-10 16:00:00"),
        // 41.25 h: 11, 12, the break, 29, 30, 31 July (37.5 h), 3.75 h of 1 August.
        ("2024-07-11 08:30:00", "2024-08-01 12:15:00"),
        // 20 h: 3.75 h on 1 August, 2 and 5 August (18.75), 1.25 h of the 6th.
        ("2024-08-01 12:15:00", "2024-08-06 09:45:00"),
    ];
    assert_spans(&plan, &expected);
    cronograma()
        .args(["check", "--doc"])
        .arg(&doc)
        .arg(&plan)
        .assert()
        .success();
    cronograma()
        .arg("export")
        .arg(&plan)
        .args(["-f", "md", "--into"])
        .arg(&doc)
        .assert()
        .success();
    assert_eq!(
        fs::read(&doc).unwrap(),
        fs::read(root("assets/examples/tesis-receso.md")).unwrap()
    );
}

#[test]
fn the_csv_export_reads_back_to_the_same_activities() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("activities.csv");
    let plan = root("assets/examples/thesis-two-people.ron");
    cronograma()
        .arg("export")
        .arg(&plan)
        .args(["-f", "csv", "-o"])
        .arg(&csv)
        .assert()
        .success();
    let made = dir.path().join("from-csv.ron");
    import(&csv, &made);
    let original = load_file(&plan).unwrap().plan.activities;
    assert_eq!(load_file(&made).unwrap().plan.activities, original);
    // --into: the seed's plan takes these activities and keeps its own calendar.
    let (_seed_dir, seed) = copy("plan.ron");
    cronograma()
        .arg("import")
        .arg(&csv)
        .arg("--into")
        .arg(&seed)
        .assert()
        .success();
    let changed = load_file(&seed).unwrap().plan;
    assert_eq!(changed.activities, original);
    assert_eq!(changed.holidays.len(), 3);
}

#[test]
fn new_takes_flags_or_defaults_and_never_replaces_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tesis.ron");
    cronograma()
        .arg("new")
        .arg(&path)
        .args([
            "--title",
            "Mi tesis",
            "--start",
            "2024-03-04",
            "--hours-per-day",
            "6",
        ])
        .args([
            "--day-start",
            "08:00",
            "--workdays",
            "lun-jue",
            "--locale",
            "es",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Se creó"));
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("// Plan de cronograma. README.md"),
        "{text}"
    );
    let plan = load_file(&path).unwrap().plan;
    assert_eq!(plan.title(), "Mi tesis");
    assert_eq!(plan.workdays.len(), 4);
    assert_eq!(
        cronograma::plan::write::to_ron(&load_file(&path).unwrap()),
        text,
        "canonical"
    );
    cronograma()
        .arg("new")
        .arg(&path)
        .arg("--yes")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("exists already"));
    let other = dir.path().join("other.ron");
    cronograma()
        .arg("new")
        .arg(&other)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no terminal to ask on"));
    cronograma()
        .arg("new")
        .arg(&other)
        .arg("--yes")
        .assert()
        .success();
    assert_eq!(load_file(&other).unwrap().plan.activities.len(), 1);
}

/// Malformed documents and spreadsheets: each is refused (or warned about) with its line, and
/// nothing is written when nothing could be read.
#[test]
fn malformed_documents_and_spreadsheets_say_what_and_where() {
    let item = "* **Actividad Nº1 (A1):** Leer *Duración: 8 horas.*\n";
    let start = "Del 4 de Marzo del 2024 con 8 horas diarias en la franja horaria de 9 a 17 hs.\n";
    // (file name, content, exit code, what stderr says)
    let cases: Vec<(&str, String, i32, &str)> = vec![
        ("empty.md", String::new(), 2, "no activity could be read"),
        (
            "prose.md",
            "# Title\n\nJust words.\n".into(),
            2,
            "no activity could be read",
        ),
        (
            "no-hours.md",
            format!("{start}* **Actividad Nº1 (A1):** Leer\n"),
            2,
            "empty.md"
                .replace("empty.md", "no-hours.md:2: activity: no `Duración")
                .leak(),
        ),
        (
            "bad-hours.md",
            format!("{start}* **Actividad Nº1 (A1):** Leer *Duración: muchas horas.*\n{item}"),
            0,
            ":2: activity: \"muchas\" is not a number of hours",
        ),
        (
            "no-code.md",
            format!("{start}* **Actividad Nº1:** Leer *Duración: 8 horas.*\n{item}"),
            0,
            ":2: activity: no code in parentheses",
        ),
        (
            "bad-date.md",
            format!("Del 31 de Febrero del 2024 con 8 horas diarias.\n{item}"),
            0,
            ":1: start sentence: 31/2/2024 is not a day",
        ),
        (
            "bad-window.md",
            format!("Del 4 de Marzo del 2024 con 8 horas diarias de 9 a 13 hs.\n{item}"),
            0,
            ":1: start sentence: the windows 09:00–13:00 hold 4 hours, not 8",
        ),
        (
            "twice.md",
            format!("{start}{item}{item}"),
            2,
            ":3: \"A1\" is already the code of activities[0]",
        ),
        (
            "space-code.md",
            format!("{start}* **Actividad Nº1 (A 1):** Leer *Duración: 8 horas.*\n"),
            2,
            ":2: \"A 1\" contains a space",
        ),
        (
            "short-row.md",
            format!(
                "{start}{item}\n### Marzo 2024\n\n|S|L|M|X|J|V|S|D|\n|-|-|-|-|-|-|-|-|\n|9|26|27|28|29|1|2|\n"
            ),
            0,
            ":8: 2024-03 table: a row of 7 cells",
        ),
        (
            "skipped-day.md",
            format!(
                "{start}{item}\n### Marzo 2024\n\n|S|L|M|X|J|V|S|D|\n|-|-|-|-|-|-|-|-|\n|9|26|27|28|29|1|2|3|\n|10|4|5|7|8|9|10|11|\n"
            ),
            0,
            ":9: 2024-03 table: day 7 where 6 was expected",
        ),
        (
            "no-table.md",
            format!("{start}{item}\n### Marzo 2024\n\nNothing here.\n"),
            0,
            ":4: a month heading with no table under it",
        ),
        (
            "no-columns.csv",
            "name,hours\nLeer,8\n".into(),
            2,
            "no-columns.csv:1: no `code` column",
        ),
        (
            "bad-hours.csv",
            "code,hours\nA1,8\nA2,ocho\n".into(),
            2,
            "bad-hours.csv:3: \"ocho\" is not a number of hours",
        ),
        (
            "bad-date.csv",
            "code;hours;not_before\nA1;7,5;2024-13-01\n".into(),
            2,
            "bad-date.csv:2: not_before: \"2024-13-01\" is not a day of the calendar",
        ),
        (
            "header-only.csv",
            "code,name,hours\n".into(),
            2,
            "no activities under its header",
        ),
        (
            "duplicate.csv",
            "code,hours\nA1,8\nA1,4\n".into(),
            2,
            "duplicate.csv:3: \"A1\" is already the code",
        ),
        (
            "unknown-after.csv",
            "code,hours,after\nA1,8,\nA2,4,A9\n".into(),
            2,
            "unknown-after.csv:3: \"A9\" is not the code of any activity",
        ),
    ];
    assert!(cases.len() >= 15);
    for (name, content, code, message) in cases {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(name);
        fs::write(&file, &content).unwrap();
        let output = cronograma().arg("import").arg(&file).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(code), "{name}: {stderr}");
        assert!(
            stderr.contains(message),
            "{name}: expected {message:?} in:\n{stderr}"
        );
        let written = file.with_extension("ron").exists();
        assert_eq!(
            written,
            code == 0,
            "{name}: a plan is written only on success"
        );
    }
}

/// What a document's lines could not say is warned about in the user's language, as the
/// import's errors are (there is no plan yet to take a language from). Issue 38, item 3.
#[test]
fn a_documents_problems_are_said_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tesis.md");
    fs::write(
        &file,
        "Del 4 de Marzo del 2024 con 8 horas diarias.\n\
         * **Actividad Nº1 (A1):** Leer *Duración: muchas horas.*\n\
         * **Actividad Nº2 (A2):** Escribir *Duración: 8 horas.*\n",
    )
    .unwrap();
    for (lang, said) in [
        (
            "es_AR.UTF-8",
            "aviso: {}:2: actividad: \"muchas\" no es una cantidad de horas en pasos de un cuarto de hora\n",
        ),
        (
            "pt_BR.UTF-8",
            "aviso: {}:2: atividade: \"muchas\" não é uma quantidade de horas em passos de um quarto de hora\n",
        ),
        (
            "C.UTF-8",
            "warning: {}:2: activity: \"muchas\" is not a number of hours in quarter-hour steps\n",
        ),
    ] {
        let output = cronograma()
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .args(["import", "--force"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        let said = said.replace("{}", &file.display().to_string());
        assert_eq!(stderr, said, "{lang}");
    }
}
