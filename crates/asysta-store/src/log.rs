//! The event log: stamping local changes, inserting any event unchanged,
//! reading rows back.
//!
//! Three steps kept apart: [`stamp`] (local changes only: sequence number,
//! HLC, id), [`insert`] (any event, local or from another device, exactly
//! as it was written), and applying, which is `derive`'s: the records an
//! event touches are re-derived from their history.

use crate::environment::{random_array, Environment};
use crate::error::{Result, StoreError};
use asysta_core::{Author, Change, DeviceId, EntityId, Event, EventId, Hlc, EVENT_SCHEMA_VERSION};
use rusqlite::Connection;

/// A change about to be logged.
#[derive(Clone, Debug)]
pub struct PendingChange {
    pub entity_id: EntityId,
    pub base_rev: u64,
    pub change: Change,
}

/// Who writes, from which device.
pub struct Identity<'a> {
    pub device_id: DeviceId,
    pub author: &'a Author,
}

#[cfg(test)]
thread_local! {
    /// Test hook: abort the process right after the first event row is
    /// inserted, before its projection and the commit (a simulated crash).
    pub static CRASH_AFTER_EVENT_INSERT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Stamps a local change as this device's next event: its sequence number,
/// a fresh HLC timestamp (advancing `clock`), a new event id, the family it
/// belongs to and the heads it was made on. Only local changes are stamped;
/// events from other devices keep their stamps ([`insert`]).
pub fn stamp(
    ids: &Identity<'_>,
    env: &mut dyn Environment,
    clock: &mut Hlc,
    seq: u64,
    pending: PendingChange,
    family_id: Option<EntityId>,
    based_on: Vec<EventId>,
) -> Result<Event> {
    let now = env.now_ms();
    *clock = Hlc::tick(*clock, now);
    Ok(Event {
        event_id: EventId::new_v7(now, random_array(env)?),
        device_id: ids.device_id,
        seq,
        entity_type: pending.change.entity_type(),
        entity_id: pending.entity_id,
        family_id,
        base_rev: pending.base_rev,
        based_on,
        hlc: *clock,
        schema_version: EVENT_SCHEMA_VERSION,
        author: ids.author.clone(),
        change: pending.change,
    })
}

/// The highest sequence number of `device` in the applied log (0 if none).
pub fn last_seq(conn: &Connection, device: DeviceId) -> Result<u64> {
    Ok(conn.query_row("SELECT COALESCE(MAX(seq), 0) FROM events WHERE device_id = ?1", [device.to_string()], |row| {
        row.get::<_, i64>(0)
    })? as u64)
}

/// How many events of `device` are held back behind a gap.
pub fn held_count(conn: &Connection, device: DeviceId) -> Result<u64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM held_events WHERE device_id = ?1")?
        .query_row([device.to_string()], |row| row.get::<_, i64>(0))? as u64)
}

/// Where an event row goes: the applied log, or the events held back
/// behind a gap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogTable {
    Events,
    Held,
}

/// An event as its row stores it (what [`insert`] writes and what ingest
/// compares against a row already there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRow {
    pub event_id: String,
    pub entity_type: &'static str,
    pub entity_id: String,
    pub base_rev: i64,
    pub hlc_wall_ms: i64,
    pub hlc_counter: u32,
    pub schema_version: u32,
    pub author_id: String,
    pub author_name: String,
    pub change_json: String,
    pub based_on_json: String,
    pub digest: Digest,
}

/// BLAKE3 of an event's row: every column that is part of the event
/// (not the derived family), each length-prefixed, the change and the heads
/// as their JSON. Equal digests mean equal events.
pub type Digest = [u8; 32];

