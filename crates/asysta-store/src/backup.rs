//! Encrypted backups and restore.
//!
//! A backup is one file (see `file`): a consistent copy of the SQLCipher
//! database taken with SQLite's online backup while the app runs, and the
//! key file as it is on disk. Nothing in it reads without the passphrase
//! or the centre's recovery wrap. Backups go to `backups/` in the data
//! directory and, when set, are copied to a second folder; each is checked
//! after writing (the copy opened with the key and checked by SQLite, the
//! file's bytes against their digest) and a rotation keeps 7 daily, 4
//! weekly and 6 monthly (a setting of the device, `backups.json` in the
//! data directory).
//!
//! Every file is written under a temporary name and renamed when whole:
//! a process killed at any point leaves the previous backups and the
//! workspace as they were and no partial file under a backup's name.
//!
//! A restored workspace continues as a new device (`restore`): it never
//! writes an event under a number its old device may already have sent.

mod file;
mod restore;

pub use file::EXTENSION;
pub(crate) use restore::finish_restore;
pub use restore::restore_backup;

use crate::connection::open_encrypted;
use crate::error::{Result, StoreError};
use crate::fsutil::{sync_dir, write_file_atomically};
use crate::keyfile::KeyFile;
use crate::secret::DatabaseKey;
use crate::Store;
use asysta_core::backup::{BackupEntry, BackupOutcome, BackupReason, BackupSettings};
use file::BackupHeader;
use rusqlite::Connection;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

/// The folder of backups in a data directory.
pub const BACKUP_DIR: &str = "backups";
/// The device's backup settings in a data directory.
pub const SETTINGS_FILE: &str = "backups.json";
/// Temporary files of a backup being written start with this.
const TEMPORARY_PREFIX: &str = ".asysta-kopia-";
/// A temporary file older than this is a killed backup's, and removed.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// The device's backup settings (the defaults when none were saved).
pub fn backup_settings(data_dir: &Path) -> Result<BackupSettings> {
    let path = data_dir.join(SETTINGS_FILE);
    match std::fs::read(&path) {
        Ok(bytes) => {
            serde_json::from_slice(&bytes).map_err(|e| StoreError::DatabaseDamaged(format!("{SETTINGS_FILE}: {e}")))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BackupSettings::default()),
        Err(e) => Err(StoreError::Io { path, source: e }),
    }
}

/// Saves the settings; a second folder must be an existing folder.
pub fn set_backup_settings(data_dir: &Path, settings: &BackupSettings) -> Result<()> {
    if let Some(folder) = &settings.second_folder {
        if !Path::new(folder).is_dir() {
            return Err(StoreError::Invalid(vec![asysta_core::FieldError::with_detail(
                "second_folder",
                asysta_core::FieldErrorCode::NotInList,
                "backup-folder-missing",
            )]));
        }
    }
    std::fs::create_dir_all(data_dir).map_err(StoreError::io(data_dir))?;
    write_file_atomically(&data_dir.join(SETTINGS_FILE), &serde_json::to_vec_pretty(settings)?)
}

/// Every backup of the workspace in `data_dir` (the data directory's and
/// the second folder's), newest first, each checked against its digest.
pub fn list_backups(data_dir: &Path) -> Result<Vec<BackupEntry>> {
    let paths = crate::WorkspacePaths::new(data_dir);
    let workspace = KeyFile::read(&paths.key_file)?.workspace_id;
    let settings = backup_settings(data_dir)?;
    let mut out = Vec::new();
    for (folder, second) in folders(data_dir, &settings) {
        for (path, header) in backups_in(&folder, workspace) {
            let verified = file::verify_backup(&path).is_ok();
            out.push(entry(&path, &header, verified, second));
        }
    }
    out.sort_by(|a, b| b.created_at_ms.cmp(&a.created_at_ms).then(a.second_folder.cmp(&b.second_folder)));
    Ok(out)
}

