//! The CSV export: a header and one row per activity, quoted per RFC 4180.

use super::format_datetime;
use crate::plan::Plan;
use crate::schedule::Schedule;

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
/// (codes separated by spaces), not_before (columns are only ever added at the end). `import`
/// reads it back.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut write = |row: &[String]| {
        writer
            .write_record(row)
            .expect("writing to memory cannot fail")
    };
    write(&HEADER.map(String::from));
    for (index, (activity, span)) in plan.activities.iter().zip(schedule.spans()).enumerate() {
        write(&[
            inert(&activity.code),
            inert(&activity.name),
            activity.hours.to_string(),
            format_datetime(span.start),
            format_datetime(span.end),
            schedule
                .slots_of(index)
                .iter()
                .filter(|slot| !slot.hours.is_zero())
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
        ]);
    }
    let bytes = writer.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8(bytes).expect("the csv writer writes back the UTF-8 it is given")
}
