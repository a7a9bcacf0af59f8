use super::*;
use crate::components::field::error_id;
use crate::i18n::I18n;
use crate::test_support::{entity, has_id, member, render, text_of};
use asysta_core::member::DuplicateReason;
use asysta_core::FieldErrorCode;
use asysta_i18n::{Locale, Translator};
use chrono::NaiveDate;

fn reduce(state: MembersState, action: MembersAction) -> MembersState {
    (*Rc::new(state).reduce(action)).clone()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn polish() -> I18n {
    I18n::new(Rc::new(Translator::new(Locale::Pl)), Callback::noop())
}

fn duplicate() -> DuplicateView {
    DuplicateView {
        member_id: entity(7),
        family_id: entity(2),
        family_name: "Żółć".into(),
        first_name: "Józef".into(),
        last_name: "Żółć".into(),
        reason: DuplicateReason::SamePesel,
    }
}

#[test]
fn input_ids_are_the_field_names_with_a_prefix() {
    for field in MemberField::ALL {
        assert_eq!(field.input_id(), format!("member_{}", field.name()));
    }
    assert_eq!(error_id(MemberField::Pesel.input_id()), "error-member_pesel");
    let names: Vec<_> = MemberField::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(names, FIELD_NAMES);
}

#[test]
fn a_wrong_pesel_is_explained_without_asking_the_shell() {
    let mut state = MembersState::default();
    for (field, value) in [(MemberField::FirstName, "Zofia"), (MemberField::LastName, "Nowak")] {
        state = reduce(state, MembersAction::Edit(field, value.into()));
    }
    state = reduce(state, MembersAction::Edit(MemberField::Pesel, "44051401358".into()));
    let errors = validate_member(&state.form, today()).unwrap_err();
    let state = reduce(state, MembersAction::Rejected(errors));
    let error = error_for(&state.errors, MemberField::Pesel.name()).unwrap();
    assert_eq!(polish().field_error(&error), "PESEL: błędna suma kontrolna");
    assert!(!state.busy);
    let state = reduce(state, MembersAction::Edit(MemberField::Pesel, "44051401359".into()));
    assert!(state.errors.is_empty(), "the edited field's error goes away");
}

#[test]
fn a_new_form_says_other_and_saving_empties_it() {
    let state = MembersState::default();
    assert_eq!(state.form.relation, "other");
    let state = reduce(state, MembersAction::Edit(MemberField::FirstName, "Zofia".into()));
    let checking = reduce(state, MembersAction::Checking);
    assert!(checking.busy);
    let saving = reduce(checking, MembersAction::Saving);
    let saved = reduce(saving, MembersAction::Saved("Zofia Nowak".into()));
    assert_eq!(saved.form, blank_form());
    assert_eq!(saved.saved.as_deref(), Some("Zofia Nowak"));
    assert!(!saved.busy);
}

#[test]
fn duplicates_wait_for_a_decision_and_any_edit_dismisses_them() {
    let checking = reduce(MembersState::default(), MembersAction::Checking);
    let found = reduce(checking, MembersAction::DuplicatesFound(vec![duplicate()]));
    assert!(!found.busy);
    assert_eq!(found.duplicates.as_deref(), Some(&vec![duplicate()]));
    assert_eq!(reduce(found.clone(), MembersAction::DismissDuplicates).duplicates, None);
    assert_eq!(reduce(found.clone(), MembersAction::Edit(MemberField::Pesel, "1".into())).duplicates, None);
    let saving = reduce(found, MembersAction::Saving);
    assert!(saving.busy && saving.duplicates.is_none());
}

#[test]
fn editing_fills_the_form_and_can_be_called_off() {
    let grandfather = member(3, "Józef", "Żółć", Relation::Grandparent, Some("44051401359"));
    let state = reduce(MembersState::default(), MembersAction::StartEditing(grandfather));
    assert_eq!(state.editing, Some(entity(3)));
    assert_eq!(
        state.form,
        MemberForm {
            first_name: "Józef".into(),
            last_name: "Żółć".into(),
            birth_date: "1944-05-14".into(),
            sex: "male".into(),
            relation: "grandparent".into(),
            pesel: "44051401359".into(),
        }
    );
    assert!(validate_member(&state.form, today()).is_ok(), "a recorded person's form is valid as it is");
    let reset = reduce(state, MembersAction::Reset);
    assert_eq!((reset.editing, reset.form), (None, blank_form()));
}

#[test]
fn refusals_from_the_shell_go_next_to_their_fields() {
    let sent = reduce(MembersState::default(), MembersAction::Checking);
    let error = ApiError::invalid(vec![FieldError::new("birth_date", FieldErrorCode::DateInFuture)]);
    let refused = reduce(sent, MembersAction::Failed(error));
    assert!(!refused.busy);
    assert_eq!(refused.form_error, None);
    assert!(error_for(&refused.errors, "birth_date").is_some());
    let failed = reduce(refused, MembersAction::Failed(ApiError::new(ErrorKind::NotFound)));
    assert_eq!(failed.form_error, Some(ErrorKind::NotFound));
}

#[test]
fn the_section_lists_members_and_has_the_form_the_end_to_end_tests_use() {
    let members = vec![
        member(2, "Zofia", "Wiśniewska", Relation::Child, None),
        member(3, "Józef", "Żółć", Relation::Grandparent, Some("44051401359")),
    ];
    let html = render::<MembersSection>(move || MembersSectionProps {
        family_id: entity(1),
        members,
        on_case: Callback::noop(),
        on_locked: Callback::noop(),
    });
    assert_eq!(html.matches("class=\"member-row\"").count(), 2);
    for (class, text) in [
        ("member-name", "Józef Żółć"),
        ("member-relation", "dziadek/babcia"),
        ("member-birth-date", "14.05.1944"),
        ("member-pesel", "44051401359"),
        ("member-relation", "dziecko"),
    ] {
        assert!(html.contains(&format!("class=\"{class}\">{text}</td>")), "no {class} {text} in {html}");
    }
    for id in ["member-form", "member-submit"].into_iter().chain(MemberField::ALL.iter().map(|f| f.input_id())) {
        assert!(has_id(&html, id), "no #{id}");
    }
    for field in MemberField::ALL {
        assert!(html.contains(&format!("for=\"{}\"", field.input_id())), "no label for {}", field.input_id());
    }
    assert!(html.contains("type=\"date\""), "the birth date is a date input");
    assert!(html.contains("<option value=\"female\">kobieta</option>"), "{html}");
    assert!(html.contains("<option value=\"other\" selected=\"selected\">inna osoba</option>"), "{html}");
    assert_eq!(text_of(&html, "member-submit"), "Dodaj osobę");
    assert!(!has_id(&html, "duplicates"));
    assert!(!has_id(&html, "member-cancel"));
}

#[test]
fn every_label_exists_in_both_languages() {
    for locale in Locale::ALL {
        let translator = Translator::new(locale);
        for field in MemberField::ALL {
            assert!(translator.has(field.label_id()), "{} is missing in {locale}", field.label_id());
        }
        for id in ["members-title", "members-empty", "member-saved", "member-edit", "member-edit-label", "cancel"] {
            assert!(translator.has(id), "{id} is missing in {locale}");
        }
    }
}

/// A save under way when the app locks is answered `Locked`: the form is
/// ready again (not busy), with what was typed, for after the unlock.
#[test]
fn a_save_refused_as_locked_leaves_the_form_ready_with_what_was_typed() {
    let mut typed = MembersState::default();
    typed.form.first_name = "Zofia".into();
    typed.form.last_name = "Nowak".into();
    let saving = reduce(typed, MembersAction::Saving);
    assert!(saving.busy);
    let locked = reduce(saving, MembersAction::Failed(ApiError::new(ErrorKind::Locked)));
    assert!(!locked.busy);
    assert_eq!((locked.form.first_name.as_str(), locked.form.last_name.as_str()), ("Zofia", "Nowak"));
}
