//! The dashboard and the half-year figures: the facts of every family and
//! contact read in bulk (a few queries, whatever the number of families),
//! then `asysta_core::centre::{dashboard, report}` do the arithmetic.

use super::register::same_assistant;
use super::{date_of, id_of};
use crate::error::Result;
use crate::workspace::Store;
use asysta_core::centre::assignment::AssignmentRow;
use asysta_core::centre::comment::awaits_answer_from;
use asysta_core::centre::dashboard::{dashboard, Dashboard, DashboardInput};
use asysta_core::centre::facts::{CaseFacts, PlanFacts, VisitFacts};
use asysta_core::centre::report::{half_year, HalfYear, HalfYearReport};
use asysta_core::closing::ClosingView;
use asysta_core::evaluation::REMINDER_DAYS;
use asysta_core::exchange::Direction;
use asysta_core::plan::overdue_actions;
use asysta_core::record::{CaseDetails, FamilyStatus, WorkBasis};
use asysta_core::workspace::Role;
use asysta_core::EntityId;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::{BTreeMap, HashMap};

/// Runs `sql` and folds each row into a map by its first column (an id).
fn by_family<T>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    mut row: impl FnMut(&rusqlite::Row<'_>) -> Result<T>,
) -> Result<Vec<(EntityId, T)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        out.push((id_of(&id)?, row(r)?));
    }
    Ok(out)
}

