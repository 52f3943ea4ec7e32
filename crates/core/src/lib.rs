//! The core of cronograma: everything but the terminal and the network. The compiler keeps
//! it so: this crate depends on neither ratatui, crossterm nor an HTTP client.
//!
//! The layers, each depending only on those above it:
//! - [`plan`]: the model, loading and saving `plan.ron`, validation;
//! - [`schedule`]: the pure scheduler, which owns working time;
//! - [`calendar`], [`export`] and [`status`]: pure views of a schedule (month grids, Markdown,
//!   JSON, CSV, iCalendar, MS Project, TaskJuggler, SVG, xlsx, PDF; a tracked plan's progress
//!   and slip); [`moves`]: what changed between two schedules;
//! - [`import`]: holidays from iCalendar files, the bundled holiday calendars, busy time, and
//!   plans of MS Project XML files and spreadsheets;
//! - [`document`]: plan documents (Markdown) read, checked against a schedule, rewritten.
//!
//! Beside them all: [`text`] (escaping for terminals, padding, the rule for codes), [`xml`]
//! (the one way XML from outside is parsed), [`locale`] and [`messages`] (the words, in each
//! language), and [`colour`] (colours as plain data, for exports and the view's theme).

pub mod calendar;
pub mod colour;
pub mod document;
pub mod export;
pub mod import;
pub mod locale;
pub mod messages;
pub mod moves;
pub mod plan;
pub mod schedule;
pub mod status;
pub mod text;
pub mod xml;
