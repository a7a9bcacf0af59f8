//! The projections: the tables the app reads, written from records' folded
//! states (`asysta_core::merge`). The functions here only map a state to
//! rows; which records to derive, and from which events, is `derive`'s.
//! Every row is written whole (an upsert), so writing a state twice, or
//! after a rebuild, gives the same row.

use crate::error::{Result, StoreError};
use asysta_core::member::MemberDetails;
use asysta_core::merge::{Conflict, PlanState, RecordState};
use asysta_core::plan::{PlanArea, ProgressNote};
use asysta_core::record::{CaseDetails, FamilyStatus};
use asysta_core::search::{search_key, SearchIndexEntry, SearchMember};
use asysta_core::visit::Visit;
use asysta_core::{Change, EntityId, EntityType, Event, FieldError, FieldErrorCode, Pesel};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

mod attachments;
mod cases;
pub mod steering;
pub use attachments::write_attachment;
pub use cases::{evaluation_of, opinion_request_of, write_evaluation, write_opinion};

/// The projection tables, children first (for clearing).
pub const PROJECTION_TABLES: &[&str] = &[
    "duplicate_decisions",
    "attachments",
    "comments",
    "plan_approvals",
    "assignments",
    "referrals",
    "assistants",
    "conflicts",
    "evaluations",
    "opinions",
    "progress_notes",
    "plan_versions",
    "plans",
    "planned_visits",
    "visits",
    "notes",
    "members",
    "caseloads",
    "families",
    "settings",
    "workspace",
];

/// The defaults of the centre's settings, before any settings event.
/// The cap before the centre sets one: the law's.
pub const DEFAULT_CASELOAD_CAP: u32 = asysta_core::record::LEGAL_CASELOAD_CAP;
pub const DEFAULT_NO_VISIT_DAYS: u32 = 14;

/// A field whose merged value does not fit its type: only a person's
/// resolution can write one (any event a device writes is typed), so it is
/// reported against that field.
fn bad_field(field: &str) -> StoreError {
    StoreError::Invalid(vec![FieldError::new(field, FieldErrorCode::NotInList)])
}

fn typed<T: serde::de::DeserializeOwned>(field: &str, value: Value) -> Result<T> {
    serde_json::from_value(value).map_err(|_| bad_field(field))
}

fn text(state: &RecordState, field: &str) -> Result<String> {
    match state.value(field) {
        Value::String(s) => Ok(s.clone()),
        _ => Err(bad_field(field)),
    }
}

fn deleted(state: &RecordState) -> bool {
    state.value("deleted").as_bool().unwrap_or(false)
}

pub fn write_workspace(conn: &Connection, id: EntityId, state: &RecordState) -> Result<()> {
    if state.creation.is_none() {
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT INTO workspace (id, assistant_name, centre_name, rev) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (id) DO UPDATE SET assistant_name = excluded.assistant_name, \
         centre_name = excluded.centre_name, rev = excluded.rev",
    )?
    .execute(params![
        id.to_string(),
        text(state, "assistant_name")?,
        text(state, "centre_name")?,
        state.event_count as i64
    ])?;
    Ok(())
}

/// The settings a state holds, checked.
pub struct SettingsRow {
    pub caseload_cap: u32,
    pub no_visit_days: u32,
    pub periods: crate::queries::Periods,
    pub plan_areas: Option<Vec<PlanArea>>,
    pub rating_scale: Option<Vec<asysta_core::evaluation::RatingLevel>>,
    pub closing_reasons: Option<Vec<asysta_core::closing::ClosingReason>>,
}

