//! The words cronograma prints, in the plan's language.

use crate::plan::Locale;

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
};

/// The words of `locale`.
pub fn words(locale: Locale) -> &'static Words {
    match locale {
        Locale::En => &ENGLISH,
        Locale::Es => &SPANISH,
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
        for locale in Locale::ALL {
            assert_eq!(words(locale).holiday_mark, locale.holiday_mark());
        }
    }
}
