//! The multi-device property through real bundles: two laptops and their
//! centre on SQLCipher files run operations of the table
//! (`asysta_core::ops`, through `Store::run`) at random, export bundles at random, and
//! the bundles are lost, delivered twice and delivered out of order. Once
//! everything has been delivered, every replica holds the same state for
//! what it may read, no event is lost, and every replica equals its own
//! rebuild. (`sync/tests.rs` checks the same property with events moved
//! directly; this one goes through `export_bundle` and `import_bundle`.)

use super::tests::workspace;
use super::{peers, ExportRequest};
use crate::sync::tests::{d, visit};
use crate::tests::{family, projection_state};
use crate::{Resolution, Store};
use asysta_core::demo::DemoRng;
use asysta_core::member::MemberDetails;
use asysta_core::ops;
use asysta_core::visit::VisitForm;
use asysta_core::workspace::Role;
use asysta_core::{Change, DeviceId, EntityId, EntityType, Event};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// The replicas, by index.
const CENTRE: usize = 0;
const LAPTOPS: [usize; 2] = [1, 2];

/// Invariant 2 of docs/ARCHITECTURE.md through bundles: 20 random histories
/// per run, about 15 seconds in debug (`ASYSTA_BUNDLE_HISTORIES` to run more).
#[test]
fn any_loss_duplication_and_order_of_bundles_ends_in_the_same_state_everywhere() {
    let histories: u64 = std::env::var("ASYSTA_BUNDLE_HISTORIES").ok().and_then(|v| v.parse().ok()).unwrap_or(20);
    let mut seen = Seen::default();
    for seed in 0..histories {
        check_history(seed, &mut seen);
    }
    eprintln!("{histories} histories: {seen:?}");
    // The histories must have exercised what the property is about (the
    // bounds are about half what the default run sees).
    let n = histories as usize;
    assert!(seen.lost > n / 2, "too few bundles lost: {seen:?}");
    assert!(seen.duplicates > n / 2, "too few bundles delivered twice: {seen:?}");
    assert!(seen.reordered > n / 3, "too few bundles delivered out of order: {seen:?}");
    assert!(seen.held_back > n / 2, "too few events held behind a gap: {seen:?}");
    assert!(seen.gaps_made > n / 4, "too few senders misled about what a receiver holds: {seen:?}");
    assert!(seen.withheld > 3 * n, "too few placeholders: {seen:?}");
    // A placeholder replaced by its note is rare here now that each laptop
    // writes only its own families; `restricted_notes_travel_as_placeholders_until_included`
    // covers it deterministically.
    assert!(seen.full_exports > n, "too few full exports: {seen:?}");
    assert!(seen.transfers > n / 2, "too few transfers: {seen:?}");
    assert!(seen.handed_over > n / 4, "too few transfers acknowledged: {seen:?}");
    assert!(seen.late_edits > 0, "no late edit: {seen:?}");
}

/// What the histories went through, summed.
#[derive(Debug, Default)]
struct Seen {
    exported: usize,
    full_exports: usize,
    delivered: usize,
    lost: usize,
    duplicates: usize,
    reordered: usize,
    /// Events held back behind a gap on import.
    held_back: usize,
    /// Times a sender was made to believe the receiver held more than it
    /// did (honest marks never make a gap: each device's events reach a
    /// receiver by one path, starting at most one past its marks).
    gaps_made: usize,
    /// Final rounds in which a full export filled a gap.
    gaps_filled_by_full: usize,
    conflicts: usize,
    withheld: usize,
    /// Restricted notes that reached a replica in full after their
    /// placeholder (which they replaced).
    restricted_revealed: usize,
    /// Rounds of exports the final delivery needed, at most.
    max_final_rounds: usize,
    /// Transfers between the laptops, those the old laptop acknowledged,
    /// and its edits after their effective date.
    transfers: usize,
    handed_over: usize,
    late_edits: usize,
}

/// A bundle on its way.
struct InFlight {
    from: usize,
    to: usize,
    /// Exports are numbered in the order they were made.
    serial: usize,
    bytes: Vec<u8>,
    delivered: bool,
}

struct World {
    _dir: tempfile::TempDir,
    root: PathBuf,
    /// `CENTRE`, then the two laptops.
    stores: [Store; 3],
    in_flight: Vec<InFlight>,
    serial: usize,
    /// Per (sender, receiver), the latest export delivered.
    last_delivered: BTreeMap<(usize, usize), usize>,
    /// Per replica, the restricted notes it wrote.
    own_restricted: [BTreeSet<EntityId>; 3],
    /// Per replica, the restricted notes that arrived in full in a bundle
    /// it imported.
    received_restricted: [BTreeSet<EntityId>; 3],
    /// Per replica, the families it created.
    created: [Vec<EntityId>; 3],
    /// How many times a laptop's clock was moved on a day.
    days_passed: usize,
    seed: u64,
}

