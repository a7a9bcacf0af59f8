//! The family's visits planned ahead, under its diary: plan one (date,
//! time, place, purpose), cancel one, or write the entry of one that took
//! place (the diary's form opens on it, see [`DiaryAction::RecordPlanned`]).
//! Missed ones (their day has passed) are marked. The list is the shell's
//! `scheduled_visits` of the family, read again whenever `reload`
//! changes.

use super::DiaryAction;
use crate::components::confirm::ConfirmAction;
use crate::components::field::{error_for, TextField};
use crate::components::select::{SelectField, SelectOption};
use crate::components::textarea::TextAreaField;
use crate::i18n::use_i18n;
use crate::screens::split_api_error;
use crate::{clock, dom, ipc};
use asysta_core::api::{ApiError, ErrorKind, ScheduledVisit};
use asysta_core::visit::{validate_planned_visit, Place, PlannedVisitForm};
use asysta_core::{EntityId, FieldError};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The fields of the plan form, in the order shown.
const FIELDS: [&str; 5] = ["date", "time", "place", "place_other", "purpose"];

/// The DOM id of a field of the plan form (`plan_visit_date`).
pub fn plan_input_id(field: &str) -> String {
    format!("plan_visit_{field}")
}

/// The section's state (host-tested).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlannedState {
    /// The family's planned visits; `None` until read.
    pub visits: Option<Rc<Vec<ScheduledVisit>>>,
    pub load_error: Option<ErrorKind>,
    /// The plan form is shown.
    pub open: bool,
    pub form: PlannedVisitForm,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    pub busy: bool,
    pub status: Option<&'static str>,
}

pub enum PlannedAction {
    Loaded(Vec<ScheduledVisit>),
    LoadFailed(ErrorKind),
    Open,
    Close,
    Edit(&'static str, String),
    Rejected(Vec<FieldError>),
    Submitted,
    Planned,
    Failed(ApiError),
    Cancelled,
}

impl Reducible for PlannedState {
    type Action = PlannedAction;

