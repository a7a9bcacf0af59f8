//! The work plan with a family ("plan pracy z rodziną"): goals in areas of
//! the family's life and the actions that reach them. The assistant draws it
//! up with the family and in consultation with the social worker (art. 15 of
//! the Act of 9 June 2011 on supporting the family and the foster care
//! system), and revises it as the work goes on.
//!
//! A plan has numbered versions. Goals and actions keep their ids from one
//! version to the next, which is what lets [`diff`] say what changed.
//! Between versions the assistant records [`ProgressNote`]s (usually during
//! a visit); [`current_status`] folds them into the version's statuses.

use crate::ids::EntityId;
use crate::validation::{Checker, FieldError, FieldErrorCode};
use crate::workspace::MAX_NAME_CHARS;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

mod diff;
mod form;
mod progress;
pub use diff::{diff, ActionDiff, ActionFieldChange, GoalDiff, GoalFieldChange, PlanDiff};
pub(crate) use form::{check_area, format_date};
pub use form::{validate_plan_version, PlanActionForm, PlanGoalForm, PlanVersionForm};
pub use progress::{validate_progress_note, ProgressNoteForm};

/// The longest goal, action or expected effect accepted, in characters.
pub const MAX_PLAN_TEXT_CHARS: u32 = 1000;

/// An area of the family's life that a goal belongs to. The centre can edit
/// the list, so areas are data, not an enum; plans refer to them by `key`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanArea {
    /// A stable snake_case key, e.g. `care_upbringing`.
    pub key: String,
    pub name_pl: String,
    pub name_en: String,
}

/// How far an action has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    /// Given up (the reason goes in a progress note or the next version).
    Abandoned,
}

/// Who carries out an action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Actor {
    /// A member of the family.
    Member { member_id: EntityId },
    /// The family assistant.
    Assistant,
    /// A school, a clinic, a court, the social welfare centre...
    Institution { name: String },
}

/// One action of a goal: what is done, by whom, by when, and to what effect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAction {
    /// Stable across versions.
    pub id: EntityId,
    pub what: String,
    pub who: Actor,
    pub deadline: Option<NaiveDate>,
    pub expected_effect: String,
    pub status: ActionStatus,
}

/// One goal of the plan, in one area, with the actions that reach it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanGoal {
    /// Stable across versions.
    pub id: EntityId,
    /// A [`PlanArea::key`].
    pub area: String,
    pub goal: String,
    pub actions: Vec<PlanAction>,
}

/// The consultation of a plan version with the family's social worker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consultation {
    pub date: NaiveDate,
    pub social_worker: String,
}

/// The id of a family's plan record, derived from the family's id, so that
/// two devices that each draw up a family's first plan write to the same
/// record (their versions are then merged, not two plans). A UUIDv8 (custom)
/// made of the family id's bits, so it is unique as the family id is.
pub fn plan_id_for(family_id: EntityId) -> EntityId {
    let mut bytes = *family_id.0.as_bytes();
    bytes[15] ^= 0x5a;
    EntityId(uuid::Builder::from_custom_bytes(bytes).into_uuid())
}

/// One version of a family's plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanVersion {
    /// 1 for the first plan, then one more for each revision.
    pub number: u32,
    pub agreed_with_family_on: Option<NaiveDate>,
    pub consultation: Option<Consultation>,
    pub goals: Vec<PlanGoal>,
}

/// A checked plan version that has no number yet (the store gives it the
/// next one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPlanVersion {
    pub agreed_with_family_on: Option<NaiveDate>,
    pub consultation: Option<Consultation>,
    pub goals: Vec<PlanGoal>,
}

/// A dated note on an action, recorded between versions (e.g. during a
/// visit). A status, when given, says where the action stands from then on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressNote {
    pub action_id: EntityId,
    pub date: NaiveDate,
    pub note: String,
    pub status: Option<ActionStatus>,
}

/// The areas of a new workspace, in the order a form lists them.
pub fn default_areas() -> Vec<PlanArea> {
    DEFAULT_AREAS
        .iter()
        .map(|&(key, name_pl, name_en)| PlanArea { key: key.into(), name_pl: name_pl.into(), name_en: name_en.into() })
        .collect()
}

