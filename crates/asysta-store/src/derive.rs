//! Applying events: the records a set of new events touches are re-derived
//! from their whole history (`asysta_core::merge`), never patched in arrival
//! order, so a replica's tables depend only on the set of events it holds.
//! A rebuild derives every record the same way.
//!
//! Children (members, notes, visits, plans) are shown only under a family
//! row: one that arrives before its family waits, and is derived when the
//! family arrives.

use crate::environment::Environment;
use crate::error::{Result, StoreError};
use crate::log::{self, event_from_row, Identity, PendingChange, EVENT_COLUMNS};
use crate::projection;
use asysta_core::merge::{fold_plan, fold_record, Conflict, RecordState, SETTINGS_ID};
use asysta_core::{Change, EntityId, EntityType, Event, EventId};
use rusqlite::Connection;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A record as the projections know it. The order of the variants is the
/// order of derivation: parents before children.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKey {
    Workspace(EntityId),
    Settings,
    /// An assistant in the centre's register.
    Assistant(EntityId),
    Family(EntityId),
    Member(EntityId),
    Note(EntityId),
    Visit(EntityId),
    Evaluation(EntityId),
    Opinion(EntityId),
    /// A family's plan: every plan record of the family folds together.
    Plan(EntityId),
    /// One progress note (an addition), under its family's plan.
    ProgressNote(EventId),
    /// A comment (an addition), under its family.
    Comment(EntityId),
    /// A supervisor's decision on two families (an addition).
    Duplicate(EntityId),
    /// A file attached to a case (added once, removed by a tombstone).
    Attachment(EntityId),
}

impl RecordKey {
    /// The record an event belongs to; `family_id` is the event's family
    /// (from its envelope, its payload or the store's derivation).
    pub fn of(event: &Event, family_id: Option<EntityId>) -> Result<RecordKey> {
        Ok(match (event.entity_type, &event.change) {
            (EntityType::Workspace, Change::WorkspaceCreated { .. }) => RecordKey::Workspace(event.entity_id),
            (EntityType::Workspace, _) => RecordKey::Settings,
            (EntityType::Family, _) => RecordKey::Family(event.entity_id),
            (EntityType::Member, _) => RecordKey::Member(event.entity_id),
            (EntityType::Note, _) => RecordKey::Note(event.entity_id),
            (EntityType::Visit, _) => RecordKey::Visit(event.entity_id),
            (EntityType::Evaluation, _) => RecordKey::Evaluation(event.entity_id),
            (EntityType::Opinion, _) => RecordKey::Opinion(event.entity_id),
            (EntityType::Assistant, _) => RecordKey::Assistant(event.entity_id),
            (EntityType::Comment, _) => RecordKey::Comment(event.entity_id),
            (EntityType::Duplicate, _) => RecordKey::Duplicate(event.entity_id),
            (EntityType::Attachment, _) => RecordKey::Attachment(event.entity_id),
            (EntityType::Plan, Change::PlanProgressNoted { .. }) => RecordKey::ProgressNote(event.event_id),
            (EntityType::Plan, _) => RecordKey::Plan(
                family_id
                    .ok_or_else(|| StoreError::CorruptLog(format!("plan event {} names no family", event.event_id)))?,
            ),
        })
    }

    /// The record id conflicts are filed under.
    fn conflict_entity(self) -> Option<(EntityType, EntityId)> {
        match self {
            RecordKey::Settings => Some((EntityType::Workspace, SETTINGS_ID)),
            RecordKey::Family(id) => Some((EntityType::Family, id)),
            RecordKey::Member(id) => Some((EntityType::Member, id)),
            RecordKey::Note(id) => Some((EntityType::Note, id)),
            RecordKey::Visit(id) => Some((EntityType::Visit, id)),
            RecordKey::Evaluation(id) => Some((EntityType::Evaluation, id)),
            RecordKey::Opinion(id) => Some((EntityType::Opinion, id)),
            RecordKey::Assistant(id) => Some((EntityType::Assistant, id)),
            RecordKey::Workspace(_)
            | RecordKey::Plan(_)
            | RecordKey::ProgressNote(_)
            | RecordKey::Comment(_)
            | RecordKey::Duplicate(_)
            | RecordKey::Attachment(_) => None,
        }
    }
}

fn read_events(conn: &Connection, sql: &str, param: &str) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([param], event_from_row)?;
    rows.map(|r| r?).collect()
}

