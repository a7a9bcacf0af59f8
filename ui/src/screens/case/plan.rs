//! The work plan with the family (plan pracy z rodziną): the version in
//! force with each action's current status, any earlier version, the
//! comparison of two versions, and the editor of the next version; the
//! version in force with the centre's decision on it (`approval`), and
//! comments beside each goal and action.
//!
//! A new version starts from the current one (`PlanVersionForm::next_from`:
//! goals and actions keep their ids, so the comparison can match them).
//! Field names follow `validate_plan_version` (`goals[0].actions[1].what`);
//! each input's id is `plan_` and the name through [`dom_id`], so errors,
//! local or from the shell, are shown next to their inputs.

pub mod editor;

use super::approval::PlanApprovalPanel;
use crate::clock::today;
use crate::components::field::dom_id;
use crate::components::plan_diff::PlanDiffView;
use crate::components::plan_view::PlanView;
use crate::components::select::{SelectField, SelectOption};
use crate::i18n::use_i18n;
use crate::ipc;
use crate::screens::draft::{DraftStatus, FormDraftSaver};
use crate::screens::form::{submit_case_form, FormSteps};
use crate::screens::split_api_error;
use asysta_core::api::{ApiError, DraftKind, ErrorKind, FamilyCase};
use asysta_core::plan::{
    current_status, overdue_actions, validate_plan_version, PlanActionForm, PlanArea, PlanGoalForm, PlanVersion,
    PlanVersionForm,
};
use asysta_core::{EntityId, FieldError};
use asysta_i18n::Arg;
use editor::PlanEditor;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// A field of the plan as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanField {
    AgreedWithFamilyOn,
    ConsultationDate,
    ConsultationSocialWorker,
}

/// A field of one goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalField {
    Area,
    Goal,
}

/// A field of one action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionField {
    What,
    Who,
    WhoMemberId,
    WhoInstitution,
    Deadline,
    ExpectedEffect,
    Status,
}

impl PlanField {
    pub const ALL: [PlanField; 3] =
        [PlanField::AgreedWithFamilyOn, PlanField::ConsultationDate, PlanField::ConsultationSocialWorker];

    pub fn name(self) -> &'static str {
        match self {
            PlanField::AgreedWithFamilyOn => "agreed_with_family_on",
            PlanField::ConsultationDate => "consultation_date",
            PlanField::ConsultationSocialWorker => "consultation_social_worker",
        }
    }

    pub fn value_mut(self, form: &mut PlanVersionForm) -> &mut String {
        match self {
            PlanField::AgreedWithFamilyOn => &mut form.agreed_with_family_on,
            PlanField::ConsultationDate => &mut form.consultation_date,
            PlanField::ConsultationSocialWorker => &mut form.consultation_social_worker,
        }
    }
}

impl GoalField {
    pub fn suffix(self) -> &'static str {
        match self {
            GoalField::Area => "area",
            GoalField::Goal => "goal",
        }
    }

    pub fn value_mut(self, goal: &mut PlanGoalForm) -> &mut String {
        match self {
            GoalField::Area => &mut goal.area,
            GoalField::Goal => &mut goal.goal,
        }
    }
}

impl ActionField {
    pub const ALL: [ActionField; 7] = [
        ActionField::What,
        ActionField::Who,
        ActionField::WhoMemberId,
        ActionField::WhoInstitution,
        ActionField::Deadline,
        ActionField::ExpectedEffect,
        ActionField::Status,
    ];

    pub fn suffix(self) -> &'static str {
        match self {
            ActionField::What => "what",
            ActionField::Who => "who",
            ActionField::WhoMemberId => "who_member_id",
            ActionField::WhoInstitution => "who_institution",
            ActionField::Deadline => "deadline",
            ActionField::ExpectedEffect => "expected_effect",
            ActionField::Status => "status",
        }
    }

    pub fn value_mut(self, action: &mut PlanActionForm) -> &mut String {
        match self {
            ActionField::What => &mut action.what,
            ActionField::Who => &mut action.who,
            ActionField::WhoMemberId => &mut action.who_member_id,
            ActionField::WhoInstitution => &mut action.who_institution,
            ActionField::Deadline => &mut action.deadline,
            ActionField::ExpectedEffect => &mut action.expected_effect,
            ActionField::Status => &mut action.status,
        }
    }
}

