//! The plans in force and the statuses given to their actions, read for
//! every family at once (the home screen's alerts and the centre's figures
//! need them for hundreds of families; reading each family's visits and
//! parsing their JSON took most of the centre's dashboard).

use super::{parse_date, parse_id};
use crate::error::Result;
use asysta_core::plan::{ActionStatus, PlanVersion, ProgressNote};
use asysta_core::EntityId;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashMap;

/// A visit's statuses, with what orders the visit: the date, the start
/// time and its id (latest first).
type WorkedRow = (NaiveDate, String, std::cmp::Reverse<String>, Vec<ProgressNote>);

/// The version in force of each family's plan (its highest number).
pub fn current_plan_versions(conn: &Connection) -> Result<HashMap<EntityId, PlanVersion>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.family_id, v.version_json FROM plans p JOIN plan_versions v ON v.plan_id = p.id \
         WHERE v.number = (SELECT max(number) FROM plan_versions WHERE plan_id = p.id) ORDER BY v.number",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = HashMap::new();
    while let Some(row) = rows.next()? {
        let family_id = parse_id(&row.get::<_, String>(0)?)?;
        out.insert(family_id, serde_json::from_str(&row.get::<_, String>(1)?)?);
    }
    Ok(out)
}

/// Every status given to a plan action, per family, in the order
/// [`super::progress_notes_of`] gives them: by date; on one date the notes
/// made on their own (in the order they were recorded), then those of the
/// day's visits (earliest first). Notes without a status are left out, and
/// so is the notes' text: only `asysta_core::plan::current_status` reads
/// these.
pub fn status_notes(conn: &Connection) -> Result<HashMap<EntityId, Vec<ProgressNote>>> {
    let mut out: HashMap<EntityId, Vec<ProgressNote>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT p.family_id, n.note_json FROM progress_notes n JOIN plans p ON p.id = n.plan_id \
         ORDER BY n.date, n.hlc_wall_ms, n.hlc_counter",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let note: ProgressNote = serde_json::from_str(&row.get::<_, String>(1)?)?;
        if note.status.is_some() {
            let family_id = parse_id(&row.get::<_, String>(0)?)?;
            out.entry(family_id).or_default().push(ProgressNote { note: String::new(), ..note });
        }
    }
    // The visits' statuses, from the diary's covering index: a day's
    // visits are listed latest first (by start time, then id) and their
    // notes join in the reverse of that order.
    let mut stmt = conn.prepare_cached(
        "SELECT family_id, date, start_time, id, progress FROM visits INDEXED BY visits_by_family \
         WHERE deleted = 0 AND progress <> ''",
    )?;
    let mut rows = stmt.query([])?;
    let mut worked: HashMap<EntityId, Vec<WorkedRow>> = HashMap::new();
    while let Some(row) = rows.next()? {
        let date = parse_date(&row.get::<_, String>(1)?)?;
        let (start, visit_id, progress): (String, String, String) = (row.get(2)?, row.get(3)?, row.get(4)?);
        let mut notes = Vec::new();
        for item in progress.split(';') {
            let Some((action, status)) = item.split_once(' ') else { continue };
            let Some(status) = ActionStatus::parse(status) else { continue };
            notes.push(ProgressNote { action_id: parse_id(action)?, date, note: String::new(), status: Some(status) });
        }
        worked.entry(parse_id(&row.get::<_, String>(0)?)?).or_default().push((
            date,
            start,
            std::cmp::Reverse(visit_id),
            notes,
        ));
    }
    for (family_id, mut rows) in worked {
        rows.sort_unstable_by(|a, b| (a.0, &a.1, &a.2).cmp(&(b.0, &b.1, &b.2)));
        out.entry(family_id).or_default().extend(rows.into_iter().flat_map(|r| r.3));
    }
    for notes in out.values_mut() {
        notes.sort_by_key(|n| n.date);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::create_seeded;
    use crate::NewCase;
    use asysta_core::record::FamilyStatus;

    /// The bulk reads give, family by family, what the per-family reads of
    /// a case give (the plan in force and the statuses in their order).
    #[test]
    fn bulk_reads_match_each_familys_own() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = create_seeded(dir.path(), 7);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let cases: Vec<NewCase> = asysta_core::demo::cases(3, 6, today)
            .into_iter()
            .map(|c| NewCase {
                family: c.family,
                status: FamilyStatus::Active,
                members: c.members,
                details: Some(c.details),
            })
            .collect();
        let mut rng = asysta_core::demo::DemoRng::new(3);
        let mut next = 0u64;
        let mut new_id = || {
            next += 1;
            EntityId::new_v7(1_764_000_000_000 + next, [next as u8; 10])
        };
        let families = store.add_cases(&cases).unwrap();
        let mut with_status = 0;
        for &family_id in &families[1..] {
            let members: Vec<_> = store.family_case(family_id).unwrap().members.iter().map(|m| m.id).collect();
            let plan = asysta_core::demo::plan(&mut rng, &members, today - chrono::Duration::days(400), &mut new_id);
            let visits = asysta_core::demo::visits(&mut rng, &members, &plan, today);
            store.add_plan_and_visits(family_id, plan, visits).unwrap();
        }
        let plans = current_plan_versions(&store.conn).unwrap();
        let notes = status_notes(&store.conn).unwrap();
        for &family_id in &families {
            let versions = crate::queries::plan_versions_of(&store.conn, family_id).unwrap();
            assert_eq!(plans.get(&family_id), versions.last());
            let visits = crate::queries::visits_of(&store.conn, family_id).unwrap();
            let own: Vec<_> = crate::queries::progress_notes_of(&store.conn, family_id, &visits)
                .unwrap()
                .into_iter()
                .filter(|n| n.status.is_some())
                .map(|n| (n.action_id, n.date, n.status))
                .collect();
            let bulk: Vec<_> =
                notes.get(&family_id).into_iter().flatten().map(|n| (n.action_id, n.date, n.status)).collect();
            assert_eq!(bulk, own);
            with_status += own.len();
        }
        assert!(plans.len() == families.len() - 1 && with_status > 20, "{} plans, {with_status} statuses", plans.len());
    }
}
