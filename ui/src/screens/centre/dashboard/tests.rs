use super::*;
use crate::test_support::{entity, has_id, render};
use asysta_core::centre::dashboard::SinceLastVisit;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn fam(ids: &[u8]) -> Figure {
    Figure { count: ids.len() as u32, families: ids.iter().map(|n| entity(*n)).collect() }
}

fn month(month: &str, contacts: u32, minutes: u32) -> MonthActivity {
    MonthActivity { month: month.into(), contacts, minutes, by_form: [("home_visit".to_owned(), contacts)].into() }
}

/// Anna (id 50): families 1 and 2, 1 never visited; over the cap in the
/// past. Ola (id 51): family 3.
fn column(n: u8, name: &str, active: &[u8]) -> AssistantFigures {
    AssistantFigures {
        assistant_id: entity(n),
        name: name.into(),
        data_as_of_ms: Some(1_765_000_000_000),
        active_families: active.len() as u32,
        active: fam(active),
        cap: 15,
        highest_caseload: 0,
        highest_on: None,
        breach_in_past: false,
        since_last_visit: Vec::new(),
        no_recent_visit: Figure::default(),
        overdue_actions: Figure::default(),
        evaluations_due: Figure::default(),
        evaluations_overdue: Figure::default(),
        plans_missing: Figure::default(),
        plans_incomplete: Figure::default(),
        plans_unconsulted: Figure::default(),
        awaiting_decision: Figure::default(),
        comments_awaiting_centre: Figure::default(),
        comments_awaiting_assistant: Figure::default(),
        conflicts: Figure::default(),
        late_edits: Figure::default(),
        held_back_events: 0,
        court_ordered: Figure::default(),
        months: vec![month("2026-11", 2, 90), month("2026-12", 1, 60)],
        closings: Closings::default(),
        decision_days_median: None,
    }
}

fn board() -> Dashboard {
    let mut anna = column(50, "Anna Łęcka", &[1, 2]);
    anna.highest_caseload = 17;
    anna.highest_on = Some(d("2026-03-02"));
    anna.breach_in_past = true;
    anna.no_recent_visit = fam(&[2]);
    anna.overdue_actions = fam(&[1, 2]);
    anna.decision_days_median = Some(4.5);
    anna.since_last_visit = vec![
        SinceLastVisit { family_id: entity(2), name: "Nowakowie".into(), days: None },
        SinceLastVisit { family_id: entity(1), name: "Kowalscy".into(), days: Some(3) },
    ];
    anna.closings = Closings {
        by_reason: [("goals_achieved".to_owned(), fam(&[4]))].into(),
        total: 1,
        goals_achieved_share: Some(1.0),
    };
    let ola = column(51, "Ola Nowak", &[3]);
    Dashboard {
        on: d("2026-12-07"),
        assistants: vec![anna, ola],
        waiting: fam(&[5]),
        pending_transfers: Figure::default(),
        open_duplicates: 1,
        closings: Closings {
            by_reason: [("goals_achieved".to_owned(), fam(&[4]))].into(),
            total: 1,
            goals_achieved_share: Some(1.0),
        },
        decision_days_median: Some(4.5),
    }
}

fn index() -> FamilyIndex {
    let names = [(1, "Kowalscy"), (2, "Nowakowie"), (3, "Zającowie"), (4, "Wiśniewscy"), (5, "Lisowie")];
    FamilyIndex {
        names: names.iter().map(|(n, name)| (entity(*n), (*name).to_owned())).collect(),
        assistants: [(1, "Anna Łęcka"), (2, "Anna Łęcka"), (3, "Ola Nowak")]
            .iter()
            .map(|(n, a)| (entity(*n), (*a).to_owned()))
            .collect(),
    }
}

#[test]
fn a_key_finds_its_figure_in_its_column() {
    let board = board();
    let key = |kind| FigureKey::Assistant { assistant: entity(50), kind };
    assert_eq!(figure(&board, &key(FigureKind::OverdueActions)).unwrap().count, 2);
    assert_eq!(figure(&board, &key(FigureKind::NoRecentVisit)).unwrap().families, [entity(2)]);
    let ola = FigureKey::Assistant { assistant: entity(51), kind: FigureKind::Active };
    assert_eq!(figure(&board, &ola).unwrap().families, [entity(3)]);
    assert_eq!(figure(&board, &FigureKey::Waiting).unwrap().families, [entity(5)]);
    let closed = FigureKey::Closings { assistant: Some(entity(50)), reason: "goals_achieved".into() };
    assert_eq!(figure(&board, &closed).unwrap().count, 1);
    let gone = FigureKey::Assistant { assistant: entity(99), kind: FigureKind::Active };
    assert_eq!(figure(&board, &gone), None, "an assistant no longer listed");
    assert_eq!(closed.slug(), "closed-goals-achieved");
    assert_eq!(closed.assistant(), Some(entity(50)));
}

#[test]
fn the_months_of_every_assistant_add_up() {
    let total = months_total(&board());
    assert_eq!(total.iter().map(|m| m.month.as_str()).collect::<Vec<_>>(), ["2026-11", "2026-12"]);
    assert_eq!((total[0].contacts, total[0].minutes), (4, 180));
    assert_eq!(total[1].by_form.get("home_visit"), Some(&2));
}

