//! File writes that never leave a partial file behind.

use crate::error::{Result, StoreError};
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to a temporary file beside `path`, syncs it, and renames
/// it over `path`. Readers see the old file or the new one, never a mix.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{file_name}.tmp"));
    let written = (|| {
        let mut file = std::fs::File::create(&tmp).map_err(StoreError::io(&tmp))?;
        file.write_all(bytes).map_err(StoreError::io(&tmp))?;
        file.sync_all().map_err(StoreError::io(&tmp))?;
        drop(file);
        std::fs::rename(&tmp, path).map_err(StoreError::io(path))
    })();
    if written.is_err() {
        // A full disk or a pulled stick: leave nothing half-written behind.
        let _ = std::fs::remove_file(&tmp);
    }
    written?;
    sync_dir(dir);
    Ok(())
}

/// Makes a rename durable. Best effort: not every platform can sync a folder.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
