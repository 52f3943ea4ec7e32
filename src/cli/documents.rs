//! The plan document the user keeps: its tables checked against the schedule (`check --doc`)
//! and its plan parts rewritten in place (`export --format md --into`).

use crate::messages::{Msg, Sentence};
use std::path::Path;

use super::{Error, open, print_for_people};
use crate::document::{Doc, compare::differences, read::plan_of, rewrite::rewrite};
use crate::plan::{self, FileRole, MAX_PLAN_BYTES};
use crate::schedule::schedule;

/// Reads a document's text (a regular file, at most 10 MiB; Latin-1 when it is not UTF-8).
fn read_document(path: &Path) -> Result<String, Error> {
    let bytes = plan::read_regular(path, MAX_PLAN_BYTES)
        .map_err(|error| Error::input(path, Sentence::new(Msg::FaultUnreadable, &[&error])))?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        let said = Sentence::new(Msg::InputTooLarge, &[&MAX_PLAN_BYTES]);
        return Err(Error::input(path, said));
    }
    Ok(crate::import::file::decode(&bytes).0)
}

/// `check --doc DOC [PLAN]`: every cell of the document's tables that differs from the schedule
/// of PLAN (or of the document's own plan), listed; exit 1 when there is any.
pub fn check_document(
    doc_path: &Path,
    plan_path: Option<&Path>,
    as_of: chrono::NaiveDate,
) -> Result<(), Error> {
    let doc = Doc::parse(&read_document(doc_path)?);
    let (plan, schedule) = match plan_path {
        Some(path) => {
            let (document, schedule) = open(path, as_of)?;
            (document.plan, schedule)
        }
        None => {
            let found = plan_of(&doc).ok_or_else(|| {
                Error::input(doc_path, Sentence::new(Msg::NothingToCompare, &[]))
                    .tip(Sentence::new(Msg::TipNamePlan, &[]))
            })?;
            plan::validate::check(&found.plan).map_err(|violation| {
                Error::input(doc_path, Sentence::fault(violation.clone())).mended_by(&violation)
            })?;
            let schedule = schedule(&found.plan).map_err(|source| Error::Schedule {
                path: doc_path.to_owned(),
                source,
            })?;
            (found.plan, schedule)
        }
    };
    let found = differences(&doc, &plan, &schedule);
    if found.is_empty() {
        let cells: usize = doc.tables.iter().map(|table| table.marks().count()).sum();
        let said = Msg::DocAgrees.fill(
            plan.locale,
            &[&doc_path.display(), &doc.tables.len(), &cells],
        );
        return print_for_people(&format!("{said}\n"));
    }
    let mut report = String::new();
    for difference in &found {
        let at = if difference.line > 0 {
            format!(":{}", difference.line)
        } else {
            String::new()
        };
        report.push_str(&format!(
            "{}{at}: {}\n",
            doc_path.display(),
            difference.message
        ));
    }
    print_for_people(&report)?;
    Err(Error::DocumentDiffers {
        path: doc_path.to_owned(),
        count: found.len(),
    })
}

/// `export PLAN --format md --into DOC`: the document's plan parts brought up to date, saved
/// through the one safe writer; a document that already says it all is not touched.
pub fn export_into(
    plan_path: &Path,
    doc_path: &Path,
    as_of: chrono::NaiveDate,
) -> Result<(), Error> {
    let (document, schedule) = open(plan_path, as_of)?;
    let _lock = super::lock(doc_path)?;
    let text = read_document(doc_path)?;
    let doc = Doc::parse(&text);
    if doc.items.is_empty() && doc.tables.is_empty() && doc.sentence.is_none() {
        return Err(Error::input(doc_path, Sentence::new(Msg::NoPlanParts, &[]))
            .tip(Sentence::new(Msg::TipWholeSection, &[])));
    }
    let updated = rewrite(&doc, &document.plan, &schedule);
    let original = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if updated == original {
        let said = Msg::DocUpToDate.fill(document.plan.locale, &[&doc_path.display()]);
        return print_for_people(&format!("{said}\n"));
    }
    // A document that had a byte-order mark keeps it.
    let bom = if text.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let role = FileRole::Export {
        plan_mode: plan::mode_of(plan_path),
    };
    plan::save::write_atomically(doc_path, format!("{bom}{updated}").as_bytes(), role).map_err(
        |source| Error::Output {
            path: doc_path.to_owned(),
            source,
        },
    )?;
    let (written, removed) = line_changes(original, &updated);
    let said = Msg::DocBroughtUpToDate.fill(
        document.plan.locale,
        &[&doc_path.display(), &written, &removed],
    );
    print_for_people(&format!("{said}\n"))
}

/// How many lines of `after` are not in `before`, and how many of `before` are not in `after`
/// (as multisets: moved lines do not count).
fn line_changes(before: &str, after: &str) -> (usize, usize) {
    let mut count: std::collections::HashMap<&str, isize> = std::collections::HashMap::new();
    for line in after.lines() {
        *count.entry(line).or_default() += 1;
    }
    for line in before.lines() {
        *count.entry(line).or_default() -= 1;
    }
    let written = count
        .values()
        .filter(|n| **n > 0)
        .map(|n| n.unsigned_abs())
        .sum();
    let removed = count
        .values()
        .filter(|n| **n < 0)
        .map(|n| n.unsigned_abs())
        .sum();
    (written, removed)
}
