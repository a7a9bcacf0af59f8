//! First start: create the workspace.

use crate::components::field::{error_for, TextField};
use crate::components::header::Header;
use crate::i18n::use_i18n;
use crate::ipc;
use crate::screens::form::{submit, FormSteps};
use crate::screens::split_api_error;
use asysta_core::api::{ApiError, ErrorKind, WorkspaceStatus};
use asysta_core::passphrase::{self, Strength};
use asysta_core::workspace::{validate_new_workspace, NewWorkspaceForm, Role};
use asysta_core::FieldError;
use std::rc::Rc;
use yew::prelude::*;

/// A field of the setup form. Its name is also its input's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetupField {
    AssistantName,
    CentreName,
    Passphrase,
    PassphraseRepeat,
}

impl SetupField {
    pub const ALL: [SetupField; 4] =
        [SetupField::AssistantName, SetupField::CentreName, SetupField::Passphrase, SetupField::PassphraseRepeat];

    /// The field's name in `NewWorkspaceForm` and in `FieldError::field`.
    pub fn name(self) -> &'static str {
        match self {
            SetupField::AssistantName => "assistant_name",
            SetupField::CentreName => "centre_name",
            SetupField::Passphrase => "passphrase",
            SetupField::PassphraseRepeat => "passphrase_repeat",
        }
    }

    /// The label's message: a centre names the person using it.
    fn label_id(self, role: Role) -> &'static str {
        match self {
            SetupField::AssistantName if role == Role::Centre => "field-centre-user-name",
            SetupField::AssistantName => "field-assistant-name",
            SetupField::CentreName => "field-centre-name",
            SetupField::Passphrase => "field-passphrase",
            SetupField::PassphraseRepeat => "field-passphrase-repeat",
        }
    }

    fn value(self, form: &NewWorkspaceForm) -> &str {
        match self {
            SetupField::AssistantName => &form.assistant_name,
            SetupField::CentreName => &form.centre_name,
            SetupField::Passphrase => &form.passphrase,
            SetupField::PassphraseRepeat => &form.passphrase_repeat,
        }
    }

    fn value_mut(self, form: &mut NewWorkspaceForm) -> &mut String {
        match self {
            SetupField::AssistantName => &mut form.assistant_name,
            SetupField::CentreName => &mut form.centre_name,
            SetupField::Passphrase => &mut form.passphrase,
            SetupField::PassphraseRepeat => &mut form.passphrase_repeat,
        }
    }

    fn is_secret(self) -> bool {
        matches!(self, SetupField::Passphrase | SetupField::PassphraseRepeat)
    }
}

const FIELD_NAMES: [&str; 4] = ["assistant_name", "centre_name", "passphrase", "passphrase_repeat"];

/// The setup form as typed, and what went wrong with it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SetupState {
    pub form: NewWorkspaceForm,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    /// A create request is under way.
    pub busy: bool,
}

pub enum SetupAction {
    Edit(SetupField, String),
    /// The kind of workspace: an assistant's laptop or a centre.
    ChooseRole(Role),
    /// Local validation refused the form; nothing was sent.
    Rejected(Vec<FieldError>),
    /// The form was sent to the shell.
    Submitted,
    /// The shell refused the form.
    Failed(ApiError),
}

impl FormSteps for SetupAction {
    fn rejected(errors: Vec<FieldError>) -> Self {
        SetupAction::Rejected(errors)
    }
    fn submitted() -> Self {
        SetupAction::Submitted
    }
    fn failed(error: ApiError) -> Self {
        SetupAction::Failed(error)
    }
}

impl Reducible for SetupState {
    type Action = SetupAction;

    fn reduce(self: Rc<Self>, action: SetupAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SetupAction::Edit(field, value) => {
                *field.value_mut(&mut next.form) = value;
                // The error of an edited field is out of date.
                next.errors.retain(|e| e.field != field.name());
            }
            SetupAction::ChooseRole(role) => next.form.role = role,
            SetupAction::Rejected(errors) => {
                next.errors = errors;
                next.form_error = None;
            }
            SetupAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.form_error = None;
            }
            SetupAction::Failed(error) => {
                next.busy = false;
                (next.errors, next.form_error) = split_api_error(error, &FIELD_NAMES);
            }
        }
        Rc::new(next)
    }
}

