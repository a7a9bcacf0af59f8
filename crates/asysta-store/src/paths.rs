//! Where a workspace lives on disk.
//!
//! A data directory holds one workspace in the folder `workspace/`: the
//! SQLCipher database `asysta.db` (with its `-wal`/`-shm` files) and the key
//! file `asysta.key` beside it. A new workspace is built in a temporary
//! folder and renamed into place, so a crash during creation never leaves a
//! half-made workspace.

use std::path::{Path, PathBuf};

pub const WORKSPACE_DIR: &str = "workspace";
pub const DATABASE_FILE: &str = "asysta.db";
pub const KEY_FILE: &str = "asysta.key";

/// The files of the workspace in one data directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkspacePaths {
    pub data_dir: PathBuf,
    pub workspace_dir: PathBuf,
    pub database: PathBuf,
    pub key_file: PathBuf,
}

impl WorkspacePaths {
    pub fn new(data_dir: &Path) -> WorkspacePaths {
        let workspace_dir = data_dir.join(WORKSPACE_DIR);
        WorkspacePaths {
            data_dir: data_dir.to_owned(),
            database: workspace_dir.join(DATABASE_FILE),
            key_file: workspace_dir.join(KEY_FILE),
            workspace_dir,
        }
    }

    /// Whether any part of a workspace is present.
    pub fn exists(&self) -> bool {
        self.database.exists() || self.key_file.exists()
    }
}

/// The platform's app-data folder for Asysta, e.g.
/// `~/.local/share/asysta` on Linux.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("pl", "Asysta", "asysta").map(|d| d.data_dir().to_owned())
}

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "ASYSTA_DATA_DIR";

/// The data directory: an explicit choice, else `ASYSTA_DATA_DIR`, else the
/// platform default.
pub fn resolve_data_dir(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit
        .or_else(|| std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(default_data_dir)
}