thread_local! {
    /// The bytes an event's digest is taken over, reused from event to event.
    static DIGEST_INPUT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The digest of an event, without building its row: its fields are
/// written into one reused buffer, which is hashed at once (BLAKE3 is fast
/// on long inputs, slow on many small ones).
pub fn digest_of(event: &Event) -> Result<Digest> {
    DIGEST_INPUT.with(|cell| {
        let mut buf = cell.borrow_mut();
        buf.clear();
        digest_head(&mut buf, event);
        serde_json::to_writer(&mut *buf, &event.change)?;
        buf.push(0);
        serde_json::to_writer(&mut *buf, &event.based_on)?;
        Ok(*blake3::hash(&buf).as_bytes())
    })
}

/// The same digest from the JSON already made for the row (the same bytes).
fn digest_of_parts(event: &Event, change_json: &str, based_on_json: &str) -> Digest {
    DIGEST_INPUT.with(|cell| {
        let mut buf = cell.borrow_mut();
        buf.clear();
        digest_head(&mut buf, event);
        buf.extend_from_slice(change_json.as_bytes());
        buf.push(0);
        buf.extend_from_slice(based_on_json.as_bytes());
        *blake3::hash(&buf).as_bytes()
    })
}

/// The envelope's part of the digested bytes, each text length-prefixed.
fn digest_head(buf: &mut Vec<u8>, event: &Event) {
    let text = |buf: &mut Vec<u8>, s: &str| {
        buf.extend_from_slice(&(s.len() as u64).to_le_bytes());
        buf.extend_from_slice(s.as_bytes());
    };
    text(buf, &event.event_id.to_string());
    text(buf, event.entity_type.as_str());
    text(buf, &event.entity_id.to_string());
    buf.extend_from_slice(&event.base_rev.to_le_bytes());
    buf.extend_from_slice(&event.hlc.wall_ms.to_le_bytes());
    buf.extend_from_slice(&event.hlc.counter.to_le_bytes());
    buf.extend_from_slice(&event.schema_version.to_le_bytes());
    text(buf, &event.author.user_id.to_string());
    text(buf, &event.author.name);
}

impl EventRow {
    /// The row with its digest zeroed, to compare with a first-release row.
    pub fn without_digest(self) -> EventRow {
        EventRow { digest: [0; 32], ..self }
    }

    pub fn of(event: &Event) -> Result<EventRow> {
        EventRow::with_digest(event, None)
    }

    /// The row, reusing a digest already computed with [`digest_of`].
    pub fn with_digest(event: &Event, digest: Option<Digest>) -> Result<EventRow> {
        let change_json = serde_json::to_string(&event.change)?;
        let based_on_json = serde_json::to_string(&event.based_on)?;
        Ok(EventRow {
            digest: digest.unwrap_or_else(|| digest_of_parts(event, &change_json, &based_on_json)),
            event_id: event.event_id.to_string(),
            entity_type: event.entity_type.as_str(),
            entity_id: event.entity_id.to_string(),
            base_rev: event.base_rev as i64,
            hlc_wall_ms: event.hlc.wall_ms as i64,
            hlc_counter: event.hlc.counter,
            schema_version: event.schema_version,
            author_id: event.author.user_id.to_string(),
            author_name: event.author.name.clone(),
            change_json,
            based_on_json,
        })
    }
}

/// Inserts any event, local or foreign, unchanged. `family_id` is the case
/// it belongs to (the envelope's, or derived for version 1 events).
pub fn insert(conn: &Connection, table: LogTable, event: &Event, family_id: Option<EntityId>) -> Result<()> {
    let row = EventRow::of(event)?;
    insert_row(conn, table, event, &row, family_id)
}

/// Like [`insert`], with the row already made.
pub fn insert_row(
    conn: &Connection,
    table: LogTable,
    event: &Event,
    row: &EventRow,
    family_id: Option<EntityId>,
) -> Result<()> {
    let sql = match table {
        LogTable::Events => concat!(
            "INSERT INTO events (device_id, seq, event_id, entity_type, entity_id, base_rev, hlc_wall_ms, ",
            "hlc_counter, schema_version, author_id, author_name, kind, change_json, family_id, based_on_json, ",
            "digest) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
        ),
        LogTable::Held => concat!(
            "INSERT INTO held_events (device_id, seq, event_id, entity_type, entity_id, base_rev, hlc_wall_ms, ",
            "hlc_counter, schema_version, author_id, author_name, kind, change_json, family_id, based_on_json, ",
            "digest) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
        ),
    };
    conn.prepare_cached(sql)?.execute(rusqlite::params![
        event.device_id.to_string(),
        event.seq as i64,
        row.event_id,
        row.entity_type,
        row.entity_id,
        row.base_rev,
        row.hlc_wall_ms,
        row.hlc_counter,
        row.schema_version,
        row.author_id,
        row.author_name,
        event.change.kind(),
        row.change_json,
        family_id.map(|f| f.to_string()),
        row.based_on_json,
        &row.digest[..],
    ])?;
    #[cfg(test)]
    if CRASH_AFTER_EVENT_INSERT.with(|c| c.get()) {
        std::process::abort();
    }
    Ok(())
}

/// Stores the clock after local events or received ones.
pub fn store_clock(conn: &Connection, clock: Hlc) -> Result<()> {
    let mut stmt = conn.prepare_cached("UPDATE meta SET value = ?2 WHERE key = ?1")?;
    stmt.execute(("hlc_wall_ms", clock.wall_ms.to_string()))?;
    stmt.execute(("hlc_counter", clock.counter.to_string()))?;
    Ok(())
}

/// The last HLC timestamp this device issued or saw.
pub fn load_clock(conn: &Connection) -> Result<Hlc> {
    let get = |k: &str| -> Result<u64> {
        let v: String = conn.query_row("SELECT value FROM meta WHERE key = ?1", [k], |row| row.get(0))?;
        v.parse().map_err(|_| StoreError::DatabaseDamaged(format!("meta key {k} is not a number")))
    };
    Ok(Hlc { wall_ms: get("hlc_wall_ms")?, counter: get("hlc_counter")? as u32 })
}

/// Reads an event row back into an [`Event`].
pub fn event_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Event>> {
    let text = |i: usize| row.get::<_, String>(i);
    let parsed = (|| -> Result<Event> {
        let uuid = |s: String| -> Result<uuid::Uuid> {
            s.parse().map_err(|_| StoreError::CorruptLog(format!("bad uuid {s:?}")))
        };
        let entity_type_name = text(3)?;
        let entity_type = asysta_core::EntityType::parse(&entity_type_name)
            .ok_or_else(|| StoreError::CorruptLog(format!("unknown entity type {entity_type_name:?}")))?;
        let schema_version: u32 = row.get(8)?;
        // Version 1 events carried neither field: the column's family was
        // derived by the store and is not part of the event.
        let (family_id, based_on) = if schema_version >= 2 {
            let family = row.get::<_, Option<String>>(13)?.map(|f| uuid(f).map(EntityId)).transpose()?;
            (family, serde_json::from_str(&text(14)?)?)
        } else {
            (None, Vec::new())
        };
        Ok(Event {
            device_id: DeviceId(uuid(text(0)?)?),
            seq: row.get::<_, i64>(1)? as u64,
            event_id: EventId(uuid(text(2)?)?),
            entity_type,
            entity_id: EntityId(uuid(text(4)?)?),
            family_id,
            base_rev: row.get::<_, i64>(5)? as u64,
            based_on,
            hlc: Hlc { wall_ms: row.get::<_, i64>(6)? as u64, counter: row.get(7)? },
            schema_version,
            author: Author { user_id: asysta_core::UserId(uuid(text(9)?)?), name: text(10)? },
            change: serde_json::from_str(&text(12)?)?,
        })
    })();
    Ok(parsed)
}

/// Files the events of record `entity_id` that were filed under no family
/// (written or received before any event of the record named one) under
/// `family` in the applied log, and returns
/// the applied ones so filed, for re-derivation. A family once set never
/// changes (a trigger allows only NULL → family), so the column is the same
/// whatever order the events arrived in: a function of the events' content.
pub fn file_orphans(conn: &Connection, entity_id: EntityId, family: EntityId) -> Result<Vec<Event>> {
    let id = entity_id.to_string();
    let orphans: Vec<Event> = {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM events INDEXED BY events_without_family \
             WHERE entity_id = ?1 AND family_id IS NULL"
        ))?;
        let rows = stmt.query_map([&id], event_from_row)?;
        rows.map(|r| r?).collect::<Result<_>>()?
    };
    if !orphans.is_empty() {
        conn.prepare_cached("UPDATE events SET family_id = ?2 WHERE entity_id = ?1 AND family_id IS NULL")?
            .execute([&id, &family.to_string()])?;
    }
    Ok(orphans.into_iter().map(|e| Event { family_id: Some(family), ..e }).collect())
}

