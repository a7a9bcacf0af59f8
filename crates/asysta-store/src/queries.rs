//! Read queries over the projections and the log.

use crate::error::Result;
use crate::log::{event_from_row, EVENT_COLUMNS, EVENT_ORDER};
use asysta_core::api::{DraftView, FamilyCase, MemberView, NoteView, VisitView};
use asysta_core::family::FamilySummary;
use asysta_core::member::{MemberDetails, PersonRef, Relation};
use asysta_core::plan::{default_areas, PlanArea, PlanVersion, ProgressNote};
use asysta_core::record::FamilyStatus;
use asysta_core::visit::VisitDraft;
use asysta_core::{EntityId, EntityType, Event};
use asysta_core::{Pesel, Sex};
use chrono::NaiveDate;
use rusqlite::Connection;
use rusqlite::OptionalExtension;
use serde::Serialize;
use std::collections::BTreeMap;

macro_rules! family_columns_sql {
    () => {
        "SELECT f.id, f.name, f.address, f.rev, f.created_at_ms, \
         (SELECT count(*) FROM members m WHERE m.family_id = f.id AND m.deleted = 0), f.status, \
         (SELECT max(v.date) FROM visits v WHERE v.family_id = f.id AND v.deleted = 0) FROM families f"
    };
}
pub(crate) const LIST_ALL_SQL: &str =
    concat!(family_columns_sql!(), " WHERE f.deleted = 0 ORDER BY f.name COLLATE pl, f.id");
pub(crate) const LIST_BY_STATUS_SQL: &str =
    concat!(family_columns_sql!(), " WHERE f.deleted = 0 AND f.status = ?1 ORDER BY f.name COLLATE pl, f.id");

/// Live families in Polish order; only those with `status` when given.
/// Two statements, so each is served by its own index in collation order
/// (`families_by_name`, `families_by_status`) with no sort step.
pub fn list_families(conn: &Connection, status: Option<FamilyStatus>) -> Result<Vec<FamilySummary>> {
    let mut stmt = conn.prepare_cached(if status.is_some() { LIST_BY_STATUS_SQL } else { LIST_ALL_SQL })?;
    let params: Vec<&str> = status.map(FamilyStatus::as_str).into_iter().collect();
    let rows = stmt.query_map(rusqlite::params_from_iter(params), |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, i64>(3)?,
            row.get::<_, i64>(4)?,
            row.get::<_, i64>(5)?,
            row.get::<_, String>(6)?,
            row.get::<_, Option<String>>(7)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name, address, rev, created_at_ms, member_count, status, last_visit) = row?;
        out.push(FamilySummary {
            id: id.parse().map_err(|_| crate::StoreError::CorruptLog(format!("bad family id {id:?}")))?,
            name,
            address,
            member_count: member_count as u32,
            rev: rev as u64,
            created_at_ms: created_at_ms as u64,
            status: FamilyStatus::parse(&status)
                .ok_or_else(|| crate::StoreError::CorruptLog(format!("bad family status {status:?}")))?,
            last_visit: last_visit.as_deref().map(parse_date).transpose()?,
        });
    }
    Ok(out)
}

pub fn events_of(conn: &Connection, entity_id: EntityId) -> Result<Vec<Event>> {
    let mut stmt = conn
        .prepare_cached(&format!("SELECT {EVENT_COLUMNS} FROM events WHERE entity_id = ?1 ORDER BY {EVENT_ORDER}"))?;
    let rows = stmt.query_map([entity_id.to_string()], event_from_row)?;
    rows.map(|r| r?).collect()
}

pub fn all_events(conn: &Connection) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {EVENT_COLUMNS} FROM events ORDER BY {EVENT_ORDER}"))?;
    let rows = stmt.query_map([], event_from_row)?;
    rows.map(|r| r?).collect()
}

/// What `asysta stats --json` prints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Live records per entity type (tombstoned ones are not counted).
    pub entities: BTreeMap<String, u64>,
    pub events: EventStats,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventStats {
    pub total: u64,
    pub per_device: BTreeMap<String, u64>,
    pub per_kind: BTreeMap<String, u64>,
}