pub fn settings_of(state: &RecordState) -> Result<SettingsRow> {
    let number = |field: &str, default: u32| -> Result<u32> {
        match state.value(field) {
            Value::Null => Ok(default),
            v => v.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(|| bad_field(field)),
        }
    };
    let list = |field: &str| -> Result<Option<Value>> {
        Ok(match state.value(field) {
            Value::Null => None,
            v => Some(v.clone()),
        })
    };
    let cap = number("caseload_cap", DEFAULT_CASELOAD_CAP)?;
    let days = number("no_visit_days", DEFAULT_NO_VISIT_DAYS)?;
    asysta_core::record::validate_settings(cap, days).map_err(StoreError::Invalid)?;
    let defaults = crate::queries::Periods::default();
    let periods = crate::queries::Periods {
        evaluation_months: number("evaluation_months", defaults.evaluation_months)?,
        monitoring_months: number("monitoring_months", defaults.monitoring_months)?,
        lock_minutes: number("lock_minutes", defaults.lock_minutes)?,
        attachment_limit_mb: number("attachment_limit_mb", defaults.attachment_limit_mb)?,
    };
    periods.validate().map_err(StoreError::Invalid)?;
    Ok(SettingsRow {
        caseload_cap: cap,
        no_visit_days: days,
        periods,
        plan_areas: list("plan_areas")?.map(|v| typed("plan_areas", v)).transpose()?,
        rating_scale: list("rating_scale")?.map(|v| typed("rating_scale", v)).transpose()?,
        closing_reasons: list("closing_reasons")?.map(|v| typed("closing_reasons", v)).transpose()?,
    })
}

pub fn write_settings(conn: &Connection, state: &RecordState) -> Result<()> {
    if state.event_count == 0 {
        conn.execute("DELETE FROM settings", [])?;
        return Ok(());
    }
    let row = settings_of(state)?;
    conn.prepare_cached(
        "INSERT INTO settings (id, caseload_cap, no_visit_days, plan_areas_json, rev, evaluation_months, \
         monitoring_months, lock_minutes, rating_scale_json, closing_reasons_json, attachment_limit_mb) \
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) \
         ON CONFLICT (id) DO UPDATE SET caseload_cap = excluded.caseload_cap, \
         no_visit_days = excluded.no_visit_days, plan_areas_json = excluded.plan_areas_json, rev = excluded.rev, \
         evaluation_months = excluded.evaluation_months, monitoring_months = excluded.monitoring_months, \
         lock_minutes = excluded.lock_minutes, rating_scale_json = excluded.rating_scale_json, \
         closing_reasons_json = excluded.closing_reasons_json, attachment_limit_mb = excluded.attachment_limit_mb",
    )?
    .execute(params![
        row.caseload_cap,
        row.no_visit_days,
        row.plan_areas.map(|a| serde_json::to_string(&a)).transpose()?,
        state.event_count as i64,
        row.periods.evaluation_months,
        row.periods.monitoring_months,
        row.periods.lock_minutes,
        row.rating_scale.map(|a| serde_json::to_string(&a)).transpose()?,
        row.closing_reasons.map(|a| serde_json::to_string(&a)).transpose()?,
        row.periods.attachment_limit_mb,
    ])?;
    Ok(())
}

/// A family's row as a state gives it.
pub struct FamilyRow {
    pub name: String,
    pub address: String,
    pub status: FamilyStatus,
    pub status_reason: String,
    pub status_on: Option<chrono::NaiveDate>,
    pub closing: Option<asysta_core::closing::ClosingView>,
    pub details: CaseDetails,
}

pub fn family_row(state: &RecordState) -> Result<FamilyRow> {
    let (status, status_reason, status_on) = match state.value("status") {
        Value::Null => (FamilyStatus::Active, String::new(), None),
        Value::Object(o) => {
            let status = typed::<FamilyStatus>("status", o.get("status").cloned().unwrap_or(Value::Null))?;
            let reason = o.get("reason").and_then(Value::as_str).unwrap_or_default().to_owned();
            let on = typed::<Option<chrono::NaiveDate>>("status", o.get("on").cloned().unwrap_or(Value::Null))?;
            (status, reason, on)
        }
        _ => return Err(bad_field("status")),
    };
    let closing = match state.value("closing") {
        Value::Null => None,
        v => Some(typed::<asysta_core::closing::ClosingView>("closing", v.clone())?),
    };
    Ok(FamilyRow {
        name: text(state, "name")?,
        address: text(state, "address")?,
        status,
        status_reason,
        status_on,
        closing,
        details: typed("details", Value::Object(state.object_with_prefix("details.")))?,
    })
}