fn pick<'a>(rng: &mut DemoRng, items: &[&'a str]) -> &'a str {
    items[rng.below(items.len() as u64) as usize]
}

const NAMES: [&str; 4] = ["Kowalski", "Nowak", "Wiśniewski", "Żółć"];

impl World {
    /// A centre and two enrolled laptops, each trusted by the centre, each
    /// with a family of its own. (A laptop writes only to its own families:
    /// the role policy; concurrent edits of one case on two laptops come
    /// with transfers, and are covered by the property in `sync/tests.rs`.)
    fn new(seed: u64, rng: &mut DemoRng) -> World {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_owned();
        // TestEnvironment keeps seed | 1: seeds differ above the lowest bit.
        let centre = workspace(&root.join("centre"), "Kierownik Maria Zięba", Role::Centre, seed * 8 + 2);
        let mut anna = workspace(&root.join("anna"), "Anna Łęcka", Role::Assistant, seed * 8 + 4);
        let mut ewa = workspace(&root.join("ewa"), "Ewa Nowak", Role::Assistant, seed * 8 + 6);
        let enrolment = centre.enrolment().unwrap().to_json();
        anna.enrol(&enrolment).unwrap();
        ewa.enrol(&enrolment).unwrap();
        let shared = anna.add_family(&family(pick(rng, &NAMES), "Jan")).unwrap();
        let ewas = ewa.add_family(&family(pick(rng, &NAMES), "Ola")).unwrap();
        let mut world = World {
            _dir: dir,
            root,
            stores: [centre, anna, ewa],
            in_flight: Vec::new(),
            serial: 0,
            last_delivered: BTreeMap::new(),
            own_restricted: Default::default(),
            received_restricted: Default::default(),
            created: [Vec::new(), vec![shared], vec![ewas]],
            days_passed: 0,
            seed,
        };
        let mut seen = Seen::default();
        for laptop in LAPTOPS {
            world.export(laptop, CENTRE, false, false, &mut seen);
            world.deliver(0, false, &mut seen);
        }
        world
    }

