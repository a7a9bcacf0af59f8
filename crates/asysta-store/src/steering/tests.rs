//! The centre steers, on real SQLCipher files and real bundles: intake and
//! assignment within the cap, decisions bound to a plan version, comments
//! with read marks, a transfer in two phases, duplicates across
//! assistants. Every replica passes `check` at the end of each story.

use crate::exchange::tests::{export, import, site, Site};
use crate::sync::tests::{d, plan};
use crate::tests::{family, TestEnvironment};
use crate::{ExportRequest, Store, StoreError};
use asysta_core::centre::intake::ReferralForm;
use asysta_core::centre::{ApprovalState, AssistantForm};
use asysta_core::event::DuplicateDecision;
use asysta_core::member::MemberDetails;
use asysta_core::ops;
use asysta_core::EntityId;

const TODAY: &str = "2025-11-24";

fn today() -> chrono::NaiveDate {
    d(TODAY)
}

/// Laptop → centre (trusting it the first time).
fn up(s: &mut Site, laptop: Laptop) {
    let (store, name) = match laptop {
        Laptop::Anna => (&mut s.anna, "anna"),
        Laptop::Ewa => (&mut s.ewa, "ewa"),
    };
    let path = export(store, &s.root.join(format!("{name}-{}.asysta", rand_name(store))), ExportRequest::default());
    let trust = match laptop {
        Laptop::Anna => &s.anna,
        Laptop::Ewa => &s.ewa,
    };
    import(&mut s.centre, &path, Some(trust)).unwrap();
}

/// Centre → laptop.
fn down(s: &mut Site, laptop: Laptop) {
    let store = match laptop {
        Laptop::Anna => &mut s.anna,
        Laptop::Ewa => &mut s.ewa,
    };
    let device = store.device_id();
    let path = export(
        &mut s.centre,
        &s.root.join(format!("centre-{}.asysta", rand_name(store))),
        ExportRequest { device: Some(device), ..Default::default() },
    );
    import(store, &path, None).unwrap();
}

fn rand_name(store: &Store) -> u64 {
    store.env.now_ms()
}

#[derive(Clone, Copy)]
enum Laptop {
    Anna,
    Ewa,
}

fn referral(name: &str, on: &str) -> ops::ReferFamily {
    ops::ReferFamily {
        form: ReferralForm {
            name: name.into(),
            address: "ul. Polna 3".into(),
            basis: "social-worker".into(),
            requested_on: on.into(),
            social_worker: "Jan Kos".into(),
            ..ReferralForm::default()
        },
    }
}

fn assistant_id(s: &Site, who: &Store) -> EntityId {
    let user = who.author.user_id;
    s.centre.assistants(None).unwrap().into_iter().find(|a| a.entry.user_id == Some(user)).unwrap().id
}

#[track_caller]
fn assert_checks(stores: &[&Store]) {
    for store in stores {
        let report = store.check().unwrap();
        assert!(report.ok, "{report:?}");
    }
}

