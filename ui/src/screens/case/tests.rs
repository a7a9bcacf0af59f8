use super::*;
use crate::test_support::{entity, family_case, has_id, render, text_of};

fn reduce(state: CaseState, action: CaseAction) -> CaseState {
    (*Rc::new(state).reduce(action)).clone()
}

#[test]
fn the_case_arrives_and_an_older_reply_is_dropped() {
    let state = CaseState { request: 1, ..CaseState::default() };
    let state = reduce(state, CaseAction::Loaded { request: 0, case: family_case(Vec::new()) });
    assert_eq!(state.case, None);
    let state = reduce(state, CaseAction::LoadFailed { request: 1, kind: ErrorKind::NotFound });
    assert_eq!(state.page_error, Some(ErrorKind::NotFound));
    let state = reduce(state, CaseAction::Loaded { request: 1, case: family_case(Vec::new()) });
    assert_eq!(state.case.as_deref(), Some(&family_case(Vec::new())));
    assert_eq!(state.page_error, None);
}

#[test]
fn a_saved_change_replaces_the_case_and_refreshes_an_open_history() {
    let mut changed = family_case(Vec::new());
    changed.status_reason = "Cele osiągnięte".into();
    let closed = reduce(CaseState::default(), CaseAction::Updated(changed.clone()));
    assert_eq!(closed.case.as_deref(), Some(&changed));
    assert_eq!(closed.history_request, 0, "no history is open");
    let open = reduce(closed, CaseAction::OpenHistory);
    assert_eq!(open.history, Some(HistoryContent::Loading));
    let loaded = reduce(open.clone(), CaseAction::HistoryLoaded { request: open.history_request, events: vec![] });
    let updated = reduce(loaded, CaseAction::Updated(changed));
    assert_ne!(updated.history_request, open.history_request, "the history is fetched again");
    let stale =
        reduce(updated.clone(), CaseAction::HistoryFailed { request: open.history_request, kind: ErrorKind::Storage });
    assert_eq!(stale.history, updated.history);
    assert_eq!(reduce(stale, CaseAction::CloseHistory).history, None);
}

#[test]
fn the_screen_waits_for_the_case_with_a_way_back() {
    let html = render::<CaseScreen>(|| CaseScreenProps {
        info: WorkspaceInfo {
            assistant_name: "Anna Łęcka".into(),
            centre_name: "GOPS Żórawina".into(),
            role: asysta_core::workspace::Role::Assistant,
        },
        family_id: entity(1),
        on_status: Callback::noop(),
        on_back: Callback::noop(),
        on_open_sync: Callback::noop(),
    });
    for id in ["case", "case-back", "case-loading", "lock", "language-switch"] {
        assert!(has_id(&html, id), "no #{id} in {html}");
    }
    assert_eq!(text_of(&html, "case-back"), "← Lista rodzin");
    assert!(!has_id(&html, "case-name"));
}

#[test]
fn the_areas_arrive_once_for_the_plan_and_the_diary() {
    let areas = asysta_core::plan::default_areas();
    let state = reduce(CaseState::default(), CaseAction::AreasLoaded(areas.clone()));
    assert_eq!(*state.areas, areas);
    let failed = reduce(CaseState::default(), CaseAction::AreasFailed(ErrorKind::Storage));
    assert_eq!((failed.areas_error, failed.page_error), (Some(ErrorKind::Storage), None), "the case stays usable");
}

#[test]
fn every_section_link_has_its_title_in_both_languages() {
    for locale in asysta_i18n::Locale::ALL {
        let translator = asysta_i18n::Translator::new(locale);
        for (_, title) in SECTIONS.iter().chain([&("", "case-sections")]) {
            assert!(translator.has(title), "{title} is missing in {locale}");
        }
    }
}

