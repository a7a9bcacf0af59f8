use super::case_header::{basis_summary, CaseHeader, CaseHeaderProps};
use super::duplicates::{DuplicateList, DuplicateListProps};
use super::family_list::{last_visit_text, FamilyList, FamilyListProps};
use super::field::{dom_id, error_id, TextField, TextFieldProps};
use super::foster_placement::{FosterPlacement, FosterPlacementProps, PlacementField};
use super::header::{Header, HeaderProps};
use super::history::{HistoryContent, HistoryPanel, HistoryPanelProps};
use super::select::{SelectField, SelectFieldProps, SelectOption};
use crate::i18n::I18n;
use crate::test_support::{entity, family_case, has_id, render, text_of, InLocale, InLocaleProps};
use asysta_core::api::ErrorKind;
use asysta_core::family::FamilySummary;
use asysta_core::workspace::WorkspaceInfo;
use asysta_core::{Author, Change, EntityType, Event, FieldError, FieldErrorCode, Hlc};
use asysta_i18n::Locale;
use std::rc::Rc;
use yew::prelude::*;

fn summary(id: &str, name: &str, members: u32) -> FamilySummary {
    FamilySummary {
        id: id.parse().unwrap(),
        name: name.into(),
        address: format!("ul. {name} 1"),
        member_count: members,
        rev: 1,
        created_at_ms: 0,
        status: asysta_core::record::FamilyStatus::Active,
        last_visit: None,
    }
}

fn event(seq: u64, change: Change) -> Event {
    Event {
        event_id: format!("00000000-0000-0000-0000-0000000001{seq:02}").parse().unwrap(),
        device_id: "0195a3f2-7c1d-7000-8000-000000000001".parse().unwrap(),
        seq,
        entity_type: EntityType::Family,
        entity_id: "00000000-0000-0000-0000-000000000003".parse().unwrap(),
        family_id: None,
        base_rev: seq - 1,
        based_on: Vec::new(),
        hlc: Hlc { wall_ms: 1_764_000_000_000 + seq * 60_000, counter: 0 },
        schema_version: 1,
        author: Author {
            user_id: "00000000-0000-0000-0000-000000000004".parse().unwrap(), name: "Anna Łęcka".into()
        },
        change,
    }
}

#[test]
fn a_field_shows_its_error_next_to_it() {
    let html = render::<TextField>(|| TextFieldProps {
        id: "address".into(),
        label: "Adres".into(),
        value: "".into(),
        oninput: Callback::noop(),
        input_type: "text".into(),
        autocomplete: "off".into(),
        autofocus: false,
        error: Some(FieldError::with_limit("address", FieldErrorCode::TooLong, 300)),
        hint_id: None,
        input_ref: NodeRef::default(),
        children: Html::default(),
    });
    assert!(html.contains("<label for=\"address\">Adres</label>"), "{html}");
    assert_eq!(text_of(&html, "error-address"), "Za długie: najwyżej 300 znaków.");
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("aria-describedby=\"error-address\""));
}

#[test]
fn families_are_listed_in_the_given_order_with_polish_plurals() {
    let families = vec![
        summary("00000000-0000-0000-0000-000000000002", "Ćwik", 1),
        summary("00000000-0000-0000-0000-000000000001", "Łukasz", 3),
        summary("00000000-0000-0000-0000-000000000003", "Żak", 5),
    ];
    let html = render::<FamilyList>(move || FamilyListProps {
        families: Rc::new(families),
        filtered: false,
        on_open: Callback::noop(),
        on_history: Callback::noop(),
        today: day("2026-11-23"),
        groups: None,
    });
    assert_eq!(text_of(&html, "family-count"), "3 rodziny");
    assert_eq!(html.matches("class=\"family-row\"").count(), 3);
    assert_eq!(html.matches("class=\"family-history secondary\"").count(), 3);
    let positions: Vec<_> = ["Ćwik", "Łukasz", "Żak"].iter().map(|n| html.find(n).unwrap()).collect();
    assert!(positions.is_sorted(), "the backend's order is kept");
    for (class, text) in [("family-address", "ul. Ćwik 1"), ("family-members", "1 osoba")] {
        assert!(html.contains(&format!("class=\"{class}\">{text}</td>")), "no {class} {text} in {html}");
    }
    assert!(html.contains("<button type=\"button\" class=\"family-name link\">Ćwik</button>"), "{html}");
    assert!(html.contains("class=\"family-members\">3 osoby</td>"));
    assert_eq!(html.matches("class=\"family-status\">aktywna</td>").count(), 3);
    assert!(html.contains("class=\"family-members\">5 osób</td>"));
    assert!(!has_id(&html, "families-empty"));
    assert_eq!(html.matches("class=\"family-last-visit\">brak wizyt</td>").count(), 3);
}

