//! Tauri commands: each locks the session and delegates. No logic here.

use crate::reply::Json;
use crate::session::Session;
use asysta_core::alerts::Alert;
use asysta_core::api::{ApiError, DuplicateView, ErrorKind, FamilyCase, FamilyList, History, WorkspaceStatus};
use asysta_core::api::{CaseVocabulary, CheckReport, DraftKind, DraftView, DueItem, FormDraft, PlannedVisit, PrintJob};
use asysta_core::backup::{BackupEntry, BackupOutcome, BackupSettings, RestoreSummary};
use asysta_core::centre::approval::DecisionForm;
use asysta_core::centre::dashboard::Dashboard;
use asysta_core::centre::duplicates::DuplicatePair;
use asysta_core::centre::intake::ReferralForm;
use asysta_core::centre::report::HalfYearReport;
use asysta_core::centre::{AssistantForm, AssistantView, TransferView, WaitingCase};
use asysta_core::closing::ClosingForm;
use asysta_core::evaluation::EvaluationForm;
use asysta_core::event::DuplicateDecision;
use asysta_core::exchange::{Caseload, ExportSummary, ImportSummary, SyncStatus};
use asysta_core::family::NewFamilyForm;
use asysta_core::member::MemberForm;
use asysta_core::merge::Conflict;
use asysta_core::opinion::OpinionRequestForm;
use asysta_core::plan::{PlanArea, PlanVersionForm};
use asysta_core::record::{CaseDetailsForm, CaseloadCheck, FamilyStatus};
use asysta_core::visit::VisitForm;
use asysta_core::workspace::NewWorkspaceForm;
use asysta_core::{DeviceId, EntityId, EventId};
use asysta_store::{ExportProgress, ExportRequest, Settings};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use tauri::{AppHandle, Emitter, Runtime, State};
use tauri_plugin_dialog::DialogExt;

pub type SessionState = Mutex<Session>;

