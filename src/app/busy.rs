//! Busy time pulled from the calendar server before the view's sync (`Y`): put into the plan
//! as one step that `u` takes back, and what it moved said on the footer with the sync's end.
//! The network is not here: the terminal loop reads the calendars on a thread of its own and
//! hands their answers over.

use super::{App, Failure};
use crate::import::pulled::{PulledCalendar, local_time, with_pulled};
use crate::messages::Msg;

impl App {
    /// The busy calendars read for the sync `Y` started: their busy time replaces what they
    /// brought before, as one undoable step. True when the push may go on; false (said on the
    /// footer, the sync over) when that busy time cannot be put into the plan.
    pub fn busy_pulled(&mut self, calendars: &[PulledCalendar]) -> bool {
        let locale = self.locale();
        let before = self.schedule().clone();
        let pulled = with_pulled(self.plan(), calendars, &local_time)
            .map_err(Failure::from)
            .and_then(|(plan, pulled, _)| {
                let what = self.words(Msg::StepPulledBusy, &[&calendars.len()]);
                self.edit(what, move |current| {
                    *current = plan;
                    Ok(())
                })?;
                Ok(pulled)
            });
        let pulled = match pulled {
            Ok(pulled) => pulled,
            Err(failure) => {
                self.sync.running = false;
                self.sync.pulled = None;
                let why = failure.say(locale);
                self.report_error(Msg::SyncFailed.fill(locale, &[&why]));
                return false;
            }
        };
        let added: usize = pulled.iter().map(|each| each.import.added.len()).sum();
        let replaced: usize = pulled.iter().map(|each| each.removed).sum();
        let moves = crate::moves::moves(self.plan(), &before, self.schedule());
        let mut note = Msg::BusyPulledNote.fill(locale, &[&added, &replaced, &moves.len()]);
        if let Some(first) = moves.first() {
            note.push_str(" · ");
            note.push_str(&crate::moves::line(self.plan(), first, locale));
        }
        self.sync.pulled = Some(note);
        true
    }
}
