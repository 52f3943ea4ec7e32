//! A new plan: the few values `cronograma new` and the view's new-plan form ask for, made into a
//! valid plan with one activity ready to be renamed, and the comment block a new file starts
//! with, so that whoever opens the file sees what each field is.

use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};

use super::{Activity, Day, Document, FieldError, Hours, Language, Locale, Plan};

/// The comments at the top of a new plan file, in the plan's language: whoever opens the file
/// sees what each field is. (Field names are the file's own, in every language.)
pub fn new_plan_preamble(locale: Locale) -> &'static str {
    match locale.language() {
        Language::En => {
            "\
// cronograma plan. README.md (\"The plan file\") explains every field; in short:
//   title: the plan's name          locale: \"en\", \"es\" or \"pt\" (month names, labels)
//   start: the first day of work    day_start: when the working day opens (HH:MM)
//   hours_per_day: hours worked a day, from day_start
//   workdays: the days of the week worked
//   holidays: days nobody works, as (date: \"2024-07-09\", name: \"…\")
//   activities: the work in order: (code: \"A1\", name: \"…\", hours: 42); hours 0 is a milestone
"
        }
        Language::Es => {
            "\
// Plan de cronograma. README.md (\"The plan file\") explica cada campo; en resumen:
//   title: el nombre del plan          locale: \"es\", \"en\" o \"pt\" (meses, etiquetas)
//   start: el primer día de trabajo    day_start: cuándo empieza la jornada (HH:MM)
//   hours_per_day: horas de trabajo por día, desde day_start
//   workdays: los días de la semana que se trabajan
//   holidays: días que nadie trabaja, como (date: \"2024-07-09\", name: \"…\")
//   activities: el trabajo en orden: (code: \"A1\", name: \"…\", hours: 42); hours 0 es un hito
"
        }
        Language::Pt => {
            "\
// Plano do cronograma. O README.md (\"The plan file\") explica cada campo; em resumo:
//   title: o nome do plano             locale: \"pt\", \"es\" ou \"en\" (meses, rótulos)
//   start: o primeiro dia de trabalho  day_start: quando começa a jornada (HH:MM)
//   hours_per_day: horas de trabalho por dia, a partir de day_start
//   workdays: os dias da semana trabalhados
//   holidays: dias em que ninguém trabalha, como (date: \"2024-07-09\", name: \"…\")
//   activities: o trabalho em ordem: (code: \"A1\", name: \"…\", hours: 42); hours 0 é um marco
"
        }
    }
}

/// The one comment line at the top of a plan made from another file (a document, an MS
/// Project file), in the plan's language.
pub fn imported_preamble(locale: Locale) -> &'static str {
    match locale.language() {
        Language::En => "// cronograma plan: see README.md for every field.\n",
        Language::Es => "// Plan de cronograma: README.md explica cada campo.\n",
        Language::Pt => "// Plano do cronograma: o README.md explica cada campo.\n",
    }
}

/// What a new plan is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPlan {
    /// Its title.
    pub title: String,
    /// The first day of work.
    pub start: NaiveDate,
    /// Hours worked a day.
    pub hours_per_day: Hours,
    /// When the day's work starts.
    pub day_start: NaiveTime,
    /// The days of the week worked.
    pub workdays: Vec<Day>,
    /// The plan's language.
    pub locale: Locale,
}

impl NewPlan {
    /// The defaults: titled after the file, starting `today`, 8 hours a day from 09:00, Monday
    /// to Friday, in the language of the environment (`LANG=es_AR.UTF-8` gives Spanish).
    pub fn defaults(title: &str, today: NaiveDate) -> NewPlan {
        NewPlan {
            title: title.to_owned(),
            start: today,
            hours_per_day: Hours::from_whole(8),
            day_start: NaiveTime::from_hms_opt(9, 0, 0).expect("09:00 is a time"),
            workdays: Day::WEEK.to_vec(),
            locale: locale_from_environment(),
        }
    }

    /// The plan: these values and one activity of a day's work, `A1`, to rename.
    pub fn document(&self) -> Document {
        let first_activity = match self.locale.language() {
            Language::Es => "Primera actividad",
            Language::Pt => "Primeira atividade",
            Language::En => "First activity",
        };
        Document {
            plan: Plan {
                title_text: Some(self.title.clone()),
                locale: self.locale,
                start: self.start,
                day_start: Some(self.day_start),
                hours_per_day: Some(self.hours_per_day),
                workdays: self.workdays.clone(),
                activities: vec![Activity {
                    code: Arc::from("A1"),
                    name: Arc::from(first_activity),
                    hours: self.hours_per_day,
                    ..Activity::default()
                }],
                ..Plan::default()
            },
            preamble: new_plan_preamble(self.locale).to_owned(),
        }
    }
}

