//! The iCalendar export, for calendar programs and for `sync`: an activity's work at its real
//! times (floating local time), each clock interval it works as weekly series with exceptions
//! ([`repeat`]), one event per contiguous stretch so a lunch break shows free; milestones as
//! instants (DTSTART alone: RFC 5545 wants a DTEND later than DTSTART, and calcurse drops an
//! event whose DTEND equals it); holidays as all-day events with a SUMMARY even when unnamed.
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
    /// works on several days, or as many as its pauses need ([`repeat::series`]); a milestone
    /// as an instant (DTSTART alone).
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
        let mut by_clock: BTreeMap<(NaiveTime, TimeDelta), Vec<NaiveDate>> = BTreeMap::new();
        for &(start, end) in worked {
            if start == end {
                let uid = format!("{code}-{}{}", start.format("%Y%m%d"), self.suffix);
                events.push(self.event(uid, summary, (start, end), None));
            } else {
                let dates = by_clock.entry((start.time(), end - start)).or_default();
                dates.push(start.date());
            }
        }
        for ((clock, length), dates) in by_clock {
            let end = clock.overflowing_add_signed(length).0;
            for (at, series) in repeat::series(&dates).iter().enumerate() {
                let part = if at == 0 {
                    String::new()
                } else {
                    format!("-{}", at + 1)
                };
                let uid = format!(
                    "{code}-{}-{}{part}{}",
                    clock.format("%H%M"),
                    end.format("%H%M"),
                    self.suffix
                );
                let start = series.first.and_time(clock);
                events.push(self.event(uid, summary, (start, start + length), Some(series)));
            }
        }
    }

    /// One VEVENT of work from `start` to `end` (no DTEND for an instant), repeating as
    /// `series` says (none: once).
    fn event(
        &self,
        uid: String,
        summary: &str,
        (start, end): (NaiveDateTime, NaiveDateTime),
        series: Option<&Series>,
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
        out.text("SUMMARY", summary);
        out.line("END", "VEVENT");
        Event { uid, text: out.0 }
    }
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
