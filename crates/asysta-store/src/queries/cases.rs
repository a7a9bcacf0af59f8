//! Reads of evaluations and court opinions.

use crate::error::Result;
use asysta_core::evaluation::{Evaluation, EvaluationStatus, EvaluationView, Stamp};
use asysta_core::opinion::{OpinionRequest, OpinionView};
use asysta_core::EntityId;
use rusqlite::{Connection, OptionalExtension};

const EVALUATION_COLUMNS: &str = "id, family_id, version, corrects, status, submitted_json, decided_json, \
     decision_note, evaluation_json, author_name, created_at_ms, rev";

fn id_of(text: String) -> Result<EntityId> {
    text.parse().map_err(|_| crate::StoreError::CorruptLog(format!("bad id {text:?}")))
}

fn json<T: serde::de::DeserializeOwned>(text: Option<String>) -> Result<Option<T>> {
    Ok(text.map(|t| serde_json::from_str(&t)).transpose()?)
}

type EvaluationRow =
    (String, String, u32, Option<String>, String, Option<String>, Option<String>, String, String, String, i64, i64);

fn evaluation_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EvaluationRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
        r.get(11)?,
    ))
}

fn evaluation_view(row: EvaluationRow) -> Result<EvaluationView> {
    let (id, family, version, corrects, status, submitted, decided, note, evaluation, author, created, rev) = row;
    Ok(EvaluationView {
        id: id_of(id)?,
        family_id: id_of(family)?,
        version,
        corrects: corrects.map(id_of).transpose()?,
        corrected_by: None,
        status: EvaluationStatus::parse(&status)
            .ok_or_else(|| crate::StoreError::CorruptLog(format!("bad evaluation status {status:?}")))?,
        author_name: author,
        created_at_ms: created as u64,
        rev: rev as u64,
        submitted: json::<Stamp>(submitted)?,
        decided: json::<Stamp>(decided)?,
        decision_note: note,
        decision_stale: false,
        evaluation: serde_json::from_str::<Evaluation>(&evaluation)?,
    })
}

/// A family's evaluations, oldest period first, each with the correction
/// that replaced it.
pub fn evaluations_of(conn: &Connection, family_id: EntityId) -> Result<Vec<EvaluationView>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {EVALUATION_COLUMNS} FROM evaluations WHERE family_id = ?1 ORDER BY period_to, version, created_at_ms"
    ))?;
    let rows = stmt.query_map([family_id.to_string()], evaluation_row)?;
    let mut views = rows.map(|r| evaluation_view(r?)).collect::<Result<Vec<_>>>()?;
    let corrections: Vec<(EntityId, EntityId)> =
        views.iter().filter_map(|v| v.corrects.map(|old| (old, v.id))).collect();
    for view in &mut views {
        view.corrected_by = corrections.iter().find(|(old, _)| *old == view.id).map(|(_, new)| *new);
    }
    // A decision on an evaluation that was being corrected without it is
    // stale: the correction names the decision it knew (`decision_seen`).
    for view in &mut views {
        let (Some(correction), Some(_)) = (view.corrected_by, &view.decided) else { continue };
        let decision = decision_event_of(conn, view.id)?;
        let seen = decision_seen_by(conn, correction)?;
        if decision.is_some() && decision != seen {
            view.decision_stale = true;
            view.status = EvaluationStatus::Submitted;
        }
    }
    Ok(views)
}

/// The decision in force on an evaluation: its latest `evaluation.decided`
/// in the order every replica agrees on.
pub fn decision_event_of(conn: &Connection, id: EntityId) -> Result<Option<asysta_core::EventId>> {
    let found: Option<String> = conn
        .prepare_cached(
            "SELECT event_id FROM events WHERE entity_id = ?1 AND kind = 'evaluation.decided'              ORDER BY hlc_wall_ms DESC, hlc_counter DESC, device_id DESC, seq DESC LIMIT 1",
        )?
        .query_row([id.to_string()], |r| r.get(0))
        .optional()?;
    found.map(|f| f.parse().map_err(|_| crate::StoreError::CorruptLog(format!("bad event id {f:?}")))).transpose()
}

/// The decision a correction was made knowing.
fn decision_seen_by(conn: &Connection, correction: EntityId) -> Result<Option<asysta_core::EventId>> {
    let change: Option<String> = conn
        .prepare_cached("SELECT change_json FROM events WHERE entity_id = ?1 AND kind = 'evaluation.created' LIMIT 1")?
        .query_row([correction.to_string()], |r| r.get(0))
        .optional()?;
    let Some(change) = change else { return Ok(None) };
    Ok(match serde_json::from_str::<asysta_core::Change>(&change)? {
        asysta_core::Change::EvaluationCreated { decision_seen, .. } => decision_seen,
        _ => None,
    })
}

/// One evaluation, or `None`.
pub fn evaluation(conn: &Connection, id: EntityId) -> Result<Option<EvaluationView>> {
    let row = conn
        .prepare_cached(&format!("SELECT {EVALUATION_COLUMNS} FROM evaluations WHERE id = ?1"))?
        .query_row([id.to_string()], evaluation_row)
        .optional()?;
    let Some(row) = row else { return Ok(None) };
    let view = evaluation_view(row)?;
    Ok(evaluations_of(conn, view.family_id)?.into_iter().find(|v| v.id == id))
}

const OPINION_COLUMNS: &str = "id, family_id, request_json, text, finalized_json, author_name, rev";

type OpinionRow = (String, String, String, String, Option<String>, String, i64);

fn opinion_view(r: &rusqlite::Row<'_>) -> rusqlite::Result<OpinionRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
}

fn to_opinion(row: OpinionRow) -> Result<OpinionView> {
    let (id, family, request, text, finalized, author, rev) = row;
    Ok(OpinionView {
        id: id_of(id)?,
        family_id: id_of(family)?,
        request: serde_json::from_str::<OpinionRequest>(&request)?,
        text,
        finalized: json::<Stamp>(finalized)?,
        author_name: author,
        rev: rev as u64,
    })
}

/// A family's opinion requests, by due date.
pub fn opinions_of(conn: &Connection, family_id: EntityId) -> Result<Vec<OpinionView>> {
    let mut stmt = conn
        .prepare_cached(&format!("SELECT {OPINION_COLUMNS} FROM opinions WHERE family_id = ?1 ORDER BY due_on, id"))?;
    let rows = stmt.query_map([family_id.to_string()], opinion_view)?;
    rows.map(|r| to_opinion(r?)).collect()
}

/// Opinions not finalized yet, in every family, by due date.
pub fn open_opinions(conn: &Connection) -> Result<Vec<OpinionView>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {OPINION_COLUMNS} FROM opinions o WHERE finalized_json IS NULL \
         AND EXISTS (SELECT 1 FROM families f WHERE f.id = o.family_id AND f.deleted = 0) ORDER BY due_on, id"
    ))?;
    let rows = stmt.query_map([], opinion_view)?;
    rows.map(|r| to_opinion(r?)).collect()
}

/// One opinion, or `None`.
pub fn opinion(conn: &Connection, id: EntityId) -> Result<Option<OpinionView>> {
    conn.prepare_cached(&format!("SELECT {OPINION_COLUMNS} FROM opinions WHERE id = ?1"))?
        .query_row([id.to_string()], opinion_view)
        .optional()?
        .map(to_opinion)
        .transpose()
}
