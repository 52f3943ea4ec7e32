//! Working windows: the stretches of a day in which work is done (`"08:00-12:00"`), as a plan,
//! a weekday, a person or an exception gives them. A list is checked as it is read, so that
//! a window out of order, overlapping or off the quarter-hour is refused with its line and
//! column; what the windows of a given date are is the schedule's business, not this module's.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

use super::fields::format_minutes;
use super::{FieldError, Hours};

/// Minutes in a day: a window closes by `24:00`.
pub const MINUTES_PER_DAY: u16 = 24 * 60;

/// One stretch of working time within a day, in minutes after midnight: it opens at `opens`
/// and closes at `closes` (`1440` is `24:00`, the end of the day); `opens < closes`. Working
/// windows are on quarter hours; busy time may start and end at any minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Window {
    /// When it opens, in minutes after midnight.
    pub opens: u16,
    /// When it closes, in minutes after midnight (up to 1440).
    pub closes: u16,
}

impl Window {
    /// The window from `opens` to `closes` (minutes after midnight), if it is one a plan may
    /// give: quarter hours, opening before it closes, within the day.
    pub fn new(opens: u16, closes: u16) -> Option<Self> {
        let quarter = |minutes: u16| minutes.is_multiple_of(15);
        (opens < closes && closes <= MINUTES_PER_DAY && quarter(opens) && quarter(closes))
            .then_some(Window { opens, closes })
    }

    /// How much working time it holds.
    pub fn length(self) -> Hours {
        Hours::from_minutes(u32::from(self.closes - self.opens))
    }

    /// Parses `HH:MM-HH:MM`, refusing what a plan may not give, with a message that says why.
    pub fn parse(text: &str) -> Result<Self, FieldError> {
        let window = Window::parse_any_minute(text)?;
        if window.opens % 15 != 0 || window.closes % 15 != 0 {
            return Err(FieldError::OffQuarter(text.to_owned()));
        }
        Ok(window)
    }

    /// Parses `HH:MM-HH:MM` at any minute, as busy time is given (a class from 10:00 to
    /// 11:50): within the day, opening before it closes.
    pub fn parse_any_minute(text: &str) -> Result<Self, FieldError> {
        let Some((opens, closes)) = text.split_once('-') else {
            return Err(FieldError::NotAWindow(text.to_owned()));
        };
        let opens = clock_minutes(opens.trim(), text)?;
        let closes = clock_minutes(closes.trim(), text)?;
        if opens >= closes {
            return Err(FieldError::ClosesFirst(text.to_owned()));
        }
        Ok(Window { opens, closes })
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}",
            format_minutes(u32::from(self.opens)),
            format_minutes(u32::from(self.closes))
        )
    }
}

/// `HH:MM` as minutes after midnight, `24:00` included.
fn clock_minutes(text: &str, window: &str) -> Result<u16, FieldError> {
    let bad = || FieldError::NotAWindow(window.to_owned());
    let (hours, minutes) = text.split_once(':').ok_or_else(bad)?;
    let two_digits = |part: &str| part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit());
    if !two_digits(hours) || !two_digits(minutes) {
        return Err(bad());
    }
    let (hours, minutes): (u16, u16) = (
        hours.parse().map_err(|_| bad())?,
        minutes.parse().map_err(|_| bad())?,
    );
    if minutes >= 60 || hours > 24 || (hours == 24 && minutes > 0) {
        return Err(bad());
    }
    Ok(hours * 60 + minutes)
}

/// The working time a list of windows holds.
pub fn total(windows: &[Window]) -> Hours {
    windows.iter().map(|window| window.length()).sum()
}

