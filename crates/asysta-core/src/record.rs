//! The family's case record beyond its name and address: the basis of the
//! work, consent, the social worker, foster care, "Za życiem" support, the
//! Niebieska Karta procedure, the status, and the caseload cap.

use crate::ids::EntityId;
use crate::validation::{normalize_whitespace, Checker, FieldError, FieldErrorCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a family is in the course of the work.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FamilyStatus {
    /// The assistant works with the family (counts toward the cap).
    #[default]
    Active,
    /// The work was closed, with a reason.
    Closed,
    /// After closing, the family's situation is monitored.
    Monitoring,
    /// The record is kept for reference only.
    Archived,
}

impl FamilyStatus {
    pub const ALL: [FamilyStatus; 4] =
        [FamilyStatus::Active, FamilyStatus::Closed, FamilyStatus::Monitoring, FamilyStatus::Archived];

    pub fn as_str(self) -> &'static str {
        match self {
            FamilyStatus::Active => "active",
            FamilyStatus::Closed => "closed",
            FamilyStatus::Monitoring => "monitoring",
            FamilyStatus::Archived => "archived",
        }
    }

    pub fn parse(s: &str) -> Option<FamilyStatus> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            FamilyStatus::Active => "family-status-active",
            FamilyStatus::Closed => "family-status-closed",
            FamilyStatus::Monitoring => "family-status-monitoring",
            FamilyStatus::Archived => "family-status-archived",
        }
    }

    /// Whether moving to `self` asks for a reason: closing the work does
    /// (the reason is part of the record the head of the centre reviews).
    pub fn needs_reason(self) -> bool {
        self == FamilyStatus::Closed
    }

    /// Whether the record may move from `self` to `next`. Work is closed
    /// before it is monitored or archived; a closed or monitored family can
    /// be taken on again.
    pub fn can_become(self, next: FamilyStatus) -> bool {
        use FamilyStatus::*;
        matches!(
            (self, next),
            (Active, Closed)
                | (Closed, Monitoring)
                | (Closed, Archived)
                | (Monitoring, Archived)
                | (Closed, Active)
                | (Monitoring, Active)
        )
    }
}

/// The highest caseload cap a centre may set, and the cap until it sets
/// one: the Act of 9 June 2011 (art. 15 sec. 4) allows an assistant at
/// most 15 families at a time.
pub const LEGAL_CASELOAD_CAP: u32 = 15;

/// The most days without a visit a centre may set before a family is
/// flagged (0 turns the alert off).
pub const MAX_NO_VISIT_DAYS: u32 = 365;

/// Checks the centre's settings: a caseload cap from 1 to
/// [`LEGAL_CASELOAD_CAP`] and an alert after 0 (off) to
/// [`MAX_NO_VISIT_DAYS`] days without a visit.
pub fn validate_settings(caseload_cap: u32, no_visit_days: u32) -> Result<(), Vec<FieldError>> {
    let mut c = Checker::default();
    if !(1..=LEGAL_CASELOAD_CAP).contains(&caseload_cap) {
        c.push(FieldError::with_detail("caseload_cap", FieldErrorCode::OutOfRange, "settings-error-caseload-cap"));
    }
    if no_visit_days > MAX_NO_VISIT_DAYS {
        c.push(FieldError::with_detail("no_visit_days", FieldErrorCode::OutOfRange, "settings-error-no-visit-days"));
    }
    c.finish(())
}

/// The longest reason for a status change accepted, in characters.
pub const MAX_STATUS_REASON_CHARS: u32 = 1000;

/// Checks the reason given for moving a family to `status`, reported under
/// the field `reason`: required when closing, optional otherwise.
pub fn validate_status_reason(status: FamilyStatus, reason: &str) -> Result<String, Vec<FieldError>> {
    let mut c = Checker::default();
    let reason = if status.needs_reason() {
        c.required_text("reason", reason, MAX_STATUS_REASON_CHARS)
    } else {
        c.optional_text("reason", reason, MAX_STATUS_REASON_CHARS)
    };
    c.finish(reason)
}

/// What the caseload rule says about taking on one more active family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum CaseloadCheck {
    /// Well under the cap.
    Ok { active: u32, cap: u32 },
    /// Allowed, but at or one below the cap after the change: warn.
    Warn { active: u32, cap: u32 },
    /// Over the cap: refused.
    Refused { active: u32, cap: u32 },
}

