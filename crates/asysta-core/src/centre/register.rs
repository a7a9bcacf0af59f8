//! The centre's register of its family assistants: the form of employment,
//! the dates of employment, the working time and the laptops that are
//! theirs. The register answers "how many assistants, by form of
//! employment, on a given day" (the centre is asked for it on any date).

use crate::ids::{DeviceId, UserId};
use crate::validation::Checker;
use crate::{FieldError, FieldErrorCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How an assistant is employed (art. 13 of the Act: an employment
/// contract, or a contract for services).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Employment {
    /// Umowa o pracę.
    EmploymentContract,
    /// Umowa o świadczenie usług.
    ServiceContract,
}

impl Employment {
    pub const ALL: [Employment; 2] = [Employment::EmploymentContract, Employment::ServiceContract];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Employment::EmploymentContract => "employment_contract",
            Employment::ServiceContract => "service_contract",
        }
    }

    /// The CLI's name (`umowa-o-prace`, `umowa-o-swiadczenie-uslug`).
    pub fn slug(self) -> &'static str {
        match self {
            Employment::EmploymentContract => "umowa-o-prace",
            Employment::ServiceContract => "umowa-o-swiadczenie-uslug",
        }
    }

    /// Either name.
    pub fn parse(s: &str) -> Option<Employment> {
        Self::ALL.into_iter().find(|e| e.as_str() == s || e.slug() == s)
    }

    pub fn message_id(self) -> String {
        format!("employment-{}", self.slug())
    }
}

/// One assistant in the register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistantEntry {
    pub name: String,
    /// Not yet stated (an enrolled laptop's user before the supervisor
    /// completes the entry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<Employment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// Working time in thousandths of a full-time post (1000 = 1 FTE).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fte_thousandths: Option<u32>,
    /// The user of the assistant's laptop workspace, once one is enrolled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// The enrolled devices that are theirs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<DeviceId>,
}

impl AssistantEntry {
    /// Whether the assistant is employed on `day`.
    pub fn employed_on(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }

    /// The working time as text, e.g. "0,75".
    pub fn fte_text(&self) -> Option<String> {
        self.fte_thousandths.map(fte_text)
    }
}

/// Thousandths of a post as a Polish decimal ("1", "0,5", "0,75").
pub fn fte_text(thousandths: u32) -> String {
    let whole = thousandths / 1000;
    let frac = thousandths % 1000;
    if frac == 0 {
        return whole.to_string();
    }
    let digits = format!("{frac:03}");
    format!("{whole},{}", digits.trim_end_matches('0'))
}

/// The register form as typed (the window's and the CLI's).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistantForm {
    pub name: String,
    /// `employment_contract` / `umowa-o-prace`, …; empty: not stated.
    #[serde(default)]
    pub employment: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    /// "1", "0.5", "0,75"; empty: not stated.
    #[serde(default)]
    pub fte: String,
}

/// Checks a register form; `today` bounds nothing (contracts are entered
/// ahead), it only reads relative dates. Devices and the user are the
/// store's to link.
pub fn validate_assistant(form: &AssistantForm, today: NaiveDate) -> Result<AssistantEntry, Vec<FieldError>> {
    let mut c = Checker::default();
    let name = c.required_text("name", &form.name, 200);
    let employment = if form.employment.trim().is_empty() {
        None
    } else {
        c.choice("employment", form.employment.trim(), Employment::parse)
    };
    let from = c.date("from", &form.from, today, true);
    let to = c.date("to", &form.to, today, true);
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            c.push(FieldError::new("to", FieldErrorCode::EndBeforeStart));
        }
    }
    let fte = if form.fte.trim().is_empty() {
        None
    } else {
        match parse_fte(&form.fte) {
            Some(v) => Some(v),
            None => {
                c.push(FieldError::with_detail("fte", FieldErrorCode::OutOfRange, "0–1"));
                None
            }
        }
    };
    c.finish(AssistantEntry { name, employment, from, to, fte_thousandths: fte, user_id: None, devices: Vec::new() })
}

