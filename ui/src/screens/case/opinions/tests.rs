use super::editor::{OpinionEditor, OpinionEditorProps};
use super::list::{OpinionList, OpinionListProps};
use super::request::{RequestFormView, RequestFormViewProps};
use super::*;
use crate::test_support::{entity, family_case, has_id, member, render, text_of, InLocale, InLocaleProps};
use asysta_core::api::NoteView;
use asysta_core::evaluation::{EvaluationStatus, EvaluationView, Stamp};
use asysta_core::member::Relation;
use asysta_core::opinion::{OpinionRequest, OpinionWords};
use asysta_core::FieldErrorCode;
use asysta_i18n::court::CourtWords;
use asysta_i18n::Locale;

fn reduce(state: OpinionsState, action: OpinionsAction) -> OpinionsState {
    (*Rc::new(state).reduce(action)).clone()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

fn opinion(n: u8, text: &str, finalized: Option<&str>) -> OpinionView {
    OpinionView {
        id: entity(n),
        family_id: entity(1),
        request: OpinionRequest {
            court: "Sąd Rejonowy dla Łodzi-Śródmieścia".into(),
            case_signature: "III Nsm 12/26".into(),
            received_on: d("2026-11-20"),
            due_on: d("2026-12-10"),
        },
        text: text.into(),
        finalized: finalized.map(|on| Stamp { on: d(on), by: "Anna Łęcka".into() }),
        author_name: "Anna Łęcka".into(),
        rev: 1,
    }
}

/// The Wiśniewscy with a mother, a restricted note, and the opinions given.
fn case(opinions: Vec<OpinionView>) -> FamilyCase {
    let mut case = family_case(vec![member(2, "Anna", "Wiśniewska", Relation::Parent, None)]);
    case.details.start_date = Some(d("2026-01-05"));
    case.notes = vec![NoteView {
        id: entity(3),
        text: "Tajemnica rodzinna".into(),
        restricted: true,
        created_at_ms: 1_764_000_000_000,
        author_name: "Anna Łęcka".into(),
    }];
    case.opinions = opinions;
    case
}

#[test]
fn a_request_is_typed_checked_and_recorded() {
    let state = reduce(OpinionsState::default(), OpinionsAction::NewRequest { today: d("2026-11-20") });
    assert!(state.requesting);
    assert_eq!(state.request.received_on, "2026-11-20", "received today by default");
    let typed = reduce(state, OpinionsAction::EditRequest(RequestField::CaseSignature, "12/26".into()));
    let errors = validate_opinion_request(&typed.request, d("2026-11-20")).unwrap_err();
    let refused = reduce(typed, OpinionsAction::Rejected(errors));
    assert_eq!(fields(&refused.errors), ["court", "case_signature", "due_on"]);
    assert_eq!(input_id("case_signature"), "opinion_case_signature");
    let court = reduce(refused, OpinionsAction::EditRequest(RequestField::Court, "SR Łódź".into()));
    assert_eq!(fields(&court.errors), ["case_signature", "due_on"]);
    let sent = reduce(court, OpinionsAction::Submitted);
    let invalid = ApiError::invalid(vec![FieldError::new("due_on", FieldErrorCode::EndBeforeStart)]);
    let failed = reduce(sent.clone(), OpinionsAction::Failed(invalid));
    assert_eq!((fields(&failed.errors), failed.form_error, failed.busy), (vec!["due_on"], None, false));
    let done = reduce(sent, OpinionsAction::Requested);
    assert_eq!((done.requesting, done.done), (false, Some("opinion-requested")));
}

#[test]
fn an_opinion_is_saved_then_confirmed_as_final() {
    let open = reduce(OpinionsState::default(), OpinionsAction::Open { id: entity(5), text: "Projekt".into() });
    assert_eq!((open.open, open.text.as_str()), (Some(entity(5)), "Projekt"));
    let edited = reduce(open, OpinionsAction::EditText("Opinia".into()));
    let saved = reduce(reduce(edited, OpinionsAction::Submitted), OpinionsAction::Saved);
    assert_eq!((saved.open, saved.done, saved.busy), (Some(entity(5)), Some("opinion-saved"), false));
    let asking = reduce(saved, OpinionsAction::AskFinalize);
    assert!(asking.confirming && asking.done.is_none());
    assert!(!reduce(asking.clone(), OpinionsAction::CancelFinalize).confirming);
    let empty = reduce(asking.clone(), OpinionsAction::Rejected(validate_opinion_text(" ", true).unwrap_err()));
    assert_eq!((fields(&empty.errors), empty.confirming), (vec!["text"], false));
    assert_eq!(<OpinionsAction as FormSteps>::input_id("text"), "opinion-text");
    let locked = reduce(asking.clone(), OpinionsAction::Failed(ApiError::new(ErrorKind::OpinionLocked)));
    assert_eq!((locked.form_error, locked.confirming), (Some(ErrorKind::OpinionLocked), false));
    let finalized = reduce(reduce(asking, OpinionsAction::Submitted), OpinionsAction::Finalized);
    assert_eq!((finalized.open, finalized.confirming, finalized.busy), (Some(entity(5)), false, false));
    assert_eq!(reduce(finalized, OpinionsAction::Close), OpinionsState::default());
}

#[test]
fn an_empty_opinion_opens_with_a_polish_draft_without_notes() {
    let empty = opinion(5, "", None);
    let case = case(vec![empty.clone()]);
    let draft = opening_text(&case, &empty, true, d("2026-11-30"));
    assert!(draft.starts_with("Opinia asystenta rodziny o rodzinie Wiśniewscy dla Sąd Rejonowy"), "{draft}");
    assert!(draft.contains("(sygn. akt III Nsm 12/26)"));
    assert!(draft.contains("– Anna Wiśniewska (rodzic)"), "{draft}");
    assert!(draft.contains("Asystent pracuje z rodziną od 05.01.2026."));
    assert!(!draft.contains("Tajemnica"), "notes never reach a court's draft");
    let written = opinion(5, "Moja opinia", None);
    assert_eq!(opening_text(&case, &written, true, d("2026-11-30")), "Moja opinia");
    assert_eq!(opening_text(&case, &empty, false, d("2026-11-30")), "", "a centre reads, it does not draft");
}

#[test]
fn evaluations_are_worded_in_polish_for_the_court() {
    let evaluation: EvaluationView = EvaluationView {
        id: entity(20),
        family_id: entity(1),
        version: 1,
        corrects: None,
        corrected_by: None,
        status: EvaluationStatus::Accepted,
        author_name: String::new(),
        created_at_ms: 0,
        rev: 2,
        submitted: None,
        decided: None,
        decision_note: String::new(),
        decision_stale: false,
        evaluation: asysta_core::evaluation::Evaluation {
            period_from: d("2026-01-05"),
            period_to: d("2026-06-30"),
            is_final: false,
            areas: Vec::new(),
            goals: Vec::new(),
            family_view: String::new(),
            child_risks: String::new(),
            cooperation: None,
            cooperation_comment: String::new(),
            recommendation: Some(asysta_core::evaluation::Recommendation::ChangePlan),
            recommendation_note: String::new(),
        },
    };
    assert_eq!(
        CourtWords::default().evaluation(&evaluation),
        "ocena za okres 05.01.2026–30.06.2026 (przyjęta); rekomendacja: zmienić plan"
    );
}

#[test]
fn the_list_shows_each_request_and_whether_it_is_final() {
    let opinions = vec![opinion(5, "", None), opinion(6, "Opinia", Some("2026-12-03"))];
    let html = render::<OpinionList>(move || OpinionListProps {
        opinions: Rc::new(opinions),
        busy: false,
        on_open: Callback::noop(),
    });
    assert!(html.contains(">Sąd Rejonowy dla Łodzi-Śródmieścia</span>"));
    assert!(html.contains(">sygn. III Nsm 12/26</span>"));
    assert!(html.contains(">wpłynęło 20.11.2026</span>") && html.contains(">termin 10.12.2026</span>"), "{html}");
    assert!(html.contains(">w przygotowaniu</span>") && html.contains(">ostateczna 03.12.2026</span>"));
    assert!(has_id(&html, &format!("opinion-open-{}", entity(5))));
    let none =
        render::<OpinionList>(|| OpinionListProps { opinions: Rc::default(), busy: false, on_open: Callback::noop() });
    assert!(has_id(&none, "opinions-empty"));
}

fn section(can_edit: bool, locale: Locale) -> String {
    render::<InLocale>(move || InLocaleProps {
        locale,
        children: html! {
            <OpinionsSection
                family_id={entity(1)}
                case={Rc::new(case(Vec::new()))}
                {can_edit}
                today={d("2026-11-30")}
                on_case={Callback::noop()}
                on_locked={Callback::noop()}
            />
        },
    })
}

#[test]
fn new_requests_are_offered_only_where_the_case_may_change() {
    assert_eq!(text_of(&section(true, Locale::Pl), "opinion-new"), "Nowe zapytanie sądu");
    assert_eq!(text_of(&section(true, Locale::En), "opinion-new"), "New request from a court");
    assert!(!has_id(&section(false, Locale::Pl), "opinion-new"));
    let form = render::<RequestFormView>(|| RequestFormViewProps {
        form: OpinionRequestForm::default(),
        errors: vec![FieldError::with_detail(
            "case_signature",
            FieldErrorCode::NotInList,
            "field-error-case-signature",
        )],
        form_error: None,
        busy: false,
        on_action: Callback::noop(),
        onsubmit: Callback::noop(),
    });
    for id in
        ["opinion_court", "opinion_case_signature", "opinion_received_on", "opinion_due_on", "opinion-request-submit"]
    {
        assert!(has_id(&form, id), "no #{id}");
    }
    assert_eq!(text_of(&form, "error-opinion_case_signature"), "Sygnatura w postaci „III Nsm 123/25”.");
}

fn editor(opinion: OpinionView, can_edit: bool, confirming: bool) -> String {
    let text = if opinion.text.is_empty() { "Projekt".to_owned() } else { opinion.text.clone() };
    render::<OpinionEditor>(move || OpinionEditorProps {
        opinion: Rc::new(opinion),
        text,
        can_edit,
        confirming,
        errors: Vec::new(),
        form_error: None,
        busy: false,
        draft: crate::screens::draft::DraftStatus::Idle,
        restored: false,
        on_action: Callback::noop(),
        on_send: Callback::noop(),
    })
}

/// A text left unsaved comes back into the open opinion from its draft.
#[test]
fn an_unsaved_text_comes_back_from_its_draft() {
    let reduce = |state: OpinionsState, action| (*Rc::new(state).reduce(action)).clone();
    let closed = reduce(OpinionsState::default(), OpinionsAction::DraftRestored("Stary szkic".into()));
    assert_eq!(closed, OpinionsState::default(), "no opinion is open");
    let open = reduce(OpinionsState::default(), OpinionsAction::Open { id: entity(5), text: "Projekt".into() });
    let restored = reduce(open, OpinionsAction::DraftRestored("Projekt i dalszy ciąg".into()));
    assert_eq!((restored.text.as_str(), restored.restored), ("Projekt i dalszy ciąg", true));
    let saved = reduce(restored, OpinionsAction::Saved);
    assert!(!saved.restored);
}

#[test]
fn an_opinion_in_preparation_is_edited_and_a_final_one_only_read() {
    let draft = editor(opinion(5, "", None), true, false);
    assert_eq!(text_of(&draft, "opinion-heading"), "Sąd Rejonowy dla Łodzi-Śródmieścia — sygn. III Nsm 12/26");
    assert!(has_id(&draft, "opinion-draft-hint") && has_id(&draft, "opinion-text"));
    assert_eq!(text_of(&draft, "opinion-save"), "Zapisz");
    assert_eq!(text_of(&draft, "opinion-finalize"), "Zatwierdź wersję ostateczną");
    let confirming = editor(opinion(5, "Opinia", None), true, true);
    assert!(has_id(&confirming, "opinion-finalize-question") && has_id(&confirming, "opinion-finalize-confirm"));
    assert!(!has_id(&confirming, "opinion-save") && !has_id(&confirming, "opinion-draft-hint"));
    let final_one = editor(opinion(6, "Opinia końcowa", Some("2026-12-03")), true, false);
    assert_eq!(
        text_of(&final_one, "opinion-finalized"),
        "Opinia jest ostateczna (zatwierdzona 03.12.2026) i nie można jej już zmienić."
    );
    assert_eq!(text_of(&final_one, "opinion-final-text"), "Opinia końcowa");
    assert!(!has_id(&final_one, "opinion-text") && !has_id(&final_one, "opinion-save"));
    let at_centre = editor(opinion(5, "W toku", None), false, false);
    assert!(!has_id(&at_centre, "opinion-text") && has_id(&at_centre, "opinion-final-text"));
}

#[test]
fn every_message_exists_in_both_languages() {
    let labels = RequestField::ALL.iter().map(|f| f.label_id());
    let ids = [
        "opinions-title",
        "opinions-empty",
        "opinion-new",
        "opinion-request-title",
        "opinion-request-submit",
        "opinion-requested",
        "opinion-signature",
        "opinion-received",
        "opinion-due",
        "opinion-status-draft",
        "opinion-status-final",
        "opinion-open",
        "opinion-text",
        "opinion-draft-hint",
        "opinion-save",
        "opinion-saved",
        "opinion-finalize",
        "opinion-finalize-question",
        "opinion-finalize-confirm",
        "opinion-finalized",
        "opinion-close",
        "opinion-evaluation-line",
        "opinion-evaluation-recommendation",
    ]
    .map(str::to_owned);
    for locale in Locale::ALL {
        let translator = asysta_i18n::Translator::new(locale);
        for id in ids.iter().cloned().chain(labels.clone()) {
            assert!(translator.has(&id), "{id} is missing in {locale}");
        }
    }
}
