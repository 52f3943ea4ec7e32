//! Hostile text (issue 9, classes 5–7): names with terminal escapes, control characters and
//! format characters never reach a terminal raw, every export stays valid for any text, and no
//! size of code or name makes a command panic.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use cronograma::export::{Format, render};
use cronograma::plan::{load_file, parse};
use cronograma::schedule::schedule;
use predicates::prelude::*;
use proptest::prelude::*;

/// A window-title escape, a screen clear, a raw carriage return, NUL, DEL, a C1 CSI, and a
/// newline that would inject an iCalendar line.
const HOSTILE: &str = r"\u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{0}\u{7f}\u{9b}31m\nBEGIN:VEVENT";

fn hostile_plan() -> String {
    format!(
        r#"Plan(
    title: "Plan {HOSTILE}",
    locale: "es",
    start: "2024-03-04",
    hours_per_day: 6,
    holidays: [(date: "2024-03-06", name: "Feriado {HOSTILE}"), (date: "2024-03-08")],
    activities: [
        (code: "=SUM(A1)", name: "Leer {HOSTILE} | a|b ; #x: y", hours: 10, who: "Ana {HOSTILE}"),
        (code: "@B", name: "-1+1", hours: 8, who: "+Bob"),
        (code: "M", name: "Hito", hours: 0),
    ],
)
"#
    )
}

fn write_plan(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, text).unwrap();
    (dir, path)
}

/// Characters a terminal acts on or that change what is seen without being seen: C0 but tab
/// and newline, DEL, C1 (as UTF-8), bidirectional controls and other format characters (but a
/// zero-width joiner inside an emoji).
fn raw_controls(output: &str) -> Vec<char> {
    let hidden = |c: char| {
        matches!(c, '\u{200b}'..='\u{200c}' | '\u{200e}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}' | '\u{feff}' | '\u{061c}' | '\u{ad}')
    };
    output
        .chars()
        .filter(|c| (c.is_control() && *c != '\n' && *c != '\t') || hidden(*c))
        .collect()
}