pub fn stats(conn: &Connection) -> Result<Stats> {
    let count = |sql: &str| -> Result<u64> { Ok(conn.query_row(sql, [], |row| row.get::<_, i64>(0))? as u64) };
    let mut entities = BTreeMap::new();
    for t in EntityType::ALL {
        let n = match t {
            EntityType::Workspace => count("SELECT count(*) FROM workspace")?,
            EntityType::Family => count("SELECT count(*) FROM families WHERE deleted = 0")?,
            EntityType::Member => count("SELECT count(*) FROM members WHERE deleted = 0")?,
            EntityType::Note => count("SELECT count(*) FROM notes")?,
            EntityType::Plan => count("SELECT count(*) FROM plans")?,
            EntityType::Visit => count("SELECT count(*) FROM visits WHERE deleted = 0")?,
            EntityType::Evaluation => count("SELECT count(*) FROM evaluations")?,
            EntityType::Opinion => count("SELECT count(*) FROM opinions")?,
            EntityType::Assistant => count("SELECT count(*) FROM assistants")?,
            EntityType::Comment => count("SELECT count(*) FROM comments")?,
            EntityType::Duplicate => count("SELECT count(*) FROM duplicate_decisions")?,
            EntityType::Attachment => count("SELECT count(*) FROM attachments WHERE deleted = 0")?,
        };
        entities.insert(t.as_str().to_owned(), n);
    }
    // Parts of records that are counted too.
    entities.insert("plan_version".to_owned(), count("SELECT count(*) FROM plan_versions")?);
    entities.insert("progress_note".to_owned(), count("SELECT count(*) FROM progress_notes")?);
    let grouped = |sql: &str| -> Result<BTreeMap<String, u64>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    Ok(Stats {
        entities,
        events: EventStats {
            total: count("SELECT count(*) FROM events")?,
            per_device: grouped("SELECT device_id, count(*) FROM events GROUP BY device_id")?,
            per_kind: grouped("SELECT kind, count(*) FROM events GROUP BY kind")?,
        },
    })
}

/// The number of live families with status `active` in one assistant's
/// caseload.
pub fn active_family_count_of(conn: &Connection, assistant: asysta_core::UserId) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM caseloads c JOIN families f ON f.id = c.family_id \
         WHERE c.assistant_id = ?1 AND f.deleted = 0 AND f.status = 'active'",
        [assistant.to_string()],
        |row| row.get::<_, i64>(0),
    )? as u32)
}

/// The family a record's events were filed under, if any.
pub fn family_of_entity(conn: &Connection, entity_id: EntityId) -> Result<Option<EntityId>> {
    let family: Option<String> = conn
        .prepare_cached("SELECT family_id FROM events WHERE entity_id = ?1 AND family_id IS NOT NULL LIMIT 1")?
        .query_row([entity_id.to_string()], |r| r.get(0))
        .optional()?;
    family.map(|f| parse_id(&f)).transpose()
}

/// The family a local change belongs to: named in its payload, the family
/// itself, or its record's family.
pub fn family_of_change(conn: &Connection, pending: &crate::log::PendingChange) -> Result<Option<EntityId>> {
    if let Some(f) = pending.change.family_in_payload() {
        return Ok(Some(f));
    }
    match pending.change.entity_type() {
        EntityType::Family => Ok(Some(pending.entity_id)),
        EntityType::Workspace => Ok(None),
        _ => family_of_entity(conn, pending.entity_id),
    }
}

/// Whether a family's case is archived (read-only).
pub fn is_archived(conn: &Connection, family_id: EntityId) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT status = 'archived' FROM families WHERE id = ?1")?
        .query_row([family_id.to_string()], |r| r.get::<_, bool>(0))
        .optional()?
        .unwrap_or(false))
}

