//! What the rest of the program asks of a schedule: spans, slots by activity and by day,
//! working time, the critical path and the totals.

use chrono::{NaiveDate, NaiveDateTime};

use super::{Progress, Schedule, Slot, Span, WorkCalendar};
use crate::plan::Hours;

/// One day of an activity's work: its hours, and how many of them were logged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkDay<'a> {
    /// Its slots (logged work, then planned).
    pub slots: &'a [Slot],
    /// The day.
    pub date: NaiveDate,
    /// All its hours on that day, logged and planned.
    pub hours: Hours,
    /// The logged part.
    pub logged: Hours,
}

/// A day a person is given more work than it holds (only where a person's activities may run
/// side by side: `ordering: LinksOnly`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverAllocation {
    /// Who (never the unassigned: work with nobody named over-allocates no one).
    pub who: std::sync::Arc<str>,
    /// The day.
    pub date: NaiveDate,
    /// The hours of planned work laid on them that day.
    pub hours: Hours,
    /// What their day holds.
    pub capacity: Hours,
}

impl Schedule {
    /// Every day a person is given more work than their day holds, by person (in the order
    /// they first do something) and date. One pass over the slots, whatever the plan's size.
    pub fn over_allocated(&self, plan: &crate::plan::Plan) -> Vec<OverAllocation> {
        let mut laid: foldhash::HashMap<(&str, NaiveDate), (usize, Hours)> =
            foldhash::HashMap::default();
        // Logged work is fact, on a day off or past the window too: only planned work counts.
        for slot in self
            .slots
            .iter()
            .filter(|s| !s.hours.is_zero() && !s.logged)
        {
            let who = &*plan.activities[slot.activity].who;
            if who.is_empty() {
                continue;
            }
            let entry = laid
                .entry((who, slot.date))
                .or_insert((slot.activity, Hours::ZERO));
            entry.1 += slot.hours;
        }
        let mut over: Vec<(usize, OverAllocation)> = laid
            .into_iter()
            .filter_map(|((_, date), (activity, hours))| {
                let capacity = self.calendar_of(activity).capacity(date);
                (hours > capacity).then(|| {
                    let who = plan.activities[activity].who.clone();
                    (
                        activity,
                        OverAllocation {
                            who,
                            date,
                            hours,
                            capacity,
                        },
                    )
                })
            })
            .collect();
        let first_of: foldhash::HashMap<&str, usize> = plan
            .activities
            .iter()
            .enumerate()
            .rev()
            .map(|(at, a)| (&*a.who, at))
            .collect();
        over.sort_by_key(|(_, day)| (first_of[&*day.who], day.date));
        over.into_iter().map(|(_, day)| day).collect()
    }

    /// The status date: a tracked plan's remaining work starts on it or later.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// A tracked plan's logged and remaining hours; `None` for a plan without a `log`.
    pub fn progress(&self) -> Option<&Progress> {
        self.progress.as_ref()
    }

    /// The most activities worked on any one day: above 1 when activities share a day.
    pub fn busiest_day(&self) -> usize {
        most_on_one_day(self.by_day(), self.spans.len())
    }

    /// What activity `index` waits for: each activity its `after` names, then its person's
    /// previous one. Exports ask this rather than look codes up again (a search per link was
    /// quadratic at 100,000 activities).
    pub fn waits_for(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        self.before
            .of_activity(index)
            .iter()
            .map(|(other, _)| *other)
    }

    /// Under `handoff: NextDay`, the moment activity `index` is held back to because its
    /// person's previous activity ended mid-day (the next working day's first window); `None`
    /// when nothing is (exports that schedule again say it as a fixed earliest start).
    pub fn handover(&self, plan: &crate::plan::Plan, index: usize) -> Option<NaiveDateTime> {
        if plan.handoff != crate::plan::Handoff::NextDay {
            return None;
        }
        let calendar = self.calendar_of(index);
        self.before
            .of_activity(index)
            .iter()
            .filter(|(_, link)| *link == crate::plan::order::Link::SamePerson)
            .filter_map(|(other, _)| {
                super::place::next_day_handover(calendar, self.spans[*other].end)
            })
            .max()
    }

    /// One span per activity, in the plan's order.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// The days activity `index` occupies, in date order.
    pub fn slots_of(&self, index: usize) -> &[Slot] {
        &self.slots[self.spans[index].slots.clone()]
    }

    /// Activity `index`'s days, in date order: its logged and planned work of one date together.
    pub fn days_of(&self, index: usize) -> impl Iterator<Item = WorkDay<'_>> + '_ {
        self.slots_of(index)
            .chunk_by(|a, b| a.date == b.date)
            .map(|day| WorkDay {
                slots: day,
                date: day[0].date,
                hours: day.iter().map(|slot| slot.hours).sum(),
                logged: day
                    .iter()
                    .filter(|slot| slot.logged)
                    .map(|slot| slot.hours)
                    .sum(),
            })
    }

    /// Every slot, sorted by date and, within a day, by the order the work is done.
    pub(super) fn by_day(&self) -> &[Slot] {
        self.by_day.as_deref().unwrap_or(&self.slots)
    }

