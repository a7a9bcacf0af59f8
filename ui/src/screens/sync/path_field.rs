//! A path typed or chosen with the native dialog ("Wybierz…").

use crate::i18n::use_i18n;
use crate::ipc;
use yew::platform::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PathFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// A folder (export) or a file (import, enrolment).
    pub folder: bool,
    pub oninput: Callback<String>,
}

#[component]
pub fn PathField(props: &PathFieldProps) -> Html {
    let i18n = use_i18n();
    let oninput = props.oninput.reform(|event: InputEvent| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        input.value()
    });
    let choose = {
        let (folder, oninput) = (props.folder, props.oninput.clone());
        Callback::from(move |_: MouseEvent| {
            let oninput = oninput.clone();
            spawn_local(async move {
                // A cancelled or failed dialog leaves the typed path alone.
                if let Ok(Some(path)) = ipc::choose_path(folder).await {
                    oninput.emit(path);
                }
            });
        })
    };
    html! {
        <div class="field path-field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="path-input">
                <input id={props.id.clone()} type="text" autocomplete="off" spellcheck="false"
                    value={props.value.clone()} {oninput} />
                <button type="button" id={format!("{}-choose", props.id)} class="secondary" onclick={choose}>
                    { i18n.tr("sync-choose") }
                </button>
            </div>
        </div>
    }
}
