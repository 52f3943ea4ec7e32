//! Invariants of the scheduler over random plans: one person working down a list, and plans
//! with people, `after` links, `not_before`, milestones, holiday ranges, exceptions and hand-off.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta};
use cronograma::plan::window::total;
use cronograma::plan::{Activity, Busy, Day, Exception, Handoff, Holiday, Hours, Plan, Window};
use cronograma::schedule::{Schedule, schedule};
use proptest::prelude::*;

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
}

/// The working time every plan here shares: start, window, workdays, holidays.
fn arb_calendar() -> impl Strategy<Value = Plan> {
    (
        0i64..3000,     // start, days after 2020-01-01
        0u32..(20 * 4), // day start, in quarters
        1u32..=64,      // hours per day, in quarters
        proptest::bits::u8::between(0, 7).prop_filter("a worked day", |bits| *bits != 0),
        proptest::collection::vec(0i64..400, 0..30), // holidays, days after the start
        proptest::option::of(1u32..8),               // a break after this many quarters
    )
        .prop_map(
            |(start, open, day_hours, workdays, holidays, break_after)| {
                let start = epoch() + TimeDelta::days(start);
                let open = open.min(24 * 4 - day_hours - 8);
                // A day with a break: two windows, the break an hour or two long.
                let windows = break_after.filter(|after| *after < day_hours).map(|after| {
                    let first = (open * 15) as u16;
                    let split = first + (after * 15) as u16;
                    let resume = split + (15 * (4 + after % 5)) as u16;
                    let closes = (resume + ((day_hours - after) * 15) as u16).min(24 * 60);
                    vec![
                        Window::new(first, split).unwrap(),
                        Window::new(resume, closes).unwrap(),
                    ]
                });
                Plan {
                    start,
                    day_start: windows
                        .is_none()
                        .then(|| NaiveTime::from_hms_opt(open / 4, (open % 4) * 15, 0).unwrap()),
                    hours_per_day: windows.is_none().then(|| Hours::from_quarters(day_hours)),
                    windows,
                    workdays: (0..7)
                        .filter(|i| workdays & (1 << i) != 0)
                        .map(|i| Day::ALL[i])
                        .collect(),
                    holidays: holidays
                        .into_iter()
                        .collect::<HashSet<_>>()
                        .into_iter()
                        .map(|offset| Holiday::on(start + TimeDelta::days(offset), None))
                        .collect(),
                    ..Plan::default()
                }
            },
        )
}

fn arb_plan() -> impl Strategy<Value = Plan> {
    (arb_calendar(), proptest::collection::vec(1u32..200, 1..25)).prop_map(|(mut plan, efforts)| {
        plan.activities = efforts
            .into_iter()
            .enumerate()
            .map(|(i, quarters)| Activity {
                code: format!("A{i}").into(),
                hours: Hours::from_quarters(quarters),
                ..Activity::default()
            })
            .collect();
        plan
    })
}

/// One activity of a rich plan: effort (0: a milestone), person, links back, not-before offset.
type RichActivity = (u32, usize, Vec<usize>, Option<i64>);

