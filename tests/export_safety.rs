//! Every export stays valid for any text (issue 33): names, people, holiday names and the
//! title are drawn from hostile pieces (quotes, backslashes, `$`, `${…}`, `$(…)`, `]]>`,
//! control characters, CR/LF, bidi controls, `|`, `:`, `#`, `;`, formula prefixes) and each
//! export is read back by a parser of its format: serde_json, the csv crate, the icalendar
//! crate and python's icalendar, roxmltree and python's XML parser, GFM's table rule, Mermaid's
//! statement rule, and tj3 itself. Where a reader is missing (python's icalendar, tj3) the
//! test says it skipped that reader.

use std::path::Path;
use std::process::Command;

use cronograma::export::{Format, render};
use cronograma::plan::{Holiday, Plan, parse};
use cronograma::schedule::schedule;
use proptest::prelude::*;

/// A hostile text: pieces that some format gives a meaning to, joined.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_owned()),
        Just("\\".to_owned()),
        Just("$".to_owned()),
        Just("${x}".to_owned()),
        Just("$(HOME)".to_owned()),
        Just("]]>".to_owned()),
        Just("<!--".to_owned()),
        Just("&amp;".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n".to_owned()),
        Just("\u{202e}".to_owned()),
        Just("\u{2066}".to_owned()),
        Just("|".to_owned()),
        Just(":".to_owned()),
        Just("#".to_owned()),
        Just(";".to_owned()),
        Just(",".to_owned()),
        Just("=SUM(A1)".to_owned()),
        Just("+1".to_owned()),
        Just("-1".to_owned()),
        Just("@x".to_owned()),
        Just("\t".to_owned()),
        Just("%%".to_owned()),
        Just("-8<-".to_owned()),
        Just("END:VEVENT".to_owned()),
        Just("}".to_owned()),
        "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}]",
        "[a-zé ]{1,4}",
    ];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

/// The seed plan with `texts` as its title, names, people and holiday names.
fn plan_with(texts: &[String]) -> Plan {
    let seed = include_str!("../plan.ron");
    let mut plan = parse(seed, Path::new("plan.ron")).unwrap().plan;
    plan.title_text = Some(texts[0].clone());
    for (index, activity) in plan.activities.iter_mut().enumerate() {
        activity.name = texts[(index + 1) % texts.len()].as_str().into();
        activity.who = texts[(index + 2) % texts.len()].as_str().into();
    }
    for (index, holiday) in plan.holidays.iter_mut().enumerate() {
        holiday.name = Some(texts[(index + 3) % texts.len()].clone());
    }
    plan.holidays.push(Holiday::on(
        "2023-10-02".parse().unwrap(),
        Some(texts[texts.len() - 1].clone()),
    ));
    plan
}

/// The cells of a GFM table row: split at each `|` that no backslash escapes (a backslash
/// escapes the character after it, a backslash included), as GitHub's parser does.
fn gfm_cells(row: &str) -> Vec<String> {
    let inner = row.trim().strip_prefix('|').unwrap_or(row.trim());
    let mut cells = vec![String::new()];
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let last = cells.last_mut().unwrap();
                last.push(c);
                if let Some(next) = chars.next() {
                    last.push(next);
                }
            }
            '|' => cells.push(String::new()),
            c => cells.last_mut().unwrap().push(c),
        }
    }
    if cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    cells
}

/// Checks every export of `plan` with the readers in this process.
fn check_exports(plan: &Plan) -> Result<(), TestCaseError> {
    let schedule = schedule(plan).unwrap();
    let json: serde_json::Value = serde_json::from_str(&render(Format::Json, plan, &schedule))
        .map_err(|error| TestCaseError::fail(format!("JSON: {error}")))?;
    for (activity, written) in plan
        .activities
        .iter()
        .zip(json["activities"].as_array().unwrap())
    {
        prop_assert_eq!(written["name"].as_str().unwrap(), &*activity.name);
        prop_assert_eq!(written["who"].as_str().unwrap(), &*activity.who);
    }

    // Read in the dialect of the plan's locale (`;` where it writes a decimal comma), past the
    // byte-order mark.
    let csv = render(Format::Csv, plan, &schedule);
    let separator = cronograma::export::csv::Dialect::of(plan.locale).separator;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    prop_assert_eq!(rows.len(), plan.activities.len());
    for (activity, row) in plan.activities.iter().zip(&rows) {
        let name = &row[1];
        prop_assert!(
            !name.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{:?}",
            name
        );
        prop_assert_eq!(
            name.strip_prefix('\'')
                .filter(|_| name != &*activity.name)
                .unwrap_or(name),
            &*activity.name
        );
    }

    let ics = render(Format::Ics, plan, &schedule);
    let calendar: icalendar::Calendar = ics
        .parse()
        .map_err(|error| TestCaseError::fail(format!("ICS: {error}\n{ics}")))?;
    let events = calendar.components.len();
    prop_assert_eq!(
        events,
        components(plan, &schedule),
        "no event added or lost"
    );

    for format in [Format::Mspdi, Format::Svg] {
        let xml = render(format, plan, &schedule);
        roxmltree::Document::parse(&xml)
            .map_err(|error| TestCaseError::fail(format!("{format:?}: {error}")))?;
    }

    let md = render(Format::Md, plan, &schedule);
    for table in md.split("\n\n").filter(|block| block.starts_with('|')) {
        let widths: Vec<usize> = table.lines().map(|row| gfm_cells(row).len()).collect();
        prop_assert!(widths.iter().all(|width| *width == widths[0]), "{}", table);
    }

    let mermaid = render(Format::Mermaid, plan, &schedule);
    let tasks: Vec<&str> = mermaid.lines().filter(|line| line.contains(" :")).collect();
    prop_assert_eq!(tasks.len(), plan.activities.len(), "{}", mermaid);
    for task in tasks {
        let name = task.rsplit_once(" :").unwrap().0;
        prop_assert!(!name.contains([':', ';', '#', '\r', '\n']), "{}", task);
    }
    Ok(())
}

