//! The table of operations that change a workspace: each one a typed
//! request, its response and the roles that may run it, defined once here.
//! `asysta_store::ops` executes any of them (checks the role, validates
//! the request with this crate's rules, writes the events, answers); the
//! window's commands, the CLI and the demo are adapters over it, and the
//! UI names each by the same command name (`NAME`, one of
//! [`crate::api::command`]'s).
//!
//! Requests carry what a person typed (forms), never derived values: the
//! same request gives the same validation whichever door it came through.
//! "Today" is the executor's parameter, not part of the request.

use crate::api::command;
use crate::centre::approval::DecisionForm;
use crate::centre::{AssistantForm, ReferralForm};
use crate::closing::ClosingForm;
use crate::evaluation::EvaluationForm;
use crate::event::DuplicateDecision;
use crate::family::NewFamilyForm;
use crate::member::MemberForm;
use crate::opinion::OpinionRequestForm;
use crate::plan::{PlanArea, PlanVersionForm, ProgressNoteForm};
use crate::policy::Authors;
use crate::record::{CaseDetailsForm, FamilyStatus};
use crate::visit::VisitForm;
use crate::EntityId;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// One operation: its request is `Self`.
pub trait Operation: Serialize + DeserializeOwned {
    /// The command name (the window's IPC command; the key of [`TABLE`]).
    const NAME: &'static str;
    /// Who may run it (the store refuses the others before reading the
    /// request, with the same message at every door).
    const ROLES: Authors;
    /// What it answers.
    type Response: Serialize + DeserializeOwned;
}

/// A new family taken on (with its first member).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddFamily {
    pub form: NewFamilyForm,
}

/// The case record's details (basis, consent, foster care, …), replaced whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetCaseDetails {
    pub family_id: EntityId,
    pub form: CaseDetailsForm,
}

/// The family's status moved (monitoring, archiving, re-opening; closing
/// is [`CloseWork`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeStatus {
    pub family_id: EntityId,
    pub status: FamilyStatus,
    #[serde(default)]
    pub reason: String,
    /// The day it moved (`YYYY-MM-DD` or `dd.mm.rrrr`, not after today);
    /// empty: today.
    #[serde(default)]
    pub on: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddMember {
    pub family_id: EntityId,
    pub form: MemberForm,
}

/// Answers with the member's family.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateMember {
    pub member_id: EntityId,
    pub form: MemberForm,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddNote {
    pub family_id: EntityId,
    pub text: String,
    #[serde(default)]
    pub restricted: bool,
}

/// The next version of the work plan; answers with its number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavePlanVersion {
    pub family_id: EntityId,
    pub form: PlanVersionForm,
}

/// A dated note of progress on an action of the plan in force.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddProgressNote {
    pub family_id: EntityId,
    pub form: ProgressNoteForm,
}

/// A visit or other contact in the diary; answers with its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordVisit {
    pub family_id: EntityId,
    pub form: VisitForm,
}

/// A diary entry corrected (its actions may be any plan version's).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateVisit {
    pub family_id: EntityId,
    pub visit_id: EntityId,
    pub form: VisitForm,
}

/// A visit planned ahead (a date from today on, a time, a place, what
/// for). It becomes a diary entry through [`UpdateVisit`] on its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanVisit {
    pub family_id: EntityId,
    pub form: crate::visit::PlannedVisitForm,
}

/// A planned visit that will not take place, taken off the plan (its
/// events stay in the log).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelPlannedVisit {
    pub visit_id: EntityId,
}

/// A file attached to a case: read from `path` (the native dialog's, a
/// dropped file's or the CLI's), checked (its type, whole, within the
/// centre's limit) and kept encrypted in the workspace. Answers with the
/// attachment's id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddAttachment {
    pub family_id: EntityId,
    pub target: crate::attachment::AttachedTo,
    pub path: String,
    #[serde(default)]
    pub restricted: bool,
}

/// An attachment taken off its case (its events and file stay).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoveAttachment {
    pub attachment_id: EntityId,
}

/// A draft evaluation saved (new when `evaluation_id` is `None`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveEvaluation {
    pub family_id: EntityId,
    pub evaluation_id: Option<EntityId>,
    pub form: EvaluationForm,
}

/// An evaluation submitted for the centre (whole, or refused).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmitEvaluation {
    pub family_id: EntityId,
    pub evaluation_id: Option<EntityId>,
    pub form: EvaluationForm,
}

