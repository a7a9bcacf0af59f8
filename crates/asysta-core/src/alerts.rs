//! The home screen's alerts: families not visited for too long and plan
//! actions past their deadline.

use crate::collation;
use crate::ids::EntityId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cmp::{Ordering, Reverse};

/// Days without a visit before a family is flagged, unless the centre says
/// otherwise.
pub const DEFAULT_NO_VISIT_DAYS: u32 = 14;

/// The centre's alert settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertSettings {
    /// Flag a family after this many days without a visit; 0 turns the
    /// alert off.
    pub no_visit_days: u32,
}

/// A plan action past its deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverdueAction {
    pub action_id: EntityId,
    pub what: String,
    pub deadline: NaiveDate,
}

/// What the alerts need to know about one family.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyActivity {
    pub family_id: EntityId,
    pub family_name: String,
    pub last_visit: Option<NaiveDate>,
    /// When the work with the family began (the case's start date, else the
    /// day the record was created): a family never visited is flagged once
    /// this is `no_visit_days` old, or at once when it is unknown.
    pub started_on: Option<NaiveDate>,
    /// See [`crate::plan::overdue_actions`].
    pub overdue_actions: Vec<OverdueAction>,
}

/// One alert on the home screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Alert {
    /// No visit for `days_since` days; `None` when the family was never
    /// visited.
    NoVisit { family_id: EntityId, family_name: String, days_since: Option<u32> },
    /// A plan action `days_overdue` days past its deadline.
    ActionOverdue {
        family_id: EntityId,
        family_name: String,
        action_id: EntityId,
        what: String,
        deadline: NaiveDate,
        days_overdue: u32,
    },
}

impl Default for AlertSettings {
    fn default() -> Self {
        AlertSettings { no_visit_days: DEFAULT_NO_VISIT_DAYS }
    }
}

/// The alerts for `families` on `today`, most urgent first. Missing visits
/// come before overdue actions (losing touch with a family is a safety
/// matter); within each kind, the longer the wait the more urgent. Ties go
/// by family name (Polish order), then by id, so the order never wobbles.
pub fn alerts(families: &[FamilyActivity], settings: &AlertSettings, today: NaiveDate) -> Vec<Alert> {
    let mut ranked: Vec<(Urgency, Alert)> = families
        .iter()
        .flat_map(|family| no_visit_alert(family, settings, today).into_iter().chain(overdue_alerts(family, today)))
        .collect();
    ranked.sort_by(|(a_urgency, a), (b_urgency, b)| a_urgency.cmp(b_urgency).then_with(|| tie_break(a, b)));
    ranked.into_iter().map(|(_, alert)| alert).collect()
}

/// Days from the last visit to `today` (negative for a visit after it);
/// `None` when there was no visit.
pub fn days_since_last_visit(last_visit: Option<NaiveDate>, today: NaiveDate) -> Option<i64> {
    last_visit.map(|visit| (today - visit).num_days())
}

impl Alert {
    /// The Fluent message id that describes the alert: `alert-no-visit`
    /// (with `$days`), `alert-never-visited`, or `alert-action-overdue`
    /// (with `$what`, `$days` and `$deadline`). The family's name is shown
    /// beside it.
    pub fn message_id(&self) -> &'static str {
        match self {
            Alert::NoVisit { days_since: Some(_), .. } => "alert-no-visit",
            Alert::NoVisit { days_since: None, .. } => "alert-never-visited",
            Alert::ActionOverdue { .. } => "alert-action-overdue",
        }
    }

    /// The family the alert is about.
    pub fn family_id(&self) -> EntityId {
        match self {
            Alert::NoVisit { family_id, .. } | Alert::ActionOverdue { family_id, .. } => *family_id,
        }
    }

    fn family_name(&self) -> &str {
        match self {
            Alert::NoVisit { family_name, .. } | Alert::ActionOverdue { family_name, .. } => family_name,
        }
    }

    fn action_id(&self) -> Option<EntityId> {
        match self {
            Alert::NoVisit { .. } => None,
            Alert::ActionOverdue { action_id, .. } => Some(*action_id),
        }
    }
}

