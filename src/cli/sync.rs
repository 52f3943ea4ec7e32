//! `cronograma sync`, `busy pull` and `holidays pull`: the command line of the CalDAV layer
//! ([`crate::caldav`]). The calendar's URL and user come from the options, or else from the
//! config file's `sync` (as the view's `Y` takes them). The password comes from
//! `CRONOGRAMA_CALDAV_PASSWORD` or from the secret file the config file names
//! (`password_file`), never from the command line or the plan.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;

use super::config::Settings;
use super::{Error, PlanArg, lock, open, print_for_people};
use crate::caldav::{self, BusyPull, Client, Credentials, Target};
use crate::import::pulled::{Pulled, horizon, local_time, with_pulled};
use crate::messages::{Msg, Sentence};
use crate::plan::{self, Document, Plan};
use crate::schedule::Schedule;

// Where the calendar is and who signs in, for `sync` and `holidays pull` (a plain comment:
// with clap's defer, a doc comment here would replace the subcommands' descriptions).
#[derive(Debug, Args)]
pub struct ServerArgs {
    /// The calendar's CalDAV URL (Nextcloud: https://HOST/remote.php/dav/calendars/USER/CALENDAR/;
    /// Radicale: http://HOST:5232/USER/CALENDAR/) [default: the config file's sync url, or
    /// holidays_url for holidays]
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// The user to sign in as (the password: CRONOGRAMA_CALDAV_PASSWORD, or the config file's
    /// password_file) [default: the config file's sync user]
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,
    /// Allow plain http to a host other than this machine.
    #[arg(long)]
    pub insecure: bool,
}

// Options of `sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(flatten)]
    pub(super) plan: PlanArg,
    #[command(flatten)]
    server: ServerArgs,
    /// Say what would be pulled, moved, created, changed and deleted, and change nothing
    /// (neither on the server nor in the plan).
    #[arg(long)]
    dry_run: bool,
}

/// Which of the config's calendars an option left out stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    /// The one the plan is pushed to (`sync.url`).
    Sync,
    /// The holiday calendar (`sync.holidays_url`).
    Holidays,
}

/// The URL, user and plain-http permission `server` gives, each from the config's `sync` when
/// left out; an error naming both ways when neither gives a URL.
fn server_of(
    server: &ServerArgs,
    settings: &Settings,
    calendar: Calendar,
) -> Result<(String, Option<String>, bool), Error> {
    let setting = settings.sync.as_ref();
    let configured = setting.and_then(|setting| match calendar {
        Calendar::Sync => Some(setting.url.clone()),
        Calendar::Holidays => setting.holidays_url.clone(),
    });
    let Some(url) = server.url.clone().or(configured) else {
        let example = match calendar {
            Calendar::Sync => "sync: (url: \"https://…/calendar/\")",
            Calendar::Holidays => "sync: (url: \"…\", holidays_url: \"https://…/holidays/\")",
        };
        return Err(Error::usage(Sentence::new(Msg::WhichCalendar, &[&example])));
    };
    let user = server
        .user
        .clone()
        .or_else(|| setting.and_then(|setting| setting.user.clone()));
    let insecure = server.insecure || setting.is_some_and(|setting| setting.insecure);
    Ok((url, user, insecure))
}

/// The target `server` names (or the config's `calendar`), with the password from where it
/// may come from; a warning about the password file is printed.
pub fn target(
    server: &ServerArgs,
    settings: &Settings,
    calendar: Calendar,
) -> Result<Target, Error> {
    let (url, user, insecure) = server_of(server, settings, calendar)?;
    let (target, warning) = target_of(
        &url,
        user.as_deref(),
        insecure,
        settings.password_file.as_ref(),
    )?;
    if let Some(warning) = warning {
        eprintln!(
            "{}",
            crate::text::for_terminal(&format!("warning: {warning}"))
        );
    }
    Ok(target)
}

/// The target of a URL and a user, with the password from where it may come from, and a
/// warning when the password's file can be read by others. A URL that cannot name a calendar,
/// one with a password in it first, is refused here, before anything shows or keeps it.
pub fn target_of(
    url: &str,
    user: Option<&str>,
    insecure: bool,
    password_file: Option<&PathBuf>,
) -> Result<(Target, Option<String>), Error> {
    caldav::CalendarUrl::parse(url).map_err(|problem| {
        Error::Sync(caldav::SyncError::BadUrl {
            why: problem.to_string(),
        })
    })?;
    let (credentials, warning) = match user {
        None => (None, None),
        Some(user) => {
            let (password, warning) = password(password_file)?;
            let credentials = Credentials {
                user: user.to_owned(),
                password,
            };
            (Some(credentials), warning)
        }
    };
    let target = Target {
        url: url.to_owned(),
        credentials,
        insecure,
        holidays_url: None,
        busy: None,
    };
    Ok((target, warning))
}

