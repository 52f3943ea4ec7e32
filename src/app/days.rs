//! Edits of the calendar itself: holidays (single days and ranges) and days with their own hours.

use chrono::{NaiveDate, TimeDelta};

use super::activity::parse_hours;
use super::{App, Form, Mode, Purpose};
use crate::import;
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
    pub(super) fn toggle_holiday(&mut self) -> Result<(), String> {
        let day = self.cursor;
        if let Some(first) = self.mark.take() {
            return self.add_holiday(first.min(day), first.max(day));
        }
        match self.holiday_at(day) {
            Some(index) => {
                let removed = self.plan().holidays[index].clone();
                self.edit(|plan| {
                    plan.holidays.remove(index);
                    Ok(())
                })?;
                self.say(format!("{} is no longer a holiday", describe(&removed)));
                Ok(())
            }
            None => self.add_holiday(day, day),
        }
    }

    /// Starts marking a holiday range on the cursor's day.
    pub(super) fn mark_range(&mut self) {
        self.mark = Some(self.cursor);
        self.say(format!(
            "Range from {}: move to its last day and press Space (Esc cancels)",
            self.cursor
        ));
    }

    /// Adds the holiday `first..=last` and opens the form that names it.
    fn add_holiday(&mut self, first: NaiveDate, last: NaiveDate) -> Result<(), String> {
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
            return Err(format!("{} is already a holiday", describe(taken)));
        }
        let title = match holiday.until {
            Some(_) => format!("Holiday {}", describe(&holiday)),
            None => format!("Holiday on {first}"),
        };
        self.edit(|plan| {
            plan.holidays.push(holiday);
            plan.holidays.sort_by_key(|holiday| holiday.date);
            Ok(())
        })?;
        self.mode = Mode::Form(Form::new(
            Purpose::HolidayName(first),
            title,
            &[("Name", String::new())],
        ));
        Ok(())
    }

    /// Moves the holiday (or the whole range) under the cursor by `days`; the cursor follows.
    pub(super) fn shift_holiday(&mut self, days: i64) -> Result<(), String> {
        let from = self.cursor;
        let index = self
            .holiday_at(from)
            .ok_or_else(|| format!("{from} is not a holiday: nothing to shift"))?;
        let shift = |day: NaiveDate| {
            day.checked_add_signed(TimeDelta::days(days))
                .filter(|day| *day <= LAST_DAY)
                .ok_or("That is past the end of the calendar")
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
            return Err(format!("{} is already a holiday", describe(taken)));
        }
        let (old_text, new_text) = (describe(&old), describe(&moved));
        self.edit(|plan| {
            plan.holidays[index] = moved;
            plan.holidays.sort_by_key(|holiday| holiday.date);
            Ok(())
        })?;
        self.cursor = shift(from)?;
        self.say(format!("Holiday moved from {old_text} to {new_text}"));
        Ok(())
    }

    /// Gives the cursor's day its own hours (a form asks how many: half a day on a working day,
    /// a full day on a day off), or, when it has them, makes it an ordinary day again.
    pub(super) fn toggle_exception(&mut self) -> Result<(), String> {
        let day = self.cursor;
        if let Some(index) = self.plan().exceptions.iter().position(|e| e.date == day) {
            self.edit(|plan| {
                plan.exceptions.remove(index);
                Ok(())
            })?;
            self.say(format!("{day} has the plan's usual hours again"));
            return Ok(());
        }
        let calendar = self.schedule().calendar();
        let working = calendar.is_workday(day) && !calendar.is_holiday(day);
        let full = self.plan().hours_per_day;
        let (title, hours) = if working {
            // Half a day, rounded down to the quarter-hour.
            (
                format!("Short day on {day}"),
                Hours::from_quarters(full.quarters() / 2),
            )
        } else {
            (format!("Extra working day on {day}"), full)
        };
        self.mode = Mode::Form(Form::new(
            Purpose::Exception(day),
            title,
            &[("Hours (0: day off)", hours.to_string())],
        ));
        Ok(())
    }

    /// Gives `day` the hours typed in the exception form.
    pub(super) fn submit_exception(&mut self, day: NaiveDate, form: &Form) -> Result<(), String> {
        let hours = parse_hours(form.value(0), true)?;
        self.edit(|plan| {
            plan.exceptions.push(Exception { date: day, hours });
            plan.exceptions.sort_by_key(|exception| exception.date);
            Ok(())
        })?;
        self.say(format!("{day}: {hours} h"));
        Ok(())
    }
}

impl App {
    /// Opens the form that asks which holidays to import.
    pub(super) fn open_import_form(&mut self) {
        let names: Vec<&str> = import::BUNDLED
            .iter()
            .map(|calendar| calendar.name)
            .collect();
        self.mode = Mode::Form(Form::new(
            Purpose::ImportHolidays,
            format!("Import holidays (bundled: {})", names.join(", ")),
            &[("Calendar or .ics file", String::new())],
        ));
    }

    /// Imports the holidays of a bundled calendar or an `.ics` file for the plan's whole years,
    /// as one undoable step.
    pub(super) fn import_holidays(&mut self, source: &str) -> Result<(), String> {
        let ics = match import::bundled(source) {
            Some(calendar) => calendar.ics.as_bytes().to_vec(),
            None => import::read_ics(std::path::Path::new(source))
                .map_err(|error| format!("{source}: {error}"))?,
        };
        let (first, last) = self
            .schedule()
            .worked_days()
            .unwrap_or((self.schedule().start().date(), self.schedule().end().date()));
        let (from, to) = import::whole_years(first, last);
        let found = import::holidays_from_ics(&ics, &self.plan().holidays, from, to)
            .map_err(|error| format!("{source}: {error}"))?;
        let summary = found.summary(from, to);
        if !found.added.is_empty() {
            self.edit(|plan| {
                plan.holidays.extend(found.added);
                plan.holidays.sort_by_key(|holiday| holiday.date);
                Ok(())
            })?;
        }
        self.say(format!("{source}: {summary}"));
        Ok(())
    }
}

/// `2023-10-13`, or `2024-07-15 – 2024-07-26` for a range.
fn describe(holiday: &Holiday) -> String {
    match holiday.until {
        Some(last) => format!("{} – {last}", holiday.date),
        None => holiday.date.to_string(),
    }
}
