//! Field-level validation errors. The UI shows each next to its field, in
//! Polish, through the Fluent message `field-error-<code>`.

use crate::ids::EntityId;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// Why a field's value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldErrorCode {
    /// The field is empty (or only whitespace).
    Required,
    /// The field is longer than the limit.
    TooLong,
    /// The passphrase is shorter than [`crate::passphrase::MIN_PASSPHRASE_CHARS`].
    PassphraseTooShort,
    /// The repeated passphrase differs from the first.
    PassphraseMismatch,
    /// Not a date (expected `YYYY-MM-DD`).
    InvalidDate,
    /// Not a time (expected `HH:MM`).
    InvalidTime,
    /// An end (time or date) that is not after its start.
    EndBeforeStart,
    /// A date after today where only past dates make sense.
    DateInFuture,
    /// A value that is not among the allowed ones.
    NotInList,
    /// A PESEL number was refused; `detail` holds the reason's message id.
    Pesel,
    /// A number outside its allowed range; `detail` says which range.
    OutOfRange,
}

impl FieldErrorCode {
    /// The Fluent message id that explains this error.
    pub fn message_id(self) -> &'static str {
        match self {
            FieldErrorCode::Required => "field-error-required",
            FieldErrorCode::TooLong => "field-error-too-long",
            FieldErrorCode::PassphraseTooShort => "field-error-passphrase-too-short",
            FieldErrorCode::PassphraseMismatch => "field-error-passphrase-mismatch",
            FieldErrorCode::InvalidDate => "field-error-invalid-date",
            FieldErrorCode::InvalidTime => "field-error-invalid-time",
            FieldErrorCode::EndBeforeStart => "field-error-end-before-start",
            FieldErrorCode::DateInFuture => "field-error-date-in-future",
            FieldErrorCode::NotInList => "field-error-not-in-list",
            FieldErrorCode::Pesel => "field-error-pesel",
            FieldErrorCode::OutOfRange => "field-error-out-of-range",
        }
    }
}

/// One refused field: its name (as the form calls it) and the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: FieldErrorCode,
    /// The limit for `too_long` (characters) or `passphrase_too_short`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// A more precise reason, as a Fluent message id (e.g. for `pesel`,
    /// `pesel-error-bad-checksum`). When present, the UI shows it instead
    /// of the code's general message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl FieldError {
    pub fn new(field: &str, code: FieldErrorCode) -> Self {
        FieldError { field: field.to_owned(), code, limit: None, detail: None }
    }

    pub fn with_limit(field: &str, code: FieldErrorCode, limit: u32) -> Self {
        FieldError { field: field.to_owned(), code, limit: Some(limit), detail: None }
    }

    pub fn with_detail(field: &str, code: FieldErrorCode, detail: &str) -> Self {
        FieldError { field: field.to_owned(), code, limit: None, detail: Some(detail.to_owned()) }
    }

    /// The Fluent message id that explains this error best.
    pub fn message_id(&self) -> &str {
        self.detail.as_deref().unwrap_or(self.code.message_id())
    }
}

