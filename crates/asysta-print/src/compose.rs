//! The documents composed from a case as the store gives it
//! (`asysta_core::api::FamilyCase`): names resolved, labels in Polish (the
//! papers a centre files are Polish whatever the app's language). The CLI
//! and the desktop shell both print through these.
//!
//! Restricted notes are never read here: no document takes the case's
//! notes.

use crate::model::*;
use asysta_core::api::FamilyCase;
use asysta_core::evaluation::{EvaluationStatus, RatingLevel};
use asysta_core::plan::{current_status, Actor, PlanArea};
use asysta_core::visit::{Place, Visit};
use asysta_core::EntityId;
use asysta_i18n::{Locale, Translator};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// Who prints, for whom, and when: the page header of every document.
#[derive(Clone, Debug)]
pub struct Letterhead {
    pub centre_name: String,
    pub assistant_name: String,
    pub today: NaiveDate,
}

/// Polish labels for the printed papers.
pub struct Labels {
    t: Translator,
    areas: Vec<PlanArea>,
}

impl Labels {
    pub fn new(areas: Vec<PlanArea>) -> Labels {
        Labels { t: Translator::new(Locale::Pl), areas }
    }

    fn tr(&self, id: &str) -> String {
        self.t.tr(id)
    }

    fn area(&self, key: &str) -> String {
        self.areas.iter().find(|a| a.key == key).map_or_else(|| key.to_owned(), |a| a.name_pl.clone())
    }

    fn place(&self, place: &Place) -> String {
        match place {
            Place::Other { text } if !text.is_empty() => text.clone(),
            other => self.tr(other.message_id()),
        }
    }
}

pub(crate) fn header(lh: &Letterhead, family_name: &str) -> DocumentHeader {
    DocumentHeader {
        centre_name: lh.centre_name.clone(),
        assistant_name: lh.assistant_name.clone(),
        family_name: family_name.to_owned(),
        generated_on: lh.today,
    }
}

fn member_names(case: &FamilyCase) -> BTreeMap<EntityId, String> {
    case.members.iter().map(|m| (m.id, format!("{} {}", m.details.first_name, m.details.last_name))).collect()
}

/// A version of the plan (`None`: the one in force).
pub fn plan_document(
    case: &FamilyCase,
    version: Option<u32>,
    labels: &Labels,
    lh: &Letterhead,
) -> Option<PlanDocument> {
    let plan = match version {
        Some(n) => case.plan_versions.iter().find(|v| v.number == n)?,
        None => case.plan_versions.last()?,
    };
    let names = member_names(case);
    let in_force = case.plan_versions.last().is_some_and(|last| last.number == plan.number);
    let status = current_status(plan, &case.progress_notes);
    let who = |actor: &Actor| match actor {
        Actor::Member { member_id } => names.get(member_id).cloned().unwrap_or_else(|| labels.tr(actor.message_id())),
        Actor::Institution { name } => name.clone(),
        Actor::Assistant => labels.tr(actor.message_id()),
    };
    Some(PlanDocument {
        header: header(lh, &case.family.name),
        version_number: plan.number,
        agreed_with_family_on: plan.agreed_with_family_on,
        consultation: plan
            .consultation
            .as_ref()
            .map(|c| Consultation { date: c.date, social_worker: c.social_worker.clone() }),
        goals: plan
            .goals
            .iter()
            .map(|g| PlanGoalRow {
                area: labels.area(&g.area),
                goal: g.goal.clone(),
                actions: g
                    .actions
                    .iter()
                    .map(|a| PlanActionRow {
                        what: a.what.clone(),
                        who: who(&a.who),
                        deadline: a.deadline,
                        expected_effect: a.expected_effect.clone(),
                        // The version in force shows where each action
                        // stands now; an older one as it was written.
                        status: labels.tr(if in_force {
                            status.get(&a.id).copied().unwrap_or(a.status)
                        } else {
                            a.status
                        }
                        .message_id()),
                    })
                    .collect(),
            })
            .collect(),
        family_members_signing: case
            .members
            .iter()
            .filter(|m| m.details.relation != asysta_core::member::Relation::Child)
            .map(|m| format!("{} {}", m.details.first_name, m.details.last_name))
            .collect(),
    })
}

