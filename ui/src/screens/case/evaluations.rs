//! The periodic evaluation of the family's situation (okresowa ocena
//! sytuacji rodziny): the evaluations made so far, when the next one is due,
//! and the form of one evaluation.
//!
//! A new evaluation starts prefilled from the period's plan progress and
//! visits ([`prefill`]). A draft is saved (`save_evaluation`) and reopened
//! until it is submitted to the head of the centre (`submit_evaluation`,
//! checked whole first with `Completeness::ForSubmission`); from then on it
//! is read-only, and a correction is its next version
//! (`correct_evaluation`). At a centre a submitted evaluation is accepted
//! or returned with a note (`decide_evaluation`), the only change a centre
//! makes to a case.
//!
//! Field names follow `validate_evaluation` (`areas[0].rating`,
//! `goals[1].outcome`); each input's id is the name through [`input_id`],
//! so errors, local or from the shell, are shown next to their inputs.

pub mod form;
pub mod list;
pub mod prefill;

use crate::components::field::dom_id;
use crate::i18n::use_i18n;
use crate::ipc;
use crate::screens::draft::{DraftStatus, FormDraftSaver};
use crate::screens::form::{submit, submit_case_form, FormSteps};
use crate::screens::split_api_error;
use asysta_core::api::{ApiError, DraftKind, ErrorKind, FamilyCase};
use asysta_core::evaluation::{
    due_state, validate_evaluation, AreaRatingForm, Completeness, DueState, EvaluationForm, EvaluationStatus,
    EvaluationView, RatingLevel, REMINDER_DAYS,
};
use asysta_core::plan::PlanArea;
use asysta_core::{EntityId, FieldError, FieldErrorCode};
use asysta_i18n::Arg;
use chrono::NaiveDate;
use form::EvaluationFormView;
use list::EvaluationList;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// A field of the evaluation as a whole (the areas and goals aside).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvaluationField {
    PeriodFrom,
    PeriodTo,
    FamilyView,
    ChildRisks,
    Cooperation,
    CooperationComment,
    Recommendation,
    RecommendationNote,
}

impl EvaluationField {
    pub const ALL: [EvaluationField; 8] = [
        EvaluationField::PeriodFrom,
        EvaluationField::PeriodTo,
        EvaluationField::FamilyView,
        EvaluationField::ChildRisks,
        EvaluationField::Cooperation,
        EvaluationField::CooperationComment,
        EvaluationField::Recommendation,
        EvaluationField::RecommendationNote,
    ];

    /// The name `validate_evaluation` reports the field under.
    pub fn name(self) -> &'static str {
        match self {
            EvaluationField::PeriodFrom => "period_from",
            EvaluationField::PeriodTo => "period_to",
            EvaluationField::FamilyView => "family_view",
            EvaluationField::ChildRisks => "child_risks",
            EvaluationField::Cooperation => "cooperation",
            EvaluationField::CooperationComment => "cooperation_comment",
            EvaluationField::Recommendation => "recommendation",
            EvaluationField::RecommendationNote => "recommendation_note",
        }
    }

    /// Its label's message, e.g. `evaluation-field-family-view`.
    pub fn label_id(self) -> String {
        format!("evaluation-field-{}", self.name().replace('_', "-"))
    }

    pub fn value(self, form: &EvaluationForm) -> &str {
        match self {
            EvaluationField::PeriodFrom => &form.period_from,
            EvaluationField::PeriodTo => &form.period_to,
            EvaluationField::FamilyView => &form.family_view,
            EvaluationField::ChildRisks => &form.child_risks,
            EvaluationField::Cooperation => &form.cooperation,
            EvaluationField::CooperationComment => &form.cooperation_comment,
            EvaluationField::Recommendation => &form.recommendation,
            EvaluationField::RecommendationNote => &form.recommendation_note,
        }
    }

    fn value_mut(self, form: &mut EvaluationForm) -> &mut String {
        match self {
            EvaluationField::PeriodFrom => &mut form.period_from,
            EvaluationField::PeriodTo => &mut form.period_to,
            EvaluationField::FamilyView => &mut form.family_view,
            EvaluationField::ChildRisks => &mut form.child_risks,
            EvaluationField::Cooperation => &mut form.cooperation,
            EvaluationField::CooperationComment => &mut form.cooperation_comment,
            EvaluationField::Recommendation => &mut form.recommendation,
            EvaluationField::RecommendationNote => &mut form.recommendation_note,
        }
    }
}

