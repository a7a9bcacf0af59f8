use super::*;
use crate::test_support::{has_id, render, text_of};
use asysta_core::passphrase::Strength;
use asysta_core::{Change, FieldErrorCode};

fn reduce(state: AppState, action: AppAction) -> AppState {
    (*Rc::new(state).reduce(action)).clone()
}

#[test]
fn each_status_has_its_screen() {
    let info = WorkspaceInfo {
        assistant_name: "Anna".into(),
        centre_name: "GOPS".into(),
        role: asysta_core::workspace::Role::Assistant,
    };
    let start = AppState::new(Locale::Pl);
    assert_eq!(start.screen, Screen::Loading);
    assert_eq!(reduce(start.clone(), AppAction::Status(WorkspaceStatus::Absent)).screen, Screen::Setup);
    assert_eq!(reduce(start.clone(), AppAction::Status(WorkspaceStatus::Locked)).screen, Screen::Unlock);
    assert_eq!(
        reduce(start, AppAction::Status(WorkspaceStatus::Unlocked { info: info.clone() })).screen,
        Screen::Families(info)
    );
}

#[test]
fn at_a_centre_a_case_opened_from_a_screen_goes_back_to_it_with_what_was_open() {
    use crate::screens::centre::dashboard::{FigureKey, FigureKind};
    use crate::screens::centre::CentreView;
    let info = WorkspaceInfo {
        assistant_name: "Ewa".into(),
        centre_name: "MOPS".into(),
        role: asysta_core::workspace::Role::Centre,
    };
    let family_id: EntityId = "00000000-0000-0000-0000-000000000009".parse().unwrap();
    let home = reduce(AppState::new(Locale::Pl), AppAction::Status(WorkspaceStatus::Unlocked { info: info.clone() }));
    assert_eq!(home.centre, CentrePlace::default(), "the dashboard first");
    let figure = FigureKey::Assistant { assistant: family_id, kind: FigureKind::OverdueActions };
    let place = CentrePlace { figure: Some(figure), ..CentrePlace::default() };
    let open = reduce(home, AppAction::CentrePlace(place.clone()));
    let case = reduce(open, AppAction::OpenCase { family_id, filter: ListFilter::default() });
    assert_eq!(
        reduce(case.clone(), AppAction::CentrePlace(CentrePlace::default())).centre,
        place,
        "only from a screen"
    );
    let back = reduce(case, AppAction::CloseCase);
    assert_eq!((back.screen, back.centre), (Screen::Families(info), place.clone()));
    assert_eq!(place.show(CentreView::Intake).view, CentreView::Intake);
}

#[test]
fn a_failed_start_can_be_retried() {
    let failed = reduce(AppState::new(Locale::Pl), AppAction::StatusFailed(ErrorKind::Storage));
    assert_eq!(failed.screen, Screen::Failed(ErrorKind::Storage));
    let retried = reduce(failed, AppAction::Retry);
    assert_eq!(retried.screen, Screen::Loading);
    assert_eq!(retried.status_request, 1, "the status is fetched again");
}

#[test]
fn the_language_switch_toggles_and_keeps_the_screen() {
    let state = reduce(AppState::new(Locale::Pl), AppAction::Status(WorkspaceStatus::Locked));
    let english = reduce(state, AppAction::SwitchLocale);
    assert_eq!((english.locale, &english.screen), (Locale::En, &Screen::Unlock));
    assert_eq!(reduce(english, AppAction::SwitchLocale).locale, Locale::Pl);
}

#[test]
fn a_case_opens_from_the_list_and_goes_back_to_the_same_list() {
    let info = WorkspaceInfo {
        assistant_name: "Anna".into(),
        centre_name: "GOPS".into(),
        role: asysta_core::workspace::Role::Assistant,
    };
    let family_id: EntityId = "00000000-0000-0000-0000-000000000009".parse().unwrap();
    let filter = ListFilter { query: "Żak".into(), ..ListFilter::default() };
    let list = reduce(AppState::new(Locale::Pl), AppAction::Status(WorkspaceStatus::Unlocked { info: info.clone() }));
    let case = reduce(list, AppAction::OpenCase { family_id, filter: filter.clone() });
    assert_eq!(case.screen, Screen::Case { info: info.clone(), family_id });
    assert_eq!(case.family_filter, filter);
    let back = reduce(case.clone(), AppAction::CloseCase);
    assert_eq!((back.screen, back.family_filter), (Screen::Families(info), filter));
    let locked = reduce(case.clone(), AppAction::Status(WorkspaceStatus::Locked));
    assert_eq!(
        (&locked.screen, locked.lock),
        (&case.screen, Some(LockReason::Manual)),
        "locking from a case keeps the case under the unlock form"
    );
    let ignored = reduce(AppState::new(Locale::Pl), AppAction::OpenCase { family_id, filter: ListFilter::default() });
    assert_eq!(ignored.screen, Screen::Loading, "a case opens only from the list");
}

