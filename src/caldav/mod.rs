//! Keeping a calendar on a CalDAV server (Nextcloud, Radicale, Fastmail…) in step with the
//! schedule (RFC 4791 over WebDAV). A layer of its own beside the exports and imports: it
//! takes the events [`crate::export::ics::events`] makes and the server's, and never reaches
//! into the scheduler or the view.
//!
//! How it stays safe for what is on the server: an event is ours when its UID ends in the
//! plan's suffix (`-TITLE@cronograma`), and only ours are ever changed or deleted; every change
//! is conditional (`If-None-Match: *` to create, `If-Match: ETAG` to update or delete), so an
//! event someone changed meanwhile answers 412 and is re-read, never overwritten blindly.

mod busy;
mod href;
mod http;
mod xml;

use std::collections::HashMap;

pub use busy::{BusyPull, BusySource, pull_busy};
pub use href::{CalendarUrl, UrlProblem, redacted};
pub use http::{Client, Credentials, Listing, SyncError};

use crate::export::ics::Event;

/// An event on the server: where it is, its version, what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    /// Its path on the server.
    pub href: String,
    /// Its ETag, as the server gave it (quotes included).
    pub etag: String,
    /// Its UID, if it has one.
    pub uid: Option<String>,
    /// Its iCalendar text.
    pub data: String,
}

/// What a sync does, event by event.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// Events to put that the server does not have.
    pub create: Vec<Event>,
    /// Ours whose text changed: the event and where it is.
    pub update: Vec<(Event, Remote)>,
    /// Ours the plan no longer has.
    pub delete: Vec<Remote>,
    /// Ours as they should be.
    pub unchanged: usize,
    /// The server's answers that named a place outside the calendar, left alone: why, each.
    pub refused: Vec<String>,
}

impl Changes {
    /// `created 3, updated 1, deleted 2, unchanged 40`, with `verb` for what was (or would be)
    /// done.
    pub fn summary(&self, done: bool) -> String {
        let (create, update, delete) = if done {
            ("created", "updated", "deleted")
        } else {
            ("would create", "would update", "would delete")
        };
        format!(
            "{create} {}, {update} {}, {delete} {}, unchanged {}",
            self.create.len(),
            self.update.len(),
            self.delete.len(),
            self.unchanged
        )
    }
}

/// The calendar resource holding `event`: a calendar of its own, as CalDAV wants one component
/// (and its instances) per resource.
pub fn resource_text(head: &str, event: &Event) -> String {
    format!("{head}{}END:VCALENDAR\r\n", event.text)
}

/// What must change on the server so that it holds `events` (each wrapped by `head`) and no
/// other event of ours (UID ending in `suffix`); others' events are not looked at.
pub fn changes(head: &str, events: Vec<Event>, remote: &[Remote], suffix: &str) -> Changes {
    let mut ours: HashMap<&str, &Remote> = remote
        .iter()
        .filter_map(|remote| Some((remote.uid.as_deref()?, remote)))
        .filter(|(uid, _)| uid.ends_with(suffix))
        .collect();
    let mut changes = Changes::default();
    for event in events {
        match ours.remove(event.uid.as_str()) {
            None => changes.create.push(event),
            Some(remote) if same_event(&remote.data, &resource_text(head, &event)) => {
                changes.unchanged += 1;
            }
            Some(remote) => changes.update.push((event, remote.clone())),
        }
    }
    let mut gone: Vec<Remote> = ours.into_values().cloned().collect();
    gone.sort_by(|a, b| a.href.cmp(&b.href));
    changes.delete = gone;
    changes
}

