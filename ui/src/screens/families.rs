//! The open workspace: the family list with its search and status filter,
//! the caseload warning, the add-family form and the history of one family.

pub mod home;

use crate::clock::today;
use crate::components::family_list::{AssistantGroups, FamilyList};
use crate::components::field::{error_for, TextField};
use crate::components::header::Header;
use crate::components::history::{HistoryContent, HistoryPanel};
use crate::components::select::{SelectField, SelectOption};
use crate::i18n::{use_i18n, I18n};
use crate::screens::form::{submit, FormSteps};
use crate::screens::split_api_error;
use crate::{dom, ipc};
use asysta_core::api::{ApiError, ErrorKind, WorkspaceStatus};
use asysta_core::family::{validate_new_family, FamilySummary, NewFamilyForm};
use asysta_core::record::{CaseloadCheck, FamilyStatus};
use asysta_core::workspace::{Role, WorkspaceInfo};
use asysta_core::{EntityId, Event, FieldError};
use asysta_i18n::Arg;
use home::HomePanel;
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

/// Which families the list shows, by status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusFilter {
    Only(FamilyStatus),
    All,
}

impl Default for StatusFilter {
    /// The families the assistant works with now.
    fn default() -> Self {
        StatusFilter::Only(FamilyStatus::Active)
    }
}

impl StatusFilter {
    /// In the order the filter lists them.
    pub const ALL: [StatusFilter; 5] = [
        StatusFilter::Only(FamilyStatus::Active),
        StatusFilter::Only(FamilyStatus::Closed),
        StatusFilter::Only(FamilyStatus::Monitoring),
        StatusFilter::Only(FamilyStatus::Archived),
        StatusFilter::All,
    ];

    /// The option's value: a status's wire name, or `all`.
    pub fn value(self) -> &'static str {
        match self {
            StatusFilter::Only(status) => status.as_str(),
            StatusFilter::All => "all",
        }
    }

    pub fn parse(value: &str) -> Option<StatusFilter> {
        Self::ALL.into_iter().find(|f| f.value() == value)
    }

    /// The status the shell filters by (`None`: every status).
    pub fn status(self) -> Option<FamilyStatus> {
        match self {
            StatusFilter::Only(status) => Some(status),
            StatusFilter::All => None,
        }
    }

    fn label(self, i18n: &I18n) -> String {
        match self {
            StatusFilter::Only(status) => i18n.tr(status.message_id()),
            StatusFilter::All => i18n.tr("status-filter-all"),
        }
    }
}

/// What narrows the family list. The app keeps it while a case is open,
/// so going back shows the same list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub status: StatusFilter,
    /// Words to find in names, PESEL numbers and addresses.
    pub query: String,
}

impl ListFilter {
    /// Whether the list shows less than the default one would.
    pub fn narrows(&self) -> bool {
        self.status != StatusFilter::default() || !self.query.trim().is_empty()
    }
}

