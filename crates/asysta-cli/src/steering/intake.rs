//! `asysta intake add|list`: a case starts at the centre from a social
//! worker's request or a court's order and waits, by the request's date,
//! until it is assigned (`asysta assign`).

use super::{day, refused};
use crate::commands::{line, open, print_json, today_local};
use crate::forms::failed;
use asysta_core::centre::{ReferralForm, WaitingCase};
use asysta_core::ops;
use asysta_i18n::{Arg, Translator};
use clap::Subcommand;
use std::path::Path;

#[derive(Debug, Subcommand)]
pub enum IntakeCommand {
    /// Take a case in: the family waits for an assistant; prints its id.
    Add {
        /// The family's surname.
        #[arg(long, value_name = "SURNAME")]
        name: String,
        /// The family's address.
        #[arg(long)]
        address: String,
        /// Why the work starts: social-worker (a social worker's request) or court (a court's order).
        #[arg(long, value_name = "BASIS")]
        basis: String,
        /// The date of the request or the order, YYYY-MM-DD or dd.mm.rrrr.
        #[arg(long, value_name = "DATE")]
        requested_on: String,
        /// For a court's order: the court.
        #[arg(long)]
        court: Option<String>,
        /// For a court's order: the case's signature, e.g. "III Nsm 12/26".
        #[arg(long)]
        signature: Option<String>,
        /// The social worker who asked.
        #[arg(long, value_name = "NAME")]
        social_worker: Option<String>,
        /// A note on the case.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Print the waiting case as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The waiting list: cases not yet assigned, the longest waiting first.
    List {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(data_dir: &Path, command: IntakeCommand, t: &Translator, out: &mut String) -> Result<(), String> {
    let today = today_local();
    match command {
        IntakeCommand::Add { name, address, basis, requested_on, court, signature, social_worker, note, json } => {
            let form = ReferralForm {
                name,
                address,
                basis,
                requested_on,
                court: court.unwrap_or_default(),
                signature: signature.unwrap_or_default(),
                social_worker: social_worker.unwrap_or_default(),
                note: note.unwrap_or_default(),
            };
            let mut store = open(data_dir, t)?;
            let id = store.run(ops::ReferFamily { form }, today).map_err(refused(t, &[]))?;
            if json {
                // The case as the waiting list shows it, with its `id`.
                let waiting = store.waiting_list(today).map_err(failed(t))?.into_iter().find(|w| w.family_id == id);
                let mut value = serde_json::to_value(waiting).map_err(|e| e.to_string())?;
                match &mut value {
                    serde_json::Value::Object(fields) => {
                        fields.insert("id".to_owned(), serde_json::Value::String(id.to_string()));
                    }
                    _ => value = serde_json::json!({ "id": id }),
                }
                return print_json(out, &value);
            }
            line(out, format_args!("{id}"));
            Ok(())
        }
        IntakeCommand::List { json } => {
            let waiting = open(data_dir, t)?.waiting_list(today).map_err(failed(t))?;
            if json {
                return print_json(out, &waiting);
            }
            for w in &waiting {
                line(out, format_args!("{}", waiting_line(w, t)));
            }
            Ok(())
        }
    }
}

/// `family id  name  address  basis (court, signature)  requested on  waiting N days`.
fn waiting_line(w: &WaitingCase, t: &Translator) -> String {
    let r = &w.referral;
    let mut basis = t.tr(&r.basis.message_id());
    let source: Vec<&str> = [r.court.as_str(), r.signature.as_str(), r.social_worker.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !source.is_empty() {
        basis.push_str(&format!(" ({})", source.join(", ")));
    }
    let waiting = t.tr_args("cli-waiting-days", &[("days", Arg::Num(w.waiting_days as f64))]);
    format!("{}\t{}\t{}\t{basis}\t{}\t{waiting}", w.family_id, w.name, w.address, day(r.requested_on))
}
