//! The one door: executes any operation of `asysta_core::ops::TABLE`.
//! [`Store::run`] checks the role (before the request is read), validates
//! the request with the core's rules against the case as this replica
//! holds it (members, plan actions, areas, the centre's lists), writes the
//! events and answers. The window's commands (`src-tauri`), the CLI and the
//! demo call it; none of them validates or checks roles on its own.

use crate::error::{Result, StoreError};
use crate::workspace::Store;
use asysta_core::api::DraftKind;
use asysta_core::centre::approval::validate_decision;
use asysta_core::centre::intake::validate_referral;
use asysta_core::centre::register::validate_assistant;
use asysta_core::closing::validate_closing;
use asysta_core::evaluation::Decision;
use asysta_core::family::validate_new_family;
use asysta_core::member::{validate_member, Relation};
use asysta_core::opinion::validate_opinion_request;
use asysta_core::ops::{self, Operation};
use asysta_core::plan::{validate_plan_version, validate_progress_note};
use asysta_core::policy::Authors;
use asysta_core::record::validate_case_details;
use asysta_core::visit::{validate_visit, Visit, VisitForm};
use asysta_core::workspace::Role;
use asysta_core::EntityId;
use chrono::NaiveDate;

/// How the store carries out one operation (after the role check).
pub trait Execute: Operation {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<Self::Response>;
}

impl Store {
    /// Runs `operation` on `today`: the one path every door takes.
    pub fn run<O: Execute>(&mut self, operation: O, today: NaiveDate) -> Result<O::Response> {
        self.require_authors(O::ROLES)?;
        operation.execute(self, today)
    }

    fn require_authors(&self, roles: Authors) -> Result<()> {
        match roles {
            Authors::Either => Ok(()),
            Authors::Assistant => self.require_role(Role::Assistant),
            Authors::Centre => self.require_role(Role::Centre),
        }
    }
}

/// What a form about a family is checked against: its live members and
/// its plan's versions (not the whole case: a family with years of visits
/// is checked as fast as a new one).
struct CaseContext {
    members: Vec<asysta_core::api::MemberView>,
    plan_versions: Vec<asysta_core::plan::PlanVersion>,
}

impl CaseContext {
    fn of(store: &Store, family_id: EntityId) -> Result<CaseContext> {
        crate::queries::live_rev(&store.conn, "families", family_id)?;
        Ok(CaseContext {
            members: crate::queries::members_of(&store.conn, family_id)?,
            plan_versions: crate::queries::plan_versions_of(&store.conn, family_id)?,
        })
    }

    fn member_ids(&self) -> Vec<EntityId> {
        self.members.iter().map(|m| m.id).collect()
    }
}

impl Execute for ops::AddFamily {
    fn execute(self, store: &mut Store, _today: NaiveDate) -> Result<EntityId> {
        let family = validate_new_family(&self.form).map_err(StoreError::Invalid)?;
        store.add_family(&family)
    }
}

impl Execute for ops::SetCaseDetails {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<()> {
        // Only the family's children can be placed in foster care.
        let children: Vec<EntityId> = CaseContext::of(store, self.family_id)?
            .members
            .iter()
            .filter(|m| m.details.relation == Relation::Child)
            .map(|m| m.id)
            .collect();
        let details = validate_case_details(&self.form, &children, today).map_err(StoreError::Invalid)?;
        store.set_case_details(self.family_id, details)
    }
}

impl Execute for ops::ChangeStatus {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<()> {
        let on = if self.on.trim().is_empty() {
            today
        } else {
            let mut c = asysta_core::validation::Checker::default();
            let on = c.required_date("on", &self.on, today, false);
            c.finish(on).map_err(StoreError::Invalid)?.unwrap_or(today)
        };
        store.change_status(self.family_id, self.status, &self.reason, Some(on))
    }
}

impl Execute for ops::AddMember {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<EntityId> {
        let details = validate_member(&self.form, today).map_err(StoreError::Invalid)?;
        store.add_member(self.family_id, details)
    }
}

impl Execute for ops::UpdateMember {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<EntityId> {
        let details = validate_member(&self.form, today).map_err(StoreError::Invalid)?;
        let family_id = store.family_of_member(self.member_id)?;
        store.update_member(self.member_id, details)?;
        Ok(family_id)
    }
}

impl Execute for ops::AddNote {
    fn execute(self, store: &mut Store, _today: NaiveDate) -> Result<EntityId> {
        store.add_note(self.family_id, &self.text, self.restricted)
    }
}

