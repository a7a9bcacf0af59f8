//! `asysta comment add|list`: comments on a family or on any record of
//! its case (a goal, an action, a visit, an evaluation…), from either
//! side, answerable. Listing marks what it shows as read on this device
//! (read marks are each device's own, never events).

use super::refused;
use crate::commands::{format_time, line, open, print_json, today_local};
use crate::forms::{failed, parse_id};
use asysta_core::centre::comment::CommentView;
use asysta_core::ops;
use asysta_core::workspace::Role;
use asysta_i18n::Translator;
use clap::Subcommand;
use std::path::Path;

#[derive(Debug, Subcommand)]
pub enum CommentCommand {
    /// Comment on a record (or answer a comment with --reply-to); prints the comment's id.
    Add {
        /// The family's id, or a record's of its case (a goal, an action, a visit, an evaluation…).
        entity_id: String,
        /// The comment.
        text: String,
        /// The comment this answers (the answer is on the same record).
        #[arg(long, value_name = "COMMENT_ID")]
        reply_to: Option<String>,
        /// Print the comment as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Comments, oldest first, the unread ones marked (and then marked read): every comment, a
    /// family's (given its id), or those on one record.
    List {
        /// A family's id, or a record's.
        entity_id: Option<String>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// The operation's fields, named as the command line names them.
const FLAGS: [(&str, &str); 3] = [("target_id", "ENTITY_ID"), ("text", "TEXT"), ("reply_to", "--reply-to")];

pub fn run(data_dir: &Path, command: CommentCommand, t: &Translator, out: &mut String) -> Result<(), String> {
    match command {
        CommentCommand::Add { entity_id, text, reply_to, json } => {
            let target_id = parse_id(&entity_id, t)?.to_string();
            let reply_to = reply_to.as_deref().map(|id| parse_id(id, t)).transpose()?;
            let mut store = open(data_dir, t)?;
            let id =
                store.run(ops::AddComment { target_id, text, reply_to }, today_local()).map_err(refused(t, &FLAGS))?;
            if json {
                let comment = store.comments(None).map_err(failed(t))?.into_iter().find(|c| c.id == id);
                return print_json(out, &comment);
            }
            line(out, format_args!("{id}"));
            Ok(())
        }
        CommentCommand::List { entity_id, json } => {
            let about = entity_id.as_deref().map(|id| parse_id(id, t)).transpose()?;
            let mut store = open(data_dir, t)?;
            // A family's id lists the whole family's comments; any other
            // id, the comments on that record.
            let comments: Vec<CommentView> = store
                .comments(None)
                .map_err(failed(t))?
                .into_iter()
                .filter(|c| about.is_none_or(|id| c.family_id == id || c.target.id == id.to_string()))
                .collect();
            let unread: Vec<_> = comments.iter().filter(|c| c.unread).map(|c| c.id).collect();
            if !unread.is_empty() {
                store.mark_comments_read(&unread).map_err(failed(t))?;
            }
            if json {
                return print_json(out, &comments);
            }
            for c in &comments {
                line(out, format_args!("{}", comment_line(c, t)));
            }
            Ok(())
        }
    }
}

/// `id  time  author (side)  record id  [↳ answered id]  text  [new]`.
pub fn comment_line(c: &CommentView, t: &Translator) -> String {
    let side = t.tr(match c.side {
        Role::Centre => "cli-side-centre",
        Role::Assistant => "cli-side-assistant",
    });
    let reply = c.reply_to.map(|r| format!("↳ {r}\t")).unwrap_or_default();
    let mark = if c.unread { format!("\t{}", t.tr("cli-comment-unread")) } else { String::new() };
    format!(
        "{}\t{}\t{} ({side})\t{} {}\t{reply}{}{mark}",
        c.id,
        format_time(c.written_at_ms),
        c.author_name,
        c.target.record,
        c.target.id,
        c.text
    )
}
