//! The family's status: a button for each status the course of the work
//! allows next (`FamilyStatus::can_become`). Closing the work goes through
//! the closing form ([`super::closing`]); the other moves (taking the family
//! on again, monitoring, the archive) are one click.

use super::closing::ClosingPanel;
use crate::i18n::use_i18n;
use crate::ipc;
use asysta_core::api::{ApiError, ErrorKind, FamilyCase};
use asysta_core::closing::ClosingReason;
use asysta_core::record::FamilyStatus;
use asysta_core::EntityId;
use chrono::NaiveDate;
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

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StatusState {
    /// The closing form is shown.
    pub closing: bool,
    pub error: Option<ErrorKind>,
    /// A change is under way.
    pub busy: bool,
}

pub enum StatusAction {
    /// Closing was chosen: the closing form opens.
    OpenClosing,
    /// Closing was called off.
    Cancel,
    Submitted,
    Changed,
    Failed(ApiError),
}

impl Reducible for StatusState {
    type Action = StatusAction;

    fn reduce(self: Rc<Self>, action: StatusAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            StatusAction::OpenClosing => {
                next.closing = true;
                next.error = None;
            }
            StatusAction::Cancel => next = StatusState::default(),
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
    /// Whether a final evaluation was submitted (closing needs one).
    #[prop_or_default]
    pub has_final: bool,
    /// The centre's reasons for closing (empty until read).
    #[prop_or_default]
    pub reasons: Rc<Vec<ClosingReason>>,
    pub today: NaiveDate,
    pub on_case: Callback<FamilyCase>,
    pub on_locked: Callback<()>,
    /// Opens the final evaluation's form.
    #[prop_or_default]
    pub on_write_final: Callback<()>,
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
        Callback::from(move |status: FamilyStatus| {
            if state.busy {
                return;
            }
            state.dispatch(StatusAction::Submitted);
            let dispatcher = state.dispatcher();
            let on_case = on_case.clone();
            let on_locked = on_locked.clone();
            spawn_local(async move {
                match ipc::change_status(family_id, status, "").await {
                    Ok(case) => {
                        dispatcher.dispatch(StatusAction::Changed);
                        on_case.emit(case);
                    }
                    Err(error) => crate::screens::form::refused(&dispatcher, error, StatusAction::Failed, &on_locked),
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
                if status == FamilyStatus::Closed {
                    dispatcher.dispatch(StatusAction::OpenClosing);
                } else {
                    change.emit(status);
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
    let on_cancel = state.dispatcher().to_callback().reform(|()| StatusAction::Cancel);
    let on_closed = state.dispatcher().to_callback().reform(|()| StatusAction::Changed);

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
                <ClosingPanel
                    family_id={props.family_id}
                    has_final={props.has_final}
                    reasons={props.reasons.clone()}
                    today={props.today}
                    on_case={props.on_case.clone()}
                    on_locked={props.on_locked.clone()}
                    {on_cancel}
                    {on_closed}
                    on_write_final={props.on_write_final.clone()}
                />
            }
            if let Some(kind) = state.error {
                <p id="status-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests;
