//! MS Project XML (MSPDI) out and in (issue 23): the export is well-formed XML in MSPDI's
//! namespace with any text; export → import gives the same schedule for every shipped plan
//! and a team on their own calendars; files written by real producers (TaskJuggler 3.7.1,
//! MPXJ 16.10: see tests/fixtures/mspdi/README.md) are read; hostile XML is refused at once;
//! and the real MPXJ reads the export (skipped, saying so, where python3 with mpxj and a Java
//! runtime are missing).

use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::Duration;

use assert_cmd::Command;
use cronograma::export::{Format, render};
use cronograma::import::mspdi::plan_from_mspdi;
use cronograma::messages::Say;
use cronograma::plan::{Locale, Plan, load_file, parse};
use cronograma::schedule::{schedule, schedule_as_of};

const TEAM: &str = include_str!("fixtures/plans/team.ron");
const HOLIDAYS_WORKED: &str = include_str!("fixtures/plans/holidays-worked.ron");

/// Each activity's code, start and end, as of the plan's last logged day (its start, untracked).
fn spans(plan: &Plan) -> Vec<(String, String, String)> {
    let as_of = plan.last_logged_day().unwrap_or(plan.start);
    let schedule = schedule_as_of(plan, as_of).unwrap();
    plan.activities
        .iter()
        .zip(schedule.spans())
        .map(|(activity, span)| {
            (
                activity.code.to_string(),
                span.start.to_string(),
                span.end.to_string(),
            )
        })
        .collect()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mspdi")
        .join(name)
}

/// The team followed to a status date (tests/fixtures/plans/team-tracked.ron).
fn tracked_team() -> Plan {
    let text = include_str!("fixtures/plans/team-tracked.ron");
    parse(text, Path::new("team-tracked.ron")).unwrap().plan
}

fn shipped_plans() -> Vec<Plan> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut plans = vec![load_file(&root.join("plan.ron")).unwrap().plan];
    for entry in std::fs::read_dir(root.join("assets/examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|extension| extension == "ron") {
            plans.push(load_file(&path).unwrap().plan);
        }
    }
    plans.push(parse(TEAM, Path::new("team.ron")).unwrap().plan);
    plans.push(holidays_worked());
    plans
}

/// Holidays given hours of their own, for everyone and for a person (issue 38).
fn holidays_worked() -> Plan {
    parse(HOLIDAYS_WORKED, Path::new("holidays-worked.ron"))
        .unwrap()
        .plan
}

#[test]
fn export_then_import_gives_the_same_schedule() {
    let mut compared = 0;
    for plan in shipped_plans() {
        if plan.is_tracked() {
            continue;
        }
        let xml = render(Format::Mspdi, &plan, &schedule(&plan).unwrap());
        let found = plan_from_mspdi(&xml).unwrap();
        assert_eq!(spans(&found.plan), spans(&plan), "{}", plan.title());
        // The windows come back as they went: the plan's, each weekday's, each person's.
        let (ours, theirs) = (schedule(&plan).unwrap(), schedule(&found.plan).unwrap());
        assert_eq!(
            theirs.calendar().windows_text(),
            ours.calendar().windows_text()
        );
        for (name, calendar) in ours.people() {
            let back = theirs.calendar_of_person(name);
            assert_eq!(back.windows_text(), calendar.windows_text(), "{name}");
            assert_eq!(back.weekdays(), calendar.weekdays(), "{name}");
        }
        assert_eq!(
            found.plan.people.len(),
            plan.people.len(),
            "{}",
            plan.title()
        );
        assert!(
            found
                .plan
                .activities
                .iter()
                .zip(&plan.activities)
                .all(|(a, b)| a.name == b.name && a.hours == b.hours),
            "{}",
            plan.title()
        );
        compared += 1;
    }
    assert!(compared >= 8, "{compared} plans");
}

