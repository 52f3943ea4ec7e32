//! Reading a plan: bytes → UTF-8 text → RON → [`Plan`] → the checks of [`validate`].

use std::fs;
use std::path::Path;

use super::error::{PlanError, Position};
use super::file::{BOM, MAX_PLAN_BYTES, read_regular};
use super::{Plan, validate};

/// Where to read about the format, for hints.
const FORMAT_HINT: &str = "see README.md (\"The plan file\") for the format and an example";

/// A plan as it stands in a file: the plan, and the comment block above it that saving keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The checked plan.
    pub plan: Plan,
    /// The comment lines (and blank lines) before `Plan(`, kept verbatim.
    pub preamble: String,
}

/// Reads, parses and checks the plan at `path`.
pub fn load_file(path: &Path) -> Result<Document, PlanError> {
    parse_file(&read_text(path)?, path)
}

/// Reads a plan file's text: a regular file of at most [`MAX_PLAN_BYTES`], UTF-8 (a leading
/// byte-order mark, which some editors write, is dropped).
pub fn read_text(path: &Path) -> Result<String, PlanError> {
    let read_error = |source| PlanError::Read {
        path: path.to_owned(),
        source,
    };
    let bytes = read_regular(path, MAX_PLAN_BYTES).map_err(read_error)?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        let size = fs::metadata(path).map_or(bytes.len() as u64, |meta| meta.len());
        return Err(PlanError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_PLAN_BYTES,
        });
    }
    let mut bytes = bytes;
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    // The bytes become the text in place: a copy of a large plan is as many page faults.
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        // The valid prefix is UTF-8 by definition, so it can be counted in characters.
        let prefix = String::from_utf8_lossy(valid);
        PlanError::NotText {
            path: path.to_owned(),
            at: position_after(&prefix),
        }
    })
}

/// Parses and checks the text of the file at `path`; the file's stem stands in for a missing
/// title.
pub fn parse_file(text: &str, path: &Path) -> Result<Document, PlanError> {
    let mut document = parse(text, path)?;
    document.plan.fallback_title = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(document)
}

/// Parses and checks plan text; `path` only names the source in errors.
pub fn parse(text: &str, path: &Path) -> Result<Document, PlanError> {
    let syntax = |at: ron::error::Position, message: String, hint| PlanError::Syntax {
        path: path.to_owned(),
        at: Position {
            line: at.line,
            column: at.col,
        },
        message,
        hint,
    };
    if text.trim().is_empty() {
        return Err(syntax(
            ron::error::Position { line: 1, col: 1 },
            "the file is empty".into(),
            Some("a plan starts with `Plan(`; see README.md (\"The plan file\") for an example"),
        ));
    }
    let mut plan = read_ron(text, syntax)?;
    if plan.windows.is_none() {
        // A day of one window opens at 09:00 unless the plan says: as saved, it says so.
        plan.day_start.get_or_insert(super::DEFAULT_DAY_START);
    }
    validate::check(&plan).map_err(|violation| PlanError::Invalid {
        path: path.to_owned(),
        at: super::locate::position_of(text, &violation.field),
        violation: Box::new(violation),
        locale: plan.locale,
    })?;
    Ok(Document {
        plan,
        preamble: preamble_of(text),
    })
}

/// Reads `text` with `ron`, tracking where each value is (serde_path_to_error), so that a
/// syntax or value error becomes a message with the field's path, line and column.
fn read_ron(
    text: &str,
    syntax: impl Fn(ron::error::Position, String, Option<&'static str>) -> PlanError,
) -> Result<Plan, PlanError> {
    read_ron_as(text, &PLAN_FORMAT).map_err(|error| syntax(error.at, error.message, error.hint))
}

/// Where a RON text is wrong, what is wrong, and what usually fixes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RonError {
    /// Where (1-based line and column).
    pub at: ron::error::Position,
    /// What is wrong, with the field's path.
    pub message: String,
    /// What usually fixes it.
    pub hint: Option<&'static str>,
}

/// What a kind of RON file is, for its error messages.
#[derive(Debug)]
pub struct RonFormat {
    /// What the file holds, as messages name it (`the plan`).
    pub what: &'static str,
    /// What to do about text after its one value.
    pub after_the_end: &'static str,
    /// Where the format is described.
    pub hint: &'static str,
}

const PLAN_FORMAT: RonFormat = RonFormat {
    what: "the plan",
    after_the_end: "a file holds one `Plan(...)`; remove what follows its closing parenthesis",
    hint: FORMAT_HINT,
};

/// Reads `text` as a `T` with the options plans are read with (optional fields written bare),
/// tracking the path to each value: the one RON reader of plans and of the config file.
pub fn read_ron_as<T: serde::de::DeserializeOwned>(
    text: &str,
    format: &RonFormat,
) -> Result<T, RonError> {
    let format_hint = format.hint;
    // Optional fields are written bare (`title: "x"`), not as `Some("x")`.
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let error = |at, message, hint| RonError { at, message, hint };
    let mut deserializer = ron::Deserializer::from_str_with_options(text, &options)
        .map_err(|e| error(e.span.start, e.code.to_string(), Some(format_hint)))?;
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let field = e.path().to_string();
        let spanned = deserializer.span_error(e.into_inner());
        let (message, hint) = describe(&spanned.code, &field, format_hint);
        error(spanned.span.start, message, hint)
    })?;
    deserializer.end().map_err(|code| {
        let spanned = deserializer.span_error(code);
        error(
            spanned.span.start,
            format!("unexpected text after the end of {}", format.what),
            Some(format.after_the_end),
        )
    })?;
    Ok(value)
}