/// The windows written as a plan writes them: `"08:00-12:00", "13:00-17:00"`.
pub fn list_text(windows: &[Window]) -> String {
    windows
        .iter()
        .map(|window| format!("\"{window}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The windows written for people: `08:00–12:00, 13:00–17:00`.
pub fn shown(windows: &[Window]) -> String {
    windows
        .iter()
        .map(|window| {
            format!(
                "{}–{}",
                format_minutes(u32::from(window.opens)),
                format_minutes(u32::from(window.closes))
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The windows as a form shows them for editing: `08:00-12:00, 13:00-17:00`.
pub fn typed(windows: &[Window]) -> String {
    windows
        .iter()
        .map(Window::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads a list of windows: at least one, each well formed, in order of the day and not
/// overlapping (windows that touch, `08:00-12:00` and `12:00-13:00`, are one stretch).
/// Each window is checked against the one before as it is read, so an error points at it.
pub fn deserialize_list<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Window>, D::Error> {
    struct ListVisitor;

    impl<'de> Visitor<'de> for ListVisitor {
        type Value = Vec<Window>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of windows, as [\"08:00-12:00\", \"13:00-17:00\"]")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Window>, A::Error> {
            let mut windows: Vec<Window> = Vec::new();
            while let Some(text) = seq.next_element::<String>()? {
                push_checked(&mut windows, &text).map_err(de::Error::custom)?;
            }
            check_not_empty(&windows).map_err(de::Error::custom)?;
            Ok(windows)
        }
    }

    deserializer.deserialize_seq(ListVisitor)
}

/// Adds the window `text` to `windows`, which it must follow in the day without overlapping.
fn push_checked(windows: &mut Vec<Window>, text: &str) -> Result<(), FieldError> {
    let window = Window::parse(text)?;
    if let Some(before) = windows.last().filter(|before| window.opens < before.closes) {
        return Err(FieldError::Overlaps {
            window: window.to_string(),
            before: before.to_string(),
        });
    }
    windows.push(window);
    if windows.len() > usize::from(MINUTES_PER_DAY / 15) {
        return Err(FieldError::TooManyWindows);
    }
    Ok(())
}

fn check_not_empty(windows: &[Window]) -> Result<(), FieldError> {
    if windows.is_empty() {
        return Err(FieldError::NoWindows);
    }
    Ok(())
}

/// Parses windows as people type them in a form: `08:00-12:00, 13:00-17:00` (commas or
/// spaces between them), with the rules of a plan file's lists.
pub fn parse_list(text: &str) -> Result<Vec<Window>, FieldError> {
    let mut windows = Vec::new();
    for part in text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|part| !part.is_empty())
    {
        push_checked(&mut windows, part)?;
    }
    check_not_empty(&windows)?;
    Ok(windows)
}

/// [`deserialize_list`] for a field that may be left out (written bare, thanks to implicit
/// `Some`).
pub fn deserialize_optional_list<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<Window>>, D::Error> {
    struct Listed(Vec<Window>);
    impl<'de> Deserialize<'de> for Listed {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserialize_list(deserializer).map(Listed)
        }
    }
    Ok(Option::<Listed>::deserialize(deserializer)?.map(|listed| listed.0))
}

/// Windows that touch made one stretch: `08:00-12:00` and `12:00-13:00` are `08:00-13:00`.
pub fn merged(windows: &[Window]) -> Vec<Window> {
    let mut stretches: Vec<Window> = Vec::with_capacity(windows.len());
    for window in windows {
        match stretches.last_mut() {
            Some(last) if last.closes == window.opens => last.closes = window.closes,
            _ => stretches.push(*window),
        }
    }
    stretches
}

/// What is left of `windows` (sorted, not overlapping) once the `taken` stretches (in any
/// order, overlapping or not) are cut out of them: a class from 10:00 to 11:50 leaves
/// `08:00-10:00` and `11:50-12:00` of `08:00-12:00`.
pub fn without(windows: &[Window], taken: &[Window]) -> Vec<Window> {
    let mut taken = taken.to_vec();
    taken.sort_unstable();
    let mut left = Vec::with_capacity(windows.len() + taken.len());
    for window in windows {
        let mut opens = window.opens;
        for cut in &taken {
            if cut.opens >= window.closes || cut.closes <= opens {
                continue;
            }
            if cut.opens > opens {
                left.push(Window {
                    opens,
                    closes: cut.opens,
                });
            }
            opens = opens.max(cut.closes);
            if opens >= window.closes {
                break;
            }
        }
        if opens < window.closes {
            left.push(Window {
                opens,
                closes: window.closes,
            });
        }
    }
    left
}

/// The first `hours` of `windows`, as an exception's `hours` gives a day: cut where the hours
/// run out, or, when they are more than the windows hold, the last window running on.
/// `None` when that runs past midnight.
pub fn first_hours(windows: &[Window], hours: Hours) -> Option<Vec<Window>> {
    let mut left = hours.minutes();
    let mut taken = Vec::with_capacity(windows.len());
    for window in windows {
        if left == 0 {
            break;
        }
        let length = u32::from(window.closes - window.opens);
        let used = length.min(left);
        taken.push(Window {
            opens: window.opens,
            closes: window.opens + u16::try_from(used).ok()?,
        });
        left -= used;
    }
    if left > 0 {
        let last = taken.last_mut()?;
        let closes = u32::from(last.closes) + left;
        if closes > u32::from(MINUTES_PER_DAY) {
            return None;
        }
        last.closes = u16::try_from(closes).ok()?;
    }
    Some(taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(text: &str) -> Window {
        Window::parse(text).expect("a window")
    }

    #[test]
    fn windows_parse_within_the_day_on_quarter_hours() {
        assert_eq!(
            window("08:00-12:00"),
            Window {
                opens: 480,
                closes: 720
            }
        );
        assert_eq!(window("20:00-24:00").closes, 1440);
        assert_eq!(window("08:00-12:00").to_string(), "08:00-12:00");
        assert_eq!(window("13:15-17:45").length(), Hours::from_quarters(18));
        for bad in [
            "8-12",
            "08:00",
            "12:00-08:00",
            "08:00-08:00",
            "08:10-12:00",
            "20:00-24:15",
            "25:00-26:00",
            "08:00-12:60",
        ] {
            assert!(Window::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn busy_time_is_cut_out_of_the_windows_to_the_minute() {
        let day = [window("08:00-12:00"), window("13:00-17:00")];
        let class = Window::parse_any_minute("10:00-11:50").unwrap();
        assert_eq!(
            without(&day, &[class]),
            [
                window("08:00-10:00"),
                Window::parse_any_minute("11:50-12:00").unwrap(),
                window("13:00-17:00")
            ]
        );
        // Over the lunch break, overlapping each other, listed out of order.
        let meeting = Window::parse_any_minute("11:30-13:30").unwrap();
        let call = Window::parse_any_minute("13:00-14:05").unwrap();
        assert_eq!(
            without(&day, &[call, meeting, class]),
            [
                window("08:00-10:00"),
                Window::parse_any_minute("14:05-17:00").unwrap()
            ]
        );
        assert_eq!(without(&day, &[window("00:00-24:00")]), []);
        assert_eq!(without(&day, &[]), day);
        assert!(Window::parse("10:00-11:50").is_err());
    }

    #[test]
    fn touching_windows_are_one_stretch() {
        let day = [
            window("08:00-12:00"),
            window("12:00-13:00"),
            window("14:00-18:00"),
        ];
        assert_eq!(merged(&day), [window("08:00-13:00"), window("14:00-18:00")]);
    }

    #[test]
    fn an_exceptions_hours_are_the_first_of_the_windows_or_run_on_past_the_last() {
        let day = [window("08:00-12:00"), window("13:00-17:00")];
        assert_eq!(
            first_hours(&day, Hours::from_whole(2)),
            Some(vec![window("08:00-10:00")])
        );
        assert_eq!(
            first_hours(&day, Hours::from_whole(6)),
            Some(vec![window("08:00-12:00"), window("13:00-15:00")])
        );
        assert_eq!(
            first_hours(&day, Hours::from_whole(10)),
            Some(vec![window("08:00-12:00"), window("13:00-19:00")])
        );
        assert_eq!(first_hours(&day, Hours::from_whole(20)), None);
        assert_eq!(first_hours(&day, Hours::ZERO), Some(vec![]));
    }
}