pub fn write_family(conn: &Connection, id: EntityId, state: &RecordState) -> Result<bool> {
    let Some(creation) = &state.creation else { return Ok(false) };
    let row = family_row(state)?;
    let times = (creation.hlc.wall_ms, state.last_hlc.wall_ms);
    upsert_family(conn, id, &row, state.event_count, times, deleted(state))?;
    Ok(true)
}

/// A family whose only event is its creation, straight from the payload
/// (the row [`write_family`] writes from the folded state).
pub fn write_new_family(conn: &Connection, id: EntityId, name: &str, address: &str, event: &Event) -> Result<()> {
    let row = FamilyRow {
        name: name.to_owned(),
        address: address.to_owned(),
        status: FamilyStatus::Active,
        status_reason: String::new(),
        status_on: None,
        closing: None,
        details: CaseDetails::default(),
    };
    let at = event.hlc.wall_ms;
    upsert_family(conn, id, &row, 1, (at, at), false)
}

/// Writes a family's row (its caseload is written with its assignments,
/// [`steering::write_assignments`]).
fn upsert_family(
    conn: &Connection,
    id: EntityId,
    row: &FamilyRow,
    event_count: u64,
    (created_at_ms, updated_at_ms): (u64, u64),
    deleted: bool,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO families (id, name, address, rev, created_at_ms, updated_at_ms, deleted, status, status_reason, \
         details_json, status_on, closing_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address, rev = excluded.rev, \
         created_at_ms = excluded.created_at_ms, updated_at_ms = excluded.updated_at_ms, deleted = excluded.deleted, \
         status = excluded.status, status_reason = excluded.status_reason, details_json = excluded.details_json, \
         status_on = excluded.status_on, closing_json = excluded.closing_json",
    )?
    .execute(params![
        id.to_string(),
        row.name,
        row.address,
        event_count as i64,
        created_at_ms as i64,
        updated_at_ms as i64,
        deleted,
        row.status.as_str(),
        row.status_reason,
        // No details yet: the column's default, as the first release wrote
        // it (a family row stays small, and the family list reads fewer pages).
        if row.details == CaseDetails::default() { "{}".to_owned() } else { serde_json::to_string(&row.details)? },
        row.status_on.map(|d| d.to_string()),
        row.closing.as_ref().map(serde_json::to_string).transpose()?,
    ])?;
    Ok(())
}

/// Whether the family's row exists (children are shown only under it).
pub fn family_exists(conn: &Connection, family_id: EntityId) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM families WHERE id = ?1")?
        .query_row([family_id.to_string()], |_| Ok(()))
        .optional()?
        .is_some())
}

pub fn member_details(state: &RecordState) -> Result<MemberDetails> {
    let object: serde_json::Map<String, Value> = asysta_core::merge::MEMBER_FIELDS
        .iter()
        .map(|f| ((*f).to_owned(), state.value(f).clone()))
        .filter(|(_, v)| !v.is_null())
        .collect();
    let details: MemberDetails = typed("first_name", Value::Object(object))?;
    Ok(details)
}

/// The order rows are shown in, the same on every replica: the creation
/// event's (HLC, device, sequence), as text that sorts the same way.
fn sort_key(state: &RecordState) -> String {
    state.creation.as_ref().map_or_else(String::new, |c| order_text(c.hlc, c.device_id, c.seq))
}

fn order_text(hlc: asysta_core::Hlc, device: asysta_core::DeviceId, seq: u64) -> String {
    format!("{:016x}{:08x}{}{:016x}", hlc.wall_ms, hlc.counter, device.0.simple(), seq)
}

/// Writes a person's row; the caller has checked that the person's family
/// has a row.
pub fn write_member(conn: &Connection, id: EntityId, state: &RecordState) -> Result<()> {
    if state.creation.is_none() {
        return Ok(());
    }
    let family_id = state.family_id.ok_or_else(|| StoreError::CorruptLog(format!("member {id} has no family")))?;
    let details = member_details(state)?;
    upsert_member(conn, id, family_id, &details, state.event_count, deleted(state), &sort_key(state))
}

