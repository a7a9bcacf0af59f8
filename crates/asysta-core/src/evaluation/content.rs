//! What a periodic evaluation says: the period, a rating and a comment for
//! each plan area worked on, the outcome of each plan goal, the family's own
//! view, risks to the children, the family's cooperation and a
//! recommendation; and the form it is typed in.
//!
//! A draft may be incomplete; a submitted evaluation must be whole
//! ([`validate_evaluation`] with [`Completeness::ForSubmission`]).

use crate::ids::EntityId;
use crate::plan::PlanArea;
use crate::validation::{Checker, FieldError, FieldErrorCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The longest comment or free text of an evaluation, in characters.
pub const MAX_EVALUATION_TEXT_CHARS: u32 = 10_000;

/// One step of the centre's rating scale (default 1–5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingLevel {
    pub value: u8,
    pub name_pl: String,
    pub name_en: String,
}

const DEFAULT_SCALE: [(u8, &str, &str); 5] = [
    (1, "bardzo zła — zagrożenie dla dzieci", "very poor — children at risk"),
    (2, "zła — poważne trudności", "poor — serious difficulties"),
    (3, "przeciętna — trudności, z którymi rodzina częściowo sobie radzi", "fair — difficulties partly managed"),
    (4, "dobra — drobne trudności", "good — minor difficulties"),
    (5, "bardzo dobra — rodzina radzi sobie samodzielnie", "very good — the family copes on its own"),
];

/// The scale of a new workspace: 1 (very poor) to 5 (very good).
pub fn default_rating_scale() -> Vec<RatingLevel> {
    DEFAULT_SCALE.iter().map(|&(value, pl, en)| RatingLevel { value, name_pl: pl.into(), name_en: en.into() }).collect()
}

/// Checks a centre's rating scale: at least two levels, values unique,
/// names present. Errors name `levels[i]`.
pub fn validate_rating_scale(levels: &[RatingLevel]) -> Result<(), Vec<FieldError>> {
    let mut c = Checker::default();
    if levels.len() < 2 {
        c.push(FieldError::new("levels", FieldErrorCode::Required));
    }
    let mut seen = std::collections::BTreeSet::new();
    for (i, level) in levels.iter().enumerate() {
        if level.name_pl.trim().is_empty() || level.name_en.trim().is_empty() || !seen.insert(level.value) {
            c.push(FieldError::new(&format!("levels[{i}]"), FieldErrorCode::NotInList));
        }
    }
    c.finish(())
}

/// How far a plan goal was reached in the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalOutcome {
    Achieved,
    Partly,
    NotAchieved,
}

/// How the family cooperated with the assistant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cooperation {
    Good,
    Partial,
    Poor,
}

/// What the assistant recommends to the head of the centre.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recommendation {
    /// Continue the work along the plan.
    Continue,
    /// Continue with a changed plan.
    ChangePlan,
    /// End the work with the family.
    EndWork,
    /// Inform the family court.
    InformCourt,
}

macro_rules! snake_enum {
    ($t:ty, $prefix:literal, [$($v:ident => $s:literal),+ $(,)?]) => {
        impl $t {
            pub const ALL: &'static [$t] = &[$(<$t>::$v),+];
            pub fn as_str(self) -> &'static str {
                match self { $(<$t>::$v => $s),+ }
            }
            pub fn parse(s: &str) -> Option<$t> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
            /// The Fluent message that names it.
            pub fn message_id(self) -> String {
                format!(concat!($prefix, "-{}"), self.as_str().replace('_', "-"))
            }
        }
    };
}

snake_enum!(GoalOutcome, "goal-outcome", [Achieved => "achieved", Partly => "partly", NotAchieved => "not_achieved"]);
snake_enum!(Cooperation, "cooperation", [Good => "good", Partial => "partial", Poor => "poor"]);
snake_enum!(Recommendation, "recommendation", [
    Continue => "continue", ChangePlan => "change_plan", EndWork => "end_work", InformCourt => "inform_court",
]);

/// The rating of one plan area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaRating {
    /// A [`PlanArea::key`].
    pub area: String,
    /// A [`RatingLevel::value`]; `None` in a draft not rated yet.
    pub rating: Option<u8>,
    pub comment: String,
}

/// The outcome of one plan goal in the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalReview {
    /// The goal's id in the plan (stable across versions).
    pub goal_id: EntityId,
    /// The goal as the plan worded it when the evaluation was written.
    pub goal: String,
    pub outcome: Option<GoalOutcome>,
    pub comment: String,
}

/// The content of a periodic (or final) evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    /// The evaluation written when the work is closed.
    #[serde(default)]
    pub is_final: bool,
    pub areas: Vec<AreaRating>,
    pub goals: Vec<GoalReview>,
    /// The family's own view of its situation.
    pub family_view: String,
    /// Risks to the children.
    pub child_risks: String,
    pub cooperation: Option<Cooperation>,
    pub cooperation_comment: String,
    pub recommendation: Option<Recommendation>,
    pub recommendation_note: String,
}

