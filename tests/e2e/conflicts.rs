//! A change made on two devices to the same field: the case shows both
//! versions with who made them, and keeping one resolves it for good.

use crate::fixtures::{active, family, open_case, open_store, prepare_store, unlock, PASSPHRASE};
use crate::support::Desktop;
use asysta_core::member::MemberDetails;
use asysta_core::workspace::{Role, WorkspaceInfo};
use asysta_store::{KdfParams, Passphrase, Store, SystemEnvironment};

fn sync(from: &Store, to: &mut Store) {
    to.ingest(from.events_missing_from(&to.high_water_marks().unwrap()).unwrap()).unwrap();
}

#[test]
fn a_conflict_shows_both_versions_and_is_resolved_by_keeping_one() {
    let laptop_dir = tempfile::tempdir().unwrap();
    let centre_dir = tempfile::tempdir().unwrap();
    let mut laptop = prepare_store(
        laptop_dir.path(),
        &[active(family("Kowal", "ul. Długa 4"), vec![MemberDetails::named("Jan", "Kowal")])],
    );
    let info =
        WorkspaceInfo {
            assistant_name: "Ewa Centrum".into(), centre_name: "MOPS Łódź".into(), role: Role::Assistant
        };
    let mut centre = Store::create(
        centre_dir.path(),
        &info,
        &Passphrase::new(PASSPHRASE),
        KdfParams::INSECURE_FOR_TESTS,
        Box::new(SystemEnvironment),
    )
    .unwrap();
    sync(&laptop, &mut centre);
    let family_id = laptop.list_families().unwrap()[0].id;
    let member = laptop.family_case(family_id).unwrap().members[0].clone();
    laptop.update_member(member.id, MemberDetails { last_name: "Kowalski".into(), ..member.details.clone() }).unwrap();
    centre.update_member(member.id, MemberDetails { last_name: "Kowalczyk".into(), ..member.details.clone() }).unwrap();
    sync(&centre, &mut laptop);
    let conflict = laptop.conflicts().unwrap().remove(0);
    let centre_version = conflict.versions.iter().find(|v| v.value == "Kowalczyk").unwrap().event_id;
    drop((laptop, centre));

    let desktop = Desktop::start();
    let app = desktop.launch(laptop_dir.path());
    unlock(&app);
    open_case(&app, "Kowal");
    app.wait_for_text("#conflicts h2", "Jedno pole zmieniono na dwóch urządzeniach");
    // The field is named as the person reads it, not by its key.
    app.wait_for_text("#conflicts .conflict-field", "Nazwisko");
    let versions = app.texts_when("#conflicts .conflict-version", 2);
    assert!(versions.iter().any(|v| v.contains("Kowalski") && v.contains("Anna Łęcka")), "{versions:?}");
    assert!(versions.iter().any(|v| v.contains("Kowalczyk") && v.contains("Ewa Centrum")), "{versions:?}");
    app.assert_accessible("case with a conflict");
    app.click(&format!("#conflicts li[data-event=\"{centre_version}\"] .conflict-keep"));
    // The kept version may be the one shown already: wait for the notice
    // to go, then check the name.
    app.wait_until_gone("#conflicts");
    app.wait_for_text("#members-table .member-name", "Jan Kowalczyk");
    app.quit();

    let store = open_store(laptop_dir.path());
    assert!(store.conflicts().unwrap().is_empty());
    let last = store.history(member.id).unwrap().pop().unwrap();
    assert_eq!(last.change.kind(), "conflict.resolved");
    assert_eq!(last.author.name, "Anna Łęcka");
}
