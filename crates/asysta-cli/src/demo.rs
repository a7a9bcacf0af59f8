//! `asysta demo`: realistic synthetic data. On a laptop it fills the
//! workspace; at a centre it makes synthetic assistants' laptops, enrols
//! them, and imports their signed bundles, so the centre side can be tried
//! in one command.

use crate::commands::describe;
use asysta_core::api::ApiError;
use asysta_core::record::FamilyStatus;
use asysta_core::workspace::{Role, WorkspaceInfo};
use asysta_core::EntityId;
use asysta_i18n::Translator;
use asysta_store::{ExportRequest, KdfParams, NewCase, Passphrase, Store, StoreError, SystemEnvironment};

/// The synthetic assistants' names (a centre demo takes the first N,
/// numbering them beyond the list).
const ASSISTANTS: &[&str] =
    &["Anna Kowalczyk", "Ewa Zielińska", "Katarzyna Wójcik", "Magdalena Lewandowska", "Joanna Dąbrowska"];

/// Fills `store` with `families` synthetic cases, each with a believable
/// course of work (`asysta_core::demo::story`): up to the caseload cap
/// active, a closed, a monitored and an archived family, and more past
/// cases beyond the cap. Past cases go first, so the active caseload never
/// passes the cap on the way.
pub fn fill(store: &mut Store, families: usize, seed: u64, today: chrono::NaiveDate) -> Result<(), StoreError> {
    use asysta_core::demo::story;
    let active = store.list_families_with_status(Some(FamilyStatus::Active))?.len();
    let room = (store.settings()?.caseload_cap as usize).saturating_sub(active);
    let mut rng = asysta_core::demo::DemoRng::new(seed ^ 0x0D1A_2B3C);
    let profiles = story::profiles(families, room, &mut rng);
    let mut cases: Vec<(story::Profile, asysta_core::demo::DemoCase)> =
        profiles.into_iter().zip(asysta_core::demo::cases(seed, families, today)).collect();
    cases.sort_by_key(|(profile, _)| profile.is_active());
    for (profile, mut case) in cases {
        let start = story::start_date(profile, today, &mut rng);
        case.details.start_date = Some(start);
        case.details.consent_date = Some(start - chrono::Duration::days(3));
        case.details.basis = Some(story::basis(profile, start));
        let new = NewCase {
            family: case.family,
            status: FamilyStatus::Active,
            members: case.members,
            details: Some(case.details.clone()),
        };
        let family_id = store.add_cases(std::slice::from_ref(&new))?[0];
        let mut members: Vec<(bool, EntityId)> = store
            .family_case(family_id)?
            .members
            .iter()
            .map(|m| (m.details.relation == asysta_core::member::Relation::Child, m.id))
            .collect();
        members.sort_by_key(|(child, _)| *child);
        let members: Vec<EntityId> = members.into_iter().map(|(_, id)| id).collect();
        // Ids come from the store's randomness; the first failure to draw
        // one fails the family (the ids drawn after it are never used).
        let mut failure = None;
        let mut new_id = || {
            store.new_id().unwrap_or_else(|e| {
                failure.get_or_insert(e);
                EntityId::new_v7(0, [0; 10])
            })
        };
        let input = story::StoryInput { family_id, members: &members, details: &case.details, profile, today };
        let changes = story::story(&input, &mut rng, &mut new_id);
        if let Some(e) = failure {
            return Err(e);
        }
        store.add_demo_history(family_id, changes)?;
    }
    Ok(())
}

