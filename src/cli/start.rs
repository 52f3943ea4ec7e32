//! Starting a plan: `new` (from nothing: a form in the view, or flags) and `import` (from the
//! plan document the user already has, or from activities in a spreadsheet).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use clap::Args;

use super::{Error, print_for_people, run_view};
use crate::document::{Doc, read::plan_of};
use crate::import::activities::{FromCsv, activities_from_csv};
use crate::import::mspdi::ProjectNote;
use crate::messages::{Msg, Say, Sentence, csv_tip};
use crate::plan::MAX_PLAN_BYTES;
use crate::plan::fields::{parse_date, parse_time};
use crate::plan::save::DEFAULT_PLAN_MODE;
use crate::plan::template::{NewPlan, parse_workdays};
use crate::plan::{self, Document, FileRole, Hours, Locale, PlanError, validate};
use crate::schedule::{Schedule, schedule_as_of};

// Options of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The plan file to create; it must not exist.
    #[arg(value_name = "PLAN", default_value = super::DEFAULT_PLAN)]
    path: PathBuf,
    /// Colours for a dark or a light terminal [default: as for the view]
    #[arg(long, value_enum)]
    theme: Option<crate::palette::ThemeChoice>,
    /// The plan's title [default: the file's name]
    #[arg(long)]
    title: Option<String>,
    /// The first day of work [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    start: Option<NaiveDate>,
    /// Hours worked a day, in quarter-hour steps [default: 8]
    #[arg(long, value_name = "HOURS", value_parser = parse_hours)]
    hours_per_day: Option<Hours>,
    /// When the working day opens [default: 09:00]
    #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
    day_start: Option<NaiveTime>,
    /// The days of the week worked, as "Mon-Fri" or "lun mar mié" [default: Mon-Fri]
    #[arg(long, value_name = "DAYS")]
    workdays: Option<String>,
    /// "es", "en", "pt-BR", "fr"… [default: from LANG]
    #[arg(long, value_parser = parse_locale)]
    locale: Option<Locale>,
    /// Take the defaults for every value not given, without asking.
    #[arg(short, long)]
    yes: bool,
}

impl NewArgs {
    /// The theme given after `new`, if one was.
    pub fn theme(&self) -> Option<crate::palette::ThemeChoice> {
        self.theme
    }
}

fn parse_hours(text: &str) -> Result<Hours, String> {
    text.parse::<Hours>()
        .ok()
        .filter(|hours| !hours.is_zero())
        .ok_or_else(|| {
            format!("\"{text}\" is not a positive number of hours in quarter-hour steps")
        })
}

fn parse_locale(text: &str) -> Result<Locale, plan::FieldError> {
    text.parse()
}

// Options of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A plan document (.md), a spreadsheet of activities (.csv) or an MS Project XML file
    /// (.xml, as MS Project, ProjectLibre and GanttProject write it).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The plan to create [default: FILE with the extension .ron]
    #[arg(short, long, value_name = "PLAN", conflicts_with = "into")]
    output: Option<PathBuf>,
    /// With a .csv: replace the activities of this existing plan.
    #[arg(long, value_name = "PLAN")]
    into: Option<PathBuf>,
    /// Replace PLAN when it exists.
    #[arg(long)]
    force: bool,
}

pub(super) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| "plan".into())
}

