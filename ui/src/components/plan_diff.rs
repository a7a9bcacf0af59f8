//! What changed between two versions of the work plan, in words: goals and
//! actions added, removed or changed, each changed field with its old and
//! new value (`asysta_core::plan::diff` does the matching, by id).

use crate::components::plan_view::{actor_label, area_label, deadline_label};
use crate::i18n::{use_i18n, I18n};
use asysta_core::api::MemberView;
use asysta_core::plan::{diff, ActionDiff, ActionFieldChange, GoalDiff, GoalFieldChange, PlanArea, PlanVersion};
use asysta_core::EntityId;
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanDiffProps {
    pub old: Rc<PlanVersion>,
    pub new: Rc<PlanVersion>,
    pub members: Vec<MemberView>,
    pub areas: Rc<Vec<PlanArea>>,
}

/// One line of the comparison: what happened, to what, and the fields that
/// changed as (label, old, new).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffEntry {
    /// `goal-added`, `action-changed`, …: a CSS class and the heading's
    /// message (`plan-diff-<kind>`).
    pub kind: &'static str,
    pub subject: String,
    pub changes: Vec<(String, String, String)>,
}

/// The comparison of `old` and `new` in the current language.
pub fn diff_entries(
    i18n: &I18n,
    old: &PlanVersion,
    new: &PlanVersion,
    members: &[MemberView],
    areas: &[PlanArea],
) -> Vec<DiffEntry> {
    let changes = diff(old, new);
    let goal_text = |id: EntityId| -> String {
        [new, old].iter().flat_map(|v| &v.goals).find(|g| g.id == id).map(|g| g.goal.clone()).unwrap_or_default()
    };
    let goal_subject = |area: &str, goal: &str| format!("{}: {goal}", area_label(i18n, areas, area));
    let goals = changes.goals.iter().map(|change| match change {
        GoalDiff::Added { area, goal, .. } => entry("goal-added", goal_subject(area, goal), Vec::new()),
        GoalDiff::Removed { area, goal, .. } => entry("goal-removed", goal_subject(area, goal), Vec::new()),
        GoalDiff::Changed { goal_id, changes } => {
            let fields = changes
                .iter()
                .map(|c| match c {
                    GoalFieldChange::Area { old, new } => {
                        (i18n.tr(c.message_id()), area_label(i18n, areas, old), area_label(i18n, areas, new))
                    }
                    GoalFieldChange::Goal { old, new } => (i18n.tr(c.message_id()), old.clone(), new.clone()),
                })
                .collect();
            entry("goal-changed", goal_text(*goal_id), fields)
        }
    });
    let actions = changes.actions.iter().map(|change| match change {
        ActionDiff::Added { action, .. } => entry("action-added", action.what.clone(), Vec::new()),
        ActionDiff::Removed { action, .. } => entry("action-removed", action.what.clone(), Vec::new()),
        ActionDiff::Changed { action_id, changes, .. } => {
            let what = new.actions().find(|a| a.id == *action_id).map(|a| a.what.clone()).unwrap_or_default();
            let fields = changes.iter().map(|c| field_change(i18n, c, members, &goal_text)).collect();
            entry("action-changed", what, fields)
        }
    });
    goals.chain(actions).collect()
}

fn entry(kind: &'static str, subject: String, changes: Vec<(String, String, String)>) -> DiffEntry {
    DiffEntry { kind, subject, changes }
}

fn field_change(
    i18n: &I18n,
    change: &ActionFieldChange,
    members: &[MemberView],
    goal_text: &dyn Fn(EntityId) -> String,
) -> (String, String, String) {
    let (old, new) = match change {
        ActionFieldChange::GoalId { old, new } => (goal_text(*old), goal_text(*new)),
        ActionFieldChange::What { old, new } | ActionFieldChange::ExpectedEffect { old, new } => {
            (old.clone(), new.clone())
        }
        ActionFieldChange::Who { old, new } => (actor_label(i18n, old, members), actor_label(i18n, new, members)),
        ActionFieldChange::Deadline { old, new } => (deadline_label(i18n, *old), deadline_label(i18n, *new)),
        ActionFieldChange::Status { old, new } => (i18n.tr(old.message_id()), i18n.tr(new.message_id())),
    };
    (i18n.tr(change.message_id()), old, new)
}

#[component]
pub fn PlanDiffView(props: &PlanDiffProps) -> Html {
    let i18n = use_i18n();
    let entries = diff_entries(&i18n, &props.old, &props.new, &props.members, &props.areas);
    let title = i18n.tr_args(
        "plan-diff-title",
        &[("old", Arg::Num(f64::from(props.old.number))), ("new", Arg::Num(f64::from(props.new.number)))],
    );
    let items = entries.iter().map(|e| {
        let changes = e.changes.iter().map(|(label, old, new)| {
            html! {
                <li>
                    <span class="plan-diff-field">{ label.clone() }{ ": " }</span>
                    <del>{ old.clone() }</del>{ " → " }<ins>{ new.clone() }</ins>
                </li>
            }
        });
        html! {
            <li class={classes!("plan-diff-entry", format!("plan-diff-{}", e.kind))}>
                <strong>{ i18n.tr(&format!("plan-diff-{}", e.kind)) }</strong>{ ": " }
                <span class="plan-diff-subject">{ e.subject.clone() }</span>
                if !e.changes.is_empty() {
                    <ul class="plan-diff-changes">{ for changes }</ul>
                }
            </li>
        }
    });
    html! {
        <div id="plan-diff" class="plan-diff" aria-live="polite">
            <h4>{ title }</h4>
            if entries.is_empty() {
                <p id="plan-diff-none" class="empty">{ i18n.tr("plan-diff-none") }</p>
            } else {
                <ul class="plain-list plan-diff-list">{ for items }</ul>
            }
        </div>
    }
}
