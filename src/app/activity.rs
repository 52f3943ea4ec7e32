//! The activity form: code, name, hours, who, after, not before; and reading what was typed.

use super::Failure;
use std::sync::Arc;

use super::{App, Focus, Form, Mode, Purpose};
use crate::messages::Msg;
use crate::plan::fields::parse_date;
use crate::plan::{Activity, Hours};

/// The form's fields, in order.
const FIELDS: [Msg; 6] = [
    Msg::FieldCode,
    Msg::FieldName,
    Msg::FieldHours,
    Msg::FieldWho,
    Msg::FieldAfter,
    Msg::FieldNotBefore,
];

impl App {
    /// Opens the form for the activity at `purpose`'s index, or for a new one.
    pub(super) fn open_activity_form(&mut self, purpose: Purpose) {
        let (title, activity) = match purpose {
            Purpose::Activity(index) => {
                let activity = self.plan().activities[index].clone();
                // The computed dates, so the form says when the activity happens.
                let span = &self.schedule().spans()[index];
                let when = crate::export::format_moment;
                let title = self.words(
                    Msg::FormEditActivity,
                    &[&activity.code, &when(span.start), &when(span.end)],
                );
                (title, activity)
            }
            _ => (
                Msg::FormNewActivity.text(self.locale()).to_owned(),
                Activity {
                    code: self.unused_code().into(),
                    hours: Hours::from_whole(8),
                    ..Activity::default()
                },
            ),
        };
        let after: Vec<&str> = activity.after.iter().map(|code| &**code).collect();
        let values = [
            activity.code.to_string(),
            activity.name.to_string(),
            activity.hours.to_string(),
            activity.who.to_string(),
            after.join(", "),
            activity
                .not_before
                .map_or_else(String::new, |day| day.to_string()),
        ];
        let locale = self.locale();
        let fields: Vec<(&'static str, String)> = FIELDS
            .into_iter()
            .map(|field| field.text(locale))
            .zip(values)
            .collect();
        self.mode = Mode::Form(Form::new(purpose, title, &fields));
    }

    /// `A{n}` for the first n not used yet.
    fn unused_code(&self) -> String {
        (1..)
            .map(|n| format!("A{n}"))
            .find(|code| self.plan().activities.iter().all(|a| *a.code != **code))
            .unwrap_or_default()
    }

    /// Puts the form's activity at `index` (replacing it, or inserted there when new).
    pub(super) fn submit_activity(&mut self, form: &Form, index: usize) -> Result<(), Failure> {
        let activity = Activity {
            code: crate::text::normalize_code(form.value(0)).into(),
            name: form.value(1).into(),
            hours: parse_hours(form.value(2), true)?,
            who: form.value(3).into(),
            after: parse_codes(form.value(4)).into(),
            not_before: match form.value(5) {
                "" => None,
                text => Some(parse_date(text)?),
            },
            done: false,
            remaining: None,
        };
        let adding = matches!(form.purpose, Purpose::NewActivity(_));
        let code = activity.code.clone();
        let what = if adding {
            self.words(Msg::StepNewActivity, &[&code])
        } else {
            self.words(Msg::StepActivity, &[&code])
        };
        self.edit(what, |plan| {
            if adding {
                plan.activities
                    .insert(index.min(plan.activities.len()), activity);
            } else {
                let was = std::mem::replace(&mut plan.activities[index], activity);
                let now = &mut plan.activities[index];
                (now.done, now.remaining) = (was.done, was.remaining);
                let code = now.code.clone();
                if was.code != code {
                    plan.rename_tracked(&was.code, &code);
                }
            }
            Ok(())
        })?;
        self.selected = index;
        self.focus = Focus::Gantt;
        let done = if adding {
            Msg::AddedActivity
        } else {
            Msg::EditedActivity
        };
        self.tell(done, &[&code]);
        Ok(())
    }
}

/// Hours typed in a form: `6`, `7.5`, or `7,5`; zero only where `zero_allowed` (a milestone).
pub(super) fn parse_hours(text: &str, zero_allowed: bool) -> Result<Hours, Failure> {
    match text.parse::<Hours>() {
        Ok(hours) if zero_allowed || !hours.is_zero() => Ok(hours),
        Ok(_) => Err(Failure::refused(Msg::ZeroHours, &[])),
        Err(error) => Err(Failure::hours(text, error)),
    }
}

/// Codes typed as `A2, A3` (commas or spaces between them).
fn parse_codes(text: &str) -> Vec<Arc<str>> {
    text.split([',', ' '])
        .filter(|code| !code.is_empty())
        .map(|code| Arc::from(crate::text::normalize_code(code)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_are_read_leniently() {
        assert_eq!(parse_hours("7,5", false).unwrap(), Hours::from_quarters(30));
        assert_eq!(parse_hours("0", true).unwrap(), Hours::ZERO);
        assert!(parse_hours("0", false).is_err());
        assert!(
            parse_hours("abc", true)
                .unwrap_err()
                .say(crate::plan::Locale::EN)
                .contains("not a number")
        );
        let codes: Vec<String> = parse_codes("A2, A3 A4,,")
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(codes, ["A2", "A3", "A4"]);
    }
}
