//! Store tests on real SQLCipher files in temporary folders.

use crate::environment::Environment;
use crate::keyfile::KdfParams;
use crate::migrations::{self, LATEST_VERSION};
use crate::{Passphrase, Result, Store, StoreError, WorkspacePaths};
use asysta_core::family::{validate_new_family, NewFamilyForm};
use asysta_core::workspace::Role;
use asysta_core::workspace::WorkspaceInfo;
use asysta_core::{Change, EntityType};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A pinned clock and a deterministic byte stream.
pub(crate) struct TestEnvironment {
    now: std::cell::Cell<u64>,
    state: u64,
}

impl TestEnvironment {
    pub(crate) fn new(seed: u64) -> Box<TestEnvironment> {
        Self::at(seed, 1_764_000_000_000)
    }

    /// A clock starting at `now_ms` (a test moves a store's clock on by
    /// replacing its environment).
    pub(crate) fn at(seed: u64, now_ms: u64) -> Box<TestEnvironment> {
        Box::new(TestEnvironment { now: std::cell::Cell::new(now_ms), state: seed | 1 })
    }
}

// Cell is not Sync, but the store only needs Send.
impl Environment for TestEnvironment {
    fn now_ms(&self) -> u64 {
        let now = self.now.get();
        self.now.set(now + 1);
        now
    }

    fn fill_random(&mut self, buf: &mut [u8]) -> Result<()> {
        for b in buf {
            self.state ^= self.state << 13;
            self.state ^= self.state >> 7;
            self.state ^= self.state << 17;
            *b = self.state as u8;
        }
        Ok(())
    }
}

pub(crate) const PASS: &str = "zielony rower 2025";

fn info() -> WorkspaceInfo {
    WorkspaceInfo {
        assistant_name: "Anna Łęcka".into(),
        centre_name: "MOPS Łódź".into(),
        role: asysta_core::workspace::Role::Assistant,
    }
}

fn create(dir: &Path) -> Store {
    create_seeded(dir, 7)
}

pub(crate) fn create_seeded(dir: &Path, seed: u64) -> Store {
    Store::create(dir, &info(), &Passphrase::new(PASS), KdfParams::INSECURE_FOR_TESTS, TestEnvironment::new(seed))
        .unwrap()
}

/// A change only the centre may make, reaching `laptop` as a bundle would
/// bring it: the centre beside the laptop's data folder (created on first
/// use, the same one afterwards) makes it, and the laptop takes in the
/// centre's events.
pub(crate) fn from_the_centre<T>(laptop: &mut Store, change: impl FnOnce(&mut Store) -> T) -> T {
    let dir = laptop.paths().data_dir.with_extension("centre");
    let mut centre = if dir.exists() {
        open(&dir, PASS).unwrap()
    } else {
        let info = WorkspaceInfo { assistant_name: "Maria Zięba".into(), role: Role::Centre, ..info() };
        Store::create(&dir, &info, &Passphrase::new(PASS), KdfParams::INSECURE_FOR_TESTS, TestEnvironment::new(99))
            .unwrap()
    };
    let out = change(&mut centre);
    let events = centre.events_missing_from(&laptop.high_water_marks().unwrap()).unwrap();
    laptop.ingest(events.into_iter().filter(|e| e.device_id == centre.device_id()).collect()).unwrap();
    out
}

pub(crate) fn open(dir: &Path, pass: &str) -> Result<Store> {
    Store::open(dir, &Passphrase::new(pass), TestEnvironment::new(9))
}

pub(crate) fn family(name: &str, first: &str) -> asysta_core::family::NewFamily {
    validate_new_family(&NewFamilyForm {
        name: name.into(),
        address: format!("ul. Ogrodowa 1, {name}owo"),
        first_member_first_name: first.into(),
        first_member_last_name: String::new(),
    })
    .unwrap()
}

/// Every file of the workspace folder with its bytes.
pub(crate) fn snapshot_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(WorkspacePaths::new(dir).workspace_dir).unwrap() {
        let path = entry.unwrap().path();
        out.insert(path.clone(), std::fs::read(&path).unwrap());
    }
    out
}

/// Every row of every projection table, as text.
pub(crate) fn projection_state(store: &Store) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for table in crate::projection::PROJECTION_TABLES {
        let mut stmt = store.conn.prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2")).unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |row| {
                (0..columns)
                    .map(|i| row.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}")))
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .unwrap();
        for row in rows {
            let mut row = row.unwrap();
            row.insert(0, table.to_string());
            out.push(row);
        }
    }
    out
}

#[test]
fn a_created_workspace_reopens_with_its_families() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path());
    store.add_family(&family("Żak", "Jan")).unwrap();
    drop(store);
    let store = open(dir.path(), PASS).unwrap();
    assert_eq!(store.info().unwrap(), info());
    let families = store.list_families().unwrap();
    assert_eq!(families.len(), 1);
    assert_eq!(families[0].name, "Żak");
    assert_eq!(families[0].member_count, 1);
    store.check_integrity().unwrap();
}

#[test]
fn the_database_file_is_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path());
    store.add_family(&family("Szczepańska", "Wiktoria")).unwrap();
    let paths = store.paths().clone();
    drop(store);
    let bytes = std::fs::read(&paths.database).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3"), "the header is plaintext");
    let needle = "Szczepańska".as_bytes();
    assert!(!bytes.windows(needle.len()).any(|w| w == needle), "a name is readable in the file");
    let key = std::fs::read_to_string(&paths.key_file).unwrap();
    assert!(!key.contains("Szczepańska"));
}

