//! The centre's steering and the laptop's side of it: one typed function
//! per command.

use super::{call, NoArgs};
use asysta_core::api::{command, ApiError, FamilyCase};
use asysta_core::centre::approval::{DecisionForm, PlanDecisionNotice};
use asysta_core::centre::dashboard::Dashboard;
use asysta_core::centre::duplicates::DuplicatePair;
use asysta_core::centre::intake::ReferralForm;
use asysta_core::centre::report::HalfYearReport;
use asysta_core::centre::{AssistantForm, AssistantView, TransferView, WaitingCase};
use asysta_core::event::DuplicateDecision;
use asysta_core::EntityId;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Serialize)]
struct RegisterArgs<'a> {
    form: &'a AssistantForm,
    devices: &'a [String],
}

#[derive(Serialize)]
struct UpdateAssistantArgs<'a> {
    assistant_id: EntityId,
    form: &'a AssistantForm,
    devices: &'a [String],
}

#[derive(Serialize)]
struct OnArgs {
    on: Option<NaiveDate>,
}

#[derive(Serialize)]
struct ReferArgs<'a> {
    form: &'a ReferralForm,
}

#[derive(Serialize)]
struct AssignArgs<'a> {
    family_id: EntityId,
    assistant_id: EntityId,
    on: &'a str,
}

#[derive(Serialize)]
struct SubmitPlanArgs {
    family_id: EntityId,
    version: u32,
}

#[derive(Serialize)]
struct DecidePlanArgs<'a> {
    family_id: EntityId,
    version: u32,
    form: &'a DecisionForm,
}

#[derive(Serialize)]
struct CommentArgs<'a> {
    target_id: &'a str,
    text: &'a str,
    reply_to: Option<EntityId>,
}

#[derive(Serialize)]
struct IdsArgs<'a> {
    ids: &'a [EntityId],
}

#[derive(Serialize)]
struct DuplicatesArgs {
    first: EntityId,
    second: EntityId,
    decision: DuplicateDecision,
}

#[derive(Serialize)]
struct PeriodArgs<'a> {
    period: &'a str,
}

pub async fn register_assistant(form: &AssistantForm, devices: &[String]) -> Result<Vec<AssistantView>, ApiError> {
    call(command::REGISTER_ASSISTANT, &RegisterArgs { form, devices }).await
}

pub async fn update_assistant(
    assistant_id: EntityId,
    form: &AssistantForm,
    devices: &[String],
) -> Result<Vec<AssistantView>, ApiError> {
    call(command::UPDATE_ASSISTANT, &UpdateAssistantArgs { assistant_id, form, devices }).await
}

/// The register, with active families on `on` (now when `None`).
pub async fn assistants(on: Option<NaiveDate>) -> Result<Vec<AssistantView>, ApiError> {
    call(command::ASSISTANTS, &OnArgs { on }).await
}

pub async fn refer_family(form: &ReferralForm) -> Result<EntityId, ApiError> {
    call(command::REFER_FAMILY, &ReferArgs { form }).await
}

pub async fn waiting_list() -> Result<Vec<WaitingCase>, ApiError> {
    call(command::WAITING_LIST, &NoArgs {}).await
}

/// `on`: the effective date as typed (empty: today).
pub async fn assign_family(family_id: EntityId, assistant_id: EntityId, on: &str) -> Result<FamilyCase, ApiError> {
    call(command::ASSIGN_FAMILY, &AssignArgs { family_id, assistant_id, on }).await
}

pub async fn transfer_family(family_id: EntityId, assistant_id: EntityId, on: &str) -> Result<FamilyCase, ApiError> {
    call(command::TRANSFER_FAMILY, &AssignArgs { family_id, assistant_id, on }).await
}

pub async fn transfers() -> Result<Vec<TransferView>, ApiError> {
    call(command::TRANSFERS, &NoArgs {}).await
}

pub async fn submit_plan(family_id: EntityId, version: u32) -> Result<FamilyCase, ApiError> {
    call(command::SUBMIT_PLAN, &SubmitPlanArgs { family_id, version }).await
}

pub async fn decide_plan(family_id: EntityId, version: u32, form: &DecisionForm) -> Result<FamilyCase, ApiError> {
    call(command::DECIDE_PLAN, &DecidePlanArgs { family_id, version, form }).await
}

/// On a laptop: the centre's latest decision on each of its plans.
pub async fn plan_decisions() -> Result<Vec<PlanDecisionNotice>, ApiError> {
    call(command::PLAN_DECISIONS, &NoArgs {}).await
}

/// A comment on the record `target_id` (or an answer to `reply_to`);
/// answers with the case it is in.
pub async fn add_comment(target_id: &str, text: &str, reply_to: Option<EntityId>) -> Result<FamilyCase, ApiError> {
    call(command::ADD_COMMENT, &CommentArgs { target_id, text, reply_to }).await
}

pub async fn mark_comments_read(ids: &[EntityId]) -> Result<(), ApiError> {
    call(command::MARK_COMMENTS_READ, &IdsArgs { ids }).await
}

pub async fn cross_duplicates() -> Result<Vec<DuplicatePair>, ApiError> {
    call(command::CROSS_DUPLICATES, &NoArgs {}).await
}

pub async fn decide_duplicates(
    first: EntityId,
    second: EntityId,
    decision: DuplicateDecision,
) -> Result<Vec<DuplicatePair>, ApiError> {
    call(command::DECIDE_DUPLICATES, &DuplicatesArgs { first, second, decision }).await
}

pub async fn dashboard(on: Option<NaiveDate>) -> Result<Dashboard, ApiError> {
    call(command::DASHBOARD, &OnArgs { on }).await
}

pub async fn half_year_report(period: &str) -> Result<HalfYearReport, ApiError> {
    call(command::HALF_YEAR_REPORT, &PeriodArgs { period }).await
}

/// Saves the half-year report as CSV where the save dialog says; the path
/// written, or `None` when the dialog was closed.
pub async fn export_half_year_csv(period: &str) -> Result<Option<String>, ApiError> {
    call(command::EXPORT_HALF_YEAR_CSV, &PeriodArgs { period }).await
}
