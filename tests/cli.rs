//! Every subcommand of the real binary, on the repository's plan.

use assert_cmd::Command;
use predicates::prelude::*;

const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron");

fn cronograma() -> Command {
    Command::cargo_bin("cronograma").unwrap()
}

#[test]
fn check_prints_the_summary_and_every_activity() {
    cronograma()
        .args(["check", PLAN])
        .assert()
        .success()
        .stdout(predicate::str::contains("PPS MLOps"))
        .stdout(predicate::str::contains(
            "período:        2023-09-13 08:00 → 2023-11-28 12:00",
        ))
        .stdout(predicate::str::contains("horas en total: 310"))
        .stdout(predicate::str::contains("días hábiles:   52"))
        .stdout(predicate::str::contains("camino crítico (*): A1 → A2"))
        .stdout(predicate::str::contains(
            "A4  48 h  2023-10-12 08:00 → 2023-10-25 14:00",
        ));
}

#[test]
fn the_plan_defaults_to_plan_ron_in_the_current_folder() {
    cronograma()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "A7  58 h  2023-11-14 08:00 → 2023-11-28 12:00",
        ));
}

#[test]
fn cal_prints_month_grids_with_codes_and_without_colour_in_a_pipe() {
    let output = cronograma().args(["cal", PLAN]).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("Septiembre 2023") && text.contains("Noviembre 2023"));
    assert!(
        text.contains(" 41  9 A3 10 A3 11 A3 12 A4 13 F  14    15"),
        "{text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "no escape codes when not a terminal"
    );
    assert!(text.lines().all(|line| line.chars().count() <= 80));
}