#[test]
fn the_app_starts_in_polish_while_it_asks_for_the_status() {
    let html = render::<App>(|| ());
    assert!(has_id(&html, "loading"));
    assert_eq!(text_of(&html, "language-switch"), "English");
    assert_eq!(text_of(&html, "app-title"), "Asysta");
}

/// Messages whose ids the UI computes at run time must exist in both
/// languages (a missing one would show its id).
#[test]
fn every_computed_message_exists_in_both_languages() {
    let kinds = [
        ErrorKind::WrongPassphrase,
        ErrorKind::KeyFileMissing,
        ErrorKind::KeyFileDamaged,
        ErrorKind::DatabaseMissing,
        ErrorKind::DatabaseTooNew,
        ErrorKind::DatabaseDamaged,
        ErrorKind::WorkspaceExists,
        ErrorKind::NotABackup,
        ErrorKind::BackupDamaged,
        ErrorKind::WorkspaceMissing,
        ErrorKind::Locked,
        ErrorKind::NoViewer,
        ErrorKind::PrinterMissing,
        ErrorKind::NotFound,
        ErrorKind::Invalid,
        ErrorKind::CaseloadFull,
        ErrorKind::StatusChange,
        ErrorKind::Storage,
        ErrorKind::EventsTampered,
        ErrorKind::EventsTooNew,
        ErrorKind::EventInvalid,
        ErrorKind::EvaluationFrozen,
        ErrorKind::EvaluationNotSubmitted,
        ErrorKind::FinalEvaluationMissing,
        ErrorKind::OpinionLocked,
        ErrorKind::CaseArchived,
        ErrorKind::Internal,
    ];
    let codes = [
        FieldErrorCode::Required,
        FieldErrorCode::TooLong,
        FieldErrorCode::PassphraseTooShort,
        FieldErrorCode::PassphraseMismatch,
        FieldErrorCode::InvalidDate,
        FieldErrorCode::InvalidTime,
        FieldErrorCode::EndBeforeStart,
        FieldErrorCode::DateInFuture,
        FieldErrorCode::NotInList,
        FieldErrorCode::Pesel,
        FieldErrorCode::OutOfRange,
    ];
    let strengths = [Strength::TooShort, Strength::Weak, Strength::Fair, Strength::Strong];
    let entity = "00000000-0000-0000-0000-000000000001".parse().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let evaluation = asysta_core::evaluation::Evaluation {
        period_from: day,
        period_to: day,
        is_final: false,
        areas: Vec::new(),
        goals: Vec::new(),
        family_view: String::new(),
        child_risks: String::new(),
        cooperation: None,
        cooperation_comment: String::new(),
        recommendation: None,
        recommendation_note: String::new(),
    };
    let request = asysta_core::opinion::OpinionRequest {
        court: String::new(),
        case_signature: String::new(),
        received_on: day,
        due_on: day,
    };
    let changes = [
        Change::WorkspaceCreated { assistant_name: String::new(), centre_name: String::new() },
        Change::FamilyCreated { name: String::new(), address: String::new() },
        Change::FamilyUpdated { name: None, address: None },
        Change::FamilyDeleted {},
        Change::MemberAdded { family_id: entity, details: asysta_core::member::MemberDetails::named("", "") },
        Change::MemberDeleted {},
        Change::MemberUpdated { details: asysta_core::member::MemberDetails::named("", "") },
        Change::WorkspaceSettingsSet {
            caseload_cap: 15,
            no_visit_days: 14,
            evaluation_months: None,
            monitoring_months: None,
            lock_minutes: None,
            attachment_limit_mb: None,
        },
        Change::WorkspaceRatingScaleSet { levels: Vec::new() },
        Change::WorkspaceClosingReasonsSet { reasons: Vec::new() },
        Change::WorkspacePlanAreasSet { areas: Vec::new() },
        Change::FamilyDetailsSet { details: Box::default() },
        Change::FamilyStatusChanged {
            status: asysta_core::record::FamilyStatus::Closed,
            reason: String::new(),
            on: None,
            reason_key: None,
            summary: String::new(),
        },
        Change::NoteAdded { family_id: entity, text: String::new(), restricted: false },
        Change::VisitDeleted {},
        Change::EvaluationUpdated { evaluation: Box::new(evaluation.clone()) },
        Change::EvaluationCreated {
            family_id: entity,
            version: 1,
            corrects: None,
            evaluation: Box::new(evaluation),
            decision_seen: None,
        },
        Change::EvaluationSubmitted { on: day },
        Change::EvaluationDecided {
            decision: asysta_core::evaluation::Decision::Accepted,
            note: String::new(),
            on: day,
        },
        Change::OpinionRequested { family_id: entity, request },
        Change::OpinionDrafted { text: String::new() },
        Change::OpinionFinalized { text: String::new(), on: day },
        Change::ConflictResolved {
            record: asysta_core::EntityType::Member,
            field: String::new(),
            value: serde_json::Value::Null,
            kept: None,
        },
    ];
    let mut ids: Vec<String> = kinds.iter().map(|k| k.message_id().to_owned()).collect();
    ids.extend(codes.iter().map(|c| c.message_id().to_owned()));
    ids.extend(strengths.iter().map(|s| s.message_id().to_owned()));
    ids.extend(changes.iter().map(crate::format::change_message_id));
    let statuses = asysta_core::record::FamilyStatus::ALL;
    ids.extend(statuses.iter().map(|s| s.message_id().to_owned()));
    ids.extend(statuses.iter().map(|s| format!("status-to-{}", s.as_str())));
    ids.extend(asysta_core::member::Relation::ALL.iter().map(|r| r.message_id().to_owned()));
    ids.extend(asysta_core::Sex::ALL.iter().map(|s| format!("sex-{}", s.as_str())));
    ids.extend(asysta_core::member::DuplicateReason::ALL.iter().map(|r| r.message_id().to_owned()));
    ids.extend(
        asysta_core::visit::TravelMeans::ALL
            .iter()
            .map(|m| crate::screens::case::diary::visit_form::travel_means_id(*m)),
    );
    ids.push("planned-visit-past".to_owned());
    let pesel_errors = [
        asysta_core::member::PeselError::WrongLength,
        asysta_core::member::PeselError::NotDigits,
        asysta_core::member::PeselError::BadChecksum,
        asysta_core::member::PeselError::BadDate,
        asysta_core::member::PeselError::BirthDateMismatch,
        asysta_core::member::PeselError::SexMismatch,
    ];
    ids.extend(pesel_errors.iter().map(|e| e.message_id().to_owned()));
    ids.extend(asysta_core::evaluation::EvaluationStatus::ALL.iter().map(|s| s.message_id()));
    ids.extend(asysta_core::evaluation::GoalOutcome::ALL.iter().map(|o| o.message_id()));
    ids.extend(asysta_core::evaluation::Cooperation::ALL.iter().map(|c| c.message_id()));
    ids.extend(asysta_core::evaluation::Recommendation::ALL.iter().map(|r| r.message_id()));
    ids.extend(
        [
            "field-error-case-signature",
            "settings-error-evaluation-months",
            "settings-error-monitoring-months",
            "settings-error-lock-minutes",
        ]
        .map(str::to_owned),
    );
    ids.extend(
        asysta_core::EntityType::ALL.iter().map(|r| crate::screens::case::conflicts::record_message(*r).to_owned()),
    );
    for locale in Locale::ALL {
        let translator = Translator::new(locale);
        for id in &ids {
            assert!(translator.has(id), "{id} is missing in {locale}");
        }
    }
}