#[test]
fn the_list_shows_days_since_the_last_visit() {
    let mut families = Vec::new();
    for (n, last_visit) in ["2026-11-23", "2026-11-22", "2026-11-18", "2026-10-01"].into_iter().enumerate() {
        let mut family = summary(&format!("00000000-0000-0000-0000-00000000000{n}"), "Nowak", 1);
        family.last_visit = Some(day(last_visit));
        families.push(family);
    }
    let html = render::<FamilyList>(move || FamilyListProps {
        families: Rc::new(families),
        filtered: false,
        on_open: Callback::noop(),
        on_history: Callback::noop(),
        today: day("2026-11-23"),
        groups: None,
    });
    for text in ["dziś", "wczoraj", "5 dni temu", "53 dni temu"] {
        assert!(html.contains(&format!(">{text}</time>")), "no {text} in {html}");
    }
    assert!(html.contains("title=\"18.11.2026\""), "the date itself is at hand: {html}");
}

#[test]
fn days_since_the_last_visit_follow_english_plurals_too() {
    let i18n = I18n::new(Rc::new(asysta_i18n::Translator::new(asysta_i18n::Locale::En)), Callback::noop());
    let today = day("2026-11-23");
    assert_eq!(last_visit_text(&i18n, Some(day("2026-11-22")), today), "yesterday");
    assert_eq!(last_visit_text(&i18n, Some(day("2026-11-21")), today), "2 days ago");
    assert_eq!(last_visit_text(&i18n, None, today), "no visits");
}

#[test]
fn no_families_shows_the_empty_state() {
    let html = render::<FamilyList>(|| FamilyListProps {
        families: Rc::default(),
        filtered: false,
        on_open: Callback::noop(),
        on_history: Callback::noop(),
        today: day("2026-11-23"),
        groups: None,
    });
    assert_eq!(text_of(&html, "family-count"), "0 rodzin");
    assert_eq!(text_of(&html, "families-empty"), "Nie ma jeszcze żadnej rodziny.");
    assert!(!html.contains("family-row"));
}

#[test]
fn history_entries_describe_the_change_and_who_made_it() {
    let events = vec![
        event(1, Change::FamilyCreated { name: "Żak".into(), address: "ul. Polna 1".into() }),
        event(2, Change::FamilyUpdated { name: None, address: Some("ul. Długa 2".into()) }),
    ];
    let html = render::<HistoryPanel>(move || HistoryPanelProps {
        family_name: "Żak".into(),
        content: HistoryContent::Loaded(Rc::new(events)),
        on_close: Callback::noop(),
    });
    assert_eq!(text_of(&html, "history-title"), "Historia zmian: Żak");
    assert_eq!(text_of(&html, "history-close"), "Zamknij");
    assert_eq!(html.matches("class=\"history-entry\"").count(), 2);
    let created = html.find("Założono kartę rodziny").expect("the creation is described");
    let updated = html.find("Zmieniono dane rodziny").expect("the update is described");
    assert!(created < updated, "oldest first");
    assert!(html.contains("24.11.2025 16:01 · Anna Łęcka · urządzenie 0195a3f2 · #1"), "{html}");
    assert!(html.contains("24.11.2025 16:02 · Anna Łęcka · urządzenie 0195a3f2 · #2"));
}

#[test]
fn a_history_that_cannot_be_read_says_why() {
    let html = render::<HistoryPanel>(|| HistoryPanelProps {
        family_name: "Żak".into(),
        content: HistoryContent::Failed(ErrorKind::NotFound),
        on_close: Callback::noop(),
    });
    assert_eq!(text_of(&html, "history-error"), "Nie znaleziono rekordu.");
    assert!(!html.contains("history-entry"));
}

