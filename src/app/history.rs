//! Changes to the plan and their history: every change is validated and scheduled before it is
//! kept, and remembered with what it was and where it happened, so that undo and redo go back
//! to that day or activity and say what they took back.

use super::Failure;
use chrono::NaiveDate;

use super::{App, Focus};
use crate::messages::Msg;
use crate::plan::{Activity, Plan, validate};
use crate::schedule::{Schedule, reschedule_activity, reschedule_shaped, schedule_as_of};

/// What is on the other side of a change: the whole plan, or (for an edit of one activity's
/// hours, name or dates) that activity alone. A copy of a 10,000-activity plan for every `+`
/// cost more than the edit's whole recompute.
#[derive(Debug, Clone)]
enum Change {
    Plan(Box<Plan>),
    Activity { index: usize, activity: Activity },
}

/// One step of the history: the plan before (or after) a change, and the change's place.
#[derive(Debug, Clone)]
pub(super) struct Step {
    /// The plan, or the activity, on the other side of the change.
    change: Change,
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
        change: impl FnOnce(&mut Plan) -> Result<(), Failure>,
    ) -> Result<(), Failure> {
        let mut plan = self.document.plan.clone();
        change(&mut plan)?;
        // A change that changes nothing is no step to undo (the footer says so).
        if plan == self.document.plan {
            self.unchanged = true;
            return Ok(());
        }
        // An edit of hours, names or dates of activities keeps every rule across fields (the
        // current plan is valid): only other edits are checked whole.
        let same_shape = plan.same_shape(&self.document.plan);
        if !same_shape {
            validate::check(&plan).map_err(Failure::Invalid)?;
        }
        let spare = std::mem::take(&mut self.spare);
        let schedule = reschedule_shaped(
            &plan,
            &self.document.plan,
            &self.schedule,
            same_shape,
            spare,
        )
        .map_err(Failure::from)?;
        self.replace_schedule(schedule);
        let was = self.plan_key();
        let old = std::mem::replace(&mut self.document.plan, plan);
        self.remember(Change::Plan(Box::new(old)), what, was, same_shape);
        Ok(())
    }

    /// Changes activity `index` through `change`, for edits of its hours, name or dates: the
    /// plan is changed in place and only the activity goes on the undo history. Any other
    /// change (its code, person, links or tracking) goes through [`App::edit`].
    pub(super) fn edit_activity(
        &mut self,
        what: String,
        index: usize,
        change: impl FnOnce(&mut Activity),
    ) -> Result<(), Failure> {
        let Some(before) = self.document.plan.activities.get(index).cloned() else {
            return Err(Failure::refused(Msg::NoActivitySelected, &[]));
        };
        let mut after = before.clone();
        change(&mut after);
        if after == before {
            self.unchanged = true;
            return Ok(());
        }
        if !after.same_shape(&before) {
            return self.edit(what, |plan| {
                plan.activities[index] = after;
                Ok(())
            });
        }
        let was = self.plan_key();
        let change = self.swap_in(Change::Activity {
            index,
            activity: after,
        })?;
        self.remember(change, what, was, true);
        Ok(())
    }

    /// Makes `schedule` the current one; the one it replaces becomes the spare buffers the next
    /// reschedule fills (see [`crate::schedule::Spare`]).
    fn replace_schedule(&mut self, schedule: Schedule) {
        self.spare = std::mem::replace(&mut self.schedule, schedule).into_spare();
    }

    /// Puts a change's plan or activity in place of the current one and schedules it: returns
    /// the change that takes it back. On a schedule error nothing has changed.
    fn swap_in(&mut self, change: Change) -> Result<Change, Failure> {
        match change {
            Change::Plan(plan) => {
                let schedule = schedule_as_of(&plan, self.today).map_err(Failure::from)?;
                self.replace_schedule(schedule);
                Ok(Change::Plan(Box::new(std::mem::replace(
                    &mut self.document.plan,
                    *plan,
                ))))
            }
            Change::Activity { index, activity } => {
                let activities = &mut self.document.plan.activities;
                let current = std::mem::replace(&mut activities[index], activity);
                let spare = std::mem::take(&mut self.spare);
                match reschedule_activity(&self.document.plan, &self.schedule, index, spare) {
                    Ok(schedule) => {
                        self.replace_schedule(schedule);
                        Ok(Change::Activity {
                            index,
                            activity: current,
                        })
                    }
                    Err(error) => {
                        self.document.plan.activities[index] = current;
                        Err(error.into())
                    }
                }
            }
        }
    }

    /// Puts the change that takes an edit back on the undo history, as a new revision. The
    /// plan's widest code carries over from the plan `was` when the edit kept its shape.
    fn remember(&mut self, change: Change, what: String, was: super::PlanKey, same_shape: bool) {
        let step = self.step(change, self.revision, what);
        self.undo.push(step);
        self.redo.clear();
        self.last_revision += 1;
        self.revision = self.last_revision;
        if same_shape {
            // The same codes: the widest is still the widest.
            self.carry_widest_code(was);
        }
        self.select(self.selected as i64);
    }

    fn step(&self, change: Change, revision: u64, what: String) -> Step {
        Step {
            change,
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

    /// Folds the last change into the one before it: one undo takes both back. The one
    /// before must restore all the last one changed: a whole plan, or the same activity (as
    /// `+`/`-` pressed in a row are).
    pub(super) fn merge_last_step(&mut self) {
        if let [.., before, last] = &self.undo[..] {
            debug_assert!(match (&before.change, &last.change) {
                (Change::Activity { index: a, .. }, Change::Activity { index: b, .. }) => a == b,
                (Change::Activity { .. }, Change::Plan(_)) => false,
                (Change::Plan(_), _) => true,
            });
            self.undo.pop();
        }
    }

    /// Takes back the last change without a trace in redo (a form cancelled after its change
    /// was made, as a holiday whose name was being asked).
    pub(super) fn drop_last_change(&mut self) {
        if let Some(step) = self.undo.pop()
            && self.swap_in(step.change).is_ok()
        {
            self.revision = step.revision;
            self.select(self.selected as i64);
        }
    }

    /// Undo (`backwards`) or redo: the plan goes back, the cursor and selection go to where the
    /// change was made, and the footer says what was undone or redone.
    pub(super) fn step_history(&mut self, backwards: bool) -> Result<(), Failure> {
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
            return Err(Failure::refused(nothing, &[]));
        };
        let current = self.swap_in(step.change)?;
        let mirror = Step {
            change: current,
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
