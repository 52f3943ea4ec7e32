//! The questions the view asks before it does something that cannot be taken back: leave with
//! unsaved changes, delete an activity, overwrite a file another program changed, reload it,
//! recover an earlier session's edits, replace the baseline. Each is one [`Question`]: its
//! title, its text and its answers are here; what each answer does is [`App::answer`]; the
//! view only draws them, with the keys from the key table.

use super::Failure;
use super::{Action, App, Mode};
use crate::messages::{KeyHelp, Msg};
use crate::plan::Document;

/// A question the view is asking.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// "Save / discard / cancel?" before quitting with unsaved changes.
    Quit,
    /// "Delete this activity?" (its index).
    Delete(usize),
    /// Another program changed the file: overwrite, reload or cancel?
    Overwrite,
    /// "Drop the unsaved changes and load the file from disk?"
    Reload,
    /// Unsaved edits of an earlier session were found: recover, delete or keep them?
    Recover(Box<Document>),
    /// "Replace the baseline?"
    Baseline,
}

/// One answer: the action it is, the key help that picks its key where several keys do the
/// action (`n` "no", `c` "cancel"), and what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    /// What answering so does.
    pub action: Action,
    /// Which of the action's keys to show.
    pub key: Option<KeyHelp>,
    /// The answer's words.
    pub says: Msg,
}

const fn answer(action: Action, key: Option<KeyHelp>, says: Msg) -> Answer {
    Answer { action, key, says }
}

const YES: Option<KeyHelp> = Some(KeyHelp::Yes);
const NO: Option<KeyHelp> = Some(KeyHelp::No);
const CANCEL: Option<KeyHelp> = Some(KeyHelp::Cancel);

impl Question {
    /// The title of its box.
    pub fn title(&self) -> Msg {
        match self {
            Question::Quit => Msg::UnsavedTitle,
            Question::Delete(_) => Msg::DeleteTitle,
            Question::Overwrite => Msg::ChangedTitle,
            Question::Reload => Msg::ReloadTitle,
            Question::Recover(_) => Msg::RecoverTitle,
            Question::Baseline => Msg::BaselineTitle,
        }
    }

    /// Its answers, in the order they are offered.
    pub fn answers(&self) -> &'static [Answer] {
        match self {
            Question::Quit => QUIT,
            Question::Delete(_) => DELETE,
            Question::Overwrite => OVERWRITE,
            Question::Reload => RELOAD,
            Question::Recover(_) => RECOVER,
            Question::Baseline => BASELINE,
        }
    }
}

const QUIT: &[Answer] = &[
    answer(Action::Save, None, Msg::AnswerSaveQuit),
    answer(Action::Discard, None, Msg::AnswerDiscardQuit),
    answer(Action::Cancel, CANCEL, Msg::AnswerCancel),
];
const DELETE: &[Answer] = &[
    answer(Action::Confirm, YES, Msg::AnswerDelete),
    answer(Action::Cancel, NO, Msg::AnswerKeep),
];
const OVERWRITE: &[Answer] = &[
    answer(Action::Overwrite, None, Msg::AnswerOverwrite),
    answer(Action::Reload, None, Msg::AnswerReload),
    answer(Action::Cancel, CANCEL, Msg::AnswerCancel),
];
const RELOAD: &[Answer] = &[
    answer(Action::Confirm, YES, Msg::AnswerReloadYes),
    answer(Action::Cancel, NO, Msg::AnswerKeepEditing),
];
const RECOVER: &[Answer] = &[
    answer(Action::Confirm, YES, Msg::AnswerRecover),
    answer(Action::Discard, None, Msg::AnswerDeleteThem),
    answer(Action::Cancel, CANCEL, Msg::AnswerLater),
];
const BASELINE: &[Answer] = &[
    answer(Action::Confirm, YES, Msg::AnswerReplace),
    answer(Action::Cancel, NO, Msg::AnswerKeep),
];

impl App {
    /// The question being asked, if one is.
    pub fn question(&self) -> Option<&Question> {
        match &self.mode {
            Mode::Ask(question) => Some(question),
            _ => None,
        }
    }

    /// The text of `question`, in the plan's language.
    pub fn question_text(&self, question: &Question) -> String {
        let locale = self.locale();
        let file = self.file_name();
        match question {
            Question::Quit => Msg::UnsavedText.text(locale).to_owned(),
            Question::Delete(index) => {
                let activity = &self.plan().activities[*index];
                let name = crate::text::one_line(&activity.name);
                Msg::DeleteText.fill(locale, &[&activity.code, &activity.hours, &name])
            }
            Question::Overwrite => Msg::ChangedText.fill(locale, &[&file]),
            Question::Reload => Msg::ReloadText.fill(locale, &[&file]),
            Question::Recover(_) => Msg::RecoverText.fill(locale, &[&file, &file]),
            Question::Baseline => {
                let saved = self.plan().baseline.as_ref().map(|baseline| baseline.saved);
                let saved = saved.map(|day| day.to_string()).unwrap_or_default();
                Msg::BaselineText.fill(locale, &[&saved])
            }
        }
    }

    /// Carries out `action` as the answer to the question being asked (other actions do
    /// nothing while it is).
    pub(super) fn answer(&mut self, action: Action) -> Result<(), Failure> {
        let Mode::Ask(question) = &self.mode else {
            return Ok(());
        };
        match question {
            Question::Quit => self.answer_quit(action),
            Question::Delete(index) => {
                let index = *index;
                self.answer_delete(index, action)
            }
            Question::Overwrite => self.answer_conflict(action),
            Question::Reload => self.answer_reload(action),
            Question::Recover(_) => self.answer_recover(action),
            Question::Baseline => self.answer_baseline(action),
        }
    }
}
