//! Decisions bound to a version. The assistant submits a plan version (or
//! an evaluation); the centre approves it or returns it with a note. The
//! decision names the exact version it was made on (its event), so a
//! decision made while the assistant was already changing the document
//! (a version saved without knowing the decision) is stale: shown, never
//! applied. Whether it is stale follows from the events' causal graph
//! alone (see [`crate::merge::fold_plan`]), so every replica agrees
//! whatever order the bundles came in.

use crate::evaluation::{Decision, Stamp};
use crate::ids::{EntityId, EventId};
use crate::validation::Checker;
use crate::{FieldError, FieldErrorCode};
use serde::{Deserialize, Serialize};

/// Where a submitted document stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalState {
    /// Saved, not submitted.
    Draft,
    /// Waiting for the centre's decision.
    Submitted,
    Approved,
    /// Returned with a note: to be corrected as a new version.
    Returned,
}

impl ApprovalState {
    pub fn as_str(self) -> &'static str {
        match self {
            ApprovalState::Draft => "draft",
            ApprovalState::Submitted => "submitted",
            ApprovalState::Approved => "approved",
            ApprovalState::Returned => "returned",
        }
    }

    pub fn message_id(self) -> String {
        format!("approval-{}", self.as_str())
    }
}

/// The centre's decision on one submitted version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionView {
    pub event_id: EventId,
    pub decision: Decision,
    pub note: String,
    pub stamp: Stamp,
    /// Made on a version the assistant had changed meanwhile: not applied.
    pub stale: bool,
}

/// One submission of a plan version and what became of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanApproval {
    /// The version's event (what the decision is bound to).
    pub version_event: EventId,
    /// The version's number as the merge numbers it.
    pub version: u32,
    pub submitted: Stamp,
    /// Every decision on it (normally one), the applied one first.
    pub decisions: Vec<DecisionView>,
}

impl PlanApproval {
    /// The decision that applies (not stale), if any.
    pub fn decision(&self) -> Option<&DecisionView> {
        self.decisions.iter().find(|d| !d.stale)
    }

    pub fn state(&self) -> ApprovalState {
        match self.decision().map(|d| d.decision) {
            Some(Decision::Accepted) => ApprovalState::Approved,
            Some(Decision::Returned) => ApprovalState::Returned,
            None => ApprovalState::Submitted,
        }
    }

    /// Days from the submission to the applied decision.
    pub fn latency_days(&self) -> Option<i64> {
        self.decision().map(|d| (d.stamp.on - self.submitted.on).num_days())
    }
}

/// The centre's decision as typed: approve, or return with a note.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionForm {
    /// `accepted` (approve) or `returned`.
    pub decision: String,
    #[serde(default)]
    pub note: String,
}

/// A decision needs a note when it returns the document.
pub fn validate_decision(form: &DecisionForm) -> Result<(Decision, String), Vec<FieldError>> {
    let mut c = Checker::default();
    let decision = c.required_choice("decision", &form.decision, |s| match s {
        "accepted" | "approve" | "approved" => Some(Some(Decision::Accepted)),
        "returned" | "return" => Some(Some(Decision::Returned)),
        _ => None,
    });
    let note = c.long_text("note", &form.note, 4000);
    if decision == Some(Decision::Returned) && note.is_empty() {
        c.push(FieldError::new("note", FieldErrorCode::Required));
    }
    let Some(decision) = decision else { return Err(c.finish(()).err().unwrap_or_default()) };
    c.finish((decision, note))
}

/// The latest decided submission of one family's plan, as the laptop's
/// home screen lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDecisionNotice {
    pub family_id: EntityId,
    pub family_name: String,
    pub approval: PlanApproval,
    /// The decided version is still the one in force (a returned version
    /// not yet corrected, an approved one not yet changed).
    pub in_force: bool,
}

/// The state of a plan's version `version_event` given its submissions.
pub fn state_of_version(approvals: &[PlanApproval], version_event: EventId) -> ApprovalState {
    approvals.iter().rev().find(|a| a.version_event == version_event).map_or(ApprovalState::Draft, PlanApproval::state)
}

/// Days from submission to decision, for the dashboard (median of `days`).
pub fn median_days(mut days: Vec<i64>) -> Option<f64> {
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    let n = days.len();
    Some(if n % 2 == 1 { days[n / 2] as f64 } else { (days[n / 2 - 1] + days[n / 2]) as f64 / 2.0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn returning_needs_a_note() {
        let errors = validate_decision(&DecisionForm { decision: "returned".into(), note: " ".into() }).unwrap_err();
        assert_eq!(errors[0].field, "note");
        assert_eq!(
            validate_decision(&DecisionForm { decision: "approve".into(), note: String::new() }).unwrap(),
            (Decision::Accepted, String::new())
        );
        assert!(validate_decision(&DecisionForm { decision: "maybe".into(), note: String::new() }).is_err());
    }

    #[test]
    fn the_median_latency() {
        assert_eq!(median_days(vec![]), None);
        assert_eq!(median_days(vec![5, 1, 3]), Some(3.0));
        assert_eq!(median_days(vec![4, 1, 3, 2]), Some(2.5));
    }
}
