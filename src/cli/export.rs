//! `cronograma export`: the schedule in any of the formats, to standard output or a file.

use std::io::{self, IsTerminal};
use std::path::PathBuf;

use clap::Args;

use chrono::NaiveDate;

use super::{Error, PlanArg, choices, documents, open, print_bytes, print_output, track};
use crate::export::{self, Format, Output};
use crate::messages::{Msg, Sentence};
use crate::plan;
use crate::schedule::Schedule;

// Options of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub(super) plan: PlanArg,
    /// The output format.
    #[arg(short, long, value_enum)]
    format: choices::OutputChoice,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// With `--format csv`: the field separator [default: `;` where the plan's locale writes a
    /// decimal comma (es, pt…), `,` elsewhere]
    #[arg(long, value_name = "SEP", value_parser = ["," , ";", "tab"])]
    sep: Option<String>,
    /// With `--format svg`: the chart's width, in pixels or as a landscape page (`a4`, 1123 px;
    /// `letter`, 1056 px), the days narrowed to fit [default: 14 px a day]
    #[arg(long, value_name = "PX|a4|letter", value_parser = parse_width)]
    width: Option<f64>,
    /// With `--format md`: append the Mermaid Gantt chart under the tables.
    #[arg(long)]
    gantt: bool,
    /// With `--format md`: append the status of a tracked plan (progress, slip, this week).
    #[arg(long)]
    status: bool,
    /// With `--format md`: bring the plan parts of this document up to date in place, leaving
    /// the rest of it as it is.
    #[arg(long, value_name = "DOC.md", conflicts_with_all = ["output", "gantt"])]
    into: Option<PathBuf>,
}

/// `flag` refused without `--format format`.
fn goes_with(flag: &str, format: &str) -> Error {
    Error::usage(Sentence::new(Msg::GoesWith, &[&flag, &format]))
}

pub(super) fn export(args: &ExportArgs, as_of: NaiveDate) -> Result<(), Error> {
    let output = args.format.0;
    let markdown = output == Output::Text(Format::Md);
    if let Some(doc) = &args.into {
        if !markdown {
            return Err(goes_with("--into", "md"));
        }
        return documents::export_into(&args.plan.path, doc, as_of);
    }
    if !markdown && (args.gantt || args.status) {
        let flag = if args.gantt { "--gantt" } else { "--status" };
        return Err(goes_with(flag, "md"));
    }
    if args.sep.is_some() && output != Output::Text(Format::Csv) {
        return Err(goes_with("--sep", "csv"));
    }
    if args.width.is_some() && output != Output::Text(Format::Svg) {
        return Err(goes_with("--width", "svg"));
    }
    if output.is_binary() && args.output.is_none() && io::stdout().is_terminal() {
        let name = output.name();
        return Err(Error::usage(Sentence::new(
            Msg::BinaryToTerminal,
            &[&name, &name],
        )));
    }
    let (document, schedule) = open(&args.plan.path, as_of)?;
    let bytes = if markdown {
        markdown_export(args, &document.plan, &schedule)?.into_bytes()
    } else if output == Output::Text(Format::Csv) {
        csv_export(args, &document.plan, &schedule).into_bytes()
    } else if output == Output::Text(Format::Svg) {
        export::svg::render_sized(&document.plan, &schedule, args.width).into_bytes()
    } else {
        export::render_output(output, &document.plan, &schedule).map_err(Error::Export)?
    };
    match &args.output {
        Some(path) => plan::save::write_export(path, &bytes, &args.plan.path).map_err(|source| {
            Error::Output {
                path: path.clone(),
                source,
            }
        }),
        None if output.is_binary() => print_bytes(&bytes),
        None => print_output(&String::from_utf8_lossy(&bytes)),
    }
}

/// `--width`: pixels (at least 400, at most 100,000), or `a4` or `letter` for a landscape page.
pub(super) fn parse_width(text: &str) -> Result<f64, String> {
    match text.to_ascii_lowercase().as_str() {
        "a4" => Ok(export::svg::A4_WIDTH),
        "letter" => Ok(export::svg::LETTER_WIDTH),
        other => match other.parse::<f64>() {
            Ok(pixels) if (400.0..=100_000.0).contains(&pixels) => Ok(pixels),
            _ => Err("a width in pixels from 400 to 100000, or a4 or letter".into()),
        },
    }
}

/// The CSV export in the dialect of the plan's locale, or with the separator of `--sep` (a
/// decimal comma only with `;` or a tab); no byte-order mark on a terminal, where it would be
/// shown.
pub(super) fn csv_export(args: &ExportArgs, plan: &plan::Plan, schedule: &Schedule) -> String {
    let mut dialect = export::csv::Dialect::of(plan.locale);
    if let Some(sep) = &args.sep {
        dialect.separator = match sep.as_str() {
            "tab" => b'\t',
            ";" => b';',
            _ => b',',
        };
        dialect.decimal_comma &= dialect.separator != b',';
    }
    dialect.bom = args.output.is_some() || !io::stdout().is_terminal();
    export::csv::render_as(plan, schedule, dialect)
}

/// The Markdown export, with the Mermaid chart (`--gantt`) and the status (`--status`) after
/// it when asked for.
pub(super) fn markdown_export(
    args: &ExportArgs,
    plan: &plan::Plan,
    schedule: &Schedule,
) -> Result<String, Error> {
    let mut text = export::render(Format::Md, plan, schedule);
    if args.gantt {
        let chart = export::mermaid::render(plan, schedule);
        text.push_str(&format!("```mermaid\n{chart}```\n"));
    }
    if args.status {
        let status = crate::status::Status::of(plan, schedule)
            .ok_or_else(|| track::untracked(&args.plan.path))?;
        text.push('\n');
        text.push_str(&export::status::markdown(plan, schedule, &status));
    }
    Ok(text)
}
