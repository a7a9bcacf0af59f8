//! Visits planned ahead and the journey to a contact, on real SQLCipher
//! files: planned, listed, missed, turned into a diary entry or
//! cancelled, carried to the centre, and every table equal to its rebuild.

use crate::exchange::tests::{export, import, site};
use crate::sync::tests::d;
use crate::tests::family;
use crate::{ExportRequest, StoreError};
use asysta_core::ops;
use asysta_core::visit::{PlannedVisitForm, VisitForm};
use asysta_core::EntityId;

fn plan(date: &str, time: &str, purpose: &str) -> PlannedVisitForm {
    PlannedVisitForm { date: date.into(), time: time.into(), purpose: purpose.into(), ..Default::default() }
}

fn contact(date: &str) -> VisitForm {
    VisitForm {
        date: date.into(),
        start: "10:00".into(),
        end: "11:30".into(),
        place: "home".into(),
        form: "home_visit".into(),
        notes: "Rozmowa o szkole.".into(),
        ..Default::default()
    }
}

#[test]
fn a_planned_visit_is_listed_missed_turned_into_a_diary_entry_or_cancelled() {
    let mut s = site();
    let today = d("2026-12-07");
    let family_id: EntityId = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    // Planned for today and next week; one in the past is refused.
    let refused = s.anna.run(ops::PlanVisit { family_id, form: plan("2026-12-06", "10:00", "") }, today);
    match refused {
        Err(StoreError::Invalid(fields)) => assert_eq!(fields[0].message_id(), "planned-visit-past"),
        other => panic!("{other:?}"),
    }
    let missing = s.anna.run(ops::PlanVisit { family_id, form: PlannedVisitForm::default() }, today);
    assert!(matches!(missing, Err(StoreError::Invalid(f)) if f.len() == 2), "a date and a time");
    let soon =
        s.anna.run(ops::PlanVisit { family_id, form: plan("07.12.2026", "16:00", "Szkoła syna") }, today).unwrap();
    let later = s.anna.run(ops::PlanVisit { family_id, form: plan("2026-12-14", "09:30", "") }, today).unwrap();
    let other_family: EntityId = s.anna.add_family(&family("Nowakowie", "Ewa")).unwrap();
    let theirs = s.anna.run(ops::PlanVisit { family_id: other_family, form: plan("2026-12-08", "12:00", "") }, today);
    let theirs = theirs.unwrap();
    let listed = s.anna.scheduled_visits(today, None).unwrap();
    assert_eq!(listed.iter().map(|v| v.id).collect::<Vec<_>>(), [soon, theirs, later]);
    s.anna.cancel_planned_visit(theirs).unwrap();
    // One family's, as its case lists them.
    let listed = s.anna.scheduled_visits(today, Some(family_id)).unwrap();
    assert_eq!(listed.iter().map(|v| v.id).collect::<Vec<_>>(), [soon, later]);
    assert!(s.anna.scheduled_visits(today, Some(other_family)).unwrap().is_empty());
    assert_eq!(
        (listed[0].time.as_str(), listed[0].purpose.as_str(), listed[0].missed),
        ("16:00", "Szkoła syna", false)
    );
    // Not a contact: not in the diary, not counted anywhere.
    assert!(s.anna.family_case(family_id).unwrap().visits.is_empty());
    assert_eq!(s.anna.list_families().unwrap()[0].last_visit, None);
    // A week on, the first one is missed (listed first).
    let listed = s.anna.scheduled_visits(d("2026-12-10"), None).unwrap();
    assert_eq!((listed[0].id, listed[0].missed, listed[1].missed), (soon, true, false));

    // It happened after all: corrected into a diary entry, the family's
    // visit draft goes with it.
    let draft = asysta_core::visit::VisitDraft { family_id, form: contact("2026-12-07"), saved_at_ms: 1 };
    s.anna.save_draft(&draft).unwrap();
    s.anna.run(ops::UpdateVisit { family_id, visit_id: soon, form: contact("2026-12-07") }, today).unwrap();
    let case = s.anna.family_case(family_id).unwrap();
    assert_eq!(case.visits.len(), 1);
    assert_eq!(case.visits[0].id, soon);
    assert_eq!(case.visits[0].visit.purpose.as_deref(), Some("Szkoła syna"), "what it was planned for stays");
    assert!(s.anna.drafts().unwrap().is_empty());
    assert_eq!(s.anna.scheduled_visits(today, None).unwrap().iter().map(|v| v.id).collect::<Vec<_>>(), [later]);
    // The other one is cancelled; a diary entry cannot be.
    s.anna.run(ops::CancelPlannedVisit { visit_id: later }, today).unwrap();
    assert!(s.anna.scheduled_visits(today, None).unwrap().is_empty());
    assert!(matches!(s.anna.run(ops::CancelPlannedVisit { visit_id: soon }, today), Err(StoreError::NotFound(_))));
    assert!(s.anna.check().unwrap().ok);

    // At the centre: the same, from the events alone.
    let bundle = export(&mut s.anna, &s.root.join("b1.asysta"), ExportRequest::default());
    import(&mut s.centre, &bundle, Some(&s.anna)).unwrap();
    assert_eq!(s.centre.family_case(family_id).unwrap().visits.len(), 1);
    assert!(s.centre.scheduled_visits(today, None).unwrap().is_empty());
    assert!(s.centre.check().unwrap().ok);
}

#[test]
fn a_journey_is_recorded_with_its_contact_and_refused_half_typed() {
    let mut s = site();
    let today = d("2026-12-07");
    let family_id: EntityId = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let half = VisitForm { travel_km: "12,5".into(), ..contact("2026-12-07") };
    match s.anna.run(ops::RecordVisit { family_id, form: half }, today) {
        Err(StoreError::Invalid(fields)) => assert_eq!(fields[0].field, "travel_means"),
        other => panic!("{other:?}"),
    }
    let bad = VisitForm { travel_km: "dużo".into(), travel_means: "own_car".into(), ..contact("2026-12-07") };
    assert!(matches!(s.anna.run(ops::RecordVisit { family_id, form: bad }, today), Err(StoreError::Invalid(_))));
    let form = VisitForm { travel_km: "12,5".into(), travel_means: "own_car".into(), ..contact("2026-12-07") };
    let id = s.anna.run(ops::RecordVisit { family_id, form }, today).unwrap();
    let (km, means): (i64, String) = s
        .anna
        .conn
        .query_row("SELECT travel_km_tenths, travel_means FROM visits WHERE id = ?1", [id.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((km, means.as_str()), (125, "own_car"));
    let shown = VisitForm::from_visit(&s.anna.family_case(family_id).unwrap().visits[0].visit);
    assert_eq!((shown.travel_km.as_str(), shown.travel_means.as_str()), ("12,5", "own_car"));
    let bundle = export(&mut s.anna, &s.root.join("b1.asysta"), ExportRequest::default());
    import(&mut s.centre, &bundle, Some(&s.anna)).unwrap();
    assert!(s.anna.check().unwrap().ok && s.centre.check().unwrap().ok);
}
