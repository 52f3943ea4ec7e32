//! What the plan's file held when the view last read or wrote it, so that a change made by
//! another program is noticed: before saving over it, and (with no unsaved edits) to reload it.
//!
//! The file is polled (its size and modification time, then its content hash only when those
//! move): no watcher thread, and it works the same on every file system, network mounts included.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::plan::save::DEFAULT_PLAN_MODE;
use crate::plan::{BOM, MAX_PLAN_BYTES};
use crate::plan::{PlanError, mode_of, read_regular, read_text};

/// A content hash of a plan's bytes (without a byte-order mark, which reading drops): bytes,
/// not text, so that a file replaced by something that is not even text is a change too.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.strip_prefix(BOM).unwrap_or(bytes).hash(&mut hasher);
    hasher.finish()
}

/// Size and modification time: cheap to read, and they move whenever the content does.
type Stamp = (u64, Option<SystemTime>);

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

/// The view's knowledge of the file on disk.
#[derive(Debug, Default)]
pub struct Disk {
    /// Hash of the text last read or written; `None` when the plan did not come from the file.
    known: Option<u64>,
    stamp: Option<Stamp>,
    /// Hash of the last change reported, so each change is reported once.
    reported: Option<u64>,
    /// The file's permission bits when last seen: a plan deleted while open is written back
    /// with them, never more readable.
    mode: Option<u32>,
}

/// A change on disk, as found by [`Disk::poll`].
#[derive(Debug)]
pub enum Change {
    /// The file now holds this text.
    Text(String),
    /// The file cannot be read any more (removed, or made unreadable).
    Unreadable(PlanError),
}

impl Disk {
    /// Remembers `text` as what `path` holds now.
    pub fn remember(&mut self, path: &Path, text: &str) {
        self.known = Some(fingerprint(text.as_bytes()));
        self.stamp = stamp(path);
        self.reported = None;
        if path.exists() {
            self.mode = Some(mode_of(path));
        }
    }

    /// The permission bits the plan's file had when last seen.
    pub fn mode(&self) -> u32 {
        self.mode.unwrap_or(DEFAULT_PLAN_MODE)
    }

    /// True when the file's content is known to differ from what was last read or written,
    /// whatever it holds now (text that is no plan, or not text at all). A file that is gone,
    /// or a plan that never came from the file, is no conflict.
    pub fn changed_since_known(&self, path: &Path) -> bool {
        match (self.known, read_regular(path, MAX_PLAN_BYTES)) {
            (Some(known), Ok(bytes)) => fingerprint(&bytes) != known,
            (Some(_), Err(error)) => error.kind() != std::io::ErrorKind::NotFound,
            (None, _) => false,
        }
    }

    /// Looks at the file; reports each change once, the first time it is seen. What is known
    /// stays as it was until [`Disk::remember`]: unsaved edits still conflict with the change.
    pub fn poll(&mut self, path: &Path) -> Option<Change> {
        let now = stamp(path);
        if now == self.stamp {
            return None;
        }
        self.stamp = now;
        match read_text(path) {
            Ok(text) => {
                let seen = Some(fingerprint(text.as_bytes()));
                if seen == self.known || seen == self.reported {
                    return None;
                }
                self.reported = seen;
                Some(Change::Text(text))
            }
            Err(error) => Some(Change::Unreadable(error)),
        }
    }
}

/// Where unsaved edits go when the view is ended by a signal: `plan.ron.recover`.
pub fn recovery_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".recover");
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_reported_once_and_an_identical_rewrite_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        fs::write(&path, "one").unwrap();
        let mut disk = Disk::default();
        disk.remember(&path, "one");
        assert!(disk.poll(&path).is_none());
        fs::write(&path, "two, longer").unwrap();
        assert!(disk.changed_since_known(&path));
        assert!(matches!(disk.poll(&path), Some(Change::Text(text)) if text == "two, longer"));
        assert!(disk.poll(&path).is_none(), "reported once");
        assert!(
            disk.changed_since_known(&path),
            "still a conflict until remembered"
        );
        fs::write(&path, "two, longer").unwrap();
        assert!(disk.poll(&path).is_none(), "same text, no new change");
        disk.remember(&path, "two, longer");
        assert!(!disk.changed_since_known(&path));
        fs::remove_file(&path).unwrap();
        assert!(matches!(disk.poll(&path), Some(Change::Unreadable(_))));
    }

    #[test]
    fn the_recovery_file_sits_beside_the_plan() {
        assert_eq!(
            recovery_path(Path::new("a/plan.ron")),
            Path::new("a/plan.ron.recover")
        );
    }
}
