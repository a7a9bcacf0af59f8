use super::*;
use crate::components::field::error_id;
use crate::test_support::{entity, has_id, member, render, text_of};
use asysta_core::record::{Contact, FosterPlacement, NiebieskaKarta, ZaZyciem};
use asysta_core::FieldErrorCode;
use asysta_i18n::{Locale, Translator};
use chrono::NaiveDate;

fn reduce(state: DetailsState, action: DetailsAction) -> DetailsState {
    (*Rc::new(state).reduce(action)).clone()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    d("2026-11-23")
}

/// Details with every section filled in; child 2 is in foster care.
fn full_details() -> CaseDetails {
    CaseDetails {
        phones: vec!["600 100 200".into(), "+48 42 123-45-67".into()],
        social_worker: Some(Contact {
            name: "Ewa Sowa".into(),
            phone: "42 111 22 33".into(),
            email: "e@ops.pl".into(),
        }),
        basis: Some(WorkBasis::CourtOrder {
            court: "Sąd Rejonowy w Łęczycy".into(),
            case_signature: "III Nsm 123/25".into(),
            order_date: d("2025-10-10"),
        }),
        start_date: Some(d("2025-11-01")),
        consent_date: None,
        foster_care: vec![FosterPlacement {
            child_id: entity(2),
            kind: FosterKind::Institutional,
            place: "Dom dziecka w Łęczycy".into(),
            coordinator: Contact { name: "Jan Lis".into(), phone: "600 000 000".into(), email: String::new() },
            pcpr: "PCPR Łęczyca".into(),
            assistance_plan_date: Some(d("2025-12-01")),
        }],
        za_zyciem: Some(ZaZyciem {
            request_date: d("2025-09-01"),
            certificate_type: "zaświadczenie lekarskie".into(),
            certificate_date: None,
            support_catalogue: "poradnictwo".into(),
        }),
        niebieska_karta: Some(NiebieskaKarta { started_on: d("2025-08-15"), team_contact: "ZI Łęczyca".into() }),
    }
}

#[test]
fn field_names_become_element_ids() {
    // The mapping itself is `dom_id` (components/field.rs); these are the
    // ids the form's inputs and errors get.
    let ids: Vec<String> = DetailsField::ALL.iter().map(|f| dom_id(f.name())).collect();
    assert_eq!(
        ids,
        [
            "phones",
            "social_worker_name",
            "social_worker_phone",
            "social_worker_email",
            "basis_kind",
            "basis_interview_date",
            "basis_request_date",
            "basis_decision_date",
            "basis_court",
            "basis_case_signature",
            "basis_order_date",
            "start_date",
            "consent_date",
            "za_zyciem_request_date",
            "za_zyciem_certificate_type",
            "za_zyciem_certificate_date",
            "za_zyciem_support_catalogue",
            "niebieska_karta_started_on",
            "niebieska_karta_team_contact",
        ]
    );
    assert_eq!(error_id(&dom_id(DetailsField::BasisCaseSignature.name())), "error-basis_case_signature");
    assert_eq!(error_id(&dom_id(&PlacementField::Place.path(0))), "error-foster_care_0__place");
}

#[test]
fn every_error_of_the_core_has_a_field_in_the_form() {
    // The core's own example of a form refused in every section.
    let form = CaseDetailsForm {
        phones: "dzwonić wieczorem".into(),
        consent_date: "2026-13-01".into(),
        basis: BasisForm { kind: "court_order".into(), ..Default::default() },
        foster_care: vec![FosterPlacementForm { kind: "family".into(), ..Default::default() }],
        za_zyciem: true,
        niebieska_karta: true,
        ..Default::default()
    };
    let errors = validate_case_details(&form, &[], today()).unwrap_err();
    let shown = shown_fields(&form);
    for error in &errors {
        assert!(shown.contains(&error.field), "{} has no input", error.field);
    }
    assert!(errors.iter().any(|e| e.field == "basis.case_signature"));
    assert!(errors.iter().any(|e| e.field == "foster_care[0].child_id"));
}