/// A person whose only event is their creation, straight from the payload.
pub fn write_new_member(
    conn: &Connection,
    id: EntityId,
    family_id: EntityId,
    details: &MemberDetails,
    event: &Event,
) -> Result<()> {
    let key = order_text(event.hlc, event.device_id, event.seq);
    upsert_member(conn, id, family_id, details, 1, false, &key)
}

fn upsert_member(
    conn: &Connection,
    id: EntityId,
    family_id: EntityId,
    details: &MemberDetails,
    event_count: u64,
    deleted: bool,
    sort_key: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO members (id, family_id, first_name, last_name, birth_date, sex, relation, pesel, rev, deleted, \
         sort_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) \
         ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name, \
         birth_date = excluded.birth_date, sex = excluded.sex, relation = excluded.relation, pesel = excluded.pesel, \
         rev = excluded.rev, deleted = excluded.deleted, sort_key = excluded.sort_key",
    )?
    .execute(params![
        id.to_string(),
        family_id.to_string(),
        details.first_name,
        details.last_name,
        details.birth_date.map(|d| d.to_string()),
        details.sex.map(|s| s.as_str()),
        details.relation.as_str(),
        details.pesel.as_ref().map(|p| p.as_str()),
        event_count as i64,
        deleted,
        sort_key,
    ])?;
    Ok(())
}

pub fn write_note(conn: &Connection, id: EntityId, state: &RecordState) -> Result<()> {
    let (Some(creation), Some(family_id)) = (&state.creation, state.family_id) else { return Ok(()) };
    if !family_exists(conn, family_id)? {
        return Ok(());
    }
    let restricted = state.value("restricted").as_bool().ok_or_else(|| bad_field("restricted"))?;
    conn.prepare_cached(
        "INSERT INTO notes (id, family_id, text, restricted, created_at_ms, author_name, rev) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT (id) DO UPDATE SET text = excluded.text, restricted = excluded.restricted, rev = excluded.rev",
    )?
    .execute(params![
        id.to_string(),
        family_id.to_string(),
        text(state, "text")?,
        restricted,
        creation.hlc.wall_ms as i64,
        creation.author.name,
        state.event_count as i64
    ])?;
    Ok(())
}

pub fn visit_of(state: &RecordState) -> Result<Visit> {
    let mut object = state.object_with_prefix("");
    object.remove("deleted");
    typed("visit", Value::Object(object))
}

pub fn write_visit(conn: &Connection, id: EntityId, state: &RecordState) -> Result<()> {
    let (Some(creation), Some(family_id)) = (&state.creation, state.family_id) else { return Ok(()) };
    if !family_exists(conn, family_id)? {
        return Ok(());
    }
    let visit = visit_of(state)?;
    upsert_visit(conn, id, family_id, &visit, &creation.author.name, state.event_count, deleted(state))
}

/// A visit whose only event is its creation: the row straight from the
/// payload (the same row [`write_visit`] writes from the folded state).
pub fn write_new_visit(
    conn: &Connection,
    id: EntityId,
    family_id: EntityId,
    visit: &Visit,
    event: &Event,
) -> Result<()> {
    upsert_visit(conn, id, family_id, visit, &event.author.name, 1, false)
}

/// The statuses a contact gave plan actions, as the `visits.progress`
/// column keeps them: "ACTION_ID STATUS" in the visit's order, joined by
/// ';' (read back by `queries::progress::status_notes`).
pub(crate) fn progress_column(visit: &Visit) -> String {
    let mut out = String::new();
    for worked in &visit.actions_worked {
        if let Some(status) = worked.status {
            if !out.is_empty() {
                out.push(';');
            }
            out.push_str(&worked.action_id.to_string());
            out.push(' ');
            out.push_str(status.as_str());
        }
    }
    out
}

