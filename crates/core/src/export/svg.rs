//! The SVG export: a self-contained Gantt chart for a written report. One row per activity with
//! its code, name and hours; bars on a day axis with month and ISO-week labels; rest days
//! shaded and holidays hatched; milestones as diamonds; the critical path outlined. Text is real
//! `<text>`, and the chart reads in black and white: shading, hatching and outlines carry the
//! meaning, colour only helps.

use std::fmt::{self, Write};

use chrono::{NaiveDate, TimeDelta};
use unicode_width::UnicodeWidthStr;

use crate::calendar::{DayKind, Month, Week, day_info};
use crate::colour::activity_hex;
use crate::locale::words;
use crate::plan::{Plan, WeekStart};
use crate::schedule::Schedule;

/// Width of one day.
const DAY: f64 = 14.0;
/// Height of one activity row.
const ROW: f64 = 24.0;
/// Width of the code, name and hours column.
const LABEL: f64 = 380.0;
/// Height of the title line.
const TITLE: f64 = 30.0;
/// Height of the month and week rulers together.
const RULER: f64 = 40.0;
/// Height of the legend under the chart.
const LEGEND: f64 = 34.0;
/// Room around everything.
const MARGIN: f64 = 12.0;
/// The width of one character of 12-pixel text, roughly.
const CHAR_WIDTH: f64 = 7.5;
/// Characters of a name that fit the label column.
const NAME_CHARS: usize = 42;

/// The chart as an SVG document, each day [`DAY`] wide.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    render_sized(plan, schedule, None)
}

/// The chart as an SVG document `width` pixels wide (a page, rather than one long strip): the
/// days take what the labels leave, at least [`NARROWEST_DAY`] each, so a plan of many years
/// may come out wider than asked.
pub fn render_sized(plan: &Plan, schedule: &Schedule, width: Option<f64>) -> String {
    let mut out = String::new();
    let chart = Chart::of(plan, schedule, width);
    write_svg(&mut out, plan, schedule, &chart).expect("writing to a String cannot fail");
    out
}

/// The narrowest and widest a day is drawn when the chart is sized to a width.
pub const NARROWEST_DAY: f64 = 1.0;
const WIDEST_DAY: f64 = 48.0;

/// The width of a landscape page at 96 pixels an inch: A4 (297 mm) and US Letter (11 in).
pub const A4_WIDTH: f64 = 1123.0;
pub const LETTER_WIDTH: f64 = 1056.0;

/// The days on the axis: whole weeks (from the plan's first day of the week) around the
/// scheduled work.
fn axis(schedule: &Schedule, start: WeekStart) -> (NaiveDate, usize) {
    let (first, last) = schedule
        .worked_days()
        .unwrap_or((schedule.start().date(), schedule.end().date()));
    let from = Week::containing(first, start).first;
    let to = Week::containing(last, start).first + TimeDelta::days(6);
    (from, ((to - from).num_days() + 1) as usize)
}

/// The chart's geometry: the day axis and where the chart's body is.
struct Chart {
    first_day: NaiveDate,
    days: usize,
    /// How wide a day is drawn.
    day: f64,
    /// Where the bars' area begins, left and top.
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    /// The height of all the activity rows.
    body_height: f64,
}

impl Chart {
    fn of(plan: &Plan, schedule: &Schedule, width: Option<f64>) -> Self {
        let (first_day, days) = axis(schedule, plan.week_start());
        let (x, y) = (MARGIN + LABEL, MARGIN + TITLE + RULER);
        let body_height = plan.activities.len() as f64 * ROW;
        let day = width.map_or(DAY, |width| {
            ((width - x - MARGIN) / days.max(1) as f64).clamp(NARROWEST_DAY, WIDEST_DAY)
        });
        Chart {
            first_day,
            days,
            day,
            x,
            y,
            width: x + days as f64 * day + MARGIN,
            height: y + body_height + LEGEND + MARGIN,
            body_height,
        }
    }

    /// Where `day` begins on the axis.
    fn x_of(&self, day: NaiveDate) -> f64 {
        self.x + (day - self.first_day).num_days() as f64 * self.day
    }