/// `goals[<goal>]`.
pub fn goal_path(goal: usize) -> String {
    format!("goals[{goal}]")
}

/// `goals[<goal>].actions[<action>]`.
pub fn action_path(goal: usize, action: usize) -> String {
    format!("goals[{goal}].actions[{action}]")
}

/// The id of the input of the field named `path`.
pub fn input_id(path: &str) -> String {
    format!("plan_{}", dom_id(path))
}

/// The label of a field, by its last name: `plan-field-who-member-id`.
pub fn label_id(suffix: &str) -> String {
    format!("plan-field-{}", suffix.replace('_', "-"))
}

/// A goal as a new one starts: one empty action to fill in.
pub fn new_goal() -> PlanGoalForm {
    PlanGoalForm { actions: vec![new_action()], ..PlanGoalForm::default() }
}

/// An action as a new one starts: planned, the rest to fill in.
pub fn new_action() -> PlanActionForm {
    PlanActionForm { status: "planned".into(), ..PlanActionForm::default() }
}

/// The form of the next version: from the current one, or a first goal.
pub fn next_version_form(versions: &[PlanVersion]) -> PlanVersionForm {
    match versions.last() {
        Some(current) => PlanVersionForm::next_from(current),
        None => PlanVersionForm { goals: vec![new_goal()], ..PlanVersionForm::default() },
    }
}

/// Every field name the editor shows for `form` (for the shell's errors).
pub fn shown_fields(form: &PlanVersionForm) -> Vec<String> {
    let mut names: Vec<String> = PlanField::ALL.iter().map(|f| f.name().to_owned()).collect();
    names.push("goals".into());
    for (g, goal) in form.goals.iter().enumerate() {
        let at = goal_path(g);
        names.extend(["area", "goal", "actions"].map(|s| format!("{at}.{s}")));
        for a in 0..goal.actions.len() {
            let at = action_path(g, a);
            names.extend(ActionField::ALL.map(|f| format!("{at}.{}", f.suffix())));
        }
    }
    names
}

/// The plan section and where its editing stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanState {
    /// The version shown; `None` for the one in force.
    pub shown: Option<u32>,
    /// The versions compared (earlier, later), when comparing.
    pub compare: Option<(u32, u32)>,
    /// The next version being drawn up.
    pub editor: Option<PlanVersionForm>,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    pub busy: bool,
    /// The number of the version just saved.
    pub saved: Option<u32>,
    /// Edits of the open editor (each is kept as a draft).
    pub edits: u32,
    /// Where the saving of the editor's draft stands.
    pub draft: DraftStatus,
    /// The editor was brought back from a draft left unsaved.
    pub restored: bool,
}

pub enum PlanAction {
    Show(u32),
    Compare(u32, u32),
    CloseCompare,
    /// Start drawing up the next version from this form.
    Edit(PlanVersionForm),
    Cancel,
    SetPlan(PlanField, String),
    SetGoal(usize, GoalField, String),
    SetAction(usize, usize, ActionField, String),
    AddGoal,
    RemoveGoal(usize),
    AddAction(usize),
    RemoveAction(usize, usize),
    Rejected(Vec<FieldError>),
    Submitted,
    /// The version with this number was saved.
    Saved(u32),
    Failed(ApiError),
    /// A version drawn up before and not saved (the app was closed or
    /// killed) comes back from its draft.
    DraftRestored(PlanVersionForm),
    /// How the last save of the draft went.
    Draft(DraftStatus),
}

impl FormSteps for PlanAction {
    fn rejected(errors: Vec<FieldError>) -> Self {
        PlanAction::Rejected(errors)
    }
    fn submitted() -> Self {
        PlanAction::Submitted
    }
    fn failed(error: ApiError) -> Self {
        PlanAction::Failed(error)
    }
    fn input_id(field: &str) -> String {
        input_id(field)
    }
}

impl Reducible for PlanState {
    type Action = PlanAction;

