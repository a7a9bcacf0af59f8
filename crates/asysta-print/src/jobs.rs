//! Printing from the store: a [`PrintJob`] read from an open workspace and
//! rendered to the bytes of a PDF (or, for an opinion, a DOCX).

use crate::compose::{self, Labels, Letterhead};
use crate::model::YearMonth;
use crate::typeset::Typeset;
use crate::PrintError;
use asysta_core::api::{FamilyCase, PrintJob};
use asysta_core::record::FamilyStatus;
use asysta_core::EntityId;
use asysta_store::{Store, StoreError};
use chrono::NaiveDate;

/// Why a job could not be printed.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Print(#[from] PrintError),
    /// The record the job names is not in the case (a plan version, a
    /// visit of another family...).
    #[error("nothing to print: {0}")]
    NotFound(String),
}

/// The file name extension of what a job prints.
pub fn extension(job: &PrintJob) -> &'static str {
    match job {
        PrintJob::OpinionDocx { .. } => "docx",
        _ => "pdf",
    }
}

/// A file name to offer in a save dialog, e.g. `dziennik-wizyt-2026-11.pdf`.
pub fn suggested_file_name(job: &PrintJob) -> String {
    let stem = match job {
        PrintJob::Plan { version: Some(n), .. } => format!("plan-pracy-wersja-{n}"),
        PrintJob::Plan { version: None, .. } => "plan-pracy".to_owned(),
        PrintJob::Evaluation { .. } => "ocena-sytuacji-rodziny".to_owned(),
        PrintJob::Opinion { .. } | PrintJob::OpinionDocx { .. } => "opinia-dla-sadu".to_owned(),
        PrintJob::Visit { .. } => "karta-wizyty".to_owned(),
        PrintJob::Diary { year, month, .. } => format!("dziennik-wizyt-{year}-{month:02}"),
        PrintJob::Monthly { year, month, .. } => format!("sprawozdanie-miesieczne-{year}-{month:02}"),
        PrintJob::HalfYear { period } => format!("informacja-polroczna-{period}"),
    };
    format!("{stem}.{}", extension(job))
}

fn letterhead(store: &Store, family_id: Option<EntityId>, today: NaiveDate) -> Result<Letterhead, JobError> {
    let info = store.info()?;
    // At a centre the document is the family's assistant's, not the
    // supervisor's.
    let assistant = match family_id {
        Some(f) => store.family_assistants()?.remove(&f).unwrap_or(info.assistant_name),
        None => info.assistant_name,
    };
    Ok(Letterhead { centre_name: info.centre_name, assistant_name: assistant, today })
}

fn missing(what: impl std::fmt::Display) -> JobError {
    JobError::NotFound(what.to_string())
}

/// At a centre, the monthly report is one assistant's (each contact counts
/// for whoever had the family on its day) or everyone's (each family named
/// with its assistant).
fn centre_monthly(
    store: &Store,
    cases: &mut [FamilyCase],
    lh: &mut Letterhead,
    assistant: Option<EntityId>,
) -> Result<(), JobError> {
    let register = store.assistants(None)?;
    match assistant {
        Some(id) => {
            let view = register.iter().find(|a| a.id == id).ok_or_else(|| missing(id))?;
            let is_theirs = |who: &asysta_core::centre::AssigneeRef| {
                who.assistant_id == view.id
                    || (who.user_id.is_some() && who.user_id == view.entry.user_id)
                    || who.devices.iter().any(|d| view.entry.devices.contains(d))
            };
            for case in cases.iter_mut() {
                let rows = case.steering.assignments.clone();
                case.visits.retain(|v| {
                    asysta_core::centre::assignment::holder_on(&rows, v.visit.date)
                        .or_else(|| rows.first().filter(|r| v.visit.date < r.from))
                        .is_some_and(|r| is_theirs(&r.assistant))
                });
            }
            lh.assistant_name = view.entry.name.clone();
        }
        None => {
            let assistants = store.family_assistants()?;
            for case in cases.iter_mut() {
                if let Some(name) = assistants.get(&case.family.id) {
                    case.family.name = format!("{} ({name})", case.family.name);
                }
            }
            lh.assistant_name =
                asysta_i18n::Translator::new(asysta_i18n::Locale::Pl).tr("report-monthly-all-assistants");
        }
    }
    Ok(())
}