    fn last_day(&self) -> NaiveDate {
        self.first_day + TimeDelta::days(self.days as i64 - 1)
    }
}

fn write_svg(out: &mut String, plan: &Plan, schedule: &Schedule, chart: &Chart) -> fmt::Result {
    write_head(out, plan, chart)?;
    write_days_off(out, schedule, chart)?;
    write_rulers(out, plan, chart)?;
    // A tracked plan's baseline times, looked up by code once for every row.
    let status = crate::status::Status::of(plan, schedule);
    for index in 0..plan.activities.len() {
        let baseline = status
            .as_ref()
            .and_then(|status| status.activities[index].baseline);
        write_row(out, plan, schedule, chart, index, baseline)?;
    }
    if schedule.progress().is_some() {
        // The status date: a dashed line down the chart, where logged work ends.
        let x = chart.x_of(schedule.as_of());
        writeln!(
            out,
            r##"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="#c0392b" stroke-width="1.5" stroke-dasharray="4 3"/>"##,
            chart.y,
            chart.y + chart.body_height
        )?;
    }
    write_legend(out, plan, schedule, chart)?;
    writeln!(out, "</svg>")
}

/// The document's opening, its patterns, background and title.
fn write_head(out: &mut String, plan: &Plan, chart: &Chart) -> fmt::Result {
    let (width, height) = (chart.width, chart.height);
    writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="12">"#
    )?;
    writeln!(out, "<title>{}</title>", escape(plan.title()))?;
    writeln!(
        out,
        r##"<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#777777" stroke-width="2"/></pattern></defs>"##
    )?;
    writeln!(
        out,
        r##"<rect width="{width}" height="{height}" fill="#ffffff"/>"##
    )?;
    writeln!(
        out,
        r#"<text x="{MARGIN}" y="{}" font-size="16" font-weight="bold">{}</text>"#,
        MARGIN + 18.0,
        escape(plan.title())
    )
}

/// Days off behind everything: rest days shaded, holidays hatched.
fn write_days_off(out: &mut String, schedule: &Schedule, chart: &Chart) -> fmt::Result {
    for offset in 0..chart.days {
        let day = chart.first_day + TimeDelta::days(offset as i64);
        let fill = match day_info(schedule, day).kind {
            DayKind::Holiday => "url(#hatch)",
            DayKind::Rest => "#e6e6e6",
            DayKind::Workday => continue,
        };
        writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"/>"#,
            chart.x_of(day),
            chart.y,
            chart.day,
            chart.body_height
        )?;
    }
    Ok(())
}

/// Rulers: months above, weeks below (numbered as the calendars number them), a line where
/// every week begins.
fn write_rulers(out: &mut String, plan: &Plan, chart: &Chart) -> fmt::Result {
    let words = words(plan.locale);
    let month_y = MARGIN + TITLE + 14.0;
    let week_y = MARGIN + TITLE + 32.0;
    let last_day = chart.last_day();
    let mut month = Month::of(chart.first_day);
    loop {
        let from = month.first_day().max(chart.first_day);
        let next = month.next().filter(|next| next.first_day() <= last_day);
        let until = next.map_or(last_day + TimeDelta::days(1), |next| next.first_day());
        let label = format!("{} {}", words.month(month.month), month.year);
        // A month with too few days on the axis for its name is left unnamed.
        let room = (until - from).num_days() as f64 * chart.day;
        if room >= label.width() as f64 * CHAR_WIDTH {
            writeln!(
                out,
                r#"<text x="{}" y="{month_y}" font-weight="bold">{}</text>"#,
                chart.x_of(from) + 2.0,
                escape(&label)
            )?;
        }
        match next {
            Some(next) => month = next,
            None => break,
        }
    }
    // On a chart sized to a page, weeks may be too narrow for their labels: every so many
    // weeks is labelled and ruled, so labels never overlap.
    let label_room = (words.week_short.width() + 4) as f64 * 6.0;
    let every = (label_room / (7.0 * chart.day)).ceil().max(1.0) as usize;
    for offset in (0..chart.days).step_by(7 * every) {
        let day = chart.first_day + TimeDelta::days(offset as i64);
        let week = Week::containing(day, plan.week_start());
        let x = chart.x_of(week.first);
        writeln!(
            out,
            r#"<text x="{}" y="{week_y}" font-size="10">{} {}</text>"#,
            x + 2.0,
            escape(words.week_short),
            week.number()
        )?;
        writeln!(
            out,
            r##"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="#b0b0b0" stroke-width="0.5"/>"##,
            week_y + 4.0,
            chart.y + chart.body_height
        )?;
    }
    Ok(())
}

