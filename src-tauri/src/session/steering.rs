//! The centre's steering in the window: each operation through
//! `Store::run`, each read straight from the store.

use super::Session;
use asysta_core::api::{ApiError, FamilyCase};
use asysta_core::centre::approval::DecisionForm;
use asysta_core::centre::dashboard::Dashboard;
use asysta_core::centre::duplicates::DuplicatePair;
use asysta_core::centre::intake::ReferralForm;
use asysta_core::centre::report::{HalfYear, HalfYearReport};
use asysta_core::centre::{AssistantForm, AssistantView, TransferView, WaitingCase};
use asysta_core::event::DuplicateDecision;
use asysta_core::ops;
use asysta_core::workspace::Role;
use asysta_core::{EntityId, FieldError, FieldErrorCode};
use chrono::NaiveDate;

impl Session {
    pub fn register_assistant(
        &mut self,
        form: AssistantForm,
        devices: Vec<String>,
        today: NaiveDate,
    ) -> Result<Vec<AssistantView>, ApiError> {
        self.run(ops::RegisterAssistant { form, devices }, today)?;
        self.assistants(None)
    }

    pub fn update_assistant(
        &mut self,
        assistant_id: EntityId,
        form: AssistantForm,
        devices: Vec<String>,
        today: NaiveDate,
    ) -> Result<Vec<AssistantView>, ApiError> {
        self.run(ops::UpdateAssistant { assistant_id, form, devices }, today)?;
        self.assistants(None)
    }

    pub fn assistants(&self, on: Option<NaiveDate>) -> Result<Vec<AssistantView>, ApiError> {
        Ok(self.store()?.assistants(on)?)
    }

    pub fn refer_family(&mut self, form: ReferralForm, today: NaiveDate) -> Result<EntityId, ApiError> {
        self.run(ops::ReferFamily { form }, today)
    }

    pub fn waiting_list(&self, today: NaiveDate) -> Result<Vec<WaitingCase>, ApiError> {
        Ok(self.store()?.waiting_list(today)?)
    }

    pub fn assign_family(
        &mut self,
        family_id: EntityId,
        assistant_id: EntityId,
        on: String,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.run(ops::AssignFamily { family_id, assistant_id, on }, today)?;
        self.family_case(family_id)
    }

    pub fn transfer_family(
        &mut self,
        family_id: EntityId,
        assistant_id: EntityId,
        on: String,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.run(ops::TransferFamily { family_id, assistant_id, on }, today)?;
        self.family_case(family_id)
    }

    pub fn transfers(&self) -> Result<Vec<TransferView>, ApiError> {
        Ok(self.store()?.transfers()?)
    }

    pub fn submit_plan(&mut self, family_id: EntityId, version: u32, today: NaiveDate) -> Result<FamilyCase, ApiError> {
        self.run(ops::SubmitPlan { family_id, version }, today)?;
        self.family_case(family_id)
    }

    pub fn decide_plan(
        &mut self,
        family_id: EntityId,
        version: u32,
        form: DecisionForm,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.run(ops::DecidePlan { family_id, version, form }, today)?;
        self.family_case(family_id)
    }

    /// The centre's latest decision on each of this laptop's plans.
    pub fn plan_decisions(&self) -> Result<Vec<asysta_core::centre::approval::PlanDecisionNotice>, ApiError> {
        Ok(self.store()?.plan_decisions()?)
    }

    /// Answers with the case the comment is in.
    pub fn add_comment(
        &mut self,
        target_id: String,
        text: String,
        reply_to: Option<EntityId>,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        let id = self.run(ops::AddComment { target_id, text, reply_to }, today)?;
        let family_id = self
            .store()?
            .comments(None)?
            .into_iter()
            .find(|c| c.id == id)
            .map(|c| c.family_id)
            .ok_or_else(|| ApiError::invalid(vec![FieldError::new("target_id", FieldErrorCode::NotInList)]))?;
        self.family_case(family_id)
    }

    pub fn mark_comments_read(&mut self, ids: &[EntityId]) -> Result<(), ApiError> {
        Ok(self.store_mut()?.mark_comments_read(ids)?)
    }

    pub fn cross_duplicates(&self) -> Result<Vec<DuplicatePair>, ApiError> {
        Ok(self.store()?.cross_duplicates()?)
    }

    pub fn decide_duplicates(
        &mut self,
        first: EntityId,
        second: EntityId,
        decision: DuplicateDecision,
        today: NaiveDate,
    ) -> Result<Vec<DuplicatePair>, ApiError> {
        self.run(ops::DecideDuplicates { first, second, decision }, today)?;
        self.cross_duplicates()
    }

    /// The dashboard on `on`: the one computed last when no table has
    /// changed since, else computed afresh (and kept).
    pub fn dashboard(&mut self, on: NaiveDate) -> Result<Dashboard, ApiError> {
        super::kept::figure(self.store.as_ref(), &mut self.figures.dashboard, on, |s| s.dashboard(on))
    }

    /// Computes the dashboard and the half-year's figures ahead of their
    /// first showing (after an unlock or an import at a centre); nothing
    /// at a laptop.
    pub fn prepare_dashboard(&mut self, on: NaiveDate) -> Result<(), ApiError> {
        if self.store()?.role() == Role::Centre {
            self.dashboard(on)?;
            self.half_year_figures(HalfYear::of(on))?;
            self.alerts(on)?;
            self.due(on)?;
        }
        Ok(())
    }

    pub fn half_year_report(&mut self, period: &str) -> Result<HalfYearReport, ApiError> {
        self.half_year_figures(parse_period(period)?)
    }

    /// The half-year's figures, kept like the dashboard.
    fn half_year_figures(&mut self, period: HalfYear) -> Result<HalfYearReport, ApiError> {
        super::kept::figure(self.store.as_ref(), &mut self.figures.half_year, period, |s| s.half_year_report(period))
    }

    /// The half-year report as CSV with its rows named in Polish, written
    /// whole to `path` (a UTF-8 mark first, so spreadsheets read the
    /// Polish letters); answers the path written.
    pub fn export_half_year_csv(&mut self, period: &str, path: &std::path::Path) -> Result<String, ApiError> {
        let report = self.half_year_report(period)?;
        let polish = asysta_i18n::Translator::new(asysta_i18n::Locale::Pl);
        let csv = format!("\u{feff}{}", asysta_i18n::reports::report_csv(&polish, &report));
        asysta_store::write_atomically(path, csv.as_bytes()).map_err(|_| super::file_error(path))?;
        Ok(path.display().to_string())
    }
}

fn parse_period(period: &str) -> Result<HalfYear, ApiError> {
    HalfYear::parse(period)
        .ok_or_else(|| ApiError::invalid(vec![FieldError::new("period", FieldErrorCode::InvalidDate)]))
}

/// The file a half-year's CSV is offered under (`asystenci-rodziny-2026-H2.csv`).
pub fn half_year_csv_name(period: &str) -> Result<String, ApiError> {
    Ok(format!("asystenci-rodziny-{}.csv", parse_period(period)?))
}