/// Spanish or Portuguese when `LC_ALL`, `LC_MESSAGES` or `LANG` (the first one set) starts
/// with `es` or `pt`; English otherwise.
pub fn locale_from_environment() -> Locale {
    let setting = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|value| !value.is_empty()));
    match setting {
        Some(value) if value.starts_with("es") => Locale::ES,
        Some(value) if value.starts_with("pt") => {
            let tag = value.split(['.', '@']).next().unwrap_or("pt");
            tag.parse().unwrap_or(Locale::EN)
        }
        _ => Locale::EN,
    }
}

/// Days of the week as people type them: `Mon Tue Wed`, `lun, mar, mié`, `Mon-Fri`.
pub fn parse_workdays(text: &str) -> Result<Vec<Day>, FieldError> {
    // English, Spanish (and its two letters), Portuguese: `segunda`, `miércoles` read too.
    const NAMES: [[&str; 4]; 7] = [
        ["mon", "lun", "lu", "seg"],
        ["tue", "mar", "ma", "ter"],
        ["wed", "mie", "mi", "qua"],
        ["thu", "jue", "ju", "qui"],
        ["fri", "vie", "vi", "sex"],
        ["sat", "sab", "sa", "sab"],
        ["sun", "dom", "do", "dom"],
    ];
    const DAYS: [Day; 7] = Day::ALL;
    let folded = crate::text::fold(text);
    let index_of = |word: &str| {
        let word = word.trim();
        NAMES.iter().position(|names| {
            names.iter().any(|name| {
                word == *name || (word.len() >= 3 && name.len() == 3 && word.starts_with(name))
            })
        })
    };
    let mut days = Vec::new();
    for part in folded
        .split([',', ' ', ';'])
        .filter(|part| !part.is_empty())
    {
        let unknown = || FieldError::NotAWeekday(part.to_owned());
        match part.split_once('-') {
            Some((first, last)) => {
                let (first, last) = (
                    index_of(first).ok_or_else(unknown)?,
                    index_of(last).ok_or_else(unknown)?,
                );
                if last < first {
                    return Err(FieldError::Backwards(part.to_owned()));
                }
                days.extend(&DAYS[first..=last]);
            }
            None => days.push(DAYS[index_of(part).ok_or_else(unknown)?]),
        }
    }
    days.dedup();
    if days.is_empty() {
        return Err(FieldError::NoWeekdays);
    }
    Ok(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_plan_is_valid_canonical_and_explained() {
        let mut new = NewPlan::defaults("tesis", "2024-03-04".parse().unwrap());
        for (locale, opening) in [
            (Locale::EN, "// cronograma plan. README.md"),
            (Locale::ES, "// Plan de cronograma. README.md"),
            (Locale::PT_BR, "// Plano do cronograma. O README.md"),
        ] {
            new.locale = locale;
            let text = super::super::write::to_ron(&new.document());
            let again = super::super::parse(&text, std::path::Path::new("tesis.ron")).unwrap();
            assert_eq!(again.plan.activities.len(), 1);
            assert_eq!(super::super::write::to_ron(&again), text, "canonical");
            assert!(text.starts_with(opening), "{text}");
        }
    }

    #[test]
    fn workdays_are_read_in_either_language_and_as_ranges() {
        assert_eq!(parse_workdays("Mon-Fri").unwrap(), Day::WEEK);
        assert_eq!(
            parse_workdays("lun, mié, sáb").unwrap(),
            [Day::Mon, Day::Wed, Day::Sat]
        );
        assert_eq!(
            parse_workdays("Monday Tuesday").unwrap(),
            [Day::Mon, Day::Tue]
        );
        assert_eq!(
            parse_workdays("segunda, quarta-sexta").unwrap(),
            [Day::Mon, Day::Wed, Day::Thu, Day::Fri]
        );
        assert!(
            parse_workdays("Funday")
                .unwrap_err()
                .to_string()
                .contains("not a day")
        );
        assert!(parse_workdays("").is_err());
    }
}
