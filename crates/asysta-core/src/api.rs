//! The typed contract between the UI and the desktop shell: request and
//! reply types of every command, and the error every command can return.
//! Both sides compile this module, so a renamed field is a compile error,
//! not a runtime surprise.

mod check;
mod drafts;
mod visit_view;
pub use check::{CheckReport, TableDifference};
pub use drafts::{DraftKind, FormDraft};
pub use visit_view::VisitView;

use crate::event::Event;
use crate::family::FamilySummary;
use crate::ids::EntityId;
use crate::member::{DuplicateReason, MemberDetails};
use crate::plan::{PlanVersion, ProgressNote};
use crate::record::CaseDetails;
use crate::validation::FieldError;
use crate::visit::VisitDraft;
use crate::workspace::WorkspaceInfo;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the app finds in its data directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum WorkspaceStatus {
    /// No workspace yet: the first-start screen.
    Absent,
    /// A workspace exists and waits for its passphrase.
    Locked,
    /// The workspace is open.
    Unlocked { info: WorkspaceInfo },
}

/// A member as the case screen shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    pub id: EntityId,
    pub rev: u64,
    #[serde(flatten)]
    pub details: MemberDetails,
}

/// A note on a family.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteView {
    pub id: EntityId,
    pub text: String,
    /// Kept out of every export and printout by default.
    pub restricted: bool,
    pub created_at_ms: u64,
    pub author_name: String,
}

/// A possible duplicate of a person being entered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateView {
    pub member_id: EntityId,
    pub family_id: EntityId,
    pub family_name: String,
    pub first_name: String,
    pub last_name: String,
    pub reason: DuplicateReason,
}

/// The whole case of one family (`asysta family show`, the case screen).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyCase {
    pub family: FamilySummary,
    /// Why the status last changed (e.g. the reason for closing).
    pub status_reason: String,
    pub details: CaseDetails,
    pub members: Vec<MemberView>,
    pub notes: Vec<NoteView>,
    /// Every version of the work plan, oldest first (the last is current).
    #[serde(default)]
    pub plan_versions: Vec<PlanVersion>,
    /// Progress on plan actions (from visits and on their own), by date.
    #[serde(default)]
    pub progress_notes: Vec<ProgressNote>,
    /// The visit diary, newest first.
    #[serde(default)]
    pub visits: Vec<VisitView>,
    /// Fields of this case's records changed concurrently on two devices,
    /// until a person resolves them (see `asysta_core::merge`).
    #[serde(default)]
    pub conflicts: Vec<crate::merge::Conflict>,
    /// When the status last changed (the closing date, the start of
    /// monitoring...).
    #[serde(default)]
    pub status_on: Option<NaiveDate>,
    /// The closing of the work, kept through monitoring and archiving.
    #[serde(default)]
    pub closing: Option<crate::closing::ClosingView>,
    /// The last day of monitoring, while the family is monitored.
    #[serde(default)]
    pub monitoring_until: Option<NaiveDate>,
    /// The evaluations, oldest first (corrections after what they correct).
    #[serde(default)]
    pub evaluations: Vec<crate::evaluation::EvaluationView>,
    /// When the next evaluation is due (active families only).
    #[serde(default)]
    pub next_evaluation_due: Option<NaiveDate>,
    /// The court's requests for opinions, by due date.
    #[serde(default)]
    pub opinions: Vec<crate::opinion::OpinionView>,
    /// Who had the family when, the referral it started from, plan
    /// versions submitted to the centre, comments, a transfer.
    #[serde(default)]
    pub steering: CaseSteering,
}

/// The centre's steering of one case, as the case shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseSteering {
    /// Oldest first (empty: the case waits for an assistant).
    #[serde(default)]
    pub assignments: Vec<crate::centre::AssignmentRow>,
    #[serde(default)]
    pub referral: Option<crate::centre::Referral>,
    /// Each submission of a plan version and the centre's decisions.
    #[serde(default)]
    pub plan_approvals: Vec<crate::centre::PlanApproval>,
    /// Oldest first, each marked unread when the other side wrote it and
    /// this device has not shown it.
    #[serde(default)]
    pub comments: Vec<crate::centre::comment::CommentView>,
    #[serde(default)]
    pub transfer: Option<crate::centre::TransferNotice>,
    /// The family the supervisor merged this one into.
    #[serde(default)]
    pub merged_into: Option<EntityId>,
    /// Whether this device may only read the case (handed over).
    #[serde(default)]
    pub read_only: bool,
}