/// The message that names a kind of workspace.
pub fn role_message(role: Role) -> &'static str {
    match role {
        Role::Assistant => "role-assistant",
        Role::Centre => "role-centre",
    }
}

/// The CSS class that colours the strength hint.
pub fn strength_class(strength: Strength) -> &'static str {
    match strength {
        Strength::TooShort => "strength-too-short",
        Strength::Weak => "strength-weak",
        Strength::Fair => "strength-fair",
        Strength::Strong => "strength-strong",
    }
}

#[derive(Properties, PartialEq)]
pub struct SetupScreenProps {
    /// The workspace's status once it is created.
    pub on_status: Callback<WorkspaceStatus>,
}

#[component]
pub fn SetupScreen(props: &SetupScreenProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(SetupState::default);

    let onsubmit = {
        let state = state.clone();
        let on_status = props.on_status.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.busy {
                return;
            }
            let form = state.form.clone();
            let checked = validate_new_workspace(&form).map(drop);
            let command = async move { ipc::create_workspace(&form).await };
            // No workspace is open yet, so none can be found locked.
            let on_status = on_status.clone();
            submit(state.dispatcher(), checked, command, Callback::noop(), move |status, _| on_status.emit(status));
        })
    };

    let strength = passphrase::strength(&state.form.passphrase);
    let fields = SetupField::ALL.map(|field| {
        let oninput = state.dispatcher().to_callback().reform(move |value| SetupAction::Edit(field, value));
        let (input_type, autocomplete) = if field.is_secret() { ("password", "new-password") } else { ("text", "off") };
        let hint = (field == SetupField::Passphrase).then(|| {
            html! {
                <p id="passphrase-strength" class={classes!("hint", strength_class(strength))} aria-live="polite">
                    { i18n.tr(strength.message_id()) }
                </p>
            }
        });
        html! {
            <TextField
                key={field.name()}
                id={field.name()}
                label={i18n.tr(field.label_id(state.form.role))}
                value={field.value(&state.form).to_owned()}
                {input_type}
                {autocomplete}
                autofocus={field == SetupField::AssistantName}
                error={error_for(&state.errors, field.name())}
                hint_id={hint.is_some().then_some("passphrase-strength")}
                {oninput}
            >
                { hint }
            </TextField>
        }
    });

    html! {
        <div id="setup" class="page">
            <Header />
            <main class="content narrow">
                <section class="panel">
                    <h2>{ i18n.tr("setup-title") }</h2>
                    <p class="intro">{ i18n.tr("setup-intro") }</p>
                    <form id="setup-form" class="form" aria-busy={state.busy.then_some("true")} {onsubmit}>
                        <fieldset id="setup-role" class="role-choice">
                            <legend>{ i18n.tr("setup-role") }</legend>
                            { for [Role::Assistant, Role::Centre].map(|role| {
                                let id = format!("role-{}", role.as_str());
                                let onchange = state.dispatcher().to_callback().reform(move |_: Event| SetupAction::ChooseRole(role));
                                html! {
                                    <label class="choice" for={id.clone()}>
                                        <input type="radio" name="role" id={id} value={role.as_str()}
                                            checked={state.form.role == role} {onchange} />
                                        { i18n.tr(role_message(role)) }
                                    </label>
                                }
                            }) }
                        </fieldset>
                        { for fields }
                        if let Some(kind) = state.form_error {
                            <p id="form-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
                        }
                        <div class="actions">
                            <button type="submit" id="setup-submit" class="primary" disabled={state.busy}>
                                { i18n.tr("setup-submit") }
                            </button>
                        </div>
                    </form>
                </section>
                <restore::RestorePanel on_status={props.on_status.clone()} />
            </main>
        </div>
    }
}

pub mod restore;

#[cfg(test)]
mod tests;
