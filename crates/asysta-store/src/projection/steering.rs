//! The rows of the centre's steering: the register, a case's referral and
//! its history of assignments, plan approvals, comments and decisions on
//! duplicates. Like every projection, only maps folded states and events
//! to rows.

use super::{bad_field, deleted, family_exists, typed};
use crate::error::Result;
use asysta_core::centre::assignment::{self, AssignmentFacts};
use asysta_core::centre::{AssigneeRef, AssistantEntry, Referral};
use asysta_core::merge::{order_key, PlanState, RecordState};
use asysta_core::{Change, EntityId, Event};
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde_json::Value;

/// The UTC day of an event's clock (what "written on" means for a late edit).
pub fn day_of(wall_ms: u64) -> NaiveDate {
    chrono::DateTime::from_timestamp_millis(wall_ms as i64).map_or(NaiveDate::MIN, |t| t.date_naive())
}

pub fn write_assistant(conn: &Connection, id: EntityId, state: &RecordState) -> Result<()> {
    let Some(creation) = &state.creation else { return Ok(()) };
    let entry: AssistantEntry = typed("assistant", Value::Object(state.object_with_prefix("")))?;
    if deleted(state) {
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT INTO assistants (id, name, entry_json, user_id, rev, created_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, entry_json = excluded.entry_json, \
         user_id = excluded.user_id, rev = excluded.rev",
    )?
    .execute(params![
        id.to_string(),
        entry.name,
        serde_json::to_string(&entry)?,
        entry.user_id.map(|u| u.to_string()),
        state.event_count as i64,
        creation.hlc.wall_ms as i64,
    ])?;
    Ok(())
}

/// A family's referral (if the centre took it in) and its history of
/// assignments, with the caseload row of whoever has it now. `events` are
/// the family record's events; `state` its fold (`None` on the fast path
/// of a family whose only event is its creation by a laptop).
pub fn write_assignments(
    conn: &Connection,
    family: EntityId,
    events: &[Event],
    state: Option<&RecordState>,
) -> Result<()> {
    let id = family.to_string();
    conn.prepare_cached("DELETE FROM assignments WHERE family_id = ?1")?.execute([&id])?;
    conn.prepare_cached("DELETE FROM referrals WHERE family_id = ?1")?.execute([&id])?;
    let referral = match state.map(|s| s.value("referral")) {
        Some(Value::Null) | None => None,
        Some(v) => Some(typed::<Referral>("referral", v.clone())?),
    };
    if let Some(referral) = &referral {
        conn.prepare_cached("INSERT INTO referrals (family_id, requested_on, referral_json) VALUES (?1, ?2, ?3)")?
            .execute(params![id, referral.requested_on.to_string(), serde_json::to_string(referral)?])?;
    }
    let created = events.iter().find(|e| matches!(e.change, Change::FamilyCreated { .. }));
    let taken_on = created.map(|e| {
        let start = state
            .and_then(|s| s.value("details.start_date").as_str().and_then(|d| d.parse::<NaiveDate>().ok()))
            .unwrap_or_else(|| day_of(e.hlc.wall_ms));
        let who = AssigneeRef {
            assistant_id: EntityId(e.author.user_id.0),
            name: e.author.name.clone(),
            user_id: Some(e.author.user_id),
            devices: vec![e.device_id],
        };
        (who, start)
    });
    let facts = AssignmentFacts {
        taken_on,
        assignments: events
            .iter()
            .filter_map(|e| match &e.change {
                Change::FamilyAssigned { assignment } => Some((e.event_id, assignment, order_key(e))),
                _ => None,
            })
            .collect(),
        handed_over: events
            .iter()
            .filter_map(|e| match &e.change {
                Change::FamilyHandedOver { assignment, on } => Some((*assignment, *on)),
                _ => None,
            })
            .collect(),
    };
    let rows = assignment::history(facts);
    let mut insert = conn.prepare_cached(
        "INSERT INTO assignments (family_id, position, event_id, assistant_id, caseload_key, from_date, until_date, \
         is_transfer, pending, row_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (position, row) in rows.iter().enumerate() {
        insert.execute(params![
            id,
            position as i64,
            row.event_id.map(|e| e.to_string()),
            row.assistant.assistant_id.to_string(),
            row.assistant.caseload_key(),
            row.from.to_string(),
            row.until.map(|u| u.to_string()),
            row.is_transfer(),
            row.is_pending(),
            serde_json::to_string(row)?,
        ])?;
    }
    match assignment::current(&rows) {
        Some(row) => {
            conn.prepare_cached(
                "INSERT INTO caseloads (family_id, assistant_id, assistant_name) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (family_id) DO UPDATE SET assistant_id = excluded.assistant_id, \
                 assistant_name = excluded.assistant_name",
            )?
            .execute(params![id, row.assistant.caseload_key(), row.assistant.name])?;
        }
        None => {
            conn.prepare_cached("DELETE FROM caseloads WHERE family_id = ?1")?.execute([&id])?;
        }
    }
    Ok(())
}

/// A plan's submissions and decisions.
pub fn write_plan_approvals(conn: &Connection, family: EntityId, plan: Option<&PlanState>) -> Result<()> {
    conn.prepare_cached("DELETE FROM plan_approvals WHERE family_id = ?1")?.execute([family.to_string()])?;
    let Some(plan) = plan else { return Ok(()) };
    if !family_exists(conn, family)? {
        return Ok(());
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO plan_approvals (family_id, version_event, version, state, submitted_on, decided_on, approval_json) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for approval in &plan.approvals {
        insert.execute(params![
            family.to_string(),
            approval.version_event.to_string(),
            approval.version,
            approval.state().as_str(),
            approval.submitted.on.to_string(),
            approval.decision().map(|d| d.stamp.on.to_string()),
            serde_json::to_string(approval)?,
        ])?;
    }
    Ok(())
}

/// A comment (an addition: its creation is the whole record), shown once
/// its family is.
pub fn write_comment(conn: &Connection, id: EntityId, events: &[Event]) -> Result<()> {
    let Some(event) = events.iter().find(|e| matches!(e.change, Change::CommentAdded { .. })) else { return Ok(()) };
    let Change::CommentAdded { family_id, target, side, text, reply_to } = &event.change else { return Ok(()) };
    if !family_exists(conn, *family_id)? {
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT OR REPLACE INTO comments (id, family_id, target_record, target_id, side, author_name, written_at_ms, \
         text, reply_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        id.to_string(),
        family_id.to_string(),
        target.record,
        target.id,
        side.as_str(),
        event.author.name,
        event.hlc.wall_ms as i64,
        text,
        reply_to.map(|r| r.to_string()),
    ])?;
    Ok(())
}

/// A supervisor's decision on a pair of families (an addition; the latest
/// per pair applies, by the order every replica agrees on).
pub fn write_duplicate_decision(conn: &Connection, id: EntityId, events: &[Event]) -> Result<()> {
    let Some(event) = events.iter().find(|e| matches!(e.change, Change::DuplicatesDecided { .. })) else {
        return Ok(());
    };
    let Change::DuplicatesDecided { families, decision } = &event.change else { return Ok(()) };
    let decision = match serde_json::to_value(decision)? {
        Value::String(s) => s,
        _ => return Err(bad_field("decision")),
    };
    let (hlc, device, seq) = order_key(event);
    conn.prepare_cached(
        "INSERT OR REPLACE INTO duplicate_decisions (id, family_a, family_b, decision, order_key, author_name, \
         decided_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id.to_string(),
        families[0].to_string(),
        families[1].to_string(),
        decision,
        super::order_text(hlc, device, seq),
        event.author.name,
        event.hlc.wall_ms as i64,
    ])?;
    Ok(())
}
