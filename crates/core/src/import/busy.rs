//! Busy time from iCalendar files: each opaque, not cancelled event becomes busy time, timed
//! or all day. Repeat rules (RRULE, RDATE, EXDATE, and instances moved by a RECURRENCE-ID
//! event) are expanded over the chosen dates in the event's own zone (a class at 10:00 stays
//! at 10:00 across a change of summer time there), then every instance is put in the plan's
//! local time: `TZID` names an IANA zone (or a Windows one, as Outlook writes), `Z` is UTC, and
//! a floating time is taken as it is. An instance that crosses midnight is busy on each day it
//! touches. The instances of one series at the same clock time are written back as one weekly
//! block with its skipped days, as a timetable reads.

use std::collections::{BTreeMap, HashSet};
use std::str::FromStr;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};

use super::ReadError;
use super::events::{Finest, MAX_OCCURRENCES, Skip, date_value, duration_seconds, expand};
use super::file::read_calendar;
use super::ical::{self, Event, Property};
use super::report::Report;
use crate::messages::Msg;
use crate::plan::window::{MINUTES_PER_DAY, Window};
use crate::plan::{Busy, Locale, Plan};

/// What an import of busy time found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct BusyImport {
    /// The busy blocks to add, in date order (weekly series as one block each).
    pub added: Vec<Busy>,
    /// Events marked `TRANSP:TRANSPARENT` (or Outlook's `X-MICROSOFT-CDO-BUSYSTATUS:FREE`):
    /// shown as free in calendars, so not busy.
    pub transparent: usize,
    /// Events marked `STATUS:CANCELLED`.
    pub cancelled: usize,
    /// The plan's own events (its work, pushed by `sync`): never busy.
    pub own: usize,
    /// Lines of events that could not be read, skipped.
    pub invalid: Vec<usize>,
    /// Lines of events with a `TZID` no zone is known by, read as floating times.
    pub unknown_zones: Vec<usize>,
    /// Events with no instance inside the chosen dates.
    pub outside: usize,
    /// Busy blocks the plan (or the person) has already.
    pub present: usize,
    /// Lines of events that repeat faster than hourly, skipped.
    pub too_frequent: Vec<usize>,
    /// Lines of the file that are no iCalendar property, skipped.
    pub unreadable: Vec<usize>,
    /// The file was not UTF-8 and was read as Latin-1 (Windows-1252).
    pub latin1: bool,
}

/// When an event starts, as the file says it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Start {
    /// A date: all day.
    Day(NaiveDate),
    /// A time in a zone (UTC for `Z`), or floating (`None`): taken as it is.
    Time(NaiveDateTime, Option<chrono_tz::Tz>),
}

/// Reads the busy time of the iCalendar file `bytes` between `from` and `to` (inclusive) for
/// `plan` (or the person `who` of it), putting times in local time with `to_local`.
pub fn busy_from_ics(
    bytes: &[u8],
    plan: &Plan,
    who: Option<&str>,
    (from, to): (NaiveDate, NaiveDate),
    to_local: &dyn Fn(DateTime<Utc>) -> NaiveDateTime,
) -> Result<BusyImport, ReadError> {
    let (read, latin1) = read_calendar(bytes, "VEVENT")?;
    let mut import = BusyImport {
        latin1,
        unreadable: read.unreadable,
        ..BusyImport::default()
    };
    let own_uid = crate::export::ics::uid_suffix(plan);
    let moved = moved_instances(&read.events);
    let mut stretches: Vec<Stretch> = Vec::new();
    for event in &read.events {
        if let Some(skipped) = import.skipped(event, &own_uid) {
            *skipped += 1;
            continue;
        }
        let found = match read_instances(event, &moved, (from, to), &mut import.unknown_zones) {
            Ok(found) => found,
            Err(Skip::Invalid(line)) => {
                import.invalid.push(line);
                continue;
            }
            Err(Skip::TooFrequent(line)) => {
                import.too_frequent.push(line);
                continue;
            }
        };
        let name = event
            .get("SUMMARY")
            .map(|summary| ical::unescape_text(&summary.value).trim().to_owned())
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| "Busy".to_owned());
        let before = stretches.len();
        for instance in found {
            for (date, time) in local_days(instance, to_local) {
                if (from..=to).contains(&date) {
                    stretches.push((name.clone(), date, time));
                }
            }
        }
        if stretches.len() == before {
            import.outside += 1;
        }
        if stretches.len() > MAX_OCCURRENCES {
            return Err(ReadError::TooManyRepeats {
                line: event.line,
                from,
                to,
            });
        }
    }
    import.keep_new(stretches, plan, who);
    Ok(import)
}

