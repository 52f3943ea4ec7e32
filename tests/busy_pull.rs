//! `busy pull` and `sync` with busy calendars (issue 35): against the real Radicale and
//! Xandikos (`pip install radicale xandikos`, each started on a free port of 127.0.0.1 and
//! skipped, saying so, where it cannot be run), and against the fake server for the faults a
//! busy calendar can have. The plan is the seed's (weekdays 08:00–14:00 from 2023-09-13);
//! the local time is Buenos Aires (`TZ`), as the student's.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;

mod common;
use common::fake::{fake, multistatus};
use common::servers::{Radicale, Xandikos, put};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron");

const ZONE: &str = "America/Argentina/Buenos_Aires";

/// A calendar of one or more components.
fn calendar(body: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//cronograma tests//EN\r\n{body}END:VCALENDAR\r\n"
    )
}

/// The zones the events are written in, as a client sends them.
const BUENOS_AIRES: &str = "BEGIN:VTIMEZONE\r\nTZID:America/Argentina/Buenos_Aires\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:-0300\r\nTZOFFSETTO:-0300\r\nTZNAME:-03\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
const MADRID: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Madrid\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

/// An event with the given lines.
fn event(uid: &str, lines: &str) -> String {
    format!("BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20230901T000000Z\r\n{lines}END:VEVENT\r\n")
}

/// The student's week as calendar resources: a weekly class with an instance moved and one
/// excluded, a meeting written in UTC, an exam all day, a call written in Madrid's time, and
/// a transparent and a cancelled event (neither busy).
fn the_week() -> Vec<(&'static str, String)> {
    let ba = "TZID=America/Argentina/Buenos_Aires";
    let class = format!(
        "{BUENOS_AIRES}{}{}",
        event(
            "algebra@uni",
            &format!(
                "DTSTART;{ba}:20230919T100000\r\nDTEND;{ba}:20230919T115000\r\nRRULE:FREQ=WEEKLY;UNTIL=20231031T235959Z\r\nEXDATE;{ba}:20231003T100000\r\nSUMMARY:Álgebra\r\n"
            )
        ),
        event(
            "algebra@uni",
            &format!(
                "RECURRENCE-ID;{ba}:20230926T100000\r\nDTSTART;{ba}:20230927T120000\r\nDTEND;{ba}:20230927T135000\r\nSUMMARY:Álgebra\r\n"
            )
        )
    );
    vec![
        ("algebra.ics", calendar(&class)),
        (
            "tutora.ics",
            calendar(&event(
                "tutora@uni",
                "DTSTART:20230914T130000Z\r\nDTEND:20230914T150000Z\r\nSUMMARY:Reunión con tutora\r\n",
            )),
        ),
        (
            "examen.ics",
            calendar(&event(
                "examen@uni",
                "DTSTART;VALUE=DATE:20230915\r\nDTEND;VALUE=DATE:20230916\r\nSUMMARY:Examen de Física\r\n",
            )),
        ),
        (
            "madrid.ics",
            calendar(&format!(
                "{MADRID}{}",
                event(
                    "madrid@uni",
                    "DTSTART;TZID=Europe/Madrid:20230921T150000\r\nDTEND;TZID=Europe/Madrid:20230921T160000\r\nSUMMARY:Llamada a Madrid\r\n",
                )
            )),
        ),
        (
            "cumple.ics",
            calendar(&event(
                "cumple@uni",
                "DTSTART:20230918T120000Z\r\nDTEND:20230918T130000Z\r\nTRANSP:TRANSPARENT\r\nSUMMARY:Cumpleaños\r\n",
            )),
        ),
        (
            "suspendida.ics",
            calendar(&event(
                "suspendida@uni",
                "DTSTART:20230920T110000Z\r\nDTEND:20230920T130000Z\r\nSTATUS:CANCELLED\r\nSUMMARY:Clase suspendida\r\n",
            )),
        ),
    ]
}