/// What the case needs from the centre's lists to write evaluations and
/// close the work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseVocabulary {
    pub rating_scale: Vec<crate::evaluation::RatingLevel>,
    pub closing_reasons: Vec<crate::closing::ClosingReason>,
    /// Months between evaluations.
    pub evaluation_months: u32,
    /// Months of monitoring after closing.
    pub monitoring_months: u32,
    /// Minutes without use before the app locks itself.
    pub lock_minutes: u32,
}

/// A document to print (`asysta print …`, the "Drukuj / zapisz PDF"
/// buttons).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "document", rename_all = "snake_case")]
pub enum PrintJob {
    /// A version of the work plan (`None`: the one in force).
    Plan {
        family_id: EntityId,
        version: Option<u32>,
    },
    Evaluation {
        evaluation_id: EntityId,
    },
    /// A court opinion as a PDF.
    Opinion {
        opinion_id: EntityId,
    },
    /// A court opinion as an editable DOCX.
    OpinionDocx {
        opinion_id: EntityId,
    },
    /// The record of one visit, with signature lines.
    Visit {
        visit_id: EntityId,
    },
    /// A month of a family's visit diary.
    Diary {
        family_id: EntityId,
        year: i32,
        month: u32,
    },
    /// The assistant's monthly report over the active families and those
    /// with a contact that month.
    Monthly {
        year: i32,
        month: u32,
        /// At a centre: one assistant's (their register id), or every
        /// assistant's when `None`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assistant: Option<EntityId>,
    },
    /// The centre's half-year figures on its family assistants (`2026-H2`).
    HalfYear {
        period: String,
    },
}

/// Something with a date the home screen lists: an evaluation, a court
/// opinion, or the end of monitoring.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueItem {
    pub family_id: EntityId,
    pub family_name: String,
    pub what: DueWhat,
    pub state: crate::evaluation::DueState,
}

/// What is due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DueWhat {
    /// The periodic evaluation (`last`: the previous one's date).
    Evaluation { last: Option<NaiveDate> },
    /// A court opinion.
    Opinion { opinion_id: EntityId, court: String, case_signature: String },
    /// The end of monitoring: the case is to be archived.
    MonitoringEnd,
}

/// A planned contact (the next date recorded on a family's last visit).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedVisit {
    pub family_id: EntityId,
    pub family_name: String,
    pub date: NaiveDate,
}

/// A visit planned ahead, with its family's name; `missed` when its day
/// has passed and it did not become a diary entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduledVisit {
    pub id: EntityId,
    pub family_id: EntityId,
    pub family_name: String,
    pub date: NaiveDate,
    /// `HH:MM`.
    pub time: String,
    pub place: crate::visit::Place,
    pub purpose: String,
    pub missed: bool,
}

impl ScheduledVisit {
    /// The diary entry's form when the visit takes place: its date, time
    /// (an hour long, as planned) and place; a home visit at the family's
    /// home, otherwise accompanying a member there. The rest is typed.
    pub fn entry_form(&self) -> crate::visit::VisitForm {
        use crate::visit::{ContactForm, Place};
        let start = chrono::NaiveTime::parse_from_str(&self.time, "%H:%M").ok();
        let end = start.map(|s| s.overflowing_add_signed(chrono::Duration::hours(1)).0.max(s));
        let form = match self.place {
            Place::Home => ContactForm::HomeVisit,
            _ => ContactForm::Accompanying,
        };
        crate::visit::VisitForm {
            date: self.date.format("%Y-%m-%d").to_string(),
            start: self.time.clone(),
            end: end.map(|e| e.format("%H:%M").to_string()).unwrap_or_default(),
            place: self.place.kind().to_owned(),
            place_other: match &self.place {
                Place::Other { text } => text.clone(),
                _ => String::new(),
            },
            form: form.as_str().to_owned(),
            ..Default::default()
        }
    }
}

/// An attachment as the case shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentView {
    pub id: EntityId,
    pub family_id: EntityId,
    pub target: crate::attachment::AttachedTo,
    pub file_name: String,
    pub kind: crate::attachment::FileKind,
    pub size: u64,
    pub digest: String,
    pub restricted: bool,
    pub created_at_ms: u64,
    pub author_name: String,
}

/// A visit draft with the name of its family, for the home screen's list
/// of entries to finish.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftView {
    pub family_name: String,
    #[serde(flatten)]
    pub draft: VisitDraft,
}

/// A record's history: its events, oldest first.
pub type History = Vec<Event>;