fn exists(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// `cronograma new`: the form in the view on a terminal, else the flags.
pub fn new(args: &NewArgs, view: super::ViewSettings) -> Result<(), Error> {
    if exists(&args.path) {
        let path = args.path.display();
        return Err(Error::usage(Sentence::new(
            Msg::PlanExists,
            &[&path, &path],
        )));
    }
    let given = args.title.is_some()
        || args.start.is_some()
        || args.hours_per_day.is_some()
        || args.day_start.is_some()
        || args.workdays.is_some()
        || args.locale.is_some();
    if !given && !args.yes {
        if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
            return interactive_new(&args.path, view);
        }
        return Err(Error::usage(Sentence::new(Msg::NoTerminalToAsk, &[])));
    }
    let mut values = NewPlan::defaults(&stem(&args.path), today());
    if let Some(title) = &args.title {
        values.title = title.clone();
    }
    values.start = args.start.unwrap_or(values.start);
    values.hours_per_day = args.hours_per_day.unwrap_or(values.hours_per_day);
    values.day_start = args.day_start.unwrap_or(values.day_start);
    values.locale = args.locale.unwrap_or(values.locale);
    if let Some(days) = &args.workdays {
        values.workdays =
            parse_workdays(days).map_err(|error| Error::usage(Sentence::fault(error)))?;
    }
    let document = values.document();
    if let Err(violation) = validate::check(&document.plan) {
        return Err(Error::usage(Sentence::fault(violation.clone())).mended_by(&violation));
    }
    let schedule = schedule_to_report(&args.path, &document.plan)?;
    write_new_plan(&args.path, &document, false)?;
    report_created(&args.path, None, &document, &schedule)
}

/// Opens the view's new-plan form for `path`; the plan is written when the form is accepted.
pub fn interactive_new(path: &Path, view: super::ViewSettings) -> Result<(), Error> {
    let (theme, keys, notice, sync) = view;
    let values = NewPlan::defaults(&stem(path), today());
    let app =
        crate::app::App::new_plan(path, values, today()).map_err(|source| Error::Schedule {
            path: path.to_owned(),
            source,
        })?;
    run_view(
        app.with_theme(theme).with_keys(keys).with_notice(notice),
        sync,
    )
}

/// Writes a new plan: never over a file unless `force` (then through the lock, as any change).
fn write_new_plan(path: &Path, document: &Document, force: bool) -> Result<(), Error> {
    if force && exists(path) {
        let _lock = super::lock(path)?;
        let role = FileRole::LockedPlan {
            mode: plan::mode_of(path),
        };
        plan::save_file(path, document, role)?;
        return Ok(());
    }
    let role = FileRole::Plan {
        mode: DEFAULT_PLAN_MODE,
    };
    plan::save_new(path, document, role).map_err(|error| match error {
        PlanError::Write { source, .. } if source.kind() == std::io::ErrorKind::AlreadyExists => {
            Error::usage(Sentence::new(Msg::OutputExists, &[&path.display()]))
        }
        other => Error::Plan(other),
    })?;
    Ok(())
}

/// The schedule a plan just made or filled is reported with: as of its last logged day (a
/// tracked plan cannot be scheduled as of its start), the start for an untracked one.
fn schedule_to_report(path: &Path, plan: &plan::Plan) -> Result<Schedule, Error> {
    let as_of = plan.last_logged_day().unwrap_or(plan.start);
    schedule_as_of(plan, as_of).map_err(|source| Error::Schedule {
        path: path.to_owned(),
        source,
    })
}

/// `Created PLAN (from FILE)` and the plan's summary, as `check` prints it.
fn report_created(
    path: &Path,
    from: Option<&Path>,
    document: &Document,
    schedule: &Schedule,
) -> Result<(), Error> {
    use crate::messages::Msg;
    let locale = document.plan.locale;
    let from = from
        .map(|file| Msg::CliCreatedFrom.fill(locale, &[&file.display()]))
        .unwrap_or_default();
    let created = Msg::CliCreated.fill(locale, &[&path.display(), &from]);
    let summary = crate::export::summary::render(&document.plan, schedule);
    print_for_people(&format!("{created}\n\n{summary}"))
}

/// What a file given to `import` holds, told by its content before its name: an MS Project
/// XML file saved as `.mspdi`, `.xml.txt` or with no extension is still one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ImportKind {
    /// MS Project XML (MSPDI).
    Project,
    /// Activities in a CSV.
    Spreadsheet,
    /// A plan document (Markdown or text).
    Document,
}

