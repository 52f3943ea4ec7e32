//! The scheduler's hand-worked examples.

use std::path::Path;

use chrono::NaiveDate;

use super::*;

fn plan(text: &str) -> Plan {
    crate::plan::parse(text, Path::new("test.ron"))
        .expect("test plans are valid")
        .plan
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn spans(text: &str) -> Vec<(NaiveDateTime, NaiveDateTime)> {
    let schedule = schedule(&plan(text)).unwrap();
    schedule.spans().iter().map(|s| (s.start, s.end)).collect()
}

#[test]
fn the_seed_plan_matches_the_hand_made_tables() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../plan.ron")).unwrap();
    let seed = plan(&text);
    let schedule = schedule(&seed).unwrap();
    let expected = [
        ("2023-09-13 08:00", "2023-09-21 14:00"),
        ("2023-09-22 08:00", "2023-10-02 14:00"),
        ("2023-10-03 08:00", "2023-10-11 14:00"),
        ("2023-10-12 08:00", "2023-10-25 14:00"),
        ("2023-10-26 08:00", "2023-11-03 14:00"),
        ("2023-11-06 08:00", "2023-11-13 14:00"),
        ("2023-11-14 08:00", "2023-11-28 12:00"),
    ];
    for (span, (start, end)) in schedule.spans().iter().zip(expected) {
        assert_eq!((span.start, span.end), (at(start), at(end)));
    }
    assert_eq!(schedule.total_hours(), Hours::from_whole(310));
    assert_eq!(schedule.working_days(), 52);
}

#[test]
fn overlapping_holidays_are_days_off_once() {
    let with = |holidays: &str| {
        spans(&format!(
            r#"Plan(start: "2024-07-01", hours_per_day: 8, holidays: [{holidays}],
                activities: [(code: "A", hours: 80)])"#
        ))
    };
    let break_alone = with(r#"(date: "2024-07-08", until: "2024-07-19")"#);
    // A national holiday inside the break, and a second range that overlaps its end.
    let overlapping = with(
        r#"(date: "2024-07-09", name: "Independencia"),
           (date: "2024-07-08", until: "2024-07-19"),
           (date: "2024-07-15", until: "2024-07-17")"#,
    );
    assert_eq!(overlapping, break_alone);
    assert_eq!(
        break_alone,
        [(at("2024-07-01 09:00"), at("2024-07-26 17:00"))]
    );
}

#[test]
fn a_start_on_a_weekend_moves_to_monday() {
    let spans = spans(
        r#"Plan(start: "2023-09-16", hours_per_day: 8, activities: [(code: "A", hours: 8)])"#,
    );
    assert_eq!(spans, [(at("2023-09-18 09:00"), at("2023-09-18 17:00"))]);
}

#[test]
fn a_start_on_a_holiday_moves_past_consecutive_holidays() {
    let spans = spans(
        r#"Plan(start: "2023-10-13", hours_per_day: 4, day_start: "08:00",
            holidays: [(date: "2023-10-13"), (date: "2023-10-16"), (date: "2023-10-17")],
            activities: [(code: "A", hours: 6)])"#,
    );
    assert_eq!(spans, [(at("2023-10-18 08:00"), at("2023-10-19 10:00"))]);
}

#[test]
fn fractional_hours_hand_over_mid_day() {
    let text = r#"Plan(start: "2024-01-08", hours_per_day: 7.5, day_start: "08:30",
        activities: [(code: "A", hours: 0.25), (code: "B", hours: 7.5), (code: "C", hours: 0.75)])"#;
    assert_eq!(
        spans(text),
        [
            (at("2024-01-08 08:30"), at("2024-01-08 08:45")),
            (at("2024-01-08 08:45"), at("2024-01-09 08:45")),
            (at("2024-01-09 08:45"), at("2024-01-09 09:30")),
        ]
    );
    let schedule = schedule(&plan(text)).unwrap();
    let b: Vec<u32> = schedule
        .slots_of(1)
        .iter()
        .map(|s| s.hours.minutes() / 15)
        .collect();
    assert_eq!(b, [29, 1]);
    assert_eq!(
        schedule
            .slots_on(NaiveDate::from_ymd_opt(2024, 1, 9).unwrap())
            .len(),
        2
    );
}

#[test]
fn a_full_day_hands_over_the_next_working_morning() {
    let spans = spans(
        r#"Plan(start: "2023-09-15", hours_per_day: 6, day_start: "08:00",
            activities: [(code: "A", hours: 6), (code: "B", hours: 1)])"#,
    );
    assert_eq!(spans[1], (at("2023-09-18 08:00"), at("2023-09-18 09:00")));
}

