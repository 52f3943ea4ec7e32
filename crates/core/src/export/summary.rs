//! The summary `cronograma check` prints: the span, the totals, every activity, the critical path.

use super::format_moment as moment;
use std::borrow::Cow;
use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::plan::Plan;
use crate::plan::fields::format_minutes;
use crate::schedule::Schedule;
use crate::text::{one_line, pad_left, pad_right};

/// The summary as text.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    let mut out = String::new();
    write_summary(&mut out, plan, schedule).expect("writing to a String cannot fail");
    out
}

fn write_summary(out: &mut String, plan: &Plan, schedule: &Schedule) -> std::fmt::Result {
    let activities = &plan.activities;
    let hours: Vec<String> = activities.iter().map(|a| a.hours.to_string()).collect();
    let whos: Vec<Cow<str>> = activities.iter().map(|a| one_line(&a.who)).collect();
    let widest = |widths: &mut dyn Iterator<Item = usize>| widths.max().unwrap_or(0);
    let code_width = widest(&mut activities.iter().map(|a| a.code.width()));
    let who_width = widest(&mut whos.iter().map(|who| who.width()));
    let hours_width = widest(&mut hours.iter().map(String::len));
    let workdays: Vec<&str> = plan.workdays.iter().map(|day| day.name()).collect();
    writeln!(out, "{}", one_line(plan.title()))?;
    writeln!(
        out,
        "  span:         {} → {}",
        moment(schedule.start()),
        moment(schedule.end())
    )?;
    writeln!(out, "  total hours:  {}", schedule.total_hours())?;
    writeln!(out, "  working days: {}", schedule.working_days())?;
    let calendar = schedule.calendar();
    let windows = calendar.windows();
    // A day of one window reads as it always has: "6 h a day from 09:00".
    let day = match windows {
        [one] if calendar.same_every_workday() => {
            format!("from {}", format_minutes(one.opens.into()))
        }
        _ => calendar.windows_text(),
    };
    writeln!(
        out,
        "  working time: {} h a day {day}, {}",
        calendar.hours_per_day(),
        workdays.join(" ")
    )?;
    if plan.has_busy_time() {
        let (first, last) = (schedule.start().date(), schedule.end().date());
        let taken = schedule.busy_hours(first, last);
        writeln!(
            out,
            "  busy time:    {taken} h of working time taken in the span"
        )?;
    }
    write_over_allocation(out, plan, schedule)?;
    out.push('\n');
    for (index, (activity, span)) in activities.iter().zip(schedule.spans()).enumerate() {
        let mark = if schedule.is_critical(index) {
            "*"
        } else {
            " "
        };
        let who = if who_width > 0 {
            pad_right(&whos[index], who_width) + "  "
        } else {
            String::new()
        };
        writeln!(
            out,
            " {mark}{}  {} h  {who}{} → {}  {}",
            pad_right(&activity.code, code_width),
            pad_left(&hours[index], hours_width),
            moment(span.start),
            moment(span.end),
            one_line(&activity.name)
        )?;
    }
    let path: Vec<&str> = schedule
        .critical_path()
        .iter()
        .map(|index| &*plan.activities[*index].code)
        .collect();
    writeln!(out, "\n  critical path (*): {}", path.join(" → "))
}

/// `over-allocated: Ana 3 days (2024-03-05 12 h of 8, …)`, one line a person, when a plan
/// whose people's activities run side by side gives someone more than their day.
fn write_over_allocation(out: &mut String, plan: &Plan, schedule: &Schedule) -> std::fmt::Result {
    let over = schedule.over_allocated(plan);
    for person in over.chunk_by(|a, b| a.who == b.who) {
        let shown: Vec<String> = person
            .iter()
            .take(3)
            .map(|day| format!("{} {} h of {}", day.date, day.hours, day.capacity))
            .collect();
        let more = if person.len() > shown.len() {
            ", …"
        } else {
            ""
        };
        let days = if person.len() == 1 { "day" } else { "days" };
        writeln!(
            out,
            "  over-allocated: {} {} {days} ({}{more})",
            one_line(&person[0].who),
            person.len(),
            shown.join(", ")
        )?;
    }
    Ok(())
}
