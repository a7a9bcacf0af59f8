use super::form::{EvaluationFormView, EvaluationFormViewProps};
use super::list::{EvaluationList, EvaluationListProps};
use super::*;
use crate::i18n::I18n;
use crate::test_support::{entity, family_case, has_id, render, text_of};
use asysta_core::api::VisitView;
use asysta_core::evaluation::{default_rating_scale, Evaluation, Stamp};
use asysta_core::plan::{default_areas, ActionStatus, Actor, PlanAction, PlanGoal, PlanVersion, ProgressNote};
use asysta_i18n::{Locale, Translator};

fn reduce(state: EvaluationsState, action: EvaluationsAction) -> EvaluationsState {
    (*Rc::new(state).reduce(action)).clone()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

fn polish() -> I18n {
    I18n::new(Rc::new(Translator::new(Locale::Pl)), Callback::noop())
}

/// A plan with one housing goal: an application (done on 1 October) and a
/// talk with the landlord (planned).
fn plan() -> PlanVersion {
    let action = |n: u8, what: &str| PlanAction {
        id: entity(n),
        what: what.into(),
        who: Actor::Assistant,
        deadline: None,
        expected_effect: String::new(),
        status: ActionStatus::Planned,
    };
    PlanVersion {
        number: 1,
        agreed_with_family_on: None,
        consultation: None,
        goals: vec![PlanGoal {
            id: entity(10),
            area: "housing".into(),
            goal: "Rodzina nie ma zaległości w czynszu".into(),
            actions: vec![action(11, "Wniosek o dodatek mieszkaniowy"), action(12, "Rozmowa z zarządcą")],
        }],
    }
}

fn visit(date: &str) -> VisitView {
    let visit = serde_json::from_value(serde_json::json!({
        "date": date, "start": "10:00:00", "end": "11:30:00", "place": {"kind": "home"},
        "form": "home_visit", "participants": [], "other_participants": "", "areas": ["budget_debts"],
        "actions_worked": [], "notes": "Poufne szczegóły", "next_planned": null, "intervention": null
    }))
    .unwrap();
    VisitView { id: entity(30), rev: 1, author_name: "Anna Łęcka".into(), visit }
}

fn evaluation(n: u8, status: EvaluationStatus, from: &str, to: &str) -> EvaluationView {
    EvaluationView {
        id: entity(n),
        family_id: entity(1),
        version: 1,
        corrects: None,
        corrected_by: None,
        status,
        author_name: "Anna Łęcka".into(),
        created_at_ms: 1_764_000_000_000,
        rev: 1,
        submitted: status.counts().then(|| Stamp { on: d(to), by: "Anna Łęcka".into() }),
        decided: None,
        decision_note: String::new(),
        decision_stale: false,
        evaluation: Evaluation {
            period_from: d(from),
            period_to: d(to),
            is_final: false,
            areas: Vec::new(),
            goals: Vec::new(),
            family_view: "Rodzina widzi postęp.".into(),
            child_risks: String::new(),
            cooperation: Some(asysta_core::evaluation::Cooperation::Good),
            cooperation_comment: String::new(),
            recommendation: Some(asysta_core::evaluation::Recommendation::Continue),
            recommendation_note: String::new(),
        },
    }
}

/// The Wiśniewscy working since 5 January 2026 on `plan`, with one visit on
/// 1 October and the application's progress noted that day.
fn case() -> FamilyCase {
    let mut case = family_case(Vec::new());
    case.details.start_date = Some(d("2026-01-05"));
    case.plan_versions = vec![plan()];
    case.progress_notes = vec![ProgressNote {
        action_id: entity(11),
        date: d("2026-10-01"),
        note: "Wniosek złożony".into(),
        status: Some(ActionStatus::Done),
    }];
    case.visits = vec![visit("2026-10-01")];
    case
}

#[test]
fn a_new_evaluation_is_prefilled_from_the_plan_and_the_visits_of_the_period() {
    let form = prefill::new_form(&case(), &default_areas(), d("2026-11-30"), false, &polish());
    assert_eq!((form.period_from.as_str(), form.period_to.as_str()), ("2026-01-05", "2026-11-30"));
    let areas: Vec<&str> = form.areas.iter().map(|a| a.area.as_str()).collect();
    assert_eq!(areas, ["budget_debts", "housing"], "the plan's areas and the visits', in the centre's order");
    let housing = &form.areas[1];
    assert_eq!(housing.comment, "01.10.2026: Wniosek o dodatek mieszkaniowy — Wniosek złożony");
    assert_eq!(form.goals[0].goal_id, entity(10).to_string());
    assert_eq!(form.goals[0].outcome, "partly", "one action of two is done");
    assert_eq!(
        form.goals[0].comment,
        "Wniosek o dodatek mieszkaniowy — zrealizowane\nRozmowa z zarządcą — zaplanowane"
    );
    assert_eq!(form.cooperation_comment, "Kontakty w okresie: 1 (1 h 30 min)");
    assert!(!form.is_final && form.recommendation.is_empty());
    assert!(!form.areas.iter().any(|a| a.comment.contains("Poufne")), "visit notes are not copied");

    let last = form.clone();
    let final_form = prefill::new_form(&case(), &default_areas(), d("2026-11-30"), true, &polish());
    assert!(final_form.is_final);
    assert_eq!(final_form.recommendation, "end_work");
    assert_eq!(EvaluationForm { is_final: false, recommendation: String::new(), ..final_form }, last);
}

#[test]
fn the_next_period_starts_after_the_last_evaluation_that_counts() {
    let mut case = case();
    case.evaluations = vec![
        evaluation(20, EvaluationStatus::Accepted, "2026-01-05", "2026-06-30"),
        evaluation(21, EvaluationStatus::Draft, "2026-07-01", "2026-09-30"),
    ];
    assert_eq!(prefill::period_start(&case, d("2026-11-30")), d("2026-07-01"), "a draft does not count");
    assert_eq!(prefill::period_start(&case, d("2026-06-30")), d("2026-06-30"), "never after today");
    case.details.start_date = None;
    case.evaluations.clear();
    assert_eq!(prefill::start_of_work(&case), Some(d("2025-11-24")), "the day the case was opened");
}

#[test]
fn a_submission_must_be_whole_and_a_draft_need_not() {
    let case = case();
    let form = prefill::new_form(&case, &default_areas(), d("2026-11-30"), false, &polish());
    let scale = default_rating_scale();
    let today = d("2026-11-30");
    assert_eq!(check(&form, &case, &default_areas(), &scale, today, Completeness::Draft), Ok(()));
    let errors = check(&form, &case, &default_areas(), &scale, today, Completeness::ForSubmission).unwrap_err();
    assert_eq!(
        fields(&errors),
        ["areas[0].rating", "areas[1].rating", "family_view", "cooperation", "recommendation"],
        "the goal's outcome was suggested"
    );
    let opened =
        reduce(EvaluationsState::default(), EvaluationsAction::Open { opened: Opened::New, form: Box::new(form) });
    let refused = reduce(opened, EvaluationsAction::Rejected(errors));
    let rated = reduce(refused, EvaluationsAction::EditArea(1, AreaField::Rating, "4".into()));
    assert_eq!(fields(&rated.errors), ["areas[0].rating", "family_view", "cooperation", "recommendation"]);
    let viewed = reduce(rated, EvaluationsAction::Edit(EvaluationField::FamilyView, "Jest lepiej.".into()));
    assert_eq!(fields(&viewed.errors), ["areas[0].rating", "cooperation", "recommendation"]);
    assert_eq!(viewed.form.family_view, "Jest lepiej.");
    assert_eq!(check_decision(false, "  "), Err(vec![FieldError::new("note", FieldErrorCode::Required)]));
    assert_eq!(check_decision(true, ""), Ok(()));
}

#[test]
fn areas_are_added_once_and_removed_with_their_errors() {
    let opened = reduce(
        EvaluationsState::default(),
        EvaluationsAction::Open { opened: Opened::New, form: Box::new(EvaluationForm::default()) },
    );
    let added = reduce(opened, EvaluationsAction::AddArea("housing".into()));
    let added = reduce(added, EvaluationsAction::AddArea("safety".into()));
    assert_eq!(reduce(added.clone(), EvaluationsAction::AddArea("housing".into())), added, "already there");
    assert_eq!(reduce(added.clone(), EvaluationsAction::AddArea(String::new())), added);
    let refused =
        reduce(added, EvaluationsAction::Rejected(vec![FieldError::new("areas[1].rating", FieldErrorCode::Required)]));
    let removed = reduce(refused, EvaluationsAction::RemoveArea(0));
    assert_eq!(removed.form.areas.len(), 1);
    assert_eq!(removed.form.areas[0].area, "safety");
    assert!(removed.errors.is_empty(), "the area's index changed: its errors go");
    assert_eq!(reduce(removed.clone(), EvaluationsAction::RemoveArea(3)), removed);
    let outcome = reduce(removed, EvaluationsAction::EditGoal(0, GoalField::Outcome, "achieved".into()));
    assert!(outcome.form.goals.is_empty(), "no such goal: nothing changes");
}

#[test]
fn a_submitted_evaluation_is_only_read() {
    let submitted = evaluation(20, EvaluationStatus::Submitted, "2026-01-05", "2026-06-30");
    assert_eq!(Opened::of(&submitted, true), Opened::View(entity(20)));
    let draft = evaluation(21, EvaluationStatus::Draft, "2026-07-01", "2026-09-30");
    assert_eq!(Opened::of(&draft, true), Opened::Draft(entity(21)));
    assert_eq!(Opened::of(&draft, false), Opened::View(entity(21)), "a centre reads drafts");
    let form = Box::new(EvaluationForm::from_evaluation(&submitted.evaluation));
    let viewed =
        reduce(EvaluationsState::default(), EvaluationsAction::Open { opened: Opened::View(entity(20)), form });
    for edit in [
        EvaluationsAction::Edit(EvaluationField::FamilyView, "x".into()),
        EvaluationsAction::SetFinal(true),
        EvaluationsAction::AddArea("housing".into()),
    ] {
        assert_eq!(reduce(viewed.clone(), edit), viewed);
    }
    let noted = reduce(viewed, EvaluationsAction::EditDecisionNote("Uzupełnić zagrożenia".into()));
    assert_eq!(noted.decision_note, "Uzupełnić zagrożenia", "the head of the centre may still write a note");
}

#[test]
fn sending_ends_with_a_message_or_the_errors_next_to_the_fields() {
    let opened = reduce(
        EvaluationsState::default(),
        EvaluationsAction::Open { opened: Opened::Draft(entity(21)), form: Box::new(EvaluationForm::default()) },
    );
    let sent = reduce(opened, EvaluationsAction::Submitted);
    assert!(sent.busy);
    let ignored = reduce(sent.clone(), EvaluationsAction::Open { opened: Opened::New, form: Box::default() });
    assert_eq!(ignored, sent, "nothing opens while a command is under way");
    let invalid = ApiError::invalid(vec![FieldError::new("family_view", FieldErrorCode::Required)]);
    let refused = reduce(sent.clone(), EvaluationsAction::Failed(invalid));
    assert_eq!((fields(&refused.errors), refused.form_error, refused.busy), (vec!["family_view"], None, false));
    let frozen = reduce(sent.clone(), EvaluationsAction::Failed(ApiError::new(ErrorKind::EvaluationFrozen)));
    assert_eq!(frozen.form_error, Some(ErrorKind::EvaluationFrozen));
    let done = reduce(sent, EvaluationsAction::Done("evaluation-submitted"));
    assert_eq!((done.open, done.done, done.busy), (None, Some("evaluation-submitted"), false));
    let corrected =
        reduce(done, EvaluationsAction::Corrected { id: entity(22), form: Box::new(EvaluationForm::default()) });
    assert_eq!((corrected.open, corrected.done), (Some(Opened::Draft(entity(22))), Some("evaluation-correcting")));
}

#[test]
fn the_final_evaluation_is_the_open_form_the_final_draft_or_a_new_one() {
    let new_form =
        || Box::new(EvaluationForm { is_final: true, recommendation: "end_work".into(), ..Default::default() });
    let opened = reduce(
        EvaluationsState::default(),
        EvaluationsAction::Open { opened: Opened::New, form: Box::new(EvaluationForm::default()) },
    );
    let made_final = reduce(opened, EvaluationsAction::OpenFinal { draft: None, new_form: new_form() });
    assert_eq!(made_final.open, Some(Opened::New));
    assert!(made_final.form.is_final);
    assert_eq!(made_final.form.recommendation, "end_work");
    let draft = Some((entity(21), Box::new(EvaluationForm { family_view: "Szkic".into(), ..Default::default() })));
    let from_draft = reduce(EvaluationsState::default(), EvaluationsAction::OpenFinal { draft, new_form: new_form() });
    assert_eq!(from_draft.open, Some(Opened::Draft(entity(21))));
    assert!(from_draft.form.is_final && from_draft.form.family_view == "Szkic");
    let fresh = reduce(EvaluationsState::default(), EvaluationsAction::OpenFinal { draft: None, new_form: new_form() });
    assert_eq!((fresh.open, fresh.form), (Some(Opened::New), *new_form()));

    let mut final_draft_view = evaluation(21, EvaluationStatus::Draft, "2026-07-01", "2026-09-30");
    final_draft_view.evaluation.is_final = true;
    let evaluations = vec![evaluation(20, EvaluationStatus::Submitted, "2026-01-05", "2026-06-30"), final_draft_view];
    assert_eq!(final_draft(&evaluations).map(|e| e.id), Some(entity(21)));
    assert_eq!(final_draft(&evaluations[..1]), None);
    let mut correction = evaluation(22, EvaluationStatus::Draft, "2026-01-05", "2026-06-30");
    correction.corrects = Some(entity(20));
    assert_eq!(correction_of(&[correction], entity(20)).map(|e| e.id), Some(entity(22)));
}

fn list(evaluations: Vec<EvaluationView>, can_correct: bool) -> String {
    render::<EvaluationList>(move || EvaluationListProps {
        evaluations: Rc::new(evaluations),
        can_correct,
        busy: false,
        on_open: Callback::noop(),
        on_correct: Callback::noop(),
    })
}

#[test]
fn the_list_shows_status_period_corrections_and_the_heads_note() {
    let mut first = evaluation(20, EvaluationStatus::Returned, "2026-01-05", "2026-06-30");
    first.decision_note = "Uzupełnij zagrożenia dla dzieci.".into();
    first.corrected_by = Some(entity(21));
    let mut second = evaluation(21, EvaluationStatus::Submitted, "2026-01-05", "2026-06-30");
    second.version = 2;
    second.corrects = Some(entity(20));
    second.evaluation.is_final = true;
    let draft = evaluation(22, EvaluationStatus::Draft, "2026-07-01", "2026-11-30");
    let html = list(vec![first, second, draft], true);
    assert!(html.contains(">zwrócona</span>") && html.contains(">złożona</span>") && html.contains(">szkic</span>"));
    assert!(html.contains(">05.01.2026–30.06.2026</span>"), "{html}");
    assert!(html.contains(">poprawiona wersją 2</span>"), "{html}");
    assert!(html.contains(">poprawia wersję 1</span>"));
    assert!(html.contains("Uwaga kierownika: Uzupełnij zagrożenia dla dzieci."));
    assert!(html.contains(">Ocena końcowa</span>") && html.contains(">Ocena okresowa</span>"));
    assert_eq!(html.matches("class=\"secondary evaluation-open\"").count(), 3);
    assert!(has_id(&html, &format!("evaluation-correct-{}", entity(21))), "submitted, not corrected yet");
    assert!(!has_id(&html, &format!("evaluation-correct-{}", entity(20))), "already corrected");
    assert!(!has_id(&html, &format!("evaluation-correct-{}", entity(22))), "a draft is edited, not corrected");
    let at_centre = list(vec![evaluation(21, EvaluationStatus::Submitted, "2026-01-05", "2026-06-30")], false);
    assert!(!at_centre.contains("evaluation-correct"));
    assert_eq!(text_of(&list(Vec::new(), true), "evaluations-empty"), "Nie ma jeszcze żadnej oceny.");
}

fn form_view(opened: Opened, evaluation: Option<EvaluationView>, errors: Vec<FieldError>, can_decide: bool) -> String {
    let form = prefill::new_form(&case(), &default_areas(), d("2026-11-30"), false, &polish());
    render::<EvaluationFormView>(move || EvaluationFormViewProps {
        opened,
        evaluation: evaluation.map(Rc::new),
        form,
        errors,
        form_error: None,
        busy: false,
        areas: Rc::new(default_areas()),
        scale: Rc::new(default_rating_scale()),
        can_decide,
        decision_note: String::new(),
        draft: crate::screens::draft::DraftStatus::Idle,
        restored: false,
        on_action: Callback::noop(),
        on_save: Callback::noop(),
        on_submit: Callback::noop(),
        on_decide: Callback::noop(),
    })
}

#[test]
fn the_form_has_a_field_for_everything_an_evaluation_says() {
    let errors = vec![FieldError::new("family_view", FieldErrorCode::Required)];
    let html = form_view(Opened::New, None, errors, false);
    for id in [
        "evaluation-form",
        "evaluation_period_from",
        "evaluation_period_to",
        "evaluation-final",
        "evaluation_areas_0__rating",
        "evaluation_areas_1__comment",
        "evaluation_goals_0__outcome",
        "evaluation_goals_0__comment",
        "evaluation_family_view",
        "evaluation_child_risks",
        "evaluation_cooperation",
        "evaluation_cooperation_comment",
        "evaluation_recommendation",
        "evaluation_recommendation_note",
        "evaluation-add-area",
        "evaluation-save",
        "evaluation-submit",
    ] {
        assert!(has_id(&html, id), "no #{id}");
    }
    assert_eq!(text_of(&html, "evaluation-form-title"), "Nowa ocena sytuacji rodziny");
    assert_eq!(text_of(&html, "error-evaluation_family_view"), "To pole jest wymagane.");
    assert!(html.contains(">4 — dobra — drobne trudności</option>"), "the centre's scale: {html}");
    assert!(html.contains(">częściowo osiągnięty</option>") && html.contains(">nieosiągnięty</option>"));
    assert!(html.contains(">dobra</option>") && html.contains(">słaba</option>"));
    assert!(html.contains(">zakończyć pracę</option>") && html.contains(">poinformować sąd</option>"));
    assert!(html.contains(">Rodzina nie ma zaległości w czynszu</legend>"));
    assert!(html.contains(">Sytuacja mieszkaniowa</legend>"));
    assert!(!html.contains("disabled"), "a new evaluation is edited");
    let off_the_list = vec![FieldError::new("areas[1].area", FieldErrorCode::NotInList)];
    let html = form_view(Opened::New, None, off_the_list, false);
    assert_eq!(text_of(&html, "error-evaluation_areas_1__area"), "Wybierz jedną z dostępnych wartości.");
    assert!(shown_fields(&EvaluationForm { areas: vec![Default::default()], ..Default::default() })
        .contains(&"areas[0].area".to_owned()));
}

#[test]
fn a_submitted_evaluation_shows_read_only_and_a_centre_decides_on_it() {
    let submitted = evaluation(20, EvaluationStatus::Submitted, "2026-01-05", "2026-06-30");
    let html = form_view(Opened::View(entity(20)), Some(submitted.clone()), Vec::new(), false);
    assert!(html.contains("<fieldset disabled=\"disabled\" class=\"evaluation-fields\">"), "{html}");
    assert!(!has_id(&html, "evaluation-save") && !has_id(&html, "evaluation-submit"));
    assert_eq!(text_of(&html, "evaluation-form-title"), "Ocena, wersja 1 (złożona)");
    assert!(has_id(&html, "evaluation-read-only") && !has_id(&html, "evaluation-accept"));
    let at_centre = form_view(Opened::View(entity(20)), Some(submitted), Vec::new(), true);
    assert_eq!(text_of(&at_centre, "evaluation-accept"), "Przyjmij");
    assert_eq!(text_of(&at_centre, "evaluation-return"), "Zwróć z uwagą");
    assert!(has_id(&at_centre, "evaluation_note"));
    let accepted = evaluation(20, EvaluationStatus::Accepted, "2026-01-05", "2026-06-30");
    let decided = form_view(Opened::View(entity(20)), Some(accepted), Vec::new(), true);
    assert!(!has_id(&decided, "evaluation-accept"), "decided once");
}

fn section(case: FamilyCase, can_edit: bool, scale: bool, today: &str) -> String {
    let today = d(today);
    render::<EvaluationsSection>(move || EvaluationsSectionProps {
        family_id: entity(1),
        case: Rc::new(case),
        areas: Rc::new(default_areas()),
        scale: scale.then(|| Rc::new(default_rating_scale())),
        can_edit,
        can_decide: !can_edit,
        final_request: 0,
        today,
        on_case: Callback::noop(),
        on_locked: Callback::noop(),
    })
}

#[test]
fn the_next_due_date_is_shown_and_marked_when_near_or_past() {
    let mut case = case();
    case.next_evaluation_due = Some(d("2027-05-31"));
    let later = section(case.clone(), true, true, "2027-01-10");
    assert_eq!(text_of(&later, "evaluation-next-due"), "Następna ocena do 31.05.2027");
    assert!(later.contains("class=\"evaluation-next-due\""));
    let soon = section(case.clone(), true, true, "2027-05-26");
    assert!(soon.contains("class=\"evaluation-next-due due-soon\""));
    assert!(soon.contains("<span class=\"badge\">za 5 dni</span>"), "{soon}");
    let overdue = section(case, true, true, "2027-06-12");
    assert!(overdue.contains("class=\"evaluation-next-due due-overdue\""));
    assert!(overdue.contains("<span class=\"badge\">po terminie 12 dni</span>"), "{overdue}");
}

#[test]
fn a_new_evaluation_waits_for_the_scale_and_is_not_offered_read_only() {
    let html = section(case(), true, true, "2026-11-30");
    assert_eq!(text_of(&html, "evaluation-new"), "Nowa ocena");
    assert!(!has_id(&html, "evaluation-next-due"), "no due date known");
    let waiting = section(case(), true, false, "2026-11-30");
    assert!(waiting.contains("id=\"evaluation-new\" disabled=\"disabled\""), "{waiting}");
    let read_only = section(case(), false, true, "2026-11-30");
    assert!(!has_id(&read_only, "evaluation-new"));
}

#[test]
fn every_message_exists_in_both_languages() {
    let statuses = EvaluationStatus::ALL.iter().map(|s| s.message_id());
    let ids = [
        "evaluations-title",
        "evaluations-empty",
        "evaluation-new",
        "evaluation-next-due",
        "evaluation-kind-periodic",
        "evaluation-kind-final",
        "evaluation-version",
        "evaluation-period",
        "evaluation-decision-note",
        "evaluation-corrected-by",
        "evaluation-corrects",
        "evaluation-open",
        "evaluation-form-new",
        "evaluation-form-saved",
        "evaluation-prefill-hint",
        "evaluation-read-only",
        "evaluation-field-areas",
        "evaluation-field-rating",
        "evaluation-field-area-comment",
        "evaluation-choose-rating",
        "evaluation-add-area",
        "evaluation-choose-area",
        "evaluation-remove-area",
        "evaluation-field-goals",
        "evaluation-no-goals",
        "evaluation-field-outcome",
        "evaluation-field-goal-comment",
        "evaluation-choose",
        "evaluation-field-final",
        "evaluation-save",
        "evaluation-submit",
        "evaluation-close",
        "evaluation-saved",
        "evaluation-submitted",
        "evaluation-correct",
        "evaluation-correcting",
        "evaluation-decision-note-label",
        "evaluation-accept",
        "evaluation-return",
        "evaluation-accepted",
        "evaluation-returned",
        "evaluation-prefill-contacts",
        "case-vocabulary-failed",
        "due-overdue",
        "due-in-days",
        "due-today",
    ]
    .map(str::to_owned);
    let labels = EvaluationField::ALL.iter().map(|f| f.label_id());
    let all: Vec<String> = ids.into_iter().chain(statuses).chain(labels).collect();
    for locale in Locale::ALL {
        let translator = Translator::new(locale);
        for id in &all {
            assert!(translator.has(id), "{id} is missing in {locale}");
        }
    }
}

/// A form left unsaved comes back from its draft when the evaluation
/// opens, unless the assistant has started typing meanwhile; its draft is
/// keyed by the evaluation, or by the family for a new one.
#[test]
fn an_unsaved_form_comes_back_from_its_draft_unless_typing_began() {
    let family = entity(1);
    let blank = EvaluationForm::default();
    let kept = EvaluationForm { family_view: "Rodzina radzi sobie coraz lepiej".into(), ..EvaluationForm::default() };
    let new = reduce(
        EvaluationsState::default(),
        EvaluationsAction::Open { opened: Opened::New, form: Box::new(blank.clone()) },
    );
    assert_eq!(new.draft_key(family), Some(family));
    let restored = reduce(new.clone(), EvaluationsAction::DraftRestored(Box::new(kept.clone())));
    assert_eq!((restored.form.family_view.as_str(), restored.restored), (kept.family_view.as_str(), true));
    let typing = reduce(new, EvaluationsAction::Edit(EvaluationField::FamilyView, "Nowy tekst".into()));
    assert_eq!(typing.edits, 1);
    let late = reduce(typing.clone(), EvaluationsAction::DraftRestored(Box::new(kept)));
    assert_eq!(late, typing, "what is typed now wins over an older draft");
    let draft = reduce(
        EvaluationsState::default(),
        EvaluationsAction::Open { opened: Opened::Draft(entity(9)), form: Box::new(blank.clone()) },
    );
    assert_eq!(draft.draft_key(family), Some(entity(9)));
    let read = reduce(
        EvaluationsState::default(),
        EvaluationsAction::Open { opened: Opened::View(entity(9)), form: Box::new(blank) },
    );
    assert_eq!(read.draft_key(family), None, "a read-only evaluation keeps no draft");
}