/// A correction of a submitted evaluation: a new version; answers with its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectEvaluation {
    pub evaluation_id: EntityId,
}

/// The centre's decision on a submitted evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecideEvaluation {
    pub evaluation_id: EntityId,
    pub accept: bool,
    #[serde(default)]
    pub note: String,
}

/// The work closed: a reason from the centre's list and a summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloseWork {
    pub family_id: EntityId,
    pub form: ClosingForm,
}

/// A court's request for an opinion; answers with the opinion's id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestOpinion {
    pub family_id: EntityId,
    pub form: OpinionRequestForm,
}

/// The opinion's draft text saved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveOpinion {
    pub opinion_id: EntityId,
    pub text: String,
}

/// The opinion's final text, locked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinalizeOpinion {
    pub opinion_id: EntityId,
    pub text: String,
}

/// The centre's settings (the caseload cap per assistant, the days
/// without a visit before an alert).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetSettings {
    pub caseload_cap: u32,
    pub no_visit_days: u32,
}

/// The centre's work-plan areas, replaced whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetPlanAreas {
    pub areas: Vec<PlanArea>,
}

/// A new assistant in the centre's register. `devices`: enrolled device
/// ids that are theirs (their user is linked from the enrolment).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterAssistant {
    pub form: AssistantForm,
    #[serde(default)]
    pub devices: Vec<String>,
}

/// A register entry corrected or completed (an enrolled laptop's user is
/// in the register from its enrolment, under their user id).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateAssistant {
    pub assistant_id: EntityId,
    pub form: AssistantForm,
    #[serde(default)]
    pub devices: Vec<String>,
}

/// A case taken in at the centre; it waits for an assistant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferFamily {
    pub form: ReferralForm,
}

/// A waiting case given to an assistant, within their cap on the day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignFamily {
    pub family_id: EntityId,
    pub assistant_id: EntityId,
    /// The effective date; empty: today.
    #[serde(default)]
    pub on: String,
}

/// A family moved from its assistant to another, from `on`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferFamily {
    pub family_id: EntityId,
    pub assistant_id: EntityId,
    #[serde(default)]
    pub on: String,
}

/// A plan version sent to the centre for its decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmitPlan {
    pub family_id: EntityId,
    pub version: u32,
}

/// The centre's decision on a submitted plan version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecidePlan {
    pub family_id: EntityId,
    pub version: u32,
    pub form: DecisionForm,
}

/// A comment on a record of a case (`target_id`: the family's, a goal's,
/// an action's, a visit's, an evaluation's… id), or an answer to one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddComment {
    pub target_id: String,
    pub text: String,
    #[serde(default)]
    pub reply_to: Option<EntityId>,
}

/// The supervisor's decision on two families that look like one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecideDuplicates {
    pub first: EntityId,
    pub second: EntityId,
    pub decision: DuplicateDecision,
}

/// Declares each operation's name, roles and response, and the table.
macro_rules! operations {
    ($($request:ident => $name:expr, $roles:ident, $response:ty;)*) => {
        $(
            impl Operation for $request {
                const NAME: &'static str = $name;
                const ROLES: Authors = Authors::$roles;
                type Response = $response;
            }
        )*
        /// Every operation's name and roles, in one table.
        pub const TABLE: &[(&str, Authors)] = &[$(($name, Authors::$roles)),*];
    };
}

