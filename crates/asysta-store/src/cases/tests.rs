use crate::tests::from_the_centre;
use crate::tests::{create_seeded, family, projection_state};
use crate::{Store, StoreError};
use asysta_core::closing::Closing;
use asysta_core::evaluation::{Decision, DueState, EvaluationForm, EvaluationStatus};
use asysta_core::opinion::OpinionRequest;
use asysta_core::record::{CaseDetails, FamilyStatus};
use asysta_core::EntityId;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A whole evaluation of a family without a plan (no areas or goals).
pub(crate) fn whole_evaluation(from: &str, to: &str, is_final: bool) -> EvaluationForm {
    EvaluationForm {
        period_from: from.into(),
        period_to: to.into(),
        is_final,
        family_view: "Rodzina widzi postęp.".into(),
        cooperation: "good".into(),
        recommendation: if is_final { "end_work" } else { "continue" }.into(),
        ..Default::default()
    }
}

/// Submits a final evaluation and closes the work (what closing needs).
pub(crate) fn close(store: &mut Store, family_id: EntityId, on: NaiveDate) {
    let from = (on - chrono::Duration::days(30)).to_string();
    store.submit_evaluation(family_id, None, &whole_evaluation(&from, &on.to_string(), true), on).unwrap();
    let closing = Closing {
        on,
        reason_key: "goals_achieved".into(),
        reason_text: String::new(),
        summary: "Cele osiągnięte.".into(),
    };
    store.close_work(family_id, closing).unwrap();
}

fn started_on(store: &mut Store, family_id: EntityId, start: &str) {
    store.set_case_details(family_id, CaseDetails { start_date: Some(d(start)), ..Default::default() }).unwrap();
}

#[test]
fn an_evaluation_goes_from_draft_to_submitted_and_a_correction_is_a_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create_seeded(dir.path(), 3);
    let id = store.add_family(&family("Żółć", "Łucja")).unwrap();
    let today = d("2026-12-01");
    let draft =
        EvaluationForm { period_from: "2026-06-01".into(), period_to: "2026-11-30".into(), ..Default::default() };
    let eval_id = store.save_evaluation(id, None, &draft, today).unwrap();
    assert_eq!(store.evaluation(eval_id).unwrap().status, EvaluationStatus::Draft);

    let err = store.submit_evaluation(id, Some(eval_id), &draft, today).unwrap_err();
    let StoreError::Invalid(fields) = err else { panic!("{err:?}") };
    let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["family_view", "cooperation", "recommendation"]);
    assert_eq!(store.evaluation(eval_id).unwrap().status, EvaluationStatus::Draft, "nothing was submitted");

    let whole = whole_evaluation("2026-06-01", "2026-11-30", false);
    store.save_evaluation(id, Some(eval_id), &whole, today).unwrap();
    store.submit_evaluation(id, Some(eval_id), &whole, today).unwrap();
    let submitted = store.evaluation(eval_id).unwrap();
    assert_eq!(submitted.status, EvaluationStatus::Submitted);
    assert_eq!(submitted.submitted.as_ref().map(|s| (s.on, s.by.as_str())), Some((today, "Anna Łęcka")));
    assert_eq!(submitted.evaluation.family_view, "Rodzina widzi postęp.");

    let events = store.all_events().unwrap().len();
    let err = store.save_evaluation(id, Some(eval_id), &whole, today).unwrap_err();
    assert!(matches!(err, StoreError::EvaluationFrozen(_)), "{err:?}");
    assert_eq!(store.all_events().unwrap().len(), events, "a frozen evaluation writes nothing");
    let err = store.decide_evaluation(eval_id, Decision::Accepted, "", today).unwrap_err();
    assert!(matches!(err, StoreError::WrongRole { needed: "centre" }), "{err:?}");

    let correction = store.correct_evaluation(eval_id).unwrap();
    let list = store.evaluations(id).unwrap();
    assert_eq!(list.len(), 2);
    let (old, new) = (&list[0], &list[1]);
    assert_eq!((old.id, old.corrected_by), (eval_id, Some(correction)));
    assert_eq!((new.version, new.corrects, new.status), (2, Some(eval_id), EvaluationStatus::Draft));
    assert_eq!(new.evaluation, old.evaluation, "the correction starts from the submitted content");
    assert!(matches!(store.correct_evaluation(eval_id), Err(StoreError::EvaluationFrozen(_))), "one correction");

    let before = projection_state(&store);
    store.rebuild_projections().unwrap();
    assert_eq!(projection_state(&store), before, "the rows are a function of the log");
}

