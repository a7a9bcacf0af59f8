//! `asysta demo`: realistic synthetic data. On a laptop it fills the
//! workspace; at a centre it makes synthetic assistants' laptops, enrols
//! them, and plays the centre's steering with them, bundles going both
//! ways ([`steering`]), so the centre side can be tried in one command.

mod steering;

use crate::commands::describe;
use asysta_core::api::ApiError;
use asysta_core::record::FamilyStatus;
use asysta_core::EntityId;
use asysta_i18n::Translator;
use asysta_store::{NewCase, Store, StoreError};

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
    let active = store.list_families_with_status(Some(FamilyStatus::Active))?.len();
    let room = (store.settings()?.caseload_cap as usize).saturating_sub(active);
    fill_within(store, families, room, seed, today)
}

/// [`fill`] with at most `room` active families (the rest past cases).
fn fill_within(
    store: &mut Store,
    families: usize,
    room: usize,
    seed: u64,
    today: chrono::NaiveDate,
) -> Result<(), StoreError> {
    use asysta_core::demo::story;
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

/// At a centre: `n` synthetic laptops, each enrolled with the centre and
/// filled with `families` cases, and the centre's steering played with
/// them ([`steering::Story::play`]); every bundle the centre imports is reported.
/// The laptops live in a temporary folder that is removed afterwards.
pub fn centre(
    centre: &mut Store,
    n: usize,
    families: usize,
    seed: u64,
    today: chrono::NaiveDate,
    t: &Translator,
    out: &mut String,
) -> Result<(), String> {
    let scratch = std::env::temp_dir().join(format!("asysta-demo-{}-{seed}", std::process::id()));
    let _cleanup = RemoveOnDrop(scratch.clone());
    let story = steering::Story { laptops: n, families, seed, today };
    story
        .play(centre, &scratch, &mut |report| crate::exchange::print_report(out, report, t))
        .map_err(|e| describe(&ApiError::from(e), t))?;
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
    use asysta_core::workspace::{Role, WorkspaceInfo};
    use asysta_store::{KdfParams, Passphrase, SystemEnvironment};

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
