//! Read queries over the projections and the log.

use crate::error::Result;
use crate::log::{event_from_row, EVENT_COLUMNS, EVENT_ORDER};
use asysta_core::family::FamilySummary;
use asysta_core::record::FamilyStatus;
use asysta_core::{EntityId, EntityType, Event};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeMap;

/// Live families in Polish order; only those with `status` when given.
pub fn list_families(conn: &Connection, status: Option<FamilyStatus>) -> Result<Vec<FamilySummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.id, f.name, f.address, f.rev, f.created_at_ms, \
           (SELECT count(*) FROM members m WHERE m.family_id = f.id AND m.deleted = 0), f.status \
         FROM families f WHERE f.deleted = 0 AND (?1 IS NULL OR f.status = ?1) ORDER BY f.name COLLATE pl, f.id",
    )?;
    let rows = stmt.query_map([status.map(FamilyStatus::as_str)], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, i64>(3)?,
            row.get::<_, i64>(4)?,
            row.get::<_, i64>(5)?,
            row.get::<_, String>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name, address, rev, created_at_ms, member_count, status) = row?;
        out.push(FamilySummary {
            id: id.parse().map_err(|_| crate::StoreError::CorruptLog(format!("bad family id {id:?}")))?,
            name,
            address,
            member_count: member_count as u32,
            rev: rev as u64,
            created_at_ms: created_at_ms as u64,
            status: FamilyStatus::parse(&status)
                .ok_or_else(|| crate::StoreError::CorruptLog(format!("bad family status {status:?}")))?,
        });
    }
    Ok(out)
}

pub fn events_of(conn: &Connection, entity_id: EntityId) -> Result<Vec<Event>> {
    let mut stmt = conn
        .prepare_cached(&format!("SELECT {EVENT_COLUMNS} FROM events WHERE entity_id = ?1 ORDER BY {EVENT_ORDER}"))?;
    let rows = stmt.query_map([entity_id.to_string()], event_from_row)?;
    rows.map(|r| r?).collect()
}

pub fn all_events(conn: &Connection) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {EVENT_COLUMNS} FROM events ORDER BY {EVENT_ORDER}"))?;
    let rows = stmt.query_map([], event_from_row)?;
    rows.map(|r| r?).collect()
}

/// What `asysta stats --json` prints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Live records per entity type (tombstoned ones are not counted).
    pub entities: BTreeMap<String, u64>,
    pub events: EventStats,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventStats {
    pub total: u64,
    pub per_device: BTreeMap<String, u64>,
    pub per_kind: BTreeMap<String, u64>,
}

pub fn stats(conn: &Connection) -> Result<Stats> {
    let count = |sql: &str| -> Result<u64> { Ok(conn.query_row(sql, [], |row| row.get::<_, i64>(0))? as u64) };
    let mut entities = BTreeMap::new();
    for t in EntityType::ALL {
        let n = match t {
            EntityType::Workspace => count("SELECT count(*) FROM workspace")?,
            EntityType::Family => count("SELECT count(*) FROM families WHERE deleted = 0")?,
            EntityType::Member => count("SELECT count(*) FROM members WHERE deleted = 0")?,
            EntityType::Note => count("SELECT count(*) FROM notes")?,
        };
        entities.insert(t.as_str().to_owned(), n);
    }
    let grouped = |sql: &str| -> Result<BTreeMap<String, u64>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    Ok(Stats {
        entities,
        events: EventStats {
            total: count("SELECT count(*) FROM events")?,
            per_device: grouped("SELECT device_id, count(*) FROM events GROUP BY device_id")?,
            per_kind: grouped("SELECT kind, count(*) FROM events GROUP BY kind")?,
        },
    })
}

/// The number of live families with status `active`.
pub fn active_family_count(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT count(*) FROM families WHERE deleted = 0 AND status = 'active'", [], |row| {
        row.get::<_, i64>(0)
    })? as u32)
}

/// The centre's settings for this workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Settings {
    pub caseload_cap: u32,
    pub no_visit_days: u32,
}

pub fn settings(conn: &Connection) -> Result<Settings> {
    Ok(conn.query_row("SELECT caseload_cap, no_visit_days FROM workspace LIMIT 1", [], |row| {
        Ok(Settings { caseload_cap: row.get(0)?, no_visit_days: row.get(1)? })
    })?)
}

/// The revision of a live record in `table`, or `NotFound`.
pub fn live_rev(conn: &Connection, table: &str, id: EntityId) -> Result<u64> {
    let sql = format!("SELECT rev FROM {table} WHERE id = ?1 AND deleted = 0");
    conn.query_row(&sql, [id.to_string()], |row| row.get::<_, i64>(0)).map(|rev| rev as u64).map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => crate::StoreError::NotFound(id.to_string()),
        other => other.into(),
    })
}
