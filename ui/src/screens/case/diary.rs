//! The visit diary (dziennik wizyt): the family's visits, newest first, and
//! the form of a new entry, which is kept as a draft while it is typed so
//! that nothing is lost (see [`draft`]).
//!
//! Field names follow `validate_visit` (`date`, `actions_worked[0].note`,
//! `intervention_steps`); each input's id is the name through [`input_id`],
//! so an error for any field, local or from the shell, is shown next to its
//! input in `error-<input id>`. The lists (participants, areas, actions,
//! steps) are checkboxes; their errors are shown under the list.

pub mod visit_form;

use crate::clock::{now_ms, today};
use crate::components::field::dom_id;
use crate::components::visit_list::VisitList;
use crate::i18n::use_i18n;
use crate::screens::draft::{DraftSchedule, DraftStatus};
use crate::screens::split_api_error;
use crate::{dom, ipc};
use asysta_core::api::{ApiError, ErrorKind, FamilyCase};
use asysta_core::plan::PlanArea;
use asysta_core::visit::{validate_visit, ActionWorkedForm, InterventionStep, VisitForm};
use asysta_core::{EntityId, FieldError};
use chrono::NaiveDate;
use std::cell::RefCell;
use std::rc::Rc;
use visit_form::VisitFormView;
use yew::platform::spawn_local;
use yew::prelude::*;

/// A text, date, time or choice field of the form (the lists aside).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VisitField {
    Date,
    Start,
    End,
    Place,
    PlaceOther,
    Form,
    OtherParticipants,
    Notes,
    NextPlanned,
    InterventionObserved,
    InterventionTime,
}

impl VisitField {
    pub const ALL: [VisitField; 11] = [
        VisitField::Date,
        VisitField::Start,
        VisitField::End,
        VisitField::Place,
        VisitField::PlaceOther,
        VisitField::Form,
        VisitField::OtherParticipants,
        VisitField::Notes,
        VisitField::NextPlanned,
        VisitField::InterventionObserved,
        VisitField::InterventionTime,
    ];

    /// The name `validate_visit` reports the field under, also its id.
    pub fn name(self) -> &'static str {
        match self {
            VisitField::Date => "date",
            VisitField::Start => "start",
            VisitField::End => "end",
            VisitField::Place => "place",
            VisitField::PlaceOther => "place_other",
            VisitField::Form => "form",
            VisitField::OtherParticipants => "other_participants",
            VisitField::Notes => "notes",
            VisitField::NextPlanned => "next_planned",
            VisitField::InterventionObserved => "intervention_observed",
            VisitField::InterventionTime => "intervention_time",
        }
    }

    pub fn label_id(self) -> &'static str {
        match self {
            VisitField::Date => "visit-field-date",
            VisitField::Start => "visit-field-start",
            VisitField::End => "visit-field-end",
            VisitField::Place => "visit-field-place",
            VisitField::PlaceOther => "visit-field-place-other",
            VisitField::Form => "visit-field-form",
            VisitField::OtherParticipants => "visit-field-other-participants",
            VisitField::Notes => "visit-field-notes",
            VisitField::NextPlanned => "visit-field-next-planned",
            VisitField::InterventionObserved => "visit-field-intervention-observed",
            VisitField::InterventionTime => "visit-field-intervention-time",
        }
    }

    /// The `type` of its input (text boxes and selects aside).
    pub fn input_type(self) -> &'static str {
        match self {
            VisitField::Date | VisitField::NextPlanned => "date",
            VisitField::Start | VisitField::End | VisitField::InterventionTime => "time",
            _ => "text",
        }
    }

    /// Whether the form shows the field: the other place when the place is
    /// "other", the intervention when someone's safety was threatened.
    pub fn shown(self, form: &VisitForm) -> bool {
        match self {
            VisitField::PlaceOther => form.place == "other",
            VisitField::InterventionObserved | VisitField::InterventionTime => form.safety_concern,
            _ => true,
        }
    }

    pub fn value(self, form: &VisitForm) -> &str {
        match self {
            VisitField::Date => &form.date,
            VisitField::Start => &form.start,
            VisitField::End => &form.end,
            VisitField::Place => &form.place,
            VisitField::PlaceOther => &form.place_other,
            VisitField::Form => &form.form,
            VisitField::OtherParticipants => &form.other_participants,
            VisitField::Notes => &form.notes,
            VisitField::NextPlanned => &form.next_planned,
            VisitField::InterventionObserved => &form.intervention_observed,
            VisitField::InterventionTime => &form.intervention_time,
        }
    }

    fn value_mut(self, form: &mut VisitForm) -> &mut String {
        match self {
            VisitField::Date => &mut form.date,
            VisitField::Start => &mut form.start,
            VisitField::End => &mut form.end,
            VisitField::Place => &mut form.place,
            VisitField::PlaceOther => &mut form.place_other,
            VisitField::Form => &mut form.form,
            VisitField::OtherParticipants => &mut form.other_participants,
            VisitField::Notes => &mut form.notes,
            VisitField::NextPlanned => &mut form.next_planned,
            VisitField::InterventionObserved => &mut form.intervention_observed,
            VisitField::InterventionTime => &mut form.intervention_time,
        }
    }
}

