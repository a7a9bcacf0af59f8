//! Due dates of periodic evaluations (pure date arithmetic).

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The period between evaluations unless the centre sets another.
pub const DEFAULT_PERIOD_MONTHS: u32 = 6;
/// The longest period allowed: the Act asks for an evaluation at least
/// every six months.
pub const MAX_PERIOD_MONTHS: u32 = 6;
/// How many days before the due date the reminder starts.
pub const REMINDER_DAYS: i64 = 30;

/// `date` plus `months` calendar months; a day the target month lacks
/// becomes its last day (2026-08-31 + 6 = 2027-02-28; 2027-08-31 + 6 =
/// 2028-02-29).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    // Only a date near the end of chrono's range (year 262,000) overflows.
    date.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX)
}

/// When the next evaluation is due: `period_months` after the previous
/// evaluation, or after the start of the work when there was none yet. The
/// period is taken as 1 to [`MAX_PERIOD_MONTHS`].
pub fn next_due(start_of_work: NaiveDate, last_evaluated_on: Option<NaiveDate>, period_months: u32) -> NaiveDate {
    let period = period_months.clamp(1, MAX_PERIOD_MONTHS);
    add_months(last_evaluated_on.map_or(start_of_work, |last| last.max(start_of_work)), period)
}

/// Where an evaluation stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum DueState {
    /// More than the reminder period ahead.
    Later { due: NaiveDate },
    /// Within the reminder period (or due today): `days_left` ≥ 0.
    DueSoon { due: NaiveDate, days_left: i64 },
    /// Past the due date by `days_over` ≥ 1 days.
    Overdue { due: NaiveDate, days_over: i64 },
}

/// The state of an evaluation due on `due`, seen on `today`, with a
/// reminder `reminder_days` before.
pub fn due_state(due: NaiveDate, today: NaiveDate, reminder_days: i64) -> DueState {
    let days_left = (due - today).num_days();
    if days_left < 0 {
        DueState::Overdue { due, days_over: -days_left }
    } else if days_left <= reminder_days {
        DueState::DueSoon { due, days_left }
    } else {
        DueState::Later { due }
    }
}

#[cfg(test)]
mod tests;
