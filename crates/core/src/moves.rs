//! What a change of busy time moved, and why: each activity whose start or end changed
//! between two schedules of the same activities, with the busy time that took its hours (new
//! busy time on the days it had), the busy time that went (freeing days before its end), or
//! the activity it waits for that moved first. `sync` and the view say it after a pull, so
//! that a user sees why the thesis work left Tuesday morning.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::locale::words;
use crate::messages::Msg;
use crate::plan::Locale;
use crate::plan::Plan;
use crate::plan::window::shown;
use crate::schedule::{BusyTime, Schedule, WorkCalendar};

/// The most busy stretches named for one activity; more are counted.
const NAMED: usize = 2;

/// Why an activity moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Busy time that is new on days it was worked on took its hours.
    Busy(Vec<BusyTime>),
    /// Busy time that went freed hours before its old end.
    Freed(Vec<BusyTime>),
    /// It waits for this activity, which moved.
    After(usize),
    /// Nothing of its own: the people's load as a whole.
    Load,
}

/// One activity that moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    /// The activity's index.
    pub activity: usize,
    /// Its start and end before.
    pub was: (NaiveDateTime, NaiveDateTime),
    /// Its start and end now.
    pub now: (NaiveDateTime, NaiveDateTime),
    /// Why.
    pub why: Why,
}

/// The activities of `plan` whose start or end differs between `before` and `after` (two
/// schedules of its activities), in plan order, each with why it moved.
pub fn moves(plan: &Plan, before: &Schedule, after: &Schedule) -> Vec<Move> {
    let count = plan
        .activities
        .len()
        .min(before.spans().len())
        .min(after.spans().len());
    let mut moved: Vec<Move> = Vec::new();
    let mut has_moved = vec![false; count];
    for index in 0..count {
        let (old, new) = (&before.spans()[index], &after.spans()[index]);
        let was = (old.start, old.end);
        let now = (new.start, new.end);
        if was == now {
            continue;
        }
        has_moved[index] = true;
        let (old_calendar, new_calendar) = (before.calendar_of(index), after.calendar_of(index));
        let taken = changed_busy(new_calendar, old_calendar, was.0.date(), was.1.date());
        let freed = changed_busy(old_calendar, new_calendar, now.0.date(), was.1.date());
        let why = if !taken.is_empty() {
            Why::Busy(taken)
        } else if !freed.is_empty() {
            Why::Freed(freed)
        } else if let Some(first) = after
            .waits_for(index)
            .find(|other| has_moved.get(*other).copied().unwrap_or(false))
        {
            Why::After(first)
        } else {
            Why::Load
        };
        moved.push(Move {
            activity: index,
            was,
            now,
            why,
        });
    }
    moved
}

/// The busy stretches of `with` from `from` to `to` that `without` has not, on days where
/// they take working time (busy time in the evening moves nothing).
fn changed_busy(
    with: &WorkCalendar,
    without: &WorkCalendar,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<BusyTime> {
    let first = with.busy().partition_point(|busy| busy.date < from);
    let mut found = Vec::new();
    for busy in with.busy()[first..]
        .iter()
        .take_while(|busy| busy.date <= to)
    {
        let date = busy.date;
        if with.busy_hours(date, date) <= without.busy_hours(date, date) {
            continue;
        }
        let before: HashSet<&BusyTime> = without.busy_on(date).iter().collect();
        if !before.contains(busy) {
            found.push(busy.clone());
        }
    }
    found
}

/// `Thu 12 14:00`, with the month's name when it is not `month`'s.
fn moment(at: NaiveDateTime, month: u32, locale: Locale) -> String {
    let words = words(locale);
    let weekday = words.weekdays[at.weekday().num_days_from_monday() as usize];
    let day = at.day();
    let time = at.format("%H:%M");
    if at.month() == month {
        format!("{weekday} {day} {time}")
    } else if locale.language() == crate::plan::Language::En {
        format!("{weekday} {day} {} {time}", words.month(at.month()))
    } else {
        // Inside a sentence, Spanish and Portuguese write the month in lower case.
        let name = words.month(at.month()).to_lowercase();
        format!("{weekday} {day} {name} {time}")
    }
}

/// `"Reunión con tutora" Wed 11 10:00–12:00` (or `… all day`).
fn busy_text(busy: &BusyTime, month: u32, locale: Locale) -> String {
    let day = moment(busy.date.and_time(chrono::NaiveTime::MIN), month, locale);
    let day = day.rsplit_once(' ').map_or(day.as_str(), |(day, _)| day);
    let time = if busy.time.opens == 0 && busy.time.closes == crate::plan::window::MINUTES_PER_DAY {
        Msg::DetailAllDay.text(locale).to_owned()
    } else {
        shown(&[busy.time])
    };
    format!("\"{}\" {day} {time}", crate::text::in_one_line(&busy.name))
}

/// The stretches named, and how many more: `"A" Wed 11 10:00–12:00, "B" … and 3 more`.
fn named(stretches: &[BusyTime], month: u32, locale: Locale) -> String {
    let mut text = stretches
        .iter()
        .take(NAMED)
        .map(|busy| busy_text(busy, month, locale))
        .collect::<Vec<_>>()
        .join(", ");
    if stretches.len() > NAMED {
        text.push_str(&Msg::MovedMore.fill(locale, &[&(stretches.len() - NAMED)]));
    }
    text
}

/// One move for people: `A3 ends Thu 12 14:00, was Wed 11 17:00: "Reunión con tutora" Wed 11
/// 10:00–12:00`. The end is said when it changed, else the start.
pub fn line(plan: &Plan, moved: &Move, locale: Locale) -> String {
    let code = |index: usize| crate::text::in_one_line(&plan.activities[index].code);
    let (message, now, was) = if moved.now.1 != moved.was.1 {
        (Msg::MovedEnd, moved.now.1, moved.was.1)
    } else {
        (Msg::MovedStart, moved.now.0, moved.was.0)
    };
    let month = now.month();
    let head = message.fill(
        locale,
        &[
            &code(moved.activity),
            &moment(now, month, locale),
            &moment(was, month, locale),
        ],
    );
    let why = match &moved.why {
        Why::Busy(stretches) => named(stretches, month, locale),
        Why::Freed(stretches) => Msg::MovedFreed.fill(locale, &[&named(stretches, month, locale)]),
        Why::After(other) => Msg::MovedAfter.fill(locale, &[&code(*other)]),
        Why::Load => Msg::MovedLoad.text(locale).to_owned(),
    };
    format!("{head}: {why}")
}
