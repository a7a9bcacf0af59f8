//! The centre's home screen: per assistant, each figure with the families
//! behind it, "as of" the last bundle received from them.

use super::approval::median_days;
use super::assignment::{highest_caseload, CaseloadFacts};
use super::facts::{CaseFacts, VisitFacts};
use super::{AssigneeRef, AssistantView};
use crate::evaluation::DueState;
use crate::ids::EntityId;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A figure and the families behind it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub count: u32,
    pub families: Vec<EntityId>,
}

impl Figure {
    fn of<'a>(cases: impl Iterator<Item = &'a CaseFacts>) -> Figure {
        let families: Vec<EntityId> = cases.map(|c| c.family_id).collect();
        Figure { count: families.len() as u32, families }
    }
}

/// A family and the days since its last contact (`None`: never).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SinceLastVisit {
    pub family_id: EntityId,
    pub name: String,
    pub days: Option<i64>,
}

/// One month of contacts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthActivity {
    /// `2026-11`.
    pub month: String,
    pub contacts: u32,
    pub minutes: u32,
    /// Contacts by form (`home_visit`, `phone`, …).
    pub by_form: BTreeMap<String, u32>,
}

/// Closings by reason.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Closings {
    /// Per reason key, the families.
    pub by_reason: BTreeMap<String, Figure>,
    pub total: u32,
    /// The share closed because the plan's goals were achieved (0–1).
    pub goals_achieved_share: Option<f64>,
}

/// One assistant's column of the dashboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssistantFigures {
    pub assistant_id: EntityId,
    pub name: String,
    /// When the last bundle from their laptop was received (Unix ms).
    pub data_as_of_ms: Option<u64>,
    /// Active families now, against `cap` (the families: `active`).
    pub active_families: u32,
    pub active: Figure,
    pub cap: u32,
    /// The highest caseload ever, and the first day it was reached.
    pub highest_caseload: u32,
    pub highest_on: Option<NaiveDate>,
    /// Whether the cap was ever exceeded.
    pub breach_in_past: bool,
    pub since_last_visit: Vec<SinceLastVisit>,
    /// Active families without a contact for longer than the centre's
    /// setting.
    pub no_recent_visit: Figure,
    pub overdue_actions: Figure,
    pub evaluations_due: Figure,
    pub evaluations_overdue: Figure,
    pub plans_missing: Figure,
    pub plans_incomplete: Figure,
    pub plans_unconsulted: Figure,
    pub awaiting_decision: Figure,
    pub comments_awaiting_centre: Figure,
    pub comments_awaiting_assistant: Figure,
    pub conflicts: Figure,
    pub late_edits: Figure,
    pub held_back_events: u32,
    pub court_ordered: Figure,
    /// The last twelve months, oldest first.
    pub months: Vec<MonthActivity>,
    pub closings: Closings,
    /// Median days from submission to decision.
    pub decision_days_median: Option<f64>,
}

/// The whole dashboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub on: NaiveDate,
    pub assistants: Vec<AssistantFigures>,
    pub waiting: Figure,
    pub pending_transfers: Figure,
    pub open_duplicates: u32,
    pub closings: Closings,
    pub decision_days_median: Option<f64>,
}

/// What the dashboard needs besides the facts.
pub struct DashboardInput<'a> {
    pub on: NaiveDate,
    pub cap: u32,
    pub no_visit_days: u32,
    pub assistants: &'a [AssistantView],
    /// Per assistant id, when their last bundle arrived and how many of
    /// their events wait behind a gap.
    pub bundles: &'a BTreeMap<EntityId, (Option<u64>, u32)>,
    pub same: &'a dyn Fn(&AssistantView, &AssigneeRef) -> bool,
    pub pending_transfers: Vec<EntityId>,
    pub open_duplicates: u32,
}

fn closings<'a>(cases: impl Iterator<Item = &'a CaseFacts>) -> Closings {
    let mut out = Closings::default();
    for case in cases.filter(|c| c.ended_on.is_some()) {
        let key = case.end_reason.clone().unwrap_or_else(|| "other".into());
        let figure = out.by_reason.entry(key).or_default();
        figure.count += 1;
        figure.families.push(case.family_id);
        out.total += 1;
    }
    if out.total > 0 {
        let achieved = out.by_reason.get("goals_achieved").map_or(0, |f| f.count);
        out.goals_achieved_share = Some(f64::from(achieved) / f64::from(out.total));
    }
    out
}

