//! What holidays and busy time both need of an iCalendar event: its dates and date lists,
//! durations, and repeat rules expanded (RRULE with RDATE and EXDATE) over the dates asked
//! for, bounded so that no rule can run away.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use crate::import::ical::Property;

/// Repeats expanded per import at most: a daily rule over centuries is not a holiday list.
pub const MAX_OCCURRENCES: usize = 1_000_000;

/// Why an event was skipped, with the line that says so.
pub(super) enum Skip {
    /// An impossible date, an end before the start, a repeat rule that is not one.
    Invalid(usize),
    /// An all-day event repeating faster than daily.
    TooFrequent(usize),
}

impl From<usize> for Skip {
    fn from(line: usize) -> Self {
        Skip::Invalid(line)
    }
}

/// `20240315` or `20240315T100000` (with `Z` or not): the date, and the time when given.
/// `None` for anything else, and for days that do not exist (20230230).
pub(super) fn date_value(value: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let value = value.trim();
    let (date, time) = match value.split_once(['T', 't']) {
        Some((date, time)) => (date, Some(time.trim_end_matches(['Z', 'z']))),
        None => (value, None),
    };
    let digits = |text: &str, n: usize| text.len() == n && text.bytes().all(|b| b.is_ascii_digit());
    if !digits(date, 8) || !time.is_none_or(|time| digits(time, 6)) {
        return None;
    }
    let number = |text: &str, range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    let day = NaiveDate::from_ymd_opt(
        i32::try_from(number(date, 0..4)?).ok()?,
        number(date, 4..6)?,
        number(date, 6..8)?,
    )?;
    let time = match time {
        Some(time) => Some(NaiveTime::from_hms_opt(
            number(time, 0..2)?,
            number(time, 2..4)?,
            number(time, 4..6)?.min(59),
        )?),
        None => None,
    };
    Some((day, time))
}

/// The dates of an RDATE or EXDATE (comma-separated; periods count by their first day).
pub(super) fn date_list(property: &Property) -> Result<Vec<NaiveDate>, usize> {
    property
        .value
        .split(',')
        .map(|item| {
            let start = item.split('/').next().unwrap_or(item);
            date_value(start).map(|(date, _)| date).ok_or(property.line)
        })
        .collect()
}

/// At most this many instances of one repeat rule are expanded: every day of 179 years, far
/// more than the window of one import needs. Past it the report says where it stopped.
pub(super) const MAX_INSTANCES: u16 = u16::MAX;

/// The starts of a rule's instances in a window, and whether the limit cut them short.
pub(super) struct Expanded {
    pub(super) starts: Vec<NaiveDateTime>,
    pub(super) cut: bool,
}

/// How finely a rule may repeat: a day off at most daily, busy time at most hourly.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Finest {
    Daily,
    Hourly,
}

/// The starts (by the clock of `zone`) of the instances of `rule` from `first` that start on
/// the days `from` to `to`.
///
/// Bounded whatever the rule says: a day off cannot repeat faster than daily nor a class
/// faster than hourly, so a finer frequency is refused before anything is expanded; a daily
/// or weekly rule without `COUNT` is started at its last instance on or before `from` (a whole
/// number of periods after `first`, so the same instances follow) rather than at a `DTSTART`
/// centuries back; and at most [`MAX_INSTANCES`] are taken (rrule also stops a rule that
/// matches nothing for long).
pub(super) fn expand(
    (first, zone): (NaiveDateTime, rrule::Tz),
    rule: &Property,
    (from, to): (NaiveDate, NaiveDate),
    finest: Finest,
) -> Result<Expanded, Skip> {
    use chrono::TimeZone;
    use rrule::{RRule, RRuleSet, Unvalidated};
    let parts = RuleParts::of(&rule.value);
    let period_days = match parts.frequency.as_str() {
        "SECONDLY" | "MINUTELY" => return Err(Skip::TooFrequent(rule.line)),
        "HOURLY" if finest == Finest::Daily => return Err(Skip::TooFrequent(rule.line)),
        "DAILY" => Some(1),
        "WEEKLY" => Some(7),
        _ => None,
    };
    // Periods that can be skipped: all of them before `from`, when the instances are the
    // periods themselves (no BY… part) or no COUNT says how many came before.
    let skipped = match period_days {
        Some(days) if from > first.date() && (parts.count.is_none() || !parts.filtered) => {
            let period = i64::from(parts.interval.max(1)) * days;
            Some(((from - first.date()).num_days() / period, period))
        }
        _ => None,
    };
    let (start, count) = match (skipped, parts.count) {
        (Some((periods, period)), count) => (
            first + TimeDelta::days(periods * period),
            count.map(|count| count.saturating_sub(u64::try_from(periods).unwrap_or(u64::MAX))),
        ),
        (None, count) => (first, count),
    };
    let ended = parts.until.is_some_and(|until| until < start.date());
    if count == Some(0) || ended {
        return Ok(Expanded {
            starts: Vec::new(),
            cut: false,
        });
    }
    // A start the zone skips (a spring-forward hour) is taken an hour later, as clients do.
    let in_zone = |moment: NaiveDateTime| {
        zone.from_local_datetime(&moment).earliest().or_else(|| {
            zone.from_local_datetime(&(moment + TimeDelta::hours(1)))
                .earliest()
        })
    };
    let at_midnight = |day: NaiveDate| in_zone(day.and_time(NaiveTime::MIN));
    let dt_start = in_zone(start).ok_or(rule.line)?;
    let parsed: RRule<Unvalidated> = with_count(&until_as_utc(&rule.value), count)
        .parse()
        .map_err(|_| rule.line)?;
    let set = RRuleSet::new(dt_start)
        .rrule(parsed.validate(dt_start).map_err(|_| rule.line)?)
        .after(at_midnight(from).ok_or(rule.line)?)
        .before(at_midnight(to.succ_opt().unwrap_or(to)).ok_or(rule.line)?);
    let result = set.all(MAX_INSTANCES);
    let starts: Vec<NaiveDateTime> = result
        .dates
        .into_iter()
        .map(|moment| moment.naive_local())
        .filter(|moment| moment.date() <= to)
        .collect();
    Ok(Expanded {
        cut: result.limited,
        starts,
    })
}

