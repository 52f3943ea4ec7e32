//! The command line: the clap definitions of every command, what runs each, and (with no
//! command) the interactive view. Each command lives in a file of its own (`check`, `cal`,
//! `export`, `fmt`, `holidays`, `busy`, `new` and `import` in `start`, `log`, `done`,
//! `baseline` and `status` in `track`, `sync`, `completions`, `man`), its options beside it.

mod busy;
mod cal;
mod check;
mod choices;
mod completions;
mod config;
mod documents;
mod error;
mod export;
mod fmt;
mod holidays;
mod man;
mod start;
mod sync;
mod track;

pub use error::Error;

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};

use chrono::NaiveDate;

use crate::messages::{Msg, Sentence};
use crate::palette::ThemeChoice;
use crate::plan::{self, Document, PlanError};
use crate::schedule::{self, Schedule};

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
    Check(check::CheckArgs),
    /// Print the month calendars with the activity codes next to the day numbers.
    Cal(cal::CalArgs),
    /// Write the schedule as md (the plan document's tables), json, csv, mermaid, ics, svg, tjp (TaskJuggler), mspdi (MS Project XML), xlsx (a workbook) or pdf (a printable report).
    Export(export::ExportArgs),
    /// Rewrite the plan in the canonical layout (the one the interactive view saves).
    Fmt(fmt::FmtArgs),
    /// Add public holidays from an iCalendar file, a bundled calendar or a calendar server.
    #[command(subcommand)]
    Holidays(holidays::HolidaysCommand),
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

// The plan file argument every command takes.
#[derive(Debug, Args)]
pub struct PlanArg {
    /// The plan file.
    #[arg(value_name = "PLAN", default_value = "plan.ron")]
    pub path: PathBuf,
}

impl Cli {
    /// The plan the command reads or changes, when it names one: its language is the one the
    /// command's errors are said in.
    pub fn plan_path(&self) -> Option<&Path> {
        use busy::BusyCommand as Busy;
        use holidays::HolidaysCommand as Holidays;
        let plan = match &self.command {
            None => &self.plan,
            Some(Command::Check(args)) => {
                return Some(args.path.as_deref().unwrap_or(&self.plan.path));
            }
            Some(Command::Cal(args)) => &args.plan,
            Some(Command::Export(args)) => &args.plan,
            Some(Command::Fmt(args)) => &args.plan,
            Some(Command::Sync(args)) => &args.plan,
            Some(Command::Log(args)) => &args.plan,
            Some(Command::Done(args)) => &args.plan,
            Some(Command::Baseline(args)) => &args.plan,
            Some(Command::Status(args)) => &args.plan,
            Some(Command::Holidays(
                Holidays::Import { plan, .. }
                | Holidays::Add { plan, .. }
                | Holidays::Pull { plan, .. },
            )) => plan,
            Some(Command::Busy(Busy::Import { plan, .. } | Busy::Pull { plan, .. })) => plan,
            // `import --into PLAN` changes a plan; otherwise it makes one.
            Some(Command::Import(args)) => return args.plan_changed(),
            Some(
                Command::Holidays(Holidays::List { .. })
                | Command::New(_)
                | Command::Completions(_)
                | Command::Man(_),
            ) => return None,
        };
        Some(&plan.path)
    }
}

/// `error` as the line it is reported with (`error: …`, `erro: …`), in the language of the
/// plan at `plan` (when there is one that can be read, or one that says its language though it
/// breaks a rule), else in the language of the environment (`LANG`), as `new` picks a plan's.
pub fn say_error(error: &Error, plan: Option<&Path>) -> String {
    let locale = match error {
        // A plan that breaks a rule still says its language.
        Error::Plan(PlanError::Invalid { locale, .. }) => *locale,
        _ => plan
            .and_then(|path| plan::load_file(path).ok())
            .map(|document| document.plan.locale)
            .unwrap_or_else(plan::template::locale_from_environment),
    };
    let label = Msg::LabelError.text(locale);
    format!("{label}: {}", error.say(locale))
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
        Some(Command::Cal(args)) => args.color != cal::ColorChoice::Never,
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
            None => check::check(
                args.path.as_deref().unwrap_or(Path::new(DEFAULT_PLAN)),
                as_of,
            ),
        },
        Some(Command::New(args)) => start::new(&args, (theme, settings.keys, notice, sync_target)),
        Some(Command::Import(args)) => start::import(&args),
        Some(Command::Cal(args)) => cal::cal(&args, &theme, as_of),
        Some(Command::Export(args)) => export::export(&args, as_of),
        Some(Command::Fmt(args)) => fmt::fmt(&args),
        Some(Command::Holidays(command)) => holidays::holidays(command, &settings, as_of),
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
            crate::text::for_terminal(&format!(
                "{}: {}: {said}",
                Msg::LabelNote.text(document.plan.locale),
                path.display()
            ))
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

/// A plan that does not exist, named like a subcommand mistyped (`exprot`), is a typo rather
/// than a new plan to make.
fn refuse_typo(path: &Path) -> Result<(), Error> {
    match mistyped_command(&path.to_string_lossy()) {
        Some(refused) => Err(refused),
        None => Ok(()),
    }
}

/// What to say of `word` in a command's place when it is a subcommand mistyped (`exprot`)
/// and no file of that name exists: the command meant. `main` asks it too when clap refuses
/// the arguments, since `cronograma exprot --format md` otherwise reads as a plan `exprot`
/// given an option it does not take.
pub fn mistyped_command(word: &str) -> Option<Error> {
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
    Some(Error::usage(Sentence::new(Msg::Mistyped, &[&name, &near])))
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
