//! The PDF report read by real readers (issue 36): poppler's `pdfinfo` (pages, paper),
//! `pdffonts` (every font embedded, with a Unicode map), `pdftotext` (every name found, in
//! Spanish, Portuguese and English) and `pdftoppm` (each page renders, and is not blank).
//! `.ci/run` installs poppler-utils; where it is missing each test says so and checks only
//! what the command itself writes.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use common::cronograma;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron");
const TRACKED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/tracked.ron");

/// `plan` exported as a PDF into `dir` (status date 2023-10-10); the file's path.
fn exported(dir: &Path, plan: &Path) -> PathBuf {
    let out = dir.join("report.pdf");
    cronograma()
        .args(["export", "--format", "pdf", "--as-of", "2023-10-10", "-o"])
        .arg(&out)
        .arg(plan)
        .assert()
        .success()
        .stdout("");
    let bytes = std::fs::read(&out).unwrap();
    assert!(
        bytes.starts_with(b"%PDF-") && bytes.ends_with(b"%%EOF\n") || bytes.ends_with(b"%%EOF")
    );
    out
}

fn poppler() -> bool {
    let found = Process::new("pdfinfo").arg("-v").output().is_ok();
    if !found {
        eprintln!("poppler-utils is not installed: skipped (apt-get install poppler-utils)");
    }
    found
}

