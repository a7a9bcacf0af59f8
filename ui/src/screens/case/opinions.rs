//! Opinions for the family court (opinie dla sądu): the court's requests
//! with their due dates, the form of a new request, and the text of an
//! opinion. An opinion opened empty starts from a draft written from the
//! case in Polish ([`words::draft_text`]; notes are never read for it). The
//! assistant saves it as often as needed; the final version, once
//! confirmed, is locked and shown read-only.
//!
//! Field names follow `validate_opinion_request` (`court`,
//! `case_signature`, `received_on`, `due_on`) and `validate_opinion_text`
//! (`text`).

pub mod editor;
pub mod list;
pub mod request;
pub mod words;

use crate::components::field::dom_id;
use crate::i18n::use_i18n;
use crate::ipc;
use crate::screens::draft::{DraftStatus, FormDraftSaver};
use crate::screens::form::{submit_case_form, FormSteps};
use crate::screens::split_api_error;
use asysta_core::api::{ApiError, DraftKind, ErrorKind, FamilyCase};
use asysta_core::opinion::{validate_opinion_request, validate_opinion_text, OpinionRequestForm, OpinionView};
use asysta_core::{EntityId, FieldError};
use chrono::NaiveDate;
use editor::OpinionEditor;
use list::OpinionList;
use request::RequestFormView;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// A field of a court's request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestField {
    Court,
    CaseSignature,
    ReceivedOn,
    DueOn,
}

impl RequestField {
    pub const ALL: [RequestField; 4] =
        [RequestField::Court, RequestField::CaseSignature, RequestField::ReceivedOn, RequestField::DueOn];

    /// The name `validate_opinion_request` reports the field under.
    pub fn name(self) -> &'static str {
        match self {
            RequestField::Court => "court",
            RequestField::CaseSignature => "case_signature",
            RequestField::ReceivedOn => "received_on",
            RequestField::DueOn => "due_on",
        }
    }

    pub fn label_id(self) -> String {
        format!("opinion-field-{}", self.name().replace('_', "-"))
    }

    pub fn is_date(self) -> bool {
        matches!(self, RequestField::ReceivedOn | RequestField::DueOn)
    }

    pub fn value(self, form: &OpinionRequestForm) -> &str {
        match self {
            RequestField::Court => &form.court,
            RequestField::CaseSignature => &form.case_signature,
            RequestField::ReceivedOn => &form.received_on,
            RequestField::DueOn => &form.due_on,
        }
    }

    fn value_mut(self, form: &mut OpinionRequestForm) -> &mut String {
        match self {
            RequestField::Court => &mut form.court,
            RequestField::CaseSignature => &mut form.case_signature,
            RequestField::ReceivedOn => &mut form.received_on,
            RequestField::DueOn => &mut form.due_on,
        }
    }
}

/// The name of the opinion's text in `validate_opinion_text`'s errors.
pub const TEXT_FIELD: &str = "text";
/// The text box of the opinion.
pub const TEXT_ID: &str = "opinion-text";

/// The DOM id of the input for a field: `opinion_court`, … and
/// [`TEXT_ID`] for the text.
pub fn input_id(field: &str) -> String {
    if field == TEXT_FIELD {
        TEXT_ID.to_owned()
    } else {
        format!("opinion_{}", dom_id(field))
    }
}

/// The section's forms and where their sending stands. The request form
/// and an open opinion are never shown together.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpinionsState {
    /// The form of a new request is shown.
    pub requesting: bool,
    pub request: OpinionRequestForm,
    /// The opinion whose text is shown.
    pub open: Option<EntityId>,
    pub text: String,
    /// The final version is to be confirmed.
    pub confirming: bool,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    pub busy: bool,
    /// The message of what was just done.
    pub done: Option<&'static str>,
    /// Where the saving of the text's draft stands.
    pub draft: DraftStatus,
    /// The text was brought back from a draft left unsaved.
    pub restored: bool,
}

/// The opinion's text as its draft keeps it.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OpinionDraft {
    pub text: String,
}

pub enum OpinionsAction {
    /// "New request": received today, the rest to fill in.
    NewRequest {
        today: NaiveDate,
    },
    EditRequest(RequestField, String),
    /// An opinion opens with this text (its own, or a draft).
    Open {
        id: EntityId,
        text: String,
    },
    EditText(String),
    /// A text typed before and not saved (the app was closed or killed)
    /// comes back from its draft.
    DraftRestored(String),
    /// How the last save of the draft went.
    Draft(DraftStatus),
    /// "Approve the final version": asks to confirm.
    AskFinalize,
    CancelFinalize,
    Close,
    Rejected(Vec<FieldError>),
    Submitted,
    Failed(ApiError),
    /// The request was recorded: its form closes.
    Requested,
    /// The text was saved; it stays open.
    Saved,
    /// The final version was locked; it stays open, read-only.
    Finalized,
}

