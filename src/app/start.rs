//! Starting in the view: the new-plan form (a plan file that does not exist yet is made from
//! it) and activities taken from a spreadsheet (`I`), one undoable step.

use std::path::Path;

use chrono::NaiveDate;

use super::{App, Form, Mode, Purpose};
use crate::messages::Msg;
use crate::plan::fields::{format_time, parse_date, parse_time};
use crate::plan::save::DEFAULT_PLAN_MODE;
use crate::plan::template::{NewPlan, parse_workdays};
use crate::plan::{FileRole, PlanError, save_new, validate};
use crate::schedule::{ScheduleError, schedule};

impl App {
    /// The view on a plan that is not on disk yet: the form that asks for its title, start,
    /// hours, day start, working days and language, filled with `values`. Nothing is written
    /// until the form is accepted; Esc leaves without writing.
    pub fn new_plan(path: &Path, values: NewPlan, today: NaiveDate) -> Result<App, ScheduleError> {
        let mut app = App::new(path, values.document(), today)?;
        let days: Vec<&str> = values.workdays.iter().map(|day| day.name()).collect();
        let locale = values.locale;
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
    pub(super) fn submit_new_plan(&mut self, form: &Form) -> Result<(), String> {
        let values = NewPlan {
            title: form.value(0).to_owned(),
            start: parse_date(form.value(1))?,
            hours_per_day: super::activity::parse_hours(form.value(2), false, self.locale())?,
            day_start: parse_time(form.value(3))?,
            workdays: parse_workdays(form.value(4))?,
            locale: form.value(5).parse()?,
        };
        let mut document = values.document();
        validate::check(&document.plan)
            .map_err(|violation| format!("{}: {}", violation.field, violation.message))?;
        let role = FileRole::Plan {
            mode: DEFAULT_PLAN_MODE,
        };
        let text = save_new(&self.path, &document, role).map_err(|error| match error {
            PlanError::Write { source, .. } => source.to_string(),
            other => other.to_string(),
        })?;
        document.plan.fallback_title = self.plan().fallback_title.clone();
        self.schedule = schedule(&document.plan).map_err(|error| error.to_string())?;
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
    pub(super) fn import_activities(&mut self, source: &str) -> Result<(), String> {
        let bytes = crate::plan::read_regular(Path::new(source), crate::plan::load::MAX_PLAN_BYTES)
            .map_err(|error| self.fail(Msg::CannotReadIt, &[&source, &error]))?;
        let found = crate::import::activities::activities_from_csv(&bytes)
            .map_err(|error| format!("{source}:{}: {}", error.line, error.message))?;
        let count = found.activities.len();
        let what = self.fail(Msg::StepImportedActivities, &[&source]);
        self.edit(what, |plan| {
            plan.activities = found.activities;
            Ok(())
        })?;
        self.tell(Msg::ActivitiesFrom, &[&count, &source]);
        Ok(())
    }
}
