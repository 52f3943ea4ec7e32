//! The words cronograma prints, in the plan's language.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use chrono::NaiveDate;

use crate::plan::{Language, Locale};

/// Month names, weekday labels and the other words of one language.
#[derive(Debug)]
pub struct Words {
    /// January first, capitalised as a heading (`Septiembre`).
    pub months: [&'static str; 12],
    /// Monday first, three letters (`Mon`, `Mié`).
    pub weekdays: [&'static str; 7],
    /// Monday first, two letters, for narrow grids (`Mo`, `Mi`).
    pub weekdays_short: [&'static str; 7],
    /// The ISO week column's heading.
    pub week: &'static str,
    /// The narrow week column's heading.
    pub week_short: &'static str,
    /// The letter that marks a holiday in tables (`F`, `H`).
    pub holiday_mark: &'static str,
    /// The word the mark stands for (`Feriado`).
    pub holiday: &'static str,
    /// The heading of the schedule section.
    pub schedule_heading: &'static str,
    /// What an activity is called in lists (`Actividad`).
    pub activity: &'static str,
    /// The number sign before an activity's position (`Nº`).
    pub number_sign: &'static str,
    /// The label before an activity's effort (`Duración`).
    pub duration: &'static str,
    /// The unit of effort, one and many (`hora`, `horas`).
    pub hour_units: (&'static str, &'static str),
    /// What an activity without effort is (`Hito`).
    pub milestone: &'static str,
    /// A day of the week nobody works (`No laborable`).
    pub rest_day: &'static str,
    /// The chain of activities that fixes the end (`Camino crítico`).
    pub critical_path: &'static str,
    /// The heading of activities nobody is named for, when others have people.
    pub unassigned: &'static str,
    /// What exports call a day with its own hours (MS Project's exception, TaskJuggler's
    /// shift).
    pub own_hours: &'static str,
}

const ENGLISH: Words = Words {
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    weekdays_short: ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
    week: "Week",
    week_short: "Wk",
    holiday_mark: "H",
    holiday: "Holiday",
    schedule_heading: "Schedule",
    activity: "Activity",
    number_sign: "",
    duration: "Duration",
    hour_units: ("hour", "hours"),
    milestone: "Milestone",
    rest_day: "Day off",
    critical_path: "Critical path",
    unassigned: "Unassigned",
    own_hours: "Own hours",
};

const SPANISH: Words = Words {
    months: [
        "Enero",
        "Febrero",
        "Marzo",
        "Abril",
        "Mayo",
        "Junio",
        "Julio",
        "Agosto",
        "Septiembre",
        "Octubre",
        "Noviembre",
        "Diciembre",
    ],
    weekdays: ["Lun", "Mar", "Mié", "Jue", "Vie", "Sáb", "Dom"],
    weekdays_short: ["Lu", "Ma", "Mi", "Ju", "Vi", "Sá", "Do"],
    week: "Sem",
    week_short: "Sem",
    holiday_mark: "F",
    holiday: "Feriado",
    schedule_heading: "Cronograma de actividades",
    activity: "Actividad",
    number_sign: "Nº",
    duration: "Duración",
    hour_units: ("hora", "horas"),
    milestone: "Hito",
    rest_day: "No laborable",
    critical_path: "Camino crítico",
    unassigned: "Sin asignar",
    own_hours: "Horas propias",
};

const PORTUGUESE: Words = Words {
    // Months and weekdays come from the locale data (see `localized`).
    months: ENGLISH.months,
    weekdays: ENGLISH.weekdays,
    weekdays_short: ENGLISH.weekdays_short,
    week: "Sem",
    week_short: "Sem",
    holiday_mark: "F",
    holiday: "Feriado",
    schedule_heading: "Cronograma de atividades",
    activity: "Atividade",
    number_sign: "nº",
    duration: "Duração",
    hour_units: ("hora", "horas"),
    milestone: "Marco",
    rest_day: "Dia não útil",
    critical_path: "Caminho crítico",
    unassigned: "Sem responsável",
    own_hours: "Horas próprias",
};

/// The words of `locale`: cronograma's own for `es` and `en` (those of the plan documents);
/// for any other locale, month and weekday names from its locale data, with the labels of its
/// language (Portuguese) or English.
pub fn words(locale: Locale) -> &'static Words {
    match locale.language() {
        Language::En if locale.own_names() => &ENGLISH,
        Language::Es => &SPANISH,
        _ => localized(locale),
    }
}

/// The words of a locale whose names come from the locale data: made once per locale and kept
/// for the life of the program (a plan has one locale; a few hundred bytes each).
fn localized(locale: Locale) -> &'static Words {
    static MADE: OnceLock<Mutex<HashMap<Locale, &'static Words>>> = OnceLock::new();
    let mut made = MADE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    made.entry(locale).or_insert_with(|| {
        let labels = match locale.language() {
            Language::Pt => &PORTUGUESE,
            _ => &ENGLISH,
        };
        let names = locale.names();
        let name = |date: NaiveDate, pattern: &str| -> &'static str {
            let text = date.format_localized(pattern, names).to_string();
            let text = text.trim().trim_end_matches('.');
            Box::leak(capitalised(text).into_boxed_str())
        };
        let first = |month: u32| NaiveDate::from_ymd_opt(2024, month, 1).expect("a real date");
        let months = std::array::from_fn(|index| name(first(index as u32 + 1), "%B"));
        // 1 January 2024 was a Monday.
        let weekdays = std::array::from_fn(|index| {
            name(first(1) + chrono::TimeDelta::days(index as i64), "%a")
        });
        Box::leak(Box::new(Words {
            months,
            weekdays,
            // Two letters collide in many languages (Portuguese seg/sex): the grids are wide
            // enough for the abbreviations.
            weekdays_short: weekdays,
            ..*labels
        }))
    })
}

/// `text` with its first letter in upper case, as month headings are written.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Words {
    /// The name of `month` (1–12).
    pub fn month(&self, month: u32) -> &'static str {
        self.months[(month as usize).saturating_sub(1) % 12]
    }
}

#[cfg(test)]
mod mark_tests {
    use super::*;

    #[test]
    fn the_holiday_mark_is_the_one_validation_knows() {
        for tag in ["en", "es", "pt-BR", "fr", "de"] {
            let locale: Locale = tag.parse().unwrap();
            assert_eq!(words(locale).holiday_mark, locale.holiday_mark());
        }
    }

    #[test]
    fn other_locales_take_their_names_from_the_locale_data() {
        let brazil: Locale = "pt-BR".parse().unwrap();
        let words_pt = words(brazil);
        assert_eq!(words_pt.month(9), "Setembro");
        assert_eq!(words_pt.weekdays[0], "Seg");
        assert_eq!(words_pt.activity, "Atividade");
        let french = words("fr".parse().unwrap());
        assert_eq!(french.month(2), "Février");
        assert_eq!(french.weekdays[2], "Mer");
        assert_eq!(
            french.activity, "Activity",
            "no French labels: English ones"
        );
        // es and en keep cronograma's own names.
        assert_eq!(words(Locale::ES).weekdays[2], "Mié");
        assert_eq!(words("en-US".parse().unwrap()).month(10), "October");
    }
}
