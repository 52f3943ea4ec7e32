//! The report's text parts: the lines under the title, the activity table and a tracked plan's
//! status, with the one table drawer they share (columns sized to what they hold, text wrapped
//! inside its cell, the heading row repeated on every page a table runs onto).

use super::face::Weight;
use super::sheet::{Sheets, Type};
use super::{BODY, SECTION};
use crate::export::report::{PAPER, activity_headings, text};
use crate::export::{by_person, format_moment as moment, status as status_words};
use crate::locale::words;
use crate::messages::Msg;
use crate::plan::Plan;
use crate::schedule::Schedule;
use crate::status::Status;

/// Table text.
const CELL: Type = Type::new(8.0, Weight::Regular, PAPER.ink);
/// Space inside a cell, around its text.
const PAD: f32 = 3.0;

/// How a column lines its text up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table row: its cells, and whether it is drawn bold (a total, a critical activity's code).
pub struct Row {
    pub cells: Vec<String>,
    pub bold: bool,
}

/// The lines under the title: the span, the work, the working time, the people and the
/// critical path, in the plan's language.
pub fn cover_lines(plan: &Plan, schedule: &Schedule) -> Vec<String> {
    let locale = plan.locale;
    let words = words(locale);
    let calendar = schedule.calendar();
    let workdays: Vec<&str> = plan
        .workdays
        .iter()
        .map(|day| words.weekdays[day.weekday().num_days_from_monday() as usize])
        .collect();
    let day = Msg::HoursPerDay.fill(
        locale,
        &[
            &calendar.hours_per_day(),
            &calendar.windows_text_naming(&words.weekdays),
        ],
    );
    let mut lines = vec![
        Msg::ReportSpan.fill(
            locale,
            &[&moment(schedule.start()), &moment(schedule.end())],
        ),
        Msg::ReportEffort.fill(locale, &[&schedule.total_hours(), &schedule.working_days()]),
        Msg::ReportWorkingTime.fill(locale, &[&day, &workdays.join(" ")]),
    ];
    let people: Vec<String> = by_person(plan)
        .into_iter()
        .filter(|(who, _)| !who.is_empty())
        .map(|(who, activities)| {
            let hours: crate::plan::Hours = activities
                .iter()
                .map(|index| plan.activities[*index].hours)
                .sum();
            format!("{} ({hours} h)", text(who))
        })
        .collect();
    if !people.is_empty() {
        lines.push(Msg::ReportPeople.fill(locale, &[&people.join(", ")]));
    }
    let path: Vec<String> = schedule
        .critical_path()
        .iter()
        .map(|index| text(&plan.activities[*index].code))
        .collect();
    if !path.is_empty() {
        lines.push(format!("{}: {}", words.critical_path, path.join(" → ")));
    }
    lines
}

/// The activity table: code, name, person, hours, start, end, working days, `after`,
/// critical; and a totals row.
pub fn activities(sheets: &mut Sheets, plan: &Plan, schedule: &Schedule) {
    let headings = activity_headings(plan, false);
    let yes = Msg::ReportYes.text(plan.locale);
    let mut rows: Vec<Row> = plan
        .activities
        .iter()
        .zip(schedule.spans())
        .enumerate()
        .map(|(index, (activity, span))| {
            let days = schedule
                .days_of(index)
                .filter(|day| !day.hours.is_zero())
                .count();
            let after: Vec<String> = activity.after.iter().map(|code| text(code)).collect();
            let critical = schedule.is_critical(index);
            Row {
                cells: vec![
                    text(&activity.code),
                    text(&activity.name),
                    text(&activity.who),
                    activity.hours.to_string(),
                    moment(span.start),
                    moment(span.end),
                    days.to_string(),
                    after.join(", "),
                    if critical { yes } else { "" }.to_owned(),
                ],
                bold: false,
            }
        })
        .collect();
    rows.push(Row {
        cells: vec![
            Msg::RowTotal.text(plan.locale).to_owned(),
            String::new(),
            String::new(),
            schedule.total_hours().to_string(),
            moment(schedule.start()),
            moment(schedule.end()),
            schedule.working_days().to_string(),
            String::new(),
            String::new(),
        ],
        bold: true,
    });
    let aligns = [0, 0, 0, 1, 0, 0, 1, 0, 0].map(|right| {
        if right == 1 {
            Align::Right
        } else {
            Align::Left
        }
    });
    sheets.heading(SECTION, Msg::SheetActivities.text(plan.locale), 40.0);
    table(sheets, &headings, &aligns, 1, &rows);
}