    fn reduce(self: Rc<Self>, action: PlanAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PlanAction::Show(number) => next.shown = Some(number),
            PlanAction::Compare(old, new) => next.compare = Some((old, new)),
            PlanAction::CloseCompare => next.compare = None,
            PlanAction::Edit(form) => {
                next = PlanState { editor: Some(form), shown: next.shown, ..PlanState::default() };
            }
            PlanAction::Cancel => next = PlanState { shown: next.shown, ..PlanState::default() },
            PlanAction::DraftRestored(form) => {
                if next.editor.is_none() || next.busy || next.edits > 0 {
                    return self;
                }
                next.editor = Some(form);
                next.restored = true;
            }
            PlanAction::Draft(status) => next.draft = status,
            PlanAction::Rejected(errors) => {
                next.errors = errors;
                next.form_error = None;
            }
            PlanAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.form_error = None;
            }
            PlanAction::Saved(number) => next = PlanState { saved: Some(number), ..PlanState::default() },
            PlanAction::Failed(error) => {
                next.busy = false;
                let shown = next.editor.as_ref().map(shown_fields).unwrap_or_default();
                let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
                (next.errors, next.form_error) = split_api_error(error, &shown);
            }
            edit => {
                let Some(form) = next.editor.as_mut() else { return self };
                if !apply_edit(form, &mut next.errors, edit) {
                    return self;
                }
                next.saved = None;
                next.edits += 1;
            }
        }
        Rc::new(next)
    }
}

/// Applies an edit of the form; `false` when it changed nothing (an index
/// out of range). Errors of the edited field go; adding or removing goals
/// and actions renumbers the ones after, so their errors go too.
fn apply_edit(form: &mut PlanVersionForm, errors: &mut Vec<FieldError>, edit: PlanAction) -> bool {
    match edit {
        PlanAction::SetPlan(field, value) => {
            *field.value_mut(form) = value;
            // The consultation's date and social worker go together.
            let consultation = field != PlanField::AgreedWithFamilyOn;
            errors.retain(|e| e.field != field.name() && !(consultation && e.field.starts_with("consultation_")));
        }
        PlanAction::SetGoal(g, field, value) => {
            let Some(goal) = form.goals.get_mut(g) else { return false };
            *field.value_mut(goal) = value;
            let path = format!("{}.{}", goal_path(g), field.suffix());
            errors.retain(|e| e.field != path);
        }
        PlanAction::SetAction(g, a, field, value) => {
            let Some(action) = form.goals.get_mut(g).and_then(|goal| goal.actions.get_mut(a)) else { return false };
            *field.value_mut(action) = value;
            // Choosing who acts settles the member's and institution's errors too.
            let prefix =
                format!("{}.{}", action_path(g, a), if field == ActionField::Who { "who" } else { field.suffix() });
            errors.retain(|e| !e.field.starts_with(&prefix));
        }
        PlanAction::AddGoal => {
            form.goals.push(new_goal());
            errors.retain(|e| e.field != "goals");
        }
        PlanAction::RemoveGoal(g) => {
            if g >= form.goals.len() {
                return false;
            }
            form.goals.remove(g);
            errors.retain(|e| !e.field.starts_with("goals["));
        }
        PlanAction::AddAction(g) => {
            let Some(goal) = form.goals.get_mut(g) else { return false };
            goal.actions.push(new_action());
            let path = format!("{}.actions", goal_path(g));
            errors.retain(|e| e.field != path);
        }
        PlanAction::RemoveAction(g, a) => {
            let Some(goal) = form.goals.get_mut(g).filter(|goal| a < goal.actions.len()) else { return false };
            goal.actions.remove(a);
            let prefix = format!("{}.actions[", goal_path(g));
            errors.retain(|e| !e.field.starts_with(&prefix));
        }
        _ => return false,
    }
    true
}

#[derive(Properties, PartialEq)]
pub struct PlanSectionProps {
    pub family_id: EntityId,
    pub case: Rc<FamilyCase>,
    /// The centre's areas (empty until read).
    pub areas: Rc<Vec<PlanArea>>,
    /// The version in force may be submitted to the centre (the
    /// assistant's own case).
    pub can_submit: bool,
    /// A submitted version may be approved or returned (a centre).
    pub can_decide: bool,
    pub on_case: Callback<FamilyCase>,
    pub on_locked: Callback<()>,
}

