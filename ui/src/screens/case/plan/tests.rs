use super::*;
use crate::components::plan_diff::diff_entries;
use crate::i18n::I18n;
use crate::test_support::{entity, family_case, has_id, member, render, text_of};
use asysta_core::api::MemberView;
use asysta_core::member::Relation;
use asysta_core::plan::{default_areas, ActionStatus, Actor, PlanAction as Action, PlanGoal, ProgressNote};
use asysta_core::FieldErrorCode;
use asysta_i18n::{Locale, Translator};
use chrono::NaiveDate;

fn reduce(state: PlanState, action: PlanAction) -> PlanState {
    (*Rc::new(state).reduce(action)).clone()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

fn error(field: &str) -> FieldError {
    FieldError::new(field, FieldErrorCode::Required)
}

fn members() -> Vec<MemberView> {
    vec![member(2, "Anna", "Wiśniewska", Relation::Parent, None)]
}

/// Version 1: one housing goal with an application (deadline 1 March, the
/// mother acts) and a talk with the landlord (the assistant acts).
fn version_1() -> PlanVersion {
    let action = |n: u8, what: &str, who: Actor, deadline: Option<NaiveDate>| Action {
        id: entity(n),
        what: what.into(),
        who,
        deadline,
        expected_effect: "Rodzina utrzymuje mieszkanie".into(),
        status: ActionStatus::Planned,
    };
    PlanVersion {
        number: 1,
        agreed_with_family_on: Some(d("2026-01-10")),
        consultation: None,
        goals: vec![PlanGoal {
            id: entity(10),
            area: "housing".into(),
            goal: "Utrzymanie mieszkania".into(),
            actions: vec![
                action(
                    11,
                    "Wniosek o dodatek mieszkaniowy",
                    Actor::Member { member_id: entity(2) },
                    Some(d("2026-03-01")),
                ),
                action(12, "Rozmowa z zarządcą", Actor::Assistant, None),
            ],
        }],
    }
}

/// Version 2: the application's deadline moved and the mother is helped by
/// the assistant; the talk is gone; a budget action is new.
fn version_2() -> PlanVersion {
    let mut v = version_1();
    v.number = 2;
    let goal = &mut v.goals[0];
    goal.actions[0].deadline = Some(d("2026-04-15"));
    goal.actions[0].who = Actor::Assistant;
    goal.actions.remove(1);
    goal.actions.push(Action {
        id: entity(13),
        what: "Zeszyt wydatków".into(),
        who: Actor::Institution { name: "Fundacja Dom".into() },
        deadline: None,
        expected_effect: "Rodzina zna swoje wydatki".into(),
        status: ActionStatus::InProgress,
    });
    v
}

fn editing(form: PlanVersionForm) -> PlanState {
    reduce(PlanState::default(), PlanAction::Edit(form))
}

#[test]
fn the_first_plan_starts_with_one_goal_and_one_planned_action() {
    let form = next_version_form(&[]);
    assert_eq!(form.goals.len(), 1);
    assert_eq!(form.goals[0].actions, vec![PlanActionForm { status: "planned".into(), ..Default::default() }]);
}

#[test]
fn the_next_version_keeps_ids_and_asks_for_new_dates() {
    let form = next_version_form(&[version_1()]);
    assert_eq!(form.goals[0].id, Some(entity(10)));
    assert_eq!(form.goals[0].actions[1].id, Some(entity(12)));
    assert_eq!(form.goals[0].actions[0].who_member_id, entity(2).to_string());
    assert_eq!(form.agreed_with_family_on, "", "the new version is agreed anew");
}

#[test]
fn editing_a_field_clears_its_error_and_choosing_who_clears_the_actors() {
    let mut state = editing(next_version_form(&[]));
    state.errors = vec![
        error("goals[0].area"),
        error("goals[0].actions[0].who"),
        error("goals[0].actions[0].who_institution"),
        error("goals[0].actions[0].what"),
        error("consultation_social_worker"),
    ];
    let state = reduce(state, PlanAction::SetGoal(0, GoalField::Area, "housing".into()));
    let state = reduce(state, PlanAction::SetAction(0, 0, ActionField::Who, "member".into()));
    let state = reduce(state, PlanAction::SetPlan(PlanField::ConsultationDate, "2026-02-01".into()));
    assert_eq!(fields(&state.errors), ["goals[0].actions[0].what"]);
    let form = state.editor.as_ref().unwrap();
    assert_eq!((form.goals[0].area.as_str(), form.goals[0].actions[0].who.as_str()), ("housing", "member"));
    assert_eq!(form.consultation_date, "2026-02-01");
}

#[test]
fn goals_and_actions_are_added_and_removed_and_renumbered_errors_go() {
    let mut state = editing(next_version_form(&[version_1()]));
    state.errors = vec![error("goals"), error("goals[0].actions[1].what"), error("agreed_with_family_on")];
    let state = reduce(state, PlanAction::AddGoal);
    assert_eq!(state.editor.as_ref().unwrap().goals.len(), 2);
    assert_eq!(fields(&state.errors), ["goals[0].actions[1].what", "agreed_with_family_on"]);
    let state = reduce(state, PlanAction::RemoveAction(0, 0));
    assert_eq!(state.editor.as_ref().unwrap().goals[0].actions.len(), 1);
    assert_eq!(fields(&state.errors), ["agreed_with_family_on"], "the action after it moved up");
    let state = reduce(state, PlanAction::AddAction(1));
    assert_eq!(state.editor.as_ref().unwrap().goals[1].actions.len(), 2);
    let state = reduce(state, PlanAction::RemoveGoal(0));
    assert_eq!(state.editor.as_ref().unwrap().goals.len(), 1);
    let unchanged = reduce(state.clone(), PlanAction::RemoveAction(5, 0));
    assert_eq!(unchanged, state, "an edit out of range changes nothing");
}

#[test]
fn a_refusal_from_the_shell_lands_next_to_its_field() {
    let state = reduce(editing(next_version_form(&[version_1()])), PlanAction::Submitted);
    assert!(state.busy);
    let refused = ApiError::invalid(vec![error("goals[0].actions[1].expected_effect")]);
    let state = reduce(state, PlanAction::Failed(refused));
    assert_eq!((state.busy, state.form_error), (false, None));
    assert_eq!(fields(&state.errors), ["goals[0].actions[1].expected_effect"]);
    let saved = reduce(state, PlanAction::Saved(2));
    assert_eq!(saved, PlanState { saved: Some(2), ..PlanState::default() });
}

#[test]
fn inputs_are_named_after_their_fields() {
    assert_eq!(input_id("goals[0].actions[1].what"), "plan_goals_0__actions_1__what");
    assert_eq!(label_id("who_member_id"), "plan-field-who-member-id");
    assert_eq!(<PlanAction as FormSteps>::input_id("consultation_date"), "plan_consultation_date");
}

#[test]
fn the_comparison_names_each_change_with_old_and_new_values() {
    let i18n = I18n::new(Rc::new(Translator::new(Locale::Pl)), Callback::noop());
    let entries = diff_entries(&i18n, &version_1(), &version_2(), &members(), &default_areas());
    let kinds: Vec<&str> = entries.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, ["action-changed", "action-added", "action-removed"]);
    assert_eq!(entries[0].subject, "Wniosek o dodatek mieszkaniowy");
    let changes: Vec<(&str, &str, &str)> =
        entries[0].changes.iter().map(|(l, o, n)| (l.as_str(), o.as_str(), n.as_str())).collect();
    assert_eq!(
        changes,
        [("Kto realizuje", "Anna Wiśniewska", "asystent rodziny"), ("Termin", "01.03.2026", "15.04.2026")]
    );
    assert_eq!((entries[1].subject.as_str(), entries[2].subject.as_str()), ("Zeszyt wydatków", "Rozmowa z zarządcą"));
    assert!(diff_entries(&i18n, &version_1(), &version_1(), &members(), &default_areas()).is_empty());
}

