//! The detail line: what is under the cursor, said in full. With the Gantt's keys, the
//! selected activity (its start and end, hours, person, constraints, whether it is critical);
//! with the calendars', the cursor's day (the work on it and when, or its holiday's name).

use crate::export::format_moment as moment;
use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Focus};
use crate::calendar::{DayKind, day_info_for};
use crate::locale::words;
use crate::messages::Msg;
use crate::plan::fields::format_time;
use crate::text::one_line;
use unicode_width::UnicodeWidthStr;

/// The line's parts, most important first (the line drops them from the end).
/// `columns` is the line's width: a name too long for it is shortened so that the
/// activity's dates still show.
pub(super) fn parts(app: &App, columns: usize) -> Vec<String> {
    match app.focus {
        Focus::Gantt => activity(app, columns),
        Focus::Calendar => day(app, app.cursor),
    }
}

/// `parts` joined by ` · `, as many whole parts as fit in `columns`, least important (last)
/// dropped first: a part is never cut mid-word. A first part wider than the line alone is cut
/// between words (a day's work: between activities), ending in `…`.
fn fitted(parts: &[String], columns: usize) -> String {
    let mut line = String::new();
    for part in parts {
        let joined = if line.is_empty() {
            part.clone()
        } else {
            format!("{line} · {part}")
        };
        if joined.width() > columns {
            break;
        }
        line = joined;
    }
    if line.is_empty()
        && let Some(first) = parts.first()
    {
        line = cut_between_words(first, columns);
    }
    line
}

/// The longest start of `text` ending at a space that fits `columns` with `…` after it.
pub(super) fn cut_between_words(text: &str, columns: usize) -> String {
    let room = crate::text::fitting_start(text, columns.saturating_sub(2));
    let kept = match room.rfind(' ') {
        Some(at) if at > 0 && room.len() < text.len() => &room[..at],
        _ => room,
    };
    format!("{} …", kept.trim_end_matches([',', ' ', ':']))
}

fn activity(app: &App, columns: usize) -> Vec<String> {
    let locale = app.locale();
    let index = app.selected;
    let Some(activity) = app.plan().activities.get(index) else {
        return Vec::new();
    };
    let span = &app.schedule().spans()[index];
    let main = |name: &str| {
        if activity.is_milestone() {
            Msg::DetailMilestone.fill(locale, &[&activity.code, &name, &moment(span.start)])
        } else {
            Msg::DetailActivity.fill(
                locale,
                &[
                    &activity.code,
                    &name,
                    &activity.hours,
                    &moment(span.start),
                    &moment(span.end),
                ],
            )
        }
    };
    let name = one_line(&activity.name);
    let mut first = main(&name);
    let over = first.width().saturating_sub(columns);
    if over > 0 {
        let kept = crate::text::fitting_start(&name, name.width().saturating_sub(over + 1));
        first = main(&format!("{}…", kept.trim_end()));
    }
    let mut parts = vec![first];
    if let Some(status) = crate::status::activity_status(app.plan(), app.schedule(), index) {
        let state = crate::export::status::state_words(locale, status.state);
        parts.push(Msg::DetailTracked.fill(locale, &[&status.logged, &status.remaining, &state]));
        if let Some(days) = status.slip_days {
            parts.push(crate::export::status::slip_words(locale, days));
        }
    }
    if app.schedule().is_critical(index) {
        parts.push(Msg::DetailCritical.text(locale).to_owned());
    }
    if !activity.who.is_empty() {
        parts.push(Msg::DetailWho.fill(locale, &[&one_line(&activity.who)]));
    }
    if !activity.after.is_empty() {
        let codes: Vec<&str> = activity.after.iter().map(|code| &**code).collect();
        parts.push(Msg::DetailAfter.fill(locale, &[&codes.join(", ")]));
    }
    if let Some(day) = activity.not_before {
        parts.push(Msg::DetailNotBefore.fill(locale, &[&day]));
    }
    parts
}

/// `Mar 17 Oct 2023`, in the plan's words.
fn day_name(app: &App, date: NaiveDate) -> String {
    let words = words(app.locale());
    let weekday = words.weekdays[date.weekday().num_days_from_monday() as usize];
    let month: String = words.month(date.month()).chars().take(3).collect();
    format!("{weekday} {} {month} {}", date.day(), date.year())
}

/// The working time of the person the calendars show (everyone's when none).
fn shown_calendar(app: &App) -> &crate::schedule::WorkCalendar {
    match &app.person {
        Some(person) => app.schedule().calendar_of_person(person),
        None => app.schedule().calendar(),
    }
}

