//! Taking other devices' events: verify, keep unchanged, hold back what
//! arrives after a gap, apply the rest by re-deriving what it touches. One
//! transaction (the caller's): all of a batch or none of it.

use crate::derive::{self, Derived, RecordKey};
use crate::environment::Environment;
use crate::error::{Result, StoreError};
use crate::log::{self, event_from_row, Digest, EventRow, LogTable, EVENT_COLUMNS};
use asysta_core::merge::Conflict;
use asysta_core::{DeviceId, EntityId, EntityType, Event, Hlc, EVENT_SCHEMA_VERSION};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub use asysta_core::exchange::{MissingRange, OverCap};

/// What one batch did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct IngestReport {
    /// Events in the batch.
    pub received: usize,
    /// Events applied now (from the batch, or held earlier and released).
    pub applied: usize,
    /// Events this replica already had (applied or held), unchanged.
    pub already_present: usize,
    /// Events of the batch kept but held back behind a gap.
    pub held_back: usize,
    /// Every gap that holds events back now, after this batch.
    pub missing: Vec<MissingRange>,
    /// Records re-derived.
    pub records_changed: usize,
    /// Of those, records that appeared with this batch.
    pub records_new: usize,
    /// Placeholders of withheld events replaced by the events themselves.
    pub replaced: usize,
    /// Conflicts on the records this batch touched.
    pub conflicts: Vec<Conflict>,
    /// Assistants over the caseload cap after the batch (when it applied
    /// anything: a batch that changed nothing changes no caseload).
    pub over_cap: Vec<OverCap>,
}

impl IngestReport {
    /// Whether the batch changed nothing at all.
    pub fn unchanged(&self) -> bool {
        self.applied == 0 && self.held_back == 0 && self.replaced == 0
    }
}

/// Refuses what cannot be taken in: a newer schema, an event whose type
/// does not match its change, a zero sequence number.
fn check_event(event: &Event) -> Result<()> {
    if event.schema_version > EVENT_SCHEMA_VERSION {
        return Err(StoreError::EventSchemaTooNew { found: event.schema_version, supported: EVENT_SCHEMA_VERSION });
    }
    if event.schema_version == 0 || event.seq == 0 || event.entity_type != event.change.entity_type() {
        return Err(StoreError::InvalidEvent(format!("event {} of device {}", event.seq, event.device_id)));
    }
    Ok(())
}

type Incoming = BTreeMap<DeviceId, BTreeMap<u64, (Event, Digest)>>;

/// Compares the events of `device` in `from..=to` this replica holds with
/// the incoming ones: by digest, read from an index (`events_digests`), or
/// for the first release's rows (no digest) column by column. The numbers
/// that are equal (a placeholder and the event it stands for count as
/// equal), and those whose stored placeholder the incoming event replaces;
/// or the first number that differs.
fn compare_stored(
    conn: &Connection,
    device: DeviceId,
    from: u64,
    to: u64,
    incoming: &BTreeMap<u64, (Event, Digest)>,
) -> Result<std::result::Result<Compared, u64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, digest FROM events WHERE device_id = ?1 AND seq BETWEEN ?2 AND ?3 ORDER BY device_id, seq",
    )?;
    let mut rows = stmt.query(rusqlite::params![device.to_string(), from as i64, to as i64])?;
    let mut equal = Vec::new();
    let mut legacy = Vec::new();
    let mut differ = Vec::new();
    while let Some(r) = rows.next()? {
        let seq = r.get::<_, i64>(0)? as u64;
        let Some((_, digest)) = incoming.get(&seq) else { continue };
        match r.get_ref(1)?.as_blob_or_null().ok().flatten() {
            Some(stored) if stored == &digest[..] => equal.push(seq),
            Some(_) => differ.push(seq),
            None => legacy.push(seq),
        }
    }
    drop(rows);
    for seq in legacy {
        let (event, _) = &incoming[&seq];
        if legacy_row(conn, device, seq)?.as_ref() != Some(&EventRow::of(event)?.without_digest()) {
            differ.push(seq);
        } else {
            equal.push(seq);
        }
    }
    let mut replaced = Vec::new();
    for seq in differ {
        let (event, digest) = &incoming[&seq];
        let stored = log::stored_event(conn, LogTable::Events, device, seq)?
            .ok_or(StoreError::CorruptLog(format!("event {seq} of device {device} vanished during an import")))?;
        match placeholder_match(&stored, event, digest)? {
            Some(PlaceholderMatch::Same) => equal.push(seq),
            Some(PlaceholderMatch::Replaces) => replaced.push(seq),
            None => return Ok(Err(seq)),
        }
    }
    Ok(Ok(Compared { equal, replaced }))
}