/// How many events the settings record has.
pub fn settings_rev(conn: &Connection) -> Result<u64> {
    Ok(conn.query_row("SELECT COALESCE(MAX(rev), 0) FROM settings", [], |r| r.get::<_, i64>(0))? as u64)
}

/// The centre's settings for this workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Settings {
    pub caseload_cap: u32,
    pub no_visit_days: u32,
}

pub mod cases;
pub mod progress;

/// The centre's periods: between evaluations, of monitoring after
/// closing, and without use before the app locks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Periods {
    pub evaluation_months: u32,
    pub monitoring_months: u32,
    pub lock_minutes: u32,
    /// The limit per attached file, in MB.
    #[serde(default = "default_attachment_limit")]
    pub attachment_limit_mb: u32,
}

fn default_attachment_limit() -> u32 {
    asysta_core::attachment::DEFAULT_LIMIT_MB
}

/// The longest automatic-lock period a centre may set, in minutes.
pub const MAX_LOCK_MINUTES: u32 = 240;

impl Default for Periods {
    fn default() -> Self {
        Periods {
            evaluation_months: asysta_core::evaluation::DEFAULT_PERIOD_MONTHS,
            monitoring_months: asysta_core::closing::DEFAULT_MONITORING_MONTHS,
            lock_minutes: 10,
            attachment_limit_mb: asysta_core::attachment::DEFAULT_LIMIT_MB,
        }
    }
}

impl Periods {
    /// Evaluations at least every six months (the Act), monitoring 1 to 24
    /// months, the lock after 1 to 240 minutes.
    pub fn validate(&self) -> std::result::Result<(), Vec<asysta_core::FieldError>> {
        use asysta_core::{FieldError, FieldErrorCode::OutOfRange};
        let mut errors = Vec::new();
        if !(1..=asysta_core::evaluation::MAX_PERIOD_MONTHS).contains(&self.evaluation_months) {
            errors.push(FieldError::with_detail("evaluation_months", OutOfRange, "settings-error-evaluation-months"));
        }
        if !(1..=asysta_core::closing::MAX_MONITORING_MONTHS).contains(&self.monitoring_months) {
            errors.push(FieldError::with_detail("monitoring_months", OutOfRange, "settings-error-monitoring-months"));
        }
        if !(1..=MAX_LOCK_MINUTES).contains(&self.lock_minutes) {
            errors.push(FieldError::with_detail("lock_minutes", OutOfRange, "settings-error-lock-minutes"));
        }
        if !(1..=asysta_core::attachment::MAX_LIMIT_MB).contains(&self.attachment_limit_mb) {
            errors.push(FieldError::with_detail("attachment_limit_mb", OutOfRange, "settings-error-attachment-limit"));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// The centre's periods (the defaults before any settings event).
pub fn periods(conn: &Connection) -> Result<Periods> {
    Ok(conn
        .prepare_cached(
            "SELECT evaluation_months, monitoring_months, lock_minutes, attachment_limit_mb FROM settings WHERE id = 1",
        )?
        .query_row([], |row| {
            Ok(Periods {
                evaluation_months: row.get(0)?,
                monitoring_months: row.get(1)?,
                lock_minutes: row.get(2)?,
                attachment_limit_mb: row.get::<_, Option<u32>>(3)?.unwrap_or_else(default_attachment_limit),
            })
        })
        .optional()?
        .unwrap_or_default())
}

/// A JSON list of the settings row, or `None` for the default.
pub fn settings_list<T: serde::de::DeserializeOwned>(conn: &Connection, column: &str) -> Result<Option<T>> {
    let json: Option<Option<String>> = conn
        .prepare_cached(&format!("SELECT {column} FROM settings WHERE id = 1"))?
        .query_row([], |row| row.get(0))
        .optional()?;
    Ok(json.flatten().map(|j| serde_json::from_str(&j)).transpose()?)
}

/// The centre's settings (the defaults before any settings event).
pub fn settings(conn: &Connection) -> Result<Settings> {
    Ok(conn
        .prepare_cached("SELECT caseload_cap, no_visit_days FROM settings WHERE id = 1")?
        .query_row([], |row| Ok(Settings { caseload_cap: row.get(0)?, no_visit_days: row.get(1)? }))
        .optional()?
        .unwrap_or(Settings {
            caseload_cap: crate::projection::DEFAULT_CASELOAD_CAP,
            no_visit_days: crate::projection::DEFAULT_NO_VISIT_DAYS,
        }))
}

/// The revision of a live record in `table`, or `NotFound`.
pub fn live_rev(conn: &Connection, table: &str, id: EntityId) -> Result<u64> {
    let sql = format!("SELECT rev FROM {table} WHERE id = ?1 AND deleted = 0");
    conn.query_row(&sql, [id.to_string()], |row| row.get::<_, i64>(0)).map(|rev| rev as u64).map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => crate::StoreError::NotFound(id.to_string()),
        other => other.into(),
    })
}

/// Live members of a family, in the order they were added.
pub fn members_of(conn: &Connection, family_id: EntityId) -> Result<Vec<MemberView>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, rev, first_name, last_name, birth_date, sex, relation, pesel FROM members \
         WHERE family_id = ?1 AND deleted = 0 ORDER BY sort_key, id",
    )?;
    let rows = stmt.query_map([family_id.to_string()], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, i64>(1)?,
            MemberRow {
                first_name: row.get(2)?,
                last_name: row.get(3)?,
                birth_date: row.get(4)?,
                sex: row.get(5)?,
                relation: row.get(6)?,
                pesel: row.get(7)?,
            },
        ))
    })?;
    rows.map(|row| {
        let (id, rev, member) = row?;
        Ok(MemberView { id: parse_id(&id)?, rev: rev as u64, details: member.into_details()? })
    })
    .collect()
}

