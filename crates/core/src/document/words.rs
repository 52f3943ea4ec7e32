//! The pieces of a plan document's sentences, read the way people write them: any case, with or
//! without accents, `Nº`/`N°`, `hs`/`h`/`horas`, `8` or `8:00`, decimals with `,` or `.`.

use chrono::{NaiveDate, NaiveTime};

use crate::plan::{Hours, Locale};

pub use crate::text::fold;

const SPANISH_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

const ENGLISH_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const PORTUGUESE_MONTHS: [&str; 12] = [
    "janeiro",
    "fevereiro",
    "marco",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];

/// The month (1–12) a folded word names, and the language it is in. `setiembre` is Spanish too;
/// `abril` and `agosto`, written alike, count as Spanish (a sentence's first words decide).
pub fn month_number(word: &str) -> Option<(u32, Locale)> {
    if word == "setiembre" {
        return Some((9, Locale::ES));
    }
    let find = |names: &[&str; 12]| names.iter().position(|name| *name == word);
    if let Some(index) = find(&SPANISH_MONTHS) {
        return Some((index as u32 + 1, Locale::ES));
    }
    find(&ENGLISH_MONTHS)
        .map(|index| (index as u32 + 1, Locale::EN))
        .or_else(|| find(&PORTUGUESE_MONTHS).map(|index| (index as u32 + 1, Locale::PT_BR)))
}

/// A month heading's text, `Septiembre 2023`: the month and year, and the language.
pub fn month_and_year(text: &str) -> Option<(u32, i32, Locale)> {
    let folded = fold(text);
    let mut words = folded.split_whitespace();
    let (month, locale) = month_number(words.next()?)?;
    let year: i32 = words.next()?.parse().ok()?;
    (words.next().is_none() && (1..=9999).contains(&year)).then_some((month, year, locale))
}

/// A time of day as people write it: `8`, `8:00`, `8.30`, `14hs`.
pub fn clock(text: &str) -> Option<NaiveTime> {
    let text = text.trim_end_matches(|c: char| c.is_alphabetic());
    let (hour, minute) = text.split_once([':', '.']).unwrap_or((text, "0"));
    NaiveTime::from_hms_opt(hour.parse().ok()?, minute.parse().ok()?, 0).or_else(|| {
        (hour == "24" && minute.trim_start_matches('0').is_empty()).then_some(NaiveTime::MIN)
    })
}

/// The start sentence's values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartSentence {
    /// The first day.
    pub start: NaiveDate,
    /// Hours a day.
    pub hours_per_day: Hours,
    /// When the window opens, when the sentence says.
    pub day_start: Option<NaiveTime>,
    /// The day's windows, when the sentence gives more than one (`de 8 a 12 y de 13 a 17`).
    pub windows: Option<Vec<crate::plan::Window>>,
    /// The sentence's language.
    pub locale: Locale,
}

/// What keeps a line of a plan document from being read: the start sentence, an activity of
/// the list, a row of a month table. The document's problems list says these with the line
/// they are on, in the plan's language ([`crate::messages::Say`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordsError {
    /// A start sentence without a month.
    NoMonth,
    /// A start sentence without a day of the month.
    NoDay,
    /// A start sentence without a year.
    NoYear,
    /// A day the calendar does not have.
    NotADay {
        /// The day of the month.
        day: u32,
        /// The month.
        month: u32,
        /// The year.
        year: i32,
    },
    /// A start sentence without hours a day.
    NoHoursADay,
    /// Hours that are not a number in quarter-hour steps.
    NotHours(String),
    /// Two times that make no window of the day.
    NotAWindow(String, String),
    /// Windows that do not hold the hours a day.
    WindowsDoNotAddUp {
        /// The windows read.
        windows: String,
        /// What they hold.
        total: Hours,
        /// What the sentence says.
        hours_per_day: Hours,
    },
    /// An item that does not open with the word for activity.
    NotAnActivity,
    /// No number after that word.
    NoNumber,
    /// No code.
    NoCode,
    /// A code's parenthesis left open.
    CodeNotClosed,
    /// No effort and no milestone word.
    NoEffort,
    /// A row of a month table with other than eight cells.
    RowCells(usize),
    /// A cell of a month table that does not open with its day.
    NoDayNumber(String),
    /// A cell whose mark is not in parentheses.
    MarkOutsideParentheses(String),
    /// A day out of the month's sequence.
    UnexpectedDay {
        /// The day written.
        day: u32,
        /// The day that follows the one before.
        expected: u32,
    },
}

