//! The JSON export. Its shape is a contract: keys may be added, never removed or renamed.

use serde::Serialize;

use super::format_datetime;
use crate::plan::{Hours, Plan};
use crate::schedule::Schedule;

#[derive(Serialize)]
struct Document<'a> {
    title: &'a str,
    start: String,
    end: String,
    total_hours: Hours,
    working_days: usize,
    critical_path: Vec<&'a str>,
    activities: Vec<Activity<'a>>,
}

#[derive(Serialize)]
struct Activity<'a> {
    code: &'a str,
    name: &'a str,
    hours: Hours,
    start: String,
    end: String,
    who: &'a str,
    milestone: bool,
    critical: bool,
    days: Vec<Day>,
}

#[derive(Serialize)]
struct Day {
    date: String,
    hours: Hours,
}

/// The schedule as pretty-printed JSON.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    let activities = plan
        .activities
        .iter()
        .zip(schedule.spans())
        .enumerate()
        .map(|(index, (activity, span))| Activity {
            code: &activity.code,
            name: &activity.name,
            hours: activity.hours,
            start: format_datetime(span.start),
            end: format_datetime(span.end),
            who: &activity.who,
            milestone: activity.is_milestone(),
            critical: schedule.is_critical(index),
            days: schedule
                .slots_of(index)
                .iter()
                .map(|slot| Day {
                    date: slot.date.to_string(),
                    hours: slot.hours,
                })
                .collect(),
        })
        .collect();
    let document = Document {
        title: plan.title(),
        start: format_datetime(schedule.start()),
        end: format_datetime(schedule.end()),
        total_hours: schedule.total_hours(),
        working_days: schedule.working_days(),
        critical_path: schedule
            .critical_path()
            .iter()
            .map(|index| &*plan.activities[*index].code)
            .collect(),
        activities,
    };
    let mut text =
        serde_json::to_string_pretty(&document).expect("strings and numbers always serialise");
    text.push('\n');
    text
}
