//! The HTTP side of CalDAV, through ureq (rustls, the system's certificates): listing a
//! calendar's events with their ETags (`REPORT calendar-query`), conditional `PUT` and
//! `DELETE`, and every way a server or a network can fail, as a sentence for people.

use std::time::Duration;

use base64::Engine;
use chrono::{DateTime, Utc};
use ureq::http::{Method, Request};

use super::Remote;
use super::href::CalendarUrl;

/// How long one request may take, all of it.
const TIMEOUT: Duration = Duration::from_secs(30);

/// The largest answer read: a calendar of years of events is a few megabytes.
const MAX_ANSWER_BYTES: u64 = 32 * 1024 * 1024;

/// Who signs in. Its `Debug` hides the password, so no log or panic message can show it.
#[derive(Clone)]
pub struct Credentials {
    /// The user name.
    pub user: String,
    /// The password (from `CRONOGRAMA_CALDAV_PASSWORD` or a secret file; never an argument).
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .field("password", &"***")
            .finish()
    }
}

/// Why a sync stopped. Each says what happened and what to do; the plan is never touched by
/// one, and what was done before it stays done, so a second sync finishes the job.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// Plain http to another host than this one.
    #[error(
        "{url}: plain http sends the password and the plan unencrypted; use https, or give --insecure for a server you trust on your network"
    )]
    Insecure {
        /// The URL given.
        url: String,
    },
    /// Not a URL we can use (said without any password it held).
    #[error("{why}")]
    BadUrl {
        /// What is wrong, naming the URL with its password hidden.
        why: String,
    },
    /// A write the sync was about to send outside the calendar (a bug, or a server's href
    /// that got past the resolver): refused, never sent.
    #[error("{href}: not an event inside the calendar {calendar}; nothing was sent there")]
    Outside {
        /// Where the write would have gone.
        href: String,
        /// The calendar.
        calendar: String,
    },
    /// The server could not be reached, or the connection broke.
    #[error("{url}: the server cannot be reached ({why})")]
    Unreachable {
        /// Where.
        url: String,
        /// What the network said.
        why: String,
    },
    /// The server took longer than [`TIMEOUT`].
    #[error("{url}: the server did not answer within {} s", TIMEOUT.as_secs())]
    Timeout {
        /// Where.
        url: String,
    },
    /// 401.
    #[error(
        "{url}: the server refused the user name or password (401); check --user and CRONOGRAMA_CALDAV_PASSWORD (Nextcloud wants an app password)"
    )]
    Unauthorized {
        /// Where.
        url: String,
    },
    /// 403.
    #[error("{url}: the server does not let this user change that calendar (403)")]
    Forbidden {
        /// Where.
        url: String,
    },
    /// 404 on the calendar.
    #[error(
        "{url}: there is no calendar there (404); copy the calendar's CalDAV address from the server (Nextcloud: Calendar → ⋯ → Copy private link)"
    )]
    NoCalendar {
        /// Where.
        url: String,
    },
    /// 412: someone changed an event since it was read.
    #[error(
        "{href}: the event was changed on the server since it was read (412); nothing was overwritten: run the sync again to compare with the new version"
    )]
    Changed {
        /// The event.
        href: String,
    },
    /// 507.
    #[error("{url}: the server has no room left for this calendar (507)")]
    Full {
        /// Where.
        url: String,
    },
    /// Any other refusal.
    #[error("{url}: the server answered {status} {reason}")]
    Status {
        /// Where.
        url: String,
        /// The HTTP status.
        status: u16,
        /// Its reason phrase.
        reason: String,
    },
    /// The user cancelled it (in the view).
    #[error(
        "the sync was cancelled; what was done stays done ({done}), and the next sync finishes the job"
    )]
    Cancelled {
        /// What had been done.
        done: String,
    },
    /// A fault in the program itself (a bug) while syncing.
    #[error(
        "the sync stopped on an internal error ({why}); this is a bug, please report it: the plan was not touched"
    )]
    Internal {
        /// What the fault said.
        why: String,
    },
    /// An answer that is not what CalDAV answers.
    #[error("{url}: the server's answer cannot be read: {why}")]
    Malformed {
        /// Where.
        url: String,
        /// What is wrong.
        why: String,
    },
}