#[test]
fn the_header_offers_the_other_language_in_that_language() {
    let polish = render::<Header>(|| HeaderProps { info: None, on_lock: None, on_sync: None });
    assert_eq!(text_of(&polish, "language-switch"), "English");
    assert!(polish.contains("lang=\"en\""));
    assert!(!has_id(&polish, "workspace-info"));
    let english = render::<InLocale>(|| InLocaleProps {
        locale: Locale::En,
        children: html! {
            <Header
                info={WorkspaceInfo { assistant_name: "Anna".into(), centre_name: "MOPS Łódź".into(), role: asysta_core::workspace::Role::Assistant }}
                on_lock={Callback::noop()}
            />
        },
    });
    assert_eq!(text_of(&english, "language-switch"), "Polski");
    assert_eq!(text_of(&english, "lock"), "Lock");
    assert_eq!(text_of(&english, "centre-name"), "MOPS Łódź");
}

#[test]
fn field_paths_become_ids_without_css_specials() {
    assert_eq!(dom_id("basis.case_signature"), "basis_case_signature");
    assert_eq!(dom_id("foster_care[0].place"), "foster_care_0__place");
    assert_eq!(dom_id("foster_care[12].child_id"), "foster_care_12__child_id");
    assert_eq!(dom_id("za_zyciem_request_date"), "za_zyciem_request_date");
    assert_eq!(error_id(&dom_id("basis.case_signature")), "error-basis_case_signature");
}

#[test]
fn a_filtered_list_that_finds_nothing_says_so() {
    let html = render::<FamilyList>(|| FamilyListProps {
        families: Rc::default(),
        filtered: true,
        on_open: Callback::noop(),
        on_history: Callback::noop(),
        today: day("2026-11-23"),
        groups: None,
    });
    assert_eq!(text_of(&html, "families-empty"), "Nie znaleziono żadnej rodziny.");
}

#[test]
fn a_select_marks_the_chosen_option_and_shows_its_error() {
    let html = render::<SelectField>(|| SelectFieldProps {
        id: "basis_kind".into(),
        label: "Podstawa".into(),
        value: "court_order".into(),
        options: vec![SelectOption::new("", "—"), SelectOption::new("court_order", "postanowienie sądu")],
        onchange: Callback::noop(),
        error: Some(FieldError::new("basis.kind", FieldErrorCode::NotInList)),
    });
    assert!(html.contains("<label for=\"basis_kind\">Podstawa</label>"));
    assert!(html.contains("<option value=\"court_order\" selected=\"selected\">postanowienie sądu</option>"), "{html}");
    assert!(html.contains("<option value=\"\">—</option>"), "{html}");
    assert_eq!(text_of(&html, "error-basis_kind"), "Wybierz jedną z dostępnych wartości.");
}

#[test]
fn duplicates_name_the_family_and_the_reason() {
    let duplicates = vec![asysta_core::api::DuplicateView {
        member_id: entity(7),
        family_id: entity(2),
        family_name: "Żółć".into(),
        first_name: "Józef".into(),
        last_name: "Żółć".into(),
        reason: asysta_core::member::DuplicateReason::SamePesel,
    }];
    let html = render::<DuplicateList>(move || DuplicateListProps {
        duplicates: Rc::new(duplicates),
        editing: false,
        on_confirm: Callback::noop(),
        on_cancel: Callback::noop(),
    });
    assert_eq!(text_of(&html, "duplicates-title"), "Ta osoba może być już zapisana");
    assert_eq!(html.matches("class=\"duplicate\"").count(), 1);
    assert!(html.contains("w rodzinie Żółć"));
    assert!(html.contains("Ten sam numer PESEL"));
    assert_eq!(text_of(&html, "duplicate-confirm"), "Dodaj mimo to");
    assert_eq!(text_of(&html, "duplicate-cancel"), "Anuluj");
}

#[test]
fn a_placement_names_its_inputs_after_the_shells_field_paths() {
    let placement = asysta_core::record::FosterPlacementForm {
        kind: "institutional".into(),
        place: "Dom dziecka".into(),
        ..Default::default()
    };
    let html = render::<FosterPlacement>(move || FosterPlacementProps {
        index: 1,
        placement,
        child_options: vec![SelectOption::new("", "wybierz dziecko")],
        errors: vec![FieldError::new("foster_care[1].place", FieldErrorCode::Required)],
        on_edit: Callback::noop(),
        on_remove: Callback::noop(),
    });
    for field in PlacementField::ALL {
        let id = dom_id(&field.path(1));
        assert!(has_id(&html, &id), "no #{id} in {html}");
        assert!(html.contains(&format!("for=\"{id}\"")), "no label for {id}");
    }
    assert_eq!(text_of(&html, "error-foster_care_1__place"), "To pole jest wymagane.");
    assert!(html.contains("<option value=\"institutional\" selected=\"selected\">instytucjonalna</option>"));
    assert!(html.contains("<legend>Umieszczenie 2</legend>"), "{html}");
    assert!(has_id(&html, "foster-remove-1"));
}

