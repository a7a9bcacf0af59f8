//! "Kopie zapasowe": this workspace's encrypted backups (written after the
//! day's first unlock and before every import, upgrade and recovery), one
//! made now, and this device's settings: a second folder and how many
//! backups are kept.

use super::path_field::PathField;
use crate::i18n::{use_i18n, I18n};
use crate::ipc;
use asysta_core::api::{ApiError, ErrorKind};
use asysta_core::backup::{BackupEntry, BackupOutcome, BackupReason, BackupSettings, Rotation};
use asysta_i18n::Arg;
use yew::platform::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BackupPanelProps {
    pub on_locked: Callback<()>,
}

/// The settings as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BackupForm {
    pub folder: String,
    pub daily: String,
    pub weekly: String,
    pub monthly: String,
}

impl BackupForm {
    pub fn of(settings: &BackupSettings) -> BackupForm {
        BackupForm {
            folder: settings.second_folder.clone().unwrap_or_default(),
            daily: settings.rotation.daily.to_string(),
            weekly: settings.rotation.weekly.to_string(),
            monthly: settings.rotation.monthly.to_string(),
        }
    }

    /// The settings, or `None` when a number is not a whole number from 0
    /// to 100.
    pub fn settings(&self) -> Option<BackupSettings> {
        let number = |text: &str| text.trim().parse::<u32>().ok().filter(|n| *n <= 100);
        let folder = self.folder.trim();
        Some(BackupSettings {
            second_folder: (!folder.is_empty()).then(|| folder.to_owned()),
            rotation: Rotation {
                daily: number(&self.daily)?,
                weekly: number(&self.weekly)?,
                monthly: number(&self.monthly)?,
            },
        })
    }
}

/// A size in megabytes with one decimal ("1,4 MB").
pub fn megabytes(bytes: u64, i18n: &I18n) -> String {
    let text = format!("{:.1}", bytes as f64 / 1_048_576.0);
    let text = if i18n.locale() == asysta_i18n::Locale::Pl { text.replace('.', ",") } else { text };
    i18n.tr_args("backup-megabytes", &[("size", Arg::Str(&text))])
}

fn reason_id(reason: BackupReason) -> &'static str {
    match reason {
        BackupReason::Daily => "backup-reason-daily",
        BackupReason::Manual => "backup-reason-manual",
        BackupReason::Import => "backup-reason-import",
        BackupReason::Upgrade => "backup-reason-upgrade",
        BackupReason::Recovery => "backup-reason-recovery",
    }
}

