//! The `Store` methods for evaluations, closing the work, monitoring and
//! court opinions, and the centre's lists they use.

use crate::error::{Result, StoreError};
use crate::log::PendingChange;
use crate::queries::{self, cases, Periods};
use crate::workspace::Store;
use asysta_core::api::{DueItem, DueWhat};
use asysta_core::closing::{default_closing_reasons, validate_closing_reasons, Closing, ClosingReason, OTHER_REASON};
use asysta_core::evaluation::{
    default_rating_scale, due_state, has_final_evaluation, validate_evaluation, validate_rating_scale, Completeness,
    Decision, DueState, EvaluationForm, EvaluationStatus, EvaluationView, RatingLevel, REMINDER_DAYS,
};
use asysta_core::merge::SETTINGS_ID;
use asysta_core::opinion::{validate_opinion_text, OpinionRequest, OpinionView, OPINION_REMINDER_DAYS};
use asysta_core::record::FamilyStatus;
use asysta_core::workspace::Role;
use asysta_core::{Change, EntityId};
use chrono::NaiveDate;

mod planned;

impl Store {
    /// The centre's rating scale (or the default 1–5).
    pub fn rating_scale(&self) -> Result<Vec<RatingLevel>> {
        Ok(queries::settings_list(&self.conn, "rating_scale_json")?.unwrap_or_else(default_rating_scale))
    }

    /// Replaces the rating scale (an event, so it reaches every laptop).
    pub fn set_rating_scale(&mut self, levels: Vec<RatingLevel>) -> Result<()> {
        self.require_role(Role::Centre)?;
        validate_rating_scale(&levels).map_err(StoreError::Invalid)?;
        self.commit_settings(Change::WorkspaceRatingScaleSet { levels })
    }

    /// The centre's reasons for closing the work (or the default list).
    pub fn closing_reasons(&self) -> Result<Vec<ClosingReason>> {
        Ok(queries::settings_list(&self.conn, "closing_reasons_json")?.unwrap_or_else(default_closing_reasons))
    }

    /// Replaces the reasons for closing (they must keep "other").
    pub fn set_closing_reasons(&mut self, reasons: Vec<ClosingReason>) -> Result<()> {
        self.require_role(Role::Centre)?;
        validate_closing_reasons(&reasons).map_err(StoreError::Invalid)?;
        self.commit_settings(Change::WorkspaceClosingReasonsSet { reasons })
    }

    /// The periods between evaluations, of monitoring and of the lock.
    pub fn periods(&self) -> Result<Periods> {
        queries::periods(&self.conn)
    }

    /// Changes the periods (the other settings stay as they are).
    pub fn set_periods(&mut self, periods: Periods) -> Result<()> {
        self.require_role(Role::Centre)?;
        periods.validate().map_err(StoreError::Invalid)?;
        let settings = self.settings()?;
        self.commit_settings(Change::WorkspaceSettingsSet {
            caseload_cap: settings.caseload_cap,
            no_visit_days: settings.no_visit_days,
            evaluation_months: Some(periods.evaluation_months),
            monitoring_months: Some(periods.monitoring_months),
            lock_minutes: Some(periods.lock_minutes),
            attachment_limit_mb: Some(periods.attachment_limit_mb),
        })
    }

    fn commit_settings(&mut self, change: Change) -> Result<()> {
        let base_rev = queries::settings_rev(&self.conn)?;
        self.commit_changes(vec![PendingChange { entity_id: SETTINGS_ID, base_rev, change }])?;
        Ok(())
    }

    /// A family's evaluations, oldest first.
    pub fn evaluations(&self, family_id: EntityId) -> Result<Vec<EvaluationView>> {
        queries::live_rev(&self.conn, "families", family_id)?;
        cases::evaluations_of(&self.conn, family_id)
    }

    /// One evaluation.
    pub fn evaluation(&self, id: EntityId) -> Result<EvaluationView> {
        cases::evaluation(&self.conn, id)?.ok_or_else(|| StoreError::NotFound(id.to_string()))
    }