#[test]
fn evaluations_fall_due_six_months_after_the_start_and_after_the_last_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create_seeded(dir.path(), 4);
    let id = store.add_family(&family("Nowak", "Ewa")).unwrap();
    started_on(&mut store, id, "2026-05-31");
    let due = |store: &Store, today: &str| {
        store.due_all(d(today)).unwrap().into_iter().find(|i| i.family_id == id).map(|i| i.state)
    };
    assert_eq!(due(&store, "2026-10-01"), Some(DueState::Later { due: d("2026-11-30") }));
    assert_eq!(due(&store, "2026-11-20"), Some(DueState::DueSoon { due: d("2026-11-30"), days_left: 10 }));
    assert_eq!(due(&store, "2026-12-03"), Some(DueState::Overdue { due: d("2026-11-30"), days_over: 3 }));
    assert_eq!(store.due(d("2026-10-01")).unwrap(), [], "the home screen lists only what is near");

    store.submit_evaluation(id, None, &whole_evaluation("2026-05-31", "2026-11-15", false), d("2026-11-15")).unwrap();
    assert_eq!(due(&store, "2026-12-03"), Some(DueState::Later { due: d("2027-05-15") }), "the clock restarts");
    let periods = store.periods().unwrap();
    from_the_centre(&mut store, |c| c.set_periods(crate::Periods { evaluation_months: 3, ..periods })).unwrap();
    assert_eq!(due(&store, "2026-12-03"), Some(DueState::Later { due: d("2027-02-15") }));
    let err =
        from_the_centre(&mut store, |c| c.set_periods(crate::Periods { evaluation_months: 7, ..periods })).unwrap_err();
    assert!(matches!(&err, StoreError::Invalid(f) if f[0].field == "evaluation_months"), "the Act's six months");
    assert_eq!(store.settings().unwrap().caseload_cap, 15, "the periods leave the other settings alone");
}

#[test]
fn closing_needs_a_final_evaluation_then_monitoring_ends_in_a_read_only_archive() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create_seeded(dir.path(), 5);
    let id = store.add_family(&family("Lis", "Jan")).unwrap();
    let on = d("2026-11-30");
    let closing = Closing {
        on,
        reason_key: "other".into(),
        reason_text: "przeprowadzka za granicę".into(),
        summary: "Praca zakończona.".into(),
    };
    let err = store.close_work(id, closing.clone()).unwrap_err();
    assert!(matches!(err, StoreError::FinalEvaluationMissing), "{err:?}");
    let err = store.change_status(id, FamilyStatus::Closed, "koniec", None).unwrap_err();
    assert!(matches!(err, StoreError::StatusChange { .. }), "closing goes through its form: {err:?}");
    let interim = store.submit_evaluation(id, None, &whole_evaluation("2026-06-01", "2026-11-01", false), on).unwrap();
    assert!(matches!(store.close_work(id, closing.clone()), Err(StoreError::FinalEvaluationMissing)), "{interim}");
    store.submit_evaluation(id, None, &whole_evaluation("2026-11-02", "2026-11-30", true), on).unwrap();
    let unknown = Closing { reason_key: "nope".into(), ..closing.clone() };
    assert!(matches!(store.close_work(id, unknown), Err(StoreError::Invalid(_))));
    store.close_work(id, closing).unwrap();
    let case = store.family_case(id).unwrap();
    assert_eq!((case.family.status, case.status_on), (FamilyStatus::Closed, Some(on)));
    let kept = case.closing.clone().unwrap();
    assert_eq!((kept.reason_key.as_deref(), kept.reason.as_str()), (Some("other"), "przeprowadzka za granicę"));
    assert_eq!(case.next_evaluation_due, None, "a closed family is not evaluated");
    assert_eq!(store.caseload().unwrap(), asysta_core::record::CaseloadCheck::Ok { active: 0, cap: 15 });

    store.change_status(id, FamilyStatus::Monitoring, "", Some(d("2026-12-01"))).unwrap();
    let case = store.family_case(id).unwrap();
    assert_eq!(case.monitoring_until, Some(d("2027-03-01")), "three months by default");
    assert_eq!(case.closing, Some(kept), "the closing stays readable");
    store.record_visit(id, visit("2026-12-02")).unwrap();
    let ends = store.due(d("2027-02-25")).unwrap();
    assert!(matches!(ends[0].what, asysta_core::api::DueWhat::MonitoringEnd), "{ends:?}");

    store.change_status(id, FamilyStatus::Archived, "", Some(d("2027-03-02"))).unwrap();
    let events = store.all_events().unwrap().len();
    for err in [
        store.add_note(id, "Notatka", false).unwrap_err(),
        store.record_visit(id, visit("2027-03-03")).unwrap_err(),
        store.add_member(id, asysta_core::member::MemberDetails::named("Ala", "Lis")).unwrap_err(),
        store
            .save_evaluation(id, None, &whole_evaluation("2027-01-01", "2027-03-01", false), d("2027-03-03"))
            .unwrap_err(),
    ] {
        assert!(matches!(err, StoreError::CaseArchived), "{err:?}");
    }
    assert_eq!(store.all_events().unwrap().len(), events, "an archived case is read-only");
    assert!(store.due(d("2027-03-05")).unwrap().is_empty());
}