fn entry(path: &Path, header: &BackupHeader, verified: bool, second_folder: bool) -> BackupEntry {
    BackupEntry {
        path: path.display().to_string(),
        created_at_ms: header.created_at_ms,
        reason: header.reason,
        bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        verified,
        second_folder,
    }
}

/// The data directory's backup folder and the second folder, if set.
fn folders(data_dir: &Path, settings: &BackupSettings) -> Vec<(PathBuf, bool)> {
    let mut out = vec![(data_dir.join(BACKUP_DIR), false)];
    if let Some(second) = &settings.second_folder {
        out.push((PathBuf::from(second), true));
    }
    out
}

/// The backups of `workspace` in `folder` with their headers (others'
/// backups in a shared folder, and anything else, are passed over).
fn backups_in(folder: &Path, workspace: uuid::Uuid) -> Vec<(PathBuf, BackupHeader)> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == EXTENSION))
        .filter_map(|p| file::open_backup(&p).ok().map(|o| (p, o.header)))
        .filter(|(_, h)| h.workspace_id == workspace)
        .collect()
}

/// A backup's local time, for the rotation and the day's first backup.
fn local_time(ms: u64) -> chrono::NaiveDateTime {
    chrono::DateTime::from_timestamp_millis(ms as i64).unwrap_or_default().with_timezone(&chrono::Local).naive_local()
}

/// What a backup is made of, read from an open workspace.
pub(crate) struct Source<'a> {
    pub conn: &'a Connection,
    pub key: &'a DatabaseKey,
    pub data_dir: &'a Path,
    pub key_file: &'a Path,
    pub workspace_id: uuid::Uuid,
    pub device_id: uuid::Uuid,
    pub now_ms: u64,
}

/// Writes a backup of `source` to the data directory's folder and the
/// second folder, checks each, and rotates both.
pub(crate) fn back_up(source: &Source<'_>, reason: BackupReason) -> Result<BackupOutcome> {
    let settings = backup_settings(source.data_dir)?;
    let main = source.data_dir.join(BACKUP_DIR);
    std::fs::create_dir_all(&main).map_err(StoreError::io(&main))?;
    remove_stale_temporaries(&main);
    let name = file_name(source.now_ms, reason, source.device_id);
    let (path, header) = write_checked_backup(source, reason, &main, &name)?;
    let mut outcome = BackupOutcome {
        written: vec![entry(&path, &header, true, false)],
        second_folder_error: None,
        removed: Vec::new(),
    };
    if let Some(second) = &settings.second_folder {
        let second = PathBuf::from(second);
        match copy_checked(&path, &second.join(&name)) {
            Ok(copy) => outcome.written.push(entry(&copy, &header, true, true)),
            Err(e) => outcome.second_folder_error = Some(e.to_string()),
        }
    }
    for (folder, _) in folders(source.data_dir, &settings) {
        outcome.removed.extend(rotate(&folder, source.workspace_id, &settings.rotation));
    }
    Ok(outcome)
}

/// `asysta-kopia-20261207-140531Z-daily-0190f3a2.asysta-kopia`: sorted
/// by time, with the device's first digits so that several laptops can
/// share one folder.
fn file_name(now_ms: u64, reason: BackupReason, device: uuid::Uuid) -> String {
    let when = chrono::DateTime::from_timestamp_millis(now_ms as i64)
        .map(|t| t.format("%Y%m%d-%H%M%S%.3f").to_string().replace('.', "-"))
        .unwrap_or_else(|| "00000000-000000-000".into());
    let device = device.simple().to_string();
    format!("asysta-kopia-{when}Z-{}-{}.{EXTENSION}", reason.as_str(), &device[device.len() - 8..])
}

