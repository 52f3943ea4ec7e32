//! A plan made of a plan document: the title, the start sentence, the activity list, and the
//! holidays marked in the month tables.

use std::collections::BTreeSet;

use chrono::Datelike;

use super::{Doc, DocProblem};
use crate::locale::words;
use crate::plan::{Activity, Day, Holiday, Hours, Locale, Plan};

/// What reading a document gave.
#[derive(Debug, Clone)]
pub struct FromDocument {
    /// The plan, not yet checked (see [`crate::plan::validate`]).
    pub plan: Plan,
    /// Lines that looked like plan data but could not be read: line number (1-based) and why.
    pub problems: Vec<(usize, DocProblem)>,
}

/// Makes a plan of `doc`. `None` when not one activity could be read.
pub fn plan_of(doc: &Doc) -> Option<FromDocument> {
    if doc.items.is_empty() {
        return None;
    }
    let mut problems = doc.problems.clone();
    let locale = doc.locale();
    let sentence = doc.sentence.as_ref().map(|(_, sentence)| sentence);
    if sentence.is_none() {
        problems.push((0, DocProblem::NoStartSentence));
    }
    let activities: Vec<Activity> = doc
        .items
        .iter()
        .map(|(_, item)| Activity {
            code: crate::text::normalize_code(&item.code).into(),
            name: item.name.as_str().into(),
            hours: item.hours,
            ..Activity::default()
        })
        .collect();
    let codes: BTreeSet<&str> = activities.iter().map(|a| &*a.code).collect();
    let holidays = holidays_of(doc, locale, &codes);
    let first_marked = doc
        .tables
        .iter()
        .flat_map(|table| table.marks())
        .find(|(_, mark)| mark.is_some())
        .map(|(date, _)| *date);
    let start = sentence
        .map(|sentence| sentence.start)
        .or(first_marked)
        .or_else(|| doc.tables.first().map(|table| table.month.first_day()))
        .unwrap_or_default();
    let mut plan = Plan {
        title_text: doc.title.as_ref().map(|(_, title)| title.clone()),
        locale,
        start,
        day_start: Some(
            sentence
                .and_then(|sentence| sentence.day_start)
                .unwrap_or(crate::plan::DEFAULT_DAY_START),
        ),
        hours_per_day: Some(
            sentence.map_or(Hours::from_whole(8), |sentence| sentence.hours_per_day),
        ),
        workdays: workdays_of(doc, &codes),
        holidays,
        activities,
        ..Plan::default()
    };
    // A day of several windows (`de 8 a 12 y de 13 a 17 hs`) is written as `windows`.
    if let Some(windows) = sentence.and_then(|sentence| sentence.windows.clone()) {
        plan.set_windows(windows);
    }
    Some(FromDocument { plan, problems })
}

/// The days marked as holidays in the tables (the locale's mark, or the one a legend defines,
/// unless an activity has that code), named after the legend when it names more than the kind
/// of day.
fn holidays_of(doc: &Doc, locale: Locale, codes: &BTreeSet<&str>) -> Vec<Holiday> {
    let generic = [words(Locale::ES).holiday, words(Locale::EN).holiday];
    let mut holidays = Vec::new();
    for table in &doc.tables {
        let (mark, name) = match &table.legend_text {
            Some((mark, text)) => {
                let generic = generic.iter().any(|word| word.eq_ignore_ascii_case(text));
                (mark.clone(), (!generic).then(|| text.clone()))
            }
            None => (words(locale).holiday_mark.to_owned(), None),
        };
        if codes.contains(mark.as_str()) {
            continue;
        }
        for (date, cell) in table.marks() {
            if cell.as_deref() == Some(mark.as_str()) {
                holidays.push(Holiday::on(*date, name.clone()));
            }
        }
    }
    merge_runs(holidays)
}

/// Holidays on consecutive days with the same name as one range: a two-week break marked day
/// by day in the tables (weekends included) is one holiday again.
fn merge_runs(mut days: Vec<Holiday>) -> Vec<Holiday> {
    days.sort_by_key(|holiday| holiday.date);
    let mut merged: Vec<Holiday> = Vec::with_capacity(days.len());
    for day in days {
        match merged.last_mut() {
            Some(run) if run.name == day.name && run.last_day().succ_opt() == Some(day.date) => {
                run.until = Some(day.date);
            }
            _ => merged.push(day),
        }
    }
    merged
}

/// The worked days of the week: Monday to Friday, and Saturday or Sunday when the tables show
/// work on them.
fn workdays_of(doc: &Doc, codes: &BTreeSet<&str>) -> Vec<Day> {
    let mut weekend = BTreeSet::new();
    for (date, mark) in doc.tables.iter().flat_map(|table| table.marks()) {
        let worked = mark
            .as_deref()
            .is_some_and(|mark| mark.split(',').any(|code| codes.contains(code.trim())));
        if worked && date.weekday().num_days_from_monday() >= 5 {
            weekend.insert(date.weekday().num_days_from_monday());
        }
    }
    Day::WEEK
        .iter()
        .copied()
        .chain(
            [Day::Sat, Day::Sun]
                .into_iter()
                .filter(|day| weekend.contains(&day.weekday().num_days_from_monday())),
        )
        .collect()
}
