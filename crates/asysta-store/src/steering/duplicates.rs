//! Families entered twice by different assistants, and the supervisor's
//! decisions on them.

use super::id_of;
use crate::error::{Result, StoreError};
use crate::log::PendingChange;
use crate::queries;
use crate::workspace::Store;
use asysta_core::centre::duplicates::{family_pairs, DuplicatePair, FamilyRef};
use asysta_core::event::DuplicateDecision;
use asysta_core::workspace::Role;
use asysta_core::{Change, EntityId, FieldError, FieldErrorCode};
use std::collections::HashMap;

impl Store {
    /// Pairs of families of different assistants that share a person,
    /// with the supervisor's decision in force on each.
    pub fn cross_duplicates(&self) -> Result<Vec<DuplicatePair>> {
        // Read without the families' pages (each holds a case's details):
        // names from their index, people from the narrow members table.
        let mut names: HashMap<EntityId, String> = HashMap::new();
        let mut stmt =
            self.conn.prepare_cached("SELECT id, name FROM families INDEXED BY families_by_name WHERE deleted = 0")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
            let (id, name) = row?;
            names.insert(id_of(&id)?, name);
        }
        let mut families: HashMap<EntityId, (String, String, String)> = HashMap::new();
        let mut stmt = self.conn.prepare_cached("SELECT family_id, assistant_id, assistant_name FROM caseloads")?;
        for row in
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?
        {
            let (id, key, assistant) = row?;
            let id = id_of(&id)?;
            if let Some(name) = names.remove(&id) {
                families.insert(id, (name, key, assistant));
            }
        }
        let people = queries::live_people(&self.conn)?;
        let decisions = self.duplicate_decisions()?;
        let reference = |id: EntityId| {
            let (name, _, assistant) = families.get(&id).cloned().unwrap_or_default();
            FamilyRef { id, name, assistant_name: assistant }
        };
        Ok(family_pairs(&people, |f| families.get(&f).map(|(_, key, _)| key.clone()))
            .into_iter()
            .map(|(a, b, reason, people)| DuplicatePair {
                first: reference(a),
                second: reference(b),
                reason,
                people,
                decision: decisions.get(&(a, b)).copied(),
            })
            .collect())
    }

    /// The decision in force per pair (first < second), the latest in the
    /// order every replica agrees on.
    fn duplicate_decisions(&self) -> Result<HashMap<(EntityId, EntityId), DuplicateDecision>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT family_a, family_b, decision FROM duplicate_decisions ORDER BY order_key")?;
        let rows =
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
        let mut out = HashMap::new();
        for row in rows {
            let (a, b, decision) = row?;
            let (a, b): (EntityId, EntityId) = (id_of(&a)?, id_of(&b)?);
            let decision: DuplicateDecision = serde_json::from_value(serde_json::Value::String(decision))?;
            out.insert(if a < b { (a, b) } else { (b, a) }, decision);
        }
        Ok(out)
    }

    /// Every family the supervisor merged into another (the latest
    /// decision on its pair is a merge).
    pub(crate) fn merged_families(&self) -> Result<Vec<EntityId>> {
        let mut latest: HashMap<(String, String), (String, String)> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT family_a, family_b, decision, order_key FROM duplicate_decisions ORDER BY order_key",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
        })?;
        for row in rows {
            let (a, b, decision, order) = row?;
            latest.insert((a, b.clone()), (decision, order));
        }
        latest.into_iter().filter(|(_, (decision, _))| decision == "merge").map(|((_, b), _)| id_of(&b)).collect()
    }

    /// The family `id` was merged into, if the supervisor merged it.
    pub fn merged_into(&self, id: EntityId) -> Result<Option<EntityId>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT family_a, decision FROM duplicate_decisions WHERE family_b = ?1 ORDER BY order_key DESC LIMIT 1",
        )?;
        let found = stmt
            .query_map([id.to_string()], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .next()
            .transpose()?;
        Ok(match found {
            Some((a, decision)) if decision == "merge" => Some(id_of(&a)?),
            _ => None,
        })
    }

    /// The supervisor's decision on two families: merge the second into
    /// the first, or keep them apart.
    pub fn decide_duplicates(&mut self, first: EntityId, second: EntityId, decision: DuplicateDecision) -> Result<()> {
        self.require_role(Role::Centre)?;
        queries::live_rev(&self.conn, "families", first)?;
        queries::live_rev(&self.conn, "families", second)?;
        if first == second {
            return Err(StoreError::Invalid(vec![FieldError::new("second", FieldErrorCode::NotInList)]));
        }
        let id = self.new_id()?;
        self.commit_changes(vec![PendingChange {
            entity_id: id,
            base_rev: 0,
            change: Change::DuplicatesDecided { families: [first, second], decision },
        }])?;
        Ok(())
    }
}