/// Well-formed, in MSPDI's namespace, with the text as it was (escaped for XML), a task's
/// fields in the schema's order, and a tracked plan's progress and baseline.
#[test]
fn the_export_is_well_formed_mspdi_with_any_text() {
    let mut plan = parse(TEAM, Path::new("team.ron")).unwrap().plan;
    plan.activities[0].name = "a \u{1b}]0;x\u{7} <b>&amp;</b> \u{202e} ' \"".into();
    let xml = render(Format::Mspdi, &plan, &schedule(&plan).unwrap());
    let document = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let project = document.root_element();
    assert_eq!(
        project.tag_name().namespace(),
        Some("http://schemas.microsoft.com/project")
    );
    // The schema requires a currency (a plan has no costs: the schema's own example).
    assert!(xml.contains("<CurrencyCode>USD</CurrencyCode>\n  <CalendarUID>1</CalendarUID>"));
    let found = plan_from_mspdi(&xml).unwrap();
    assert_eq!(
        &*found.plan.activities[0].name,
        "a \\u{1b}]0;x\\u{7} <b>&amp;</b> \u{202e} ' \""
    );
    // The order MS Project writes (and the schema lists) a task's fields in.
    let order = [
        "UID",
        "ID",
        "Name",
        "Active",
        "Manual",
        "Type",
        "IsNull",
        "WBS",
        "OutlineNumber",
        "OutlineLevel",
        "Priority",
        "Start",
        "Finish",
        "Duration",
        "DurationFormat",
        "Work",
        "Milestone",
        "Summary",
        "Critical",
        "PercentComplete",
        "PercentWorkComplete",
        "ActualWork",
        "RemainingWork",
        "ConstraintType",
        "ConstraintDate",
        "PredecessorLink",
        "Baseline",
    ];
    for task in project
        .descendants()
        .filter(|node| node.has_tag_name("Task"))
    {
        let names: Vec<usize> = task
            .children()
            .filter(|node| node.is_element())
            .map(|node| {
                order
                    .iter()
                    .position(|name| *name == node.tag_name().name())
                    .expect("a known field")
            })
            .collect();
        assert!(names.is_sorted(), "{names:?}");
    }
    let tracked =
        load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/tracked.ron"))
            .unwrap()
            .plan;
    let as_of = chrono::NaiveDate::from_ymd_opt(2023, 10, 10).unwrap();
    let xml = render(
        Format::Mspdi,
        &tracked,
        &cronograma::schedule::schedule_as_of(&tracked, as_of).unwrap(),
    );
    for expected in [
        "<StatusDate>2023-10-10T14:00:00</StatusDate>",
        "<ActualWork>PT30H0M0S</ActualWork>",
        "<Baseline>",
        "<PercentComplete>100</PercentComplete>",
    ] {
        assert!(xml.contains(expected), "{expected}");
    }
}

#[test]
fn a_file_written_by_taskjuggler_is_read() {
    let text = std::fs::read_to_string(fixture("taskjuggler-3.7.1-team.xml")).unwrap();
    let found = plan_from_mspdi(&text).unwrap();
    let plan = &found.plan;
    let read: Vec<(&str, String, &str)> = plan
        .activities
        .iter()
        .map(|a| (&*a.name, a.hours.to_string(), &*a.who))
        .collect();
    assert_eq!(
        read,
        [
            ("Relevamiento <inicial>", "10.25".into(), "Ana"),
            ("Diseño & arquitectura", "20".into(), "Luis"),
            ("Implementación", "31.5".into(), "Luis"),
            ("Entrega parcial", "0".into(), ""),
            ("Pruebas", "12".into(), "Ana"),
            ("Informe", "6".into(), "(unassigned)"),
            ("Edición", "9".into(), "Eva"),
        ]
    );
    let ana = plan
        .people
        .iter()
        .find(|person| &*person.name == "Ana")
        .expect("Ana's own calendar");
    assert_eq!(
        ana.day_start.map(|at| at.to_string()).as_deref(),
        Some("14:00:00")
    );
    assert!(
        found
            .notes
            .iter()
            .any(|note| note.say(Locale::EN).contains("\"must start on\", left out")),
        "{:?}",
        found.notes
    );
}

#[test]
fn a_file_written_by_mpxj_gives_the_plans_schedule() {
    let text = std::fs::read_to_string(fixture("mpxj-16.10-team.xml")).unwrap();
    let found = plan_from_mspdi(&text).unwrap();
    let team = parse(TEAM, Path::new("team.ron")).unwrap().plan;
    assert_eq!(spans(&found.plan), spans(&team));
    assert_eq!(
        found.plan.holidays.len(),
        team.holidays.len(),
        "each exception once"
    );
}