fn arb_rich_plan() -> impl Strategy<Value = Plan> {
    let activity = (
        prop_oneof![1 => Just(0u32), 6 => 1u32..120],
        0usize..4,
        proptest::collection::vec(any::<usize>(), 0..3),
        proptest::option::of(0i64..60),
    );
    (
        arb_calendar(),
        proptest::collection::vec(activity, 1..20),
        proptest::collection::vec((0i64..300, 0i64..12), 0..4), // holiday ranges: start, length
        proptest::collection::vec((0i64..300, 0u32..=24), 0..8), // exceptions: day, quarters
        any::<bool>(),
    )
        .prop_map(|(mut plan, activities, ranges, exceptions, next_day)| {
            let start = plan.start;
            let day = day_hours(&plan).minutes() / 15;
            let opens = u32::from(plan.week_shape().windows[0].opens);
            let last_close = u32::from(plan.week_shape().windows.last().unwrap().closes);
            let taken: HashSet<NaiveDate> = plan.holidays.iter().map(|h| h.date).collect();
            // Ranges that touch no other holiday (validation refuses overlaps).
            let mut used = taken.clone();
            for (from, length) in ranges {
                let first = start + TimeDelta::days(from);
                let last = first + TimeDelta::days(length);
                if first
                    .iter_days()
                    .take_while(|d| *d <= last)
                    .any(|d| used.contains(&d))
                {
                    continue;
                }
                used.extend(first.iter_days().take_while(|d| *d <= last));
                plan.holidays.push(Holiday {
                    date: first,
                    until: Some(last),
                    name: None,
                });
            }
            let mut exception_days = HashSet::new();
            for (offset, quarters) in exceptions {
                let date = start + TimeDelta::days(offset);
                // Within the day: the windows, running on past the last, close by midnight.
                let room = day + (24 * 60 - last_close) / 15;
                let quarters = quarters.min(room).min(day * 2);
                let _ = opens;
                if exception_days.insert(date) {
                    plan.exceptions
                        .push(Exception::hours(date, Hours::from_quarters(quarters)));
                }
            }
            plan.handoff = if next_day {
                Handoff::NextDay
            } else {
                Handoff::SameDay
            };
            plan.activities = activities
                .into_iter()
                .enumerate()
                .map(
                    |(i, (quarters, person, links, not_before)): (usize, RichActivity)| Activity {
                        code: format!("A{i}").into(),
                        hours: Hours::from_quarters(quarters),
                        who: ["", "Ana", "Bo", "Cy"][person].into(),
                        after: if i == 0 {
                            Vec::new().into()
                        } else {
                            let mut links: Vec<usize> = links.into_iter().map(|l| l % i).collect();
                            links.sort_unstable();
                            links.dedup();
                            links.into_iter().map(|l| format!("A{l}").into()).collect()
                        },
                        not_before: not_before.map(|days| start + TimeDelta::days(days)),
                        ..Activity::default()
                    },
                )
                .collect();
            plan
        })
}

fn hours_per_date(schedule: &Schedule, activities: &[usize]) -> BTreeMap<NaiveDate, Hours> {
    let mut per_date = BTreeMap::new();
    for index in activities {
        for slot in schedule.slots_of(*index) {
            *per_date.entry(slot.date).or_insert(Hours::ZERO) += slot.hours;
        }
    }
    per_date
}

fn people(plan: &Plan) -> BTreeMap<&str, Vec<usize>> {
    let mut people: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, activity) in plan.activities.iter().enumerate() {
        people.entry(&*activity.who).or_default().push(index);
    }
    people
}

