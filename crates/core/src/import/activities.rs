//! Activities from a spreadsheet: a CSV file with `code`, `name`, `hours` and the optional
//! columns of the CSV export (`who`, `after` as codes separated by spaces, `not_before`).
//! Headers in any order and case, `,` or `;` between cells (what Excel writes where the
//! decimal separator is a comma), a byte-order mark, quoted cells, Latin-1 from older
//! spreadsheets. The CSV export reads back to the same activities.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::plan::fields::parse_date;
use crate::plan::{Activity, Hours, Plan};
use crate::text::normalize_code;

/// Activities read from a CSV file, with the line of the file each came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FromCsv {
    /// The activities, in file order.
    pub activities: Vec<Activity>,
    /// The line of each activity.
    pub lines: Vec<u64>,
    /// The file was not UTF-8 and was read as Latin-1.
    pub latin1: bool,
}

/// What is wrong with a CSV file, and where. Said in the plan's language by
/// [`crate::messages::Say`], with a hint ([`crate::messages::csv_hint`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    /// The line (1-based).
    pub line: u64,
    /// What is wrong.
    pub fault: CsvFault,
}

/// What can be wrong with a CSV file of activities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvFault {
    /// The first line is empty.
    NoHeader,
    /// The first line cannot be read (the csv reader's words).
    HeaderUnreadable(String),
    /// A column that must be there is not (`code` or `hours`); the columns there are.
    NoColumn {
        /// The column missing.
        missing: &'static str,
        /// The columns the header names, separated by commas.
        columns: String,
    },
    /// A row cannot be read (the csv reader's words).
    RowUnreadable(String),
    /// An `hours` cell that is not an amount of hours.
    NotHours(String),
    /// A `not_before` cell that is not a date.
    NotADate(crate::plan::FieldError),
    /// A header and no rows.
    NoActivities,
}

/// Reads the activities of a CSV file.
pub fn activities_from_csv(bytes: &[u8]) -> Result<FromCsv, CsvError> {
    let (text, latin1) = super::file::decode(bytes);
    let header_line = text.lines().next().unwrap_or_default();
    if header_line.trim().is_empty() {
        return Err(error(1, CsvFault::NoHeader));
    }
    let delimiter =
        if count_outside_quotes(header_line, b';') > count_outside_quotes(header_line, b',') {
            b';'
        } else {
            b','
        };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| error(1, CsvFault::HeaderUnreadable(e.to_string())))?;
    let columns = Columns::of(headers)?;
    let mut found = FromCsv {
        activities: Vec::new(),
        lines: Vec::new(),
        latin1,
    };
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |position| position.line());
            error(line, CsvFault::RowUnreadable(e.to_string()))
        })?;
        let line = record.position().map_or(0, |position| position.line());
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        found.activities.push(columns.activity(&record, line)?);
        found.lines.push(line);
    }
    if found.activities.is_empty() {
        return Err(error(2, CsvFault::NoActivities));
    }
    Ok(found)
}

impl FromCsv {
    /// Makes these the activities of `plan`. A spreadsheet carries no tracking facts (the CSV
    /// export writes a state and the hours left as figures, not as the plan's `done` and a
    /// hand-set `remaining`), so each activity keeps them from the plan's activity of the same
    /// code; how many did is returned. Refused, with the code, when the plan logs hours for an
    /// activity the spreadsheet leaves out: the log would point at nothing.
    pub fn replace_activities_of(self, plan: &mut Plan) -> Result<usize, Arc<str>> {
        let listed: HashSet<&str> = self.activities.iter().map(|a| &*a.code).collect();
        let mut entries = plan.log.iter().flatten();
        if let Some(entry) = entries.find(|entry| !listed.contains(&*entry.code)) {
            return Err(entry.code.clone());
        }
        let before: HashMap<&str, &Activity> =
            plan.activities.iter().map(|a| (&*a.code, a)).collect();
        let mut kept = 0;
        let mut activities = self.activities;
        for activity in &mut activities {
            if let Some(old) = before.get(&*activity.code) {
                activity.done = old.done;
                activity.remaining = old.remaining;
                kept += usize::from(old.done || old.remaining.is_some());
            }
        }
        plan.activities = activities;
        Ok(kept)
    }
}

fn error(line: u64, fault: CsvFault) -> CsvError {
    CsvError { line, fault }
}

/// Where each column is: `code` and `hours` must be there, the others may.
struct Columns {
    code: usize,
    hours: usize,
    name: Option<usize>,
    who: Option<usize>,
    after: Option<usize>,
    not_before: Option<usize>,
}

impl Columns {
    /// The columns the header line names, in any order and case.
    fn of(headers: &csv::StringRecord) -> Result<Self, CsvError> {
        let headers: Vec<String> = headers
            .iter()
            .map(|header| header.trim().to_lowercase())
            .collect();
        let column = |name: &str| headers.iter().position(|header| header == name);
        let (Some(code), Some(hours)) = (column("code"), column("hours")) else {
            let missing = if column("code").is_none() {
                "code"
            } else {
                "hours"
            };
            let columns = headers.join(", ");
            return Err(error(1, CsvFault::NoColumn { missing, columns }));
        };
        Ok(Columns {
            code,
            hours,
            name: column("name"),
            who: column("who"),
            after: column("after"),
            not_before: column("not_before"),
        })
    }

