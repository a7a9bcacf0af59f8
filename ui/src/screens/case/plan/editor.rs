//! The form of the next version of the plan: its dates, then each goal
//! (area, goal) with its actions (what, who, deadline, expected effect,
//! status). Goals and actions are added and removed with buttons, so the
//! whole form works from the keyboard.

use super::{action_path, goal_path, input_id, label_id, ActionField, GoalField, PlanAction, PlanField};
use crate::components::field::{error_for, TextField};
use crate::components::member_list::full_name;
use crate::components::select::{SelectField, SelectOption};
use crate::components::textarea::TextAreaField;
use crate::components::visit_list::area_name;
use crate::i18n::{use_i18n, I18n};
use crate::screens::case::diary::visit_form::draft_saved_text;
use crate::screens::draft::DraftStatus;
use asysta_core::api::{ErrorKind, MemberView};
use asysta_core::plan::{ActionStatus, Actor, PlanActionForm, PlanArea, PlanGoalForm, PlanVersionForm};
use asysta_core::FieldError;
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanEditorProps {
    pub form: PlanVersionForm,
    /// The number the version will get.
    pub number: u32,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    pub busy: bool,
    pub members: Vec<MemberView>,
    pub areas: Rc<Vec<PlanArea>>,
    /// Where the saving of the editor's draft stands.
    #[prop_or_default]
    pub draft: DraftStatus,
    /// The editor came back from a draft left unsaved.
    #[prop_or_default]
    pub restored: bool,
    pub on_action: Callback<PlanAction>,
    pub onsubmit: Callback<SubmitEvent>,
}

/// The error of the list `path` (no goals, a goal without actions), shown
/// under the list's add button.
fn list_error(i18n: &I18n, errors: &[FieldError], path: &str) -> Html {
    match error_for(errors, path) {
        Some(error) => html! {
            <p id={format!("error-{}", input_id(path))} class="field-error">{ i18n.field_error(&error) }</p>
        },
        None => Html::default(),
    }
}

#[component]
pub fn PlanEditor(props: &PlanEditorProps) -> Html {
    let i18n = use_i18n();
    let on = props.on_action.clone();
    let plan_field = |field: PlanField, value: &str| {
        let onchange = on.reform(move |value| PlanAction::SetPlan(field, value));
        let input_type = if field == PlanField::ConsultationSocialWorker { "text" } else { "date" };
        html! {
            <TextField
                id={input_id(field.name())}
                label={i18n.tr(&label_id(field.name()))}
                value={value.to_owned()}
                {input_type}
                error={error_for(&props.errors, field.name())}
                oninput={onchange}
            />
        }
    };
    let goals = props.form.goals.iter().enumerate().map(|(g, goal)| goal_fieldset(&i18n, props, g, goal));
    let on_add_goal = on.reform(|_: MouseEvent| PlanAction::AddGoal);
    let on_cancel = on.reform(|_: MouseEvent| PlanAction::Cancel);
    let form = &props.form;
    let number = [("number", Arg::Num(f64::from(props.number)))];
    html! {
        <form id="plan-form" class="form plan-form" aria-busy={props.busy.then_some("true")} onsubmit={props.onsubmit.clone()}>
            <h4>{ i18n.tr_args("plan-editor-title", &number) }</h4>
            <p class="hint">{ i18n.tr("plan-editor-hint") }</p>
            <fieldset class="grid">
                { plan_field(PlanField::AgreedWithFamilyOn, &form.agreed_with_family_on) }
                { plan_field(PlanField::ConsultationDate, &form.consultation_date) }
                { plan_field(PlanField::ConsultationSocialWorker, &form.consultation_social_worker) }
            </fieldset>
            { for goals }
            { list_error(&i18n, &props.errors, "goals") }
            <div class="actions">
                <button type="button" id="plan-add-goal" class="secondary" onclick={on_add_goal}>
                    { i18n.tr("plan-add-goal") }
                </button>
            </div>
            if props.restored {
                <p id="plan-draft-restored" class="status">{ i18n.tr("plan-draft-restored") }</p>
            }
            { match props.draft {
                DraftStatus::Idle => Html::default(),
                DraftStatus::Saved { at_ms } => html! {
                    <p class="status plan-draft-saved">{ draft_saved_text(&i18n, at_ms) }</p>
                },
                DraftStatus::Failed(kind) => html! {
                    <p class="form-error plan-draft-failed" role="alert">
                        { i18n.tr("visit-draft-failed") }{ " " }{ i18n.error(kind) }
                    </p>
                },
            } }
            if let Some(kind) = props.form_error {
                <p id="plan-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
            }
            <div class="actions">
                <button type="submit" id="plan-submit" class="primary" disabled={props.busy}>
                    { i18n.tr_args("plan-save", &number) }
                </button>
                <button type="button" id="plan-cancel" class="secondary" onclick={on_cancel}>
                    { i18n.tr("cancel") }
                </button>
            </div>
        </form>
    }
}