/// A copy of the seed plan with a config file naming `sync_url` and the `busy` calendars.
fn setup(sync_url: &str, busy: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy(SEED, &plan).unwrap();
    let busy: Vec<String> = busy.iter().map(|url| format!("\"{url}\"")).collect();
    let config = format!(
        "(sync: (url: \"{sync_url}\", busy: [{}]))\n",
        busy.join(", ")
    );
    std::fs::create_dir_all(dir.path().join("cronograma")).unwrap();
    std::fs::write(dir.path().join("cronograma/config.ron"), config).unwrap();
    (dir, plan)
}

fn cronograma(home: &Path) -> Command {
    let mut command = Command::cargo_bin("cronograma").unwrap();
    command
        .env("XDG_CONFIG_HOME", home)
        .env("TZ", ZONE)
        .env_remove("CRONOGRAMA_CALDAV_PASSWORD")
        .timeout(Duration::from_secs(60));
    command
}

/// Runs `cronograma ARGS PLAN`, expecting success; its output.
fn run(home: &Path, plan: &Path, args: &[&str]) -> String {
    let output = cronograma(home).args(args).arg(plan).output().unwrap();
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{args:?}: {said}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    said
}

/// What a server must do with the student's week, whichever it is: `uni` holds the week,
/// `work` is where the plan is pushed (and is a busy calendar too).
fn the_week_is_kept_free(uni: &str, work: &str) {
    for (name, text) in the_week() {
        put(&format!("{uni}{name}"), &text);
    }
    let (dir, plan) = setup(work, &[uni, work]);
    let said = run(dir.path(), &plan, &["sync"]);
    let text = std::fs::read_to_string(&plan).unwrap();
    let source = format!("source: \"{uni}\"");
    // The class: weekly, with the moved and the excluded weeks skipped, and the moved
    // instance on its own day; each block says where it came from.
    for expected in [
        "date: \"2023-09-19\", time: \"10:00-11:50\", until: \"2023-10-31\", weekly: true, skip: [\"2023-09-26\", \"2023-10-03\"]",
        "date: \"2023-09-27\", time: \"12:00-13:50\"",
        "date: \"2023-09-14\", time: \"10:00-12:00\"",
        "date: \"2023-09-15\", source",
        "date: \"2023-09-21\", time: \"10:00-11:00\"",
    ] {
        assert!(text.contains(expected), "{expected} not in\n{text}\n{said}");
    }
    assert_eq!(text.matches(&source).count(), 5, "{text}");
    // Neither the transparent nor the cancelled event, nor the plan's own events.
    for absent in ["2023-09-18", "2023-09-20", "A1"] {
        let busy = &text[text.find("busy:").expect("busy time")..];
        let busy = &busy[..busy.find("activities:").unwrap_or(busy.len())];
        assert!(!busy.contains(absent), "{absent} in\n{busy}");
    }
    // What moved, and why.
    assert!(
        said.contains(
            "A1 termina el Lun 25 12:50, antes el Jue 21 14:00: \"uni\" Jue 14 10:00–12:00, \
             \"uni\" Vie 15 todo el día y 2 más"
        ),
        "{said}"
    );
    // The work is pushed between the classes: no event of ours overlaps one.
    assert!(said.contains(&format!("{work}: created")), "{said}");
    // A second sync changes nothing, on the server or in the plan: the plan's own events in
    // the busy calendar `work` are not busy time.
    let again = run(dir.path(), &plan, &["sync"]);
    assert!(again.contains("created 0, updated 0, deleted 0"), "{again}");
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), text, "{again}");
    // A new meeting, tried first: --dry-run says what it would move and changes nothing.
    put(
        &format!("{uni}nueva.ics"),
        &calendar(&event(
            "nueva@uni",
            "DTSTART:20231002T110000Z\r\nDTEND:20231002T170000Z\r\nSUMMARY:Jornada\r\n",
        )),
    );
    let dry = run(dir.path(), &plan, &["sync", "--dry-run"]);
    assert!(dry.contains("A2 termina"), "{dry}");
    assert!(dry.contains("would update"), "{dry}");
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), text, "{dry}");
    // busy pull replaces what the calendar brought and keeps a block typed in by hand.
    let typed = text.replacen(
        "busy: [",
        "busy: [\n        (name: \"Dentista\", date: \"2023-09-25\", time: \"08:00-09:00\"),",
        1,
    );
    std::fs::write(&plan, &typed).unwrap();
    let pulled = run(dir.path(), &plan, &["busy", "pull"]);
    assert!(pulled.contains("en lugar de 5 traídos antes"), "{pulled}");
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(text.contains("Dentista"), "{text}");
    assert!(
        text.contains("date: \"2023-10-02\", time: \"08:00-14:00\""),
        "{text}"
    );
    assert_eq!(text.matches(&source).count(), 6, "{text}");
}