    /// The activity of one row, found on `line`.
    fn activity(&self, record: &csv::StringRecord, line: u64) -> Result<Activity, CsvError> {
        let cell = |index: Option<usize>| index.and_then(|at| record.get(at)).map_or("", str::trim);
        let hours_text = cell(Some(self.hours));
        let hours = hours_text
            .parse::<Hours>()
            .map_err(|_| error(line, CsvFault::NotHours(hours_text.to_owned())))?;
        let not_before = match cell(self.not_before) {
            "" => None,
            text => Some(parse_date(text).map_err(|why| error(line, CsvFault::NotADate(why)))?),
        };
        let code = |text: &str| Arc::from(normalize_code(&spreadsheet_text(text)));
        Ok(Activity {
            code: code(cell(Some(self.code))),
            name: Arc::from(spreadsheet_text(cell(self.name))),
            hours,
            who: Arc::from(spreadsheet_text(cell(self.who))),
            after: cell(self.after)
                .split([' ', ','])
                .filter(|after| !after.is_empty())
                .map(code)
                .collect(),
            not_before,
            ..Activity::default()
        })
    }
}

/// A cell as the CSV export wrote it: the `'` that kept a spreadsheet from running it as a
/// formula is dropped again.
fn spreadsheet_text(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

fn count_outside_quotes(line: &str, separator: u8) -> usize {
    let mut quoted = false;
    line.bytes()
        .filter(|byte| {
            if *byte == b'"' {
                quoted = !quoted;
            }
            !quoted && *byte == separator
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{Say, csv_tip};
    use crate::plan::Hours;

    fn tracked_plan() -> Plan {
        let text = include_str!("../../../../assets/examples/tracked.ron");
        crate::plan::parse(text, std::path::Path::new("tracked.ron"))
            .unwrap()
            .plan
    }

    /// A tracked plan's own CSV export, read back into it, leaves its activities as they were:
    /// `done` and a hand-set `remaining` included, which the spreadsheet does not carry.
    #[test]
    fn a_tracked_plan_keeps_its_tracking_through_its_own_spreadsheet() {
        let mut plan = tracked_plan();
        assert!(plan.activities.iter().any(|activity| activity.done));
        let schedule =
            crate::schedule::schedule_as_of(&plan, "2023-10-10".parse().unwrap()).unwrap();
        let csv = crate::export::csv::render(&plan, &schedule);
        let before = plan.activities.clone();
        let found = activities_from_csv(csv.as_bytes()).unwrap();
        let kept = found.replace_activities_of(&mut plan).unwrap();
        assert_eq!(plan.activities, before);
        let tracked = before.iter().filter(|a| a.done || a.remaining.is_some());
        assert_eq!(kept, tracked.count());
    }

    /// A spreadsheet that leaves out an activity with logged hours is refused with its code;
    /// one that leaves out an activity nobody logged is not.
    #[test]
    fn leaving_out_a_logged_activity_is_refused_with_its_code() {
        let mut plan = tracked_plan();
        let logged = plan.log.as_ref().unwrap()[0].code.clone();
        let csv = format!("code,hours\nZ9,3\n{}x,3\n", logged);
        let found = activities_from_csv(csv.as_bytes()).unwrap();
        assert_eq!(found.replace_activities_of(&mut plan), Err(logged));
        let mut untracked = tracked_plan();
        untracked.log = None;
        let found = activities_from_csv(b"code,hours\nZ9,3\n").unwrap();
        assert_eq!(found.replace_activities_of(&mut untracked), Ok(0));
        assert_eq!(&*untracked.activities[0].code, "Z9");
    }

    #[test]
    fn semicolons_decimal_commas_quotes_and_any_column_order() {
        let csv = "\u{feff}Hours;CODE;Name;After\n7,5;A1;\"Leer; resumir\";\n2;A2;Escribir;A1\n\n";
        let found = activities_from_csv(csv.as_bytes()).unwrap();
        assert_eq!(found.activities.len(), 2);
        assert_eq!(found.activities[0].hours, Hours::from_quarters(30));
        assert_eq!(&*found.activities[0].name, "Leer; resumir");
        assert_eq!(*found.activities[1].after, [Arc::from("A1")]);
        assert_eq!(found.lines, [2, 3]);
    }

    #[test]
    fn mistakes_name_their_line() {
        let cases = [
            ("", 1, "no header line"),
            ("name,hours\nx,1\n", 1, "no `code` column"),
            ("code,name\nA,x\n", 1, "no `hours` column"),
            (
                "code,hours\nA,1\nB,lots\n",
                3,
                "\"lots\" is not a number of hours",
            ),
            (
                "code,hours,not_before\nA,1,2024-02-30\n",
                2,
                "not a day of the calendar",
            ),
            ("code,hours\n", 2, "no activities"),
            ("code,hours\nA,1.1\n", 2, "not a number of hours"),
        ];
        for (csv, line, message) in cases {
            let error = activities_from_csv(csv.as_bytes()).unwrap_err();
            assert_eq!(error.line, line, "{csv:?}: {error:?}");
            let said = error.say(crate::plan::Locale::EN);
            assert!(said.contains(message), "{csv:?}: {said}");
        }
        // In Spanish, with the hint that goes with it.
        let error = activities_from_csv(b"code,hours\nA,mucho\n").unwrap_err();
        let es = crate::plan::Locale::ES;
        assert_eq!(error.say(es), "\"mucho\" no es una cantidad de horas");
        assert!(
            csv_tip(&error.fault)
                .text(es)
                .starts_with("las horas son números")
        );
    }
}
