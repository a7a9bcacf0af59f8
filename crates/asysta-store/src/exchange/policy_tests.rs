//! The role policy at every door, on real SQLCipher files: the store
//! refuses a change its workspace's role may not make, whoever calls, and
//! writes nothing; a receiver refuses a bundle whose events break the
//! policy, with its files byte-identical.

use super::tests::{assert_unchanged, export, first_round_trip, import, site};
use super::ExportRequest;
use crate::derive;
use crate::log::{Identity, PendingChange};
use crate::tests::{family, snapshot_files};
use crate::{Store, StoreError};
use asysta_core::merge::SETTINGS_ID;
use asysta_core::{Author, Change, EntityId};

/// Writes `change` into the store's log as its next event past the
/// store's policy: what a tampered laptop (or centre) could send.
fn write_behind_the_policy(store: &mut Store, entity_id: EntityId, change: Change, author: Option<Author>) {
    let author = author.unwrap_or_else(|| store.author.clone());
    let tx = store.conn.transaction().unwrap();
    let ids = Identity { device_id: store.device_id, author: &author };
    let pending = PendingChange { entity_id, base_rev: 0, change };
    derive::append_local(&tx, &ids, store.env.as_mut(), vec![pending]).unwrap();
    tx.commit().unwrap();
}

fn change(json: &str) -> Change {
    serde_json::from_str(json).unwrap()
}

fn event_count(store: &Store) -> i64 {
    store.conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0)).unwrap()
}

#[track_caller]
fn assert_wrong_role<T: std::fmt::Debug>(result: crate::Result<T>) {
    assert!(matches!(result, Err(StoreError::WrongRole { .. })), "{result:?}");
}

#[test]
fn a_laptop_cannot_change_what_only_the_centre_may_and_the_centre_cannot_write_a_case() {
    let mut s = site();
    let before = event_count(&s.anna);
    let mut settings = s.anna.settings().unwrap();
    settings.caseload_cap = 3;
    assert_wrong_role(s.anna.set_settings(settings));
    assert_wrong_role(s.anna.set_plan_areas(s.anna.plan_areas().unwrap()));
    assert_wrong_role(s.anna.set_rating_scale(s.anna.rating_scale().unwrap()));
    assert_wrong_role(s.anna.set_closing_reasons(s.anna.closing_reasons().unwrap()));
    assert_eq!(event_count(&s.anna), before, "nothing written");
    assert_eq!(s.anna.settings().unwrap().caseload_cap, 15);

    let before = event_count(&s.centre);
    assert_wrong_role(s.centre.add_family(&family("Kowalscy", "Jan")));
    assert_eq!(event_count(&s.centre), before, "nothing written");
}

/// A laptop's bundle carrying `forged` (written past its store's policy)
/// is refused at the centre for `what`, with the centre's files unchanged.
fn assert_refused_at_the_centre(forge: impl FnOnce(&mut super::tests::Site), what: crate::error::PolicyBreach) {
    let mut s = site();
    first_round_trip(&mut s);
    forge(&mut s);
    let bundle = export(&mut s.anna, &s.root.join("forged.asysta"), ExportRequest::default());
    let before = snapshot_files(&s.root.join("centre"));
    let err = import(&mut s.centre, &bundle, None).unwrap_err();
    assert!(matches!(&err, StoreError::PolicyBreach { what: w, .. } if *w == what), "{err:?}");
    assert_unchanged(&before, &snapshot_files(&s.root.join("centre")));
    let api = asysta_core::api::ApiError::from(&err);
    assert_eq!(api.kind, asysta_core::api::ErrorKind::BundlePolicy);
    assert!(api.args.iter().any(|(k, v)| k == "what" && v == what.as_str()));
}

