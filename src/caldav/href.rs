//! Where a calendar is, and where a server's answer may send a write.
//!
//! A server names each event by an href in its PROPFIND and REPORT answers, and a sync sends
//! its PUTs and DELETEs there. A server that is broken, or not the user's friend, could name
//! the calendar itself (a DELETE of it erases the user's whole calendar), its parent, another
//! calendar, another host, or hide any of these behind `..` or percent-encoding. So every href
//! is resolved against the calendar's URL here, compared segment by segment after decoding,
//! and taken only when it names one resource directly inside the calendar; requests then go to
//! the path written anew from those decoded segments, never to the server's text.

use std::fmt;

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};
use ureq::http::Uri;

/// What a path segment keeps as it is when written into a URL: RFC 3986's `pchar` less `%`
/// (which always starts an escape); the rest is percent-encoded.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A calendar's URL, taken apart: its origin and the decoded segments of its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarUrl {
    scheme: String,
    /// The host, in lower case (`[::1]` with its brackets).
    host: String,
    port: u16,
    /// The path's segments, decoded (`ana@x.org` for `ana%40x.org`).
    segments: Vec<String>,
}

/// Why a URL cannot name a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlProblem {
    /// Not an `http://` or `https://` URL with a host, or a path that cannot be a calendar's.
    Bad(String),
    /// A user name or password written into the URL (shown with the password hidden).
    Credentials {
        /// The URL with whatever stood before `@` replaced by `USER:***`.
        redacted: String,
    },
}

impl fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlProblem::Bad(why) => f.write_str(why),
            UrlProblem::Credentials { redacted } => write!(
                f,
                "{redacted} has a user name or password in it, which would be shown and kept \
                 wherever the URL is; give the user with --user (or user: in the config file) and \
                 the password in CRONOGRAMA_CALDAV_PASSWORD or the config file's password_file"
            ),
        }
    }
}

/// `url` with whatever stands between `://` and `@` (user and password) hidden, for saying
/// what was refused without showing the secret.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => {
            let user = rest[..at].split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***{}", &rest[at..])
        }
        None => url.to_owned(),
    }
}

impl CalendarUrl {
    /// The calendar at `url`: `http` or `https`, a host, no user or password, no query or
    /// fragment, and a path of plain segments (no `.`, `..` or empty ones once decoded).
    pub fn parse(url: &str) -> Result<Self, UrlProblem> {
        let bad = |why: &str| UrlProblem::Bad(format!("\"{url}\" is not a calendar URL: {why}"));
        if redacted(url) != url {
            return Err(UrlProblem::Credentials {
                redacted: redacted(url),
            });
        }
        if url.contains('#') {
            return Err(bad("it has a fragment (#…)"));
        }
        let uri: Uri = url
            .parse()
            .map_err(|_| bad("write it as https://HOST/PATH/"))?;
        let scheme = uri.scheme_str().unwrap_or("").to_ascii_lowercase();
        if !matches!(scheme.as_str(), "http" | "https") {
            return Err(bad("it must start with https:// (or http://)"));
        }
        let host = uri.host().filter(|host| !host.is_empty());
        let host = host
            .ok_or_else(|| bad("it has no host"))?
            .to_ascii_lowercase();
        if uri.query().is_some() {
            return Err(bad("it has a query (?…)"));
        }
        let port = uri.port_u16().unwrap_or(default_port(&scheme));
        let segments = segments_of(uri.path()).map_err(|why| bad(&why.to_string()))?;
        Ok(CalendarUrl {
            scheme,
            host,
            port,
            segments,
        })
    }

    /// `https://host:port` (the port only when it is not the scheme's own).
    pub fn origin(&self) -> String {
        if self.port == default_port(&self.scheme) {
            format!("{}://{}", self.scheme, self.host)
        } else {
            format!("{}://{}:{}", self.scheme, self.host, self.port)
        }
    }

    /// The scheme: `http` or `https`.
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// The host, without the port.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The calendar's path, percent-encoded and ending in `/`.
    pub fn path(&self) -> String {
        let mut path = String::from("/");
        for segment in &self.segments {
            path.push_str(&encode(segment));
            path.push('/');
        }
        path
    }

    /// The calendar's own name: the last segment of its path (`university` of
    /// `…/ana/university/`), or the host for a calendar at the server's root.
    pub fn name(&self) -> &str {
        self.segments.last().map_or(&self.host, String::as_str)
    }

    /// The path of the resource `name` directly inside the calendar.
    pub fn member(&self, name: &str) -> String {
        format!("{}{}", self.path(), encode(name))
    }