/// A list of the form that is ticked item by item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickList {
    Participants,
    Areas,
    InterventionSteps,
}

impl TickList {
    /// The list's name in errors (`participants[1]`, `intervention_steps`).
    pub fn name(self) -> &'static str {
        match self {
            TickList::Participants => "participants",
            TickList::Areas => "areas",
            TickList::InterventionSteps => "intervention_steps",
        }
    }

    /// The id of the checkbox of `value` (a member id, an area key, a step).
    pub fn checkbox_id(self, value: &str) -> String {
        match self {
            TickList::Participants => format!("visit-participant-{value}"),
            TickList::Areas => format!("visit-area-{value}"),
            TickList::InterventionSteps => format!("visit-step-{value}"),
        }
    }

    fn values_mut(self, form: &mut VisitForm) -> &mut Vec<String> {
        match self {
            TickList::Participants => &mut form.participants,
            TickList::Areas => &mut form.areas,
            TickList::InterventionSteps => &mut form.intervention_steps,
        }
    }

    pub fn values(self, form: &VisitForm) -> &[String] {
        match self {
            TickList::Participants => &form.participants,
            TickList::Areas => &form.areas,
            TickList::InterventionSteps => &form.intervention_steps,
        }
    }
}

/// A field of the work on one action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionField {
    Note,
    Status,
}

impl ActionField {
    /// `actions_worked[<index>].note`, as `validate_visit` names it.
    pub fn path(self, index: usize) -> String {
        match self {
            ActionField::Note => format!("actions_worked[{index}].note"),
            ActionField::Status => format!("actions_worked[{index}].status"),
        }
    }

    fn value_mut(self, work: &mut ActionWorkedForm) -> &mut String {
        match self {
            ActionField::Note => &mut work.note,
            ActionField::Status => &mut work.status,
        }
    }
}

/// The DOM id of the input for a field: [`dom_id`] behind `visit_`, as
/// the case screen has other inputs and sections named `notes` or `date`
/// (`visit_notes`, `visit_actions_worked_0__note`). Its error is shown in
/// `error-<id>`.
pub fn input_id(field: &str) -> String {
    format!("visit_{}", dom_id(field))
}

/// The id of the checkbox that ticks the plan action `action_id`.
pub fn action_checkbox_id(action_id: &str) -> String {
    format!("visit-action-{action_id}")
}

/// A new entry: today's home visit, the most common contact.
pub fn new_form(today: NaiveDate) -> VisitForm {
    VisitForm { date: today.to_string(), place: "home".into(), form: "home_visit".into(), ..VisitForm::default() }
}

/// The names of every field the form shows now, list items included.
pub fn shown_fields(form: &VisitForm) -> Vec<String> {
    let mut names: Vec<String> =
        VisitField::ALL.iter().filter(|f| f.shown(form)).map(|f| f.name().to_owned()).collect();
    for list in [TickList::Participants, TickList::Areas, TickList::InterventionSteps] {
        if list == TickList::InterventionSteps && !form.safety_concern {
            continue;
        }
        names.push(list.name().to_owned());
        names.extend((0..list.values(form).len()).map(|i| format!("{}[{i}]", list.name())));
    }
    // An unknown action (gone from the plan) has no checkbox: its error is
    // shown for the whole form.
    for index in 0..form.actions_worked.len() {
        names.extend([ActionField::Note, ActionField::Status].map(|f| f.path(index)));
    }
    names
}

