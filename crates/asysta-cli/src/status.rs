//! `asysta family status|close|monitor|archive|details|note`: the changes
//! the case screen makes to a family as a whole, through the store's one
//! door (`asysta_core::ops`), checked as the window's are.

use crate::commands::{line, print_json, today_local};
use crate::forms::{failed, flag_refusal, open_for_edit, parse_id, read_form};
use crate::StatusArgs;
use asysta_core::api::FamilyCase;
use asysta_core::closing::ClosingForm;
use asysta_core::ops;
use asysta_core::record::{CaseDetailsForm, FamilyStatus};
use asysta_i18n::{Arg, Translator};
use std::path::Path;

/// Moves a family to the status named `to` (not closed: closing has its own form).
pub fn change(data_dir: &Path, to: &str, args: StatusArgs, t: &Translator, out: &mut String) -> Result<(), String> {
    let status =
        FamilyStatus::parse(to.trim()).ok_or_else(|| t.tr_args("cli-unknown-status", &[("status", Arg::Str(to))]))?;
    if status == FamilyStatus::Closed {
        return Err(t.tr("cli-close-needs-form"));
    }
    let family_id = parse_id(&args.family_id, t)?;
    let mut store = open_for_edit(data_dir, t)?;
    // The window changes the status today; a date typed here is checked as
    // the forms check a date that cannot be in the future.
    let request = ops::ChangeStatus {
        family_id,
        status,
        reason: args.reason.unwrap_or_default(),
        on: args.on.unwrap_or_default(),
    };
    store
        .run(request, today_local())
        .map_err(|e| flag_refusal(e.into(), t, &[("reason", "--reason"), ("on", "--on")]))?;
    let case = store.family_case(family_id).map_err(failed(t))?;
    print_status(out, &case, args.json, t)
}

/// Closes the work with a family from the closing form.
pub fn close(
    data_dir: &Path,
    family_id: &str,
    form: &Path,
    json: bool,
    t: &Translator,
    out: &mut String,
) -> Result<(), String> {
    let form: ClosingForm = read_form(form, t)?;
    let family_id = parse_id(family_id, t)?;
    let mut store = open_for_edit(data_dir, t)?;
    store.run(ops::CloseWork { family_id, form }, today_local()).map_err(failed(t))?;
    let case = store.family_case(family_id).map_err(failed(t))?;
    print_status(out, &case, json, t)
}

/// Sets the case details from the whole form (as the window sends it:
/// what the form leaves empty is removed).
pub fn details(
    data_dir: &Path,
    family_id: &str,
    form: &Path,
    json: bool,
    t: &Translator,
    out: &mut String,
) -> Result<(), String> {
    let form: CaseDetailsForm = read_form(form, t)?;
    let family_id = parse_id(family_id, t)?;
    let mut store = open_for_edit(data_dir, t)?;
    store.run(ops::SetCaseDetails { family_id, form }, today_local()).map_err(failed(t))?;
    let case = store.family_case(family_id).map_err(failed(t))?;
    if json {
        return print_json(out, &case.details);
    }
    line(out, format_args!("{}", case.family.id));
    Ok(())
}

/// Adds a note to a family's case.
pub fn note(
    data_dir: &Path,
    family_id: &str,
    text: &str,
    restricted: bool,
    json: bool,
    t: &Translator,
    out: &mut String,
) -> Result<(), String> {
    let family_id = parse_id(family_id, t)?;
    let mut store = open_for_edit(data_dir, t)?;
    let id = store
        .run(ops::AddNote { family_id, text: text.into(), restricted }, today_local())
        .map_err(|e| flag_refusal(e.into(), t, &[("text", "--text")]))?;
    if json {
        return print_json(out, &serde_json::json!({ "id": id, "family_id": family_id, "restricted": restricted }));
    }
    line(out, format_args!("{id}"));
    Ok(())
}

fn print_status(out: &mut String, case: &FamilyCase, json: bool, t: &Translator) -> Result<(), String> {
    if json {
        return print_json(
            out,
            &serde_json::json!({
                "id": case.family.id,
                "status": case.family.status,
                "status_on": case.status_on,
                "status_reason": case.status_reason,
                "closing": case.closing,
                "monitoring_until": case.monitoring_until,
            }),
        );
    }
    let on = case.status_on.map(|d| d.format("%d.%m.%Y").to_string()).unwrap_or_default();
    line(out, format_args!("{}\t{}\t{on}", case.family.id, t.tr(case.family.status.message_id())));
    Ok(())
}
