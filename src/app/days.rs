//! Edits of the calendar itself: holidays (single days and ranges) and days with their own hours.

use super::Failure;
use chrono::{NaiveDate, TimeDelta};

use super::activity::parse_hours;
use super::{App, Form, Mode, Purpose};
use crate::import;
use crate::messages::Msg;
use crate::plan::{Exception, Holiday, Hours};
use crate::schedule::LAST_DAY;

impl App {
    /// The index of the holiday covering `day`, if any; where several do (a holiday inside a
    /// range), the shortest, so that Space and Shift+arrows act on the day the user sees
    /// named, and the range around it stays.
    fn holiday_at(&self, day: NaiveDate) -> Option<usize> {
        self.plan()
            .holidays
            .iter()
            .enumerate()
            .filter(|(_, holiday)| holiday.covers(day))
            .min_by_key(|(index, holiday)| (holiday.last_day() - holiday.date, *index))
            .map(|(index, _)| index)
    }

    /// Makes the cursor's day a holiday (asking its name), or removes the holiday (or whole
    /// range) covering it. While a range is being marked, ends the range on the cursor's day.
    pub(super) fn toggle_holiday(&mut self) -> Result<(), Failure> {
        let day = self.cursor;
        if let Some(first) = self.mark.take() {
            return self.add_holiday(first.min(day), first.max(day));
        }
        match self.holiday_at(day) {
            Some(index) => {
                let removed = self.plan().holidays[index].clone();
                let what = self.words(Msg::StepNoHoliday, &[&named(&removed)]);
                self.edit(what, |plan| {
                    plan.holidays.remove(index);
                    Ok(())
                })?;
                self.tell(Msg::NoLongerAHoliday, &[&describe(&removed)]);
                Ok(())
            }
            None => self.add_holiday(day, day),
        }
    }

    /// Starts marking a holiday range on the cursor's day.
    pub(super) fn mark_range(&mut self) {
        let day = self.cursor;
        self.mark = Some(day);
        self.tell(Msg::RangeFrom, &[&day]);
    }

    /// Adds the holiday `first..=last` and opens the form that names it.
    fn add_holiday(&mut self, first: NaiveDate, last: NaiveDate) -> Result<(), Failure> {
        let holiday = Holiday {
            date: first,
            until: (last > first).then_some(last),
            name: None,
        };
        // A range may cover holidays already there (a winter break over a national holiday):
        // the days off merge. Only the very same days twice are refused.
        if let Some(taken) = self
            .plan()
            .holidays
            .iter()
            .find(|other| (other.date, other.last_day()) == (first, last))
        {
            return Err(Failure::refused(Msg::AlreadyAHoliday, &[&describe(taken)]));
        }
        let title = match holiday.until {
            Some(_) => self.words(Msg::FormHolidayRange, &[&describe(&holiday)]),
            None => self.words(Msg::FormHolidayOn, &[&first]),
        };
        let what = self.words(Msg::StepHoliday, &[&describe(&holiday)]);
        let mut lost = Vec::new();
        self.edit(what, |plan| {
            lost = plan.add_holidays([holiday]);
            Ok(())
        })?;
        let label = Msg::FieldName.text(self.locale());
        let mut form = Form::new(
            Purpose::HolidayName(first),
            title,
            &[(label, String::new())],
        );
        form.consequence = crate::messages::hours_gave_way(self.locale(), &lost);
        self.mode = Mode::Form(form);
        Ok(())
    }

    /// Names the holiday that starts on `day` (added by [`App::add_holiday`]); the name is part
    /// of the same step as the holiday, so one undo takes both back, and says so.
    pub(super) fn name_holiday(&mut self, day: NaiveDate, form: &Form) {
        let name = form.value(0);
        let name = (!name.is_empty()).then(|| name.to_owned());
        let mut named_now = None;
        for holiday in &mut self.document.plan.holidays {
            if holiday.date == day && holiday.name.is_none() {
                holiday.name = name.clone();
                named_now = Some(holiday.clone());
            }
        }
        let Some(holiday) = named_now else {
            return;
        };
        let what = self.words(Msg::StepHoliday, &[&named(&holiday)]);
        self.rename_last_step(what);
        let told = match holiday.until {
            Some(_) => self.words(Msg::RangeNowHolidays, &[&describe(&holiday)]),
            None => self.words(Msg::NowAHoliday, &[&day]),
        };
        self.say(told + &form.consequence);
    }

