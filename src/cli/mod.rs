//! The command line: `check`, `cal`, `export`, `fmt`, `holidays`, `new`, `import`, and (with no
//! subcommand) the interactive view.

mod busy;
mod choices;
mod completions;
mod config;
mod documents;
mod man;
mod start;
mod sync;
mod track;

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use ratatui::backend::IntoCrossterm;

use chrono::{Datelike, NaiveDate};

use crate::calendar::{months_between, text};
use crate::export::{self, Format, Output};
use crate::import;
use crate::palette::ThemeChoice;
use crate::plan::{self, Document, PlanError};
use crate::schedule::{self, Schedule, ScheduleError};

/// Turns an effort-based work plan into a calendar.
#[derive(Debug, Parser)]
#[command(
    version,
    about,
    subcommand_precedence_over_arg = true,
    args_override_self = true
)]
pub struct Cli {
    /// What to do; with none, the plan opens in the interactive view.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The plan to open.
    #[command(flatten)]
    pub plan: PlanArg,
    /// Colours for a dark or a light terminal [default: auto: CRONOGRAMA_THEME, the config
    /// file's `theme`, or the terminal's COLORFGBG; dark otherwise]. Only what draws in
    /// colours takes it (the view, `new`, `cal`): `export --help` does not offer it.
    #[arg(long, value_enum, default_value_t = ThemeChoice::Auto)]
    pub theme: ThemeChoice,
    /// The status date of a tracked plan: logged work up to it is fact, remaining work starts
    /// on it or later [default: today]
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = plan::fields::parse_date)]
    pub as_of: Option<NaiveDate>,
}

/// The subcommands. Each one's arguments are built only when it is the one run (`defer`):
/// clap otherwise builds every subcommand's on every start, a fifth of the instructions of a
/// `--version`. A deferred subcommand takes the doc comment of its arguments' struct as its
/// description, over the variant's: so those structs have plain `//` comments.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Validate the plan and print a summary: span, hours, working days, every activity.
    /// With `--doc`, compare a plan document's month tables with the schedule instead.
    Check(CheckArgs),
    /// Print the month calendars with the activity codes next to the day numbers.
    Cal(CalArgs),
    /// Write the schedule as md (the plan document's tables), json, csv, mermaid, ics, svg, tjp (TaskJuggler), mspdi (MS Project XML), xlsx (a workbook) or pdf (a printable report).
    Export(ExportArgs),
    /// Rewrite the plan in the canonical layout (the one the interactive view saves).
    Fmt(FmtArgs),
    /// Add public holidays from an iCalendar file, a bundled calendar or a calendar server.
    #[command(subcommand)]
    Holidays(HolidaysCommand),
    /// Add busy time (classes, a job, meetings) from an iCalendar file: no work is laid on it.
    #[command(subcommand)]
    Busy(busy::BusyCommand),
    /// Start a new plan: asks for its title, start, hours and days (or takes them as flags).
    New(start::NewArgs),
    /// Make a plan of a plan document (.md), of activities in a spreadsheet (.csv) or of an MS Project XML file (.xml).
    Import(start::ImportArgs),
    /// Log hours worked on an activity (the first entry turns tracking on).
    Log(track::LogArgs),
    /// Mark an activity as finished, whatever was logged.
    Done(track::DoneArgs),
    /// Save the schedule as it is now, to measure the slip against later.
    Baseline(track::BaselineArgs),
    /// Where a tracked plan stands: progress, forecast end, slip, this week, each activity.
    Status(track::StatusArgs),
    /// Keep a CalDAV calendar (Nextcloud, Radicale…) in step with the schedule.
    Sync(sync::SyncArgs),
    /// Print the shell's completion script: `cronograma completions bash`.
    Completions(completions::CompletionsArgs),
    /// Print the manual page, or write every page into a folder with `--dir`.
    Man(man::ManArgs),
}

// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The plan file [default: plan.ron; with --doc, the document's own plan]
    #[arg(value_name = "PLAN")]
    pub path: Option<PathBuf>,
    /// Compare this plan document's month tables with the schedule, cell by cell.
    #[arg(long, value_name = "DOC.md")]
    pub doc: Option<PathBuf>,
}

