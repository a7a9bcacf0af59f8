//! Merging one record's history: the state of a record as a pure function
//! of the *set* of its events, whatever order they arrived in.
//!
//! The events of a record form a graph: each event descends from the events
//! it names in `based_on` (the record's heads when the change was made) and
//! from the earlier events of its own device (a device has always applied
//! its own earlier events; this is also what makes version 1 events, which
//! name no heads, read as the single-device chains they were). The fold
//! walks the graph in a topological order and keeps, per field, the writes
//! that no later write has superseded:
//!
//! - an event writes a field only where its value differs from the value
//!   the field had in the event's own past (its *base*), so a change that
//!   replaces a record whole (`member.updated`) still only touches the
//!   fields the person changed;
//! - a write supersedes every write of the same field in its past;
//! - writes that are concurrent (neither in the other's past) all stay; if
//!   their values differ the field is in conflict (a "hard" conflict), and
//!   the record shows the write with the highest (HLC, device, sequence),
//!   a rule every replica agrees on. Concurrent writes of different fields,
//!   or of the same value, merge silently (a "soft" conflict);
//! - a `conflict.resolved` event always writes its field: based on the
//!   conflicting writes, it supersedes them all.
//!
//! Only the graph matters, never the arrival order, so every replica that
//! holds the same events computes the same state (the store's property
//! test checks this on real databases).

use crate::event::{Author, Change, EntityType, Event};
use crate::hlc::Hlc;
use crate::ids::{DeviceId, EntityId, EventId};
use crate::plan::PlanVersion;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BinaryHeap, HashMap};

/// The id of the centre's settings record (the caseload cap, the days
/// without a visit, the plan areas): one record for every device, whatever
/// workspace id an old settings event names.
pub const SETTINGS_ID: EntityId = EntityId(uuid::Uuid::nil());

/// The fields of a person, written whole by `member.added`/`member.updated`
/// (an absent optional field is written as `null`).
pub const MEMBER_FIELDS: [&str; 6] = ["first_name", "last_name", "birth_date", "sex", "relation", "pesel"];

/// The prefix of an evaluation's content fields (`evaluation.family_view`...),
/// apart from its course (`submitted`, `decision`).
pub const EVALUATION_PREFIX: &str = "evaluation.";

/// One write of one field, with who made it, when and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldWrite {
    pub event_id: EventId,
    pub device_id: DeviceId,
    pub seq: u64,
    pub hlc: Hlc,
    pub author: Author,
    pub value: Value,
}

/// A field's current writes: one, or several concurrent ones; the one the
/// record shows comes first.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldState {
    pub writes: Vec<FieldWrite>,
}

impl FieldState {
    /// The value the record shows.
    pub fn value(&self) -> &Value {
        &self.writes[0].value
    }

    /// Concurrent writes with different values: a person must choose.
    pub fn in_conflict(&self) -> bool {
        self.writes.iter().any(|w| w.value != self.writes[0].value)
    }
}

/// Who created a record, and when.
#[derive(Clone, Debug, PartialEq)]
pub struct Creation {
    pub event_id: EventId,
    pub device_id: DeviceId,
    pub seq: u64,
    pub hlc: Hlc,
    pub author: Author,
    pub change: Change,
}

/// A record's state, folded from its events.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordState {
    /// The creation event (`None` while only later changes have arrived:
    /// such a record is not shown until its creation arrives).
    pub creation: Option<Creation>,
    pub fields: BTreeMap<String, FieldState>,
    /// The events no other event of the record descends from; a change
    /// made now is based on these.
    pub heads: Vec<EventId>,
    /// How many events the record has.
    pub event_count: u64,
    /// The latest HLC among its events.
    pub last_hlc: Hlc,
    /// The family the record belongs to (from its events).
    pub family_id: Option<EntityId>,
}

impl RecordState {
    /// The value a field shows (`null` when never written).
    pub fn value(&self, field: &str) -> &Value {
        self.fields.get(field).map(FieldState::value).unwrap_or(&Value::Null)
    }