impl FormSteps for OpinionsAction {
    fn rejected(errors: Vec<FieldError>) -> Self {
        OpinionsAction::Rejected(errors)
    }
    fn submitted() -> Self {
        OpinionsAction::Submitted
    }
    fn failed(error: ApiError) -> Self {
        OpinionsAction::Failed(error)
    }
    fn input_id(field: &str) -> String {
        input_id(field)
    }
}

impl Reducible for OpinionsState {
    type Action = OpinionsAction;

    fn reduce(self: Rc<Self>, action: OpinionsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            OpinionsAction::NewRequest { today } => {
                if next.busy {
                    return self;
                }
                let request = OpinionRequestForm { received_on: today.to_string(), ..OpinionRequestForm::default() };
                next = OpinionsState { requesting: true, request, ..OpinionsState::default() };
            }
            OpinionsAction::EditRequest(field, value) => {
                if !next.requesting {
                    return self;
                }
                *field.value_mut(&mut next.request) = value;
                next.errors.retain(|e| e.field != field.name());
            }
            OpinionsAction::Open { id, text } => {
                if next.busy {
                    return self;
                }
                next = OpinionsState { open: Some(id), text, ..OpinionsState::default() };
            }
            OpinionsAction::EditText(text) => {
                next.text = text;
                next.errors.clear();
                next.done = None;
            }
            OpinionsAction::DraftRestored(text) => {
                if next.open.is_none() || next.busy {
                    return self;
                }
                next.text = text;
                next.restored = true;
            }
            OpinionsAction::Draft(status) => next.draft = status,
            OpinionsAction::AskFinalize => {
                next.confirming = true;
                next.done = None;
            }
            OpinionsAction::CancelFinalize => next.confirming = false,
            OpinionsAction::Close => next = OpinionsState::default(),
            OpinionsAction::Rejected(errors) => {
                next.errors = errors;
                next.form_error = None;
                next.confirming = false;
            }
            OpinionsAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.form_error = None;
                next.done = None;
            }
            OpinionsAction::Failed(error) => {
                next.busy = false;
                next.confirming = false;
                let shown: Vec<&str> = if next.requesting {
                    RequestField::ALL.iter().map(|f| f.name()).collect()
                } else {
                    vec![TEXT_FIELD]
                };
                (next.errors, next.form_error) = split_api_error(error, &shown);
            }
            OpinionsAction::Requested => {
                next = OpinionsState { done: Some("opinion-requested"), ..OpinionsState::default() };
            }
            OpinionsAction::Saved => {
                next.busy = false;
                next.done = Some("opinion-saved");
                next.restored = false;
                next.draft = DraftStatus::Idle;
            }
            OpinionsAction::Finalized => {
                next.busy = false;
                next.confirming = false;
            }
        }
        Rc::new(next)
    }
}

/// The text an opinion opens with: its own, or, while it is empty and may
/// still be written, a draft from the case.
pub fn opening_text(case: &FamilyCase, opinion: &OpinionView, can_edit: bool, today: NaiveDate) -> String {
    if opinion.text.trim().is_empty() && opinion.finalized.is_none() && can_edit {
        words::draft_text(case, opinion, today)
    } else {
        opinion.text.clone()
    }
}

#[derive(Properties, PartialEq)]
pub struct OpinionsSectionProps {
    pub family_id: EntityId,
    pub case: Rc<FamilyCase>,
    /// Whether requests and opinions may be written (the assistant's own
    /// case, not archived).
    pub can_edit: bool,
    pub today: NaiveDate,
    pub on_case: Callback<FamilyCase>,
    pub on_locked: Callback<()>,
}

