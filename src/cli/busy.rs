//! `cronograma busy`: busy time from a calendar file into the plan, for everyone or one person.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::{Error, PlanArg, lock, open, print_for_people};
use crate::import::busy::{BusyImport, busy_from_ics};
use crate::import::pulled::{add_blocks, local_time, read_reachable};
use crate::messages::{Msg, Sentence};
use crate::plan::{self, Busy};

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
    /// Bring the busy time of the calendars the config file names (sync: (busy: [...])) into
    /// the plan, in place of what they brought before; blocks typed in or imported stay.
    Pull {
        #[command(flatten)]
        plan: PlanArg,
        /// Say what would be added and what it would move, and change nothing.
        #[arg(long)]
        dry_run: bool,
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
pub fn busy(
    command: BusyCommand,
    settings: &super::config::Settings,
    as_of: NaiveDate,
) -> Result<(), Error> {
    match command {
        BusyCommand::Pull { plan, dry_run } => {
            super::sync::busy_pull_command(&plan.path, settings, dry_run, as_of)
        }
        BusyCommand::Import {
            file,
            plan,
            who,
            range,
        } => {
            let bytes = crate::import::file::read_ics(&file)
                .map_err(|error| Error::Import(error.of(&file.display().to_string())))?;
            let name = file.display().to_string();
            import_busy(&plan.path, &bytes, &name, who.as_deref(), &range, as_of)
        }
    }
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
    let (mut document, _) = open(path, as_of)?;
    if let Some(who) = who
        && !document
            .plan
            .people
            .iter()
            .any(|person| &*person.name == who)
    {
        return Err(Error::usage(Sentence::new(Msg::BusyNotAPerson, &[&who])));
    }
    let from = range.from.unwrap_or(document.plan.start);
    let read = |range| busy_from_ics(bytes, &document.plan, who, range, &local_time);
    let (found, to) = match range.to {
        Some(to) => read((from, to)).map(|found| (found, to)),
        None => {
            let add = |plan: &mut plan::Plan, found: &BusyImport| {
                add_blocks(plan, who, found.added.clone());
            };
            read_reachable(&document.plan, from, &read, &add)
        }
    }
    .map_err(|error| Error::Import(error.of(name)))?;
    super::holidays::days_in_order(from, to)?;
    let mut report = format!(
        "{}: {}\n",
        path.display(),
        found.summary((from, to), 0, document.plan.locale)
    );
    for block in &found.added {
        let line = block_line(block, document.plan.locale);
        report.push_str(&format!("  {line}\n"));
    }
    if found.added.is_empty() {
        let said = crate::messages::Msg::NothingToChange.text(document.plan.locale);
        report.push_str(&format!("{}: {said}\n", path.display()));
    } else {
        add_blocks(&mut document.plan, who, found.added);
        let role = plan::FileRole::LockedPlan {
            mode: plan::mode_of(path),
        };
        plan::save_file(path, &document, role)?;
    }
    print_for_people(&report)
}

/// One block as the report lists it, in the plan's words:
/// `2026-03-03 – 2026-06-30 semanal 10:00–11:50  Álgebra`.
fn block_line(block: &Busy, locale: plan::Locale) -> String {
    use crate::messages::Msg;
    let days = match (block.until, block.weekly) {
        (Some(last), true) => {
            let weekly = Msg::BusyWeekly.text(locale);
            format!("{} – {last} {weekly}", block.date)
        }
        (Some(last), false) => format!("{} – {last}", block.date),
        (None, _) => block.date.to_string(),
    };
    let time = block.time.map_or_else(
        || Msg::DetailAllDay.text(locale).to_owned(),
        |time| crate::plan::window::shown(&[time]),
    );
    let skips = match block.skip.len() {
        0 => String::new(),
        1 => Msg::BusySkippedOne.text(locale).to_owned(),
        n => Msg::BusySkippedMany.fill(locale, &[&n]),
    };
    format!("{days} {time}  {}{skips}", block.name)
}