    /// The fields in conflict, by name.
    pub fn conflicts(&self) -> impl Iterator<Item = (&String, &FieldState)> {
        self.fields.iter().filter(|(_, f)| f.in_conflict())
    }

    /// The fields whose name starts with `prefix` (e.g. `details.`), as a
    /// JSON object keyed by the rest of the name; `null` values left out.
    pub fn object_with_prefix(&self, prefix: &str) -> serde_json::Map<String, Value> {
        self.fields
            .iter()
            .filter_map(|(k, f)| k.strip_prefix(prefix).map(|rest| (rest.to_owned(), f.value().clone())))
            .filter(|(_, v)| !v.is_null())
            .collect()
    }
}

/// The fields a change writes, with the values it states. `None` for the
/// changes that are not field edits (plan versions and progress notes).
pub fn field_values(change: &Change) -> Option<Vec<(String, Value)>> {
    fn to<T: Serialize + ?Sized>(value: &T) -> Value {
        json(value)
    }
    Some(match change {
        Change::WorkspaceCreated { assistant_name, centre_name } => vec![
            ("assistant_name".into(), Value::from(assistant_name.as_str())),
            ("centre_name".into(), Value::from(centre_name.as_str())),
        ],
        Change::WorkspaceSettingsSet {
            caseload_cap,
            no_visit_days,
            evaluation_months,
            monitoring_months,
            lock_minutes,
            attachment_limit_mb,
        } => {
            let mut out = vec![
                ("caseload_cap".into(), Value::from(*caseload_cap)),
                ("no_visit_days".into(), Value::from(*no_visit_days)),
            ];
            // Absent in older events: those leave the field as it was.
            for (name, value) in [
                ("evaluation_months", evaluation_months),
                ("monitoring_months", monitoring_months),
                ("lock_minutes", lock_minutes),
                ("attachment_limit_mb", attachment_limit_mb),
            ] {
                if let Some(value) = value {
                    out.push((name.into(), Value::from(*value)));
                }
            }
            out
        }
        Change::WorkspacePlanAreasSet { areas } => vec![("plan_areas".into(), to(areas))],
        Change::WorkspaceRatingScaleSet { levels } => vec![("rating_scale".into(), to(levels))],
        Change::WorkspaceClosingReasonsSet { reasons } => vec![("closing_reasons".into(), to(reasons))],
        Change::FamilyCreated { name, address } => {
            vec![("name".into(), Value::from(name.as_str())), ("address".into(), Value::from(address.as_str()))]
        }
        Change::FamilyUpdated { name, address } => {
            let mut out = Vec::new();
            if let Some(name) = name {
                out.push(("name".into(), Value::from(name.as_str())));
            }
            if let Some(address) = address {
                out.push(("address".into(), Value::from(address.as_str())));
            }
            out
        }
        Change::FamilyDetailsSet { details } => object_fields("details.", to(details.as_ref())),
        Change::FamilyStatusChanged { status, reason, on, reason_key, summary } => {
            let mut value = serde_json::json!({ "status": status, "reason": reason, "on": on });
            // Only where present, so an older event's value stays as it was.
            if let Some(key) = reason_key {
                value["reason_key"] = Value::from(key.as_str());
            }
            if !summary.is_empty() {
                value["summary"] = Value::from(summary.as_str());
            }
            // The closing stays readable through monitoring and archiving,
            // when `status` has moved on.
            let closing = (*status == crate::record::FamilyStatus::Closed).then(|| value.clone());
            let mut out = vec![("status".into(), value)];
            out.extend(closing.map(|c| ("closing".to_owned(), c)));
            out
        }
        Change::MemberAdded { details, .. } | Change::MemberUpdated { details } => {
            let object = to(details);
            MEMBER_FIELDS.iter().map(|f| ((*f).to_owned(), object.get(f).cloned().unwrap_or(Value::Null))).collect()
        }
        Change::NoteAdded { text, restricted, .. } => {
            vec![("text".into(), Value::from(text.as_str())), ("restricted".into(), Value::from(*restricted))]
        }
        Change::VisitRecorded { visit, .. } | Change::VisitUpdated { visit } => object_fields("", to(visit.as_ref())),
        Change::FamilyDeleted {}
        | Change::MemberDeleted {}
        | Change::VisitDeleted {}
        | Change::AttachmentRemoved {} => {
            vec![("deleted".into(), Value::Bool(true))]
        }
        Change::AttachmentAdded { attachment, .. } => object_fields("", to(attachment)),
        Change::EvaluationCreated { evaluation, .. } | Change::EvaluationUpdated { evaluation } => {
            object_fields(EVALUATION_PREFIX, to(evaluation.as_ref()))
        }
        Change::EvaluationSubmitted { on } => vec![("submitted".into(), serde_json::json!({ "on": on }))],
        Change::EvaluationDecided { decision, note, on } => {
            vec![("decision".into(), serde_json::json!({ "decision": decision, "note": note, "on": on }))]
        }
        Change::OpinionRequested { request, .. } => vec![("request".into(), to(request))],
        Change::OpinionDrafted { text } => vec![("text".into(), Value::from(text.as_str()))],
        Change::OpinionFinalized { text, on } => {
            vec![("text".into(), Value::from(text.as_str())), ("finalized".into(), serde_json::json!({ "on": on }))]
        }
        Change::ConflictResolved { field, value, .. } => vec![(field.clone(), value.clone())],
        Change::Withheld { .. } => Vec::new(),
        Change::AssistantRegistered { assistant } | Change::AssistantUpdated { assistant } => {
            object_fields("", to(assistant))
        }
        Change::FamilyReferred { name, address, referral } => vec![
            ("name".into(), Value::from(name.as_str())),
            ("address".into(), Value::from(address.as_str())),
            ("referral".into(), to(referral)),
        ],
        Change::FamilyAssigned { assignment } => vec![("assignment".into(), to(assignment))],
        Change::FamilyHandedOver { assignment, on } => {
            vec![("handed_over".into(), serde_json::json!({ "assignment": assignment, "on": on }))]
        }
        Change::CommentAdded { text, .. } => vec![("text".into(), Value::from(text.as_str()))],
        Change::DuplicatesDecided { decision, .. } => vec![("decision".into(), to(decision))],
        Change::PlanVersionSaved { .. }
        | Change::PlanProgressNoted { .. }
        | Change::PlanSubmitted { .. }
        | Change::PlanDecided { .. } => return None,
    })
}

