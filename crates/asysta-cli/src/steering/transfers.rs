//! `asysta assign` and `asysta transfer [list]`: who works with a family
//! from when. An assignment gives a waiting case to an assistant within
//! their cap on the effective date; a transfer moves a family to another
//! assistant in two phases (recorded here, acknowledged by the old
//! laptop's next bundle), and a second one waits for the first.

use super::{day, refused};
use crate::commands::{line, open, print_json, today_local};
use crate::forms::{failed, parse_id};
use asysta_core::centre::{AssignmentRow, TransferView};
use asysta_core::{ops, EntityId};
use asysta_i18n::{Arg, Translator};
use asysta_store::Store;
use clap::{Args, Subcommand};
use std::path::Path;

/// `asysta transfer FAMILY_ID --to ASSISTANT_ID --on DATE`.
#[derive(Debug, Args)]
pub struct TransferArgs {
    /// The family's id.
    #[arg(required = true)]
    family_id: Option<String>,
    /// The assistant who takes the family over (as `asysta assistant list` shows them).
    #[arg(long, value_name = "ASSISTANT_ID", required = true)]
    to: Option<String>,
    /// The effective date, YYYY-MM-DD or dd.mm.rrrr.
    #[arg(long, value_name = "DATE", required = true)]
    on: Option<String>,
    /// Print the family's assignments as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
pub enum TransferCommand {
    /// Every transfer, the pending ones first, with the edits the old laptop made after the
    /// effective date (kept, flagged for the supervisor).
    List {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// The operation's fields whose flag has another name.
const FLAGS: [(&str, &str); 2] = [("assistant_id", "--to"), ("family_id", "FAMILY_ID")];

pub fn assign(
    data_dir: &Path,
    family_id: &str,
    to: &str,
    on: Option<&str>,
    json: bool,
    t: &Translator,
    out: &mut String,
) -> Result<(), String> {
    let family_id = parse_id(family_id, t)?;
    let assistant_id = parse_id(to, t)?;
    let mut store = open(data_dir, t)?;
    let request = ops::AssignFamily { family_id, assistant_id, on: on.unwrap_or_default().to_owned() };
    store.run(request, today_local()).map_err(refused(t, &FLAGS))?;
    print_assignments(out, &store, family_id, json, t)
}

pub fn run(
    data_dir: &Path,
    command: Option<TransferCommand>,
    args: TransferArgs,
    t: &Translator,
    out: &mut String,
) -> Result<(), String> {
    if let Some(TransferCommand::List { json }) = command {
        return list(data_dir, json, t, out);
    }
    // clap requires all three without a subcommand.
    let (Some(family_id), Some(to), Some(on)) = (args.family_id, args.to, args.on) else {
        return Err("give FAMILY_ID --to ASSISTANT_ID --on DATE, or `list`".into());
    };
    let family_id = parse_id(&family_id, t)?;
    let assistant_id = parse_id(&to, t)?;
    let mut store = open(data_dir, t)?;
    store.run(ops::TransferFamily { family_id, assistant_id, on }, today_local()).map_err(refused(t, &FLAGS))?;
    print_assignments(out, &store, family_id, args.json, t)
}

/// The family's assignments after a change: JSON, or the latest as a line.
fn print_assignments(
    out: &mut String,
    store: &Store,
    family_id: EntityId,
    json: bool,
    t: &Translator,
) -> Result<(), String> {
    let rows = store.assignments_of(family_id).map_err(failed(t))?;
    if json {
        return print_json(out, &serde_json::json!({ "family_id": family_id, "assignments": rows }));
    }
    if let Some(row) = rows.last() {
        line(out, format_args!("{family_id}\t{}", row_text(row, t)));
    }
    Ok(())
}

fn list(data_dir: &Path, json: bool, t: &Translator, out: &mut String) -> Result<(), String> {
    let transfers = open(data_dir, t)?.transfers().map_err(failed(t))?;
    if json {
        return print_json(out, &transfers);
    }
    for transfer in &transfers {
        line(out, format_args!("{}", transfer_line(transfer, t)));
        for edit in &transfer.late_edits {
            line(
                out,
                format_args!(
                    "  {}\t{}\t{}\t{}",
                    t.tr_args("cli-late-edit", &[("date", Arg::Str(&day(edit.written_on)))]),
                    edit.kind,
                    edit.author_name,
                    edit.event_id
                ),
            );
        }
    }
    Ok(())
}

/// `family id  name  old → new  from  pending | acknowledged on`.
fn transfer_line(transfer: &TransferView, t: &Translator) -> String {
    let row = &transfer.row;
    let from = row.transfer_from.as_ref().map(|f| f.name.as_str()).unwrap_or_default();
    let state = match row.handed_over_on {
        _ if transfer.pending => t.tr("cli-transfer-pending"),
        Some(on) => t.tr_args("cli-transfer-acknowledged", &[("date", Arg::Str(&day(on)))]),
        None => t.tr("cli-transfer-done"),
    };
    format!(
        "{}\t{}\t{from} → {}\t{}\t{state}",
        transfer.family_id,
        transfer.family_name,
        row.assistant.name,
        day(row.from)
    )
}

/// One period of a family's history: `name  from–until  (transfer: …)`.
pub fn row_text(row: &AssignmentRow, t: &Translator) -> String {
    let until = row.until.map(day).unwrap_or_default();
    let mut text = format!("{}\t{}–{until}", row.assistant.name, day(row.from));
    if let Some(from) = &row.transfer_from {
        text.push('\t');
        text.push_str(&t.tr_args("cli-transfer-from", &[("name", Arg::Str(&from.name))]));
        if row.is_pending() {
            text.push_str(&format!(", {}", t.tr("cli-transfer-pending")));
        } else if let Some(on) = row.handed_over_on {
            text.push_str(&format!(", {}", t.tr_args("cli-transfer-acknowledged", &[("date", Arg::Str(&day(on)))])));
        }
    }
    text
}
