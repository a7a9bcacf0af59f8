//! Comments on any record of a case (the family, a goal, an action, a
//! visit, an evaluation, a plan version), from either side, answerable.
//! A comment is an addition: it never conflicts and never changes. Read
//! marks are each device's own (not events).

use crate::ids::EntityId;
use crate::validation::Checker;
use crate::workspace::Role;
use crate::FieldError;
use serde::{Deserialize, Serialize};

/// What a comment is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CommentTarget {
    /// `family`, `goal`, `action`, `visit`, `evaluation`, `plan`, `note`,
    /// `member`, `opinion`.
    pub record: String,
    /// The record's id (a goal's or an action's id within the plan).
    pub id: String,
}

/// The kinds of record a comment may be on.
pub const COMMENT_RECORDS: [&str; 9] =
    ["family", "goal", "action", "visit", "evaluation", "plan", "note", "member", "opinion"];

/// Which side wrote a comment (the writing device's role, checked at import).
pub type Side = Role;

/// A comment as the case shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    pub id: EntityId,
    pub family_id: EntityId,
    pub target: CommentTarget,
    pub side: Side,
    pub author_name: String,
    pub written_at_ms: u64,
    pub text: String,
    #[serde(default)]
    pub reply_to: Option<EntityId>,
    /// Not yet seen on this device (and written by the other side).
    #[serde(default)]
    pub unread: bool,
}

/// Whether `side` owes an answer in a thread (a record's comments): its
/// latest comment came from the other side.
pub fn awaits_answer_from(thread: &[CommentView], side: Side) -> bool {
    thread.iter().max_by_key(|c| (c.written_at_ms, c.id)).is_some_and(|last| last.side != side)
}

/// Checks a comment's text.
pub fn validate_comment(text: &str) -> Result<String, Vec<FieldError>> {
    let mut c = Checker::default();
    let text = c.required_text("text", text, 4000);
    c.finish(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn comment(n: u128, side: Side, at: u64) -> CommentView {
        CommentView {
            id: EntityId(Uuid::from_u128(n)),
            family_id: EntityId(Uuid::from_u128(1)),
            target: CommentTarget { record: "visit".into(), id: "v".into() },
            side,
            author_name: "x".into(),
            written_at_ms: at,
            text: "t".into(),
            reply_to: None,
            unread: false,
        }
    }

    #[test]
    fn a_thread_waits_for_the_side_that_did_not_write_last() {
        let thread = [comment(1, Role::Centre, 10), comment(2, Role::Assistant, 20)];
        assert!(awaits_answer_from(&thread, Role::Centre));
        assert!(!awaits_answer_from(&thread, Role::Assistant));
        assert!(!awaits_answer_from(&[], Role::Centre));
        assert!(validate_comment("  ").is_err());
    }
}