/// The kinds of failure a user can be told about. Stable names: the UI and
/// the CLI map each to a Fluent message `error-<kind>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The passphrase does not open the key file.
    WrongPassphrase,
    /// The database exists but its key file does not.
    KeyFileMissing,
    /// The key file cannot be read as a key file.
    KeyFileDamaged,
    /// The key file exists but its database does not.
    DatabaseMissing,
    /// The database was written by a newer version of Asysta.
    DatabaseTooNew,
    /// The database cannot be read although the key is right.
    DatabaseDamaged,
    /// A workspace already exists where a new one was to be created.
    WorkspaceExists,
    /// The file chosen to restore is not a backup.
    NotABackup,
    /// A backup's bytes do not match its digest.
    BackupDamaged,
    /// There is no workspace in the data directory.
    WorkspaceMissing,
    /// The workspace must be unlocked first.
    Locked,
    /// No program on this computer opens the file (a PDF viewer).
    NoViewer,
    /// The app's printer (`asysta-typeset`, installed beside it) is
    /// missing or broken: an installation fault.
    PrinterMissing,
    /// The record does not exist.
    NotFound,
    /// Some fields were refused; see [`ApiError::fields`].
    Invalid,
    /// Taking on one more active family would exceed the caseload cap.
    CaseloadFull,
    /// The family's status cannot move that way.
    StatusChange,
    /// Reading or writing the data directory failed.
    Storage,
    /// Events from another device differ from the ones already received
    /// under the same numbers: nothing of the batch was taken in.
    EventsTampered,
    /// Events written by a newer version of Asysta: nothing was taken in.
    EventsTooNew,
    /// An event from another device is malformed: nothing was taken in.
    EventInvalid,
    /// The file is not a bundle.
    BundleNotABundle,
    /// The bundle is addressed to another workspace.
    BundleWrongRecipient,
    /// The bundle was written by a newer version of Asysta.
    BundleTooNew,
    /// The bundle is cut short.
    BundleTruncated,
    /// The bundle was changed or damaged.
    BundleDamaged,
    /// The bundle's signature does not hold.
    BundleBadSignature,
    /// The bundle's device is not enrolled; its fingerprint is in the args.
    DeviceUnknown,
    /// A known device signed with other keys.
    DeviceKeysChanged,
    /// The fingerprint typed is not the device's.
    FingerprintMismatch,
    /// A workspace's own bundle.
    BundleOwn,
    /// A laptop's bundle with new events of another device or author.
    BundleForeignEvents,
    /// On a laptop, a bundle not from its centre.
    BundleNotFromCentre,
    /// A bundle with an event its writer's enrolled role may not make, in
    /// a family that is not its writer's, in another person's name, or
    /// whose header claims another role than the enrolled one (`what`).
    BundlePolicy,
    /// The laptop has no centre yet.
    NotEnrolled,
    /// The operation belongs to the other kind of workspace.
    WrongRole,
    /// The enrolment file cannot be used.
    EnrolmentInvalid,
    /// The laptop is enrolled with another centre.
    EnrolledElsewhere,
    /// The workspace cannot be recovered here.
    RecoveryUnavailable,
    /// A submitted evaluation cannot change; a correction is a new version.
    EvaluationFrozen,
    /// The evaluation is not waiting for a decision.
    EvaluationNotSubmitted,
    /// Closing the work needs a final evaluation submitted first.
    FinalEvaluationMissing,
    /// The opinion is final and locked.
    OpinionLocked,
    /// The case is archived: read-only.
    CaseArchived,
    /// The family was handed over to another assistant: read-only here.
    CaseHandedOver,
    /// The family's transfer still waits for the old laptop.
    TransferPending,
    /// The assistant's caseload on the day is at the cap.
    AssigneeCaseloadFull,
    /// The family has an assistant already (a change is a transfer).
    AlreadyAssigned,
    /// The plan version is not waiting for a decision.
    PlanNotSubmitted,
    /// An unexpected failure (a bug).
    Internal,
}