    /// Where the server's `href` points, as the path a request may be sent to: only a
    /// resource directly inside this calendar, never the calendar itself, its parent, another
    /// collection, host or port; `..`, `.`, empty segments and encoded slashes are refused, not
    /// resolved. The error says why, for a warning.
    pub fn resolve(&self, href: &str) -> Result<String, HrefRefused> {
        let refuse = |why: HrefFault| {
            Err(HrefRefused {
                href: href.to_owned(),
                why,
            })
        };
        if href.is_empty() || href.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return refuse(HrefFault::NotAPath);
        }
        if href.contains(['?', '#', '\\']) {
            return refuse(HrefFault::QueryOrFragment);
        }
        let path = if has_scheme(href) || href.starts_with("//") {
            let absolute = if href.starts_with("//") {
                format!("{}:{href}", self.scheme)
            } else {
                href.to_owned()
            };
            let Ok(uri) = absolute.parse::<Uri>() else {
                return refuse(HrefFault::NotAUrl);
            };
            let scheme = uri.scheme_str().unwrap_or("").to_ascii_lowercase();
            let host = uri.host().unwrap_or("").to_ascii_lowercase();
            let port = uri.port_u16().unwrap_or(default_port(&scheme));
            let authority = uri.authority().map_or("", |authority| authority.as_str());
            if scheme != self.scheme || host != self.host || port != self.port {
                return refuse(HrefFault::OtherServer);
            }
            if authority.contains('@') {
                return refuse(HrefFault::UserName);
            }
            uri.path().to_owned()
        } else if href.starts_with('/') {
            href.to_owned()
        } else {
            format!("{}{href}", self.path())
        };
        let segments = match segments_of(&path) {
            Ok(segments) => segments,
            Err(why) => return refuse(why),
        };
        let inside = segments.len() == self.segments.len() + 1
            && segments.starts_with(&self.segments)
            && !path.ends_with('/');
        if !inside {
            return refuse(HrefFault::NotInside);
        }
        Ok(self.member(&segments[self.segments.len()]))
    }
}

/// A name the server gave that no request is sent to, and why: said in a warning, and that
/// answer left alone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the server named \"{href}\", {why}")]
pub struct HrefRefused {
    /// What the server named.
    pub href: String,
    /// Why it is not followed.
    pub why: HrefFault,
}

/// Why a name the server gave is not followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HrefFault {
    /// Empty, or with spaces or control characters.
    #[error("which is not a path")]
    NotAPath,
    /// A query, a fragment or a backslash.
    #[error("which has a query, a fragment or a backslash")]
    QueryOrFragment,
    /// An absolute URL that does not parse.
    #[error("which is not a URL")]
    NotAUrl,
    /// Another scheme, host or port.
    #[error("on another server than the calendar's")]
    OtherServer,
    /// A user name in the URL.
    #[error("with a user name in it")]
    UserName,
    /// The calendar itself, its parent, or a collection beside it.
    #[error("which is not an event inside the calendar")]
    NotInside,
    /// A path that is not absolute.
    #[error("its path does not start with /")]
    NotAbsolute,
    /// Escapes that decode to what is not UTF-8.
    #[error("its path is not UTF-8 once decoded")]
    NotUtf8,
    /// `//`, `.` or `..`.
    #[error("its path has an empty, `.` or `..` segment")]
    DotSegment,
    /// An escaped slash, backslash or control character.
    #[error("its path hides a slash, a backslash or a control character in an escape")]
    HiddenSlash,
}

impl fmt::Display for CalendarUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.origin(), self.path())
    }
}

