//! The spreadsheet export, for a tutor or a supervisor who works in Excel or LibreOffice: an
//! activities sheet (real date-times, totals as formulas with their values stored, the
//! tracking columns of a tracked plan), the month tables of the plan document, and a Gantt
//! sheet with a column per working day. Sheet names and headings are in the plan's language.
//!
//! Written with rust_xlsxwriter, which writes only what Excel itself writes (checked by its
//! authors against Excel's own files). Every text goes in with `write_string`, so a name that
//! starts with `=`, `+`, `-` or `@` stays text and is never run as a formula; control
//! characters are written visibly (`\u{1b}`), as in every export.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::utility::column_number_to_name;
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format as Style, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};

use super::report::{
    PAPER, activity_headings, darker, day_cell, gantt_days, hex_colour, report_months, text,
};
use crate::calendar::{DayKind, day_info, weekday_labels};
use crate::colour::activity_hex;
use crate::locale::words;
use crate::messages::Msg;
use crate::plan::{Hours, Plan};
use crate::schedule::Schedule;
use crate::status::Status;

/// The workbook as the bytes of an `.xlsx` file, or why it cannot be written (a plan whose
/// Gantt would need more columns than a sheet has).
pub fn render(plan: &Plan, schedule: &Schedule) -> Result<Vec<u8>, super::RenderError> {
    let mut workbook = Workbook::new();
    let styles = Styles::new();
    let status = Status::of(plan, schedule);
    let written = (|| -> Result<Vec<u8>, XlsxError> {
        activities_sheet(
            workbook.add_worksheet(),
            plan,
            schedule,
            status.as_ref(),
            &styles,
        )?;
        calendar_sheet(workbook.add_worksheet(), plan, schedule, &styles)?;
        gantt_sheet(
            workbook.add_worksheet(),
            plan,
            schedule,
            status.as_ref(),
            &styles,
        )?;
        workbook.save_to_buffer()
    })();
    written.map_err(|error| super::RenderError::Spreadsheet(error.to_string()))
}

/// The cell styles every sheet shares.
struct Styles {
    heading: Style,
    /// Headings over several columns (a month, a week).
    spanning: Style,
    date_time: Style,
    hours: Style,
    percent: Style,
    total: Style,
    total_hours: Style,
    month: Style,
    holiday: Style,
    faint: Style,
    status_date: Style,
}

impl Styles {
    fn new() -> Self {
        let heading = Style::new()
            .set_bold()
            .set_background_color(Color::RGB(PAPER.heading))
            .set_border(FormatBorder::Thin);
        Styles {
            date_time: Style::new().set_num_format("yyyy-mm-dd hh:mm"),
            hours: Style::new().set_num_format("0.##"),
            percent: Style::new().set_num_format("0%"),
            total: Style::new().set_bold().set_border_top(FormatBorder::Thin),
            total_hours: Style::new()
                .set_bold()
                .set_border_top(FormatBorder::Thin)
                .set_num_format("0.##"),
            month: Style::new().set_bold().set_font_size(13),
            holiday: Style::new()
                .set_background_color(Color::RGB(PAPER.holiday))
                .set_align(FormatAlign::Center),
            faint: Style::new()
                .set_font_color(Color::RGB(PAPER.faint))
                .set_align(FormatAlign::Center),
            spanning: heading.clone().set_align(FormatAlign::Center),
            status_date: heading
                .clone()
                .set_background_color(Color::RGB(PAPER.status_date))
                .set_font_color(Color::RGB(PAPER.on_status_date)),
            heading,
        }
    }
}

/// A moment as a spreadsheet date-time (a number, formatted as a date), not as text.
fn moment(at: NaiveDateTime) -> Result<ExcelDateTime, XlsxError> {
    let year =
        u16::try_from(at.year()).map_err(|_| XlsxError::DateTimeRangeError(at.to_string()))?;
    ExcelDateTime::from_ymd(year, at.month() as u8, at.day() as u8)?.and_hms(
        at.hour() as u16,
        at.minute() as u8,
        0,
    )
}

fn hours(value: Hours) -> f64 {
    value.as_f64()
}

/// Column of the hours, and of a tracked plan's logged and remaining hours and progress.
const HOURS_COLUMN: u16 = 3;
const LOGGED_COLUMN: u16 = 9;