/// True when the server's calendar text `remote` says what `ours` says: the same lines,
/// unfolded, in any order (Radicale reorders them) and whatever their line ends, the parts of
/// a rule in any order and the excluded and added days however split over lines (servers
/// rewrite both);
/// lines the server adds of properties we do not write (a SEQUENCE, its own X- properties) do
/// not count.
fn same_event(remote: &str, ours: &str) -> bool {
    let lines = |text: &str| -> Vec<String> {
        let unfolded = text
            .replace("\r\n", "\n")
            .replace("\n ", "")
            .replace("\n\t", "");
        let mut excluded: Vec<&str> = Vec::new();
        let mut added: Vec<&str> = Vec::new();
        let mut lines: Vec<String> = Vec::new();
        for line in unfolded.lines().filter(|line| !line.is_empty()) {
            if let Some(days) = line.strip_prefix("EXDATE:") {
                excluded.extend(days.split(','));
            } else if let Some(days) = line.strip_prefix("RDATE:") {
                added.extend(days.split(','));
            } else if let Some(rule) = line.strip_prefix("RRULE:") {
                let mut parts: Vec<&str> = rule.split(';').collect();
                parts.sort_unstable();
                lines.push(format!("RRULE:{}", parts.join(";")));
            } else {
                lines.push(line.to_owned());
            }
        }
        for (name, mut days) in [("EXDATE", excluded), ("RDATE", added)] {
            if !days.is_empty() {
                days.sort_unstable();
                lines.push(format!("{name}:{}", days.join(",")));
            }
        }
        lines.sort_unstable();
        lines
    };
    let name = |line: &str| line.split([':', ';']).next().unwrap_or("").to_owned();
    let ours = lines(ours);
    let written: std::collections::HashSet<String> = ours.iter().map(|line| name(line)).collect();
    let theirs: Vec<String> = lines(remote)
        .into_iter()
        .filter(|line| written.contains(&name(line)))
        .collect();
    theirs == ours
}

/// The file name of a new event's resource: its UID, in the characters every server takes.
pub fn file_name_for(uid: &str) -> String {
    let name: String = uid
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{name}.ics")
}

