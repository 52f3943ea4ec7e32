//! `completions` and `man`, read by the real programs: bash loads the completion script and
//! completes with it; `man` renders every page with groff's warnings on, and none come.

use std::process::Command as Process;

use assert_cmd::Command;

fn cronograma() -> Command {
    Command::cargo_bin("cronograma").unwrap()
}

fn binary() -> String {
    assert_cmd::cargo::cargo_bin("cronograma")
        .display()
        .to_string()
}

/// Whether `program` runs here; if not, says why the test is skipped.
fn available(program: &str, test: &str) -> bool {
    let found = Process::new(program).arg("--version").output().is_ok();
    if !found {
        eprintln!("{test}: skipped: `{program}` is not installed");
    }
    found
}

/// What bash completes `line` to, with the script `completions bash` printed loaded.
fn bash_completes(line: &str) -> Vec<String> {
    let script = format!(
        r#"source <("{binary}" completions bash) || exit 3
complete -p cronograma >/dev/null || exit 4
COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ "$COMP_LINE" == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
_cronograma cronograma "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#,
        binary = binary()
    );
    let output = Process::new("bash").arg("-c").arg(script).output().unwrap();
    assert!(
        output.status.success(),
        "bash: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_loads_the_completions_and_completes_commands_options_and_values() {
    if !available("bash", "completions") {
        return;
    }
    assert_eq!(bash_completes("cronograma exp"), ["export"]);
    assert!(bash_completes("cronograma export --f").contains(&"--format".to_owned()));
    let formats = bash_completes("cronograma export --format ");
    for format in ["md", "ics", "mspdi", "xlsx", "pdf"] {
        assert!(formats.contains(&format.to_owned()), "{formats:?}");
    }
    assert!(bash_completes("cronograma holidays ").contains(&"import".to_owned()));
}

#[test]
fn every_shell_gets_a_script_naming_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = cronograma().args(["completions", shell]).output().unwrap();
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        for command in ["export", "holidays", "sync", "completions", "man"] {
            assert!(script.contains(command), "{shell}: {command}");
        }
    }
    cronograma().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn every_man_page_renders_without_warnings() {
    if !available("man", "man pages") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    cronograma()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 22, "{pages:?}");
    for page in &pages {
        let output = Process::new("man")
            .args(["--warnings", "-E", "UTF-8", "-l"])
            .arg(page)
            .env("MANWIDTH", "80")
            .output()
            .unwrap();
        let warnings = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success() && warnings.is_empty(),
            "{}: {warnings}",
            page.display()
        );
        // Piped, man prints plain text.
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.contains("SYNOPSIS"), "{}: {text}", page.display());
        assert!(
            text.contains("cronograma 0.1.0"),
            "{}: {text}",
            page.display()
        );
    }
    let export = std::fs::read_to_string(dir.path().join("cronograma-export.1")).unwrap();
    assert!(export.contains("\\-\\-format"));
}

#[test]
fn man_prints_one_page_and_refuses_a_command_that_is_not_one() {
    let page = cronograma()
        .args(["man", "holidays", "import"])
        .output()
        .unwrap();
    assert!(page.status.success());
    let page = String::from_utf8(page.stdout).unwrap();
    assert!(
        page.starts_with(".ie")
            && page.contains(".TH cronograma-holidays-import 1 \" \" \"cronograma 0.1.0\""),
        "{page}"
    );
    cronograma()
        .args(["man", "exprot"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no command `exprot`"));
}
