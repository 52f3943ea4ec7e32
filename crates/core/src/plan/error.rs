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

/// Everything that can go wrong reading, checking or saving a plan.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The file could not be read.
    #[error("{}: cannot read the plan: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The file is larger than any plan.
    #[error("{}: the file is {size} bytes, more than the {limit} a plan may have", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The most a plan may have.
        limit: u64,
    },
    /// The file holds bytes that are not UTF-8 text.
    #[error("{}:{}:{}: the file is not UTF-8 text (a binary file, or another encoding)\n  hint: save the plan as UTF-8", path.display(), at.line, at.column)]
    NotText {
        /// The file.
        path: PathBuf,
        /// The first bad byte.
        at: Position,
    },
    /// The text is not a well-formed plan, or a value in it is out of place.
    #[error("{}", Located { path, at: Some(*at), message, hint: *hint })]
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
    #[error("{}", Located { path, at: *at, message: &format!("{field}: {message}"), hint: *hint })]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Where the field is written, when it is.
        at: Option<Position>,
        /// The offending field, as `activities[3].code`.
        field: String,
        /// What is wrong with it.
        message: String,
        /// What usually fixes it.
        hint: Option<&'static str>,
    },
    /// The plan could not be written; the file on disk is as it was.
    #[error("{}: cannot save the plan: {source} (the file on disk is unchanged)", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// `file:line:col: message` and an indented hint, the shape compilers use.
struct Located<'a> {
    path: &'a PathBuf,
    at: Option<Position>,
    message: &'a str,
    hint: Option<&'static str>,
}

impl fmt::Display for Located<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(at) = self.at {
            write!(f, ":{}:{}", at.line, at.column)?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(hint) = self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}
