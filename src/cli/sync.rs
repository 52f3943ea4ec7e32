//! `cronograma sync` and `holidays pull`: the command line of the CalDAV layer
//! ([`crate::caldav`]). The password comes from `CRONOGRAMA_CALDAV_PASSWORD` or from the secret
//! file the config file names (`password_file`), never from the command line or the plan.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::{Error, PlanArg, print_for_people};
use crate::caldav::{self, Client, Credentials, Target};

// Where the calendar is and who signs in, for `sync` and `holidays pull` (a plain comment:
// with clap's defer, a doc comment here would replace the subcommands' descriptions).
#[derive(Debug, Args)]
pub struct ServerArgs {
    /// The calendar's CalDAV URL (Nextcloud: https://HOST/remote.php/dav/calendars/USER/CALENDAR/;
    /// Radicale: http://HOST:5232/USER/CALENDAR/).
    #[arg(long, value_name = "URL")]
    pub url: String,
    /// The user to sign in as (the password: CRONOGRAMA_CALDAV_PASSWORD, or the config file's
    /// password_file).
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
    plan: PlanArg,
    #[command(flatten)]
    server: ServerArgs,
    /// Say what would be created, changed and deleted, and change nothing.
    #[arg(long)]
    dry_run: bool,
}

/// The target `server` names, with the password from where it may come from; a warning about
/// the password file is printed.
pub fn target(server: &ServerArgs, password_file: Option<&PathBuf>) -> Result<Target, Error> {
    let (target, warning) = target_of(
        &server.url,
        server.user.as_deref(),
        server.insecure,
        password_file,
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
        return Err(Error::Usage(
            "--user needs a password: set CRONOGRAMA_CALDAV_PASSWORD, or name a secret file as \
             password_file in the config file (it is never taken from the command line)"
                .into(),
        ));
    };
    let bytes = crate::plan::read_regular(file, 4096).map_err(|error| Error::Input {
        path: file.clone(),
        line: None,
        message: format!("the password file cannot be read: {error}"),
        hint: None,
    })?;
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

/// `cronograma sync PLAN --url URL [--user U] [--dry-run]`.
pub fn sync(
    args: &SyncArgs,
    password_file: Option<&PathBuf>,
    as_of: NaiveDate,
) -> Result<(), Error> {
    let (document, schedule) = super::open(&args.plan.path, as_of)?;
    let plan = &document.plan;
    let target = target(&args.server, password_file)?;
    let url = &args.server.url;
    if args.dry_run {
        let (_, _, changes) = caldav::changes_for(&target, plan, &schedule).map_err(Error::Sync)?;
        warn_refused(&changes.refused);
        let mut report = format!("{url}: {}\n", changes.summary(false));
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
    print_for_people(&format!("{url}: {}\n", done.summary(true)))
}

/// The events of the server's calendar as one iCalendar text, for `holidays pull`.
pub fn pulled(server: &ServerArgs, password_file: Option<&PathBuf>) -> Result<Vec<u8>, Error> {
    let client = client(&target(server, password_file)?)?;
    let listing = client.list().map_err(Error::Sync)?;
    warn_refused(&listing.refused);
    Ok(caldav::as_one_calendar(&listing.events).into_bytes())
}

/// Each answer of the server left alone, as a warning on stderr.
fn warn_refused(refused: &[String]) {
    for why in refused {
        eprintln!("{}", crate::text::for_terminal(&format!("warning: {why}")));
    }
}
