//! Plan versions submitted to the centre and its decisions, bound to the
//! version's event (see `asysta_core::centre::approval`).

use crate::derive::{self, RecordKey};
use crate::error::{Result, StoreError};
use crate::log::PendingChange;
use crate::queries;
use crate::workspace::Store;
use asysta_core::centre::approval::PlanDecisionNotice;
use asysta_core::centre::{ApprovalState, PlanApproval};
use asysta_core::evaluation::Decision;
use asysta_core::merge::{fold_plan, PlanState};
use asysta_core::workspace::Role;
use asysta_core::{Change, EntityId, FieldError, FieldErrorCode};
use chrono::NaiveDate;

impl Store {
    fn plan_state(&self, family: EntityId) -> Result<PlanState> {
        queries::live_rev(&self.conn, "families", family)?;
        let events = derive::load(&self.conn, RecordKey::Plan(family))?;
        fold_plan(&events.iter().collect::<Vec<_>>()).ok_or_else(|| StoreError::NotFound(format!("plan of {family}")))
    }

    /// Sends the plan version in force to the centre for its decision.
    /// Only the latest version can be submitted, once (a returned one is
    /// corrected as a new version).
    pub fn submit_plan(&mut self, family: EntityId, version: u32, today: NaiveDate) -> Result<()> {
        self.require_role(Role::Assistant)?;
        let plan = self.plan_state(family)?;
        let refuse = |detail: &str| {
            StoreError::Invalid(vec![FieldError::with_detail("version", FieldErrorCode::NotInList, detail)])
        };
        let latest = plan.versions.last().ok_or_else(|| refuse("plan-submit-not-latest"))?;
        if latest.version.number != version {
            return Err(refuse("plan-submit-not-latest"));
        }
        let state = asysta_core::centre::approval::state_of_version(&plan.approvals, latest.event_id);
        if state != ApprovalState::Draft {
            return Err(refuse("plan-submit-already"));
        }
        self.commit_changes(vec![PendingChange {
            entity_id: plan.plan_id,
            base_rev: plan.event_count,
            change: Change::PlanSubmitted { family_id: family, version, version_event: latest.event_id, on: today },
        }])?;
        Ok(())
    }

    /// The centre's decision on a submitted version: approve, or return
    /// it with a note.
    pub fn decide_plan(
        &mut self,
        family: EntityId,
        version: u32,
        decision: Decision,
        note: String,
        today: NaiveDate,
    ) -> Result<()> {
        self.require_role(Role::Centre)?;
        let plan = self.plan_state(family)?;
        let approval = plan
            .approvals
            .iter()
            .rev()
            .find(|a| a.version == version && a.state() == ApprovalState::Submitted)
            .ok_or(StoreError::PlanNotSubmitted(version))?;
        // Decided on the version the centre holds as the latest: a newer
        // one has been saved meanwhile.
        if plan.versions.last().is_some_and(|v| v.event_id != approval.version_event) {
            return Err(StoreError::PlanNotSubmitted(version));
        }
        if decision == Decision::Returned && note.trim().is_empty() {
            return Err(StoreError::Invalid(vec![FieldError::new("note", FieldErrorCode::Required)]));
        }
        self.commit_changes(vec![PendingChange {
            entity_id: plan.plan_id,
            base_rev: plan.event_count,
            change: Change::PlanDecided {
                family_id: family,
                version,
                version_event: approval.version_event,
                decision,
                note: note.trim().to_owned(),
                on: today,
            },
        }])?;
        Ok(())
    }

    /// A plan's submissions and decisions, oldest first.
    pub fn plan_approvals(&self, family: EntityId) -> Result<Vec<PlanApproval>> {
        queries::live_rev(&self.conn, "families", family)?;
        plan_approvals_of(&self.conn, family)
    }

    /// On a laptop: the latest submission of each live family's plan that
    /// the centre decided on (a stale decision included), by family; none
    /// of a family this laptop handed over. A centre makes the decisions
    /// and gets none.
    pub fn plan_decisions(&self) -> Result<Vec<PlanDecisionNotice>> {
        if self.role != Role::Assistant {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.family_id, f.name, a.approval_json, \
             (SELECT max(v.number) FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE p.family_id = a.family_id) \
             FROM plan_approvals a JOIN families f ON f.id = a.family_id WHERE f.deleted = 0 \
             ORDER BY a.family_id, a.submitted_on, a.version",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, Option<u32>>(3)?))
        })?;
        let mut out: Vec<PlanDecisionNotice> = Vec::new();
        for row in rows {
            let (family, family_name, json, latest) = row?;
            let family_id = super::id_of(&family)?;
            let approval: PlanApproval = serde_json::from_str(&json)?;
            // Only the family's latest submission counts.
            if out.last().is_some_and(|n| n.family_id == family_id) {
                out.pop();
            }
            let in_force = latest == Some(approval.version);
            out.push(PlanDecisionNotice { family_id, family_name, approval, in_force });
        }
        let (user, device) = (self.author.user_id, self.device_id);
        let mut kept = Vec::with_capacity(out.len());
        for notice in out {
            if !notice.approval.decisions.is_empty()
                && !super::is_handed_over_here(&self.conn, notice.family_id, user, device)?
            {
                kept.push(notice);
            }
        }
        Ok(kept)
    }
}

pub(crate) fn plan_approvals_of(conn: &rusqlite::Connection, family: EntityId) -> Result<Vec<PlanApproval>> {
    let mut stmt = conn.prepare_cached(
        "SELECT approval_json FROM plan_approvals WHERE family_id = ?1 ORDER BY submitted_on, version",
    )?;
    let rows = stmt.query_map([family.to_string()], |r| r.get::<_, String>(0))?;
    rows.map(|r| Ok(serde_json::from_str(&r?)?)).collect()
}
