//! Amounts of working time, counted in quarter-hours so that arithmetic is exact.

use std::fmt;
use std::ops::{Add, AddAssign, Sub, SubAssign};

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Quarter-hours in one hour.
const QUARTERS_PER_HOUR: u32 = 4;

/// The largest amount accepted from a plan file: a million hours is more than anyone plans,
/// and keeps every sum of activities far from overflowing `u32` quarters.
const MAX_HOURS: f64 = 1_000_000.0;

/// A non-negative amount of working time in quarter-hour steps (7.5 h, 0.25 h, 42 h).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hours {
    quarters: u32,
}

impl Hours {
    /// No time at all.
    pub const ZERO: Hours = Hours { quarters: 0 };

    /// The most a plan file may give (an import can make more, which the plan's checks
    /// refuse: such a plan would not open again).
    pub const MAX: Hours = Hours {
        quarters: MAX_HOURS as u32 * QUARTERS_PER_HOUR,
    };

    /// An amount given in quarter-hours.
    pub const fn from_quarters(quarters: u32) -> Self {
        Hours { quarters }
    }

    /// A whole number of hours.
    pub const fn from_whole(hours: u32) -> Self {
        Hours {
            quarters: hours * QUARTERS_PER_HOUR,
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
        let quarters = hours * f64::from(QUARTERS_PER_HOUR);
        if quarters.fract() != 0.0 {
            return Err(HoursError::NotQuarter);
        }
        // In range by the checks above: at most 4,000,000.
        Ok(Hours {
            quarters: quarters as u32,
        })
    }

    /// The amount in quarter-hours.
    pub const fn quarters(self) -> u32 {
        self.quarters
    }

    /// The amount in minutes.
    pub const fn minutes(self) -> u32 {
        self.quarters * 15
    }

    /// The amount as a decimal number of hours.
    pub fn as_f64(self) -> f64 {
        f64::from(self.quarters) / f64::from(QUARTERS_PER_HOUR)
    }

    /// True for zero hours.
    pub const fn is_zero(self) -> bool {
        self.quarters == 0
    }

    /// The amount written with a decimal comma (`7,5`), as Spanish text does.
    pub fn with_decimal_comma(self) -> String {
        self.to_string().replace('.', ",")
    }
}

/// Why a number is not a valid amount of hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    /// Below zero, or not a number at all.
    #[error("is not a positive number of hours")]
    Negative,
    /// Not a multiple of a quarter-hour.
    #[error("is not a multiple of a quarter-hour (0.25)")]
    NotQuarter,
    /// More than any plan needs.
    #[error("is more hours than cronograma accepts (1000000 at most)")]
    TooLarge,
}

impl fmt::Display for Hours {
    /// Whole hours print without decimals (`42`), others with as few as needed (`7.5`, `0.25`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.quarters / QUARTERS_PER_HOUR;
        match self.quarters % QUARTERS_PER_HOUR {
            0 => write!(f, "{whole}"),
            1 => write!(f, "{whole}.25"),
            2 => write!(f, "{whole}.5"),
            _ => write!(f, "{whole}.75"),
        }
    }
}

/// Sums saturate: a hostile plan of many huge efforts must give an error (it cannot be
/// scheduled before 9999), never an overflow.
impl Add for Hours {
    type Output = Hours;
    fn add(self, other: Hours) -> Hours {
        Hours {
            quarters: self.quarters.saturating_add(other.quarters),
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
            quarters: self.quarters - other.quarters,
        }
    }
}

impl Hours {
    /// `self - other`, or zero when `other` is more (hours logged past the estimate).
    pub fn saturating_sub(self, other: Hours) -> Hours {
        Hours {
            quarters: self.quarters.saturating_sub(other.quarters),
        }
    }
}

impl SubAssign for Hours {
    fn sub_assign(&mut self, other: Hours) {
        self.quarters -= other.quarters;
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
        if self.quarters.is_multiple_of(QUARTERS_PER_HOUR) {
            serializer.serialize_u32(self.quarters / QUARTERS_PER_HOUR)
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
        assert_eq!(Hours::from_decimal(0.3), Err(HoursError::NotQuarter));
        assert_eq!(Hours::from_decimal(2e6), Err(HoursError::TooLarge));
    }

    #[test]
    fn sums_saturate_instead_of_overflowing() {
        let huge = Hours::from_quarters(u32::MAX - 1);
        assert_eq!(huge + Hours::from_whole(10), Hours::from_quarters(u32::MAX));
        let total: Hours = [huge, huge, huge].into_iter().sum();
        assert_eq!(total, Hours::from_quarters(u32::MAX));
    }

    #[test]
    fn display_uses_as_few_decimals_as_needed() {
        let shown: Vec<String> = [0, 1, 2, 3, 168]
            .map(|q| Hours::from_quarters(q).to_string())
            .into();
        assert_eq!(shown, ["0", "0.25", "0.5", "0.75", "42"]);
        assert_eq!(Hours::from_quarters(30).with_decimal_comma(), "7,5");
    }
}
