//! The value types of a plan file that are written as text: dates, times of day, the locale,
//! and weekday names. Each parses with a message that says what was expected.

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

pub use super::field_error::FieldError;

/// Parses `YYYY-MM-DD`, refusing impossible dates such as 2023-02-30.
pub fn parse_date(text: &str) -> Result<NaiveDate, FieldError> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err(FieldError::NotADate(text.to_owned()));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| FieldError::NotADay(text.to_owned()))
}

/// Parses `HH:MM` (24-hour clock).
pub fn parse_time(text: &str) -> Result<NaiveTime, FieldError> {
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
    parsed.ok_or_else(|| FieldError::NotATime(text.to_owned()))
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
    parse: fn(&str) -> Result<T, FieldError>,
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
pub fn parse_date_time(text: &str) -> Result<chrono::NaiveDateTime, FieldError> {
    let (date, time) = text
        .split_once('T')
        .ok_or_else(|| FieldError::NotAMoment(text.to_owned()))?;
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

/// Serde adapter for activity codes: kept NFC-normalised (see [`crate::text::normalize_code`]),
/// so a code typed with a combining accent is the same code as one typed precomposed.
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
    ) -> Result<Arc<[Arc<str>]>, D::Error> {
        let codes = Vec::<String>::deserialize(deserializer)?;
        Ok(codes
            .iter()
            .map(|code| Arc::from(crate::text::normalize_code(code)))
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

/// The languages cronograma's own words (messages, labels, the holiday mark) are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    /// English.
    En,
    /// Spanish.
    Es,
    /// Portuguese.
    Pt,
}

impl Language {
    /// Every language with its own message table.
    pub const ALL: [Language; 3] = [Language::En, Language::Es, Language::Pt];
}

/// A locale as a plan names it (`"es"`, `"pt-BR"`, `"fr"`): the language of cronograma's words
/// (English where it has none of its own), month and weekday names from the locale data chrono
/// carries (`unstable-locales`), and the first day of the week people there expect. `es` and
/// `en` keep cronograma's own names, those of the plan documents it reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Locale {
    /// The tag as written back, normalised (`pt-BR`), kept inline so a locale stays `Copy`.
    tag: [u8; 16],
    tag_len: u8,
    /// Where month and weekday names come from.
    names: chrono::Locale,
    /// The message table, if cronograma has one for the language.
    language: Option<Language>,
}

impl Default for Locale {
    fn default() -> Self {
        Locale::EN
    }
}

/// `text` as the inline bytes of a tag (at most 16 bytes: longer tags are refused when read).
const fn tag_bytes(text: &str) -> [u8; 16] {
    let mut tag = [0u8; 16];
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && i < 16 {
        tag[i] = bytes[i];
        i += 1;
    }
    tag
}

impl Locale {
    /// English, `en`: `October 2023`, `(H)`, ISO weeks from Monday.
    pub const EN: Locale = Locale {
        tag: tag_bytes("en"),
        tag_len: 2,
        names: chrono::Locale::en_US,
        language: Some(Language::En),
    };
    /// Spanish, `es`: `Octubre 2023`, `(F)`.
    pub const ES: Locale = Locale {
        tag: tag_bytes("es"),
        tag_len: 2,
        names: chrono::Locale::es_ES,
        language: Some(Language::Es),
    };

    /// Brazilian Portuguese, `pt-BR`: `Outubro 2023`, `(F)`, weeks from Sunday.
    pub const PT_BR: Locale = Locale {
        tag: tag_bytes("pt-BR"),
        tag_len: 5,
        names: chrono::Locale::pt_BR,
        language: Some(Language::Pt),
    };

    /// The language of cronograma's words in this locale (English where it has no table).
    pub fn language(self) -> Language {
        self.language.unwrap_or(Language::En)
    }

    /// True when cronograma speaks the language itself; otherwise its words are English
    /// (with the locale's month and weekday names).
    pub fn has_own_words(self) -> bool {
        self.language.is_some()
    }

    /// Where month and weekday names come from.
    pub fn names(self) -> chrono::Locale {
        self.names
    }

    /// True for `es` and `en` (and their regions): cronograma's own month and weekday names,
    /// those of the plan documents, rather than the locale data's.
    pub fn own_names(self) -> bool {
        matches!(self.language, Some(Language::En | Language::Es))
    }

    /// The letter that marks a holiday in this language's tables (`F` for feriado, `H` for
    /// holiday): no activity may have it as its code, or `13 (F)` would say two things.
    pub fn holiday_mark(self) -> &'static str {
        match self.language() {
            Language::En => "H",
            Language::Es | Language::Pt => "F",
        }
    }

    /// The tag written in plan files.
    pub fn tag(&self) -> &str {
        std::str::from_utf8(&self.tag[..usize::from(self.tag_len)]).unwrap_or("en")
    }

    /// The first day of the week where this locale is spoken: Sunday in the United States and
    /// Brazil, Monday elsewhere (and for a bare `en`, which keeps ISO weeks).
    pub fn week_start(self) -> WeekStart {
        match self.tag() {
            "en-US" | "pt-BR" => WeekStart::Sun,
            _ => WeekStart::Mon,
        }
    }

    /// True where numbers are written with a decimal comma (`7,5`): Spanish and Portuguese, and
    /// the other languages of continental Europe and South America; not English, nor the
    /// Spanish of Mexico, Central America and the Caribbean, nor Chinese, Japanese, Korean,
    /// Hebrew or Thai.
    pub fn decimal_comma(self) -> bool {
        const POINT_LANGUAGES: [&str; 6] = ["en", "zh", "ja", "ko", "he", "th"];
        const POINT_REGIONS: [&str; 9] = ["MX", "US", "PR", "DO", "GT", "HN", "NI", "PA", "SV"];
        let (language, region) = self.tag().split_once('-').unwrap_or((self.tag(), ""));
        !(POINT_LANGUAGES.contains(&language) || POINT_REGIONS.contains(&region))
    }

    /// True where printed pages are US Letter rather than A4: the United States, Canada,
    /// Mexico, the Philippines, and the Latin American countries that kept Letter. A bare
    /// language (`en`, `es`) prints on A4, as it keeps ISO weeks.
    pub fn uses_letter_paper(self) -> bool {
        const LETTER: [&str; 15] = [
            "US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR", "PA", "SV", "NI", "HN",
            "DO",
        ];
        self.tag()
            .split_once('-')
            .is_some_and(|(_, region)| LETTER.contains(&region))
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for Locale {
    type Err = FieldError;

    /// `es`, `pt-BR`, `pt_br`, `fr`: a language, and perhaps a region, the locale data knows.
    fn from_str(text: &str) -> Result<Self, FieldError> {
        let unknown = || FieldError::NotALocale(text.to_owned());
        let (language, region) = match text.split_once(['-', '_']) {
            Some((language, region)) => (language, Some(region)),
            None => (text, None),
        };
        let valid = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
            lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphabetic())
        };
        if !valid(language, 2..=3) || region.is_some_and(|region| !valid(region, 2..=3)) {
            return Err(unknown());
        }
        let language = language.to_ascii_lowercase();
        let region = region.map(str::to_ascii_uppercase);
        // The locale data is per region: a bare language takes its own country's (fr_FR), or
        // the first region that speaks it.
        let names = match &region {
            Some(region) => chrono::Locale::from_str(&format!("{language}_{region}")).ok(),
            None => {
                chrono::Locale::from_str(&format!("{language}_{}", language.to_ascii_uppercase()))
                    .ok()
                    .or_else(|| default_region(&language))
            }
        }
        .ok_or_else(unknown)?;
        let tag = match &region {
            Some(region) => format!("{language}-{region}"),
            None => language.clone(),
        };
        let own = match language.as_str() {
            "en" => Some(Language::En),
            "es" => Some(Language::Es),
            "pt" => Some(Language::Pt),
            _ => None,
        };
        Ok(Locale {
            tag: tag_bytes(&tag),
            tag_len: tag.len() as u8,
            names,
            language: own,
        })
    }
}