fn months(on: NaiveDate, visits: &[&VisitFacts]) -> Vec<MonthActivity> {
    let mut by_month: BTreeMap<(i32, u32), MonthActivity> = BTreeMap::new();
    let mut month = NaiveDate::from_ymd_opt(on.year(), on.month(), 1).expect("a first day");
    for _ in 0..12 {
        let label = format!("{:04}-{:02}", month.year(), month.month());
        by_month.insert((month.year(), month.month()), MonthActivity { month: label, ..MonthActivity::default() });
        month = month.checked_sub_months(chrono::Months::new(1)).expect("a month");
    }
    for v in visits {
        if let Some(m) = by_month.get_mut(&(v.date.year(), v.date.month())) {
            m.contacts += 1;
            m.minutes += v.minutes;
            match m.by_form.get_mut(&v.form) {
                Some(n) => *n += 1,
                None => {
                    m.by_form.insert(v.form.clone(), 1);
                }
            }
        }
    }
    by_month.into_values().collect()
}

/// The dashboard on `input.on`.
pub fn dashboard(cases: &[CaseFacts], visits: &[VisitFacts], input: DashboardInput<'_>) -> Dashboard {
    let on = input.on;
    let mut columns = Vec::new();
    // Each contact with whoever worked with the family on its day, once.
    let by_id: std::collections::HashMap<EntityId, &CaseFacts> = cases.iter().map(|c| (c.family_id, c)).collect();
    // Whose register entries each worker is, decided once per assignment
    // row (a few hundred) rather than once per contact and assistant.
    let mut entries_of: std::collections::HashMap<*const AssigneeRef, Vec<usize>> = std::collections::HashMap::new();
    let mut contacts_of: Vec<Vec<&VisitFacts>> = vec![Vec::new(); input.assistants.len()];
    for v in visits {
        let Some(who) = by_id.get(&v.family_id).and_then(|c| c.worker_on(v.date)) else { continue };
        let entries = entries_of.entry(std::ptr::from_ref(who)).or_insert_with(|| {
            input.assistants.iter().enumerate().filter(|(_, view)| (input.same)(view, who)).map(|(i, _)| i).collect()
        });
        for &i in entries.iter() {
            contacts_of[i].push(v);
        }
    }
    for (index, view) in input.assistants.iter().enumerate() {
        let same = |a: &AssigneeRef| (input.same)(view, a);
        let theirs: Vec<&CaseFacts> =
            cases.iter().filter(|c| !c.merged && c.rows.iter().any(|r| same(&r.assistant))).collect();
        let current: Vec<&CaseFacts> = theirs
            .iter()
            .copied()
            .filter(|c| c.is_active() && c.rows.last().is_some_and(|r| same(&r.assistant)))
            .collect();
        let caseload: Vec<CaseloadFacts> = theirs
            .iter()
            .map(|c| CaseloadFacts { family_id: c.family_id, rows: &c.rows, ended_on: c.ended_on })
            .collect();
        let (highest, highest_on) = highest_caseload(&caseload, same);
        let their_visits = &contacts_of[index];
        let (as_of, held) = input.bundles.get(&view.id).copied().unwrap_or((None, 0));
        let pick = |f: &dyn Fn(&CaseFacts) -> bool| Figure::of(current.iter().copied().filter(|c| f(c)));
        let no_visit_days = i64::from(input.no_visit_days);
        let mut since: Vec<SinceLastVisit> = current
            .iter()
            .map(|c| SinceLastVisit {
                family_id: c.family_id,
                name: c.name.clone(),
                days: c.last_visit.map(|l| (on - l).num_days()),
            })
            .collect();
        since.sort_by_key(|s| std::cmp::Reverse(s.days.unwrap_or(i64::MAX)));
        let ended_theirs = theirs.iter().copied().filter(|c| c.rows.last().is_some_and(|r| same(&r.assistant)));
        let decision_days: Vec<i64> = theirs.iter().flat_map(|c| c.decision_days.iter().copied()).collect();
        columns.push(AssistantFigures {
            assistant_id: view.id,
            name: view.entry.name.clone(),
            data_as_of_ms: as_of,
            active_families: current.len() as u32,
            active: Figure::of(current.iter().copied()),
            cap: input.cap,
            highest_caseload: highest,
            highest_on,
            breach_in_past: highest > input.cap,
            since_last_visit: since,
            no_recent_visit: pick(&|c| c.last_visit.is_none_or(|l| (on - l).num_days() > no_visit_days)),
            overdue_actions: pick(&|c| c.overdue_actions > 0),
            evaluations_due: pick(&|c| matches!(c.evaluation_due, Some(DueState::DueSoon { .. }))),
            evaluations_overdue: pick(&|c| matches!(c.evaluation_due, Some(DueState::Overdue { .. }))),
            plans_missing: pick(&|c| c.plan.is_none()),
            plans_incomplete: pick(&|c| c.plan.is_some_and(|p| p.incomplete)),
            plans_unconsulted: pick(&|c| c.plan.is_some_and(|p| p.unconsulted)),
            awaiting_decision: Figure::of(theirs.iter().copied().filter(|c| c.awaiting_decision > 0)),
            comments_awaiting_centre: Figure::of(theirs.iter().copied().filter(|c| c.comments_awaiting_centre > 0)),
            comments_awaiting_assistant: Figure::of(
                theirs.iter().copied().filter(|c| c.comments_awaiting_assistant > 0),
            ),
            conflicts: Figure::of(theirs.iter().copied().filter(|c| c.conflicts > 0)),
            late_edits: Figure::of(theirs.iter().copied().filter(|c| c.late_edits > 0)),
            held_back_events: held,
            court_ordered: pick(&|c| c.court_ordered),
            months: months(on, their_visits),
            closings: closings(ended_theirs),
            decision_days_median: median_days(decision_days),
        });
    }
    let all_days: Vec<i64> = cases.iter().flat_map(|c| c.decision_days.iter().copied()).collect();
    Dashboard {
        on,
        assistants: columns,
        waiting: Figure::of(cases.iter().filter(|c| c.waiting_on(on))),
        pending_transfers: Figure { count: input.pending_transfers.len() as u32, families: input.pending_transfers },
        open_duplicates: input.open_duplicates,
        closings: closings(cases.iter().filter(|c| !c.merged)),
        decision_days_median: median_days(all_days),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::centre::assignment::AssignmentRow;
    use crate::centre::AssistantEntry;
    use crate::record::FamilyStatus;
    use uuid::Uuid;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn who(n: u128) -> AssigneeRef {
        AssigneeRef {
            assistant_id: EntityId(Uuid::from_u128(n)),
            name: format!("A{n}"),
            user_id: None,
            devices: vec![],
        }
    }

    fn view(n: u128) -> AssistantView {
        AssistantView {
            id: EntityId(Uuid::from_u128(n)),
            entry: AssistantEntry {
                name: format!("A{n}"),
                employment: None,
                from: None,
                to: None,
                fte_thousandths: None,
                user_id: None,
                devices: vec![],
            },
            registered: true,
            active_families: 0,
            cap: 2,
        }
    }

    fn case(n: u128, assistant: u128, from: &str, last_visit: Option<&str>) -> CaseFacts {
        CaseFacts {
            family_id: EntityId(Uuid::from_u128(n)),
            name: format!("F{n}"),
            status: FamilyStatus::Active,
            rows: vec![AssignmentRow {
                event_id: None,
                assistant: who(assistant),
                from: d(from),
                until: None,
                transfer_from: None,
                handed_over_on: None,
            }],
            started_on: Some(d(from)),
            last_visit: last_visit.map(d),
            ..CaseFacts::default()
        }
    }

    #[test]
    fn each_assistant_has_their_families_figures_and_a_past_breach_shows() {
        let mut ended = case(3, 1, "2026-01-03", None);
        ended.status = FamilyStatus::Closed;
        ended.ended_on = Some(d("2026-03-01"));
        ended.end_reason = Some("goals_achieved".into());
        let cases = [
            case(1, 1, "2026-01-01", Some("2026-11-30")),
            case(2, 1, "2026-01-02", None),
            ended,
            case(4, 2, "2026-02-01", Some("2026-10-01")),
        ];
        let visits = [
            VisitFacts {
                family_id: EntityId(Uuid::from_u128(1)),
                date: d("2026-11-30"),
                minutes: 90,
                form: "home_visit".into(),
            },
            VisitFacts {
                family_id: EntityId(Uuid::from_u128(4)),
                date: d("2026-10-01"),
                minutes: 30,
                form: "phone".into(),
            },
        ];
        let views = [view(1), view(2)];
        let bundles = BTreeMap::new();
        let same = |v: &AssistantView, a: &AssigneeRef| v.id == a.assistant_id;
        let board = dashboard(
            &cases,
            &visits,
            DashboardInput {
                on: d("2026-12-07"),
                cap: 2,
                no_visit_days: 14,
                assistants: &views,
                bundles: &bundles,
                same: &same,
                pending_transfers: vec![],
                open_duplicates: 0,
            },
        );
        let first = &board.assistants[0];
        assert_eq!((first.active_families, first.active.count), (2, 2));
        assert_eq!((first.highest_caseload, first.breach_in_past), (3, true), "three at once in January");
        assert_eq!(first.no_recent_visit.families, [EntityId(Uuid::from_u128(2))]);
        assert_eq!(first.since_last_visit[0].days, None, "never visited first");
        assert_eq!(first.closings.goals_achieved_share, Some(1.0));
        assert_eq!(first.months.len(), 12);
        assert_eq!((first.months[10].month.as_str(), first.months[10].minutes), ("2026-11", 90));
        assert_eq!(first.months[11].month, "2026-12", "the month of the day last");
        assert_eq!(board.assistants[1].months[9].by_form.get("phone"), Some(&1));
        assert_eq!(board.assistants[1].active_families, 1);
    }
}