fn section(versions: Vec<PlanVersion>, notes: Vec<ProgressNote>) -> String {
    render::<PlanSection>(move || {
        let mut case = family_case(members());
        case.plan_versions = versions;
        case.progress_notes = notes;
        PlanSectionProps {
            family_id: entity(1),
            case: Rc::new(case),
            areas: Rc::new(default_areas()),
            can_submit: true,
            can_decide: false,
            on_case: Callback::noop(),
            on_locked: Callback::noop(),
        }
    })
}

#[test]
fn without_a_plan_the_section_offers_to_draw_one_up() {
    let html = section(Vec::new(), Vec::new());
    assert_eq!(text_of(&html, "plan-empty"), "Nie ma jeszcze planu pracy z tą rodziną.");
    assert_eq!(text_of(&html, "plan-new-version"), "Sporządź plan");
    assert!(!has_id(&html, "plan-compare"));
}

#[test]
fn the_version_in_force_shows_current_statuses_names_and_areas() {
    let note = ProgressNote {
        action_id: entity(11),
        date: d("2026-02-01"),
        note: "Złożony".into(),
        status: Some(ActionStatus::Done),
    };
    let html = section(vec![version_1(), version_2()], vec![note]);
    assert_eq!(text_of(&html, "plan-version-number"), "Wersja 2");
    assert_eq!(text_of(&html, "plan-new-version"), "Nowa wersja planu");
    assert!(has_id(&html, "plan-compare") && has_id(&html, "plan-version-select"));
    assert!(html.contains(">Sytuacja mieszkaniowa</span>"), "the area by its name: {html}");
    assert!(html.contains(">Fundacja Dom</td>"));
    assert!(html.contains("class=\"plan-action-status\">zrealizowane</td>"), "the note's status wins: {html}");
    assert!(html.contains("class=\"plan-action-status\">w trakcie</td>"));
    assert_eq!(text_of(&html, "plan-agreed"), "Uzgodniono z rodziną: 10.01.2026");
    assert!(html.contains("01.02.2026</time>: Złożony (zrealizowane)"), "the action's notes: {html}");
}

