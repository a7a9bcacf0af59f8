//! Who may write what: the role policy, defined once and applied at every
//! door. The store refuses a local change its workspace's role may not
//! make, whoever calls (the window, the CLI, the demo); an import refuses a
//! bundle carrying an event that its writer's enrolled role may not make.
//!
//! The rule is stated on the change itself (its kind, and for a conflict's
//! resolution the record and field it settles), so an event is judged the
//! same way on the device that wrote it and on every device that receives
//! it.

use crate::event::Change;
use crate::workspace::Role;
use crate::EntityType;

/// Who may author a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Authors {
    /// The family's assistant, on a laptop: the case record, the plan, the
    /// diary, evaluations (not their decision), closing, opinions.
    Assistant,
    /// The centre: its settings, the lists every laptop uses, the decision
    /// on a submitted evaluation.
    Centre,
    /// Either: a workspace's own creation, a placeholder standing for an
    /// event (judged by the event it stands for, where it is read), and
    /// settling a conflict in a case.
    Either,
}

impl Authors {
    pub fn allows(self, role: Role) -> bool {
        match self {
            Authors::Either => true,
            Authors::Assistant => role == Role::Assistant,
            Authors::Centre => role == Role::Centre,
        }
    }
}

/// Who may author `change`.
pub fn authors_of(change: &Change) -> Authors {
    match change {
        Change::WorkspaceCreated { .. } | Change::Withheld { .. } => Authors::Either,
        Change::WorkspaceSettingsSet { .. }
        | Change::WorkspacePlanAreasSet { .. }
        | Change::WorkspaceRatingScaleSet { .. }
        | Change::WorkspaceClosingReasonsSet { .. }
        | Change::EvaluationDecided { .. }
        | Change::AssistantRegistered { .. }
        | Change::AssistantUpdated { .. }
        | Change::FamilyReferred { .. }
        | Change::FamilyAssigned { .. }
        | Change::PlanDecided { .. }
        | Change::DuplicatesDecided { .. } => Authors::Centre,
        Change::ConflictResolved { record: EntityType::Assistant | EntityType::Duplicate, .. } => Authors::Centre,
        Change::ConflictResolved { record: EntityType::Family, field, .. } if field == "assignment" => Authors::Centre,
        // A court's letter may reach the centre or the assistant first:
        // either scans it into the case, and either takes a wrong one off.
        Change::CommentAdded { .. } | Change::AttachmentAdded { .. } | Change::AttachmentRemoved {} => Authors::Either,
        // A conflict in the centre's settings or decision is the centre's
        // to settle; one in a case (two laptops' edits after a handover)
        // is settled by its assistant or by a supervisor at the centre.
        Change::ConflictResolved { record: EntityType::Workspace, .. } => Authors::Centre,
        Change::ConflictResolved { record: EntityType::Evaluation, field, .. } if field == "decision" => {
            Authors::Centre
        }
        Change::ConflictResolved { .. } => Authors::Either,
        Change::FamilyCreated { .. }
        | Change::FamilyUpdated { .. }
        | Change::FamilyDeleted {}
        | Change::FamilyDetailsSet { .. }
        | Change::FamilyStatusChanged { .. }
        | Change::MemberAdded { .. }
        | Change::MemberUpdated { .. }
        | Change::MemberDeleted {}
        | Change::NoteAdded { .. }
        | Change::PlanVersionSaved { .. }
        | Change::PlanProgressNoted { .. }
        | Change::VisitRecorded { .. }
        | Change::VisitUpdated { .. }
        | Change::VisitDeleted {}
        | Change::EvaluationCreated { .. }
        | Change::EvaluationUpdated { .. }
        | Change::EvaluationSubmitted { .. }
        | Change::OpinionRequested { .. }
        | Change::OpinionDrafted { .. }
        | Change::OpinionFinalized { .. }
        | Change::FamilyHandedOver { .. }
        | Change::PlanSubmitted { .. } => Authors::Assistant,
    }
}

/// Whether a workspace of `role` may write `change`.
pub fn may_write(role: Role, change: &Change) -> bool {
    authors_of(change).allows(role)
}

