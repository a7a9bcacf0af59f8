use super::visit_form::{VisitFormView, VisitFormViewProps};
use super::*;
use crate::components::field::error_id;
use crate::components::visit_list::{VisitList as VisitListView, VisitListProps};
use crate::screens::draft::{DraftSchedule, DraftStatus};
use crate::test_support::{entity, family_case, has_id, member, render, text_of};
use asysta_core::api::VisitView;
use asysta_core::member::Relation;
use asysta_core::plan::{default_areas, ActionStatus, Actor, PlanAction, PlanGoal, PlanVersion};
use asysta_core::visit::{ActionWorked, ContactForm, Intervention, Place, Visit};
use asysta_core::FieldErrorCode;

fn reduce(state: DiaryState, action: DiaryAction) -> DiaryState {
    (*Rc::new(state).reduce(action)).clone()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

/// A plan with two actions: entity 11 and entity 12.
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
            goal: "Spłacony czynsz".into(),
            actions: vec![action(11, "Wniosek o dodatek mieszkaniowy"), action(12, "Rozmowa z zarządcą")],
        }],
    }
}

/// Family 1 with Anna (2) and Zofia (3) and the plan.
fn case() -> Rc<FamilyCase> {
    let mut case = family_case(vec![
        member(2, "Anna", "Nowak", Relation::Parent, None),
        member(3, "Zofia", "Nowak", Relation::Child, None),
    ]);
    case.plan_versions = vec![plan()];
    Rc::new(case)
}

fn open() -> DiaryState {
    reduce(DiaryState::default(), DiaryAction::Open { today: d("2026-03-10") })
}

#[test]
fn a_new_entry_is_a_home_visit_today_and_cancel_keeps_it() {
    let state = open();
    assert!(state.open);
    assert_eq!(state.form, new_form(d("2026-03-10")));
    assert_eq!((state.form.date.as_str(), state.form.place.as_str()), ("2026-03-10", "home"));
    assert_eq!(state.edits, 0, "opening the form is no edit: nothing to save yet");
    let state = reduce(state, DiaryAction::Edit(VisitField::Notes, "Rozmowa o budżecie".into()));
    let closed = reduce(state, DiaryAction::Close);
    assert!(!closed.open);
    let reopened = reduce(closed, DiaryAction::Open { today: d("2026-03-11") });
    assert_eq!(reopened.form.notes, "Rozmowa o budżecie", "the kept entry comes back");
    assert_eq!(reopened.form.date, "2026-03-10");
}

#[test]
fn every_edit_is_counted_and_clears_its_error() {
    let state = reduce(
        open(),
        DiaryAction::Rejected(vec![
            FieldError::new("start", FieldErrorCode::Required),
            FieldError::new("notes", FieldErrorCode::TooLong),
        ]),
    );
    let state = reduce(state, DiaryAction::Edit(VisitField::Start, "09:30".into()));
    assert_eq!(state.form.start, "09:30");
    assert_eq!(fields(&state.errors), ["notes"]);
    let state = reduce(state, DiaryAction::Tick(TickList::Participants, entity(2).to_string(), true));
    let state = reduce(state, DiaryAction::SetSafetyConcern(true));
    assert_eq!(state.edits, 3);
    assert!(state.form.safety_concern);
}

