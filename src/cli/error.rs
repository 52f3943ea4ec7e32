//! What can make a command fail, and the exit code each failure gives.

use std::io;
use std::path::{Path, PathBuf};

use crate::export::RenderError;
use crate::import::ReadError;
use crate::messages::{Msg, Say, Sentence, rule_tip};
use crate::plan::validate::Violation;
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
    /// A request that cannot be carried out as given (options that do not go together, a
    /// person or a code the plan does not have), and what to do instead.
    #[error("{}", self.say(Locale::EN))]
    Usage {
        /// What is wrong.
        said: Sentence,
        /// What usually fixes it.
        tip: Option<Sentence>,
    },
    /// An export the plan cannot be written as (a Gantt wider than a spreadsheet holds).
    #[error(transparent)]
    Export(RenderError),
    /// A calendar server refused, or could not be reached (nothing local changed).
    #[error(transparent)]
    Sync(crate::caldav::SyncError),
    /// A file a command reads that is not what it should be (a document, a spreadsheet, an
    /// MS Project file, the password file): nothing was written.
    #[error("{}", self.say(Locale::EN))]
    Input {
        /// The file.
        path: PathBuf,
        /// The line, when one is at fault.
        line: Option<u64>,
        /// What is wrong.
        said: Sentence,
        /// What usually fixes it.
        tip: Option<Sentence>,
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
    #[error("{}", self.say(Locale::EN))]
    NotCanonical {
        /// The plan file.
        path: PathBuf,
    },
    /// The interactive view could not take over a terminal (there is none to open).
    #[error("{}", self.say(Locale::EN))]
    NoTerminal {
        /// What the system said.
        source: io::Error,
    },
    /// The output could not be written.
    #[error("{}", self.say(Locale::EN))]
    Output {
        /// Where the output was going.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// A refusal as it is reported: the file and line it is about, what is wrong, and on a line
/// of its own what usually fixes it.
fn refusal(
    path: Option<&Path>,
    line: Option<u64>,
    said: &Sentence,
    tip: Option<&Sentence>,
    locale: Locale,
) -> String {
    let mut out = String::new();
    if let Some(path) = path {
        out.push_str(&path.display().to_string());
        if let Some(line) = line {
            out.push_str(&format!(":{line}"));
        }
        out.push_str(": ");
    }
    out.push_str(&said.say(locale));
    if let Some(tip) = tip {
        let label = Msg::LabelHint.fill(locale, &[]);
        out.push_str(&format!("\n  {label}: {}", tip.say(locale)));
    }
    out
}

impl Error {
    /// A request refused for what `said` says.
    pub fn usage(said: Sentence) -> Error {
        Error::Usage { said, tip: None }
    }

    /// The file at `path`, refused for what `said` says.
    pub fn input(path: &Path, said: Sentence) -> Error {
        Error::Input {
            path: path.to_owned(),
            line: None,
            said,
            tip: None,
        }
    }

    /// The refusal with what usually fixes it (only refusals have one).
    pub fn tip(mut self, what: Sentence) -> Error {
        if let Error::Usage { tip, .. } | Error::Input { tip, .. } = &mut self {
            *tip = Some(what);
        }
        self
    }

    /// The refusal of a file, pointed at `at` (only files have lines).
    pub fn line(mut self, at: Option<u64>) -> Error {
        if let Error::Input { line, .. } = &mut self {
            *line = at;
        }
        self
    }

    /// The refusal, with what usually mends the broken `rule` as its tip.
    pub fn mended_by(self, rule: &Violation) -> Error {
        self.tip(Sentence::new(rule_tip(&rule.rule), &[]))
    }

    /// The error as a sentence in `locale`'s language (see [`super::say_error`]); `Display`
    /// gives English. What a parser, the system or a server said stays in its own words.
    pub fn say(&self, locale: Locale) -> String {
        match self {
            Error::Usage { said, tip } => refusal(None, None, said, tip.as_ref(), locale),
            Error::Input {
                path,
                line,
                said,
                tip,
            } => refusal(Some(path), *line, said, tip.as_ref(), locale),
            Error::NotCanonical { path } => {
                let said = Sentence::new(Msg::NotCanonical, &[&path.display()]);
                let tip = Sentence::new(Msg::TipFmt, &[&path.display()]);
                refusal(None, None, &said, Some(&tip), locale)
            }
            Error::NoTerminal { source } => refusal(
                None,
                None,
                &Sentence::new(Msg::NoTerminal, &[source]),
                Some(&Sentence::new(Msg::TipNoTerminal, &[])),
                locale,
            ),
            Error::Output { path, source } => {
                Msg::CannotWrite.fill(locale, &[&path.display(), source])
            }
            Error::Import(error) => error.say(locale),
            Error::Plan(error) => error.say(locale),
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
            | Error::Usage { .. }
            | Error::Export(_)
            | Error::Input { .. }
            | Error::Sync(_)
            | Error::NotBundled { .. } => 2,
        }
    }
}
