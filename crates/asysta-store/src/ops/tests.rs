//! The one door on real SQLCipher files: every operation checks its role
//! before its request, validates it whole, and writes through the store.

use crate::exchange::tests::workspace;
use crate::sync::tests::d;
use crate::{Store, StoreError};
use asysta_core::family::NewFamilyForm;
use asysta_core::ops::{self, Operation};
use asysta_core::plan::ProgressNoteForm;
use asysta_core::workspace::Role;
use asysta_core::EntityId;

fn new_family() -> ops::AddFamily {
    ops::AddFamily {
        form: NewFamilyForm {
            name: "Kowalscy".into(),
            address: "ul. Długa 1, Łódź".into(),
            first_member_first_name: "Jan".into(),
            first_member_last_name: String::new(),
        },
    }
}

fn events(store: &Store) -> i64 {
    store.conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0)).unwrap()
}

#[test]
fn the_role_is_checked_before_the_request_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut centre = workspace(&dir.path().join("c"), "Maria Zięba", Role::Centre, 1);
    let mut laptop = workspace(&dir.path().join("l"), "Anna Łęcka", Role::Assistant, 2);
    let today = d("2026-11-30");
    // An invalid request to the wrong side is refused for its role.
    let invalid = ops::AddFamily { form: NewFamilyForm::default() };
    assert!(matches!(centre.run(invalid, today), Err(StoreError::WrongRole { needed: "assistant" })));
    let cap = ops::SetSettings { caseload_cap: 99, no_visit_days: 0 };
    assert!(matches!(laptop.run(cap, today), Err(StoreError::WrongRole { needed: "centre" })));
    let decide =
        ops::DecideEvaluation { evaluation_id: EntityId(uuid::Uuid::nil()), accept: true, note: String::new() };
    assert!(matches!(laptop.run(decide, today), Err(StoreError::WrongRole { .. })));
    assert_eq!((events(&centre), events(&laptop)), (1, 1), "only the workspaces' creations");
    // The right side validates the whole request.
    match laptop.run(ops::AddFamily { form: NewFamilyForm::default() }, today) {
        Err(StoreError::Invalid(fields)) => assert!(fields.len() >= 2, "{fields:?}"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        centre.run(ops::SetSettings { caseload_cap: 99, no_visit_days: 14 }, today),
        Err(StoreError::Invalid(_))
    ));
    laptop.run(new_family(), today).unwrap();
    centre.run(ops::SetSettings { caseload_cap: 12, no_visit_days: 14 }, today).unwrap();
    assert_eq!(centre.settings().unwrap().caseload_cap, 12);
}

#[test]
fn a_progress_note_names_an_action_of_the_current_plan_and_follows_its_agreement() {
    let dir = tempfile::tempdir().unwrap();
    let mut laptop = workspace(dir.path(), "Anna Łęcka", Role::Assistant, 3);
    let today = d("2026-11-30");
    let family_id = laptop.run(new_family(), today).unwrap();
    laptop.save_plan_version(family_id, crate::sync::tests::plan("Cel")).unwrap();
    let action_id = EntityId(uuid::Uuid::from_u128(2)).to_string();
    let note = |date: &str, action_id: &str| ProgressNoteForm {
        action_id: action_id.into(),
        date: date.into(),
        note: "Złożono wniosek".into(),
        status: "done".into(),
    };
    let before_agreement = ops::AddProgressNote { family_id, form: note("2026-08-01", &action_id) };
    assert!(matches!(laptop.run(before_agreement, today), Err(StoreError::Invalid(f)) if f[0].field == "date"));
    let unknown =
        ops::AddProgressNote { family_id, form: note("2026-11-20", &EntityId(uuid::Uuid::from_u128(77)).to_string()) };
    assert!(matches!(laptop.run(unknown, today), Err(StoreError::Invalid(f)) if f[0].field == "action_id"));
    laptop.run(ops::AddProgressNote { family_id, form: note("2026-11-20", &action_id) }, today).unwrap();
    assert_eq!(laptop.family_case(family_id).unwrap().progress_notes.len(), 1);
    assert!(laptop.check().unwrap().ok);
}

#[test]
fn every_operation_of_the_table_has_its_roles_from_the_policy() {
    // An operation's roles and the policy of the changes it writes agree:
    // a side that may run the operation may write its events.
    use asysta_core::policy::Authors;
    for (name, roles) in asysta_core::ops::TABLE {
        // A comment and an attachment are the operations of both sides.
        let both = [ops::AddComment::NAME, ops::AddAttachment::NAME, ops::RemoveAttachment::NAME];
        if !both.contains(name) {
            assert_ne!(*roles, Authors::Either, "{name}: every operation belongs to one side");
        }
    }
    assert_eq!(ops::RecordVisit::ROLES, Authors::Assistant);
    assert_eq!(ops::SetPlanAreas::ROLES, Authors::Centre);
}
