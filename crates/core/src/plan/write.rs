//! The canonical text of a plan: the layout `plan.ron` is written in, field by field, so that
//! saving a canonical file reproduces it byte for byte and other programs can rely on the shape.

use std::fmt::Write;

use super::fields::format_time;
use super::window;
use super::{
    Activity, Baseline, BaselineActivity, Busy, Document, Exception, Handoff, Holiday, LogEntry,
    Ordering, Person, Plan, WeekWindows,
};

/// A RON string literal that people can read and edit: only what RON needs is escaped (`"`,
/// `\\`), plus what cannot be seen (control characters, and format characters such as a
/// zero-width space or a right-to-left override, which would hide what the text says).
/// Accents, combining marks, `'` and every other printable character are written as they are.
fn quote(text: &str) -> String {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() || c.general_category() == GeneralCategory::Format => {
                let _ = write!(quoted, "\\u{{{:x}}}", u32::from(c));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// Renders a document: its preamble, then the plan in canonical form
/// (fixed field order, holidays sorted by date, four-space indent, one item a line).
pub fn to_ron(document: &Document) -> String {
    let mut out = document.preamble.clone();
    write_plan(&mut out, &document.plan).expect("writing to a String cannot fail");
    out
}

/// The plan, field by field. Every struct is taken apart whole (no `..`), here and in the
/// writers below: a field added to the plan fails to compile until it is decided how it is
/// written, instead of being silently dropped at the next save.
fn write_plan(out: &mut String, plan: &Plan) -> std::fmt::Result {
    let Plan {
        title_text,
        locale,
        week_start,
        start,
        day_start,
        hours_per_day,
        windows,
        week,
        workdays,
        handoff,
        ordering,
        holidays,
        exceptions,
        busy,
        people,
        activities,
        log,
        baseline,
        // Not in the file: the loader fills it in from the file's name.
        fallback_title: _,
    } = plan;
    out.push_str("Plan(\n");
    if let Some(title) = title_text {
        writeln!(out, "    title: {},", quote(title))?;
    }
    writeln!(out, "    locale: {},", quote(locale.tag()))?;
    if let Some(day) = week_start {
        writeln!(out, "    week_start: {},", day.name())?;
    }
    writeln!(out, "    start: \"{start}\",")?;
    match windows {
        Some(windows) => writeln!(out, "    windows: [{}],", window::list_text(windows))?,
        None => {
            let opens = day_start.unwrap_or(super::DEFAULT_DAY_START);
            writeln!(out, "    day_start: \"{}\",", format_time(opens))?;
            writeln!(
                out,
                "    hours_per_day: {},",
                hours_per_day.unwrap_or_default()
            )?;
        }
    }
    let workdays: Vec<&str> = workdays.iter().map(|day| day.name()).collect();
    writeln!(out, "    workdays: [{}],", workdays.join(", "))?;
    if !week.is_empty() {
        writeln!(out, "    week: [{}],", week_text(week))?;
    }
    if *handoff == Handoff::NextDay {
        writeln!(out, "    handoff: NextDay,")?;
    }
    if *ordering == Ordering::LinksOnly {
        writeln!(out, "    ordering: LinksOnly,")?;
    }

    let mut holidays: Vec<_> = holidays.iter().collect();
    holidays.sort_by_key(|holiday| holiday.date);
    write_list(out, "holidays", &holidays, |out, holiday| {
        write_holiday(out, holiday)
    })?;
    // Optional lists are written only when they say something, so plans without them keep
    // the shape of the first format.
    if !exceptions.is_empty() {
        let mut exceptions: Vec<_> = exceptions.iter().collect();
        exceptions.sort_by_key(|exception| exception.date);
        write_list(out, "exceptions", &exceptions, |out, exception| {
            write_exception(out, exception)
        })?;
    }
    if !busy.is_empty() {
        write_list(out, "busy", &sorted_busy(busy), write_busy)?;
    }
    if !people.is_empty() {
        write_list(out, "people", people, write_person)?;
    }
    write_list(out, "activities", activities, write_activity)?;
    if let Some(log) = log {
        write_log(out, log)?;
    }
    if let Some(baseline) = baseline {
        write_baseline(out, baseline)?;
    }
    out.push_str(")\n");
    Ok(())
}

/// An activity on one line: what it must have, then only what it says.
fn write_activity(out: &mut String, activity: &Activity) -> std::fmt::Result {
    let Activity {
        code,
        name,
        hours,
        who,
        after,
        not_before,
        done,
        remaining,
    } = activity;
    write!(
        out,
        "(code: {}, name: {}, hours: {hours}",
        quote(code),
        quote(name)
    )?;
    if !who.is_empty() {
        write!(out, ", who: {}", quote(who))?;
    }
    if !after.is_empty() {
        let codes: Vec<String> = after.iter().map(|code| quote(code)).collect();
        write!(out, ", after: [{}]", codes.join(", "))?;
    }
    if let Some(day) = not_before {
        write!(out, ", not_before: \"{day}\"")?;
    }
    if *done {
        out.push_str(", done: true");
    }
    if let Some(hours) = remaining {
        write!(out, ", remaining: {hours}")?;
    }
    out.push(')');
    Ok(())
}

/// The log in date order, one entry a line.
fn write_log(out: &mut String, log: &[LogEntry]) -> std::fmt::Result {
    let mut entries: Vec<&LogEntry> = log.iter().collect();
    entries.sort_by_key(|entry| entry.date);
    write_list(out, "log", &entries, |out, entry| {
        let LogEntry {
            date,
            code,
            hours,
            note,
        } = entry;
        write!(
            out,
            "(date: \"{date}\", code: {}, hours: {hours}",
            quote(code)
        )?;
        if let Some(note) = note {
            write!(out, ", note: {}", quote(note))?;
        }
        out.push(')');
        Ok(())
    })
}

/// The baseline as a block: its day, then one activity a line.
fn write_baseline(out: &mut String, baseline: &Baseline) -> std::fmt::Result {
    let Baseline { saved, activities } = baseline;
    writeln!(out, "    baseline: (")?;
    writeln!(out, "        saved: \"{saved}\",")?;
    let moment = |at: &chrono::NaiveDateTime| format!("{}T{}", at.date(), format_time(at.time()));
    if activities.is_empty() {
        writeln!(out, "        activities: [],")?;
    } else {
        writeln!(out, "        activities: [")?;
        for activity in activities {
            let BaselineActivity { code, start, end } = activity;
            writeln!(
                out,
                "            (code: {}, start: \"{}\", end: \"{}\"),",
                quote(code),
                moment(start),
                moment(end)
            )?;
        }
        writeln!(out, "        ],")?;
    }
    writeln!(out, "    ),")
}

fn write_holiday(out: &mut String, holiday: &&Holiday) -> std::fmt::Result {
    let Holiday { date, until, name } = holiday;
    write!(out, "(date: \"{date}\"")?;
    if let Some(until) = until {
        write!(out, ", until: \"{until}\"")?;
    }
    if let Some(name) = name {
        write!(out, ", name: {}", quote(name))?;
    }
    out.push(')');
    Ok(())
}

fn write_exception(out: &mut String, exception: &&Exception) -> std::fmt::Result {
    let Exception {
        date,
        hours,
        windows,
    } = exception;
    write!(out, "(date: \"{date}\"")?;
    if let Some(hours) = hours {
        write!(out, ", hours: {hours}")?;
    }
    if let Some(windows) = windows {
        write!(out, ", windows: [{}]", window::list_text(windows))?;
    }
    out.push(')');
    Ok(())
}

/// Busy blocks in date order (then by time), as a timetable reads.
fn sorted_busy(busy: &[Busy]) -> Vec<&Busy> {
    let mut sorted: Vec<&Busy> = busy.iter().collect();
    sorted.sort_by_key(|block| (block.date, block.time));
    sorted
}

fn write_busy(out: &mut String, busy: &&Busy) -> std::fmt::Result {
    let Busy {
        name,
        date,
        time,
        until,
        weekly,
        skip,
        source,
    } = busy;
    write!(out, "(name: {}, date: \"{date}\"", quote(name))?;
    if let Some(time) = time {
        write!(out, ", time: \"{time}\"")?;
    }
    if let Some(until) = until {
        write!(out, ", until: \"{until}\"")?;
    }
    if *weekly {
        out.push_str(", weekly: true");
    }
    if !skip.is_empty() {
        let days: Vec<String> = skip.iter().map(|day| format!("\"{day}\"")).collect();
        write!(out, ", skip: [{}]", days.join(", "))?;
    }
    if let Some(source) = source {
        write!(out, ", source: {}", quote(source))?;
    }
    out.push(')');
    Ok(())
}

/// A `week` on one line: `(days: [Fri], windows: ["08:00-13:00"])`, one group after another.
fn week_text(week: &[WeekWindows]) -> String {
    week.iter()
        .map(|group| {
            let WeekWindows { days, windows } = group;
            let days: Vec<&str> = days.iter().map(|day| day.name()).collect();
            format!(
                "(days: [{}], windows: [{}])",
                days.join(", "),
                window::list_text(windows)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A person on one line: only the fields that differ from the plan's are given.
fn write_person(out: &mut String, person: &Person) -> std::fmt::Result {
    let Person {
        name,
        hours_per_day,
        day_start,
        windows,
        week,
        workdays,
        holidays,
        exceptions,
        busy,
    } = person;
    write!(out, "(name: {}", quote(name))?;
    if let Some(hours) = hours_per_day {
        write!(out, ", hours_per_day: {hours}")?;
    }
    if let Some(time) = day_start {
        write!(out, ", day_start: \"{}\"", format_time(*time))?;
    }
    if let Some(windows) = windows {
        write!(out, ", windows: [{}]", window::list_text(windows))?;
    }
    if let Some(week) = week {
        write!(out, ", week: [{}]", week_text(week))?;
    }
    if let Some(days) = workdays {
        let names: Vec<&str> = days.iter().map(|day| day.name()).collect();
        write!(out, ", workdays: [{}]", names.join(", "))?;
    }
    let mut holidays: Vec<&Holiday> = holidays.iter().collect();
    holidays.sort_by_key(|holiday| holiday.date);
    write_inline(out, "holidays", &holidays, write_holiday)?;
    let mut exceptions: Vec<&Exception> = exceptions.iter().collect();
    exceptions.sort_by_key(|exception| exception.date);
    write_inline(out, "exceptions", &exceptions, write_exception)?;
    write_inline(out, "busy", &sorted_busy(busy), write_busy)?;
    out.push(')');
    Ok(())
}

/// `, name: [item, item]` on the line, or nothing when there are no items.
fn write_inline<T>(
    out: &mut String,
    name: &str,
    items: &[T],
    item: impl Fn(&mut String, &T) -> std::fmt::Result,
) -> std::fmt::Result {
    if items.is_empty() {
        return Ok(());
    }
    write!(out, ", {name}: [")?;
    for (at, each) in items.iter().enumerate() {
        if at > 0 {
            out.push_str(", ");
        }
        item(out, each)?;
    }
    out.push(']');
    Ok(())
}

/// `name: [` + one item a line + `],`, or `name: [],` when empty.
fn write_list<T>(
    out: &mut String,
    name: &str,
    items: &[T],
    mut item: impl FnMut(&mut String, &T) -> std::fmt::Result,
) -> std::fmt::Result {
    if items.is_empty() {
        return writeln!(out, "    {name}: [],");
    }
    writeln!(out, "    {name}: [")?;
    for each in items {
        out.push_str("        ");
        item(out, each)?;
        out.push_str(",\n");
    }
    out.push_str("    ],\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn quoting_escapes_what_ron_needs_and_keeps_accents() {
        assert_eq!(quote("Día \"F\"\n"), r#""Día \"F\"\n""#);
        assert_eq!(quote("it's क्ष \\"), "\"it's क्ष \\\\\"");
        assert_eq!(quote("a\u{1b}b\u{200b}"), r#""a\u{1b}b\u{200b}""#);
        for text in ["it's क्ष", "a\u{1b}\u{0}\u{200b}\u{202e}\r\t\"\\"] {
            let plan = format!(
                "Plan(title: {}, start: \"2024-01-08\", hours_per_day: 6, activities: [(code: \"A\", hours: 1)])",
                quote(text)
            );
            let read = super::super::parse(&plan, std::path::Path::new("t.ron")).unwrap();
            assert_eq!(read.plan.title_text.as_deref(), Some(text));
        }
    }

    #[test]
    fn busy_time_is_written_in_date_order_and_reads_back_the_same() {
        let text = r#"Plan(start: "2024-01-08", hours_per_day: 8,
            busy: [(name: "Reunión \"x\"", date: "2024-01-10", time: "11:30-13:05", source: "https://h/c/"),
                   (name: "Álgebra", date: "2024-01-09", time: "10:00-11:50", until: "2024-03-26",
                    weekly: true, skip: ["2024-01-16", "2024-01-23"])],
            people: [(name: "Ana", busy: [(name: "Examen", date: "2024-02-01"), (name: "Curso", date: "2024-01-29", until: "2024-01-31")])],
            activities: [(code: "R", hours: 1, who: "Ana")])"#;
        let document = super::super::parse(text, Path::new("t.ron")).unwrap();
        let written = to_ron(&document);
        let again = super::super::parse(&written, Path::new("t.ron")).unwrap();
        let mut busy = document.plan.busy.clone();
        busy.reverse();
        assert_eq!(again.plan.busy, busy);
        let mut people = document.plan.people.clone();
        people[0].busy.reverse();
        assert_eq!(again.plan.people, people);
        assert!(written.contains(
            r#"(name: "Álgebra", date: "2024-01-09", time: "10:00-11:50", until: "2024-03-26", weekly: true, skip: ["2024-01-16", "2024-01-23"]),"#
        ));
    }

    #[test]
    fn written_text_parses_back_to_the_same_plan() {
        let text = "Plan(start: \"2024-01-08\", hours_per_day: 7.5, holidays: [(date: \"2024-02-01\"), (date: \"2024-01-10\", name: \"x\\\"y\")], activities: [(code: \"R\", hours: 0.25)])";
        let document = super::super::parse(text, Path::new("t.ron")).unwrap();
        let written = to_ron(&document);
        let again = super::super::parse(&written, Path::new("t.ron")).unwrap();
        assert_eq!(again.plan.activities, document.plan.activities);
        assert_eq!(again.plan.hours_per_day, document.plan.hours_per_day);
        assert!(written.find("2024-01-10").unwrap() < written.find("2024-02-01").unwrap());
        assert_eq!(to_ron(&again), written, "canonical text is a fixed point");
    }

    #[test]
    fn a_tracked_plan_is_written_whole_and_reads_back_the_same() {
        let text = "Plan(start: \"2024-01-08\", hours_per_day: 6, activities: [(code: \"R\", hours: 10, done: true), (code: \"S\", hours: 4, remaining: 2.5)], log: [(date: \"2024-01-09\", code: \"S\", hours: 1, note: \"a \\\"quiet\\\" day\"), (date: \"2024-01-08\", code: \"R\", hours: 6)], baseline: (saved: \"2024-01-08\", activities: [(code: \"R\", start: \"2024-01-08T09:00\", end: \"2024-01-09T13:00\")]))";
        let document = super::super::parse(text, Path::new("t.ron")).unwrap();
        let written = to_ron(&document);
        let again = super::super::parse(&written, Path::new("t.ron")).unwrap();
        let mut expected = document.plan.clone();
        expected
            .log
            .as_mut()
            .unwrap()
            .sort_by_key(|entry| entry.date);
        assert_eq!(again.plan, expected);
        assert!(written.contains("done: true") && written.contains("remaining: 2.5"));
        assert!(
            written.find("2024-01-08\", code").unwrap()
                < written.find("2024-01-09\", code").unwrap()
        );
        assert!(
            written
                .contains("(code: \"R\", start: \"2024-01-08T09:00\", end: \"2024-01-09T13:00\"),")
        );
        assert_eq!(to_ron(&again), written, "canonical text is a fixed point");
        let untracked = super::super::parse(
            "Plan(start: \"2024-01-08\", hours_per_day: 6, activities: [(code: \"R\", hours: 1)])",
            Path::new("t.ron"),
        )
        .unwrap();
        assert!(
            !to_ron(&untracked).contains("log"),
            "no log field for an untracked plan"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Whatever the texts hold (quotes, backslashes, controls, accents, format
        /// characters), a written plan reads back to the plan that was written.
        #[test]
        fn any_written_plan_reads_back_to_itself(
            title in TEXT,
            name in TEXT,
            who in "[A-Za-z][A-Za-z0-9]{0,5}",
            quarters in 1u32..4000,
            day in 0u64..400,
        ) {
            let base = "Plan(start: \"2024-03-04\", hours_per_day: 7.5, activities: [\
                        (code: \"A\", hours: 7), (code: \"B\", hours: 0, after: [\"A\"])], \
                        log: [(date: \"2024-03-04\", code: \"A\", hours: 1, note: \"n\")])";
            let mut plan = super::super::parse(base, Path::new("p.ron")).unwrap().plan;
            plan.title_text = Some(title);
            plan.activities[0].name = name.as_str().into();
            plan.activities[0].who = who.as_str().into();
            plan.activities[0].hours = crate::plan::Hours::from_quarters(quarters);
            plan.start = plan.start + chrono::Days::new(day);
            let text = to_ron(&Document { plan: plan.clone(), preamble: "// p\n".into() });
            let read = super::super::parse(&text, Path::new("p.ron")).unwrap().plan;
            proptest::prop_assert_eq!(read, plan, "{}", text);
        }
    }

    /// Texts with what RON and terminals care about.
    const TEXT: &str = "[\\x00-\\x7f\\u{80}-\\u{9f}\\u{200b}\\u{202e}a-zé\"\\\\]{0,20}";
}