/// The locale data for a language whose main country's code is not its own (`en`, `ca`,
/// `pt`...): the first region that speaks it.
fn default_region(language: &str) -> Option<chrono::Locale> {
    let preferred = match language {
        "en" => "en_US",
        "es" => "es_ES",
        "pt" => "pt_PT",
        "ca" => "ca_ES",
        "sv" => "sv_SE",
        "da" => "da_DK",
        "el" => "el_GR",
        "ja" => "ja_JP",
        "ko" => "ko_KR",
        "zh" => "zh_CN",
        "uk" => "uk_UA",
        "cs" => "cs_CZ",
        "et" => "et_EE",
        "sl" => "sl_SI",
        "he" => "he_IL",
        "hi" => "hi_IN",
        "vi" => "vi_VN",
        "nb" => "nb_NO",
        "ga" => "ga_IE",
        "eu" => "eu_ES",
        "gl" => "gl_ES",
        _ => return None,
    };
    chrono::Locale::from_str(preferred).ok()
}

/// The first day of the week in calendars and tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum WeekStart {
    /// Monday: ISO weeks, numbered by ISO 8601.
    Mon,
    /// Sunday: the week holding 1 January is week 1.
    Sun,
    /// Saturday: the week holding 1 January is week 1.
    Sat,
}

