//! The public-holiday calendars that come with cronograma: twenty countries, 2020–2035, with
//! their states, provinces and regions, in each country's language. The data is generated from
//! the python `holidays` package by `scripts/holidays/generate.py` (see
//! `assets/holidays/README.md`) and embedded as text (about half a MiB): one file a country,
//! the national holidays one a line, then each subdivision as its differences from them.

use super::ReadError;
use chrono::NaiveDate;

/// One bundled country.
#[derive(Debug)]
pub struct Country {
    /// Its name on the command line (`ar`).
    pub code: &'static str,
    /// The generated file.
    text: &'static str,
}

macro_rules! countries {
    ($($code:literal),* $(,)?) => {
        &[$(Country {
            code: $code,
            text: include_str!(concat!("../../../../assets/holidays/", $code, ".txt")),
        }),*]
    };
}

/// Every bundled country, by code.
pub const COUNTRIES: &[Country] = countries!(
    "ar", "bo", "br", "ca", "cl", "co", "cr", "de", "ec", "es", "fr", "gb", "it", "mx", "pe", "pt",
    "py", "us", "uy", "ve",
);

/// A country, or one of its subdivisions: what `holidays add` takes.
#[derive(Debug, Clone, Copy)]
pub struct Calendar {
    /// The country.
    pub country: &'static Country,
    /// The subdivision's code (`md`), if one was asked for.
    pub subdivision: Option<&'static str>,
}

impl Country {
    /// The `country CODE FIRST LAST LANGUAGE NAME` line's fields after the code.
    fn header(&self) -> (i32, i32, &'static str, &'static str) {
        let line = self
            .text
            .lines()
            .find_map(|line| line.strip_prefix("country "))
            .unwrap_or_default();
        let mut parts = line.splitn(5, ' ').skip(1);
        let mut year = || parts.next().and_then(|year| year.parse().ok()).unwrap_or(0);
        let (first, last) = (year(), year());
        let language = parts.next().unwrap_or_default();
        (first, last, language, parts.next().unwrap_or_default())
    }

    /// The first and last years it has.
    pub fn years(&self) -> (i32, i32) {
        let (first, last, _, _) = self.header();
        (first, last)
    }

    /// Its name in English.
    pub fn name(&self) -> &'static str {
        self.header().3
    }

    /// The language its holidays are named in (`es`, `pt_BR`).
    pub fn language(&self) -> &'static str {
        self.header().2
    }

    /// Its subdivisions: code and name.
    pub fn subdivisions(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.text
            .lines()
            .filter_map(|line| line.strip_prefix("subdivision "))
            .map(|rest| rest.split_once(' ').unwrap_or((rest, rest)))
    }

    /// The national holidays, in date order.
    fn national(&self) -> impl Iterator<Item = (NaiveDate, &'static str)> {
        self.text
            .lines()
            .skip_while(|line| !line.starts_with("country "))
            .skip(1)
            .take_while(|line| !line.starts_with("subdivision "))
            .filter_map(dated)
    }
}

/// `2023-10-16 Día del Respeto a la Diversidad Cultural` as a date and a name.
fn dated(line: &'static str) -> Option<(NaiveDate, &'static str)> {
    let (date, name) = line.split_once(' ').unwrap_or((line, ""));
    Some((NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?, name))
}

impl Calendar {
    /// `ar`, `es-md`, `US_CA`: a country and perhaps a subdivision, or why not.
    pub fn find(name: &str) -> Result<Calendar, ReadError> {
        let (country, subdivision) = match name.split_once(['-', '_']) {
            Some((country, subdivision)) => (country, Some(subdivision)),
            None => (name, None),
        };
        let country = COUNTRIES
            .iter()
            .find(|candidate| candidate.code.eq_ignore_ascii_case(country))
            .ok_or(ReadError::NoSuchCalendar)?;
        let subdivision = match subdivision {
            None => None,
            Some(asked) => Some(
                country
                    .subdivisions()
                    .map(|(code, _)| code)
                    .find(|code| code.eq_ignore_ascii_case(asked))
                    .ok_or_else(|| ReadError::NoSuchSubdivision {
                        country: country.name().to_owned(),
                        code: country.code.to_owned(),
                        asked: asked.to_owned(),
                    })?,
            ),
        };
        Ok(Calendar {
            country,
            subdivision,
        })
    }