#[test]
fn a_centre_refuses_a_laptops_settings_change() {
    assert_refused_at_the_centre(
        |s| {
            let settings = change(r#"{"type":"workspace.settings_set","caseload_cap":3,"no_visit_days":30}"#);
            write_behind_the_policy(&mut s.anna, SETTINGS_ID, settings, None);
        },
        crate::error::PolicyBreach::Kind,
    );
}

#[test]
fn a_centre_refuses_a_laptops_decision() {
    assert_refused_at_the_centre(
        |s| {
            let decision = change(r#"{"type":"evaluation.decided","decision":"accepted","on":"2026-11-30"}"#);
            write_behind_the_policy(&mut s.anna, EntityId(uuid::Uuid::from_u128(99)), decision, None);
        },
        crate::error::PolicyBreach::Kind,
    );
}

#[test]
fn a_centre_refuses_an_edit_of_another_assistants_family() {
    let mut s = site();
    // Ewa's family reaches the centre from Ewa.
    let ewas = s.ewa.add_family(&family("Nowakowie", "Ola")).unwrap();
    let e = export(&mut s.ewa, &s.root.join("e.asysta"), ExportRequest::default());
    import(&mut s.centre, &e, Some(&s.ewa)).unwrap();
    first_round_trip(&mut s);
    // Anna's laptop renames Ewa's family.
    let rename = change(r#"{"type":"family.updated","name":"Podmienieni"}"#);
    write_behind_the_policy(&mut s.anna, ewas, rename, None);
    let bundle = export(&mut s.anna, &s.root.join("forged.asysta"), ExportRequest::default());
    let before = snapshot_files(&s.root.join("centre"));
    let err = import(&mut s.centre, &bundle, None).unwrap_err();
    assert!(matches!(&err, StoreError::PolicyBreach { what: crate::error::PolicyBreach::Family, .. }), "{err:?}");
    assert_unchanged(&before, &snapshot_files(&s.root.join("centre")));
    assert_eq!(s.centre.family_case(ewas).unwrap().family.name, "Nowakowie");
}

#[test]
fn a_centre_refuses_an_event_in_another_persons_name() {
    assert_refused_at_the_centre(
        |s| {
            // Anna's own user id, the head of the centre's name.
            let forged = Author { user_id: s.anna.author.user_id, name: "Kierownik Maria Zięba".into() };
            let created = change(r#"{"type":"family.created","name":"Nowak","address":"ul. Długa 1"}"#);
            write_behind_the_policy(&mut s.anna, EntityId(uuid::Uuid::from_u128(77)), created, Some(forged));
        },
        crate::error::PolicyBreach::Author,
    );
}

#[test]
fn a_laptop_refuses_a_centre_bundle_that_writes_a_case() {
    let mut s = site();
    let annas = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    first_round_trip(&mut s);
    // The centre renames Anna's family (which her laptop reads in full).
    let rename = change(r#"{"type":"family.updated","name":"Podmienieni"}"#);
    write_behind_the_policy(&mut s.centre, annas, rename, None);
    let device = Some(s.anna.device_id());
    let back = export(&mut s.centre, &s.root.join("back2.asysta"), ExportRequest { device, ..Default::default() });
    let before = snapshot_files(&s.root.join("anna"));
    let err = import(&mut s.anna, &back, None).unwrap_err();
    assert!(matches!(&err, StoreError::PolicyBreach { what: crate::error::PolicyBreach::Kind, .. }), "{err:?}");
    assert_unchanged(&before, &snapshot_files(&s.root.join("anna")));
}

#[test]
fn the_policy_lets_the_ordinary_traffic_through_both_ways() {
    let mut s = site();
    first_round_trip(&mut s);
    let mut settings = s.centre.settings().unwrap();
    settings.caseload_cap = 12;
    s.centre.set_settings(settings).unwrap();
    let device = Some(s.anna.device_id());
    let back = export(&mut s.centre, &s.root.join("back2.asysta"), ExportRequest { device, ..Default::default() });
    import(&mut s.anna, &back, None).unwrap();
    assert_eq!(s.anna.settings().unwrap().caseload_cap, 12);
    s.anna.add_family(&family("Zielińscy", "Ola")).unwrap();
    let next = export(&mut s.anna, &s.root.join("2.asysta"), ExportRequest::default());
    import(&mut s.centre, &next, None).unwrap();
    for store in [&s.anna, &s.centre] {
        let report = store.check().unwrap();
        assert!(report.ok, "{report:#?}");
    }
}

#[test]
fn a_centre_refuses_a_laptops_comment_in_the_centres_name() {
    assert_refused_at_the_centre(
        |s| {
            let family = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
            let comment = change(&format!(
                r#"{{"type":"comment.added","family_id":"{family}","target":{{"record":"family","id":"{family}"}},"side":"centre","text":"Zatwierdzam"}}"#
            ));
            write_behind_the_policy(&mut s.anna, EntityId(uuid::Uuid::from_u128(55)), comment, None);
        },
        crate::error::PolicyBreach::Kind,
    );
}

#[test]
fn a_centre_refuses_a_laptops_edit_of_a_referred_case_it_was_not_given() {
    let mut s = site();
    first_round_trip(&mut s);
    let form = asysta_core::centre::intake::ReferralForm {
        name: "Zielińscy".into(),
        address: "ul. Leśna 2".into(),
        basis: "social-worker".into(),
        requested_on: "2025-11-10".into(),
        ..Default::default()
    };
    let today = chrono::NaiveDate::from_ymd_opt(2025, 11, 24).unwrap();
    let referred = s.centre.run(asysta_core::ops::ReferFamily { form }, today).unwrap();
    // Anna's laptop writes to the waiting case behind its store's back.
    let note = change(&format!(r#"{{"type":"note.added","family_id":"{referred}","text":"x","restricted":false}}"#));
    write_behind_the_policy(&mut s.anna, EntityId(uuid::Uuid::from_u128(56)), note, None);
    let bundle = export(&mut s.anna, &s.root.join("forged.asysta"), ExportRequest::default());
    let before = snapshot_files(&s.root.join("centre"));
    let err = import(&mut s.centre, &bundle, None).unwrap_err();
    assert!(matches!(&err, StoreError::PolicyBreach { what: crate::error::PolicyBreach::Family, .. }), "{err:?}");
    assert_unchanged(&before, &snapshot_files(&s.root.join("centre")));
}
