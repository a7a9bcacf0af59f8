//! Backups on real SQLCipher files: written, checked, listed, rotated,
//! copied to a second folder, restored; a restored laptop continues as a
//! new device and the centre takes everything from it.

use super::*;
use crate::exchange::tests::{export, import, site, workspace};
use crate::tests::{family, open, PASS};
use crate::ExportRequest;
use asysta_core::backup::Rotation;
use asysta_core::workspace::Role;

const DAY_MS: u64 = 86_400_000;

fn names(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = store.list_families().unwrap().into_iter().map(|f| f.name).collect();
    names.sort();
    names
}

#[test]
fn a_backup_is_checked_listed_and_restored_with_everything_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let laptop_dir = dir.path().join("laptop");
    let mut laptop = workspace(&laptop_dir, "Anna Łęcka", Role::Assistant, 2);
    laptop.add_family(&family("Kowalscy", "Jan")).unwrap();
    laptop.add_family(&family("Nowakowie", "Ewa")).unwrap();
    let outcome = laptop.backup_now(BackupReason::Manual).unwrap();
    assert_eq!(outcome.written.len(), 1);
    assert!(outcome.written[0].verified && !outcome.written[0].second_folder);
    let path = PathBuf::from(&outcome.written[0].path);
    assert_eq!(path.parent().unwrap(), laptop_dir.join(BACKUP_DIR));
    assert!(path.file_name().unwrap().to_string_lossy().ends_with(".asysta-kopia"));
    // Nothing in the file reads without the key: no name of a family or
    // a person, no SQLite header.
    let bytes = std::fs::read(&path).unwrap();
    for needle in ["Kowalscy", "Nowakowie", "Anna", "SQLite format 3"] {
        assert!(!bytes.windows(needle.len()).any(|w| w == needle.as_bytes()), "{needle} in the backup");
    }
    let listed = list_backups(&laptop_dir).unwrap();
    assert_eq!(listed, outcome.written);
    assert_eq!(listed[0].bytes, bytes.len() as u64);

    // Restored into a new data directory: it opens with the passphrase,
    // holds the same families and passes `asysta check`, as a new device.
    let restored_dir = dir.path().join("restored");
    let summary = restore_backup(&path, &restored_dir).unwrap();
    assert_eq!(summary.backed_up_device, laptop.device_id().to_string());
    let restored = open(&restored_dir, PASS).unwrap();
    assert_eq!(names(&restored), ["Kowalscy", "Nowakowie"]);
    assert_ne!(restored.device_id(), laptop.device_id(), "a restored workspace is a new device");
    assert_ne!(restored.fingerprint(), laptop.fingerprint(), "with keys of its own");
    assert_eq!(restored.stats().unwrap(), laptop.stats().unwrap());
    assert!(restored.check().unwrap().ok);
    assert!(!restored_dir.join("workspace").join(restore::RESTORED_MARKER).exists());
    let device = restored.device_id();
    drop(restored);
    assert_eq!(open(&restored_dir, PASS).unwrap().device_id(), device, "the new id is taken once");
    // A wrong passphrase opens nothing.
    assert!(matches!(open(&restored_dir, "złe hasło 12345"), Err(StoreError::WrongPassphrase)));
}

