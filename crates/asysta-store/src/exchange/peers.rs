//! The peers table (the workspaces trusted to exchange bundles with) and
//! the log of bundles written and read.

use crate::error::{Result, StoreError};
use asysta_bundle::{Party, PublicKeys};
use asysta_core::exchange::{BundleRecord, Direction, SeqRange};
use asysta_core::workspace::Role;
use asysta_core::{DeviceId, UserId};
use rusqlite::{Connection, OptionalExtension};
use std::collections::BTreeMap;
use uuid::Uuid;

/// A trusted workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Peer {
    pub device_id: DeviceId,
    pub workspace_id: Uuid,
    pub role: Role,
    pub user_id: Option<UserId>,
    pub user_name: String,
    pub centre_name: String,
    pub keys: PublicKeys,
    pub fingerprint: String,
    pub trusted_at_ms: u64,
    pub their_marks: BTreeMap<DeviceId, u64>,
    /// When the bundle that reported `their_marks` was written.
    pub their_marks_at_ms: u64,
}

impl Peer {
    pub fn from_party(party: &Party, trusted_at_ms: u64) -> Peer {
        Peer {
            device_id: party.device_id,
            workspace_id: party.workspace_id,
            role: party.role,
            user_id: Some(party.user_id),
            user_name: party.user_name.clone(),
            centre_name: party.centre_name.clone(),
            fingerprint: party.keys.fingerprint().to_string(),
            keys: party.keys.clone(),
            trusted_at_ms,
            their_marks: BTreeMap::new(),
            their_marks_at_ms: 0,
        }
    }
}

const PEER_COLUMNS: &str = "device_id, workspace_id, role, user_id, user_name, centre_name, signing_key, \
     age_recipient, fingerprint, trusted_at_ms, their_marks_json, their_marks_at_ms";

fn peer_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Peer>> {
    let bad = |what: &str| StoreError::DatabaseDamaged(format!("peers: bad {what}"));
    let device: String = r.get(0)?;
    let workspace: String = r.get(1)?;
    let role: String = r.get(2)?;
    let user: Option<String> = r.get(3)?;
    let marks: String = r.get(10)?;
    Ok((|| {
        Ok(Peer {
            device_id: DeviceId(device.parse().map_err(|_| bad("device id"))?),
            workspace_id: workspace.parse().map_err(|_| bad("workspace id"))?,
            role: Role::parse(&role).ok_or_else(|| bad("role"))?,
            user_id: user.map(|u| u.parse().map(UserId).map_err(|_| bad("user id"))).transpose()?,
            user_name: r.get(4)?,
            centre_name: r.get(5)?,
            keys: PublicKeys { signing_key: r.get(6)?, age_recipient: r.get(7)? },
            fingerprint: r.get(8)?,
            trusted_at_ms: r.get::<_, i64>(9)? as u64,
            their_marks: serde_json::from_str(&marks)?,
            their_marks_at_ms: r.get::<_, i64>(11)? as u64,
        })
    })())
}

pub fn get(conn: &Connection, device: DeviceId) -> Result<Option<Peer>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {PEER_COLUMNS} FROM peers WHERE device_id = ?1"))?;
    stmt.query_row([device.to_string()], peer_from_row).optional()?.transpose()
}

/// Every peer, the centre first, then by user name.
pub fn all(conn: &Connection) -> Result<Vec<Peer>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PEER_COLUMNS} FROM peers ORDER BY role = 'centre' DESC, user_name, device_id"
    ))?;
    let rows = stmt.query_map([], peer_from_row)?;
    rows.map(|r| r?).collect()
}

/// The centre a laptop is enrolled with.
pub fn centre(conn: &Connection) -> Result<Option<Peer>> {
    Ok(all(conn)?.into_iter().find(|p| p.role == Role::Centre))
}

