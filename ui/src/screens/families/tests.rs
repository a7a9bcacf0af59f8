use super::*;
use crate::test_support::{has_id, render, text_of};
use asysta_core::FieldErrorCode;

fn reduce(state: FamiliesState, action: FamiliesAction) -> FamiliesState {
    (*Rc::new(state).reduce(action)).clone()
}

fn id(n: u8) -> EntityId {
    format!("00000000-0000-0000-0000-0000000000{n:02}").parse().unwrap()
}

fn family(n: u8, name: &str) -> FamilySummary {
    FamilySummary {
        id: id(n),
        name: name.into(),
        address: "ul. Polna 1".into(),
        member_count: 1,
        rev: 1,
        created_at_ms: 1_764_000_000_000,
        status: asysta_core::record::FamilyStatus::Active,
        last_visit: None,
    }
}

#[test]
fn the_list_keeps_the_order_it_was_given() {
    let families = vec![family(1, "Ćwik"), family(2, "Łukasz"), family(3, "Żak")];
    let state = reduce(FamiliesState::default(), FamiliesAction::Listed { request: 0, families: families.clone() });
    assert_eq!(state.families.as_deref(), Some(&families));
}

#[test]
fn a_reply_to_an_older_request_is_dropped() {
    let state = FamiliesState { list_request: 2, ..FamiliesState::default() };
    let state = reduce(state, FamiliesAction::Listed { request: 1, families: vec![family(1, "Stara")] });
    assert_eq!(state.families, None);
    let state = reduce(state, FamiliesAction::ListFailed { request: 1, kind: ErrorKind::Storage });
    assert_eq!(state.page_error, None);
    let state = reduce(state, FamiliesAction::ListFailed { request: 2, kind: ErrorKind::Storage });
    assert_eq!(state.page_error, Some(ErrorKind::Storage));
}

#[test]
fn adding_a_family_clears_the_form_reports_it_and_reloads_the_list() {
    let mut state = FamiliesState::default();
    for (field, value) in [(FamilyField::Name, "Wiśniewscy"), (FamilyField::Address, "ul. Polna 3")] {
        state = reduce(state, FamiliesAction::Edit(field, value.into()));
    }
    assert_eq!(state.form.name, "Wiśniewscy");
    let sent = reduce(state, FamiliesAction::Submitted);
    assert!(sent.busy);
    let added = reduce(sent, FamiliesAction::Added { name: "Wiśniewscy".into() });
    assert!(!added.busy);
    assert_eq!(added.form, NewFamilyForm::default());
    assert_eq!(added.added.as_deref(), Some("Wiśniewscy"));
    assert_eq!(added.list_request, 1, "the list is fetched again");
    assert_eq!(reduce(added, FamiliesAction::Submitted).added, None);
}

#[test]
fn refused_fields_are_shown_next_to_their_fields() {
    let errors = validate_new_family(&NewFamilyForm::default()).unwrap_err();
    let state = reduce(FamiliesState::default(), FamiliesAction::Rejected(errors.clone()));
    assert_eq!(error_for(&state.errors, "name"), Some(FieldError::new("name", FieldErrorCode::Required)));
    let state = reduce(state, FamiliesAction::Edit(FamilyField::Name, "N".into()));
    assert_eq!(error_for(&state.errors, "name"), None);
    assert!(error_for(&state.errors, "address").is_some());

    let sent = reduce(FamiliesState::default(), FamiliesAction::Submitted);
    let refused = reduce(sent, FamiliesAction::AddFailed(ApiError::invalid(errors)));
    assert_eq!(refused.form_error, None);
    assert!(error_for(&refused.errors, "address").is_some());
    let failed = reduce(refused, FamiliesAction::AddFailed(ApiError::new(ErrorKind::Storage)));
    assert_eq!(failed.form_error, Some(ErrorKind::Storage));
}

#[test]
fn every_field_edits_its_own_value() {
    let mut state = FamiliesState::default();
    for field in FamilyField::ALL {
        state = reduce(state, FamiliesAction::Edit(field, field.name().into()));
    }
    for field in FamilyField::ALL {
        assert_eq!(field.value(&state.form), field.name());
    }
    let names: Vec<_> = FamilyField::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(names, FIELD_NAMES);
}

#[test]
fn history_loads_for_the_family_last_opened() {
    let open = |state, n: u8, name: &str| {
        reduce(state, FamiliesAction::OpenHistory { family_id: id(n), family_name: name.into() })
    };
    let state = open(FamiliesState::default(), 1, "Nowak");
    assert_eq!(state.history.as_ref().unwrap().content, HistoryContent::Loading);
    let first_request = state.history_request;
    let state = open(state, 2, "Żak");
    let state = reduce(state, FamiliesAction::HistoryLoaded { request: first_request, events: Vec::new() });
    let history = state.history.clone().unwrap();
    assert_eq!((history.family_id, history.content), (id(2), HistoryContent::Loading), "a stale reply is dropped");
    let state = reduce(state.clone(), FamiliesAction::HistoryLoaded { request: state.history_request, events: vec![] });
    assert_eq!(state.history.as_ref().unwrap().content, HistoryContent::Loaded(Rc::new(Vec::new())));
    let state = reduce(state, FamiliesAction::CloseHistory);
    assert_eq!(state.history, None);
    let state = reduce(state, FamiliesAction::HistoryFailed { request: 99, kind: ErrorKind::NotFound });
    assert_eq!(state.history, None, "a reply for a closed panel is dropped");
}

#[test]
fn reopening_the_same_family_fetches_again() {
    let open = FamiliesAction::OpenHistory { family_id: id(1), family_name: "Nowak".into() };
    let state = reduce(FamiliesState::default(), open);
    let again = reduce(state.clone(), FamiliesAction::OpenHistory { family_id: id(1), family_name: "Nowak".into() });
    assert_ne!(again.history_request, state.history_request);
}

