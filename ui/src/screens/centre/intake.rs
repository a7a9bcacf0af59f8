//! Intake: a new case from a social worker's request or a court's order
//! (the referral form), the waiting list ordered by the request's date
//! with the days each family has waited, and "Przydziel": an assistant
//! and the effective date, refused with the assistant's name when their
//! caseload is at the cap.

use super::Load;
use crate::clock::today;
use crate::components::field::{error_for, TextField};
use crate::components::select::{SelectField, SelectOption};
use crate::components::textarea::TextAreaField;
use crate::dom;
use crate::i18n::use_i18n;
use crate::ipc;
use crate::screens::form::{submit, FormSteps};
use crate::screens::split_api_error;
use asysta_core::api::{ApiError, ErrorKind};
use asysta_core::centre::intake::validate_referral;
use asysta_core::centre::{AssistantView, ReferralBasis, ReferralForm, WaitingCase};
use asysta_core::{EntityId, FieldError, FieldErrorCode};
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// A field of the referral form; its input is `referral-<name>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferralField {
    Name,
    Address,
    Basis,
    RequestedOn,
    SocialWorker,
    Court,
    Signature,
    Note,
}

impl ReferralField {
    pub fn name(self) -> &'static str {
        match self {
            ReferralField::Name => "name",
            ReferralField::Address => "address",
            ReferralField::Basis => "basis",
            ReferralField::RequestedOn => "requested_on",
            ReferralField::SocialWorker => "social_worker",
            ReferralField::Court => "court",
            ReferralField::Signature => "signature",
            ReferralField::Note => "note",
        }
    }

    pub fn input_id(self) -> String {
        format!("referral-{}", self.name())
    }

    fn value_mut(self, form: &mut ReferralForm) -> &mut String {
        match self {
            ReferralField::Name => &mut form.name,
            ReferralField::Address => &mut form.address,
            ReferralField::Basis => &mut form.basis,
            ReferralField::RequestedOn => &mut form.requested_on,
            ReferralField::SocialWorker => &mut form.social_worker,
            ReferralField::Court => &mut form.court,
            ReferralField::Signature => &mut form.signature,
            ReferralField::Note => &mut form.note,
        }
    }
}

const FIELD_NAMES: [&str; 8] =
    ["name", "address", "basis", "requested_on", "social_worker", "court", "signature", "note"];

/// The assignment being made from the waiting list.
#[derive(Clone, Debug, PartialEq)]
pub struct AssignForm {
    pub family_id: EntityId,
    pub family_name: String,
    /// The chosen assistant's id (empty: none yet).
    pub assistant: String,
    /// The effective date (empty: today).
    pub on: String,
    pub busy: bool,
    pub errors: Vec<FieldError>,
    /// A refusal for the whole form, with its arguments (the cap's names
    /// the assistant).
    pub error: Option<ApiError>,
}

impl AssignForm {
    /// A new form for the family.
    pub fn new(family_id: EntityId, family_name: String) -> AssignForm {
        AssignForm {
            family_id,
            family_name,
            assistant: String::new(),
            on: String::new(),
            busy: false,
            errors: Vec::new(),
            error: None,
        }
    }

