//! The role policy at import: every event a bundle brings is judged by
//! `asysta_core::policy` against the role its writing device was enrolled
//! with, before anything is written. A bundle that breaks the policy is
//! refused whole.
//!
//! - The header's role must be the enrolled one (a device enrolled as an
//!   assistant's laptop cannot speak as a centre), and the other kind than
//!   the receiver's.
//! - Each event of the sending device must be of a kind its role may make,
//!   in the name of its enrolled user (id and name; names are shown as the
//!   enrolment has them), and, from a laptop, in a family that laptop's
//!   assistant took on (or one the same bundle creates).
//! - Events of other devices that a centre relays to a laptop are
//!   assistants' (there is one centre): they must be assistants' kinds.

use super::peers::Peer;
use crate::error::{PolicyBreach, Result, StoreError};
use asysta_bundle::Party;
use asysta_core::policy::event_keeps_policy;
use asysta_core::workspace::Role;
use asysta_core::{Change, EntityId, Event, UserId};
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;

/// Checks `events` from `sender` (`enrolled`: its peer row, `None` when a
/// person trusts it now) for a receiver of role `own_role`.
pub(super) fn check(
    conn: &Connection,
    own_role: Role,
    file: &str,
    sender: &Party,
    enrolled: Option<&Peer>,
    events: &[Event],
) -> Result<()> {
    let breach = |device: &str, what| StoreError::PolicyBreach { file: file.into(), device: device.into(), what };
    let role = enrolled.map_or(sender.role, |p| p.role);
    if sender.role != role || role == own_role {
        return Err(breach(&sender.user_name, PolicyBreach::Role));
    }
    // The enrolled user; a centre's enrolment file names no user, so a
    // laptop knows its centre's user from the centre's (signed) header.
    let (user_id, user_name) = match enrolled {
        Some(Peer { user_id: Some(id), user_name, .. }) => (*id, user_name.as_str()),
        _ => (sender.user_id, sender.user_name.as_str()),
    };
    // Families the bundle creates, by their creator.
    let created_here: HashMap<EntityId, UserId> = events
        .iter()
        .filter(|e| matches!(e.change, Change::FamilyCreated { .. }))
        .map(|e| (e.entity_id, e.author.user_id))
        .collect();
    let in_batch: HashMap<EntityId, EntityId> =
        events.iter().filter_map(|e| e.change.family_in_payload().or(e.family_id).map(|f| (e.entity_id, f))).collect();
    let mut owners: HashMap<EntityId, bool> = HashMap::new();
    let assistant_ids = if role == Role::Assistant {
        crate::steering::register::ids_of_device(conn, sender.device_id, Some(user_id))?
    } else {
        Vec::new()
    };
    for event in events {
        if event.device_id != sender.device_id {
            // Relayed by the centre (a laptop's own events are checked at
            // the centre; a centre takes relayed events only when it holds
            // them already).
            if own_role == Role::Assistant && !event_keeps_policy(Role::Assistant, event) {
                return Err(breach(&event.author.name, PolicyBreach::Kind));
            }
            continue;
        }
        if matches!(event.change, Change::Withheld { .. }) {
            continue;
        }
        if !event_keeps_policy(role, event) {
            return Err(breach(user_name, PolicyBreach::Kind));
        }
        // A comment says which side wrote it: the writing device's.
        if matches!(&event.change, Change::CommentAdded { side, .. } if *side != role) {
            return Err(breach(user_name, PolicyBreach::Kind));
        }
        if event.author.user_id != user_id || event.author.name != user_name {
            return Err(breach(user_name, PolicyBreach::Author));
        }
        if role == Role::Assistant {
            let Some(family) = crate::ingest::family_of(conn, event, &in_batch)? else { continue };
            let allowed = match owners.get(&family) {
                Some(allowed) => *allowed,
                None => {
                    let allowed = match created_here.get(&family) {
                        Some(u) => *u == user_id,
                        None => may_work_with(conn, family, user_id, sender.device_id, &assistant_ids)?,
                    };
                    *owners.entry(family).or_insert(allowed)
                }
            };
            if !allowed {
                return Err(breach(user_name, PolicyBreach::Family));
            }
        }
    }
    Ok(())
}

/// Whether a laptop's assistant may write to a family: they took it on,
/// or the centre assigned it to them (now or earlier: the old laptop's
/// late edits are kept and flagged, never refused). A family this replica
/// knows nothing of yet is not judged here (its creation comes first in
/// its writer's sequence).
fn may_work_with(
    conn: &Connection,
    family: EntityId,
    user: UserId,
    device: asysta_core::DeviceId,
    assistant_ids: &[EntityId],
) -> Result<bool> {
    let creator = creator_of(conn, family)?;
    if creator == Some(user) {
        return Ok(true);
    }
    let rows = crate::steering::assign::assignment_rows(conn, family)?;
    let named =
        |who: &asysta_core::centre::AssigneeRef| who.names(user, device) || assistant_ids.contains(&who.assistant_id);
    if rows.iter().any(|r| named(&r.assistant) || r.transfer_from.as_ref().is_some_and(named)) {
        return Ok(true);
    }
    let referred: bool = conn
        .prepare_cached("SELECT 1 FROM events WHERE entity_id = ?1 AND kind = 'family.referred' LIMIT 1")?
        .query_row([family.to_string()], |_| Ok(()))
        .optional()?
        .is_some();
    Ok(creator.is_none() && !referred)
}

/// Who took the family on: the author of its creation, applied or held.
fn creator_of(conn: &Connection, family: EntityId) -> Result<Option<UserId>> {
    let author: Option<String> = conn
        .prepare_cached(
            "SELECT author_id FROM events WHERE entity_id = ?1 AND kind = 'family.created' \
             UNION ALL SELECT author_id FROM held_events WHERE entity_id = ?1 AND kind = 'family.created' LIMIT 1",
        )?
        .query_row([family.to_string()], |r| r.get(0))
        .optional()?;
    author.map(|a| a.parse::<UserId>().map_err(|_| StoreError::CorruptLog(format!("bad author id {a:?}")))).transpose()
}
