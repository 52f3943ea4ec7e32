//! A reader for plain RON: the part of the language that plan files are written in (structs
//! with fields, lists, strings, numbers, `true`/`false`, bare enum names, `None`/`Some(…)` and
//! line comments), several times faster than `ron`'s own parser.
//!
//! Why it exists: reading is most of what a command does, and `ron` spends about 200
//! instructions a byte on a plan (an identifier costs ~700, a number read through
//! `deserialize_any` ~2,400), so `export` of a 1,000-activity plan was mostly parsing.
//!
//! Why it is safe: it never decides anything `ron` would decide differently. It reads with the
//! same serde `Deserialize` impls, and at anything it does not read exactly as `ron` does
//! (a block comment, a raw string, an escape other than `\" \\ \n \r \t \u{…}`, a number
//! with a sign, exponent or suffix, Unicode white space, `#![enable(…)]`…) or at any error at
//! all, it gives up and the caller reads the text with `ron` from the start; every error
//! message comes from there. The tests check that whatever it accepts, `ron` reads to the same
//! plan.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Visitor};

/// Reads `text` as a `T`, or `None` when the text is not plain RON (or not a valid `T`):
/// then `ron` must read it.
pub fn read<'de, T: Deserialize<'de>>(text: &'de str) -> Option<T> {
    let mut reader = Reader { text, at: 0 };
    let value = T::deserialize(&mut reader).ok()?;
    reader.skip_space().ok()?;
    (reader.at == text.len()).then_some(value)
}

/// Why the reader gave up; never shown to anyone (the text is read again with `ron`).
#[derive(Debug)]
pub struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not plain RON")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        GiveUp
    }
}

type Result<T> = std::result::Result<T, GiveUp>;

/// The bytes an identifier is made of: ASCII letters, digits and `_`.
const IN_IDENTIFIER: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_alphanumeric() || byte == b'_' as usize;
        byte += 1;
    }
    table
};

/// The text and how far it has been read.
struct Reader<'de> {
    text: &'de str,
    at: usize,
}

