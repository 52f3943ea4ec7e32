//! The spreadsheet export read by real readers (issue 36): python's openpyxl reads every sheet,
//! cell type, formula, stored value, fill and print setting; LibreOffice (headless) opens the
//! workbook and prints the stored totals without recalculating. `.ci/run` installs both; where
//! one is missing its test says so and checks only what the command itself says.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use common::cronograma;
use predicates::prelude::*;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron");
const TRACKED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/tracked.ron");

/// `plan` exported as xlsx into `dir` (status date `as_of`); the workbook's path.
fn exported(dir: &Path, plan: &Path, as_of: &str) -> PathBuf {
    let out = dir.join("plan.xlsx");
    cronograma()
        .args(["export", "--format", "xlsx", "--as-of", as_of, "-o"])
        .arg(&out)
        .arg(plan)
        .assert()
        .success();
    out
}

fn python_has(module: &str) -> bool {
    Process::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|output| output.status.success())
}

/// What openpyxl reads of the workbook at `path`, one fact a line (see the script).
fn openpyxl_reads(path: &Path) -> String {
    let script = r#"
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
values = openpyxl.load_workbook(sys.argv[1], data_only=True)
print("sheets", book.sheetnames)
first = book.worksheets[0]
print("header", [c.value for c in first[1]])
for row in first.iter_rows(min_row=2):
    cells = {c.column_letter: c for c in row}
    print("row", [(c.column_letter, c.data_type, c.value) for c in row if c.value is not None])
total = values.worksheets[0]
print("stored", [c.value for c in total[total.max_row] if c.value is not None])
print("freeze", first.freeze_panes, "filter", first.auto_filter.ref)
print("print", first.page_setup.orientation, first.page_setup.paperSize, first.page_setup.fitToWidth, first.page_setup.fitToHeight)
calendar = book.worksheets[1]
print("calendar", [[c.value for c in row] for row in calendar.iter_rows(max_row=4)])
gantt = book.worksheets[2]
print("gantt header", [[c.value for c in row] for row in gantt.iter_rows(max_row=3, max_col=8)])
print("gantt freeze", gantt.freeze_panes)
for row in gantt.iter_rows(min_row=4):
    filled = [c.fill.fgColor.rgb for c in row[2:] if c.fill.fill_type == "solid"]
    print("bar", row[0].value, len(filled), len(set(filled)))
# A run of columns with one style is one range (<col min max>): each column of it counts.
shaded = sorted(gantt.cell(3, c).value for d in gantt.column_dimensions.values()
                if d.fill is not None and d.fill.fill_type == "solid"
                for c in range(d.min, d.max + 1))
print("holiday columns", shaded)
marked = [gantt.cell(3, c).value for c in range(3, gantt.max_column + 1)
          if gantt.cell(3, c).fill.fgColor.rgb == "FFC00000"]
print("status date", marked)
"#;
    let output = Process::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn line<'a>(read: &'a str, key: &str) -> &'a str {
    read.lines()
        .find(|line| line.starts_with(key))
        .unwrap_or_else(|| panic!("{key} in {read}"))
}

