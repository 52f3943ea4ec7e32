//! The summary `cronograma check` prints: the span, the totals, every activity, the critical path.

use super::Stamp;
use super::format_moment as moment;
use std::borrow::Cow;
use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::plan::Plan;
use crate::plan::fields::format_time;
use crate::schedule::Schedule;
use crate::text::one_line;

/// The summary as text.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    let mut out = String::new();
    write_summary(&mut out, plan, schedule).expect("writing to a String cannot fail");
    out
}

fn write_summary(out: &mut String, plan: &Plan, schedule: &Schedule) -> std::fmt::Result {
    let activities = &plan.activities;
    // Each activity's texts and their widths once, for the columns' widths and for its row.
    let hours: Vec<Stamp> = activities.iter().map(|a| Stamp::hours(a.hours)).collect();
    let whos: Vec<Cow<str>> = activities.iter().map(|a| one_line(&a.who)).collect();
    let widths = |width: &dyn Fn(usize) -> usize| (0..activities.len()).map(width).collect();
    let code_widths: Vec<usize> = widths(&|i| activities[i].code.width());
    let who_widths: Vec<usize> = widths(&|i| whos[i].width());
    let widest = |widths: &[usize]| widths.iter().copied().max().unwrap_or(0);
    let (code_width, who_width) = (widest(&code_widths), widest(&who_widths));
    let hours_width = hours.iter().map(|h| h.as_str().len()).max().unwrap_or(0);
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
    // Each row pushed piece by piece: a `write!` and a padded copy per cell were most of
    // `check` on a large plan.
    let pad = |out: &mut String, used: usize, width: usize| {
        out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    };
    for (index, (activity, span)) in activities.iter().zip(schedule.spans()).enumerate() {
        out.push_str(if schedule.is_critical(index) {
            " *"
        } else {
            "  "
        });
        out.push_str(&activity.code);
        pad(out, code_widths[index], code_width);
        out.push_str("  ");
        let hours = hours[index].as_str();
        pad(out, hours.len(), hours_width);
        out.push_str(hours);
        out.push_str(" h  ");
        if who_width > 0 {
            out.push_str(&whos[index]);
            pad(out, who_widths[index], who_width);
            out.push_str("  ");
        }
        out.push_str(Stamp::minute_spaced(span.start).as_str());
        out.push_str(" → ");
        out.push_str(Stamp::minute_spaced(span.end).as_str());
        out.push_str("  ");
        out.push_str(&one_line(&activity.name));
        out.push('\n');
    }
    let path: Vec<&str> = schedule
        .critical_path()
        .iter()
        .map(|index| &*plan.activities[*index].code)
        .collect();
    writeln!(out, "\n  critical path (*): {}", path.join(" → "))
}
