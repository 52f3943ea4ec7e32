//! The month calendars: our own chrono-based grid with ISO week numbers, Monday first, and the
//! activity codes next to the day numbers. As many months as fit, around the cursor's month.

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthStr;

use super::{pane_block, pane_style};
use crate::app::{App, Focus};
use crate::calendar::{DayInfo, DayKind, DayWalk, Month};
use crate::colour::Tone;
use crate::locale::words;
use crate::messages::Msg;

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
    frame.render_widget(pane_block(pane_style(app, Focus::Calendar), title), area);
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
    // Centred as `text::center` would, without putting the padding: blank cells are blank.
    let indent = width.saturating_sub(title.width()) / 2;
    buffer.set_stringn(
        area.x + indent as u16,
        area.y,
        &title,
        width - indent,
        heading_style,
    );
    if area.height < 2 {
        return;
    }
    let faint = theme.tone(Tone::Faint);
    buffer.set_stringn(area.x, area.y + 1, words.week_short, width, faint);
    let labels = crate::calendar::weekday_labels(&words.weekdays_short, plan.week_start());
    for (index, day) in labels.iter().enumerate() {
        let x = area.x + WEEK_COLUMN + index as u16 * grid.cell_width();
        if x < area.right() {
            let room = usize::from(area.right() - x);
            buffer.set_stringn(x, area.y + 1, day, room, heading_style);
        }
    }
    let mut days = DayWalk::from(app.schedule(), month.first_day(), app.person.as_deref());
    for (row, week) in month.weeks(plan.week_start()).enumerate() {
        let y = area.y + 2 + row as u16;
        if y >= area.bottom() {
            break;
        }
        // The week's number right-aligned in the three columns before the days.
        if width > 1 {
            buffer.set_stringn(area.x + 1, y, two_columns(week.number()), width - 1, faint);
        }
        for (column, date) in week.days().enumerate() {
            let x = area.x + WEEK_COLUMN + column as u16 * grid.cell_width();
            if month.contains(date) && x < area.right() {
                let cell = Rect::new(x, y, grid.cell_width().min(area.right() - x), 1);
                draw_day(buffer, cell, app, &days.day(date), grid);
            }
        }
    }
}

/// `number` right-aligned in two columns, as the calendars write days and weeks.
fn two_columns(number: u32) -> String {
    format!("{number:>2}")
}

/// One day: its number and its codes (or the holiday mark), styled by kind, today, cursor.
fn draw_day(buffer: &mut Buffer, cell: Rect, app: &App, info: &DayInfo, grid: &Grid) {
    let date = info.date;
    let room = usize::from(cell.width);
    let theme = app.theme();
    let mut number_style = theme.tone(info.number_tone());
    if date == app.today {
        number_style = number_style.add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
    }
    buffer.set_stringn(cell.x, cell.y, two_columns(date.day()), room, number_style);
    if room > 3 {
        draw_mark(buffer, cell, info, app, grid);
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

/// What follows a day's number in `cell` (wider than 3 columns): the holiday mark, or the code
/// of the first activity worked that day cut to the grid's code width, with `+` when others
/// share the day; in the first activity's colour, marked when some of it was logged.
fn draw_mark(buffer: &mut Buffer, cell: Rect, info: &DayInfo, app: &App, grid: &Grid) {
    let plan = app.plan();
    let theme = app.theme();
    let room = usize::from(cell.width) - 3;
    let (x, y) = (cell.x + 3, cell.y);
    if info.kind == DayKind::Holiday {
        let mark = words(plan.locale).holiday_mark;
        buffer.set_stringn(x, y, mark, room, theme.tone(Tone::Holiday));
        return;
    }
    let mut worked = info.worked(plan);
    let Some(first) = worked.next() else {
        return;
    };
    let more = worked.next().is_some();
    let mut style = theme.tone(Tone::Activity(first.activity));
    if info.has_logged(plan) {
        style = style.patch(theme.logged);
    }
    let code = &*plan.activities[first.activity].code;
    let fitted = fit_code(code, usize::from(grid.code_width), more);
    let (end, _) = buffer.set_stringn(x, y, fitted, room, style);
    let used = usize::from(end - x);
    if more && used < room {
        buffer.set_stringn(end, y, "+", room - used, style);
    }
}

/// The start of `code` that fits in `width` columns, one column fewer when a `+` follows it
/// because other activities share the day.
fn fit_code(code: &str, width: usize, more: bool) -> &str {
    let keep = if more { width.saturating_sub(1) } else { width };
    crate::text::fitting_start(code, keep)
}

#[cfg(test)]
mod tests {
    use super::fit_code;

    #[test]
    fn codes_are_cut_to_fit_with_room_for_a_plus_on_shared_days() {
        assert_eq!(fit_code("A1", 2, false), "A1");
        assert_eq!(fit_code("A7", 2, true), "A");
        assert_eq!(fit_code("Review", 4, false), "Revi");
        assert_eq!(fit_code("A7", 4, true), "A7");
        // Wide characters take two columns.
        assert_eq!(fit_code("日本", 3, false), "日");
        assert_eq!(fit_code("日本", 3, true), "日");
        assert_eq!(fit_code("日本", 5, true), "日本");
    }

    #[test]
    fn numbers_are_right_aligned_in_two_columns() {
        assert_eq!(super::two_columns(7), " 7");
        assert_eq!(super::two_columns(53), "53");
    }
}
