use super::*;
use crate::plan::ActionStatus;
use crate::visit::{InterventionStep, TravelMeans};
use serde_json::json;

fn id(n: u8) -> EntityId {
    EntityId::new_v7(1_764_000_000_000 + u64::from(n), [n; 10])
}

fn every_field_set() -> VisitView {
    let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    VisitView {
        id: id(1),
        rev: 3,
        author_name: "Anna Nowak".into(),
        visit: Visit {
            date,
            start: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(17, 30, 0).unwrap(),
            place: Place::Other { text: "szkoła".into() },
            form: ContactForm::Accompanying,
            participants: vec![id(2), id(3)],
            other_participants: "pedagog szkolny".into(),
            areas: vec!["school".into()],
            actions_worked: vec![ActionWorked {
                action_id: id(4),
                note: "rozmowa".into(),
                status: Some(ActionStatus::Done),
            }],
            notes: "Wizyta w szkole.".into(),
            next_planned: Some(date + chrono::Duration::days(7)),
            intervention: Some(Intervention {
                observed: "siniak".into(),
                steps: vec![InterventionStep::SocialWorkerInformed],
                at: date.and_hms_opt(17, 0, 0).unwrap(),
            }),
            planned: Some(false),
            purpose: Some("zebranie".into()),
            travel: Some(Travel { km_tenths: 125, means: TravelMeans::OwnCar }),
        },
    }
}

#[test]
fn every_field_survives_a_round_trip_at_one_level() {
    let view = every_field_set();
    let written = serde_json::to_value(&view).unwrap();
    assert_eq!(written["notes"], "Wizyta w szkole.", "the visit's fields sit beside the id: {written}");
    assert_eq!(written["author_name"], "Anna Nowak");
    assert!(written.get("visit").is_none(), "{written}");
    let read: VisitView = serde_json::from_value(written).unwrap();
    assert_eq!(read, view);
}

#[test]
fn an_entry_written_before_planned_visits_and_travel_reads_without_them() {
    let mut view = every_field_set();
    let mut written = serde_json::to_value(&view).unwrap();
    for field in ["planned", "purpose", "travel", "next_planned", "intervention"] {
        written.as_object_mut().unwrap().remove(field);
    }
    let read: VisitView = serde_json::from_value(written).unwrap();
    view.visit.planned = None;
    view.visit.purpose = None;
    view.visit.travel = None;
    view.visit.next_planned = None;
    view.visit.intervention = None;
    assert_eq!(read, view);
}

#[test]
fn an_entry_without_its_notes_is_refused_as_before() {
    let mut written = serde_json::to_value(every_field_set()).unwrap();
    written.as_object_mut().unwrap().remove("notes");
    let error = serde_json::from_value::<VisitView>(written).unwrap_err();
    assert!(error.to_string().contains("notes"), "{error}");
    assert!(serde_json::from_value::<VisitView>(json!({"id": id(1)})).is_err());
}