impl ImportKind {
    fn of(path: &Path, bytes: &[u8]) -> ImportKind {
        let text = bytes.strip_prefix(plan::BOM).unwrap_or(bytes);
        let start = text
            .iter()
            .position(|byte| !byte.is_ascii_whitespace())
            .unwrap_or(0);
        let head = String::from_utf8_lossy(&text[start..text.len().min(start + 4096)]);
        // UTF-16 (a byte-order mark) is XML's: documents and CSVs we read are 8-bit.
        let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
        if utf16 || head.starts_with("<?xml") || head.starts_with("<Project") {
            return ImportKind::Project;
        }
        let extension = path
            .extension()
            .map(|extension| extension.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            Some("xml" | "mspdi") => ImportKind::Project,
            Some("csv" | "tsv") => ImportKind::Spreadsheet,
            Some("md" | "markdown" | "txt") => ImportKind::Document,
            // No telling name: a first line of separated fields, no table or heading, is a CSV.
            _ => {
                let first = head.lines().next().unwrap_or("");
                let separated = first.contains(',') || first.contains(';') || first.contains('\t');
                if separated && !first.contains('|') && !first.starts_with('#') {
                    ImportKind::Spreadsheet
                } else {
                    ImportKind::Document
                }
            }
        }
    }
}

impl ImportArgs {
    /// The plan `--into` names, whose activities the spreadsheet replaces.
    pub(super) fn plan_changed(&self) -> Option<&Path> {
        self.into.as_deref()
    }
}

/// `cronograma import FILE`: a plan document or a CSV of activities.
pub fn import(args: &ImportArgs) -> Result<(), Error> {
    let refused = |said: Sentence| Error::input(&args.file, said);
    let bytes = plan::read_regular(&args.file, MAX_PROJECT_BYTES)
        .map_err(|error| refused(Sentence::new(Msg::FaultUnreadable, &[&error])))?;
    let kind = ImportKind::of(&args.file, &bytes);
    let limit = if kind == ImportKind::Project {
        MAX_PROJECT_BYTES
    } else {
        MAX_PLAN_BYTES
    };
    if bytes.len() as u64 > limit {
        return Err(refused(Sentence::new(Msg::InputTooLarge, &[&limit])));
    }
    if kind == ImportKind::Project {
        if args.into.is_some() {
            return Err(Error::usage(Sentence::new(Msg::IntoWithProject, &[])));
        }
        return import_project(args, &bytes);
    }
    if kind == ImportKind::Spreadsheet {
        let found = activities_from_csv(&bytes).map_err(|error| {
            let (line, tip) = (error.line, csv_tip(&error.fault));
            refused(Sentence::fault(error))
                .line(Some(line))
                .tip(Sentence::new(tip, &[]))
        })?;
        return match &args.into {
            Some(plan) => activities_into(plan, &args.file, found),
            None => {
                let mut values = NewPlan::defaults(&stem(&args.file), today());
                values.title = stem(&args.file);
                let mut document = values.document();
                document.plan.activities = found.activities.clone();
                create_imported(args, &document, &found.lines)
            }
        };
    }
    if args.into.is_some() {
        return Err(Error::usage(Sentence::new(Msg::IntoWithDocument, &[])));
    }
    import_document(args, &bytes)
}

/// MS Project files are larger than plans (MS Project writes every field of every task).
const MAX_PROJECT_BYTES: u64 = 64 * 1024 * 1024;

