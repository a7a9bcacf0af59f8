//! `asysta duplicates [list | merge A B | keep-apart A B]`: families of
//! different assistants that share a person (the same PESEL, or the same
//! name and date of birth), and the supervisor's decision on each pair,
//! which travels like any other change.

use super::refused;
use crate::commands::{line, open, print_json, today_local};
use crate::forms::{failed, parse_id};
use asysta_core::centre::duplicates::{DuplicatePair, FamilyRef};
use asysta_core::event::DuplicateDecision;
use asysta_core::ops;
use asysta_i18n::Translator;
use clap::Subcommand;
use std::path::Path;

#[derive(Debug, Subcommand)]
pub enum DuplicatesCommand {
    /// The pairs of families that may be one, with the decision in force on each (the default).
    List {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The second family is the first: it is shown merged into it.
    Merge {
        /// The family that stays.
        first: String,
        /// The family merged into it.
        second: String,
        /// Print the decision as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Two different families: no longer flagged.
    KeepApart {
        first: String,
        second: String,
        /// Print the decision as JSON.
        #[arg(long)]
        json: bool,
    },
}

const FLAGS: [(&str, &str); 2] = [("first", "A"), ("second", "B")];

pub fn run(
    data_dir: &Path,
    command: Option<DuplicatesCommand>,
    json: bool,
    t: &Translator,
    out: &mut String,
) -> Result<(), String> {
    let (first, second, decision, json) = match command {
        None => return list(data_dir, json, t, out),
        Some(DuplicatesCommand::List { json: list_json }) => return list(data_dir, json || list_json, t, out),
        Some(DuplicatesCommand::Merge { first, second, json: j }) => {
            (first, second, DuplicateDecision::Merge, json || j)
        }
        Some(DuplicatesCommand::KeepApart { first, second, json: j }) => {
            (first, second, DuplicateDecision::KeepApart, json || j)
        }
    };
    let (first, second) = (parse_id(&first, t)?, parse_id(&second, t)?);
    let mut store = open(data_dir, t)?;
    store.run(ops::DecideDuplicates { first, second, decision }, today_local()).map_err(refused(t, &FLAGS))?;
    if json {
        let merged_into = store.merged_into(second).map_err(failed(t))?;
        return print_json(
            out,
            &serde_json::json!({ "first": first, "second": second, "decision": decision, "merged_into": merged_into }),
        );
    }
    line(out, format_args!("{first}\t{second}\t{}", t.tr(decision_message(decision))));
    Ok(())
}

fn list(data_dir: &Path, json: bool, t: &Translator, out: &mut String) -> Result<(), String> {
    let pairs = open(data_dir, t)?.cross_duplicates().map_err(failed(t))?;
    if json {
        return print_json(out, &pairs);
    }
    for pair in &pairs {
        line(out, format_args!("{}", pair_line(pair, t)));
    }
    Ok(())
}

fn decision_message(decision: DuplicateDecision) -> &'static str {
    match decision {
        DuplicateDecision::Merge => "duplicate-merge",
        DuplicateDecision::KeepApart => "duplicate-keep-apart",
    }
}

/// `A name (assistant)  B name (assistant)  reason: people  decision`.
fn pair_line(pair: &DuplicatePair, t: &Translator) -> String {
    let family = |f: &FamilyRef| format!("{}\t{} ({})", f.id, f.name, f.assistant_name);
    let decision = pair.decision.map_or_else(|| "-".to_owned(), |d| t.tr(decision_message(d)));
    format!(
        "{}\t{}\t{}: {}\t{decision}",
        family(&pair.first),
        family(&pair.second),
        t.tr(pair.reason.message_id()),
        pair.people.join(", ")
    )
}
