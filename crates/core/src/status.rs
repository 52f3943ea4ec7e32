//! Where a tracked plan stands: progress, each activity's state, and the slip against the
//! baseline. A pure view of a plan and its schedule, like the exports; the schedule gives the
//! logged and remaining hours and counts working days, so the rules live in one place.

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta};

use crate::plan::{Baseline, Hours, Plan};
use crate::schedule::Schedule;

/// An activity's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Nothing left to do.
    Done,
    /// Some hours logged, some left.
    InProgress,
    /// Nothing logged yet.
    NotStarted,
}

impl State {
    /// The name exports use (`done`, `in_progress`, `not_started`): part of their contract.
    pub fn key(self) -> &'static str {
        match self {
            State::Done => "done",
            State::InProgress => "in_progress",
            State::NotStarted => "not_started",
        }
    }
}

/// One activity as of the status date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityStatus {
    /// Its state (milestones: done once reached, by the status date).
    pub state: State,
    /// Hours logged on it.
    pub logged: Hours,
    /// Hours still to do.
    pub remaining: Hours,
    /// When it was to start and end, by the baseline (if it was in it).
    pub baseline: Option<(NaiveDateTime, NaiveDateTime)>,
    /// Working days from its baseline end to its end now: positive when later.
    pub slip_days: Option<i64>,
}

/// A tracked plan's status.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    /// The status date.
    pub as_of: NaiveDate,
    /// Logged ÷ (logged + remaining), 0 to 1 (1 for a plan with no work).
    pub progress: f64,
    /// Hours logged, on every activity.
    pub logged: Hours,
    /// Hours still to do.
    pub remaining: Hours,
    /// When the last activity now ends.
    pub end: NaiveDateTime,
    /// When the last activity was to end, by the baseline.
    pub baseline_end: Option<NaiveDateTime>,
    /// Working days from the baseline's end to the end now.
    pub slip_days: Option<i64>,
    /// Every activity, in the plan's order.
    pub activities: Vec<ActivityStatus>,
    /// The status date's ISO week: its Monday and Sunday, the hours the schedule has in it
    /// (logged and still planned), and the hours logged in it.
    pub week: Week,
    /// The working time busy time takes from the status date to the end; `None` when the
    /// plan has no busy time.
    pub busy: Option<Hours>,
}

/// A week's planned and logged hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Week {
    /// Its first day (Monday).
    pub first: NaiveDate,
    /// Its last day (Sunday).
    pub last: NaiveDate,
    /// Hours the schedule lays in it: logged, and planned from the status date on.
    pub planned: Hours,
    /// Hours logged in it.
    pub logged: Hours,
}

/// Activity `index`'s state, logged and remaining hours and slip, for a tracked plan: what
/// the view asks for the rows it shows, without working out the whole status.
pub fn activity_status(plan: &Plan, schedule: &Schedule, index: usize) -> Option<ActivityStatus> {
    let progress = schedule.progress()?;
    let activity = plan.activities.get(index)?;
    // A baseline lists the activities in the plan's order, unless the plan changed since.
    let baseline = plan.baseline.as_ref().and_then(|baseline| {
        baseline
            .activities
            .get(index)
            .filter(|times| times.code == activity.code)
            .or_else(|| baseline.of(&activity.code))
            .map(|times| (times.start, times.end))
    });
    Some(status_of(plan, schedule, progress, index, baseline))
}

fn status_of(
    plan: &Plan,
    schedule: &Schedule,
    progress: &crate::schedule::Progress,
    index: usize,
    baseline: Option<(NaiveDateTime, NaiveDateTime)>,
) -> ActivityStatus {
    let activity = &plan.activities[index];
    let span = &schedule.spans()[index];
    let (logged, remaining) = (progress.logged[index], progress.remaining[index]);
    let state = match () {
        _ if activity.is_milestone() && span.end.date() <= schedule.as_of() => State::Done,
        _ if activity.is_milestone() => State::NotStarted,
        _ if remaining.is_zero() => State::Done,
        _ if logged.is_zero() => State::NotStarted,
        _ => State::InProgress,
    };
    ActivityStatus {
        state,
        logged,
        remaining,
        baseline,
        slip_days: baseline.map(|(_, end)| {
            schedule
                .calendar()
                .working_days_from(end.date(), span.end.date())
        }),
    }
}

