//! File writes that never leave a partial file behind: the one helper every
//! crate uses (bundles, the key file, enrolment files, printed documents).

use crate::error::{Result, StoreError};
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` all at once or not at all: the bytes go to a
/// temporary file in the same directory, which is flushed to disk and then
/// renamed over `path`, and the directory is synced. On any error the
/// temporary file is removed and `path` is left as it was (absent, or with
/// its old content). Readers see the old file or the new one, never a mix.
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
    sync_dir(dir);
    Ok(())
}

/// [`write_atomically`], its failure as the store's error.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomically(path, bytes).map_err(StoreError::io(path))
}

/// Makes a rename durable. Best effort: not every platform can sync a folder.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
