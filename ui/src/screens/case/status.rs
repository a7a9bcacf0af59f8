//! The family's status: a button for each status the course of the work
//! allows next (`FamilyStatus::can_become`). Closing the work asks why.

use crate::components::field::TextField;
use crate::i18n::use_i18n;
use crate::{dom, ipc};
use asysta_core::api::{ApiError, ErrorKind, FamilyCase};
use asysta_core::record::{validate_status_reason, FamilyStatus};
use asysta_core::{EntityId, FieldError};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The statuses a family in `current` may move to, in the usual order.
pub fn next_statuses(current: FamilyStatus) -> Vec<FamilyStatus> {
    FamilyStatus::ALL.into_iter().filter(|&next| current.can_become(next)).collect()
}

/// The id of the button that moves the family to `status`.
pub fn button_id(status: FamilyStatus) -> String {
    format!("status-to-{}", status.as_str())
}

/// The reason input's id; its error is shown in `error-status-reason`.
const REASON_ID: &str = "status-reason";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StatusState {
    /// The reason for closing is being asked for.
    pub closing: bool,
    pub reason: String,
    pub reason_error: Option<FieldError>,
    pub error: Option<ErrorKind>,
    /// A change is under way.
    pub busy: bool,
}

pub enum StatusAction {
    /// Closing was chosen: ask for the reason.
    AskReason,
    EditReason(String),
    /// Closing was called off.
    Cancel,
    /// The reason was refused (by the form's check or by the shell).
    ReasonRefused(FieldError),
    Submitted,
    Changed,
    Failed(ApiError),
}

impl Reducible for StatusState {
    type Action = StatusAction;

    fn reduce(self: Rc<Self>, action: StatusAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            StatusAction::AskReason => {
                next.closing = true;
                next.error = None;
            }
            StatusAction::EditReason(reason) => {
                next.reason = reason;
                next.reason_error = None;
            }
            StatusAction::Cancel => next = StatusState::default(),
            StatusAction::ReasonRefused(error) => {
                next.busy = false;
                next.reason_error = Some(FieldError { field: REASON_ID.into(), ..error });
            }
            StatusAction::Submitted => {
                next.busy = true;
                next.error = None;
            }
            StatusAction::Changed => next = StatusState::default(),
            StatusAction::Failed(error) => {
                next.busy = false;
                next.error = Some(error.kind);
            }
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct StatusSectionProps {
    pub family_id: EntityId,
    pub status: FamilyStatus,
    pub on_case: Callback<FamilyCase>,
    pub on_locked: Callback<()>,
}

#[component]
pub fn StatusSection(props: &StatusSectionProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(StatusState::default);

    let change = {
        let state = state.clone();
        let family_id = props.family_id;
        let on_case = props.on_case.clone();
        let on_locked = props.on_locked.clone();
        Callback::from(move |(status, reason): (FamilyStatus, String)| {
            if state.busy {
                return;
            }
            state.dispatch(StatusAction::Submitted);
            let dispatcher = state.dispatcher();
            let on_case = on_case.clone();
            let on_locked = on_locked.clone();
            spawn_local(async move {
                match ipc::change_status(family_id, status, &reason).await {
                    Ok(case) => {
                        dispatcher.dispatch(StatusAction::Changed);
                        on_case.emit(case);
                    }
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(error) => match error.fields.iter().find(|f| f.field == "reason") {
                        Some(refused) => dispatcher.dispatch(StatusAction::ReasonRefused(refused.clone())),
                        None => dispatcher.dispatch(StatusAction::Failed(error)),
                    },
                }
            });
        })
    };
    let next = next_statuses(props.status);
    let buttons = next.iter().copied().map(|status| {
        let onclick = {
            let dispatcher = state.dispatcher();
            let change = change.clone();
            Callback::from(move |_: MouseEvent| {
                if status.needs_reason() {
                    dispatcher.dispatch(StatusAction::AskReason);
                    dom::focus(REASON_ID);
                } else {
                    change.emit((status, String::new()));
                }
            })
        };
        html! {
            <button
                type="button"
                id={button_id(status)}
                class="secondary"
                disabled={state.busy}
                {onclick}
            >
                { i18n.tr(&format!("status-to-{}", status.as_str())) }
            </button>
        }
    });
    let onsubmit = {
        let state = state.clone();
        let change = change.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match validate_status_reason(FamilyStatus::Closed, &state.reason) {
                Ok(reason) => change.emit((FamilyStatus::Closed, reason)),
                Err(errors) => {
                    if let Some(first) = errors.into_iter().next() {
                        state.dispatch(StatusAction::ReasonRefused(first));
                    }
                    dom::focus(REASON_ID);
                }
            }
        })
    };
    let on_reason = state.dispatcher().to_callback().reform(StatusAction::EditReason);
    let on_cancel = state.dispatcher().to_callback().reform(|_: MouseEvent| StatusAction::Cancel);

    html! {
        <div id="status-section" class="status-section">
            if next.is_empty() {
                <p id="status-final" class="hint">{ i18n.tr("status-final") }</p>
            } else {
                <div class="actions status-actions" role="group" aria-label={i18n.tr("status-title")}>
                    { for buttons }
                </div>
            }
            if state.closing && props.status.can_become(FamilyStatus::Closed) {
                <form id="status-form" class="form" aria-busy={state.busy.then_some("true")} {onsubmit}>
                    <TextField
                        id={REASON_ID}
                        label={i18n.tr("status-reason")}
                        value={state.reason.clone()}
                        error={state.reason_error.clone()}
                        autofocus=true
                        oninput={on_reason}
                    />
                    <div class="actions">
                        <button type="submit" id="status-confirm" class="primary" disabled={state.busy}>
                            { i18n.tr("status-confirm") }
                        </button>
                        <button type="button" id="status-cancel" class="secondary" onclick={on_cancel}>
                            { i18n.tr("cancel") }
                        </button>
                    </div>
                </form>
            }
            if let Some(kind) = state.error {
                <p id="status-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests;