/// Bad input: a clear error, exit 2, nothing written, at once.
#[test]
fn hostile_and_wrong_files_are_refused_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.xml");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let cases = [
        ("not-xml.xml", "Plan(start: \"2024-01-01\")".to_owned(), "not well-formed XML"),
        ("svg.xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_owned(), "not MS Project XML"),
        ("laughs.xml", format!("<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\">{}]><Project xmlns=\"http://schemas.microsoft.com/project\"><Name>&a9;</Name></Project>", (1..10).map(|n| format!("<!ENTITY a{n} \"&a{m};&a{m};&a{m};&a{m};&a{m};&a{m};&a{m};&a{m};&a{m};&a{m};\">", m = if n == 1 { String::new() } else { (n - 1).to_string() })).collect::<String>()), "DTD"),
        ("xxe.xml", "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Project xmlns=\"http://schemas.microsoft.com/project\"><Name>&x;</Name></Project>".to_owned(), "DTD"),
        ("cycle.xml", "<Project xmlns=\"http://schemas.microsoft.com/project\"><Tasks><Task><UID>1</UID><WBS>A</WBS><Work>PT8H0M0S</Work><PredecessorLink><PredecessorUID>2</PredecessorUID></PredecessorLink></Task><Task><UID>2</UID><WBS>B</WBS><Work>PT8H0M0S</Work><PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink></Task></Tasks></Project>".to_owned(), "circle"),
        ("latin1.xml", String::new(), "not UTF-8"),
    ];
    for (name, text, said) in cases {
        let path = dir.path().join(name);
        if name == "latin1.xml" {
            std::fs::write(&path, b"<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>D\xeda</Name></Project>").unwrap();
        } else {
            std::fs::write(&path, text).unwrap();
        }
        let out = dir.path().join(format!("{name}.ron"));
        Command::cargo_bin("cronograma")
            .unwrap()
            .arg("import")
            .arg(&path)
            .arg("-o")
            .arg(&out)
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicates::str::contains(said));
        assert!(!out.exists(), "{name}: nothing written");
    }
    Command::cargo_bin("cronograma")
        .unwrap()
        .arg("import")
        .arg(&huge)
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("larger than"));
}

