//! The open workspace: the family list, the add-family form and the history
//! of one family.

use crate::components::family_list::FamilyList;
use crate::components::field::{error_for, TextField};
use crate::components::header::Header;
use crate::components::history::{HistoryContent, HistoryPanel};
use crate::i18n::use_i18n;
use crate::screens::split_api_error;
use crate::{dom, ipc};
use asysta_core::api::{ApiError, ErrorKind, WorkspaceStatus};
use asysta_core::family::{validate_new_family, FamilySummary, NewFamilyForm};
use asysta_core::workspace::WorkspaceInfo;
use asysta_core::{EntityId, Event, FieldError};
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// A field of the add-family form. Its name is also its input's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FamilyField {
    Name,
    Address,
    FirstMemberFirstName,
    FirstMemberLastName,
}

impl FamilyField {
    pub const ALL: [FamilyField; 4] =
        [FamilyField::Name, FamilyField::Address, FamilyField::FirstMemberFirstName, FamilyField::FirstMemberLastName];

    /// The field's name in `NewFamilyForm` and in `FieldError::field`.
    pub fn name(self) -> &'static str {
        match self {
            FamilyField::Name => "name",
            FamilyField::Address => "address",
            FamilyField::FirstMemberFirstName => "first_member_first_name",
            FamilyField::FirstMemberLastName => "first_member_last_name",
        }
    }

    fn label_id(self) -> &'static str {
        match self {
            FamilyField::Name => "field-family-name",
            FamilyField::Address => "field-family-address",
            FamilyField::FirstMemberFirstName => "field-first-member-first-name",
            FamilyField::FirstMemberLastName => "field-first-member-last-name",
        }
    }

    fn value(self, form: &NewFamilyForm) -> &str {
        match self {
            FamilyField::Name => &form.name,
            FamilyField::Address => &form.address,
            FamilyField::FirstMemberFirstName => &form.first_member_first_name,
            FamilyField::FirstMemberLastName => &form.first_member_last_name,
        }
    }

    fn value_mut(self, form: &mut NewFamilyForm) -> &mut String {
        match self {
            FamilyField::Name => &mut form.name,
            FamilyField::Address => &mut form.address,
            FamilyField::FirstMemberFirstName => &mut form.first_member_first_name,
            FamilyField::FirstMemberLastName => &mut form.first_member_last_name,
        }
    }
}

const FIELD_NAMES: [&str; 4] = ["name", "address", "first_member_first_name", "first_member_last_name"];

/// The history panel of one family.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenHistory {
    pub family_id: EntityId,
    pub family_name: String,
    pub content: HistoryContent,
}

/// Everything the families screen shows.
///
/// Fetches are numbered (`list_request`, `history_request`): bumping a
/// number makes the screen fetch again, and a reply that answers an older
/// request is dropped, so a slow reply never overwrites a newer one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FamiliesState {
    /// `None` until the first list arrives.
    pub families: Option<Rc<Vec<FamilySummary>>>,
    pub list_request: u32,
    /// A failure that concerns the whole screen (listing, locking).
    pub page_error: Option<ErrorKind>,
    pub form: NewFamilyForm,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    /// An add request is under way.
    pub busy: bool,
    /// The name of the family just added, for the status message.
    pub added: Option<String>,
    pub history: Option<OpenHistory>,
    pub history_request: u32,
}

pub enum FamiliesAction {
    Listed {
        request: u32,
        families: Vec<FamilySummary>,
    },
    ListFailed {
        request: u32,
        kind: ErrorKind,
    },
    Edit(FamilyField, String),
    /// Local validation refused the form; nothing was sent.
    Rejected(Vec<FieldError>),
    Submitted,
    /// The family was added under its normalized name.
    Added {
        name: String,
    },
    AddFailed(ApiError),
    OpenHistory {
        family_id: EntityId,
        family_name: String,
    },
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
}

impl Reducible for FamiliesState {
    type Action = FamiliesAction;

