use super::*;
use crate::ids::UserId;
use crate::member::MemberDetails;
use crate::plan::PlanVersion;
use chrono::NaiveDate;
use proptest::prelude::*;
use uuid::Uuid;

const MEMBER: EntityId = EntityId(Uuid::from_u128(0xAAAA));
const FAMILY: EntityId = EntityId(Uuid::from_u128(0xFFFF));

fn device(n: u128) -> DeviceId {
    DeviceId(Uuid::from_u128(n))
}

/// Builds a history: each event gets a unique id, its device's next
/// sequence number and an HLC from a shared counter.
#[derive(Default)]
struct History {
    events: Vec<Event>,
    next_hlc: u64,
}

impl History {
    fn add(&mut self, dev: u128, based_on: &[EventId], change: Change) -> EventId {
        self.add_at(dev, based_on, change, None)
    }

    fn add_at(&mut self, dev: u128, based_on: &[EventId], change: Change, hlc: Option<u64>) -> EventId {
        self.next_hlc += 10;
        let seq = self.events.iter().filter(|e| e.device_id == device(dev)).count() as u64 + 1;
        let event_id = EventId(Uuid::from_u128(0x1000 + self.events.len() as u128));
        self.events.push(Event {
            event_id,
            device_id: device(dev),
            seq,
            entity_type: change.entity_type(),
            entity_id: if change.entity_type() == EntityType::Plan { FAMILY } else { MEMBER },
            family_id: Some(FAMILY),
            base_rev: 0,
            based_on: based_on.to_vec(),
            hlc: Hlc { wall_ms: hlc.unwrap_or(1_000 + self.next_hlc), counter: 0 },
            schema_version: crate::EVENT_SCHEMA_VERSION,
            author: Author { user_id: UserId(Uuid::from_u128(dev)), name: format!("device {dev}") },
            change,
        });
        event_id
    }

    fn fold(&self) -> RecordState {
        fold_record(&self.events.iter().collect::<Vec<_>>())
    }
}

fn person(first: &str, last: &str) -> MemberDetails {
    MemberDetails::named(first, last)
}

fn added(first: &str, last: &str) -> Change {
    Change::MemberAdded { family_id: FAMILY, details: person(first, last) }
}

fn updated(details: MemberDetails) -> Change {
    Change::MemberUpdated { details }
}

#[test]
fn a_single_device_chain_reads_as_before_last_write_wins() {
    // Version 1 events name no heads: they descend from their device's
    // earlier events.
    let mut h = History::default();
    h.add(1, &[], added("Jan", "Kowal"));
    h.add(1, &[], updated(person("Janek", "Kowal")));
    h.add(1, &[], updated(person("Jan", "Kowalski")));
    let state = h.fold();
    assert_eq!(state.value("first_name"), "Jan");
    assert_eq!(state.value("last_name"), "Kowalski");
    assert_eq!(state.conflicts().count(), 0);
    assert_eq!(state.heads, vec![h.events[2].event_id]);
    assert_eq!(state.event_count, 3);
}

#[test]
fn concurrent_changes_to_different_fields_merge_without_a_conflict() {
    let mut h = History::default();
    let created = h.add(1, &[], added("Jan", "Kowal"));
    // The centre and the laptop both edit, from the same head.
    h.add(2, &[created], updated(person("Jan", "Kowalski")));
    h.add(
        1,
        &[created],
        updated(MemberDetails { birth_date: NaiveDate::from_ymd_opt(2015, 3, 4), ..person("Jan", "Kowal") }),
    );
    let state = h.fold();
    assert_eq!(state.value("last_name"), "Kowalski");
    assert_eq!(state.value("birth_date"), "2015-03-04");
    assert_eq!(state.conflicts().count(), 0, "{:?}", state.fields);
    assert_eq!(state.heads.len(), 2);
}

