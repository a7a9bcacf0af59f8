//! The only module that talks to the desktop shell.
//!
//! Each command of [`asysta_core::api::command`] has one typed function here.
//! Arguments are sent as a JSON object with snake_case keys; every failure
//! comes back as an [`ApiError`]. A rejection that is not an `ApiError` (a
//! missing command, a shell without Tauri, an undecodable reply) becomes
//! `ErrorKind::Internal`, so callers never see raw JavaScript values.

use asysta_core::alerts::Alert;
use asysta_core::api::{
    command, ApiError, DraftView, DuplicateView, FamilyCase, FamilyList, History, PlannedVisit, WorkspaceStatus,
};
use asysta_core::family::NewFamilyForm;
use asysta_core::member::MemberForm;
use asysta_core::plan::{PlanArea, PlanVersionForm};
use asysta_core::record::{CaseDetailsForm, CaseloadCheck, FamilyStatus};
use asysta_core::visit::VisitForm;
use asysta_core::workspace::NewWorkspaceForm;
use asysta_core::EntityId;
use serde::de::DeserializeOwned;
use serde::Serialize;

pub async fn workspace_status() -> Result<WorkspaceStatus, ApiError> {
    call(command::WORKSPACE_STATUS, &NoArgs {}).await
}

pub async fn create_workspace(form: &NewWorkspaceForm) -> Result<WorkspaceStatus, ApiError> {
    call(command::CREATE_WORKSPACE, &FormArgs { form }).await
}

pub async fn unlock(passphrase: &str) -> Result<WorkspaceStatus, ApiError> {
    call(command::UNLOCK, &UnlockArgs { passphrase }).await
}

pub async fn lock() -> Result<WorkspaceStatus, ApiError> {
    call(command::LOCK, &NoArgs {}).await
}

/// Families with `status` (all when `None`) matching every word of `query`
/// (an empty query matches every family). The shell searches without
/// regard to case or diacritics.
pub async fn list_families(status: Option<FamilyStatus>, query: &str) -> Result<FamilyList, ApiError> {
    call(command::LIST_FAMILIES, &ListArgs::new(status, query)).await
}

pub async fn caseload() -> Result<CaseloadCheck, ApiError> {
    call(command::CASELOAD, &NoArgs {}).await
}

pub async fn family_case(family_id: EntityId) -> Result<FamilyCase, ApiError> {
    call(command::FAMILY_CASE, &FamilyArgs { family_id }).await
}

pub async fn set_case_details(family_id: EntityId, form: &CaseDetailsForm) -> Result<FamilyCase, ApiError> {
    call(command::SET_CASE_DETAILS, &FamilyFormArgs { family_id, form }).await
}

pub async fn change_status(family_id: EntityId, status: FamilyStatus, reason: &str) -> Result<FamilyCase, ApiError> {
    call(command::CHANGE_STATUS, &StatusArgs { family_id, status, reason }).await
}

pub async fn add_member(family_id: EntityId, form: &MemberForm) -> Result<FamilyCase, ApiError> {
    call(command::ADD_MEMBER, &FamilyFormArgs { family_id, form }).await
}

pub async fn update_member(member_id: EntityId, form: &MemberForm) -> Result<FamilyCase, ApiError> {
    call(command::UPDATE_MEMBER, &MemberFormArgs { member_id, form }).await
}

/// People already on record who may be the one in `form`; `editing` is the
/// member being edited, who is not a duplicate of themselves.
pub async fn find_duplicates(form: &MemberForm, editing: Option<EntityId>) -> Result<Vec<DuplicateView>, ApiError> {
    call(command::FIND_DUPLICATES, &DuplicatesArgs { form, editing }).await
}

pub async fn add_note(family_id: EntityId, text: &str, restricted: bool) -> Result<FamilyCase, ApiError> {
    call(command::ADD_NOTE, &NoteArgs { family_id, text, restricted }).await
}

/// Saves the next version of the family's work plan.
pub async fn save_plan_version(family_id: EntityId, form: &PlanVersionForm) -> Result<FamilyCase, ApiError> {
    call(command::SAVE_PLAN_VERSION, &FamilyFormArgs { family_id, form }).await
}

/// Records a visit; the family's draft is discarded in the same commit.
pub async fn record_visit(family_id: EntityId, form: &VisitForm) -> Result<FamilyCase, ApiError> {
    call(command::RECORD_VISIT, &FamilyFormArgs { family_id, form }).await
}

/// Corrects a recorded visit (the first wording stays in the log).
pub async fn update_visit(family_id: EntityId, visit_id: EntityId, form: &VisitForm) -> Result<FamilyCase, ApiError> {
    call(command::UPDATE_VISIT, &VisitFormArgs { family_id, visit_id, form }).await
}

/// Keeps the visit form as typed (one draft per family).
pub async fn save_draft(family_id: EntityId, form: &VisitForm) -> Result<(), ApiError> {
    call(command::SAVE_DRAFT, &FamilyFormArgs { family_id, form }).await
}

/// Every visit draft not recorded yet, with its family's name.
pub async fn drafts() -> Result<Vec<DraftView>, ApiError> {
    call(command::DRAFTS, &NoArgs {}).await
}

pub async fn discard_draft(family_id: EntityId) -> Result<(), ApiError> {
    call(command::DISCARD_DRAFT, &FamilyArgs { family_id }).await
}

