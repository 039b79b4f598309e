use std::fmt;

use serde::{Deserialize, Serialize};

/// A calendar date as printed in a reference: a year, optionally with month and day.
///
/// References print "July 8, 2018", "31.01.2019" or just "2018"; all three fit here. The
/// [`Display`](fmt::Display) form is ISO 8601 with as much precision as is known.
///
/// ```
/// use citegraph::Date;
///
/// assert_eq!(Date::ymd(2019, 1, 31).to_string(), "2019-01-31");
/// assert_eq!(Date::year(2018).to_string(), "2018");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    /// The year, e.g. `2019`.
    pub year: i32,
    /// The month, 1–12, when known.
    pub month: Option<u8>,
    /// The day of the month, 1–31, when known (only with a month).
    pub day: Option<u8>,
}

impl Date {
    /// A date known only to the year.
    pub fn year(year: i32) -> Date {
        Date {
            year,
            month: None,
            day: None,
        }
    }

    /// A full date. Out-of-range months and days are kept as given; the parsers never build
    /// them, and the model does not second-guess its users.
    pub fn ymd(year: i32, month: u8, day: u8) -> Date {
        Date {
            year,
            month: Some(month),
            day: Some(day),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}