/// A connection to one calendar.
pub struct Client {
    agent: ureq::Agent,
    /// The calendar: where every request goes, and what a server's href is held against.
    calendar: CalendarUrl,
    /// The calendar's path, ending in `/`, as requests write it.
    path: String,
    authorization: Option<String>,
}

/// A calendar's events as the server listed them, and the answers left alone.
#[derive(Debug, Default)]
pub struct Listing {
    /// The events inside the calendar, each at the path its href resolved to.
    pub events: Vec<Remote>,
    /// Why each answer naming a place outside the calendar was left alone, one sentence each.
    pub refused: Vec<String>,
}

impl Client {
    /// A client for the calendar at `url`. Plain http only to this machine unless `insecure`;
    /// a URL with a password in it is refused (it would be shown and kept wherever the URL is).
    pub fn new(
        url: &str,
        credentials: Option<Credentials>,
        insecure: bool,
    ) -> Result<Self, SyncError> {
        let calendar = CalendarUrl::parse(url).map_err(|problem| SyncError::BadUrl {
            why: problem.to_string(),
        })?;
        let local = matches!(calendar.host(), "localhost" | "127.0.0.1" | "[::1]");
        if calendar.scheme() == "http" && !local && !insecure {
            return Err(SyncError::Insecure {
                url: calendar.to_string(),
            });
        }
        let tls = ureq::tls::TlsConfig::builder()
            .root_certs(ureq::tls::RootCerts::PlatformVerifier)
            .build();
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .http_status_as_error(false)
            .allow_non_standard_methods(true)
            .max_redirects(0)
            .tls_config(tls)
            .build()
            .new_agent();
        let authorization = credentials.map(|credentials| {
            let pair = format!("{}:{}", credentials.user, credentials.password);
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(pair)
            )
        });
        Ok(Client {
            agent,
            path: calendar.path(),
            calendar,
            authorization,
        })
    }

    /// The calendar's path on the server (`/user/calendar/`).
    pub fn calendar_path(&self) -> &str {
        &self.path
    }

    /// The path of the event resource `name` in the calendar.
    pub fn member(&self, name: &str) -> String {
        self.calendar.member(name)
    }

    fn url_of(&self, href: &str) -> String {
        format!("{}{href}", self.calendar.origin())
    }

    /// Refuses a write to anywhere but an event resource directly inside the calendar.
    fn inside(&self, href: &str) -> Result<(), SyncError> {
        match self.calendar.resolve(href) {
            Ok(resolved) if resolved == href => Ok(()),
            _ => Err(SyncError::Outside {
                href: href.to_owned(),
                calendar: self.calendar.to_string(),
            }),
        }
    }

    /// Sends a request; the status and body of the answer.
    fn send(
        &self,
        method: &str,
        href: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Result<(u16, String, String), SyncError> {
        let url = self.url_of(href);
        let method = Method::from_bytes(method.as_bytes()).expect("a method name");
        let mut request = Request::builder().method(method).uri(&url);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(authorization) = &self.authorization {
            request = request.header("Authorization", authorization);
        }
        let request = request
            .body(body.to_owned())
            .map_err(|_| SyncError::BadUrl {
                why: format!("\"{url}\" is not a URL a request can be sent to"),
            })?;
        let mut response = self
            .agent
            .run(request)
            .map_err(|error| network_error(&url, error))?;
        let status = response.status();
        let text = response
            .body_mut()
            .with_config()
            .limit(MAX_ANSWER_BYTES)
            .read_to_string()
            .map_err(|error| match error {
                ureq::Error::BodyExceedsLimit(_) => SyncError::Malformed {
                    url: url.clone(),
                    why: format!("it is larger than {MAX_ANSWER_BYTES} bytes"),
                },
                other => network_error(&url, other),
            })?;
        Ok((
            status.as_u16(),
            status.canonical_reason().unwrap_or("").to_owned(),
            text,
        ))
    }

    /// Every event of the calendar, with its ETag and text; an answer whose href is not an
    /// event inside the calendar is left out and said in [`Listing::refused`].
    pub fn list(&self) -> Result<Listing, SyncError> {
        let url = self.url_of(&self.path);
        let (status, reason, body) = self.send(
            "REPORT",
            &self.path.clone(),
            &[
                ("Depth", "1"),
                ("Content-Type", "application/xml; charset=utf-8"),
            ],
            super::xml::CALENDAR_QUERY,
        )?;
        if status != 207 {
            return Err(refusal(&url, status, reason));
        }
        let answered = super::xml::multistatus(&body).map_err(|fault| SyncError::Malformed {
            url,
            why: fault.to_string(),
        })?;
        let mut listing = Listing::default();
        for mut remote in answered {
            match self.calendar.resolve(&remote.href) {
                Ok(path) => {
                    remote.href = path;
                    listing.events.push(remote);
                }
                Err(why) => listing.refused.push(format!(
                    "{why}; that answer was left alone{}",
                    remote
                        .uid
                        .as_deref()
                        .map(|uid| format!(" (event {})", crate::text::in_one_line(uid)))
                        .unwrap_or_default()
                )),
            }
        }
        Ok(listing)
    }

    /// The calendar's busy time from `start` to `end` as the server sums it up (a CalDAV
    /// `free-busy-query`): the iCalendar text of its `VFREEBUSY`, or `None` when the server
    /// does not answer that question (a refusal other than a sign-in, a missing calendar or a
    /// full disk: it is then asked for the events instead).
    pub fn free_busy(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> Result<Option<String>, SyncError> {
        let url = self.url_of(&self.path);
        let moment = |at: DateTime<Utc>| at.format("%Y%m%dT%H%M%SZ").to_string();
        let query = super::xml::free_busy_query(&moment(start), &moment(end));
        let (status, reason, body) = self.send(
            "REPORT",
            &self.path.clone(),
            &[
                ("Depth", "1"),
                ("Content-Type", "application/xml; charset=utf-8"),
            ],
            &query,
        )?;
        match status {
            200 => {}
            401 | 404 | 507 => return Err(refusal(&url, status, reason)),
            _ => return Ok(None),
        }
        let calendar = body.trim_start_matches('\u{feff}').trim_start();
        let opening = calendar.get(..15).unwrap_or(calendar);
        if !opening.eq_ignore_ascii_case("BEGIN:VCALENDAR") {
            return Err(SyncError::Malformed {
                url,
                why: "a free-busy answer that is no iCalendar text".into(),
            });
        }
        Ok(Some(body))
    }

    /// Puts `text` at `href`: a new resource (`etag` `None`: only if none is there), or a new
    /// version of the one with that ETag.
    pub fn put(&self, href: &str, text: &str, etag: Option<&str>) -> Result<(), SyncError> {
        self.inside(href)?;
        let condition = match etag {
            Some(etag) => ("If-Match", etag),
            None => ("If-None-Match", "*"),
        };
        let headers = [("Content-Type", "text/calendar; charset=utf-8"), condition];
        let (status, reason, _) = self.send("PUT", href, &headers, text)?;
        match status {
            200..=299 => Ok(()),
            412 => Err(SyncError::Changed {
                href: href.to_owned(),
            }),
            other => Err(refusal(&self.url_of(href), other, reason)),
        }
    }

    /// Deletes the resource at `href` if it is still the version `etag` (gone already is done).
    pub fn delete(&self, href: &str, etag: &str) -> Result<(), SyncError> {
        self.inside(href)?;
        let (status, reason, _) = self.send("DELETE", href, &[("If-Match", etag)], "")?;
        match status {
            200..=299 | 404 => Ok(()),
            412 => Err(SyncError::Changed {
                href: href.to_owned(),
            }),
            other => Err(refusal(&self.url_of(href), other, reason)),
        }
    }
}

/// The error an HTTP status is.
fn refusal(url: &str, status: u16, reason: String) -> SyncError {
    let url = url.to_owned();
    match status {
        401 => SyncError::Unauthorized { url },
        403 => SyncError::Forbidden { url },
        404 => SyncError::NoCalendar { url },
        507 => SyncError::Full { url },
        status => SyncError::Status {
            url,
            status,
            reason,
        },
    }
}

/// What the network (or TLS) said, for people.
fn network_error(url: &str, error: ureq::Error) -> SyncError {
    let url = url.to_owned();
    match error {
        ureq::Error::Timeout(_) => SyncError::Timeout { url },
        ureq::Error::HostNotFound => SyncError::Unreachable {
            url,
            why: "no such host".into(),
        },
        ureq::Error::Tls(why) => SyncError::Unreachable {
            url,
            why: format!("TLS: {why}"),
        },
        ureq::Error::Io(error) => SyncError::Unreachable {
            url,
            why: error.to_string(),
        },
        other => SyncError::Unreachable {
            url,
            why: other.to_string(),
        },
    }
}