fn session<'a>(state: &'a State<'_, SessionState>) -> Result<MutexGuard<'a, Session>, ApiError> {
    state.lock().map_err(|_| ApiError::new(ErrorKind::Internal))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn workspace_status(state: State<'_, SessionState>) -> Result<Json<WorkspaceStatus>, ApiError> {
    session(&state)?.status().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_workspace(
    state: State<'_, SessionState>,
    form: NewWorkspaceForm,
) -> Result<Json<WorkspaceStatus>, ApiError> {
    session(&state)?.create_workspace(&form).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn unlock<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, SessionState>,
    passphrase: String,
) -> Result<Json<WorkspaceStatus>, ApiError> {
    let status = session(&state)?.unlock(&passphrase)?;
    after_unlock(app);
    Ok(Json(status))
}

/// In the background after an unlock: the day's first backup, then a
/// centre's figures computed ahead of their first showing.
fn after_unlock<R: Runtime>(app: AppHandle<R>) {
    in_background(app, |session| {
        // A failed backup is seen in the settings' list of backups (today's
        // is missing) and is tried again at the next unlock.
        let _ = session.daily_backup();
        let _ = session.prepare_dashboard(local_today());
    });
}

/// Computes a centre's figures in the background, so that their first
/// showing after an import is the kept one (a failure here is met again,
/// and shown, when the dashboard is opened).
fn prepare_dashboard<R: Runtime>(app: AppHandle<R>) {
    in_background(app, |session| {
        let _ = session.prepare_dashboard(local_today());
    });
}

/// Runs `work` on the session off the command's thread.
fn in_background<R: Runtime>(app: AppHandle<R>, work: impl FnOnce(&mut Session) + Send + 'static) {
    tauri::async_runtime::spawn_blocking(move || {
        use tauri::Manager;
        if let Ok(mut session) = app.state::<SessionState>().lock() {
            work(&mut session);
        }
    });
}

#[tauri::command(rename_all = "snake_case")]
pub async fn backups(state: State<'_, SessionState>) -> Result<Json<Vec<BackupEntry>>, ApiError> {
    session(&state)?.backups().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn backup_now(state: State<'_, SessionState>) -> Result<Json<BackupOutcome>, ApiError> {
    session(&state)?.backup_now().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn backup_settings(state: State<'_, SessionState>) -> Result<Json<BackupSettings>, ApiError> {
    session(&state)?.backup_settings().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_backup_settings(
    state: State<'_, SessionState>,
    settings: BackupSettings,
) -> Result<Json<BackupSettings>, ApiError> {
    session(&state)?.set_backup_settings(&settings).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn restore_backup(state: State<'_, SessionState>, path: PathBuf) -> Result<Json<RestoreSummary>, ApiError> {
    session(&state)?.restore_backup(&path).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn lock(
    state: State<'_, SessionState>,
    copies: State<'_, crate::open_copies::OpenCopies>,
) -> Result<Json<WorkspaceStatus>, ApiError> {
    copies.clear();
    session(&state)?.lock().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_families(
    state: State<'_, SessionState>,
    status: Option<FamilyStatus>,
    query: Option<String>,
) -> Result<Json<FamilyList>, ApiError> {
    session(&state)?.find_families(status, query.as_deref().unwrap_or_default()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn caseload(state: State<'_, SessionState>) -> Result<Json<CaseloadCheck>, ApiError> {
    session(&state)?.caseload().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn family_case(state: State<'_, SessionState>, family_id: EntityId) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.family_case(family_id).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_case_details(
    state: State<'_, SessionState>,
    family_id: EntityId,
    form: CaseDetailsForm,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.set_case_details(family_id, &form, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn change_status(
    state: State<'_, SessionState>,
    family_id: EntityId,
    status: FamilyStatus,
    reason: String,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.change_status(family_id, status, &reason, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_member(
    state: State<'_, SessionState>,
    family_id: EntityId,
    form: MemberForm,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.add_member(family_id, &form, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_member(
    state: State<'_, SessionState>,
    member_id: EntityId,
    form: MemberForm,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.update_member(member_id, &form, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn find_duplicates(
    state: State<'_, SessionState>,
    form: MemberForm,
    editing: Option<EntityId>,
) -> Result<Json<Vec<DuplicateView>>, ApiError> {
    session(&state)?.find_duplicates(&form, editing, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_note(
    state: State<'_, SessionState>,
    family_id: EntityId,
    text: String,
    restricted: bool,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.add_note(family_id, &text, restricted, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn save_plan_version(
    state: State<'_, SessionState>,
    family_id: EntityId,
    form: PlanVersionForm,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.save_plan_version(family_id, &form, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn record_visit(
    state: State<'_, SessionState>,
    family_id: EntityId,
    form: VisitForm,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.record_visit(family_id, &form, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn plan_visit(
    state: State<'_, SessionState>,
    family_id: EntityId,
    form: asysta_core::visit::PlannedVisitForm,
) -> Result<Json<EntityId>, ApiError> {
    session(&state)?.plan_visit(family_id, &form, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn cancel_planned_visit(state: State<'_, SessionState>, visit_id: EntityId) -> Result<Json<()>, ApiError> {
    session(&state)?.cancel_planned_visit(visit_id, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_attachment(
    state: State<'_, SessionState>,
    family_id: EntityId,
    target: asysta_core::attachment::AttachedTo,
    path: String,
    restricted: bool,
) -> Result<Json<EntityId>, ApiError> {
    let request = asysta_core::ops::AddAttachment { family_id, target, path, restricted };
    session(&state)?.run(request, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn remove_attachment(state: State<'_, SessionState>, attachment_id: EntityId) -> Result<Json<()>, ApiError> {
    session(&state)?.run(asysta_core::ops::RemoveAttachment { attachment_id }, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn attachments(
    state: State<'_, SessionState>,
    family_id: EntityId,
) -> Result<Json<Vec<asysta_core::api::AttachmentView>>, ApiError> {
    session(&state)?.attachments(family_id).map(Json)
}

/// An image attachment as a `data:` URL: shown inline, never written to
/// disk.
#[tauri::command(rename_all = "snake_case")]
pub async fn attachment_image(
    state: State<'_, SessionState>,
    attachment_id: EntityId,
) -> Result<Json<String>, ApiError> {
    use base64::Engine;
    let (view, bytes) = session(&state)?.attachment_file(attachment_id)?;
    if !view.kind.is_image() {
        return Err(ApiError::new(ErrorKind::Invalid));
    }
    Ok(Json(format!("data:{};base64,{}", view.kind.mime(), base64::engine::general_purpose::STANDARD.encode(bytes))))
}

/// Opens an attachment (a PDF) in the system's viewer, from a copy that
/// is removed when the app locks or closes (see [`crate::open_copies`]).
#[tauri::command(rename_all = "snake_case")]
pub async fn open_attachment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, SessionState>,
    copies: State<'_, crate::open_copies::OpenCopies>,
    attachment_id: EntityId,
) -> Result<Json<()>, ApiError> {
    use tauri_plugin_opener::OpenerExt;
    let (view, bytes) = session(&state)?.attachment_file(attachment_id)?;
    let path = copies.write(&view.file_name, &bytes).map_err(|_| ApiError::new(ErrorKind::Storage))?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|_| ApiError::new(ErrorKind::NoViewer))
        .map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn scheduled_visits(
    state: State<'_, SessionState>,
    family_id: Option<EntityId>,
) -> Result<Json<Vec<asysta_core::api::ScheduledVisit>>, ApiError> {
    session(&state)?.scheduled_visits(local_today(), family_id).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_visit(
    state: State<'_, SessionState>,
    family_id: EntityId,
    visit_id: EntityId,
    form: VisitForm,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.update_visit(family_id, visit_id, &form, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn save_draft(
    state: State<'_, SessionState>,
    family_id: EntityId,
    form: VisitForm,
) -> Result<Json<()>, ApiError> {
    #[allow(clippy::disallowed_methods)]
    let now_ms = chrono::Utc::now().timestamp_millis().max(0) as u64;
    session(&state)?.save_draft(family_id, form, now_ms).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn save_form_draft(
    state: State<'_, SessionState>,
    kind: DraftKind,
    key: EntityId,
    family_id: EntityId,
    form: serde_json::Value,
) -> Result<Json<()>, ApiError> {
    #[allow(clippy::disallowed_methods)]
    let saved_at_ms = chrono::Utc::now().timestamp_millis().max(0) as u64;
    session(&state)?.save_form_draft(&FormDraft { kind, key, family_id, form, saved_at_ms }).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn form_draft(
    state: State<'_, SessionState>,
    kind: DraftKind,
    key: EntityId,
) -> Result<Json<Option<FormDraft>>, ApiError> {
    session(&state)?.form_draft(kind, key).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn drafts(state: State<'_, SessionState>) -> Result<Json<Vec<DraftView>>, ApiError> {
    session(&state)?.drafts().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn discard_draft(state: State<'_, SessionState>, family_id: EntityId) -> Result<Json<()>, ApiError> {
    session(&state)?.discard_draft(family_id).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn planned_visits(state: State<'_, SessionState>) -> Result<Json<Vec<PlannedVisit>>, ApiError> {
    session(&state)?.planned_visits().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn alerts(state: State<'_, SessionState>) -> Result<Json<Vec<Alert>>, ApiError> {
    session(&state)?.alerts(local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn plan_areas(state: State<'_, SessionState>) -> Result<Json<Vec<PlanArea>>, ApiError> {
    session(&state)?.plan_areas().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn settings(state: State<'_, SessionState>) -> Result<Json<Settings>, ApiError> {
    session(&state)?.settings().map(Json)
}

/// Today's date on this computer's clock and time zone: the one place the
/// shell reads the clock for the date rules of the core.
fn local_today() -> chrono::NaiveDate {
    #[allow(clippy::disallowed_methods)]
    chrono::Local::now().date_naive()
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_family(state: State<'_, SessionState>, form: NewFamilyForm) -> Result<Json<EntityId>, ApiError> {
    session(&state)?.add_family(&form, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn history(state: State<'_, SessionState>, entity_id: EntityId) -> Result<Json<History>, ApiError> {
    session(&state)?.history(entity_id).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn conflicts(state: State<'_, SessionState>) -> Result<Json<Vec<Conflict>>, ApiError> {
    session(&state)?.conflicts().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn resolve_conflict(
    state: State<'_, SessionState>,
    conflict_id: String,
    keep: Option<EventId>,
    value: Option<serde_json::Value>,
) -> Result<Json<Vec<Conflict>>, ApiError> {
    session(&state)?.resolve_conflict(&conflict_id, keep, value).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_settings(
    state: State<'_, SessionState>,
    caseload_cap: u32,
    no_visit_days: u32,
) -> Result<Json<Settings>, ApiError> {
    session(&state)?.set_settings(Settings { caseload_cap, no_visit_days }, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn check_workspace(state: State<'_, SessionState>) -> Result<Json<CheckReport>, ApiError> {
    session(&state)?.check_workspace().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn sync_status(state: State<'_, SessionState>) -> Result<Json<SyncStatus>, ApiError> {
    session(&state)?.sync_status().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn export_enrolment(state: State<'_, SessionState>, path: PathBuf) -> Result<Json<SyncStatus>, ApiError> {
    session(&state)?.export_enrolment(&path).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn enrol(state: State<'_, SessionState>, path: PathBuf) -> Result<Json<SyncStatus>, ApiError> {
    session(&state)?.enrol(&path).map(Json)
}

/// The event the sync screen's progress bar listens to while a bundle is
/// written: `{ stage: "reading" | "sealing" | "writing", count }`.
pub const EXPORT_PROGRESS_EVENT: &str = "export-progress";

#[derive(Clone, serde::Serialize)]
struct ProgressPayload {
    stage: &'static str,
    count: u64,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn export_bundle<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, SessionState>,
    to: PathBuf,
    device: Option<DeviceId>,
    full: Option<bool>,
    include_restricted: Option<bool>,
) -> Result<Json<ExportSummary>, ApiError> {
    let mut progress = |p: ExportProgress| {
        let (stage, count) = match p {
            ExportProgress::Reading(n) => ("reading", n),
            ExportProgress::Sealing(n) => ("sealing", n),
            ExportProgress::Writing(n) => ("writing", n),
        };
        // A progress bar that misses a step is no reason to fail the export.
        let _ = app.emit(EXPORT_PROGRESS_EVENT, ProgressPayload { stage, count });
    };
    let request =
        ExportRequest { device, full: full.unwrap_or(false), include_restricted: include_restricted.unwrap_or(false) };
    session(&state)?.export_bundle(&to, &request, &mut progress).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn import_bundle<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, SessionState>,
    path: PathBuf,
    trust_device: Option<String>,
) -> Result<Json<ImportSummary>, ApiError> {
    let summary = session(&state)?.import_bundle(&path, trust_device.as_deref())?;
    prepare_dashboard(app);
    Ok(Json(summary))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn caseloads(state: State<'_, SessionState>) -> Result<Json<Vec<Caseload>>, ApiError> {
    session(&state)?.caseloads().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn family_assistants(state: State<'_, SessionState>) -> Result<Json<BTreeMap<EntityId, String>>, ApiError> {
    session(&state)?.family_assistants().map(Json)
}

/// The native dialog: a folder (`folder`) or a file to open; `None` when
/// the person cancels. Runs off the main thread (an async command), as the
/// blocking dialog requires.
#[tauri::command(rename_all = "snake_case")]
pub async fn choose_path<R: Runtime>(app: AppHandle<R>, folder: bool) -> Result<Json<Option<String>>, ApiError> {
    let dialog = app.dialog().file();
    let picked = if folder { dialog.blocking_pick_folder() } else { dialog.blocking_pick_file() };
    Ok(Json(picked.and_then(|p| p.into_path().ok()).map(|p| p.display().to_string())))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn case_vocabulary(state: State<'_, SessionState>) -> Result<Json<CaseVocabulary>, ApiError> {
    session(&state)?.case_vocabulary().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn due(state: State<'_, SessionState>) -> Result<Json<Vec<DueItem>>, ApiError> {
    session(&state)?.due(local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn save_evaluation(
    state: State<'_, SessionState>,
    family_id: EntityId,
    evaluation_id: Option<EntityId>,
    form: EvaluationForm,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.save_evaluation(family_id, evaluation_id, &form, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn submit_evaluation(
    state: State<'_, SessionState>,
    family_id: EntityId,
    evaluation_id: Option<EntityId>,
    form: EvaluationForm,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.submit_evaluation(family_id, evaluation_id, &form, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn correct_evaluation(
    state: State<'_, SessionState>,
    evaluation_id: EntityId,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.correct_evaluation(evaluation_id, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn decide_evaluation(
    state: State<'_, SessionState>,
    evaluation_id: EntityId,
    accept: bool,
    note: String,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.decide_evaluation(evaluation_id, accept, &note, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn close_work(
    state: State<'_, SessionState>,
    family_id: EntityId,
    form: ClosingForm,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.close_work(family_id, &form, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn request_opinion(
    state: State<'_, SessionState>,
    family_id: EntityId,
    form: OpinionRequestForm,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.request_opinion(family_id, &form, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn save_opinion(
    state: State<'_, SessionState>,
    opinion_id: EntityId,
    text: String,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.save_opinion(opinion_id, &text, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn finalize_opinion(
    state: State<'_, SessionState>,
    opinion_id: EntityId,
    text: String,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.finalize_opinion(opinion_id, &text, local_today()).map(Json)
}

/// A folder to save printed documents into without asking (tests).
pub const PRINT_DIR_ENV: &str = "ASYSTA_PRINT_DIR";

/// `dir/name`, or `dir/stem-2.ext`, `-3`… when taken: nothing is overwritten.
fn free_name(dir: &std::path::Path, name: &str) -> PathBuf {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    (1..)
        .map(|n| if n == 1 { dir.join(name) } else { dir.join(format!("{stem}-{n}.{ext}")) })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(name))
}

/// Prints to `path`, or where the native save dialog says (`None` when it
/// is cancelled). The dialog runs before the session is locked.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_document<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, SessionState>,
    job: PrintJob,
    path: Option<PathBuf>,
) -> Result<Json<Option<String>>, ApiError> {
    let path = match (path, std::env::var_os(PRINT_DIR_ENV)) {
        (Some(path), _) => path,
        // Tests (and kiosk set-ups) save into a folder without the dialog,
        // which WebDriver cannot drive.
        (None, Some(dir)) => free_name(&PathBuf::from(dir), &asysta_print::jobs::suggested_file_name(&job)),
        (None, None) => {
            let picked = app
                .dialog()
                .file()
                .set_file_name(asysta_print::jobs::suggested_file_name(&job))
                .add_filter(asysta_print::jobs::extension(&job), &[asysta_print::jobs::extension(&job)])
                .blocking_save_file();
            match picked.and_then(|p| p.into_path().ok()) {
                Some(path) => path,
                None => return Ok(Json(None)),
            }
        }
    };
    session(&state)?.print_document(&job, &path, local_today()).map(Some).map(Json)
}

// The centre's steering (and the laptop's side of it).

#[tauri::command(rename_all = "snake_case")]
pub async fn register_assistant(
    state: State<'_, SessionState>,
    form: AssistantForm,
    devices: Vec<String>,
) -> Result<Json<Vec<AssistantView>>, ApiError> {
    session(&state)?.register_assistant(form, devices, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_assistant(
    state: State<'_, SessionState>,
    assistant_id: EntityId,
    form: AssistantForm,
    devices: Vec<String>,
) -> Result<Json<Vec<AssistantView>>, ApiError> {
    session(&state)?.update_assistant(assistant_id, form, devices, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn assistants(
    state: State<'_, SessionState>,
    on: Option<chrono::NaiveDate>,
) -> Result<Json<Vec<AssistantView>>, ApiError> {
    session(&state)?.assistants(on).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn refer_family(state: State<'_, SessionState>, form: ReferralForm) -> Result<Json<EntityId>, ApiError> {
    session(&state)?.refer_family(form, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn waiting_list(state: State<'_, SessionState>) -> Result<Json<Vec<WaitingCase>>, ApiError> {
    session(&state)?.waiting_list(local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn assign_family(
    state: State<'_, SessionState>,
    family_id: EntityId,
    assistant_id: EntityId,
    on: String,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.assign_family(family_id, assistant_id, on, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn transfer_family(
    state: State<'_, SessionState>,
    family_id: EntityId,
    assistant_id: EntityId,
    on: String,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.transfer_family(family_id, assistant_id, on, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn transfers(state: State<'_, SessionState>) -> Result<Json<Vec<TransferView>>, ApiError> {
    session(&state)?.transfers().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn submit_plan(
    state: State<'_, SessionState>,
    family_id: EntityId,
    version: u32,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.submit_plan(family_id, version, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn decide_plan(
    state: State<'_, SessionState>,
    family_id: EntityId,
    version: u32,
    form: DecisionForm,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.decide_plan(family_id, version, form, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn plan_decisions(
    state: State<'_, SessionState>,
) -> Result<Json<Vec<asysta_core::centre::approval::PlanDecisionNotice>>, ApiError> {
    session(&state)?.plan_decisions().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_comment(
    state: State<'_, SessionState>,
    target_id: String,
    text: String,
    reply_to: Option<EntityId>,
) -> Result<Json<FamilyCase>, ApiError> {
    session(&state)?.add_comment(target_id, text, reply_to, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn mark_comments_read(state: State<'_, SessionState>, ids: Vec<EntityId>) -> Result<Json<()>, ApiError> {
    session(&state)?.mark_comments_read(&ids).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn cross_duplicates(state: State<'_, SessionState>) -> Result<Json<Vec<DuplicatePair>>, ApiError> {
    session(&state)?.cross_duplicates().map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn decide_duplicates(
    state: State<'_, SessionState>,
    first: EntityId,
    second: EntityId,
    decision: DuplicateDecision,
) -> Result<Json<Vec<DuplicatePair>>, ApiError> {
    session(&state)?.decide_duplicates(first, second, decision, local_today()).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn dashboard(
    state: State<'_, SessionState>,
    on: Option<chrono::NaiveDate>,
) -> Result<Json<Dashboard>, ApiError> {
    session(&state)?.dashboard(on.unwrap_or_else(local_today)).map(Json)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn half_year_report(
    state: State<'_, SessionState>,
    period: String,
) -> Result<Json<HalfYearReport>, ApiError> {
    session(&state)?.half_year_report(&period).map(Json)
}

/// The half-year report as CSV, to `path` or where the save dialog says
/// (`None` when it is cancelled), as `print_document` saves.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_half_year_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, SessionState>,
    period: String,
    path: Option<PathBuf>,
) -> Result<Json<Option<String>>, ApiError> {
    let name = crate::session::half_year_csv_name(&period)?;
    let path = match (path, std::env::var_os(PRINT_DIR_ENV)) {
        (Some(path), _) => path,
        (None, Some(dir)) => free_name(&PathBuf::from(dir), &name),
        (None, None) => {
            let picked = app.dialog().file().set_file_name(&name).add_filter("CSV", &["csv"]).blocking_save_file();
            match picked.and_then(|p| p.into_path().ok()) {
                Some(path) => path,
                None => return Ok(Json(None)),
            }
        }
    };
    session(&state)?.export_half_year_csv(&period, &path).map(Some).map(Json)
}
