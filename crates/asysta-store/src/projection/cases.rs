//! Rows of evaluations and court opinions, from their folded states.

use super::{bad_field, family_exists, text, typed};
use crate::error::Result;
use asysta_core::evaluation::{status_of, Decision, Evaluation, Stamp};
use asysta_core::merge::{RecordState, EVALUATION_PREFIX};
use asysta_core::opinion::OpinionRequest;
use asysta_core::{Change, EntityId};
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde_json::Value;

/// When and by whom a field like `submitted` (`{"on": …}`) was written.
fn stamp_of(state: &RecordState, field: &str) -> Result<Option<Stamp>> {
    let Some(f) = state.fields.get(field) else { return Ok(None) };
    let on = f.value().get("on").cloned().ok_or_else(|| bad_field(field))?;
    Ok(Some(Stamp { on: typed::<NaiveDate>(field, on)?, by: f.writes[0].author.name.clone() }))
}

/// An evaluation's content as its state holds it, checked.
pub fn evaluation_of(state: &RecordState) -> Result<Evaluation> {
    typed("evaluation", Value::Object(state.object_with_prefix(EVALUATION_PREFIX)))
}

/// An opinion's request as its state holds it, checked.
pub fn opinion_request_of(state: &RecordState) -> Result<OpinionRequest> {
    typed("request", state.value("request").clone())
}

pub fn write_evaluation(conn: &Connection, id: EntityId, state: &RecordState) -> Result<()> {
    let Some(creation) = &state.creation else { return Ok(()) };
    let Change::EvaluationCreated { family_id, version, corrects, .. } = &creation.change else {
        return Err(bad_field("evaluation"));
    };
    if !family_exists(conn, *family_id)? {
        return Ok(());
    }
    let evaluation = evaluation_of(state)?;
    let submitted = stamp_of(state, "submitted")?;
    let decided = stamp_of(state, "decision")?;
    let decision = state.value("decision");
    let (decision_kind, note) = match decision {
        Value::Null => (None, String::new()),
        v => (
            Some(typed::<Decision>("decision", v.get("decision").cloned().unwrap_or(Value::Null))?),
            v.get("note").and_then(Value::as_str).unwrap_or_default().to_owned(),
        ),
    };
    let status = status_of(submitted.is_some(), decision_kind);
    conn.prepare_cached(
        "INSERT INTO evaluations (id, family_id, version, corrects, status, period_to, is_final, submitted_json, \
         decided_json, decision_note, evaluation_json, author_name, created_at_ms, rev) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) \
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, period_to = excluded.period_to, \
         is_final = excluded.is_final, submitted_json = excluded.submitted_json, decided_json = excluded.decided_json, \
         decision_note = excluded.decision_note, evaluation_json = excluded.evaluation_json, rev = excluded.rev",
    )?
    .execute(params![
        id.to_string(),
        family_id.to_string(),
        version,
        corrects.map(|c| c.to_string()),
        status.as_str(),
        evaluation.period_to.to_string(),
        evaluation.is_final,
        submitted.map(|s| serde_json::to_string(&s)).transpose()?,
        decided.map(|s| serde_json::to_string(&s)).transpose()?,
        note,
        serde_json::to_string(&evaluation)?,
        creation.author.name,
        creation.hlc.wall_ms as i64,
        state.event_count as i64,
    ])?;
    Ok(())
}

pub fn write_opinion(conn: &Connection, id: EntityId, state: &RecordState) -> Result<()> {
    let (Some(creation), Some(family_id)) = (&state.creation, state.family_id) else { return Ok(()) };
    if !family_exists(conn, family_id)? {
        return Ok(());
    }
    let request = opinion_request_of(state)?;
    let text = match state.value("text") {
        Value::Null => String::new(),
        _ => text(state, "text")?,
    };
    let finalized = stamp_of(state, "finalized")?;
    conn.prepare_cached(
        "INSERT INTO opinions (id, family_id, request_json, due_on, text, finalized_json, author_name, rev) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
         ON CONFLICT (id) DO UPDATE SET request_json = excluded.request_json, due_on = excluded.due_on, \
         text = excluded.text, finalized_json = excluded.finalized_json, rev = excluded.rev",
    )?
    .execute(params![
        id.to_string(),
        family_id.to_string(),
        serde_json::to_string(&request)?,
        request.due_on.to_string(),
        text,
        finalized.map(|s| serde_json::to_string(&s)).transpose()?,
        creation.author.name,
        state.event_count as i64,
    ])?;
    Ok(())
}
