//! How a centre steers the work: its register of assistants, the intake of
//! new cases and their waiting list, assignments and transfers between
//! assistants, decisions bound to a document's version, comments, and the
//! supervisor's decisions on families entered twice.
//!
//! Everything here is a pure rule over values the store reads: which
//! assistant had a family on a date, the cap on any date, whether a
//! decision went stale, who owes an answer to a comment. The events that
//! carry these records are in [`crate::event`].

pub mod approval;
pub mod assignment;
pub mod comment;
pub mod dashboard;
pub mod duplicates;
pub mod facts;
pub mod intake;
pub mod register;
pub mod report;

pub use approval::{ApprovalState, PlanApproval};
pub use assignment::{AssigneeRef, Assignment, AssignmentRow};
pub use comment::{CommentTarget, Side};
pub use intake::{Referral, ReferralBasis, ReferralForm};
pub use register::{AssistantEntry, AssistantForm, Employment};

/// An assistant as the register lists them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AssistantView {
    /// What `assign --to` and `transfer --to` take.
    pub id: crate::EntityId,
    pub entry: AssistantEntry,
    /// `false`: an enrolled laptop's user not yet completed in the register.
    pub registered: bool,
    /// Active families now (or on the day asked).
    pub active_families: u32,
    pub cap: u32,
}

/// A case waiting for an assistant.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WaitingCase {
    pub family_id: crate::EntityId,
    pub name: String,
    pub address: String,
    pub referral: Referral,
    /// Days since the request or order (on the day asked).
    pub waiting_days: i64,
}

/// An edit the old assistant's laptop made after a transfer's effective
/// date: imported and kept, flagged for the supervisor.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LateEdit {
    pub family_id: crate::EntityId,
    pub event_id: crate::EventId,
    pub kind: String,
    pub author_name: String,
    pub written_on: chrono::NaiveDate,
    pub transfer_on: chrono::NaiveDate,
}

/// A transfer as the centre lists it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TransferView {
    pub family_id: crate::EntityId,
    pub family_name: String,
    pub row: AssignmentRow,
    pub pending: bool,
    pub late_edits: Vec<LateEdit>,
}

/// What the laptop shows on a family in transfer.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TransferNotice {
    pub to_name: String,
    pub on: chrono::NaiveDate,
    /// The old laptop acknowledged it: read-only here.
    pub handed_over_on: Option<chrono::NaiveDate>,
    /// Drafts of this family not yet saved (a visit, a long form).
    pub unsent_drafts: u32,
    /// Whether this device is the old one (else the family came to it).
    pub leaving: bool,
}
