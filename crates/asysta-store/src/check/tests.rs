//! Every replica equals its own rebuild: on a local write, in a story whose
//! progress note precedes its plan, at import in any order, and after the
//! settings change one after another; and `check` finds a difference
//! without changing anything.

use crate::exchange::tests::workspace;
use crate::sync::tests::{d, devices, plan, sync, Devices};
use crate::tests::{family, snapshot_files};
use asysta_core::demo::story::StoryChange;
use asysta_core::evaluation::content::RatingLevel;
use asysta_core::plan::{plan_id_for, ActionStatus, ProgressNote};
use asysta_core::workspace::Role;
use asysta_core::{Change, EntityId};

fn note(date: &str, text: &str) -> ProgressNote {
    ProgressNote {
        action_id: EntityId(uuid::Uuid::from_u128(2)),
        date: d(date),
        note: text.into(),
        status: Some(ActionStatus::InProgress),
    }
}

#[track_caller]
fn assert_sound(store: &crate::Store) {
    let report = store.check().unwrap();
    assert!(report.ok, "{report:#?}");
}

fn progress_note_rows(store: &crate::Store) -> i64 {
    store.conn.query_row("SELECT count(*) FROM progress_notes", [], |r| r.get(0)).unwrap()
}

#[test]
fn a_progress_note_written_before_its_plan_appears_with_the_plan() {
    let Devices { mut laptop, mut centre, .. } = devices(41);
    let id = laptop.add_family(&family("Kowalscy", "Jan")).unwrap();
    let plan_id = plan_id_for(id);
    // The story's order: the note is dated (and written) before the plan.
    let story = vec![
        StoryChange {
            entity_id: plan_id, change: Change::PlanProgressNoted { note: note("2026-08-20", "Wcześniej") }
        },
        StoryChange {
            entity_id: plan_id,
            change: Change::PlanVersionSaved { family_id: id, version: plan("Cel").into_version(1) },
        },
    ];
    laptop.add_demo_history(id, story).unwrap();
    assert_eq!(progress_note_rows(&laptop), 1);
    assert!(laptop.all_events().unwrap().iter().filter(|e| e.entity_id == plan_id).all(|e| e.family_id == Some(id)));
    assert_sound(&laptop);
    sync(&laptop, &mut centre);
    assert_eq!(progress_note_rows(&centre), 1);
    assert_eq!(laptop.family_case(id).unwrap(), centre.family_case(id).unwrap());
    assert_sound(&centre);
}

#[test]
fn a_note_filed_under_no_family_is_filed_when_its_plan_arrives_in_a_later_batch() {
    let Devices { mut laptop, mut centre, .. } = devices(42);
    let id = laptop.add_family(&family("Kowalscy", "Jan")).unwrap();
    laptop.save_plan_version(id, plan("Cel")).unwrap();
    laptop.add_progress_note(id, note("2026-11-21", "Złożono")).unwrap();
    let mut events = laptop.events_missing_from(&Default::default()).unwrap();
    events.sort_by_key(|e| e.seq);
    // An earlier release's laptop sent such a note without its family, and
    // (here) before the plan's first version: the family and workspace
    // first, then the note alone, then the plan.
    let plan_at = events.iter().position(|e| matches!(e.change, Change::PlanVersionSaved { .. })).unwrap();
    let note_at = events.iter().position(|e| matches!(e.change, Change::PlanProgressNoted { .. })).unwrap();
    events[note_at].family_id = None;
    let (note_event, plan_event) = (events[note_at].clone(), events[plan_at].clone());
    // Renumber nothing: deliver everything but the plan and note, then the
    // plan held back behind... instead deliver by sequence, the plan last.
    let mut first: Vec<_> = events.iter().filter(|e| e.seq < plan_event.seq).cloned().collect();
    first.push(note_event.clone());
    centre.ingest(first).unwrap();
    assert_eq!(progress_note_rows(&centre), 0, "the note waits for its plan");
    assert_sound(&centre);
    centre.ingest(vec![plan_event]).unwrap();
    assert_eq!(progress_note_rows(&centre), 1, "the note appears with its plan");
    assert!(centre
        .all_events()
        .unwrap()
        .iter()
        .all(|e| e.entity_id != note_event.entity_id || e.family_id == Some(id)));
    assert_eq!(laptop.family_case(id).unwrap(), centre.family_case(id).unwrap());
    assert_sound(&centre);
}

#[test]
fn one_setting_changed_after_another_keeps_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let mut centre = workspace(&dir.path().join("c"), "Maria Zięba", Role::Centre, 3);
    let scale = vec![
        RatingLevel { value: 1, name_pl: "Źle".into(), name_en: "Bad".into() },
        RatingLevel { value: 2, name_pl: "Dobrze".into(), name_en: "Good".into() },
    ];
    centre.set_rating_scale(scale.clone()).unwrap();
    let reasons = centre.closing_reasons().unwrap();
    let mut settings = centre.settings().unwrap();
    settings.caseload_cap = 12;
    centre.set_settings(settings).unwrap();
    centre.set_plan_areas(centre.plan_areas().unwrap()).unwrap();
    assert_eq!(centre.rating_scale().unwrap(), scale, "a later settings change keeps the scale");
    assert_eq!(centre.closing_reasons().unwrap(), reasons);
    assert_eq!(centre.settings().unwrap().caseload_cap, 12);
    assert_sound(&centre);
}

#[test]
fn check_reports_a_table_that_differs_from_its_rebuild_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut laptop = crate::tests::create_seeded(dir.path(), 43);
    let id = laptop.add_family(&family("Kowalscy", "Jan")).unwrap();
    assert_sound(&laptop);
    // A row changed behind the log's back (as a bug or an edit would).
    laptop.conn.execute("UPDATE families SET name = 'Podmienieni' WHERE id = ?1", [id.to_string()]).unwrap();
    let files = dir.path().to_owned();
    let before = snapshot_files(&files);
    let report = laptop.check().unwrap();
    assert!(!report.ok);
    assert_eq!(report.projections.len(), 1, "{report:#?}");
    assert_eq!(report.projections[0].table, "families");
    assert_eq!((report.projections[0].only_here, report.projections[0].only_in_rebuild), (1, 1));
    assert_eq!(report.projections[0].examples, vec![format!("Text({:?})", id.to_string())]);
    let after = snapshot_files(&files);
    let digests = |m: &std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>| {
        m.iter()
            .filter(|(p, _)| !p.to_string_lossy().ends_with("-shm"))
            .map(|(p, b)| (p.clone(), blake3::hash(b)))
            .collect::<Vec<_>>()
    };
    assert_eq!(digests(&before), digests(&after), "check writes nothing");
}