    /// Moves the holiday (or the whole range) under the cursor by `days`; the cursor follows.
    pub(super) fn shift_holiday(&mut self, days: i64) -> Result<(), Failure> {
        let from = self.cursor;
        let index = self
            .holiday_at(from)
            .ok_or_else(|| Failure::refused(Msg::NotAHoliday, &[&from]))?;
        let shift = |day: NaiveDate| {
            day.checked_add_signed(TimeDelta::days(days))
                .filter(|day| *day <= LAST_DAY)
                .ok_or_else(|| Failure::refused(Msg::PastTheEnd, &[]))
        };
        let old = self.plan().holidays[index].clone();
        let moved = Holiday {
            date: shift(old.date)?,
            until: old.until.map(shift).transpose()?,
            name: old.name.clone(),
        };
        let others = self
            .plan()
            .holidays
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index);
        let same_days =
            |other: &Holiday| (other.date, other.last_day()) == (moved.date, moved.last_day());
        if let Some((_, taken)) = others.into_iter().find(|(_, other)| same_days(other)) {
            return Err(Failure::refused(Msg::AlreadyAHoliday, &[&describe(taken)]));
        }
        let (old_text, new_text) = (describe(&old), describe(&moved));
        let what = self.words(Msg::StepHolidayMoved, &[&old_text, &new_text]);
        let mut lost = Vec::new();
        self.edit(what, |plan| {
            lost = plan.move_holiday(index, moved);
            Ok(())
        })?;
        self.cursor = shift(from)?;
        let told = self.words(Msg::HolidayMoved, &[&old_text, &new_text]);
        self.say(told + &crate::messages::hours_gave_way(self.locale(), &lost));
        Ok(())
    }

    /// Gives the cursor's day its own hours (a form asks how many: half a day on a working day,
    /// a full day on a day off), or, when it has them, makes it an ordinary day again.
    pub(super) fn toggle_exception(&mut self) -> Result<(), Failure> {
        let day = self.cursor;
        if let Some(index) = self.plan().exceptions.iter().position(|e| e.date == day) {
            let what = self.words(Msg::StepUsualHours, &[&day]);
            self.edit(what, |plan| {
                plan.exceptions.remove(index);
                Ok(())
            })?;
            self.tell(Msg::UsualHoursAgain, &[&day]);
            return Ok(());
        }
        let calendar = self.schedule().calendar();
        let holiday = calendar.is_holiday(day);
        let working = calendar.is_workday(day) && !holiday;
        let full = calendar.hours_per_day();
        let (title, hours) = if working {
            // Half a day, rounded down to the quarter-hour.
            (
                self.words(Msg::FormShortDay, &[&day]),
                Hours::from_minutes(full.minutes() / 2).whole_quarters(),
            )
        } else if holiday {
            // Hours given to a holiday win over it: the title says which holiday gives way.
            let names = self.holiday_names_on(day).join(", ");
            (self.words(Msg::FormHolidayWorked, &[&day, &names]), full)
        } else {
            (self.words(Msg::FormExtraDay, &[&day]), full)
        };
        let label = Msg::FieldDayHours.text(self.locale());
        self.mode = Mode::Form(Form::new(
            Purpose::Exception(day),
            title,
            &[(label, hours.to_string())],
        ));
        Ok(())
    }

    /// Gives `day` the hours, or the windows, typed in the exception form.
    pub(super) fn submit_exception(&mut self, day: NaiveDate, form: &Form) -> Result<(), Failure> {
        let typed = form.value(0);
        let exception = if typed.contains(':') {
            let windows = crate::plan::window::parse_list(typed)?;
            Exception {
                date: day,
                hours: None,
                windows: Some(windows),
            }
        } else {
            Exception::hours(day, parse_hours(typed, true)?)
        };
        let hours = match &exception.windows {
            Some(windows) => crate::plan::window::total(windows),
            None => exception.hours.unwrap_or_default(),
        };
        let what = self.words(Msg::StepDayHours, &[&hours, &day]);
        let works = exception.works();
        self.edit(what, |plan| {
            plan.exceptions.push(exception);
            plan.exceptions.sort_by_key(|exception| exception.date);
            Ok(())
        })?;
        if works && self.schedule().calendar().is_holiday(day) {
            let names = self.holiday_names_on(day).join(", ");
            self.tell(Msg::DayHoursOnHoliday, &[&day, &hours, &names]);
        } else {
            self.tell(Msg::DayHours, &[&day, &hours]);
        }
        Ok(())
    }

    /// The names of the holidays on `date`, the plan's and those of the person the calendars
    /// show (an unnamed one is called "holiday" in the plan's words).
    pub fn holiday_names_on(&self, date: NaiveDate) -> Vec<String> {
        let plan = self.plan();
        let own = (self.person.as_deref())
            .and_then(|name| plan.people.iter().find(|person| &*person.name == name))
            .map_or(&[][..], |person| &person.holidays[..]);
        let unnamed = crate::locale::words(self.locale()).holiday;
        (plan.holidays.iter().chain(own))
            .filter(|holiday| holiday.covers(date))
            .map(|holiday| {
                holiday.name.as_deref().map_or_else(
                    || unnamed.to_owned(),
                    |name| crate::text::one_line(name).into_owned(),
                )
            })
            .collect()
    }
}

