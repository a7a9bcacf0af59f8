//! The evaluation form filled in from the period's visits and plan
//! progress, so the assistant edits rather than retypes: the areas worked on
//! (the plan's and the visits'), each goal of the plan in force with the
//! state of its actions and a suggested outcome, and the dated progress
//! notes of the period under each area.

use crate::evaluation::content::{AreaRatingForm, EvaluationForm, GoalOutcome, GoalReviewForm};
use crate::plan::{current_status, ActionStatus, PlanArea, PlanVersion, ProgressNote};
use crate::visit::Visit;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// What the prefill reads.
pub struct PrefillInput<'a> {
    /// The plan version in force, if there is a plan.
    pub plan: Option<&'a PlanVersion>,
    /// Every progress note of the plan (from visits and on their own).
    pub notes: &'a [ProgressNote],
    /// The family's diary entries (any period; those outside are skipped).
    pub visits: &'a [Visit],
    /// The centre's plan areas, in the order the form lists them.
    pub areas: &'a [PlanArea],
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub is_final: bool,
}

/// How the prefill words what it writes (the caller's language).
pub trait PrefillWords {
    fn action_status(&self, status: ActionStatus) -> String;
    fn date(&self, date: NaiveDate) -> String;
    /// e.g. "Kontakty w okresie: 6 (9 h 30 min)".
    fn contacts(&self, count: usize, minutes: u32) -> String;
}

