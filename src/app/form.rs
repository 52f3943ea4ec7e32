//! Small forms of text fields, edited in place and checked when accepted.

/// What a form edits, and so what accepting it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The activity at this index: code, name, hours.
    Activity(usize),
    /// A new activity, to be inserted at this index.
    NewActivity(usize),
    /// The name of the holiday on this day.
    HolidayName(chrono::NaiveDate),
    /// Hours per day and the day's start.
    WorkingTime,
    /// The hours of this day, as an exception to the plan's working time.
    Exception(chrono::NaiveDate),
    /// Holidays to import: a bundled calendar's name or an `.ics` file.
    ImportHolidays,
    /// A plan that is not on disk yet: its title, start, hours, day start, days and language.
    NewPlan,
    /// A CSV file whose activities replace the plan's.
    ImportActivities,
}

/// One labelled text field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// What the field is.
    pub label: &'static str,
    /// The text typed so far.
    pub value: String,
}

/// An open form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// What accepting it changes.
    pub purpose: Purpose,
    /// The heading.
    pub title: String,
    /// The fields, in order.
    pub fields: Vec<Field>,
    /// The field being typed in.
    pub focus: usize,
    /// Why the last attempt to accept it failed.
    pub error: Option<String>,
}

impl Form {
    /// A form with the given fields, the first one focused.
    pub fn new(purpose: Purpose, title: String, fields: &[(&'static str, String)]) -> Self {
        Form {
            purpose,
            title,
            fields: fields
                .iter()
                .map(|(label, value)| Field {
                    label,
                    value: value.clone(),
                })
                .collect(),
            focus: 0,
            error: None,
        }
    }

    /// The text of field `index`, trimmed.
    pub fn value(&self, index: usize) -> &str {
        self.fields
            .get(index)
            .map_or("", |field| field.value.trim())
    }

    /// Types a character at the end of the focused field (control characters are ignored).
    pub fn type_char(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.value.push(c);
        }
    }

    /// Deletes the last character of the focused field.
    pub fn backspace(&mut self) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.value.pop();
        }
    }

    /// Moves the focus by `step` fields, wrapping around.
    pub fn move_focus(&mut self, step: isize) {
        let count = self.fields.len().max(1) as isize;
        self.focus = (self.focus as isize + step).rem_euclid(count) as usize;
    }
}
