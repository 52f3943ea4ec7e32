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
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::keys::{Context, KeyTable};
use crate::app::{Action, Answer, App, Focus, Mode, View};
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
        // A row each for the header, the detail and the footer; the body between.
        let [header, body, detail, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let (calendar, gantt) = if area.width >= BOTH_VIEWS.0 && area.height >= BOTH_VIEWS.1 {
            // The Gantt takes the rows its activities need (and its ruler and border); the
            // calendars the rest, in as many rows of months as fit.
            let needed = app.plan().activities.len() as u16 + 4;
            let gantt_rows = needed.min(body.height.saturating_sub(CALENDAR_ROWS));
            let [months, chart] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(gantt_rows)]).areas(body);
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
    draw_pop_up(frame, area, app);
}

/// The pop-up the mode asks for (help, a form, a question), over the panes.
fn draw_pop_up(frame: &mut Frame, area: Rect, app: &App) {
    match &app.mode {
        Mode::Normal => {}
        Mode::Help => help::draw(frame, area, app),
        Mode::Form(form) => dialog::form(frame, area, form, app),
        Mode::Ask(question) => {
            let title = question.title().text(app.locale());
            let body = app.question_text(question);
            let answers = answers(app, question.answers());
            dialog::question(frame, area, app, title, &body, &answers);
        }
        Mode::Palette(palette) => dialog::palette(frame, area, palette, app),
    }
}

/// A question's answers, `s save and quit · d discard and quit · c cancel`, with the keys
/// from the one key table.
fn answers(app: &App, answers: &[Answer]) -> String {
    let locale = app.locale();
    answers
        .iter()
        .filter_map(|answer| {
            let key = app
                .keys()
                .key_for(Context::Question, answer.action, answer.key)?;
            Some(format!("{key} {}", answer.says.text(locale)))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Puts one glyph of one column (a bar's `█`, a rest day's `·`) in the cell at (`x`, `y`), if
/// it is on the screen.
fn put_glyph(buffer: &mut Buffer, x: u16, y: u16, glyph: &'static str, style: Style) {
    if let Some(cell) = buffer.cell_mut((x, y)) {
        cell.set_symbol(glyph).set_style(style);
    }
}

/// A pane's frame: a bordered block with its title, in the pane's border style.
fn pane_block<'a>(style: Style, title: impl Into<Line<'a>>) -> Block<'a> {
    Block::bordered().border_style(style).title(title)
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

/// What the footer says, on one line of `width` columns: a message too long for it is cut
/// between words, ending in `…`, never mid-word.
fn footer_text(text: &str, width: u16) -> String {
    let text = crate::text::one_line(text);
    let room = usize::from(width).saturating_sub(2);
    match unicode_width::UnicodeWidthStr::width(&*text) > room {
        true => detail::cut_between_words(&text, room),
        false => text.into_owned(),
    }
}

fn footer(frame: &mut Frame, area: Rect, app: &App, both_panes: bool) {
    let theme = app.theme();
    let locale = app.locale();
    let line = match &app.status {
        Some(status) => Line::from(Span::styled(
            format!(" {} ", footer_text(&status.text, area.width)),
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
    frame.render_widget(Paragraph::new(line), area);
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
    #[test]
    fn a_footer_message_too_long_is_cut_between_words() {
        let said =
            "2023-10-09 – 2023-10-13 ahora son feriados; el 2023-10-13 pierde sus horas propias";
        assert_eq!(super::footer_text(said, 120), said);
        assert_eq!(
            super::footer_text(said, 80),
            "2023-10-09 – 2023-10-13 ahora son feriados; el 2023-10-13 pierde sus horas …"
        );
    }
}
