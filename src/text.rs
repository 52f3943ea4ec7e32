//! Text from plans and imported files, made safe to show: control characters escaped before
//! they reach a terminal (a name holding `ESC]0;…BEL` must not retitle the window or clear the
//! screen), padding that cannot overflow `format!`'s width limit, and the rule for what an
//! activity code may contain.

use std::borrow::Cow;
use std::fmt::Write;

use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
use unicode_width::UnicodeWidthStr;

/// True for the characters a terminal acts on instead of showing: C0 controls, DEL and C1
/// controls. (Tab and newline are among them; callers that keep lines let those two through.)
pub fn is_control(c: char) -> bool {
    c.is_control()
}

/// `text` with every control character but tab and newline written as `\u{1b}`: for output
/// made of lines (`check`, `cal`, messages).
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| is_control(c) && c != '\n' && c != '\t')
}

/// `text` with every control character, tab and newline included, written as `\u{1b}`: for a
/// name shown on one line (a cell, a bar, a status line).
pub fn one_line(text: &str) -> Cow<'_, str> {
    escape_where(text, is_control)
}

/// `text` with the control characters `escape` picks written as `\u{1b}`. (`escape` may pick
/// only control characters: the check for any reads bytes, and a control character is a byte
/// below 0x20, 0x7F, or 0xC2 before a byte from 0x80 to 0x9F; decoding every character was
/// most of the escaping of a long report.)
fn escape_where(text: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let any = bytes.iter().enumerate().any(|(at, &byte)| match byte {
        0x00..=0x7f => escape(char::from(byte)),
        0xc2 => bytes
            .get(at + 1)
            .is_some_and(|&next| (0x80..=0x9f).contains(&next) && escape(char::from(next))),
        _ => false,
    });
    if !any {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escape(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// True for a character one column wide whose width needs no Unicode table: printable
/// ASCII and the Latin letters with accents (U+00C0 to U+024F). Names in Spanish and
/// Portuguese are made of these, and the Gantt measures every name of a frame.
fn plainly_one_column(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{c0}'..='\u{24f}')
}

/// The columns `text` takes, as `UnicodeWidthStr::width` counts them, without its tables for
/// text of [`plainly_one_column`] characters.
pub fn columns(text: &str) -> usize {
    let mut count = 0;
    for c in text.chars() {
        if !plainly_one_column(c) {
            return text.width();
        }
        count += 1;
    }
    count
}

/// The columns `c` takes by itself.
fn char_columns(c: char) -> usize {
    if plainly_one_column(c) {
        1
    } else {
        c.encode_utf8(&mut [0; 4]).width()
    }
}

/// The longest start of `text` that fits in `columns` columns, its characters' widths added
/// up as they are taken (measuring the start again for each character is quadratic in a long
/// name).
pub fn fitting_start(text: &str, columns: usize) -> &str {
    // No character is wider than its UTF-8 bytes are long, so a text of no more bytes than
    // columns fits whole: a calendar's codes, without measuring them.
    if text.len() <= columns {
        return text;
    }
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += char_columns(c);
        if used > columns {
            return &text[..at];
        }
    }
    text
}

/// `text` followed by spaces up to `width` columns. (`format!("{:<w$}")` panics when `w` is
/// past 65,535, which a hostile plan can reach.)
pub fn pad_right(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + width);
    out.push_str(text);
    push_spaces(&mut out, width.saturating_sub(text.width()));
    out
}

/// Spaces up to `width` columns, then `text`.
pub fn pad_left(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + width);
    push_spaces(&mut out, width.saturating_sub(text.width()));
    out.push_str(text);
    out
}

/// `text` centred in `width` columns (the odd space goes to the right, as `{:^w$}` does).
pub fn center(text: &str, width: usize) -> String {
    let room = width.saturating_sub(text.width());
    let mut out = String::with_capacity(text.len() + room);
    push_spaces(&mut out, room / 2);
    out.push_str(text);
    push_spaces(&mut out, room - room / 2);
    out
}

fn push_spaces(out: &mut String, count: usize) {
    out.extend(std::iter::repeat_n(' ', count));
}

/// A code as it is kept: NFC-normalised, so that `é` typed as one character or as `e` and a
/// combining accent is one code.
pub fn normalize_code(code: &str) -> String {
    // ASCII text is its own NFC form (and nearly every code is ASCII).
    if code.is_ascii() {
        return code.to_owned();
    }
    code.nfc().collect()
}

/// Why `code` cannot be an activity code, or `None` when it can. Codes are written next to day
/// numbers and in table cells: visible characters only, so no control or format character
/// (a zero-width space would make two different codes look the same), no space and no `|`
/// (which splits a Markdown table cell).
pub fn code_problem(code: &str) -> Option<String> {
    if code.is_empty() {
        return Some("the code is empty".into());
    }
    let bad = code.chars().find(|c| {
        c.is_whitespace()
            || *c == '|'
            || is_control(*c)
            // No ASCII character is in these categories: a table lookup saved per character.
            || !c.is_ascii() && matches!(
                c.general_category(),
                GeneralCategory::Format
                    | GeneralCategory::Unassigned
                    | GeneralCategory::Surrogate
                    | GeneralCategory::PrivateUse
                    | GeneralCategory::LineSeparator
                    | GeneralCategory::ParagraphSeparator
            )
    })?;
    let what = match bad {
        '|' => "a `|`".to_owned(),
        c if c.is_whitespace() => "a space".to_owned(),
        c => format!("the invisible character U+{:04X}", u32::from(c)),
    };
    Some(format!("\"{}\" contains {what}", one_line(code)))
}