/// A tracked plan's progress in whole percent and its slip in working days (`None` without a
/// baseline): what the view's header shows, cheap enough for every frame.
pub fn headline(plan: &Plan, schedule: &Schedule) -> Option<(u32, Option<i64>)> {
    let progress = schedule.progress()?;
    let logged: Hours = progress.logged.iter().copied().sum();
    let remaining: Hours = progress.remaining.iter().copied().sum();
    let slip = plan.baseline.as_ref().and_then(Baseline::end).map(|end| {
        schedule
            .calendar()
            .working_days_from(end.date(), schedule.end().date())
    });
    Some((percent(logged, remaining), slip))
}

/// Logged ÷ (logged + remaining) in whole percent, rounded down; 100 with no work at all.
fn percent(logged: Hours, remaining: Hours) -> u32 {
    let whole = (logged + remaining).minutes();
    if whole == 0 {
        return 100;
    }
    (u64::from(logged.minutes()) * 100 / u64::from(whole)) as u32
}

impl Status {
    /// The status of `plan` (scheduled as `schedule`); `None` when the plan is not tracked.
    pub fn of(plan: &Plan, schedule: &Schedule) -> Option<Status> {
        let progress = schedule.progress()?;
        let slip = |baseline: NaiveDateTime, now: NaiveDateTime| {
            schedule
                .calendar()
                .working_days_from(baseline.date(), now.date())
        };
        // By code, once: looking each activity up in the list would be quadratic.
        let planned: std::collections::HashMap<&str, (NaiveDateTime, NaiveDateTime)> = plan
            .baseline
            .iter()
            .flat_map(|baseline| &baseline.activities)
            .map(|times| (&*times.code, (times.start, times.end)))
            .collect();
        let activities: Vec<ActivityStatus> = plan
            .activities
            .iter()
            .enumerate()
            .map(|(index, activity)| {
                let baseline = planned.get(&*activity.code).copied();
                status_of(plan, schedule, progress, index, baseline)
            })
            .collect();
        let logged: Hours = progress.logged.iter().copied().sum();
        let remaining: Hours = progress.remaining.iter().copied().sum();
        let whole = logged + remaining;
        let baseline_end = plan.baseline.as_ref().and_then(Baseline::end);
        Some(Status {
            as_of: schedule.as_of(),
            progress: if whole.is_zero() {
                1.0
            } else {
                logged.as_f64() / whole.as_f64()
            },
            logged,
            remaining,
            end: schedule.end(),
            baseline_end,
            slip_days: baseline_end.map(|end| slip(end, schedule.end())),
            activities,
            week: week_of(schedule, schedule.as_of()),
            busy: plan
                .has_busy_time()
                .then(|| schedule.busy_hours(schedule.as_of(), schedule.end().date())),
        })
    }

    /// Indices of the activities that end later than the baseline said, in plan order.
    pub fn late(&self) -> impl Iterator<Item = usize> + '_ {
        self.activities
            .iter()
            .enumerate()
            .filter(|(_, activity)| activity.slip_days.is_some_and(|days| days > 0))
            .map(|(index, _)| index)
    }

    /// Progress as a whole percentage, rounded down (99 % until the last hour is logged).
    pub fn percent(&self) -> u32 {
        percent(self.logged, self.remaining)
    }
}

/// A baseline of `schedule` as it stands, saved on `saved`: every activity's start and end.
pub fn baseline_of(plan: &Plan, schedule: &Schedule, saved: NaiveDate) -> Baseline {
    Baseline {
        saved,
        activities: plan
            .activities
            .iter()
            .zip(schedule.spans())
            .map(|(activity, span)| crate::plan::BaselineActivity {
                code: activity.code.clone(),
                start: span.start,
                end: span.end,
            })
            .collect(),
    }
}

/// The ISO week of `as_of`, with what the schedule has in it.
fn week_of(schedule: &Schedule, as_of: NaiveDate) -> Week {
    let first = as_of - TimeDelta::days(i64::from(as_of.weekday().num_days_from_monday()));
    let last = first + TimeDelta::days(6);
    let mut week = Week {
        first,
        last,
        planned: Hours::ZERO,
        logged: Hours::ZERO,
    };
    let mut day = first;
    while day <= last {
        for slot in schedule.slots_on(day) {
            week.planned += slot.hours;
            if slot.logged {
                week.logged += slot.hours;
            }
        }
        day = day.succ_opt().unwrap_or(last + TimeDelta::days(1));
    }
    week
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::schedule_as_of;

    #[test]
    fn an_untracked_plan_has_no_status() {
        let plan = crate::plan::parse(
            include_str!("../../../plan.ron"),
            std::path::Path::new("p.ron"),
        )
        .unwrap()
        .plan;
        let schedule = schedule_as_of(&plan, plan.start).unwrap();
        assert!(Status::of(&plan, &schedule).is_none());
    }
}
