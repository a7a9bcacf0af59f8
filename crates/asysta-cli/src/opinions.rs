//! `asysta opinion …`: court opinions. The request and the text go through
//! the store's one door (`asysta_core::ops`), checked as the window's are;
//! a draft is written from the case by `asysta_i18n::court`, in Polish,
//! never from notes, the same text the window prefills an empty opinion with.

use crate::commands::{line, print_json, today_local};
use crate::forms::{failed, flag_refusal, open_for_edit, parse_id, read_text};
use crate::OpinionCommand;
use asysta_core::api::PrintJob;
use asysta_core::opinion::{OpinionRequestForm, OpinionView};
use asysta_core::ops;
use asysta_i18n::{Arg, Translator};
use chrono::NaiveDate;
use std::path::Path;

pub fn run(data_dir: &Path, command: OpinionCommand, t: &Translator, out: &mut String) -> Result<(), String> {
    let today = today_local();
    match command {
        OpinionCommand::Export { id, docx, json } => {
            let job = PrintJob::OpinionDocx { opinion_id: crate::commands::parse_id(&id)? };
            crate::print::print(data_dir, &job, &docx, json, t, out)
        }
        OpinionCommand::Request { family_id, court, signature, received, due, json } => {
            let family_id = parse_id(&family_id, t)?;
            let form = OpinionRequestForm { court, case_signature: signature, received_on: received, due_on: due };
            let flags = [
                ("court", "--court"),
                ("case_signature", "--signature"),
                ("received_on", "--received"),
                ("due_on", "--due"),
            ];
            let mut store = open_for_edit(data_dir, t)?;
            let id = store
                .run(ops::RequestOpinion { family_id, form }, today)
                .map_err(|e| flag_refusal(e.into(), t, &flags))?;
            print_opinion(out, &store.opinion(id).map_err(failed(t))?, json, t)
        }
        OpinionCommand::Show { id, json } => {
            let opinion = crate::commands::open(data_dir, t)?.opinion(parse_id(&id, t)?).map_err(failed(t))?;
            if json {
                return print_json(out, &opinion);
            }
            print_opinion(out, &opinion, false, t)?;
            if !opinion.text.is_empty() {
                line(out, format_args!("\n{}", opinion.text));
            }
            Ok(())
        }
        OpinionCommand::Draft { id, text: Some(file), from_case: _, json } => {
            let text = read_text(&file, t)?;
            let id = parse_id(&id, t)?;
            let mut store = open_for_edit(data_dir, t)?;
            store
                .run(ops::SaveOpinion { opinion_id: id, text }, today)
                .map_err(|e| flag_refusal(e.into(), t, &[("text", "--text")]))?;
            print_opinion(out, &store.opinion(id).map_err(failed(t))?, json, t)
        }
        OpinionCommand::Draft { id, text: None, from_case, json } => {
            let store = crate::commands::open(data_dir, t)?;
            let opinion = store.opinion(parse_id(&id, t)?).map_err(failed(t))?;
            // As the window opens it: its own text, or while it is empty
            // and may still be written, a draft from the case.
            let drafted = from_case || (opinion.text.trim().is_empty() && opinion.finalized.is_none());
            let text = if drafted {
                let case = store.family_case(opinion.family_id).map_err(failed(t))?;
                asysta_i18n::court::draft_from_case(&case, &opinion, today)
            } else {
                opinion.text.clone()
            };
            if json {
                return print_json(out, &serde_json::json!({ "id": opinion.id, "text": text, "from_case": drafted }));
            }
            line(out, format_args!("{text}"));
            Ok(())
        }
        OpinionCommand::Finish { id, text, json } => {
            let text = text.map(|file| read_text(&file, t)).transpose()?;
            let id = parse_id(&id, t)?;
            let mut store = open_for_edit(data_dir, t)?;
            let text = match text {
                Some(text) => text,
                None => store.opinion(id).map_err(failed(t))?.text,
            };
            store
                .run(ops::FinalizeOpinion { opinion_id: id, text }, today)
                .map_err(|e| flag_refusal(e.into(), t, &[("text", "--text")]))?;
            print_opinion(out, &store.opinion(id).map_err(failed(t))?, json, t)
        }
    }
}

fn print_opinion(out: &mut String, o: &OpinionView, json: bool, t: &Translator) -> Result<(), String> {
    if json {
        return print_json(out, o);
    }
    let date = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
    let r = &o.request;
    let status = match &o.finalized {
        Some(stamp) => t.tr_args("opinion-status-final", &[("date", Arg::Str(&date(stamp.on)))]),
        None => t.tr("opinion-status-draft"),
    };
    line(
        out,
        format_args!(
            "{}\t{}\t{}\t{}\t{}\t{status}",
            o.id,
            r.court,
            t.tr_args("opinion-signature", &[("signature", Arg::Str(&r.case_signature))]),
            t.tr_args("opinion-received", &[("date", Arg::Str(&date(r.received_on)))]),
            t.tr_args("opinion-due", &[("date", Arg::Str(&date(r.due_on)))]),
        ),
    );
    Ok(())
}
