//! The interactive view's state and how actions change it. No drawing here: [`crate::ui`]
//! reads an [`App`], and only [`App::apply`] changes one.

pub mod action;
mod activity;
mod busy;
pub mod commands;
mod days;
pub mod disk;
pub mod export;
mod failure;
mod file;
pub mod form;
mod history;
pub mod key;
pub mod keys;
mod navigate;
pub mod question;
mod start;
mod track;

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Months, NaiveDate, TimeDelta};

pub use action::Action;
pub use commands::CommandPalette;
pub use failure::Failure;
pub use form::{Form, Purpose};
pub use key::Key;
use keys::Context;
pub use question::{Answer, Question};

use crate::messages::Msg;
use crate::palette::Theme;
use crate::plan::{Document, Hours, Locale, Plan};
use crate::schedule::{LAST_DAY, Schedule, ScheduleError, Spare, schedule_as_of};
use history::Step;

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

/// The view's side of a calendar server sync: whether one can be asked for, is asked for, runs,
/// or should stop. The terminal loop runs it on a thread of its own and reports to
/// [`App::sync_reported`].
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct SyncState {
    pub(crate) available: bool,
    /// A holiday calendar is set up to pull from.
    pub(crate) holidays: bool,
    /// What the user asked for and the terminal loop has not started yet.
    pub(crate) wanted: Option<ServerJob>,
    pub(crate) running: bool,
    pub(crate) cancel: bool,
    /// What the busy time pulled before the push brought and moved, said with the sync's end.
    pub(crate) pulled: Option<String>,
}

impl Zoom {
    /// The word for a column at this zoom, as the footer and the Gantt's title say it.
    pub fn unit(self) -> Msg {
        match self {
            Zoom::Day => Msg::ZoomDay,
            Zoom::Week => Msg::ZoomWeek,
            Zoom::Month => Msg::ZoomMonth,
        }
    }
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
    /// A question over everything, before something that cannot be taken back.
    Ask(Question),
    /// The command palette over everything.
    Palette(CommandPalette),
}

/// A message in the footer until the next action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The message.
    pub text: String,
    /// Shown as an error.
    pub is_error: bool,
}

/// What the view can ask of the calendar server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerJob {
    /// Keep the calendar in step with the schedule (`Y`).
    Sync,
    /// Read the holiday calendar into the plan (`F`).
    PullHolidays,
}

/// What a calendar server sync reports to the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncReport {
    /// `done` changes of `total` made.
    Progress(usize, usize),
    /// It finished: how many events were created, updated, deleted, left as they were.
    Done {
        /// Created.
        created: usize,
        /// Updated.
        updated: usize,
        /// Deleted.
        deleted: usize,
        /// Unchanged.
        unchanged: usize,
        /// The server's answers naming places outside the calendar, left alone.
        refused: usize,
    },
    /// It stopped (a fault, or a cancel): why.
    Failed(String),
}

/// Which plan a measurement was made on: its revision, its activity list's address and length.
pub(super) type PlanKey = (u64, usize, usize);

