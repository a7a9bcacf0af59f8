//! The families behind a figure: every figure of the dashboard and every
//! cell of the half-year report opens the list of its families, each
//! named with its assistant and opening its case.

use crate::dom;
use crate::i18n::use_i18n;
use crate::ipc;
use asysta_core::api::ApiError;
use asysta_core::collation;
use asysta_core::family::FamilySummary;
use asysta_core::EntityId;
use std::collections::BTreeMap;
use yew::prelude::*;

/// The centre's families by id: each name and its assistant.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FamilyIndex {
    pub names: BTreeMap<EntityId, String>,
    /// The assistant each family is with now.
    pub assistants: BTreeMap<EntityId, String>,
}

/// A family as a list of families behind a figure names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FamilyEntry {
    pub id: EntityId,
    /// `None`: not among the families this workspace lists (merged into
    /// another, say).
    pub name: Option<String>,
    pub assistant: Option<String>,
}

impl FamilyIndex {
    pub fn new(families: &[FamilySummary], assistants: BTreeMap<EntityId, String>) -> FamilyIndex {
        FamilyIndex { names: families.iter().map(|f| (f.id, f.name.clone())).collect(), assistants }
    }

    /// The families `ids`, in Polish order of their names (the unknown
    /// last).
    pub fn entries(&self, ids: &[EntityId]) -> Vec<FamilyEntry> {
        let mut out: Vec<FamilyEntry> = ids
            .iter()
            .map(|id| FamilyEntry {
                id: *id,
                name: self.names.get(id).cloned(),
                assistant: self.assistants.get(id).cloned(),
            })
            .collect();
        out.sort_by(|a, b| match (&a.name, &b.name) {
            (Some(x), Some(y)) => collation::compare(x, y).then(a.id.cmp(&b.id)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.id.cmp(&b.id),
        });
        out.dedup_by_key(|e| e.id);
        out
    }

    /// The assistant of a family, if any.
    pub fn assistant_of(&self, id: EntityId) -> Option<&str> {
        self.assistants.get(&id).map(String::as_str)
    }
}

/// Every family of every status, with its assistant.
pub async fn load_index() -> Result<FamilyIndex, ApiError> {
    let families = ipc::list_families(None, "").await?;
    let assistants = ipc::family_assistants().await?;
    Ok(FamilyIndex::new(&families, assistants))
}

#[derive(Properties, PartialEq)]
pub struct FamiliesBehindProps {
    /// The section's id (its heading is `<id>-title`).
    pub id: AttrValue,
    pub title: AttrValue,
    pub entries: Vec<FamilyEntry>,
    pub on_open: Callback<EntityId>,
    pub on_close: Callback<()>,
}

/// The list of the families behind a figure. Its heading takes the focus
/// when it opens, so the keyboard and a screen reader land on it.
#[component]
pub fn FamiliesBehind(props: &FamiliesBehindProps) -> Html {
    let i18n = use_i18n();
    let title_id = format!("{}-title", props.id);
    {
        let title_id = title_id.clone();
        use_effect_with(props.title.clone(), move |_| dom::focus(&title_id));
    }
    let items = props.entries.iter().map(|entry| {
        let name = entry.name.clone().unwrap_or_else(|| i18n.tr("centre-family-unknown"));
        let assistant = entry.assistant.clone().unwrap_or_else(|| i18n.tr("centre-no-assistant"));
        let id = entry.id;
        let onclick = props.on_open.reform(move |_: MouseEvent| id);
        html! {
            <li class="behind-family" key={id.to_string()} data-id={id.to_string()}>
                if entry.name.is_some() {
                    <button type="button" class="link behind-name" {onclick}>{ name }</button>
                } else {
                    <span class="behind-name">{ name }</span>
                }
                <span class="behind-assistant">{ assistant }</span>
            </li>
        }
    });
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <section id={props.id.clone()} class="panel families-behind" aria-labelledby={title_id.clone()}>
            <div class="panel-header">
                <h3 id={title_id} tabindex="-1">{ props.title.clone() }</h3>
                <button type="button" id={format!("{}-close", props.id)} class="secondary" onclick={on_close}>
                    { i18n.tr("centre-behind-close") }
                </button>
            </div>
            <p class="count">{ i18n.count("family-count", props.entries.len()) }</p>
            if props.entries.is_empty() {
                <p class="empty">{ i18n.tr("centre-behind-none") }</p>
            } else {
                <ul class="plain-list behind-list">{ for items }</ul>
            }
        </section>
    }
}
