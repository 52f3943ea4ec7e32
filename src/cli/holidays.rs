//! `cronograma holidays`: public holidays from an iCalendar file, a bundled calendar or a
//! calendar server; and the list of bundled calendars.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use chrono::{Datelike, NaiveDate};

use super::{Error, PlanArg, config, lock, open, print_for_people, sync};
use crate::import;
use crate::messages::{Msg, Sentence};
use crate::plan;

/// The `holidays` subcommands (deferred as [`Command`]'s are).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum HolidaysCommand {
    /// Add the all-day events of an .ics file to the plan as named holidays.
    Import {
        /// The iCalendar file.
        #[arg(value_name = "FILE.ics")]
        file: PathBuf,
        #[command(flatten)]
        plan: PlanArg,
        #[command(flatten)]
        range: DateRange,
    },
    /// Add the holidays of a bundled calendar (see `holidays list`).
    Add {
        /// The calendar's name, as `ar`.
        name: String,
        #[command(flatten)]
        plan: PlanArg,
        /// Only these years: `2024` or `2024-2025` [default: the plan's years]
        #[arg(long, value_name = "YEARS", value_parser = parse_years)]
        years: Option<(NaiveDate, NaiveDate)>,
    },
    /// Add the all-day events of a CalDAV calendar on a server as named holidays.
    Pull {
        #[command(flatten)]
        plan: PlanArg,
        #[command(flatten)]
        server: sync::ServerArgs,
        #[command(flatten)]
        range: DateRange,
    },
    /// List the bundled countries, or one country's subdivisions.
    List {
        /// A country's code, as `es`: its states, provinces or regions.
        country: Option<String>,
    },
}

// The dates an import takes holidays from.
#[derive(Debug, Args)]
pub struct DateRange {
    /// First date to take holidays from [default: 1 January of the plan's first year]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = plan::fields::parse_date)]
    from: Option<NaiveDate>,
    /// Last date to take holidays from [default: 31 December of the plan's last year]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = plan::fields::parse_date)]
    to: Option<NaiveDate>,
}

/// `2024` or `2024-2025`: 1 January of the first year to 31 December of the last.
pub(super) fn parse_years(text: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let (first, last) = text.split_once('-').unwrap_or((text, text));
    let year = |part: &str| {
        part.trim()
            .parse::<i32>()
            .ok()
            .filter(|year| (1..=9999).contains(year))
            .ok_or_else(|| {
                format!("\"{text}\" is not a year or a range of years, as 2024 or 2024-2025")
            })
    };
    let (first, last) = (year(first)?, year(last)?);
    if last < first {
        return Err(format!("\"{text}\": the last year comes before the first"));
    }
    Ok(import::holidays::whole_years(
        NaiveDate::from_ymd_opt(first, 1, 1).expect("a real date"),
        NaiveDate::from_ymd_opt(last, 1, 1).expect("a real date"),
    ))
}

pub(super) fn holidays(
    command: HolidaysCommand,
    settings: &config::Settings,
    as_of: NaiveDate,
) -> Result<(), Error> {
    match command {
        HolidaysCommand::Pull {
            plan,
            server,
            range,
        } => {
            let (name, bytes) = sync::pulled(&server, settings)?;
            let found = |existing: &[plan::Holiday], from, to| {
                import::holidays::holidays_from_ics(&bytes, existing, from, to)
                    .map_err(|error| Error::Import(error.of(&name)))
            };
            add_holidays(&plan.path, found, (range.from, range.to), as_of)
        }
        HolidaysCommand::List { country } => print_for_people(&list_calendars(country)?),
        HolidaysCommand::Import { file, plan, range } => {
            let bytes = import::file::read_ics(&file)
                .map_err(|error| Error::Import(error.of(&file.display().to_string())))?;
            let name = file.display().to_string();
            let found = |existing: &[plan::Holiday], from, to| {
                import::holidays::holidays_from_ics(&bytes, existing, from, to)
                    .map_err(|error| Error::Import(error.of(&name)))
            };
            add_holidays(&plan.path, found, (range.from, range.to), as_of)
        }
        HolidaysCommand::Add { name, plan, years } => {
            let calendar = import::bundled::Calendar::find(&name)
                .map_err(|error| Error::Import(error.of(&name)))?;
            // Years the calendar does not have are said as such, not as "added 0 holidays".
            // Years the calendar does not have (asked for, or the plan's own) are said as
            // such, not as "added 0 holidays".
            let (first, last) = calendar.country.years();
            let not_bundled = |from: NaiveDate, to: NaiveDate| Error::NotBundled {
                name: calendar.code(),
                asked: (from.year(), to.year()),
                has: (first, last),
            };
            if let Some((from, to)) = years
                && (from.year() < first || to.year() > last)
            {
                return Err(not_bundled(from, to));
            }
            let list = calendar.holidays();
            let found = |existing: &[plan::Holiday], from: NaiveDate, to: NaiveDate| {
                if to.year() < first || from.year() > last {
                    return Err(not_bundled(from, to));
                }
                Ok(import::holidays::holidays_from_list(
                    &list, existing, from, to,
                ))
            };
            let (from, to) = years.unzip();
            add_holidays(&plan.path, found, (from, to), as_of)
        }
    }
}

