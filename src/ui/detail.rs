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

/// The line's text.
pub(super) fn text(app: &App) -> String {
    match app.focus {
        Focus::Gantt => activity(app),
        Focus::Calendar => day(app, app.cursor),
    }
}

fn activity(app: &App) -> String {
    let locale = app.locale();
    let index = app.selected;
    let Some(activity) = app.plan().activities.get(index) else {
        return String::new();
    };
    let span = &app.schedule().spans()[index];
    let name = one_line(&activity.name);
    let mut parts = vec![if activity.is_milestone() {
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
    }];
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
    parts.join(" · ")
}

/// `Mar 17 Oct 2023`, in the plan's words.
fn day_name(app: &App, date: NaiveDate) -> String {
    let words = words(app.locale());
    let weekday = words.weekdays[date.weekday().num_days_from_monday() as usize];
    let month: String = words.month(date.month()).chars().take(3).collect();
    format!("{weekday} {} {month} {}", date.day(), date.year())
}

/// The day's line, with the busy time of the day named after it.
fn day(app: &App, date: NaiveDate) -> String {
    let line = day_work(app, date);
    match busy_text(app, date) {
        Some(busy) => Msg::DetailBusy.fill(app.locale(), &[&line, &busy]),
        None => line,
    }
}

/// The busy time on `date` of the person shown (everyone's and the plan's when none):
/// `Álgebra 10:00–11:50, Examen all day`.
fn busy_text(app: &App, date: NaiveDate) -> Option<String> {
    let schedule = app.schedule();
    let calendar = match &app.person {
        Some(person) => schedule.calendar_of_person(person),
        None => schedule.calendar(),
    };
    let busy = calendar.busy_on(date);
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
    let name = day_name(app, date);
    let capacity = match &app.person {
        Some(person) => schedule.calendar_of_person(person).capacity(date),
        None => schedule.calendar().capacity(date),
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
            let own = app
                .person
                .as_deref()
                .and_then(|name| app.plan().people.iter().find(|p| &*p.name == name))
                .map_or(&[][..], |person| &person.holidays[..]);
            let names: Vec<String> = app
                .plan()
                .holidays
                .iter()
                .chain(own)
                .filter(|holiday| holiday.covers(date))
                .map(|holiday| {
                    holiday.name.as_deref().map_or_else(
                        || words(locale).holiday.to_owned(),
                        |name| one_line(name).into_owned(),
                    )
                })
                .collect();
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
    let line = Line::from(Span::styled(format!(" {}", text(app)), app.theme().detail));
    frame.render_widget(ratatui::widgets::Paragraph::new(line), area);
}
