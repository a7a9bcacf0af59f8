//! The form of a new diary entry. It only shows the state and dispatches
//! [`DiaryAction`]s; the section saves drafts and records the visit.

use super::{action_checkbox_id, input_id, ActionField, DiaryAction, TickList, VisitField};
use crate::components::checkbox::CheckboxField;
use crate::components::field::{error_for, error_id, TextField};
use crate::components::member_list::full_name;
use crate::components::select::{SelectField, SelectOption};
use crate::components::textarea::TextAreaField;
use crate::components::visit_list::area_name;
use crate::format::local_timestamp;
use crate::i18n::{use_i18n, I18n};
use crate::screens::draft::DraftStatus;
use asysta_core::api::{ErrorKind, FamilyCase};
use asysta_core::plan::{current_status, ActionStatus, PlanArea};
use asysta_core::visit::{ContactForm, InterventionStep, Place, TravelMeans, VisitForm};
use asysta_core::FieldError;
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VisitFormViewProps {
    pub form: VisitForm,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    pub busy: bool,
    pub draft: DraftStatus,
    /// The form was opened from a draft left from before.
    pub restored: bool,
    /// A recorded entry is being corrected (no draft is kept for it).
    #[prop_or_default]
    pub correcting: bool,
    /// The entry is of a visit planned ahead: what it was planned for.
    #[prop_or_default]
    pub from_plan: Option<String>,
    /// The family's members and plan.
    pub case: Rc<FamilyCase>,
    pub areas: Vec<PlanArea>,
    pub on_action: Callback<DiaryAction>,
    pub onsubmit: Callback<SubmitEvent>,
    /// The focus left a field: edits not saved yet are saved now.
    pub on_focus_out: Callback<()>,
    pub on_cancel: Callback<()>,
    pub on_discard: Callback<()>,
}

/// The message of a means of travel (`travel-means-own-car`).
pub fn travel_means_id(means: TravelMeans) -> String {
    format!("travel-means-{}", means.as_str().replace('_', "-"))
}

/// "Szkic zapisany o 14:05": the time of day of a save.
pub fn draft_saved_text(i18n: &I18n, at_ms: u64) -> String {
    let stamp = local_timestamp(at_ms);
    let time = stamp.split(' ').nth(1).unwrap_or_default();
    i18n.tr_args("visit-draft-saved", &[("time", Arg::Str(time))])
}

