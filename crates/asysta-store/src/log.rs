//! Appending to the event log.
//!
//! Within the caller's transaction, each change gets the device's next
//! sequence number and a fresh HLC timestamp, is inserted into `events`, and
//! is applied to the projections. Either all of it commits or none of it.

use crate::environment::{random_array, Environment};
use crate::error::{Result, StoreError};
use crate::projection;
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

/// Appends `changes` in order and applies each to the projections.
pub fn append(
    conn: &Connection,
    ids: &Identity<'_>,
    env: &mut dyn Environment,
    changes: Vec<PendingChange>,
) -> Result<Vec<Event>> {
    let mut clock = load_clock(conn)?;
    let last_seq: u64 = conn.query_row(
        "SELECT COALESCE(MAX(seq), 0) FROM events WHERE device_id = ?1",
        [ids.device_id.to_string()],
        |row| row.get::<_, i64>(0),
    )? as u64;
    let mut events = Vec::with_capacity(changes.len());
    let mut insert = conn.prepare_cached(
        "INSERT INTO events (device_id, seq, event_id, entity_type, entity_id, base_rev, hlc_wall_ms, \
         hlc_counter, schema_version, author_id, author_name, kind, change_json) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (seq, pending) in (last_seq + 1..).zip(changes) {
        let now = env.now_ms();
        clock = Hlc::tick(clock, now);
        let event = Event {
            event_id: EventId::new_v7(now, random_array(env)?),
            device_id: ids.device_id,
            seq,
            entity_type: pending.change.entity_type(),
            entity_id: pending.entity_id,
            base_rev: pending.base_rev,
            hlc: clock,
            schema_version: EVENT_SCHEMA_VERSION,
            author: ids.author.clone(),
            change: pending.change,
        };
        insert.execute(rusqlite::params![
            event.device_id.to_string(),
            event.seq as i64,
            event.event_id.to_string(),
            event.entity_type.as_str(),
            event.entity_id.to_string(),
            event.base_rev as i64,
            event.hlc.wall_ms as i64,
            event.hlc.counter,
            event.schema_version,
            event.author.user_id.to_string(),
            event.author.name,
            event.change.kind(),
            serde_json::to_string(&event.change)?,
        ])?;
        #[cfg(test)]
        if CRASH_AFTER_EVENT_INSERT.with(|c| c.get()) {
            std::process::abort();
        }
        projection::apply(conn, &event)?;
        events.push(event);
    }
    store_clock(conn, clock)?;
    Ok(events)
}

/// The last HLC timestamp this device issued or saw.
pub fn load_clock(conn: &Connection) -> Result<Hlc> {
    let get = |k: &str| -> Result<u64> {
        let v: String = conn.query_row("SELECT value FROM meta WHERE key = ?1", [k], |row| row.get(0))?;
        v.parse().map_err(|_| StoreError::DatabaseDamaged(format!("meta key {k} is not a number")))
    };
    Ok(Hlc { wall_ms: get("hlc_wall_ms")?, counter: get("hlc_counter")? as u32 })
}

fn store_clock(conn: &Connection, clock: Hlc) -> Result<()> {
    let mut stmt = conn.prepare_cached("UPDATE meta SET value = ?2 WHERE key = ?1")?;
    stmt.execute(("hlc_wall_ms", clock.wall_ms.to_string()))?;
    stmt.execute(("hlc_counter", clock.counter.to_string()))?;
    Ok(())
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
        Ok(Event {
            device_id: DeviceId(uuid(text(0)?)?),
            seq: row.get::<_, i64>(1)? as u64,
            event_id: EventId(uuid(text(2)?)?),
            entity_type,
            entity_id: EntityId(uuid(text(4)?)?),
            base_rev: row.get::<_, i64>(5)? as u64,
            hlc: Hlc { wall_ms: row.get::<_, i64>(6)? as u64, counter: row.get(7)? },
            schema_version: row.get(8)?,
            author: Author { user_id: asysta_core::UserId(uuid(text(9)?)?), name: text(10)? },
            change: serde_json::from_str(&text(12)?)?,
        })
    })();
    Ok(parsed)
}

/// The columns [`event_from_row`] reads, in order.
pub const EVENT_COLUMNS: &str = "device_id, seq, event_id, entity_type, entity_id, base_rev, hlc_wall_ms, \
     hlc_counter, schema_version, author_id, author_name, kind, change_json";

/// The order in which events are replayed: HLC, then device and sequence.
pub const EVENT_ORDER: &str = "hlc_wall_ms, hlc_counter, device_id, seq";