#[test]
fn recorded_details_fill_the_form_and_save_unchanged() {
    let details = full_details();
    let form = form_from_details(&details);
    assert_eq!(form.phones, "600 100 200, +48 42 123-45-67");
    assert_eq!(form.basis.kind, "court_order");
    assert_eq!(form.basis.order_date, "2025-10-10");
    assert_eq!(form.foster_care[0].kind, "institutional");
    assert!(form.za_zyciem && form.niebieska_karta);
    assert_eq!(validate_case_details(&form, &[entity(2)], today()), Ok(details));
    assert_eq!(form_from_details(&CaseDetails::default()), CaseDetailsForm::default());

    let request = CaseDetails {
        basis: Some(WorkBasis::SocialWorkerRequest {
            interview_date: d("2025-09-01"),
            request_date: d("2025-09-10"),
            decision_date: None,
        }),
        ..CaseDetails::default()
    };
    assert_eq!(validate_case_details(&form_from_details(&request), &[], today()), Ok(request));
}

#[test]
fn only_the_fields_of_the_chosen_basis_and_ticked_sections_are_shown() {
    let mut form = CaseDetailsForm::default();
    let shown = |form: &CaseDetailsForm| shown_fields(form);
    assert!(!shown(&form).contains(&"basis.court".to_owned()));
    assert!(!shown(&form).contains(&"za_zyciem_request_date".to_owned()));
    form.basis.kind = "court_order".into();
    form.za_zyciem = true;
    form.foster_care.push(FosterPlacementForm::default());
    let names = shown(&form);
    for name in ["basis.court", "basis.case_signature", "basis.order_date", "za_zyciem_request_date"] {
        assert!(names.contains(&name.to_owned()), "{name} is hidden");
    }
    assert!(!names.contains(&"basis.interview_date".to_owned()));
    assert!(!names.contains(&"niebieska_karta_started_on".to_owned()));
    assert!(names.contains(&"foster_care[0].place".to_owned()));
}

#[test]
fn editing_and_ticking_clear_their_errors() {
    let errors = vec![
        FieldError::with_detail("basis.case_signature", FieldErrorCode::NotInList, "case-signature-format"),
        FieldError::new("za_zyciem_request_date", FieldErrorCode::Required),
        FieldError::new("za_zyciem_certificate_type", FieldErrorCode::Required),
        FieldError::new("phones", FieldErrorCode::NotInList),
    ];
    let state = reduce(DetailsState::default(), DetailsAction::Rejected(errors));
    let state = reduce(state, DetailsAction::Edit(DetailsField::BasisCaseSignature, "III Nsm 123/25".into()));
    assert_eq!(state.form.basis.case_signature, "III Nsm 123/25");
    assert!(error_for(&state.errors, "basis.case_signature").is_none());
    let state = reduce(state, DetailsAction::Toggle(DetailsFlag::ZaZyciem, false));
    let left: Vec<_> = state.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(left, ["phones"]);
}

#[test]
fn placements_are_added_edited_and_removed() {
    let state = reduce(DetailsState::default(), DetailsAction::AddPlacement);
    let state = reduce(state, DetailsAction::AddPlacement);
    assert_eq!(state.form.foster_care.len(), 2);
    assert_eq!(state.form.foster_care[0].kind, "family", "a new placement starts as family care");
    let state = reduce(state, DetailsAction::EditPlacement(1, PlacementField::Place, "Łęczyca".into()));
    assert_eq!(state.form.foster_care[1].place, "Łęczyca");
    let state = reduce(
        state,
        DetailsAction::Rejected(vec![
            FieldError::new("foster_care[1].child_id", FieldErrorCode::NotInList),
            FieldError::new("phones", FieldErrorCode::NotInList),
        ]),
    );
    let state = reduce(state, DetailsAction::RemovePlacement(0));
    assert_eq!(state.form.foster_care.len(), 1);
    assert_eq!(state.form.foster_care[0].place, "Łęczyca");
    let left: Vec<_> = state.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(left, ["phones"], "the old numbers' errors are gone");
    let state = reduce(state, DetailsAction::RemovePlacement(5));
    assert_eq!(state.form.foster_care.len(), 1, "a stale index changes nothing");
}

