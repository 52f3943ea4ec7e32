//! The top line: title, span, hours, working window, and the unsaved-changes mark.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::plan::fields::format_minutes;

pub(super) fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let plan = app.plan();
    let schedule = app.schedule();
    let moment = |at: chrono::NaiveDateTime| at.format("%Y-%m-%d %H:%M").to_string();
    let (opens, closes) = plan.window_minutes();
    let strong = Style::new().add_modifier(Modifier::BOLD);
    let mut spans = vec![Span::styled(
        format!(" {} ", plan.title()),
        strong.fg(Color::Cyan),
    )];
    if app.is_dirty() {
        spans.push(Span::styled("[+] ", strong.fg(Color::Yellow)));
    }
    spans.extend([
        Span::raw(format!("│ {} → ", moment(schedule.start()))),
        Span::styled(moment(schedule.end()), strong),
        Span::raw(format!(
            " │ {} h │ {} h/day {}–{} │ ",
            schedule.total_hours(),
            plan.hours_per_day,
            format_minutes(opens),
            format_minutes(closes)
        )),
        Span::styled(
            app.path()
                .file_name()
                .map_or_else(String::new, |name| name.to_string_lossy().into_owned()),
            Style::new().add_modifier(Modifier::DIM),
        ),
    ]);
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(Style::new().bg(Color::Indexed(236))),
        area,
    );
}