/// A busy stretch of one day: what it is, its day, its part of the day (`None`: all of it).
type Stretch = (String, NaiveDate, Option<Window>);

/// Reads a free-busy answer (the `FREEBUSY` periods of its `VFREEBUSY`s, RFC 5545 3.8.2.6,
/// as a CalDAV server answers a `free-busy-query`) between `from` and `to` as busy time
/// called `name`, for `plan` (or the person `who`). A period marked `FBTYPE=FREE` (how servers
/// report a cancelled event) is not busy; busy, tentative and unavailable ones are.
pub fn busy_from_free_busy(
    bytes: &[u8],
    name: &str,
    plan: &Plan,
    who: Option<&str>,
    (from, to): (NaiveDate, NaiveDate),
    to_local: &dyn Fn(DateTime<Utc>) -> NaiveDateTime,
) -> Result<BusyImport, ReadError> {
    let (read, latin1) = read_calendar(bytes, "VFREEBUSY")?;
    let mut import = BusyImport {
        latin1,
        unreadable: read.unreadable,
        ..BusyImport::default()
    };
    let mut stretches: Vec<Stretch> = Vec::new();
    for property in read.events.iter().flat_map(|answer| answer.all("FREEBUSY")) {
        let free = property
            .param("FBTYPE")
            .is_some_and(|kind| kind.trim().eq_ignore_ascii_case("FREE"));
        for period in property.value.split(',') {
            if free {
                import.transparent += 1;
                continue;
            }
            let Some(instance) = period_of(period) else {
                import.invalid.push(property.line);
                continue;
            };
            stretches.extend(
                local_days(instance, to_local)
                    .into_iter()
                    .filter(|(date, _)| (from..=to).contains(date))
                    .map(|(date, time)| (name.to_owned(), date, time)),
            );
            if stretches.len() > MAX_OCCURRENCES {
                return Err(ReadError::TooManyPeriods {
                    line: property.line,
                    from,
                    to,
                });
            }
        }
    }
    import.keep_new(stretches, plan, who);
    Ok(import)
}

/// One period of a `FREEBUSY` value: `START/END` or `START/DURATION`, in UTC (`Z`) or, as
/// a careless server may write it, floating (taken as it is). Whole days from midnight are
/// all-day busy time (see below).
fn period_of(period: &str) -> Option<Instance> {
    let (start, end) = period.trim().split_once('/')?;
    let moment = |value: &str| -> Option<Start> {
        let (date, time) = date_value(value)?;
        let zone = value
            .trim()
            .ends_with(['Z', 'z'])
            .then_some(chrono_tz::Tz::UTC);
        Some(Start::Time(date.and_time(time?), zone))
    };
    let first = moment(start)?;
    let Start::Time(at, zone) = first else {
        return None;
    };
    let length = match moment(end) {
        Some(Start::Time(until, _)) => until - at,
        _ => TimeDelta::seconds(duration_seconds(end)?),
    };
    if length <= TimeDelta::zero() || length > TimeDelta::days(366) {
        return None;
    }
    // An all-day event has no zone, and servers sum it up from midnight to midnight UTC
    // (Radicale, Xandikos): whole days from midnight are taken as those days, wherever the
    // user is, not as an evening and most of the next day.
    let whole_days = at.time() == NaiveTime::MIN && length.num_seconds() % 86_400 == 0;
    let start = if whole_days {
        Start::Day(at.date())
    } else {
        Start::Time(at, zone)
    };
    Some(Instance { start, length })
}

