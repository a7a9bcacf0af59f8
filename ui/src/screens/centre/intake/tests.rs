use super::*;
use crate::test_support::{entity, render};
use asysta_core::centre::Referral;

fn reduce(state: IntakeState, action: IntakeAction) -> IntakeState {
    (*Rc::new(state).reduce(action)).clone()
}

fn content(state: impl FnOnce() -> IntakeState + Send + 'static) -> String {
    render::<IntakeContent>(move || IntakeContentProps {
        state: Rc::new(state()),
        dispatch: Callback::noop(),
        onsubmit: Callback::noop(),
        on_assign: Callback::noop(),
        on_open: Callback::noop(),
    })
}

fn waiting(n: u8, name: &str, basis: ReferralBasis) -> WaitingCase {
    WaitingCase {
        family_id: entity(n),
        name: name.into(),
        address: "ul. Polna 3".into(),
        referral: Referral {
            requested_on: "2026-11-03".parse().unwrap(),
            basis,
            court: "Sąd Rejonowy w Gdyni".into(),
            signature: "III Nsm 12/26".into(),
            social_worker: String::new(),
            note: String::new(),
        },
        waiting_days: 22,
    }
}

#[test]
fn a_referral_taken_in_clears_the_form_and_reads_the_list_again() {
    let state = reduce(IntakeState::default(), IntakeAction::Edit(ReferralField::Name, "Kowalscy".into()));
    let state = reduce(reduce(state, IntakeAction::Submitted), IntakeAction::Referred { name: "Kowalscy".into() });
    assert_eq!(state.form, ReferralForm::default());
    assert_eq!((state.added.as_deref(), state.request), (Some("Kowalscy"), 1));
    assert_eq!(IntakeAction::input_id("requested_on"), "referral-requested_on");
}

/// A family being assigned to Ola Nowak, refused at the cap.
fn refused() -> IntakeState {
    let state = reduce(
        IntakeState::default(),
        IntakeAction::StartAssign { family_id: entity(1), family_name: "Kowalscy".into() },
    );
    let state = reduce(state, IntakeAction::ChooseAssistant(entity(7).to_string()));
    let mut refusal = ApiError::new(ErrorKind::AssigneeCaseloadFull);
    refusal.args = [("name", "Ola Nowak"), ("on", "07.12.2026"), ("active", "15"), ("cap", "15")]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    reduce(reduce(state, IntakeAction::AssignSent), IntakeAction::AssignFailed(refusal))
}

fn assigned() -> IntakeState {
    reduce(refused(), IntakeAction::Assigned { family: "Kowalscy".into(), assistant: "Anna Łęcka".into() })
}

#[test]
fn an_assignment_needs_an_assistant_and_a_refusal_keeps_its_message() {
    let state = reduce(
        IntakeState::default(),
        IntakeAction::StartAssign { family_id: entity(1), family_name: "Kowalscy".into() },
    );
    assert_eq!(state.assign.clone().unwrap().check().unwrap_err()[0].field, "assistant_id");
    let form = refused().assign.unwrap();
    assert_eq!(form.check(), Ok(entity(7)));
    assert!(!form.busy);
    let html = content(refused);
    assert!(html.contains("Ola Nowak ma na dzień 07.12.2026 aktywnych rodzin: 15 (limit: 15)"), "{html}");
    let done = assigned();
    assert_eq!(done.assign, None);
    assert_eq!(done.request, 1);
    assert!(content(assigned).contains("Rodzina Kowalscy ma asystenta: Anna Łęcka."));
}

#[test]
fn the_waiting_list_shows_the_basis_and_the_days_waited() {
    let html = content(|| IntakeState {
        waiting: Load::Ready(Rc::new(vec![
            waiting(1, "Kowalscy", ReferralBasis::CourtOrder),
            waiting(2, "Lisowie", ReferralBasis::SocialWorkerRequest),
        ])),
        ..IntakeState::default()
    });
    assert!(html.contains("postanowienie sądu: Sąd Rejonowy w Gdyni, III Nsm 12/26"), "{html}");
    assert!(html.contains("22 dni"));
    assert!(html.contains("aria-label=\"Przydziel asystenta: Lisowie\""));
}

#[test]
fn a_court_order_asks_for_the_court_and_the_signature() {
    let html = content(|| IntakeState {
        form: ReferralForm { basis: "court_order".into(), ..ReferralForm::default() },
        ..IntakeState::default()
    });
    assert!(html.contains("id=\"referral-court\"") && html.contains("id=\"referral-signature\""));
    assert!(!html.contains("id=\"referral-social_worker\""));
    let html = content(IntakeState::default);
    assert!(html.contains("id=\"referral-social_worker\"") && !html.contains("id=\"referral-court\""));
}
