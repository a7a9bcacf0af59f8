use super::*;
use crate::test_support::{has_id, render, text_of};
use asysta_core::api::ErrorKind;

fn reduce(state: UnlockState, action: UnlockAction) -> UnlockState {
    (*Rc::new(state).reduce(action)).clone()
}

#[test]
fn a_wrong_passphrase_is_explained_and_cleared() {
    let typed = reduce(UnlockState::default(), UnlockAction::Edit("złe hasło 123".into()));
    let sent = reduce(typed, UnlockAction::Submitted);
    assert!(sent.busy);
    assert_eq!(sent.passphrase, "złe hasło 123");
    let failed = reduce(sent, UnlockAction::Failed(ApiError::new(ErrorKind::WrongPassphrase)));
    assert_eq!(failed, UnlockState { passphrase: String::new(), error: Some("error-wrong-passphrase"), busy: false });
}

#[test]
fn an_empty_passphrase_is_refused_locally() {
    let refused = reduce(UnlockState::default(), UnlockAction::Rejected);
    assert_eq!(refused.error, Some("field-error-required"));
    assert!(!refused.busy);
}

#[test]
fn a_new_attempt_hides_the_old_error() {
    let failed = UnlockState { error: Some("error-wrong-passphrase"), ..UnlockState::default() };
    assert_eq!(reduce(failed, UnlockAction::Submitted).error, None);
}

#[test]
fn the_screen_has_the_ids_the_end_to_end_tests_use() {
    let html = render::<UnlockScreen>(|| UnlockScreenProps { on_status: Callback::noop(), reason: None });
    for id in ["unlock", "unlock-form", "unlock-passphrase", "unlock-submit", "language-switch"] {
        assert!(has_id(&html, id), "no #{id} in {html}");
    }
    assert!(html.contains("for=\"unlock-passphrase\""));
    assert!(html.contains("type=\"password\""));
    assert!(!has_id(&html, "unlock-error"));
    assert!(!has_id(&html, "lock-reason") && !has_id(&html, "lock-kept"), "a first unlock gives no reason");
    assert!(!has_id(&html, "lock"), "no lock button while locked");
    assert_eq!(text_of(&html, "unlock-submit"), "Odblokuj");
}

#[test]
fn a_lock_over_an_open_screen_says_why() {
    let idle = render::<UnlockScreen>(|| UnlockScreenProps {
        on_status: Callback::noop(),
        reason: Some(LockReason::Idle { minutes: 1 }),
    });
    assert_eq!(text_of(&idle, "lock-reason"), "Zablokowano po 1 minucie bez używania.");
    assert_eq!(text_of(&idle, "lock-kept"), "To, co było otwarte i wpisane, wróci po odblokowaniu.");
    let slept = render::<UnlockScreen>(|| UnlockScreenProps {
        on_status: Callback::noop(),
        reason: Some(LockReason::Suspended),
    });
    assert_eq!(text_of(&slept, "lock-reason"), "Zablokowano po uśpieniu komputera.");
    let manual =
        render::<UnlockScreen>(|| UnlockScreenProps { on_status: Callback::noop(), reason: Some(LockReason::Manual) });
    assert!(!has_id(&manual, "lock-reason"));
    assert!(has_id(&manual, "lock-kept") && has_id(&manual, "unlock-form"));
}