/// A field of one area's rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AreaField {
    Rating,
    Comment,
}

/// A field of one goal's review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalField {
    Outcome,
    Comment,
}

impl AreaField {
    /// `areas[<index>].rating`, as `validate_evaluation` names it.
    pub fn path(self, index: usize) -> String {
        match self {
            AreaField::Rating => format!("areas[{index}].rating"),
            AreaField::Comment => format!("areas[{index}].comment"),
        }
    }
}

impl GoalField {
    /// `goals[<index>].outcome`, as `validate_evaluation` names it.
    pub fn path(self, index: usize) -> String {
        match self {
            GoalField::Outcome => format!("goals[{index}].outcome"),
            GoalField::Comment => format!("goals[{index}].comment"),
        }
    }
}

/// `areas[<index>].area`: the area itself, refused when it is not on the
/// centre's list (any more).
pub fn area_path(index: usize) -> String {
    format!("areas[{index}].area")
}

/// `goals[<index>].goal_id`: the goal itself, refused when no version of
/// the plan has it.
pub fn goal_path(index: usize) -> String {
    format!("goals[{index}].goal_id")
}

/// The name of the head of the centre's note in `decide_evaluation`'s errors.
pub const NOTE_FIELD: &str = "note";

/// The DOM id of the input for a field: [`dom_id`] behind `evaluation_`
/// (`evaluation_family_view`, `evaluation_areas_0__rating`), as the case
/// screen has other inputs named `notes` or `date`. Its error is shown in
/// `error-<id>`.
pub fn input_id(field: &str) -> String {
    format!("evaluation_{}", dom_id(field))
}

/// The names of every field the form shows for `form` (for the shell's
/// errors).
pub fn shown_fields(form: &EvaluationForm) -> Vec<String> {
    let mut names: Vec<String> = EvaluationField::ALL.iter().map(|f| f.name().to_owned()).collect();
    for index in 0..form.areas.len() {
        names.extend([AreaField::Rating, AreaField::Comment].map(|f| f.path(index)));
        names.push(area_path(index));
    }
    for index in 0..form.goals.len() {
        names.extend([GoalField::Outcome, GoalField::Comment].map(|f| f.path(index)));
        names.push(goal_path(index));
    }
    names.push(NOTE_FIELD.to_owned());
    names
}

/// Which evaluation the form shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// A new evaluation, not saved yet.
    New,
    /// A saved draft, being edited.
    Draft(EntityId),
    /// A submitted (or decided) evaluation, or any one at a centre:
    /// read-only.
    View(EntityId),
}

impl Opened {
    /// The saved evaluation the form shows, if any.
    pub fn id(self) -> Option<EntityId> {
        match self {
            Opened::New => None,
            Opened::Draft(id) | Opened::View(id) => Some(id),
        }
    }

    pub fn is_editable(self) -> bool {
        !matches!(self, Opened::View(_))
    }

    /// How `evaluation` opens: a draft is edited where the case may be
    /// changed; anything else is only read.
    pub fn of(evaluation: &EvaluationView, can_edit: bool) -> Opened {
        if can_edit && evaluation.status.is_editable() {
            Opened::Draft(evaluation.id)
        } else {
            Opened::View(evaluation.id)
        }
    }
}

/// The section's form and where its saving stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvaluationsState {
    /// The evaluation the form shows; `None` when the form is closed.
    pub open: Option<Opened>,
    pub form: EvaluationForm,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    /// A command is under way.
    pub busy: bool,
    /// The message of what was just done ("Zapisano szkic oceny.").
    pub done: Option<&'static str>,
    /// The head of the centre's note on a decision.
    pub decision_note: String,
    /// Edits of the form since it opened (each is kept as a draft).
    pub edits: u32,
    /// Where the saving of the form's draft stands.
    pub draft: DraftStatus,
    /// The form was brought back from a draft left unsaved.
    pub restored: bool,
}

impl EvaluationsState {
    /// The key of the open form's draft: the evaluation, or its family for
    /// one not saved yet; `None` when no editable form is open.
    pub fn draft_key(&self, family_id: EntityId) -> Option<EntityId> {
        self.open.filter(|o| o.is_editable()).map(|o| o.id().unwrap_or(family_id))
    }
}