operations! {
    AddFamily => command::ADD_FAMILY, Assistant, EntityId;
    SetCaseDetails => command::SET_CASE_DETAILS, Assistant, ();
    ChangeStatus => command::CHANGE_STATUS, Assistant, ();
    AddMember => command::ADD_MEMBER, Assistant, EntityId;
    UpdateMember => command::UPDATE_MEMBER, Assistant, EntityId;
    AddNote => command::ADD_NOTE, Assistant, EntityId;
    SavePlanVersion => command::SAVE_PLAN_VERSION, Assistant, u32;
    AddProgressNote => "add_progress_note", Assistant, ();
    RecordVisit => command::RECORD_VISIT, Assistant, EntityId;
    UpdateVisit => command::UPDATE_VISIT, Assistant, ();
    PlanVisit => command::PLAN_VISIT, Assistant, EntityId;
    CancelPlannedVisit => command::CANCEL_PLANNED_VISIT, Assistant, ();
    SaveEvaluation => command::SAVE_EVALUATION, Assistant, EntityId;
    SubmitEvaluation => command::SUBMIT_EVALUATION, Assistant, EntityId;
    CorrectEvaluation => command::CORRECT_EVALUATION, Assistant, EntityId;
    DecideEvaluation => command::DECIDE_EVALUATION, Centre, ();
    CloseWork => command::CLOSE_WORK, Assistant, ();
    RequestOpinion => command::REQUEST_OPINION, Assistant, EntityId;
    SaveOpinion => command::SAVE_OPINION, Assistant, ();
    FinalizeOpinion => command::FINALIZE_OPINION, Assistant, ();
    SetSettings => command::SET_SETTINGS, Centre, ();
    SetPlanAreas => "set_plan_areas", Centre, ();
    RegisterAssistant => command::REGISTER_ASSISTANT, Centre, EntityId;
    UpdateAssistant => command::UPDATE_ASSISTANT, Centre, ();
    ReferFamily => command::REFER_FAMILY, Centre, EntityId;
    AssignFamily => command::ASSIGN_FAMILY, Centre, ();
    TransferFamily => command::TRANSFER_FAMILY, Centre, ();
    SubmitPlan => command::SUBMIT_PLAN, Assistant, ();
    DecidePlan => command::DECIDE_PLAN, Centre, ();
    AddComment => command::ADD_COMMENT, Either, EntityId;
    DecideDuplicates => command::DECIDE_DUPLICATES, Centre, ();
    AddAttachment => command::ADD_ATTACHMENT, Either, EntityId;
    RemoveAttachment => command::REMOVE_ATTACHMENT, Either, ();
}

/// The roles that may run the operation named `name`, if it is one.
pub fn roles_of(name: &str) -> Option<Authors> {
    TABLE.iter().find(|(n, _)| *n == name).map(|(_, roles)| *roles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_named_once() {
        let mut names: Vec<&str> = TABLE.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before, "a name used twice");
    }

    /// Every window command that changes a case or the centre's lists is
    /// an operation of the table (reads, the session and bundles are not).
    #[test]
    fn the_windows_writing_commands_are_operations() {
        let not_operations = [
            command::WORKSPACE_STATUS,
            command::CREATE_WORKSPACE,
            command::UNLOCK,
            command::LOCK,
            command::LIST_FAMILIES,
            command::CASELOAD,
            command::FAMILY_CASE,
            command::FIND_DUPLICATES,
            command::SAVE_DRAFT,
            command::DRAFTS,
            command::DISCARD_DRAFT,
            command::PLANNED_VISITS,
            command::ALERTS,
            command::PLAN_AREAS,
            command::SETTINGS,
            command::HISTORY,
            command::CONFLICTS,
            command::RESOLVE_CONFLICT,
            command::SYNC_STATUS,
            command::EXPORT_ENROLMENT,
            command::ENROL,
            command::EXPORT_BUNDLE,
            command::IMPORT_BUNDLE,
            command::CASELOADS,
            command::FAMILY_ASSISTANTS,
            command::CHOOSE_PATH,
            command::CASE_VOCABULARY,
            command::DUE,
            command::PRINT_DOCUMENT,
            command::CHECK_WORKSPACE,
            command::SAVE_FORM_DRAFT,
            command::FORM_DRAFT,
            command::ASSISTANTS,
            command::WAITING_LIST,
            command::TRANSFERS,
            command::MARK_COMMENTS_READ,
            command::CROSS_DUPLICATES,
            command::DASHBOARD,
            command::PLAN_DECISIONS,
            command::HALF_YEAR_REPORT,
            command::EXPORT_HALF_YEAR_CSV,
            command::BACKUPS,
            command::BACKUP_NOW,
            command::BACKUP_SETTINGS,
            command::SET_BACKUP_SETTINGS,
            command::RESTORE_BACKUP,
            command::SCHEDULED_VISITS,
            command::ATTACHMENTS,
            command::OPEN_ATTACHMENT,
            command::ATTACHMENT_IMAGE,
        ];
        for name in command::ALL {
            assert!(
                not_operations.contains(name) || roles_of(name).is_some(),
                "the window's command {name} is not in the table of operations"
            );
        }
    }

    #[test]
    fn the_centre_runs_its_own_operations_only() {
        assert_eq!(roles_of(command::SET_SETTINGS), Some(Authors::Centre));
        assert_eq!(roles_of(command::DECIDE_EVALUATION), Some(Authors::Centre));
        assert_eq!(roles_of(command::RECORD_VISIT), Some(Authors::Assistant));
        assert_eq!(roles_of("no_such_operation"), None);
    }
}
