//! Saving without ever losing the plan on disk: the new text goes to a temporary file in the
//! same folder, is flushed to the disk, and only then replaces the old file in one rename.
//!
//! Every file cronograma writes goes through [`write_atomically`], so the rules live here once:
//! only regular files are replaced (never a device, a FIFO or a folder); a replaced file keeps
//! its mode, owner and group; a new file is never more readable than the plan it comes from;
//! a file the user may not write is refused even when its folder is writable.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::file::{MAX_PLAN_BYTES, kind_of};
use super::load::parse;
use super::write::to_ron;
use super::{Document, PlanError};

/// How the file being written relates to the plan, which decides the mode of a file that does
/// not exist yet. (A file that exists keeps its own mode, owner and group, except a [`Copy`].)
///
/// [`Copy`]: FileRole::Copy
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRole {
    /// The plan itself. `mode` is the one it had when it was read: a plan deleted while it was
    /// open comes back with it (masked by the umask), not with a default more readable.
    Plan {
        /// The plan's permission bits.
        mode: u32,
    },
    /// A copy of the plan's content (its recovery file): always exactly the plan's mode.
    Copy {
        /// The plan's permission bits.
        mode: u32,
    },
    /// An export: a new file is 0666 masked by the umask, as any program's new file, and by the
    /// plan's mode, so a private plan's export is private too.
    Export {
        /// The plan's permission bits.
        plan_mode: u32,
    },
    /// The plan while its read-modify-write lock is held (see [`super::lock`]): as [`Plan`],
    /// and every temporary of earlier saves of it is known dead, so all are swept.
    ///
    /// [`Plan`]: FileRole::Plan
    LockedPlan {
        /// The plan's permission bits.
        mode: u32,
    },
}

/// The permission bits assumed for a plan whose own cannot be read: the umask alone decides.
pub const DEFAULT_PLAN_MODE: u32 = 0o666;

/// The permission bits of the file at `path` (0666 when they cannot be read, so that the umask
/// alone decides, as for any new file).
pub fn mode_of(path: &Path) -> u32 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).map_or(DEFAULT_PLAN_MODE, |meta| meta.permissions().mode() & 0o7777)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        DEFAULT_PLAN_MODE
    }
}

/// Writes `document` to `path` atomically, after checking that the text written can be loaded
/// again: a change that would make the plan unreadable (too large, a date past 9999) is refused
/// and the file is left as it was. Returns the text written.
pub fn save_file(path: &Path, document: &Document, role: FileRole) -> Result<String, PlanError> {
    let text = to_ron(document);
    check_loadable(path, &text)?;
    write_atomically(path, text.as_bytes(), role).map_err(|source| PlanError::Write {
        path: path.to_owned(),
        source,
    })?;
    Ok(text)
}

/// Writes `document` to a new file at `path`, as [`save_file`] does, but never over a file that
/// exists (one made meanwhile by someone else included): then it is an `AlreadyExists` error.
pub fn save_new(path: &Path, document: &Document, role: FileRole) -> Result<String, PlanError> {
    let text = to_ron(document);
    check_loadable(path, &text)?;
    write_file(path, text.as_bytes(), role, Replace::Never).map_err(|source| PlanError::Write {
        path: path.to_owned(),
        source,
    })?;
    Ok(text)
}

/// Refuses text that [`parse`] would not take back.
fn check_loadable(path: &Path, text: &str) -> Result<(), PlanError> {
    let refuse = |why: String| PlanError::Write {
        path: path.to_owned(),
        source: io::Error::new(
            io::ErrorKind::InvalidData,
            format!("the plan would not open again ({why}); nothing was written"),
        ),
    };
    if text.len() as u64 > MAX_PLAN_BYTES {
        return Err(refuse(format!(
            "{} bytes, more than the {MAX_PLAN_BYTES} a plan may have",
            text.len()
        )));
    }
    parse(text, path).map(drop).map_err(|error| {
        // The message names the file already; keep what follows it.
        let message = error.to_string();
        let display = path.display().to_string();
        let why = message
            .strip_prefix(&display)
            .map_or(message.as_str(), |rest| rest.trim_start_matches([':', ' ']));
        refuse(why.lines().next().unwrap_or_default().to_owned())
    })
}

/// The file a write to `path` replaces: links are followed to their end, also a link whose
/// target does not exist yet (it is created where the link points, and the link stays).
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_owned();
    // As the kernel does: a chain this long is a loop.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(folder) if target.is_relative() => folder.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    // The path names no file at all: a mistake in what was asked (`InvalidInput`), which the
    // lock leaves to the reader to report, like a folder or a FIFO.
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{} is a loop of symbolic links", path.display()),
    ))
}

/// Whether a write may replace a file that exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Replace {
    /// Replace it (keeping its mode, owner and group).
    Allowed,
    /// Fail with `AlreadyExists`: for files that must be new.
    Never,
}