#[test]
fn numbers_are_written_the_languages_way() {
    assert_eq!(decimal(4.5, Locale::Pl), "4,5");
    assert_eq!(decimal(4.5, Locale::En), "4.5");
    assert_eq!(decimal(8.0, Locale::Pl), "8");
    assert_eq!(hours(90, Locale::Pl), "1,5");
    assert_eq!(hours(20, Locale::Pl), "0,3");
    assert_eq!(percent(0.333), "33");
    assert_eq!(year_month("2026-11"), Some((2026, 11)));
    assert_eq!(year_month("2026-13"), None);
    let reasons = asysta_core::closing::default_closing_reasons();
    let closings = Closings {
        by_reason: [("other".to_owned(), fam(&[1])), ("goals_achieved".to_owned(), fam(&[2]))].into(),
        total: 2,
        goals_achieved_share: Some(0.5),
    };
    let order: Vec<&String> = ordered_reasons(&closings, &reasons).into_iter().map(|(k, _)| k).collect();
    assert_eq!(order, ["goals_achieved", "other"], "the centre's order");
}

fn dashboard_html(figure: Option<FigureKey>) -> String {
    dashboard_html_with(figure, None, true)
}

/// The dashboard with its first `cards_shown` cards and with the
/// families' names come or not.
fn dashboard_html_with(figure: Option<FigureKey>, cards_shown: Option<usize>, named: bool) -> String {
    render::<DashboardContent>(move || DashboardContentProps {
        data: DashboardData {
            board: Load::Ready(Rc::new(board())),
            index: if named { Load::Ready(Rc::new(index())) } else { Load::Loading },
            alerts: Load::Ready(Rc::new(vec![Alert::NoVisit {
                family_id: entity(2),
                family_name: "Nowakowie".into(),
                days_since: Some(28),
            }])),
            due: Load::Ready(Rc::new(Vec::new())),
            reasons: Rc::new(asysta_core::closing::default_closing_reasons()),
            no_visit_days: Some(14),
            cards_shown,
        },
        place: CentrePlace { figure, ..CentrePlace::default() },
        on_place: Callback::noop(),
        on_open: Callback::noop(),
        on_view: Callback::noop(),
    })
}

#[test]
fn each_assistant_has_a_card_with_every_figure() {
    let html = dashboard_html(None);
    assert!(html.contains("data-assistant=\"Anna Łęcka\""), "{html}");
    assert!(html.contains("data-assistant=\"Ola Nowak\""));
    assert!(html.contains("dane z dnia "), "data as of the last bundle");
    for kind in FigureKind::LISTED {
        assert!(html.contains(&format!("data-figure=\"{}\"", kind.slug())), "{kind:?}");
    }
    // A figure with families behind it is a button; a zero is not.
    assert!(
        html.contains("data-figure=\"overdue-actions\" aria-expanded=\"false\" class=\"figure-button\">2"),
        "{html}"
    );
    assert!(html.contains("<span data-figure=\"conflicts\" class=\"figure-value figure-zero\">0</span>"));
    assert!(html.contains("Limit przekroczony w przeszłości: 17 rodzin naraz od 02.03.2026"), "{html}");
    assert!(html.contains("4,5 dnia"), "the median with its decimal comma: {html}");
    assert!(html.contains("z osiągnięciem celów: 100%"));
    assert!(html.contains("W tym miesiącu: 1 kontakt, 1 godz."), "{html}");
    for id in ["centre-summary", "assistant-cards", "chart-caseload", "chart-visits", "chart-closings", "alerts"] {
        assert!(has_id(&html, id), "{id}");
    }
    assert!(!has_id(&html, "figure-families"), "nothing open");
}

#[test]
fn an_open_figure_lists_its_families_in_its_card() {
    let key = FigureKey::Assistant { assistant: entity(50), kind: FigureKind::OverdueActions };
    let html = dashboard_html(Some(key));
    assert!(html.contains("Działania planu po terminie — Anna Łęcka"), "{html}");
    let list = &html[html.find("id=\"figure-families\"").unwrap()..];
    assert!(list.contains("Kowalscy") && list.contains("Nowakowie") && !list.contains("Zającowie"), "{list}");
    assert!(html.contains("aria-expanded=\"true\""));
}

#[test]
fn the_first_paint_draws_the_first_cards_and_a_figure_waits_for_the_names() {
    let html = dashboard_html_with(None, Some(1), false);
    assert!(html.contains("data-assistant=\"Anna Łęcka\""), "{html}");
    assert!(!html.contains("data-assistant=\"Ola Nowak\""), "the second card follows: {html}");
    assert!(has_id(&html, "chart-caseload"), "the charts are in the first paint");
    let key = FigureKey::Assistant { assistant: entity(50), kind: FigureKind::OverdueActions };
    let html = dashboard_html_with(Some(key), None, false);
    let list = &html[html.find("id=\"figure-families\"").unwrap()..];
    assert!(list.contains("aria-busy=\"true\"") && !list.contains("Kowalscy"), "{list}");
}

#[test]
fn every_alert_at_the_centre_names_its_assistant() {
    let html = dashboard_html(None);
    let alerts = &html[html.find("id=\"alerts\"").unwrap()..];
    let item = &alerts[..alerts.find("</li>").unwrap()];
    assert!(
        item.contains("Nowakowie") && item.contains("(Anna Łęcka)") && item.contains("Brak wizyty od 28 dni"),
        "{item}"
    );
}
