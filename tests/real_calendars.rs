//! Holiday import from calendar files written by real programs (issue 9, class 11): see
//! `tests/fixtures/ics/real/README.md` for where each file comes from.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use cronograma::import::holidays::{Import, holidays_from_ics};
use cronograma::plan::Holiday;

fn real(name: &str) -> Vec<u8> {
    fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/ics/real")
            .join(name),
    )
    .unwrap()
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn import(bytes: &[u8], from: &str, to: &str) -> Result<Import, cronograma::import::ReadError> {
    holidays_from_ics(bytes, &[], date(from), date(to))
}

/// (file, first day, last day, holidays added, timed, invalid, unreadable)
const EXPECTED: &[(&str, &str, &str, usize, usize, usize, usize)] = &[
    // 98 one-day events, 2023–2027; on 2 April 2026 Malvinas Day and Holy Thursday meet.
    (
        "ar-feriados-2023-2027.ics",
        "2023-01-01",
        "2027-12-31",
        97,
        0,
        0,
        0,
    ),
    // Daily 3–23 March 2008 but the 11th; the second event's EXDATE is empty: invalid.
    ("parsing_error.ics", "2008-01-01", "2008-12-31", 20, 0, 1, 0),
    (
        "alarm_google_future.ics",
        "1990-01-01",
        "2030-12-31",
        0,
        1,
        0,
        0,
    ),
    (
        "alarm_thunderbird_future.ics",
        "1990-01-01",
        "2030-12-31",
        0,
        1,
        0,
        0,
    ),
    (
        "alarm_etar_future.ics",
        "1990-01-01",
        "2030-12-31",
        0,
        1,
        0,
        0,
    ),
    (
        "issue_156_RDATE_with_PERIOD_TZID_khal.ics",
        "1990-01-01",
        "2030-12-31",
        0,
        1,
        0,
        0,
    ),
    (
        "issue_168_input.ics",
        "1990-01-01",
        "2030-12-31",
        0,
        1,
        0,
        1,
    ),
    ("issue_350.ics", "1990-01-01", "2030-12-31", 0, 1, 0, 0),
    // RSCALE rules are not Gregorian repeat rules: each such event is counted, not guessed.
    ("rfc_7529.ics", "1990-01-01", "2030-12-31", 0, 0, 4, 0),
    (
        "calendar_with_unicode.ics",
        "1990-01-01",
        "2030-12-31",
        0,
        0,
        0,
        0,
    ),
    // Three holidays of 2022 written with DTEND equal to DTSTART: one day each.
    ("example.ics", "2022-01-01", "2022-12-31", 3, 0, 0, 0),
    ("bom_calendar.ics", "1990-01-01", "2030-12-31", 0, 0, 0, 0),
    // Mozilla Calendar 1.0: two VCALENDARs, every value folded onto its own line after a blank
    // line; the second calendar repeats Christmas.
    (
        "multiple_calendar_components.ics",
        "1990-01-01",
        "2030-12-31",
        2,
        0,
        0,
        0,
    ),
    (
        "america_new_york.ics",
        "1990-01-01",
        "2030-12-31",
        0,
        1,
        0,
        0,
    ),
];

#[test]
fn files_from_real_producers_are_read() {
    for &(file, from, to, added, timed, invalid, unreadable) in EXPECTED {
        let found = import(&real(file), from, to).unwrap_or_else(|error| panic!("{file}: {error}"));
        assert_eq!(
            (
                found.added.len(),
                found.timed,
                found.invalid.len(),
                found.unreadable.len()
            ),
            (added, timed, invalid, unreadable),
            "{file}: {}",
            found.summary(date(from), date(to), cronograma::plan::Locale::EN)
        );
    }
}

#[test]
fn a_file_cut_short_is_refused_with_its_line() {
    let error = import(&real("big_bad_calendar.ics"), "1990-01-01", "2030-12-31")
        .unwrap_err()
        .to_string();
    assert!(error.contains("cut short"), "{error}");
}

#[test]
fn the_argentine_holidays_keep_their_names_and_dates() {
    let found = import(
        &real("ar-feriados-2023-2027.ics"),
        "2023-01-01",
        "2023-12-31",
    )
    .unwrap();
    let named = |day: &str| {
        found
            .added
            .iter()
            .find(|holiday| holiday.date == date(day))
            .and_then(|holiday| holiday.name.clone())
    };
    assert_eq!(named("2023-01-01").as_deref(), Some("Año Nuevo"));
    assert_eq!(
        named("2023-11-20").as_deref(),
        Some("Día de la Soberanía Nacional")
    );
}

