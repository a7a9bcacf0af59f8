//! The register of the centre's family assistants: each with the form of
//! employment, the dates, the working time, the laptops that are theirs
//! and their active families on the day chosen; the headcount by form of
//! employment on that day; a form to add an assistant or correct an entry
//! (an enrolled laptop's user is listed before the entry is completed).

use super::Load;
use crate::clock::today;
use crate::components::checkbox::CheckboxField;
use crate::components::field::{error_for, TextField};
use crate::components::select::{SelectField, SelectOption};
use crate::format::short_device_id;
use crate::i18n::use_i18n;
use crate::ipc;
use crate::screens::form::{submit, FormSteps};
use crate::screens::split_api_error;
use asysta_core::api::{ApiError, ErrorKind};
use asysta_core::centre::register::{fte_text, headcount_on, validate_assistant};
use asysta_core::centre::{AssistantForm, AssistantView, Employment};
use asysta_core::exchange::PeerView;
use asysta_core::validation::parse_iso_date;
use asysta_core::workspace::Role;
use asysta_core::{EntityId, FieldError};
use asysta_i18n::Arg;
use chrono::NaiveDate;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// A field of the register's form; its input is `register-<name>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegisterField {
    Name,
    Employment,
    From,
    To,
    Fte,
}

impl RegisterField {
    /// The field's name in `AssistantForm` and in `FieldError::field`.
    pub fn name(self) -> &'static str {
        match self {
            RegisterField::Name => "name",
            RegisterField::Employment => "employment",
            RegisterField::From => "from",
            RegisterField::To => "to",
            RegisterField::Fte => "fte",
        }
    }

    pub fn input_id(self) -> String {
        format!("register-{}", self.name())
    }

    fn value_mut(self, form: &mut AssistantForm) -> &mut String {
        match self {
            RegisterField::Name => &mut form.name,
            RegisterField::Employment => &mut form.employment,
            RegisterField::From => &mut form.from,
            RegisterField::To => &mut form.to,
            RegisterField::Fte => &mut form.fte,
        }
    }
}

const FIELD_NAMES: [&str; 5] = ["name", "employment", "from", "to", "fte"];