/// Files the held-back events filed under no family under their record's
/// family where an applied event names it (once per transaction: the held
/// events are few and read by no index).
pub fn file_held_orphans(conn: &Connection) -> Result<()> {
    conn.prepare_cached(
        "UPDATE held_events SET family_id = (SELECT e.family_id FROM events e \
         WHERE e.entity_id = held_events.entity_id AND e.family_id IS NOT NULL LIMIT 1) \
         WHERE family_id IS NULL AND entity_type <> 'workspace' \
         AND EXISTS (SELECT 1 FROM events e WHERE e.entity_id = held_events.entity_id AND e.family_id IS NOT NULL)",
    )?
    .execute([])?;
    Ok(())
}

/// The columns [`event_from_row`] reads, in order.
pub const EVENT_COLUMNS: &str = "device_id, seq, event_id, entity_type, entity_id, base_rev, hlc_wall_ms, \
     hlc_counter, schema_version, author_id, author_name, kind, change_json, family_id, based_on_json";

/// The order in which events are replayed: HLC, then device and sequence.
pub const EVENT_ORDER: &str = "hlc_wall_ms, hlc_counter, device_id, seq";

/// The placeholder that stands for `event` in a bundle whose receiver is
/// not to read it (see [`Change::Withheld`]): the envelope, the family, the
/// causal heads, and the digest of the whole event in place of its change.
pub fn withheld(event: &Event, family_id: Option<EntityId>) -> Result<Event> {
    let digest = digest_of(event)?;
    Ok(Event {
        schema_version: EVENT_SCHEMA_VERSION.max(3),
        family_id: family_id.or(event.family_id),
        change: Change::Withheld {
            record: event.entity_type,
            family_id: family_id.or(event.family_id),
            digest: hex(&digest),
        },
        ..event.clone()
    })
}