#[test]
fn cal_sets_months_side_by_side_when_wide_and_colours_on_request() {
    let output = cronograma()
        .args(["cal", PLAN, "--width", "160", "--color", "always"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert!(
        first.contains("Septiembre 2023")
            && first.contains("Octubre 2023")
            && first.contains("Noviembre 2023")
    );
    assert!(text.contains('\u{1b}'));
}

#[test]
fn no_color_turns_automatic_colour_off() {
    cronograma()
        .args(["cal", PLAN])
        .env("NO_COLOR", "1")
        .assert()
        .success()
        .stdout(predicate::str::contains('\u{1b}').not());
}

#[test]
fn export_writes_each_format_to_stdout() {
    for (format, expected) in [
        ("md", "|41|9 (A3)|10 (A3)|11 (A3)|12 (A4)|13 (F)|14|15|"),
        ("json", "\"end\": \"2023-11-28T12:00\""),
        (
            "csv",
            "A7;Redacción de documentación e informe.;58;2023-11-14T08:00;2023-11-28T12:00;10;;true",
        ),
    ] {
        cronograma()
            .args(["export", PLAN, "--format", format])
            .assert()
            .success()
            .stdout(predicate::str::contains(expected));
    }
}

/// The CSV a spreadsheet of the plan's locale opens as it is: a Spanish plan's is `;`-separated
/// with decimal commas and a byte-order mark; `--sep` chooses the separator (a `,` brings the
/// decimal point with it); an English plan's is `,`-separated with decimal points.
#[test]
fn csv_is_in_the_dialect_of_the_plans_locale_or_of_sep() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    let text = std::fs::read_to_string(PLAN)
        .unwrap()
        .replace("hours: 58", "hours: 58.5");
    std::fs::write(&plan, &text).unwrap();
    let csv = |args: &[&str], plan: &std::path::Path| {
        let output = cronograma()
            .args(["export", "--format", "csv"])
            .args(args)
            .arg(plan)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let spanish = csv(&[], &plan);
    assert!(spanish.starts_with("\u{feff}code;name;hours;"), "{spanish}");
    assert!(
        spanish.contains("A7;Redacción de documentación e informe.;58,5;"),
        "{spanish}"
    );
    let tabs = csv(&["--sep", "tab"], &plan);
    assert!(
        tabs.contains("A7\tRedacción de documentación e informe.\t58,5\t"),
        "{tabs}"
    );
    let commas = csv(&["--sep", ","], &plan);
    assert!(
        commas.contains("A7,Redacción de documentación e informe.,58.5,"),
        "{commas}"
    );
    let english = dir.path().join("english.ron");
    std::fs::write(&english, text.replace("locale: \"es\"", "locale: \"en\"")).unwrap();
    let english = csv(&[], &english);
    assert!(english.starts_with("\u{feff}code,name,hours,"), "{english}");
    assert!(english.contains(",58.5,"), "{english}");
    // What it writes, import reads back.
    let out = dir.path().join("plan.csv");
    std::fs::write(&out, &spanish).unwrap();
    cronograma()
        .args(["import"])
        .arg(&out)
        .args(["-o"])
        .arg(dir.path().join("back.ron"))
        .assert()
        .success();
    let back = std::fs::read_to_string(dir.path().join("back.ron")).unwrap();
    assert!(back.contains("hours: 58.5"), "{back}");
}

#[test]
fn export_writes_to_a_file_with_dash_o() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.json");
    cronograma()
        .args(["export", PLAN, "-f", "json", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(json["working_days"], 52);
}

#[test]
fn every_subcommand_has_help() {
    for subcommand in ["check", "cal", "export", "fmt"] {
        cronograma()
            .args([subcommand, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage: cronograma"))
            .stdout(predicate::str::contains("[PLAN]"));
    }
    cronograma()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("check").and(predicate::str::contains("export")));
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    cronograma()
        .args(["export", PLAN, "-f", "docx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values: md, json, csv"));
}

#[test]
fn fmt_check_accepts_the_canonical_repository_plan_and_changes_nothing() {
    let before = std::fs::read(PLAN).unwrap();
    cronograma()
        .args(["fmt", "--check", PLAN])
        .assert()
        .success()
        .stdout("");
    cronograma().args(["fmt", PLAN]).assert().success();
    assert_eq!(
        std::fs::read(PLAN).unwrap(),
        before,
        "a canonical file is not rewritten"
    );
}

#[test]
fn fmt_rewrites_a_plan_canonically_and_keeps_its_leading_comments() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("thesis.ron");
    let messy = "// My thesis.\n// Second line.\n\nPlan(start:\"2024-03-04\",hours_per_day:7.5,\n holidays:[(date:\"2024-04-01\"),(date:\"2024-03-29\",name:\"Viernes Santo\")],\n  activities:[(code:\"R\",name:\"Read\",hours:0.25)])\n";
    std::fs::write(&path, messy).unwrap();
    cronograma()
        .args(["fmt", "--check"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "thesis.ron: not in canonical form",
        ));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        messy,
        "--check changes nothing"
    );
    cronograma().arg("fmt").arg(&path).assert().success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("// My thesis.\n// Second line.\n\nPlan(\n"),
        "{text}"
    );
    assert!(text.contains("    hours_per_day: 7.5,\n"));
    assert!(
        text.find("2024-03-29").unwrap() < text.find("2024-04-01").unwrap(),
        "holidays sorted by date"
    );
    assert!(text.contains("        (code: \"R\", name: \"Read\", hours: 0.25),\n"));
    cronograma()
        .args(["fmt", "--check"])
        .arg(&path)
        .assert()
        .success();
}

#[test]
fn fmt_refuses_an_invalid_plan_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, "Plan(start: \"2023-02-30\")").unwrap();
    cronograma()
        .arg("fmt")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a day of the calendar"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "Plan(start: \"2023-02-30\")"
    );
}

#[test]
fn md_with_gantt_appends_the_mermaid_block() {
    cronograma()
        .args(["export", PLAN, "-f", "md", "--gantt"])
        .assert()
        .success()
        .stdout(predicate::str::contains("```mermaid\ngantt\n"))
        .stdout(predicate::str::ends_with("```\n"));
    cronograma()
        .args(["export", PLAN, "-f", "json", "--gantt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--gantt va con --format md"));
}

