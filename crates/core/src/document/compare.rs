//! A document's month tables against a schedule, cell by cell (`check --doc`).

use chrono::{Datelike, NaiveDate};

use super::Doc;
use crate::calendar::{Month, day_info, months_between};
use crate::locale::words;
use crate::messages::Msg;
use crate::plan::Plan;
use crate::schedule::Schedule;

/// One cell where the document and the schedule disagree, or a month one of them lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The document's line (1-based) where it is, or 0 for a month the document lacks.
    pub line: usize,
    /// For people, in the plan's words: `Octubre 2023, semana 42, Mar 17: el documento dice
    /// (F), el cronograma dice (A4)`.
    pub message: String,
}

/// Every difference between `doc`'s tables and what `schedule` puts on those days, in the
/// document's order, then the months with work that have no table.
pub fn differences(doc: &Doc, plan: &Plan, schedule: &Schedule) -> Vec<Difference> {
    let locale = plan.locale;
    let words = words(locale);
    let day_name = |date: NaiveDate| {
        let weekday = words.weekdays[date.weekday().num_days_from_monday() as usize];
        format!("{weekday} {}", date.day())
    };
    let says = |mark: Option<&str>| match mark {
        Some(mark) => format!("({mark})"),
        None => Msg::DocSaysNothing.text(locale).to_owned(),
    };
    let month_name = |month: Month| format!("{} {}", words.month(month.month), month.year);
    let mut found = Vec::new();
    for table in &doc.tables {
        for row in &table.rows {
            for (date, written) in &row.days {
                let scheduled = day_info(schedule, *date).mark(plan);
                if same_mark(written.as_deref(), scheduled.as_deref()) {
                    continue;
                }
                found.push(Difference {
                    line: row.line + 1,
                    message: Msg::DocCellDiffers.fill(
                        locale,
                        &[
                            &month_name(table.month),
                            &date.iso_week().week(),
                            &day_name(*date),
                            &says(written.as_deref()),
                            &says(scheduled.as_deref()),
                        ],
                    ),
                });
            }
        }
    }
    if let Some((first, last)) = schedule.worked_days() {
        for month in months_between(first, last) {
            if doc.tables.iter().all(|table| table.month != month) {
                found.push(Difference {
                    line: 0,
                    message: Msg::DocMonthMissing.fill(locale, &[&month_name(month)]),
                });
            }
        }
    }
    found
}

/// True when two cells say the same: the same codes in the same order, spaces aside.
pub(super) fn same_mark(written: Option<&str>, scheduled: Option<&str>) -> bool {
    let codes = |mark: Option<&str>| -> Vec<String> {
        mark.map(|mark| mark.split(',').map(|code| code.trim().to_owned()).collect())
            .unwrap_or_default()
    };
    codes(written) == codes(scheduled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_compare_by_their_codes() {
        assert!(same_mark(Some("A3,A4"), Some("A3, A4")));
        assert!(same_mark(None, None));
        assert!(!same_mark(Some("F"), Some("A4")));
        assert!(!same_mark(Some("A1"), None));
    }
}