/// The applied events of a record.
pub fn load(conn: &Connection, key: RecordKey) -> Result<Vec<Event>> {
    match key {
        RecordKey::Workspace(id) => read_events(
            conn,
            &format!("SELECT {EVENT_COLUMNS} FROM events WHERE entity_id = ?1 AND kind = 'workspace.created'"),
            &id.to_string(),
        ),
        RecordKey::Settings => read_events(
            conn,
            &format!("SELECT {EVENT_COLUMNS} FROM events WHERE entity_type = 'workspace' AND kind != ?1"),
            "workspace.created",
        ),
        RecordKey::Family(id)
        | RecordKey::Member(id)
        | RecordKey::Note(id)
        | RecordKey::Visit(id)
        | RecordKey::Evaluation(id)
        | RecordKey::Opinion(id)
        | RecordKey::Assistant(id)
        | RecordKey::Comment(id)
        | RecordKey::Duplicate(id)
        | RecordKey::Attachment(id) => {
            read_events(conn, &format!("SELECT {EVENT_COLUMNS} FROM events WHERE entity_id = ?1"), &id.to_string())
        }
        RecordKey::Plan(family) => read_events(
            conn,
            &format!(
                "SELECT {EVENT_COLUMNS} FROM events WHERE family_id = ?1 AND entity_type = 'plan' \
                 AND kind != 'plan.progress_noted'"
            ),
            &family.to_string(),
        ),
        RecordKey::ProgressNote(id) => {
            read_events(conn, &format!("SELECT {EVENT_COLUMNS} FROM events WHERE event_id = ?1"), &id.to_string())
        }
    }
}

fn progress_notes_of(conn: &Connection, family: EntityId) -> Result<Vec<Event>> {
    read_events(
        conn,
        &format!(
            "SELECT {EVENT_COLUMNS} FROM events WHERE family_id = ?1 AND entity_type = 'plan' \
             AND kind = 'plan.progress_noted'"
        ),
        &family.to_string(),
    )
}

/// The family an applied event was filed under.
fn family_column(conn: &Connection, event_id: EventId) -> Result<Option<EntityId>> {
    let family: Option<String> = conn
        .prepare_cached("SELECT family_id FROM events WHERE event_id = ?1")?
        .query_row([event_id.to_string()], |r| r.get(0))?;
    family.map(|f| f.parse().map_err(|_| StoreError::CorruptLog(format!("bad family id {f:?}")))).transpose()
}

/// The heads of a record now: what a change made now is based on.
pub fn heads(conn: &Connection, key: RecordKey) -> Result<Vec<EventId>> {
    let events = load(conn, key)?;
    let refs: Vec<&Event> = events.iter().collect();
    Ok(match key {
        RecordKey::Plan(_) => fold_plan(&refs).map(|p| p.heads).unwrap_or_default(),
        RecordKey::ProgressNote(_) => Vec::new(),
        _ => fold_record(&refs).heads,
    })
}

/// The folded state of a field record (not plans), for checks before a
/// change is written.
pub fn state(conn: &Connection, key: RecordKey, extra: Option<&Event>) -> Result<RecordState> {
    let mut events = load(conn, key)?;
    events.extend(extra.cloned());
    Ok(fold_record(&events.iter().collect::<Vec<_>>()))
}

/// What a derivation changed, for the caller's checks and reports.
#[derive(Debug, Default)]
pub struct Derived {
    /// Families known to have a row (a family row is never removed by a
    /// derivation: event sets only grow).
    pub(crate) existing_families: std::collections::HashSet<EntityId>,
    /// The records derived, and the conflicts found on them.
    pub records: usize,
    pub conflicts: Vec<Conflict>,
}

/// Derives `keys` from their applied events. `known` holds events of some
/// records already in memory (they must be exactly the record's applied
/// events); the others are read from the log.
pub fn derive(
    conn: &Connection,
    keys: BTreeSet<RecordKey>,
    known: HashMap<RecordKey, Vec<Event>>,
    derived: &mut Derived,
) -> Result<()> {
    derive_with(conn, keys, known, derived, true)
}

