//! The example plans under `assets/examples/`, with their dates worked out by hand.

use std::path::Path;

use chrono::Datelike;

use cronograma::export::{Format, render};
use cronograma::plan::{Plan, load_file};
use cronograma::schedule::{Schedule, schedule};

mod common;

/// The stretches of work a calendar program shows on `day` (`2024-03-05`) of the iCalendar
/// text `ics`, series expanded: `A1 08:00-10:00`, in order.
fn stretches_on(ics: &str, day: &str) -> Vec<String> {
    let day: chrono::NaiveDate = day.parse().unwrap();
    common::instances(ics)
        .into_iter()
        .filter(|instance| instance.start.date() == day)
        .map(|instance| {
            let code = instance.uid.split('-').next().unwrap_or_default();
            format!(
                "{code} {}-{}",
                instance.start.format("%H:%M"),
                instance.end.format("%H:%M")
            )
        })
        .collect()
}

fn example(name: &str) -> (Plan, Schedule) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/examples")
        .join(name);
    let plan = load_file(&path).expect("the example loads").plan;
    let schedule = schedule(&plan).expect("the example schedules");
    (plan, schedule)
}

/// Every activity's start and end, as `YYYY-MM-DD HH:MM`.
fn spans(schedule: &Schedule) -> Vec<(String, String)> {
    let moment = |at: chrono::NaiveDateTime| at.format("%Y-%m-%d %H:%M").to_string();
    schedule
        .spans()
        .iter()
        .map(|s| (moment(s.start), moment(s.end)))
        .collect()
}

