//! The only module that talks to the desktop shell.
//!
//! Each command of [`asysta_core::api::command`] has one typed function here.
//! Arguments are sent as a JSON object with snake_case keys; every failure
//! comes back as an [`ApiError`]. A rejection that is not an `ApiError` (a
//! missing command, a shell without Tauri, an undecodable reply) becomes
//! `ErrorKind::Internal`, so callers never see raw JavaScript values.

use asysta_core::alerts::Alert;
use asysta_core::api::{
    command, ApiError, CaseVocabulary, DraftKind, DraftView, DueItem, DuplicateView, FamilyCase, FamilyList, FormDraft,
    History, PlannedVisit, WorkspaceStatus,
};
use asysta_core::closing::ClosingForm;
use asysta_core::evaluation::EvaluationForm;
use asysta_core::exchange::{Caseload, ExportSummary, ImportSummary, SyncStatus};
use asysta_core::family::NewFamilyForm;
use asysta_core::member::MemberForm;
use asysta_core::opinion::OpinionRequestForm;
use asysta_core::plan::{PlanArea, PlanVersionForm};
use asysta_core::record::{CaseDetailsForm, CaseloadCheck, FamilyStatus};
use asysta_core::visit::VisitForm;
use asysta_core::workspace::NewWorkspaceForm;
use asysta_core::{DeviceId, EntityId};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::BTreeMap;
use yew::Callback;

mod steering;
#[allow(unused_imports)] // the screens of the centre's steering use them
pub use steering::*;

/// Prints a document: the shell asks where to save it and writes it whole;
/// the path written, or `None` when the person closed the dialog.
pub async fn print_document(job: &asysta_core::api::PrintJob) -> Result<Option<String>, ApiError> {
    call(command::PRINT_DOCUMENT, &PrintArgs { job }).await
}

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

/// Every visit planned ahead and not cancelled (of one family, when
/// given): the missed ones first, then by date and time.
pub async fn scheduled_visits(family_id: Option<EntityId>) -> Result<Vec<asysta_core::api::ScheduledVisit>, ApiError> {
    #[derive(serde::Serialize)]
    struct Args {
        family_id: Option<EntityId>,
    }
    call(command::SCHEDULED_VISITS, &Args { family_id }).await
}

/// Plans a visit of the family; its id.
pub async fn plan_visit(
    family_id: EntityId,
    form: &asysta_core::visit::PlannedVisitForm,
) -> Result<EntityId, ApiError> {
    call(command::PLAN_VISIT, &FamilyFormArgs { family_id, form }).await
}

/// Takes a planned visit off the plan.
pub async fn cancel_planned_visit(visit_id: EntityId) -> Result<(), ApiError> {
    #[derive(Serialize)]
    struct Args {
        visit_id: EntityId,
    }
    call(command::CANCEL_PLANNED_VISIT, &Args { visit_id }).await
}

/// The family's attachments, newest first.
pub async fn attachments(family_id: EntityId) -> Result<Vec<asysta_core::api::AttachmentView>, ApiError> {
    call(command::ATTACHMENTS, &FamilyArgs { family_id }).await
}

/// Attaches the file at `path` (checked by the shell); its id.
pub async fn add_attachment(
    family_id: EntityId,
    target: asysta_core::attachment::AttachedTo,
    path: &str,
    restricted: bool,
) -> Result<EntityId, ApiError> {
    #[derive(Serialize)]
    struct Args<'a> {
        family_id: EntityId,
        target: asysta_core::attachment::AttachedTo,
        path: &'a str,
        restricted: bool,
    }
    call(command::ADD_ATTACHMENT, &Args { family_id, target, path, restricted }).await
}

#[derive(Serialize)]
struct AttachmentArgs {
    attachment_id: EntityId,
}

/// Takes an attachment off its case.
pub async fn remove_attachment(attachment_id: EntityId) -> Result<(), ApiError> {
    call(command::REMOVE_ATTACHMENT, &AttachmentArgs { attachment_id }).await
}

/// An image attachment as a `data:` URL.
pub async fn attachment_image(attachment_id: EntityId) -> Result<String, ApiError> {
    call(command::ATTACHMENT_IMAGE, &AttachmentArgs { attachment_id }).await
}

