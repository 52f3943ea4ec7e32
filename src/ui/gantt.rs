//! The Gantt view: one row per activity, one column per day (week, month), bars in the
//! activity's colour, partial days as partial cells. Only visible rows and columns are computed.

use crate::text::{one_line, pad_right};
use chrono::{Datelike, Months, NaiveDate, TimeDelta};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthStr;

use super::{pane_block, pane_style, put_glyph};
use crate::app::{App, Focus, Zoom};
use crate::calendar::Week;
use crate::locale::words;
use crate::messages::Msg;
use crate::plan::{Hours, WeekStart};
use crate::schedule::{Slot, WorkCalendar};

/// Maps dates to chart columns at one zoom level.
struct Scale {
    zoom: Zoom,
    /// The date column 0 starts on: the first day of a week (day, week zoom) or a month's
    /// first day.
    epoch: NaiveDate,
    /// The plan's first day of the week, for week columns and their numbers.
    week_start: WeekStart,
}

impl Scale {
    fn new(zoom: Zoom, around: NaiveDate, week_start: WeekStart) -> Self {
        let epoch = match zoom {
            Zoom::Day | Zoom::Week => Week::containing(around, week_start).first,
            Zoom::Month => around.with_day(1).unwrap_or(around),
        };
        Scale {
            zoom,
            epoch,
            week_start,
        }
    }

    /// The number of the week that starts on `first`, as the calendars number it.
    fn week_number(&self, first: NaiveDate) -> String {
        Week::containing(first, self.week_start)
            .number()
            .to_string()
    }

    fn column_of(&self, date: NaiveDate) -> i64 {
        let days = (date - self.epoch).num_days();
        match self.zoom {
            Zoom::Day => days,
            Zoom::Week => days.div_euclid(7),
            Zoom::Month => {
                let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
                months(date) - months(self.epoch)
            }
        }
    }

    /// The days column `column` stands for: `[from, to)`.
    fn range(&self, column: i64) -> Option<(NaiveDate, NaiveDate)> {
        match self.zoom {
            Zoom::Day => {
                let from = self.epoch.checked_add_signed(TimeDelta::days(column))?;
                Some((from, from.succ_opt()?))
            }
            Zoom::Week => {
                let from = self.epoch.checked_add_signed(TimeDelta::days(column * 7))?;
                Some((from, from.checked_add_signed(TimeDelta::days(7))?))
            }
            Zoom::Month => {
                let steps = Months::new(u32::try_from(column.unsigned_abs()).ok()?);
                let from = if column < 0 {
                    self.epoch.checked_sub_months(steps)?
                } else {
                    self.epoch.checked_add_months(steps)?
                };
                Some((from, from.checked_add_months(Months::new(1))?))
            }
        }
    }
}

/// Where the parts of the Gantt pane go.
struct Geometry {
    /// Inside the border.
    inner: Rect,
    /// Width of the code / name / hours column.
    label_width: u16,
    /// The bars' area, ruler rows included.
    chart: Rect,
    /// Activity rows that fit.
    rows: usize,
    /// The first activity shown: whole pages, so the list moves only when the selection leaves it.
    first: usize,
    /// Columns for the codes, so that names line up.
    code_width: usize,
}

impl Geometry {
    fn of(area: Rect, app: &App) -> Option<Self> {
        let inner = Block::bordered().inner(area);
        if inner.height < 3 || inner.width < 24 {
            return None;
        }
        let label_width = (inner.width / 3).clamp(20, 48);
        let chart = Rect {
            x: inner.x + label_width + 1,
            width: inner.width - label_width - 1,
            ..inner
        };
        let rows = usize::from(inner.height - 2);
        let widest = app.widest_code();
        Some(Geometry {
            inner,
            label_width,
            chart,
            rows,
            first: app.selected - app.selected % rows,
            code_width: widest.min(usize::from(label_width) / 3),
        })
    }
}

