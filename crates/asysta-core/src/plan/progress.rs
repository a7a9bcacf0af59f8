//! A progress note typed outside a visit: the form and its check.

use super::{ActionStatus, PlanVersion, ProgressNote};
use crate::validation::{Checker, FieldError, FieldErrorCode};
use crate::visit::MAX_NOTE_CHARS;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The progress form as typed: an action of the plan in force, a date, a
/// note or a new state of the action (or both).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProgressNoteForm {
    pub action_id: String,
    /// `YYYY-MM-DD` or `dd.mm.rrrr`.
    pub date: String,
    pub note: String,
    /// `planned`, `in_progress`, `done`, `abandoned`, or empty: unchanged.
    pub status: String,
}

/// Checks a progress note against the plan in force (`current`): its
/// action one of that version's, its date not after today and not before
/// the plan was agreed with the family, a note or a state. Every refused
/// field at once.
pub fn validate_progress_note(
    form: &ProgressNoteForm,
    current: Option<&PlanVersion>,
    today: NaiveDate,
) -> Result<ProgressNote, Vec<FieldError>> {
    let mut c = Checker::default();
    let actions: Vec<_> = current.map(|v| v.actions().map(|a| a.id).collect()).unwrap_or_default();
    let action_id = c.known_id("action_id", &form.action_id, &actions);
    let date = c.required_date("date", &form.date, today, false);
    let note = c.long_text("note", &form.note, MAX_NOTE_CHARS);
    let status = c.choice("status", &form.status, ActionStatus::parse);
    if note.is_empty() && status.is_none() {
        c.push(FieldError::new("note", FieldErrorCode::Required));
    }
    // No progress before the plan was agreed with the family.
    if let (Some(date), Some(agreed)) = (date, current.and_then(|v| v.agreed_with_family_on)) {
        if date < agreed {
            c.push(FieldError::new("date", FieldErrorCode::OutOfRange));
        }
    }
    c.finish(())?;
    match (action_id, date) {
        (Some(action_id), Some(date)) => Ok(ProgressNote { action_id, date, note, status }),
        // Not reached: a missing action or date is a refused field.
        _ => Err(vec![FieldError::new("action_id", FieldErrorCode::Required)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Actor, PlanAction, PlanGoal};
    use crate::EntityId;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn version() -> PlanVersion {
        PlanVersion {
            number: 1,
            agreed_with_family_on: Some(d("2026-09-01")),
            consultation: None,
            goals: vec![PlanGoal {
                id: EntityId(uuid::Uuid::from_u128(1)),
                area: "budget_debts".into(),
                goal: "Spłata długu".into(),
                actions: vec![PlanAction {
                    id: EntityId(uuid::Uuid::from_u128(2)),
                    what: "Wniosek o raty".into(),
                    who: Actor::Assistant,
                    deadline: None,
                    expected_effect: "Ugoda".into(),
                    status: ActionStatus::Planned,
                }],
            }],
        }
    }

    fn form(action: &str, date: &str, note: &str, status: &str) -> ProgressNoteForm {
        ProgressNoteForm { action_id: action.into(), date: date.into(), note: note.into(), status: status.into() }
    }

    const ACTION: &str = "00000000-0000-0000-0000-000000000002";

    #[test]
    fn a_note_on_an_action_of_the_plan_in_force_is_taken() {
        let v = version();
        let note = validate_progress_note(&form(ACTION, "20.11.2026", " Złożono ", "done"), Some(&v), d("2026-11-30"));
        let note = note.unwrap();
        assert_eq!(
            (note.date, note.note.as_str(), note.status),
            (d("2026-11-20"), "Złożono", Some(ActionStatus::Done))
        );
    }

    #[test]
    fn every_refused_field_is_named_at_once() {
        let v = version();
        let fields = |f: &ProgressNoteForm, plan: Option<&PlanVersion>| -> Vec<String> {
            let mut fields: Vec<String> =
                validate_progress_note(f, plan, d("2026-11-30")).unwrap_err().into_iter().map(|e| e.field).collect();
            fields.sort();
            fields
        };
        assert_eq!(fields(&form("x", "jutro", "", ""), Some(&v)), ["action_id", "date", "note"]);
        assert_eq!(fields(&form(ACTION, "2026-08-31", "Wcześniej", ""), Some(&v)), ["date"], "before the agreement");
        assert_eq!(fields(&form(ACTION, "2026-12-01", "Później", ""), Some(&v)), ["date"], "after today");
        assert_eq!(fields(&form(ACTION, "2026-11-20", "Bez planu", ""), None), ["action_id"], "no plan yet");
    }
}
