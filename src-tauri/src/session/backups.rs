//! The session's backups: the store's (asysta_store::backup) for the
//! settings screen and the first-run screen.

use super::Session;
use asysta_core::api::{ApiError, ErrorKind};
use asysta_core::backup::{BackupEntry, BackupOutcome, BackupReason, BackupSettings, RestoreSummary};
use asysta_store::{backup, Presence, Store};
use std::path::Path;

impl Session {
    /// This workspace's backups (none when there is no workspace yet).
    pub fn backups(&self) -> Result<Vec<BackupEntry>, ApiError> {
        if Store::presence(&self.data_dir) == Presence::Absent {
            return Ok(Vec::new());
        }
        Ok(backup::list_backups(&self.data_dir)?)
    }

    pub fn backup_now(&self) -> Result<BackupOutcome, ApiError> {
        Ok(self.store()?.backup_now(BackupReason::Manual)?)
    }

    /// The day's first backup, after the first unlock of the day.
    pub fn daily_backup(&self) -> Result<Option<BackupOutcome>, ApiError> {
        Ok(self.store()?.daily_backup()?)
    }

    pub fn backup_settings(&self) -> Result<BackupSettings, ApiError> {
        Ok(backup::backup_settings(&self.data_dir)?)
    }

    pub fn set_backup_settings(&self, settings: &BackupSettings) -> Result<BackupSettings, ApiError> {
        backup::set_backup_settings(&self.data_dir, settings)?;
        self.backup_settings()
    }

    /// Restores a backup into this data directory, which must hold no
    /// workspace; the window then asks for the passphrase.
    pub fn restore_backup(&mut self, path: &Path) -> Result<RestoreSummary, ApiError> {
        if self.store.is_some() {
            return Err(ApiError::new(ErrorKind::WorkspaceExists));
        }
        Ok(backup::restore_backup(path, &self.data_dir)?)
    }
}