#[test]
fn the_busiest_day_counts_activities_sharing_it() {
    let whole_days = plan(
        r#"Plan(start: "2024-01-08", hours_per_day: 4, activities: [(code: "A", hours: 4), (code: "B", hours: 8)])"#,
    );
    assert_eq!(schedule(&whole_days).unwrap().busiest_day(), 1);
    let shared = plan(
        r#"Plan(start: "2024-01-08", hours_per_day: 4, activities: [(code: "A", hours: 1), (code: "B", hours: 1), (code: "C", hours: 1)])"#,
    );
    assert_eq!(schedule(&shared).unwrap().busiest_day(), 3);
}

/// Working days counted by hand: the distinct dates of slots with hours.
fn distinct_worked_dates(schedule: &Schedule) -> usize {
    let dates: std::collections::BTreeSet<NaiveDate> = (0..schedule.spans().len())
        .flat_map(|index| schedule.slots_of(index))
        .filter(|slot| !slot.hours.is_zero())
        .map(|slot| slot.date)
        .collect();
    dates.len()
}

#[test]
fn working_days_count_distinct_dates_for_parallel_and_spread_work() {
    // Parallel work (slots not in day order): A on 8 days from Monday 8 January, B within
    // them, C on Friday 1 March.
    let parallel = plan(
        r#"Plan(start: "2024-01-08", hours_per_day: 4, activities: [
            (code: "A", hours: 30, who: "Ana"), (code: "B", hours: 9, who: "Bea"),
            (code: "M", hours: 0, after: ["A"]), (code: "C", hours: 2, who: "Bea", not_before: "2024-03-01")])"#,
    );
    // Two days worked forty years apart, a milestone between.
    let spread = plan(
        r#"Plan(start: "2024-01-08", hours_per_day: 4, activities: [
            (code: "A", hours: 4, who: "Ana"), (code: "M", hours: 0, not_before: "2044-01-05"),
            (code: "B", hours: 4, who: "Bea", not_before: "2064-01-07")])"#,
    );
    for (plan, expected) in [(parallel, 9), (spread, 2)] {
        let schedule = schedule(&plan).unwrap();
        assert_eq!(distinct_worked_dates(&schedule), expected);
        assert_eq!(schedule.working_days(), expected);
    }
}

#[test]
fn the_day_order_is_kept_only_for_parallel_work() {
    let parallel = plan(
        r#"Plan(start: "2024-01-08", hours_per_day: 4, activities: [
            (code: "A", hours: 12, who: "Ana"), (code: "B", hours: 6, who: "Bea")])"#,
    );
    let schedule_of_two = schedule(&parallel).unwrap();
    let day = NaiveDate::from_ymd_opt(2024, 1, 9).unwrap();
    let on_the_day: Vec<usize> = schedule_of_two
        .slots_on(day)
        .iter()
        .map(|slot| slot.activity)
        .collect();
    assert_eq!(on_the_day, [0, 1]);
    let sorted = schedule_of_two
        .by_day
        .as_ref()
        .expect("parallel work is sorted");
    assert!(sorted.is_sorted_by_key(|slot| (slot.date, slot.offset, slot.activity)));
    // A schedule whose day order differs is not equal, though all else is the same.
    let mut reordered = schedule_of_two.clone();
    reordered.by_day.as_mut().unwrap().swap(0, 1);
    assert_ne!(schedule_of_two, reordered);
    // One person's work comes out in day order: nothing to sort.
    let alone = plan(
        r#"Plan(start: "2024-01-08", hours_per_day: 4, activities: [(code: "A", hours: 12)])"#,
    );
    assert_eq!(schedule(&alone).unwrap().by_day, None);
}

#[test]
fn a_single_workday_a_week() {
    let spans = spans(
        r#"Plan(start: "2023-09-13", hours_per_day: 4, workdays: [Sat],
            activities: [(code: "A", hours: 10)])"#,
    );
    assert_eq!(spans, [(at("2023-09-16 09:00"), at("2023-09-30 11:00"))]);
}

#[test]
fn a_window_closing_at_midnight_ends_at_the_next_day() {
    let spans = spans(
        r#"Plan(start: "2023-09-13", hours_per_day: 4, day_start: "20:00",
            activities: [(code: "A", hours: 4)])"#,
    );
    assert_eq!(spans, [(at("2023-09-13 20:00"), at("2023-09-14 00:00"))]);
}

