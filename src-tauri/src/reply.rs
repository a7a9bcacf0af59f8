//! How a command's reply travels to the page.

use serde::Serialize;
use tauri::ipc::{InvokeResponseBody, IpcResponse};

/// A command's reply, sent to the page as JSON bytes rather than as JSON
/// text: the page receives an `ArrayBuffer` that JavaScript does not
/// parse, and the UI decodes it once, in the wasm (`ui/src/ipc.rs`). A
/// reply sent as text is parsed by JavaScript into objects, which the UI
/// then has to turn back into text to decode; for the 500-visit case
/// (332 KiB) that was a third of the time to open it.
pub struct Json<T>(pub T);

impl<T: Serialize> IpcResponse for Json<T> {
    fn body(self) -> tauri::Result<InvokeResponseBody> {
        Ok(InvokeResponseBody::Raw(serde_json::to_vec(&self.0)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_is_its_value_as_json_bytes() {
        let body = Json(vec![("Kowalscy", 3)]).body().unwrap();
        let InvokeResponseBody::Raw(bytes) = body else { panic!("not raw bytes") };
        assert_eq!(bytes, br#"[["Kowalscy",3]]"#);
    }
}
