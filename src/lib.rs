//! cronograma turns an effort-based work plan into a calendar.
//!
//! The layers, each depending only on those above it:
//! - [`plan`]: the model, loading and saving `plan.ron`, validation;
//! - [`schedule`]: the pure scheduler;
//! - [`calendar`], [`export`] and [`status`]: pure views of a schedule (month grids, Markdown,
//!   JSON, CSV; a tracked plan's progress and slip);
//! - [`import`]: holidays from iCalendar files, the bundled holiday calendars, and plans of
//!   MS Project XML files;
//! - [`caldav`]: the network beside them: a CalDAV calendar kept in step with the schedule;
//! - [`document`]: plan documents (Markdown) read, checked against a schedule, rewritten;
//! - [`app`]: the interactive view's state and actions (no drawing);
//! - [`ui`]: widgets that draw an [`app::App`]; [`tui`]: the terminal loop;
//! - [`cli`]: the command line.
//!
//! [`text`] sits beside them all: escaping for terminals, padding, the rule for codes; and
//! [`xml`], the one way XML from outside (MS Project files, servers' answers) is parsed.

pub mod app;
pub mod caldav;
pub mod calendar;
pub mod cli;
pub mod document;
pub mod export;
pub mod import;
pub mod locale;
pub mod messages;
pub mod moves;
pub mod palette;
pub mod plan;
pub mod schedule;
pub mod status;
pub mod text;
pub mod tui;
pub mod ui;
pub mod xml;
