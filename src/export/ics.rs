//! The iCalendar export, for calendar programs: one event per activity per working day at its
//! real times (floating local time), milestones as instants, holidays as all-day events.
//! Written with the `icalendar` crate, which folds lines and escapes text per RFC 5545.

use chrono::{NaiveDate, TimeDelta};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::plan::Plan;
use crate::schedule::Schedule;

/// The calendar as iCalendar text.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    let mut calendar = Calendar::new();
    calendar.name(plan.title());
    let plan_id = slug(plan.title());
    let day_start = |date: NaiveDate| date.and_time(plan.day_start);
    for (index, activity) in plan.activities.iter().enumerate() {
        let summary = if activity.name.is_empty() {
            activity.code.to_string()
        } else {
            format!("{} · {}", activity.code, activity.name)
        };
        for slot in schedule.slots_of(index) {
            let start = day_start(slot.date) + TimeDelta::minutes(slot.offset.minutes().into());
            let end = start + TimeDelta::minutes(slot.hours.minutes().into());
            // The same activity on the same day of the same plan keeps its UID from one export
            // to the next, so a calendar program updates the event instead of adding another.
            let uid = format!(
                "{}-{}-{plan_id}@cronograma",
                activity.code,
                slot.date.format("%Y%m%d")
            );
            calendar.push(
                Event::new()
                    .uid(&uid)
                    .summary(&summary)
                    .starts(start)
                    .ends(end)
                    .done(),
            );
        }
    }
    for holiday in &plan.holidays {
        let uid = format!(
            "holiday-{}-{plan_id}@cronograma",
            holiday.date.format("%Y%m%d")
        );
        let after = holiday.last_day().succ_opt().unwrap_or(holiday.last_day());
        let mut event = Event::new();
        event.uid(&uid).starts(holiday.date).ends(after);
        if let Some(name) = &holiday.name {
            event.summary(name);
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

/// A title as a UID-friendly word: letters and digits, dashes between.
fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "plan".into()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn titles_become_uid_words() {
        assert_eq!(slug("PPS MLOps"), "pps-mlops");
        assert_eq!(slug("Tesis: capítulos"), "tesis-capítulos");
        assert_eq!(slug("  "), "plan");
    }
}
