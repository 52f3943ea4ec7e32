//! Holiday import from iCalendar files and the bundled calendars, through the library and the
//! real binary.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{Datelike, NaiveDate};
use cronograma::import::holidays::holidays_from_ics;
use cronograma::plan::{Holiday, load_file};
use predicates::prelude::*;

const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron");

fn fixture(name: &str) -> Vec<u8> {
    fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/ics")
            .join(name),
    )
    .unwrap()
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn year_2024() -> (NaiveDate, NaiveDate) {
    (date("2024-01-01"), date("2024-12-31"))
}

fn seed_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::copy(PLAN, &path).unwrap();
    (dir, path)
}

#[test]
fn all_day_events_become_holidays_with_exclusive_ends_and_durations() {
    let (from, to) = year_2024();
    let import = holidays_from_ics(&fixture("mixed.ics"), &[], from, to).unwrap();
    let (fridays, others): (Vec<&Holiday>, Vec<&Holiday>) = import
        .added
        .iter()
        .partition(|h| h.name.as_deref() == Some("Every Friday"));
    // The weekly rule, expanded: every Friday from 1 March to the end of 2024 but 15 March,
    // which the first event already took.
    assert_eq!(fridays.len(), 43);
    assert!(
        fridays
            .iter()
            .all(|h| h.date.weekday() == chrono::Weekday::Fri)
    );
    let added: Vec<(String, Option<String>, String)> = others
        .iter()
        .map(|h| {
            (
                h.date.to_string(),
                h.until.map(|d| d.to_string()),
                h.name.clone().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        added,
        [
            // DTEND 2024-03-16 is exclusive: one day.
            ("2024-03-15".into(), None, "Día de prueba".into()),
            // DTEND 2024-04-04: 1, 2 and 3 April.
            (
                "2024-04-01".into(),
                Some("2024-04-03".into()),
                "Three days off".into()
            ),
            // DURATION:P2D from 6 May: 6 and 7 May.
            (
                "2024-05-06".into(),
                Some("2024-05-07".into()),
                "Two days by duration".into()
            ),
        ]
    );
    assert_eq!((import.timed, import.outside, import.present), (1, 1, 0));
}

#[test]
fn dates_already_present_are_left_alone() {
    let (from, to) = year_2024();
    let existing = [Holiday::on(date("2024-04-02"), Some("Ours".into()))];
    let import = holidays_from_ics(&fixture("mixed.ics"), &existing, from, to).unwrap();
    // The three-day event partly overlaps our holiday: its other two days are added.
    let april: Vec<String> = import
        .added
        .iter()
        .filter(|h| h.name.as_deref() == Some("Three days off"))
        .map(|h| format!("{}..{}", h.date, h.last_day()))
        .collect();
    assert_eq!(april, ["2024-04-01..2024-04-01", "2024-04-03..2024-04-03"]);
    assert_eq!(import.present, 0);
}

#[test]
fn crlf_line_endings_and_folded_lines_are_read() {
    let (from, to) = year_2024();
    let import = holidays_from_ics(&fixture("crlf-folded.ics"), &[], from, to).unwrap();
    assert_eq!(import.added.len(), 1);
    assert_eq!(import.added[0].date, date("2024-06-10"));
    assert_eq!(
        import.added[0].name.as_deref(),
        Some("A holiday with a very long name that a calendar program folded over two lines")
    );
}

#[test]
fn a_broken_file_is_an_error() {
    let (from, to) = year_2024();
    let error = holidays_from_ics(&fixture("broken.ics"), &[], from, to)
        .unwrap_err()
        .to_string();
    assert!(error.contains("not a valid iCalendar file"), "{error}");
    let error = holidays_from_ics(b"hello", &[], from, to)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("does not start with BEGIN:VCALENDAR"),
        "{error}"
    );
}

#[test]
fn the_bundled_argentina_calendar_adds_exactly_the_2023_holidays_the_seed_lacks() {
    let (_dir, path) = seed_copy();
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["holidays", "add", "ar"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("se agregaron 17 feriados"))
        .stdout(predicate::str::contains("3 que ya son feriados"))
        .stdout(predicate::str::contains("2023-12-25  Navidad"));
    let plan = load_file(&path).unwrap().plan;
    let calendar = cronograma::import::bundled::Calendar::find("ar").unwrap();
    let in_2023 = calendar
        .holidays()
        .iter()
        .filter(|(day, _)| day.to_string().starts_with("2023"))
        .count();
    assert_eq!(in_2023, 20);
    assert_eq!(
        plan.holidays.len(),
        20,
        "the 3 of the seed and the 17 others"
    );
    assert!(
        plan.holidays
            .iter()
            .all(|h| h.date.to_string().starts_with("2023"))
    );
    // The seed's own names are kept.
    let columbus = plan
        .holidays
        .iter()
        .find(|h| h.date == date("2023-10-16"))
        .unwrap();
    assert_eq!(
        columbus.name.as_deref(),
        Some("Día del Respeto a la Diversidad Cultural")
    );
    // The new holidays fall outside the plan's span, so the schedule is unchanged.
    let schedule = cronograma::schedule::schedule(&plan).unwrap();
    assert_eq!(schedule.end().to_string(), "2023-11-28 12:00:00");
}

#[test]
fn years_choose_what_a_bundled_calendar_adds() {
    let (_dir, path) = seed_copy();
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["holidays", "add", "ar", "--years", "2024-2025"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "se agregaron 40 feriados; se omitieron 254 fuera de 2024-01-01 – 2025-12-31",
        ));
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["holidays", "add", "ar", "--years", "2025-2024"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the last year comes before the first",
        ));
}

