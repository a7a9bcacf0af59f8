//! Saving a document so that a failed save never leaves a partial file.

use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` all at once or not at all: the bytes go to a
/// temporary file in the same directory, which is flushed to disk and then
/// renamed over `path`. On any error the temporary file is removed and
/// `path` is left as it was (absent, or with its old content).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if path.file_name().is_none() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"));
    }
    // Dropping `file` on an early return deletes the temporary file.
    let mut file = tempfile::Builder::new().prefix(".asysta-").suffix(".tmp").tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    sync_directory(dir)
}

/// Makes the rename itself durable (on Unix a directory can be synced).
#[cfg(unix)]
fn sync_directory(dir: &Path) -> io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_directory(_dir: &Path) -> io::Result<()> {
    Ok(())
}
