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

/// True for the invisible characters that change how text around them looks without being
/// seen: Unicode's format characters, among them the bidirectional controls (U+202A–U+202E,
/// U+2066–U+2069, which can make `A1` read as `1A`), zero-width spaces and joiners, the
/// byte-order mark and the soft hyphen.
pub fn is_invisible_format(c: char) -> bool {
    c.general_category() == GeneralCategory::Format
}

/// `text` with every control character but tab and newline written as `\u{1b}`, and every
/// invisible format character too: for output made of lines shown on a terminal (`check`,
/// `cal`, messages, clap's errors). A zero-width joiner inside an emoji sequence is kept.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| {
        (is_control(c) && c != '\n' && c != '\t') || is_invisible_format(c)
    })
}

/// `text` with every control character (tab and newline included) and every invisible format
/// character written as `\u{1b}`: for a name shown on one line of a terminal (a cell, a bar, a
/// status line).
pub fn one_line(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| is_control(c) || is_invisible_format(c))
}

/// `text` for a file made of lines: its control characters but tab and newline written as
/// `\u{1b}`, everything else as it is (a file keeps a name's format characters; each format
/// escapes what it must).
pub fn in_lines(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| is_control(c) && c != '\n' && c != '\t')
}

/// `text` for one line of a file: every control character written as `\u{1b}`.
pub fn in_one_line(text: &str) -> Cow<'_, str> {
    escape_where(text, is_control)
}

/// `text` with the characters `escape` picks written as `\u{1b}`, but a zero-width joiner
/// that joins two characters of one grapheme cluster (`👨‍👩‍👧`), which shows nothing of its
/// own.
fn escape_where(text: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for grapheme in text.graphemes(true) {
        let mut chars = grapheme.chars().peekable();
        while let Some(c) = chars.next() {
            let joining = c == '\u{200d}' && chars.peek().is_some();
            if escape(c) && !joining {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            } else {
                out.push(c);
            }
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

/// Why a text cannot be an activity's code (said in a plan's language by
/// [`crate::messages::Say`]; `Display` gives the English words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeProblem {
    /// Nothing is written.
    Empty,
    /// The code (made one line) holds a character a code may not.
    Holds {
        /// The code, on one line.
        code: String,
        /// What it holds.
        unfit: Unfit,
    },
}

/// A character a code may not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unfit {
    /// `|`, which splits a Markdown table cell.
    Bar,
    /// White space.
    Space,
    /// An invisible character, by its code point.
    Invisible(u32),
}

impl std::fmt::Display for CodeProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CodeProblem::Empty => write!(f, "the code is empty"),
            CodeProblem::Holds { code, unfit } => match unfit {
                Unfit::Bar => write!(f, "\"{code}\" contains a `|`"),
                Unfit::Space => write!(f, "\"{code}\" contains a space"),
                Unfit::Invisible(point) => {
                    write!(
                        f,
                        "\"{code}\" contains the invisible character U+{point:04X}"
                    )
                }
            },
        }
    }
}

/// Why `code` cannot be an activity code, or `None` when it can. Codes are written next to day
/// numbers and in table cells: visible characters only, so no control or format character
/// (a zero-width space would make two different codes look the same), no space and no `|`
/// (which splits a Markdown table cell).
pub fn code_problem(code: &str) -> Option<CodeProblem> {
    if code.is_empty() {
        return Some(CodeProblem::Empty);
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
    let unfit = match bad {
        '|' => Unfit::Bar,
        c if c.is_whitespace() => Unfit::Space,
        c => Unfit::Invisible(u32::from(c)),
    };
    Some(CodeProblem::Holds {
        code: one_line(code).into_owned(),
        unfit,
    })
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

    /// Exactly the control characters are escaped in files, and with them the invisible
    /// format characters on terminals, for every character.
    #[test]
    fn every_control_character_is_found_and_nothing_else() {
        let mut text = String::new();
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            text.clear();
            text.extend(['a', c, 'b']);
            let escaped = |text: Cow<str>| matches!(text, Cow::Owned(_));
            let control = c.is_control();
            let lines_kept = control && c != '\n' && c != '\t';
            let hidden = is_invisible_format(c);
            let at = format!("{:x}", u32::from(c));
            assert_eq!(escaped(in_one_line(&text)), control, "{at}");
            assert_eq!(escaped(in_lines(&text)), lines_kept, "{at}");
            assert_eq!(escaped(one_line(&text)), control || hidden, "{at}");
            assert_eq!(escaped(for_terminal(&text)), lines_kept || hidden, "{at}");
        }
    }

    #[test]
    fn bidirectional_and_invisible_characters_are_shown_escaped_on_terminals() {
        assert_eq!(one_line("A\u{202e}1"), "A\\u{202e}1");
        assert_eq!(
            for_terminal("x\u{2066}y\u{2069}\u{200b}"),
            "x\\u{2066}y\\u{2069}\\u{200b}"
        );
        assert_eq!(in_one_line("A\u{202e}1"), "A\u{202e}1", "files keep them");
        // A joiner inside an emoji is part of one visible character; alone it is escaped.
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(one_line(family), family);
        assert_eq!(one_line("a\u{200d}b"), "a\\u{200d}b");
        assert_eq!(one_line("\u{200d}"), "\\u{200d}");
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
            let problem = code_problem(bad).unwrap().to_string();
            assert!(problem.contains(why), "{bad:?}: {problem}");
            assert!(!problem.contains('\u{1b}'));
        }
        assert_eq!(normalize_code("e\u{301}"), "é");
    }
}
