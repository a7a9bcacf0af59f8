//! The header on every screen: the app's name, who works in the open
//! workspace, the lock button and the language switch.

use crate::i18n::{other_locale, use_i18n};
use asysta_core::workspace::WorkspaceInfo;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The open workspace, when there is one.
    #[prop_or_default]
    pub info: Option<WorkspaceInfo>,
    /// Shows the lock button when set.
    #[prop_or_default]
    pub on_lock: Option<Callback<()>>,
    /// Shows the button to the sync screen when set.
    #[prop_or_default]
    pub on_sync: Option<Callback<()>>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let i18n = use_i18n();
    let switch = {
        let switch = i18n.switch_callback();
        Callback::from(move |_: MouseEvent| switch.emit(()))
    };
    html! {
        <header class="app-header">
            <div class="brand">
                <h1 id="app-title">{ i18n.tr("app-title") }</h1>
                <p class="subtitle">{ i18n.tr("app-subtitle") }</p>
            </div>
            if let Some(info) = &props.info {
                <p id="workspace-info" class="info">
                    <span id="assistant-name">{ info.assistant_name.clone() }</span>
                    <span class="separator" aria-hidden="true">{ " · " }</span>
                    <span id="centre-name">{ info.centre_name.clone() }</span>
                    if info.role == asysta_core::workspace::Role::Centre {
                        <span class="separator" aria-hidden="true">{ " · " }</span>
                        <span id="workspace-role">{ i18n.tr("role-centre") }</span>
                    }
                </p>
            }
            <div class="header-actions">
                if let Some(on_sync) = &props.on_sync {
                    <button type="button" id="open-sync" class="secondary" onclick={on_sync.reform(|_: MouseEvent| ())}>
                        { i18n.tr("sync-open") }
                    </button>
                }
                if let Some(on_lock) = &props.on_lock {
                    <button type="button" id="lock" class="secondary" onclick={on_lock.reform(|_: MouseEvent| ())}>
                        { i18n.tr("lock-button") }
                    </button>
                }
                // The label names the other language in that language.
                <button
                    type="button"
                    id="language-switch"
                    class="secondary"
                    lang={other_locale(i18n.locale()).code()}
                    onclick={switch}
                >
                    { i18n.tr("language-switch") }
                </button>
            </div>
        </header>
    }
}
