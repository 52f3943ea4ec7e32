//! Exports: the schedule as Markdown (the seed document's own tables), JSON and CSV.
//! Pure views: each takes a plan and its schedule and returns text.

pub mod csv;
pub mod ics;
pub mod json;
pub mod md;
pub mod mermaid;
pub mod status;
pub mod summary;
pub mod svg;

use chrono::NaiveDateTime;

use crate::plan::Plan;
use crate::schedule::Schedule;

/// The formats `cronograma export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown: the activity list and one table per month, codes next to the day numbers.
    Md,
    /// JSON: every activity with its start, end and hours per day.
    Json,
    /// CSV: one row per activity.
    Csv,
    /// Mermaid: a `gantt` block for Markdown documents on code forges.
    Mermaid,
    /// iCalendar: an event per activity per working day, and the holidays, for calendar programs.
    Ics,
    /// SVG: a Gantt chart for a written report.
    Svg,
}

/// Renders `schedule` of `plan` in `format`.
pub fn render(format: Format, plan: &Plan, schedule: &Schedule) -> String {
    match format {
        Format::Md => md::render(plan, schedule),
        Format::Json => json::render(plan, schedule),
        Format::Csv => csv::render(plan, schedule),
        Format::Mermaid => mermaid::render(plan, schedule),
        Format::Ics => ics::render(plan, schedule),
        Format::Svg => svg::render(plan, schedule),
    }
}

/// The plan's people in the order they first appear, each with the indices of their
/// activities in plan order (the unnamed person is `""`). One pass: a plan of 100,000
/// activities and as many people costs no more than one of a single person.
pub fn by_person(plan: &Plan) -> Vec<(&str, Vec<usize>)> {
    let mut position: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut people: Vec<(&str, Vec<usize>)> = Vec::new();
    for (index, activity) in plan.activities.iter().enumerate() {
        let who: &str = &activity.who;
        let at = *position.entry(who).or_insert_with(|| {
            people.push((who, Vec::new()));
            people.len() - 1
        });
        people[at].1.push(index);
    }
    people
}

/// A date-time as exports write it: `2023-09-13T08:00`.
pub fn format_datetime(moment: NaiveDateTime) -> String {
    Stamp::minute(moment).to_string()
}

/// A date-time as people read it, in the view, `check` and `status`: `2023-09-13 08:00`.
pub fn format_moment(moment: NaiveDateTime) -> String {
    Stamp::minute_spaced(moment).to_string()
}

/// A date (`2023-09-13`) or a date-time to the minute (`2023-09-13T08:00`) written digit by
/// digit into a buffer of its own: exports write one or two for every activity and day, and
/// neither chrono's `format` (which parses its pattern on every call) nor an allocation each
/// is free at 100,000 activities.
#[derive(Clone, Copy)]
pub struct Stamp {
    bytes: [u8; 24],
    len: usize,
}

impl Stamp {
    /// `2023-09-13`.
    pub fn date(date: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        let year = date.year();
        if let Some(plain) = Stamp::plain_date(date) {
            let mut bytes = [0; 24];
            bytes[..10].copy_from_slice(&plain);
            return Stamp { bytes, len: 10 };
        }
        let mut stamp = Stamp {
            bytes: [0; 24],
            len: 0,
        };
        {
            // Years no plan reaches (its last day is 9999-12-31): a sign and all the digits.
            if year < 0 {
                stamp.push(b'-');
            }
            stamp.digits(year.unsigned_abs(), 4);
        }
        stamp.push(b'-');
        stamp.two(date.month());
        stamp.push(b'-');
        stamp.two(date.day());
        stamp
    }

    /// The ten bytes of a date of the years 0 to 9999 (every plan's: its last day is
    /// 9999-12-31), written two digits at a time from a table: a push at a time, each
    /// checked, was most of an export's dates, and a division per digit still half of them.
    pub fn plain_date(date: chrono::NaiveDate) -> Option<[u8; 10]> {
        use chrono::Datelike;
        let year = usize::try_from(date.year())
            .ok()
            .filter(|year| *year <= 9999)?;
        let [century, year] = [pair(year / 100), pair(year % 100)];
        let [month, day] = [pair(date.month() as usize), pair(date.day() as usize)];
        Some([
            century[0], century[1], year[0], year[1], b'-', month[0], month[1], b'-', day[0],
            day[1],
        ])
    }

    /// `2023-09-13T08:00`.
    pub fn minute(moment: NaiveDateTime) -> Self {
        Stamp::minute_with(moment, b'T')
    }

    /// `2023-09-13 08:00` (with a space), as the view and the text reports show a moment.
    pub fn minute_spaced(moment: NaiveDateTime) -> Self {
        Stamp::minute_with(moment, b' ')
    }

