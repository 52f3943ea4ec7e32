//! The exports of the repository's own plan, checked against the seed document.

use std::path::Path;

use cronograma::export::{Format, render};
use cronograma::plan::{load_file, write::to_ron};
use cronograma::schedule::schedule;

const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron");

fn seed_export(format: Format) -> String {
    let document = load_file(Path::new(PLAN)).expect("plan.ron loads");
    let schedule = schedule(&document.plan).expect("plan.ron schedules");
    render(format, &document.plan, &schedule)
}

/// The lines of a Markdown table body: `|35|28|29|...`.
fn body_rows(markdown: &str) -> Vec<&str> {
    markdown
        .lines()
        .filter(|line| {
            line.starts_with('|') && line.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
        })
        .collect()
}

#[test]
fn markdown_table_rows_equal_the_seed_documents_byte_for_byte() {
    let seed = include_str!("fixtures/seed_tables.md");
    let ours = seed_export(Format::Md);
    assert_eq!(body_rows(&ours), body_rows(seed));
    assert_eq!(
        body_rows(seed).len(),
        16,
        "the fixture holds the three month tables"
    );
}

#[test]
fn markdown_has_the_seed_sections_in_spanish() {
    let md = seed_export(Format::Md);
    for expected in [
        "Del 13 de Septiembre del 2023 con 6 horas diarias en la franja horaria de 8 a 14 hs.",
        "* **Actividad Nº1 (A1):** Búsqueda y revisión bibliográfica. Contextualización. *Duración: 42 horas.*",
        "### Septiembre 2023",
        "### Octubre 2023",
        "### Noviembre 2023",
        "|Sem|Lun|Mar|Mié|Jue|Vie|Sáb|Dom|",
        "|:-:|:-:|:-:|:-:|:-:|:-:|:-:|:-:|",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    // September has no holiday, October and November do.
    assert_eq!(md.matches("*(F): Feriado.*").count(), 2);
}

#[test]
fn json_has_the_promised_shape() {
    let json: serde_json::Value = serde_json::from_str(&seed_export(Format::Json)).unwrap();
    assert_eq!(json["title"], "PPS MLOps");
    assert_eq!(json["start"], "2023-09-13T08:00");
    assert_eq!(json["end"], "2023-11-28T12:00");
    assert_eq!(json["total_hours"], 310);
    assert_eq!(json["working_days"], 52);
    let a7 = &json["activities"][6];
    assert_eq!(a7["code"], "A7");
    assert_eq!(a7["hours"], 58);
    assert_eq!(a7["start"], "2023-11-14T08:00");
    assert_eq!(a7["end"], "2023-11-28T12:00");
    let days = a7["days"].as_array().unwrap();
    assert_eq!(days.len(), 10);
    assert_eq!(
        days[9],
        serde_json::json!({"date": "2023-11-28", "hours": 4})
    );
}

#[test]
fn csv_has_a_header_and_a_quoted_row_per_activity() {
    // A Spanish plan: `;` between fields (Spanish spreadsheets split on it), a byte-order
    // mark first (Excel reads UTF-8 then).
    let csv = seed_export(Format::Csv);
    let csv = csv.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "code",
            "name",
            "hours",
            "start",
            "end",
            "working_days",
            "who",
            "critical",
            "after",
            "not_before"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 7);
    assert_eq!(&rows[3][0], "A4");
    assert_eq!(&rows[3][3], "2023-10-12T08:00");
    assert_eq!(&rows[3][4], "2023-10-25T14:00");
    assert_eq!(&rows[3][5], "8");
}

#[test]
fn the_repository_plan_is_in_canonical_form() {
    let text = std::fs::read_to_string(PLAN).unwrap();
    let document = load_file(Path::new(PLAN)).unwrap();
    assert_eq!(to_ron(&document), text);
}

#[test]
fn markdown_in_english_uses_english_words_and_the_h_mark() {
    let text = r#"Plan(title: "Thesis", start: "2024-03-29", day_start: "08:30", hours_per_day: 7.5,
        holidays: [(date: "2024-04-01", name: "Easter Monday")],
        activities: [(code: "R", name: "Reading", hours: 1), (code: "W", name: "Writing", hours: 7.5)])"#;
    let document = cronograma::plan::parse(text, Path::new("thesis.ron")).unwrap();
    let schedule = schedule(&document.plan).unwrap();
    let md = render(Format::Md, &document.plan, &schedule);
    for expected in [
        "# Thesis",
        "## Schedule",
        "From March 29, 2024, 7.5 hours a day from 08:30 to 16:00.",
        "* **Activity 1 (R):** Reading *Duration: 1 hour.*",
        "* **Activity 2 (W):** Writing *Duration: 7.5 hours.*",
        "|Week|Mon|Tue|Wed|Thu|Fri|Sat|Sun|",
        "|13|25|26|27|28|29 (R, W)|30|31|",
        "|14|1 (H)|2 (W)|3|4|5|6|7|",
        "*(H): Holiday.*",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
}

