//! `sync` and `holidays pull` against CalDAV servers (issue 24): a small fake server in this
//! process for the HTTP behaviour that matters (conditional PUT and DELETE, 412, 401, 403,
//! 404, 507, malformed answers, a server that is down), and the real Radicale (`pip install
//! radicale`), started by the test on a free port of 127.0.0.1 (skipped, saying so, where it
//! cannot be run).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;

mod common;
use common::fake::{Seen, fake, multistatus};
use common::servers::Radicale;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron");

fn plan_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy(SEED, &plan).unwrap();
    (dir, plan)
}

fn cronograma(home: &Path) -> Command {
    let mut command = Command::cargo_bin("cronograma").unwrap();
    command
        .env("XDG_CONFIG_HOME", home)
        .env_remove("CRONOGRAMA_CALDAV_PASSWORD")
        .timeout(Duration::from_secs(60));
    command
}

/// `cronograma sync ARGS PLAN`, asserted on.
fn sync(home: &Path, plan: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    cronograma(home).arg("sync").args(args).arg(plan).assert()
}

#[test]
fn a_first_sync_creates_every_event_only_if_none_is_there() {
    let (url, seen) = fake(|request| match request.method.as_str() {
        "REPORT" => (207, multistatus(&[])),
        _ => (201, String::new()),
    });
    let (dir, plan) = plan_copy();
    sync(dir.path(), &plan, &["--url", &url])
        .success()
        .stdout(predicate::str::contains(
            "created 10, updated 0, deleted 0, unchanged 0",
        ));
    let seen = seen.lock().unwrap();
    let puts: Vec<&Seen> = seen
        .iter()
        .filter(|request| request.method == "PUT")
        .collect();
    assert_eq!(
        puts.len(),
        10,
        "a weekly series per activity (A7's last morning rides in its series) and 3 holidays"
    );
    assert!(
        puts.iter()
            .all(|put| put.header("If-None-Match") == Some("*"))
    );
    assert!(
        puts.iter()
            .all(|put| put.path.starts_with("/u/cal/") && put.path.ends_with(".ics"))
    );
    assert!(
        puts[0].body.starts_with("BEGIN:VCALENDAR\r\n")
            && puts[0]
                .body
                .contains("UID:A1-0800-1400-pps-mlops@cronograma")
    );
    assert_eq!(seen[0].header("Depth"), Some("1"));
}

/// A second sync updates in place with If-Match, deletes events of activities no longer in the
/// plan, and never touches another producer's event; a dry run changes nothing.
#[test]
fn later_syncs_update_in_place_delete_ours_and_leave_others() {
    let (dir, plan) = plan_copy();
    let output = Command::cargo_bin("cronograma")
        .unwrap()
        .args(["export", "--format", "ics"])
        .arg(&plan)
        .output()
        .unwrap();
    let ics = String::from_utf8(output.stdout).unwrap();
    let event = |uid: &str| -> String {
        // The series and the overrides of the days it carries, as the resource holds them.
        let start = ics.find(&format!("UID:{uid}")).unwrap();
        let last = ics.rfind(&format!("UID:{uid}")).unwrap();
        let begin = ics[..start].rfind("BEGIN:VEVENT").unwrap();
        let end = ics[last..].find("END:VEVENT\r\n").unwrap() + last + "END:VEVENT\r\n".len();
        let head = &ics[..ics.find("BEGIN:VEVENT").unwrap()];
        format!("{head}{}END:VCALENDAR\r\n", &ics[begin..end])
    };
    let same = event("A1-0800-1400-pps-mlops@cronograma");
    let changed = event("A2-0800-1400-pps-mlops@cronograma").replace("SUMMARY:A2", "SUMMARY:old");
    let gone = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:Z9-20230913-pps-mlops@cronograma\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let foreign = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:dentist@example.com\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let listing = multistatus(&[
        ("/u/cal/a.ics", "\"e1\"", &same),
        ("/u/cal/b.ics", "\"e2\"", &changed),
        ("/u/cal/gone.ics", "\"e3\"", gone),
        ("/u/cal/dentist.ics", "\"e4\"", foreign),
    ]);
    let (url, seen) = fake(move |request| match request.method.as_str() {
        "REPORT" => (207, listing.clone()),
        "DELETE" => (204, String::new()),
        _ => (201, String::new()),
    });
    sync(dir.path(), &plan, &["--dry-run", "--url", &url])
        .success()
        .stdout(predicate::str::contains(
            "would create 8, would update 1, would delete 1, unchanged 1",
        ))
        .stdout(predicate::str::contains(
            "delete Z9-20230913-pps-mlops@cronograma",
        ));
    assert!(
        seen.lock()
            .unwrap()
            .iter()
            .all(|request| request.method == "REPORT"),
        "a dry run only reads"
    );
    sync(dir.path(), &plan, &["--url", &url])
        .success()
        .stdout(predicate::str::contains(
            "created 8, updated 1, deleted 1, unchanged 1",
        ));
    let seen = seen.lock().unwrap();
    let update = seen
        .iter()
        .find(|request| request.method == "PUT" && request.path == "/u/cal/b.ics")
        .unwrap();
    assert_eq!(update.header("If-Match"), Some("\"e2\""));
    let delete = seen
        .iter()
        .find(|request| request.method == "DELETE")
        .unwrap();
    assert_eq!(
        (delete.path.as_str(), delete.header("If-Match")),
        ("/u/cal/gone.ics", Some("\"e3\""))
    );
    assert!(
        seen.iter()
            .all(|request| request.path != "/u/cal/dentist.ics" && request.path != "/u/cal/a.ics")
    );
}

