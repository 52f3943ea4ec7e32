//! The command line's side of the program's choices (`--format`, `--theme`): the core types
//! know nothing of clap and keep each choice's name and meaning; clap's trait is implemented
//! for them here, from those.

use clap::ValueEnum;
use clap::builder::PossibleValue;

use crate::export::{Format, Output};
use crate::palette::ThemeChoice;

/// `--format` of `export`.
impl ValueEnum for Output {
    fn value_variants<'a>() -> &'a [Self] {
        &Output::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let value = PossibleValue::new(self.name()).help(self.about());
        // What MS Project calls the format; `--format xml` has always worked.
        Some(match self {
            Output::Text(Format::Mspdi) => value.alias("xml"),
            _ => value,
        })
    }
}

/// `--theme`.
impl ValueEnum for ThemeChoice {
    fn value_variants<'a>() -> &'a [Self] {
        &ThemeChoice::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.about()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every choice is offered under its core name, and read back as itself.
    #[test]
    fn every_choice_reads_back_as_itself() {
        for output in Output::ALL {
            assert_eq!(Output::from_str(output.name(), false), Ok(output));
        }
        for theme in ThemeChoice::ALL {
            assert_eq!(ThemeChoice::from_str(theme.name(), false), Ok(theme));
        }
        assert_eq!(
            Output::from_str("xml", false),
            Ok(Output::Text(Format::Mspdi))
        );
        assert!(Output::from_str("docx", false).is_err());
    }
}