#[test]
fn a_wrong_passphrase_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    drop(create(dir.path()));
    let before = snapshot_files(dir.path());
    let err = open(dir.path(), "inne hasło 2025").unwrap_err();
    assert!(matches!(err, StoreError::WrongPassphrase), "{err:?}");
    assert_eq!(snapshot_files(dir.path()), before);
}

#[test]
fn a_missing_key_file_is_reported_and_the_database_kept() {
    let dir = tempfile::tempdir().unwrap();
    let paths = create(dir.path()).paths().clone();
    std::fs::remove_file(&paths.key_file).unwrap();
    let before = snapshot_files(dir.path());
    assert!(matches!(open(dir.path(), PASS), Err(StoreError::KeyFileMissing(_))));
    assert_eq!(snapshot_files(dir.path()), before);
    // Creating a workspace over the orphaned database is refused too.
    let err = Store::create(
        dir.path(),
        &info(),
        &Passphrase::new(PASS),
        KdfParams::INSECURE_FOR_TESTS,
        TestEnvironment::new(1),
    )
    .unwrap_err();
    assert!(matches!(err, StoreError::WorkspaceExists(_)), "{err:?}");
    assert_eq!(snapshot_files(dir.path()), before);
}

#[test]
fn a_damaged_key_file_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let paths = create(dir.path()).paths().clone();
    std::fs::write(&paths.key_file, b"{\"format\": \"asysta-key\", trunc").unwrap();
    let before = snapshot_files(dir.path());
    assert!(matches!(open(dir.path(), PASS), Err(StoreError::KeyFileDamaged { .. })));
    assert_eq!(snapshot_files(dir.path()), before);
}

#[test]
fn a_missing_database_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let paths = create(dir.path()).paths().clone();
    std::fs::remove_file(&paths.database).unwrap();
    assert!(matches!(open(dir.path(), PASS), Err(StoreError::DatabaseMissing(_))));
}

#[test]
fn a_damaged_database_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let paths = create(dir.path()).paths().clone();
    let mut bytes = std::fs::read(&paths.database).unwrap();
    for b in &mut bytes[..1024] {
        *b ^= 0x5a;
    }
    std::fs::write(&paths.database, &bytes).unwrap();
    let before = snapshot_files(dir.path());
    let err = open(dir.path(), PASS).unwrap_err();
    assert!(matches!(err, StoreError::DatabaseDamaged(_)), "{err:?}");
    assert_eq!(snapshot_files(dir.path()), before);
}

#[test]
fn a_key_file_from_another_workspace_is_reported_as_a_mismatch() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let pa = create(a.path()).paths().clone();
    let pb = create_seeded(b.path(), 8).paths().clone();
    std::fs::copy(&pb.key_file, &pa.key_file).unwrap();
    let err = open(a.path(), PASS).unwrap_err();
    assert!(matches!(err, StoreError::DatabaseDamaged(_)), "{err:?}");
}

#[test]
fn a_database_from_a_newer_app_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let store = create(dir.path());
    store.conn.pragma_update(None, "user_version", LATEST_VERSION + 1).unwrap();
    drop(store);
    let before = snapshot_files(dir.path());
    let err = open(dir.path(), PASS).unwrap_err();
    assert!(
        matches!(err, StoreError::DatabaseTooNew { found, supported } if found == LATEST_VERSION + 1 && supported == LATEST_VERSION),
        "{err:?}"
    );
    assert_eq!(snapshot_files(dir.path()), before);
}

#[test]
fn creating_over_an_existing_workspace_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path());
    store.add_family(&family("Nowak", "Ewa")).unwrap();
    drop(store);
    let before = snapshot_files(dir.path());
    let err = Store::create(
        dir.path(),
        &info(),
        &Passphrase::new("inne hasło 2025"),
        KdfParams::INSECURE_FOR_TESTS,
        TestEnvironment::new(3),
    )
    .unwrap_err();
    assert!(matches!(err, StoreError::WorkspaceExists(_)));
    assert_eq!(snapshot_files(dir.path()), before);
    assert_eq!(open(dir.path(), PASS).unwrap().list_families().unwrap().len(), 1);
}

#[test]
fn a_failed_create_leaves_no_staging_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    // A file where the workspace folder should go makes the final rename fail.
    std::fs::write(data.join("workspace"), b"not a folder").unwrap();
    assert!(Store::create(
        &data,
        &info(),
        &Passphrase::new(PASS),
        KdfParams::INSECURE_FOR_TESTS,
        TestEnvironment::new(3)
    )
    .is_err());
    let names: Vec<_> = std::fs::read_dir(&data).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["workspace"]);
}

#[test]
fn the_passphrase_changes_without_touching_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let paths = create(dir.path()).paths().clone();
    let db_before = std::fs::read(&paths.database).unwrap();
    let new = "nowe długie hasło 7";
    Store::change_passphrase(
        dir.path(),
        &Passphrase::new(PASS),
        &Passphrase::new(new),
        KdfParams::INSECURE_FOR_TESTS,
        &mut *TestEnvironment::new(5),
    )
    .unwrap();
    assert_eq!(std::fs::read(&paths.database).unwrap(), db_before);
    assert!(matches!(open(dir.path(), PASS), Err(StoreError::WrongPassphrase)));
    assert_eq!(open(dir.path(), new).unwrap().info().unwrap(), info());
    let wrong = Store::change_passphrase(
        dir.path(),
        &Passphrase::new(PASS),
        &Passphrase::new(new),
        KdfParams::INSECURE_FOR_TESTS,
        &mut *TestEnvironment::new(5),
    );
    assert!(matches!(wrong, Err(StoreError::WrongPassphrase)));
}