#[test]
fn the_same_field_changed_to_different_values_is_a_conflict_with_both_versions() {
    let mut h = History::default();
    let created = h.add(1, &[], added("Jan", "Kowal"));
    let laptop = h.add(1, &[created], updated(person("Jan", "Kowalski")));
    let centre = h.add(2, &[created], updated(person("Jan", "Kowalczyk")));
    let state = h.fold();
    let conflicts: Vec<_> = state.conflicts().collect();
    assert_eq!(conflicts.len(), 1);
    let (field, f) = conflicts[0];
    assert_eq!(field, "last_name");
    // Both versions are kept; the later HLC is shown.
    assert_eq!(f.writes.iter().map(|w| w.event_id).collect::<Vec<_>>(), vec![centre, laptop]);
    assert_eq!(state.value("last_name"), "Kowalczyk");
    assert_eq!(f.writes[1].author.name, "device 1");
}

#[test]
fn the_same_value_written_concurrently_is_no_conflict() {
    let mut h = History::default();
    let created = h.add(1, &[], added("Jan", "Kowal"));
    h.add(1, &[created], updated(person("Jan", "Kowalski")));
    h.add(2, &[created], updated(person("Jan", "Kowalski")));
    assert_eq!(h.fold().conflicts().count(), 0);
}

#[test]
fn a_resolution_ends_the_conflict_and_travels_as_an_event() {
    let mut h = History::default();
    let created = h.add(1, &[], added("Jan", "Kowal"));
    let a = h.add(1, &[created], updated(person("Jan", "Kowalski")));
    let b = h.add(2, &[created], updated(person("Jan", "Kowalczyk")));
    // Keep the older (not shown) one: a resolution always writes.
    h.add(
        3,
        &[a, b],
        Change::ConflictResolved {
            record: EntityType::Member,
            field: "last_name".into(),
            value: Value::from("Kowalski"),
            kept: Some(a),
        },
    );
    let state = h.fold();
    assert_eq!(state.conflicts().count(), 0);
    assert_eq!(state.value("last_name"), "Kowalski");
}

#[test]
fn an_edit_of_another_field_during_a_conflict_leaves_the_conflict_for_a_person() {
    let mut h = History::default();
    let created = h.add(1, &[], added("Jan", "Kowal"));
    let a = h.add(1, &[created], updated(person("Jan", "Kowalski")));
    let b = h.add(2, &[created], updated(person("Jan", "Kowalczyk")));
    // The person edits the first name on a screen that shows the winner.
    h.add(1, &[a, b], updated(person("Janek", "Kowalczyk")));
    let state = h.fold();
    assert_eq!(state.value("first_name"), "Janek");
    assert_eq!(state.conflicts().map(|(f, _)| f.as_str()).collect::<Vec<_>>(), vec!["last_name"]);
}

#[test]
fn a_later_change_based_on_both_versions_with_a_new_value_supersedes_them() {
    let mut h = History::default();
    let created = h.add(1, &[], added("Jan", "Kowal"));
    let a = h.add(1, &[created], updated(person("Jan", "Kowalski")));
    let b = h.add(2, &[created], updated(person("Jan", "Kowalczyk")));
    h.add(2, &[a, b], updated(person("Jan", "Nowak")));
    let state = h.fold();
    assert_eq!(state.conflicts().count(), 0);
    assert_eq!(state.value("last_name"), "Nowak");
}

#[test]
fn a_change_after_a_far_future_event_still_supersedes_it() {
    // Causality follows `based_on`, not the clock.
    let mut h = History::default();
    let created = h.add(1, &[], added("Jan", "Kowal"));
    let future = h.add_at(2, &[created], updated(person("Jan", "Przyszły")), Some(99_999_999_999_999));
    h.add(1, &[future], updated(person("Jan", "Teraz")));
    let state = h.fold();
    assert_eq!(state.value("last_name"), "Teraz");
    assert_eq!(state.conflicts().count(), 0);
}

#[test]
fn a_record_whose_creation_has_not_arrived_has_no_creation() {
    let mut h = History::default();
    let created = h.add(1, &[], added("Jan", "Kowal"));
    h.add(2, &[created], updated(person("Jan", "Kowalski")));
    let only_update = fold_record(&[&h.events[1]]);
    assert!(only_update.creation.is_none());
    assert!(h.fold().creation.is_some());
}

