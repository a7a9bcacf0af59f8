//! The projections: the tables the app reads, derived from the event log.
//!
//! [`apply`] is the only code that writes them, both when an event is
//! appended and when the log is replayed by [`rebuild`], so a rebuild gives
//! exactly the state the app had.

use crate::error::{Result, StoreError};
use crate::log::{event_from_row, EVENT_COLUMNS, EVENT_ORDER};
use asysta_core::search::{search_key, SearchIndexEntry, SearchMember};
use asysta_core::{Change, Event, Pesel};
use rusqlite::{params, Connection};

/// The projection tables, children first (for clearing).
pub const PROJECTION_TABLES: &[&str] =
    &["progress_notes", "plan_versions", "plans", "visits", "notes", "members", "families", "workspace"];

/// Applies one event to the projections.
pub fn apply(conn: &Connection, event: &Event) -> Result<()> {
    let id = event.entity_id.to_string();
    let at = event.hlc.wall_ms as i64;
    let changed = match &event.change {
        Change::WorkspaceCreated { assistant_name, centre_name } => conn
            .prepare_cached("INSERT INTO workspace (id, assistant_name, centre_name, rev) VALUES (?1, ?2, ?3, 1)")?
            .execute(params![id, assistant_name, centre_name])?,
        Change::WorkspaceSettingsSet { caseload_cap, no_visit_days } => conn
            .prepare_cached("UPDATE workspace SET caseload_cap = ?2, no_visit_days = ?3, rev = rev + 1 WHERE id = ?1")?
            .execute(params![id, caseload_cap, no_visit_days])?,
        Change::WorkspacePlanAreasSet { areas } => conn
            .prepare_cached("UPDATE workspace SET plan_areas_json = ?2, rev = rev + 1 WHERE id = ?1")?
            .execute(params![id, serde_json::to_string(areas)?])?,
        Change::FamilyCreated { name, address } => conn
            .prepare_cached(
                "INSERT INTO families (id, name, address, rev, created_at_ms, updated_at_ms) \
                 VALUES (?1, ?2, ?3, 1, ?4, ?4)",
            )?
            .execute(params![id, name, address, at])?,
        Change::FamilyUpdated { name, address } => conn
            .prepare_cached(
                "UPDATE families SET name = COALESCE(?2, name), address = COALESCE(?3, address), \
                 rev = rev + 1, updated_at_ms = ?4 WHERE id = ?1",
            )?
            .execute(params![id, name, address, at])?,
        Change::FamilyDeleted {} => conn
            .prepare_cached("UPDATE families SET deleted = 1, rev = rev + 1, updated_at_ms = ?2 WHERE id = ?1")?
            .execute(params![id, at])?,
        Change::FamilyDetailsSet { details } => conn
            .prepare_cached("UPDATE families SET details_json = ?2, rev = rev + 1, updated_at_ms = ?3 WHERE id = ?1")?
            .execute(params![id, serde_json::to_string(details)?, at])?,
        Change::FamilyStatusChanged { status, reason, on: _ } => conn
            .prepare_cached(
                "UPDATE families SET status = ?2, status_reason = ?3, rev = rev + 1, updated_at_ms = ?4 \
                 WHERE id = ?1",
            )?
            .execute(params![id, status.as_str(), reason, at])?,
        Change::NoteAdded { family_id, text, restricted } => conn
            .prepare_cached(
                "INSERT INTO notes (id, family_id, text, restricted, created_at_ms, author_name, rev) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)",
            )?
            .execute(params![id, family_id.to_string(), text, restricted, at, event.author.name])?,
        Change::MemberAdded { family_id, details } => conn
            .prepare_cached(
                "INSERT INTO members (id, family_id, first_name, last_name, birth_date, sex, relation, pesel, rev) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)",
            )?
            .execute(params![
                id,
                family_id.to_string(),
                details.first_name,
                details.last_name,
                details.birth_date.map(|d| d.to_string()),
                details.sex.map(|s| s.as_str()),
                details.relation.as_str(),
                details.pesel.as_ref().map(|p| p.as_str()),
            ])?,
        Change::MemberUpdated { details } => conn
            .prepare_cached(
                "UPDATE members SET first_name = ?2, last_name = ?3, birth_date = ?4, sex = ?5, relation = ?6, \
                 pesel = ?7, rev = rev + 1 WHERE id = ?1",
            )?
            .execute(params![
                id,
                details.first_name,
                details.last_name,
                details.birth_date.map(|d| d.to_string()),
                details.sex.map(|s| s.as_str()),
                details.relation.as_str(),
                details.pesel.as_ref().map(|p| p.as_str()),
            ])?,
        Change::PlanVersionSaved { family_id, version } => {
            if version.number == 1 {
                conn.prepare_cached("INSERT INTO plans (id, family_id, rev) VALUES (?1, ?2, 0)")?
                    .execute(params![id, family_id.to_string()])?;
            }
            conn.prepare_cached(
                "INSERT INTO plan_versions (plan_id, number, version_json, saved_at_ms, author_name) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                id,
                version.number,
                serde_json::to_string(version)?,
                at,
                event.author.name
            ])?;
            conn.prepare_cached("UPDATE plans SET rev = rev + 1 WHERE id = ?1")?.execute(params![id])?
        }
        Change::PlanProgressNoted { note } => {
            conn.prepare_cached(
                "INSERT INTO progress_notes (event_id, plan_id, action_id, date, note_json, hlc_wall_ms, hlc_counter) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                event.event_id.to_string(),
                id,
                note.action_id.to_string(),
                note.date.to_string(),
                serde_json::to_string(note)?,
                at,
                event.hlc.counter
            ])?;
            conn.prepare_cached("UPDATE plans SET rev = rev + 1 WHERE id = ?1")?.execute(params![id])?
        }
        Change::VisitRecorded { family_id, visit } => conn
            .prepare_cached(
                "INSERT INTO visits (id, family_id, date, start_time, next_planned, visit_json, author_name, rev) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
            )?
            .execute(params![
                id,
                family_id.to_string(),
                visit.date.to_string(),
                visit.start.format("%H:%M").to_string(),
                visit.next_planned.map(|d| d.to_string()),
                serde_json::to_string(visit)?,
                event.author.name
            ])?,
        Change::VisitUpdated { visit } => conn
            .prepare_cached(
                "UPDATE visits SET date = ?2, start_time = ?3, next_planned = ?4, visit_json = ?5, rev = rev + 1 \
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                visit.date.to_string(),
                visit.start.format("%H:%M").to_string(),
                visit.next_planned.map(|d| d.to_string()),
                serde_json::to_string(visit)?
            ])?,
        Change::VisitDeleted {} => {
            conn.prepare_cached("UPDATE visits SET deleted = 1, rev = rev + 1 WHERE id = ?1")?.execute(params![id])?
        }
        Change::MemberDeleted {} => {
            conn.prepare_cached("UPDATE members SET deleted = 1, rev = rev + 1 WHERE id = ?1")?.execute(params![id])?
        }
    };
    if changed != 1 {
        return Err(StoreError::CorruptLog(format!(
            "{} applies to {} {}, which does not exist",
            event.change.kind(),
            event.entity_type,
            event.entity_id
        )));
    }
    if let Some(family_id) = searchable_family(conn, event)? {
        refresh_search_key(conn, &family_id)?;
    }
    Ok(())
}