/// The `holidays` subcommands (deferred as [`Command`]'s are).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum HolidaysCommand {
    /// Add the all-day events of an .ics file to the plan as named holidays.
    Import {
        /// The iCalendar file.
        #[arg(value_name = "FILE.ics")]
        file: PathBuf,
        #[command(flatten)]
        plan: PlanArg,
        #[command(flatten)]
        range: DateRange,
    },
    /// Add the holidays of a bundled calendar (see `holidays list`).
    Add {
        /// The calendar's name, as `ar`.
        name: String,
        #[command(flatten)]
        plan: PlanArg,
        /// Only these years: `2024` or `2024-2025` [default: the plan's years]
        #[arg(long, value_name = "YEARS", value_parser = parse_years)]
        years: Option<(NaiveDate, NaiveDate)>,
    },
    /// Add the all-day events of a CalDAV calendar on a server as named holidays.
    Pull {
        #[command(flatten)]
        plan: PlanArg,
        #[command(flatten)]
        server: sync::ServerArgs,
        #[command(flatten)]
        range: DateRange,
    },
    /// List the bundled countries, or one country's subdivisions.
    List {
        /// A country's code, as `es`: its states, provinces or regions.
        country: Option<String>,
    },
}

// The dates an import takes holidays from.
#[derive(Debug, Args)]
pub struct DateRange {
    /// First date to take holidays from [default: 1 January of the plan's first year]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = plan::fields::parse_date)]
    from: Option<NaiveDate>,
    /// Last date to take holidays from [default: 31 December of the plan's last year]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = plan::fields::parse_date)]
    to: Option<NaiveDate>,
}

/// `2024` or `2024-2025`: 1 January of the first year to 31 December of the last.
fn parse_years(text: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let (first, last) = text.split_once('-').unwrap_or((text, text));
    let year = |part: &str| {
        part.trim()
            .parse::<i32>()
            .ok()
            .filter(|year| (1..=9999).contains(year))
            .ok_or_else(|| {
                format!("\"{text}\" is not a year or a range of years, as 2024 or 2024-2025")
            })
    };
    let (first, last) = (year(first)?, year(last)?);
    if last < first {
        return Err(format!("\"{text}\": the last year comes before the first"));
    }
    Ok(import::whole_years(
        NaiveDate::from_ymd_opt(first, 1, 1).expect("a real date"),
        NaiveDate::from_ymd_opt(last, 1, 1).expect("a real date"),
    ))
}

// The plan file argument every command takes.
#[derive(Debug, Args)]
pub struct PlanArg {
    /// The plan file.
    #[arg(value_name = "PLAN", default_value = "plan.ron")]
    pub path: PathBuf,
}

// Options of `cal`.
#[derive(Debug, Args)]
pub struct CalArgs {
    #[command(flatten)]
    plan: PlanArg,
    /// When to colour the output (NO_COLOR turns `auto` off).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Columns to fill [default: the terminal's width, or 80]
    #[arg(long)]
    width: Option<usize>,
    /// Colours for a dark or a light terminal [default: as for the view]
    #[arg(long, value_enum)]
    theme: Option<ThemeChoice>,
}

// Options of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    plan: PlanArg,
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

// Options of `fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    #[command(flatten)]
    plan: PlanArg,
    /// Change nothing; exit with 1 and name the file when it is not canonical.
    #[arg(long)]
    check: bool,
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