fn object_fields(prefix: &str, value: Value) -> Vec<(String, Value)> {
    match value {
        Value::Object(map) => map.into_iter().map(|(k, v)| (format!("{prefix}{k}"), v)).collect(),
        _ => Vec::new(),
    }
}

fn json<T: Serialize + ?Sized>(value: &T) -> Value {
    // Serializing these domain types to a Value cannot fail (no maps with
    // non-string keys, no custom serializers that error).
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Whether a change creates its record.
pub fn is_creation(change: &Change) -> bool {
    matches!(
        change,
        Change::WorkspaceCreated { .. }
            | Change::FamilyCreated { .. }
            | Change::MemberAdded { .. }
            | Change::NoteAdded { .. }
            | Change::VisitRecorded { .. }
            | Change::EvaluationCreated { .. }
            | Change::OpinionRequested { .. }
            | Change::AssistantRegistered { .. }
            | Change::FamilyReferred { .. }
            | Change::CommentAdded { .. }
            | Change::DuplicatesDecided { .. }
            | Change::AttachmentAdded { .. }
    )
}

/// The total order every replica uses to break ties: HLC, then device,
/// then sequence number.
pub fn order_key(event: &Event) -> (Hlc, DeviceId, u64) {
    (event.hlc, event.device_id, event.seq)
}

/// A fixed-size set of event indexes.
#[derive(Clone, Debug, Default)]
struct IndexSet(Vec<u64>);

impl IndexSet {
    fn with_len(n: usize) -> IndexSet {
        IndexSet(vec![0; n.div_ceil(64)])
    }
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn contains(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    fn union(&mut self, other: &IndexSet) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= *b;
        }
    }
}

