//! Bundles on real SQLCipher files: a laptop enrols with a centre, sends
//! its events, gets the centre's back; what the receiver is not to read
//! travels as placeholders; a changed byte or a cut file changes nothing.

use super::ExportRequest;
use crate::tests::{family, snapshot_files, TestEnvironment, PASS};
use crate::{KdfParams, Passphrase, Settings, Store, StoreError};
use asysta_core::workspace::{Role, WorkspaceInfo};
use std::path::{Path, PathBuf};

pub(crate) fn workspace(dir: &Path, name: &str, role: Role, seed: u64) -> Store {
    let info = WorkspaceInfo { assistant_name: name.into(), centre_name: "MOPS Łódź".into(), role };
    Store::create(dir, &info, &Passphrase::new(PASS), KdfParams::INSECURE_FOR_TESTS, TestEnvironment::new(seed))
        .unwrap()
}

pub(crate) struct Site {
    _dir: tempfile::TempDir,
    pub(crate) root: PathBuf,
    pub(crate) centre: Store,
    pub(crate) anna: Store,
    pub(crate) ewa: Store,
}

pub(crate) fn site() -> Site {
    let dir = tempfile::tempdir().unwrap();
    let centre = workspace(&dir.path().join("centre"), "Kierownik Maria Zięba", Role::Centre, 1);
    let mut anna = workspace(&dir.path().join("anna"), "Anna Łęcka", Role::Assistant, 2);
    let mut ewa = workspace(&dir.path().join("ewa"), "Ewa Nowak", Role::Assistant, 4);
    let enrolment = centre.enrolment().unwrap().to_json();
    anna.enrol(&enrolment).unwrap();
    ewa.enrol(&enrolment).unwrap();
    let root = dir.path().to_owned();
    Site { _dir: dir, root, centre, anna, ewa }
}

/// The centre's files, unchanged (compared by name and digest, so a
/// failure prints a short diff). The `-shm` file is left out: it is
/// SQLite's shared-memory index of the WAL, whose read marks change on
/// every read.
#[track_caller]
pub(crate) fn assert_unchanged(
    before: &std::collections::BTreeMap<PathBuf, Vec<u8>>,
    after: &std::collections::BTreeMap<PathBuf, Vec<u8>>,
) {
    let digest = |m: &std::collections::BTreeMap<PathBuf, Vec<u8>>| -> Vec<(PathBuf, usize, String)> {
        m.iter()
            .filter(|(p, _)| !p.to_string_lossy().ends_with("-shm"))
            .map(|(p, b)| (p.clone(), b.len(), blake3::hash(b).to_hex().to_string()))
            .collect()
    };
    assert_eq!(digest(before), digest(after));
}

pub(crate) fn export(store: &mut Store, to: &Path, request: ExportRequest) -> PathBuf {
    PathBuf::from(store.export_bundle(to, &request, &mut |_| {}).unwrap().path)
}

pub(crate) fn import(
    store: &mut Store,
    path: &Path,
    trust: Option<&Store>,
) -> crate::Result<asysta_core::exchange::ImportSummary> {
    let fingerprint = trust.map(|s| s.fingerprint().to_string());
    store.import_bundle(&std::fs::read(path).unwrap(), &crate::label_of(path), fingerprint.as_deref())
}

