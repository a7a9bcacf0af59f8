use super::*;
use asysta_core::FieldErrorCode;

#[test]
fn invalid_fields_go_next_to_their_fields() {
    let error = ApiError::invalid(vec![FieldError::new("name", FieldErrorCode::Required)]);
    let (fields, form) = split_api_error(error, &["name", "address"]);
    assert_eq!(fields, vec![FieldError::new("name", FieldErrorCode::Required)]);
    assert_eq!(form, None);
}

#[test]
fn other_errors_are_shown_for_the_whole_form() {
    let (fields, form) = split_api_error(ApiError::new(ErrorKind::Storage), &["name"]);
    assert!(fields.is_empty());
    assert_eq!(form, Some(ErrorKind::Storage));
}

#[test]
fn invalid_fields_the_form_does_not_show_are_not_lost() {
    let error = ApiError::invalid(vec![FieldError::new("phone", FieldErrorCode::Required)]);
    let (_, form) = split_api_error(error, &["name"]);
    assert_eq!(form, Some(ErrorKind::Invalid));
    let (_, form) = split_api_error(ApiError::new(ErrorKind::Invalid), &["name"]);
    assert_eq!(form, Some(ErrorKind::Invalid));
}