/// Smaller is more urgent: the kind (no visit first), then the days waited,
/// most first.
type Urgency = (u8, Reverse<u32>);

/// Days without contact when the family was never visited and its start is
/// unknown: more than any known wait.
const UNKNOWN_WAIT: u32 = u32::MAX;

fn no_visit_alert(family: &FamilyActivity, settings: &AlertSettings, today: NaiveDate) -> Option<(Urgency, Alert)> {
    if settings.no_visit_days == 0 {
        return None;
    }
    let days_since = days_since_last_visit(family.last_visit, today).map(days_as_u32);
    let waited = match (days_since, family.started_on) {
        (Some(days), _) => days?,
        (None, Some(started)) => days_as_u32((today - started).num_days())?,
        (None, None) => UNKNOWN_WAIT,
    };
    let alert = Alert::NoVisit {
        family_id: family.family_id,
        family_name: family.family_name.clone(),
        days_since: days_since.flatten(),
    };
    (waited >= settings.no_visit_days).then_some(((0, Reverse(waited)), alert))
}

fn overdue_alerts(family: &FamilyActivity, today: NaiveDate) -> impl Iterator<Item = (Urgency, Alert)> + '_ {
    family.overdue_actions.iter().filter_map(move |action| {
        let days_overdue = days_as_u32((today - action.deadline).num_days()).filter(|&days| days > 0)?;
        let alert = Alert::ActionOverdue {
            family_id: family.family_id,
            family_name: family.family_name.clone(),
            action_id: action.action_id,
            what: action.what.clone(),
            deadline: action.deadline,
            days_overdue,
        };
        Some(((1, Reverse(days_overdue)), alert))
    })
}

fn tie_break(a: &Alert, b: &Alert) -> Ordering {
    collation::compare(a.family_name(), b.family_name())
        .then_with(|| a.family_id().cmp(&b.family_id()))
        .then_with(|| a.action_id().cmp(&b.action_id()))
}

