use super::*;
use crate::test_support::{has_id, render, text_of};
use asysta_core::workspace::validate_new_workspace;
use asysta_core::FieldErrorCode;

fn reduce(state: SetupState, action: SetupAction) -> SetupState {
    (*Rc::new(state).reduce(action)).clone()
}

#[test]
fn editing_a_field_sets_it_and_clears_its_error() {
    let state = SetupState {
        errors: vec![
            FieldError::new("assistant_name", FieldErrorCode::Required),
            FieldError::new("centre_name", FieldErrorCode::Required),
        ],
        ..SetupState::default()
    };
    let state = reduce(state, SetupAction::Edit(SetupField::AssistantName, "Anna".into()));
    assert_eq!(state.form.assistant_name, "Anna");
    assert_eq!(state.errors, vec![FieldError::new("centre_name", FieldErrorCode::Required)]);
}

#[test]
fn every_field_edits_its_own_value() {
    let mut state = SetupState::default();
    for field in SetupField::ALL {
        state = reduce(state, SetupAction::Edit(field, field.name().to_uppercase()));
    }
    assert_eq!(
        state.form,
        NewWorkspaceForm {
            assistant_name: "ASSISTANT_NAME".into(),
            centre_name: "CENTRE_NAME".into(),
            passphrase: "PASSPHRASE".into(),
            passphrase_repeat: "PASSPHRASE_REPEAT".into(),
            role: Role::Assistant,
        }
    );
    let centre = reduce(state, SetupAction::ChooseRole(Role::Centre));
    assert_eq!(centre.form.role, Role::Centre);
}

#[test]
fn the_form_shows_every_field_local_validation_can_refuse() {
    let empty = validate_new_workspace(&NewWorkspaceForm::default()).unwrap_err();
    let mismatch = validate_new_workspace(&NewWorkspaceForm {
        assistant_name: "A".into(),
        centre_name: "B".into(),
        passphrase: "długie hasło 1".into(),
        passphrase_repeat: "x".into(),
        role: Role::Centre,
    })
    .unwrap_err();
    for error in empty.iter().chain(&mismatch) {
        assert!(FIELD_NAMES.contains(&error.field.as_str()), "{} has no place in the form", error.field);
    }
    let names: Vec<_> = SetupField::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(names, FIELD_NAMES);
}

#[test]
fn a_refused_form_comes_back_with_field_errors() {
    let sent = reduce(SetupState::default(), SetupAction::Submitted);
    assert!(sent.busy);
    let errors = vec![FieldError::with_limit("passphrase", FieldErrorCode::PassphraseTooShort, 10)];
    let refused = reduce(sent, SetupAction::Failed(ApiError::invalid(errors.clone())));
    assert!(!refused.busy);
    assert_eq!(refused.errors, errors);
    assert_eq!(refused.form_error, None);
}

#[test]
fn other_failures_are_shown_for_the_form() {
    let sent = reduce(SetupState::default(), SetupAction::Submitted);
    let failed = reduce(sent, SetupAction::Failed(ApiError::new(ErrorKind::WorkspaceExists)));
    assert_eq!(failed.form_error, Some(ErrorKind::WorkspaceExists));
    assert!(failed.errors.is_empty());
    let resent = reduce(failed, SetupAction::Submitted);
    assert_eq!(resent.form_error, None);
}

#[test]
fn the_screen_has_the_ids_the_end_to_end_tests_use() {
    let html = render::<SetupScreen>(|| SetupScreenProps { on_status: Callback::noop() });
    for id in [
        "setup",
        "setup-form",
        "assistant_name",
        "centre_name",
        "passphrase",
        "passphrase_repeat",
        "passphrase-strength",
        "setup-submit",
        "language-switch",
    ] {
        assert!(has_id(&html, id), "no #{id} in {html}");
    }
    for field in FIELD_NAMES {
        assert!(html.contains(&format!("for=\"{field}\"")), "no label for {field}");
        assert!(!has_id(&html, &format!("error-{field}")), "an error before any input");
    }
    assert!(!has_id(&html, "form-error"));
    assert_eq!(html.matches("type=\"password\"").count(), 2);
    assert_eq!(text_of(&html, "passphrase-strength"), "Siła hasła: za krótkie");
    assert_eq!(text_of(&html, "setup-submit"), "Utwórz obszar roboczy");
    assert!(html.contains("autofocus"));
    assert!(has_id(&html, "role-assistant") && has_id(&html, "role-centre"));
    assert!(html.contains("Imię i nazwisko asystenta"), "an assistant's laptop by default");
}

#[test]
fn a_centre_names_the_person_using_it() {
    assert_eq!(SetupField::AssistantName.label_id(Role::Centre), "field-centre-user-name");
    assert_eq!(SetupField::AssistantName.label_id(Role::Assistant), "field-assistant-name");
    assert_eq!(SetupField::CentreName.label_id(Role::Centre), "field-centre-name");
}

#[test]
fn strength_classes_are_distinct() {
    let classes = [Strength::TooShort, Strength::Weak, Strength::Fair, Strength::Strong].map(strength_class);
    assert_eq!(classes, ["strength-too-short", "strength-weak", "strength-fair", "strength-strong"]);
}