fn upsert_visit(
    conn: &Connection,
    id: EntityId,
    family_id: EntityId,
    visit: &Visit,
    author_name: &str,
    event_count: u64,
    deleted: bool,
) -> Result<()> {
    if visit.is_planned() {
        if event_count > 1 {
            conn.prepare_cached("DELETE FROM visits WHERE id = ?1")?.execute([id.to_string()])?;
        }
        conn.prepare_cached(
            "INSERT INTO planned_visits (id, family_id, date, start_time, visit_json, author_name, rev, deleted) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
             ON CONFLICT (id) DO UPDATE SET date = excluded.date, start_time = excluded.start_time, \
             visit_json = excluded.visit_json, rev = excluded.rev, deleted = excluded.deleted",
        )?
        .execute(params![
            id.to_string(),
            family_id.to_string(),
            visit.date.to_string(),
            visit.start.format("%H:%M").to_string(),
            serde_json::to_string(visit)?,
            author_name,
            event_count as i64,
            deleted,
        ])?;
        return Ok(());
    }
    // A record of one event was never planned (a planned visit becomes a
    // contact by a correction).
    if event_count > 1 {
        conn.prepare_cached("DELETE FROM planned_visits WHERE id = ?1")?.execute([id.to_string()])?;
    }
    conn.prepare_cached(
        "INSERT INTO visits (id, family_id, date, start_time, next_planned, visit_json, author_name, rev, deleted, \
         minutes, form, progress, travel_km_tenths, travel_means) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) \
         ON CONFLICT (id) DO UPDATE SET date = excluded.date, start_time = excluded.start_time, \
         next_planned = excluded.next_planned, visit_json = excluded.visit_json, rev = excluded.rev, \
         deleted = excluded.deleted, minutes = excluded.minutes, form = excluded.form, progress = excluded.progress, \
         travel_km_tenths = excluded.travel_km_tenths, travel_means = excluded.travel_means",
    )?
    .execute(params![
        id.to_string(),
        family_id.to_string(),
        visit.date.to_string(),
        visit.start.format("%H:%M").to_string(),
        visit.next_planned.map(|d| d.to_string()),
        serde_json::to_string(visit)?,
        author_name,
        event_count as i64,
        deleted,
        visit.duration_minutes(),
        visit.form.as_str(),
        progress_column(visit),
        visit.travel.as_ref().map(|t| i64::from(t.km_tenths)),
        visit.travel.as_ref().map(|t| t.means.as_str()),
    ])?;
    Ok(())
}

/// Rewrites a family's plan: the plan row, its versions as the merge
/// numbers them, and every progress note noted on it.
pub fn write_plan(conn: &Connection, family_id: EntityId, plan: Option<&PlanState>, notes: &[Event]) -> Result<()> {
    let old: Option<String> = conn
        .prepare_cached("SELECT id FROM plans WHERE family_id = ?1")?
        .query_row([family_id.to_string()], |r| r.get(0))
        .optional()?;
    if let Some(old) = &old {
        conn.prepare_cached("DELETE FROM progress_notes WHERE plan_id = ?1")?.execute([old])?;
        conn.prepare_cached("DELETE FROM plan_versions WHERE plan_id = ?1")?.execute([old])?;
        conn.prepare_cached("DELETE FROM plans WHERE id = ?1")?.execute([old])?;
    }
    let Some(plan) = plan else { return Ok(()) };
    if !family_exists(conn, family_id)? {
        return Ok(());
    }
    let plan_id = plan.plan_id.to_string();
    conn.prepare_cached("INSERT INTO plans (id, family_id, rev) VALUES (?1, ?2, ?3)")?.execute(params![
        plan_id,
        family_id.to_string(),
        plan.event_count as i64
    ])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO plan_versions (plan_id, number, version_json, saved_at_ms, author_name) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for v in &plan.versions {
        insert.execute(params![
            plan_id,
            v.version.number,
            serde_json::to_string(&v.version)?,
            v.hlc.wall_ms as i64,
            v.author.name
        ])?;
    }
    for note in notes {
        write_progress_note(conn, &plan_id, note)?;
    }
    Ok(())
}