/// Copies the database, checks the copy, and writes the backup file
/// under `name` in `folder`; its path and header.
fn write_checked_backup(
    source: &Source<'_>,
    reason: BackupReason,
    folder: &Path,
    name: &str,
) -> Result<(PathBuf, BackupHeader)> {
    // The copy: SQLite's online backup into a database keyed alike, under
    // a temporary name (removed when dropped).
    let copy = temporary_in(folder, ".db")?;
    let (events, last_event_row, schema_version) = {
        let mut target = open_encrypted(copy.path(), source.key, true)?;
        {
            let backup = rusqlite::backup::Backup::new(source.conn, &mut target)?;
            backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
        }
        check_copy(&target)?
    };
    let database = copy.path();
    let (digest, bytes) =
        file::digest_of(&mut BufReader::new(std::fs::File::open(database).map_err(StoreError::io(database))?))
            .map_err(StoreError::io(database))?;
    let header = BackupHeader {
        workspace_id: source.workspace_id,
        device_id: source.device_id,
        created_at_ms: source.now_ms,
        reason,
        schema_version,
        events,
        last_event_row,
        database_bytes: bytes,
        database_digest: digest,
        key_file: KeyFile::read(source.key_file)?,
    };
    let target = folder.join(name);
    let mut database = BufReader::new(std::fs::File::open(database).map_err(StoreError::io(database))?);
    write_checked(&target, |out| file::write_backup(out, &header, &mut database))?;
    Ok((target, header))
}

/// Writes a backup file to `target` through `write`: under a temporary
/// name in its folder, synced, renamed, then re-read against its digest
/// (removed when that fails).
fn write_checked(target: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let folder = target.parent().unwrap_or(Path::new("."));
    let partial = temporary_in(folder, ".partial")?;
    {
        let mut out = BufWriter::new(partial.as_file());
        write(&mut out)?;
        out.flush().map_err(StoreError::io(partial.path()))?;
    }
    partial.as_file().sync_all().map_err(StoreError::io(partial.path()))?;
    partial.persist(target).map_err(|e| StoreError::Io { path: target.to_owned(), source: e.error })?;
    sync_dir(folder);
    if let Err(e) = file::verify_backup(target) {
        let _ = std::fs::remove_file(target);
        return Err(e);
    }
    Ok(())
}

/// The copy opens with the key and SQLite finds it whole: its events,
/// last event row and schema version.
fn check_copy(copy: &Connection) -> Result<(u64, i64, i64)> {
    let mut problems: Vec<String> = Vec::new();
    for pragma in ["PRAGMA cipher_integrity_check", "PRAGMA quick_check"] {
        let mut stmt = copy.prepare(pragma)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        for row in rows {
            let row = row?;
            if row != "ok" {
                problems.push(row);
            }
        }
    }
    if !problems.is_empty() {
        return Err(StoreError::DatabaseDamaged(format!("the backup's copy: {}", problems.join("; "))));
    }
    let (events, last) = copy.query_row("SELECT count(*), coalesce(max(rowid), 0) FROM events", [], |r| {
        Ok((r.get::<_, i64>(0)?, r.get(1)?))
    })?;
    Ok((events as u64, last, crate::migrations::user_version(copy)?))
}

/// Copies a finished backup to `to` under a temporary name, then renames
/// it and checks it.
fn copy_checked(from: &Path, to: &Path) -> Result<PathBuf> {
    let folder = to.parent().unwrap_or(Path::new("."));
    if !folder.is_dir() {
        return Err(StoreError::Io {
            path: folder.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "the folder is not there"),
        });
    }
    remove_stale_temporaries(folder);
    let mut input = std::fs::File::open(from).map_err(StoreError::io(from))?;
    write_checked(to, |out| std::io::copy(&mut input, out).map(|_| ()).map_err(StoreError::io(to)))?;
    Ok(to.to_owned())
}

fn temporary_in(folder: &Path, suffix: &str) -> Result<tempfile::NamedTempFile> {
    tempfile::Builder::new().prefix(TEMPORARY_PREFIX).suffix(suffix).tempfile_in(folder).map_err(StoreError::io(folder))
}

