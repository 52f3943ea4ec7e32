//! Errors about plan files, written for the person who has to fix the file.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Where in a file something went wrong (1-based, as editors count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line number.
    pub line: usize,
    /// Column number, in characters.
    pub column: usize,
}

/// Everything that can go wrong reading, checking or saving a plan. Said in the plan's language
/// (or the environment's, when the plan cannot be read) by [`crate::messages::Say`]; `Display`
/// gives English. A parser's own words (`Syntax`) are English in every language.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The file could not be read.
    #[error("{}", crate::messages::Say::say(self, crate::plan::Locale::EN))]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The file is larger than any plan.
    #[error("{}", crate::messages::Say::say(self, crate::plan::Locale::EN))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The most a plan may have.
        limit: u64,
    },
    /// The file holds bytes that are not UTF-8 text.
    #[error("{}", crate::messages::Say::say(self, crate::plan::Locale::EN))]
    NotText {
        /// The file.
        path: PathBuf,
        /// The first bad byte.
        at: Position,
    },
    /// The text is not a well-formed plan, or a value in it is out of place.
    #[error("{}", crate::messages::Say::say(self, crate::plan::Locale::EN))]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Where the parser stopped.
        at: Position,
        /// What was wrong, naming the field when there is one.
        message: String,
        /// What usually fixes it.
        hint: Option<&'static str>,
    },
    /// The plan is well-formed but breaks a rule that spans fields (duplicate codes, say).
    /// Said in the plan's language by [`crate::messages::Say`]; `Display` gives English.
    #[error("{}", crate::messages::Say::say(self, crate::plan::Locale::EN))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Where the field is written, when it is.
        at: Option<Position>,
        /// The rule broken, and the field at fault.
        violation: Box<super::validate::Violation>,
        /// The plan's language, which the file says even when a rule is broken.
        locale: super::Locale,
    },
    /// The plan could not be written; the file on disk is as it was.
    #[error("{}", crate::messages::Say::say(self, crate::plan::Locale::EN))]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// `file:line:col: message` and an indented hint, the shape compilers use.
pub(crate) struct Located<'a> {
    pub(crate) path: &'a PathBuf,
    pub(crate) at: Option<Position>,
    pub(crate) message: &'a str,
    /// The hint's label (`hint`, `sugerencia`) and its words.
    pub(crate) hint: Option<(&'a str, &'a str)>,
}

impl fmt::Display for Located<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(at) = self.at {
            write!(f, ":{}:{}", at.line, at.column)?;
        }
        write!(f, ": {}", self.message)?;
        if let Some((label, hint)) = self.hint {
            write!(f, "\n  {label}: {hint}")?;
        }
        Ok(())
    }
}