#[test]
fn a_referred_case_waits_then_reaches_the_assigned_laptop_with_its_referral() {
    let mut s = site();
    up(&mut s, Laptop::Anna);
    up(&mut s, Laptop::Ewa);
    let later = s.centre.run(referral("Wiśniewscy", "2025-11-20"), today()).unwrap();
    let earlier = s.centre.run(referral("Kowalscy", "2025-11-03"), today()).unwrap();
    let waiting = s.centre.waiting_list(today()).unwrap();
    assert_eq!(waiting.iter().map(|w| w.family_id).collect::<Vec<_>>(), [earlier, later], "by the request's date");
    assert_eq!(waiting[0].waiting_days, 21);

    // Enrolled laptops' users are in the register already.
    let register = s.centre.assistants(None).unwrap();
    assert_eq!(register.len(), 2);
    assert!(register.iter().all(|a| !a.registered && a.entry.devices.len() == 1));
    let anna = assistant_id(&s, &s.anna);

    // A laptop may not write a referral or an assignment.
    assert!(matches!(s.anna.run(referral("X", "2025-11-01"), today()), Err(StoreError::WrongRole { .. })));

    s.centre.run(ops::AssignFamily { family_id: earlier, assistant_id: anna, on: String::new() }, today()).unwrap();
    assert!(matches!(
        s.centre.run(ops::AssignFamily { family_id: earlier, assistant_id: anna, on: String::new() }, today()),
        Err(StoreError::AlreadyAssigned { .. })
    ));
    assert_eq!(s.centre.waiting_list(today()).unwrap().len(), 1);
    assert_eq!(s.centre.assistant_on(earlier, today()).unwrap().unwrap().name, "Anna Łęcka");
    assert_eq!(s.centre.assistant_on(earlier, d("2025-11-23")).unwrap(), None);

    down(&mut s, Laptop::Anna);
    down(&mut s, Laptop::Ewa);
    let case = s.anna.family_case(earlier).unwrap();
    assert_eq!(case.family.name, "Kowalscy");
    assert_eq!(s.anna.assignments_of(earlier).unwrap()[0].assistant.name, "Anna Łęcka");
    assert!(s.ewa.family_case(earlier).is_err(), "another assistant's family stays withheld");
    assert!(s.anna.family_case(later).is_err(), "a waiting case stays at the centre");
    assert_eq!(s.anna.caseload().unwrap(), asysta_core::record::check_caseload(1, 15));

    // The assistant works with it; the centre takes her events.
    let member = s.anna.add_member(earlier, MemberDetails::named("Jan", "Kowalski")).unwrap();
    up(&mut s, Laptop::Anna);
    assert!(s.centre.family_case(earlier).unwrap().members.iter().any(|m| m.id == member));

    // Completing an enrolled user's entry keeps its id and its laptop.
    let form = AssistantForm {
        name: "Anna Łęcka".into(),
        employment: "umowa-o-prace".into(),
        from: "2024-01-01".into(),
        fte: "1".into(),
        ..AssistantForm::default()
    };
    s.centre.run(ops::UpdateAssistant { assistant_id: anna, form, devices: Vec::new() }, today()).unwrap();
    let entry = s.centre.assistants(None).unwrap().into_iter().find(|a| a.id == anna).unwrap();
    assert!(entry.registered);
    assert_eq!(entry.active_families, 1);
    assert_eq!(entry.entry.devices, [s.anna.device_id()]);
    let headcount = asysta_core::centre::register::headcount_on(
        s.centre.assistants(None).unwrap().iter().map(|a| &a.entry),
        today(),
    );
    assert_eq!(headcount.get(&Some(asysta_core::centre::Employment::EmploymentContract)), Some(&1));
    assert_eq!(headcount.get(&None), Some(&1), "Ewa's entry is not completed");
    assert_checks(&[&s.centre, &s.anna, &s.ewa]);
}

#[test]
fn the_sixteenth_family_is_refused_and_the_cap_on_a_past_day_is_answered() {
    let mut s = site();
    up(&mut s, Laptop::Anna);
    let anna = assistant_id(&s, &s.anna);
    let mut families = Vec::new();
    for i in 0..16 {
        families.push(s.centre.run(referral(&format!("Rodzina {i}"), "2025-10-01"), today()).unwrap());
    }
    for (i, family) in families.iter().take(15).enumerate() {
        let on = format!("2025-11-{:02}", i + 1);
        s.centre.run(ops::AssignFamily { family_id: *family, assistant_id: anna, on }, today()).unwrap();
    }
    let err = s
        .centre
        .run(ops::AssignFamily { family_id: families[15], assistant_id: anna, on: String::new() }, today())
        .unwrap_err();
    match &err {
        StoreError::AssigneeCaseloadFull { name, active, cap, .. } => {
            assert_eq!((name.as_str(), *active, *cap), ("Anna Łęcka", 15, 15));
        }
        other => panic!("{other:?}"),
    }
    let api = asysta_core::api::ApiError::from(&err);
    assert_eq!(api.kind, asysta_core::api::ErrorKind::AssigneeCaseloadFull);
    assert!(api.args.iter().any(|(k, v)| k == "name" && v == "Anna Łęcka"), "{api:?}");
    // The caseload on a past day.
    let on = |day: &str| {
        s.centre.assistants(Some(d(day))).unwrap().into_iter().find(|a| a.id == anna).unwrap().active_families
    };
    assert_eq!(on("2025-10-31"), 0);
    assert_eq!(on("2025-11-05"), 5);
    assert_eq!(on("2025-11-24"), 15);
    // An assignment dated before the others still counts those assigned later.
    assert!(matches!(
        s.centre
            .run(ops::AssignFamily { family_id: families[15], assistant_id: anna, on: "2025-11-01".into() }, today()),
        Err(StoreError::AssigneeCaseloadFull { .. })
    ));
}

