//! Exports: the schedule as Markdown (the seed document's own tables), JSON, CSV, calendars,
//! charts, project files and a spreadsheet. Pure views: each takes a plan and its schedule and
//! returns text ([`render`]) or, for the binary documents, bytes ([`render_output`]).

pub mod csv;
pub mod ics;
pub mod json;
pub mod md;
pub mod mermaid;
pub mod mspdi;
pub mod pdf;
mod report;
pub mod status;
pub mod summary;
pub mod svg;
pub mod tjp;
pub mod xlsx;

use chrono::{NaiveDateTime, Timelike};

use crate::plan::Plan;
use crate::schedule::Schedule;

/// The formats `cronograma export` writes; [`Format::name`] and [`Format::about`] are what the
/// command line shows of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Json,
    Csv,
    Mermaid,
    Ics,
    Svg,
    Tjp,
    Mspdi,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 8] = [
        Format::Md,
        Format::Json,
        Format::Csv,
        Format::Mermaid,
        Format::Ics,
        Format::Svg,
        Format::Tjp,
        Format::Mspdi,
    ];

    /// The format's name, as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Mermaid => "mermaid",
            Format::Ics => "ics",
            Format::Svg => "svg",
            Format::Tjp => "tjp",
            Format::Mspdi => "mspdi",
        }
    }

    /// What the format holds and who reads it, in one line.
    pub fn about(self) -> &'static str {
        match self {
            Format::Md => {
                "Markdown: the activity list and one table per month, codes next to the day numbers"
            }
            Format::Json => "JSON: every activity with its start, end and hours per day",
            Format::Csv => "CSV: one row per activity",
            Format::Mermaid => "Mermaid: a `gantt` block for Markdown documents on code forges",
            Format::Ics => {
                "iCalendar: each activity's working hours as weekly series, and the holidays, for calendar programs"
            }
            Format::Svg => "SVG: a Gantt chart for a written report",
            Format::Tjp => "TaskJuggler: a project for `tj3`, scheduled to the same dates",
            Format::Mspdi => {
                "MS Project XML (MSPDI), for MS Project, ProjectLibre and GanttProject"
            }
        }
    }
}

/// Renders `schedule` of `plan` in `format`.
pub fn render(format: Format, plan: &Plan, schedule: &Schedule) -> String {
    match format {
        Format::Md => md::render(plan, schedule),
        Format::Json => json::render(plan, schedule),
        Format::Csv => csv::render(plan, schedule),
        Format::Mermaid => mermaid::render(plan, schedule),
        Format::Ics => ics::render(plan, schedule),
        Format::Svg => svg::render(plan, schedule),
        Format::Tjp => tjp::render(plan, schedule),
        Format::Mspdi => mspdi::render(plan, schedule),
    }
}

/// What `cronograma export --format` writes: one of the text formats, or a binary document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A text format ([`render`]).
    Text(Format),
    /// An Excel workbook ([`xlsx`]).
    Xlsx,
    /// A printable report ([`pdf`]).
    Pdf,
}

impl Output {
    /// Every output, in the order `--help` lists them.
    pub const ALL: [Output; 10] = [
        Output::Text(Format::Md),
        Output::Text(Format::Json),
        Output::Text(Format::Csv),
        Output::Text(Format::Mermaid),
        Output::Text(Format::Ics),
        Output::Text(Format::Svg),
        Output::Text(Format::Tjp),
        Output::Text(Format::Mspdi),
        Output::Xlsx,
        Output::Pdf,
    ];

    /// Its name, as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Output::Text(format) => format.name(),
            Output::Xlsx => "xlsx",
            Output::Pdf => "pdf",
        }
    }

    /// What it holds and who reads it, in one line.
    pub fn about(self) -> &'static str {
        match self {
            Output::Text(format) => format.about(),
            Output::Xlsx => {
                "Excel workbook: the activities with real dates and totals, the month tables and a Gantt sheet"
            }
            Output::Pdf => {
                "PDF: a printable report (A4 or Letter, landscape): the activities, the month tables, the Gantt over as many pages as it needs, the status"
            }
        }
    }

    /// The usual extension of its files, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Output::Text(Format::Mermaid) => "mmd",
            Output::Text(Format::Mspdi) => "xml",
            other => other.name(),
        }
    }

    /// True for a file that is not text: not for a terminal.
    pub fn is_binary(self) -> bool {
        !matches!(self, Output::Text(_))
    }
}

