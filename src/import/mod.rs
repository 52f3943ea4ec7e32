//! Holidays from iCalendar (`.ics`) files: each all-day event becomes a named holiday, a range
//! when it spans several days. DTEND is exclusive, as RFC 5545 says; DURATION (`P1D`, `P3D`,
//! `P1W`) is honoured; yearly (or any) repeat rules are expanded over the chosen dates, with
//! their RDATE and EXDATE, and an instance moved by a RECURRENCE-ID event is taken from there.
//! Timed events, cancelled ones, invalid ones (with their lines), events outside the chosen
//! dates and days that already are holidays are skipped and counted. Files are read as real
//! producers write them (see [`ical`]); one that is not UTF-8 is read as Latin-1, and says so.

pub mod activities;
pub mod bundled;
pub mod ical;

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta};

use crate::plan::Holiday;
use ical::{Event, Property};

/// What an import found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Import {
    /// The holidays to add, in date order. Days that were holidays already are left out, so a
    /// range that partly overlaps one may come as several pieces.
    pub added: Vec<Holiday>,
    /// Events with a time of day: not holidays.
    pub timed: usize,
    /// Events marked `STATUS:CANCELLED`.
    pub cancelled: usize,
    /// Lines of events that could not be read (an impossible date, an end before the start, a
    /// repeat rule that is not one), skipped.
    pub invalid: Vec<usize>,
    /// Events with no day inside the chosen dates.
    pub outside: usize,
    /// Events all of whose days already are holidays.
    pub present: usize,
    /// Lines of the file that are no iCalendar property, skipped.
    pub unreadable: Vec<usize>,
    /// The file was not UTF-8 and was read as Latin-1 (Windows-1252).
    pub latin1: bool,
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
        let plural = |n: usize, one: &str, many: &str| if n == 1 { one } else { many }.to_owned();
        count(
            self.timed,
            plural(self.timed, "timed event", "timed events"),
        );
        count(self.cancelled, "cancelled".into());
        count(
            self.invalid.len(),
            format!("invalid ({})", lines(&self.invalid)),
        );
        count(self.outside, format!("outside {from} – {to}"));
        count(
            self.present,
            plural(self.present, "already a holiday", "already holidays"),
        );
        count(
            self.unreadable.len(),
            format!("unreadable ({})", lines(&self.unreadable)),
        );
        let mut summary = match self.added.len() {
            1 => "added 1 holiday".to_owned(),
            n => format!("added {n} holidays"),
        };
        if !skipped.is_empty() {
            summary.push_str(&format!("; skipped {}", skipped.join(", ")));
        }
        if self.latin1 {
            summary.push_str(" (the file is not UTF-8: it was read as Latin-1)");
        }
        summary
    }
}

/// `line 4`, `lines 4, 9, 12 and 3 more`.
fn lines(numbers: &[usize]) -> String {
    let shown: Vec<String> = numbers.iter().take(3).map(usize::to_string).collect();
    let more = numbers.len().saturating_sub(3);
    let word = if numbers.len() == 1 { "line" } else { "lines" };
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!("{word} {}{tail}", shown.join(", "))
}

/// An .ics file (as its bytes) is refused past this size: calendars are small.
pub const MAX_ICS_BYTES: u64 = 10 * 1024 * 1024;

/// The bytes of the calendar file at `path`: a regular file (a FIFO or a device is refused at
/// once) of at most [`MAX_ICS_BYTES`].
pub fn read_ics(path: &std::path::Path) -> Result<Vec<u8>, String> {
    let bytes = crate::plan::read_regular(path, MAX_ICS_BYTES)
        .map_err(|error| format!("cannot read it: {error}"))?;
    if bytes.len() as u64 > MAX_ICS_BYTES {
        return Err(format!(
            "the file is larger than the {MAX_ICS_BYTES} bytes a calendar may have"
        ));
    }
    Ok(bytes)
}

/// Repeats expanded per import at most: a daily rule over centuries is not a holiday list.
const MAX_OCCURRENCES: usize = 1_000_000;