/// Checks the caseload when the number of active families would become
/// `active_after`.
pub fn check_caseload(active_after: u32, cap: u32) -> CaseloadCheck {
    if active_after > cap {
        CaseloadCheck::Refused { active: active_after, cap }
    } else if active_after + 1 >= cap {
        CaseloadCheck::Warn { active: active_after, cap }
    } else {
        CaseloadCheck::Ok { active: active_after, cap }
    }
}

/// A person to contact (the social worker, a coordinator).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
}

/// Why the assistant works with the family.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WorkBasis {
    /// A social worker's request after a community interview, and the head
    /// of the centre's decision.
    SocialWorkerRequest { interview_date: NaiveDate, request_date: NaiveDate, decision_date: Option<NaiveDate> },
    /// A family court's order.
    CourtOrder { court: String, case_signature: String, order_date: NaiveDate },
}

/// Where a child is placed in foster care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FosterKind {
    Family,
    Institutional,
}

/// One child's foster-care placement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FosterPlacement {
    pub child_id: EntityId,
    pub kind: FosterKind,
    pub place: String,
    pub coordinator: Contact,
    /// The county family-support centre (PCPR).
    pub pcpr: String,
    /// The date of the child's assistance plan the work plan is coordinated with.
    pub assistance_plan_date: Option<NaiveDate>,
}

/// Support under the "Za życiem" act.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZaZyciem {
    pub request_date: NaiveDate,
    pub certificate_type: String,
    pub certificate_date: Option<NaiveDate>,
    pub support_catalogue: String,
}

/// The domestic-violence "Niebieska Karta" procedure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NiebieskaKarta {
    pub started_on: NaiveDate,
    /// The interdisciplinary team or working group to contact.
    pub team_contact: String,
}

/// The case details of a family, set as a whole by `family.details_set`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseDetails {
    #[serde(default)]
    pub phones: Vec<String>,
    #[serde(default)]
    pub social_worker: Option<Contact>,
    #[serde(default)]
    pub basis: Option<WorkBasis>,
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    /// The family's written consent, when the work is voluntary.
    #[serde(default)]
    pub consent_date: Option<NaiveDate>,
    #[serde(default)]
    pub foster_care: Vec<FosterPlacement>,
    #[serde(default)]
    pub za_zyciem: Option<ZaZyciem>,
    #[serde(default)]
    pub niebieska_karta: Option<NiebieskaKarta>,
}

/// Whether `s` looks like a Polish court case signature such as
/// "III Nsm 123/25": a department in Roman numerals, a repertory symbol, and
/// number/year.
pub fn is_case_signature(s: &str) -> bool {
    let parts: Vec<&str> = s.split_whitespace().collect();
    let [department, repertory, number] = parts.as_slice() else { return false };
    let roman = !department.is_empty() && department.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let symbol = repertory.chars().next().is_some_and(|c| c.is_uppercase())
        && repertory.chars().all(|c| c.is_alphabetic() || c == '-');
    let numbered = number.split_once('/').is_some_and(|(n, y)| {
        !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
            && matches!(y.len(), 2 | 4)
            && y.chars().all(|c| c.is_ascii_digit())
    });
    roman && symbol && numbered
}

/// The basis part of the case form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BasisForm {
    /// `social_worker_request`, `court_order`, or empty for none yet.
    pub kind: String,
    pub interview_date: String,
    pub request_date: String,
    pub decision_date: String,
    pub court: String,
    pub case_signature: String,
    pub order_date: String,
}

/// Checks the basis form; `Ok(None)` when no basis is chosen yet.
pub fn validate_basis(form: &BasisForm, today: NaiveDate) -> Result<Option<WorkBasis>, Vec<FieldError>> {
    let mut c = Checker::default();
    let basis = match form.kind.as_str() {
        "" => None,
        "social_worker_request" => {
            let interview = c.date("interview_date", &form.interview_date, today, false);
            let request = c.date("request_date", &form.request_date, today, false);
            let decision = c.date("decision_date", &form.decision_date, today, false);
            require_date(&mut c, "interview_date", &form.interview_date);
            require_date(&mut c, "request_date", &form.request_date);
            if let (Some(i), Some(r)) = (interview, request) {
                if r < i {
                    c.push(FieldError::new("request_date", FieldErrorCode::EndBeforeStart));
                }
            }
            match (interview, request) {
                (Some(interview_date), Some(request_date)) => {
                    Some(WorkBasis::SocialWorkerRequest { interview_date, request_date, decision_date: decision })
                }
                _ => None,
            }
        }
        "court_order" => {
            let court = c.required_text("court", &form.court, 200);
            let signature = normalize_whitespace(&form.case_signature);
            if signature.is_empty() {
                c.push(FieldError::new("case_signature", FieldErrorCode::Required));
            } else if !is_case_signature(&signature) {
                c.push(FieldError::with_detail("case_signature", FieldErrorCode::NotInList, "case-signature-format"));
            }
            require_date(&mut c, "order_date", &form.order_date);
            c.date("order_date", &form.order_date, today, false).map(|order_date| WorkBasis::CourtOrder {
                court,
                case_signature: signature,
                order_date,
            })
        }
        _ => {
            c.push(FieldError::new("kind", FieldErrorCode::NotInList));
            None
        }
    };
    c.finish(basis)
}

