//! What can make a command fail, and the exit code each failure gives.

use std::io;
use std::path::PathBuf;

use crate::export::RenderError;
use crate::import::ReadError;
use crate::messages::{Msg, Say};
use crate::plan::{Locale, PlanError};
use crate::schedule::ScheduleError;

/// What can make a command fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The plan could not be read or is not valid.
    #[error(transparent)]
    Plan(#[from] PlanError),
    /// The plan is valid but cannot be laid on the calendar.
    #[error("{}: {source}", path.display())]
    Schedule {
        /// The plan file.
        path: PathBuf,
        /// Why.
        source: ScheduleError,
    },
    /// The interactive view was ended by a lost terminal or a bug (the message says where the
    /// unsaved edits went).
    #[error("{0}")]
    Interrupted(String),
    /// A calendar (a file, a bundled calendar, a server's) could not be read; the fault
    /// names it.
    #[error(transparent)]
    Import(ReadError),
    /// Options that do not go together.
    #[error("{0}")]
    Usage(String),
    /// An export the plan cannot be written as (a Gantt wider than a spreadsheet holds).
    #[error(transparent)]
    Export(RenderError),
    /// A calendar server refused, or could not be reached (nothing local changed).
    #[error(transparent)]
    Sync(crate::caldav::SyncError),
    /// A document or spreadsheet that could not be read (nothing was written).
    #[error("{}{}: {message}{}", path.display(), line.map(|line| format!(":{line}")).unwrap_or_default(), hint.map(|hint| format!("\n  hint: {hint}")).unwrap_or_default())]
    Input {
        /// The file.
        path: PathBuf,
        /// The line, when one is at fault.
        line: Option<u64>,
        /// What is wrong.
        message: String,
        /// What usually fixes it.
        hint: Option<&'static str>,
    },
    /// `holidays add` for years the bundled calendar does not have.
    #[error("{name}: the bundled calendar has {}–{}; it has nothing for {}{}", has.0, has.1, asked.0, if asked.0 == asked.1 { String::new() } else { format!("–{}", asked.1) })]
    NotBundled {
        /// The calendar.
        name: String,
        /// The years asked for.
        asked: (i32, i32),
        /// The years it has.
        has: (i32, i32),
    },
    /// `check --doc` found cells that differ from the schedule (they were listed).
    #[error("{}: {count} {} from the schedule", path.display(), if *count == 1 { "cell of the tables differs" } else { "cells of the tables differ" })]
    DocumentDiffers {
        /// The document.
        path: PathBuf,
        /// How many differences.
        count: usize,
    },
    /// `fmt --check` found a plan that is not in canonical form.
    #[error("{}: not in canonical form\n  hint: run `cronograma fmt {}` to rewrite it", path.display(), path.display())]
    NotCanonical {
        /// The plan file.
        path: PathBuf,
    },
    /// The interactive view could not take over a terminal (there is none to open).
    #[error(
        "the interactive view needs a terminal, and none could be opened ({source})\n  hint: check, cal, export and status work without one"
    )]
    NoTerminal {
        /// What the system said.
        source: io::Error,
    },
    /// The output could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Output {
        /// Where the output was going.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

impl Error {
    /// The error as a sentence in `locale`'s language (the plan's, when the command names
    /// one that can be read): the faults of calendars and schedules are said in it; the
    /// others name files, lines and columns in English, as the plan's own errors do.
    pub fn say(&self, locale: Locale) -> String {
        match self {
            Error::Import(error) => error.say(locale),
            Error::Schedule { path, source } => {
                format!("{}: {}", path.display(), source.say(locale))
            }
            Error::DocumentDiffers { path, count } => {
                let msg = if *count == 1 {
                    Msg::DocDiffersOne
                } else {
                    Msg::DocDiffersMany
                };
                msg.fill(locale, &[&path.display(), count])
            }
            Error::NotBundled { name, asked, has } => {
                let asked = match asked.0 == asked.1 {
                    true => asked.0.to_string(),
                    false => format!("{}–{}", asked.0, asked.1),
                };
                Msg::NotBundledYears.fill(locale, &[name, &has.0, &has.1, &asked])
            }
            other => other.to_string(),
        }
    }

    /// What the exit code says, one meaning each (README, "Exit codes"):
    /// 2 — the input or the request is wrong: the plan, a file read, the arguments, or a
    ///     request the data cannot satisfy (years a bundled calendar does not have);
    /// 1 — the request was right but could not be carried out or was not met: output that
    ///     could not be written, no terminal for the view, the view interrupted, and the two
    ///     checks that answer "no" (`fmt --check`, `check --doc`).
    pub fn exit_code(&self) -> u8 {
        match self {
            // A folder, a device or the plan itself named as the output is a wrong request.
            Error::Output { source, .. } if source.kind() == io::ErrorKind::InvalidInput => 2,
            Error::Plan(PlanError::Write { .. }) | Error::Output { .. } => 1,
            Error::NoTerminal { .. } | Error::Interrupted(_) => 1,
            Error::NotCanonical { .. } | Error::DocumentDiffers { .. } => 1,
            Error::Plan(_)
            | Error::Schedule { .. }
            | Error::Import(_)
            | Error::Usage(_)
            | Error::Export(_)
            | Error::Input { .. }
            | Error::Sync(_)
            | Error::NotBundled { .. } => 2,
        }
    }
}
