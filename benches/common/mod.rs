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
        day_start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        hours_per_day: Hours::from_quarters(30),
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
