//! The visit diary ("dziennik wizyt"): every contact with a family (a home
//! visit, accompanying someone to an institution, a phone call...), what was
//! worked on, and the intervention a threat to someone's safety called for.

use crate::ids::EntityId;
use crate::plan::{check_area, format_date, ActionStatus, PlanArea, ProgressNote};
use crate::validation::{Checker, FieldError, FieldErrorCode};
use crate::workspace::MAX_NAME_CHARS;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// The longest visit notes accepted, in characters.
pub const MAX_VISIT_NOTES_CHARS: u32 = 20_000;

/// The longest note on one action, or description of what was observed,
/// accepted, in characters.
pub const MAX_NOTE_CHARS: u32 = 5_000;

/// Where a contact took place.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// The family's home.
    #[default]
    Home,
    School,
    Court,
    /// An office (the social welfare centre, the town hall, the labour office...).
    Office,
    /// A clinic or counselling centre.
    Clinic,
    Other {
        text: String,
    },
}

/// The form of a contact with the family.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactForm {
    /// Wizyta domowa.
    #[default]
    HomeVisit,
    /// Going with a member to an institution (towarzyszenie w instytucji).
    Accompanying,
    PhoneCall,
    Consultation,
    /// Group work (zajęcia grupowe).
    GroupSession,
}

/// What the assistant did about a threat to someone's safety.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterventionStep {
    PoliceCalled,
    SocialWorkerInformed,
    /// The family court was informed.
    CourtInformed,
    /// The "Niebieskie Karty" domestic-violence procedure was started.
    NiebieskaKartaStarted,
    /// A child was placed in foster care.
    ChildPlaced,
}

/// An intervention during or right after a contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Intervention {
    /// What the assistant saw or heard.
    pub observed: String,
    pub steps: Vec<InterventionStep>,
    /// When the intervention took place.
    pub at: NaiveDateTime,
}

/// Work on one action of the plan during a contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionWorked {
    pub action_id: EntityId,
    pub note: String,
    /// Where the action stands after the contact, when it changed.
    pub status: Option<ActionStatus>,
}

/// One entry of the visit diary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    pub date: NaiveDate,
    pub start: NaiveTime,
    /// After `start`, on the same day.
    pub end: NaiveTime,
    pub place: Place,
    pub form: ContactForm,
    /// The members of the family who took part.
    pub participants: Vec<EntityId>,
    /// Anyone else who took part (a teacher, a social worker...).
    pub other_participants: String,
    /// The [`PlanArea`] keys the contact was about.
    pub areas: Vec<String>,
    pub actions_worked: Vec<ActionWorked>,
    pub notes: String,
    /// The date of the next planned contact, after `date`.
    pub next_planned: Option<NaiveDate>,
    pub intervention: Option<Intervention>,
    /// `Some(true)`: a visit planned ahead, not a contact yet (event
    /// schema 6). It becomes a diary entry when it happens: corrected with
    /// `Some(false)`. Absent in earlier events (a diary entry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<bool>,
    /// What a planned visit is for (schema 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// The journey to the contact, which centres reimburse (schema 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub travel: Option<Travel>,
}

/// A journey to a contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Travel {
    /// Kilometres, in tenths (`125` is 12.5 km).
    pub km_tenths: u32,
    pub means: TravelMeans,
}

/// How the assistant travelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TravelMeans {
    /// The assistant's own car (reimbursed per km).
    OwnCar,
    /// The centre's car.
    CentreCar,
    PublicTransport,
    Bicycle,
    OnFoot,
}

impl TravelMeans {
    pub const ALL: [TravelMeans; 5] = [
        TravelMeans::OwnCar,
        TravelMeans::CentreCar,
        TravelMeans::PublicTransport,
        TravelMeans::Bicycle,
        TravelMeans::OnFoot,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TravelMeans::OwnCar => "own_car",
            TravelMeans::CentreCar => "centre_car",
            TravelMeans::PublicTransport => "public_transport",
            TravelMeans::Bicycle => "bicycle",
            TravelMeans::OnFoot => "on_foot",
        }
    }

    pub fn parse(text: &str) -> Option<TravelMeans> {
        let text = text.trim().replace('-', "_");
        TravelMeans::ALL.into_iter().find(|m| m.as_str() == text)
    }
}

