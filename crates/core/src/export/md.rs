//! The Markdown export: the seed document's "Cronograma de actividades" section, generated.
//!
//! A heading, a sentence with the start date, hours per day and window, the activity list, and
//! one table per month with the ISO week number and the codes next to the day numbers:
//! `|41|9 (A3)|10 (A3)|11 (A3)|12 (A4)|13 (F)|14|15|`.

use std::fmt::{self, Write};

use chrono::Datelike;

use crate::calendar::{DayKind, Month, Week, day_info, months_between, weekday_labels};
use crate::locale::{Words, words};
use crate::plan::fields::format_minutes;
use crate::plan::{Hours, Language, Locale, Plan, WeekStart};
use crate::schedule::Schedule;

/// The whole section as Markdown.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    let mut out = String::new();
    write_section(&mut out, plan, schedule).expect("writing to a String cannot fail");
    out
}

fn write_section(out: &mut String, plan: &Plan, schedule: &Schedule) -> fmt::Result {
    let words = words(plan.locale);
    writeln!(out, "# {}\n", inline(plan.title()))?;
    writeln!(out, "## {}\n", words.schedule_heading)?;
    writeln!(out, "{}\n", start_sentence(plan, schedule))?;
    // With several people, one list each (in the order they first appear), numbered as a whole.
    let people = super::by_person(plan);
    for (who, activities) in &people {
        if people.len() > 1 {
            let heading = if who.is_empty() {
                words.unassigned
            } else {
                who
            };
            writeln!(out, "#### {}\n", inline(heading))?;
        }
        for index in activities {
            writeln!(out, "{}\n", activity_item(plan, *index))?;
        }
    }
    let (first, last) = schedule
        .worked_days()
        .unwrap_or((schedule.start().date(), schedule.end().date()));
    for month in months_between(first, last) {
        month_table(out, plan, schedule, month, words)?;
    }
    Ok(())
}

/// `* **Actividad Nº1 (A1):** Name *Duración: 42 horas.*` (a milestone: `*Hito.*`).
pub fn activity_item(plan: &Plan, index: usize) -> String {
    let words = words(plan.locale);
    let activity = &plan.activities[index];
    let name = if activity.name.is_empty() {
        String::new()
    } else {
        format!("{} ", inline(&activity.name))
    };
    let effort = if activity.is_milestone() {
        words.milestone.to_owned()
    } else {
        format!(
            "{}: {}",
            words.duration,
            hours_phrase(plan.locale, activity.hours)
        )
    };
    format!(
        "* **{} {}{} ({}):** {name}*{effort}.*",
        words.activity,
        words.number_sign,
        index + 1,
        cell(&activity.code),
    )
}

/// One month: heading, header row, alignment row, a row per ISO week, and the holiday note.
fn month_table(
    out: &mut String,
    plan: &Plan,
    schedule: &Schedule,
    month: Month,
    words: &Words,
) -> fmt::Result {
    writeln!(out, "{}\n", month_heading(words, month))?;
    writeln!(out, "{}", header_row(words, plan.week_start()))?;
    writeln!(out, "{ALIGN_ROW}")?;
    let mut has_holiday = false;
    for week in month.weeks(plan.week_start()) {
        let (row, holiday) = table_row(plan, schedule, month, week);
        has_holiday |= holiday;
        writeln!(out, "{row}")?;
    }
    out.push('\n');
    if has_holiday {
        writeln!(out, "{}\n", legend(words))?;
    }
    Ok(())
}

/// `|Sem|Lun|Mar|…|`: the week column and the days, from the plan's first day of the week.
pub fn header_row(words: &Words, start: WeekStart) -> String {
    format!(
        "|{}|{}|",
        words.week,
        weekday_labels(&words.weekdays, start).join("|")
    )
}

/// The alignment row under a table's header: eight centred columns.
pub const ALIGN_ROW: &str = "|:-:|:-:|:-:|:-:|:-:|:-:|:-:|:-:|";

/// `### Septiembre 2023`.
pub fn month_heading(words: &Words, month: Month) -> String {
    format!("### {} {}", words.month(month.month), month.year)
}

/// `*(F): Feriado.*`: what the holiday mark means, under a table that has one.
pub fn legend(words: &Words) -> String {
    format!("*({}): {}.*", words.holiday_mark, words.holiday)
}