#[component]
pub fn VisitFormView(props: &VisitFormViewProps) -> Html {
    let i18n = use_i18n();
    let form = &props.form;
    let errors = &props.errors;
    let on_action = &props.on_action;

    let field = |field: VisitField| -> Html {
        if !field.shown(form) {
            return Html::default();
        }
        let id = input_id(field.name());
        let label = i18n.tr(field.label_id());
        let value = field.value(form).to_owned();
        let error = error_for(errors, field.name());
        let onchange = on_action.reform(move |value| DiaryAction::Edit(field, value));
        match field {
            VisitField::Place => {
                let options = Place::KINDS
                    .iter()
                    .map(|kind| {
                        let label = Place::from_kind(kind, String::new()).map(|p| i18n.tr(p.message_id()));
                        SelectOption::new(*kind, label.unwrap_or_default())
                    })
                    .collect::<Vec<_>>();
                html! { <SelectField {id} {label} {value} {options} {error} {onchange} /> }
            }
            VisitField::Form => {
                let options = ContactForm::ALL
                    .iter()
                    .map(|f| SelectOption::new(f.as_str(), i18n.tr(f.message_id())))
                    .collect::<Vec<_>>();
                html! { <SelectField {id} {label} {value} {options} {error} {onchange} /> }
            }
            VisitField::TravelMeans => {
                let options = std::iter::once(SelectOption::new("", i18n.tr("travel-means-none")))
                    .chain(
                        TravelMeans::ALL.iter().map(|m| SelectOption::new(m.as_str(), i18n.tr(&travel_means_id(*m)))),
                    )
                    .collect::<Vec<_>>();
                html! { <SelectField {id} {label} {value} {options} {error} {onchange} /> }
            }
            VisitField::Notes | VisitField::InterventionObserved => {
                let rows = if field == VisitField::Notes { 8 } else { 4 };
                html! { <TextAreaField {id} {label} {value} {rows} {error} oninput={onchange} /> }
            }
            _ => {
                let input_type = field.input_type();
                let autofocus = field == VisitField::Date;
                html! { <TextField {id} {label} {value} {input_type} {autofocus} {error} oninput={onchange} /> }
            }
        }
    };
    let fields = |fields: &[VisitField]| -> Html { fields.iter().copied().map(field).collect() };

    // One checkbox per choice of a list; the list's errors under it.
    let tick_list = |list: TickList, legend: &str, choices: Vec<(String, String)>| -> Html {
        let chosen = list.values(form);
        let boxes = choices.into_iter().map(|(value, label)| {
            let checked = chosen.contains(&value);
            let id = list.checkbox_id(&value);
            let onchange = on_action.reform(move |on| DiaryAction::Tick(list, value.clone(), on));
            html! { <CheckboxField key={id.clone()} id={id.clone()} {label} {checked} {onchange} /> }
        });
        let error = list_error(errors, list.name());
        html! {
            <fieldset
                id={input_id(list.name())}
                class={classes!("checkbox-list", error.is_some().then_some("field-invalid"))}
                aria-describedby={error.is_some().then(|| error_id(&input_id(list.name())))}
            >
                <legend>{ legend.to_owned() }</legend>
                { for boxes }
                if let Some(error) = error {
                    <p id={error_id(&input_id(list.name()))} class="field-error">{ i18n.field_error(&error) }</p>
                }
            </fieldset>
        }
    };

    let case = &props.case;
    let members: Vec<(String, String)> = case.members.iter().map(|m| (m.id.to_string(), full_name(m))).collect();
    let areas: Vec<(String, String)> =
        props.areas.iter().map(|a| (a.key.clone(), area_name(a, i18n.locale()).to_owned())).collect();
    let steps: Vec<(String, String)> =
        InterventionStep::ALL.iter().map(|s| (s.as_str().to_owned(), i18n.tr(s.message_id()))).collect();

    let actions = match case.plan_versions.last() {
        None => html! { <p id="visit-no-plan" class="hint">{ i18n.tr("visit-no-plan") }</p> },
        Some(version) => {
            let statuses = current_status(version, &case.progress_notes);
            version
                .actions()
                .map(|action| {
                    let action_id = action.id.to_string();
                    let status = statuses.get(&action.id).copied().unwrap_or(action.status);
                    let index = form.actions_worked.iter().position(|w| w.action_id == action_id);
                    html! {
                        <ActionWorkedView
                            key={action_id.clone()}
                            action_id={action_id.clone()}
                            what={action.what.clone()}
                            current={status}
                            {index}
                            form={form.clone()}
                            errors={errors.clone()}
                            on_action={on_action.clone()}
                        />
                    }
                })
                .collect::<Html>()
        }
    };

    let on_safety = on_action.reform(DiaryAction::SetSafetyConcern);
    let onfocusout = props.on_focus_out.reform(|_: FocusEvent| ());
    let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let on_discard = props.on_discard.reform(|_: MouseEvent| ());
    let draft_status = match props.draft {
        DraftStatus::Idle => Html::default(),
        DraftStatus::Saved { at_ms } => html! {
            <p class="status visit-draft-saved">{ draft_saved_text(&i18n, at_ms) }</p>
        },
        DraftStatus::Failed(kind) => html! {
            <p class="form-error visit-draft-failed" role="alert">
                { i18n.tr("visit-draft-failed") }{ " " }{ i18n.error(kind) }
            </p>
        },
    };

    use VisitField as F;
    html! {
        <form
            id="visit-form"
            class="form visit-form"
            aria-labelledby="visit-form-title"
            aria-busy={props.busy.then_some("true")}
            onsubmit={props.onsubmit.clone()}
            {onfocusout}
        >
            <h4 id="visit-form-title">
                { i18n.tr(match (&props.from_plan, props.correcting) {
                    (Some(_), _) => "visit-from-plan-title",
                    (None, true) => "visit-correct-title",
                    (None, false) => "visit-add-title",
                }) }
            </h4>
            if let Some(purpose) = props.from_plan.as_ref().filter(|p| !p.is_empty()) {
                <p id="visit-planned-purpose" class="hint">
                    { i18n.tr_args("visit-from-plan-purpose", &[("purpose", Arg::Str(purpose))]) }
                </p>
            }
            if props.restored {
                <p id="visit-draft-restored" class="notice" role="status">{ i18n.tr("visit-draft-restored") }</p>
            }
            <fieldset class="grid">
                <legend>{ i18n.tr("visit-when-where") }</legend>
                { fields(&[F::Date, F::Start, F::End, F::Form, F::Place, F::PlaceOther]) }
            </fieldset>
            { tick_list(TickList::Participants, &i18n.tr("visit-field-participants"), members) }
            { fields(&[F::OtherParticipants]) }
            { tick_list(TickList::Areas, &i18n.tr("visit-field-areas"), areas) }
            <fieldset id="visit_actions_worked" class="visit-actions-worked">
                <legend>{ i18n.tr("visit-field-actions-worked") }</legend>
                { actions }
            </fieldset>
            { fields(&[F::Notes, F::NextPlanned]) }
            <fieldset id="visit-travel" class="visit-travel">
                <legend>{ i18n.tr("visit-travel") }</legend>
                { fields(&[F::TravelKm, F::TravelMeans]) }
            </fieldset>
            <fieldset id="visit-intervention" class={classes!("intervention", form.safety_concern.then_some("active"))}>
                <legend>{ i18n.tr("intervention-title") }</legend>
                <CheckboxField
                    id="visit_safety_concern"
                    label={i18n.tr("visit-field-safety-concern")}
                    checked={form.safety_concern}
                    onchange={on_safety}
                />
                if form.safety_concern {
                    { fields(&[F::InterventionObserved]) }
                    { tick_list(TickList::InterventionSteps, &i18n.tr("visit-field-intervention-steps"), steps) }
                    { fields(&[F::InterventionTime]) }
                }
            </fieldset>
            if let Some(kind) = props.form_error {
                <p id="visit-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
            }
            <div class="actions">
                <button type="submit" id="visit-submit" class="primary" disabled={props.busy}>
                    { i18n.tr("visit-submit") }
                </button>
                <button type="button" id="visit-cancel" class="secondary" onclick={on_cancel}>
                    { i18n.tr("cancel") }
                </button>
                if !props.correcting {
                    <button type="button" id="visit-discard" class="secondary" onclick={on_discard}>
                        { i18n.tr("visit-discard") }
                    </button>
                }
            </div>
            if !props.correcting {
                <div id="visit-draft-status" class="status-region" aria-live="polite">{ draft_status }</div>
            }
        </form>
    }
}