#[test]
fn command_line_manners() {
    let dir = tempfile::tempdir().unwrap();
    // A mistyped command is named, not taken for a new plan.
    Command::cargo_bin("cronograma")
        .unwrap()
        .current_dir(dir.path())
        .arg("exprot")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean `cronograma export`?",
        ));
    // With the options of the command meant, too: not a usage error about a plan `exprot`.
    Command::cargo_bin("cronograma")
        .unwrap()
        .current_dir(dir.path())
        .args(["exprot", "--format", "md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean `cronograma export`?",
        ))
        .stderr(predicate::str::contains("<PLAN>").not());
    // `--theme` only where something is drawn in colours.
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["export", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--theme").not());
    for command in [&["cal", "--help"][..], &["new", "--help"], &["--help"]] {
        Command::cargo_bin("cronograma")
            .unwrap()
            .args(command)
            .assert()
            .success()
            .stdout(predicate::str::contains("--theme"));
    }
    // The help lists every export format (read across its wrapped lines).
    let help = Command::cargo_bin("cronograma")
        .unwrap()
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(help.contains("json, csv, mermaid, ics, svg, tjp"), "{help}");
    assert!(help.contains("mspdi (MS Project XML)"), "{help}");
    // A width narrower than a month says so.
    Command::cargo_bin("cronograma")
        .unwrap()
        .args([
            "cal",
            "--width",
            "40",
            concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron"),
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "40 columns are narrower than one month",
        ));
    // Years a bundled calendar does not have are bad input (2) that names the years it has.
    let plan = dir.path().join("plan.ron");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron"), &plan).unwrap();
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["holidays", "add", "es-md", "--years", "2034-2036"])
        .arg(&plan)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "es-md: el calendario incluido tiene 2020–2035; no tiene nada para 2034–2036",
        ));
}