/// What can make a command fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The plan could not be read or is not valid.
    #[error(transparent)]
    Plan(#[from] PlanError),
    /// The plan is valid but cannot be laid on the calendar.
    #[error("{}: {source}", path.display())]
    Schedule {
        /// The plan file.
        path: PathBuf,
        /// Why.
        source: ScheduleError,
    },
    /// The interactive view was ended by a lost terminal or a bug (the message says where the
    /// unsaved edits went).
    #[error("{0}")]
    Interrupted(String),
    /// A holiday calendar could not be read.
    #[error("{name}: {message}")]
    Import {
        /// The file or bundled calendar.
        name: String,
        /// What is wrong with it.
        message: String,
    },
    /// Options that do not go together.
    #[error("{0}")]
    Usage(String),
    /// An export the plan cannot be written as (a Gantt wider than a spreadsheet holds).
    #[error("{0}")]
    Export(String),
    /// A calendar server refused, or could not be reached (nothing local changed).
    #[error(transparent)]
    Sync(crate::caldav::SyncError),
    /// A document or spreadsheet that could not be read (nothing was written).
    #[error("{}{}: {message}{}", path.display(), line.map(|line| format!(":{line}")).unwrap_or_default(), hint.map(|hint| format!("\n  hint: {hint}")).unwrap_or_default())]
    Input {
        /// The file.
        path: PathBuf,
        /// The line, when one is at fault.
        line: Option<u64>,
        /// What is wrong.
        message: String,
        /// What usually fixes it.
        hint: Option<&'static str>,
    },
    /// `holidays add` for years the bundled calendar does not have.
    #[error("{name}: the bundled calendar has {}–{}; it has nothing for {}{}", has.0, has.1, asked.0, if asked.0 == asked.1 { String::new() } else { format!("–{}", asked.1) })]
    NotBundled {
        /// The calendar.
        name: String,
        /// The years asked for.
        asked: (i32, i32),
        /// The years it has.
        has: (i32, i32),
    },
    /// `check --doc` found cells that differ from the schedule (they were listed).
    #[error("{}: {count} {} from the schedule", path.display(), if *count == 1 { "cell of the tables differs" } else { "cells of the tables differ" })]
    DocumentDiffers {
        /// The document.
        path: PathBuf,
        /// How many differences.
        count: usize,
    },
    /// `fmt --check` found a plan that is not in canonical form.
    #[error("{}: not in canonical form\n  hint: run `cronograma fmt {}` to rewrite it", path.display(), path.display())]
    NotCanonical {
        /// The plan file.
        path: PathBuf,
    },
    /// The interactive view could not take over a terminal (there is none to open).
    #[error(
        "the interactive view needs a terminal, and none could be opened ({source})\n  hint: check, cal, export and status work without one"
    )]
    NoTerminal {
        /// What the system said.
        source: io::Error,
    },
    /// The output could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Output {
        /// Where the output was going.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