impl<'de> Reader<'de> {
    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    /// Skips ASCII white space and `//` comments. (`ron` also skips vertical tabs, form feeds
    /// and some Unicode spaces; those stay, and whatever reads next gives up at them.)
    fn skip_space(&mut self) -> Result<()> {
        let bytes = self.bytes();
        loop {
            match bytes.get(self.at) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.at += 1,
                Some(b'/') if bytes.get(self.at + 1) == Some(&b'/') => {
                    // A comment that runs to the end of the file is left to ron.
                    let line_end = bytes[self.at..].iter().position(|&b| b == b'\n');
                    self.at += line_end.ok_or(GiveUp)? + 1;
                }
                _ => return Ok(()),
            }
        }
    }

    /// The next byte after white space, not consumed.
    fn peek(&mut self) -> Result<Option<u8>> {
        self.skip_space()?;
        Ok(self.bytes().get(self.at).copied())
    }

    /// Consumes `byte` if it comes next (after white space).
    fn eat(&mut self, byte: u8) -> Result<bool> {
        let found = self.peek()? == Some(byte);
        self.at += usize::from(found);
        Ok(found)
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.eat(byte)? { Ok(()) } else { Err(GiveUp) }
    }

    /// The identifier that comes next, without consuming it: ASCII letters, digits and `_`,
    /// not starting with a digit. One followed by other characters (`r#raw`, `días`) is not
    /// plain.
    fn peek_identifier(&mut self) -> Result<Option<&'de str>> {
        self.skip_space()?;
        let rest = &self.bytes()[self.at..];
        // Scanned against a table: field names are most of a plan's identifiers, a few each
        // line, and a test per byte of what may be in one cost more than the rest of reading
        // them.
        let length = rest
            .iter()
            .position(|byte| !IN_IDENTIFIER[usize::from(*byte)])
            .unwrap_or(rest.len());
        if length == 0 || rest[0].is_ascii_digit() {
            return Ok(None);
        }
        if matches!(rest.get(length), Some(b'#' | b'"' | 0x80..)) {
            return Err(GiveUp);
        }
        Ok(Some(&self.text[self.at..self.at + length]))
    }

    fn identifier(&mut self) -> Result<&'de str> {
        let identifier = self.peek_identifier()?.ok_or(GiveUp)?;
        self.at += identifier.len();
        Ok(identifier)
    }

    /// A `"…"` string: borrowed from the text when it has no escapes.
    fn string(&mut self) -> Result<Cow<'de, str>> {
        self.expect(b'"')?;
        let bytes = self.bytes();
        let start = self.at;
        let end = start
            + bytes[start..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\')
                .ok_or(GiveUp)?;
        if bytes[end] == b'"' {
            self.at = end + 1;
            return Ok(Cow::Borrowed(&self.text[start..end]));
        }
        let mut owned = String::from(&self.text[start..end]);
        self.at = end;
        loop {
            let rest = &bytes[self.at..];
            let run = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\')
                .ok_or(GiveUp)?;
            owned.push_str(&self.text[self.at..self.at + run]);
            self.at += run + 1;
            if rest[run] == b'"' {
                return Ok(Cow::Owned(owned));
            }
            owned.push(self.escape()?);
        }
    }

    /// The character an escape stands for, read after its `\`.
    fn escape(&mut self) -> Result<char> {
        let bytes = self.bytes();
        let letter = *bytes.get(self.at).ok_or(GiveUp)?;
        self.at += 1;
        Ok(match letter {
            b'"' => '"',
            b'\\' => '\\',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' if bytes.get(self.at) == Some(&b'{') => {
                let digits = &bytes[self.at + 1..];
                let length = digits.iter().position(|&b| b == b'}').ok_or(GiveUp)?;
                let hex = &digits[..length];
                if !(1..=6).contains(&length) || !hex.iter().all(u8::is_ascii_hexdigit) {
                    return Err(GiveUp);
                }
                self.at += length + 2;
                let hex = std::str::from_utf8(hex).map_err(|_| GiveUp)?;
                let code = u32::from_str_radix(hex, 16).map_err(|_| GiveUp)?;
                char::from_u32(code).ok_or(GiveUp)?
            }
            _ => return Err(GiveUp),
        })
    }

    /// A number written plainly: digits, perhaps with a decimal part (`42`, `7.5`). Signs,
    /// exponents, `_`, prefixes such as `0x`, suffixes such as `f32` and leading zeros are
    /// left to ron.
    fn number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.skip_space()?;
        let bytes = self.bytes();
        let start = self.at;
        let digits = |from: usize| {
            bytes[from..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
        };
        let whole = digits(start);
        let mut end = start + whole;
        let decimal = bytes.get(end) == Some(&b'.');
        if decimal {
            let fraction = digits(end + 1);
            if fraction == 0 {
                return Err(GiveUp);
            }
            end += 1 + fraction;
        }
        let leading_zero = whole > 1 && bytes[start] == b'0';
        let run_on = bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | 0x80..));
        if whole == 0 || leading_zero || run_on {
            return Err(GiveUp);
        }
        self.at = end;
        let text = &self.text[start..end];
        if decimal {
            visitor.visit_f64(text.parse().map_err(|_| GiveUp)?)
        } else {
            visitor.visit_u64(text.parse().map_err(|_| GiveUp)?)
        }
    }
}

/// Every kind of value the reader does not read gives up.
macro_rules! give_up {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
            Err(GiveUp)
        })*
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    /// Only numbers, strings and booleans: what fields read with `deserialize_any` hold
    /// ([`super::Hours`]).
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek()? {
            Some(b'0'..=b'9') => self.number(visitor),
            Some(b'"') => self.deserialize_str(visitor),
            Some(b't' | b'f') => self.deserialize_bool(visitor),
            _ => Err(GiveUp),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.identifier()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(GiveUp),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    /// `None`, `Some(value)`, or the value alone (ron's `implicit_some`, which plans use).
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek_identifier()? {
            Some("None") => {
                self.at += 4;
                visitor.visit_none()
            }
            Some("Some") => {
                self.at += 4;
                self.expect(b'(')?;
                let value = visitor.visit_some(&mut *self)?;
                self.eat(b',')?;
                self.expect(b')')?;
                Ok(value)
            }
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        let value = visitor.visit_seq(Items::new(self, b']'))?;
        self.expect(b']')?;
        Ok(value)
    }

    /// `Name(field: value, …)` or `(field: value, …)`; a different name is left to ron.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if let Some(written) = self.peek_identifier()? {
            if written != name {
                return Err(GiveUp);
            }
            self.at += written.len();
        }
        self.expect(b'(')?;
        let value = visitor.visit_map(Items::new(self, b')'))?;
        self.expect(b')')?;
        Ok(value)
    }

    /// Enums with unit variants only, written bare (`Mon`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(self)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }

    give_up! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_u8
        deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32 deserialize_f64
        deserialize_char deserialize_bytes deserialize_byte_buf deserialize_unit
        deserialize_map deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, _: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = GiveUp;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self)> {
        let variant = seed.deserialize(&mut *self)?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, _: S) -> Result<S::Value> {
        Err(GiveUp)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], _: V) -> Result<V::Value> {
        Err(GiveUp)
    }
}