/// Like [`derive`]; `expand` says whether a family that appears may have
/// children waiting (never for a change made here: a new family's id is
/// fresh, and an existing family's children are shown already).
fn derive_with(
    conn: &Connection,
    keys: BTreeSet<RecordKey>,
    mut known: HashMap<RecordKey, Vec<Event>>,
    derived: &mut Derived,
    expand: bool,
) -> Result<()> {
    let mut queue: BTreeSet<RecordKey> = keys;
    while let Some(key) = queue.pop_first() {
        let events = match known.remove(&key) {
            Some(events) => events,
            None => load(conn, key)?,
        };
        if let (RecordKey::Family(id), true) = (key, expand) {
            let existed = family_has_row(conn, id, derived)?;
            derive_one(conn, key, &events, derived)?;
            if !existed && family_has_row(conn, id, derived)? {
                // Its children may have arrived first: show them now.
                for child in children_of(conn, id)? {
                    queue.insert(child);
                }
            }
        } else {
            derive_one(conn, key, &events, derived)?;
        }
    }
    Ok(())
}

/// Whether a family's row exists (cached for the derivation).
fn family_has_row(conn: &Connection, id: EntityId, derived: &mut Derived) -> Result<bool> {
    if derived.existing_families.contains(&id) {
        return Ok(true);
    }
    let exists = projection::family_exists(conn, id)?;
    if exists {
        derived.existing_families.insert(id);
    }
    Ok(exists)
}

/// The records filed under a family (everything but the family itself).
fn children_of(conn: &Connection, family: EntityId) -> Result<Vec<RecordKey>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT entity_type, entity_id, kind, event_id FROM events \
         WHERE family_id = ?1 AND entity_type != 'family'",
    )?;
    let rows = stmt.query_map([family.to_string()], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
    })?;
    let bad = |s: &str| StoreError::CorruptLog(format!("bad id {s:?}"));
    let mut keys = BTreeSet::new();
    for row in rows {
        let (entity_type, entity_id, kind, event_id) = row?;
        let id: EntityId = entity_id.parse().map_err(|_| bad(&entity_id))?;
        keys.insert(match entity_type.as_str() {
            "member" => RecordKey::Member(id),
            "note" => RecordKey::Note(id),
            "visit" => RecordKey::Visit(id),
            "evaluation" => RecordKey::Evaluation(id),
            "opinion" => RecordKey::Opinion(id),
            "comment" => RecordKey::Comment(id),
            "duplicate" => RecordKey::Duplicate(id),
            "attachment" => RecordKey::Attachment(id),
            "plan" if kind == "plan.progress_noted" => {
                RecordKey::ProgressNote(event_id.parse().map_err(|_| bad(&event_id))?)
            }
            "plan" => RecordKey::Plan(family),
            _ => continue,
        });
    }
    Ok(keys.into_iter().collect())
}

