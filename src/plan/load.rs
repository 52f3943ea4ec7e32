//! Reading a plan: bytes → UTF-8 text → RON → [`Plan`] → the checks of [`validate`].

use std::fs;
use std::io::Read;
use std::path::Path;

use super::error::{PlanError, Position};
use super::{Plan, validate};

/// Plans are small; a file larger than this is a mistake (or an attack), not a plan.
pub const MAX_PLAN_BYTES: u64 = 10 * 1024 * 1024;

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

/// Reads a plan file's text: at most [`MAX_PLAN_BYTES`], and UTF-8.
pub fn read_text(path: &Path) -> Result<String, PlanError> {
    let read_error = |source| PlanError::Read {
        path: path.to_owned(),
        source,
    };
    let file = fs::File::open(path).map_err(read_error)?;
    // Read one byte past the limit, never more, so a huge file costs no memory to refuse.
    let mut bytes = Vec::new();
    file.take(MAX_PLAN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        let size = fs::metadata(path).map_or(bytes.len() as u64, |meta| meta.len());
        return Err(PlanError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_PLAN_BYTES,
        });
    }
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
    // Optional fields are written bare (`title: "x"`), not as `Some("x")`.
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut deserializer = ron::Deserializer::from_str_with_options(text, &options)
        .map_err(|error| syntax(error.span.start, error.code.to_string(), Some(FORMAT_HINT)))?;
    let plan: Plan = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let field = error.path().to_string();
        let spanned = deserializer.span_error(error.into_inner());
        let (message, hint) = describe(&spanned.code, &field);
        syntax(spanned.span.start, message, hint)
    })?;
    deserializer.end().map_err(|code| {
        let spanned = deserializer.span_error(code);
        syntax(
            spanned.span.start,
            "unexpected text after the end of the plan".into(),
            Some("a file holds one `Plan(...)`; remove what follows its closing parenthesis"),
        )
    })?;
    validate::check(&plan).map_err(|violation| PlanError::Invalid {
        path: path.to_owned(),
        field: violation.field,
        message: violation.message,
        hint: violation.hint,
    })?;
    Ok(Document {
        plan,
        preamble: preamble_of(text),
    })
}

/// Turns a RON error at `field` into a sentence and a hint.
fn describe(code: &ron::Error, field: &str) -> (String, Option<&'static str>) {
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
            Some(FORMAT_HINT),
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
            let hint = message
                .contains("hours")
                .then_some("hours are written as numbers in quarter-hour steps: 42, 7.5, 0.25");
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
        other => (format!("{other}{at}"), Some(FORMAT_HINT)),
    }
}

/// The comment block before the plan: leading lines that are blank or `//` comments.
fn preamble_of(text: &str) -> String {
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !(trimmed.is_empty() || trimmed.starts_with("//")) {
            break;
        }
        end += line.len();
    }
    text[..end].to_owned()
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
    }

    #[test]
    fn positions_count_lines_and_characters() {
        assert_eq!(position_after("ab\ncdé"), Position { line: 2, column: 4 });
        assert_eq!(position_after(""), Position { line: 1, column: 1 });
    }
}