/// Removes what a killed backup left under a temporary name (never a
/// finished backup, and not another process's backup under way).
fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_string_lossy().starts_with(TEMPORARY_PREFIX) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Removes the backups of `workspace` in `folder` the rotation does not
/// keep; the paths removed.
fn rotate(folder: &Path, workspace: uuid::Uuid, rotation: &asysta_core::backup::Rotation) -> Vec<String> {
    let backups = backups_in(folder, workspace);
    let times: Vec<chrono::NaiveDateTime> = backups.iter().map(|(_, h)| local_time(h.created_at_ms)).collect();
    let keep = rotation.keep(&times);
    let mut removed = Vec::new();
    for (i, (path, _)) in backups.iter().enumerate() {
        if !keep.contains(&i) && std::fs::remove_file(path).is_ok() {
            removed.push(path.display().to_string());
        }
    }
    if !removed.is_empty() {
        sync_dir(folder);
    }
    removed
}

/// A backup of the workspace at `paths` from a connection opened on it
/// (before a schema upgrade, on the old schema; before a recovery rewraps
/// its key).
pub(crate) fn back_up_workspace(
    conn: &Connection,
    key: &DatabaseKey,
    paths: &crate::WorkspacePaths,
    now_ms: u64,
    reason: BackupReason,
) -> Result<()> {
    let meta = |k: &str| -> Result<uuid::Uuid> {
        let value: String = conn.query_row("SELECT value FROM meta WHERE key = ?1", [k], |r| r.get(0))?;
        value.parse().map_err(|_| StoreError::DatabaseDamaged(format!("meta key {k} is not a uuid")))
    };
    let source = Source {
        conn,
        key,
        data_dir: &paths.data_dir,
        key_file: &paths.key_file,
        workspace_id: meta("workspace_id")?,
        device_id: meta("device_id")?,
        now_ms,
    };
    back_up(&source, reason).map(|_| ())
}

impl Store {
    fn backup_source(&self) -> Source<'_> {
        Source {
            conn: &self.conn,
            key: &self.db_key,
            data_dir: &self.paths().data_dir,
            key_file: &self.paths().key_file,
            workspace_id: self.workspace_id.0,
            device_id: self.device_id.0,
            now_ms: self.env.now_ms(),
        }
    }

    /// Writes a backup now (see the module's documentation).
    pub fn backup_now(&self, reason: BackupReason) -> Result<BackupOutcome> {
        back_up(&self.backup_source(), reason)
    }

    /// The day's first backup: written unless the data directory holds a
    /// backup of this workspace made today (local time).
    pub fn daily_backup(&self) -> Result<Option<BackupOutcome>> {
        let source = self.backup_source();
        let today = local_time(source.now_ms).date();
        let made_today = backups_in(&source.data_dir.join(BACKUP_DIR), source.workspace_id)
            .iter()
            .any(|(_, h)| local_time(h.created_at_ms).date() == today);
        if made_today {
            return Ok(None);
        }
        back_up(&source, BackupReason::Daily).map(Some)
    }

    /// The backup before an import: written unless nothing but imports
    /// was written since the last backup (an import is made again from
    /// its file; what a person typed is not), whether this store's own
    /// imports of this sitting, or nothing at all since the newest backup
    /// of today (the log as it was then).
    pub(crate) fn backup_before_import(&self) -> Result<()> {
        if self.after_imports.is_some() && self.after_imports == Some(self.change_mark()?) {
            return Ok(());
        }
        let source = self.backup_source();
        let (events, last): (i64, i64) =
            self.conn.query_row("SELECT count(*), coalesce(max(rowid), 0) FROM events", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let today = local_time(source.now_ms).date();
        let newest = backups_in(&source.data_dir.join(BACKUP_DIR), source.workspace_id)
            .into_iter()
            .max_by_key(|(_, h)| h.created_at_ms);
        let unchanged = newest.is_some_and(|(_, h)| {
            h.events == events as u64 && h.last_event_row == last && local_time(h.created_at_ms).date() == today
        });
        if !unchanged {
            back_up(&source, BackupReason::Import)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
