//! `asysta plan …`: the work plan. A version comes as the window's plan
//! form and goes through the store's one door (`asysta_core::ops`:
//! `SavePlanVersion`, `AddProgressNote`), checked as the window's is; the
//! family's agreement is a new version, the same as the one in force with
//! its date of agreement set. Submitting a version to the centre and
//! the centre's decision on it are `steering::approvals`.

use crate::commands::{line, print_json, today_local};
use crate::forms::{failed, flag_refusal, open_for_edit, parse_id, read_form, refusal};
use crate::PlanCommand;
use asysta_core::api::ErrorKind;
use asysta_core::api::{ApiError, FamilyCase};
use asysta_core::ops;
use asysta_core::plan::{
    current_status, overdue_actions, ActionStatus, Actor, PlanActionForm, PlanGoalForm, PlanVersion, PlanVersionForm,
    ProgressNote, ProgressNoteForm,
};
use asysta_core::EntityId;
use asysta_i18n::{Arg, Locale, Translator};
use asysta_store::Store;
use chrono::NaiveDate;
use std::path::Path;

pub fn run(data_dir: &Path, command: PlanCommand, t: &Translator, out: &mut String) -> Result<(), String> {
    let today = today_local();
    match command {
        PlanCommand::Show { family_id, version, json } => {
            let family_id = parse_id(&family_id, t)?;
            let store = crate::commands::open(data_dir, t)?;
            let case = store.family_case(family_id).map_err(failed(t))?;
            let current = current_version(&case, t)?;
            let shown = match version {
                None => current,
                Some(n) => case
                    .plan_versions
                    .iter()
                    .find(|v| v.number == n)
                    .ok_or_else(|| refusal(asysta_core::api::ErrorKind::NotFound.into(), t))?,
            };
            show(out, &store, &case, shown, shown.number == current.number, today, json, t)
        }
        PlanCommand::Form { family_id } => {
            let family_id = parse_id(&family_id, t)?;
            let case = crate::commands::open(data_dir, t)?.family_case(family_id).map_err(failed(t))?;
            print_json(out, &next_version_form(&case.plan_versions))
        }
        PlanCommand::Save { family_id, form, json } => {
            let form: PlanVersionForm = read_form(&form, t)?;
            let family_id = parse_id(&family_id, t)?;
            let mut store = open_for_edit(data_dir, t)?;
            let number = store.run(ops::SavePlanVersion { family_id, form }, today).map_err(failed(t))?;
            print_saved(out, &store, family_id, number, json, t)
        }
        PlanCommand::Agree { family_id, on, json } => {
            let family_id = parse_id(&family_id, t)?;
            let mut store = open_for_edit(data_dir, t)?;
            let case = store.family_case(family_id).map_err(failed(t))?;
            // The version in force, whole, with the date of the agreement.
            let form = PlanVersionForm {
                agreed_with_family_on: on,
                ..PlanVersionForm::from_version(current_version(&case, t)?)
            };
            let number = store
                .run(ops::SavePlanVersion { family_id, form }, today)
                .map_err(|e| flag_refusal(e.into(), t, &[("agreed_with_family_on", "--on")]))?;
            print_saved(out, &store, family_id, number, json, t)
        }
        PlanCommand::Submit { family_id, version, json } => {
            crate::steering::approvals::submit(data_dir, &family_id, version, json, t, out)
        }
        PlanCommand::Decide { family_id, version, approve, return_note, json } => {
            crate::steering::approvals::decide(data_dir, &family_id, version, approve, return_note, json, t, out)
        }
        PlanCommand::Approvals { family_id, json } => {
            crate::steering::approvals::list(data_dir, &family_id, json, t, out)
        }
        PlanCommand::Progress { family_id, action, date, note, state, json } => {
            let family_id = parse_id(&family_id, t)?;
            let mut store = open_for_edit(data_dir, t)?;
            current_version(&store.family_case(family_id).map_err(failed(t))?, t)?;
            let flags = [("action_id", "--action"), ("date", "--date"), ("note", "--note"), ("status", "--state")];
            let form = ProgressNoteForm {
                action_id: action,
                date,
                note: note.unwrap_or_default(),
                status: state.unwrap_or_default(),
            };
            let before = store.family_case(family_id).map_err(failed(t))?.progress_notes;
            store
                .run(ops::AddProgressNote { family_id, form }, today)
                .map_err(|e| flag_refusal(e.into(), t, &flags))?;
            let case = store.family_case(family_id).map_err(failed(t))?;
            let note = case
                .progress_notes
                .iter()
                .find(|n| !before.contains(n))
                .cloned()
                .ok_or_else(|| refusal(ApiError::new(ErrorKind::Internal), t))?;
            let status = current_version(&case, t)
                .map(|v| current_status(v, &case.progress_notes).get(&note.action_id).copied())?
                .unwrap_or_default();
            if json {
                return print_json(out, &serde_json::json!({ "family_id": family_id, "note": note, "status": status }));
            }
            line(out, format_args!("{}\t{}", note.action_id, t.tr(status.message_id())));
            Ok(())
        }
    }
}

