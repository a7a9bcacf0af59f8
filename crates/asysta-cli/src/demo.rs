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

/// Families are added to the log in batches of this size.
const DEMO_BATCH: usize = 500;

/// The synthetic assistants' names (a centre demo takes the first N,
/// numbering them beyond the list).
const ASSISTANTS: &[&str] =
    &["Anna Kowalczyk", "Ewa Zielińska", "Katarzyna Wójcik", "Magdalena Lewandowska", "Joanna Dąbrowska"];

/// Fills `store` with `families` synthetic cases: up to the caseload cap
/// active, the rest past cases; each with a plan and two years of visits.
pub fn fill(store: &mut Store, families: usize, seed: u64, today: chrono::NaiveDate) -> Result<(), StoreError> {
    let active = store.list_families_with_status(Some(FamilyStatus::Active))?.len();
    let room = (store.settings()?.caseload_cap as usize).saturating_sub(active);
    let all: Vec<NewCase> = asysta_core::demo::cases(seed, families, today)
        .into_iter()
        .enumerate()
        .map(|(i, c)| NewCase {
            family: c.family,
            status: asysta_core::demo::status_for(i, room),
            members: c.members,
            details: Some(c.details),
        })
        .collect();
    let mut rng = asysta_core::demo::DemoRng::new(seed ^ 0x0D1A_2B3C);
    for batch in all.chunks(DEMO_BATCH) {
        for family_id in store.add_cases(batch)? {
            add_history(store, &mut rng, family_id, today)?;
        }
    }
    Ok(())
}

/// A first plan and about two years of visits for one demo family.
fn add_history(
    store: &mut Store,
    rng: &mut asysta_core::demo::DemoRng,
    family_id: EntityId,
    today: chrono::NaiveDate,
) -> Result<(), StoreError> {
    let members: Vec<EntityId> = store.family_case(family_id)?.members.iter().map(|m| m.id).collect();
    let start = today - chrono::Duration::days(730);
    // Ids come from the store's randomness; the first failure to draw one
    // fails the whole family (the ids drawn after it are never used).
    let mut failure = None;
    let mut new_id = || {
        store.new_id().unwrap_or_else(|e| {
            failure.get_or_insert(e);
            EntityId::new_v7(0, [0; 10])
        })
    };
    let plan = asysta_core::demo::plan(rng, &members, start, &mut new_id);
    if let Some(e) = failure {
        return Err(e);
    }
    let visits = asysta_core::demo::visits(rng, &members, &plan, today);
    store.add_plan_and_visits(family_id, plan, visits)
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
