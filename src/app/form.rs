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
    /// An export of the plan: its format and its file.
    Export,
    /// The search line: code or name.
    Search,
    /// Hours per day and the day's start of the person the calendars show.
    PersonTime,
    /// Hours worked on this day: activity, hours, note.
    Log(chrono::NaiveDate),
}

/// One labelled text field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// What the field is.
    pub label: &'static str,
    /// The text typed so far.
    pub value: String,
    /// Where typing goes, in characters from the start.
    pub cursor: usize,
}

/// How the text of the focused field is edited, as in a shell's line editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// ← : one character back.
    Left,
    /// → : one character on.
    Right,
    /// Home, Ctrl+A: to the start.
    Home,
    /// End, Ctrl+E: to the end.
    End,
    /// Backspace: the character before the cursor.
    Backspace,
    /// Delete: the character under the cursor.
    Delete,
    /// Ctrl+U: everything before the cursor.
    KillToStart,
    /// Ctrl+K: everything from the cursor on.
    KillToEnd,
    /// Ctrl+W: the word before the cursor.
    KillWord,
}

/// The byte offset of character `index` in `text` (its length past the end).
fn byte_at(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(at, _)| at)
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
    /// What the typed text matches, shown under the fields (the bundled holiday calendars);
    /// Tab takes the first.
    pub suggestions: Vec<String>,
    /// What the footer says after the form's own words once it is accepted: what its step
    /// did beyond what the form asks (the days that lost their own hours to the holiday being
    /// named).
    pub consequence: String,
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
                    cursor: value.chars().count(),
                })
                .collect(),
            focus: 0,
            error: None,
            suggestions: Vec::new(),
            consequence: String::new(),
        }
    }

    /// The text of field `index`, trimmed.
    pub fn value(&self, index: usize) -> &str {
        self.fields
            .get(index)
            .map_or("", |field| field.value.trim())
    }

    /// Types a character at the cursor of the focused field (control characters are ignored).
    pub fn type_char(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        if let Some(field) = self.fields.get_mut(self.focus) {
            let at = byte_at(&field.value, field.cursor);
            field.value.insert(at, c);
            field.cursor += 1;
        }
    }

    /// Edits the focused field's text or moves its cursor.
    pub fn edit(&mut self, edit: Edit) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        let length = field.value.chars().count();
        let cursor = field.cursor.min(length);
        let remove = |field: &mut Field, from: usize, to: usize| {
            let (start, end) = (byte_at(&field.value, from), byte_at(&field.value, to));
            field.value.replace_range(start..end, "");
            field.cursor = from;
        };
        match edit {
            Edit::Left => field.cursor = cursor.saturating_sub(1),
            Edit::Right => field.cursor = (cursor + 1).min(length),
            Edit::Home => field.cursor = 0,
            Edit::End => field.cursor = length,
            Edit::Backspace if cursor > 0 => remove(field, cursor - 1, cursor),
            Edit::Delete if cursor < length => remove(field, cursor, cursor + 1),
            Edit::KillToStart => remove(field, 0, cursor),
            Edit::KillToEnd => remove(field, cursor, length),
            Edit::KillWord => {
                let before: Vec<char> = field.value.chars().take(cursor).collect();
                let spaces = before
                    .iter()
                    .rev()
                    .take_while(|c| c.is_whitespace())
                    .count();
                let word = before[..cursor - spaces]
                    .iter()
                    .rev()
                    .take_while(|c| !c.is_whitespace())
                    .count();
                remove(field, cursor - spaces - word, cursor);
            }
            Edit::Backspace | Edit::Delete => {}
        }
    }

    /// Deletes the character before the cursor of the focused field.
    pub fn backspace(&mut self) {
        self.edit(Edit::Backspace);
    }

    /// Moves the focus by `step` fields, wrapping around.
    pub fn move_focus(&mut self, step: isize) {
        let count = self.fields.len().max(1) as isize;
        self.focus = (self.focus as isize + step).rem_euclid(count) as usize;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(value: &str) -> Form {
        Form::new(
            Purpose::WorkingTime,
            String::new(),
            &[("Name", value.to_owned())],
        )
    }

    #[test]
    fn fields_edit_like_a_shell_line() {
        let mut form = form("Redacción del informe");
        form.edit(Edit::KillWord);
        assert_eq!(form.fields[0].value, "Redacción del ");
        form.edit(Edit::Home);
        form.type_char('¡');
        form.edit(Edit::End);
        form.type_char('!');
        assert_eq!(form.fields[0].value, "¡Redacción del !");
        form.edit(Edit::Left);
        form.edit(Edit::Left);
        form.edit(Edit::KillToEnd);
        assert_eq!(form.fields[0].value, "¡Redacción del");
        form.edit(Edit::Home);
        form.edit(Edit::Right);
        form.edit(Edit::Delete);
        assert_eq!(form.fields[0].value, "¡edacción del");
        form.edit(Edit::Right);
        form.edit(Edit::KillToStart);
        assert_eq!(form.fields[0].value, "dacción del");
        form.edit(Edit::Backspace);
        assert_eq!(
            (form.fields[0].value.as_str(), form.fields[0].cursor),
            ("dacción del", 0)
        );
    }
}
