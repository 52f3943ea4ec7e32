//! Holidays from iCalendar (`.ics`) files: each all-day event becomes a named holiday, a range
//! when it spans several days. DTEND is exclusive, as RFC 5545 says; DURATION (`P1D`, `P3D`,
//! `P1W`) is honoured; yearly (or any) repeat rules are expanded over the chosen dates, with
//! their RDATE and EXDATE, and an instance moved by a RECURRENCE-ID event is taken from there.
//! Timed events, cancelled ones, invalid ones (with their lines), events outside the chosen
//! dates and days that already are holidays are skipped and counted. Files are read as real
//! producers write them (see [`super::file`]); one that is not UTF-8 is read as Latin-1, and
//! says so.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use super::ReadError;
use super::events::{
    Finest, MAX_INSTANCES, MAX_OCCURRENCES, Skip, date_list, date_value, days_of, expand,
};
use super::file::read_calendar;
use super::ical::{self, Event, Property};
use super::report::Report;
use crate::messages::Msg;
use crate::plan::{Holiday, Locale};

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
    /// Lines of all-day events that repeat faster than daily (hourly, by the minute or
    /// second): a day off cannot happen twice in a day, so they are reported, not multiplied.
    pub too_frequent: Vec<usize>,
    /// Repeating events whose expansion was cut short by the limit of instances: the event's
    /// line, the instances kept, and the last day kept.
    pub cut: Vec<(usize, usize, NaiveDate)>,
    /// Events all of whose days already are holidays.
    pub present: usize,
    /// Lines of the file that are no iCalendar property, skipped.
    pub unreadable: Vec<usize>,
    /// The file was not UTF-8 and was read as Latin-1 (Windows-1252).
    pub latin1: bool,
}

impl Import {
    /// One line for people, in `locale`'s language: `added 17 holidays; skipped 2 timed
    /// events, 60 outside 2023-01-01 – …`.
    pub fn summary(&self, from: NaiveDate, to: NaiveDate, locale: Locale) -> String {
        let added = match self.added.len() {
            1 => Msg::ImportAddedHoliday.fill(locale, &[]),
            n => Msg::ImportAddedHolidays.fill(locale, &[&n]),
        };
        let mut report = Report::new(locale, added);
        report.skip_counted(self.timed, Msg::SkipTimedOne, Msg::SkipTimedMany);
        report.skip(self.cancelled, Msg::SkipCancelled, &[]);
        report.skip_lines(&self.invalid, Msg::SkipInvalid);
        report.skip(self.outside, Msg::SkipOutside, &[&from, &to]);
        report.skip_lines(&self.too_frequent, Msg::SkipFasterThanDaily);
        report.skip_counted(self.present, Msg::SkipHolidayOne, Msg::SkipHolidayMany);
        report.skip_lines(&self.unreadable, Msg::SkipUnreadable);
        for (line, kept, last) in &self.cut {
            report.note(Msg::ImportCut, &[line, &MAX_INSTANCES, kept, last]);
        }
        report.finish(self.latin1)
    }
}

/// Reads the all-day events of the iCalendar file `bytes` between `from` and `to` (inclusive)
/// as holidays, leaving out the days `existing` already covers.
pub fn holidays_from_ics(
    bytes: &[u8],
    existing: &[Holiday],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Import, ReadError> {
    let (read, latin1) = read_calendar(bytes, "VEVENT")?;
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
        let Some(days) = import.days_of(event, &moved, (from, to)) else {
            continue;
        };
        occurrences += days.len();
        if occurrences > MAX_OCCURRENCES {
            return Err(ReadError::TooManyRepeats {
                line: event.line,
                from,
                to,
            });
        }
        let name = event
            .get("SUMMARY")
            .map(|summary| ical::unescape_text(&summary.value).trim().to_owned())
            .filter(|name| !name.is_empty());
        import.add_days(&mut taken, days, name, (from, to));
    }
    import.added.sort_by_key(|holiday| holiday.date);
    Ok(import)
}

impl Import {
    /// The days (ranges) `event` takes between `from` and `to`, or `None` when it gives no
    /// day off, counted by why (timed, cancelled, invalid, too frequent); a cut recurrence is
    /// noted.
    fn days_of(
        &mut self,
        event: &Event,
        moved: &HashSet<(String, NaiveDate)>,
        (from, to): (NaiveDate, NaiveDate),
    ) -> Option<Vec<(NaiveDate, NaiveDate)>> {
        match read_event(event, moved, from, to) {
            Ok(Found::Days(days, cut)) => {
                if let Some((kept, last)) = cut {
                    self.cut.push((event.line, kept, last));
                }
                Some(days)
            }
            Ok(Found::Timed) => {
                self.timed += 1;
                None
            }
            Ok(Found::Cancelled) => {
                self.cancelled += 1;
                None
            }
            Err(Skip::Invalid(line)) => {
                self.invalid.push(line);
                None
            }
            Err(Skip::TooFrequent(line)) => {
                self.too_frequent.push(line);
                None
            }
        }
    }

    /// Adds the parts of an event's `days` within `from`..=`to` that no holiday covers yet
    /// (`taken`), counting an event entirely outside the range or already present.
    fn add_days(
        &mut self,
        taken: &mut Coverage,
        days: Vec<(NaiveDate, NaiveDate)>,
        name: Option<String>,
        (from, to): (NaiveDate, NaiveDate),
    ) {
        let in_range: Vec<(NaiveDate, NaiveDate)> = days
            .into_iter()
            .filter(|(first, last)| *last >= from && *first <= to)
            .map(|(first, last)| (first.max(from), last.min(to)))
            .collect();
        if in_range.is_empty() {
            self.outside += 1;
            return;
        }
        let mut added_any = false;
        for (first, last) in in_range {
            for (first, last) in taken.add(first, last) {
                added_any = true;
                self.added.push(Holiday {
                    date: first,
                    until: (last > first).then_some(last),
                    name: name.clone(),
                });
            }
        }
        if !added_any {
            self.present += 1;
        }
    }
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
    /// Its days off: inclusive ranges, one per occurrence; and, when the limit of instances cut
    /// its expansion short, how many were kept and the last one's day.
    Days(Vec<(NaiveDate, NaiveDate)>, Option<(usize, NaiveDate)>),
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

/// The days of one event between `from` and `to`, or why it was skipped.
fn read_event(
    event: &Event,
    moved: &HashSet<(String, NaiveDate)>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Found, Skip> {
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
    let mut cut = None;
    let rules: Vec<&Property> = event.all("RRULE").collect();
    if !rules.is_empty() {
        // Instances that could still reach `from` with their length.
        let window_start = from
            .checked_sub_signed(TimeDelta::days(length - 1))
            .unwrap_or(from);
        starts.clear();
        for rule in rules {
            let at = (first.and_time(NaiveTime::MIN), rrule::Tz::UTC);
            let expanded = expand(at, rule, (window_start, to), Finest::Daily)?;
            if expanded.cut {
                let last = expanded.starts.last().map_or(window_start, |at| at.date());
                cut = Some((expanded.starts.len(), last));
            }
            starts.extend(expanded.starts.iter().map(NaiveDateTime::date));
        }
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
    Ok(Found::Days(days, cut))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::bundled;

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
