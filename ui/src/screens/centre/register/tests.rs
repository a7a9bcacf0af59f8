use super::*;
use crate::test_support::{entity, render};
use asysta_core::centre::AssistantEntry;
use asysta_core::FieldErrorCode;

fn reduce(state: RegisterState, action: RegisterAction) -> RegisterState {
    (*Rc::new(state).reduce(action)).clone()
}

fn view(n: u8, name: &str, employment: Option<Employment>, from: &str, to: Option<&str>) -> AssistantView {
    AssistantView {
        id: entity(n),
        entry: AssistantEntry {
            name: name.into(),
            employment,
            from: Some(from.parse().unwrap()),
            to: to.map(|t| t.parse().unwrap()),
            fte_thousandths: Some(750),
            user_id: None,
            devices: Vec::new(),
        },
        registered: true,
        active_families: 3,
        cap: 15,
    }
}

#[test]
fn correcting_an_entry_fills_the_form_with_it() {
    let anna = view(1, "Anna Łęcka", Some(Employment::ServiceContract), "2025-02-01", None);
    let state = reduce(RegisterState::default(), RegisterAction::StartEdit(anna));
    assert_eq!(state.editing, Some(entity(1)));
    assert_eq!(state.form.employment, "service_contract");
    assert_eq!(state.form.from, "2025-02-01");
    assert_eq!(state.form.fte, "0,75");
    assert!(validate_assistant(&state.form, "2026-12-07".parse().unwrap()).is_ok(), "the form is sent as filled");
    let saved = reduce(reduce(state, RegisterAction::Submitted), RegisterAction::Saved { name: "Anna Łęcka".into() });
    assert_eq!((saved.editing, saved.busy), (None, false));
    assert_eq!(saved.form, AssistantForm::default());
    assert_eq!(saved.list_request, 1, "the register is read again");
}

#[test]
fn the_day_to_count_on_reads_again_only_when_it_changes() {
    let state = reduce(RegisterState::default(), RegisterAction::SetOn("2026-06".into()));
    assert_eq!(state.list_request, 0, "not a date yet");
    let state = reduce(state, RegisterAction::SetOn("2026-06-30".into()));
    assert_eq!((state.list_request, state.on_date()), (1, Some("2026-06-30".parse().unwrap())));
    let state = reduce(state, RegisterAction::SetOn(String::new()));
    assert_eq!(state.list_request, 2, "back to today");
    let stale = reduce(state.clone(), RegisterAction::Listed { request: 1, reply: Ok(Vec::new()) });
    assert_eq!(stale.list, Load::Loading, "an older answer is dropped");
}

#[test]
fn refused_fields_are_shown_beside_their_inputs() {
    let error = ApiError::invalid(vec![FieldError::new("fte", FieldErrorCode::OutOfRange)]);
    let state = reduce(reduce(RegisterState::default(), RegisterAction::Submitted), RegisterAction::Failed(error));
    assert_eq!(state.errors[0].field, "fte");
    assert_eq!(state.form_error, None);
    assert_eq!(RegisterAction::input_id("fte"), "register-fte");
}

#[test]
fn the_headcount_counts_each_form_of_employment_on_the_day() {
    let html = render::<RegisterContent>(|| RegisterContentProps {
        state: Rc::new(RegisterState {
            list: Load::Ready(Rc::new(vec![
                view(1, "Anna Łęcka", Some(Employment::EmploymentContract), "2024-01-01", None),
                view(2, "Ola Nowak", Some(Employment::ServiceContract), "2025-01-01", Some("2026-03-31")),
                view(3, "Ewa Kos", None, "2025-01-01", None),
            ])),
            on: "2026-06-30".into(),
            ..RegisterState::default()
        }),
        dispatch: Callback::noop(),
        onsubmit: Callback::noop(),
    });
    assert!(html.contains("Zatrudnieni na dzień 30.06.2026: 2"), "{html}");
    assert!(html.contains("data-employment=\"employment_contract\"><span class=\"headcount-form\">umowa o pracę</span>: <span class=\"headcount-count\">1</span>"), "{html}");
    assert!(html.contains("data-employment=\"service_contract\"><span class=\"headcount-form\">umowa o świadczenie usług</span>: <span class=\"headcount-count\">0</span>"));
    assert!(html.contains("aria-label=\"Zmień: Ola Nowak\""));
    assert!(html.contains("0,75"));
}