/// The activity whose row is at (`x`, `y`) in the Gantt pane `area`, if any.
pub(super) fn activity_at(area: Rect, app: &App, x: u16, y: u16) -> Option<usize> {
    let geometry = Geometry::of(area, app)?;
    if !geometry
        .inner
        .contains(ratatui::layout::Position::new(x, y))
    {
        return None;
    }
    let index = geometry.first + usize::from(y.checked_sub(geometry.inner.y + 2)?);
    (index < app.plan().activities.len()).then_some(index)
}

/// Draws the Gantt pane.
pub(super) fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let locale = app.locale();
    let title = Msg::GanttTitle.fill(locale, &[&app.zoom.unit().text(locale)]);
    frame.render_widget(pane_block(pane_style(app, Focus::Gantt), title), area);
    let Some(geometry) = Geometry::of(area, app) else {
        return;
    };
    let scale = Scale::new(
        app.zoom,
        app.schedule().start().date(),
        app.plan().week_start(),
    );
    let (origin, visible) = window(app, &scale, geometry.chart.width);
    // The axis ends where the plan does (or where the cursor is, past it).
    let geometry = Geometry {
        chart: Rect {
            width: visible,
            ..geometry.chart
        },
        ..geometry
    };
    let (inner, chart) = (geometry.inner, geometry.chart);
    let (first, rows) = (geometry.first, geometry.rows);
    let buffer = frame.buffer_mut();
    draw_ruler(buffer, chart, inner.right(), app, &scale, origin);
    draw_rows(buffer, app, &geometry, &scale, origin);
    let count = app.plan().activities.len();
    let drawn_rows = count.min(first + rows).saturating_sub(first) as u16;
    draw_status_line(
        buffer,
        Rect::new(chart.x, inner.y + 2, chart.width, drawn_rows),
        app,
        &scale,
        origin,
    );
    draw_cursor_column(buffer, chart, app, &scale, origin);
    let shown = (first + 1, count.min(first + rows), count);
    draw_heading(
        buffer,
        Rect::new(inner.x, inner.y, geometry.label_width, 2),
        app,
        shown,
    );
}

/// The activities' rows on screen: label, rest-day shading, bar and (tracked) baseline.
fn draw_rows(buffer: &mut Buffer, app: &App, geometry: &Geometry, scale: &Scale, origin: i64) {
    let Geometry {
        inner,
        label_width,
        chart,
        rows,
        first,
        code_width,
    } = *geometry;
    let count = app.plan().activities.len();
    // Rows of one person share their shading: computed once per calendar on screen.
    let mut shades: Vec<(&WorkCalendar, Vec<Option<Style>>)> = Vec::new();
    for (row, index) in (first..count.min(first + rows)).enumerate() {
        let calendar = app.schedule().calendar_of(index);
        let row_shades = match shades
            .iter()
            .position(|(seen, _)| std::ptr::eq(*seen, calendar))
        {
            Some(at) => at,
            None => {
                shades.push((
                    calendar,
                    rest_shades(app, calendar, scale, origin, chart.width),
                ));
                shades.len() - 1
            }
        };
        let y = inner.y + 2 + row as u16;
        // A tracked plan's progress of the row: its slip for the label, its baseline for the bar.
        let status = crate::status::activity_status(app.plan(), app.schedule(), index);
        draw_label(
            buffer,
            Rect::new(inner.x, y, label_width, 1),
            app,
            (index, status.as_ref().and_then(|status| status.slip_days)),
            code_width,
        );
        for (x, shade) in (chart.x..).zip(&shades[row_shades].1) {
            if let Some(shade) = shade {
                put_glyph(buffer, x, y, "·", *shade);
            }
        }
        let bar = Rect {
            y,
            height: 1,
            ..chart
        };
        draw_bar(buffer, bar, app, scale, origin, index);
        if let Some(baseline) = status.and_then(|status| status.baseline) {
            draw_baseline(buffer, bar, app, scale, origin, baseline);
        }
    }
}

