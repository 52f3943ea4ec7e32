//! The interactive view's state and how actions change it. No drawing here: [`crate::ui`]
//! reads an [`App`], and only [`App::apply`] changes one.

pub mod action;
mod activity;
mod days;
pub mod disk;
mod file;
pub mod form;
pub mod keys;
mod start;

use std::path::{Path, PathBuf};

use chrono::{Months, NaiveDate, TimeDelta};

pub use action::Action;
pub use form::{Form, Purpose};
use keys::Context;

use crate::plan::fields::{format_time, parse_time};
use crate::plan::validate;
use crate::plan::{Document, Hours, Plan};
use crate::schedule::{LAST_DAY, Schedule, ScheduleError, schedule};

/// What has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The month calendars: arrows move the day cursor.
    Calendar,
    /// The Gantt and activity list: ↑/↓ select activities.
    Gantt,
}

/// What a terminal too small for both shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The month calendars.
    Calendar,
    /// The Gantt.
    Gantt,
}

/// How much time one Gantt column stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    /// A day a column.
    Day,
    /// An ISO week a column.
    Week,
    /// A month a column.
    Month,
}

/// What the keys currently talk to.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// The calendars and the Gantt.
    Normal,
    /// The key help over everything.
    Help,
    /// A form over everything.
    Form(Form),
    /// "Save / discard / cancel?" before quitting with unsaved changes.
    ConfirmQuit,
    /// "Delete this activity?"
    ConfirmDelete(usize),
    /// Another program changed the file: overwrite, reload or cancel?
    ConfirmOverwrite,
    /// "Drop the unsaved changes and load the file from disk?"
    ConfirmReload,
    /// Unsaved edits of an earlier session were found: recover, delete or keep them?
    ConfirmRecover(Box<Document>),
}

/// A message in the footer until the next action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The message.
    pub text: String,
    /// Shown as an error.
    pub is_error: bool,
}

/// The state of the interactive view.
#[derive(Debug)]
pub struct App {
    path: PathBuf,
    document: Document,
    schedule: Schedule,
    /// The day the cursor is on.
    pub cursor: NaiveDate,
    /// Today, given from outside so that tests are stable.
    pub today: NaiveDate,
    /// What has the keyboard.
    pub focus: Focus,
    /// What a narrow terminal shows.
    pub view: View,
    /// The Gantt's zoom.
    pub zoom: Zoom,
    /// The selected activity's index.
    pub selected: usize,
    /// What the keys talk to.
    pub mode: Mode,
    /// The footer's message.
    pub status: Option<Status>,
    undo: Vec<(Plan, u64)>,
    redo: Vec<(Plan, u64)>,
    /// Which state of the plan this is; every edit gets a new number, undo brings old ones back.
    revision: u64,
    last_revision: u64,
    saved_revision: u64,
    quitting: bool,
    /// Quit once the save under way (perhaps after a conflict question) succeeds.
    quit_after_save: bool,
    disk: disk::Disk,
    /// The first day of a holiday range being marked.
    pub mark: Option<NaiveDate>,
}

impl App {
    /// Opens `document`, loaded from `path`, with the cursor on its first worked day.
    pub fn new(path: &Path, document: Document, today: NaiveDate) -> Result<Self, ScheduleError> {
        let schedule = schedule(&document.plan)?;
        Ok(App {
            path: path.to_owned(),
            cursor: schedule.start().date(),
            document,
            schedule,
            today,
            focus: Focus::Calendar,
            view: View::Calendar,
            zoom: Zoom::Day,
            selected: 0,
            mode: Mode::Normal,
            status: None,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            last_revision: 0,
            saved_revision: 0,
            quitting: false,
            quit_after_save: false,
            disk: disk::Disk::default(),
            mark: None,
        })
    }

    /// The plan as edited so far.
    pub fn plan(&self) -> &Plan {
        &self.document.plan
    }