impl ErrorKind {
    /// The Fluent message id that explains this error to the user.
    pub fn message_id(self) -> &'static str {
        match self {
            ErrorKind::WrongPassphrase => "error-wrong-passphrase",
            ErrorKind::KeyFileMissing => "error-key-file-missing",
            ErrorKind::KeyFileDamaged => "error-key-file-damaged",
            ErrorKind::DatabaseMissing => "error-database-missing",
            ErrorKind::DatabaseTooNew => "error-database-too-new",
            ErrorKind::DatabaseDamaged => "error-database-damaged",
            ErrorKind::WorkspaceExists => "error-workspace-exists",
            ErrorKind::NotABackup => "error-not-a-backup",
            ErrorKind::BackupDamaged => "error-backup-damaged",
            ErrorKind::WorkspaceMissing => "error-workspace-missing",
            ErrorKind::Locked => "error-locked",
            ErrorKind::NoViewer => "error-no-viewer",
            ErrorKind::PrinterMissing => "error-printer-missing",
            ErrorKind::NotFound => "error-not-found",
            ErrorKind::Invalid => "error-invalid",
            ErrorKind::CaseloadFull => "error-caseload-full",
            ErrorKind::StatusChange => "error-status-change",
            ErrorKind::Storage => "error-storage",
            ErrorKind::EventsTampered => "error-events-tampered",
            ErrorKind::EventsTooNew => "error-events-too-new",
            ErrorKind::EventInvalid => "error-event-invalid",
            ErrorKind::BundleNotABundle => "error-bundle-not-a-bundle",
            ErrorKind::BundleWrongRecipient => "error-bundle-wrong-recipient",
            ErrorKind::BundleTooNew => "error-bundle-too-new",
            ErrorKind::BundleTruncated => "error-bundle-truncated",
            ErrorKind::BundleDamaged => "error-bundle-damaged",
            ErrorKind::BundleBadSignature => "error-bundle-bad-signature",
            ErrorKind::DeviceUnknown => "error-device-unknown",
            ErrorKind::DeviceKeysChanged => "error-device-keys-changed",
            ErrorKind::FingerprintMismatch => "error-fingerprint-mismatch",
            ErrorKind::BundleOwn => "error-bundle-own",
            ErrorKind::BundleForeignEvents => "error-bundle-foreign-events",
            ErrorKind::BundlePolicy => "error-bundle-policy",
            ErrorKind::BundleNotFromCentre => "error-bundle-not-from-centre",
            ErrorKind::NotEnrolled => "error-not-enrolled",
            ErrorKind::WrongRole => "error-wrong-role",
            ErrorKind::EnrolmentInvalid => "error-enrolment-invalid",
            ErrorKind::EnrolledElsewhere => "error-enrolled-elsewhere",
            ErrorKind::RecoveryUnavailable => "error-recovery-unavailable",
            ErrorKind::EvaluationFrozen => "error-evaluation-frozen",
            ErrorKind::EvaluationNotSubmitted => "error-evaluation-not-submitted",
            ErrorKind::FinalEvaluationMissing => "error-final-evaluation-missing",
            ErrorKind::OpinionLocked => "error-opinion-locked",
            ErrorKind::CaseArchived => "error-case-archived",
            ErrorKind::CaseHandedOver => "error-case-handed-over",
            ErrorKind::TransferPending => "error-transfer-pending",
            ErrorKind::AssigneeCaseloadFull => "error-assignee-caseload-full",
            ErrorKind::AlreadyAssigned => "error-already-assigned",
            ErrorKind::PlanNotSubmitted => "error-plan-not-submitted",
            ErrorKind::Internal => "error-internal",
        }
    }
}

/// The error every command returns. It never carries personal data: the
/// text of a SQLite or IO error can quote a record, so only the kind and the
/// refused fields cross the IPC boundary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub kind: ErrorKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
    /// Named arguments of the message (a bundle's file name, a
    /// fingerprint): never record contents.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub args: std::collections::BTreeMap<String, String>,
}

impl ApiError {
    pub fn new(kind: ErrorKind) -> Self {
        ApiError { kind, fields: Vec::new(), args: Default::default() }
    }

    pub fn invalid(fields: Vec<FieldError>) -> Self {
        ApiError { kind: ErrorKind::Invalid, fields, args: Default::default() }
    }
}

impl From<ErrorKind> for ApiError {
    fn from(kind: ErrorKind) -> Self {
        ApiError::new(kind)
    }
}

/// Listing of families as the family screen shows it.
pub type FamilyList = Vec<FamilySummary>;