/// Every member not deleted, whatever the state of their family (the
/// caller knows which families are live), read from the members table
/// alone.
pub fn live_people(conn: &Connection) -> Result<Vec<PersonRef>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, family_id, first_name, last_name, birth_date, pesel FROM members WHERE deleted = 0",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(PersonRef {
            member_id: parse_id(&row.get::<_, String>(0)?)?,
            family_id: parse_id(&row.get::<_, String>(1)?)?,
            first_name: row.get(2)?,
            last_name: row.get(3)?,
            birth_date: row.get::<_, Option<String>>(4)?.as_deref().map(parse_date).transpose()?,
            pesel: row
                .get::<_, Option<String>>(5)?
                .as_deref()
                .map(|p| Pesel::parse(p).map_err(|e| corrupt(format!("{e}"))))
                .transpose()?,
        });
    }
    Ok(out)
}

/// Every live person, for duplicate checks.
pub fn all_people(conn: &Connection) -> Result<Vec<(PersonRef, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.family_id, m.first_name, m.last_name, m.birth_date, m.pesel, f.name \
         FROM members m JOIN families f ON f.id = m.family_id WHERE m.deleted = 0 AND f.deleted = 0",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, Option<String>>(4)?,
            row.get::<_, Option<String>>(5)?,
            row.get::<_, String>(6)?,
        ))
    })?;
    rows.map(|row| {
        let (id, family_id, first_name, last_name, birth_date, pesel, family_name) = row?;
        let person = PersonRef {
            member_id: parse_id(&id)?,
            family_id: parse_id(&family_id)?,
            first_name,
            last_name,
            birth_date: birth_date.as_deref().map(parse_date).transpose()?,
            pesel: pesel.as_deref().map(|p| Pesel::parse(p).map_err(|e| corrupt(format!("{e}")))).transpose()?,
        };
        Ok((person, family_name))
    })
    .collect()
}

