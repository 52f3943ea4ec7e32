//! What an import of holidays or busy time says it did, in the plan's language: what it
//! added, then what it skipped and why (`added 17 holidays; skipped 2 timed events, 60
//! outside 2023-01-01 – 2023-12-31`), then what the reader noticed. Holidays and busy time
//! share this, so their reports read alike.

use std::fmt::Display;

use crate::messages::Msg;
use crate::plan::Locale;

/// A report being written.
pub(super) struct Report {
    locale: Locale,
    said: String,
    skipped: Vec<String>,
    notes: Vec<String>,
}

impl Report {
    /// A report that opens with what was added.
    pub(super) fn new(locale: Locale, added: String) -> Report {
        Report {
            locale,
            said: added,
            skipped: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// `msg` (which starts with the count), when `count` is not zero.
    pub(super) fn skip(&mut self, count: usize, msg: Msg, values: &[&dyn Display]) {
        if count > 0 {
            let mut all: Vec<&dyn Display> = vec![&count];
            all.extend_from_slice(values);
            self.skipped.push(msg.fill(self.locale, &all));
        }
    }

    /// `one` or `many` by `count`, skipped when not zero.
    pub(super) fn skip_counted(&mut self, count: usize, one: Msg, many: Msg) {
        self.skip(count, if count == 1 { one } else { many }, &[]);
    }

    /// Skipped events named by their lines: `3 invalid (lines 4, 9, 12)`.
    pub(super) fn skip_lines(&mut self, numbers: &[usize], msg: Msg) {
        let named = self.lines(numbers);
        self.skip(numbers.len(), msg, &[&named]);
    }

    /// Something the reader noticed, after what was skipped.
    pub(super) fn note(&mut self, msg: Msg, values: &[&dyn Display]) {
        self.notes.push(msg.fill(self.locale, values));
    }

    /// `line 4`, `lines 4, 9, 12 and 3 more`, in the report's language.
    pub(super) fn lines(&self, numbers: &[usize]) -> String {
        let shown: Vec<String> = numbers.iter().take(3).map(usize::to_string).collect();
        let word = if numbers.len() == 1 {
            Msg::LineOne
        } else {
            Msg::LinesMany
        };
        let mut said = word.fill(self.locale, &[&shown.join(", ")]);
        let more = numbers.len().saturating_sub(3);
        if more > 0 {
            said.push_str(&Msg::AndMore.fill(self.locale, &[&more]));
        }
        said
    }

    /// The report, with a word on the file read as Latin-1 when it was.
    pub(super) fn finish(mut self, latin1: bool) -> String {
        if !self.skipped.is_empty() {
            let skipped = self.skipped.join(", ");
            self.said
                .push_str(&Msg::ImportSkipped.fill(self.locale, &[&skipped]));
        }
        for note in &self.notes {
            self.said.push_str(note);
        }
        if latin1 {
            self.said.push_str(Msg::ImportLatin1.text(self.locale));
        }
        self.said
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_named_in_the_reports_language() {
        let english = Report::new(Locale::EN, String::new());
        assert_eq!(english.lines(&[4]), "line 4");
        assert_eq!(
            english.lines(&[4, 9, 12, 15, 20]),
            "lines 4, 9, 12 and 2 more"
        );
        let spanish = Report::new(Locale::ES, String::new());
        assert_eq!(spanish.lines(&[4, 9, 12, 15]), "líneas 4, 9, 12 y 1 más");
    }
}
