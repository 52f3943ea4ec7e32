//! Amounts of working time, counted in whole minutes so that arithmetic is exact. A plan gives
//! efforts in quarter-hour steps; a day's free time is any number of minutes (a class that ends
//! at 11:50 frees the rest of the morning from 11:50).

use std::fmt;
use std::ops::{Add, AddAssign, Sub, SubAssign};

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Minutes in one hour.
const MINUTES_PER_HOUR: u32 = 60;

/// Minutes in the quarter-hour a plan's amounts are given in.
const MINUTES_PER_QUARTER: u32 = 15;

/// The largest amount accepted from a plan file: a million hours is more than anyone plans,
/// and keeps every sum of activities far from overflowing `u32` minutes.
const MAX_HOURS: f64 = 1_000_000.0;

/// A non-negative amount of working time in minutes (7.5 h, 0.25 h, 42 h; 3 h 50 min).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hours {
    minutes: u32,
}

impl Hours {
    /// No time at all.
    pub const ZERO: Hours = Hours { minutes: 0 };

    /// The most a plan file may give (an import can make more, which the plan's checks
    /// refuse: such a plan would not open again).
    pub const MAX: Hours = Hours {
        minutes: MAX_HOURS as u32 * MINUTES_PER_HOUR,
    };

    /// An amount given in quarter-hours.
    pub const fn from_quarters(quarters: u32) -> Self {
        Hours {
            minutes: quarters.saturating_mul(MINUTES_PER_QUARTER),
        }
    }

    /// An amount given in minutes.
    pub const fn from_minutes(minutes: u32) -> Self {
        Hours { minutes }
    }

    /// A whole number of hours.
    pub const fn from_whole(hours: u32) -> Self {
        Hours {
            minutes: hours * MINUTES_PER_HOUR,
        }
    }

    /// Converts a decimal number of hours, refusing what is not a quarter-hour step.
    pub fn from_decimal(hours: f64) -> Result<Self, HoursError> {
        if hours.is_nan() || hours < 0.0 {
            return Err(HoursError::Negative);
        }
        // Infinity too: a number too large to be a float is simply too many hours.
        if hours > MAX_HOURS {
            return Err(HoursError::TooLarge);
        }
        let quarters = hours * 4.0;
        if quarters.fract() != 0.0 {
            return Err(HoursError::NotQuarter);
        }
        // In range by the checks above: at most 4,000,000.
        Ok(Hours::from_quarters(quarters as u32))
    }

    /// The amount in minutes.
    pub const fn minutes(self) -> u32 {
        self.minutes
    }

    /// The amount as a decimal number of hours.
    pub fn as_f64(self) -> f64 {
        f64::from(self.minutes) / f64::from(MINUTES_PER_HOUR)
    }

    /// True for zero hours.
    pub const fn is_zero(self) -> bool {
        self.minutes == 0
    }

    /// True when the amount is a whole number of quarter-hours, as plan files give them.
    pub const fn is_quarters(self) -> bool {
        self.minutes.is_multiple_of(MINUTES_PER_QUARTER)
    }

    /// The amount rounded down to the quarter-hour.
    pub const fn whole_quarters(self) -> Hours {
        Hours {
            minutes: self.minutes / MINUTES_PER_QUARTER * MINUTES_PER_QUARTER,
        }
    }

    /// The amount written with a decimal comma (`7,5`), as Spanish text does.
    pub fn with_decimal_comma(self) -> String {
        self.to_string().replace('.', ",")
    }
}

/// Why a number is not a valid amount of hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    /// Not a number at all (`abc`, `7h`).
    #[error("is not a number of hours, as 6 or 7.5")]
    NotANumber,
    /// Below zero.
    #[error("is not a positive number of hours")]
    Negative,
    /// Not a multiple of a quarter-hour.
    #[error("is not a multiple of a quarter-hour (0.25)")]
    NotQuarter,
    /// More than any plan needs.
    #[error("is more hours than cronograma accepts (1000000 at most)")]
    TooLarge,
}

/// The one way hours are read from what people type or write (forms, the command line,
/// documents, spreadsheets): `6`, `7.5` or `7,5`, spaces around ignored, in quarter-hour
/// steps. Whether zero is allowed is the caller's to say (a milestone has none).
impl std::str::FromStr for Hours {
    type Err = HoursError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let number: f64 = text
            .trim()
            .replace(',', ".")
            .parse()
            .map_err(|_| HoursError::NotANumber)?;
        Hours::from_decimal(number)
    }
}

impl fmt::Display for Hours {
    /// Whole hours print without decimals (`42`), others with as few as needed (`7.5`, `0.25`);
    /// an amount off the quarter-hour (free time cut by a class) with two (`3.83`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.minutes / MINUTES_PER_HOUR;
        match self.minutes % MINUTES_PER_HOUR {
            0 => write!(f, "{whole}"),
            15 => write!(f, "{whole}.25"),
            30 => write!(f, "{whole}.5"),
            45 => write!(f, "{whole}.75"),
            _ => {
                let shown = format!("{:.2}", self.as_f64());
                f.write_str(shown.trim_end_matches('0'))
            }
        }
    }
}

/// Sums saturate: a hostile plan of many huge efforts must give an error (it cannot be
/// scheduled before 9999), never an overflow.
impl Add for Hours {
    type Output = Hours;
    fn add(self, other: Hours) -> Hours {
        Hours {
            minutes: self.minutes.saturating_add(other.minutes),
        }
    }
}