fn codes(plan: &Plan, indices: &[usize]) -> Vec<String> {
    indices
        .iter()
        .map(|i| plan.activities[*i].code.to_string())
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn a_two_person_thesis_with_a_review_in_parallel() {
    // Four hours a day, 09:00–13:00, from Monday 2024-03-04.
    // C1 (Lucía, 16 h): Mon 4, Tue 5, Wed 6, Thu 7 → ends Thu 7 at 13:00.
    // C2 (Lucía, 12 h): her next working morning, Fri 8; Fri 8, Mon 11, Tue 12 → Tue 12 13:00.
    // R1 (Marta, 6 h, after C1): C1 ends at the close, so Fri 8 09:00; 4 h Fri, 2 h Mon 11
    //   → ends Mon 11 at 11:00, in parallel with C2.
    // CF (Lucía, 5 h, after R1): R1 ends Mon 11:00 but Lucía is busy until Tue 12 13:00, the
    //   close, so Wed 13 09:00; 4 h Wed, 1 h Thu → Thu 14 10:00.
    // E (milestone, after CF): Thu 14 10:00.
    // The end is E's; E waited for CF, CF for C2 (Lucía's previous), C2 for C1.
    let (plan, schedule) = example("thesis-two-people.ron");
    assert_eq!(
        spans(&schedule),
        pairs(&[
            ("2024-03-04 09:00", "2024-03-07 13:00"),
            ("2024-03-08 09:00", "2024-03-12 13:00"),
            ("2024-03-08 09:00", "2024-03-11 11:00"),
            ("2024-03-13 09:00", "2024-03-14 10:00"),
            ("2024-03-14 10:00", "2024-03-14 10:00"),
        ])
    );
    assert_eq!(
        codes(&plan, schedule.critical_path()),
        ["C1", "C2", "CF", "E"]
    );
    assert_eq!(schedule.working_days(), 9);
    assert_eq!(
        schedule.busiest_day(),
        2,
        "Lucía and Marta both work on Fri 8 and Mon 11"
    );

    let md = render(Format::Md, &plan, &schedule);
    assert!(
        md.contains("#### Lucía\n\n* **Actividad Nº1 (C1):**"),
        "{md}"
    );
    assert!(
        md.contains("#### Marta\n\n* **Actividad Nº3 (R1):**"),
        "{md}"
    );
    assert!(
        md.contains("* **Actividad Nº5 (E):** Entrega al jurado. *Hito.*"),
        "{md}"
    );
    assert!(
        md.contains("|10|4 (C1)|5 (C1)|6 (C1)|7 (C1)|8 (C2, R1)|9|10|"),
        "{md}"
    );
    assert!(
        md.contains("|11|11 (C2, R1)|12 (C2)|13 (CF)|14 (CF, E)|15|16|17|"),
        "{md}"
    );

    let json: serde_json::Value =
        serde_json::from_str(&render(Format::Json, &plan, &schedule)).unwrap();
    assert_eq!(json["activities"][2]["who"], "Marta");
    assert_eq!(json["activities"][2]["critical"], false);
    assert_eq!(json["activities"][4]["milestone"], true);
    assert_eq!(
        json["critical_path"],
        serde_json::json!(["C1", "C2", "CF", "E"])
    );
}

#[test]
fn a_plan_across_the_winter_break_with_short_fridays() {
    // Six hours a day, 08:00–14:00, from Monday 2024-07-08; no work 15–26 July; Fridays
    // 12 July, 2 and 9 August have 3 hours.
    // A (30 h): Mon 8–Thu 11 give 24 h, Fri 12 gives 3 (27), then the break; Mon 29 gives the
    //   last 3 → ends Mon 29 at 11:00.
    // B (24 h): the rest of Mon 29 (3 h, to 14:00), Tue 30, Wed 31, Thu 1 (21 h), and the
    //   3 hours of Fri 2 → ends Fri 2 August at 11:00, which is that short day's close.
    // C (9 h): so the next working morning, Mon 5 (6 h), and 3 h of Tue 6 → Tue 6 at 11:00.
    let (plan, schedule) = example("winter-break.ron");
    assert_eq!(
        spans(&schedule),
        pairs(&[
            ("2024-07-08 08:00", "2024-07-29 11:00"),
            ("2024-07-29 11:00", "2024-08-02 11:00"),
            ("2024-08-05 08:00", "2024-08-06 11:00"),
        ])
    );
    assert_eq!(schedule.working_days(), 12);
    let hours_on = |day: &str| -> String {
        let date = day.parse().unwrap();
        schedule
            .slots_on(date)
            .iter()
            .map(|s| s.hours)
            .sum::<cronograma::plan::Hours>()
            .to_string()
    };
    assert_eq!(hours_on("2024-07-12"), "3", "a short Friday");
    assert_eq!(hours_on("2024-07-22"), "0", "inside the break");
    let md = render(Format::Md, &plan, &schedule);
    assert!(
        md.contains("|29|15 (H)|16 (H)|17 (H)|18 (H)|19 (H)|20 (H)|21 (H)|"),
        "{md}"
    );
    assert!(md.contains("|31|29 (A, B)|30 (B)|31 (B)|1|2|3|4|"), "{md}");
}

#[test]
fn a_plan_with_two_milestones() {
    // Eight hours a day, 09:00–17:00, from Monday 2024-09-02; Monday 16 September is off.
    // D (20 h): Mon 2, Tue 3, and 4 h of Wed 4 → Wed 4 at 13:00.
    // M1 (milestone, after D): Wed 4 at 13:00.
    // B (30 h, after M1): the afternoon of Wed 4 (4 h), Thu 5, Fri 6, Mon 9 (28 h), 2 h of
    //   Tue 10 → Tue 10 at 11:00.
    // M2 (milestone, not before Mon 16): B ends earlier, so the date decides; the 16th is a
    //   holiday, so the next working morning: Tue 17 at 09:00. M2 alone fixes the end.
    let (plan, schedule) = example("milestones.ron");
    assert_eq!(
        spans(&schedule),
        pairs(&[
            ("2024-09-02 09:00", "2024-09-04 13:00"),
            ("2024-09-04 13:00", "2024-09-04 13:00"),
            ("2024-09-04 13:00", "2024-09-10 11:00"),
            ("2024-09-17 09:00", "2024-09-17 09:00"),
        ])
    );
    assert_eq!(codes(&plan, schedule.critical_path()), ["M2"]);
    let md = render(Format::Md, &plan, &schedule);
    assert!(
        md.contains("|36|2 (D)|3 (D)|4 (D, M1, B)|5 (B)|6 (B)|7|8|"),
        "{md}"
    );
    assert!(md.contains("|38|16 (H)|17 (M2)|18|19|20|21|22|"), "{md}");
    assert!(
        md.contains("* **Activity 2 (M1):** Design signed off *Milestone.*"),
        "{md}"
    );
}

#[test]
fn every_example_is_in_canonical_form() {
    for name in [
        "thesis-two-people.ron",
        "winter-break.ron",
        "milestones.ron",
        "tracked.ron",
        "office-hours.ron",
        "busy-week.ron",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/examples")
            .join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let document = cronograma::plan::parse_file(&text, &path).unwrap();
        assert_eq!(cronograma::plan::write::to_ron(&document), text, "{name}");
    }
}

/// A thesis around a student's week: Álgebra on Tuesdays 10:00–11:50, the tutor on
/// Wednesday 11 March 10:00–12:00, an exam all Friday 13 March.
#[test]
fn a_thesis_fitted_around_classes_a_meeting_and_an_exam() {
    let (plan, schedule) = example("busy-week.ron");
    assert_eq!(
        spans(&schedule),
        pairs(&[
            // A1 (20 h): Mon 8 h; Tue 08:00–10:00, 11:50–12:00, 13:00–17:00 (6 h 10 min);
            // Wed 08:00–12:00 and 13:00–14:50 (5 h 50 min).
            ("2026-03-02 08:00", "2026-03-04 14:50"),
            // A2 (30 h): Wed 2 h 10 min, Thu, Fri and Mon 8 h each (26 h 10 min); Tue 10:
            // 08:00–10:00, 11:50–12:00 and 13:00–14:40.
            ("2026-03-04 14:50", "2026-03-10 14:40"),
            // A3 (24 h): Tue 2 h 20 min; Wed around the tutor 6 h; Thu 8 h; not on the
            // exam's Friday; Mon 16 08:00–12:00, 13:00–16:40.
            ("2026-03-10 14:40", "2026-03-16 16:40"),
        ])
    );
    assert_eq!(schedule.total_hours(), plan.total_hours());
    // Two classes (1 h 50 min each), the meeting's 2 h and the exam's 8 h.
    let first = schedule.start().date();
    let last = schedule.end().date();
    assert_eq!(
        schedule.busy_hours(first, last).minutes(),
        2 * 110 + 120 + 480
    );
    // A calendar program sees the class free: Tuesday 3 March's work is three stretches.
    let ics = render(Format::Ics, &plan, &schedule);
    assert_eq!(
        stretches_on(&ics, "2026-03-03"),
        ["A1 08:00-10:00", "A1 11:50-12:00", "A1 13:00-17:00"]
    );
    assert!(
        stretches_on(&ics, "2026-03-13").is_empty(),
        "nothing on the exam's day"
    );
}

/// An internship on office hours: 08:00–12:00 and 13:00–17:00, Fridays 08:00–13:00, a
/// Wednesday worked 14:00–18:00, a tutor who reviews 15:00–17:00 on Tuesdays and Thursdays,
/// and each activity handed over the next working morning (`handoff: NextDay`).
#[test]
fn an_internship_on_office_hours() {
    let (plan, schedule) = example("office-hours.ron");
    assert_eq!(
        spans(&schedule),
        pairs(&[
            // P1 (14 h): Mon 8 h; Tue 08:00–12:00 and 13:00–15:00.
            ("2024-03-04 08:00", "2024-03-05 15:00"),
            // P2 (10 h): handed over the next morning, whose first window is Wednesday's own
            // 14:00–18:00 (4 h); Thursday 08:00–12:00, 13:00–15:00.
            ("2024-03-06 14:00", "2024-03-07 15:00"),
            // T1 (the tutor, 3 h, after P2): Thu 15:00–17:00, Tue 12 15:00–16:00.
            ("2024-03-07 15:00", "2024-03-12 16:00"),
            // P3 (20 h, after T1): Tue 16:00–17:00, Wed and Thu 8 h, Fri 08:00–11:00.
            ("2024-03-12 16:00", "2024-03-15 11:00"),
            // H, the delivery, handed over the next working morning: Monday 18, not Saturday.
            ("2024-03-18 08:00", "2024-03-18 08:00"),
        ])
    );
    assert_eq!(schedule.total_hours(), plan.total_hours());
    // A calendar program sees the lunch break free: one event per stretch worked.
    let ics = render(Format::Ics, &plan, &schedule);
    assert_eq!(
        stretches_on(&ics, "2024-03-05"),
        ["P1 08:00-12:00", "P1 13:00-15:00"]
    );
    assert_eq!(stretches_on(&ics, "2024-03-06"), ["P2 14:00-18:00"]);
    // JSON says each day's clock intervals.
    let json: serde_json::Value =
        serde_json::from_str(&render(Format::Json, &plan, &schedule)).unwrap();
    assert_eq!(
        json["activities"][0]["days"][1]["intervals"],
        serde_json::json!([["08:00", "12:00"], ["13:00", "15:00"]])
    );
    // The check says the windows.
    let summary = cronograma::export::summary::render(&plan, &schedule);
    assert!(
        summary.contains("horario:        8 h por día 08:00–12:00, 13:00–17:00; Vie 08:00–13:00"),
        "{summary}"
    );
}

/// A part-time reviewer with a vacation: Marta reviews 2 hours a day from 16:00, on Mondays
/// and Wednesdays, and is away 11–15 March; Lucía works the plan's 8 hours from 09:00.
#[test]
fn a_part_time_reviewer_with_a_vacation() {
    let (plan, schedule) = example("part-time-reviewer.ron");
    assert_eq!(
        spans(&schedule),
        pairs(&[
            // L1 (Lucía, 16 h): Mon 4 and Tue 5 March, 09:00–17:00.
            ("2024-03-04 09:00", "2024-03-05 17:00"),
            // R1 (Marta, 6 h, after L1): L1 ends Tue 17:00; Marta's next hours are Wed 6
            // 16:00–18:00 (2 h); Mon 11 and Wed 13 are her vacation; Mon 18 (4 h) and Wed 20
            // (6 h), 16:00–18:00.
            ("2024-03-06 16:00", "2024-03-20 18:00"),
            // L2 (Lucía, 8 h, after R1): R1 ends at 18:00, after Lucía's day: Thu 21 March.
            ("2024-03-21 09:00", "2024-03-21 17:00"),
        ])
    );
    let days: Vec<String> = schedule
        .slots_of(1)
        .iter()
        .map(|slot| slot.date.to_string())
        .collect();
    assert_eq!(days, ["2024-03-06", "2024-03-18", "2024-03-20"]);
    assert!(
        schedule
            .calendar_of_person("Marta")
            .capacity("2024-03-11".parse().unwrap())
            .is_zero()
    );
    assert_eq!(codes(&plan, schedule.critical_path()), ["L1", "R1", "L2"]);
    // The calendar program sees Marta's review at her own times.
    let ics = render(Format::Ics, &plan, &schedule);
    assert!(
        stretches_on(&ics, "2024-03-18").contains(&"R1 16:00-18:00".to_owned()),
        "{ics}"
    );
    // The canonical writer keeps the person as written.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/part-time-reviewer.ron"),
    )
    .unwrap();
    let document = cronograma::plan::parse(&text, Path::new("p.ron")).unwrap();
    assert_eq!(cronograma::plan::write::to_ron(&document), text);
}

