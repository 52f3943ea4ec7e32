//! The Gantt, tiled: activities in bands of as many rows as a page holds, each band over the
//! days its activities run, cut into pages of as many day columns as fit. Every page repeats
//! the month, week and day header and the activities' codes and names; a day column is never
//! narrower than [`DAY_WIDTH`], so a long plan takes more pages, never smaller print. The page
//! count grows with the plan (each band's pages cover only its own time), not with its square.

use chrono::{Datelike, NaiveDate};

use super::face::Weight;
use super::sheet::{Item, Sheets, Type};
use crate::calendar::{DayKind, day_info};
use crate::colour::activity_hex;
use crate::export::report::{PAPER, darker, gantt_days, hex_colour, text};
use crate::locale::words;
use crate::messages::Msg;
use crate::plan::Plan;
use crate::schedule::Schedule;
use crate::status::Status;

const DAY_WIDTH: f32 = 13.0;
const ROW_HEIGHT: f32 = 13.0;
const HEADER_ROW: f32 = 11.0;
const NAME_WIDTH: f32 = 160.0;
const SMALL: Type = Type::new(6.5, Weight::Regular, PAPER.ink);
const LABEL: Type = Type::new(7.5, Weight::Regular, PAPER.ink);
const PAGE_TITLE: Type = Type::new(11.0, Weight::Bold, PAPER.ink);

/// What an activity draws on the chart: each worked day (by its place among the chart's
/// days) and whether it was logged, or a milestone's day.
struct Bar {
    days: Vec<(usize, bool)>,
    milestone: Option<usize>,
}

/// The chart's days and what the whole chart shares.
struct Chart<'a> {
    plan: &'a Plan,
    days: Vec<NaiveDate>,
    holiday: Vec<bool>,
    status_day: Option<NaiveDate>,
    code_width: f32,
}

/// Every band of activities, on as many pages as its days need.
pub fn gantt(sheets: &mut Sheets, plan: &Plan, schedule: &Schedule, status: Option<&Status>) {
    let days = gantt_days(schedule);
    if days.is_empty() {
        return;
    }
    let holiday = days
        .iter()
        .map(|date| day_info(schedule, *date).kind == DayKind::Holiday)
        .collect();
    let face = sheets.faces.get(Weight::Bold);
    let widest = plan
        .activities
        .iter()
        .map(|activity| face.width(&text(&activity.code), LABEL.size))
        .fold(0.0, f32::max);
    let chart = Chart {
        plan,
        days,
        holiday,
        status_day: status.map(|status| status.as_of),
        code_width: widest.clamp(24.0, 70.0) + 6.0,
    };
    let paper = sheets.paper;
    let top = paper.margin + PAGE_TITLE.size * 1.8 + 3.0 * HEADER_ROW;
    let rows_per_page = (((paper.body_bottom() - top) / ROW_HEIGHT) as usize).max(1);
    let label_width = chart.code_width + NAME_WIDTH;
    let days_per_page = (((paper.usable_width() - label_width) / DAY_WIDTH) as usize).max(1);
    let bars: Vec<Bar> = (0..plan.activities.len())
        .map(|index| bar(schedule, &chart.days, index))
        .collect();
    let indices: Vec<usize> = (0..plan.activities.len()).collect();
    for band in indices.chunks(rows_per_page) {
        let Some((first, last)) = band_days(band, &bars) else {
            continue;
        };
        // The band's days in equal pages, rather than full pages and a stub.
        let count = last + 1 - first;
        let per_page = count.div_ceil(count.div_ceil(days_per_page));
        for start in (first..=last).step_by(per_page) {
            let end = (start + per_page).min(last + 1);
            if !draws_on(&chart, band, &bars, start..end) {
                continue;
            }
            sheets.turn();
            tile(sheets, &chart, band, &bars, start..end);
            sheets.y = paper.body_bottom();
        }
    }
}

fn bar(schedule: &Schedule, days: &[NaiveDate], index: usize) -> Bar {
    let place = |date: NaiveDate| days.partition_point(|day| *day < date);
    let worked: Vec<(usize, bool)> = schedule
        .days_of(index)
        .filter(|day| !day.hours.is_zero())
        .filter_map(|day| {
            let at = days.binary_search(&day.date).ok()?;
            Some((at, !day.logged.is_zero()))
        })
        .collect();
    let span = &schedule.spans()[index];
    let milestone = (span.start == span.end).then(|| place(span.start.date()).min(days.len() - 1));
    Bar {
        days: worked,
        milestone,
    }
}