/// The causal graph of a set of events: a topological order and each
/// event's past.
struct Graph {
    order: Vec<usize>,
    ancestors: Vec<IndexSet>,
    is_parent: Vec<bool>,
}

impl Graph {
    /// `rank` orders events that are ready at the same time (lower first);
    /// it only affects which topological order is taken.
    fn new<K: Ord>(events: &[&Event], rank: impl Fn(usize) -> K) -> Graph {
        let n = events.len();
        let by_id: HashMap<EventId, usize> = events.iter().enumerate().map(|(i, e)| (e.event_id, i)).collect();
        // The previous event of the same device, per event.
        let mut by_device: HashMap<DeviceId, Vec<usize>> = HashMap::new();
        for (i, e) in events.iter().enumerate() {
            by_device.entry(e.device_id).or_default().push(i);
        }
        let mut parents: Vec<Vec<usize>> = vec![Vec::new(); n];
        for list in by_device.values_mut() {
            list.sort_by_key(|&i| events[i].seq);
            for pair in list.windows(2) {
                parents[pair[1]].push(pair[0]);
            }
        }
        for (i, e) in events.iter().enumerate() {
            for base in &e.based_on {
                if let Some(&p) = by_id.get(base) {
                    if p != i && !parents[i].contains(&p) {
                        parents[i].push(p);
                    }
                }
            }
        }
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut waiting: Vec<usize> = vec![0; n];
        let mut is_parent = vec![false; n];
        for (i, ps) in parents.iter().enumerate() {
            waiting[i] = ps.len();
            for &p in ps {
                children[p].push(i);
                is_parent[p] = true;
            }
        }
        let mut ready: BinaryHeap<std::cmp::Reverse<(K, usize)>> =
            (0..n).filter(|&i| waiting[i] == 0).map(|i| std::cmp::Reverse((rank(i), i))).collect();
        let mut order = Vec::with_capacity(n);
        let mut done = vec![false; n];
        loop {
            while let Some(std::cmp::Reverse((_, i))) = ready.pop() {
                order.push(i);
                done[i] = true;
                for &c in &children[i] {
                    waiting[c] -= 1;
                    if waiting[c] == 0 {
                        ready.push(std::cmp::Reverse((rank(c), c)));
                    }
                }
            }
            // Only a forged cycle leaves events behind: break it at the
            // lowest-ranked event, the same on every replica.
            match (0..n).filter(|&i| !done[i]).min_by_key(|&i| rank(i)) {
                Some(i) => {
                    waiting[i] = 0;
                    ready.push(std::cmp::Reverse((rank(i), i)));
                }
                None => break,
            }
        }
        let mut ancestors = vec![IndexSet::with_len(n); n];
        for &i in &order {
            let mut set = IndexSet::with_len(n);
            for &p in &parents[i] {
                if done[p] {
                    set.insert(p);
                    set.union(&ancestors[p]);
                }
            }
            ancestors[i] = set;
        }
        Graph { order, ancestors, is_parent }
    }

    fn heads(&self, events: &[&Event]) -> Vec<EventId> {
        let mut heads: Vec<EventId> =
            (0..events.len()).filter(|&i| !self.is_parent[i]).map(|i| events[i].event_id).collect();
        heads.sort();
        heads
    }

