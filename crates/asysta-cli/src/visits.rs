//! `asysta visit …`: the visit diary. A visit comes as the window's visit
//! form and goes through the store's one door (`asysta_core::ops`:
//! `RecordVisit`, `UpdateVisit`), which checks it against the family's
//! members, the plan's actions and the centre's areas exactly as it does
//! the window's.

use crate::commands::{format_time, line, print_json, today_local};
use crate::forms::{failed, open_for_edit, parse_id, read_form, with_family};
use crate::VisitCommand;
use asysta_core::api::{ApiError, ErrorKind, FamilyCase, VisitView};
use asysta_core::ops;
use asysta_core::visit::{Place, VisitDraft, VisitForm};
use asysta_core::EntityId;
use asysta_i18n::Translator;
use asysta_store::Store;
use std::path::Path;

pub fn run(data_dir: &Path, command: VisitCommand, t: &Translator, out: &mut String) -> Result<(), String> {
    let today = today_local();
    match command {
        VisitCommand::Add { family_id, form, json } => {
            let form: VisitForm = read_form(&form, t)?;
            let family_id = parse_id(&family_id, t)?;
            let mut store = open_for_edit(data_dir, t)?;
            let id = store.run(ops::RecordVisit { family_id, form }, today).map_err(failed(t))?;
            print_visit(out, &store, family_id, id, json, t)
        }
        VisitCommand::Edit { visit_id, form, json } => {
            let form: VisitForm = read_form(&form, t)?;
            let visit_id = parse_id(&visit_id, t)?;
            let mut store = open_for_edit(data_dir, t)?;
            // A diary entry, or a visit planned ahead that happened.
            let family_id = store.family_of_record(visit_id).map_err(failed(t))?;
            store.run(ops::UpdateVisit { family_id, visit_id, form }, today).map_err(failed(t))?;
            print_visit(out, &store, family_id, visit_id, json, t)
        }
        VisitCommand::List { family_id, json } => {
            let family_id = parse_id(&family_id, t)?;
            let case = crate::commands::open(data_dir, t)?.family_case(family_id).map_err(failed(t))?;
            if json {
                return print_json(out, &case.visits);
            }
            for v in &case.visits {
                line(out, format_args!("{}", visit_line(v, t)));
            }
            Ok(())
        }
        VisitCommand::Form { visit_id } => {
            let visit_id = parse_id(&visit_id, t)?;
            let store = crate::commands::open(data_dir, t)?;
            let (_, view) = find_visit(&store, visit_id, t)?;
            print_json(out, &VisitForm::from_visit(&view.visit))
        }
        VisitCommand::Draft { family_id, form, json } => {
            let form: VisitForm = read_form(&form, t)?;
            let family_id = parse_id(&family_id, t)?;
            let mut store = open_for_edit(data_dir, t)?;
            let draft = VisitDraft { family_id, form, saved_at_ms: now_ms() };
            store.save_draft(&draft).map_err(failed(t))?;
            if json {
                return print_json(out, &draft);
            }
            line(out, format_args!("{family_id}\t{}", format_time(draft.saved_at_ms)));
            Ok(())
        }
        VisitCommand::Drafts { json } => {
            let drafts = crate::commands::open(data_dir, t)?.drafts().map_err(failed(t))?;
            if json {
                return print_json(out, &drafts);
            }
            for d in &drafts {
                let (draft, when) = (&d.draft, format_time(d.draft.saved_at_ms));
                line(out, format_args!("{}\t{}\t{when}\t{}", draft.family_id, d.family_name, draft.form.date));
            }
            Ok(())
        }
        VisitCommand::DiscardDraft { family_id } => {
            let family_id = parse_id(&family_id, t)?;
            open_for_edit(data_dir, t)?.discard_draft(family_id).map_err(failed(t))
        }
        VisitCommand::Planned { json, ics, weeks, with_names } => {
            let store = crate::commands::open(data_dir, t)?;
            let scheduled = store.scheduled_visits(today, None).map_err(failed(t))?;
            let next = store.planned_visits().map_err(failed(t))?;
            if let Some(path) = ics {
                let until = today + chrono::Duration::weeks(i64::from(weeks));
                let coming: Vec<_> = scheduled.iter().filter(|v| !v.missed && v.date <= until).collect();
                let text = crate::calendar::ics(&coming, with_names, t);
                asysta_store::write_atomically(&path, text.as_bytes())
                    .map_err(|e| format!("{}: {e}", path.display()))?;
            }
            let entries = crate::calendar::planned_entries(&scheduled, &next);
            if json {
                return print_json(out, &entries);
            }
            for e in &entries {
                let missed = if e.missed { t.tr("cli-visit-missed") } else { String::new() };
                line(
                    out,
                    format_args!(
                        "{}\t{}\t{}\t{}\t{}\t{}\t{missed}",
                        e.id.map(|id| id.to_string()).unwrap_or_else(|| "-".into()),
                        e.family_name,
                        e.date.format("%d.%m.%Y"),
                        e.time.as_deref().unwrap_or("-"),
                        e.place.as_ref().map(|p| crate::calendar::place_text(p, t)).unwrap_or_default(),
                        e.purpose.as_deref().unwrap_or(""),
                    ),
                );
            }
            Ok(())
        }
        VisitCommand::Plan { family_id, date, time, place, purpose, json } => {
            let family_id = parse_id(&family_id, t)?;
            let (place, place_other) = match place {
                None => (String::new(), String::new()),
                Some(p) if Place::KINDS.contains(&p.trim()) => (p.trim().to_owned(), String::new()),
                Some(p) => ("other".to_owned(), p),
            };
            let form = asysta_core::visit::PlannedVisitForm {
                date,
                time,
                place,
                place_other,
                purpose: purpose.unwrap_or_default(),
            };
            let mut store = open_for_edit(data_dir, t)?;
            let id = store.run(ops::PlanVisit { family_id, form }, today).map_err(failed(t))?;
            let planned = store.scheduled_visits(today, None).map_err(failed(t))?.into_iter().find(|v| v.id == id);
            if json {
                return print_json(out, &planned);
            }
            line(out, format_args!("{id}"));
            Ok(())
        }
        VisitCommand::Cancel { visit_id } => {
            let visit_id = parse_id(&visit_id, t)?;
            open_for_edit(data_dir, t)?.run(ops::CancelPlannedVisit { visit_id }, today).map_err(failed(t))
        }
    }
}