fn polish_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// One evaluation of the case.
pub fn evaluation_document(
    case: &FamilyCase,
    evaluation_id: EntityId,
    scale: &[RatingLevel],
    labels: &Labels,
    lh: &Letterhead,
) -> Option<EvaluationDocument> {
    let view = case.evaluations.iter().find(|e| e.id == evaluation_id)?;
    let e = &view.evaluation;
    let mut status = labels.tr(&view.status.message_id());
    if let Some(s) = &view.submitted {
        status = format!("{status}; złożona {} ({})", polish_date(s.on), s.by);
    }
    if let (Some(d), true) = (&view.decided, view.status != EvaluationStatus::Submitted) {
        status = format!("{status}; decyzja {} ({})", polish_date(d.on), d.by);
        if !view.decision_note.is_empty() {
            status = format!("{status}: {}", view.decision_note);
        }
    }
    Some(EvaluationDocument {
        header: header(lh, &case.family.name),
        period_from: e.period_from,
        period_to: e.period_to,
        version: view.version,
        is_final: e.is_final,
        areas: e
            .areas
            .iter()
            .map(|a| EvaluationAreaRow {
                area: labels.area(&a.area),
                rating: a.rating.map(|r| match scale.iter().find(|l| l.value == r) {
                    Some(level) => format!("{r} — {}", level.name_pl),
                    None => r.to_string(),
                }),
                comment: a.comment.clone(),
            })
            .collect(),
        goals: e
            .goals
            .iter()
            .map(|g| EvaluationGoalRow {
                goal: g.goal.clone(),
                status: g.outcome.map(|o| labels.tr(&o.message_id())).unwrap_or_default(),
                comment: g.comment.clone(),
            })
            .collect(),
        family_view: e.family_view.clone(),
        child_risks: e.child_risks.clone(),
        cooperation: e.cooperation.map(|c| labels.tr(&c.message_id())).unwrap_or_default(),
        cooperation_comment: e.cooperation_comment.clone(),
        recommendation: e.recommendation.map(|r| labels.tr(&r.message_id())).unwrap_or_default(),
        recommendation_note: e.recommendation_note.clone(),
        status_line: status,
    })
}

/// One court opinion of the case (a draft prints as a draft).
pub fn opinion_document(case: &FamilyCase, opinion_id: EntityId, lh: &Letterhead) -> Option<OpinionDocument> {
    let o = case.opinions.iter().find(|o| o.id == opinion_id)?;
    Some(OpinionDocument {
        header: header(lh, &case.family.name),
        court: o.request.court.clone(),
        case_signature: o.request.case_signature.clone(),
        received_on: o.request.received_on,
        due_on: o.request.due_on,
        body: o.text.clone(),
        finalized_on: o.finalized.as_ref().map(|f| f.on),
    })
}

fn action_names(case: &FamilyCase) -> BTreeMap<EntityId, String> {
    case.plan_versions.iter().flat_map(|v| v.actions().map(|a| (a.id, a.what.clone()))).collect()
}

