//! The CSV export: a header and one row per activity, quoted per RFC 4180, in the dialect a
//! spreadsheet of the plan's locale opens without an import dialog ([`Dialect`]).

use super::format_datetime;
use crate::plan::{Locale, Plan};
use crate::schedule::Schedule;

/// How the file is written for the spreadsheet that opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    /// The field separator: `;` where numbers have a decimal comma (Excel and LibreOffice
    /// there split on `;`, since `,` is inside the numbers), `,` elsewhere.
    pub separator: u8,
    /// Hours written `7,5` rather than `7.5`.
    pub decimal_comma: bool,
    /// A UTF-8 byte-order mark first: without it Excel reads the file as the system's
    /// code page, and `Diseño` comes out as `DiseÃ±o`.
    pub bom: bool,
}

impl Dialect {
    /// The dialect of `locale`'s spreadsheets, with a byte-order mark.
    pub fn of(locale: Locale) -> Self {
        let decimal_comma = locale.decimal_comma();
        Dialect {
            separator: if decimal_comma { b';' } else { b',' },
            decimal_comma,
            bom: true,
        }
    }

    /// Hours as this dialect writes numbers.
    fn hours(self, hours: crate::plan::Hours) -> String {
        let text = hours.to_string();
        if self.decimal_comma {
            text.replace('.', ",")
        } else {
            text
        }
    }
}

/// The column names, in order.
pub const HEADER: [&str; 10] = [
    "code",
    "name",
    "hours",
    "start",
    "end",
    "working_days",
    "who",
    "critical",
    "after",
    "not_before",
];

/// The columns a tracked plan adds at the end.
pub const TRACKING_HEADER: [&str; 6] = [
    "logged",
    "remaining",
    "state",
    "baseline_start",
    "baseline_end",
    "slip_days",
];

/// Text a spreadsheet will not run: a cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return is a formula to Excel, LibreOffice and Google Sheets (OWASP's "CSV
/// injection"), so it gets a leading `'`, which they show as text.
pub fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// One row per activity: code, name, hours, start, end, working days, who, critical, after
/// (codes separated by spaces), not_before (columns are only ever added at the end), in the
/// dialect of the plan's locale. `import` reads it back.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    render_as(plan, schedule, Dialect::of(plan.locale))
}

/// [`render`] in `dialect`.
pub fn render_as(plan: &Plan, schedule: &Schedule, dialect: Dialect) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(dialect.separator)
        .from_writer(Vec::new());
    let mut write = |row: &[String]| {
        writer
            .write_record(row)
            .expect("writing to memory cannot fail")
    };
    let status = crate::status::Status::of(plan, schedule);
    let mut header: Vec<String> = HEADER.map(String::from).to_vec();
    if status.is_some() {
        header.extend(TRACKING_HEADER.map(String::from));
    }
    write(&header);
    for (index, (activity, span)) in plan.activities.iter().zip(schedule.spans()).enumerate() {
        let mut row = vec![
            inert(&activity.code),
            inert(&activity.name),
            dialect.hours(activity.hours),
            format_datetime(span.start),
            format_datetime(span.end),
            schedule
                .days_of(index)
                .filter(|day| !day.hours.is_zero())
                .count()
                .to_string(),
            inert(&activity.who),
            schedule.is_critical(index).to_string(),
            activity
                .after
                .iter()
                .map(|code| inert(code))
                .collect::<Vec<_>>()
                .join(" "),
            activity
                .not_before
                .map(|day| day.to_string())
                .unwrap_or_default(),
        ];
        if let Some(status) = &status {
            let progress = &status.activities[index];
            row.extend([
                dialect.hours(progress.logged),
                dialect.hours(progress.remaining),
                progress.state.key().to_owned(),
                progress
                    .baseline
                    .map(|(start, _)| format_datetime(start))
                    .unwrap_or_default(),
                progress
                    .baseline
                    .map(|(_, end)| format_datetime(end))
                    .unwrap_or_default(),
                progress
                    .slip_days
                    .map(|days| days.to_string())
                    .unwrap_or_default(),
            ]);
        }
        write(&row);
    }
    let bytes = writer.into_inner().expect("flushing to memory cannot fail");
    let text = String::from_utf8(bytes).expect("the csv writer writes back the UTF-8 it is given");
    if dialect.bom {
        format!("\u{feff}{text}")
    } else {
        text
    }
}