impl Execute for ops::SavePlanVersion {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<u32> {
        let members = CaseContext::of(store, self.family_id)?.member_ids();
        // Every goal and action row may need a new id, and asks at most once.
        let rows: usize = self.form.goals.iter().map(|g| 1 + g.actions.len()).sum();
        let mut fresh_ids = (0..rows).map(|_| store.new_id()).collect::<Result<Vec<_>>>()?;
        let areas = store.plan_areas()?;
        let version = validate_plan_version(&self.form, &members, &areas, today, || {
            fresh_ids.pop().expect("one fresh id per goal and action row was prepared")
        })
        .map_err(StoreError::Invalid)?;
        let number = store.save_plan_version(self.family_id, version)?;
        store.discard_form_draft(DraftKind::Plan, self.family_id)?;
        Ok(number)
    }
}

impl Execute for ops::AddProgressNote {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<()> {
        let case = CaseContext::of(store, self.family_id)?;
        let note = validate_progress_note(&self.form, case.plan_versions.last(), today).map_err(StoreError::Invalid)?;
        store.add_progress_note(self.family_id, note)
    }
}

/// Which plan versions a visit's actions may come from: a new visit works
/// on the current plan; a corrected one may name any version's actions
/// (the plan may have moved on since the visit).
#[derive(Clone, Copy)]
enum ActionsFrom {
    CurrentVersion,
    AnyVersion,
}

fn checked_visit(
    store: &Store,
    family_id: EntityId,
    form: &VisitForm,
    today: NaiveDate,
    actions_from: ActionsFrom,
) -> Result<Visit> {
    let case = CaseContext::of(store, family_id)?;
    let members = case.member_ids();
    let versions = match actions_from {
        ActionsFrom::CurrentVersion => case.plan_versions.last().into_iter().collect::<Vec<_>>(),
        ActionsFrom::AnyVersion => case.plan_versions.iter().collect(),
    };
    let actions: Vec<EntityId> = versions.iter().flat_map(|v| v.actions().map(|a| a.id)).collect();
    let areas = store.plan_areas()?;
    validate_visit(form, &members, &actions, &areas, today).map_err(StoreError::Invalid)
}

impl Execute for ops::RecordVisit {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<EntityId> {
        let visit = checked_visit(store, self.family_id, &self.form, today, ActionsFrom::CurrentVersion)?;
        store.record_visit(self.family_id, visit)
    }
}

impl Execute for ops::UpdateVisit {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<()> {
        let visit = checked_visit(store, self.family_id, &self.form, today, ActionsFrom::AnyVersion)?;
        store.update_visit(self.family_id, self.visit_id, visit)
    }
}

impl Execute for ops::PlanVisit {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<EntityId> {
        let visit = asysta_core::visit::validate_planned_visit(&self.form, today).map_err(StoreError::Invalid)?;
        store.plan_visit(self.family_id, visit)
    }
}

impl Execute for ops::AddAttachment {
    fn execute(self, store: &mut Store, _today: NaiveDate) -> Result<EntityId> {
        use asysta_core::attachment::{check_size, Refusal};
        use asysta_core::{FieldError, FieldErrorCode};
        let refused = |r: Refusal| StoreError::Invalid(vec![r.field_error()]);
        let unreadable = || {
            StoreError::Invalid(vec![FieldError::with_detail(
                "file",
                FieldErrorCode::Required,
                "attachment-refused-unreadable",
            )])
        };
        let path = std::path::Path::new(&self.path);
        let name = path.file_name().and_then(|n| n.to_str()).ok_or(Refusal::BadName).map_err(refused)?;
        // The size is checked before the file is read: a film picked by
        // mistake is not read into memory.
        let size = std::fs::metadata(path).map_err(|_| unreadable())?.len();
        let limit = store.periods()?.attachment_limit_mb;
        check_size(size, limit).map_err(refused)?;
        let bytes = std::fs::read(path).map_err(|_| unreadable())?;
        store.add_attachment(self.family_id, self.target, name, &bytes, self.restricted)
    }
}

impl Execute for ops::RemoveAttachment {
    fn execute(self, store: &mut Store, _today: NaiveDate) -> Result<()> {
        store.remove_attachment(self.attachment_id)
    }
}

impl Execute for ops::CancelPlannedVisit {
    fn execute(self, store: &mut Store, _today: NaiveDate) -> Result<()> {
        store.cancel_planned_visit(self.visit_id)
    }
}

impl Execute for ops::SaveEvaluation {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<EntityId> {
        let id = store.save_evaluation(self.family_id, self.evaluation_id, &self.form, today)?;
        store.discard_form_draft(DraftKind::Evaluation, self.evaluation_id.unwrap_or(self.family_id))?;
        Ok(id)
    }
}

impl Execute for ops::SubmitEvaluation {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<EntityId> {
        let id = store.submit_evaluation(self.family_id, self.evaluation_id, &self.form, today)?;
        store.discard_form_draft(DraftKind::Evaluation, self.evaluation_id.unwrap_or(self.family_id))?;
        Ok(id)
    }
}

