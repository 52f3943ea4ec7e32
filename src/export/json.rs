//! The JSON export. Its shape is a contract: keys may be added, never removed or renamed.
//!
//! It is laid out as serde_json's pretty printer lays it out (two spaces a level), but written
//! piece by piece for its one shape: serde writes every key through its string escaper and
//! every line break and indentation in small writes, and that was half of `export --format
//! json` (about a thousand instructions a day of work). Texts from the plan still go through
//! serde_json's escaper, and its float printer writes the progress; the tests check the whole
//! export, byte for byte, against the same document written by serde derives and
//! serde_json's pretty printer.

use std::io::Write;

use super::Stamp;
use crate::plan::{Hours, Plan};
use crate::schedule::Schedule;
use crate::status::{ActivityStatus, Status};

/// The schedule as pretty-printed JSON.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    // Room for all of it at once (a day is about 60 bytes, an activity's own keys about 300):
    // growing the text by doubling copied it over and over.
    let room: usize = (0..plan.activities.len())
        .map(|index| 300 + plan.activities[index].name.len() + 64 * schedule.slots_of(index).len())
        .sum();
    let mut text = Vec::with_capacity(room + 1024);
    write(plan, schedule, &mut text).expect("writing to memory cannot fail");
    String::from_utf8(text).expect("the JSON is made of UTF-8 texts and ASCII")
}

/// How much is written at once when the export goes to a file or a pipe.
const CHUNK: usize = 1 << 16;

/// Writes the schedule as pretty-printed JSON to `out` as it is made, in chunks, so that a
/// large export never sits whole in memory.
pub fn write(plan: &Plan, schedule: &Schedule, mut out: impl Write) -> std::io::Result<()> {
    let status = Status::of(plan, schedule);
    let mut json = Json(Vec::with_capacity(CHUNK + 4096));
    head(&mut json, plan, schedule, status.as_ref());
    let spans = plan.activities.iter().zip(schedule.spans());
    for (index, (activity, span)) in spans.enumerate() {
        json.raw(if index == 0 { b"\n    {" } else { b",\n    {" });
        json.text_field(b"\n      \"code\": ", &activity.code);
        json.text_field(b",\n      \"name\": ", &activity.name);
        json.hours_field(b",\n      \"hours\": ", activity.hours);
        json.stamp_field(b",\n      \"start\": ", Stamp::minute(span.start));
        json.stamp_field(b",\n      \"end\": ", Stamp::minute(span.end));
        json.text_field(b",\n      \"who\": ", &activity.who);
        json.bool_field(b",\n      \"milestone\": ", activity.is_milestone());
        json.bool_field(b",\n      \"critical\": ", schedule.is_critical(index));
        if let Some(status) = &status {
            progress(&mut json, &status.activities[index]);
        }
        days(&mut json, schedule, index, status.is_some());
        json.raw(b"\n    }");
        if json.0.len() >= CHUNK {
            out.write_all(&json.0)?;
            json.0.clear();
        }
    }
    json.raw(if plan.activities.is_empty() {
        b"]\n}\n"
    } else {
        b"\n  ]\n}\n"
    });
    out.write_all(&json.0)
}

/// The document's own keys, up to the opening of `activities`.
fn head(json: &mut Json, plan: &Plan, schedule: &Schedule, status: Option<&Status>) {
    json.text_field(b"{\n  \"title\": ", plan.title());
    json.stamp_field(b",\n  \"start\": ", Stamp::minute(schedule.start()));
    json.stamp_field(b",\n  \"end\": ", Stamp::minute(schedule.end()));
    json.hours_field(b",\n  \"total_hours\": ", schedule.total_hours());
    json.raw(b",\n  \"working_days\": ");
    json.number(schedule.working_days());
    json.raw(b",\n  \"critical_path\": [");
    let path = schedule.critical_path();
    for (position, index) in path.iter().enumerate() {
        let line: &[u8] = if position == 0 { b"\n    " } else { b",\n    " };
        json.text_field(line, &plan.activities[*index].code);
    }
    json.raw(if path.is_empty() { b"]" } else { b"\n  ]" });
    if let Some(status) = status {
        json.stamp_field(b",\n  \"as_of\": ", Stamp::date(status.as_of));
        json.raw(b",\n  \"progress\": ");
        json.float((status.progress * 10_000.0).round() / 10_000.0);
        if let Some(end) = status.baseline_end {
            json.stamp_field(b",\n  \"baseline_end\": ", Stamp::minute(end));
        }
        if let Some(slip) = status.slip_days {
            json.raw(b",\n  \"slip_days\": ");
            json.number(slip);
        }
    }
    json.raw(b",\n  \"activities\": [");
}