impl Error {
    /// What the exit code says, one meaning each (README, "Exit codes"):
    /// 2 — the input or the request is wrong: the plan, a file read, the arguments, or a
    ///     request the data cannot satisfy (years a bundled calendar does not have);
    /// 1 — the request was right but could not be carried out or was not met: output that
    ///     could not be written, no terminal for the view, the view interrupted, and the two
    ///     checks that answer "no" (`fmt --check`, `check --doc`).
    pub fn exit_code(&self) -> u8 {
        match self {
            // A folder, a device or the plan itself named as the output is a wrong request.
            Error::Output { source, .. } if source.kind() == io::ErrorKind::InvalidInput => 2,
            Error::Plan(PlanError::Write { .. }) | Error::Output { .. } => 1,
            Error::NoTerminal { .. } | Error::Interrupted(_) => 1,
            Error::NotCanonical { .. } | Error::DocumentDiffers { .. } => 1,
            Error::Plan(_)
            | Error::Schedule { .. }
            | Error::Import { .. }
            | Error::Usage(_)
            | Error::Export(_)
            | Error::Input { .. }
            | Error::Sync(_)
            | Error::NotBundled { .. } => 2,
        }
    }
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<(), Error> {
    // These read no plan, no settings and no terminal.
    match &cli.command {
        Some(Command::Completions(args)) => return completions::completions(args),
        Some(Command::Man(args)) => return man::man(args),
        _ => {}
    }
    let settings = config::settings();
    for warning in &settings.warnings {
        eprintln!(
            "{}",
            crate::text::for_terminal(&format!("warning: {warning}"))
        );
    }
    // The view shows the first on its footer when it opens (stderr is under its screen).
    let mut notice = settings.warnings.first().cloned();
    // The calendar server the view's `Y` syncs with; a setting that cannot be used is said.
    let sync_target = match &settings.sync {
        Some(setting) => match sync::target_of(
            &setting.url,
            setting.user.as_deref(),
            setting.insecure,
            settings.password_file.as_ref(),
        ) {
            Ok((target, warning)) => {
                if let Some(warning) = warning {
                    eprintln!(
                        "{}",
                        crate::text::for_terminal(&format!("warning: {warning}"))
                    );
                    notice = notice.or(Some(warning));
                }
                // A holiday calendar URL that cannot be used is said, and not used.
                let holidays_url = setting.holidays_url.clone().filter(|url| {
                    let checked = crate::caldav::CalendarUrl::parse(url);
                    if let Err(problem) = &checked {
                        notice = notice
                            .clone()
                            .or(Some(format!("sync: holidays_url: {problem}")));
                    }
                    checked.is_ok()
                });
                // Busy calendars that cannot be used are said, and the view syncs without them.
                let busy = sync::busy_pull(&settings, Some(&target)).unwrap_or_else(|error| {
                    notice = notice.clone().or(Some(format!("sync: busy: {error}")));
                    None
                });
                Some(crate::caldav::Target {
                    holidays_url,
                    busy,
                    ..target
                })
            }
            Err(error) => {
                notice = notice.or(Some(format!("sync: {error}")));
                None
            }
        },
        None => None,
    };
    // Only the view and coloured `cal` on a terminal use the theme: only they ask the terminal.
    let asks = match &cli.command {
        None | Some(Command::New(_)) => true,
        Some(Command::Cal(args)) => args.color != ColorChoice::Never,
        _ => false,
    };
    let ask = || {
        asks.then(|| crate::tui::ask_background(std::time::Duration::from_millis(150)))
            .flatten()
    };
    // `cal --theme` and `new --theme` over one given before the command.
    let chosen = match &cli.command {
        Some(Command::Cal(args)) => args.theme,
        Some(Command::New(args)) => args.theme(),
        _ => None,
    };
    let theme = crate::palette::Theme::chosen(chosen.unwrap_or(cli.theme), settings.theme, ask);
    let as_of = cli.as_of.unwrap_or_else(start::today);
    match cli.command {
        None => {
            refuse_typo(&cli.plan.path)?;
            interactive(
                &cli.plan.path,
                (theme, settings.keys, notice, sync_target),
                as_of,
            )
        }
        Some(Command::Check(args)) => match &args.doc {
            Some(doc) => documents::check_document(doc, args.path.as_deref(), as_of),
            None => check(
                args.path.as_deref().unwrap_or(Path::new(DEFAULT_PLAN)),
                as_of,
            ),
        },
        Some(Command::New(args)) => start::new(&args, (theme, settings.keys, notice, sync_target)),
        Some(Command::Import(args)) => start::import(&args),
        Some(Command::Cal(args)) => cal(&args, &theme, as_of),
        Some(Command::Export(args)) => export(&args, as_of),
        Some(Command::Fmt(args)) => fmt(&args),
        Some(Command::Holidays(command)) => holidays(command, &settings, as_of),
        Some(Command::Busy(command)) => busy::busy(command, &settings, as_of),
        Some(Command::Sync(args)) => sync::sync(&args, &settings, as_of),
        Some(Command::Log(args)) => track::log(&args, as_of),
        Some(Command::Done(args)) => track::done(&args, as_of),
        Some(Command::Baseline(args)) => track::baseline(&args, as_of),
        Some(Command::Status(args)) => track::status(&args, as_of),
        // Answered above, before the settings were read.
        Some(Command::Completions(_) | Command::Man(_)) => Ok(()),
    }
}

/// Loads and schedules a plan file, as of the status date `as_of` (or its last logged day,
/// when that is later: said on stderr).
/// The schedule of `plan` (a changed plan of the file at `path`) as of `as_of`.
pub(crate) fn schedule_of(
    path: &Path,
    plan: &plan::Plan,
    as_of: NaiveDate,
) -> Result<Schedule, Error> {
    schedule::schedule_as_of(plan, as_of).map_err(|source| Error::Schedule {
        path: path.to_owned(),
        source,
    })
}

pub fn open(path: &Path, as_of: NaiveDate) -> Result<(Document, Schedule), Error> {
    let document = plan::load_file(path)?;
    let schedule =
        schedule::schedule_as_of(&document.plan, as_of).map_err(|source| Error::Schedule {
            path: path.to_owned(),
            source,
        })?;
    if schedule.as_of() > as_of {
        let said = crate::messages::Msg::StatusDateMoved
            .fill(document.plan.locale, &[&schedule.as_of(), &as_of]);
        eprintln!(
            "{}",
            crate::text::for_terminal(&format!("note: {}: {said}", path.display()))
        );
    }
    Ok((document, schedule))
}

/// What the interactive view is opened with: its colours, keys, a notice for its footer, and
/// the calendar server its `Y` syncs with.
pub(crate) type ViewSettings = (
    crate::palette::Theme,
    crate::app::keys::KeyTable,
    Option<String>,
    Option<crate::caldav::Target>,
);

/// The plan commands use when none is named.
pub const DEFAULT_PLAN: &str = "plan.ron";

/// Opens the plan in the interactive view, with today's date from the system clock. A plan that
/// does not exist yet is made first, in the view's new-plan form.
fn interactive(path: &Path, view: ViewSettings, today: NaiveDate) -> Result<(), Error> {
    if !path.exists() && fs::symlink_metadata(path).is_err() {
        return start::interactive_new(path, view);
    }
    let (theme, keys, notice, sync) = view;
    let text = plan::read_text(path)?;
    let document = plan::parse_file(&text, path)?;
    let mut app = crate::app::App::new(path, document, today)
        .map_err(|source| Error::Schedule {
            path: path.to_owned(),
            source,
        })?
        .loaded_from(&text)
        .with_theme(theme)
        .with_keys(keys)
        .with_notice(notice);
    app.offer_recovery();
    run_view(app, sync)
}

/// Runs the view on `app` until it ends.
pub(crate) fn run_view(
    app: crate::app::App,
    sync: Option<crate::caldav::Target>,
) -> Result<(), Error> {
    let holidays = sync
        .as_ref()
        .is_some_and(|target| target.holidays_url.is_some());
    let app = app.with_sync(sync.is_some(), holidays);
    match crate::tui::run(app, sync).map_err(|source| Error::NoTerminal { source })? {
        crate::tui::Ending::Quit => Ok(()),
        crate::tui::Ending::Interrupted(message) => Err(Error::Interrupted(message)),
    }
}

fn check(path: &Path, as_of: NaiveDate) -> Result<(), Error> {
    let (document, schedule) = open(path, as_of)?;
    let mut text = export::summary::render(&document.plan, &schedule);
    let locale = document.plan.locale;
    if !locale.has_own_words() {
        text.push_str(&format!(
            "note: cronograma has no words of its own in \"{locale}\" (it speaks es, en and pt): \
             month and weekday names are {locale}'s, messages and labels English\n"
        ));
    }
    print_for_people(&text)
}

/// A plan that does not exist, named like a subcommand mistyped (`exprot`), is a typo rather
/// than a new plan to make.
fn refuse_typo(path: &Path) -> Result<(), Error> {
    match mistyped_command(&path.to_string_lossy()) {
        Some(said) => Err(Error::Usage(said)),
        None => Ok(()),
    }
}

/// What to say of `word` in a command's place when it is a subcommand mistyped (`exprot`)
/// and no file of that name exists: the command meant. `main` asks it too when clap refuses
/// the arguments, since `cronograma exprot --format md` otherwise reads as a plan `exprot`
/// given an option it does not take.
pub fn mistyped_command(word: &str) -> Option<String> {
    use clap::CommandFactory;
    let path = Path::new(word);
    if word.len() < 3
        || path.exists()
        || path.extension().is_some()
        || path.components().count() > 1
    {
        return None;
    }
    let command = Cli::command();
    // A command spelt right was refused for its options: clap's own error says why.
    if command.get_subcommands().any(|sub| sub.get_name() == word) {
        return None;
    }
    let near = command
        .get_subcommands()
        .map(|sub| sub.get_name())
        .map(|sub| (strsim::levenshtein(sub, word), sub))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)?
        .1;
    let name = crate::text::for_terminal(word);
    Some(format!(
        "`{name}` is not a command, and there is no plan of that name; did you mean \
         `cronograma {near}`? (`cronograma --help` lists the commands)"
    ))
}

