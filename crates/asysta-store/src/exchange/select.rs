//! What goes into a bundle for one receiver: the events it lacks, each in
//! full or as a withheld placeholder.
//!
//! The rule (docs/BUNDLE_FORMAT.md, "Withheld events"): every receiver gets
//! every event it lacks of every device, so its log of each device stays
//! gap-free; an event it is not to read travels as an `event.withheld`
//! placeholder (the envelope and the event's digest). Left out are:
//! - from a laptop, restricted notes, unless the assistant includes them;
//! - from a centre, restricted notes (a restricted note travels in full
//!   only from its author's device, and only when included), and events
//!   of families the receiving assistant does not work with (not in their
//!   caseload, and never written to from their device).

use crate::error::Result;
use crate::log::{self, event_from_row, EVENT_COLUMNS};
use asysta_core::{Change, DeviceId, EntityId, Event, UserId};
use rusqlite::Connection;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Who the bundle is for, and so what it may carry in full.
pub enum Audience {
    /// The centre, from a laptop.
    Centre { include_restricted: bool },
    /// One assistant's device, from the centre.
    Assistant { device: DeviceId, user: Option<UserId> },
}

/// The events a receiver with `marks` lacks (each device's in sequence),
/// with what it may not read replaced by placeholders. `progress` is told
/// how many events are read, every thousand.
pub fn events_for(
    conn: &Connection,
    marks: &BTreeMap<DeviceId, u64>,
    audience: &Audience,
    progress: &mut dyn FnMut(u64),
) -> Result<(Vec<Event>, u64)> {
    let visible = match audience {
        Audience::Assistant { device, user } => Some(families_of(conn, *device, *user)?),
        Audience::Centre { .. } => None,
    };
    // A bundle that carries the assignment giving the receiver a family
    // carries the family's whole history too: the receiver held its
    // earlier events as placeholders, which the events replace.
    let gained = match audience {
        Audience::Assistant { device, user } => gained_families(conn, marks, *device, *user)?,
        Audience::Centre { .. } => BTreeSet::new(),
    };
    let mut resent: Vec<(DeviceId, u64)> = Vec::new();
    for family in &gained {
        let mut stmt = conn.prepare_cached("SELECT device_id, seq FROM events WHERE family_id = ?1")?;
        for row in stmt.query_map([family.to_string()], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (device, seq) = row?;
            let device: DeviceId =
                device.parse().map_err(|_| crate::StoreError::CorruptLog(format!("bad device {device:?}")))?;
            if (seq as u64) <= marks.get(&device).copied().unwrap_or(0) {
                resent.push((device, seq as u64));
            }
        }
    }
    resent.sort();
    let mut out = Vec::new();
    let mut withheld = 0;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE device_id = ?1 AND seq > ?2 ORDER BY device_id, seq"
    ))?;
    let mut resend =
        conn.prepare_cached(&format!("SELECT {EVENT_COLUMNS} FROM events WHERE device_id = ?1 AND seq = ?2"))?;
    for device in crate::ingest::high_water_marks(conn)?.keys() {
        for (_, seq) in resent.iter().filter(|(d, _)| d == device) {
            let event = resend.query_row(rusqlite::params![device.to_string(), *seq as i64], event_from_row)??;
            if !matches!(event.change, Change::Withheld { .. }) && !is_restricted(&event.change) {
                out.push(event);
            }
        }
        let from = marks.get(device).copied().unwrap_or(0);
        let mut rows = stmt.query(rusqlite::params![device.to_string(), from as i64])?;
        while let Some(row) = rows.next()? {
            let family: Option<EntityId> = row.get::<_, Option<String>>(13)?.and_then(|f| f.parse().ok());
            let event = event_from_row(row)??;
            let keep = match audience {
                Audience::Centre { include_restricted } => *include_restricted || !is_restricted(&event.change),
                // A restricted note or attachment is never passed on: it
                // travels in full only from its author's device, when
                // included.
                Audience::Assistant { .. } if is_restricted(&event.change) => false,
                // The centre's register (employment, working time) stays
                // at the centre.
                Audience::Assistant { .. }
                    if matches!(event.change, Change::AssistantRegistered { .. } | Change::AssistantUpdated { .. }) =>
                {
                    false
                }
                Audience::Assistant { .. } => match (family, &visible) {
                    (Some(f), Some(visible)) => visible.contains(&f),
                    _ => true,
                },
            };
            if keep || matches!(event.change, Change::Withheld { .. }) {
                out.push(event);
            } else {
                out.push(log::withheld(&event, family)?);
                withheld += 1;
            }
            if out.len() % 1000 == 0 {
                progress(out.len() as u64);
            }
        }
    }
    progress(out.len() as u64);
    Ok((out, withheld))
}

