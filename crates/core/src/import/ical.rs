//! A reader of iCalendar (RFC 5545) content lines, as real producers write them: any mix of
//! CRLF, LF and CR line ends, folded lines, property and parameter names in any case, several
//! `VCALENDAR`s in one file. Components are tracked with an explicit stack (a file of 100,000
//! nested `BEGIN:` lines is an error, not a stack overflow), and every message names the line
//! of the file as an editor shows it, not the line after unfolding.
//!
//! Only what holidays and busy time need is kept: the properties of each component of one
//! kind, a `VEVENT` or a `VFREEBUSY` (not those of the components inside it, such as a
//! `VALARM`).
//!
//! Real files have flaws a strict reader would refuse whole: a line that is no property
//! (Apple's `X-APPLE-RADIUS=…`, a parameter without a value) is skipped and its line number
//! reported; blank lines are ignored, also between a line and its folded continuation;
//! properties a cache appends after the last `END:VCALENDAR` are ignored. What cannot be read
//! past (an unclosed or mismatched component, a file that is no calendar) is an error.

use super::ReadError;

/// Components nested deeper than this are refused (real calendars nest three deep).
pub const MAX_DEPTH: usize = 16;

/// One property: `NAME;PARAM=VALUE:value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    /// Upper-cased name (`DTSTART`).
    pub name: String,
    /// Parameters, names upper-cased, values as written (quotes removed).
    pub params: Vec<(String, String)>,
    /// The value as written, still escaped.
    pub value: String,
    /// The line of the file the property starts on.
    pub line: usize,
}

impl Property {
    /// The value of parameter `name` (upper case), if given.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(param, _)| param == name)
            .map(|(_, value)| value.as_str())
    }
}

/// A `VEVENT` and its own properties.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Event {
    /// The line of its `BEGIN:VEVENT`.
    pub line: usize,
    /// Its properties, in file order.
    pub properties: Vec<Property>,
}

impl Event {
    /// The first property called `name` (upper case).
    pub fn get(&self, name: &str) -> Option<&Property> {
        self.properties
            .iter()
            .find(|property| property.name == name)
    }

    /// Every property called `name` (upper case).
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property> + 'a {
        self.properties
            .iter()
            .filter(move |property| property.name == name)
    }
}

/// What [`events`] read.
#[derive(Debug, Default)]
pub struct Read {
    /// The events, in file order.
    pub events: Vec<Event>,
    /// Lines inside a component that are not property lines, skipped.
    pub unreadable: Vec<usize>,
}

/// The events of `text`, or what is wrong with it and on which line.
pub fn events(text: &str) -> Result<Read, ReadError> {
    components(text, "VEVENT")
}

/// The components called `kind` (`VEVENT`, `VFREEBUSY`) of `text`, each with its own
/// properties, or what is wrong with the text and on which line.
pub fn components(text: &str, kind: &str) -> Result<Read, ReadError> {
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut events = Vec::new();
    let mut unreadable = Vec::new();
    let mut current: Option<Event> = None;
    let mut seen_calendar = false;
    for (line, content) in unfolded(text) {
        if content.trim().is_empty() {
            continue;
        }
        let property = match parse_line(&content, line) {
            Some(property) => property,
            None if stack.is_empty() && !seen_calendar => {
                return Err(ReadError::NotACalendar);
            }
            None => {
                if !stack.is_empty() {
                    unreadable.push(line);
                }
                continue;
            }
        };
        match property.name.as_str() {
            "BEGIN" => {
                let component = property.value.trim().to_ascii_uppercase();
                if stack.is_empty() && component != "VCALENDAR" {
                    return Err(not_a_calendar(seen_calendar, line));
                }
                if stack.len() == MAX_DEPTH {
                    return Err(ReadError::TooDeep(line));
                }
                seen_calendar = true;
                if component == kind && current.is_none() {
                    current = Some(Event {
                        line,
                        properties: Vec::new(),
                    });
                }
                stack.push((component, line));
            }
            "END" => {
                let component = property.value.trim().to_ascii_uppercase();
                let Some((open, opened_at)) = stack.pop() else {
                    return Err(ReadError::EndWithoutBegin { line, component });
                };
                if open != component {
                    return Err(ReadError::Mismatched {
                        line,
                        component,
                        open,
                        opened_at,
                    });
                }
                if component == kind && stack.iter().all(|(name, _)| name != kind) {
                    events.extend(current.take());
                }
            }
            // Text a cache or proxy appended after the calendar.
            _ if stack.is_empty() && seen_calendar => {}
            _ if stack.is_empty() => return Err(ReadError::NotACalendar),
            // Only the event's own properties: not those of an alarm inside it.
            _ if stack.last().is_some_and(|(name, _)| name == kind) => {
                if let Some(event) = current.as_mut() {
                    event.properties.push(property);
                }
            }
            _ => {}
        }
    }
    if let Some((open, line)) = stack.last() {
        return Err(ReadError::CutShort {
            open: open.clone(),
            line: *line,
        });
    }
    if !seen_calendar {
        return Err(ReadError::NotACalendar);
    }
    Ok(Read { events, unreadable })
}