/// The id of the element to focus for an error on `field`: the input of a
/// field, the checkbox of a list item, the first checkbox of a list.
pub fn focus_id(form: &VisitForm, field: &str) -> String {
    for list in [TickList::Participants, TickList::Areas, TickList::InterventionSteps] {
        if let Some(index) = list_index(field, list.name()) {
            let values = list.values(form);
            return match values.get(index) {
                Some(value) => list.checkbox_id(value),
                None => input_id(list.name()),
            };
        }
        if field == list.name() && list == TickList::InterventionSteps {
            return list.checkbox_id(InterventionStep::ALL[0].as_str());
        }
    }
    if let Some(index) = list_index(field, "actions_worked") {
        if field.ends_with(".action_id") {
            if let Some(work) = form.actions_worked.get(index) {
                return action_checkbox_id(&work.action_id);
            }
        }
    }
    input_id(field)
}

/// The index of a list item a field names: 2 for `areas[2]` or
/// `actions_worked[2].note` in the list `areas` or `actions_worked`.
fn list_index(field: &str, list: &str) -> Option<usize> {
    let rest = field.strip_prefix(list)?.strip_prefix('[')?;
    rest[..rest.find(']')?].parse().ok()
}

/// Removing item `removed` of `list` moves the later items up: their errors
/// follow them, and the removed item's errors go.
pub fn reindex_errors(errors: &mut Vec<FieldError>, list: &str, removed: usize) {
    errors.retain(|e| list_index(&e.field, list) != Some(removed));
    for error in errors.iter_mut() {
        if let Some(index) = list_index(&error.field, list).filter(|&i| i > removed) {
            let rest = &error.field[error.field.find(']').map_or(0, |at| at + 1)..];
            error.field = format!("{list}[{}]{rest}", index - 1);
        }
    }
}

/// The diary's form and where its saving stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DiaryState {
    /// The form is shown.
    pub open: bool,
    /// The entry being written; kept when the form is closed with "cancel"
    /// (its draft is kept too), cleared when recorded or discarded.
    pub form: VisitForm,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    /// The visit is being recorded.
    pub busy: bool,
    /// The number of edits so far: each one schedules a draft save.
    pub edits: u32,
    pub draft: DraftStatus,
    /// The form was opened from a draft left from before.
    pub restored: bool,
    /// A visit was just recorded.
    pub recorded: bool,
    /// The drafts could not be read.
    pub load_error: Option<ErrorKind>,
    /// The recorded entry being corrected, and the new entry's form set
    /// aside meanwhile (its draft is not touched).
    pub correcting: Option<(EntityId, Box<VisitForm>)>,
}

pub enum DiaryAction {
    LoadFailed(ErrorKind),
    /// The family's draft, found when the screen opened.
    DraftFound(Box<VisitForm>),
    /// "New entry": a new form for `today`, or the one kept from before.
    Open {
        today: NaiveDate,
    },
    /// "Cancel": the form closes and its draft is kept.
    Close,
    /// "Correct" on a recorded entry: the form shows it.
    Correct {
        visit_id: EntityId,
        form: Box<VisitForm>,
    },
    /// The correction was saved.
    Corrected,
    Edit(VisitField, String),
    Tick(TickList, String, bool),
    SetSafetyConcern(bool),
    /// A plan action is ticked (worked on) or not.
    TickAction(String, bool),
    EditAction(usize, ActionField, String),
    /// The draft of edit `seq` was saved.
    DraftSaved {
        seq: u32,
        at_ms: u64,
    },
    DraftFailed(ErrorKind),
    /// "Discard draft": the form is emptied and closed.
    Discarded,
    DiscardFailed(ErrorKind),
    /// Local validation refused the form; nothing was sent.
    Rejected(Vec<FieldError>),
    Submitted,
    Recorded,
    Failed(ApiError),
}

impl Reducible for DiaryState {
    type Action = DiaryAction;

