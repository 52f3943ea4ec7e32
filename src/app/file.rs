//! The plan's file: saving (with a question when another program changed it), reloading,
//! noticing changes on disk, and the recovery file of a session ended by a signal.

use std::fs;
use std::path::PathBuf;

use super::disk::{Change, recovery_path};
use super::{Action, App, Mode};
use crate::plan::{FileRole, PlanError, PlanLock, parse, parse_file, read_text, save_file};
use crate::schedule::schedule;

impl App {
    /// Records the text the plan was read from, so that changes made by other programs to the
    /// file are noticed (see [`App::apply`] with [`Action::CheckDisk`]).
    pub fn loaded_from(mut self, text: &str) -> Self {
        self.disk.remember(&self.path, text);
        self
    }

    /// Saves, unless the file changed on disk since it was read (into anything: another plan,
    /// or something that is no plan at all): then asks first. The plan's lock is held from the
    /// look at the file to the end of the write, so no other program's change slips between.
    pub(super) fn save(&mut self) -> Result<(), String> {
        let _lock = self.lock()?;
        if self.disk.changed_since_known(&self.path) {
            self.mode = Mode::ConfirmOverwrite;
            return Ok(());
        }
        self.write()
    }

    fn lock(&mut self) -> Result<PlanLock, String> {
        PlanLock::acquire(&self.path).map_err(|error| {
            self.quit_after_save = false;
            format!("{}: not saved: {error}", self.path.display())
        })
    }

    /// Writes the plan through the safe writer (the caller holds the lock); the recovery file,
    /// now superseded, goes.
    fn write(&mut self) -> Result<(), String> {
        let role = FileRole::LockedPlan {
            mode: self.disk.mode(),
        };
        let text = match save_file(&self.path, &self.document, role) {
            Ok(text) => text,
            Err(error) => {
                self.quit_after_save = false;
                return Err(error.to_string());
            }
        };
        self.disk.remember(&self.path, &text);
        self.saved_revision = self.revision;
        let _ = fs::remove_file(recovery_path(&self.path));
        self.say(format!("Saved {}", self.path.display()));
        if self.quit_after_save {
            self.quitting = true;
        }
        Ok(())
    }

    pub(super) fn apply_in_conflict_question(&mut self, action: Action) -> Result<(), String> {
        match action {
            Action::Overwrite => {
                self.mode = Mode::Normal;
                let _lock = self.lock()?;
                self.write()?;
            }
            Action::Reload => self.mode = Mode::ConfirmReload,
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.quit_after_save = false;
            }
            _ => {}
        }
        Ok(())
    }

    pub(super) fn apply_in_reload_question(&mut self, action: Action) -> Result<(), String> {
        match action {
            Action::Confirm => {
                self.mode = Mode::Normal;
                self.quit_after_save = false;
                let text = read_text(&self.path).map_err(|error| error.to_string())?;
                self.replace_with(&text)?;
                self.say(format!("Reloaded {}", self.path.display()));
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.quit_after_save = false;
            }
            _ => {}
        }
        Ok(())
    }

    /// Makes `text` (the file's content) the plan, as if just opened: the history starts afresh.
    fn replace_with(&mut self, text: &str) -> Result<(), String> {
        let document = parse_file(text, &self.path).map_err(|error| error.to_string())?;
        self.schedule = schedule(&document.plan).map_err(|error| error.to_string())?;
        self.document = document;
        self.undo.clear();
        self.redo.clear();
        self.last_revision += 1;
        self.revision = self.last_revision;
        self.saved_revision = self.revision;
        self.disk.remember(&self.path, text);
        self.select(self.selected as i64);
        Ok(())
    }

    /// Reloads a file another program changed, when nothing would be lost; otherwise warns.
    pub(super) fn check_disk(&mut self) {
        let name = self.path.display().to_string();
        match self.disk.poll(&self.path) {
            None => {}
            Some(Change::Text(text)) if !self.is_dirty() && self.mode == Mode::Normal => match self
                .replace_with(&text)
            {
                Ok(()) => self.say(format!("{name} changed on disk: reloaded")),
                Err(error) => self.report_error(format!(
                    "{name} changed on disk but cannot be used; kept the plan on screen: {error}"
                )),
            },
            Some(Change::Text(_)) => self.report_error(format!(
                "{name} changed on disk; saving will ask before overwriting it"
            )),
            Some(Change::Unreadable(error)) => self.report_error(error.to_string()),
        }
    }

    /// Offers the unsaved edits an earlier session left in `PLAN.recover`, when that file is
    /// newer than the plan. An unreadable recovery file is reported and left alone.
    pub fn offer_recovery(&mut self) {
        let recovery = recovery_path(&self.path);
        let modified = |path: &std::path::Path| fs::metadata(path).and_then(|meta| meta.modified());
        let Ok(saved) = modified(&recovery) else {
            return;
        };
        if modified(&self.path).is_ok_and(|plan| plan >= saved) {
            return;
        }
        let recovered = read_text(&recovery).and_then(|text| parse(&text, &recovery));
        match recovered {
            Ok(mut document) => {
                document.plan.fallback_title = self.plan().fallback_title.clone();
                self.mode = Mode::ConfirmRecover(Box::new(document));
            }
            Err(error) => self.report_error(format!("Not recovered: {error}")),
        }
    }

    pub(super) fn apply_in_recover_question(&mut self, action: Action) -> Result<(), String> {
        let Mode::ConfirmRecover(recovered) = &self.mode else {
            return Ok(());
        };
        let recovery = recovery_path(&self.path);
        match action {
            Action::Confirm => {
                let plan = recovered.plan.clone();
                self.mode = Mode::Normal;
                // One step on top of the file's plan: `u` goes back to what is on disk.
                self.edit(|current| {
                    *current = plan;
                    Ok(())
                })?;
                self.say("Recovered the unsaved edits: s saves them");
            }
            Action::Discard => {
                self.mode = Mode::Normal;
                fs::remove_file(&recovery)
                    .map_err(|error| format!("{}: cannot delete: {error}", recovery.display()))?;
                self.say(format!("Deleted {}", recovery.display()));
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.say(format!(
                    "{} kept; it is offered again next time",
                    recovery.display()
                ));
            }
            _ => {}
        }
        Ok(())
    }

    /// Writes the unsaved edits to `PLAN.recover` (atomically), for a session ended by a
    /// signal; returns where, or `None` when there was nothing unsaved.
    pub fn write_recovery(&self) -> Result<Option<PathBuf>, PlanError> {
        if !self.is_dirty() {
            return Ok(None);
        }
        let recovery = recovery_path(&self.path);
        let role = FileRole::Copy {
            mode: self.disk.mode(),
        };
        save_file(&recovery, &self.document, role)?;
        Ok(Some(recovery))
    }
}