impl BusyImport {
    /// Keeps of `stretches` those the plan (or `who`) has not already, as blocks.
    fn keep_new(&mut self, mut stretches: Vec<Stretch>, plan: &Plan, who: Option<&str>) {
        let existing = existing_days(plan, who);
        let before = stretches.len();
        stretches.retain(|(name, date, time)| !existing.contains(&(name.clone(), *date, *time)));
        self.present = before - stretches.len();
        self.added = as_blocks(stretches);
    }

    /// The count an event adds to when it is no busy time: transparent, cancelled, the plan's.
    fn skipped(&mut self, event: &Event, own_uid: &str) -> Option<&mut usize> {
        let says = |name: &str, value: &str| {
            event
                .get(name)
                .is_some_and(|property| property.value.trim().eq_ignore_ascii_case(value))
        };
        if says("STATUS", "CANCELLED") {
            return Some(&mut self.cancelled);
        }
        // Outlook says free time its own way too.
        if says("TRANSP", "TRANSPARENT") || says("X-MICROSOFT-CDO-BUSYSTATUS", "FREE") {
            return Some(&mut self.transparent);
        }
        let uid = event.get("UID").map(|uid| uid.value.trim());
        uid.filter(|uid| uid.ends_with(own_uid))
            .map(|_| &mut self.own)
    }

    /// One line for people, in `locale`'s language: `added 3 busy blocks (41 times);
    /// skipped 1 transparent, …`; `replaced` names the blocks a pull brought before, now
    /// replaced.
    pub fn summary(
        &self,
        (from, to): (NaiveDate, NaiveDate),
        replaced: usize,
        locale: Locale,
    ) -> String {
        let times: usize = self.added.iter().map(|block| block.days().count()).sum();
        let mut added = match self.added.len() {
            1 => Msg::ImportAddedBusyOne.fill(locale, &[&times]),
            n => Msg::ImportAddedBusyMany.fill(locale, &[&n, &times]),
        };
        if replaced > 0 {
            added.push_str(&Msg::ImportReplacing.fill(locale, &[&replaced]));
        }
        let mut report = Report::new(locale, added);
        report.skip(self.transparent, Msg::SkipTransparent, &[]);
        report.skip(self.cancelled, Msg::SkipCancelled, &[]);
        report.skip(self.own, Msg::SkipOwn, &[]);
        report.skip_lines(&self.invalid, Msg::SkipInvalid);
        report.skip(self.outside, Msg::SkipOutside, &[&from, &to]);
        report.skip_lines(&self.too_frequent, Msg::SkipFasterThanHourly);
        report.skip(self.present, Msg::SkipAlreadyBusy, &[]);
        report.skip_lines(&self.unreadable, Msg::SkipUnreadable);
        if !self.unknown_zones.is_empty() {
            let named = report.lines(&self.unknown_zones);
            report.note(Msg::ImportUnknownZone, &[&named]);
        }
        report.finish(self.latin1)
    }
}

/// One instance of an event: its start as the file says it, and how long it lasts.
#[derive(Debug, Clone, Copy)]
struct Instance {
    start: Start,
    length: TimeDelta,
}