/// True when a line looks like a start sentence: it opens with "Del"/"Desde"/"From" and speaks
/// of hours.
pub fn looks_like_start(line: &str) -> bool {
    let folded = fold(line);
    let opening = ["del ", "desde ", "from ", "starting ", "a partir de "]
        .iter()
        .any(|word| folded.trim_start().starts_with(word));
    opening && (folded.contains("hora") || folded.contains("hour"))
}

/// Reads `Del 13 de Septiembre del 2023 con 6 horas diarias en la franja horaria de 8 a 14 hs.`
/// or `From 13 September 2023, 6 hours a day from 8:00 to 14:00.` (or `From September 13,
/// 2023, …`).
pub fn start_sentence(line: &str) -> Result<StartSentence, WordsError> {
    let folded = fold(line);
    let tokens: Vec<&str> = folded
        .split_whitespace()
        .map(|token| token.trim_end_matches([',', '.', ';']))
        .filter(|token| !token.is_empty())
        .collect();
    let (at, (month, month_locale)) = tokens
        .iter()
        .enumerate()
        .find_map(|(at, token)| month_number(token).map(|found| (at, found)))
        .ok_or(WordsError::NoMonth)?;
    let number = |token: &str| token.parse::<u32>().ok();
    // The day stands before the month (`13 de Septiembre`) or after it (`September 13`).
    let day = tokens[..at]
        .iter()
        .rev()
        .take(2)
        .find_map(|token| number(token))
        .or_else(|| tokens.get(at + 1).and_then(|token| number(token)))
        .ok_or(WordsError::NoDay)?;
    let year = tokens[at + 1..]
        .iter()
        .find(|token| token.len() == 4 && number(token).is_some())
        .and_then(|token| token.parse::<i32>().ok())
        .ok_or(WordsError::NoYear)?;
    let start = NaiveDate::from_ymd_opt(year, month, day).ok_or(WordsError::NotADay {
        day,
        month,
        year,
    })?;
    let unit = |token: &str| ["hora", "horas", "hour", "hours", "h", "hs"].contains(&token);
    let hours_at = tokens
        .iter()
        .position(|token| unit(token))
        .filter(|at| *at > 0)
        .ok_or(WordsError::NoHoursADay)?;
    let hours_per_day = tokens[hours_at - 1]
        .parse::<Hours>()
        .ok()
        .filter(|hours| !hours.is_zero())
        .ok_or_else(|| WordsError::NotHours(tokens[hours_at - 1].to_owned()))?;
    let times: Vec<NaiveTime> = tokens[hours_at + 1..]
        .iter()
        .filter(|token| token.starts_with(|c: char| c.is_ascii_digit()))
        .filter_map(|token| clock(token))
        .collect();
    let day_start = times.first().copied();
    let windows = windows_of(&times, hours_per_day)?;
    let spanish_opening = tokens
        .first()
        .is_some_and(|word| ["del", "desde"].contains(word));
    let portuguese_opening = tokens.starts_with(&["a", "partir"]);
    let locale = if spanish_opening {
        Locale::ES
    } else if portuguese_opening {
        Locale::PT_BR
    } else {
        month_locale
    };
    Ok(StartSentence {
        start,
        hours_per_day,
        day_start,
        windows,
        locale,
    })
}

/// The windows the sentence's times give in pairs (`de 8 a 12 y de 13 a 17`): `None` for one
/// window (or none), an error when they do not add up to the hours a day.
fn windows_of(
    times: &[NaiveTime],
    hours_per_day: Hours,
) -> Result<Option<Vec<crate::plan::Window>>, WordsError> {
    let minutes = |time: NaiveTime| (time - NaiveTime::MIN).num_minutes() as u16;
    let windows: Vec<crate::plan::Window> = times
        .chunks_exact(2)
        .map(|pair| {
            // A window closing at 24:00 is written "a 0" or "to 00:00".
            let closes = match minutes(pair[1]) {
                0 => 24 * 60,
                closes => closes,
            };
            crate::plan::Window::new(minutes(pair[0]), closes).ok_or_else(|| {
                WordsError::NotAWindow(
                    pair[0].format("%H:%M").to_string(),
                    pair[1].format("%H:%M").to_string(),
                )
            })
        })
        .collect::<Result<_, _>>()?;
    let total = crate::plan::window::total(&windows);
    if !windows.is_empty() && total != hours_per_day {
        return Err(WordsError::WindowsDoNotAddUp {
            windows: crate::plan::window::shown(&windows),
            total,
            hours_per_day,
        });
    }
    Ok((windows.len() > 1).then_some(windows))
}

