//! Backups as the window, the CLI and the store see them: why one was
//! made, what a listing shows, the device's settings, and which backups a
//! rotation keeps. The files themselves are the store's (asysta-store's
//! `backup` module).

mod rotation;

pub use rotation::{Rotation, KEEP_NEWEST};

use serde::{Deserialize, Serialize};

/// Why a backup was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// The day's first unlock.
    Daily,
    /// Asked for (`asysta backup now`, the settings screen).
    Manual,
    /// Before an import.
    Import,
    /// Before the schema was upgraded.
    Upgrade,
    /// Before the key file was rewrapped by the centre's recovery.
    Recovery,
}

impl BackupReason {
    pub fn as_str(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::Manual => "manual",
            BackupReason::Import => "import",
            BackupReason::Upgrade => "upgrade",
            BackupReason::Recovery => "recovery",
        }
    }
}

/// One backup file of this workspace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupEntry {
    pub path: String,
    pub created_at_ms: u64,
    pub reason: BackupReason,
    /// The file's size.
    pub bytes: u64,
    /// Whether the file's bytes match the digest it was written with.
    pub verified: bool,
    /// In the second folder (a USB stick, a share), not the data directory.
    pub second_folder: bool,
}

/// A device's backup settings (kept on the device, not sent anywhere).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupSettings {
    /// A second folder every backup is copied to.
    #[serde(default)]
    pub second_folder: Option<String>,
    #[serde(default)]
    pub rotation: Rotation,
}

/// What one backup did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupOutcome {
    /// The backups written (in the data directory, then the second folder).
    pub written: Vec<BackupEntry>,
    /// Why the copy to the second folder failed (a stick not plugged in),
    /// when it did; the backup in the data directory stands.
    pub second_folder_error: Option<String>,
    /// Older backups the rotation removed.
    pub removed: Vec<String>,
}

/// What a restore did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestoreSummary {
    /// The data directory the workspace was restored into.
    pub data_dir: String,
    pub created_at_ms: u64,
    pub events: u64,
    /// The device the backup was made on; the restored workspace writes as
    /// a new device from its first opening.
    pub backed_up_device: String,
}