/// The status of every action of `version` once `notes` are applied. For
/// each action, the latest note with a status wins (by date; on the same
/// date, the later in `notes`). Notes dated before the version was agreed
/// with the family are ignored: the version already states the status as of
/// that day. Notes on actions the version does not have are ignored too.
pub fn current_status(version: &PlanVersion, notes: &[ProgressNote]) -> BTreeMap<EntityId, ActionStatus> {
    let mut status: BTreeMap<EntityId, ActionStatus> = version.actions().map(|a| (a.id, a.status)).collect();
    let mut noted_on: BTreeMap<EntityId, NaiveDate> = BTreeMap::new();
    let since = version.agreed_with_family_on.unwrap_or(NaiveDate::MIN);
    for note in notes.iter().filter(|n| n.date >= since) {
        let (Some(new), Some(current)) = (note.status, status.get_mut(&note.action_id)) else { continue };
        if noted_on.get(&note.action_id).is_none_or(|&latest| note.date >= latest) {
            *current = new;
            noted_on.insert(note.action_id, note.date);
        }
    }
    status
}

/// The actions whose deadline is before `today` and which are neither done
/// nor abandoned (after `notes`), in the version's order.
pub fn overdue_actions<'a>(version: &'a PlanVersion, notes: &[ProgressNote], today: NaiveDate) -> Vec<&'a PlanAction> {
    let status = current_status(version, notes);
    version
        .actions()
        .filter(|a| a.deadline.is_some_and(|deadline| deadline < today))
        .filter(|a| !status.get(&a.id).copied().unwrap_or(a.status).is_closed())
        .collect()
}

impl PlanArea {
    /// The Fluent message id of a default area's name, e.g.
    /// `area-care-upbringing`. An area the centre added has no message:
    /// show its `name_pl` or `name_en` instead.
    pub fn message_id(&self) -> String {
        format!("area-{}", self.key.replace('_', "-"))
    }
}

impl ActionStatus {
    /// Every status, in the order a form lists them.
    pub const ALL: [ActionStatus; 4] =
        [ActionStatus::Planned, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::Abandoned];

    /// The wire name, as forms send it.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Abandoned => "abandoned",
        }
    }

    /// The status named by [`ActionStatus::as_str`].
    pub fn parse(s: &str) -> Option<ActionStatus> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The Fluent message id of its name, e.g. `action-status-in-progress`.
    pub fn message_id(self) -> &'static str {
        match self {
            ActionStatus::Planned => "action-status-planned",
            ActionStatus::InProgress => "action-status-in-progress",
            ActionStatus::Done => "action-status-done",
            ActionStatus::Abandoned => "action-status-abandoned",
        }
    }

    /// Whether nothing more is expected of the action (done or abandoned).
    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Done | ActionStatus::Abandoned)
    }
}

impl Actor {
    /// The kinds of actor, as the form's `who` names them.
    pub const KINDS: [&'static str; 3] = ["member", "assistant", "institution"];

    /// The kind, as the form's `who` names it (and the serde tag).
    pub fn kind(&self) -> &'static str {
        match self {
            Actor::Member { .. } => "member",
            Actor::Assistant => "assistant",
            Actor::Institution { .. } => "institution",
        }
    }

    /// The Fluent message id of the kind's name, e.g. `action-actor-member`.
    pub fn message_id(&self) -> &'static str {
        match self {
            Actor::Member { .. } => "action-actor-member",
            Actor::Assistant => "action-actor-assistant",
            Actor::Institution { .. } => "action-actor-institution",
        }
    }
}

impl PlanVersion {
    /// Every action of every goal, in order.
    pub fn actions(&self) -> impl Iterator<Item = &PlanAction> {
        self.goals.iter().flat_map(|g| &g.actions)
    }
}

impl NewPlanVersion {
    /// The version with its number.
    pub fn into_version(self, number: u32) -> PlanVersion {
        PlanVersion {
            number,
            agreed_with_family_on: self.agreed_with_family_on,
            consultation: self.consultation,
            goals: self.goals,
        }
    }
}

