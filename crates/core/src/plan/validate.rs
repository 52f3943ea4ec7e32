//! The rules of a plan that span several fields, checked after parsing.
//! (Rules about a single value, such as a date or an amount of hours, are checked as it is
//! parsed, so their errors carry a line and column.)

use foldhash::{HashMap, HashMapExt, HashSet};

use chrono::{Datelike, NaiveTime, Timelike};

use super::busy::MAX_BUSY_DAYS;
use super::order::{Link, Predecessors, work_order};
use super::window::{self, Window};
use super::{Day, Hours, Plan, WeekShape, WeekWindows};

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
    check_day(
        plan.windows.is_some(),
        plan.day_start,
        plan.hours_per_day,
        "",
    )?;
    check_workdays(&plan.workdays, "")?;
    check_week(&plan.week, &plan.workdays, "")?;
    check_holidays(&plan.holidays, "")?;
    check_exceptions(&plan.exceptions, &plan.week_shape(), &plan.workdays, "")?;
    check_people(plan)?;
    check_busy(plan)?;
    let codes = check_activities(plan)?;
    check_links(plan, &codes)?;
    check_progress_fields(plan, &codes)?;
    check_log(plan, &codes)
}

/// `done` and `remaining`: only on a tracked plan's work, and `done` only after some logged work.
fn check_progress_fields(plan: &Plan, codes: &HashMap<&str, usize>) -> Result<(), Violation> {
    let mut logged = vec![false; plan.activities.len()];
    for entry in plan.log_entries() {
        if let Some(at) = codes.get(&*entry.code) {
            logged[*at] = true;
        }
    }
    for (index, activity) in plan.activities.iter().enumerate() {
        let field = if activity.done { "done" } else { "remaining" };
        if !activity.done && activity.remaining.is_none() {
            continue;
        }
        let field = format!("activities[{index}].{field}");
        if !plan.is_tracked() {
            return Err(violation(
                field,
                "the plan is not tracked: it has no `log`".into(),
                "add `log: []` to the plan (or log hours with `cronograma log`) to follow its progress",
            ));
        }
        if activity.is_milestone() {
            return Err(violation(
                field,
                format!("{} is a milestone: it has no work to finish", activity.code),
                "milestones are reached when what they wait for ends; remove the field",
            ));
        }
        if activity.done && !logged[index] {
            return Err(violation(
                field,
                format!("{} is done but has no logged hours", activity.code),
                "log the hours it took first (`cronograma log CODE HOURS --date D`)",
            ));
        }
    }
    Ok(())
}

/// Log entries: of a listed activity with work, one per date and code, and a person's hours of
/// one date, laid from their `day_start`, ending by midnight.
fn check_log(plan: &Plan, codes: &HashMap<&str, usize>) -> Result<(), Violation> {
    let mut seen: HashMap<(chrono::NaiveDate, &str), usize> = HashMap::new();
    let mut per_person: HashMap<(chrono::NaiveDate, &str), Hours> = HashMap::new();
    // A day's log is laid from the person's ordinary opening and must end by midnight.
    let plan_opens = plan.week_shape().windows.first().map_or(0, |w| w.opens);
    let opens_of: HashMap<&str, u16> = plan
        .people
        .iter()
        .map(|person| {
            let opens = person
                .week_shape(plan)
                .windows
                .first()
                .map_or(0, |w| w.opens);
            (&*person.name, opens)
        })
        .collect();
    for (index, entry) in plan.log_entries().iter().enumerate() {
        let field = || format!("log[{index}].code");
        let Some(&activity) = codes.get(&*entry.code) else {
            return Err(violation(
                field(),
                format!(
                    "no activity has the code \"{}\"",
                    crate::text::one_line(&entry.code)
                ),
                "log hours against the code of an activity of the plan",
            ));
        };
        let activity = &plan.activities[activity];
        if activity.is_milestone() {
            return Err(violation(
                field(),
                format!(
                    "{} is a milestone: milestones are not logged",
                    activity.code
                ),
                "log the hours against the work that leads to it",
            ));
        }
        if let Some(first) = seen.insert((entry.date, &*entry.code), index) {
            return Err(violation(
                format!("log[{index}].date"),
                format!(
                    "{} already has hours logged on {} (log[{first}])",
                    activity.code, entry.date
                ),
                "one entry per date and code: add the hours up into one",
            ));
        }
        let day = per_person.entry((entry.date, &*activity.who)).or_default();
        *day += entry.hours;
        let opens = opens_of.get(&*activity.who).copied().unwrap_or(plan_opens);
        check_window(
            NaiveTime::MIN + chrono::TimeDelta::minutes(i64::from(opens)),
            format!("log[{index}].hours"),
            *day,
        )?;
    }
    Ok(())
}

