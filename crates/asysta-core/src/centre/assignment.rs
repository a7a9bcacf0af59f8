//! Who works with a family, from when to when. The centre assigns a case
//! from its waiting list and transfers it between assistants; a family a
//! laptop took on itself is that laptop's assistant's from its start. The
//! history answers "who had this family on a date" and the caseload (and
//! so the cap) on any past date.
//!
//! A transfer has two phases: the centre records it with an effective
//! date, and the old laptop's next bundle acknowledges it (a
//! `family.handed_over` event) after its last changes; from then on the
//! family is read-only there. Until then the transfer is pending and a
//! second one is refused. Edits the old laptop made after the effective
//! date are kept and flagged for the supervisor ([`is_late_edit`]).

use crate::ids::{DeviceId, EntityId, EventId, UserId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An assistant as an assignment names them: self-contained, so a laptop
/// that does not hold the centre's register knows whether it is meant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssigneeRef {
    /// The register's id (for an enrolled laptop's user, their user id).
    pub assistant_id: EntityId,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<DeviceId>,
}

impl AssigneeRef {
    /// Whether this names the user of a laptop (or the laptop itself).
    pub fn names(&self, user: UserId, device: DeviceId) -> bool {
        self.user_id == Some(user) || self.devices.contains(&device) || self.assistant_id.0 == user.0
    }

    /// The key a caseload is counted under: the laptop's user when known
    /// (what the laptop itself counts), else the register's id.
    pub fn caseload_key(&self) -> String {
        self.user_id.map_or_else(|| self.assistant_id.to_string(), |u| u.to_string())
    }
}

/// The payload of `family.assigned`: the first assignment from the
/// waiting list, or (with `transfer_from`) a transfer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub assistant: AssigneeRef,
    /// The effective date.
    pub on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_from: Option<AssigneeRef>,
}

/// One period of the history: who, from (inclusive) and until (the next
/// period's start, exclusive; `None`: still).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentRow {
    /// The assignment's event; `None` for a family the laptop took on
    /// itself (its creation).
    pub event_id: Option<EventId>,
    pub assistant: AssigneeRef,
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_from: Option<AssigneeRef>,
    /// When the old laptop acknowledged the transfer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handed_over_on: Option<NaiveDate>,
}

impl AssignmentRow {
    pub fn is_transfer(&self) -> bool {
        self.transfer_from.is_some()
    }

    /// Whether the assistant had the family on `day`.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && self.until.is_none_or(|u| day < u)
    }

    /// A transfer still waiting for the old laptop's acknowledgement (one
    /// from an assistant with no laptop completes at once).
    pub fn is_pending(&self) -> bool {
        match &self.transfer_from {
            Some(from) => self.handed_over_on.is_none() && (from.user_id.is_some() || !from.devices.is_empty()),
            None => false,
        }
    }
}

/// What the history is made from, per family.
pub struct AssignmentFacts<'a> {
    /// The laptop that took the family on itself, and the day it started.
    pub taken_on: Option<(AssigneeRef, NaiveDate)>,
    /// Every `family.assigned`, with its event id and its order key (HLC,
    /// device, sequence: breaks ties between assignments of the same day).
    pub assignments: Vec<(EventId, &'a Assignment, (crate::Hlc, DeviceId, u64))>,
    /// Every acknowledgement: the assignment it answers and its day.
    pub handed_over: Vec<(EventId, NaiveDate)>,
}

/// The family's history, oldest first. Depends only on the set of events:
/// assignments are ordered by their effective date, then their order key.
pub fn history(facts: AssignmentFacts<'_>) -> Vec<AssignmentRow> {
    let mut assignments = facts.assignments;
    assignments.sort_by_key(|a| (a.1.on, a.2));
    let mut rows: Vec<AssignmentRow> = Vec::with_capacity(assignments.len() + 1);
    if let Some((assistant, from)) = facts.taken_on {
        // A laptop's own family assigned by the centre later: the laptop's
        // period runs until then.
        rows.push(AssignmentRow {
            event_id: None,
            assistant,
            from: assignments.first().map_or(from, |a| from.min(a.1.on)),
            until: None,
            transfer_from: None,
            handed_over_on: None,
        });
    }
    for (event_id, assignment, _) in assignments {
        rows.push(AssignmentRow {
            event_id: Some(event_id),
            assistant: assignment.assistant.clone(),
            from: assignment.on,
            until: None,
            transfer_from: assignment.transfer_from.clone(),
            handed_over_on: facts
                .handed_over
                .iter()
                .filter(|(answers, _)| *answers == event_id)
                .map(|(_, on)| *on)
                .min(),
        });
    }
    for i in 1..rows.len() {
        let next = rows[i].from;
        rows[i - 1].until = Some(next);
    }
    rows
}

/// Who had the family on `day`.
pub fn holder_on(rows: &[AssignmentRow], day: NaiveDate) -> Option<&AssignmentRow> {
    rows.iter().rev().find(|r| r.covers(day))
}

/// Who has the family now (the latest period), whatever its start date.
pub fn current(rows: &[AssignmentRow]) -> Option<&AssignmentRow> {
    rows.last()
}

/// An edit by the old assistant's laptop written after the transfer's
/// effective date: imported, kept, and flagged for the supervisor.
pub fn is_late_edit(row: &AssignmentRow, written_on: NaiveDate, user: UserId, device: DeviceId) -> bool {
    row.transfer_from.as_ref().is_some_and(|from| from.names(user, device)) && written_on > row.from
}