/// A tracked activity's keys: what was logged, what is left, its state and its slip.
fn progress(json: &mut Json, progress: &ActivityStatus) {
    json.hours_field(b",\n      \"logged\": ", progress.logged);
    json.hours_field(b",\n      \"remaining\": ", progress.remaining);
    json.text_field(b",\n      \"state\": ", progress.state.key());
    if let Some((start, end)) = progress.baseline {
        json.stamp_field(b",\n      \"baseline_start\": ", Stamp::minute(start));
        json.stamp_field(b",\n      \"baseline_end\": ", Stamp::minute(end));
    }
    if let Some(slip) = progress.slip_days {
        json.raw(b",\n      \"slip_days\": ");
        json.number(slip);
    }
}

/// A day's text up to its hours, after the comma that parts it from the day before: its
/// date is written over the zeros, and the whole goes out in one piece.
const DAY: [u8; 63] = *b",\n        {\n          \"date\": \"0000-00-00\",\n          \"hours\": ";

/// Where the date is in [`DAY`].
const DATE_IN_DAY: usize = 31;

/// An activity's days, straight from the schedule.
fn days(json: &mut Json, schedule: &Schedule, index: usize, tracked: bool) {
    json.raw(b",\n      \"days\": [");
    let mut day_text = DAY;
    // The first day has no comma before it.
    let mut from = 1;
    for day in schedule.days_of(index) {
        match Stamp::plain_date(day.date) {
            Some(date) => {
                day_text[DATE_IN_DAY..DATE_IN_DAY + 10].copy_from_slice(&date);
                json.raw(&day_text[from..]);
            }
            None => {
                json.raw(&DAY[from..DATE_IN_DAY]);
                json.raw(Stamp::date(day.date).as_bytes());
                json.raw(&DAY[DATE_IN_DAY + 10..]);
            }
        }
        from = 0;
        json.raw(Stamp::hours(day.hours).as_bytes());
        if tracked {
            json.hours_field(b",\n          \"logged\": ", day.logged);
        }
        json.raw(b"\n        }");
    }
    json.raw(if from == 1 { b"]" } else { b"\n      ]" });
}

/// JSON text being made: each field is its key's line, written whole, and its value.
struct Json(Vec<u8>);

impl Json {
    fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    /// A text from the plan, quoted and escaped as serde_json does: only control characters,
    /// quotes and backslashes are escaped, so a text without them is written as it is (most
    /// are; serde_json's escaper is the rest).
    fn text_field(&mut self, key: &[u8], text: &str) {
        self.raw(key);
        if text
            .bytes()
            .all(|byte| byte >= b' ' && byte != b'"' && byte != b'\\')
        {
            self.raw(b"\"");
            self.raw(text.as_bytes());
            self.raw(b"\"");
        } else {
            serde_json::to_writer(&mut self.0, text).expect("writing to memory cannot fail");
        }
    }

    /// A date or moment: digits and separators only, nothing to escape.
    fn stamp_field(&mut self, key: &[u8], stamp: Stamp) {
        self.raw(key);
        self.raw(b"\"");
        self.raw(stamp.as_bytes());
        self.raw(b"\"");
    }

    /// Hours as serde writes them: `42`, `7.5`.
    fn hours_field(&mut self, key: &[u8], hours: Hours) {
        self.raw(key);
        self.raw(Stamp::hours(hours).as_bytes());
    }

    fn bool_field(&mut self, key: &[u8], value: bool) {
        self.raw(key);
        self.raw(if value { b"true" } else { b"false" });
    }

    fn number(&mut self, value: impl std::fmt::Display) {
        write!(self.0, "{value}").expect("writing to memory cannot fail");
    }