pub enum EvaluationsAction {
    /// The form shows an evaluation: a new one, a draft, or one to read.
    Open {
        opened: Opened,
        form: Box<EvaluationForm>,
    },
    /// A final evaluation is asked for (before closing the work): the form
    /// open for editing becomes final; otherwise the family's final draft
    /// opens, or else `new_form`.
    OpenFinal {
        draft: Option<(EntityId, Box<EvaluationForm>)>,
        new_form: Box<EvaluationForm>,
    },
    Close,
    Edit(EvaluationField, String),
    SetFinal(bool),
    EditArea(usize, AreaField, String),
    EditGoal(usize, GoalField, String),
    /// Adds the plan area with this key (not rated yet).
    AddArea(String),
    RemoveArea(usize),
    EditDecisionNote(String),
    Rejected(Vec<FieldError>),
    Submitted,
    Failed(ApiError),
    /// A command succeeded: the form closes and `message` says what was done.
    Done(&'static str),
    /// A correction was begun: its new draft opens.
    Corrected {
        id: EntityId,
        form: Box<EvaluationForm>,
    },
    /// A form typed before and not saved (the app was closed or killed)
    /// comes back from its draft.
    DraftRestored(Box<EvaluationForm>),
    /// How the last save of the draft went.
    Draft(DraftStatus),
}

impl FormSteps for EvaluationsAction {
    fn rejected(errors: Vec<FieldError>) -> Self {
        EvaluationsAction::Rejected(errors)
    }
    fn submitted() -> Self {
        EvaluationsAction::Submitted
    }
    fn failed(error: ApiError) -> Self {
        EvaluationsAction::Failed(error)
    }
    fn input_id(field: &str) -> String {
        input_id(field)
    }
}

impl Reducible for EvaluationsState {
    type Action = EvaluationsAction;

    fn reduce(self: Rc<Self>, action: EvaluationsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            EvaluationsAction::Open { opened, form } => {
                if next.busy {
                    return self;
                }
                next = EvaluationsState { open: Some(opened), form: *form, ..EvaluationsState::default() };
            }
            EvaluationsAction::OpenFinal { draft, new_form } => {
                if next.busy {
                    return self;
                }
                match (next.open, draft) {
                    (Some(opened), _) if opened.is_editable() => {
                        next.form.is_final = true;
                        if next.form.recommendation.is_empty() {
                            next.form.recommendation = new_form.recommendation;
                        }
                        next.done = None;
                    }
                    (_, Some((id, form))) => {
                        next = EvaluationsState {
                            open: Some(Opened::Draft(id)),
                            form: EvaluationForm { is_final: true, ..*form },
                            ..EvaluationsState::default()
                        };
                    }
                    (_, None) => {
                        next = EvaluationsState { open: Some(Opened::New), form: *new_form, ..Default::default() };
                    }
                }
            }
            EvaluationsAction::Close => next = EvaluationsState::default(),
            EvaluationsAction::DraftRestored(form) => {
                if !next.open.is_some_and(Opened::is_editable) || next.busy || next.edits > 0 {
                    return self;
                }
                next.form = *form;
                next.restored = true;
            }
            EvaluationsAction::Draft(status) => next.draft = status,
            EvaluationsAction::EditDecisionNote(note) => {
                next.decision_note = note;
                next.errors.retain(|e| e.field != NOTE_FIELD);
            }
            EvaluationsAction::Rejected(errors) => {
                next.errors = errors;
                next.form_error = None;
            }
            EvaluationsAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.form_error = None;
                next.done = None;
            }
            EvaluationsAction::Failed(error) => {
                next.busy = false;
                let shown = shown_fields(&next.form);
                let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
                (next.errors, next.form_error) = split_api_error(error, &shown);
            }
            EvaluationsAction::Done(message) => {
                next = EvaluationsState { done: Some(message), ..EvaluationsState::default() };
            }
            EvaluationsAction::Corrected { id, form } => {
                next = EvaluationsState {
                    open: Some(Opened::Draft(id)),
                    form: *form,
                    done: Some("evaluation-correcting"),
                    ..EvaluationsState::default()
                };
            }
            edit => {
                if !next.open.is_some_and(Opened::is_editable) || !apply_edit(&mut next, edit) {
                    return self;
                }
                next.done = None;
                next.edits += 1;
            }
        }
        Rc::new(next)
    }
}

