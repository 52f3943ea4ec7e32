//! Placing activities onto working time, one at a time in work order: each starts at the
//! latest of its constraints and fills its person's working days until its hours are done.

use chrono::NaiveDateTime;

use super::calendar::{Days, offset_of, place};
use super::track::Tracking;
use super::{Driver, LAST_DAY, ScheduleError, Slot, Span, WorkCalendar};
use crate::plan::order::{Link, Predecessors};
use crate::plan::{Handoff, Hours, Plan};

/// The placement of activities, one at a time in work order, and what it has placed so far.
pub(super) struct Placer<'a> {
    plan: &'a Plan,
    calendars: &'a [WorkCalendar],
    calendar_of: &'a [usize],
    before: &'a Predecessors,
    spans: Vec<Option<Span>>,
    slots: Vec<Slot>,
    /// Where the activity placed last ended, on which calendar, as a walk position: work that
    /// carries on from there (the common case: the next activity of the same person) continues
    /// the walk instead of searching anew.
    last_end: Option<(usize, usize, Days<'a>, Hours)>,
    /// A tracked plan's logged work and remaining hours.
    pub(super) tracking: Option<&'a Tracking>,
    /// When each calendar opens on the plan's start: asked for every activity.
    openings: Vec<NaiveDateTime>,
}

impl<'a> Placer<'a> {
    pub(super) fn new(
        plan: &'a Plan,
        calendars: &'a [WorkCalendar],
        calendar_of: &'a [usize],
        before: &'a Predecessors,
        mut slots: Vec<Slot>,
    ) -> Self {
        // At least a day's worth of hours a slot, plus a partial day per activity; capped by
        // the days left before LAST_DAY, so a hostile plan cannot ask for absurd memory.
        let day = calendars[0].hours_per_day().minutes().max(1) as usize;
        let total = plan.total_hours().minutes() as usize;
        let days_left = usize::try_from((LAST_DAY - plan.start).num_days()).unwrap_or(0);
        let reserve = (total / day).min(days_left) + plan.activities.len() + 1;
        // `slots` comes empty, from a schedule no longer needed.
        slots.reserve(reserve);
        Placer {
            plan,
            calendars,
            calendar_of,
            before,
            spans: vec![None; plan.activities.len()],
            slots,
            last_end: None,
            tracking: None,
            openings: calendars
                .iter()
                .map(|calendar| calendar.opening(plan.start))
                .collect(),
        }
    }

    /// Places activity `index` after everything it waits for.
    pub(super) fn place(&mut self, index: usize) -> Result<(), ScheduleError> {
        let calendar = &self.calendars[self.calendar_of[index]];
        let (earliest, driver) = earliest_start(
            self.plan,
            &self.spans,
            self.before.of_activity(index),
            (calendar, self.openings[self.calendar_of[index]]),
            index,
        );
        let span = if self.plan.activities[index].is_milestone() {
            self.place_milestone(index, earliest, driver)?
        } else if let Some(tracking) = self.tracking {
            self.place_tracked(tracking, index, earliest, driver)?
        } else {
            let hours = self.plan.activities[index].hours;
            self.place_work(index, earliest, driver, hours)?
        };
        self.spans[index] = Some(span);
        Ok(())
    }

    fn past_the_calendar(&self, index: usize) -> ScheduleError {
        ScheduleError::PastTheCalendar {
            code: self.plan.activities[index].code.to_string(),
        }
    }

    /// A milestone is a point in time: where its constraints end, or (set by a date) the first
    /// working moment of its person from that date.
    fn place_milestone(
        &mut self,
        index: usize,
        earliest: NaiveDateTime,
        driver: Driver,
    ) -> Result<Span, ScheduleError> {
        let calendar = &self.calendars[self.calendar_of[index]];
        let at = match driver {
            Driver::Activity(_) | Driver::Logged => earliest,
            Driver::PlanStart | Driver::NotBefore | Driver::StatusDate => {
                let (days, used) =
                    place(calendar, earliest).ok_or_else(|| self.past_the_calendar(index))?;
                calendar.at(days.date, used)
            }
        };
        let first_slot = self.slots.len();
        self.slots.push(Slot {
            date: at.date(),
            activity: index,
            offset: offset_of(calendar, at),
            hours: Hours::ZERO,
            logged: false,
        });
        Ok(Span {
            start: at,
            end: at,
            driver,
            slots: first_slot..self.slots.len(),
        })
    }

    /// Work fills its person's working days from its start until its hours are done.
    fn place_work(
        &mut self,
        index: usize,
        earliest: NaiveDateTime,
        driver: Driver,
        hours: Hours,
    ) -> Result<Span, ScheduleError> {
        let calendar_index = self.calendar_of[index];
        let (mut days, mut used) = self.start_position(index, earliest, driver)?;
        let start = days.at(used);
        let first_slot = self.slots.len();
        let mut remaining = hours;
        loop {
            let hours = remaining.min(days.capacity() - used);
            self.slots.push(Slot {
                date: days.date,
                activity: index,
                offset: used,
                hours,
                logged: false,
            });
            used += hours;
            remaining -= hours;
            if remaining.is_zero() {
                break;
            }
            self.advance(&mut days, index)?;
            used = Hours::ZERO;
        }
        let end = days.end_at(used);
        self.last_end = Some((index, calendar_index, days, used));
        Ok(Span {
            start,
            end,
            driver,
            slots: first_slot..self.slots.len(),
        })
    }