/// Every field a conflict can name in a member, a family, a note, a visit,
/// the settings or an opinion has its name in both languages; the parts
/// of a case's details and of an evaluation are named by the part.
#[test]
fn a_conflicting_field_is_named_in_the_users_language() {
    use crate::screens::case::conflicts::field_label;
    use asysta_core::EntityType;
    let i18n = crate::i18n::I18n::new(
        std::rc::Rc::new(asysta_i18n::Translator::new(asysta_i18n::Locale::Pl)),
        Callback::noop(),
    );
    assert_eq!(field_label(&i18n, EntityType::Member, "last_name"), "Nazwisko");
    assert_eq!(field_label(&i18n, EntityType::Workspace, "caseload_cap"), "Limit aktywnych rodzin");
    assert!(field_label(&i18n, EntityType::Family, "details.court_order").starts_with("Dane sprawy"));
    assert_eq!(field_label(&i18n, EntityType::Evaluation, "evaluation.family_view"), "Treść oceny");
    use crate::screens::case::conflicts::version_text;
    assert_eq!(version_text(&i18n, "deleted", &serde_json::Value::Bool(true)), "usunięto");
    assert!(version_text(&i18n, "deleted", &serde_json::Value::Bool(false)).starts_with("zachowano"));
    assert_eq!(version_text(&i18n, "last_name", &serde_json::json!("Nowak")), "Nowak");
    let fields: Vec<(EntityType, &str)> = asysta_core::merge::MEMBER_FIELDS
        .iter()
        .map(|f| (EntityType::Member, *f))
        .chain([
            (EntityType::Family, "name"),
            (EntityType::Family, "address"),
            (EntityType::Family, "status"),
            (EntityType::Note, "text"),
            (EntityType::Visit, "notes"),
            (EntityType::Visit, "date"),
            (EntityType::Workspace, "no_visit_days"),
            (EntityType::Evaluation, "decision"),
            (EntityType::Opinion, "text"),
        ])
        .collect();
    for locale in asysta_i18n::Locale::ALL {
        let translator = asysta_i18n::Translator::new(locale);
        for (record, field) in &fields {
            let id = format!("conflict-field-{}-{}", record.as_str(), field.replace(['.', '_'], "-"));
            assert!(translator.has(&id), "{id} is missing in {locale}");
        }
    }
}

#[test]
fn an_own_value_is_sent_as_the_fields_type() {
    use crate::screens::case::conflicts::typed_value;
    let write = |value: serde_json::Value| asysta_core::merge::FieldWrite {
        event_id: "00000000-0000-0000-0000-000000000011".parse().unwrap(),
        device_id: "00000000-0000-0000-0000-000000000012".parse().unwrap(),
        seq: 1,
        hlc: asysta_core::Hlc { wall_ms: 1, counter: 0 },
        author: asysta_core::Author {
            user_id: "00000000-0000-0000-0000-000000000013".parse().unwrap(),
            name: "A".into(),
        },
        value,
    };
    let conflict = |values: Vec<serde_json::Value>| asysta_core::merge::Conflict {
        id: "x/last_name".into(),
        record: asysta_core::EntityType::Member,
        entity_id: crate::test_support::entity(1),
        family_id: None,
        field: "last_name".into(),
        shown_event_id: "00000000-0000-0000-0000-000000000011".parse().unwrap(),
        versions: values.into_iter().map(write).collect(),
    };
    let text = conflict(vec![serde_json::json!("Kowal"), serde_json::json!("Nowak")]);
    assert_eq!(typed_value(&text, " 12 "), serde_json::json!("12"), "text stays text");
    let numbers = conflict(vec![serde_json::json!(15), serde_json::json!(12)]);
    assert_eq!(typed_value(&numbers, "14"), serde_json::json!(14));
    assert_eq!(typed_value(&numbers, "czternaście"), serde_json::json!("czternaście"));
    // A date is shown and typed as dd.mm.rrrr, and sent as ISO.
    let dates = conflict(vec![serde_json::json!("2025-01-06"), serde_json::json!("2025-01-08")]);
    assert_eq!(typed_value(&dates, " 7.01.2025 "), serde_json::json!("2025-01-07"));
    assert_eq!(typed_value(&dates, "2025-01-09"), serde_json::json!("2025-01-09"));
    assert_eq!(typed_value(&text, "7.01.2025"), serde_json::json!("7.01.2025"), "text stays as typed");
    use crate::screens::case::conflicts::shown_value;
    assert_eq!(shown_value(&serde_json::json!("2025-01-06")), "06.01.2025");
    assert_eq!(shown_value(&serde_json::json!("Nowak")), "Nowak");
    assert_eq!(shown_value(&serde_json::Value::Null), "—");
}

