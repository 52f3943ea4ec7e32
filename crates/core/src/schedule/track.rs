//! A tracked plan's facts: logged work laid as slots, logged and remaining hours, and what each
//! person logged on the status date.

use std::sync::Arc;

use chrono::NaiveDate;

use super::Slot;
use crate::plan::{Hours, Plan};

/// What a tracked plan's log says, gathered once: each activity's logged work as slots (laid
/// from its person's `day_start`, one entry after another in the order activities are listed),
/// its logged hours, and what each person logged on the status date. An edit of hours leaves
/// all of it as it was, so a reschedule shares it rather than sort the log again: on 20,000
/// entries that sort was most of a key press.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Logged {
    pub(super) as_of: NaiveDate,
    /// Logged slots, grouped by activity, each group in date order.
    slots: Vec<Slot>,
    /// Where each activity's group starts in `slots` (one more entry: the end).
    starts: Vec<usize>,
    /// Each activity's logged hours (the schedule's `Progress` shares them).
    pub(super) logged_total: Arc<[Hours]>,
    /// Hours each person (an index into `people`) logged on the status date.
    on_status_date: Vec<Hours>,
    /// Each activity's person, as an index into `on_status_date`.
    person_of: Vec<usize>,
}

impl Logged {
    fn of(plan: &Plan, as_of: NaiveDate) -> Self {
        let codes: foldhash::HashMap<&str, usize> = plan
            .activities
            .iter()
            .enumerate()
            .map(|(index, activity)| (&*activity.code, index))
            .collect();
        let mut people: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
        let person_of: Vec<usize> = plan
            .activities
            .iter()
            .map(|activity| {
                let next = people.len();
                *people.entry(&*activity.who).or_insert(next)
            })
            .collect();
        // (date, person, activity, hours): validation made sure every code is listed.
        let mut entries = Vec::with_capacity(plan.log_entries().len());
        for entry in plan.log_entries() {
            let Some(&activity) = codes.get(&*entry.code) else {
                continue;
            };
            debug_assert!(entry.date <= as_of, "the status date follows the log");
            entries.push((entry.date, person_of[activity], activity, entry.hours));
        }
        entries.sort_unstable();
        let (slots, logged_total, on_status_date) =
            lay_logged(&entries, plan.activities.len(), people.len(), as_of);
        let mut starts = Vec::with_capacity(plan.activities.len() + 1);
        let mut at = 0;
        for activity in 0..=plan.activities.len() {
            while slots.get(at).is_some_and(|slot| slot.activity < activity) {
                at += 1;
            }
            starts.push(at);
        }
        Logged {
            as_of,
            slots,
            starts,
            logged_total: logged_total.into(),
            on_status_date,
            person_of,
        }
    }

    /// Activity `index`'s logged work, in date order.
    pub(super) fn logged_of(&self, index: usize) -> &[Slot] {
        &self.slots[self.starts[index]..self.starts[index + 1]]
    }

    /// How far into the status date's window the remaining work of `index`'s person can start.
    pub(super) fn on_status_day(&self, index: usize) -> Hours {
        self.on_status_date[self.person_of[index]]
    }
}

/// A tracked plan's facts: what its log says, and each activity's remaining hours (which an
/// edit of its hours changes).
pub(super) struct Tracking {
    pub(super) logged: Arc<Logged>,
    pub(super) remaining: Vec<Hours>,
}

impl Tracking {
    /// A tracked plan's facts as of `as_of`, its log laid anew unless an earlier schedule of
    /// the same log gives it (`logged`); `None` for a plan that is not tracked.
    pub(super) fn of(plan: &Plan, logged: Option<Arc<Logged>>, as_of: NaiveDate) -> Option<Self> {
        if !plan.is_tracked() {
            return None;
        }
        let logged = logged.unwrap_or_else(|| Arc::new(Logged::of(plan, as_of)));
        Some(Tracking::new(plan, logged))
    }

    /// The remaining hours of `plan`'s activities after the work `logged`.
    fn new(plan: &Plan, logged: Arc<Logged>) -> Self {
        let remaining = plan
            .activities
            .iter()
            .zip(logged.logged_total.iter())
            .map(
                |(activity, logged)| match (activity.done, activity.remaining) {
                    _ if activity.is_milestone() => Hours::ZERO,
                    (true, _) => Hours::ZERO,
                    (false, Some(hours)) => hours,
                    (false, None) => activity.hours.saturating_sub(*logged),
                },
            )
            .collect();
        Tracking { logged, remaining }
    }
}

/// Logged entries `(date, person, activity, hours)`, sorted, as slots: each person's entries of
/// a date one after another from their day's opening. Returns the slots grouped by activity
/// (each in date order), each activity's logged hours, and each person's on the status date.
fn lay_logged(
    entries: &[(NaiveDate, usize, usize, Hours)],
    activities: usize,
    people: usize,
    as_of: NaiveDate,
) -> (Vec<Slot>, Vec<Hours>, Vec<Hours>) {
    let mut on_status_date = vec![Hours::ZERO; people];
    let mut logged_total = vec![Hours::ZERO; activities];
    let mut slots = Vec::with_capacity(entries.len());
    let mut offset = Hours::ZERO;
    for (at, &(date, person, activity, hours)) in entries.iter().enumerate() {
        let same_day = at > 0 && entries[at - 1].0 == date && entries[at - 1].1 == person;
        if !same_day {
            offset = Hours::ZERO;
        }
        slots.push(Slot {
            date,
            activity,
            offset,
            hours,
            logged: true,
        });
        offset += hours;
        logged_total[activity] += hours;
        if date == as_of {
            on_status_date[person] += hours;
        }
    }
    // Stable: each activity's slots stay in date order.
    slots.sort_by_key(|slot| slot.activity);
    (slots, logged_total, on_status_date)
}