#[test]
fn ticking_actions_adds_and_removes_their_work_and_errors_follow() {
    let (a, b, c) = ("a".to_owned(), "b".to_owned(), "c".to_owned());
    let mut state = open();
    for id in [&a, &b, &c] {
        state = reduce(state, DiaryAction::TickAction(id.clone(), true));
    }
    let same = reduce(state.clone(), DiaryAction::TickAction(b.clone(), true));
    assert_eq!(same.edits, state.edits, "ticking a ticked action changes nothing");
    state = reduce(state, DiaryAction::EditAction(2, ActionField::Note, "Złożony".into()));
    state = reduce(state, DiaryAction::EditAction(1, ActionField::Status, "done".into()));
    state = reduce(
        state,
        DiaryAction::Rejected(vec![
            FieldError::new("actions_worked[0].note", FieldErrorCode::Required),
            FieldError::new("actions_worked[1].note", FieldErrorCode::TooLong),
            FieldError::new("actions_worked[2].status", FieldErrorCode::NotInList),
            FieldError::new("notes", FieldErrorCode::TooLong),
        ]),
    );
    let state = reduce(state, DiaryAction::TickAction(a, false));
    let ids: Vec<&str> = state.form.actions_worked.iter().map(|w| w.action_id.as_str()).collect();
    assert_eq!(ids, ["b", "c"]);
    assert_eq!(state.form.actions_worked[0].status, "done");
    assert_eq!(state.form.actions_worked[1].note, "Złożony");
    assert_eq!(fields(&state.errors), ["actions_worked[0].note", "actions_worked[1].status", "notes"]);
    let state = reduce(state, DiaryAction::EditAction(0, ActionField::Note, "Zrobione".into()));
    assert_eq!(fields(&state.errors), ["actions_worked[1].status", "notes"]);
    let state = reduce(state, DiaryAction::EditAction(7, ActionField::Note, "?".into()));
    assert_eq!(state.form.actions_worked.len(), 2, "a stale index changes nothing");
}

#[test]
fn unticking_a_participant_renumbers_the_errors_of_the_later_ones() {
    let mut state = open();
    for n in [2, 3, 4] {
        state = reduce(state, DiaryAction::Tick(TickList::Participants, entity(n).to_string(), true));
    }
    state = reduce(
        state,
        DiaryAction::Rejected(vec![
            FieldError::new("participants[2]", FieldErrorCode::NotInList),
            FieldError::new("areas[0]", FieldErrorCode::NotInList),
        ]),
    );
    let state = reduce(state, DiaryAction::Tick(TickList::Participants, entity(2).to_string(), false));
    assert_eq!(state.form.participants, [entity(3).to_string(), entity(4).to_string()]);
    assert_eq!(fields(&state.errors), ["participants[1]", "areas[0]"]);
    assert_eq!(focus_id(&state.form, "participants[1]"), format!("visit-participant-{}", entity(4)));
}

#[test]
fn a_draft_found_opens_the_form_unless_one_is_open() {
    let draft = VisitForm { notes: "Pani Anna pokazała rachunki".into(), ..new_form(d("2026-03-09")) };
    let restored = reduce(DiaryState::default(), DiaryAction::DraftFound(Box::new(draft.clone())));
    assert!(restored.open && restored.restored);
    assert_eq!(restored.form, draft);
    assert_eq!(restored.edits, 0, "restoring saves nothing again");
    let typing = reduce(open(), DiaryAction::Edit(VisitField::Notes, "nowe".into()));
    let kept = reduce(typing.clone(), DiaryAction::DraftFound(Box::new(draft)));
    assert_eq!(kept, typing);
}

#[test]
fn draft_saves_are_shown_while_the_form_is_open_and_failures_are_not_silent() {
    let state = reduce(open(), DiaryAction::Edit(VisitField::Notes, "R".into()));
    let state = reduce(state, DiaryAction::Edit(VisitField::Notes, "Ro".into()));
    let late = reduce(state.clone(), DiaryAction::DraftSaved { seq: 1, at_ms: 1_773_151_400_000 });
    assert_eq!(late.draft, DraftStatus::Idle, "an older draft is no news: \"Ro\" is not saved yet");
    let state = reduce(state, DiaryAction::DraftSaved { seq: 2, at_ms: 1_773_151_500_000 });
    assert_eq!(state.draft, DraftStatus::Saved { at_ms: 1_773_151_500_000 });
    let typing = reduce(state.clone(), DiaryAction::Edit(VisitField::Notes, "Roz".into()));
    assert_eq!(typing.draft, DraftStatus::Idle, "the text is newer than the draft");
    let state = reduce(state, DiaryAction::DraftFailed(ErrorKind::Storage));
    assert_eq!(state.draft, DraftStatus::Failed(ErrorKind::Storage));
    let typing = reduce(state.clone(), DiaryAction::Edit(VisitField::Notes, "Roz".into()));
    assert_eq!(typing.draft, DraftStatus::Failed(ErrorKind::Storage), "a failure stays until a save succeeds");
    let closed = reduce(DiaryState::default(), DiaryAction::DraftSaved { seq: 0, at_ms: 1 });
    assert_eq!(closed.draft, DraftStatus::Idle);
    let discarded = reduce(state, DiaryAction::Discarded);
    assert_eq!((discarded.open, discarded.draft), (false, DraftStatus::Idle));
    assert_eq!(discarded.form, VisitForm::default());
}

