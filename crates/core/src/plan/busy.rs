//! Busy time: what already fills a person's week (a class, a shift, a meeting, an exam),
//! which no work may be laid on. A block is a name, a date, a clock interval at any minute
//! (or the whole day), and a repetition: every day through `until`, or every week through it
//! (as a timetable gives a class), with the dates it `skip`s. What a block takes from a
//! given day is the schedule's business, not this module's.

use chrono::{Days, NaiveDate};
use serde::Deserialize;
use serde::de::{self, Deserializer};

use super::fields::{self, parse_date};
use super::window::Window;

/// The most days all the busy blocks of a plan may reach together: ten years of a full
/// timetable is a few thousand; a block repeated daily to the year 9999 is refused, as it
/// would make every schedule slow.
pub const MAX_BUSY_DAYS: usize = 200_000;

/// One busy block.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Busy {
    /// What it is (`Álgebra`, `Reunión con tutora`): the view and `sync` name it.
    pub name: String,
    /// Its day, or the first day it repeats on.
    #[serde(with = "fields::date")]
    pub date: NaiveDate,
    /// Its clock interval, at any minute (`"10:00-11:50"`); the whole day when left out.
    #[serde(default, deserialize_with = "deserialize_time")]
    pub time: Option<Window>,
    /// The last day it repeats on (included): every day through it, or with `weekly`, every
    /// week.
    #[serde(default, with = "fields::optional_date")]
    pub until: Option<NaiveDate>,
    /// Repeats every week (on `date`'s weekday) through `until`, not every day.
    #[serde(default)]
    pub weekly: bool,
    /// Days it would repeat on but does not (a class not held on a holiday).
    #[serde(default, deserialize_with = "deserialize_dates")]
    pub skip: Vec<NaiveDate>,
    /// Where it came from when `busy pull` brought it (the calendar's address): the next
    /// pull replaces such blocks. Blocks typed in or imported from a file have none.
    #[serde(default)]
    pub source: Option<String>,
}

impl Busy {
    /// A block on one day, at `time` or all day.
    pub fn on(name: impl Into<String>, date: NaiveDate, time: Option<Window>) -> Self {
        Busy {
            name: name.into(),
            date,
            time,
            until: None,
            weekly: false,
            skip: Vec::new(),
            source: None,
        }
    }

    /// The days the block takes time on, in order: its repetition less its skipped days.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        let step = if self.weekly { 7 } else { 1 };
        let last = self.until.unwrap_or(self.date);
        // A set: a long list of skipped days must not make each repetition a search of it.
        let skipped: std::collections::HashSet<NaiveDate> = self.skip.iter().copied().collect();
        std::iter::successors(Some(self.date), move |day| {
            day.checked_add_days(Days::new(step))
        })
        .take_while(move |day| *day <= last)
        .filter(move |day| !skipped.contains(day))
    }

    /// How many days the repetition reaches, skipped ones included: counted, not walked, so
    /// that a hostile block is refused without walking it.
    pub fn reach(&self) -> usize {
        let span = (self.until.unwrap_or(self.date) - self.date).num_days();
        let step = if self.weekly { 7 } else { 1 };
        usize::try_from(span / step + 1).unwrap_or(0)
    }

    /// The part of the day it takes: its interval, or the whole day.
    pub fn taken(&self) -> Window {
        self.time.unwrap_or(Window {
            opens: 0,
            closes: super::window::MINUTES_PER_DAY,
        })
    }
}

/// Reads an optional interval at any minute (`"10:00-11:50"`).
fn deserialize_time<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Window>, D::Error> {
    Option::<String>::deserialize(deserializer)?
        .map(|text| Window::parse_any_minute(&text).map_err(de::Error::custom))
        .transpose()
}

/// Reads a list of `"YYYY-MM-DD"` dates.
fn deserialize_dates<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<NaiveDate>, D::Error> {
    Vec::<String>::deserialize(deserializer)?
        .iter()
        .map(|text| parse_date(text).map_err(de::Error::custom))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    #[test]
    fn a_weekly_class_repeats_through_its_last_day_less_the_skipped_ones() {
        let class: Busy = ron::from_str(
            r#"#![enable(implicit_some)]
            (name: "Álgebra", date: "2026-03-03", time: "10:00-11:50", until: "2026-03-31",
                weekly: true, skip: ["2026-03-17"])"#,
        )
        .unwrap();
        let days: Vec<String> = class.days().map(|day| day.to_string()).collect();
        assert_eq!(
            days,
            ["2026-03-03", "2026-03-10", "2026-03-24", "2026-03-31"]
        );
        assert_eq!(class.reach(), 5);
        assert_eq!(class.taken().to_string(), "10:00-11:50");
    }

    #[test]
    fn a_block_without_time_takes_the_whole_day_and_a_range_every_day() {
        let congress = Busy {
            until: Some(date("2026-05-06")),
            ..Busy::on("Congreso", date("2026-05-04"), None)
        };
        assert_eq!(congress.days().count(), 3);
        assert_eq!(congress.taken().to_string(), "00:00-24:00");
        // The year 9999 is counted, not walked.
        let endless = Busy {
            until: Some(date("9999-12-31")),
            ..Busy::on("x", date("2026-01-01"), None)
        };
        assert!(endless.reach() > MAX_BUSY_DAYS);
    }
}
