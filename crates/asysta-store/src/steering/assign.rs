//! Intake, assignment and transfers. A case referred to the centre waits
//! (by the request's date) until it is assigned within the assistant's
//! cap on the effective date; a transfer moves it to another assistant in
//! two phases (recorded here, acknowledged by the old laptop's next
//! bundle), and a second transfer waits for the first to complete.

use super::register::{same_assistant, to_ref};
use super::{date_of, id_of};
use crate::error::{Result, StoreError};
use crate::log::PendingChange;
use crate::projection::steering::day_of;
use crate::queries;
use crate::workspace::Store;
use asysta_core::centre::assignment::{holder_on, is_late_edit, CaseloadFacts};
use asysta_core::centre::intake::NewReferral;
use asysta_core::centre::{
    AssigneeRef, Assignment, AssignmentRow, AssistantView, LateEdit, TransferNotice, TransferView, WaitingCase,
};
use asysta_core::record::FamilyStatus;
use asysta_core::workspace::Role;
use asysta_core::{Change, DeviceId, EntityId, FieldError, FieldErrorCode, UserId};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

/// A family as the caseload counts it.
#[derive(Clone, Debug)]
pub(crate) struct FamilyFacts {
    pub family_id: EntityId,
    pub name: String,
    pub status: FamilyStatus,
    pub ended_on: Option<NaiveDate>,
    pub rows: Vec<AssignmentRow>,
}

impl FamilyFacts {
    fn as_caseload(&self) -> CaseloadFacts<'_> {
        CaseloadFacts { family_id: self.family_id, rows: &self.rows, ended_on: self.ended_on }
    }

    pub fn counts_for_on(&self, same: impl Fn(&AssigneeRef) -> bool, day: NaiveDate) -> bool {
        self.as_caseload().counts_for_on(same, day)
    }

    pub fn is_active_now(&self) -> bool {
        self.status == FamilyStatus::Active
    }

    pub fn current_is(&self, same: impl Fn(&AssigneeRef) -> bool) -> bool {
        self.rows.last().is_some_and(|r| same(&r.assistant))
    }
}

/// Every live family with an assistant, with its history.
pub(crate) fn caseload_facts(conn: &Connection) -> Result<Vec<FamilyFacts>> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.id, f.name, f.status, f.status_on, a.row_json FROM families f \
         JOIN assignments a ON a.family_id = f.id WHERE f.deleted = 0 ORDER BY f.id, a.position",
    )?;
    let mut rows = stmt.query([])?;
    let mut out: Vec<FamilyFacts> = Vec::new();
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let family_id: EntityId = id_of(&id)?;
        let assignment: AssignmentRow = serde_json::from_str(&row.get::<_, String>(4)?)?;
        if out.last().is_some_and(|f| f.family_id == family_id) {
            out.last_mut().expect("checked").rows.push(assignment);
            continue;
        }
        let status_text: String = row.get(2)?;
        let status = FamilyStatus::parse(&status_text)
            .ok_or_else(|| StoreError::CorruptLog(format!("bad status {status_text:?}")))?;
        let status_on: Option<String> = row.get(3)?;
        let ended_on = match status {
            FamilyStatus::Active => None,
            _ => Some(status_on.as_deref().map(date_of).transpose()?.unwrap_or(NaiveDate::MIN)),
        };
        out.push(FamilyFacts { family_id, name: row.get(1)?, status, ended_on, rows: vec![assignment] });
    }
    Ok(out)
}

/// A family's history of assignments, oldest first.
pub(crate) fn assignment_rows(conn: &Connection, family: EntityId) -> Result<Vec<AssignmentRow>> {
    let mut stmt = conn.prepare_cached("SELECT row_json FROM assignments WHERE family_id = ?1 ORDER BY position")?;
    let rows = stmt.query_map([family.to_string()], |r| r.get::<_, String>(0))?;
    rows.map(|r| Ok(serde_json::from_str(&r?)?)).collect()
}

