//! The form of a new evaluation, filled in from the case by
//! `asysta_core::evaluation::prefill`: the period from the day after the
//! last evaluation's period (or the start of the work) to today, the areas
//! and goals of the plan in force with the period's progress, and the
//! period's contacts, worded in the language of the screen.

use crate::i18n::I18n;
use asysta_core::api::FamilyCase;
use asysta_core::evaluation::prefill::{next_period_start, prefill, PrefillInput, PrefillWords};
use asysta_core::evaluation::EvaluationForm;
use asysta_core::plan::{ActionStatus, PlanArea};
use asysta_core::visit::Visit;
use asysta_i18n::Arg;
use chrono::NaiveDate;

impl PrefillWords for I18n {
    fn action_status(&self, status: ActionStatus) -> String {
        self.tr(status.message_id())
    }

    fn date(&self, date: NaiveDate) -> String {
        I18n::date(self, date)
    }

    fn contacts(&self, count: usize, minutes: u32) -> String {
        self.tr_args(
            "evaluation-prefill-contacts",
            &[
                ("count", Arg::Num(count as f64)),
                ("hours", Arg::Num(f64::from(minutes / 60))),
                ("minutes", Arg::Num(f64::from(minutes % 60))),
            ],
        )
    }
}

/// When the work with the family started: the date in the case details,
/// else the day the case was opened.
pub fn start_of_work(case: &FamilyCase) -> Option<NaiveDate> {
    case.details
        .start_date
        .or_else(|| chrono::DateTime::from_timestamp_millis(case.family.created_at_ms as i64).map(|t| t.date_naive()))
}

/// The first day of the next evaluation's period (never after `today`).
pub fn period_start(case: &FamilyCase, today: NaiveDate) -> NaiveDate {
    let previous = case.evaluations.iter().filter(|e| e.status.counts()).map(|e| e.evaluation.period_to).max();
    let start = start_of_work(case).unwrap_or(today);
    next_period_start(start, previous).min(today)
}

/// A new evaluation of the period up to `today`, prefilled from the case.
pub fn new_form(
    case: &FamilyCase,
    areas: &[PlanArea],
    today: NaiveDate,
    is_final: bool,
    words: &dyn PrefillWords,
) -> EvaluationForm {
    let visits: Vec<Visit> = case.visits.iter().map(|v| v.visit.clone()).collect();
    let input = PrefillInput {
        plan: case.plan_versions.last(),
        notes: &case.progress_notes,
        visits: &visits,
        areas,
        period_from: period_start(case, today),
        period_to: today,
        is_final,
    };
    prefill(&input, words)
}