fn client(target: &Target) -> Result<Client, Error> {
    Client::new(&target.url, target.credentials.clone(), target.insecure).map_err(Error::Sync)
}

/// The password: `CRONOGRAMA_CALDAV_PASSWORD`, or the first line of the secret file; with a
/// warning when that file can be read by others than its owner (as ssh and mail programs say).
fn password(password_file: Option<&PathBuf>) -> Result<(String, Option<String>), Error> {
    if let Some(password) = std::env::var_os("CRONOGRAMA_CALDAV_PASSWORD") {
        return Ok((password.to_string_lossy().into_owned(), None));
    }
    let Some(file) = password_file else {
        return Err(Error::usage(Sentence::new(Msg::NoPassword, &[])));
    };
    let bytes = crate::plan::read_regular(file, 4096)
        .map_err(|error| Error::input(file, Sentence::new(Msg::PasswordUnreadable, &[&error])))?;
    let password = String::from_utf8_lossy(&bytes)
        .lines()
        .next()
        .unwrap_or("")
        .to_owned();
    Ok((password, readable_by_others(file)))
}

/// The warning for a secret file that others than its owner may read.
#[cfg(unix)]
fn readable_by_others(file: &std::path::Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(file).ok()?.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then(|| {
        format!(
            "{}: the password file can be read by others (mode {mode:04o}); make it private \
             with chmod 600 {}",
            file.display(),
            file.display()
        )
    })
}

#[cfg(not(unix))]
fn readable_by_others(_file: &std::path::Path) -> Option<String> {
    None
}

/// `cronograma sync [PLAN] [--url URL] [--user U] [--dry-run]`: busy time pulled from the
/// config's busy calendars (when it names any) into the plan, what that moved said, then the
/// schedule pushed. A busy calendar that cannot be read stops it before anything is pushed.
pub fn sync(args: &SyncArgs, settings: &Settings, as_of: NaiveDate) -> Result<(), Error> {
    let path = &args.plan.path;
    let target = target(&args.server, settings, Calendar::Sync)?;
    let pull = busy_pull(settings, Some(&target))?;
    // Held while the plan may be read, changed and saved.
    let _lock = pull.is_some().then(|| lock(path)).transpose()?;
    let (mut document, mut schedule) = open(path, as_of)?;
    let mut report = String::new();
    if let Some(pull) = &pull {
        let (plan, after, said) = pull_into(path, (&document.plan, &schedule), pull, as_of)?;
        report.push_str(&said);
        if !args.dry_run && plan != document.plan {
            document.plan = plan;
            save(path, &document)?;
        }
        schedule = after;
    }
    let plan = &document.plan;
    let url = &target.url;
    if args.dry_run {
        let (_, _, changes) = caldav::changes_for(&target, plan, &schedule).map_err(Error::Sync)?;
        warn_refused(&changes.refused);
        report.push_str(&format!("{url}: {}\n", changes.summary(false)));
        for event in &changes.create {
            report.push_str(&format!("  create {}\n", event.uid));
        }
        for (event, _) in &changes.update {
            report.push_str(&format!("  update {}\n", event.uid));
        }
        for remote in &changes.delete {
            report.push_str(&format!(
                "  delete {}\n",
                remote.uid.as_deref().unwrap_or(&remote.href)
            ));
        }
        return print_for_people(&report);
    }
    let done =
        caldav::sync(&target, plan, &schedule, &|| false, &mut |_, _| {}).map_err(Error::Sync)?;
    warn_refused(&done.refused);
    report.push_str(&format!("{url}: {}\n", done.summary(true)));
    print_for_people(&report)
}

