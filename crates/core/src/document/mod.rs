//! Plan documents: the Markdown a student already has (the seed is one), with a title, a start
//! sentence, the activity list with hours, and month tables with codes next to the day numbers.
//!
//! [`Doc::parse`] finds those parts and keeps every line as written (line ends included), so
//! that [`read`] can make a plan of them, [`compare`] can check the tables against a schedule,
//! and [`rewrite`] can replace only the parts that change and leave every other byte alone.

pub mod compare;
pub mod read;
pub mod rewrite;
pub mod words;

use chrono::{Datelike, NaiveDate};

use crate::calendar::Month;
use crate::plan::Locale;
pub use words::WordsError;
use words::{Item, StartSentence};

/// A plan document, parsed.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// The lines, each with its line end.
    pub lines: Vec<String>,
    /// The first `#` heading and its line index.
    pub title: Option<(usize, String)>,
    /// The start sentence and its line index.
    pub sentence: Option<(usize, StartSentence)>,
    /// The activity list's items, with their line indices.
    pub items: Vec<(usize, Item)>,
    /// The month tables, in the order written.
    pub tables: Vec<Table>,
    /// Lines that looked like plan data but could not be read: line number (1-based) and why.
    pub problems: Vec<(usize, DocProblem)>,
    /// The line end most lines use, for lines added to the document (worked out once).
    line_end: &'static str,
}

/// A month table: `### Octubre 2023`, a header row, an alignment row, a row per week, and
/// maybe a legend line under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The month.
    pub month: Month,
    /// The heading's line index.
    pub heading: usize,
    /// The header row's line index (`|Week|Mon|…|`); the alignment row follows it.
    pub header: usize,
    /// The week rows.
    pub rows: Vec<Row>,
    /// The legend line's index (`*(F): Feriado.*`), when one follows the table.
    pub legend: Option<usize>,
    /// The holiday mark the legend defines, and what it calls the days.
    pub legend_text: Option<(String, String)>,
}

/// One week row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Its line index.
    pub line: usize,
    /// The days of the table's month in it, with what their cell says in parentheses.
    pub days: Vec<(NaiveDate, Option<String>)>,
}

impl Table {
    /// The index of the last line of the table: its last row, or its header's alignment row.
    pub fn last_row_line(&self) -> usize {
        self.rows.last().map_or(self.header + 1, |row| row.line)
    }

    /// Every day of the month the table shows, with its mark.
    pub fn marks(&self) -> impl Iterator<Item = &(NaiveDate, Option<String>)> {
        self.rows.iter().flat_map(|row| row.days.iter())
    }
}

impl Doc {
    /// Finds the plan parts of `text`.
    pub fn parse(text: &str) -> Doc {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
        let crlf = lines.iter().filter(|line| line.ends_with("\r\n")).count();
        let mut doc = Doc {
            line_end: if crlf * 2 > lines.len() { "\r\n" } else { "\n" },
            lines,
            ..Doc::default()
        };
        let mut index = 0;
        while index < doc.lines.len() {
            index = doc.parse_line(index);
        }
        doc
    }

    /// The line at `index` without its line end.
    pub fn content(&self, index: usize) -> &str {
        self.lines[index].trim_end_matches(['\n', '\r'])
    }

