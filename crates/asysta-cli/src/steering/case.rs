//! What `asysta family show` prints of the centre's steering of a case
//! (`FamilyCase::steering`, which `--json` prints whole under
//! `steering`): the referral the case started from, who had the family
//! when, a transfer in progress, the plan's submissions and decisions, and
//! the comments.

use super::{approvals, comments, day, transfers};
use crate::commands::line;
use asysta_core::api::CaseSteering;
use asysta_i18n::{Arg, Translator};

/// The lines after the case's own.
pub fn print(out: &mut String, steering: &CaseSteering, t: &Translator) {
    if let Some(r) = &steering.referral {
        let mut text = t.tr_args(
            "cli-case-referral",
            &[("basis", Arg::Str(&t.tr(&r.basis.message_id()))), ("date", Arg::Str(&day(r.requested_on)))],
        );
        let source: Vec<&str> = [r.court.as_str(), r.signature.as_str(), r.social_worker.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if !source.is_empty() {
            text.push_str(&format!(" ({})", source.join(", ")));
        }
        line(out, format_args!("{text}"));
    }
    if !steering.assignments.is_empty() {
        line(out, format_args!("{}", t.tr("cli-case-assistants")));
        for row in &steering.assignments {
            line(out, format_args!("  {}", transfers::row_text(row, t)));
        }
    }
    if let Some(n) = &steering.transfer {
        let mut text =
            t.tr_args("cli-notice-transfer", &[("name", Arg::Str(&n.to_name)), ("date", Arg::Str(&day(n.on)))]);
        let state = match n.handed_over_on {
            Some(on) if n.leaving => t.tr_args("cli-notice-read-only", &[("date", Arg::Str(&day(on)))]),
            Some(on) => t.tr_args("cli-transfer-acknowledged", &[("date", Arg::Str(&day(on)))]),
            None => t.tr("cli-transfer-pending"),
        };
        text.push_str(&format!("; {state}"));
        if n.leaving && n.unsent_drafts > 0 {
            let drafts = t.tr_args("cli-notice-drafts", &[("count", Arg::Num(f64::from(n.unsent_drafts)))]);
            text.push_str(&format!("; {drafts}"));
        }
        line(out, format_args!("{text}"));
    }
    if let Some(into) = steering.merged_into {
        line(out, format_args!("{}", t.tr_args("cli-case-merged-into", &[("family", Arg::Str(&into.to_string()))])));
    }
    if !steering.plan_approvals.is_empty() {
        line(out, format_args!("{}", t.tr("cli-case-plan-approvals")));
        for approval in &steering.plan_approvals {
            let mut lines = String::new();
            approvals::print_approval(&mut lines, approval, t);
            for l in lines.lines() {
                line(out, format_args!("  {l}"));
            }
        }
    }
    if !steering.comments.is_empty() {
        let unread = steering.comments.iter().filter(|c| c.unread).count();
        let count = [("count", Arg::Num(steering.comments.len() as f64)), ("unread", Arg::Num(unread as f64))];
        line(out, format_args!("{}", t.tr_args("cli-case-comments", &count)));
        for c in &steering.comments {
            line(out, format_args!("  {}", comments::comment_line(c, t)));
        }
    }
}
