//! Read queries over the projections and the log.

use crate::error::Result;
use crate::log::{event_from_row, EVENT_COLUMNS, EVENT_ORDER};
use asysta_core::api::{FamilyCase, MemberView, NoteView};
use asysta_core::family::FamilySummary;
use asysta_core::member::{MemberDetails, PersonRef, Relation};
use asysta_core::record::FamilyStatus;
use asysta_core::{EntityId, EntityType, Event};
use asysta_core::{Pesel, Sex};
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

/// Live members of a family, in the order they were added.
pub fn members_of(conn: &Connection, family_id: EntityId) -> Result<Vec<MemberView>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, rev, first_name, last_name, birth_date, sex, relation, pesel FROM members \
         WHERE family_id = ?1 AND deleted = 0 ORDER BY rowid",
    )?;
    let rows = stmt.query_map([family_id.to_string()], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, i64>(1)?,
            MemberRow {
                first_name: row.get(2)?,
                last_name: row.get(3)?,
                birth_date: row.get(4)?,
                sex: row.get(5)?,
                relation: row.get(6)?,
                pesel: row.get(7)?,
            },
        ))
    })?;
    rows.map(|row| {
        let (id, rev, member) = row?;
        Ok(MemberView { id: parse_id(&id)?, rev: rev as u64, details: member.into_details()? })
    })
    .collect()
}

/// Every live person, for duplicate checks.
pub fn all_people(conn: &Connection) -> Result<Vec<(PersonRef, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.family_id, m.first_name, m.last_name, m.birth_date, m.pesel, f.name \
         FROM members m JOIN families f ON f.id = m.family_id WHERE m.deleted = 0 AND f.deleted = 0",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, Option<String>>(4)?,
            row.get::<_, Option<String>>(5)?,
            row.get::<_, String>(6)?,
        ))
    })?;
    rows.map(|row| {
        let (id, family_id, first_name, last_name, birth_date, pesel, family_name) = row?;
        let person = PersonRef {
            member_id: parse_id(&id)?,
            family_id: parse_id(&family_id)?,
            first_name,
            last_name,
            birth_date: birth_date.as_deref().map(parse_date).transpose()?,
            pesel: pesel.as_deref().map(|p| Pesel::parse(p).map_err(|e| corrupt(format!("{e}")))).transpose()?,
        };
        Ok((person, family_name))
    })
    .collect()
}

/// Notes of a family, oldest first.
pub fn notes_of(conn: &Connection, family_id: EntityId) -> Result<Vec<NoteView>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, text, restricted, created_at_ms, author_name FROM notes WHERE family_id = ?1 \
         ORDER BY created_at_ms, id",
    )?;
    let rows = stmt.query_map([family_id.to_string()], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, bool>(2)?,
            row.get::<_, i64>(3)?,
            row.get::<_, String>(4)?,
        ))
    })?;
    rows.map(|row| {
        let (id, text, restricted, created_at_ms, author_name) = row?;
        Ok(NoteView { id: parse_id(&id)?, text, restricted, created_at_ms: created_at_ms as u64, author_name })
    })
    .collect()
}

/// The family's summary row, details and status reason.
pub fn family_case(conn: &Connection, family_id: EntityId) -> Result<FamilyCase> {
    let family = list_families(conn, None)?
        .into_iter()
        .find(|f| f.id == family_id)
        .ok_or_else(|| crate::StoreError::NotFound(family_id.to_string()))?;
    let (details_json, status_reason): (String, String) = conn.query_row(
        "SELECT details_json, status_reason FROM families WHERE id = ?1",
        [family_id.to_string()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(FamilyCase {
        family,
        status_reason,
        details: serde_json::from_str(&details_json)?,
        members: members_of(conn, family_id)?,
        notes: notes_of(conn, family_id)?,
    })
}

/// Families whose search key contains every folded token of `query`, in
/// Polish order (all live families for an empty query).
pub fn search_families(conn: &Connection, query: &str) -> Result<Vec<FamilySummary>> {
    let tokens = asysta_core::search::query_tokens(query);
    let mut matching: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut stmt = conn.prepare_cached("SELECT id, search_key FROM families WHERE deleted = 0")?;
    let rows = stmt.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?;
    for row in rows {
        let (id, key) = row?;
        if tokens.iter().all(|t| key.contains(t.as_str())) {
            matching.insert(id);
        }
    }
    Ok(list_families(conn, None)?.into_iter().filter(|f| matching.contains(&f.id.to_string())).collect())
}

/// A member row as stored.
struct MemberRow {
    first_name: String,
    last_name: String,
    birth_date: Option<String>,
    sex: Option<String>,
    relation: String,
    pesel: Option<String>,
}

impl MemberRow {
    fn into_details(self) -> Result<MemberDetails> {
        Ok(MemberDetails {
            first_name: self.first_name,
            last_name: self.last_name,
            birth_date: self.birth_date.as_deref().map(parse_date).transpose()?,
            sex: self
                .sex
                .as_deref()
                .map(|s| Sex::parse(s).ok_or_else(|| corrupt(format!("bad sex {s:?}"))))
                .transpose()?,
            relation: Relation::parse(&self.relation)
                .ok_or_else(|| corrupt(format!("bad relation {:?}", self.relation)))?,
            pesel: self.pesel.as_deref().map(|p| Pesel::parse(p).map_err(|e| corrupt(format!("{e}")))).transpose()?,
        })
    }
}

fn corrupt(what: String) -> crate::StoreError {
    crate::StoreError::CorruptLog(what)
}

fn parse_id(s: &str) -> Result<EntityId> {
    s.parse().map_err(|_| corrupt(format!("bad id {s:?}")))
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| corrupt(format!("bad date {s:?}")))
}