    fn reduce(self: Rc<Self>, action: DiaryAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            DiaryAction::LoadFailed(kind) => next.load_error = Some(kind),
            DiaryAction::DraftFound(form) => {
                // A form opened meanwhile is newer than the draft.
                if !next.open {
                    next.form = *form;
                    next.open = true;
                    next.restored = true;
                    next.recorded = false;
                }
            }
            DiaryAction::Open { today } => {
                if next.form == VisitForm::default() {
                    next.form = new_form(today);
                }
                next.open = true;
                next.recorded = false;
            }
            DiaryAction::Close => {
                next.open = false;
                next.errors.clear();
                next.form_error = None;
                next.end_correction();
            }
            DiaryAction::Correct { visit_id, form } => {
                if next.open {
                    return self;
                }
                let set_aside = std::mem::replace(&mut next.form, *form);
                next.correcting = Some((visit_id, Box::new(set_aside)));
                next.open = true;
                next.errors.clear();
                next.form_error = None;
                next.restored = false;
                next.recorded = false;
            }
            DiaryAction::Corrected => {
                next.open = false;
                next.busy = false;
                next.errors.clear();
                next.end_correction();
                next.recorded = true;
            }
            DiaryAction::Edit(field, value) => {
                *field.value_mut(&mut next.form) = value;
                next.errors.retain(|e| e.field != field.name());
                next.edited();
            }
            DiaryAction::Tick(list, value, on) => {
                let values = list.values_mut(&mut next.form);
                let at = values.iter().position(|v| *v == value);
                match (on, at) {
                    (true, None) => values.push(value),
                    (false, Some(index)) => {
                        values.remove(index);
                        reindex_errors(&mut next.errors, list.name(), index);
                    }
                    _ => return self,
                }
                next.errors.retain(|e| e.field != list.name());
                next.edited();
            }
            DiaryAction::SetSafetyConcern(on) => {
                next.form.safety_concern = on;
                next.errors.retain(|e| !e.field.starts_with("intervention_"));
                next.edited();
            }
            DiaryAction::TickAction(action_id, on) => {
                let at = next.form.actions_worked.iter().position(|w| w.action_id == action_id);
                match (on, at) {
                    (true, None) => next.form.actions_worked.push(ActionWorkedForm { action_id, ..Default::default() }),
                    (false, Some(index)) => {
                        next.form.actions_worked.remove(index);
                        reindex_errors(&mut next.errors, "actions_worked", index);
                    }
                    _ => return self,
                }
                next.edited();
            }
            DiaryAction::EditAction(index, field, value) => {
                let Some(work) = next.form.actions_worked.get_mut(index) else { return self };
                *field.value_mut(work) = value;
                // A status makes a note optional, so both errors may go.
                next.errors.retain(|e| list_index(&e.field, "actions_worked") != Some(index));
                next.edited();
            }
            DiaryAction::DraftSaved { seq, at_ms } => {
                // "Saved" is shown only when nothing typed since is unsaved.
                if next.open && seq == next.edits {
                    next.draft = DraftStatus::Saved { at_ms };
                }
            }
            DiaryAction::DraftFailed(kind) => next.draft = DraftStatus::Failed(kind),
            DiaryAction::Discarded => next.clear_form(),
            DiaryAction::DiscardFailed(kind) => next.form_error = Some(kind),
            DiaryAction::Rejected(errors) => {
                // An error no field shows is not kept silent.
                let shown = shown_fields(&next.form);
                next.form_error = errors.iter().any(|e| !shown.contains(&e.field)).then_some(ErrorKind::Invalid);
                next.errors = errors;
            }
            DiaryAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.form_error = None;
            }
            DiaryAction::Recorded => {
                next.clear_form();
                next.recorded = true;
            }
            DiaryAction::Failed(error) => {
                next.busy = false;
                let shown = shown_fields(&next.form);
                let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
                (next.errors, next.form_error) = split_api_error(error, &shown);
            }
        }
        Rc::new(next)
    }
}

impl DiaryState {
    /// Ends a correction: the new entry set aside comes back.
    fn end_correction(&mut self) {
        if let Some((_, set_aside)) = self.correcting.take() {
            self.form = *set_aside;
        }
    }

    fn edited(&mut self) {
        self.edits += 1;
        self.recorded = false;
        // The text is newer than the draft until the next save; a failure
        // stays shown until a save succeeds.
        if let DraftStatus::Saved { .. } = self.draft {
            self.draft = DraftStatus::Idle;
        }
    }

    /// Closes and empties the form (recorded, or its draft discarded).
    fn clear_form(&mut self) {
        self.open = false;
        self.form = VisitForm::default();
        self.errors.clear();
        self.form_error = None;
        self.busy = false;
        self.draft = DraftStatus::Idle;
        self.restored = false;
    }
}

#[derive(Properties, PartialEq)]
pub struct DiarySectionProps {
    pub family_id: EntityId,
    pub case: Rc<FamilyCase>,
    /// The centre's areas of the plan, to tick (read by the case screen).
    pub areas: Rc<Vec<PlanArea>>,
    pub on_case: Callback<FamilyCase>,
    pub on_locked: Callback<()>,
}