proptest! {
    #[test]
    fn hours_are_conserved_per_activity(plan in prop_oneof![arb_plan(), arb_rich_plan()]) {
        let schedule = schedule(&plan).unwrap();
        for (index, activity) in plan.activities.iter().enumerate() {
            let done: Hours = schedule.slots_of(index).iter().map(|slot| slot.hours).sum();
            prop_assert_eq!(done, activity.hours);
        }
        prop_assert_eq!(schedule.total_hours(), plan.total_hours());
    }

    #[test]
    fn nobody_works_on_days_off_or_past_the_days_hours(plan in prop_oneof![arb_plan(), arb_rich_plan()]) {
        let schedule = schedule(&plan).unwrap();
        let calendar = schedule.calendar();
        for activities in people(&plan).values() {
            for (date, hours) in hours_per_date(&schedule, activities) {
                let exception = plan.exceptions.iter().find(|e| e.date == date);
                let holiday = plan.holidays.iter().any(|h| h.covers(date));
                let workday = plan.workdays.iter().any(|d| d.weekday() == date.weekday());
                let allowed = match exception {
                    Some(exception) => exception.hours.unwrap(),
                    None if holiday || !workday => Hours::ZERO,
                    None => day_hours(&plan),
                };
                prop_assert!(hours <= allowed, "{} h on {} (allowed {})", hours, date, allowed);
                prop_assert_eq!(allowed, calendar.capacity(date));
                prop_assert!(date >= plan.start);
            }
        }
    }

    #[test]
    fn activities_follow_their_order_without_overlap_or_gaps(plan in arb_plan()) {
        let schedule = schedule(&plan).unwrap();
        for pair in schedule.spans().windows(2) {
            prop_assert!(pair[0].start < pair[0].end);
            prop_assert!(pair[0].end <= pair[1].start);
        }
        // No working time is left unused between consecutive activities: the next one starts
        // where the previous ended, or at the next day's opening when the previous filled its day.
        for index in 1..plan.activities.len() {
            let previous = schedule.slots_of(index - 1).last().unwrap();
            let next = schedule.slots_of(index).first().unwrap();
            let previous_filled_its_day = previous.offset + previous.hours == day_hours(&plan);
            if previous_filled_its_day {
                prop_assert!(next.date > previous.date);
                prop_assert!(next.offset.is_zero());
                let between = previous.date.iter_days().skip(1).take_while(|d| *d < next.date);
                for date in between {
                    prop_assert!(schedule.calendar().capacity(date).is_zero(), "unused working day {}", date);
                }
            } else {
                prop_assert_eq!(next.date, previous.date);
                prop_assert_eq!(next.offset, previous.offset + previous.hours);
            }
        }
    }

    #[test]
    fn every_constraint_holds(plan in arb_rich_plan()) {
        let schedule = schedule(&plan).unwrap();
        let spans = schedule.spans();
        for (index, activity) in plan.activities.iter().enumerate() {
            let span = &spans[index];
            let calendar = schedule.calendar();
            prop_assert!(span.start >= calendar.opening(plan.start));
            if let Some(day) = activity.not_before {
                prop_assert!(span.start >= calendar.opening(day));
            }
            for code in activity.after.iter() {
                let other = plan.activities.iter().position(|a| a.code == *code).unwrap();
                prop_assert!(span.start >= spans[other].end, "{} starts before {} ends", activity.code, code);
            }
            if activity.is_milestone() {
                prop_assert_eq!(span.start, span.end);
                prop_assert_eq!(schedule.slots_of(index).len(), 1);
            }
        }
        // Each person's activities keep their listed order and never overlap.
        for activities in people(&plan).values() {
            for pair in activities.windows(2) {
                prop_assert!(spans[pair[0]].end <= spans[pair[1]].start);
            }
        }
    }

    #[test]
    fn an_activity_uses_every_working_hour_between_its_first_and_last_day(plan in arb_rich_plan()) {
        let schedule = schedule(&plan).unwrap();
        let calendar = schedule.calendar();
        for index in 0..plan.activities.len() {
            let slots = schedule.slots_of(index);
            for pair in slots.windows(2) {
                // Interior days are whole, so exceptions' hours are used in full...
                prop_assert_eq!(pair[0].offset + pair[0].hours, calendar.capacity(pair[0].date));
                prop_assert!(pair[1].offset.is_zero());
                // ... and no working day in between is skipped.
                for date in pair[0].date.iter_days().skip(1).take_while(|d| *d < pair[1].date) {
                    prop_assert!(calendar.capacity(date).is_zero(), "{} skipped", date);
                }
            }
        }
    }

    #[test]
    fn the_critical_path_ends_the_plan_and_chains_back(plan in arb_rich_plan()) {
        let schedule = schedule(&plan).unwrap();
        let path = schedule.critical_path();
        let last = *path.last().unwrap();
        prop_assert_eq!(schedule.spans()[last].end, schedule.end());
        for pair in path.windows(2) {
            prop_assert_eq!(schedule.spans()[pair[1]].driver, cronograma::schedule::Driver::Activity(pair[0]));
            prop_assert!(schedule.spans()[pair[0]].end <= schedule.spans()[pair[1]].start);
        }
    }
}