/// `cronograma busy pull [PLAN] [--dry-run]`: the busy time of the config's busy calendars in
/// place of what they brought before, saved in one step.
pub fn busy_pull_command(
    path: &Path,
    settings: &Settings,
    dry_run: bool,
    as_of: NaiveDate,
) -> Result<(), Error> {
    let pushed_to = settings
        .sync
        .as_ref()
        .and_then(|setting| target_of(&setting.url, None, setting.insecure, None).ok())
        .map(|(target, _)| target);
    let Some(pull) = busy_pull(settings, pushed_to.as_ref())? else {
        return Err(Error::usage(Sentence::new(Msg::NoBusyCalendars, &[])));
    };
    let _lock = lock(path)?;
    let (mut document, schedule) = open(path, as_of)?;
    let (plan, _, mut report) = pull_into(path, (&document.plan, &schedule), &pull, as_of)?;
    if plan == document.plan {
        let said = crate::messages::Msg::NothingToChange.text(plan.locale);
        report.push_str(&format!("{}: {said}\n", path.display()));
    } else if !dry_run {
        document.plan = plan;
        save(path, &document)?;
    }
    print_for_people(&report)
}

/// Saves the plan at `path` (held by the caller's lock) through the one safe writer.
fn save(path: &Path, document: &Document) -> Result<(), Error> {
    let role = plan::FileRole::LockedPlan {
        mode: plan::mode_of(path),
    };
    plan::save_file(path, document, role)?;
    Ok(())
}

/// The pull the config asks for (its busy calendars, signed in as the sync is), or `None`
/// when it names none. `pushed_to` is the calendar the plan is pushed to.
pub(crate) fn busy_pull(
    settings: &Settings,
    pushed_to: Option<&Target>,
) -> Result<Option<BusyPull>, Error> {
    let Some(setting) = settings
        .sync
        .as_ref()
        .filter(|setting| !setting.busy.is_empty())
    else {
        return Ok(None);
    };
    let credentials = match pushed_to.and_then(|target| target.credentials.clone()) {
        Some(credentials) => Some(credentials),
        None => {
            target_of(
                &setting.url,
                setting.user.as_deref(),
                setting.insecure,
                settings.password_file.as_ref(),
            )?
            .0
            .credentials
        }
    };
    Ok(Some(BusyPull {
        sources: setting.busy.iter().map(|busy| busy.source()).collect(),
        credentials,
        insecure: setting.insecure,
        pushed_to: pushed_to.map(|target| target.url.clone()),
    }))
}

/// The plan (the file at `path`, and its schedule) with the busy time of `pull`'s calendars in
/// place of what they brought before, its schedule, and the report: what each calendar gave,
/// then each activity that moved and why (a free-busy question asks over [`horizon`]).
fn pull_into(
    path: &Path,
    (plan, schedule): (&Plan, &Schedule),
    pull: &BusyPull,
    as_of: NaiveDate,
) -> Result<(Plan, Schedule, String), Error> {
    for source in &pull.sources {
        if let Some(who) = &source.who
            && !plan.people.iter().any(|person| &*person.name == who)
        {
            let said = Sentence::new(Msg::BusyForStranger, &[&source.url, who]);
            return Err(Error::usage(said));
        }
    }
    let range = horizon(plan.start, schedule.end());
    let calendars = caldav::pull_busy(pull, range).map_err(Error::Sync)?;
    let (pulled_plan, pulled, to) = with_pulled(plan, &calendars, &local_time)
        .map_err(|error| Error::Import(error.of("busy pull")))?;
    let after = super::schedule_of(path, &pulled_plan, as_of)?;
    let mut report = pull_report(path, plan, &pulled, to);
    for moved in crate::moves::moves(&pulled_plan, schedule, &after) {
        let line = crate::moves::line(&pulled_plan, &moved, pulled_plan.locale);
        report.push_str(&format!("  {line}\n"));
    }
    Ok((pulled_plan, after, report))
}

/// One line per calendar: `plan.ron: https://…/university/: added 2 busy blocks (30 times)`.
fn pull_report(path: &Path, plan: &Plan, pulled: &[Pulled], to: NaiveDate) -> String {
    pulled
        .iter()
        .map(|pulled| {
            format!(
                "{}: {}: {}\n",
                path.display(),
                pulled.source,
                pulled.summary(plan.start, to, plan.locale)
            )
        })
        .collect()
}

/// The events of the server's calendar as one iCalendar text, for `holidays pull`.
pub fn pulled(server: &ServerArgs, settings: &Settings) -> Result<(String, Vec<u8>), Error> {
    let target = target(server, settings, Calendar::Holidays)?;
    let client = client(&target)?;
    let listing = client.list().map_err(Error::Sync)?;
    warn_refused(&listing.refused);
    Ok((
        target.url,
        caldav::as_one_calendar(&listing.events).into_bytes(),
    ))
}

/// Each answer of the server left alone, as a warning on stderr.
fn warn_refused(refused: &[String]) {
    for why in refused {
        eprintln!("{}", crate::text::for_terminal(&format!("warning: {why}")));
    }
}
