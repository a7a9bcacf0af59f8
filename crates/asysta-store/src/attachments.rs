//! Attachments: scans and photos kept with a case. The bytes are kept once
//! per BLAKE3 digest in `attachment_files`, inside the encrypted database,
//! written in the same transaction as the event that first names them
//! (locally, or from a bundle that carries them). The `attachments` table
//! is the projection of the attachments' events.
//!
//! A file is checked at every door: attached here (its name, type, size
//! within the centre's limit, whole), and arriving in a bundle (its digest,
//! its size and type as its event says, whole).

use crate::error::{Result, StoreError};
use crate::log::PendingChange;
use crate::queries;
use crate::Store;
use asysta_bundle::CarriedFile;
use asysta_core::api::AttachmentView;
use asysta_core::attachment::{check_file, AttachedTo, Attachment, FileKind};
use asysta_core::{Change, EntityId, Event};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{BTreeMap, HashSet};

/// The BLAKE3 digest of `bytes`, as events name it.
pub fn digest_of(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

impl Store {
    /// Attaches a file to a case (to the family, or to one of its visits,
    /// evaluations or court requests). Refused with the `file` field's
    /// error when the file is not a whole PDF, JPEG or PNG matching its
    /// name, or larger than the centre's limit.
    pub fn add_attachment(
        &mut self,
        family_id: EntityId,
        target: AttachedTo,
        file_name: &str,
        bytes: &[u8],
        restricted: bool,
    ) -> Result<EntityId> {
        queries::live_rev(&self.conn, "families", family_id)?;
        check_target(&self.conn, family_id, target)?;
        let limit = queries::periods(&self.conn)?.attachment_limit_mb;
        let kind = check_file(file_name, bytes, limit).map_err(|r| StoreError::Invalid(vec![r.field_error()]))?;
        let digest = digest_of(bytes);
        let attachment = Attachment {
            target,
            file_name: file_name.trim().to_owned(),
            kind,
            size: bytes.len() as u64,
            digest: digest.clone(),
            restricted,
        };
        let id = EntityId::new_v7(self.env.now_ms(), crate::environment::random_array(self.env.as_mut())?);
        let change = Change::AttachmentAdded { family_id, attachment };
        self.commit_changes_with(vec![PendingChange { entity_id: id, base_rev: 0, change }], |tx| {
            keep_file(tx, &digest, bytes)
        })?;
        Ok(id)
    }

    /// Takes an attachment off its case (a tombstone; the file stays in
    /// the history).
    pub fn remove_attachment(&mut self, attachment_id: EntityId) -> Result<()> {
        let base_rev = queries::live_rev(&self.conn, "attachments", attachment_id)?;
        self.commit_changes(vec![PendingChange {
            entity_id: attachment_id,
            base_rev,
            change: Change::AttachmentRemoved {},
        }])?;
        Ok(())
    }

    /// The family's attachments, newest first.
    pub fn attachments(&self, family_id: EntityId) -> Result<Vec<AttachmentView>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {VIEW_COLUMNS} FROM attachments WHERE family_id = ?1 AND deleted = 0 \
             ORDER BY created_at_ms DESC, id"
        ))?;
        let rows = stmt.query_map([family_id.to_string()], view_from_row)?;
        rows.map(|r| r?).collect()
    }

    /// An attachment and its bytes.
    pub fn attachment_file(&self, attachment_id: EntityId) -> Result<(AttachmentView, Vec<u8>)> {
        let view = self
            .conn
            .prepare_cached(&format!("SELECT {VIEW_COLUMNS} FROM attachments WHERE id = ?1 AND deleted = 0"))?
            .query_row([attachment_id.to_string()], view_from_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(attachment_id.to_string()))??;
        let bytes: Vec<u8> = self
            .conn
            .prepare_cached("SELECT bytes FROM attachment_files WHERE digest = ?1")?
            .query_row([&view.digest], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::CorruptLog(format!("the file of attachment {attachment_id} is missing")))?;
        Ok((view, bytes))
    }
}

const VIEW_COLUMNS: &str = "id, family_id, target_kind, target_id, file_name, kind, size, digest, restricted, \
                            created_at_ms, author_name";

fn view_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<AttachmentView>> {
    let id: String = r.get(0)?;
    let text = |i: usize| -> rusqlite::Result<String> { r.get(i) };
    let (family_id, target_kind, target_id) = (text(1)?, text(2)?, r.get::<_, Option<String>>(3)?);
    let (kind, size, created) = (text(5)?, r.get::<_, i64>(6)?, r.get::<_, i64>(9)?);
    let (file_name, digest, restricted, author_name) = (text(4)?, text(7)?, r.get::<_, bool>(8)?, text(10)?);
    let bad = |what: &str| StoreError::CorruptLog(format!("attachment {id}: bad {what}"));
    let parse = |text: &str, what: &str| -> Result<EntityId> { text.parse().map_err(|_| bad(what)) };
    Ok((|| {
        let target_id = target_id.as_deref().map(|t| parse(t, "target")).transpose()?;
        Ok(AttachmentView {
            id: parse(&id, "id")?,
            family_id: parse(&family_id, "family")?,
            target: AttachedTo::from_parts(&target_kind, target_id).ok_or_else(|| bad("target"))?,
            file_name,
            kind: FileKind::parse(&kind).ok_or_else(|| bad("kind"))?,
            size: size as u64,
            digest,
            restricted,
            created_at_ms: created as u64,
            author_name,
        })
    })())
}