#[test]
fn every_edit_is_saved_one_save_at_a_time_newest_last() {
    let form = |notes: &str| VisitForm { notes: notes.into(), ..VisitForm::default() };
    let mut schedule = DraftSchedule::default();
    assert_eq!(schedule.take_pending(), None, "nothing typed, nothing to save");
    assert_eq!(schedule.edited(1, form("R")), Some((1, form("R"))), "the first edit is saved at once");
    assert_eq!(schedule.edited(2, form("Ro")), None, "a save is on its way: the edit waits");
    assert_eq!(schedule.edited(3, form("Roz")), None);
    assert_eq!(schedule.take_pending(), None, "focus loss does not overtake the save on its way");
    assert_eq!(schedule.returned(1, true), Some((3, form("Roz"))), "then the newest form follows");
    assert_eq!(schedule.returned(3, true), None, "all saved");
    assert_eq!(schedule.edited(4, form("Rozm")), Some((4, form("Rozm"))));
    assert_eq!(schedule.returned(4, false), None, "a failure is not retried in a loop");
    assert_eq!(schedule.take_pending(), Some((4, form("Rozm"))), "the next focus loss tries again");
    schedule.returned(4, true);
    assert_eq!(schedule.edited(5, form("Rozmo")), Some((5, form("Rozmo"))));
    schedule.settle();
    assert_eq!(schedule.returned(5, true), None, "recorded: nothing saves the draft again");
    schedule.unsettle();
    assert_eq!(schedule.take_pending(), Some((5, form("Rozmo"))), "not recorded after all");
}

#[test]
fn every_error_of_the_core_has_a_place_in_the_form() {
    let form = VisitForm {
        date: "2026-13-01".into(),
        start: "25:00".into(),
        place: "other".into(),
        participants: vec!["nie-ma".into()],
        areas: vec!["space".into()],
        actions_worked: vec![ActionWorkedForm { action_id: entity(11).to_string(), ..Default::default() }],
        next_planned: "wczoraj".into(),
        safety_concern: true,
        ..VisitForm::default()
    };
    let errors = validate_visit(&form, &[entity(2)], &[entity(11)], &default_areas(), d("2026-03-10")).unwrap_err();
    let shown = shown_fields(&form);
    for error in &errors {
        assert!(shown.contains(&error.field), "{} has no place", error.field);
    }
    let state =
        reduce(DiaryState { form: form.clone(), open: true, ..DiaryState::default() }, DiaryAction::Rejected(errors));
    assert_eq!(state.form_error, None);
    assert_eq!(focus_id(&form, "actions_worked[0].note"), "visit_actions_worked_0__note");
    assert_eq!(focus_id(&form, "intervention_steps"), "visit-step-police_called");
    assert_eq!(focus_id(&form, "areas[0]"), "visit-area-space");
    assert_eq!(focus_id(&form, "date"), "visit_date");

    // An action gone from the plan has no checkbox: the form says so.
    let gone = vec![FieldError::new("actions_worked[0].action_id", FieldErrorCode::NotInList)];
    let state = reduce(state, DiaryAction::Rejected(gone));
    assert_eq!(state.form_error, Some(ErrorKind::Invalid));
}