#[test]
fn the_sync_screen_opens_from_the_list_or_a_case_and_goes_back_to_the_list() {
    let info = WorkspaceInfo {
        assistant_name: "Ewa".into(),
        centre_name: "MOPS".into(),
        role: asysta_core::workspace::Role::Centre,
    };
    let family_id: EntityId = "00000000-0000-0000-0000-000000000009".parse().unwrap();
    let list = reduce(AppState::new(Locale::Pl), AppAction::Status(WorkspaceStatus::Unlocked { info: info.clone() }));
    let sync = reduce(list.clone(), AppAction::OpenSync);
    assert_eq!(sync.screen, Screen::Sync(info.clone()));
    assert_eq!(reduce(sync, AppAction::CloseSync).screen, Screen::Families(info.clone()));
    let case = reduce(list, AppAction::OpenCase { family_id, filter: ListFilter::default() });
    assert_eq!(reduce(case, AppAction::OpenSync).screen, Screen::Sync(info));
    let ignored = reduce(AppState::new(Locale::Pl), AppAction::OpenSync);
    assert_eq!(ignored.screen, Screen::Loading, "only an open workspace has a sync screen");
}

fn open_case() -> (AppState, WorkspaceInfo) {
    let info = WorkspaceInfo {
        assistant_name: "Anna".into(),
        centre_name: "GOPS".into(),
        role: asysta_core::workspace::Role::Assistant,
    };
    let family_id: EntityId = "00000000-0000-0000-0000-000000000009".parse().unwrap();
    let list = reduce(AppState::new(Locale::Pl), AppAction::Status(WorkspaceStatus::Unlocked { info: info.clone() }));
    (reduce(list, AppAction::OpenCase { family_id, filter: ListFilter::default() }), info)
}