/// The instances of `event` that may touch the days `from` to `to`.
fn read_instances(
    event: &Event,
    moved: &HashSet<(String, NaiveDateTime)>,
    (from, to): (NaiveDate, NaiveDate),
    unknown_zones: &mut Vec<usize>,
) -> Result<Vec<Instance>, Skip> {
    let start_property = event.get("DTSTART").ok_or(event.line)?;
    let start = start_of(start_property, unknown_zones)?;
    let length = length_of(event, start)?;
    let (first, zone) = match start {
        Start::Day(day) => (day.and_time(NaiveTime::MIN), None),
        Start::Time(at, zone) => (at, zone),
    };
    let rule_zone = zone.map_or(rrule::Tz::UTC, rrule::Tz::Tz);
    let mut starts = vec![first];
    let rules: Vec<&Property> = event.all("RRULE").collect();
    if !rules.is_empty() {
        // Instances that could still reach `from` with their length (a day of slack for zones).
        let days = length.num_days() + 1;
        let window = (from - TimeDelta::days(days), to + TimeDelta::days(1));
        starts.clear();
        for rule in rules {
            starts.extend(expand((first, rule_zone), rule, window, Finest::Hourly)?.starts);
        }
    }
    for rdate in event.all("RDATE") {
        starts.extend(moments(rdate, first.time())?);
    }
    let mut excluded: HashSet<NaiveDateTime> = HashSet::new();
    for exdate in event.all("EXDATE") {
        excluded.extend(moments(exdate, first.time())?);
    }
    let uid = event.get("UID").map(|uid| uid.value.trim().to_owned());
    let is_override = event.get("RECURRENCE-ID").is_some();
    starts.sort_unstable();
    starts.dedup();
    Ok(starts
        .into_iter()
        .filter(|at| !excluded.contains(at))
        .filter(|at| {
            is_override
                || uid
                    .as_ref()
                    .is_none_or(|uid| !moved.contains(&(uid.clone(), *at)))
        })
        .map(|at| Instance {
            start: match start {
                Start::Day(_) => Start::Day(at.date()),
                Start::Time(_, zone) => Start::Time(at, zone),
            },
            length,
        })
        .collect())
}

/// How an event's `DTSTART` (or another date-time property) says its moment.
fn start_of(property: &Property, unknown_zones: &mut Vec<usize>) -> Result<Start, Skip> {
    let (date, time) = date_value(&property.value).ok_or(property.line)?;
    let Some(time) = time else {
        return Ok(Start::Day(date));
    };
    let at = date.and_time(time);
    if property.value.trim().ends_with(['Z', 'z']) {
        return Ok(Start::Time(at, Some(chrono_tz::Tz::UTC)));
    }
    match property.param("TZID") {
        None => Ok(Start::Time(at, None)),
        Some(name) => match zone_named(name) {
            Some(zone) => Ok(Start::Time(at, Some(zone))),
            None => {
                unknown_zones.push(property.line);
                Ok(Start::Time(at, None))
            }
        },
    }
}

/// How long an event lasts: to its `DTEND` (in its own zone), for its `DURATION`, or (with
/// neither) a day for a date and no time for a moment.
fn length_of(event: &Event, start: Start) -> Result<TimeDelta, Skip> {
    let length = match (event.get("DTEND"), event.get("DURATION"), start) {
        (Some(end), _, Start::Day(first)) => {
            let (last, _) = date_value(&end.value).ok_or(end.line)?;
            // A one-day event written with DTEND equal to DTSTART is one day, as clients read it.
            TimeDelta::days((last - first).num_days().max(1))
        }
        (Some(end), _, Start::Time(at, zone)) => {
            let end_at = match start_of(end, &mut Vec::new())? {
                Start::Time(end_at, end_zone) => absolute(end_at, end_zone) - absolute(at, zone),
                Start::Day(day) => day.and_time(NaiveTime::MIN) - at,
            };
            if end_at < TimeDelta::zero() {
                return Err(Skip::Invalid(end.line));
            }
            end_at
        }
        (None, Some(duration), _) => {
            let seconds = duration_seconds(&duration.value).ok_or(duration.line)?;
            TimeDelta::seconds(seconds)
        }
        (None, None, Start::Day(_)) => TimeDelta::days(1),
        (None, None, Start::Time(..)) => TimeDelta::zero(),
    };
    // A year at most: no class lasts longer, and a longer event would be a mistake.
    if length > TimeDelta::days(366) || length < TimeDelta::zero() {
        return Err(Skip::Invalid(event.line));
    }
    Ok(length)
}

/// A zone's moment in UTC (a floating time as if it were UTC: only differences are taken).
fn absolute(at: NaiveDateTime, zone: Option<chrono_tz::Tz>) -> NaiveDateTime {
    zone.and_then(|zone| zone.from_local_datetime(&at).earliest())
        .map_or(at, |moment| moment.naive_utc())
}

