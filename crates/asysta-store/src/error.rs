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
    #[error("{file}: {source}")]
    Bundle {
        file: String,
        #[source]
        source: asysta_bundle::BundleError,
    },
    #[error(
        "{file}: the bundle comes from a device not enrolled here ({name}); compare its fingerprint {fingerprint} \
         with the one on that device's screen, then import with --trust-device {fingerprint}"
    )]
    UnknownDevice { file: String, name: String, fingerprint: String },
    #[error("{file}: device {device} signed with other keys than the ones trusted for it; nothing was imported")]
    DeviceKeysChanged { file: String, device: asysta_core::DeviceId },
    #[error("{file}: the fingerprint given ({given}) is not the sending device's ({found})")]
    FingerprintMismatch { file: String, given: String, found: String },
    #[error(
        "{file}: the bundle brings new events of device {device}, which did not send it, or in another person's name"
    )]
    ForeignEvents { file: String, device: asysta_core::DeviceId },
    #[error("{file}: the bundle breaks the role policy ({what}) for device {device}; nothing was imported")]
    PolicyBreach { file: String, device: String, what: PolicyBreach },
    #[error("{file}: this is this workspace's own bundle")]
    OwnBundle { file: String },
    #[error("{file}: the bundle does not come from the centre this laptop is enrolled with")]
    NotFromCentre { file: String },
    #[error("this laptop is not enrolled with a centre yet (asysta enrol FILE)")]
    NotEnrolled,
    #[error("this needs a {needed} workspace")]
    WrongRole { needed: &'static str },
    #[error("invalid enrolment file: {0}")]
    Enrolment(asysta_bundle::BundleError),
    #[error("this laptop is already enrolled with another centre ({centre})")]
    EnrolledElsewhere { centre: String },
    #[error("no device {0} is enrolled here")]
    UnknownPeer(String),
    #[error("{0} is not an Asysta backup (or its beginning is damaged)")]
    NotABackup(PathBuf),
    #[error("the backup {0} is damaged: its bytes do not match the digest it was written with")]
    BackupDamaged(PathBuf),
    #[error("the workspace in {0} has no recovery key: it was never enrolled with a centre")]
    NoRecoveryWrap(PathBuf),
    #[error("the workspace in {0} is recoverable only by the centre it enrolled with, not this one")]
    NotRecoverableHere(PathBuf),
    #[error("evaluation {0} was submitted and is frozen; a correction is a new version")]
    EvaluationFrozen(String),
    #[error("evaluation {0} is not waiting for a decision")]
    EvaluationNotSubmitted(String),
    #[error("the work cannot be closed before a final evaluation is submitted")]
    FinalEvaluationMissing,
    #[error("opinion {0} is final and locked")]
    OpinionLocked(String),
    #[error("the case is archived and read-only")]
    CaseArchived,
    #[error("the family was handed over to another assistant and is read-only here")]
    CaseHandedOver,
    #[error("the family's transfer to {to} still waits for the old laptop")]
    TransferPending { to: String },
    #[error("{name} has {active} active families on {on} (the cap is {cap})")]
    AssigneeCaseloadFull { name: String, active: u32, cap: u32, on: chrono::NaiveDate },
    #[error("the family is with {name} already")]
    AlreadyAssigned { name: String },
    #[error("plan version {0} is not waiting for a decision")]
    PlanNotSubmitted(u32),
}

/// What an imported bundle broke of the role policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PolicyBreach {
    /// The header's role is not the one the device was enrolled with.
    Role,
    /// An event of a kind its writer's role may not make.
    Kind,
    /// An event in a family that is not its writer's.
    Family,
    /// An event in the name of someone other than the device's user.
    Author,
}

impl PolicyBreach {
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyBreach::Role => "role",
            PolicyBreach::Kind => "kind",
            PolicyBreach::Family => "family",
            PolicyBreach::Author => "author",
        }
    }
}