/// A day given as `windows` or as `day_start` and `hours_per_day`, not both; a plan's (the
/// `prefix` empty) gives one of them.
fn check_day(
    windows: bool,
    day_start: Option<NaiveTime>,
    hours_per_day: Option<Hours>,
    prefix: &str,
) -> Result<(), Violation> {
    let both = |field: &str| {
        violation(
            format!("{prefix}{field}"),
            format!("`windows` and `{field}` both give the working day"),
            "keep `windows` (their sum is the day's hours) and remove the other",
        )
    };
    match (windows, day_start, hours_per_day) {
        (true, _, Some(_)) => Err(both("hours_per_day")),
        (true, Some(_), None) => Err(both("day_start")),
        (false, _, None) if prefix.is_empty() => Err(violation(
            "hours_per_day",
            "the plan gives neither `hours_per_day` nor `windows`: how long is a working day?"
                .into(),
            "add `hours_per_day: 8`, or `windows: [\"08:00-12:00\", \"13:00-17:00\"]`",
        )),
        (false, opens, Some(hours)) if prefix.is_empty() => check_window(
            opens.unwrap_or(super::DEFAULT_DAY_START),
            format!("{prefix}hours_per_day"),
            hours,
        ),
        _ => Ok(()),
    }
}

/// `week` names workdays, each once.
fn check_week(week: &[WeekWindows], workdays: &[Day], prefix: &str) -> Result<(), Violation> {
    let mut seen: Vec<(Day, usize)> = Vec::new();
    for (index, group) in week.iter().enumerate() {
        for (at, day) in group.days.iter().enumerate() {
            let field = format!("{prefix}week[{index}].days[{at}]");
            if !workdays.contains(day) {
                return Err(violation(
                    field,
                    format!(
                        "{} is not a workday: it has no windows to change",
                        day.name()
                    ),
                    "add it to `workdays`, or give a date's windows in `exceptions`",
                ));
            }
            if let Some((_, first)) = seen.iter().find(|(other, _)| other == day) {
                return Err(violation(
                    field,
                    format!(
                        "{} already has its windows ({prefix}week[{first}])",
                        day.name()
                    ),
                    "name each weekday in one group",
                ));
            }
            seen.push((*day, index));
        }
    }
    Ok(())
}

/// The windows of a date falling on `weekday`: its own if it is a workday, the ordinary ones
/// otherwise (what an exception's `hours` are the first of).
fn windows_of_weekday<'a>(
    shape: &'a WeekShape,
    workdays: &[Day],
    weekday: chrono::Weekday,
) -> &'a [Window] {
    let index = weekday.num_days_from_monday() as usize;
    if workdays.iter().any(|day| day.weekday() == weekday) {
        shape.of_weekday(index)
    } else {
        &shape.windows
    }
}

fn hours_text(hours: Hours) -> String {
    if hours == Hours::from_whole(1) {
        "1 hour".into()
    } else {
        format!("{hours} hours")
    }
}

/// `hours` from `day_start` must end by midnight.
fn check_window(day_start: NaiveTime, field: String, hours: Hours) -> Result<(), Violation> {
    let opens = day_start.hour() * 60 + day_start.minute();
    let closes = opens + hours.minutes();
    if closes <= MINUTES_PER_DAY {
        return Ok(());
    }
    Err(violation(
        field,
        format!(
            "{hours} hours from {} end at {}, past midnight",
            super::fields::format_time(day_start),
            super::fields::format_minutes(closes)
        ),
        "make the day shorter or start it earlier: the window must fit in one day",
    ))
}