#[component]
pub fn OpinionsSection(props: &OpinionsSectionProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(OpinionsState::default);
    let today = props.today;

    let on_new = state.dispatcher().to_callback().reform(move |_: MouseEvent| OpinionsAction::NewRequest { today });
    // The text is kept as a draft after every edit: a crash or a killed
    // app loses no word of an opinion being written.
    let saver = {
        let dispatcher = state.dispatcher();
        let (family_id, on_locked) = (props.family_id, props.on_locked.clone());
        use_memo(family_id, move |&family_id| {
            let on_status = Callback::from(move |status| dispatcher.dispatch(OpinionsAction::Draft(status)));
            FormDraftSaver::<OpinionDraft>::new(DraftKind::Opinion, family_id, on_status, on_locked)
        })
    };
    let on_open = {
        let dispatcher = state.dispatcher();
        let case = props.case.clone();
        let can_edit = props.can_edit;
        let on_locked = props.on_locked.clone();
        Callback::from(move |id: EntityId| {
            if let Some(opinion) = case.opinions.iter().find(|o| o.id == id) {
                let text = opening_text(&case, opinion, can_edit, today);
                dispatcher.dispatch(OpinionsAction::Open { id, text: text.clone() });
                crate::dom::focus(TEXT_ID);
                if can_edit && opinion.finalized.is_none() {
                    let (dispatcher, on_locked) = (dispatcher.clone(), on_locked.clone());
                    spawn_local(async move {
                        match ipc::form_draft(DraftKind::Opinion, id).await {
                            Ok(Some(draft)) => {
                                let kept: OpinionDraft = serde_json::from_value(draft.form).unwrap_or_default();
                                if kept.text != text {
                                    dispatcher.dispatch(OpinionsAction::DraftRestored(kept.text));
                                }
                            }
                            Ok(None) => {}
                            Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                            // The saved text is shown; a draft that cannot be
                            // read is not worth a refusal.
                            Err(_) => {}
                        }
                    });
                }
            }
        })
    };
    let on_editor_action = {
        let dispatcher = state.dispatcher();
        let (saver, open) = (saver.clone(), state.open);
        Callback::from(move |action: OpinionsAction| {
            if let (OpinionsAction::EditText(text), Some(id)) = (&action, open) {
                saver.edited(id, OpinionDraft { text: text.clone() });
            }
            dispatcher.dispatch(action);
        })
    };
    let on_request = {
        let state = state.clone();
        let family_id = props.family_id;
        let on_case = props.on_case.clone();
        let on_locked = props.on_locked.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.busy {
                return;
            }
            let form = state.request.clone();
            let checked = validate_opinion_request(&form, today).map(drop);
            let command = async move { ipc::request_opinion(family_id, &form).await };
            let done = OpinionsAction::Requested;
            submit_case_form(state.dispatcher(), checked, command, on_locked.clone(), on_case.clone(), done);
        })
    };
    let send_text = {
        let state = state.clone();
        let saver = saver.clone();
        let on_case = props.on_case.clone();
        let on_locked = props.on_locked.clone();
        Callback::from(move |final_version: bool| {
            let Some(id) = state.open.filter(|_| !state.busy) else { return };
            let text = state.text.clone();
            // The shell discards the draft with the save: an older draft on
            // its way must not bring it back.
            saver.settle();
            let checked = validate_opinion_text(&text, final_version).map(drop);
            let (on_locked, on_case) = (on_locked.clone(), on_case.clone());
            if final_version {
                let command = async move { ipc::finalize_opinion(id, &text).await };
                submit_case_form(state.dispatcher(), checked, command, on_locked, on_case, OpinionsAction::Finalized);
            } else {
                let command = async move { ipc::save_opinion(id, &text).await };
                submit_case_form(state.dispatcher(), checked, command, on_locked, on_case, OpinionsAction::Saved);
            }
        })
    };

    let opened = state.open.and_then(|id| props.case.opinions.iter().find(|o| o.id == id)).cloned();
    let busy = state.busy;
    html! {
        <section id="opinions" class="panel" aria-labelledby="opinions-title">
            <div class="panel-header">
                <h3 id="opinions-title">{ i18n.tr("opinions-title") }</h3>
                if props.can_edit && !state.requesting {
                    <div class="actions">
                        <button type="button" id="opinion-new" class="primary" disabled={busy} onclick={on_new}>
                            { i18n.tr("opinion-new") }
                        </button>
                    </div>
                }
            </div>
            <div class="status-region" aria-live="polite">
                if let Some(message) = state.done {
                    <p id="opinion-status" class="status">{ i18n.tr(message) }</p>
                }
            </div>
            if state.requesting {
                <RequestFormView
                    form={state.request.clone()}
                    errors={state.errors.clone()}
                    form_error={state.form_error}
                    {busy}
                    on_action={state.dispatcher().to_callback()}
                    onsubmit={on_request}
                />
            }
            <OpinionList opinions={Rc::new(props.case.opinions.clone())} {busy} {on_open} />
            if let Some(opinion) = opened {
                <OpinionEditor
                    opinion={Rc::new(opinion)}
                    text={state.text.clone()}
                    can_edit={props.can_edit}
                    confirming={state.confirming}
                    errors={state.errors.clone()}
                    form_error={state.form_error}
                    {busy}
                    draft={state.draft}
                    restored={state.restored}
                    on_action={on_editor_action}
                    on_send={send_text}
                />
            }
        </section>
    }
}

#[cfg(test)]
mod tests;
