//! What can go wrong bringing a calendar into a plan: the file, its iCalendar text, what it
//! holds, the bundled calendar asked for by name, a calendar pulled for a person. The English
//! words (`Display`) are for logs and tests; people read them in the plan's language
//! ([`crate::messages::Say`]).

use chrono::NaiveDate;

use super::events::MAX_OCCURRENCES;
use super::file::MAX_ICS_BYTES;
use super::ical::MAX_DEPTH;

/// Why a calendar could not be brought in. Nothing was added when one of these is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The system could not read the file (its words, which are in the system's language).
    #[error("cannot read it: {0}")]
    Unreadable(String),
    /// Larger than any calendar.
    #[error("the file is larger than the {MAX_ICS_BYTES} bytes a calendar may have")]
    TooLarge,
    /// Not iCalendar text at all.
    #[error("not an iCalendar file: it does not start with BEGIN:VCALENDAR")]
    NotACalendar,
    /// Something after the calendar that is not another calendar.
    #[error(
        "not a valid iCalendar file: line {0}: a component after END:VCALENDAR that is not \
         another VCALENDAR"
    )]
    AfterCalendar(usize),
    /// Components nested deeper than any producer nests them.
    #[error(
        "not a valid iCalendar file: line {0}: components are nested more than {MAX_DEPTH} deep"
    )]
    TooDeep(usize),
    /// An `END` with no `BEGIN`.
    #[error("not a valid iCalendar file: line {line}: END:{component} without a BEGIN")]
    EndWithoutBegin {
        /// Where.
        line: usize,
        /// What it ends.
        component: String,
    },
    /// An `END` of another component than the one open.
    #[error(
        "not a valid iCalendar file: line {line}: END:{component} closes BEGIN:{open} of line \
         {opened_at}"
    )]
    Mismatched {
        /// Where.
        line: usize,
        /// What it ends.
        component: String,
        /// What is open.
        open: String,
        /// Where that opened.
        opened_at: usize,
    },
    /// The text stops inside a component: a download cut short.
    #[error(
        "the file ends before END:{open} (BEGIN:{open} is on line {line}): it may have been cut \
         short"
    )]
    CutShort {
        /// What is open.
        open: String,
        /// Where it opened.
        line: usize,
    },
    /// Events repeating more often than any plan can use.
    #[error(
        "line {line}: the events repeat more than {MAX_OCCURRENCES} times between {from} and {to}"
    )]
    TooManyRepeats {
        /// The event that passed the limit.
        line: usize,
        /// The first day read.
        from: NaiveDate,
        /// The last day read.
        to: NaiveDate,
    },
    /// A free-busy answer with more periods than any plan can use.
    #[error("line {line}: more than {MAX_OCCURRENCES} busy periods between {from} and {to}")]
    TooManyPeriods {
        /// The property that passed the limit.
        line: usize,
        /// The first day read.
        from: NaiveDate,
        /// The last day read.
        to: NaiveDate,
    },
    /// A bundled calendar name that names no country.
    #[error("no bundled calendar has this name; `cronograma holidays list` names them")]
    NoSuchCalendar,
    /// A country's bundled calendar without the subdivision asked for.
    #[error(
        "{country} has no subdivision \"{asked}\"; `cronograma holidays list {code}` names them"
    )]
    NoSuchSubdivision {
        /// The country's name.
        country: String,
        /// Its code.
        code: String,
        /// The subdivision asked for.
        asked: String,
    },
    /// Busy time pulled for someone the plan does not have.
    #[error("\"{0}\" is not one of the plan's people")]
    NotAPerson(String),
    /// One of several calendars failed: which, and why.
    #[error("{calendar}: {error}")]
    In {
        /// The calendar's address or file.
        calendar: String,
        /// What is wrong with it.
        error: Box<ReadError>,
    },
}

impl ReadError {
    /// This fault, said of the calendar `source` (one of several read together).
    pub fn of(self, source: &str) -> ReadError {
        ReadError::In {
            calendar: source.to_owned(),
            error: Box::new(self),
        }
    }
}

/// Why an MS Project XML document could not be read as a plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProjectError {
    /// A DTD, which MSPDI never has and which could expand entities without bound.
    #[error(
        "the file declares a DTD, which MS Project XML never has: it is not read (entities \
         could expand without bound)"
    )]
    Dtd,
    /// Not well-formed XML.
    #[error(transparent)]
    Xml(crate::xml::XmlError),
    /// XML, but not a `<Project>` of MSPDI's namespace.
    #[error(
        "not MS Project XML: the document is <{0}>, where MSPDI has <Project xmlns=\"{NAMESPACE}\">",
        NAMESPACE = super::mspdi::NAMESPACE
    )]
    NotAProject(String),
}