/// A rich plan whose people (some of them) have their own hours, day start, days and
/// vacations.
fn arb_plan_with_people() -> impl Strategy<Value = Plan> {
    let person = (
        proptest::option::of(1u32..=40),      // hours a day, in quarters
        proptest::option::of(0u32..(14 * 4)), // day start, in quarters
        proptest::bits::u8::between(0, 7).prop_filter("a worked day", |bits| *bits != 0),
        any::<bool>(),                                           // own workdays?
        proptest::collection::vec((0i64..200, 0i64..15), 0..3),  // vacations
        proptest::collection::vec((0i64..200, 0u32..=16), 0..3), // own exceptions
    );
    (arb_rich_plan(), proptest::collection::vec(person, 0..3)).prop_map(|(mut plan, people)| {
        let start = plan.start;
        plan.people = people
            .into_iter()
            .zip(["Ana", "Bo", "Cy"])
            .map(
                |((hours, opens, days, own_days, vacations, exceptions), name)| {
                    // The window must close by midnight: shorten the day, or open it earlier.
                    let plan_open = u32::from(plan.week_shape().windows[0].opens) / 15;
                    let hours = hours.map(|q| {
                        Hours::from_quarters(if opens.is_none() {
                            q.min(24 * 4 - plan_open)
                        } else {
                            q
                        })
                    });
                    let length = hours.unwrap_or(day_hours(&plan)).minutes() / 15;
                    let opens = opens.map(|open| open.min(24 * 4 - length));
                    let day_start =
                        opens.map(|q| NaiveTime::from_hms_opt(q / 4, (q % 4) * 15, 0).unwrap());
                    let own = hours.is_some() || opens.is_some();
                    let open_quarters = opens.unwrap_or(plan_open);
                    let mut seen = HashSet::new();
                    cronograma::plan::Person {
                        busy: Vec::new(),
                        windows: None,
                        week: None,
                        name: name.into(),
                        hours_per_day: hours,
                        day_start,
                        workdays: own_days.then(|| {
                            (0..7)
                                .filter(|i| days & (1 << i) != 0)
                                .map(|i| Day::ALL[i])
                                .collect()
                        }),
                        holidays: vacations
                            .into_iter()
                            .map(|(from, length)| Holiday {
                                date: start + TimeDelta::days(from),
                                until: Some(start + TimeDelta::days(from + length)),
                                name: None,
                            })
                            .collect::<Vec<_>>()
                            .into_iter()
                            .filter(|h| seen.insert((h.date, h.last_day())))
                            .collect(),
                        exceptions: {
                            let mut days = HashSet::new();
                            exceptions
                                .into_iter()
                                .filter(|(offset, _)| days.insert(*offset))
                                .map(|(offset, quarters)| {
                                    // Their own one window runs on to midnight; the plan's
                                    // windows leave what follows the last.
                                    let room = if own {
                                        24 * 4 - open_quarters
                                    } else {
                                        (day_hours(&plan).minutes() / 15)
                                            + (24 * 60 - last_close(&plan)) / 15
                                    };
                                    Exception::hours(
                                        start + TimeDelta::days(offset),
                                        Hours::from_quarters(quarters.min(room)),
                                    )
                                })
                                .collect()
                        },
                    }
                },
            )
            .collect();
        plan
    })
}

/// Busy blocks at any minute over the first 200 days of a plan starting on `start`: one-off
/// or weekly, timed or whole days, some with skipped days.
fn arb_busy(start: NaiveDate) -> impl Strategy<Value = Vec<Busy>> {
    let block = (
        0i64..200,                                        // first day
        proptest::option::of((0u16..1440, 1u16..600)),    // opens, length in minutes
        proptest::option::of((any::<bool>(), 0i64..120)), // weekly?, days to its last
        proptest::collection::vec(0i64..20, 0..3),        // skipped repetitions
    );
    proptest::collection::vec(block, 0..6).prop_map(move |blocks| {
        blocks
            .into_iter()
            .enumerate()
            .map(|(at, (first, time, repeat, skipped))| {
                let date = start + TimeDelta::days(first);
                let time = time.map(|(opens, length)| {
                    let closes = (opens + length).min(1440);
                    Window::parse_any_minute(&format!(
                        "{:02}:{:02}-{:02}:{:02}",
                        opens / 60,
                        opens % 60,
                        closes / 60,
                        closes % 60
                    ))
                    .unwrap()
                });
                let (weekly, until) = match repeat {
                    Some((weekly, days)) => (weekly, Some(date + TimeDelta::days(days))),
                    None => (false, None),
                };
                let step = if weekly { 7 } else { 1 };
                Busy {
                    until,
                    weekly,
                    skip: skipped
                        .into_iter()
                        .map(|n| date + TimeDelta::days(n * step))
                        .collect(),
                    ..Busy::on(format!("b{at}"), date, time)
                }
            })
            .collect()
    })
}

/// Plans with people, with busy time for everyone and for each person.
fn arb_busy_plan() -> impl Strategy<Value = Plan> {
    arb_plan_with_people()
        .prop_flat_map(|plan| {
            let start = plan.start;
            let people = plan.people.len();
            (
                Just(plan),
                arb_busy(start),
                proptest::collection::vec(arb_busy(start), people..=people),
            )
        })
        .prop_map(|(mut plan, busy, theirs)| {
            plan.busy = busy;
            for (person, busy) in plan.people.iter_mut().zip(theirs) {
                person.busy = busy;
            }
            plan
        })
}

