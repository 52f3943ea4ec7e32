//! The top line: title, span, hours, working window, and the unsaved-changes mark.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::messages::Msg;

pub(super) fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let plan = app.plan();
    let schedule = app.schedule();
    let moment = crate::export::format_moment;
    let theme = app.theme();
    let strong = Style::new().add_modifier(Modifier::BOLD);
    let mut title = vec![Span::styled(
        format!(" {}", crate::text::one_line(plan.title())),
        theme.header_title,
    )];
    if app.is_dirty() {
        title.push(Span::styled(" [+]", theme.header_dirty));
    }
    let file_name = app.file_name();
    // In the order shown. When the line is too narrow the file name and the total hours give
    // way first, then the title is shortened (down to a few letters), and only then do the
    // last parts go: the working window stays on an 80-column screen.
    // A tracked plan's progress and slip come right after the title: on a narrow screen they
    // are what a person following the plan looks for.
    let file_name = vec![Span::styled(file_name, theme.faint)];
    let hours = vec![Span::raw(format!("{} h", schedule.total_hours()))];
    let mut sections = vec![
        title,
        tracking(app),
        over_allocation(app),
        vec![
            Span::raw(format!("{} → ", moment(schedule.start()))),
            Span::styled(moment(schedule.end()), strong),
            // The end is the critical path's: name the activity that sets it.
            Span::raw(match schedule.critical_path().last() {
                Some(last) => format!(" ({})", plan.activities[*last].code),
                None => String::new(),
            }),
        ],
        hours.clone(),
        vec![Span::raw(
            Msg::HoursPerDay.fill(
                app.locale(),
                &[
                    &schedule.calendar().hours_per_day(),
                    &schedule
                        .calendar()
                        .windows_text_naming(&crate::locale::words(app.locale()).weekdays),
                ],
            ),
        )],
        file_name.clone(),
    ];
    sections.retain(|section| !section.is_empty());
    let separator = " │ ";
    let width = |sections: &[Vec<Span>]| -> usize {
        let text: usize = sections.iter().flatten().map(Span::width).sum();
        text + separator.chars().count() * sections.len().saturating_sub(1)
    };
    let room = usize::from(area.width);
    for giving_way in [&file_name, &hours] {
        if width(&sections) > room {
            sections.retain(|section| section != giving_way);
        }
    }
    if width(&sections) > room {
        let over = width(&sections) - room;
        shorten_title(&mut sections[0], over);
    }
    while sections.len() > 2 && width(&sections) > room {
        sections.pop();
    }
    let mut spans = Vec::new();
    for (index, section) in sections.into_iter().enumerate() {
        if index > 0 {
            spans.push(Span::raw(separator));
        }
        spans.extend(section);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.header), area);
}

/// A tracked plan's progress and slip (`21 % hecho · 7 días hábiles de atraso`); nothing for a
/// plan without a log.
fn tracking(app: &App) -> Vec<Span<'static>> {
    let Some((percent, slip)) = crate::status::headline(app.plan(), app.schedule()) else {
        return Vec::new();
    };
    let locale = app.locale();
    let mut spans = vec![Span::styled(
        Msg::HeaderProgress.fill(locale, &[&percent]),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    if let Some(days) = slip {
        let style = if days > 0 {
            Style::new().fg(app.theme().holiday)
        } else {
            Style::new()
        };
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(
            crate::export::status::slip_words(locale, days),
            style,
        ));
    }
    spans
}

/// Who is given more than their day, and on how many days (`sobreasignación: Ana, Luis (3
/// días)`): only a plan whose people's activities run side by side (`ordering: LinksOnly`)
/// can over-allocate, so only its frames pay for the look.
fn over_allocation(app: &App) -> Vec<Span<'static>> {
    if app.plan().ordering != crate::plan::Ordering::LinksOnly {
        return Vec::new();
    }
    let over = app.schedule().over_allocated(app.plan());
    if over.is_empty() {
        return Vec::new();
    }
    let mut who: Vec<String> = Vec::new();
    for day in &over {
        let name = crate::text::one_line(&day.who).into_owned();
        if who.last() != Some(&name) {
            who.push(name);
        }
    }
    vec![Span::styled(
        Msg::HeaderOverAllocated.fill(app.locale(), &[&who.join(", "), &over.len()]),
        Style::new().fg(app.theme().holiday),
    )]
}

/// Cuts `over` columns off the title (its first span), keeping at least a few letters and
/// ending it in `…`.
fn shorten_title(title: &mut [Span<'static>], over: usize) {
    const KEPT: usize = 12;
    let Some(first) = title.first_mut() else {
        return;
    };
    let text = first.content.to_string();
    let columns = text.width();
    if columns <= KEPT + 1 {
        return;
    }
    let target = columns.saturating_sub(over + 1).max(KEPT);
    let kept = crate::text::fitting_start(&text, target);
    first.content = format!("{}…", kept.trim_end()).into();
}
