//! Invariants of the scheduler over random plans.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta};
use cronograma::plan::{Activity, Day, Holiday, Hours, Locale, Plan};
use cronograma::schedule::{Schedule, schedule};
use proptest::prelude::*;

const DAYS: [Day; 7] = [
    Day::Mon,
    Day::Tue,
    Day::Wed,
    Day::Thu,
    Day::Fri,
    Day::Sat,
    Day::Sun,
];

fn arb_plan() -> impl Strategy<Value = Plan> {
    (
        0i64..3000,     // start, days after 2020-01-01
        0u32..(20 * 4), // day start in quarters after midnight
        1u32..=64,      // hours per day, in quarters
        proptest::bits::u8::between(0, 7).prop_filter("a worked day", |bits| *bits != 0),
        proptest::collection::vec(0i64..400, 0..30), // holidays, days after the start
        proptest::collection::vec(1u32..200, 1..25), // activity efforts in quarters
    )
        .prop_map(|(start, open, day_hours, workdays, holidays, efforts)| {
            let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + TimeDelta::days(start);
            let open = open.min(24 * 4 - day_hours);
            Plan {
                title_text: None,
                locale: Locale::En,
                start,
                day_start: NaiveTime::from_hms_opt(open / 4, (open % 4) * 15, 0).unwrap(),
                hours_per_day: Hours::from_quarters(day_hours),
                workdays: (0..7)
                    .filter(|i| workdays & (1 << i) != 0)
                    .map(|i| DAYS[i])
                    .collect(),
                holidays: holidays
                    .into_iter()
                    .collect::<HashSet<_>>()
                    .into_iter()
                    .map(|offset| Holiday {
                        date: start + TimeDelta::days(offset),
                        name: None,
                    })
                    .collect(),
                activities: efforts
                    .into_iter()
                    .enumerate()
                    .map(|(i, quarters)| Activity {
                        code: format!("A{i}").into(),
                        name: "".into(),
                        hours: Hours::from_quarters(quarters),
                    })
                    .collect(),
                fallback_title: String::new(),
            }
        })
}

fn hours_per_date(schedule: &Schedule, activities: usize) -> BTreeMap<NaiveDate, Hours> {
    let mut per_date = BTreeMap::new();
    for index in 0..activities {
        for slot in schedule.slots_of(index) {
            *per_date.entry(slot.date).or_insert(Hours::ZERO) += slot.hours;
        }
    }
    per_date
}

proptest! {
    #[test]
    fn hours_are_conserved_per_activity(plan in arb_plan()) {
        let schedule = schedule(&plan).unwrap();
        for (index, activity) in plan.activities.iter().enumerate() {
            let done: Hours = schedule.slots_of(index).iter().map(|slot| slot.hours).sum();
            prop_assert_eq!(done, activity.hours);
        }
        prop_assert_eq!(schedule.total_hours(), plan.total_hours());
    }

    #[test]
    fn no_work_on_rest_days_or_holidays_and_no_day_over_its_hours(plan in arb_plan()) {
        let schedule = schedule(&plan).unwrap();
        let holidays: HashSet<NaiveDate> = plan.holidays.iter().map(|h| h.date).collect();
        for (date, hours) in hours_per_date(&schedule, plan.activities.len()) {
            prop_assert!(!holidays.contains(&date), "work on holiday {}", date);
            prop_assert!(plan.workdays.iter().any(|d| d.weekday() == date.weekday()), "work on rest day {}", date);
            prop_assert!(hours <= plan.hours_per_day, "{} h on {}", hours, date);
            prop_assert!(date >= plan.start);
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
            let previous_filled_its_day = previous.offset + previous.hours == plan.hours_per_day;
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
    fn every_span_matches_its_slots(plan in arb_plan()) {
        let schedule = schedule(&plan).unwrap();
        for (index, span) in schedule.spans().iter().enumerate() {
            let slots = schedule.slots_of(index);
            let opening = |date: NaiveDate, offset: Hours| {
                date.and_time(plan.day_start) + TimeDelta::minutes(offset.minutes().into())
            };
            let first = slots.first().unwrap();
            let last = slots.last().unwrap();
            prop_assert_eq!(span.start, opening(first.date, first.offset));
            prop_assert_eq!(span.end, opening(last.date, last.offset + last.hours));
        }
    }
}