/// The first error on a list or one of its items.
fn list_error(errors: &[FieldError], list: &str) -> Option<FieldError> {
    errors
        .iter()
        .find(|e| e.field == list || e.field.strip_prefix(list).is_some_and(|rest| rest.starts_with('[')))
        .cloned()
}

#[derive(Properties, PartialEq)]
struct ActionWorkedViewProps {
    action_id: String,
    what: String,
    current: ActionStatus,
    /// Its place in `form.actions_worked`, when ticked.
    index: Option<usize>,
    form: VisitForm,
    errors: Vec<FieldError>,
    on_action: Callback<DiaryAction>,
}

/// One action of the plan: ticked when worked on, then a note and a new
/// status.
#[component]
fn ActionWorkedView(props: &ActionWorkedViewProps) -> Html {
    let i18n = use_i18n();
    let onchange = {
        let action_id = props.action_id.clone();
        props.on_action.reform(move |on| DiaryAction::TickAction(action_id.clone(), on))
    };
    let current = i18n.tr_args("visit-action-current", &[("status", Arg::Str(&i18n.tr(props.current.message_id())))]);
    let work = props.index.and_then(|index| Some((index, props.form.actions_worked.get(index)?)));
    let details = work.map(|(index, work)| {
        let edit =
            |field: ActionField| props.on_action.reform(move |value| DiaryAction::EditAction(index, field, value));
        let note = ActionField::Note.path(index);
        let status = ActionField::Status.path(index);
        let options: Vec<SelectOption> =
            std::iter::once(SelectOption::new("", i18n.tr("visit-action-status-unchanged")))
                .chain(ActionStatus::ALL.iter().map(|s| SelectOption::new(s.as_str(), i18n.tr(s.message_id()))))
                .collect();
        html! {
            <div class="visit-action-work">
                <TextAreaField
                    id={input_id(&note)}
                    label={i18n.tr("visit-field-action-note")}
                    value={work.note.clone()}
                    error={error_for(&props.errors, &note)}
                    oninput={edit(ActionField::Note)}
                />
                <SelectField
                    id={input_id(&status)}
                    label={i18n.tr("visit-field-action-status")}
                    value={work.status.clone()}
                    {options}
                    error={error_for(&props.errors, &status)}
                    onchange={edit(ActionField::Status)}
                />
            </div>
        }
    });
    html! {
        <div class={classes!("visit-action", work.is_some().then_some("ticked"))}>
            <CheckboxField
                id={action_checkbox_id(&props.action_id)}
                label={props.what.clone()}
                checked={work.is_some()}
                {onchange}
            />
            <p class="hint visit-action-current">{ current }</p>
            { details }
        </div>
    }
}
