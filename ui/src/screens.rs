//! The app's screens. Each owns a reducer (`impl Reducible`) whose
//! transitions are checked by host tests; the components only dispatch
//! actions and call [`crate::ipc`].

pub mod case;
pub mod centre;
pub mod draft;
pub mod families;
pub mod form;
pub mod print;
pub mod setup;
pub mod sync;
pub mod unlock;

use asysta_core::api::{ApiError, ErrorKind};
use asysta_core::FieldError;

/// Splits a failed command into the errors shown next to the form's fields
/// and the error shown for the whole form. An `invalid` error whose fields
/// the form does not show falls back to the form-level message, so nothing
/// is refused silently.
pub fn split_api_error(error: ApiError, form_fields: &[&str]) -> (Vec<FieldError>, Option<ErrorKind>) {
    let shown = error.fields.iter().any(|f| form_fields.contains(&f.field.as_str()));
    if error.kind == ErrorKind::Invalid && shown {
        (error.fields, None)
    } else {
        (error.fields, Some(error.kind))
    }
}

#[cfg(test)]
mod tests;
