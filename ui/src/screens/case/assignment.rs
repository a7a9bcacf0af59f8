//! Who works with the family: the assistant now and the history of
//! assignments (who, from, until, a transfer and when the old laptop
//! acknowledged it), the referral the case started from, and at a centre
//! assigning a waiting case ("Przydziel asystenta") or transferring it
//! ("Przekaż innemu asystentowi") from a chosen day. On the old laptop, a
//! family in transfer shows a banner (with its unsent drafts) and, once
//! handed over, why nothing can be changed.

#[cfg(test)]
mod tests;

use crate::components::field::{error_for, TextField};
use crate::components::select::{SelectField, SelectOption};
use crate::i18n::{use_i18n, I18n};
use crate::ipc;
use crate::screens::form::{submit_case_form, FormSteps};
use asysta_core::api::{ApiError, ErrorKind, FamilyCase};
use asysta_core::centre::{AssignmentRow, AssistantView, Referral, ReferralBasis, TransferNotice};
use asysta_core::{EntityId, FieldError, FieldErrorCode};
use asysta_i18n::Arg;
use chrono::NaiveDate;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The assistant's field in `assign_family` / `transfer_family`.
const ASSISTANT_FIELD: &str = "assistant_id";
/// The effective date's field.
const ON_FIELD: &str = "on";
const ASSISTANT_ID: &str = "assign-assistant";
const ON_ID: &str = "assign-on";

/// Assigning a waiting case, or transferring one that has an assistant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Assign,
    Transfer,
}

impl Mode {
    /// What the case calls for: a transfer once someone has the family.
    pub fn for_rows(rows: &[AssignmentRow]) -> Mode {
        if rows.is_empty() {
            Mode::Assign
        } else {
            Mode::Transfer
        }
    }
}

/// The register as the form needs it.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Register {
    #[default]
    Loading,
    Loaded(Rc<Vec<AssistantView>>),
    Failed(ErrorKind),
}

/// What was just recorded, for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recorded {
    Assigned(String),
    Transferred(String),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AssignState {
    /// The form, when open.
    pub mode: Option<Mode>,
    pub register: Register,
    /// The register's id of the assistant chosen (empty: none yet).
    pub assistant: String,
    /// The effective date as typed (`YYYY-MM-DD`; empty: today).
    pub on: String,
    pub errors: Vec<FieldError>,
    pub error: Option<ApiError>,
    pub busy: bool,
    pub recorded: Option<Recorded>,
}

pub enum AssignAction {
    Open(Mode),
    Cancel,
    RegisterLoaded(Vec<AssistantView>),
    RegisterFailed(ErrorKind),
    Choose(String),
    SetOn(String),
    Rejected(Vec<FieldError>),
    Submitted,
    Recorded(Recorded),
    Failed(ApiError),
}

impl FormSteps for AssignAction {
    fn rejected(errors: Vec<FieldError>) -> Self {
        AssignAction::Rejected(errors)
    }
    fn submitted() -> Self {
        AssignAction::Submitted
    }
    fn failed(error: ApiError) -> Self {
        AssignAction::Failed(error)
    }
    fn input_id(field: &str) -> String {
        if field == ON_FIELD { ON_ID } else { ASSISTANT_ID }.into()
    }
}

impl Reducible for AssignState {
    type Action = AssignAction;

    fn reduce(self: Rc<Self>, action: AssignAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AssignAction::Open(mode) => next = AssignState { mode: Some(mode), ..AssignState::default() },
            AssignAction::Cancel => next = AssignState::default(),
            AssignAction::RegisterLoaded(register) => next.register = Register::Loaded(Rc::new(register)),
            AssignAction::RegisterFailed(kind) => next.register = Register::Failed(kind),
            AssignAction::Choose(id) => {
                next.assistant = id;
                next.errors.retain(|e| e.field != ASSISTANT_FIELD);
                next.error = None;
            }
            AssignAction::SetOn(on) => {
                next.on = on;
                next.errors.retain(|e| e.field != ON_FIELD);
                next.error = None;
            }
            AssignAction::Rejected(errors) => {
                next.errors = errors;
                next.error = None;
            }
            AssignAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.error = None;
            }
            AssignAction::Recorded(recorded) => {
                next = AssignState { recorded: Some(recorded), ..AssignState::default() }
            }
            AssignAction::Failed(error) => {
                next.busy = false;
                let shown = error.fields.iter().any(|f| f.field == ASSISTANT_FIELD || f.field == ON_FIELD);
                if error.kind == ErrorKind::Invalid && shown {
                    next.errors = shown_errors(error.fields);
                } else {
                    next.error = Some(error);
                }
            }
        }
        Rc::new(next)
    }
}

