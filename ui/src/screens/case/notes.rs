//! Notes on a family: the list and the form that adds one. A restricted
//! note is kept out of exports and printouts by default.

use crate::components::checkbox::CheckboxField;
use crate::components::field::error_for;
use crate::components::note_list::NoteList;
use crate::components::textarea::TextAreaField;
use crate::i18n::use_i18n;
use crate::ipc;
use crate::screens::form::{submit_case_form, FormSteps};
use crate::screens::split_api_error;
use asysta_core::api::{ApiError, ErrorKind, FamilyCase, NoteView};
use asysta_core::{EntityId, FieldError, FieldErrorCode};
use std::rc::Rc;
use yew::prelude::*;

/// The text's name in `add_note` and in its errors.
const TEXT_FIELD: &str = "text";
/// The text box's id; its error is shown in `error-note-text`.
const TEXT_ID: &str = "note-text";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NotesState {
    pub text: String,
    pub restricted: bool,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    /// A note is being added.
    pub busy: bool,
}

pub enum NotesAction {
    EditText(String),
    SetRestricted(bool),
    /// Local validation refused the note; nothing was sent.
    Rejected(Vec<FieldError>),
    Submitted,
    Added,
    Failed(ApiError),
}

impl FormSteps for NotesAction {
    fn rejected(errors: Vec<FieldError>) -> Self {
        NotesAction::Rejected(errors)
    }
    fn submitted() -> Self {
        NotesAction::Submitted
    }
    fn failed(error: ApiError) -> Self {
        NotesAction::Failed(error)
    }
    fn input_id(_field: &str) -> String {
        TEXT_ID.into()
    }
}

impl Reducible for NotesState {
    type Action = NotesAction;

    fn reduce(self: Rc<Self>, action: NotesAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            NotesAction::EditText(text) => {
                next.text = text;
                next.errors.clear();
            }
            NotesAction::SetRestricted(restricted) => next.restricted = restricted,
            NotesAction::Rejected(errors) => {
                next.errors = errors;
                next.form_error = None;
            }
            NotesAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.form_error = None;
            }
            NotesAction::Added => next = NotesState::default(),
            NotesAction::Failed(error) => {
                next.busy = false;
                (next.errors, next.form_error) = split_api_error(error, &[TEXT_FIELD]);
            }
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct NotesSectionProps {
    pub family_id: EntityId,
    /// Oldest first.
    pub notes: Vec<NoteView>,
    pub on_case: Callback<FamilyCase>,
    pub on_locked: Callback<()>,
}

#[component]
pub fn NotesSection(props: &NotesSectionProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(NotesState::default);

    let onsubmit = {
        let state = state.clone();
        let family_id = props.family_id;
        let on_case = props.on_case.clone();
        let on_locked = props.on_locked.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.busy {
                return;
            }
            let checked = if state.text.trim().is_empty() {
                Err(vec![FieldError::new(TEXT_FIELD, FieldErrorCode::Required)])
            } else {
                Ok(())
            };
            let (text, restricted) = (state.text.clone(), state.restricted);
            let command = async move { ipc::add_note(family_id, &text, restricted).await };
            submit_case_form(
                state.dispatcher(),
                checked,
                command,
                on_locked.clone(),
                on_case.clone(),
                NotesAction::Added,
            );
        })
    };
    let on_text = state.dispatcher().to_callback().reform(NotesAction::EditText);
    let on_restricted = state.dispatcher().to_callback().reform(NotesAction::SetRestricted);

    html! {
        <section id="notes" class="panel" aria-labelledby="notes-title">
            <h3 id="notes-title">{ i18n.tr("notes-title") }</h3>
            <NoteList notes={props.notes.clone()} />
            <form id="note-form" class="form" aria-busy={state.busy.then_some("true")} {onsubmit}>
                <TextAreaField
                    id={TEXT_ID}
                    label={i18n.tr("note-text")}
                    value={state.text.clone()}
                    error={error_for(&state.errors, TEXT_FIELD)}
                    oninput={on_text}
                />
                <CheckboxField
                    id="note-restricted"
                    label={i18n.tr("note-restricted")}
                    checked={state.restricted}
                    onchange={on_restricted}
                />
                if let Some(kind) = state.form_error {
                    <p id="note-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
                }
                <div class="actions">
                    <button type="submit" id="note-submit" class="primary" disabled={state.busy}>
                        { i18n.tr("note-submit") }
                    </button>
                </div>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests;