/// One item of the activity list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Its number in the list.
    pub number: u32,
    /// The code in parentheses.
    pub code: String,
    /// The description, as written.
    pub name: String,
    /// Its hours; zero for a milestone.
    pub hours: Hours,
    /// The language of its words.
    pub locale: Locale,
}

/// True when a line looks like an item of the activity list (`* **Actividad Nº1 (A1):** …`).
pub fn looks_like_item(line: &str) -> bool {
    let plain = fold(&without_emphasis(line));
    let plain = strip_bullet(&plain);
    plain.starts_with("actividad")
        || plain.starts_with("activity")
        || plain.starts_with("atividade")
}

/// Reads `* **Actividad Nº1 (A1):** Name *Duración: 42 horas.*` or
/// `**Activity 1 (A1):** Name *Duration: 7.5 hours.*` (or `*Hito.*` / `*Milestone.*`).
pub fn item(line: &str) -> Result<Item, WordsError> {
    let plain = without_emphasis(line);
    let plain = strip_bullet(&plain);
    let folded = fold(plain);
    let (keyword, locale) = if folded.starts_with("actividad") {
        ("actividad", Locale::ES)
    } else if folded.starts_with("activity") {
        ("activity", Locale::EN)
    } else if folded.starts_with("atividade") {
        ("atividade", Locale::PT_BR)
    } else {
        return Err(WordsError::NotAnActivity);
    };
    // Byte offsets agree between `plain` and `folded` for the ASCII keyword and signs.
    let rest = plain[keyword.len()..].trim_start();
    let rest = ["Nº", "N°", "N.º", "No.", "Nro.", "No", "nº", "n°", "#"]
        .iter()
        .find_map(|sign| rest.strip_prefix(sign))
        .unwrap_or(rest)
        .trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let number: u32 = rest[..digits].parse().map_err(|_| WordsError::NoNumber)?;
    let rest = rest[digits..].trim_start();
    let rest = rest.strip_prefix('(').ok_or(WordsError::NoCode)?;
    let close = rest.find(')').ok_or(WordsError::CodeNotClosed)?;
    let code = rest[..close].trim().to_owned();
    let rest = rest[close + 1..].trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let (name, hours) = effort(rest)?;
    Ok(Item {
        number,
        code,
        name,
        hours,
        locale,
    })
}

/// The description and the effort of `Name Duración: 42 horas.` or `Name Hito.`.
fn effort(text: &str) -> Result<(String, Hours), WordsError> {
    let folded = fold(text);
    let label = ["duracion:", "duration:", "duracao:"]
        .iter()
        .find_map(|label| folded.rfind(label).map(|at| (at, label.len())));
    let Some((at, length)) = label else {
        let trimmed = folded.trim_end().trim_end_matches('.');
        for word in ["hito", "milestone", "marco"] {
            if let Some(before) = trimmed.strip_suffix(word) {
                let end = original_at(text, &folded, before.len());
                return Ok((text[..end].trim().to_owned(), Hours::ZERO));
            }
        }
        return Err(WordsError::NoEffort);
    };
    let name = text[..original_at(text, &folded, at)].trim();
    let effort = folded[at + length..].trim();
    let number = effort
        .split_whitespace()
        .next()
        .map(|token| token.trim_end_matches('.'))
        .unwrap_or_default();
    let hours = number
        .parse::<Hours>()
        .ok()
        .ok_or_else(|| WordsError::NotHours(number.to_owned()))?;
    Ok((name.to_owned(), hours))
}

/// The byte offset in `text` of the character at byte offset `at` of `fold(text)`.
fn original_at(text: &str, folded: &str, at: usize) -> usize {
    let characters = folded[..at].chars().count();
    text.char_indices()
        .nth(characters)
        .map_or(text.len(), |(offset, _)| offset)
}

/// The line without Markdown's `*` emphasis.
fn without_emphasis(line: &str) -> String {
    line.replace('*', "")
}

