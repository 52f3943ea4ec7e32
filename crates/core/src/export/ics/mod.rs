//! The iCalendar export, for calendar programs and for `sync`: an activity's work at its real
//! times (floating local time), each clock interval it works as weekly series with exceptions
//! ([`repeat`]), one instance per contiguous stretch so a lunch break shows free, the days it
//! works at other times carried by its longest series (an RDATE and an override each);
//! milestones as instants (DTSTART alone: RFC 5545 wants a DTEND later than DTSTART, calcurse
//! drops an event whose DTEND equals it, and skips one with `DURATION:PT0S`); holidays as
//! all-day events with a SUMMARY even when unnamed.
//!
//! Written here rather than with a crate so that every rule of RFC 5545 that matters to real
//! clients is ours to keep: every TEXT value escaped (the calendar's name too, so a title with
//! a newline cannot inject a line), no control character in any line, lines folded at 75 octets
//! on character boundaries in one linear pass, CRLF line ends, a PRODID that names the program.

mod repeat;

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use repeat::{Series, rfc_weekday};

use crate::locale::words;
use crate::plan::Plan;
use crate::schedule::Schedule;

/// `PRODID`: who made the file, as RFC 5545 asks.
pub const PRODID: &str = concat!(
    "-//cronograma//cronograma ",
    env!("CARGO_PKG_VERSION"),
    "//EN"
);

