//! What changed between two versions of a plan, goal by goal and action
//! by action (matched by id across the whole plan).

use super::*;

/// What changed between two versions of a plan. Goals and actions are
/// matched by id, across the whole plan: an action that moved to another
/// goal is changed, not removed and added. Order within a version is not a
/// change.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDiff {
    /// Added and changed goals in the new version's order, then removed
    /// goals in the old version's order.
    pub goals: Vec<GoalDiff>,
    /// Added and changed actions in the new version's order (including the
    /// actions of added goals), then removed actions in the old version's
    /// order (including those of removed goals).
    pub actions: Vec<ActionDiff>,
}

/// A goal that was added, removed or changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum GoalDiff {
    Added { goal_id: EntityId, area: String, goal: String },
    Removed { goal_id: EntityId, area: String, goal: String },
    Changed { goal_id: EntityId, changes: Vec<GoalFieldChange> },
}

/// One changed field of a goal, with its old and new values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum GoalFieldChange {
    Area { old: String, new: String },
    Goal { old: String, new: String },
}

/// An action that was added, removed or changed. `goal_id` is the goal the
/// action belongs to (in the new version, except for a removed action).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum ActionDiff {
    Added { goal_id: EntityId, action: PlanAction },
    Removed { goal_id: EntityId, action: PlanAction },
    Changed { goal_id: EntityId, action_id: EntityId, changes: Vec<ActionFieldChange> },
}

/// One changed field of an action, with its old and new values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum ActionFieldChange {
    /// The action moved to another goal.
    GoalId {
        old: EntityId,
        new: EntityId,
    },
    What {
        old: String,
        new: String,
    },
    Who {
        old: Actor,
        new: Actor,
    },
    Deadline {
        old: Option<NaiveDate>,
        new: Option<NaiveDate>,
    },
    ExpectedEffect {
        old: String,
        new: String,
    },
    Status {
        old: ActionStatus,
        new: ActionStatus,
    },
}

/// What changed from `old` to `new`; see [`PlanDiff`].
pub fn diff(old: &PlanVersion, new: &PlanVersion) -> PlanDiff {
    PlanDiff { goals: diff_goals(old, new), actions: diff_actions(old, new) }
}

impl PlanDiff {
    /// Whether the two versions have the same goals and actions.
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty() && self.actions.is_empty()
    }
}

impl GoalDiff {
    /// The Fluent message id that names the change, e.g. `plan-diff-goal-added`.
    pub fn message_id(&self) -> &'static str {
        match self {
            GoalDiff::Added { .. } => "plan-diff-goal-added",
            GoalDiff::Removed { .. } => "plan-diff-goal-removed",
            GoalDiff::Changed { .. } => "plan-diff-goal-changed",
        }
    }
}

impl GoalFieldChange {
    /// The Fluent message id of the changed field's label.
    pub fn message_id(&self) -> &'static str {
        match self {
            GoalFieldChange::Area { .. } => "plan-field-area",
            GoalFieldChange::Goal { .. } => "plan-field-goal",
        }
    }
}

impl ActionDiff {
    /// The Fluent message id that names the change, e.g. `plan-diff-action-removed`.
    pub fn message_id(&self) -> &'static str {
        match self {
            ActionDiff::Added { .. } => "plan-diff-action-added",
            ActionDiff::Removed { .. } => "plan-diff-action-removed",
            ActionDiff::Changed { .. } => "plan-diff-action-changed",
        }
    }
}

impl ActionFieldChange {
    /// The Fluent message id of the changed field's label.
    pub fn message_id(&self) -> &'static str {
        match self {
            ActionFieldChange::GoalId { .. } => "plan-diff-action-moved",
            ActionFieldChange::What { .. } => "plan-field-what",
            ActionFieldChange::Who { .. } => "plan-field-who",
            ActionFieldChange::Deadline { .. } => "plan-field-deadline",
            ActionFieldChange::ExpectedEffect { .. } => "plan-field-expected-effect",
            ActionFieldChange::Status { .. } => "plan-field-status",
        }
    }
}