/// The busy stretches of `who` on `date`, in minutes of the day, from the plan's blocks
/// directly (not by the scheduler's calendar).
fn busy_minutes(plan: &Plan, who: &str, date: NaiveDate) -> Vec<(u16, u16)> {
    let person = plan.people.iter().find(|person| &*person.name == who);
    let theirs = person.map_or(&[][..], |person| &person.busy[..]);
    plan.busy
        .iter()
        .chain(theirs)
        .filter(|block| block.days().any(|day| day == date))
        .map(|block| (block.taken().opens, block.taken().closes))
        .collect()
}

/// A person's working time on `date`, worked out from the plan's fields directly (not by the
/// scheduler's calendar).
fn allowed_hours(plan: &Plan, who: &str, date: NaiveDate) -> Hours {
    let person = plan.people.iter().find(|person| &*person.name == who);
    let own_exception = person.and_then(|p| p.exceptions.iter().find(|e| e.date == date));
    if let Some(exception) =
        own_exception.or_else(|| plan.exceptions.iter().find(|e| e.date == date))
    {
        return exception.hours.unwrap();
    }
    let holiday = plan.holidays.iter().any(|h| h.covers(date))
        || person.is_some_and(|p| p.holidays.iter().any(|h| h.covers(date)));
    let workdays = person.map_or(&plan.workdays[..], |p| p.workdays(plan));
    if holiday || !workdays.iter().any(|d| d.weekday() == date.weekday()) {
        return Hours::ZERO;
    }
    match person {
        Some(person) => total(&person.week_shape(plan).windows),
        None => day_hours(plan),
    }
}

/// The hours of the plan's ordinary day.
fn day_hours(plan: &Plan) -> Hours {
    total(&plan.week_shape().windows)
}

/// When the plan's ordinary day's last window closes, in minutes.
fn last_close(plan: &Plan) -> u32 {
    u32::from(plan.week_shape().windows.last().unwrap().closes)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn no_work_is_laid_on_a_busy_minute_and_every_hour_is_done(plan in arb_busy_plan()) {
        cronograma::plan::validate::check(&plan).map_err(|v| TestCaseError::fail(format!("{v:?}")))?;
        let schedule = schedule(&plan).unwrap();
        for (index, activity) in plan.activities.iter().enumerate() {
            let done: Hours = schedule.slots_of(index).iter().map(|slot| slot.hours).sum();
            prop_assert_eq!(done, activity.hours);
            if activity.is_milestone() {
                continue;
            }
            for slot in schedule.slots_of(index).iter().filter(|slot| !slot.logged) {
                let busy = busy_minutes(&plan, &activity.who, slot.date);
                let midnight = slot.date.and_time(NaiveTime::MIN);
                for (from, to) in schedule.slot_intervals(slot) {
                    let (from, to) = ((from - midnight).num_minutes(), (to - midnight).num_minutes());
                    for (opens, closes) in &busy {
                        let clear = to <= i64::from(*opens) || from >= i64::from(*closes);
                        prop_assert!(clear, "{} worked {}..{} on {} in busy {}..{}",
                            activity.code, from, to, slot.date, opens, closes);
                    }
                }
            }
            // Fitted into what is free, not pushed past it: every day strictly inside an
            // activity's run gives it all the free time its person has left that day.
            let calendar = schedule.calendar_of(index);
            let slots = schedule.slots_of(index);
            if slots.len() > 2 && !slots.iter().any(|slot| slot.logged) {
                for slot in &slots[1..slots.len() - 1] {
                    prop_assert_eq!(slot.offset + slot.hours, calendar.capacity(slot.date));
                }
            }
        }
    }

    #[test]
    fn people_work_only_their_own_time_and_every_hour_is_done(plan in arb_plan_with_people()) {
        cronograma::plan::validate::check(&plan).map_err(|v| TestCaseError::fail(format!("{v:?}")))?;
        let schedule = schedule(&plan).unwrap();
        for (index, activity) in plan.activities.iter().enumerate() {
            let done: Hours = schedule.slots_of(index).iter().map(|slot| slot.hours).sum();
            prop_assert_eq!(done, activity.hours);
            let calendar = schedule.calendar_of(index);
            // A milestone is an instant where its constraints end, not work.
            if activity.is_milestone() {
                continue;
            }
            for slot in schedule.slots_of(index) {
                // Inside its person's window that day, by the clock too.
                prop_assert!(slot.offset + slot.hours <= allowed_hours(&plan, &activity.who, slot.date));
                let (start, end) = schedule.slot_times(slot);
                prop_assert!(start >= calendar.opening(slot.date));
                prop_assert!(start <= end);
                // By the clock, every stretch of work lies inside one of the day's windows:
                // none in a break, none past the last window.
                let windows = calendar.windows_on(slot.date);
                for (from, to) in schedule.slot_intervals(slot) {
                    let minute = |at: chrono::NaiveDateTime| (at - slot.date.and_time(NaiveTime::MIN)).num_minutes();
                    let inside = windows.iter().any(|window| {
                        i64::from(window.opens) <= minute(from) && minute(to) <= i64::from(window.closes)
                    });
                    prop_assert!(inside, "{}..{} outside {:?}", from, to, windows);
                }
            }
        }
        for (who, activities) in people(&plan) {
            for (date, hours) in hours_per_date(&schedule, &activities) {
                prop_assert!(hours <= allowed_hours(&plan, who, date), "{} h for {:?} on {}", hours, who, date);
            }
        }
    }
}

