//! The bundle's header: who sent it, to whom, what it holds, and what the
//! sender already had (its high-water marks).

use crate::keys::PublicKeys;
pub use asysta_core::exchange::SeqRange;
use asysta_core::workspace::Role;
use asysta_core::{DeviceId, Event, UserId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// A bundle's header (format versions 1 and 2). New fields may be added
/// with `#[serde(default)]`; readers ignore fields they do not know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// Unique per bundle; a second import of the same bundle is recognised
    /// by it (and, independently, by the events' sequence numbers).
    pub bundle_id: Uuid,
    /// When the sender wrote it (the sender's clock, for display only).
    pub created_at_ms: u64,
    pub sender: Party,
    /// The workspace the bundle is addressed to.
    pub recipient_workspace: Uuid,
    /// The device the bundle is addressed to.
    pub recipient_device: DeviceId,
    /// Per device, the sequence numbers the bundle carries.
    pub ranges: Vec<SeqRange>,
    /// How many events the bundle carries.
    pub event_count: u64,
    /// How many of them are placeholders of events left out
    /// (`event.withheld`: restricted notes, other assistants' families).
    pub withheld_count: u64,
    /// Per device, the highest sequence number the sender holds without a
    /// gap: what the receiver need not send back.
    pub marks: BTreeMap<DeviceId, u64>,
    /// Whether the sender put in everything it has, not only what the
    /// receiver lacked.
    pub full: bool,
    /// How many files the bundle carries beside the events (format
    /// version 2). Absent, and 0, in a version 1 header: written only when
    /// not 0, so a header without files is byte for byte a version 1
    /// header.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub file_count: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The sending workspace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub device_id: DeviceId,
    pub workspace_id: Uuid,
    pub role: Role,
    /// The person working in the workspace.
    pub user_id: UserId,
    pub user_name: String,
    pub centre_name: String,
    /// The device's public keys: the first bundle of a device brings them to
    /// the centre, which trusts them once a person compared the fingerprint.
    pub keys: PublicKeys,
}

/// The ranges of `events`, one per device, in device order.
pub fn ranges_of(events: &[Event]) -> Vec<SeqRange> {
    let mut by_device: BTreeMap<DeviceId, SeqRange> = BTreeMap::new();
    for e in events {
        by_device
            .entry(e.device_id)
            .and_modify(|r| {
                r.first = r.first.min(e.seq);
                r.last = r.last.max(e.seq);
                r.count += 1;
            })
            .or_insert(SeqRange { device_id: e.device_id, first: e.seq, last: e.seq, count: 1 });
    }
    by_device.into_values().collect()
}