fn diff_goals(old: &PlanVersion, new: &PlanVersion) -> Vec<GoalDiff> {
    let old_goals: BTreeMap<EntityId, &PlanGoal> = old.goals.iter().map(|g| (g.id, g)).collect();
    let new_ids: BTreeSet<EntityId> = new.goals.iter().map(|g| g.id).collect();
    let kept_or_added = new.goals.iter().filter_map(|g| match old_goals.get(&g.id) {
        None => Some(GoalDiff::Added { goal_id: g.id, area: g.area.clone(), goal: g.goal.clone() }),
        Some(o) => {
            let changes = goal_changes(o, g);
            (!changes.is_empty()).then_some(GoalDiff::Changed { goal_id: g.id, changes })
        }
    });
    let removed = old.goals.iter().filter(|g| !new_ids.contains(&g.id)).map(|g| GoalDiff::Removed {
        goal_id: g.id,
        area: g.area.clone(),
        goal: g.goal.clone(),
    });
    kept_or_added.chain(removed).collect()
}

fn goal_changes(old: &PlanGoal, new: &PlanGoal) -> Vec<GoalFieldChange> {
    let mut changes = Vec::new();
    if old.area != new.area {
        changes.push(GoalFieldChange::Area { old: old.area.clone(), new: new.area.clone() });
    }
    if old.goal != new.goal {
        changes.push(GoalFieldChange::Goal { old: old.goal.clone(), new: new.goal.clone() });
    }
    changes
}

/// Every action of a version with the id of its goal.
fn actions_with_goals(version: &PlanVersion) -> Vec<(EntityId, &PlanAction)> {
    version.goals.iter().flat_map(|g| g.actions.iter().map(move |a| (g.id, a))).collect()
}

fn diff_actions(old: &PlanVersion, new: &PlanVersion) -> Vec<ActionDiff> {
    let old_actions = actions_with_goals(old);
    let new_actions = actions_with_goals(new);
    let old_by_id: BTreeMap<EntityId, (EntityId, &PlanAction)> =
        old_actions.iter().map(|&(g, a)| (a.id, (g, a))).collect();
    let new_ids: BTreeSet<EntityId> = new_actions.iter().map(|(_, a)| a.id).collect();
    let kept_or_added = new_actions.iter().filter_map(|&(goal_id, a)| match old_by_id.get(&a.id) {
        None => Some(ActionDiff::Added { goal_id, action: a.clone() }),
        Some(&(old_goal_id, o)) => {
            let changes = action_changes((old_goal_id, o), (goal_id, a));
            (!changes.is_empty()).then_some(ActionDiff::Changed { goal_id, action_id: a.id, changes })
        }
    });
    let removed = old_actions
        .iter()
        .filter(|(_, a)| !new_ids.contains(&a.id))
        .map(|&(goal_id, a)| ActionDiff::Removed { goal_id, action: a.clone() });
    kept_or_added.chain(removed).collect()
}

fn action_changes(
    (old_goal, old): (EntityId, &PlanAction),
    (new_goal, new): (EntityId, &PlanAction),
) -> Vec<ActionFieldChange> {
    let mut changes = Vec::new();
    if old_goal != new_goal {
        changes.push(ActionFieldChange::GoalId { old: old_goal, new: new_goal });
    }
    if old.what != new.what {
        changes.push(ActionFieldChange::What { old: old.what.clone(), new: new.what.clone() });
    }
    if old.who != new.who {
        changes.push(ActionFieldChange::Who { old: old.who.clone(), new: new.who.clone() });
    }
    if old.deadline != new.deadline {
        changes.push(ActionFieldChange::Deadline { old: old.deadline, new: new.deadline });
    }
    if old.expected_effect != new.expected_effect {
        changes.push(ActionFieldChange::ExpectedEffect {
            old: old.expected_effect.clone(),
            new: new.expected_effect.clone(),
        });
    }
    if old.status != new.status {
        changes.push(ActionFieldChange::Status { old: old.status, new: new.status });
    }
    changes
}