/// Notes of a family, oldest first.
pub fn notes_of(conn: &Connection, family_id: EntityId) -> Result<Vec<NoteView>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, text, restricted, created_at_ms, author_name FROM notes WHERE family_id = ?1 \
         ORDER BY created_at_ms, id",
    )?;
    let rows = stmt.query_map([family_id.to_string()], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, bool>(2)?,
            row.get::<_, i64>(3)?,
            row.get::<_, String>(4)?,
        ))
    })?;
    rows.map(|row| {
        let (id, text, restricted, created_at_ms, author_name) = row?;
        Ok(NoteView { id: parse_id(&id)?, text, restricted, created_at_ms: created_at_ms as u64, author_name })
    })
    .collect()
}

/// The family's summary row, details and status reason.
pub fn family_case(conn: &Connection, family_id: EntityId) -> Result<FamilyCase> {
    let family = list_families(conn, None)?
        .into_iter()
        .find(|f| f.id == family_id)
        .ok_or_else(|| crate::StoreError::NotFound(family_id.to_string()))?;
    let (details_json, status_reason, status_on, closing_json): (String, String, Option<String>, Option<String>) = conn
        .query_row(
            "SELECT details_json, status_reason, status_on, closing_json FROM families WHERE id = ?1",
            [family_id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
    let status_on = status_on.as_deref().map(parse_date).transpose()?;
    let details: asysta_core::record::CaseDetails = serde_json::from_str(&details_json)?;
    let evaluations = cases::evaluations_of(conn, family_id)?;
    let CaseDates { next_evaluation_due, monitoring_until } =
        case_dates(&family, &details, status_on, &evaluations, periods(conn)?);
    let visits = visits_of(conn, family_id)?;
    let plan_versions = plan_versions_of(conn, family_id)?;
    let progress_notes = progress_notes_of(conn, family_id, &visits)?;
    Ok(FamilyCase {
        closing: if family.status == FamilyStatus::Active { None } else { json_opt(closing_json)? },
        family,
        status_reason,
        details,
        members: members_of(conn, family_id)?,
        notes: notes_of(conn, family_id)?,
        plan_versions,
        progress_notes,
        visits,
        conflicts: crate::projection::read_conflicts(conn, Some(family_id))?,
        status_on,
        monitoring_until,
        evaluations,
        next_evaluation_due,
        opinions: cases::opinions_of(conn, family_id)?,
        steering: Default::default(),
    })
}

/// When a case's next evaluation is due (active families) and when its
/// monitoring ends (monitored families).
pub struct CaseDates {
    pub next_evaluation_due: Option<NaiveDate>,
    pub monitoring_until: Option<NaiveDate>,
}

pub fn case_dates(
    family: &FamilySummary,
    details: &asysta_core::record::CaseDetails,
    status_on: Option<NaiveDate>,
    evaluations: &[asysta_core::evaluation::EvaluationView],
    periods: Periods,
) -> CaseDates {
    let next_evaluation_due = (family.status == FamilyStatus::Active).then(|| {
        let start = details.start_date.unwrap_or_else(|| created_on(family.created_at_ms));
        asysta_core::evaluation::next_due(
            start,
            asysta_core::evaluation::last_evaluated_on(evaluations),
            periods.evaluation_months,
        )
    });
    let monitoring_until = (family.status == FamilyStatus::Monitoring)
        .then(|| status_on.map(|on| asysta_core::closing::monitoring_ends(on, periods.monitoring_months)))
        .flatten();
    CaseDates { next_evaluation_due, monitoring_until }
}

/// A family, its evaluations and the dates they give.
pub type DatedCase = (FamilySummary, Vec<asysta_core::evaluation::EvaluationView>, CaseDates);

/// The dates of every active or monitored family's case, without reading
/// whole cases (the home screen at a centre reads hundreds).
pub fn all_case_dates(conn: &Connection) -> Result<Vec<DatedCase>> {
    let periods = periods(conn)?;
    let mut stmt = conn.prepare_cached("SELECT details_json, status_on FROM families WHERE id = ?1")?;
    let mut out = Vec::new();
    for status in [FamilyStatus::Active, FamilyStatus::Monitoring] {
        for family in list_families(conn, Some(status))? {
            let (details_json, status_on): (String, Option<String>) =
                stmt.query_row([family.id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let details: asysta_core::record::CaseDetails = serde_json::from_str(&details_json)?;
            let status_on = status_on.as_deref().map(parse_date).transpose()?;
            let evaluations = cases::evaluations_of(conn, family.id)?;
            let dates = case_dates(&family, &details, status_on, &evaluations, periods);
            out.push((family, evaluations, dates));
        }
    }
    Ok(out)
}

/// The day a family was taken on (from its creation's clock), where the
/// case details give no start date.
pub fn created_on(created_at_ms: u64) -> NaiveDate {
    chrono::DateTime::from_timestamp_millis(created_at_ms as i64).map(|t| t.date_naive()).unwrap_or_default()
}

fn json_opt<T: serde::de::DeserializeOwned>(text: Option<String>) -> Result<Option<T>> {
    Ok(text.map(|t| serde_json::from_str(&t)).transpose()?)
}

/// The plan's id for a family, if it has a plan.
pub fn plan_of(conn: &Connection, family_id: EntityId) -> Result<Option<(EntityId, u64)>> {
    let row = conn
        .query_row("SELECT id, rev FROM plans WHERE family_id = ?1", [family_id.to_string()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })
        .optional()?;
    row.map(|(id, rev)| Ok((parse_id(&id)?, rev as u64))).transpose()
}

/// Every version of a family's plan, oldest first.
pub fn plan_versions_of(conn: &Connection, family_id: EntityId) -> Result<Vec<PlanVersion>> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.version_json FROM plan_versions v JOIN plans p ON p.id = v.plan_id \
         WHERE p.family_id = ?1 ORDER BY v.number",
    )?;
    let rows = stmt.query_map([family_id.to_string()], |r| r.get::<_, String>(0))?;
    rows.map(|json| Ok(serde_json::from_str(&json?)?)).collect()
}

/// Progress notes of a family's plan: those noted on their own and those
/// of visits, by date (then in the order they were recorded).
pub fn progress_notes_of(conn: &Connection, family_id: EntityId, visits: &[VisitView]) -> Result<Vec<ProgressNote>> {
    let mut stmt = conn.prepare_cached(
        "SELECT n.note_json FROM progress_notes n JOIN plans p ON p.id = n.plan_id \
         WHERE p.family_id = ?1 ORDER BY n.date, n.hlc_wall_ms, n.hlc_counter",
    )?;
    let rows = stmt.query_map([family_id.to_string()], |r| r.get::<_, String>(0))?;
    let mut notes: Vec<ProgressNote> = rows.map(|json| Ok(serde_json::from_str(&json?)?)).collect::<Result<_>>()?;
    // Visits are newest first; their notes join oldest first.
    for v in visits.iter().rev() {
        notes.extend(v.visit.progress_notes());
    }
    notes.sort_by_key(|n| n.date);
    Ok(notes)
}

/// A family's diary, newest first.
pub fn visits_of(conn: &Connection, family_id: EntityId) -> Result<Vec<VisitView>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, rev, author_name, visit_json FROM visits WHERE family_id = ?1 AND deleted = 0 \
         ORDER BY date DESC, start_time DESC, id",
    )?;
    let rows = stmt.query_map([family_id.to_string()], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
    })?;
    rows.map(|row| {
        let (id, rev, author_name, json) = row?;
        Ok(VisitView { id: parse_id(&id)?, rev: rev as u64, author_name, visit: serde_json::from_str(&json)? })
    })
    .collect()
}

