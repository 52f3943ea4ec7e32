//! Plans in other languages and with other first days of the week, through the real binary:
//! the seed's schedule in Brazilian Portuguese (weeks from Sunday) and in French (no words of
//! cronograma's own: English labels, French names). Every expected table was checked against a
//! wall calendar: 1 September 2023 was a Friday, 1 October a Sunday.

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron");

/// The seed in `locale`, in a folder of its own.
fn seed_in(locale: &str, extra: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let text = fs::read_to_string(SEED)
        .unwrap()
        .replace("locale: \"es\",", &format!("locale: \"{locale}\",{extra}"));
    fs::write(&path, text).unwrap();
    (dir, path)
}

fn output(args: &[&str], path: &std::path::Path) -> String {
    let output = Command::cargo_bin("cronograma")
        .unwrap()
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn brazilian_portuguese_weeks_start_on_sunday() {
    let (_dir, path) = seed_in("pt-BR", "");
    let md = output(&["export", "--format", "md"], &path);
    assert!(md.contains("## Cronograma de atividades\n\nA partir de 13 de setembro de 2023, 6 horas por dia das 08:00 às 14:00.\n"), "{md}");
    assert!(md.contains("* **Atividade nº1 (A1):** Búsqueda y revisión bibliográfica. Contextualización. *Duração: 42 horas.*"));
    let october = "### Outubro 2023

|Sem|Dom|Seg|Ter|Qua|Qui|Sex|Sáb|
|:-:|:-:|:-:|:-:|:-:|:-:|:-:|:-:|
|40|1|2 (A2)|3 (A3)|4 (A3)|5 (A3)|6 (A3)|7|
|41|8|9 (A3)|10 (A3)|11 (A3)|12 (A4)|13 (F)|14|
|42|15|16 (F)|17 (A4)|18 (A4)|19 (A4)|20 (A4)|21|
|43|22|23 (A4)|24 (A4)|25 (A4)|26 (A5)|27 (A5)|28|
|44|29|30 (A5)|31 (A5)|1|2|3|4|
";
    assert!(md.contains(october), "{md}");
    let cal = output(&["cal", "--width", "44", "--color", "never"], &path);
    let september = "                Setembro 2023
Sem Dom   Seg   Ter   Qua   Qui   Sex   Sáb
 35                                1     2
 36  3     4     5     6     7     8     9
 37 10    11    12    13 A1 14 A1 15 A1 16
 38 17    18 A1 19 A1 20 A1 21 A1 22 A2 23
 39 24    25 A2 26 A2 27 A2 28 A2 29 A2 30
";
    assert!(cal.starts_with(september), "{cal}");
}

#[test]
fn french_has_french_names_english_words_and_says_so() {
    let (_dir, path) = seed_in("fr", "");
    let md = output(&["export", "--format", "md"], &path);
    assert!(
        md.contains("### Octobre 2023\n\n|Week|Lun|Mar|Mer|Jeu|Ven|Sam|Dim|\n"),
        "{md}"
    );
    assert!(
        md.contains("|41|9 (A3)|10 (A3)|11 (A3)|12 (A4)|13 (H)|14|15|"),
        "{md}"
    );
    assert!(md.contains("* **Activity 1 (A1):**"));
    let cal = output(&["cal", "--width", "44", "--color", "never"], &path);
    assert!(
        cal.contains("Wk Lun   Mar   Mer   Jeu   Ven   Sam   Dim"),
        "{cal}"
    );
    let check = output(&["check"], &path);
    assert_eq!(
        check.matches("no words of its own in \"fr\"").count(),
        1,
        "{check}"
    );
}

#[test]
fn a_plan_may_choose_its_first_day_of_the_week() {
    // Spanish, with weeks from Saturday: the week holding 1 January is week 1, so the week of
    // Saturday 30 September 2023 is week 40 (1 January 2023 was in the week from Saturday
    // 31 December 2022).
    let (_dir, path) = seed_in("es", "\n    week_start: Sat,");
    let md = output(&["export", "--format", "md"], &path);
    assert!(md.contains("|Sem|Sáb|Dom|Lun|Mar|Mié|Jue|Vie|"), "{md}");
    assert!(
        md.contains("|40|30|1|2 (A2)|3 (A3)|4 (A3)|5 (A3)|6 (A3)|"),
        "{md}"
    );
    // fmt keeps the field where the canonical layout puts it.
    Command::cargo_bin("cronograma")
        .unwrap()
        .arg("fmt")
        .arg(&path)
        .assert()
        .success();
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("    locale: \"es\",\n    week_start: Sat,\n    start:"),
        "{text}"
    );
    // And the seed itself is untouched by all this: Monday weeks, ISO numbers.
    let seed = Command::cargo_bin("cronograma")
        .unwrap()
        .args(["export", "--format", "md", SEED])
        .output()
        .unwrap();
    let seed = String::from_utf8(seed.stdout).unwrap();
    assert!(seed.contains("|Sem|Lun|Mar|Mié|Jue|Vie|Sáb|Dom|"));
}

