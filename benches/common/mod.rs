//! What the benchmarks share: a generator of large plans.

use chrono::{NaiveDate, NaiveTime, TimeDelta};
use cronograma::plan::{Activity, Day, Holiday, Hours, Locale, Plan};

/// A large plan: `count` activities of 1 to 40 hours shared among `people`, each but the first
/// few waiting (`after`) for an earlier activity when `linked`, and 200 holidays.
#[allow(dead_code)] // Each bench uses what it needs.
pub fn generated_plan(count: usize, people: usize, linked: bool) -> Plan {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    // A fixed xorshift sequence: "random" links that are the same in every run.
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move |bound: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % bound.max(1) as u64) as usize
    };
    Plan {
        title_text: Some("generated".into()),
        locale: Locale::EN,
        start,
        day_start: Some(NaiveTime::from_hms_opt(9, 0, 0).unwrap()),
        hours_per_day: Some(Hours::from_quarters(30)),
        workdays: Day::WEEK.to_vec(),
        holidays: (0..200)
            .map(|i| Holiday::on(start + TimeDelta::days(i * 97), None))
            .collect(),
        activities: (0..count)
            .map(|i| Activity {
                code: format!("T{i}").into(),
                name: format!("Task number {i}").into(),
                hours: Hours::from_quarters(4 + (i as u32 * 37) % 157),
                who: format!("P{}", i % people).into(),
                after: if linked && i > 0 {
                    vec![format!("T{}", next(i)).into()].into()
                } else {
                    Vec::new().into()
                },
                ..Activity::default()
            })
            .collect(),
        ..Plan::default()
    }
}

/// [`generated_plan`] on MS Project's standard day: 08:00-12:00 and 13:00-17:00, a short
/// Friday (08:00-13:00).
#[allow(dead_code)] // Each bench uses what it needs.
pub fn two_windows_a_day(count: usize, people: usize, linked: bool) -> Plan {
    use cronograma::plan::window::parse_list;
    let mut plan = generated_plan(count, people, linked);
    plan.day_start = None;
    plan.hours_per_day = None;
    plan.windows = Some(parse_list("08:00-12:00, 13:00-17:00").unwrap());
    plan.week = vec![cronograma::plan::WeekWindows {
        days: vec![Day::Fri],
        windows: parse_list("08:00-13:00").unwrap(),
    }];
    plan
}

/// [`generated_plan`] with 1,000 busy blocks over its first two years: 100 weekly classes of a
/// term each (10:00-11:50 on a weekday) and 900 one-off meetings (14:00-15:30), everyone's.
#[allow(dead_code)] // Each bench uses what it needs.
pub fn with_busy_time(count: usize, people: usize, linked: bool) -> Plan {
    use cronograma::plan::Busy;
    use cronograma::plan::window::Window;
    let mut plan = generated_plan(count, people, linked);
    let class = Window::parse_any_minute("10:00-11:50").unwrap();
    let meeting = Window::parse_any_minute("14:00-15:30").unwrap();
    let classes = (0..100).map(|i| Busy {
        until: Some(plan.start + TimeDelta::days(i * 7 + 120)),
        weekly: true,
        ..Busy::on(
            format!("Class {i}"),
            plan.start + TimeDelta::days(i * 7 + i % 5),
            Some(class),
        )
    });
    let meetings = (0..900).map(|i| {
        Busy::on(
            format!("Meeting {i}"),
            plan.start + TimeDelta::days(i),
            Some(meeting),
        )
    });
    plan.busy = classes.chain(meetings).collect();
    plan
}
