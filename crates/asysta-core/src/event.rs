//! The event log's wire format.
//!
//! Every change to a record is one immutable [`Event`]. The tables the app
//! reads are projections of these events. The JSON form of an event is what
//! bundles carry between laptops, so it is pinned by tests below: renaming a
//! field or a `type` tag breaks every bundle already written. Add new
//! variants; never change old ones (bump [`EVENT_SCHEMA_VERSION`] and keep
//! reading the old shape instead).

use crate::attachment::Attachment;
use crate::centre::{Assignment, AssistantEntry, CommentTarget, Referral};
use crate::closing::ClosingReason;
use crate::evaluation::{Decision, Evaluation, RatingLevel};
use crate::hlc::Hlc;
use crate::ids::{DeviceId, EntityId, EventId, UserId};
use crate::member::MemberDetails;
use crate::opinion::OpinionRequest;
use crate::plan::{PlanArea, PlanVersion, ProgressNote};
use crate::record::{CaseDetails, FamilyStatus};
use crate::visit::Visit;
use crate::workspace::Role;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of the event schema written by this build.
///
/// - 1: the first release's events.
/// - 2: adds `family_id` (the case an event belongs to) and `based_on` (the
///   head events of the record the change was made on), and the
///   `conflict.resolved` change. Version 1 events keep reading: both fields
///   are optional, and a version 1 event is based on the earlier events of
///   its own device (see [`crate::merge`]).
///
/// - 3: adds the `event.withheld` placeholder of an event left out of a
///   bundle (see [`Change::Withheld`]).
///
/// - 4: adds evaluations (`evaluation.*`), court opinions (`opinion.*`),
///   the centre's rating scale and closing reasons, the evaluation,
///   monitoring and lock periods of the settings, and the reason key and
///   summary of a closing. Older events read as before.
///
/// - 5: adds the centre's steering: its register of assistants
///   (`assistant.*`), cases referred to the centre (`family.referred`),
///   assignments and transfers (`family.assigned`) and their
///   acknowledgement (`family.handed_over`), plan versions submitted and
///   decided (`plan.submitted`, `plan.decided`), comments
///   (`comment.added`), the supervisor's decision on a family entered
///   twice (`duplicates.decided`), and the decision a correction of an
///   evaluation was made knowing (`decision_seen`). Older events read as
///   before.
///
/// - 6: adds to a diary entry (`visit.recorded`, `visit.updated`) a visit
///   planned ahead (`planned`, `purpose`: not a contact until it is
///   corrected with `planned: false`) and the journey to a contact
///   (`travel`). Older events read as before (all three absent: a contact,
///   no journey recorded).
///
/// - 7: adds attachments (`attachment.added`, `attachment.removed`): a
///   scan or photo kept with a case; its bytes travel beside the events in
///   a version 2 bundle frame. Older events read as before.
///
/// An app refuses events of a newer version than this one: it could not
/// merge them correctly.
pub const EVENT_SCHEMA_VERSION: u32 = 7;

/// One immutable entry of the append-only log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub event_id: EventId,
    /// The device that wrote the event; `(device_id, seq)` is unique and
    /// gap-free per device.
    pub device_id: DeviceId,
    pub seq: u64,
    pub entity_type: EntityType,
    pub entity_id: EntityId,
    /// The family (case) the event belongs to, when it concerns one; absent
    /// in version 1 events, where the store derives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_id: Option<EntityId>,
    /// How many events the record had when the change was made (0 for a
    /// create). Informational: merges use `based_on`.
    pub base_rev: u64,
    /// The head events of the record this change was made on (empty for a
    /// create, and in version 1 events). Two changes with the same heads
    /// from different devices are concurrent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub based_on: Vec<EventId>,
    pub hlc: Hlc,
    pub schema_version: u32,
    pub author: Author,
    pub change: Change,
}

/// Who made a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub user_id: UserId,
    pub name: String,
}

/// The kind of record an event changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    Workspace,
    Family,
    Member,
    Note,
    Plan,
    Visit,
    Evaluation,
    Opinion,
    /// An assistant in the centre's register.
    Assistant,
    /// A comment on a record of a case.
    Comment,
    /// The supervisor's decision on two families that may be one.
    Duplicate,
    /// A scan or photo kept with a case.
    Attachment,
}

