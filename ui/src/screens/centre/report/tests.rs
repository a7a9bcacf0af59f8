use super::*;
use crate::test_support::{entity, render};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn the_recent_half_years_are_offered_newest_first() {
    let periods: Vec<String> = recent_periods(d("2026-12-07"), 4).iter().map(ToString::to_string).collect();
    assert_eq!(periods, ["2026-H2", "2026-H1", "2025-H2", "2025-H1"]);
    let older = HalfYear::parse("2019-H1").unwrap();
    let choices = period_choices(d("2026-02-01"), Some(older));
    assert_eq!(choices.first().unwrap().to_string(), "2026-H1");
    assert_eq!(choices.last(), Some(&older), "an older period chosen stays offered");
    let place = CentrePlace { period: Some("2025-H2".into()), ..CentrePlace::default() };
    assert_eq!(chosen_period(&place, d("2026-12-07")).to_string(), "2025-H2");
    assert_eq!(chosen_period(&CentrePlace::default(), d("2026-12-07")).to_string(), "2026-H2");
}

fn report() -> HalfYearReport {
    let row = |key: &str, label_id: &str, label: &str, sub: bool, families: Vec<EntityId>| ReportRow {
        key: key.into(),
        label_id: label_id.into(),
        label: label.into(),
        sub,
        value: families.len() as u32,
        families,
        assistants: Vec::new(),
    };
    HalfYearReport {
        period: "2026-H2".into(),
        from: d("2026-07-01"),
        to: d("2026-12-31"),
        rows: vec![
            row("families_served", "report-row-families-served", "", false, vec![entity(1), entity(2)]),
            row("ended_moved", "report-row-ended-reason", "przeprowadzka", true, Vec::new()),
        ],
    }
}

fn content(cell: Option<&str>) -> String {
    let cell = cell.map(str::to_owned);
    render::<ReportContent>(move || ReportContentProps {
        data: ReportData {
            report: Load::Ready(Rc::new(report())),
            index: Load::Ready(Rc::new(FamilyIndex {
                names: [(entity(1), "Kowalscy".to_owned()), (entity(2), "Lisowie".to_owned())].into(),
                assistants: [(entity(1), "Anna Łęcka".to_owned())].into(),
            })),
            assistants: Rc::default(),
        },
        period: HalfYear::parse("2026-H2").unwrap(),
        periods: recent_periods(d("2026-12-07"), 2),
        place: CentrePlace { cell, ..CentrePlace::default() },
        on_place: Callback::noop(),
        on_open: Callback::noop(),
        export: PrintState::Saved("/tmp/asystenci-rodziny-2026-H2.csv".into()),
        on_export: Callback::noop(),
    })
}

#[test]
fn every_cell_with_families_opens_them() {
    let html = content(None);
    assert!(html.contains("Rodziny objęte pracą asystenta rodziny"), "{html}");
    assert!(html.contains("w tym z powodu: przeprowadzka"));
    assert!(html.contains("class=\"cell-button\""), "a cell with families is a button");
    assert!(html.contains("<span class=\"cell-value\">0</span>"), "an empty cell is not");
    assert!(html.contains("II półrocze 2026 (01.07.2026 – 31.12.2026)"), "{html}");
    assert!(html.contains("Zapisano: /tmp/asystenci-rodziny-2026-H2.csv"));
    let open = content(Some("families_served"));
    let list = &open[open.find("id=\"cell-families\"").unwrap()..];
    assert!(list.contains("Kowalscy") && list.contains("Lisowie") && list.contains("Anna Łęcka"), "{list}");
}