#[test]
fn families_are_listed_in_polish_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path());
    for name in ["Żak", "Zając", "Łukasiewicz", "Lis", "Śliwa", "Sowa", "Adamczyk", "ądel"] {
        store.add_family(&family(name, "Ola")).unwrap();
    }
    let names: Vec<_> = store.list_families().unwrap().into_iter().map(|f| f.name).collect();
    assert_eq!(names, ["Adamczyk", "ądel", "Lis", "Łukasiewicz", "Sowa", "Śliwa", "Zając", "Żak"]);
}

#[test]
fn every_change_is_an_event_with_gap_free_sequence_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path());
    store.add_family(&family("Kowalscy", "Jan")).unwrap();
    store.add_family(&family("Nowakowie", "Ewa")).unwrap();
    let events = store.all_events().unwrap();
    let kinds: Vec<_> = events.iter().map(|e| e.change.kind()).collect();
    assert_eq!(kinds, ["workspace.created", "family.created", "member.added", "family.created", "member.added"]);
    let seqs: Vec<_> = events.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [1, 2, 3, 4, 5]);
    assert!(events.iter().all(|e| e.device_id == store.device_id()));
    assert!(events.windows(2).all(|w| w[0].hlc < w[1].hlc), "HLC timestamps must increase");
    assert!(events.iter().all(|e| e.author.name == "Anna Łęcka"));
    assert!(events.iter().all(|e| e.event_id.0.get_version_num() == 7 && e.entity_id.0.get_version_num() == 7));
    assert_eq!(store.clock().unwrap(), events.last().unwrap().hlc);
}

#[test]
fn the_log_refuses_updates_deletes_and_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let store = create(dir.path());
    let update = store.conn.execute("UPDATE events SET author_name = 'x'", []);
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = store.conn.execute("DELETE FROM events", []);
    assert!(delete.unwrap_err().to_string().contains("append-only"));
    let gap = store.conn.execute(
        "INSERT INTO events (device_id, seq, event_id, entity_type, entity_id, base_rev, hlc_wall_ms, hlc_counter, \
         schema_version, author_id, author_name, kind, change_json) SELECT device_id, seq + 5, event_id || 'x', \
         entity_type, entity_id, base_rev, hlc_wall_ms, hlc_counter, schema_version, author_id, author_name, kind, \
         change_json FROM events",
        [],
    );
    assert!(gap.unwrap_err().to_string().contains("gap-free"));
}

#[test]
fn history_shows_the_events_of_one_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path());
    let id = store.add_family(&family("Wiśniewscy", "Zofia")).unwrap();
    store
        .commit_changes(vec![crate::log::PendingChange {
            entity_id: id,
            base_rev: 1,
            change: Change::FamilyUpdated { name: None, address: Some("ul. Nowa 5".into()) },
        }])
        .unwrap();
    let history = store.history(id).unwrap();
    let kinds: Vec<_> = history.iter().map(|e| e.change.kind()).collect();
    assert_eq!(kinds, ["family.created", "family.updated"]);
    assert_eq!(history[1].base_rev, 1);
    assert_eq!(store.list_families().unwrap()[0].rev, 2);
    assert_eq!(store.list_families().unwrap()[0].address, "ul. Nowa 5");
    let missing = asysta_core::EntityId(uuid::Uuid::from_u128(5));
    assert!(matches!(store.history(missing), Err(StoreError::NotFound(_))));
}

#[test]
fn rebuilding_the_projections_gives_the_same_state() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path());
    let mut ids = Vec::new();
    for (i, name) in ["Kamińscy", "Lewandowscy", "Zielińscy", "Szymańscy"].iter().enumerate() {
        ids.push(store.add_family(&family(name, &format!("Osoba{i}"))).unwrap());
    }
    store
        .commit_changes(vec![
            crate::log::PendingChange {
                entity_id: ids[0],
                base_rev: 1,
                change: Change::FamilyUpdated { name: Some("Kamińscy-Nowak".into()), address: None },
            },
            crate::log::PendingChange { entity_id: ids[1], base_rev: 1, change: Change::FamilyDeleted {} },
        ])
        .unwrap();
    let before = projection_state(&store);
    assert!(before.len() > 8);
    store.rebuild_projections().unwrap();
    assert_eq!(projection_state(&store), before);
    assert_eq!(store.list_families().unwrap().len(), 3, "the tombstoned family stays hidden");
}

#[test]
fn stats_count_entities_and_events_per_device() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path());
    store.add_family(&family("Kowalscy", "Jan")).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.entities[EntityType::Family.as_str()], 1);
    assert_eq!(stats.entities[EntityType::Member.as_str()], 1);
    assert_eq!(stats.entities[EntityType::Workspace.as_str()], 1);
    assert_eq!(stats.events.total, 3);
    assert_eq!(stats.events.per_device[&store.device_id().to_string()], 3);
}

