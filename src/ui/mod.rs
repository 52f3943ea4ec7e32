//! Drawing the interactive view from an [`App`]. Widgets here only read the state.

mod calendar;
mod detail;
mod dialog;
mod gantt;
mod header;
mod help;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::keys::{Context, KeyTable};
use crate::app::{Action, App, Focus, Mode, View};
use crate::messages::Msg;
use crate::plan::Locale;

/// The smallest terminal the view is drawn in.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Terminals at least this large show the calendars and the Gantt together.
const BOTH_VIEWS: (u16, u16) = (100, 30);

/// Rows the calendars take: month title, weekday heading, up to six weeks, and a border.
const CALENDAR_ROWS: u16 = 10;

/// Where the parts of the screen go; `None` when the terminal is too small.
struct Panes {
    header: Rect,
    calendar: Option<Rect>,
    gantt: Option<Rect>,
    detail: Option<Rect>,
    footer: Rect,
}

impl Panes {
    fn of(area: Rect, app: &App) -> Option<Self> {
        if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
            return None;
        }
        // A row each for the header, the detail and the footer; the body between. (Cut by
        // hand: ratatui's `Layout` solves its constraints every frame, a hundredth of one.)
        let (header, rest) = split_rows(area, 1);
        let (body, rest) = split_rows(rest, rest.height - 2);
        let (detail, footer) = split_rows(rest, 1);
        let (calendar, gantt) = if area.width >= BOTH_VIEWS.0 && area.height >= BOTH_VIEWS.1 {
            // The Gantt takes the rows its activities need (and its ruler and border); the
            // calendars the rest, in as many rows of months as fit.
            let needed = app.plan().activities.len() as u16 + 4;
            let gantt_rows = needed.min(body.height.saturating_sub(CALENDAR_ROWS));
            let (months, chart) = split_rows(body, body.height - gantt_rows);
            (Some(months), Some(chart))
        } else {
            match app.view {
                View::Calendar => (Some(body), None),
                View::Gantt => (None, Some(body)),
            }
        };
        Some(Panes {
            header,
            calendar,
            gantt,
            detail: Some(detail),
            footer,
        })
    }
}

/// `area` cut across: its first `rows` rows (at most all of them), and the rest.
fn split_rows(area: Rect, rows: u16) -> (Rect, Rect) {
    let rows = rows.min(area.height);
    let top = Rect {
        height: rows,
        ..area
    };
    let rest = Rect {
        y: area.y + rows,
        height: area.height - rows,
        ..area
    };
    (top, rest)
}

/// How many activity rows the Gantt shows on a screen of size `area` (a page for PgUp/PgDn).
pub fn gantt_rows(area: Rect, app: &App) -> usize {
    Panes::of(area, app)
        .and_then(|panes| panes.gantt)
        .map_or(1, |pane| usize::from(pane.height.saturating_sub(4)).max(1))
}

