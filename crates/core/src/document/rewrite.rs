//! A document with its plan parts brought up to date (`export --format md --into DOC.md`): the
//! start sentence, the activity list and the month tables with their legends are replaced where
//! their values changed; every other byte (headings, prose, the document's own header rows, line
//! ends) stays as written. Months the schedule gains get a table in the document's style; months
//! it loses lose theirs.

use super::compare::same_mark;
use super::words::{self, fold};
use super::{Doc, Table};
use crate::calendar::{Month, day_info, months_between};
use crate::export::md;
use crate::locale::{Words, words as words_of};
use crate::plan::Plan;
use crate::schedule::Schedule;

/// A replacement of the lines `start..end` by `lines` (each with its line end).
#[derive(Debug)]
struct Edit {
    start: usize,
    end: usize,
    lines: Vec<String>,
}

/// The document with its plan parts made to say what `schedule` says.
pub fn rewrite(doc: &Doc, plan: &Plan, schedule: &Schedule) -> String {
    let mut edits = Vec::new();
    sentence_edit(doc, plan, schedule, &mut edits);
    list_edits(doc, plan, &mut edits);
    table_edits(doc, plan, schedule, &mut edits);
    // From the bottom up, so every edit's line numbers still hold when it is made.
    edits.sort_by_key(|edit| std::cmp::Reverse((edit.start, edit.end)));
    let mut lines = doc.lines.clone();
    for edit in edits {
        lines.splice(edit.start..edit.end, edit.lines);
    }
    lines.concat()
}

/// `text` with the line end of line `index` (or the document's usual one past its end).
fn with_end_of(doc: &Doc, index: usize, text: &str) -> String {
    let end = match doc.lines.get(index) {
        Some(line) if line.ends_with("\r\n") => "\r\n",
        Some(line) if line.ends_with('\n') => "\n",
        Some(_) => "",
        None => doc.line_end(),
    };
    format!("{text}{end}")
}

fn sentence_edit(doc: &Doc, plan: &Plan, schedule: &Schedule, edits: &mut Vec<Edit>) {
    let Some((line, written)) = &doc.sentence else {
        return;
    };
    let current = md::start_sentence(plan, schedule);
    let same = words::start_sentence(&current).is_ok_and(|now| {
        (now.start, now.hours_per_day, &now.windows)
            == (written.start, written.hours_per_day, &written.windows)
            && written
                .day_start
                .is_none_or(|opens| Some(opens) == now.day_start)
    });
    if !same {
        edits.push(Edit {
            start: *line,
            end: line + 1,
            lines: vec![with_end_of(doc, *line, &current)],
        });
    }
}

/// A name with its spacing normalised: runs of spaces as one, none before punctuation (the
/// seed writes `Kubeflow .` where the plan has `Kubeflow.`).
fn normalised(name: &str) -> String {
    let joined = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(joined.len());
    let mut chars = joined.chars().peekable();
    while let Some(c) = chars.next() {
        let before_punctuation = chars.peek().is_some_and(|next| ".,;:!?)".contains(*next));
        if !(c == ' ' && before_punctuation) {
            out.push(c);
        }
    }
    out
}

/// True when a document's item says what `activity` says (names compared by [`normalised`]).
fn same_item(item: &words::Item, activity: &crate::plan::Activity) -> bool {
    fold(&item.code) == fold(&activity.code)
        && normalised(&item.name) == normalised(&activity.name)
        && item.hours == activity.hours
}

fn list_edits(doc: &Doc, plan: &Plan, edits: &mut Vec<Edit>) {
    let (Some((first, _)), Some((last, _))) = (doc.items.first(), doc.items.last()) else {
        return;
    };
    if doc.items.len() == plan.activities.len() {
        for (index, ((line, item), activity)) in doc.items.iter().zip(&plan.activities).enumerate()
        {
            if !same_item(item, activity) {
                edits.push(Edit {
                    start: *line,
                    end: line + 1,
                    lines: vec![with_end_of(doc, *line, &md::activity_item(plan, index))],
                });
            }
        }
        return;
    }
    // Activities came or went: the list is written again, spaced as the document spaces it;
    // an item whose number and values did not change keeps its line as written.
    let spaced = doc
        .items
        .get(1)
        .is_some_and(|(second, _)| *second > first + 1);
    let end = doc.line_end();
    // The document's items by their number: one look-up per activity, whatever the list's size.
    let by_number: std::collections::HashMap<u32, &(usize, words::Item)> = doc
        .items
        .iter()
        .map(|entry| (entry.1.number, entry))
        .collect();
    let mut lines = Vec::new();
    for (index, activity) in plan.activities.iter().enumerate() {
        if spaced && index > 0 {
            lines.push(end.to_owned());
        }
        let kept = u32::try_from(index + 1)
            .ok()
            .and_then(|number| by_number.get(&number))
            .filter(|(_, item)| same_item(item, activity));
        let text = match kept {
            Some((line, _)) => doc.content(*line).to_owned(),
            None => md::activity_item(plan, index),
        };
        lines.push(format!("{text}{end}"));
    }
    if let Some(line) = lines.last_mut() {
        *line = with_end_of(doc, *last, line.trim_end_matches(['\r', '\n']));
    }
    edits.push(Edit {
        start: *first,
        end: last + 1,
        lines,
    });
}