/// What the home screen needs of one active family.
pub struct ActiveFamily {
    pub family: FamilySummary,
    pub last_visit: Option<NaiveDate>,
    /// The next contact planned on the last visit.
    pub next_planned: Option<NaiveDate>,
    pub details_json: String,
}

/// The date of each active family's last visit and its next planned one.
pub fn activity(conn: &Connection) -> Result<Vec<ActiveFamily>> {
    let families = list_families(conn, Some(FamilyStatus::Active))?;
    let mut stmt = conn.prepare_cached(
        "SELECT date, next_planned FROM visits WHERE family_id = ?1 AND deleted = 0 \
         ORDER BY date DESC, start_time DESC LIMIT 1",
    )?;
    let mut details = conn.prepare_cached("SELECT details_json FROM families WHERE id = ?1")?;
    let mut out = Vec::with_capacity(families.len());
    for family in families {
        let last = stmt
            .query_row([family.id.to_string()], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)))
            .optional()?;
        let (last_visit, next_planned) = match last {
            Some((date, next)) => (Some(parse_date(&date)?), next.as_deref().map(parse_date).transpose()?),
            None => (None, None),
        };
        let details_json: String = details.query_row([family.id.to_string()], |r| r.get(0))?;
        out.push(ActiveFamily { family, last_visit, next_planned, details_json });
    }
    Ok(out)
}