/// What bounds a repeat rule's work: its frequency, interval, `COUNT`, and whether a `BY…`
/// part picks among the periods' days.
pub(super) struct RuleParts {
    pub(super) frequency: String,
    pub(super) interval: u32,
    pub(super) count: Option<u64>,
    /// The day of its `UNTIL`.
    pub(super) until: Option<NaiveDate>,
    pub(super) filtered: bool,
}

impl RuleParts {
    fn of(rule: &str) -> Self {
        let mut parts = RuleParts {
            frequency: String::new(),
            interval: 1,
            count: None,
            until: None,
            filtered: false,
        };
        for part in rule.trim().split(';') {
            let Some((key, value)) = part.split_once('=') else {
                continue;
            };
            match key.trim().to_ascii_uppercase().as_str() {
                "FREQ" => parts.frequency = value.trim().to_ascii_uppercase(),
                "INTERVAL" => parts.interval = value.trim().parse().unwrap_or(1),
                "COUNT" => parts.count = Some(value.trim().parse().unwrap_or(u64::MAX)),
                "UNTIL" => {
                    let day = value.trim().get(..8).unwrap_or_default();
                    parts.until = NaiveDate::parse_from_str(day, "%Y%m%d").ok();
                }
                key if key.starts_with("BY") => parts.filtered = true,
                _ => {}
            }
        }
        parts
    }
}

/// The rule with its `COUNT` replaced by `count` (when it has one).
pub(super) fn with_count(rule: &str, count: Option<u64>) -> String {
    let Some(count) = count else {
        return rule.to_owned();
    };
    rule.split(';')
        .map(|part| match part.split_once('=') {
            Some((key, _)) if key.trim().eq_ignore_ascii_case("COUNT") => format!("COUNT={count}"),
            _ => part.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// The rule with its UNTIL in UTC, the form the expansion takes with a UTC start: producers
/// write `UNTIL=20301231` (a date) or a floating time, both valid for all-day events.
pub(super) fn until_as_utc(rule: &str) -> String {
    rule.trim()
        .split(';')
        .map(|part| match part.split_once('=') {
            Some((key, value)) if key.trim().eq_ignore_ascii_case("UNTIL") => {
                let value = value.trim().trim_end_matches(['Z', 'z']);
                if value.len() == 8 {
                    format!("UNTIL={value}T235959Z")
                } else {
                    format!("UNTIL={value}Z")
                }
            }
            _ => part.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// The seconds of an RFC 5545 duration: `P1D`, `P2W`, `PT1H50M`, `P1DT2H`; `None` for anything
/// else.
pub(super) fn duration_seconds(duration: &str) -> Option<i64> {
    let rest = duration.trim().strip_prefix('+').unwrap_or(duration.trim());
    let rest = rest.strip_prefix('P')?;
    let (date_part, time_part) = rest.split_once('T').unwrap_or((rest, ""));
    let mut days = 0i64;
    let mut number = String::new();
    for c in date_part.chars() {
        match c {
            '0'..='9' => number.push(c),
            'W' => days = days.checked_add(number.parse::<i64>().ok()?.checked_mul(7)?)?,
            'D' => days = days.checked_add(number.parse::<i64>().ok()?)?,
            _ => return None,
        }
        if !c.is_ascii_digit() {
            number.clear();
        }
    }
    let mut seconds = 0i64;
    for c in time_part.chars() {
        match c {
            '0'..='9' => number.push(c),
            'H' => seconds = seconds.checked_add(number.parse::<i64>().ok()?.checked_mul(3600)?)?,
            'M' => seconds = seconds.checked_add(number.parse::<i64>().ok()?.checked_mul(60)?)?,
            'S' => seconds = seconds.checked_add(number.parse::<i64>().ok()?)?,
            _ => return None,
        }
        if !c.is_ascii_digit() {
            number.clear();
        }
    }
    if !number.is_empty() {
        return None;
    }
    days.checked_mul(86_400)?.checked_add(seconds)
}

/// A DURATION in whole days (`P1D`, `P2W`, `PT24H`); `None` for anything else.
pub(super) fn days_of(duration: &str) -> Option<i64> {
    let seconds = duration_seconds(duration)?;
    (seconds % 86_400 == 0).then_some(seconds / 86_400)
}
