//! Following the plan from the view: `L` logs hours on the cursor's day, `D` marks the selected
//! activity done, `b` saves the baseline. Each is one undoable change through [`App::edit`].

use super::Failure;
use chrono::NaiveDate;

use super::activity::parse_hours;
use super::form::{Form, Purpose};
use super::{App, Focus, Mode};
use crate::calendar::day_info_for;
use crate::messages::Msg;
use crate::plan::Hours;
use crate::status::baseline_of;

impl App {
    /// The log form for the cursor's day: the activity planned (or logged) that day, else the
    /// one in progress; its hours that day, or (nothing planned there, the work having moved
    /// on) the day's working hours, never more than it has left; the note already written.
    /// A day still to come is refused before the form opens, and a day with entries says
    /// what is logged on it in the form's title.
    pub(super) fn open_log_form(&mut self) {
        let day = self.cursor;
        if day > self.today {
            let said = self.words(Msg::LogAfterToday, &[&day, &self.today]);
            self.report_error(said);
            return;
        }
        let plan = self.plan();
        let schedule = self.schedule();
        let info = day_info_for(schedule, day, self.person.as_deref());
        let index = info
            .worked(plan)
            .map(|slot| slot.activity)
            .find(|index| !plan.activities[*index].is_milestone())
            .or_else(|| self.activity_in_progress())
            .unwrap_or(self.selected);
        let Some(activity) = plan.activities.get(index) else {
            return;
        };
        let entry = plan
            .log_entries()
            .iter()
            .find(|entry| entry.date == day && entry.code == activity.code);
        let planned: Hours = info
            .work_slots(plan)
            .filter(|slot| slot.activity == index)
            .map(|slot| slot.hours)
            .sum();
        let hours = match entry {
            Some(entry) => entry.hours,
            None if planned.is_zero() => self.day_hours_for(index, day),
            None => planned,
        };
        let note = entry
            .and_then(|entry| entry.note.clone())
            .unwrap_or_default();
        let locale = self.locale();
        let logged: Vec<String> = plan
            .log_entries()
            .iter()
            .filter(|entry| entry.date == day)
            .map(|entry| format!("{} {} h", entry.code, entry.hours))
            .collect();
        let mut title = Msg::FormLog.fill(locale, &[&day]);
        if !logged.is_empty() {
            title = Msg::FormLogged.fill(locale, &[&title, &logged.join(", ")]);
        }
        self.mode = Mode::Form(Form::new(
            Purpose::Log(day),
            title,
            &[
                (Msg::FieldActivity.text(locale), activity.code.to_string()),
                (Msg::FieldHours.text(locale), hours.to_string()),
                (Msg::FieldNote.text(locale), note),
            ],
        ));
    }

    /// The first activity, by its start, with work left: what a day that shows no work (the
    /// plan having moved it past the status date) was most likely spent on.
    fn activity_in_progress(&self) -> Option<usize> {
        let (plan, schedule) = (self.plan(), self.schedule());
        (0..plan.activities.len())
            .filter(|index| !plan.activities[*index].is_milestone())
            .filter(|index| {
                crate::status::activity_status(plan, schedule, *index)
                    .is_none_or(|status| !status.remaining.is_zero())
            })
            .min_by_key(|index| schedule.spans()[*index].start)
    }

    /// A working day's hours for `index` (its person's), at most what the activity has left.
    fn day_hours_for(&self, index: usize, day: NaiveDate) -> Hours {
        let (plan, schedule) = (self.plan(), self.schedule());
        // The plan's calendar for an activity nobody is named for.
        let calendar = schedule.calendar_of_person(&plan.activities[index].who);
        let left = crate::status::activity_status(plan, schedule, index)
            .map_or(plan.activities[index].hours, |status| status.remaining);
        calendar.capacity(day).min(left)
    }

    /// Adds or replaces the day's entry of the form's activity (0 hours takes it away).
    pub(super) fn submit_log(&mut self, day: NaiveDate, form: &Form) -> Result<(), Failure> {
        if day > self.today {
            return Err(Failure::refused(Msg::LogAfterToday, &[&day, &self.today]));
        }
        let plan = self.plan();
        let index = plan.find_code(form.value(0)).ok_or_else(|| {
            let typed = crate::text::normalize_code(form.value(0));
            Failure::refused(Msg::NoSuchCode, &[&typed])
        })?;
        let code = plan.activities[index].code.clone();
        if plan.activities[index].is_milestone() {
            return Err(Failure::refused(Msg::MilestoneNotLogged, &[&code]));
        }
        let hours = parse_hours(form.value(1), true)?;
        let note = Some(form.value(2).trim().to_owned()).filter(|note| !note.is_empty());
        let was_tracked = plan.is_tracked();
        let what = self.words(Msg::StepLog, &[&code, &day]);
        self.edit(what, |plan| {
            plan.log_hours(day, code.clone(), hours, Some(note));
            Ok(())
        })?;
        self.selected = index;
        let mut said = if hours.is_zero() {
            self.words(Msg::LogRemoved, &[&code, &day])
        } else {
            self.words(Msg::LoggedHours, &[&code, &hours, &day])
        };
        if !was_tracked {
            said = format!("{} · {said}", self.words(Msg::TrackingOn, &[&self.today]));
        }
        self.say(said);
        Ok(())
    }

    /// Marks the selected activity done, or not done again.
    pub(super) fn toggle_done(&mut self) -> Result<(), Failure> {
        let index = self.selected;
        let Some(activity) = self.plan().activities.get(index) else {
            return Err(Failure::refused(Msg::NoActivitySelected, &[]));
        };
        let code = activity.code.clone();
        if activity.is_milestone() {
            return Err(Failure::refused(Msg::MilestoneNotLogged, &[&code]));
        }
        let done = !activity.done;
        let logged = self
            .plan()
            .log_entries()
            .iter()
            .any(|entry| entry.code == code);
        if done && !logged {
            return Err(Failure::refused(Msg::NothingLogged, &[&code]));
        }
        let what = if done {
            self.words(Msg::StepDone, &[&code])
        } else {
            self.words(Msg::StepNotDone, &[&code])
        };
        self.edit(what, |plan| {
            plan.activities[index].done = done;
            Ok(())
        })?;
        self.focus = Focus::Gantt;
        let said = if done {
            Msg::MarkedDone
        } else {
            Msg::MarkedNotDone
        };
        self.tell(said, &[&code]);
        Ok(())
    }

    /// Saves the baseline, or asks first when the plan has one.
    pub(super) fn ask_baseline(&mut self) -> Result<(), Failure> {
        if self.plan().baseline.is_some() {
            self.mode = Mode::Ask(super::Question::Baseline);
            return Ok(());
        }
        self.save_baseline()
    }

    pub(super) fn answer_baseline(&mut self, action: super::Action) -> Result<(), Failure> {
        match action {
            super::Action::Confirm => {
                self.mode = Mode::Normal;
                self.save_baseline()?;
            }
            super::Action::Cancel => self.mode = Mode::Normal,
            _ => {}
        }
        Ok(())
    }

    /// The schedule as it stands today becomes the baseline.
    fn save_baseline(&mut self) -> Result<(), Failure> {
        let baseline = baseline_of(self.plan(), self.schedule(), self.today);
        let count = baseline.activities.len();
        let what = self.words(Msg::StepBaseline, &[]);
        self.edit(what, |plan| {
            plan.baseline = Some(baseline);
            Ok(())
        })?;
        let today = self.today;
        self.tell(Msg::BaselineSaved, &[&today, &count]);
        Ok(())
    }
}