    /// A tracked activity: its logged work as it was, then its remaining hours from the status
    /// date on (after what its person logged that day). Done, its times are its log's.
    fn place_tracked(
        &mut self,
        tracking: &Tracking,
        index: usize,
        earliest: NaiveDateTime,
        driver: Driver,
    ) -> Result<Span, ScheduleError> {
        let calendar = &self.calendars[self.calendar_of[index]];
        let logged = tracking.logged.logged_of(index);
        let first_slot = self.slots.len();
        self.slots.extend_from_slice(logged);
        let logged_start = logged
            .first()
            .map(|slot| calendar.at(slot.date, slot.offset));
        let remaining = tracking.remaining[index];
        let status = calendar.at(tracking.logged.as_of, tracking.logged.on_status_day(index));
        let (earliest, driver) = if status > earliest {
            (status, Driver::StatusDate)
        } else {
            (earliest, driver)
        };
        let mut span = match logged.last() {
            Some(last) if remaining.is_zero() => Span {
                start: logged_start.unwrap_or(earliest),
                end: calendar.end_at(last.date, last.offset + last.hours),
                driver: Driver::Logged,
                slots: first_slot..self.slots.len(),
            },
            // Nothing logged and nothing left: a point where its work would have started.
            None if remaining.is_zero() => self.place_milestone(index, earliest, driver)?,
            _ => self.place_work(index, earliest, driver, remaining)?,
        };
        span.slots.start = first_slot;
        if let Some(start) = logged_start {
            span.start = start;
        }
        Ok(span)
    }

    /// Where work on `index` begins: on from the walk of the activity placed just before, when
    /// it starts where that one ended on the same calendar; else found from `earliest`.
    fn start_position(
        &mut self,
        index: usize,
        earliest: NaiveDateTime,
        driver: Driver,
    ) -> Result<(Days<'a>, Hours), ScheduleError> {
        let calendar_index = self.calendar_of[index];
        let carried_on = match (driver, self.last_end.take()) {
            (Driver::Activity(previous), Some((last, on, days, used)))
                if previous == last
                    && on == calendar_index
                    && self.spans[previous].as_ref().map(|s| s.end) == Some(earliest) =>
            {
                Some((days, used))
            }
            _ => None,
        };
        match carried_on {
            Some((mut days, used)) if used >= days.capacity() => {
                self.advance(&mut days, index)?;
                Ok((days, Hours::ZERO))
            }
            Some(position) => Ok(position),
            None => place(&self.calendars[calendar_index], earliest)
                .ok_or_else(|| self.past_the_calendar(index)),
        }
    }

    /// The walk's next working day, or the error that it is past the calendar's end.
    fn advance(&self, days: &mut Days<'a>, index: usize) -> Result<(), ScheduleError> {
        days.advance().ok_or_else(|| self.past_the_calendar(index))
    }

    /// Takes the earlier placements of `activities` (the first ones in work order) as they
    /// were: their slots are the first ones of the earlier schedule, in that order.
    /// Returns how many slots that is.
    pub(super) fn keep(&mut self, activities: &[usize], spans: &[Span], slots: &[Slot]) -> usize {
        let end = activities
            .iter()
            .map(|index| spans[*index].slots.end)
            .max()
            .unwrap_or(0);
        self.slots.extend_from_slice(&slots[..end]);
        for index in activities {
            self.spans[*index] = Some(spans[*index].clone());
        }
        end
    }

    pub(super) fn finish(self) -> (Vec<Span>, Vec<Slot>) {
        let spans = self
            .spans
            .into_iter()
            .map(|span| span.expect("every activity is in the order"))
            .collect();
        (spans, self.slots)
    }
}

/// The latest of an activity's constraints, and which one it was: dates count from the
/// opening of its person's working day. Ties go to an activity, so the critical path runs
/// through the work rather than stopping at a date.
fn earliest_start(
    plan: &Plan,
    spans: &[Option<Span>],
    before: &[(usize, Link)],
    (calendar, opening): (&WorkCalendar, NaiveDateTime),
    index: usize,
) -> (NaiveDateTime, Driver) {
    let mut earliest = opening;
    let mut driver = Driver::PlanStart;
    if let Some(day) = plan.activities[index].not_before {
        let moment = calendar.opening(day);
        if moment > earliest {
            (earliest, driver) = (moment, Driver::NotBefore);
        }
    }
    for &(other, link) in before {
        let Some(span) = &spans[other] else { continue };
        let mut moment = span.end;
        if link == Link::SamePerson && plan.handoff == Handoff::NextDay {
            // A person's previous activity is on the same calendar.
            moment = next_day_handover(calendar, span.end).unwrap_or(moment);
        }
        let later = moment > earliest;
        let tie_to_work = moment == earliest && !matches!(driver, Driver::Activity(_));
        if later || tie_to_work {
            (earliest, driver) = (moment, Driver::Activity(other));
        }
    }
    (earliest, driver)
}

/// Under `handoff: NextDay`, where a person's next activity may start after one that ended at
/// `end`: the next working day's first window when `end` is before the day's last window closed (an
/// end at 12:00 before a 13:00-17:00 window counts), `None` when it filled its day.
pub(super) fn next_day_handover(
    calendar: &WorkCalendar,
    end: NaiveDateTime,
) -> Option<NaiveDateTime> {
    let end_day = end.date();
    let mid_day =
        offset_of(calendar, end) < calendar.capacity(end_day) && end > calendar.opening(end_day);
    // The next working day's first window (a milestone too is put there, not on a Saturday).
    let next = end_day.succ_opt().unwrap_or(end_day);
    let next = Days::from(calendar, next).map_or(next, |days| days.date);
    mid_day.then(|| calendar.opening(next))
}