/// Whether the register's `view` is the assistant the row names.
pub fn is_assistant_of(view: &AssistantView, row: &AssignmentRow) -> bool {
    row.assistant.assistant_id == view.id
        || (row.assistant.user_id.is_some() && row.assistant.user_id == view.entry.user_id)
}

/// The assistants the family may go to: everyone in the register but the
/// one who has it now.
pub fn candidates<'a>(register: &'a [AssistantView], rows: &[AssignmentRow]) -> Vec<&'a AssistantView> {
    register.iter().filter(|a| rows.last().is_none_or(|row| !is_assistant_of(a, row))).collect()
}

/// Checks the form before it is sent: an assistant must be chosen.
pub fn check_assignment(assistant: &str) -> Result<EntityId, Vec<FieldError>> {
    assistant.parse().map_err(|_| vec![FieldError::new(ASSISTANT_FIELD, FieldErrorCode::Required)])
}

/// The shell's refused fields as the form shows them: a transfer dated
/// before the current assignment began comes with that day as its detail,
/// and is told in words (the day is shown beside the form).
pub fn shown_errors(fields: Vec<FieldError>) -> Vec<FieldError> {
    fields
        .into_iter()
        .map(|e| match (e.field.as_str(), e.code, e.detail.as_deref().map(str::parse::<NaiveDate>)) {
            (ON_FIELD, FieldErrorCode::OutOfRange, Some(Ok(_))) => {
                FieldError::with_detail(ON_FIELD, FieldErrorCode::OutOfRange, "transfer-on-before-current")
            }
            _ => e,
        })
        .collect()
}

/// One line on how a period began: taken on by the assistant, assigned by
/// the centre, or transferred (acknowledged or still pending).
pub fn period_how(i18n: &I18n, row: &AssignmentRow) -> String {
    match (&row.transfer_from, row.event_id) {
        (Some(from), _) => {
            let from = i18n.tr_args("assignment-transfer-from", &[("name", Arg::Str(&from.name))]);
            let state = match row.handed_over_on {
                Some(on) => i18n.tr_args("assignment-handed-over", &[("date", Arg::Str(&i18n.date(on)))]),
                None if row.is_pending() => i18n.tr("assignment-pending"),
                None => String::new(),
            };
            if state.is_empty() {
                from
            } else {
                format!("{from}; {state}")
            }
        }
        (None, None) => i18n.tr("assignment-own"),
        (None, Some(_)) => i18n.tr("assignment-assigned"),
    }
}

/// The referral in lines: its basis and date, who asked or which court,
/// and the note.
pub fn referral_lines(i18n: &I18n, referral: &Referral) -> Vec<String> {
    let mut lines = vec![i18n.tr_args(
        "referral-line",
        &[
            ("basis", Arg::Str(&i18n.tr(&referral.basis.message_id()))),
            ("date", Arg::Str(&i18n.date(referral.requested_on))),
        ],
    )];
    match referral.basis {
        ReferralBasis::CourtOrder if !referral.court.is_empty() || !referral.signature.is_empty() => {
            lines.push(i18n.tr_args(
                "referral-court",
                &[("court", Arg::Str(&referral.court)), ("signature", Arg::Str(&referral.signature))],
            ));
        }
        ReferralBasis::SocialWorkerRequest if !referral.social_worker.is_empty() => {
            lines.push(i18n.tr_args("referral-social-worker", &[("name", Arg::Str(&referral.social_worker))]));
        }
        _ => {}
    }
    if !referral.note.is_empty() {
        lines.push(i18n.tr_args("referral-note", &[("note", Arg::Str(&referral.note))]));
    }
    lines
}

#[derive(Properties, PartialEq)]
pub struct AssignmentSectionProps {
    pub family_id: EntityId,
    pub case: Rc<FamilyCase>,
    /// The case may be assigned or transferred here (a centre, the case
    /// not archived).
    pub can_steer: bool,
    pub on_case: Callback<FamilyCase>,
    pub on_locked: Callback<()>,
}