#[test]
fn a_round_trip_laptop_centre_laptop() {
    let mut s = site();
    let family_id = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let bundle = export(&mut s.anna, &s.root.join("b1.asysta"), ExportRequest::default());

    // An unknown device is refused, with its fingerprint, and nothing changes.
    let before = snapshot_files(&s.root.join("centre"));
    let err = import(&mut s.centre, &bundle, None).unwrap_err();
    match &err {
        StoreError::UnknownDevice { fingerprint, name, file } => {
            assert_eq!(fingerprint, &s.anna.fingerprint().to_string());
            assert_eq!(name, "Anna Łęcka");
            assert_eq!(file, "b1.asysta");
        }
        other => panic!("{other:?}"),
    }
    assert_unchanged(&before, &snapshot_files(&s.root.join("centre")));
    let wrong = s.ewa.fingerprint().to_string();
    assert!(matches!(
        s.centre.import_bundle(&std::fs::read(&bundle).unwrap(), "b1.asysta", Some(&wrong)),
        Err(StoreError::FingerprintMismatch { .. })
    ));

    let report = import(&mut s.centre, &bundle, Some(&s.anna)).unwrap();
    assert!(report.trusted_now);
    assert_eq!(report.records_new, 3, "workspace, family and member: {report:?}");
    assert!(report.applied >= 3);
    assert_eq!(s.centre.family_case(family_id).unwrap().family.name, "Kowalscy");

    // The same bundle again changes nothing and says so.
    let before = snapshot_files(&s.root.join("centre"));
    let again = import(&mut s.centre, &bundle, None).unwrap();
    assert!(again.already_imported);
    assert_eq!(again.applied, 0);
    assert_eq!(again.unchanged, report.applied);
    assert_unchanged(&before, &snapshot_files(&s.root.join("centre")));

    // A setting changed at the centre reaches the laptop.
    s.centre.set_settings(Settings { caseload_cap: 12, no_visit_days: 21 }).unwrap();
    let device = s.anna.device_id();
    let back = export(
        &mut s.centre,
        &s.root.join("back.asysta"),
        ExportRequest { device: Some(device), ..Default::default() },
    );
    let report = import(&mut s.anna, &back, None).unwrap();
    assert!(report.applied >= 1);
    assert_eq!(s.anna.settings().unwrap(), Settings { caseload_cap: 12, no_visit_days: 21 });

    // The centre's marks came back with it: the next export carries only
    // what is new.
    let status = s.anna.sync_status().unwrap();
    assert_eq!(status.pending_events, 0, "{status:?}");
    s.anna.add_note(family_id, "Rozmowa z kuratorem", false).unwrap();
    let next = s.anna.export_bundle(&s.root.join("b2.asysta"), &ExportRequest::default(), &mut |_| {}).unwrap();
    assert_eq!(next.event_count, 1);
    assert_eq!(s.anna.sync_status().unwrap().pending_events, 1);
}

#[test]
fn a_laptop_refuses_bundles_not_from_its_centre_and_its_own() {
    let mut s = site();
    s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let own = export(&mut s.anna, &s.root.join("own.asysta"), ExportRequest::default());
    assert!(matches!(import(&mut s.anna, &own, None), Err(StoreError::OwnBundle { .. })));
    // Ewa's bundle is addressed to the centre: Anna cannot even open it.
    let ewas = export(&mut s.ewa, &s.root.join("ewa.asysta"), ExportRequest::default());
    assert!(matches!(
        import(&mut s.anna, &ewas, None),
        Err(StoreError::Bundle { source: asysta_bundle::BundleError::WrongRecipient, .. })
    ));
    // Another centre's bundle, even addressed to Anna's device, is refused.
    let dir = tempfile::tempdir().unwrap();
    let other = workspace(dir.path(), "Inny ośrodek", Role::Centre, 9);
    assert!(matches!(s.anna.enrol(&other.enrolment().unwrap().to_json()), Err(StoreError::EnrolledElsewhere { .. })));
    assert!(matches!(s.centre.enrol(&other.enrolment().unwrap().to_json()), Err(StoreError::WrongRole { .. })));
}

#[test]
fn an_unenrolled_laptop_cannot_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut lone = workspace(dir.path(), "Anna", Role::Assistant, 4);
    let err = lone.export_bundle(dir.path(), &ExportRequest::default(), &mut |_| {}).unwrap_err();
    assert!(matches!(err, StoreError::NotEnrolled), "{err:?}");
}

