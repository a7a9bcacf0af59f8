//! Families that two assistants may have entered twice (a member with the
//! same PESEL, or with the same name and date of birth): each pair with
//! its reason, the people and both assistants; the supervisor merges them
//! ("Połącz") or keeps them apart ("To różne rodziny"), and the decision
//! travels to the laptops like any other.

use super::Load;
use crate::i18n::use_i18n;
use crate::ipc;
use asysta_core::api::{ApiError, ErrorKind};
use asysta_core::centre::duplicates::{DuplicatePair, FamilyRef};
use asysta_core::event::DuplicateDecision;
use asysta_core::member::DuplicateReason;
use asysta_core::EntityId;
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Pairs waiting for a decision first; each group in the order given.
pub fn ordered(mut pairs: Vec<DuplicatePair>) -> Vec<DuplicatePair> {
    pairs.sort_by_key(|p| p.decision.is_some());
    pairs
}

/// The Fluent message of a reason.
pub fn reason_id(reason: DuplicateReason) -> &'static str {
    match reason {
        DuplicateReason::SamePesel => "duplicate-same-pesel",
        DuplicateReason::SameNameAndBirthDate => "duplicate-same-name-and-birth-date",
    }
}

/// The key of a pair in ids and `data-pair`.
pub fn pair_key(pair: &DuplicatePair) -> String {
    format!("{}-{}", pair.first.id, pair.second.id)
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DuplicatesState {
    pub pairs: Load<Vec<DuplicatePair>>,
    /// The pair whose decision is being sent.
    pub busy: Option<String>,
    pub error: Option<ApiError>,
}

#[derive(Properties, PartialEq)]
pub struct DuplicatesViewProps {
    pub on_open: Callback<EntityId>,
    pub on_locked: Callback<()>,
}

#[component]
pub fn DuplicatesView(props: &DuplicatesViewProps) -> Html {
    let state = use_state(DuplicatesState::default);
    {
        let (state, on_locked) = (state.clone(), props.on_locked.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                match ipc::cross_duplicates().await {
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    reply => state.set(DuplicatesState {
                        pairs: Load::from_reply(reply.map(ordered)),
                        ..DuplicatesState::default()
                    }),
                }
            });
        });
    }
    let on_decide = {
        let (state, on_locked) = (state.clone(), props.on_locked.clone());
        Callback::from(move |(first, second, decision): (EntityId, EntityId, DuplicateDecision)| {
            if state.busy.is_some() {
                return;
            }
            let key = format!("{first}-{second}");
            state.set(DuplicatesState { busy: Some(key), error: None, ..(*state).clone() });
            let (state, on_locked) = (state.clone(), on_locked.clone());
            spawn_local(async move {
                match ipc::decide_duplicates(first, second, decision).await {
                    Ok(pairs) => state.set(DuplicatesState {
                        pairs: Load::Ready(Rc::new(ordered(pairs))),
                        busy: None,
                        error: None,
                    }),
                    Err(error) => {
                        let locked = error.kind == ErrorKind::Locked;
                        state.set(DuplicatesState { busy: None, error: Some(error), ..(*state).clone() });
                        if locked {
                            on_locked.emit(());
                        }
                    }
                }
            });
        })
    };
    html! { <DuplicatesContent state={(*state).clone()} on_open={props.on_open.clone()} {on_decide} /> }
}

#[derive(Properties, PartialEq)]
pub struct DuplicatesContentProps {
    pub state: DuplicatesState,
    pub on_open: Callback<EntityId>,
    pub on_decide: Callback<(EntityId, EntityId, DuplicateDecision)>,
}

/// The pairs for a state (rendered in host tests).
#[component]
pub fn DuplicatesContent(props: &DuplicatesContentProps) -> Html {
    let i18n = use_i18n();
    let family = |f: &FamilyRef, class: &'static str| {
        let id = f.id;
        let onclick = props.on_open.reform(move |_: MouseEvent| id);
        html! {
            <span class={classes!("duplicate-family", class)}>
                <button type="button" class="link duplicate-family-name" {onclick}>{ f.name.clone() }</button>
                { " " }
                <span class="duplicate-assistant">
                    { i18n.tr_args("centre-alert-assistant", &[("name", Arg::Str(&f.assistant_name))]) }
                </span>
            </span>
        }
    };
    let pair = |p: &DuplicatePair| {
        let key = pair_key(p);
        let (first, second) = (p.first.id, p.second.id);
        let busy = props.state.busy.as_deref() == Some(key.as_str());
        let merge = props.on_decide.reform(move |_: MouseEvent| (first, second, DuplicateDecision::Merge));
        let apart = props.on_decide.reform(move |_: MouseEvent| (first, second, DuplicateDecision::KeepApart));
        let names = format!("{} — {}", p.first.name, p.second.name);
        html! {
            <li class={classes!("panel", "duplicate-pair", p.decision.is_none().then_some("open"))} key={key.clone()} data-pair={key.clone()}>
                <p class="duplicate-families">
                    { family(&p.first, "first") }
                    <span class="duplicate-and">{ format!(" {} ", i18n.tr("centre-duplicates-and")) }</span>
                    { family(&p.second, "second") }
                </p>
                <p class="duplicate-reason">{ i18n.tr(reason_id(p.reason)) }</p>
                <p class="duplicate-people">
                    { i18n.tr_args("centre-duplicates-people", &[("names", Arg::Str(&p.people.join(", ")))]) }
                </p>
                { match p.decision {
                    Some(decision) => html! {
                        <p class="duplicate-decision status">
                            { i18n.tr_args("centre-duplicates-decided", &[("decision", Arg::Str(&i18n.tr(match decision {
                                DuplicateDecision::Merge => "duplicate-merge",
                                DuplicateDecision::KeepApart => "duplicate-keep-apart",
                            })))]) }
                        </p>
                    },
                    None => html! {
                        <div class="actions">
                            <button
                                type="button"
                                class="primary duplicate-merge"
                                disabled={busy}
                                aria-label={i18n.tr_args("centre-duplicates-merge-label", &[("names", Arg::Str(&names))])}
                                onclick={merge}
                            >
                                { i18n.tr("centre-duplicates-merge") }
                            </button>
                            <button
                                type="button"
                                class="secondary duplicate-keep-apart"
                                disabled={busy}
                                aria-label={i18n.tr_args("centre-duplicates-apart-label", &[("names", Arg::Str(&names))])}
                                onclick={apart}
                            >
                                { i18n.tr("centre-duplicates-keep-apart") }
                            </button>
                        </div>
                    },
                } }
            </li>
        }
    };
    html! {
        <section class="panel" aria-labelledby="duplicates-title">
            <h2 id="duplicates-title">{ i18n.tr("centre-duplicates-title") }</h2>
            <p class="intro">{ i18n.tr("centre-duplicates-intro") }</p>
            if let Some(error) = &props.state.error {
                <p id="duplicates-error" class="form-error" role="alert">{ i18n.api_error(error) }</p>
            }
            { match &props.state.pairs {
                Load::Loading => html! { <p class="loading">{ i18n.tr("loading") }</p> },
                Load::Failed(kind) => html! { <p id="duplicates-load-error" class="form-error" role="alert">{ i18n.error(*kind) }</p> },
                Load::Ready(pairs) if pairs.is_empty() => html! { <p id="duplicates-empty" class="empty">{ i18n.tr("centre-duplicates-empty") }</p> },
                Load::Ready(pairs) => html! { <ul id="duplicate-pairs" class="plain-list duplicate-pairs">{ for pairs.iter().map(pair) }</ul> },
            } }
        </section>
    }
}

#[cfg(test)]
mod tests;
