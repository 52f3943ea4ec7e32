//! `cronograma cal`: the month calendars with the activity codes, coloured on a terminal.

use std::io::{self, IsTerminal};

use clap::{Args, ValueEnum};
use ratatui::backend::IntoCrossterm;

use chrono::NaiveDate;

use super::{Error, PlanArg, open, print};
use crate::calendar::{months_between, text};
use crate::palette::ThemeChoice;

// Options of `cal`.
#[derive(Debug, Args)]
pub struct CalArgs {
    #[command(flatten)]
    pub(super) plan: PlanArg,
    /// When to colour the output (NO_COLOR turns `auto` off).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub(super) color: ColorChoice,
    /// Columns to fill [default: the terminal's width, or 80]
    #[arg(long)]
    width: Option<usize>,
    /// Colours for a dark or a light terminal [default: as for the view]
    #[arg(long, value_enum)]
    pub(super) theme: Option<ThemeChoice>,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

pub(super) fn cal(
    args: &CalArgs,
    theme: &crate::palette::Theme,
    as_of: NaiveDate,
) -> Result<(), Error> {
    let (document, schedule) = open(&args.plan.path, as_of)?;
    let (first, last) = schedule
        .worked_days()
        .unwrap_or((schedule.start().date(), schedule.end().date()));
    let stdout_is_terminal = io::stdout().is_terminal();
    let width = args.width.unwrap_or_else(|| {
        crossterm::terminal::size()
            .ok()
            .filter(|_| stdout_is_terminal)
            .map_or(80, |(columns, _)| usize::from(columns))
    });
    let colour = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stdout_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
        }
    };
    let months = months_between(first, last);
    let mut out = String::new();
    let lines = text::render(&document.plan, &schedule, &months, width);
    let widest = lines
        .iter()
        .map(|line| {
            line.iter()
                .map(|segment| unicode_width::UnicodeWidthStr::width(segment.text.as_str()))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0);
    if widest > width {
        eprintln!(
            "note: {width} columns are narrower than one month ({widest}); each month is \
             printed {widest} columns wide"
        );
    }
    for line in lines {
        for segment in line {
            // Escaped before styling: the colours are our only escape sequences.
            let text = crate::text::for_terminal(&segment.text);
            if colour {
                let style = theme.tone(segment.tone).into_crossterm();
                out.push_str(&style.apply(text).to_string());
            } else {
                out.push_str(&text);
            }
        }
        out.push('\n');
    }
    print(&out)
}