/// The cursor's day down the chart, and its mark on the ruler.
fn draw_cursor_column(buffer: &mut Buffer, chart: Rect, app: &App, scale: &Scale, origin: i64) {
    let cursor_offset = scale.column_of(app.cursor) - origin;
    if (0..i64::from(chart.width)).contains(&cursor_offset) {
        let x = chart.x + cursor_offset as u16;
        let column = Rect::new(x, chart.y + 2, 1, chart.height.saturating_sub(2));
        let theme = app.theme();
        buffer.set_style(column, theme.cursor_column);
        buffer.set_style(Rect::new(x, chart.y + 1, 1, 1), theme.ruler_cursor);
    }
}

/// Above the labels: which rows are shown (`first`–`last` of `count`), and the heading.
fn draw_heading(buffer: &mut Buffer, area: Rect, app: &App, shown: (usize, usize, usize)) {
    let locale = app.locale();
    let width = usize::from(area.width);
    let (first, last, count) = shown;
    let pages = Msg::RowsOf.fill(locale, &[&first, &last, &count]);
    buffer.set_stringn(area.x, area.y, pages, width, app.theme().faint);
    let heading = pad_right(Msg::ActivityHeading.text(locale), width);
    let strong = Style::new().add_modifier(Modifier::BOLD);
    buffer.set_stringn(area.x, area.y + 1, heading, width, strong);
}

/// The first column drawn, and how many: the whole plan when it fits; otherwise whole pages
/// around the cursor (the view jumps when the cursor leaves it and stays put while it moves
/// inside), the last page ending with the plan's last day, so its end is never cut off.
fn window(app: &App, scale: &Scale, width: u16) -> (i64, u16) {
    let width = i64::from(width.max(1));
    let end = app
        .schedule()
        .worked_days()
        .map_or(app.schedule().end().date(), |(_, last)| last);
    let cursor = scale.column_of(app.cursor);
    let plan_columns = scale.column_of(end) + 1;
    let origin = if plan_columns <= width && (0..width).contains(&cursor) {
        0
    } else {
        let page = cursor.div_euclid(width) * width;
        if page + width > plan_columns {
            // The page that would run past the plan's end ends with it (or with the cursor).
            (plan_columns - width).clamp(cursor - width + 1, cursor)
        } else {
            page
        }
    };
    let last = plan_columns.max(cursor + 1);
    let visible = (last - origin).clamp(1, width);
    (origin, visible as u16)
}

/// A ruler label: where it goes, what it says, and whether it marks a real boundary (a month,
/// a year, a week) rather than just the chart's first column.
struct RulerLabel {
    offset: u16,
    /// With the year (`Mar 2024`; `Mar '24` at week zoom): written where it fits, at a year's
    /// first month always, and elsewhere until the ruler has shown the year once.
    long: Option<String>,
    /// Without it (`Mar`), where the long text does not fit.
    short: String,
    natural: bool,
    /// The long text is wanted even after the year was shown (January, or every month at day
    /// zoom, where there is room).
    always_long: bool,
}

/// Two rows: months (or years) above, ISO weeks (or month initials) below. Labels may run
/// past the axis's last column into the blank pane beside it (a plan of three weeks still
/// shows `Jul 2024`), but are never cut: a label that does not fit is written shorter or not.
fn draw_ruler(buffer: &mut Buffer, chart: Rect, right: u16, app: &App, scale: &Scale, origin: i64) {
    let styles = [Style::new().add_modifier(Modifier::BOLD), app.theme().faint];
    let room = right.saturating_sub(chart.x);
    for (row, labels) in ruler_labels(chart.width, app, scale, origin)
        .iter()
        .enumerate()
    {
        for (offset, text) in fitted_labels(labels, room) {
            let y = chart.y + row as u16;
            buffer.set_string(chart.x + offset, y, text, styles[row]);
        }
    }
}