/// The plan's holidays in the months the report shows, each with its name: the month tables
/// mark them, this says what they are.
pub fn holidays(sheets: &mut Sheets, plan: &Plan, schedule: &Schedule) {
    let Some((first, last)) = schedule.worked_days() else {
        return;
    };
    let rows: Vec<Row> = plan
        .holidays
        .iter()
        .filter(|holiday| holiday.date <= last && holiday.until.unwrap_or(holiday.date) >= first)
        .map(|holiday| {
            let date = match holiday.until {
                Some(until) if until != holiday.date => format!("{} → {until}", holiday.date),
                _ => holiday.date.to_string(),
            };
            let name = holiday
                .name
                .as_deref()
                .map_or_else(|| words(plan.locale).holiday.to_owned(), text);
            Row {
                cells: vec![date, name],
                bold: false,
            }
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    let locale = plan.locale;
    sheets.heading(SECTION, Msg::ReportHolidays.text(locale), 40.0);
    let headings = [Msg::ReportDate.text(locale), Msg::ColumnName.text(locale)];
    table(sheets, &headings, &[Align::Left, Align::Left], 1, &rows);
}

/// A tracked plan's status: the summary lines, a row per activity (its code and name, state,
/// hours logged and remaining, dates, slip), and the activities late against the baseline.
pub fn status(sheets: &mut Sheets, plan: &Plan, schedule: &Schedule, status: &Status) {
    let heading = Msg::StatusHeading.fill(plan.locale, &[&status.as_of]);
    sheets.heading(SECTION, heading, 60.0);
    for line in status_words::summary_lines(plan, status) {
        sheets.paragraph(BODY, &line);
    }
    sheets.y += 6.0;
    let rows: Vec<Row> = plan
        .activities
        .iter()
        .zip(status_words::rows(plan, schedule, status))
        .map(|(activity, row)| {
            let mut cells: Vec<String> = row.iter().map(|cell| text(cell)).collect();
            if !activity.name.is_empty() {
                cells[0] = format!("{} · {}", cells[0], text(&activity.name));
            }
            Row { cells, bold: false }
        })
        .collect();
    let headings = status_words::headings(plan.locale);
    let aligns = [0, 0, 1, 1, 0, 0, 1].map(|right| {
        if right == 1 {
            Align::Right
        } else {
            Align::Left
        }
    });
    table(sheets, &headings, &aligns, 0, &rows);
    if let Some(line) = status_words::late_line(plan, status, text) {
        sheets.y += 6.0;
        sheets.paragraph(BODY, &line);
    }
}

/// Column widths: each as wide as its widest text, the `flexible` one (a name) taking what
/// is left of the page; when the others leave it less than a third, they give way in
/// proportion and wrap.
fn widths(sheets: &Sheets, headings: &[&str], rows: &[Row], flexible: usize) -> Vec<f32> {
    let face = sheets.faces.get(Weight::Bold);
    let mut natural: Vec<f32> = headings
        .iter()
        .map(|heading| face.width(heading, CELL.size) + 2.0 * PAD)
        .collect();
    for row in rows {
        for (width, cell) in natural.iter_mut().zip(&row.cells) {
            *width = width.max(face.width(cell, CELL.size) + 2.0 * PAD);
        }
    }
    let usable = sheets.paper.usable_width();
    let others: f32 = natural
        .iter()
        .enumerate()
        .filter(|(at, _)| *at != flexible)
        .map(|(_, width)| width)
        .sum();
    let room = usable * 2.0 / 3.0;
    if others > room {
        let scale = room / others;
        for (at, width) in natural.iter_mut().enumerate() {
            if at != flexible {
                *width *= scale;
            }
        }
    }
    let others = others.min(room);
    natural[flexible] = usable - others;
    natural
}

/// Draws a table at the next place: the heading row shaded, every cell wrapped to its
/// column, the heading row again at the top of each page it runs onto.
/// Columns no row fills (nobody named, no `after`) are left out, but for the `flexible` one.
pub fn table(
    sheets: &mut Sheets,
    headings: &[&str],
    aligns: &[Align],
    flexible: usize,
    rows: &[Row],
) {
    let kept: Vec<usize> = (0..headings.len())
        .filter(|at| *at == flexible || rows.iter().any(|row| !row.cells[*at].is_empty()))
        .collect();
    let headings: Vec<&str> = kept.iter().map(|at| headings[*at]).collect();
    let aligns: Vec<Align> = kept.iter().map(|at| aligns[*at]).collect();
    let rows: Vec<Row> = rows
        .iter()
        .map(|row| Row {
            cells: kept.iter().map(|at| row.cells[*at].clone()).collect(),
            bold: row.bold,
        })
        .collect();
    let flexible = kept.iter().position(|at| *at == flexible).unwrap_or(0);
    let (headings, aligns, rows) = (&headings[..], &aligns[..], &rows[..]);
    let widths = widths(sheets, headings, rows, flexible);
    let heading_row = Row {
        cells: headings
            .iter()
            .map(|heading| (*heading).to_owned())
            .collect(),
        bold: true,
    };
    sheets.room_for(row_height(sheets, &widths, &heading_row) * 2.0);
    table_row(sheets, &widths, aligns, &heading_row, Some(PAPER.heading));
    for (at, row) in rows.iter().enumerate() {
        if sheets.room_for(row_height(sheets, &widths, row)) {
            table_row(sheets, &widths, aligns, &heading_row, Some(PAPER.heading));
        }
        let stripe = (at % 2 == 1).then_some(PAPER.stripe);
        table_row(sheets, &widths, aligns, row, stripe);
    }
}

fn lines_of(sheets: &Sheets, row: &Row, widths: &[f32]) -> Vec<Vec<String>> {
    let style = if row.bold { CELL.bold() } else { CELL };
    let face = sheets.faces.get(style.weight);
    row.cells
        .iter()
        .zip(widths)
        .map(|(cell, width)| {
            let mut lines = face.wrap(cell, style.size, width - 2.0 * PAD);
            // A cell taller than a page (a hostile name of pages of text) ends where the page
            // does, marked as cut, rather than running off the paper.
            let most =
                ((sheets.paper.body_bottom() - sheets.paper.margin) / LINE_HEIGHT) as usize - 3;
            if lines.len() > most {
                lines.truncate(most);
                if let Some(last) = lines.last_mut() {
                    last.push('…');
                }
            }
            lines
        })
        .collect()
}

const LINE_HEIGHT: f32 = CELL.size * 1.25;

fn row_height(sheets: &Sheets, widths: &[f32], row: &Row) -> f32 {
    let lines = lines_of(sheets, row, widths)
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(1);
    lines as f32 * LINE_HEIGHT + 2.0 * PAD
}

fn table_row(sheets: &mut Sheets, widths: &[f32], aligns: &[Align], row: &Row, shade: Option<u32>) {
    let style = if row.bold { CELL.bold() } else { CELL };
    let lines = lines_of(sheets, row, widths);
    let height = row_height(sheets, widths, row);
    let (left, top) = (sheets.paper.margin, sheets.y);
    let total: f32 = widths.iter().sum();
    if let Some(colour) = shade {
        sheets.fill(left, top, total, height, colour);
    }
    let mut x = left;
    for ((cell_lines, width), align) in lines.iter().zip(widths).zip(aligns) {
        for (at, line) in cell_lines.iter().enumerate() {
            let y = top + PAD + CELL.size + at as f32 * LINE_HEIGHT - 1.0;
            let inset = match align {
                Align::Left => PAD,
                Align::Right => {
                    width - PAD - sheets.faces.get(style.weight).width(line, style.size)
                }
            };
            if !line.is_empty() {
                sheets.text(x + inset, y, style, line.clone());
            }
        }
        x += width;
    }
    sheets.rule(
        (left, top + height),
        (left + total, top + height),
        PAPER.rule,
    );
    sheets.y += height;
}
