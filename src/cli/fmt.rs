//! `cronograma fmt`: the plan rewritten in the canonical layout, or checked for it.

use clap::Args;

use super::{Error, PlanArg, lock, track};
use crate::plan;

// Options of `fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    #[command(flatten)]
    pub(super) plan: PlanArg,
    /// Change nothing; exit with 1 and name the file when it is not canonical.
    #[arg(long)]
    check: bool,
}

/// Rewrites a plan canonically through the same safe writer the interactive view uses.
/// A plan that is already canonical is not touched at all.
pub(super) fn fmt(args: &FmtArgs) -> Result<(), Error> {
    let path = &args.plan.path;
    let _lock = lock(path)?;
    let text = plan::read_text(path)?;
    let document = plan::parse_file(&text, path)?;
    if plan::write::to_ron(&document) == text {
        if args.check {
            return Ok(());
        }
        return track::nothing_to_change(path, &document.plan);
    }
    if args.check {
        return Err(Error::NotCanonical { path: path.clone() });
    }
    let role = plan::FileRole::LockedPlan {
        mode: plan::mode_of(path),
    };
    plan::save_file(path, &document, role)?;
    Ok(())
}