/// Temp file in the same folder → write → fsync → rename over the target → fsync the folder.
pub fn write_atomically(path: &Path, bytes: &[u8], role: FileRole) -> io::Result<()> {
    write_file(path, bytes, role, Replace::Allowed)
}

/// Writes an export of the plan at `plan` to `path` through the atomic writer: never more
/// readable than the plan, never over anything but a regular file, and never over the plan
/// itself (through a link, a hard link or another spelling).
pub fn write_export(path: &Path, bytes: &[u8], plan: &Path) -> io::Result<()> {
    if let (Ok(target), Ok(source)) = (fs::metadata(path), fs::metadata(plan))
        && same_file(&target, &source)
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "that is the plan itself; the export would replace it (choose another file)",
        ));
    }
    let role = FileRole::Export {
        plan_mode: mode_of(plan),
    };
    write_atomically(path, bytes, role)
}

fn write_file(path: &Path, bytes: &[u8], role: FileRole, replace: Replace) -> io::Result<()> {
    let target = resolve(path)?;
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!(
                "No such file or directory (the folder {} does not exist)",
                folder.display()
            ),
        ));
    }
    let existing = writable_target(&target, &folder)?;
    if replace == Replace::Never && existing.is_some() {
        return Err(already_exists(&target));
    }
    let name = temp_prefix(&target);
    if matches!(role, FileRole::LockedPlan { .. }) {
        remove_temps(&folder, &name, Duration::ZERO);
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(&name).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created with the umask applied by the kernel, so a new file is never more readable
        // than the plan nor than the user's umask allows; an exact mode is set below.
        let bits = match role {
            FileRole::Export { plan_mode } => 0o666 & plan_mode,
            FileRole::Plan { mode } | FileRole::LockedPlan { mode } | FileRole::Copy { mode } => {
                mode & 0o666
            }
        };
        builder.permissions(fs::Permissions::from_mode(bits));
    }
    let mut temp = builder.tempfile_in(&folder)?;
    temp.write_all(bytes)?;
    give_access(temp.as_file(), existing.as_ref(), role)?;
    temp.as_file().sync_all()?;
    match replace {
        Replace::Allowed => temp.persist(&target).map(drop),
        // Linked into place only if nothing is there: a file made since the check stays.
        Replace::Never => temp.persist_noclobber(&target).map(drop),
    }
    .map_err(|error| match error.error.kind() {
        io::ErrorKind::AlreadyExists => already_exists(&target),
        _ => error.error,
    })?;
    // The rename is durable only once the folder's entry is on disk too.
    #[cfg(unix)]
    fs::File::open(&folder)?.sync_all()?;
    remove_temps(&folder, &name, STALE_AFTER);
    Ok(())
}

/// The metadata of the file that will be replaced (`None` for a new file), after refusing what
/// must not be replaced: anything but a regular file, a read-only file or folder, a file the
/// user may not write.
fn writable_target(target: &Path, folder: &Path) -> io::Result<Option<fs::Metadata>> {
    let refuse = |message: String| Err(io::Error::new(io::ErrorKind::PermissionDenied, message));
    if fs::metadata(folder).is_ok_and(|meta| meta.permissions().readonly()) {
        return refuse(format!("the folder {} is read-only", folder.display()));
    }
    let meta = match fs::symlink_metadata(target) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
        Ok(meta) => meta,
    };
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{} is {}, not a regular file: it is not replaced",
                target.display(),
                kind_of(&meta)
            ),
        ));
    }
    // Even root is refused: the rename would succeed over a read-only file, but the person
    // who made it read-only meant it.
    if meta.permissions().readonly() {
        return refuse("the file is read-only".into());
    }
    // A writable folder lets anyone replace a file in it; only its writers may.
    fs::OpenOptions::new().write(true).open(target)?;
    Ok(Some(meta))
}

/// True when two files' metadata describe the same file (hard links and other paths to it
/// included).
pub fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        // Without inode numbers: the same size and modification time is the best guess.
        a.len() == b.len() && a.modified().ok() == b.modified().ok()
    }
}

fn already_exists(target: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{} exists already; it is left as it is", target.display()),
    )
}

/// Gives the new file the mode, owner and group it must have (see [`FileRole`]).
fn give_access(file: &fs::File, existing: Option<&fs::Metadata>, role: FileRole) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let exact = match (role, existing) {
            (FileRole::Copy { mode }, _) => Some(mode & 0o777),
            (_, Some(meta)) => Some(meta.permissions().mode() & 0o7777),
            (_, None) => None,
        };
        if let Some(mode) = exact {
            file.set_permissions(fs::Permissions::from_mode(mode))?;
        }
        if let Some(meta) = existing {
            // Root saving someone's plan must not make it root's. Anyone else can only give a
            // file to themselves, which is what the rename does anyway: that failure is moot.
            let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, existing, role);
    }
    Ok(())
}

