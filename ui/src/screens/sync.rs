//! Exchanging bundles between a laptop and its centre: this device's id and
//! fingerprint, what is waiting to be delivered, the last bundles, gaps and
//! conflicts; enrolment; export (at a centre, one bundle per device) and
//! import, by a typed path, the native dialog or a file dropped on the
//! window; and the centre's settings, which travel in the bundles.

pub mod backups;
pub mod check;
pub mod enrolment;
pub mod path_field;
pub mod peers;
pub mod report;
pub mod settings;

use crate::components::checkbox::CheckboxField;
use crate::components::header::Header;
use crate::i18n::use_i18n;
use crate::ipc::{self, ExportProgress};
use asysta_core::api::{ApiError, ErrorKind, WorkspaceStatus};
use asysta_core::exchange::{ExportSummary, ImportSummary, SyncStatus};
use asysta_core::workspace::{Role, WorkspaceInfo};
use asysta_core::DeviceId;
use backups::BackupPanel;
use check::CheckPanel;
use enrolment::EnrolmentPanel;
use path_field::PathField;
use peers::{CentrePanel, DevicesPanel, SummaryPanel};
use report::{ExportReport, ImportReport, UntrustedDevice};
use settings::SettingsPanel;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// What the screen is doing: one exchange at a time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Task {
    Export,
    /// Importing the file at this path.
    Import(String),
}

/// The result of the last exchange.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Exported(ExportSummary),
    Imported(ImportSummary),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SyncState {
    /// `None` until the status arrives.
    pub status: Option<SyncStatus>,
    /// Bumped to read the status again (after every exchange).
    pub request: u32,
    /// The folder bundles are written to.
    pub export_to: String,
    /// The bundle file to read.
    pub import_from: String,
    /// Everything, not only what the receiver lacks; restricted notes too.
    pub options: ipc::ExportOptions,
    pub busy: Option<Task>,
    /// The export's last step, for the progress bar.
    pub progress: Option<ExportProgress>,
    pub outcome: Option<Outcome>,
    pub error: Option<ApiError>,
    /// The file of the last import that was tried (what "trust" re-imports).
    pub last_import: Option<String>,
}

pub enum SyncAction {
    Loaded {
        request: u32,
        status: Box<SyncStatus>,
    },
    LoadFailed(ApiError),
    EditExportTo(String),
    EditImportFrom(String),
    SetFull(bool),
    SetIncludeRestricted(bool),
    /// A file was dropped on the window: it is imported at once.
    Dropped(String),
    Started(Task),
    Progress(ExportProgress),
    Exported(ExportSummary),
    Imported(ImportSummary),
    Failed(ApiError),
    /// Enrolment or the settings changed what the status shows.
    Reload,
}

impl SyncState {
    /// The device an import was refused from because nobody has compared
    /// its fingerprint yet: the fingerprint and its user's name.
    pub fn untrusted(&self) -> Option<(&str, &str)> {
        let error = self.error.as_ref().filter(|e| e.kind == ErrorKind::DeviceUnknown)?;
        let fingerprint = error.args.get("fingerprint")?;
        Some((fingerprint, error.args.get("name").map_or("", String::as_str)))
    }
}

impl Reducible for SyncState {
    type Action = SyncAction;

    fn reduce(self: Rc<Self>, action: SyncAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SyncAction::Loaded { request, status } => {
                if request == next.request {
                    next.status = Some(*status);
                }
            }
            SyncAction::LoadFailed(error) => next.error = Some(error),
            SyncAction::EditExportTo(path) => next.export_to = path,
            SyncAction::EditImportFrom(path) => next.import_from = path,
            SyncAction::SetFull(on) => next.options.full = on,
            SyncAction::SetIncludeRestricted(on) => next.options.include_restricted = on,
            SyncAction::Dropped(path) => next.import_from = path,
            SyncAction::Started(task) => {
                if let Task::Import(path) = &task {
                    next.last_import = Some(path.clone());
                }
                next.busy = Some(task);
                next.progress = None;
                next.outcome = None;
                next.error = None;
            }
            SyncAction::Progress(progress) => {
                if next.busy == Some(Task::Export) {
                    next.progress = Some(progress);
                }
            }
            SyncAction::Exported(summary) => {
                next.finish();
                next.outcome = Some(Outcome::Exported(summary));
            }
            SyncAction::Imported(summary) => {
                next.finish();
                next.outcome = Some(Outcome::Imported(summary));
            }
            SyncAction::Failed(error) => {
                next.busy = None;
                next.progress = None;
                next.error = Some(error);
            }
            SyncAction::Reload => next.request = next.request.wrapping_add(1),
        }
        Rc::new(next)
    }
}

impl SyncState {
    fn finish(&mut self) {
        self.busy = None;
        self.progress = None;
        self.error = None;
        self.request = self.request.wrapping_add(1);
    }
}

