//! Tauri commands: each locks the session and delegates. No logic here.

use crate::session::Session;
use asysta_core::api::{ApiError, ErrorKind, FamilyList, History, WorkspaceStatus};
use asysta_core::family::NewFamilyForm;
use asysta_core::workspace::NewWorkspaceForm;
use asysta_core::EntityId;
use std::sync::{Mutex, MutexGuard};
use tauri::State;

pub type SessionState = Mutex<Session>;

fn session<'a>(state: &'a State<'_, SessionState>) -> Result<MutexGuard<'a, Session>, ApiError> {
    state.lock().map_err(|_| ApiError::new(ErrorKind::Internal))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn workspace_status(state: State<'_, SessionState>) -> Result<WorkspaceStatus, ApiError> {
    session(&state)?.status()
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_workspace(
    state: State<'_, SessionState>,
    form: NewWorkspaceForm,
) -> Result<WorkspaceStatus, ApiError> {
    session(&state)?.create_workspace(&form)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn unlock(state: State<'_, SessionState>, passphrase: String) -> Result<WorkspaceStatus, ApiError> {
    session(&state)?.unlock(&passphrase)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn lock(state: State<'_, SessionState>) -> Result<WorkspaceStatus, ApiError> {
    session(&state)?.lock()
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_families(state: State<'_, SessionState>) -> Result<FamilyList, ApiError> {
    session(&state)?.list_families()
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_family(state: State<'_, SessionState>, form: NewFamilyForm) -> Result<EntityId, ApiError> {
    session(&state)?.add_family(&form)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn history(state: State<'_, SessionState>, entity_id: EntityId) -> Result<History, ApiError> {
    session(&state)?.history(entity_id)
}