#[test]
fn migrations_upgrade_a_database_from_the_first_schema() {
    let dir = tempfile::tempdir().unwrap();
    let store = create(dir.path());
    let key = crate::keyfile::KeyFile::read(&store.paths().key_file).unwrap().open(&Passphrase::new(PASS)).unwrap();
    let db = dir.path().join("v1.db");
    let mut conn = crate::connection::open_encrypted(&db, &key, true).unwrap();
    migrations::migrate_to(&mut conn, 1).unwrap();
    conn.execute("INSERT INTO families (id, name, address, rev, created_at_ms, updated_at_ms) VALUES ('f', 'Nowak', 'ul. A', 1, 0, 0)", [])
        .unwrap();
    migrations::migrate_to(&mut conn, LATEST_VERSION).unwrap();
    assert_eq!(migrations::user_version(&conn).unwrap(), LATEST_VERSION);
    let name: String = conn.query_row("SELECT name FROM families WHERE id = 'f'", [], |r| r.get(0)).unwrap();
    assert_eq!(name, "Nowak");
}

#[test]
fn a_failing_migration_rolls_back_and_keeps_the_old_version() {
    let dir = tempfile::tempdir().unwrap();
    let store = create(dir.path());
    let key = crate::keyfile::KeyFile::read(&store.paths().key_file).unwrap().open(&Passphrase::new(PASS)).unwrap();
    let mut conn = crate::connection::open_encrypted(&dir.path().join("m.db"), &key, true).unwrap();
    let broken = [migrations::MIGRATIONS[0], "CREATE TABLE extra (x INTEGER); SELECT no_such_function();"];
    assert!(migrations::apply_migrations(&mut conn, &broken, 2).is_err());
    assert_eq!(migrations::user_version(&conn).unwrap(), 1);
    let extra: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'extra'", [], |r| r.get(0)).unwrap();
    assert_eq!(extra, 0, "the failed step's table must be rolled back");
}

/// The child half of the crash test: runs only when the parent sets the
/// variable, and dies by `abort()` in the middle of a write.
#[test]
fn crash_child() {
    let Some(dir) = std::env::var_os("ASYSTA_CRASH_CHILD_DIR") else {
        return;
    };
    let mut store = open(Path::new(&dir), PASS).unwrap();
    crate::log::CRASH_AFTER_EVENT_INSERT.with(|c| c.set(true));
    let _ = store.add_family(&family("Przerwani", "Ala"));
    unreachable!("the write should have aborted the process");
}

#[test]
fn a_crash_in_the_middle_of_a_write_leaves_the_database_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path());
    store.add_family(&family("Przed", "Ola")).unwrap();
    let before_events = store.all_events().unwrap();
    let before_state = projection_state(&store);
    drop(store);

    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "tests::crash_child", "--nocapture", "--test-threads=1"])
        .env("ASYSTA_CRASH_CHILD_DIR", dir.path())
        .stderr(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(!status.success(), "the child must have crashed");

    let mut store = open(dir.path(), PASS).unwrap();
    store.check_integrity().unwrap();
    assert_eq!(store.all_events().unwrap(), before_events, "no half-written event survives");
    assert_eq!(projection_state(&store), before_state);
    // The device's sequence continues without a gap.
    store.add_family(&family("Po", "Ela")).unwrap();
    let seqs: Vec<_> = store.all_events().unwrap().iter().map(|e| e.seq).collect();
    assert_eq!(seqs, (1..=seqs.len() as u64).collect::<Vec<_>>());
    store.rebuild_projections().unwrap();
    assert_eq!(store.list_families().unwrap().len(), 2);
}

#[test]
fn the_sixteenth_active_family_is_refused_and_nothing_is_written() {
    use asysta_core::record::{CaseloadCheck, FamilyStatus};
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path());
    let mut ids = Vec::new();
    for i in 0..15 {
        ids.push(store.add_family(&family(&format!("Rodzina{i}"), "Jan")).unwrap());
        if i == 13 {
            assert_eq!(store.caseload().unwrap(), CaseloadCheck::Warn { active: 14, cap: 15 });
        }
    }
    assert_eq!(store.caseload().unwrap(), CaseloadCheck::Warn { active: 15, cap: 15 });
    let events_before = store.all_events().unwrap().len();
    let err = store.add_family(&family("Szesnasta", "Ala")).unwrap_err();
    assert!(matches!(err, StoreError::CaseloadFull { active: 15, cap: 15 }), "{err:?}");
    assert_eq!(store.all_events().unwrap().len(), events_before, "the refused family left no event");
    assert_eq!(store.list_families().unwrap().len(), 15);

    // Closing one makes room; re-activating it while full is refused.
    crate::cases::tests::close(&mut store, ids[0], chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    store.add_family(&family("Szesnasta", "Ala")).unwrap();
    let err = store.change_status(ids[0], FamilyStatus::Active, "", None).unwrap_err();
    assert!(matches!(err, StoreError::CaseloadFull { .. }), "{err:?}");

    // The centre can lower the cap, never raise it above the law's 15; the
    // setting is an event like any other.
    let err = from_the_centre(&mut store, |c| c.set_settings(crate::Settings { caseload_cap: 16, no_visit_days: 14 }))
        .unwrap_err();
    assert!(matches!(&err, StoreError::Invalid(f) if f[0].field == "caseload_cap"), "{err:?}");
    from_the_centre(&mut store, |c| c.set_settings(crate::Settings { caseload_cap: 12, no_visit_days: 14 })).unwrap();
    crate::cases::tests::close(&mut store, ids[1], chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let err = store.change_status(ids[0], FamilyStatus::Active, "", None).unwrap_err();
    assert!(matches!(err, StoreError::CaseloadFull { cap: 12, .. }), "{err:?}");
    assert_eq!(store.caseload().unwrap(), CaseloadCheck::Refused { active: 14, cap: 12 });
}

#[test]
fn status_changes_follow_the_course_of_the_work() {
    use asysta_core::record::FamilyStatus;
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path());
    let id = store.add_family(&family("Nowak", "Ewa")).unwrap();
    let err = store.change_status(id, FamilyStatus::Archived, "", None).unwrap_err();
    assert!(matches!(err, StoreError::StatusChange { .. }), "{err:?}");
    let err = store.change_status(id, FamilyStatus::Closed, "przeprowadzka", None).unwrap_err();
    assert!(matches!(err, StoreError::StatusChange { .. }), "closing has its own form: {err:?}");
    assert_eq!(store.history(id).unwrap().len(), 1, "a refused change writes nothing");
    crate::cases::tests::close(&mut store, id, chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    store.change_status(id, FamilyStatus::Monitoring, "", None).unwrap();
    let listed = store.list_families_with_status(Some(FamilyStatus::Monitoring)).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].status, FamilyStatus::Monitoring);
    assert!(store.list_families_with_status(Some(FamilyStatus::Active)).unwrap().is_empty());
    let kinds: Vec<_> = store.history(id).unwrap().iter().map(|e| (e.change.kind(), e.base_rev)).collect();
    assert_eq!(
        kinds,
        [("family.created", 0), ("family.status_changed", 1), ("family.status_changed", 2)],
        "each change is based on the revision before it"
    );
    let missing = asysta_core::EntityId(uuid::Uuid::from_u128(77));
    assert!(matches!(store.change_status(missing, FamilyStatus::Closed, "", None), Err(StoreError::NotFound(_))));
}