    /// The form's own check: an assistant must be chosen.
    pub fn check(&self) -> Result<EntityId, Vec<FieldError>> {
        self.assistant.parse::<EntityId>().map_err(|_| vec![FieldError::new("assistant_id", FieldErrorCode::Required)])
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct IntakeState {
    pub waiting: Load<Vec<WaitingCase>>,
    pub request: u32,
    pub assistants: Rc<Vec<AssistantView>>,
    pub form: ReferralForm,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    pub busy: bool,
    /// The family just taken in.
    pub added: Option<String>,
    pub assign: Option<AssignForm>,
    /// The family just assigned, and to whom.
    pub assigned: Option<(String, String)>,
}

pub enum IntakeAction {
    Loaded { request: u32, waiting: Result<Vec<WaitingCase>, ErrorKind>, assistants: Vec<AssistantView> },
    Edit(ReferralField, String),
    Rejected(Vec<FieldError>),
    Submitted,
    Referred { name: String },
    Failed(ApiError),
    StartAssign { family_id: EntityId, family_name: String },
    ChooseAssistant(String),
    EditOn(String),
    AssignRejected(Vec<FieldError>),
    AssignSent,
    Assigned { family: String, assistant: String },
    AssignFailed(ApiError),
    CancelAssign,
}

impl FormSteps for IntakeAction {
    fn rejected(errors: Vec<FieldError>) -> Self {
        IntakeAction::Rejected(errors)
    }
    fn submitted() -> Self {
        IntakeAction::Submitted
    }
    fn failed(error: ApiError) -> Self {
        IntakeAction::Failed(error)
    }
    fn input_id(field: &str) -> String {
        format!("referral-{field}")
    }
}

impl Reducible for IntakeState {
    type Action = IntakeAction;

    fn reduce(self: Rc<Self>, action: IntakeAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            IntakeAction::Loaded { request, waiting, assistants } => {
                if request == next.request {
                    next.waiting = match waiting {
                        Ok(list) => Load::Ready(Rc::new(list)),
                        Err(kind) => Load::Failed(kind),
                    };
                    next.assistants = Rc::new(assistants);
                }
            }
            IntakeAction::Edit(field, value) => {
                *field.value_mut(&mut next.form) = value;
                next.errors.retain(|e| e.field != field.name());
            }
            IntakeAction::Rejected(errors) => {
                next.errors = errors;
                next.form_error = None;
                next.added = None;
            }
            IntakeAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.form_error = None;
                next.added = None;
            }
            IntakeAction::Referred { name } => {
                next.busy = false;
                next.form = ReferralForm::default();
                next.added = Some(name);
                next.request = next.request.wrapping_add(1);
            }
            IntakeAction::Failed(error) => {
                next.busy = false;
                (next.errors, next.form_error) = split_api_error(error, &FIELD_NAMES);
            }
            IntakeAction::StartAssign { family_id, family_name } => {
                next.assign = Some(AssignForm::new(family_id, family_name));
                next.assigned = None;
            }
            IntakeAction::ChooseAssistant(id) => {
                if let Some(form) = &mut next.assign {
                    form.assistant = id;
                    form.errors.retain(|e| e.field != "assistant_id");
                    form.error = None;
                }
            }
            IntakeAction::EditOn(on) => {
                if let Some(form) = &mut next.assign {
                    form.on = on;
                    form.errors.retain(|e| e.field != "on");
                }
            }
            IntakeAction::AssignRejected(errors) => {
                if let Some(form) = &mut next.assign {
                    form.errors = errors;
                    form.error = None;
                }
            }
            IntakeAction::AssignSent => {
                if let Some(form) = &mut next.assign {
                    form.busy = true;
                    form.errors.clear();
                    form.error = None;
                }
            }
            IntakeAction::Assigned { family, assistant } => {
                next.assign = None;
                next.assigned = Some((family, assistant));
                next.request = next.request.wrapping_add(1);
            }
            IntakeAction::AssignFailed(error) => {
                if let Some(form) = &mut next.assign {
                    form.busy = false;
                    let shown = error.kind == ErrorKind::Invalid
                        && error.fields.iter().any(|f| f.field == "on" || f.field == "assistant_id");
                    if shown {
                        form.errors = error.fields;
                    } else {
                        form.error = Some(error);
                    }
                }
            }
            IntakeAction::CancelAssign => next.assign = None,
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct IntakeViewProps {
    pub on_open: Callback<EntityId>,
    pub on_locked: Callback<()>,
}

#[component]
pub fn IntakeView(props: &IntakeViewProps) -> Html {
    let state = use_reducer(IntakeState::default);
    {
        let (dispatcher, on_locked) = (state.dispatcher(), props.on_locked.clone());
        use_effect_with(state.request, move |&request| {
            spawn_local(async move {
                let waiting = ipc::waiting_list().await;
                if waiting.as_ref().is_err_and(|e| e.kind == ErrorKind::Locked) {
                    on_locked.emit(());
                    return;
                }
                let assistants = ipc::assistants(None).await.unwrap_or_default();
                dispatcher.dispatch(IntakeAction::Loaded { request, waiting: waiting.map_err(|e| e.kind), assistants });
            });
        });
    }
    let onsubmit = {
        let (state, on_locked) = (state.clone(), props.on_locked.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.busy {
                return;
            }
            let form = state.form.clone();
            let checked = validate_referral(&form, today());
            let name = checked.as_ref().map(|r| r.name.clone()).unwrap_or_default();
            let command = async move { ipc::refer_family(&form).await };
            submit(state.dispatcher(), checked.map(drop), command, on_locked.clone(), move |_, dispatcher| {
                dispatcher.dispatch(IntakeAction::Referred { name });
                dom::focus(&ReferralField::Name.input_id());
            });
        })
    };
    let on_assign = {
        let (state, on_locked) = (state.clone(), props.on_locked.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(form) = state.assign.clone() else { return };
            if form.busy {
                return;
            }
            let dispatcher = state.dispatcher();
            let assistant_id = match form.check() {
                Ok(id) => id,
                Err(errors) => {
                    dom::focus("assign-assistant");
                    dispatcher.dispatch(IntakeAction::AssignRejected(errors));
                    return;
                }
            };
            let assistant = state
                .assistants
                .iter()
                .find(|a| a.id == assistant_id)
                .map(|a| a.entry.name.clone())
                .unwrap_or_default();
            dispatcher.dispatch(IntakeAction::AssignSent);
            let on_locked = on_locked.clone();
            spawn_local(async move {
                match ipc::assign_family(form.family_id, assistant_id, &form.on).await {
                    Ok(_) => {
                        dispatcher.dispatch(IntakeAction::Assigned { family: form.family_name, assistant });
                        dom::focus("intake-assigned");
                    }
                    Err(error) => {
                        let locked = error.kind == ErrorKind::Locked;
                        dispatcher.dispatch(IntakeAction::AssignFailed(error));
                        if locked {
                            on_locked.emit(());
                        }
                    }
                }
            });
        })
    };
    html! {
        <IntakeContent
            state={Rc::new((*state).clone())}
            dispatch={state.dispatcher().to_callback()}
            {onsubmit}
            {on_assign}
            on_open={props.on_open.clone()}
        />
    }
}

#[derive(Properties, PartialEq)]
pub struct IntakeContentProps {
    pub state: Rc<IntakeState>,
    pub dispatch: Callback<IntakeAction>,
    pub onsubmit: Callback<SubmitEvent>,
    pub on_assign: Callback<SubmitEvent>,
    pub on_open: Callback<EntityId>,
}

/// The intake screen for a state (rendered in host tests).
#[component]
pub fn IntakeContent(props: &IntakeContentProps) -> Html {
    let i18n = use_i18n();
    let state = &props.state;
    let dispatch = &props.dispatch;
    let basis_text = |case: &WaitingCase| {
        let r = &case.referral;
        let basis = i18n.tr(&r.basis.message_id());
        match r.basis {
            ReferralBasis::CourtOrder => format!("{basis}: {}, {}", r.court, r.signature),
            ReferralBasis::SocialWorkerRequest if !r.social_worker.is_empty() => {
                format!("{basis} ({})", r.social_worker)
            }
            ReferralBasis::SocialWorkerRequest => basis,
        }
    };
    let rows = state.waiting.ready().cloned().unwrap_or_default();
    let rows = rows.iter().map(|case| {
        let (id, name) = (case.family_id, case.name.clone());
        let on_open = props.on_open.reform(move |_: MouseEvent| id);
        let on_assign = dispatch.reform(move |_: MouseEvent| IntakeAction::StartAssign { family_id: id, family_name: name.clone() });
        let label = i18n.tr_args("centre-assign-label", &[("name", Arg::Str(&case.name))]);
        html! {
            <tr class="waiting-row" key={id.to_string()} data-id={id.to_string()}>
                <th scope="row"><button type="button" class="link waiting-name" onclick={on_open}>{ case.name.clone() }</button></th>
                <td class="waiting-address">{ case.address.clone() }</td>
                <td class="waiting-basis">{ basis_text(case) }</td>
                <td class="waiting-requested">{ i18n.date(case.referral.requested_on) }</td>
                <td class="waiting-days">{ i18n.tr_args("centre-days-since", &[("days", Arg::Num(case.waiting_days as f64))]) }</td>
                <td class="waiting-actions">
                    <button type="button" class="secondary waiting-assign" aria-label={label} onclick={on_assign}>
                        { i18n.tr("centre-assign") }
                    </button>
                </td>
            </tr>
        }
    });
    let field = |field: ReferralField, label: &str, value: &str, input_type: &'static str| {
        let oninput = dispatch.reform(move |value| IntakeAction::Edit(field, value));
        html! {
            <TextField
                id={field.input_id()}
                label={i18n.tr(label)}
                value={value.to_owned()}
                input_type={input_type}
                error={error_for(&state.errors, field.name())}
                {oninput}
            />
        }
    };
    let basis_options = vec![
        SelectOption::new("", i18n.tr("centre-choose")),
        SelectOption::new(
            ReferralBasis::SocialWorkerRequest.as_str(),
            i18n.tr(&ReferralBasis::SocialWorkerRequest.message_id()),
        ),
        SelectOption::new(ReferralBasis::CourtOrder.as_str(), i18n.tr(&ReferralBasis::CourtOrder.message_id())),
    ];
    let basis = ReferralBasis::parse(state.form.basis.trim());
    let on_basis = dispatch.reform(|value| IntakeAction::Edit(ReferralField::Basis, value));
    let on_note = dispatch.reform(|value| IntakeAction::Edit(ReferralField::Note, value));
    html! {
        <>
            <section class="panel" aria-labelledby="waiting-title">
                <h2 id="waiting-title">{ i18n.tr("centre-waiting-title") }</h2>
                { match &state.waiting {
                    Load::Loading => html! { <p class="loading">{ i18n.tr("loading") }</p> },
                    Load::Failed(kind) => html! { <p id="waiting-error" class="form-error" role="alert">{ i18n.error(*kind) }</p> },
                    Load::Ready(list) if list.is_empty() => html! { <p id="waiting-empty" class="empty">{ i18n.tr("centre-waiting-empty") }</p> },
                    Load::Ready(list) => html! {
                        <>
                            <p id="waiting-count" class="count">{ i18n.count("family-count", list.len()) }</p>
                            <table id="waiting-table" class="centre-table waiting-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{ i18n.tr("column-family") }</th>
                                        <th scope="col">{ i18n.tr("column-address") }</th>
                                        <th scope="col">{ i18n.tr("centre-column-basis") }</th>
                                        <th scope="col">{ i18n.tr("centre-column-requested-on") }</th>
                                        <th scope="col">{ i18n.tr("centre-column-waiting") }</th>
                                        <th scope="col"><span class="visually-hidden">{ i18n.tr("centre-assign") }</span></th>
                                    </tr>
                                </thead>
                                <tbody>{ for rows }</tbody>
                            </table>
                        </>
                    },
                } }
                <div class="status-region" aria-live="polite">
                    if let Some((family, assistant)) = &state.assigned {
                        <p id="intake-assigned" class="status" tabindex="-1">
                            { i18n.tr_args("centre-assigned", &[("family", Arg::Str(family)), ("name", Arg::Str(assistant))]) }
                        </p>
                    }
                </div>
                if let Some(form) = &state.assign {
                    { assign_form(&i18n, form, &state.assistants, dispatch, &props.on_assign) }
                }
            </section>
            <section class="panel form-panel" aria-labelledby="referral-title">
                <h2 id="referral-title">{ i18n.tr("centre-referral-title") }</h2>
                <form id="referral-form" class="form form-grid" aria-busy={state.busy.then_some("true")} onsubmit={props.onsubmit.clone()}>
                    { field(ReferralField::Name, "centre-field-surname", &state.form.name, "text") }
                    { field(ReferralField::Address, "field-family-address", &state.form.address, "text") }
                    <SelectField
                        id={ReferralField::Basis.input_id()}
                        label={i18n.tr("centre-field-basis")}
                        value={state.form.basis.clone()}
                        options={basis_options}
                        onchange={on_basis}
                        error={error_for(&state.errors, "basis")}
                    />
                    { field(ReferralField::RequestedOn, "centre-field-requested-on", &state.form.requested_on, "date") }
                    if basis == Some(ReferralBasis::CourtOrder) {
                        { field(ReferralField::Court, "centre-field-court", &state.form.court, "text") }
                        { field(ReferralField::Signature, "centre-field-signature", &state.form.signature, "text") }
                    } else {
                        { field(ReferralField::SocialWorker, "centre-field-social-worker", &state.form.social_worker, "text") }
                    }
                    <TextAreaField
                        id={ReferralField::Note.input_id()}
                        label={i18n.tr("centre-field-note")}
                        value={state.form.note.clone()}
                        oninput={on_note}
                        error={error_for(&state.errors, "note")}
                    />
                    if let Some(kind) = state.form_error {
                        <p id="referral-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
                    }
                    <div class="actions">
                        <button type="submit" id="referral-submit" class="primary" disabled={state.busy}>
                            { i18n.tr("centre-referral-submit") }
                        </button>
                    </div>
                    <div class="status-region" aria-live="polite">
                        if let Some(name) = &state.added {
                            <p id="referral-added" class="status">
                                { i18n.tr_args("centre-referral-added", &[("name", Arg::Str(name))]) }
                            </p>
                        }
                    </div>
                </form>
            </section>
        </>
    }
}