/// The same broken file imported into plans in Spanish, English and Portuguese: each says
/// the fault in its own language, and none is touched.
#[test]
fn a_broken_ics_leaves_the_plan_untouched() {
    let (_dir, path) = seed_copy();
    let seed = fs::read_to_string(&path).unwrap();
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ics/broken.ics");
    for (locale, said) in [
        (
            "es",
            "broken.ics: no es un archivo iCalendar válido: línea 6: END:VCALENDAR cierra el \
             BEGIN:VEVENT de la línea 3",
        ),
        (
            "en",
            "broken.ics: not a valid iCalendar file: line 6: END:VCALENDAR closes BEGIN:VEVENT \
             of line 3",
        ),
        (
            "pt-BR",
            "broken.ics: não é um arquivo iCalendar válido: linha 6: END:VCALENDAR fecha o \
             BEGIN:VEVENT da linha 3",
        ),
    ] {
        let before = seed.replace("locale: \"es\"", &format!("locale: \"{locale}\""));
        fs::write(&path, &before).unwrap();
        Command::cargo_bin("cronograma")
            .unwrap()
            .args(["holidays", "import"])
            .arg(&broken)
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(said));
        assert_eq!(fs::read_to_string(&path).unwrap(), before);
    }
}

#[test]
fn list_names_the_bundled_calendars_and_unknown_names_are_refused() {
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["holidays", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ar  Argentina       2020–2035  es     24 subdivisions",
        ))
        .stdout(predicate::str::contains(
            "us  United States   2020–2035  en_US  57 subdivisions",
        ));
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["holidays", "list", "es"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Spain (es): public holidays 2020–2035, in es",
        ))
        .stdout(predicate::str::contains("  es-md      Madrid"));
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["holidays", "add", "xx", PLAN])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "xx: ningún calendario incluido se llama así",
        ));
}

#[test]
fn from_after_to_is_refused_and_the_plan_left_alone() {
    let (_dir, path) = seed_copy();
    let before = fs::read(&path).unwrap();
    let ics = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ics/mixed.ics");
    Command::cargo_bin("cronograma")
        .unwrap()
        .args([
            "holidays",
            "import",
            "--from",
            "2024-12-31",
            "--to",
            "2024-01-01",
        ])
        .arg(&ics)
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "el primer día a importar, 2024-12-31, es posterior al último, 2024-01-01",
        ));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_subdivision_adds_its_own_holidays_with_the_nations() {
    let (_dir, path) = seed_copy();
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["holidays", "add", "es-md", "--years", "2024"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "2024-05-02  Fiesta de la Comunidad de Madrid",
        ))
        .stdout(predicate::str::contains(
            "2024-10-12  Fiesta Nacional de España",
        ));
    let plan = load_file(&path).unwrap().plan;
    assert!(plan.holidays.iter().any(|h| h.date == date("2024-05-02")));
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["holidays", "add", "es-zz"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "es-zz: Spain no tiene la subdivisión \"zz\"; `cronograma holidays list es` las nombra",
        ));
}

