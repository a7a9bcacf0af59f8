//! The only module that talks to the desktop shell.
//!
//! Each command of [`asysta_core::api::command`] has one typed function here.
//! Arguments are sent as a JSON object with snake_case keys; every failure
//! comes back as an [`ApiError`]. A rejection that is not an `ApiError` (a
//! missing command, a shell without Tauri, an undecodable reply) becomes
//! `ErrorKind::Internal`, so callers never see raw JavaScript values.

use asysta_core::api::{command, ApiError, FamilyList, History, WorkspaceStatus};
use asysta_core::family::NewFamilyForm;
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

pub async fn list_families() -> Result<FamilyList, ApiError> {
    call(command::LIST_FAMILIES, &NoArgs {}).await
}

pub async fn add_family(form: &NewFamilyForm) -> Result<EntityId, ApiError> {
    call(command::ADD_FAMILY, &FormArgs { form }).await
}

pub async fn history(entity_id: EntityId) -> Result<History, ApiError> {
    call(command::HISTORY, &HistoryArgs { entity_id }).await
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
