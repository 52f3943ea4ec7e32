//! Calendar files as real producers write them: a size limit, a byte-order mark dropped,
//! lines folded inside a UTF-8 character mended, Latin-1 (Windows-1252) when the text is not
//! UTF-8; and the components of one kind read from them. Holidays and busy time both read
//! their files here.

use crate::import::ReadError;
use crate::import::ical;

/// An .ics file (as its bytes) is refused past this size: calendars are small.
pub const MAX_ICS_BYTES: u64 = 10 * 1024 * 1024;

/// The bytes of the calendar file at `path`: a regular file (a FIFO or a device is refused at
/// once) of at most [`MAX_ICS_BYTES`].
pub fn read_ics(path: &std::path::Path) -> Result<Vec<u8>, ReadError> {
    let bytes = crate::plan::read_regular(path, MAX_ICS_BYTES)
        .map_err(|error| ReadError::Unreadable(error.to_string()))?;
    if bytes.len() as u64 > MAX_ICS_BYTES {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

/// The text of an .ics file: UTF-8 (a byte-order mark dropped), or else Latin-1 as Windows
/// writes it. The flag says whether the fallback was taken.
pub fn decode(bytes: &[u8]) -> (String, bool) {
    let bytes = bytes.strip_prefix(crate::plan::BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), false),
        Err(_) => (bytes.iter().map(|&byte| windows_1252(byte)).collect(), true),
    }
}

/// The text of an .ics file, as [`decode`] reads it, but with the lines unfolded as bytes
/// first: RFC 5545 folds lines at 75 octets, which may fall inside a UTF-8 character, so a
/// UTF-8 calendar folded mid-character is UTF-8 (`Día de la Soberanía`), not Latin-1 mojibake.
/// Latin-1 is the fallback only when the unfolded bytes are not UTF-8 either.
pub fn decode_ics(bytes: &[u8]) -> (String, bool) {
    let bytes = bytes.strip_prefix(crate::plan::BOM).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), false);
    }
    match String::from_utf8(mend_folds(bytes)) {
        Ok(text) => (text, false),
        Err(_) => decode(bytes),
    }
}

/// `bytes` with each character a fold split made whole before the fold (`…\xC3` CRLF SPACE
/// `\xAD…` becomes `…\xC3\xAD` CRLF SPACE `…`): the lines stay where they are, so line numbers
/// do not move, and unfolding the text gives what unfolding the bytes would.
pub(super) fn mend_folds(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let Some(fold) = fold_length(&bytes[at..]) else {
            out.push(bytes[at]);
            at += 1;
            continue;
        };
        let after = at + fold;
        let moved = bytes[after..]
            .iter()
            .take(missing_continuations(&out))
            .take_while(|byte| (0x80..0xc0).contains(*byte))
            .count();
        out.extend_from_slice(&bytes[after..after + moved]);
        out.extend_from_slice(&bytes[at..after]);
        at = after + moved;
    }
    out
}

/// The length of the fold `bytes` starts with (a line end, then a space or a tab), if any.
pub(super) fn fold_length(bytes: &[u8]) -> Option<usize> {
    let end = match bytes {
        [b'\r', b'\n', ..] => 2,
        [b'\r' | b'\n', ..] => 1,
        _ => return None,
    };
    matches!(bytes.get(end), Some(b' ' | b'\t')).then_some(end + 1)
}

/// How many continuation bytes the UTF-8 character `bytes` ends in still lacks.
pub(super) fn missing_continuations(bytes: &[u8]) -> usize {
    let continuations = bytes
        .iter()
        .rev()
        .take(3)
        .take_while(|byte| (0x80..0xc0).contains(*byte))
        .count();
    let Some(&lead) = bytes
        .len()
        .checked_sub(continuations + 1)
        .map(|at| &bytes[at])
    else {
        return 0;
    };
    let length = match lead {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return 0,
    };
    (length - 1usize).saturating_sub(continuations)
}

/// A Windows-1252 byte as a character: Latin-1, except the printable characters Windows puts
/// where Latin-1 has C1 controls.
pub(super) fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The components of one `kind` (`VEVENT`, `VFREEBUSY`) of the iCalendar file `bytes`, and
/// whether it was read as Latin-1; or what is wrong with it.
pub(super) fn read_calendar(bytes: &[u8], kind: &str) -> Result<(ical::Read, bool), ReadError> {
    let (text, latin1) = decode_ics(bytes);
    Ok((ical::components(&text, kind)?, latin1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_inside_a_character_are_mended_before_decoding() {
        let folded = "SUMMARY:D\u{ed}a de la Soberan\u{ed}a".as_bytes();
        // Fold after every byte of the text, with each kind of line end and white space.
        for at in 1..folded.len() {
            for fold in [&b"\r\n "[..], b"\n ", b"\r\t", b"\r\n\t"] {
                let bytes = [&folded[..at], fold, &folded[at..], b"\r\n"].concat();
                let (text, latin1) = decode_ics(&bytes);
                assert!(!latin1, "{at} {fold:?}");
                let unfolded = text.replace(std::str::from_utf8(fold).unwrap(), "");
                assert_eq!(
                    unfolded, "SUMMARY:D\u{ed}a de la Soberan\u{ed}a\r\n",
                    "{at}"
                );
                assert_eq!(
                    text.matches('\n').count(),
                    bytes.iter().filter(|b| **b == b'\n').count()
                );
            }
        }
        // Latin-1, folded or not, is still Latin-1.
        let (text, latin1) = decode_ics(b"SUMMARY:D\xeda de la\r\n  Soberan\xeda\r\n");
        assert!(latin1);
        assert!(text.contains("D\u{ed}a de la"));
    }
}