/// Kilometres as typed ("12,5", "12.5", "7") in tenths; `None` when not
/// a distance from 0 to 1000 km with at most one decimal.
pub fn parse_km(text: &str) -> Option<u32> {
    let text = text.trim().replace(',', ".");
    let (whole, tenth) = match text.split_once('.') {
        Some((w, t)) if t.len() == 1 => (w, t),
        Some(_) => return None,
        None => (text.as_str(), "0"),
    };
    let whole: u32 = whole.parse().ok()?;
    let tenth: u32 = tenth.parse().ok()?;
    let km = whole.checked_mul(10)?.checked_add(tenth)?;
    (km <= 10_000).then_some(km)
}

impl Visit {
    /// Whether this is a visit planned ahead, not a contact yet.
    pub fn is_planned(&self) -> bool {
        self.planned == Some(true)
    }
}

/// The visit form as typed. Errors name fields as below; list items by
/// index, e.g. `participants[1]` or `actions_worked[0].status`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VisitForm {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`.
    pub end: String,
    /// A place kind (see [`Place::KINDS`]).
    pub place: String,
    /// The place, when `place` is `other`.
    pub place_other: String,
    /// A [`ContactForm`] in snake_case.
    pub form: String,
    /// Member ids.
    pub participants: Vec<String>,
    pub other_participants: String,
    /// Area keys.
    pub areas: Vec<String>,
    pub actions_worked: Vec<ActionWorkedForm>,
    pub notes: String,
    /// `YYYY-MM-DD`, or empty.
    pub next_planned: String,
    /// Whether someone's safety was threatened; then the intervention
    /// fields are required, otherwise they are ignored.
    pub safety_concern: bool,
    pub intervention_observed: String,
    /// [`InterventionStep`]s in snake_case.
    pub intervention_steps: Vec<String>,
    /// `HH:MM`, on the visit's date.
    pub intervention_time: String,
    /// Kilometres travelled to the contact ("12,5"), or empty.
    pub travel_km: String,
    /// A [`TravelMeans`] in snake_case, or empty.
    pub travel_means: String,
}

/// A visit planned ahead, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlannedVisitForm {
    /// `YYYY-MM-DD` or `DD.MM.YYYY`: today or later.
    pub date: String,
    /// `HH:MM`.
    pub time: String,
    /// A place kind (see [`Place::KINDS`]); the family's home when empty.
    pub place: String,
    /// The place, when `place` is `other`.
    pub place_other: String,
    pub purpose: String,
}

/// The longest purpose of a planned visit, in characters.
pub const MAX_PURPOSE_CHARS: u32 = 500;

/// Checks a planned visit: a date from `today` on, a time, a place; the
/// diary entry it will become (`planned: Some(true)`, an hour long until
/// it happens).
pub fn validate_planned_visit(form: &PlannedVisitForm, today: NaiveDate) -> Result<Visit, Vec<FieldError>> {
    let mut c = Checker::default();
    let date = c.required_date("date", &form.date, today, true);
    if date.is_some_and(|d| d < today) {
        c.push(FieldError::with_detail("date", FieldErrorCode::OutOfRange, "planned-visit-past"));
    }
    let start = c.required_time("time", &form.time).unwrap_or_default();
    let place = if form.place.trim().is_empty() {
        Place::Home
    } else {
        let kind = c.required_choice("place", &form.place, |kind| Place::from_kind(kind, String::new()));
        match kind {
            Place::Other { .. } => {
                Place::Other { text: c.required_text("place_other", &form.place_other, MAX_NAME_CHARS) }
            }
            kind => kind,
        }
    };
    let purpose = c.optional_text("purpose", &form.purpose, MAX_PURPOSE_CHARS);
    let visit = Visit {
        date: date.unwrap_or_default(),
        start,
        end: start.overflowing_add_signed(chrono::Duration::hours(1)).0.max(start),
        place,
        form: ContactForm::HomeVisit,
        participants: Vec::new(),
        other_participants: String::new(),
        areas: Vec::new(),
        actions_worked: Vec::new(),
        notes: String::new(),
        next_planned: None,
        intervention: None,
        planned: Some(true),
        purpose: (!purpose.is_empty()).then_some(purpose),
        travel: None,
    };
    c.finish(visit)
}

