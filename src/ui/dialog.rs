//! Pop-ups: forms and yes/no questions, centred over the screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::keys::Context;
use crate::app::{Action, App, CommandPalette, Form};
use crate::messages::Msg;

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

/// The frame every pop-up has: a border in the theme's colour, a space inside, the title.
fn popup_block<'a>(app: &App, title: &str) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme().dialog_border)
        .padding(Padding::horizontal(1))
        .title(format!(" {title} "))
}

fn frame_popup(frame: &mut Frame, area: Rect, app: &App, title: &str, lines: Vec<Line<'_>>) {
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(popup_block(app, title))
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// A form: one line per field, the focused one marked with its cursor, the last error in red,
/// and the keys (from the one key table) under it.
pub(super) fn form(frame: &mut Frame, area: Rect, form: &Form, app: &App) {
    let locale = app.locale();
    let label_width = form
        .fields
        .iter()
        .map(|field| field.label.width())
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
        let value = if focused {
            // The cursor where typing goes.
            let at = field
                .value
                .char_indices()
                .nth(field.cursor)
                .map_or(field.value.len(), |(at, _)| at);
            format!("{}▏{}", &field.value[..at], &field.value[at..])
        } else {
            format!("{} ", field.value)
        };
        lines.push(Line::from(vec![
            Span::styled(
                crate::text::pad_left(field.label, label_width) + ": ",
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::styled(value, value_style),
        ]));
    }
    for suggestion in &form.suggestions {
        lines.push(Line::from(Span::styled(
            format!("  {}", crate::text::one_line(suggestion)),
            app.theme().faint,
        )));
    }
    lines.push(Line::raw(""));
    if let Some(error) = &form.error {
        lines.push(Line::from(Span::styled(
            crate::text::one_line(error).into_owned(),
            app.theme().dialog_error,
        )));
    }
    let keys = [
        (Action::Confirm, Msg::HintAccept),
        (Action::Cancel, Msg::HintCancel),
        (Action::NextField, Msg::HintNextField),
    ];
    let hints: Vec<String> = keys
        .iter()
        .filter_map(|(action, msg)| {
            let key = app.keys().key_for(Context::Form, *action, None)?;
            Some(format!("{key} {}", msg.text(locale)))
        })
        .collect();
    lines.push(Line::from(Span::styled(
        hints.join(" · "),
        app.theme().faint,
    )));
    let height = lines.len() as u16 + 2;
    // Wide enough for the longest value, so a long name does not wrap over the hints.
    let longest = form
        .fields
        .iter()
        .map(|field| field.value.chars().count())
        .max()
        .unwrap_or(0);
    let width = (label_width + longest + 9)
        .max(70)
        .min(usize::from(area.width)) as u16;
    frame_popup(frame, centred(area, width, height), app, &form.title, lines);
}

/// The command palette: what was typed, the commands that match with their keys (the chosen
/// one highlighted, the list scrolled to keep it in view), and the palette's keys under them.
pub(super) fn palette(frame: &mut Frame, area: Rect, palette: &CommandPalette, app: &App) {
    let locale = app.locale();
    let matching = palette.matching(app.keys(), locale);
    let width = area.width.min(66);
    let room = usize::from(width).saturating_sub(FRAME_WIDTH);
    // Borders, the query, a blank line, a blank line and the hints around the list.
    let list_rows = usize::from(area.height.saturating_sub(6)).clamp(1, 12);
    let first = palette.selected.saturating_sub(list_rows - 1);
    let query = crate::text::one_line(&palette.query);
    let mut lines = vec![
        Line::from(vec![
            Span::styled("> ", app.theme().faint),
            Span::raw(format!("{query}▏")),
        ]),
        Line::raw(""),
    ];
    for (index, command) in matching.iter().enumerate().skip(first).take(list_rows) {
        let keys = command.keys.as_str();
        let said_room = room.saturating_sub(keys.width() + 1);
        let said = crate::text::fitting_start(command.help.text(locale), said_room);
        let text = format!(
            "{}{keys}",
            crate::text::pad_right(said, room - keys.width())
        );
        let style = if index == palette.selected {
            app.theme().selected_row
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    if matching.is_empty() {
        let nothing = Msg::PaletteNothing.fill(locale, &[&query]);
        lines.push(Line::from(Span::styled(nothing, app.theme().faint)));
    }
    lines.push(Line::raw(""));
    let key = |action| app.keys().key_for(Context::Palette, action, None);
    let hints: Vec<String> = [
        (key(Action::Confirm), Msg::HintRun),
        (key(Action::Cancel), Msg::HintCancel),
        (
            key(Action::Select(-1))
                .zip(key(Action::Select(1)))
                .map(|(up, down)| up + &down),
            Msg::HintSelect,
        ),
    ]
    .into_iter()
    .filter_map(|(key, msg)| Some(format!("{} {}", key?, msg.text(locale))))
    .collect();
    lines.push(Line::from(Span::styled(
        hints.join(" · "),
        app.theme().faint,
    )));
    let height = lines.len() as u16 + 2;
    let title = Msg::PaletteTitle.text(locale);
    let popup = centred(area, width, height);
    frame.render_widget(Clear, popup);
    // Not wrapped: each command is one row, cut to fit.
    frame.render_widget(Paragraph::new(lines).block(popup_block(app, title)), popup);
}

/// Borders and padding around a pop-up's text, across.
const FRAME_WIDTH: usize = 4;

/// A question with its answers, in a box wide enough for the answers and tall enough for the
/// question once wrapped.
pub(super) fn question(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    title: &str,
    text: &str,
    answers: &str,
) {
    let widest = text.width().max(answers.width()) + FRAME_WIDTH;
    let width = widest.clamp(40, 72).min(usize::from(area.width));
    let text_room = width.saturating_sub(FRAME_WIDTH).max(1);
    let text_rows = wrapped_rows(text, text_room);
    let lines = vec![
        Line::raw(""),
        Line::raw(text.to_owned()),
        Line::raw(""),
        Line::from(Span::styled(
            answers.to_owned(),
            Style::new().add_modifier(Modifier::BOLD),
        )),
    ];
    let height = (text_rows + 5) as u16;
    frame_popup(
        frame,
        centred(area, width as u16, height),
        app,
        title,
        lines,
    );
}

/// How many rows `text` takes when wrapped at word boundaries to `room` columns.
fn wrapped_rows(text: &str, room: usize) -> usize {
    let (mut rows, mut used) = (1, 0);
    for word in text.split(' ').map(UnicodeWidthStr::width) {
        if used > 0 && used + 1 + word > room {
            rows += 1;
            used = 0;
        }
        used += word + usize::from(used > 0);
        // A word wider than the room is broken over as many rows as it needs.
        rows += used.saturating_sub(1) / room.max(1);
        used = used.min(room);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::wrapped_rows;

    #[test]
    fn wrapping_counts_rows_at_word_boundaries() {
        assert_eq!(wrapped_rows("short", 10), 1);
        assert_eq!(wrapped_rows("two words", 9), 1);
        assert_eq!(wrapped_rows("two words", 8), 2);
        assert_eq!(wrapped_rows("aaaa bbbb cccc", 9), 2);
    }
}