/// Applies an edit of the form; `false` when it changed nothing (an index
/// out of range, an area already there). The edited field's errors go;
/// removing an area renumbers the ones after it, so their errors go too.
fn apply_edit(state: &mut EvaluationsState, edit: EvaluationsAction) -> bool {
    let (form, errors) = (&mut state.form, &mut state.errors);
    match edit {
        EvaluationsAction::Edit(field, value) => {
            *field.value_mut(form) = value;
            errors.retain(|e| e.field != field.name());
        }
        EvaluationsAction::SetFinal(on) => form.is_final = on,
        EvaluationsAction::EditArea(index, field, value) => {
            let Some(area) = form.areas.get_mut(index) else { return false };
            match field {
                AreaField::Rating => area.rating = value,
                AreaField::Comment => area.comment = value,
            }
            let path = field.path(index);
            errors.retain(|e| e.field != path);
        }
        EvaluationsAction::EditGoal(index, field, value) => {
            let Some(goal) = form.goals.get_mut(index) else { return false };
            match field {
                GoalField::Outcome => goal.outcome = value,
                GoalField::Comment => goal.comment = value,
            }
            let path = field.path(index);
            errors.retain(|e| e.field != path);
        }
        EvaluationsAction::AddArea(key) => {
            if key.is_empty() || form.areas.iter().any(|a| a.area == key) {
                return false;
            }
            form.areas.push(AreaRatingForm { area: key, ..AreaRatingForm::default() });
        }
        EvaluationsAction::RemoveArea(index) => {
            if index >= form.areas.len() {
                return false;
            }
            form.areas.remove(index);
            errors.retain(|e| !e.field.starts_with("areas["));
        }
        _ => return false,
    }
    true
}

/// The evaluation that a correction of `corrected` began.
pub fn correction_of(evaluations: &[EvaluationView], corrected: EntityId) -> Option<&EvaluationView> {
    evaluations.iter().find(|e| e.corrects == Some(corrected))
}

/// The family's final evaluation still in draft, if there is one (it is
/// finished rather than a second one begun).
pub fn final_draft(evaluations: &[EvaluationView]) -> Option<&EvaluationView> {
    evaluations
        .iter()
        .rev()
        .find(|e| e.evaluation.is_final && e.status == EvaluationStatus::Draft && e.corrected_by.is_none())
}

/// Checks the form as the shell will: whole for submission, or as a draft.
pub fn check(
    form: &EvaluationForm,
    case: &FamilyCase,
    areas: &[PlanArea],
    scale: &[RatingLevel],
    today: NaiveDate,
    completeness: Completeness,
) -> Result<(), Vec<FieldError>> {
    let goal_ids: Vec<EntityId> = case.plan_versions.iter().flat_map(|v| v.goals.iter().map(|g| g.id)).collect();
    validate_evaluation(form, areas, scale, &goal_ids, today, completeness).map(drop)
}

/// The head of the centre's note: required when the evaluation is returned.
pub fn check_decision(accept: bool, note: &str) -> Result<(), Vec<FieldError>> {
    if !accept && note.trim().is_empty() {
        Err(vec![FieldError::new(NOTE_FIELD, FieldErrorCode::Required)])
    } else {
        Ok(())
    }
}

/// A command that answers with the case (saving or submitting).
type CaseCommand = std::pin::Pin<Box<dyn std::future::Future<Output = Result<FamilyCase, ApiError>>>>;

#[derive(Properties, PartialEq)]
pub struct EvaluationsSectionProps {
    pub family_id: EntityId,
    pub case: Rc<FamilyCase>,
    /// The centre's plan areas (empty until read; a new evaluation waits
    /// for them and for the scale).
    pub areas: Rc<Vec<PlanArea>>,
    /// The centre's rating scale; `None` until read.
    pub scale: Option<Rc<Vec<RatingLevel>>>,
    /// Whether evaluations may be written (the assistant's own case, not
    /// archived).
    pub can_edit: bool,
    /// Whether submitted evaluations may be accepted or returned (a centre).
    pub can_decide: bool,
    /// Bumped to ask for the final evaluation (from the closing form).
    #[prop_or_default]
    pub final_request: u32,
    pub today: NaiveDate,
    pub on_case: Callback<FamilyCase>,
    pub on_locked: Callback<()>,
}