/// How many VEVENTs the iCalendar export writes: a series' overrides (the days it carries)
/// are VEVENTs of their own in the same calendar entry.
fn components(plan: &cronograma::plan::Plan, schedule: &cronograma::schedule::Schedule) -> usize {
    cronograma::export::ics::events(plan, schedule)
        .iter()
        .map(|event| {
            let lines = event.text.split("\r\n");
            lines.filter(|line| *line == "BEGIN:VEVENT").count()
        })
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_export_is_read_back_whatever_the_text(texts in prop::collection::vec(hostile_text(), 4)) {
        check_exports(&plan_with(&texts))?;
    }
}

/// Fixed hostile plans, each export read by the real programs other people use: python's
/// icalendar for the ICS (as calendar apps built on it do), python's XML parser for MSPDI and
/// SVG, and tj3 for the tjp.
#[test]
fn real_readers_take_every_export_of_hostile_text() {
    let pieces = [
        "\"",
        "\\",
        "${x}",
        "$(HOME)",
        "]]>",
        "\r\n",
        "\u{202e}",
        "|",
        ":",
        "#",
        ";",
        "=1+1",
        "@x",
        "\u{1b}[2J",
        "\u{7}",
        "END:VCALENDAR",
    ];
    let texts: Vec<String> = (0..pieces.len())
        .map(|index| {
            format!(
                "n{index} {}{} x",
                pieces[index],
                pieces[(index * 7 + 3) % pieces.len()]
            )
        })
        .collect();
    let plan = plan_with(&texts);
    let schedule = schedule(&plan).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (format, name) in [
        (Format::Ics, "plan.ics"),
        (Format::Mspdi, "plan.xml"),
        (Format::Svg, "plan.svg"),
        (Format::Tjp, "plan.tjp"),
    ] {
        std::fs::write(dir.path().join(name), render(format, &plan, &schedule)).unwrap();
    }
    let script = r#"
import sys, xml.etree.ElementTree as ET
folder = sys.argv[1]
ET.parse(folder + "/plan.xml"); ET.parse(folder + "/plan.svg")
try:
    import icalendar
except ImportError:
    print("skipped: python's icalendar is not installed (pip install icalendar)")
    sys.exit(0)
calendar = icalendar.Calendar.from_ical(open(folder + "/plan.ics", "rb").read())
events = [c for c in calendar.walk("VEVENT")]
print(len(events))
for event in events:
    print(str(event.get("SUMMARY")).encode("unicode_escape").decode())
"#;
    match Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(dir.path())
        .output()
    {
        Err(_) => eprintln!("skipped: python3 is not installed"),
        Ok(output) => {
            let said = String::from_utf8_lossy(&output.stdout).to_string();
            assert!(
                output.status.success(),
                "{said}{}",
                String::from_utf8_lossy(&output.stderr)
            );
            if said.starts_with("skipped") {
                eprintln!("{said}");
            } else {
                let expected = components(&plan, &schedule);
                assert_eq!(said.lines().next(), Some(expected.to_string().as_str()));
                assert!(said.contains("n7 |"), "{said}");
            }
        }
    }
    let tjp = render(Format::Tjp, &plan, &schedule);
    match Command::new("tj3")
        .args(["--no-color", "--output-dir"])
        .arg(dir.path())
        .arg(dir.path().join("plan.tjp"))
        .output()
    {
        Err(_) => eprintln!("skipped: tj3 is not installed (apt-get install tj3)"),
        Ok(output) => {
            let said = String::from_utf8_lossy(&output.stderr).to_string()
                + &String::from_utf8_lossy(&output.stdout);
            assert!(output.status.success(), "{said}\n{tjp}");
            assert!(!said.contains("Error"), "{said}\n{tjp}");
        }
    }
}