/// Whether the caseload deserves a warning: near the cap, or over it (the
/// cap can be lowered below the number of active families).
pub fn caseload_warning(check: CaseloadCheck) -> Option<(u32, u32)> {
    match check {
        CaseloadCheck::Ok { .. } => None,
        CaseloadCheck::Warn { active, cap } | CaseloadCheck::Refused { active, cap } => Some((active, cap)),
    }
}

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
    pub filter: ListFilter,
    pub list_request: u32,
    /// Where the caseload stands, once known.
    pub caseload: Option<CaseloadCheck>,
    pub caseload_request: u32,
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
    /// The search box changed.
    Search(String),
    /// Another status was chosen.
    Filter(StatusFilter),
    Listed {
        request: u32,
        families: Vec<FamilySummary>,
    },
    ListFailed {
        request: u32,
        kind: ErrorKind,
    },
    CaseloadChecked {
        request: u32,
        check: CaseloadCheck,
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

impl FormSteps for FamiliesAction {
    fn rejected(errors: Vec<FieldError>) -> Self {
        FamiliesAction::Rejected(errors)
    }
    fn submitted() -> Self {
        FamiliesAction::Submitted
    }
    fn failed(error: ApiError) -> Self {
        FamiliesAction::AddFailed(error)
    }
}

impl Reducible for FamiliesState {
    type Action = FamiliesAction;

    fn reduce(self: Rc<Self>, action: FamiliesAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            FamiliesAction::Search(query) => {
                next.filter.query = query;
                next.list_request = next.list_request.wrapping_add(1);
            }
            FamiliesAction::Filter(status) => {
                next.filter.status = status;
                next.list_request = next.list_request.wrapping_add(1);
            }
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
            FamiliesAction::CaseloadChecked { request, check } => {
                if request == next.caseload_request {
                    next.caseload = Some(check);
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
                next.caseload_request = next.caseload_request.wrapping_add(1);
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

impl FamiliesState {
    /// The screen as it first appears, with the list narrowed by `filter`.
    pub fn with_filter(filter: ListFilter) -> FamiliesState {
        FamiliesState { filter, ..FamiliesState::default() }
    }
}

#[derive(Properties, PartialEq)]
pub struct FamiliesScreenProps {
    pub info: WorkspaceInfo,
    /// The filter the list starts with (the one left when a case was opened).
    #[prop_or_default]
    pub filter: ListFilter,
    /// A new workspace status: after locking, or when the shell reports
    /// that the workspace is locked.
    pub on_status: Callback<WorkspaceStatus>,
    /// Opens a family's case; the list's filter comes along to be restored.
    #[prop_or_default]
    pub on_open_case: Callback<(EntityId, ListFilter)>,
    /// Opens the sync screen.
    #[prop_or_default]
    pub on_open_sync: Callback<()>,
    /// At a centre: the navigation between its screens, under the header.
    #[prop_or_default]
    pub nav: Option<Html>,
}

#[component]
pub fn FamiliesScreen(props: &FamiliesScreenProps) -> Html {
    let i18n = use_i18n();
    let state = {
        let filter = props.filter.clone();
        use_reducer(move || FamiliesState::with_filter(filter))
    };

    // A command that finds the workspace locked sends the user back to
    // the unlock screen instead of showing an error there.
    let on_locked = props.on_status.reform(|()| WorkspaceStatus::Locked);

    {
        let dispatcher = state.dispatcher();
        let on_locked = on_locked.clone();
        let filter = state.filter.clone();
        use_effect_with(state.list_request, move |&request| {
            spawn_local(async move {
                match ipc::list_families(filter.status.status(), &filter.query).await {
                    Ok(families) => dispatcher.dispatch(FamiliesAction::Listed { request, families }),
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(error) => dispatcher.dispatch(FamiliesAction::ListFailed { request, kind: error.kind }),
                }
            });
        });
    }
    {
        // Asked when the screen opens and after each added family. A
        // failure only hides the warning: adding is still checked by the
        // shell, which refuses a family over the cap.
        let dispatcher = state.dispatcher();
        use_effect_with(state.caseload_request, move |&request| {
            spawn_local(async move {
                if let Ok(check) = ipc::caseload().await {
                    dispatcher.dispatch(FamiliesAction::CaseloadChecked { request, check });
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

    // At a centre: who works with which family, and each caseload.
    let centre = props.info.role == Role::Centre;
    let groups = use_state(|| None::<Rc<AssistantGroups>>);
    {
        let groups = groups.clone();
        use_effect_with((state.list_request, centre), move |&(_, centre)| {
            if centre {
                spawn_local(async move {
                    // Without them the list is shown ungrouped.
                    if let (Ok(assistants), Ok(caseloads)) = (ipc::family_assistants().await, ipc::caseloads().await) {
                        groups.set(Some(Rc::new(AssistantGroups { assistants, caseloads })));
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
            let checked = validate_new_family(&form);
            let name = checked.as_ref().map(|family| family.name.clone()).unwrap_or_default();
            let command = async move { ipc::add_family(&form).await };
            submit(state.dispatcher(), checked.map(drop), command, on_locked.clone(), move |_, dispatcher| {
                dispatcher.dispatch(FamiliesAction::Added { name });
                // Ready for the next family.
                dom::focus(FamilyField::Name.name());
            });
        })
    };

    let on_history = state
        .dispatcher()
        .to_callback()
        .reform(|(family_id, family_name)| FamiliesAction::OpenHistory { family_id, family_name });
    let on_close_history = state.dispatcher().to_callback().reform(|()| FamiliesAction::CloseHistory);
    let on_open = {
        let on_open_case = props.on_open_case.clone();
        let filter = state.filter.clone();
        Callback::from(move |family_id| on_open_case.emit((family_id, filter.clone())))
    };
    let on_locked_home = props.on_status.reform(|()| WorkspaceStatus::Locked);
    let on_search = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            dispatcher.dispatch(FamiliesAction::Search(input.value()));
        })
    };
    let on_filter = state
        .dispatcher()
        .to_callback()
        .reform(|value: String| FamiliesAction::Filter(StatusFilter::parse(&value).unwrap_or_default()));
    let filter_options: Vec<SelectOption> =
        StatusFilter::ALL.iter().map(|f| SelectOption::new(f.value(), f.label(&i18n))).collect();

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
            <Header info={props.info.clone()} {on_lock} on_sync={props.on_open_sync.clone()} />
            { props.nav.clone().unwrap_or_default() }
            <main class={classes!("content", "columns", centre.then_some("centre"))}>
                <section class="panel list-panel" aria-labelledby="families-title">
                    <h2 id="families-title">{ i18n.tr("families-title") }</h2>
                    if let Some((active, cap)) = state.caseload.and_then(caseload_warning).filter(|_| !centre) {
                        <p id="caseload-warning" class="warning" role="status">
                            { i18n.tr_args(
                                "caseload-warning",
                                &[("active", Arg::Num(f64::from(active))), ("cap", Arg::Num(f64::from(cap)))],
                            ) }
                        </p>
                    }
                    <div class="list-filters" role="search">
                        <div class="field search-field">
                            <label for="family-search">{ i18n.tr("search-label") }</label>
                            <input
                                id="family-search"
                                type="search"
                                autocomplete="off"
                                placeholder={i18n.tr("search-placeholder")}
                                value={state.filter.query.clone()}
                                oninput={on_search}
                            />
                        </div>
                        <SelectField
                            id="status-filter"
                            label={i18n.tr("status-filter-label")}
                            value={state.filter.status.value()}
                            options={filter_options}
                            onchange={on_filter}
                        />
                    </div>
                    if let Some(kind) = state.page_error {
                        <p id="families-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
                    }
                    if let Some(families) = &state.families {
                        <FamilyList
                            families={families.clone()}
                            filtered={state.filter.narrows()}
                            on_open={on_open.clone()}
                            {on_history}
                            today={today()}
                            groups={(*groups).clone()}
                        />
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
                <div class="side-column">
                // At a centre the dashboard shows what needs attention,
                // each family with its assistant.
                if centre {
                    <CaseloadsPanel groups={(*groups).clone()} />
                } else {
                <HomePanel on_open={on_open} on_locked={on_locked_home} today={today()} />
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
                }
                </div>
            </main>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CaseloadsPanelProps {
    pub groups: Option<Rc<AssistantGroups>>,
}

/// At a centre: each assistant's active families against the cap.
#[component]
pub fn CaseloadsPanel(props: &CaseloadsPanelProps) -> Html {
    let i18n = use_i18n();
    let caseloads = props.groups.as_ref().map(|g| g.caseloads.clone()).unwrap_or_default();
    html! {
        <section id="caseloads" class="panel" aria-labelledby="caseloads-title">
            <h2 id="caseloads-title">{ i18n.tr("caseloads-title") }</h2>
            if caseloads.is_empty() {
                <p class="empty">{ i18n.tr("caseloads-empty") }</p>
            }
            <ul class="caseloads">
                { for caseloads.iter().map(|c| html! {
                    <li class={classes!("caseload", (c.active > c.cap).then_some("over-cap"))} data-assistant={c.assistant_name.clone()}>
                        { i18n.tr_args("assistant-group", &[
                            ("name", Arg::Str(&c.assistant_name)),
                            ("active", Arg::Num(f64::from(c.active))),
                            ("cap", Arg::Num(f64::from(c.cap))),
                        ]) }
                    </li>
                }) }
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests;
