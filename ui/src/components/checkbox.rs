//! A checkbox with its label beside it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckboxFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub onchange: Callback<bool>,
}

#[component]
pub fn CheckboxField(props: &CheckboxFieldProps) -> Html {
    let onchange = {
        let callback = props.onchange.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            callback.emit(input.checked());
        })
    };
    html! {
        <div class="field checkbox-field">
            <input type="checkbox" id={props.id.clone()} name={props.id.clone()} checked={props.checked} {onchange} />
            <label for={props.id.clone()}>{ props.label.clone() }</label>
        </div>
    }
}