/// Whether this laptop handed the family over (its acknowledgement is in
/// the log and no later assignment gave the family back to it).
pub(crate) fn is_handed_over_here(conn: &Connection, family: EntityId, user: UserId, device: DeviceId) -> Result<bool> {
    let rows = assignment_rows(conn, family)?;
    Ok(rows.last().is_some_and(|row| {
        row.handed_over_on.is_some()
            && row.transfer_from.as_ref().is_some_and(|from| from.names(user, device))
            && !row.assistant.names(user, device)
    }))
}

impl Store {
    /// What a case shows of the centre's steering.
    pub(crate) fn case_steering(&self, family: EntityId) -> Result<asysta_core::api::CaseSteering> {
        let referral: Option<String> = self
            .conn
            .prepare_cached("SELECT referral_json FROM referrals WHERE family_id = ?1")?
            .query_row([family.to_string()], |r| r.get(0))
            .optional()?;
        Ok(asysta_core::api::CaseSteering {
            assignments: assignment_rows(&self.conn, family)?,
            referral: referral.as_deref().map(serde_json::from_str).transpose()?,
            plan_approvals: super::approvals::plan_approvals_of(&self.conn, family)?,
            comments: self.comments(Some(family))?,
            transfer: self.transfer_notice(family)?,
            merged_into: self.merged_into(family)?,
            read_only: self.role == Role::Assistant
                && is_handed_over_here(&self.conn, family, self.author.user_id, self.device_id)?,
        })
    }

    /// Takes a case in at the centre; it waits for an assistant.
    pub fn refer_family(&mut self, new: NewReferral) -> Result<EntityId> {
        self.require_role(Role::Centre)?;
        let id = self.new_id()?;
        self.commit_changes(vec![PendingChange {
            entity_id: id,
            base_rev: 0,
            change: Change::FamilyReferred { name: new.name, address: new.address, referral: new.referral },
        }])?;
        Ok(id)
    }

