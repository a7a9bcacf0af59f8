//! Changes made on two devices to the same field of this case: both
//! versions side by side, who made them and when, and a button that keeps
//! one, or a value of one's own (a `conflict.resolved` event, which travels
//! to the other devices too).

use crate::format::{date_for_input, date_from_input, local_timestamp, short_device_id};
use crate::i18n::use_i18n;
use crate::ipc::{self, Resolution};
use asysta_core::api::{ErrorKind, FamilyCase};
use asysta_core::merge::Conflict;
use asysta_core::validation::parse_iso_date;
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
        EntityType::Evaluation => "conflict-record-evaluation",
        EntityType::Opinion => "conflict-record-opinion",
        EntityType::Assistant => "conflict-record-assistant",
        EntityType::Comment => "conflict-record-comment",
        EntityType::Duplicate => "conflict-record-duplicate",
        EntityType::Attachment => "conflict-record-attachment",
    }
}

/// A conflicting field named as the person reads it (`last_name` →
/// "Nazwisko"): its message `conflict-field-<record>-<field>`; a case
/// detail or a part of an evaluation by the part of the record it is in.
pub fn field_label(i18n: &crate::i18n::I18n, record: EntityType, field: &str) -> String {
    let id = format!("conflict-field-{}-{}", record.as_str(), field.replace(['.', '_'], "-"));
    if i18n.has(&id) {
        return i18n.tr(&id);
    }
    let part = if field.starts_with("details.") {
        "conflict-field-details"
    } else if field.starts_with(asysta_core::merge::EVALUATION_PREFIX) {
        "conflict-field-evaluation"
    } else {
        "conflict-field-other"
    };
    i18n.tr(part)
}

/// A version as a person reads it: a deletion against an edit made
/// meanwhile reads "usunięto" / "zachowano ze zmianami", any other value as
/// [`shown_value`].
pub fn version_text(i18n: &crate::i18n::I18n, field: &str, value: &serde_json::Value) -> String {
    match (field, value) {
        (asysta_core::merge::DELETED_FIELD, serde_json::Value::Bool(true)) => i18n.tr("conflict-deleted"),
        (asysta_core::merge::DELETED_FIELD, serde_json::Value::Bool(false)) => i18n.tr("conflict-kept"),
        _ => shown_value(value),
    }
}

/// A version's value as a person reads it: text without quotes (a date as
/// dd.mm.rrrr), anything else as JSON.
pub fn shown_value(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => date_for_input(s),
        serde_json::Value::Null => "—".to_owned(),
        other => other.to_string(),
    }
}

/// What a person typed as the field's value, as JSON of the field's type:
/// text where the versions are text (a date typed as dd.mm.rrrr as ISO
/// where the versions are dates), otherwise the typed JSON (a number,
/// `true`), and text when it is not JSON.
pub fn typed_value(conflict: &Conflict, typed: &str) -> serde_json::Value {
    let all_text = conflict.versions.iter().all(|v| v.value.is_string() || v.value.is_null());
    let mut values = conflict.versions.iter().map(|v| &v.value).filter(|v| !v.is_null()).peekable();
    let all_dates = values.peek().is_some() && values.all(|v| v.as_str().is_some_and(|s| parse_iso_date(s).is_some()));
    if all_text && all_dates {
        return serde_json::Value::String(date_from_input(typed.trim()));
    }
    if all_text {
        return serde_json::Value::String(typed.trim().to_owned());
    }
    serde_json::from_str(typed.trim()).unwrap_or_else(|_| serde_json::Value::String(typed.trim().to_owned()))
}

#[component]
pub fn ConflictsSection(props: &ConflictsSectionProps) -> Html {
    let i18n = use_i18n();
    let error = use_state(|| None::<ErrorKind>);
    let busy = use_state(|| false);
    // The value typed for each conflict, by its id.
    let typed = use_state(std::collections::BTreeMap::<String, String>::new);
    if props.conflicts.is_empty() {
        return html! {};
    }
    let resolve = {
        let (error, busy) = (error.clone(), busy.clone());
        let (family_id, on_case, on_locked) = (props.family_id, props.on_case.clone(), props.on_locked.clone());
        move |conflict_id: String, resolution: Resolution| {
            let (error, busy) = (error.clone(), busy.clone());
            let (on_case, on_locked) = (on_case.clone(), on_locked.clone());
            busy.set(true);
            yew::platform::spawn_local(async move {
                let result = match ipc::resolve_conflict(&conflict_id, resolution).await {
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
        }
    };
    let keep = {
        let resolve = resolve.clone();
        move |conflict_id: String, event_id: EventId| {
            let resolve = resolve.clone();
            Callback::from(move |_: MouseEvent| resolve(conflict_id.clone(), Resolution::Keep(event_id)))
        }
    };
    let own = |c: &Conflict| {
        let resolve = resolve.clone();
        let conflict = c.clone();
        let value = typed.get(&c.id).cloned().unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            resolve(conflict.id.clone(), Resolution::Value(typed_value(&conflict, &value)))
        })
    };
    let edit = |id: String| {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let mut next = (*typed).clone();
            next.insert(id.clone(), input.value());
            typed.set(next);
        })
    };
    html! {
        <section id="conflicts" class="conflicts" role="alert">
            <h2>{ i18n.count("conflicts-title", props.conflicts.len()) }</h2>
            <p>{ i18n.tr("conflicts-help") }</p>
            { for props.conflicts.iter().map(|c| {
                let input_id = format!("conflict-own-{}", c.id.replace('/', "-").replace(['.', '[', ']'], "_"));
                let value = typed.get(&c.id).cloned().unwrap_or_default();
                html! {
                <div class="conflict" data-conflict={c.id.clone()}>
                    <h3>{ i18n.tr(record_message(c.record)) }{ ": " }<span class="conflict-field">{ field_label(&i18n, c.record, &c.field) }</span></h3>
                    <ul class="conflict-versions">
                        { for c.versions.iter().map(|v| html! {
                            <li class="conflict-version" data-event={v.event_id.to_string()}>
                                <strong class="conflict-value">{ version_text(&i18n, &c.field, &v.value) }</strong>
                                <span class="conflict-who">{ v.author.name.clone() }</span>
                                <span class="conflict-when">{ local_timestamp(v.hlc.wall_ms) }</span>
                                <span class="conflict-device">{ i18n.tr("conflict-device") }{ " " }{ short_device_id(v.device_id) }</span>
                                if v.event_id == c.shown_event_id {
                                    <em>{ i18n.tr("conflicts-shown") }</em>
                                }
                                <button type="button" class="secondary conflict-keep" disabled={*busy}
                                    onclick={keep(c.id.clone(), v.event_id)}>
                                    { i18n.tr("conflict-keep") }
                                </button>
                            </li>
                        }) }
                    </ul>
                    if c.record != EntityType::Plan {
                        <div class="conflict-own field">
                            <label for={input_id.clone()}>{ i18n.tr("conflict-own-label") }</label>
                            <input id={input_id} class="conflict-own-value" type="text" value={value.clone()} oninput={edit(c.id.clone())} />
                            <button type="button" class="secondary conflict-own-save" disabled={*busy || value.trim().is_empty()}
                                onclick={own(c)}>
                                { i18n.tr("conflict-own-save") }
                            </button>
                        </div>
                    }
                </div>
            }}) }
            if let Some(kind) = *error {
                <p id="conflicts-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
            }
        </section>
    }
}