/// Collects field errors while a form is checked.
#[derive(Debug, Default)]
pub struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    /// Trims `value` and checks it is present and at most `max_chars` long.
    pub fn required_text(&mut self, field: &str, value: &str, max_chars: u32) -> String {
        let trimmed = normalize_whitespace(value);
        if trimmed.is_empty() {
            self.errors.push(FieldError::new(field, FieldErrorCode::Required));
        } else if trimmed.chars().count() > max_chars as usize {
            self.errors.push(FieldError::with_limit(field, FieldErrorCode::TooLong, max_chars));
        }
        trimmed
    }

    /// A one-line optional text, with whitespace collapsed.
    pub fn optional_text(&mut self, field: &str, value: &str, max_chars: u32) -> String {
        let text = normalize_whitespace(value);
        self.check_length(field, &text, max_chars);
        text
    }

    /// A multi-line optional text: trimmed, with its line breaks kept.
    pub fn long_text(&mut self, field: &str, value: &str, max_chars: u32) -> String {
        let text = value.trim().replace("\r\n", "\n");
        self.check_length(field, &text, max_chars);
        text
    }

    fn check_length(&mut self, field: &str, text: &str, max_chars: u32) {
        if text.chars().count() > max_chars as usize {
            self.push(FieldError::with_limit(field, FieldErrorCode::TooLong, max_chars));
        }
    }

    /// An optional choice such as `female`: empty is `None`, anything
    /// unknown to `parse` is refused as not in the list.
    pub fn choice<T>(&mut self, field: &str, value: &str, parse: fn(&str) -> Option<T>) -> Option<T> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        let choice = parse(value);
        if choice.is_none() {
            self.push(FieldError::new(field, FieldErrorCode::NotInList));
        }
        choice
    }

    /// A choice that must be made (the default stands in when it is not).
    pub fn required_choice<T: Default>(&mut self, field: &str, value: &str, parse: fn(&str) -> Option<T>) -> T {
        if value.trim().is_empty() {
            self.push(FieldError::new(field, FieldErrorCode::Required));
            return T::default();
        }
        self.choice(field, value, parse).unwrap_or_default()
    }

    /// A required id that must be among `known`.
    pub fn known_id(&mut self, field: &str, value: &str, known: &[EntityId]) -> Option<EntityId> {
        let value = value.trim();
        if value.is_empty() {
            self.push(FieldError::new(field, FieldErrorCode::Required));
            return None;
        }
        let id = value.parse::<EntityId>().ok().filter(|id| known.contains(id));
        if id.is_none() {
            self.push(FieldError::new(field, FieldErrorCode::NotInList));
        }
        id
    }

    /// An optional `YYYY-MM-DD` date: empty is `None`. Dates after `today`
    /// are refused unless `future_ok`.
    pub fn date(&mut self, field: &str, value: &str, today: NaiveDate, future_ok: bool) -> Option<NaiveDate> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
            Ok(date) if !future_ok && date > today => {
                self.push(FieldError::new(field, FieldErrorCode::DateInFuture));
                None
            }
            Ok(date) => Some(date),
            Err(_) => {
                self.push(FieldError::new(field, FieldErrorCode::InvalidDate));
                None
            }
        }
    }

    /// A `YYYY-MM-DD` date that must be given; see [`Checker::date`].
    pub fn required_date(&mut self, field: &str, value: &str, today: NaiveDate, future_ok: bool) -> Option<NaiveDate> {
        if value.trim().is_empty() {
            self.push(FieldError::new(field, FieldErrorCode::Required));
            return None;
        }
        self.date(field, value, today, future_ok)
    }

    /// A required `HH:MM` time (`HH:MM:SS` is accepted too).
    pub fn required_time(&mut self, field: &str, value: &str) -> Option<NaiveTime> {
        let value = value.trim();
        if value.is_empty() {
            self.push(FieldError::new(field, FieldErrorCode::Required));
            return None;
        }
        let time =
            NaiveTime::parse_from_str(value, "%H:%M").or_else(|_| NaiveTime::parse_from_str(value, "%H:%M:%S")).ok();
        if time.is_none() {
            self.push(FieldError::new(field, FieldErrorCode::InvalidTime));
        }
        time
    }

    pub fn push(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    /// `Ok(value)` when no field was refused.
    pub fn finish<T>(self, value: T) -> Result<T, Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self.errors)
        }
    }
}

/// Trims the ends and collapses inner runs of whitespace to one space.
pub fn normalize_whitespace(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_text_trims_and_collapses_whitespace() {
        let mut c = Checker::default();
        assert_eq!(c.required_text("name", "  Nowak \t Kowalska ", 10), "Nowak Kowalska");
        assert_eq!(c.finish(()), Err(vec![FieldError::with_limit("name", FieldErrorCode::TooLong, 10)]));
    }

    #[test]
    fn whitespace_only_is_missing() {
        let mut c = Checker::default();
        c.required_text("address", " \n ", 10);
        assert_eq!(c.finish(()), Err(vec![FieldError::new("address", FieldErrorCode::Required)]));
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let mut c = Checker::default();
        c.required_text("name", "ŻŻŻŻŻ", 5);
        assert!(c.finish(()).is_ok());
    }
}
