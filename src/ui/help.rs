//! The `?` overlay, generated from the key table so it can never disagree with the keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::keys::{BINDINGS, Context, key_name};

/// The help's lines: a heading per context, then `keys  what they do`, with keys that do the
/// same thing in the same context joined (`Space, f`). Forms and questions show their own keys.
fn lines() -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for context in [Context::Everywhere, Context::Calendar, Context::Gantt] {
        lines.push(Line::from(Span::styled(
            context.title(),
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        )));
        let mut entries: Vec<(String, &str)> = Vec::new();
        for binding in BINDINGS.iter().filter(|binding| binding.context == context) {
            let name = key_name(binding);
            match entries.iter_mut().find(|(_, help)| *help == binding.help) {
                Some((keys, _)) => {
                    keys.push_str(", ");
                    keys.push_str(&name);
                }
                None => entries.push((name, binding.help)),
            }
        }
        let key_width = entries
            .iter()
            .map(|(keys, _)| keys.chars().count())
            .max()
            .unwrap_or(0);
        for (keys, help) in entries {
            lines.push(Line::from(vec![
                Span::styled(
                    format!(" {keys:<key_width$} "),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(help),
            ]));
        }
    }
    lines
}

/// Draws the help in a box as small as its text allows: one column when the screen is tall
/// enough, more side by side when it is not.
pub(super) fn draw(frame: &mut Frame, area: Rect) {
    let lines = lines();
    let column_width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 2;
    let rows = (lines.len() as u16)
        .min(area.height.saturating_sub(2))
        .max(1);
    let columns = (lines.len() as u16).div_ceil(rows).max(1);
    let popup = super::dialog::centred(area, columns * column_width + 2, rows + 2);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(Color::Cyan))
        .title(" Keys · any key closes ");
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let areas = Layout::horizontal(vec![Constraint::Length(column_width); usize::from(columns)])
        .split(inner);
    for (chunk, column) in lines.chunks(usize::from(rows)).zip(areas.iter()) {
        frame.render_widget(Paragraph::new(chunk.to_vec()), *column);
    }
}
