//! The Mermaid export: a `gantt` block for a README on a code forge. Every bar covers exactly
//! the days the schedule gives the activity (an explicit first day and an exclusive end), the
//! non-working weekdays and every holiday are `excludes`, one section per person, milestones
//! as Mermaid milestones, and the critical path tagged `crit`.

use std::fmt::{self, Write};

use chrono::{NaiveDate, TimeDelta};

use crate::locale::words;
use crate::plan::{Day, Plan};
use crate::schedule::Schedule;

/// The block, without the Markdown fence.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    let mut out = String::new();
    write_gantt(&mut out, plan, schedule).expect("writing to a String cannot fail");
    out
}

fn write_gantt(out: &mut String, plan: &Plan, schedule: &Schedule) -> fmt::Result {
    writeln!(out, "gantt")?;
    writeln!(out, "    title {}", label(plan.title()))?;
    writeln!(out, "    dateFormat YYYY-MM-DD")?;
    writeln!(out, "    axisFormat %Y-%m-%d")?;
    let mut excluded: Vec<String> = ALL_DAYS
        .iter()
        .filter(|(day, _)| !plan.workdays.contains(day))
        .map(|(_, name)| (*name).to_owned())
        .collect();
    // Each day once, in date order: the schedule's days off (a holiday given hours of its own
    // is worked) and the days given 0 hours. (Extra working days on a weekend cannot be said
    // in Mermaid, which has no way to include a date its `excludes` leave out.)
    let calendar = schedule.calendar();
    let mut days_off = std::collections::BTreeSet::new();
    for (first, last) in calendar.days_off() {
        days_off.extend(first.iter_days().take_while(|day| *day <= last));
    }
    let zero_hours = calendar
        .exceptions()
        .filter(|(_, hours, _)| hours.is_zero());
    days_off.extend(zero_hours.map(|(date, _, _)| date));
    excluded.extend(days_off.iter().map(NaiveDate::to_string));
    if !excluded.is_empty() {
        writeln!(out, "    excludes {}", excluded.join(", "))?;
    }
    for (who, activities) in super::by_person(plan) {
        let section = if who.is_empty() {
            words(plan.locale).schedule_heading
        } else {
            who
        };
        writeln!(out, "    section {}", label(section))?;
        for index in activities {
            let activity = &plan.activities[index];
            let name = if activity.name.is_empty() {
                activity.code.to_string()
            } else {
                format!("{} · {}", activity.code, activity.name)
            };
            let mut tags = Vec::new();
            if schedule.is_critical(index) {
                tags.push("crit");
            }
            // A milestone is a day and no length; a bar runs from its first day to the day
            // after its last (Mermaid's end is exclusive).
            let (first, end) = if activity.is_milestone() {
                tags.push("milestone");
                (schedule.spans()[index].start.date(), "0d".to_owned())
            } else {
                let slots = schedule.slots_of(index);
                let (Some(first), Some(last)) = (slots.first(), slots.last()) else {
                    continue;
                };
                (first.date, day_after(last.date).to_string())
            };
            let tags: String = tags.iter().map(|tag| format!("{tag}, ")).collect();
            let id = identifier(&activity.code);
            writeln!(out, "    {} :{tags}{id}, {first}, {end}", label(&name))?;
        }
    }
    Ok(())
}

const ALL_DAYS: [(Day, &str); 7] = [
    (Day::Mon, "monday"),
    (Day::Tue, "tuesday"),
    (Day::Wed, "wednesday"),
    (Day::Thu, "thursday"),
    (Day::Fri, "friday"),
    (Day::Sat, "saturday"),
    (Day::Sun, "sunday"),
];

/// Mermaid ends a task's name at `:` and a statement at `;`, `#` and the end of a line:
/// replace them, and write other control characters visibly.
fn label(text: &str) -> String {
    let one_line = text.replace(['\n', '\r', '\t'], " ");
    crate::text::in_one_line(&one_line)
        .replace(':', " -")
        .replace([';', '#'], ",")
}

/// Task ids are single words.
fn identifier(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn day_after(day: NaiveDate) -> NaiveDate {
    day.checked_add_signed(TimeDelta::days(1)).unwrap_or(day)
}