/// What a mouse event on a screen of size `area` asks for: a click on a day moves the cursor
/// there, a click on a Gantt row selects that activity, the wheel walks months over the
/// calendars and activities over the Gantt. Mouse events only count while no pop-up is open.
pub fn mouse_action(area: Rect, app: &App, event: MouseEvent) -> Option<Action> {
    let panes = Panes::of(area, app)?;
    if app.mode != Mode::Normal {
        return None;
    }
    let at = Position::new(event.column, event.row);
    let over = |pane: Option<Rect>| pane.filter(|pane| pane.contains(at));
    let wheel = match event.kind {
        MouseEventKind::ScrollUp => -1,
        MouseEventKind::ScrollDown => 1,
        MouseEventKind::Down(MouseButton::Left) => 0,
        _ => return None,
    };
    if let Some(pane) = over(panes.calendar) {
        return match wheel {
            0 => calendar::day_at(pane, app, at.x, at.y).map(Action::Pick),
            step => Some(Action::MoveMonths(step)),
        };
    }
    let pane = over(panes.gantt)?;
    match wheel {
        0 => gantt::activity_at(pane, app, at.x, at.y).map(Action::PickActivity),
        step => Some(Action::Select(i64::from(step))),
    }
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let Some(panes) = Panes::of(area, app) else {
        too_small(frame, area, app.locale());
        return;
    };
    header::draw(frame, panes.header, app);
    if let Some(pane) = panes.calendar {
        calendar::draw(frame, pane, app);
    }
    if let Some(pane) = panes.gantt {
        gantt::draw(frame, pane, app);
    }
    if let Some(line) = panes.detail {
        detail::draw(frame, line, app);
    }
    footer(
        frame,
        panes.footer,
        app,
        panes.calendar.is_some() && panes.gantt.is_some(),
    );
    let locale = app.locale();
    let text = |msg: Msg| msg.text(locale);
    let quit = [
        (Action::Save, None, Msg::AnswerSaveQuit),
        (Action::Discard, None, Msg::AnswerDiscardQuit),
        (Action::Cancel, Some("cancel"), Msg::AnswerCancel),
    ];
    match &app.mode {
        Mode::Normal => {}
        Mode::Help => help::draw(frame, area, app),
        Mode::Form(form) => dialog::form(frame, area, form, app),
        Mode::ConfirmQuit => dialog::question(
            frame,
            area,
            app,
            text(Msg::UnsavedTitle),
            text(Msg::UnsavedText),
            &answers(app, &quit),
        ),
        Mode::ConfirmBaseline => dialog::replace_baseline(frame, area, app),
        Mode::ConfirmDelete(index) => {
            let activity = &app.plan().activities[*index];
            dialog::question(
                frame,
                area,
                app,
                text(Msg::DeleteTitle),
                &Msg::DeleteText.fill(
                    locale,
                    &[
                        &activity.code,
                        &activity.hours,
                        &crate::text::one_line(&activity.name),
                    ],
                ),
                &answers(
                    app,
                    &[
                        (Action::Confirm, Some("yes"), Msg::AnswerDelete),
                        (Action::Cancel, Some("no"), Msg::AnswerKeep),
                    ],
                ),
            );
        }
        Mode::ConfirmOverwrite => dialog::question(
            frame,
            area,
            app,
            text(Msg::ChangedTitle),
            &Msg::ChangedText.fill(locale, &[&file_name(app)]),
            &answers(
                app,
                &[
                    (Action::Overwrite, None, Msg::AnswerOverwrite),
                    (Action::Reload, None, Msg::AnswerReload),
                    (Action::Cancel, Some("cancel"), Msg::AnswerCancel),
                ],
            ),
        ),
        Mode::ConfirmReload => dialog::question(
            frame,
            area,
            app,
            text(Msg::ReloadTitle),
            &Msg::ReloadText.fill(locale, &[&file_name(app)]),
            &answers(
                app,
                &[
                    (Action::Confirm, Some("yes"), Msg::AnswerReloadYes),
                    (Action::Cancel, Some("no"), Msg::AnswerKeepEditing),
                ],
            ),
        ),
        Mode::ConfirmRecover(_) => dialog::question(
            frame,
            area,
            app,
            text(Msg::RecoverTitle),
            &Msg::RecoverText.fill(locale, &[&file_name(app), &file_name(app)]),
            &answers(
                app,
                &[
                    (Action::Confirm, Some("yes"), Msg::AnswerRecover),
                    (Action::Discard, None, Msg::AnswerDeleteThem),
                    (Action::Cancel, Some("cancel"), Msg::AnswerLater),
                ],
            ),
        ),
    }
}