#[test]
fn a_plan_is_returned_corrected_resubmitted_and_approved_and_a_late_decision_goes_stale() {
    let mut s = site();
    let family_id = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    s.anna.save_plan_version(family_id, plan("Spłata zadłużenia")).unwrap();
    s.anna.run(ops::SubmitPlan { family_id, version: 1 }, today()).unwrap();
    assert!(s.anna.run(ops::SubmitPlan { family_id, version: 1 }, today()).is_err(), "once");
    up(&mut s, Laptop::Anna);
    let returned = ops::DecidePlan {
        family_id,
        version: 1,
        form: asysta_core::centre::approval::DecisionForm { decision: "returned".into(), note: String::new() },
    };
    assert!(matches!(s.centre.run(returned.clone(), today()), Err(StoreError::Invalid(_))), "a note is required");
    let mut returned = returned;
    returned.form.note = "Dodać terminy działań".into();
    s.centre.run(returned, today()).unwrap();
    down(&mut s, Laptop::Anna);
    let approvals = s.anna.plan_approvals(family_id).unwrap();
    assert_eq!(approvals[0].state(), ApprovalState::Returned);
    assert_eq!(approvals[0].decision().unwrap().note, "Dodać terminy działań");
    assert_eq!(approvals[0].decision().unwrap().stamp.by, "Kierownik Maria Zięba");
    // The laptop's home screen lists it while the returned version is in force.
    let notices = s.anna.plan_decisions().unwrap();
    assert_eq!((notices.len(), notices[0].in_force, notices[0].family_name.as_str()), (1, true, "Kowalscy"));
    assert_eq!(notices[0].approval.state(), ApprovalState::Returned);
    assert!(s.centre.plan_decisions().unwrap().is_empty(), "the centre makes the decisions");

    // Corrected as a new version and submitted again; the centre approves.
    s.anna.save_plan_version(family_id, plan("Spłata zadłużenia do marca")).unwrap();
    assert!(!s.anna.plan_decisions().unwrap()[0].in_force, "corrected: no longer the version in force");
    s.anna.run(ops::SubmitPlan { family_id, version: 2 }, today()).unwrap();
    up(&mut s, Laptop::Anna);
    let approve = |version| ops::DecidePlan {
        family_id,
        version,
        form: asysta_core::centre::approval::DecisionForm { decision: "approve".into(), note: String::new() },
    };
    s.centre.run(approve(2), today()).unwrap();
    assert!(matches!(s.centre.run(approve(2), today()), Err(StoreError::PlanNotSubmitted(2))));
    down(&mut s, Laptop::Anna);
    assert_eq!(s.anna.plan_approvals(family_id).unwrap()[1].state(), ApprovalState::Approved);

    // Version 3 submitted; the assistant saves version 4 before the
    // decision on 3 arrives: that decision is stale on both sides.
    s.anna.save_plan_version(family_id, plan("Wersja 3")).unwrap();
    s.anna.run(ops::SubmitPlan { family_id, version: 3 }, today()).unwrap();
    up(&mut s, Laptop::Anna);
    s.anna.save_plan_version(family_id, plan("Wersja 4")).unwrap();
    s.centre.run(approve(3), today()).unwrap();
    down(&mut s, Laptop::Anna);
    up(&mut s, Laptop::Anna);
    for store in [&s.anna, &s.centre] {
        let third = store.plan_approvals(family_id).unwrap().into_iter().find(|a| a.version == 3).unwrap();
        assert!(third.decisions[0].stale, "a decision on a version changed meanwhile is not applied");
        assert_eq!(third.state(), ApprovalState::Submitted);
    }
    assert_eq!(s.anna.plan_approvals(family_id).unwrap(), s.centre.plan_approvals(family_id).unwrap());
    assert_checks(&[&s.centre, &s.anna]);
}

#[test]
fn comments_travel_both_ways_with_unread_marks_on_each_side() {
    let mut s = site();
    let family_id = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    up(&mut s, Laptop::Anna);
    let question = s
        .centre
        .run(
            ops::AddComment {
                target_id: family_id.to_string(),
                text: "Proszę o aktualny adres".into(),
                reply_to: None,
            },
            today(),
        )
        .unwrap();
    assert!(matches!(
        s.centre.run(ops::AddComment { target_id: "nic".into(), text: "x".into(), reply_to: None }, today()),
        Err(StoreError::Invalid(_))
    ));
    assert!(!s.centre.comments(Some(family_id)).unwrap()[0].unread, "one's own comment is read");
    down(&mut s, Laptop::Anna);
    let seen = s.anna.comments(Some(family_id)).unwrap();
    assert_eq!(seen.len(), 1);
    assert!(seen[0].unread);
    assert_eq!(seen[0].side, asysta_core::workspace::Role::Centre);
    s.anna.mark_comments_read(&[question]).unwrap();
    assert!(!s.anna.comments(Some(family_id)).unwrap()[0].unread);
    s.anna
        .run(
            ops::AddComment { target_id: String::new(), text: "Adres bez zmian".into(), reply_to: Some(question) },
            today(),
        )
        .unwrap();
    up(&mut s, Laptop::Anna);
    let thread = s.centre.comments(Some(family_id)).unwrap();
    assert_eq!(thread.len(), 2);
    assert_eq!(thread[1].reply_to, Some(question));
    assert!(thread[1].unread);
    assert!(asysta_core::centre::comment::awaits_answer_from(&thread, asysta_core::workspace::Role::Centre));
    assert_checks(&[&s.centre, &s.anna]);
}

