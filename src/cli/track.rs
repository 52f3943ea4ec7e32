//! Following a plan as work happens: `log`, `done`, `baseline` and `status`. The changes go
//! through the lock and the one safe writer, and each says what it did and where the plan ends
//! now, in the plan's language.

use std::path::Path;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::{Error, PlanArg, lock, print_for_people, print_output};
use crate::export::status::{json, markdown, slip_words, text};
use crate::messages::{Msg, Sentence};
use crate::plan::{self, Document, FileRole, Hours, Plan};
use crate::schedule::{Schedule, schedule_as_of};
use crate::status::{Status, baseline_of};

// Options of `log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// The activity's code.
    code: String,
    /// The hours worked: 6, 7.5 or 7,5 (0 takes that day's entry away).
    #[arg(value_parser = parse_hours)]
    hours: Hours,
    /// The day the work was done [default: the status date: --as-of, or today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = plan::fields::parse_date)]
    date: Option<NaiveDate>,
    /// A note for that day's entry.
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
    #[command(flatten)]
    pub(super) plan: PlanArg,
}

// Options of `done`.
#[derive(Debug, Args)]
pub struct DoneArgs {
    /// The activity's code.
    code: String,
    /// Mark it as not done after all.
    #[arg(long)]
    undo: bool,
    #[command(flatten)]
    pub(super) plan: PlanArg,
}

// Options of `baseline`.
#[derive(Debug, Args)]
pub struct BaselineArgs {
    #[command(flatten)]
    pub(super) plan: PlanArg,
    /// Replace the baseline the plan already has.
    #[arg(long)]
    replace: bool,
}

// Options of `status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub(super) plan: PlanArg,
    /// How to write it: aligned text, a Markdown section for a report, or JSON.
    #[arg(short, long, value_enum, default_value_t = StatusFormat::Text)]
    format: StatusFormat,
}

/// The formats of `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    /// Aligned text for a terminal.
    Text,
    /// A Markdown section, in the plan's language.
    Md,
    /// JSON.
    Json,
}

/// Hours on the command line: `6`, `7.5` or `7,5`, in quarter-hour steps.
fn parse_hours(text: &str) -> Result<Hours, String> {
    text.parse().map_err(|why| format!("\"{text}\" {why}"))
}

/// `cronograma log CODE HOURS [--date D] [--note T] [PLAN]`.
pub fn log(args: &LogArgs, as_of: NaiveDate) -> Result<(), Error> {
    let path = &args.plan.path;
    let date = args.date.unwrap_or(as_of);
    if date > as_of {
        return Err(Error::usage(Sentence::new(
            Msg::LogAfterStatus,
            &[&date, &as_of],
        )));
    }
    let changed = change(path, as_of, |plan| {
        let index = activity(plan, &args.code)?;
        let code = plan.activities[index].code.clone();
        if plan.activities[index].is_milestone() {
            return Err(Sentence::new(Msg::MilestoneNotLogged, &[&code]));
        }
        let was_tracked = plan.is_tracked();
        plan.log_hours(date, code.clone(), args.hours, args.note.clone().map(Some));
        let said = Msg::LoggedHours.fill(plan.locale, &[&code, &args.hours, &date]);
        Ok((said, (was_tracked, plan.locale)))
    })?;
    if let Some((false, locale)) = changed {
        let on = Msg::TrackingOn.fill(locale, &[&as_of]);
        print_for_people(&format!("{on}\n"))?;
    }
    Ok(())
}

/// `cronograma done CODE [--undo] [PLAN]`.
pub fn done(args: &DoneArgs, as_of: NaiveDate) -> Result<(), Error> {
    change(&args.plan.path, as_of, |plan| {
        let index = activity(plan, &args.code)?;
        let activity = &mut plan.activities[index];
        activity.done = !args.undo;
        let said = if args.undo {
            Msg::MarkedNotDone
        } else {
            Msg::MarkedDone
        };
        Ok((said.fill(plan.locale, &[&plan.activities[index].code]), ()))
    })?;
    Ok(())
}

/// `cronograma baseline [--replace] [PLAN]`: the schedule as of the status date, frozen.
pub fn baseline(args: &BaselineArgs, as_of: NaiveDate) -> Result<(), Error> {
    let path = &args.plan.path;
    let _lock = lock(path)?;
    let (mut document, schedule) = super::open(path, as_of)?;
    let plan = &mut document.plan;
    if let (Some(old), false) = (&plan.baseline, args.replace) {
        let why = Sentence::new(Msg::BaselineExists, &[&old.saved]);
        let said = Sentence::new(Msg::NothingChangedBecause, &[&path.display()]).and(why);
        let tip = Sentence::new(Msg::TipReplaceBaseline, &[&path.display()]);
        return Err(Error::usage(said).tip(tip));
    }
    let baseline = baseline_of(plan, &schedule, as_of);
    if plan.baseline.as_ref() == Some(&baseline) {
        return nothing_to_change(path, plan);
    }
    let said = Msg::BaselineSaved.fill(plan.locale, &[&as_of, &baseline.activities.len()]);
    plan.baseline = Some(baseline);
    save(path, &document)?;
    print_for_people(&format!("{}: {said}\n", path.display()))
}