/// Every refusal is a sentence, exit 2, and the plan untouched.
#[test]
fn server_faults_are_clear_errors_and_change_nothing_locally() {
    let cases: [(u16, &str, &str); 5] = [
        (401, "REPORT", "refused the user name or password (401)"),
        (
            403,
            "REPORT",
            "does not let this user change that calendar (403)",
        ),
        (404, "REPORT", "there is no calendar there (404)"),
        (
            412,
            "PUT",
            "changed on the server since it was read (412); nothing was overwritten",
        ),
        (507, "PUT", "no room left for this calendar (507)"),
    ];
    for (status, failing, said) in cases {
        let (url, _) = fake(move |request| {
            if request.method == failing {
                (status, String::new())
            } else if request.method == "REPORT" {
                (207, multistatus(&[]))
            } else {
                (201, String::new())
            }
        });
        let (dir, plan) = plan_copy();
        let before = std::fs::read(&plan).unwrap();
        cronograma(dir.path())
            .env("CRONOGRAMA_CALDAV_PASSWORD", "secret")
            .args(["sync", "--user", "ana", "--url", &url])
            .arg(&plan)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(said));
        assert_eq!(std::fs::read(&plan).unwrap(), before);
    }
    let (url, _) = fake(|_| (207, "<html>not dav</html>".into()));
    let (dir, plan) = plan_copy();
    sync(dir.path(), &plan, &["--url", &url])
        .code(2)
        .stderr(predicate::str::contains("answer cannot be read"));
    // Down: a port nothing listens on.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    sync(
        dir.path(),
        &plan,
        &["--url", &format!("http://127.0.0.1:{port}/cal/")],
    )
    .code(2)
    .stderr(predicate::str::contains("cannot be reached"));
}

#[test]
fn passwords_and_plain_http_are_guarded() {
    let (dir, plan) = plan_copy();
    sync(
        dir.path(),
        &plan,
        &["--url", "http://calendar.example.com/u/cal/"],
    )
    .code(2)
    .stderr(predicate::str::contains("plain http sends the password"));
    cronograma(dir.path())
        .args([
            "sync",
            "--user",
            "ana",
            "--url",
            "https://calendar.example.com/u/cal/",
        ])
        .arg(&plan)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("CRONOGRAMA_CALDAV_PASSWORD"));
    // Basic auth, from the secret file the config names.
    let (url, seen) = fake(|_| (207, multistatus(&[])));
    std::fs::create_dir_all(dir.path().join("cronograma")).unwrap();
    std::fs::write(
        dir.path().join("cronograma/config.ron"),
        "(password_file: \"secret\")",
    )
    .unwrap();
    std::fs::write(dir.path().join("cronograma/secret"), "s3cret\n").unwrap();
    sync(
        dir.path(),
        &plan,
        &["--dry-run", "--user", "ana", "--url", &url],
    )
    .success();
    let seen = seen.lock().unwrap();
    assert_eq!(
        seen[0].header("Authorization"),
        Some("Basic YW5hOnMzY3JldA==")
    );
}