#[test]
fn a_transfer_in_two_phases_loses_nothing_and_flags_the_late_edits() {
    let mut s = site();
    let family_id = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    s.anna.add_note(family_id, "Pierwsza wizyta", false).unwrap();
    s.anna.save_plan_version(family_id, plan("Spłata zadłużenia")).unwrap();
    s.anna.run(ops::SubmitPlan { family_id, version: 1 }, today()).unwrap();
    up(&mut s, Laptop::Anna);
    up(&mut s, Laptop::Ewa);
    let form = asysta_core::centre::approval::DecisionForm { decision: "returned".into(), note: "Terminy".into() };
    s.centre.run(ops::DecidePlan { family_id, version: 1, form }, today()).unwrap();
    // Ewa's laptop holds Anna's events as placeholders before the transfer.
    down(&mut s, Laptop::Ewa);
    assert!(s.ewa.family_case(family_id).is_err());
    let ewa = assistant_id(&s, &s.ewa);
    let anna = assistant_id(&s, &s.anna);

    s.centre.run(ops::TransferFamily { family_id, assistant_id: ewa, on: TODAY.into() }, today()).unwrap();
    assert!(matches!(
        s.centre.run(ops::TransferFamily { family_id, assistant_id: anna, on: TODAY.into() }, today()),
        Err(StoreError::TransferPending { .. })
    ));
    assert!(s.centre.transfers().unwrap()[0].pending);

    // The old laptop learns of it, warned of its unsent draft, and writes on.
    let draft = asysta_core::visit::VisitDraft {
        family_id,
        form: asysta_core::visit::VisitForm { notes: "w trakcie".into(), ..Default::default() },
        saved_at_ms: 1,
    };
    s.anna.save_draft(&draft).unwrap();
    down(&mut s, Laptop::Anna);
    assert_eq!(s.anna.plan_decisions().unwrap().len(), 1, "the return reached her before the handover");
    let notice = s.anna.transfer_notice(family_id).unwrap().unwrap();
    assert!(notice.leaving && notice.handed_over_on.is_none());
    assert_eq!(notice.unsent_drafts, 1);
    s.anna.env = TestEnvironment::at(9, 1_764_000_000_000 + 2 * 86_400_000);
    let late = s.anna.add_note(family_id, "Notatka po dacie przekazania", false).unwrap();

    // Its next bundle carries the note and the acknowledgement; from then
    // on the family is read-only there.
    up(&mut s, Laptop::Anna);
    assert!(matches!(s.anna.add_note(family_id, "x", false), Err(StoreError::CaseHandedOver)));
    assert!(s.anna.family_case(family_id).is_ok(), "still shown");
    assert!(s.anna.plan_decisions().unwrap().is_empty(), "no longer hers to correct");
    let transfer = &s.centre.transfers().unwrap()[0];
    assert!(!transfer.pending);
    assert_eq!(transfer.late_edits.len(), 1, "{:?}", transfer.late_edits);
    assert_eq!(transfer.late_edits[0].kind, "note.added");
    assert!(s.centre.family_case(family_id).unwrap().notes.iter().any(|n| n.id == late), "kept, never dropped");

    // The new laptop receives the whole file, history included, and works on.
    down(&mut s, Laptop::Ewa);
    let case = s.ewa.family_case(family_id).unwrap();
    assert_eq!(case.notes.len(), 2);
    assert_eq!(case.members.len(), 1);
    s.ewa.add_note(family_id, "Przejęłam rodzinę", false).unwrap();
    up(&mut s, Laptop::Ewa);
    down(&mut s, Laptop::Anna);
    assert_eq!(s.centre.family_case(family_id).unwrap().notes.len(), 3);
    let rows = s.centre.assignments_of(family_id).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].until, Some(today()));
    assert_eq!(rows[1].handed_over_on, Some(d("2025-11-26")));
    for store in [&s.anna, &s.ewa] {
        assert_eq!(store.assignments_of(family_id).unwrap(), rows, "every replica knows who had the family when");
    }
    assert_checks(&[&s.centre, &s.anna, &s.ewa]);
}

