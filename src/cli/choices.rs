//! The command line's names for the program's choices (`--format`, `--theme`): the core types
//! know nothing of clap, and each choice here maps to one of theirs.

use clap::ValueEnum;

use crate::export::Format;
use crate::palette::ThemeChoice;

/// The formats `cronograma export` writes, as `--format` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Markdown: the activity list and one table per month, codes next to the day numbers.
    Md,
    /// JSON: every activity with its start, end and hours per day.
    Json,
    /// CSV: one row per activity.
    Csv,
    /// Mermaid: a `gantt` block for Markdown documents on code forges.
    Mermaid,
    /// iCalendar: an event per activity per working day, and the holidays, for calendar programs.
    Ics,
    /// SVG: a Gantt chart for a written report.
    Svg,
    /// TaskJuggler: a project for `tj3`, scheduled to the same dates.
    Tjp,
    /// MS Project XML (MSPDI), for MS Project, ProjectLibre and GanttProject.
    #[value(alias = "xml")]
    Mspdi,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Md => Format::Md,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
            FormatArg::Mermaid => Format::Mermaid,
            FormatArg::Ics => Format::Ics,
            FormatArg::Svg => Format::Svg,
            FormatArg::Tjp => Format::Tjp,
            FormatArg::Mspdi => Format::Mspdi,
        }
    }
}

/// Which background the colours are for, as `--theme` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// From `CRONOGRAMA_THEME`, the config file, the terminal's own answer (OSC 11) or its
    /// `COLORFGBG`; dark otherwise.
    Auto,
    /// Light text on a dark background.
    Dark,
    /// Dark text on a light background.
    Light,
}

impl From<ThemeArg> for ThemeChoice {
    fn from(theme: ThemeArg) -> Self {
        match theme {
            ThemeArg::Auto => ThemeChoice::Auto,
            ThemeArg::Dark => ThemeChoice::Dark,
            ThemeArg::Light => ThemeChoice::Light,
        }
    }
}