/// `import FILE.xml`: a plan of an MS Project XML file; what it could not keep, and what the
/// plan's rules move (a person does one thing at a time; MS Project does not level), said.
fn import_project(args: &ImportArgs, bytes: &[u8]) -> Result<(), Error> {
    let bytes = bytes.strip_prefix(plan::BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        Error::input(&args.file, Sentence::new(Msg::ProjectNotUtf8, &[]))
            .tip(Sentence::new(Msg::TipProjectUtf8, &[]))
    })?;
    let found = crate::import::mspdi::plan_from_mspdi(text).map_err(|error| {
        Error::input(&args.file, Sentence::fault(error))
            .tip(Sentence::new(Msg::TipExportMspdi, &[]))
    })?;
    // MSPDI has no language of its own: the plan speaks the user's, as `new` makes one, unless
    // a task's code is how that language's tables mark a holiday (`F`): then English, said.
    let user = plan::template::locale_from_environment();
    let mut plan = found.plan;
    let mut notes = found.notes;
    let mark = user.holiday_mark();
    if let Some(clash) = plan.activities.iter().find(|a| *a.code == *mark) {
        notes.push(ProjectNote::EnglishForCode {
            code: clash.code.to_string(),
        });
        plan.locale = Locale::EN;
    } else {
        plan.locale = user;
    }
    let preamble = plan::template::imported_preamble(plan.locale).to_owned();
    let mut document = Document { plan, preamble };
    if document.plan.title_text.is_none() {
        document.plan.title_text = Some(stem(&args.file));
    }
    let schedule = prepare_imported(&args.file, &document, &[])?;
    let moved: Vec<&str> = schedule
        .spans()
        .iter()
        .zip(&found.starts)
        .zip(&document.plan.activities)
        .filter(|((span, start), _)| start.is_some_and(|start| span.start != start))
        .map(|(_, activity)| &*activity.code)
        .collect();
    if !moved.is_empty() {
        let codes = crate::import::mspdi::first_codes(&moved, moved.len());
        let count = moved.len();
        notes.push(ProjectNote::Moved { count, codes });
    }
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.file.with_extension("ron"));
    write_new_plan(&output, &document, args.force)?;
    report_created(&output, Some(&args.file), &document, &schedule)?;
    // Said in the user's language, as the import's errors are.
    let label = Msg::LabelNote.text(user);
    for note in notes {
        print_for_people(&format!("{label}: {}\n", note.say(user)))?;
    }
    Ok(())
}

fn import_document(args: &ImportArgs, bytes: &[u8]) -> Result<(), Error> {
    let (text, _) = crate::import::file::decode(bytes);
    let doc = Doc::parse(&text);
    let found = plan_of(&doc);
    let problems = found
        .as_ref()
        .map_or(&doc.problems, |found| &found.problems);
    // In the user's language, as the import's errors are (there is no plan yet).
    let locale = plan::template::locale_from_environment();
    let label = Msg::LabelWarning.text(locale);
    for (line, problem) in problems {
        let at = if *line > 0 {
            format!(":{line}")
        } else {
            String::new()
        };
        let said = problem.say(locale);
        let warning = format!("{label}: {}{at}: {said}", args.file.display());
        eprintln!("{}", crate::text::for_terminal(&warning));
    }
    let Some(found) = found else {
        return Err(
            Error::input(&args.file, Sentence::new(Msg::NoActivityRead, &[]))
                .tip(Sentence::new(Msg::TipActivityLines, &[])),
        );
    };
    let preamble = plan::template::imported_preamble(found.plan.locale).to_owned();
    let document = Document {
        plan: found.plan,
        preamble,
    };
    let lines: Vec<u64> = doc.items.iter().map(|(line, _)| *line as u64 + 1).collect();
    create_imported(args, &document, &lines)
}

/// Checks a plan made of an imported file (`lines`: each activity's line in it), writes it to
/// `-o` (or the file's name with `.ron`), and says what it made.
fn create_imported(args: &ImportArgs, document: &Document, lines: &[u64]) -> Result<(), Error> {
    let schedule = prepare_imported(&args.file, document, lines)?;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.file.with_extension("ron"));
    write_new_plan(&output, document, args.force)?;
    report_created(&output, Some(&args.file), document, &schedule)
}