    fn export(&mut self, from: usize, to: usize, full: bool, include_restricted: bool, seen: &mut Seen) {
        let device = (from == CENTRE).then(|| self.stores[to].device_id());
        let request = ExportRequest { device, full, include_restricted };
        self.serial += 1;
        let path = self.root.join(format!("{}.asysta", self.serial));
        let summary = self.stores[from]
            .export_bundle(&path, &request, &mut |_| {})
            .unwrap_or_else(|e| panic!("seed {}: export {from} → {to}: {e}", self.seed));
        let bytes = std::fs::read(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        self.check_withheld(from, to, include_restricted, &bytes);
        seen.exported += 1;
        seen.full_exports += usize::from(full);
        seen.withheld += summary.withheld as usize;
        self.in_flight.push(InFlight { from, to, serial: self.serial, bytes, delivered: false });
    }

    /// What a bundle carries in full is what its receiver may read: from a
    /// laptop, no restricted note unless included; from the centre, no
    /// event of a family the receiving laptop does not work on.
    fn check_withheld(&self, from: usize, to: usize, include_restricted: bool, bytes: &[u8]) {
        let events = asysta_bundle::open(bytes, &self.stores[to].keys).unwrap().events().unwrap();
        let visible = (from == CENTRE).then(|| visible_to(&self.stores[CENTRE], &self.stores[to]));
        for e in events.iter().filter(|e| !matches!(e.change, Change::Withheld { .. })) {
            let restricted = matches!(e.change, Change::NoteAdded { restricted: true, .. });
            let readable = match (&visible, e.family_id) {
                (Some(visible), Some(f)) => visible.contains(&f),
                (Some(_), None) => true,
                (None, _) => include_restricted || !restricted,
            };
            assert!(readable, "seed {}: a bundle {from} → {to} carries in full {e:?}", self.seed);
        }
    }

    /// Imports the bundle in flight at `index`; keeps it in flight when
    /// `again` (it will be delivered a second time).
    fn deliver(&mut self, index: usize, again: bool, seen: &mut Seen) -> asysta_core::exchange::ImportSummary {
        let bundle = &self.in_flight[index];
        let (from, to, serial, was_delivered) = (bundle.from, bundle.to, bundle.serial, bundle.delivered);
        let bytes = if again { bundle.bytes.clone() } else { self.in_flight.remove(index).bytes };
        // What the bundle carries in full, read with the receiver's own
        // identity, and which of its restricted notes the receiver held as
        // placeholders until now.
        let events = asysta_bundle::open(&bytes, &self.stores[to].keys).unwrap().events().unwrap();
        let restricted: Vec<(EntityId, bool)> = events
            .iter()
            .filter(|e| matches!(e.change, Change::NoteAdded { restricted: true, .. }))
            .map(|e| (e.entity_id, self.holds_placeholder(to, e)))
            .collect();
        let trust = (to == CENTRE).then(|| self.stores[from].fingerprint().to_string());
        let summary = self.stores[to]
            .import_bundle(&bytes, &format!("{serial}.asysta"), trust.as_deref())
            .unwrap_or_else(|e| panic!("seed {}: import of bundle {serial} ({from} → {to}): {e}", self.seed));
        if again {
            self.in_flight[index].delivered = true;
        }
        seen.delivered += 1;
        seen.held_back += summary.held_back as usize;
        seen.conflicts += summary.conflicts as usize;
        if was_delivered {
            seen.duplicates += 1;
            assert!(
                summary.already_imported && summary.applied == 0 && summary.held_back == 0,
                "seed {}: bundle {serial} delivered again changed something: {summary:?}",
                self.seed
            );
        }
        let last = self.last_delivered.entry((from, to)).or_insert(0);
        if *last > serial {
            seen.reordered += 1;
        } else {
            *last = serial;
        }
        for (note, had_placeholder) in restricted {
            self.received_restricted[to].insert(note);
            seen.restricted_revealed += usize::from(had_placeholder);
        }
        summary
    }

    /// Whether replica `r` holds `event` as a placeholder.
    fn holds_placeholder(&self, r: usize, event: &Event) -> bool {
        self.stores[r]
            .conn
            .query_row(
                "SELECT kind = 'event.withheld' FROM events WHERE device_id = ?1 AND seq = ?2",
                rusqlite::params![event.device_id.to_string(), event.seq as i64],
                |row| row.get::<_, bool>(0),
            )
            .unwrap_or(false)
    }

    /// Makes the sender of the next bundle from `from` to `to` believe the
    /// receiver holds more of one device's events than it does (as after the
    /// receiver was restored from a backup): that bundle starts after a gap.
    fn overestimate_marks(&mut self, from: usize, to: usize, rng: &mut DemoRng, seen: &mut Seen) {
        let theirs = self.stores[to].high_water_marks().unwrap();
        let ours = self.stores[from].high_water_marks().unwrap();
        let candidates: Vec<(DeviceId, u64, u64)> = ours
            .iter()
            .map(|(d, n)| (*d, theirs.get(d).copied().unwrap_or(0), *n))
            .filter(|(_, have, n)| *n > *have + 1)
            .collect();
        if candidates.is_empty() {
            return;
        }
        let (device, have, n) = *rng.pick(&candidates);
        let mut belief = theirs.clone();
        belief.insert(device, have + 1 + rng.below(n - have - 1));
        let party = self.stores[to].party().unwrap();
        let conn = &self.stores[from].conn;
        let at = peers::get(conn, party.device_id).unwrap().unwrap().their_marks_at_ms;
        peers::record_marks(conn, &party, &belief, at).unwrap();
        seen.gaps_made += 1;
    }

    /// Delivers everything still in flight, then exports and imports
    /// between every laptop and the centre until nothing changes; a
    /// replica that misses events gets a full bundle from its peers.
    fn deliver_everything(&mut self, rng: &mut DemoRng, seen: &mut Seen) {
        while !self.in_flight.is_empty() {
            let i = rng.below(self.in_flight.len() as u64) as usize;
            self.deliver(i, false, seen);
        }
        for round in 1.. {
            assert!(round <= 8, "seed {}: no quiescence after {} rounds", self.seed, round - 1);
            let mut changed = false;
            let mut gap_filled = false;
            for (from, to) in [(1, CENTRE), (2, CENTRE), (CENTRE, 1), (CENTRE, 2)] {
                let full = !self.stores[to].missing_events().unwrap().is_empty();
                self.export(from, to, full, false, seen);
                let summary = self.deliver(self.in_flight.len() - 1, false, seen);
                changed |= summary.applied > 0 || summary.held_back > 0;
                gap_filled |= full && self.stores[to].missing_events().unwrap().is_empty();
            }
            seen.gaps_filled_by_full += usize::from(gap_filled);
            let quiet = (0..3).all(|r| self.stores[r].missing_events().unwrap().is_empty());
            if !changed && quiet {
                seen.max_final_rounds = seen.max_final_rounds.max(round);
                break;
            }
        }
    }
}

/// One replica's local edit, chosen at random from what it can see.
fn random_edit(world: &mut World, r: usize, rng: &mut DemoRng) {
    let store = &mut world.stores[r];
    if r == CENTRE {
        // The centre changes its settings, decides on an evaluation or a
        // plan, comments, or transfers a family to the other laptop.
        let families = store.list_families().unwrap();
        if !families.is_empty() && rng.below(3) == 0 {
            let f = rng.pick(&families).id;
            centre_steers(store, f, rng);
            return;
        }
        if families.is_empty() || rng.below(2) == 0 {
            let days = [7, 10, 14][rng.below(3) as usize];
            let cap = [12, 15][rng.below(2) as usize];
            store.run(ops::SetSettings { caseload_cap: cap, no_visit_days: days }, today()).unwrap();
        } else {
            let f = rng.pick(&families).id;
            let case = store.family_case(f).unwrap();
            evaluation_edit(store, r, f, &case, rng);
        }
        return;
    }
    let mut families = store.list_families().unwrap();
    // Its own families and those transferred to it, not those it handed over.
    let (me, device) = (store.author.user_id, store.device_id());
    families.retain(|f| {
        let rows = store.assignments_of(f.id).unwrap_or_default();
        let mine = rows.last().map_or(world.created[r].contains(&f.id), |row| row.assistant.names(me, device));
        let leaving = rows.last().is_some_and(|row| row.transfer_from.as_ref().is_some_and(|t| t.names(me, device)));
        mine || (leaving && !crate::steering::is_handed_over_here(&store.conn, f.id, me, device).unwrap())
    });
    let roll = rng.below(100);
    if families.is_empty() || (roll < 10 && world.created[r].len() < 3) {
        let form = family_form(pick(rng, &NAMES), pick(rng, &["Jan", "Ewa", "Ola"]));
        let id = store.run(ops::AddFamily { form }, today()).unwrap();
        world.created[r].push(id);
        return;
    }
    // Half the edits go to the family both laptops work on, so that the
    // replicas often change one field before they hear of each other.
    let shared = world.created[LAPTOPS[0]][0];
    let f = if rng.below(2) == 0 && families.iter().any(|f| f.id == shared) { shared } else { rng.pick(&families).id };
    let case = store.family_case(f).unwrap();
    match roll {
        0..=24 if !case.members.is_empty() => {
            // Few values, so that concurrent changes often differ.
            let m = rng.pick(&case.members).clone();
            let mut details = m.details.clone();
            match rng.below(3) {
                0 => details.last_name = pick(rng, &NAMES).into(),
                1 => details.first_name = pick(rng, &["Jan", "Janek", "Jaś"]).into(),
                _ => details.birth_date = Some(d(pick(rng, &["2010-01-02", "2012-03-04"]))),
            }
            store.run(ops::UpdateMember { member_id: m.id, form: member_form(&details) }, today()).unwrap();
        }
        25..=31 => {
            let details = MemberDetails::named(pick(rng, &["Zofia", "Adam"]), pick(rng, &NAMES));
            store.run(ops::AddMember { family_id: f, form: member_form(&details) }, today()).unwrap();
        }
        32..=37 => {
            let new = visit(pick(rng, &["2026-11-02", "2026-11-09"]), pick(rng, &["A", "B"]));
            store.run(ops::RecordVisit { family_id: f, form: VisitForm::from_visit(&new) }, today()).unwrap();
        }
        38..=40 => {
            // A visit planned ahead (a diary entry projected elsewhere
            // until it happens).
            let form = asysta_core::visit::PlannedVisitForm {
                date: (today() + chrono::Duration::days(7)).to_string(),
                time: pick(rng, &["09:00", "10:00"]).into(),
                purpose: pick(rng, &["A", "B"]).into(),
                ..Default::default()
            };
            store.run(ops::PlanVisit { family_id: f, form }, today()).unwrap();
        }
        41..=43 => {
            // A planned visit happens, or is cancelled.
            let planned: Vec<_> = store.scheduled_visits(today(), Some(f)).unwrap();
            if !planned.is_empty() {
                let v = rng.pick(&planned).clone();
                if rng.below(2) == 0 {
                    let form = VisitForm::from_visit(&visit("2026-11-09", pick(rng, &["A", "B"])));
                    store.run(ops::UpdateVisit { family_id: f, visit_id: v.id, form }, today()).unwrap();
                } else {
                    store.run(ops::CancelPlannedVisit { visit_id: v.id }, today()).unwrap();
                }
            }
        }
        44..=51 if !case.visits.is_empty() => {
            let v = rng.pick(&case.visits).clone();
            let mut changed = v.visit.clone();
            changed.notes = pick(rng, &["poprawione", "uzupełnione", "A"]).into();
            let form = VisitForm::from_visit(&changed);
            store.run(ops::UpdateVisit { family_id: f, visit_id: v.id, form }, today()).unwrap();
        }
        52..=58 => {
            let address = format!("ul. {} {}", pick(rng, &["Długa", "Krótka"]), rng.below(3));
            store
                .commit_changes(vec![crate::log::PendingChange {
                    entity_id: f,
                    base_rev: 0,
                    change: Change::FamilyUpdated { name: None, address: Some(address) },
                }])
                .unwrap();
        }
        59..=62 => {
            // A scan attached (two contents, so that devices attach the
            // same file), or one taken off.
            // The draws are the notes' (two), so that the rest of the
            // history stays as it was before attachments.
            let remove = rng.below(2) == 0;
            let content = pick(rng, &["A", "B", "A"]);
            let attached = store.attachments(f).unwrap();
            if attached.is_empty() || !remove {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("skan.pdf");
                std::fs::write(&path, crate::attachments::tests::pdf(content)).unwrap();
                let path = path.to_string_lossy().into_owned();
                let target = asysta_core::attachment::AttachedTo::Family;
                store.run(ops::AddAttachment { family_id: f, target, path, restricted: false }, today()).unwrap();
            } else {
                let attachment_id = attached[content.len() % attached.len()].id;
                store.run(ops::RemoveAttachment { attachment_id }, today()).unwrap();
            }
        }
        63..=85 => {
            let restricted = rng.below(2) == 0;
            let text = pick(rng, &["Notatka", "Uwaga", "Tylko dla mnie"]).into();
            let id = store.run(ops::AddNote { family_id: f, text, restricted }, today()).unwrap();
            if restricted {
                world.own_restricted[r].insert(id);
            }
        }
        86..=89 => evaluation_edit(store, r, f, &case, rng),
        90..=92 => laptop_steers(store, f, rng),
        _ => {
            // A person resolves one of the conflicts this replica shows.
            let conflicts = store.conflicts().unwrap();
            if let Some(c) = conflicts.first() {
                let keep = rng.pick(&c.versions).event_id;
                store.resolve_conflict(&c.id, Resolution::Keep(keep)).unwrap();
            }
        }
    }
}

/// The centre's steering: a transfer to the other laptop (refused while
/// one is pending), a comment, a decision on a submitted plan version.
fn centre_steers(store: &mut Store, f: EntityId, rng: &mut DemoRng) {
    match rng.below(3) {
        0 => {
            let current = store.assignments_of(f).unwrap().last().map(|r| r.assistant.assistant_id);
            let other = store.assistants(None).unwrap().into_iter().find(|a| Some(a.id) != current);
            if let Some(other) = other {
                let on = pick(rng, &["2025-11-24", "2025-11-25"]).to_owned();
                match store.run(ops::TransferFamily { family_id: f, assistant_id: other.id, on }, today()) {
                    Ok(()) | Err(crate::StoreError::TransferPending { .. }) => {}
                    Err(crate::StoreError::Invalid(fields)) if fields[0].field == "on" => {}
                    Err(e) => panic!("transfer: {e}"),
                }
            }
        }
        1 => {
            let text = pick(rng, &["Proszę o kontakt", "Uwaga"]).into();
            store.run(ops::AddComment { target_id: f.to_string(), text, reply_to: None }, today()).unwrap();
        }
        _ => {
            let waiting = store
                .plan_approvals(f)
                .unwrap()
                .into_iter()
                .find(|a| a.state() == asysta_core::centre::ApprovalState::Submitted);
            if let Some(a) = waiting {
                let decision = pick(rng, &["approve", "returned"]).into();
                let form = asysta_core::centre::approval::DecisionForm { decision, note: "Uzupełnić".into() };
                match store.run(ops::DecidePlan { family_id: f, version: a.version, form }, today()) {
                    // A newer version arrived before the decision.
                    Ok(()) | Err(crate::StoreError::PlanNotSubmitted(_)) => {}
                    Err(e) => panic!("decide plan: {e}"),
                }
            }
        }
    }
}

/// An assistant's side of the steering: a new plan version, its
/// submission, a comment.
fn laptop_steers(store: &mut Store, f: EntityId, rng: &mut DemoRng) {
    match rng.below(3) {
        0 => {
            store.save_plan_version(f, crate::sync::tests::plan(pick(rng, &["Cel A", "Cel B"]))).unwrap();
        }
        1 => {
            let latest = store.family_case(f).unwrap().plan_versions.last().map(|v| v.number);
            if let Some(version) = latest {
                match store.run(ops::SubmitPlan { family_id: f, version }, today()) {
                    Ok(()) | Err(crate::StoreError::Invalid(_)) => {}
                    Err(e) => panic!("submit plan: {e}"),
                }
            }
        }
        _ => {
            let text = pick(rng, &["Odpowiedź", "Pytanie"]).into();
            store.run(ops::AddComment { target_id: f.to_string(), text, reply_to: None }, today()).unwrap();
        }
    }
}

/// An assistant writes, changes or submits an evaluation (the drafts of a
/// shared family are often edited on both laptops at once), or the centre
/// decides on a submitted one.
fn evaluation_edit(store: &mut Store, r: usize, f: EntityId, case: &asysta_core::api::FamilyCase, rng: &mut DemoRng) {
    use asysta_core::evaluation::{Decision, EvaluationStatus};
    let today = d("2026-11-30");
    if r == CENTRE {
        if let Some(e) = case.evaluations.iter().find(|e| e.status == EvaluationStatus::Submitted) {
            let decision = if rng.below(2) == 0 { Decision::Accepted } else { Decision::Returned };
            let accept = decision == Decision::Accepted;
            let note = "Uwaga kierownika".into();
            store.run(ops::DecideEvaluation { evaluation_id: e.id, accept, note }, today).unwrap();
        }
        return;
    }
    let mut form = crate::cases::tests::whole_evaluation("2026-06-01", "2026-11-30", false);
    form.family_view = pick(rng, &["Lepiej", "Gorzej", "Bez zmian"]).into();
    let draft = case.evaluations.iter().find(|e| e.status == EvaluationStatus::Draft).map(|e| e.id);
    match (draft, rng.below(3)) {
        (Some(id), 0) => {
            store.run(ops::SubmitEvaluation { family_id: f, evaluation_id: Some(id), form }, today).unwrap();
        }
        (Some(id), _) => {
            store.run(ops::SaveEvaluation { family_id: f, evaluation_id: Some(id), form }, today).unwrap();
        }
        (None, _) => {
            store.run(ops::SaveEvaluation { family_id: f, evaluation_id: None, form }, today).unwrap();
        }
    }
}

fn check_history(seed: u64, seen: &mut Seen) {
    let mut rng = DemoRng::new(seed);
    let mut world = World::new(seed, &mut rng);
    let steps = 20 + rng.below(25);
    for _ in 0..steps {
        match rng.below(20) {
            0..=8 => {
                let r = rng.below(3) as usize;
                random_edit(&mut world, r, &mut rng);
                assert_sound(&world, r, "after an edit");
            }
            9..=12 => {
                let (from, to) = random_pair(&mut rng);
                // Including restricted notes is a person's choice, made
                // with everything (which replaces placeholders sent before).
                let has_restricted = from != CENTRE && !world.own_restricted[from].is_empty();
                let include_restricted = has_restricted && rng.below(2) == 0;
                let full = include_restricted || rng.below(6) == 0;
                world.export(from, to, full, include_restricted, seen);
            }
            13..=17 if !world.in_flight.is_empty() => {
                let i = rng.below(world.in_flight.len() as u64) as usize;
                match rng.below(10) {
                    0 | 1 => {
                        world.in_flight.remove(i);
                        seen.lost += 1;
                    }
                    2 | 3 => {
                        let to = world.in_flight[i].to;
                        world.deliver(i, true, seen);
                        assert_sound(&world, to, "after a delivery");
                    }
                    _ => {
                        let to = world.in_flight[i].to;
                        world.deliver(i, false, seen);
                        assert_sound(&world, to, "after a delivery");
                    }
                }
            }
            18 => {
                let (from, to) = random_pair(&mut rng);
                world.overestimate_marks(from, to, &mut rng, seen);
            }
            _ => {
                // A day passes on a laptop (its edits after a transfer's
                // effective date are late edits).
                world.days_passed += 1;
                let r = LAPTOPS[world.days_passed % 2];
                let now = world.stores[r].env.now_ms();
                let fresh = (seed * 1_000 + world.days_passed as u64) * 16 + 1;
                world.stores[r].env = crate::tests::TestEnvironment::at(fresh, now + 86_400_000);
            }
        }
    }
    world.deliver_everything(&mut rng, seen);
    let transfers = world.stores[CENTRE].transfers().unwrap();
    seen.transfers += transfers.len();
    seen.handed_over += transfers.iter().filter(|t| t.row.handed_over_on.is_some()).count();
    seen.late_edits += transfers.iter().map(|t| t.late_edits.len()).sum::<usize>();
    check_converged(&mut world);
}

/// The day the histories' operations run on.
fn today() -> chrono::NaiveDate {
    d("2026-11-30")
}

/// Replica `r` equals its own rebuild and keeps the log's invariants
/// (`asysta check`), after every step of a history.
#[track_caller]
fn assert_sound(world: &World, r: usize, when: &str) {
    let report = world.stores[r].check().unwrap();
    assert!(report.ok, "seed {}: replica {r} {when}: {report:#?}", world.seed);
}

/// The new-family form as the window sends it.
fn family_form(name: &str, first: &str) -> asysta_core::family::NewFamilyForm {
    asysta_core::family::NewFamilyForm {
        name: name.into(),
        address: "ul. Długa 1, Łódź".into(),
        first_member_first_name: first.into(),
        first_member_last_name: String::new(),
    }
}

/// A person's form filled in from their details (what the window's edit
/// form starts with).
fn member_form(details: &MemberDetails) -> asysta_core::member::MemberForm {
    let wire = serde_json::to_value(details).unwrap();
    let text = |key: &str| wire.get(key).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
    asysta_core::member::MemberForm {
        first_name: details.first_name.clone(),
        last_name: details.last_name.clone(),
        birth_date: text("birth_date"),
        sex: text("sex"),
        relation: text("relation"),
        pesel: text("pesel"),
    }
}

/// A laptop and the centre, one way or the other.
fn random_pair(rng: &mut DemoRng) -> (usize, usize) {
    let laptop = LAPTOPS[rng.below(2) as usize];
    if rng.below(2) == 0 {
        (laptop, CENTRE)
    } else {
        (CENTRE, laptop)
    }
}

/// The projection tables as [`family_rows`] and [`shared_rows`] split
/// them; a table added later must be placed in one of them.
const FAMILY_TABLES: &[(&str, &str)] = &[
    ("families", "id = ?1"),
    ("caseloads", "family_id = ?1"),
    ("members", "family_id = ?1"),
    ("visits", "family_id = ?1"),
    ("planned_visits", "family_id = ?1"),
    ("notes", "family_id = ?1 AND restricted = 0"),
    ("plans", "family_id = ?1"),
    ("plan_versions", "plan_id IN (SELECT id FROM plans WHERE family_id = ?1)"),
    ("progress_notes", "plan_id IN (SELECT id FROM plans WHERE family_id = ?1)"),
    ("conflicts", "family_id = ?1"),
    ("evaluations", "family_id = ?1"),
    ("opinions", "family_id = ?1"),
    ("assignments", "family_id = ?1"),
    ("referrals", "family_id = ?1"),
    ("plan_approvals", "family_id = ?1"),
    ("comments", "family_id = ?1"),
    ("attachments", "family_id = ?1"),
    ("duplicate_decisions", "family_b = ?1"),
];
const SHARED_TABLES: &[&str] = &["settings", "workspace"];
/// The centre's own: its register of assistants never goes to a laptop.
const CENTRE_ONLY_TABLES: &[&str] = &["assistants"];

fn rows(store: &Store, table: &str, filter: &str, family: Option<EntityId>) -> Vec<Vec<String>> {
    let mut stmt = store.conn.prepare(&format!("SELECT * FROM {table} WHERE {filter} ORDER BY 1, 2")).unwrap();
    let columns = stmt.column_count();
    let params: Vec<String> = family.map(|f| f.to_string()).into_iter().collect();
    let rows = stmt
        .query_map(rusqlite::params_from_iter(params), |row| {
            (0..columns)
                .map(|i| row.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}")))
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .unwrap();
    rows.map(|r| {
        let mut r = r.unwrap();
        r.insert(0, table.to_owned());
        r
    })
    .collect()
}

/// Every projection row of one family, restricted notes left out.
fn family_rows(store: &Store, f: EntityId) -> Vec<Vec<String>> {
    FAMILY_TABLES.iter().flat_map(|(table, filter)| rows(store, table, filter, Some(f))).collect()
}

/// The family's restricted notes, by id.
fn restricted_rows(store: &Store, f: EntityId) -> BTreeMap<String, Vec<String>> {
    rows(store, "notes", "family_id = ?1 AND restricted = 1", Some(f)).into_iter().map(|r| (r[1].clone(), r)).collect()
}

fn shared_rows(store: &Store) -> Vec<Vec<String>> {
    SHARED_TABLES.iter().flat_map(|table| rows(store, table, "1", None)).collect()
}

fn ids(store: &Store, sql: &str, param: Option<String>) -> BTreeSet<EntityId> {
    let mut stmt = store.conn.prepare(sql).unwrap();
    let rows = stmt.query_map(rusqlite::params_from_iter(param), |r| r.get::<_, String>(0)).unwrap();
    rows.map(|r| r.unwrap().parse().unwrap()).collect()
}

/// The families a laptop is to read in full, as the centre knows them: its
/// assistant's caseload and those its device wrote to.
fn visible_to(centre: &Store, laptop: &Store) -> BTreeSet<EntityId> {
    let mut out =
        ids(centre, "SELECT family_id FROM caseloads WHERE assistant_id = ?1", Some(laptop.author.user_id.to_string()));
    // And those the centre ever assigned to it (now or before a transfer).
    let (user, device) = (laptop.author.user_id, laptop.device_id());
    for family in ids(centre, "SELECT DISTINCT family_id FROM assignments", None) {
        let rows = centre.assignments_of(family).unwrap();
        if rows.iter().any(|r| {
            r.event_id.is_some()
                && (r.assistant.names(user, device) || r.transfer_from.as_ref().is_some_and(|t| t.names(user, device)))
        }) {
            out.insert(family);
        }
    }
    out.extend(ids(
        centre,
        "SELECT DISTINCT family_id FROM events WHERE device_id = ?1 AND family_id IS NOT NULL",
        Some(laptop.device_id().to_string()),
    ));
    out
}

/// The restricted notes a replica's log holds in full.
fn restricted_in_log(events: &[Event]) -> BTreeSet<EntityId> {
    events
        .iter()
        .filter(|e| matches!(e.change, Change::NoteAdded { restricted: true, .. }))
        .map(|e| e.entity_id)
        .collect()
}

fn check_converged(world: &mut World) {
    let seed = world.seed;
    let covered: BTreeSet<&str> = FAMILY_TABLES
        .iter()
        .map(|(t, _)| *t)
        .chain(SHARED_TABLES.iter().copied())
        .chain(CENTRE_ONLY_TABLES.iter().copied())
        .collect();
    let tables: BTreeSet<&str> = crate::projection::PROJECTION_TABLES.iter().copied().collect();
    assert_eq!(covered, tables, "every projection table is compared");

    // No event lost: every replica holds every device's log to the same
    // number, with nothing held back and no gap.
    let marks = world.stores[CENTRE].high_water_marks().unwrap();
    for (r, store) in world.stores.iter().enumerate() {
        assert_eq!(store.high_water_marks().unwrap(), marks, "seed {seed}: replica {r}'s marks");
        assert!(store.missing_events().unwrap().is_empty(), "seed {seed}: replica {r} misses events");
        let held: i64 = store.conn.query_row("SELECT count(*) FROM held_events", [], |r| r.get(0)).unwrap();
        assert_eq!(held, 0, "seed {seed}: replica {r} holds events back");
        for (device, n) in &marks {
            let count: i64 = store
                .conn
                .query_row("SELECT count(*) FROM events WHERE device_id = ?1", [device.to_string()], |r| r.get(0))
                .unwrap();
            assert_eq!(count as u64, *n, "seed {seed}: replica {r}'s log of {device}");
        }
    }

    // Every family is at the centre; each laptop has exactly those it
    // works on.
    let all_families = "SELECT id FROM families";
    let at_centre = ids(&world.stores[CENTRE], all_families, None);
    let created: BTreeSet<EntityId> = world.created.iter().flatten().copied().collect();
    assert_eq!(at_centre, created, "seed {seed}: the centre's families");
    for l in LAPTOPS {
        let expected = visible_to(&world.stores[CENTRE], &world.stores[l]);
        assert_eq!(ids(&world.stores[l], all_families, None), expected, "seed {seed}: laptop {l}'s families");
    }

    // The same state for what each may read.
    let centre = &world.stores[CENTRE];
    for l in LAPTOPS {
        let laptop = &world.stores[l];
        assert_eq!(shared_rows(laptop), shared_rows(centre), "seed {seed}: laptop {l}'s settings");
        for f in ids(laptop, all_families, None) {
            assert_eq!(family_rows(laptop, f), family_rows(centre, f), "seed {seed}: laptop {l}, family {f}");
            let (mine, theirs) = (restricted_rows(laptop, f), restricted_rows(centre, f));
            for (id, row) in &mine {
                if let Some(other) = theirs.get(id) {
                    assert_eq!(row, other, "seed {seed}: laptop {l}, restricted note {id}");
                }
            }
        }
    }

    // Restricted notes: a replica reads those it wrote and those that came
    // in full in a bundle it imported, and no other; every other
    // placeholder stands for an event of a family it does not work on.
    for r in 0..3 {
        let store = &world.stores[r];
        let events = store.all_events().unwrap();
        let expected: BTreeSet<EntityId> =
            world.own_restricted[r].union(&world.received_restricted[r]).copied().collect();
        assert_eq!(restricted_in_log(&events), expected, "seed {seed}: replica {r}'s restricted notes");
        let visible = if r == CENTRE { None } else { Some(visible_to(centre, store)) };
        for e in &events {
            if let Change::Withheld { record, family_id, .. } = &e.change {
                let unreadable_family = match (&visible, family_id) {
                    (Some(v), Some(f)) => !v.contains(f),
                    _ => false,
                };
                assert!(
                    *record == EntityType::Note || unreadable_family,
                    "seed {seed}: replica {r} holds a placeholder it may read: {e:?}"
                );
            }
        }
    }

    // Every replica equals its own rebuild.
    for (r, store) in world.stores.iter_mut().enumerate() {
        let before = projection_state(store);
        store.rebuild_projections().unwrap();
        assert_eq!(projection_state(store), before, "seed {seed}: replica {r} differs from its rebuild");
        // And `asysta check`: the log's invariants (the role policy among
        // them) and a rebuild in a scratch database.
        let report = store.check().unwrap();
        assert!(report.ok, "seed {seed}: replica {r}: {report:#?}");
    }
}