#[test]
fn a_refusal_from_the_shell_is_shown_by_field_or_for_the_form() {
    let state = reduce(open(), DiaryAction::TickAction(entity(11).to_string(), true));
    let state = reduce(state, DiaryAction::Submitted);
    assert!(state.busy);
    let error = ApiError::invalid(vec![FieldError::new("actions_worked[0].note", FieldErrorCode::Required)]);
    let refused = reduce(state.clone(), DiaryAction::Failed(error));
    assert_eq!((refused.busy, refused.form_error), (false, None));
    assert_eq!(fields(&refused.errors), ["actions_worked[0].note"]);
    let hidden = ApiError::invalid(vec![FieldError::new("place_other", FieldErrorCode::Required)]);
    assert_eq!(reduce(state.clone(), DiaryAction::Failed(hidden)).form_error, Some(ErrorKind::Invalid));
    let recorded = reduce(state, DiaryAction::Recorded);
    assert!(recorded.recorded && !recorded.open && !recorded.busy);
    assert_eq!(recorded.form, VisitForm::default(), "the next entry starts afresh");
}

#[test]
fn the_form_shows_a_restored_draft_and_errors_next_to_fields() {
    let mut form = new_form(d("2026-03-09"));
    form.actions_worked.push(ActionWorkedForm { action_id: entity(11).to_string(), ..Default::default() });
    form.participants.push(entity(3).to_string());
    form.safety_concern = true;
    let errors = vec![
        FieldError::new("actions_worked[0].note", FieldErrorCode::Required),
        FieldError::new("intervention_steps", FieldErrorCode::Required),
    ];
    let html = render::<VisitFormView>(move || VisitFormViewProps {
        form,
        errors,
        form_error: None,
        busy: false,
        draft: DraftStatus::Saved { at_ms: 1_773_151_500_000 },
        restored: true,
        correcting: false,
        from_plan: None,
        case: case(),
        areas: default_areas(),
        on_action: Callback::noop(),
        onsubmit: Callback::noop(),
        on_focus_out: Callback::noop(),
        on_cancel: Callback::noop(),
        on_discard: Callback::noop(),
    });
    for id in [
        "visit-form",
        "visit_date",
        "visit_start",
        "visit_end",
        "visit_place",
        "visit_form",
        "visit_notes",
        "visit_next_planned",
        "visit_intervention_observed",
        "visit_intervention_time",
        "visit-area-housing",
        "visit-submit",
        "visit-cancel",
        "visit-discard",
        "visit-draft-status",
        "visit_actions_worked_0__status",
    ] {
        assert!(has_id(&html, id), "no #{id}");
    }
    assert!(!has_id(&html, "visit_place_other"), "the place is not 'other'");
    assert_eq!(text_of(&html, "visit-draft-restored"), "Przywrócono niezapisany szkic wpisu.");
    assert!(html.contains("Szkic zapisany o 14:05"), "{html}");
    assert_eq!(text_of(&html, &error_id("visit_actions_worked_0__note")), "To pole jest wymagane.");
    assert_eq!(text_of(&html, "error-visit_intervention_steps"), "To pole jest wymagane.");
    // Only the ticked action has a note and a status.
    assert_eq!(html.matches("visit-action ticked").count(), 1);
    assert!(has_id(&html, &format!("visit-participant-{}", entity(3))));
    assert!(!has_id(&html, "visit_actions_worked_1__note"));
    assert!(html.contains("Obecnie: zaplanowane"));
}

#[test]
fn a_failed_draft_save_is_announced() {
    let html = render::<VisitFormView>(|| VisitFormViewProps {
        form: new_form(d("2026-03-09")),
        errors: Vec::new(),
        form_error: None,
        busy: false,
        draft: DraftStatus::Failed(ErrorKind::Storage),
        restored: false,
        correcting: false,
        from_plan: None,
        case: Rc::new(family_case(Vec::new())),
        areas: Vec::new(),
        on_action: Callback::noop(),
        onsubmit: Callback::noop(),
        on_focus_out: Callback::noop(),
        on_cancel: Callback::noop(),
        on_discard: Callback::noop(),
    });
    assert!(html.contains("visit-draft-failed"));
    assert!(html.contains("Nie udało się zapisać szkicu"));
    assert!(has_id(&html, "visit-no-plan"));
    assert!(!has_id(&html, "visit-draft-restored"));
}

