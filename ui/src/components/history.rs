//! The history panel: every change to one family record, oldest first.

use crate::format::{change_message_id, local_timestamp, short_device_id};
use crate::i18n::use_i18n;
use asysta_core::api::ErrorKind;
use asysta_core::Event;
use asysta_i18n::Arg;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// What the panel shows while and after the history is fetched.
#[derive(Clone, Debug, PartialEq)]
pub enum HistoryContent {
    Loading,
    Loaded(Rc<Vec<Event>>),
    Failed(ErrorKind),
}

#[derive(Properties, PartialEq)]
pub struct HistoryPanelProps {
    pub family_name: AttrValue,
    pub content: HistoryContent,
    pub on_close: Callback<()>,
}

#[component]
pub fn HistoryPanel(props: &HistoryPanelProps) -> Html {
    let i18n = use_i18n();
    let close_ref = use_node_ref();
    {
        // Move the focus into the panel so the keyboard user lands on it;
        // the family name is the dependency so that switching families
        // focuses again.
        let close_ref = close_ref.clone();
        use_effect_with(props.family_name.clone(), move |_| {
            if let Some(button) = close_ref.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let onclick = props.on_close.reform(|_: MouseEvent| ());
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                on_close.emit(());
            }
        })
    };
    let body = match &props.content {
        HistoryContent::Loading => html! {
            <p id="history-loading" class="loading">{ i18n.tr("loading") }</p>
        },
        HistoryContent::Failed(kind) => html! {
            <p id="history-error" class="form-error" role="alert">{ i18n.error(*kind) }</p>
        },
        HistoryContent::Loaded(events) => {
            let entries = events.iter().map(|event| {
                let meta = i18n.tr_args(
                    "history-entry",
                    &[
                        ("time", Arg::Str(&local_timestamp(event.hlc.wall_ms))),
                        ("author", Arg::Str(&event.author.name)),
                        ("device", Arg::Str(&short_device_id(event.device_id))),
                        ("seq", Arg::Str(&event.seq.to_string())),
                    ],
                );
                html! {
                    <li class="history-entry" key={event.event_id.to_string()}>
                        <div class="history-change">{ i18n.tr(&change_message_id(&event.change)) }</div>
                        <div class="history-meta">{ meta }</div>
                    </li>
                }
            });
            html! { <ol class="history-list">{ for entries }</ol> }
        }
    };
    html! {
        <section id="history" class="panel history" aria-labelledby="history-title" {onkeydown}>
            <div class="panel-header">
                <h2 id="history-title">
                    { i18n.tr_args("history-title", &[("name", Arg::Str(&props.family_name))]) }
                </h2>
                <button type="button" id="history-close" class="secondary" ref={close_ref} {onclick}>
                    { i18n.tr("history-close") }
                </button>
            </div>
            { body }
        </section>
    }
}