/// The day's line, with the holiday a worked day is (hours given to a holiday win over it)
/// and the busy time of the day named after it.
fn day(app: &App, date: NaiveDate) -> Vec<String> {
    let mut parts = vec![day_work(app, date)];
    let calendar = shown_calendar(app);
    let capacity = calendar.capacity(date);
    if calendar.is_holiday(date) && !capacity.is_zero() {
        let names = app.holiday_names_on(date).join(", ");
        parts.push(Msg::DetailHolidayWorked.fill(app.locale(), &[&names, &capacity]));
    }
    if let Some(busy) = busy_text(app, date) {
        parts.push(Msg::DetailBusy.fill(app.locale(), &[&busy]));
    }
    parts
}

/// The busy time on `date` of the person shown (everyone's and the plan's when none):
/// `Álgebra 10:00–11:50, Examen all day`.
fn busy_text(app: &App, date: NaiveDate) -> Option<String> {
    let busy = shown_calendar(app).busy_on(date);
    if busy.is_empty() {
        return None;
    }
    let all_day = Msg::DetailAllDay.text(app.locale());
    let named: Vec<String> = busy
        .iter()
        .map(|busy| {
            let name = one_line(&busy.name);
            if busy.time.length().minutes() >= 24 * 60 {
                format!("{name} {all_day}")
            } else {
                format!("{name} {}", crate::plan::window::shown(&[busy.time]))
            }
        })
        .collect();
    Some(named.join(", "))
}

fn day_work(app: &App, date: NaiveDate) -> String {
    let locale = app.locale();
    let schedule = app.schedule();
    let info = day_info_for(schedule, date, app.person.as_deref());
    let calendar = shown_calendar(app);
    let capacity = calendar.capacity(date);
    // A holiday given hours is worked: its day says it is a holiday all the same.
    let name = match calendar.is_holiday(date) && !capacity.is_zero() {
        true => Msg::DetailHolidayDay.fill(locale, &[&day_name(app, date)]),
        false => day_name(app, date),
    };
    let work: Vec<String> = info
        .work_slots(app.plan())
        .map(|slot| {
            let code = &app.plan().activities[slot.activity].code;
            // A check mark on hours that were logged, as against planned.
            let logged = if slot.logged { " ✓" } else { "" };
            // Each stretch of the clock: `08:00–12:00 13:00–14:00` across a lunch break.
            let clock = |moment: chrono::NaiveDateTime| match moment.date() > date {
                true => "24:00".to_owned(),
                false => format_time(moment.time()),
            };
            let stretches: Vec<String> = schedule
                .slot_intervals(slot)
                .into_iter()
                .map(|(start, end)| format!("{}–{}", clock(start), clock(end)))
                .collect();
            format!("{code} {} h {}{logged}", slot.hours, stretches.join(" "))
        })
        .collect();
    if !work.is_empty() {
        return format!("{name}: {}", work.join(", "));
    }
    match info.kind {
        DayKind::Holiday => {
            let names = app.holiday_names_on(date);
            Msg::DetailHoliday.fill(locale, &[&name, &names.join(", ")])
        }
        _ if info.exception && capacity.is_zero() => {
            Msg::DetailDayOff.fill(locale, &[&name, &capacity])
        }
        DayKind::Rest if capacity.is_zero() => Msg::DetailRestDay.fill(locale, &[&name]),
        _ => Msg::DetailNothing.fill(locale, &[&name, &capacity]),
    }
}

/// Draws the line.
pub(super) fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let columns = usize::from(area.width).saturating_sub(1);
    let text = fitted(&parts(app, columns), columns);
    let line = Line::from(Span::styled(format!(" {text}"), app.theme().detail));
    frame.render_widget(ratatui::widgets::Paragraph::new(line), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_go_whole_and_a_long_first_part_is_cut_between_words() {
        let parts = [
            "A3 Diseño 42 h 2023-10-03 → 2023-10-11".to_owned(),
            "crítica".to_owned(),
            "después de A2".to_owned(),
        ];
        assert_eq!(fitted(&parts, 80), parts.join(" · "));
        assert_eq!(
            fitted(&parts, 50),
            "A3 Diseño 42 h 2023-10-03 → 2023-10-11 · crítica"
        );
        assert_eq!(fitted(&parts, 45), "A3 Diseño 42 h 2023-10-03 → 2023-10-11");
        let day = ["Lun 2 Oct 2023: A2 6 h 08:00–14:00, A3 2 h 12:00–14:00".to_owned()];
        assert_eq!(fitted(&day, 40), "Lun 2 Oct 2023: A2 6 h 08:00–14:00 …");
        assert_eq!(fitted(&[], 40), "");
    }
}