/// The script that reads a file with MPXJ, where python3 has MPXJ and Java; `None`, saying
/// so, where it has not.
fn mpxj_script() -> Option<std::path::PathBuf> {
    let ready = Process::new("python3")
        .args(["-c", "import mpxj, jpype"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !ready {
        eprintln!("skipped: MPXJ is not installed (pip install mpxj jpype1, and a Java runtime)");
        return None;
    }
    Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/mpxj/read.py"))
}

/// What MPXJ understood of `file` (`scripts/mpxj/read.py`'s lines).
fn mpxj_says(script: &Path, file: &Path) -> String {
    let output = Process::new("python3")
        .arg(script)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The real MPXJ reads the export: every task with its WBS, name, start, finish and work.
#[test]
fn mpxj_reads_the_export() {
    let Some(script) = mpxj_script() else {
        return;
    };
    let plan = parse(TEAM, Path::new("team.ron")).unwrap().plan;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.xml");
    std::fs::write(
        &file,
        render(Format::Mspdi, &plan, &schedule(&plan).unwrap()),
    )
    .unwrap();
    let said = mpxj_says(&script, &file);
    let tasks: Vec<Vec<&str>> = said
        .lines()
        .filter(|line| line.starts_with("task\t"))
        .map(|line| line.split('\t').collect())
        .collect();
    let ours = spans(&plan);
    assert_eq!(tasks.len(), plan.activities.len(), "{said}");
    for ((task, (code, start, end)), activity) in tasks.iter().zip(&ours).zip(&plan.activities) {
        assert_eq!(task[1], code);
        assert_eq!(task[2], &*activity.name);
        assert_eq!(format!("{}:00", task[3]), *start, "{code}");
        assert_eq!(format!("{}:00", task[4]), *end, "{code}");
        assert_eq!(task[5], activity.hours.to_string(), "{code}");
    }
    assert!(
        said.contains("calendar\tStandard\t2024-03-08,2024-03-09,2024-03-29,2024-04-01")
            || said.contains("calendar\tStandard\t2024-03-29"),
        "{said}"
    );
}

/// A holiday given hours of its own is one exception, worked: no calendar of the export names
/// a date twice (MS Project refuses overlapping exceptions, and readers take either), and the
/// real MPXJ's own calendar arithmetic gives every calendar the hours cronograma schedules on
/// every day (skipped, saying so, without MPXJ).
#[test]
fn a_holiday_given_hours_is_one_exception_that_mpxj_reads_as_worked() {
    let plan = holidays_worked();
    let schedule = schedule(&plan).unwrap();
    let xml = render(Format::Mspdi, &plan, &schedule);
    let document = roxmltree::Document::parse(&xml).unwrap();
    for calendar in document
        .descendants()
        .filter(|n| n.has_tag_name("Calendar"))
    {
        let name = field(calendar, "Name").unwrap();
        let mut dates = std::collections::BTreeSet::new();
        for period in calendar
            .descendants()
            .filter(|n| n.has_tag_name("TimePeriod"))
        {
            let day = |tag| {
                field(period, tag).unwrap()[..10]
                    .parse::<chrono::NaiveDate>()
                    .unwrap()
            };
            for date in day("FromDate")
                .iter_days()
                .take_while(|date| *date <= day("ToDate"))
            {
                assert!(dates.insert(date), "{name}: {date} twice\n{xml}");
            }
        }
        assert!(!dates.is_empty(), "{name}");
    }
    // The exceptions are named in the plan's language.
    assert!(xml.contains("<Name>Own hours</Name>"), "{xml}");
    let mut spanish = plan.clone();
    spanish.locale = cronograma::plan::Locale::ES;
    let xml_es = render(Format::Mspdi, &spanish, &schedule);
    assert!(xml_es.contains("<Name>Horas propias</Name>"), "{xml_es}");
    assert!(!xml_es.contains("Own hours"), "{xml_es}");
    let Some(script) = mpxj_script() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("holidays-worked.xml");
    std::fs::write(&file, &xml).unwrap();
    let said = Process::new("python3")
        .arg(&script)
        .arg(&file)
        .args(["--days", "2024-02-05", "2024-03-15"])
        .output()
        .unwrap();
    let said = String::from_utf8(said.stdout).unwrap();
    let mut compared = 0;
    for line in said.lines().filter(|line| line.starts_with("day\t")) {
        let [_, name, date, hours] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("{line}");
        };
        let calendar = match name {
            "Standard" => schedule.calendar(),
            person => schedule.calendar_of_person(person),
        };
        let ours = calendar.capacity(date.parse().unwrap()).to_string();
        assert_eq!(hours, ours, "{name} {date}");
        compared += 1;
    }
    assert_eq!(compared, 3 * 40, "{said}");
}

/// MS Project XML files saved by producers whose files this repository does not hold (MS
/// Project itself, ProjectLibre, GanttProject), from `shared/data/` beside the checkout (where
/// the project keeps real files it gathers) or from the folder named by `CRONOGRAMA_REAL_MSPDI`:
/// each gives a plan that schedules, and that plan exported and read again gives the same
/// schedule; a file with no task to make an activity of gives an empty plan, which `import`
/// refuses with a sentence. And the export's elements come in the order those files have them
/// (Microsoft's schema is a sequence, and its XSD is not ours to ship). Skipped, saying so,
/// where there is no such file.
#[test]
fn real_files_beside_the_checkout_are_read() {
    let Some(files) = real_mspdi_files() else {
        return;
    };
    let mut order = std::collections::HashSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        learn_order(
            &roxmltree::Document::parse(&text).unwrap().root_element(),
            "",
            &mut order,
        );
        let found = plan_from_mspdi(&text).unwrap_or_else(|error| panic!("{file:?}: {error}"));
        if found.plan.activities.is_empty() {
            assert_eq!(leaf_tasks(&text), 0, "{file:?}: tasks, but no activity");
            continue;
        }
        cronograma::plan::validate::check(&found.plan)
            .unwrap_or_else(|violation| panic!("{file:?}: {violation:?}"));
        let as_of = found.plan.last_logged_day().unwrap_or(found.plan.start);
        let again = render(
            Format::Mspdi,
            &found.plan,
            &schedule_as_of(&found.plan, as_of).unwrap(),
        );
        let again = plan_from_mspdi(&again).unwrap().plan;
        assert_eq!(spans(&again), spans(&found.plan), "{file:?}");
    }
    for (plan, xml) in shipped_exports() {
        let mut ours = std::collections::HashSet::new();
        learn_order(
            &roxmltree::Document::parse(&xml).unwrap().root_element(),
            "",
            &mut ours,
        );
        let against: Vec<_> = ours
            .iter()
            .filter(|(path, first, then)| {
                order.contains(&(path.clone(), then.clone(), first.clone()))
                    && !order.contains(&(path.clone(), first.clone(), then.clone()))
            })
            .collect();
        assert!(against.is_empty(), "{}: {against:?}", plan.title());
    }
    eprintln!("read {} real MS Project XML files", files.len());
}

/// Each pair of different children met in this order under an element, with the element's
/// path: what a sequence in the schema allows.
fn learn_order(
    element: &roxmltree::Node,
    path: &str,
    pairs: &mut std::collections::HashSet<(String, String, String)>,
) {
    let path = format!("{path}/{}", element.tag_name().name());
    let children: Vec<roxmltree::Node> = element.children().filter(|c| c.is_element()).collect();
    for (at, first) in children.iter().enumerate() {
        for then in &children[at + 1..] {
            let (first, then) = (first.tag_name().name(), then.tag_name().name());
            if first != then {
                pairs.insert((path.clone(), first.to_owned(), then.to_owned()));
            }
        }
    }
    for child in &children {
        learn_order(child, &path, pairs);
    }
}

/// The real MS Project XML files beside the checkout, or `None` (said on stderr: the test
/// is skipped) where there are none.
fn real_mspdi_files() -> Option<Vec<PathBuf>> {
    let files: Vec<PathBuf> = real_folders()
        .iter()
        .flat_map(|folder| mspdi_files(folder))
        .collect();
    if files.is_empty() {
        eprintln!("skipped: no MS Project XML file in shared/data/ or CRONOGRAMA_REAL_MSPDI");
        return None;
    }
    Some(files)
}

/// Where real files the repository does not hold are looked for: the folder named by
/// `CRONOGRAMA_REAL_MSPDI`, and `shared/data/` beside the checkout.
fn real_folders() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("CRONOGRAMA_REAL_MSPDI")
        .map(PathBuf::from)
        .into_iter()
        .chain([root.join("../shared/data")])
        .collect()
}

