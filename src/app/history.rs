//! Changes to the plan and their history: every change is validated and scheduled before it is
//! kept, and remembered with what it was and where it happened, so that undo and redo go back
//! to that day or activity and say what they took back.

use chrono::NaiveDate;

use super::{App, Focus};
use crate::messages::Msg;
use crate::plan::{Plan, validate};
use crate::schedule::{reschedule, schedule_as_of};

/// One step of the history: the plan before (or after) a change, and the change's place.
#[derive(Debug, Clone)]
pub(super) struct Step {
    /// The plan on the other side of the change.
    plan: Plan,
    /// Its revision number (to know whether it is what is on disk).
    revision: u64,
    /// What the change was, for "Undid: …".
    what: String,
    /// Where it happened: the cursor's day, the selected activity, the pane with the keys.
    cursor: NaiveDate,
    selected: usize,
    focus: Focus,
}

impl App {
    /// Changes the plan through `change`, keeping it only if it is valid and schedulable; the
    /// old plan goes on the undo history as `what`.
    pub(super) fn edit(
        &mut self,
        what: String,
        change: impl FnOnce(&mut Plan) -> Result<(), String>,
    ) -> Result<(), String> {
        let mut plan = self.document.plan.clone();
        change(&mut plan)?;
        // An edit of hours, names or dates of activities keeps every rule across fields (the
        // current plan is valid): only other edits are checked whole.
        if !plan.same_shape(&self.document.plan) {
            validate::check(&plan)
                .map_err(|violation| format!("{}: {}", violation.field, violation.message))?;
        }
        self.schedule = reschedule(&plan, &self.document.plan, &self.schedule)
            .map_err(|error| error.to_string())?;
        let old = std::mem::replace(&mut self.document.plan, plan);
        let step = self.step(old, self.revision, what);
        self.undo.push(step);
        self.redo.clear();
        self.last_revision += 1;
        self.revision = self.last_revision;
        self.select(self.selected as i64);
        Ok(())
    }

    fn step(&self, plan: Plan, revision: u64, what: String) -> Step {
        Step {
            plan,
            revision,
            what,
            cursor: self.cursor,
            selected: self.selected,
            focus: self.focus,
        }
    }

    /// Gives the last change a better description (once a form says more about it).
    pub(super) fn rename_last_step(&mut self, what: String) {
        if let Some(step) = self.undo.last_mut() {
            step.what = what;
        }
    }

    /// Folds the last change into the one before it: one undo takes both back.
    pub(super) fn merge_last_step(&mut self) {
        if self.undo.len() >= 2 {
            self.undo.pop();
        }
    }

    /// Takes back the last change without a trace in redo (a form cancelled after its change
    /// was made, as a holiday whose name was being asked).
    pub(super) fn drop_last_change(&mut self) {
        if let Some(step) = self.undo.pop()
            && let Ok(schedule) = schedule_as_of(&step.plan, self.today)
        {
            self.schedule = schedule;
            self.document.plan = step.plan;
            self.revision = step.revision;
            self.select(self.selected as i64);
        }
    }

    /// Undo (`backwards`) or redo: the plan goes back, the cursor and selection go to where the
    /// change was made, and the footer says what was undone or redone.
    pub(super) fn step_history(&mut self, backwards: bool) -> Result<(), String> {
        let popped = if backwards {
            self.undo.pop()
        } else {
            self.redo.pop()
        };
        let Some(step) = popped else {
            let nothing = if backwards {
                Msg::NothingToUndo
            } else {
                Msg::NothingToRedo
            };
            return Err(self.fail(nothing, &[]));
        };
        self.schedule =
            schedule_as_of(&step.plan, self.today).map_err(|error| error.to_string())?;
        let current = std::mem::replace(&mut self.document.plan, step.plan);
        let mirror = Step {
            plan: current,
            revision: self.revision,
            what: step.what.clone(),
            cursor: step.cursor,
            selected: step.selected,
            focus: step.focus,
        };
        if backwards {
            self.redo.push(mirror);
        } else {
            self.undo.push(mirror);
        }
        self.revision = step.revision;
        self.hours_streak = None;
        self.cursor = step.cursor;
        self.focus = step.focus;
        self.select(step.selected as i64);
        let said = if backwards { Msg::Undid } else { Msg::Redid };
        self.tell(said, &[&step.what]);
        Ok(())
    }
}