/// A row per activity, a totals row of formulas; frozen header, an autofilter, widths that fit,
/// printed landscape one page wide.
fn activities_sheet(
    sheet: &mut Worksheet,
    plan: &Plan,
    schedule: &Schedule,
    status: Option<&Status>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(Msg::SheetActivities.text(plan.locale))?;
    let headings = activity_headings(plan, status.is_some());
    let mut widths: Vec<usize> = headings.iter().map(|h| h.chars().count()).collect();
    for (column, heading) in headings.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, *heading, &styles.heading)?;
    }
    for (index, activity) in plan.activities.iter().enumerate() {
        let row = index as u32 + 1;
        let span = &schedule.spans()[index];
        let after: Vec<String> = activity.after.iter().map(|code| text(code)).collect();
        let texts = [
            (0, text(&activity.code)),
            (1, text(&activity.name)),
            (2, text(&activity.who)),
            (7, after.join(" ")),
        ];
        for (column, value) in texts {
            widths[column] = widths[column].max(value.chars().count());
            sheet.write_string(row, column as u16, value)?;
        }
        sheet.write_number_with_format(row, HOURS_COLUMN, hours(activity.hours), &styles.hours)?;
        sheet.write_datetime_with_format(row, 4, moment(span.start)?, &styles.date_time)?;
        sheet.write_datetime_with_format(row, 5, moment(span.end)?, &styles.date_time)?;
        let days = schedule
            .days_of(index)
            .filter(|day| !day.hours.is_zero())
            .count();
        sheet.write_number(row, 6, days as f64)?;
        sheet.write_boolean(row, 8, schedule.is_critical(index))?;
        if let Some(status) = status {
            tracking_cells(sheet, plan, status, index, styles)?;
        }
    }
    let last = plan.activities.len() as u32;
    totals_row(sheet, plan, schedule, status, styles)?;
    for (column, width) in widths.iter().enumerate() {
        sheet.set_column_width(column as u16, (*width).clamp(6, 60) as f64 + 2.0)?;
    }
    // The date-time columns: the start and end, and a tracked plan's baseline.
    let dated: &[u16] = if status.is_some() {
        &[4, 5, 12, 13]
    } else {
        &[4, 5]
    };
    for column in dated {
        sheet.set_column_width(*column, 17)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last.max(1), headings.len() as u16 - 1)?;
    print_setup(sheet, plan);
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// A tracked activity's logged and remaining hours, progress, baseline, slip and state.
fn tracking_cells(
    sheet: &mut Worksheet,
    plan: &Plan,
    status: &Status,
    index: usize,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let row = index as u32 + 1;
    let progress = &status.activities[index];
    let (logged, remaining) = (hours(progress.logged), hours(progress.remaining));
    sheet.write_number_with_format(row, LOGGED_COLUMN, logged, &styles.hours)?;
    sheet.write_number_with_format(row, LOGGED_COLUMN + 1, remaining, &styles.hours)?;
    let done = if logged + remaining > 0.0 {
        logged / (logged + remaining)
    } else {
        1.0
    };
    sheet.write_number_with_format(row, LOGGED_COLUMN + 2, done, &styles.percent)?;
    if let Some((start, end)) = progress.baseline {
        sheet.write_datetime_with_format(row, 12, moment(start)?, &styles.date_time)?;
        sheet.write_datetime_with_format(row, 13, moment(end)?, &styles.date_time)?;
    }
    if let Some(days) = progress.slip_days {
        sheet.write_number(row, 14, days as f64)?;
    }
    let state = super::status::state_words(plan.locale, progress.state);
    sheet.write_string(row, 15, state)?;
    Ok(())
}