/// The families an assistant's device may read: those in the assistant's
/// caseload and those the device ever wrote to.
fn families_of(conn: &Connection, device: DeviceId, user: Option<UserId>) -> Result<HashSet<EntityId>> {
    let mut out = HashSet::new();
    if let Some(user) = user {
        let mut stmt = conn.prepare_cached("SELECT family_id FROM caseloads WHERE assistant_id = ?1")?;
        for f in stmt.query_map([user.to_string()], |r| r.get::<_, String>(0))? {
            if let Ok(f) = f?.parse() {
                out.insert(f);
            }
        }
    }
    // Families the centre assigned to the device's assistant, now or
    // earlier (the old laptop receives the transfer it must acknowledge).
    let ids = crate::steering::register::ids_of_device(conn, device, user)?;
    let mut stmt = conn.prepare_cached("SELECT family_id, row_json FROM assignments WHERE event_id IS NOT NULL")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (family, row) = row?;
        let row: asysta_core::centre::AssignmentRow = serde_json::from_str(&row)?;
        let named = |who: &asysta_core::centre::AssigneeRef| {
            user.is_some_and(|u| who.names(u, device))
                || who.devices.contains(&device)
                || ids.contains(&who.assistant_id)
        };
        if named(&row.assistant) || row.transfer_from.as_ref().is_some_and(named) {
            if let Ok(f) = family.parse() {
                out.insert(f);
            }
        }
    }
    let mut stmt =
        conn.prepare_cached("SELECT DISTINCT family_id FROM events WHERE device_id = ?1 AND family_id IS NOT NULL")?;
    for f in stmt.query_map([device.to_string()], |r| r.get::<_, String>(0))? {
        if let Ok(f) = f?.parse() {
            out.insert(f);
        }
    }
    Ok(out)
}

/// The families an assignment this bundle carries (one the receiver lacks
/// by its marks) gives to the receiving device's assistant.
fn gained_families(
    conn: &Connection,
    marks: &BTreeMap<DeviceId, u64>,
    device: DeviceId,
    user: Option<UserId>,
) -> Result<BTreeSet<EntityId>> {
    let ids = crate::steering::register::ids_of_device(conn, device, user)?;
    let mut stmt = conn.prepare_cached(
        "SELECT a.family_id, a.row_json, e.device_id, e.seq FROM assignments a \
         JOIN events e ON e.event_id = a.event_id",
    )?;
    let mut out = BTreeSet::new();
    for row in stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?))
    })? {
        let (family, row, by, seq) = row?;
        let Ok(by) = by.parse::<DeviceId>() else { continue };
        if (seq as u64) <= marks.get(&by).copied().unwrap_or(0) {
            continue;
        }
        let row: asysta_core::centre::AssignmentRow = serde_json::from_str(&row)?;
        let who = &row.assistant;
        if user.is_some_and(|u| who.names(u, device))
            || who.devices.contains(&device)
            || ids.contains(&who.assistant_id)
        {
            if let Ok(f) = family.parse() {
                out.insert(f);
            }
        }
    }
    Ok(out)
}

/// How many events a receiver with `marks` lacks.
pub fn pending_for(marks: &BTreeMap<DeviceId, u64>, ours: &BTreeMap<DeviceId, u64>) -> u64 {
    ours.iter().map(|(d, seq)| seq.saturating_sub(marks.get(d).copied().unwrap_or(0))).sum()
}

/// A restricted note or attachment: it goes to the centre only when
/// restricted notes are included, and never on from there.
fn is_restricted(change: &Change) -> bool {
    match change {
        Change::NoteAdded { restricted, .. } => *restricted,
        Change::AttachmentAdded { attachment, .. } => attachment.restricted,
        _ => false,
    }
}
