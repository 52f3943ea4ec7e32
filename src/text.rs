//! Text from plans and imported files, made safe to show: control characters escaped before
//! they reach a terminal (a name holding `ESC]0;…BEL` must not retitle the window or clear the
//! screen), padding that cannot overflow `format!`'s width limit, and the rule for what an
//! activity code may contain.

use std::borrow::Cow;
use std::fmt::Write;

use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
use unicode_segmentation::UnicodeSegmentation;
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

/// `text` with the characters `escape` picks written as `\u{1b}`.
fn escape_where(text: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&escape) {
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

/// The longest start of `text` that fits in `columns` columns, cut between grapheme clusters
/// (an accent stays on its letter, an emoji sequence whole), their widths added up as they
/// are taken (measuring the start again for each one is quadratic in a long name).
pub fn fitting_start(text: &str, columns: usize) -> &str {
    let mut used = 0;
    for (at, grapheme) in text.grapheme_indices(true) {
        used += grapheme.width();
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
    let bad = code.graphemes(true).find_map(|grapheme| {
        let mut chars = grapheme.chars().peekable();
        while let Some(c) = chars.next() {
            // A zero-width joiner inside a cluster joins what is on either side into one
            // visible character (`👨‍👩‍👧`); at a cluster's end it joins nothing and is invisible.
            let joining = c == '\u{200d}' && chars.peek().is_some();
            if !joining && invisible_or_breaking(c) {
                return Some(c);
            }
        }
        None
    })?;
    let what = match bad {
        '|' => "a `|`".to_owned(),
        c if c.is_whitespace() => "a space".to_owned(),
        c => format!("the invisible character U+{:04X}", u32::from(c)),
    };
    Some(format!("\"{}\" contains {what}", one_line(code)))
}

/// True for a character a code may not hold: white space, `|`, and control, format,
/// unassigned, private-use and separator characters.
fn invisible_or_breaking(c: char) -> bool {
    c.is_whitespace()
        || c == '|'
        || is_control(c)
        || matches!(
            c.general_category(),
            GeneralCategory::Format
                | GeneralCategory::Unassigned
                | GeneralCategory::Surrogate
                | GeneralCategory::PrivateUse
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
        )
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
        assert_eq!(fitting_start("e\u{301}x", 1), "e\u{301}");
        assert_eq!(
            fitting_start("👨\u{200d}👩\u{200d}👧 x", 2),
            "👨\u{200d}👩\u{200d}👧"
        );
        assert_eq!(fitting_start("👨\u{200d}👩\u{200d}👧", 1), "");
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
        for good in [
            "A1",
            "Revisión",
            "漢字",
            "A-1.b",
            "F",
            "👨\u{200d}👩\u{200d}👧",
            "R👍🏽",
        ] {
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
            ("\u{200d}", "U+200D"),
            ("A\u{200d}1", "U+200D"),
            ("👨\u{200d}", "U+200D"),
            ("\u{200d}👩", "U+200D"),
            ("A\u{2060}1", "U+2060"),
        ] {
            let problem = code_problem(bad).unwrap();
            assert!(problem.contains(why), "{bad:?}: {problem}");
            assert!(!problem.contains('\u{1b}'));
        }
        assert_eq!(normalize_code("e\u{301}"), "é");
    }
}