    fn reduce(self: Rc<Self>, action: PlannedAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PlannedAction::Loaded(visits) => {
                next.visits = Some(Rc::new(visits));
                next.load_error = None;
            }
            PlannedAction::LoadFailed(kind) => next.load_error = Some(kind),
            PlannedAction::Open => {
                next.open = true;
                next.status = None;
                if next.form == PlannedVisitForm::default() {
                    next.form.place = "home".into();
                }
            }
            PlannedAction::Close => {
                next.open = false;
                next.errors.clear();
                next.form_error = None;
            }
            PlannedAction::Edit(field, value) => {
                let slot = match field {
                    "date" => &mut next.form.date,
                    "time" => &mut next.form.time,
                    "place" => &mut next.form.place,
                    "place_other" => &mut next.form.place_other,
                    _ => &mut next.form.purpose,
                };
                *slot = value;
                next.errors.retain(|e| e.field != field);
            }
            PlannedAction::Rejected(errors) => {
                next.errors = errors;
                next.form_error = None;
            }
            PlannedAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.form_error = None;
            }
            PlannedAction::Planned => {
                next = PlannedState { visits: next.visits, status: Some("plan-visit-planned"), ..Default::default() };
            }
            PlannedAction::Failed(error) => {
                next.busy = false;
                (next.errors, next.form_error) = split_api_error(error, &FIELDS);
            }
            PlannedAction::Cancelled => {
                next.busy = false;
                next.status = Some("plan-visit-cancelled");
            }
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct PlannedVisitsProps {
    pub family_id: EntityId,
    /// Changes when a planned visit may have become a diary entry.
    pub reload: u32,
    /// "Write the entry" of a visit that took place; `None` while the
    /// diary's form is open (one entry at a time).
    pub on_record: Option<Callback<ScheduledVisit>>,
    pub on_locked: Callback<()>,
}

#[component]
pub fn PlannedVisits(props: &PlannedVisitsProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(PlannedState::default);
    let family_id = props.family_id;
    let load = {
        let dispatcher = state.dispatcher();
        let on_locked = props.on_locked.clone();
        move || {
            let dispatcher = dispatcher.clone();
            let on_locked = on_locked.clone();
            spawn_local(async move {
                match ipc::scheduled_visits(Some(family_id)).await {
                    Ok(visits) => dispatcher.dispatch(PlannedAction::Loaded(visits)),
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(error) => dispatcher.dispatch(PlannedAction::LoadFailed(error.kind)),
                }
            });
        }
    };
    {
        let load = load.clone();
        use_effect_with((family_id, props.reload), move |_| load());
    }

    let on_open = state.dispatcher().to_callback().reform(|_: MouseEvent| PlannedAction::Open);
    let on_close = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(PlannedAction::Close);
            dom::focus("plan-visit-new");
        })
    };
    let onsubmit = {
        let state = state.clone();
        let load = load.clone();
        let on_locked = props.on_locked.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.busy {
                return;
            }
            let form = state.form.clone();
            if let Err(errors) = validate_planned_visit(&form, clock::today()) {
                if let Some(first) = errors.first() {
                    dom::focus(&plan_input_id(&first.field));
                }
                state.dispatch(PlannedAction::Rejected(errors));
                return;
            }
            state.dispatch(PlannedAction::Submitted);
            let dispatcher = state.dispatcher();
            let load = load.clone();
            let on_locked = on_locked.clone();
            spawn_local(async move {
                match ipc::plan_visit(family_id, &form).await {
                    Ok(_) => {
                        dispatcher.dispatch(PlannedAction::Planned);
                        load();
                        dom::focus("plan-visit-new");
                    }
                    Err(error) => crate::screens::form::refused(&dispatcher, error, PlannedAction::Failed, &on_locked),
                }
            });
        })
    };
    let cancel_visit = {
        let dispatcher = state.dispatcher();
        let on_locked = props.on_locked.clone();
        move |visit_id: EntityId| {
            let dispatcher = dispatcher.clone();
            let load = load.clone();
            let on_locked = on_locked.clone();
            spawn_local(async move {
                match ipc::cancel_planned_visit(visit_id).await {
                    Ok(()) => {
                        dispatcher.dispatch(PlannedAction::Cancelled);
                        load();
                        dom::focus("plan-visit-new");
                    }
                    Err(error) => crate::screens::form::refused(&dispatcher, error, PlannedAction::Failed, &on_locked),
                }
            });
        }
    };

    let form = if state.open {
        let field = |name: &'static str, label: &str, input_type: &'static str| {
            let oninput = state.dispatcher().to_callback().reform(move |value| PlannedAction::Edit(name, value));
            let value = match name {
                "date" => state.form.date.clone(),
                "time" => state.form.time.clone(),
                _ => state.form.place_other.clone(),
            };
            let autofocus = name == "date";
            html! {
                <TextField id={plan_input_id(name)} label={label.to_owned()} {value} {input_type} {autofocus}
                    error={error_for(&state.errors, name)} {oninput} />
            }
        };
        let places = Place::KINDS
            .iter()
            .map(|kind| {
                let label = Place::from_kind(kind, String::new()).map(|p| i18n.tr(p.message_id()));
                SelectOption::new(*kind, label.unwrap_or_default())
            })
            .collect::<Vec<_>>();
        html! {
            <form id="plan-visit-form" class="form plan-visit-form" aria-labelledby="plan-visit-form-title"
                aria-busy={state.busy.then_some("true")} {onsubmit}>
                <h5 id="plan-visit-form-title">{ i18n.tr("plan-visit-title") }</h5>
                <div class="grid">
                    { field("date", &i18n.tr("visit-field-date"), "date") }
                    { field("time", &i18n.tr("plan-visit-time"), "time") }
                    <SelectField id={plan_input_id("place")} label={i18n.tr("visit-field-place")}
                        value={state.form.place.clone()} options={places} error={error_for(&state.errors, "place")}
                        onchange={state.dispatcher().to_callback().reform(|value| PlannedAction::Edit("place", value))} />
                    if state.form.place == "other" {
                        { field("place_other", &i18n.tr("visit-field-place-other"), "text") }
                    }
                </div>
                <TextAreaField id={plan_input_id("purpose")} label={i18n.tr("plan-visit-purpose")}
                    value={state.form.purpose.clone()} rows={2} error={error_for(&state.errors, "purpose")}
                    oninput={state.dispatcher().to_callback().reform(|value| PlannedAction::Edit("purpose", value))} />
                if let Some(kind) = state.form_error {
                    <p id="plan-visit-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
                }
                <div class="actions">
                    <button type="submit" id="plan-visit-submit" class="primary" disabled={state.busy}>
                        { i18n.tr("plan-visit-submit") }
                    </button>
                    <button type="button" id="plan-visit-cancel" class="secondary" onclick={on_close}>
                        { i18n.tr("cancel") }
                    </button>
                </div>
            </form>
        }
    } else {
        Html::default()
    };

    let list = match (&state.visits, state.load_error) {
        (_, Some(kind)) => html! {
            <p id="planned-case-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
        },
        (None, None) => html! { <p class="loading">{ i18n.tr("loading") }</p> },
        (Some(visits), None) if visits.is_empty() => {
            html! { <p id="planned-case-none" class="empty">{ i18n.tr("plan-visit-none") }</p> }
        }
        (Some(visits), None) => {
            let items = visits.iter().map(|visit| {
                let when = format!("{} {}", i18n.date(visit.date), visit.time);
                let place = match &visit.place {
                    Place::Other { text } => text.clone(),
                    place => i18n.tr(place.message_id()),
                };
                let id = visit.id;
                let cancel_visit = cancel_visit.clone();
                let record = props.on_record.clone().map(|on_record| {
                    let visit = visit.clone();
                    Callback::from(move |_: MouseEvent| on_record.emit(visit.clone()))
                });
                let actions = html! {
                    <span class="planned-actions">
                        if let Some(onclick) = record {
                            <button type="button" class="secondary planned-record" {onclick}>
                                { i18n.tr("plan-visit-record") }
                            </button>
                        }
                        <ConfirmAction
                            label={i18n.tr("plan-visit-cancel")}
                            question={i18n.tr("plan-visit-cancel-ask")}
                            yes={i18n.tr("plan-visit-cancel-yes")}
                            no={i18n.tr("plan-visit-cancel-no")}
                            class="planned-cancel"
                            on_confirm={Callback::from(move |()| cancel_visit(id))}
                        />
                    </span>
                };
                html! {
                    <li class={classes!("planned-visit", visit.missed.then_some("planned-missed"))} key={visit.id.to_string()}>
                        <time class="planned-when" datetime={visit.date.to_string()}>{ when }</time>
                        { " — " }
                        <span class="planned-place">{ place }</span>
                        if !visit.purpose.is_empty() {
                            { " — " }
                            <span class="planned-purpose">{ visit.purpose.clone() }</span>
                        }
                        if visit.missed {
                            <span class="badge">{ i18n.tr("plan-visit-missed") }</span>
                        }
                        { actions }
                    </li>
                }
            });
            html! { <ul id="planned-case-list" class="plain-list">{ for items }</ul> }
        }
    };

    html! {
        <section id="planned-case" class="planned-case" aria-labelledby="planned-case-title">
            <div class="panel-header">
                <h4 id="planned-case-title">{ i18n.tr("plan-visit-list-title") }</h4>
                if !state.open {
                    <button type="button" id="plan-visit-new" class="secondary" onclick={on_open}>
                        { i18n.tr("plan-visit-title") }
                    </button>
                }
            </div>
            { form }
            { list }
            <div class="status-region" aria-live="polite">
                if let Some(status) = state.status {
                    <p id="planned-case-status" class="status">{ i18n.tr(status) }</p>
                }
            </div>
        </section>
    }
}

/// What the diary does with "write the entry": the form of the entry, and
/// what the visit was planned for (shown above the form).
pub fn record_action(visit: &ScheduledVisit) -> DiaryAction {
    DiaryAction::RecordPlanned {
        visit_id: visit.id,
        form: Box::new(visit.entry_form()),
        purpose: visit.purpose.clone(),
    }
}