struct Compared {
    equal: Vec<u64>,
    replaced: Vec<u64>,
}

enum PlaceholderMatch {
    /// One of them is the placeholder of the other, and the stored one is
    /// the event itself (or both are the same placeholder).
    Same,
    /// The stored one is a placeholder the incoming event replaces.
    Replaces,
}

/// Whether two different events under one number are a placeholder and the
/// event it stands for (anything else under one number is tampering).
fn placeholder_match(stored: &Event, incoming: &Event, incoming_digest: &Digest) -> Result<Option<PlaceholderMatch>> {
    let envelope_equal = stored.event_id == incoming.event_id && stored.entity_id == incoming.entity_id;
    if !envelope_equal {
        return Ok(None);
    }
    let stored_is_placeholder = matches!(stored.change, asysta_core::Change::Withheld { .. });
    let incoming_is_placeholder = matches!(incoming.change, asysta_core::Change::Withheld { .. });
    Ok(match (stored_is_placeholder, incoming_is_placeholder) {
        (true, false) if log::withholds(stored, incoming_digest) => Some(PlaceholderMatch::Replaces),
        (false, true) if log::withholds(incoming, &log::digest_of(stored)?) => Some(PlaceholderMatch::Same),
        _ => None,
    })
}

/// A row of the first release (no digest), column by column.
fn legacy_row(conn: &Connection, device: DeviceId, seq: u64) -> Result<Option<EventRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT event_id, entity_type, entity_id, base_rev, hlc_wall_ms, hlc_counter, schema_version, author_id, \
         author_name, change_json, based_on_json FROM events WHERE device_id = ?1 AND seq = ?2",
    )?;
    let mut rows = stmt.query(rusqlite::params![device.to_string(), seq as i64])?;
    let Some(r) = rows.next()? else { return Ok(None) };
    let entity_type: String = r.get(1)?;
    Ok(Some(EventRow {
        event_id: r.get(0)?,
        entity_type: EntityType::parse(&entity_type).map_or("?", EntityType::as_str),
        entity_id: r.get(2)?,
        base_rev: r.get(3)?,
        hlc_wall_ms: r.get(4)?,
        hlc_counter: r.get(5)?,
        schema_version: r.get(6)?,
        author_id: r.get(7)?,
        author_name: r.get(8)?,
        change_json: r.get(9)?,
        based_on_json: r.get(10)?,
        digest: [0; 32],
    }))
}

fn held_events(conn: &Connection, device: DeviceId) -> Result<BTreeMap<u64, (Event, Option<EntityId>)>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {EVENT_COLUMNS} FROM held_events WHERE device_id = ?1 ORDER BY seq"))?;
    let mut rows = stmt.query([device.to_string()])?;
    let mut out = BTreeMap::new();
    while let Some(row) = rows.next()? {
        let family: Option<String> = row.get(13)?;
        let event = event_from_row(row)??;
        let family = family.and_then(|f| f.parse().ok());
        out.insert(event.seq, (event, family));
    }
    Ok(out)
}