#[test]
fn case_details_notes_and_settings_survive_a_rebuild() {
    use asysta_core::record::{CaseDetails, Contact, NiebieskaKarta, WorkBasis};
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path());
    let id = store.add_family(&family("Kowalczyk", "Iga")).unwrap();
    let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let details = CaseDetails {
        phones: vec!["600 100 200".into()],
        social_worker: Some(Contact { name: "Ewa Sowa".into(), phone: "42 600 00 00".into(), email: String::new() }),
        basis: Some(WorkBasis::CourtOrder {
            court: "Sąd Rejonowy w Łęczycy".into(),
            case_signature: "III Nsm 123/25".into(),
            order_date: date("2025-10-01"),
        }),
        start_date: Some(date("2025-10-15")),
        niebieska_karta: Some(NiebieskaKarta { started_on: date("2025-09-01"), team_contact: "ZI Łęczyca".into() }),
        ..Default::default()
    };
    store.set_case_details(id, details.clone()).unwrap();
    store.add_note(id, "Wizyta u pediatry umówiona.", false).unwrap();
    store.add_note(id, "Informacja od zespołu interdyscyplinarnego.", true).unwrap();
    assert!(matches!(store.add_note(id, "  ", false), Err(StoreError::Invalid(_))));
    from_the_centre(&mut store, |c| c.set_settings(crate::Settings { caseload_cap: 12, no_visit_days: 21 })).unwrap();

    let before = projection_state(&store);
    store.rebuild_projections().unwrap();
    assert_eq!(projection_state(&store), before);
    assert_eq!(store.settings().unwrap(), crate::Settings { caseload_cap: 12, no_visit_days: 21 });
    let json: String = store
        .conn
        .query_row("SELECT details_json FROM families WHERE id = ?1", [id.to_string()], |r| r.get(0))
        .unwrap();
    assert_eq!(serde_json::from_str::<CaseDetails>(&json).unwrap(), details);
    assert_eq!(store.stats().unwrap().entities["note"], 2);
}

fn member(first: &str, last: &str, pesel: Option<&str>) -> asysta_core::member::MemberDetails {
    let pesel = pesel.map(|p| asysta_core::Pesel::parse(p).unwrap());
    asysta_core::member::MemberDetails {
        birth_date: pesel.as_ref().map(|p| p.birth_date()),
        sex: pesel.as_ref().map(|p| p.sex()),
        relation: asysta_core::member::Relation::Parent,
        pesel,
        ..asysta_core::member::MemberDetails::named(first, last)
    }
}

#[test]
fn members_with_pesel_are_kept_and_duplicates_found() {
    use asysta_core::member::DuplicateReason;
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path());
    let a = store.add_family(&family("Żółć", "Jan")).unwrap();
    let b = store.add_family(&family("Nowak", "Ewa")).unwrap();
    let grandpa = store.add_member(a, member("Józef", "Żółć", Some("44051401359"))).unwrap();

    let same_pesel = member("Jozef", "Zolc", Some("44051401359"));
    let found = store.find_duplicates(&same_pesel, None).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].member_id, found[0].reason), (grandpa, DuplicateReason::SamePesel));
    assert_eq!(found[0].family_name, "Żółć");
    let same_name_and_date = asysta_core::member::MemberDetails {
        birth_date: Some(chrono::NaiveDate::from_ymd_opt(1944, 5, 14).unwrap()),
        ..asysta_core::member::MemberDetails::named("JÓZEF", "zolc")
    };
    assert_eq!(
        store.find_duplicates(&same_name_and_date, None).unwrap()[0].reason,
        DuplicateReason::SameNameAndBirthDate
    );
    assert!(store.find_duplicates(&same_pesel, Some(grandpa)).unwrap().is_empty(), "editing is not a duplicate");

    let mut corrected = member("Józef", "Żółć-Nowak", Some("44051401359"));
    corrected.relation = asysta_core::member::Relation::Grandparent;
    store.update_member(grandpa, corrected.clone()).unwrap();
    let case = store.family_case(a).unwrap();
    assert_eq!(case.members.len(), 2);
    let kept = case.members.iter().find(|m| m.id == grandpa).unwrap();
    assert_eq!(kept.details, corrected);
    assert_eq!(kept.rev, 2);
    assert_eq!(store.family_case(b).unwrap().members.len(), 1);

    let before = projection_state(&store);
    store.rebuild_projections().unwrap();
    assert_eq!(projection_state(&store), before);
}