/// The state of the interactive view.
#[derive(Debug)]
pub struct App {
    path: PathBuf,
    document: Document,
    schedule: Schedule,
    /// The buffers of the schedule `schedule` replaced, for the next reschedule to fill.
    spare: Spare,
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
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Which state of the plan this is; every edit gets a new number, undo brings old ones back.
    revision: u64,
    last_revision: u64,
    saved_revision: u64,
    quitting: bool,
    /// Set by an edit that changed nothing during the action being applied: the footer then
    /// says so, whatever the action would have said of a change.
    unchanged: bool,
    /// The calendar server sync, as the view knows it (the network is the terminal loop's).
    pub(crate) sync: SyncState,
    /// `E`'s export, as the view knows it (the writing is the terminal loop's).
    export: export::ExportState,
    /// Quit once the save under way (perhaps after a conflict question) succeeds.
    quit_after_save: bool,
    disk: disk::Disk,
    /// The first day of a holiday range being marked.
    pub mark: Option<NaiveDate>,
    /// The last search, and where the selection was when it started.
    search: Option<navigate::Search>,
    /// How many activity rows the Gantt shows: a page for PgUp/PgDn.
    page_rows: usize,
    /// The activity whose hours `+`/`-` last changed, when, and the revision it made: presses
    /// in a row within a second are one undo step.
    hours_streak: Option<(usize, Instant, u64)>,
    /// The plan holds edits recovered from `PLAN.recover`: that file goes once they are saved
    /// or dropped.
    recovered: bool,
    /// Ctrl+Z was pressed: the terminal loop suspends the program.
    suspend: bool,
    /// The colours the view is drawn in.
    theme: Theme,
    /// The help's page, when it takes more than one screen.
    pub help_page: usize,
    /// The keys in force: the defaults and the user's additions.
    keys: keys::KeyTable,
    /// The person whose calendars are shown (everyone's when `None`).
    pub person: Option<std::sync::Arc<str>>,
    /// The widest code's width, with the plan it was measured on (its revision, and its
    /// activity list's address and length: every change makes a new list): the grids ask on
    /// every frame, and measuring 10,000 codes each time shows.
    widest_code: std::cell::Cell<Option<(PlanKey, usize)>>,
}

impl App {
    /// Opens `document`, loaded from `path`, with the cursor on its first worked day.
    pub fn new(path: &Path, document: Document, today: NaiveDate) -> Result<Self, ScheduleError> {
        let schedule = schedule_as_of(&document.plan, today)?;
        // The plan logs work after today: it is followed up to its last logged day, said.
        let status = (schedule.as_of() > today).then(|| Status {
            text: Msg::StatusDateMoved.fill(document.plan.locale, &[&schedule.as_of(), &today]),
            is_error: false,
        });
        Ok(App {
            path: path.to_owned(),
            cursor: schedule.start().date(),
            document,
            schedule,
            spare: Spare::default(),
            today,
            focus: Focus::Calendar,
            view: View::Calendar,
            zoom: Zoom::Day,
            selected: 0,
            mode: Mode::Normal,
            status,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            last_revision: 0,
            saved_revision: 0,
            quitting: false,
            unchanged: false,
            sync: SyncState::default(),
            export: export::ExportState::default(),
            quit_after_save: false,
            disk: disk::Disk::default(),
            mark: None,
            search: None,
            page_rows: 10,
            hours_streak: None,
            recovered: false,
            suspend: false,
            theme: Theme::dark(),
            help_page: 0,
            keys: keys::KeyTable::default(),
            person: None,
            widest_code: std::cell::Cell::new(None),
        })
    }