impl EntityType {
    pub const ALL: [EntityType; 12] = [
        EntityType::Workspace,
        EntityType::Family,
        EntityType::Member,
        EntityType::Note,
        EntityType::Plan,
        EntityType::Visit,
        EntityType::Evaluation,
        EntityType::Opinion,
        EntityType::Assistant,
        EntityType::Comment,
        EntityType::Duplicate,
        EntityType::Attachment,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Workspace => "workspace",
            EntityType::Family => "family",
            EntityType::Member => "member",
            EntityType::Note => "note",
            EntityType::Plan => "plan",
            EntityType::Visit => "visit",
            EntityType::Evaluation => "evaluation",
            EntityType::Opinion => "opinion",
            EntityType::Assistant => "assistant",
            EntityType::Comment => "comment",
            EntityType::Duplicate => "duplicate",
            EntityType::Attachment => "attachment",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an event does. The `type` tag names it on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Change {
    /// The workspace was set up on this device.
    #[serde(rename = "workspace.created")]
    WorkspaceCreated { assistant_name: String, centre_name: String },
    /// The centre's settings for this workspace.
    #[serde(rename = "workspace.settings_set")]
    WorkspaceSettingsSet {
        caseload_cap: u32,
        no_visit_days: u32,
        /// Months between evaluations (schema 4; absent = unchanged).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        evaluation_months: Option<u32>,
        /// Months of monitoring after closing (schema 4).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        monitoring_months: Option<u32>,
        /// Minutes without use before the app locks (schema 4).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lock_minutes: Option<u32>,
        /// The limit per attached file, in MB (schema 7).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        attachment_limit_mb: Option<u32>,
    },
    /// The centre's rating scale for evaluations (replaces the default).
    #[serde(rename = "workspace.rating_scale_set")]
    WorkspaceRatingScaleSet { levels: Vec<RatingLevel> },
    /// The centre's list of reasons for closing the work.
    #[serde(rename = "workspace.closing_reasons_set")]
    WorkspaceClosingReasonsSet { reasons: Vec<ClosingReason> },
    /// The centre's list of work-plan areas (replaces the default list).
    #[serde(rename = "workspace.plan_areas_set")]
    WorkspacePlanAreasSet { areas: Vec<PlanArea> },
    /// A family was taken into the assistant's care.
    #[serde(rename = "family.created")]
    FamilyCreated { name: String, address: String },
    /// Some of a family's fields changed; absent fields are unchanged.
    #[serde(rename = "family.updated")]
    FamilyUpdated {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        address: Option<String>,
    },
    /// A tombstone: the family record was removed (its events stay).
    #[serde(rename = "family.deleted")]
    FamilyDeleted {},
    /// The family's case details, replaced as a whole.
    #[serde(rename = "family.details_set")]
    FamilyDetailsSet { details: Box<CaseDetails> },
    /// The family's status moved (closing, monitoring, archiving, re-opening).
    #[serde(rename = "family.status_changed")]
    FamilyStatusChanged {
        status: FamilyStatus,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        on: Option<NaiveDate>,
        /// The closing reason's key in the centre's list (schema 4); then
        /// `reason` is the text that goes with it ("other").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason_key: Option<String>,
        /// The summary of the work, when closing (schema 4).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        summary: String,
    },
    /// A person was added to a family.
    #[serde(rename = "member.added")]
    MemberAdded {
        family_id: EntityId,
        #[serde(flatten)]
        details: MemberDetails,
    },
    /// A person's details were corrected or completed (replaced as a whole).
    #[serde(rename = "member.updated")]
    MemberUpdated {
        #[serde(flatten)]
        details: MemberDetails,
    },
    /// A tombstone for a member.
    #[serde(rename = "member.deleted")]
    MemberDeleted {},
    /// A note on a family. Restricted notes are kept out of every export and
    /// printout by default.
    #[serde(rename = "note.added")]
    NoteAdded { family_id: EntityId, text: String, restricted: bool },
    /// Stands in a bundle for an event the receiver is not to read: a
    /// restricted note the assistant did not include, or, from a centre, an
    /// event of a family another assistant works with. It keeps the event's
    /// envelope (id, device, number, clock, record, family), so the
    /// receiver's log of that device stays gap-free, and leaves the change
    /// out. `digest` is the BLAKE3 digest (hex) of the whole event, so the
    /// event itself, sent later, replaces the placeholder and nothing else
    /// can. Changes no record. Written by bundles only, never by a person.
    #[serde(rename = "event.withheld")]
    Withheld {
        record: EntityType,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        family_id: Option<EntityId>,
        digest: String,
    },
    /// A version of the family's work plan was drawn up (the first one
    /// creates the plan). Earlier versions stay readable.
    #[serde(rename = "plan.version_saved")]
    PlanVersionSaved { family_id: EntityId, version: PlanVersion },
    /// A dated progress note on a plan action, outside a visit.
    #[serde(rename = "plan.progress_noted")]
    PlanProgressNoted { note: ProgressNote },
    /// A visit or other contact was recorded in the diary.
    #[serde(rename = "visit.recorded")]
    VisitRecorded { family_id: EntityId, visit: Box<Visit> },
    /// A diary entry was corrected (replaced whole).
    #[serde(rename = "visit.updated")]
    VisitUpdated { visit: Box<Visit> },
    /// A tombstone for a diary entry.
    #[serde(rename = "visit.deleted")]
    VisitDeleted {},
    /// An evaluation of the family's situation was begun (a draft), or a
    /// correction of an earlier one (`corrects`, `version` one more).
    #[serde(rename = "evaluation.created")]
    EvaluationCreated {
        family_id: EntityId,
        version: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        corrects: Option<EntityId>,
        evaluation: Box<Evaluation>,
        /// For a correction: the centre's decision on the corrected
        /// evaluation the laptop held when it corrected (schema 5). A
        /// decision the correction did not know of is stale.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decision_seen: Option<EventId>,
    },
    /// A draft evaluation was changed (replaced whole).
    #[serde(rename = "evaluation.updated")]
    EvaluationUpdated { evaluation: Box<Evaluation> },
    /// The evaluation went to the head of the centre; it is frozen.
    #[serde(rename = "evaluation.submitted")]
    EvaluationSubmitted { on: NaiveDate },
    /// The head of the centre accepted the evaluation or returned it.
    #[serde(rename = "evaluation.decided")]
    EvaluationDecided {
        decision: Decision,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
        on: NaiveDate,
    },
    /// A court asked for an opinion about the family.
    #[serde(rename = "opinion.requested")]
    OpinionRequested { family_id: EntityId, request: OpinionRequest },
    /// The opinion's text as the assistant edited it.
    #[serde(rename = "opinion.drafted")]
    OpinionDrafted { text: String },
    /// The final version: locked, kept with the request.
    #[serde(rename = "opinion.finalized")]
    OpinionFinalized { text: String, on: NaiveDate },
    /// A person resolved a conflict on one field of a record (or, for a
    /// plan, between versions saved concurrently): `value` is what the field
    /// holds from now on, `kept` the event whose value was kept, if one was.
    /// Based on the conflicting events, so it supersedes them all.
    #[serde(rename = "conflict.resolved")]
    ConflictResolved {
        record: EntityType,
        field: String,
        value: serde_json::Value,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kept: Option<EventId>,
    },
    /// An assistant entered in the centre's register (schema 5).
    #[serde(rename = "assistant.registered")]
    AssistantRegistered { assistant: AssistantEntry },
    /// A register entry corrected or completed (replaced whole).
    #[serde(rename = "assistant.updated")]
    AssistantUpdated { assistant: AssistantEntry },
    /// A case taken in at the centre from a social worker's request or a
    /// court's order; it waits for an assistant.
    #[serde(rename = "family.referred")]
    FamilyReferred { name: String, address: String, referral: Referral },
    /// The centre assigned the family to an assistant, or transferred it
    /// (`assignment.transfer_from`).
    #[serde(rename = "family.assigned")]
    FamilyAssigned { assignment: Assignment },
    /// The old laptop's acknowledgement of a transfer (the assignment's
    /// event), sent after its last changes: the family is read-only there.
    #[serde(rename = "family.handed_over")]
    FamilyHandedOver { assignment: EventId, on: NaiveDate },
    /// A plan version submitted to the centre for its decision.
    #[serde(rename = "plan.submitted")]
    PlanSubmitted { family_id: EntityId, version: u32, version_event: EventId, on: NaiveDate },
    /// The centre's decision on a submitted plan version, bound to its event.
    #[serde(rename = "plan.decided")]
    PlanDecided {
        family_id: EntityId,
        version: u32,
        version_event: EventId,
        decision: Decision,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
        on: NaiveDate,
    },
    /// A comment on a record of the case, from either side.
    #[serde(rename = "comment.added")]
    CommentAdded {
        family_id: EntityId,
        target: CommentTarget,
        side: Role,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reply_to: Option<EntityId>,
    },
    /// The supervisor's decision on two families of different assistants
    /// that look like one: merge the second into the first, or keep them
    /// apart. Filed under the second family.
    #[serde(rename = "duplicates.decided")]
    DuplicatesDecided { families: [EntityId; 2], decision: DuplicateDecision },
    /// A file attached to a case (schema 7); its bytes travel beside the
    /// events, under the attachment's digest.
    #[serde(rename = "attachment.added")]
    AttachmentAdded { family_id: EntityId, attachment: Attachment },
    /// An attachment taken off its case (the tombstone; the file stays in
    /// the history).
    #[serde(rename = "attachment.removed")]
    AttachmentRemoved {},
}

/// What the supervisor decided about two families that may be one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateDecision {
    /// The second family is the first: it is shown merged into it.
    Merge,
    /// Two different families.
    KeepApart,
}

impl Change {
    /// The entity type every change of this kind applies to.
    pub fn entity_type(&self) -> EntityType {
        match self {
            Change::WorkspaceCreated { .. }
            | Change::WorkspaceSettingsSet { .. }
            | Change::WorkspacePlanAreasSet { .. }
            | Change::WorkspaceRatingScaleSet { .. }
            | Change::WorkspaceClosingReasonsSet { .. } => EntityType::Workspace,
            Change::FamilyCreated { .. }
            | Change::FamilyUpdated { .. }
            | Change::FamilyDeleted {}
            | Change::FamilyDetailsSet { .. }
            | Change::FamilyStatusChanged { .. } => EntityType::Family,
            Change::MemberAdded { .. } | Change::MemberUpdated { .. } | Change::MemberDeleted {} => EntityType::Member,
            Change::NoteAdded { .. } => EntityType::Note,
            Change::PlanVersionSaved { .. } | Change::PlanProgressNoted { .. } => EntityType::Plan,
            Change::VisitRecorded { .. } | Change::VisitUpdated { .. } | Change::VisitDeleted {} => EntityType::Visit,
            Change::EvaluationCreated { .. }
            | Change::EvaluationUpdated { .. }
            | Change::EvaluationSubmitted { .. }
            | Change::EvaluationDecided { .. } => EntityType::Evaluation,
            Change::OpinionRequested { .. } | Change::OpinionDrafted { .. } | Change::OpinionFinalized { .. } => {
                EntityType::Opinion
            }
            Change::ConflictResolved { record, .. } | Change::Withheld { record, .. } => *record,
            Change::AssistantRegistered { .. } | Change::AssistantUpdated { .. } => EntityType::Assistant,
            Change::FamilyReferred { .. } | Change::FamilyAssigned { .. } | Change::FamilyHandedOver { .. } => {
                EntityType::Family
            }
            Change::PlanSubmitted { .. } | Change::PlanDecided { .. } => EntityType::Plan,
            Change::CommentAdded { .. } => EntityType::Comment,
            Change::DuplicatesDecided { .. } => EntityType::Duplicate,
            Change::AttachmentAdded { .. } | Change::AttachmentRemoved {} => EntityType::Attachment,
        }
    }