    /// Every slot from `date` on, by day, in the order the work is done each day.
    pub fn slots_from(&self, date: NaiveDate) -> &[Slot] {
        let by_day = self.by_day();
        &by_day[by_day.partition_point(|slot| slot.date < date)..]
    }

    /// Every slot on `date`, in the order the work is done that day.
    pub fn slots_on(&self, date: NaiveDate) -> &[Slot] {
        let by_day = self.by_day();
        let from = by_day.partition_point(|slot| slot.date < date);
        let to = from + by_day[from..].partition_point(|slot| slot.date == date);
        &by_day[from..to]
    }

    /// When the work of `slot` starts and ends, by the clock of its person (a lunch break
    /// inside it included): exports ask this rather than work out windows themselves, so
    /// working time is known in one place.
    pub fn slot_times(&self, slot: &Slot) -> (NaiveDateTime, NaiveDateTime) {
        let calendar = self.calendar_of(slot.activity);
        if slot.hours.is_zero() {
            // A milestone: its moment, which may be the close of a window.
            let at = self.spans[slot.activity].start;
            return (at, at);
        }
        (
            calendar.at(slot.date, slot.offset),
            calendar.end_at(slot.date, slot.offset + slot.hours),
        )
    }

    /// The clock intervals the work of `slot` takes, one per window it touches: what a
    /// calendar shows as busy (the lunch break between them free).
    pub fn slot_intervals(&self, slot: &Slot) -> Vec<(NaiveDateTime, NaiveDateTime)> {
        self.calendar_of(slot.activity)
            .intervals(slot.date, slot.offset, slot.hours)
    }

    /// True when someone's working day has a break, so work may take several intervals of a
    /// day (exports then say each; a plan of one window a day exports as it always has).
    pub fn has_breaks(&self) -> bool {
        self.calendars.iter().any(WorkCalendar::has_breaks)
    }

    /// The working time busy time takes from `from` to `to` (included), summed over the
    /// working time of everyone with work in the plan: a class of a person with two
    /// activities counts once, a meeting of everyone once per person who works.
    pub fn busy_hours(&self, from: NaiveDate, to: NaiveDate) -> Hours {
        let mut used = vec![false; self.calendars.len()];
        for index in self.calendar_of.iter() {
            used[*index] = true;
        }
        self.calendars
            .iter()
            .zip(used)
            .filter(|(_, used)| *used)
            .map(|(calendar, _)| calendar.busy_hours(from, to))
            .sum()
    }

    /// The plan's working time (that of everyone not listed in `people`).
    pub fn calendar(&self) -> &WorkCalendar {
        &self.calendars[0]
    }

    /// The working time activity `index` is done on: its person's.
    pub fn calendar_of(&self, index: usize) -> &WorkCalendar {
        &self.calendars[self.calendar_of.get(index).copied().unwrap_or(0)]
    }

    /// Each listed person with their working time, in the order the plan lists them.
    pub fn people(&self) -> impl Iterator<Item = (&str, &WorkCalendar)> + '_ {
        self.people
            .iter()
            .zip(&self.calendars[1..])
            .map(|(name, calendar)| (&**name, calendar))
    }

    /// The working time of the person called `name` (the plan's for anyone not listed).
    pub fn calendar_of_person(&self, name: &str) -> &WorkCalendar {
        let index = self.people.iter().position(|person| &**person == name);
        &self.calendars[index.map_or(0, |index| index + 1)]
    }

    /// When the first activity starts (the plan's start when it has none).
    pub fn start(&self) -> NaiveDateTime {
        self.bounds.0
    }

    /// When the last activity ends: the critical end (the plan's start when it has none).
    pub fn end(&self) -> NaiveDateTime {
        self.bounds.1
    }

    /// The chain of activities that fixes the plan's end, in the order they run.
    pub fn critical_path(&self) -> &[usize] {
        &self.critical_path
    }

    /// True when activity `index` is on the critical path.
    pub fn is_critical(&self, index: usize) -> bool {
        self.critical.get(index).copied().unwrap_or(false)
    }

    /// The first and last days with work (or a milestone), if any.
    pub fn worked_days(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.worked_days
    }

    /// All the hours scheduled.
    pub fn total_hours(&self) -> Hours {
        self.total_hours
    }

    /// How many distinct days have work.
    pub fn working_days(&self) -> usize {
        let worked = self.by_day().iter().filter(|slot| !slot.hours.is_zero());
        let mut dates: Vec<NaiveDate> = worked.map(|slot| slot.date).collect();
        dates.dedup();
        dates.len()
    }
}

/// The most activities on one date (slots sorted by date): an activity with logged and planned
/// work on one day counts once. Linear: each activity remembers the last day it was counted on.
fn most_on_one_day(slots: &[Slot], activities: usize) -> usize {
    let mut counted_on = vec![usize::MAX; activities];
    slots
        .chunk_by(|a, b| a.date == b.date)
        .enumerate()
        .map(|(day, slots)| {
            let mut count = 0;
            for slot in slots {
                if counted_on[slot.activity] != day {
                    counted_on[slot.activity] = day;
                    count += 1;
                }
            }
            count
        })
        .max()
        .unwrap_or(0)
}
