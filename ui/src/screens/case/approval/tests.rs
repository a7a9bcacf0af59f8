use super::*;
use crate::test_support::{entity, family_case, has_id, render, text_of};
use asysta_core::evaluation::Stamp;
use asysta_core::plan::PlanVersion;
use asysta_core::{EventId, FieldErrorCode};
use asysta_i18n::{Locale, Translator};
use chrono::NaiveDate;

fn reduce(state: ApprovalFormState, action: ApprovalAction) -> ApprovalFormState {
    (*Rc::new(state).reduce(action)).clone()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn stamp(on: &str, by: &str) -> Stamp {
    Stamp { on: d(on), by: by.into() }
}

fn event(n: u8) -> EventId {
    format!("00000000-0000-0000-0000-0000000000{n:02}").parse().unwrap()
}

fn decided(decision: Decision, note: &str, stale: bool) -> DecisionView {
    DecisionView { event_id: event(90), decision, note: note.into(), stamp: stamp("2025-11-26", "Maria Zięba"), stale }
}

fn submitted(version: u32, decisions: Vec<DecisionView>) -> PlanApproval {
    PlanApproval {
        version_event: event(version as u8),
        version,
        submitted: stamp("2025-11-24", "Anna Łęcka"),
        decisions,
    }
}

fn i18n() -> I18n {
    I18n::new(Rc::new(Translator::new(Locale::Pl)), Callback::noop())
}

/// The panel for a case with plan versions 1..=`versions` and `approvals`.
fn panel(versions: u32, approvals: Vec<PlanApproval>, can_submit: bool, can_decide: bool) -> String {
    render::<PlanApprovalPanel>(move || {
        let mut case = family_case(Vec::new());
        case.plan_versions = (1..=versions)
            .map(|number| PlanVersion { number, agreed_with_family_on: None, consultation: None, goals: Vec::new() })
            .collect();
        case.steering.plan_approvals = approvals;
        PlanApprovalProps {
            family_id: entity(1),
            case: Rc::new(case),
            can_submit,
            can_decide,
            on_case: Callback::noop(),
            on_locked: Callback::noop(),
        }
    })
}

#[test]
fn a_version_stands_as_its_latest_submission_says() {
    let approvals = vec![
        submitted(1, vec![decided(Decision::Returned, "Dodać terminy", false)]),
        submitted(2, vec![decided(Decision::Accepted, "", true)]),
    ];
    assert_eq!(state_of(&approvals, 1), ApprovalState::Returned);
    assert_eq!(state_of(&approvals, 2), ApprovalState::Submitted, "a stale decision is not applied");
    assert_eq!(state_of(&approvals, 3), ApprovalState::Draft);
    assert_eq!(previous_return(&approvals, 3), None, "version 2 was not returned");
    assert_eq!(previous_return(&approvals, 2), Some((1, "Dodać terminy")));
}

#[test]
fn returning_needs_a_note_said_in_polish() {
    assert_eq!(check_decision(true, ""), Ok(()));
    let errors = check_decision(false, "  ").unwrap_err();
    assert_eq!((errors[0].field.as_str(), errors[0].code), ("note", FieldErrorCode::Required));
    assert_eq!(
        i18n().field_error(&errors[0]),
        "Napisz, co trzeba poprawić: przy zwrocie do poprawy uwagi są wymagane."
    );
    let rejected = reduce(ApprovalFormState::default(), ApprovalAction::Rejected(errors));
    assert_eq!(rejected.errors.len(), 1);
    let typed = reduce(rejected, ApprovalAction::EditNote("Dodać terminy".into()));
    assert!(typed.errors.is_empty());
    let sent = reduce(typed, ApprovalAction::Submitted);
    assert!(sent.busy);
    let done = reduce(sent, ApprovalAction::Done(Done::Returned(1)));
    assert_eq!(done, ApprovalFormState { done: Some(Done::Returned(1)), ..ApprovalFormState::default() });
}

#[test]
fn refusals_read_in_polish_with_their_arguments() {
    let i18n = i18n();
    let mut not_submitted = ApiError::new(ErrorKind::PlanNotSubmitted);
    not_submitted.args.insert("version".into(), "2".into());
    let failed = reduce(ApprovalFormState { busy: true, ..Default::default() }, ApprovalAction::Failed(not_submitted));
    assert!(!failed.busy);
    assert_eq!(refusal_text(&i18n, failed.error.as_ref().unwrap()), "Wersja 2 planu nie czeka na decyzję ośrodka.");
    let already =
        ApiError::invalid(vec![FieldError::with_detail("version", FieldErrorCode::NotInList, "plan-submit-already")]);
    assert_eq!(refusal_text(&i18n, &already), "Ta wersja planu została już przekazana do zatwierdzenia.");
    let handed_over = ApiError::new(ErrorKind::CaseHandedOver);
    assert!(refusal_text(&i18n, &handed_over).contains("można ją tylko przeglądać"));
    let note = ApiError::invalid(vec![FieldError::new("note", FieldErrorCode::Required)]);
    let failed = reduce(ApprovalFormState::default(), ApprovalAction::Failed(note));
    assert_eq!((failed.errors.len(), failed.error), (1, None), "shown beside the note");
}

#[test]
fn the_laptop_submits_the_version_in_force_and_sees_a_return_with_its_note() {
    let draft = panel(1, Vec::new(), true, false);
    assert_eq!(text_of(&draft, "plan-approval-state"), "nieprzekazany");
    assert_eq!(text_of(&draft, "plan-submit-approval"), "Przekaż do zatwierdzenia");
    assert!(!has_id(&draft, "plan-decision-form"));

    let returned = panel(1, vec![submitted(1, vec![decided(Decision::Returned, "Dodać terminy", false)])], true, false);
    assert_eq!(text_of(&returned, "plan-approval-state"), "zwrócony do poprawy");
    assert_eq!(text_of(&returned, "plan-approval-decided"), "Decyzja: Maria Zięba, 26.11.2025.");
    assert_eq!(text_of(&returned, "plan-approval-note"), "Uwagi ośrodka: Dodać terminy");
    assert!(has_id(&returned, "plan-approval-returned-hint"));
    assert!(!has_id(&returned, "plan-submit-approval"), "corrected by a new version, not submitted again");

    // The new version is a draft again, with what it corrects.
    let corrected =
        panel(2, vec![submitted(1, vec![decided(Decision::Returned, "Dodać terminy", false)])], true, false);
    assert_eq!(text_of(&corrected, "plan-approval-state"), "nieprzekazany");
    assert_eq!(text_of(&corrected, "plan-approval-previous"), "Ośrodek zwrócił wersję 1 do poprawy: Dodać terminy");
    assert!(has_id(&corrected, "plan-submit-approval"));

    let waiting = panel(2, vec![submitted(2, Vec::new())], true, false);
    assert_eq!(text_of(&waiting, "plan-approval-state"), "czeka na decyzję");
    assert_eq!(text_of(&waiting, "plan-approval-submitted"), "Przekazano do zatwierdzenia 24.11.2025 (Anna Łęcka).");
    assert!(!has_id(&waiting, "plan-submit-approval") && !has_id(&waiting, "plan-decision-form"));
    assert_eq!(panel(0, Vec::new(), true, false), "", "no plan, nothing to approve");
}

#[test]
fn the_centre_decides_a_submitted_version_and_a_stale_decision_is_shown_not_applied() {
    let waiting = panel(1, vec![submitted(1, Vec::new())], false, true);
    assert!(has_id(&waiting, "plan-decision-form") && has_id(&waiting, "plan-decision-note"));
    assert_eq!(text_of(&waiting, "plan-approve"), "Zatwierdź");
    assert_eq!(text_of(&waiting, "plan-return"), "Zwróć do poprawy");
    assert!(!has_id(&waiting, "plan-submit-approval"));
    let approved = panel(1, vec![submitted(1, vec![decided(Decision::Accepted, "", false)])], false, true);
    assert_eq!(text_of(&approved, "plan-approval-state"), "zatwierdzony");
    assert!(!has_id(&approved, "plan-decision-form") && !has_id(&approved, "plan-approval-note"));

    let stale = panel(1, vec![submitted(1, vec![decided(Decision::Returned, "Za późno", true)])], false, true);
    assert_eq!(text_of(&stale, "plan-approval-state"), "czeka na decyzję");
    assert!(stale.contains("decyzja nieaktualna (plan zmieniono w międzyczasie)"), "{stale}");
    assert!(
        stale.contains("Decyzja o zwrocie do poprawy (Maria Zięba, 26.11.2025) nie została zastosowana."),
        "{stale}"
    );
    assert!(has_id(&stale, "plan-decision-form"), "still waiting for a decision");
}