/// Renders `job` as it stands in `store` on `today`, a PDF typeset by
/// `typesetter`.
pub fn render(store: &Store, job: &PrintJob, today: NaiveDate, typesetter: &dyn Typeset) -> Result<Vec<u8>, JobError> {
    let labels = Labels::new(store.plan_areas()?);
    let case_of = |family_id: EntityId| -> Result<(FamilyCase, Letterhead), JobError> {
        Ok((store.family_case(family_id)?, letterhead(store, Some(family_id), today)?))
    };
    match *job {
        PrintJob::Plan { family_id, version } => {
            let (case, lh) = case_of(family_id)?;
            let doc = compose::plan_document(&case, version, &labels, &lh).ok_or_else(|| missing("plan"))?;
            Ok(crate::plan_pdf(&doc, typesetter)?)
        }
        PrintJob::Evaluation { evaluation_id } => {
            let (case, lh) = case_of(store.evaluation(evaluation_id)?.family_id)?;
            let scale = store.rating_scale()?;
            let doc = compose::evaluation_document(&case, evaluation_id, &scale, &labels, &lh)
                .ok_or_else(|| missing(evaluation_id))?;
            Ok(crate::evaluation_pdf(&doc, typesetter)?)
        }
        PrintJob::Opinion { opinion_id } | PrintJob::OpinionDocx { opinion_id } => {
            let (case, lh) = case_of(store.opinion(opinion_id)?.family_id)?;
            let doc = compose::opinion_document(&case, opinion_id, &lh).ok_or_else(|| missing(opinion_id))?;
            Ok(match job {
                PrintJob::OpinionDocx { .. } => crate::opinion_docx(&doc)?,
                _ => crate::opinion_pdf(&doc, typesetter)?,
            })
        }
        PrintJob::Visit { visit_id } => {
            let family_id = store.family_of_record(visit_id)?;
            let (case, lh) = case_of(family_id)?;
            let doc = compose::visit_document(&case, visit_id, &labels, &lh).ok_or_else(|| missing(visit_id))?;
            Ok(crate::visit_pdf(&doc, typesetter)?)
        }
        PrintJob::Diary { family_id, year, month } => {
            let (case, lh) = case_of(family_id)?;
            Ok(crate::diary_pdf(&compose::diary_document(&case, YearMonth { year, month }, &labels, &lh), typesetter)?)
        }
        PrintJob::Monthly { year, month, assistant } => {
            let mut cases = Vec::new();
            for family in store.list_families()? {
                if family.status == FamilyStatus::Active || family.last_visit.is_some() {
                    cases.push(store.family_case(family.id)?);
                }
            }
            let mut lh = letterhead(store, None, today)?;
            if store.role() == asysta_core::workspace::Role::Centre {
                centre_monthly(store, &mut cases, &mut lh, assistant)?;
            }
            Ok(crate::monthly_pdf(
                &compose::monthly_document(&cases, YearMonth { year, month }, &labels, &lh),
                typesetter,
            )?)
        }
        PrintJob::HalfYear { ref period } => {
            let period = asysta_core::centre::report::HalfYear::parse(period).ok_or_else(|| missing(period))?;
            let report = store.half_year_report(period)?;
            let tr = asysta_i18n::Translator::new(asysta_i18n::Locale::Pl);
            let lh = letterhead(store, None, today)?;
            let doc = crate::model::HalfYearDocument {
                header: compose::header(&lh, ""),
                period: report.period.clone(),
                from: report.from,
                to: report.to,
                rows: report
                    .rows
                    .iter()
                    .map(|r| crate::model::HalfYearRow {
                        label: asysta_i18n::reports::row_label(&tr, r),
                        value: r.value,
                        sub: r.sub,
                    })
                    .collect(),
            };
            Ok(crate::half_year_pdf(&doc, typesetter)?)
        }
    }
}