#[test]
fn search_is_diacritic_insensitive_over_names_pesel_and_address() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path());
    let zolc = store.add_family(&family("Żółć", "Łucja")).unwrap();
    store.add_member(zolc, member("Józef", "Wiśniewski", Some("44051401359"))).unwrap();
    store.add_family(&family("Nowak", "Ewa")).unwrap();
    let names = |q: &str| store.search_families(q).unwrap().into_iter().map(|f| f.name).collect::<Vec<_>>();
    assert_eq!(names("zolc"), ["Żółć"]);
    assert_eq!(names("LUCJA"), ["Żółć"]);
    assert_eq!(names("wisniewski jozef"), ["Żółć"]);
    assert_eq!(names("440514"), ["Żółć"]);
    assert_eq!(names("ogrodowa nowak"), ["Nowak"], "address and name together");
    assert_eq!(names(""), ["Nowak", "Żółć"]);
    assert!(names("kowalski").is_empty());
}

mod plan_and_visits {
    use super::*;
    use asysta_core::alerts::Alert;
    use asysta_core::plan::{ActionStatus, Actor, NewPlanVersion, PlanAction, PlanGoal, ProgressNote};
    use asysta_core::visit::{ActionWorked, ContactForm, Place, Visit, VisitDraft, VisitForm};
    use asysta_core::EntityId;
    use chrono::{NaiveDate, NaiveTime};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn id(n: u128) -> EntityId {
        EntityId(uuid::Uuid::from_u128(n))
    }

    fn plan(deadline: &str, status: ActionStatus) -> NewPlanVersion {
        NewPlanVersion {
            agreed_with_family_on: Some(d("2026-09-01")),
            consultation: None,
            goals: vec![PlanGoal {
                id: id(1),
                area: "budget_debts".into(),
                goal: "Spłata zaległości czynszowych".into(),
                actions: vec![PlanAction {
                    id: id(2),
                    what: "Wniosek o rozłożenie długu na raty".into(),
                    who: Actor::Assistant,
                    deadline: Some(d(deadline)),
                    expected_effect: "Ugoda ze spółdzielnią".into(),
                    status,
                }],
            }],
        }
    }

    fn visit(date: &str, worked: Option<ActionStatus>) -> Visit {
        Visit {
            date: d(date),
            start: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(11, 30, 0).unwrap(),
            place: Place::Home,
            form: ContactForm::HomeVisit,
            participants: Vec::new(),
            other_participants: String::new(),
            areas: vec!["budget_debts".into()],
            actions_worked: worked
                .map(|status| {
                    vec![ActionWorked { action_id: id(2), note: "Omówiono wniosek".into(), status: Some(status) }]
                })
                .unwrap_or_default(),
            notes: "Rodzina w domu, rozmowa o budżecie.".into(),
            next_planned: Some(d("2026-11-30")),
            intervention: None,
            planned: None,
            purpose: None,
            travel: None,
        }
    }

    #[test]
    fn plan_versions_stay_readable_and_progress_is_collected() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = create(dir.path());
        let family_id = store.add_family(&family("Kowalczyk", "Iga")).unwrap();
        assert_eq!(store.save_plan_version(family_id, plan("2026-10-31", ActionStatus::Planned)).unwrap(), 1);
        assert_eq!(store.save_plan_version(family_id, plan("2026-12-31", ActionStatus::InProgress)).unwrap(), 2);
        store
            .add_progress_note(
                family_id,
                ProgressNote {
                    action_id: id(2),
                    date: d("2026-10-05"),
                    note: "Zebrano dokumenty".into(),
                    status: None,
                },
            )
            .unwrap();
        store.record_visit(family_id, visit("2026-11-16", Some(ActionStatus::Done))).unwrap();

        let case = store.family_case(family_id).unwrap();
        assert_eq!(case.plan_versions.iter().map(|v| v.number).collect::<Vec<_>>(), [1, 2]);
        let diff = asysta_core::plan::diff(&case.plan_versions[0], &case.plan_versions[1]);
        assert!(!diff.is_empty(), "the deadline and status changed between versions");
        let notes: Vec<_> = case.progress_notes.iter().map(|n| (n.date, n.status)).collect();
        assert_eq!(notes, [(d("2026-10-05"), None), (d("2026-11-16"), Some(ActionStatus::Done))]);
        let status = asysta_core::plan::current_status(&case.plan_versions[1], &case.progress_notes);
        assert_eq!(status[&id(2)], ActionStatus::Done);