/// Inserts or replaces a peer (keeping the marks already known).
pub fn put(conn: &Connection, peer: &Peer) -> Result<()> {
    conn.execute(
        "INSERT INTO peers (device_id, workspace_id, role, user_id, user_name, centre_name, signing_key, \
         age_recipient, fingerprint, trusted_at_ms, their_marks_json) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) \
         ON CONFLICT (device_id) DO UPDATE SET workspace_id = excluded.workspace_id, role = excluded.role, \
         user_id = COALESCE(excluded.user_id, user_id), user_name = excluded.user_name, \
         centre_name = excluded.centre_name, signing_key = excluded.signing_key, \
         age_recipient = excluded.age_recipient, fingerprint = excluded.fingerprint",
        rusqlite::params![
            peer.device_id.to_string(),
            peer.workspace_id.to_string(),
            peer.role.as_str(),
            peer.user_id.map(|u| u.to_string()),
            peer.user_name,
            peer.centre_name,
            peer.keys.signing_key,
            peer.keys.age_recipient,
            peer.fingerprint,
            peer.trusted_at_ms as i64,
            serde_json::to_string(&peer.their_marks)?,
        ],
    )?;
    Ok(())
}

/// Takes the marks a peer's bundle reported, written at `at_ms` by the
/// peer's clock: the latest bundle's marks are what the peer has (they can
/// go down, when the peer was restored from a backup); a bundle written
/// before the one already heard changes nothing. Also refreshes the names
/// the peer gave.
pub fn record_marks(conn: &Connection, party: &Party, marks: &BTreeMap<DeviceId, u64>, at_ms: u64) -> Result<()> {
    let peer = get(conn, party.device_id)?.ok_or_else(|| StoreError::UnknownPeer(party.device_id.to_string()))?;
    if at_ms < peer.their_marks_at_ms {
        return Ok(());
    }
    conn.execute(
        "UPDATE peers SET their_marks_json = ?2, their_marks_at_ms = ?3, user_name = ?4, centre_name = ?5, \
         user_id = ?6 WHERE device_id = ?1",
        rusqlite::params![
            party.device_id.to_string(),
            serde_json::to_string(marks)?,
            at_ms as i64,
            party.user_name,
            party.centre_name,
            party.user_id.to_string(),
        ],
    )?;
    Ok(())
}

/// Records a bundle written or read (with the digest of its bytes).
pub fn log_bundle(
    conn: &Connection,
    record: &BundleRecord,
    digest: &[u8; 32],
    report_json: Option<String>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO bundle_log (bundle_id, direction, peer_device, at_ms, file_name, event_count, ranges_json, \
         report_json, digest) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        rusqlite::params![
            record.bundle_id.to_string(),
            direction_str(record.direction),
            record.peer_device.to_string(),
            record.at_ms as i64,
            record.file_name,
            record.event_count as i64,
            serde_json::to_string(&record.ranges)?,
            report_json,
            &digest[..],
        ],
    )?;
    Ok(())
}

fn direction_str(d: Direction) -> &'static str {
    match d {
        Direction::Export => "export",
        Direction::Import => "import",
    }
}

/// Whether these very bytes were imported before. An import is one
/// transaction that stores every event of the bundle (applied or held
/// back), so importing the same bytes again can change nothing.
pub fn was_imported(conn: &Connection, digest: &[u8; 32]) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM bundle_log WHERE digest = ?1 AND direction = 'import'")?
        .exists([&digest[..]])?)
}

/// The latest bundle in one direction, with one peer or with any.
pub fn last_bundle(conn: &Connection, direction: Direction, peer: Option<DeviceId>) -> Result<Option<BundleRecord>> {
    let sql = "SELECT bundle_id, peer_device, at_ms, file_name, event_count, ranges_json FROM bundle_log \
               WHERE direction = ?1 AND (?2 IS NULL OR peer_device = ?2) ORDER BY at_ms DESC, id DESC LIMIT 1";
    let row: Option<(String, String, i64, String, i64, String)> = conn
        .prepare_cached(sql)?
        .query_row(rusqlite::params![direction_str(direction), peer.map(|p| p.to_string())], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })
        .optional()?;
    let Some((bundle_id, peer_device, at_ms, file_name, event_count, ranges)) = row else { return Ok(None) };
    let bad = |what: &str| StoreError::DatabaseDamaged(format!("bundle_log: bad {what}"));
    let ranges: Vec<SeqRange> = serde_json::from_str(&ranges)?;
    Ok(Some(BundleRecord {
        bundle_id: bundle_id.parse().map_err(|_| bad("bundle id"))?,
        direction,
        peer_device: DeviceId(peer_device.parse().map_err(|_| bad("device"))?),
        at_ms: at_ms as u64,
        file_name,
        event_count: event_count as u64,
        ranges,
    }))
}