/// Starts an export into `to` (for `device` at a centre).
fn start_export(
    dispatcher: UseReducerDispatcher<SyncState>,
    on_locked: Callback<()>,
    to: String,
    device: Option<DeviceId>,
    options: ipc::ExportOptions,
) {
    dispatcher.dispatch(SyncAction::Started(Task::Export));
    spawn_local(async move {
        match ipc::export_bundle(&to, device, options).await {
            Ok(summary) => dispatcher.dispatch(SyncAction::Exported(summary)),
            Err(e) if e.kind == ErrorKind::Locked => on_locked.emit(()),
            Err(e) => dispatcher.dispatch(SyncAction::Failed(e)),
        }
    });
}

/// Starts an import of the file at `path`.
fn start_import(
    dispatcher: UseReducerDispatcher<SyncState>,
    on_locked: Callback<()>,
    path: String,
    trust: Option<String>,
) {
    dispatcher.dispatch(SyncAction::Started(Task::Import(path.clone())));
    spawn_local(async move {
        match ipc::import_bundle(&path, trust.as_deref()).await {
            Ok(summary) => dispatcher.dispatch(SyncAction::Imported(summary)),
            Err(e) if e.kind == ErrorKind::Locked => on_locked.emit(()),
            Err(e) => dispatcher.dispatch(SyncAction::Failed(e)),
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct SyncScreenProps {
    pub info: WorkspaceInfo,
    pub on_status: Callback<WorkspaceStatus>,
    /// Back to the family list.
    pub on_back: Callback<()>,
    /// The state to start from (host tests; the app starts empty).
    #[prop_or_default]
    pub initial: Option<Rc<SyncState>>,
}

#[component]
pub fn SyncScreen(props: &SyncScreenProps) -> Html {
    let i18n = use_i18n();
    let state = {
        let initial = props.initial.clone();
        use_reducer(move || initial.map(|s| (*s).clone()).unwrap_or_default())
    };
    let on_locked = props.on_status.reform(|()| WorkspaceStatus::Locked);
    let role = props.info.role;

    {
        let dispatcher = state.dispatcher();
        let on_locked = on_locked.clone();
        use_effect_with(state.request, move |&request| {
            spawn_local(async move {
                match ipc::sync_status().await {
                    Ok(status) => dispatcher.dispatch(SyncAction::Loaded { request, status: Box::new(status) }),
                    Err(e) if e.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(e) => dispatcher.dispatch(SyncAction::LoadFailed(e)),
                }
            });
        });
    }
    // Whether an exchange is under way, for the drop handler registered once.
    let busy_now = use_mut_ref(|| false);
    *busy_now.borrow_mut() = state.busy.is_some();
    {
        // Export steps from the shell, and bundle files dropped on the
        // window, for as long as the screen is open.
        let dispatcher = state.dispatcher();
        let on_locked = on_locked.clone();
        use_effect_with((), move |_| {
            let progress = ipc::listen_export_progress(dispatcher.to_callback().reform(SyncAction::Progress));
            let dropped = ipc::listen_drag_drop(Callback::from(move |paths: Vec<String>| {
                if let (false, Some(path)) = (*busy_now.borrow(), paths.into_iter().next()) {
                    dispatcher.dispatch(SyncAction::Dropped(path.clone()));
                    start_import(dispatcher.clone(), on_locked.clone(), path, None);
                }
            }));
            move || {
                // Dropping the listeners stops them.
                let _listeners = (progress, dropped);
            }
        });
    }

    let on_export = {
        let (dispatcher, on_locked, to) = (state.dispatcher(), on_locked.clone(), state.export_to.clone());
        let options = state.options;
        Callback::from(move |device: Option<DeviceId>| {
            start_export(dispatcher.clone(), on_locked.clone(), to.trim().to_owned(), device, options)
        })
    };
    let on_import = {
        let (dispatcher, on_locked, path) = (state.dispatcher(), on_locked.clone(), state.import_from.clone());
        Callback::from(move |_: MouseEvent| {
            start_import(dispatcher.clone(), on_locked.clone(), path.trim().to_owned(), None)
        })
    };
    let on_trust = {
        let (dispatcher, on_locked) = (state.dispatcher(), on_locked.clone());
        let path = state.last_import.clone().unwrap_or_default();
        let fingerprint = state.untrusted().map(|(f, _)| f.to_owned());
        Callback::from(move |_: MouseEvent| {
            start_import(dispatcher.clone(), on_locked.clone(), path.clone(), fingerprint.clone())
        })
    };
    let on_reload = state.dispatcher().to_callback().reform(|()| SyncAction::Reload);
    let busy = state.busy.is_some();
    let export_disabled = busy || state.export_to.trim().is_empty();

    let exchange = match (&state.status, role) {
        (None, _) => html! { <p id="sync-loading" class="loading">{ i18n.tr("loading") }</p> },
        (Some(status), Role::Centre) => html! {
            <DevicesPanel devices={status.devices.clone()} disabled={export_disabled} on_export={on_export.clone()} />
        },
        (Some(status), Role::Assistant) => html! {
            <CentrePanel centre={status.centre.clone()} disabled={export_disabled} on_export={on_export.clone()} />
        },
    };

    html! {
        <div id="sync" class="page">
            <Header info={props.info.clone()} />
            <main class="content sync">
                <nav class="case-nav">
                    <button type="button" id="sync-back" class="secondary" onclick={props.on_back.reform(|_: MouseEvent| ())}>
                        { i18n.tr("sync-back") }
                    </button>
                </nav>
                <h2 id="sync-title">{ i18n.tr("sync-title") }</h2>
                if let Some(status) = &state.status {
                    <SummaryPanel status={Rc::new(status.clone())} />
                }
                <section id="sync-exchange" class="panel" aria-labelledby="sync-export-title">
                    <h3 id="sync-export-title">{ i18n.tr("sync-export-title") }</h3>
                    <p class="hint">{ i18n.tr(if role == Role::Centre { "sync-export-help-centre" } else { "sync-export-help" }) }</p>
                    <PathField id="export-path" label={i18n.tr("sync-export-folder")} folder={true}
                        value={state.export_to.clone()}
                        oninput={state.dispatcher().to_callback().reform(SyncAction::EditExportTo)} />
                    <CheckboxField id="export-full" label={i18n.tr("sync-export-full")} checked={state.options.full}
                        onchange={state.dispatcher().to_callback().reform(SyncAction::SetFull)} />
                    if role == Role::Assistant {
                        <CheckboxField id="export-include-restricted" label={i18n.tr("sync-export-include-restricted")}
                            checked={state.options.include_restricted}
                            onchange={state.dispatcher().to_callback().reform(SyncAction::SetIncludeRestricted)} />
                    }
                    { exchange }
                    if let Some(progress) = &state.progress {
                        <ExportProgressBar progress={progress.clone()}
                            expected={state.status.as_ref().map_or(0, |s| s.pending_events)} />
                    } else if state.busy == Some(Task::Export) {
                        <progress id="export-progress" aria-label={i18n.tr("sync-exporting")}></progress>
                    }
                    <h3 id="sync-import-title">{ i18n.tr("sync-import-title") }</h3>
                    <p class="hint">{ i18n.tr("sync-import-help") }</p>
                    <PathField id="import-path" label={i18n.tr("sync-import-file")} folder={false}
                        value={state.import_from.clone()}
                        oninput={state.dispatcher().to_callback().reform(SyncAction::EditImportFrom)} />
                    <div class="actions">
                        <button type="button" id="import-submit" class="primary"
                            disabled={busy || state.import_from.trim().is_empty()} onclick={on_import}>
                            { i18n.tr("sync-import-submit") }
                        </button>
                    </div>
                    <div class="status-region" aria-live="polite">
                        if matches!(state.busy, Some(Task::Import(_))) {
                            <p id="import-busy" class="loading">{ i18n.tr("sync-importing") }</p>
                        }
                        if let Some(Outcome::Exported(summary)) = &state.outcome {
                            <ExportReport summary={summary.clone()} />
                        }
                        if let Some(Outcome::Imported(summary)) = &state.outcome {
                            <ImportReport summary={summary.clone()} />
                        }
                    </div>
                    if let Some((fingerprint, name)) = state.untrusted() {
                        <UntrustedDevice fingerprint={fingerprint.to_owned()} name={name.to_owned()}
                            disabled={busy} on_trust={on_trust} />
                    }
                    if let Some(error) = &state.error {
                        <p id="sync-error" class="form-error" role="alert">{ i18n.api_error(error) }</p>
                    }
                </section>
                <div class="sync-columns">
                    <EnrolmentPanel {role} status={state.status.clone().map(Rc::new)} on_enrolled={on_reload.clone()} on_locked={on_locked.clone()} />
                    <SettingsPanel {role} revision={state.request} on_saved={on_reload} on_locked={on_locked.clone()} />
                    <CheckPanel on_locked={on_locked.clone()} />
                    <BackupPanel {on_locked} />
                </div>
            </main>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ExportProgressBarProps {
    progress: ExportProgress,
    /// How many events the export is expected to read (0: unknown).
    expected: u64,
}

/// Reading is measured against the events pending; sealing and writing
/// come after, at the end of the bar.
#[component]
fn ExportProgressBar(props: &ExportProgressBarProps) -> Html {
    let i18n = use_i18n();
    let (stage, value, max) = match props.progress.stage.as_str() {
        "reading" => ("sync-progress-reading", props.progress.count, props.expected.max(props.progress.count).max(1)),
        "sealing" => ("sync-progress-sealing", 9, 10),
        _ => ("sync-progress-writing", 10, 10),
    };
    html! {
        <div class="export-progress">
            <progress id="export-progress" value={value.to_string()} max={max.to_string()}></progress>
            <span id="export-stage">{ i18n.count(stage, props.progress.count as usize) }</span>
        </div>
    }
}

#[cfg(test)]
mod tests;
