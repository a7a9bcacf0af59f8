//! The store's side of many devices: taking other devices' events, the
//! high-water marks, what a peer lacks, and the conflicts a person resolves.

use crate::derive::{self, RecordKey};
use crate::error::{Result, StoreError};
use crate::ingest::{self, IngestReport, MissingRange};
use crate::log::PendingChange;
use crate::projection;
use crate::workspace::Store;
use asysta_core::merge::{fold_plan, Conflict, PLAN_VERSION_FIELD, SETTINGS_ID};
use asysta_core::{Change, DeviceId, EntityId, EntityType, Event, EventId, FieldError, FieldErrorCode};
use std::collections::BTreeMap;

/// How a person resolves a conflict.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolution {
    /// Keep the value one of the conflicting events wrote.
    Keep(EventId),
    /// Write a value of the person's own (JSON, of the field's type).
    Value(serde_json::Value),
}

impl Store {
    /// Takes a batch of events written on other devices, unchanged, in one
    /// transaction: all of it or, when any event is refused, none of it.
    pub fn ingest(&mut self, batch: Vec<Event>) -> Result<IngestReport> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let report = ingest::ingest(&tx, self.device_id, self.env.as_mut(), batch)?;
        tx.commit()?;
        Ok(report)
    }

    /// Per device, the highest sequence number held without a gap: what a
    /// bundle's "have" vector carries.
    pub fn high_water_marks(&self) -> Result<BTreeMap<DeviceId, u64>> {
        ingest::high_water_marks(&self.conn)
    }

    /// The events a peer with `marks` does not have yet, in an order that
    /// applies (each device's in sequence).
    pub fn events_missing_from(&self, marks: &BTreeMap<DeviceId, u64>) -> Result<Vec<Event>> {
        ingest::events_missing_from(&self.conn, marks)
    }

    /// The gaps that hold received events back.
    pub fn missing_events(&self) -> Result<Vec<MissingRange>> {
        ingest::missing_ranges(&self.conn)
    }

    /// Every unresolved conflict.
    pub fn conflicts(&self) -> Result<Vec<Conflict>> {
        projection::read_conflicts(&self.conn, None)
    }

    /// The unresolved conflicts of one family's records.
    pub fn conflicts_of_family(&self, family_id: EntityId) -> Result<Vec<Conflict>> {
        projection::read_conflicts(&self.conn, Some(family_id))
    }

    /// Resolves a conflict with a `conflict.resolved` event (which travels
    /// like any other). Refuses a kept event that is not one of the
    /// conflict's versions, and a value that does not fit the field.
    pub fn resolve_conflict(&mut self, conflict_id: &str, resolution: Resolution) -> Result<EventId> {
        let conflict = self
            .conflicts()?
            .into_iter()
            .find(|c| c.id == conflict_id)
            .ok_or_else(|| StoreError::NotFound(conflict_id.to_owned()))?;
        let (value, kept) = match resolution {
            Resolution::Keep(event_id) => {
                let version = conflict
                    .versions
                    .iter()
                    .find(|v| v.event_id == event_id)
                    .ok_or_else(|| StoreError::Invalid(vec![FieldError::new("keep", FieldErrorCode::NotInList)]))?;
                let value = if conflict.record == EntityType::Plan {
                    serde_json::Value::from(event_id.to_string())
                } else {
                    version.value.clone()
                };
                (value, Some(event_id))
            }
            Resolution::Value(_) if conflict.record == EntityType::Plan => {
                return Err(StoreError::Invalid(vec![FieldError::new("value", FieldErrorCode::NotInList)]));
            }
            Resolution::Value(value) => (value, None),
        };
        let change = Change::ConflictResolved { record: conflict.record, field: conflict.field.clone(), value, kept };
        self.check_resolution(&conflict, &change)?;
        let events = self.commit_changes(vec![PendingChange { entity_id: conflict.entity_id, base_rev: 0, change }])?;
        Ok(events[0].event_id)
    }

    /// Folds the record with the resolution and maps it to its row, so a
    /// value of the wrong type is refused before anything is written.
    fn check_resolution(&self, conflict: &Conflict, change: &Change) -> Result<()> {
        let key = match conflict.record {
            EntityType::Workspace => RecordKey::Settings,
            EntityType::Family => RecordKey::Family(conflict.entity_id),
            EntityType::Member => RecordKey::Member(conflict.entity_id),
            EntityType::Note => RecordKey::Note(conflict.entity_id),
            EntityType::Visit => RecordKey::Visit(conflict.entity_id),
            EntityType::Evaluation => RecordKey::Evaluation(conflict.entity_id),
            EntityType::Opinion => RecordKey::Opinion(conflict.entity_id),
            EntityType::Assistant => RecordKey::Assistant(conflict.entity_id),
            EntityType::Comment | EntityType::Duplicate | EntityType::Attachment => {
                return Err(StoreError::NotFound(conflict.id.clone()))
            }
            EntityType::Plan => {
                let family = conflict.family_id.ok_or_else(|| StoreError::NotFound(conflict.id.clone()))?;
                let events = derive::load(&self.conn, RecordKey::Plan(family))?;
                return match fold_plan(&events.iter().collect::<Vec<_>>()) {
                    Some(_) if conflict.field == PLAN_VERSION_FIELD => Ok(()),
                    _ => Err(StoreError::NotFound(conflict.id.clone())),
                };
            }
        };
        let probe = Event {
            event_id: EventId(uuid::Uuid::max()),
            device_id: self.device_id,
            seq: u64::MAX,
            entity_type: conflict.record,
            entity_id: if key == RecordKey::Settings { SETTINGS_ID } else { conflict.entity_id },
            family_id: conflict.family_id,
            base_rev: 0,
            based_on: derive::heads(&self.conn, key)?,
            hlc: asysta_core::Hlc { wall_ms: u64::MAX, counter: u32::MAX },
            schema_version: asysta_core::EVENT_SCHEMA_VERSION,
            author: self.author.clone(),
            change: change.clone(),
        };
        let state = derive::state(&self.conn, key, Some(&probe))?;
        let field = |e: StoreError| match e {
            StoreError::Invalid(_) => {
                StoreError::Invalid(vec![FieldError::new(&conflict.field, FieldErrorCode::NotInList)])
            }
            other => other,
        };
        match key {
            RecordKey::Settings => projection::settings_of(&state).map(|_| ()),
            RecordKey::Family(_) => projection::family_row(&state).map(|_| ()),
            RecordKey::Member(_) => projection::member_details(&state).map(|_| ()),
            RecordKey::Visit(_) => projection::visit_of(&state).map(|_| ()),
            RecordKey::Evaluation(_) => projection::evaluation_of(&state).map(|_| ()),
            RecordKey::Opinion(_) => projection::opinion_request_of(&state).map(|_| ()),
            _ => Ok(()),
        }
        .map_err(field)
    }
}

#[cfg(test)]
pub(crate) mod tests;
