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

/// The schedule as pretty-printed JSON.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    // Room for all of it at once (a day is about 60 bytes pretty-printed, an activity's own
    // keys about 300): growing the text by doubling copied it over and over.
    let room: usize = (0..plan.activities.len())
        .map(|index| 300 + plan.activities[index].name.len() + 64 * schedule.slots_of(index).len())
        .sum();
    let mut text = Vec::with_capacity(room + 1024);
    write(plan, schedule, &mut text).expect("writing to memory cannot fail");
    String::from_utf8(text).expect("serde_json writes UTF-8")
}

/// Writes the schedule as pretty-printed JSON to `out` as it is made, so that a large export
/// to a pipe never sits whole in memory.
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
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, Pretty::default());
    document
        .serialize(&mut serializer)
        .map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

/// serde_json's pretty layout (two spaces a level), with each line break and its indentation
/// written in one piece: serde_json's own `PrettyFormatter` writes the indentation a level at a
/// time, and those small writes were a quarter of the export.
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

/// A comma, a line break and the deepest indentation that is written in one piece.
const BREAK: &[u8; 2 + 2 * 32] =
    b",\n                                                                ";

impl Pretty {
    /// A line break (after a comma unless `first`) and the indentation of the current depth.
    fn new_line<W: ?Sized + std::io::Write>(
        &self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        let from = usize::from(first);
        let spaces = 2 * self.depth;
        if spaces <= BREAK.len() - 2 {
            return writer.write_all(&BREAK[from..2 + spaces]);
        }
        writer.write_all(&BREAK[from..2])?;
        (0..self.depth).try_for_each(|_| writer.write_all(b"  "))
    }

    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(writer, true)?;
        }
        writer.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(writer, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        _writer: &mut W,
    ) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        _writer: &mut W,
    ) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-piece indentation lays any value out exactly as serde_json's own pretty printer:
    /// empty and nested lists and objects, and nesting deeper than one piece of indentation.
    #[test]
    fn the_layout_is_serde_json_pretty() {
        let mut deep = serde_json::json!([1, {}]);
        for depth in 0..40 {
            deep = serde_json::json!({ "level": depth, "empty": [], "inner": [deep, "x"] });
        }
        for value in [
            serde_json::json!([]),
            serde_json::json!({"a": [[], {}]}),
            deep,
        ] {
            let mut ours = Vec::new();
            let mut serializer =
                serde_json::Serializer::with_formatter(&mut ours, Pretty::default());
            value.serialize(&mut serializer).unwrap();
            let theirs = serde_json::to_string_pretty(&value).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), theirs);
        }
    }
}