fn table_edits(doc: &Doc, plan: &Plan, schedule: &Schedule, edits: &mut Vec<Edit>) {
    let words = words_of(plan.locale);
    let months = schedule
        .worked_days()
        .map(|(first, last)| months_between(first, last))
        .unwrap_or_default();
    for table in &doc.tables {
        if months.contains(&table.month) {
            rows_edits(doc, table, plan, schedule, words, edits);
        } else {
            edits.push(Edit {
                start: table.heading,
                end: section_end(doc, table),
                lines: Vec::new(),
            });
        }
    }
    for month in months {
        if doc.tables.iter().any(|table| table.month == month) {
            continue;
        }
        // After the last table of an earlier month, else before the first of a later one,
        // else after the activity list (or at the end).
        let earlier = doc.tables.iter().rfind(|table| table.month < month);
        let later = doc.tables.iter().find(|table| table.month > month);
        let (at, section) = match (earlier, later) {
            (Some(table), _) => (
                section_end(doc, table),
                new_section(doc, plan, schedule, month, words, true),
            ),
            (None, Some(table)) => (
                table.heading,
                new_section(doc, plan, schedule, month, words, false),
            ),
            (None, None) => (
                doc.items
                    .last()
                    .map_or(doc.lines.len(), |(line, _)| line + 1),
                new_section(doc, plan, schedule, month, words, true),
            ),
        };
        edits.push(Edit {
            start: at,
            end: at,
            lines: section,
        });
    }
}

/// The line after a table's section: its legend (or last row), and the blank lines after it.
fn section_end(doc: &Doc, table: &Table) -> usize {
    let last = table.legend.unwrap_or_else(|| table.last_row_line());
    let mut end = last + 1;
    while end < doc.lines.len() && doc.content(end).trim().is_empty() {
        end += 1;
    }
    end
}

/// The rows of a table that changed, and its legend added or removed.
fn rows_edits(
    doc: &Doc,
    table: &Table,
    plan: &Plan,
    schedule: &Schedule,
    words: &Words,
    edits: &mut Vec<Edit>,
) {
    let weeks: Vec<_> = table.month.weeks(plan.week_start()).collect();
    let mut has_holiday = false;
    let generated: Vec<(String, bool)> = weeks
        .iter()
        .map(|week| md::table_row(plan, schedule, table.month, *week))
        .collect();
    for (_, holiday) in &generated {
        has_holiday |= holiday;
    }
    if table.rows.len() == weeks.len() {
        for ((row, (text, _)), week) in table.rows.iter().zip(&generated).zip(&weeks) {
            let in_month: Vec<_> = week
                .days()
                .filter(|day| table.month.contains(*day))
                .collect();
            let same = in_month.len() == row.days.len()
                && in_month
                    .iter()
                    .zip(&row.days)
                    .all(|(day, (written_day, written))| {
                        let scheduled = day_info(schedule, *day).mark(plan);
                        day == written_day && same_mark(written.as_deref(), scheduled.as_deref())
                    });
            if !same {
                edits.push(Edit {
                    start: row.line,
                    end: row.line + 1,
                    lines: vec![with_end_of(doc, row.line, text)],
                });
            }
        }
    } else {
        let start = table.header + 2;
        let lines = generated
            .iter()
            .map(|(text, _)| format!("{text}{}", doc.line_end()))
            .collect();
        edits.push(Edit {
            start,
            end: table.last_row_line().max(start - 1) + 1,
            lines,
        });
    }
    match (has_holiday, table.legend) {
        (true, None) => {
            let after = table.last_row_line() + 1;
            let blank_follows = doc
                .lines
                .get(after)
                .is_some_and(|_| doc.content(after).trim().is_empty());
            let legend = format!("{}{}", md::legend(words), doc.line_end());
            let (at, lines) = if blank_follows {
                (after + 1, vec![legend])
            } else {
                (after, vec![doc.line_end().to_owned(), legend])
            };
            edits.push(Edit {
                start: at,
                end: at,
                lines,
            });
        }
        (false, Some(line)) => edits.push(Edit {
            start: line,
            end: line + 1,
            lines: Vec::new(),
        }),
        _ => {}
    }
}

/// A whole table section for `month` in the document's style: its header and alignment rows
/// copied from the document's first table.
fn new_section(
    doc: &Doc,
    plan: &Plan,
    schedule: &Schedule,
    month: Month,
    words: &Words,
    blank_first: bool,
) -> Vec<String> {
    let end = doc.line_end();
    let (header, align) = match doc.tables.first() {
        Some(table) => (
            doc.content(table.header).to_owned(),
            doc.content(table.header + 1).to_owned(),
        ),
        None => (
            md::header_row(words, plan.week_start()),
            md::ALIGN_ROW.to_owned(),
        ),
    };
    let mut lines = Vec::new();
    if blank_first {
        lines.push(end.to_owned());
    }
    lines.push(format!("{}{end}", md::month_heading(words, month)));
    lines.push(end.to_owned());
    lines.push(format!("{header}{end}"));
    lines.push(format!("{align}{end}"));
    let mut has_holiday = false;
    for week in month.weeks(plan.week_start()) {
        let (row, holiday) = md::table_row(plan, schedule, month, week);
        has_holiday |= holiday;
        lines.push(format!("{row}{end}"));
    }
    if has_holiday {
        lines.push(end.to_owned());
        lines.push(format!("{}{end}", md::legend(words)));
    }
    if !blank_first {
        lines.push(end.to_owned());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::normalised;

    #[test]
    fn names_compare_with_their_spacing_normalised() {
        assert_eq!(normalised("en Kubeflow ."), "en Kubeflow.");
        assert_eq!(normalised("  Dos   espacios "), "Dos espacios");
    }
}
