//! A labelled drop-down list with its error next to it.

use crate::components::field::error_id;
use crate::i18n::use_i18n;
use asysta_core::FieldError;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// One choice: the value the form holds and the text shown.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectOption {
    pub value: AttrValue,
    pub label: AttrValue,
}

impl SelectOption {
    pub fn new(value: impl Into<AttrValue>, label: impl Into<AttrValue>) -> SelectOption {
        SelectOption { value: value.into(), label: label.into() }
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    /// The select's id; its error is shown in `error-<id>`.
    pub id: AttrValue,
    pub label: AttrValue,
    /// The chosen value (one of the options').
    pub value: AttrValue,
    pub options: Vec<SelectOption>,
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub error: Option<FieldError>,
}

#[component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let i18n = use_i18n();
    let onchange = {
        let callback = props.onchange.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            callback.emit(select.value());
        })
    };
    let error_id = error_id(&props.id);
    let invalid = props.error.is_some();
    // A select ignores a `value` attribute: the chosen option is marked.
    let options = props.options.iter().map(|option| {
        html! {
            <option value={option.value.clone()} selected={option.value == props.value}>
                { option.label.clone() }
            </option>
        }
    });
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select
                id={props.id.clone()}
                name={props.id.clone()}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={invalid.then(|| error_id.clone())}
                {onchange}
            >
                { for options }
            </select>
            if let Some(error) = &props.error {
                <p id={error_id} class="field-error">{ i18n.field_error(error) }</p>
            }
        </div>
    }
}