#[test]
fn mermaid_for_the_seed_matches_the_golden_file() {
    assert_eq!(
        seed_export(Format::Mermaid),
        include_str!("fixtures/seed.mermaid")
    );
}

#[test]
fn every_mermaid_bar_covers_exactly_the_scheduled_days() {
    let document = load_file(Path::new(PLAN)).unwrap();
    let schedule = schedule(&document.plan).unwrap();
    let mermaid = render(Format::Mermaid, &document.plan, &schedule);
    for (index, activity) in document.plan.activities.iter().enumerate() {
        let slots = schedule.slots_of(index);
        let first = slots.first().unwrap().date;
        let after_last = slots.last().unwrap().date.succ_opt().unwrap();
        let expected = format!(":crit, {}, {first}, {after_last}\n", activity.code);
        assert!(mermaid.contains(&expected), "{expected} in\n{mermaid}");
    }
    // Every day inside a bar that is not scheduled for the activity is excluded.
    assert!(mermaid.contains("excludes saturday, sunday, 2023-10-13, 2023-10-16, 2023-11-20\n"));
}

#[test]
fn ics_parses_back_to_every_activity_day_and_holiday_at_its_times() {
    use std::str::FromStr;

    use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};

    let document = load_file(Path::new(PLAN)).unwrap();
    let schedule = schedule(&document.plan).unwrap();
    let text = render(Format::Ics, &document.plan, &schedule);
    assert!(text.contains("\r\n"), "RFC 5545 lines end in CRLF");
    assert!(
        text.lines().all(|line| line.len() <= 75),
        "long lines are folded"
    );
    let calendar = Calendar::from_str(&text).expect("the export parses back");
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|component| match component {
            CalendarComponent::Event(event) => Some(event),
            _ => None,
        })
        .collect();
    // A weekly series for each activity's working hours, A7's last morning as an override
    // its series carries, and the three holidays.
    assert_eq!(events.len(), 8 + 3);

    let floating = |value: Option<DatePerhapsTime>| match value {
        Some(DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Floating(at))) => at,
        other => panic!("a floating date-time, not {other:?}"),
    };
    let property = |event: &icalendar::Event, name: &str| -> Option<String> {
        event
            .properties()
            .get(name)
            .or_else(|| event.multi_properties().get(name)?.first())
            .map(|property| property.value().to_owned())
    };
    let a7 = |overrides: bool| {
        events
            .iter()
            .find(|event| {
                event.get_uid() == Some("A7-0800-1400-pps-mlops@cronograma")
                    && property(event, "RECURRENCE-ID").is_some() == overrides
            })
            .expect("A7's series and its last morning")
    };
    let last_a7 = a7(true);
    assert_eq!(property(last_a7, "RRULE"), None, "one morning");
    assert_eq!(
        property(last_a7, "RECURRENCE-ID").as_deref(),
        Some("20231128T080000")
    );
    assert_eq!(
        property(a7(false), "RDATE").as_deref(),
        Some("20231128T080000"),
        "the series names the morning it carries"
    );
    // A4 works 12 to 25 October but for the holidays of 13 and 16.
    let a4 = events
        .iter()
        .find(|event| event.get_uid() == Some("A4-0800-1400-pps-mlops@cronograma"))
        .expect("A4's series");
    assert_eq!(floating(a4.get_start()).to_string(), "2023-10-12 08:00:00");
    assert_eq!(
        property(a4, "RRULE").as_deref(),
        Some("FREQ=WEEKLY;UNTIL=20231025T080000;BYDAY=MO,TU,WE,TH,FR")
    );
    assert_eq!(
        property(a4, "EXDATE").as_deref(),
        Some("20231013T080000,20231016T080000")
    );
    assert_eq!(
        floating(last_a7.get_start()).to_string(),
        "2023-11-28 08:00:00"
    );
    assert_eq!(
        floating(last_a7.get_end()).to_string(),
        "2023-11-28 12:00:00"
    );
    assert!(last_a7.get_summary().unwrap().starts_with("A7 · Redacción"));

    let holiday = events
        .iter()
        .find(|event| event.get_summary() == Some("Día de la Soberanía Nacional"))
        .expect("the holiday");
    assert_eq!(
        holiday.get_start(),
        Some(DatePerhapsTime::Date("2023-11-20".parse().unwrap()))
    );
    assert_eq!(
        holiday.get_end(),
        Some(DatePerhapsTime::Date("2023-11-21".parse().unwrap()))
    );

    // UIDs are unique but for the overrides, which share their series', and the same from
    // one export to the next.
    let (overrides, series): (Vec<&icalendar::Event>, Vec<&icalendar::Event>) = events
        .iter()
        .partition(|event| property(event, "RECURRENCE-ID").is_some());
    let uids: std::collections::HashSet<_> = series.iter().map(|e| e.get_uid()).collect();
    assert_eq!(uids.len(), series.len());
    assert!(overrides.iter().all(|e| uids.contains(&e.get_uid())));
    let again = render(Format::Ics, &document.plan, &schedule);
    let uid_lines = |text: &str| {
        text.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(uid_lines(&text), uid_lines(&again));
}

