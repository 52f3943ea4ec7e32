//! Drawing the interactive view from an [`App`]. Widgets here only read the state.

mod calendar;
mod dialog;
mod gantt;
mod header;
mod help;

use ratatui::Frame;
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{Action, App, Focus, Mode, View};

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
    footer: Rect,
}

impl Panes {
    fn of(area: Rect, app: &App) -> Option<Self> {
        if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
            return None;
        }
        let [header, body, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let (calendar, gantt) = if area.width >= BOTH_VIEWS.0 && area.height >= BOTH_VIEWS.1 {
            let [months, chart] =
                Layout::vertical([Constraint::Length(CALENDAR_ROWS), Constraint::Fill(1)])
                    .areas(body);
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
            footer,
        })
    }
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
        too_small(frame, area);
        return;
    };
    header::draw(frame, panes.header, app);
    if let Some(pane) = panes.calendar {
        calendar::draw(frame, pane, app);
    }
    if let Some(pane) = panes.gantt {
        gantt::draw(frame, pane, app);
    }
    footer(frame, panes.footer, app);
    match &app.mode {
        Mode::Normal => {}
        Mode::Help => help::draw(frame, area),
        Mode::Form(form) => dialog::form(frame, area, form),
        Mode::ConfirmQuit => dialog::question(
            frame,
            area,
            "Unsaved changes",
            "The plan has changes that are not saved.",
            "s save and quit · d discard and quit · c cancel",
        ),
        Mode::ConfirmDelete(index) => {
            let activity = &app.plan().activities[*index];
            dialog::question(
                frame,
                area,
                "Delete activity",
                &format!(
                    "Delete {} ({} h) {}?",
                    activity.code,
                    activity.hours,
                    crate::text::one_line(&activity.name)
                ),
                "y delete · n keep it",
            );
        }
        Mode::ConfirmOverwrite => dialog::question(
            frame,
            area,
            "Changed on disk",
            &format!(
                "{} was changed by another program since it was loaded.",
                file_name(app)
            ),
            "o overwrite it · r reload it (drops your changes) · c cancel",
        ),
        Mode::ConfirmReload => dialog::question(
            frame,
            area,
            "Reload",
            &format!(
                "Drop your unsaved changes and load {} from disk?",
                file_name(app)
            ),
            "y reload · n keep editing",
        ),
        Mode::ConfirmRecover(_) => dialog::question(
            frame,
            area,
            "Unsaved edits found",
            &format!(
                "An earlier session of {} ended with unsaved edits; they were kept in {}.recover.",
                file_name(app),
                file_name(app)
            ),
            "y recover them · d delete them · c decide later",
        ),
    }
}

/// The plan file's name, for messages.
fn file_name(app: &App) -> String {
    app.path()
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
}

/// The border style of a pane: bright when it has the focus.
fn pane_style(app: &App, pane: Focus) -> Style {
    if app.focus == pane {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::DIM)
    }
}

fn footer(frame: &mut Frame, area: Rect, app: &App) {
    let line = match &app.status {
        Some(status) if status.is_error => Line::from(Span::styled(
            format!(" {} ", crate::text::one_line(&status.text)),
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
        )),
        Some(status) => Line::from(Span::styled(
            format!(" {} ", crate::text::one_line(&status.text)),
            Style::new().fg(Color::Black).bg(Color::Green),
        )),
        None => {
            let hints: &[(&str, &str)] = match app.focus {
                Focus::Calendar => &[
                    ("←→↑↓", "move"),
                    ("PgUp/PgDn", "month"),
                    ("Space", "holiday"),
                    ("Shift+←→", "shift holiday"),
                    ("Tab", "Gantt"),
                ],
                Focus::Gantt => &[
                    ("↑↓", "select"),
                    ("+/-", "hours"),
                    ("e", "edit"),
                    ("a", "add"),
                    ("d", "delete"),
                    ("K/J", "reorder"),
                    ("Tab", "calendars"),
                ],
            };
            let common = [("u", "undo"), ("s", "save"), ("?", "help"), ("q", "quit")];
            // The pane's own hints give way, last first, so the common keys always show.
            let shown = |(key, what): &(&str, &str)| key.chars().count() + what.chars().count() + 3;
            let room = usize::from(area.width).saturating_sub(common.iter().map(shown).sum());
            let mut used = 0;
            let fitting = hints.iter().take_while(|hint| {
                used += shown(hint);
                used <= room
            });
            let mut spans = Vec::new();
            for (key, what) in fitting.chain(common.iter()) {
                spans.push(Span::styled(
                    format!(" {key}"),
                    Style::new().add_modifier(Modifier::BOLD),
                ));
                spans.push(Span::styled(
                    format!(" {what} "),
                    Style::new().add_modifier(Modifier::DIM),
                ));
            }
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}

fn too_small(frame: &mut Frame, area: Rect) {
    let message = format!(
        "Terminal too small: {}×{}. cronograma needs at least {}×{}.",
        area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
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