fn plan_version(goal: &str) -> Change {
    Change::PlanVersionSaved {
        family_id: FAMILY,
        version: PlanVersion {
            number: 2,
            agreed_with_family_on: None,
            consultation: None,
            goals: vec![crate::plan::PlanGoal {
                id: EntityId(Uuid::from_u128(5)),
                area: "housing".into(),
                goal: goal.into(),
                actions: Vec::new(),
            }],
        },
    }
}

fn plan_of(h: &History) -> PlanState {
    fold_plan(&h.events.iter().collect::<Vec<_>>()).unwrap()
}

#[test]
fn plan_versions_saved_concurrently_are_both_kept_numbered_and_flagged() {
    let mut h = History::default();
    let first = h.add(1, &[], plan_version("pierwsza"));
    let laptop = h.add(1, &[first], plan_version("laptop"));
    let centre = h.add(2, &[first], plan_version("centrum"));
    let plan = plan_of(&h);
    let goals: Vec<&str> = plan.versions.iter().map(|v| v.version.goals[0].goal.as_str()).collect();
    assert_eq!(goals, vec!["pierwsza", "laptop", "centrum"]);
    assert_eq!(plan.versions.iter().map(|v| v.version.number).collect::<Vec<_>>(), vec![1, 2, 3]);
    assert_eq!(plan.concurrent.iter().map(|w| w.event_id).collect::<Vec<_>>(), vec![centre, laptop]);
    let conflict = Conflict::of_plan(FAMILY, &plan).unwrap();
    assert_eq!(conflict.field, PLAN_VERSION_FIELD);

    // Keeping the laptop's version puts it in force and ends the conflict.
    h.add(
        2,
        &[laptop, centre],
        Change::ConflictResolved {
            record: EntityType::Plan,
            field: PLAN_VERSION_FIELD.into(),
            value: Value::from(laptop.to_string()),
            kept: Some(laptop),
        },
    );
    let plan = plan_of(&h);
    assert!(plan.concurrent.is_empty());
    assert_eq!(plan.versions.last().unwrap().version.goals[0].goal, "laptop");
    assert!(Conflict::of_plan(FAMILY, &plan).is_none());
}

#[test]
fn a_new_plan_version_based_on_both_ends_the_conflict() {
    let mut h = History::default();
    let first = h.add(1, &[], plan_version("pierwsza"));
    let a = h.add(1, &[first], plan_version("a"));
    let b = h.add(2, &[first], plan_version("b"));
    h.add(1, &[a, b], plan_version("razem"));
    let plan = plan_of(&h);
    assert!(plan.concurrent.is_empty());
    assert_eq!(plan.versions.len(), 4);
    assert_eq!(plan.versions.last().unwrap().version.goals[0].goal, "razem");
}