/// Opens a PDF attachment in the system's viewer.
pub async fn open_attachment(attachment_id: EntityId) -> Result<(), ApiError> {
    call(command::OPEN_ATTACHMENT, &AttachmentArgs { attachment_id }).await
}

/// What needs attention, most urgent first.
pub async fn alerts() -> Result<Vec<Alert>, ApiError> {
    call(command::ALERTS, &NoArgs {}).await
}

/// The areas of the work plan (the centre's list, or the default one).
pub async fn plan_areas() -> Result<Vec<PlanArea>, ApiError> {
    call(command::PLAN_AREAS, &NoArgs {}).await
}

/// The centre's rating scale, reasons for closing and periods.
pub async fn case_vocabulary() -> Result<CaseVocabulary, ApiError> {
    call(command::CASE_VOCABULARY, &NoArgs {}).await
}

/// Evaluations, court opinions and ends of monitoring due soon or
/// overdue, most urgent first.
pub async fn due() -> Result<Vec<DueItem>, ApiError> {
    call(command::DUE, &NoArgs {}).await
}

/// Saves a draft evaluation: a new one (`evaluation_id` `None`) or changes
/// to a draft.
pub async fn save_evaluation(
    family_id: EntityId,
    evaluation_id: Option<EntityId>,
    form: &EvaluationForm,
) -> Result<FamilyCase, ApiError> {
    call(command::SAVE_EVALUATION, &EvaluationArgs { family_id, evaluation_id, form }).await
}

/// Saves the evaluation and submits it to the head of the centre; from
/// then on it is frozen.
pub async fn submit_evaluation(
    family_id: EntityId,
    evaluation_id: Option<EntityId>,
    form: &EvaluationForm,
) -> Result<FamilyCase, ApiError> {
    call(command::SUBMIT_EVALUATION, &EvaluationArgs { family_id, evaluation_id, form }).await
}

/// Starts a new draft version of a submitted evaluation.
pub async fn correct_evaluation(evaluation_id: EntityId) -> Result<FamilyCase, ApiError> {
    call(command::CORRECT_EVALUATION, &EvaluationIdArgs { evaluation_id }).await
}

/// The head of the centre accepts a submitted evaluation or returns it with
/// a note (a centre only).
pub async fn decide_evaluation(evaluation_id: EntityId, accept: bool, note: &str) -> Result<FamilyCase, ApiError> {
    call(command::DECIDE_EVALUATION, &DecideArgs { evaluation_id, accept, note }).await
}

/// Closes the work with the family (a final evaluation must be submitted).
pub async fn close_work(family_id: EntityId, form: &ClosingForm) -> Result<FamilyCase, ApiError> {
    call(command::CLOSE_WORK, &FamilyFormArgs { family_id, form }).await
}

/// Records a court's request for an opinion about the family.
pub async fn request_opinion(family_id: EntityId, form: &OpinionRequestForm) -> Result<FamilyCase, ApiError> {
    call(command::REQUEST_OPINION, &FamilyFormArgs { family_id, form }).await
}

/// Saves the opinion's text as edited.
pub async fn save_opinion(opinion_id: EntityId, text: &str) -> Result<FamilyCase, ApiError> {
    call(command::SAVE_OPINION, &OpinionTextArgs { opinion_id, text }).await
}

/// Saves the final version of the opinion and locks it.
pub async fn finalize_opinion(opinion_id: EntityId, text: &str) -> Result<FamilyCase, ApiError> {
    call(command::FINALIZE_OPINION, &OpinionTextArgs { opinion_id, text }).await
}

pub async fn add_family(form: &NewFamilyForm) -> Result<EntityId, ApiError> {
    call(command::ADD_FAMILY, &FormArgs { form }).await
}

pub async fn history(entity_id: EntityId) -> Result<History, ApiError> {
    call(command::HISTORY, &HistoryArgs { entity_id }).await
}

/// How a conflict is resolved: one version kept, or a value of one's own
/// (JSON of the field's type).
#[derive(Clone, Debug, PartialEq)]
pub enum Resolution {
    Keep(asysta_core::EventId),
    Value(serde_json::Value),
}

/// Resolves a conflict; returns the conflicts left.
pub async fn resolve_conflict(
    conflict_id: &str,
    resolution: Resolution,
) -> Result<Vec<asysta_core::merge::Conflict>, ApiError> {
    call(command::RESOLVE_CONFLICT, &ResolveArgs::new(conflict_id, resolution)).await
}