/// `output` without the colour sequences (`ESC[…m`) that `cal --color always` writes itself.
fn without_colours(output: &str) -> String {
    let mut out = String::new();
    let mut rest = output;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        match after.find(|c: char| !(c.is_ascii_digit() || c == ';')) {
            Some(end) if after[end..].starts_with('m') => rest = &after[end + 1..],
            _ => {
                out.push('\u{1b}');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn nothing_from_the_plan_reaches_the_terminal_raw() {
    let (_dir, path) = write_plan(&hostile_plan());
    let runs: [&[&str]; 7] = [
        &["check"],
        &["cal", "--color", "never"],
        &["cal", "--color", "always"],
        &["export", "-f", "md", "--gantt"],
        &["export", "-f", "mermaid"],
        &["export", "-f", "svg"],
        &["export", "-f", "ics"],
    ];
    for args in runs {
        let output = Command::cargo_bin("cronograma")
            .unwrap()
            .args(args)
            .arg(&path)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {output:?}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        let stdout = without_colours(&stdout.replace("\r\n", "\n"));
        assert_eq!(raw_controls(&stdout), [], "{args:?}:\n{stdout}");
        // The calendars show codes only; everything else names the plan's text.
        if args[0] != "cal" {
            assert!(stdout.contains("\\u{1b}"), "{args:?} shows the escape");
        }
    }
}

#[test]
fn messages_quote_hostile_text_escaped() {
    let plan = hostile_plan().replace(
        "(code: \"M\", name: \"Hito\", hours: 0)",
        "(code: \"M\", name: \"Hito\", hours: 0, after: [\"X\\u{1b}[2J\"])",
    );
    let (dir, path) = write_plan(&plan);
    let output = Command::cargo_bin("cronograma")
        .unwrap()
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(raw_controls(&stderr), [], "{stderr}");
    assert!(
        stderr.contains("\"X\\u{1b}[2J\" no es el código de ninguna actividad"),
        "{stderr}"
    );

    // An imported calendar's names are printed escaped too.
    let (_seed_dir, seed) = write_plan(&hostile_plan());
    let ics = dir.path().join("h.ics");
    fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20240311\r\nSUMMARY:Bad\u{1b}]0;x\u{7}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let output = Command::cargo_bin("cronograma")
        .unwrap()
        .args(["holidays", "import"])
        .arg(&ics)
        .arg(&seed)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(raw_controls(&stdout), [], "{stdout}");
    assert!(stdout.contains("Bad\\u{1b}]0;x\\u{7}"), "{stdout}");
}

#[test]
fn codes_must_be_visible_and_are_normalised() {
    let cases = [
        ("A\\u{200b}1", "invisible character U+200B"),
        ("A|1", "contains a `|`"),
        ("A\\u{1b}1", "invisible character U+001B"),
        ("A 1", "contains a space"),
    ];
    for (code, message) in cases {
        let text = format!(
            "Plan(start: \"2024-03-04\", hours_per_day: 6, activities: [(code: \"{code}\", hours: 1)])"
        );
        let error = parse(&text, Path::new("p.ron")).unwrap_err().to_string();
        assert!(error.contains(message), "{code}: {error}");
        assert!(!error.contains('\u{1b}'), "{error}");
    }
    // `é` as one character and as `e` + a combining accent are the same code.
    let twins = "Plan(start: \"2024-03-04\", hours_per_day: 6, activities: [(code: \"\u{e9}\", hours: 1), (code: \"e\u{301}\", hours: 1)])";
    let error = parse(twins, Path::new("p.ron")).unwrap_err().to_string();
    assert!(
        error.contains("is already the code of activities[0]"),
        "{error}"
    );
    let linked = "Plan(start: \"2024-03-04\", hours_per_day: 6, activities: [(code: \"\u{e9}\", hours: 1), (code: \"B\", hours: 1, after: [\"e\u{301}\"])])";
    parse(linked, Path::new("p.ron")).expect("`after` is normalised the same way");
}

#[test]
fn every_export_stays_valid_for_hostile_text() {
    let document = parse(&hostile_plan(), Path::new("plan.ron")).unwrap();
    let plan = &document.plan;
    let schedule = schedule(plan).unwrap();

    let svg = render(Format::Svg, plan, &schedule);
    roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");

    let ics = render(Format::Ics, plan, &schedule);
    assert_ics_is_strict(&ics);
    let events = ics
        .replace("\r\n ", "")
        .split("\r\n")
        .filter(|line| *line == "BEGIN:VEVENT")
        .count();
    let expected: usize = (0..plan.activities.len())
        .map(|index| schedule.slots_of(index).len())
        .sum::<usize>()
        + plan.holidays.len();
    assert_eq!(events, expected, "no event was injected");
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains("X-WR-CALNAME:Plan \\\\u{1b}]0\\;pwned\\\\u{7}"),
        "{unfolded}"
    );
    assert!(
        unfolded.contains("\\nBEGIN:VEVENT"),
        "the newline stays inside the text"
    );
    // Milestones are instants (DTSTART only); an unnamed holiday still has a SUMMARY.
    let milestone = unfolded
        .split("BEGIN:VEVENT")
        .find(|event| event.contains("UID:M-"))
        .unwrap();
    assert!(
        milestone.contains("DTSTART:") && !milestone.contains("DTEND"),
        "{milestone}"
    );
    assert!(unfolded.contains("UID:holiday-20240308-"));
    assert!(unfolded.contains("SUMMARY:Feriado\r\n"));
    assert!(unfolded.contains("PRODID:-//cronograma//cronograma "));

    let md = render(Format::Md, plan, &schedule);
    for row in md.lines().filter(|line| line.starts_with('|')) {
        let cells = row.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 9, "{row}");
    }

    let mermaid = render(Format::Mermaid, plan, &schedule);
    assert!(!mermaid.contains('\r'));
    let tasks = mermaid.lines().filter(|line| line.contains(" :")).count();
    assert_eq!(tasks, plan.activities.len(), "{mermaid}");

    // A Spanish plan's CSV: `;` between fields, a byte-order mark first.
    let csv = render(Format::Csv, plan, &schedule);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][0], "'=SUM(A1)");
    assert_eq!(
        (&rows[1][0], &rows[1][1], &rows[1][6]),
        ("'@B", "'-1+1", "'+Bob")
    );
    for row in &rows {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
    }
}