/// The journey: both fields or neither.
fn check_travel(c: &mut Checker, form: &VisitForm) -> Option<Travel> {
    let (km, means) = (form.travel_km.trim(), form.travel_means.trim());
    if km.is_empty() && means.is_empty() {
        return None;
    }
    let km_tenths = if km.is_empty() {
        c.push(FieldError::new("travel_km", FieldErrorCode::Required));
        None
    } else {
        let parsed = parse_km(km);
        if parsed.is_none() {
            c.push(FieldError::with_limit("travel_km", FieldErrorCode::OutOfRange, 1000));
        }
        parsed
    };
    let means = c.choice("travel_means", means, TravelMeans::parse);
    if means.is_none() && form.travel_means.trim().is_empty() {
        c.push(FieldError::new("travel_means", FieldErrorCode::Required));
    }
    Some(Travel { km_tenths: km_tenths?, means: means? })
}

/// The work on one action, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionWorkedForm {
    pub action_id: String,
    pub note: String,
    /// An [`ActionStatus`] in snake_case, or empty when unchanged.
    pub status: String,
}

/// A visit form not saved yet, kept so that nothing typed is lost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitDraft {
    pub family_id: EntityId,
    pub form: VisitForm,
    /// When the draft was saved (Unix ms, the caller's clock).
    pub saved_at_ms: u64,
}

/// Checks the visit form. The visit must have happened by `today` (a planned
/// visit is the previous visit's `next_planned`) and end after it starts;
/// participants must be among `known_member_ids`, actions among
/// `known_action_ids`, areas among `areas`.
pub fn validate_visit(
    form: &VisitForm,
    known_member_ids: &[EntityId],
    known_action_ids: &[EntityId],
    areas: &[PlanArea],
    today: NaiveDate,
) -> Result<Visit, Vec<FieldError>> {
    let mut c = Checker::default();
    let date = c.required_date("date", &form.date, today, false);
    let (start, end) = check_times(&mut c, form);
    let visit = Visit {
        date: date.unwrap_or_default(),
        start,
        end,
        place: check_place(&mut c, form),
        form: c.required_choice("form", &form.form, ContactForm::parse),
        participants: check_participants(&mut c, &form.participants, known_member_ids),
        other_participants: c.optional_text("other_participants", &form.other_participants, MAX_NAME_CHARS),
        areas: check_areas(&mut c, &form.areas, areas),
        actions_worked: check_actions_worked(&mut c, &form.actions_worked, known_action_ids),
        notes: c.long_text("notes", &form.notes, MAX_VISIT_NOTES_CHARS),
        next_planned: check_next_planned(&mut c, &form.next_planned, date, today),
        intervention: form.safety_concern.then(|| check_intervention(&mut c, form, date.unwrap_or_default())),
        planned: None,
        purpose: None,
        travel: check_travel(&mut c, form),
    };
    c.finish(visit)
}

impl Visit {
    /// How long the contact took, in minutes.
    pub fn duration_minutes(&self) -> u32 {
        u32::try_from((self.end - self.start).num_minutes()).unwrap_or(0)
    }

    /// The work on plan actions as progress notes dated on the visit.
    pub fn progress_notes(&self) -> Vec<ProgressNote> {
        self.actions_worked
            .iter()
            .map(|a| ProgressNote { action_id: a.action_id, date: self.date, note: a.note.clone(), status: a.status })
            .collect()
    }
}