#[derive(Serialize)]
struct ResolveArgs<'a> {
    conflict_id: &'a str,
    keep: Option<asysta_core::EventId>,
    value: Option<serde_json::Value>,
}

impl<'a> ResolveArgs<'a> {
    fn new(conflict_id: &'a str, resolution: Resolution) -> ResolveArgs<'a> {
        match resolution {
            Resolution::Keep(event) => ResolveArgs { conflict_id, keep: Some(event), value: None },
            Resolution::Value(value) => ResolveArgs { conflict_id, keep: None, value: Some(value) },
        }
    }
}

/// The centre's settings, as the shell's `settings` and `set_settings`
/// answer (`asysta_store::Settings`, which the UI cannot depend on; the
/// field names are the contract).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Settings {
    pub caseload_cap: u32,
    pub no_visit_days: u32,
}

pub async fn settings() -> Result<Settings, ApiError> {
    call(command::SETTINGS, &NoArgs {}).await
}

/// Changes the centre's settings (a centre only).
pub async fn set_settings(settings: Settings) -> Result<Settings, ApiError> {
    call(command::SET_SETTINGS, &settings).await
}

/// Keeps a long form as typed (a draft on this device; never an event).
pub async fn save_form_draft<F: Serialize>(
    kind: DraftKind,
    key: EntityId,
    family_id: EntityId,
    form: &F,
) -> Result<(), ApiError> {
    #[derive(Serialize)]
    struct Args<'a, F> {
        kind: DraftKind,
        key: EntityId,
        family_id: EntityId,
        form: &'a F,
    }
    call(command::SAVE_FORM_DRAFT, &Args { kind, key, family_id, form }).await
}

/// The draft of a long form, if one is kept.
pub async fn form_draft(kind: DraftKind, key: EntityId) -> Result<Option<FormDraft>, ApiError> {
    #[derive(Serialize)]
    struct Args {
        kind: DraftKind,
        key: EntityId,
    }
    call(command::FORM_DRAFT, &Args { kind, key }).await
}

/// Checks the workspace (reads only).
pub async fn check_workspace() -> Result<asysta_core::api::CheckReport, ApiError> {
    call(command::CHECK_WORKSPACE, &NoArgs {}).await
}

/// This workspace's backups, newest first.
pub async fn backups() -> Result<Vec<asysta_core::backup::BackupEntry>, ApiError> {
    call(command::BACKUPS, &NoArgs {}).await
}

/// A backup now.
pub async fn backup_now() -> Result<asysta_core::backup::BackupOutcome, ApiError> {
    call(command::BACKUP_NOW, &NoArgs {}).await
}

pub async fn backup_settings() -> Result<asysta_core::backup::BackupSettings, ApiError> {
    call(command::BACKUP_SETTINGS, &NoArgs {}).await
}

pub async fn set_backup_settings(
    settings: &asysta_core::backup::BackupSettings,
) -> Result<asysta_core::backup::BackupSettings, ApiError> {
    #[derive(Serialize)]
    struct Args<'a> {
        settings: &'a asysta_core::backup::BackupSettings,
    }
    call(command::SET_BACKUP_SETTINGS, &Args { settings }).await
}

/// Restores the backup at `path` into this data directory (no workspace
/// in it yet).
pub async fn restore_backup(path: &str) -> Result<asysta_core::backup::RestoreSummary, ApiError> {
    call(command::RESTORE_BACKUP, &PathArgs { path }).await
}

pub async fn sync_status() -> Result<SyncStatus, ApiError> {
    call(command::SYNC_STATUS, &NoArgs {}).await
}

/// At a centre: writes the enrolment file to `path`.
pub async fn export_enrolment(path: &str) -> Result<SyncStatus, ApiError> {
    call(command::EXPORT_ENROLMENT, &PathArgs { path }).await
}

/// On a laptop: reads the centre's enrolment file at `path`.
pub async fn enrol(path: &str) -> Result<SyncStatus, ApiError> {
    call(command::ENROL, &PathArgs { path }).await
}