#[test]
fn a_bad_file_or_an_occupied_folder_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let laptop_dir = dir.path().join("laptop");
    let mut laptop = workspace(&laptop_dir, "Anna Łęcka", Role::Assistant, 2);
    laptop.add_family(&family("Kowalscy", "Jan")).unwrap();
    let path = PathBuf::from(&laptop.backup_now(BackupReason::Manual).unwrap().written[0].path);
    let bytes = std::fs::read(&path).unwrap();
    let target = dir.path().join("target");
    let refused = |name: &str, content: &[u8]| {
        let file = dir.path().join(name);
        std::fs::write(&file, content).unwrap();
        let err = restore_backup(&file, &target).unwrap_err();
        assert!(!target.join("workspace").exists(), "{name}: nothing restored");
        let leftovers: Vec<_> =
            std::fs::read_dir(&target).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
        assert!(leftovers.is_empty(), "{name}: {leftovers:?}");
        err
    };
    // Truncated, one byte changed, a foreign file, an empty one.
    assert!(matches!(refused("cut.asysta-kopia", &bytes[..bytes.len() - 100]), StoreError::BackupDamaged(_)));
    let mut changed = bytes.clone();
    let last = changed.len() - 1;
    changed[last] ^= 1;
    assert!(matches!(refused("changed.asysta-kopia", &changed), StoreError::BackupDamaged(_)));
    assert!(matches!(refused("bundle.asysta", b"age-encryption.org/v1\n"), StoreError::NotABackup(_)));
    assert!(matches!(refused("empty.asysta-kopia", b""), StoreError::NotABackup(_)));
    // Onto a workspace: refused, the workspace untouched.
    let key_file = laptop_dir.join("workspace").join("asysta.key");
    let before = std::fs::read(&key_file).unwrap();
    assert!(matches!(restore_backup(&path, &laptop_dir), Err(StoreError::WorkspaceExists(_))));
    assert_eq!(std::fs::read(&key_file).unwrap(), before);
    assert!(!laptop_dir.join("workspace").join(restore::RESTORED_MARKER).exists());
    assert_eq!(names(&laptop), ["Kowalscy"]);
}

#[test]
fn the_rotation_keeps_days_weeks_and_months_and_the_second_folder_gets_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let laptop_dir = dir.path().join("laptop");
    let mut laptop = workspace(&laptop_dir, "Anna Łęcka", Role::Assistant, 2);
    laptop.add_family(&family("Kowalscy", "Jan")).unwrap();
    let stick = dir.path().join("stick");
    std::fs::create_dir(&stick).unwrap();
    let settings = BackupSettings {
        second_folder: Some(stick.display().to_string()),
        rotation: Rotation { daily: 3, weekly: 2, monthly: 2 },
    };
    assert!(matches!(
        set_backup_settings(
            &laptop_dir,
            &BackupSettings { second_folder: Some("/nie/ma/takiego".into()), ..settings.clone() }
        ),
        Err(StoreError::Invalid(_))
    ));
    set_backup_settings(&laptop_dir, &settings).unwrap();
    assert_eq!(backup_settings(&laptop_dir).unwrap(), settings);
    // One backup a day for 40 days.
    let start = 1_764_000_000_000;
    let times: Vec<u64> = (0..40).map(|d| start + d * DAY_MS).collect();
    for &now_ms in &times {
        let source = Source { now_ms, ..laptop.backup_source() };
        let outcome = back_up(&source, BackupReason::Daily).unwrap();
        assert_eq!(outcome.written.len(), 2, "{outcome:?}");
        assert!(outcome.written[1].second_folder);
    }
    let local: Vec<chrono::NaiveDateTime> = times.iter().map(|t| local_time(*t)).collect();
    let mut expected: Vec<u64> = settings.rotation.keep(&local).into_iter().map(|i| times[i]).collect();
    expected.sort_unstable_by(|a, b| b.cmp(a));
    let listed = list_backups(&laptop_dir).unwrap();
    for second in [false, true] {
        let kept: Vec<u64> = listed.iter().filter(|b| b.second_folder == second).map(|b| b.created_at_ms).collect();
        assert_eq!(kept, expected, "second folder: {second}");
    }
    assert!(listed.iter().all(|b| b.verified));
    assert!(expected.len() < 3 + 2 + 2 && expected.len() >= 3);

    // The stick pulled out: the backup in the data directory stands and
    // the outcome says why the copy failed.
    std::fs::remove_dir(&stick).unwrap_or_else(|_| std::fs::remove_dir_all(&stick).unwrap());
    let outcome = laptop.backup_now(BackupReason::Manual).unwrap();
    assert_eq!(outcome.written.len(), 1);
    assert!(outcome.second_folder_error.is_some());
}