fn cal(args: &CalArgs, theme: &crate::palette::Theme, as_of: NaiveDate) -> Result<(), Error> {
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

fn export(args: &ExportArgs, as_of: NaiveDate) -> Result<(), Error> {
    let output = args.format.0;
    let markdown = output == Output::Text(Format::Md);
    if let Some(doc) = &args.into {
        if !markdown {
            return Err(Error::Usage("--into goes with --format md".into()));
        }
        return documents::export_into(&args.plan.path, doc, as_of);
    }
    if !markdown && (args.gantt || args.status) {
        let flag = if args.gantt { "--gantt" } else { "--status" };
        return Err(Error::Usage(format!("{flag} goes with --format md")));
    }
    if args.sep.is_some() && output != Output::Text(Format::Csv) {
        return Err(Error::Usage("--sep goes with --format csv".into()));
    }
    if args.width.is_some() && output != Output::Text(Format::Svg) {
        return Err(Error::Usage("--width goes with --format svg".into()));
    }
    if output.is_binary() && args.output.is_none() && io::stdout().is_terminal() {
        return Err(Error::Usage(format!(
            "--format {name} is a binary file, not for a terminal: name it with -o plan.{name}",
            name = output.name()
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
fn parse_width(text: &str) -> Result<f64, String> {
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
fn csv_export(args: &ExportArgs, plan: &plan::Plan, schedule: &Schedule) -> String {
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
fn markdown_export(
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

/// Rewrites a plan canonically through the same safe writer the interactive view uses.
/// A plan that is already canonical is not touched at all.
fn fmt(args: &FmtArgs) -> Result<(), Error> {
    let path = &args.plan.path;
    let _lock = lock(path)?;
    let text = plan::read_text(path)?;
    let document = plan::parse_file(&text, path)?;
    if plan::write::to_ron(&document) == text {
        if args.check {
            return Ok(());
        }
        return track::nothing_to_change(path, &document.plan);
    }
    if args.check {
        return Err(Error::NotCanonical { path: path.clone() });
    }
    let role = plan::FileRole::LockedPlan {
        mode: plan::mode_of(path),
    };
    plan::save_file(path, &document, role)?;
    Ok(())
}

/// Takes the plan's read-modify-write lock (see [`plan::lock`]).
pub(crate) fn lock(path: &Path) -> Result<plan::PlanLock, Error> {
    plan::PlanLock::acquire(path).map_err(|source| {
        Error::Plan(PlanError::Write {
            path: path.to_owned(),
            source,
        })
    })
}

fn holidays(
    command: HolidaysCommand,
    settings: &config::Settings,
    as_of: NaiveDate,
) -> Result<(), Error> {
    match command {
        HolidaysCommand::Pull {
            plan,
            server,
            range,
        } => {
            let (name, bytes) = sync::pulled(&server, settings)?;
            let found = |existing: &[plan::Holiday], from, to| {
                import::holidays_from_ics(&bytes, existing, from, to)
                    .map_err(|message| Error::Import { name, message })
            };
            add_holidays(&plan.path, found, (range.from, range.to), as_of)
        }
        HolidaysCommand::List { country } => print_for_people(&list_calendars(country)?),
        HolidaysCommand::Import { file, plan, range } => {
            let bytes = import::read_ics(&file).map_err(|message| Error::Import {
                name: file.display().to_string(),
                message,
            })?;
            let name = file.display().to_string();
            let found = |existing: &[plan::Holiday], from, to| {
                import::holidays_from_ics(&bytes, existing, from, to)
                    .map_err(|message| Error::Import { name, message })
            };
            add_holidays(&plan.path, found, (range.from, range.to), as_of)
        }
        HolidaysCommand::Add { name, plan, years } => {
            let calendar =
                import::bundled::Calendar::find(&name).map_err(|message| Error::Import {
                    name: name.clone(),
                    message,
                })?;
            // Years the calendar does not have are said as such, not as "added 0 holidays".
            // Years the calendar does not have (asked for, or the plan's own) are said as
            // such, not as "added 0 holidays".
            let (first, last) = calendar.country.years();
            let not_bundled = |from: NaiveDate, to: NaiveDate| Error::NotBundled {
                name: calendar.code(),
                asked: (from.year(), to.year()),
                has: (first, last),
            };
            if let Some((from, to)) = years
                && (from.year() < first || to.year() > last)
            {
                return Err(not_bundled(from, to));
            }
            let list = calendar.holidays();
            let found = |existing: &[plan::Holiday], from: NaiveDate, to: NaiveDate| {
                if to.year() < first || from.year() > last {
                    return Err(not_bundled(from, to));
                }
                Ok(import::holidays_from_list(&list, existing, from, to))
            };
            let (from, to) = years.unzip();
            add_holidays(&plan.path, found, (from, to), as_of)
        }
    }
}

/// `holidays list`: every bundled country with its years, language and subdivisions; with a
/// country, its subdivisions.
fn list_calendars(country: Option<String>) -> Result<String, Error> {
    use import::bundled::{COUNTRIES, Calendar};
    let Some(name) = country else {
        let lines: Vec<String> = COUNTRIES
            .iter()
            .map(|country| {
                let (first, last) = country.years();
                let count = country.subdivisions().count();
                let subdivisions = match count {
                    0 => String::new(),
                    1 => "1 subdivision".to_owned(),
                    many => format!("{many} subdivisions"),
                };
                let line = format!(
                    "{:<4}{:<16}{first}–{last}  {:<6} {subdivisions}",
                    country.code,
                    country.name(),
                    country.language()
                );
                format!("{}\n", line.trim_end())
            })
            .collect();
        return Ok(lines.concat()
            + "\n`cronograma holidays list CODE` names a country's subdivisions; \
               `cronograma holidays add es-md` adds a country's holidays with a subdivision's.\n");
    };
    let calendar = Calendar::find(&name).map_err(|message| Error::Import {
        name: name.clone(),
        message,
    })?;
    let country = calendar.country;
    let (first, last) = country.years();
    let mut out = format!(
        "{} ({}): public holidays {first}–{last}, in {}\n",
        country.name(),
        country.code,
        country.language()
    );
    for (code, name) in country.subdivisions() {
        out.push_str(&format!("  {}-{code:<8}{name}\n", country.code));
    }
    Ok(out)
}

/// Adds the holidays `found` gives (from a file or a bundled calendar) to the plan at `path`, between the dates of `range` (by default, the plan's whole
/// years), and saves it through the safe writer.
fn add_holidays(
    path: &Path,
    found: impl FnOnce(&[plan::Holiday], NaiveDate, NaiveDate) -> Result<import::Import, Error>,
    range: (Option<NaiveDate>, Option<NaiveDate>),
    as_of: NaiveDate,
) -> Result<(), Error> {
    let _lock = lock(path)?;
    let (mut document, schedule) = open(path, as_of)?;
    let (first, last) = schedule
        .worked_days()
        .unwrap_or((schedule.start().date(), schedule.end().date()));
    let (plan_from, plan_to) = import::whole_years(first, last);
    let (from, to) = (range.0.unwrap_or(plan_from), range.1.unwrap_or(plan_to));
    if from > to {
        return Err(Error::Usage(format!(
            "the first day to import, {from}, is after the last, {to}: choose --from and --to \
             so that no day is left out"
        )));
    }
    let found = found(&document.plan.holidays, from, to)?;
    let mut report = format!("{}: {}\n", path.display(), found.summary(from, to));
    for holiday in &found.added {
        let days = match holiday.until {
            Some(last) => format!("{} – {last}", holiday.date),
            None => holiday.date.to_string(),
        };
        report.push_str(&format!(
            "  {days}  {}\n",
            holiday.name.as_deref().unwrap_or("")
        ));
    }
    if found.added.is_empty() {
        let said = crate::messages::Msg::NothingToChange.text(document.plan.locale);
        report.push_str(&format!("{}: {said}\n", path.display()));
    } else {
        let holidays = &mut document.plan.holidays;
        holidays.extend(found.added);
        holidays.sort_by_key(|holiday| holiday.date);
        let role = plan::FileRole::LockedPlan {
            mode: plan::mode_of(path),
        };
        plan::save_file(path, &document, role)?;
    }
    print_for_people(&report)
}

/// Writes text meant to be read, with the control characters of plan or calendar text escaped
/// (a name with `ESC]0;…BEL` in it must not retitle the terminal), wherever it goes.
pub(crate) fn print_for_people(text: &str) -> Result<(), Error> {
    print(&crate::text::for_terminal(text))
}

/// Writes an export or a report to standard output: into a pipe or a file as it is (each format
/// escapes its own way), on a terminal escaped like any text for people.
pub(crate) fn print_output(text: &str) -> Result<(), Error> {
    if io::stdout().is_terminal() {
        print_for_people(text)
    } else {
        print(text)
    }
}

/// Writes to standard output; a closed pipe (`| head`) ends the output quietly.
fn print(text: &str) -> Result<(), Error> {
    print_bytes(text.as_bytes())
}

/// Writes bytes to standard output as they are (a binary export piped on); a closed pipe ends
/// the output quietly.
pub(super) fn print_bytes(bytes: &[u8]) -> Result<(), Error> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => Err(Error::Output {
            path: PathBuf::from("<stdout>"),
            source: error,
        }),
        _ => Ok(()),
    }
}