#[test]
fn every_message_exists_in_both_languages() {
    for locale in Locale::ALL {
        let translator = Translator::new(locale);
        for id in [
            "plan-empty",
            "plan-create",
            "plan-new-version",
            "plan-editor-title",
            "plan-editor-hint",
            "plan-save",
            "plan-saved",
            "plan-goal-legend",
            "plan-action-legend",
            "plan-add-goal",
            "plan-remove-goal",
            "plan-add-action",
            "plan-remove-action",
            "plan-choose-area",
            "plan-choose-who",
            "plan-choose-member",
            "plan-version-select",
            "plan-agreed-on",
            "plan-not-agreed",
            "plan-consulted",
            "plan-not-consulted",
            "plan-deadline-none",
            "plan-overdue",
            "plan-earlier-version",
            "plan-compare",
            "plan-compare-from",
            "plan-compare-to",
            "plan-compare-close",
            "plan-diff-title",
            "plan-areas-failed",
        ] {
            assert!(translator.has(id), "{id} is missing in {locale}");
        }
    }
}

/// A version drawn up before and not saved comes back into the editor from
/// its draft, unless the assistant has started editing meanwhile.
#[test]
fn an_unsaved_version_comes_back_from_its_draft_unless_editing_began() {
    let blank = PlanVersionForm::default();
    let kept = PlanVersionForm { agreed_with_family_on: "2026-11-20".into(), ..PlanVersionForm::default() };
    let closed = reduce(PlanState::default(), PlanAction::DraftRestored(kept.clone()));
    assert_eq!(closed, PlanState::default(), "no editor is open");
    let open = reduce(PlanState::default(), PlanAction::Edit(blank));
    let restored = reduce(open.clone(), PlanAction::DraftRestored(kept.clone()));
    assert_eq!((restored.editor.as_ref(), restored.restored), (Some(&kept), true));
    let editing = reduce(open, PlanAction::SetPlan(PlanField::AgreedWithFamilyOn, "2026-11-21".into()));
    assert_eq!(editing.edits, 1);
    assert_eq!(reduce(editing.clone(), PlanAction::DraftRestored(kept)), editing);
}