#[test]
fn restricted_notes_travel_as_placeholders_until_included() {
    let mut s = site();
    let family_id = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    s.anna.add_note(family_id, "Podejrzenie przemocy — tylko dla mnie", true).unwrap();
    s.anna.add_note(family_id, "Zwykła notatka", false).unwrap();
    let summary = s.anna.export_bundle(&s.root.join("b1.asysta"), &ExportRequest::default(), &mut |_| {}).unwrap();
    assert_eq!(summary.withheld, 1);
    import(&mut s.centre, Path::new(&summary.path), Some(&s.anna)).unwrap();
    let notes = s.centre.family_case(family_id).unwrap().notes;
    assert_eq!(notes.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(), ["Zwykła notatka"]);
    // The centre's log of the laptop is gap-free all the same.
    assert_eq!(
        s.centre.high_water_marks().unwrap()[&s.anna.device_id()],
        s.anna.high_water_marks().unwrap()[&s.anna.device_id()]
    );
    assert!(s.centre.missing_events().unwrap().is_empty());

    // Included later, the note replaces its placeholder.
    let full = ExportRequest { full: true, include_restricted: true, ..Default::default() };
    let bundle = export(&mut s.anna, &s.root.join("b2.asysta"), full);
    let report = import(&mut s.centre, &bundle, None).unwrap();
    assert_eq!(report.applied, 0);
    let mut texts: Vec<String> = s.centre.family_case(family_id).unwrap().notes.into_iter().map(|n| n.text).collect();
    texts.sort();
    assert_eq!(texts, ["Podejrzenie przemocy — tylko dla mnie", "Zwykła notatka"]);
    // And the placeholder, sent again, changes nothing.
    let again = export(&mut s.anna, &s.root.join("b3.asysta"), ExportRequest { full: true, ..Default::default() });
    let report = import(&mut s.centre, &again, None).unwrap();
    assert_eq!((report.applied, report.held_back), (0, 0));
    assert_eq!(s.centre.family_case(family_id).unwrap().notes.len(), 2);
}

#[test]
fn a_laptop_gets_only_its_own_families_in_full() {
    let mut s = site();
    let annas = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let ewas = s.ewa.add_family(&family("Nowakowie", "Ola")).unwrap();
    let a = export(&mut s.anna, &s.root.join("a.asysta"), ExportRequest::default());
    let e = export(&mut s.ewa, &s.root.join("e.asysta"), ExportRequest::default());
    import(&mut s.centre, &a, Some(&s.anna)).unwrap();
    import(&mut s.centre, &e, Some(&s.ewa)).unwrap();
    let device = s.anna.device_id();
    let summary = s
        .centre
        .export_bundle(
            &s.root.join("to-anna.asysta"),
            &ExportRequest { device: Some(device), ..Default::default() },
            &mut |_| {},
        )
        .unwrap();
    assert!(summary.withheld >= 2, "Ewa's family and member: {summary:?}");
    import(&mut s.anna, Path::new(&summary.path), None).unwrap();
    assert!(s.anna.family_case(annas).is_ok());
    assert!(matches!(s.anna.family_case(ewas), Err(StoreError::NotFound(_))));
    assert_eq!(s.anna.list_families().unwrap().len(), 1);
    assert!(s.anna.missing_events().unwrap().is_empty(), "placeholders keep Ewa's log gap-free");
}

/// Anna's first bundle to the centre (trusted), and the centre's answer
/// imported back; the path of that answer.
pub(super) fn first_round_trip(s: &mut Site) -> PathBuf {
    let first = export(&mut s.anna, &s.root.join("1.asysta"), ExportRequest::default());
    import(&mut s.centre, &first, Some(&s.anna)).unwrap();
    let device = Some(s.anna.device_id());
    let back = export(&mut s.centre, &s.root.join("back.asysta"), ExportRequest { device, ..Default::default() });
    import(&mut s.anna, &back, None).unwrap();
    back
}

