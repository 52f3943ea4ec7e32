//! The rules of a plan that span several fields, checked after parsing.
//! (Rules about a single value, such as a date or an amount of hours, are checked as it is
//! parsed, so their errors carry a line and column.)

use foldhash::{HashMap, HashMapExt, HashSet};

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use super::busy::MAX_BUSY_DAYS;
use super::order::{Link, Predecessors, work_order};
use super::window::{self, Window};
use super::{Day, Hours, Plan, WeekShape, WeekWindows};

/// A broken rule: the field at fault and the rule. Its words, and what usually fixes it, are
/// said in the plan's language by [`crate::messages::Say`] and [`crate::messages::rule_tip`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The offending field, as `activities[3].code`.
    pub field: String,
    /// What is wrong.
    pub rule: Rule,
}

/// A rule across fields that a plan breaks, with what the sentence about it names.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Rule {
    /// `done` or `remaining` on a plan that has no `log`.
    NotTracked,
    /// `done` or `remaining` on a milestone.
    MilestoneHasNoWork { code: String },
    /// `done` on an activity nobody logged.
    DoneWithoutLog { code: String },
    /// A log entry for a code no activity has.
    LogUnknownCode { code: String },
    /// A log entry for a milestone.
    LogMilestone { code: String },
    /// Two log entries for one code and date; `first` is the other entry's field.
    LogTwice {
        code: String,
        date: NaiveDate,
        first: String,
    },
    /// `windows` and `field` both given.
    BothDayFields { field: &'static str },
    /// Neither `hours_per_day` nor `windows`.
    NoWorkingDay,
    /// `hours` from `opens` would end at `closes` (in minutes), after midnight.
    PastMidnight {
        hours: Hours,
        opens: String,
        closes: String,
    },
    /// A `week` group names a day that is not worked.
    NotAWorkday { day: &'static str },
    /// A weekday in two `week` groups; `first` is the other group's field.
    WeekdayTwice { day: &'static str, first: String },
    /// A person without a name.
    NameEmpty,
    /// A person listed twice; `first` is the other entry's field.
    NameTwice { name: String, first: String },
    /// A `who` that matches a person but for case or spaces.
    NearlyAPerson {
        who: String,
        name: String,
        first: String,
    },
    /// An exception with both `hours` and `windows`.
    ExceptionBoth { date: NaiveDate },
    /// An exception with neither.
    ExceptionNeither { date: NaiveDate },
    /// An exception's hours that run past midnight from the first window (`windows`).
    ExceptionPastMidnight { hours: Hours, windows: String },
    /// Two exceptions for one date; `first` is the other's field.
    ExceptionTwice { date: NaiveDate, first: String },
    /// No workday at all.
    NoWorkdays,
    /// A workday listed twice.
    WorkdayTwice { day: &'static str },
    /// A busy block that repeats until before it starts.
    BusyBackwards { until: NaiveDate, date: NaiveDate },
    /// Busy blocks that reach more than [`MAX_BUSY_DAYS`] days together.
    BusyTooLong,
    /// A holiday range that ends before it starts.
    HolidayBackwards { until: NaiveDate, date: NaiveDate },
    /// The same holiday twice; `first` is the other's field.
    HolidayTwice { date: NaiveDate, first: String },
    /// `after` names a code no activity has.
    AfterUnknown { code: String },
    /// An activity after itself.
    AfterItself { code: String },
    /// Activities that wait for each other in a circle, and each link of it.
    Circle {
        codes: String,
        links: Vec<CircleLink>,
    },
    /// A plan without activities.
    NoActivities,
    /// A code that cannot be written next to a day number.
    BadCode(crate::text::CodeProblem),
    /// A code that is the holiday mark of the plan's language.
    CodeIsHolidayMark { code: String },
    /// More work than an activity may have.
    WorkTooLarge,
    /// A code used twice; `first` is the other activity's field.
    CodeTwice { code: String, first: String },
}

/// One link of a circle of activities that wait for each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CircleLink {
    /// `then` follows `first` because the same person does both (`who`; empty for the plan's
    /// one person).
    SamePerson {
        then: String,
        first: String,
        who: String,
    },
    /// `then` lists `first` in its `after`.
    After { then: String, first: String },
}

fn violation(field: impl Into<String>, rule: Rule) -> Violation {
    Violation {
        field: field.into(),
        rule,
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
            return Err(violation(field, Rule::NotTracked));
        }
        if activity.is_milestone() {
            let code = activity.code.to_string();
            return Err(violation(field, Rule::MilestoneHasNoWork { code }));
        }
        if activity.done && !logged[index] {
            let code = activity.code.to_string();
            return Err(violation(field, Rule::DoneWithoutLog { code }));
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
            let code = crate::text::one_line(&entry.code).into_owned();
            return Err(violation(field(), Rule::LogUnknownCode { code }));
        };
        let activity = &plan.activities[activity];
        if activity.is_milestone() {
            let code = activity.code.to_string();
            return Err(violation(field(), Rule::LogMilestone { code }));
        }
        if let Some(first) = seen.insert((entry.date, &*entry.code), index) {
            let rule = Rule::LogTwice {
                code: activity.code.to_string(),
                date: entry.date,
                first: format!("log[{first}]"),
            };
            return Err(violation(format!("log[{index}].date"), rule));
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
    let both =
        |field: &'static str| violation(format!("{prefix}{field}"), Rule::BothDayFields { field });
    match (windows, day_start, hours_per_day) {
        (true, _, Some(_)) => Err(both("hours_per_day")),
        (true, Some(_), None) => Err(both("day_start")),
        (false, _, None) if prefix.is_empty() => {
            Err(violation("hours_per_day", Rule::NoWorkingDay))
        }
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
                return Err(violation(field, Rule::NotAWorkday { day: day.name() }));
            }
            if let Some((_, first)) = seen.iter().find(|(other, _)| other == day) {
                let first = format!("{prefix}week[{first}]");
                let rule = Rule::WeekdayTwice {
                    day: day.name(),
                    first,
                };
                return Err(violation(field, rule));
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

/// `hours` from `day_start` must end by midnight.
fn check_window(day_start: NaiveTime, field: String, hours: Hours) -> Result<(), Violation> {
    let opens = day_start.hour() * 60 + day_start.minute();
    let closes = opens + hours.minutes();
    if closes <= MINUTES_PER_DAY {
        return Ok(());
    }
    let rule = Rule::PastMidnight {
        hours,
        opens: super::fields::format_time(day_start),
        closes: super::fields::format_minutes(closes),
    };
    Err(violation(field, rule))
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
            return Err(violation(format!("{field}.name"), Rule::NameEmpty));
        }
        if let Some(first) = names.insert(loose(&person.name), index) {
            let rule = Rule::NameTwice {
                name: person.name.to_string(),
                first: format!("people[{first}]"),
            };
            return Err(violation(format!("{field}.name"), rule));
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
            let rule = Rule::NearlyAPerson {
                who: activity.who.to_string(),
                name: plan.people[*at].name.to_string(),
                first: format!("people[{at}]"),
            };
            return Err(violation(format!("activities[{index}].who"), rule));
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
                let date = exception.date;
                return Err(violation(field("windows"), Rule::ExceptionBoth { date }));
            }
            (None, None) => {
                let date = exception.date;
                return Err(violation(field("hours"), Rule::ExceptionNeither { date }));
            }
            (Some(hours), None) => {
                let windows = windows_of_weekday(shape, workdays, exception.date.weekday());
                if window::first_hours(windows, hours).is_none() {
                    let windows = window::shown(windows);
                    let rule = Rule::ExceptionPastMidnight { hours, windows };
                    return Err(violation(field("hours"), rule));
                }
            }
            (None, Some(_)) => {}
        }
        if let Some(first) = seen.insert(exception.date, index) {
            let rule = Rule::ExceptionTwice {
                date: exception.date,
                first: format!("{prefix}exceptions[{first}]"),
            };
            return Err(violation(format!("{prefix}exceptions[{index}].date"), rule));
        }
    }
    Ok(())
}

fn check_workdays(workdays: &[super::Day], prefix: &str) -> Result<(), Violation> {
    if workdays.is_empty() {
        return Err(violation(format!("{prefix}workdays"), Rule::NoWorkdays));
    }
    for (index, day) in workdays.iter().enumerate() {
        if workdays[..index].contains(day) {
            let rule = Rule::WorkdayTwice { day: day.name() };
            return Err(violation(format!("{prefix}workdays[{index}]"), rule));
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
                let rule = Rule::BusyBackwards {
                    until: block.until.unwrap_or(block.date),
                    date: block.date,
                };
                return Err(violation(format!("{field}.until"), rule));
            }
            reach = reach.saturating_add(block.reach());
            if reach > MAX_BUSY_DAYS {
                return Err(violation(format!("{field}.until"), Rule::BusyTooLong));
            }
        }
    }
    Ok(())
}

fn check_holidays(holidays: &[super::Holiday], prefix: &str) -> Result<(), Violation> {
    for (index, holiday) in holidays.iter().enumerate() {
        if holiday.last_day() < holiday.date {
            let rule = Rule::HolidayBackwards {
                until: holiday.last_day(),
                date: holiday.date,
            };
            return Err(violation(format!("{prefix}holidays[{index}].until"), rule));
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
            let rule = Rule::HolidayTwice {
                date: later.date,
                first: format!("{prefix}holidays[{}]", pair[0]),
            };
            return Err(violation(
                format!("{prefix}holidays[{}].date", pair[1]),
                rule,
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
                    let code = crate::text::one_line(code).into_owned();
                    return Err(violation(field(), Rule::AfterUnknown { code }));
                }
                Some(other) if *other == index => {
                    let code = code.to_string();
                    return Err(violation(field(), Rule::AfterItself { code }));
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
    let reasons: Vec<CircleLink> = links
        .iter()
        .map(|&(first, then, link)| {
            let (then_code, first_code) = (code(then).to_owned(), code(first).to_owned());
            match link {
                Some(Link::SamePerson) => CircleLink::SamePerson {
                    then: then_code,
                    first: first_code,
                    who: plan.activities[then].who.to_string(),
                },
                _ => CircleLink::After {
                    then: then_code,
                    first: first_code,
                },
            }
        })
        .collect();
    // Point at an `after` list to edit: a circle always holds at least one `after` link.
    let culprit = links
        .iter()
        .find(|(_, _, link)| *link == Some(Link::After))
        .map_or(cycle[0], |(_, then, _)| *then);
    let names: Vec<&str> = cycle.iter().map(|index| code(*index)).collect();
    let rule = Rule::Circle {
        codes: names.join(", "),
        links: reasons,
    };
    Err(violation(format!("activities[{culprit}].after"), rule))
}

/// Codes: present, one word, unique. Returns where each code is, for checking `after`.
fn check_activities(plan: &Plan) -> Result<HashMap<&str, usize>, Violation> {
    if plan.activities.is_empty() {
        return Err(violation("activities", Rule::NoActivities));
    }
    let mut seen = HashMap::with_capacity(plan.activities.len());
    for (index, activity) in plan.activities.iter().enumerate() {
        // Made only for a message: thousands of activities must not cost thousands of strings.
        let field = || format!("activities[{index}].code");
        let code = &*activity.code;
        if let Some(problem) = crate::text::code_problem(code) {
            return Err(violation(field(), Rule::BadCode(problem)));
        }
        if code == plan.locale.holiday_mark() {
            let code = code.to_owned();
            return Err(violation(field(), Rule::CodeIsHolidayMark { code }));
        }
        if activity.hours > Hours::MAX || activity.remaining.is_some_and(|left| left > Hours::MAX) {
            return Err(violation(
                format!("activities[{index}].hours"),
                Rule::WorkTooLarge,
            ));
        }
        if let Some(first) = seen.insert(code, index) {
            let rule = Rule::CodeTwice {
                code: crate::text::one_line(code).into_owned(),
                first: format!("activities[{first}]"),
            };
            return Err(violation(field(), rule));
        }
    }
    Ok(seen)
}
