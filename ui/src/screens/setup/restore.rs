//! On the first-run screen: a workspace restored from a backup instead of
//! a new one (a new laptop after the old one was lost). The backup is
//! checked whole before anything is written; then the unlock screen asks
//! for the workspace's passphrase.

use crate::i18n::use_i18n;
use crate::ipc;
use crate::screens::sync::path_field::PathField;
use asysta_core::api::{ApiError, WorkspaceStatus};
use yew::platform::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RestorePanelProps {
    pub on_status: Callback<WorkspaceStatus>,
}

#[component]
pub fn RestorePanel(props: &RestorePanelProps) -> Html {
    let i18n = use_i18n();
    let path = use_state(String::new);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let onsubmit = {
        let (path, busy, error, on_status) = (path.clone(), busy.clone(), error.clone(), props.on_status.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy || path.trim().is_empty() {
                return;
            }
            busy.set(true);
            let (file, busy, error, on_status) =
                ((*path).trim().to_owned(), busy.clone(), error.clone(), on_status.clone());
            spawn_local(async move {
                match ipc::restore_backup(&file).await {
                    Ok(_) => match ipc::workspace_status().await {
                        Ok(status) => on_status.emit(status),
                        Err(e) => error.set(Some(e)),
                    },
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let on_path = {
        let path = path.clone();
        Callback::from(move |value: String| path.set(value))
    };
    html! {
        <section id="restore" class="panel" aria-labelledby="restore-title">
            <h2 id="restore-title">{ i18n.tr("restore-title") }</h2>
            <p class="hint">{ i18n.tr("restore-help") }</p>
            <form id="restore-form" class="form" aria-busy={busy.then_some("true")} {onsubmit}>
                <PathField id="restore-file" label={i18n.tr("restore-file")} value={(*path).clone()} folder=false oninput={on_path} />
                if let Some(e) = &*error {
                    <p id="restore-error" class="form-error" role="alert">{ i18n.api_error(e) }</p>
                }
                <div class="actions">
                    <button type="submit" id="restore-submit" class="secondary" disabled={*busy}>{ i18n.tr("restore-submit") }</button>
                </div>
            </form>
        </section>
    }
}