#[test]
fn portuguese_plans_need_no_note_about_words() {
    let (_dir, path) = seed_in("pt-BR", "");
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["check"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("no words of its own").not());
}

/// A Portuguese plan document, as the md export writes it, reads back: its start sentence, its
/// activities (`Atividade nº1 (A1) … Duração: 42 horas`) and its Sunday-first tables.
#[test]
fn a_portuguese_document_is_imported_and_checked() {
    let (dir, path) = seed_in("pt-BR", "");
    let md = output(&["export", "--format", "md"], &path);
    let doc = dir.path().join("estagio.md");
    fs::write(&doc, &md).unwrap();
    let imported = dir.path().join("imported.ron");
    Command::cargo_bin("cronograma")
        .unwrap()
        .arg("import")
        .arg(&doc)
        .arg("-o")
        .arg(&imported)
        .assert()
        .success();
    let text = fs::read_to_string(&imported).unwrap();
    assert!(
        text.contains("    locale: \"pt-BR\",\n    start: \"2023-09-13\","),
        "{text}"
    );
    assert!(
        text.contains("(code: \"A7\", name: \"Redacción de documentación e informe.\", hours: 58)")
    );
    Command::cargo_bin("cronograma")
        .unwrap()
        .args(["check", "--doc"])
        .arg(&doc)
        .arg(&imported)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "as 3 tabelas de meses (91 dias) coincidem com o cronograma",
        ));
}

/// A plan's errors are in its language, labels and hints included: a broken rule (the file
/// still says its language), a request refused, a spreadsheet that cannot be read. Issue 38,
/// item 3.
#[test]
fn errors_are_said_in_the_plans_language() {
    let stderr = |args: &[&str], path: &std::path::Path| {
        let output = Command::cargo_bin("cronograma")
            .unwrap()
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .args(args)
            .arg(path)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        String::from_utf8(output.stderr).unwrap()
    };
    // The same slip in three languages: A2 waiting for itself.
    let cases = [
        (
            "es",
            "error: ",
            "activities[1].after[0]: A2 no puede esperarse a sí misma\n  sugerencia: quítala de su propio `after`\n",
        ),
        (
            "pt-BR",
            "erro: ",
            "activities[1].after[0]: A2 não pode esperar por si mesma\n  dica: tire-a do próprio `after`\n",
        ),
        (
            "en-GB",
            "error: ",
            "activities[1].after[0]: A2 cannot wait for itself\n  hint: remove it from its own `after`\n",
        ),
    ];
    for (locale, label, said) in cases {
        let (dir, path) = seed_in(locale, "");
        let text = fs::read_to_string(&path).unwrap().replacen(
            "(code: \"A2\",",
            "(code: \"A2\", after: [\"A2\"],",
            1,
        );
        fs::write(&path, text).unwrap();
        let got = stderr(&["check"], &path);
        assert!(got.starts_with(label), "{locale}: {got}");
        assert!(got.ends_with(said), "{locale}: {got}");
        // A request the plan cannot carry out, and a spreadsheet that cannot be read.
        let (dir_ok, good) = seed_in(locale, "");
        let refused = stderr(&["log", "Z9", "2", "--as-of", "2023-10-10"], &good);
        let csv = dir.path().join("actividades.csv");
        fs::write(&csv, "code,hours\nA1,mucho\n").unwrap();
        let unread = stderr(&["import", csv.to_str().unwrap(), "--into"], &good);
        let (code, hours) = match locale {
            "es" => (
                "ninguna actividad tiene el código \"Z9\"",
                "actividades.csv:2: \"mucho\" no es una cantidad de horas\n  sugerencia: las horas son números",
            ),
            "pt-BR" => (
                "nenhuma atividade tem o código \"Z9\"",
                "actividades.csv:2: \"mucho\" não é uma quantidade de horas\n  dica: as horas são números",
            ),
            _ => (
                "no activity has the code \"Z9\"",
                "actividades.csv:2: \"mucho\" is not a number of hours\n  hint: hours are numbers",
            ),
        };
        assert!(refused.contains(code), "{locale}: {refused}");
        assert!(unread.contains(hours), "{locale}: {unread}");
        drop(dir_ok);
    }
}
