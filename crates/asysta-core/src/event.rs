//! The event log's wire format.
//!
//! Every change to a record is one immutable [`Event`]. The tables the app
//! reads are projections of these events. The JSON form of an event is what
//! bundles carry between laptops, so it is pinned by tests below: renaming a
//! field or a `type` tag breaks every bundle already written. Add new
//! variants; never change old ones (bump [`EVENT_SCHEMA_VERSION`] and keep
//! reading the old shape instead).

use crate::hlc::Hlc;
use crate::ids::{DeviceId, EntityId, EventId, UserId};
use crate::member::MemberDetails;
use crate::plan::{PlanArea, PlanVersion, ProgressNote};
use crate::record::{CaseDetails, FamilyStatus};
use crate::visit::Visit;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of the payload schema written by this build.
pub const EVENT_SCHEMA_VERSION: u32 = 1;

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
    /// The revision of the entity this change was based on (0 for a create).
    pub base_rev: u64,
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
}

impl EntityType {
    pub const ALL: [EntityType; 6] = [
        EntityType::Workspace,
        EntityType::Family,
        EntityType::Member,
        EntityType::Note,
        EntityType::Plan,
        EntityType::Visit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Workspace => "workspace",
            EntityType::Family => "family",
            EntityType::Member => "member",
            EntityType::Note => "note",
            EntityType::Plan => "plan",
            EntityType::Visit => "visit",
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
    WorkspaceSettingsSet { caseload_cap: u32, no_visit_days: u32 },
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
}

impl Change {
    /// The entity type every change of this kind applies to.
    pub fn entity_type(&self) -> EntityType {
        match self {
            Change::WorkspaceCreated { .. }
            | Change::WorkspaceSettingsSet { .. }
            | Change::WorkspacePlanAreasSet { .. } => EntityType::Workspace,
            Change::FamilyCreated { .. }
            | Change::FamilyUpdated { .. }
            | Change::FamilyDeleted {}
            | Change::FamilyDetailsSet { .. }
            | Change::FamilyStatusChanged { .. } => EntityType::Family,
            Change::MemberAdded { .. } | Change::MemberUpdated { .. } | Change::MemberDeleted {} => EntityType::Member,
            Change::NoteAdded { .. } => EntityType::Note,
            Change::PlanVersionSaved { .. } | Change::PlanProgressNoted { .. } => EntityType::Plan,
            Change::VisitRecorded { .. } | Change::VisitUpdated { .. } | Change::VisitDeleted {} => EntityType::Visit,
        }
    }

    /// The wire name of the change, e.g. `family.created`.
    pub fn kind(&self) -> &'static str {
        match self {
            Change::WorkspaceCreated { .. } => "workspace.created",
            Change::WorkspaceSettingsSet { .. } => "workspace.settings_set",
            Change::WorkspacePlanAreasSet { .. } => "workspace.plan_areas_set",
            Change::FamilyDetailsSet { .. } => "family.details_set",
            Change::FamilyStatusChanged { .. } => "family.status_changed",
            Change::NoteAdded { .. } => "note.added",
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
        }
    }

    /// The Fluent message that describes the change in a history, e.g.
    /// `change-family-status-changed`.
    pub fn message_id(&self) -> String {
        format!("change-{}", self.kind().replace(['.', '_'], "-"))
    }

    /// Whether this change creates its entity (its `base_rev` must be 0).
    pub fn is_creation(&self) -> bool {
        matches!(self, Change::WorkspaceCreated { .. } | Change::FamilyCreated { .. } | Change::MemberAdded { .. })
    }

    /// Whether this change is a tombstone.
    pub fn is_tombstone(&self) -> bool {
        matches!(self, Change::FamilyDeleted {} | Change::MemberDeleted {} | Change::VisitDeleted {})
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn sample(change: Change) -> Event {
        Event {
            event_id: EventId(id(1)),
            device_id: DeviceId(id(2)),
            seq: 7,
            entity_type: change.entity_type(),
            entity_id: EntityId(id(3)),
            base_rev: 0,
            hlc: Hlc { wall_ms: 1_764_000_000_000, counter: 2 },
            schema_version: EVENT_SCHEMA_VERSION,
            author: Author { user_id: UserId(id(4)), name: "Anna Łęcka".into() },
            change,
        }
    }

    #[track_caller]
    fn check_wire(change: Change, expected_change_json: &str) {
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
            Change::WorkspaceSettingsSet { caseload_cap: 15, no_visit_days: 14 },
            r#"{"type":"workspace.settings_set","caseload_cap":15,"no_visit_days":14}"#,
        );
        check_wire(
            Change::FamilyStatusChanged {
                status: FamilyStatus::Closed,
                reason: "cel osiągnięty".into(),
                on: NaiveDate::from_ymd_opt(2026, 11, 2),
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
        assert_eq!(EntityType::parse("evaluation"), None);
    }
}
