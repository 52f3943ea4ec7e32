//! A tracked plan's status as text (for `cronograma status`), Markdown (ready to paste into a
//! weekly report, in the plan's language) and JSON.

use super::format_moment as moment;
use std::fmt::Write;

use chrono::Datelike;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::format_datetime;
use super::md::cell;
use crate::messages::Msg;
use crate::plan::{Hours, Locale, Plan};
use crate::schedule::Schedule;
use crate::status::{State, Status};
use crate::text::{one_line, pad_right};

/// How a state reads in `locale`.
pub fn state_words(locale: Locale, state: State) -> &'static str {
    match state {
        State::Done => Msg::StateDone,
        State::InProgress => Msg::StateInProgress,
        State::NotStarted => Msg::StateNotStarted,
    }
    .text(locale)
}

/// A slip as people say it: `7 días hábiles de atraso`, `1 working day early`, `on time`.
pub fn slip_words(locale: Locale, days: i64) -> String {
    match days {
        0 => Msg::SlipNone.text(locale).to_owned(),
        1 => Msg::SlipLateOne.text(locale).to_owned(),
        -1 => Msg::SlipEarlyOne.text(locale).to_owned(),
        late if late > 0 => Msg::SlipLate.fill(locale, &[&late]),
        early => Msg::SlipEarly.fill(locale, &[&-early]),
    }
}

/// A slip in a table: `+8`, `-1`, `0`, or empty without a baseline.
fn slip_cell(days: Option<i64>) -> String {
    match days {
        Some(days) if days > 0 => format!("+{days}"),
        Some(days) => days.to_string(),
        None => String::new(),
    }
}

/// The lines above the table, in `locale`'s words.
pub(super) fn summary_lines(plan: &Plan, status: &Status) -> Vec<String> {
    let locale = plan.locale;
    let mut lines = vec![
        Msg::StatusProgress.fill(
            locale,
            &[&status.percent(), &status.logged, &status.remaining],
        ),
        Msg::StatusEnd.fill(locale, &[&moment(status.end)]),
    ];
    if let (Some(end), Some(days)) = (status.baseline_end, status.slip_days) {
        lines.push(Msg::StatusBaselineEnd.fill(locale, &[&moment(end), &slip_words(locale, days)]));
    }
    let week = &status.week;
    lines.push(Msg::StatusWeek.fill(
        locale,
        &[
            &week.first.iso_week().week(),
            &week.first,
            &week.last,
            &week.planned,
            &week.logged,
        ],
    ));
    if let Some(busy) = status.busy.filter(|busy| !busy.is_zero()) {
        lines.push(Msg::StatusBusy.fill(locale, &[&busy, &status.as_of]));
    }
    lines
}

/// One row per activity: code, state, logged, remaining, start, end, slip.
pub(super) fn rows(plan: &Plan, schedule: &Schedule, status: &Status) -> Vec<[String; 7]> {
    plan.activities
        .iter()
        .zip(&status.activities)
        .zip(schedule.spans())
        .map(|((activity, progress), span)| {
            [
                activity.code.to_string(),
                state_words(plan.locale, progress.state).to_owned(),
                progress.logged.to_string(),
                progress.remaining.to_string(),
                moment(span.start),
                moment(span.end),
                slip_cell(progress.slip_days),
            ]
        })
        .collect()
}

pub(super) fn headings(locale: Locale) -> [&'static str; 7] {
    [
        Msg::ColumnActivity,
        Msg::ColumnState,
        Msg::ColumnLogged,
        Msg::ColumnRemaining,
        Msg::ColumnStart,
        Msg::ColumnEnd,
        Msg::ColumnSlip,
    ]
    .map(|msg| msg.text(locale))
}

/// The codes of the activities late against the baseline, or the sentence that none is.
pub(super) fn late_line(
    plan: &Plan,
    status: &Status,
    code: impl Fn(&str) -> String,
) -> Option<String> {
    plan.baseline.as_ref()?;
    let late: Vec<String> = status
        .late()
        .map(|index| code(&plan.activities[index].code))
        .collect();
    Some(if late.is_empty() {
        Msg::StatusNoneLate.text(plan.locale).to_owned()
    } else {
        Msg::StatusLate.fill(plan.locale, &[&late.join(", ")])
    })
}