#[cfg(test)]
thread_local! {
    /// Test hook: derive every record through the fold, so a test can check
    /// that the fast paths for one-event records write the same rows.
    pub static FOLD_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn fast_paths() -> bool {
    #[cfg(test)]
    if FOLD_ONLY.with(|f| f.get()) {
        return false;
    }
    true
}

/// Writes one record's rows from its events.
fn derive_one(conn: &Connection, key: RecordKey, events: &[Event], derived: &mut Derived) -> Result<()> {
    derived.records += 1;
    let refs: Vec<&Event> = events.iter().collect();
    let single = events.len() == 1 && fast_paths();
    match key {
        RecordKey::Plan(family) => {
            let plan = fold_plan(&refs);
            let notes = progress_notes_of(conn, family)?;
            projection::write_plan(conn, family, plan.as_ref(), &notes)?;
            projection::steering::write_plan_approvals(conn, family, plan.as_ref())?;
            let conflict = plan.as_ref().and_then(|p| Conflict::of_plan(family, p));
            if let Some(plan) = &plan {
                let had = conflict_count(conn, plan.plan_id)? > 0;
                projection::write_conflicts(conn, plan.plan_id, conflict.as_slice(), had)?;
            }
            derived.conflicts.extend(conflict);
            return Ok(());
        }
        RecordKey::ProgressNote(event_id) => {
            let Some(event) = events.first() else { return Ok(()) };
            let family = event.family_id.map_or_else(|| family_column(conn, event_id), |f| Ok(Some(f)))?;
            if let Some(plan_id) = family.map(|f| projection::plan_row_id(conn, f)).transpose()?.flatten() {
                projection::write_progress_note(conn, &plan_id, event)?;
            }
            return Ok(());
        }
        RecordKey::Family(id) if single => {
            if let Change::FamilyCreated { name, address } = &events[0].change {
                projection::write_new_family(conn, id, name, address, &events[0])?;
                projection::steering::write_assignments(conn, id, events, None)?;
                derived.existing_families.insert(id);
                projection::refresh_search_key(conn, id)?;
                return Ok(());
            }
        }
        RecordKey::Member(id) if single => {
            if let Change::MemberAdded { family_id, details } = &events[0].change {
                if family_has_row(conn, *family_id, derived)? {
                    projection::write_new_member(conn, id, *family_id, details, &events[0])?;
                    projection::refresh_search_key(conn, *family_id)?;
                }
                return Ok(());
            }
        }
        RecordKey::Visit(id) if single => {
            // One creation event: its payload is the record (what the fold
            // would give, without the trip through JSON values).
            if let Change::VisitRecorded { family_id, visit } = &events[0].change {
                if family_has_row(conn, *family_id, derived)? {
                    projection::write_new_visit(conn, id, *family_id, visit, &events[0])?;
                }
                return Ok(());
            }
        }
        RecordKey::Comment(id) => return projection::steering::write_comment(conn, id, events),
        RecordKey::Duplicate(id) => return projection::steering::write_duplicate_decision(conn, id, events),
        RecordKey::Attachment(id) => return projection::write_attachment(conn, id, events),
        _ => {}
    }
    let state = fold_record(&refs);
    match key {
        RecordKey::Workspace(id) => projection::write_workspace(conn, id, &state)?,
        RecordKey::Settings => projection::write_settings(conn, &state)?,
        // The search key is written with the row, not at the end of the
        // transaction: a row written whole at once keeps the table's pages
        // dense (growing 10,000 rows afterwards split their pages and made
        // the family list twice as slow to read).
        RecordKey::Family(id) => {
            if projection::write_family(conn, id, &state)? {
                projection::steering::write_assignments(conn, id, events, Some(&state))?;
                derived.existing_families.insert(id);
                projection::refresh_search_key(conn, id)?;
            }
        }
        RecordKey::Member(id) => {
            if let Some(family) = state.family_id {
                if state.creation.is_some() && family_has_row(conn, family, derived)? {
                    projection::write_member(conn, id, &state)?;
                    projection::refresh_search_key(conn, family)?;
                }
            }
        }
        RecordKey::Note(id) => projection::write_note(conn, id, &state)?,
        RecordKey::Visit(id) => projection::write_visit(conn, id, &state)?,
        RecordKey::Evaluation(id) => projection::write_evaluation(conn, id, &state)?,
        RecordKey::Opinion(id) => projection::write_opinion(conn, id, &state)?,
        RecordKey::Assistant(id) => projection::steering::write_assistant(conn, id, &state)?,
        RecordKey::Plan(_)
        | RecordKey::ProgressNote(_)
        | RecordKey::Comment(_)
        | RecordKey::Duplicate(_)
        | RecordKey::Attachment(_) => {
            unreachable!("handled above")
        }
    }
    if let Some((record, entity_id)) = key.conflict_entity() {
        let conflicts = Conflict::of_record(record, entity_id, &state);
        // A record with one event has never been in conflict.
        let had = events.len() > 1 && conflict_count(conn, entity_id)? > 0;
        if had || !conflicts.is_empty() {
            projection::write_conflicts(conn, entity_id, &conflicts, had)?;
        }
        derived.conflicts.extend(conflicts);
    }
    Ok(())
}

fn conflict_count(conn: &Connection, entity_id: EntityId) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM conflicts WHERE entity_id = ?1")?
        .query_row([entity_id.to_string()], |r| r.get(0))?)
}

/// Clears every projection and derives every record from the log.
pub fn rebuild(conn: &Connection) -> Result<()> {
    for table in projection::PROJECTION_TABLES {
        conn.execute(&format!("DELETE FROM {table}"), [])?;
    }
    let mut grouped: BTreeMap<RecordKey, Vec<Event>> = BTreeMap::new();
    {
        let mut stmt = conn.prepare(&format!("SELECT {EVENT_COLUMNS} FROM events"))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let family: Option<String> = row.get(13)?;
            let family = family
                .map(|f| f.parse::<EntityId>().map_err(|_| StoreError::CorruptLog(format!("bad family id {f:?}"))))
                .transpose()?;
            let event = event_from_row(row)??;
            grouped.entry(RecordKey::of(&event, family)?).or_default().push(event);
        }
    }
    let keys: BTreeSet<RecordKey> = grouped.keys().copied().collect();
    let mut derived = Derived::default();
    derive(conn, keys, grouped.into_iter().collect(), &mut derived)
}