#[test]
fn a_refusal_from_the_shell_is_shown_by_field_or_for_the_form() {
    let mut state = reduce(DetailsState::default(), DetailsAction::AddPlacement);
    state = reduce(state, DetailsAction::Submitted);
    assert!(state.busy);
    let error = ApiError::invalid(vec![FieldError::new("foster_care[0].child_id", FieldErrorCode::NotInList)]);
    let refused = reduce(state.clone(), DetailsAction::Failed(error));
    assert_eq!(refused.form_error, None, "the placement's child select shows it");
    assert!(!refused.busy);
    let hidden = ApiError::invalid(vec![FieldError::new("basis.court", FieldErrorCode::Required)]);
    assert_eq!(reduce(state.clone(), DetailsAction::Failed(hidden)).form_error, Some(ErrorKind::Invalid));
    let saved = reduce(state, DetailsAction::Saved);
    assert!(saved.saved && !saved.busy);
    let edited = reduce(saved.clone(), DetailsAction::Edit(DetailsField::Phones, "1".into()));
    assert!(!edited.saved);
    let reloaded = reduce(saved, DetailsAction::Load(Box::new(full_details())));
    assert!(reloaded.saved, "the saved details come back normalized, still saved");
    assert_eq!(reloaded.form, form_from_details(&full_details()));
}

#[test]
fn children_and_the_chosen_member_may_be_placed() {
    let members = vec![
        member(2, "Zofia", "Nowak", Relation::Child, None),
        member(3, "Marek", "Nowak", Relation::Parent, None),
        member(4, "Ola", "Nowak", Relation::Other, None),
    ];
    let ids = |chosen: &str| child_choices(&members, chosen).iter().map(|m| m.id).collect::<Vec<_>>();
    assert_eq!(ids(""), [entity(2)]);
    assert_eq!(ids(&entity(4).to_string()), [entity(2), entity(4)]);
}

#[test]
fn the_form_shows_recorded_details_with_the_ids_the_end_to_end_tests_use() {
    let members = vec![member(2, "Zofia", "Nowak", Relation::Child, None)];
    let html = render::<DetailsSection>(move || DetailsSectionProps {
        family_id: entity(1),
        details: full_details(),
        members,
        on_case: Callback::noop(),
        on_locked: Callback::noop(),
    });
    for id in [
        "details-form",
        "details-submit",
        "phones",
        "social_worker_name",
        "basis_kind",
        "basis_court",
        "basis_case_signature",
        "basis_order_date",
        "start_date",
        "consent_date",
        "za_zyciem",
        "za_zyciem_request_date",
        "niebieska_karta",
        "niebieska_karta_started_on",
        "niebieska_karta_team_contact",
        "foster_care_0__child_id",
        "foster_care_0__place",
        "foster-remove-0",
        "foster-add",
    ] {
        assert!(has_id(&html, id), "no #{id} in {html}");
        if !id.contains('-') {
            assert!(html.contains(&format!("for=\"{id}\"")), "no label for {id}");
        }
    }
    assert!(!has_id(&html, "basis_interview_date"), "only the chosen basis's fields");
    assert!(html.contains("value=\"III Nsm 123/25\""), "{html}");
    assert!(html.contains("<option value=\"court_order\" selected=\"selected\">postanowienie sądu</option>"));
    assert!(html.contains(&format!("<option value=\"{}\" selected=\"selected\">Zofia Nowak</option>", entity(2))));
    assert_eq!(text_of(&html, "details-submit"), "Zapisz dane sprawy");
}

#[test]
fn an_empty_form_hides_the_optional_sections() {
    let html = render::<DetailsSection>(|| DetailsSectionProps {
        family_id: entity(1),
        details: CaseDetails::default(),
        members: Vec::new(),
        on_case: Callback::noop(),
        on_locked: Callback::noop(),
    });
    for id in ["basis_court", "za_zyciem_request_date", "niebieska_karta_started_on", "foster_care_0__place"] {
        assert!(!has_id(&html, id), "#{id} is shown");
    }
    assert!(has_id(&html, "foster-no-children"));
}

#[test]
fn every_label_exists_in_both_languages() {
    for locale in Locale::ALL {
        let translator = Translator::new(locale);
        let ids = DetailsField::ALL
            .iter()
            .map(|f| f.label_id())
            .chain([DetailsFlag::ZaZyciem.label_id(), DetailsFlag::NiebieskaKarta.label_id()])
            .chain(BASIS_KINDS.iter().map(|(_, label)| *label))
            .chain(["details-title", "details-contact", "details-basis", "za-zyciem", "niebieska-karta"])
            .chain(["foster-care", "foster-add", "foster-remove", "foster-placement", "foster-child-none"])
            .chain(["foster-kind-family", "foster-kind-institutional", "foster-no-children", "details-saved"])
            .chain(["details-phones-hint", "details-submit", "case-signature-format", "phone-format"]);
        for id in ids {
            assert!(translator.has(id), "{id} is missing in {locale}");
        }
    }
}