    /// The plan's schedule, always up to date with [`App::plan`].
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// The file the plan is saved to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when the plan differs from what is on disk.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// True once the user has asked to leave and nothing stands in the way.
    pub fn should_quit(&self) -> bool {
        self.quitting
    }

    /// The key contexts that apply now, most specific first.
    pub fn key_contexts(&self) -> &'static [Context] {
        match (&self.mode, self.focus) {
            (Mode::Normal, Focus::Calendar) => &[Context::Calendar, Context::Everywhere],
            (Mode::Normal, Focus::Gantt) => &[Context::Gantt, Context::Everywhere],
            (Mode::Help, _) => &[Context::Help],
            (Mode::Form(_), _) => &[Context::Form],
            (
                Mode::ConfirmQuit
                | Mode::ConfirmDelete(_)
                | Mode::ConfirmOverwrite
                | Mode::ConfirmReload
                | Mode::ConfirmRecover(_),
                _,
            ) => &[Context::Question],
        }
    }

    /// Carries out one action; the schedule is recomputed before this returns.
    pub fn apply(&mut self, action: Action) {
        if action == Action::CheckDisk {
            // A timer, not the user: messages stay, and questions are not disturbed.
            self.check_disk();
            return;
        }
        self.status = None;
        let outcome = match &self.mode {
            Mode::Form(_) => self.apply_in_form(action),
            Mode::ConfirmQuit => self.apply_in_quit_question(action),
            Mode::ConfirmDelete(index) => {
                let index = *index;
                self.apply_in_delete_question(index, action)
            }
            Mode::ConfirmOverwrite => self.apply_in_conflict_question(action),
            Mode::ConfirmReload => self.apply_in_reload_question(action),
            Mode::ConfirmRecover(_) => self.apply_in_recover_question(action),
            Mode::Help => {
                self.mode = Mode::Normal;
                Ok(())
            }
            Mode::Normal => self.apply_in_normal(action),
        };
        if let Err(message) = outcome {
            self.report_error(message);
        }
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: false,
        });
    }

    fn report_error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: true,
        });
    }

    fn apply_in_normal(&mut self, action: Action) -> Result<(), String> {
        match action {
            Action::MoveDays(days) => self.move_cursor_days(days),
            Action::MoveMonths(months) => {
                let magnitude = Months::new(months.unsigned_abs());
                let moved = if months < 0 {
                    self.cursor.checked_sub_months(magnitude)
                } else {
                    self.cursor.checked_add_months(magnitude)
                };
                self.cursor = moved.filter(|day| *day <= LAST_DAY).unwrap_or(self.cursor);
            }
            Action::GoToStart => self.cursor = self.schedule.start().date(),
            Action::GoToEnd => {
                self.cursor = self
                    .schedule
                    .worked_days()
                    .map_or(self.cursor, |(_, last)| last)
            }
            Action::GoToToday => self.cursor = self.today,
            Action::ToggleHoliday => return self.toggle_holiday(),
            Action::ShiftHoliday(days) => return self.shift_holiday(days),
            Action::MarkRange => self.mark_range(),
            Action::ToggleException => return self.toggle_exception(),
            Action::ImportHolidays => self.open_import_form(),
            Action::ImportActivities => self.open_activities_form(),
            Action::SwitchFocus => {
                self.focus = match self.focus {
                    Focus::Calendar => Focus::Gantt,
                    Focus::Gantt => Focus::Calendar,
                };
                self.view = match self.focus {
                    Focus::Calendar => View::Calendar,
                    Focus::Gantt => View::Gantt,
                };
            }
            Action::Select(step) => self.select(self.selected as i64 + step),
            Action::ChangeHours(step) => return self.change_hours(step),
            Action::EditActivity => self.open_activity_form(Purpose::Activity(self.selected)),
            Action::AddActivity => self.open_activity_form(Purpose::NewActivity(self.selected + 1)),
            Action::DeleteActivity => self.mode = Mode::ConfirmDelete(self.selected),
            Action::MoveActivity(step) => return self.move_activity(step),
            Action::SetStart => {
                let day = self.cursor;
                self.edit(|plan| {
                    plan.start = day;
                    Ok(())
                })?;
                self.say(format!("The plan now starts on {day}"));
            }
            Action::EditWorkingTime => {
                let plan = self.plan();
                self.mode = Mode::Form(Form::new(
                    Purpose::WorkingTime,
                    "Working time".into(),
                    &[
                        ("Hours per day", plan.hours_per_day.to_string()),
                        ("Day starts at", format_time(plan.day_start)),
                    ],
                ));
            }
            Action::Undo => return self.step_history(true),
            Action::Redo => return self.step_history(false),
            Action::Save => return self.save(),
            Action::Quit if self.mark.is_some() => {
                self.mark = None;
                self.say("Range cancelled");
            }
            Action::Quit => {
                if self.is_dirty() {
                    self.mode = Mode::ConfirmQuit;
                } else {
                    self.quitting = true;
                }
            }
            Action::SwitchView => {
                self.view = match self.view {
                    View::Calendar => View::Gantt,
                    View::Gantt => View::Calendar,
                }
            }
            Action::Zoom => {
                self.zoom = match self.zoom {
                    Zoom::Day => Zoom::Week,
                    Zoom::Week => Zoom::Month,
                    Zoom::Month => Zoom::Day,
                }
            }
            Action::Help => self.mode = Mode::Help,
            Action::Pick(day) => self.cursor = day,
            Action::PickActivity(index) => {
                self.focus = Focus::Gantt;
                self.select(index as i64);
            }
            Action::Type(_)
            | Action::Overwrite
            | Action::Reload
            | Action::CheckDisk
            | Action::Backspace
            | Action::NextField
            | Action::PreviousField
            | Action::Confirm
            | Action::Cancel
            | Action::Discard => {}
        }
        Ok(())
    }

    fn move_cursor_days(&mut self, days: i64) {
        self.cursor = self
            .cursor
            .checked_add_signed(TimeDelta::days(days))
            .filter(|day| *day <= LAST_DAY)
            .unwrap_or(self.cursor);
    }

    fn select(&mut self, index: i64) {
        let last = self.plan().activities.len().saturating_sub(1);
        self.selected = index.clamp(0, last as i64) as usize;
    }

    /// Changes the plan through `change`, keeping it only if it is valid and schedulable;
    /// the old plan goes on the undo stack.
    fn edit(&mut self, change: impl FnOnce(&mut Plan) -> Result<(), String>) -> Result<(), String> {
        let mut plan = self.document.plan.clone();
        change(&mut plan)?;
        validate::check(&plan)
            .map_err(|violation| format!("{}: {}", violation.field, violation.message))?;
        self.schedule = schedule(&plan).map_err(|error| error.to_string())?;
        let old = std::mem::replace(&mut self.document.plan, plan);
        self.undo.push((old, self.revision));
        self.redo.clear();
        self.last_revision += 1;
        self.revision = self.last_revision;
        self.select(self.selected as i64);
        Ok(())
    }

    fn step_history(&mut self, backwards: bool) -> Result<(), String> {
        let (from, to) = if backwards {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some((plan, revision)) = from.pop() else {
            return Err(if backwards {
                "Nothing to undo"
            } else {
                "Nothing to redo"
            }
            .into());
        };
        self.schedule = schedule(&plan).map_err(|error| error.to_string())?;
        let current = std::mem::replace(&mut self.document.plan, plan);
        to.push((current, self.revision));
        self.revision = revision;
        self.select(self.selected as i64);
        self.say(if backwards { "Undone" } else { "Redone" });
        Ok(())
    }

    fn change_hours(&mut self, step: i32) -> Result<(), String> {
        let index = self.selected;
        self.edit(|plan| {
            let activity = plan
                .activities
                .get_mut(index)
                .ok_or("No activity selected")?;
            let quarters = i64::from(activity.hours.quarters()) + i64::from(step) * 4;
            if quarters <= 0 {
                return Err(format!(
                    "{} cannot have less than an hour taken off",
                    activity.code
                ));
            }
            activity.hours = Hours::from_decimal(quarters as f64 / 4.0)
                .map_err(|why| format!("{} {why}", quarters as f64 / 4.0))?;
            Ok(())
        })
    }

    fn move_activity(&mut self, step: i64) -> Result<(), String> {
        let from = self.selected;
        let to = from as i64 + step;
        if to < 0 || to >= self.plan().activities.len() as i64 {
            return Err("The activity is already at that end of the list".into());
        }
        let to = to as usize;
        self.edit(|plan| {
            plan.activities.swap(from, to);
            Ok(())
        })?;
        self.selected = to;
        Ok(())
    }

    fn apply_in_form(&mut self, action: Action) -> Result<(), String> {
        let Mode::Form(form) = &mut self.mode else {
            return Ok(());
        };
        match action {
            Action::Type(c) => form.type_char(c),
            Action::Backspace => form.backspace(),
            Action::NextField => form.move_focus(1),
            Action::PreviousField => form.move_focus(-1),
            // Leaving the new-plan form leaves the program: there is no plan to show.
            Action::Cancel if form.purpose == Purpose::NewPlan => self.quitting = true,
            Action::Cancel => self.mode = Mode::Normal,
            Action::Confirm => {
                let form = form.clone();
                match self.submit(&form) {
                    // Unless accepting it opened the next form (a new plan's first activity).
                    Ok(()) if self.mode == Mode::Form(form) => self.mode = Mode::Normal,
                    Ok(()) => {}
                    Err(message) => {
                        if let Mode::Form(open) = &mut self.mode {
                            open.error = Some(message);
                        }
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Applies an accepted form; an error keeps the form open with the message.
    fn submit(&mut self, form: &Form) -> Result<(), String> {
        match form.purpose {
            Purpose::Activity(index) | Purpose::NewActivity(index) => {
                self.submit_activity(form, index)?
            }
            Purpose::HolidayName(day) => {
                let name = form.value(0);
                let name = (!name.is_empty()).then(|| name.to_owned());
                // Naming belongs to the same step as adding the holiday: one undo takes both back.
                for holiday in &mut self.document.plan.holidays {
                    if holiday.date == day {
                        holiday.name = name.clone();
                    }
                }
                self.say(format!("{day} is now a holiday"));
            }
            Purpose::Exception(day) => self.submit_exception(day, form)?,
            Purpose::ImportHolidays => self.import_holidays(form.value(0))?,
            Purpose::ImportActivities => self.import_activities(form.value(0))?,
            Purpose::NewPlan => self.submit_new_plan(form)?,
            Purpose::WorkingTime => {
                let hours = activity::parse_hours(form.value(0), false)?;
                let opens = parse_time(form.value(1))?;
                self.edit(|plan| {
                    plan.hours_per_day = hours;
                    plan.day_start = opens;
                    Ok(())
                })?;
            }
        }
        Ok(())
    }

    fn apply_in_quit_question(&mut self, action: Action) -> Result<(), String> {
        match action {
            Action::Save => {
                self.mode = Mode::Normal;
                self.quit_after_save = true;
                self.save()?;
            }
            Action::Discard => self.quitting = true,
            Action::Cancel => self.mode = Mode::Normal,
            _ => {}
        }
        Ok(())
    }

    fn apply_in_delete_question(&mut self, index: usize, action: Action) -> Result<(), String> {
        match action {
            Action::Confirm => {
                self.mode = Mode::Normal;
                let code = self.plan().activities[index].code.clone();
                self.edit(|plan| {
                    if plan.activities.len() == 1 {
                        return Err("A plan needs at least one activity".into());
                    }
                    plan.activities.remove(index);
                    Ok(())
                })?;
                self.say(format!("Deleted {code}"));
            }
            Action::Cancel => self.mode = Mode::Normal,
            _ => {}
        }
        Ok(())
    }
}
