//! The register of assistants. An enrolled laptop's user is in it from the
//! enrolment (an entry under their user id, "not completed" until the
//! supervisor completes it); completing or changing it writes an event.

use super::id_of;
use crate::error::{Result, StoreError};
use crate::exchange::peers;
use crate::log::PendingChange;
use crate::workspace::Store;
use asysta_core::centre::{AssigneeRef, AssistantEntry, AssistantView};
use asysta_core::workspace::Role;
use asysta_core::{Change, DeviceId, EntityId, FieldError, FieldErrorCode, UserId};
use chrono::NaiveDate;
use std::collections::BTreeMap;

impl Store {
    /// Enters an assistant in the register, with the enrolled devices that
    /// are theirs (their user is linked from the enrolment).
    pub fn register_assistant(&mut self, mut entry: AssistantEntry, devices: &[DeviceId]) -> Result<EntityId> {
        self.require_role(Role::Centre)?;
        link_devices(self, &mut entry, devices)?;
        let id = self.new_id()?;
        self.commit_changes(vec![PendingChange {
            entity_id: id,
            base_rev: 0,
            change: Change::AssistantRegistered { assistant: entry },
        }])?;
        Ok(id)
    }

    /// Corrects or completes an entry (the form replaces the person's
    /// fields; devices are added to those linked already).
    pub fn update_assistant(&mut self, id: EntityId, mut entry: AssistantEntry, devices: &[DeviceId]) -> Result<()> {
        self.require_role(Role::Centre)?;
        let current = self
            .assistants(None)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        entry.user_id = current.entry.user_id;
        entry.devices = current.entry.devices.clone();
        link_devices(self, &mut entry, devices)?;
        let change = if current.registered {
            Change::AssistantUpdated { assistant: entry }
        } else {
            // An enrolled laptop's user: the entry is written now, under
            // the id it was listed with.
            Change::AssistantRegistered { assistant: entry }
        };
        let base_rev = if current.registered { registered_rev(self, id)? } else { 0 };
        self.commit_changes(vec![PendingChange { entity_id: id, base_rev, change }])?;
        Ok(())
    }

    /// The register: the entries written, and every enrolled laptop's user
    /// not in them yet. `on`: count active families on that day (default:
    /// now). Ordered by name.
    pub fn assistants(&self, on: Option<NaiveDate>) -> Result<Vec<AssistantView>> {
        let cap = self.settings()?.caseload_cap;
        let mut out: Vec<AssistantView> = registered(self)?
            .into_iter()
            .map(|(id, entry)| AssistantView { id, entry, registered: true, active_families: 0, cap })
            .collect();
        // Enrolled laptops' users not linked to an entry, one per user.
        let mut implicit: BTreeMap<String, AssistantView> = BTreeMap::new();
        for peer in peers::all(&self.conn)?.into_iter().filter(|p| p.role == Role::Assistant) {
            let linked = out.iter().any(|a| {
                a.entry.devices.contains(&peer.device_id) || (peer.user_id.is_some() && a.entry.user_id == peer.user_id)
            });
            if linked {
                continue;
            }
            let id = EntityId(peer.user_id.map_or(peer.device_id.0, |u| u.0));
            let view = implicit.entry(id.to_string()).or_insert_with(|| AssistantView {
                id,
                entry: AssistantEntry {
                    name: peer.user_name.clone(),
                    employment: None,
                    from: None,
                    to: None,
                    fte_thousandths: None,
                    user_id: peer.user_id,
                    devices: Vec::new(),
                },
                registered: false,
                active_families: 0,
                cap,
            });
            view.entry.devices.push(peer.device_id);
        }
        out.extend(implicit.into_values());
        let families = crate::steering::assign::caseload_facts(&self.conn)?;
        for view in &mut out {
            let me = view.clone();
            view.active_families = match on {
                Some(day) => {
                    families.iter().filter(|f| f.counts_for_on(|a| same_assistant(&me, a), day)).count() as u32
                }
                None => {
                    families.iter().filter(|f| f.is_active_now() && f.current_is(|a| same_assistant(&me, a))).count()
                        as u32
                }
            };
        }
        out.sort_by(|a, b| asysta_core::collation::compare(&a.entry.name, &b.entry.name).then(a.id.cmp(&b.id)));
        Ok(out)
    }
}

pub(crate) fn to_ref(view: &AssistantView) -> AssigneeRef {
    AssigneeRef {
        assistant_id: view.id,
        name: view.entry.name.clone(),
        user_id: view.entry.user_id,
        devices: view.entry.devices.clone(),
    }
}

/// Whether an assignment's assistant is the register's `view`.
pub(crate) fn same_assistant(view: &AssistantView, who: &AssigneeRef) -> bool {
    who.assistant_id == view.id
        || (who.user_id.is_some() && who.user_id == view.entry.user_id)
        || who.devices.iter().any(|d| view.entry.devices.contains(d))
        || view.entry.user_id.is_some_and(|u| who.assistant_id.0 == u.0)
}

/// Links enrolled assistant devices to an entry (and their user).
fn link_devices(store: &Store, entry: &mut AssistantEntry, devices: &[DeviceId]) -> Result<()> {
    for device in devices {
        let peer = peers::get(&store.conn, *device)?
            .filter(|p| p.role == Role::Assistant)
            .ok_or_else(|| StoreError::Invalid(vec![FieldError::new("devices", FieldErrorCode::NotInList)]))?;
        if let (Some(linked), Some(user)) = (entry.user_id, peer.user_id) {
            if linked != user {
                // Two people's laptops cannot be one assistant's.
                return Err(StoreError::Invalid(vec![FieldError::new("devices", FieldErrorCode::NotInList)]));
            }
        }
        entry.user_id = entry.user_id.or(peer.user_id);
        if !entry.devices.contains(device) {
            entry.devices.push(*device);
        }
    }
    Ok(())
}

fn registered(store: &Store) -> Result<Vec<(EntityId, AssistantEntry)>> {
    let mut stmt = store.conn.prepare_cached("SELECT id, entry_json FROM assistants")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    rows.map(|row| {
        let (id, json) = row?;
        Ok((id_of(&id)?, serde_json::from_str(&json)?))
    })
    .collect()
}

fn registered_rev(store: &Store, id: EntityId) -> Result<u64> {
    Ok(store
        .conn
        .prepare_cached("SELECT rev FROM assistants WHERE id = ?1")?
        .query_row([id.to_string()], |r| r.get::<_, i64>(0))? as u64)
}

/// The register's ids of the assistant a device (and its user) belongs to.
pub(crate) fn ids_of_device(
    store_conn: &rusqlite::Connection,
    device: DeviceId,
    user: Option<UserId>,
) -> Result<Vec<EntityId>> {
    let mut out = Vec::new();
    if let Some(user) = user {
        out.push(EntityId(user.0));
    }
    let mut stmt = store_conn.prepare_cached("SELECT id, entry_json FROM assistants")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (id, json) = row?;
        let entry: AssistantEntry = serde_json::from_str(&json)?;
        if entry.devices.contains(&device) || (user.is_some() && entry.user_id == user) {
            out.push(id_of(&id)?);
        }
    }
    Ok(out)
}