/// Everything a plan made of an imported `file` must pass before a byte is written: the plan's
/// rules, that the text saved would open again (its size, every value in range), and a
/// schedule (no activity past the year 9999). A failure names the imported file and the
/// activity, as bad input (exit 2), never the plan that was not written.
fn prepare_imported(file: &Path, document: &Document, lines: &[u64]) -> Result<Schedule, Error> {
    check_imported(file, document, lines)?;
    let text = plan::write::to_ron(document);
    if text.len() as u64 > MAX_PLAN_BYTES {
        let said = too_large(&document.plan, text.len());
        return Err(Error::input(file, said).tip(Sentence::new(Msg::TipShorten, &[])));
    }
    if let Err(error) = plan::parse(&text, Path::new("the plan made of it")) {
        return Err(Error::input(
            file,
            Sentence::new(Msg::WouldNotOpen, &[&error]),
        ));
    }
    let as_of = document
        .plan
        .last_logged_day()
        .unwrap_or(document.plan.start);
    schedule_as_of(&document.plan, as_of).map_err(|source| {
        Error::input(file, Sentence::new(Msg::Unschedulable, &[]).and(source))
            .tip(Sentence::new(Msg::TipCheckTasks, &[]))
    })
}

/// Why a plan of `bytes` is too large, naming the activity with the longest text.
fn too_large(plan: &plan::Plan, bytes: usize) -> Sentence {
    let text_of =
        |activity: &plan::Activity| activity.name.len() + activity.code.len() + activity.who.len();
    match plan
        .activities
        .iter()
        .max_by_key(|activity| text_of(activity))
    {
        Some(largest) => {
            let code = crate::text::one_line(crate::text::fitting_start(&largest.code, 40));
            let values: [&dyn std::fmt::Display; 4] =
                [&bytes, &MAX_PLAN_BYTES, &code, &text_of(largest)];
            Sentence::new(Msg::PlanTooLargeBecause, &values)
        }
        None => Sentence::new(Msg::PlanTooLarge, &[&bytes, &MAX_PLAN_BYTES]),
    }
}

/// The plan's rules, with a broken one about an activity pointed at the line it came from.
fn check_imported(file: &Path, document: &Document, lines: &[u64]) -> Result<(), Error> {
    let Err(violation) = validate::check(&document.plan) else {
        return Ok(());
    };
    let index = violation
        .field
        .strip_prefix("activities[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|index| index.parse::<usize>().ok());
    let line = index.and_then(|index| lines.get(index).copied());
    // Without a line to point at (an MS Project file), the task is named.
    let task = index
        .filter(|_| line.is_none())
        .and_then(|index| document.plan.activities.get(index))
        .map(|activity| {
            let code = crate::text::fitting_start(&activity.code, 40);
            let name = crate::text::fitting_start(&activity.name, 60);
            Sentence::new(Msg::ImportedTask, &[&code, &name]).and(violation.rule.clone())
        })
        .unwrap_or_else(|| Sentence::fault(violation.rule.clone()));
    Err(Error::input(file, task).line(line).mended_by(&violation))
}

/// `import FILE.csv --into PLAN`: the plan's activities become the spreadsheet's.
fn activities_into(path: &Path, file: &Path, found: FromCsv) -> Result<(), Error> {
    let _lock = super::lock(path)?;
    let mut document = plan::load_file(path)?;
    let lines = found.lines.clone();
    let kept = found
        .replace_activities_of(&mut document.plan)
        .map_err(|code| {
            let said = Sentence::new(Msg::LogsUnlisted, &[&path.display(), &code]);
            Error::input(file, said).tip(Sentence::new(Msg::TipKeepRow, &[]))
        })?;
    let schedule = prepare_imported(file, &document, &lines)?;
    let role = FileRole::LockedPlan {
        mode: plan::mode_of(path),
    };
    plan::save_file(path, &document, role)?;
    let summary = crate::export::summary::render(&document.plan, &schedule);
    let tracking = if kept > 0 {
        format!(" (done and hours left of {kept} kept from the plan)")
    } else {
        String::new()
    };
    print_for_people(&format!(
        "{}: the activities of {}{tracking}\n\n{summary}",
        path.display(),
        file.display()
    ))
}