#[test]
fn the_centres_lists_arrive_once_for_evaluations_and_closing() {
    let vocabulary = CaseVocabulary {
        rating_scale: asysta_core::evaluation::default_rating_scale(),
        closing_reasons: asysta_core::closing::default_closing_reasons(),
        evaluation_months: 6,
        monitoring_months: 3,
        lock_minutes: 10,
    };
    let failed = reduce(CaseState::default(), CaseAction::VocabularyFailed(ErrorKind::Storage));
    assert_eq!((failed.vocabulary_error, failed.page_error), (Some(ErrorKind::Storage), None));
    let loaded = reduce(failed, CaseAction::VocabularyLoaded(vocabulary.clone()));
    assert_eq!(loaded.vocabulary.as_deref(), Some(&vocabulary));
    assert_eq!(loaded.vocabulary_error, None);
}

#[test]
fn the_closing_form_asks_the_evaluations_for_the_final_one() {
    let asked = reduce(CaseState::default(), CaseAction::WriteFinalEvaluation);
    assert_eq!(asked.final_request, 1);
    assert_eq!(reduce(asked, CaseAction::WriteFinalEvaluation).final_request, 2, "each request is new");
}

#[test]
fn an_archived_case_is_read_only_and_a_centre_only_decides() {
    use asysta_core::record::FamilyStatus::*;
    assert_eq!(CaseRights::of(Role::Assistant, Active), CaseRights { edit: true, decide: false });
    assert_eq!(CaseRights::of(Role::Assistant, Monitoring), CaseRights { edit: true, decide: false });
    assert_eq!(CaseRights::of(Role::Assistant, Archived), CaseRights { edit: false, decide: false });
    assert_eq!(CaseRights::of(Role::Centre, Active), CaseRights { edit: false, decide: true });
    assert_eq!(CaseRights::of(Role::Centre, Archived), CaseRights { edit: false, decide: false });
}

#[test]
fn a_family_handed_over_from_this_laptop_is_read_only_and_takes_no_comments() {
    let mut case = family_case(Vec::new());
    assert_eq!(CaseRights::for_case(Role::Assistant, &case), CaseRights { edit: true, decide: false });
    assert!(CaseRights::comment(Role::Assistant, &case) && CaseRights::comment(Role::Centre, &case));
    case.steering.read_only = true;
    assert_eq!(CaseRights::for_case(Role::Assistant, &case), CaseRights { edit: false, decide: false });
    assert!(!CaseRights::comment(Role::Assistant, &case));
    case.family.status = asysta_core::record::FamilyStatus::Archived;
    assert!(!CaseRights::comment(Role::Centre, &case), "an archived case takes no comments");
}

#[test]
fn unread_comments_are_counted_when_the_case_arrives_and_marked_read_when_shown() {
    use asysta_core::centre::comment::CommentView;
    let mut case = family_case(Vec::new());
    let comment = |n: u8, target: &str, unread: bool| CommentView {
        id: entity(n),
        family_id: entity(1),
        target: CommentTarget { record: "visit".into(), id: target.into() },
        side: Role::Centre,
        author_name: "Maria Zięba".into(),
        written_at_ms: 1,
        text: "Proszę o szczegóły".into(),
        reply_to: None,
        unread,
    };
    case.steering.comments = vec![comment(2, "v1", true), comment(3, "v1", true), comment(4, "v2", false)];
    let loaded = reduce(CaseState::default(), CaseAction::Loaded { request: 0, case });
    assert_eq!(loaded.unread_on_load, 2);
    assert_eq!(loaded.unread_targets.len(), 1);
    let read = reduce(loaded, CaseAction::CommentsRead(vec![entity(2), entity(3)]));
    assert!(read.case.as_ref().unwrap().steering.comments.iter().all(|c| !c.unread));
    assert_eq!(read.unread_on_load, 2, "the news stays announced until the case is read again");
    assert_eq!(reduce(CaseState::default(), CaseAction::CommentsRead(vec![entity(2)])), CaseState::default());
}