#[test]
fn a_gap_holds_later_bundles_back_until_it_is_filled() {
    let mut s = site();
    let family_id = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let back = first_round_trip(&mut s);
    let device = s.anna.device_id();
    s.anna.add_note(family_id, "druga", false).unwrap();
    let second = export(&mut s.anna, &s.root.join("2.asysta"), ExportRequest::default());
    // The centre has not answered: the third bundle repeats the second's
    // events and adds one; to make a real gap, take the second's events out
    // of the centre's view by importing only a bundle of later events.
    s.anna.add_note(family_id, "trzecia", false).unwrap();
    let marks_after_second = {
        let mut m = s.centre.high_water_marks().unwrap();
        m.insert(device, s.anna.high_water_marks().unwrap()[&device] - 1);
        m
    };
    // Simulate a bundle made after the centre's marks said it had the second.
    let centre_party = s.anna.open_bundle(&std::fs::read(&back).unwrap(), "back").unwrap().0.header.sender;
    let at = crate::exchange::peers::get(&s.anna.conn, centre_party.device_id).unwrap().unwrap().their_marks_at_ms;
    crate::exchange::peers::record_marks(&s.anna.conn, &centre_party, &marks_after_second, at).unwrap();
    let third = export(&mut s.anna, &s.root.join("3.asysta"), ExportRequest::default());
    let report = import(&mut s.centre, &third, None).unwrap();
    assert_eq!(report.held_back, 1);
    let missing = &report.missing[0];
    assert_eq!((missing.device_id, missing.user_name.as_deref()), (device, Some("Anna Łęcka")));
    assert_eq!(s.centre.family_case(family_id).unwrap().notes.len(), 0);
    let report = import(&mut s.centre, &second, None).unwrap();
    assert!(report.missing.is_empty());
    assert_eq!(s.centre.family_case(family_id).unwrap().notes.len(), 2);
}

#[test]
fn every_changed_byte_and_every_cut_is_refused_with_the_centre_unchanged() {
    let mut s = site();
    s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    first_round_trip(&mut s);
    s.anna.add_family(&family("Nowakowie", "Ola")).unwrap();
    let bytes = std::fs::read(export(&mut s.anna, &s.root.join("2.asysta"), ExportRequest::default())).unwrap();
    let before = snapshot_files(&s.root.join("centre"));
    let events_before = s.centre.high_water_marks().unwrap();
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0x20;
        assert!(s.centre.import_bundle(&bad, "2.asysta", None).is_err(), "byte {i} changed was accepted");
    }
    for len in 0..bytes.len() {
        assert!(s.centre.import_bundle(&bytes[..len], "2.asysta", None).is_err(), "cut at {len} was accepted");
    }
    assert_eq!(s.centre.high_water_marks().unwrap(), events_before);
    assert_unchanged(&before, &snapshot_files(&s.root.join("centre")));
    // The intact bundle still imports.
    assert!(s.centre.import_bundle(&bytes, "2.asysta", None).unwrap().applied > 0);
}