impl VisitForm {
    /// The form filled in from a visit, to edit it.
    pub fn from_visit(visit: &Visit) -> VisitForm {
        let intervention = visit.intervention.as_ref();
        VisitForm {
            date: format_date(visit.date),
            start: format_time(visit.start),
            end: format_time(visit.end),
            place: visit.place.kind().to_owned(),
            place_other: match &visit.place {
                Place::Other { text } => text.clone(),
                _ => String::new(),
            },
            form: visit.form.as_str().to_owned(),
            participants: visit.participants.iter().map(EntityId::to_string).collect(),
            other_participants: visit.other_participants.clone(),
            areas: visit.areas.clone(),
            actions_worked: visit.actions_worked.iter().map(ActionWorkedForm::from_action_worked).collect(),
            notes: visit.notes.clone(),
            next_planned: visit.next_planned.map(format_date).unwrap_or_default(),
            safety_concern: intervention.is_some(),
            intervention_observed: intervention.map(|i| i.observed.clone()).unwrap_or_default(),
            intervention_steps: intervention
                .map(|i| i.steps.iter().map(|s| s.as_str().to_owned()).collect())
                .unwrap_or_default(),
            intervention_time: intervention.map(|i| format_time(i.at.time())).unwrap_or_default(),
            travel_km: visit.travel.as_ref().map(|t| format_km(t.km_tenths)).unwrap_or_default(),
            travel_means: visit.travel.as_ref().map(|t| t.means.as_str().to_owned()).unwrap_or_default(),
        }
    }
}

/// Tenths of a kilometre as typed back ("12,5", "7").
pub fn format_km(km_tenths: u32) -> String {
    match km_tenths % 10 {
        0 => (km_tenths / 10).to_string(),
        tenth => format!("{},{tenth}", km_tenths / 10),
    }
}

impl ActionWorkedForm {
    /// The form of the work on one action.
    pub fn from_action_worked(a: &ActionWorked) -> ActionWorkedForm {
        ActionWorkedForm {
            action_id: a.action_id.to_string(),
            note: a.note.clone(),
            status: a.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        }
    }
}

impl Place {
    /// The kinds of place, in the order a form lists them (the serde tag).
    pub const KINDS: [&'static str; 6] = ["home", "school", "court", "office", "clinic", "other"];

    /// The kind, as the form's `place` names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Place::Home => "home",
            Place::School => "school",
            Place::Court => "court",
            Place::Office => "office",
            Place::Clinic => "clinic",
            Place::Other { .. } => "other",
        }
    }

    /// The place of a kind; `text` is kept only for `other`.
    pub fn from_kind(kind: &str, text: String) -> Option<Place> {
        Some(match kind {
            "home" => Place::Home,
            "school" => Place::School,
            "court" => Place::Court,
            "office" => Place::Office,
            "clinic" => Place::Clinic,
            "other" => Place::Other { text },
            _ => return None,
        })
    }

    /// The Fluent message id of the kind's name, e.g. `place-home`. For
    /// `other`, show the text after (or instead of) it.
    pub fn message_id(&self) -> &'static str {
        match self {
            Place::Home => "place-home",
            Place::School => "place-school",
            Place::Court => "place-court",
            Place::Office => "place-office",
            Place::Clinic => "place-clinic",
            Place::Other { .. } => "place-other",
        }
    }
}

impl ContactForm {
    /// Every form of contact, in the order a form lists them.
    pub const ALL: [ContactForm; 5] = [
        ContactForm::HomeVisit,
        ContactForm::Accompanying,
        ContactForm::PhoneCall,
        ContactForm::Consultation,
        ContactForm::GroupSession,
    ];

    /// The wire name, as forms send it.
    pub fn as_str(self) -> &'static str {
        match self {
            ContactForm::HomeVisit => "home_visit",
            ContactForm::Accompanying => "accompanying",
            ContactForm::PhoneCall => "phone_call",
            ContactForm::Consultation => "consultation",
            ContactForm::GroupSession => "group_session",
        }
    }

    /// The form named by [`ContactForm::as_str`].
    pub fn parse(s: &str) -> Option<ContactForm> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The Fluent message id of its name, e.g. `contact-form-phone-call`.
    pub fn message_id(self) -> &'static str {
        match self {
            ContactForm::HomeVisit => "contact-form-home-visit",
            ContactForm::Accompanying => "contact-form-accompanying",
            ContactForm::PhoneCall => "contact-form-phone-call",
            ContactForm::Consultation => "contact-form-consultation",
            ContactForm::GroupSession => "contact-form-group-session",
        }
    }
}

