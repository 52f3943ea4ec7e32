//! The plan's file: saving (with a question when another program changed it), reloading,
//! noticing changes on disk, and the recovery file of a session ended by a signal.

use super::Failure;
use std::fs;
use std::path::PathBuf;

use super::disk::{Change, recovery_path};
use super::{Action, App, Mode, Question};
use crate::messages::Msg;
use crate::plan::{FileRole, PlanError, PlanLock, parse, parse_file, read_text, save_file};
use crate::schedule::schedule_as_of;

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
    pub(super) fn save(&mut self) -> Result<(), Failure> {
        let _lock = self.lock()?;
        if self.disk.changed_since_known(&self.path) {
            self.mode = Mode::Ask(Question::Overwrite);
            return Ok(());
        }
        self.write()
    }

    fn lock(&mut self) -> Result<PlanLock, Failure> {
        PlanLock::acquire(&self.path).map_err(|error| {
            self.quit_after_save = false;
            Failure::refused(Msg::NotSaved, &[&self.path.display(), &error])
        })
    }

    /// Writes the plan through the safe writer (the caller holds the lock); the recovery file,
    /// now superseded, goes.
    fn write(&mut self) -> Result<(), Failure> {
        let role = FileRole::LockedPlan {
            mode: self.disk.mode(),
        };
        let text = match save_file(&self.path, &self.document, role) {
            Ok(text) => text,
            Err(error) => {
                self.quit_after_save = false;
                return Err(error.into());
            }
        };
        self.disk.remember(&self.path, &text);
        self.saved_revision = self.revision;
        // The recovery file is superseded, recovered edits included.
        let _ = fs::remove_file(recovery_path(&self.path));
        self.recovered = false;
        let path = self.path.display().to_string();
        self.tell(Msg::Saved, &[&path]);
        if self.quit_after_save {
            self.quitting = true;
        }
        Ok(())
    }

    pub(super) fn answer_conflict(&mut self, action: Action) -> Result<(), Failure> {
        match action {
            Action::Overwrite => {
                self.mode = Mode::Normal;
                let _lock = self.lock()?;
                self.write()?;
            }
            Action::Reload => self.mode = Mode::Ask(Question::Reload),
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.quit_after_save = false;
            }
            _ => {}
        }
        Ok(())
    }

    pub(super) fn answer_reload(&mut self, action: Action) -> Result<(), Failure> {
        match action {
            Action::Confirm => {
                self.mode = Mode::Normal;
                self.quit_after_save = false;
                let text = read_text(&self.path).map_err(Failure::from)?;
                self.replace_with(&text)?;
                // Recovered edits that were just dropped are not offered again.
                self.forget_recovery();
                let path = self.path.display().to_string();
                self.tell(Msg::Reloaded, &[&path]);
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
    fn replace_with(&mut self, text: &str) -> Result<(), Failure> {
        let document = parse_file(text, &self.path).map_err(Failure::from)?;
        self.schedule = schedule_as_of(&document.plan, self.today).map_err(Failure::from)?;
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
            Some(Change::Text(text)) if !self.is_dirty() && self.mode == Mode::Normal => {
                match self.replace_with(&text) {
                    Ok(()) => self.tell(Msg::ReloadedFromDisk, &[&name]),
                    Err(error) => {
                        let text = self.words(Msg::ChangedUnusable, &[&name, &error]);
                        self.report_error(text);
                    }
                }
            }
            Some(Change::Text(_)) => {
                let text = self.words(Msg::ChangedWillAsk, &[&name]);
                self.report_error(text);
            }
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
        // A plan changed after the edits were kept makes them stale. A tie is offered: file
        // times tick in milliseconds, and a save removes the recovery file anyway.
        if modified(&self.path).is_ok_and(|plan| plan > saved) {
            return;
        }
        let recovered = read_text(&recovery).and_then(|text| parse(&text, &recovery));
        match recovered {
            Ok(mut document) => {
                document.plan.fallback_title = self.plan().fallback_title.clone();
                self.mode = Mode::Ask(Question::Recover(Box::new(document)));
            }
            Err(error) => {
                let text = self.words(Msg::NotRecovered, &[&error]);
                self.report_error(text);
            }
        }
    }

    pub(super) fn answer_recover(&mut self, action: Action) -> Result<(), Failure> {
        let recovery = recovery_path(&self.path);
        match action {
            Action::Confirm => {
                // The question ends here, and gives up the edits it held.
                let Mode::Ask(Question::Recover(recovered)) =
                    std::mem::replace(&mut self.mode, Mode::Normal)
                else {
                    return Ok(());
                };
                let plan = recovered.plan;
                // One step on top of the file's plan: `u` goes back to what is on disk.
                let what = self.words(Msg::StepRecovered, &[]);
                self.edit(what, |current| {
                    *current = plan;
                    Ok(())
                })?;
                self.recovered = true;
                self.tell(Msg::Recovered, &[]);
            }
            Action::Discard => {
                self.mode = Mode::Normal;
                fs::remove_file(&recovery).map_err(|error| {
                    Failure::refused(Msg::CannotDelete, &[&recovery.display(), &error])
                })?;
                self.tell(Msg::DeletedFile, &[&recovery.display()]);
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.tell(Msg::RecoveryKept, &[&recovery.display()]);
            }
            _ => {}
        }
        Ok(())
    }

    /// Deletes `PLAN.recover` when its edits were recovered into this session and have now
    /// been dropped (quit without saving, reload): they are not to be offered again.
    pub(super) fn forget_recovery(&mut self) {
        if std::mem::take(&mut self.recovered) {
            let _ = fs::remove_file(recovery_path(&self.path));
        }
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