#[component]
pub fn DiarySection(props: &DiarySectionProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(DiaryState::default);
    let schedule = use_mut_ref(DraftSchedule::default);
    let family_id = props.family_id;

    {
        let dispatcher = state.dispatcher();
        let on_locked = props.on_locked.clone();
        use_effect_with(family_id, move |&family_id| {
            spawn_local(async move {
                match ipc::drafts().await {
                    Ok(drafts) => {
                        if let Some(view) = drafts.into_iter().find(|d| d.draft.family_id == family_id) {
                            dispatcher.dispatch(DiaryAction::DraftFound(Box::new(view.draft.form)));
                        }
                    }
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(error) => dispatcher.dispatch(DiaryAction::LoadFailed(error.kind)),
                }
            });
        });
    }
    let saver = DraftSaver {
        family_id,
        schedule: schedule.clone(),
        dispatcher: state.dispatcher(),
        on_locked: props.on_locked.clone(),
    };
    {
        // Every edit is saved at once, one save at a time.
        let saver = saver.clone();
        let form = state.form.clone();
        let correcting = state.correcting.is_some();
        use_effect_with(state.edits, move |&seq| {
            // A correction of a recorded entry keeps no draft.
            if seq > 0 && !correcting {
                let now = saver.schedule.borrow_mut().edited(seq, form);
                if let Some((seq, form)) = now {
                    saver.save(seq, form);
                }
            }
        });
    }

    let on_new = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(DiaryAction::Open { today: today() });
        })
    };
    let on_focus_out = {
        let saver = saver.clone();
        Callback::from(move |()| saver.save_pending())
    };
    let on_cancel = {
        let saver = saver.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |()| {
            saver.save_pending();
            dispatcher.dispatch(DiaryAction::Close);
            dom::focus("visit-new");
        })
    };
    let on_discard = {
        let schedule = schedule.clone();
        let dispatcher = state.dispatcher();
        let on_locked = props.on_locked.clone();
        Callback::from(move |()| {
            schedule.borrow_mut().settle();
            let dispatcher = dispatcher.clone();
            let on_locked = on_locked.clone();
            spawn_local(async move {
                match ipc::discard_draft(family_id).await {
                    Ok(()) => {
                        dispatcher.dispatch(DiaryAction::Discarded);
                        dom::focus("visit-new");
                    }
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(error) => dispatcher.dispatch(DiaryAction::DiscardFailed(error.kind)),
                }
            });
        })
    };
    let onsubmit = {
        let state = state.clone();
        let schedule = schedule.clone();
        let case = props.case.clone();
        let areas = props.areas.clone();
        let on_case = props.on_case.clone();
        let on_locked = props.on_locked.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.busy {
                return;
            }
            let form = state.form.clone();
            let correcting = state.correcting.as_ref().map(|(visit_id, _)| *visit_id);
            let members: Vec<EntityId> = case.members.iter().map(|m| m.id).collect();
            // A new visit works on the plan in force; a corrected one may
            // have worked on an earlier version's actions.
            let versions = match correcting {
                None => case.plan_versions.last().into_iter().collect::<Vec<_>>(),
                Some(_) => case.plan_versions.iter().collect(),
            };
            let actions: Vec<EntityId> = versions.iter().flat_map(|v| v.actions().map(|a| a.id)).collect();
            if let Err(errors) = validate_visit(&form, &members, &actions, &areas, today()) {
                if let Some(first) = errors.first() {
                    dom::focus(&focus_id(&form, &first.field));
                }
                state.dispatch(DiaryAction::Rejected(errors));
                return;
            }
            if let Some(visit_id) = correcting {
                state.dispatch(DiaryAction::Submitted);
                let dispatcher = state.dispatcher();
                let on_case = on_case.clone();
                let on_locked = on_locked.clone();
                spawn_local(async move {
                    match ipc::update_visit(family_id, visit_id, &form).await {
                        Ok(case) => {
                            dispatcher.dispatch(DiaryAction::Corrected);
                            on_case.emit(case);
                            dom::focus("visit-new");
                        }
                        Err(error) => {
                            crate::screens::form::refused(&dispatcher, error, DiaryAction::Failed, &on_locked)
                        }
                    }
                });
                return;
            }
            // The shell discards the draft with the same commit; a timer
            // still running must not save it again.
            schedule.borrow_mut().settle();
            state.dispatch(DiaryAction::Submitted);
            let dispatcher = state.dispatcher();
            let schedule = schedule.clone();
            let on_case = on_case.clone();
            let on_locked = on_locked.clone();
            spawn_local(async move {
                match ipc::record_visit(family_id, &form).await {
                    Ok(case) => {
                        dispatcher.dispatch(DiaryAction::Recorded);
                        on_case.emit(case);
                        dom::focus("visit-new");
                    }
                    Err(error) => {
                        // Not recorded (refused, or the app locked while it
                        // was under way): the draft must catch up again, and
                        // the form stays ready to send, with what was typed.
                        schedule.borrow_mut().unsettle();
                        if let Some(first) = error.fields.first() {
                            dom::focus(&focus_id(&form, &first.field));
                        }
                        crate::screens::form::refused(&dispatcher, error, DiaryAction::Failed, &on_locked);
                    }
                }
            });
        })
    };
    let on_action = state.dispatcher().to_callback();
    let on_correct = {
        let dispatcher = state.dispatcher();
        let case = props.case.clone();
        Callback::from(move |visit_id: EntityId| {
            if let Some(view) = case.visits.iter().find(|v| v.id == visit_id) {
                let form = Box::new(VisitForm::from_visit(&view.visit));
                dispatcher.dispatch(DiaryAction::Correct { visit_id, form });
                dom::focus(&input_id(VisitField::Date.name()));
            }
        })
    };

    let case = &props.case;
    html! {
        <section id="diary" class="panel" aria-labelledby="diary-title">
            <div class="panel-header">
                <h3 id="diary-title">{ i18n.tr("visit-title") }</h3>
                if !state.open {
                    <button type="button" id="visit-new" class="primary" onclick={on_new}>
                        { i18n.tr("visit-add-title") }
                    </button>
                }
            </div>
            if let Some(kind) = state.load_error {
                <p id="diary-load-error" class="form-error" role="alert">
                    { i18n.tr("diary-load-failed") }{ " " }{ i18n.error(kind) }
                </p>
            }
            if state.open {
                <VisitFormView
                    form={state.form.clone()}
                    errors={state.errors.clone()}
                    form_error={state.form_error}
                    busy={state.busy}
                    draft={state.draft}
                    restored={state.restored}
                    correcting={state.correcting.is_some()}
                    case={case.clone()}
                    areas={(*props.areas).clone()}
                    {on_action}
                    {onsubmit}
                    {on_focus_out}
                    {on_cancel}
                    {on_discard}
                />
            }
            <div class="status-region" aria-live="polite">
                if state.recorded {
                    <p id="visit-status" class="status">{ i18n.tr("visit-recorded") }</p>
                }
            </div>
            <VisitList
                visits={case.visits.clone()}
                members={case.members.clone()}
                plan_versions={case.plan_versions.clone()}
                areas={(*props.areas).clone()}
                on_correct={(!state.open).then_some(on_correct)}
                print={Some((case.family.id, crate::screens::print::print_buttons()))}
            />
        </section>
    }
}

