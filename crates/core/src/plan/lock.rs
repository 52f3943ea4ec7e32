//! The advisory lock every read-modify-write of a plan holds (`fmt`, `holidays`, the view's
//! save), so that two programs changing one plan at once cannot lose each other's change.
//!
//! The lock is taken on the plan file itself, so no lock file is left beside it. Saves replace
//! the file by a rename, so a program that waited may end up holding the lock of the file that
//! was just replaced: after locking, the path is checked to still name the locked file, and the
//! lock is taken again on the new one when it does not.

use std::fs::{self, File, TryLockError};
use std::io;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use super::file::open_regular;
use super::save::{resolve, same_file};

/// How long to wait for another program's change to finish before giving up: a read-modify-write
/// takes milliseconds, so this only runs out when something holds the plan for good.
const PATIENCE: Duration = Duration::from_secs(10);

/// A held lock; dropping it releases it.
#[derive(Debug)]
pub struct PlanLock {
    _file: Option<File>,
}

impl PlanLock {
    /// Locks the plan at `path` (following links), waiting for another holder to finish. A plan
    /// that does not exist has nothing to lock: the lock is empty.
    pub fn acquire(path: &Path) -> io::Result<PlanLock> {
        Self::acquire_within(path, PATIENCE)
    }

    fn acquire_within(path: &Path, patience: Duration) -> io::Result<PlanLock> {
        let target = match resolve(path) {
            Ok(target) => target,
            // A loop of links names no file: reading it says so.
            Err(error) if error.kind() == io::ErrorKind::InvalidInput => {
                return Ok(PlanLock { _file: None });
            }
            Err(error) => return Err(error),
        };
        let deadline = Instant::now() + patience;
        loop {
            let file = match open_regular(&target) {
                Ok((file, _)) => file,
                // Nothing to lock: a new plan, or something that is no file, which reading
                // it will refuse with a message.
                Err(error)
                    if matches!(
                        error.kind(),
                        io::ErrorKind::NotFound | io::ErrorKind::InvalidInput
                    ) =>
                {
                    return Ok(PlanLock { _file: None });
                }
                Err(error) => return Err(error),
            };
            match file.try_lock() {
                Ok(()) if still_named(&target, &file) => return Ok(PlanLock { _file: Some(file) }),
                Ok(()) => continue,
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    thread::sleep(Duration::from_millis(5));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(io::Error::new(
                        io::ErrorKind::WouldBlock,
                        format!(
                            "another program has been changing {} for {} s; try again when it is done",
                            path.display(),
                            patience.as_secs()
                        ),
                    ));
                }
                Err(TryLockError::Error(error)) => return Err(error),
            }
        }
    }
}

/// True when `path` still names the file `file` has open (it was not replaced meanwhile).
fn still_named(path: &Path, file: &File) -> bool {
    match (fs::metadata(path), file.metadata()) {
        (Ok(now), Ok(held)) => same_file(&now, &held),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::save::{FileRole, write_atomically};

    #[test]
    fn a_second_holder_waits_and_gives_up_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        fs::write(&path, "x").unwrap();
        let held = PlanLock::acquire(&path).unwrap();
        let error = PlanLock::acquire_within(&path, Duration::from_millis(50)).unwrap_err();
        assert!(error.to_string().contains("another program"), "{error}");
        drop(held);
        PlanLock::acquire_within(&path, Duration::from_millis(50)).unwrap();
    }

    #[test]
    fn a_file_replaced_while_waiting_is_locked_anew() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        fs::write(&path, "x").unwrap();
        let held = PlanLock::acquire(&path).unwrap();
        let waiter = {
            let path = path.clone();
            thread::spawn(move || PlanLock::acquire(&path).map(drop))
        };
        thread::sleep(Duration::from_millis(30));
        write_atomically(&path, b"y", FileRole::LockedPlan { mode: 0o644 }).unwrap();
        // The new file is free, so the waiter gets it even though the old one is still locked.
        waiter.join().unwrap().unwrap();
        drop(held);
    }

    #[test]
    fn a_missing_plan_needs_no_lock() {
        let dir = tempfile::tempdir().unwrap();
        PlanLock::acquire(&dir.path().join("new.ron")).unwrap();
    }
}
