//! The documents as the caller hands them over: plain data, already
//! resolved. Every `String` is final Polish text (a person's name, the label
//! of a form of contact, a status); dates and times stay typed so that this
//! crate prints them the same way everywhere (`02.11.2026`, `14:30`).

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// What every document shows around its content: the centre's name in the
/// page header, the family, the assistant, and the day it was generated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentHeader {
    pub centre_name: String,
    pub assistant_name: String,
    /// Empty in a document about no single family (the monthly report).
    pub family_name: String,
    pub generated_on: NaiveDate,
}

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearMonth {
    pub year: i32,
    /// 1–12; anything else is [`crate::PrintError::InvalidMonth`].
    pub month: u32,
}

/// One version of the family's work plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanDocument {
    pub header: DocumentHeader,
    pub version_number: u32,
    pub agreed_with_family_on: Option<NaiveDate>,
    pub consultation: Option<Consultation>,
    pub goals: Vec<PlanGoalRow>,
    /// The family members who sign the plan, one signature line each.
    pub family_members_signing: Vec<String>,
}

/// The plan's consultation with the social worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Consultation {
    pub date: NaiveDate,
    pub social_worker: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanGoalRow {
    /// The plan area's name.
    pub area: String,
    pub goal: String,
    pub actions: Vec<PlanActionRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanActionRow {
    pub what: String,
    pub who: String,
    pub deadline: Option<NaiveDate>,
    pub expected_effect: String,
    pub status: String,
}

/// A periodic (or the final) evaluation of the family's situation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvaluationDocument {
    pub header: DocumentHeader,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub version: u32,
    /// The evaluation written when the work with the family is closed.
    pub is_final: bool,
    pub areas: Vec<EvaluationAreaRow>,
    pub goals: Vec<EvaluationGoalRow>,
    pub family_view: String,
    pub child_risks: String,
    /// The label of how the family cooperated, e.g. "dobra".
    pub cooperation: String,
    pub cooperation_comment: String,
    /// The label of the recommendation, e.g. "kontynuować pracę z rodziną".
    pub recommendation: String,
    pub recommendation_note: String,
    /// Where the evaluation stands, e.g. "Złożona 2026-11-02, przyjęta 2026-11-05".
    pub status_line: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvaluationAreaRow {
    pub area: String,
    /// The rating as printed, e.g. "4 — dobra"; `None` when not rated.
    pub rating: Option<String>,
    pub comment: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvaluationGoalRow {
    pub goal: String,
    pub status: String,
    pub comment: String,
}

/// The assistant's opinion about the family, written at the court's request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpinionDocument {
    pub header: DocumentHeader,
    pub court: String,
    pub case_signature: String,
    pub received_on: NaiveDate,
    pub due_on: NaiveDate,
    /// The opinion's text: a blank line separates paragraphs, a single line
    /// break stays a line break.
    pub body: String,
    /// `None` while it is a draft; the document then says "PROJEKT".
    pub finalized_on: Option<NaiveDate>,
}

/// The record of one visit (contact) with the family.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VisitRecordDocument {
    pub header: DocumentHeader,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub place: String,
    pub form: String,
    /// The family members present.
    pub participants: Vec<String>,
    /// Anyone else present, as typed.
    pub other_participants: String,
    pub areas: Vec<String>,
    pub actions_worked: Vec<VisitActionRow>,
    /// How the meeting went; blank lines separate paragraphs.
    pub notes: String,
    pub next_planned: Option<NaiveDate>,
    /// What was observed and done when a child's safety was at risk.
    pub intervention: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VisitActionRow {
    pub action: String,
    pub note: String,
    pub status: String,
}

/// One month of a family's visit diary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiaryDocument {
    pub header: DocumentHeader,
    pub month: YearMonth,
    pub entries: Vec<DiaryRow>,
    pub total_hours: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiaryRow {
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub form: String,
    pub place: String,
    pub participants: Vec<String>,
    pub summary: String,
}

/// The assistant's report of a month's work across the families.
///
/// The totals (families, visits, hours, forms and places of contact) are
/// computed from the rows, so they always agree with them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthlyReportDocument {
    /// `family_name` is usually empty here.
    pub header: DocumentHeader,
    pub month: YearMonth,
    pub families: Vec<MonthlyFamilyRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthlyFamilyRow {
    pub family: String,
    pub visits: u32,
    pub hours: f64,
    /// Each form of contact used and how many times.
    pub forms: Vec<(String, u32)>,
    /// Each place of contact and how many times.
    pub places: Vec<(String, u32)>,
    /// The plan actions worked on in the month.
    pub actions_worked: Vec<String>,
    /// Kilometres travelled to the contacts, in tenths (reimbursed).
    #[serde(default)]
    pub km_tenths: u32,
}

/// The centre's half-year figures on its family assistants.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HalfYearDocument {
    /// `assistant_name` is the centre's user (who printed it).
    pub header: DocumentHeader,
    /// `2026-H2`.
    pub period: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub rows: Vec<HalfYearRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HalfYearRow {
    pub label: String,
    pub value: u32,
    /// Indented under the row before it ("w tym…").
    pub sub: bool,
}
