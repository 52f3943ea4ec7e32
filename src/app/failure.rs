//! Why an action of the view did not happen. Each fault keeps its type up to here, and
//! becomes a sentence only when the footer shows it, in the plan's language
//! ([`Failure::say`]).

use std::fmt::Display;

use crate::export::RenderError;
use crate::import::{ProjectError, ReadError};
use crate::messages::{Msg, Say, Sentence, say_hours};
use crate::plan::validate::Violation;
use crate::plan::{FieldError, HoursError, Locale, PlanError};
use crate::schedule::ScheduleError;

/// Why an action did not happen; nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// One of the view's own refusals (`no activity selected`), with its values.
    #[error("{}", .0.say(Locale::EN))]
    Refused(Sentence),
    /// A value typed in a form that is not what its field takes.
    #[error(transparent)]
    Field(#[from] FieldError),
    /// Hours typed that are not an amount of hours.
    #[error("{text} {error}")]
    Hours {
        /// What was typed.
        text: String,
        /// Why it is not hours.
        error: HoursError,
    },
    /// A calendar (a file, a bundled calendar, a server's) that could not be brought in; the
    /// fault names it.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// An MS Project file that could not be read.
    #[error("{name}: {error}")]
    Project {
        /// The file.
        name: String,
        /// Why.
        error: ProjectError,
    },
    /// A spreadsheet of activities that could not be read, and on which line.
    #[error("{name}:{}: {}", error.line, error.say(Locale::EN))]
    Csv {
        /// The file.
        name: String,
        /// What is wrong, and on which line.
        error: crate::import::activities::CsvError,
    },
    /// A plan that breaks a rule across fields.
    #[error("{}", .0.say(Locale::EN))]
    Invalid(Violation),
    /// A plan that cannot be laid on the calendar.
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    /// A plan file that could not be read, written or locked (its words name the file, line
    /// and column for an editor, and the system's words for what the system refused).
    #[error(transparent)]
    Plan(#[from] PlanError),
    /// A report that could not be rendered.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// A report whose rendering stopped on a bug (caught, so the view goes on).
    #[error("the export failed (a bug: please report it)")]
    ExportBug,
    /// What the system refused (a file that could not be read or deleted), in its words.
    #[error("{0}")]
    System(String),
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Self {
        Failure::System(error.to_string())
    }
}

impl Failure {
    /// A refusal of the view's own, `msg` with `values`.
    pub fn refused(msg: Msg, values: &[&dyn Display]) -> Failure {
        Failure::Refused(Sentence::new(msg, values))
    }

    /// Hours `text` refused for `error`.
    pub fn hours(text: &str, error: HoursError) -> Failure {
        Failure::Hours {
            text: text.to_owned(),
            error,
        }
    }

    /// The calendar `name` that could not be read for `error`.
    pub fn read(name: &str, error: ReadError) -> Failure {
        Failure::Read(error.of(name))
    }

    /// The sentence the footer shows, in `locale`'s language.
    pub fn say(&self, locale: Locale) -> String {
        match self {
            Failure::Refused(sentence) => sentence.say(locale),
            Failure::Field(error) => error.say(locale),
            Failure::Hours { text, error } => say_hours(text, *error, locale),
            Failure::Read(error) => error.say(locale),
            Failure::ExportBug => Msg::ExportBug.fill(locale, &[]),
            Failure::Project { name, error } => format!("{name}: {}", error.say(locale)),
            Failure::Schedule(error) => error.say(locale),
            Failure::Csv { name, error } => format!("{name}:{}: {}", error.line, error.say(locale)),
            Failure::Invalid(violation) => violation.say(locale),
            Failure::Plan(error) => error.say(locale),
            Failure::Render(_) | Failure::System(_) => self.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_is_said_in_the_plans_language() {
        let refused = Failure::refused(Msg::NotFound, &[&"tesis"]);
        assert_eq!(
            refused.say(Locale::EN),
            Msg::NotFound.fill(Locale::EN, &[&"tesis"])
        );
        let file = Failure::read("clases.ics", ReadError::NotACalendar);
        assert_eq!(
            file.say(Locale::ES),
            "clases.ics: no es un archivo iCalendar: no empieza con BEGIN:VCALENDAR"
        );
        assert_eq!(
            file.say(Locale::EN),
            "clases.ics: not an iCalendar file: it does not start with BEGIN:VCALENDAR"
        );
        let hours = Failure::hours("abc", HoursError::NotANumber);
        assert_eq!(
            hours.say(Locale::PT_BR),
            "\"abc\" não é uma quantidade de horas"
        );
    }
}
