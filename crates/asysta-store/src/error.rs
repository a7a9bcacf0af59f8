//! The store's errors.

use asysta_core::api::{ApiError, ErrorKind};
use asysta_core::record::FamilyStatus;
use asysta_core::FieldError;
use std::path::PathBuf;

/// Everything that can go wrong opening or using a workspace.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("wrong passphrase")]
    WrongPassphrase,
    #[error("the key file {0} is missing beside the database")]
    KeyFileMissing(PathBuf),
    #[error("the key file {path} is damaged: {reason}")]
    KeyFileDamaged { path: PathBuf, reason: String },
    #[error("the database {0} is missing beside the key file")]
    DatabaseMissing(PathBuf),
    #[error("the database has schema version {found}, newer than this app's {supported}")]
    DatabaseTooNew { found: i64, supported: i64 },
    #[error("the database is damaged or does not match the key file: {0}")]
    DatabaseDamaged(String),
    #[error("a workspace already exists in {0}")]
    WorkspaceExists(PathBuf),
    #[error("there is no workspace in {0}")]
    WorkspaceMissing(PathBuf),
    #[error("record {0} not found")]
    NotFound(String),
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("the caseload cap is reached: {active} active families of {cap} allowed")]
    CaseloadFull { active: u32, cap: u32 },
    #[error("a family cannot move from {from:?} to {to:?}")]
    StatusChange { from: FamilyStatus, to: FamilyStatus },
    #[error("file system error at {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("event payload error: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the operating system's random number generator failed: {0}")]
    Random(String),
    #[error("corrupt event log: {0}")]
    CorruptLog(String),
    #[error("event {seq} of device {device_id} differs from the one already received under that number")]
    Tampered { device_id: asysta_core::DeviceId, seq: u64 },
    #[error("an event has schema version {found}, newer than this app's {supported}")]
    EventSchemaTooNew { found: u32, supported: u32 },
    #[error("an event cannot be taken in: {0}")]
    InvalidEvent(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> StoreError {
        let path = path.into();
        move |source| StoreError::Io { path, source }
    }

    /// The stable kind a user is told about.
    pub fn kind(&self) -> ErrorKind {
        match self {
            StoreError::WrongPassphrase => ErrorKind::WrongPassphrase,
            StoreError::KeyFileMissing(_) => ErrorKind::KeyFileMissing,
            StoreError::KeyFileDamaged { .. } => ErrorKind::KeyFileDamaged,
            StoreError::DatabaseMissing(_) => ErrorKind::DatabaseMissing,
            StoreError::DatabaseTooNew { .. } => ErrorKind::DatabaseTooNew,
            StoreError::DatabaseDamaged(_) => ErrorKind::DatabaseDamaged,
            StoreError::WorkspaceExists(_) => ErrorKind::WorkspaceExists,
            StoreError::WorkspaceMissing(_) => ErrorKind::WorkspaceMissing,
            StoreError::NotFound(_) => ErrorKind::NotFound,
            StoreError::Invalid(_) => ErrorKind::Invalid,
            StoreError::CaseloadFull { .. } => ErrorKind::CaseloadFull,
            StoreError::StatusChange { .. } => ErrorKind::StatusChange,
            StoreError::Io { .. } => ErrorKind::Storage,
            StoreError::Tampered { .. } => ErrorKind::EventsTampered,
            StoreError::EventSchemaTooNew { .. } => ErrorKind::EventsTooNew,
            StoreError::InvalidEvent(_) => ErrorKind::EventInvalid,
            StoreError::Sqlite(_) | StoreError::Json(_) | StoreError::Random(_) | StoreError::CorruptLog(_) => {
                ErrorKind::Internal
            }
        }
    }
}

/// At the IPC boundary only the kind and the refused fields cross: the text
/// of a database error may quote personal data.
impl From<&StoreError> for ApiError {
    fn from(e: &StoreError) -> Self {
        match e {
            StoreError::Invalid(fields) => ApiError::invalid(fields.clone()),
            other => ApiError::new(other.kind()),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError::from(&e)
    }
}
