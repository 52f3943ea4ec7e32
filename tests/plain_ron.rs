//! The quick reader of plain RON never disagrees with `ron`: whatever text it accepts, `ron`
//! reads to the same plan; and it accepts what cronograma writes, whatever the plan's texts
//! hold (or the fast path would silently never be taken).

use std::path::Path;

use cronograma::plan::plain_ron;
use cronograma::plan::write::to_ron;
use cronograma::plan::{Document, Hours, Plan, parse};
use proptest::prelude::*;

/// The plan as `ron` reads it, with the options the loader uses.
fn by_ron(text: &str) -> Option<Plan> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .ok()
}

/// Every plan the repository ships: the seed and the examples.
fn shipped_plans() -> Vec<String> {
    let mut texts = vec![include_str!("../plan.ron").to_owned()];
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    for entry in std::fs::read_dir(examples).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|extension| extension == "ron") {
            texts.push(std::fs::read_to_string(path).unwrap());
        }
    }
    texts
}

#[test]
fn every_shipped_plan_reads_quickly_and_as_ron_reads_it() {
    let texts = shipped_plans();
    assert!(texts.len() >= 8, "the examples are found");
    for text in texts {
        let quick: Option<Plan> = plain_ron::read(&text);
        assert!(quick.is_some(), "not read quickly:\n{text}");
        assert_eq!(quick, by_ron(&text));
    }
}

/// One edit of a text, with characters that matter to RON or to the quick reader's limits.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Duplicate(usize),
    Insert(usize, &'static str),
}

fn edit(text: &str, edit: &Edit) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |index: usize| index % chars.len().max(1);
    let mut out: Vec<char> = chars.clone();
    match *edit {
        Edit::Delete(i) if !chars.is_empty() => {
            out.remove(at(i));
        }
        Edit::Duplicate(i) if !chars.is_empty() => out.insert(at(i), chars[at(i)]),
        Edit::Insert(i, piece) => {
            let i = at(i);
            out.splice(i..i, piece.chars());
        }
        _ => {}
    }
    out.into_iter().collect()
}

fn an_edit() -> impl Strategy<Value = Edit> {
    let pieces = prop::sample::select(vec![
        "(",
        ")",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "\\\"",
        "\\n",
        "\\u{e9}",
        "\\u{110000}",
        "\\x41",
        "\\0",
        "//",
        "/*",
        "*/",
        "#",
        "r#",
        "r\"",
        "0",
        "07",
        "9",
        ".",
        "-",
        "+",
        "e",
        "_",
        "0x1",
        "f32",
        " ",
        "\n",
        "\r\n",
        "\t",
        "\u{0b}",
        "\u{85}",
        "\u{2028}",
        "é",
        "Some(",
        "None",
        "Some",
        "true",
        "false",
        "Plan",
        "Activity",
        "inf",
        "NaN",
        "..",
        "hours: 3,",
        "note: None,",
        "x: 1,",
        "'a'",
        "b\"\"",
        "()",
        "{",
        "}",
    ]);
    prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        any::<usize>().prop_map(Edit::Duplicate),
        (any::<usize>(), pieces).prop_map(|(i, piece)| Edit::Insert(i, piece)),
    ]
}

/// A plan whose texts hold anything (quotes, backslashes, controls, accents, format
/// characters), with hours in quarter steps.
fn a_plan() -> impl Strategy<Value = Plan> {
    let text = "[\\x00-\\x7f\\u{80}-\\u{9f}\\u{200b}\\u{202e}a-zé\"\\\\]{0,20}";
    (
        text,
        text,
        "[A-Za-z][A-Za-z0-9]{0,5}",
        1u32..4000,
        0u32..400,
    )
        .prop_map(|(title, name, who, quarters, day)| {
            let base = "Plan(start: \"2024-03-04\", hours_per_day: 7.5, activities: [\
                        (code: \"A\", hours: 7), (code: \"B\", hours: 0, after: [\"A\"])], \
                        log: [(date: \"2024-03-04\", code: \"A\", hours: 1, note: \"n\")])";
            let mut plan = parse(base, Path::new("p.ron")).unwrap().plan;
            plan.title_text = Some(title);
            plan.activities[0].name = name.as_str().into();
            plan.activities[0].who = who.as_str().into();
            plan.activities[0].hours = Hours::from_quarters(quarters);
            plan.start = plan.start + chrono::Days::new(u64::from(day));
            plan
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// What cronograma writes is read quickly, to the plan that was written.
    #[test]
    fn written_plans_are_read_quickly(plan in a_plan()) {
        let text = to_ron(&Document { plan: plan.clone(), preamble: "// p\n".into() });
        let quick: Option<Plan> = plain_ron::read(&text);
        prop_assert_eq!(quick.as_ref(), Some(&plan), "{}", text);
        prop_assert_eq!(quick, by_ron(&text));
    }

    /// Edited texts: the quick reader accepts one only when ron reads it to the same plan.
    #[test]
    fn the_quick_reader_never_disagrees_with_ron(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec(an_edit(), 1..4),
    ) {
        let texts = shipped_plans();
        let original = which.get(&texts);
        let text = edits.iter().fold(original.clone(), |text, e| edit(&text, e));
        if let Some(quick) = plain_ron::read::<Plan>(&text) {
            prop_assert_eq!(Some(quick), by_ron(&text), "{}", text);
        }
    }
}