/// Whether any activity of the band has work or a milestone on these days, or the status
/// date falls in them: a page of a gap (months between work logged long ago and what is left)
/// is left out.
fn draws_on(chart: &Chart, band: &[usize], bars: &[Bar], days: std::ops::Range<usize>) -> bool {
    let marked = chart
        .status_day
        .is_some_and(|day| chart.days[days.clone()].contains(&day));
    marked
        || band.iter().any(|index| {
            let bar = &bars[*index];
            let from = bar.days.partition_point(|day| day.0 < days.start);
            bar.days.get(from).is_some_and(|day| day.0 < days.end)
                || bar.milestone.is_some_and(|place| days.contains(&place))
        })
}

/// The first and last chart day any activity of the band draws on.
fn band_days(band: &[usize], bars: &[Bar]) -> Option<(usize, usize)> {
    let places = band.iter().flat_map(|index| {
        let bar = &bars[*index];
        bar.days
            .first()
            .map(|day| day.0)
            .into_iter()
            .chain(bar.days.last().map(|day| day.0))
            .chain(bar.milestone)
    });
    let (mut first, mut last) = (usize::MAX, 0);
    for place in places {
        first = first.min(place);
        last = last.max(place);
    }
    (first <= last).then_some((first, last))
}

/// One page of the chart: the title, the time header, and a row per activity of the band.
fn tile(
    sheets: &mut Sheets,
    chart: &Chart,
    band: &[usize],
    bars: &[Bar],
    days: std::ops::Range<usize>,
) {
    let plan = chart.plan;
    let margin = sheets.paper.margin;
    let (first_code, last_code) = (
        &plan.activities[band[0]].code,
        &plan.activities[band[band.len() - 1]].code,
    );
    let title = format!(
        "{} · {}–{} · {} → {}",
        Msg::SheetGantt.text(plan.locale),
        text(first_code),
        text(last_code),
        chart.days[days.start],
        chart.days[days.end - 1]
    );
    sheets.text(margin, margin + PAGE_TITLE.size, PAGE_TITLE, title);
    let header_top = margin + PAGE_TITLE.size * 1.8;
    let rows_top = header_top + 3.0 * HEADER_ROW;
    let left = margin + chart.code_width + NAME_WIDTH;
    let bottom = rows_top + band.len() as f32 * ROW_HEIGHT;
    let column_x = |place: usize| left + (place - days.start) as f32 * DAY_WIDTH;
    for place in days.clone() {
        if chart.holiday[place] {
            sheets.fill(
                column_x(place),
                rows_top,
                DAY_WIDTH,
                bottom - rows_top,
                PAPER.holiday,
            );
        }
    }
    header(sheets, chart, days.clone(), header_top, left);
    for (row, index) in band.iter().enumerate() {
        let y = rows_top + row as f32 * ROW_HEIGHT;
        activity_row(sheets, chart, *index, &bars[*index], days.clone(), y, left);
    }
    let right = column_x(days.end);
    sheets.rule((margin, bottom), (right, bottom), PAPER.rule);
    sheets.rule((left, header_top), (left, bottom), PAPER.rule);
    legend(sheets, chart, days.clone(), bottom + 12.0);
    if let Some(status_day) = chart.status_day {
        let place = chart.days.partition_point(|day| *day <= status_day);
        if place > days.start && place <= days.end {
            let x = column_x(place);
            sheets.draw(Item::Line {
                from: (x, header_top + 2.0 * HEADER_ROW),
                to: (x, bottom),
                colour: PAPER.status_date,
                width: 1.2,
            });
        }
    }
}

/// The month, ISO week and day-number rows over the page's days.
fn header(sheets: &mut Sheets, chart: &Chart, days: std::ops::Range<usize>, top: f32, left: f32) {
    let plan = chart.plan;
    let words = words(plan.locale);
    let margin = sheets.paper.margin;
    let width = (days.end - days.start) as f32 * DAY_WIDTH;
    sheets.fill(
        margin,
        top,
        left - margin + width,
        3.0 * HEADER_ROW,
        PAPER.heading,
    );
    let bold = LABEL.bold();
    let baseline = top + 3.0 * HEADER_ROW - 3.0;
    sheets.text(
        margin + 3.0,
        baseline,
        bold,
        Msg::ColumnCode.text(plan.locale),
    );
    sheets.text(
        margin + chart.code_width + 3.0,
        baseline,
        bold,
        Msg::ColumnName.text(plan.locale),
    );
    let month = |day: &NaiveDate| format!("{} {}", words.month(day.month()), day.year());
    let week = |day: &NaiveDate| day.iso_week().week().to_string();
    runs(sheets, chart, days.clone(), left, top, month);
    runs(sheets, chart, days.clone(), left, top + HEADER_ROW, week);
    for place in days.clone() {
        let date = chart.days[place];
        let x = left + (place - days.start) as f32 * DAY_WIDTH;
        let mut style = SMALL;
        if chart.status_day == Some(date) {
            sheets.fill(
                x,
                top + 2.0 * HEADER_ROW,
                DAY_WIDTH,
                HEADER_ROW,
                PAPER.status_date,
            );
            style = SMALL.bold().coloured(PAPER.on_status_date);
        }
        let number = date.day().to_string();
        let inset = (DAY_WIDTH - sheets.faces.get(style.weight).width(&number, style.size)) / 2.0;
        sheets.text(x + inset, baseline, style, number);
    }
}