/// The signed record of one visit.
pub fn visit_document(
    case: &FamilyCase,
    visit_id: EntityId,
    labels: &Labels,
    lh: &Letterhead,
) -> Option<VisitRecordDocument> {
    let v = &case.visits.iter().find(|v| v.id == visit_id)?.visit;
    let names = member_names(case);
    let actions = action_names(case);
    Some(VisitRecordDocument {
        header: header(lh, &case.family.name),
        date: v.date,
        start: v.start,
        end: v.end,
        place: labels.place(&v.place),
        form: labels.tr(v.form.message_id()),
        participants: v.participants.iter().filter_map(|p| names.get(p).cloned()).collect(),
        other_participants: v.other_participants.clone(),
        areas: v.areas.iter().map(|a| labels.area(a)).collect(),
        actions_worked: v
            .actions_worked
            .iter()
            .map(|a| VisitActionRow {
                action: actions.get(&a.action_id).cloned().unwrap_or_default(),
                note: a.note.clone(),
                status: a.status.map(|s| labels.tr(s.message_id())).unwrap_or_default(),
            })
            .collect(),
        notes: v.notes.clone(),
        next_planned: v.next_planned,
        intervention: v.intervention.as_ref().map(|i| {
            let steps: Vec<String> = i.steps.iter().map(|s| labels.tr(s.message_id())).collect();
            format!("{} ({}): {}", i.at.format("%d.%m.%Y %H:%M"), steps.join(", "), i.observed)
        }),
    })
}

fn in_month(date: NaiveDate, month: YearMonth) -> bool {
    date.year() == month.year && date.month() == month.month
}

/// The first line of a visit's notes, shortened for a table cell.
fn summary(v: &Visit) -> String {
    let first = v.notes.lines().find(|l| !l.trim().is_empty()).unwrap_or_default().trim();
    if first.chars().count() > 200 {
        format!("{}…", first.chars().take(199).collect::<String>())
    } else {
        first.to_owned()
    }
}

/// One month of the case's visit diary, oldest first.
pub fn diary_document(case: &FamilyCase, month: YearMonth, labels: &Labels, lh: &Letterhead) -> DiaryDocument {
    let names = member_names(case);
    let mut visits: Vec<&Visit> = case.visits.iter().map(|v| &v.visit).filter(|v| in_month(v.date, month)).collect();
    visits.sort_by_key(|v| (v.date, v.start));
    let minutes: u32 = visits.iter().map(|v| v.duration_minutes()).sum();
    DiaryDocument {
        header: header(lh, &case.family.name),
        month,
        entries: visits
            .iter()
            .map(|v| DiaryRow {
                date: v.date,
                start: v.start,
                end: v.end,
                form: labels.tr(v.form.message_id()),
                place: labels.place(&v.place),
                participants: v.participants.iter().filter_map(|p| names.get(p).cloned()).collect(),
                summary: summary(v),
            })
            .collect(),
        total_hours: f64::from(minutes) / 60.0,
    }
}

/// The assistant's report of a month across the cases given (families
/// without a contact that month are left out).
pub fn monthly_document(
    cases: &[FamilyCase],
    month: YearMonth,
    labels: &Labels,
    lh: &Letterhead,
) -> MonthlyReportDocument {
    let families = cases
        .iter()
        .filter_map(|case| {
            let visits: Vec<&Visit> =
                case.visits.iter().map(|v| &v.visit).filter(|v| in_month(v.date, month)).collect();
            if visits.is_empty() {
                return None;
            }
            let count = |label: &dyn Fn(&Visit) -> String| -> Vec<(String, u32)> {
                let mut counts: BTreeMap<String, u32> = BTreeMap::new();
                for v in &visits {
                    *counts.entry(label(v)).or_default() += 1;
                }
                counts.into_iter().collect()
            };
            let actions = action_names(case);
            let mut worked: Vec<String> = visits
                .iter()
                .flat_map(|v| v.actions_worked.iter().filter_map(|a| actions.get(&a.action_id).cloned()))
                .collect();
            worked.sort();
            worked.dedup();
            Some(MonthlyFamilyRow {
                family: case.family.name.clone(),
                visits: visits.len() as u32,
                hours: f64::from(visits.iter().map(|v| v.duration_minutes()).sum::<u32>()) / 60.0,
                forms: count(&|v| labels.tr(v.form.message_id())),
                places: count(&|v| labels.place(&v.place)),
                actions_worked: worked,
                km_tenths: visits.iter().filter_map(|v| v.travel.as_ref()).map(|t| t.km_tenths).sum(),
            })
        })
        .collect();
    MonthlyReportDocument { header: header(lh, ""), month, families }
}
