//! What is wrong with a value typed as text (a date, a time, a window, a locale), wherever it
//! was typed: a plan file, a form of the view, an option of the command line. The English
//! words (`Display`) are what a plan file's error shows, with its line and column; the view
//! and the command line say the same fault in the plan's language
//! ([`crate::messages::Say`]).

/// A value written as text that is not what its field takes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    /// Not `YYYY-MM-DD`.
    #[error("\"{0}\" is not a date written as YYYY-MM-DD")]
    NotADate(String),
    /// `YYYY-MM-DD`, but not a day the calendar has (2023-02-30).
    #[error("\"{0}\" is not a day of the calendar")]
    NotADay(String),
    /// Not `HH:MM` from 00:00 to 23:59.
    #[error("\"{0}\" is not a time of day written as HH:MM (00:00 to 23:59)")]
    NotATime(String),
    /// Not `YYYY-MM-DDTHH:MM`.
    #[error("\"{0}\" is not a moment written as YYYY-MM-DDTHH:MM")]
    NotAMoment(String),
    /// A language and region the locale data does not know.
    #[error(
        "\"{0}\" is not a known locale; use a language and perhaps a region, as \"es\", \
         \"en\", \"pt-BR\", \"fr\" or \"de\""
    )]
    NotALocale(String),
    /// Not `HH:MM-HH:MM`, from 00:00 to 24:00.
    #[error("\"{0}\" is not a window written as HH:MM-HH:MM, from 00:00 to 24:00")]
    NotAWindow(String),
    /// A window that closes before it opens.
    #[error("the window \"{0}\" closes before it opens (a window ends by 24:00, the same day)")]
    ClosesFirst(String),
    /// A window of working time off the quarter hours.
    #[error("the window \"{0}\" is not on quarter hours (:00, :15, :30, :45)")]
    OffQuarter(String),
    /// A window listed before one it should follow.
    #[error(
        "the window \"{window}\" starts before \"{before}\" ends: windows are listed in the \
         order of the day and do not overlap"
    )]
    Overlaps {
        /// The window read.
        window: String,
        /// The one before it in the list.
        before: String,
    },
    /// More windows than a day has quarter hours.
    #[error("a day holds at most 96 windows")]
    TooManyWindows,
    /// A word that names no day of the week.
    #[error("\"{0}\" is not a day of the week (Mon … Sun, or lun … dom)")]
    NotAWeekday(String),
    /// A range of days that runs from a later day to an earlier one.
    #[error("\"{0}\": the range runs backwards")]
    Backwards(String),
    /// No day of the week at all.
    #[error("no day of the week: list the worked days, as Mon Tue Wed Thu Fri")]
    NoWeekdays,
    /// A list of windows with none in it.
    #[error("the list of windows is empty: give at least one, as [\"09:00-13:00\"]")]
    NoWindows,
}