#[test]
fn people_are_checked_like_the_plan() {
    let plan = |people: &str, who: &str| {
        format!(
            "Plan(start: \"2024-03-04\", hours_per_day: 8, people: [{people}], activities: [(code: \"A\", hours: 1, who: \"{who}\")])"
        )
    };
    let cases = [
        (
            plan("(name: \"Marta\")", "marta "),
            "\"marta \" is not \"Marta\" (people[0])",
        ),
        (
            plan("(name: \"Marta\"), (name: \"MARTA\")", "Marta"),
            "people[1].name: \"MARTA\" is already listed",
        ),
        (
            plan(
                "(name: \"Marta\", day_start: \"20:00\", hours_per_day: 6)",
                "Marta",
            ),
            "people[0].hours_per_day: 6 hours from 20:00 end at 26:00",
        ),
        (
            plan("(name: \"Marta\", workdays: [])", "Marta"),
            "people[0].workdays: no day of the week",
        ),
        (
            plan(
                "(name: \"Marta\", exceptions: [(date: \"2024-03-05\", hours: 1), (date: \"2024-03-05\", hours: 2)])",
                "Marta",
            ),
            "people[0].exceptions[1].date",
        ),
        (
            plan("(name: \"Marta\", hours_per_day: 0)", "Marta"),
            "hours_per_day",
        ),
    ];
    for (text, message) in cases {
        let error = cronograma::plan::parse(&text, Path::new("p.ron"))
            .unwrap_err()
            .to_string();
        assert!(error.contains(message), "{message}\nin: {error}");
    }
}

