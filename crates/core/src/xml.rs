//! XML from outside — MS Project files, a calendar server's answers — parsed one way: with
//! roxmltree, no DTD (so no entity can expand or reach a file), a bound on the nodes, and a
//! bound on the nesting checked *before* parsing. roxmltree descends one call per level, so a
//! document nested a hundred thousand levels deep would overflow the stack and abort the
//! program, which no `Result` can catch; no real MSPDI file or WebDAV answer is nested more
//! than a dozen levels.

use roxmltree::{Document, ParsingOptions};

/// The deepest nesting read: far past any real file, far below what overflows a thread's stack.
pub const MAX_DEPTH: usize = 256;

/// Why a text was not read as XML.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum XmlError {
    /// Elements nested deeper than [`MAX_DEPTH`].
    #[error(
        "elements are nested more than {MAX_DEPTH} levels deep (line {line}), which no real file is: it is not read"
    )]
    TooDeep {
        /// The line where the nesting passed the bound.
        line: usize,
    },
    /// A DTD, which neither format has (entities could expand without bound).
    #[error("the document declares a DTD: it is not read (entities could expand without bound)")]
    Dtd,
    /// Not well-formed, or past the node bound.
    #[error("not well-formed XML: {0}")]
    Malformed(String),
}

/// `text` parsed, refused when it nests deeper than [`MAX_DEPTH`], declares a DTD, is not
/// well-formed or has more than `nodes_limit` nodes.
pub fn parse(text: &str, nodes_limit: u32) -> Result<Document<'_>, XmlError> {
    refuse_deep(text)?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit,
    };
    Document::parse_with_options(text, options).map_err(|error| match error {
        roxmltree::Error::DtdDetected => XmlError::Dtd,
        other => XmlError::Malformed(other.to_string()),
    })
}

/// Refuses a text whose elements nest deeper than [`MAX_DEPTH`], counting as roxmltree
/// descends: a start tag opens a level unless it closes itself (`/>`), an end tag closes one;
/// comments, CDATA sections, processing instructions and declarations open none, and a `>` in
/// a quoted attribute value ends no tag. It never counts less than the parser descends: up to
/// the first thing that is not well-formed (where the parser stops) they agree.
fn refuse_deep(text: &str) -> Result<(), XmlError> {
    let bytes = text.as_bytes();
    let (mut at, mut depth) = (0, 0usize);
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &bytes[start..];
        let skip_to = |end: &[u8]| find(rest, end).map_or(bytes.len(), |i| start + i + end.len());
        at = if rest.starts_with(b"<!--") {
            skip_to(b"-->")
        } else if rest.starts_with(b"<![CDATA[") {
            skip_to(b"]]>")
        } else if rest.starts_with(b"<?") {
            skip_to(b"?>")
        } else if rest.starts_with(b"<!") {
            skip_to(b">")
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            skip_to(b">")
        } else {
            let end = tag_end(rest).map_or(bytes.len(), |i| start + i + 1);
            if bytes[..end].ends_with(b"/>") {
                // Closes itself: no level.
            } else {
                depth += 1;
                if depth > MAX_DEPTH {
                    let line = 1 + bytes[..start].iter().filter(|b| **b == b'\n').count();
                    return Err(XmlError::TooDeep { line });
                }
            }
            end
        };
    }
    Ok(())
}

/// Where the start tag at the beginning of `tag` ends (its `>`), quoted values skipped.
fn tag_end(tag: &[u8]) -> Option<usize> {
    let mut quote = None;
    for (index, byte) in tag.iter().enumerate() {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(*byte),
            (Some(open), _) if open == *byte => quote = None,
            (None, b'>') => return Some(index),
            _ => {}
        }
    }
    None
}

fn memchr(byte: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|b| *b == byte)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        "<a x='>'>".repeat(depth) + &"</a>".repeat(depth)
    }

    #[test]
    fn nesting_is_bounded_before_parsing() {
        assert!(parse(&nested(MAX_DEPTH), 1000).is_ok());
        assert_eq!(
            parse(&nested(MAX_DEPTH + 1), 1000).unwrap_err(),
            XmlError::TooDeep { line: 1 }
        );
        // Deep enough to overflow any stack, unclosed, with newlines: refused, not a crash.
        let deep = "<p>\n".repeat(200_000);
        assert_eq!(
            parse(&deep, 10_000_000).unwrap_err(),
            XmlError::TooDeep {
                line: MAX_DEPTH + 1
            }
        );
    }

    #[test]
    fn what_opens_no_level_is_not_counted() {
        let flat = "<r>".to_owned()
            + &"<a/><!-- <b> --><![CDATA[<c>]]><?pi <d>?><e k=\"a>b\"></e>".repeat(1000)
            + "</r>";
        assert!(parse(&flat, 1_000_000).is_ok());
        assert_eq!(parse("<!DOCTYPE r><r/>", 10).unwrap_err(), XmlError::Dtd);
        assert!(matches!(
            parse("<r>", 10).unwrap_err(),
            XmlError::Malformed(_)
        ));
    }
}