/// The rules of RFC 5545 that real clients trip on: CRLF everywhere, lines of at most 75
/// octets, no control character but the line ends and tabs, every content line `NAME...:value`.
fn assert_ics_is_strict(ics: &str) {
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n").filter(|line| !line.is_empty()) {
        assert!(line.len() <= 75, "{line}");
        assert!(!line.contains(['\r', '\n']), "{line:?}");
        let controls: Vec<char> = raw_controls(line)
            .into_iter()
            .filter(|c| c.is_control())
            .collect();
        assert_eq!(controls, [], "{line:?}");
        if !line.starts_with(' ') {
            let name_end = line.find([':', ';']).expect("a property name");
            let name = &line[..name_end];
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c == '-'),
                "{line}"
            );
        }
    }
    let reparsed = cronograma::import::ical::events(ics).expect("reads back");
    assert!(reparsed.unreadable.is_empty());
    assert!(
        reparsed
            .events
            .iter()
            .all(|event| event.get("SUMMARY").is_some())
    );
}

#[test]
fn huge_codes_names_and_people_do_not_panic() {
    let long = "x".repeat(70_000);
    let text = format!(
        "Plan(title: \"{long}\", start: \"2024-03-04\", hours_per_day: 6, activities: [(code: \"{long}\", name: \"{long}\", hours: 1, who: \"{long}\"), (code: \"B{long}\", hours: 1, who: \"{long}\")])"
    );
    let (_dir, path) = write_plan(&text);
    for args in [vec!["check"], vec!["cal", "--color", "always"], vec!["cal"]] {
        Command::cargo_bin("cronograma")
            .unwrap()
            .args(&args)
            .arg(&path)
            .assert()
            .success()
            .stdout(predicate::str::contains("xxxxxxxx"));
    }
}

#[test]
fn deeply_nested_calendars_are_an_error_not_a_crash() {
    let (dir, path) =
        write_plan(&fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron")).unwrap());
    let ics = dir.path().join("deep.ics");
    fs::write(
        &ics,
        "BEGIN:VCALENDAR\n".to_owned() + &"BEGIN:VEVENT\n".repeat(100_000),
    )
    .unwrap();
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["holidays", "import"])
        .arg(&ics)
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("anidados a más de 16 niveles"));
    let before = fs::read(&path).unwrap();
    assert_eq!(load_file(&path).unwrap().plan.holidays.len(), 3);
    assert_eq!(fs::read(&path).unwrap(), before);
}

/// An MS Project file nested a hundred thousand levels deep is refused before it is parsed (the
/// parser descends one call per level): a sentence naming the file, exit 2, nothing written.
#[test]
fn deeply_nested_project_files_are_an_error_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("deep.xml");
    fs::write(
        &file,
        "<Project xmlns=\"http://schemas.microsoft.com/project\">".to_owned()
            + &"<Tasks>".repeat(100_000),
    )
    .unwrap();
    Command::cargo_bin("cronograma")
        .unwrap()
        .arg("import")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("deep.xml"))
        .stderr(predicate::str::contains(
            "nested more than 256 levels deep (line 1)",
        ));
    assert!(!dir.path().join("deep.ron").exists());
}

