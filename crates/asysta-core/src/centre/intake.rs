//! Intake: a case that starts at the centre, from a social worker's
//! request after a community interview or from a family court's order,
//! waits (ordered by the request's date) until it is assigned to an
//! assistant, and reaches that assistant's laptop with its basis.

use crate::record::is_case_signature;
use crate::validation::Checker;
use crate::{FieldError, FieldErrorCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Why the work with a family is to start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralBasis {
    /// A social worker's request (art. 11 of the Act).
    SocialWorkerRequest,
    /// A family court's order (art. 109 § 2 of the Family Code).
    CourtOrder,
}

impl ReferralBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            ReferralBasis::SocialWorkerRequest => "social_worker_request",
            ReferralBasis::CourtOrder => "court_order",
        }
    }

    /// The wire name or the CLI's (`social-worker`, `court`).
    pub fn parse(s: &str) -> Option<ReferralBasis> {
        match s {
            "social_worker_request" | "social-worker" => Some(ReferralBasis::SocialWorkerRequest),
            "court_order" | "court" => Some(ReferralBasis::CourtOrder),
            _ => None,
        }
    }

    pub fn message_id(self) -> String {
        format!("referral-basis-{}", self.as_str().replace('_', "-"))
    }
}

/// The request or order a case starts from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    pub requested_on: NaiveDate,
    pub basis: ReferralBasis,
    /// For a court's order: the court and the case's signature.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub court: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signature: String,
    /// The social worker who asked (for a request).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub social_worker: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The intake form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralForm {
    /// The family's surname (how the case is named).
    pub name: String,
    pub address: String,
    /// `social_worker_request` / `social-worker`, `court_order` / `court`.
    pub basis: String,
    pub requested_on: String,
    #[serde(default)]
    pub court: String,
    #[serde(default)]
    pub signature: String,
    #[serde(default)]
    pub social_worker: String,
    #[serde(default)]
    pub note: String,
}

/// A checked intake: the family's name and address and its referral.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewReferral {
    pub name: String,
    pub address: String,
    pub referral: Referral,
}

pub fn validate_referral(form: &ReferralForm, today: NaiveDate) -> Result<NewReferral, Vec<FieldError>> {
    let mut c = Checker::default();
    let name = c.required_text("name", &form.name, 200);
    let address = c.required_text("address", &form.address, 300);
    let basis = c.required_choice("basis", form.basis.trim(), |s| ReferralBasis::parse(s).map(Some));
    let requested_on = c.required_date("requested_on", &form.requested_on, today, false);
    let court = c.optional_text("court", &form.court, 200);
    let signature = c.optional_text("signature", &form.signature, 60);
    if basis == Some(ReferralBasis::CourtOrder) {
        if court.is_empty() {
            c.push(FieldError::new("court", FieldErrorCode::Required));
        }
        if signature.is_empty() {
            c.push(FieldError::new("signature", FieldErrorCode::Required));
        } else if !is_case_signature(&signature) {
            c.push(FieldError::with_detail("signature", FieldErrorCode::NotInList, "field-error-case-signature"));
        }
    }
    let social_worker = c.optional_text("social_worker", &form.social_worker, 200);
    let note = c.long_text("note", &form.note, 4000);
    let (Some(basis), Some(requested_on)) = (basis, requested_on) else {
        return Err(c.finish(()).err().unwrap_or_default());
    };
    c.finish(NewReferral {
        name,
        address,
        referral: Referral { requested_on, basis, court, signature, social_worker, note },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        "2026-12-07".parse().unwrap()
    }

    #[test]
    fn a_court_order_names_its_court_and_signature() {
        let form = ReferralForm {
            name: "Kowalscy".into(),
            address: "ul. Polna 3".into(),
            basis: "court".into(),
            requested_on: "2026-11-02".into(),
            ..ReferralForm::default()
        };
        let errors = validate_referral(&form, today()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["court", "signature"]);
        let ok = ReferralForm { court: "Sąd Rejonowy w Gdyni".into(), signature: "III Nsm 12/26".into(), ..form };
        let referral = validate_referral(&ok, today()).unwrap().referral;
        assert_eq!(referral.basis, ReferralBasis::CourtOrder);
    }

    #[test]
    fn a_request_is_dated_and_not_in_the_future() {
        let form = ReferralForm {
            name: "Nowak".into(),
            address: "ul. Długa 1".into(),
            basis: "social-worker".into(),
            requested_on: "2027-01-01".into(),
            ..ReferralForm::default()
        };
        let errors = validate_referral(&form, today()).unwrap_err();
        assert_eq!(errors[0].field, "requested_on");
        let missing = ReferralForm { basis: String::new(), requested_on: String::new(), ..form };
        let fields: Vec<String> =
            validate_referral(&missing, today()).unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["basis", "requested_on"]);
    }
}