/// `text` in lower case without accents, for matching words: one character for each of
/// `text`'s, so positions counted in characters agree.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .map(|c| {
            // The base letter of the character's canonical decomposition: ã, ç, ø stay one
            // character each (a, c, ø), whatever the language.
            let mut base = None;
            unicode_normalization::char::decompose_canonical(c, |part| {
                base.get_or_insert(part);
            });
            base.unwrap_or(c)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_lines_kept_where_asked() {
        let hostile = "A\u{1b}]0;pwned\u{7}\n\tB\u{9b}2J\u{7f}";
        assert_eq!(
            for_terminal(hostile),
            "A\\u{1b}]0;pwned\\u{7}\n\tB\\u{9b}2J\\u{7f}"
        );
        assert_eq!(
            one_line(hostile),
            "A\\u{1b}]0;pwned\\u{7}\\u{a}\\u{9}B\\u{9b}2J\\u{7f}"
        );
        assert!(matches!(for_terminal("Día 1"), Cow::Borrowed(_)));
    }

    /// The byte-level check finds exactly the control characters, for every character (the
    /// C1 controls and the other characters written with a 0xC2 byte among them).
    #[test]
    fn every_control_character_is_found_and_nothing_else() {
        let mut text = String::new();
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            text.clear();
            text.extend(['a', c, 'b']);
            let line = matches!(one_line(&text), Cow::Owned(_));
            let lines = matches!(for_terminal(&text), Cow::Owned(_));
            assert_eq!(line, c.is_control(), "{:x}", u32::from(c));
            assert_eq!(lines, c.is_control() && c != '\n' && c != '\t');
        }
    }

    #[test]
    fn the_fitting_start_counts_columns() {
        assert_eq!(fitting_start("Redacción", 4), "Reda");
        assert_eq!(fitting_start("日本語", 3), "日");
        assert_eq!(fitting_start("日本語", 4), "日本");
        assert_eq!(fitting_start("A1", 5), "A1");
        assert_eq!(fitting_start("A1", 0), "");
        assert_eq!(fitting_start("日本", 6), "日本");
        assert_eq!(fitting_start("日本", 5), "日本");
    }

    /// The quick measures are the Unicode tables' for every character they answer, alone
    /// and in text with others (accents, wide characters, emoji, controls).
    #[test]
    fn quick_measures_are_the_tables_measures() {
        let plain: Vec<char> = (0..0x250)
            .filter_map(char::from_u32)
            .filter(|c| super::plainly_one_column(*c))
            .collect();
        assert_eq!(plain.len(), 95 + 0x250 - 0xc0);
        for c in &plain {
            let mut bytes = [0; 4];
            assert_eq!(super::char_columns(*c), c.encode_utf8(&mut bytes).width());
        }
        let others = [
            '\u{301}',
            '日',
            '\u{ad}',
            '\t',
            '\u{1f600}',
            '\u{200d}',
            '·',
            '…',
        ];
        for (at, c) in plain.iter().enumerate() {
            let pair = format!("{c}{}", plain[(at * 7 + 3) % plain.len()]);
            assert_eq!(columns(&pair), pair.width(), "{pair:?}");
            for other in others {
                for text in [format!("{c}{other}"), format!("{other}{c}a")] {
                    assert_eq!(columns(&text), text.width(), "{text:?}");
                }
            }
        }
        let all: String = plain.iter().collect();
        assert_eq!(columns(&all), all.width());
        assert_eq!(columns("Búsqueda y revisión"), 19);
        assert_eq!(columns("日本"), 4);
    }

    /// What lets `fitting_start` take a short text whole without measuring it: no character
    /// is wider than its UTF-8 bytes are long.
    #[test]
    fn no_character_is_wider_than_its_bytes() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let mut bytes = [0; 4];
            let text = c.encode_utf8(&mut bytes);
            assert!(text.width() <= text.len(), "{:x}", u32::from(c));
        }
    }

    #[test]
    fn padding_has_no_width_limit_and_counts_columns() {
        assert_eq!(pad_right("漢", 4), "漢  ");
        assert_eq!(pad_left("7", 3), "  7");
        assert_eq!(center("ab", 5), " ab  ");
        assert_eq!(pad_right("x", 70_000).len(), 70_000);
        assert_eq!(center("toolong", 3), "toolong");
    }

    #[test]
    fn codes_are_visible_characters_only() {
        for good in ["A1", "Revisión", "漢字", "A-1.b", "F"] {
            assert_eq!(code_problem(good), None, "{good}");
        }
        for (bad, why) in [
            ("", "empty"),
            ("A 1", "a space"),
            ("A|1", "a `|`"),
            ("A\u{200b}1", "U+200B"),
            ("A\u{1b}1", "U+001B"),
            ("A\u{202e}1", "U+202E"),
            ("A\u{a0}1", "a space"),
        ] {
            let problem = code_problem(bad).unwrap();
            assert!(problem.contains(why), "{bad:?}: {problem}");
            assert!(!problem.contains('\u{1b}'));
        }
        assert_eq!(normalize_code("e\u{301}"), "é");
    }
}