/// The candidate labels of the two ruler rows: where a month (or year, or week) begins, and
/// the first column, so the reader knows where the chart starts.
fn ruler_labels(width: u16, app: &App, scale: &Scale, origin: i64) -> [Vec<RulerLabel>; 2] {
    let words = words(app.plan().locale);
    let mut labels: [Vec<RulerLabel>; 2] = [Vec::new(), Vec::new()];
    for offset in 0..width {
        let Some((from, _)) = scale.range(origin + i64::from(offset)) else {
            continue;
        };
        let first = offset == 0;
        let month = |letters: usize| -> String {
            words.month(from.month()).chars().take(letters).collect()
        };
        let dated = |natural: bool, always_long: bool| {
            // A week column is narrower than `Jan 2025`: there the year is written `'25`, so
            // a January's label hides February's and never March's.
            let year = match scale.zoom {
                Zoom::Week => format!("'{:02}", from.year().rem_euclid(100)),
                _ => from.year().to_string(),
            };
            RulerLabel {
                offset,
                long: Some(format!("{} {year}", month(3))),
                short: month(3),
                natural,
                always_long,
            }
        };
        let plain = |text: String, natural: bool| RulerLabel {
            offset,
            long: None,
            short: text,
            natural,
            always_long: false,
        };
        let (top, bottom) = match scale.zoom {
            Zoom::Day => (
                (from.day() == 1 || first).then(|| dated(from.day() == 1, true)),
                (from.weekday() == scale.week_start.weekday())
                    .then(|| plain(scale.week_number(from), true)),
            ),
            Zoom::Week => (
                (from.day() <= 7 || first).then(|| dated(from.day() <= 7, from.month() == 1)),
                (offset % 4 == 0).then(|| plain(scale.week_number(from), true)),
            ),
            Zoom::Month => (
                (from.month() == 1 || first)
                    .then(|| plain(from.year().to_string(), from.month() == 1)),
                Some(plain(month(1), true)),
            ),
        };
        for (row, label) in [top, bottom].into_iter().enumerate() {
            labels[row].extend(label);
        }
    }
    labels
}

/// The labels of one row that are written, at their offsets, within `room` columns: each the
/// longest of its texts that ends before the next real boundary's label (with a space after a
/// word; month initials need none). A real boundary's text may overrun the next label, which is
/// then left out (a January's with its year, others without); the first column's label gives
/// way to the first real one.
fn fitted_labels(labels: &[RulerLabel], room: u16) -> Vec<(u16, &str)> {
    let mut written = Vec::new();
    let (mut free_from, mut year_shown) = (0, false);
    for (at, label) in labels.iter().enumerate() {
        if label.offset < free_from {
            continue;
        }
        let next = labels[at + 1..]
            .iter()
            .find(|later| later.natural)
            .map(|later| later.offset);
        let width = |text: &str| text.width() as u16;
        let gap = |text: &str| u16::from(width(text) > 1);
        let ends_in_room = |text: &str| label.offset + width(text) <= room;
        let fits = |text: &&str| {
            ends_in_room(text)
                && next.is_none_or(|next| label.offset + width(text) + gap(text) <= next)
        };
        let long = label
            .long
            .as_deref()
            .filter(|_| label.always_long || !year_shown);
        // A year's first month keeps its year even over the next label (as a natural label's
        // short text does); elsewhere the year waits for a month with room for it.
        let overrun = |text: &str| label.natural && ends_in_room(text);
        let chosen = long
            .filter(fits)
            .or(long.filter(|long| label.always_long && overrun(long)))
            .or(Some(label.short.as_str()).filter(fits))
            .or(Some(label.short.as_str()).filter(|short| overrun(short)));
        let Some(text) = chosen else {
            continue;
        };
        year_shown |= Some(text) == label.long.as_deref();
        free_from = label.offset + width(text) + gap(text);
        written.push((label.offset, text));
    }
    written
}