/// Applies `changes` with `client`, stopping at the first refusal, or when `stop` says so
/// between two requests (what was done before stays done: a second sync finishes the job).
/// `progress` hears how many changes of how many are done. Returns what was done.
pub fn apply(
    client: &Client,
    head: &str,
    changes: &Changes,
    stop: &dyn Fn() -> bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Changes, SyncError> {
    let total = changes.create.len() + changes.update.len() + changes.delete.len();
    let mut done = Changes {
        unchanged: changes.unchanged,
        refused: changes.refused.clone(),
        ..Changes::default()
    };
    let mut step = |done: &Changes| -> Result<(), SyncError> {
        let count = done.create.len() + done.update.len() + done.delete.len();
        progress(count, total);
        if stop() {
            return Err(SyncError::Cancelled {
                done: done.summary(true),
            });
        }
        Ok(())
    };
    for event in &changes.create {
        step(&done)?;
        let href = client.member(&file_name_for(&event.uid));
        client.put(&href, &resource_text(head, event), None)?;
        done.create.push(event.clone());
    }
    for (event, remote) in &changes.update {
        step(&done)?;
        client.put(
            &remote.href,
            &resource_text(head, event),
            Some(&remote.etag),
        )?;
        done.update.push((event.clone(), remote.clone()));
    }
    for remote in &changes.delete {
        step(&done)?;
        client.delete(&remote.href, &remote.etag)?;
        done.delete.push(remote.clone());
    }
    progress(total, total);
    Ok(done)
}

/// Where a sync goes: the calendar's URL, who signs in, whether plain http may leave this
/// machine.
#[derive(Debug, Clone)]
pub struct Target {
    /// The calendar's URL.
    pub url: String,
    /// Who signs in, if anyone.
    pub credentials: Option<Credentials>,
    /// Plain http to another host allowed.
    pub insecure: bool,
    /// A holiday calendar on the same server, with the same sign-in, to pull holidays from.
    pub holidays_url: Option<String>,
    /// The busy calendars read before each push, if the config names any.
    pub busy: Option<BusyPull>,
}

/// What a sync of `plan` to `target` would change (the server is only read): the client,
/// the calendar head the events are put with, and the changes.
pub fn changes_for(
    target: &Target,
    plan: &crate::plan::Plan,
    schedule: &crate::schedule::Schedule,
) -> Result<(Client, String, Changes), SyncError> {
    use crate::export::ics;
    let client = Client::new(&target.url, target.credentials.clone(), target.insecure)?;
    let listing = client.list()?;
    let head = ics::head(plan);
    let events = ics::events(plan, schedule);
    let mut changes = changes(&head, events, &listing.events, &ics::uid_suffix(plan));
    changes.refused = listing.refused;
    Ok((client, head, changes))
}

/// The whole sync of `plan` to `target`: list, compare, change what must change.
pub fn sync(
    target: &Target,
    plan: &crate::plan::Plan,
    schedule: &crate::schedule::Schedule,
    stop: &dyn Fn() -> bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Changes, SyncError> {
    let (client, head, changes) = changes_for(target, plan, schedule)?;
    apply(&client, &head, &changes, stop, progress)
}

/// What a sync running in the background says.
#[derive(Debug)]
pub enum Report {
    /// `done` changes of `total` made.
    Progress(usize, usize),
    /// Finished: what was done.
    Done(Changes),
    /// Stopped: why (a cancel included).
    Failed(SyncError),
    /// A holiday calendar read: its URL, and its events as one iCalendar text.
    Pulled(String, Vec<u8>),
    /// The busy calendars read, for the view to put into the plan before the push.
    BusyPulled(Vec<crate::import::pulled::PulledCalendar>),
}

/// The name of the threads that talk to the server, by which the view's panic hook knows a
/// fault there is the thread's to report, not the view's to end.
pub const THREAD_NAME: &str = "cronograma-server";

/// What a job running in the background gives the view: its reports, and a flag that cancels
/// it between two requests.
pub type Background = (
    std::sync::mpsc::Receiver<Report>,
    std::sync::Arc<std::sync::atomic::AtomicBool>,
);

/// Runs `job` on a thread of its own, so the view never waits for the network: what it
/// reports comes on the receiver, its last report being what `job` returns. A panic in it
/// (a bug) ends the job with a [`SyncError::Internal`] report, never the view.
fn in_background(
    job: impl FnOnce(&dyn Fn() -> bool, &dyn Fn(Report)) -> Report + Send + 'static,
) -> Background {
    use std::sync::atomic::{AtomicBool, Ordering};
    let (sender, receiver) = std::sync::mpsc::channel();
    let cancel = std::sync::Arc::new(AtomicBool::new(false));
    let stop = cancel.clone();
    let spawned = std::thread::Builder::new()
        .name(THREAD_NAME.into())
        .spawn(move || {
            let send = |report| {
                let _ = sender.send(report);
            };
            let stopped = || stop.load(Ordering::Relaxed);
            let outcome =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(&stopped, &send)));
            send(outcome.unwrap_or_else(|panic| {
                Report::Failed(SyncError::Internal {
                    why: panic_message(panic.as_ref()),
                })
            }));
        });
    if let Err(error) = spawned {
        // No thread: the receiver hears why at once (its sender went with the closure).
        let (sender, receiver) = std::sync::mpsc::channel();
        let _ = sender.send(Report::Failed(SyncError::Internal {
            why: format!("no thread could be started ({error})"),
        }));
        return (receiver, cancel);
    }
    (receiver, cancel)
}

/// The text a panic was raised with.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_owned())
}

/// Runs a sync of `plan` in the background ([`in_background`]).
pub fn sync_in_background(
    target: Target,
    plan: crate::plan::Plan,
    schedule: crate::schedule::Schedule,
) -> Background {
    in_background(move |stop, send| {
        let mut progress = |done, total| send(Report::Progress(done, total));
        match sync(&target, &plan, &schedule, stop, &mut progress) {
            Ok(done) => Report::Done(done),
            Err(error) => Report::Failed(error),
        }
    })
}

