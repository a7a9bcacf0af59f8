//! The session's evaluations, closing and court opinions: check the form,
//! delegate to the store, answer with the case.

use super::Session;
use asysta_core::api::{ApiError, CaseVocabulary, DueItem, FamilyCase};
use asysta_core::closing::{validate_closing, ClosingForm};
use asysta_core::evaluation::{Decision, EvaluationForm};
use asysta_core::opinion::{validate_opinion_request, OpinionRequestForm};
use asysta_core::workspace::Role;
use asysta_core::EntityId;
use chrono::NaiveDate;

impl Session {
    pub fn case_vocabulary(&self) -> Result<CaseVocabulary, ApiError> {
        let store = self.store()?;
        let periods = store.periods()?;
        Ok(CaseVocabulary {
            rating_scale: store.rating_scale()?,
            closing_reasons: store.closing_reasons()?,
            evaluation_months: periods.evaluation_months,
            monitoring_months: periods.monitoring_months,
            lock_minutes: periods.lock_minutes,
        })
    }

    pub fn due(&self, today: NaiveDate) -> Result<Vec<DueItem>, ApiError> {
        Ok(self.store()?.due(today)?)
    }

    pub fn save_evaluation(
        &mut self,
        family_id: EntityId,
        evaluation_id: Option<EntityId>,
        form: &EvaluationForm,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.case_editable()?;
        self.store_mut()?.save_evaluation(family_id, evaluation_id, form, today)?;
        self.family_case(family_id)
    }

    pub fn submit_evaluation(
        &mut self,
        family_id: EntityId,
        evaluation_id: Option<EntityId>,
        form: &EvaluationForm,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.case_editable()?;
        self.store_mut()?.submit_evaluation(family_id, evaluation_id, form, today)?;
        self.family_case(family_id)
    }

    pub fn correct_evaluation(&mut self, evaluation_id: EntityId) -> Result<FamilyCase, ApiError> {
        self.case_editable()?;
        let store = self.store_mut()?;
        store.correct_evaluation(evaluation_id)?;
        let family_id = store.evaluation(evaluation_id)?.family_id;
        self.family_case(family_id)
    }

    /// The head of the centre's decision: the one change a centre makes
    /// to a case.
    pub fn decide_evaluation(
        &mut self,
        evaluation_id: EntityId,
        accept: bool,
        note: &str,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.require_role(Role::Centre)?;
        let decision = if accept { Decision::Accepted } else { Decision::Returned };
        let store = self.store_mut()?;
        store.decide_evaluation(evaluation_id, decision, note, today)?;
        let family_id = store.evaluation(evaluation_id)?.family_id;
        self.family_case(family_id)
    }

    pub fn close_work(
        &mut self,
        family_id: EntityId,
        form: &ClosingForm,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.case_editable()?;
        let reasons = self.store()?.closing_reasons()?;
        let closing = validate_closing(form, &reasons, today).map_err(ApiError::invalid)?;
        self.store_mut()?.close_work(family_id, closing)?;
        self.family_case(family_id)
    }

    pub fn request_opinion(
        &mut self,
        family_id: EntityId,
        form: &OpinionRequestForm,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.case_editable()?;
        let request = validate_opinion_request(form, today).map_err(ApiError::invalid)?;
        self.store_mut()?.request_opinion(family_id, request)?;
        self.family_case(family_id)
    }

    pub fn save_opinion(&mut self, opinion_id: EntityId, text: &str) -> Result<FamilyCase, ApiError> {
        self.case_editable()?;
        let store = self.store_mut()?;
        store.save_opinion(opinion_id, text)?;
        let family_id = store.opinion(opinion_id)?.family_id;
        self.family_case(family_id)
    }

    pub fn finalize_opinion(
        &mut self,
        opinion_id: EntityId,
        text: &str,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.case_editable()?;
        let store = self.store_mut()?;
        store.finalize_opinion(opinion_id, text, today)?;
        let family_id = store.opinion(opinion_id)?.family_id;
        self.family_case(family_id)
    }
}

impl Session {
    /// Renders a document and writes it to `path` atomically (a failed
    /// write leaves no partial file); answers with the path written.
    pub fn print_document(
        &self,
        job: &asysta_core::api::PrintJob,
        path: &std::path::Path,
        today: NaiveDate,
    ) -> Result<String, ApiError> {
        use asysta_print::jobs::{render, JobError};
        let bytes = render(self.store()?, job, today).map_err(|e| match e {
            JobError::Store(e) => ApiError::from(e),
            JobError::NotFound(_) => ApiError::new(asysta_core::api::ErrorKind::NotFound),
            JobError::Print(e) => {
                // A template failure is a bug; its text may quote the
                // case, so it goes to the log only.
                eprintln!("asysta: printing failed: {e}");
                ApiError::new(asysta_core::api::ErrorKind::Internal)
            }
        })?;
        asysta_print::write_atomically(path, &bytes).map_err(|_| super::file_error(path))?;
        Ok(path.display().to_string())
    }
}