/// Writes a bundle into the folder (or file) `to`; `device` at a centre.
/// The shell reports progress through [`listen_export_progress`].
pub async fn export_bundle(
    to: &str,
    device: Option<DeviceId>,
    options: ExportOptions,
) -> Result<ExportSummary, ApiError> {
    let ExportOptions { full, include_restricted } = options;
    call(command::EXPORT_BUNDLE, &ExportArgs { to, device, full, include_restricted }).await
}

/// What an export puts in besides what the receiver lacks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Everything this workspace has.
    pub full: bool,
    /// On a laptop: restricted notes in full.
    pub include_restricted: bool,
}

/// Imports the bundle file at `path`; `trust_device` is the fingerprint a
/// person compared with the sending device's screen.
pub async fn import_bundle(path: &str, trust_device: Option<&str>) -> Result<ImportSummary, ApiError> {
    call(command::IMPORT_BUNDLE, &ImportArgs { path, trust_device }).await
}

pub async fn caseloads() -> Result<Vec<Caseload>, ApiError> {
    call(command::CASELOADS, &NoArgs {}).await
}

pub async fn family_assistants() -> Result<BTreeMap<EntityId, String>, ApiError> {
    call(command::FAMILY_ASSISTANTS, &NoArgs {}).await
}

/// The native dialog: a folder or a file; `None` when cancelled.
pub async fn choose_path(folder: bool) -> Result<Option<String>, ApiError> {
    call(command::CHOOSE_PATH, &ChooseArgs { folder }).await
}

#[derive(Serialize)]
struct PathArgs<'a> {
    path: &'a str,
}

#[derive(Serialize)]
struct ExportArgs<'a> {
    to: &'a str,
    device: Option<DeviceId>,
    full: bool,
    include_restricted: bool,
}

#[derive(Serialize)]
struct ImportArgs<'a> {
    path: &'a str,
    trust_device: Option<&'a str>,
}

#[derive(Serialize)]
struct ChooseArgs {
    folder: bool,
}

/// One step of an export, as the shell's `export-progress` event says it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct ExportProgress {
    /// `reading`, `sealing` or `writing`.
    pub stage: String,
    pub count: u64,
}

/// The shell's event during an export (see `command::EXPORT_BUNDLE`).
pub const EXPORT_PROGRESS_EVENT: &str = "export-progress";
/// Tauri's event when files are dropped on the window.
pub const DRAG_DROP_EVENT: &str = "tauri://drag-drop";

/// The payload of Tauri's drag-drop event.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct DragDrop {
    pub paths: Vec<String>,
}

/// Calls `on_event` with each export step until the listener is dropped.
pub fn listen_export_progress(on_event: Callback<ExportProgress>) -> Listener {
    listen(EXPORT_PROGRESS_EVENT, on_event)
}

/// Calls `on_drop` with the paths of files dropped on the window until the
/// listener is dropped.
pub fn listen_drag_drop(on_drop: Callback<Vec<String>>) -> Listener {
    listen(DRAG_DROP_EVENT, on_drop.reform(|d: DragDrop| d.paths))
}

#[cfg(target_arch = "wasm32")]
pub use browser::Listener;

/// Host tests have no shell and no events.
#[cfg(not(target_arch = "wasm32"))]
pub struct Listener;

#[cfg(target_arch = "wasm32")]
fn listen<T: serde::de::DeserializeOwned + 'static>(event: &str, on_event: Callback<T>) -> Listener {
    browser::listen(event, on_event)
}

#[cfg(not(target_arch = "wasm32"))]
fn listen<T: serde::de::DeserializeOwned + 'static>(_event: &str, _on_event: Callback<T>) -> Listener {
    Listener
}

/// The arguments of a command that takes none: an empty object.
#[derive(Serialize)]
pub(crate) struct NoArgs {}

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
struct EvaluationArgs<'a> {
    family_id: EntityId,
    evaluation_id: Option<EntityId>,
    form: &'a EvaluationForm,
}

#[derive(Serialize)]
struct EvaluationIdArgs {
    evaluation_id: EntityId,
}

#[derive(Serialize)]
struct DecideArgs<'a> {
    evaluation_id: EntityId,
    accept: bool,
    note: &'a str,
}

