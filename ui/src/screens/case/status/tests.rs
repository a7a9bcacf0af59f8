use super::*;
use crate::test_support::{entity, has_id, render, text_of};
use asysta_core::FieldErrorCode;
use asysta_i18n::{Locale, Translator};

fn reduce(state: StatusState, action: StatusAction) -> StatusState {
    (*Rc::new(state).reduce(action)).clone()
}

fn buttons(status: FamilyStatus) -> String {
    render::<StatusSection>(move || StatusSectionProps {
        family_id: entity(1),
        status,
        on_case: Callback::noop(),
        on_locked: Callback::noop(),
    })
}

#[test]
fn the_next_statuses_follow_the_course_of_the_work() {
    use FamilyStatus::*;
    assert_eq!(next_statuses(Active), [Closed]);
    assert_eq!(next_statuses(Closed), [Active, Monitoring, Archived]);
    assert_eq!(next_statuses(Monitoring), [Active, Archived]);
    assert_eq!(next_statuses(Archived), []);
    assert_eq!(button_id(Monitoring), "status-to-monitoring");
    assert!(Closed.needs_reason() && !Archived.needs_reason());
}

#[test]
fn each_allowed_move_has_its_button() {
    let active = buttons(FamilyStatus::Active);
    assert_eq!(text_of(&active, "status-to-closed"), "Zakończ pracę z rodziną");
    assert!(!has_id(&active, "status-to-active") && !has_id(&active, "status-to-monitoring"));
    assert!(!has_id(&active, "status-reason"), "the reason is asked for only after choosing to close");
    let closed = buttons(FamilyStatus::Closed);
    for status in ["active", "monitoring", "archived"] {
        assert!(has_id(&closed, &format!("status-to-{status}")), "no button to {status}");
    }
    let archived = buttons(FamilyStatus::Archived);
    assert!(has_id(&archived, "status-final"));
    assert!(!archived.contains("status-to-"));
}

#[test]
fn closing_asks_for_a_reason_until_it_is_given() {
    let asking = reduce(StatusState::default(), StatusAction::AskReason);
    assert!(asking.closing);
    let refused = validate_status_reason(FamilyStatus::Closed, " ").unwrap_err().remove(0);
    let missing = reduce(asking, StatusAction::ReasonRefused(refused));
    assert_eq!(missing.reason_error, Some(FieldError::new("status-reason", FieldErrorCode::Required)));
    let typed = reduce(missing, StatusAction::EditReason("Cele osiągnięte".into()));
    assert_eq!((typed.reason.as_str(), typed.reason_error.as_ref()), ("Cele osiągnięte", None));
    let sent = reduce(typed, StatusAction::Submitted);
    assert!(sent.busy);
    assert_eq!(reduce(sent, StatusAction::Changed), StatusState::default());
    let cancelled = reduce(reduce(StatusState::default(), StatusAction::AskReason), StatusAction::Cancel);
    assert_eq!(cancelled, StatusState::default());
}

#[test]
fn a_refused_move_says_why() {
    let sent = reduce(StatusState::default(), StatusAction::Submitted);
    let failed = reduce(sent, StatusAction::Failed(ApiError::new(ErrorKind::CaseloadFull)));
    assert_eq!((failed.error, failed.busy), (Some(ErrorKind::CaseloadFull), false));
    assert_eq!(reduce(failed, StatusAction::AskReason).error, None);
}

#[test]
fn every_label_exists_in_both_languages() {
    for locale in Locale::ALL {
        let translator = Translator::new(locale);
        for status in FamilyStatus::ALL {
            let id = format!("status-to-{}", status.as_str());
            assert!(translator.has(&id), "{id} is missing in {locale}");
            assert!(translator.has(status.message_id()), "{} is missing in {locale}", status.message_id());
        }
        for id in ["status-title", "status-reason", "status-confirm", "status-final", "cancel"] {
            assert!(translator.has(id), "{id} is missing in {locale}");
        }
    }
}