#[test]
fn a_damaged_backup_is_listed_as_not_verified_and_leftovers_are_not_backups() {
    let dir = tempfile::tempdir().unwrap();
    let laptop_dir = dir.path().join("laptop");
    let laptop = workspace(&laptop_dir, "Anna Łęcka", Role::Assistant, 2);
    let path = PathBuf::from(&laptop.backup_now(BackupReason::Manual).unwrap().written[0].path);
    // What a killed backup leaves: temporary names only, never listed.
    let folder = laptop_dir.join(BACKUP_DIR);
    std::fs::write(folder.join(".asysta-kopia-abc.partial"), b"ASYSTA-BACKUP 1\n{").unwrap();
    std::fs::write(folder.join(".asysta-kopia-abd.db"), b"half a database").unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&path, &bytes).unwrap();
    let listed = list_backups(&laptop_dir).unwrap();
    assert_eq!(listed.len(), 1);
    assert!(!listed[0].verified);
}

#[test]
fn the_day_s_first_unlock_backs_up_once_and_an_import_backs_up_what_it_could_change() {
    let mut s = site();
    let centre_dir = s.root.join("centre");
    let count = |dir: &Path| list_backups(dir).unwrap().len();
    assert!(s.centre.daily_backup().unwrap().is_some());
    assert!(s.centre.daily_backup().unwrap().is_none(), "one a day");
    assert_eq!(count(&centre_dir), 1);
    s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let bundle = export(&mut s.anna, &s.root.join("b1.asysta"), ExportRequest::default());
    // A refused import writes no backup.
    assert!(import(&mut s.centre, &bundle, None).is_err());
    assert_eq!(count(&centre_dir), 1);
    // Nothing logged since the day's backup: none before the import.
    import(&mut s.centre, &bundle, Some(&s.anna)).unwrap();
    assert_eq!(count(&centre_dir), 1);
    s.anna.add_family(&family("Nowakowie", "Ewa")).unwrap();
    let bundle = export(&mut s.anna, &s.root.join("b2.asysta"), ExportRequest::default());
    // Imports one after another in one sitting need no backup between
    // them (each can be made again from its file)...
    import(&mut s.centre, &bundle, None).unwrap();
    s.anna.add_family(&family("Zającowie", "Iga")).unwrap();
    let b3 = export(&mut s.anna, &s.root.join("b3.asysta"), ExportRequest::default());
    import(&mut s.centre, &b3, None).unwrap();
    assert_eq!(count(&centre_dir), 1, "no backup between imports");
    // ...a change typed at the centre in between needs one.
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    s.centre.run(asysta_core::ops::SetSettings { caseload_cap: 12, no_visit_days: 20 }, today).unwrap();
    s.anna.add_family(&family("Lisowie", "Ola")).unwrap();
    let b4 = export(&mut s.anna, &s.root.join("b4.asysta"), ExportRequest::default());
    import(&mut s.centre, &b4, None).unwrap();
    let listed = list_backups(&centre_dir).unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].reason, BackupReason::Import, "{listed:?}");
    // The pre-import backup holds the centre as it was before that import.
    let restored_dir = s.root.join("restored-centre");
    restore_backup(Path::new(&listed[0].path), &restored_dir).unwrap();
    let restored = open(&restored_dir, PASS).unwrap();
    assert_eq!(names(&restored), ["Kowalscy", "Nowakowie", "Zającowie"]);
    assert_eq!(restored.settings().unwrap().caseload_cap, 12);
}