/// The real Radicale: a sync creates the events, a second one changes nothing, an edit of the
/// plan updates and deletes only ours, a foreign event stays byte for byte, and the holidays
/// of a holiday calendar on the server are pulled into the plan.
#[test]
fn a_real_radicale_server_is_kept_in_step() {
    let Some(server) = Radicale::start() else {
        eprintln!("skipped: Radicale cannot be run (pip install radicale)");
        return;
    };
    let (dir, plan) = plan_copy();
    let calendar = server.calendar("work");
    let sync = |expected: &str| {
        sync(dir.path(), &plan, &["--url", &calendar])
            .success()
            .stdout(predicate::str::contains(expected));
    };
    sync("created 10, updated 0, deleted 0, unchanged 0");
    let foreign = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:dentist@example.com\r\nDTSTAMP:20230901T000000Z\r\nDTSTART:20230915T090000\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    server.put(&format!("{calendar}dentist.ics"), foreign);
    let dentist = |stored: Vec<String>| {
        stored
            .into_iter()
            .find(|text| text.contains("dentist@example.com"))
    };
    let foreign_stored = dentist(server.stored("work")).expect("stored");
    sync("created 0, updated 0, deleted 0, unchanged 10");
    // A holiday moved from Monday 16 October to Tuesday 17: A4's week keeps its length, so
    // only A4's series (its exceptions) and the holiday's event change.
    let edit = |from: &str, to: &str| {
        let text = std::fs::read_to_string(&plan).unwrap().replace(from, to);
        std::fs::write(&plan, text).unwrap();
    };
    edit("2023-10-16", "2023-10-17");
    sync("created 1, updated 1, deleted 1, unchanged 8");
    edit("2023-10-17", "2023-10-16");
    sync("created 1, updated 1, deleted 1, unchanged 8");
    // A7 loses 10 hours: its last morning, carried by its series, goes, and the series ends
    // a day earlier: one event rewritten.
    edit("hours: 58", "hours: 48");
    sync("created 0, updated 1, deleted 0, unchanged 9");
    let stored = server.stored("work");
    assert_eq!(
        dentist(stored.clone()).as_deref(),
        Some(foreign_stored.as_str()),
        "the foreign event stays byte for byte"
    );
    assert_eq!(stored.len(), 11);
    // Holidays pulled from a holiday calendar on the same server.
    let holidays = server.calendar("feriados");
    let day = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:navidad@example.com\r\nDTSTAMP:20230101T000000Z\r\nDTSTART;VALUE=DATE:20231225\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Navidad\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    server.put(&format!("{holidays}navidad.ics"), day);
    cronograma(dir.path())
        .args(["holidays", "pull", "--url", &holidays])
        .arg(&plan)
        .assert()
        .success()
        .stdout(predicate::str::contains("se agregó 1 feriado"));
    assert!(
        std::fs::read_to_string(&plan)
            .unwrap()
            .contains("(date: \"2023-12-25\", name: \"Navidad\")")
    );
}

/// A fault part-way leaves what was done done, and the next sync finishes the job; an answer
/// too large to be a calendar is refused, not read into memory.
#[test]
fn a_sync_after_a_fault_finishes_the_job_and_huge_answers_are_refused() {
    let stored: Arc<Mutex<Vec<String>>> = Arc::new(Mutex::new(Vec::new()));
    let server = stored.clone();
    let (url, _) = fake(move |request| {
        let mut stored = server.lock().unwrap();
        match request.method.as_str() {
            "REPORT" => {
                let items: Vec<(String, String, String)> = stored
                    .iter()
                    .enumerate()
                    .map(|(at, body)| {
                        (
                            format!("/u/cal/{at}.ics"),
                            format!("\"{at}\""),
                            body.clone(),
                        )
                    })
                    .collect();
                let items: Vec<(&str, &str, &str)> = items
                    .iter()
                    .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
                    .collect();
                (207, multistatus(&items))
            }
            // The server fills up after nine events the first time.
            "PUT" if stored.len() == 9 && !request.path.contains("again") => {
                stored.push(String::new());
                (507, String::new())
            }
            "PUT" => {
                stored.retain(|body| !body.is_empty());
                stored.push(request.body.clone());
                (201, String::new())
            }
            _ => (204, String::new()),
        }
    });
    let (dir, plan) = plan_copy();
    sync(dir.path(), &plan, &["--url", &url])
        .code(2)
        .stderr(predicate::str::contains("(507)"));
    sync(dir.path(), &plan, &["--url", &url])
        .success()
        .stdout(predicate::str::contains(
            "created 1, updated 0, deleted 0, unchanged 9",
        ));
    let huge = "x".repeat(33 * 1024 * 1024);
    let (url, _) = fake(move |_| (207, huge.clone()));
    sync(dir.path(), &plan, &["--url", &url])
        .code(2)
        .stderr(predicate::str::contains("larger than"));
}

