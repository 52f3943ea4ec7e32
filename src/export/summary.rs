//! The summary `cronograma check` prints: the span, the totals, every activity, the critical path.

use super::format_moment as moment;
use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::plan::Plan;
use crate::plan::fields::format_time;
use crate::schedule::Schedule;
use crate::text::{one_line, pad_left, pad_right};

/// The summary as text.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    let mut out = String::new();
    write_summary(&mut out, plan, schedule).expect("writing to a String cannot fail");
    out
}

fn write_summary(out: &mut String, plan: &Plan, schedule: &Schedule) -> std::fmt::Result {
    // Each activity's hours as text once, for the column's width and for its row.
    let hours: Vec<String> = plan
        .activities
        .iter()
        .map(|activity| activity.hours.to_string())
        .collect();
    let widest =
        |width: &dyn Fn(usize) -> usize| (0..plan.activities.len()).map(width).max().unwrap_or(0);
    let code_width = widest(&|i| plan.activities[i].code.width());
    let hours_width = widest(&|i| hours[i].width());
    let who_width = widest(&|i| one_line(&plan.activities[i].who).width());
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
    writeln!(
        out,
        "  working time: {} h a day from {}, {}",
        plan.hours_per_day,
        format_time(plan.day_start),
        workdays.join(" ")
    )?;
    out.push('\n');
    for (index, (activity, span)) in plan.activities.iter().zip(schedule.spans()).enumerate() {
        let mark = if schedule.is_critical(index) {
            '*'
        } else {
            ' '
        };
        write!(
            out,
            " {mark}{}  {} h  ",
            pad_right(&activity.code, code_width),
            pad_left(&hours[index], hours_width),
        )?;
        if who_width > 0 {
            write!(out, "{}  ", pad_right(&one_line(&activity.who), who_width))?;
        }
        writeln!(
            out,
            "{} → {}  {}",
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
