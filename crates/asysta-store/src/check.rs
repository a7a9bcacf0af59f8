//! `asysta check`: the user's proof that the workspace is sound. Reads only;
//! changes nothing.
//!
//! 1. The file: SQLCipher's page authentication (`cipher_integrity_check`)
//!    and SQLite's `integrity_check`.
//! 2. The log's invariants: each device's sequence gap-free; each event's
//!    digest that of its content; each event filed under the family its
//!    content names (its payload's, its own id for a family, and one family
//!    per record, none left unfiled while another event names it); no
//!    held-back event whose gap is filled; every event of a kind its
//!    writing device's role may make (`asysta_core::policy`).
//! 3. The projections: every projection table equals, row for row, what a
//!    rebuild from the events gives in a scratch database in memory.

use crate::connection::register_collations;
use crate::error::Result;
use crate::log::{self, event_from_row, EVENT_COLUMNS};
use crate::migrations::{self, LATEST_VERSION};
use crate::projection::PROJECTION_TABLES;
use crate::workspace::Store;
use asysta_core::policy::event_keeps_policy;
use asysta_core::workspace::Role;
use asysta_core::{DeviceId, EntityId, EntityType};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};
use std::collections::{BTreeMap, HashMap};

pub use asysta_core::api::{CheckReport, TableDifference};

/// At most this many problems of one kind are listed.
const LISTED: usize = 20;

impl Store {
    /// Verifies the database, the log's invariants and every projection
    /// against a rebuild; writes nothing.
    pub fn check(&self) -> Result<CheckReport> {
        let mut report = CheckReport { database: database_problems(&self.conn)?, ..Default::default() };
        if report.database.is_empty() {
            report.events = self.conn.query_row("SELECT count(*) FROM events", [], |r| r.get::<_, i64>(0))? as u64;
            report.log = log_problems(&self.conn, self.device_id, self.role)?;
            report.projections = projection_differences(&self.conn)?;
        }
        report.ok = report.database.is_empty() && report.log.is_empty() && report.projections.is_empty();
        Ok(report)
    }
}

fn database_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut cipher = conn.prepare("PRAGMA cipher_integrity_check")?;
    let rows = cipher.query_map([], |r| r.get::<_, String>(0))?;
    for row in rows {
        problems.push(row?);
    }
    let integrity: Vec<String> =
        conn.prepare("PRAGMA integrity_check")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    problems.extend(integrity.into_iter().filter(|r| r != "ok"));
    problems.truncate(LISTED);
    Ok(problems)
}

fn log_problems(conn: &Connection, own_device: DeviceId, own_role: Role) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare("SELECT device_id, count(*), max(seq) FROM events GROUP BY device_id")?;
    let gaps = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?)))?;
    for row in gaps {
        let (device, count, max) = row?;
        if count != max {
            problems.push(format!("device {device}: {count} events numbered up to {max}"));
        }
    }
    let mut stmt = conn.prepare(
        "SELECT h.device_id, h.seq FROM held_events h \
         WHERE h.seq <= (SELECT COALESCE(max(seq), 0) + 1 FROM events e WHERE e.device_id = h.device_id)",
    )?;
    let ready = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    for row in ready {
        let (device, seq) = row?;
        problems.push(format!("device {device}: event {seq} is held back though its gap is filled"));
    }

    let roles = device_roles(conn, own_device, own_role)?;
    let mut families: HashMap<EntityId, Option<EntityId>> = HashMap::new();
    let mut stmt = conn.prepare(&format!("SELECT {EVENT_COLUMNS}, digest, family_id FROM events"))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let event = event_from_row(row)??;
        let digest: Option<Vec<u8>> = row.get(15)?;
        let column: Option<String> = row.get(16)?;
        let column: Option<EntityId> = column.and_then(|c| c.parse().ok());
        let what = || format!("event {} of device {}", event.seq, event.device_id);
        if let Some(stored) = digest {
            if stored != log::digest_of(&event)?.to_vec() {
                problems.push(format!("{}: its digest is not its content's", what()));
            }
        }
        let named = match event.entity_type {
            EntityType::Family => Some(event.entity_id),
            _ => event.change.family_in_payload(),
        };
        if named.is_some() && column != named {
            problems.push(format!("{}: filed under another family than it names", what()));
        }
        if event.entity_type != EntityType::Workspace {
            match families.get(&event.entity_id) {
                Some(filed) if *filed != column => {
                    problems.push(format!("record {}: its events are filed under different families", event.entity_id))
                }
                Some(_) => {}
                None => {
                    families.insert(event.entity_id, column);
                }
            }
        }
        if let asysta_core::Change::AttachmentAdded { attachment, .. } = &event.change {
            if !file_is_whole(conn, &attachment.digest, attachment.size)? {
                problems.push(format!("{}: the attached file {} is missing or damaged", what(), attachment.file_name));
            }
        }
        let role = roles.get(&event.device_id).copied().unwrap_or(Role::Assistant);
        if !event_keeps_policy(role, &event) {
            problems.push(format!("{}: a {} that a {} may not write", what(), event.change.kind(), role.as_str()));
        }
        if problems.len() > LISTED {
            break;
        }
    }
    problems.truncate(LISTED);
    Ok(problems)
}

