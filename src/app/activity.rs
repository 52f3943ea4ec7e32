//! The activity form: code, name, hours, who, after, not before; and reading what was typed.

use std::sync::Arc;

use super::{App, Focus, Form, Mode, Purpose};
use crate::plan::fields::parse_date;
use crate::plan::{Activity, Hours};

/// The form's fields, in order.
const FIELDS: [&str; 6] = ["Code", "Name", "Hours", "Who", "After", "Not before"];

impl App {
    /// Opens the form for the activity at `purpose`'s index, or for a new one.
    pub(super) fn open_activity_form(&mut self, purpose: Purpose) {
        let (title, activity) = match purpose {
            Purpose::Activity(index) => {
                let activity = self.plan().activities[index].clone();
                (format!("Edit activity {}", activity.code), activity)
            }
            _ => (
                "New activity".to_owned(),
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
        let fields: Vec<(&'static str, String)> = FIELDS.into_iter().zip(values).collect();
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
    pub(super) fn submit_activity(&mut self, form: &Form, index: usize) -> Result<(), String> {
        let activity = Activity {
            code: crate::text::normalize_code(form.value(0)).into(),
            name: form.value(1).into(),
            hours: parse_hours(form.value(2), true)?,
            who: form.value(3).into(),
            after: parse_codes(form.value(4)),
            not_before: match form.value(5) {
                "" => None,
                text => Some(parse_date(text)?),
            },
        };
        let adding = matches!(form.purpose, Purpose::NewActivity(_));
        self.edit(|plan| {
            if adding {
                plan.activities
                    .insert(index.min(plan.activities.len()), activity);
            } else {
                plan.activities[index] = activity;
            }
            Ok(())
        })?;
        self.selected = index;
        self.focus = Focus::Gantt;
        Ok(())
    }
}

/// Hours typed in a form: `6`, `7.5`, or `7,5`; zero only where `zero_allowed` (a milestone).
pub(super) fn parse_hours(text: &str, zero_allowed: bool) -> Result<Hours, String> {
    let number: f64 = text
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("\"{text}\" is not a number of hours"))?;
    match Hours::from_decimal(number) {
        Ok(hours) if zero_allowed || !hours.is_zero() => Ok(hours),
        Ok(_) => Err("0 is not a positive number of hours".into()),
        Err(why) => Err(format!("{text} {why}")),
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
        assert_eq!(parse_hours("7,5", false), Ok(Hours::from_quarters(30)));
        assert_eq!(parse_hours("0", true), Ok(Hours::ZERO));
        assert!(parse_hours("0", false).is_err());
        assert!(
            parse_hours("abc", true)
                .unwrap_err()
                .contains("not a number")
        );
        let codes: Vec<String> = parse_codes("A2, A3 A4,,")
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(codes, ["A2", "A3", "A4"]);
    }
}