/// The moments of an RDATE or EXDATE (comma-separated; a date alone is at `time`, the
/// event's clock time, so that it names the instance of that day).
fn moments(property: &Property, time: NaiveTime) -> Result<Vec<NaiveDateTime>, Skip> {
    property
        .value
        .split(',')
        .map(|item| {
            let start = item.split('/').next().unwrap_or(item);
            let (date, at) = date_value(start).ok_or(property.line)?;
            Ok(date.and_time(at.unwrap_or(time)))
        })
        .collect()
}

/// The instances repeating events lose to another event (with `RECURRENCE-ID`): by the
/// repeating event's UID and the instance's original start.
fn moved_instances(events: &[Event]) -> HashSet<(String, NaiveDateTime)> {
    events
        .iter()
        .filter_map(|event| {
            let uid = event.get("UID")?.value.trim().to_owned();
            let (date, time) = date_value(&event.get("RECURRENCE-ID")?.value)?;
            Some((uid, date.and_time(time.unwrap_or(NaiveTime::MIN))))
        })
        .collect()
}

/// The zone a `TZID` names: an IANA name (`Europe/Madrid`), one with a prefix
/// (`/mozilla.org/20050126_1/Europe/Madrid`, `custom_America/New_York`), or a Windows name as
/// Outlook and Exchange write.
fn zone_named(name: &str) -> Option<chrono_tz::Tz> {
    let name = name.trim().trim_matches('"');
    if let Ok(zone) = chrono_tz::Tz::from_str(name) {
        return Some(zone);
    }
    // A name inside a longer one: `/mozilla.org/20050126_1/Europe/Madrid`,
    // `custom_America/New_York` (khal's tests): tried from each word that starts upper case.
    let starts = name.char_indices().filter(|(at, c)| {
        c.is_ascii_uppercase()
            && name[..*at]
                .chars()
                .last()
                .is_some_and(|b| !b.is_alphanumeric())
    });
    for (at, _) in starts {
        if let Ok(zone) = chrono_tz::Tz::from_str(&name[at..]) {
            return Some(zone);
        }
    }
    WINDOWS_ZONES
        .iter()
        .find(|(windows, _)| windows.eq_ignore_ascii_case(name))
        .and_then(|(_, iana)| chrono_tz::Tz::from_str(iana).ok())
}