/// `holidays list`: every bundled country with its years, language and subdivisions; with a
/// country, its subdivisions.
pub(super) fn list_calendars(country: Option<String>) -> Result<String, Error> {
    use import::bundled::{COUNTRIES, Calendar};
    let Some(name) = country else {
        let lines: Vec<String> = COUNTRIES
            .iter()
            .map(|country| {
                let (first, last) = country.years();
                let count = country.subdivisions().count();
                let subdivisions = match count {
                    0 => String::new(),
                    1 => "1 subdivision".to_owned(),
                    many => format!("{many} subdivisions"),
                };
                let line = format!(
                    "{:<4}{:<16}{first}–{last}  {:<6} {subdivisions}",
                    country.code,
                    country.name(),
                    country.language()
                );
                format!("{}\n", line.trim_end())
            })
            .collect();
        return Ok(lines.concat()
            + "\n`cronograma holidays list CODE` names a country's subdivisions; \
               `cronograma holidays add es-md` adds a country's holidays with a subdivision's.\n");
    };
    let calendar = Calendar::find(&name).map_err(|error| Error::Import(error.of(&name)))?;
    let country = calendar.country;
    let (first, last) = country.years();
    let mut out = format!(
        "{} ({}): public holidays {first}–{last}, in {}\n",
        country.name(),
        country.code,
        country.language()
    );
    for (code, name) in country.subdivisions() {
        out.push_str(&format!("  {}-{code:<8}{name}\n", country.code));
    }
    Ok(out)
}

/// Adds the holidays `found` gives (from a file or a bundled calendar) to the plan at `path`, between the dates of `range` (by default, the plan's whole
/// years), and saves it through the safe writer.
pub(super) fn add_holidays(
    path: &Path,
    found: impl FnOnce(
        &[plan::Holiday],
        NaiveDate,
        NaiveDate,
    ) -> Result<import::holidays::Import, Error>,
    range: (Option<NaiveDate>, Option<NaiveDate>),
    as_of: NaiveDate,
) -> Result<(), Error> {
    let _lock = lock(path)?;
    let (mut document, schedule) = open(path, as_of)?;
    let (first, last) = schedule
        .worked_days()
        .unwrap_or((schedule.start().date(), schedule.end().date()));
    let (plan_from, plan_to) = import::holidays::whole_years(first, last);
    let (from, to) = (range.0.unwrap_or(plan_from), range.1.unwrap_or(plan_to));
    days_in_order(from, to)?;
    let found = found(&document.plan.holidays, from, to)?;
    let locale = document.plan.locale;
    let summary = found.summary(from, to, locale);
    let added = found.added.clone();
    // The later, explicit action wins: the days the holidays cover lose their own hours.
    let lost = document.plan.add_holidays(found.added);
    let gave_way = crate::messages::hours_gave_way(locale, &lost);
    let mut report = format!("{}: {summary}{gave_way}\n", path.display());
    for holiday in &added {
        let days = match holiday.until {
            Some(last) => format!("{} – {last}", holiday.date),
            None => holiday.date.to_string(),
        };
        report.push_str(&format!(
            "  {days}  {}\n",
            holiday.name.as_deref().unwrap_or("")
        ));
    }
    if added.is_empty() {
        let said = crate::messages::Msg::NothingToChange.text(locale);
        report.push_str(&format!("{}: {said}\n", path.display()));
    } else {
        let role = plan::FileRole::LockedPlan {
            mode: plan::mode_of(path),
        };
        plan::save_file(path, &document, role)?;
    }
    print_for_people(&report)
}

/// The days `--from` and `--to` give, refused when the first is after the last.
pub(super) fn days_in_order(from: NaiveDate, to: NaiveDate) -> Result<(), Error> {
    if from > to {
        return Err(Error::usage(Sentence::new(Msg::FromAfterTo, &[&from, &to])));
    }
    Ok(())
}
