//! Comments on a case's records, from either side, with this device's
//! read marks.

use super::id_of;
use crate::error::{Result, StoreError};
use crate::log::PendingChange;
use crate::workspace::Store;
use asysta_core::centre::comment::{validate_comment, CommentView};
use asysta_core::centre::CommentTarget;
use asysta_core::workspace::Role;
use asysta_core::{Change, EntityId, FieldError, FieldErrorCode};
use rusqlite::{Connection, OptionalExtension};

/// The record an id names, and its family.
fn resolve_target(conn: &Connection, target_id: &str) -> Result<Option<(CommentTarget, EntityId)>> {
    let target_id = target_id.trim();
    let lookup = |sql: &str| -> Result<Option<String>> {
        Ok(conn.prepare_cached(sql)?.query_row([target_id], |r| r.get::<_, String>(0)).optional()?)
    };
    let tables = [
        ("family", "SELECT id FROM families WHERE id = ?1 AND deleted = 0"),
        ("member", "SELECT family_id FROM members WHERE id = ?1 AND deleted = 0"),
        ("visit", "SELECT family_id FROM visits WHERE id = ?1 AND deleted = 0"),
        ("note", "SELECT family_id FROM notes WHERE id = ?1"),
        ("evaluation", "SELECT family_id FROM evaluations WHERE id = ?1"),
        ("opinion", "SELECT family_id FROM opinions WHERE id = ?1"),
        ("plan", "SELECT family_id FROM plans WHERE id = ?1"),
    ];
    for (record, sql) in tables {
        if let Some(family) = lookup(sql)? {
            return Ok(Some((CommentTarget { record: record.into(), id: target_id.into() }, id_of(&family)?)));
        }
    }
    // A goal or an action of a plan version (their ids are stable across
    // versions): the latest version that has it.
    let mut stmt = conn.prepare_cached(
        "SELECT p.family_id, v.version_json FROM plan_versions v JOIN plans p ON p.id = v.plan_id \
         WHERE instr(v.version_json, ?1) > 0 ORDER BY v.number DESC",
    )?;
    let mut rows = stmt.query([target_id])?;
    while let Some(row) = rows.next()? {
        let version: asysta_core::plan::PlanVersion = serde_json::from_str(&row.get::<_, String>(1)?)?;
        for goal in &version.goals {
            let record = if goal.id.to_string() == target_id {
                "goal"
            } else if goal.actions.iter().any(|a| a.id.to_string() == target_id) {
                "action"
            } else {
                continue;
            };
            let family = id_of(&row.get::<_, String>(0)?)?;
            return Ok(Some((CommentTarget { record: record.into(), id: target_id.into() }, family)));
        }
    }
    Ok(None)
}

impl Store {
    /// A comment on the record `target_id` names (or an answer to the
    /// comment `reply_to`, on the same record).
    pub fn add_comment(&mut self, target_id: &str, text: &str, reply_to: Option<EntityId>) -> Result<EntityId> {
        let text = validate_comment(text).map_err(StoreError::Invalid)?;
        let (target, family_id) = match reply_to {
            Some(parent) => {
                let found =
                    self.comments(None)?.into_iter().find(|c| c.id == parent).ok_or_else(|| {
                        StoreError::Invalid(vec![FieldError::new("reply_to", FieldErrorCode::NotInList)])
                    })?;
                (found.target, found.family_id)
            }
            None => resolve_target(&self.conn, target_id)?
                .ok_or_else(|| StoreError::Invalid(vec![FieldError::new("target_id", FieldErrorCode::NotInList)]))?,
        };
        let id = self.new_id()?;
        let side = self.role;
        self.commit_changes_with(
            vec![PendingChange {
                entity_id: id,
                base_rev: 0,
                change: Change::CommentAdded { family_id, target, side, text, reply_to },
            }],
            // One's own comment is read.
            |tx| {
                tx.execute("INSERT OR IGNORE INTO comment_reads (comment_id) VALUES (?1)", [id.to_string()])?;
                Ok(())
            },
        )?;
        Ok(id)
    }

    /// The comments of one family (or all), oldest first, each marked
    /// unread when the other side wrote it and it was not seen here.
    pub fn comments(&self, family: Option<EntityId>) -> Result<Vec<CommentView>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.family_id, c.target_record, c.target_id, c.side, c.author_name, c.written_at_ms, c.text, \
             c.reply_to, r.comment_id IS NOT NULL FROM comments c LEFT JOIN comment_reads r ON r.comment_id = c.id \
             WHERE ?1 IS NULL OR c.family_id = ?1 ORDER BY c.written_at_ms, c.id",
        )?;
        let rows = stmt.query_map([family.map(|f| f.to_string())], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, Option<String>>(8)?,
                r.get::<_, bool>(9)?,
            ))
        })?;
        let own = self.role;
        rows.map(|row| {
            let (id, family, record, target, side, author_name, at, text, reply_to, read) = row?;
            let side = Role::parse(&side).ok_or_else(|| StoreError::CorruptLog(format!("bad side {side:?}")))?;
            Ok(CommentView {
                id: id_of(&id)?,
                family_id: id_of(&family)?,
                target: CommentTarget { record, id: target },
                side,
                author_name,
                written_at_ms: at as u64,
                text,
                reply_to: reply_to.as_deref().map(id_of).transpose()?,
                unread: side != own && !read,
            })
        })
        .collect()
    }

    /// Marks comments as seen on this device (local; never an event).
    pub fn mark_comments_read(&mut self, ids: &[EntityId]) -> Result<()> {
        let tx = self.conn.transaction()?;
        for id in ids {
            tx.execute("INSERT OR IGNORE INTO comment_reads (comment_id) VALUES (?1)", [id.to_string()])?;
        }
        tx.commit()?;
        Ok(())
    }
}
