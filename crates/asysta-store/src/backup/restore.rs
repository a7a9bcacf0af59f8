//! Restoring a backup into a data directory, and what the restored
//! workspace does at its first opening.
//!
//! A restored workspace **continues as a new device**. The backup is
//! older than the device it was made on: that device may have written and
//! sent events after it (numbers 41–57, say), and a restored copy writing
//! its own 41 would give the centre two different events under one
//! number. Waiting for the centre to give back the old device's later
//! events cannot be sure either (a bundle on a stick in a drawer still
//! holds some). So at its first opening the restored workspace takes a new
//! device id and new keys; the old device's events stay as they are (the
//! centre sends back those it has), and what the restored workspace writes
//! is numbered from 1 under its new id. The centre trusts the new device
//! once, as it trusted the first (its fingerprint); a laptop's assistant
//! stays the same person (the same user id), so their families, caseload
//! and the register carry over. A restored centre's laptops take its new
//! enrolment file once.

use super::file::{self, digest_of};
use crate::environment::{random_array, Environment};
use crate::error::{Result, StoreError};
use crate::fsutil::sync_dir;
use crate::paths::{WorkspacePaths, DATABASE_FILE, KEY_FILE};
use asysta_core::backup::RestoreSummary;
use asysta_core::DeviceId;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::io::{BufWriter, Seek, Write};
use std::path::Path;

/// The file a restore leaves in the workspace folder for its first opening.
pub const RESTORED_MARKER: &str = "asysta.restored";

/// What the first opening of a restored workspace reads.
#[derive(Debug, Serialize, Deserialize)]
struct RestoredMarker {
    /// The device the backup was made on.
    device_id: uuid::Uuid,
    backup_created_at_ms: u64,
}

/// Restores the backup `file` into the data directory `data_dir`, which
/// must hold no workspace (nothing is ever overwritten). The file is
/// checked whole first; the workspace is built in a temporary folder and
/// renamed into place, so a failure leaves `data_dir` as it was. Needs no
/// passphrase: the key file comes with the backup, and the workspace opens
/// with the passphrase it had (or the centre's recovery).
pub fn restore_backup(file: &Path, data_dir: &Path) -> Result<RestoreSummary> {
    let paths = WorkspacePaths::new(data_dir);
    if paths.exists() || paths.workspace_dir.exists() {
        return Err(StoreError::WorkspaceExists(paths.workspace_dir));
    }
    let header = file::verify_backup(file)?;
    std::fs::create_dir_all(data_dir).map_err(StoreError::io(data_dir))?;
    let staging = tempfile::Builder::new()
        .prefix(".workspace-restored-")
        .tempdir_in(data_dir)
        .map_err(StoreError::io(data_dir))?;
    let database = staging.path().join(DATABASE_FILE);
    {
        let mut opened = file::open_backup(file)?;
        let out = std::fs::File::create(&database).map_err(StoreError::io(&database))?;
        let mut writer = BufWriter::new(&out);
        std::io::copy(&mut opened.database, &mut writer).map_err(StoreError::io(&database))?;
        writer.flush().map_err(StoreError::io(&database))?;
        drop(writer);
        out.sync_all().map_err(StoreError::io(&database))?;
    }
    // The bytes written are the bytes checked (a file changed between the
    // check and the copy is refused).
    let (digest, bytes) = {
        let mut written = std::fs::File::open(&database).map_err(StoreError::io(&database))?;
        written.rewind().map_err(StoreError::io(&database))?;
        digest_of(&mut written).map_err(StoreError::io(&database))?
    };
    if digest != header.database_digest || bytes != header.database_bytes {
        return Err(StoreError::BackupDamaged(file.to_owned()));
    }
    header.key_file.write(&staging.path().join(KEY_FILE))?;
    let marker = RestoredMarker { device_id: header.device_id, backup_created_at_ms: header.created_at_ms };
    crate::fsutil::write_file_atomically(&staging.path().join(RESTORED_MARKER), &serde_json::to_vec(&marker)?)?;
    let staged = staging.keep();
    if let Err(e) = std::fs::rename(&staged, &paths.workspace_dir) {
        let _ = std::fs::remove_dir_all(&staged);
        return Err(if paths.workspace_dir.exists() {
            StoreError::WorkspaceExists(paths.workspace_dir)
        } else {
            StoreError::Io { path: paths.workspace_dir, source: e }
        });
    }
    sync_dir(data_dir);
    Ok(RestoreSummary {
        data_dir: data_dir.display().to_string(),
        created_at_ms: header.created_at_ms,
        events: header.events,
        backed_up_device: header.device_id.to_string(),
    })
}

/// At the opening of a workspace: when it was restored, it takes a new
/// device id and new keys (in one transaction), then the marker goes. A
/// crash between the two is met at the next opening: the device id no
/// longer matches the marker's, so only the marker is removed.
pub(crate) fn finish_restore(conn: &mut Connection, paths: &WorkspacePaths, env: &mut dyn Environment) -> Result<()> {
    let marker_path = paths.workspace_dir.join(RESTORED_MARKER);
    let bytes = match std::fs::read(&marker_path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StoreError::Io { path: marker_path, source: e }),
    };
    let marker: RestoredMarker =
        serde_json::from_slice(&bytes).map_err(|e| StoreError::DatabaseDamaged(format!("{RESTORED_MARKER}: {e}")))?;
    let current: String = conn.query_row("SELECT value FROM meta WHERE key = 'device_id'", [], |r| r.get(0))?;
    if current == marker.device_id.to_string() {
        let new_device = DeviceId::new_v7(env.now_ms(), random_array(env)?);
        let tx = conn.transaction()?;
        tx.execute("UPDATE meta SET value = ?1 WHERE key = 'device_id'", [new_device.to_string()])?;
        tx.execute("DELETE FROM own_keys", [])?;
        crate::exchange::keys::generate(&tx, env)?;
        tx.commit()?;
    }
    std::fs::remove_file(&marker_path).map_err(StoreError::io(&marker_path))?;
    sync_dir(&paths.workspace_dir);
    Ok(())
}