    /// The line end most lines use (`\r\n` or `\n`), for lines added to the document.
    pub fn line_end(&self) -> &'static str {
        if self.line_end.is_empty() {
            "\n"
        } else {
            self.line_end
        }
    }

    /// The document's language: that of its start sentence, else of most of its words.
    pub fn locale(&self) -> Locale {
        if let Some((_, sentence)) = &self.sentence {
            return sentence.locale;
        }
        // The language most items are written in (English on a tie, or with none).
        let count = |locale: Locale| {
            self.items
                .iter()
                .filter(|(_, item)| item.locale == locale)
                .count()
        };
        [Locale::ES, Locale::PT_BR]
            .into_iter()
            .map(|locale| (count(locale), locale))
            .filter(|(count, _)| *count * 2 > self.items.len())
            .map(|(_, locale)| locale)
            .next()
            .unwrap_or(Locale::EN)
    }

    /// Reads the part that starts at line `index`; returns the index of the next line to read.
    fn parse_line(&mut self, index: usize) -> usize {
        let content = self.content(index).to_owned();
        let trimmed = content.trim();
        if let Some(title) = trimmed.strip_prefix("# ") {
            if self.title.is_none() {
                self.title = Some((index, title.trim().to_owned()));
            }
            return index + 1;
        }
        if trimmed.starts_with("##") {
            let heading = trimmed.trim_start_matches('#').trim();
            if let Some((month, year, _)) = words::month_and_year(heading) {
                return self.parse_table(index, month, year);
            }
            return index + 1;
        }
        let number = index + 1;
        if words::looks_like_item(&content) {
            match words::item(&content) {
                Ok(item) => self.items.push((index, item)),
                Err(why) => self.problems.push((number, DocProblem::Activity(why))),
            }
        } else if self.sentence.is_none() && words::looks_like_start(&content) {
            match words::start_sentence(&content) {
                Ok(sentence) => self.sentence = Some((index, sentence)),
                Err(why) => self.problems.push((number, DocProblem::StartSentence(why))),
            }
        }
        index + 1
    }

    /// Reads the table under the month heading at `heading`; returns the line after it (and
    /// after its legend).
    fn parse_table(&mut self, heading: usize, month: u32, year: i32) -> usize {
        let Some(first_day) = NaiveDate::from_ymd_opt(year, month, 1) else {
            return heading + 1;
        };
        let month = Month::of(first_day);
        let next_non_blank = |doc: &Doc, from: usize| {
            (from..doc.lines.len()).find(|at| !doc.content(*at).trim().is_empty())
        };
        let Some(header) = next_non_blank(self, heading + 1).filter(|at| is_row(self.content(*at)))
        else {
            self.problems.push((heading + 1, DocProblem::NoTable));
            return heading + 1;
        };
        let mut table = Table {
            month,
            heading,
            header,
            rows: Vec::new(),
            legend: None,
            legend_text: None,
        };
        let mut at = header + 2;
        let mut calendar = CellDates::new(month);
        while at < self.lines.len() && is_row(self.content(at)) {
            match calendar.read_row(self.content(at)) {
                Ok(days) => table.rows.push(Row { line: at, days }),
                Err(why) => self.problems.push((at + 1, DocProblem::Row { month, why })),
            }
            at += 1;
        }
        if let Some(legend) = next_non_blank(self, at)
            && let Some(found) = legend_of(self.content(legend))
        {
            table.legend = Some(legend);
            table.legend_text = Some(found);
            at = legend + 1;
        }
        self.tables.push(table);
        at
    }
}

/// A line of a plan document that looked like plan data but could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocProblem {
    /// An item of the activity list.
    Activity(WordsError),
    /// The start sentence.
    StartSentence(WordsError),
    /// A row of `month`'s table.
    Row {
        /// The table's month.
        month: Month,
        /// What is wrong with the row.
        why: WordsError,
    },
    /// A month heading with no table under it.
    NoTable,
    /// No start sentence: the plan starts on the tables' first day, 8 hours a day from 09:00.
    NoStartSentence,
}

fn is_row(line: &str) -> bool {
    line.trim_start().starts_with('|')
}

/// `*(F): Feriado.*` → (`F`, `Feriado`).
fn legend_of(line: &str) -> Option<(String, String)> {
    let plain = line.trim().trim_matches(['*', '_']).trim();
    let rest = plain.strip_prefix('(')?;
    let (mark, rest) = rest.split_once(')')?;
    let text = rest.trim_start().strip_prefix(':')?.trim();
    let text = text
        .trim_end_matches(['*', '_'])
        .trim_end()
        .trim_end_matches('.');
    (!mark.trim().is_empty() && !mark.contains(' '))
        .then(|| (mark.trim().to_owned(), text.trim().to_owned()))
}

/// Gives the day numbers of a table's rows their dates: the first row starts with the end of
/// the month before, the last ends with the start of the month after.
struct CellDates {
    month: Month,
    /// The next day of the month expected, once the month has started.
    next: Option<NaiveDate>,
    /// True once the month's last day has gone by.
    over: bool,
}

