//! The case record of one family: its header and status, its people, the
//! case details, notes, and the history of the record.
//!
//! This screen fetches the case; each section (one module each) edits one
//! part of it and hands back the whole case the shell answers with.

pub mod conflicts;
pub mod details;
pub mod diary;
pub mod members;
pub mod notes;
pub mod plan;
pub mod status;

use crate::components::case_header::CaseHeader;
use crate::components::header::Header;
use crate::components::history::{HistoryContent, HistoryPanel};
use crate::i18n::use_i18n;
use crate::ipc;
use asysta_core::api::{ErrorKind, FamilyCase, WorkspaceStatus};
use asysta_core::plan::PlanArea;
use asysta_core::workspace::WorkspaceInfo;
use asysta_core::{EntityId, Event};
use conflicts::ConflictsSection;
use details::DetailsSection;
use diary::DiarySection;
use members::MembersSection;
use notes::NotesSection;
use plan::PlanSection;
use status::StatusSection;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The case as the screen shows it. Fetches are numbered as on the
/// families screen: a reply to an older request is dropped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CaseState {
    /// `None` until the case arrives.
    pub case: Option<Rc<FamilyCase>>,
    pub request: u32,
    /// A failure that concerns the whole screen (reading the case, locking).
    pub page_error: Option<ErrorKind>,
    /// The history panel, when open.
    pub history: Option<HistoryContent>,
    pub history_request: u32,
    /// The centre's areas of the work plan (empty until read).
    pub areas: Rc<Vec<PlanArea>>,
    pub areas_error: Option<ErrorKind>,
}

pub enum CaseAction {
    Loaded {
        request: u32,
        case: FamilyCase,
    },
    LoadFailed {
        request: u32,
        kind: ErrorKind,
    },
    /// A section saved a change; the shell answered with the whole case.
    Updated(FamilyCase),
    OpenHistory,
    HistoryLoaded {
        request: u32,
        events: Vec<Event>,
    },
    HistoryFailed {
        request: u32,
        kind: ErrorKind,
    },
    CloseHistory,
    LockFailed(ErrorKind),
    AreasLoaded(Vec<PlanArea>),
    AreasFailed(ErrorKind),
}

impl Reducible for CaseState {
    type Action = CaseAction;

    fn reduce(self: Rc<Self>, action: CaseAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            CaseAction::Loaded { request, case } => {
                if request == next.request {
                    next.case = Some(Rc::new(case));
                    next.page_error = None;
                }
            }
            CaseAction::LoadFailed { request, kind } => {
                if request == next.request {
                    next.page_error = Some(kind);
                }
            }
            CaseAction::Updated(case) => {
                next.case = Some(Rc::new(case));
                // An open history shows the change just made.
                if next.history.is_some() {
                    next.history_request = next.history_request.wrapping_add(1);
                }
            }
            CaseAction::OpenHistory => {
                next.history = Some(HistoryContent::Loading);
                next.history_request = next.history_request.wrapping_add(1);
            }
            CaseAction::HistoryLoaded { request, events } => {
                if next.history.is_some() && request == next.history_request {
                    next.history = Some(HistoryContent::Loaded(Rc::new(events)));
                }
            }
            CaseAction::HistoryFailed { request, kind } => {
                if next.history.is_some() && request == next.history_request {
                    next.history = Some(HistoryContent::Failed(kind));
                }
            }
            CaseAction::CloseHistory => next.history = None,
            CaseAction::LockFailed(kind) => next.page_error = Some(kind),
            CaseAction::AreasLoaded(areas) => next.areas = Rc::new(areas),
            CaseAction::AreasFailed(kind) => next.areas_error = Some(kind),
        }
        Rc::new(next)
    }
}

/// The sections of the case, daily work first, as the section links list
/// them: the element id and the title's message.
const SECTIONS: [(&str, &str); 5] = [
    ("diary", "visit-title"),
    ("plan", "plan-title"),
    ("members", "members-title"),
    ("details", "details-title"),
    ("notes", "notes-title"),
];

#[derive(Properties, PartialEq)]
pub struct CaseScreenProps {
    pub info: WorkspaceInfo,
    pub family_id: EntityId,
    /// A new workspace status: after locking, or when the shell reports
    /// that the workspace is locked.
    pub on_status: Callback<WorkspaceStatus>,
    /// Back to the family list.
    pub on_back: Callback<()>,
    /// Opens the sync screen.
    #[prop_or_default]
    pub on_open_sync: Callback<()>,
}