/// A family as the caseload counts it on a day.
#[derive(Clone, Debug)]
pub struct CaseloadFacts<'a> {
    pub family_id: EntityId,
    pub rows: &'a [AssignmentRow],
    /// The day the work ended (closed, or moved to monitoring), if it did.
    pub ended_on: Option<NaiveDate>,
}

impl CaseloadFacts<'_> {
    /// Whether the family was worked with on `day` by the assistant `key`
    /// (an [`AssigneeRef::caseload_key`], or anything `same` accepts).
    pub fn counts_for_on(&self, same: impl Fn(&AssigneeRef) -> bool, day: NaiveDate) -> bool {
        self.ended_on.is_none_or(|e| day < e) && holder_on(self.rows, day).is_some_and(|r| same(&r.assistant))
    }
}

/// The assistant's highest caseload on any day, with the first day it was
/// reached: the caseload only rises when a period starts, so those days
/// are the ones to look at.
pub fn highest_caseload(
    families: &[CaseloadFacts<'_>],
    same: impl Fn(&AssigneeRef) -> bool,
) -> (u32, Option<NaiveDate>) {
    let mut days: Vec<NaiveDate> =
        families.iter().flat_map(|f| f.rows.iter().filter(|r| same(&r.assistant)).map(|r| r.from)).collect();
    days.sort();
    days.dedup();
    let mut best = (0, None);
    for day in days {
        let count = families.iter().filter(|f| f.counts_for_on(&same, day)).count() as u32;
        if count > best.0 {
            best = (count, Some(day));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Hlc;
    use uuid::Uuid;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn who(n: u128) -> AssigneeRef {
        AssigneeRef {
            assistant_id: EntityId(Uuid::from_u128(n)),
            name: format!("A{n}"),
            user_id: Some(UserId(Uuid::from_u128(100 + n))),
            devices: vec![DeviceId(Uuid::from_u128(200 + n))],
        }
    }

    fn key(n: u64) -> (Hlc, DeviceId, u64) {
        (Hlc { wall_ms: n, counter: 0 }, DeviceId(Uuid::from_u128(1)), n)
    }

    #[test]
    fn the_history_orders_by_effective_date_whatever_the_arrival() {
        let first = Assignment { assistant: who(1), on: d("2026-01-10"), transfer_from: None };
        let transfer = Assignment { assistant: who(2), on: d("2026-06-01"), transfer_from: Some(who(1)) };
        let e1 = EventId(Uuid::from_u128(11));
        let e2 = EventId(Uuid::from_u128(12));
        let build = |order: Vec<(EventId, &Assignment, (Hlc, DeviceId, u64))>| {
            history(AssignmentFacts { taken_on: None, assignments: order, handed_over: vec![(e2, d("2026-06-03"))] })
        };
        let a = build(vec![(e1, &first, key(1)), (e2, &transfer, key(2))]);
        let b = build(vec![(e2, &transfer, key(2)), (e1, &first, key(1))]);
        assert_eq!(a, b);
        assert_eq!(a[0].until, Some(d("2026-06-01")));
        assert_eq!(holder_on(&a, d("2026-05-31")).unwrap().assistant, who(1));
        assert_eq!(holder_on(&a, d("2026-06-01")).unwrap().assistant, who(2));
        assert!(holder_on(&a, d("2026-01-09")).is_none());
        assert!(!a[1].is_pending(), "acknowledged");
        assert!(is_late_edit(&a[1], d("2026-06-02"), UserId(Uuid::from_u128(101)), DeviceId(Uuid::from_u128(7))));
        assert!(!is_late_edit(&a[1], d("2026-06-01"), UserId(Uuid::from_u128(101)), DeviceId(Uuid::from_u128(7))));
        assert!(!is_late_edit(&a[1], d("2026-07-01"), UserId(Uuid::from_u128(102)), DeviceId(Uuid::from_u128(7))));
    }

    #[test]
    fn a_transfer_waits_for_the_old_laptop_unless_there_is_none() {
        let transfer = Assignment { assistant: who(2), on: d("2026-06-01"), transfer_from: Some(who(1)) };
        let rows = history(AssignmentFacts {
            taken_on: Some((who(1), d("2026-02-01"))),
            assignments: vec![(EventId(Uuid::from_u128(5)), &transfer, key(5))],
            handed_over: Vec::new(),
        });
        assert_eq!(rows.len(), 2);
        assert!(rows[1].is_pending());
        let mut no_laptop = who(1);
        no_laptop.user_id = None;
        no_laptop.devices.clear();
        let row = AssignmentRow { transfer_from: Some(no_laptop), ..rows[1].clone() };
        assert!(!row.is_pending());
    }

    #[test]
    fn the_highest_caseload_is_found_on_the_day_it_was_reached() {
        let rows: Vec<Vec<AssignmentRow>> = (0..3)
            .map(|i| {
                history(AssignmentFacts {
                    taken_on: Some((who(1), d("2026-01-01") + chrono::Days::new(i * 10))),
                    assignments: Vec::new(),
                    handed_over: Vec::new(),
                })
            })
            .collect();
        let families: Vec<CaseloadFacts> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| CaseloadFacts {
                family_id: EntityId(Uuid::from_u128(i as u128)),
                rows: r,
                // The first ends before the third starts.
                ended_on: (i == 0).then(|| d("2026-01-15")),
            })
            .collect();
        let me = who(1);
        let (most, on) = highest_caseload(&families, |a| a.assistant_id == me.assistant_id);
        assert_eq!((most, on), (2, Some(d("2026-01-11"))));
    }
}