/// The default areas: key, Polish name, English name. The names match the
/// `area-*` messages of plan.ftl (a test checks it).
const DEFAULT_AREAS: [(&str, &str, &str); 11] = [
    ("care_upbringing", "Opieka i wychowanie dzieci", "Care and upbringing of children"),
    ("household", "Prowadzenie gospodarstwa domowego", "Running the household"),
    ("budget_debts", "Budżet i zadłużenie", "Budget and debts"),
    ("employment_education", "Zatrudnienie i edukacja", "Employment and education"),
    ("health_addictions", "Zdrowie i uzależnienia", "Health and addictions"),
    ("housing", "Sytuacja mieszkaniowa", "Housing"),
    ("school_development", "Szkoła i rozwój dzieci", "School and children's development"),
    ("family_relations", "Relacje rodzinne", "Family relations"),
    ("safety", "Bezpieczeństwo", "Safety"),
    ("official_matters", "Sprawy urzędowe", "Official matters"),
    ("free_time", "Czas wolny", "Free time"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> EntityId {
        EntityId(uuid::Uuid::from_u128(n))
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn action(n: u128, what: &str) -> PlanAction {
        PlanAction {
            id: id(n),
            what: what.into(),
            who: Actor::Assistant,
            deadline: None,
            expected_effect: "Efekt".into(),
            status: ActionStatus::Planned,
        }
    }

    fn goal(n: u128, area: &str, text: &str, actions: Vec<PlanAction>) -> PlanGoal {
        PlanGoal { id: id(n), area: area.into(), goal: text.into(), actions }
    }

    /// Goals 1 and 2; actions 11 and 12 in goal 1, 21 in goal 2.
    fn plan() -> PlanVersion {
        PlanVersion {
            number: 1,
            agreed_with_family_on: Some(d("2026-01-10")),
            consultation: Some(Consultation { date: d("2026-01-08"), social_worker: "Ewa Nowak".into() }),
            goals: vec![
                goal(
                    1,
                    "housing",
                    "Rodzina ma stałe mieszkanie",
                    vec![
                        PlanAction { deadline: Some(d("2026-02-01")), ..action(11, "Złożyć wniosek o lokal") },
                        action(12, "Spłacić zaległy czynsz"),
                    ],
                ),
                goal(2, "school_development", "Kuba chodzi do szkoły", vec![action(21, "Spotkanie z wychowawcą")]),
            ],
        }
    }

    fn goal_mut(v: &mut PlanVersion, n: u128) -> &mut PlanGoal {
        v.goals.iter_mut().find(|g| g.id == id(n)).unwrap()
    }

    fn action_mut(v: &mut PlanVersion, n: u128) -> &mut PlanAction {
        v.goals.iter_mut().flat_map(|g| &mut g.actions).find(|a| a.id == id(n)).unwrap()
    }

    /// The diff as short lines, with ids as the numbers the fixtures use.
    fn render(diff: &PlanDiff) -> Vec<String> {
        let n = |id: &EntityId| id.0.as_u128();
        let goals = diff.goals.iter().map(|g| match g {
            GoalDiff::Added { goal_id, area, goal } => format!("goal {} added: {area}: {goal}", n(goal_id)),
            GoalDiff::Removed { goal_id, .. } => format!("goal {} removed", n(goal_id)),
            GoalDiff::Changed { goal_id, changes } => {
                let fields: Vec<_> = changes.iter().map(|c| format!("{c:?}")).collect();
                format!("goal {} changed: {}", n(goal_id), fields.join("; "))
            }
        });
        let actions = diff.actions.iter().map(|a| match a {
            ActionDiff::Added { goal_id, action } => format!("action {} added to goal {}", n(&action.id), n(goal_id)),
            ActionDiff::Removed { goal_id, action } => {
                format!("action {} removed from goal {}", n(&action.id), n(goal_id))
            }
            ActionDiff::Changed { goal_id, action_id, changes } => {
                let fields: Vec<_> = changes
                    .iter()
                    .map(|c| match c {
                        ActionFieldChange::GoalId { old, new } => format!("moved from goal {} to {}", n(old), n(new)),
                        c => format!("{c:?}"),
                    })
                    .collect();
                format!("action {} in goal {} changed: {}", n(action_id), n(goal_id), fields.join("; "))
            }
        });
        goals.chain(actions).collect()
    }

    #[track_caller]
    fn check_diff(edit: impl FnOnce(&mut PlanVersion), expected: &[&str]) {
        let old = plan();
        let mut new = PlanVersion { number: 2, agreed_with_family_on: Some(d("2026-03-01")), ..plan() };
        edit(&mut new);
        let diff = diff(&old, &new);
        assert_eq!(render(&diff), expected);
        assert_eq!(diff.is_empty(), expected.is_empty());
    }

    #[test]
    fn diff_lists_what_changed_between_versions() {
        check_diff(|_| {}, &[]);
        check_diff(|v| v.goals.reverse(), &[]);
        check_diff(|v| goal_mut(v, 1).actions.reverse(), &[]);
        check_diff(
            |v| goal_mut(v, 2).goal = "Kuba chodzi do szkoły co dzień".into(),
            &[r#"goal 2 changed: Goal { old: "Kuba chodzi do szkoły", new: "Kuba chodzi do szkoły co dzień" }"#],
        );
        check_diff(
            |v| goal_mut(v, 1).area = "budget_debts".into(),
            &[r#"goal 1 changed: Area { old: "housing", new: "budget_debts" }"#],
        );
        check_diff(
            |v| v.goals.push(goal(3, "safety", "Dzieci są bezpieczne", vec![action(31, "Plan bezpieczeństwa")])),
            &["goal 3 added: safety: Dzieci są bezpieczne", "action 31 added to goal 3"],
        );
        check_diff(
            |v| {
                v.goals.remove(0);
            },
            &["goal 1 removed", "action 11 removed from goal 1", "action 12 removed from goal 1"],
        );
        check_diff(
            |v| {
                goal_mut(v, 1).actions.remove(1);
                goal_mut(v, 1).actions.push(action(13, "Wniosek o dodatek mieszkaniowy"));
            },
            &["action 13 added to goal 1", "action 12 removed from goal 1"],
        );
    }

    #[test]
    fn diff_gives_old_and_new_values_of_changed_action_fields() {
        check_diff(
            |v| {
                let a = action_mut(v, 11);
                a.status = ActionStatus::Done;
                a.deadline = None;
            },
            &["action 11 in goal 1 changed: Deadline { old: Some(2026-02-01), new: None }; \
               Status { old: Planned, new: Done }"],
        );
        check_diff(
            |v| {
                let a = action_mut(v, 12);
                a.what = "Spłacić czynsz w ratach".into();
                a.who = Actor::Institution { name: "MOPS".into() };
                a.expected_effect = "Brak zaległości".into();
            },
            &[concat!(
                r#"action 12 in goal 1 changed: What { old: "Spłacić zaległy czynsz", new: "Spłacić czynsz w ratach" }; "#,
                r#"Who { old: Assistant, new: Institution { name: "MOPS" } }; "#,
                r#"ExpectedEffect { old: "Efekt", new: "Brak zaległości" }"#
            )],
        );
        check_diff(
            |v| {
                let moved = goal_mut(v, 1).actions.remove(1);
                goal_mut(v, 2).actions.push(moved);
            },
            &["action 12 in goal 2 changed: moved from goal 1 to 2"],
        );
    }

    #[track_caller]
    fn check_status(notes: &[(u128, &str, Option<ActionStatus>)], expected: &[(u128, ActionStatus)]) {
        let notes: Vec<ProgressNote> = notes
            .iter()
            .map(|&(n, date, status)| ProgressNote { action_id: id(n), date: d(date), note: "…".into(), status })
            .collect();
        let status = current_status(&plan(), &notes);
        let expected: BTreeMap<EntityId, ActionStatus> = expected.iter().map(|&(n, s)| (id(n), s)).collect();
        assert_eq!(status, expected);
    }

    #[test]
    fn the_latest_note_with_a_status_wins() {
        use ActionStatus::*;
        let unchanged = [(11, Planned), (12, Planned), (21, Planned)];
        check_status(&[], &unchanged);
        check_status(&[(11, "2026-02-01", None)], &unchanged);
        check_status(&[(99, "2026-02-01", Some(Done))], &unchanged);
        check_status(&[(11, "2026-01-09", Some(Done))], &unchanged);
        check_status(&[(11, "2026-01-10", Some(InProgress))], &[(11, InProgress), (12, Planned), (21, Planned)]);
        check_status(
            &[(11, "2026-02-05", Some(Done)), (11, "2026-02-01", Some(InProgress)), (11, "2026-02-09", None)],
            &[(11, Done), (12, Planned), (21, Planned)],
        );
        check_status(
            &[(12, "2026-02-05", Some(Done)), (12, "2026-02-05", Some(Abandoned)), (21, "2026-02-05", Some(Done))],
            &[(11, Planned), (12, Abandoned), (21, Done)],
        );
    }

    #[track_caller]
    fn check_overdue(today: &str, notes: &[(u128, ActionStatus)], expected: &[u128]) {
        let mut version = plan();
        action_mut(&mut version, 21).deadline = Some(d("2026-01-20"));
        let notes: Vec<ProgressNote> = notes
            .iter()
            .map(|&(n, s)| ProgressNote {
                action_id: id(n),
                date: d("2026-01-15"),
                note: String::new(),
                status: Some(s),
            })
            .collect();
        let overdue: Vec<u128> = overdue_actions(&version, &notes, d(today)).iter().map(|a| a.id.0.as_u128()).collect();
        assert_eq!(overdue, expected);
    }

    #[test]
    fn actions_past_their_deadline_and_still_open_are_overdue() {
        use ActionStatus::*;
        check_overdue("2026-01-20", &[], &[]);
        check_overdue("2026-01-21", &[], &[21]);
        check_overdue("2026-02-02", &[], &[11, 21]);
        check_overdue("2026-02-02", &[(11, InProgress)], &[11, 21]);
        check_overdue("2026-02-02", &[(11, Done), (21, Abandoned)], &[]);
    }

    fn counter_ids() -> impl FnMut() -> EntityId {
        let mut next = 100;
        move || {
            next += 1;
            id(next)
        }
    }

    fn member() -> EntityId {
        id(500)
    }

    fn action_form(what: &str) -> PlanActionForm {
        PlanActionForm {
            what: what.into(),
            who: "member".into(),
            who_member_id: member().to_string(),
            expected_effect: "Efekt".into(),
            ..Default::default()
        }
    }

    fn goal_form(area: &str, actions: Vec<PlanActionForm>) -> PlanGoalForm {
        PlanGoalForm { area: area.into(), goal: "Cel".into(), actions, ..Default::default() }
    }

    #[track_caller]
    fn check_errors(form: PlanVersionForm, expected: &[(&str, FieldErrorCode)]) {
        let errors =
            validate_plan_version(&form, &[member()], &default_areas(), d("2026-03-01"), counter_ids()).unwrap_err();
        let got: Vec<(&str, FieldErrorCode)> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn a_valid_form_gives_a_plan_with_new_ids_where_none_were() {
        let form = PlanVersionForm {
            agreed_with_family_on: "2026-02-27".into(),
            goals: vec![
                PlanGoalForm {
                    id: Some(id(1)),
                    goal: "  Rodzina ma  stałe mieszkanie ".into(),
                    ..goal_form(
                        "housing",
                        vec![PlanActionForm { deadline: "2026-04-30".into(), ..action_form("Wniosek") }],
                    )
                },
                goal_form(
                    "safety",
                    vec![PlanActionForm {
                        id: Some(id(1)),
                        who: "institution".into(),
                        who_institution: "Szkoła Podstawowa nr 3".into(),
                        status: "in_progress".into(),
                        ..action_form("Rozmowa z pedagogiem")
                    }],
                ),
            ],
            ..Default::default()
        };
        let plan = validate_plan_version(&form, &[member()], &default_areas(), d("2026-03-01"), counter_ids()).unwrap();
        let expected = NewPlanVersion {
            agreed_with_family_on: Some(d("2026-02-27")),
            consultation: None,
            goals: vec![
                PlanGoal {
                    id: id(1),
                    area: "housing".into(),
                    goal: "Rodzina ma stałe mieszkanie".into(),
                    actions: vec![PlanAction {
                        id: id(101),
                        what: "Wniosek".into(),
                        who: Actor::Member { member_id: member() },
                        deadline: Some(d("2026-04-30")),
                        expected_effect: "Efekt".into(),
                        status: ActionStatus::Planned,
                    }],
                },
                PlanGoal {
                    id: id(102),
                    area: "safety".into(),
                    goal: "Cel".into(),
                    actions: vec![PlanAction {
                        id: id(103),
                        what: "Rozmowa z pedagogiem".into(),
                        who: Actor::Institution { name: "Szkoła Podstawowa nr 3".into() },
                        deadline: None,
                        expected_effect: "Efekt".into(),
                        status: ActionStatus::InProgress,
                    }],
                },
            ],
        };
        assert_eq!(plan, expected, "id 1 is used once; the copy gets a new id");
    }

    #[test]
    fn a_version_survives_its_form_unchanged() {
        let version = plan();
        let form = PlanVersionForm::from_version(&version);
        let again = validate_plan_version(&form, &[], &default_areas(), d("2026-03-01"), counter_ids()).unwrap();
        assert_eq!(again.into_version(1), version);
        let next = PlanVersionForm::next_from(&version);
        assert_eq!((next.agreed_with_family_on.as_str(), next.consultation_date.as_str()), ("", ""));
    }

    #[test]
    fn errors_name_the_goal_and_action_they_belong_to() {
        use FieldErrorCode::*;
        check_errors(PlanVersionForm::default(), &[("goals", Required)]);
        check_errors(
            PlanVersionForm {
                goals: vec![goal_form("", vec![]), goal_form("no_such_area", vec![])],
                ..Default::default()
            },
            &[
                ("goals[0].area", Required),
                ("goals[0].actions", Required),
                ("goals[1].area", NotInList),
                ("goals[1].actions", Required),
            ],
        );
        let bad_actions = vec![
            PlanActionForm { what: " ".into(), expected_effect: String::new(), ..action_form("") },
            PlanActionForm { who: String::new(), deadline: "2026-02-30".into(), ..action_form("A") },
            PlanActionForm { who_member_id: id(501).to_string(), status: "finished".into(), ..action_form("B") },
            PlanActionForm { who_member_id: "Jan".into(), ..action_form("C") },
            PlanActionForm { who: "neighbour".into(), ..action_form("D") },
            PlanActionForm { who: "institution".into(), ..action_form("E") },
        ];
        check_errors(
            PlanVersionForm { goals: vec![goal_form("housing", bad_actions)], ..Default::default() },
            &[
                ("goals[0].actions[0].what", Required),
                ("goals[0].actions[0].expected_effect", Required),
                ("goals[0].actions[1].who", Required),
                ("goals[0].actions[1].deadline", InvalidDate),
                ("goals[0].actions[2].who_member_id", NotInList),
                ("goals[0].actions[2].status", NotInList),
                ("goals[0].actions[3].who_member_id", NotInList),
                ("goals[0].actions[4].who", NotInList),
                ("goals[0].actions[5].who_institution", Required),
            ],
        );
    }

    #[test]
    fn agreement_and_consultation_dates_are_in_the_past() {
        use FieldErrorCode::*;
        let goals = vec![goal_form("housing", vec![action_form("A")])];
        check_errors(
            PlanVersionForm {
                agreed_with_family_on: "2026-03-02".into(),
                consultation_social_worker: "Ewa Nowak".into(),
                goals: goals.clone(),
                ..Default::default()
            },
            &[("agreed_with_family_on", DateInFuture), ("consultation_date", Required)],
        );
        check_errors(
            PlanVersionForm { consultation_date: "2026-03-05".into(), goals, ..Default::default() },
            &[("consultation_date", DateInFuture), ("consultation_social_worker", Required)],
        );
    }

    #[test]
    fn goals_without_actions_carry_an_explanation() {
        let form = PlanVersionForm { goals: vec![goal_form("housing", vec![])], ..Default::default() };
        let errors = validate_plan_version(&form, &[], &default_areas(), d("2026-03-01"), counter_ids()).unwrap_err();
        assert_eq!(errors[0].message_id(), "plan-error-goal-without-actions");
    }

    #[test]
    fn plan_wire_format_is_stable() {
        let version = PlanVersion {
            number: 2,
            agreed_with_family_on: Some(d("2026-01-10")),
            consultation: None,
            goals: vec![goal(
                1,
                "housing",
                "Mieszkanie",
                vec![PlanAction {
                    who: Actor::Member { member_id: id(5) },
                    status: ActionStatus::InProgress,
                    ..action(11, "Wniosek")
                }],
            )],
        };
        let json = concat!(
            r#"{"number":2,"agreed_with_family_on":"2026-01-10","consultation":null,"goals":[{"#,
            r#""id":"00000000-0000-0000-0000-000000000001","area":"housing","goal":"Mieszkanie","actions":[{"#,
            r#""id":"00000000-0000-0000-0000-00000000000b","what":"Wniosek","#,
            r#""who":{"kind":"member","member_id":"00000000-0000-0000-0000-000000000005"},"#,
            r#""deadline":null,"expected_effect":"Efekt","status":"in_progress"}]}]}"#
        );
        assert_eq!(serde_json::to_string(&version).unwrap(), json);
        assert_eq!(serde_json::from_str::<PlanVersion>(json).unwrap(), version);
        let change = ActionFieldChange::Status { old: ActionStatus::Planned, new: ActionStatus::Done };
        assert_eq!(serde_json::to_string(&change).unwrap(), r#"{"field":"status","old":"planned","new":"done"}"#);
    }

    #[test]
    fn names_round_trip() {
        for s in ActionStatus::ALL {
            assert_eq!(ActionStatus::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for actor in [Actor::Member { member_id: id(1) }, Actor::Assistant, Actor::Institution { name: "X".into() }] {
            assert_eq!(serde_json::to_value(&actor).unwrap()["kind"], actor.kind());
            assert!(Actor::KINDS.contains(&actor.kind()));
        }
    }

    /// Every message id of plan.ftl in one locale, with its text when it
    /// fits on one line.
    fn ftl_messages(source: &str) -> BTreeMap<String, String> {
        source
            .lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|line| line.split_once('='))
            .map(|(id, text)| (id.trim().to_owned(), text.trim().to_owned()))
            .collect()
    }

    const PL_FTL: &str = include_str!("../../../assets/locales/pl/plan.ftl");
    const EN_FTL: &str = include_str!("../../../assets/locales/en/plan.ftl");

    /// Every message id the plan, visit and alert types name.
    fn message_ids_in_code() -> Vec<String> {
        use crate::alerts::Alert;
        use crate::visit::{ContactForm, InterventionStep, Place};
        let area_ids = default_areas().iter().map(PlanArea::message_id).collect::<Vec<_>>();
        let actors = [Actor::Member { member_id: id(1) }, Actor::Assistant, Actor::Institution { name: "X".into() }];
        let places = Place::KINDS.iter().map(|&k| Place::from_kind(k, String::new()).unwrap()).collect::<Vec<_>>();
        let s = String::new;
        let alerts = [
            Alert::NoVisit { family_id: id(1), family_name: s(), days_since: Some(20) },
            Alert::NoVisit { family_id: id(1), family_name: s(), days_since: None },
            Alert::ActionOverdue {
                family_id: id(1),
                family_name: s(),
                action_id: id(2),
                what: s(),
                deadline: d("2026-01-01"),
                days_overdue: 3,
            },
        ];
        let statics = ActionStatus::ALL
            .iter()
            .map(|s| s.message_id())
            .chain(actors.iter().map(Actor::message_id))
            .chain(places.iter().map(Place::message_id))
            .chain(ContactForm::ALL.iter().map(|f| f.message_id()))
            .chain(InterventionStep::ALL.iter().map(|f| f.message_id()))
            .chain([
                GoalDiff::Added { goal_id: id(1), area: s(), goal: s() }.message_id(),
                GoalDiff::Removed { goal_id: id(1), area: s(), goal: s() }.message_id(),
                GoalDiff::Changed { goal_id: id(1), changes: vec![] }.message_id(),
                GoalFieldChange::Area { old: s(), new: s() }.message_id(),
                GoalFieldChange::Goal { old: s(), new: s() }.message_id(),
                ActionDiff::Added { goal_id: id(1), action: action(1, "") }.message_id(),
                ActionDiff::Removed { goal_id: id(1), action: action(1, "") }.message_id(),
                ActionDiff::Changed { goal_id: id(1), action_id: id(1), changes: vec![] }.message_id(),
                ActionFieldChange::GoalId { old: id(1), new: id(2) }.message_id(),
                ActionFieldChange::What { old: s(), new: s() }.message_id(),
                ActionFieldChange::Who { old: Actor::Assistant, new: Actor::Assistant }.message_id(),
                ActionFieldChange::Deadline { old: None, new: None }.message_id(),
                ActionFieldChange::ExpectedEffect { old: s(), new: s() }.message_id(),
                ActionFieldChange::Status { old: ActionStatus::Done, new: ActionStatus::Done }.message_id(),
                "plan-error-no-goals",
                "plan-error-goal-without-actions",
            ])
            .chain(alerts.iter().map(Alert::message_id))
            .chain(["visit-error-next-planned-not-after", "intervention-error-no-steps"])
            .map(str::to_owned);
        area_ids.into_iter().chain(statics).collect()
    }

    #[test]
    fn plan_ftl_labels_everything_the_code_names_in_both_locales() {
        let (pl, en) = (ftl_messages(PL_FTL), ftl_messages(EN_FTL));
        assert_eq!(pl.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>(), "pl and en differ");
        for id in message_ids_in_code() {
            assert!(pl.contains_key(&id), "plan.ftl lacks {id}");
        }
        for area in default_areas() {
            assert_eq!(pl[&area.message_id()], area.name_pl);
            assert_eq!(en[&area.message_id()], area.name_en);
        }
    }
}