#[test]
fn the_case_header_shows_name_status_address_and_basis() {
    let mut case = family_case(Vec::new());
    case.family.status = asysta_core::record::FamilyStatus::Closed;
    case.status_reason = "Cele planu osiągnięte".into();
    let html = render::<CaseHeader>(move || CaseHeaderProps {
        case: Rc::new(case),
        on_history: Callback::noop(),
        children: Html::default(),
    });
    assert_eq!(text_of(&html, "case-name"), "Wiśniewscy");
    assert_eq!(text_of(&html, "case-status"), "zakończona");
    assert_eq!(text_of(&html, "case-address"), "ul. Polna 3, Łódź");
    assert_eq!(text_of(&html, "case-basis"), "Podstawa pracy nie została jeszcze wpisana.");
    assert_eq!(text_of(&html, "case-status-reason"), "Powód zmiany statusu: Cele planu osiągnięte");
    assert_eq!(text_of(&html, "case-history"), "Historia");
}

#[test]
fn the_basis_is_summed_up_in_one_line() {
    use asysta_core::record::WorkBasis;
    let i18n = I18n::new(Rc::new(asysta_i18n::Translator::new(Locale::Pl)), Callback::noop());
    let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let court = WorkBasis::CourtOrder {
        court: "SR w Łęczycy".into(),
        case_signature: "III Nsm 123/25".into(),
        order_date: date("2025-10-10"),
    };
    assert_eq!(
        basis_summary(&i18n, Some(&court)),
        "Postanowienie sądu (SR w Łęczycy), sygn. III Nsm 123/25, z dnia 10.10.2025"
    );
    let request = WorkBasis::SocialWorkerRequest {
        interview_date: date("2025-09-01"),
        request_date: date("2025-09-10"),
        decision_date: None,
    };
    assert_eq!(basis_summary(&i18n, Some(&request)), "Wniosek pracownika socjalnego z dnia 10.09.2025");
    let english = I18n::new(Rc::new(asysta_i18n::Translator::new(Locale::En)), Callback::noop());
    assert_eq!(basis_summary(&english, Some(&request)), "Social worker's request of 10.09.2025");
}

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn a_centre_groups_families_by_assistant() {
    use crate::components::family_list::AssistantGroups;
    use asysta_core::exchange::Caseload;
    let family = |n: u8, name: &str| asysta_core::family::FamilySummary {
        id: crate::test_support::entity(n),
        name: name.into(),
        ..crate::test_support::family_case(vec![]).family
    };
    let families = vec![family(1, "Adamscy"), family(2, "Bielscy"), family(3, "Cichońscy")];
    let groups = AssistantGroups {
        assistants: [
            (crate::test_support::entity(1), "Ola Nowak".to_owned()),
            (crate::test_support::entity(2), "Anna Łęcka".to_owned()),
        ]
        .into_iter()
        .collect(),
        caseloads: vec![Caseload {
            assistant_id: "00000000-0000-0000-0000-000000000031".parse().unwrap(),
            assistant_name: "Ola Nowak".into(),
            active: 16,
            cap: 15,
        }],
    };
    let grouped: Vec<(Option<String>, Vec<&str>)> = groups
        .group(&families)
        .into_iter()
        .map(|(name, fs)| (name, fs.iter().map(|f| f.name.as_str()).collect()))
        .collect();
    assert_eq!(
        grouped,
        [
            (Some("Anna Łęcka".to_owned()), vec!["Bielscy"]),
            (Some("Ola Nowak".to_owned()), vec!["Adamscy"]),
            (None, vec!["Cichońscy"]),
        ]
    );
    let html = render::<FamilyList>(move || FamilyListProps {
        families: Rc::new(families),
        filtered: false,
        on_open: Callback::noop(),
        on_history: Callback::noop(),
        today: day("2026-11-23"),
        groups: Some(Rc::new(groups)),
    });
    assert_eq!(html.matches("class=\"assistant-group\"").count(), 3, "{html}");
    assert!(html.contains("Ola Nowak — 16 z 15 aktywnych rodzin"), "{html}");
    assert!(html.contains("Bez przypisanego asystenta"));
}