/// One week's row, `|41|9 (A3)|10 (A3)|11 (A3)|12 (A4)|13 (F)|14|15|`, and whether it holds a
/// holiday of the month. Days of the neighbouring months show their number alone.
pub fn table_row(plan: &Plan, schedule: &Schedule, month: Month, week: Week) -> (String, bool) {
    let mut row = format!("|{}|", week.number());
    let mut has_holiday = false;
    for date in week.days() {
        let _ = write!(row, "{}", date.day());
        if month.contains(date) {
            let info = day_info(schedule, date);
            has_holiday |= info.kind == DayKind::Holiday;
            if let Some(mark) = info.mark(plan) {
                let _ = write!(row, " ({})", cell(&mark));
            }
        }
        row.push('|');
    }
    (row, has_holiday)
}

/// Plan text on one Markdown line: control characters (newlines too) written visibly.
fn inline(text: &str) -> std::borrow::Cow<'_, str> {
    crate::text::in_one_line(text)
}

/// Plan text inside a table cell: on one line, and a `|` cannot end the cell.
pub(crate) fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

/// "Del 13 de Septiembre del 2023 con 6 horas diarias en la franja horaria de 8 a 14 hs."
pub fn start_sentence(plan: &Plan, schedule: &Schedule) -> String {
    let words = words(plan.locale);
    let start = schedule.start().date();
    let month = words.month(start.month());
    let calendar = schedule.calendar();
    let hours = calendar.hours_per_day();
    let windows = calendar.windows();
    // Each window as "from … to …", joined as the language joins a list.
    let spans = |from: &str, to: &str, and: &str, clock: &dyn Fn(u32) -> String| {
        let each: Vec<String> = windows
            .iter()
            .map(|w| {
                format!(
                    "{from}{}{to}{}",
                    clock(w.opens.into()),
                    clock(w.closes.into())
                )
            })
            .collect();
        match each.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{}{and}{last}", rest.join(", ")),
            _ => each.concat(),
        }
    };
    let minutes = |minutes: u32| format_minutes(minutes);
    match plan.locale.language() {
        Language::Pt => format!(
            "A partir de {} de {} de {}, {} horas por dia {}.",
            start.day(),
            month.to_lowercase(),
            start.year(),
            hours.with_decimal_comma(),
            spans("das ", " às ", " e ", &minutes),
        ),
        Language::Es => {
            // Spanish plans write whole hours bare: "de 8 a 14 hs", "de 8:30 a 16 hs".
            let clock = |minutes: u32| match minutes % 60 {
                0 => (minutes / 60).to_string(),
                minute => format!("{}:{minute:02}", minutes / 60),
            };
            let franja = if windows.len() > 1 {
                "las franjas horarias"
            } else {
                "la franja horaria"
            };
            format!(
                "Del {} de {month} del {} con {} horas diarias en {franja} {} hs.",
                start.day(),
                start.year(),
                hours.with_decimal_comma(),
                spans("de ", " a ", " y ", &clock),
            )
        }
        Language::En => format!(
            "From {month} {}, {}, {} hours a day {}.",
            start.day(),
            start.year(),
            hours,
            spans("from ", " to ", " and ", &minutes),
        ),
    }
}

/// "42 horas", "1 hora", "7,5 horas", "42 hours".
fn hours_phrase(locale: Locale, hours: Hours) -> String {
    let (one, many) = words(locale).hour_units;
    let unit = if hours == Hours::from_whole(1) {
        one
    } else {
        many
    };
    let number = match locale.language() {
        Language::Es | Language::Pt => hours.with_decimal_comma(),
        Language::En => hours.to_string(),
    };
    format!("{number} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_naturally_in_each_language() {
        assert_eq!(hours_phrase(Locale::ES, Hours::from_whole(42)), "42 horas");
        assert_eq!(hours_phrase(Locale::ES, Hours::from_whole(1)), "1 hora");
        assert_eq!(
            hours_phrase(Locale::ES, Hours::from_quarters(30)),
            "7,5 horas"
        );
        assert_eq!(
            hours_phrase(Locale::EN, Hours::from_quarters(30)),
            "7.5 hours"
        );
    }
}