/// The calendar as iCalendar text.
pub fn render(plan: &Plan, schedule: &Schedule) -> String {
    let mut out = String::new();
    out.push_str(&head(plan));
    for event in events(plan, schedule) {
        out.push_str(&event.text);
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// One VEVENT of the calendar, with its UID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The same activity on the same day of the same plan keeps its UID from one export to the
    /// next, so a calendar program (or a server) updates the event instead of adding another.
    pub uid: String,
    /// `BEGIN:VEVENT` … `END:VEVENT`, folded, with CRLF line ends.
    pub text: String,
}

/// The `BEGIN:VCALENDAR` lines of the plan's calendar, up to its first event.
pub fn head(plan: &Plan) -> String {
    let mut out = Lines::default();
    out.line("BEGIN", "VCALENDAR");
    out.line("VERSION", "2.0");
    out.line("PRODID", PRODID);
    out.line("CALSCALE", "GREGORIAN");
    out.text("NAME", plan.title());
    out.text("X-WR-CALNAME", plan.title());
    out.0
}

/// The end of every UID of `plan`'s events: what tells its events from others'.
pub fn uid_suffix(plan: &Plan) -> String {
    format!("-{}@cronograma", slug(plan.title()))
}

/// Every event: an activity's work, and each holiday.
pub fn events(plan: &Plan, schedule: &Schedule) -> Vec<Event> {
    let writer = Writer {
        suffix: uid_suffix(plan),
        // The same plan gives the same file: the stamp is the plan's start, not the clock.
        stamp: format!("{}T000000Z", plan.start.format("%Y%m%d")),
    };
    let mut events = Vec::new();
    for (index, activity) in plan.activities.iter().enumerate() {
        let summary = if activity.name.is_empty() {
            activity.code.to_string()
        } else {
            format!("{} · {}", activity.code, activity.name)
        };
        writer.work(
            &mut events,
            &activity.code,
            &summary,
            &worked(schedule, index),
        );
    }
    let unnamed = words(plan.locale).holiday;
    for holiday in &plan.holidays {
        let uid = format!("holiday-{}{}", holiday.date.format("%Y%m%d"), writer.suffix);
        let after = holiday.last_day().succ_opt().unwrap_or(holiday.last_day());
        let mut out = Lines::default();
        out.line("BEGIN", "VEVENT");
        out.text("UID", &uid);
        out.line("DTSTAMP", &writer.stamp);
        out.line("DTSTART;VALUE=DATE", &date(holiday.date));
        out.line("DTEND;VALUE=DATE", &date(after));
        out.text("SUMMARY", holiday.name.as_deref().unwrap_or(unnamed));
        out.line("TRANSP", "TRANSPARENT");
        out.line("END", "VEVENT");
        events.push(Event { uid, text: out.0 });
    }
    events
}

/// The intervals activity `index` works, in order, those that touch joined (logged and planned
/// work of one morning is one stretch); a milestone is its moment, start and end the same.
fn worked(schedule: &Schedule, index: usize) -> Vec<(NaiveDateTime, NaiveDateTime)> {
    let mut intervals: Vec<(NaiveDateTime, NaiveDateTime)> = Vec::new();
    for slot in schedule.slots_of(index) {
        let mut parts = schedule.slot_intervals(slot);
        if parts.is_empty() {
            parts.push(schedule.slot_times(slot));
        }
        intervals.extend(parts);
    }
    intervals.sort_unstable();
    let mut joined: Vec<(NaiveDateTime, NaiveDateTime)> = Vec::with_capacity(intervals.len());
    for (start, end) in intervals {
        match joined.last_mut() {
            Some(last) if last.1 == start && last.0 < last.1 && start < end => last.1 = end,
            _ => joined.push((start, end)),
        }
    }
    joined
}

/// What every event of one plan shares.
struct Writer {
    /// The end of every UID.
    suffix: String,
    /// `DTSTAMP`.
    stamp: String,
}

impl Writer {
    /// The events of an activity's `worked` intervals: one series for each clock interval it
    /// works on several days, or as many as its pauses need ([`repeat::series`]); its short
    /// stretches at other times (the afternoon it starts, the morning it hands over, a short
    /// week's afternoons) carried by its longest series where every reader agrees
    /// ([`carried`]); a milestone as an instant (DTSTART alone).
    ///
    /// A series' UID is the activity's code and its clock interval, not a date, so that work
    /// moved by a day (a holiday added before it) updates the series instead of replacing it.
    fn work(
        &self,
        events: &mut Vec<Event>,
        code: &str,
        summary: &str,
        worked: &[(NaiveDateTime, NaiveDateTime)],
    ) {
        for &(start, end) in worked.iter().filter(|(start, end)| start == end) {
            let uid = format!("{code}-{}{}", start.format("%Y%m%d"), self.suffix);
            events.push(self.event(uid, summary, (start, end), None, &[]));
        }
        for part in carried(self.parts(code, worked)) {
            let start = part.series.first.and_time(part.clock);
            let times = (start, start + part.length);
            let event = self.event(part.uid, summary, times, Some(&part.series), &part.extra);
            events.push(event);
        }
    }

    /// The series of the `worked` intervals that last (milestones left out), each clock
    /// interval's days split as their pauses need, each with its UID.
    fn parts(&self, code: &str, worked: &[(NaiveDateTime, NaiveDateTime)]) -> Vec<Part> {
        let mut by_clock: BTreeMap<(NaiveTime, TimeDelta), Vec<NaiveDate>> = BTreeMap::new();
        for &(start, end) in worked.iter().filter(|(start, end)| start < end) {
            let dates = by_clock.entry((start.time(), end - start)).or_default();
            dates.push(start.date());
        }
        let mut parts: Vec<Part> = Vec::new();
        for ((clock, length), dates) in by_clock {
            let end = clock.overflowing_add_signed(length).0;
            for (at, series) in repeat::series(&dates).into_iter().enumerate() {
                let count = if at == 0 {
                    String::new()
                } else {
                    format!("-{}", at + 1)
                };
                let uid = format!(
                    "{code}-{}-{}{count}{}",
                    clock.format("%H%M"),
                    end.format("%H%M"),
                    self.suffix
                );
                parts.push(Part {
                    uid,
                    clock,
                    length,
                    series,
                    extra: Vec::new(),
                });
            }
        }
        parts
    }

    /// One VEVENT of work from `start` to `end` (no DTEND for an instant), repeating as
    /// `series` says (none: once), with the `extra` instances it carries (an RDATE each, and
    /// an override with its times, as their length is not the series').
    fn event(
        &self,
        uid: String,
        summary: &str,
        (start, end): (NaiveDateTime, NaiveDateTime),
        series: Option<&Series>,
        extra: &[(NaiveDateTime, NaiveDateTime)],
    ) -> Event {
        let mut out = Lines::default();
        out.line("BEGIN", "VEVENT");
        out.text("UID", &uid);
        out.line("DTSTAMP", &self.stamp);
        out.line("DTSTART", &date_time(start));
        if end > start {
            out.line("DTEND", &date_time(end));
        }
        if let Some(series) = series.filter(|series| !series.is_single()) {
            let clock = start.time();
            let days: Vec<&str> = series.weekdays.iter().map(|d| rfc_weekday(*d)).collect();
            // UNTIL in local time, as RFC 5545 wants with a floating DTSTART; the parts in
            // the order python's icalendar writes them, so a server built on it (Xandikos)
            // gives the text back as it was sent.
            let until = date_time(series.last.and_time(clock));
            out.line(
                "RRULE",
                &format!("FREQ=WEEKLY;UNTIL={until};BYDAY={}", days.join(",")),
            );
            if !series.excluded.is_empty() {
                let excluded: Vec<String> = series
                    .excluded
                    .iter()
                    .map(|day| date_time(day.and_time(clock)))
                    .collect();
                out.line("EXDATE", &excluded.join(","));
            }
        }
        let starts: Vec<String> = extra.iter().map(|(start, _)| date_time(*start)).collect();
        if !starts.is_empty() {
            out.line("RDATE", &starts.join(","));
        }
        out.text("SUMMARY", summary);
        out.line("END", "VEVENT");
        for (start, (_, end)) in starts.iter().zip(extra) {
            out.line("BEGIN", "VEVENT");
            out.text("UID", &uid);
            out.line("DTSTAMP", &self.stamp);
            out.line("RECURRENCE-ID", start);
            out.line("DTSTART", start);
            out.line("DTEND", &date_time(*end));
            out.text("SUMMARY", summary);
            out.line("END", "VEVENT");
        }
        Event { uid, text: out.0 }
    }
}

/// One series of an activity's work, before it is written: its UID, clock interval, days, and
/// the lone days of other clock intervals it carries.
struct Part {
    uid: String,
    clock: NaiveTime,
    length: TimeDelta,
    series: Series,
    extra: Vec<(NaiveDateTime, NaiveDateTime)>,
}

/// The most days a series of an activity's other clock intervals may have to ride in its
/// longest series as extra instances: a working week. Its hand-over days, a short week's
/// afternoons after a lunch break, a few short Fridays cost a server a write each as entries
/// of their own (Radicale's cost per new entry grows with the calendar); a longer stretch
/// reads better as a series of its own than as a run of overrides.
const MAX_RIDING: usize = 5;

/// `parts` with the short series of an activity (up to [`MAX_RIDING`] days) moved into its
/// longest series, each whole or not at all. Those before the series come first, the latest
/// first, so that a series reaching back does so one day at a time; when reaching back takes
/// another weekday into the rule, every instance carried is checked against it again.
fn carried(mut parts: Vec<Part>) -> Vec<Part> {
    let Some(host) = (0..parts.len()).max_by_key(|&at| {
        let series = &parts[at].series;
        (series.worked(), std::cmp::Reverse(series.first))
    }) else {
        return parts;
    };
    let mut riders: Vec<usize> = (0..parts.len())
        .filter(|&at| at != host && parts[at].series.worked() <= MAX_RIDING)
        .collect();
    let host_first = parts[host].series.first;
    riders.sort_by_key(|&at| {
        let first = parts[at].series.first;
        (first >= host_first, std::cmp::Reverse(first))
    });
    let mut gone = vec![false; parts.len()];
    let clock = parts[host].clock;
    for at in riders {
        let rider = &parts[at];
        let instances: Vec<(NaiveDateTime, NaiveDateTime)> = (rider.series.days().iter())
            .map(|day| day.and_time(rider.clock))
            .map(|start| (start, start + rider.length))
            .collect();
        let mut series = parts[host].series.clone();
        let taken = instances
            .iter()
            .rev()
            .all(|(start, _)| series.carry(clock, *start));
        // Only a weekday taken into the rule can put a day already carried on it: then all
        // are checked again (at most six times an activity, so never quadratic).
        let widened = series.weekdays != parts[host].series.weekdays;
        let mut all = parts[host].extra.iter().chain(&instances);
        if taken && (!widened || all.all(|(start, _)| series.admits(clock, *start))) {
            parts[host].series = series;
            parts[host].extra.extend(instances);
            gone[at] = true;
        }
    }
    parts[host].extra.sort_unstable();
    parts
        .into_iter()
        .zip(gone)
        .filter_map(|(part, gone)| (!gone).then_some(part))
        .collect()
}

fn date(day: NaiveDate) -> String {
    day.format("%Y%m%d").to_string()
}

fn date_time(moment: NaiveDateTime) -> String {
    moment.format("%Y%m%dT%H%M%S").to_string()
}

/// Content lines being written.
#[derive(Default)]
struct Lines(String);

impl Lines {
    /// `NAME:value` for values that are ours (dates, keywords): no escaping needed.
    fn line(&mut self, name: &str, value: &str) {
        self.fold(name, value);
    }

    /// `NAME:value` for text from the plan, escaped as RFC 5545 TEXT.
    fn text(&mut self, name: &str, value: &str) {
        self.fold(name, &escape_text(value));
    }

    /// Writes `name:value` folded so no line passes 75 octets, never inside a character.
    fn fold(&mut self, name: &str, value: &str) {
        let mut width = 0;
        for c in name
            .chars()
            .chain(std::iter::once(':'))
            .chain(value.chars())
        {
            let octets = c.len_utf8();
            if width + octets > 75 {
                self.0.push_str("\r\n ");
                width = 1;
            }
            self.0.push(c);
            width += octets;
        }
        self.0.push_str("\r\n");
    }
}

/// RFC 5545 TEXT: `\` `;` `,` and newlines escaped; control characters, which TEXT may not
/// hold, written as visible `\u{1b}` (so they read back as that text).
pub fn escape_text(value: &str) -> String {
    let visible = crate::text::in_lines(value);
    let mut out = String::with_capacity(visible.len());
    for c in visible.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            // The one control TEXT allows.
            '\t' => out.push('\t'),
            c => out.push(c),
        }
    }
    out
}