impl CellDates {
    fn new(month: Month) -> Self {
        CellDates {
            month,
            next: None,
            over: false,
        }
    }

    /// The days of the month in `line`, a `|week|day|…|` row, with their marks.
    fn read_row(&mut self, line: &str) -> Result<Vec<(NaiveDate, Option<String>)>, WordsError> {
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').collect();
        if cells.len() != 8 {
            return Err(WordsError::RowCells(cells.len()));
        }
        let mut days = Vec::new();
        for cell in &cells[1..] {
            let cell = cell.trim();
            let digits = cell.len() - cell.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let day: u32 = cell[..digits]
                .parse()
                .map_err(|_| WordsError::NoDayNumber(cell.to_owned()))?;
            let mark = cell[digits..].trim();
            let mark = match mark
                .strip_prefix('(')
                .and_then(|rest| rest.strip_suffix(')'))
            {
                Some(inside) => Some(inside.trim().replace("\\|", "|")),
                None if mark.is_empty() => None,
                None => {
                    return Err(WordsError::MarkOutsideParentheses(cell.to_owned()));
                }
            };
            if let Some(date) = self.date_of(day)? {
                days.push((date, mark));
            }
        }
        Ok(days)
    }

    /// The date of day number `day` in the sequence of cells, `None` outside the month.
    fn date_of(&mut self, day: u32) -> Result<Option<NaiveDate>, WordsError> {
        if self.over {
            return Ok(None);
        }
        let Some(expected) = self.next else {
            if day != 1 {
                return Ok(None);
            }
            let first = self.month.first_day();
            self.next = first.succ_opt();
            return Ok(Some(first));
        };
        if day == 1 && expected.day() == 1 {
            self.over = true;
            return Ok(None);
        }
        if day != expected.day() {
            return Err(WordsError::UnexpectedDay {
                day,
                expected: expected.day(),
            });
        }
        // After the month's last day this is the 1st of the next month, which ends it.
        self.next = expected.succ_opt();
        Ok(Some(expected))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed document (`shared/seed/000_63196c1e6f55a3e6.txt`), copied into the tests.
    const SEED: &str = include_str!("../../../../tests/fixtures/seed.md");

    #[test]
    fn the_seed_document_is_read_whole() {
        let doc = Doc::parse(SEED);
        assert_eq!(doc.problems, []);
        assert_eq!(doc.title.as_ref().unwrap().1, "PPS MLOps");
        assert_eq!(doc.items.len(), 7);
        assert_eq!(doc.locale(), Locale::ES);
        let months: Vec<u32> = doc.tables.iter().map(|table| table.month.month).collect();
        assert_eq!(months, [9, 10, 11]);
        let october = &doc.tables[1];
        assert!(october.legend.is_some());
        assert_eq!(
            october.legend_text,
            Some(("F".to_owned(), "Feriado".to_owned()))
        );
        let marks: Vec<(String, String)> = october
            .marks()
            .filter_map(|(date, mark)| Some((date.to_string(), mark.clone()?)))
            .collect();
        assert_eq!(marks.len(), 22);
        assert!(marks.contains(&("2023-10-13".into(), "F".into())));
        assert!(marks.contains(&("2023-10-31".into(), "A5".into())));
        assert_eq!(doc.tables[0].marks().count(), 30);
        assert_eq!(doc.lines.concat(), SEED);
    }

    #[test]
    fn rows_that_skip_a_day_are_reported_with_their_line() {
        let text = "### Octubre 2023\n\n|W|L|M|X|J|V|S|D|\n|-|-|-|-|-|-|-|-|\n|39|25|26|27|28|29|30|1|\n|40|2|3|5|6|7|8|9|\n";
        let doc = Doc::parse(text);
        assert_eq!(
            doc.problems,
            [(
                6,
                DocProblem::Row {
                    month: Month::of(NaiveDate::from_ymd_opt(2023, 10, 1).unwrap()),
                    why: WordsError::UnexpectedDay {
                        day: 5,
                        expected: 4
                    }
                }
            )]
        );
        let said = crate::messages::Say::say(&doc.problems[0].1, crate::plan::Locale::EN);
        assert_eq!(said, "2023-10 table: day 5 where 4 was expected");
    }
}