#[test]
fn a_forgotten_passphrase_is_recovered_only_by_the_centre() {
    let s = site();
    let anna_dir = s.root.join("anna");
    let anna_id = s.anna.device_id();
    drop(s.anna);
    let new = Passphrase::new("nowe hasło po odzyskaniu");
    // Another centre cannot.
    let dir = tempfile::tempdir().unwrap();
    let other = workspace(dir.path(), "Inny ośrodek", Role::Centre, 9);
    assert!(matches!(
        other.recover_workspace(&anna_dir, &new, KdfParams::INSECURE_FOR_TESTS),
        Err(StoreError::NotRecoverableHere(_))
    ));
    // A laptop never enrolled has nothing to recover with.
    let lone_dir = dir.path().join("lone");
    drop(workspace(&lone_dir, "Ktoś", Role::Assistant, 5));
    assert!(matches!(
        s.centre.recover_workspace(&lone_dir, &new, KdfParams::INSECURE_FOR_TESTS),
        Err(StoreError::NoRecoveryWrap(_))
    ));
    s.centre.recover_workspace(&anna_dir, &new, KdfParams::INSECURE_FOR_TESTS).unwrap();
    let reopened = Store::open(&anna_dir, &new, TestEnvironment::new(3)).unwrap();
    assert_eq!(reopened.device_id(), anna_id);
    // The recovered workspace is whole: `asysta check` holds.
    let report = reopened.check().unwrap();
    assert!(report.ok, "{report:#?}");
    assert!(matches!(
        Store::open(&anna_dir, &Passphrase::new(PASS), TestEnvironment::new(3)),
        Err(StoreError::WrongPassphrase)
    ));
    // The recovery wrap stays: a second recovery works too.
    drop(reopened);
    s.centre
        .recover_workspace(&anna_dir, &Passphrase::new("jeszcze inne hasło 2"), KdfParams::INSECURE_FOR_TESTS)
        .unwrap();
}

#[test]
fn verify_says_what_a_bundle_holds_without_writing() {
    let mut s = site();
    s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let bundle = export(&mut s.anna, &s.root.join("1.asysta"), ExportRequest::default());
    let before = snapshot_files(&s.root.join("centre"));
    let info = s.centre.verify_bundle(&std::fs::read(&bundle).unwrap(), "1.asysta").unwrap();
    assert_eq!(info.trust, asysta_core::exchange::SenderTrust::Unknown);
    assert_eq!(info.sender_name, "Anna Łęcka");
    assert_eq!(info.sender_fingerprint, s.anna.fingerprint().to_string());
    assert!(info.event_count >= 3);
    assert_unchanged(&before, &snapshot_files(&s.root.join("centre")));
}

#[test]
fn an_export_to_a_folder_is_named_and_leaves_no_temporary_file() {
    let mut s = site();
    s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let folder = s.root.join("usb");
    std::fs::create_dir(&folder).unwrap();
    let summary = s.anna.export_bundle(&folder, &ExportRequest::default(), &mut |_| {}).unwrap();
    assert!(summary.file_name.starts_with("asysta-anna-lecka-"), "{}", summary.file_name);
    assert!(summary.file_name.ends_with(".asysta"));
    let names: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 1, "{names:?}");
    // A folder that does not exist: an error, no file.
    let missing = s.root.join("no-such-stick").join("b.asysta");
    assert!(matches!(
        s.anna.export_bundle(&missing, &ExportRequest::default(), &mut |_| {}),
        Err(StoreError::Io { .. })
    ));
    let _ = Role::Centre;
}

#[test]
fn a_laptop_cannot_bring_new_events_in_another_devices_name() {
    let mut s = site();
    s.ewa.add_family(&family("Nowakowie", "Ola")).unwrap();
    let e = export(&mut s.ewa, &s.root.join("e.asysta"), ExportRequest::default());
    // Anna's laptop somehow got Ewa's events (not from the centre) and
    // relays them: the centre does not have them, so it refuses.
    let ewas_events = s.ewa.events_missing_from(&Default::default()).unwrap();
    s.anna.ingest(ewas_events).unwrap();
    let a = export(&mut s.anna, &s.root.join("a.asysta"), ExportRequest::default());
    let before = snapshot_files(&s.root.join("centre"));
    let err = import(&mut s.centre, &a, Some(&s.anna)).unwrap_err();
    assert!(matches!(err, StoreError::ForeignEvents { device, .. } if device == s.ewa.device_id()), "{err:?}");
    assert_unchanged(&before, &snapshot_files(&s.root.join("centre")));
    // Once the centre has Ewa's events from Ewa, Anna's relay is fine.
    import(&mut s.centre, &e, Some(&s.ewa)).unwrap();
    let report = import(&mut s.centre, &a, Some(&s.anna)).unwrap();
    assert!(report.applied > 0);
}