    fn reduce(self: Rc<Self>, action: FamiliesAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            FamiliesAction::Listed { request, families } => {
                if request == next.list_request {
                    next.families = Some(Rc::new(families));
                    next.page_error = None;
                }
            }
            FamiliesAction::ListFailed { request, kind } => {
                if request == next.list_request {
                    next.page_error = Some(kind);
                }
            }
            FamiliesAction::Edit(field, value) => {
                *field.value_mut(&mut next.form) = value;
                next.errors.retain(|e| e.field != field.name());
            }
            FamiliesAction::Rejected(errors) => {
                next.errors = errors;
                next.form_error = None;
                next.added = None;
            }
            FamiliesAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.form_error = None;
                next.added = None;
            }
            FamiliesAction::Added { name } => {
                next.busy = false;
                next.form = NewFamilyForm::default();
                next.added = Some(name);
                next.list_request = next.list_request.wrapping_add(1);
            }
            FamiliesAction::AddFailed(error) => {
                next.busy = false;
                (next.errors, next.form_error) = split_api_error(error, &FIELD_NAMES);
            }
            FamiliesAction::OpenHistory { family_id, family_name } => {
                next.history = Some(OpenHistory { family_id, family_name, content: HistoryContent::Loading });
                next.history_request = next.history_request.wrapping_add(1);
            }
            FamiliesAction::HistoryLoaded { request, events } => {
                if let (Some(history), true) = (&mut next.history, request == next.history_request) {
                    history.content = HistoryContent::Loaded(Rc::new(events));
                }
            }
            FamiliesAction::HistoryFailed { request, kind } => {
                if let (Some(history), true) = (&mut next.history, request == next.history_request) {
                    history.content = HistoryContent::Failed(kind);
                }
            }
            FamiliesAction::CloseHistory => next.history = None,
            FamiliesAction::LockFailed(kind) => next.page_error = Some(kind),
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct FamiliesScreenProps {
    pub info: WorkspaceInfo,
    /// A new workspace status: after locking, or when the shell reports
    /// that the workspace is locked.
    pub on_status: Callback<WorkspaceStatus>,
}

#[component]
pub fn FamiliesScreen(props: &FamiliesScreenProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(FamiliesState::default);

    // A command that finds the workspace locked sends the user back to
    // the unlock screen instead of showing an error there.
    let on_locked = props.on_status.reform(|()| WorkspaceStatus::Locked);

    {
        let dispatcher = state.dispatcher();
        let on_locked = on_locked.clone();
        use_effect_with(state.list_request, move |&request| {
            spawn_local(async move {
                match ipc::list_families().await {
                    Ok(families) => dispatcher.dispatch(FamiliesAction::Listed { request, families }),
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(error) => dispatcher.dispatch(FamiliesAction::ListFailed { request, kind: error.kind }),
                }
            });
        });
    }
    {
        let dispatcher = state.dispatcher();
        let on_locked = on_locked.clone();
        let family_id = state.history.as_ref().map(|h| h.family_id);
        use_effect_with((state.history_request, family_id), move |&(request, family_id)| {
            if let Some(family_id) = family_id {
                spawn_local(async move {
                    match ipc::history(family_id).await {
                        Ok(events) => dispatcher.dispatch(FamiliesAction::HistoryLoaded { request, events }),
                        Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                        Err(error) => dispatcher.dispatch(FamiliesAction::HistoryFailed { request, kind: error.kind }),
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
                    Err(error) => dispatcher.dispatch(FamiliesAction::LockFailed(error.kind)),
                }
            });
        })
    };

    let onsubmit = {
        let state = state.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.busy {
                return;
            }
            let form = state.form.clone();
            let family = match validate_new_family(&form) {
                Ok(family) => family,
                Err(errors) => {
                    if let Some(first) = errors.first() {
                        dom::focus(&first.field);
                    }
                    state.dispatch(FamiliesAction::Rejected(errors));
                    return;
                }
            };
            state.dispatch(FamiliesAction::Submitted);
            let dispatcher = state.dispatcher();
            let on_locked = on_locked.clone();
            spawn_local(async move {
                match ipc::add_family(&form).await {
                    Ok(_) => {
                        dispatcher.dispatch(FamiliesAction::Added { name: family.name });
                        // Ready for the next family.
                        dom::focus(FamilyField::Name.name());
                    }
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(error) => dispatcher.dispatch(FamiliesAction::AddFailed(error)),
                }
            });
        })
    };

    let on_history = state
        .dispatcher()
        .to_callback()
        .reform(|(family_id, family_name)| FamiliesAction::OpenHistory { family_id, family_name });
    let on_close_history = state.dispatcher().to_callback().reform(|()| FamiliesAction::CloseHistory);

    let fields = FamilyField::ALL.map(|field| {
        let oninput = state.dispatcher().to_callback().reform(move |value| FamiliesAction::Edit(field, value));
        html! {
            <TextField
                key={field.name()}
                id={field.name()}
                label={i18n.tr(field.label_id())}
                value={field.value(&state.form).to_owned()}
                autofocus={field == FamilyField::Name}
                error={error_for(&state.errors, field.name())}
                {oninput}
            />
        }
    });

    html! {
        <div id="families" class="page">
            <Header info={props.info.clone()} {on_lock} />
            <main class="content columns">
                <section class="panel list-panel" aria-labelledby="families-title">
                    <h2 id="families-title">{ i18n.tr("families-title") }</h2>
                    if let Some(kind) = state.page_error {
                        <p id="families-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
                    }
                    if let Some(families) = &state.families {
                        <FamilyList families={families.clone()} {on_history} />
                    } else {
                        <p id="families-loading" class="loading">{ i18n.tr("loading") }</p>
                    }
                    if let Some(history) = &state.history {
                        <HistoryPanel
                            family_name={history.family_name.clone()}
                            content={history.content.clone()}
                            on_close={on_close_history}
                        />
                    }
                </section>
                <section class="panel form-panel" aria-labelledby="family-add-title">
                    <h2 id="family-add-title">{ i18n.tr("family-add-title") }</h2>
                    <form id="family-form" class="form" aria-busy={state.busy.then_some("true")} {onsubmit}>
                        { for fields }
                        if let Some(kind) = state.form_error {
                            <p id="form-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
                        }
                        <div class="actions">
                            <button type="submit" id="family-submit" class="primary" disabled={state.busy}>
                                { i18n.tr("family-add-submit") }
                            </button>
                        </div>
                        // The live region stays in the page so that the
                        // message is announced when it appears.
                        <div class="status-region" aria-live="polite">
                            if let Some(name) = &state.added {
                                <p id="status" class="status">
                                    { i18n.tr_args("family-added", &[("name", Arg::Str(name))]) }
                                </p>
                            }
                        </div>
                    </form>
                </section>
            </main>
        </div>
    }
}

#[cfg(test)]
mod tests;
