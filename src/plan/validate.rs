//! The rules of a plan that span several fields, checked after parsing.
//! (Rules about a single value, such as a date or an amount of hours, are checked as it is
//! parsed, so their errors carry a line and column.)

use std::collections::HashMap;

use super::Plan;

/// A broken rule: the field at fault, what is wrong, and what usually fixes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The offending field, as `activities[3].code`.
    pub field: String,
    /// What is wrong.
    pub message: String,
    /// What usually fixes it.
    pub hint: Option<&'static str>,
}

fn violation(field: impl Into<String>, message: String, hint: &'static str) -> Violation {
    Violation {
        field: field.into(),
        message,
        hint: Some(hint),
    }
}

/// Minutes in a day: the working window must close by midnight.
const MINUTES_PER_DAY: u32 = 24 * 60;

/// Checks every rule; returns the first one broken.
pub fn check(plan: &Plan) -> Result<(), Violation> {
    let (_, closes) = plan.window_minutes();
    if closes > MINUTES_PER_DAY {
        return Err(violation(
            "hours_per_day",
            format!(
                "{} hours from {} end at {}, past midnight",
                plan.hours_per_day,
                super::fields::format_time(plan.day_start),
                super::fields::format_minutes(closes)
            ),
            "make the day shorter or start it earlier: the window must fit in one day",
        ));
    }
    check_workdays(plan)?;
    check_holidays(plan)?;
    check_activities(plan)
}

fn check_workdays(plan: &Plan) -> Result<(), Violation> {
    if plan.workdays.is_empty() {
        return Err(violation(
            "workdays",
            "no day of the week is worked, so no work can ever be done".into(),
            "list the worked days, as [Mon, Tue, Wed, Thu, Fri]",
        ));
    }
    for (index, day) in plan.workdays.iter().enumerate() {
        if plan.workdays[..index].contains(day) {
            return Err(violation(
                format!("workdays[{index}]"),
                format!("{} is listed twice", day.name()),
                "list each day once",
            ));
        }
    }
    Ok(())
}

fn check_holidays(plan: &Plan) -> Result<(), Violation> {
    let mut seen = HashMap::with_capacity(plan.holidays.len());
    for (index, holiday) in plan.holidays.iter().enumerate() {
        if let Some(first) = seen.insert(holiday.date, index) {
            return Err(violation(
                format!("holidays[{index}].date"),
                format!("{} is already a holiday (holidays[{first}])", holiday.date),
                "list each holiday once",
            ));
        }
    }
    Ok(())
}

fn check_activities(plan: &Plan) -> Result<(), Violation> {
    if plan.activities.is_empty() {
        return Err(violation(
            "activities",
            "the plan has no activities".into(),
            "add one, as (code: \"A1\", name: \"Research\", hours: 40)",
        ));
    }
    let mut seen = HashMap::with_capacity(plan.activities.len());
    for (index, activity) in plan.activities.iter().enumerate() {
        let field = format!("activities[{index}].code");
        let code = &*activity.code;
        if code.is_empty() {
            return Err(violation(
                field,
                "the code is empty".into(),
                "give every activity a short code, as \"A1\"",
            ));
        }
        if code.chars().any(char::is_whitespace) {
            return Err(violation(
                field,
                format!("\"{code}\" contains a space"),
                "codes are written next to day numbers: use one word, as \"A1\" or \"Review\"",
            ));
        }
        if let Some(first) = seen.insert(code, index) {
            return Err(violation(
                field,
                format!("\"{code}\" is already the code of activities[{first}]"),
                "codes name activities in the calendars, so each must be unique",
            ));
        }
    }
    Ok(())
}