/// The record an attachment belongs to must be the family's.
fn check_target(conn: &Connection, family_id: EntityId, target: AttachedTo) -> Result<()> {
    let table = match target {
        AttachedTo::Family => return Ok(()),
        AttachedTo::Visit(_) => "visits",
        AttachedTo::Evaluation(_) => "evaluations",
        AttachedTo::Opinion(_) => "opinions",
    };
    let id = target.record_id().map(|i| i.to_string()).unwrap_or_default();
    let owner: Option<String> = conn
        .prepare_cached(&format!("SELECT family_id FROM {table} WHERE id = ?1"))?
        .query_row([&id], |r| r.get(0))
        .optional()?;
    match owner {
        Some(owner) if owner == family_id.to_string() => Ok(()),
        _ => Err(StoreError::NotFound(id)),
    }
}

/// Keeps a file's bytes under its digest (once).
pub(crate) fn keep_file(conn: &Connection, digest: &str, bytes: &[u8]) -> Result<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO attachment_files (digest, size, bytes) VALUES (?1, ?2, ?3)")?
        .execute(params![digest, bytes.len() as i64, bytes])?;
    Ok(())
}

/// Whether the file under `digest` is kept here.
fn has_file(conn: &Connection, digest: &str) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT 1 FROM attachment_files WHERE digest = ?1")?.exists([digest])?)
}

/// The files a bundle carries for `events`: each attachment's bytes once.
pub(crate) fn files_for(conn: &Connection, events: &[Event]) -> Result<Vec<CarriedFile>> {
    let mut seen = HashSet::new();
    let mut files = Vec::new();
    let mut stmt = conn.prepare_cached("SELECT bytes FROM attachment_files WHERE digest = ?1")?;
    for event in events {
        if let Change::AttachmentAdded { attachment, .. } = &event.change {
            if seen.insert(attachment.digest.clone()) {
                let bytes: Vec<u8> =
                    stmt.query_row([&attachment.digest], |r| r.get(0)).optional()?.ok_or_else(|| {
                        StoreError::CorruptLog(format!("the file of attachment {} is missing", event.entity_id))
                    })?;
                let file = CarriedFile::new(bytes);
                if file.digest_hex() != attachment.digest {
                    return Err(StoreError::CorruptLog(format!(
                        "the file of attachment {} ({}) is damaged",
                        event.entity_id, attachment.file_name
                    )));
                }
                files.push(file);
            }
        }
    }
    Ok(files)
}

/// Checks the files a bundle carries against its events before anything
/// is written: every attachment's file is carried or kept here already,
/// each carried file is one an event names, of that event's size and
/// kind, and whole. The files to keep, by digest.
pub(crate) fn check_carried(
    conn: &Connection,
    events: &[Event],
    files: Vec<CarriedFile>,
) -> Result<BTreeMap<String, Vec<u8>>> {
    let mut carried: BTreeMap<String, Vec<u8>> = files.into_iter().map(|f| (f.digest_hex(), f.bytes)).collect();
    let mut named = HashSet::new();
    for event in events {
        let Change::AttachmentAdded { attachment, .. } = &event.change else { continue };
        let refused = |why: &str| {
            StoreError::InvalidEvent(format!(
                "attachment {} ({}) of device {}: {why}",
                event.entity_id, attachment.file_name, event.device_id
            ))
        };
        if !asysta_core::attachment::is_digest(&attachment.digest) {
            return Err(refused("not a digest"));
        }
        named.insert(attachment.digest.clone());
        match carried.get(&attachment.digest) {
            Some(bytes) => {
                if bytes.len() as u64 != attachment.size {
                    return Err(refused("its file is not the size its event says"));
                }
                let kind = check_file(&attachment.file_name, bytes, asysta_core::attachment::MAX_LIMIT_MB)
                    .map_err(|r| refused(r.message_id()))?;
                if kind != attachment.kind {
                    return Err(refused("its file is not of the kind its event says"));
                }
            }
            None if has_file(conn, &attachment.digest)? => {}
            None => return Err(refused("its file is not in the bundle")),
        }
    }
    carried.retain(|digest, _| named.contains(digest));
    Ok(carried)
}

#[cfg(test)]
pub(crate) mod tests;