/// The desktop shell's command names and their arguments. Arguments are
/// passed as a JSON object whose keys are the snake_case names below.
pub mod command {
    /// Every command name below, for the shell's registration check.
    pub const ALL: &[&str] = &[
        WORKSPACE_STATUS,
        CREATE_WORKSPACE,
        UNLOCK,
        LOCK,
        LIST_FAMILIES,
        CASELOAD,
        FAMILY_CASE,
        SET_CASE_DETAILS,
        CHANGE_STATUS,
        ADD_MEMBER,
        UPDATE_MEMBER,
        FIND_DUPLICATES,
        ADD_NOTE,
        SAVE_PLAN_VERSION,
        RECORD_VISIT,
        UPDATE_VISIT,
        PLAN_VISIT,
        CANCEL_PLANNED_VISIT,
        SCHEDULED_VISITS,
        ADD_ATTACHMENT,
        REMOVE_ATTACHMENT,
        ATTACHMENTS,
        OPEN_ATTACHMENT,
        ATTACHMENT_IMAGE,
        SAVE_DRAFT,
        DRAFTS,
        DISCARD_DRAFT,
        PLANNED_VISITS,
        ALERTS,
        PLAN_AREAS,
        SETTINGS,
        ADD_FAMILY,
        HISTORY,
        CONFLICTS,
        RESOLVE_CONFLICT,
        SET_SETTINGS,
        SYNC_STATUS,
        EXPORT_ENROLMENT,
        ENROL,
        EXPORT_BUNDLE,
        IMPORT_BUNDLE,
        CASELOADS,
        FAMILY_ASSISTANTS,
        CHOOSE_PATH,
        CASE_VOCABULARY,
        DUE,
        SAVE_EVALUATION,
        SUBMIT_EVALUATION,
        CORRECT_EVALUATION,
        DECIDE_EVALUATION,
        CLOSE_WORK,
        REQUEST_OPINION,
        SAVE_OPINION,
        FINALIZE_OPINION,
        PRINT_DOCUMENT,
        CHECK_WORKSPACE,
        SAVE_FORM_DRAFT,
        FORM_DRAFT,
        REGISTER_ASSISTANT,
        UPDATE_ASSISTANT,
        ASSISTANTS,
        REFER_FAMILY,
        WAITING_LIST,
        ASSIGN_FAMILY,
        TRANSFER_FAMILY,
        TRANSFERS,
        SUBMIT_PLAN,
        DECIDE_PLAN,
        PLAN_DECISIONS,
        ADD_COMMENT,
        MARK_COMMENTS_READ,
        CROSS_DUPLICATES,
        DECIDE_DUPLICATES,
        DASHBOARD,
        HALF_YEAR_REPORT,
        EXPORT_HALF_YEAR_CSV,
        BACKUPS,
        BACKUP_NOW,
        BACKUP_SETTINGS,
        SET_BACKUP_SETTINGS,
        RESTORE_BACKUP,
    ];

    /// `{ form: AssistantForm, devices: Vec<String> } -> Vec<AssistantView>` (a centre)
    pub const REGISTER_ASSISTANT: &str = "register_assistant";
    /// `{ assistant_id: EntityId, form: AssistantForm, devices: Vec<String> } -> Vec<AssistantView>`
    pub const UPDATE_ASSISTANT: &str = "update_assistant";
    /// `{ on?: NaiveDate } -> Vec<AssistantView>` (the register, with enrolled laptops' users)
    pub const ASSISTANTS: &str = "assistants";
    /// `{ form: ReferralForm } -> EntityId` (a case waiting for an assistant)
    pub const REFER_FAMILY: &str = "refer_family";
    /// `() -> Vec<WaitingCase>` (by the request's date)
    pub const WAITING_LIST: &str = "waiting_list";
    /// `{ family_id, assistant_id, on: String } -> FamilyCase`
    pub const ASSIGN_FAMILY: &str = "assign_family";
    /// `{ family_id, assistant_id, on: String } -> FamilyCase`
    pub const TRANSFER_FAMILY: &str = "transfer_family";
    /// `() -> Vec<TransferView>` (pending first, with late edits)
    pub const TRANSFERS: &str = "transfers";
    /// `{ family_id, version: u32 } -> FamilyCase` (a laptop)
    pub const SUBMIT_PLAN: &str = "submit_plan";
    /// `{ family_id, version: u32, form: DecisionForm } -> FamilyCase` (a centre)
    pub const DECIDE_PLAN: &str = "decide_plan";
    /// `() -> Vec<PlanDecisionNotice>` (a laptop: the centre's latest
    /// decision on each of its plans; empty at a centre)
    pub const PLAN_DECISIONS: &str = "plan_decisions";
    /// `{ target_id: String, text: String, reply_to?: EntityId } -> FamilyCase`
    pub const ADD_COMMENT: &str = "add_comment";
    /// `{ ids: Vec<EntityId> } -> ()` (this device's read marks)
    pub const MARK_COMMENTS_READ: &str = "mark_comments_read";
    /// `() -> Vec<DuplicatePair>` (families of different assistants that may be one)
    pub const CROSS_DUPLICATES: &str = "cross_duplicates";
    /// `{ first, second, decision: DuplicateDecision } -> Vec<DuplicatePair>`
    pub const DECIDE_DUPLICATES: &str = "decide_duplicates";
    /// `{ on?: NaiveDate } -> Dashboard` (the centre's home screen)
    pub const DASHBOARD: &str = "dashboard";
    /// `{ period: String } -> HalfYearReport` (`2026-H2`)
    pub const HALF_YEAR_REPORT: &str = "half_year_report";
    /// `{ period: String, path?: String } -> Option<String>` (the report as
    /// CSV, written where the save dialog says; `None` when cancelled)
    pub const EXPORT_HALF_YEAR_CSV: &str = "export_half_year_csv";

