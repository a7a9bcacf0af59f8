//! `asysta attachment …`: scans and photos kept with a case. A file is
//! attached through the store's one door (`asysta_core::ops::AddAttachment`,
//! which reads and checks it exactly as it does for the window); a copy is
//! saved only where the user says, whole or not at all, never over a file.

use crate::commands::{format_time, line, print_json, today_local};
use crate::forms::{failed, open_for_edit, parse_id};
use crate::AttachmentCommand;
use asysta_core::api::AttachmentView;
use asysta_core::attachment::AttachedTo;
use asysta_core::ops;
use asysta_i18n::{Arg, Translator};
use std::path::Path;

pub fn run(data_dir: &Path, command: AttachmentCommand, t: &Translator, out: &mut String) -> Result<(), String> {
    match command {
        AttachmentCommand::Add { family_id, file, visit, evaluation, opinion, restricted, json } => {
            let family_id = parse_id(&family_id, t)?;
            let target = match (visit, evaluation, opinion) {
                (Some(id), _, _) => AttachedTo::Visit(parse_id(&id, t)?),
                (_, Some(id), _) => AttachedTo::Evaluation(parse_id(&id, t)?),
                (_, _, Some(id)) => AttachedTo::Opinion(parse_id(&id, t)?),
                _ => AttachedTo::Family,
            };
            let mut store = open_for_edit(data_dir, t)?;
            let path = file.to_string_lossy().into_owned();
            let request = ops::AddAttachment { family_id, target, path, restricted };
            let id = store.run(request, today_local()).map_err(failed(t))?;
            let view = store.attachments(family_id).map_err(failed(t))?.into_iter().find(|a| a.id == id);
            match (json, view) {
                (true, Some(view)) => print_json(out, &view),
                _ => {
                    line(out, format_args!("{id}"));
                    Ok(())
                }
            }
        }
        AttachmentCommand::List { family_id, json } => {
            let family_id = parse_id(&family_id, t)?;
            let attachments = crate::commands::open(data_dir, t)?.attachments(family_id).map_err(failed(t))?;
            if json {
                return print_json(out, &attachments);
            }
            for a in &attachments {
                line(out, format_args!("{}", attachment_line(a)));
            }
            Ok(())
        }
        AttachmentCommand::Save { attachment_id, to } => {
            let attachment_id = parse_id(&attachment_id, t)?;
            let store = crate::commands::open(data_dir, t)?;
            let (_, bytes) = store.attachment_file(attachment_id).map_err(failed(t))?;
            if to.exists() {
                return Err(t.tr_args("cli-attachment-exists", &[("file", Arg::Str(&to.to_string_lossy()))]));
            }
            asysta_store::write_atomically(&to, &bytes).map_err(|e| {
                t.tr_args(
                    "cli-file-unwritable",
                    &[("file", Arg::Str(&to.to_string_lossy())), ("error", Arg::Str(&e.to_string()))],
                )
            })?;
            line(out, format_args!("{}", to.display()));
            Ok(())
        }
        AttachmentCommand::Remove { attachment_id } => {
            let attachment_id = parse_id(&attachment_id, t)?;
            let mut store = open_for_edit(data_dir, t)?;
            store.run(ops::RemoveAttachment { attachment_id }, today_local()).map_err(failed(t))
        }
    }
}

/// `id  family  target  kind  size  name  when  author` (tab-separated).
fn attachment_line(a: &AttachmentView) -> String {
    let target = match a.target.record_id() {
        Some(id) => format!("{}:{id}", a.target.kind()),
        None => a.target.kind().to_owned(),
    };
    let restricted = if a.restricted { "\trestricted" } else { "" };
    format!(
        "{}\t{}\t{target}\t{}\t{}\t{}\t{}\t{}{restricted}",
        a.id,
        a.family_id,
        a.kind.as_str(),
        a.size,
        a.file_name,
        format_time(a.created_at_ms),
        a.author_name
    )
}