#[test]
fn the_screen_has_the_ids_the_end_to_end_tests_use() {
    let html = render::<FamiliesScreen>(|| FamiliesScreenProps {
        info: WorkspaceInfo {
            assistant_name: "Anna Łęcka".into(),
            centre_name: "GOPS Żórawina".into(),
            role: asysta_core::workspace::Role::Assistant,
        },
        filter: ListFilter::default(),
        on_status: Callback::noop(),
        on_open_case: Callback::noop(),
        on_open_sync: Callback::noop(),
        nav: None,
    });
    for id in [
        "families",
        "lock",
        "language-switch",
        "workspace-info",
        "family-form",
        "name",
        "address",
        "first_member_first_name",
        "first_member_last_name",
        "family-submit",
        "families-loading",
        "family-search",
        "status-filter",
    ] {
        assert!(has_id(&html, id), "no #{id} in {html}");
    }
    for field in FIELD_NAMES {
        assert!(html.contains(&format!("for=\"{field}\"")), "no label for {field}");
    }
    assert_eq!(text_of(&html, "assistant-name"), "Anna Łęcka");
    assert_eq!(text_of(&html, "centre-name"), "GOPS Żórawina");
    assert_eq!(text_of(&html, "lock"), "Zablokuj");
    assert_eq!(text_of(&html, "family-submit"), "Dodaj rodzinę");
    assert!(!has_id(&html, "history"));
    assert!(!has_id(&html, "status"));
    assert!(!has_id(&html, "caseload-warning"), "no warning before the caseload is known");
    assert!(html.contains("for=\"family-search\""));
    assert!(html.contains("<option value=\"active\" selected=\"selected\">aktywna</option>"), "{html}");
    assert!(html.contains("<option value=\"all\">wszystkie</option>"));
}

#[test]
fn searching_and_filtering_fetch_the_list_again() {
    let state = reduce(FamiliesState::default(), FamiliesAction::Search("zolc".into()));
    assert_eq!((state.filter.query.as_str(), state.list_request), ("zolc", 1));
    let state = reduce(state, FamiliesAction::Filter(StatusFilter::Only(FamilyStatus::Closed)));
    assert_eq!(state.filter.status, StatusFilter::Only(FamilyStatus::Closed));
    assert_eq!(state.list_request, 2);
    let state = reduce(state, FamiliesAction::Listed { request: 1, families: vec![family(1, "Stara")] });
    assert_eq!(state.families, None, "the reply to the older search is dropped");
    assert!(state.filter.narrows());
    assert!(!ListFilter::default().narrows());
    assert!(!ListFilter { query: "  ".into(), ..ListFilter::default() }.narrows(), "blanks search nothing");
}

#[test]
fn status_filter_values_match_the_wire_names() {
    let values: Vec<_> = StatusFilter::ALL.iter().map(|f| f.value()).collect();
    assert_eq!(values, ["active", "closed", "monitoring", "archived", "all"]);
    for filter in StatusFilter::ALL {
        assert_eq!(StatusFilter::parse(filter.value()), Some(filter));
    }
    assert_eq!(StatusFilter::default().status(), Some(FamilyStatus::Active));
    assert_eq!(StatusFilter::All.status(), None);
}

#[test]
fn the_caseload_warns_near_and_over_the_cap() {
    assert_eq!(caseload_warning(CaseloadCheck::Ok { active: 13, cap: 15 }), None);
    assert_eq!(caseload_warning(CaseloadCheck::Warn { active: 14, cap: 15 }), Some((14, 15)));
    assert_eq!(caseload_warning(CaseloadCheck::Refused { active: 16, cap: 15 }), Some((16, 15)));
    let added = reduce(FamiliesState::default(), FamiliesAction::Added { name: "Nowak".into() });
    assert_eq!(added.caseload_request, 1, "the caseload is asked for again after adding");
    let stale =
        reduce(added, FamiliesAction::CaseloadChecked { request: 0, check: CaseloadCheck::Ok { active: 1, cap: 15 } });
    assert_eq!(stale.caseload, None);
    let fresh = reduce(
        stale,
        FamiliesAction::CaseloadChecked { request: 1, check: CaseloadCheck::Warn { active: 15, cap: 15 } },
    );
    assert_eq!(fresh.caseload, Some(CaseloadCheck::Warn { active: 15, cap: 15 }));
}

#[test]
fn a_full_caseload_is_shown_for_the_whole_form() {
    let sent = reduce(FamiliesState::default(), FamiliesAction::Submitted);
    let refused = reduce(sent, FamiliesAction::AddFailed(ApiError::new(ErrorKind::CaseloadFull)));
    assert_eq!(refused.form_error, Some(ErrorKind::CaseloadFull));
    assert!(!refused.busy);
}

#[test]
fn the_screen_starts_with_the_filter_it_is_given() {
    let filter = ListFilter { status: StatusFilter::All, query: "Żak".into() };
    assert_eq!(FamiliesState::with_filter(filter.clone()).filter, filter);
    let html = render::<FamiliesScreen>(move || FamiliesScreenProps {
        info: WorkspaceInfo {
            assistant_name: "Anna".into(),
            centre_name: "GOPS".into(),
            role: asysta_core::workspace::Role::Assistant,
        },
        filter,
        on_status: Callback::noop(),
        on_open_case: Callback::noop(),
        on_open_sync: Callback::noop(),
        nav: None,
    });
    assert!(html.contains("value=\"Żak\""), "{html}");
    assert!(html.contains("<option value=\"all\" selected=\"selected\">wszystkie</option>"));
}