proptest! {
    /// An edit's reschedule, which keeps what comes before the change, always equals a
    /// schedule from scratch: hours and `not_before` of any activity, or (falling back to a
    /// full recompute) a person; and so does the reschedule told only which activity changed.
    #[test]
    fn incremental_recompute_equals_the_full_one(
        plan in prop_oneof![arb_rich_plan(), arb_plan_with_people()],
        edits in proptest::collection::vec((any::<usize>(), 0u32..120, proptest::option::of(0i64..90), 0u8..10), 1..4),
    ) {
        let mut old = plan;
        let mut previous = schedule(&old).unwrap();
        for (which, quarters, not_before, kind) in edits {
            let mut new = old.clone();
            let index = which % new.activities.len();
            let activity = &mut new.activities[index];
            match kind {
                0 => activity.who = "Bo".into(),
                1 => activity.not_before = not_before.map(|days| new.start + TimeDelta::days(days)),
                _ if activity.is_milestone() => {}
                _ => activity.hours = Hours::from_quarters(quarters.max(1)),
            }
            let full = schedule(&new).unwrap();
            let incremental = cronograma::schedule::reschedule(&new, &old, &previous).unwrap();
            prop_assert_eq!(&incremental, &full);
            if kind != 0 {
                // What the view's `+` and `-` use: told which activity, not given the old plan,
                // and made in the buffers of a schedule no longer needed (here a copy of the
                // previous one: full buffers, which must not leak into the new schedule).
                let spare = previous.clone().into_spare();
                let one = cronograma::schedule::reschedule_activity(&new, &previous, index, spare).unwrap();
                prop_assert_eq!(&one, &full);
            }
            old = new;
            previous = incremental;
        }
    }
}

/// A rich plan followed to a status date: random hours logged on days up to it (each person's
/// day within 24 h), some activities done, some with a new estimate.
fn arb_tracked_plan() -> impl Strategy<Value = (Plan, NaiveDate)> {
    let entry = (any::<usize>(), 0i64..120, 1u32..12, 0u8..6);
    (
        arb_rich_plan(),
        0i64..120,
        proptest::collection::vec(entry, 0..40),
    )
        .prop_map(|(mut plan, status, entries)| {
            let as_of = plan.start + TimeDelta::days(status);
            let opens = u32::from(plan.week_shape().windows[0].opens);
            let mut per_day: BTreeMap<(NaiveDate, String), u32> = BTreeMap::new();
            let mut seen = HashSet::new();
            let mut log = Vec::new();
            for (which, offset, quarters, fate) in entries {
                let index = which % plan.activities.len();
                let activity = &plan.activities[index];
                let date = plan.start + TimeDelta::days(offset.min(status));
                let day = per_day.entry((date, activity.who.to_string())).or_default();
                if activity.is_milestone()
                    || !seen.insert((date, index))
                    || opens + (*day + quarters) * 15 > 24 * 60
                {
                    continue;
                }
                *day += quarters;
                log.push(cronograma::plan::LogEntry {
                    date,
                    code: activity.code.clone(),
                    hours: Hours::from_quarters(quarters),
                    note: None,
                });
                match fate {
                    0 => plan.activities[index].done = true,
                    1 => {
                        plan.activities[index].remaining = Some(Hours::from_quarters(quarters * 3))
                    }
                    _ => {}
                }
            }
            plan.log = Some(log);
            (plan, as_of)
        })
}