/// Per visible column, how to shade a day the row's person does not work (day zoom only).
fn rest_shades(
    app: &App,
    calendar: &WorkCalendar,
    scale: &Scale,
    origin: i64,
    width: u16,
) -> Vec<Option<Style>> {
    (0..i64::from(width))
        .map(|offset| {
            let (from, _) = scale.range(origin + offset)?;
            let resting = scale.zoom == Zoom::Day && calendar.capacity(from).is_zero();
            resting.then(|| {
                if calendar.is_holiday(from) {
                    Style::new().fg(app.theme().holiday)
                } else {
                    app.theme().faint
                }
            })
        })
        .collect()
}

/// Code, name and hours of activity `row.0` (with its slip, `row.1`, on a tracked plan),
/// highlighted when selected.
fn draw_label(
    buffer: &mut Buffer,
    area: Rect,
    app: &App,
    row: (usize, Option<i64>),
    code_width: usize,
) {
    let (index, slip) = row;
    let activity = &app.plan().activities[index];
    let width = usize::from(area.width);
    let mut hours = if activity.is_milestone() {
        "◆ ".to_owned()
    } else {
        format!("{} h ", activity.hours)
    };
    // A tracked plan's slip against the baseline, in working days, before the hours.
    if let Some(days) = slip {
        let slip = if days > 0 {
            format!("+{days}")
        } else {
            days.to_string()
        };
        hours = format!("{slip:>3} {hours}");
    }
    // A star marks the critical path, as in `cronograma check`.
    let critical = app.schedule().is_critical(index);
    let marker = if critical { '*' } else { ' ' };
    let code = format!("{marker}{} ", pad_right(&activity.code, code_width));
    let who = if activity.who.is_empty() {
        String::new()
    } else {
        format!("[{}] ", one_line(&activity.who))
    };
    let (code_width, who_width, hours_width) = (code.width(), who.width(), hours.width());
    // One blank column keeps a long name off the hours.
    let name_room = width.saturating_sub(code_width + who_width + hours_width + 1);
    let name: String = truncate(&one_line(&activity.name), name_room);
    let theme = app.theme();
    let code_style = Style::new()
        .fg(theme.activity(index))
        .add_modifier(Modifier::BOLD);
    buffer.set_stringn(area.x, area.y, &code, width, code_style);
    let after_who = area.x + (code_width + who_width).min(width) as u16;
    buffer.set_stringn(
        area.x + code_width.min(width) as u16,
        area.y,
        &who,
        width.saturating_sub(code_width),
        Style::new().add_modifier(Modifier::ITALIC),
    );
    let after_code = after_who;
    // The name unpadded: the rest of its room is still blank in a frame being drawn.
    buffer.set_stringn(after_code, area.y, &name, name_room, Style::new());
    let hours_x = area.right().saturating_sub(hours_width as u16);
    buffer.set_stringn(hours_x, area.y, &hours, width, theme.faint);
    if index == app.selected {
        let highlight = if app.focus == Focus::Gantt {
            theme.selected_row
        } else {
            theme.selected_row_quiet
        };
        buffer.set_style(area, highlight);
    }
}

/// `text` cut to `width` columns, with an ellipsis when cut.
fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut cut = crate::text::fitting_start(text, width.saturating_sub(1)).to_owned();
    cut.push('…');
    cut
}