/// One foster-care placement as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FosterPlacementForm {
    pub child_id: String,
    /// `family` or `institutional`.
    pub kind: String,
    pub place: String,
    pub coordinator_name: String,
    pub coordinator_phone: String,
    pub pcpr: String,
    pub assistance_plan_date: String,
}

/// The case-details form as typed. Empty optional sections mean "none".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseDetailsForm {
    /// Phone numbers, one per line or separated by commas.
    pub phones: String,
    pub social_worker_name: String,
    pub social_worker_phone: String,
    pub social_worker_email: String,
    pub basis: BasisForm,
    pub start_date: String,
    pub consent_date: String,
    pub foster_care: Vec<FosterPlacementForm>,
    pub za_zyciem: bool,
    pub za_zyciem_request_date: String,
    pub za_zyciem_certificate_type: String,
    pub za_zyciem_certificate_date: String,
    pub za_zyciem_support_catalogue: String,
    pub niebieska_karta: bool,
    pub niebieska_karta_started_on: String,
    pub niebieska_karta_team_contact: String,
}

/// Checks the case-details form. `children` are the family's members who
/// may be placed in foster care. Field names of foster placements are
/// `foster_care[i].<field>`.
pub fn validate_case_details(
    form: &CaseDetailsForm,
    children: &[EntityId],
    today: NaiveDate,
) -> Result<CaseDetails, Vec<FieldError>> {
    let mut c = Checker::default();
    let phones: Vec<String> =
        form.phones.split([',', '\n', ';']).map(normalize_whitespace).filter(|p| !p.is_empty()).collect();
    for phone in &phones {
        if !phone.chars().all(|ch| ch.is_ascii_digit() || matches!(ch, ' ' | '+' | '-' | '(' | ')')) {
            c.push(FieldError::with_detail("phones", FieldErrorCode::NotInList, "phone-format"));
        }
    }
    let social_worker = (!form.social_worker_name.trim().is_empty()).then(|| Contact {
        name: normalize_whitespace(&form.social_worker_name),
        phone: normalize_whitespace(&form.social_worker_phone),
        email: form.social_worker_email.trim().to_owned(),
    });
    let basis = match validate_basis(&form.basis, today) {
        Ok(basis) => basis,
        Err(errors) => {
            for e in errors {
                c.push(FieldError { field: format!("basis.{}", e.field), ..e });
            }
            None
        }
    };
    let start_date = c.date("start_date", &form.start_date, today, true);
    let consent_date = c.date("consent_date", &form.consent_date, today, false);
    let mut foster_care = Vec::new();
    for (i, p) in form.foster_care.iter().enumerate() {
        let field = |name: &str| format!("foster_care[{i}].{name}");
        let child_id = p.child_id.parse::<EntityId>().ok().filter(|id| children.contains(id));
        if child_id.is_none() {
            c.push(FieldError::new(&field("child_id"), FieldErrorCode::NotInList));
        }
        let kind = match p.kind.as_str() {
            "family" => Some(FosterKind::Family),
            "institutional" => Some(FosterKind::Institutional),
            _ => {
                c.push(FieldError::new(&field("kind"), FieldErrorCode::NotInList));
                None
            }
        };
        let place = c.required_text(&field("place"), &p.place, 300);
        let plan_date = c.date(&field("assistance_plan_date"), &p.assistance_plan_date, today, true);
        if let (Some(child_id), Some(kind)) = (child_id, kind) {
            foster_care.push(FosterPlacement {
                child_id,
                kind,
                place,
                coordinator: Contact {
                    name: normalize_whitespace(&p.coordinator_name),
                    phone: normalize_whitespace(&p.coordinator_phone),
                    email: String::new(),
                },
                pcpr: normalize_whitespace(&p.pcpr),
                assistance_plan_date: plan_date,
            });
        }
    }
    let za_zyciem = if form.za_zyciem {
        require_date(&mut c, "za_zyciem_request_date", &form.za_zyciem_request_date);
        let request = c.date("za_zyciem_request_date", &form.za_zyciem_request_date, today, false);
        let certificate_type = c.required_text("za_zyciem_certificate_type", &form.za_zyciem_certificate_type, 200);
        let certificate_date = c.date("za_zyciem_certificate_date", &form.za_zyciem_certificate_date, today, false);
        request.map(|request_date| ZaZyciem {
            request_date,
            certificate_type,
            certificate_date,
            support_catalogue: form.za_zyciem_support_catalogue.trim().to_owned(),
        })
    } else {
        None
    };
    let niebieska_karta = if form.niebieska_karta {
        require_date(&mut c, "niebieska_karta_started_on", &form.niebieska_karta_started_on);
        let started = c.date("niebieska_karta_started_on", &form.niebieska_karta_started_on, today, false);
        started.map(|started_on| NiebieskaKarta {
            started_on,
            team_contact: normalize_whitespace(&form.niebieska_karta_team_contact),
        })
    } else {
        None
    };
    c.finish(CaseDetails {
        phones,
        social_worker,
        basis,
        start_date,
        consent_date,
        foster_care,
        za_zyciem,
        niebieska_karta,
    })
}

