//! The JSON export. Its shape is a contract: keys may be added, never removed or renamed.

use serde::Serialize;

use super::Stamp;
use crate::plan::{Hours, Plan};
use crate::schedule::Schedule;
use crate::status::Status;

#[derive(Serialize)]
struct Document<'a> {
    title: &'a str,
    start: Stamp,
    end: Stamp,
    total_hours: Hours,
    working_days: usize,
    critical_path: Vec<&'a str>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    tracking: Option<PlanTracking>,
    activities: Vec<Activity<'a>>,
}

/// What a tracked plan adds: the status date, progress, and the slip against a baseline.
#[derive(Serialize)]
struct PlanTracking {
    as_of: Stamp,
    progress: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_end: Option<Stamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    slip_days: Option<i64>,
}

/// One activity. A tracked plan's keys (`logged` to `slip_days`) are fields of their own, not a
/// flattened struct: serde writes a struct with a flattened field as a map, key by key, which
/// was a tenth of the export.
#[derive(Serialize)]
struct Activity<'a> {
    code: &'a str,
    name: &'a str,
    hours: Hours,
    start: Stamp,
    end: Stamp,
    who: &'a str,
    milestone: bool,
    critical: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    logged: Option<Hours>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remaining: Option<Hours>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_start: Option<Stamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_end: Option<Stamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    slip_days: Option<i64>,
    days: Days<'a>,
}

/// An activity's days, written straight from the schedule.
struct Days<'a> {
    schedule: &'a Schedule,
    index: usize,
    tracked: bool,
}

impl Serialize for Days<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.schedule.days_of(self.index).map(|day| Day {
            date: Stamp::date(day.date),
            hours: day.hours,
            logged: self.tracked.then_some(day.logged),
        }))
    }
}

#[derive(Serialize)]
struct Day {
    date: Stamp,
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
        .map(|(index, (activity, span))| {
            let progress = status.as_ref().map(|status| &status.activities[index]);
            let baseline = progress.and_then(|progress| progress.baseline);
            Activity {
                code: &activity.code,
                name: &activity.name,
                hours: activity.hours,
                start: Stamp::minute(span.start),
                end: Stamp::minute(span.end),
                who: &activity.who,
                milestone: activity.is_milestone(),
                critical: schedule.is_critical(index),
                logged: progress.map(|progress| progress.logged),
                remaining: progress.map(|progress| progress.remaining),
                state: progress.map(|progress| progress.state.key()),
                baseline_start: baseline.map(|(start, _)| Stamp::minute(start)),
                baseline_end: baseline.map(|(_, end)| Stamp::minute(end)),
                slip_days: progress.and_then(|progress| progress.slip_days),
                days: Days {
                    schedule,
                    index,
                    tracked,
                },
            }
        })
        .collect();
    let document = Document {
        title: plan.title(),
        start: Stamp::minute(schedule.start()),
        end: Stamp::minute(schedule.end()),
        total_hours: schedule.total_hours(),
        working_days: schedule.working_days(),
        critical_path: schedule
            .critical_path()
            .iter()
            .map(|index| &*plan.activities[*index].code)
            .collect(),
        tracking: status.as_ref().map(|status| PlanTracking {
            as_of: Stamp::date(status.as_of),
            progress: (status.progress * 10_000.0).round() / 10_000.0,
            baseline_end: status.baseline_end.map(Stamp::minute),
            slip_days: status.slip_days,
        }),
        activities,
    };
    // Room for all of it at once (a day is about 60 bytes pretty-printed, an activity's own
    // keys about 300): growing the text by doubling copied it over and over.
    let room: usize = (0..plan.activities.len())
        .map(|index| 300 + plan.activities[index].name.len() + 64 * schedule.slots_of(index).len())
        .sum();
    let mut text = Vec::with_capacity(room + 1024);
    serde_json::to_writer_pretty(&mut text, &document)
        .expect("strings and numbers always serialise");
    text.push(b'\n');
    String::from_utf8(text).expect("serde_json writes UTF-8")
}