    /// The cases waiting for an assistant, by the request's date.
    pub fn waiting_list(&self, today: NaiveDate) -> Result<Vec<WaitingCase>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.id, f.name, f.address, r.referral_json FROM referrals r JOIN families f ON f.id = r.family_id \
             WHERE f.deleted = 0 AND f.status = 'active' \
             AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.family_id = r.family_id) \
             ORDER BY r.requested_on, f.name, f.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
        })?;
        rows.map(|row| {
            let (id, name, address, referral) = row?;
            let referral: asysta_core::centre::Referral = serde_json::from_str(&referral)?;
            Ok(WaitingCase {
                family_id: id_of(&id)?,
                name,
                address,
                waiting_days: (today - referral.requested_on).num_days(),
                referral,
            })
        })
        .collect()
    }

    /// Gives a waiting case to an assistant from `on`, within their cap.
    pub fn assign_family(&mut self, family: EntityId, assistant: EntityId, on: NaiveDate) -> Result<()> {
        self.require_role(Role::Centre)?;
        let base_rev = queries::live_rev(&self.conn, "families", family)?;
        if let Some(current) = assignment_rows(&self.conn, family)?.last() {
            return Err(StoreError::AlreadyAssigned { name: current.assistant.name.clone() });
        }
        let to = self.assistant_view(assistant)?;
        self.check_cap(&to, family, on)?;
        let assignment = Assignment { assistant: to_ref(&to), on, transfer_from: None };
        self.commit_changes(vec![PendingChange {
            entity_id: family,
            base_rev,
            change: Change::FamilyAssigned { assignment },
        }])?;
        Ok(())
    }

    /// Moves a family to another assistant from `on` (a waiting case is
    /// simply assigned). Refused while an earlier transfer of it waits for
    /// the old laptop, and over the new assistant's cap on that day.
    pub fn transfer_family(&mut self, family: EntityId, assistant: EntityId, on: NaiveDate) -> Result<()> {
        self.require_role(Role::Centre)?;
        let base_rev = queries::live_rev(&self.conn, "families", family)?;
        let rows = assignment_rows(&self.conn, family)?;
        let Some(current) = rows.last() else { return self.assign_family(family, assistant, on) };
        if current.is_pending() {
            return Err(StoreError::TransferPending { to: current.assistant.name.clone() });
        }
        let to = self.assistant_view(assistant)?;
        if same_assistant(&to, &current.assistant) {
            return Err(StoreError::Invalid(vec![FieldError::new("assistant_id", FieldErrorCode::NotInList)]));
        }
        if on < current.from {
            return Err(StoreError::Invalid(vec![FieldError::with_detail(
                "on",
                FieldErrorCode::OutOfRange,
                &current.from.to_string(),
            )]));
        }
        self.check_cap(&to, family, on)?;
        // The old assistant as the register knows them now (a laptop
        // linked since the assignment must see the transfer).
        let from = self
            .assistants(None)?
            .iter()
            .find(|a| same_assistant(a, &current.assistant))
            .map_or_else(|| current.assistant.clone(), to_ref);
        let assignment = Assignment { assistant: to_ref(&to), on, transfer_from: Some(from) };
        self.commit_changes(vec![PendingChange {
            entity_id: family,
            base_rev,
            change: Change::FamilyAssigned { assignment },
        }])?;
        Ok(())
    }

    fn assistant_view(&self, id: EntityId) -> Result<AssistantView> {
        self.assistants(None)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| StoreError::Invalid(vec![FieldError::new("assistant_id", FieldErrorCode::NotInList)]))
    }

    /// Refuses an assignment that would put the assistant over the cap on
    /// `on` or on any later day of the families they hold then.
    fn check_cap(&self, to: &AssistantView, family: EntityId, on: NaiveDate) -> Result<()> {
        let cap = self.settings()?.caseload_cap;
        let facts = caseload_facts(&self.conn)?;
        let active =
            facts.iter().filter(|f| f.family_id != family && f.counts_for_on(|a| same_assistant(to, a), on)).count()
                as u32;
        // Families assigned to them from a later day count too.
        let later = facts
            .iter()
            .filter(|f| {
                f.family_id != family
                    && f.ended_on.is_none()
                    && f.rows.last().is_some_and(|r| r.from > on && same_assistant(to, &r.assistant))
            })
            .count() as u32;
        if active + later + 1 > cap {
            return Err(StoreError::AssigneeCaseloadFull {
                name: to.entry.name.clone(),
                active: active + later,
                cap,
                on,
            });
        }
        Ok(())
    }

    /// A family's history of assignments, oldest first.
    pub fn assignments_of(&self, family: EntityId) -> Result<Vec<AssignmentRow>> {
        queries::live_rev(&self.conn, "families", family)?;
        assignment_rows(&self.conn, family)
    }

    /// Who had the family on `day`.
    pub fn assistant_on(&self, family: EntityId, day: NaiveDate) -> Result<Option<AssigneeRef>> {
        Ok(holder_on(&self.assignments_of(family)?, day).map(|r| r.assistant.clone()))
    }

    /// Every transfer, the pending ones first, with the late edits.
    pub fn transfers(&self) -> Result<Vec<TransferView>> {
        let mut out = Vec::new();
        for facts in caseload_facts(&self.conn)? {
            for row in facts.rows.iter().filter(|r| r.is_transfer()) {
                out.push(TransferView {
                    family_id: facts.family_id,
                    family_name: facts.name.clone(),
                    row: row.clone(),
                    pending: row.is_pending(),
                    late_edits: late_edits_of(&self.conn, facts.family_id, row)?,
                });
            }
        }
        out.sort_by(|a, b| b.pending.cmp(&a.pending).then(b.row.from.cmp(&a.row.from)));
        Ok(out)
    }

    /// Every late edit (of every transfer, or of one family's).
    pub fn late_edits(&self, family: Option<EntityId>) -> Result<Vec<LateEdit>> {
        Ok(self
            .transfers()?
            .into_iter()
            .filter(|t| family.is_none_or(|f| f == t.family_id))
            .flat_map(|t| t.late_edits)
            .collect())
    }

    /// On a laptop: acknowledges every transfer away from it not yet
    /// acknowledged (what its next bundle carries after its last changes).
    /// Answers how many.
    pub fn acknowledge_transfers(&mut self, today: NaiveDate) -> Result<usize> {
        if self.role != Role::Assistant {
            return Ok(0);
        }
        let (me, device) = (self.author.user_id, self.device_id);
        let mut changes = Vec::new();
        for facts in caseload_facts(&self.conn)? {
            if let Some(row) = facts.rows.last() {
                let event_id = row.event_id;
                if row.is_pending()
                    && row.transfer_from.as_ref().is_some_and(|f| f.names(me, device))
                    && !row.assistant.names(me, device)
                {
                    let rev = queries::live_rev(&self.conn, "families", facts.family_id)?;
                    changes.push(PendingChange {
                        entity_id: facts.family_id,
                        base_rev: rev,
                        change: Change::FamilyHandedOver {
                            assignment: event_id
                                .ok_or_else(|| StoreError::CorruptLog("a transfer without its event".into()))?,
                            on: today,
                        },
                    });
                }
            }
        }
        let n = changes.len();
        if n > 0 {
            self.commit_changes(changes)?;
        }
        Ok(n)
    }

    /// What a case shows about its transfer, if it is in one (or was
    /// handed over from this laptop).
    pub fn transfer_notice(&self, family: EntityId) -> Result<Option<TransferNotice>> {
        let rows = self.assignments_of(family)?;
        let Some(row) = rows.last().filter(|r| r.is_transfer()) else { return Ok(None) };
        let (me, device) = (self.author.user_id, self.device_id);
        let leaving =
            row.transfer_from.as_ref().is_some_and(|f| f.names(me, device)) && !row.assistant.names(me, device);
        if self.role == Role::Assistant && !leaving && row.handed_over_on.is_some() {
            return Ok(None);
        }
        let unsent_drafts: u32 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM visit_drafts WHERE family_id = ?1) + \
             (SELECT count(*) FROM form_drafts WHERE family_id = ?1)",
            [family.to_string()],
            |r| r.get(0),
        )?;
        Ok(Some(TransferNotice {
            to_name: row.assistant.name.clone(),
            on: row.from,
            handed_over_on: row.handed_over_on,
            unsent_drafts,
            leaving,
        }))
    }
}

/// The old laptop's edits written after the transfer's effective date.
fn late_edits_of(conn: &Connection, family: EntityId, row: &AssignmentRow) -> Result<Vec<LateEdit>> {
    let Some(from) = &row.transfer_from else { return Ok(Vec::new()) };
    let after =
        row.from.succ_opt().unwrap_or(row.from).and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp_millis());
    let mut stmt = conn.prepare_cached(
        "SELECT event_id, kind, author_id, author_name, device_id, hlc_wall_ms FROM events \
         WHERE family_id = ?1 AND hlc_wall_ms >= ?2 AND kind != 'family.handed_over' ORDER BY hlc_wall_ms, event_id",
    )?;
    let rows = stmt.query_map(rusqlite::params![family.to_string(), after], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, i64>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for r in rows {
        let (event_id, kind, author, author_name, device, wall) = r?;
        let written_on = day_of(wall as u64);
        let (author, device): (UserId, DeviceId) = (id_of(&author)?, id_of(&device)?);
        if is_late_edit(row, written_on, author, device) && from.names(author, device) {
            out.push(LateEdit {
                family_id: family,
                event_id: id_of(&event_id)?,
                kind,
                author_name,
                written_on,
                transfer_on: row.from,
            });
        }
    }
    Ok(out)
}
