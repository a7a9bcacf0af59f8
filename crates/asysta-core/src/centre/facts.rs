//! What the dashboard and the half-year figures are computed from: one
//! record of facts per family and one per contact, read by the store in
//! bulk. Keeping the arithmetic here (pure, tested without SQLite) keeps
//! the figures the same in the window, the CLI, the CSV and the PDF.

use super::assignment::{holder_on, AssignmentRow};
use super::AssigneeRef;
use crate::evaluation::DueState;
use crate::ids::EntityId;
use crate::record::FamilyStatus;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One family as the centre's figures see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseFacts {
    pub family_id: EntityId,
    pub name: String,
    pub status: FamilyStatus,
    /// Who had it when (empty: waiting for an assistant).
    pub rows: Vec<AssignmentRow>,
    /// The first day of the work (the first assignment, or the laptop's start).
    pub started_on: Option<NaiveDate>,
    /// The day the work ended (closing), if it did.
    pub ended_on: Option<NaiveDate>,
    /// The closing reason's key (`goals_achieved`, …).
    pub end_reason: Option<String>,
    /// Obliged by a family court (the basis of the work or the referral).
    pub court_ordered: bool,
    /// Children among its members.
    pub children: u32,
    /// The request or order a referred case started from.
    pub referral_on: Option<NaiveDate>,
    pub last_visit: Option<NaiveDate>,
    pub overdue_actions: u32,
    /// `None`: no plan yet.
    pub plan: Option<PlanFacts>,
    /// The next evaluation, where one is due.
    pub evaluation_due: Option<DueState>,
    /// Plan versions and evaluations submitted and not decided.
    pub awaiting_decision: u32,
    /// Days from submission to decision of each decided document.
    pub decision_days: Vec<i64>,
    /// Threads whose last word is the assistant's (the centre owes an
    /// answer), and the centre's (the assistant does).
    pub comments_awaiting_centre: u32,
    pub comments_awaiting_assistant: u32,
    pub conflicts: u32,
    pub late_edits: u32,
    /// Merged into another family by the supervisor: counted there.
    pub merged: bool,
}

/// The plan in force, as the dashboard checks it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanFacts {
    /// An action without a deadline or without an expected effect.
    pub incomplete: bool,
    /// Not consulted with the social worker.
    pub unconsulted: bool,
}

/// One contact of the diary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitFacts {
    pub family_id: EntityId,
    pub date: NaiveDate,
    pub minutes: u32,
    /// The form of contact (`home_visit`, `phone`, …).
    pub form: String,
}

impl Default for CaseFacts {
    fn default() -> CaseFacts {
        CaseFacts {
            family_id: EntityId(uuid::Uuid::nil()),
            name: String::new(),
            status: FamilyStatus::Active,
            rows: Vec::new(),
            started_on: None,
            ended_on: None,
            end_reason: None,
            court_ordered: false,
            children: 0,
            referral_on: None,
            last_visit: None,
            overdue_actions: 0,
            plan: None,
            evaluation_due: None,
            awaiting_decision: 0,
            decision_days: Vec::new(),
            comments_awaiting_centre: 0,
            comments_awaiting_assistant: 0,
            conflicts: 0,
            late_edits: 0,
            merged: false,
        }
    }
}

impl CaseFacts {
    /// Whether the family was worked with on any day of `from..=to`.
    pub fn served_between(&self, from: NaiveDate, to: NaiveDate) -> bool {
        !self.merged
            && self.rows.iter().any(|r| r.from <= to && r.until.is_none_or(|u| u > from))
            && self.ended_on.is_none_or(|e| e >= from)
    }

    /// Who had the family on `day`.
    pub fn holder_on(&self, day: NaiveDate) -> Option<&AssigneeRef> {
        holder_on(&self.rows, day).map(|r| &r.assistant)
    }

    /// Whose work a contact on `day` was: who had the family then (a
    /// contact entered before the family's first period is its first
    /// assistant's).
    pub fn worker_on(&self, day: NaiveDate) -> Option<&AssigneeRef> {
        self.holder_on(day).or_else(|| self.rows.first().filter(|r| day < r.from).map(|r| &r.assistant))
    }

    /// Whether the family is active and with someone now.
    pub fn is_active(&self) -> bool {
        !self.merged && self.status == FamilyStatus::Active && !self.rows.is_empty()
    }

    /// Whether it waits for an assistant on `day`.
    pub fn waiting_on(&self, day: NaiveDate) -> bool {
        !self.merged
            && self.referral_on.is_some_and(|r| r <= day)
            && self.rows.first().is_none_or(|r| r.from > day)
            && self.ended_on.is_none_or(|e| e > day)
    }
}
