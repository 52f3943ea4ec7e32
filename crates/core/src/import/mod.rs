//! What comes from outside into a plan:
//! - [`holidays`]: holidays from iCalendar files (all-day events, repeats expanded);
//! - [`bundled`]: the bundled public holiday calendars of twenty countries;
//! - [`busy`]: busy time from iCalendar files and free-busy answers; [`pulled`]: busy time
//!   read as far as the plan reaches, and calendars pulled again replacing what they brought;
//! - [`activities`]: activities from a spreadsheet (CSV); [`mspdi`]: plans of MS Project XML;
//! - beneath them, [`file`] (calendar files as producers write them), [`ical`] (the content-
//!   line reader) and [`events`] (dates, durations and repeats of iCalendar events);
//! - what can go wrong: [`ReadError`] for calendars, [`ProjectError`] for MS Project files.

pub mod activities;
pub mod bundled;
pub mod busy;
mod error;
pub mod events;
pub mod file;
pub mod holidays;
pub mod ical;
pub mod mspdi;
pub mod pulled;
mod report;

pub use error::{ProjectError, ReadError};