#[test]
fn work_past_the_year_9999_is_an_error_not_a_panic() {
    let result = schedule(&plan(
        r#"Plan(start: "9999-12-01", hours_per_day: 1, activities: [(code: "Late", hours: 500)])"#,
    ));
    assert_eq!(
        result,
        Err(ScheduleError::PastTheCalendar {
            code: "Late".into()
        })
    );
}

/// MS Project's standard day, worked by hand: 2024-03-04 is a Monday, Friday is short.
const STANDARD_DAY: &str =
    r#"windows: ["08:00-12:00", "13:00-17:00"], week: [(days: [Fri], windows: ["08:00-13:00"])]"#;

fn windowed(rest: &str) -> Vec<(NaiveDateTime, NaiveDateTime)> {
    spans(&format!(
        r#"Plan(start: "2024-03-04", {STANDARD_DAY}, {rest})"#
    ))
}

#[test]
fn work_is_laid_into_the_windows_and_a_break_is_neither_start_nor_end() {
    let spans = windowed(
        r#"activities: [(code: "A", hours: 4), (code: "B", hours: 6), (code: "C", hours: 0), (code: "D", hours: 10)]"#,
    );
    assert_eq!(
        spans,
        [
            // Ends at the morning window's close, not at the afternoon's opening.
            (at("2024-03-04 08:00"), at("2024-03-04 12:00")),
            // Handed over at 12:00, it starts when work resumes: 13:00; 4 h + 2 h.
            (at("2024-03-04 13:00"), at("2024-03-05 10:00")),
            // A milestone keeps its rule: where what it waits for ended.
            (at("2024-03-05 10:00"), at("2024-03-05 10:00")),
            // 2 h + 4 h on Tuesday, then 4 h of Wednesday ends at 12:00.
            (at("2024-03-05 10:00"), at("2024-03-06 12:00")),
        ]
    );
}

#[test]
fn a_weekday_of_its_own_and_an_exception_with_windows_are_worked_as_written() {
    let spans = windowed(
        r#"exceptions: [(date: "2024-03-07", windows: ["14:00-18:00"]), (date: "2024-03-11", hours: 6)],
           activities: [(code: "A", hours: 16), (code: "B", hours: 17)]"#,
    );
    assert_eq!(
        spans,
        [
            (at("2024-03-04 08:00"), at("2024-03-05 17:00")),
            // Wed 8 h, Thu 14:00-18:00 4 h, Fri 08:00-13:00 5 h.
            (at("2024-03-06 08:00"), at("2024-03-08 13:00")),
        ]
    );
    let later = windowed(
        r#"exceptions: [(date: "2024-03-11", hours: 6)],
           activities: [(code: "A", hours: 37), (code: "B", hours: 7)]"#,
    );
    // Monday's 6 h are the first six of its windows: 08:00-12:00 and 13:00-15:00.
    assert_eq!(later[0].1, at("2024-03-08 13:00"));
    assert_eq!(later[1], (at("2024-03-11 08:00"), at("2024-03-12 09:00")));
    // An exception's hours beyond its windows run on past the last one.
    let long = windowed(
        r#"exceptions: [(date: "2024-03-04", hours: 10)], activities: [(code: "A", hours: 10)]"#,
    );
    assert_eq!(long[0], (at("2024-03-04 08:00"), at("2024-03-04 19:00")));
}

#[test]
fn next_day_hands_over_at_the_next_first_window_and_dates_count_from_it() {
    let spans = windowed(
        r#"handoff: NextDay, exceptions: [(date: "2024-03-05", windows: ["10:00-12:00"])],
           activities: [(code: "A", hours: 4), (code: "B", hours: 1, not_before: "2024-03-05"), (code: "C", hours: 1)]"#,
    );
    assert_eq!(
        spans,
        [
            // Ending at 12:00 before a 13:00 window counts as mid-day.
            (at("2024-03-04 08:00"), at("2024-03-04 12:00")),
            // The next day's first window is the exception's: 10:00.
            (at("2024-03-05 10:00"), at("2024-03-05 11:00")),
            (at("2024-03-06 08:00"), at("2024-03-06 09:00")),
        ]
    );
}

#[test]
fn a_persons_windows_replace_the_plans_windows_and_week_and_their_week_replaces_it_whole() {
    let spans = windowed(
        r#"people: [(name: "Ana", windows: ["14:00-18:00"]), (name: "Bo", week: [(days: [Mon], windows: ["09:00-10:00"])])],
           activities: [(code: "A", hours: 20, who: "Ana"), (code: "B", hours: 2, who: "Bo"), (code: "C", hours: 13, who: "Bo", not_before: "2024-03-08")]"#,
    );
    assert_eq!(
        spans,
        [
            // Ana: 4 h a day, Friday too (the plan's short Friday is not hers).
            (at("2024-03-04 14:00"), at("2024-03-08 18:00")),
            // Bo: Monday 09:00-10:00 only, then Tuesday's plan windows.
            (at("2024-03-04 09:00"), at("2024-03-05 09:00")),
            // Bo's week replaces the plan's whole: Friday is the ordinary day for him.
            (at("2024-03-08 08:00"), at("2024-03-12 12:00")),
        ]
    );
}

