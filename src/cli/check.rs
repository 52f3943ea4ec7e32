//! `cronograma check`: validate the plan and print its summary (`check --doc` is in
//! [`super::documents`]).

use std::path::{Path, PathBuf};

use clap::Args;

use chrono::NaiveDate;

use super::{Error, open, print_for_people};
use crate::export;

// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The plan file [default: plan.ron; with --doc, the document's own plan]
    #[arg(value_name = "PLAN")]
    pub path: Option<PathBuf>,
    /// Compare this plan document's month tables with the schedule, cell by cell.
    #[arg(long, value_name = "DOC.md")]
    pub doc: Option<PathBuf>,
}

pub(super) fn check(path: &Path, as_of: NaiveDate) -> Result<(), Error> {
    let (document, schedule) = open(path, as_of)?;
    let mut text = export::summary::render(&document.plan, &schedule);
    let locale = document.plan.locale;
    if !locale.has_own_words() {
        text.push_str(&format!(
            "note: cronograma has no words of its own in \"{locale}\" (it speaks es, en and pt): \
             month and weekday names are {locale}'s, messages and labels English\n"
        ));
    }
    print_for_people(&text)
}
