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
    /// Not a date (expected `YYYY-MM-DD` or `dd.mm.yyyy`).
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

    /// An optional date, `YYYY-MM-DD` or the Polish `dd.mm.yyyy` (see
    /// [`parse_date`]): empty is `None`. Dates after `today` are refused
    /// unless `future_ok`.
    pub fn date(&mut self, field: &str, value: &str, today: NaiveDate, future_ok: bool) -> Option<NaiveDate> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        match parse_date(value) {
            Some(date) if !future_ok && date > today => {
                self.push(FieldError::new(field, FieldErrorCode::DateInFuture));
                None
            }
            Some(date) => Some(date),
            None => {
                self.push(FieldError::new(field, FieldErrorCode::InvalidDate));
                None
            }
        }
    }

    /// A date that must be given; see [`Checker::date`].
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

/// A date as a form may hold it: ISO `YYYY-MM-DD` (what the date fields
/// send) or the Polish day-first `d.m.yyyy` / `dd.mm.yyyy` (what people
/// type). Surrounding whitespace is ignored; a day that does not exist
/// (31.04, 29.02 outside leap years) is `None`.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    parse_polish_date(value).or_else(|| parse_iso_date(value))
}

/// An ISO `YYYY-MM-DD` date (chrono's `%Y-%m-%d`, as the forms have always
/// read dates).
pub fn parse_iso_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

/// A Polish day-first date, `d.m.yyyy` or `dd.mm.yyyy`: one or two digits
/// for the day and the month, four for the year, dots between them.
pub fn parse_polish_date(value: &str) -> Option<NaiveDate> {
    let mut parts = value.trim().split('.');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let day = digits(day, 1..=2)?;
    let month = digits(month, 1..=2)?;
    let year = digits(year, 4..=4)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// A 24-hour time typed as `H:MM` or `HH:MM` (00:00 to 23:59).
pub fn parse_time(value: &str) -> Option<NaiveTime> {
    let (hours, minutes) = value.trim().split_once(':')?;
    let hours = digits(hours, 1..=2)?;
    let minutes = digits(minutes, 2..=2)?;
    NaiveTime::from_hms_opt(hours, minutes, 0)
}

/// `text` as a number when it is only ASCII digits, as many as `len` allows.
fn digits(text: &str, len: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (len.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
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

    #[track_caller]
    fn check_date(value: &str, expected: Option<&str>) {
        let expected = expected.map(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").unwrap());
        assert_eq!(parse_date(value), expected, "{value:?}");
    }

    #[test]
    fn dates_are_read_in_iso_and_polish_forms() {
        for (value, expected) in [
            ("2026-02-01", Some("2026-02-01")),
            ("1.2.2026", Some("2026-02-01")),
            ("01.02.2026", Some("2026-02-01")),
            (" 05.05.2026 ", Some("2026-05-05")),
            ("29.02.2028", Some("2028-02-29")),
            ("2028-02-29", Some("2028-02-29")),
            ("29.02.2027", None),
            ("31.04.2026", None),
            ("2026-04-31", None),
            ("0.1.2026", None),
            ("1.13.2026", None),
            ("1.2.26", None),
            ("001.2.2026", None),
            ("1.2.2026.", None),
            ("1/2/2026", None),
            ("+1.2.2026", None),
            ("", None),
        ] {
            check_date(value, expected);
        }
    }

    #[track_caller]
    fn check_time(value: &str, expected: Option<&str>) {
        let expected = expected.map(|e| NaiveTime::parse_from_str(e, "%H:%M").unwrap());
        assert_eq!(parse_time(value), expected, "{value:?}");
    }

    #[test]
    fn times_are_read_on_a_24_hour_clock() {
        for (value, expected) in [
            ("07:05", Some("07:05")),
            ("7:05", Some("07:05")),
            ("23:59", Some("23:59")),
            ("0:00", Some("00:00")),
            ("24:00", None),
            ("12:60", None),
            ("7:5", None),
            ("0705", None),
            ("7:05 PM", None),
            ("", None),
        ] {
            check_time(value, expected);
        }
    }

    #[test]
    fn the_date_check_takes_a_polish_date() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let mut c = Checker::default();
        assert_eq!(c.date("born", "05.05.2026", today, false), NaiveDate::from_ymd_opt(2026, 5, 5));
        assert_eq!(c.date("due", "1.7.2026", today, false), None);
        assert_eq!(c.date("deadline", "31.04.2026", today, true), None);
        assert_eq!(c.required_date("start", "", today, true), None);
        assert_eq!(
            c.finish(()),
            Err(vec![
                FieldError::new("due", FieldErrorCode::DateInFuture),
                FieldError::new("deadline", FieldErrorCode::InvalidDate),
                FieldError::new("start", FieldErrorCode::Required),
            ])
        );
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let mut c = Checker::default();
        c.required_text("name", "ŻŻŻŻŻ", 5);
        assert!(c.finish(()).is_ok());
    }
}