#[component]
pub fn CaseScreen(props: &CaseScreenProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(CaseState::default);
    let on_locked = props.on_status.reform(|()| WorkspaceStatus::Locked);
    let family_id = props.family_id;

    {
        let dispatcher = state.dispatcher();
        let on_locked = on_locked.clone();
        use_effect_with((state.request, family_id), move |&(request, family_id)| {
            spawn_local(async move {
                match ipc::family_case(family_id).await {
                    Ok(case) => dispatcher.dispatch(CaseAction::Loaded { request, case }),
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(error) => dispatcher.dispatch(CaseAction::LoadFailed { request, kind: error.kind }),
                }
            });
        });
    }
    {
        // The plan's areas: a failure leaves the plan readable (areas are
        // then shown by their keys) and the page says why.
        let dispatcher = state.dispatcher();
        let on_locked = on_locked.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                match ipc::plan_areas().await {
                    Ok(areas) => dispatcher.dispatch(CaseAction::AreasLoaded(areas)),
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(error) => dispatcher.dispatch(CaseAction::AreasFailed(error.kind)),
                }
            });
        });
    }
    {
        let dispatcher = state.dispatcher();
        let on_locked = on_locked.clone();
        let open = state.history.is_some();
        use_effect_with((state.history_request, open), move |&(request, open)| {
            if open {
                spawn_local(async move {
                    match ipc::history(family_id).await {
                        Ok(events) => dispatcher.dispatch(CaseAction::HistoryLoaded { request, events }),
                        Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                        Err(error) => dispatcher.dispatch(CaseAction::HistoryFailed { request, kind: error.kind }),
                    }
                });
            }
        });
    }

    let on_lock = {
        let dispatcher = state.dispatcher();
        let on_status = props.on_status.clone();
        Callback::from(move |()| {
            let dispatcher = dispatcher.clone();
            let on_status = on_status.clone();
            spawn_local(async move {
                match ipc::lock().await {
                    Ok(status) => on_status.emit(status),
                    Err(error) => dispatcher.dispatch(CaseAction::LockFailed(error.kind)),
                }
            });
        })
    };
    let on_case = state.dispatcher().to_callback().reform(CaseAction::Updated);
    let on_back = props.on_back.reform(|_: MouseEvent| ());
    let on_history = state.dispatcher().to_callback().reform(|()| CaseAction::OpenHistory);
    let on_close_history = state.dispatcher().to_callback().reform(|()| CaseAction::CloseHistory);

    // A centre reads its assistants' case records; the assistant edits them
    // (the shell refuses such edits at a centre as well).
    let read_only = props.info.role == asysta_core::workspace::Role::Centre;
    let body = match &state.case {
        None => html! { <p id="case-loading" class="loading">{ i18n.tr("loading") }</p> },
        Some(case) => {
            let family = &case.family;
            html! {
                <>
                    <CaseHeader case={case.clone()} {on_history}>
                        <div class={classes!(read_only.then_some("case-read-only-status"))}>
                        <StatusSection
                            {family_id}
                            status={family.status}
                            on_case={on_case.clone()}
                            on_locked={on_locked.clone()}
                        />
                        </div>
                    </CaseHeader>
                    if let Some(content) = &state.history {
                        <HistoryPanel
                            family_name={family.name.clone()}
                            content={content.clone()}
                            on_close={on_close_history}
                        />
                    }
                    <ConflictsSection
                        {family_id}
                        conflicts={case.conflicts.clone()}
                        on_case={on_case.clone()}
                        on_locked={on_locked.clone()}
                    />
                    if read_only {
                        <p id="case-read-only" class="hint">{ i18n.tr("case-read-only") }</p>
                    }
                    <div class={classes!(read_only.then_some("case-read-only"))}>
                    <nav id="case-sections" class="case-sections" aria-label={i18n.tr("case-sections")}>
                        { for SECTIONS.iter().map(|(id, title)| html! { <a href={format!("#{id}")}>{ i18n.tr(title) }</a> }) }
                    </nav>
                    <DiarySection {family_id} case={case.clone()} areas={state.areas.clone()} on_case={on_case.clone()} on_locked={on_locked.clone()} />
                    if let Some(kind) = state.areas_error {
                        <p id="plan-areas-error" class="form-error" role="alert">
                            { i18n.tr("plan-areas-failed") }{ " " }{ i18n.error(kind) }
                        </p>
                    }
                    <PlanSection
                        {family_id}
                        case={case.clone()}
                        areas={state.areas.clone()}
                        on_case={on_case.clone()}
                        on_locked={on_locked.clone()}
                    />
                    <fieldset class="case-columns" disabled={read_only}>
                        <div class="case-column">
                            <MembersSection
                                {family_id}
                                members={case.members.clone()}
                                on_case={on_case.clone()}
                                on_locked={on_locked.clone()}
                            />
                            <NotesSection
                                {family_id}
                                notes={case.notes.clone()}
                                on_case={on_case.clone()}
                                on_locked={on_locked.clone()}
                            />
                        </div>
                        <div class="case-column">
                            <DetailsSection
                                {family_id}
                                details={case.details.clone()}
                                members={case.members.clone()}
                                on_case={on_case.clone()}
                                on_locked={on_locked.clone()}
                            />
                        </div>
                    </fieldset>
                    </div>
                </>
            }
        }
    };

    html! {
        <div id="case" class="page">
            <Header info={props.info.clone()} {on_lock} on_sync={props.on_open_sync.clone()} />
            <main class="content case">
                <nav class="case-nav">
                    <button type="button" id="case-back" class="secondary" onclick={on_back}>
                        { i18n.tr("case-back") }
                    </button>
                </nav>
                if let Some(kind) = state.page_error {
                    <p id="case-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
                }
                { body }
            </main>
        </div>
    }
}

#[cfg(test)]
mod tests;