/// `Total` and the sums of hours (and of logged and remaining, with the progress they make) as
/// formulas, each with its value stored: LibreOffice shows a stored value rather than
/// recalculating an xlsx on opening.
fn totals_row(
    sheet: &mut Worksheet,
    plan: &Plan,
    schedule: &Schedule,
    status: Option<&Status>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let count = plan.activities.len() as u32;
    let row = count + 1;
    sheet.write_string_with_format(row, 1, Msg::RowTotal.text(plan.locale), &styles.total)?;
    let sum = |column: u16, value: f64| {
        let letter = column_number_to_name(column);
        Formula::new(format!("=SUM({letter}2:{letter}{})", count + 1)).set_result(value.to_string())
    };
    let total: f64 = plan.activities.iter().map(|a| hours(a.hours)).sum();
    sheet.write_formula_with_format(
        row,
        HOURS_COLUMN,
        sum(HOURS_COLUMN, total),
        &styles.total_hours,
    )?;
    let days: usize = (0..plan.activities.len())
        .map(|index| {
            schedule
                .days_of(index)
                .filter(|day| !day.hours.is_zero())
                .count()
        })
        .sum();
    sheet.write_formula_with_format(row, 6, sum(6, days as f64), &styles.total)?;
    if let Some(status) = status {
        let (logged, remaining) = (hours(status.logged), hours(status.remaining));
        sheet.write_formula_with_format(
            row,
            LOGGED_COLUMN,
            sum(LOGGED_COLUMN, logged),
            &styles.total_hours,
        )?;
        sheet.write_formula_with_format(
            row,
            LOGGED_COLUMN + 1,
            sum(LOGGED_COLUMN + 1, remaining),
            &styles.total_hours,
        )?;
        let (l, r) = (
            column_number_to_name(LOGGED_COLUMN),
            column_number_to_name(LOGGED_COLUMN + 1),
        );
        let at = row + 1;
        let progress = Formula::new(format!(
            "=IF({l}{at}+{r}{at}>0,{l}{at}/({l}{at}+{r}{at}),1)"
        ))
        .set_result(status.progress.to_string());
        let style = styles
            .percent
            .clone()
            .set_bold()
            .set_border_top(FormatBorder::Thin);
        sheet.write_formula_with_format(row, LOGGED_COLUMN + 2, progress, &style)?;
    }
    Ok(())
}

/// Landscape, on the paper of the plan's locale (Letter in the Americas that use it, A4
/// elsewhere).
fn print_setup(sheet: &mut Worksheet, plan: &Plan) {
    sheet.set_landscape();
    // Excel's paper codes: 1 is Letter, 9 is A4.
    sheet.set_paper_size(if plan.locale.uses_letter_paper() {
        1
    } else {
        9
    });
}