/// What `tool` prints of `args`, which must succeed.
fn run(tool: &str, args: &[&str], pdf: &Path) -> String {
    let output = Process::new(tool).args(args).arg(pdf).output().unwrap();
    assert!(
        output.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The text poppler finds, every run of white space made one space (a wrapped name reads whole).
fn words_in(pdf: &Path) -> String {
    let text = Process::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(text.status.success());
    String::from_utf8(text.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of page `page` (1 the first).
fn page_text(pdf: &Path, page: usize) -> String {
    let number = page.to_string();
    let output = Process::new("pdftotext")
        .args(["-f", &number, "-l", &number])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

fn info_value(info: &str, key: &str) -> String {
    info.lines()
        .find_map(|line| line.strip_prefix(key))
        .unwrap_or_else(|| panic!("{key} not in {info}"))
        .trim()
        .to_owned()
}

/// Every font embedded, subset and with a Unicode map: the same PDF on any machine, and its
/// text can be searched and copied.
fn assert_fonts_embedded(pdf: &Path) {
    let fonts = run("pdffonts", &[], pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        let flags = &columns[columns.len() - 5..columns.len() - 2];
        assert_eq!(
            flags,
            ["yes", "yes", "yes"],
            "not embedded, subset and mapped: {row}"
        );
        assert!(row.contains("LiberationSans"), "{row}");
    }
}

/// Pixels of page `page` at a low resolution, in grey, darker than white.
fn inked_pixels(pdf: &Path, page: usize, dir: &Path) -> usize {
    let stem = dir.join(format!("page{page}"));
    let number = page.to_string();
    let status = Process::new("pdftoppm")
        .args([
            "-gray",
            "-r",
            "30",
            "-f",
            &number,
            "-l",
            &number,
            "-singlefile",
        ])
        .arg(pdf)
        .arg(&stem)
        .status()
        .unwrap();
    assert!(status.success());
    let image = std::fs::read(stem.with_extension("pgm")).unwrap();
    // A binary PGM: "P5", width, height, maximum, each after white space; then the pixels.
    let mut fields = 0;
    let mut at = 0;
    while fields < 4 {
        while image[at].is_ascii_whitespace() {
            at += 1;
        }
        while !image[at].is_ascii_whitespace() {
            at += 1;
        }
        fields += 1;
    }
    image[at + 1..].iter().filter(|pixel| **pixel < 200).count()
}

#[test]
fn the_seed_report_reads_and_renders_in_poppler() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = exported(dir.path(), Path::new(SEED));
    if !poppler() {
        return;
    }
    let info = run("pdfinfo", &[], &pdf);
    assert_eq!(info_value(&info, "Page size:"), "841.89 x 595.28 pts (A4)");
    assert_eq!(info_value(&info, "Title:"), "PPS MLOps");
    let pages: usize = info_value(&info, "Pages:").parse().unwrap();
    assert!((3..=6).contains(&pages), "{pages} pages");
    assert_fonts_embedded(&pdf);
    let words = words_in(&pdf);
    let plan = std::fs::read_to_string(SEED).unwrap();
    for name in plan
        .lines()
        .filter_map(|line| line.split("name: \"").nth(1))
    {
        let name = name.split('"').next().unwrap();
        assert!(words.contains(name), "{name:?} not found in {words}");
    }
    for expected in [
        "Del 2023-09-13 08:00 al 2023-11-28 12:00",
        "310 h de trabajo en 52 días hábiles",
        "Septiembre 2023",
        "13 (F)",
        "(F): Feriado.",
        "Gantt · A1–A7",
        "Feriados",
    ] {
        assert!(words.contains(expected), "{expected:?} not in {words}");
    }
    // The last page's footer numbers it of all.
    let last = format!("{pages}/{pages}");
    assert!(
        words.replace(' ', "").contains(&last),
        "{last} not in {words}"
    );
    // Every page renders with ink on it, a Gantt page among them.
    assert!((1..=pages).any(|page| page_text(&pdf, page).contains("Gantt ·")));
    for page in 1..=pages {
        assert!(
            inked_pixels(&pdf, page, dir.path()) > 200,
            "page {page} is blank"
        );
    }
}

#[test]
fn every_page_of_a_long_gantt_repeats_the_header_and_its_activities() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("year.ron");
    std::fs::write(&plan, common::a_year_of_four_people_ron()).unwrap();
    let pdf = exported(dir.path(), &plan);
    if !poppler() {
        return;
    }
    let info = run("pdfinfo", &[], &pdf);
    let pages: usize = info_value(&info, "Pages:").parse().unwrap();
    let mut gantt_pages = 0;
    for page in 1..=pages {
        let text = page_text(&pdf, page);
        if !text.contains("Gantt ·") {
            continue;
        }
        gantt_pages += 1;
        let header = text.contains("Code") && text.contains("Name");
        assert!(header, "page {page} lacks the header: {text}");
    }
    // 198 activities over a year: several bands of rows, each over its own months.
    assert!(gantt_pages >= 6, "{gantt_pages} Gantt pages of {pages}");
    assert!(pages < 80, "{pages} pages");
}

#[test]
fn portuguese_and_english_names_are_found_and_letter_is_used_where_it_is_the_paper() {
    let dir = tempfile::tempdir().unwrap();
    for (locale, paper, words) in [
        (
            "pt-BR",
            "(A4)",
            [
                "Revisão de literatura e fundamentação",
                "Atividades",
                "Situação",
            ],
        ),
        (
            "en-US",
            "(letter)",
            [
                "Revisão de literatura e fundamentação",
                "Activities",
                "Situação",
            ],
        ),
    ] {
        let plan = dir.path().join(format!("{locale}.ron"));
        std::fs::write(
            &plan,
            format!(
                r#"Plan(title: "Situação do projeto", locale: "{locale}", start: "2026-03-02", hours_per_day: 6,
  activities: [
    (code: "R1", name: "Revisão de literatura e fundamentação", hours: 30, who: "João"),
    (code: "R2", name: "Implementação do protótipo", hours: 24, who: "Conceição", after: ["R1"]),
    (code: "M", name: "Entrega", hours: 0, after: ["R2"]),
  ])"#
            ),
        )
        .unwrap();
        let pdf = exported(dir.path(), &plan);
        if !poppler() {
            return;
        }
        let info = run("pdfinfo", &[], &pdf);
        assert!(
            info_value(&info, "Page size:").ends_with(paper),
            "{locale}: {info}"
        );
        let found = words_in(&pdf);
        for word in words
            .iter()
            .chain(&["João", "Conceição", "Implementação do protótipo"])
        {
            assert!(found.contains(word), "{locale}: {word:?} not in {found}");
        }
        assert_fonts_embedded(&pdf);
    }
}

#[test]
fn a_tracked_plan_has_its_status_section() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = exported(dir.path(), Path::new(TRACKED));
    if !poppler() {
        return;
    }
    let words = words_in(&pdf);
    for expected in [
        "Estado al 2023-10-10",
        "A2 · Investigación y evaluación de la herramienta.",
        "en curso",
        "Fecha de estado: 2023-10-10",
        "Registradas",
    ] {
        assert!(words.contains(expected), "{expected:?} not in {words}");
    }
}

#[test]
fn text_from_the_plan_cannot_break_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("hostile.ron");
    std::fs::write(
        &plan,
        r#"Plan(title: "=cmd|' /C calc'!A0 \u{1b}[31m", start: "2026-03-02", hours_per_day: 6,
  activities: [
    (code: "X1", name: "<script>(alert)</script> \\ ) ( %PDF endobj \u{7}", hours: 12),
    (code: "X2", name: "一二三 emoji 🎓 تجربة", hours: 6),
  ])"#,
    )
    .unwrap();
    let pdf = exported(dir.path(), &plan);
    if !poppler() {
        return;
    }
    let info = run("pdfinfo", &[], &pdf);
    assert!(info.contains("Pages:"));
    let words = words_in(&pdf);
    assert!(
        words.contains("<script>(alert)</script> \\ ) ( %PDF endobj"),
        "{words}"
    );
    assert!(
        !words.contains('\u{1b}') && !words.contains('\u{7}'),
        "{words}"
    );
}
