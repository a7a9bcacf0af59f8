//! A labelled text input with its error next to it.

use crate::i18n::use_i18n;
use asysta_core::FieldError;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The input's id, which is also the form field's name: errors for the
    /// field `name` are shown in the element `error-name`.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    /// `text` or `password`.
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    #[prop_or(AttrValue::Static("off"))]
    pub autocomplete: AttrValue,
    /// Focus this field when it first appears.
    #[prop_or_default]
    pub autofocus: bool,
    #[prop_or_default]
    pub error: Option<FieldError>,
    /// The id of a hint that describes the field (e.g. passphrase strength).
    #[prop_or_default]
    pub hint_id: Option<AttrValue>,
    #[prop_or_default]
    pub input_ref: NodeRef,
    /// Shown under the input, before the error (e.g. a hint).
    #[prop_or_default]
    pub children: Html,
}

/// The id of the element that shows a field's error.
pub fn error_id(field: &str) -> String {
    format!("error-{field}")
}

/// The DOM id of the input for a field the shell names with a path, such
/// as `basis.case_signature` or `foster_care[0].place`: every `.`, `[` and
/// `]` becomes `_` (`basis_case_signature`, `foster_care_0__place`), so the
/// id needs no escaping in CSS. Its error is then shown in
/// `error-<dom id>` ([`error_id`]). Plain names (`za_zyciem_request_date`)
/// are their own ids.
pub fn dom_id(field: &str) -> String {
    field.chars().map(|c| if matches!(c, '.' | '[' | ']') { '_' } else { c }).collect()
}

#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let i18n = use_i18n();
    {
        let input_ref = props.input_ref.clone();
        let autofocus = props.autofocus;
        // The `autofocus` attribute only works on page load; screens appear
        // later, so focus the field when it is first rendered.
        use_effect_with((), move |_| {
            if autofocus {
                if let Some(input) = input_ref.cast::<HtmlElement>() {
                    let _ = input.focus();
                }
            }
        });
    }
    let oninput = {
        let callback = props.oninput.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            callback.emit(input.value());
        })
    };
    let error_id = error_id(&props.id);
    let described_by = match (&props.error, &props.hint_id) {
        (Some(_), Some(hint)) => Some(format!("{hint} {error_id}")),
        (Some(_), None) => Some(error_id.clone()),
        (None, Some(hint)) => Some(hint.to_string()),
        (None, None) => None,
    };
    let invalid = props.error.is_some();
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                id={props.id.clone()}
                name={props.id.clone()}
                type={props.input_type.clone()}
                value={props.value.clone()}
                autocomplete={props.autocomplete.clone()}
                autofocus={props.autofocus}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={described_by}
                ref={props.input_ref.clone()}
                {oninput}
            />
            { props.children.clone() }
            if let Some(error) = &props.error {
                <p id={error_id} class="field-error">{ i18n.field_error(error) }</p>
            }
        </div>
    }
}

/// The first error reported for `field`, if any.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<FieldError> {
    errors.iter().find(|e| e.field == field).cloned()
}