impl AddAssign for Hours {
    fn add_assign(&mut self, other: Hours) {
        *self = *self + other;
    }
}

impl Sub for Hours {
    type Output = Hours;
    fn sub(self, other: Hours) -> Hours {
        Hours {
            minutes: self.minutes - other.minutes,
        }
    }
}

impl Hours {
    /// `self - other`, or zero when `other` is more (hours logged past the estimate).
    pub fn saturating_sub(self, other: Hours) -> Hours {
        Hours {
            minutes: self.minutes.saturating_sub(other.minutes),
        }
    }
}

impl SubAssign for Hours {
    fn sub_assign(&mut self, other: Hours) {
        self.minutes -= other.minutes;
    }
}

impl std::iter::Sum for Hours {
    fn sum<I: Iterator<Item = Hours>>(iter: I) -> Hours {
        iter.fold(Hours::ZERO, Add::add)
    }
}

impl Serialize for Hours {
    /// Whole hours serialise as integers and the rest as decimals, so JSON shows `42` and `7.5`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.minutes.is_multiple_of(MINUTES_PER_HOUR) {
            serializer.serialize_u32(self.minutes / MINUTES_PER_HOUR)
        } else {
            serializer.serialize_f64(self.as_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Hours {
    /// Accepts integers and decimals; refuses negative, non-quarter and absurdly large values.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct HoursVisitor;

        impl HoursVisitor {
            fn check<E: de::Error>(value: f64, shown: &dyn fmt::Display) -> Result<Hours, E> {
                Hours::from_decimal(value).map_err(|why| E::custom(format!("{shown} {why}")))
            }
        }

        impl Visitor<'_> for HoursVisitor {
            type Value = Hours;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number of hours such as 42 or 7.5")
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Hours, E> {
                Self::check(v as f64, &v)
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Hours, E> {
                Self::check(v as f64, &v)
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Hours, E> {
                Self::check(v, &v)
            }
        }

        deserializer.deserialize_any(HoursVisitor)
    }
}

/// Deserialises hours that must be above zero (an activity's effort, the hours of a day).
pub fn positive<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Hours, D::Error> {
    let hours = Hours::deserialize(deserializer)?;
    if hours.is_zero() {
        return Err(de::Error::custom(format!("0 {}", HoursError::Negative)));
    }
    Ok(hours)
}

/// Serde adapter for optional hours that, when given, must be above zero (written bare,
/// thanks to implicit `Some`).
pub fn positive_option<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Hours>, D::Error> {
    let hours = Option::<Hours>::deserialize(deserializer)?;
    if hours.is_some_and(|hours| hours.is_zero()) {
        return Err(de::Error::custom(format!("0 {}", HoursError::Negative)));
    }
    Ok(hours)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_in_quarter_steps_are_exact() {
        assert_eq!(Hours::from_decimal(7.5), Ok(Hours::from_quarters(30)));
        assert_eq!(Hours::from_decimal(0.25), Ok(Hours::from_quarters(1)));
        assert_eq!(Hours::from_decimal(42.0), Ok(Hours::from_whole(42)));
    }

    #[test]
    fn bad_amounts_are_refused_with_their_reason() {
        assert_eq!(Hours::from_decimal(-1.0), Err(HoursError::Negative));
        assert_eq!(Hours::from_decimal(f64::NAN), Err(HoursError::Negative));
        assert_eq!(" 7,5 ".parse(), Ok(Hours::from_quarters(30)));
        assert_eq!("42".parse(), Ok(Hours::from_whole(42)));
        assert_eq!("0.25".parse(), Ok(Hours::from_quarters(1)));
        assert_eq!("7h".parse::<Hours>(), Err(HoursError::NotANumber));
        assert_eq!("".parse::<Hours>(), Err(HoursError::NotANumber));
        assert_eq!("7.3".parse::<Hours>(), Err(HoursError::NotQuarter));
        assert_eq!("-1".parse::<Hours>(), Err(HoursError::Negative));
        assert_eq!(Hours::from_decimal(0.3), Err(HoursError::NotQuarter));
        assert_eq!(Hours::from_decimal(2e6), Err(HoursError::TooLarge));
    }

    #[test]
    fn sums_saturate_instead_of_overflowing() {
        let huge = Hours::from_minutes(u32::MAX - 1);
        assert_eq!(huge + Hours::from_whole(10), Hours::from_minutes(u32::MAX));
        let total: Hours = [huge, huge, huge].into_iter().sum();
        assert_eq!(total, Hours::from_minutes(u32::MAX));
    }

    #[test]
    fn display_uses_as_few_decimals_as_needed() {
        let shown: Vec<String> = [0, 1, 2, 3, 168]
            .map(|q| Hours::from_quarters(q).to_string())
            .into();
        assert_eq!(shown, ["0", "0.25", "0.5", "0.75", "42"]);
        assert_eq!(Hours::from_quarters(30).with_decimal_comma(), "7,5");
        // Free time cut at odd minutes: 3 h 50 min, 10 min, 2 h 06 min.
        let odd: Vec<String> = [230, 10, 126]
            .map(|m| Hours::from_minutes(m).to_string())
            .into();
        assert_eq!(odd, ["3.83", "0.17", "2.1"]);
    }
}