/// The case a recorded visit belongs to, and the visit.
fn find_visit(store: &Store, visit_id: EntityId, t: &Translator) -> Result<(FamilyCase, VisitView), String> {
    let not_found = || crate::forms::refusal(ApiError::new(ErrorKind::NotFound), t);
    let family_id = store.family_of_record(visit_id).map_err(failed(t))?;
    let case = store.family_case(family_id).map_err(failed(t))?;
    let view = case.visits.iter().find(|v| v.id == visit_id).cloned().ok_or_else(not_found)?;
    Ok((case, view))
}

fn print_visit(
    out: &mut String,
    store: &Store,
    family_id: EntityId,
    visit_id: EntityId,
    json: bool,
    t: &Translator,
) -> Result<(), String> {
    if json {
        let case = store.family_case(family_id).map_err(failed(t))?;
        let view = case.visits.iter().find(|v| v.id == visit_id);
        return print_json(out, &with_family(&view, family_id)?);
    }
    line(out, format_args!("{visit_id}"));
    Ok(())
}

/// `id  date  10:00–11:15 (75 min)  home visit  at home  author`.
fn visit_line(v: &VisitView, t: &Translator) -> String {
    let visit = &v.visit;
    let place = match &visit.place {
        Place::Other { text } => text.clone(),
        place => t.tr(place.message_id()),
    };
    format!(
        "{}\t{}\t{}–{} ({} min)\t{}\t{place}\t{}",
        v.id,
        visit.date.format("%d.%m.%Y"),
        visit.start.format("%H:%M"),
        visit.end.format("%H:%M"),
        visit.duration_minutes(),
        t.tr(visit.form.message_id()),
        v.author_name
    )
}

/// Now, in Unix milliseconds: when a draft was saved (the window's shell
/// reads its clock the same way).
fn now_ms() -> u64 {
    #[allow(clippy::disallowed_methods)]
    let now = std::time::SystemTime::now();
    now.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}
