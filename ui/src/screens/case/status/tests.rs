use super::*;
use crate::test_support::{entity, has_id, render, text_of};
use asysta_i18n::{Locale, Translator};

fn reduce(state: StatusState, action: StatusAction) -> StatusState {
    (*Rc::new(state).reduce(action)).clone()
}

fn buttons(status: FamilyStatus) -> String {
    render::<StatusSection>(move || StatusSectionProps {
        family_id: entity(1),
        status,
        has_final: false,
        reasons: Rc::default(),
        today: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        on_case: Callback::noop(),
        on_locked: Callback::noop(),
        on_write_final: Callback::noop(),
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
}

#[test]
fn each_allowed_move_has_its_button() {
    let active = buttons(FamilyStatus::Active);
    assert_eq!(text_of(&active, "status-to-closed"), "Zakończ pracę z rodziną");
    assert!(!has_id(&active, "status-to-active") && !has_id(&active, "status-to-monitoring"));
    assert!(!has_id(&active, "closing-form"), "the closing form opens only after choosing to close");
    let closed = buttons(FamilyStatus::Closed);
    for status in ["active", "monitoring", "archived"] {
        assert!(has_id(&closed, &format!("status-to-{status}")), "no button to {status}");
    }
    let archived = buttons(FamilyStatus::Archived);
    assert!(has_id(&archived, "status-final"));
    assert!(!archived.contains("status-to-"));
}

#[test]
fn closing_opens_the_closing_form_until_it_is_called_off_or_done() {
    let asking = reduce(StatusState::default(), StatusAction::OpenClosing);
    assert!(asking.closing);
    assert_eq!(reduce(asking.clone(), StatusAction::Cancel), StatusState::default());
    assert_eq!(reduce(asking, StatusAction::Changed), StatusState::default(), "closed: the form goes");
}

#[test]
fn a_refused_move_says_why() {
    let sent = reduce(StatusState::default(), StatusAction::Submitted);
    assert!(sent.busy);
    let failed = reduce(sent, StatusAction::Failed(ApiError::new(ErrorKind::CaseloadFull)));
    assert_eq!((failed.error, failed.busy), (Some(ErrorKind::CaseloadFull), false));
    assert_eq!(reduce(failed, StatusAction::OpenClosing).error, None);
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
        for id in ["status-title", "status-final", "cancel"] {
            assert!(translator.has(id), "{id} is missing in {locale}");
        }
    }
}