/// The items of a list or the fields of a struct: separated by commas, perhaps with one after
/// the last, up to the closing bracket (which the caller consumes).
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
    first: bool,
}

impl<'a, 'de> Items<'a, 'de> {
    fn new(reader: &'a mut Reader<'de>, close: u8) -> Self {
        Items {
            reader,
            close,
            first: true,
        }
    }

    /// True when another item follows; consumes the comma before it.
    fn another(&mut self) -> Result<bool> {
        if !std::mem::replace(&mut self.first, false) && !self.reader.eat(b',')? {
            return if self.reader.peek()? == Some(self.close) {
                Ok(false)
            } else {
                Err(GiveUp)
            };
        }
        Ok(self.reader.peek()? != Some(self.close))
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = GiveUp;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        if !self.another()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = GiveUp;

    fn next_key_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        if !self.another()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value> {
        self.reader.expect(b':')?;
        seed.deserialize(&mut *self.reader)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;

    const PLAN: &str = "Plan(start: \"2024-03-04\", hours_per_day: 7.5, activities: [ACTIVITY])";

    fn with_activity(activity: &str) -> String {
        PLAN.replace("ACTIVITY", activity)
    }

    fn by_ron(text: &str) -> Option<Plan> {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .ok()
    }

    #[test]
    fn plain_text_is_read_as_ron_reads_it() {
        for activity in [
            "(code: \"A\", hours: 7)",
            "(code: \"A\", hours: 7,),",
            "Activity(code: \"A\", name: \"a \\\"b\\\" \\\\ \\n\\t\\r \\u{e9}\\u{1F600}\", hours: 0.25)",
            "(code: \"A\", hours: 7, not_before: \"2024-03-05\", remaining: Some(3,), done: true)",
            "(code: \"A\", hours: 7, remaining: None, who: \"Ana\") // a comment\n",
            "\r\n\t(code:\"A\",hours:10.50,after:[],)",
        ] {
            let text = with_activity(activity);
            let quick: Option<Plan> = read(&text);
            assert!(quick.is_some(), "{text}");
            assert_eq!(quick, by_ron(&text), "{text}");
        }
    }

    #[test]
    fn identifiers_are_made_of_ascii_letters_digits_and_underscores() {
        for byte in 0..=u8::MAX {
            let expected = byte.is_ascii_alphanumeric() || byte == b'_';
            assert_eq!(IN_IDENTIFIER[usize::from(byte)], expected, "{byte:#04x}");
        }
        let mut reader = Reader {
            text: "  remaining_2: 3",
            at: 0,
        };
        assert_eq!(reader.identifier().ok(), Some("remaining_2"));
        for not_one in ["2nd: 1", ": 1", ""] {
            let mut reader = Reader {
                text: not_one,
                at: 0,
            };
            assert!(matches!(reader.peek_identifier(), Ok(None)), "{not_one:?}");
        }
    }

    #[test]
    fn anything_else_is_left_to_ron() {
        for activity in [
            "/* block */ (code: \"A\", hours: 7)",
            "(code: r\"A\", hours: 7)",
            "(code: \"\\x41\", hours: 7)",
            "(code: \"A\\\n\", hours: 7)",
            "(code: \"A\", hours: 0x7)",
            "(code: \"A\", hours: +7)",
            "(code: \"A\", hours: 7e0)",
            "(code: \"A\", hours: 07)",
            "(code: \"A\", hours: 7.)",
            "(code: \"A\", hours: 7_0)",
            "(r#code: \"A\", hours: 7)",
            "Task(code: \"A\", hours: 7)",
            "(code: \"A\",\u{2028}hours: 7)",
            "(code: \"A\", hours: 7) // unclosed at the end",
            "(code: \"A\" hours: 7)",
            "(code: \"A\", hours: 7,,)",
            "(code: \"A\", hours: 7, remaining: Some 3)",
            "(code: \"A\", hours: 7, colour: 1)",
        ] {
            let text = with_activity(activity);
            assert!(read::<Plan>(&text).is_none(), "{text}");
        }
        let enabled = format!(
            "#![enable(implicit_some)]\n{}",
            with_activity("(code: \"A\", hours: 7)")
        );
        assert!(read::<Plan>(&enabled).is_none());
        let trailing = format!("{} x", with_activity("(code: \"A\", hours: 7)"));
        assert!(read::<Plan>(&trailing).is_none());
    }
}