#[test]
fn the_diary_lists_each_visit_with_its_work_and_intervention() {
    let visit = Visit {
        date: d("2026-03-09"),
        start: chrono::NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
        end: chrono::NaiveTime::from_hms_opt(17, 30, 0).unwrap(),
        place: Place::Other { text: "park miejski".into() },
        form: ContactForm::Accompanying,
        participants: vec![entity(2), entity(9)],
        other_participants: "pedagog szkolny".into(),
        areas: vec!["housing".into()],
        actions_worked: vec![ActionWorked {
            action_id: entity(11),
            note: "Wniosek złożony".into(),
            status: Some(ActionStatus::Done),
        }],
        notes: "Rozmowa o budżecie.".into(),
        next_planned: Some(d("2026-03-16")),
        intervention: Some(Intervention {
            observed: "Ślady pobicia".into(),
            steps: vec![InterventionStep::PoliceCalled],
            at: d("2026-03-09").and_hms_opt(16, 40, 0).unwrap(),
        }),
        planned: None,
        purpose: None,
        travel: None,
    };
    let case = (*case()).clone();
    let html = render::<VisitListView>(move || VisitListProps {
        case: Rc::new(FamilyCase {
            visits: vec![VisitView { id: entity(50), rev: 1, author_name: "Anna Łęcka".into(), visit }],
            ..case
        }),
        areas: default_areas(),
        on_correct: None,
        print: None,
        comments: None,
    });
    assert_eq!(text_of(&html, "visit-count"), "1 wpis");
    for text in [
        "09.03.2026",
        "16:00–17:30",
        "90 min",
        "towarzyszenie w instytucji",
        "park miejski",
        "Anna Nowak, osoba usunięta z rodziny",
        "pedagog szkolny",
        "Sytuacja mieszkaniowa",
        "Wniosek o dodatek mieszkaniowy",
        "zrealizowane",
        "Wniosek złożony",
        "Rozmowa o budżecie.",
        "16.03.2026",
        "Interwencja",
        "o godz. 16:40",
        "Ślady pobicia",
        "wezwano policję",
        "Wpis: Anna Łęcka",
    ] {
        assert!(html.contains(text), "no {text:?} in {html}");
    }
    assert!(html.contains("visit-entry with-intervention"));
    let empty = render::<VisitListView>(|| VisitListProps {
        case: Rc::new(FamilyCase {
            visits: Vec::new(),
            members: Vec::new(),
            plan_versions: Vec::new(),
            ..family_case(Vec::new())
        }),
        areas: Vec::new(),
        on_correct: None,
        print: None,
        comments: None,
    });
    assert!(has_id(&empty, "visits-empty"));
}

#[test]
fn a_correction_sets_the_new_entry_aside_and_gives_it_back() {
    let typed = VisitForm { notes: "Nowy wpis, jeszcze nie zapisany".into(), ..VisitForm::default() };
    let state = reduce(DiaryState::default(), DiaryAction::DraftFound(Box::new(typed.clone())));
    let closed = reduce(state, DiaryAction::Close);
    let recorded = VisitForm { notes: "Wizyta z 9 marca".into(), ..new_form(d("2026-03-09")) };
    let correct = || DiaryAction::Correct { visit_id: entity(40), form: Box::new(recorded.clone()) };
    let correcting = reduce(closed, correct());
    assert!(correcting.open);
    assert_eq!(correcting.form, recorded);
    assert_eq!(correcting.correcting.as_ref().map(|(id, aside)| (*id, aside.as_ref())), Some((entity(40), &typed)));
    assert_eq!(reduce(correcting.clone(), correct()), correcting, "one form at a time");
    let cancelled = reduce(correcting.clone(), DiaryAction::Close);
    assert_eq!((cancelled.open, &cancelled.form, cancelled.correcting.is_none()), (false, &typed, true));
    let done = reduce(reduce(correcting, DiaryAction::Submitted), DiaryAction::Corrected);
    assert_eq!((done.open, done.busy, done.recorded, &done.form), (false, false, true, &typed));
}

