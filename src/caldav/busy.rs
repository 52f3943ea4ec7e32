//! Reading busy time from the calendars the config names (`sync.busy`): each is asked for its
//! free-busy time over the dates the plan may reach (RFC 4791 7.10), or, where the server does
//! not answer that, for its events. The calendar the plan is pushed to is always read by its
//! events: a free-busy answer cannot tell the plan's own events from the user's, and the plan
//! must never push itself away. One calendar that cannot be read fails the whole pull.

use chrono::{DateTime, Utc};

use super::{CalendarUrl, Client, Credentials, SyncError};
use crate::import::pulled::{Answer, PulledCalendar};

/// A calendar busy time is read from: its URL, and the person it is for (`None`: everyone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusySource {
    /// The calendar's CalDAV URL.
    pub url: String,
    /// The person of the plan it is for.
    pub who: Option<String>,
}

/// How to reach the busy calendars: who signs in, whether plain http may leave this machine,
/// and the calendar the plan is pushed to (read by its events, see the module's doc).
#[derive(Debug, Clone)]
pub struct BusyPull {
    /// The calendars.
    pub sources: Vec<BusySource>,
    /// Who signs in (the same user as for the sync).
    pub credentials: Option<Credentials>,
    /// Plain http to another host allowed.
    pub insecure: bool,
    /// The URL the plan's events are pushed to, if any.
    pub pushed_to: Option<String>,
}

/// True when two URLs name one calendar (`CalendarUrl` compares them decoded, with the
/// default port and the host's case settled).
fn same_calendar(a: &str, b: &str) -> bool {
    match (CalendarUrl::parse(a), CalendarUrl::parse(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Reads every calendar of `pull` over `start` to `end` (a free-busy question asks for those
/// moments; a listing of events gives them all). The first that fails stops the pull.
pub fn pull_busy(
    pull: &BusyPull,
    (start, end): (DateTime<Utc>, DateTime<Utc>),
) -> Result<Vec<PulledCalendar>, SyncError> {
    let mut pulled = Vec::with_capacity(pull.sources.len());
    for source in &pull.sources {
        let client = Client::new(&source.url, pull.credentials.clone(), pull.insecure)?;
        let ours = pull
            .pushed_to
            .as_deref()
            .is_some_and(|pushed| same_calendar(pushed, &source.url));
        let free_busy = if ours {
            None
        } else {
            client.free_busy(start, end)?
        };
        let answer = match free_busy {
            Some(text) => Answer::FreeBusy(text.into_bytes()),
            None => Answer::Events(events_of(&client)?),
        };
        let name = CalendarUrl::parse(&source.url)
            .map(|url| url.name().to_owned())
            .unwrap_or_else(|_| source.url.clone());
        pulled.push(PulledCalendar {
            source: source.url.clone(),
            who: source.who.clone(),
            name,
            answer,
        });
    }
    Ok(pulled)
}

/// The events of a calendar as one iCalendar text (an empty calendar when it has none).
fn events_of(client: &Client) -> Result<Vec<u8>, SyncError> {
    let events = client.list()?.events;
    if events.is_empty() {
        return Ok(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".to_vec());
    }
    Ok(super::as_one_calendar(&events).into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_calendar_is_one_whatever_its_url_says() {
        assert!(same_calendar(
            "https://Example.org:443/dav/ana/uni/",
            "https://example.org/dav/ana/uni"
        ));
        assert!(same_calendar(
            "https://example.org/dav/ana/uni%2Dv/",
            "https://example.org/dav/ana/uni-v/"
        ));
        assert!(!same_calendar(
            "https://example.org/dav/ana/uni/",
            "https://example.org/dav/ana/work/"
        ));
    }
}