    /// The writes of `writes` that no other write of the list descends from,
    /// the one to show first.
    fn maximal(&self, events: &[&Event], writes: &[(usize, Value)], within: Option<&IndexSet>) -> Vec<usize> {
        let candidates: Vec<usize> =
            (0..writes.len()).filter(|&w| within.is_none_or(|set| set.contains(writes[w].0))).collect();
        let mut max: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&w| !candidates.iter().any(|&o| o != w && self.ancestors[writes[o].0].contains(writes[w].0)))
            .collect();
        max.sort_by_key(|&w| std::cmp::Reverse(order_key(events[writes[w].0])));
        max
    }
}

fn write_of(event: &Event, value: Value) -> FieldWrite {
    FieldWrite {
        event_id: event.event_id,
        device_id: event.device_id,
        seq: event.seq,
        hlc: event.hlc,
        author: event.author.clone(),
        value,
    }
}

/// Folds the events of one field record (a family, a person, a visit, a
/// note, a workspace, the settings) into its state. Events that are not
/// field edits are counted but write nothing.
pub fn fold_record(events: &[&Event]) -> RecordState {
    let graph = Graph::new(events, |i| order_key(events[i]));
    let mut writes: BTreeMap<String, Vec<(usize, Value)>> = BTreeMap::new();
    let mut creation: Option<Creation> = None;
    let mut family_id = None;
    for &i in &graph.order {
        let event = events[i];
        family_id = family_id.or(event.family_id).or_else(|| event.change.family_in_payload());
        if creation.is_none() && is_creation(&event.change) {
            creation = Some(Creation {
                event_id: event.event_id,
                device_id: event.device_id,
                seq: event.seq,
                hlc: event.hlc,
                author: event.author.clone(),
                change: event.change.clone(),
            });
        }
        let forced = matches!(event.change, Change::ConflictResolved { .. });
        for (field, value) in field_values(&event.change).unwrap_or_default() {
            let list = writes.entry(field).or_default();
            let base = graph.maximal(events, list, Some(&graph.ancestors[i]));
            let base_value = base.first().map(|&w| &list[w].1).unwrap_or(&Value::Null);
            if !forced && *base_value == value {
                continue;
            }
            list.push((i, value));
        }
    }
    let edits_concurrent_with_delete = concurrent_edits_of_a_delete(events, &graph, &writes);
    let fields = writes
        .into_iter()
        .filter_map(|(field, list)| {
            let max = graph.maximal(events, &list, None);
            let mut state =
                FieldState { writes: max.iter().map(|&w| write_of(events[list[w].0], list[w].1.clone())).collect() };
            if field == DELETED_FIELD && !edits_concurrent_with_delete.is_empty() {
                // An edit the deleting device never saw stands for keeping
                // the record: a person decides, the delete does not win
                // silently, and until then the record stays shown.
                let keep = edits_concurrent_with_delete.iter().map(|&i| write_of(events[i], Value::Bool(false)));
                state.writes.splice(0..0, keep);
            }
            (!state.writes.is_empty()).then_some((field, state))
        })
        .collect();
    RecordState {
        creation,
        fields,
        heads: graph.heads(events),
        event_count: events.len() as u64,
        last_hlc: events.iter().map(|e| e.hlc).max().unwrap_or(Hlc::ZERO),
        family_id,
    }
}

/// The field a deletion writes (`true`).
pub const DELETED_FIELD: &str = "deleted";

/// The latest edit of each other device that is concurrent with a delete
/// still standing (neither saw the other): the record's deletion is then
/// in conflict with it.
fn concurrent_edits_of_a_delete(
    events: &[&Event],
    graph: &Graph,
    writes: &BTreeMap<String, Vec<(usize, Value)>>,
) -> Vec<usize> {
    let Some(deletes) = writes.get(DELETED_FIELD) else { return Vec::new() };
    let standing: Vec<usize> = graph
        .maximal(events, deletes, None)
        .into_iter()
        .map(|w| deletes[w].0)
        .filter(|&i| {
            matches!(events[i].change, Change::FamilyDeleted {} | Change::MemberDeleted {} | Change::VisitDeleted {})
        })
        .collect();
    let mut latest: BTreeMap<DeviceId, usize> = BTreeMap::new();
    for (field, list) in writes {
        if field == DELETED_FIELD {
            continue;
        }
        for &(i, _) in list {
            let concurrent =
                standing.iter().any(|&d| d != i && !graph.ancestors[d].contains(i) && !graph.ancestors[i].contains(d));
            if concurrent && !matches!(events[i].change, Change::ConflictResolved { .. }) {
                let slot = latest.entry(events[i].device_id).or_insert(i);
                if order_key(events[i]) > order_key(events[*slot]) {
                    *slot = i;
                }
            }
        }
    }
    let mut edits: Vec<usize> = latest.into_values().collect();
    edits.sort_by_key(|&i| std::cmp::Reverse(order_key(events[i])));
    edits
}