/// https to a server that speaks plain http is a TLS error, said as one; a server that takes
/// the connection and never answers is a timeout (30 s), said as one.
#[test]
fn tls_errors_and_timeouts_are_clear_errors() {
    let (url, _) = fake(|_| (207, multistatus(&[])));
    let (dir, plan) = plan_copy();
    sync(
        dir.path(),
        &plan,
        &["--url", &url.replace("http://", "https://")],
    )
    .code(2)
    .stderr(predicate::str::contains("cannot be reached"));
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let keep = std::thread::spawn(move || {
        let held: Vec<_> = silent.incoming().take(1).collect();
        std::thread::sleep(Duration::from_secs(40));
        drop(held);
    });
    let started = Instant::now();
    sync(
        dir.path(),
        &plan,
        &["--url", &format!("http://127.0.0.1:{port}/cal/")],
    )
    .code(2)
    .stderr(predicate::str::contains("did not answer within 30 s"));
    assert!(started.elapsed() < Duration::from_secs(45));
    drop(keep);
}

/// A server that names places outside the calendar for our own events (the calendar itself,
/// its parent, another calendar, another host, `..` and percent-encoded tricks) is never sent
/// a write there: each such answer is left alone with a warning, and the sync goes on with the
/// rest (issue 33: a DELETE of the collection's URL would erase the user's whole calendar).
#[test]
fn hrefs_outside_the_calendar_are_never_written_to() {
    let (dir, plan) = plan_copy();
    let ours = |n: usize| {
        format!(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:Z{n}-20230913-pps-mlops@cronograma\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    };
    let hostile = [
        "/u/cal/",
        "/u/cal",
        "/u/",
        "/",
        "/u/other/x.ics",
        "/u/cal/sub/x.ics",
        "/u/cal/../other/x.ics",
        "/u/cal/%2e%2e/other.ics",
        "/u/cal/a%2Fb.ics",
        "/u/cal//x.ics",
        "http://127.0.0.2/u/cal/x.ics",
        "https://127.0.0.1/u/cal/x.ics",
        "../other/x.ics",
        "/u/cal/x.ics?delete=all",
    ];
    let texts: Vec<String> = (0..hostile.len()).map(ours).collect();
    let mut items: Vec<(&str, &str, &str)> = hostile
        .iter()
        .zip(&texts)
        .map(|(href, text)| (*href, "\"e\"", text.as_str()))
        .collect();
    let inside = ours(99);
    items.push(("/u/cal/%5A99.ics", "\"e99\"", &inside));
    let listing = multistatus(&items);
    let (url, seen) = fake(move |request| match request.method.as_str() {
        "REPORT" => (207, listing.clone()),
        "DELETE" => (204, String::new()),
        _ => (201, String::new()),
    });
    let assert = sync(dir.path(), &plan, &["--url", &url]).success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert_eq!(
        stderr.matches("warning: the server named").count(),
        hostile.len(),
        "{stderr}"
    );
    assert!(
        stderr.contains("Z0-20230913-pps-mlops@cronograma"),
        "{stderr}"
    );
    let seen = seen.lock().unwrap();
    for request in seen.iter().filter(|request| request.method != "REPORT") {
        let name = request.path.strip_prefix("/u/cal/").unwrap_or_else(|| {
            panic!(
                "{} sent outside the calendar: {}",
                request.method, request.path
            )
        });
        assert!(
            !name.is_empty() && !name.contains(['/', '%']) && !name.starts_with('.'),
            "{} {}",
            request.method,
            request.path
        );
    }
    // The one of ours inside the calendar is deleted where it is, as its decoded name.
    let deletes: Vec<&str> = seen
        .iter()
        .filter(|request| request.method == "DELETE")
        .map(|request| request.path.as_str())
        .collect();
    assert_eq!(deletes, ["/u/cal/Z99.ics"]);
}

/// A URL with a password in it is refused without ever showing the password; a password file
/// others can read is warned about, as ssh does.
#[test]
fn a_password_is_never_echoed_and_its_file_must_be_private() {
    let (dir, plan) = plan_copy();
    for url in [
        "https://ana:s3cret@calendar.example.com/u/cal/",
        "http://ana:s3cret@127.0.0.1:1/u/cal/",
    ] {
        for args in [
            vec!["sync", "--url", url],
            vec!["sync", "--dry-run", "--url", url],
            vec!["holidays", "pull", "--url", url],
        ] {
            let output = cronograma(dir.path())
                .args(&args)
                .arg(&plan)
                .output()
                .unwrap();
            let said = String::from_utf8_lossy(&output.stderr).to_string()
                + &String::from_utf8_lossy(&output.stdout);
            assert_eq!(output.status.code(), Some(2), "{args:?}: {said}");
            assert!(!said.contains("s3cret"), "{args:?}: {said}");
            assert!(said.contains("ana:***@"), "{said}");
            assert!(said.contains("password_file"), "{said}");
        }
    }
    let (url, _) = fake(|_| (207, multistatus(&[])));
    let config = dir.path().join("cronograma");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.ron"), "(password_file: \"secret\")").unwrap();
    std::fs::write(config.join("secret"), "s3cret\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let secret = config.join("secret");
        std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o644)).unwrap();
        sync(
            dir.path(),
            &plan,
            &["--dry-run", "--user", "ana", "--url", &url],
        )
        .success()
        .stderr(predicate::str::contains(
            "the password file can be read by others (mode 0644)",
        ))
        .stderr(predicate::str::contains("chmod 600"))
        .stderr(predicate::str::contains("s3cret").not());
        std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).unwrap();
        sync(
            dir.path(),
            &plan,
            &["--dry-run", "--user", "ana", "--url", &url],
        )
        .success()
        .stderr(predicate::str::contains("read by others").not());
    }
}