/// An import whose plan could not be scheduled or opened again (a task in the year 9999, a
/// duration of 999,999,999 hours, a 20 MB name) writes nothing; the error names the input and
/// the task, exit 2 (issue 33).
#[test]
fn an_import_that_would_not_open_again_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let project = |name: &str, start: &str, work: &str| {
        format!(
            "<Project xmlns=\"http://schemas.microsoft.com/project\"><StartDate>2024-01-01T08:00:00</StartDate>\
             <Tasks><Task><UID>1</UID><ID>1</ID><Name>{name}</Name><Start>{start}T08:00:00</Start>\
             <Duration>{work}</Duration><ConstraintType>4</ConstraintType>\
             <ConstraintDate>{start}T08:00:00</ConstraintDate></Task></Tasks></Project>"
        )
    };
    let huge_name = "x".repeat(20_000_000);
    let cases = [
        (
            "year.xml",
            project("Far", "9999-12-20", "PT2000H0M0S"),
            "activity 1 would run past the year 9999",
        ),
        (
            "hours.xml",
            project("Long", "2024-02-01", "PT999999999H0M0S"),
            "task 1 \"Long\": its work is more hours than cronograma accepts",
        ),
        (
            "name.xml",
            project(&huge_name, "2024-02-01", "PT8H0M0S"),
            "more than the 10485760 a plan may have; activity 1 alone holds 20000001 bytes",
        ),
        (
            "year.csv",
            "code,name,hours,not_before\nA1,Far,200,9999-12-30\n".to_owned(),
            "activity A1 would run past the year 9999",
        ),
    ];
    for (file, text, said) in cases {
        let input = dir.path().join(file);
        fs::write(&input, text).unwrap();
        Command::cargo_bin("cronograma")
            .unwrap()
            .arg("import")
            .arg(&input)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!("{file}: ")))
            .stderr(predicate::str::contains(said));
        let written: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .filter(|name| name.to_string_lossy().ends_with(".ron"))
            .collect();
        assert_eq!(written, Vec::<std::ffi::OsString>::new(), "{file}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the names hold, the human outputs carry no raw control character and the
    /// SVG and ICS stay valid.
    #[test]
    fn any_text_gives_safe_and_valid_outputs(
        title in "\\PC*[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}]{0,3}\\PC*",
        name in "[\\x00-\\x7f\\u{80}-\\u{9f}\\u{200b}\\u{202e}\\u{fffe}\\u{ffff}a-zé]{0,40}",
        who in "[\\x00-\\x1fa-z|:;#]{0,12}",
    ) {
        let mut document = parse(
            "Plan(start: \"2024-03-04\", hours_per_day: 6, activities: [(code: \"A\", hours: 7), (code: \"B\", hours: 0)])",
            Path::new("p.ron"),
        ).unwrap();
        document.plan.title_text = Some(title);
        document.plan.activities[0].name = name.as_str().into();
        document.plan.activities[0].who = who.as_str().into();
        document.plan.holidays.push(cronograma::plan::Holiday::on(
            "2024-03-05".parse().unwrap(),
            Some(name.clone()),
        ));
        let plan = &document.plan;
        let schedule = schedule(plan).unwrap();
        let summary = cronograma::export::summary::render(plan, &schedule);
        prop_assert_eq!(raw_controls(&summary), Vec::<char>::new());
        // Files keep a name's format characters (each format escapes what it must), but
        // never a control character.
        for format in [Format::Md, Format::Mermaid] {
            let text = render(format, plan, &schedule);
            let controls: Vec<char> = raw_controls(&text).into_iter().filter(|c| c.is_control()).collect();
            prop_assert_eq!(controls, Vec::<char>::new());
        }
        let svg = render(Format::Svg, plan, &schedule);
        prop_assert!(roxmltree::Document::parse(&svg).is_ok(), "{}", svg);
        assert_ics_is_strict(&render(Format::Ics, plan, &schedule));
    }
}