    fn check_evaluation(
        &self,
        family_id: EntityId,
        form: &EvaluationForm,
        today: NaiveDate,
        completeness: Completeness,
    ) -> Result<asysta_core::evaluation::Evaluation> {
        let goal_ids: Vec<EntityId> = queries::plan_versions_of(&self.conn, family_id)?
            .iter()
            .flat_map(|v| v.goals.iter().map(|g| g.id))
            .collect();
        validate_evaluation(form, &self.plan_areas()?, &self.rating_scale()?, &goal_ids, today, completeness)
            .map_err(StoreError::Invalid)
    }

    /// Saves a draft evaluation: a new one (`evaluation_id` `None`) or
    /// changes to a draft of this family. A submitted one is frozen.
    pub fn save_evaluation(
        &mut self,
        family_id: EntityId,
        evaluation_id: Option<EntityId>,
        form: &EvaluationForm,
        today: NaiveDate,
    ) -> Result<EntityId> {
        queries::live_rev(&self.conn, "families", family_id)?;
        let evaluation = Box::new(self.check_evaluation(family_id, form, today, Completeness::Draft)?);
        match evaluation_id {
            None => {
                let id = self.new_id()?;
                let version = 1;
                self.commit_changes(vec![PendingChange {
                    entity_id: id,
                    base_rev: 0,
                    change: Change::EvaluationCreated {
                        family_id,
                        version,
                        corrects: None,
                        evaluation,
                        decision_seen: None,
                    },
                }])?;
                Ok(id)
            }
            Some(id) => {
                let current = self.draft_of(family_id, id)?;
                self.commit_changes(vec![PendingChange {
                    entity_id: id,
                    base_rev: current.rev,
                    change: Change::EvaluationUpdated { evaluation },
                }])?;
                Ok(id)
            }
        }
    }

    fn draft_of(&self, family_id: EntityId, id: EntityId) -> Result<EvaluationView> {
        let current = self.evaluation(id)?;
        if current.family_id != family_id {
            return Err(StoreError::NotFound(id.to_string()));
        }
        if !current.status.is_editable() {
            return Err(StoreError::EvaluationFrozen(id.to_string()));
        }
        Ok(current)
    }

    /// Saves the form and submits the evaluation to the head of the centre,
    /// in one transaction; it must be whole. From then on it is frozen.
    pub fn submit_evaluation(
        &mut self,
        family_id: EntityId,
        evaluation_id: Option<EntityId>,
        form: &EvaluationForm,
        today: NaiveDate,
    ) -> Result<EntityId> {
        queries::live_rev(&self.conn, "families", family_id)?;
        let evaluation = Box::new(self.check_evaluation(family_id, form, today, Completeness::ForSubmission)?);
        let (id, change, base_rev) = match evaluation_id {
            None => (
                self.new_id()?,
                Change::EvaluationCreated { family_id, version: 1, corrects: None, evaluation, decision_seen: None },
                0,
            ),
            Some(id) => {
                let current = self.draft_of(family_id, id)?;
                (id, Change::EvaluationUpdated { evaluation }, current.rev)
            }
        };
        self.commit_changes(vec![
            PendingChange { entity_id: id, base_rev, change },
            PendingChange { entity_id: id, base_rev: base_rev + 1, change: Change::EvaluationSubmitted { on: today } },
        ])?;
        Ok(id)
    }

    /// Starts a correction of a submitted (or decided) evaluation: a new
    /// draft, one version more, with the same content to edit.
    pub fn correct_evaluation(&mut self, id: EntityId) -> Result<EntityId> {
        let current = self.evaluation(id)?;
        queries::live_rev(&self.conn, "families", current.family_id)?;
        if current.status.is_editable() || current.corrected_by.is_some() {
            return Err(StoreError::EvaluationFrozen(id.to_string()));
        }
        let new_id = self.new_id()?;
        // The decision this laptop holds on what it corrects: a decision
        // it did not know of is stale (see `queries::cases`).
        let decision_seen = queries::cases::decision_event_of(&self.conn, id)?;
        self.commit_changes(vec![PendingChange {
            entity_id: new_id,
            base_rev: 0,
            change: Change::EvaluationCreated {
                family_id: current.family_id,
                version: current.version + 1,
                corrects: Some(id),
                evaluation: Box::new(current.evaluation),
                decision_seen,
            },
        }])?;
        Ok(new_id)
    }

