//! What the tutor's reports (the spreadsheet and the PDF) say alike: the activity columns, a
//! month table's day cells, the Gantt's days and its colours. Each report lays these out in
//! its own medium; the facts are worked out here once.

use chrono::{Datelike, NaiveDate};

use crate::calendar::{DayKind, DayWalk, Month, day_info, months_between};
use crate::messages::Msg;
use crate::plan::Plan;
use crate::schedule::Schedule;
use crate::text::in_one_line;

/// The reports' colours on paper (`0xRRGGBB`): one table, as the terminal's colours are one
/// theme table. Activities take their colour from [`crate::colour::activity_hex`].
pub struct PaperColours {
    /// Text.
    pub ink: u32,
    /// Secondary text: days of other months, week numbers, footers.
    pub faint: u32,
    /// Table rules and outlines.
    pub rule: u32,
    /// The background of headings.
    pub heading: u32,
    /// Holidays.
    pub holiday: u32,
    /// Every other row of a long table.
    pub stripe: u32,
    /// The status date.
    pub status_date: u32,
    /// Text on the status date's mark.
    pub on_status_date: u32,
}

/// The one table of paper colours.
pub const PAPER: PaperColours = PaperColours {
    ink: 0x000000,
    faint: 0x808080,
    rule: 0xB4B4B4,
    heading: 0xDDE4EE,
    holiday: 0xD9D9D9,
    stripe: 0xF3F5F8,
    status_date: 0xC00000,
    on_status_date: 0xFFFFFF,
};

/// Text from the plan as a cell holds it: one line, control characters visible.
pub fn text(value: &str) -> String {
    in_one_line(value).into_owned()
}

/// The activities sheet's columns, in the plan's language, with a tracked plan's at the end.
pub fn activity_headings(plan: &Plan, tracked: bool) -> Vec<&'static str> {
    let mut columns = vec![
        Msg::ColumnCode,
        Msg::ColumnName,
        Msg::ColumnPerson,
        Msg::ColumnHours,
        Msg::ColumnStart,
        Msg::ColumnEnd,
        Msg::ColumnWorkingDays,
        Msg::ColumnAfter,
        Msg::ColumnCritical,
    ];
    if tracked {
        columns.extend([
            Msg::ColumnLogged,
            Msg::ColumnRemaining,
            Msg::ColumnProgress,
            Msg::ColumnBaselineStart,
            Msg::ColumnBaselineEnd,
            Msg::ColumnSlip,
            Msg::ColumnState,
        ]);
    }
    columns
        .into_iter()
        .map(|msg| msg.text(plan.locale))
        .collect()
}

/// What a day's cell of a month table says, and whether it is a holiday of the month.
pub struct DayCell {
    pub text: String,
    pub holiday: bool,
}

pub fn day_cell(plan: &Plan, schedule: &Schedule, month: Month, date: NaiveDate) -> DayCell {
    if !month.contains(date) {
        return DayCell {
            text: date.day().to_string(),
            holiday: false,
        };
    }
    let info = day_info(schedule, date);
    let text = match info.mark(plan) {
        Some(mark) => format!("{} ({})", date.day(), text(&mark)),
        None => date.day().to_string(),
    };
    DayCell {
        text,
        holiday: info.kind == DayKind::Holiday,
    }
}

/// The months the reports' month tables show: from the first worked day's to the last's,
/// leaving out the middle of a long gap (a month with no work whose neighbours have none
/// either), so a plan with work logged long ago and work left now is not pages of empty
/// months. A month off between two of work still shows: it is part of the plan.
pub fn report_months(schedule: &Schedule) -> Vec<Month> {
    let (first, last) = schedule
        .worked_days()
        .unwrap_or((schedule.start().date(), schedule.end().date()));
    let months = months_between(first, last);
    let mut worked = vec![false; months.len()];
    let month_index = |date: NaiveDate| {
        let (from, to) = (months[0], Month::of(date));
        ((to.year - from.year) * 12 + to.month as i32 - from.month as i32) as usize
    };
    for index in 0..schedule.spans().len() {
        for day in schedule.days_of(index).filter(|day| !day.hours.is_zero()) {
            if let Some(slot) = worked.get_mut(month_index(day.date)) {
                *slot = true;
            }
        }
    }
    let near_work = |at: usize| {
        worked[at.saturating_sub(1)..=(at + 1).min(months.len() - 1)]
            .iter()
            .any(|worked| *worked)
    };
    months
        .iter()
        .enumerate()
        .filter(|(at, _)| near_work(*at))
        .map(|(_, month)| *month)
        .collect()
}

/// The Gantt's days: from the first worked day to the last, every day someone works or that is
/// a holiday (weekends nobody works are left out, as a working-day chart does).
pub fn gantt_days(schedule: &Schedule) -> Vec<NaiveDate> {
    let Some((first, last)) = schedule.worked_days() else {
        return Vec::new();
    };
    let mut walk = DayWalk::from(schedule, first, None);
    first
        .iter_days()
        .take_while(|day| *day <= last)
        .filter(|day| {
            let info = walk.day(*day);
            info.kind != DayKind::Rest || !info.slots.is_empty()
        })
        .collect()
}

/// `#1f77b4` as a number.
pub fn hex_colour(hex: &str) -> u32 {
    u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0x808080)
}

/// The same colour, darker: logged work beside what remains.
pub fn darker(colour: u32) -> u32 {
    let channel = |shift: u32| (((colour >> shift) & 0xFF) * 3 / 5) << shift;
    channel(16) | channel(8) | channel(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logged_work_is_darker() {
        assert_eq!(darker(0xFFFFFF), 0x999999);
        assert_eq!(hex_colour("#1f77b4"), 0x1F77B4);
    }
}