#[test]
fn openpyxl_reads_the_seed_as_a_tutor_would_see_it() {
    if !python_has("openpyxl") {
        eprintln!("python's openpyxl is not installed: skipped (pip install openpyxl)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let read = openpyxl_reads(&exported(dir.path(), Path::new(SEED), "2023-09-01"));
    assert_eq!(
        line(&read, "sheets"),
        "sheets ['Actividades', 'Calendario', 'Gantt']"
    );
    assert!(
        line(&read, "header").contains("'Código', 'Nombre', 'Persona', 'Horas', 'Inicio', 'Fin'")
    );
    // Dates are date-times, hours numbers, critical a boolean, names text.
    let a1 = line(&read, "row [('A', 's', 'A1')");
    assert!(
        a1.contains("('E', 'd', datetime.datetime(2023, 9, 13, 8, 0))"),
        "{a1}"
    );
    assert!(
        a1.contains("('F', 'd', datetime.datetime(2023, 9, 21, 14, 0))"),
        "{a1}"
    );
    assert!(
        a1.contains("('D', 'n', 42)") && a1.contains("('I', 'b', True)"),
        "{a1}"
    );
    // The totals are formulas, with their values stored for readers that do not recalculate.
    assert!(read.contains("('D', 'f', '=SUM(D2:D8)')"), "{read}");
    assert_eq!(line(&read, "stored"), "stored ['Total', 310, 52]");
    assert_eq!(line(&read, "freeze"), "freeze A2 filter A1:I8");
    // Landscape, A4 (9), one page wide.
    assert_eq!(line(&read, "print"), "print landscape 9 None 0");
    // The month tables as the plan document has them.
    let calendar = line(&read, "calendar");
    assert!(calendar.contains("['Septiembre 2023', None"), "{calendar}");
    assert!(
        calendar.contains("['Sem', 'Lun', 'Mar', 'Mié', 'Jue', 'Vie', 'Sáb', 'Dom']"),
        "{calendar}"
    );
    // The Gantt: months, ISO weeks and day numbers; each activity's working days filled in
    // its colour; the holidays' columns shaded.
    let header = line(&read, "gantt header");
    assert!(
        header.contains("[None, None, 'Septiembre 2023', None"),
        "{header}"
    );
    assert!(
        header.contains("['Código', 'Nombre', 13, 14, 15, 18,"),
        "{header}"
    );
    assert_eq!(line(&read, "gantt freeze"), "gantt freeze C4");
    for (code, days) in [("A1", 7), ("A4", 8), ("A7", 10)] {
        assert_eq!(
            line(&read, &format!("bar {code} ")),
            format!("bar {code} {days} 1")
        );
    }
    assert_eq!(
        line(&read, "holiday columns"),
        "holiday columns [13, 16, 20]"
    );
    assert_eq!(
        line(&read, "status date"),
        "status date []",
        "an untracked plan"
    );
}

#[test]
fn a_tracked_plan_has_its_progress_baseline_and_status_date() {
    if !python_has("openpyxl") {
        eprintln!("python's openpyxl is not installed: skipped (pip install openpyxl)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let read = openpyxl_reads(&exported(dir.path(), Path::new(TRACKED), "2023-10-10"));
    let header = line(&read, "header");
    assert!(
        header.contains("'Registradas', 'Restantes', 'Avance'") && header.contains("'Estado'"),
        "{header}"
    );
    let a1 = line(&read, "row [('A', 's', 'A1')");
    assert!(
        a1.contains("('L', 'n', 1)") && a1.contains("'terminada'"),
        "{a1}"
    );
    // Logged work is darker than what remains: A2's bar has two colours.
    assert_eq!(line(&read, "bar A2 "), "bar A2 8 2");
    assert_eq!(line(&read, "status date"), "status date [10]");
    let stored = line(&read, "stored");
    assert!(stored.starts_with("stored ['Total', 310,"), "{stored}");
}

#[test]
fn sheets_speak_the_plans_language_and_print_on_its_paper() {
    if !python_has("openpyxl") {
        eprintln!("python's openpyxl is not installed: skipped (pip install openpyxl)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (locale, sheets, paper, week) in [
        (
            "en-US",
            "['Activities', 'Calendar', 'Gantt']",
            "1",
            "'Week', 'Sun'",
        ),
        (
            "pt-BR",
            "['Atividades', 'Calendário', 'Gantt']",
            "9",
            "'Dom'",
        ),
    ] {
        let plan = dir.path().join(format!("{locale}.ron"));
        let text = std::fs::read_to_string(SEED)
            .unwrap()
            .replace("locale: \"es\"", &format!("locale: \"{locale}\""));
        std::fs::write(&plan, text).unwrap();
        let read = openpyxl_reads(&exported(dir.path(), &plan, "2023-09-01"));
        assert_eq!(line(&read, "sheets"), format!("sheets {sheets}"));
        assert_eq!(
            line(&read, "print"),
            format!("print landscape {paper} None 0")
        );
        assert!(line(&read, "calendar").contains(week), "{read}");
    }
}

/// Names that a spreadsheet would run as formulas stay text; control characters are written
/// visibly.
#[test]
fn hostile_names_stay_text() {
    if !python_has("openpyxl") {
        eprintln!("python's openpyxl is not installed: skipped (pip install openpyxl)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("hostile.ron");
    std::fs::write(
        &plan,
        "Plan(start: \"2024-03-04\", hours_per_day: 6, activities: [\
         (code: \"A\", name: \"=HYPERLINK(\\\"http://x\\\")\", hours: 6), \
         (code: \"B\", name: \"@SUM(1)\\u{1b}[2J\", hours: 6, who: \"+Bob\")])",
    )
    .unwrap();
    let read = openpyxl_reads(&exported(dir.path(), &plan, "2024-03-01"));
    assert!(
        read.contains("('B', 's', '=HYPERLINK(\"http://x\")')"),
        "{read}"
    );
    assert!(read.contains("('B', 's', '@SUM(1)\\\\u{1b}[2J')"), "{read}");
    assert!(read.contains("('C', 's', '+Bob')"), "{read}");
}

/// LibreOffice opens the workbook and shows the stored totals (it does not recalculate an
/// xlsx on opening): its CSV of the first sheet has the seed's 310 hours.
#[test]
fn libreoffice_opens_the_workbook() {
    let found = Process::new("sh")
        .args(["-c", "command -v soffice"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        eprintln!("LibreOffice is not installed: skipped (apt-get install libreoffice-calc-nogui)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let book = exported(dir.path(), Path::new(SEED), "2023-09-01");
    let output = Process::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.path().display()
        ))
        // Comma-separated, quoted with `"`, in UTF-8 (76).
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
        ])
        .arg("--outdir")
        .arg(dir.path())
        .arg(&book)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let csv = std::fs::read_to_string(dir.path().join("plan.csv")).unwrap();
    assert!(
        csv.starts_with("Código,Nombre,Persona,Horas,Inicio,Fin"),
        "{csv}"
    );
    assert!(
        csv.contains("A1,Búsqueda y revisión bibliográfica. Contextualización.,,42,"),
        "{csv}"
    );
    assert!(
        csv.lines().last().unwrap().contains(",Total,,310,"),
        "{csv}"
    );
}

#[test]
fn a_binary_export_is_never_written_over_a_folder_and_pipes_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["xlsx", "pdf"] {
        cronograma()
            .args(["export", "--format", format, "-o"])
            .arg(dir.path())
            .arg(SEED)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("a folder, not a regular file"));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
    // Piped, the workbook goes to standard output as it is.
    let piped = cronograma()
        .args(["export", "--format", "xlsx", SEED])
        .output()
        .unwrap();
    assert!(piped.status.success());
    assert!(piped.stdout.starts_with(b"PK\x03\x04"), "a zip file");
}