/// "Przydziel": the assistant (with each one's caseload against the cap)
/// and the effective date.
fn assign_form(
    i18n: &crate::i18n::I18n,
    form: &AssignForm,
    assistants: &[AssistantView],
    dispatch: &Callback<IntakeAction>,
    onsubmit: &Callback<SubmitEvent>,
) -> Html {
    let options = std::iter::once(SelectOption::new("", i18n.tr("centre-choose")))
        .chain(assistants.iter().map(|a| {
            let label = i18n.tr_args(
                "centre-assistant-option",
                &[
                    ("name", Arg::Str(&a.entry.name)),
                    ("active", Arg::Num(f64::from(a.active_families))),
                    ("cap", Arg::Num(f64::from(a.cap))),
                ],
            );
            SelectOption::new(a.id.to_string(), label)
        }))
        .collect::<Vec<_>>();
    let on_choose = dispatch.reform(IntakeAction::ChooseAssistant);
    let on_date = dispatch.reform(IntakeAction::EditOn);
    let on_cancel = dispatch.reform(|_: MouseEvent| IntakeAction::CancelAssign);
    html! {
        <form id="assign-form" class="form assign-form" aria-labelledby="assign-title" aria-busy={form.busy.then_some("true")} onsubmit={onsubmit.clone()}>
            <h3 id="assign-title">{ i18n.tr_args("centre-assign-title", &[("name", Arg::Str(&form.family_name))]) }</h3>
            <div class="form-grid">
                <SelectField
                    id="assign-assistant"
                    label={i18n.tr("centre-field-assistant")}
                    value={form.assistant.clone()}
                    {options}
                    onchange={on_choose}
                    error={error_for(&form.errors, "assistant_id")}
                />
                <TextField
                    id="assign-on"
                    label={i18n.tr("centre-field-effective-on")}
                    value={form.on.clone()}
                    input_type="date"
                    error={error_for(&form.errors, "on")}
                    oninput={on_date}
                />
            </div>
            <p class="hint">{ i18n.tr("centre-effective-on-hint") }</p>
            if let Some(error) = &form.error {
                <p id="assign-error" class="form-error" role="alert">{ i18n.api_error(error) }</p>
            }
            <div class="actions">
                <button type="submit" id="assign-submit" class="primary" disabled={form.busy}>{ i18n.tr("centre-assign") }</button>
                <button type="button" id="assign-cancel" class="secondary" onclick={on_cancel}>{ i18n.tr("centre-cancel") }</button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests;
