//! The centre's settings: edited at the centre, shown on a laptop (they
//! arrive with the centre's bundles).

use crate::i18n::use_i18n;
use crate::ipc::{self, Settings};
use asysta_core::api::{ApiError, ErrorKind};
use asysta_core::workspace::Role;
use yew::platform::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SettingsPanelProps {
    pub role: Role,
    /// Read again when this changes (after an import brought new settings).
    #[prop_or_default]
    pub revision: u32,
    /// After a save (the status shows pending changes).
    pub on_saved: Callback<()>,
    pub on_locked: Callback<()>,
}

#[component]
pub fn SettingsPanel(props: &SettingsPanelProps) -> Html {
    let i18n = use_i18n();
    let settings = use_state(|| None::<Settings>);
    let form = use_state(|| (String::new(), String::new()));
    let error = use_state(|| None::<ApiError>);
    let saved = use_state(|| false);
    {
        let (settings, form, on_locked) = (settings.clone(), form.clone(), props.on_locked.clone());
        use_effect_with(props.revision, move |_| {
            spawn_local(async move {
                match ipc::settings().await {
                    Ok(s) => {
                        form.set((s.caseload_cap.to_string(), s.no_visit_days.to_string()));
                        settings.set(Some(s));
                    }
                    Err(e) if e.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(_) => {}
                }
            });
        });
    }
    let Some(current) = *settings else {
        return html! {};
    };
    if props.role != Role::Centre {
        return html! {
            <section id="settings" class="panel" aria-labelledby="settings-title">
                <h3 id="settings-title">{ i18n.tr("settings-title") }</h3>
                <p class="hint">{ i18n.tr("settings-from-centre") }</p>
                <dl class="sync-facts">
                    <dt>{ i18n.tr("settings-caseload-cap") }</dt>
                    <dd id="settings-cap">{ current.caseload_cap }</dd>
                    <dt>{ i18n.tr("settings-no-visit-days") }</dt>
                    <dd id="settings-days">{ current.no_visit_days }</dd>
                </dl>
            </section>
        };
    }
    let onsubmit = {
        let (settings, form, error, saved) = (settings.clone(), form.clone(), error.clone(), saved.clone());
        let (on_saved, on_locked) = (props.on_saved.clone(), props.on_locked.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let parsed = (form.0.trim().parse::<u32>(), form.1.trim().parse::<u32>());
            let (Ok(caseload_cap), Ok(no_visit_days)) = parsed else {
                error.set(Some(ApiError::new(ErrorKind::Invalid)));
                return;
            };
            let (settings, error, saved) = (settings.clone(), error.clone(), saved.clone());
            let (on_saved, on_locked) = (on_saved.clone(), on_locked.clone());
            spawn_local(async move {
                match ipc::set_settings(Settings { caseload_cap, no_visit_days }).await {
                    Ok(s) => {
                        settings.set(Some(s));
                        error.set(None);
                        saved.set(true);
                        on_saved.emit(());
                    }
                    Err(e) if e.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(e) => {
                        saved.set(false);
                        error.set(Some(e));
                    }
                }
            });
        })
    };
    let input = |id: &'static str, label: &str, value: &str, first: bool| {
        let form = form.clone();
        let oninput = Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let (cap, days) = (*form).clone();
            form.set(if first { (input.value(), days) } else { (cap, input.value()) });
        });
        html! {
            <div class="field">
                <label for={id}>{ label.to_owned() }</label>
                <input {id} type="number" min="1" value={value.to_owned()} {oninput} />
            </div>
        }
    };
    html! {
        <section id="settings" class="panel" aria-labelledby="settings-title">
            <h3 id="settings-title">{ i18n.tr("settings-title") }</h3>
            <p class="hint">{ i18n.tr("settings-help") }</p>
            <form id="settings-form" class="form" {onsubmit}>
                { input("caseload_cap", &i18n.tr("settings-caseload-cap"), &form.0, true) }
                { input("no_visit_days", &i18n.tr("settings-no-visit-days"), &form.1, false) }
                if let Some(e) = &*error {
                    <p id="settings-error" class="form-error" role="alert">{ i18n.api_error(e) }</p>
                }
                <div class="actions">
                    <button type="submit" id="settings-submit" class="primary">{ i18n.tr("settings-save") }</button>
                </div>
                if *saved {
                    <p id="settings-saved" class="status">
                        { i18n.tr_args("settings-saved", &[
                            ("cap", asysta_i18n::Arg::Num(f64::from(current.caseload_cap))),
                            ("days", asysta_i18n::Arg::Num(f64::from(current.no_visit_days))),
                        ]) }
                    </p>
                }
            </form>
        </section>
    }
}