/// The form for a new evaluation of the period.
pub fn prefill(input: &PrefillInput<'_>, words: &dyn PrefillWords) -> EvaluationForm {
    let in_period = |d: NaiveDate| d >= input.period_from && d <= input.period_to;
    let visits: Vec<&Visit> = input.visits.iter().filter(|v| in_period(v.date)).collect();
    let status = input.plan.map(|p| current_status(p, input.notes)).unwrap_or_default();
    let mut worked: BTreeSet<&str> = visits.iter().flat_map(|v| v.areas.iter().map(String::as_str)).collect();
    if let Some(plan) = input.plan {
        worked.extend(plan.goals.iter().map(|g| g.area.as_str()));
    }
    let notes_of_area = |area: &str| -> Vec<String> {
        let Some(plan) = input.plan else { return Vec::new() };
        let mut lines: Vec<(NaiveDate, String)> = plan
            .goals
            .iter()
            .filter(|g| g.area == area)
            .flat_map(|g| g.actions.iter())
            .flat_map(|a| {
                input
                    .notes
                    .iter()
                    .filter(move |n| n.action_id == a.id && in_period(n.date) && !n.note.trim().is_empty())
                    .map(move |n| (n.date, format!("{}: {} — {}", words.date(n.date), a.what, n.note.trim())))
            })
            .collect();
        lines.sort();
        lines.into_iter().map(|(_, l)| l).collect()
    };
    let areas = input
        .areas
        .iter()
        .filter(|a| worked.contains(a.key.as_str()))
        .map(|a| AreaRatingForm {
            area: a.key.clone(),
            rating: String::new(),
            comment: notes_of_area(&a.key).join("\n"),
        })
        .collect();
    let goals = input
        .plan
        .map(|plan| {
            plan.goals
                .iter()
                .map(|g| {
                    let states: Vec<ActionStatus> =
                        g.actions.iter().map(|a| status.get(&a.id).copied().unwrap_or(a.status)).collect();
                    let comment = g
                        .actions
                        .iter()
                        .zip(&states)
                        .map(|(a, s)| format!("{} — {}", a.what, words.action_status(*s)))
                        .collect::<Vec<_>>()
                        .join("\n");
                    GoalReviewForm {
                        goal_id: g.id.to_string(),
                        goal: g.goal.clone(),
                        outcome: suggested_outcome(&states).map(|o| o.as_str().to_owned()).unwrap_or_default(),
                        comment,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let minutes = visits.iter().map(|v| v.duration_minutes()).sum();
    EvaluationForm {
        period_from: input.period_from.to_string(),
        period_to: input.period_to.to_string(),
        is_final: input.is_final,
        areas,
        goals,
        cooperation_comment: words.contacts(visits.len(), minutes),
        recommendation: if input.is_final { "end_work".into() } else { String::new() },
        ..EvaluationForm::default()
    }
}

/// A goal whose actions are all done was achieved; one with some done or
/// under way was partly achieved; otherwise the assistant decides.
pub fn suggested_outcome(actions: &[ActionStatus]) -> Option<GoalOutcome> {
    let done = actions.iter().filter(|s| **s == ActionStatus::Done).count();
    if !actions.is_empty() && done == actions.len() {
        Some(GoalOutcome::Achieved)
    } else if done > 0 || actions.contains(&ActionStatus::InProgress) {
        Some(GoalOutcome::Partly)
    } else {
        None
    }
}

/// Where a new evaluation's period starts: the day after the previous
/// evaluation's period, or the start of the work.
pub fn next_period_start(start_of_work: NaiveDate, previous_period_to: Option<NaiveDate>) -> NaiveDate {
    previous_period_to.and_then(|d| d.succ_opt()).map_or(start_of_work, |d| d.max(start_of_work))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::EntityId;
    use crate::plan::{default_areas, Actor, PlanAction, PlanGoal};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    struct Words;
    impl PrefillWords for Words {
        fn action_status(&self, status: ActionStatus) -> String {
            status.as_str().into()
        }
        fn date(&self, date: NaiveDate) -> String {
            date.format("%d.%m.%Y").to_string()
        }
        fn contacts(&self, count: usize, minutes: u32) -> String {
            format!("{count} / {minutes}")
        }
    }

    fn action(n: u128, status: ActionStatus) -> PlanAction {
        PlanAction {
            id: EntityId(uuid::Uuid::from_u128(n)),
            what: format!("działanie {n}"),
            who: Actor::Assistant,
            deadline: None,
            expected_effect: String::new(),
            status,
        }
    }

    #[test]
    fn the_form_carries_the_plan_the_period_progress_and_the_contacts() {
        let plan = PlanVersion {
            number: 1,
            agreed_with_family_on: None,
            consultation: None,
            goals: vec![
                PlanGoal {
                    id: EntityId(uuid::Uuid::from_u128(1)),
                    area: "housing".into(),
                    goal: "Mieszkanie".into(),
                    actions: vec![action(11, ActionStatus::Planned), action(12, ActionStatus::Done)],
                },
                PlanGoal {
                    id: EntityId(uuid::Uuid::from_u128(2)),
                    area: "health_addictions".into(),
                    goal: "Zdrowie".into(),
                    actions: vec![action(21, ActionStatus::Planned)],
                },
            ],
        };
        let notes = vec![
            ProgressNote {
                action_id: action(11, ActionStatus::Done).id,
                date: d("2026-10-01"),
                note: "Złożono".into(),
                status: Some(ActionStatus::Done),
            },
            ProgressNote {
                action_id: action(11, ActionStatus::Done).id,
                date: d("2026-01-01"),
                note: "Dawno".into(),
                status: None,
            },
        ];
        let visit: Visit = serde_json::from_value(serde_json::json!({
            "date": "2026-10-01", "start": "10:00:00", "end": "11:30:00", "place": {"kind": "home"},
            "form": "home_visit", "participants": [], "other_participants": "", "areas": ["budget_debts"],
            "actions_worked": [], "notes": "", "next_planned": null, "intervention": null
        }))
        .unwrap();
        let form = prefill(
            &PrefillInput {
                plan: Some(&plan),
                notes: &notes,
                visits: &[visit],
                areas: &default_areas(),
                period_from: d("2026-06-01"),
                period_to: d("2026-11-30"),
                is_final: true,
            },
            &Words,
        );
        let keys: Vec<&str> = form.areas.iter().map(|a| a.area.as_str()).collect();
        assert!(
            keys.contains(&"housing") && keys.contains(&"health_addictions") && keys.contains(&"budget_debts"),
            "{keys:?}"
        );
        let housing = form.areas.iter().find(|a| a.area == "housing").unwrap();
        assert_eq!(housing.comment, "01.10.2026: działanie 11 — Złożono", "only the period's notes");
        assert_eq!(form.goals[0].outcome, "achieved", "both actions done by now");
        assert_eq!(form.goals[0].comment, "działanie 11 — done\ndziałanie 12 — done");
        assert_eq!(form.goals[1].outcome, "", "nothing done: the assistant decides");
        assert_eq!(form.cooperation_comment, "1 / 90");
        assert_eq!(form.recommendation, "end_work");
    }

    #[test]
    fn the_next_period_starts_after_the_last() {
        assert_eq!(next_period_start(d("2026-01-10"), None), d("2026-01-10"));
        assert_eq!(next_period_start(d("2026-01-10"), Some(d("2026-07-09"))), d("2026-07-10"));
    }
}