impl WeekStart {
    /// The weekday it names.
    pub fn weekday(self) -> chrono::Weekday {
        match self {
            WeekStart::Mon => chrono::Weekday::Mon,
            WeekStart::Sun => chrono::Weekday::Sun,
            WeekStart::Sat => chrono::Weekday::Sat,
        }
    }

    /// How plan files write it.
    pub fn name(self) -> &'static str {
        match self {
            WeekStart::Mon => "Mon",
            WeekStart::Sun => "Sun",
            WeekStart::Sat => "Sat",
        }
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

    /// Every day, Monday first.
    pub const ALL: [Day; 7] = [
        Day::Mon,
        Day::Tue,
        Day::Wed,
        Day::Thu,
        Day::Fri,
        Day::Sat,
        Day::Sun,
    ];

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
    fn lists_of_codes_of_any_length_are_read_whole_and_in_order() {
        for count in 0..=9 {
            let codes: Vec<String> = (0..count).map(|i| format!("A{i}")).collect();
            let written = codes
                .iter()
                .map(|code| format!("\"{code}\""))
                .collect::<Vec<_>>()
                .join(", ");
            let text = format!(
                "Plan(start: \"2024-03-04\", hours_per_day: 4, activities: [(code: \"B\", hours: 1, after: [{written}])])"
            );
            let plan: crate::plan::Plan = ron::Options::default()
                .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
                .from_str(&text)
                .expect("valid RON");
            let read: Vec<&str> = plan.activities[0].after.iter().map(|c| &**c).collect();
            assert_eq!(read, codes, "{count} codes");
        }
    }

    #[test]
    fn codes_in_lists_are_normalised_as_codes_are() {
        let text = "Plan(start: \"2024-03-04\", hours_per_day: 4, activities: [(code: \"e\u{301}\", hours: 1, after: [\"e\u{301}\"])])";
        let plan: crate::plan::Plan = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .expect("valid RON");
        assert_eq!(&*plan.activities[0].code, "\u{e9}");
        assert_eq!(&*plan.activities[0].after[0], "\u{e9}");
    }

    #[test]
    fn a_list_of_codes_that_is_not_a_list_says_a_list_was_expected() {
        let text = "Plan(start: \"2024-03-04\", hours_per_day: 4, activities: [(code: \"B\", hours: 1, after: \"A\")])";
        let error = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str::<crate::plan::Plan>(text)
            .unwrap_err();
        assert!(
            error.to_string().contains("Expected opening `[`"),
            "{error}"
        );
    }

    #[test]
    fn dates_must_be_real_and_well_formed() {
        assert_eq!(
            parse_date("2023-09-13"),
            Ok(NaiveDate::from_ymd_opt(2023, 9, 13).unwrap())
        );
        assert!(
            parse_date("2023-02-30")
                .unwrap_err()
                .to_string()
                .contains("not a day of the calendar")
        );
        assert!(
            parse_date("2023-9-13")
                .unwrap_err()
                .to_string()
                .contains("YYYY-MM-DD")
        );
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
        assert_eq!("es".parse(), Ok(Locale::ES));
        assert_eq!("en".parse(), Ok(Locale::EN));
        let brazil: Locale = "pt_br".parse().unwrap();
        assert_eq!(brazil.tag(), "pt-BR");
        assert_eq!(brazil.language(), Language::Pt);
        assert_eq!(brazil.week_start(), WeekStart::Sun);
        let french: Locale = "fr".parse().unwrap();
        assert!(!french.has_own_words());
        assert_eq!((french.tag(), french.week_start()), ("fr", WeekStart::Mon));
        assert_eq!(
            "en-US".parse::<Locale>().unwrap().week_start(),
            WeekStart::Sun
        );
        assert_eq!(Locale::EN.week_start(), WeekStart::Mon);
        for bad in ["xx", "fr-XX", "french", "e", "es-419-x"] {
            let error = bad.parse::<Locale>().unwrap_err().to_string();
            assert!(error.contains("is not a known locale"), "{bad}: {error}");
        }
    }
}