#[component]
pub fn BackupPanel(props: &BackupPanelProps) -> Html {
    let i18n = use_i18n();
    let list = use_state(|| None::<Vec<BackupEntry>>);
    let form = use_state(BackupForm::default);
    let revision = use_state(|| 0u32);
    let busy = use_state(|| false);
    let made = use_state(|| None::<BackupOutcome>);
    let error = use_state(|| None::<ApiError>);
    let saved = use_state(|| false);
    {
        let (list, form, on_locked) = (list.clone(), form.clone(), props.on_locked.clone());
        use_effect_with(*revision, move |_| {
            spawn_local(async move {
                match (ipc::backups().await, ipc::backup_settings().await) {
                    (Ok(backups), Ok(settings)) => {
                        list.set(Some(backups));
                        form.set(BackupForm::of(&settings));
                    }
                    (Err(e), _) | (_, Err(e)) if e.kind == ErrorKind::Locked => on_locked.emit(()),
                    _ => list.set(Some(Vec::new())),
                }
            });
        });
    }
    let make = {
        let (busy, made, error, revision, on_locked) =
            (busy.clone(), made.clone(), error.clone(), revision.clone(), props.on_locked.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            let (busy, made, error, revision, on_locked) =
                (busy.clone(), made.clone(), error.clone(), revision.clone(), on_locked.clone());
            spawn_local(async move {
                match ipc::backup_now().await {
                    Ok(outcome) => {
                        made.set(Some(outcome));
                        error.set(None);
                        revision.set(*revision + 1);
                    }
                    Err(e) if e.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let onsubmit = {
        let (form, error, saved, revision, on_locked) =
            (form.clone(), error.clone(), saved.clone(), revision.clone(), props.on_locked.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(settings) = form.settings() else {
                saved.set(false);
                error.set(Some(ApiError::invalid(vec![asysta_core::FieldError::new(
                    "rotation",
                    asysta_core::FieldErrorCode::OutOfRange,
                )])));
                return;
            };
            let (error, saved, revision, on_locked) =
                (error.clone(), saved.clone(), revision.clone(), on_locked.clone());
            spawn_local(async move {
                match ipc::set_backup_settings(&settings).await {
                    Ok(_) => {
                        error.set(None);
                        saved.set(true);
                        revision.set(*revision + 1);
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
    let number = |id: &'static str, label: &str, value: &str, set: fn(&mut BackupForm, String)| {
        let form = form.clone();
        let oninput = Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let mut next = (*form).clone();
            set(&mut next, input.value());
            form.set(next);
        });
        html! {
            <div class="field">
                <label for={id}>{ label.to_owned() }</label>
                <input {id} type="number" min="0" max="100" value={value.to_owned()} {oninput} />
            </div>
        }
    };
    let on_folder = {
        let form = form.clone();
        Callback::from(move |folder: String| form.set(BackupForm { folder, ..(*form).clone() }))
    };
    let busy_now = *busy;
    html! {
        <section id="backups" class="panel" aria-labelledby="backups-title">
            <h3 id="backups-title">{ i18n.tr("backup-title") }</h3>
            <p class="hint">{ i18n.tr("backup-help") }</p>
            <div class="actions">
                <button type="button" id="backup-now" class="secondary" disabled={busy_now} aria-busy={busy_now.to_string()} onclick={make}>
                    { i18n.tr(if busy_now { "backup-running" } else { "backup-now" }) }
                </button>
            </div>
            <div aria-live="polite">
                if let Some(outcome) = &*made {
                    <p id="backup-made" class="status">
                        { i18n.tr_args("backup-made", &[("path", Arg::Str(outcome.written.first().map_or("", |b| b.path.as_str())))]) }
                    </p>
                    if let Some(problem) = &outcome.second_folder_error {
                        <p id="backup-second-failed" class="form-error" role="alert">
                            { i18n.tr_args("backup-second-folder-failed", &[("error", Arg::Str(problem))]) }
                        </p>
                    }
                }
                if let Some(e) = &*error {
                    <p id="backup-error" class="form-error" role="alert">{ i18n.api_error(e) }</p>
                }
            </div>
            { backup_table(&i18n, list.as_deref()) }
            <form id="backup-settings" class="form" {onsubmit}>
                <PathField id="backup-folder" label={i18n.tr("backup-second-folder")} value={form.folder.clone()} folder=true oninput={on_folder} />
                <fieldset class="backup-rotation">
                    <legend>{ i18n.tr("backup-rotation") }</legend>
                    { number("backup-daily", &i18n.tr("backup-daily"), &form.daily, |f, v| f.daily = v) }
                    { number("backup-weekly", &i18n.tr("backup-weekly"), &form.weekly, |f, v| f.weekly = v) }
                    { number("backup-monthly", &i18n.tr("backup-monthly"), &form.monthly, |f, v| f.monthly = v) }
                </fieldset>
                <div class="actions">
                    <button type="submit" id="backup-settings-submit" class="primary">{ i18n.tr("backup-settings-save") }</button>
                </div>
                if *saved {
                    <p id="backup-settings-saved" class="status">{ i18n.tr("backup-settings-saved") }</p>
                }
            </form>
        </section>
    }
}

/// The backups, newest first: when, why, size, checked, where.
pub fn backup_table(i18n: &I18n, list: Option<&[BackupEntry]>) -> Html {
    let Some(list) = list else {
        return html! { <p class="loading">{ i18n.tr("loading") }</p> };
    };
    if list.is_empty() {
        return html! { <p id="backups-none" class="empty">{ i18n.tr("backup-none") }</p> };
    }
    html! {
        <table id="backup-list" class="backup-list">
            <caption class="visually-hidden">{ i18n.tr("backup-list-caption") }</caption>
            <thead>
                <tr>
                    <th scope="col">{ i18n.tr("backup-column-when") }</th>
                    <th scope="col">{ i18n.tr("backup-column-reason") }</th>
                    <th scope="col">{ i18n.tr("backup-column-size") }</th>
                    <th scope="col">{ i18n.tr("backup-column-state") }</th>
                    <th scope="col">{ i18n.tr("backup-column-where") }</th>
                </tr>
            </thead>
            <tbody>
                { for list.iter().map(|b| html! {
                    <tr class={classes!("backup-row", (!b.verified).then_some("damaged"))}>
                        <td class="backup-when">{ crate::format::local_timestamp(b.created_at_ms) }</td>
                        <td class="backup-reason">{ i18n.tr(reason_id(b.reason)) }</td>
                        <td class="backup-size">{ megabytes(b.bytes, i18n) }</td>
                        <td class="backup-state">{ i18n.tr(if b.verified { "backup-verified" } else { "backup-damaged" }) }</td>
                        <td class="backup-where">
                            { i18n.tr(if b.second_folder { "backup-in-second-folder" } else { "backup-in-data-dir" }) }
                            <span class="backup-path">{ b.path.clone() }</span>
                        </td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
