//! The periodic evaluation of a family's situation (*okresowa ocena
//! sytuacji rodziny*): when it is due (`schedule`), what it says
//! (`content`), how it is prefilled (`prefill`) and its course from draft
//! to the head of the centre's decision (`lifecycle`).
//!
//! The assistant evaluates the family's situation at the latest six months
//! after the work started and six months after the previous evaluation (the
//! period is a centre setting, at most six months). Month arithmetic is
//! calendar-correct: a date that does not exist in the target month becomes
//! that month's last day (31 August + 6 months = the end of February). An
//! evaluation made early starts the next period from its own date.

pub mod content;
pub mod lifecycle;
pub mod prefill;
pub mod schedule;

pub use content::{
    default_rating_scale, validate_evaluation, validate_rating_scale, AreaRating, AreaRatingForm, Completeness,
    Cooperation, Evaluation, EvaluationForm, GoalOutcome, GoalReview, GoalReviewForm, RatingLevel, Recommendation,
};
pub use lifecycle::{
    has_final_evaluation, last_evaluated_on, status_of, Decision, EvaluationStatus, EvaluationView, Stamp,
};
pub use schedule::{
    add_months, due_state, next_due, DueState, DEFAULT_PERIOD_MONTHS, MAX_PERIOD_MONTHS, REMINDER_DAYS,
};
