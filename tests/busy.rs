//! `cronograma busy import` through the real binary: a real timetable exported by calcurse,
//! and a calendar with what real producers write (zones, Outlook's zone names and free time,
//! moved and excluded instances, transparent, cancelled and the plan's own events).

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use cronograma::plan::load_file;

/// A plan like `assets/examples/busy-week.ron` without its busy time, and one person.
const PLAN: &str = r#"Plan(
    title: "Tesis entre clases",
    locale: "es",
    start: "2026-03-02",
    windows: ["08:00-12:00", "13:00-17:00"],
    workdays: [Mon, Tue, Wed, Thu, Fri],
    holidays: [],
    people: [(name: "Ana")],
    activities: [
        (code: "A1", name: "Lectura de antecedentes", hours: 20),
        (code: "A2", name: "Escritura del marco teórico", hours: 30),
        (code: "A3", name: "Revisión con la tutora", hours: 24),
    ],
)
"#;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/calendars")
        .join(name)
}

/// Runs `busy import` on a fresh copy of `plan` in the zone `tz`; the plan's path and the run.
fn import(
    plan: &str,
    calendar: &Path,
    tz: &str,
    args: &[&str],
) -> (tempfile::TempDir, std::path::PathBuf, std::process::Output) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, plan).unwrap();
    let output = Command::cargo_bin("cronograma")
        .unwrap()
        .env("TZ", tz)
        .args(["busy", "import"])
        .arg(calendar)
        .arg(&path)
        .args(args)
        .output()
        .unwrap();
    (dir, path, output)
}

/// calcurse 4.7.1's export of a term (floating times, DURATION, weekly RRULE with UNTIL and
/// EXDATE, an all-day exam), made by `calcurse --export=ical` from appointments typed in it.
#[test]
fn a_real_calcurse_timetable_becomes_weekly_blocks_and_the_work_goes_around_it() {
    let (_dir, path, output) = import(
        PLAN,
        &fixture("calcurse-timetable.ics"),
        "America/Argentina/Buenos_Aires",
        &[],
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        said.contains("se agregaron 5 bloques ocupados (ocurrencias: 10)"),
        "{said}"
    );
    // Each block listed in the plan's words.
    assert!(
        said.contains("  2026-03-02 – 2026-03-16 semanal 08:30–10:20  Análisis Matemático II\n"),
        "{said}"
    );
    assert!(
        said.contains("  2026-03-13 todo el día  Examen de Física\n"),
        "{said}"
    );
    let text = fs::read_to_string(&path).unwrap();
    for block in [
        r#"(name: "Análisis Matemático II", date: "2026-03-02", time: "08:30-10:20", until: "2026-03-16", weekly: true)"#,
        r#"(name: "Álgebra y Geometría", date: "2026-03-03", time: "10:00-11:50", until: "2026-03-17", weekly: true)"#,
        r#"(name: "Laboratorio de Física", date: "2026-03-05", time: "14:10-17:00", until: "2026-03-12", weekly: true)"#,
        r#"(name: "Reunión con tutora", date: "2026-03-11", time: "10:00-12:00")"#,
        r#"(name: "Examen de Física", date: "2026-03-13")"#,
    ] {
        assert!(text.contains(block), "{block} in\n{text}");
    }
    // The plan reaches 18 March once the busy time is out: the import read that far (the
    // classes of 16 and 17 March are in), and no further.
    let plan = load_file(&path).unwrap().plan;
    let schedule = cronograma::schedule::schedule(&plan).unwrap();
    let end = schedule.end().format("%Y-%m-%d %H:%M").to_string();
    // By hand: A1 Mon 2 6 h 10 min (class 08:30–10:20), Tue 3 6 h 10 min, Wed 4 7 h 40 min
    // (to 16:40, with 20 min left of the day); A2 from 16:40 … ; A3 ends Wed 18 at 13:40.
    assert_eq!(end, "2026-03-18 13:40");
    assert_eq!(
        schedule.spans()[0].end.format("%Y-%m-%d %H:%M").to_string(),
        "2026-03-04 16:40"
    );
    // The same file again adds nothing and leaves the plan as it is.
    let again = Command::cargo_bin("cronograma")
        .unwrap()
        .env("TZ", "America/Argentina/Buenos_Aires")
        .args(["busy", "import"])
        .arg(fixture("calcurse-timetable.ics"))
        .arg(&path)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&again.stdout);
    assert!(
        said.contains("se agregaron 0 bloques ocupados (ocurrencias: 0)"),
        "{said}"
    );
    assert!(said.contains("ya ocupados en el plan: 10"), "{said}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

/// What real producers write, read in Buenos Aires (UTC−3, no summer time): Madrid is UTC+1
/// in March, so its 10:00 is 06:00 here; UTC's 13:00 is 10:00; a floating 15:00 stays.
#[test]
fn zones_free_time_and_moved_instances_are_read_as_calendars_show_them() {
    let (_dir, path, output) = import(
        PLAN,
        &fixture("producers-busy.ics"),
        "America/Argentina/Buenos_Aires",
        &["--from", "2026-03-01", "--to", "2026-03-31", "--who", "Ana"],
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        said.contains(
            "se omitieron transparentes (libres): 2, cancelados: 1, eventos del propio plan: 1"
        ),
        "{said}"
    );
    let plan = load_file(&path).unwrap().plan;
    assert!(plan.busy.is_empty(), "--who puts it on the person");
    let mut busy: Vec<String> = plan.people[0]
        .busy
        .iter()
        .flat_map(|block| {
            let time = block.time.map_or("all day".to_owned(), |t| t.to_string());
            block
                .days()
                .map(move |day| format!("{day} {time} {}", block.name))
                .collect::<Vec<_>>()
        })
        .collect();
    busy.sort();
    let mut expected = [
        // A weekly seminar in Madrid at 10:00 (UTC+1): 06:00 here. The 17th is excluded, the
        // 24th moved to 12:00 (08:00 here); on the 31st Madrid is on summer time (UTC+2 from
        // 29 March), so its 10:00 is 05:00 here.
        "2026-03-03 06:00-07:30 Seminario",
        "2026-03-10 06:00-07:30 Seminario",
        "2026-03-24 08:00-09:30 Seminario",
        "2026-03-31 05:00-06:30 Seminario",
        // Outlook's zone name for Buenos Aires.
        "2026-03-04 09:00-10:00 Consulta",
        // A meeting in UTC.
        "2026-03-05 10:00-11:00 Reunión de equipo",
        // A floating shift that crosses midnight: busy on both days.
        "2026-03-06 22:00-24:00 Turno",
        "2026-03-07 00:00-02:00 Turno",
        // A congress of three days, all day.
        "2026-03-09 all day Congreso",
        "2026-03-10 all day Congreso",
        "2026-03-11 all day Congreso",
    ]
    .map(String::from);
    expected.sort();
    assert_eq!(busy, expected);
}

/// `--who` must name one of the plan's people; nothing is written when it does not.
#[test]
fn an_unknown_person_is_refused_and_the_plan_is_left_alone() {
    let (_dir, path, output) = import(
        PLAN,
        &fixture("calcurse-timetable.ics"),
        "UTC",
        &["--who", "Zoe"],
    );
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("\"Zoe\" no es una de las personas del plan"),
        "{said}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), PLAN);
}
