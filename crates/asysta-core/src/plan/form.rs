//! The plan form as typed and its check: every refused field at once,
//! named by its path (`goals[0].actions[1].what`); ids kept from the
//! previous version so [`super::diff`] can match goals and actions.

use super::*;

/// The plan form as typed. Errors name fields by their path, e.g.
/// `goals[0].actions[1].what`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanVersionForm {
    /// `YYYY-MM-DD`, or empty when not agreed yet.
    pub agreed_with_family_on: String,
    /// `YYYY-MM-DD`; with the social worker's name, or both empty.
    pub consultation_date: String,
    pub consultation_social_worker: String,
    pub goals: Vec<PlanGoalForm>,
}

/// One goal of the plan form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanGoalForm {
    /// The goal's id when it comes from an earlier version; `None` for a new
    /// goal.
    pub id: Option<EntityId>,
    /// A [`PlanArea::key`].
    pub area: String,
    pub goal: String,
    pub actions: Vec<PlanActionForm>,
}

/// One action of the plan form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanActionForm {
    /// The action's id when it comes from an earlier version; `None` for a
    /// new action.
    pub id: Option<EntityId>,
    pub what: String,
    /// `member`, `assistant` or `institution` (see [`Actor::KINDS`]).
    pub who: String,
    /// The member's id, when `who` is `member`.
    pub who_member_id: String,
    /// The institution's name, when `who` is `institution`.
    pub who_institution: String,
    /// `YYYY-MM-DD`, or empty for no deadline.
    pub deadline: String,
    pub expected_effect: String,
    /// An [`ActionStatus`] in snake_case; empty means `planned`.
    pub status: String,
}

/// Checks the plan form. Members named as actors must be among
/// `known_member_ids`, areas among `areas`; the agreement and consultation
/// dates must not be after `today`. A goal or action without an id (or
/// with an id the form already used) gets one from `new_id`; the others
/// keep theirs, so [`diff`] can match them with the previous version.
pub fn validate_plan_version(
    form: &PlanVersionForm,
    known_member_ids: &[EntityId],
    areas: &[PlanArea],
    today: NaiveDate,
    mut new_id: impl FnMut() -> EntityId,
) -> Result<NewPlanVersion, Vec<FieldError>> {
    let mut c = Checker::default();
    let agreed_with_family_on = c.date("agreed_with_family_on", &form.agreed_with_family_on, today, false);
    let consultation = check_consultation(&mut c, form, today);
    if form.goals.is_empty() {
        c.push(FieldError::with_detail("goals", FieldErrorCode::Required, "plan-error-no-goals"));
    }
    let mut ctx =
        PlanContext { known_member_ids, areas, today, ids: IdAssigner { seen: BTreeSet::new(), new_id: &mut new_id } };
    let goals = form.goals.iter().enumerate().map(|(i, goal)| check_goal(&mut c, &mut ctx, i, goal)).collect();
    c.finish(NewPlanVersion { agreed_with_family_on, consultation, goals })
}

impl PlanVersionForm {
    /// The form filled in from a version, to draw up the next one. Ids are
    /// kept; the dates of agreement and consultation start empty, since the
    /// next version is agreed and consulted anew.
    pub fn next_from(version: &PlanVersion) -> PlanVersionForm {
        PlanVersionForm { goals: version.goals.iter().map(PlanGoalForm::from_goal).collect(), ..Default::default() }
    }

    /// The form filled in from a version, with all its fields.
    pub fn from_version(version: &PlanVersion) -> PlanVersionForm {
        let consultation = version.consultation.as_ref();
        PlanVersionForm {
            agreed_with_family_on: version.agreed_with_family_on.map(format_date).unwrap_or_default(),
            consultation_date: consultation.map(|c| format_date(c.date)).unwrap_or_default(),
            consultation_social_worker: consultation.map(|c| c.social_worker.clone()).unwrap_or_default(),
            ..PlanVersionForm::next_from(version)
        }
    }
}

impl PlanGoalForm {
    /// The form of one goal, keeping its id.
    pub fn from_goal(goal: &PlanGoal) -> PlanGoalForm {
        PlanGoalForm {
            id: Some(goal.id),
            area: goal.area.clone(),
            goal: goal.goal.clone(),
            actions: goal.actions.iter().map(PlanActionForm::from_action).collect(),
        }
    }
}

impl PlanActionForm {
    /// The form of one action, keeping its id.
    pub fn from_action(action: &PlanAction) -> PlanActionForm {
        let (who_member_id, who_institution) = match &action.who {
            Actor::Member { member_id } => (member_id.to_string(), String::new()),
            Actor::Assistant => (String::new(), String::new()),
            Actor::Institution { name } => (String::new(), name.clone()),
        };
        PlanActionForm {
            id: Some(action.id),
            what: action.what.clone(),
            who: action.who.kind().to_owned(),
            who_member_id,
            who_institution,
            deadline: action.deadline.map(format_date).unwrap_or_default(),
            expected_effect: action.expected_effect.clone(),
            status: action.status.as_str().to_owned(),
        }
    }
}

