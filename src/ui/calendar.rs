//! The month calendars: our own chrono-based grid with ISO week numbers, Monday first, and the
//! activity codes next to the day numbers. As many months as fit, around the cursor's month.

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthStr;

use super::{bordered_pane, pane_style, put};
use crate::app::{App, Focus};
use crate::calendar::{DayKind, Month, day_info_for};
use crate::locale::words;
use crate::messages::Msg;
use crate::palette::Tone;

/// Columns between months (the week column's right-aligned numbers add their own space).
const GAP: u16 = 1;
/// Rows of one month: title, weekday heading, up to six weeks.
const MONTH_ROWS: u16 = 8;
/// Width of the ISO week column, with its space.
const WEEK_COLUMN: u16 = 4;
/// Code columns in a day cell: at least 2 (`A1`), at most 6 (longer codes are cut).
const CODE_WIDTH: (usize, usize) = (2, 6);

/// The widths one drawing uses.
struct Grid {
    code_width: u16,
}

impl Grid {
    fn for_app(app: &App) -> Self {
        let widest = app
            .widest_code()
            .max(words(app.plan().locale).holiday_mark.width());
        // Room for a `+` after the code when activities share a day, whether or not any do
        // now, so that an edit that makes two share a day does not change the grid.
        Grid {
            code_width: (widest + 1).clamp(CODE_WIDTH.0, CODE_WIDTH.1) as u16,
        }
    }

    /// Day number, a space, the code, a space.
    fn cell_width(&self) -> u16 {
        self.code_width + 4
    }

    fn month_width(&self) -> u16 {
        WEEK_COLUMN + 7 * self.cell_width()
    }
}

/// The first of `fit` months in a row to show: the cursor's month among them, and as many of
/// the plan's own months (its first to its last worked day) as can be; among equals, the one
/// that starts nearest the plan's first month, then the one with the cursor nearest the middle.
fn first_month(app: &App, fit: u16) -> Month {
    let cursor = Month::of(app.cursor);
    let index = |month: Month| i64::from(month.year) * 12 + i64::from(month.month) - 1;
    let (plan_first, plan_last) = app
        .schedule()
        .worked_days()
        .map_or((index(cursor), index(cursor)), |(first, last)| {
            (index(Month::of(first)), index(Month::of(last)))
        });
    let fit = i64::from(fit.max(1));
    let here = index(cursor);
    let best = (here - fit + 1..=here)
        .max_by_key(|start| {
            let overlap = (start + fit - 1).min(plan_last) - (*start).max(plan_first) + 1;
            // Then the plan's first month first, so no empty months come before it.
            let before_plan = (start - plan_first).abs();
            let off_centre = (start + (fit - 1) / 2 - here).abs();
            (overlap.max(0), -before_plan, -off_centre)
        })
        .unwrap_or(here);
    let mut month = cursor;
    for _ in 0..here - best {
        month = month.previous().unwrap_or(month);
    }
    month
}

/// The months on screen and where each is drawn: as many as fit across and down in the
/// pane `area`, chosen by [`first_month`].
fn month_areas(area: Rect, grid: &Grid, app: &App) -> Vec<(Month, Rect)> {
    let inner = Block::bordered().inner(area);
    let across = ((inner.width + GAP) / (grid.month_width() + GAP)).max(1);
    let down = ((inner.height + 1) / (MONTH_ROWS + 1)).max(1);
    let fit = across * down;
    let mut month = first_month(app, fit);
    let mut areas = Vec::new();
    for index in 0..fit {
        let x = inner.x + (index % across) * (grid.month_width() + GAP);
        let y = inner.y + (index / across) * (MONTH_ROWS + 1);
        let width = grid.month_width().min(inner.right().saturating_sub(x));
        let height = MONTH_ROWS.min(inner.bottom().saturating_sub(y));
        if width == 0 || height == 0 {
            break;
        }
        areas.push((month, Rect::new(x, y, width, height)));
        match month.next() {
            Some(next) => month = next,
            None => break,
        }
    }
    areas
}

/// Draws the calendars pane.
pub(super) fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let title = match &app.person {
        Some(person) => Msg::CalendarOf.fill(app.locale(), &[&crate::text::one_line(person)]),
        None => Msg::CalendarTitle.text(app.locale()).to_owned(),
    };
    bordered_pane(
        frame.buffer_mut(),
        area,
        pane_style(app, Focus::Calendar),
        title,
    );
    let grid = Grid::for_app(app);
    for (month, month_area) in month_areas(area, &grid, app) {
        draw_month(frame.buffer_mut(), month_area, app, month, &grid);
    }
}

/// The day drawn at (`x`, `y`) in the calendars pane `area`, if any.
pub(super) fn day_at(area: Rect, app: &App, x: u16, y: u16) -> Option<NaiveDate> {
    let grid = Grid::for_app(app);
    let (month, month_area) = month_areas(area, &grid, app)
        .into_iter()
        .find(|(_, month_area)| month_area.contains(Position::new(x, y)))?;
    let week = usize::from(y.checked_sub(month_area.y + 2)?);
    let column = usize::from(x.checked_sub(month_area.x + WEEK_COLUMN)? / grid.cell_width());
    let date = month
        .weeks(app.plan().week_start())
        .nth(week)?
        .days()
        .nth(column)?;
    month.contains(date).then_some(date)
}