/// Sends drafts to the shell and reports how it went.
#[derive(Clone)]
struct DraftSaver {
    family_id: EntityId,
    schedule: Rc<RefCell<DraftSchedule>>,
    dispatcher: UseReducerDispatcher<DiaryState>,
    on_locked: Callback<()>,
}

impl DraftSaver {
    /// Saves edits not saved yet, now.
    fn save_pending(&self) {
        let pending = self.schedule.borrow_mut().take_pending();
        if let Some((seq, form)) = pending {
            self.save(seq, form);
        }
    }

    fn save(&self, seq: u32, form: VisitForm) {
        let saver = self.clone();
        spawn_local(async move {
            let reply = ipc::save_draft(saver.family_id, &form).await;
            let next = saver.schedule.borrow_mut().returned(seq, reply.is_ok());
            match reply {
                Ok(()) => saver.dispatcher.dispatch(DiaryAction::DraftSaved { seq, at_ms: now_ms() }),
                Err(error) if error.kind == ErrorKind::Locked => return saver.on_locked.emit(()),
                Err(error) => saver.dispatcher.dispatch(DiaryAction::DraftFailed(error.kind)),
            }
            // What was typed while this save was on its way.
            if let Some((seq, form)) = next {
                saver.save(seq, form);
            }
        });
    }
}

#[cfg(test)]
mod tests;
