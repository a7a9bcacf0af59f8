//! The attachments table: one row per attached file, from its record's
//! events alone (the creation's payload is the row; a tombstone marks it
//! removed). The file's bytes are not a projection: they are kept in
//! `attachment_files` under their digest (see `crate::attachments`).

use super::family_exists;
use crate::error::Result;
use asysta_core::merge::order_key;
use asysta_core::{Change, EntityId, Event};
use rusqlite::{params, Connection};

pub fn write_attachment(conn: &Connection, id: EntityId, events: &[Event]) -> Result<()> {
    let added = events
        .iter()
        .filter_map(|e| match &e.change {
            Change::AttachmentAdded { family_id, attachment } => Some((e, *family_id, attachment)),
            _ => None,
        })
        .min_by_key(|(e, _, _)| order_key(e));
    let Some((creation, family_id, attachment)) = added else { return Ok(()) };
    if !family_exists(conn, family_id)? {
        return Ok(());
    }
    let deleted = events.iter().any(|e| matches!(e.change, Change::AttachmentRemoved {}));
    conn.prepare_cached(
        "INSERT INTO attachments (id, family_id, target_kind, target_id, file_name, kind, size, digest, restricted, \
         created_at_ms, author_name, rev, deleted) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) \
         ON CONFLICT (id) DO UPDATE SET rev = excluded.rev, deleted = excluded.deleted",
    )?
    .execute(params![
        id.to_string(),
        family_id.to_string(),
        attachment.target.kind(),
        attachment.target.record_id().map(|r| r.to_string()),
        attachment.file_name,
        attachment.kind.as_str(),
        attachment.size as i64,
        attachment.digest,
        attachment.restricted,
        creation.hlc.wall_ms as i64,
        creation.author.name,
        events.len() as i64,
        deleted,
    ])?;
    Ok(())
}