/// Temporary files end in this, after `.<file name>.` and a random part.
const TEMP_SUFFIX: &str = ".cronograma-tmp";

/// A temporary file older than this, of a file written without a lock, is left over from a
/// write that was killed.
const STALE_AFTER: Duration = Duration::from_secs(60);

fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    format!(".{name}.")
}

/// True for a temporary of the file whose temporaries start with `prefix`: the random part
/// between prefix and suffix has no dot, so `plan.ron.json`'s temporaries are not `plan.ron`'s.
fn is_temp_of(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| !random.is_empty() && !random.contains('.'))
}

/// Removes the temporaries of killed writes of the same file older than `age`, whatever their
/// size. Best effort: a file that cannot be read or removed is left alone.
fn remove_temps(folder: &Path, prefix: &str, age: Duration) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        if !is_temp_of(&entry.file_name().to_string_lossy(), prefix) {
            continue;
        }
        let old_enough = age.is_zero()
            || entry
                .metadata()
                .and_then(|meta| meta.modified())
                .ok()
                .and_then(|modified| modified.elapsed().ok())
                .is_some_and(|elapsed| elapsed > age);
        if old_enough {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPORT: FileRole = FileRole::Export { plan_mode: 0o666 };

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new", EXPORT).unwrap();
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
        write_atomically(&link, b"new", EXPORT).unwrap();
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

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_is_followed_and_the_file_made_where_it_points() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("out.json");
        symlink("real.json", &link).unwrap();
        write_atomically(&link, b"{}", EXPORT).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("real.json")).unwrap(),
            "{}"
        );
        let nowhere = dir.path().join("nowhere.json");
        symlink(dir.path().join("gone/real.json"), &nowhere).unwrap();
        let error = write_atomically(&nowhere, b"{}", EXPORT).unwrap_err();
        assert!(error.to_string().contains("gone"), "{error}");
    }

    #[test]
    fn temporaries_left_by_killed_saves_are_swept_once_stale_or_under_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        let stale = dir.path().join(".plan.ron.abc123.cronograma-tmp");
        let young = dir.path().join(".plan.ron.def456.cronograma-tmp");
        let other = dir.path().join(".other.ron.abc123.cronograma-tmp");
        let longer = dir.path().join(".plan.ron.json.abc123.cronograma-tmp");
        for file in [&stale, &young, &other, &longer] {
            fs::write(file, "half a plan").unwrap();
        }
        let long_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
        for file in [&stale, &other, &longer] {
            fs::File::options()
                .write(true)
                .open(file)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }
        write_atomically(&path, b"new", EXPORT).unwrap();
        assert!(!stale.exists(), "a stale temporary of this plan is removed");
        assert!(young.exists(), "a young one may be a write under way");
        assert!(other.exists(), "another plan's temporaries are not ours");
        assert!(
            longer.exists(),
            "nor are those of a file whose name starts alike"
        );
        write_atomically(&path, b"newer", FileRole::LockedPlan { mode: 0o644 }).unwrap();
        assert!(
            !young.exists(),
            "under the lock, every temporary is a dead save's"
        );
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_never_more_readable_than_the_plan() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |name: &str| {
            fs::metadata(dir.path().join(name))
                .unwrap()
                .permissions()
                .mode()
                & 0o777
        };
        let write = |name: &str, role| write_atomically(&dir.path().join(name), b"x", role);
        write("private.json", FileRole::Export { plan_mode: 0o600 }).unwrap();
        assert_eq!(mode("private.json"), 0o600);
        write("plan.ron", FileRole::Plan { mode: 0o640 }).unwrap();
        assert_eq!(
            mode("plan.ron"),
            0o640,
            "a deleted plan comes back as it was"
        );
        fs::write(dir.path().join("plan.ron.recover"), "old").unwrap();
        write("plan.ron.recover", FileRole::Copy { mode: 0o600 }).unwrap();
        assert_eq!(
            mode("plan.ron.recover"),
            0o600,
            "a copy is as private as the plan"
        );
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_replaced() {
        let dir = tempfile::tempdir().unwrap();
        for special in [Path::new("/dev/null"), dir.path()] {
            let error = write_atomically(special, b"x", EXPORT).unwrap_err();
            assert!(error.to_string().contains("not a regular file"), "{error}");
        }
        assert!(Path::new("/dev/null").exists());
    }

    #[test]
    fn a_new_file_never_replaces_one_that_exists() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.ron");
        write_file(&path, b"first", EXPORT, Replace::Never).unwrap();
        let error = write_file(&path, b"second", EXPORT, Replace::Never).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary left"
        );
    }

    #[test]
    fn a_missing_folder_is_an_error_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone").join("plan.ron");
        assert!(write_atomically(&path, b"new", EXPORT).is_err());
        assert!(!path.exists());
    }
}