/// Turns a RON error at `field` into a sentence and a hint.
fn describe(
    code: &ron::Error,
    field: &str,
    format_hint: &'static str,
) -> (String, Option<&'static str>) {
    // The root (".") and places serde cannot name ("?") add nothing to the message.
    let field = field.trim_end_matches('?').trim_end_matches('.');
    let at = if field.is_empty() {
        String::new()
    } else {
        format!(" in {field}")
    };
    match code {
        ron::Error::NoSuchStructField {
            expected, found, ..
        } => {
            // serde's path already ends in the unknown field; name the struct holding it.
            let holder = field
                .strip_suffix(found.as_str())
                .map(|rest| rest.trim_end_matches('.'))
                .unwrap_or(field);
            let at = if holder.is_empty() {
                String::new()
            } else {
                format!(" in {holder}")
            };
            (
                format!(
                    "unknown field `{found}`{at}; the known fields are: {}",
                    expected.join(", ")
                ),
                Some("check the spelling, or remove the field"),
            )
        }
        ron::Error::MissingStructField { field: missing, .. } => (
            format!("the required field `{missing}` is missing{at}"),
            Some(format_hint),
        ),
        ron::Error::DuplicateStructField { field: twice, .. } => (
            format!("the field `{twice}` is given twice{at}"),
            Some("keep one of the two"),
        ),
        ron::Error::NoSuchEnumVariant {
            expected, found, ..
        } => (
            format!("`{found}` is not one of {}{at}", expected.join(", ")),
            None,
        ),
        ron::Error::Message(message) => {
            let busy_time = field.starts_with("busy") || field.contains(".busy");
            let hint = if busy_time && message.contains("window") {
                Some("busy time is written \"HH:MM-HH:MM\" at any minute: \"10:00-11:50\"")
            } else if message.contains("window") {
                Some(
                    "windows are written \"HH:MM-HH:MM\" on quarter hours, in the order of the \
                     day: [\"08:00-12:00\", \"13:00-17:00\"]",
                )
            } else {
                message
                    .contains("hours")
                    .then_some("hours are written as numbers in quarter-hour steps: 42, 7.5, 0.25")
            };
            if field.is_empty() {
                (message.clone(), hint)
            } else {
                (format!("{field}: {message}"), hint)
            }
        }
        ron::Error::ExpectedString | ron::Error::ExpectedStringEnd => (
            format!("{code}{at}"),
            Some("text is written in double quotes, as title: \"My plan\""),
        ),
        other => (format!("{other}{at}"), Some(format_hint)),
    }
}

/// The comment block before the plan: leading blank lines, `//` comments and `/* */` blocks
/// (nested, as RON allows), kept verbatim up to the end of the line the last comment ends on.
fn preamble_of(text: &str) -> String {
    let mut end = 0;
    loop {
        let rest = &text[end..];
        let skipped = rest.len() - rest.trim_start().len();
        let after_space = &rest[skipped..];
        let comment = if after_space.starts_with("//") {
            after_space
                .find('\n')
                .map_or(after_space.len(), |newline| newline + 1)
        } else if after_space.starts_with("/*") {
            match block_comment_length(after_space) {
                Some(length) => length,
                None => break,
            }
        } else {
            // Only the whole blank lines before the plan belong to the preamble.
            end += rest[..skipped].rfind('\n').map_or(0, |newline| newline + 1);
            break;
        };
        end += skipped + comment;
    }
    let mut preamble = text[..end].to_owned();
    if !preamble.is_empty() && !preamble.ends_with('\n') {
        preamble.push('\n');
    }
    preamble
}

/// The length of the (nested) block comment `text` starts with; `None` when it is not closed.
fn block_comment_length(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at + 1 < bytes.len() {
        match &bytes[at..at + 2] {
            b"/*" => {
                depth += 1;
                at += 2;
            }
            b"*/" => {
                depth -= 1;
                at += 2;
                if depth == 0 {
                    return Some(at);
                }
            }
            _ => at += 1,
        }
    }
    None
}

/// The 1-based position just after `prefix`.
fn position_after(prefix: &str) -> Position {
    let line = 1 + prefix.matches('\n').count();
    let column = 1 + prefix
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count());
    Position { line, column }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preamble_is_the_leading_comment_block() {
        let text = "// one\n\n// two\nPlan(\n// inside\n";
        assert_eq!(preamble_of(text), "// one\n\n// two\n");
        assert_eq!(preamble_of("Plan()"), "");
        let block = "/* a\n /* nested */ b */\n// c\n\nPlan(";
        assert_eq!(preamble_of(block), "/* a\n /* nested */ b */\n// c\n\n");
        assert_eq!(preamble_of("/* open\nPlan("), "");
        assert_eq!(preamble_of("/* x */ Plan("), "/* x */\n");
    }

    #[test]
    fn positions_count_lines_and_characters() {
        assert_eq!(position_after("ab\ncdé"), Position { line: 2, column: 4 });
        assert_eq!(position_after(""), Position { line: 1, column: 1 });
    }
}
