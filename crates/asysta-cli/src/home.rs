//! `asysta alerts|due|caseload`: what the window's home screen lists.

use crate::commands::{line, print_json, today_local};
use crate::forms::failed;
use asysta_core::alerts::Alert;
use asysta_core::api::DueWhat;
use asysta_core::evaluation::DueState;
use asysta_core::workspace::Role;
use asysta_i18n::{Arg, Translator};
use std::path::Path;

pub fn alerts(data_dir: &Path, json: bool, t: &Translator, out: &mut String) -> Result<(), String> {
    let alerts = crate::commands::open(data_dir, t)?.alerts(today_local()).map_err(failed(t))?;
    if json {
        return print_json(out, &alerts);
    }
    for alert in &alerts {
        let text = match alert {
            Alert::NoVisit { days_since: Some(days), .. } => {
                t.tr_args(alert.message_id(), &[("days", Arg::Num(f64::from(*days)))])
            }
            Alert::NoVisit { days_since: None, .. } => t.tr(alert.message_id()),
            Alert::ActionOverdue { what, deadline, days_overdue, .. } => t.tr_args(
                alert.message_id(),
                &[
                    ("what", Arg::Str(what)),
                    ("days", Arg::Num(f64::from(*days_overdue))),
                    ("deadline", Arg::Str(&deadline.format("%d.%m.%Y").to_string())),
                ],
            ),
        };
        let name = match alert {
            Alert::NoVisit { family_name, .. } | Alert::ActionOverdue { family_name, .. } => family_name,
        };
        line(out, format_args!("{}\t{name}\t{text}", alert.family_id()));
    }
    Ok(())
}

pub fn due(data_dir: &Path, json: bool, t: &Translator, out: &mut String) -> Result<(), String> {
    let items = crate::commands::open(data_dir, t)?.due(today_local()).map_err(failed(t))?;
    if json {
        return print_json(out, &items);
    }
    for item in &items {
        let what = match &item.what {
            DueWhat::Evaluation { .. } => t.tr("due-evaluation"),
            DueWhat::Opinion { case_signature, .. } => {
                t.tr_args("due-opinion", &[("signature", Arg::Str(case_signature))])
            }
            DueWhat::MonitoringEnd => t.tr("due-monitoring-end"),
        };
        let (due, state) = due_state(item.state, t);
        line(
            out,
            format_args!("{}\t{}\t{what}\t{}\t{state}", item.family_id, item.family_name, due.format("%d.%m.%Y")),
        );
    }
    Ok(())
}

/// When something is due, and how soon or how late, as a person reads it.
pub fn due_state(state: DueState, t: &Translator) -> (chrono::NaiveDate, String) {
    match state {
        DueState::Later { due } => (due, String::new()),
        DueState::DueSoon { due, days_left } => {
            (due, t.tr_args("due-in-days", &[("days", Arg::Num(days_left as f64))]))
        }
        DueState::Overdue { due, days_over } => {
            (due, t.tr_args("due-overdue", &[("days", Arg::Num(days_over as f64))]))
        }
    }
}

pub fn caseload(data_dir: &Path, json: bool, t: &Translator, out: &mut String) -> Result<(), String> {
    let store = crate::commands::open(data_dir, t)?;
    if store.role() == Role::Centre {
        let caseloads = store.caseloads().map_err(failed(t))?;
        if json {
            return print_json(out, &caseloads);
        }
        for c in &caseloads {
            line(out, format_args!("{}\t{}\t{}/{}", c.assistant_id, c.assistant_name, c.active, c.cap));
        }
        return Ok(());
    }
    let check = store.caseload().map_err(failed(t))?;
    if json {
        return print_json(out, &check);
    }
    let (asysta_core::record::CaseloadCheck::Ok { active, cap }
    | asysta_core::record::CaseloadCheck::Warn { active, cap }
    | asysta_core::record::CaseloadCheck::Refused { active, cap }) = check;
    line(out, format_args!("{active}/{cap}"));
    Ok(())
}