/// Every shipped plan and its MSPDI export (a tracked one as of its last logged day).
fn shipped_exports() -> Vec<(Plan, String)> {
    let mut plans = shipped_plans();
    plans.push(tracked_team());
    plans
        .into_iter()
        .map(|plan| {
            let as_of = plan.last_logged_day().unwrap_or(plan.start);
            let xml = render(Format::Mspdi, &plan, &schedule_as_of(&plan, as_of).unwrap());
            (plan, xml)
        })
        .collect()
}

/// Every shipped plan's export is valid against MSPDI's XML Schema (Microsoft's mspdi_pj*.xsd,
/// which is not ours to ship) where one is beside the checkout (see [`real_folders`]), by the
/// JDK's validator (scripts/mspdi/Validate.java). Skipped, saying so, with no schema or no
/// `java`.
#[test]
fn the_export_is_valid_against_a_schema_beside_the_checkout() {
    let schemas: Vec<PathBuf> = real_folders()
        .iter()
        .flat_map(|folder| files_ending(folder, "xsd"))
        .filter(|path| {
            std::fs::read_to_string(path).is_ok_and(|text| {
                text.contains("targetNamespace=\"http://schemas.microsoft.com/project\"")
            })
        })
        .collect();
    let java = Process::new("java").arg("-version").output().is_ok();
    if schemas.is_empty() || !java {
        eprintln!(
            "skipped: no MSPDI schema (.xsd) in shared/data/ or CRONOGRAMA_REAL_MSPDI, or no java"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (at, (_, xml)) in shipped_exports().iter().enumerate() {
        let file = dir.path().join(format!("plan{at}.xml"));
        std::fs::write(&file, xml).unwrap();
        files.push(file);
    }
    let validator = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/mspdi/Validate.java");
    for schema in &schemas {
        let output = Process::new("java")
            .arg(&validator)
            .arg(schema)
            .args(&files)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{schema:?}:\n{said}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(said.matches(": valid").count(), files.len(), "{said}");
    }
    eprintln!("valid against {} MSPDI schema(s)", schemas.len());
}

/// The files in `folder` and below it whose names end in `.EXTENSION`.
fn files_ending(folder: &Path, extension: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for path in entries.flatten().map(|entry| entry.path()) {
        if path.is_dir() {
            files.extend(files_ending(&path, extension));
        } else if path.extension().is_some_and(|found| found == extension) {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The MSPDI files in `folder` and below it.
fn mspdi_files(folder: &Path) -> Vec<PathBuf> {
    files_ending(folder, "xml")
        .into_iter()
        .filter(|path| {
            std::fs::read_to_string(path)
                .is_ok_and(|text| text.contains("http://schemas.microsoft.com/project"))
        })
        .collect()
}

/// How many tasks of an MSPDI file are neither summaries, the project's own task (UID 0) nor
/// empty rows.
fn leaf_tasks(text: &str) -> usize {
    let document = roxmltree::Document::parse(text).unwrap();
    let field = |task: roxmltree::Node, name: &str| {
        task.children()
            .find(|child| child.has_tag_name(name))
            .and_then(|child| child.text())
            .map(str::to_owned)
    };
    document
        .descendants()
        .filter(|node| node.has_tag_name("Task"))
        .filter(|task| {
            field(*task, "UID").as_deref() != Some("0")
                && field(*task, "Summary").as_deref() != Some("1")
                && field(*task, "IsNull").as_deref() != Some("1")
        })
        .count()
}

/// A tracked plan goes out with its logged work day by day (as MS Project records actual work)
/// and comes back with it as its log: the same schedule as of the status date, the same hours
/// logged on the same days, the same logged and remaining hours of every activity.
#[test]
fn a_tracked_plan_survives_export_and_import() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tracked = load_file(&root.join("assets/examples/tracked.ron"))
        .unwrap()
        .plan;
    let team = tracked_team();
    for plan in [tracked, team] {
        let as_of = plan.last_logged_day().unwrap();
        let ours = schedule_as_of(&plan, as_of).unwrap();
        let xml = render(Format::Mspdi, &plan, &ours);
        let found = plan_from_mspdi(&xml).unwrap();
        assert!(
            found
                .notes
                .iter()
                .any(|note| note.say(Locale::EN).contains("is the plan's log")),
            "{:?}",
            found.notes
        );
        let theirs = schedule_as_of(&found.plan, as_of).unwrap();
        assert_eq!(theirs.spans(), ours.spans(), "{}", plan.title());
        let days = |plan: &Plan| {
            let mut days: Vec<(String, chrono::NaiveDate, String)> = (plan.log_entries().iter())
                .map(|entry| (entry.code.to_string(), entry.date, entry.hours.to_string()))
                .collect();
            days.sort();
            days
        };
        assert_eq!(days(&found.plan), days(&plan), "{}", plan.title());
        assert_eq!(theirs.progress(), ours.progress(), "{}", plan.title());
    }
}

/// Real files schedule to the Start and Finish their producer saved, to the minute, for every
/// task whose schedule a plan can express (issue 34, item 3; `shared/data/mspdi/SOURCE.txt`
/// says how to judge): no lag and no link other than finish-to-start, no elapsed duration, and
/// the same for what it waits for (tasks scheduled by hand are compared too: in these files
/// they sit where their calendar puts them). To the minute: the files' days have a lunch
/// break, which the plan's windows keep.
#[test]
fn real_files_schedule_to_the_dates_their_producer_saved() {
    let Some(files) = real_mspdi_files() else {
        return;
    };
    let mut compared = 0;
    // MPXJ's reading of each file, where it is installed: a second opinion on the dates.
    let mpxj = mpxj_script();
    let (mut mpxj_compared, mut with_wbs) = (0, 0);
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let second_opinion: Option<std::collections::HashMap<String, (String, String)>> =
            mpxj.as_ref().map(|script| {
                mpxj_says(script, file)
                    .lines()
                    .filter_map(|line| {
                        let fields: Vec<&str> = line.split('\t').collect();
                        (fields[0] == "task").then(|| {
                            (
                                fields[1].to_owned(),
                                (fields[3].to_owned(), fields[4].to_owned()),
                            )
                        })
                    })
                    .collect()
            });
        let document = roxmltree::Document::parse(&text).unwrap();
        let tasks: Vec<roxmltree::Node> = document
            .descendants()
            .filter(|node| node.tag_name().name() == "Task")
            .collect();
        let by_uid: std::collections::HashMap<&str, roxmltree::Node> = tasks
            .iter()
            .filter_map(|task| Some((field(*task, "UID")?, *task)))
            .collect();
        let found = plan_from_mspdi(&text).unwrap();
        let schedule = schedule_as_of(
            &found.plan,
            found.plan.last_logged_day().unwrap_or(found.plan.start),
        )
        .unwrap();
        for (activity, span) in found.plan.activities.iter().zip(schedule.spans()) {
            let task = tasks.iter().find(|task| {
                [
                    field(**task, "WBS"),
                    field(**task, "OutlineNumber"),
                    field(**task, "ID"),
                ]
                .into_iter()
                .flatten()
                .next()
                .is_some_and(|code| code.replace([' ', '|'], "-") == *activity.code)
            });
            let Some(task) = task.filter(|task| comparable(**task, &by_uid, 0)) else {
                continue;
            };
            let saved = |name| {
                chrono::NaiveDateTime::parse_from_str(
                    field(*task, name).unwrap(),
                    "%Y-%m-%dT%H:%M:%S",
                )
                .unwrap()
            };
            let (start, finish) = (saved("Start"), saved("Finish"));
            assert_eq!(
                (span.start, span.end),
                (start, finish),
                "{}: task {}",
                file.display(),
                activity.code
            );
            with_wbs += usize::from(field(*task, "WBS").is_some());
            if let Some(wbs) = field(*task, "WBS")
                && let Some((start, finish)) =
                    second_opinion.as_ref().and_then(|tasks| tasks.get(wbs))
            {
                let minute = |at: chrono::NaiveDateTime| at.format("%Y-%m-%d %H:%M").to_string();
                assert_eq!(
                    (minute(span.start), minute(span.end)),
                    (start.clone(), finish.clone()),
                    "MPXJ on {}: task {}",
                    file.display(),
                    activity.code
                );
                mpxj_compared += 1;
            }
            compared += 1;
        }
    }
    eprintln!(
        "compared {compared} tasks of real files with the dates their producer saved, \
         {mpxj_compared} with MPXJ's reading too"
    );
    if mpxj.is_some() {
        assert_eq!(
            mpxj_compared, with_wbs,
            "MPXJ read every compared task with a WBS"
        );
    }
}

/// The minutes of an MSPDI duration (`PT7H30M0S`); `None` for another form.
fn minutes_of(text: &str) -> Option<i64> {
    let rest = text.strip_prefix("PT")?;
    let (hours, rest) = rest.split_once('H')?;
    let (minutes, rest) = rest.split_once('M')?;
    let seconds: f64 = rest.strip_suffix('S')?.parse().ok()?;
    let whole = hours.parse::<i64>().ok()? * 60 + minutes.parse::<i64>().ok()?;
    (seconds == 0.0).then_some(whole)
}

/// The trimmed text of `node`'s child `name`.
fn field<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    node.children()
        .find(|child| child.tag_name().name() == name)
        .and_then(|child| child.text())
        .map(str::trim)
}

/// Whether a task's schedule is one a plan can express (no elapsed duration, no lag, no link
/// but finish-to-start), and that of everything it waits for.
fn comparable<'a>(
    task: roxmltree::Node<'a, 'a>,
    by_uid: &std::collections::HashMap<&str, roxmltree::Node<'a, 'a>>,
    depth: usize,
) -> bool {
    const ELAPSED: [i64; 12] = [4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52];
    let elapsed = field(task, "DurationFormat")
        .and_then(|format| format.parse::<i64>().ok())
        .is_some_and(|format| ELAPSED.contains(&format));
    let mut links = task
        .children()
        .filter(|child| child.tag_name().name() == "PredecessorLink");
    // A plan counts in quarter hours, on the project's calendar.
    let quarters = ["Duration", "Work"].iter().all(|name| {
        field(task, name).is_none_or(|text| minutes_of(text).is_some_and(|m| m % 15 == 0))
    });
    // A task calendar that is the project's is no calendar of its own.
    let project_calendar = task
        .ancestors()
        .find(|node| node.tag_name().name() == "Project")
        .and_then(|project| field(project, "CalendarUID"));
    let own_calendar =
        field(task, "CalendarUID").is_some_and(|uid| uid != "-1" && Some(uid) != project_calendar);
    depth < 64
        && quarters
        && !own_calendar
        && !elapsed
        && links.all(|link| {
            field(link, "Type").unwrap_or("1") == "1"
                && field(link, "LinkLag").unwrap_or("0") == "0"
                && field(link, "PredecessorUID")
                    .and_then(|uid| by_uid.get(uid))
                    .is_none_or(|before| comparable(*before, by_uid, depth + 1))
        })
}

/// A file given to `import` is told by its content: MS Project XML saved as `.mspdi`,
/// `.xml.txt` or with no extension is read as MS Project XML, not as a plan document; a CSV
/// with no extension is a spreadsheet.
#[test]
fn import_tells_a_file_by_its_content_not_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let xml = std::fs::read(fixture("mpxj-16.10-team.xml")).unwrap();
    for name in ["equipo.mspdi", "equipo.xml.txt", "equipo"] {
        let file = dir.path().join(name);
        std::fs::write(&file, &xml).unwrap();
        let out = dir.path().join(format!("{}.ron", name.replace('.', "-")));
        Command::cargo_bin("cronograma")
            .unwrap()
            .arg("import")
            .arg(&file)
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        let plan = load_file(&out).unwrap().plan;
        assert!(
            plan.activities.iter().any(|a| &*a.name == "Implementación"),
            "{name}"
        );
    }
    let csv = dir.path().join("actividades");
    std::fs::write(&csv, "code,name,hours\nA1,Relevamiento,12\nA2,Informe,6\n").unwrap();
    let out = dir.path().join("actividades.ron");
    Command::cargo_bin("cronograma")
        .unwrap()
        .arg("import")
        .arg(&csv)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let plan = load_file(&out).unwrap().plan;
    assert_eq!(plan.activities.len(), 2);
}