/// A large JSON export, written as it is made, ends quietly when its reader goes away after a
/// few bytes (`| head -c 100`), and is whole, valid JSON when read to the end.
#[test]
fn a_streamed_json_export_is_whole_and_stops_quietly_at_a_closed_pipe() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let mut plan = String::from("Plan(start: \"2024-01-01\", hours_per_day: 7.5, activities: [");
    for index in 0..1_000 {
        plan.push_str(&format!(
            "(code: \"T{index}\", name: \"Task {index}\", hours: 40),"
        ));
    }
    plan.push_str("])");
    std::fs::write(&path, plan).unwrap();
    let binary = assert_cmd::cargo::cargo_bin("cronograma");
    let whole = std::process::Command::new(&binary)
        .args(["export", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(whole.status.success());
    let json: serde_json::Value = serde_json::from_slice(&whole.stdout).unwrap();
    assert_eq!(json["activities"].as_array().unwrap().len(), 1_000);
    assert!(
        whole.stdout.len() > 4 << 16,
        "several times a pipe's 64 KB buffer"
    );
    let mut child = std::process::Command::new(&binary)
        .args(["export", "--format", "json"])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut start = [0; 100];
    child.stdout.take().unwrap().read_exact(&mut start).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{:?}", output.status);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(&start[..1], b"{");
}

/// The interactive view started where there is no terminal to open (a new session without a
/// controlling terminal, via `setsid`; skipped where that program is missing): an error that
/// says so, exit 1, and nothing on standard output — not a panic, not escape sequences.
#[test]
fn the_view_without_a_terminal_is_an_error_not_a_panic() {
    let Ok(setsid) = which_setsid() else {
        eprintln!("setsid not found: skipped");
        return;
    };
    let binary = assert_cmd::cargo::cargo_bin("cronograma");
    let folder = tempfile::tempdir().unwrap();
    let new_plan = folder.path().join("new.ron");
    // The Spanish plan's error is Spanish; a new plan's is in the environment's language.
    let cases = [
        (PLAN, "error: la vista interactiva necesita una terminal"),
        (
            new_plan.to_str().unwrap(),
            "error: the interactive view needs a terminal",
        ),
    ];
    for (plan, expected) in cases {
        let output = std::process::Command::new(&setsid)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "en_GB.UTF-8")
            .arg("-w")
            .arg(&binary)
            .arg(plan)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{plan}: {stderr}");
        assert!(output.stdout.is_empty(), "{plan}: {:?}", output.stdout);
        assert!(stderr.starts_with(expected), "{plan}: {stderr}");
        assert!(!stderr.contains("panicked"), "{plan}: {stderr}");
    }
    assert!(!new_plan.exists(), "nothing is written without a terminal");
}

/// Where `setsid` (util-linux) is, if anywhere on the usual paths.
fn which_setsid() -> Result<std::path::PathBuf, ()> {
    ["/usr/bin/setsid", "/bin/setsid", "/usr/local/bin/setsid"]
        .iter()
        .map(std::path::PathBuf::from)
        .find(|path| path.exists())
        .ok_or(())
}

/// Each subcommand's own help begins with the description the list of subcommands gives it
/// (subcommands are built only when run, and a description could then be taken from the
/// arguments' struct instead; `holidays`' own subcommands too).
#[test]
fn every_subcommand_describes_itself_as_the_list_does() {
    let listed = |args: &[&str]| -> Vec<(String, String)> {
        let output = cronograma().args(args).output().unwrap();
        let help = String::from_utf8(output.stdout).unwrap();
        let mut commands: Vec<(String, String)> = Vec::new();
        let lines = help.lines().skip_while(|line| *line != "Commands:").skip(1);
        for line in lines.take_while(|line| line.starts_with("  ")) {
            match line
                .strip_prefix("  ")
                .filter(|rest| !rest.starts_with(' '))
            {
                // `  name  Description…`
                Some(entry) => {
                    let (name, description) = entry.split_once(' ').unwrap();
                    commands.push((name.to_owned(), description.trim().to_owned()));
                }
                // A description wrapped onto the next line.
                None => {
                    let last = commands.last_mut().unwrap();
                    last.1 = format!("{} {}", last.1, line.trim());
                }
            }
        }
        commands.retain(|(name, _)| name != "help");
        commands
    };
    let top = listed(&["--help"]);
    let holidays = listed(&["holidays", "--help"]);
    let busy = listed(&["busy", "--help"]);
    assert_eq!(top.len(), 15, "{top:?}");
    assert_eq!(holidays.len(), 4, "{holidays:?}");
    assert_eq!(busy.len(), 2, "{busy:?}");
    let commands =
        top.iter()
            .map(|(name, description)| (vec![name.clone()], description))
            .chain(holidays.iter().map(|(name, description)| {
                (vec!["holidays".to_owned(), name.clone()], description)
            }))
            .chain(
                busy.iter().map(|(name, description)| {
                    (vec!["busy".to_owned(), name.clone()], description)
                }),
            );
    for (mut command, description) in commands {
        command.push("--help".to_owned());
        let output = cronograma().args(&command).output().unwrap();
        let help = String::from_utf8(output.stdout).unwrap();
        assert!(output.status.success(), "{command:?}");
        // Its first paragraph, however it is wrapped.
        let first: Vec<&str> = help.lines().take_while(|line| !line.is_empty()).collect();
        assert_eq!(first.join(" "), *description, "{command:?}");
    }
}

/// The program reads untrusted files (.ics, .csv, .md, plans): it is a position-independent
/// executable, so the loader places it at a random address like its libraries.
#[cfg(target_os = "linux")]
#[test]
fn the_binary_is_position_independent() {
    let binary = std::fs::read(env!("CARGO_BIN_EXE_cronograma")).unwrap();
    assert_eq!(&binary[..4], b"\x7fELF", "an ELF executable");
    // e_type, little-endian on every Linux target we build for: 2 is EXEC (fixed), 3 is DYN.
    let kind = u16::from_le_bytes([binary[16], binary[17]]);
    assert_eq!(kind, 3, "ET_DYN (position-independent), not ET_EXEC");
}

/// Exit codes mean one thing (README, "Exit codes"): 2 when the input or the request is
/// wrong — the plan, a file read, the arguments, a request the data cannot satisfy — and 1
/// when a right request could not be carried out (output not written) or a check answers no.
#[test]
fn exit_codes_mean_one_thing_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy(PLAN, &plan).unwrap();
    let plan = plan.to_str().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "Plan(start: \"2023-02-30\")").unwrap();
    let broken = broken.to_str().unwrap();
    let untidy = dir.path().join("untidy.ron");
    std::fs::write(
        &untidy,
        std::fs::read_to_string(PLAN).unwrap().replace("    ", "  "),
    )
    .unwrap();
    let untidy = untidy.to_str().unwrap();
    let sheet = dir.path().join("bad.csv");
    std::fs::write(&sheet, "code;name\nA1;x\n").unwrap();
    let sheet = sheet.to_str().unwrap();
    let nowhere = dir.path().join("no/such/folder/out.md");
    let nowhere = nowhere.to_str().unwrap();
    let old = dir.path().join("old.ron");
    std::fs::write(
        &old,
        std::fs::read_to_string(PLAN)
            .unwrap()
            .replace("2023-", "2019-"),
    )
    .unwrap();
    let old = old.to_str().unwrap();
    let cases: &[(&[&str], i32)] = &[
        (&["check", "missing.ron"], 2),
        (&["check", broken], 2),
        (&["cal", broken], 2),
        (&["export", plan, "--format", "docx"], 2),
        (&["export", broken, "--format", "md"], 2),
        (&["export", plan, "--format", "md", "-o", nowhere], 1),
        (&["fmt", broken], 2),
        (&["fmt", "--check", untidy], 1),
        (&["holidays", "add", "xx", plan], 2),
        (&["holidays", "add", "ar", old], 2),
        (&["holidays", "import", "missing.ics", plan], 2),
        (&["import", sheet, "-o", "never.ron"], 2),
        (&["log", "A9", "2", plan], 2),
        (&["log", "A1", "two", plan], 2),
        (&["done", "A9", plan], 2),
        (&["status", plan], 2),
        (&["new", plan, "--yes"], 2),
        (&["--as-of", "2023-13-01", "check", plan], 2),
        (&["--no-such-flag"], 2),
        (&["check", plan], 0),
    ];
    for (args, code) in cases {
        let output = cronograma()
            .current_dir(dir.path())
            .args(*args)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(*code),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_eq!(
        std::fs::read_to_string(plan).unwrap(),
        std::fs::read_to_string(PLAN).unwrap()
    );
}

/// `--width` sizes the SVG chart for a page: the seed's 12 weeks on a landscape A4 page are
/// 1,123 pixels wide rather than 1,580, with the days narrowed to fit; it goes with svg only.
#[test]
fn the_svg_chart_is_sized_for_a_page() {
    let svg = |width: &str| {
        let output = cronograma()
            .args(["export", PLAN, "--format", "svg", "--width", width])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        let text = String::from_utf8(output.stdout).unwrap();
        roxmltree::Document::parse(&text).expect("well-formed");
        text
    };
    let a4 = svg("a4");
    assert!(
        a4.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1123\""),
        "{a4}"
    );
    let letter = svg("letter");
    assert!(letter.contains(" width=\"1056\""), "{letter}");
    let wide = svg("3000");
    assert!(wide.contains(" width=\"3000\""), "{wide}");
    cronograma()
        .args(["export", PLAN, "--format", "md", "--width", "a4"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--width va con --format svg"));
}
