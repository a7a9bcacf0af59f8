//! One version of the work plan as the assistant reads it: when it was
//! agreed and consulted, then each goal with its area and its actions (who,
//! by when, to what effect, and how far each has got).

use crate::components::member_list::full_name;
use crate::components::visit_list::area_name;
use crate::i18n::{use_i18n, I18n};
use asysta_core::api::MemberView;
use asysta_core::centre::CommentTarget;
use asysta_core::plan::{ActionStatus, Actor, PlanArea, PlanVersion, ProgressNote};
use asysta_core::EntityId;
use asysta_i18n::Arg;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// The name of the area `key` in the current language; the key itself for
/// an area the centre has since removed from its list.
pub fn area_label(i18n: &I18n, areas: &[PlanArea], key: &str) -> String {
    areas.iter().find(|a| a.key == key).map_or_else(|| key.to_owned(), |a| area_name(a, i18n.locale()).to_owned())
}

/// Who carries out an action: the member's name, "the family assistant",
/// or the institution's name.
pub fn actor_label(i18n: &I18n, actor: &Actor, members: &[MemberView]) -> String {
    match actor {
        Actor::Member { member_id } => {
            members.iter().find(|m| m.id == *member_id).map_or_else(|| i18n.tr("action-actor-member"), full_name)
        }
        Actor::Assistant => i18n.tr("action-actor-assistant"),
        Actor::Institution { name } => name.clone(),
    }
}

/// A deadline as people read it, or "no deadline".
pub fn deadline_label(i18n: &I18n, deadline: Option<NaiveDate>) -> String {
    deadline.map_or_else(|| i18n.tr("plan-deadline-none"), |d| i18n.date(d))
}

#[derive(Properties, PartialEq)]
struct ActionNotesProps {
    notes: Rc<Vec<ProgressNote>>,
    action_id: EntityId,
}

/// The notes on one action, newest first: "12.03.2026: text (done)". Only
/// the latest is shown until the person asks for the rest (a plan worked
/// on for two years has hundreds).
#[component]
fn ActionNotes(props: &ActionNotesProps) -> Html {
    let i18n = use_i18n();
    let all = use_state(|| false);
    let mut mine: Vec<&ProgressNote> = props.notes.iter().filter(|n| n.action_id == props.action_id).collect();
    if mine.is_empty() {
        return Html::default();
    }
    mine.sort_by_key(|n| std::cmp::Reverse(n.date));
    let hidden = mine.len() - 1;
    let shown = if *all { mine.len() } else { 1 };
    let items = mine.iter().take(shown).map(|n| {
        html! {
            <li>
                <time datetime={n.date.to_string()}>{ i18n.date(n.date) }</time>{ ": " }{ n.note.clone() }
                if let Some(status) = n.status {
                    { " (" }{ i18n.tr(status.message_id()) }{ ")" }
                }
            </li>
        }
    });
    let toggle = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(!*all))
    };
    html! {
        <>
            <ul class="plan-action-notes">{ for items }</ul>
            if hidden > 0 {
                <button type="button" class="link plan-notes-more" onclick={toggle}>
                    { if *all { i18n.tr("plan-notes-fewer") } else { i18n.count("plan-notes-more", hidden) } }
                </button>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    pub version: Rc<PlanVersion>,
    /// Each action's status now (the version's, updated by progress notes).
    pub statuses: BTreeMap<EntityId, ActionStatus>,
    /// The actions past their deadline and not closed (current version only).
    #[prop_or_default]
    pub overdue: Vec<EntityId>,
    pub members: Vec<MemberView>,
    pub areas: Rc<Vec<PlanArea>>,
    /// The dated progress notes on the plan's actions (from visits).
    #[prop_or_default]
    pub notes: Rc<Vec<ProgressNote>>,
    /// Renders the comments beside each goal and action (the case screen's
    /// threads), when given.
    #[prop_or_default]
    pub comments: Option<Callback<(CommentTarget, String), Html>>,
}

#[component]
pub fn PlanView(props: &PlanViewProps) -> Html {
    let i18n = use_i18n();
    let version = &props.version;
    let agreed = match version.agreed_with_family_on {
        Some(date) => i18n.tr_args("plan-agreed-on", &[("date", Arg::Str(&i18n.date(date)))]),
        None => i18n.tr("plan-not-agreed"),
    };
    let consulted = match &version.consultation {
        Some(c) => i18n
            .tr_args("plan-consulted", &[("date", Arg::Str(&i18n.date(c.date))), ("name", Arg::Str(&c.social_worker))]),
        None => i18n.tr("plan-not-consulted"),
    };
    let thread = |record: &str, id: EntityId, subject: &str| match &props.comments {
        Some(render) => render.emit((CommentTarget { record: record.into(), id: id.to_string() }, subject.to_owned())),
        None => Html::default(),
    };
    let goals = version.goals.iter().map(|goal| {
        let actions = goal.actions.iter().map(|action| {
            let status = props.statuses.get(&action.id).copied().unwrap_or(action.status);
            let overdue = props.overdue.contains(&action.id);
            html! {
                <tbody class="plan-action-group" key={action.id.to_string()}>
                <tr class={classes!("plan-action", overdue.then_some("overdue"))}>
                    <td class="plan-action-what">
                        { action.what.clone() }
                        <ActionNotes notes={props.notes.clone()} action_id={action.id} />
                    </td>
                    <td class="plan-action-who">{ actor_label(&i18n, &action.who, &props.members) }</td>
                    <td class="plan-action-deadline">
                        { deadline_label(&i18n, action.deadline) }
                        if overdue {
                            { " " }<span class="badge badge-late">{ i18n.tr("plan-overdue") }</span>
                        }
                    </td>
                    <td class="plan-action-effect">{ action.expected_effect.clone() }</td>
                    <td class="plan-action-status">{ i18n.tr(status.message_id()) }</td>
                </tr>
                if props.comments.is_some() {
                    <tr class="plan-action-comments">
                        <td colspan="5">{ thread("action", action.id, &action.what) }</td>
                    </tr>
                }
                </tbody>
            }
        });
        html! {
            <article class="plan-goal" key={goal.id.to_string()}>
                <h4>
                    <span class="plan-goal-area">{ area_label(&i18n, &props.areas, &goal.area) }</span>
                    <span class="plan-goal-text">{ goal.goal.clone() }</span>
                </h4>
                { thread("goal", goal.id, &goal.goal) }
                <table class="plan-actions">
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.tr("plan-field-what") }</th>
                            <th scope="col">{ i18n.tr("plan-field-who") }</th>
                            <th scope="col">{ i18n.tr("plan-field-deadline") }</th>
                            <th scope="col">{ i18n.tr("plan-field-expected-effect") }</th>
                            <th scope="col">{ i18n.tr("plan-field-status") }</th>
                        </tr>
                    </thead>
                    { for actions }
                </table>
            </article>
        }
    });
    html! {
        <div id="plan-version" class="plan-version">
            <p class="plan-meta">
                <span id="plan-agreed">{ agreed }</span>
                <span id="plan-consulted">{ consulted }</span>
            </p>
            { for goals }
        </div>
    }
}