    /// `() -> WorkspaceStatus`
    pub const WORKSPACE_STATUS: &str = "workspace_status";
    /// `{ form: NewWorkspaceForm } -> WorkspaceStatus`
    pub const CREATE_WORKSPACE: &str = "create_workspace";
    /// `{ passphrase: String } -> WorkspaceStatus`
    pub const UNLOCK: &str = "unlock";
    /// `() -> WorkspaceStatus` (always `Locked`)
    pub const LOCK: &str = "lock";
    /// `{ status?: FamilyStatus, query?: String } -> FamilyList` (all live
    /// families when both are absent; `query` searches names, PESEL, address)
    pub const LIST_FAMILIES: &str = "list_families";
    /// `() -> CaseloadCheck` (where the caseload stands now)
    pub const CASELOAD: &str = "caseload";
    /// `{ family_id: EntityId } -> FamilyCase`
    pub const FAMILY_CASE: &str = "family_case";
    /// `{ family_id: EntityId, form: CaseDetailsForm } -> FamilyCase`
    pub const SET_CASE_DETAILS: &str = "set_case_details";
    /// `{ family_id: EntityId, status: FamilyStatus, reason: String } -> FamilyCase`
    pub const CHANGE_STATUS: &str = "change_status";
    /// `{ family_id: EntityId, form: MemberForm } -> FamilyCase`
    pub const ADD_MEMBER: &str = "add_member";
    /// `{ member_id: EntityId, form: MemberForm } -> FamilyCase`
    pub const UPDATE_MEMBER: &str = "update_member";
    /// `{ form: MemberForm, editing?: EntityId } -> Vec<DuplicateView>`
    pub const FIND_DUPLICATES: &str = "find_duplicates";
    /// `{ family_id: EntityId, text: String, restricted: bool } -> FamilyCase`
    pub const ADD_NOTE: &str = "add_note";
    /// `{ family_id: EntityId, form: PlanVersionForm } -> FamilyCase` (the
    /// diff between two versions is `asysta_core::plan::diff`, computed in
    /// the UI from `FamilyCase::plan_versions`)
    pub const SAVE_PLAN_VERSION: &str = "save_plan_version";
    /// `{ family_id: EntityId, form: VisitForm } -> FamilyCase` (discards
    /// the family's draft)
    pub const RECORD_VISIT: &str = "record_visit";
    /// `{ family_id: EntityId, visit_id: EntityId, form: VisitForm } ->
    /// FamilyCase` (corrects a recorded entry; the first wording stays in
    /// the log)
    pub const UPDATE_VISIT: &str = "update_visit";
    /// `{ family_id: EntityId, form: PlannedVisitForm } -> EntityId` (a
    /// visit planned ahead; it becomes a diary entry by `update_visit` on
    /// its id)
    pub const PLAN_VISIT: &str = "plan_visit";
    /// `{ visit_id: EntityId } -> ()`
    pub const CANCEL_PLANNED_VISIT: &str = "cancel_planned_visit";
    /// `{ family_id: Option<EntityId> } -> Vec<ScheduledVisit>` (every
    /// visit planned ahead, of one family when given, the missed ones
    /// first, then by date and time)
    pub const SCHEDULED_VISITS: &str = "scheduled_visits";
    /// `{ family_id, target, path, restricted } -> EntityId` (a file
    /// attached to the case; see `ops::AddAttachment`).
    pub const ADD_ATTACHMENT: &str = "add_attachment";
    /// `{ attachment_id } -> ()`.
    pub const REMOVE_ATTACHMENT: &str = "remove_attachment";
    /// `{ family_id } -> Vec<AttachmentView>` (the case's attachments,
    /// newest first).
    pub const ATTACHMENTS: &str = "attachments";
    /// `{ attachment_id } -> ()`: a PDF opened in the system's viewer from
    /// a copy that lives only while the app runs.
    pub const OPEN_ATTACHMENT: &str = "open_attachment";
    /// `{ attachment_id } -> String`: an image as a `data:` URL, shown
    /// inline (never written to disk).
    pub const ATTACHMENT_IMAGE: &str = "attachment_image";
    /// `{ family_id: EntityId, form: VisitForm } -> ()` (as the assistant types)
    pub const SAVE_DRAFT: &str = "save_draft";
    /// `() -> Vec<DraftView>` (offered again on the next start; oldest first)
    pub const DRAFTS: &str = "drafts";
    /// `{ family_id: EntityId } -> ()`
    pub const DISCARD_DRAFT: &str = "discard_draft";
    /// `() -> Vec<PlannedVisit>` (soonest first)
    pub const PLANNED_VISITS: &str = "planned_visits";
    /// `() -> Vec<Alert>` (most urgent first)
    pub const ALERTS: &str = "alerts";
    /// `() -> Vec<PlanArea>` (the centre's list, or the default one)
    pub const PLAN_AREAS: &str = "plan_areas";
    /// `() -> Settings { caseload_cap, no_visit_days }`
    pub const SETTINGS: &str = "settings";
    /// `{ form: NewFamilyForm } -> EntityId`
    pub const ADD_FAMILY: &str = "add_family";
    /// `{ entity_id: EntityId } -> History`
    pub const HISTORY: &str = "history";
    /// `() -> Vec<Conflict>` (every unresolved conflict, by family)
    pub const CONFLICTS: &str = "conflicts";
    /// `{ conflict_id: String, keep?: EventId, value?: JSON } -> Vec<Conflict>`
    /// (exactly one of `keep` and `value`; the resolution is an event)
    pub const RESOLVE_CONFLICT: &str = "resolve_conflict";
    /// `{ caseload_cap: u32, no_visit_days: u32 } -> Settings` (a centre only;
    /// an event that reaches every laptop)
    pub const SET_SETTINGS: &str = "set_settings";
    /// `() -> SyncStatus` (this device, its peers, what is pending, gaps)
    pub const SYNC_STATUS: &str = "sync_status";
    /// `{ path: String } -> SyncStatus` (a centre writes its enrolment file)
    pub const EXPORT_ENROLMENT: &str = "export_enrolment";
    /// `{ path: String } -> SyncStatus` (a laptop reads a centre's enrolment
    /// file; `centre.fingerprint` is the one to compare)
    pub const ENROL: &str = "enrol";
    /// `{ to: String, device?: DeviceId } -> ExportSummary` (`to` a folder or
    /// a file; `device` at a centre). Emits `export-progress` events
    /// `{ stage: "reading" | "sealing" | "writing", count }` meanwhile.
    pub const EXPORT_BUNDLE: &str = "export_bundle";
    /// `{ path: String, trust_device?: String } -> ImportSummary`
    /// (`trust_device`: the fingerprint a person compared)
    pub const IMPORT_BUNDLE: &str = "import_bundle";
    /// `() -> Vec<Caseload>` (each assistant's active families and the cap)
    pub const CASELOADS: &str = "caseloads";
    /// `() -> { EntityId: String }` (the assistant each family is with)
    pub const FAMILY_ASSISTANTS: &str = "family_assistants";
    /// `{ folder: bool } -> Option<String>` (the native file dialog; `None`
    /// when cancelled)
    pub const CHOOSE_PATH: &str = "choose_path";
    /// `() -> CaseVocabulary` (rating scale, closing reasons, periods)
    pub const CASE_VOCABULARY: &str = "case_vocabulary";
    /// `() -> Vec<DueItem>` (evaluations, opinions, ends of monitoring; most
    /// urgent first, only those due soon or overdue)
    pub const DUE: &str = "due";
    /// `{ family_id: EntityId, evaluation_id?: EntityId, form: EvaluationForm }
    /// -> FamilyCase` (a new draft, or changes to a draft)
    pub const SAVE_EVALUATION: &str = "save_evaluation";
    /// `{ family_id: EntityId, evaluation_id?: EntityId, form: EvaluationForm }
    /// -> FamilyCase` (saves, checks it whole, submits; then frozen)
    pub const SUBMIT_EVALUATION: &str = "submit_evaluation";
    /// `{ evaluation_id: EntityId } -> FamilyCase` (a new draft version of
    /// a submitted evaluation)
    pub const CORRECT_EVALUATION: &str = "correct_evaluation";
    /// `{ evaluation_id: EntityId, accept: bool, note: String } -> FamilyCase`
    /// (a centre only)
    pub const DECIDE_EVALUATION: &str = "decide_evaluation";
    /// `{ family_id: EntityId, form: ClosingForm } -> FamilyCase` (needs a
    /// final evaluation submitted)
    pub const CLOSE_WORK: &str = "close_work";
    /// `{ family_id: EntityId, form: OpinionRequestForm } -> FamilyCase`
    pub const REQUEST_OPINION: &str = "request_opinion";
    /// `{ opinion_id: EntityId, text: String } -> FamilyCase`
    pub const SAVE_OPINION: &str = "save_opinion";
    /// `{ opinion_id: EntityId, text: String } -> FamilyCase` (locks it)
    pub const FINALIZE_OPINION: &str = "finalize_opinion";
    /// `{ job: PrintJob, path?: String } -> Option<String>` (writes the
    /// PDF or DOCX atomically to `path`, or where the native save dialog
    /// says when `path` is absent; `None` when the dialog was cancelled)
    pub const PRINT_DOCUMENT: &str = "print_document";
    /// `() -> CheckReport` (reads only: the file, the log, every table
    /// against a rebuild)
    pub const CHECK_WORKSPACE: &str = "check_workspace";
    /// `{ kind: DraftKind, key: EntityId, family_id: EntityId, form: Value } -> ()`
    /// (a long form as typed, kept on this device; never an event)
    pub const SAVE_FORM_DRAFT: &str = "save_form_draft";
    /// `{ kind: DraftKind, key: EntityId } -> Option<FormDraft>`
    pub const FORM_DRAFT: &str = "form_draft";
    /// `() -> Vec<BackupEntry>` (this workspace's backups, newest first;
    /// also while locked)
    pub const BACKUPS: &str = "backups";
    /// `() -> BackupOutcome` (a backup now, checked after writing)
    pub const BACKUP_NOW: &str = "backup_now";
    /// `() -> BackupSettings` (this device's)
    pub const BACKUP_SETTINGS: &str = "backup_settings";
    /// `{ settings: BackupSettings } -> BackupSettings`
    pub const SET_BACKUP_SETTINGS: &str = "set_backup_settings";
    /// `{ path: String } -> RestoreSummary` (into this data directory,
    /// which must hold no workspace)
    pub const RESTORE_BACKUP: &str = "restore_backup";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::FieldErrorCode;

