//! The WebDAV XML of CalDAV: the calendar-query and free-busy-query asked, and the multistatus answered (read as all XML
//! from outside is, by [`crate::xml`]: no DTD, no external entity, nesting bounded).

use roxmltree::Node;

use super::Remote;

const DAV: &str = "DAV:";
const CALDAV: &str = "urn:ietf:params:xml:ns:caldav";

/// Every VEVENT resource of a calendar, with its ETag and data (RFC 4791, 7.8).
pub const CALENDAR_QUERY: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:prop><d:getetag/><c:calendar-data/></d:prop>
  <c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT"/></c:comp-filter></c:filter>
</c:calendar-query>
"#;

/// The free-busy time of a calendar between two UTC moments (RFC 4791, 7.10), written
/// `YYYYMMDDTHHMMSSZ`.
pub fn free_busy_query(start: &str, end: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<c:free-busy-query xmlns:c="urn:ietf:params:xml:ns:caldav">
  <c:time-range start="{start}" end="{end}"/>
</c:free-busy-query>
"#
    )
}

/// Why an answer to a listing is not what CalDAV answers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerFault {
    /// Not XML that may be read.
    #[error(transparent)]
    Xml(#[from] crate::xml::XmlError),
    /// XML, but not a WebDAV multistatus.
    #[error("a <{0}> where a WebDAV multistatus was expected")]
    NotMultistatus(String),
}

/// The resources of a multistatus answer that have both an ETag and calendar data.
pub fn multistatus(text: &str) -> Result<Vec<Remote>, AnswerFault> {
    let document = crate::xml::parse(text, 10_000_000)?;
    let root = document.root_element();
    if !root.has_tag_name((DAV, "multistatus")) {
        return Err(AnswerFault::NotMultistatus(
            root.tag_name().name().to_owned(),
        ));
    }
    let mut found = Vec::new();
    for response in root
        .children()
        .filter(|node| node.has_tag_name((DAV, "response")))
    {
        let Some(href) = text_in(response, (DAV, "href")) else {
            continue;
        };
        let ok = |propstat: &Node| {
            text_in(*propstat, (DAV, "status")).is_none_or(|status| status.contains(" 200 "))
        };
        let props = response
            .descendants()
            .filter(|node| node.has_tag_name((DAV, "propstat")))
            .filter(ok);
        let (mut etag, mut data) = (None, None);
        for propstat in props {
            etag = etag.or_else(|| text_in(propstat, (DAV, "getetag")));
            data = data.or_else(|| text_in(propstat, (CALDAV, "calendar-data")));
        }
        let (Some(etag), Some(data)) = (etag, data) else {
            continue;
        };
        found.push(Remote {
            href: href.trim().to_owned(),
            etag: etag.trim().to_owned(),
            uid: uid_of(&data),
            data,
        });
    }
    Ok(found)
}

/// The text of the first descendant `name` of `node`.
fn text_in(node: Node, name: (&str, &str)) -> Option<String> {
    let found = node.descendants().find(|child| child.has_tag_name(name))?;
    Some(
        found
            .descendants()
            .filter(|node| node.is_text())
            .filter_map(|text| text.text())
            .collect(),
    )
}

/// The first UID of a calendar text (unfolded).
fn uid_of(data: &str) -> Option<String> {
    let unfolded = data.replace("\r\n ", "").replace("\n ", "");
    unfolded
        .lines()
        .find_map(|line| line.strip_prefix("UID:"))
        .map(|uid| uid.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_multistatus_gives_hrefs_etags_uids_and_data() {
        let answer = r#"<?xml version="1.0"?>
<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <response><href>/u/cal/a.ics</href><propstat><prop><getetag>"e1"</getetag>
    <C:calendar-data>BEGIN:VCALENDAR&#13;
BEGIN:VEVENT&#13;
UID:A1-20230913-plan@crono&#13;
 grama&#13;
END:VEVENT&#13;
END:VCALENDAR&#13;
</C:calendar-data></prop><status>HTTP/1.1 200 OK</status></propstat></response>
  <response><href>/u/cal/</href><propstat><prop><getetag/></prop><status>HTTP/1.1 404 Not Found</status></propstat></response>
</multistatus>"#;
        let found = multistatus(answer).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].href, "/u/cal/a.ics");
        assert_eq!(found[0].etag, "\"e1\"");
        assert_eq!(found[0].uid.as_deref(), Some("A1-20230913-plan@cronograma"));
        assert!(
            multistatus("<html/>")
                .unwrap_err()
                .to_string()
                .contains("multistatus")
        );
        assert!(multistatus("<!DOCTYPE x [<!ENTITY a \"b\">]><x/>").is_err());
    }
}
