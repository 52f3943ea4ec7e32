//! cronograma turns an effort-based work plan into a calendar.
//!
//! This crate is the program around the core ([`cronograma_core`], re-exported here under the
//! same module names, so `cronograma::plan` is the core's plan):
//! - [`caldav`]: the network: a CalDAV calendar kept in step with the schedule, busy time read
//!   from calendar servers;
//! - [`app`]: the interactive view's state and actions (no drawing);
//! - [`palette`]: the view's themes, turning the core's tones into terminal styles;
//! - [`ui`]: widgets that draw an [`app::App`]; [`tui`]: the terminal loop;
//! - [`cli`]: the command line.

pub use cronograma_core::{
    calendar, colour, document, export, import, locale, messages, moves, plan, schedule, status,
    text, xml,
};

pub mod app;
pub mod caldav;
pub mod cli;
pub mod palette;
pub mod tui;
pub mod ui;