/// The bar of activity `index` across the visible columns.
fn draw_bar(buffer: &mut Buffer, row: Rect, app: &App, scale: &Scale, origin: i64, index: usize) {
    let (Some((view_from, _)), Some((_, view_to))) = (
        scale.range(origin),
        scale.range(origin + i64::from(row.width) - 1),
    ) else {
        return;
    };
    let schedule = app.schedule();
    let theme = app.theme();
    let tracked = schedule.progress().is_some();
    let slots = schedule.slots_of(index);
    let visible = &slots[slots.partition_point(|slot| slot.date < view_from)..];
    let calendar = schedule.calendar_of(index);
    let colour = Style::new().fg(theme.activity(index));
    let shown = &visible[..visible.partition_point(|slot| slot.date < view_to)];
    if scale.zoom == Zoom::Day {
        draw_busy_gaps(buffer, row, app, calendar, (scale, origin), shown);
    }
    for slot in shown {
        let offset = scale.column_of(slot.date) - origin;
        let x = row.x + offset as u16;
        // A day busy time cuts is filled as far as the work fills the day without it, so
        // the class shows as the part left empty.
        let mut glyph = match scale.zoom {
            _ if slot.hours.is_zero() => "◆",
            Zoom::Day => partial_cell(
                slot.offset,
                slot.hours,
                calendar.capacity_without_busy(slot.date),
            ),
            Zoom::Week | Zoom::Month => "█",
        };
        // A tracked plan's work still to do is lighter than the work logged.
        let style = match (tracked, slot.logged) {
            (true, true) => colour.add_modifier(Modifier::BOLD),
            (true, false) => {
                if glyph == "█" {
                    glyph = "▓";
                }
                colour.patch(theme.planned)
            }
            (false, _) => colour,
        };
        put_glyph(buffer, x, row.y, glyph, style);
    }
}

/// The days between two worked days of a row that busy time took whole (an exam day, a
/// workshop): a shaded cell in the busy colour, so the bar's gap says why it is there.
fn draw_busy_gaps(
    buffer: &mut Buffer,
    row: Rect,
    app: &App,
    calendar: &WorkCalendar,
    (scale, origin): (&Scale, i64),
    slots: &[Slot],
) {
    let style = app.theme().tone(crate::colour::Tone::Busy);
    for pair in slots.windows(2) {
        let mut day = pair[0].date;
        while let Some(next) = day.succ_opt().filter(|next| *next < pair[1].date) {
            day = next;
            if calendar.capacity(day).is_zero() && !calendar.busy_hours(day, day).is_zero() {
                let offset = scale.column_of(day) - origin;
                put_glyph(buffer, row.x + offset as u16, row.y, "░", style);
            }
        }
    }
}

/// A thin line (underline) under the columns the baseline gave a row's activity.
fn draw_baseline(
    buffer: &mut Buffer,
    row: Rect,
    app: &App,
    scale: &Scale,
    origin: i64,
    (start, end): (chrono::NaiveDateTime, chrono::NaiveDateTime),
) {
    let width = i64::from(row.width);
    let first = (scale.column_of(start.date()) - origin).clamp(0, width);
    let last = (scale.column_of(end.date()) - origin + 1).clamp(0, width);
    if first < last {
        let area = Rect {
            x: row.x + first as u16,
            width: (last - first) as u16,
            ..row
        };
        buffer.set_style(area, app.theme().baseline);
    }
}

/// A line down the Gantt on a tracked plan's status date, in the rows' empty cells.
fn draw_status_line(buffer: &mut Buffer, rows: Rect, app: &App, scale: &Scale, origin: i64) {
    if app.schedule().progress().is_none() {
        return;
    }
    let offset = scale.column_of(app.schedule().as_of()) - origin;
    if !(0..i64::from(rows.width)).contains(&offset) {
        return;
    }
    let x = rows.x + offset as u16;
    for y in rows.top()..rows.bottom() {
        let cell = &mut buffer[(x, y)];
        if matches!(cell.symbol(), " " | "·") {
            cell.set_symbol("│").set_style(app.theme().status_line);
        }
    }
}