#[test]
fn a_planned_visit_opens_as_an_entry_and_its_list_is_read_again_once_saved() {
    let typed = VisitForm { notes: "Nowy wpis".into(), ..VisitForm::default() };
    let state = reduce(DiaryState::default(), DiaryAction::DraftFound(Box::new(typed.clone())));
    let closed = reduce(state, DiaryAction::Close);
    let planned = asysta_core::api::ScheduledVisit {
        id: entity(41),
        family_id: entity(1),
        family_name: "Kowalscy".into(),
        date: d("2026-03-09"),
        time: "16:00".into(),
        place: Place::Home,
        purpose: "Szkoła syna".into(),
        missed: false,
    };
    let writing = reduce(closed, planned::record_action(&planned));
    assert_eq!((writing.open, writing.from_plan.as_deref()), (true, Some("Szkoła syna")));
    assert_eq!((writing.form.date.as_str(), writing.form.start.as_str()), ("2026-03-09", "16:00"));
    assert_eq!(writing.correcting.as_ref().map(|(id, _)| *id), Some(entity(41)), "saved as the planned visit's entry");
    let done = reduce(reduce(writing.clone(), DiaryAction::Submitted), DiaryAction::Corrected);
    assert_eq!((done.entries, done.from_plan.as_deref(), &done.form), (1, None, &typed));
    assert_eq!(reduce(writing, DiaryAction::Close).from_plan, None);

    let html = render::<VisitFormView>(|| VisitFormViewProps {
        form: new_form(d("2026-03-09")),
        errors: Vec::new(),
        form_error: None,
        busy: false,
        draft: DraftStatus::Idle,
        restored: false,
        correcting: true,
        from_plan: Some("Szkoła syna".into()),
        case: Rc::new(family_case(Vec::new())),
        areas: Vec::new(),
        on_action: Callback::noop(),
        onsubmit: Callback::noop(),
        on_focus_out: Callback::noop(),
        on_cancel: Callback::noop(),
        on_discard: Callback::noop(),
    });
    assert_eq!(text_of(&html, "visit-form-title"), "Wpis z zaplanowanej wizyty");
    assert_eq!(text_of(&html, "visit-planned-purpose"), "Cel wizyty: Szkoła syna");
}

#[test]
fn planning_a_visit_keeps_the_form_until_it_is_planned() {
    use planned::{PlannedAction, PlannedState};
    let step = |state: PlannedState, action| (*Rc::new(state).reduce(action)).clone();
    let open = step(PlannedState::default(), PlannedAction::Open);
    assert_eq!((open.open, open.form.place.as_str()), (true, "home"));
    let typed = step(open, PlannedAction::Edit("purpose", "Szkoła".into()));
    let refused = step(typed, PlannedAction::Rejected(vec![FieldError::new("date", FieldErrorCode::Required)]));
    let fixed = step(refused, PlannedAction::Edit("date", "2026-03-10".into()));
    assert!(fixed.errors.is_empty(), "an edit clears its field's error");
    let failed = step(step(fixed, PlannedAction::Submitted), PlannedAction::Failed(ApiError::new(ErrorKind::Storage)));
    assert_eq!(
        (failed.busy, failed.form.purpose.as_str(), failed.form_error),
        (false, "Szkoła", Some(ErrorKind::Storage))
    );
    let planned = step(failed, PlannedAction::Planned);
    assert_eq!((planned.open, planned.form.purpose.as_str(), planned.status), (false, "", Some("plan-visit-planned")));
    assert_eq!(step(planned, PlannedAction::Cancelled).status, Some("plan-visit-cancelled"));
}