fn visit(date: &str) -> asysta_core::visit::Visit {
    serde_json::from_value(serde_json::json!({
        "date": date, "start": "10:00:00", "end": "11:00:00", "place": {"kind": "home"}, "form": "home_visit",
        "participants": [], "other_participants": "", "areas": [], "actions_worked": [], "notes": "Monitoring.",
        "next_planned": null, "intervention": null
    }))
    .unwrap()
}

#[test]
fn a_court_opinion_is_drafted_then_locked_and_listed_while_due() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create_seeded(dir.path(), 6);
    let id = store.add_family(&family("Wróbel", "Ola")).unwrap();
    let request = OpinionRequest {
        court: "Sąd Rejonowy w Łęczycy".into(),
        case_signature: "III Nsm 12/26".into(),
        received_on: d("2026-11-20"),
        due_on: d("2026-12-10"),
    };
    let opinion = store.request_opinion(id, request.clone()).unwrap();
    let due = store.due(d("2026-12-05")).unwrap();
    assert!(
        due.iter().any(
            |i| matches!(&i.what, asysta_core::api::DueWhat::Opinion { opinion_id, .. } if *opinion_id == opinion)
        ),
        "{due:?}"
    );
    store.save_opinion(opinion, "Wersja robocza.").unwrap();
    assert!(matches!(store.finalize_opinion(opinion, "  ", d("2026-12-05")), Err(StoreError::Invalid(_))));
    store.finalize_opinion(opinion, "Opinia ostateczna.", d("2026-12-05")).unwrap();
    let locked = store.opinion(opinion).unwrap();
    assert_eq!(
        (locked.text.as_str(), locked.finalized.as_ref().map(|f| f.on)),
        ("Opinia ostateczna.", Some(d("2026-12-05")))
    );
    assert!(matches!(store.save_opinion(opinion, "zmiana"), Err(StoreError::OpinionLocked(_))));
    assert_eq!(store.family_case(id).unwrap().opinions, [locked]);
    assert!(store
        .due(d("2026-12-05"))
        .unwrap()
        .iter()
        .all(|i| i.family_id != id || !matches!(i.what, asysta_core::api::DueWhat::Opinion { .. })));
}

#[test]
fn the_centre_lists_travel_as_settings() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create_seeded(dir.path(), 8);
    assert_eq!(store.rating_scale().unwrap().len(), 5);
    let mut reasons = store.closing_reasons().unwrap();
    reasons.retain(|r| r.key != "moved");
    from_the_centre(&mut store, |c| c.set_closing_reasons(reasons.clone())).unwrap();
    assert_eq!(store.closing_reasons().unwrap(), reasons);
    reasons.retain(|r| r.key != "other");
    assert!(matches!(from_the_centre(&mut store, |c| c.set_closing_reasons(reasons)), Err(StoreError::Invalid(_))));
    let scale = asysta_core::evaluation::default_rating_scale()[..3].to_vec();
    from_the_centre(&mut store, |c| c.set_rating_scale(scale.clone())).unwrap();
    assert_eq!(store.rating_scale().unwrap(), scale);
}
