//! What the sync screens and `asysta sync status`, `devices`, `import` and
//! `export` show: the views of bundles exchanged between a laptop and its
//! centre. The bundle format itself lives in `asysta-bundle`.

use crate::ids::{DeviceId, UserId};
use crate::workspace::Role;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The events of one device a bundle carries: `count` events numbered
/// `first..=last`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeqRange {
    pub device_id: DeviceId,
    pub first: u64,
    pub last: u64,
    pub count: u64,
}

/// Events of one device that this replica lacks: `first..=last` must
/// arrive before the events held back after them can apply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingRange {
    pub device_id: DeviceId,
    pub first: u64,
    pub last: u64,
}

/// An assistant with more active families than the cap: the centre is
/// warned; an import is never refused for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverCap {
    pub assistant_id: UserId,
    pub assistant_name: String,
    pub active: u32,
    pub cap: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Export,
    Import,
}

/// One bundle written or read, as the sync screen lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleRecord {
    pub bundle_id: Uuid,
    pub direction: Direction,
    /// The other side: the receiver of an export, the sender of an import.
    pub peer_device: DeviceId,
    pub at_ms: u64,
    pub file_name: String,
    pub event_count: u64,
    pub ranges: Vec<SeqRange>,
}

/// Another workspace this one exchanges bundles with: on a laptop its
/// centre, at a centre each enrolled device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerView {
    pub device_id: DeviceId,
    pub workspace_id: Uuid,
    pub role: Role,
    pub user_name: String,
    pub centre_name: String,
    pub fingerprint: String,
    pub trusted_at_ms: u64,
    pub last_import: Option<BundleRecord>,
    pub last_export: Option<BundleRecord>,
    /// Events this workspace holds that the peer lacks (as far as its last
    /// bundle said).
    pub pending_events: u64,
    /// Events of that device received here but held back behind a gap.
    pub held_back: u64,
    /// Open conflicts on records that device wrote to.
    pub conflicts: u64,
}

/// A gap, with the name of the device's user when it is known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingEvents {
    pub device_id: DeviceId,
    pub user_name: Option<String>,
    pub first: u64,
    pub last: u64,
}

/// `asysta sync status` and the sync screen's summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncStatus {
    pub role: Role,
    pub device_id: DeviceId,
    pub fingerprint: String,
    /// On a laptop: the centre it is enrolled with.
    pub centre: Option<PeerView>,
    /// At a centre: the enrolled devices.
    pub devices: Vec<PeerView>,
    /// On a laptop: changes the centre does not have yet. At a centre: the
    /// most any one device lacks.
    pub pending_events: u64,
    /// Per device, the highest sequence number held without a gap.
    pub marks: BTreeMap<DeviceId, u64>,
    pub last_export: Option<BundleRecord>,
    pub last_import: Option<BundleRecord>,
    pub held_back: u64,
    pub missing: Vec<MissingEvents>,
    pub conflicts: u64,
}

/// What `asysta export` wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportSummary {
    pub path: String,
    pub file_name: String,
    pub bundle_id: Uuid,
    pub to_device: DeviceId,
    pub event_count: u64,
    /// Placeholders of events left out (restricted notes, other assistants'
    /// families).
    pub withheld: u64,
    pub ranges: Vec<SeqRange>,
    pub bytes: u64,
    pub full: bool,
}

/// What one imported bundle did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub file_name: String,
    pub bundle_id: Uuid,
    pub sender_device: Option<DeviceId>,
    pub sender_name: String,
    #[serde(default)]
    pub sender_fingerprint: String,
    /// Events in the bundle.
    pub events: u64,
    /// Events taken into the log now.
    pub applied: u64,
    /// Events this workspace already had.
    pub unchanged: u64,
    /// Events waiting behind a gap.
    pub held_back: u64,
    /// Records that appeared with this bundle.
    pub records_new: u64,
    /// Records that existed and changed.
    pub records_updated: u64,
    /// Open conflicts on the records the bundle touched.
    pub conflicts: u64,
    /// Every gap still open after the import.
    pub missing: Vec<MissingEvents>,
    pub over_cap: Vec<OverCap>,
    /// The same bundle was imported before; nothing changed.
    pub already_imported: bool,
    /// The sending device was trusted with this import (`--trust-device`).
    pub trusted_now: bool,
    /// At a centre: families of different assistants that may be one,
    /// waiting for the supervisor's decision after this import.
    #[serde(default)]
    pub duplicates: u32,
}

/// Whether the reader of a bundle knows its sender.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SenderTrust {
    /// An enrolled device (or, on a laptop, its centre) with these keys.
    Trusted,
    /// A device never seen: a person must compare its fingerprint.
    Unknown,
    /// A known device id with other keys: refused.
    KeysChanged,
    /// This workspace's own export.
    Own,
}

/// `asysta verify`: what a bundle holds, checked, without importing it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleInfo {
    pub file_name: String,
    pub format_version: u16,
    pub bundle_id: Uuid,
    pub created_at_ms: u64,
    pub sender_device: DeviceId,
    pub sender_role: Role,
    pub sender_name: String,
    pub sender_centre: String,
    pub sender_fingerprint: String,
    pub trust: SenderTrust,
    pub recipient_device: DeviceId,
    pub event_count: u64,
    pub withheld: u64,
    pub ranges: Vec<SeqRange>,
    pub full: bool,
}

/// One assistant's caseload as a centre sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caseload {
    pub assistant_id: UserId,
    pub assistant_name: String,
    pub active: u32,
    pub cap: u32,
}