/// The month tables of the plan document: a heading per month, the week number and the day
/// numbers with the codes worked (`9 (A3)`), holidays marked and shaded.
fn calendar_sheet(
    sheet: &mut Worksheet,
    plan: &Plan,
    schedule: &Schedule,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let words = words(plan.locale);
    sheet.set_name(Msg::SheetCalendar.text(plan.locale))?;
    let mut row = 0;
    let mut widths = [words.week.chars().count(); 8];
    for month in report_months(schedule) {
        let heading = format!("{} {}", words.month(month.month), month.year);
        sheet.write_string_with_format(row, 0, heading, &styles.month)?;
        row += 1;
        sheet.write_string_with_format(row, 0, words.week, &styles.heading)?;
        for (column, label) in weekday_labels(&words.weekdays, plan.week_start())
            .iter()
            .enumerate()
        {
            sheet.write_string_with_format(row, column as u16 + 1, *label, &styles.heading)?;
        }
        row += 1;
        let mut has_holiday = false;
        for week in month.weeks(plan.week_start()) {
            sheet.write_number_with_format(row, 0, f64::from(week.number()), &styles.faint)?;
            for (column, date) in week.days().enumerate() {
                let column = column + 1;
                let cell = day_cell(plan, schedule, month, date);
                has_holiday |= cell.holiday;
                widths[column] = widths[column].max(cell.text.chars().count());
                let style = if cell.holiday {
                    &styles.holiday
                } else if month.contains(date) {
                    &Style::new()
                } else {
                    &styles.faint
                };
                sheet.write_string_with_format(row, column as u16, cell.text, style)?;
            }
            row += 1;
        }
        if has_holiday {
            let legend = format!("({}): {}.", words.holiday_mark, words.holiday);
            sheet.write_string(row, 0, legend)?;
            row += 1;
        }
        row += 1;
    }
    for (column, width) in widths.iter().enumerate() {
        sheet.set_column_width(column as u16, (*width).clamp(4, 40) as f64 + 2.0)?;
    }
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// The Gantt's first columns: the code and the name; the days start after them.
const GANTT_DAYS_FROM: u16 = 2;
/// The rows of the Gantt's header: months, weeks, day numbers.
const GANTT_HEADER_ROWS: u32 = 3;

/// A row per activity and a column per working day (and per holiday, shaded), under month,
/// week and day headers; worked cells in the activity's colour, logged work darker; the status
/// date's column marked.
fn gantt_sheet(
    sheet: &mut Worksheet,
    plan: &Plan,
    schedule: &Schedule,
    status: Option<&Status>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(Msg::SheetGantt.text(plan.locale))?;
    let days = gantt_days(schedule);
    let limit = usize::from(u16::MAX >> 2) - usize::from(GANTT_DAYS_FROM);
    if days.len() > limit {
        return Err(XlsxError::ParameterError(format!(
            "the Gantt would need {} day columns; a sheet holds {limit}",
            days.len()
        )));
    }
    let column_of = |at: usize| GANTT_DAYS_FROM + at as u16;
    gantt_header(sheet, plan, &days, status, styles)?;
    let mut name_width = 10;
    for (index, activity) in plan.activities.iter().enumerate() {
        let row = GANTT_HEADER_ROWS + index as u32;
        let name = text(&activity.name);
        name_width = name_width.max(name.chars().count());
        sheet.write_string(row, 0, text(&activity.code))?;
        sheet.write_string(row, 1, name)?;
        let colour = hex_colour(activity_hex(index));
        let planned = Style::new().set_background_color(Color::RGB(colour));
        let logged = Style::new().set_background_color(Color::RGB(darker(colour)));
        for day in schedule.days_of(index).filter(|day| !day.hours.is_zero()) {
            let Ok(at) = days.binary_search(&day.date) else {
                continue;
            };
            let style = if day.logged.is_zero() {
                &planned
            } else {
                &logged
            };
            sheet.write_blank(row, column_of(at), style)?;
        }
    }
    for (at, date) in days.iter().enumerate() {
        if day_info(schedule, *date).kind == DayKind::Holiday {
            sheet.set_column_format(column_of(at), &styles.holiday)?;
        }
        sheet.set_column_width(column_of(at), 3.3)?;
    }
    sheet.set_column_width(0, 8)?;
    sheet.set_column_width(1, name_width.min(45) as f64 + 2.0)?;
    sheet.set_freeze_panes(GANTT_HEADER_ROWS, GANTT_DAYS_FROM)?;
    print_setup(sheet, plan);
    sheet.set_repeat_rows(0, GANTT_HEADER_ROWS - 1)?;
    sheet.set_repeat_columns(0, GANTT_DAYS_FROM - 1)?;
    Ok(())
}

/// The three header rows: months and ISO weeks merged over their days, and day numbers; the
/// status date's day in red.
fn gantt_header(
    sheet: &mut Worksheet,
    plan: &Plan,
    days: &[NaiveDate],
    status: Option<&Status>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let words = words(plan.locale);
    sheet.write_string_with_format(2, 0, Msg::ColumnCode.text(plan.locale), &styles.heading)?;
    sheet.write_string_with_format(2, 1, Msg::ColumnName.text(plan.locale), &styles.heading)?;
    let month_of = |day: &NaiveDate| format!("{} {}", words.month(day.month()), day.year());
    let week_of = |day: &NaiveDate| day.iso_week().week().to_string();
    merged_runs(sheet, 0, days, month_of, &styles.spanning)?;
    merged_runs(sheet, 1, days, week_of, &styles.spanning)?;
    for (at, day) in days.iter().enumerate() {
        let marked = status.is_some_and(|status| status.as_of == *day);
        let style = if marked {
            &styles.status_date
        } else {
            &styles.heading
        };
        sheet.write_number_with_format(
            2,
            GANTT_DAYS_FROM + at as u16,
            f64::from(day.day()),
            style,
        )?;
    }
    Ok(())
}

/// Writes `label` of each run of days that share it across their columns of `row`, merged.
fn merged_runs(
    sheet: &mut Worksheet,
    row: u32,
    days: &[NaiveDate],
    label: impl Fn(&NaiveDate) -> String,
    style: &Style,
) -> Result<(), XlsxError> {
    let mut start = 0;
    for at in 1..=days.len() {
        if at < days.len() && label(&days[at]) == label(&days[start]) {
            continue;
        }
        let (first, last) = (
            GANTT_DAYS_FROM + start as u16,
            GANTT_DAYS_FROM + at as u16 - 1,
        );
        if first == last {
            sheet.write_string_with_format(row, first, label(&days[start]), style)?;
        } else {
            sheet.merge_range(row, first, row, last, &label(&days[start]), style)?;
        }
        start = at;
    }
    Ok(())
}