/// At a centre: `n` synthetic laptops, each enrolled with the centre,
/// filled with `families` cases and exported; their bundles imported here
/// with their fingerprints trusted. The laptops live in a temporary folder
/// that is removed afterwards.
pub fn centre(
    centre: &mut Store,
    n: usize,
    families: usize,
    seed: u64,
    today: chrono::NaiveDate,
    t: &Translator,
    out: &mut String,
) -> Result<(), String> {
    let fail = |e: StoreError| describe(&ApiError::from(e), t);
    let enrolment = centre.enrolment().map_err(fail)?.to_json();
    let centre_name = centre.info().map_err(fail)?.centre_name;
    let scratch = std::env::temp_dir().join(format!("asysta-demo-{}-{seed}", std::process::id()));
    let _cleanup = RemoveOnDrop(scratch.clone());
    let pass = Passphrase::new(format!("demo {seed} {}", std::process::id()));
    for i in 0..n {
        let name = match ASSISTANTS.get(i) {
            Some(name) => (*name).to_owned(),
            None => format!("Asystentka {}", i + 1),
        };
        let dir = scratch.join(format!("laptop-{i}"));
        let info =
            WorkspaceInfo { assistant_name: name.clone(), centre_name: centre_name.clone(), role: Role::Assistant };
        // Throwaway workspaces: the cheap key derivation keeps the demo fast.
        let mut laptop = Store::create(&dir, &info, &pass, KdfParams::INSECURE_FOR_TESTS, Box::new(SystemEnvironment))
            .map_err(fail)?;
        laptop.enrol(&enrolment).map_err(fail)?;
        fill(&mut laptop, families, seed.wrapping_add(i as u64 * 7919), today).map_err(fail)?;
        let bundle = scratch.join(format!("laptop-{i}.asysta"));
        laptop.export_bundle(&bundle, &ExportRequest::default(), &mut |_| {}).map_err(fail)?;
        let bytes = std::fs::read(&bundle).map_err(|e| format!("{}: {e}", bundle.display()))?;
        let fingerprint = laptop.fingerprint().to_string();
        let report = centre.import_bundle(&bytes, &format!("{name}.asysta"), Some(&fingerprint)).map_err(fail)?;
        crate::exchange::print_report(out, &report, t);
    }
    Ok(())
}

struct RemoveOnDrop(std::path::PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use asysta_core::api::DueWhat;
    use asysta_core::evaluation::{DueState, EvaluationStatus};
    use asysta_core::plan::ActionStatus;

    #[test]
    fn the_demo_caseload_reads_like_a_real_one() {
        let dir = tempfile::tempdir().unwrap();
        let info = WorkspaceInfo {
            assistant_name: "Anna Nowak".into(),
            centre_name: "MOPS Łódź".into(),
            role: Role::Assistant,
        };
        let pass = Passphrase::new("demo test passphrase");
        let mut store =
            Store::create(dir.path(), &info, &pass, KdfParams::INSECURE_FOR_TESTS, Box::new(SystemEnvironment))
                .unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        fill(&mut store, 15, 7, today).unwrap();

        let count = |s| store.list_families_with_status(Some(s)).unwrap().len();
        assert_eq!(
            [FamilyStatus::Active, FamilyStatus::Closed, FamilyStatus::Monitoring, FamilyStatus::Archived].map(count),
            [12, 1, 1, 1]
        );
        let alerts = store.alerts(today).unwrap();
        assert!((1..=8).contains(&alerts.len()), "a handful of alerts, not dozens: {alerts:?}");
        let due = store.due(today).unwrap();
        let evaluations: Vec<DueState> =
            due.iter().filter(|d| matches!(d.what, DueWhat::Evaluation { .. })).map(|d| d.state).collect();
        assert!(
            evaluations.iter().filter(|s| matches!(s, DueState::Overdue { days_over, .. } if *days_over <= 30)).count()
                == 1
                && evaluations.iter().filter(|s| matches!(s, DueState::DueSoon { .. })).count() >= 1,
            "one evaluation overdue by days, one due soon: {evaluations:?}"
        );
        assert!(due.iter().any(|d| matches!(d.what, DueWhat::Opinion { .. })), "a court opinion is pending");

        let mut revised = 0;
        let mut statuses = std::collections::BTreeMap::<ActionStatus, usize>::new();
        for family in store.list_families().unwrap() {
            let case = store.family_case(family.id).unwrap();
            let plan = case.plan_versions.last().expect("every demo family has a plan");
            assert!(plan.consultation.is_some(), "plans are consulted with the social worker");
            revised += usize::from(case.plan_versions.len() >= 2);
            for (_, s) in asysta_core::plan::current_status(plan, &case.progress_notes) {
                *statuses.entry(s).or_default() += 1;
            }
            let made = case.evaluations.iter().filter(|e| e.status == EvaluationStatus::Submitted).count();
            if family.status != FamilyStatus::Active {
                assert!(
                    case.closing.is_some() && made >= 1,
                    "{}: closed with a reason after a final evaluation",
                    family.name
                );
                assert!(case.evaluations.last().unwrap().evaluation.is_final);
            }
        }
        assert!(revised >= 8, "plans are revised about every six months: {revised}");
        assert!(
            statuses[&ActionStatus::Done] > statuses.get(&ActionStatus::Planned).copied().unwrap_or(0),
            "{statuses:?}"
        );
        assert!(statuses.get(&ActionStatus::Abandoned).copied().unwrap_or(0) >= 1, "{statuses:?}");
    }
}