proptest! {
    /// Logged work is kept as it was, the remaining hours are all placed, and none of them
    /// before the status date or before what the person logged that day.
    #[test]
    fn tracked_hours_are_conserved_and_remaining_work_starts_on_the_status_date(
        (plan, as_of) in arb_tracked_plan(),
    ) {
        cronograma::plan::validate::check(&plan).unwrap();
        let schedule = cronograma::schedule::schedule_as_of(&plan, as_of).unwrap();
        let progress = schedule.progress().unwrap();
        let mut logged_on_status_date: BTreeMap<&str, Hours> = BTreeMap::new();
        for entry in plan.log_entries() {
            let activity = plan.activities.iter().find(|a| a.code == entry.code).unwrap();
            if entry.date == as_of {
                *logged_on_status_date.entry(&activity.who).or_insert(Hours::ZERO) += entry.hours;
            }
        }
        for (index, activity) in plan.activities.iter().enumerate() {
            let slots = schedule.slots_of(index);
            let logged: Hours = slots.iter().filter(|s| s.logged).map(|s| s.hours).sum();
            let placed: Hours = slots.iter().filter(|s| !s.logged).map(|s| s.hours).sum();
            let expected: Hours = plan.log_entries().iter().filter(|e| e.code == activity.code).map(|e| e.hours).sum();
            prop_assert_eq!(logged, expected);
            prop_assert_eq!(progress.logged[index], expected);
            prop_assert_eq!(placed, progress.remaining[index]);
            if activity.done || activity.is_milestone() {
                prop_assert!(progress.remaining[index].is_zero());
            }
            for slot in slots.iter().filter(|s| !s.logged && !s.hours.is_zero()) {
                prop_assert!(slot.date >= as_of, "{:?} planned before {}", slot, as_of);
                if slot.date == as_of {
                    let before = logged_on_status_date.get(&*activity.who).copied().unwrap_or(Hours::ZERO);
                    prop_assert!(slot.offset >= before, "{:?} overlaps {} h logged", slot, before);
                }
            }
        }
    }

    /// A plan without a `log` is scheduled the same whatever the status date.
    #[test]
    fn an_untracked_plan_ignores_the_status_date(plan in arb_rich_plan(), days in -400i64..400) {
        let as_of = plan.start + TimeDelta::days(days);
        let (dated, plain) = (cronograma::schedule::schedule_as_of(&plan, as_of).unwrap(), schedule(&plan).unwrap());
        prop_assert_eq!(dated.spans(), plain.spans());
        for index in 0..plan.activities.len() {
            prop_assert_eq!(dated.slots_of(index), plain.slots_of(index));
        }
        prop_assert!(dated.progress().is_none());
    }
}

proptest! {
    /// On a tracked plan too, an edit's reschedule equals a schedule from scratch.
    #[test]
    fn incremental_recompute_equals_the_full_one_when_tracked(
        (plan, as_of) in arb_tracked_plan(),
        which in any::<usize>(),
        quarters in 1u32..120,
    ) {
        let previous = cronograma::schedule::schedule_as_of(&plan, as_of).unwrap();
        let mut edited = plan.clone();
        let index = which % edited.activities.len();
        if !edited.activities[index].is_milestone() {
            edited.activities[index].hours = Hours::from_quarters(quarters);
        }
        let full = cronograma::schedule::schedule_as_of(&edited, as_of).unwrap();
        let incremental = cronograma::schedule::reschedule(&edited, &plan, &previous).unwrap();
        prop_assert_eq!(&incremental, &full);
        let one = cronograma::schedule::reschedule_activity(&edited, &previous, index, previous.clone().into_spare()).unwrap();
        prop_assert_eq!(one, full);
    }
}