/// The stolen-laptop drill, in the store: yesterday's backup restored on a
/// new machine writes as a new device; the centre takes its bundle
/// (trusting the new device once) with nothing refused and nothing lost,
/// and sends back what the old laptop had sent after the backup.
#[test]
fn a_restored_laptop_continues_as_a_new_device_and_converges_with_the_centre() {
    let mut s = site();
    s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let b1 = export(&mut s.anna, &s.root.join("b1.asysta"), ExportRequest::default());
    import(&mut s.centre, &b1, Some(&s.anna)).unwrap();
    let backup = PathBuf::from(&s.anna.backup_now(BackupReason::Daily).unwrap().written[0].path);
    // After the backup the old laptop writes and sends more, then is lost.
    s.anna.add_family(&family("Nowakowie", "Ewa")).unwrap();
    let b2 = export(&mut s.anna, &s.root.join("b2.asysta"), ExportRequest::default());
    import(&mut s.centre, &b2, None).unwrap();
    let old_device = s.anna.device_id();

    let new_dir = s.root.join("new-laptop");
    restore_backup(&backup, &new_dir).unwrap();
    let mut restored = open(&new_dir, PASS).unwrap();
    assert_ne!(restored.device_id(), old_device);
    assert_eq!(names(&restored), ["Kowalscy"]);
    restored.add_family(&family("Zającowie", "Iga")).unwrap();
    let b3 = export(&mut restored, &s.root.join("b3.asysta"), ExportRequest::default());
    // The centre meets a new device: refused until trusted, then taken
    // whole (nothing refused, nothing held back).
    assert!(matches!(import(&mut s.centre, &b3, None), Err(StoreError::UnknownDevice { .. })));
    let summary = import(&mut s.centre, &b3, Some(&restored)).unwrap();
    assert_eq!(summary.held_back, 0, "{summary:?}");
    assert!(summary.applied > 0);
    assert_eq!(names(&s.centre), ["Kowalscy", "Nowakowie", "Zającowie"]);
    // The centre's bundle for the new device brings back the old laptop's
    // later events; both replicas show the same case and pass their check.
    let back = PathBuf::from(
        s.centre
            .export_bundle(
                &s.root.join("back.asysta"),
                &ExportRequest { device: Some(restored.device_id()), ..Default::default() },
                &mut |_| {},
            )
            .unwrap()
            .path,
    );
    import(&mut restored, &back, None).unwrap();
    assert_eq!(names(&restored), ["Kowalscy", "Nowakowie", "Zającowie"]);
    assert_eq!(restored.stats().unwrap().events, s.centre.stats().unwrap().events);
    assert!(restored.check().unwrap().ok);
    assert!(s.centre.check().unwrap().ok);
}

/// A workspace of an earlier release is backed up before its schema is
/// upgraded; that backup restores and upgrades again to the same case.
#[test]
fn an_upgrade_is_preceded_by_a_backup_of_the_old_schema() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/workspaces/release-0.1");
    let dir = tempfile::tempdir().unwrap();
    let old_dir = dir.path().join("old");
    std::fs::create_dir_all(old_dir.join("workspace")).unwrap();
    for file in ["asysta.db", "asysta.key"] {
        std::fs::copy(fixture.join("workspace").join(file), old_dir.join("workspace").join(file)).unwrap();
    }
    let upgraded = open(&old_dir, "stara wersja 2026 hasło").unwrap();
    let listed = list_backups(&old_dir).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].reason, BackupReason::Upgrade);
    let header = file::verify_backup(Path::new(&listed[0].path)).unwrap();
    assert!(header.schema_version < crate::migrations::LATEST_VERSION);
    let again_dir = dir.path().join("again");
    restore_backup(Path::new(&listed[0].path), &again_dir).unwrap();
    let again = open(&again_dir, "stara wersja 2026 hasło").unwrap();
    assert_eq!(names(&again), names(&upgraded));
    assert!(again.check().unwrap().ok);
    drop(upgraded);
    // Opening the upgraded workspace again writes no new backup.
    open(&old_dir, "stara wersja 2026 hasło").unwrap();
    assert_eq!(list_backups(&old_dir).unwrap().len(), 1);
}

