//! Changes made on two devices to the same field of this case: both
//! versions, who made them and when, and a button that keeps one (a
//! `conflict.resolved` event, which travels to the other devices too).

use crate::format::{local_timestamp, short_device_id};
use crate::i18n::use_i18n;
use crate::ipc;
use asysta_core::api::{ErrorKind, FamilyCase};
use asysta_core::merge::Conflict;
use asysta_core::{EntityId, EntityType, EventId};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConflictsSectionProps {
    pub family_id: EntityId,
    pub conflicts: Vec<Conflict>,
    pub on_case: Callback<FamilyCase>,
    pub on_locked: Callback<()>,
}

/// The Fluent message that names the kind of record in conflict.
pub fn record_message(record: EntityType) -> &'static str {
    match record {
        EntityType::Workspace => "conflict-record-settings",
        EntityType::Family => "conflict-record-family",
        EntityType::Member => "conflict-record-member",
        EntityType::Note => "conflict-record-note",
        EntityType::Plan => "conflict-record-plan",
        EntityType::Visit => "conflict-record-visit",
    }
}

/// A version's value as a person reads it: text without quotes, anything
/// else as JSON.
pub fn shown_value(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "—".to_owned(),
        other => other.to_string(),
    }
}

#[component]
pub fn ConflictsSection(props: &ConflictsSectionProps) -> Html {
    let i18n = use_i18n();
    let error = use_state(|| None::<ErrorKind>);
    let busy = use_state(|| false);
    if props.conflicts.is_empty() {
        return html! {};
    }
    let keep = {
        let (error, busy) = (error.clone(), busy.clone());
        let (family_id, on_case, on_locked) = (props.family_id, props.on_case.clone(), props.on_locked.clone());
        move |conflict_id: String, event_id: EventId| {
            let (error, busy) = (error.clone(), busy.clone());
            let (on_case, on_locked) = (on_case.clone(), on_locked.clone());
            Callback::from(move |_: MouseEvent| {
                let (error, busy) = (error.clone(), busy.clone());
                let (on_case, on_locked) = (on_case.clone(), on_locked.clone());
                let conflict_id = conflict_id.clone();
                busy.set(true);
                yew::platform::spawn_local(async move {
                    let result = match ipc::resolve_conflict(&conflict_id, event_id).await {
                        Ok(_) => ipc::family_case(family_id).await,
                        Err(e) => Err(e),
                    };
                    busy.set(false);
                    match result {
                        Ok(case) => {
                            error.set(None);
                            on_case.emit(case);
                        }
                        Err(e) if e.kind == ErrorKind::Locked => on_locked.emit(()),
                        Err(e) => error.set(Some(e.kind)),
                    }
                });
            })
        }
    };
    html! {
        <section id="conflicts" class="conflicts" role="alert">
            <h2>{ i18n.count("conflicts-title", props.conflicts.len()) }</h2>
            <p>{ i18n.tr("conflicts-help") }</p>
            { for props.conflicts.iter().map(|c| html! {
                <div class="conflict" data-conflict={c.id.clone()}>
                    <h3>{ i18n.tr(record_message(c.record)) }{ ": " }<code>{ c.field.clone() }</code></h3>
                    <ul>
                        { for c.versions.iter().map(|v| html! {
                            <li class="conflict-version" data-event={v.event_id.to_string()}>
                                <strong class="conflict-value">{ shown_value(&v.value) }</strong>
                                { " — " }{ v.author.name.clone() }{ ", " }{ local_timestamp(v.hlc.wall_ms) }
                                { " (" }{ i18n.tr("conflict-device") }{ " " }{ short_device_id(v.device_id) }{ ")" }
                                if v.event_id == c.shown_event_id {
                                    <em>{ " " }{ i18n.tr("conflicts-shown") }</em>
                                }
                                <button type="button" class="secondary conflict-keep" disabled={*busy}
                                    onclick={keep(c.id.clone(), v.event_id)}>
                                    { i18n.tr("conflict-keep") }
                                </button>
                            </li>
                        }) }
                    </ul>
                </div>
            }) }
            if let Some(kind) = *error {
                <p id="conflicts-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
            }
        </section>
    }
}
