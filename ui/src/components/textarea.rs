//! A labelled multi-line text box with its error next to it.

use crate::components::field::error_id;
use crate::i18n::use_i18n;
use asysta_core::FieldError;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextAreaFieldProps {
    /// The text box's id; its error is shown in `error-<id>`.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    #[prop_or(3)]
    pub rows: u32,
    #[prop_or_default]
    pub error: Option<FieldError>,
}

#[component]
pub fn TextAreaField(props: &TextAreaFieldProps) -> Html {
    let i18n = use_i18n();
    let oninput = {
        let callback = props.oninput.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            callback.emit(area.value());
        })
    };
    let error_id = error_id(&props.id);
    let invalid = props.error.is_some();
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <textarea
                id={props.id.clone()}
                name={props.id.clone()}
                rows={props.rows.to_string()}
                value={props.value.clone()}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={invalid.then(|| error_id.clone())}
                {oninput}
            />
            if let Some(error) = &props.error {
                <p id={error_id} class="field-error">{ i18n.field_error(error) }</p>
            }
        </div>
    }
}