/// An answer nested tens of thousands of levels deep is refused before parsing (the parser
/// descends one call per level and would overflow the stack): a sentence, exit 2.
#[test]
fn a_deeply_nested_answer_is_an_error_not_a_crash() {
    let (dir, plan) = plan_copy();
    let before = std::fs::read(&plan).unwrap();
    let deep = "<d:multistatus xmlns:d=\"DAV:\">".to_owned() + &"<d:response>".repeat(100_000);
    let (url, _) = fake(move |_| (207, deep.clone()));
    for args in [
        vec!["sync", "--url", &url],
        vec!["holidays", "pull", "--url", &url],
    ] {
        cronograma(dir.path())
            .args(&args)
            .arg(&plan)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("nested more than 256 levels"));
    }
    assert_eq!(std::fs::read(&plan).unwrap(), before);
}

/// Issue 35, item 6: a year of four people (198 activities, 1,140 worked intervals) is sent as
/// 213 events, one per activity (its regular hours as a weekly series carrying its hand-over
/// days) and one per holiday (15), so a first sync costs a server a write for every five
/// worked intervals; a holiday moved from one day of a week to another rewrites only the
/// series it falls in, and the holiday itself; a second sync with nothing changed is one
/// listing request.
#[test]
fn a_year_long_plan_is_sent_as_few_events_and_a_moved_holiday_rewrites_few() {
    let stored: Arc<Mutex<Vec<(String, String)>>> = Arc::new(Mutex::new(Vec::new()));
    let server = stored.clone();
    let (url, seen) = fake(move |request| {
        let mut stored = server.lock().unwrap();
        match request.method.as_str() {
            "REPORT" => {
                let items: Vec<(&str, &str, &str)> = stored
                    .iter()
                    .map(|(path, body)| (path.as_str(), "\"1\"", body.as_str()))
                    .collect();
                (207, multistatus(&items))
            }
            "PUT" => {
                stored.retain(|(path, _)| *path != request.path);
                stored.push((request.path.clone(), request.body.clone()));
                (201, String::new())
            }
            "DELETE" => {
                stored.retain(|(path, _)| *path != request.path);
                (204, String::new())
            }
            _ => (405, String::new()),
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("year.ron");
    std::fs::write(&plan, common::a_year_of_four_people_ron()).unwrap();
    sync(dir.path(), &plan, &["--url", &url])
        .success()
        .stdout(predicate::str::contains(
            "created 213, updated 0, deleted 0, unchanged 0",
        ));
    let requests = || seen.lock().unwrap().len();
    let before = requests();
    sync(dir.path(), &plan, &["--url", &url])
        .success()
        .stdout(predicate::str::contains(
            "created 0, updated 0, deleted 0, unchanged 213",
        ));
    assert_eq!(requests() - before, 1, "one listing, nothing written");
    // Labour Day moved from Thursday 1 May 2025 to Wednesday 30 April: the week keeps its
    // length, so only the series of the seven activities at work that week (their
    // exceptions) and the holiday change.
    let text = std::fs::read_to_string(&plan)
        .unwrap()
        .replace("2025-05-01", "2025-04-30");
    std::fs::write(&plan, text).unwrap();
    sync(dir.path(), &plan, &["--url", &url])
        .success()
        .stdout(predicate::str::contains(
            "created 1, updated 7, deleted 1, unchanged 205",
        ));
}