#[test]
fn a_real_radicale_servers_busy_time_is_kept_free() {
    let Some(server) = Radicale::start() else {
        eprintln!("skipped: Radicale cannot be run (pip install radicale)");
        return;
    };
    the_week_is_kept_free(&server.calendar("uni"), &server.calendar("work"));
}

#[test]
fn a_real_xandikos_servers_busy_time_is_kept_free() {
    let Some(server) = Xandikos::start() else {
        eprintln!("skipped: Xandikos cannot be run (pip install xandikos)");
        return;
    };
    the_week_is_kept_free(&server.calendar("uni"), &server.calendar("work"));
}

/// A busy calendar that cannot be read stops the sync before it pushes anything, and leaves
/// the plan as it was; a server that does not answer free-busy questions is asked for events.
#[test]
fn a_busy_calendar_that_fails_fails_the_sync_before_any_push() {
    for (status, body, expected) in [
        (401, String::new(), "401"),
        (404, String::new(), "404"),
        (507, String::new(), "507"),
        (
            200,
            "BEGIN:VCALENDAR\r\nBEGIN:VFREEBUSY\r\nFREEBUSY:20230914T130000Z/2023".to_owned(),
            "busy pull",
        ),
        (200, "<html>busy</html>".to_owned(), "no iCalendar text"),
    ] {
        let (busy, _) = fake(move |_| (status, body.clone()));
        let (push, pushed) = fake(|_| (207, multistatus(&[])));
        let (dir, plan) = setup(&push, &[&busy]);
        let before = std::fs::read(&plan).unwrap();
        cronograma(dir.path())
            .arg("sync")
            .arg(&plan)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(expected));
        assert_eq!(std::fs::read(&plan).unwrap(), before, "{status}");
        assert!(pushed.lock().unwrap().is_empty(), "{status}");
    }
    // Down: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (push, pushed) = fake(|_| (207, multistatus(&[])));
    let (dir, plan) = setup(&push, &[&format!("http://127.0.0.1:{port}/u/uni/")]);
    let before = std::fs::read(&plan).unwrap();
    cronograma(dir.path())
        .arg("sync")
        .arg(&plan)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be reached"));
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    assert!(pushed.lock().unwrap().is_empty());
}

#[test]
fn a_server_without_free_busy_is_asked_for_the_events() {
    let tutora = the_week()[1].1.clone();
    let (url, seen) = fake(move |request| {
        if request.body.contains("free-busy-query") {
            (501, String::new())
        } else {
            (207, multistatus(&[("/u/cal/tutora.ics", "\"1\"", &tutora)]))
        }
    });
    let (dir, plan) = setup("http://127.0.0.1:1/u/push/", &[&url]);
    let said = run(dir.path(), &plan, &["busy", "pull"]);
    assert!(
        said.contains("se agregó 1 bloque ocupado (ocurrencias: 1)"),
        "{said}"
    );
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(
        text.contains("(name: \"Reunión con tutora\", date: \"2023-09-14\", time: \"10:00-12:00\""),
        "{text}"
    );
    assert_eq!(seen.lock().unwrap().len(), 2);
}