/// True when `href` starts with a scheme (`https:`, `javascript:`): an absolute URL, never a
/// name relative to the calendar (RFC 3986, 4.2: a relative path's first segment has no `:`).
fn has_scheme(href: &str) -> bool {
    href.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

fn default_port(scheme: &str) -> u16 {
    if scheme == "http" { 80 } else { 443 }
}

fn encode(segment: &str) -> String {
    utf8_percent_encode(segment, SEGMENT).to_string()
}

/// The decoded segments of an absolute path (a final `/` ends the last one). A segment that
/// is empty (`//`), `.` or `..`, or that decodes to a slash, a backslash, a control character
/// or what is not UTF-8 is refused: a server has no business naming one.
fn segments_of(path: &str) -> Result<Vec<String>, HrefFault> {
    let Some(inner) = path.strip_prefix('/') else {
        return Err(HrefFault::NotAbsolute);
    };
    let inner = inner.strip_suffix('/').unwrap_or(inner);
    if inner.is_empty() {
        return Ok(Vec::new());
    }
    inner
        .split('/')
        .map(|raw| {
            let decoded = percent_decode_str(raw)
                .decode_utf8()
                .map_err(|_| HrefFault::NotUtf8)?;
            if raw.is_empty() || decoded == "." || decoded == ".." {
                return Err(HrefFault::DotSegment);
            }
            if decoded.contains(['/', '\\']) || decoded.chars().any(char::is_control) {
                return Err(HrefFault::HiddenSlash);
            }
            Ok(decoded.into_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calendar() -> CalendarUrl {
        CalendarUrl::parse("https://Cloud.example.org/remote.php/dav/calendars/ana%40x.org/tesis/")
            .unwrap()
    }

    #[test]
    fn a_calendar_url_is_taken_apart_and_written_anew() {
        let url = calendar();
        assert_eq!(url.origin(), "https://cloud.example.org");
        assert_eq!(url.path(), "/remote.php/dav/calendars/ana@x.org/tesis/");
        assert_eq!(
            url.member("a b.ics"),
            "/remote.php/dav/calendars/ana@x.org/tesis/a%20b.ics"
        );
        let local = CalendarUrl::parse("http://127.0.0.1:5232/ana/cal").unwrap();
        assert_eq!(local.to_string(), "http://127.0.0.1:5232/ana/cal/");
        let default_port = CalendarUrl::parse("https://h.org:443/c/").unwrap();
        assert_eq!(default_port.origin(), "https://h.org");
    }

    #[test]
    fn urls_that_cannot_name_a_calendar_are_refused() {
        for url in [
            "cloud.example.org/cal/",
            "ftp://h/cal/",
            "https:///cal/",
            "https://h/cal/?x=1",
            "https://h/cal/#x",
            "https://h/a/../cal/",
            "https://h/a/%2e%2E/cal/",
            "https://h/a//cal/",
            "https://h/a%2Fb/",
        ] {
            assert!(
                matches!(CalendarUrl::parse(url), Err(UrlProblem::Bad(_))),
                "{url}"
            );
        }
    }

    #[test]
    fn a_password_in_the_url_is_refused_and_never_shown() {
        for url in [
            "https://ana:s3cret@h.org/cal/",
            "https://ana@h.org/cal/",
            "http://ana:s3cret@127.0.0.1:5232/a/",
        ] {
            let error = CalendarUrl::parse(url).unwrap_err();
            let said = error.to_string();
            assert!(matches!(error, UrlProblem::Credentials { .. }), "{url}");
            assert!(!said.contains("s3cret"), "{said}");
            assert!(said.contains("ana:***@"), "{said}");
            assert!(said.contains("CRONOGRAMA_CALDAV_PASSWORD"), "{said}");
        }
        assert_eq!(redacted("https://h.org/a@b/"), "https://h.org/a@b/");
    }

    #[test]
    fn hrefs_inside_the_calendar_resolve_to_its_members() {
        let url = calendar();
        let member = "/remote.php/dav/calendars/ana@x.org/tesis/A1.ics";
        for href in [
            "/remote.php/dav/calendars/ana%40x.org/tesis/A1.ics",
            "/remote.php/dav/calendars/ana@x.org/tesis/A1.ics",
            "/remote.php/dav/calendars/ana%40x.org/tesis/%41%31.ics",
            "https://cloud.example.org/remote.php/dav/calendars/ana%40x.org/tesis/A1.ics",
            "https://CLOUD.example.org:443/remote.php/dav/calendars/ana%40x.org/tesis/A1.ics",
            "//cloud.example.org/remote.php/dav/calendars/ana%40x.org/tesis/A1.ics",
            "A1.ics",
        ] {
            assert_eq!(url.resolve(href).as_deref(), Ok(member), "{href}");
        }
        assert_eq!(
            url.resolve("x%20y.ics").as_deref(),
            Ok("/remote.php/dav/calendars/ana@x.org/tesis/x%20y.ics")
        );
    }

    #[test]
    fn hrefs_outside_the_calendar_are_refused() {
        let url = calendar();
        let base = "/remote.php/dav/calendars/ana%40x.org";
        for href in [
            format!("{base}/tesis/"),
            format!("{base}/tesis"),
            format!("{base}/"),
            format!("{base}/personal/A1.ics"),
            format!("{base}/tesis/sub/A1.ics"),
            format!("{base}/tesis/../personal/A1.ics"),
            format!("{base}/tesis/%2e%2e/personal/A1.ics"),
            format!("{base}/tesis/.%2E"),
            format!("{base}/tesis/%2E"),
            format!("{base}/tesis/a%2Fb.ics"),
            format!("{base}/tesis/a%5Cb.ics"),
            format!("{base}/tesis/a%00b.ics"),
            format!("{base}/tesis/%FF.ics"),
            format!("{base}/tesis//A1.ics"),
            format!("{base}/tesis/A1.ics?x"),
            format!("{base}/tesis/A1.ics#x"),
            format!("{base}/tesis/A 1.ics"),
            format!("https://evil.example.org{base}/tesis/A1.ics"),
            format!("https://cloud.example.org:8443{base}/tesis/A1.ics"),
            format!("http://cloud.example.org{base}/tesis/A1.ics"),
            format!("https://ana@cloud.example.org{base}/tesis/A1.ics"),
            format!("//evil.example.org{base}/tesis/A1.ics"),
            "../personal/A1.ics".to_owned(),
            "./A1.ics".to_owned(),
            ".".to_owned(),
            "".to_owned(),
            "/".to_owned(),
            "sub/A1.ics".to_owned(),
            "javascript:alert(1)".to_owned(),
        ] {
            let refused = url.resolve(&href);
            assert!(refused.is_err(), "{href} resolved to {refused:?}");
        }
    }
}