/// The family an event belongs to: its envelope's, its payload's, its own
/// id for a family, else the family of its record's other events.
pub(crate) fn family_of(
    conn: &Connection,
    event: &Event,
    in_batch: &HashMap<EntityId, EntityId>,
) -> Result<Option<EntityId>> {
    if let Some(f) = event.family_id.or_else(|| event.change.family_in_payload()) {
        return Ok(Some(f));
    }
    match event.entity_type {
        EntityType::Family => return Ok(Some(event.entity_id)),
        EntityType::Workspace => return Ok(None),
        _ => {}
    }
    if let Some(f) = in_batch.get(&event.entity_id) {
        return Ok(Some(*f));
    }
    crate::queries::family_of_entity(conn, event.entity_id)
}

/// Takes a batch of events from other devices (see the module docs).
pub fn ingest(
    conn: &Connection,
    own_device: DeviceId,
    env: &mut dyn Environment,
    batch: Vec<Event>,
) -> Result<IngestReport> {
    let mut report = IngestReport { received: batch.len(), ..Default::default() };
    let mut incoming: Incoming = BTreeMap::new();
    let mut newest = Hlc::ZERO;
    for event in batch {
        check_event(&event)?;
        newest = newest.max(event.hlc);
        let digest = log::digest_of(&event)?;
        let slot = incoming.entry(event.device_id).or_default();
        match slot.get(&event.seq) {
            Some((_, same)) if *same == digest => report.already_present += 1,
            Some(_) => return Err(StoreError::Tampered { device_id: event.device_id, seq: event.seq }),
            None => {
                slot.insert(event.seq, (event, digest));
            }
        }
    }

    // Which events are new, which apply now, which wait.
    let mut to_apply: Vec<(Event, Option<EventRow>, Option<EntityId>)> = Vec::new();
    let mut to_hold: Vec<Event> = Vec::new();
    let mut released: Vec<(DeviceId, u64)> = Vec::new();
    let mut replacements: Vec<Event> = Vec::new();
    for (device, events) in incoming {
        let applied_max = log::last_seq(conn, device)?;
        let (first, last) = (*events.keys().next().expect("non-empty"), *events.keys().next_back().expect("non-empty"));
        if first <= applied_max {
            let compared = compare_stored(conn, device, first, last.min(applied_max), &events)?
                .map_err(|seq| StoreError::Tampered { device_id: device, seq })?;
            let expected = events.range(..=applied_max).count();
            if compared.equal.len() + compared.replaced.len() != expected {
                // A number at or below the mark that the log does not hold
                // cannot happen in a gap-free log; refuse rather than guess.
                let seq = *events
                    .range(..=applied_max)
                    .map(|(s, _)| s)
                    .find(|s| !compared.equal.contains(s) && !compared.replaced.contains(s))
                    .unwrap_or(&first);
                return Err(StoreError::Tampered { device_id: device, seq });
            }
            report.already_present += compared.equal.len();
            for seq in compared.replaced {
                replacements.push(events[&seq].0.clone());
            }
        }
        let mut held = if log::held_count(conn, device)? > 0 { held_events(conn, device)? } else { BTreeMap::new() };
        let mut fresh: BTreeMap<u64, (Event, Digest)> = BTreeMap::new();
        for (seq, (event, digest)) in events {
            if seq <= applied_max {
                continue;
            } else if let Some((kept, family)) = held.get_mut(&seq) {
                if log::digest_of(kept)? == digest {
                    report.already_present += 1;
                } else {
                    match placeholder_match(kept, &event, &digest)? {
                        Some(PlaceholderMatch::Same) => report.already_present += 1,
                        Some(PlaceholderMatch::Replaces) => {
                            let row = EventRow::with_digest(&event, Some(digest))?;
                            log::replace_placeholder(conn, LogTable::Held, &event, &row, *family)?;
                            *kept = event;
                            report.already_present += 1;
                        }
                        None => return Err(StoreError::Tampered { device_id: device, seq }),
                    }
                }
            } else if device == own_device {
                // This device's own log is the only source of its events.
                return Err(StoreError::InvalidEvent(format!("event {seq} of this device, which it never wrote")));
            } else {
                fresh.insert(seq, (event, digest));
            }
        }
        let mut next = applied_max + 1;
        loop {
            if let Some((event, digest)) = fresh.remove(&next) {
                let row = EventRow::with_digest(&event, Some(digest))?;
                to_apply.push((event, Some(row), None));
            } else if let Some((event, family)) = held.remove(&next) {
                released.push((device, next));
                to_apply.push((event, None, family));
            } else {
                break;
            }
            next += 1;
        }
        to_hold.extend(fresh.into_values().map(|(event, _)| event));
    }

    // Families of the applied events; the records they touch, read before
    // the new events are inserted.
    let in_batch: HashMap<EntityId, EntityId> = to_apply
        .iter()
        .filter_map(|(e, _, _)| e.change.family_in_payload().or(e.family_id).map(|f| (e.entity_id, f)))
        .collect();
    let mut keyed: Vec<(Event, Option<EventRow>, Option<EntityId>, RecordKey)> = Vec::with_capacity(to_apply.len());
    for (event, row, family) in to_apply {
        let family = match family {
            Some(f) => Some(f),
            None => family_of(conn, &event, &in_batch)?,
        };
        let key = RecordKey::of(&event, family)?;
        keyed.push((event, row, family, key));
    }
    // Placeholders replaced by their events: rewritten before the records
    // are read, so the reads below see the events themselves.
    let mut replaced_keys = Vec::with_capacity(replacements.len());
    for event in &replacements {
        let family = family_of(conn, event, &in_batch)?;
        let row = EventRow::of(event)?;
        log::replace_placeholder(conn, LogTable::Events, event, &row, family)?;
        replaced_keys.push(RecordKey::of(event, family)?);
    }
    report.replaced = replacements.len();
    let mut known: HashMap<RecordKey, Vec<Event>> = HashMap::new();
    for key in replaced_keys.iter().chain(keyed.iter().map(|(_, _, _, key)| key)) {
        if !known.contains_key(key) {
            known.insert(*key, derive::load(conn, *key)?);
        }
    }
    for (device, seq) in &released {
        conn.prepare_cached("DELETE FROM held_events WHERE device_id = ?1 AND seq = ?2")?
            .execute(rusqlite::params![device.to_string(), *seq as i64])?;
    }
    let mut keys: BTreeSet<RecordKey> = keyed.iter().map(|(_, _, _, k)| *k).collect();
    keys.extend(replaced_keys);
    report.records_new = keyed
        .iter()
        .filter(|(e, _, _, k)| asysta_core::merge::is_creation(&e.change) && known.get(k).is_some_and(Vec::is_empty))
        .map(|(_, _, _, k)| *k)
        .collect::<BTreeSet<_>>()
        .len();
    report.applied = keyed.len();
    let mut filed: Vec<(EntityId, EntityId)> = Vec::new();
    for (event, row, family, key) in keyed {
        let row = match row {
            Some(row) => row,
            None => EventRow::of(&event)?,
        };
        log::insert_row(conn, LogTable::Events, &event, &row, family).map_err(|e| duplicate_id(e, &event))?;
        if let Some(family) = family.filter(|_| event.entity_type != EntityType::Family) {
            filed.push((event.entity_id, family));
        }
        known.get_mut(&key).expect("loaded above").push(event);
    }
    // Events that came before any event naming their record's family (in
    // an earlier bundle) are filed under it now, and derived again.
    for (entity_id, family) in filed {
        for orphan in log::file_orphans(conn, entity_id, family)? {
            let key = RecordKey::of(&orphan, Some(family))?;
            known.remove(&key);
            keys.insert(key);
        }
    }
    log::file_held_orphans(conn)?;
    report.held_back = to_hold.len();
    for event in &to_hold {
        let family = family_of(conn, event, &in_batch)?;
        log::insert(conn, LogTable::Held, event, family).map_err(|e| duplicate_id(e, event))?;
    }

    let mut derived = Derived::default();
    derive::derive(conn, keys, known, &mut derived)?;
    report.records_changed = derived.records;
    report.conflicts = derived.conflicts;

    if report.received > 0 {
        let clock = Hlc::receive_bounded(log::load_clock(conn)?, newest, env.now_ms());
        log::store_clock(conn, clock)?;
    }
    report.missing = missing_ranges(conn)?;
    if report.applied > 0 {
        report.over_cap = over_cap(conn)?;
    }
    Ok(report)
}