    fn minute_with(moment: NaiveDateTime, separator: u8) -> Self {
        use chrono::Timelike;
        let mut stamp = Stamp::date(moment.date());
        let (hour, minute) = (moment.hour(), moment.minute());
        let digit = |value: u32| b'0' + (value % 10) as u8;
        let time = [
            separator,
            digit(hour / 10),
            digit(hour),
            b':',
            digit(minute / 10),
            digit(minute),
        ];
        stamp.bytes[stamp.len..stamp.len + 6].copy_from_slice(&time);
        stamp.len += 6;
        stamp
    }

    /// Hours as they are written everywhere (`42`, `7.5`, `0.25`): the whole hours and the
    /// quarter, without trailing zeros.
    pub fn hours(hours: crate::plan::Hours) -> Self {
        let mut stamp = Stamp {
            bytes: [0; 24],
            len: 0,
        };
        let quarters = hours.quarters();
        let whole = quarters / 4;
        // A day's hours and most efforts have one or two digits: written without a loop.
        match whole {
            0..=9 => stamp.push(b'0' + whole as u8),
            10..=99 => stamp.two(whole),
            _ => stamp.digits(whole, 1),
        }
        let fraction: &[u8] = match quarters % 4 {
            0 => b"",
            1 => b".25",
            2 => b".5",
            _ => b".75",
        };
        stamp.bytes[stamp.len..stamp.len + fraction.len()].copy_from_slice(fraction);
        stamp.len += fraction.len();
        stamp
    }

    fn push(&mut self, byte: u8) {
        self.bytes[self.len] = byte;
        self.len += 1;
    }

    /// `value` (below 100) in two digits.
    fn two(&mut self, value: u32) {
        self.push(b'0' + (value / 10 % 10) as u8);
        self.push(b'0' + (value % 10) as u8);
    }

    /// `value` in decimal, with leading zeros to at least `width` digits.
    fn digits(&mut self, value: u32, width: usize) {
        let mut buffer = [b'0'; 10];
        let mut rest = value;
        let mut used = 0;
        while rest > 0 || used < width {
            buffer[9 - used] = b'0' + (rest % 10) as u8;
            rest /= 10;
            used += 1;
        }
        for byte in &buffer[10 - used..] {
            self.push(*byte);
        }
    }

    /// The stamp's bytes (ASCII), for writers of bytes: no UTF-8 check as [`Stamp::as_str`]
    /// makes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).expect("only ASCII digits and signs")
    }
}

/// The two digits of `value` (below 100), from a table of all of them.
fn pair(value: usize) -> [u8; 2] {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    [PAIRS[value * 2], PAIRS[value * 2 + 1]]
}

impl std::fmt::Display for Stamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Stamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::Stamp;

    #[test]
    fn stamps_are_written_as_chrono_would() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for date in [
            day(2023, 9, 13),
            day(1, 1, 1),
            day(9999, 12, 31),
            day(2024, 2, 29),
        ] {
            assert_eq!(Stamp::date(date).as_str(), date.to_string());
            let moment = date.and_hms_opt(8, 5, 0).unwrap();
            assert_eq!(
                Stamp::minute(moment).to_string(),
                moment.format("%Y-%m-%dT%H:%M").to_string()
            );
            assert_eq!(
                super::format_moment(moment),
                moment.format("%Y-%m-%d %H:%M").to_string()
            );
        }
        // Every day of a century, at every quarter hour of one of them.
        let mut date = day(1999, 12, 1);
        while date < day(2101, 1, 1) {
            assert_eq!(Stamp::date(date).as_str(), date.to_string());
            date = date.succ_opt().unwrap();
        }
        // Every year a plan can have, on a day of each month (every pair of year digits).
        for year in 0..=9999 {
            for month in 1..=12 {
                let date = day(year, month, 28 - month % 3 * 9);
                assert_eq!(Stamp::date(date).as_str(), date.to_string());
            }
        }
        for quarter in 0..96 {
            let moment = day(2024, 2, 29)
                .and_hms_opt(quarter / 4, quarter % 4 * 15, 0)
                .unwrap();
            assert_eq!(
                Stamp::minute(moment).as_str(),
                moment.format("%Y-%m-%dT%H:%M").to_string()
            );
        }
        // Years no plan reaches (its last day is 9999-12-31): all the digits, and a sign.
        assert_eq!(Stamp::date(day(12345, 1, 2)).as_str(), "12345-01-02");
        assert_eq!(Stamp::date(day(-44, 3, 15)).as_str(), "-0044-03-15");
        for quarters in (0..5000).chain([u32::MAX - 3, u32::MAX]) {
            let hours = crate::plan::Hours::from_quarters(quarters);
            assert_eq!(Stamp::hours(hours).as_str(), hours.to_string());
        }
        assert_eq!(
            serde_json::to_string(&Stamp::date(day(2023, 10, 9))).unwrap(),
            "\"2023-10-09\""
        );
    }
}
