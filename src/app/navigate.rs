//! Finding things: the selection (which brings the calendars and the Gantt's time window to
//! the activity), paging, and `/` search over codes and names with `n`/`N`.

use super::Failure;
use super::{App, Focus, Form, Mode, Purpose};
use crate::messages::Msg;
use crate::text::fold;

/// A search: what was typed, and the selection before it started (Esc goes back there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Search {
    query: String,
    origin: usize,
}

impl App {
    /// Selects activity `index` (clamped) and puts the day cursor on its start, so the
    /// calendars and the Gantt's time window show it.
    pub(super) fn select_and_follow(&mut self, index: i64) {
        self.select(index);
        if let Some(span) = self.schedule.spans().get(self.selected) {
            self.cursor = span.start.date();
        }
    }

    /// Opens the search line.
    pub(super) fn open_search(&mut self) {
        let locale = self.locale();
        self.search = Some(Search {
            query: String::new(),
            origin: self.selected,
        });
        self.mode = Mode::Form(Form::new(
            Purpose::Search,
            Msg::FormSearch.text(locale).to_owned(),
            &[(Msg::FieldSearch.text(locale), String::new())],
        ));
    }

    /// As the query is typed: the first match from where the search started.
    pub(super) fn search_typed(&mut self, query: &str) {
        let origin = self
            .search
            .as_ref()
            .map_or(self.selected, |search| search.origin);
        self.search = Some(Search {
            query: query.to_owned(),
            origin,
        });
        if query.is_empty() {
            self.select_and_follow(origin as i64);
            return;
        }
        match self.find(query, origin, true, true) {
            Some(index) => self.show_match(index),
            None => {
                self.status = Some(super::Status {
                    text: self.words(Msg::NotFound, &[&query]),
                    is_error: true,
                })
            }
        }
    }

    /// Esc on the search line: back to where it started.
    pub(super) fn search_cancelled(&mut self) {
        if let Some(search) = &self.search {
            let origin = search.origin as i64;
            self.select_and_follow(origin);
        }
    }

    /// `n` / `N`: the next or previous activity the last search matches, wrapping around.
    pub(super) fn search_again(&mut self, forwards: bool) -> Result<(), Failure> {
        let query = self
            .search
            .as_ref()
            .map(|search| search.query.clone())
            .filter(|query| !query.is_empty());
        let Some(query) = query else {
            self.open_search();
            return Ok(());
        };
        let index = self
            .find(&query, self.selected, forwards, false)
            .ok_or_else(|| Failure::refused(Msg::NotFound, &[&query]))?;
        self.show_match(index);
        Ok(())
    }

    fn show_match(&mut self, index: usize) {
        self.focus = Focus::Gantt;
        self.view = super::View::Gantt;
        self.select_and_follow(index as i64);
        let activity = &self.plan().activities[index];
        let found = format!(
            "{} {}",
            activity.code,
            crate::text::one_line(&activity.name)
        );
        let total = self.plan().activities.len();
        self.tell(Msg::Found, &[&(index + 1), &total, &found]);
    }

    /// The first activity from `from` (itself included when `inclusive`) whose code or name
    /// holds `query`, in either direction, wrapping around; case and accents do not count.
    fn find(&self, query: &str, from: usize, forwards: bool, inclusive: bool) -> Option<usize> {
        let needle = fold(query);
        let activities = &self.plan().activities;
        let count = activities.len();
        let matches = |index: usize| {
            let activity = &activities[index];
            fold(&activity.code).contains(&needle) || fold(&activity.name).contains(&needle)
        };
        let start = usize::from(!inclusive);
        (start..count + start)
            .map(|step| {
                if forwards {
                    (from + step) % count
                } else {
                    (from + count * 2 - step) % count
                }
            })
            .find(|index| matches(*index))
    }
}
