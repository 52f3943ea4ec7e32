//! The value types of a plan file that are written as text: dates, times of day, the locale,
//! and weekday names. Each parses with a message that says what was expected.

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

/// Parses `YYYY-MM-DD`, refusing impossible dates such as 2023-02-30.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err(format!("\"{text}\" is not a date written as YYYY-MM-DD"));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("\"{text}\" is not a day of the calendar"))
}

/// Parses `HH:MM` (24-hour clock).
pub fn parse_time(text: &str) -> Result<NaiveTime, String> {
    let well_formed = text.len() == 5
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 2 {
                b == b':'
            } else {
                b.is_ascii_digit()
            }
        });
    let parsed = well_formed
        .then(|| NaiveTime::parse_from_str(text, "%H:%M").ok())
        .flatten();
    parsed
        .ok_or_else(|| format!("\"{text}\" is not a time of day written as HH:MM (00:00 to 23:59)"))
}

/// Formats minutes after midnight as `HH:MM`; 1440 is `24:00`, the end of the day.
pub fn format_minutes(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Formats a time of day as `HH:MM`.
pub fn format_time(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

fn text_field<'de, D, T>(
    deserializer: D,
    parse: fn(&str) -> Result<T, String>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let text = String::deserialize(deserializer)?;
    parse(&text).map_err(de::Error::custom)
}

/// Serde adapter for dates written as `"YYYY-MM-DD"`.
pub mod date {
    use super::*;

    /// Reads a `"YYYY-MM-DD"` string.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        text_field(deserializer, parse_date)
    }
}

/// Parses `YYYY-MM-DDTHH:MM`, the moments a baseline keeps.
pub fn parse_date_time(text: &str) -> Result<chrono::NaiveDateTime, String> {
    let (date, time) = text
        .split_once('T')
        .ok_or_else(|| format!("\"{text}\" is not a moment written as YYYY-MM-DDTHH:MM"))?;
    Ok(parse_date(date)?.and_time(parse_time(time)?))
}

/// Serde adapter for moments written as `"YYYY-MM-DDTHH:MM"`.
pub mod date_time {
    use super::*;

    /// Reads a `"YYYY-MM-DDTHH:MM"` string.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<chrono::NaiveDateTime, D::Error> {
        text_field(deserializer, parse_date_time)
    }
}

/// Serde adapter for optional dates written as `"YYYY-MM-DD"` (bare, thanks to implicit `Some`).
pub mod optional_date {
    use super::*;

    /// Reads an optional `"YYYY-MM-DD"` string.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| parse_date(&text).map_err(de::Error::custom))
            .transpose()
    }
}

/// Serde adapter for optional times of day written as `"HH:MM"`.
pub mod optional_time {
    use super::*;

    /// Reads an optional `"HH:MM"` string.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveTime>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| parse_time(&text).map_err(de::Error::custom))
            .transpose()
    }
}

/// Serde adapter for activity codes: kept NFC-normalised (see [`crate::text::normalize_code`]).
pub mod code {
    use std::sync::Arc;

    use super::*;

    /// Reads a code.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<str>, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(Arc::from(crate::text::normalize_code(&text)))
    }
}

/// Serde adapter for lists of codes, normalised as [`code`] is.
pub mod codes {
    use std::sync::Arc;

    use super::*;

    /// Reads a list of codes.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<Arc<str>>, D::Error> {
        let texts = Vec::<String>::deserialize(deserializer)?;
        Ok(texts
            .iter()
            .map(|text| Arc::from(crate::text::normalize_code(text)))
            .collect())
    }
}

/// Serde adapter for times of day written as `"HH:MM"`.
pub mod time {
    use super::*;

    /// Reads a `"HH:MM"` string.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveTime, D::Error> {
        text_field(deserializer, parse_time)
    }
}

/// The language of month and weekday names, labels and the holiday mark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    /// English: `October 2023`, `(H)`.
    #[default]
    En,
    /// Spanish: `Octubre 2023`, `(F)`.
    Es,
}

impl Locale {
    /// Every locale, in the order the help lists them.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Es];

    /// The letter that marks a holiday in this language's tables (`F` for feriado, `H` for
    /// holiday): no activity may have it as its code, or `13 (F)` would say two things.
    pub fn holiday_mark(self) -> &'static str {
        match self {
            Locale::En => "H",
            Locale::Es => "F",
        }
    }

    /// The tag written in plan files.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for Locale {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        Locale::ALL
            .into_iter()
            .find(|locale| locale.tag() == text)
            .ok_or_else(|| format!("\"{text}\" is not a known locale; use \"en\" or \"es\""))
    }
}

impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        text_field(deserializer, str::parse)
    }
}

/// A day of the week as plan files name it (`Mon` … `Sun`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Day {
    /// Monday to Friday, the default working week.
    pub const WEEK: [Day; 5] = [Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];

    /// The same day as chrono names it.
    pub fn weekday(self) -> chrono::Weekday {
        use chrono::Weekday as W;
        match self {
            Day::Mon => W::Mon,
            Day::Tue => W::Tue,
            Day::Wed => W::Wed,
            Day::Thu => W::Thu,
            Day::Fri => W::Fri,
            Day::Sat => W::Sat,
            Day::Sun => W::Sun,
        }
    }

    /// The name written in plan files.
    pub fn name(self) -> &'static str {
        match self {
            Day::Mon => "Mon",
            Day::Tue => "Tue",
            Day::Wed => "Wed",
            Day::Thu => "Thu",
            Day::Fri => "Fri",
            Day::Sat => "Sat",
            Day::Sun => "Sun",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_real_and_well_formed() {
        assert_eq!(
            parse_date("2023-09-13"),
            Ok(NaiveDate::from_ymd_opt(2023, 9, 13).unwrap())
        );
        assert!(
            parse_date("2023-02-30")
                .unwrap_err()
                .contains("not a day of the calendar")
        );
        assert!(parse_date("2023-9-13").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse_date("13/09/2023").is_err());
    }

    #[test]
    fn times_are_24_hour_hh_mm() {
        assert_eq!(
            parse_time("08:00"),
            Ok(NaiveTime::from_hms_opt(8, 0, 0).unwrap())
        );
        assert!(parse_time("24:00").is_err());
        assert!(parse_time("8:00").is_err());
        assert_eq!(
            format_time(NaiveTime::from_hms_opt(8, 30, 0).unwrap()),
            "08:30"
        );
    }

    #[test]
    fn locales_parse_from_their_tags() {
        assert_eq!("es".parse(), Ok(Locale::Es));
        assert!(
            "fr".parse::<Locale>()
                .unwrap_err()
                .contains("\"en\" or \"es\"")
        );
    }
}
