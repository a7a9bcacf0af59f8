//! The course of an evaluation: a draft, submitted to the head of the
//! centre, then accepted or returned with a note. A submitted evaluation is
//! frozen; a correction is a new version (a new record that names the one
//! it corrects).

use crate::evaluation::content::Evaluation;
use crate::ids::EntityId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where an evaluation stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationStatus {
    /// Being written; can be changed.
    #[default]
    Draft,
    /// With the head of the centre; frozen.
    Submitted,
    /// Accepted by the head of the centre.
    Accepted,
    /// Returned with a note; a correction is a new version.
    Returned,
}

impl EvaluationStatus {
    pub const ALL: [EvaluationStatus; 4] =
        [EvaluationStatus::Draft, EvaluationStatus::Submitted, EvaluationStatus::Accepted, EvaluationStatus::Returned];

    pub fn as_str(self) -> &'static str {
        match self {
            EvaluationStatus::Draft => "draft",
            EvaluationStatus::Submitted => "submitted",
            EvaluationStatus::Accepted => "accepted",
            EvaluationStatus::Returned => "returned",
        }
    }

    pub fn parse(s: &str) -> Option<EvaluationStatus> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    pub fn message_id(self) -> String {
        format!("evaluation-status-{}", self.as_str())
    }

    /// Whether the content can still change.
    pub fn is_editable(self) -> bool {
        self == EvaluationStatus::Draft
    }

    /// Whether the evaluation counts as made (for the next due date and for
    /// closing the work): submitted, or accepted.
    pub fn counts(self) -> bool {
        matches!(self, EvaluationStatus::Submitted | EvaluationStatus::Accepted)
    }
}

/// The head of the centre's decision on a submitted evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Accepted,
    Returned,
}

impl Decision {
    pub fn status(self) -> EvaluationStatus {
        match self {
            Decision::Accepted => EvaluationStatus::Accepted,
            Decision::Returned => EvaluationStatus::Returned,
        }
    }
}

/// The status that follows from what has happened to an evaluation.
pub fn status_of(submitted: bool, decision: Option<Decision>) -> EvaluationStatus {
    match (submitted, decision) {
        (_, Some(d)) => d.status(),
        (true, None) => EvaluationStatus::Submitted,
        (false, None) => EvaluationStatus::Draft,
    }
}

/// When and by whom something happened to an evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub on: NaiveDate,
    pub by: String,
}

/// An evaluation as the case screen, the CLI and the printouts show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationView {
    pub id: EntityId,
    pub family_id: EntityId,
    /// 1 for the first evaluation of a line, one more for each correction.
    pub version: u32,
    /// The evaluation this one corrects.
    pub corrects: Option<EntityId>,
    /// The correction that replaced this one, if any.
    pub corrected_by: Option<EntityId>,
    pub status: EvaluationStatus,
    pub author_name: String,
    pub created_at_ms: u64,
    pub rev: u64,
    pub submitted: Option<Stamp>,
    pub decided: Option<Stamp>,
    pub decision_note: String,
    /// The decision was made while the assistant was already correcting
    /// the evaluation (the correction did not know it): shown, not applied.
    #[serde(default)]
    pub decision_stale: bool,
    pub evaluation: Evaluation,
}

impl EvaluationView {
    /// The date it was made: its submission (the due clock restarts there).
    pub fn made_on(&self) -> Option<NaiveDate> {
        self.status.counts().then(|| self.submitted.as_ref().map(|s| s.on)).flatten()
    }
}

/// The date of the latest evaluation that counts (submitted or accepted).
/// A correction, once submitted, is later than what it corrects.
pub fn last_evaluated_on(evaluations: &[EvaluationView]) -> Option<NaiveDate> {
    evaluations.iter().filter_map(EvaluationView::made_on).max()
}

/// Whether the work may be closed: a final evaluation was submitted or
/// accepted.
pub fn has_final_evaluation(evaluations: &[EvaluationView]) -> bool {
    evaluations.iter().any(|e| e.evaluation.is_final && e.status.counts())
}