    /// The same view, drawn in `theme`.
    pub fn with_theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self
    }

    /// Whether a calendar server is set up to sync with (`Y`), and a holiday calendar to pull
    /// from (`F`).
    pub fn with_sync(mut self, available: bool, holidays: bool) -> Self {
        self.sync.available = available;
        self.sync.holidays = holidays;
        self
    }

    /// `Y` or `F`: the job is wanted, if its calendar is set up and nothing runs.
    fn request(&mut self, job: ServerJob) {
        let (set_up, missing, started) = match job {
            ServerJob::Sync => (self.sync.available, Msg::SyncNoServer, Msg::SyncStarted),
            ServerJob::PullHolidays => (self.sync.holidays, Msg::PullNoServer, Msg::PullStarted),
        };
        if !set_up {
            let said = self.words(missing, &[]);
            self.report_error(said);
        } else if self.sync.running {
            self.tell(Msg::SyncRunning, &[]);
        } else {
            self.sync.wanted = Some(job);
            self.sync.running = true;
            self.sync.cancel = false;
            self.tell(started, &[]);
        }
    }

    /// The job asked for, once: the terminal loop starts it.
    pub fn take_server_request(&mut self) -> Option<ServerJob> {
        self.sync.wanted.take()
    }

    /// True while the running sync should stop.
    pub fn sync_cancelled(&self) -> bool {
        self.sync.cancel
    }

    /// What the running sync reports: progress, or its end (`finished`), said on the footer.
    pub fn sync_reported(&mut self, report: crate::app::SyncReport) {
        let locale = self.locale();
        let (text, is_error, finished) = match report {
            SyncReport::Progress(done, total) => (
                Msg::SyncProgress.fill(locale, &[&done, &total]),
                false,
                false,
            ),
            SyncReport::Done {
                created,
                updated,
                deleted,
                unchanged,
                refused,
            } => {
                let mut text =
                    Msg::SyncDone.fill(locale, &[&created, &updated, &deleted, &unchanged]);
                if refused > 0 {
                    text.push_str(&Msg::SyncRefused.fill(locale, &[&refused]));
                }
                if let Some(pulled) = self.sync.pulled.take() {
                    text.push_str(" · ");
                    text.push_str(&pulled);
                }
                (text, refused > 0, true)
            }
            SyncReport::Failed(why) => (Msg::SyncFailed.fill(locale, &[&why]), true, true),
        };
        if finished {
            self.sync.running = false;
            self.sync.cancel = false;
            self.sync.pulled = None;
        }
        self.status = Some(Status { text, is_error });
    }

    /// Opens with `notice` (a warning about the settings, say) on the footer, as an error.
    pub fn with_notice(mut self, notice: Option<String>) -> Self {
        if let Some(text) = notice {
            self.status = Some(Status {
                text,
                is_error: true,
            });
        }
        self
    }

    /// The colours the view is drawn in.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The same view with these keys.
    pub fn with_keys(mut self, keys: keys::KeyTable) -> Self {
        self.keys = keys;
        self
    }

    /// The keys in force.
    pub fn keys(&self) -> &keys::KeyTable {
        &self.keys
    }

    /// The language the view speaks: the plan's.
    pub fn locale(&self) -> Locale {
        self.plan().locale
    }

    /// The footer's message, in the plan's language.
    fn tell(&mut self, msg: Msg, values: &[&dyn std::fmt::Display]) {
        let text = msg.fill(self.locale(), values);
        self.say(text);
    }

    /// A message in the plan's language: a step's name for the undo history, a form's title.
    fn words(&self, msg: Msg, values: &[&dyn std::fmt::Display]) -> String {
        msg.fill(self.locale(), values)
    }

    /// True once, after Ctrl+Z: the terminal loop stops the program and resumes it.
    pub fn take_suspend(&mut self) -> bool {
        std::mem::take(&mut self.suspend)
    }

    /// The plan as edited so far.
    pub fn plan(&self) -> &Plan {
        &self.document.plan
    }

    /// The width of the widest activity code, in columns.
    pub fn widest_code(&self) -> usize {
        let activities = &self.document.plan.activities;
        let key = self.plan_key();
        match self.widest_code.get() {
            Some((measured, width)) if measured == key => width,
            _ => {
                use unicode_width::UnicodeWidthStr;
                let width = activities
                    .iter()
                    .map(|activity| activity.code.width())
                    .max()
                    .unwrap_or(0);
                self.widest_code.set(Some((key, width)));
                width
            }
        }
    }

    /// What tells one plan from another for the caches: its revision, and where and how many
    /// its activities are (a revision can come back, with an undo, holding other activities).
    fn plan_key(&self) -> PlanKey {
        let activities = &self.document.plan.activities;
        (
            self.revision,
            activities.as_ptr() as usize,
            activities.len(),
        )
    }

    /// Keeps the widest code measured for the plan `was` for the current one, whose codes are
    /// the same (an edit that kept the plan's shape).
    fn carry_widest_code(&self, was: PlanKey) {
        if let Some((measured, width)) = self.widest_code.get()
            && measured == was
        {
            self.widest_code.set(Some((self.plan_key(), width)));
        }
    }

    /// The plan's schedule, always up to date with [`App::plan`].
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// The file the plan is saved to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The plan file's name without its folder, for the header and the questions.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
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
            (Mode::Ask(_), _) => &[Context::Question],
            (Mode::Palette(_), _) => &[Context::Palette],
        }
    }

    /// The action `key` asks for here. A key of the other pane only (`a` pressed on the
    /// calendars) moves to that pane first, so what it does is in view: at 80×24 only one
    /// pane shows.
    pub fn action_for_key(&mut self, key: &Key) -> Option<Action> {
        if let Some(action) = self.keys().action_for(key, self.key_contexts()) {
            return Some(action);
        }
        let other = match (&self.mode, self.focus) {
            (Mode::Normal, Focus::Calendar) => Context::Gantt,
            (Mode::Normal, Focus::Gantt) => Context::Calendar,
            _ => return None,
        };
        let action = self.keys().action_for(key, &[other])?;
        self.switch_pane();
        Some(action)
    }

    /// Carries out one action; the schedule is recomputed before this returns.
    pub fn apply(&mut self, action: Action) {
        match action {
            // A timer, not the user: messages stay, and questions are not disturbed.
            Action::CheckDisk => return self.check_disk(),
            // The screen's size, not the user: likewise.
            Action::ViewRows(rows) => {
                self.page_rows = rows;
                return;
            }
            _ => {}
        }
        self.status = None;
        self.unchanged = false;
        let outcome = match &self.mode {
            Mode::Form(_) => self.apply_in_form(action),
            Mode::Ask(_) => self.answer(action),
            Mode::Help => {
                match action {
                    Action::HelpPage(step) => {
                        self.help_page = (self.help_page as i64 + step).clamp(0, 9) as usize;
                    }
                    _ => {
                        self.mode = Mode::Normal;
                        self.help_page = 0;
                    }
                }
                Ok(())
            }
            Mode::Palette(_) => self.apply_in_palette(action),
            Mode::Normal => self.apply_in_normal(action),
        };
        match outcome {
            Err(failure) => self.report(&failure),
            Ok(()) if self.unchanged => {
                let said = self.words(Msg::NothingToChange, &[]);
                self.say(said);
            }
            Ok(()) => {}
        }
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: false,
        });
    }

    /// Shows why an action did not happen, in the plan's language.
    fn report(&mut self, failure: &Failure) {
        let text = failure.say(self.locale());
        self.report_error(text);
    }

    fn report_error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: true,
        });
    }

    fn apply_in_normal(&mut self, action: Action) -> Result<(), Failure> {
        match action {
            Action::MoveDays(days) => self.move_cursor_days(days),
            Action::MoveMonths(months) => self.move_cursor_months(months),
            Action::GoToStart => self.cursor = self.schedule.start().date(),
            Action::GoToEnd => {
                let last = self.schedule.worked_days().map(|(_, last)| last);
                self.cursor = last.unwrap_or(self.cursor);
            }
            Action::GoToToday => self.cursor = self.today,
            Action::ToggleHoliday => return self.toggle_holiday(),
            Action::ShiftHoliday(days) => return self.shift_holiday(days),
            Action::MarkRange => self.mark_range(),
            Action::ToggleException => return self.toggle_exception(),
            Action::ImportHolidays => self.open_import_form(),
            Action::ImportActivities => self.open_activities_form(),
            Action::Export => self.open_export_form(),
            Action::SwitchFocus | Action::SwitchView => self.switch_pane(),
            Action::Select(step) => self.select_and_follow(self.selected as i64 + step),
            Action::FirstActivity => self.select_and_follow(0),
            Action::LastActivity => self.select_and_follow(i64::MAX),
            Action::PageRows(pages) => {
                let rows = self.page_rows.max(1) as i64;
                self.select_and_follow(self.selected as i64 + pages * rows);
            }
            Action::PickActivity(index) => {
                self.focus = Focus::Gantt;
                self.select_and_follow(index as i64);
            }
            Action::Search => self.open_search(),
            Action::SearchNext => return self.search_again(true),
            Action::SearchPrevious => return self.search_again(false),
            Action::ChangeHours(step) => return self.change_hours(step),
            Action::EditActivity => self.open_activity_form(Purpose::Activity(self.selected)),
            Action::AddActivity => self.open_activity_form(Purpose::NewActivity(self.selected + 1)),
            Action::DeleteActivity => self.mode = Mode::Ask(Question::Delete(self.selected)),
            Action::MoveActivity(step) => return self.move_activity(step),
            Action::SetStart => return self.set_start(),
            Action::CyclePerson => self.cycle_person(),
            Action::LogHours => self.open_log_form(),
            Action::ToggleDone => return self.toggle_done(),
            Action::SaveBaseline => return self.ask_baseline(),
            Action::EditWorkingTime if self.person.is_some() => self.open_person_time_form(),
            Action::EditWorkingTime => self.open_working_time_form(),
            Action::Undo => return self.step_history(true),
            Action::Redo => return self.step_history(false),
            Action::Save => return self.save(),
            Action::Sync => self.request(ServerJob::Sync),
            Action::PullHolidays => self.request(ServerJob::PullHolidays),
            Action::Cancel if self.sync.running => {
                self.sync.cancel = true;
                self.tell(Msg::SyncCancelling, &[]);
            }
            Action::Cancel if self.mark.is_some() => {
                self.mark = None;
                self.tell(Msg::RangeCancelled, &[]);
            }
            Action::Quit => self.ask_to_quit(),
            Action::Suspend => self.suspend = true,
            Action::Zoom => self.cycle_zoom(),
            Action::Help => self.mode = Mode::Help,
            Action::Palette => self.open_palette(),
            Action::Pick(day) => self.cursor = day,
            Action::Type(_)
            | Action::Overwrite
            | Action::Reload
            | Action::CheckDisk
            | Action::ViewRows(_)
            | Action::HelpPage(_)
            | Action::EditText(_)
            | Action::NextField
            | Action::PreviousField
            | Action::Confirm
            | Action::Cancel
            | Action::Discard => {}
        }
        Ok(())
    }

    /// PgUp/PgDn over the calendars: the cursor `months` months on, within the calendar.
    fn move_cursor_months(&mut self, months: i32) {
        let magnitude = Months::new(months.unsigned_abs());
        let moved = if months < 0 {
            self.cursor.checked_sub_months(magnitude)
        } else {
            self.cursor.checked_add_months(magnitude)
        };
        self.cursor = moved.filter(|day| *day <= LAST_DAY).unwrap_or(self.cursor);
    }

    /// `s` on a day: the plan starts there.
    fn set_start(&mut self) -> Result<(), Failure> {
        let day = self.cursor;
        let what = self.words(Msg::StepStart, &[&day]);
        self.edit(what, |plan| {
            plan.start = day;
            Ok(())
        })?;
        self.tell(Msg::PlanStartsOn, &[&day]);
        Ok(())
    }

    /// The form for the plan's windows: when each workday's work is done.
    fn open_working_time_form(&mut self) {
        let locale = self.locale();
        let windows = self.schedule().calendar().windows();
        let fields = [(
            Msg::FieldWindows.text(locale),
            crate::plan::window::typed(windows),
        )];
        let title = Msg::FormWorkingTime.text(locale).into();
        self.mode = Mode::Form(Form::new(Purpose::WorkingTime, title, &fields));
    }

    /// `q`: quits, or asks first when there are unsaved changes.
    fn ask_to_quit(&mut self) {
        self.mark = None;
        if self.is_dirty() {
            self.mode = Mode::Ask(Question::Quit);
        } else {
            self.quitting = true;
        }
    }

    /// `z`: the Gantt's next zoom, days → weeks → months → days.
    fn cycle_zoom(&mut self) {
        self.zoom = match self.zoom {
            Zoom::Day => Zoom::Week,
            Zoom::Week => Zoom::Month,
            Zoom::Month => Zoom::Day,
        };
        let unit = self.zoom.unit().text(self.locale());
        self.tell(Msg::ZoomNow, &[&unit]);
    }

    /// Tab and `v`: the other pane gets the keys, and on a screen too small for both, it shows.
    fn switch_pane(&mut self) {
        (self.focus, self.view) = match self.focus {
            Focus::Calendar => (Focus::Gantt, View::Gantt),
            Focus::Gantt => (Focus::Calendar, View::Calendar),
        };
        let now = match self.focus {
            Focus::Calendar => Msg::FocusCalendars,
            Focus::Gantt => Msg::FocusGantt,
        };
        self.tell(now, &[]);
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

    fn change_hours(&mut self, step: i32) -> Result<(), Failure> {
        let index = self.selected;
        let code = self.plan().activities.get(index).map(|a| a.code.clone());
        let code = code.ok_or_else(|| Failure::refused(Msg::NoActivitySelected, &[]))?;
        let quarters =
            i64::from(self.plan().activities[index].hours.minutes() / 15) + i64::from(step) * 4;
        if quarters <= 0 {
            return Err(Failure::refused(Msg::LessThanAnHour, &[&code]));
        }
        let hours = Hours::from_decimal(quarters as f64 / 4.0)
            .map_err(|why| Failure::hours(&(quarters as f64 / 4.0).to_string(), why))?;
        // Presses in a row on one activity within a second are one step to undo.
        let streak = self.hours_streak.filter(|(at, when, revision)| {
            *at == index && when.elapsed().as_secs_f64() < 1.0 && *revision == self.revision
        });
        let what = self.words(Msg::StepHours, &[&code]);
        self.edit_activity(what, index, |activity| activity.hours = hours)?;
        if streak.is_some() {
            self.merge_last_step();
        }
        self.hours_streak = Some((index, Instant::now(), self.revision));
        self.tell(Msg::HoursNow, &[&code, &hours]);
        Ok(())
    }

    fn move_activity(&mut self, step: i64) -> Result<(), Failure> {
        let from = self.selected;
        let to = from as i64 + step;
        if to < 0 || to >= self.plan().activities.len() as i64 {
            return Err(Failure::refused(Msg::AtThatEnd, &[]));
        }
        let to = to as usize;
        let code = self.plan().activities[from].code.clone();
        let what = self.words(Msg::StepMoved, &[&code]);
        self.edit(what, |plan| {
            plan.activities.swap(from, to);
            Ok(())
        })?;
        self.selected = to;
        self.tell(Msg::MovedActivity, &[&code, &(to + 1)]);
        Ok(())
    }

    fn apply_in_form(&mut self, action: Action) -> Result<(), Failure> {
        let Mode::Form(form) = &mut self.mode else {
            return Ok(());
        };
        let purpose = form.purpose;
        match action {
            Action::Type(c) => form.type_char(c),
            Action::EditText(edit) => form.edit(edit),
            // In the holiday picker, Tab takes the first calendar that matches.
            // (once it is taken, or with none to take, Tab goes on to the next field).
            Action::NextField if purpose == Purpose::ImportHolidays && form.focus == 0 => {
                let code = form
                    .suggestions
                    .first()
                    .and_then(|first| first.split_whitespace().next())
                    .map(str::to_owned)
                    .filter(|code| *code != form.fields[0].value);
                match code {
                    Some(code) => {
                        form.fields[0].value = code;
                        form.fields[0].cursor = form.fields[0].value.chars().count();
                    }
                    None => form.move_focus(1),
                }
            }
            Action::NextField => form.move_focus(1),
            Action::PreviousField => form.move_focus(-1),
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.form_cancelled(purpose);
                return Ok(());
            }
            Action::Confirm => {
                let form = form.clone();
                match self.submit(&form) {
                    // Unless accepting it opened the next form (a new plan's first activity).
                    Ok(()) if self.mode == Mode::Form(form) => self.mode = Mode::Normal,
                    Ok(()) => {}
                    Err(failure) => {
                        let message = failure.say(self.locale());
                        if let Mode::Form(open) = &mut self.mode {
                            open.error = Some(message);
                        }
                    }
                }
                return Ok(());
            }
            _ => return Ok(()),
        }
        if purpose == Purpose::ImportHolidays
            && let Mode::Form(form) = &mut self.mode
        {
            form.suggestions = crate::import::bundled::matching(form.value(0), 6);
        }
        // The search moves as it is typed.
        if purpose == Purpose::Search
            && let Mode::Form(form) = &self.mode
        {
            let query = form.value(0).to_owned();
            self.search_typed(&query);
        }
        Ok(())
    }

    /// Esc on a form cancels the whole action it belongs to.
    fn form_cancelled(&mut self, purpose: Purpose) {
        match purpose {
            // Leaving the new-plan form leaves the program: there is no plan to show.
            Purpose::NewPlan => self.quitting = true,
            // The holiday was added when its name was asked: it goes too.
            Purpose::HolidayName(_) => self.drop_last_change(),
            Purpose::Search => self.search_cancelled(),
            _ => {}
        }
    }

    /// Applies an accepted form; an error keeps the form open with the message.
    fn submit(&mut self, form: &Form) -> Result<(), Failure> {
        match form.purpose {
            Purpose::Activity(index) | Purpose::NewActivity(index) => {
                self.submit_activity(form, index)?
            }
            Purpose::HolidayName(day) => self.name_holiday(day, form),
            Purpose::Exception(day) => self.submit_exception(day, form)?,
            Purpose::ImportHolidays => self.import_as(form.value(0), form.value(1))?,
            Purpose::ImportActivities => self.import_activities(form.value(0))?,
            Purpose::Export => self.submit_export(form)?,
            Purpose::NewPlan => self.submit_new_plan(form)?,
            Purpose::Search => {}
            Purpose::PersonTime => self.submit_person_time(form)?,
            Purpose::Log(day) => self.submit_log(day, form)?,
            Purpose::WorkingTime => {
                let windows = crate::plan::window::parse_list(form.value(0))?;
                let what = self.words(Msg::StepWorkingTime, &[]);
                let told = (
                    crate::plan::window::total(&windows),
                    crate::plan::window::shown(&windows),
                );
                self.edit(what, |plan| {
                    plan.set_windows(windows);
                    Ok(())
                })?;
                self.tell(Msg::WorkingTimeNow, &[&told.0, &told.1]);
            }
        }
        Ok(())
    }

    fn answer_quit(&mut self, action: Action) -> Result<(), Failure> {
        match action {
            Action::Save => {
                self.mode = Mode::Normal;
                self.quit_after_save = true;
                self.save()?;
            }
            Action::Discard => {
                self.forget_recovery();
                self.quitting = true;
            }
            Action::Cancel => self.mode = Mode::Normal,
            _ => {}
        }
        Ok(())
    }

    fn answer_delete(&mut self, index: usize, action: Action) -> Result<(), Failure> {
        match action {
            Action::Confirm => {
                self.mode = Mode::Normal;
                let code = self.plan().activities[index].code.clone();
                let what = self.words(Msg::StepDeleted, &[&code]);
                self.edit(what, |plan| {
                    if plan.activities.len() == 1 {
                        return Err(Failure::refused(Msg::NeedsAnActivity, &[]));
                    }
                    plan.activities.remove(index);
                    Ok(())
                })?;
                self.tell(Msg::DeletedActivity, &[&code]);
            }
            Action::Cancel => self.mode = Mode::Normal,
            _ => {}
        }
        Ok(())
    }
}
