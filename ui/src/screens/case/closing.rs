//! Closing the work with a family (`close_work`): the date, a reason from
//! the centre's list (with a text for "other") and a summary of the work.
//! The work closes only after a final evaluation was submitted; until then
//! the form says so and offers to write it.
//!
//! Field names follow `validate_closing` (`on`, `reason`, `reason_text`,
//! `summary`); each input's id is `closing-` and the name in kebab case.

pub mod summary;

use crate::components::field::{error_for, TextField};
use crate::components::select::{SelectField, SelectOption};
use crate::components::textarea::TextAreaField;
use crate::i18n::{use_i18n, I18n};
use crate::ipc;
use crate::screens::form::{submit_case_form, FormSteps};
use crate::screens::split_api_error;
use asysta_core::api::{ApiError, ErrorKind, FamilyCase};
use asysta_core::closing::{reason_name, validate_closing, ClosingForm, ClosingReason, OTHER_REASON};
use asysta_core::{EntityId, FieldError};
use asysta_i18n::Locale;
use chrono::NaiveDate;
use std::rc::Rc;
use yew::prelude::*;

/// A field of the closing form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClosingField {
    On,
    Reason,
    ReasonText,
    Summary,
}

impl ClosingField {
    pub const ALL: [ClosingField; 4] =
        [ClosingField::On, ClosingField::Reason, ClosingField::ReasonText, ClosingField::Summary];

    /// The name `validate_closing` reports the field under.
    pub fn name(self) -> &'static str {
        match self {
            ClosingField::On => "on",
            ClosingField::Reason => "reason",
            ClosingField::ReasonText => "reason_text",
            ClosingField::Summary => "summary",
        }
    }

    /// The id of its input: `closing-reason-text`.
    pub fn input_id(self) -> String {
        format!("closing-{}", self.name().replace('_', "-"))
    }

    pub fn label_id(self) -> String {
        format!("closing-field-{}", self.name().replace('_', "-"))
    }

    fn value_mut(self, form: &mut ClosingForm) -> &mut String {
        match self {
            ClosingField::On => &mut form.on,
            ClosingField::Reason => &mut form.reason,
            ClosingField::ReasonText => &mut form.reason_text,
            ClosingField::Summary => &mut form.summary,
        }
    }

    /// The field a name from `validate_closing` or the shell stands for.
    pub fn from_name(name: &str) -> Option<ClosingField> {
        ClosingField::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// The closing form and where its sending stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClosingState {
    pub form: ClosingForm,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    pub busy: bool,
}

impl ClosingState {
    /// A new closing: today's date, the rest to fill in.
    pub fn new(today: NaiveDate) -> ClosingState {
        ClosingState { form: ClosingForm { on: today.to_string(), ..ClosingForm::default() }, ..Default::default() }
    }
}

pub enum ClosingAction {
    Edit(ClosingField, String),
    Rejected(Vec<FieldError>),
    Submitted,
    Failed(ApiError),
    /// The work was closed.
    Closed,
}

impl FormSteps for ClosingAction {
    fn rejected(errors: Vec<FieldError>) -> Self {
        ClosingAction::Rejected(errors)
    }
    fn submitted() -> Self {
        ClosingAction::Submitted
    }
    fn failed(error: ApiError) -> Self {
        ClosingAction::Failed(error)
    }
    fn input_id(field: &str) -> String {
        ClosingField::from_name(field).map_or_else(|| field.to_owned(), ClosingField::input_id)
    }
}

impl Reducible for ClosingState {
    type Action = ClosingAction;

    fn reduce(self: Rc<Self>, action: ClosingAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ClosingAction::Edit(field, value) => {
                *field.value_mut(&mut next.form) = value;
                // Choosing another reason settles whether its text is needed.
                let settled = if field == ClosingField::Reason { "reason_text" } else { "" };
                next.errors.retain(|e| e.field != field.name() && e.field != settled);
            }
            ClosingAction::Rejected(errors) => {
                next.errors = errors;
                next.form_error = None;
            }
            ClosingAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.form_error = None;
            }
            ClosingAction::Failed(error) => {
                next.busy = false;
                let shown = ClosingField::ALL.map(ClosingField::name);
                (next.errors, next.form_error) = split_api_error(error, &shown);
            }
            ClosingAction::Closed => next.busy = false,
        }
        Rc::new(next)
    }
}

/// Whether the form asks for the reason's text: for "other", where it is
/// required, and wherever one was typed.
pub fn asks_reason_text(form: &ClosingForm) -> bool {
    form.reason == OTHER_REASON || !form.reason_text.is_empty()
}

/// The name of a closing reason in the screen's language.
pub fn reason_label(reason: &ClosingReason, locale: Locale) -> &str {
    match locale {
        Locale::Pl => &reason.name_pl,
        Locale::En => &reason.name_en,
    }
}