    /// The family a change names in its payload, if it does.
    pub fn family_in_payload(&self) -> Option<EntityId> {
        match self {
            Change::MemberAdded { family_id, .. }
            | Change::NoteAdded { family_id, .. }
            | Change::PlanVersionSaved { family_id, .. }
            | Change::VisitRecorded { family_id, .. }
            | Change::EvaluationCreated { family_id, .. }
            | Change::OpinionRequested { family_id, .. }
            | Change::PlanSubmitted { family_id, .. }
            | Change::PlanDecided { family_id, .. }
            | Change::CommentAdded { family_id, .. }
            | Change::AttachmentAdded { family_id, .. } => Some(*family_id),
            Change::DuplicatesDecided { families, .. } => Some(families[1]),
            Change::Withheld { family_id, .. } => *family_id,
            _ => None,
        }
    }

    /// The wire name of the change, e.g. `family.created`.
    pub fn kind(&self) -> &'static str {
        match self {
            Change::WorkspaceCreated { .. } => "workspace.created",
            Change::WorkspaceSettingsSet { .. } => "workspace.settings_set",
            Change::WorkspacePlanAreasSet { .. } => "workspace.plan_areas_set",
            Change::WorkspaceRatingScaleSet { .. } => "workspace.rating_scale_set",
            Change::WorkspaceClosingReasonsSet { .. } => "workspace.closing_reasons_set",
            Change::EvaluationCreated { .. } => "evaluation.created",
            Change::EvaluationUpdated { .. } => "evaluation.updated",
            Change::EvaluationSubmitted { .. } => "evaluation.submitted",
            Change::EvaluationDecided { .. } => "evaluation.decided",
            Change::OpinionRequested { .. } => "opinion.requested",
            Change::OpinionDrafted { .. } => "opinion.drafted",
            Change::OpinionFinalized { .. } => "opinion.finalized",
            Change::FamilyDetailsSet { .. } => "family.details_set",
            Change::FamilyStatusChanged { .. } => "family.status_changed",
            Change::NoteAdded { .. } => "note.added",
            Change::Withheld { .. } => "event.withheld",
            Change::PlanVersionSaved { .. } => "plan.version_saved",
            Change::PlanProgressNoted { .. } => "plan.progress_noted",
            Change::VisitRecorded { .. } => "visit.recorded",
            Change::VisitUpdated { .. } => "visit.updated",
            Change::VisitDeleted {} => "visit.deleted",
            Change::FamilyCreated { .. } => "family.created",
            Change::FamilyUpdated { .. } => "family.updated",
            Change::FamilyDeleted {} => "family.deleted",
            Change::MemberAdded { .. } => "member.added",
            Change::MemberUpdated { .. } => "member.updated",
            Change::MemberDeleted {} => "member.deleted",
            Change::ConflictResolved { .. } => "conflict.resolved",
            Change::AssistantRegistered { .. } => "assistant.registered",
            Change::AssistantUpdated { .. } => "assistant.updated",
            Change::FamilyReferred { .. } => "family.referred",
            Change::FamilyAssigned { .. } => "family.assigned",
            Change::FamilyHandedOver { .. } => "family.handed_over",
            Change::PlanSubmitted { .. } => "plan.submitted",
            Change::PlanDecided { .. } => "plan.decided",
            Change::CommentAdded { .. } => "comment.added",
            Change::DuplicatesDecided { .. } => "duplicates.decided",
            Change::AttachmentAdded { .. } => "attachment.added",
            Change::AttachmentRemoved {} => "attachment.removed",
        }
    }