/// One version of a plan as the merge numbers it.
#[derive(Clone, Debug, PartialEq)]
pub struct MergedVersion {
    pub event_id: EventId,
    pub entity_id: EntityId,
    pub hlc: Hlc,
    pub author: Author,
    /// Numbered by the merge (1, 2, …), not as its author numbered it.
    pub version: PlanVersion,
}

/// A family's plan, folded from its `plan.version_saved` events (and the
/// resolutions of concurrent versions).
#[derive(Clone, Debug, PartialEq)]
pub struct PlanState {
    /// The plan's record id (the first version's).
    pub plan_id: EntityId,
    /// In the order every replica agrees on; the last is in force.
    pub versions: Vec<MergedVersion>,
    pub heads: Vec<EventId>,
    /// Versions saved concurrently and not yet resolved (the one in force
    /// first); empty when there is no conflict. Values are version numbers.
    pub concurrent: Vec<FieldWrite>,
    /// Each submission of a version to the centre and its decisions, in
    /// the order of the graph.
    pub approvals: Vec<crate::centre::PlanApproval>,
    pub event_count: u64,
}

/// The field name of a conflict between plan versions.
pub const PLAN_VERSION_FIELD: &str = "version";

/// Folds a plan's versions. Versions are numbered in a topological order
/// of their graph; versions saved concurrently are ordered by (HLC, device,
/// sequence), except that a version a person kept (`conflict.resolved`)
/// comes after the versions it was concurrent with, so it is in force.
/// `None` when no version has arrived yet.
pub fn fold_plan(events: &[&Event]) -> Option<PlanState> {
    let kept: Vec<EventId> = events
        .iter()
        .filter_map(|e| match &e.change {
            Change::ConflictResolved { kept, .. } => *kept,
            _ => None,
        })
        .collect();
    let graph = Graph::new(events, |i| (kept.contains(&events[i].event_id), order_key(events[i])));
    let mut versions = Vec::new();
    for &i in &graph.order {
        let event = events[i];
        if let Change::PlanVersionSaved { version, .. } = &event.change {
            let mut version = version.clone();
            version.number = versions.len() as u32 + 1;
            versions.push(MergedVersion {
                event_id: event.event_id,
                entity_id: event.entity_id,
                hlc: event.hlc,
                author: event.author.clone(),
                version,
            });
        }
    }
    let first = versions.first()?;
    let heads = graph.heads(events);
    let mut concurrent: Vec<FieldWrite> = versions
        .iter()
        .filter(|v| heads.contains(&v.event_id))
        .map(|v| {
            let event = events.iter().find(|e| e.event_id == v.event_id).expect("a version of these events");
            write_of(event, Value::from(v.version.number))
        })
        .collect();
    if concurrent.len() < 2 {
        concurrent.clear();
    }
    concurrent.sort_by_key(|w| std::cmp::Reverse(w.value.as_u64()));
    let approvals = plan_approvals(events, &graph, &versions);
    Some(PlanState {
        plan_id: first.entity_id,
        versions,
        heads,
        concurrent,
        approvals,
        event_count: events.len() as u64,
    })
}