    /// Its name as typed on the command line: `es` or `es-md`.
    pub fn code(&self) -> String {
        match self.subdivision {
            Some(subdivision) => format!("{}-{subdivision}", self.country.code),
            None => self.country.code.to_owned(),
        }
    }

    /// Its holidays, in date order: the nation's, with the subdivision's own added and those
    /// it does not keep taken away.
    pub fn holidays(&self) -> Vec<(NaiveDate, &'static str)> {
        let mut days: std::collections::BTreeMap<NaiveDate, &'static str> =
            self.country.national().collect();
        if let Some(subdivision) = self.subdivision {
            let header = format!("subdivision {subdivision} ");
            let changes = self
                .country
                .text
                .lines()
                .skip_while(|line| !line.starts_with(&header))
                .skip(1)
                .take_while(|line| !line.starts_with("subdivision "));
            for change in changes {
                if let Some((date, name)) = change.strip_prefix("+ ").and_then(dated) {
                    days.insert(date, name);
                } else if let Some((date, _)) = change.strip_prefix("- ").and_then(dated) {
                    days.remove(&date);
                }
            }
        }
        days.into_iter().collect()
    }
}

/// The calendars whose code or name contains `query` (case and accents aside), countries first
/// then subdivisions, as `es-md  Madrid (Spain)`: at most `limit` of them.
pub fn matching(query: &str, limit: usize) -> Vec<String> {
    let query = crate::text::fold(query.trim());
    let countries = COUNTRIES
        .iter()
        .map(|country| (country.code.to_owned(), country.name().to_owned()));
    let subdivisions = COUNTRIES.iter().flat_map(|country| {
        country.subdivisions().map(move |(code, name)| {
            (
                format!("{}-{code}", country.code),
                format!("{name} ({})", country.name()),
            )
        })
    });
    let found = countries.chain(subdivisions).filter_map(|(code, name)| {
        let (code_folded, name_folded) = (crate::text::fold(&code), crate::text::fold(&name));
        // Codes and names that start with the query come before those that only contain it.
        let rank = if code_folded.starts_with(&query) || name_folded.starts_with(&query) {
            0
        } else if code_folded.contains(&query) || name_folded.contains(&query) {
            1
        } else {
            return None;
        };
        Some((rank, format!("{code:<7} {name}")))
    });
    let mut found: Vec<(u8, String)> = found.collect();
    // Stable: countries stay before subdivisions, and each in its order.
    found.sort_by_key(|(rank, _)| *rank);
    found
        .into_iter()
        .take(limit)
        .map(|(_, line)| line)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn every_country_reads_with_its_years_language_and_holidays() {
        assert_eq!(COUNTRIES.len(), 20);
        for country in COUNTRIES {
            assert_eq!(country.years(), (2020, 2035), "{}", country.code);
            assert!(!country.language().is_empty() && !country.name().is_empty());
            let holidays = Calendar::find(country.code).unwrap().holidays();
            assert!(
                holidays.len() > 16 * 4,
                "{}: {}",
                country.code,
                holidays.len()
            );
        }
    }

    #[test]
    fn a_subdivision_adds_its_own_holidays_to_the_nations() {
        let madrid = Calendar::find("ES-MD").unwrap();
        assert_eq!(madrid.code(), "es-md");
        let days = madrid.holidays();
        assert!(days.contains(&(date("2024-05-02"), "Fiesta de la Comunidad de Madrid")));
        assert!(days.iter().any(|(day, _)| *day == date("2024-10-12")));
        let spain = Calendar::find("es").unwrap().holidays();
        assert!(!spain.iter().any(|(day, _)| *day == date("2024-05-02")));
        let error = Calendar::find("es-zz").unwrap_err().to_string();
        assert!(error.contains("Spain has no subdivision \"zz\""), "{error}");
        assert!(Calendar::find("xx").is_err());
    }

    #[test]
    fn calendars_are_found_by_code_or_name_without_accents() {
        assert_eq!(matching("madrid", 3), ["es-md   Madrid (Spain)"]);
        assert_eq!(matching("mad", 1), ["es-md   Madrid (Spain)"]);
        assert!(
            matching("sao paulo", 5)
                .iter()
                .any(|line| line.starts_with("br-sp"))
        );
        assert_eq!(matching("", 4).len(), 4);
    }
}
