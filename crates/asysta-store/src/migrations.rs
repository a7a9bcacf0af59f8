//! Forward-only schema migrations tracked by `PRAGMA user_version`.
//!
//! Each numbered SQL file runs in its own transaction together with the
//! version bump, so a crash leaves the database at one version or the next.
//! A database whose version is newer than [`LATEST_VERSION`] was written by
//! a newer app: it is refused before anything is written to it.

use crate::error::{Result, StoreError};
use rusqlite::Connection;

/// The migrations, in order. Never edit a landed one; append a new one.
pub const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_event_log.sql"),
    include_str!("../migrations/0002_case_record.sql"),
    include_str!("../migrations/0003_plan_and_visits.sql"),
    include_str!("../migrations/0004_many_devices.sql"),
    include_str!("../migrations/0005_bundles.sql"),
    include_str!("../migrations/0006_evaluations_and_opinions.sql"),
    include_str!("../migrations/0007_resolved_families.sql"),
    include_str!("../migrations/0008_form_drafts.sql"),
    include_str!("../migrations/0009_centre_steering.sql"),
    include_str!("../migrations/0010_visit_figures.sql"),
    include_str!("../migrations/0011_planned_visits.sql"),
    include_str!("../migrations/0012_attachments.sql"),
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Refuses a database newer than this build, without writing to it.
pub fn check_not_too_new(conn: &Connection) -> Result<i64> {
    let found = user_version(conn)?;
    if found > LATEST_VERSION {
        return Err(StoreError::DatabaseTooNew { found, supported: LATEST_VERSION });
    }
    Ok(found)
}

/// Brings the schema up to `target` (normally [`LATEST_VERSION`]).
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    apply_migrations(conn, MIGRATIONS, target)
}

/// Runs `migrations[current..target]`, one transaction each.
pub(crate) fn apply_migrations(conn: &mut Connection, migrations: &[&str], target: i64) -> Result<()> {
    let current = check_not_too_new(conn)?;
    for version in current + 1..=target {
        let sql = migrations[(version - 1) as usize];
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}