#[test]
fn a_family_entered_by_two_assistants_is_flagged_and_the_decision_travels() {
    let mut s = site();
    let a = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let b = s.ewa.add_family(&family("Kowalska", "Ola")).unwrap();
    let pesel = asysta_core::Pesel::parse("44051401359").unwrap();
    let person = MemberDetails { pesel: Some(pesel), ..MemberDetails::named("Jan", "Kowalski") };
    s.anna.add_member(a, person.clone()).unwrap();
    s.ewa.add_member(b, person).unwrap();
    up(&mut s, Laptop::Anna);
    up(&mut s, Laptop::Ewa);
    let pairs = s.centre.cross_duplicates().unwrap();
    assert_eq!(pairs.len(), 1);
    assert_eq!(pairs[0].reason, asysta_core::member::DuplicateReason::SamePesel);
    assert_eq!(pairs[0].decision, None);
    let (first, second) = (pairs[0].first.id, pairs[0].second.id);
    assert!(s.ewa.run(ops::DecideDuplicates { first, second, decision: DuplicateDecision::Merge }, today()).is_err());
    s.centre.run(ops::DecideDuplicates { first, second, decision: DuplicateDecision::KeepApart }, today()).unwrap();
    assert_eq!(s.centre.cross_duplicates().unwrap()[0].decision, Some(DuplicateDecision::KeepApart));
    s.centre.run(ops::DecideDuplicates { first, second, decision: DuplicateDecision::Merge }, today()).unwrap();
    assert_eq!(s.centre.merged_into(second).unwrap(), Some(first));
    down(&mut s, Laptop::Ewa);
    down(&mut s, Laptop::Anna);
    let on_laptops = [s.anna.merged_into(second).unwrap(), s.ewa.merged_into(second).unwrap()];
    assert!(on_laptops.contains(&Some(first)), "the decision reaches the laptop of the merged family");
    assert_checks(&[&s.centre, &s.anna, &s.ewa]);
}

#[test]
fn the_dashboard_and_the_half_year_name_the_families_behind_each_figure() {
    let mut s = site();
    let visited = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let quiet = s.anna.add_family(&family("Nowakowie", "Ola")).unwrap();
    let mut visit = crate::sync::tests::visit("2025-11-20", "Rozmowa o budżecie");
    visit.form = asysta_core::visit::ContactForm::PhoneCall;
    s.anna.record_visit(visited, visit).unwrap();
    s.anna
        .add_member(
            visited,
            MemberDetails {
                relation: asysta_core::member::Relation::Child,
                ..MemberDetails::named("Zosia", "Kowalska")
            },
        )
        .unwrap();
    up(&mut s, Laptop::Anna);
    up(&mut s, Laptop::Ewa);
    let court = s
        .centre
        .run(
            ops::ReferFamily {
                form: ReferralForm {
                    name: "Zielińscy".into(),
                    address: "ul. Leśna 2".into(),
                    basis: "court".into(),
                    requested_on: "2025-11-10".into(),
                    court: "Sąd Rejonowy w Gdyni".into(),
                    signature: "III Nsm 12/25".into(),
                    ..ReferralForm::default()
                },
            },
            today(),
        )
        .unwrap();
    let board = s.centre.dashboard(today()).unwrap();
    let anna = board.assistants.iter().find(|a| a.name == "Anna Łęcka").unwrap();
    assert_eq!(anna.active_families, 2);
    assert!(anna.data_as_of_ms.is_some(), "as of the last bundle");
    assert_eq!(anna.no_recent_visit.families, [quiet], "{anna:?}");
    assert_eq!(anna.plans_missing.count, 2);
    assert_eq!(anna.months.last().unwrap().by_form.get("phone_call"), Some(&1));
    assert_eq!(board.waiting.families, [court]);
    let report = s.centre.half_year_report(asysta_core::centre::report::HalfYear::parse("2025-H2").unwrap()).unwrap();
    assert_eq!(report.row("families_served").unwrap().value, 2);
    assert_eq!(report.row("children").unwrap().value, 1);
    assert_eq!(report.row("families_waiting").unwrap().families, [court]);
    assert_eq!(report.row("assistants_not_stated").unwrap().value, 2);
    // Assigned, the court's case counts as served and obliged by a court.
    let ewa = assistant_id(&s, &s.ewa);
    s.centre.run(ops::AssignFamily { family_id: court, assistant_id: ewa, on: String::new() }, today()).unwrap();
    let report = s.centre.half_year_report(asysta_core::centre::report::HalfYear::parse("2025-H2").unwrap()).unwrap();
    assert_eq!(report.row("families_court_ordered").unwrap().families, [court]);
    assert_eq!(report.row("families_waiting").unwrap().value, 0);
}