/// The role of each device known here: this one, and the enrolled peers;
/// any other device is an assistant's laptop (there is one centre).
/// Whether the file under `digest` is kept, of `size` bytes, and hashes
/// to its digest.
fn file_is_whole(conn: &Connection, digest: &str, size: u64) -> Result<bool> {
    let bytes: Option<Vec<u8>> = conn
        .prepare_cached("SELECT bytes FROM attachment_files WHERE digest = ?1")?
        .query_row([digest], |r| r.get(0))
        .optional()?;
    Ok(bytes.is_some_and(|b| b.len() as u64 == size && crate::attachments::digest_of(&b) == digest))
}

fn device_roles(conn: &Connection, own_device: DeviceId, own_role: Role) -> Result<HashMap<DeviceId, Role>> {
    let mut roles: HashMap<DeviceId, Role> = [(own_device, own_role)].into();
    let mut stmt = conn.prepare("SELECT device_id, role FROM peers")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (device, role) = row?;
        if let (Ok(device), Some(role)) = (device.parse(), Role::parse(&role)) {
            roles.insert(device, role);
        }
    }
    Ok(roles)
}

/// Rebuilds every projection from a copy of the log in a scratch database
/// in memory (never on disk: it holds the case records in clear) and
/// compares them table by table.
fn projection_differences(conn: &Connection) -> Result<Vec<TableDifference>> {
    // An in-memory scratch database: nothing of it reaches the disk.
    #[allow(clippy::disallowed_methods)]
    let mut scratch = Connection::open_in_memory()?;
    register_collations(&scratch)?;
    migrations::migrate_to(&mut scratch, LATEST_VERSION)?;
    let tx = scratch.transaction()?;
    {
        let columns = table_columns(conn, "events")?;
        let list = columns.join(", ");
        let marks = vec!["?"; columns.len()].join(", ");
        let mut read = conn.prepare(&format!("SELECT {list} FROM events ORDER BY device_id, seq"))?;
        let mut write = tx.prepare(&format!("INSERT INTO events ({list}) VALUES ({marks})"))?;
        let mut rows = read.query([])?;
        while let Some(row) = rows.next()? {
            let values: Vec<Value> = (0..columns.len()).map(|i| row.get(i)).collect::<Result<_, _>>()?;
            write.execute(rusqlite::params_from_iter(values))?;
        }
    }
    crate::derive::rebuild(&tx)?;
    let mut differences = Vec::new();
    for table in PROJECTION_TABLES {
        let here = table_rows(conn, table)?;
        let rebuilt = table_rows(&tx, table)?;
        if here != rebuilt {
            differences.push(difference(table, &here, &rebuilt));
        }
    }
    Ok(differences)
}

fn table_columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid"))?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(names.collect::<Result<_, _>>()?)
}

/// A table's rows, each as its columns' values in text form, counted.
fn table_rows(conn: &Connection, table: &str) -> Result<BTreeMap<Vec<String>, u64>> {
    let columns = table_columns(conn, table)?;
    let mut stmt = conn.prepare(&format!("SELECT {} FROM {table}", columns.join(", ")))?;
    let mut rows = stmt.query([])?;
    let mut out: BTreeMap<Vec<String>, u64> = BTreeMap::new();
    while let Some(row) = rows.next()? {
        let values: Vec<String> =
            (0..columns.len()).map(|i| row.get::<_, Value>(i).map(|v| format!("{v:?}"))).collect::<Result<_, _>>()?;
        *out.entry(values).or_default() += 1;
    }
    Ok(out)
}

fn difference(table: &str, here: &BTreeMap<Vec<String>, u64>, rebuilt: &BTreeMap<Vec<String>, u64>) -> TableDifference {
    let surplus = |a: &BTreeMap<Vec<String>, u64>, b: &BTreeMap<Vec<String>, u64>| {
        a.iter()
            .filter_map(|(row, n)| {
                let extra = n.saturating_sub(b.get(row).copied().unwrap_or(0));
                (extra > 0).then(|| (row.first().cloned().unwrap_or_default(), extra))
            })
            .collect::<Vec<_>>()
    };
    let only_here = surplus(here, rebuilt);
    let only_in_rebuild = surplus(rebuilt, here);
    let mut examples: Vec<String> = only_here.iter().chain(&only_in_rebuild).map(|(id, _)| id.clone()).collect();
    examples.sort();
    examples.dedup();
    examples.truncate(5);
    TableDifference {
        table: table.into(),
        only_here: only_here.iter().map(|(_, n)| n).sum(),
        only_in_rebuild: only_in_rebuild.iter().map(|(_, n)| n).sum(),
        examples,
    }
}

#[cfg(test)]
mod tests;