    /// The head of the centre's decision on a submitted evaluation (a
    /// centre's workspace only); it reaches the laptop in a bundle.
    pub fn decide_evaluation(&mut self, id: EntityId, decision: Decision, note: &str, today: NaiveDate) -> Result<()> {
        if self.role() != Role::Centre {
            return Err(StoreError::WrongRole { needed: "centre" });
        }
        let current = self.evaluation(id)?;
        if current.status != EvaluationStatus::Submitted {
            return Err(StoreError::EvaluationNotSubmitted(id.to_string()));
        }
        let note = note.trim().to_owned();
        if decision == Decision::Returned && note.is_empty() {
            return Err(StoreError::Invalid(vec![asysta_core::FieldError::new(
                "note",
                asysta_core::FieldErrorCode::Required,
            )]));
        }
        self.commit_changes(vec![PendingChange {
            entity_id: id,
            base_rev: current.rev,
            change: Change::EvaluationDecided { decision, note, on: today },
        }])?;
        Ok(())
    }

    /// Closes the work with a family: the date, a reason from the centre's
    /// list and a summary. A final evaluation must have been submitted.
    /// The family leaves the active caseload.
    pub fn close_work(&mut self, family_id: EntityId, closing: Closing) -> Result<()> {
        let base_rev = queries::live_rev(&self.conn, "families", family_id)?;
        let current = self.status_of(family_id)?;
        if !current.can_become(FamilyStatus::Closed) {
            return Err(StoreError::StatusChange { from: current, to: FamilyStatus::Closed });
        }
        if !self.closing_reasons()?.iter().any(|r| r.key == closing.reason_key) {
            return Err(StoreError::Invalid(vec![asysta_core::FieldError::new(
                "reason",
                asysta_core::FieldErrorCode::NotInList,
            )]));
        }
        if !has_final_evaluation(&cases::evaluations_of(&self.conn, family_id)?) {
            return Err(StoreError::FinalEvaluationMissing);
        }
        let reason = if closing.reason_key == OTHER_REASON || !closing.reason_text.is_empty() {
            closing.reason_text
        } else {
            String::new()
        };
        self.commit_changes(vec![PendingChange {
            entity_id: family_id,
            base_rev,
            change: Change::FamilyStatusChanged {
                status: FamilyStatus::Closed,
                reason,
                on: Some(closing.on),
                reason_key: Some(closing.reason_key),
                summary: closing.summary,
            },
        }])?;
        Ok(())
    }

    pub(crate) fn status_of(&self, family_id: EntityId) -> Result<FamilyStatus> {
        let current: String =
            self.conn.query_row("SELECT status FROM families WHERE id = ?1", [family_id.to_string()], |r| r.get(0))?;
        FamilyStatus::parse(&current).ok_or_else(|| StoreError::CorruptLog(current.clone()))
    }

    /// Records a court's request for an opinion.
    pub fn request_opinion(&mut self, family_id: EntityId, request: OpinionRequest) -> Result<EntityId> {
        queries::live_rev(&self.conn, "families", family_id)?;
        let id = self.new_id()?;
        self.commit_changes(vec![PendingChange {
            entity_id: id,
            base_rev: 0,
            change: Change::OpinionRequested { family_id, request },
        }])?;
        Ok(id)
    }

    /// One opinion.
    pub fn opinion(&self, id: EntityId) -> Result<OpinionView> {
        cases::opinion(&self.conn, id)?.ok_or_else(|| StoreError::NotFound(id.to_string()))
    }

    fn open_opinion(&self, id: EntityId) -> Result<OpinionView> {
        let opinion = self.opinion(id)?;
        if opinion.finalized.is_some() {
            return Err(StoreError::OpinionLocked(id.to_string()));
        }
        Ok(opinion)
    }