/// The visit drafts kept on this device.
pub fn drafts(conn: &Connection) -> Result<Vec<DraftView>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.family_id, d.form_json, d.saved_at_ms, f.name FROM visit_drafts d \
         JOIN families f ON f.id = d.family_id WHERE f.deleted = 0 ORDER BY d.saved_at_ms",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?, r.get::<_, String>(3)?))
    })?;
    rows.map(|row| {
        let (family_id, json, saved_at_ms, family_name) = row?;
        let draft = VisitDraft {
            family_id: parse_id(&family_id)?,
            form: serde_json::from_str(&json)?,
            saved_at_ms: saved_at_ms as u64,
        };
        Ok(DraftView { family_name, draft })
    })
    .collect()
}

/// Families whose search key contains every folded token of `query`, in
/// Polish order (all live families for an empty query).
pub fn search_families(conn: &Connection, query: &str) -> Result<Vec<FamilySummary>> {
    let tokens = asysta_core::search::query_tokens(query);
    let mut matching: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut stmt = conn.prepare_cached("SELECT id, search_key FROM families WHERE deleted = 0")?;
    let rows = stmt.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?;
    for row in rows {
        let (id, key) = row?;
        if tokens.iter().all(|t| key.contains(t.as_str())) {
            matching.insert(id);
        }
    }
    Ok(list_families(conn, None)?.into_iter().filter(|f| matching.contains(&f.id.to_string())).collect())
}

/// A member row as stored.
struct MemberRow {
    first_name: String,
    last_name: String,
    birth_date: Option<String>,
    sex: Option<String>,
    relation: String,
    pesel: Option<String>,
}

impl MemberRow {
    fn into_details(self) -> Result<MemberDetails> {
        Ok(MemberDetails {
            first_name: self.first_name,
            last_name: self.last_name,
            birth_date: self.birth_date.as_deref().map(parse_date).transpose()?,
            sex: self
                .sex
                .as_deref()
                .map(|s| Sex::parse(s).ok_or_else(|| corrupt(format!("bad sex {s:?}"))))
                .transpose()?,
            relation: Relation::parse(&self.relation)
                .ok_or_else(|| corrupt(format!("bad relation {:?}", self.relation)))?,
            pesel: self.pesel.as_deref().map(|p| Pesel::parse(p).map_err(|e| corrupt(format!("{e}")))).transpose()?,
        })
    }
}

fn corrupt(what: String) -> crate::StoreError {
    crate::StoreError::CorruptLog(what)
}

fn parse_id(s: &str) -> Result<EntityId> {
    s.parse().map_err(|_| corrupt(format!("bad id {s:?}")))
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| corrupt(format!("bad date {s:?}")))
}

/// The work-plan areas: the centre's list, or the default one.
pub fn plan_areas(conn: &Connection) -> Result<Vec<PlanArea>> {
    let json: Option<String> =
        conn.query_row("SELECT plan_areas_json FROM settings WHERE id = 1", [], |r| r.get(0)).optional()?.flatten();
    match json {
        Some(json) => Ok(serde_json::from_str(&json)?),
        None => Ok(default_areas()),
    }
}
