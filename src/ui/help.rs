//! The `?` overlay, generated from the key table so it can never disagree with the keys, in the
//! plan's language, with a legend of every mark the calendars and the Gantt use.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::app::keys::{Context, key_name};
use crate::locale::words;
use crate::messages::Msg;
use crate::plan::Locale;

/// The help's lines: a heading per context, then `keys  what they do`, with keys that do the
/// same thing in the same context joined (`Space, f`); forms and questions show their own keys
/// where they open. Then the legend.
fn lines(app: &App) -> Vec<Line<'static>> {
    let locale = app.locale();
    let heading = app.theme().help_heading;
    let mut lines = Vec::new();
    for context in [Context::Everywhere, Context::Calendar, Context::Gantt] {
        lines.push(Line::from(Span::styled(context.title(locale), heading)));
        let mut entries: Vec<(String, &str)> = Vec::new();
        let bindings = app.keys().bindings();
        for binding in bindings.iter().filter(|binding| binding.context == context) {
            let name = key_name(binding);
            let help = binding.help.text(locale);
            match entries.iter_mut().find(|(_, said)| *said == help) {
                Some((keys, _)) => {
                    keys.push_str(", ");
                    keys.push_str(&name);
                }
                None => entries.push((name, help)),
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
                    format!(" {} ", crate::text::pad_right(&keys, key_width)),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(help),
            ]));
        }
    }
    lines.push(Line::from(Span::styled(
        Msg::LegendTitle.text(locale),
        heading,
    )));
    lines.extend(legend(locale));
    lines
}

/// What the marks mean: the holiday mark of the plan's language, `+`, `*`, `◆`, part days,
/// the colours, and the mouse.
fn legend(locale: Locale) -> Vec<Line<'static>> {
    let mark = words(locale).holiday_mark;
    [
        Msg::LegendHolidayMark.fill(locale, &[&mark]),
        Msg::LegendShared.text(locale).to_owned(),
        Msg::LegendCritical.text(locale).to_owned(),
        Msg::LegendMilestone.text(locale).to_owned(),
        Msg::LegendPartDay.text(locale).to_owned(),
        Msg::LegendColours.text(locale).to_owned(),
        Msg::LegendBusy.text(locale).to_owned(),
        Msg::LegendLogged.text(locale).to_owned(),
        Msg::LegendPlanned.text(locale).to_owned(),
        Msg::LegendMouse.text(locale).to_owned(),
    ]
    .into_iter()
    .map(|text| Line::raw(format!(" {text}")))
    .collect()
}

/// Draws the help in a box as small as its text allows: one column when the screen is tall
/// enough, more side by side when it is not, and pages (← →) when even those do not fit.
pub(super) fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let lines = lines(app);
    let column_width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 2;
    let rows = (lines.len() as u16)
        .min(area.height.saturating_sub(2))
        .max(1);
    let columns = (lines.len() as u16).div_ceil(rows).max(1);
    let fit = (area.width.saturating_sub(2) / column_width.max(1)).clamp(1, columns);
    let pages = columns.div_ceil(fit);
    let page = (app.help_page as u16).min(pages - 1);
    let shown = fit.min(columns - page * fit);
    let popup = super::dialog::centred(area, shown * column_width + 2, rows + 2);
    let locale = app.locale();
    let title = if pages > 1 {
        Msg::HelpPages.fill(locale, &[&(page + 1), &pages])
    } else {
        Msg::HelpTitle.text(locale).to_owned()
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme().help_heading)
        .title(title);
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let areas =
        Layout::horizontal(vec![Constraint::Length(column_width); usize::from(shown)]).split(inner);
    let chunks = lines
        .chunks(usize::from(rows))
        .skip(usize::from(page * fit));
    for (chunk, column) in chunks.zip(areas.iter()) {
        frame.render_widget(Paragraph::new(chunk.to_vec()), *column);
    }
}