#[component]
pub fn AssignmentSection(props: &AssignmentSectionProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(AssignState::default);
    let steering = &props.case.steering;
    let rows = Rc::new(steering.assignments.clone());
    let family_id = props.family_id;

    let open = {
        let dispatcher = state.dispatcher();
        let on_locked = props.on_locked.clone();
        move |mode: Mode| {
            let (dispatcher, on_locked) = (dispatcher.clone(), on_locked.clone());
            Callback::from(move |_: MouseEvent| {
                dispatcher.dispatch(AssignAction::Open(mode));
                crate::dom::focus(ASSISTANT_ID);
                let (dispatcher, on_locked) = (dispatcher.clone(), on_locked.clone());
                spawn_local(async move {
                    match ipc::assistants(None).await {
                        Ok(register) => {
                            dispatcher.dispatch(AssignAction::RegisterLoaded(register));
                            crate::dom::focus(ASSISTANT_ID);
                        }
                        Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                        Err(error) => dispatcher.dispatch(AssignAction::RegisterFailed(error.kind)),
                    }
                });
            })
        }
    };
    let onsubmit = {
        let state = state.clone();
        let (on_case, on_locked) = (props.on_case.clone(), props.on_locked.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(mode) = state.mode.filter(|_| !state.busy) else { return };
            let checked = check_assignment(&state.assistant);
            let name = match &state.register {
                Register::Loaded(register) => {
                    register.iter().find(|a| a.id.to_string() == state.assistant).map(|a| a.entry.name.clone())
                }
                _ => None,
            }
            .unwrap_or_default();
            let on = state.on.clone();
            let assistant = checked.as_ref().ok().copied();
            let command = async move {
                let Some(assistant) = assistant else { return Err(ApiError::new(ErrorKind::Invalid)) };
                match mode {
                    Mode::Assign => ipc::assign_family(family_id, assistant, &on).await,
                    Mode::Transfer => ipc::transfer_family(family_id, assistant, &on).await,
                }
            };
            let recorded = match mode {
                Mode::Assign => Recorded::Assigned(name),
                Mode::Transfer => Recorded::Transferred(name),
            };
            let checked = checked.map(drop);
            submit_case_form(
                state.dispatcher(),
                checked,
                command,
                on_locked.clone(),
                on_case.clone(),
                AssignAction::Recorded(recorded),
            );
        })
    };
    let on_cancel = state.dispatcher().to_callback().reform(|_: MouseEvent| AssignAction::Cancel);
    let on_choose = state.dispatcher().to_callback().reform(AssignAction::Choose);
    let on_date = state.dispatcher().to_callback().reform(AssignAction::SetOn);

    let history = rows.iter().enumerate().map(|(i, row)| {
        let until = row.until.map_or_else(|| i18n.tr("assignment-until-now"), |u| i18n.date(u));
        html! {
            <tr class="assignment-row" key={i}>
                <td class="assignment-assistant">{ row.assistant.name.clone() }</td>
                <td class="assignment-from">{ i18n.date(row.from) }</td>
                <td class="assignment-until">{ until }</td>
                <td class="assignment-how">{ period_how(&i18n, row) }</td>
            </tr>
        }
    });
    let form = state.mode.map(|mode| {
        let options = match &state.register {
            Register::Loaded(register) => {
                let mut options = vec![SelectOption::new("", i18n.tr("assign-choose"))];
                options.extend(candidates(register, &rows).into_iter().map(|a| {
                    let label = i18n.tr_args(
                        "assign-assistant-option",
                        &[
                            ("name", Arg::Str(&a.entry.name)),
                            ("active", Arg::Num(f64::from(a.active_families))),
                            ("cap", Arg::Num(f64::from(a.cap))),
                        ],
                    );
                    SelectOption::new(a.id.to_string(), label)
                }));
                options
            }
            _ => Vec::new(),
        };
        let none = matches!(&state.register, Register::Loaded(r) if candidates(r, &rows).is_empty());
        let field_error = |field: &str| error_for(&state.errors, field);
        html! {
            <form id="assign-form" class="form assign-form" aria-busy={state.busy.then_some("true")} {onsubmit}>
                <h4 id="assign-form-title">
                    { i18n.tr(if mode == Mode::Assign { "assign-form-title" } else { "transfer-form-title" }) }
                </h4>
                { match &state.register {
                    Register::Loading => html! { <p class="loading">{ i18n.tr("assistants-loading") }</p> },
                    Register::Failed(kind) => html! {
                        <p id="assistants-error" class="form-error" role="alert">
                            { i18n.tr("assistants-failed") }{ " " }{ i18n.error(*kind) }
                        </p>
                    },
                    Register::Loaded(_) if none => html! { <p id="assistants-none" class="hint">{ i18n.tr("assistants-none") }</p> },
                    Register::Loaded(_) => html! {
                        <div class="form-grid">
                            <SelectField
                                id={ASSISTANT_ID}
                                label={i18n.tr("assign-assistant")}
                                value={state.assistant.clone()}
                                {options}
                                error={field_error(ASSISTANT_FIELD)}
                                onchange={on_choose}
                            />
                            <TextField
                                id={ON_ID}
                                label={i18n.tr("assign-on")}
                                input_type="date"
                                value={state.on.clone()}
                                error={field_error(ON_FIELD)}
                                oninput={on_date}
                            >
                                <p class="hint">{ i18n.tr("assign-on-hint") }</p>
                            </TextField>
                        </div>
                    },
                } }
                if let Some(error) = &state.error {
                    <p id="assign-error" class="form-error" role="alert">{ i18n.api_error(error) }</p>
                }
                <div class="actions">
                    <button
                        type="submit"
                        id="assign-submit"
                        class="primary"
                        disabled={state.busy || !matches!(state.register, Register::Loaded(_)) || none}
                    >
                        { i18n.tr(if mode == Mode::Assign { "assign-submit" } else { "transfer-submit" }) }
                    </button>
                    <button type="button" id="assign-cancel" class="secondary" onclick={on_cancel}>
                        { i18n.tr("assign-cancel") }
                    </button>
                </div>
            </form>
        }
    });
    let mode = Mode::for_rows(&rows);
    html! {
        <section id="assignment" class="panel" aria-labelledby="assignment-title">
            <div class="panel-header">
                <h3 id="assignment-title">{ i18n.tr("assignment-title") }</h3>
                if props.can_steer && state.mode.is_none() {
                    <div class="actions">
                        <button
                            type="button"
                            id={if mode == Mode::Assign { "assign-open" } else { "transfer-open" }}
                            class="secondary"
                            onclick={open(mode)}
                        >
                            { i18n.tr(if mode == Mode::Assign { "assign-open" } else { "transfer-open" }) }
                        </button>
                    </div>
                }
            </div>
            <div class="status-region" aria-live="polite">
                if let Some(recorded) = &state.recorded {
                    <p id="assign-status" class="status">
                        { match recorded {
                            Recorded::Assigned(name) => i18n.tr_args("assigned-status", &[("name", Arg::Str(name))]),
                            Recorded::Transferred(name) => i18n.tr_args("transferred-status", &[("name", Arg::Str(name))]),
                        } }
                    </p>
                }
            </div>
            { match rows.last() {
                None => html! { <p id="assignment-waiting" class="hint">{ i18n.tr("assignment-waiting") }</p> },
                Some(row) => html! {
                    <p id="assignment-current">
                        { i18n.tr_args("assignment-current", &[
                            ("name", Arg::Str(&row.assistant.name)),
                            ("date", Arg::Str(&i18n.date(row.from))),
                        ]) }
                    </p>
                },
            } }
            { for form }
            if !rows.is_empty() {
                <table id="assignment-history" class="assignment-history">
                    <caption>{ i18n.tr("assignment-history") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.tr("assignment-column-assistant") }</th>
                            <th scope="col">{ i18n.tr("assignment-column-from") }</th>
                            <th scope="col">{ i18n.tr("assignment-column-until") }</th>
                            <th scope="col">{ i18n.tr("assignment-column-how") }</th>
                        </tr>
                    </thead>
                    <tbody>{ for history }</tbody>
                </table>
            }
            if let Some(referral) = &steering.referral {
                <div id="referral" class="referral">
                    <h4>{ i18n.tr("referral-title") }</h4>
                    { for referral_lines(&i18n, referral).into_iter().map(|line| html! { <p class="referral-line">{ line }</p> }) }
                </div>
            }
        </section>
    }
}

