use super::*;
use asysta_core::FieldErrorCode;

fn i18n(locale: Locale) -> I18n {
    I18n::new(Rc::new(Translator::new(locale)), Callback::noop())
}

#[test]
fn contexts_are_equal_when_their_languages_are() {
    assert!(i18n(Locale::Pl) == i18n(Locale::Pl));
    assert!(i18n(Locale::Pl) != i18n(Locale::En));
}

#[test]
fn field_errors_carry_their_limit() {
    let pl = i18n(Locale::Pl);
    assert_eq!(
        pl.field_error(&FieldError::with_limit("name", FieldErrorCode::TooLong, 200)),
        "Za długie: najwyżej 200 znaków."
    );
    assert_eq!(pl.field_error(&FieldError::new("name", FieldErrorCode::Required)), "To pole jest wymagane.");
    assert_eq!(
        i18n(Locale::En).field_error(&FieldError::with_limit("passphrase", FieldErrorCode::PassphraseTooShort, 10)),
        "The passphrase must have at least 10 characters."
    );
}

#[test]
fn error_kinds_are_explained() {
    assert_eq!(i18n(Locale::Pl).error(ErrorKind::WrongPassphrase), "Nieprawidłowe hasło");
    assert_eq!(i18n(Locale::En).error(ErrorKind::WrongPassphrase), "Wrong passphrase");
}

#[test]
fn polish_plurals_reach_the_views() {
    let pl = i18n(Locale::Pl);
    assert_eq!(pl.count("family-count", 0), "0 rodzin");
    assert_eq!(pl.count("family-count", 3), "3 rodziny");
    assert_eq!(pl.count("member-count", 1), "1 osoba");
    assert_eq!(pl.count("member-count", 5), "5 osób");
}

#[test]
fn the_remembered_language_defaults_to_polish() {
    assert_eq!(parse_stored_locale(None), Locale::Pl);
    assert_eq!(parse_stored_locale(Some("en")), Locale::En);
    assert_eq!(parse_stored_locale(Some("pl")), Locale::Pl);
    assert_eq!(parse_stored_locale(Some("xx")), Locale::Pl);
    assert_eq!(other_locale(Locale::Pl), Locale::En);
    assert_eq!(other_locale(Locale::En), Locale::Pl);
}
