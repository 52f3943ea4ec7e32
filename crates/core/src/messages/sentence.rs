//! A sentence made where a fault happens and said where it is shown. The command line knows
//! which language to speak only when it reports (the plan's, or the environment's when no
//! plan can be read), so a refusal keeps its message and values, typed faults among them,
//! and becomes words then.

use std::fmt::Display;

use super::{Msg, Say};
use crate::import::ProjectError;
use crate::import::activities::CsvError;
use crate::plan::validate::{Rule, Violation};
use crate::plan::{FieldError, Locale};
use crate::schedule::ScheduleError;

/// A message and its values, to be said in any language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    msg: Msg,
    parts: Vec<Part>,
}

/// A value of a [`Sentence`]: text as it is, or a fault said in the sentence's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Words that are the same in every language: a file name, a date, a code, or the words
    /// of a parser or of the system, which are English.
    Text(String),
    /// A value typed wrong.
    Field(FieldError),
    /// An MS Project file that is not one.
    Project(ProjectError),
    /// A plan that cannot be laid on the calendar.
    Schedule(ScheduleError),
    /// A spreadsheet of activities that cannot be read.
    Csv(CsvError),
    /// A rule of the plan's, broken.
    Rule(Rule),
    /// A rule of the plan's, broken, with the field at fault.
    Violation(Violation),
    /// A sentence within the sentence.
    Said(Box<Sentence>),
}

impl Sentence {
    /// `msg` with `values` as they are.
    pub fn new(msg: Msg, values: &[&dyn Display]) -> Sentence {
        let parts = values.iter().map(|value| Part::Text(value.to_string()));
        Sentence {
            msg,
            parts: parts.collect(),
        }
    }

    /// A fault, said as it is.
    pub fn fault(part: impl Into<Part>) -> Sentence {
        Sentence::new(Msg::Just, &[]).and(part)
    }

    /// The sentence with `part` as its next value.
    pub fn and(mut self, part: impl Into<Part>) -> Sentence {
        self.parts.push(part.into());
        self
    }

    /// The words, in `locale`'s language.
    pub fn say(&self, locale: Locale) -> String {
        let said: Vec<String> = self.parts.iter().map(|part| part.say(locale)).collect();
        let values: Vec<&dyn Display> = said.iter().map(|value| value as &dyn Display).collect();
        self.msg.fill(locale, &values)
    }
}

impl Part {
    fn say(&self, locale: Locale) -> String {
        match self {
            Part::Text(text) => text.clone(),
            Part::Field(error) => error.say(locale),
            Part::Project(error) => error.say(locale),
            Part::Schedule(error) => error.say(locale),
            Part::Csv(error) => error.say(locale),
            Part::Rule(rule) => rule.say(locale),
            Part::Violation(violation) => violation.say(locale),
            Part::Said(sentence) => sentence.say(locale),
        }
    }
}

impl From<FieldError> for Part {
    fn from(error: FieldError) -> Part {
        Part::Field(error)
    }
}

impl From<ProjectError> for Part {
    fn from(error: ProjectError) -> Part {
        Part::Project(error)
    }
}

impl From<ScheduleError> for Part {
    fn from(error: ScheduleError) -> Part {
        Part::Schedule(error)
    }
}

impl From<CsvError> for Part {
    fn from(error: CsvError) -> Part {
        Part::Csv(error)
    }
}

impl From<Rule> for Part {
    fn from(rule: Rule) -> Part {
        Part::Rule(rule)
    }
}

impl From<Violation> for Part {
    fn from(violation: Violation) -> Part {
        Part::Violation(violation)
    }
}

impl From<Sentence> for Part {
    fn from(sentence: Sentence) -> Part {
        Part::Said(Box::new(sentence))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values are said in the sentence's language, nested sentences too; text stays as it is.
    #[test]
    fn a_sentence_says_its_faults_in_its_own_language() {
        let inner = Sentence::new(Msg::BaselineExists, &[&"2024-03-01"]);
        let said = Sentence::new(Msg::NothingChangedBecause, &[&"plan.ron"]).and(inner);
        assert_eq!(
            said.say(Locale::EN),
            "plan.ron: the plan already has a baseline, saved on 2024-03-01; nothing was changed"
        );
        assert_eq!(
            said.say(Locale::ES),
            "plan.ron: el plan ya tiene una línea base, guardada el 2024-03-01; no se cambió nada"
        );
        let field = Sentence::fault(FieldError::NotADate("ayer".into()));
        assert_eq!(
            field.say(Locale::ES),
            "\"ayer\" no es una fecha escrita como AAAA-MM-DD"
        );
    }
}