/// A day cell filled as far as the work fills the day: full, from the left (work that ends
/// mid-day), or the right half (work that starts mid-day and runs to the close).
fn partial_cell(offset: Hours, hours: Hours, capacity: Hours) -> &'static str {
    const EIGHTHS: [&str; 9] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"];
    if hours >= capacity || capacity.is_zero() {
        return "█";
    }
    if !offset.is_zero() && offset + hours >= capacity {
        return "▐";
    }
    // The nearest eighth, but never empty and never full: a part day must look like one.
    let eighths = ((hours.minutes() * 8 + capacity.minutes() / 2) / capacity.minutes()).clamp(1, 7);
    EIGHTHS[eighths as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_days_fill_part_of_the_cell() {
        let day = Hours::from_whole(6);
        assert_eq!(partial_cell(Hours::ZERO, day, day), "█");
        assert_eq!(partial_cell(Hours::ZERO, Hours::from_whole(4), day), "▋");
        assert_eq!(
            partial_cell(Hours::from_whole(4), Hours::from_whole(2), day),
            "▐"
        );
        assert_eq!(partial_cell(Hours::ZERO, Hours::from_quarters(1), day), "▏");
    }

    #[test]
    fn scales_map_dates_to_columns_and_back() {
        let monday = NaiveDate::from_ymd_opt(2023, 9, 11).unwrap();
        let week = Scale::new(Zoom::Week, monday + TimeDelta::days(2), WeekStart::Mon);
        assert_eq!(week.column_of(monday + TimeDelta::days(15)), 2);
        let month = Scale::new(Zoom::Month, monday, WeekStart::Mon);
        let (from, to) = month.range(-1).unwrap();
        assert_eq!((from.month(), to.month()), (8, 9));
    }

    fn label(offset: u16, long: Option<&str>, short: &str, natural: bool) -> RulerLabel {
        RulerLabel {
            offset,
            long: long.map(str::to_owned),
            short: short.to_owned(),
            natural,
            always_long: false,
        }
    }

    /// Week zoom, months four or five columns apart: the first column's label gives way, the
    /// year goes on the first month where it fits, and nothing is cut at the pane's edge.
    #[test]
    fn ruler_labels_are_shortened_or_left_out_never_cut() {
        let labels = [
            label(0, Some("Sep 2023"), "Sep", false),
            label(3, Some("Oct 2023"), "Oct", true),
            label(7, Some("Nov 2023"), "Nov", true),
            label(16, Some("Dec 2023"), "Dec", true),
            RulerLabel {
                always_long: true,
                ..label(20, Some("Jan 2024"), "Jan", true)
            },
        ];
        assert_eq!(
            fitted_labels(&labels, 22),
            [(3, "Oct"), (7, "Nov 2023"), (16, "Dec")]
        );
        assert_eq!(
            fitted_labels(&labels, 40),
            [(3, "Oct"), (7, "Nov 2023"), (16, "Dec"), (20, "Jan 2024")]
        );
        // A January keeps its year over the next month, which gives way (and so does any
        // real boundary too close to the next one); at week zoom the year is short enough
        // (`'24`) that the month after next is written.
        let january = RulerLabel {
            always_long: true,
            ..label(4, Some("Jan '24"), "Jan", true)
        };
        let winter = [
            label(0, Some("Dec 2023"), "Dec", true),
            january,
            label(8, Some("Feb 2024"), "Feb", true),
            label(12, Some("Mar 2024"), "Mar", true),
            label(17, Some("Apr 2024"), "Apr", true),
        ];
        assert_eq!(
            fitted_labels(&winter, 40),
            [(0, "Dec"), (4, "Jan '24"), (12, "Mar"), (17, "Apr")]
        );
        let crowded = [label(0, None, "37", true), label(2, None, "38", true)];
        assert_eq!(fitted_labels(&crowded, 10), [(0, "37")]);
    }

    #[test]
    fn names_are_cut_with_an_ellipsis() {
        assert_eq!(truncate("Redacción", 5), "Reda…");
        assert_eq!(truncate("A", 5), "A");
        // Wide characters count two columns: the cut never passes the width.
        assert_eq!(truncate("日本語の名前", 6), "日本…");
        assert_eq!(truncate("日本語の名前", 7), "日本語…");
        let long = "Revisión ".repeat(2_000);
        let cut = truncate(&long, 40);
        assert_eq!((cut.width(), cut.ends_with('…')), (40, true));
    }
}