/// Why a binary report could not be written (the library that writes it refused: a Gantt
/// wider than a sheet holds, say). The text formats cannot fail.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    /// The workbook, with the spreadsheet library's words.
    #[error("the spreadsheet cannot be written: {0}")]
    Spreadsheet(String),
    /// The PDF, with the PDF library's words.
    #[error("the PDF cannot be written: {0}")]
    Pdf(String),
}

/// Renders `schedule` of `plan` as `output`'s bytes, or says why it cannot be written.
pub fn render_output(
    output: Output,
    plan: &Plan,
    schedule: &Schedule,
) -> Result<Vec<u8>, RenderError> {
    match output {
        Output::Text(format) => Ok(render(format, plan, schedule).into_bytes()),
        Output::Xlsx => xlsx::render(plan, schedule),
        Output::Pdf => pdf::render(plan, schedule),
    }
}

/// The plan's people in the order they first appear, each with the indices of their
/// activities in plan order (the unnamed person is `""`). One pass: a plan of 100,000
/// activities and as many people costs no more than one of a single person.
pub fn by_person(plan: &Plan) -> Vec<(&str, Vec<usize>)> {
    let mut position: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut people: Vec<(&str, Vec<usize>)> = Vec::new();
    for (index, activity) in plan.activities.iter().enumerate() {
        let who: &str = &activity.who;
        let at = *position.entry(who).or_insert_with(|| {
            people.push((who, Vec::new()));
            people.len() - 1
        });
        people[at].1.push(index);
    }
    people
}

/// Text as XML character data or an attribute value, for the SVG and MS Project exports:
/// markup characters as entities, and control characters (most of which XML 1.0 forbids even
/// as references) and the two non-characters U+FFFE and U+FFFF written visibly, so any name
/// gives a valid document.
pub fn xml_text(text: &str) -> String {
    let visible = crate::text::in_one_line(text);
    let mut out = String::with_capacity(visible.len());
    for c in visible.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The name of the holiday (the plan's, or a person's) that starts on `date`, if it has one:
/// for exports that write the schedule's days off, which know only their dates.
pub fn holiday_name(plan: &Plan, date: chrono::NaiveDate) -> Option<&str> {
    plan.holidays
        .iter()
        .chain(plan.people.iter().flat_map(|person| &person.holidays))
        .find(|holiday| holiday.date == date)
        .and_then(|holiday| holiday.name.as_deref())
}

/// A date as exports write it: `2023-09-13`, chrono's own ISO 8601 form. Written by `Display`
/// rather than a `%Y-%m-%d` pattern, which chrono parses anew for every date: that parsing was a
/// tenth of a JSON export's time.
pub fn format_date(date: chrono::NaiveDate) -> String {
    date.to_string()
}

/// A date-time as exports write it: `2023-09-13T08:00`.
pub fn format_datetime(moment: NaiveDateTime) -> String {
    format!(
        "{}T{:02}:{:02}",
        moment.date(),
        moment.hour(),
        moment.minute()
    )
}

/// A date-time as people read it, in the view, `check` and `status`: `2023-09-13 08:00`.
pub fn format_moment(moment: NaiveDateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        moment.date(),
        moment.hour(),
        moment.minute()
    )
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    #[test]
    fn moments_are_written_to_the_minute() {
        let moment = NaiveDate::from_ymd_opt(2023, 9, 3)
            .unwrap()
            .and_hms_opt(8, 5, 59)
            .unwrap();
        assert_eq!(super::format_date(moment.date()), "2023-09-03");
        assert_eq!(super::format_datetime(moment), "2023-09-03T08:05");
        assert_eq!(super::format_moment(moment), "2023-09-03 08:05");
    }

    /// `Display` writes what the `%Y-%m-%d` pattern wrote, for years of any width.
    #[test]
    fn dates_are_written_as_the_iso_pattern_wrote_them() {
        for year in [1, 999, 2023, 9999, 10_000, 262_000] {
            let date = NaiveDate::from_ymd_opt(year, 1, 2).unwrap();
            assert_eq!(
                super::format_date(date),
                date.format("%Y-%m-%d").to_string()
            );
        }
    }
}