/// The version of the derivation rules. When a release changes what the
/// projections hold (or how they are derived), it raises this number and
/// every workspace rebuilds its projections once, on open, from its log.
/// 2: a closing is kept as its own field (`families.closing_json`), and the
/// status's date (`families.status_on`). 3: progress notes written before
/// their plan's first version, filed under their family by migration 0007.
/// 4: the centre's steering (migration 0009): assignments, referrals,
/// plan approvals, comments, the register; caseloads follow assignments.
/// 5: each contact's length, form and the statuses it gave plan actions
/// as columns and rows (migration 0010), for the centre's figures.
pub const PROJECTION_VERSION: u32 = 5;

/// Rebuilds the projections if they were written by older rules (in one
/// transaction with the version bump).
pub fn rebuild_if_outdated(conn: &mut Connection) -> Result<()> {
    let found: u32 = conn
        .query_row("SELECT value FROM meta WHERE key = 'projection_version'", [], |r| r.get::<_, String>(0))?
        .parse()
        .map_err(|_| StoreError::DatabaseDamaged("meta key projection_version is not a number".into()))?;
    if found >= PROJECTION_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    rebuild(&tx)?;
    tx.execute("UPDATE meta SET value = ?1 WHERE key = 'projection_version'", [PROJECTION_VERSION.to_string()])?;
    tx.commit()?;
    Ok(())
}

/// Stamps local changes as this device's next events, inserts them and
/// derives what they touch, in the caller's transaction. Each change is
/// based on the heads of its record as they are now (including the earlier
/// changes of the same call).
pub fn append_local(
    conn: &Connection,
    ids: &Identity<'_>,
    env: &mut dyn Environment,
    changes: Vec<PendingChange>,
) -> Result<Vec<Event>> {
    let mut clock = log::load_clock(conn)?;
    let mut seq = log::last_seq(conn, ids.device_id)?;
    let mut derived = Derived::default();
    let mut events = Vec::with_capacity(changes.len());
    // A record's family named by a later change of the same call (a story
    // whose progress note is dated before the plan's first version).
    let in_batch: HashMap<EntityId, EntityId> =
        changes.iter().filter_map(|c| c.change.family_in_payload().map(|f| (c.entity_id, f))).collect();
    for pending in changes {
        seq += 1;
        let family_id = match crate::queries::family_of_change(conn, &pending)? {
            Some(f) => Some(f),
            None => in_batch.get(&pending.entity_id).copied(),
        };
        let creation = asysta_core::merge::is_creation(&pending.change);
        let mut event = log::stamp(ids, env, &mut clock, seq, pending, family_id, Vec::new())?;
        let key = RecordKey::of(&event, family_id)?;
        // A new record (a fresh id) has no history to read: the fast path
        // for what an assistant does most (add a family, record a visit).
        let mut history = match key {
            _ if creation => Vec::new(),
            RecordKey::ProgressNote(_) => Vec::new(),
            _ => load(conn, key)?,
        };
        if !history.is_empty() {
            let refs: Vec<&Event> = history.iter().collect();
            event.based_on = match key {
                RecordKey::Plan(_) => fold_plan(&refs).map(|p| p.heads).unwrap_or_default(),
                _ => fold_record(&refs).heads,
            };
        }
        log::insert(conn, log::LogTable::Events, &event, family_id)?;
        history.push(event.clone());
        let mut keys: BTreeSet<RecordKey> = [key].into();
        if let Some(family) = family_id.filter(|_| event.entity_type != EntityType::Family) {
            for orphan in log::file_orphans(conn, event.entity_id, family)? {
                keys.insert(RecordKey::of(&orphan, Some(family))?);
            }
        }
        let known: HashMap<RecordKey, Vec<Event>> =
            if keys.len() == 1 { [(key, history)].into() } else { HashMap::new() };
        derive_with(conn, keys, known, &mut derived, false)?;
        events.push(event);
    }
    log::store_clock(conn, clock)?;
    log::file_held_orphans(conn)?;
    Ok(events)
}
