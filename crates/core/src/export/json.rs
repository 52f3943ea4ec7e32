//! The JSON export. Its shape is a contract: keys may be added, never removed or renamed.
//! Written by serde_json's pretty printer from the structs below.

use serde::Serialize;

use super::{format_date, format_datetime};
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
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    tracking: Option<PlanTracking>,
    activities: Activities<'a>,
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

/// One activity. A tracked plan's keys (`logged` to `slip_days`) are fields of their own, not a
/// flattened struct: serde writes a struct with a flattened field as a map, key by key, which
/// was a tenth of the export.
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
    #[serde(skip_serializing_if = "Option::is_none")]
    logged: Option<Hours>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remaining: Option<Hours>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_end: Option<String>,
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
        let breaks = self.schedule.has_breaks();
        serializer.collect_seq(self.schedule.days_of(self.index).map(|day| Day {
            date: format_date(day.date),
            hours: day.hours,
            logged: self.tracked.then_some(day.logged),
            intervals: breaks.then(|| {
                day.slots
                    .iter()
                    .flat_map(|slot| self.schedule.slot_intervals(slot))
                    .map(|(from, to)| [clock(from, day.date), clock(to, day.date)])
                    .collect()
            }),
        }))
    }
}

#[derive(Serialize)]
struct Day {
    date: String,
    hours: Hours,
    /// Of a tracked plan: the hours of that day that were logged.
    #[serde(skip_serializing_if = "Option::is_none")]
    logged: Option<Hours>,
    /// Where some day has a break: the clock intervals worked (`["08:00", "12:00"]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    intervals: Option<Vec<[String; 2]>>,
}

/// A moment of `day` as `HH:MM` (the next midnight is `24:00`).
fn clock(moment: chrono::NaiveDateTime, day: chrono::NaiveDate) -> String {
    let minutes = (moment - day.and_time(chrono::NaiveTime::MIN)).num_minutes();
    crate::plan::fields::format_minutes(u32::try_from(minutes).unwrap_or(0))
}

/// Every activity, made one at a time as it is written (a list of all of them first was as
/// large again as the plan).
struct Activities<'a> {
    plan: &'a Plan,
    schedule: &'a Schedule,
    status: Option<&'a Status>,
}

impl Serialize for Activities<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (plan, schedule, status) = (self.plan, self.schedule, self.status);
        let activities = plan.activities.iter().zip(schedule.spans()).enumerate();
        serializer.collect_seq(activities.map(|(index, (activity, span))| {
            let progress = status.map(|status| &status.activities[index]);
            let baseline = progress.and_then(|progress| progress.baseline);
            Activity {
                code: &activity.code,
                name: &activity.name,
                hours: activity.hours,
                start: format_datetime(span.start),
                end: format_datetime(span.end),
                who: &activity.who,
                milestone: activity.is_milestone(),
                critical: schedule.is_critical(index),
                logged: progress.map(|progress| progress.logged),
                remaining: progress.map(|progress| progress.remaining),
                state: progress.map(|progress| progress.state.key()),
                baseline_start: baseline.map(|(start, _)| format_datetime(start)),
                baseline_end: baseline.map(|(_, end)| format_datetime(end)),
                slip_days: progress.and_then(|progress| progress.slip_days),
                days: Days {
                    schedule,
                    index,
                    tracked: status.is_some(),
                },
            }
        }))
    }
}

/// The schedule as pretty-printed JSON. Activities are serialised one at a time as they are
/// written, so only the text itself is ever whole in memory.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    let status = Status::of(plan, schedule);
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
            as_of: format_date(status.as_of),
            progress: (status.progress * 10_000.0).round() / 10_000.0,
            baseline_end: status.baseline_end.map(format_datetime),
            slip_days: status.slip_days,
        }),
        activities: Activities {
            plan,
            schedule,
            status: status.as_ref(),
        },
    };
    let mut text = serde_json::to_string_pretty(&document)
        .expect("serialising to memory cannot fail: every key is a string");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use proptest::prelude::*;

    use super::*;
    use crate::plan::parse;
    use crate::schedule::schedule_as_of;

    /// A plan with no activities (refused when read from a file, but a plan made in code can
    /// be one): empty lists are `[]`.
    #[test]
    fn an_empty_plan_has_empty_lists() {
        let text = include_str!("../../../../plan.ron");
        let mut plan = parse(text, Path::new("plan.ron")).unwrap().plan;
        plan.activities.clear();
        let schedule = schedule_as_of(&plan, "2023-10-10".parse().unwrap()).unwrap();
        let json = render(&plan, &schedule);
        assert!(json.contains("\"critical_path\": [],"), "{json}");
        assert!(json.ends_with("\"activities\": []\n}\n"), "{json}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Any texts (quotes, backslashes, controls, format characters) give valid JSON that
        /// reads back to the plan's texts.
        #[test]
        fn any_text_is_valid_json_that_reads_back(
            title in "[\\x00-\\x7f\\u{80}-\\u{9f}\\u{200b}\\u{2028}a-zé\"\\\\]{0,12}",
            names in prop::collection::vec("[\\x00-\\x7f\\u{202e}é]{0,12}", 1..6),
        ) {
            let mut text =
                String::from("Plan(start: \"2024-03-04\", hours_per_day: 6.25, activities: [");
            for index in 0..names.len() {
                text.push_str(&format!("(code: \"A{index}\", hours: {}),", index as f64 / 4.0));
            }
            text.push_str("])");
            let mut plan = parse(&text, Path::new("p.ron")).unwrap().plan;
            plan.title_text = Some(title.clone());
            for (activity, name) in plan.activities.iter_mut().zip(&names) {
                activity.name = name.as_str().into();
            }
            let schedule = schedule_as_of(&plan, "2024-03-04".parse().unwrap()).unwrap();
            let json: serde_json::Value = serde_json::from_str(&render(&plan, &schedule)).unwrap();
            prop_assert_eq!(json["title"].as_str(), Some(title.as_str()));
            for (index, name) in names.iter().enumerate() {
                prop_assert_eq!(json["activities"][index]["name"].as_str(), Some(name.as_str()));
            }
        }
    }
}