#[test]
fn a_correction_shows_no_draft_controls() {
    let html = render::<VisitFormView>(|| VisitFormViewProps {
        form: new_form(d("2026-03-09")),
        errors: Vec::new(),
        form_error: None,
        busy: false,
        draft: DraftStatus::Idle,
        restored: false,
        correcting: true,
        from_plan: None,
        case: Rc::new(family_case(Vec::new())),
        areas: Vec::new(),
        on_action: Callback::noop(),
        onsubmit: Callback::noop(),
        on_focus_out: Callback::noop(),
        on_cancel: Callback::noop(),
        on_discard: Callback::noop(),
    });
    assert_eq!(text_of(&html, "visit-form-title"), "Poprawa wpisu w dzienniku");
    assert!(!has_id(&html, "visit-discard") && !has_id(&html, "visit-draft-status"));
}

/// `count` visits, newest first, every five days back from 30 November.
fn visits_every_five_days(count: i64) -> Vec<VisitView> {
    (0..count)
        .map(|i| {
            let visit = Visit {
                date: d("2026-11-30") - chrono::Duration::days(5 * i),
                start: chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
                end: chrono::NaiveTime::from_hms_opt(11, 0, 0).unwrap(),
                place: Place::Home,
                form: ContactForm::HomeVisit,
                participants: Vec::new(),
                other_participants: String::new(),
                areas: Vec::new(),
                actions_worked: Vec::new(),
                notes: "Wizyta.".into(),
                next_planned: None,
                intervention: None,
                planned: None,
                purpose: None,
                travel: None,
            };
            VisitView {
                id: format!("00000000-0000-0000-0000-{:012}", 1000 + i).parse().unwrap(),
                rev: 1,
                author_name: "Anna".into(),
                visit,
            }
        })
        .collect()
}

#[test]
fn a_long_diary_shows_the_recent_entries_and_the_rest_by_month() {
    use crate::components::visit_list::{older_by_month, RECENT_ENTRIES};
    let case = (*case()).clone();
    let visits = visits_every_five_days(40);
    let months = older_by_month(&visits);
    let keys: Vec<(i32, u32)> = months.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, [(2026, 10), (2026, 9), (2026, 8), (2026, 7), (2026, 6), (2026, 5)]);
    assert_eq!(months.iter().map(|(_, e)| e.len()).sum::<usize>(), 40 - RECENT_ENTRIES);
    let shown = visits.clone();
    let html = render::<VisitListView>(move || VisitListProps {
        case: Rc::new(FamilyCase { visits: shown.clone(), ..case.clone() }),
        areas: default_areas(),
        on_correct: None,
        print: None,
        comments: None,
    });
    assert_eq!(html.matches("class=\"visit-entry").count(), RECENT_ENTRIES, "older months stay folded");
    assert!(html.contains("październik 2026 — 3 wpisy"), "{html}");
    assert!(html.contains("wrzesień 2026 — 6 wpisów"), "{html}");
}

#[test]
fn years_of_diary_list_the_last_twelve_months_and_the_rest_behind_one_button() {
    use crate::components::visit_list::{older_by_month, RECENT_MONTHS};
    let case = (*case()).clone();
    let visits = visits_every_five_days(200);
    let hidden = older_by_month(&visits).len() - RECENT_MONTHS;
    assert_eq!(hidden, 20, "200 visits five days apart: 32 older months");
    let html = render::<VisitListView>(move || VisitListProps {
        case: Rc::new(FamilyCase { visits: visits.clone(), ..case.clone() }),
        areas: default_areas(),
        on_correct: None,
        print: None,
        comments: None,
    });
    assert_eq!(html.matches("class=\"diary-month\"").count(), RECENT_MONTHS, "{html}");
    assert_eq!(text_of(&html, "diary-more-months"), "Pokaż jeszcze 20 wcześniejszych miesięcy");
    assert!(html.contains("aria-expanded=\"false\""), "{html}");
}
