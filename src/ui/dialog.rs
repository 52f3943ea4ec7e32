//! Pop-ups: forms and yes/no questions, centred over the screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::Form;

/// A rectangle of `width`×`height` in the middle of `area`.
pub(super) fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [middle] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    middle
}

fn frame_popup(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'_>>) {
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(Color::Yellow))
        .title(format!(" {title} "));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// A form: one line per field, the focused one marked, the last error in red.
pub(super) fn form(frame: &mut Frame, area: Rect, form: &Form) {
    let label_width = form
        .fields
        .iter()
        .map(|field| field.label.len())
        .max()
        .unwrap_or(0);
    let mut lines = vec![Line::raw("")];
    for (index, field) in form.fields.iter().enumerate() {
        let focused = index == form.focus;
        let value_style = if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        };
        let cursor = if focused { "▏" } else { " " };
        lines.push(Line::from(vec![
            Span::styled(
                format!(" {:>label_width$}: ", field.label),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::styled(format!("{}{cursor}", field.value), value_style),
        ]));
    }
    lines.push(Line::raw(""));
    if let Some(error) = &form.error {
        lines.push(Line::from(Span::styled(
            format!(" {error}"),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        )));
    }
    lines.push(Line::from(Span::styled(
        " Enter accept · Esc cancel · Tab next field",
        Style::new().add_modifier(Modifier::DIM),
    )));
    let height = lines.len() as u16 + 2;
    // Wide enough for the longest value, so a long name does not wrap over the hints.
    let longest = form
        .fields
        .iter()
        .map(|field| field.value.chars().count())
        .max()
        .unwrap_or(0);
    let width = (label_width + longest + 8)
        .max(70)
        .min(usize::from(area.width)) as u16;
    frame_popup(frame, centred(area, width, height), &form.title, lines);
}

/// A question with its answers.
pub(super) fn question(frame: &mut Frame, area: Rect, title: &str, text: &str, answers: &str) {
    let lines = vec![
        Line::raw(""),
        Line::raw(format!(" {text}")),
        Line::raw(""),
        Line::from(Span::styled(
            format!(" {answers}"),
            Style::new().add_modifier(Modifier::BOLD),
        )),
    ];
    frame_popup(frame, centred(area, 64, 7), title, lines);
}
