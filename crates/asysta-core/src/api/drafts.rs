//! The long forms' drafts (an evaluation, a court opinion, a plan
//! version): what was typed, kept on this device after every edit so that
//! a crash or a killed app loses no word. Local, never an event, never in
//! a bundle; removed when the form is saved.

use crate::ids::EntityId;
use serde::{Deserialize, Serialize};

/// Which long form a draft is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftKind {
    /// Keyed by the evaluation (a draft or a correction being written), or
    /// by its family for one not saved yet.
    Evaluation,
    /// Keyed by the opinion.
    Opinion,
    /// Keyed by the family (its next plan version).
    Plan,
}

impl DraftKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DraftKind::Evaluation => "evaluation",
            DraftKind::Opinion => "opinion",
            DraftKind::Plan => "plan",
        }
    }

    pub fn parse(text: &str) -> Option<DraftKind> {
        [DraftKind::Evaluation, DraftKind::Opinion, DraftKind::Plan].into_iter().find(|k| k.as_str() == text)
    }
}

/// A long form as typed, kept as a draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormDraft {
    pub kind: DraftKind,
    pub key: EntityId,
    pub family_id: EntityId,
    /// The form, as the screen holds it (JSON of its form type).
    pub form: serde_json::Value,
    /// When it was saved (Unix ms, the shell's clock).
    pub saved_at_ms: u64,
}