/// The text of an .ics file: UTF-8 (a byte-order mark dropped), or else Latin-1 as Windows
/// writes it. The flag says whether the fallback was taken.
pub fn decode(bytes: &[u8]) -> (String, bool) {
    let bytes = bytes.strip_prefix(crate::plan::BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), false),
        Err(_) => (bytes.iter().map(|&byte| windows_1252(byte)).collect(), true),
    }
}

/// A Windows-1252 byte as a character: Latin-1, except the printable characters Windows puts
/// where Latin-1 has C1 controls.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// Reads the all-day events of the iCalendar file `bytes` between `from` and `to` (inclusive)
/// as holidays, leaving out the days `existing` already covers.
pub fn holidays_from_ics(
    bytes: &[u8],
    existing: &[Holiday],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Import, String> {
    let (text, latin1) = decode(bytes);
    let read = ical::events(&text).map_err(|error| {
        if error.starts_with("line") {
            format!("not a valid iCalendar file: {error}")
        } else {
            error
        }
    })?;
    let events = read.events;
    let mut import = Import {
        latin1,
        unreadable: read.unreadable,
        ..Import::default()
    };
    let moved = moved_instances(&events);
    let mut taken = Coverage::of(existing);
    let mut occurrences = 0usize;
    for event in &events {
        let days = match read_event(event, &moved, from, to) {
            Ok(Found::Days(days)) => days,
            Ok(Found::Timed) => {
                import.timed += 1;
                continue;
            }
            Ok(Found::Cancelled) => {
                import.cancelled += 1;
                continue;
            }
            Err(line) => {
                import.invalid.push(line);
                continue;
            }
        };
        occurrences += days.len();
        if occurrences > MAX_OCCURRENCES {
            return Err(format!(
                "line {}: the events repeat more than {MAX_OCCURRENCES} times between {from} and {to}",
                event.line
            ));
        }
        let name = event
            .get("SUMMARY")
            .map(|summary| ical::unescape_text(&summary.value).trim().to_owned())
            .filter(|name| !name.is_empty());
        let in_range: Vec<(NaiveDate, NaiveDate)> = days
            .into_iter()
            .filter(|(first, last)| *last >= from && *first <= to)
            .map(|(first, last)| (first.max(from), last.min(to)))
            .collect();
        if in_range.is_empty() {
            import.outside += 1;
            continue;
        }
        let mut added_any = false;
        for (first, last) in in_range {
            for (first, last) in taken.add(first, last) {
                added_any = true;
                import.added.push(Holiday {
                    date: first,
                    until: (last > first).then_some(last),
                    name: name.clone(),
                });
            }
        }
        if !added_any {
            import.present += 1;
        }
    }
    import.added.sort_by_key(|holiday| holiday.date);
    Ok(import)
}

/// The holidays of a bundled calendar (one day each, named) between `from` and `to` that are not
/// holidays of the plan yet: counted like an import of an .ics file.
pub fn holidays_from_list(
    list: &[(NaiveDate, &str)],
    existing: &[Holiday],
    from: NaiveDate,
    to: NaiveDate,
) -> Import {
    let mut import = Import::default();
    let mut taken = Coverage::of(existing);
    for (day, name) in list {
        if *day < from || *day > to {
            import.outside += 1;
            continue;
        }
        match taken.add(*day, *day).as_slice() {
            [] => import.present += 1,
            _ => import.added.push(Holiday::on(
                *day,
                Some(name.trim().to_owned()).filter(|name| !name.is_empty()),
            )),
        }
    }
    import
}

/// What one event holds.
enum Found {
    /// Its days off: inclusive ranges, one per occurrence.
    Days(Vec<(NaiveDate, NaiveDate)>),
    Timed,
    Cancelled,
}

/// The instances of repeating events that another event (with `RECURRENCE-ID`) replaces: by
/// the repeating event's UID and the instance's original date.
fn moved_instances(events: &[Event]) -> HashSet<(String, NaiveDate)> {
    events
        .iter()
        .filter_map(|event| {
            let uid = event.get("UID")?.value.trim().to_owned();
            let (date, _) = date_value(&event.get("RECURRENCE-ID")?.value)?;
            Some((uid, date))
        })
        .collect()
}

/// The days of one event between `from` and `to`, or the line of what makes it invalid.
fn read_event(
    event: &Event,
    moved: &HashSet<(String, NaiveDate)>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Found, usize> {
    if event
        .get("STATUS")
        .is_some_and(|status| status.value.trim().eq_ignore_ascii_case("CANCELLED"))
    {
        return Ok(Found::Cancelled);
    }
    let start = event.get("DTSTART").ok_or(event.line)?;
    let Some(length) = length_in_days(event, start)? else {
        return Ok(Found::Timed);
    };
    let (first, _) = date_value(&start.value).ok_or(start.line)?;
    let mut starts: Vec<NaiveDate> = vec![first];
    let rules: Vec<&Property> = event.all("RRULE").collect();
    if !rules.is_empty() {
        // Instances that could still reach `from` with their length.
        let window_start = from
            .checked_sub_signed(TimeDelta::days(length - 1))
            .unwrap_or(from);
        starts = expand(first, &rules, window_start, to)?;
    }
    for rdate in event.all("RDATE") {
        starts.extend(date_list(rdate)?);
    }
    let uid = event.get("UID").map(|uid| uid.value.trim().to_owned());
    let is_override = event.get("RECURRENCE-ID").is_some();
    let mut excluded: HashSet<NaiveDate> = HashSet::new();
    for exdate in event.all("EXDATE") {
        excluded.extend(date_list(exdate)?);
    }
    starts.sort_unstable();
    starts.dedup();
    let days = starts
        .into_iter()
        .filter(|day| !excluded.contains(day))
        .filter(|day| {
            is_override
                || uid
                    .as_ref()
                    .is_none_or(|uid| !moved.contains(&(uid.clone(), *day)))
        })
        .filter_map(|day| Some((day, day.checked_add_signed(TimeDelta::days(length - 1))?)))
        .collect();
    Ok(Found::Days(days))
}

/// How many days an event lasts, `None` for a timed event (one with a time of day that is not
/// midnight to midnight), or the line that makes it invalid.
fn length_in_days(event: &Event, start: &Property) -> Result<Option<i64>, usize> {
    let (first, start_time) = date_value(&start.value).ok_or(start.line)?;
    let midnight = |time: Option<NaiveTime>| time.is_none_or(|time| time == NaiveTime::MIN);
    let end = event.get("DTEND");
    let length = match (end, event.get("DURATION")) {
        (Some(end), _) => {
            let (last, end_time) = date_value(&end.value).ok_or(end.line)?;
            if !midnight(start_time) || !midnight(end_time) {
                return Ok(None);
            }
            // DTEND is the day after the last one. Some producers write a one-day holiday with
            // DTEND equal to DTSTART (python icalendar's own example does): one day, as
            // calendar programs read it. An end before the start is an error.
            match (last - first).num_days() {
                0 if start_time.is_none() => 1,
                days if days <= 0 => return Err(end.line),
                days => days,
            }
        }
        (None, Some(duration)) => {
            let days = days_of(&duration.value);
            match days {
                Some(days) if days > 0 && midnight(start_time) => days,
                // A duration of hours: a meeting, not a holiday.
                None if start_time.is_some() => return Ok(None),
                _ => return Err(duration.line),
            }
        }
        // RFC 5545: a date alone is one day; a date-time alone is an instant.
        (None, None) if start_time.is_some() => return Ok(None),
        (None, None) => 1,
    };
    // Longer than ten years is no holiday (and would run off the calendar).
    if length > MAX_HOLIDAY_DAYS {
        return Err(start.line);
    }
    Ok(Some(length))
}

/// The longest event taken as a holiday, in days.
const MAX_HOLIDAY_DAYS: i64 = 3660;

/// `20240315` or `20240315T100000` (with `Z` or not): the date, and the time when given.
/// `None` for anything else, and for days that do not exist (20230230).
fn date_value(value: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
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
fn date_list(property: &Property) -> Result<Vec<NaiveDate>, usize> {
    property
        .value
        .split(',')
        .map(|item| {
            let start = item.split('/').next().unwrap_or(item);
            date_value(start).map(|(date, _)| date).ok_or(property.line)
        })
        .collect()
}

/// The first days of the instances of `rules` from `first` that start between `from` and `to`.
fn expand(
    first: NaiveDate,
    rules: &[&Property],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<NaiveDate>, usize> {
    use chrono::TimeZone;
    use rrule::{RRule, RRuleSet, Tz, Unvalidated};
    let at_midnight = |day: NaiveDate| Tz::UTC.from_utc_datetime(&day.and_time(NaiveTime::MIN));
    let dt_start = at_midnight(first);
    let mut set = RRuleSet::new(dt_start);
    for rule in rules {
        let text = until_as_utc(&rule.value);
        let parsed: RRule<Unvalidated> = text.parse().map_err(|_| rule.line)?;
        set = set.rrule(parsed.validate(dt_start).map_err(|_| rule.line)?);
    }
    let set = set
        .after(at_midnight(from))
        .before(at_midnight(to.succ_opt().unwrap_or(to)));
    // u16::MAX instances: 179 years of days, far more than the window of one import needs.
    Ok(set
        .all(u16::MAX)
        .dates
        .into_iter()
        .map(|moment| moment.date_naive())
        .filter(|day| *day <= to)
        .collect())
}

/// The rule with its UNTIL in UTC, the form the expansion takes with a UTC start: producers
/// write `UNTIL=20301231` (a date) or a floating time, both valid for all-day events.
fn until_as_utc(rule: &str) -> String {
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

/// The days already taken: disjoint inclusive ranges keyed by their first day.
struct Coverage(BTreeMap<NaiveDate, NaiveDate>);

impl Coverage {
    fn of(holidays: &[Holiday]) -> Self {
        let mut coverage = Coverage(BTreeMap::new());
        for holiday in holidays {
            coverage.add(holiday.date, holiday.last_day());
        }
        coverage
    }

    /// Takes `first..=last`; returns the pieces of it that were not taken yet.
    fn add(&mut self, first: NaiveDate, last: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
        let mut pieces = Vec::new();
        let mut cursor = first;
        let mut merged = (first, last);
        // The range that starts before `first` may reach into it.
        let before = self.0.range(..first).next_back().map(|(a, b)| (*a, *b));
        let overlapping: Vec<(NaiveDate, NaiveDate)> = before
            .filter(|(_, end)| *end >= first.pred_opt().unwrap_or(first))
            .into_iter()
            .chain(
                self.0
                    .range(first..=last.succ_opt().unwrap_or(last))
                    .map(|(a, b)| (*a, *b)),
            )
            .collect();
        for (start, end) in overlapping {
            if start > cursor && cursor <= last {
                pieces.push((cursor, (start.pred_opt().unwrap_or(start)).min(last)));
            }
            cursor = cursor.max(end.succ_opt().unwrap_or(end));
            merged = (merged.0.min(start), merged.1.max(end));
            self.0.remove(&start);
        }
        if cursor <= last {
            pieces.push((cursor, last));
        }
        self.0.insert(merged.0, merged.1);
        pieces
    }
}

/// The plan's years, whole: from 1 January of `first`'s year to 31 December of `last`'s.
pub fn whole_years(first: NaiveDate, last: NaiveDate) -> (NaiveDate, NaiveDate) {
    let january = NaiveDate::from_ymd_opt(first.year(), 1, 1).unwrap_or(first);
    let december = NaiveDate::from_ymd_opt(last.year(), 12, 31).unwrap_or(last);
    (january, december)
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
        assert!(bundled::Calendar::find("AR").is_ok());
        assert!(bundled::Calendar::find("xx").is_err());
    }

    #[test]
    fn a_list_adds_the_days_in_range_that_are_not_holidays_yet() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let list = [
            (day("2023-12-31"), "before"),
            (day("2024-01-01"), "New Year"),
            (day("2024-05-01"), "Labour Day"),
        ];
        let existing = [Holiday::on(day("2024-05-01"), None)];
        let found = holidays_from_list(&list, &existing, day("2024-01-01"), day("2024-12-31"));
        assert_eq!(
            found.added,
            [Holiday::on(day("2024-01-01"), Some("New Year".into()))]
        );
        assert_eq!((found.outside, found.present), (1, 1));
    }
}
