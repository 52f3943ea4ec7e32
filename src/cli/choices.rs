//! The command line's side of the program's choices (`--format`, `--theme`): the core types
//! know nothing of clap and keep each choice's name and meaning; clap's trait is implemented
//! here, from those. The core's [`Output`] is another crate's type, so clap reads it through
//! [`OutputChoice`].

use clap::ValueEnum;
use clap::builder::PossibleValue;

use crate::export::{Format, Output};
use crate::palette::ThemeChoice;

/// `--format` of `export`: one of the core's outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutputChoice(pub Output);

/// Every output, as clap lists them.
const OUTPUTS: [OutputChoice; Output::ALL.len()] = {
    let mut choices = [OutputChoice(Output::Pdf); Output::ALL.len()];
    let mut at = 0;
    while at < choices.len() {
        choices[at] = OutputChoice(Output::ALL[at]);
        at += 1;
    }
    choices
};

impl ValueEnum for OutputChoice {
    fn value_variants<'a>() -> &'a [Self] {
        &OUTPUTS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let value = PossibleValue::new(self.0.name()).help(self.0.about());
        // What MS Project calls the format; `--format xml` has always worked.
        Some(match self.0 {
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
            assert_eq!(
                OutputChoice::from_str(output.name(), false),
                Ok(OutputChoice(output))
            );
        }
        for theme in ThemeChoice::ALL {
            assert_eq!(ThemeChoice::from_str(theme.name(), false), Ok(theme));
        }
        assert_eq!(
            OutputChoice::from_str("xml", false),
            Ok(OutputChoice(Output::Text(Format::Mspdi)))
        );
        assert!(OutputChoice::from_str("docx", false).is_err());
    }
}