impl InterventionStep {
    /// Every step, in the order a form lists them.
    pub const ALL: [InterventionStep; 5] = [
        InterventionStep::PoliceCalled,
        InterventionStep::SocialWorkerInformed,
        InterventionStep::CourtInformed,
        InterventionStep::NiebieskaKartaStarted,
        InterventionStep::ChildPlaced,
    ];

    /// The wire name, as forms send it.
    pub fn as_str(self) -> &'static str {
        match self {
            InterventionStep::PoliceCalled => "police_called",
            InterventionStep::SocialWorkerInformed => "social_worker_informed",
            InterventionStep::CourtInformed => "court_informed",
            InterventionStep::NiebieskaKartaStarted => "niebieska_karta_started",
            InterventionStep::ChildPlaced => "child_placed",
        }
    }

    /// The step named by [`InterventionStep::as_str`].
    pub fn parse(s: &str) -> Option<InterventionStep> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The Fluent message id of its name, e.g. `intervention-step-police-called`.
    pub fn message_id(self) -> &'static str {
        match self {
            InterventionStep::PoliceCalled => "intervention-step-police-called",
            InterventionStep::SocialWorkerInformed => "intervention-step-social-worker-informed",
            InterventionStep::CourtInformed => "intervention-step-court-informed",
            InterventionStep::NiebieskaKartaStarted => "intervention-step-niebieska-karta-started",
            InterventionStep::ChildPlaced => "intervention-step-child-placed",
        }
    }
}

/// Reads the start and end times; the end must be after the start (a
/// contact past midnight is recorded as two). Refused times read as
/// midnight (the visit is not built then).
fn check_times(c: &mut Checker, form: &VisitForm) -> (NaiveTime, NaiveTime) {
    let start = c.required_time("start", &form.start);
    let end = c.required_time("end", &form.end);
    if let (Some(start), Some(end)) = (start, end) {
        if end <= start {
            c.push(FieldError::new("end", FieldErrorCode::EndBeforeStart));
        }
    }
    (start.unwrap_or_default(), end.unwrap_or_default())
}

fn check_place(c: &mut Checker, form: &VisitForm) -> Place {
    let kind = c.required_choice("place", &form.place, |kind| Place::from_kind(kind, String::new()));
    match kind {
        Place::Other { .. } => Place::Other { text: c.required_text("place_other", &form.place_other, MAX_NAME_CHARS) },
        kind => kind,
    }
}

