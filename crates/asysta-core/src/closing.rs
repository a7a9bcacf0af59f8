//! Closing the work with a family and monitoring it afterwards.
//!
//! Closing records the date, a reason from the centre's list (the one its
//! half-year statutory report counts by; "other" needs a text) and a
//! summary, and needs a final evaluation submitted first. After closing the
//! family may be monitored for a period (a centre setting); when monitoring
//! ends the case is archived and becomes read-only.

use crate::evaluation::add_months;
use crate::validation::{Checker, FieldError, FieldErrorCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The longest closing summary, in characters.
pub const MAX_SUMMARY_CHARS: u32 = 10_000;
/// The reason key that needs a text of its own.
pub const OTHER_REASON: &str = "other";
/// Monitoring after closing lasts this long unless the centre sets another.
pub const DEFAULT_MONITORING_MONTHS: u32 = 3;
/// The longest monitoring period a centre may set.
pub const MAX_MONITORING_MONTHS: u32 = 24;

/// A reason for closing the work, from the centre's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosingReason {
    pub key: String,
    pub name_pl: String,
    pub name_en: String,
}

const DEFAULT_REASONS: [(&str, &str, &str); 6] = [
    ("goals_achieved", "osiągnięcie celów planu pracy", "the goals of the plan were achieved"),
    (
        "family_refused",
        "zaprzestanie współpracy lub odmowa współpracy przez rodzinę",
        "the family ended or refused the cooperation",
    ),
    ("no_results", "brak efektów — zmiana formy wsparcia", "no results — another form of support"),
    ("moved", "zmiana miejsca zamieszkania", "change of residence"),
    ("court_decision", "decyzja sądu", "court decision"),
    (OTHER_REASON, "inny powód", "other reason"),
];

/// The list of a new workspace (the categories of the half-year report).
pub fn default_closing_reasons() -> Vec<ClosingReason> {
    DEFAULT_REASONS
        .iter()
        .map(|&(key, pl, en)| ClosingReason { key: key.into(), name_pl: pl.into(), name_en: en.into() })
        .collect()
}

/// Checks a centre's list: keys unique, names present, and "other" kept
/// (a reason that fits no category must still be recordable).
pub fn validate_closing_reasons(reasons: &[ClosingReason]) -> Result<(), Vec<FieldError>> {
    let mut c = Checker::default();
    let mut keys = std::collections::BTreeSet::new();
    for (i, r) in reasons.iter().enumerate() {
        let blank = r.key.trim().is_empty() || r.name_pl.trim().is_empty() || r.name_en.trim().is_empty();
        if blank || !keys.insert(r.key.as_str()) {
            c.push(FieldError::new(&format!("reasons[{i}]"), FieldErrorCode::NotInList));
        }
    }
    if !keys.contains(OTHER_REASON) {
        c.push(FieldError::new("reasons", FieldErrorCode::Required));
    }
    c.finish(())
}

/// The closing form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClosingForm {
    /// `YYYY-MM-DD`.
    pub on: String,
    /// A [`ClosingReason::key`].
    pub reason: String,
    /// Required when `reason` is [`OTHER_REASON`]; a detail otherwise.
    pub reason_text: String,
    pub summary: String,
}

/// A checked closing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closing {
    pub on: NaiveDate,
    pub reason_key: String,
    pub reason_text: String,
    pub summary: String,
}

/// The closing of the work as the case keeps it (through monitoring and
/// archiving). Closings recorded before reasons had keys carry only
/// `reason`, the text typed then.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosingView {
    #[serde(default)]
    pub on: Option<NaiveDate>,
    #[serde(default)]
    pub reason_key: Option<String>,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub summary: String,
}

/// Checks the closing form: a date not after `today`, a reason from
/// `reasons` (with a text for "other"), and a summary.
pub fn validate_closing(
    form: &ClosingForm,
    reasons: &[ClosingReason],
    today: NaiveDate,
) -> Result<Closing, Vec<FieldError>> {
    let mut c = Checker::default();
    let on = c.required_date("on", &form.on, today, false);
    let reason_key = form.reason.trim().to_owned();
    if reason_key.is_empty() {
        c.push(FieldError::new("reason", FieldErrorCode::Required));
    } else if !reasons.iter().any(|r| r.key == reason_key) {
        c.push(FieldError::new("reason", FieldErrorCode::NotInList));
    }
    let reason_text = if reason_key == OTHER_REASON {
        c.required_text("reason_text", &form.reason_text, crate::record::MAX_STATUS_REASON_CHARS)
    } else {
        c.optional_text("reason_text", &form.reason_text, crate::record::MAX_STATUS_REASON_CHARS)
    };
    let summary = c.long_text("summary", &form.summary, MAX_SUMMARY_CHARS);
    if summary.is_empty() {
        c.push(FieldError::new("summary", FieldErrorCode::Required));
    }
    c.finish(Closing { on: on.unwrap_or_default(), reason_key, reason_text, summary })
}

/// The last day of monitoring that started on `start`.
pub fn monitoring_ends(start: NaiveDate, months: u32) -> NaiveDate {
    add_months(start, months.clamp(1, MAX_MONITORING_MONTHS))
}

/// The words a reason is shown with, in the list or, for an old closing
/// recorded before reasons had keys, its own text.
pub fn reason_name<'a>(reasons: &'a [ClosingReason], key: &str, polish: bool) -> Option<&'a str> {
    reasons.iter().find(|r| r.key == key).map(|r| if polish { r.name_pl.as_str() } else { r.name_en.as_str() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn form(reason: &str, text: &str, summary: &str) -> ClosingForm {
        ClosingForm {
            on: "2026-11-30".into(),
            reason: reason.into(),
            reason_text: text.into(),
            summary: summary.into(),
        }
    }

    #[test]
    fn a_reason_from_the_list_and_a_summary_close_the_work() {
        let closing = validate_closing(
            &form("goals_achieved", "", "Cele osiągnięte."),
            &default_closing_reasons(),
            d("2026-12-01"),
        )
        .unwrap();
        assert_eq!(closing.on, d("2026-11-30"));
        assert_eq!(closing.reason_key, "goals_achieved");
    }

    #[test]
    fn other_needs_its_text_and_unknown_reasons_are_refused() {
        let reasons = default_closing_reasons();
        let fields = |f: ClosingForm| {
            validate_closing(&f, &reasons, d("2026-12-01"))
                .unwrap_err()
                .into_iter()
                .map(|e| e.field)
                .collect::<Vec<_>>()
        };
        assert_eq!(fields(form("other", " ", "x")), ["reason_text"]);
        assert_eq!(fields(form("nope", "", "x")), ["reason"]);
        assert_eq!(fields(form("", "", "")), ["reason", "summary"]);
        let future = ClosingForm { on: "2026-12-02".into(), ..form("moved", "", "x") };
        assert_eq!(fields(future), ["on"]);
    }

    #[test]
    fn the_list_keeps_other() {
        let mut reasons = default_closing_reasons();
        assert!(validate_closing_reasons(&reasons).is_ok());
        reasons.retain(|r| r.key != OTHER_REASON);
        assert!(validate_closing_reasons(&reasons).is_err());
    }

    #[test]
    fn monitoring_ends_by_calendar_months() {
        assert_eq!(monitoring_ends(d("2026-08-31"), 6), d("2027-02-28"));
        assert_eq!(monitoring_ends(d("2026-01-15"), 0), d("2026-02-15"));
    }
}