fn not_a_calendar(seen_calendar: bool, line: usize) -> ReadError {
    if seen_calendar {
        ReadError::AfterCalendar(line)
    } else {
        ReadError::NotACalendar
    }
}

/// Logical lines with the number of the physical line each starts on. A line that starts with a
/// space or a tab continues the one before it (RFC 5545 folding); that one character goes.
fn unfolded(text: &str) -> Vec<(usize, String)> {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (index, physical) in physical_lines(text).enumerate() {
        // Blank lines carry nothing, not even the end of a folded line.
        if physical.is_empty() {
            continue;
        }
        match (physical.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(continuation), Some((_, logical))) => logical.push_str(continuation),
            _ => lines.push((index + 1, physical.to_owned())),
        }
    }
    lines
}

/// The file's lines, whatever ends them: CRLF, LF or a lone CR.
fn physical_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.find(['\r', '\n']).unwrap_or(rest.len());
        let line = &rest[..end];
        let tail = &rest[end..];
        rest = tail
            .strip_prefix("\r\n")
            .or_else(|| tail.strip_prefix(['\r', '\n']))
            .unwrap_or(tail);
        Some(line)
    })
}

/// `NAME *(;PARAM=VALUE) : value`, with quoted parameter values that may hold `;` `:` `,`;
/// `None` for a line that is not one (a stray line of text, a parameter without `=`).
fn parse_line(content: &str, line: usize) -> Option<Property> {
    let name_end = content.find([';', ':'])?;
    let name = content[..name_end].trim().to_ascii_uppercase();
    let mut params = Vec::new();
    let mut rest = &content[name_end..];
    while let Some(after) = rest.strip_prefix(';') {
        let equals = after.find('=')?;
        let param = after[..equals].trim().to_ascii_uppercase();
        let value_part = &after[equals + 1..];
        let (value, remainder) = match value_part.strip_prefix('"') {
            Some(quoted) => {
                let close = quoted.find('"')?;
                (&quoted[..close], &quoted[close + 1..])
            }
            None => {
                let end = value_part.find([';', ':']).unwrap_or(value_part.len());
                (&value_part[..end], &value_part[end..])
            }
        };
        params.push((param, value.to_owned()));
        rest = remainder;
    }
    let value = rest.strip_prefix(':')?;
    Some(Property {
        name,
        params,
        value: value.to_owned(),
        line,
    })
}

/// A TEXT value with its escapes (`\\`, `\;`, `\,`, `\n`) read.
pub fn unescape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fold_and_keep_their_physical_numbers() {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\nSUMMARY:a\r\n  long\r name\rX-Y;A=\"1:2;3\";b=c:v\r\nEND:VEVENT\nEND:VCALENDAR";
        let read = events(text).unwrap();
        let event = &read.events[0];
        assert_eq!(event.line, 2);
        let summary = event.get("SUMMARY").unwrap();
        assert_eq!((summary.value.as_str(), summary.line), ("a longname", 3));
        let x = event.get("X-Y").unwrap();
        assert_eq!(x.line, 6);
        assert_eq!(x.param("A"), Some("1:2;3"));
        assert_eq!(x.param("B"), Some("c"));
        assert_eq!(x.value, "v");
    }

    #[test]
    fn an_alarm_inside_an_event_does_not_lend_it_properties() {
        let text = "begin:vcalendar\nbegin:vevent\nsummary:Día\nbegin:valarm\ndescription:ring\nend:valarm\nend:vevent\nend:vcalendar\n";
        let events = events(text).unwrap().events;
        assert_eq!(events.len(), 1);
        assert!(events[0].get("DESCRIPTION").is_none());
        assert_eq!(events[0].get("SUMMARY").unwrap().value, "Día");
    }

    #[test]
    fn broken_structure_names_the_line() {
        let cases = [
            ("hello", "does not start with BEGIN:VCALENDAR"),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n",
                "line 3: END:VCALENDAR closes BEGIN:VEVENT of line 2",
            ),
            ("BEGIN:VCALENDAR\nBEGIN:VEVENT\n", "ends before END:VEVENT"),
            (
                "BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VEVENT\n",
                "line 3: a component after END:VCALENDAR",
            ),
        ];
        for (text, expected) in cases {
            let error = events(text).unwrap_err().to_string();
            assert!(error.contains(expected), "{text:?}: {error}");
        }
        let deep = "BEGIN:VCALENDAR\n".to_owned() + &"BEGIN:X\n".repeat(100_000);
        assert!(
            events(&deep)
                .unwrap_err()
                .to_string()
                .contains("nested more than")
        );
    }

    #[test]
    fn flawed_lines_are_skipped_and_reported() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nX-APPLE-RADIUS=49.9\nDTSTART\n\n :20240101\nEND:VEVENT\nEND:VCALENDAR\nX-COMMENT:cached\n";
        let read = events(text).unwrap();
        assert_eq!(read.unreadable, [3]);
        assert_eq!(read.events[0].get("DTSTART").unwrap().value, "20240101");
    }

    #[test]
    fn text_values_are_unescaped() {
        assert_eq!(unescape_text(r"a\, b\; c\\d\ne"), "a, b; c\\d\ne");
    }
}