#[component]
pub fn PlanSection(props: &PlanSectionProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(PlanState::default);
    let versions: Vec<Rc<PlanVersion>> = props.case.plan_versions.iter().cloned().map(Rc::new).collect();
    // Copied once per case, not at every drawing of the section (a case
    // of years has hundreds of notes).
    let notes = use_memo(props.case.clone(), |case| Rc::new(case.progress_notes.clone()));
    let next_number = versions.len() as u32 + 1;
    // Every edit of the next version is kept as a draft: a crash or a
    // killed app loses nothing of a plan being drawn up.
    let saver = {
        let dispatcher = state.dispatcher();
        let (family_id, on_locked) = (props.family_id, props.on_locked.clone());
        use_memo(family_id, move |&family_id| {
            let on_status = Callback::from(move |status| dispatcher.dispatch(PlanAction::Draft(status)));
            FormDraftSaver::<PlanVersionForm>::new(DraftKind::Plan, family_id, on_status, on_locked)
        })
    };
    {
        let saver = saver.clone();
        let (family_id, form) = (props.family_id, state.editor.clone());
        use_effect_with(state.edits, move |&edits| {
            if let (true, Some(form)) = (edits > 0, form) {
                saver.edited(family_id, form);
            }
        });
    }

    let onsubmit = {
        let state = state.clone();
        let saver = saver.clone();
        let family_id = props.family_id;
        let members: Vec<EntityId> = props.case.members.iter().map(|m| m.id).collect();
        let areas = props.areas.clone();
        let on_case = props.on_case.clone();
        let on_locked = props.on_locked.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(form) = state.editor.clone().filter(|_| !state.busy) else { return };
            // Ids given here are thrown away: only the errors matter.
            let placeholder = || EntityId::new_v7(0, [0; 10]);
            let checked = validate_plan_version(&form, &members, &areas, today(), placeholder).map(drop);
            // The shell discards the draft with the save: an older draft on
            // its way must not bring it back.
            saver.settle();
            let command = async move { ipc::save_plan_version(family_id, &form).await };
            let saved = PlanAction::Saved(next_number);
            submit_case_form(state.dispatcher(), checked, command, on_locked.clone(), on_case.clone(), saved);
        })
    };
    let on_edit = {
        let dispatcher = state.dispatcher();
        let form = next_version_form(&props.case.plan_versions);
        let (family_id, on_locked) = (props.family_id, props.on_locked.clone());
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(PlanAction::Edit(form.clone()));
            // A version drawn up before and not saved comes back.
            let (dispatcher, on_locked, opened_with) = (dispatcher.clone(), on_locked.clone(), form.clone());
            spawn_local(async move {
                match ipc::form_draft(DraftKind::Plan, family_id).await {
                    Ok(Some(draft)) => {
                        if let Ok(kept) = serde_json::from_value::<PlanVersionForm>(draft.form) {
                            if kept != opened_with {
                                dispatcher.dispatch(PlanAction::DraftRestored(kept));
                            }
                        }
                    }
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    // The editor opens as it would; a draft that cannot be
                    // read is not worth a refusal.
                    Ok(None) | Err(_) => {}
                }
            });
        })
    };
    let on_compare = {
        let dispatcher = state.dispatcher();
        let last = versions.len() as u32;
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(PlanAction::Compare(last - 1, last)))
    };
    let version_options: Vec<SelectOption> = versions
        .iter()
        .map(|v| {
            let label = i18n.tr_args("plan-version", &[("number", Arg::Num(f64::from(v.number)))]);
            SelectOption::new(v.number.to_string(), label)
        })
        .collect();
    let pick = |id: &'static str, label: &str, value: u32, to: Callback<u32>| {
        let onchange = to.reform(|value: String| value.parse().unwrap_or(1));
        html! {
            <SelectField
                {id}
                label={label.to_owned()}
                value={value.to_string()}
                options={version_options.clone()}
                {onchange}
            />
        }
    };

    let body = if let Some(form) = &state.editor {
        html! {
            <PlanEditor
                form={form.clone()}
                number={next_number}
                errors={state.errors.clone()}
                form_error={state.form_error}
                busy={state.busy}
                members={props.case.members.clone()}
                areas={props.areas.clone()}
                draft={state.draft}
                restored={state.restored}
                on_action={state.dispatcher().to_callback()}
                {onsubmit}
            />
        }
    } else if let (Some((old, new)), false) = (state.compare, versions.is_empty()) {
        let version = |n: u32| versions.iter().find(|v| v.number == n).cloned().unwrap_or_else(|| versions[0].clone());
        let dispatcher = state.dispatcher();
        let on_from = dispatcher.to_callback().reform(move |old| PlanAction::Compare(old, new));
        let on_to = dispatcher.to_callback().reform(move |new| PlanAction::Compare(old, new));
        let on_close = dispatcher.to_callback().reform(|_: MouseEvent| PlanAction::CloseCompare);
        html! {
            <div id="plan-compare-panel" class="plan-compare">
                <div class="form-grid">
                    { pick("plan-compare-from", &i18n.tr("plan-compare-from"), old, on_from) }
                    { pick("plan-compare-to", &i18n.tr("plan-compare-to"), new, on_to) }
                </div>
                <PlanDiffView
                    old={version(old)}
                    new={version(new)}
                    members={props.case.members.clone()}
                    areas={props.areas.clone()}
                />
                <div class="actions">
                    <button type="button" id="plan-compare-close" class="secondary" onclick={on_close}>
                        { i18n.tr("plan-compare-close") }
                    </button>
                </div>
            </div>
        }
    } else if let Some(current) = versions.last() {
        let shown = state.shown.and_then(|n| versions.iter().find(|v| v.number == n)).unwrap_or(current).clone();
        let is_current = shown.number == current.number;
        let statuses = current_status(&shown, &props.case.progress_notes);
        let overdue = if is_current {
            overdue_actions(&shown, &props.case.progress_notes, today()).iter().map(|a| a.id).collect()
        } else {
            Vec::new()
        };
        let on_show = state.dispatcher().to_callback().reform(PlanAction::Show);
        html! {
            <>
                if versions.len() > 1 {
                    { pick("plan-version-select", &i18n.tr("plan-version-select"), shown.number, on_show) }
                }
                <h4 id="plan-version-number">
                    { i18n.tr_args("plan-version", &[("number", Arg::Num(f64::from(shown.number)))]) }
                </h4>
                <crate::screens::print::PrintButton
                    job={asysta_core::api::PrintJob::Plan {
                        family_id: props.case.family.id,
                        version: (!is_current).then_some(shown.number),
                    }}
                />
                if is_current {
                    <PlanApprovalPanel
                        family_id={props.family_id}
                        case={props.case.clone()}
                        can_submit={props.can_submit}
                        can_decide={props.can_decide}
                        on_case={props.on_case.clone()}
                        on_locked={props.on_locked.clone()}
                    />
                } else {
                    <p id="plan-earlier" class="warning">
                        { i18n.tr_args("plan-earlier-version", &[("number", Arg::Num(f64::from(current.number)))]) }
                    </p>
                }
                <PlanView
                    version={shown}
                    {statuses}
                    {overdue}
                    members={props.case.members.clone()}
                    areas={props.areas.clone()}
                    notes={(*notes).clone()}
                    comments={Some(super::comments::comment_threads())}
                />
            </>
        }
    } else {
        html! { <p id="plan-empty" class="empty">{ i18n.tr("plan-empty") }</p> }
    };

    let editing = state.editor.is_some();
    html! {
        <section id="plan" class="panel" aria-labelledby="plan-title">
            <div class="panel-header">
                <h3 id="plan-title">{ i18n.tr("plan-title") }</h3>
                if !editing {
                    <div class="actions">
                        if versions.len() > 1 && state.compare.is_none() {
                            <button type="button" id="plan-compare" class="secondary" onclick={on_compare}>
                                { i18n.tr("plan-compare") }
                            </button>
                        }
                        <button type="button" id="plan-new-version" class="primary" onclick={on_edit}>
                            { i18n.tr(if versions.is_empty() { "plan-create" } else { "plan-new-version" }) }
                        </button>
                    </div>
                }
            </div>
            <div class="status-region" aria-live="polite">
                if let Some(number) = state.saved {
                    <p id="plan-status" class="status">
                        { i18n.tr_args("plan-saved", &[("number", Arg::Num(f64::from(number)))]) }
                    </p>
                }
            </div>
            { body }
        </section>
    }
}

#[cfg(test)]
mod tests;