#[component]
pub fn EvaluationsSection(props: &EvaluationsSectionProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(EvaluationsState::default);
    let case = props.case.clone();
    let scale = props.scale.clone().unwrap_or_default();

    let new_form = {
        let (i18n, case, areas, today) = (i18n.clone(), case.clone(), props.areas.clone(), props.today);
        move |is_final: bool| Box::new(prefill::new_form(&case, &areas, today, is_final, &i18n))
    };
    {
        // The closing form asks for a final evaluation.
        let dispatcher = state.dispatcher();
        let case = case.clone();
        let new_form = new_form.clone();
        use_effect_with(props.final_request, move |&request| {
            if request > 0 {
                let draft = final_draft(&case.evaluations)
                    .map(|e| (e.id, Box::new(EvaluationForm::from_evaluation(&e.evaluation))));
                dispatcher.dispatch(EvaluationsAction::OpenFinal { draft, new_form: new_form(true) });
                // A form already open keeps its fields: take the reader there
                // (a form that opens now focuses its first field itself).
                crate::dom::focus(&input_id(EvaluationField::PeriodFrom.name()));
            }
        });
    }

    // Every edit is kept as a draft: a crash or a killed app loses no word
    // of an evaluation being written.
    let saver = {
        let dispatcher = state.dispatcher();
        let (family_id, on_locked) = (props.family_id, props.on_locked.clone());
        use_memo(family_id, move |&family_id| {
            let on_status = Callback::from(move |status| dispatcher.dispatch(EvaluationsAction::Draft(status)));
            FormDraftSaver::<EvaluationForm>::new(DraftKind::Evaluation, family_id, on_status, on_locked)
        })
    };
    {
        let saver = saver.clone();
        let key = state.draft_key(props.family_id);
        let form = state.form.clone();
        use_effect_with((state.edits, key), move |&(edits, key)| {
            if let (true, Some(key)) = (edits > 0, key) {
                saver.edited(key, form);
            }
        });
    }
    // An editable form that opens takes back a draft left unsaved.
    let restore = {
        let dispatcher = state.dispatcher();
        let on_locked = props.on_locked.clone();
        move |key: EntityId, opened_with: EvaluationForm| {
            let (dispatcher, on_locked) = (dispatcher.clone(), on_locked.clone());
            spawn_local(async move {
                match ipc::form_draft(DraftKind::Evaluation, key).await {
                    Ok(Some(draft)) => {
                        if let Ok(form) = serde_json::from_value::<EvaluationForm>(draft.form) {
                            if form != opened_with {
                                dispatcher.dispatch(EvaluationsAction::DraftRestored(Box::new(form)));
                            }
                        }
                    }
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    // The form as saved is shown; a draft that cannot be
                    // read is not worth a refusal.
                    Ok(None) | Err(_) => {}
                }
            });
        }
    };
    let on_new = {
        let dispatcher = state.dispatcher();
        let new_form = new_form.clone();
        let (restore, family_id) = (restore.clone(), props.family_id);
        Callback::from(move |_: MouseEvent| {
            let form = new_form(false);
            restore(family_id, (*form).clone());
            dispatcher.dispatch(EvaluationsAction::Open { opened: Opened::New, form });
        })
    };
    let on_open = {
        let dispatcher = state.dispatcher();
        let case = case.clone();
        let can_edit = props.can_edit;
        Callback::from(move |id: EntityId| {
            if let Some(e) = case.evaluations.iter().find(|e| e.id == id) {
                let form = Box::new(EvaluationForm::from_evaluation(&e.evaluation));
                let opened = Opened::of(e, can_edit);
                if opened.is_editable() {
                    restore(id, (*form).clone());
                }
                dispatcher.dispatch(EvaluationsAction::Open { opened, form });
            }
        })
    };
    let send = {
        let state = state.clone();
        let saver = saver.clone();
        let family_id = props.family_id;
        let (case, areas, today) = (case.clone(), props.areas.clone(), props.today);
        let scale = scale.clone();
        let on_case = props.on_case.clone();
        let on_locked = props.on_locked.clone();
        Callback::from(move |whole: bool| {
            let Some(opened) = state.open.filter(|o| o.is_editable() && !state.busy) else { return };
            // The shell discards the draft with the save: an older draft on
            // its way must not bring it back.
            saver.settle();
            let form = state.form.clone();
            let completeness = if whole { Completeness::ForSubmission } else { Completeness::Draft };
            let checked = check(&form, &case, &areas, &scale, today, completeness);
            let id = opened.id();
            let (command, done): (CaseCommand, _) = if whole {
                (Box::pin(async move { ipc::submit_evaluation(family_id, id, &form).await }), "evaluation-submitted")
            } else {
                (Box::pin(async move { ipc::save_evaluation(family_id, id, &form).await }), "evaluation-saved")
            };
            let done = EvaluationsAction::Done(done);
            submit_case_form(state.dispatcher(), checked, command, on_locked.clone(), on_case.clone(), done);
        })
    };
    let on_save = send.reform(|()| false);
    let on_submit = send.reform(|()| true);
    let on_correct = {
        let state = state.clone();
        let on_case = props.on_case.clone();
        let on_locked = props.on_locked.clone();
        Callback::from(move |id: EntityId| {
            if state.busy {
                return;
            }
            let on_case = on_case.clone();
            let command = async move { ipc::correct_evaluation(id).await };
            submit(state.dispatcher(), Ok(()), command, on_locked.clone(), move |case: FamilyCase, dispatcher| {
                match correction_of(&case.evaluations, id) {
                    Some(draft) => dispatcher.dispatch(EvaluationsAction::Corrected {
                        id: draft.id,
                        form: Box::new(EvaluationForm::from_evaluation(&draft.evaluation)),
                    }),
                    None => dispatcher.dispatch(EvaluationsAction::Close),
                }
                on_case.emit(case);
            });
        })
    };
    let on_decide = {
        let state = state.clone();
        let on_case = props.on_case.clone();
        let on_locked = props.on_locked.clone();
        Callback::from(move |accept: bool| {
            let Some(Opened::View(id)) = state.open.filter(|_| !state.busy) else { return };
            let note = state.decision_note.clone();
            let checked = check_decision(accept, &note);
            let command = async move { ipc::decide_evaluation(id, accept, &note).await };
            let done = EvaluationsAction::Done(if accept { "evaluation-accepted" } else { "evaluation-returned" });
            submit_case_form(state.dispatcher(), checked, command, on_locked.clone(), on_case.clone(), done);
        })
    };

    let next_due = case.next_evaluation_due.map(|due| {
        let (class, badge) = match due_state(due, props.today, REMINDER_DAYS) {
            DueState::Overdue { days_over, .. } => {
                (Some("due-overdue"), Some(i18n.tr_args("due-overdue", &[("days", Arg::Num(days_over as f64))])))
            }
            DueState::DueSoon { days_left: 0, .. } => (Some("due-soon"), Some(i18n.tr("due-today"))),
            DueState::DueSoon { days_left, .. } => {
                (Some("due-soon"), Some(i18n.tr_args("due-in-days", &[("days", Arg::Num(days_left as f64))])))
            }
            DueState::Later { .. } => (None, None),
        };
        html! {
            <p id="evaluation-next-due" class={classes!("evaluation-next-due", class)}>
                { i18n.tr_args("evaluation-next-due", &[("date", Arg::Str(&i18n.date(due)))]) }
                if let Some(badge) = badge {
                    { " " }<span class="badge">{ badge }</span>
                }
            </p>
        }
    });
    let viewed = state.open.and_then(Opened::id).and_then(|id| case.evaluations.iter().find(|e| e.id == id).cloned());
    let form = state.open.map(|opened| {
        html! {
            <EvaluationFormView
                {opened}
                evaluation={viewed.map(Rc::new)}
                form={state.form.clone()}
                errors={state.errors.clone()}
                form_error={state.form_error}
                busy={state.busy}
                areas={props.areas.clone()}
                scale={scale.clone()}
                can_decide={props.can_decide}
                decision_note={state.decision_note.clone()}
                draft={state.draft}
                restored={state.restored}
                on_action={state.dispatcher().to_callback()}
                {on_save}
                {on_submit}
                {on_decide}
            />
        }
    });

    html! {
        <section id="evaluations" class="panel" aria-labelledby="evaluations-title">
            <div class="panel-header">
                <h3 id="evaluations-title">{ i18n.tr("evaluations-title") }</h3>
                if props.can_edit && state.open.is_none() {
                    <div class="actions">
                        <button
                            type="button"
                            id="evaluation-new"
                            class="primary"
                            disabled={props.scale.is_none() || props.areas.is_empty()}
                            onclick={on_new}
                        >
                            { i18n.tr("evaluation-new") }
                        </button>
                    </div>
                }
            </div>
            { for next_due }
            <div class="status-region" aria-live="polite">
                if let Some(message) = state.done {
                    <p id="evaluation-status" class="status">{ i18n.tr(message) }</p>
                }
            </div>
            if state.open.is_none() {
                if let Some(kind) = state.form_error {
                    <p id="evaluation-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
                }
            }
            <EvaluationList
                evaluations={Rc::new(case.evaluations.clone())}
                can_correct={props.can_edit}
                busy={state.busy}
                {on_open}
                {on_correct}
            />
            { for form }
        </section>
    }
}

#[cfg(test)]
mod tests;