/// The submissions of a plan's versions and the centre's decisions on
/// them. A decision is stale when a version descending from the one it
/// was made on was saved concurrently with it (the assistant changed the
/// document without knowing the decision): from the graph alone, so the
/// same on every replica.
fn plan_approvals(events: &[&Event], graph: &Graph, versions: &[MergedVersion]) -> Vec<crate::centre::PlanApproval> {
    use crate::centre::approval::DecisionView;
    use crate::evaluation::Stamp;
    let index: HashMap<EventId, usize> = events.iter().enumerate().map(|(i, e)| (e.event_id, i)).collect();
    let saved: Vec<usize> = versions.iter().filter_map(|v| index.get(&v.event_id).copied()).collect();
    let mut out: Vec<crate::centre::PlanApproval> = Vec::new();
    for &i in &graph.order {
        if let Change::PlanSubmitted { version_event, on, .. } = &events[i].change {
            let Some(number) = versions.iter().find(|v| v.event_id == *version_event).map(|v| v.version.number) else {
                continue;
            };
            if out.iter().any(|a| a.version_event == *version_event) {
                continue;
            }
            out.push(crate::centre::PlanApproval {
                version_event: *version_event,
                version: number,
                submitted: Stamp { on: *on, by: events[i].author.name.clone() },
                decisions: Vec::new(),
            });
        }
    }
    for &d in &graph.order {
        let Change::PlanDecided { version_event, decision, note, on, .. } = &events[d].change else { continue };
        let Some(approval) = out.iter_mut().find(|a| a.version_event == *version_event) else { continue };
        let stale = index.get(version_event).is_some_and(|&v| {
            saved.iter().any(|&s| {
                s != v
                    && graph.ancestors[s].contains(v)
                    && !graph.ancestors[s].contains(d)
                    && !graph.ancestors[d].contains(s)
            })
        });
        approval.decisions.push(DecisionView {
            event_id: events[d].event_id,
            decision: *decision,
            note: note.clone(),
            stamp: Stamp { on: *on, by: events[d].author.name.clone() },
            stale,
        });
    }
    for approval in &mut out {
        // The applied decision first (the latest in the graph's order).
        approval.decisions.reverse();
        approval.decisions.sort_by_key(|d| d.stale);
    }
    out
}

/// A conflict as people see it: one field of one record, the concurrent
/// versions and who wrote them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// `<record id>/<field>`: what `asysta conflicts resolve` takes.
    pub id: String,
    pub record: EntityType,
    pub entity_id: EntityId,
    pub family_id: Option<EntityId>,
    pub field: String,
    /// The version the record shows until the conflict is resolved.
    pub shown_event_id: EventId,
    /// Every concurrent version, the shown one first.
    pub versions: Vec<FieldWrite>,
}

impl Conflict {
    pub fn id_for(entity_id: EntityId, field: &str) -> String {
        format!("{entity_id}/{field}")
    }

    /// The conflicts of a field record.
    pub fn of_record(record: EntityType, entity_id: EntityId, state: &RecordState) -> Vec<Conflict> {
        state
            .conflicts()
            .map(|(field, f)| Conflict {
                id: Conflict::id_for(entity_id, field),
                record,
                entity_id,
                family_id: state.family_id,
                field: field.clone(),
                shown_event_id: f.writes[0].event_id,
                versions: f.writes.clone(),
            })
            .collect()
    }

    /// The conflict of a plan's concurrent versions, if any.
    pub fn of_plan(family_id: EntityId, plan: &PlanState) -> Option<Conflict> {
        let shown = plan.concurrent.first()?;
        Some(Conflict {
            id: Conflict::id_for(plan.plan_id, PLAN_VERSION_FIELD),
            record: EntityType::Plan,
            entity_id: plan.plan_id,
            family_id: Some(family_id),
            field: PLAN_VERSION_FIELD.to_owned(),
            shown_event_id: shown.event_id,
            versions: plan.concurrent.clone(),
        })
    }
}

#[cfg(test)]
mod tests;