/// A centre restored from its backup continues as a new device too: each
/// laptop takes its new enrolment file once, then bundles go both ways
/// and both replicas converge.
#[test]
fn a_restored_centre_is_enrolled_again_and_converges_with_its_laptops() {
    let mut s = site();
    s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let b1 = export(&mut s.anna, &s.root.join("b1.asysta"), ExportRequest::default());
    import(&mut s.centre, &b1, Some(&s.anna)).unwrap();
    let backup = PathBuf::from(&s.centre.backup_now(BackupReason::Manual).unwrap().written[0].path);
    let centre_dir = s.root.join("new-centre");
    restore_backup(&backup, &centre_dir).unwrap();
    let mut centre = open(&centre_dir, PASS).unwrap();
    assert_ne!(centre.device_id(), s.centre.device_id());
    // The laptop refuses the restored centre's bundles until it takes the
    // new enrolment file (the same centre: accepted, the old device gone).
    s.anna.enrol(&centre.enrolment().unwrap().to_json()).unwrap();
    s.anna.add_family(&family("Nowakowie", "Ewa")).unwrap();
    let b2 = export(&mut s.anna, &s.root.join("b2.asysta"), ExportRequest::default());
    let summary = import(&mut centre, &b2, None).unwrap();
    assert_eq!(summary.held_back, 0);
    assert_eq!(names(&centre), ["Kowalscy", "Nowakowie"]);
    let back = PathBuf::from(
        centre
            .export_bundle(
                &s.root.join("back.asysta"),
                &ExportRequest { device: Some(s.anna.device_id()), ..Default::default() },
                &mut |_| {},
            )
            .unwrap()
            .path,
    );
    import(&mut s.anna, &back, None).unwrap();
    assert!(centre.check().unwrap().ok && s.anna.check().unwrap().ok);
}

/// What the centre's screens read leaves the store's change mark alone
/// (the session keeps the figures by it).
#[test]
fn reading_the_figures_leaves_the_change_mark_alone() {
    let mut s = site();
    for name in ["Kowalscy", "Nowakowie", "Zającowie"] {
        s.anna.add_family(&family(name, "Jan")).unwrap();
    }
    let b1 = export(&mut s.anna, &s.root.join("b1.asysta"), ExportRequest::default());
    import(&mut s.centre, &b1, Some(&s.anna)).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let mark = s.centre.change_mark().unwrap();
    s.centre.dashboard(today).unwrap();
    assert_eq!(s.centre.change_mark().unwrap(), mark, "dashboard");
    s.centre.half_year_report(asysta_core::centre::report::HalfYear::of(today)).unwrap();
    assert_eq!(s.centre.change_mark().unwrap(), mark, "half-year");
    s.centre.alerts(today).unwrap();
    assert_eq!(s.centre.change_mark().unwrap(), mark, "alerts");
    s.centre.daily_backup().unwrap();
    assert_eq!(s.centre.change_mark().unwrap(), mark, "a backup");
    s.centre.list_families().unwrap();
    assert_eq!(s.centre.change_mark().unwrap(), mark, "families");
}

/// A recovery by the centre backs the workspace up first, with its key
/// file as it was: the backup opens with the forgotten passphrase, the
/// workspace with the new one.
#[test]
fn a_recovery_is_preceded_by_a_backup_with_the_old_key_file() {
    let mut s = site();
    s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let anna_dir = s.root.join("anna");
    let before = list_backups(&anna_dir).unwrap().len();
    let new = crate::Passphrase::new("nowe hasło do laptopa 7");
    s.centre.recover_workspace(&anna_dir, &new, crate::KdfParams::INSECURE_FOR_TESTS).unwrap();
    let listed = list_backups(&anna_dir).unwrap();
    assert_eq!(listed.len(), before + 1);
    assert_eq!(listed[0].reason, BackupReason::Recovery);
    let restored_dir = s.root.join("restored");
    restore_backup(Path::new(&listed[0].path), &restored_dir).unwrap();
    assert_eq!(names(&open(&restored_dir, PASS).unwrap()), ["Kowalscy"]);
    assert!(open(&anna_dir, "nowe hasło do laptopa 7").is_ok());
}