impl std::fmt::Display for PolicyBreach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
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
            StoreError::NotABackup(_) => ErrorKind::NotABackup,
            StoreError::BackupDamaged(_) => ErrorKind::BackupDamaged,
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
            StoreError::Bundle { source, .. } => bundle_kind(source),
            StoreError::UnknownDevice { .. } => ErrorKind::DeviceUnknown,
            StoreError::DeviceKeysChanged { .. } => ErrorKind::DeviceKeysChanged,
            StoreError::FingerprintMismatch { .. } => ErrorKind::FingerprintMismatch,
            StoreError::OwnBundle { .. } => ErrorKind::BundleOwn,
            StoreError::ForeignEvents { .. } => ErrorKind::BundleForeignEvents,
            StoreError::PolicyBreach { .. } => ErrorKind::BundlePolicy,
            StoreError::NotFromCentre { .. } => ErrorKind::BundleNotFromCentre,
            StoreError::NotEnrolled => ErrorKind::NotEnrolled,
            StoreError::WrongRole { .. } => ErrorKind::WrongRole,
            StoreError::Enrolment(_) => ErrorKind::EnrolmentInvalid,
            StoreError::EnrolledElsewhere { .. } => ErrorKind::EnrolledElsewhere,
            StoreError::UnknownPeer(_) => ErrorKind::NotFound,
            StoreError::NoRecoveryWrap(_) | StoreError::NotRecoverableHere(_) => ErrorKind::RecoveryUnavailable,
            StoreError::EvaluationFrozen(_) => ErrorKind::EvaluationFrozen,
            StoreError::EvaluationNotSubmitted(_) => ErrorKind::EvaluationNotSubmitted,
            StoreError::FinalEvaluationMissing => ErrorKind::FinalEvaluationMissing,
            StoreError::OpinionLocked(_) => ErrorKind::OpinionLocked,
            StoreError::CaseArchived => ErrorKind::CaseArchived,
            StoreError::CaseHandedOver => ErrorKind::CaseHandedOver,
            StoreError::TransferPending { .. } => ErrorKind::TransferPending,
            StoreError::AssigneeCaseloadFull { .. } => ErrorKind::AssigneeCaseloadFull,
            StoreError::AlreadyAssigned { .. } => ErrorKind::AlreadyAssigned,
            StoreError::PlanNotSubmitted(_) => ErrorKind::PlanNotSubmitted,
            StoreError::Sqlite(_) | StoreError::Json(_) | StoreError::Random(_) | StoreError::CorruptLog(_) => {
                ErrorKind::Internal
            }
        }
    }
}

fn bundle_kind(e: &asysta_bundle::BundleError) -> ErrorKind {
    use asysta_bundle::BundleError as B;
    match e {
        B::NotABundle => ErrorKind::BundleNotABundle,
        B::WrongRecipient => ErrorKind::BundleWrongRecipient,
        B::TooNew { .. } => ErrorKind::BundleTooNew,
        B::Truncated => ErrorKind::BundleTruncated,
        B::Damaged(_) | B::InvalidKey(_) => ErrorKind::BundleDamaged,
        B::BadSignature => ErrorKind::BundleBadSignature,
        B::InvalidEnrolment(_) => ErrorKind::EnrolmentInvalid,
        B::Encrypt(_) => ErrorKind::Internal,
    }
}

/// At the IPC boundary only the kind, the refused fields and a few named
/// arguments cross (a bundle's file name, a fingerprint, a device's user):
/// the text of a database error may quote personal data.
impl From<&StoreError> for ApiError {
    fn from(e: &StoreError) -> Self {
        let args: &[(&str, String)] = match e {
            StoreError::Invalid(fields) => return ApiError::invalid(fields.clone()),
            StoreError::Bundle { file, .. }
            | StoreError::DeviceKeysChanged { file, .. }
            | StoreError::ForeignEvents { file, .. }
            | StoreError::OwnBundle { file }
            | StoreError::NotFromCentre { file } => &[("file", file.clone())],
            StoreError::UnknownDevice { file, name, fingerprint } => {
                &[("file", file.clone()), ("name", name.clone()), ("fingerprint", fingerprint.clone())]
            }
            StoreError::FingerprintMismatch { file, given, found } => {
                &[("file", file.clone()), ("given", given.clone()), ("fingerprint", found.clone())]
            }
            StoreError::EnrolledElsewhere { centre } => &[("centre", centre.clone())],
            StoreError::TransferPending { to } => &[("name", to.clone())],
            StoreError::AlreadyAssigned { name } => &[("name", name.clone())],
            StoreError::PlanNotSubmitted(version) => &[("version", version.to_string())],
            StoreError::AssigneeCaseloadFull { name, active, cap, on } => &[
                ("name", name.clone()),
                ("active", active.to_string()),
                ("cap", cap.to_string()),
                ("on", on.format("%d.%m.%Y").to_string()),
            ],
            StoreError::PolicyBreach { file, device, what } => {
                &[("file", file.clone()), ("device", device.clone()), ("what", what.as_str().to_owned())]
            }
            _ => &[],
        };
        let mut error = ApiError::new(e.kind());
        error.args = args.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
        error
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError::from(&e)
    }
}
