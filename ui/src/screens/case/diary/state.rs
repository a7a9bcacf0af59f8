//! The diary section's state: the form, its draft and where its sending
//! stands, and the reducer every action goes through (host-tested).

use super::*;

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
    /// The entry being written is of a visit planned ahead: what it was
    /// planned for (possibly empty).
    pub from_plan: Option<String>,
    /// Entries recorded or corrected so far: the planned visits are read
    /// again after each.
    pub entries: u32,
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
    /// "Write the entry" of a visit planned ahead: the form shows it,
    /// saved as a correction of the planned visit.
    RecordPlanned {
        visit_id: EntityId,
        form: Box<VisitForm>,
        purpose: String,
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
                next.start_correction(visit_id, *form);
            }
            DiaryAction::RecordPlanned { visit_id, form, purpose } => {
                if next.open {
                    return self;
                }
                next.start_correction(visit_id, *form);
                next.from_plan = Some(purpose);
            }
            DiaryAction::Corrected => {
                next.entries += 1;
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
                next.entries += 1;
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
    /// Shows a recorded (or planned) entry in the form; the new entry's
    /// form is set aside meanwhile.
    fn start_correction(&mut self, visit_id: EntityId, form: VisitForm) {
        let set_aside = std::mem::replace(&mut self.form, form);
        self.correcting = Some((visit_id, Box::new(set_aside)));
        self.open = true;
        self.errors.clear();
        self.form_error = None;
        self.restored = false;
        self.recorded = false;
    }

    /// Ends a correction: the new entry set aside comes back.
    fn end_correction(&mut self) {
        self.from_plan = None;
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