impl App {
    /// Opens the form that asks which holidays to import.
    pub(super) fn open_import_form(&mut self) {
        let title = self.words(Msg::FormImportHolidays, &[]);
        let locale = self.locale();
        let label = Msg::FieldCalendarOrIcs.text(locale);
        let kind = Msg::FieldImportAs.text(locale);
        let holidays = Msg::ImportAsHolidays.text(locale).to_owned();
        let mut form = Form::new(
            Purpose::ImportHolidays,
            title,
            &[(label, String::new()), (kind, holidays)],
        );
        form.suggestions = import::bundled::matching("", 6);
        self.mode = Mode::Form(form);
    }

    /// Imports what the import form names: holidays, or the busy time of an `.ics` file for
    /// everyone or a person, as one undoable step.
    pub(super) fn import_as(&mut self, source: &str, kind: &str) -> Result<(), Failure> {
        let kind = kind.trim();
        let lower = kind.to_lowercase();
        if ["", "holidays", "feriados", "festivos"].contains(&lower.as_str()) {
            return self.import_holidays(source);
        }
        if ["busy", "ocupado", "ocupada"].contains(&lower.as_str()) {
            return self.import_busy(source, None);
        }
        let person = self
            .plan()
            .people
            .iter()
            .find(|person| person.name.to_lowercase() == lower)
            .map(|person| person.name.to_string());
        match person {
            Some(name) => self.import_busy(source, Some(&name)),
            None => {
                let names: Vec<&str> = self
                    .plan()
                    .people
                    .iter()
                    .map(|person| &*person.name)
                    .collect();
                let listed = if names.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", names.join(", "))
                };
                Err(Failure::refused(Msg::ImportAsUnknown, &[&kind, &listed]))
            }
        }
    }

    /// Adds the busy time of the `.ics` file `source` (for everyone, or `who`) over every day
    /// the plan reaches once it is taken out, as one undoable step.
    fn import_busy(&mut self, source: &str, who: Option<&str>) -> Result<(), Failure> {
        use crate::import::busy::{BusyImport, busy_from_ics};
        use crate::import::pulled::{add_blocks, local_time, read_reachable};
        let bytes = import::file::read_ics(std::path::Path::new(source))
            .map_err(|error| Failure::read(source, error))?;
        let plan = self.plan();
        let read = |range| busy_from_ics(&bytes, plan, who, range, &local_time);
        let add = |plan: &mut crate::plan::Plan, found: &BusyImport| {
            add_blocks(plan, who, found.added.clone());
        };
        let (found, to) = read_reachable(plan, plan.start, &read, &add)
            .map_err(|error| Failure::read(source, error))?;
        let summary = found.summary((plan.start, to), 0, plan.locale);
        if !found.added.is_empty() {
            let what = self.words(Msg::StepImportedBusy, &[&source]);
            self.edit(what, |plan| {
                add_blocks(plan, who, found.added);
                Ok(())
            })?;
        }
        self.say(format!("{source}: {summary}"));
        Ok(())
    }

    /// Imports the holidays of a bundled calendar or an `.ics` file for the plan's whole years,
    /// as one undoable step.
    pub(super) fn import_holidays(&mut self, source: &str) -> Result<(), Failure> {
        let (from, to) = self.plan_years();
        let existing = &self.plan().holidays;
        // A name that matches one calendar only (`madrid`) stands for it.
        let only_match = || match import::bundled::matching(source, 2).as_slice() {
            [one] => one.split_whitespace().next().map(str::to_owned),
            _ => None,
        };
        let calendar = import::bundled::Calendar::find(source).or_else(|why| {
            only_match()
                .and_then(|code| import::bundled::Calendar::find(&code).ok())
                .ok_or(why)
        });
        let found = match calendar {
            // A file name has a dot or a slash; a calendar's never does.
            Ok(calendar) => {
                import::holidays::holidays_from_list(&calendar.holidays(), existing, from, to)
            }
            Err(why) if !source.contains(['.', '/']) => return Err(Failure::read(source, why)),
            Err(_) => {
                let ics = import::file::read_ics(std::path::Path::new(source))
                    .map_err(|error| Failure::read(source, error))?;
                import::holidays::holidays_from_ics(&ics, existing, from, to)
                    .map_err(|error| Failure::read(source, error))?
            }
        };
        self.add_imported(source, found, (from, to))
    }

    /// The plan's span in whole years: what holiday imports take holidays from.
    fn plan_years(&self) -> (chrono::NaiveDate, chrono::NaiveDate) {
        let schedule = self.schedule();
        let (first, last) = schedule
            .worked_days()
            .unwrap_or((schedule.start().date(), schedule.end().date()));
        import::holidays::whole_years(first, last)
    }

    /// Adds what an import `found` as one undoable step, and says what it did.
    fn add_imported(
        &mut self,
        source: &str,
        found: import::holidays::Import,
        (from, to): (chrono::NaiveDate, chrono::NaiveDate),
    ) -> Result<(), Failure> {
        let summary = found.summary(from, to, self.locale());
        let mut lost = Vec::new();
        if !found.added.is_empty() {
            let what = self.words(Msg::StepImportedHolidays, &[&source]);
            self.edit(what, |plan| {
                lost = plan.add_holidays(found.added);
                Ok(())
            })?;
        }
        let gave_way = crate::messages::hours_gave_way(self.locale(), &lost);
        self.say(format!("{source}: {summary}{gave_way}"));
        Ok(())
    }

    /// The calendar a holiday pull read from the server (`source`: its URL): its all-day
    /// events become holidays for the plan's whole years, as one undoable step.
    pub fn holidays_pulled(&mut self, source: &str, calendar: &[u8]) {
        self.sync.running = false;
        let (from, to) = self.plan_years();
        let outcome =
            import::holidays::holidays_from_ics(calendar, &self.plan().holidays, from, to)
                .map_err(|error| Failure::read(source, error))
                .and_then(|found| self.add_imported(source, found, (from, to)));
        if let Err(failure) = outcome {
            self.report(&failure);
        }
    }
}

/// A holiday with its name, for the history: `2023-10-12 Día del Respeto`.
fn named(holiday: &Holiday) -> String {
    match &holiday.name {
        Some(name) => format!("{} {}", describe(holiday), crate::text::one_line(name)),
        None => describe(holiday),
    }
}

/// `2023-10-13`, or `2024-07-15 – 2024-07-26` for a range.
fn describe(holiday: &Holiday) -> String {
    match holiday.until {
        Some(last) => format!("{} – {last}", holiday.date),
        None => holiday.date.to_string(),
    }
}