/// Windows zone names (as Outlook writes `TZID`) of the places cronograma's users live in
/// most, with their IANA zone (from CLDR's windowsZones.xml, territory 001).
const WINDOWS_ZONES: &[(&str, &str)] = &[
    ("UTC", "Etc/UTC"),
    ("GMT Standard Time", "Europe/London"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("Argentina Standard Time", "America/Buenos_Aires"),
    ("SA Western Standard Time", "America/La_Paz"),
    ("Pacific SA Standard Time", "America/Santiago"),
    ("SA Pacific Standard Time", "America/Bogota"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("Montevideo Standard Time", "America/Montevideo"),
    ("Paraguay Standard Time", "America/Asuncion"),
    ("Venezuela Standard Time", "America/Caracas"),
    ("Central Standard Time (Mexico)", "America/Mexico_City"),
    ("Central America Standard Time", "America/Guatemala"),
    ("Eastern Standard Time", "America/New_York"),
    ("Central Standard Time", "America/Chicago"),
    ("Mountain Standard Time", "America/Denver"),
    ("Pacific Standard Time", "America/Los_Angeles"),
];

/// The days an instance takes, in local time: each with its stretch of the day, or `None` for
/// a whole day (all-day events, and days a timed event covers from midnight to midnight).
fn local_days(
    instance: Instance,
    to_local: &dyn Fn(DateTime<Utc>) -> NaiveDateTime,
) -> Vec<(NaiveDate, Option<Window>)> {
    let (start, end) = match instance.start {
        Start::Day(day) => {
            let days = instance.length.num_days().max(1);
            return (0..days)
                .filter_map(|n| day.checked_add_signed(TimeDelta::days(n)))
                .map(|day| (day, None))
                .collect();
        }
        Start::Time(at, None) => (at, at + instance.length),
        Start::Time(at, Some(zone)) => {
            let Some(moment) = zone.from_local_datetime(&at).earliest() else {
                return Vec::new();
            };
            let utc = moment.with_timezone(&Utc);
            (to_local(utc), to_local(utc + instance.length))
        }
    };
    let mut days = Vec::new();
    let mut day = start.date();
    while day <= end.date() {
        let opens = if day == start.date() {
            minute_of(start, false)
        } else {
            0
        };
        let closes = if day == end.date() {
            minute_of(end, true)
        } else {
            MINUTES_PER_DAY
        };
        if opens < closes {
            let time = (opens > 0 || closes < MINUTES_PER_DAY).then_some(Window { opens, closes });
            days.push((day, time));
        }
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    days
}

/// The minute of the day of `at`: a start rounded down, an end up (busy to 11:50:30 is busy
/// to 11:51).
fn minute_of(at: NaiveDateTime, round_up: bool) -> u16 {
    use chrono::Timelike;
    let time = at.time();
    let minute = time.hour() * 60 + time.minute() + u32::from(round_up && time.second() > 0);
    minute.min(u32::from(MINUTES_PER_DAY)) as u16
}

/// The busy time the plan (or the person `who`) has already, day by day.
fn existing_days(plan: &Plan, who: Option<&str>) -> HashSet<Stretch> {
    let blocks = match who {
        Some(name) => plan
            .people
            .iter()
            .find(|person| &*person.name == name)
            .map_or(&[][..], |person| &person.busy[..]),
        None => &plan.busy[..],
    };
    blocks
        .iter()
        .flat_map(|block| {
            block
                .days()
                .map(move |day| (block.name.clone(), day, block.time))
        })
        .collect()
}

/// Busy stretches as blocks: those of one name and clock time on one weekday become one
/// weekly block from the first to the last, skipping the weeks in between without one (when
/// that is fewer blocks than listing them); the rest one block each. In date order.
fn as_blocks(stretches: Vec<Stretch>) -> Vec<Busy> {
    let mut series: BTreeMap<(String, Option<Window>, u32), Vec<NaiveDate>> = BTreeMap::new();
    for (name, date, time) in stretches {
        let weekday = date.weekday().num_days_from_monday();
        series.entry((name, time, weekday)).or_default().push(date);
    }
    let mut blocks = Vec::new();
    for ((name, time, _), mut dates) in series {
        dates.sort_unstable();
        dates.dedup();
        let (first, last) = (dates[0], dates[dates.len() - 1]);
        let weeks = (last - first).num_days() / 7 + 1;
        let skipped = weeks as usize - dates.len();
        if dates.len() >= 2 && skipped < dates.len() {
            let held: HashSet<NaiveDate> = dates.iter().copied().collect();
            let skip = (0..weeks)
                .map(|week| first + TimeDelta::weeks(week))
                .filter(|day| !held.contains(day))
                .collect();
            blocks.push(Busy {
                until: Some(last),
                weekly: true,
                skip,
                ..Busy::on(name, first, time)
            });
        } else {
            blocks.extend(
                dates
                    .into_iter()
                    .map(|date| Busy::on(name.clone(), date, time)),
            );
        }
    }
    blocks.sort_by_key(|block| (block.date, block.time));
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_are_found_by_the_names_real_producers_give_them() {
        for (tzid, zone) in [
            ("Europe/Madrid", "Europe/Madrid"),
            (
                "America/Argentina/Buenos_Aires",
                "America/Argentina/Buenos_Aires",
            ),
            ("/mozilla.org/20050126_1/Europe/Madrid", "Europe/Madrid"),
            ("custom_America/New_York", "America/New_York"),
            ("\"Romance Standard Time\"", "Europe/Paris"),
        ] {
            assert_eq!(
                zone_named(tzid).map(|z| z.name().to_owned()),
                Some(zone.to_owned())
            );
        }
        assert_eq!(zone_named("Not a zone"), None);
    }
}