#[test]
fn a_screen_locked_by_itself_waits_under_the_unlock_form() {
    let (case, info) = open_case();
    assert!(case.watching());
    let locked = reduce(case.clone(), AppAction::Lock(LockReason::Idle { minutes: 10 }));
    assert_eq!((&locked.screen, locked.lock), (&case.screen, Some(LockReason::Idle { minutes: 10 })));
    assert!(!locked.watching(), "no second lock while locked");
    // A save refused meanwhile (the store is closed) keeps the first reason.
    let refused = reduce(locked.clone(), AppAction::Status(WorkspaceStatus::Locked));
    assert_eq!(refused.lock, Some(LockReason::Idle { minutes: 10 }));
    let slept = reduce(locked, AppAction::Lock(LockReason::Suspended));
    assert_eq!(slept.lock, Some(LockReason::Idle { minutes: 10 }));
    // Unlocked: the very same screen comes back.
    let unlocked = reduce(refused, AppAction::Status(WorkspaceStatus::Unlocked { info }));
    assert_eq!(unlocked, case);
}

#[test]
fn only_an_open_workspace_locks_over_its_screen() {
    for screen in [Screen::Loading, Screen::Setup, Screen::Unlock, Screen::Failed(ErrorKind::Storage)] {
        let state = AppState { screen: screen.clone(), ..AppState::new(Locale::Pl) };
        assert!(!state.watching(), "{screen:?}");
        assert_eq!(reduce(state.clone(), AppAction::Lock(LockReason::Suspended)), state, "{screen:?}");
    }
    // The first unlock of a start opens the family list.
    let (_, info) = open_case();
    let start = reduce(AppState::new(Locale::Pl), AppAction::Status(WorkspaceStatus::Locked));
    let unlocked = reduce(start, AppAction::Status(WorkspaceStatus::Unlocked { info: info.clone() }));
    assert_eq!((unlocked.screen, unlocked.lock), (Screen::Families(info), None));
}

#[test]
fn the_unlock_form_is_shown_over_the_hidden_screen() {
    let (case, _) = open_case();
    let locked = reduce(case, AppAction::Lock(LockReason::Suspended));
    let html = render::<LockedApp>(move || LockedAppProps { state: locked });
    assert!(has_id(&html, "unlock-form"), "{html}");
    assert_eq!(text_of(&html, "lock-reason"), "Zablokowano po uśpieniu komputera.");
    let unlock_at = html.find("id=\"unlock\"").unwrap();
    let screen_at = html.find("id=\"app-screen\"").unwrap();
    assert!(unlock_at < screen_at, "the form comes first, so its ids are found first");
    let screen_tag = &html[screen_at..screen_at + html[screen_at..].find('>').unwrap()];
    assert!(screen_tag.contains("hidden=\"hidden\"") && screen_tag.contains("aria-hidden=\"true\""), "{screen_tag}");
}

#[derive(Properties, PartialEq)]
struct LockedAppProps {
    state: AppState,
}

/// The root's view of `state` (the real root starts from the status).
#[component]
fn LockedApp(props: &LockedAppProps) -> Html {
    let i18n = I18n::new(Rc::new(Translator::new(props.state.locale)), Callback::noop());
    html! {
        <ContextProvider<I18n> context={i18n}>
            { view(&props.state, Html::default(), Callback::noop()) }
        </ContextProvider<I18n>>
    }
}