/// An event id already in the log under another (device, sequence): the
/// same event cannot be two events.
fn duplicate_id(error: StoreError, event: &Event) -> StoreError {
    match &error {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, Some(msg)))
            if f.code == rusqlite::ErrorCode::ConstraintViolation && msg.contains("event_id") =>
        {
            StoreError::Tampered { device_id: event.device_id, seq: event.seq }
        }
        _ => error,
    }
}

/// Every gap that holds events back.
pub fn missing_ranges(conn: &Connection) -> Result<Vec<MissingRange>> {
    let mut stmt = conn.prepare_cached("SELECT device_id, seq FROM held_events ORDER BY device_id, seq")?;
    let rows: Vec<(String, i64)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    let mut last: Option<(DeviceId, u64)> = None;
    for (device, seq) in rows {
        let device: DeviceId =
            device.parse().map_err(|_| StoreError::CorruptLog(format!("bad device id {device:?}")))?;
        let seq = seq as u64;
        let before = match last {
            Some((d, s)) if d == device => s,
            _ => log::last_seq(conn, device)?,
        };
        if seq > before + 1 {
            out.push(MissingRange { device_id: device, first: before + 1, last: seq - 1 });
        }
        last = Some((device, seq));
    }
    Ok(out)
}

/// Assistants with more active families than the cap.
pub fn over_cap(conn: &Connection) -> Result<Vec<OverCap>> {
    let cap = crate::queries::settings(conn)?.caseload_cap;
    let mut stmt = conn.prepare_cached(
        "SELECT c.assistant_id, c.assistant_name, count(*) FROM caseloads c JOIN families f ON f.id = c.family_id \
         WHERE f.deleted = 0 AND f.status = 'active' GROUP BY c.assistant_id HAVING count(*) > ?1 \
         ORDER BY c.assistant_name",
    )?;
    let rows = stmt.query_map([cap], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, u32>(2)?)))?;
    rows.map(|row| {
        let (id, name, active) = row?;
        Ok(OverCap {
            assistant_id: id.parse().map_err(|_| StoreError::CorruptLog(format!("bad assistant id {id:?}")))?,
            assistant_name: name,
            active,
            cap,
        })
    })
    .collect()
}

