//! `cronograma busy`: busy time from a calendar file into the plan, for everyone or one person.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, Utc};
use clap::{Args, Subcommand};

use super::{Error, PlanArg, lock, open, print_for_people};
use crate::import::busy::{BusyImport, busy_from_ics};
use crate::plan::{self, Busy, Document};

/// The `busy` subcommands (deferred as [`super::Command`]'s are).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum BusyCommand {
    /// Add the events of an .ics file (a timetable, a calendar exported from a phone or
    /// Thunderbird) to the plan as busy time: no work is laid on it.
    Import {
        /// The iCalendar file.
        #[arg(value_name = "FILE.ics")]
        file: PathBuf,
        #[command(flatten)]
        plan: PlanArg,
        /// Whose busy time it is (a person of the plan's `people`) [default: everyone's]
        #[arg(long, value_name = "NAME")]
        who: Option<String>,
        #[command(flatten)]
        range: BusyRange,
    },
}

// The dates an import takes busy time from.
#[derive(Debug, Args)]
pub struct BusyRange {
    /// First date to take busy time from [default: the plan's start]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = plan::fields::parse_date)]
    from: Option<NaiveDate>,
    /// Last date to take busy time from [default: every day the plan reaches once the busy
    /// time is taken out]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = plan::fields::parse_date)]
    to: Option<NaiveDate>,
}

/// Runs a `busy` subcommand.
pub fn busy(command: BusyCommand, as_of: NaiveDate) -> Result<(), Error> {
    match command {
        BusyCommand::Import {
            file,
            plan,
            who,
            range,
        } => {
            let bytes = crate::import::read_ics(&file).map_err(|message| Error::Import {
                name: file.display().to_string(),
                message,
            })?;
            let name = file.display().to_string();
            import_busy(&plan.path, &bytes, &name, who.as_deref(), &range, as_of)
        }
    }
}

/// A moment in the local time busy time is read in: the `TZ` environment variable's zone when
/// set, else the system's (chrono's `Local` reads both).
fn local_time(moment: DateTime<Utc>) -> NaiveDateTime {
    moment.with_timezone(&Local).naive_local()
}

/// Adds the busy time of `bytes` (a calendar called `name`) to the plan at `path`, for
/// everyone or `who`, and saves it through the safe writer in one step.
fn import_busy(
    path: &Path,
    bytes: &[u8],
    name: &str,
    who: Option<&str>,
    range: &BusyRange,
    as_of: NaiveDate,
) -> Result<(), Error> {
    let _lock = lock(path)?;
    let (mut document, schedule) = open(path, as_of)?;
    if let Some(who) = who
        && !document
            .plan
            .people
            .iter()
            .any(|person| &*person.name == who)
    {
        return Err(Error::Usage(format!(
            "\"{who}\" is not one of the plan's people: add them to `people` first, or leave \
             --who out for busy time of everyone"
        )));
    }
    let from = range.from.unwrap_or(document.plan.start);
    let (found, to) = match range.to {
        Some(to) => (read(bytes, name, &document, who, (from, to))?, to),
        None => reachable(bytes, name, &document, who, from, schedule.end().date())?,
    };
    if from > to {
        return Err(Error::Usage(format!(
            "the first day to import, {from}, is after the last, {to}: choose --from and --to \
             so that no day is left out"
        )));
    }
    let mut report = format!("{}: {}\n", path.display(), found.summary(from, to));
    for block in &found.added {
        report.push_str(&format!("  {}\n", block_line(block)));
    }
    if found.added.is_empty() {
        let said = crate::messages::Msg::NothingToChange.text(document.plan.locale);
        report.push_str(&format!("{}: {said}\n", path.display()));
    } else {
        add_blocks(&mut document, who, found.added);
        let role = plan::FileRole::LockedPlan {
            mode: plan::mode_of(path),
        };
        plan::save_file(path, &document, role)?;
    }
    print_for_people(&report)
}

/// The busy time of the file between `from` and `to`.
fn read(
    bytes: &[u8],
    name: &str,
    document: &Document,
    who: Option<&str>,
    range: (NaiveDate, NaiveDate),
) -> Result<BusyImport, Error> {
    busy_from_ics(bytes, &document.plan, who, range, &local_time).map_err(|message| Error::Import {
        name: name.to_owned(),
        message,
    })
}

/// The busy time from `from` to every day the plan reaches once that busy time is taken out:
/// read up to the plan's end, scheduled, and read again up to the new end until it stays.
fn reachable(
    bytes: &[u8],
    name: &str,
    document: &Document,
    who: Option<&str>,
    from: NaiveDate,
    end: NaiveDate,
) -> Result<(BusyImport, NaiveDate), Error> {
    let mut to = end.max(from);
    // Each round reaches further: a few do for any real plan; the bound keeps a hostile
    // calendar (busy every day) from looping.
    for _ in 0..20 {
        let found = read(bytes, name, document, who, (from, to))?;
        let mut trial = document.clone();
        add_blocks(&mut trial, who, found.added.clone());
        let reached = crate::schedule::schedule(&trial.plan)
            .map(|schedule| schedule.end().date())
            .unwrap_or(to);
        if reached <= to {
            return Ok((found, to));
        }
        to = reached;
    }
    Ok((read(bytes, name, document, who, (from, to))?, to))
}

/// Adds `blocks` to the plan's busy time or `who`'s, in date order.
fn add_blocks(document: &mut Document, who: Option<&str>, blocks: Vec<Busy>) {
    let plan = &mut document.plan;
    let list = match who {
        Some(name) => match plan.people.iter_mut().find(|person| &*person.name == name) {
            Some(person) => &mut person.busy,
            None => return,
        },
        None => &mut plan.busy,
    };
    list.extend(blocks);
    list.sort_by_key(|block| (block.date, block.time));
}

/// One block as the report lists it: `2026-03-03 – 2026-06-30 weekly 10:00–11:50  Álgebra`.
fn block_line(block: &Busy) -> String {
    let days = match (block.until, block.weekly) {
        (Some(last), true) => format!("{} – {last} weekly", block.date),
        (Some(last), false) => format!("{} – {last}", block.date),
        (None, _) => block.date.to_string(),
    };
    let time = block.time.map_or_else(
        || "all day".to_owned(),
        |time| crate::plan::window::shown(&[time]),
    );
    let skips = match block.skip.len() {
        0 => String::new(),
        1 => " (1 week skipped)".to_owned(),
        n => format!(" ({n} weeks skipped)"),
    };
    format!("{days} {time}  {}{skips}", block.name)
}