#[test]
fn a_plan_outside_the_bundled_years_is_told_which_years_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let text = fs::read_to_string(PLAN).unwrap().replace("2023-", "2019-");
    fs::write(&path, &text).unwrap();
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["holidays", "add", "ar"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "ar: el calendario incluido tiene 2020–2035; no tiene nada para 2019",
        ));
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

/// Recurrence cannot be used to burn CPU (issue 26, class 3): an event from 1900 repeating by
/// the second or minute is reported as repeating faster than daily, not expanded (it took
/// minutes); a daily one from 1900, or one from year 1 with a COUNT of four billion, is expanded
/// from the import's window only. Each import ends within the timeout (a guard against a hang,
/// not a measure: benches/import.rs measures them).
#[test]
fn recurrence_bombs_are_imported_or_refused_at_once() {
    let bombs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ics/bombs");
    for (file, said) in [
        (
            "from-1900-secondly.ics",
            "se agregaron 0 feriados; se omitieron repetidos más de una vez por día: 1 (línea 8)",
        ),
        (
            "from-1900-minutely.ics",
            "se agregaron 0 feriados; se omitieron repetidos más de una vez por día: 1 (línea 8)",
        ),
        ("from-1900-daily.ics", "se agregaron 362 feriados"),
        ("from-year-1-counted.ics", "se agregaron 362 feriados"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.ron");
        fs::copy(PLAN, &plan).unwrap();
        Command::cargo_bin("cronograma")
            .unwrap()
            .args(["holidays", "import"])
            .arg(bombs.join(file))
            .arg(&plan)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .success()
            .stdout(predicate::str::contains(said));
    }
}

/// Where the limit of instances cuts an expansion short, the report says how many were kept
/// and up to when, rather than silently keeping a prefix.
#[test]
fn an_expansion_cut_short_says_where_it_stopped() {
    let bytes = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ics/bombs/from-1900-daily.ics"),
    )
    .unwrap();
    let found = holidays_from_ics(&bytes, &[], date("1900-01-01"), date("2199-12-31")).unwrap();
    assert_eq!(found.cut, vec![(4, 65535, date("2079-06-05"))]);
    let summary = found.summary(
        date("1900-01-01"),
        date("2199-12-31"),
        cronograma::plan::Locale::EN,
    );
    assert!(
        summary.ends_with(
            "; the event of line 4 repeats past the limit of 65535 instances: 65535 kept, up to 2079-06-05"
        ),
        "{summary}"
    );
}

/// A UTF-8 calendar whose lines are folded inside characters (RFC 5545 folds at 75 octets,
/// whatever falls there) gives the right names, not Latin-1 mojibake: the lines are unfolded
/// as bytes before the text is decoded (issue 26, class 4). The fixture is hand-made: folds
/// inside a two-, a three- and a four-byte character.
#[test]
fn a_calendar_folded_inside_characters_is_read_as_utf8() {
    let found = holidays_from_ics(
        &fixture("folded-mid-character.ics"),
        &[],
        date("2023-01-01"),
        date("2023-12-31"),
    )
    .unwrap();
    assert!(!found.latin1, "read as UTF-8");
    let names: Vec<&str> = found
        .added
        .iter()
        .map(|holiday| holiday.name.as_deref().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Día de la Soberanía Nacional",
            "Inmaculada Concepción de María — no laborable",
            "Navidad 🎄 en familia"
        ]
    );
}

/// Holidays imported over days given hours of their own win (the later action), and the
/// report names the days that lost their hours; days that were holidays already keep theirs
/// (issue 38).
#[test]
fn imported_holidays_take_the_days_own_hours_and_the_report_says_so() {
    let (_dir, path) = seed_copy();
    let text = fs::read_to_string(&path).unwrap().replacen(
        "    holidays: [",
        "    exceptions: [(date: \"2023-10-13\", hours: 2), (date: \"2023-12-08\", hours: 3), \
         (date: \"2023-12-25\", hours: 3)],\n    holidays: [",
        1,
    );
    fs::write(&path, text).unwrap();
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["holidays", "add", "ar"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "; 2 días pierden sus horas propias: 2023-12-08, 2023-12-25\n",
        ));
    let plan = load_file(&path).unwrap().plan;
    let dates: Vec<String> = plan.exceptions.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(
        dates,
        ["2023-10-13"],
        "a holiday already, given hours on purpose"
    );
    let schedule = cronograma::schedule::schedule(&plan).unwrap();
    assert!(schedule.calendar().capacity(date("2023-12-25")).is_zero());
}