/// For each device, the highest sequence number this replica has applied
/// (gap-free, so it holds every event of that device up to there).
pub fn high_water_marks(conn: &Connection) -> Result<BTreeMap<DeviceId, u64>> {
    // A skip-scan of the primary key: one seek per device, not a read of
    // every event's key (a centre holds hundreds of thousands).
    let mut stmt = conn.prepare_cached(
        "WITH RECURSIVE d(id) AS (SELECT MIN(device_id) FROM events \
         UNION ALL SELECT (SELECT MIN(device_id) FROM events WHERE device_id > d.id) FROM d WHERE d.id IS NOT NULL) \
         SELECT id, (SELECT MAX(seq) FROM events WHERE device_id = d.id) FROM d WHERE id IS NOT NULL",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    rows.map(|row| {
        let (device, seq) = row?;
        Ok((device.parse().map_err(|_| StoreError::CorruptLog(format!("bad device id {device:?}")))?, seq as u64))
    })
    .collect()
}

/// The events a peer with `marks` does not have, each device's in sequence
/// order (so they apply without gaps).
pub fn events_missing_from(conn: &Connection, marks: &BTreeMap<DeviceId, u64>) -> Result<Vec<Event>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE device_id = ?1 AND seq > ?2 ORDER BY seq"
    ))?;
    for device in high_water_marks(conn)?.keys() {
        let from = marks.get(device).copied().unwrap_or(0);
        let rows = stmt.query_map(rusqlite::params![device.to_string(), from as i64], event_from_row)?;
        for row in rows {
            out.push(row??);
        }
    }
    Ok(out)
}
