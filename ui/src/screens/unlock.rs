//! Later starts: unlock the workspace with its passphrase. The same form is
//! shown over an open screen when the app was locked (see `crate::idle`).

use crate::components::header::Header;
use crate::i18n::use_i18n;
use crate::idle::LockReason;
use crate::{dom, ipc};
use asysta_core::api::{ApiError, WorkspaceStatus};
use asysta_core::FieldErrorCode;
use asysta_i18n::Arg;
use std::rc::Rc;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::platform::spawn_local;
use yew::prelude::*;

/// The unlock form: the passphrase as typed and the last failure.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnlockState {
    pub passphrase: String,
    /// The Fluent message that explains the last failure.
    pub error: Option<&'static str>,
    /// An unlock request is under way.
    pub busy: bool,
}

pub enum UnlockAction {
    Edit(String),
    /// The passphrase is empty; nothing was sent.
    Rejected,
    Submitted,
    /// The shell refused the passphrase (or failed otherwise).
    Failed(ApiError),
}

impl Reducible for UnlockState {
    type Action = UnlockAction;

    fn reduce(self: Rc<Self>, action: UnlockAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            UnlockAction::Edit(passphrase) => next.passphrase = passphrase,
            UnlockAction::Rejected => next.error = Some(FieldErrorCode::Required.message_id()),
            UnlockAction::Submitted => {
                next.busy = true;
                next.error = None;
            }
            UnlockAction::Failed(error) => {
                next.busy = false;
                // A failed passphrase is not kept around, and the next
                // attempt starts from an empty field.
                next.passphrase.clear();
                next.error = Some(error.kind.message_id());
            }
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct UnlockScreenProps {
    /// The workspace's status once it is unlocked.
    pub on_status: Callback<WorkspaceStatus>,
    /// Set when the form is shown over a screen that was open (the screen
    /// waits, hidden, and comes back as it was): why it was locked.
    #[prop_or_default]
    pub reason: Option<LockReason>,
}

#[component]
pub fn UnlockScreen(props: &UnlockScreenProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(UnlockState::default);
    let input_ref = use_node_ref();
    {
        let input_ref = input_ref.clone();
        use_effect_with((), move |_| {
            if let Some(input) = input_ref.cast::<HtmlElement>() {
                let _ = input.focus();
            }
        });
    }

    let oninput = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            dispatcher.dispatch(UnlockAction::Edit(input.value()));
        })
    };

    let onsubmit = {
        let state = state.clone();
        let on_status = props.on_status.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.busy {
                return;
            }
            if state.passphrase.is_empty() {
                state.dispatch(UnlockAction::Rejected);
                return;
            }
            let passphrase = state.passphrase.clone();
            state.dispatch(UnlockAction::Submitted);
            let dispatcher = state.dispatcher();
            let on_status = on_status.clone();
            spawn_local(async move {
                match ipc::unlock(&passphrase).await {
                    Ok(status) => on_status.emit(status),
                    Err(error) => {
                        dispatcher.dispatch(UnlockAction::Failed(error));
                        dom::focus("unlock-passphrase");
                    }
                }
            });
        })
    };

    html! {
        <div id="unlock" class="page">
            <Header />
            <main class="content narrow">
                <section class="panel">
                    <h2>{ i18n.tr("unlock-title") }</h2>
                    if let Some(reason) = props.reason {
                        if let Some((message, minutes)) = reason.message() {
                            <p id="lock-reason" class="lock-reason" role="status">
                                { i18n.tr_args(message, &[("minutes", Arg::Num(f64::from(minutes.unwrap_or(0))))]) }
                            </p>
                        }
                        <p id="lock-kept" class="intro">{ i18n.tr("lock-kept-hint") }</p>
                    }
                    <p class="intro">{ i18n.tr("unlock-intro") }</p>
                    <form id="unlock-form" class="form" aria-busy={state.busy.then_some("true")} {onsubmit}>
                        <div class={classes!("field", state.error.is_some().then_some("field-invalid"))}>
                            <label for="unlock-passphrase">{ i18n.tr("field-passphrase") }</label>
                            <input
                                id="unlock-passphrase"
                                name="passphrase"
                                type="password"
                                autocomplete="current-password"
                                autofocus=true
                                value={state.passphrase.clone()}
                                aria-invalid={state.error.is_some().then_some("true")}
                                aria-describedby={state.error.is_some().then_some("unlock-error")}
                                ref={input_ref}
                                {oninput}
                            />
                            if let Some(message) = state.error {
                                <p id="unlock-error" class="field-error" role="alert">{ i18n.tr(message) }</p>
                            }
                        </div>
                        <div class="actions">
                            <button type="submit" id="unlock-submit" class="primary" disabled={state.busy}>
                                { i18n.tr("unlock-submit") }
                            </button>
                        </div>
                    </form>
                </section>
            </main>
        </div>
    }
}

#[cfg(test)]
mod tests;
