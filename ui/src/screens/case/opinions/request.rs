//! The form of a court's request for an opinion: the court, the case
//! signature, the date the request came and the date the opinion is due.

use super::{input_id, OpinionsAction, RequestField};
use crate::components::field::{error_for, TextField};
use crate::i18n::use_i18n;
use asysta_core::api::ErrorKind;
use asysta_core::opinion::OpinionRequestForm;
use asysta_core::FieldError;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RequestFormViewProps {
    pub form: OpinionRequestForm,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    pub busy: bool,
    pub on_action: Callback<OpinionsAction>,
    pub onsubmit: Callback<SubmitEvent>,
}

#[component]
pub fn RequestFormView(props: &RequestFormViewProps) -> Html {
    let i18n = use_i18n();
    let fields = RequestField::ALL.iter().map(|&field| {
        html! {
            <TextField
                id={input_id(field.name())}
                label={i18n.tr(&field.label_id())}
                value={field.value(&props.form).to_owned()}
                input_type={if field.is_date() { "date" } else { "text" }}
                autofocus={field == RequestField::Court}
                error={error_for(&props.errors, field.name())}
                oninput={props.on_action.reform(move |value| OpinionsAction::EditRequest(field, value))}
            />
        }
    });
    let on_cancel = props.on_action.reform(|_: MouseEvent| OpinionsAction::Close);
    html! {
        <form
            id="opinion-request-form"
            class="form opinion-request-form"
            aria-busy={props.busy.then_some("true")}
            onsubmit={props.onsubmit.clone()}
        >
            <h4>{ i18n.tr("opinion-request-title") }</h4>
            <div class="form-grid">{ for fields }</div>
            if let Some(kind) = props.form_error {
                <p id="opinion-request-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
            }
            <div class="actions">
                <button type="submit" id="opinion-request-submit" class="primary" disabled={props.busy}>
                    { i18n.tr("opinion-request-submit") }
                </button>
                <button type="button" id="opinion-request-cancel" class="secondary" onclick={on_cancel}>
                    { i18n.tr("cancel") }
                </button>
            </div>
        </form>
    }
}
