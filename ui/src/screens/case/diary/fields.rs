//! The diary form's fields: their names (as `validate_visit` names them),
//! their inputs' ids, and which of them an error can be shown beside.

use super::*;

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
    TravelKm,
    TravelMeans,
}

impl VisitField {
    pub const ALL: [VisitField; 13] = [
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
        VisitField::TravelKm,
        VisitField::TravelMeans,
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
            VisitField::TravelKm => "travel_km",
            VisitField::TravelMeans => "travel_means",
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
            VisitField::TravelKm => "visit-field-travel-km",
            VisitField::TravelMeans => "visit-field-travel-means",
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
            VisitField::TravelKm => &form.travel_km,
            VisitField::TravelMeans => &form.travel_means,
        }
    }

    pub(super) fn value_mut(self, form: &mut VisitForm) -> &mut String {
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
            VisitField::TravelKm => &mut form.travel_km,
            VisitField::TravelMeans => &mut form.travel_means,
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

    pub(super) fn values_mut(self, form: &mut VisitForm) -> &mut Vec<String> {
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

    pub(super) fn value_mut(self, work: &mut ActionWorkedForm) -> &mut String {
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
pub(super) fn list_index(field: &str, list: &str) -> Option<usize> {
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
