//! The summary `cronograma check` prints: the span, the totals, every activity, the critical path.

use super::format_moment as moment;
use std::borrow::Cow;
use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::messages::Msg;
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
    let locale = plan.locale;
    let weekdays = crate::locale::words(locale).weekdays;
    let workdays: Vec<&str> = plan
        .workdays
        .iter()
        .map(|day| weekdays[day.weekday().num_days_from_monday() as usize])
        .collect();
    writeln!(out, "{}", one_line(plan.title()))?;
    // Labels padded to one column, whatever their language.
    let labels = [
        Msg::CheckSpan,
        Msg::CheckTotalHours,
        Msg::CheckWorkingDays,
        Msg::CheckWorkingTime,
        Msg::CheckBusyTime,
    ];
    let label_width = widest(&mut labels.iter().map(|msg| msg.text(locale).width())) + 2;
    let line = |out: &mut String, label: Msg, value: &dyn std::fmt::Display| {
        let label = format!("{}:", label.text(locale));
        writeln!(out, "  {}{value}", pad_right(&label, label_width))
    };
    let span = format!("{} → {}", moment(schedule.start()), moment(schedule.end()));
    line(out, Msg::CheckSpan, &span)?;
    line(out, Msg::CheckTotalHours, &schedule.total_hours())?;
    line(out, Msg::CheckWorkingDays, &schedule.working_days())?;
    let calendar = schedule.calendar();
    let windows = calendar.windows();
    // A day of one window reads as it always has: "6 h a day from 09:00".
    let day = match windows {
        [one] if calendar.same_every_workday() => {
            Msg::CheckFrom.fill(locale, &[&format_minutes(one.opens.into())])
        }
        _ => calendar.windows_text_naming(&weekdays),
    };
    let time = Msg::CheckHoursADay.fill(
        locale,
        &[&calendar.hours_per_day(), &day, &workdays.join(" ")],
    );
    line(out, Msg::CheckWorkingTime, &time)?;
    if plan.has_busy_time() {
        let (first, last) = (schedule.start().date(), schedule.end().date());
        let taken = schedule.busy_hours(first, last);
        line(
            out,
            Msg::CheckBusyTime,
            &Msg::CheckBusyTaken.fill(locale, &[&taken]),
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
    let path = path.join(" → ");
    writeln!(out, "\n  {}", Msg::CheckCriticalPath.fill(locale, &[&path]))
}

/// `over-allocated: Ana 3 days (2024-03-05 12 h of 8, …)`, one line a person, when a plan
/// whose people's activities run side by side gives someone more than their day.
fn write_over_allocation(out: &mut String, plan: &Plan, schedule: &Schedule) -> std::fmt::Result {
    let locale = plan.locale;
    let over = schedule.over_allocated(plan);
    for person in over.chunk_by(|a, b| a.who == b.who) {
        let shown: Vec<String> = person
            .iter()
            .take(3)
            .map(|day| Msg::CheckHoursOf.fill(locale, &[&day.date, &day.hours, &day.capacity]))
            .collect();
        let more = if person.len() > shown.len() {
            ", …"
        } else {
            ""
        };
        let days = match person.len() {
            1 => Msg::CheckDayOne.fill(locale, &[]),
            n => Msg::CheckDays.fill(locale, &[&n]),
        };
        let listed = format!("{}{more}", shown.join(", "));
        let who = one_line(&person[0].who);
        writeln!(
            out,
            "  {}",
            Msg::CheckOverAllocated.fill(locale, &[&who, &days, &listed])
        )?;
    }
    Ok(())
}