/// The next planned contact of each family, soonest first.
pub async fn planned_visits() -> Result<Vec<PlannedVisit>, ApiError> {
    call(command::PLANNED_VISITS, &NoArgs {}).await
}

/// What needs attention, most urgent first.
pub async fn alerts() -> Result<Vec<Alert>, ApiError> {
    call(command::ALERTS, &NoArgs {}).await
}

/// The areas of the work plan (the centre's list, or the default one).
pub async fn plan_areas() -> Result<Vec<PlanArea>, ApiError> {
    call(command::PLAN_AREAS, &NoArgs {}).await
}

pub async fn add_family(form: &NewFamilyForm) -> Result<EntityId, ApiError> {
    call(command::ADD_FAMILY, &FormArgs { form }).await
}

pub async fn history(entity_id: EntityId) -> Result<History, ApiError> {
    call(command::HISTORY, &HistoryArgs { entity_id }).await
}

/// Keeps one version of a conflict; returns the conflicts left.
pub async fn resolve_conflict(
    conflict_id: &str,
    keep: asysta_core::EventId,
) -> Result<Vec<asysta_core::merge::Conflict>, ApiError> {
    call(command::RESOLVE_CONFLICT, &ResolveArgs { conflict_id, keep }).await
}

#[derive(Serialize)]
struct ResolveArgs<'a> {
    conflict_id: &'a str,
    keep: asysta_core::EventId,
}

/// The arguments of a command that takes none: an empty object.
#[derive(Serialize)]
struct NoArgs {}

/// `{ "form": ... }` for the commands that take a form.
#[derive(Serialize)]
struct FormArgs<'a, F> {
    form: &'a F,
}

#[derive(Serialize)]
struct UnlockArgs<'a> {
    passphrase: &'a str,
}

#[derive(Serialize)]
struct HistoryArgs {
    entity_id: EntityId,
}

/// `{ "status": ..., "query": ... }`; absent filters are `null`.
#[derive(Serialize)]
struct ListArgs<'a> {
    status: Option<FamilyStatus>,
    query: Option<&'a str>,
}

impl<'a> ListArgs<'a> {
    fn new(status: Option<FamilyStatus>, query: &'a str) -> ListArgs<'a> {
        ListArgs { status, query: (!query.trim().is_empty()).then_some(query) }
    }
}

#[derive(Serialize)]
struct FamilyArgs {
    family_id: EntityId,
}

#[derive(Serialize)]
struct FamilyFormArgs<'a, F> {
    family_id: EntityId,
    form: &'a F,
}

#[derive(Serialize)]
struct VisitFormArgs<'a> {
    family_id: EntityId,
    visit_id: EntityId,
    form: &'a VisitForm,
}

#[derive(Serialize)]
struct MemberFormArgs<'a> {
    member_id: EntityId,
    form: &'a MemberForm,
}

#[derive(Serialize)]
struct StatusArgs<'a> {
    family_id: EntityId,
    status: FamilyStatus,
    reason: &'a str,
}

#[derive(Serialize)]
struct DuplicatesArgs<'a> {
    form: &'a MemberForm,
    editing: Option<EntityId>,
}

#[derive(Serialize)]
struct NoteArgs<'a> {
    family_id: EntityId,
    text: &'a str,
    restricted: bool,
}

#[cfg(target_arch = "wasm32")]
async fn call<A: Serialize, T: DeserializeOwned>(cmd: &str, args: &A) -> Result<T, ApiError> {
    browser::call(cmd, args).await
}

/// Native builds exist only for host tests, which never reach the shell.
#[cfg(not(target_arch = "wasm32"))]
async fn call<A: Serialize, T: DeserializeOwned>(_cmd: &str, _args: &A) -> Result<T, ApiError> {
    Err(ApiError::new(asysta_core::api::ErrorKind::Internal))
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use asysta_core::api::{ApiError, ErrorKind};
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// `window.__TAURI__.core.invoke` (the app sets `withGlobalTauri`).
        /// A rejected promise is an `Err`, never a panic.
        #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], catch)]
        async fn invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;
    }

    pub(super) async fn call<A: Serialize, T: DeserializeOwned>(cmd: &str, args: &A) -> Result<T, ApiError> {
        // The JSON-compatible serializer gives plain objects (not `Map`s)
        // and `null` (not `undefined`) for `None`.
        let args = args.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|_| {
            report(cmd, "its arguments could not be encoded");
            ApiError::new(ErrorKind::Internal)
        })?;
        match invoke(cmd, args).await {
            Ok(reply) => serde_wasm_bindgen::from_value(reply).map_err(|_| {
                report(cmd, "its reply could not be decoded");
                ApiError::new(ErrorKind::Internal)
            }),
            Err(rejection) => Err(serde_wasm_bindgen::from_value(rejection).unwrap_or_else(|_| {
                report(cmd, "it failed without an ApiError");
                ApiError::new(ErrorKind::Internal)
            })),
        }
    }

    /// Logs a contract violation for developers. Only the command name is
    /// logged: replies and rejections can contain personal data.
    fn report(cmd: &str, what: &str) {
        web_sys::console::error_1(&format!("asysta: command {cmd}: {what}").into());
    }
}

#[cfg(test)]
mod tests;
