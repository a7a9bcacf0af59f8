use super::family_list::{FamilyList, FamilyListProps};
use super::field::{TextField, TextFieldProps};
use super::header::{Header, HeaderProps};
use super::history::{HistoryContent, HistoryPanel, HistoryPanelProps};
use crate::test_support::{has_id, render, text_of, InLocale, InLocaleProps};
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
        base_rev: seq - 1,
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
    let html =
        render::<FamilyList>(move || FamilyListProps { families: Rc::new(families), on_history: Callback::noop() });
    assert_eq!(text_of(&html, "family-count"), "3 rodziny");
    assert_eq!(html.matches("class=\"family-row\"").count(), 3);
    assert_eq!(html.matches("class=\"family-history secondary\"").count(), 3);
    let positions: Vec<_> = ["Ćwik", "Łukasz", "Żak"].iter().map(|n| html.find(n).unwrap()).collect();
    assert!(positions.is_sorted(), "the backend's order is kept");
    for (class, text) in [("family-name", "Ćwik"), ("family-address", "ul. Ćwik 1"), ("family-members", "1 osoba")] {
        assert!(html.contains(&format!("class=\"{class}\">{text}</td>")), "no {class} {text} in {html}");
    }
    assert!(html.contains("class=\"family-members\">3 osoby</td>"));
    assert!(html.contains("class=\"family-members\">5 osób</td>"));
    assert!(!has_id(&html, "families-empty"));
}

#[test]
fn no_families_shows_the_empty_state() {
    let html = render::<FamilyList>(|| FamilyListProps { families: Rc::default(), on_history: Callback::noop() });
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
    assert!(html.contains("2025-11-24 16:01 · Anna Łęcka · urządzenie 0195a3f2 · #1"), "{html}");
    assert!(html.contains("2025-11-24 16:02 · Anna Łęcka · urządzenie 0195a3f2 · #2"));
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
    let polish = render::<Header>(|| HeaderProps { info: None, on_lock: None });
    assert_eq!(text_of(&polish, "language-switch"), "English");
    assert!(polish.contains("lang=\"en\""));
    assert!(!has_id(&polish, "workspace-info"));
    let english = render::<InLocale>(|| InLocaleProps {
        locale: Locale::En,
        children: html! {
            <Header
                info={WorkspaceInfo { assistant_name: "Anna".into(), centre_name: "MOPS Łódź".into() }}
                on_lock={Callback::noop()}
            />
        },
    });
    assert_eq!(text_of(&english, "language-switch"), "Polski");
    assert_eq!(text_of(&english, "lock"), "Lock");
    assert_eq!(text_of(&english, "centre-name"), "MOPS Łódź");
}
