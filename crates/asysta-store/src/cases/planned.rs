//! Visits planned ahead: planned, cancelled, listed (upcoming and missed),
//! and turned into a diary entry by correcting them (see
//! [`Store::update_visit`]). A planned visit is a diary entry whose
//! `planned` is true: the same record, events and conflicts as any other,
//! projected into `planned_visits` until it happens.

use crate::error::{Result, StoreError};
use crate::log::PendingChange;
use crate::queries;
use crate::workspace::Store;
use asysta_core::api::ScheduledVisit;
use asysta_core::visit::Visit;
use asysta_core::{collation, Change, EntityId};
use chrono::NaiveDate;

impl Store {
    /// Plans a visit (checked by `ops::PlanVisit`). The family's visit
    /// draft, if any, stays: nothing happened yet.
    pub fn plan_visit(&mut self, family_id: EntityId, visit: Visit) -> Result<EntityId> {
        queries::live_rev(&self.conn, "families", family_id)?;
        let id = EntityId::new_v7(self.env.now_ms(), crate::environment::random_array(self.env.as_mut())?);
        let change = Change::VisitRecorded { family_id, visit: Box::new(visit) };
        self.commit_changes(vec![PendingChange { entity_id: id, base_rev: 0, change }])?;
        Ok(id)
    }

    /// Takes a planned visit off the plan (a tombstone, as for any diary
    /// entry); one that already happened is a diary entry and is refused.
    pub fn cancel_planned_visit(&mut self, visit_id: EntityId) -> Result<()> {
        let base_rev = queries::live_rev(&self.conn, "planned_visits", visit_id)?;
        self.commit_changes(vec![PendingChange { entity_id: visit_id, base_rev, change: Change::VisitDeleted {} }])?;
        Ok(())
    }

    /// Every visit planned ahead and not cancelled, of `family` when given:
    /// the missed ones (their day passed by `today`) first, then by date,
    /// time and family.
    pub fn scheduled_visits(&self, today: NaiveDate, family: Option<EntityId>) -> Result<Vec<ScheduledVisit>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.family_id, f.name, p.visit_json FROM planned_visits p \
             JOIN families f ON f.id = p.family_id WHERE p.deleted = 0 AND f.deleted = 0 \
             AND (?1 IS NULL OR p.family_id = ?1)",
        )?;
        let rows = stmt.query_map([family.map(|f| f.to_string())], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, family_id, family_name, json) = row?;
            let visit: Visit = serde_json::from_str(&json)?;
            let parse = |text: &str| text.parse().map_err(|_| StoreError::CorruptLog(format!("bad id {text:?}")));
            out.push(ScheduledVisit {
                id: parse(&id)?,
                family_id: parse(&family_id)?,
                family_name,
                date: visit.date,
                time: visit.start.format("%H:%M").to_string(),
                place: visit.place,
                purpose: visit.purpose.unwrap_or_default(),
                missed: visit.date < today,
            });
        }
        out.sort_by(|a, b| {
            b.missed
                .cmp(&a.missed)
                .then(a.date.cmp(&b.date))
                .then(a.time.cmp(&b.time))
                .then_with(|| collation::compare(&a.family_name, &b.family_name))
        });
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