/// What the banner of a family in transfer says, on the laptop it leaves:
/// `(lines, handed over)`. Nothing on the laptop it comes to.
pub fn transfer_lines(i18n: &I18n, notice: &TransferNotice) -> Option<(Vec<String>, bool)> {
    if !notice.leaving {
        return None;
    }
    let date = i18n.date(notice.handed_over_on.unwrap_or(notice.on));
    let name = Arg::Str(&notice.to_name);
    if notice.handed_over_on.is_some() {
        return Some((vec![i18n.tr_args("transfer-handed-over", &[("name", name), ("date", Arg::Str(&date))])], true));
    }
    let mut lines = vec![i18n.tr_args(
        "transfer-banner-leaving",
        &[("name", Arg::Str(&notice.to_name)), ("date", Arg::Str(&i18n.date(notice.on)))],
    )];
    if notice.unsent_drafts > 0 {
        lines.push(i18n.count("transfer-banner-drafts", notice.unsent_drafts as usize));
    }
    lines.push(i18n.tr("transfer-banner-next-bundle"));
    Some((lines, false))
}

#[derive(Properties, PartialEq)]
pub struct TransferBannerProps {
    pub notice: Option<TransferNotice>,
}

/// The banner of a family in transfer (or handed over) on the old laptop.
#[component]
pub fn TransferBanner(props: &TransferBannerProps) -> Html {
    let i18n = use_i18n();
    let Some((lines, handed_over)) = props.notice.as_ref().and_then(|n| transfer_lines(&i18n, n)) else {
        return Html::default();
    };
    let id = if handed_over { "case-handed-over" } else { "transfer-banner" };
    html! {
        <div {id} class={classes!("transfer-banner", if handed_over { "hint" } else { "warning" })} role="status">
            { for lines.into_iter().map(|line| html! { <p>{ line }</p> }) }
        </div>
    }
}