/// `cronograma status [PLAN] [--format text|md|json]`.
pub fn status(args: &StatusArgs, as_of: NaiveDate) -> Result<(), Error> {
    let path = &args.plan.path;
    let (document, schedule) = super::open(path, as_of)?;
    let plan = &document.plan;
    let status = Status::of(plan, &schedule).ok_or_else(|| untracked(path))?;
    match args.format {
        StatusFormat::Text => print_for_people(&text(plan, &schedule, &status)),
        // Escaped per format already: Markdown and JSON go out as they are.
        StatusFormat::Md => print_output(&markdown(plan, &schedule, &status)),
        StatusFormat::Json => print_output(&json(plan, &schedule, &status)),
    }
}

pub(super) fn untracked(path: &Path) -> Error {
    Error::usage(Sentence::new(Msg::Untracked, &[&path.display()]))
        .tip(Sentence::new(Msg::TipFirstLog, &[&path.display()]))
}

/// The index of the activity `code` (see [`Plan::find_code`]), or what to say.
fn activity(plan: &Plan, code: &str) -> Result<usize, Sentence> {
    plan.find_code(code).ok_or_else(|| {
        let codes: Vec<&str> = plan
            .activities
            .iter()
            .take(12)
            .map(|activity| &*activity.code)
            .collect();
        let more = if plan.activities.len() > codes.len() {
            ", …"
        } else {
            ""
        };
        let listed = format!("{}{more}", codes.join(", "));
        let code = crate::text::normalize_code(code);
        Sentence::new(Msg::UnknownCode, &[&code, &listed])
    })
}

/// Applies `edit` to the plan at `path` under its lock, checks and schedules the result, saves
/// it through the safe writer, and prints what `edit` said with where the plan ends now; the
/// value `edit` gave. An edit that changes nothing writes nothing (the file, its mtime and
/// tracking stay as they were), says so in the plan's language, and gives `None`.
fn change<T>(
    path: &Path,
    as_of: NaiveDate,
    edit: impl FnOnce(&mut Plan) -> Result<(String, T), Sentence>,
) -> Result<Option<T>, Error> {
    let _lock = lock(path)?;
    let mut document = plan::load_file(path)?;
    let before = document.plan.clone();
    let (said, value) = edit(&mut document.plan)
        .map_err(|said| Error::usage(Sentence::new(Msg::Located, &[&path.display()]).and(said)))?;
    if document.plan == before {
        nothing_to_change(path, &before)?;
        return Ok(None);
    }
    plan::validate::check(&document.plan).map_err(|violation| {
        let said = Sentence::new(Msg::NothingChangedBecause, &[&path.display()]);
        Error::usage(said.and(Sentence::fault(violation.clone()))).mended_by(&violation)
    })?;
    let schedule =
        schedule_as_of(&document.plan, as_of).map_err(|source| super::Error::Schedule {
            path: path.to_owned(),
            source,
        })?;
    save(path, &document)?;
    let ends = ends(&document.plan, &schedule);
    print_for_people(&format!("{}: {said} · {ends}\n", path.display()))?;
    Ok(Some(value))
}

/// `plan.ron: nada que cambiar: el plan ya lo dice`, in the plan's language.
pub(super) fn nothing_to_change(path: &Path, plan: &Plan) -> Result<(), Error> {
    let said = Msg::NothingToChange.text(plan.locale);
    print_for_people(&format!("{}: {said}\n", path.display()))
}

/// `el plan termina el 2023-12-07 14:00 · 7 días hábiles de atraso`.
fn ends(plan: &Plan, schedule: &Schedule) -> String {
    let end = crate::export::format_moment(schedule.end());
    let mut text = Msg::EndsNow.fill(plan.locale, &[&end]);
    if let Some(days) = Status::of(plan, schedule).and_then(|status| status.slip_days) {
        text.push_str(" · ");
        text.push_str(&slip_words(plan.locale, days));
    }
    text
}

fn save(path: &Path, document: &Document) -> Result<(), Error> {
    let role = FileRole::LockedPlan {
        mode: plan::mode_of(path),
    };
    plan::save_file(path, document, role)?;
    Ok(())
}
