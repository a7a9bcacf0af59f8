//! The notes on a family, oldest first; restricted ones are marked.

use crate::format::local_timestamp;
use crate::i18n::use_i18n;
use asysta_core::api::NoteView;
use asysta_i18n::Arg;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoteListProps {
    pub notes: Vec<NoteView>,
}

#[component]
pub fn NoteList(props: &NoteListProps) -> Html {
    let i18n = use_i18n();
    if props.notes.is_empty() {
        return html! { <p id="notes-empty" class="empty">{ i18n.tr("notes-empty") }</p> };
    }
    let items = props.notes.iter().map(|note| {
        let meta = i18n.tr_args(
            "note-meta",
            &[("time", Arg::Str(&local_timestamp(note.created_at_ms))), ("author", Arg::Str(&note.author_name))],
        );
        html! {
            <li class={classes!("note", note.restricted.then_some("restricted"))} key={note.id.to_string()}>
                if note.restricted {
                    <span class="note-restricted-label badge">{ i18n.tr("note-restricted-label") }</span>
                }
                <p class="note-text">{ note.text.clone() }</p>
                <p class="note-meta">{ meta }</p>
            </li>
        }
    });
    html! { <ul id="notes-list" class="notes">{ for items }</ul> }
}