/// Walking days in order (as the calendars do, a month at a time, some days skipped) tells each
/// day what asking it alone tells, and gives it the slots a search of all of them finds: for
/// every example and the seed, for everyone and for each listed person.
#[test]
fn walking_the_days_tells_what_asking_each_day_tells() {
    use chrono::Months;
    use cronograma::calendar::{DayWalk, day_info_for};
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    paths.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("plan.ron"));
    let mut days_checked = 0;
    for path in paths {
        let plan = load_file(&path).expect("the example loads").plan;
        // As of a day after every log (a tracked example's logs and plan both show).
        let as_of = chrono::NaiveDate::from_ymd_opt(2023, 10, 10).unwrap();
        let schedule = cronograma::schedule::schedule_as_of(&plan, as_of.max(plan.start))
            .expect("the example schedules");
        let (first, last) = schedule.worked_days().expect("every example has work");
        let first = first.with_day(1).unwrap() - Months::new(1);
        let people = plan.people.iter().map(|person| Some(&*person.name));
        for person in std::iter::once(None).chain(people) {
            for step in [1, 3] {
                let mut month = first;
                while month <= last + Months::new(1) {
                    let mut walk = DayWalk::from(&schedule, month, person);
                    let next = month + Months::new(1);
                    for date in month.iter_days().take_while(|d| *d < next).step_by(step) {
                        let walked = walk.day(date);
                        let asked = day_info_for(&schedule, date, person);
                        assert_eq!(walked.slots, schedule.slots_on(date), "{path:?} {date}");
                        assert_eq!(walked.slots, asked.slots, "{path:?} {date}");
                        assert_eq!(
                            (walked.kind, walked.exception, walked.person),
                            (asked.kind, asked.exception, asked.person),
                            "{path:?} {date} {person:?}"
                        );
                        days_checked += 1;
                    }
                    month = next;
                }
            }
        }
    }
    assert!(days_checked > 1_000, "{days_checked}");
}

/// The md export of a day with a lunch break says both windows, and a plan made from that
/// document has them again (as `cronograma new --from` reads it).
#[test]
fn a_document_of_two_windows_reads_back_as_its_windows() {
    let (plan, schedule) = example("office-hours.ron");
    let md = render(Format::Md, &plan, &schedule);
    assert!(
        md.contains("con 8 horas diarias en las franjas horarias de 8 a 12 y de 13 a 17 hs."),
        "{md}"
    );
    let doc = cronograma::document::Doc::parse(&md);
    let found = cronograma::document::read::plan_of(&doc).unwrap().plan;
    assert_eq!(found.windows, plan.windows);
    assert_eq!(found.hours_per_day, None);
}