fn goal_fieldset(i18n: &I18n, props: &PlanEditorProps, g: usize, goal: &PlanGoalForm) -> Html {
    let on = &props.on_action;
    let at = goal_path(g);
    let path = |field: GoalField| format!("{at}.{}", field.suffix());
    let area_options: Vec<SelectOption> = std::iter::once(SelectOption::new("", i18n.tr("plan-choose-area")))
        .chain(props.areas.iter().map(|a| SelectOption::new(a.key.clone(), area_name(a, i18n.locale()).to_owned())))
        .collect();
    let actions = goal.actions.iter().enumerate().map(|(a, action)| action_fieldset(i18n, props, g, a, action));
    let actions_path = format!("{at}.actions");
    html! {
        <fieldset class="plan-goal-form" key={format!("goal-{g}")}>
            <legend>{ i18n.tr_args("plan-goal-legend", &[("number", Arg::Num((g + 1) as f64))]) }</legend>
            <SelectField
                id={input_id(&path(GoalField::Area))}
                label={i18n.tr("plan-field-area")}
                value={goal.area.clone()}
                options={area_options}
                error={error_for(&props.errors, &path(GoalField::Area))}
                onchange={on.reform(move |v| PlanAction::SetGoal(g, GoalField::Area, v))}
            />
            <TextAreaField
                id={input_id(&path(GoalField::Goal))}
                label={i18n.tr("plan-field-goal")}
                value={goal.goal.clone()}
                rows={2}
                error={error_for(&props.errors, &path(GoalField::Goal))}
                oninput={on.reform(move |v| PlanAction::SetGoal(g, GoalField::Goal, v))}
            />
            { for actions }
            { list_error(i18n, &props.errors, &actions_path) }
            <div class="actions">
                <button
                    type="button"
                    id={format!("plan-add-action-{g}")}
                    class="secondary"
                    onclick={on.reform(move |_: MouseEvent| PlanAction::AddAction(g))}
                >
                    { i18n.tr("plan-add-action") }
                </button>
                <button
                    type="button"
                    id={format!("plan-remove-goal-{g}")}
                    class="secondary danger"
                    onclick={on.reform(move |_: MouseEvent| PlanAction::RemoveGoal(g))}
                >
                    { i18n.tr("plan-remove-goal") }
                </button>
            </div>
        </fieldset>
    }
}

fn action_fieldset(i18n: &I18n, props: &PlanEditorProps, g: usize, a: usize, action: &PlanActionForm) -> Html {
    let on = &props.on_action;
    let at = action_path(g, a);
    let field = |field: ActionField, value: &str| -> Html {
        let path = format!("{at}.{}", field.suffix());
        let id = input_id(&path);
        let label = i18n.tr(&label_id(field.suffix()));
        let error = error_for(&props.errors, &path);
        let onchange = on.reform(move |v| PlanAction::SetAction(g, a, field, v));
        let value = value.to_owned();
        match field {
            ActionField::Who => {
                let options =
                    choices(i18n, "plan-choose-who", Actor::KINDS.iter().map(|&kind| (kind, actor_kind(i18n, kind))));
                html! { <SelectField {id} {label} {value} {options} {error} {onchange} /> }
            }
            ActionField::WhoMemberId => {
                let members = props.members.iter().map(|m| (m.id.to_string(), full_name(m)));
                let options = choices(i18n, "plan-choose-member", members);
                html! { <SelectField {id} {label} {value} {options} {error} {onchange} /> }
            }
            ActionField::Status => {
                let options: Vec<SelectOption> =
                    ActionStatus::ALL.iter().map(|s| SelectOption::new(s.as_str(), i18n.tr(s.message_id()))).collect();
                html! { <SelectField {id} {label} {value} {options} {error} {onchange} /> }
            }
            ActionField::What | ActionField::ExpectedEffect => {
                html! { <TextAreaField {id} {label} {value} rows={2} {error} oninput={onchange} /> }
            }
            ActionField::Deadline => {
                html! { <TextField {id} {label} {value} input_type="date" {error} oninput={onchange} /> }
            }
            ActionField::WhoInstitution => html! { <TextField {id} {label} {value} {error} oninput={onchange} /> },
        }
    };
    html! {
        <fieldset class="plan-action-form grid" key={format!("action-{g}-{a}")}>
            <legend>{ i18n.tr_args("plan-action-legend", &[("number", Arg::Num((a + 1) as f64))]) }</legend>
            { field(ActionField::What, &action.what) }
            { field(ActionField::Who, &action.who) }
            if action.who == "member" {
                { field(ActionField::WhoMemberId, &action.who_member_id) }
            }
            if action.who == "institution" {
                { field(ActionField::WhoInstitution, &action.who_institution) }
            }
            { field(ActionField::Deadline, &action.deadline) }
            { field(ActionField::ExpectedEffect, &action.expected_effect) }
            { field(ActionField::Status, &action.status) }
            <div class="actions">
                <button
                    type="button"
                    id={format!("plan-remove-action-{g}-{a}")}
                    class="secondary danger"
                    onclick={on.reform(move |_: MouseEvent| PlanAction::RemoveAction(g, a))}
                >
                    { i18n.tr("plan-remove-action") }
                </button>
            </div>
        </fieldset>
    }
}

/// The options of a choice that starts unchosen.
fn choices<V: Into<AttrValue>>(i18n: &I18n, none: &str, items: impl Iterator<Item = (V, String)>) -> Vec<SelectOption> {
    std::iter::once(SelectOption::new("", i18n.tr(none)))
        .chain(items.map(|(value, label)| SelectOption::new(value, label)))
        .collect()
}

/// "family member", "family assistant", "institution".
fn actor_kind(i18n: &I18n, kind: &str) -> String {
    i18n.tr(&format!("action-actor-{kind}"))
}