/// The evaluation form as typed. Errors name fields by path, e.g.
/// `areas[1].rating` or `goals[0].outcome`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EvaluationForm {
    /// `YYYY-MM-DD`.
    pub period_from: String,
    /// `YYYY-MM-DD`.
    pub period_to: String,
    pub is_final: bool,
    pub areas: Vec<AreaRatingForm>,
    pub goals: Vec<GoalReviewForm>,
    pub family_view: String,
    pub child_risks: String,
    /// A [`Cooperation`] in snake_case, or empty.
    pub cooperation: String,
    pub cooperation_comment: String,
    /// A [`Recommendation`] in snake_case, or empty.
    pub recommendation: String,
    pub recommendation_note: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AreaRatingForm {
    pub area: String,
    /// A rating value as text (`"4"`), or empty.
    pub rating: String,
    pub comment: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GoalReviewForm {
    pub goal_id: String,
    pub goal: String,
    /// A [`GoalOutcome`] in snake_case, or empty.
    pub outcome: String,
    pub comment: String,
}

/// How whole an evaluation must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completeness {
    /// A draft: only the period and the types of what is filled in.
    Draft,
    /// To be submitted: every area rated, every goal's outcome, the
    /// family's view, the cooperation and a recommendation.
    ForSubmission,
}

/// Checks an evaluation form. Areas must be among `areas` (each at most
/// once), ratings on `scale`, goals among `goal_ids`; the period must end
/// on or after it starts and not after `today`.
pub fn validate_evaluation(
    form: &EvaluationForm,
    areas: &[PlanArea],
    scale: &[RatingLevel],
    goal_ids: &[EntityId],
    today: NaiveDate,
    completeness: Completeness,
) -> Result<Evaluation, Vec<FieldError>> {
    let mut c = Checker::default();
    let whole = completeness == Completeness::ForSubmission;
    let from = c.required_date("period_from", &form.period_from, today, false);
    let to = c.required_date("period_to", &form.period_to, today, false);
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            c.push(FieldError::new("period_to", FieldErrorCode::EndBeforeStart));
        }
    }
    let mut seen_areas = std::collections::BTreeSet::new();
    let rated = form
        .areas
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let field = |name: &str| format!("areas[{i}].{name}");
            if !areas.iter().any(|known| known.key == a.area) || !seen_areas.insert(a.area.clone()) {
                c.push(FieldError::new(&field("area"), FieldErrorCode::NotInList));
            }
            let rating = match a.rating.trim() {
                "" => {
                    if whole {
                        c.push(FieldError::new(&field("rating"), FieldErrorCode::Required));
                    }
                    None
                }
                text => {
                    let value = text.parse::<u8>().ok().filter(|v| scale.iter().any(|l| l.value == *v));
                    if value.is_none() {
                        c.push(FieldError::new(&field("rating"), FieldErrorCode::NotInList));
                    }
                    value
                }
            };
            AreaRating {
                area: a.area.clone(),
                rating,
                comment: c.long_text(&field("comment"), &a.comment, MAX_EVALUATION_TEXT_CHARS),
            }
        })
        .collect();
    let goals = form
        .goals
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            let field = |name: &str| format!("goals[{i}].{name}");
            let goal_id = c.known_id(&field("goal_id"), &g.goal_id, goal_ids)?;
            let outcome = choice(&mut c, &field("outcome"), &g.outcome, whole, GoalOutcome::parse);
            Some(GoalReview {
                goal_id,
                goal: c.optional_text(&field("goal"), &g.goal, MAX_EVALUATION_TEXT_CHARS),
                outcome,
                comment: c.long_text(&field("comment"), &g.comment, MAX_EVALUATION_TEXT_CHARS),
            })
        })
        .collect();
    let text = |c: &mut Checker, field: &str, value: &str, required: bool| {
        let text = c.long_text(field, value, MAX_EVALUATION_TEXT_CHARS);
        if required && text.is_empty() {
            c.push(FieldError::new(field, FieldErrorCode::Required));
        }
        text
    };
    let evaluation = Evaluation {
        period_from: from.unwrap_or_default(),
        period_to: to.unwrap_or_default(),
        is_final: form.is_final,
        areas: rated,
        goals,
        family_view: text(&mut c, "family_view", &form.family_view, whole),
        child_risks: text(&mut c, "child_risks", &form.child_risks, false),
        cooperation: choice(&mut c, "cooperation", &form.cooperation, whole, Cooperation::parse),
        cooperation_comment: text(&mut c, "cooperation_comment", &form.cooperation_comment, false),
        recommendation: choice(&mut c, "recommendation", &form.recommendation, whole, Recommendation::parse),
        recommendation_note: text(&mut c, "recommendation_note", &form.recommendation_note, false),
    };
    c.finish(evaluation)
}

/// An optional choice that a submission requires.
fn choice<T>(c: &mut Checker, field: &str, value: &str, required: bool, parse: fn(&str) -> Option<T>) -> Option<T> {
    if required && value.trim().is_empty() {
        c.push(FieldError::new(field, FieldErrorCode::Required));
    }
    c.choice(field, value, parse)
}