#[test]
fn svg_is_well_formed_with_real_text_and_matches_its_snapshot() {
    let svg = seed_export(Format::Svg);
    let document = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let texts: Vec<&str> = root
        .descendants()
        .filter(|node| node.has_tag_name("text"))
        .filter_map(|node| node.text())
        .collect();
    for expected in [
        "PPS MLOps",
        "A1",
        "42 h",
        "Septiembre 2023",
        "Sem 37",
        "Feriado",
    ] {
        assert!(texts.contains(&expected), "{expected} is selectable text");
    }
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Camino crítico: A1 → A2"))
    );
    // The three holidays are hatched; every critical bar is outlined in black.
    let hatched = root
        .descendants()
        .filter(|node| node.attribute("fill") == Some("url(#hatch)"))
        .count();
    assert_eq!(hatched, 3 + 1, "three holidays and the legend's swatch");
    insta::assert_snapshot!(svg);
}

/// The shipped tracked example on its status date.
fn tracked_export(format: Format) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/tracked.ron");
    let document = load_file(&path).expect("the tracked example loads");
    let as_of = chrono::NaiveDate::from_ymd_opt(2023, 10, 10).unwrap();
    let schedule = cronograma::schedule::schedule_as_of(&document.plan, as_of).unwrap();
    render(format, &document.plan, &schedule)
}

#[test]
fn the_svg_of_a_tracked_plan_shows_logged_and_planned_work_the_baseline_and_the_status_date() {
    let svg = tracked_export(Format::Svg);
    let document = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let rects: Vec<_> = document
        .descendants()
        .filter(|node| node.has_tag_name("rect"))
        .collect();
    // A2: its logged run (21–27 Sep), then its lighter remaining work from 10 Oct.
    let a2 = cronograma::colour::activity_hex(1);
    let a2_bars: Vec<_> = rects
        .iter()
        .filter(|rect| rect.attribute("fill") == Some(&*a2))
        .collect();
    assert!(
        a2_bars
            .iter()
            .any(|rect| rect.attribute("fill-opacity").is_none())
    );
    assert!(
        a2_bars
            .iter()
            .any(|rect| rect.attribute("fill-opacity") == Some("0.4"))
    );
    // Seven thin baseline bars, one per activity.
    let thin = rects
        .iter()
        .filter(|rect| rect.attribute("height") == Some("2"))
        .count();
    assert_eq!(thin, 7);
    // One dashed line on the status date.
    let dashed = document
        .descendants()
        .filter(|node| node.has_tag_name("line") && node.attribute("stroke-dasharray").is_some())
        .count();
    assert_eq!(dashed, 1);
}

#[test]
fn json_and_csv_of_a_tracked_plan_carry_its_progress() {
    let json: serde_json::Value = serde_json::from_str(&tracked_export(Format::Json)).unwrap();
    assert_eq!(json["as_of"], "2023-10-10");
    assert_eq!(json["progress"], 0.2171);
    assert_eq!(json["baseline_end"], "2023-11-28T12:00");
    assert_eq!(json["slip_days"], 7);
    let a2 = &json["activities"][1];
    assert_eq!(
        (a2["logged"].as_f64(), a2["remaining"].as_f64()),
        (Some(30.0), Some(12.0))
    );
    assert_eq!(a2["state"], "in_progress");
    assert_eq!(a2["slip_days"], 8);
    let tenth = a2["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|day| day["date"] == "2023-10-10")
        .unwrap();
    assert_eq!(
        (tenth["hours"].as_f64(), tenth["logged"].as_f64()),
        (Some(6.0), Some(2.0))
    );
    let csv = tracked_export(Format::Csv);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(";not_before;logged;remaining;state;baseline_start;baseline_end;slip_days")
    );
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(";36;0;done;2023-09-13T08:00;2023-09-21T14:00;-1")
    );
    // The md tables keep the seed's format; logged days carry their codes like planned ones.
    let md = tracked_export(Format::Md);
    assert!(
        md.contains("|38|18 (A1)|19 (A1)|20 (A1)|21 (A2)|22 (A2)|23|24|"),
        "{md}"
    );
    // An untracked plan's JSON has none of these keys.
    let plain: serde_json::Value = serde_json::from_str(&seed_export(Format::Json)).unwrap();
    assert!(plain.get("as_of").is_none() && plain["activities"][0].get("state").is_none());
    assert!(plain["activities"][0]["days"][0].get("logged").is_none());
}

/// The JSON export is a contract: the seed's and a tracked plan's, byte for byte as they were
/// first written (keys, order, layout, numbers).
#[test]
fn json_exports_are_byte_for_byte_the_recorded_ones() {
    assert_eq!(
        seed_export(Format::Json),
        include_str!("fixtures/seed.json")
    );
    assert_eq!(
        tracked_export(Format::Json),
        include_str!("fixtures/tracked-2023-10-10.json")
    );
}