/// The plan row's id of a family, if the family has a plan.
pub fn plan_row_id(conn: &Connection, family_id: EntityId) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT id FROM plans WHERE family_id = ?1")?
        .query_row([family_id.to_string()], |r| r.get(0))
        .optional()?)
}

/// A progress note is an addition: one row per event, under the family's
/// plan row (it waits, unshown, until the plan's first version arrives).
pub fn write_progress_note(conn: &Connection, plan_id: &str, event: &Event) -> Result<()> {
    let Change::PlanProgressNoted { note } = &event.change else { return Ok(()) };
    let note: &ProgressNote = note;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO progress_notes (event_id, plan_id, action_id, date, note_json, hlc_wall_ms, \
         hlc_counter) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        event.event_id.to_string(),
        plan_id,
        note.action_id.to_string(),
        note.date.to_string(),
        serde_json::to_string(note)?,
        event.hlc.wall_ms as i64,
        event.hlc.counter
    ])?;
    Ok(())
}

/// Replaces the conflicts recorded for one record.
pub fn write_conflicts(conn: &Connection, entity_id: EntityId, conflicts: &[Conflict], had_any: bool) -> Result<()> {
    if had_any {
        conn.prepare_cached("DELETE FROM conflicts WHERE entity_id = ?1")?.execute([entity_id.to_string()])?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO conflicts (id, entity_type, entity_id, family_id, field, shown_event_id, versions_json) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for c in conflicts {
        insert.execute(params![
            c.id,
            c.record.as_str(),
            c.entity_id.to_string(),
            c.family_id.map(|f| f.to_string()),
            c.field,
            c.shown_event_id.to_string(),
            serde_json::to_string(&c.versions)?,
        ])?;
    }
    Ok(())
}

/// The conflicts of every record, or of one family's.
pub fn read_conflicts(conn: &Connection, family_id: Option<EntityId>) -> Result<Vec<Conflict>> {
    let sql = "SELECT id, entity_type, entity_id, family_id, field, shown_event_id, versions_json FROM conflicts \
               WHERE ?1 IS NULL OR family_id = ?1 ORDER BY family_id, entity_id, field";
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([family_id.map(|f| f.to_string())], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    let corrupt = |what: &str| StoreError::CorruptLog(format!("bad conflict row: {what}"));
    rows.map(|row| {
        let (id, record, entity_id, family_id, field, shown, versions) = row?;
        Ok(Conflict {
            id,
            record: EntityType::parse(&record).ok_or_else(|| corrupt("record"))?,
            entity_id: entity_id.parse().map_err(|_| corrupt("entity id"))?,
            family_id: family_id.map(|f| f.parse().map_err(|_| corrupt("family id"))).transpose()?,
            field,
            shown_event_id: shown.parse().map_err(|_| corrupt("event id"))?,
            versions: serde_json::from_str(&versions)?,
        })
    })
    .collect()
}

/// Recomputes `families.search_key` from the family and its live members.
pub fn refresh_search_key(conn: &Connection, family_id: EntityId) -> Result<()> {
    let id = family_id.to_string();
    let Some((name, address)): Option<(String, String)> = conn
        .prepare_cached("SELECT name, address FROM families WHERE id = ?1")?
        .query_row([&id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
    else {
        return Ok(());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT first_name, last_name, pesel FROM members WHERE family_id = ?1 AND deleted = 0 ORDER BY id",
    )?;
    let members = stmt
        .query_map([&id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)))?
        .map(|row| {
            let (first_name, last_name, pesel) = row?;
            Ok(SearchMember { first_name, last_name, pesel: pesel.and_then(|p| Pesel::parse(&p).ok()) })
        })
        .collect::<Result<Vec<_>>>()?;
    let entry = SearchIndexEntry { family_id, family_name: name, address, members };
    conn.prepare_cached("UPDATE families SET search_key = ?2 WHERE id = ?1")?
        .execute(params![id, search_key(&entry)])?;
    Ok(())
}