    #[test]
    fn a_planned_visit_becomes_the_form_of_its_diary_entry() {
        let planned = ScheduledVisit {
            id: EntityId(uuid::Uuid::from_u128(1)),
            family_id: EntityId(uuid::Uuid::from_u128(2)),
            family_name: "Kowalscy".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 14).unwrap(),
            time: "23:30".into(),
            place: crate::visit::Place::Other { text: "Świetlica".into() },
            purpose: "Zajęcia".into(),
            missed: false,
        };
        let form = planned.entry_form();
        assert_eq!(
            (form.date.as_str(), form.start.as_str(), form.end.as_str()),
            ("2026-12-14", "23:30", "23:30"),
            "a visit late in the evening does not end the next day"
        );
        assert_eq!(
            (form.place.as_str(), form.place_other.as_str(), form.form.as_str()),
            ("other", "Świetlica", "accompanying")
        );
        let at_home = ScheduledVisit { time: "10:00".into(), place: crate::visit::Place::Home, ..planned };
        let form = at_home.entry_form();
        assert_eq!((form.end.as_str(), form.place.as_str(), form.form.as_str()), ("11:00", "home", "home_visit"));
    }

    #[test]
    fn api_error_json_is_stable() {
        let e = ApiError::invalid(vec![FieldError::new("name", FieldErrorCode::Required)]);
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"kind":"invalid","fields":[{"field":"name","code":"required"}]}"#
        );
        assert_eq!(
            serde_json::to_string(&ApiError::new(ErrorKind::WrongPassphrase)).unwrap(),
            r#"{"kind":"wrong_passphrase"}"#
        );
    }

    #[test]
    fn workspace_status_json_is_tagged() {
        assert_eq!(serde_json::to_string(&WorkspaceStatus::Locked).unwrap(), r#"{"state":"locked"}"#);
    }
}