/// A random history of one person on three devices: each step either edits
/// on one device, from what that device has seen, or delivers one device's
/// events to another.
fn random_history(steps: &[(u8, u8, u8)]) -> History {
    let mut h = History::default();
    h.add(1, &[], added("Jan", "Kowal"));
    // What each device has seen (indexes into h.events).
    let mut seen: Vec<Vec<usize>> = vec![vec![0], vec![], vec![]];
    let names = ["Kowalski", "Nowak", "Wiśniewski"];
    for &(kind, dev, value) in steps {
        let dev = (dev % 3) as usize;
        if kind % 3 == 0 {
            let other = (dev + 1 + (value as usize % 2)) % 3;
            let theirs = seen[other].clone();
            for i in theirs {
                if !seen[dev].contains(&i) {
                    seen[dev].push(i);
                }
            }
            continue;
        }
        if seen[dev].is_empty() {
            continue;
        }
        let mine: Vec<&Event> = seen[dev].iter().map(|&i| &h.events[i]).collect();
        let state = fold_record(&mine);
        let mut details = person(
            state.value("first_name").as_str().unwrap_or("Jan"),
            state.value("last_name").as_str().unwrap_or(""),
        );
        if kind % 3 == 1 {
            details.last_name = names[value as usize % 3].into();
        } else {
            details.first_name = ["Jan", "Janek", "Jaś"][value as usize % 3].into();
        }
        let heads = state.heads.clone();
        h.add(dev as u128 + 1, &heads, updated(details));
        let i = h.events.len() - 1;
        seen[dev].push(i);
    }
    h
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The fold depends on the set of events only: any permutation gives
    /// the same state.
    #[test]
    fn the_fold_does_not_depend_on_the_order_of_events(
        steps in proptest::collection::vec((0u8..6, 0u8..3, 0u8..3), 0..24),
        shuffle in any::<u64>(),
    ) {
        let h = random_history(&steps);
        let mut order: Vec<&Event> = h.events.iter().collect();
        let expected = fold_record(&order);
        let mut state = shuffle | 1;
        for i in (1..order.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            order.swap(i, (state % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(fold_record(&order), expected);
    }
}

#[test]
fn a_withheld_placeholder_writes_nothing_and_its_event_replacing_it_reads_as_always() {
    let mut h = History::default();
    let created = h.add(1, &[], added("Jan", "Kowal"));
    let edit = h.add(1, &[created], updated(person("Jan", "Kowalski")));
    let full = h.fold();
    // The edit travels as a placeholder: the record is what it was before.
    let mut withheld = h.events.clone();
    withheld[1].change = Change::Withheld { record: EntityType::Member, family_id: Some(FAMILY), digest: "ab".into() };
    let state = fold_record(&withheld.iter().collect::<Vec<_>>());
    assert_eq!(state.value("last_name"), "Kowal");
    assert_eq!(state.conflicts().count(), 0);
    // A later edit based on the placeholder's id still supersedes it.
    let later = h.add(2, &[edit], updated(person("Jan", "Nowak")));
    withheld.push(h.events[2].clone());
    let state = fold_record(&withheld.iter().collect::<Vec<_>>());
    assert_eq!(state.value("last_name"), "Nowak");
    assert_eq!(state.heads, vec![later]);
    assert_eq!(full.value("last_name"), "Kowalski");
}

/// A delete on one device and an edit on another that did not see it: the
/// record's deletion is in conflict, both versions kept for a person, never
/// won silently; a resolution settles it either way.
#[test]
fn a_delete_concurrent_with_an_edit_is_a_conflict_for_a_person() {
    let mut h = History::default();
    let created = h.add(1, &[], added("Jan", "Kowal"));
    let deleted = h.add(1, &[created], Change::MemberDeleted {});
    let edited = h.add(2, &[created], updated(person("Jan", "Kowalski")));
    let state = h.fold();
    let conflicts: Vec<_> = state.conflicts().collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    let (field, f) = conflicts[0];
    assert_eq!(field, DELETED_FIELD);
    let versions: Vec<(EventId, Value)> = f.writes.iter().map(|w| (w.event_id, w.value.clone())).collect();
    assert!(versions.contains(&(deleted, Value::Bool(true))) && versions.contains(&(edited, Value::Bool(false))));
    assert_eq!(state.value("last_name"), "Kowalski", "the edit is kept, not lost");
    assert_eq!(state.value(DELETED_FIELD), &Value::Bool(false), "shown until a person decides");

    // Keeping the record (the edit's version) settles it.
    let mut kept = History { events: h.events.clone(), next_hlc: h.next_hlc };
    kept.add(
        2,
        &[deleted, edited],
        Change::ConflictResolved {
            record: EntityType::Member,
            field: DELETED_FIELD.into(),
            value: Value::Bool(false),
            kept: Some(edited),
        },
    );
    let state = kept.fold();
    assert_eq!(state.conflicts().count(), 0);
    assert_eq!(state.value(DELETED_FIELD), &Value::Bool(false));

    // A delete made after seeing the edit is no conflict.
    let mut after = History::default();
    let created = after.add(1, &[], added("Jan", "Kowal"));
    let edited = after.add(2, &[created], updated(person("Jan", "Kowalski")));
    after.add(1, &[edited], Change::MemberDeleted {});
    assert_eq!(after.fold().conflicts().count(), 0);
}