#[test]
fn windows_that_touch_are_one_stretch_and_logged_work_crosses_breaks() {
    let touching = spans(
        r#"Plan(start: "2024-03-04", windows: ["08:00-12:00", "12:00-13:00"], activities: [(code: "A", hours: 5), (code: "B", hours: 1)])"#,
    );
    assert_eq!(
        touching[0],
        (at("2024-03-04 08:00"), at("2024-03-04 13:00"))
    );
    let tracked = plan(&format!(
        r#"Plan(start: "2024-03-04", {STANDARD_DAY}, activities: [(code: "A", hours: 8)], log: [(date: "2024-03-04", code: "A", hours: 6)])"#
    ));
    let schedule = schedule_as_of(&tracked, at("2024-03-04 00:00").date()).unwrap();
    let span = &schedule.spans()[0];
    // Logged from the first window across the break; the rest follows at 15:00.
    assert_eq!(
        (span.start, span.end),
        (at("2024-03-04 08:00"), at("2024-03-04 17:00"))
    );
    let intervals = schedule.slot_intervals(&schedule.slots_of(0)[0]);
    assert_eq!(
        intervals,
        [
            (at("2024-03-04 08:00"), at("2024-03-04 12:00")),
            (at("2024-03-04 13:00"), at("2024-03-04 15:00"))
        ]
    );
}

#[test]
fn the_plans_week_may_name_a_day_a_person_does_not_work() {
    let spans = windowed(
        r#"people: [(name: "Ana", workdays: [Mon, Tue])], activities: [(code: "A", hours: 20, who: "Ana")]"#,
    );
    // Ana works Mondays and Tuesdays on the plan's windows; the short Friday is not hers.
    assert_eq!(spans, [(at("2024-03-04 08:00"), at("2024-03-11 12:00"))]);
}

#[test]
fn busy_time_is_cut_out_to_the_minute_and_work_flows_around_it() {
    // Tuesdays 10:00-11:50 a class (not on 12 March), Wednesday 6 March a meeting over lunch,
    // Thursday 7 March an exam all day; Ana has a shift on Monday 4 March afternoons.
    let text = format!(
        r#"Plan(start: "2024-03-04", {STANDARD_DAY},
           busy: [
               (name: "Álgebra", date: "2024-03-05", time: "10:00-11:50", until: "2024-03-19",
                weekly: true, skip: ["2024-03-12"]),
               (name: "Reunión", date: "2024-03-06", time: "11:30-13:30"),
               (name: "Examen", date: "2024-03-07"),
           ],
           people: [(name: "Ana", busy: [(name: "Turno", date: "2024-03-04", time: "13:00-17:00")])],
           activities: [(code: "A", hours: 15), (code: "B", hours: 4, not_before: "2024-03-07"),
                        (code: "C", hours: 4, who: "Ana"), (code: "D", hours: 8, who: "Ana")])"#
    );
    let plan = plan(&text);
    let schedule = schedule(&plan).unwrap();
    let spans: Vec<_> = schedule.spans().iter().map(|s| (s.start, s.end)).collect();
    assert_eq!(
        spans,
        [
            // Mon 8 h; Tue 08:00-10:00 and 11:50-12:00 and 13:00-17:00: 6 h 10 min, so
            // the last 50 min are worked on Wednesday from 08:00.
            (at("2024-03-04 08:00"), at("2024-03-06 08:50")),
            // Thursday is taken whole: B starts Friday.
            (at("2024-03-08 08:00"), at("2024-03-08 12:00")),
            // Ana: Monday's afternoon shift leaves the morning.
            (at("2024-03-04 08:00"), at("2024-03-04 12:00")),
            // Then Tue 6 h 10 min, and the last 1 h 50 min on Wednesday: 08:00-09:50.
            (at("2024-03-05 08:00"), at("2024-03-06 09:50")),
        ]
    );
    let calendar = schedule.calendar();
    let minutes = |date: &str| {
        calendar
            .capacity(NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap())
            .minutes()
    };
    // Wednesday: 08:00-11:30 and 13:30-17:00; the skipped Tuesday is a whole day.
    assert_eq!(minutes("2024-03-06"), 7 * 60);
    assert_eq!(minutes("2024-03-12"), 8 * 60);
    assert_eq!(minutes("2024-03-19"), 8 * 60 - 110);
    let first = NaiveDate::from_ymd_opt(2024, 3, 4).unwrap();
    let last = NaiveDate::from_ymd_opt(2024, 3, 31).unwrap();
    // Two classes (1 h 50 min each; 12 March skipped), the meeting's hour of work, the exam's 8 h.
    assert_eq!(
        calendar.busy_hours(first, last).minutes(),
        2 * 110 + 60 + 8 * 60
    );
    let names: Vec<&str> = calendar
        .busy_on(NaiveDate::from_ymd_opt(2024, 3, 5).unwrap())
        .iter()
        .map(|busy| &*busy.name)
        .collect();
    assert_eq!(names, ["Álgebra"]);
    // The Tuesday's work, by the clock: around the class.
    let tuesday: Vec<_> = schedule
        .slots_of(0)
        .iter()
        .filter(|slot| slot.date == NaiveDate::from_ymd_opt(2024, 3, 5).unwrap())
        .flat_map(|slot| schedule.slot_intervals(slot))
        .map(|(from, to)| format!("{}-{}", from.format("%H:%M"), to.format("%H:%M")))
        .collect();
    assert_eq!(tuesday, ["08:00-10:00", "11:50-12:00", "13:00-17:00"]);
}