/// A day count as `u32`; `None` when negative (a date after today).
fn days_as_u32(days: i64) -> Option<u32> {
    u32::try_from(days).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> EntityId {
        EntityId(uuid::Uuid::from_u128(n))
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const TODAY: &str = "2026-03-31";

    /// A family numbered `n`, named `name`, last visited on `last_visit`
    /// (empty: never) and taken on on `started_on` (empty: unknown).
    fn family(n: u128, name: &str, last_visit: &str, started_on: &str) -> FamilyActivity {
        let date = |s: &str| (!s.is_empty()).then(|| d(s));
        FamilyActivity {
            family_id: id(n),
            family_name: name.into(),
            last_visit: date(last_visit),
            started_on: date(started_on),
            overdue_actions: vec![],
        }
    }

    fn overdue(mut family: FamilyActivity, actions: &[(u128, &str)]) -> FamilyActivity {
        family.overdue_actions = actions
            .iter()
            .map(|&(n, deadline)| OverdueAction {
                action_id: id(n),
                what: format!("działanie {n}"),
                deadline: d(deadline),
            })
            .collect();
        family
    }

    /// The alerts as short lines: `no visit <family> <days>`, `never visited
    /// <family>`, `overdue <family> <action> <days>`.
    #[track_caller]
    fn check(families: &[FamilyActivity], no_visit_days: u32, expected: &[&str]) {
        let alerts = alerts(families, &AlertSettings { no_visit_days }, d(TODAY));
        let lines: Vec<String> = alerts
            .iter()
            .map(|a| match a {
                Alert::NoVisit { family_name, days_since: Some(days), .. } => format!("no visit {family_name} {days}"),
                Alert::NoVisit { family_name, days_since: None, .. } => format!("never visited {family_name}"),
                Alert::ActionOverdue { family_name, action_id, days_overdue, .. } => {
                    format!("overdue {family_name} {} {days_overdue}", action_id.0.as_u128())
                }
            })
            .collect();
        assert_eq!(lines, expected);
    }

    #[test]
    fn families_not_visited_for_the_set_number_of_days_are_flagged() {
        check(&[family(1, "Nowak", "2026-03-18", "")], 14, &[]);
        check(&[family(1, "Nowak", "2026-03-17", "")], 14, &["no visit Nowak 14"]);
        check(&[family(1, "Nowak", "2026-03-17", "")], 15, &[]);
        check(&[family(1, "Nowak", "2026-03-17", "")], 0, &[]);
        check(&[family(1, "Nowak", "2026-04-02", "")], 14, &[]);
    }

    #[test]
    fn families_never_visited_are_flagged_once_the_work_is_old_enough() {
        check(&[family(1, "Nowak", "", "2026-03-20")], 14, &[]);
        check(&[family(1, "Nowak", "", "2026-03-17")], 14, &["never visited Nowak"]);
        check(&[family(1, "Nowak", "", "")], 14, &["never visited Nowak"]);
        check(&[family(1, "Nowak", "", "2026-04-20")], 14, &[]);
    }

    #[test]
    fn actions_past_their_deadline_are_flagged() {
        let nowak = family(1, "Nowak", TODAY, "");
        check(&[overdue(nowak.clone(), &[(11, "2026-03-30"), (12, TODAY)])], 14, &["overdue Nowak 11 1"]);
        check(
            &[overdue(nowak, &[(11, "2026-03-30"), (12, "2026-01-31")])],
            14,
            &["overdue Nowak 12 59", "overdue Nowak 11 1"],
        );
    }

    #[test]
    fn the_most_urgent_come_first() {
        let families = [
            overdue(family(1, "Żak", "2026-03-01", ""), &[(11, "2026-03-01")]),
            overdue(family(2, "Ćwik", TODAY, ""), &[(21, "2026-03-20")]),
            family(3, "Cis", "2026-02-01", ""),
            family(4, "Zięba", "", ""),
            family(5, "Łoś", "", "2026-01-01"),
            family(6, "Adamek", "2026-03-01", ""),
            family(7, "Adamek", "2026-03-01", ""),
        ];
        check(
            &families,
            14,
            &[
                "never visited Zięba",
                "never visited Łoś",
                "no visit Cis 58",
                "no visit Adamek 30",
                "no visit Adamek 30",
                "no visit Żak 30",
                "overdue Żak 11 30",
                "overdue Ćwik 21 11",
            ],
        );
        let ids: Vec<EntityId> =
            alerts(&families, &AlertSettings::default(), d(TODAY)).iter().map(Alert::family_id).collect();
        assert_eq!(ids[3..5], [id(6), id(7)], "same name: by id");
    }

    #[test]
    fn days_since_the_last_visit() {
        assert_eq!(days_since_last_visit(None, d(TODAY)), None);
        assert_eq!(days_since_last_visit(Some(d("2026-03-01")), d(TODAY)), Some(30));
        assert_eq!(days_since_last_visit(Some(d("2026-04-01")), d(TODAY)), Some(-1));
        assert_eq!(AlertSettings::default().no_visit_days, 14);
    }

    #[test]
    fn alert_wire_format_is_stable() {
        let alert = Alert::NoVisit { family_id: id(1), family_name: "Nowak".into(), days_since: None };
        assert_eq!(
            serde_json::to_string(&alert).unwrap(),
            concat!(
                r#"{"kind":"no_visit","family_id":"00000000-0000-0000-0000-000000000001","#,
                r#""family_name":"Nowak","days_since":null}"#
            )
        );
        assert_eq!(alert.message_id(), "alert-never-visited");
    }
}
