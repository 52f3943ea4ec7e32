//! Where a field is in a plan's text: a rule that spans fields is checked after parsing, on
//! values that no longer know their place, so its error finds the field again by its path
//! (`people[0].week[1].days[2]`) to give the line and column an editor jumps to.

use super::error::Position;

/// One step of a path: a struct's field or a list's item.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Field(String),
    Item(usize),
}

/// An open bracket while walking the text: a struct (or tuple) with the field being read, or
/// a list with the item being read.
enum Frame {
    Struct(Option<String>),
    List { index: usize, started: bool },
}

/// The position of the field or item `path` names in the RON `text`; when it is not written
/// there (a field left to its default), the position of the nearest thing around it that is.
pub fn position_of(text: &str, path: &str) -> Option<Position> {
    let mut steps = parse_path(path)?;
    while !steps.is_empty() {
        if let Some(found) = find(text, &steps) {
            return Some(found);
        }
        steps.pop();
    }
    None
}

/// `people[0].week[1].days` as steps; `None` for what is not a path.
fn parse_path(path: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = part
            .split_once('[')
            .map_or((part, ""), |(name, rest)| (name, rest));
        if !name.is_empty() {
            steps.push(Step::Field(name.to_owned()));
        }
        while !rest.is_empty() {
            let (index, after) = rest.split_once(']')?;
            steps.push(Step::Item(index.parse().ok()?));
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    (!steps.is_empty()).then_some(steps)
}

/// The walk itself: comments, strings and characters skipped, brackets followed.
fn find(text: &str, target: &[Step]) -> Option<Position> {
    let chars: Vec<char> = text.chars().collect();
    let mut frames: Vec<Frame> = Vec::new();
    let (mut at, mut line, mut column) = (0usize, 1usize, 1usize);
    // Moves past `count` characters, counting lines.
    let advance = |at: &mut usize, line: &mut usize, column: &mut usize, count: usize| {
        for _ in 0..count {
            if chars.get(*at) == Some(&'\n') {
                *line += 1;
                *column = 1;
            } else {
                *column += 1;
            }
            *at += 1;
        }
    };
    while at < chars.len() {
        let c = chars[at];
        let skip = skipped_length(&chars[at..]);
        if skip > 0 {
            advance(&mut at, &mut line, &mut column, skip);
            continue;
        }
        let here = Position { line, column };
        // A list item starts at its first token.
        if let Some(Frame::List { started, .. }) = frames.last_mut()
            && !*started
            && !matches!(c, ']' | ',')
        {
            *started = true;
            if path_of(&frames) == target {
                return Some(here);
            }
        }
        match c {
            '(' | '{' => frames.push(Frame::Struct(None)),
            '[' => frames.push(Frame::List {
                index: 0,
                started: false,
            }),
            ')' | '}' | ']' => {
                frames.pop();
            }
            ',' => match frames.last_mut() {
                Some(Frame::List { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                Some(Frame::Struct(field)) => *field = None,
                None => {}
            },
            c if c.is_alphabetic() || c == '_' => {
                let length = chars[at..]
                    .iter()
                    .take_while(|c| c.is_alphanumeric() || **c == '_')
                    .count();
                let name: String = chars[at..at + length].iter().collect();
                let colon = chars[at + length..]
                    .iter()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|c| *c == ':');
                if let (true, Some(Frame::Struct(field))) = (colon, frames.last_mut()) {
                    *field = Some(name);
                    if path_of(&frames) == target {
                        return Some(here);
                    }
                }
                advance(&mut at, &mut line, &mut column, length);
                continue;
            }
            _ => {}
        }
        advance(&mut at, &mut line, &mut column, 1);
    }
    None
}

/// The path the walk is at.
fn path_of(frames: &[Frame]) -> Vec<Step> {
    frames
        .iter()
        .filter_map(|frame| match frame {
            Frame::Struct(field) => field.clone().map(Step::Field),
            Frame::List { index, started } => started.then_some(Step::Item(*index)),
        })
        .collect()
}

/// How many characters of what `rest` starts with carry no structure: blank space, a
/// comment, a string or a character literal (0 when it starts with something else).
fn skipped_length(rest: &[char]) -> usize {
    match rest {
        [c, ..] if c.is_whitespace() => 1,
        ['/', '/', ..] => rest.iter().position(|c| *c == '\n').unwrap_or(rest.len()),
        ['/', '*', ..] => block_comment(rest),
        ['"', ..] => quoted(rest, '"'),
        ['\'', ..] => quoted(rest, '\''),
        ['r', '#' | '"', ..] => raw_string(rest).unwrap_or(0),
        _ => 0,
    }
}

fn block_comment(rest: &[char]) -> usize {
    let mut depth = 0usize;
    let mut at = 0;
    while at + 1 < rest.len() {
        match (rest[at], rest[at + 1]) {
            ('/', '*') => {
                depth += 1;
                at += 2;
            }
            ('*', '/') => {
                depth -= 1;
                at += 2;
                if depth == 0 {
                    return at;
                }
            }
            _ => at += 1,
        }
    }
    rest.len()
}

fn quoted(rest: &[char], quote: char) -> usize {
    let mut at = 1;
    while at < rest.len() {
        match rest[at] {
            '\\' => at += 2,
            c if c == quote => return at + 1,
            _ => at += 1,
        }
    }
    rest.len()
}

/// `r"…"`, `r#"…"#`: the length, or `None` when `r` starts a name.
fn raw_string(rest: &[char]) -> Option<usize> {
    let hashes = rest[1..].iter().take_while(|c| **c == '#').count();
    if rest.get(1 + hashes) != Some(&'"') {
        return None;
    }
    let body = 2 + hashes;
    (body..rest.len())
        .find(|at| {
            rest[*at] == '"'
                && rest.len() >= at + 1 + hashes
                && rest[at + 1..at + 1 + hashes].iter().all(|c| *c == '#')
        })
        .map(|end| end + 1 + hashes)
        .or(Some(rest.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    #[test]
    fn fields_and_items_are_found_where_they_are_written() {
        let text = "// a (comment [with] brackets\nPlan(\n    start: \"2024-03-04\",\n    people: [\n        (name: \"A(\\\"\", week: [(days: [Mon, Fri], windows: [\"08:00-12:00\"])]),\n    ],\n    hours_per_day: 6,\n)";
        assert_eq!(position_of(text, "start"), at(3, 5));
        assert_eq!(position_of(text, "hours_per_day"), at(7, 5));
        assert_eq!(position_of(text, "people[0]"), at(5, 9));
        assert_eq!(position_of(text, "people[0].week[0].days[1]"), at(5, 44));
        assert_eq!(position_of(text, "people[0].week[0].windows"), at(5, 50));
        // Not written: the nearest thing around it that is.
        assert_eq!(position_of(text, "people[0].hours_per_day"), at(5, 9));
        assert_eq!(position_of(text, "exceptions[0].hours"), None);
    }
}
