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

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;

    fn rule(value: &str) -> Property {
        Property {
            name: "RRULE".into(),
            params: Vec::new(),
            value: value.into(),
            line: 7,
        }
    }

    /// The rule expanded the plain way, from `DTSTART`: the reference for the shortcut.
    fn from_dtstart(
        first: NaiveDate,
        value: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<NaiveDate> {
        use chrono::TimeZone;
        let at = |day: NaiveDate| rrule::Tz::UTC.from_utc_datetime(&day.and_time(NaiveTime::MIN));
        let parsed: rrule::RRule<rrule::Unvalidated> = until_as_utc(value).parse().unwrap();
        rrule::RRuleSet::new(at(first))
            .rrule(parsed.validate(at(first)).unwrap())
            .after(at(from))
            .before(at(to.succ_opt().unwrap()))
            .all(u16::MAX)
            .dates
            .into_iter()
            .map(|moment| moment.date_naive())
            .filter(|day| *day <= to)
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Starting a daily or weekly rule near the window gives exactly the instances the
        /// expansion from `DTSTART` gives, with intervals, counts, until dates and BY… parts.
        #[test]
        fn a_rule_started_at_the_window_has_the_instances_it_has_from_dtstart(
            start in 0i64..3000,
            window in 0i64..4000,
            length in 0i64..400,
            weekly in any::<bool>(),
            interval in 1u32..5,
            count in prop::option::of(1u32..400),
            until in prop::option::of(0i64..4000),
            by_day in any::<bool>(),
        ) {
            let base = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
            let first = base + TimeDelta::days(start);
            let (from, to) = (base + TimeDelta::days(window), base + TimeDelta::days(window + length));
            let mut value = format!("FREQ={};INTERVAL={interval}", if weekly { "WEEKLY" } else { "DAILY" });
            if let Some(count) = count {
                value.push_str(&format!(";COUNT={count}"));
            } else if let Some(until) = until {
                value.push_str(&format!(";UNTIL={}", (first + TimeDelta::days(until)).format("%Y%m%d")));
            }
            if by_day {
                value.push_str(";BYDAY=MO,WE,FR");
            }
            let expanded = day_expand(first, &value, from, to).ok().unwrap();
            let days: Vec<NaiveDate> = expanded.starts.iter().map(NaiveDateTime::date).collect();
            prop_assert_eq!(days, from_dtstart(first, &value, from, to), "{}", value);
        }
    }

    /// A day off's rule from `first`, expanded over `from` to `to` as holidays are.
    fn day_expand(
        first: NaiveDate,
        value: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Expanded, Skip> {
        let at = (first.and_time(NaiveTime::MIN), rrule::Tz::UTC);
        expand(at, &rule(value), (from, to), Finest::Daily)
    }

    #[test]
    fn rules_faster_than_daily_are_refused_before_any_expansion() {
        let first = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        let (from, to) = (
            NaiveDate::from_ymd_opt(2023, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2023, 12, 31).unwrap(),
        );
        for frequency in ["SECONDLY", "minutely", "HOURLY;INTERVAL=1"] {
            let skipped = day_expand(first, &format!("FREQ={frequency}"), from, to);
            assert!(matches!(skipped, Err(Skip::TooFrequent(7))), "{frequency}");
        }
        // A daily rule from 1900 starts at the window: a year of instances, none cut.
        let daily = day_expand(first, "FREQ=DAILY", from, to).ok().unwrap();
        assert_eq!((daily.starts.len(), daily.cut), (365, false));
        // Past the limit of instances the expansion says it was cut.
        let far = NaiveDate::from_ymd_opt(2299, 12, 31).unwrap();
        let cut = day_expand(first, "FREQ=DAILY", from, far).ok().unwrap();
        assert_eq!(
            (cut.starts.len(), cut.cut),
            (usize::from(MAX_INSTANCES), true)
        );
    }

    #[test]
    fn durations_in_days_and_weeks() {
        assert_eq!(days_of("P1D"), Some(1));
        assert_eq!(days_of("P3D"), Some(3));
        assert_eq!(days_of("P2W"), Some(14));
        assert_eq!(days_of("P1DT0H"), Some(1));
        assert_eq!(days_of("PT24H"), Some(1));
        assert_eq!(days_of("PT1H"), None);
        assert_eq!(days_of("3 days"), None);
    }
}
