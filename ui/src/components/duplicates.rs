//! The people already on record who may be the one being saved, with the
//! choice to save anyway or go back to the form.

use crate::i18n::use_i18n;
use asysta_core::api::DuplicateView;
use asysta_i18n::Arg;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DuplicateListProps {
    pub duplicates: Rc<Vec<DuplicateView>>,
    /// An existing member is being edited (the button says "save", not "add").
    #[prop_or_default]
    pub editing: bool,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn DuplicateList(props: &DuplicateListProps) -> Html {
    let i18n = use_i18n();
    let cancel_ref = use_node_ref();
    {
        // The keyboard lands on the safe choice.
        let cancel_ref = cancel_ref.clone();
        use_effect_with(props.duplicates.clone(), move |_| {
            if let Some(button) = cancel_ref.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let items = props.duplicates.iter().map(|duplicate| {
        html! {
            <li class="duplicate" key={duplicate.member_id.to_string()}>
                <span class="duplicate-name">{ format!("{} {}", duplicate.first_name, duplicate.last_name) }</span>
                { " " }
                <span class="duplicate-family">
                    { i18n.tr_args("duplicate-in-family", &[("family", Arg::Str(&duplicate.family_name))]) }
                </span>
                { " — " }
                <span class="duplicate-reason">{ i18n.tr(duplicate.reason.message_id()) }</span>
            </li>
        }
    });
    let confirm = if props.editing { "duplicate-save-anyway" } else { "duplicate-add-anyway" };
    html! {
        <div id="duplicates" class="duplicates" role="alert" aria-labelledby="duplicates-title">
            <h4 id="duplicates-title">{ i18n.tr("duplicate-title") }</h4>
            <ul class="duplicate-list">{ for items }</ul>
            <div class="actions">
                <button type="button" id="duplicate-confirm" class="primary" onclick={props.on_confirm.reform(|_| ())}>
                    { i18n.tr(confirm) }
                </button>
                <button
                    type="button"
                    id="duplicate-cancel"
                    class="secondary"
                    ref={cancel_ref}
                    onclick={props.on_cancel.reform(|_| ())}
                >
                    { i18n.tr("cancel") }
                </button>
            </div>
        </div>
    }
}