        let kinds: Vec<_> = store.all_events().unwrap().iter().map(|e| e.change.kind()).collect();
        assert!(kinds.ends_with(&[
            "plan.version_saved",
            "plan.version_saved",
            "plan.progress_noted",
            "visit.recorded"
        ]));
        let before = projection_state(&store);
        store.rebuild_projections().unwrap();
        assert_eq!(projection_state(&store), before);
        assert_eq!(store.stats().unwrap().entities["plan_version"], 2);
    }

    #[test]
    fn a_draft_survives_a_restart_and_is_cleared_by_the_visit() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = create(dir.path());
        let family_id = store.add_family(&family("Nowak", "Ewa")).unwrap();
        let form =
            VisitForm { date: "2026-11-23".into(), notes: "Mama opowiada o szkole, syn".into(), ..Default::default() };
        store.save_draft(&VisitDraft { family_id, form: form.clone(), saved_at_ms: 1 }).unwrap();
        let longer = VisitForm { notes: format!("{} ma kłopoty z matematyką.", form.notes), ..form };
        store.save_draft(&VisitDraft { family_id, form: longer.clone(), saved_at_ms: 2 }).unwrap();
        drop(store);

        let mut store = open(dir.path(), PASS).unwrap();
        let drafts = store.drafts().unwrap();
        assert_eq!(drafts.len(), 1, "one draft a family, the latest");
        assert_eq!(drafts[0].draft.form, longer);
        assert_eq!(drafts[0].family_name, "Nowak", "a draft comes with its family's name");
        let events = store.all_events().unwrap().len();
        store.rebuild_projections().unwrap();
        assert_eq!(store.drafts().unwrap().len(), 1, "a rebuild keeps local drafts");
        store.record_visit(family_id, visit("2026-11-23", None)).unwrap();
        assert!(store.drafts().unwrap().is_empty());
        assert_eq!(store.all_events().unwrap().len(), events + 1, "drafts are not events");
    }

    #[test]
    fn a_visit_is_corrected_by_its_own_family_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = create(dir.path());
        let family_id = store.add_family(&family("Lis", "Ala")).unwrap();
        let other = store.add_family(&family("Żak", "Ola")).unwrap();
        let visit_id = store.record_visit(family_id, visit("2026-11-20", None)).unwrap();
        let corrected =
            Visit { notes: "Rodzina w domu; rozmowa o budżecie i szkole.".into(), ..visit("2026-11-20", None) };
        let err = store.update_visit(other, visit_id, corrected.clone()).unwrap_err();
        assert!(matches!(err, StoreError::NotFound(_)), "{err:?}");
        store.update_visit(family_id, visit_id, corrected.clone()).unwrap();
        let case = store.family_case(family_id).unwrap();
        assert_eq!((case.visits.len(), &case.visits[0].visit, case.visits[0].rev), (1, &corrected, 2));
        let kinds: Vec<_> = store.history(visit_id).unwrap().iter().map(|e| (e.change.kind(), e.base_rev)).collect();
        assert_eq!(kinds, [("visit.recorded", 0), ("visit.updated", 1)], "the first wording stays in the log");
    }

    #[test]
    fn alerts_and_planned_visits_follow_the_diary() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = create(dir.path());
        let visited = store.add_family(&family("Lis", "Ala")).unwrap();
        let never = store.add_family(&family("Żak", "Ola")).unwrap();
        store.save_plan_version(visited, plan("2026-11-01", ActionStatus::InProgress)).unwrap();
        store.record_visit(visited, visit("2026-11-02", None)).unwrap();

        let today = d("2026-11-23");
        let alerts = store.alerts(today).unwrap();
        let summary: Vec<(EntityId, &str)> = alerts
            .iter()
            .map(|a| match a {
                Alert::NoVisit { family_id, .. } => (*family_id, "no_visit"),
                Alert::ActionOverdue { family_id, .. } => (*family_id, "overdue"),
            })
            .collect();
        assert!(summary.contains(&(never, "no_visit")), "{summary:?}");
        assert!(summary.contains(&(visited, "no_visit")), "21 days since the last visit: {summary:?}");
        assert!(summary.contains(&(visited, "overdue")), "{summary:?}");

        from_the_centre(&mut store, |c| c.set_settings(crate::Settings { caseload_cap: 15, no_visit_days: 30 }))
            .unwrap();
        let alerts = store.alerts(today).unwrap();
        assert!(!alerts.iter().any(|a| matches!(a, Alert::NoVisit { family_id, .. } if *family_id == visited)));

        let listed = store.list_families().unwrap();
        let last = |id: EntityId| listed.iter().find(|f| f.id == id).unwrap().last_visit;
        assert_eq!((last(visited), last(never)), (Some(d("2026-11-02")), None));

        let planned = store.planned_visits().unwrap();
        assert_eq!(planned.len(), 1);
        assert_eq!((planned[0].family_id, planned[0].date), (visited, d("2026-11-30")));
    }
}

#[test]
fn the_centre_can_replace_the_plan_areas() {
    use asysta_core::plan::{default_areas, PlanArea};
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path());
    assert_eq!(store.plan_areas().unwrap(), default_areas());
    let mut areas = default_areas();
    areas.push(PlanArea {
        key: "digital".into(),
        name_pl: "Kompetencje cyfrowe".into(),
        name_en: "Digital skills".into(),
    });
    from_the_centre(&mut store, |c| c.set_plan_areas(areas.clone())).unwrap();
    let duplicate = vec![areas[0].clone(), areas[0].clone()];
    assert!(matches!(from_the_centre(&mut store, |c| c.set_plan_areas(duplicate)), Err(StoreError::Invalid(_))));
    assert!(matches!(from_the_centre(&mut store, |c| c.set_plan_areas(Vec::new())), Err(StoreError::Invalid(_))));
    store.rebuild_projections().unwrap();
    assert_eq!(store.plan_areas().unwrap(), areas);
}