/// The form filled in from an entry, to correct it.
pub fn form_of(view: &AssistantView) -> AssistantForm {
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    AssistantForm {
        name: view.entry.name.clone(),
        employment: view.entry.employment.map(|e| e.as_str().to_owned()).unwrap_or_default(),
        from: date(view.entry.from),
        to: date(view.entry.to),
        fte: view.entry.fte_thousandths.map(fte_text).unwrap_or_default(),
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RegisterState {
    pub list: Load<Vec<AssistantView>>,
    pub list_request: u32,
    /// The day to count on, as the date field holds it (empty: today).
    pub on: String,
    /// The enrolled laptops.
    pub devices: Rc<Vec<PeerView>>,
    pub form: AssistantForm,
    /// The laptops ticked in the form.
    pub form_devices: Vec<String>,
    /// The entry being corrected (`None`: a new one).
    pub editing: Option<EntityId>,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    pub busy: bool,
    /// The name of the entry just saved.
    pub saved: Option<String>,
}

impl RegisterState {
    /// The day chosen, when the field holds a whole date.
    pub fn on_date(&self) -> Option<NaiveDate> {
        parse_iso_date(&self.on)
    }
}

pub enum RegisterAction {
    Listed {
        request: u32,
        reply: Result<Vec<AssistantView>, ErrorKind>,
    },
    SetOn(String),
    Devices(Vec<PeerView>),
    Edit(RegisterField, String),
    ToggleDevice(String, bool),
    /// Correct this entry.
    StartEdit(AssistantView),
    /// Back to a new entry.
    Cancel,
    Rejected(Vec<FieldError>),
    Submitted,
    Saved {
        name: String,
    },
    Failed(ApiError),
}

impl FormSteps for RegisterAction {
    fn rejected(errors: Vec<FieldError>) -> Self {
        RegisterAction::Rejected(errors)
    }
    fn submitted() -> Self {
        RegisterAction::Submitted
    }
    fn failed(error: ApiError) -> Self {
        RegisterAction::Failed(error)
    }
    fn input_id(field: &str) -> String {
        format!("register-{field}")
    }
}

impl Reducible for RegisterState {
    type Action = RegisterAction;

    fn reduce(self: Rc<Self>, action: RegisterAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            RegisterAction::Listed { request, reply } => {
                if request == next.list_request {
                    next.list = match reply {
                        Ok(list) => Load::Ready(Rc::new(list)),
                        Err(kind) => Load::Failed(kind),
                    };
                }
            }
            RegisterAction::SetOn(on) => {
                // Empty or half typed: today's figures, as before.
                let changed = parse_iso_date(&on) != next.on_date();
                next.on = on;
                if changed {
                    next.list_request = next.list_request.wrapping_add(1);
                }
            }
            RegisterAction::Devices(devices) => next.devices = Rc::new(devices),
            RegisterAction::Edit(field, value) => {
                *field.value_mut(&mut next.form) = value;
                next.errors.retain(|e| e.field != field.name());
            }
            RegisterAction::ToggleDevice(device, on) => {
                next.form_devices.retain(|d| *d != device);
                if on {
                    next.form_devices.push(device);
                }
            }
            RegisterAction::StartEdit(view) => {
                next.form = form_of(&view);
                next.form_devices = view.entry.devices.iter().map(ToString::to_string).collect();
                next.editing = Some(view.id);
                next.errors.clear();
                next.form_error = None;
                next.saved = None;
            }
            RegisterAction::Cancel => {
                next.form = AssistantForm::default();
                next.form_devices.clear();
                next.editing = None;
                next.errors.clear();
                next.form_error = None;
            }
            RegisterAction::Rejected(errors) => {
                next.errors = errors;
                next.form_error = None;
                next.saved = None;
            }
            RegisterAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.form_error = None;
                next.saved = None;
            }
            RegisterAction::Saved { name } => {
                next.busy = false;
                next.form = AssistantForm::default();
                next.form_devices.clear();
                next.editing = None;
                next.saved = Some(name);
                next.list_request = next.list_request.wrapping_add(1);
            }
            RegisterAction::Failed(error) => {
                next.busy = false;
                (next.errors, next.form_error) = split_api_error(error, &FIELD_NAMES);
            }
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct RegisterViewProps {
    pub on_locked: Callback<()>,
}

#[component]
pub fn RegisterView(props: &RegisterViewProps) -> Html {
    let state = use_reducer(RegisterState::default);
    {
        let (dispatcher, on_locked) = (state.dispatcher(), props.on_locked.clone());
        use_effect_with((state.list_request, state.on_date()), move |&(request, on)| {
            spawn_local(async move {
                match ipc::assistants(on).await {
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    reply => dispatcher.dispatch(RegisterAction::Listed { request, reply: reply.map_err(|e| e.kind) }),
                }
            });
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            spawn_local(async move {
                // Without them no laptop can be ticked; the rest still works.
                if let Ok(status) = ipc::sync_status().await {
                    let laptops = status.devices.into_iter().filter(|d| d.role == Role::Assistant).collect();
                    dispatcher.dispatch(RegisterAction::Devices(laptops));
                }
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
            let (form, devices, editing) = (state.form.clone(), state.form_devices.clone(), state.editing);
            let checked = validate_assistant(&form, today());
            let name = checked.as_ref().map(|e| e.name.clone()).unwrap_or_default();
            let command = async move {
                match editing {
                    Some(id) => ipc::update_assistant(id, &form, &devices).await,
                    None => ipc::register_assistant(&form, &devices).await,
                }
            };
            submit(state.dispatcher(), checked.map(drop), command, on_locked.clone(), move |_, dispatcher| {
                dispatcher.dispatch(RegisterAction::Saved { name });
            });
        })
    };
    let dispatch = state.dispatcher().to_callback();
    html! { <RegisterContent state={Rc::new((*state).clone())} {dispatch} {onsubmit} /> }
}

#[derive(Properties, PartialEq)]
pub struct RegisterContentProps {
    pub state: Rc<RegisterState>,
    pub dispatch: Callback<RegisterAction>,
    pub onsubmit: Callback<SubmitEvent>,
}

/// The register for a state (rendered in host tests).
#[component]
pub fn RegisterContent(props: &RegisterContentProps) -> Html {
    let i18n = use_i18n();
    let state = &props.state;
    let dispatcher = &props.dispatch;
    let day = state.on_date().unwrap_or_else(today);
    let list = state.list.ready().cloned().unwrap_or_default();
    let counts = headcount_on(list.iter().map(|a| &a.entry), day);
    let employment_name = |e: Option<Employment>| match e {
        Some(e) => i18n.tr(&e.message_id()),
        None => i18n.tr("employment-none"),
    };
    let headcount =
        [Some(Employment::EmploymentContract), Some(Employment::ServiceContract), None].into_iter().map(|form| {
            let count = counts.get(&form).copied().unwrap_or(0);
            let key = form.map_or("none", Employment::as_str);
            html! {
                <li data-employment={key}>
                    <span class="headcount-form">{ employment_name(form) }</span>
                    { ": " }
                    <span class="headcount-count">{ count }</span>
                </li>
            }
        });
    let total: u32 = counts.values().sum();
    let date = |d: Option<NaiveDate>| d.map(|d| i18n.date(d)).unwrap_or_else(|| "—".into());
    let device_name = |id: &asysta_core::DeviceId| {
        let user = state.devices.iter().find(|d| d.device_id == *id).map(|d| d.user_name.clone());
        match user {
            Some(user) => format!("{user} ({})", short_device_id(*id)),
            None => short_device_id(*id),
        }
    };
    let rows = list.iter().map(|a| {
        let view = a.clone();
        let onclick = dispatcher.reform(move |_: MouseEvent| RegisterAction::StartEdit(view.clone()));
        let edit_label = i18n.tr_args("centre-register-edit-label", &[("name", Arg::Str(&a.entry.name))]);
        let devices: Vec<String> = a.entry.devices.iter().map(device_name).collect();
        html! {
            <tr class="register-row" key={a.id.to_string()} data-id={a.id.to_string()}>
                <th scope="row" class="register-name">
                    <span class="register-person">{ a.entry.name.clone() }</span>
                    if !a.registered {
                        { " " }
                        <span class="badge">{ i18n.tr("centre-register-incomplete") }</span>
                    }
                </th>
                <td class="register-employment">{ employment_name(a.entry.employment) }</td>
                <td class="register-from">{ date(a.entry.from) }</td>
                <td class="register-to">{ date(a.entry.to) }</td>
                <td class="register-fte">{ a.entry.fte_text().unwrap_or_else(|| "—".into()) }</td>
                <td class="register-devices">{ if devices.is_empty() { "—".to_owned() } else { devices.join(", ") } }</td>
                <td class="register-active">
                    { i18n.tr_args("centre-of-cap-short", &[
                        ("active", Arg::Num(f64::from(a.active_families))),
                        ("cap", Arg::Num(f64::from(a.cap))),
                    ]) }
                </td>
                <td class="register-actions">
                    <button type="button" class="secondary register-edit" aria-label={edit_label} {onclick}>
                        { i18n.tr("centre-register-edit") }
                    </button>
                </td>
            </tr>
        }
    });
    let field = |field: RegisterField, label: &str, value: &str, input_type: &'static str| {
        let oninput = dispatcher.reform(move |value| RegisterAction::Edit(field, value));
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
    let employment_options = std::iter::once(SelectOption::new("", i18n.tr("employment-none")))
        .chain(Employment::ALL.iter().map(|e| SelectOption::new(e.as_str(), i18n.tr(&e.message_id()))))
        .collect::<Vec<_>>();
    let on_employment = dispatcher.reform(|value| RegisterAction::Edit(RegisterField::Employment, value));
    let laptops = state.devices.iter().enumerate().map(|(i, device)| {
        let id = device.device_id.to_string();
        let checked = state.form_devices.contains(&id);
        let onchange = dispatcher.reform(move |on| RegisterAction::ToggleDevice(id.clone(), on));
        html! {
            <CheckboxField
                id={format!("register-device-{i}")}
                label={format!("{} ({})", device.user_name, short_device_id(device.device_id))}
                {checked}
                {onchange}
            />
        }
    });
    let editing_name =
        state.editing.and_then(|id| list.iter().find(|a| a.id == id)).map(|a| a.entry.name.clone()).unwrap_or_default();
    let on_cancel = dispatcher.reform(|_: MouseEvent| RegisterAction::Cancel);
    let on_day = dispatcher.reform(RegisterAction::SetOn);
    html! {
        <>
            <section class="panel" aria-labelledby="register-title">
                <h2 id="register-title">{ i18n.tr("centre-register-title") }</h2>
                <div class="register-day">
                    <TextField id="register-on" label={i18n.tr("centre-register-on")} value={state.on.clone()} input_type="date" oninput={on_day} />
                    <div id="headcount" class="headcount" aria-live="polite">
                        <p class="headcount-title">
                            { match state.on_date() {
                                Some(on) => i18n.tr_args("centre-headcount-on", &[
                                    ("date", Arg::Str(&i18n.date(on))),
                                    ("count", Arg::Num(f64::from(total))),
                                ]),
                                None => i18n.tr_args("centre-headcount-today", &[("count", Arg::Num(f64::from(total)))]),
                            } }
                        </p>
                        <ul class="plain-list headcount-list">{ for headcount }</ul>
                    </div>
                </div>
                { match &state.list {
                    Load::Loading => html! { <p class="loading">{ i18n.tr("loading") }</p> },
                    Load::Failed(kind) => html! { <p id="register-error" class="form-error" role="alert">{ i18n.error(*kind) }</p> },
                    Load::Ready(list) if list.is_empty() => html! { <p id="register-empty" class="empty">{ i18n.tr("centre-register-empty") }</p> },
                    Load::Ready(_) => html! {
                        <table id="register-table" class="centre-table register-table">
                            <thead>
                                <tr>
                                    <th scope="col">{ i18n.tr("centre-column-assistant") }</th>
                                    <th scope="col">{ i18n.tr("centre-column-employment") }</th>
                                    <th scope="col">{ i18n.tr("centre-column-from") }</th>
                                    <th scope="col">{ i18n.tr("centre-column-to") }</th>
                                    <th scope="col">{ i18n.tr("centre-column-fte") }</th>
                                    <th scope="col">{ i18n.tr("centre-column-devices") }</th>
                                    <th scope="col">{ i18n.tr("centre-column-active") }</th>
                                    <th scope="col"><span class="visually-hidden">{ i18n.tr("centre-register-edit") }</span></th>
                                </tr>
                            </thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    },
                } }
            </section>
            <section class="panel form-panel" aria-labelledby="register-form-title">
                <h2 id="register-form-title">
                    if state.editing.is_some() {
                        { i18n.tr_args("centre-register-edit-title", &[("name", Arg::Str(&editing_name))]) }
                    } else {
                        { i18n.tr("centre-register-add-title") }
                    }
                </h2>
                <form id="register-form" class="form form-grid" aria-busy={state.busy.then_some("true")} onsubmit={props.onsubmit.clone()}>
                    { field(RegisterField::Name, "centre-field-assistant-name", &state.form.name, "text") }
                    <SelectField
                        id={RegisterField::Employment.input_id()}
                        label={i18n.tr("centre-field-employment")}
                        value={state.form.employment.clone()}
                        options={employment_options}
                        onchange={on_employment}
                        error={error_for(&state.errors, "employment")}
                    />
                    { field(RegisterField::From, "centre-field-from", &state.form.from, "date") }
                    { field(RegisterField::To, "centre-field-to", &state.form.to, "date") }
                    { field(RegisterField::Fte, "centre-field-fte", &state.form.fte, "text") }
                    if !state.devices.is_empty() {
                        <fieldset class="checkbox-list register-devices-field">
                            <legend>{ i18n.tr("centre-field-devices") }</legend>
                            { for laptops }
                        </fieldset>
                    }
                    if let Some(kind) = state.form_error {
                        <p id="register-form-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
                    }
                    <div class="actions">
                        <button type="submit" id="register-submit" class="primary" disabled={state.busy}>
                            { i18n.tr(if state.editing.is_some() { "centre-register-save" } else { "centre-register-add" }) }
                        </button>
                        if state.editing.is_some() {
                            <button type="button" id="register-cancel" class="secondary" onclick={on_cancel}>
                                { i18n.tr("centre-cancel") }
                            </button>
                        }
                    </div>
                    <div class="status-region" aria-live="polite">
                        if let Some(name) = &state.saved {
                            <p id="register-saved" class="status">
                                { i18n.tr_args("centre-register-saved", &[("name", Arg::Str(name))]) }
                            </p>
                        }
                    </div>
                </form>
            </section>
        </>
    }
}

#[cfg(test)]
mod tests;