/// A title as a UID-friendly word: letters and digits, dashes between, at most
/// [`SLUG_CHARS`] characters (every event's UID holds it: a long title must not make every
/// line long).
fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(SLUG_CHARS)
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "plan".into()
    } else {
        words.join("-").chars().take(SLUG_CHARS).collect()
    }
}

/// The longest title part of a UID.
const SLUG_CHARS: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn writer() -> Writer {
        Writer {
            suffix: "@t".into(),
            stamp: "20250101T000000Z".into(),
        }
    }

    /// Every interval `parts` stand for: each series' days at its clock, and what it carries.
    fn expanded(parts: &[Part]) -> Vec<(NaiveDateTime, NaiveDateTime)> {
        let mut all = Vec::new();
        for part in parts {
            let series = &part.series;
            let days = series
                .first
                .iter_days()
                .take_while(|day| *day <= series.last);
            for day in days
                .filter(|day| series.is_single() || series.weekdays.contains(&day.weekday()))
                .filter(|day| !series.excluded.contains(day))
            {
                let start = day.and_time(part.clock);
                all.push((start, start + part.length));
            }
            all.extend(part.extra.iter().copied());
        }
        all.sort_unstable();
        all
    }

    /// What every reader needs of a carried day: not before the series starts, and not where
    /// a day of the rule (worked or excluded) starts.
    fn carried_days_are_safe(parts: &[Part]) -> bool {
        parts.iter().all(|part| {
            let series = &part.series;
            part.extra.iter().all(|(start, _)| {
                let day = start.date();
                let on_the_rule = !series.is_single()
                    && day <= series.last
                    && series.weekdays.contains(&day.weekday());
                day >= series.first && !(start.time() == part.clock && on_the_rule)
            })
        })
    }

    #[test]
    fn hand_over_days_ride_in_the_series_as_rdates_with_their_overrides() {
        // Wednesday afternoon, Thursday and Friday, Monday morning (13–17 March 2025).
        let worked = [
            (at("2025-03-12 11:00"), at("2025-03-12 14:00")),
            (at("2025-03-13 08:00"), at("2025-03-13 14:00")),
            (at("2025-03-14 08:00"), at("2025-03-14 14:00")),
            (at("2025-03-17 08:00"), at("2025-03-17 11:00")),
        ];
        let mut events = Vec::new();
        writer().work(&mut events, "A6", "A6", &worked);
        assert_eq!(events.len(), 1, "{events:?}");
        let expected = [
            "BEGIN:VEVENT",
            "UID:A6-0800-1400@t",
            "DTSTAMP:20250101T000000Z",
            "DTSTART:20250312T080000",
            "DTEND:20250312T140000",
            "RRULE:FREQ=WEEKLY;UNTIL=20250314T080000;BYDAY=WE,TH,FR",
            "EXDATE:20250312T080000",
            "RDATE:20250312T110000,20250317T080000",
            "SUMMARY:A6",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:A6-0800-1400@t",
            "DTSTAMP:20250101T000000Z",
            "RECURRENCE-ID:20250312T110000",
            "DTSTART:20250312T110000",
            "DTEND:20250312T140000",
            "SUMMARY:A6",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:A6-0800-1400@t",
            "DTSTAMP:20250101T000000Z",
            "RECURRENCE-ID:20250317T080000",
            "DTSTART:20250317T080000",
            "DTEND:20250317T110000",
            "SUMMARY:A6",
            "END:VEVENT",
            "",
        ];
        assert_eq!(events[0].text, expected.join("\r\n"));
    }

    #[test]
    fn a_short_day_where_the_rule_starts_one_stays_an_event_of_its_own() {
        // Two weeks of Monday to Friday 08:00–14:00, but the first Wednesday only
        // 08:00–10:00: an RDATE at 08:00 that Wednesday would be the EXDATE's own day.
        let mut worked: Vec<_> = [10, 11, 12, 13, 14, 17, 18, 19, 20, 21]
            .into_iter()
            .map(|day| {
                let end = if day == 12 { "10:00" } else { "14:00" };
                (
                    at(&format!("2025-03-{day} 08:00")),
                    at(&format!("2025-03-{day} {end}")),
                )
            })
            .collect();
        let parts = carried(writer().parts("A", &worked));
        assert_eq!(parts.len(), 2);
        assert!(parts.iter().all(|part| part.extra.is_empty()));
        worked.sort_unstable();
        assert_eq!(expanded(&parts), worked);
    }

    /// Mornings and afternoons around a lunch break, on `days` of March 2025.
    fn with_lunch(days: &[u32]) -> Vec<(NaiveDateTime, NaiveDateTime)> {
        let mut worked = Vec::new();
        for day in days {
            for (from, to) in [("08:00", "12:00"), ("13:00", "17:00")] {
                let on = |clock: &str| at(&format!("2025-03-{day:02} {clock}"));
                worked.push((on(from), on(to)));
            }
        }
        worked
    }

    #[test]
    fn a_short_weeks_afternoons_ride_in_its_mornings_and_a_long_stretch_does_not() {
        let short = with_lunch(&[10, 11, 12]);
        let parts = carried(writer().parts("A", &short));
        assert_eq!(parts.len(), 1, "one entry");
        assert_eq!(parts[0].extra.len(), 3, "three afternoons as overrides");
        assert_eq!(expanded(&parts), short);
        let long = with_lunch(&[3, 4, 5, 6, 7, 10, 11, 12]);
        let parts = carried(writer().parts("A", &long));
        assert_eq!(parts.len(), 2, "a series per window");
        assert!(parts.iter().all(|part| part.extra.is_empty()));
        assert_eq!(expanded(&parts), long);
    }

    proptest::proptest! {
        /// Whatever days an activity works, and at whatever times, its events stand for each
        /// interval once and nothing else, and every carried day is one every reader shows.
        #[test]
        fn events_stand_for_exactly_the_worked_intervals(
            days in proptest::collection::btree_map(0i64..70, 0usize..5, 1..30)
        ) {
            let clocks = [("08:00", 6), ("11:00", 3), ("08:00", 3), ("13:00", 1), ("09:30", 2)];
            let worked: Vec<(NaiveDateTime, NaiveDateTime)> = days
                .iter()
                .map(|(offset, choice)| {
                    let (clock, hours) = clocks[*choice];
                    let start = at(&format!("2025-03-03 {clock}")) + TimeDelta::days(*offset);
                    (start, start + TimeDelta::hours(hours))
                })
                .collect();
            let parts = carried(writer().parts("A", &worked));
            proptest::prop_assert_eq!(expanded(&parts), worked);
            proptest::prop_assert!(carried_days_are_safe(&parts));
        }
    }

    #[test]
    fn titles_become_uid_words() {
        assert_eq!(slug("PPS MLOps"), "pps-mlops");
        assert_eq!(slug("Tesis: capítulos"), "tesis-capítulos");
        assert_eq!(slug("  "), "plan");
        assert_eq!(slug(&"ab ".repeat(100_000)).chars().count(), SLUG_CHARS);
    }

    #[test]
    fn text_is_escaped_and_controls_made_visible() {
        assert_eq!(
            escape_text("a,b;c\\d\ne\r\u{1b}[2J\u{0}"),
            "a\\,b\\;c\\\\d\\ne\\\\u{d}\\\\u{1b}[2J\\\\u{0}"
        );
    }

    #[test]
    fn folding_is_at_75_octets_on_character_boundaries() {
        let mut lines = Lines::default();
        lines.text("SUMMARY", &"é".repeat(100));
        for line in lines.0.split("\r\n").filter(|line| !line.is_empty()) {
            assert!(line.len() <= 75, "{}", line.len());
        }
        let unfolded = lines.0.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(100)));
    }
}