/// "0.75" or "0,75" as thousandths, within (0, 1].
pub fn parse_fte(s: &str) -> Option<u32> {
    let s = s.trim().replace(',', ".");
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    if whole.is_empty() && frac.is_empty() || frac.len() > 3 {
        return None;
    }
    let whole: u32 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let frac: u32 = if frac.is_empty() { 0 } else { format!("{frac:0<3}").parse().ok()? };
    let value = whole.checked_mul(1000)?.checked_add(frac)?;
    (1..=1000).contains(&value).then_some(value)
}

/// Headcount by form of employment on `day` (those not stated under `None`).
pub fn headcount_on<'a>(
    entries: impl IntoIterator<Item = &'a AssistantEntry>,
    day: NaiveDate,
) -> std::collections::BTreeMap<Option<Employment>, u32> {
    let mut out = std::collections::BTreeMap::new();
    for entry in entries.into_iter().filter(|e| e.employed_on(day)) {
        *out.entry(entry.employment).or_insert(0) += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn working_time_reads_both_decimal_marks_and_stays_within_one_post() {
        assert_eq!(parse_fte("1"), Some(1000));
        assert_eq!(parse_fte("0,75"), Some(750));
        assert_eq!(parse_fte("0.5"), Some(500));
        assert_eq!(parse_fte(".25"), Some(250));
        assert_eq!(parse_fte("0"), None);
        assert_eq!(parse_fte("1.5"), None);
        assert_eq!(parse_fte("0.1234"), None);
        assert_eq!(parse_fte("pół"), None);
        assert_eq!(fte_text(750), "0,75");
        assert_eq!(fte_text(1000), "1");
        assert_eq!(fte_text(500), "0,5");
    }

    #[test]
    fn a_register_form_is_checked_field_by_field() {
        let form = AssistantForm {
            name: " ".into(),
            employment: "umowa-o-dzielo".into(),
            from: "2026-05-01".into(),
            to: "2026-04-01".into(),
            fte: "2".into(),
        };
        let errors = validate_assistant(&form, d("2026-12-07")).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "employment", "to", "fte"]);
        let ok = AssistantForm {
            name: "Ewa Nowak".into(),
            employment: "umowa-o-swiadczenie-uslug".into(),
            from: "01.02.2026".into(),
            fte: "0,5".into(),
            ..AssistantForm::default()
        };
        let entry = validate_assistant(&ok, d("2026-12-07")).unwrap();
        assert_eq!(entry.employment, Some(Employment::ServiceContract));
        assert_eq!(entry.from, Some(d("2026-02-01")));
        assert_eq!(entry.fte_thousandths, Some(500));
    }

    #[test]
    fn headcount_counts_those_employed_on_the_day() {
        let entry = |employment, from: &str, to: Option<&str>| AssistantEntry {
            name: "x".into(),
            employment,
            from: Some(d(from)),
            to: to.map(d),
            fte_thousandths: None,
            user_id: None,
            devices: Vec::new(),
        };
        let all = [
            entry(Some(Employment::EmploymentContract), "2025-01-01", None),
            entry(Some(Employment::EmploymentContract), "2025-01-01", Some("2026-03-31")),
            entry(Some(Employment::ServiceContract), "2026-04-01", None),
            entry(None, "2026-01-01", None),
        ];
        let march = headcount_on(&all, d("2026-03-31"));
        assert_eq!(march.get(&Some(Employment::EmploymentContract)), Some(&2));
        assert_eq!(march.get(&Some(Employment::ServiceContract)), None);
        let april = headcount_on(&all, d("2026-04-01"));
        assert_eq!(april.get(&Some(Employment::EmploymentContract)), Some(&1));
        assert_eq!(april.get(&Some(Employment::ServiceContract)), Some(&1));
        assert_eq!(april.get(&None), Some(&1));
    }
}
