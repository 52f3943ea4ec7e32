//! cronograma turns an effort-based work plan into a calendar.
//!
//! The layers, each depending only on those above it:
//! - [`plan`]: the model, loading and saving `plan.ron`, validation;
//! - [`schedule`]: the pure scheduler;
//! - [`calendar`] and [`export`]: pure views of a schedule (month grids, Markdown, JSON, CSV);
//! - [`cli`]: the command line.

pub mod calendar;
pub mod cli;
pub mod export;
pub mod locale;
pub mod palette;
pub mod plan;
pub mod schedule;