/// How the reason of `key` is shown: its name in the list, or the key
/// itself when the list lacks it.
pub fn reason_text(i18n: &I18n, reasons: &[ClosingReason], key: &str) -> String {
    reason_name(reasons, key, i18n.locale() == Locale::Pl).unwrap_or(key).to_owned()
}

#[derive(Properties, PartialEq)]
pub struct ClosingPanelProps {
    pub family_id: EntityId,
    /// Whether a final evaluation was submitted (or accepted).
    pub has_final: bool,
    /// The centre's reasons (empty until read).
    pub reasons: Rc<Vec<ClosingReason>>,
    pub today: NaiveDate,
    pub on_case: Callback<FamilyCase>,
    pub on_locked: Callback<()>,
    /// "Cancel".
    pub on_cancel: Callback<()>,
    /// The work was closed.
    #[prop_or_default]
    pub on_closed: Callback<()>,
    /// Opens the final evaluation's form.
    pub on_write_final: Callback<()>,
}

#[component]
pub fn ClosingPanel(props: &ClosingPanelProps) -> Html {
    let i18n = use_i18n();
    let today = props.today;
    let state = use_reducer(move || ClosingState::new(today));

    let onsubmit = {
        let state = state.clone();
        let family_id = props.family_id;
        let reasons = props.reasons.clone();
        let on_case = props.on_case.clone();
        let on_locked = props.on_locked.clone();
        let on_closed = props.on_closed.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.busy {
                return;
            }
            let form = state.form.clone();
            let checked = validate_closing(&form, &reasons, today).map(drop);
            let command = async move { ipc::close_work(family_id, &form).await };
            let on_case = {
                let on_closed = on_closed.clone();
                on_case.reform(move |case| {
                    on_closed.emit(());
                    case
                })
            };
            submit_case_form(state.dispatcher(), checked, command, on_locked.clone(), on_case, ClosingAction::Closed);
        })
    };
    let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let cancel = html! {
        <button type="button" id="closing-cancel" class="secondary" onclick={on_cancel}>{ i18n.tr("cancel") }</button>
    };

    if !props.has_final {
        let on_write_final = props.on_write_final.reform(|_: MouseEvent| ());
        return html! {
            <div id="closing-form" class="form closing-form">
                <h3>{ i18n.tr("closing-title") }</h3>
                <p id="closing-needs-final" class="warning">{ i18n.tr("closing-needs-final") }</p>
                <div class="actions">
                    <button type="button" id="closing-write-final" class="primary" onclick={on_write_final}>
                        { i18n.tr("closing-write-final") }
                    </button>
                    { cancel }
                </div>
            </div>
        };
    }

    let form = &state.form;
    let on = state.dispatcher().to_callback();
    let edit = |field: ClosingField| on.reform(move |value| ClosingAction::Edit(field, value));
    let error = |field: ClosingField| error_for(&state.errors, field.name());
    let reasons: Vec<SelectOption> = std::iter::once(SelectOption::new("", i18n.tr("closing-choose-reason")))
        .chain(
            props.reasons.iter().map(|r| SelectOption::new(r.key.clone(), reason_label(r, i18n.locale()).to_owned())),
        )
        .collect();
    let (on, reason, text, summary) =
        (ClosingField::On, ClosingField::Reason, ClosingField::ReasonText, ClosingField::Summary);
    html! {
        <form id="closing-form" class="form closing-form" aria-busy={state.busy.then_some("true")} {onsubmit}>
            <h3>{ i18n.tr("closing-title") }</h3>
            <div class="form-grid">
                <TextField
                    id={on.input_id()}
                    label={i18n.tr(&on.label_id())}
                    value={form.on.clone()}
                    input_type="date"
                    error={error(on)}
                    oninput={edit(on)}
                />
                <SelectField
                    id={reason.input_id()}
                    label={i18n.tr(&reason.label_id())}
                    value={form.reason.clone()}
                    options={reasons}
                    error={error(reason)}
                    onchange={edit(reason)}
                />
            </div>
            if asks_reason_text(form) {
                <TextField
                    id={text.input_id()}
                    label={i18n.tr(&text.label_id())}
                    value={form.reason_text.clone()}
                    error={error(text)}
                    oninput={edit(text)}
                />
            }
            <TextAreaField
                id={summary.input_id()}
                label={i18n.tr(&summary.label_id())}
                value={form.summary.clone()}
                rows={5}
                error={error(summary)}
                oninput={edit(summary)}
            />
            if let Some(kind) = state.form_error {
                <p id="closing-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
            }
            <div class="actions">
                <button type="submit" id="closing-submit" class="primary" disabled={state.busy}>
                    { i18n.tr("closing-submit") }
                </button>
                { cancel }
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests;