/// Reads the busy calendars of `pull` over `range` in the background ([`in_background`]).
pub fn busy_pull_in_background(
    pull: BusyPull,
    range: (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>),
) -> Background {
    in_background(move |_, _| match pull_busy(&pull, range) {
        Ok(calendars) => Report::BusyPulled(calendars),
        Err(error) => Report::Failed(error),
    })
}

/// Reads the holiday calendar of `target` in the background ([`in_background`]).
pub fn pull_in_background(target: Target) -> Background {
    in_background(move |_, _| {
        let url = target.holidays_url.clone().unwrap_or_default();
        let read = Client::new(&url, target.credentials.clone(), target.insecure)
            .and_then(|client| client.list());
        match read {
            Ok(listing) => Report::Pulled(url, as_one_calendar(&listing.events).into_bytes()),
            Err(error) => Report::Failed(error),
        }
    })
}

/// All events of the server's calendar as one iCalendar text, for the holiday import (which
/// reads several VCALENDARs in one file).
pub fn as_one_calendar(remote: &[Remote]) -> String {
    remote
        .iter()
        .map(|remote| remote.data.as_str())
        .collect::<Vec<_>>()
        .join("\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(uid: &str, summary: &str) -> Event {
        Event {
            uid: uid.into(),
            text: format!("BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\n"),
        }
    }

    fn remote(uid: &str, summary: &str) -> Remote {
        Remote {
            href: format!("/cal/{uid}.ics"),
            etag: "\"1\"".into(),
            uid: Some(uid.into()),
            data: resource_text("BEGIN:VCALENDAR\r\n", &event(uid, summary)).replace("\r\n", "\n"),
        }
    }

    #[test]
    fn only_our_events_are_created_updated_or_deleted() {
        let head = "BEGIN:VCALENDAR\r\n";
        let server = [
            remote("A1-20230913-plan@cronograma", "A1"),
            remote("A1-20230914-plan@cronograma", "old name"),
            remote("A9-20230915-plan@cronograma", "gone"),
            remote("dentist@example.com", "Dentist"),
            remote("A1-20230913-other@cronograma", "another plan's"),
        ];
        let wanted = vec![
            event("A1-20230913-plan@cronograma", "A1"),
            event("A1-20230914-plan@cronograma", "A1"),
            event("A2-20230915-plan@cronograma", "A2"),
        ];
        let changes = changes(head, wanted, &server, "-plan@cronograma");
        assert_eq!(changes.unchanged, 1);
        assert_eq!(
            changes
                .create
                .iter()
                .map(|e| e.uid.as_str())
                .collect::<Vec<_>>(),
            ["A2-20230915-plan@cronograma"]
        );
        assert_eq!(changes.update.len(), 1);
        assert_eq!(
            changes
                .delete
                .iter()
                .map(|r| r.uid.as_deref().unwrap())
                .collect::<Vec<_>>(),
            ["A9-20230915-plan@cronograma"]
        );
        assert_eq!(
            changes.summary(false),
            "would create 1, would update 1, would delete 1, unchanged 1"
        );
    }

    #[test]
    fn a_fault_in_the_background_is_a_report_not_the_end_of_the_view() {
        let (reports, _) = in_background(|_, send| {
            send(Report::Progress(0, 1));
            assert_eq!(std::thread::current().name(), Some(THREAD_NAME));
            panic!("boom")
        });
        let said: Vec<Report> = reports.iter().collect();
        assert!(matches!(said[0], Report::Progress(0, 1)), "{said:?}");
        match &said[1..] {
            [Report::Failed(error @ SyncError::Internal { why })] => {
                assert_eq!(why, "boom");
                assert!(error.to_string().contains("the plan was not touched"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn file_names_are_safe_in_a_path() {
        assert_eq!(file_name_for("A/1 x@cronograma"), "A_1_x_cronograma.ics");
        assert_eq!(file_name_for(".."), "...ics");
    }
}