    /// The Fluent message that describes the change in a history, e.g.
    /// `change-family-status-changed`.
    pub fn message_id(&self) -> String {
        format!("change-{}", self.kind().replace(['.', '_'], "-"))
    }

    /// Whether this change is a tombstone.
    pub fn is_tombstone(&self) -> bool {
        matches!(
            self,
            Change::FamilyDeleted {}
                | Change::MemberDeleted {}
                | Change::VisitDeleted {}
                | Change::AttachmentRemoved {}
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    /// A version 1 event: what the first release wrote (no `family_id`,
    /// no `based_on`), so the pins below hold today's bundles to their bytes.
    fn sample(change: Change) -> Event {
        Event {
            event_id: EventId(id(1)),
            device_id: DeviceId(id(2)),
            seq: 7,
            entity_type: change.entity_type(),
            entity_id: EntityId(id(3)),
            family_id: None,
            base_rev: 0,
            based_on: Vec::new(),
            hlc: Hlc { wall_ms: 1_764_000_000_000, counter: 2 },
            schema_version: 1,
            author: Author { user_id: UserId(id(4)), name: "Anna Łęcka".into() },
            change,
        }
    }

    /// The index of a change's variant. No wildcard arm: a new variant does
    /// not compile until it is listed here, and then
    /// `every_change_variant_is_pinned` fails until it has a pin.
    fn variant_index(change: &Change) -> usize {
        match change {
            Change::WorkspaceCreated { .. } => 0,
            Change::WorkspaceSettingsSet { .. } => 1,
            Change::WorkspacePlanAreasSet { .. } => 2,
            Change::FamilyCreated { .. } => 3,
            Change::FamilyUpdated { .. } => 4,
            Change::FamilyDeleted {} => 5,
            Change::FamilyDetailsSet { .. } => 6,
            Change::FamilyStatusChanged { .. } => 7,
            Change::MemberAdded { .. } => 8,
            Change::MemberUpdated { .. } => 9,
            Change::MemberDeleted {} => 10,
            Change::NoteAdded { .. } => 11,
            Change::PlanVersionSaved { .. } => 12,
            Change::PlanProgressNoted { .. } => 13,
            Change::VisitRecorded { .. } => 14,
            Change::VisitUpdated { .. } => 15,
            Change::VisitDeleted {} => 16,
            Change::ConflictResolved { .. } => 17,
            Change::Withheld { .. } => 18,
            Change::WorkspaceRatingScaleSet { .. } => 19,
            Change::WorkspaceClosingReasonsSet { .. } => 20,
            Change::EvaluationCreated { .. } => 21,
            Change::EvaluationUpdated { .. } => 22,
            Change::EvaluationSubmitted { .. } => 23,
            Change::EvaluationDecided { .. } => 24,
            Change::OpinionRequested { .. } => 25,
            Change::OpinionDrafted { .. } => 26,
            Change::OpinionFinalized { .. } => 27,
            Change::AssistantRegistered { .. } => 28,
            Change::AssistantUpdated { .. } => 29,
            Change::FamilyReferred { .. } => 30,
            Change::FamilyAssigned { .. } => 31,
            Change::FamilyHandedOver { .. } => 32,
            Change::PlanSubmitted { .. } => 33,
            Change::PlanDecided { .. } => 34,
            Change::CommentAdded { .. } => 35,
            Change::DuplicatesDecided { .. } => 36,
            Change::AttachmentAdded { .. } => 37,
            Change::AttachmentRemoved {} => 38,
        }
    }
    const VARIANTS: usize = 39;

    thread_local! {
        static PINNED: std::cell::RefCell<std::collections::BTreeSet<usize>> = Default::default();
    }

    #[track_caller]
    fn check_wire(change: Change, expected_change_json: &str) {
        PINNED.with(|p| p.borrow_mut().insert(variant_index(&change)));
        let event = sample(change);
        let json = serde_json::to_string(&event).unwrap();
        let expected = format!(
            concat!(
                r#"{{"event_id":"00000000-0000-0000-0000-000000000001","#,
                r#""device_id":"00000000-0000-0000-0000-000000000002","seq":7,"#,
                r#""entity_type":"{}","entity_id":"00000000-0000-0000-0000-000000000003","#,
                r#""base_rev":0,"hlc":{{"wall_ms":1764000000000,"counter":2}},"schema_version":1,"#,
                r#""author":{{"user_id":"00000000-0000-0000-0000-000000000004","name":"Anna Łęcka"}},"#,
                r#""change":{}}}"#
            ),
            event.entity_type, expected_change_json
        );
        assert_eq!(json, expected, "the wire format of {} changed", event.change.kind());
        let back: Event = serde_json::from_str(&expected).unwrap();
        assert_eq!(back, event);
    }

    #[test]
    fn event_wire_format_is_stable() {
        check_wire(
            Change::WorkspaceCreated { assistant_name: "Anna".into(), centre_name: "MOPS Łódź".into() },
            r#"{"type":"workspace.created","assistant_name":"Anna","centre_name":"MOPS Łódź"}"#,
        );
        check_wire(
            Change::FamilyCreated { name: "Żółć".into(), address: "ul. Długa 1, Gdańsk".into() },
            r#"{"type":"family.created","name":"Żółć","address":"ul. Długa 1, Gdańsk"}"#,
        );
        check_wire(
            Change::FamilyUpdated { name: None, address: Some("ul. Krótka 2".into()) },
            r#"{"type":"family.updated","address":"ul. Krótka 2"}"#,
        );
        check_wire(Change::FamilyDeleted {}, r#"{"type":"family.deleted"}"#);
        check_wire(
            Change::MemberAdded { family_id: EntityId(id(9)), details: MemberDetails::named("Łucja", "Żółć") },
            r#"{"type":"member.added","family_id":"00000000-0000-0000-0000-000000000009","first_name":"Łucja","last_name":"Żółć"}"#,
        );
        let pesel = crate::pesel::Pesel::parse("44051401359").unwrap();
        check_wire(
            Change::MemberUpdated {
                details: MemberDetails {
                    birth_date: Some(pesel.birth_date()),
                    sex: Some(pesel.sex()),
                    relation: crate::member::Relation::Grandparent,
                    pesel: Some(pesel),
                    ..MemberDetails::named("Jan", "Żółć")
                },
            },
            concat!(
                r#"{"type":"member.updated","first_name":"Jan","last_name":"Żółć","birth_date":"1944-05-14","#,
                r#""sex":"male","relation":"grandparent","pesel":"44051401359"}"#
            ),
        );
        check_wire(Change::MemberDeleted {}, r#"{"type":"member.deleted"}"#);
        check_wire(
            Change::WorkspaceSettingsSet {
                caseload_cap: 15,
                no_visit_days: 14,
                evaluation_months: None,
                monitoring_months: None,
                lock_minutes: None,
                attachment_limit_mb: None,
            },
            r#"{"type":"workspace.settings_set","caseload_cap":15,"no_visit_days":14}"#,
        );
        check_wire(
            Change::FamilyStatusChanged {
                status: FamilyStatus::Closed,
                reason: "cel osiągnięty".into(),
                on: NaiveDate::from_ymd_opt(2026, 11, 2),
                reason_key: None,
                summary: String::new(),
            },
            r#"{"type":"family.status_changed","status":"closed","reason":"cel osiągnięty","on":"2026-11-02"}"#,
        );
        check_wire(
            Change::FamilyDetailsSet {
                details: Box::new(CaseDetails { phones: vec!["600 100 200".into()], ..Default::default() }),
            },
            concat!(
                r#"{"type":"family.details_set","details":{"phones":["600 100 200"],"social_worker":null,"#,
                r#""basis":null,"start_date":null,"consent_date":null,"foster_care":[],"za_zyciem":null,"#,
                r#""niebieska_karta":null}}"#
            ),
        );
        let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        check_wire(
            Change::PlanProgressNoted {
                note: ProgressNote {
                    action_id: EntityId(id(7)),
                    date: date("2026-11-20"),
                    note: "Złożono wniosek".into(),
                    status: Some(crate::plan::ActionStatus::Done),
                },
            },
            concat!(
                r#"{"type":"plan.progress_noted","note":{"action_id":"00000000-0000-0000-0000-000000000007","#,
                r#""date":"2026-11-20","note":"Złożono wniosek","status":"done"}}"#
            ),
        );
        check_wire(Change::VisitDeleted {}, r#"{"type":"visit.deleted"}"#);
        check_wire(
            Change::NoteAdded { family_id: EntityId(id(9)), text: "Notatka".into(), restricted: true },
            r#"{"type":"note.added","family_id":"00000000-0000-0000-0000-000000000009","text":"Notatka","restricted":true}"#,
        );
    }

    fn sample_visit() -> crate::visit::Visit {
        let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let time = |s: &str| chrono::NaiveTime::parse_from_str(s, "%H:%M").unwrap();
        crate::visit::Visit {
            date: date("2026-11-20"),
            start: time("10:00"),
            end: time("11:30"),
            place: crate::visit::Place::Home,
            form: crate::visit::ContactForm::HomeVisit,
            participants: vec![EntityId(id(8))],
            other_participants: "pedagog szkolny".into(),
            areas: vec!["care_upbringing".into()],
            actions_worked: vec![crate::visit::ActionWorked {
                action_id: EntityId(id(7)),
                note: "Rozmowa o wniosku".into(),
                status: Some(crate::plan::ActionStatus::InProgress),
            }],
            notes: "Wizyta spokojna, dzieci w domu.".into(),
            next_planned: Some(date("2026-11-27")),
            intervention: None,
            planned: None,
            purpose: None,
            travel: None,
        }
    }

    /// The changes that arrived after the first pins were taken (their
    /// events are version 1 too: the first release wrote them).
    #[test]
    fn event_wire_format_is_stable_for_plans_visits_and_areas() {
        check_wire(
            Change::WorkspacePlanAreasSet {
                areas: vec![PlanArea {
                    key: "housing".into(),
                    name_pl: "Mieszkanie".into(),
                    name_en: "Housing".into(),
                }],
            },
            r#"{"type":"workspace.plan_areas_set","areas":[{"key":"housing","name_pl":"Mieszkanie","name_en":"Housing"}]}"#,
        );
        let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        check_wire(
            Change::PlanVersionSaved {
                family_id: EntityId(id(9)),
                version: PlanVersion {
                    number: 2,
                    agreed_with_family_on: Some(date("2026-11-02")),
                    consultation: Some(crate::plan::Consultation {
                        date: date("2026-11-03"),
                        social_worker: "Ewa Żak".into(),
                    }),
                    goals: vec![crate::plan::PlanGoal {
                        id: EntityId(id(6)),
                        area: "housing".into(),
                        goal: "Spłata zadłużenia czynszu".into(),
                        actions: vec![crate::plan::PlanAction {
                            id: EntityId(id(7)),
                            what: "Wniosek o dodatek mieszkaniowy".into(),
                            who: crate::plan::Actor::Member { member_id: EntityId(id(8)) },
                            deadline: Some(date("2027-01-31")),
                            expected_effect: "Dodatek przyznany".into(),
                            status: crate::plan::ActionStatus::Planned,
                        }],
                    }],
                },
            },
            concat!(
                r#"{"type":"plan.version_saved","family_id":"00000000-0000-0000-0000-000000000009","version":{"number":2,"#,
                r#""agreed_with_family_on":"2026-11-02","consultation":{"date":"2026-11-03","social_worker":"Ewa Żak"},"#,
                r#""goals":[{"id":"00000000-0000-0000-0000-000000000006","area":"housing","goal":"Spłata zadłużenia czynszu","#,
                r#""actions":[{"id":"00000000-0000-0000-0000-000000000007","what":"Wniosek o dodatek mieszkaniowy","#,
                r#""who":{"kind":"member","member_id":"00000000-0000-0000-0000-000000000008"},"deadline":"2027-01-31","#,
                r#""expected_effect":"Dodatek przyznany","status":"planned"}]}]}}"#
            ),
        );
        check_wire(
            Change::VisitRecorded { family_id: EntityId(id(9)), visit: Box::new(sample_visit()) },
            concat!(
                r#"{"type":"visit.recorded","family_id":"00000000-0000-0000-0000-000000000009","visit":"#,
                "VISIT}"
            )
            .replace("VISIT", SAMPLE_VISIT_JSON)
            .as_str(),
        );
        check_wire(
            Change::VisitUpdated { visit: Box::new(sample_visit()) },
            concat!(r#"{"type":"visit.updated","visit":"#, "VISIT}").replace("VISIT", SAMPLE_VISIT_JSON).as_str(),
        );
    }

    const SAMPLE_VISIT_JSON: &str = concat!(
        r#"{"date":"2026-11-20","start":"10:00:00","end":"11:30:00","place":{"kind":"home"},"form":"home_visit","#,
        r#""participants":["00000000-0000-0000-0000-000000000008"],"other_participants":"pedagog szkolny","#,
        r#""areas":["care_upbringing"],"actions_worked":[{"action_id":"00000000-0000-0000-0000-000000000007","#,
        r#""note":"Rozmowa o wniosku","status":"in_progress"}],"notes":"Wizyta spokojna, dzieci w domu.","#,
        r#""next_planned":"2026-11-27","intervention":null}"#
    );

    /// Version 2 adds `family_id` and `based_on` to the envelope and the
    /// `conflict.resolved` change.
    #[test]
    fn event_wire_format_is_stable_for_version_2() {
        let change = Change::ConflictResolved {
            record: EntityType::Member,
            field: "first_name".into(),
            value: serde_json::json!("Łucja"),
            kept: Some(EventId(id(5))),
        };
        PINNED.with(|p| p.borrow_mut().insert(variant_index(&change)));
        let event = Event {
            family_id: Some(EntityId(id(9))),
            based_on: vec![EventId(id(5)), EventId(id(6))],
            schema_version: 2,
            base_rev: 3,
            ..sample(change)
        };
        let expected = concat!(
            r#"{"event_id":"00000000-0000-0000-0000-000000000001","device_id":"00000000-0000-0000-0000-000000000002","#,
            r#""seq":7,"entity_type":"member","entity_id":"00000000-0000-0000-0000-000000000003","#,
            r#""family_id":"00000000-0000-0000-0000-000000000009","base_rev":3,"#,
            r#""based_on":["00000000-0000-0000-0000-000000000005","00000000-0000-0000-0000-000000000006"],"#,
            r#""hlc":{"wall_ms":1764000000000,"counter":2},"schema_version":2,"#,
            r#""author":{"user_id":"00000000-0000-0000-0000-000000000004","name":"Anna Łęcka"},"#,
            r#""change":{"type":"conflict.resolved","record":"member","field":"first_name","value":"Łucja","#,
            r#""kept":"00000000-0000-0000-0000-000000000005"}}"#
        );
        assert_eq!(serde_json::to_string(&event).unwrap(), expected);
        assert_eq!(serde_json::from_str::<Event>(expected).unwrap(), event);
    }

    /// Version 3 adds the `event.withheld` placeholder.
    #[test]
    fn event_wire_format_is_stable_for_version_3() {
        let change =
            Change::Withheld { record: EntityType::Note, family_id: Some(EntityId(id(9))), digest: "ab12".into() };
        PINNED.with(|p| p.borrow_mut().insert(variant_index(&change)));
        let event = Event { family_id: Some(EntityId(id(9))), schema_version: 3, ..sample(change) };
        let expected = concat!(
            r#"{"event_id":"00000000-0000-0000-0000-000000000001","device_id":"00000000-0000-0000-0000-000000000002","#,
            r#""seq":7,"entity_type":"note","entity_id":"00000000-0000-0000-0000-000000000003","#,
            r#""family_id":"00000000-0000-0000-0000-000000000009","base_rev":0,"#,
            r#""hlc":{"wall_ms":1764000000000,"counter":2},"schema_version":3,"#,
            r#""author":{"user_id":"00000000-0000-0000-0000-000000000004","name":"Anna Łęcka"},"#,
            r#""change":{"type":"event.withheld","record":"note","#,
            r#""family_id":"00000000-0000-0000-0000-000000000009","digest":"ab12"}}"#
        );
        assert_eq!(serde_json::to_string(&event).unwrap(), expected);
        assert_eq!(serde_json::from_str::<Event>(expected).unwrap(), event);
    }

    /// Version 4 adds evaluations, court opinions, the rating scale, the
    /// closing reasons, and optional fields of the settings and closings.
    #[test]
    fn event_wire_format_is_stable_for_version_4() {
        let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        check_wire(
            Change::WorkspaceSettingsSet {
                caseload_cap: 12,
                no_visit_days: 14,
                evaluation_months: Some(6),
                monitoring_months: Some(3),
                lock_minutes: Some(10),
                attachment_limit_mb: None,
            },
            concat!(
                r#"{"type":"workspace.settings_set","caseload_cap":12,"no_visit_days":14,"evaluation_months":6,"#,
                r#""monitoring_months":3,"lock_minutes":10}"#
            ),
        );
        check_wire(
            Change::WorkspaceRatingScaleSet {
                levels: vec![RatingLevel { value: 1, name_pl: "zła".into(), name_en: "poor".into() }],
            },
            r#"{"type":"workspace.rating_scale_set","levels":[{"value":1,"name_pl":"zła","name_en":"poor"}]}"#,
        );
        check_wire(
            Change::WorkspaceClosingReasonsSet {
                reasons: vec![ClosingReason { key: "other".into(), name_pl: "inny".into(), name_en: "other".into() }],
            },
            r#"{"type":"workspace.closing_reasons_set","reasons":[{"key":"other","name_pl":"inny","name_en":"other"}]}"#,
        );
        check_wire(
            Change::FamilyStatusChanged {
                status: FamilyStatus::Closed,
                reason: String::new(),
                on: Some(date("2026-11-30")),
                reason_key: Some("goals_achieved".into()),
                summary: "Cele osiągnięte.".into(),
            },
            concat!(
                r#"{"type":"family.status_changed","status":"closed","on":"2026-11-30","#,
                r#""reason_key":"goals_achieved","summary":"Cele osiągnięte."}"#
            ),
        );
        let evaluation = Evaluation {
            period_from: date("2026-06-01"),
            period_to: date("2026-11-30"),
            is_final: false,
            areas: vec![crate::evaluation::AreaRating {
                area: "housing".into(),
                rating: Some(4),
                comment: "Lepiej".into(),
            }],
            goals: vec![crate::evaluation::GoalReview {
                goal_id: EntityId(id(6)),
                goal: "Spłata zadłużenia".into(),
                outcome: Some(crate::evaluation::GoalOutcome::Partly),
                comment: String::new(),
            }],
            family_view: "Rodzina widzi postęp.".into(),
            child_risks: String::new(),
            cooperation: Some(crate::evaluation::Cooperation::Good),
            cooperation_comment: String::new(),
            recommendation: Some(crate::evaluation::Recommendation::Continue),
            recommendation_note: String::new(),
        };
        let evaluation_json = concat!(
            r#"{"period_from":"2026-06-01","period_to":"2026-11-30","is_final":false,"#,
            r#""areas":[{"area":"housing","rating":4,"comment":"Lepiej"}],"#,
            r#""goals":[{"goal_id":"00000000-0000-0000-0000-000000000006","goal":"Spłata zadłużenia","#,
            r#""outcome":"partly","comment":""}],"family_view":"Rodzina widzi postęp.","child_risks":"","#,
            r#""cooperation":"good","cooperation_comment":"","recommendation":"continue","recommendation_note":""}"#
        );
        check_wire(
            Change::EvaluationCreated {
                family_id: EntityId(id(9)),
                version: 2,
                corrects: Some(EntityId(id(5))),
                evaluation: Box::new(evaluation.clone()),
                decision_seen: None,
            },
            &format!(
                concat!(
                    r#"{{"type":"evaluation.created","family_id":"00000000-0000-0000-0000-000000000009","version":2,"#,
                    r#""corrects":"00000000-0000-0000-0000-000000000005","evaluation":{}}}"#
                ),
                evaluation_json
            ),
        );
        check_wire(
            Change::EvaluationUpdated { evaluation: Box::new(evaluation) },
            &format!(r#"{{"type":"evaluation.updated","evaluation":{evaluation_json}}}"#),
        );
        check_wire(
            Change::EvaluationSubmitted { on: date("2026-12-01") },
            r#"{"type":"evaluation.submitted","on":"2026-12-01"}"#,
        );
        check_wire(
            Change::EvaluationDecided {
                decision: Decision::Returned,
                note: "Uzupełnić".into(),
                on: date("2026-12-02"),
            },
            r#"{"type":"evaluation.decided","decision":"returned","note":"Uzupełnić","on":"2026-12-02"}"#,
        );
        check_wire(
            Change::OpinionRequested {
                family_id: EntityId(id(9)),
                request: OpinionRequest {
                    court: "SR Łódź".into(),
                    case_signature: "III Nsm 1/26".into(),
                    received_on: date("2026-11-20"),
                    due_on: date("2026-12-20"),
                },
            },
            concat!(
                r#"{"type":"opinion.requested","family_id":"00000000-0000-0000-0000-000000000009","request":"#,
                r#"{"court":"SR Łódź","case_signature":"III Nsm 1/26","received_on":"2026-11-20","due_on":"2026-12-20"}}"#
            ),
        );
        check_wire(Change::OpinionDrafted { text: "Opinia".into() }, r#"{"type":"opinion.drafted","text":"Opinia"}"#);
        check_wire(
            Change::OpinionFinalized { text: "Opinia".into(), on: date("2026-12-03") },
            r#"{"type":"opinion.finalized","text":"Opinia","on":"2026-12-03"}"#,
        );
    }

    #[test]
    fn event_wire_format_is_stable_for_version_5() {
        use crate::centre::{AssigneeRef, Employment, ReferralBasis};
        let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let entry = AssistantEntry {
            name: "Ewa Nowak".into(),
            employment: Some(Employment::ServiceContract),
            from: Some(date("2026-02-01")),
            to: None,
            fte_thousandths: Some(750),
            user_id: Some(UserId(id(4))),
            devices: vec![DeviceId(id(2))],
        };
        let entry_json = concat!(
            r#"{"name":"Ewa Nowak","employment":"service_contract","from":"2026-02-01","fte_thousandths":750,"#,
            r#""user_id":"00000000-0000-0000-0000-000000000004","devices":["00000000-0000-0000-0000-000000000002"]}"#
        );
        check_wire(
            Change::AssistantRegistered { assistant: entry.clone() },
            &format!(r#"{{"type":"assistant.registered","assistant":{entry_json}}}"#),
        );
        check_wire(
            Change::AssistantUpdated { assistant: entry },
            &format!(r#"{{"type":"assistant.updated","assistant":{entry_json}}}"#),
        );
        check_wire(
            Change::FamilyReferred {
                name: "Kowalscy".into(),
                address: "ul. Polna 3".into(),
                referral: Referral {
                    requested_on: date("2026-11-02"),
                    basis: ReferralBasis::CourtOrder,
                    court: "SR Gdynia".into(),
                    signature: "III Nsm 12/26".into(),
                    social_worker: String::new(),
                    note: String::new(),
                },
            },
            concat!(
                r#"{"type":"family.referred","name":"Kowalscy","address":"ul. Polna 3","referral":"#,
                r#"{"requested_on":"2026-11-02","basis":"court_order","court":"SR Gdynia","signature":"III Nsm 12/26"}}"#
            ),
        );
        let who = |n: u128| AssigneeRef {
            assistant_id: EntityId(id(n)),
            name: format!("A{n}"),
            user_id: None,
            devices: Vec::new(),
        };
        check_wire(
            Change::FamilyAssigned {
                assignment: Assignment { assistant: who(5), on: date("2026-12-01"), transfer_from: Some(who(6)) },
            },
            concat!(
                r#"{"type":"family.assigned","assignment":{"assistant":{"assistant_id":"00000000-0000-0000-0000-000000000005","#,
                r#""name":"A5"},"on":"2026-12-01","transfer_from":{"assistant_id":"00000000-0000-0000-0000-000000000006","#,
                r#""name":"A6"}}}"#
            ),
        );
        check_wire(
            Change::FamilyHandedOver { assignment: EventId(id(8)), on: date("2026-12-02") },
            r#"{"type":"family.handed_over","assignment":"00000000-0000-0000-0000-000000000008","on":"2026-12-02"}"#,
        );
        check_wire(
            Change::PlanSubmitted {
                family_id: EntityId(id(9)),
                version: 2,
                version_event: EventId(id(8)),
                on: date("2026-12-02"),
            },
            concat!(
                r#"{"type":"plan.submitted","family_id":"00000000-0000-0000-0000-000000000009","version":2,"#,
                r#""version_event":"00000000-0000-0000-0000-000000000008","on":"2026-12-02"}"#
            ),
        );
        check_wire(
            Change::PlanDecided {
                family_id: EntityId(id(9)),
                version: 2,
                version_event: EventId(id(8)),
                decision: Decision::Returned,
                note: "Dodać terminy".into(),
                on: date("2026-12-03"),
            },
            concat!(
                r#"{"type":"plan.decided","family_id":"00000000-0000-0000-0000-000000000009","version":2,"#,
                r#""version_event":"00000000-0000-0000-0000-000000000008","decision":"returned","note":"Dodać terminy","#,
                r#""on":"2026-12-03"}"#
            ),
        );
        check_wire(
            Change::CommentAdded {
                family_id: EntityId(id(9)),
                target: CommentTarget { record: "visit".into(), id: "00000000-0000-0000-0000-000000000007".into() },
                side: Role::Centre,
                text: "Proszę o szczegóły".into(),
                reply_to: None,
            },
            concat!(
                r#"{"type":"comment.added","family_id":"00000000-0000-0000-0000-000000000009","target":"#,
                r#"{"record":"visit","id":"00000000-0000-0000-0000-000000000007"},"side":"centre","text":"Proszę o szczegóły"}"#
            ),
        );
        check_wire(
            Change::DuplicatesDecided {
                families: [EntityId(id(9)), EntityId(id(10))],
                decision: DuplicateDecision::KeepApart,
            },
            concat!(
                r#"{"type":"duplicates.decided","families":["00000000-0000-0000-0000-000000000009","#,
                r#""00000000-0000-0000-0000-00000000000a"],"decision":"keep_apart"}"#
            ),
        );
    }

    #[test]
    fn event_wire_format_is_stable_for_version_7() {
        use crate::attachment::{AttachedTo, Attachment, FileKind};
        check_wire(
            Change::AttachmentAdded {
                family_id: EntityId(id(9)),
                attachment: Attachment {
                    target: AttachedTo::Opinion(EntityId(id(7))),
                    file_name: "postanowienie.pdf".into(),
                    kind: FileKind::Pdf,
                    size: 52_113,
                    digest: "ab".repeat(32),
                    restricted: false,
                },
            },
            &format!(
                concat!(
                    r#"{{"type":"attachment.added","family_id":"00000000-0000-0000-0000-000000000009","attachment":"#,
                    r#"{{"target":{{"kind":"opinion","id":"00000000-0000-0000-0000-000000000007"}},"#,
                    r#""file_name":"postanowienie.pdf","kind":"pdf","size":52113,"digest":"{}","restricted":false}}}}"#
                ),
                "ab".repeat(32)
            ),
        );
        check_wire(Change::AttachmentRemoved {}, r#"{"type":"attachment.removed"}"#);
    }

    #[test]
    fn every_change_variant_is_pinned() {
        event_wire_format_is_stable();
        event_wire_format_is_stable_for_plans_visits_and_areas();
        event_wire_format_is_stable_for_version_2();
        event_wire_format_is_stable_for_version_3();
        event_wire_format_is_stable_for_version_4();
        event_wire_format_is_stable_for_version_5();
        event_wire_format_is_stable_for_version_7();
        let pinned = PINNED.with(|p| p.borrow().clone());
        let missing: Vec<usize> = (0..VARIANTS).filter(|i| !pinned.contains(i)).collect();
        assert!(missing.is_empty(), "change variants without a wire-format pin (see variant_index): {missing:?}");
    }

    #[test]
    fn kind_matches_the_serde_tag() {
        for change in
            [Change::FamilyDeleted {}, Change::MemberDeleted {}, Change::FamilyUpdated { name: None, address: None }]
        {
            let json = serde_json::to_value(&change).unwrap();
            assert_eq!(json["type"], change.kind());
        }
    }

    #[test]
    fn entity_type_names_round_trip() {
        for t in EntityType::ALL {
            assert_eq!(EntityType::parse(t.as_str()), Some(t));
            assert_eq!(serde_json::to_value(t).unwrap(), t.as_str());
        }
        assert_eq!(EntityType::parse("evaluations"), None);
    }
}
