//! Month calendars as lines of text, like `cal -3` with ISO week numbers and the activity codes
//! next to the day numbers. The lines carry tones; the caller decides whether to colour them.

use chrono::Datelike;
use unicode_width::UnicodeWidthStr;

use super::{DayKind, Month, day_info, weekday_labels};
use crate::colour::Tone;
use crate::locale::words;
use crate::plan::Plan;
use crate::schedule::Schedule;

/// A run of text of one tone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// How it is coloured.
    pub tone: Tone,
}

/// One line of output.
pub type Line = Vec<Segment>;

/// Space between months set side by side.
const GAP: usize = 3;

/// Renders `months`, as many side by side as fit in `width` columns (at least one).
pub fn render(plan: &Plan, schedule: &Schedule, months: &[Month], width: usize) -> Vec<Line> {
    let words = words(plan.locale);
    let mark_width = months
        .iter()
        .flat_map(|month| {
            month
                .first_day()
                .iter_days()
                .take_while(|d| month.contains(*d))
        })
        .filter_map(|date| day_info(schedule, date).mark(plan))
        .map(|mark| mark.width())
        .max()
        .unwrap_or(1);
    let layout = Layout {
        week_width: words.week_short.width().max(2),
        cell_width: 3 + mark_width,
    };
    let per_row = ((width + GAP) / (layout.block_width() + GAP)).max(1);
    let mut lines = Vec::new();
    for (row, chunk) in months.chunks(per_row).enumerate() {
        if row > 0 {
            lines.push(Vec::new());
        }
        let blocks: Vec<Vec<Line>> = chunk
            .iter()
            .map(|month| month_block(plan, schedule, *month, &layout))
            .collect();
        // Rows of the tallest month in this row of months: no blank tail when all are short.
        let rows = blocks.iter().map(|block| block.len()).max().unwrap_or(0);
        for index in 0..rows {
            let mut line = Line::new();
            for (position, block) in blocks.iter().enumerate() {
                if position > 0 {
                    push(&mut line, " ".repeat(GAP), Tone::Plain);
                }
                match block.get(index) {
                    Some(row) => line.extend(row.iter().cloned()),
                    None => push(&mut line, " ".repeat(layout.block_width()), Tone::Plain),
                }
            }
            trim_end(&mut line);
            lines.push(line);
        }
    }
    lines
}

/// Column widths shared by every block of one output.
struct Layout {
    week_width: usize,
    /// Day number (2), a space, and the widest mark.
    cell_width: usize,
}

impl Layout {
    fn block_width(&self) -> usize {
        self.week_width + 7 * (self.cell_width + 1)
    }
}

/// One month as lines of exactly the block's width: title, heading, one line per week.
fn month_block(plan: &Plan, schedule: &Schedule, month: Month, layout: &Layout) -> Vec<Line> {
    let words = words(plan.locale);
    let width = layout.block_width();
    let title = format!("{} {}", words.month(month.month), month.year);
    let mut lines = vec![vec![Segment {
        text: crate::text::center(&title, width),
        tone: Tone::Heading,
    }]];

    let mut heading = Line::new();
    push(
        &mut heading,
        pad(words.week_short, layout.week_width),
        Tone::Faint,
    );
    for day in weekday_labels(&words.weekdays_short, plan.week_start()) {
        push(
            &mut heading,
            format!(" {}", pad(day, layout.cell_width)),
            Tone::Heading,
        );
    }
    lines.push(heading);

    for week in month.weeks(plan.week_start()) {
        let mut line = Line::new();
        let number = crate::text::pad_left(&week.number().to_string(), layout.week_width);
        push(&mut line, number, Tone::Faint);
        for date in week.days() {
            push(&mut line, " ".into(), Tone::Plain);
            if !month.contains(date) {
                push(&mut line, " ".repeat(layout.cell_width), Tone::Plain);
                continue;
            }
            let info = day_info(schedule, date);
            push(&mut line, format!("{:>2} ", date.day()), info.number_tone());
            let mut used = 0;
            if info.kind == DayKind::Holiday {
                push(&mut line, words.holiday_mark.into(), Tone::Holiday);
                used = words.holiday_mark.width();
            } else {
                for (position, slot) in info.worked(plan).enumerate() {
                    if position > 0 {
                        push(&mut line, ", ".into(), Tone::Plain);
                        used += 2;
                    }
                    let code = &plan.activities[slot.activity].code;
                    push(&mut line, code.to_string(), Tone::Activity(slot.activity));
                    used += code.width();
                }
            }
            push(
                &mut line,
                " ".repeat(layout.cell_width.saturating_sub(3 + used)),
                Tone::Plain,
            );
        }
        lines.push(line);
    }
    lines
}

fn push(line: &mut Line, text: String, tone: Tone) {
    line.push(Segment { text, tone });
}

/// `text` padded with spaces to `width` columns.
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// Drops trailing blanks so lines end where their text does.
fn trim_end(line: &mut Line) {
    while let Some(last) = line.last_mut() {
        let kept = last.text.trim_end().len();
        if kept > 0 {
            last.text.truncate(kept);
            break;
        }
        line.pop();
    }
}
