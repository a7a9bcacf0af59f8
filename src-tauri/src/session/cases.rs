//! The session's evaluations, closing and court opinions: check the form,
//! delegate to the store, answer with the case.

use super::Session;
use asysta_core::api::{ApiError, CaseVocabulary, DueItem, FamilyCase};
use asysta_core::closing::ClosingForm;
use asysta_core::evaluation::EvaluationForm;
use asysta_core::opinion::OpinionRequestForm;
use asysta_core::ops;
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

    /// Everything with a date, kept like the alerts.
    pub fn due(&mut self, today: NaiveDate) -> Result<Vec<DueItem>, ApiError> {
        super::kept::figure(self.store.as_ref(), &mut self.figures.due, today, |s| s.due(today))
    }

    pub fn save_evaluation(
        &mut self,
        family_id: EntityId,
        evaluation_id: Option<EntityId>,
        form: &EvaluationForm,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.run(ops::SaveEvaluation { family_id, evaluation_id, form: form.clone() }, today)?;
        self.family_case(family_id)
    }

    pub fn submit_evaluation(
        &mut self,
        family_id: EntityId,
        evaluation_id: Option<EntityId>,
        form: &EvaluationForm,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.run(ops::SubmitEvaluation { family_id, evaluation_id, form: form.clone() }, today)?;
        self.family_case(family_id)
    }

    pub fn correct_evaluation(&mut self, evaluation_id: EntityId, today: NaiveDate) -> Result<FamilyCase, ApiError> {
        self.run(ops::CorrectEvaluation { evaluation_id }, today)?;
        let family_id = self.store()?.evaluation(evaluation_id)?.family_id;
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
        self.run(ops::DecideEvaluation { evaluation_id, accept, note: note.into() }, today)?;
        let family_id = self.store()?.evaluation(evaluation_id)?.family_id;
        self.family_case(family_id)
    }

    pub fn close_work(
        &mut self,
        family_id: EntityId,
        form: &ClosingForm,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.run(ops::CloseWork { family_id, form: form.clone() }, today)?;
        self.family_case(family_id)
    }

    pub fn request_opinion(
        &mut self,
        family_id: EntityId,
        form: &OpinionRequestForm,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.run(ops::RequestOpinion { family_id, form: form.clone() }, today)?;
        self.family_case(family_id)
    }

    pub fn save_opinion(&mut self, opinion_id: EntityId, text: &str, today: NaiveDate) -> Result<FamilyCase, ApiError> {
        self.run(ops::SaveOpinion { opinion_id, text: text.into() }, today)?;
        let family_id = self.store()?.opinion(opinion_id)?.family_id;
        self.family_case(family_id)
    }

    pub fn finalize_opinion(
        &mut self,
        opinion_id: EntityId,
        text: &str,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.run(ops::FinalizeOpinion { opinion_id, text: text.into() }, today)?;
        let family_id = self.store()?.opinion(opinion_id)?.family_id;
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
        // typst stays out of the app: each print runs in the helper.
        let typesetter = asysta_print::HelperProcess::beside_this_program();
        let bytes = render(self.store()?, job, today, &typesetter).map_err(|e| match e {
            JobError::Store(e) => ApiError::from(e),
            JobError::NotFound(_) => ApiError::new(asysta_core::api::ErrorKind::NotFound),
            JobError::Print(e @ asysta_print::PrintError::Helper { .. }) => {
                eprintln!("asysta: printing failed: {e}");
                ApiError::new(asysta_core::api::ErrorKind::PrinterMissing)
            }
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
