//! `asysta print …` and `asysta opinion export`: documents written
//! atomically (a temporary file beside the target, then a rename), so a
//! failed print never leaves a partial file.

use crate::commands::{describe, line, open, parse_id, print_json, today_local};
use crate::PrintCommand;
use asysta_core::api::{ApiError, PrintJob};
use asysta_i18n::Translator;
use asysta_print::jobs::{render, JobError};
use std::path::Path;

/// `2026-11` → (2026, 11).
fn parse_month(text: &str) -> Result<(i32, u32), String> {
    let bad = || format!("{text:?} is not a month: use YYYY-MM, e.g. 2026-11");
    let (year, month) = text.split_once('-').ok_or_else(bad)?;
    let (year, month) = (year.parse::<i32>().map_err(|_| bad())?, month.parse::<u32>().map_err(|_| bad())?);
    if !(1..=12).contains(&month) || !(1900..=9999).contains(&year) {
        return Err(bad());
    }
    Ok((year, month))
}

pub fn job_of(command: &PrintCommand) -> Result<(PrintJob, &Path), String> {
    Ok(match command {
        PrintCommand::Plan { family_id, version, out } => {
            (PrintJob::Plan { family_id: parse_id(family_id)?, version: *version }, out)
        }
        PrintCommand::Evaluation { id, out } => (PrintJob::Evaluation { evaluation_id: parse_id(id)? }, out),
        PrintCommand::Opinion { id, out } => (PrintJob::Opinion { opinion_id: parse_id(id)? }, out),
        PrintCommand::Visit { id, out } => (PrintJob::Visit { visit_id: parse_id(id)? }, out),
        PrintCommand::Diary { family_id, month, out } => {
            let (year, month) = parse_month(month)?;
            (PrintJob::Diary { family_id: parse_id(family_id)?, year, month }, out)
        }
        PrintCommand::Monthly { month, assistant, out } => {
            let (year, month) = parse_month(month)?;
            let assistant = assistant.as_deref().map(parse_id).transpose()?;
            (PrintJob::Monthly { year, month, assistant }, out)
        }
    })
}

/// Renders `job` and writes it to `out`; prints the path (or JSON).
pub fn print(
    data_dir: &Path,
    job: &PrintJob,
    out_file: &Path,
    json: bool,
    t: &Translator,
    out: &mut String,
) -> Result<(), String> {
    let store = open(data_dir, t)?;
    let bytes = render(&store, job, today_local(), &asysta_print::InProcess).map_err(|e| match e {
        JobError::Store(e) => describe(&ApiError::from(e), t),
        JobError::NotFound(what) => {
            describe(&ApiError::new(asysta_core::api::ErrorKind::NotFound), t) + &format!(" ({what})")
        }
        JobError::Print(e) => e.to_string(),
    })?;
    asysta_print::write_atomically(out_file, &bytes).map_err(|e| format!("{}: {e}", out_file.display()))?;
    if json {
        return print_json(out, &serde_json::json!({ "path": out_file, "bytes": bytes.len() }));
    }
    line(out, format_args!("{}", out_file.display()));
    Ok(())
}
