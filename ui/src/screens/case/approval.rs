//! The plan version in force and the centre's decision on it: where it
//! stands (nieprzekazany, czeka na decyzję, zatwierdzony, zwrócony do
//! poprawy), who decided when and with what note, and any decision that
//! went stale (made on a version the assistant had changed meanwhile:
//! shown, never applied).
//!
//! On a laptop the version in force is submitted from here; a returned
//! one is corrected by saving a new version in the plan's editor and
//! submitting that. At a centre a submitted version is approved or
//! returned with a note (required when returning).

#[cfg(test)]
mod tests;

use crate::components::field::error_for;
use crate::components::textarea::TextAreaField;
use crate::i18n::{use_i18n, I18n};
use crate::ipc;
use crate::screens::form::{submit_case_form, FormSteps};
use asysta_core::api::{ApiError, ErrorKind, FamilyCase};
use asysta_core::centre::approval::{DecisionForm, DecisionView};
use asysta_core::centre::{ApprovalState, PlanApproval};
use asysta_core::evaluation::Decision;
use asysta_core::{EntityId, FieldError, FieldErrorCode};
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::prelude::*;

/// The note's name in `decide_plan` and in its errors.
const NOTE_FIELD: &str = "note";
/// The note's text box.
const NOTE_ID: &str = "plan-decision-note";

/// The latest submission of version `number`, if it was submitted.
pub fn approval_of(approvals: &[PlanApproval], number: u32) -> Option<&PlanApproval> {
    approvals.iter().rev().find(|a| a.version == number)
}

/// Where version `number` stands with the centre (the screen reads the
/// approval itself; the tests ask this).
#[cfg(test)]
pub fn state_of(approvals: &[PlanApproval], number: u32) -> ApprovalState {
    approval_of(approvals, number).map_or(ApprovalState::Draft, PlanApproval::state)
}

/// The note of the version before `number`, when the centre returned it
/// (what the new version is to correct).
pub fn previous_return(approvals: &[PlanApproval], number: u32) -> Option<(u32, &str)> {
    let previous = approvals.iter().rev().find(|a| a.version < number)?;
    let decision = previous.decision().filter(|d| d.decision == Decision::Returned)?;
    Some((previous.version, decision.note.as_str()))
}

/// The return needs a note; an approval may have one.
pub fn check_decision(accept: bool, note: &str) -> Result<(), Vec<FieldError>> {
    if !accept && note.trim().is_empty() {
        Err(vec![FieldError::with_detail(NOTE_FIELD, FieldErrorCode::Required, "plan-decision-note-required")])
    } else {
        Ok(())
    }
}

/// The text of a refusal of the whole form: the fields' own messages
/// when the shell names fields the form does not show (a version already
/// submitted), else the error's message with its arguments.
pub fn refusal_text(i18n: &I18n, error: &ApiError) -> String {
    if error.kind == ErrorKind::Invalid && !error.fields.is_empty() {
        error.fields.iter().map(|f| i18n.field_error(f)).collect::<Vec<_>>().join(" ")
    } else {
        i18n.api_error(error)
    }
}

/// What was just done, for the status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Done {
    Submitted(u32),
    Approved(u32),
    Returned(u32),
}