/// The Argentine file as other producers would write it: Latin-1 (Windows), mixed line ends,
/// lower-case names, a byte-order mark, two calendars in one file. Each reads the same.
#[test]
fn encodings_line_ends_case_and_concatenation_do_not_change_what_is_read() {
    let original = String::from_utf8(real("ar-feriados-2023-2027.ics")).unwrap();
    let reference = import(original.as_bytes(), "2023-01-01", "2027-12-31").unwrap();
    let latin1: Vec<u8> = original
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("the file is Latin-1 text"))
        .collect();
    let mixed: String = original
        .split("\r\n")
        .enumerate()
        .map(|(i, line)| format!("{line}{}", ["\r\n", "\n", "\r"][i % 3]))
        .collect();
    let lower = original
        .lines()
        .map(|line| match line.split_once([':', ';']) {
            Some((name, _)) => format!("{}{}\r\n", name.to_lowercase(), &line[name.len()..]),
            None => format!("{line}\r\n"),
        })
        .collect::<String>();
    let with_bom = format!("\u{feff}{original}");
    let second_half = &original[original.find("BEGIN:VEVENT").unwrap()..];
    let split_at = second_half.len() / 2;
    let cut = second_half[..split_at].rfind("BEGIN:VEVENT").unwrap();
    let header = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n";
    let two_calendars = format!(
        "{header}{}END:VCALENDAR\r\n{header}{}",
        &second_half[..cut],
        &second_half[cut..]
    );
    let variants: [(&str, Vec<u8>); 5] = [
        ("latin-1", latin1),
        ("mixed line ends", mixed.into_bytes()),
        ("lower case", lower.into_bytes()),
        ("byte-order mark", with_bom.into_bytes()),
        ("two calendars", two_calendars.into_bytes()),
    ];
    for (what, bytes) in &variants {
        let found =
            import(bytes, "2023-01-01", "2027-12-31").unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(found.added, reference.added, "{what}");
        assert_eq!(found.latin1, *what == "latin-1", "{what}");
    }
    let latin1 = &variants[0].1;
    let summary = import(latin1, "2023-01-01", "2027-12-31").unwrap().summary(
        date("2023-01-01"),
        date("2027-12-31"),
        cronograma::plan::Locale::EN,
    );
    assert!(summary.contains("read as Latin-1"), "{summary}");
}

/// Yearly rules, as most published calendars are written, with the exceptions RFC 5545 has.
#[test]
fn yearly_rules_with_exceptions_moves_and_cancellations() {
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
        BEGIN:VEVENT\r\nUID:newyear\r\nDTSTART;VALUE=DATE:20200101\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:New Year\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:labor\r\nDTSTART;VALUE=DATE:20200907\r\nDTEND;VALUE=DATE:20200908\r\n\
        RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=1MO;UNTIL=20251231\r\nEXDATE;VALUE=DATE:20240902\r\n\
        RDATE;VALUE=DATE:20240903\r\nSUMMARY:Labor Day\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:newyear\r\nRECURRENCE-ID;VALUE=DATE:20250101\r\nDTSTART;VALUE=DATE:20250102\r\nSUMMARY:New Year (moved)\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:gone\r\nDTSTART;VALUE=DATE:20240704\r\nSTATUS:CANCELLED\r\nSUMMARY:Cancelled\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:py\r\nDTSTART:20240318T000000\r\nDTEND:20240319T000000\r\nSUMMARY:Midnight to midnight\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:bad\r\nDTSTART;VALUE=DATE:20240230\r\nSUMMARY:No such day\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:short\r\nDTSTART;VALUE=DATE:2024031\r\nSUMMARY:Seven digits\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:back\r\nDTSTART;VALUE=DATE:20240310\r\nDTEND;VALUE=DATE:20240308\r\nSUMMARY:Backwards\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";
    let found = import(ics.as_bytes(), "2024-01-01", "2025-12-31").unwrap();
    let days: Vec<(String, String)> = found
        .added
        .iter()
        .map(|h: &Holiday| (h.date.to_string(), h.name.clone().unwrap()))
        .collect();
    let expected = [
        ("2024-01-01", "New Year"),
        ("2024-03-18", "Midnight to midnight"),
        ("2024-09-03", "Labor Day"),
        ("2025-01-02", "New Year (moved)"),
        ("2025-09-01", "Labor Day"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(day, name)| ((*day).to_owned(), (*name).to_owned()))
        .collect();
    assert_eq!(days, expected);
    assert_eq!(found.cancelled, 1);
    // Line numbers of the file: the bad date, the seven digits, the backwards end.
    assert_eq!(found.invalid, [38, 43, 49]);
}

#[test]
fn a_range_partly_over_a_holiday_adds_the_other_days() {
    let ics = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20240715\r\nDTEND;VALUE=DATE:20240727\r\nSUMMARY:Receso\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let existing = [
        Holiday::on(date("2024-07-09"), None),
        Holiday {
            date: date("2024-07-18"),
            until: Some(date("2024-07-19")),
            name: None,
        },
    ];
    let found = holidays_from_ics(ics, &existing, date("2024-01-01"), date("2024-12-31")).unwrap();
    let pieces: Vec<String> = found
        .added
        .iter()
        .map(|h| format!("{}..{}", h.date, h.last_day()))
        .collect();
    assert_eq!(pieces, ["2024-07-15..2024-07-17", "2024-07-20..2024-07-26"]);
}