    /// Keeps the opinion's text as the assistant edits it.
    pub fn save_opinion(&mut self, id: EntityId, text: &str) -> Result<()> {
        let opinion = self.open_opinion(id)?;
        let text = validate_opinion_text(text, false).map_err(StoreError::Invalid)?;
        self.commit_changes(vec![PendingChange {
            entity_id: id,
            base_rev: opinion.rev,
            change: Change::OpinionDrafted { text },
        }])?;
        Ok(())
    }

    /// Locks the final version of the opinion with its text.
    pub fn finalize_opinion(&mut self, id: EntityId, text: &str, today: NaiveDate) -> Result<()> {
        let opinion = self.open_opinion(id)?;
        let text = validate_opinion_text(text, true).map_err(StoreError::Invalid)?;
        self.commit_changes(vec![PendingChange {
            entity_id: id,
            base_rev: opinion.rev,
            change: Change::OpinionFinalized { text, on: today },
        }])?;
        Ok(())
    }

    /// Appends a demo family's synthetic history (`asysta demo`): changes
    /// as a person would have made them, in order, in one transaction.
    /// Not for what people type: the forms' checks are the caller's.
    pub fn add_demo_history(
        &mut self,
        family_id: EntityId,
        story: Vec<asysta_core::demo::story::StoryChange>,
    ) -> Result<()> {
        let mut revs: std::collections::HashMap<EntityId, u64> =
            [(family_id, queries::live_rev(&self.conn, "families", family_id)?)].into();
        let changes = story
            .into_iter()
            .map(|c| {
                let rev = revs.entry(c.entity_id).or_default();
                let base_rev = *rev;
                *rev += 1;
                PendingChange { entity_id: c.entity_id, base_rev, change: c.change }
            })
            .collect();
        self.commit_changes(changes)?;
        Ok(())
    }

    /// What the home screen lists as due on `today`: evaluations of active
    /// families, open court opinions, and monitoring that has ended; only
    /// those due soon or overdue, the most overdue first.
    pub fn due(&self, today: NaiveDate) -> Result<Vec<DueItem>> {
        let mut items = self.due_all(today)?;
        items.retain(|i| !matches!(i.state, DueState::Later { .. }));
        Ok(items)
    }

    /// Every evaluation, opinion and end of monitoring with its state on
    /// `today`, the most overdue first (`asysta evaluation due` lists the
    /// evaluations of all of them).
    pub fn due_all(&self, today: NaiveDate) -> Result<Vec<DueItem>> {
        let mut items = Vec::new();
        for (family, evaluations, dates) in queries::all_case_dates(&self.conn)? {
            let (what, due, reminder) = match family.status {
                FamilyStatus::Active => (
                    DueWhat::Evaluation { last: asysta_core::evaluation::last_evaluated_on(&evaluations) },
                    dates.next_evaluation_due,
                    REMINDER_DAYS,
                ),
                _ => (DueWhat::MonitoringEnd, dates.monitoring_until, 7),
            };
            if let Some(due) = due {
                items.push(DueItem {
                    family_id: family.id,
                    family_name: family.name,
                    what,
                    state: due_state(due, today, reminder),
                });
            }
        }
        let names: std::collections::HashMap<EntityId, String> =
            queries::list_families(&self.conn, None)?.into_iter().map(|f| (f.id, f.name)).collect();
        for opinion in cases::open_opinions(&self.conn)? {
            let Some(name) = names.get(&opinion.family_id) else { continue };
            items.push(DueItem {
                family_id: opinion.family_id,
                family_name: name.clone(),
                what: DueWhat::Opinion {
                    opinion_id: opinion.id,
                    court: opinion.request.court.clone(),
                    case_signature: opinion.request.case_signature.clone(),
                },
                state: due_state(opinion.request.due_on, today, OPINION_REMINDER_DAYS),
            });
        }
        items.sort_by_key(|i| match i.state {
            DueState::Overdue { due, .. } | DueState::DueSoon { due, .. } | DueState::Later { due } => due,
        });
        Ok(items)
    }
}

#[cfg(test)]
pub(crate) mod tests;