/// The form of the next version, as the window opens its editor: the
/// version in force with its ids (agreement and consultation anew), or a
/// first goal with one action.
fn next_version_form(versions: &[PlanVersion]) -> PlanVersionForm {
    match versions.last() {
        Some(current) => PlanVersionForm::next_from(current),
        None => PlanVersionForm {
            goals: vec![PlanGoalForm {
                actions: vec![PlanActionForm { status: ActionStatus::Planned.as_str().into(), ..Default::default() }],
                ..Default::default()
            }],
            ..Default::default()
        },
    }
}

fn current_version<'a>(case: &'a FamilyCase, t: &Translator) -> Result<&'a PlanVersion, String> {
    case.plan_versions.last().ok_or_else(|| t.tr("plan-empty"))
}

fn print_saved(
    out: &mut String,
    store: &Store,
    family_id: EntityId,
    number: u32,
    json: bool,
    t: &Translator,
) -> Result<(), String> {
    if json {
        let case = store.family_case(family_id).map_err(failed(t))?;
        let version = case.plan_versions.iter().find(|v| v.number == number);
        return print_json(out, &serde_json::json!({ "family_id": family_id, "version": version }));
    }
    line(out, format_args!("{number}"));
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn show(
    out: &mut String,
    store: &Store,
    case: &FamilyCase,
    shown: &PlanVersion,
    is_current: bool,
    today: NaiveDate,
    json: bool,
    t: &Translator,
) -> Result<(), String> {
    let statuses = current_status(shown, &case.progress_notes);
    let overdue: Vec<EntityId> = if is_current {
        overdue_actions(shown, &case.progress_notes, today).iter().map(|a| a.id).collect()
    } else {
        Vec::new()
    };
    let ids: Vec<EntityId> = shown.actions().map(|a| a.id).collect();
    let notes: Vec<&ProgressNote> = case.progress_notes.iter().filter(|n| ids.contains(&n.action_id)).collect();
    if json {
        return print_json(
            out,
            &serde_json::json!({
                "family_id": case.family.id,
                "current": is_current,
                "version": shown,
                "statuses": statuses,
                "overdue": overdue,
                "progress_notes": notes,
            }),
        );
    }
    let date = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
    line(out, format_args!("{}", t.tr_args("plan-version", &[("number", Arg::Num(f64::from(shown.number)))])));
    line(
        out,
        format_args!(
            "{}",
            match shown.agreed_with_family_on {
                Some(on) => t.tr_args("plan-agreed-on", &[("date", Arg::Str(&date(on)))]),
                None => t.tr("plan-not-agreed"),
            }
        ),
    );
    line(
        out,
        format_args!(
            "{}",
            match &shown.consultation {
                Some(c) => t.tr_args(
                    "plan-consulted",
                    &[("date", Arg::Str(&date(c.date))), ("name", Arg::Str(&c.social_worker))]
                ),
                None => t.tr("plan-not-consulted"),
            }
        ),
    );
    let areas = store.plan_areas().map_err(failed(t))?;
    for goal in &shown.goals {
        let area = areas
            .iter()
            .find(|a| a.key == goal.area)
            .map(|a| if t.locale() == Locale::En { a.name_en.clone() } else { a.name_pl.clone() })
            .unwrap_or_else(|| goal.area.clone());
        line(out, format_args!("{}\t{area}\t{}", goal.id, goal.goal));
        for a in &goal.actions {
            let who = match &a.who {
                Actor::Member { member_id } => case
                    .members
                    .iter()
                    .find(|m| m.id == *member_id)
                    .map(|m| format!("{} {}", m.details.first_name, m.details.last_name))
                    .unwrap_or_else(|| t.tr(a.who.message_id())),
                Actor::Institution { name } => name.clone(),
                Actor::Assistant => t.tr(a.who.message_id()),
            };
            let deadline = a.deadline.map(date).unwrap_or_else(|| t.tr("plan-deadline-none"));
            let status = t.tr(statuses.get(&a.id).copied().unwrap_or(a.status).message_id());
            let late = if overdue.contains(&a.id) { format!(" ({})", t.tr("plan-overdue")) } else { String::new() };
            line(out, format_args!("  {}\t{}\t{who}\t{deadline}\t{status}{late}", a.id, a.what));
        }
    }
    Ok(())
}
