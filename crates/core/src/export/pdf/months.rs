//! The month tables of the plan document, two months side by side: the week's number, the day
//! numbers with the codes worked (`9 (A3)`), holidays shaded and marked, the week starting on
//! the plan's day, and the holiday mark's meaning under a month that has one.

use super::SECTION;
use super::face::Weight;
use super::sheet::{Sheets, Type};
use crate::calendar::{Month, weekday_labels};
use crate::export::report::{PAPER, day_cell, report_months};
use crate::locale::words;
use crate::messages::Msg;
use crate::plan::Plan;
use crate::schedule::Schedule;

const MONTH_NAME: Type = Type::new(11.0, Weight::Bold, PAPER.ink);
const DAY: Type = Type::new(7.5, Weight::Regular, PAPER.ink);
const LINE: f32 = DAY.size * 1.25;
const PAD: f32 = 2.5;
const WEEK_COLUMN: f32 = 26.0;
const GAP: f32 = 20.0;

/// A month laid out: its heading, and each week's number and day cells (wrapped to lines).
struct MonthBlock {
    heading: String,
    weeks: Vec<(u32, Vec<Cell>)>,
    holiday_legend: Option<String>,
}

struct Cell {
    lines: Vec<String>,
    holiday: bool,
    other_month: bool,
}

impl MonthBlock {
    fn week_height(cells: &[Cell]) -> f32 {
        let lines = cells.iter().map(|cell| cell.lines.len()).max().unwrap_or(1);
        lines as f32 * LINE + 2.0 * PAD
    }

    fn height(&self) -> f32 {
        let weeks: f32 = self
            .weeks
            .iter()
            .map(|(_, cells)| Self::week_height(cells))
            .sum();
        let legend = if self.holiday_legend.is_some() {
            LINE + PAD
        } else {
            0.0
        };
        MONTH_NAME.size * 1.6 + LINE + 2.0 * PAD + weeks + legend
    }
}

/// The months of the plan's work, two side by side.
pub fn month_tables(sheets: &mut Sheets, plan: &Plan, schedule: &Schedule) {
    let width = (sheets.paper.usable_width() - GAP) / 2.0;
    let blocks: Vec<MonthBlock> = report_months(schedule)
        .into_iter()
        .map(|month| month_block(sheets, plan, schedule, month, width))
        .collect();
    let first_height = blocks.first().map_or(0.0, MonthBlock::height);
    sheets.heading(SECTION, Msg::SheetCalendar.text(plan.locale), first_height);
    for pair in blocks.chunks(2) {
        let height = pair.iter().map(MonthBlock::height).fold(0.0, f32::max);
        sheets.room_for(height);
        for (at, block) in pair.iter().enumerate() {
            let x = sheets.paper.margin + at as f32 * (width + GAP);
            draw_month(sheets, plan, block, x, width);
        }
        sheets.y += height + 14.0;
    }
}

fn month_block(
    sheets: &Sheets,
    plan: &Plan,
    schedule: &Schedule,
    month: Month,
    width: f32,
) -> MonthBlock {
    let words = words(plan.locale);
    let day_width = (width - WEEK_COLUMN) / 7.0 - 2.0 * PAD;
    let face = sheets.faces.get(DAY.weight);
    let mut has_holiday = false;
    let weeks = month
        .weeks(plan.week_start())
        .map(|week| {
            let cells = week
                .days()
                .map(|date| {
                    let cell = day_cell(plan, schedule, month, date);
                    has_holiday |= cell.holiday;
                    Cell {
                        lines: face.wrap(&cell.text, DAY.size, day_width),
                        holiday: cell.holiday,
                        other_month: !month.contains(date),
                    }
                })
                .collect();
            (week.number(), cells)
        })
        .collect();
    MonthBlock {
        heading: format!("{} {}", words.month(month.month), month.year),
        weeks,
        holiday_legend: has_holiday
            .then(|| format!("({}): {}.", words.holiday_mark, words.holiday)),
    }
}

fn draw_month(sheets: &mut Sheets, plan: &Plan, block: &MonthBlock, left: f32, width: f32) {
    let words = words(plan.locale);
    let day_width = (width - WEEK_COLUMN) / 7.0;
    let mut y = sheets.y;
    sheets.text(left, y + MONTH_NAME.size, MONTH_NAME, block.heading.clone());
    y += MONTH_NAME.size * 1.6;
    let header = LINE + 2.0 * PAD;
    sheets.fill(left, y, width, header, PAPER.heading);
    let bold = DAY.bold();
    sheets.text(left + PAD, y + PAD + DAY.size, bold, words.week_short);
    for (at, label) in weekday_labels(&words.weekdays, plan.week_start())
        .iter()
        .enumerate()
    {
        let x = left + WEEK_COLUMN + at as f32 * day_width + PAD;
        sheets.text(x, y + PAD + DAY.size, bold, *label);
    }
    y += header;
    for (number, cells) in &block.weeks {
        let height = MonthBlock::week_height(cells);
        let faint = DAY.coloured(PAPER.faint);
        sheets.text(left + PAD, y + PAD + DAY.size, faint, number.to_string());
        for (at, cell) in cells.iter().enumerate() {
            let x = left + WEEK_COLUMN + at as f32 * day_width;
            if cell.holiday {
                sheets.fill(x, y, day_width, height, PAPER.holiday);
            }
            let style = if cell.other_month { faint } else { DAY };
            for (row, line) in cell.lines.iter().enumerate() {
                let baseline = y + PAD + DAY.size + row as f32 * LINE;
                sheets.text(x + PAD, baseline, style, line.clone());
            }
        }
        y += height;
        sheets.rule((left, y), (left + width, y), PAPER.rule);
    }
    if let Some(legend) = &block.holiday_legend {
        sheets.text(left, y + PAD + DAY.size, DAY, legend.clone());
    }
}