/// The family whose search key an event changes, if any.
fn searchable_family(conn: &Connection, event: &Event) -> Result<Option<String>> {
    Ok(match &event.change {
        Change::FamilyCreated { .. } | Change::FamilyUpdated { .. } => Some(event.entity_id.to_string()),
        Change::MemberAdded { family_id, .. } => Some(family_id.to_string()),
        Change::MemberUpdated { .. } | Change::MemberDeleted {} => Some(conn.query_row(
            "SELECT family_id FROM members WHERE id = ?1",
            [event.entity_id.to_string()],
            |row| row.get(0),
        )?),
        _ => None,
    })
}

/// Recomputes `families.search_key` from the family and its live members.
fn refresh_search_key(conn: &Connection, family_id: &str) -> Result<()> {
    let (name, address): (String, String) =
        conn.query_row("SELECT name, address FROM families WHERE id = ?1", [family_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let mut stmt = conn.prepare_cached(
        "SELECT first_name, last_name, pesel FROM members WHERE family_id = ?1 AND deleted = 0 ORDER BY id",
    )?;
    let members = stmt
        .query_map([family_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?))
        })?
        .map(|row| {
            let (first_name, last_name, pesel) = row?;
            Ok(SearchMember { first_name, last_name, pesel: pesel.and_then(|p| Pesel::parse(&p).ok()) })
        })
        .collect::<Result<Vec<_>>>()?;
    let entry = SearchIndexEntry {
        family_id: family_id.parse().map_err(|_| StoreError::CorruptLog(format!("bad family id {family_id:?}")))?,
        family_name: name,
        address,
        members,
    };
    conn.prepare_cached("UPDATE families SET search_key = ?2 WHERE id = ?1")?
        .execute(params![family_id, search_key(&entry)])?;
    Ok(())
}

/// Clears every projection and replays the log in HLC order.
pub fn rebuild(conn: &Connection) -> Result<()> {
    for table in PROJECTION_TABLES {
        conn.execute(&format!("DELETE FROM {table}"), [])?;
    }
    let mut stmt = conn.prepare(&format!("SELECT {EVENT_COLUMNS} FROM events ORDER BY {EVENT_ORDER}"))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        apply(conn, &event_from_row(row)??)?;
    }
    Ok(())
}