impl Execute for ops::CorrectEvaluation {
    fn execute(self, store: &mut Store, _today: NaiveDate) -> Result<EntityId> {
        store.correct_evaluation(self.evaluation_id)
    }
}

impl Execute for ops::DecideEvaluation {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<()> {
        let decision = if self.accept { Decision::Accepted } else { Decision::Returned };
        store.decide_evaluation(self.evaluation_id, decision, &self.note, today)
    }
}

impl Execute for ops::CloseWork {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<()> {
        let reasons = store.closing_reasons()?;
        let closing = validate_closing(&self.form, &reasons, today).map_err(StoreError::Invalid)?;
        store.close_work(self.family_id, closing)
    }
}

impl Execute for ops::RequestOpinion {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<EntityId> {
        let request = validate_opinion_request(&self.form, today).map_err(StoreError::Invalid)?;
        store.request_opinion(self.family_id, request)
    }
}

impl Execute for ops::SaveOpinion {
    fn execute(self, store: &mut Store, _today: NaiveDate) -> Result<()> {
        store.save_opinion(self.opinion_id, &self.text)?;
        store.discard_form_draft(DraftKind::Opinion, self.opinion_id)
    }
}

impl Execute for ops::FinalizeOpinion {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<()> {
        store.finalize_opinion(self.opinion_id, &self.text, today)?;
        store.discard_form_draft(DraftKind::Opinion, self.opinion_id)
    }
}

impl Execute for ops::SetSettings {
    fn execute(self, store: &mut Store, _today: NaiveDate) -> Result<()> {
        store.set_settings(crate::Settings { caseload_cap: self.caseload_cap, no_visit_days: self.no_visit_days })
    }
}

impl Execute for ops::SetPlanAreas {
    fn execute(self, store: &mut Store, _today: NaiveDate) -> Result<()> {
        store.set_plan_areas(self.areas)
    }
}

/// A date typed in a request (`YYYY-MM-DD` or `dd.mm.rrrr`); empty: today.
/// Assignments and transfers may be dated ahead.
fn effective_date(field: &str, text: &str, today: NaiveDate) -> Result<NaiveDate> {
    if text.trim().is_empty() {
        return Ok(today);
    }
    let mut c = asysta_core::validation::Checker::default();
    let on = c.required_date(field, text, today, true);
    Ok(c.finish(on).map_err(StoreError::Invalid)?.unwrap_or(today))
}

/// Device ids typed in a register form.
fn device_ids(texts: &[String]) -> Result<Vec<asysta_core::DeviceId>> {
    texts
        .iter()
        .map(|t| {
            t.trim().parse().map_err(|_| {
                StoreError::Invalid(vec![asysta_core::FieldError::new(
                    "devices",
                    asysta_core::FieldErrorCode::NotInList,
                )])
            })
        })
        .collect()
}

impl Execute for ops::RegisterAssistant {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<EntityId> {
        let entry = validate_assistant(&self.form, today).map_err(StoreError::Invalid)?;
        store.register_assistant(entry, &device_ids(&self.devices)?)
    }
}

impl Execute for ops::UpdateAssistant {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<()> {
        let entry = validate_assistant(&self.form, today).map_err(StoreError::Invalid)?;
        store.update_assistant(self.assistant_id, entry, &device_ids(&self.devices)?)
    }
}

impl Execute for ops::ReferFamily {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<EntityId> {
        let referral = validate_referral(&self.form, today).map_err(StoreError::Invalid)?;
        store.refer_family(referral)
    }
}

impl Execute for ops::AssignFamily {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<()> {
        let on = effective_date("on", &self.on, today)?;
        store.assign_family(self.family_id, self.assistant_id, on)
    }
}

impl Execute for ops::TransferFamily {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<()> {
        let on = effective_date("on", &self.on, today)?;
        store.transfer_family(self.family_id, self.assistant_id, on)
    }
}

impl Execute for ops::SubmitPlan {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<()> {
        store.submit_plan(self.family_id, self.version, today)
    }
}

impl Execute for ops::DecidePlan {
    fn execute(self, store: &mut Store, today: NaiveDate) -> Result<()> {
        let (decision, note) = validate_decision(&self.form).map_err(StoreError::Invalid)?;
        store.decide_plan(self.family_id, self.version, decision, note, today)
    }
}

impl Execute for ops::AddComment {
    fn execute(self, store: &mut Store, _today: NaiveDate) -> Result<EntityId> {
        store.add_comment(&self.target_id, &self.text, self.reply_to)
    }
}

impl Execute for ops::DecideDuplicates {
    fn execute(self, store: &mut Store, _today: NaiveDate) -> Result<()> {
        store.decide_duplicates(self.first, self.second, self.decision)
    }
}

#[cfg(test)]
mod tests;