/// The status as aligned text for a terminal.
pub fn text(plan: &Plan, schedule: &Schedule, status: &Status) -> String {
    let mut out = String::new();
    let heading = Msg::StatusHeading.fill(plan.locale, &[&status.as_of]);
    let _ = writeln!(out, "{} · {heading}", one_line(plan.title()));
    for line in summary_lines(plan, status) {
        let _ = writeln!(out, "  {line}");
    }
    out.push('\n');
    let rows = rows(plan, schedule, status);
    let head = headings(plan.locale).map(str::to_owned);
    let mut widths = head.clone().map(|text| text.width());
    for row in &rows {
        for (width, text) in widths.iter_mut().zip(row) {
            *width = (*width).max(one_line(text).width());
        }
    }
    for row in std::iter::once(&head).chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(text, width)| pad_right(&one_line(text), width))
            .collect();
        let _ = writeln!(out, "  {}", cells.join("  ").trim_end());
    }
    if let Some(line) = late_line(plan, status, |code| one_line(code).into_owned()) {
        let _ = writeln!(out, "\n  {line}");
    }
    out
}

/// The status as a Markdown section for a weekly report.
pub fn markdown(plan: &Plan, schedule: &Schedule, status: &Status) -> String {
    let mut out = String::new();
    let heading = Msg::StatusHeading.fill(plan.locale, &[&status.as_of]);
    let _ = writeln!(out, "## {heading}\n");
    for line in summary_lines(plan, status) {
        let _ = writeln!(out, "- {line}");
    }
    out.push('\n');
    let _ = writeln!(out, "| {} |", headings(plan.locale).join(" | "));
    let _ = writeln!(out, "|---|---|--:|--:|---|---|--:|");
    for (activity, row) in plan.activities.iter().zip(rows(plan, schedule, status)) {
        let mut cells: Vec<String> = row.iter().map(|text| cell(text)).collect();
        // A report for a tutor names each activity, not only its code.
        if !activity.name.is_empty() {
            cells[0] = format!("{} · {}", cells[0], cell(&activity.name));
        }
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    if let Some(line) = late_line(plan, status, cell) {
        let _ = writeln!(out, "\n{line}");
    }
    out
}

#[derive(Serialize)]
struct JsonStatus<'a> {
    title: &'a str,
    as_of: String,
    progress: f64,
    logged: Hours,
    remaining: Hours,
    end: String,
    baseline_end: Option<String>,
    slip_days: Option<i64>,
    week: JsonWeek,
    /// Working time busy time takes from the status date to the end (left out without any).
    #[serde(skip_serializing_if = "Option::is_none")]
    busy_hours: Option<Hours>,
    late: Vec<&'a str>,
    activities: Vec<JsonActivity<'a>>,
}

#[derive(Serialize)]
struct JsonWeek {
    first: String,
    last: String,
    planned: Hours,
    logged: Hours,
}

#[derive(Serialize)]
struct JsonActivity<'a> {
    code: &'a str,
    state: &'static str,
    logged: Hours,
    remaining: Hours,
    start: String,
    end: String,
    baseline_start: Option<String>,
    baseline_end: Option<String>,
    slip_days: Option<i64>,
}

/// The status as JSON: the same facts, keys in English, states as `done`, `in_progress`,
/// `not_started`.
pub fn json(plan: &Plan, schedule: &Schedule, status: &Status) -> String {
    let document = JsonStatus {
        title: plan.title(),
        as_of: status.as_of.to_string(),
        progress: (status.progress * 10_000.0).round() / 10_000.0,
        logged: status.logged,
        remaining: status.remaining,
        end: format_datetime(status.end),
        baseline_end: status.baseline_end.map(format_datetime),
        slip_days: status.slip_days,
        week: JsonWeek {
            first: status.week.first.to_string(),
            last: status.week.last.to_string(),
            planned: status.week.planned,
            logged: status.week.logged,
        },
        busy_hours: status.busy,
        late: status
            .late()
            .map(|index| &*plan.activities[index].code)
            .collect(),
        activities: plan
            .activities
            .iter()
            .zip(&status.activities)
            .zip(schedule.spans())
            .map(|((activity, progress), span)| JsonActivity {
                code: &activity.code,
                state: progress.state.key(),
                logged: progress.logged,
                remaining: progress.remaining,
                start: format_datetime(span.start),
                end: format_datetime(span.end),
                baseline_start: progress.baseline.map(|(start, _)| format_datetime(start)),
                baseline_end: progress.baseline.map(|(_, end)| format_datetime(end)),
                slip_days: progress.slip_days,
            })
            .collect(),
    };
    let mut text =
        serde_json::to_string_pretty(&document).expect("strings and numbers always serialise");
    text.push('\n');
    text
}
