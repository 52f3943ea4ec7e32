//! Saving without ever losing the plan on disk: the new text goes to a temporary file in the
//! same folder, is flushed to the disk, and only then replaces the old file in one rename.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::write::to_ron;
use super::{Document, PlanError};

/// Writes `document` to `path` atomically: after a crash the file holds either the old plan or
/// the new one, never a mix. The file's permissions are kept, and a symbolic link is followed
/// so that the file it points to is replaced and the link stays. Returns the text written.
pub fn save_file(path: &Path, document: &Document) -> Result<String, PlanError> {
    let text = to_ron(document);
    write_atomically(path, text.as_bytes()).map_err(|source| PlanError::Write {
        path: path.to_owned(),
        source,
    })?;
    Ok(text)
}

/// The file a write to `path` must replace: the target of a link, or `path` itself.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_owned()),
    }
}

/// Temp file in the same folder → write → fsync → rename over the target → fsync the folder.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = resolve(path)?;
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    refuse_read_only(&target, &folder)?;
    let (prefix, suffix) = temp_name_parts(&target);
    let mut temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&folder)?;
    temp.write_all(bytes)?;
    match fs::metadata(&target) {
        Ok(meta) => temp.as_file().set_permissions(meta.permissions())?,
        // A temporary file is private (0600); a new plan or export is an ordinary file.
        #[cfg(unix)]
        Err(_) => {
            use std::os::unix::fs::PermissionsExt;
            temp.as_file()
                .set_permissions(fs::Permissions::from_mode(0o644))?;
        }
        #[cfg(not(unix))]
        Err(_) => {}
    }
    temp.as_file().sync_all()?;
    temp.persist(&target).map_err(|error| error.error)?;
    // The rename is durable only once the folder's entry is on disk too.
    #[cfg(unix)]
    fs::File::open(&folder)?.sync_all()?;
    remove_stale_temps(&folder, &prefix, suffix);
    Ok(())
}

/// A file or folder nobody may write is refused, even for root: the rename would succeed
/// over a read-only file, but the person who made it read-only meant it.
fn refuse_read_only(target: &Path, folder: &Path) -> io::Result<()> {
    let read_only =
        |path: &Path| fs::metadata(path).is_ok_and(|meta| meta.permissions().readonly());
    if read_only(target) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    if read_only(folder) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("the folder {} is read-only", folder.display()),
        ));
    }
    Ok(())
}

/// Temporary files end in this, after `.<file name>.` and a random part.
const TEMP_SUFFIX: &str = ".cronograma-tmp";

/// A temporary file older than this is left over from a save that was killed.
const STALE_AFTER: Duration = Duration::from_secs(60);

fn temp_name_parts(target: &Path) -> (String, &'static str) {
    let name = target
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    (format!(".{name}."), TEMP_SUFFIX)
}

/// Removes what saves of the same file that were killed left behind. Best effort: a file that
/// cannot be read or removed is left alone, and young files may belong to a save under way.
fn remove_stale_temps(folder: &Path, prefix: &str, suffix: &str) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let stale = entry
            .metadata()
            .and_then(|meta| meta.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if name.starts_with(prefix) && name.ends_with(suffix) && stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_links_and_permissions() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        fs::write(&real, "old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        symlink(&real, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn temporaries_left_by_killed_saves_are_swept_once_stale() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        let stale = dir.path().join(".plan.ron.abc123.cronograma-tmp");
        let young = dir.path().join(".plan.ron.def456.cronograma-tmp");
        let other = dir.path().join(".other.ron.abc123.cronograma-tmp");
        for file in [&stale, &young, &other] {
            fs::write(file, "half a plan").unwrap();
        }
        let long_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
        for file in [&stale, &other] {
            fs::File::options()
                .write(true)
                .open(file)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }
        write_atomically(&path, b"new").unwrap();
        assert!(!stale.exists(), "a stale temporary of this plan is removed");
        assert!(young.exists(), "a young one may be a save under way");
        assert!(other.exists(), "another plan's temporaries are not ours");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_others_like_any_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.json");
        write_atomically(&path, b"{}").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
    }

    #[test]
    fn a_missing_folder_is_an_error_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone").join("plan.ron");
        assert!(write_atomically(&path, b"new").is_err());
        assert!(!path.exists());
    }
}