/// Whether `placeholder` stands for the event whose digest is `digest`.
pub fn withholds(placeholder: &Event, digest: &Digest) -> bool {
    matches!(&placeholder.change, Change::Withheld { digest: claimed, .. } if *claimed == hex(digest))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl LogTable {
    fn name(self) -> &'static str {
        match self {
            LogTable::Events => "events",
            LogTable::Held => "held_events",
        }
    }
}

/// One stored event, by device and number.
pub fn stored_event(conn: &Connection, table: LogTable, device: DeviceId, seq: u64) -> Result<Option<Event>> {
    let table = table.name();
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {EVENT_COLUMNS} FROM {table} WHERE device_id = ?1 AND seq = ?2"))?;
    let mut rows = stmt.query(rusqlite::params![device.to_string(), seq as i64])?;
    match rows.next()? {
        Some(row) => Ok(Some(event_from_row(row)??)),
        None => Ok(None),
    }
}

/// Replaces a withheld placeholder with the event it stands for (the only
/// change the log allows: migration 0005's trigger checks the envelope).
pub fn replace_placeholder(
    conn: &Connection,
    table: LogTable,
    event: &Event,
    row: &EventRow,
    family_id: Option<EntityId>,
) -> Result<()> {
    let table = table.name();
    let sql = format!(
        "UPDATE {table} SET kind = ?3, change_json = ?4, schema_version = ?5, based_on_json = ?6, digest = ?7, \
         family_id = COALESCE(?8, family_id) WHERE device_id = ?1 AND seq = ?2 AND kind = 'event.withheld'"
    );
    let n = conn.prepare_cached(&sql)?.execute(rusqlite::params![
        event.device_id.to_string(),
        event.seq as i64,
        event.change.kind(),
        row.change_json,
        row.schema_version,
        row.based_on_json,
        &row.digest[..],
        family_id.map(|f| f.to_string()),
    ])?;
    if n != 1 {
        return Err(StoreError::Tampered { device_id: event.device_id, seq: event.seq });
    }
    Ok(())
}
