//! The iCalendar export, for calendar programs: one event per activity per working day at its
//! real times (floating local time), milestones as instants (DTSTART alone: RFC 5545 wants a
//! DTEND later than DTSTART, and calcurse drops an event whose DTEND equals it), holidays as
//! all-day events with a SUMMARY even when unnamed.
//!
//! Written here rather than with a crate so that every rule of RFC 5545 that matters to real
//! clients is ours to keep: every TEXT value escaped (the calendar's name too, so a title with
//! a newline cannot inject a line), no control character in any line, lines folded at 75 octets
//! on character boundaries in one linear pass, CRLF line ends, a PRODID that names the program.

use chrono::{NaiveDate, NaiveDateTime};

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

/// Every event: an activity's work on each of its days, and each holiday.
pub fn events(plan: &Plan, schedule: &Schedule) -> Vec<Event> {
    let suffix = uid_suffix(plan);
    // The same plan gives the same file: the stamp is the plan's start, not the clock.
    let stamp = format!("{}T000000Z", plan.start.format("%Y%m%d"));
    let mut events = Vec::new();
    for (index, activity) in plan.activities.iter().enumerate() {
        let summary = if activity.name.is_empty() {
            activity.code.to_string()
        } else {
            format!("{} · {}", activity.code, activity.name)
        };
        for slot in schedule.slots_of(index) {
            // One event per stretch worked: a calendar shows the lunch break free.
            let mut intervals = schedule.slot_intervals(slot);
            if intervals.is_empty() {
                intervals.push(schedule.slot_times(slot));
            }
            for (at, (start, end)) in intervals.into_iter().enumerate() {
                // The first stretch keeps the UID a day had before windows: a calendar synced
                // from an older export keeps its events.
                let part = if at == 0 {
                    String::new()
                } else {
                    format!("-{}", at + 1)
                };
                let day = slot.date.format("%Y%m%d");
                let uid = format!("{}-{day}{part}{suffix}", activity.code);
                let mut out = Lines::default();
                out.line("BEGIN", "VEVENT");
                out.text("UID", &uid);
                out.line("DTSTAMP", &stamp);
                out.line("DTSTART", &date_time(start));
                if end > start {
                    out.line("DTEND", &date_time(end));
                }
                out.text("SUMMARY", &summary);
                out.line("END", "VEVENT");
                events.push(Event { uid, text: out.0 });
            }
        }
    }
    let unnamed = words(plan.locale).holiday;
    for holiday in &plan.holidays {
        let uid = format!("holiday-{}{suffix}", holiday.date.format("%Y%m%d"));
        let after = holiday.last_day().succ_opt().unwrap_or(holiday.last_day());
        let mut out = Lines::default();
        out.line("BEGIN", "VEVENT");
        out.text("UID", &uid);
        out.line("DTSTAMP", &stamp);
        out.line("DTSTART;VALUE=DATE", &date(holiday.date));
        out.line("DTEND;VALUE=DATE", &date(after));
        out.text("SUMMARY", holiday.name.as_deref().unwrap_or(unnamed));
        out.line("TRANSP", "TRANSPARENT");
        out.line("END", "VEVENT");
        events.push(Event { uid, text: out.0 });
    }
    events
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