/// Whether an event written by a device of `role` keeps the policy. The
/// first release's events (schema 1) predate roles: a laptop then kept its
/// own settings, and those events keep reading as they were written.
pub fn event_keeps_policy(role: Role, event: &crate::Event) -> bool {
    event.schema_version < 2 || may_write(role, &event.change)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(json: &str) -> Change {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn the_centre_alone_changes_its_settings_and_decides() {
        for json in [
            r#"{"type":"workspace.settings_set","caseload_cap":3,"no_visit_days":30}"#,
            r#"{"type":"workspace.plan_areas_set","areas":[]}"#,
            r#"{"type":"evaluation.decided","decision":"accepted","on":"2026-11-30"}"#,
        ] {
            assert!(may_write(Role::Centre, &change(json)), "{json}");
            assert!(!may_write(Role::Assistant, &change(json)), "{json}");
        }
    }

    #[test]
    fn the_assistant_alone_writes_the_case() {
        for json in [
            r#"{"type":"family.created","name":"Nowak","address":"ul. Długa 1"}"#,
            r#"{"type":"family.status_changed","status":"closed"}"#,
            r#"{"type":"note.added","family_id":"00000000-0000-0000-0000-000000000009","text":"x","restricted":false}"#,
        ] {
            assert!(may_write(Role::Assistant, &change(json)), "{json}");
            assert!(!may_write(Role::Centre, &change(json)), "{json}");
        }
    }

    #[test]
    fn a_conflict_is_settled_by_whoever_may_write_its_field() {
        let resolve = |record: &str, field: &str| {
            change(&format!(r#"{{"type":"conflict.resolved","record":"{record}","field":"{field}","value":null}}"#))
        };
        assert!(may_write(Role::Centre, &resolve("workspace", "caseload_cap")));
        assert!(!may_write(Role::Assistant, &resolve("workspace", "caseload_cap")));
        assert!(may_write(Role::Centre, &resolve("evaluation", "decision")));
        assert!(!may_write(Role::Assistant, &resolve("evaluation", "decision")));
        assert!(may_write(Role::Assistant, &resolve("evaluation", "family_view")));
        assert!(may_write(Role::Centre, &resolve("member", "last_name")), "a supervisor settles a case's conflict");
        assert!(may_write(Role::Assistant, &resolve("member", "last_name")));
    }

    #[test]
    fn the_centre_steers_and_the_laptop_answers() {
        for json in [
            r#"{"type":"assistant.registered","assistant":{"name":"E"}}"#,
            r#"{"type":"family.referred","name":"N","address":"A","referral":{"requested_on":"2026-11-02","basis":"court_order"}}"#,
            r#"{"type":"family.assigned","assignment":{"assistant":{"assistant_id":"00000000-0000-0000-0000-000000000005","name":"A"},"on":"2026-12-01"}}"#,
            r#"{"type":"plan.decided","family_id":"00000000-0000-0000-0000-000000000009","version":1,"version_event":"00000000-0000-0000-0000-000000000008","decision":"accepted","on":"2026-12-03"}"#,
            r#"{"type":"duplicates.decided","families":["00000000-0000-0000-0000-000000000009","00000000-0000-0000-0000-00000000000a"],"decision":"merge"}"#,
        ] {
            assert!(may_write(Role::Centre, &change(json)), "{json}");
            assert!(!may_write(Role::Assistant, &change(json)), "{json}");
        }
        for json in [
            r#"{"type":"family.handed_over","assignment":"00000000-0000-0000-0000-000000000008","on":"2026-12-02"}"#,
            r#"{"type":"plan.submitted","family_id":"00000000-0000-0000-0000-000000000009","version":1,"version_event":"00000000-0000-0000-0000-000000000008","on":"2026-12-02"}"#,
        ] {
            assert!(may_write(Role::Assistant, &change(json)), "{json}");
            assert!(!may_write(Role::Centre, &change(json)), "{json}");
        }
        let comment = change(
            r#"{"type":"comment.added","family_id":"00000000-0000-0000-0000-000000000009","target":{"record":"family","id":"x"},"side":"centre","text":"t"}"#,
        );
        assert!(may_write(Role::Centre, &comment) && may_write(Role::Assistant, &comment));
    }

    #[test]
    fn either_side_creates_its_own_workspace() {
        let created = change(r#"{"type":"workspace.created","assistant_name":"A","centre_name":"C"}"#);
        assert!(may_write(Role::Centre, &created) && may_write(Role::Assistant, &created));
    }
}
