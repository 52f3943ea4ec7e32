//! Drawing the interactive view from an [`App`]. Widgets here only read the state.

mod calendar;
mod dialog;
mod gantt;
mod header;
mod help;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, Focus, Mode, View};

/// The smallest terminal the view is drawn in.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Terminals at least this large show the calendars and the Gantt together.
const BOTH_VIEWS: (u16, u16) = (100, 30);

/// Rows the calendars take: month title, weekday heading, up to six weeks, and a border.
const CALENDAR_ROWS: u16 = 10;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        too_small(frame, area);
        return;
    }
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    header::draw(frame, top, app);
    if area.width >= BOTH_VIEWS.0 && area.height >= BOTH_VIEWS.1 {
        let [months, chart] =
            Layout::vertical([Constraint::Length(CALENDAR_ROWS), Constraint::Fill(1)]).areas(body);
        calendar::draw(frame, months, app);
        gantt::draw(frame, chart, app);
    } else {
        match app.view {
            View::Calendar => calendar::draw(frame, body, app),
            View::Gantt => gantt::draw(frame, body, app),
        }
    }
    footer(frame, bottom, app);
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
                    activity.code, activity.hours, activity.name
                ),
                "y delete · n keep it",
            );
        }
    }
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
            format!(" {} ", status.text),
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
        )),
        Some(status) => Line::from(Span::styled(
            format!(" {} ", status.text),
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
            let mut spans = Vec::new();
            for (key, what) in hints.iter().chain(common.iter()) {
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