/// Reads the participants, each once; empty entries are skipped.
fn check_participants(c: &mut Checker, values: &[String], known_member_ids: &[EntityId]) -> Vec<EntityId> {
    let mut ids = Vec::new();
    for (i, value) in values.iter().enumerate().filter(|(_, v)| !v.trim().is_empty()) {
        if let Some(id) = c.known_id(&format!("participants[{i}]"), value, known_member_ids) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids
}

/// Reads the area keys, each once; empty entries are skipped.
fn check_areas(c: &mut Checker, values: &[String], areas: &[PlanArea]) -> Vec<String> {
    let mut keys = Vec::new();
    for (i, value) in values.iter().enumerate().filter(|(_, v)| !v.trim().is_empty()) {
        let key = check_area(c, &format!("areas[{i}]"), value, areas);
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

fn check_actions_worked(
    c: &mut Checker,
    forms: &[ActionWorkedForm],
    known_action_ids: &[EntityId],
) -> Vec<ActionWorked> {
    forms.iter().enumerate().filter_map(|(i, form)| check_action_worked(c, i, form, known_action_ids)).collect()
}

/// Reads the work on one action: a note, a new status, or both.
fn check_action_worked(
    c: &mut Checker,
    i: usize,
    form: &ActionWorkedForm,
    known_action_ids: &[EntityId],
) -> Option<ActionWorked> {
    let at = format!("actions_worked[{i}]");
    let action_id = c.known_id(&format!("{at}.action_id"), &form.action_id, known_action_ids);
    let note = c.long_text(&format!("{at}.note"), &form.note, MAX_NOTE_CHARS);
    let status = c.choice(&format!("{at}.status"), &form.status, ActionStatus::parse);
    if note.is_empty() && form.status.trim().is_empty() {
        c.push(FieldError::new(&format!("{at}.note"), FieldErrorCode::Required));
    }
    action_id.map(|action_id| ActionWorked { action_id, note, status })
}

/// Reads the next planned contact, which must come after the visit.
fn check_next_planned(c: &mut Checker, value: &str, date: Option<NaiveDate>, today: NaiveDate) -> Option<NaiveDate> {
    let next = c.date("next_planned", value, today, true)?;
    if date.is_some_and(|date| next <= date) {
        c.push(FieldError::with_detail(
            "next_planned",
            FieldErrorCode::EndBeforeStart,
            "visit-error-next-planned-not-after",
        ));
    }
    Some(next)
}

/// Reads the intervention: what was observed, at least one step, and when.
fn check_intervention(c: &mut Checker, form: &VisitForm, date: NaiveDate) -> Intervention {
    let observed = c.long_text("intervention_observed", &form.intervention_observed, MAX_NOTE_CHARS);
    if observed.is_empty() {
        c.push(FieldError::new("intervention_observed", FieldErrorCode::Required));
    }
    let steps = check_steps(c, &form.intervention_steps);
    let time = c.required_time("intervention_time", &form.intervention_time);
    Intervention { observed, steps, at: date.and_time(time.unwrap_or_default()) }
}

/// Reads the intervention steps, each once; at least one is required.
fn check_steps(c: &mut Checker, values: &[String]) -> Vec<InterventionStep> {
    let mut steps = Vec::new();
    for (i, value) in values.iter().enumerate() {
        if let Some(step) = c.choice(&format!("intervention_steps[{i}]"), value, InterventionStep::parse) {
            if !steps.contains(&step) {
                steps.push(step);
            }
        }
    }
    if values.iter().all(|v| v.trim().is_empty()) {
        c.push(FieldError::with_detail("intervention_steps", FieldErrorCode::Required, "intervention-error-no-steps"));
    }
    steps
}

/// A time as forms type it.
fn format_time(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::default_areas;

    fn id(n: u128) -> EntityId {
        EntityId(uuid::Uuid::from_u128(n))
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn t(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    const TODAY: &str = "2026-03-10";
    const MEMBERS: [u128; 2] = [1, 2];
    const ACTIONS: [u128; 2] = [11, 12];

    /// A valid home visit.
    fn form() -> VisitForm {
        VisitForm {
            date: "2026-03-09".into(),
            start: "16:00".into(),
            end: "17:30".into(),
            place: "home".into(),
            form: "home_visit".into(),
            participants: vec![id(1).to_string()],
            areas: vec!["housing".into()],
            actions_worked: vec![ActionWorkedForm {
                action_id: id(11).to_string(),
                note: "Wniosek złożony".into(),
                status: "done".into(),
            }],
            notes: "Rozmowa o budżecie.\n\nPani Anna pokazała rachunki.".into(),
            next_planned: "2026-03-16".into(),
            ..Default::default()
        }
    }

    fn validate(form: &VisitForm) -> Result<Visit, Vec<FieldError>> {
        let members: Vec<EntityId> = MEMBERS.into_iter().map(id).collect();
        let actions: Vec<EntityId> = ACTIONS.into_iter().map(id).collect();
        validate_visit(form, &members, &actions, &default_areas(), d(TODAY))
    }

    #[track_caller]
    fn check_errors(edit: impl FnOnce(&mut VisitForm), expected: &[(&str, FieldErrorCode)]) {
        let mut form = form();
        edit(&mut form);
        let errors = validate(&form).err().unwrap_or_default();
        let got: Vec<(&str, FieldErrorCode)> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn a_valid_form_gives_a_visit() {
        let visit = validate(&form()).unwrap();
        let expected = Visit {
            date: d("2026-03-09"),
            start: t("16:00"),
            end: t("17:30"),
            place: Place::Home,
            form: ContactForm::HomeVisit,
            participants: vec![id(1)],
            other_participants: String::new(),
            areas: vec!["housing".into()],
            actions_worked: vec![ActionWorked {
                action_id: id(11),
                note: "Wniosek złożony".into(),
                status: Some(ActionStatus::Done),
            }],
            notes: "Rozmowa o budżecie.\n\nPani Anna pokazała rachunki.".into(),
            next_planned: Some(d("2026-03-16")),
            intervention: None,
            planned: None,
            purpose: None,
            travel: None,
        };
        assert_eq!(visit, expected);
        assert_eq!(visit.duration_minutes(), 90);
        assert_eq!(
            visit.progress_notes(),
            [ProgressNote {
                action_id: id(11),
                date: d("2026-03-09"),
                note: "Wniosek złożony".into(),
                status: Some(ActionStatus::Done)
            }]
        );
        assert_eq!(validate(&VisitForm::from_visit(&visit)), Ok(visit));
    }

    #[test]
    fn dates_and_times_are_checked() {
        use FieldErrorCode::*;
        check_errors(|f| f.date.clear(), &[("date", Required)]);
        check_errors(|f| f.date = "2026-02-30".into(), &[("date", InvalidDate)]);
        check_errors(|f| f.date = "2026-03-11".into(), &[("date", DateInFuture)]);
        check_errors(|f| f.date = TODAY.into(), &[]);
        check_errors(|f| f.start = "25:00".into(), &[("start", InvalidTime)]);
        check_errors(|f| f.end = "".into(), &[("end", Required)]);
        check_errors(|f| f.end = "16:00".into(), &[("end", EndBeforeStart)]);
        check_errors(|f| f.end = "15:59".into(), &[("end", EndBeforeStart)]);
        check_errors(|f| f.end = "9:05".into(), &[("end", EndBeforeStart)]);
        check_errors(|f| f.end = "16:01:00".into(), &[]);
        check_errors(|f| f.next_planned = "2026-03-09".into(), &[("next_planned", EndBeforeStart)]);
        check_errors(|f| f.next_planned = "wtorek".into(), &[("next_planned", InvalidDate)]);
        check_errors(|f| f.next_planned.clear(), &[]);
    }

    #[test]
    fn choices_must_be_among_the_known_ones() {
        use FieldErrorCode::*;
        check_errors(|f| f.place.clear(), &[("place", Required)]);
        check_errors(|f| f.place = "garden".into(), &[("place", NotInList)]);
        check_errors(|f| f.place = "other".into(), &[("place_other", Required)]);
        check_errors(|f| f.form = "letter".into(), &[("form", NotInList)]);
        check_errors(|f| f.form.clear(), &[("form", Required)]);
        check_errors(
            |f| f.participants = vec![id(2).to_string(), id(3).to_string()],
            &[("participants[1]", NotInList)],
        );
        check_errors(|f| f.participants = vec!["Anna".into()], &[("participants[0]", NotInList)]);
        check_errors(|f| f.participants.clear(), &[]);
        check_errors(|f| f.areas = vec!["housing".into(), "hobby".into()], &[("areas[1]", NotInList)]);
        check_errors(
            |f| {
                f.actions_worked = vec![
                    ActionWorkedForm { action_id: id(13).to_string(), note: "x".into(), status: String::new() },
                    ActionWorkedForm { action_id: id(12).to_string(), note: "x".into(), status: "finished".into() },
                    ActionWorkedForm { action_id: id(12).to_string(), note: " ".into(), status: String::new() },
                ]
            },
            &[
                ("actions_worked[0].action_id", NotInList),
                ("actions_worked[1].status", NotInList),
                ("actions_worked[2].note", Required),
            ],
        );
    }

    #[test]
    fn lists_keep_each_entry_once() {
        let mut form = form();
        form.participants = vec![id(2).to_string(), " ".into(), id(1).to_string(), id(2).to_string()];
        form.areas = vec!["safety".into(), "safety".into()];
        let visit = validate(&form).unwrap();
        assert_eq!(visit.participants, [id(2), id(1)]);
        assert_eq!(visit.areas, ["safety"]);
    }

    #[test]
    fn a_safety_concern_needs_what_was_observed_and_the_steps_taken() {
        use FieldErrorCode::*;
        check_errors(
            |f| f.safety_concern = true,
            &[("intervention_observed", Required), ("intervention_steps", Required), ("intervention_time", Required)],
        );
        check_errors(
            |f| {
                f.safety_concern = true;
                f.intervention_observed = "Ślady pobicia".into();
                f.intervention_steps = vec!["police_called".into(), "prayed".into()];
                f.intervention_time = "17:10".into();
            },
            &[("intervention_steps[1]", NotInList)],
        );
        check_errors(
            |f| {
                f.intervention_observed = "ignored without a safety concern".into();
                f.intervention_steps = vec!["prayed".into()];
            },
            &[],
        );
        let mut with_intervention = form();
        with_intervention.safety_concern = true;
        with_intervention.intervention_observed = "Ślady pobicia u Kuby".into();
        with_intervention.intervention_steps = vec!["police_called".into(), "niebieska_karta_started".into()];
        with_intervention.intervention_time = "17:45".into();
        let visit = validate(&with_intervention).unwrap();
        assert_eq!(
            visit.intervention,
            Some(Intervention {
                observed: "Ślady pobicia u Kuby".into(),
                steps: vec![InterventionStep::PoliceCalled, InterventionStep::NiebieskaKartaStarted],
                at: d("2026-03-09").and_time(t("17:45")),
            })
        );
        assert_eq!(validate(&VisitForm::from_visit(&visit)), Ok(visit));
    }

    #[test]
    fn explanations_come_with_the_errors_that_need_them() {
        let mut f = form();
        f.next_planned = "2026-03-01".into();
        f.safety_concern = true;
        let ids: Vec<String> = validate(&f).unwrap_err().iter().map(|e| e.message_id().to_owned()).collect();
        assert_eq!(
            ids,
            [
                "visit-error-next-planned-not-after",
                "field-error-required",
                "intervention-error-no-steps",
                "field-error-required"
            ]
        );
    }

    #[test]
    fn visit_wire_format_is_stable() {
        let visit = Visit {
            date: d("2026-03-09"),
            start: t("16:00"),
            end: t("16:20"),
            place: Place::Other { text: "park".into() },
            form: ContactForm::PhoneCall,
            participants: vec![id(1)],
            other_participants: "pedagog".into(),
            areas: vec!["safety".into()],
            actions_worked: vec![],
            notes: String::new(),
            next_planned: None,
            intervention: Some(Intervention {
                observed: "x".into(),
                steps: vec![InterventionStep::CourtInformed],
                at: d("2026-03-09").and_time(t("16:10")),
            }),
            planned: None,
            purpose: None,
            travel: None,
        };
        let json = concat!(
            r#"{"date":"2026-03-09","start":"16:00:00","end":"16:20:00","place":{"kind":"other","text":"park"},"#,
            r#""form":"phone_call","participants":["00000000-0000-0000-0000-000000000001"],"#,
            r#""other_participants":"pedagog","areas":["safety"],"actions_worked":[],"notes":"","#,
            r#""next_planned":null,"intervention":{"observed":"x","steps":["court_informed"],"#,
            r#""at":"2026-03-09T16:10:00"}}"#
        );
        assert_eq!(serde_json::to_string(&visit).unwrap(), json);
        assert_eq!(serde_json::from_str::<Visit>(json).unwrap(), visit);
    }

    #[test]
    fn names_round_trip() {
        for f in ContactForm::ALL {
            assert_eq!(ContactForm::parse(f.as_str()), Some(f));
            assert_eq!(serde_json::to_value(f).unwrap(), f.as_str());
        }
        for s in InterventionStep::ALL {
            assert_eq!(InterventionStep::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for kind in Place::KINDS {
            let place = Place::from_kind(kind, String::new()).unwrap();
            assert_eq!(place.kind(), kind);
            assert_eq!(serde_json::to_value(&place).unwrap()["kind"], kind);
        }
    }
}