/// What the checks of one plan form share.
struct PlanContext<'a> {
    known_member_ids: &'a [EntityId],
    areas: &'a [PlanArea],
    today: NaiveDate,
    ids: IdAssigner<'a>,
}

/// Keeps the ids a form brings and gives new ones where it brings none, or
/// brings one a second time (a copied row).
struct IdAssigner<'a> {
    seen: BTreeSet<EntityId>,
    new_id: &'a mut dyn FnMut() -> EntityId,
}

impl IdAssigner<'_> {
    fn assign(&mut self, id: Option<EntityId>) -> EntityId {
        let id = id.filter(|id| !self.seen.contains(id)).unwrap_or_else(|| (self.new_id)());
        self.seen.insert(id);
        id
    }
}

fn check_consultation(c: &mut Checker, form: &PlanVersionForm, today: NaiveDate) -> Option<Consultation> {
    if form.consultation_date.trim().is_empty() && form.consultation_social_worker.trim().is_empty() {
        return None;
    }
    let date = c.required_date("consultation_date", &form.consultation_date, today, false);
    let social_worker = c.required_text("consultation_social_worker", &form.consultation_social_worker, MAX_NAME_CHARS);
    date.map(|date| Consultation { date, social_worker })
}

fn check_goal(c: &mut Checker, ctx: &mut PlanContext<'_>, i: usize, form: &PlanGoalForm) -> PlanGoal {
    let at = format!("goals[{i}]");
    let id = ctx.ids.assign(form.id);
    let area = check_area(c, &format!("{at}.area"), &form.area, ctx.areas);
    let goal = c.required_text(&format!("{at}.goal"), &form.goal, MAX_PLAN_TEXT_CHARS);
    if form.actions.is_empty() {
        c.push(FieldError::with_detail(
            &format!("{at}.actions"),
            FieldErrorCode::Required,
            "plan-error-goal-without-actions",
        ));
    }
    let actions =
        form.actions.iter().enumerate().map(|(j, a)| check_action(c, ctx, &format!("{at}.actions[{j}]"), a)).collect();
    PlanGoal { id, area, goal, actions }
}

fn check_action(c: &mut Checker, ctx: &mut PlanContext<'_>, at: &str, form: &PlanActionForm) -> PlanAction {
    PlanAction {
        id: ctx.ids.assign(form.id),
        what: c.required_text(&format!("{at}.what"), &form.what, MAX_PLAN_TEXT_CHARS),
        who: check_actor(c, at, form, ctx.known_member_ids),
        deadline: c.date(&format!("{at}.deadline"), &form.deadline, ctx.today, true),
        expected_effect: c.required_text(&format!("{at}.expected_effect"), &form.expected_effect, MAX_PLAN_TEXT_CHARS),
        status: c.choice(&format!("{at}.status"), &form.status, ActionStatus::parse).unwrap_or_default(),
    }
}

/// Reads the actor of an action; when refused, gives `Assistant` in its
/// place (the plan is not built then).
fn check_actor(c: &mut Checker, at: &str, form: &PlanActionForm, known_member_ids: &[EntityId]) -> Actor {
    match form.who.trim() {
        "member" => c
            .known_id(&format!("{at}.who_member_id"), &form.who_member_id, known_member_ids)
            .map_or(Actor::Assistant, |member_id| Actor::Member { member_id }),
        "assistant" => Actor::Assistant,
        "institution" => Actor::Institution {
            name: c.required_text(&format!("{at}.who_institution"), &form.who_institution, MAX_NAME_CHARS),
        },
        "" => {
            c.push(FieldError::new(&format!("{at}.who"), FieldErrorCode::Required));
            Actor::Assistant
        }
        _ => {
            c.push(FieldError::new(&format!("{at}.who"), FieldErrorCode::NotInList));
            Actor::Assistant
        }
    }
}

/// Reads an area key that must be among `areas`.
pub(crate) fn check_area(c: &mut Checker, field: &str, value: &str, areas: &[PlanArea]) -> String {
    let key = value.trim();
    if key.is_empty() {
        c.push(FieldError::new(field, FieldErrorCode::Required));
    } else if !areas.iter().any(|a| a.key == key) {
        c.push(FieldError::new(field, FieldErrorCode::NotInList));
    }
    key.to_owned()
}

/// A date as forms type it.
pub(crate) fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}