fn draw_month(buffer: &mut Buffer, area: Rect, app: &App, month: Month, grid: &Grid) {
    let plan = app.plan();
    let words = words(plan.locale);
    let width = usize::from(area.width);
    let title = format!("{} {}", words.month(month.month), month.year);
    let theme = app.theme();
    let heading_style = theme.tone(Tone::Heading);
    put(
        buffer,
        area.x,
        area.y,
        crate::text::center(&title, width),
        width,
        heading_style,
    );
    if area.height < 2 {
        return;
    }
    let faint = theme.tone(Tone::Faint);
    put(buffer, area.x, area.y + 1, words.week_short, width, faint);
    let labels = crate::calendar::weekday_labels(&words.weekdays_short, plan.week_start());
    for (index, day) in labels.iter().enumerate() {
        let x = area.x + WEEK_COLUMN + index as u16 * grid.cell_width();
        if x < area.right() {
            let room = usize::from(area.right() - x);
            put(buffer, x, area.y + 1, day, room, heading_style);
        }
    }
    for (row, week) in month.weeks(plan.week_start()).enumerate() {
        let y = area.y + 2 + row as u16;
        if y >= area.bottom() {
            break;
        }
        let number = crate::text::pad_left(&week.number().to_string(), 3);
        put(buffer, area.x, y, number, width, faint);
        for (column, date) in week.days().enumerate() {
            let x = area.x + WEEK_COLUMN + column as u16 * grid.cell_width();
            if month.contains(date) && x < area.right() {
                let cell = Rect::new(x, y, grid.cell_width().min(area.right() - x), 1);
                draw_day(buffer, cell, app, date, grid);
            }
        }
    }
}

/// The days of a month as the calendars write them, right-aligned in two columns.
const DAY_NUMBERS: [&str; 32] = [
    " 0", " 1", " 2", " 3", " 4", " 5", " 6", " 7", " 8", " 9", "10", "11", "12", "13", "14", "15",
    "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31",
];

/// One day: its number and its codes (or the holiday mark), styled by kind, today, cursor.
fn draw_day(buffer: &mut Buffer, cell: Rect, app: &App, date: NaiveDate, grid: &Grid) {
    let plan = app.plan();
    let info = day_info_for(app.schedule(), date, app.person.as_deref());
    let room = usize::from(cell.width);
    let theme = app.theme();
    let mut number_style = theme.tone(info.number_tone());
    if date == app.today {
        number_style = number_style.add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
    }
    // The day right-aligned in two columns, from a table: ~400 days a frame.
    let number = DAY_NUMBERS[date.day() as usize];
    put(buffer, cell.x, cell.y, number, room, number_style);
    let code_width = usize::from(grid.code_width);
    let (mark, tone) = if info.kind == DayKind::Holiday {
        (words(plan.locale).holiday_mark.to_owned(), Tone::Holiday)
    } else {
        let mut worked = info.worked(plan);
        match worked.next() {
            Some(first) => {
                let code = &*plan.activities[first.activity].code;
                let more = worked.next().is_some();
                (
                    fit_code(code, code_width, more),
                    Tone::Activity(first.activity),
                )
            }
            None => (String::new(), Tone::Plain),
        }
    };
    if room > 3 {
        let mut style = theme.tone(tone);
        if info.kind != DayKind::Holiday && info.has_logged(plan) {
            style = style.patch(theme.logged);
        }
        put(buffer, cell.x + 3, cell.y, &mark, room - 3, style);
    }
    let day_area = Rect {
        width: cell.width.min(3 + grid.code_width),
        ..cell
    };
    // The days of a holiday range being marked, from its first day to the cursor.
    if let Some(first) = app.mark
        && first.min(app.cursor) <= date
        && date <= first.max(app.cursor)
    {
        buffer.set_style(day_area, theme.marking);
    }
    if date == app.cursor {
        buffer.set_style(day_area, theme.cursor_day);
    }
}

/// `code` cut to `width` columns, ending in `+` when other activities share the day.
fn fit_code(code: &str, width: usize, more: bool) -> String {
    let keep = if more { width.saturating_sub(1) } else { width };
    let mut fitted = String::with_capacity(code.len() + 1);
    fitted.push_str(crate::text::fitting_start(code, keep));
    if more {
        fitted.push('+');
    }
    fitted
}

#[cfg(test)]
mod tests {
    use super::fit_code;

    #[test]
    fn codes_are_cut_to_fit_and_flag_shared_days() {
        assert_eq!(fit_code("A1", 2, false), "A1");
        assert_eq!(fit_code("A7", 2, true), "A+");
        assert_eq!(fit_code("Review", 4, false), "Revi");
        assert_eq!(fit_code("A7", 4, true), "A7+");
        // Wide characters take two columns.
        assert_eq!(fit_code("日本", 3, false), "日");
        assert_eq!(fit_code("日本", 3, true), "日+");
        assert_eq!(super::DAY_NUMBERS[7], " 7");
        assert_eq!(super::DAY_NUMBERS[31], "31");
    }
}
