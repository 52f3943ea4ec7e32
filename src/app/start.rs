//! Starting in the view: the new-plan form (a plan file that does not exist yet is made from
//! it) and activities taken from a spreadsheet (`I`), one undoable step.

use super::Failure;
use std::path::Path;

use chrono::NaiveDate;

use super::{App, Form, Mode, Purpose};
use crate::messages::Msg;
use crate::plan::fields::{format_time, parse_date, parse_time};
use crate::plan::save::DEFAULT_PLAN_MODE;
use crate::plan::template::{NewPlan, parse_workdays};
use crate::plan::{FileRole, PlanError, save_new, validate};
use crate::schedule::{ScheduleError, schedule_as_of};

impl App {
    /// The view on a plan that is not on disk yet: the form that asks for its title, start,
    /// hours, day start, working days and language, filled with `values`. Nothing is written
    /// until the form is accepted; Esc leaves without writing.
    pub fn new_plan(path: &Path, values: NewPlan, today: NaiveDate) -> Result<App, ScheduleError> {
        let mut app = App::new(path, values.document(), today)?;
        let locale = values.locale;
        // The days in the plan's words (`Lun Mar Mié Jue Vie`), which the form reads back.
        let names = crate::locale::words(locale).weekdays;
        let days: Vec<&str> = (values.workdays.iter())
            .map(|day| names[day.weekday().num_days_from_monday() as usize])
            .collect();
        let fields = [
            (Msg::FieldTitle.text(locale), values.title.clone()),
            (Msg::FieldStart.text(locale), values.start.to_string()),
            (
                Msg::FieldHoursADay.text(locale),
                values.hours_per_day.to_string(),
            ),
            (
                Msg::FieldDayStarts.text(locale),
                format_time(values.day_start),
            ),
            (Msg::FieldWorkingDays.text(locale), days.join(" ")),
            (
                Msg::FieldLanguage.text(locale),
                values.locale.tag().to_owned(),
            ),
        ];
        app.mode = Mode::Form(Form::new(
            Purpose::NewPlan,
            Msg::FormNewPlan.fill(locale, &[&path.display()]),
            &fields,
        ));
        Ok(app)
    }

    /// Makes the plan of the new-plan form, writes it (never over an existing file), and opens
    /// its first activity to be renamed.
    pub(super) fn submit_new_plan(&mut self, form: &Form) -> Result<(), Failure> {
        let values = NewPlan {
            title: form.value(0).to_owned(),
            start: parse_date(form.value(1))?,
            hours_per_day: super::activity::parse_hours(form.value(2), false)?,
            day_start: parse_time(form.value(3))?,
            workdays: parse_workdays(form.value(4))?,
            locale: form.value(5).parse()?,
        };
        let mut document = values.document();
        validate::check(&document.plan).map_err(Failure::Invalid)?;
        let role = FileRole::Plan {
            mode: DEFAULT_PLAN_MODE,
        };
        let text = save_new(&self.path, &document, role).map_err(|error| match error {
            PlanError::Write { source, .. } => Failure::from(source),
            other => Failure::from(other),
        })?;
        document.plan.fallback_title = self.plan().fallback_title.clone();
        self.schedule = schedule_as_of(&document.plan, self.today).map_err(Failure::from)?;
        self.document = document;
        self.disk.remember(&self.path, &text);
        self.cursor = self.schedule.start().date();
        self.open_activity_form(Purpose::Activity(0));
        let path = self.path.display().to_string();
        self.tell(Msg::Created, &[&path]);
        Ok(())
    }

    /// Opens the form that asks for a spreadsheet of activities.
    pub(super) fn open_activities_form(&mut self) {
        let locale = self.locale();
        self.mode = Mode::Form(Form::new(
            Purpose::ImportActivities,
            Msg::FormImportActivities.text(locale).to_owned(),
            &[(Msg::FieldCsvFile.text(locale), String::new())],
        ));
    }

    /// The plan's activities become those of the CSV file at `source`, as one undoable step.
    pub(super) fn import_activities(&mut self, source: &str) -> Result<(), Failure> {
        let bytes = crate::plan::read_regular(Path::new(source), crate::plan::MAX_PLAN_BYTES)
            .map_err(|error| Failure::refused(Msg::CannotReadIt, &[&source, &error]))?;
        let found = crate::import::activities::activities_from_csv(&bytes).map_err(|error| {
            Failure::Csv {
                name: source.to_owned(),
                error,
            }
        })?;
        let count = found.activities.len();
        let what = self.words(Msg::StepImportedActivities, &[&source]);
        self.edit(what, |plan| {
            let refused = |code| Failure::refused(Msg::LoggedNotListed, &[&code]);
            found.replace_activities_of(plan).map(drop).map_err(refused)
        })?;
        self.tell(Msg::ActivitiesFrom, &[&count, &source]);
        Ok(())
    }
}

impl App {
    /// `p`: the calendars show the next person who has work in the plan (or is listed in
    /// `people`), and after the last, everyone again.
    pub(super) fn cycle_person(&mut self) {
        let mut names: Vec<std::sync::Arc<str>> = Vec::new();
        let listed = self.plan().people.iter().map(|person| &person.name);
        let working = self.plan().activities.iter().map(|activity| &activity.who);
        for name in working.chain(listed) {
            if !name.is_empty() && !names.contains(name) {
                names.push(name.clone());
            }
        }
        let next = match &self.person {
            None => names.first().cloned(),
            Some(current) => names
                .iter()
                .position(|name| name == current)
                .and_then(|at| names.get(at + 1).cloned()),
        };
        self.person = next;
        match self.person.clone() {
            Some(name) => self.tell(Msg::PersonShown, &[&crate::text::one_line(&name)]),
            None => self.tell(Msg::EveryoneShown, &[]),
        }
    }

    /// `H` with one person's calendars shown: their windows.
    pub(super) fn open_person_time_form(&mut self) {
        let Some(name) = self.person.clone() else {
            return;
        };
        let windows = self.schedule().calendar_of_person(&name).windows();
        let windows = crate::plan::window::typed(windows);
        let locale = self.locale();
        self.mode = Mode::Form(Form::new(
            Purpose::PersonTime,
            Msg::FormPersonTime.fill(locale, &[&crate::text::one_line(&name)]),
            &[(Msg::FieldWindows.text(locale), windows)],
        ));
    }

    /// The person's windows, as one undoable step (the person is listed in `people` if they
    /// were not).
    pub(super) fn submit_person_time(&mut self, form: &Form) -> Result<(), Failure> {
        let Some(name) = self.person.clone() else {
            return Ok(());
        };
        let windows = crate::plan::window::parse_list(form.value(0))?;
        let hours = crate::plan::window::total(&windows);
        let shown = crate::plan::window::shown(&windows);
        let what = self.words(Msg::StepPersonTime, &[&crate::text::one_line(&name)]);
        self.edit(what, |plan| {
            let at = match plan.people.iter().position(|person| person.name == name) {
                Some(at) => at,
                None => {
                    plan.people.push(crate::plan::Person {
                        name: name.clone(),
                        ..crate::plan::Person::default()
                    });
                    plan.people.len() - 1
                }
            };
            plan.people[at].set_windows(windows);
            Ok(())
        })?;
        self.tell(
            Msg::PersonTimeNow,
            &[&crate::text::one_line(&name), &hours, &shown],
        );
        Ok(())
    }
}