/// The line without a leading list bullet (`*`, `-`, `+`, `1.`).
fn strip_bullet(line: &str) -> &str {
    let line = line.trim_start();
    let line = line.strip_prefix(['-', '+']).unwrap_or(line);
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let line = if digits > 0 && line[digits..].starts_with(". ") {
        &line[digits + 1..]
    } else {
        line
    };
    line.trim_start()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn start_sentences_in_both_languages() {
        let seed = start_sentence(
            "Del 13 de Septiembre del 2023 con 6 horas diarias en la franja horaria de 8 a 14 hs.",
        )
        .unwrap();
        assert_eq!(seed.start, date("2023-09-13"));
        assert_eq!(seed.hours_per_day, Hours::from_whole(6));
        assert_eq!(seed.day_start, NaiveTime::from_hms_opt(8, 0, 0));
        assert_eq!(seed.locale, Locale::ES);
        for english in [
            "From 13 September 2023, 6 hours a day from 8:00 to 14:00.",
            "From September 13, 2023, 6 hours a day from 08:00 to 14:00.",
            "FROM 13 SEPTEMBER 2023, 6 H A DAY FROM 8 TO 14.",
        ] {
            let read = start_sentence(english).unwrap();
            assert_eq!(
                (read.start, read.hours_per_day, read.locale),
                (date("2023-09-13"), Hours::from_whole(6), Locale::EN),
                "{english}"
            );
        }
        let half =
            start_sentence("desde el 2 de setiembre de 2024 con 7,5 hs diarias de 8:30 a 16")
                .unwrap();
        assert_eq!(half.hours_per_day, Hours::from_quarters(30));
        assert_eq!(half.day_start, NaiveTime::from_hms_opt(8, 30, 0));
        assert!(
            start_sentence("Del 31 de Febrero del 2023 con 6 horas")
                .unwrap_err()
                .to_string()
                .contains("not a day")
        );
        assert!(
            start_sentence("Del 13 de Septiembre del 2023 con 6 horas de 8 a 13")
                .unwrap_err()
                .to_string()
                .contains("08:00–13:00 hold 5 hours, not 6")
        );
        // A day of two windows, as the md export writes it, reads back as its windows.
        let split = start_sentence(
            "Del 4 de Marzo del 2024 con 8 horas diarias en las franjas horarias de 8 a 12 y de 13 a 17 hs.",
        )
        .unwrap();
        assert_eq!(
            split.windows,
            Some(crate::plan::window::parse_list("08:00-12:00, 13:00-17:00").unwrap())
        );
        let english = start_sentence(
            "From March 4, 2024, 8 hours a day from 08:00 to 12:00 and from 13:00 to 17:00.",
        )
        .unwrap();
        assert_eq!(english.windows, split.windows);
    }

    #[test]
    fn activity_items_with_and_without_emphasis() {
        let seed = item("* **Actividad Nº3 (A3):** Diseño e implementación basada en Kubeflow . *Duración: 42 horas.*").unwrap();
        assert_eq!(
            (
                seed.number,
                seed.code.as_str(),
                seed.name.as_str(),
                seed.hours
            ),
            (
                3,
                "A3",
                "Diseño e implementación basada en Kubeflow .",
                Hours::from_whole(42)
            )
        );
        let english = item("- Activity 2 (R): Review *Duration: 7.5 hours.*").unwrap();
        assert_eq!(
            (english.code.as_str(), english.hours, english.locale),
            ("R", Hours::from_quarters(30), Locale::EN)
        );
        let degree =
            item("**Actividad N°12 (T-12):**  Informe final *Duración: 2,25 horas.*").unwrap();
        assert_eq!((degree.number, degree.hours), (12, Hours::from_quarters(9)));
        let milestone = item("* **Actividad Nº8 (H1):** Entrega *Hito.*").unwrap();
        assert_eq!(milestone.hours, Hours::ZERO);
        assert!(
            item("* **Actividad Nº1 (A1):** Sin duración")
                .unwrap_err()
                .to_string()
                .contains("Duración")
        );
        assert!(
            item("* **Actividad Nº1 A1:** x *Duración: 4 horas.*")
                .unwrap_err()
                .to_string()
                .contains("parentheses")
        );
        assert!(
            item("* **Actividad Nº1 (A1):** x *Duración: 4,1 horas.*")
                .unwrap_err()
                .to_string()
                .contains("quarter-hour")
        );
    }

    #[test]
    fn headings_name_months_in_either_language() {
        assert_eq!(
            month_and_year("Septiembre 2023"),
            Some((9, 2023, Locale::ES))
        );
        assert_eq!(month_and_year("october 2023"), Some((10, 2023, Locale::EN)));
        assert_eq!(month_and_year("Cronograma de actividades"), None);
    }
}