/// A question's answers, `s save and quit · d discard and quit · c cancel`, with the keys
/// from the one key table.
fn answers(app: &App, answers: &[(Action, Option<&str>, Msg)]) -> String {
    let locale = app.locale();
    answers
        .iter()
        .filter_map(|(action, help, msg)| {
            let key = app.keys().key_for(Context::Question, *action, *help)?;
            Some(format!("{key} {}", msg.text(locale)))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The plan file's name, for messages.
fn file_name(app: &App) -> String {
    app.path()
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
}

/// Writes `text` at (`x`, `y`) in at most `width` columns, as [`Buffer::set_stringn`] does.
/// Text of [`one_cell`] characters (ASCII, Latin letters with their accents, common
/// punctuation: day numbers, codes, most Spanish and Portuguese names) is written a character
/// a cell: ratatui splits every string into grapheme clusters and measures each, which was a
/// quarter of a frame of the calendars and most of a Gantt row. Anything else goes through
/// `set_stringn`.
fn put(
    buffer: &mut Buffer,
    x: u16,
    y: u16,
    text: impl AsRef<str>,
    width: usize,
    style: Style,
) -> u16 {
    let text = text.as_ref();
    let ascii = text.is_ascii();
    let simple = if ascii {
        text.bytes().all(|byte| (b' '..=b'~').contains(&byte))
    } else {
        text.chars().all(one_cell)
    };
    if !simple {
        return buffer.set_stringn(x, y, text, width, style).0;
    }
    let cells = row_cells(buffer, x, y, width);
    let written = if ascii {
        fill(cells, text.bytes().map(char::from), style)
    } else {
        fill(cells, text.chars(), style)
    };
    x + written as u16
}

/// The cells of row `y` from column `x` on, at most `width` of them, as far as the buffer
/// goes (none when (`x`, `y`) is off it): a row's cells are consecutive, found once rather
/// than position by position.
fn row_cells(buffer: &mut Buffer, x: u16, y: u16, width: usize) -> &mut [ratatui::buffer::Cell] {
    let area = buffer.area;
    if !area.contains(Position::new(x, y)) {
        return &mut [];
    }
    let room = usize::from(area.right() - x).min(width);
    // `Buffer::index_of`, without its checks again (a call a row, 800 rows a frame).
    let start = usize::from(y - area.y) * usize::from(area.width) + usize::from(x - area.x);
    &mut buffer.content[start..start + room]
}

/// Puts one character a cell, as many as there are cells; returns how many were put.
fn fill(
    cells: &mut [ratatui::buffer::Cell],
    text: impl Iterator<Item = char>,
    style: Style,
) -> usize {
    let mut written = 0;
    for (cell, c) in cells.iter_mut().zip(text) {
        cell.set_char(c).set_style(style);
        written += 1;
    }
    written
}

/// True for a character that is one column wide and a grapheme cluster by itself next to any
/// other such character: printable ASCII, Latin-1's and Latin Extended-A/B's letters and
/// signs (not the soft hyphen, which has no width), dashes, quotes, `…`, `·`, `→`, the
/// header's `│`, `◆` and the detail line's `✓`.
/// (None of them joins a neighbour: they are not marks, joiners, prepended signs, Hangul or
/// regional indicators.)
fn one_cell(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{a0}'..='\u{ac}'
        | '\u{ae}'..='\u{24f}'
        | '\u{2013}' | '\u{2014}' | '\u{2018}'..='\u{201d}' | '\u{2026}' | '\u{2192}' | '\u{2502}'
        | '\u{25c6}' | '\u{2713}')
}

/// Renders `Paragraph::new(line).style(style)` on `area`: the header, the detail line and the
/// footer. A [`simple`] line is put span by span (a `Paragraph` splits and measures every
/// grapheme, a tenth of a frame for three lines); any other goes to the `Paragraph` itself.
fn put_line(buffer: &mut Buffer, area: Rect, line: Line, style: Style) {
    use ratatui::widgets::Widget;
    let area = area.intersection(buffer.area);
    if !simple(&line) || area.is_empty() {
        Paragraph::new(line).style(style).render(area, buffer);
        return;
    }
    buffer.set_style(area, style);
    put_spans(buffer, area, &line);
}

/// True for a left-aligned line of [`one_cell`] text, which [`put_spans`] writes.
fn simple(line: &Line) -> bool {
    use ratatui::layout::Alignment;
    line.alignment
        .is_none_or(|alignment| alignment == Alignment::Left)
        && line
            .spans
            .iter()
            .all(|span| span.content.chars().all(one_cell))
}

/// Puts the spans of a [`simple`] line from the left of `area`'s first row (on the buffer),
/// each in the line's style patched with its own, cut at `area`'s right edge: the cells a
/// `Paragraph` or a `Line` writes for it (they also style the area, each in its own way).
fn put_spans(buffer: &mut Buffer, area: Rect, line: &Line) {
    let mut x = area.x;
    for span in &line.spans {
        let room = usize::from(area.right() - x);
        if room == 0 {
            break;
        }
        x = put(
            buffer,
            x,
            area.y,
            &span.content,
            room,
            line.style.patch(span.style),
        );
    }
}

/// Puts one glyph of one column (a bar's `█`, a rest day's `·`) in the cell at (`x`, `y`), if
/// it is on the screen: a Gantt row has a cell each for most of its columns, and
/// `set_string` would split and measure each one-glyph string again.
fn put_glyph(buffer: &mut Buffer, x: u16, y: u16, glyph: &'static str, style: Style) {
    debug_assert_eq!(unicode_width::UnicodeWidthStr::width(glyph), 1);
    if let Some(cell) = buffer.cell_mut((x, y)) {
        cell.set_symbol(glyph).set_style(style);
    }
}

/// Draws `Block::bordered().border_style(style).title(title)` on `area`, exactly as ratatui
/// draws it, visiting only the border's cells. A `Block` first styles every cell of its area,
/// even with no style of its own, and the two panes' blocks were a quarter of a frame (and a
/// block of one row, for the title, still a tenth); so the border is the same symbols put cell
/// by cell, and the title is the same line rendered where the block renders it.
fn bordered_pane<'a>(buffer: &mut Buffer, area: Rect, style: Style, title: impl Into<Line<'a>>) {
    use ratatui::widgets::{Block, Widget};
    let area = area.intersection(buffer.area);
    let title = title.into();
    if area.height < 3 || area.width == 0 {
        Block::bordered()
            .border_style(style)
            .title(title)
            .render(area, buffer);
        return;
    }
    let line = ratatui::symbols::border::PLAIN;
    let (left, right, top, bottom) = (area.x, area.right() - 1, area.y, area.bottom() - 1);
    let inside = usize::from(right - left).saturating_sub(1);
    for (y, glyph) in [(top, line.horizontal_top), (bottom, line.horizontal_bottom)] {
        for cell in row_cells(buffer, left + 1, y, inside) {
            cell.set_symbol(glyph).set_style(style);
        }
    }
    for y in top + 1..bottom {
        put_glyph(buffer, left, y, line.vertical_left, style);
        put_glyph(buffer, right, y, line.vertical_right, style);
    }
    // In ratatui's order: in a pane one column wide, the left corners win.
    for (x, y, corner) in [
        (right, bottom, line.bottom_right),
        (right, top, line.top_right),
        (left, bottom, line.bottom_left),
        (left, top, line.top_left),
    ] {
        put_glyph(buffer, x, y, corner, style);
    }
    // The title as the block writes it: from the column after the corner, cut before the
    // other corner.
    let room = area.width.saturating_sub(2);
    let width = u16::try_from(title.width()).unwrap_or(u16::MAX).min(room);
    let title_area = Rect::new(left + 1, top, width, 1);
    if simple(&title) {
        // (The line's style on the title's area is the spans' own: they fill it.)
        put_spans(buffer, title_area, &title);
    } else {
        title.render(title_area, buffer);
    }
}

/// The border style of a pane: bright when it has the focus.
fn pane_style(app: &App, pane: Focus) -> Style {
    if app.focus == pane {
        app.theme().pane_focused
    } else {
        app.theme().pane
    }
}

/// The footer's hints for the pane with the keys: the keys from the one key table, the words
/// from the message table.
type Hint = (&'static [Action], Msg);

const CALENDAR_HINTS: &[Hint] = &[
    (&[Action::MoveDays(-1), Action::MoveDays(1)], Msg::HintMove),
    (
        &[Action::MoveMonths(-1), Action::MoveMonths(1)],
        Msg::HintMonth,
    ),
    (&[Action::ToggleHoliday], Msg::HintHoliday),
    (
        &[Action::ShiftHoliday(-1), Action::ShiftHoliday(1)],
        Msg::HintShiftHoliday,
    ),
    (&[Action::Search], Msg::HintSearch),
    (&[Action::SwitchFocus], Msg::HintGanttPane),
];

const GANTT_HINTS: &[Hint] = &[
    (&[Action::Select(-1), Action::Select(1)], Msg::HintSelect),
    (
        &[Action::ChangeHours(1), Action::ChangeHours(-1)],
        Msg::HintHours,
    ),
    (&[Action::EditActivity], Msg::HintEdit),
    (&[Action::AddActivity], Msg::HintAdd),
    (&[Action::DeleteActivity], Msg::HintDelete),
    (
        &[Action::MoveActivity(-1), Action::MoveActivity(1)],
        Msg::HintReorder,
    ),
    (&[Action::Search], Msg::HintSearch),
    (&[Action::SwitchFocus], Msg::HintCalendarPane),
];

/// What a tracked plan's panes add, first: logging hours on a day, marking an activity done.
const CALENDAR_TRACKING_HINTS: &[Hint] = &[(&[Action::LogHours], Msg::HintLog)];
const GANTT_TRACKING_HINTS: &[Hint] = &[
    (&[Action::ToggleDone], Msg::HintDone),
    (&[Action::SaveBaseline], Msg::HintBaseline),
];

const COMMON_HINTS: &[Hint] = &[
    (&[Action::Undo], Msg::HintUndo),
    (&[Action::Save], Msg::HintSave),
    (&[Action::Help], Msg::HintHelp),
    (&[Action::Quit], Msg::HintQuit),
];

/// `←/→`: the keys of `actions` in the focused pane (or everywhere), as the help names them.
fn hint_keys(keys: &KeyTable, actions: &[Action], pane: Context) -> String {
    actions
        .iter()
        .filter_map(|action| {
            keys.key_for(pane, *action, None)
                .or_else(|| keys.key_for(Context::Everywhere, *action, None))
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn footer(frame: &mut Frame, area: Rect, app: &App, both_panes: bool) {
    let theme = app.theme();
    let locale = app.locale();
    let line = match &app.status {
        Some(status) => Line::from(Span::styled(
            format!(" {} ", crate::text::one_line(&status.text)),
            if status.is_error {
                theme.status_error
            } else {
                theme.status_ok
            },
        )),
        None => {
            let (pane, hints, tracking) = match app.focus {
                Focus::Calendar => (Context::Calendar, CALENDAR_HINTS, CALENDAR_TRACKING_HINTS),
                Focus::Gantt => (Context::Gantt, GANTT_HINTS, GANTT_TRACKING_HINTS),
            };
            let tracking: &[Hint] = if app.plan().is_tracked() {
                tracking
            } else {
                &[]
            };
            // On a screen that shows one pane, `v` is how to see the other: always said.
            let view: &[Hint] = if both_panes {
                &[]
            } else {
                &[(&[Action::SwitchView], Msg::HintView)]
            };
            let render =
                |(actions, msg): &Hint| (hint_keys(app.keys(), actions, pane), msg.text(locale));
            let common: Vec<(String, &str)> = view.iter().chain(COMMON_HINTS).map(render).collect();
            let shown =
                |(key, what): &(String, &str)| key.chars().count() + what.chars().count() + 3;
            // The pane's own hints give way, last first, so the common keys always show.
            let room = usize::from(area.width).saturating_sub(common.iter().map(shown).sum());
            let mut used = 0;
            let fitting: Vec<(String, &str)> = tracking
                .iter()
                .chain(hints)
                .map(render)
                .take_while(|hint| {
                    used += shown(hint);
                    used <= room
                })
                .collect();
            let mut spans = Vec::new();
            for (key, what) in fitting.iter().chain(common.iter()) {
                spans.push(Span::styled(format!(" {key}"), theme.hint_key));
                spans.push(Span::styled(format!(" {what} "), theme.hint_text));
            }
            Line::from(spans)
        }
    };
    put_line(frame.buffer_mut(), area, line, Style::new());
}

fn too_small(frame: &mut Frame, area: Rect, locale: Locale) {
    let message = Msg::TooSmall.fill(
        locale,
        &[&area.width, &area.height, &MIN_SIZE.0, &MIN_SIZE.1],
    );
    let text = Paragraph::new(message)
        .style(Style::new().add_modifier(Modifier::BOLD))
        .wrap(Wrap { trim: true });
    let middle = area.height / 2;
    let area = Rect {
        y: area.y + middle.saturating_sub(1),
        height: area.height - middle.saturating_sub(1),
        ..area
    };
    frame.render_widget(text.centered(), area);
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    use ratatui::text::{Line, Span};

    use super::{bordered_pane, put, put_glyph};

    /// The pane border drawn a row and a column at a time is the bordered block ratatui draws,
    /// on any area (too small, a row, a column, off the buffer's edge), with any title (too
    /// long, wide characters, accents), over any content.
    #[test]
    fn a_pane_border_is_the_bordered_block() {
        use ratatui::widgets::{Block, Widget};
        let style = Style::new().fg(Color::Indexed(3));
        let screen = Rect::new(0, 0, 14, 9);
        for (width, height) in (0..=15).flat_map(|w| (0..=10).map(move |h| (w, h))) {
            for (x, y) in [(0, 0), (2, 1), (5, 4)] {
                let styled = Line::from(vec![Span::raw("Gantt · "), Span::styled("z", style)])
                    .style(Style::new().bg(Color::Blue));
                let titles = [
                    Line::from(""),
                    Line::from("Calendarios"),
                    Line::from("日本語の題"),
                    Line::from("Añø"),
                    styled,
                ];
                for title in titles {
                    let area = Rect::new(x, y, width, height);
                    let mut filled = Buffer::empty(screen);
                    for (index, cell) in filled.content.iter_mut().enumerate() {
                        cell.set_char(char::from(b'a' + (index % 26) as u8));
                        cell.set_style(Style::new().bg(Color::Indexed(index as u8)));
                    }
                    let mut ours = filled.clone();
                    bordered_pane(&mut ours, area, style, title.clone());
                    let area = area.intersection(screen);
                    Block::bordered()
                        .border_style(style)
                        .title(title.clone())
                        .render(area, &mut filled);
                    assert_eq!(ours, filled, "{area:?} {title}");
                }
            }
        }
    }

    /// The screen cut by hand is the screen ratatui's `Layout` cut, on every size from the
    /// smallest, with a Gantt of any height.
    #[test]
    fn panes_are_where_the_layout_puts_them() {
        use ratatui::layout::{Constraint, Layout};
        for height in super::MIN_SIZE.1..90 {
            let area = Rect::new(0, 3, 120, height);
            let expected = Layout::vertical([
                Constraint::Length(1),
                Constraint::Fill(1),
                Constraint::Length(1),
                Constraint::Length(1),
            ])
            .split(area);
            let (header, rest) = super::split_rows(area, 1);
            let (body, rest) = super::split_rows(rest, rest.height - 2);
            let (detail, footer) = super::split_rows(rest, 1);
            assert_eq!([header, body, detail, footer][..], expected[..], "{height}");
            for gantt_rows in 0..=body.height.saturating_sub(super::CALENDAR_ROWS) {
                let expected =
                    Layout::vertical([Constraint::Fill(1), Constraint::Length(gantt_rows)])
                        .split(body);
                let (months, chart) = super::split_rows(body, body.height - gantt_rows);
                assert_eq!([months, chart][..], expected[..], "{height} {gantt_rows}");
            }
        }
    }

    /// A line put span by span is the paragraph ratatui renders, for any text (one-cell or
    /// not), line and span styles, alignment, and area (off the buffer's edge, empty, two rows).
    #[test]
    fn putting_a_line_is_rendering_its_paragraph() {
        use ratatui::layout::Alignment;
        use ratatui::widgets::{Paragraph, Widget};
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let red = Style::new().fg(Color::Red).bg(Color::Indexed(4));
        let lines = [
            Line::from(" PPS │ 2023-09-13 08:00 → 2023-11-28 (A7) │ 310 h"),
            Line::from(vec![
                Span::styled(" Título", bold),
                Span::raw(" · "),
                Span::styled("A1 6 h 08:00–14:00 ✓", red),
            ]),
            Line::from(vec![Span::raw("日本 "), Span::styled("a\tb", red)]),
            Line::from("Ñandú « ÿ » ◆ e\u{301}"),
            Line::from(Span::styled(" centred ", bold)).alignment(Alignment::Center),
            Line::from(Span::styled(" right", red)).alignment(Alignment::Right),
            Line::from(vec![Span::raw(" a "), Span::raw(""), Span::raw("b")]).style(red),
            Line::default(),
        ];
        let screen = Rect::new(0, 0, 12, 3);
        for line in &lines {
            for area in [
                Rect::new(0, 0, 12, 1),
                Rect::new(3, 1, 5, 2),
                Rect::new(10, 2, 6, 1),
                Rect::new(2, 0, 0, 1),
                Rect::new(0, 5, 4, 1),
            ] {
                for style in [Style::new(), red, bold] {
                    let mut filled = Buffer::empty(screen);
                    for (index, cell) in filled.content.iter_mut().enumerate() {
                        cell.set_char(char::from(b'a' + (index % 26) as u8));
                        cell.set_style(Style::new().fg(Color::Indexed(index as u8)));
                    }
                    let mut ours = filled.clone();
                    super::put_line(&mut ours, area, line.clone(), style);
                    Paragraph::new(line.clone())
                        .style(style)
                        .render(area, &mut filled);
                    assert_eq!(ours, filled, "{line:?} on {area:?} in {style:?}");
                }
            }
        }
    }

    /// The fast writers leave a buffer exactly as ratatui's own would, wherever they write.
    #[test]
    fn writing_a_byte_a_cell_is_what_set_stringn_writes() {
        let style = Style::new().fg(Color::Indexed(5));
        let texts = [
            "A1",
            " 9",
            "Sem",
            "",
            "12345678901234",
            "Año",
            "a\tb",
            "日本",
            "~|{",
            "Búsqueda y revisión bibliográfica…",
            "Ñandú · Ação – «ÿ» → ◆",
            "soft\u{ad}hyphen",
        ];
        for text in texts {
            for (x, width) in [(0, 20), (3, 4), (7, 20), (9, 1), (10, 5)] {
                let area = Rect::new(0, 0, 10, 2);
                let (mut ours, mut theirs) = (Buffer::empty(area), Buffer::empty(area));
                let at = put(&mut ours, x, 1, text, width, style);
                let (their_x, _) = theirs.set_stringn(x, 1, text, width, style);
                assert_eq!(ours, theirs, "{text:?} at {x} in {width}");
                assert_eq!(at, their_x, "{text:?} at {x} in {width}");
            }
        }
        // Every character of the fast path, between others and at the edge.
        let area = Rect::new(0, 0, 6, 1);
        for c in (0..0x2800)
            .filter_map(char::from_u32)
            .filter(|c| super::one_cell(*c))
        {
            for text in [format!("a{c}{c}b"), format!("{c}é")] {
                let (mut ours, mut theirs) = (Buffer::empty(area), Buffer::empty(area));
                let at = put(&mut ours, 2, 0, &text, 9, style);
                let (their_x, _) = theirs.set_stringn(2, 0, &text, 9, style);
                assert_eq!((ours, at), (theirs, their_x), "{:x}", u32::from(c));
            }
        }
        let area = Rect::new(0, 0, 4, 1);
        let (mut ours, mut theirs) = (Buffer::empty(area), Buffer::empty(area));
        for x in 0..6 {
            put_glyph(&mut ours, x, 0, "█", style);
            if x < 4 {
                theirs.set_string(x, 0, "█", style);
            }
        }
        assert_eq!(ours, theirs);
    }
}
