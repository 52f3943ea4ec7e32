//! The JSON export. Its shape is a contract: keys may be added, never removed or renamed.

use serde::Serialize;

use super::format_datetime;
use crate::plan::{Hours, Plan};
use crate::schedule::Schedule;
use crate::status::Status;

#[derive(Serialize)]
struct Document<'a> {
    title: &'a str,
    start: String,
    end: String,
    total_hours: Hours,
    working_days: usize,
    critical_path: Vec<&'a str>,
    #[serde(flatten)]
    tracking: Option<PlanTracking>,
    activities: Vec<Activity<'a>>,
}

/// What a tracked plan adds: the status date, progress, and the slip against a baseline.
#[derive(Serialize)]
struct PlanTracking {
    as_of: String,
    progress: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    slip_days: Option<i64>,
}

/// What a tracked plan adds to an activity.
#[derive(Serialize)]
struct ActivityTracking {
    logged: Hours,
    remaining: Hours,
    state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    slip_days: Option<i64>,
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
    #[serde(flatten)]
    tracking: Option<ActivityTracking>,
    days: Vec<Day>,
}

#[derive(Serialize)]
struct Day {
    date: String,
    hours: Hours,
    /// Of a tracked plan: the hours of that day that were logged.
    #[serde(skip_serializing_if = "Option::is_none")]
    logged: Option<Hours>,
}

/// The schedule as pretty-printed JSON.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    let status = Status::of(plan, schedule);
    let tracked = status.is_some();
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
            tracking: status.as_ref().map(|status| {
                let progress = &status.activities[index];
                ActivityTracking {
                    logged: progress.logged,
                    remaining: progress.remaining,
                    state: progress.state.key(),
                    baseline_start: progress.baseline.map(|(start, _)| format_datetime(start)),
                    baseline_end: progress.baseline.map(|(_, end)| format_datetime(end)),
                    slip_days: progress.slip_days,
                }
            }),
            days: schedule
                .days_of(index)
                .map(|day| Day {
                    date: day.date.to_string(),
                    hours: day.hours,
                    logged: tracked.then_some(day.logged),
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
        tracking: status.as_ref().map(|status| PlanTracking {
            as_of: status.as_of.to_string(),
            progress: (status.progress * 10_000.0).round() / 10_000.0,
            baseline_end: status.baseline_end.map(format_datetime),
            slip_days: status.slip_days,
        }),
        activities,
    };
    let mut text =
        serde_json::to_string_pretty(&document).expect("strings and numbers always serialise");
    text.push('\n');
    text
}