#[derive(Serialize)]
struct OpinionTextArgs<'a> {
    opinion_id: EntityId,
    text: &'a str,
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
            Ok(reply) => decode(&reply).ok_or_else(|| {
                report(cmd, "its reply could not be decoded");
                ApiError::new(ErrorKind::Internal)
            }),
            Err(rejection) => Err(serde_wasm_bindgen::from_value(rejection).unwrap_or_else(|_| {
                report(cmd, "it failed without an ApiError");
                ApiError::new(ErrorKind::Internal)
            })),
        }
    }

    /// A reply's value. The shell sends each reply as JSON bytes, which
    /// come as an `ArrayBuffer` that JavaScript never parses: copied into
    /// the wasm and decoded there by serde_json (the 500-visit case is a
    /// few hundred KiB). A reply JavaScript did parse (a plain JSON
    /// reply) is turned back into text and decoded the same way, still
    /// several times faster than field by field across the boundary.
    fn decode<T: DeserializeOwned>(reply: &JsValue) -> Option<T> {
        if reply.is_instance_of::<js_sys::ArrayBuffer>() {
            let bytes = js_sys::Uint8Array::new(reply).to_vec();
            return serde_json::from_slice(&bytes).ok();
        }
        // Through the same decoder as the bytes (`from_str` would be a
        // second copy of every type's decoder in the wasm).
        let text = js_sys::JSON::stringify(reply).ok()?.as_string()?;
        serde_json::from_slice(text.as_bytes()).ok()
    }

    #[wasm_bindgen]
    extern "C" {
        /// `window.__TAURI__.event.listen`: resolves to the function that
        /// stops listening.
        #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "event"], js_name = listen, catch)]
        fn tauri_listen(event: &str, handler: &js_sys::Function) -> Result<js_sys::Promise, JsValue>;
    }

    /// A registered event handler; dropping it stops listening (also when
    /// the registration is still on its way).
    pub struct Listener {
        handler: Option<Closure<dyn FnMut(JsValue)>>,
        unlisten: std::rc::Rc<std::cell::RefCell<Unlisten>>,
    }

    #[derive(Default)]
    struct Unlisten {
        function: Option<js_sys::Function>,
        dropped: bool,
    }

    impl Drop for Listener {
        fn drop(&mut self) {
            let mut unlisten = self.unlisten.borrow_mut();
            unlisten.dropped = true;
            if let Some(f) = unlisten.function.take() {
                let _ = f.call0(&JsValue::NULL);
            } else if let Some(handler) = self.handler.take() {
                // Still registered in JavaScript until the registration
                // returns and is undone: the handler must outlive it.
                handler.forget();
            }
        }
    }

    pub(super) fn listen<T: DeserializeOwned + 'static>(event: &str, on_event: yew::Callback<T>) -> Listener {
        let name = event.to_owned();
        let handler = Closure::<dyn FnMut(JsValue)>::new(move |message: JsValue| {
            let payload = js_sys::Reflect::get(&message, &JsValue::from_str("payload")).unwrap_or(JsValue::NULL);
            match serde_wasm_bindgen::from_value::<T>(payload) {
                Ok(value) => on_event.emit(value),
                Err(_) => report(&name, "an event could not be decoded"),
            }
        });
        let unlisten = std::rc::Rc::new(std::cell::RefCell::new(Unlisten::default()));
        match tauri_listen(event, handler.as_ref().unchecked_ref()) {
            Ok(promise) => {
                let unlisten = unlisten.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(f) = wasm_bindgen_futures::JsFuture::from(promise).await {
                        let f: js_sys::Function = f.unchecked_into();
                        let mut state = unlisten.borrow_mut();
                        if state.dropped {
                            let _ = f.call0(&JsValue::NULL);
                        } else {
                            state.function = Some(f);
                        }
                    }
                });
            }
            Err(_) => report(event, "could not listen to it"),
        }
        Listener { handler: Some(handler), unlisten }
    }

    /// Logs a contract violation for developers. Only the command name is
    /// logged: replies and rejections can contain personal data.
    fn report(cmd: &str, what: &str) {
        web_sys::console::error_1(&format!("asysta: command {cmd}: {what}").into());
    }
}

#[cfg(test)]
mod tests;

#[derive(Serialize)]
pub(crate) struct PrintArgs<'a> {
    pub job: &'a asysta_core::api::PrintJob,
}
