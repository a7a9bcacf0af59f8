//! `asysta plan submit|decide|approvals`: a plan version sent to the
//! centre, and the centre's decision bound to that version. A decision
//! made while the assistant was already changing the plan is stale:
//! listed, never applied.

use super::{day, refused};
use crate::commands::{line, open, print_json, today_local};
use crate::forms::{failed, parse_id};
use asysta_core::centre::approval::DecisionForm;
use asysta_core::centre::PlanApproval;
use asysta_core::{ops, EntityId};
use asysta_i18n::{Arg, Translator};
use asysta_store::Store;
use serde_json::Value;
use std::path::Path;

pub fn submit(
    data_dir: &Path,
    family_id: &str,
    version: u32,
    json: bool,
    t: &Translator,
    out: &mut String,
) -> Result<(), String> {
    let family_id = parse_id(family_id, t)?;
    let mut store = open(data_dir, t)?;
    store.run(ops::SubmitPlan { family_id, version }, today_local()).map_err(refused(t, &[]))?;
    print_submission(out, &store, family_id, version, json, t)
}

#[allow(clippy::too_many_arguments)]
pub fn decide(
    data_dir: &Path,
    family_id: &str,
    version: u32,
    approve: bool,
    return_note: Option<String>,
    json: bool,
    t: &Translator,
    out: &mut String,
) -> Result<(), String> {
    let family_id = parse_id(family_id, t)?;
    let form = match (approve, return_note) {
        (true, None) => DecisionForm { decision: "approve".into(), note: String::new() },
        (false, Some(note)) => DecisionForm { decision: "returned".into(), note },
        _ => return Err("give either --approve or --return NOTE".into()),
    };
    let mut store = open(data_dir, t)?;
    store
        .run(ops::DecidePlan { family_id, version, form }, today_local())
        .map_err(refused(t, &[("note", "--return"), ("decision", "--approve")]))?;
    print_submission(out, &store, family_id, version, json, t)
}

pub fn list(data_dir: &Path, family_id: &str, json: bool, t: &Translator, out: &mut String) -> Result<(), String> {
    let family_id = parse_id(family_id, t)?;
    let approvals = open(data_dir, t)?.plan_approvals(family_id).map_err(failed(t))?;
    if json {
        return print_json(out, &approvals.iter().map(approval_json).collect::<Result<Vec<_>, _>>()?);
    }
    for approval in &approvals {
        print_approval(out, approval, t);
    }
    Ok(())
}

/// A submission as JSON: its fields, plus `state` (draft, submitted,
/// approved, returned), `stale` (a decision on it arrived after the
/// version was changed, so it was not applied) and `latency_days`.
pub fn approval_json(approval: &PlanApproval) -> Result<Value, String> {
    let mut value = serde_json::to_value(approval).map_err(|e| e.to_string())?;
    if let Value::Object(fields) = &mut value {
        fields.insert("state".to_owned(), Value::String(approval.state().as_str().to_owned()));
        fields.insert("stale".to_owned(), Value::Bool(approval.decisions.iter().any(|d| d.stale)));
        fields.insert("latency_days".to_owned(), serde_json::json!(approval.latency_days()));
    }
    Ok(value)
}

/// The latest submission of `version`, after a change to it.
fn print_submission(
    out: &mut String,
    store: &Store,
    family_id: EntityId,
    version: u32,
    json: bool,
    t: &Translator,
) -> Result<(), String> {
    let approvals = store.plan_approvals(family_id).map_err(failed(t))?;
    let Some(approval) = approvals.iter().rev().find(|a| a.version == version) else { return Ok(()) };
    if json {
        let mut value = approval_json(approval)?;
        if let Value::Object(fields) = &mut value {
            fields.insert("family_id".to_owned(), Value::String(family_id.to_string()));
        }
        return print_json(out, &value);
    }
    print_approval(out, approval, t);
    Ok(())
}

/// `v2  returned  submitted 24.11.2025 (Anna Łęcka)`, then each decision.
pub fn print_approval(out: &mut String, approval: &PlanApproval, t: &Translator) {
    let submitted = t.tr_args(
        "cli-plan-submitted",
        &[("date", Arg::Str(&day(approval.submitted.on))), ("name", Arg::Str(&approval.submitted.by))],
    );
    line(out, format_args!("v{}\t{}\t{submitted}", approval.version, t.tr(&approval.state().message_id())));
    for d in &approval.decisions {
        let decision = match d.decision {
            asysta_core::evaluation::Decision::Accepted => asysta_core::centre::ApprovalState::Approved,
            asysta_core::evaluation::Decision::Returned => asysta_core::centre::ApprovalState::Returned,
        };
        let stale = if d.stale { format!(" ({})", t.tr("approval-stale")) } else { String::new() };
        let note = if d.note.is_empty() { String::new() } else { format!("\t{}", d.note) };
        line(out, format_args!("  {}\t{}\t{}{stale}{note}", t.tr(&decision.message_id()), day(d.stamp.on), d.stamp.by));
    }
}