/// A file that is no MS Project XML is refused in the language of the environment (`import`
/// has no plan yet whose language to speak), and nothing is written.
#[test]
fn a_file_that_is_no_project_is_refused_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tesis.xml");
    std::fs::write(&file, "<svg/>").unwrap();
    for (lang, said) in [
        (
            "es_AR.UTF-8",
            "no es XML de MS Project: el documento es <svg>",
        ),
        ("C", "not MS Project XML: the document is <svg>"),
    ] {
        Command::cargo_bin("cronograma")
            .unwrap()
            .current_dir(dir.path())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .arg("import")
            .arg(&file)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(said));
    }
    assert!(!dir.path().join("plan.ron").exists());
}

/// An MS Project file has no language of its own: the plan made of it speaks the user's, and
/// so does the import's report. Its notes are gathered by kind. A task coded `F`, how Spanish
/// tables mark a holiday, keeps the plan in English, and the note says why. Issue 38, item 3.
#[test]
fn an_imported_project_speaks_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let import = |lang: &str, file: &str| {
        let output = Command::cargo_bin("cronograma")
            .unwrap()
            .current_dir(dir.path())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .args(["import", "--force", "-o", "made.ron"])
            .arg(fixture(file))
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        let plan = load_file(&dir.path().join("made.ron")).unwrap().plan;
        (String::from_utf8(output.stdout).unwrap(), plan.locale)
    };
    let (said, locale) = import("es_AR.UTF-8", "taskjuggler-3.7.1-team.xml");
    assert_eq!(locale, Locale::ES);
    for note in [
        "nota: 7 tareas (1, 2, 3, 4, 5, 6, 7) tienen la restricción \"debe comenzar el\", que se \
         deja afuera: un plan solo tiene \"no comenzar antes del\"\n",
        "nota: 7 tareas (1, 2, 3, 4, 5, 6, 7) tienen programación manual en el archivo",
        "nota: 4 actividades empiezan en otro momento que en el archivo (3, 4, 6, 7)",
    ] {
        assert!(said.contains(note), "{note}: {said}");
    }
    let (said, locale) = import("C", "taskjuggler-3.7.1-team.xml");
    assert_eq!(locale, Locale::EN);
    assert!(
        said.contains("note: 7 tasks (1, 2, 3, 4, 5, 6, 7) have the constraint \"must start on\""),
        "{said}"
    );
    let (said, locale) = import("es_AR.UTF-8", "mpxj-16.10-team.xml");
    assert_eq!(locale, Locale::EN);
    assert!(
        said.contains("nota: el código de tarea \"F\" es la marca de feriado"),
        "{said}"
    );
}
