//! The long forms' drafts: local rows, replaced on each save, never events
//! (see `asysta_core::api::FormDraft`).

use crate::error::{Result, StoreError};
use crate::queries;
use crate::workspace::Store;
use asysta_core::api::{DraftKind, FormDraft};
use asysta_core::workspace::Role;
use asysta_core::EntityId;
use rusqlite::OptionalExtension;

impl Store {
    /// Keeps a long form as typed (one draft a form, replaced on each save).
    /// Only the assistant writes the forms; the family must be live.
    pub fn save_form_draft(&mut self, draft: &FormDraft) -> Result<()> {
        self.require_role(Role::Assistant)?;
        queries::live_rev(&self.conn, "families", draft.family_id)?;
        self.conn
            .prepare_cached(
                "INSERT INTO form_drafts (kind, key, family_id, form_json, saved_at_ms) VALUES (?1, ?2, ?3, ?4, ?5) \
                 ON CONFLICT (kind, key) DO UPDATE SET family_id = excluded.family_id, \
                 form_json = excluded.form_json, saved_at_ms = excluded.saved_at_ms",
            )?
            .execute(rusqlite::params![
                draft.kind.as_str(),
                draft.key.to_string(),
                draft.family_id.to_string(),
                serde_json::to_string(&draft.form)?,
                draft.saved_at_ms as i64
            ])?;
        Ok(())
    }

    /// The draft of a long form, if one is kept.
    pub fn form_draft(&self, kind: DraftKind, key: EntityId) -> Result<Option<FormDraft>> {
        let row: Option<(String, String, i64)> = self
            .conn
            .prepare_cached("SELECT family_id, form_json, saved_at_ms FROM form_drafts WHERE kind = ?1 AND key = ?2")?
            .query_row([kind.as_str(), &key.to_string()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        row.map(|(family, form, at)| {
            Ok(FormDraft {
                kind,
                key,
                family_id: family.parse().map_err(|_| StoreError::CorruptLog(format!("bad family id {family:?}")))?,
                form: serde_json::from_str(&form)?,
                saved_at_ms: at as u64,
            })
        })
        .transpose()
    }

    /// Throws a long form's draft away (the form was saved).
    pub fn discard_form_draft(&mut self, kind: DraftKind, key: EntityId) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM form_drafts WHERE kind = ?1 AND key = ?2")?
            .execute([kind.as_str(), &key.to_string()])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::exchange::tests::workspace;
    use crate::tests::family;
    use asysta_core::api::{DraftKind, FormDraft};
    use asysta_core::workspace::Role;

    #[test]
    fn a_long_forms_draft_is_kept_replaced_and_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = workspace(dir.path(), "Anna Łęcka", Role::Assistant, 5);
        let family_id = store.add_family(&family("Kowalscy", "Jan")).unwrap();
        let draft = |text: &str| FormDraft {
            kind: DraftKind::Opinion,
            key: family_id,
            family_id,
            form: serde_json::json!({ "text": text }),
            saved_at_ms: 1,
        };
        store.save_form_draft(&draft("Pierwsze słowa")).unwrap();
        store.save_form_draft(&draft("Pierwsze słowa opinii")).unwrap();
        let events = store.all_events().unwrap().len();
        drop(store);
        let mut store = crate::tests::open(dir.path(), crate::tests::PASS).unwrap();
        assert_eq!(store.form_draft(DraftKind::Opinion, family_id).unwrap(), Some(draft("Pierwsze słowa opinii")));
        assert_eq!(store.all_events().unwrap().len(), events, "a draft is not an event");
        assert_eq!(store.form_draft(DraftKind::Plan, family_id).unwrap(), None);
        store.discard_form_draft(DraftKind::Opinion, family_id).unwrap();
        assert_eq!(store.form_draft(DraftKind::Opinion, family_id).unwrap(), None);
        assert!(store.check().unwrap().ok);
    }
}