/// An emoji written with zero-width joiners is one visible character, so it is a valid code
/// that the calendars show whole; a joiner that joins nothing (alone, at the end, between
/// letters) stays refused, as does any other invisible character.
#[test]
fn an_emoji_joined_by_zwj_is_a_code_and_a_lone_joiner_is_not() {
    let family = "👨\u{200d}👩\u{200d}👧";
    let text = format!(
        "Plan(start: \"2024-03-04\", hours_per_day: 6, activities: [(code: \"{family}\", hours: 12)])"
    );
    let (_dir, path) = write_plan(&text);
    let output = Command::cargo_bin("cronograma")
        .unwrap()
        .args(["cal", "--width", "80"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let calendar = String::from_utf8(output.stdout).unwrap();
    assert!(calendar.contains(&format!(" 4 {family}")), "{calendar}");
    for code in [
        "\\u{200d}",
        "A\\u{200d}",
        "A\\u{200d}1",
        "\\u{200d}👩",
        "A\\u{2060}1",
    ] {
        let text = format!(
            "Plan(start: \"2024-03-04\", hours_per_day: 6, activities: [(code: \"{code}\", hours: 1)])"
        );
        let (_dir, path) = write_plan(&text);
        Command::cargo_bin("cronograma")
            .unwrap()
            .arg("check")
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("invisible character"));
    }
}

/// What was typed reaches the terminal escaped even when the argument parser is what
/// refuses it: every bad value, flag, date, hours and number quoted in clap's errors.
#[test]
fn argument_errors_never_echo_raw_escapes() {
    let plan = concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron");
    let nasty = "x\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}";
    let cases: Vec<Vec<String>> = vec![
        vec![
            "export".into(),
            plan.into(),
            "--format".into(),
            format!("md{nasty}"),
        ],
        vec![
            "--as-of".into(),
            format!("2023{nasty}"),
            "check".into(),
            plan.into(),
        ],
        vec![
            "new".into(),
            "/tmp/never.ron".into(),
            "--start".into(),
            nasty.into(),
        ],
        vec!["log".into(), "A1".into(), nasty.into(), plan.into()],
        vec!["cal".into(), plan.into(), "--width".into(), nasty.into()],
        vec![format!("--{nasty}")],
        vec![
            "holidays".into(),
            "add".into(),
            format!("AR{nasty}"),
            "--years".into(),
            nasty.into(),
        ],
    ];
    for args in cases {
        let output = Command::cargo_bin("cronograma")
            .unwrap()
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(raw_controls(&stderr).is_empty(), "{args:?}: {stderr:?}");
        assert!(
            stderr.contains("\\u{1b}"),
            "shown escaped: {args:?}: {stderr}"
        );
        assert!(String::from_utf8(output.stdout).unwrap().is_empty());
    }
}

/// Bidirectional controls and other invisible format characters in names are shown escaped
/// on a terminal (`check`, `cal`, messages), and kept as they are in the files written.
#[test]
fn bidi_controls_are_shown_escaped_and_kept_in_files() {
    let text = "Plan(title: \"T\u{202e}1A\", start: \"2024-03-04\", hours_per_day: 6, activities: [(code: \"A\", name: \"x\u{2066}y\u{2069}\u{200b}\", hours: 6, who: \"Ana\u{202d}\")])";
    let (dir, path) = write_plan(text);
    for command in ["check", "cal", "status"] {
        let output = Command::cargo_bin("cronograma")
            .unwrap()
            .arg(command)
            .arg(&path)
            .output()
            .unwrap();
        let shown = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(raw_controls(&shown).is_empty(), "{command}: {shown:?}");
    }
    let check = Command::cargo_bin("cronograma")
        .unwrap()
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    let check = String::from_utf8(check.stdout).unwrap();
    assert!(check.contains("T\\u{202e}1A"), "{check}");
    assert!(check.contains("x\\u{2066}y\\u{2069}\\u{200b}"), "{check}");
    for format in ["md", "csv", "json"] {
        let out = dir.path().join(format!("out.{format}"));
        Command::cargo_bin("cronograma")
            .unwrap()
            .args(["export", "--format", format, "-o"])
            .arg(&out)
            .arg(&path)
            .assert()
            .success();
        let written = fs::read_to_string(&out).unwrap();
        let kept = if format == "json" {
            "T\u{202e}1A"
        } else {
            "x\u{2066}y"
        };
        assert!(written.contains(kept), "{format} keeps the text: {written}");
    }
}
