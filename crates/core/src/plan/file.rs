//! Files from outside, read safely: only regular files, opened without blocking, read up to a
//! limit. Plans, plan documents, spreadsheets, calendars and the config file all come in here,
//! and the saving side asks what a file that is not a regular file is.

use std::fs;
use std::io::Read;
use std::path::Path;

/// Plans are small; a file larger than this is a mistake (or an attack), not a plan.
pub const MAX_PLAN_BYTES: u64 = 10 * 1024 * 1024;

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads the regular file at `path`, at most `limit` bytes and one more (so a caller can tell a
/// file that is too large without reading all of it). A FIFO, a device or a folder is refused
/// at once: it is opened without blocking and looked at before anything is read, so a FIFO
/// with no writer cannot hang the program and `/dev/zero` cannot fill its memory.
pub fn read_regular(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let (file, meta) = open_regular(path)?;
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize + 1);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Opens the regular file at `path` for reading, without ever blocking: anything but a regular
/// file is an `InvalidInput` error that says what it is.
pub fn open_regular(path: &Path) -> std::io::Result<(fs::File, fs::Metadata)> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("it is {}, not a regular file", kind_of(&meta)),
        ));
    }
    Ok((file, meta))
}

/// "a folder", "a FIFO"…: what a file that is not a regular file is, for messages.
pub fn kind_of(meta: &fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}
