//! Hostile input never panics: arbitrary text and mutations of valid plans go through
//! load → validate → schedule → the interactive view's drawing at random sizes (1×1 to 300×100),
//! and every step either works or returns an error.

use std::path::Path;

use chrono::NaiveDate;
use cronograma::app::{Action, App};
use cronograma::plan::parse_file;
use cronograma::schedule::schedule;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SEED: &str = include_str!("../plan.ron");

/// Runs text through every layer; panics are the only failures.
fn survive(text: &str, width: u16, height: u16) {
    let path = Path::new("fuzz.ron");
    let Ok(document) = parse_file(text, path) else {
        return;
    };
    if schedule(&document.plan).is_err() {
        return;
    }
    let today = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
    let mut app = App::new(path, document, today).expect("a schedulable plan opens");
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    for action in [
        Action::GoToEnd,
        Action::SwitchFocus,
        Action::Zoom,
        Action::Help,
    ] {
        terminal
            .draw(|frame| cronograma::ui::draw(frame, &app))
            .unwrap();
        app.apply(action);
    }
}

/// One edit of a plan's text: delete, duplicate or swap characters, or insert one that RON cares about.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Swap(usize),
    Insert(usize, char),
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = |index: usize| index % chars.len().max(1);
    match *mutation {
        Mutation::Delete(i) if !chars.is_empty() => {
            chars.remove(at(i));
        }
        Mutation::Duplicate(i) if !chars.is_empty() => {
            let i = at(i);
            chars.insert(i, chars[i]);
        }
        Mutation::Swap(i) if chars.len() > 1 => {
            let i = at(i) % (chars.len() - 1);
            chars.swap(i, i + 1);
        }
        Mutation::Insert(i, c) => {
            let i = at(i);
            chars.insert(i, c);
        }
        _ => {}
    }
    chars.into_iter().collect()
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let significant = prop::sample::select(vec![
        '(', ')', '[', ']', ',', ':', '"', '\\', '0', '9', '.', '-', 'e', ' ', '\n', 'é',
    ]);
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Duplicate),
        any::<usize>().prop_map(Mutation::Swap),
        (any::<usize>(), significant).prop_map(|(i, c)| Mutation::Insert(i, c)),
    ]
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    (1u16..=300, 1u16..=100)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn mutated_plans_never_panic(mutations in prop::collection::vec(mutation(), 1..4), (width, height) in size()) {
        let text = mutations.iter().fold(SEED.to_owned(), |text, m| apply(&text, m));
        survive(&text, width, height);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>(), (width, height) in size()) {
        survive(&text, width, height);
    }

    #[test]
    fn plan_shaped_text_never_panics(
        body in r#"(title|start|day_start|hours_per_day|workdays|holidays|activities|locale|code|hours|date|name|[:,()\[\]"0-9.\- ]|"20[0-9]{2}-[01][0-9]-[0-3][0-9]"|Mon|Sat){0,60}"#,
        (width, height) in size(),
    ) {
        survive(&format!("Plan({body})"), width, height);
    }
}

/// An MS Project file is untrusted too: whatever its bytes, reading it, checking the plan it
/// gives and scheduling that plan end in a plan or an error, never a panic or an abort.
fn survive_project(text: &str) {
    let Ok(found) = cronograma::import::mspdi::plan_from_mspdi(text) else {
        return;
    };
    if cronograma::plan::validate::check(&found.plan).is_ok() {
        let _ = schedule(&found.plan);
    }
}

const PROJECT: &str = include_str!("fixtures/mspdi/mpxj-16.10-team.xml");

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn mutated_project_files_never_panic(mutations in prop::collection::vec(mutation(), 1..6)) {
        let text = mutations.iter().fold(PROJECT.to_owned(), |text, m| apply(&text, m));
        survive_project(&text);
    }

    /// Elements nested to any depth, closed or not, at any place of a real file.
    #[test]
    fn deeply_nested_project_files_never_crash(depth in 0usize..60_000, at in any::<usize>(), close in any::<bool>()) {
        let cut = PROJECT.char_indices().map(|(index, _)| index).nth(at % PROJECT.chars().count()).unwrap_or(0);
        let closing = if close { "</Task>".repeat(depth) } else { String::new() };
        let text = format!("{}{}{closing}{}", &PROJECT[..cut], "<Task>".repeat(depth), &PROJECT[cut..]);
        survive_project(&text);
    }
}