#[test]
fn own_hours_win_on_their_level_and_the_more_particular_level_wins() {
    // 2024-07-08 … 12: the plan's winter break. The plan gives 4 h on the 9th (given after
    // the break, on purpose); Ana's vacation, the 15th, takes the plan's 4 h that day; Bo's own
    // 2 h on the 10th win over the plan's break; the 11th has a day off of 0 h too.
    let plan = plan(
        r#"Plan(start: "2024-07-08", hours_per_day: 8,
            holidays: [(date: "2024-07-08", until: "2024-07-12", name: "Receso")],
            exceptions: [(date: "2024-07-09", hours: 4), (date: "2024-07-11", hours: 0),
                         (date: "2024-07-15", hours: 4)],
            people: [(name: "Ana", holidays: [(date: "2024-07-15")]),
                     (name: "Bo", exceptions: [(date: "2024-07-10", hours: 2)])],
            activities: [(code: "A", hours: 1, who: "Ana")])"#,
    );
    let everyone = WorkCalendar::new(&plan);
    let ana = WorkCalendar::for_person(&plan, &plan.people[0]);
    let bo = WorkCalendar::for_person(&plan, &plan.people[1]);
    let day = |text: &str| text.parse::<NaiveDate>().unwrap();
    let hours = |calendar: &WorkCalendar, date: &str| calendar.capacity(day(date)).minutes() / 60;
    assert_eq!(
        hours(&everyone, "2024-07-09"),
        4,
        "the plan's hours over its holiday"
    );
    assert_eq!(hours(&everyone, "2024-07-15"), 4);
    assert_eq!(
        hours(&ana, "2024-07-15"),
        0,
        "her vacation over the plan's hours"
    );
    assert_eq!(hours(&ana, "2024-07-09"), 4);
    assert_eq!(
        hours(&bo, "2024-07-10"),
        2,
        "his hours over the plan's holiday"
    );
    assert_eq!(hours(&bo, "2024-07-11"), 0);
    // What exports write: each date once, the worked days cut out of the break, the 0 h day
    // said by the break alone.
    let range = |from: &str, to: &str| (day(from), day(to));
    assert_eq!(
        everyone.days_off(),
        [
            range("2024-07-08", "2024-07-08"),
            range("2024-07-10", "2024-07-12")
        ]
    );
    let dates = |calendar: &WorkCalendar| -> Vec<NaiveDate> {
        calendar.exceptions().map(|(date, _, _)| date).collect()
    };
    assert_eq!(dates(&everyone), [day("2024-07-09"), day("2024-07-15")]);
    assert_eq!(
        bo.days_off(),
        [
            range("2024-07-08", "2024-07-08"),
            range("2024-07-11", "2024-07-12")
        ]
    );
    assert_eq!(
        dates(&bo),
        [day("2024-07-09"), day("2024-07-10"), day("2024-07-15")]
    );
    assert_eq!(
        ana.days_off(),
        [
            range("2024-07-08", "2024-07-08"),
            range("2024-07-10", "2024-07-12"),
            range("2024-07-15", "2024-07-15")
        ]
    );
}