/// The family list is read in collation order straight from an index: a
/// sort step would cost tens of milliseconds at 10,000 families.
#[test]
fn the_family_list_needs_no_sort_step() {
    let dir = tempfile::tempdir().unwrap();
    let store = create(dir.path());
    for (sql, status) in [(crate::queries::LIST_ALL_SQL, None), (crate::queries::LIST_BY_STATUS_SQL, Some("active"))] {
        let mut stmt = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let params: Vec<&str> = status.into_iter().collect();
        let plan: Vec<String> = stmt
            .query_map(rusqlite::params_from_iter(params), |r| r.get::<_, String>(3))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert!(!plan.iter().any(|step| step.contains("TEMP B-TREE FOR ORDER BY")), "{sql}: {plan:?}");
        assert!(plan.iter().any(|step| step.contains("INDEX families_by")), "{sql}: {plan:?}");
    }
}

/// Whether every key of `expected` is in `actual` with an equal value
/// (recursively; a newer release may add keys, never lose or change one).
#[track_caller]
fn assert_contains(actual: &serde_json::Value, expected: &serde_json::Value, path: &str) {
    match (actual, expected) {
        (serde_json::Value::Object(a), serde_json::Value::Object(e)) => {
            for (k, v) in e {
                let got = a.get(k).unwrap_or_else(|| panic!("{path}.{k} is missing"));
                assert_contains(got, v, &format!("{path}.{k}"));
            }
        }
        (serde_json::Value::Array(a), serde_json::Value::Array(e)) => {
            assert_eq!(a.len(), e.len(), "{path} has another length");
            for (i, (a, e)) in a.iter().zip(e).enumerate() {
                assert_contains(a, e, &format!("{path}[{i}]"));
            }
        }
        (a, e) => assert_eq!(a, e, "{path} changed"),
    }
}

/// A workspace written by release 0.1 (before the multi-device log) opens,
/// upgrades in place and shows exactly what that release showed; its events
/// read back byte for byte as they were written.
#[test]
fn a_workspace_of_release_0_1_opens_with_nothing_lost() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/workspaces/release-0.1");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("workspace")).unwrap();
    for file in ["asysta.db", "asysta.key"] {
        std::fs::copy(fixture.join("workspace").join(file), dir.path().join("workspace").join(file)).unwrap();
    }
    let read = |name: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(fixture.join("expected").join(name)).unwrap()).unwrap()
    };
    let store = open(dir.path(), "stara wersja 2026 hasło").unwrap();
    assert_eq!(migrations::user_version(&store.conn).unwrap(), LATEST_VERSION);
    assert_contains(&json(&store.list_families().unwrap()), &read("family_list.json"), "family_list");
    let families = store.list_families().unwrap();
    assert_eq!(families.len(), 4);
    for f in &families {
        let expected = read(&format!("case-{}.json", f.id));
        assert_contains(&json(&store.family_case(f.id).unwrap()), &expected, &format!("case {}", f.name));
    }
    assert_contains(&json(&store.settings().unwrap()), &read("settings.json"), "settings");
    assert_contains(&json(&store.plan_areas().unwrap()), &read("areas.json"), "areas");
    assert_contains(&json(&store.stats().unwrap()), &read("stats.json"), "stats");
    for entry in std::fs::read_dir(fixture.join("expected")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if let Some(id) = name.strip_prefix("history-").and_then(|n| n.strip_suffix(".json")) {
            let history = store.history(id.parse().unwrap()).unwrap();
            assert_eq!(json(&history), read(&name), "the events of {id} read back as they were written");
        }
    }
    assert_eq!(store.drafts().unwrap().len(), 1, "the visit draft is kept");
    // Its events, received again (they have no digest: compared column by
    // column), are already present; one of them changed is refused.
    let mut store = store;
    let all = store.all_events().unwrap();
    let report = store.ingest(all.clone()).unwrap();
    assert_eq!((report.already_present, report.applied), (all.len(), 0));
    let mut forged = all.clone();
    forged[3].author.name = "Ktoś".into();
    assert!(matches!(store.ingest(forged), Err(StoreError::Tampered { .. })));
    assert_eq!(store.caseload().unwrap(), asysta_core::record::check_caseload(3, 15));
    drop(store);
    // Opening again does not rebuild or change anything.
    let mut store = open(dir.path(), "stara wersja 2026 hasło").unwrap();
    let before = projection_state(&store);
    store.rebuild_projections().unwrap();
    assert_eq!(projection_state(&store), before);
    // The upgraded workspace passes `asysta check`.
    let report = store.check().unwrap();
    assert!(report.ok, "{report:#?}");
}

fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap()
}

/// The fast paths for records of one creation event (a new family, person
/// or visit written straight from its payload) write exactly the rows the
/// fold writes.
#[test]
fn one_event_records_are_written_as_the_fold_would_write_them() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/workspaces/release-0.1");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("workspace")).unwrap();
    for file in ["asysta.db", "asysta.key"] {
        std::fs::copy(fixture.join("workspace").join(file), dir.path().join("workspace").join(file)).unwrap();
    }
    let mut store = open(dir.path(), "stara wersja 2026 hasło").unwrap();
    store.add_family(&family("Nowi", "Ola")).unwrap();
    let fast = projection_state(&store);
    crate::derive::FOLD_ONLY.with(|f| f.set(true));
    store.rebuild_projections().unwrap();
    crate::derive::FOLD_ONLY.with(|f| f.set(false));
    assert_eq!(projection_state(&store), fast);
}
