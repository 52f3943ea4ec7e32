//! Holidays from iCalendar (`.ics`) files: each all-day event becomes a named holiday, a range
//! when it spans several days. DTEND is exclusive, as RFC 5545 says; DURATION (`P1D`, `P3D`,
//! `P1W`) is honoured. Timed events, recurring events, events outside the chosen years and
//! days that already are holidays are skipped and counted.

use std::str::FromStr;

use chrono::{Datelike, NaiveDate, TimeDelta};
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};

use crate::plan::Holiday;

/// The holiday calendars that come with cronograma, embedded in the binary.
pub const BUNDLED: &[Bundled] = &[Bundled {
    name: "ar",
    description: "Argentina: national holidays 2023–2027 (es)",
    ics: include_str!("../assets/holidays/ar.ics"),
}];

/// A bundled holiday calendar.
#[derive(Debug)]
pub struct Bundled {
    /// What it is called on the command line (`ar`).
    pub name: &'static str,
    /// What it holds.
    pub description: &'static str,
    /// The iCalendar text.
    pub ics: &'static str,
}

/// The bundled calendar called `name`.
pub fn bundled(name: &str) -> Option<&'static Bundled> {
    BUNDLED
        .iter()
        .find(|calendar| calendar.name.eq_ignore_ascii_case(name))
}

/// What an import found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Import {
    /// The holidays to add, in date order.
    pub added: Vec<Holiday>,
    /// Events with a time of day: not holidays.
    pub timed: usize,
    /// Events with a repeat rule, which are not expanded.
    pub recurring: usize,
    /// Events outside the chosen dates.
    pub outside: usize,
    /// Events on days that already are holidays.
    pub present: usize,
}

impl Import {
    /// One line for people: `added 17 holidays; skipped 2 timed events, 60 outside 2023-01-01 – …`.
    pub fn summary(&self, from: NaiveDate, to: NaiveDate) -> String {
        let mut skipped = Vec::new();
        let mut count = |n: usize, what: String| {
            if n > 0 {
                skipped.push(format!("{n} {what}"));
            }
        };
        count(self.timed, "timed events".into());
        count(self.recurring, "recurring events".into());
        count(self.outside, format!("outside {from} – {to}"));
        count(self.present, "already holidays".into());
        let added = match self.added.len() {
            1 => "added 1 holiday".to_owned(),
            n => format!("added {n} holidays"),
        };
        if skipped.is_empty() {
            added
        } else {
            format!("{added}; skipped {}", skipped.join(", "))
        }
    }
}

/// Reads the all-day events of `ics` between `from` and `to` (inclusive) as holidays, leaving
/// out those on days `existing` already covers.
pub fn holidays_from_ics(
    ics: &str,
    existing: &[Holiday],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Import, String> {
    if !ics.trim_start().starts_with("BEGIN:VCALENDAR") {
        return Err("not an iCalendar file: it does not start with BEGIN:VCALENDAR".into());
    }
    if !ics.trim_end().ends_with("END:VCALENDAR") {
        return Err("the file ends before END:VCALENDAR: it may have been cut short".into());
    }
    let calendar = Calendar::from_str(ics).map_err(|error| {
        // The parser's report is long; where it stopped is what helps.
        let line = error.split("at line ").nth(1).and_then(|rest| {
            rest.split(|c: char| !c.is_ascii_digit())
                .next()
                .filter(|n| !n.is_empty())
        });
        match line {
            Some(line) => format!("not a valid iCalendar file: it cannot be read past line {line}"),
            None => "not a valid iCalendar file".to_owned(),
        }
    })?;
    let mut import = Import::default();
    let mut taken: Vec<Holiday> = existing.to_vec();
    for component in &calendar.components {
        let CalendarComponent::Event(event) = component else {
            continue;
        };
        let Some(start) = event.get_start() else {
            continue;
        };
        let DatePerhapsTime::Date(first) = start else {
            import.timed += 1;
            continue;
        };
        if event.property_value("RRULE").is_some() {
            import.recurring += 1;
            continue;
        }
        let days = match (event.get_end(), event.property_value("DURATION")) {
            (Some(end), _) => (end.date_naive() - first).num_days(),
            (None, Some(duration)) => days_of(duration).ok_or_else(|| {
                format!("the DURATION {duration:?} of the event on {first} is not a number of days or weeks")
            })?,
            (None, None) => 1,
        };
        // DTEND is the day after the last one; a one-day event may also end on its first day.
        let last = first + TimeDelta::days(days.max(1) - 1);
        if last < from || first > to {
            import.outside += 1;
            continue;
        }
        let holiday = Holiday {
            date: first.max(from),
            until: (last.min(to) > first.max(from)).then_some(last.min(to)),
            name: event.get_summary().map(|summary| summary.trim().to_owned()),
        };
        if taken.iter().any(|other| overlap(other, &holiday)) {
            import.present += 1;
            continue;
        }
        taken.push(holiday.clone());
        import.added.push(holiday);
    }
    import.added.sort_by_key(|holiday| holiday.date);
    Ok(import)
}

/// The plan's years, whole: from 1 January of `first`'s year to 31 December of `last`'s.
pub fn whole_years(first: NaiveDate, last: NaiveDate) -> (NaiveDate, NaiveDate) {
    let january = NaiveDate::from_ymd_opt(first.year(), 1, 1).unwrap_or(first);
    let december = NaiveDate::from_ymd_opt(last.year(), 12, 31).unwrap_or(last);
    (january, december)
}

fn overlap(a: &Holiday, b: &Holiday) -> bool {
    a.date <= b.last_day() && b.date <= a.last_day()
}

/// Whole days in an RFC 5545 duration: `P1D`, `P3D`, `P2W`, `P1DT0H`; a time part is allowed
/// only in whole days (`PT24H`). `None` for anything else.
fn days_of(duration: &str) -> Option<i64> {
    let rest = duration.trim().strip_prefix('+').unwrap_or(duration.trim());
    let rest = rest.strip_prefix('P')?;
    let (date_part, time_part) = rest.split_once('T').unwrap_or((rest, ""));
    let mut days = 0i64;
    let mut number = String::new();
    for c in date_part.chars() {
        match c {
            '0'..='9' => number.push(c),
            'W' => days += number.parse::<i64>().ok()? * 7,
            'D' => days += number.parse::<i64>().ok()?,
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
            'H' => seconds += number.parse::<i64>().ok()? * 3600,
            'M' => seconds += number.parse::<i64>().ok()? * 60,
            'S' => seconds += number.parse::<i64>().ok()?,
            _ => return None,
        }
        if !c.is_ascii_digit() {
            number.clear();
        }
    }
    (number.is_empty() && seconds % 86_400 == 0).then(|| days + seconds / 86_400)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn the_bundled_calendar_is_found_by_name() {
        assert!(bundled("AR").is_some());
        assert!(bundled("xx").is_none());
    }
}