/// One activity's row: its label (code, name and person, hours), a rule under it, and its
/// bars or milestone diamonds.
fn write_row(
    out: &mut String,
    plan: &Plan,
    schedule: &Schedule,
    chart: &Chart,
    index: usize,
    baseline: Option<(chrono::NaiveDateTime, chrono::NaiveDateTime)>,
) -> fmt::Result {
    let activity = &plan.activities[index];
    let top = chart.y + index as f64 * ROW;
    let text_y = top + ROW / 2.0 + 4.0;
    let critical = schedule.is_critical(index);
    let weight = if critical {
        r#" font-weight="bold""#
    } else {
        ""
    };
    writeln!(
        out,
        r#"<text x="{MARGIN}" y="{text_y}"{weight}>{}</text>"#,
        escape(&activity.code)
    )?;
    let mut name = activity.name.to_string();
    if !activity.who.is_empty() {
        name = format!("{name} ({})", activity.who);
    }
    writeln!(
        out,
        r#"<text x="{}" y="{text_y}">{}</text>"#,
        MARGIN + 52.0,
        escape(&shorten(&name, NAME_CHARS))
    )?;
    let hours = if activity.is_milestone() {
        "◆".to_owned()
    } else {
        format!("{} h", activity.hours)
    };
    writeln!(
        out,
        r#"<text x="{}" y="{text_y}" text-anchor="end">{}</text>"#,
        chart.x - 8.0,
        escape(&hours)
    )?;
    writeln!(
        out,
        r##"<line x1="{MARGIN}" y1="{}" x2="{}" y2="{}" stroke="#dddddd" stroke-width="0.5"/>"##,
        top + ROW,
        chart.width - MARGIN,
        top + ROW
    )?;
    let row = Row {
        index,
        top,
        colour: activity_hex(index),
        outline: if critical {
            r##" stroke="#000000" stroke-width="1.5""##
        } else {
            r##" stroke="#555555" stroke-width="0.5""##
        },
        baseline,
    };
    if activity.is_milestone() {
        write_milestone(out, schedule, chart, &row)
    } else {
        write_work(out, schedule, chart, &row)
    }
}

/// A milestone's diamond, where in its person's day it falls.
fn write_milestone(out: &mut String, schedule: &Schedule, chart: &Chart, row: &Row) -> fmt::Result {
    let calendar = schedule.calendar_of(row.index);
    let (colour, outline) = (row.colour, row.outline);
    for slot in schedule.slots_of(row.index) {
        let share =
            slot.offset.minutes() as f64 / calendar.capacity(slot.date).minutes().max(1) as f64;
        let cx = chart.x_of(slot.date) + share * chart.day;
        let (cy, r) = (row.top + ROW / 2.0, ROW / 2.0 - 4.0);
        writeln!(
            out,
            r#"<polygon points="{},{cy} {cx},{} {},{cy} {cx},{}" fill="{colour}"{outline}/>"#,
            cx - r,
            cy - r,
            cx + r,
            cy + r
        )?;
    }
    Ok(())
}