/// A name as people are matched loosely: case and spacing aside.
fn loose(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// People: named once each, their own fields as valid as the plan's; a `who` that is a listed
/// name but for case or spaces gets a hint (it would silently work the plan's hours).
fn check_people(plan: &Plan) -> Result<(), Violation> {
    let mut names: HashMap<String, usize> = HashMap::with_capacity(plan.people.len());
    for (index, person) in plan.people.iter().enumerate() {
        let field = format!("people[{index}]");
        if person.name.trim().is_empty() {
            return Err(violation(
                format!("{field}.name"),
                "the name is empty".into(),
                "write the name activities give in `who`",
            ));
        }
        if let Some(first) = names.insert(loose(&person.name), index) {
            return Err(violation(
                format!("{field}.name"),
                format!("\"{}\" is already listed (people[{first}])", person.name),
                "list each person once",
            ));
        }
        let prefix = format!("{field}.");
        check_day(
            person.windows.is_some(),
            person.day_start,
            person.hours_per_day,
            &prefix,
        )?;
        let shape = person.week_shape(plan);
        if person.windows.is_none() && person.has_own_day() {
            let opens = shape.windows.first().map_or(0, |window| window.opens);
            let hours = person
                .hours_per_day
                .unwrap_or_else(|| window::total(&plan.week_shape().windows));
            check_window(
                NaiveTime::MIN + chrono::TimeDelta::minutes(i64::from(opens)),
                format!("{field}.hours_per_day"),
                hours,
            )?;
        }
        if let Some(days) = &person.workdays {
            check_workdays(days, &prefix)?;
        }
        let workdays = person.workdays(plan);
        // The plan's `week` may name a day they do not work: it is simply not theirs.
        if let Some(week) = &person.week {
            check_week(week, workdays, &prefix)?;
        }
        check_holidays(&person.holidays, &prefix)?;
        check_exceptions(&person.exceptions, &shape, workdays, &prefix)?;
    }
    if names.is_empty() {
        return Ok(());
    }
    // A set of the names, so that 10,000 activities and as many people stay linear.
    let listed: HashSet<&str> = plan.people.iter().map(|person| &*person.name).collect();
    for (index, activity) in plan.activities.iter().enumerate() {
        if listed.contains(&*activity.who) || activity.who.is_empty() {
            continue;
        }
        if let Some(at) = names.get(&loose(&activity.who)) {
            return Err(violation(
                format!("activities[{index}].who"),
                format!(
                    "\"{}\" is not \"{}\" (people[{at}]): as written it works the plan's hours",
                    activity.who, plan.people[*at].name
                ),
                "write the name exactly as in `people`",
            ));
        }
    }
    Ok(())
}

/// Each exception gives `hours` or `windows`; its hours fit in its day; one per date.
fn check_exceptions(
    exceptions: &[super::Exception],
    shape: &WeekShape,
    workdays: &[Day],
    prefix: &str,
) -> Result<(), Violation> {
    let mut seen = HashMap::with_capacity(exceptions.len());
    for (index, exception) in exceptions.iter().enumerate() {
        let field = |name: &str| format!("{prefix}exceptions[{index}].{name}");
        match (exception.hours, &exception.windows) {
            (Some(_), Some(_)) => {
                return Err(violation(
                    field("windows"),
                    format!("{} gives both `hours` and `windows`", exception.date),
                    "give the day's `hours` (the first of its windows) or its own `windows`",
                ));
            }
            (None, None) => {
                return Err(violation(
                    field("hours"),
                    format!("{} gives neither `hours` nor `windows`", exception.date),
                    "give the day's `hours` (0 for a day off) or its own `windows`",
                ));
            }
            (Some(hours), None) => {
                let windows = windows_of_weekday(shape, workdays, exception.date.weekday());
                if window::first_hours(windows, hours).is_none() {
                    return Err(violation(
                        field("hours"),
                        format!(
                            "{} from the first window ({}) run past midnight",
                            hours_text(hours),
                            window::shown(windows)
                        ),
                        "make the day shorter, or give it `windows` of its own",
                    ));
                }
            }
            (None, Some(_)) => {}
        }
        if let Some(first) = seen.insert(exception.date, index) {
            return Err(violation(
                format!("{prefix}exceptions[{index}].date"),
                format!(
                    "{} already has its hours ({prefix}exceptions[{first}])",
                    exception.date
                ),
                "give each date one exception",
            ));
        }
    }
    Ok(())
}

fn check_workdays(workdays: &[super::Day], prefix: &str) -> Result<(), Violation> {
    if workdays.is_empty() {
        return Err(violation(
            format!("{prefix}workdays"),
            "no day of the week is worked, so no work can ever be done".into(),
            "list the worked days, as [Mon, Tue, Wed, Thu, Fri]",
        ));
    }
    for (index, day) in workdays.iter().enumerate() {
        if workdays[..index].contains(day) {
            return Err(violation(
                format!("{prefix}workdays[{index}]"),
                format!("{} is listed twice", day.name()),
                "list each day once",
            ));
        }
    }
    Ok(())
}

/// Busy blocks: a repetition that ends on or after it starts, and all of them together within
/// [`MAX_BUSY_DAYS`] days (a block repeated daily to the year 9999 would slow every schedule).
fn check_busy(plan: &Plan) -> Result<(), Violation> {
    let lists = std::iter::once((String::new(), &plan.busy)).chain(
        plan.people
            .iter()
            .enumerate()
            .map(|(index, person)| (format!("people[{index}]."), &person.busy)),
    );
    let mut reach = 0usize;
    for (prefix, busy) in lists {
        for (index, block) in busy.iter().enumerate() {
            let field = format!("{prefix}busy[{index}]");
            if block.until.is_some_and(|until| until < block.date) {
                return Err(violation(
                    format!("{field}.until"),
                    format!(
                        "the block repeats until {}, before its first day {}",
                        block.until.unwrap_or(block.date),
                        block.date
                    ),
                    "a block repeats from `date` to `until`, both included",
                ));
            }
            reach = reach.saturating_add(block.reach());
            if reach > MAX_BUSY_DAYS {
                return Err(violation(
                    format!("{field}.until"),
                    format!("the busy blocks reach more than {MAX_BUSY_DAYS} days together"),
                    "give a repetition the last day it is really held on",
                ));
            }
        }
    }
    Ok(())
}

fn check_holidays(holidays: &[super::Holiday], prefix: &str) -> Result<(), Violation> {
    for (index, holiday) in holidays.iter().enumerate() {
        if holiday.last_day() < holiday.date {
            return Err(violation(
                format!("{prefix}holidays[{index}].until"),
                format!(
                    "{} is before the range's first day, {}",
                    holiday.last_day(),
                    holiday.date
                ),
                "a range runs from `date` to `until`, both included",
            ));
        }
    }
    // Holidays may overlap (a national holiday inside a winter break is a day off either way:
    // the schedule merges them), but the same day or range twice is a slip.
    let mut by_days: Vec<usize> = (0..holidays.len()).collect();
    by_days.sort_by_key(|index| {
        let holiday = &holidays[*index];
        (holiday.date, holiday.last_day(), *index)
    });
    for pair in by_days.windows(2) {
        let (earlier, later) = (&holidays[pair[0]], &holidays[pair[1]]);
        if (later.date, later.last_day()) == (earlier.date, earlier.last_day()) {
            return Err(violation(
                format!("{prefix}holidays[{}].date", pair[1]),
                format!(
                    "{} is already a holiday ({prefix}holidays[{}])",
                    later.date, pair[0]
                ),
                "list each holiday once",
            ));
        }
    }
    Ok(())
}

/// `after` names existing activities other than itself, and nothing waits for itself in a circle.
fn check_links(plan: &Plan, codes: &HashMap<&str, usize>) -> Result<(), Violation> {
    let mut forward = false;
    for (index, activity) in plan.activities.iter().enumerate() {
        for (position, code) in activity.after.iter().enumerate() {
            // Made only for a message, as in `check_activities`.
            let field = || format!("activities[{index}].after[{position}]");
            match codes.get(&**code) {
                None => {
                    return Err(violation(
                        field(),
                        format!(
                            "\"{}\" is not the code of any activity",
                            crate::text::one_line(code)
                        ),
                        "`after` lists codes of other activities of the plan",
                    ));
                }
                Some(other) if *other == index => {
                    return Err(violation(
                        field(),
                        format!("{code} cannot wait for itself"),
                        "remove it from its own `after`",
                    ));
                }
                Some(other) => forward |= *other > index,
            }
        }
    }
    // A circle needs a link to a later activity: a person's activities follow each other in
    // the listed order, so only an `after` can point forward. Most plans have none, and then
    // the graph of links is not built here at all (the scheduler builds its own).
    if !forward {
        return Ok(());
    }
    let before = Predecessors::of(plan);
    let Err(cycle) = work_order(&before) else {
        return Ok(());
    };
    let code = |index: usize| &*plan.activities[index].code;
    let links: Vec<(usize, usize, Option<Link>)> = cycle
        .iter()
        .zip(cycle.iter().cycle().skip(1))
        .map(|(&first, &then)| {
            let link = before
                .of_activity(then)
                .iter()
                .find(|(j, _)| *j == first)
                .map(|(_, link)| *link);
            (first, then, link)
        })
        .collect();
    let reasons: Vec<String> = links
        .iter()
        .map(|&(first, then, link)| match link {
            Some(Link::SamePerson) => format!(
                "{} follows {} for {}",
                code(then),
                code(first),
                person(&plan.activities[then].who)
            ),
            _ => format!("{} is after {}", code(then), code(first)),
        })
        .collect();
    // Point at an `after` list to edit: a circle always holds at least one `after` link.
    let culprit = links
        .iter()
        .find(|(_, _, link)| *link == Some(Link::After))
        .map_or(cycle[0], |(_, then, _)| *then);
    let names: Vec<&str> = cycle.iter().map(|index| code(*index)).collect();
    Err(violation(
        format!("activities[{culprit}].after"),
        format!(
            "{} wait for each other in a circle ({})",
            names.join(", "),
            reasons.join(", ")
        ),
        "remove one of these `after` links, or reorder the person's activities",
    ))
}

fn person(who: &str) -> String {
    if who.is_empty() {
        "the plan's one person".into()
    } else {
        format!("\"{who}\"")
    }
}

/// Codes: present, one word, unique. Returns where each code is, for checking `after`.
fn check_activities(plan: &Plan) -> Result<HashMap<&str, usize>, Violation> {
    if plan.activities.is_empty() {
        return Err(violation(
            "activities",
            "the plan has no activities".into(),
            "add one, as (code: \"A1\", name: \"Research\", hours: 40)",
        ));
    }
    let mut seen = HashMap::with_capacity(plan.activities.len());
    for (index, activity) in plan.activities.iter().enumerate() {
        // Made only for a message: thousands of activities must not cost thousands of strings.
        let field = || format!("activities[{index}].code");
        let code = &*activity.code;
        if let Some(problem) = crate::text::code_problem(code) {
            return Err(violation(
                field(),
                problem,
                "codes are written next to day numbers: use one word of visible characters, \
                 as \"A1\" or \"Review\"",
            ));
        }
        if code == plan.locale.holiday_mark() {
            return Err(violation(
                field(),
                format!(
                    "\"{code}\" is how the tables mark a holiday in this plan's language (13 ({code}))"
                ),
                "give the activity another code, as \"F1\" or \"Fin\"",
            ));
        }
        if activity.hours > Hours::MAX || activity.remaining.is_some_and(|left| left > Hours::MAX) {
            return Err(violation(
                format!("activities[{index}].hours"),
                format!("its work {}", crate::plan::hours::HoursError::TooLarge),
                "split the work into activities of at most a million hours",
            ));
        }
        if let Some(first) = seen.insert(code, index) {
            return Err(violation(
                field(),
                format!(
                    "\"{}\" is already the code of activities[{first}]",
                    crate::text::one_line(code)
                ),
                "codes name activities in the calendars, so each must be unique",
            ));
        }
    }
    Ok(seen)
}