/// Labels each run of days that share `label` (a month, a week) in one header row, with a
/// rule where a run starts; a label that does not fit its run is cut or left out.
fn runs(
    sheets: &mut Sheets,
    chart: &Chart,
    days: std::ops::Range<usize>,
    left: f32,
    top: f32,
    label: impl Fn(&NaiveDate) -> String,
) {
    let face = sheets.faces.get(SMALL.weight);
    let mut start = days.start;
    for at in days.start + 1..=days.end {
        if at < days.end && label(&chart.days[at]) == label(&chart.days[start]) {
            continue;
        }
        let x = left + (start - days.start) as f32 * DAY_WIDTH;
        let width = (at - start) as f32 * DAY_WIDTH;
        let fitted = face.fit(&label(&chart.days[start]), SMALL.size, width - 4.0);
        if fitted != "…" {
            sheets.text(x + 2.0, top + HEADER_ROW - 3.0, SMALL, fitted);
        }
        sheets.rule((x, top), (x, top + HEADER_ROW), PAPER.rule);
        start = at;
    }
}

/// An activity's code and name, and its worked days in its colour (logged days darker), or
/// its milestone's diamond.
fn activity_row(
    sheets: &mut Sheets,
    chart: &Chart,
    index: usize,
    bar: &Bar,
    days: std::ops::Range<usize>,
    y: f32,
    left: f32,
) {
    let activity = &chart.plan.activities[index];
    let margin = sheets.paper.margin;
    if index % 2 == 1 {
        sheets.fill(
            margin,
            y,
            chart.code_width + NAME_WIDTH,
            ROW_HEIGHT,
            PAPER.stripe,
        );
    }
    let baseline = y + ROW_HEIGHT - 3.5;
    let code_face = sheets.faces.get(Weight::Bold);
    let code = code_face.fit(&text(&activity.code), LABEL.size, chart.code_width - 6.0);
    sheets.text(margin + 3.0, baseline, LABEL.bold(), code);
    let name_face = sheets.faces.get(Weight::Regular);
    let name = name_face.fit(&text(&activity.name), LABEL.size, NAME_WIDTH - 6.0);
    sheets.text(margin + chart.code_width + 3.0, baseline, LABEL, name);
    let colour = hex_colour(activity_hex(index));
    let from = bar.days.partition_point(|day| day.0 < days.start);
    for (place, logged) in bar.days[from..].iter().take_while(|day| day.0 < days.end) {
        let x = left + (place - days.start) as f32 * DAY_WIDTH;
        let fill = if *logged { darker(colour) } else { colour };
        sheets.fill(x, y + 2.5, DAY_WIDTH, ROW_HEIGHT - 5.0, fill);
    }
    if let Some(place) = bar.milestone.filter(|place| days.contains(place)) {
        let x = left + (place - days.start) as f32 * DAY_WIDTH + DAY_WIDTH / 2.0;
        sheets.draw(Item::Diamond {
            x,
            y: y + ROW_HEIGHT / 2.0,
            radius: ROW_HEIGHT / 2.0 - 2.0,
            fill: colour,
        });
    }
}

/// What the page's marks mean, under the chart: the holiday shade (when the page has a
/// holiday), logged work (in a tracked plan) and the status date's line.
fn legend(sheets: &mut Sheets, chart: &Chart, days: std::ops::Range<usize>, y: f32) {
    let plan = chart.plan;
    let words = words(plan.locale);
    let mut keys: Vec<(u32, String)> = Vec::new();
    if chart.holiday[days.clone()].iter().any(|holiday| *holiday) {
        keys.push((PAPER.holiday, words.holiday.to_owned()));
    }
    if let Some(status_day) = chart.status_day {
        let logged = darker(hex_colour(activity_hex(0)));
        keys.push((logged, Msg::ColumnLogged.text(plan.locale).to_owned()));
        keys.push((
            PAPER.status_date,
            Msg::StatusDateMark.fill(plan.locale, &[&status_day]),
        ));
    }
    let mut x = sheets.paper.margin;
    let face = sheets.faces.get(LABEL.weight);
    for (colour, label) in keys {
        sheets.fill(x, y - LABEL.size + 1.0, 10.0, LABEL.size, colour);
        sheets.text(x + 14.0, y, LABEL, label.clone());
        x += 14.0 + face.width(&label, LABEL.size) + 16.0;
    }
}