    /// A fraction, as serde_json prints floats (`0.2171`, `1.0`).
    fn float(&mut self, value: f64) {
        serde_json::to_writer(&mut self.0, &value).expect("a finite float always serialises");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::path::Path;

    use proptest::prelude::*;

    use crate::plan::parse;
    use crate::schedule::schedule_as_of;

    /// The hand-laid export and the reference, as texts.
    /// (`None` when the plan cannot be scheduled as of that day: a log after it.)
    fn both(plan: &Plan, as_of: chrono::NaiveDate) -> Option<(String, String)> {
        let schedule = schedule_as_of(plan, as_of).ok()?;
        let mut reference = Vec::new();
        reference::write(plan, &schedule, &mut reference).unwrap();
        let reference = String::from_utf8(reference).unwrap();
        Some((render(plan, &schedule), reference))
    }

    fn day(text: &str) -> chrono::NaiveDate {
        text.parse().unwrap()
    }

    /// Every shipped plan, tracked ones before, during and after their log, and with their
    /// baseline; milestones, empty critical paths and negative slips come with them.
    #[test]
    fn every_shipped_plan_is_written_as_serde_json_writes_it() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = vec![root.join("plan.ron")];
        for entry in std::fs::read_dir(root.join("assets/examples")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|extension| extension == "ron") {
                paths.push(path);
            }
        }
        let mut compared = 0;
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            let plan = parse(&text, &path).unwrap().plan;
            for as_of in ["2020-01-01", "2023-10-10", "2024-03-15", "2030-01-01"] {
                if let Some((ours, reference)) = both(&plan, day(as_of)) {
                    assert_eq!(ours, reference, "{} as of {as_of}", path.display());
                    compared += 1;
                }
            }
        }
        assert!(compared >= 30, "only {compared} exports compared");
    }

    #[test]
    fn the_date_is_where_the_day_template_says() {
        assert_eq!(&DAY[DATE_IN_DAY..DATE_IN_DAY + 10], b"0000-00-00");
        assert_eq!(&DAY[DATE_IN_DAY - 1..DATE_IN_DAY], b"\"");
    }

    /// A plan with no activities (refused when read from a file, but a plan made in code can
    /// be one): empty lists are `[]`, as serde_json writes them.
    #[test]
    fn an_empty_plan_is_written_as_serde_json_writes_it() {
        let text = include_str!("../../plan.ron");
        let mut plan = parse(text, Path::new("plan.ron")).unwrap().plan;
        plan.activities.clear();
        let (ours, reference) = both(&plan, day("2023-10-10")).unwrap();
        assert!(ours.contains("\"critical_path\": [],"), "{ours}");
        assert_eq!(ours, reference);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Any texts (quotes, backslashes, controls, format characters), hours in quarter
        /// steps, milestones and links.
        #[test]
        fn any_plan_is_written_as_serde_json_writes_it(
            title in "[\\x00-\\x7f\\u{80}-\\u{9f}\\u{200b}\\u{2028}a-zé\"\\\\]{0,12}",
            names in prop::collection::vec("[\\x00-\\x7f\\u{202e}é]{0,12}", 1..6),
            quarters in prop::collection::vec(0u32..200, 1..6),
        ) {
            let mut text =
                String::from("Plan(start: \"2024-03-04\", hours_per_day: 6.25, activities: [");
            for (index, hours) in quarters.iter().enumerate() {
                let after = if index > 1 { format!("after: [\"A{}\"]", index - 2) } else { String::new() };
                text.push_str(&format!("(code: \"A{index}\", hours: {}, {after}),", *hours as f64 / 4.0));
            }
            text.push_str("])");
            let mut plan = parse(&text, Path::new("p.ron")).unwrap().plan;
            plan.title_text = Some(title);
            for (activity, name) in plan.activities.iter_mut().zip(&names) {
                activity.name = name.as_str().into();
                activity.who = name.as_str().into();
            }
            let (ours, reference) = both(&plan, day("2024-03-04")).unwrap();
            prop_assert_eq!(ours, reference);
        }
    }

    /// The export as it was written with serde's derives and serde_json's pretty printer:
    /// the reference the hand-laid writer must match byte for byte.
    mod reference {
        use serde::Serialize;

        use super::*;

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
            activities: Activities<'a>,
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
                            tracked: status.is_some(),
                        },
                    }
                }))
            }
        }

        /// The export as serde_json's pretty printer writes it.
        pub fn write(
            plan: &Plan,
            schedule: &Schedule,
            mut out: impl std::io::Write,
        ) -> std::io::Result<()> {
            let status = Status::of(plan, schedule);
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
                activities: Activities {
                    plan,
                    schedule,
                    status: status.as_ref(),
                },
            };
            serde_json::to_writer_pretty(&mut out, &document)?;
            out.write_all(b"\n")
        }
    }
}