impl Store {
    /// The facts of every live family (for the centre's figures).
    pub fn case_facts(&self, on: NaiveDate) -> Result<Vec<CaseFacts>> {
        let conn = &self.conn;
        let mut cases: BTreeMap<EntityId, CaseFacts> = BTreeMap::new();
        for (id, (name, status, status_on, details, closing)) in by_family(
            conn,
            "SELECT id, name, status, status_on, details_json, closing_json FROM families WHERE deleted = 0",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            },
        )? {
            let status = FamilyStatus::parse(&status).unwrap_or_default();
            let closing: Option<ClosingView> = closing.as_deref().map(serde_json::from_str).transpose()?;
            let ended_on = match status {
                FamilyStatus::Active => None,
                _ => closing.as_ref().and_then(|c| c.on).or(status_on.as_deref().map(date_of).transpose()?),
            };
            let details: CaseDetails = serde_json::from_str(&details)?;
            let case = CaseFacts {
                family_id: id,
                name,
                status,
                ended_on,
                end_reason: closing.and_then(|c| c.reason_key),
                court_ordered: matches!(details.basis, Some(WorkBasis::CourtOrder { .. })),
                ..CaseFacts::default()
            };
            cases.insert(id, case);
        }
        for (id, row) in
            by_family(conn, "SELECT family_id, row_json FROM assignments ORDER BY family_id, position", [], |r| {
                Ok(serde_json::from_str::<AssignmentRow>(&r.get::<_, String>(1)?)?)
            })?
        {
            if let Some(case) = cases.get_mut(&id) {
                case.rows.push(row);
            }
        }
        for (id, (on, basis)) in by_family(
            conn,
            "SELECT family_id, requested_on, json_extract(referral_json, '$.basis') FROM referrals",
            [],
            |r| Ok((r.get::<_, String>(1)?, r.get::<_, String>(2)?)),
        )? {
            if let Some(case) = cases.get_mut(&id) {
                case.referral_on = Some(date_of(&on)?);
                case.court_ordered |= basis == "court_order";
            }
        }
        for (id, n) in by_family(
            conn,
            "SELECT family_id, count(*) FROM members WHERE deleted = 0 AND relation = 'child' GROUP BY family_id",
            [],
            |r| Ok(r.get::<_, u32>(1)?),
        )? {
            if let Some(case) = cases.get_mut(&id) {
                case.children = n;
            }
        }
        for (id, last) in
            by_family(conn, "SELECT family_id, max(date) FROM visits WHERE deleted = 0 GROUP BY family_id", [], |r| {
                Ok(r.get::<_, String>(1)?)
            })?
        {
            if let Some(case) = cases.get_mut(&id) {
                case.last_visit = Some(date_of(&last)?);
            }
        }
        // The plan in force and the progress on its actions (noted on
        // their own and in visits), as the home screen's alerts read them.
        let notes = crate::queries::progress::status_notes(conn)?;
        for (id, version) in crate::queries::progress::current_plan_versions(conn)? {
            if let Some(case) = cases.get_mut(&id) {
                let noted = notes.get(&id).map(Vec::as_slice).unwrap_or_default();
                case.overdue_actions = overdue_actions(&version, noted, on).len() as u32;
                case.plan = Some(PlanFacts {
                    incomplete: version
                        .goals
                        .iter()
                        .flat_map(|g| &g.actions)
                        .any(|a| a.deadline.is_none() || a.expected_effect.trim().is_empty()),
                    unconsulted: version.consultation.is_none(),
                });
            }
        }
        // The next evaluation of each active family: from its start (the
        // case's start date, else its creation) and its latest evaluation
        // that counts (submitted or accepted), as `Store::due` computes it.
        let months = crate::queries::periods(conn)?.evaluation_months;
        let mut last_made: HashMap<EntityId, NaiveDate> = HashMap::new();
        for (id, made) in by_family(
            conn,
            "SELECT family_id, max(json_extract(submitted_json, '$.on')) FROM evaluations \
             WHERE status IN ('submitted', 'accepted') AND submitted_json IS NOT NULL GROUP BY family_id",
            [],
            |r| Ok(r.get::<_, Option<String>>(1)?),
        )? {
            if let Some(made) = made {
                last_made.insert(id, date_of(&made)?);
            }
        }
        for (id, (start, created)) in by_family(
            conn,
            "SELECT id, json_extract(details_json, '$.start_date'), created_at_ms FROM families \
             WHERE deleted = 0 AND status = 'active'",
            [],
            |r| Ok((r.get::<_, Option<String>>(1)?, r.get::<_, i64>(2)?)),
        )? {
            let start = match start {
                Some(s) => date_of(&s)?,
                None => crate::queries::created_on(created as u64),
            };
            let due = asysta_core::evaluation::next_due(start, last_made.get(&id).copied(), months);
            if let Some(case) = cases.get_mut(&id) {
                case.evaluation_due = Some(asysta_core::evaluation::due_state(due, on, REMINDER_DAYS));
            }
        }
        for (id, (state, days)) in by_family(
            conn,
            "SELECT family_id, state, julianday(decided_on) - julianday(submitted_on) FROM plan_approvals",
            [],
            |r| Ok((r.get::<_, String>(1)?, r.get::<_, Option<f64>>(2)?)),
        )?
        .into_iter()
        .chain(by_family(
            conn,
            "SELECT family_id, status, julianday(json_extract(decided_json, '$.on')) - \
             julianday(json_extract(submitted_json, '$.on')) FROM evaluations WHERE submitted_json IS NOT NULL",
            [],
            |r| Ok((r.get::<_, String>(1)?, r.get::<_, Option<f64>>(2)?)),
        )?) {
            if let Some(case) = cases.get_mut(&id) {
                case.awaiting_decision += u32::from(state == "submitted");
                case.decision_days.extend(days.map(|d| d.round() as i64));
            }
        }
        let comments = self.comments(None)?;
        let mut threads: BTreeMap<(EntityId, String), Vec<asysta_core::centre::comment::CommentView>> = BTreeMap::new();
        for c in comments {
            threads.entry((c.family_id, c.target.id.clone())).or_default().push(c);
        }
        for ((id, _), thread) in threads {
            if let Some(case) = cases.get_mut(&id) {
                case.comments_awaiting_centre += u32::from(awaits_answer_from(&thread, Role::Centre));
                case.comments_awaiting_assistant += u32::from(awaits_answer_from(&thread, Role::Assistant));
            }
        }
        for (id, n) in by_family(
            conn,
            "SELECT family_id, count(*) FROM conflicts WHERE family_id IS NOT NULL GROUP BY family_id",
            [],
            |r| Ok(r.get::<_, u32>(1)?),
        )? {
            if let Some(case) = cases.get_mut(&id) {
                case.conflicts = n;
            }
        }
        for transfer in self.transfers()? {
            if let Some(case) = cases.get_mut(&transfer.family_id) {
                case.late_edits += transfer.late_edits.len() as u32;
            }
        }
        for merged in self.merged_families()? {
            if let Some(case) = cases.get_mut(&merged) {
                case.merged = true;
            }
        }
        for case in cases.values_mut() {
            case.started_on = case.rows.first().map(|r| r.from);
        }
        Ok(cases.into_values().collect())
    }

    /// Every contact from `since` on.
    fn visit_facts(&self, since: NaiveDate) -> Result<Vec<VisitFacts>> {
        let rows = by_family(
            &self.conn,
            "SELECT family_id, date, minutes, form FROM visits INDEXED BY visits_by_family \
             WHERE deleted = 0 AND date >= ?1",
            [since.to_string()],
            |r| Ok((r.get::<_, String>(1)?, r.get::<_, u32>(2)?, r.get::<_, String>(3)?)),
        )?;
        rows.into_iter()
            .map(|(family_id, (date, minutes, form))| {
                Ok(VisitFacts { family_id, date: date_of(&date)?, minutes, form })
            })
            .collect()
    }

    /// The centre's home screen on `on`.
    pub fn dashboard(&self, on: NaiveDate) -> Result<Dashboard> {
        let settings = self.settings()?;
        let assistants = self.assistants(None)?;
        let cases = self.case_facts(on)?;
        let first_month = NaiveDate::from_ymd_opt(chrono::Datelike::year(&on), chrono::Datelike::month(&on), 1)
            .and_then(|d| d.checked_sub_months(chrono::Months::new(11)))
            .unwrap_or(on);
        let visits = self.visit_facts(first_month)?;
        // Per assistant: the last bundle from their devices and the events
        // of theirs held back behind a gap.
        let mut held: HashMap<String, u32> = HashMap::new();
        let mut stmt = self.conn.prepare_cached("SELECT device_id, count(*) FROM held_events GROUP BY device_id")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))? {
            let (device, n) = row?;
            held.insert(device, n);
        }
        let mut bundles = BTreeMap::new();
        for view in &assistants {
            let mut last: Option<u64> = None;
            let mut waiting = 0;
            for device in &view.entry.devices {
                if let Some(b) = crate::exchange::peers::last_bundle(&self.conn, Direction::Import, Some(*device))? {
                    last = last.max(Some(b.at_ms));
                }
                waiting += held.get(&device.to_string()).copied().unwrap_or(0);
            }
            bundles.insert(view.id, (last, waiting));
        }
        let pending_transfers: Vec<EntityId> =
            self.transfers()?.into_iter().filter(|t| t.pending).map(|t| t.family_id).collect();
        let open_duplicates = self.cross_duplicates()?.iter().filter(|p| p.decision.is_none()).count() as u32;
        Ok(dashboard(
            &cases,
            &visits,
            DashboardInput {
                on,
                cap: settings.caseload_cap,
                no_visit_days: settings.no_visit_days,
                assistants: &assistants,
                bundles: &bundles,
                same: &same_assistant,
                pending_transfers,
                open_duplicates,
            },
        ))
    }

    /// The half-year's figures, every cell with the families behind it.
    pub fn half_year_report(&self, period: HalfYear) -> Result<HalfYearReport> {
        let cases = self.case_facts(period.last_day())?;
        let reasons: Vec<(String, String)> = self.closing_reasons()?.into_iter().map(|r| (r.key, r.name_pl)).collect();
        let assistants = self.assistants(Some(period.last_day()))?;
        let register: Vec<(EntityId, &asysta_core::centre::AssistantEntry)> =
            assistants.iter().map(|a| (a.id, &a.entry)).collect();
        Ok(half_year(period, &cases, &reasons, &register))
    }
}