impl Done {
    fn message(self) -> (&'static str, u32) {
        match self {
            Done::Submitted(n) => ("plan-submitted-status", n),
            Done::Approved(n) => ("plan-approved-status", n),
            Done::Returned(n) => ("plan-returned-status", n),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ApprovalFormState {
    /// The centre's note.
    pub note: String,
    pub errors: Vec<FieldError>,
    pub error: Option<ApiError>,
    pub busy: bool,
    pub done: Option<Done>,
}

pub enum ApprovalAction {
    EditNote(String),
    Rejected(Vec<FieldError>),
    Submitted,
    Done(Done),
    Failed(ApiError),
}

impl FormSteps for ApprovalAction {
    fn rejected(errors: Vec<FieldError>) -> Self {
        ApprovalAction::Rejected(errors)
    }
    fn submitted() -> Self {
        ApprovalAction::Submitted
    }
    fn failed(error: ApiError) -> Self {
        ApprovalAction::Failed(error)
    }
    fn input_id(_field: &str) -> String {
        NOTE_ID.into()
    }
}

impl Reducible for ApprovalFormState {
    type Action = ApprovalAction;

    fn reduce(self: Rc<Self>, action: ApprovalAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ApprovalAction::EditNote(note) => {
                next.note = note;
                next.errors.clear();
            }
            ApprovalAction::Rejected(errors) => {
                next.errors = errors;
                next.error = None;
                next.done = None;
            }
            ApprovalAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.error = None;
                next.done = None;
            }
            ApprovalAction::Done(done) => next = ApprovalFormState { done: Some(done), ..ApprovalFormState::default() },
            ApprovalAction::Failed(error) => {
                next.busy = false;
                if error.kind == ErrorKind::Invalid && error.fields.iter().any(|f| f.field == NOTE_FIELD) {
                    next.errors = error.fields;
                } else {
                    next.error = Some(error);
                }
            }
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct PlanApprovalProps {
    pub family_id: EntityId,
    pub case: Rc<FamilyCase>,
    /// The version in force may be submitted (the assistant's own case).
    pub can_submit: bool,
    /// A submitted version may be approved or returned (a centre).
    pub can_decide: bool,
    pub on_case: Callback<FamilyCase>,
    pub on_locked: Callback<()>,
}

/// The approval of the plan version in force (nothing without a plan).
#[component]
pub fn PlanApprovalPanel(props: &PlanApprovalProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(ApprovalFormState::default);
    let Some(number) = props.case.plan_versions.last().map(|v| v.number) else { return Html::default() };
    let approvals = &props.case.steering.plan_approvals;
    let approval = approval_of(approvals, number);
    let approval_state = approval.map_or(ApprovalState::Draft, PlanApproval::state);
    let family_id = props.family_id;

    let on_submit = {
        let state = state.clone();
        let (on_case, on_locked) = (props.on_case.clone(), props.on_locked.clone());
        Callback::from(move |_: MouseEvent| {
            if state.busy {
                return;
            }
            let command = async move { ipc::submit_plan(family_id, number).await };
            let done = ApprovalAction::Done(Done::Submitted(number));
            submit_case_form(state.dispatcher(), Ok(()), command, on_locked.clone(), on_case.clone(), done);
        })
    };
    let decide = {
        let state = state.clone();
        let (on_case, on_locked) = (props.on_case.clone(), props.on_locked.clone());
        Callback::from(move |accept: bool| {
            if state.busy {
                return;
            }
            let note = state.note.clone();
            let checked = check_decision(accept, &note);
            let form = DecisionForm {
                decision: if accept { "accepted" } else { "returned" }.into(),
                note: note.trim().into(),
            };
            let command = async move { ipc::decide_plan(family_id, number, &form).await };
            let done = ApprovalAction::Done(if accept { Done::Approved(number) } else { Done::Returned(number) });
            submit_case_form(state.dispatcher(), checked, command, on_locked.clone(), on_case.clone(), done);
        })
    };
    let on_approve = decide.reform(|_: MouseEvent| true);
    let on_return = decide.reform(|_: MouseEvent| false);
    let on_note = state.dispatcher().to_callback().reform(ApprovalAction::EditNote);

    let stamp = |id: &str, d: &DecisionView| {
        let args = [("name", Arg::Str(&d.stamp.by)), ("date", Arg::Str(&i18n.date(d.stamp.on)))];
        i18n.tr_args(id, &args)
    };
    let decision = approval.and_then(PlanApproval::decision);
    let stale: Vec<&DecisionView> =
        approval.map(|a| a.decisions.iter().filter(|d| d.stale).collect()).unwrap_or_default();
    let version = [("number", Arg::Num(f64::from(number)))];
    html! {
        <div id="plan-approval" class={classes!("plan-approval", approval_state.as_str())}>
            <p class="plan-approval-line">
                { i18n.tr("plan-approval-label") }{ " " }
                <span id="plan-approval-state" class={classes!("badge", "approval-state", approval_state.as_str())}>
                    { i18n.tr(&approval_state.message_id()) }
                </span>
                if let Some(a) = approval {
                    { " " }
                    <span id="plan-approval-submitted" class="plan-approval-submitted">
                        { i18n.tr_args("plan-approval-submitted-on", &[
                            ("date", Arg::Str(&i18n.date(a.submitted.on))),
                            ("name", Arg::Str(&a.submitted.by)),
                        ]) }
                    </span>
                }
                if let Some(d) = decision {
                    { " " }<span id="plan-approval-decided" class="plan-approval-decided">{ stamp("plan-approval-decided-by", d) }</span>
                }
            </p>
            if let Some(d) = decision.filter(|d| !d.note.is_empty()) {
                <p id="plan-approval-note" class="plan-approval-note">
                    { i18n.tr_args("plan-approval-note", &[("note", Arg::Str(&d.note))]) }
                </p>
            }
            { for stale.iter().map(|d| {
                let kind = match d.decision {
                    Decision::Accepted => "plan-approval-decision-accepted",
                    Decision::Returned => "plan-approval-decision-returned",
                };
                let detail = i18n.tr_args("plan-approval-stale-detail", &[
                    ("decision", Arg::Str(&i18n.tr(kind))),
                    ("name", Arg::Str(&d.stamp.by)),
                    ("date", Arg::Str(&i18n.date(d.stamp.on))),
                ]);
                html! {
                    <p class="plan-approval-stale">
                        <span class="badge">{ i18n.tr("approval-stale") }</span>{ " " }{ detail }
                        if !d.note.is_empty() {
                            { " " }{ i18n.tr_args("plan-approval-note", &[("note", Arg::Str(&d.note))]) }
                        }
                    </p>
                }
            }) }
            if approval_state == ApprovalState::Draft {
                if let Some((previous, note)) = previous_return(approvals, number) {
                    <p id="plan-approval-previous" class="hint">
                        { i18n.tr_args("plan-approval-previous-returned", &[
                            ("number", Arg::Num(f64::from(previous))),
                            ("note", Arg::Str(note)),
                        ]) }
                    </p>
                }
            }
            if props.can_submit && approval_state == ApprovalState::Returned {
                <p id="plan-approval-returned-hint" class="warning">{ i18n.tr("plan-approval-returned-hint") }</p>
            }
            if props.can_submit && approval_state == ApprovalState::Draft {
                <div class="actions">
                    <button type="button" id="plan-submit-approval" class="primary" disabled={state.busy} onclick={on_submit}>
                        { i18n.tr("plan-submit-approval") }
                    </button>
                </div>
            }
            if props.can_decide && approval_state == ApprovalState::Submitted {
                <form id="plan-decision-form" class="form plan-decision" aria-busy={state.busy.then_some("true")} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <fieldset>
                        <legend>{ i18n.tr_args("plan-decision-title", &version) }</legend>
                        <TextAreaField
                            id={NOTE_ID}
                            label={i18n.tr("plan-decision-note")}
                            value={state.note.clone()}
                            error={error_for(&state.errors, NOTE_FIELD)}
                            oninput={on_note}
                        />
                        <div class="actions">
                            <button type="button" id="plan-approve" class="primary" disabled={state.busy} onclick={on_approve}>
                                { i18n.tr("plan-approve") }
                            </button>
                            <button type="button" id="plan-return" class="secondary" disabled={state.busy} onclick={on_return}>
                                { i18n.tr("plan-return") }
                            </button>
                        </div>
                    </fieldset>
                </form>
            }
            if let Some(error) = &state.error {
                <p id="plan-approval-error" class="form-error" role="alert">{ refusal_text(&i18n, error) }</p>
            }
            <div class="status-region" aria-live="polite">
                if let Some(done) = state.done {
                    <p id="plan-approval-status" class="status">
                        { i18n.tr_args(done.message().0, &[("number", Arg::Num(f64::from(done.message().1)))]) }
                        if matches!(done, Done::Submitted(_)) {
                            { " " }{ i18n.tr("plan-approval-travels") }
                        }
                    </p>
                }
            </div>
        </div>
    }
}