/// The legend: what the shading, hatching and outlines mean.
fn write_legend(out: &mut String, plan: &Plan, schedule: &Schedule, chart: &Chart) -> fmt::Result {
    let words = words(plan.locale);
    let legend_y = chart.y + chart.body_height + 22.0;
    let critical_path: Vec<&str> = schedule
        .critical_path()
        .iter()
        .map(|index| &*plan.activities[*index].code)
        .collect();
    let path_text = format!("{}: {}", words.critical_path, critical_path.join(" → "));
    let after_path = MARGIN + 40.0 + path_text.width() as f64 * CHAR_WIDTH;
    let keys = [
        (
            MARGIN,
            r##"fill="#ffffff" stroke="#000000" stroke-width="1.5""##,
            path_text.as_str(),
        ),
        (
            after_path,
            r##"fill="url(#hatch)" stroke="#777777" stroke-width="0.5""##,
            words.holiday,
        ),
        (
            after_path + 100.0,
            r##"fill="#e6e6e6" stroke="#777777" stroke-width="0.5""##,
            words.rest_day,
        ),
    ];
    for (x, look, meaning) in keys {
        writeln!(
            out,
            r#"<rect x="{x}" y="{}" width="14" height="12" {look}/>"#,
            legend_y - 10.0
        )?;
        writeln!(
            out,
            r#"<text x="{}" y="{legend_y}">{}</text>"#,
            x + 20.0,
            escape(meaning)
        )?;
    }
    Ok(())
}

/// Where an activity's row is and how its bars look.
struct Row<'a> {
    index: usize,
    /// The row's top edge.
    top: f64,
    colour: &'a str,
    /// The stroke attributes (the critical path's is heavier).
    outline: &'a str,
    /// When a tracked plan's baseline had it start and end.
    baseline: Option<(chrono::NaiveDateTime, chrono::NaiveDateTime)>,
}

/// Activity `index`'s bars: days that follow each other without a break make one bar, a day
/// off splits it. In a tracked plan, logged work is solid and work still planned lighter, and
/// the baseline's span is a thin bar underneath.
fn write_work(out: &mut String, schedule: &Schedule, chart: &Chart, row: &Row) -> fmt::Result {
    let Row {
        index,
        top,
        colour,
        outline,
        baseline,
    } = *row;
    let tracked = schedule.progress().is_some();
    // Part days are parts of the activity's person's day.
    let calendar = schedule.calendar_of(index);
    let fraction = |date: NaiveDate, minutes: u32| {
        minutes as f64 / calendar.capacity(date).minutes().max(1) as f64 * chart.day
    };
    let mut runs: Vec<(f64, f64, bool)> = Vec::new();
    let mut previous: Option<(NaiveDate, bool, bool)> = None;
    for slot in schedule.slots_of(index) {
        let x = chart.x_of(slot.date) + fraction(slot.date, slot.offset.minutes());
        let end = x + fraction(slot.date, slot.hours.minutes());
        let continues = previous.is_some_and(|(day, filled, logged)| {
            logged == slot.logged
                && filled
                && slot.offset.is_zero()
                && day.succ_opt() == Some(slot.date)
        });
        match runs.last_mut() {
            Some(run) if continues => run.1 = end,
            _ => runs.push((x, end, slot.logged)),
        }
        let filled = slot.offset + slot.hours >= calendar.capacity(slot.date);
        previous = Some((slot.date, filled, slot.logged));
    }
    for (x, end, logged) in runs {
        let lighter = if tracked && !logged {
            r#" fill-opacity="0.4""#
        } else {
            ""
        };
        writeln!(
            out,
            r#"<rect x="{x}" y="{}" width="{}" height="{}" fill="{colour}"{lighter}{outline}/>"#,
            top + 5.0,
            end - x,
            ROW - 10.0
        )?;
    }
    if let Some((start, end)) = baseline {
        let x = chart.x_of(start.date());
        writeln!(
            out,
            r##"<rect x="{x}" y="{}" width="{}" height="2" fill="#333333"/>"##,
            top + ROW - 4.0,
            chart.x_of(end.date()) + chart.day - x
        )?;
    }
    Ok(())
}

/// `text` cut to `chars` characters, with an ellipsis when cut.
fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(chars - 1).collect();
    cut.push('…');
    cut
}

/// Text as XML character data (see [`super::xml_text`]).
fn escape(text: &str) -> String {
    super::xml_text(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_shortened() {
        assert_eq!(escape(r#"R&D <"x">"#), "R&amp;D &lt;&quot;x&quot;&gt;");
        assert_eq!(escape("a\u{1b}b\u{0}\u{ffff}"), "a\\u{1b}b\\u{0}\u{fffd}");
        assert_eq!(shorten("Redacción", 5), "Reda…");
        assert_eq!(shorten("A", 5), "A");
    }
}