impl EvaluationForm {
    /// The form showing a saved evaluation (to edit a draft, or to start a
    /// correction from a submitted one).
    pub fn from_evaluation(e: &Evaluation) -> EvaluationForm {
        EvaluationForm {
            period_from: e.period_from.to_string(),
            period_to: e.period_to.to_string(),
            is_final: e.is_final,
            areas: e
                .areas
                .iter()
                .map(|a| AreaRatingForm {
                    area: a.area.clone(),
                    rating: a.rating.map(|r| r.to_string()).unwrap_or_default(),
                    comment: a.comment.clone(),
                })
                .collect(),
            goals: e
                .goals
                .iter()
                .map(|g| GoalReviewForm {
                    goal_id: g.goal_id.to_string(),
                    goal: g.goal.clone(),
                    outcome: g.outcome.map(|o| o.as_str().to_owned()).unwrap_or_default(),
                    comment: g.comment.clone(),
                })
                .collect(),
            family_view: e.family_view.clone(),
            child_risks: e.child_risks.clone(),
            cooperation: e.cooperation.map(|v| v.as_str().to_owned()).unwrap_or_default(),
            cooperation_comment: e.cooperation_comment.clone(),
            recommendation: e.recommendation.map(|v| v.as_str().to_owned()).unwrap_or_default(),
            recommendation_note: e.recommendation_note.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::default_areas;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn goal() -> EntityId {
        EntityId(uuid::Uuid::from_u128(6))
    }

    fn form() -> EvaluationForm {
        EvaluationForm {
            period_from: "2026-06-01".into(),
            period_to: "2026-11-30".into(),
            areas: vec![AreaRatingForm { area: "housing".into(), rating: "4".into(), comment: " Lepiej \r\n".into() }],
            goals: vec![GoalReviewForm {
                goal_id: goal().to_string(),
                goal: "Spłata".into(),
                outcome: "partly".into(),
                comment: String::new(),
            }],
            family_view: "Rodzina widzi postęp.".into(),
            cooperation: "good".into(),
            recommendation: "continue".into(),
            ..EvaluationForm::default()
        }
    }

    fn check(form: &EvaluationForm, completeness: Completeness) -> Result<Evaluation, Vec<String>> {
        validate_evaluation(form, &default_areas(), &default_rating_scale(), &[goal()], d("2026-12-01"), completeness)
            .map_err(|e| e.into_iter().map(|e| e.field).collect())
    }

    #[test]
    fn a_whole_evaluation_can_be_submitted_and_round_trips_through_its_form() {
        let evaluation = check(&form(), Completeness::ForSubmission).unwrap();
        assert_eq!(evaluation.areas[0].rating, Some(4));
        assert_eq!(evaluation.areas[0].comment, "Lepiej");
        assert_eq!(evaluation.goals[0].outcome, Some(GoalOutcome::Partly));
        let again = check(&EvaluationForm::from_evaluation(&evaluation), Completeness::ForSubmission).unwrap();
        assert_eq!(again, evaluation);
    }

    #[test]
    fn a_draft_may_be_incomplete_but_a_submission_may_not() {
        let draft = EvaluationForm {
            areas: vec![AreaRatingForm { area: "housing".into(), ..Default::default() }],
            goals: vec![GoalReviewForm { goal_id: goal().to_string(), ..Default::default() }],
            ..EvaluationForm { period_from: "2026-06-01".into(), period_to: "2026-11-30".into(), ..Default::default() }
        };
        assert!(check(&draft, Completeness::Draft).is_ok());
        assert_eq!(
            check(&draft, Completeness::ForSubmission).unwrap_err(),
            ["areas[0].rating", "goals[0].outcome", "family_view", "cooperation", "recommendation"]
        );
    }

    #[test]
    fn ratings_areas_goals_and_the_period_are_checked() {
        let mut bad = form();
        bad.areas[0].rating = "9".into();
        bad.areas.push(AreaRatingForm { area: "housing".into(), ..Default::default() });
        bad.goals[0].goal_id = EntityId(uuid::Uuid::from_u128(99)).to_string();
        bad.period_to = "2026-05-01".into();
        assert_eq!(
            check(&bad, Completeness::Draft).unwrap_err(),
            ["period_to", "areas[0].rating", "areas[1].area", "goals[0].goal_id"]
        );
        let future = EvaluationForm { period_to: "2026-12-02".into(), ..form() };
        assert_eq!(check(&future, Completeness::Draft).unwrap_err(), ["period_to"]);
    }

    #[test]
    fn a_rating_scale_needs_two_distinct_named_levels() {
        assert!(validate_rating_scale(&default_rating_scale()).is_ok());
        let mut scale = default_rating_scale();
        scale[1].value = 1;
        assert!(validate_rating_scale(&scale).is_err());
        assert!(validate_rating_scale(&scale[..1]).is_err());
    }

    #[test]
    fn choices_have_fluent_ids() {
        assert_eq!(GoalOutcome::NotAchieved.message_id(), "goal-outcome-not-achieved");
        assert_eq!(Recommendation::parse("inform_court"), Some(Recommendation::InformCourt));
    }
}