fn require_date(c: &mut Checker, field: &str, value: &str) {
    if value.trim().is_empty() {
        c.push(FieldError::new(field, FieldErrorCode::Required));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_caseload_warns_at_14_and_15_and_refuses_16() {
        assert_eq!(check_caseload(13, 15), CaseloadCheck::Ok { active: 13, cap: 15 });
        assert_eq!(check_caseload(14, 15), CaseloadCheck::Warn { active: 14, cap: 15 });
        assert_eq!(check_caseload(15, 15), CaseloadCheck::Warn { active: 15, cap: 15 });
        assert_eq!(check_caseload(16, 15), CaseloadCheck::Refused { active: 16, cap: 15 });
        assert_eq!(check_caseload(11, 12), CaseloadCheck::Warn { active: 11, cap: 12 });
    }

    #[test]
    fn settings_stay_within_the_law_and_a_year() {
        assert!(validate_settings(15, 14).is_ok() && validate_settings(1, 0).is_ok());
        let fields = |r: Result<(), Vec<FieldError>>| r.unwrap_err().into_iter().map(|e| e.field).collect::<Vec<_>>();
        assert_eq!(fields(validate_settings(0, 14)), ["caseload_cap"]);
        assert_eq!(fields(validate_settings(16, 366)), ["caseload_cap", "no_visit_days"]);
    }

    #[test]
    fn closing_needs_a_reason_and_other_moves_do_not() {
        let err = validate_status_reason(FamilyStatus::Closed, "  ").unwrap_err();
        assert_eq!(err, vec![FieldError::new("reason", FieldErrorCode::Required)]);
        assert_eq!(validate_status_reason(FamilyStatus::Closed, " cele  osiągnięte ").unwrap(), "cele osiągnięte");
        assert_eq!(validate_status_reason(FamilyStatus::Monitoring, "").unwrap(), "");
        let long = "x".repeat(MAX_STATUS_REASON_CHARS as usize + 1);
        let err = validate_status_reason(FamilyStatus::Active, &long).unwrap_err();
        assert_eq!(err[0].code, FieldErrorCode::TooLong);
    }

    #[test]
    fn status_moves_follow_the_course_of_the_work() {
        use FamilyStatus::*;
        assert!(Active.can_become(Closed));
        assert!(!Active.can_become(Monitoring), "work is closed before it is monitored");
        assert!(Closed.can_become(Monitoring) && Monitoring.can_become(Archived));
        assert!(Monitoring.can_become(Active), "a family can be taken on again");
        assert!(!Archived.can_become(Active));
        for s in FamilyStatus::ALL {
            assert_eq!(FamilyStatus::parse(s.as_str()), Some(s));
            assert!(!s.can_become(s));
        }
    }

    #[track_caller]
    fn check_signature(s: &str, ok: bool) {
        assert_eq!(is_case_signature(s), ok, "{s:?}");
    }

    #[test]
    fn court_case_signatures() {
        check_signature("III Nsm 123/25", true);
        check_signature("IV Nkd 7/2024", true);
        check_signature("X RC 1000/19", true);
        check_signature("III Nsm 123", false);
        check_signature("3 Nsm 123/25", false);
        check_signature("III nsm 123/25", false);
        check_signature("III Nsm 12a/25", false);
        check_signature("", false);
    }

    #[test]
    fn a_court_order_basis_is_checked() {
        let today = d("2026-11-23");
        let form = BasisForm {
            kind: "court_order".into(),
            court: "Sąd Rejonowy dla Łodzi-Śródmieścia".into(),
            case_signature: " III  Nsm 123/25 ".into(),
            order_date: "2026-10-01".into(),
            ..Default::default()
        };
        assert_eq!(
            validate_basis(&form, today),
            Ok(Some(WorkBasis::CourtOrder {
                court: "Sąd Rejonowy dla Łodzi-Śródmieścia".into(),
                case_signature: "III Nsm 123/25".into(),
                order_date: d("2026-10-01"),
            }))
        );
        let bad = BasisForm { case_signature: "123".into(), order_date: "2027-01-01".into(), ..form };
        let fields: Vec<_> = validate_basis(&bad, today).unwrap_err().into_iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            [
                ("case_signature".to_owned(), FieldErrorCode::NotInList),
                ("order_date".to_owned(), FieldErrorCode::DateInFuture)
            ]
        );
    }

    #[test]
    fn a_social_worker_request_needs_its_dates_in_order() {
        let today = d("2026-11-23");
        let form = BasisForm {
            kind: "social_worker_request".into(),
            interview_date: "2026-09-10".into(),
            request_date: "2026-09-01".into(),
            ..Default::default()
        };
        let errors = validate_basis(&form, today).unwrap_err();
        assert_eq!(errors, vec![FieldError::new("request_date", FieldErrorCode::EndBeforeStart)]);
        let ok = BasisForm { request_date: "2026-09-12".into(), decision_date: "2026-09-20".into(), ..form };
        assert!(matches!(validate_basis(&ok, today), Ok(Some(WorkBasis::SocialWorkerRequest { .. }))));
        assert_eq!(validate_basis(&BasisForm::default(), today), Ok(None));
    }

    #[test]
    fn the_case_details_form_is_checked_section_by_section() {
        let today = d("2026-11-23");
        let child = EntityId(uuid::Uuid::from_u128(5));
        let form = CaseDetailsForm {
            phones: "600 100 200, +48 42 123-45-67\n".into(),
            social_worker_name: " Ewa  Sowa ".into(),
            start_date: "2026-12-01".into(),
            foster_care: vec![FosterPlacementForm {
                child_id: child.to_string(),
                kind: "family".into(),
                place: "rodzina zastępcza w Łęczycy".into(),
                ..Default::default()
            }],
            niebieska_karta: true,
            niebieska_karta_started_on: "2026-09-01".into(),
            ..Default::default()
        };
        let details = validate_case_details(&form, &[child], today).unwrap();
        assert_eq!(details.phones, ["600 100 200", "+48 42 123-45-67"]);
        assert_eq!(details.social_worker.unwrap().name, "Ewa Sowa");
        assert_eq!(details.start_date, Some(d("2026-12-01")), "a start date may be planned ahead");
        assert_eq!(details.foster_care[0].kind, FosterKind::Family);
        assert_eq!(details.niebieska_karta.unwrap().started_on, d("2026-09-01"));

        let bad = CaseDetailsForm {
            phones: "dzwonić wieczorem".into(),
            consent_date: "2026-13-01".into(),
            basis: BasisForm { kind: "court_order".into(), ..Default::default() },
            za_zyciem: true,
            ..form
        };
        let fields: Vec<String> =
            validate_case_details(&bad, &[], today).unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "phones",
                "basis.court",
                "basis.case_signature",
                "basis.order_date",
                "consent_date",
                "foster_care[0].child_id",
                "za_zyciem_request_date",
                "za_zyciem_certificate_type"
            ]
        );
    }

    #[test]
    fn case_details_json_tolerates_missing_sections() {
        let details: CaseDetails = serde_json::from_str("{}").unwrap();
        assert_eq!(details, CaseDetails::default());
        let basis = WorkBasis::CourtOrder {
            court: "SR".into(),
            case_signature: "III Nsm 1/25".into(),
            order_date: d("2025-01-02"),
        };
        assert_eq!(
            serde_json::to_string(&basis).unwrap(),
            r#"{"kind":"court_order","court":"SR","case_signature":"III Nsm 1/25","order_date":"2025-01-02"}"#
        );
    }
}
