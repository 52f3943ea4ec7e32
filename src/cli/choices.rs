//! The command line's side of the program's choices (`--format`, `--theme`): the core types
//! know nothing of clap, and keep each choice's name and meaning; clap gets them from here.

use std::sync::LazyLock;

use clap::ValueEnum;
use clap::builder::PossibleValue;

use crate::export::Format;
use crate::palette::ThemeChoice;

/// A `--format` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatArg(pub Format);

impl ValueEnum for FormatArg {
    fn value_variants<'a>() -> &'a [Self] {
        static FORMATS: LazyLock<Vec<FormatArg>> =
            LazyLock::new(|| Format::ALL.into_iter().map(FormatArg).collect());
        &FORMATS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let value = PossibleValue::new(self.0.name()).help(self.0.about());
        // What MS Project calls the format; `--format xml` has always worked.
        Some(match self.0 {
            Format::Mspdi => value.alias("xml"),
            _ => value,
        })
    }
}

/// A `--theme` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeArg(pub ThemeChoice);

impl ValueEnum for ThemeArg {
    fn value_variants<'a>() -> &'a [Self] {
        static THEMES: LazyLock<Vec<ThemeArg>> =
            LazyLock::new(|| ThemeChoice::ALL.into_iter().map(ThemeArg).collect());
        &THEMES
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.name()).help(self.0.about()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every choice is offered under its core name, and read back as itself.
    #[test]
    fn every_choice_reads_back_as_itself() {
        for format in Format::ALL {
            assert_eq!(
                FormatArg::from_str(format.name(), false),
                Ok(FormatArg(format))
            );
        }
        for theme in ThemeChoice::ALL {
            assert_eq!(ThemeArg::from_str(theme.name(), false), Ok(ThemeArg(theme)));
        }
        assert_eq!(
            FormatArg::from_str("xml", false),
            Ok(FormatArg(Format::Mspdi))
        );
        assert!(FormatArg::from_str("pdf", false).is_err());
    }
}
