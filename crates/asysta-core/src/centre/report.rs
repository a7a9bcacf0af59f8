//! The half-year figures a centre reports on its family assistants (see
//! docs/REPORTS.md for the legal source of each row and what is still to
//! be confirmed): every cell with the families (or assistants) behind it.

use super::facts::CaseFacts;
use super::register::{AssistantEntry, Employment};
use crate::ids::EntityId;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A half of a year, written `2026-H2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct HalfYear {
    pub year: i32,
    /// 1 or 2.
    pub half: u8,
}

impl HalfYear {
    pub fn parse(s: &str) -> Option<HalfYear> {
        let (year, half) = s.trim().split_once(['-', ' '])?;
        let year: i32 = year.parse().ok().filter(|y| (2000..=2100).contains(y))?;
        let half = match half.to_ascii_uppercase().as_str() {
            "H1" | "I" => 1,
            "H2" | "II" => 2,
            _ => return None,
        };
        Some(HalfYear { year, half })
    }

    /// The half a day is in.
    pub fn of(day: NaiveDate) -> HalfYear {
        HalfYear { year: day.year(), half: if day.month() <= 6 { 1 } else { 2 } }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, if self.half == 1 { 1 } else { 7 }, 1).expect("a valid day")
    }

    pub fn last_day(self) -> NaiveDate {
        if self.half == 1 {
            NaiveDate::from_ymd_opt(self.year, 6, 30)
        } else {
            NaiveDate::from_ymd_opt(self.year, 12, 31)
        }
        .expect("a valid day")
    }
}

impl std::fmt::Display for HalfYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-H{}", self.year, self.half)
    }
}

/// One row of the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRow {
    /// Stable id (`--cell` takes it), e.g. `families_served`, `ended_goals_achieved`.
    pub key: String,
    /// The Fluent message naming the row (`report-row-…`), or for a
    /// closing reason its name.
    pub label_id: String,
    /// A closing reason's own name (rows by reason), else empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// Indented under the row before it ("of them…").
    pub sub: bool,
    pub value: u32,
    pub families: Vec<EntityId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assistants: Vec<EntityId>,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HalfYearReport {
    pub period: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub rows: Vec<ReportRow>,
}

impl HalfYearReport {
    pub fn row(&self, key: &str) -> Option<&ReportRow> {
        self.rows.iter().find(|r| r.key == key)
    }
}

/// Length of support bands (as of the period's end or the end of the work).
const LENGTH_BANDS: [(&str, i64, i64); 3] =
    [("length_up_to_1y", 0, 365), ("length_1y_to_2y", 366, 730), ("length_over_2y", 731, i64::MAX)];

fn row(key: &str, sub: bool, families: Vec<EntityId>) -> ReportRow {
    ReportRow {
        key: key.into(),
        label_id: format!("report-row-{}", key.replace('_', "-")),
        label: String::new(),
        sub,
        value: families.len() as u32,
        families,
        assistants: Vec::new(),
    }
}

/// The half-year's figures. `reasons`: the centre's closing reasons (key,
/// name) in its order; `register`: the assistants with their ids.
pub fn half_year(
    period: HalfYear,
    cases: &[CaseFacts],
    reasons: &[(String, String)],
    register: &[(EntityId, &AssistantEntry)],
) -> HalfYearReport {
    let (from, to) = (period.first_day(), period.last_day());
    let served: Vec<&CaseFacts> = cases.iter().filter(|c| c.served_between(from, to)).collect();
    let ids = |list: &[&CaseFacts]| list.iter().map(|c| c.family_id).collect::<Vec<_>>();
    let mut rows = vec![row("families_served", false, ids(&served))];
    let court: Vec<&CaseFacts> = served.iter().copied().filter(|c| c.court_ordered).collect();
    rows.push(row("families_court_ordered", true, ids(&court)));
    let mut children =
        row("children", false, ids(&served.iter().copied().filter(|c| c.children > 0).collect::<Vec<_>>()));
    children.value = served.iter().map(|c| c.children).sum();
    rows.push(children);
    let ended: Vec<&CaseFacts> =
        served.iter().copied().filter(|c| c.ended_on.is_some_and(|e| from <= e && e <= to)).collect();
    rows.push(row("families_ended", false, ids(&ended)));
    for (key, name) in reasons {
        let by: Vec<&CaseFacts> =
            ended.iter().copied().filter(|c| c.end_reason.as_deref().unwrap_or("other") == key).collect();
        let mut r = row(&format!("ended_{key}"), true, ids(&by));
        r.label_id = "report-row-ended-reason".into();
        r.label = name.clone();
        rows.push(r);
    }
    for (key, low, high) in LENGTH_BANDS {
        let band: Vec<&CaseFacts> = served
            .iter()
            .copied()
            .filter(|c| {
                let end = c.ended_on.map_or(to, |e| e.min(to));
                c.started_on.is_some_and(|s| {
                    let days = (end - s).num_days();
                    low <= days && days <= high
                })
            })
            .collect();
        rows.push(row(key, true, ids(&band)));
    }
    let waiting: Vec<&CaseFacts> = cases.iter().filter(|c| c.waiting_on(to)).collect();
    rows.push(row("families_waiting", false, ids(&waiting)));
    let employed: Vec<&(EntityId, &AssistantEntry)> = register.iter().filter(|(_, e)| e.employed_on(to)).collect();
    let mut total = row("assistants", false, Vec::new());
    total.value = employed.len() as u32;
    total.assistants = employed.iter().map(|(id, _)| *id).collect();
    rows.push(total);
    for (key, form) in [
        ("assistants_employment_contract", Some(Employment::EmploymentContract)),
        ("assistants_service_contract", Some(Employment::ServiceContract)),
        ("assistants_not_stated", None),
    ] {
        let mut r = row(key, true, Vec::new());
        r.assistants = employed.iter().filter(|(_, e)| e.employment == form).map(|(id, _)| *id).collect();
        r.value = r.assistants.len() as u32;
        rows.push(r);
    }
    HalfYearReport { period: period.to_string(), from, to, rows }
}

/// The report as CSV (`;`-separated, as Polish spreadsheets read it): the
/// row, its label as given by `label`, the value.
pub fn to_csv(report: &HalfYearReport, label: impl Fn(&ReportRow) -> String) -> String {
    let mut out = String::from("okres;wiersz;opis;wartosc\n");
    for r in &report.rows {
        let text = label(r).replace(['"', ';', '\n'], " ");
        out.push_str(&format!("{};{};\"{}\";{}\n", report.period, r.key, text, r.value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::centre::assignment::AssignmentRow;
    use crate::centre::AssigneeRef;
    use crate::record::FamilyStatus;
    use uuid::Uuid;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn case(n: u128, from: &str, ended: Option<(&str, &str)>, court: bool, children: u32) -> CaseFacts {
        let who = AssigneeRef {
            assistant_id: EntityId(Uuid::from_u128(1)),
            name: "A".into(),
            user_id: None,
            devices: vec![],
        };
        CaseFacts {
            family_id: EntityId(Uuid::from_u128(n)),
            name: format!("F{n}"),
            status: if ended.is_some() { FamilyStatus::Closed } else { FamilyStatus::Active },
            rows: vec![AssignmentRow {
                event_id: None,
                assistant: who,
                from: d(from),
                until: None,
                transfer_from: None,
                handed_over_on: None,
            }],
            started_on: Some(d(from)),
            ended_on: ended.map(|(e, _)| d(e)),
            end_reason: ended.map(|(_, r)| r.to_owned()),
            court_ordered: court,
            children,
            ..CaseFacts::default()
        }
    }

    #[test]
    fn a_half_year_is_parsed_and_bounded() {
        let h = HalfYear::parse("2026-H2").unwrap();
        assert_eq!((h.first_day(), h.last_day()), (d("2026-07-01"), d("2026-12-31")));
        assert_eq!(HalfYear::parse("2026-h1").unwrap().last_day(), d("2026-06-30"));
        assert!(HalfYear::parse("2026-H3").is_none());
        assert_eq!(HalfYear::of(d("2026-06-30")).to_string(), "2026-H1");
    }

    #[test]
    fn every_cell_holds_the_families_behind_it() {
        let cases = [
            case(1, "2024-03-01", None, true, 2),
            case(2, "2026-02-01", Some(("2026-08-15", "goals_achieved")), false, 1),
            case(3, "2026-01-01", Some(("2026-05-31", "moved")), false, 3), // ended before H2
            CaseFacts {
                referral_on: Some(d("2026-12-01")),
                family_id: EntityId(Uuid::from_u128(4)),
                ..CaseFacts::default()
            },
        ];
        let reasons = vec![
            ("goals_achieved".to_owned(), "osiągnięcie celów".to_owned()),
            ("moved".into(), "przeprowadzka".into()),
        ];
        let entry = AssistantEntry {
            name: "A".into(),
            employment: Some(Employment::ServiceContract),
            from: Some(d("2020-01-01")),
            to: None,
            fte_thousandths: None,
            user_id: None,
            devices: vec![],
        };
        let register = [(EntityId(Uuid::from_u128(1)), &entry)];
        let report = half_year(HalfYear::parse("2026-H2").unwrap(), &cases, &reasons, &register);
        let value = |k: &str| report.row(k).unwrap().value;
        assert_eq!(value("families_served"), 2);
        assert_eq!(value("families_court_ordered"), 1);
        assert_eq!(value("children"), 3);
        assert_eq!(value("families_ended"), 1);
        assert_eq!(value("ended_goals_achieved"), 1);
        assert_eq!(value("ended_moved"), 0);
        assert_eq!(value("length_over_2y"), 1);
        assert_eq!(value("length_up_to_1y"), 1);
        assert_eq!(value("families_waiting"), 1);
        assert_eq!(value("assistants_service_contract"), 1);
        assert_eq!(report.row("families_ended").unwrap().families, [EntityId(Uuid::from_u128(2))]);
        let csv = to_csv(&report, |r| r.key.clone());
        assert!(csv.lines().any(|l| l == "2026-H2;families_served;\"families_served\";2"), "{csv}");
    }
}
