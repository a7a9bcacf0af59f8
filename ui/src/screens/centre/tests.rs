use super::charts::{across_height, column, extent, scale, short_label, Bar, BarsAcross, ChartProps};
use super::*;
use crate::test_support::render;

#[test]
fn a_scale_passes_the_largest_value_in_at_most_five_round_steps() {
    assert_eq!(scale(0), (1, 1), "an empty chart still has a scale");
    assert_eq!(scale(4), (4, 1));
    assert_eq!(scale(15), (15, 5), "the cap");
    assert_eq!(scale(17), (20, 5));
    assert_eq!(scale(42), (50, 10));
    assert_eq!(scale(120), (125, 25));
    assert_eq!(scale(930), (1000, 200));
    for max in 0..2000 {
        let (top, step) = scale(max);
        assert!(top >= max && top / step <= 5 && top % step == 0, "{max}: {top}/{step}");
    }
}

#[test]
fn bars_end_where_their_value_is_on_the_scale() {
    assert_eq!(extent(5, 20, 400.0), 100.0);
    assert_eq!(extent(30, 20, 400.0), 400.0, "never past the scale");
    assert_eq!(extent(3, 0, 400.0), 0.0);
    let (first, width) = column(0, 12);
    let (second, _) = column(1, 12);
    assert!(first > 0.0 && width > 0.0 && second > first + width, "columns do not overlap");
    assert!(across_height(3) > across_height(2));
    assert_eq!(short_label("Anna Łęcka"), "Anna Łęcka");
    let long = short_label("Katarzyna Szczepańska-Wróblewska");
    assert!(long.ends_with('…') && long.chars().count() <= 24, "{long}");
}

#[test]
fn a_chart_is_one_named_image_with_its_figures_in_a_table() {
    let bar = |label: &str, value: u32, flagged: bool| Bar {
        label: label.into(),
        full_label: label.into(),
        value,
        flagged,
        value_text: format!("{value} z 15"),
        cells: vec![value.to_string(), "15".into()],
    };
    let html = render::<BarsAcross>(move || ChartProps {
        id: "chart-caseload".into(),
        title: "Aktywne rodziny każdego asystenta wobec limitu".into(),
        summary: "Anna Łęcka: 4 z 15; Ola Nowak: 16 z 15".into(),
        headers: vec!["Asystent".into(), "Aktywne rodziny".into(), "Limit".into()],
        bars: vec![bar("Anna Łęcka", 4, false), bar("Ola Nowak", 16, true)],
        cap: Some((15, "limit 15".into())),
    });
    assert!(html.contains("role=\"img\""), "{html}");
    assert!(html.contains("aria-labelledby=\"chart-caseload-title\""));
    assert!(html.contains("<title id=\"chart-caseload-title\">Aktywne rodziny każdego asystenta wobec limitu</title>"));
    assert!(html.contains("<desc id=\"chart-caseload-summary\">Anna Łęcka: 4 z 15; Ola Nowak: 16 z 15</desc>"));
    assert!(html.contains("class=\"chart-bar flagged\""), "over the cap is marked");
    assert!(html.contains("class=\"chart-cap\""));
    assert!(html.contains("<th scope=\"row\">Ola Nowak</th><td>16</td><td>15</td>"), "{html}");
}

#[test]
fn the_navigation_marks_the_screen_shown() {
    let html = render::<CentreNav>(|| CentreNavProps { current: CentreView::Intake, on_view: Callback::noop() });
    for view in CentreView::ALL {
        assert!(html.contains(&format!("id=\"nav-{}\"", view.key())), "{view:?}");
    }
    assert_eq!(html.matches("aria-current=\"page\"").count(), 1);
    assert!(html.contains("aria-current=\"page\" class=\"centre-nav-item current\">Przyjęcia"), "{html}");
}

#[test]
fn moving_to_another_screen_closes_what_was_open_and_keeps_the_period() {
    let place = CentrePlace {
        view: CentreView::Report,
        figure: Some(dashboard::FigureKey::Waiting),
        period: Some("2026-H1".into()),
        cell: Some("families_served".into()),
    };
    let next = place.show(CentreView::Dashboard);
    assert_eq!(next.view, CentreView::Dashboard);
    assert_eq!((next.figure, next.cell), (None, None));
    assert_eq!(next.period.as_deref(), Some("2026-H1"));
    let pages: std::collections::BTreeSet<_> = CentreView::ALL.iter().map(|v| v.page_id()).collect();
    assert_eq!(pages.len(), CentreView::ALL.len(), "every screen has its own page id");
}

#[test]
fn every_message_of_the_centre_screens_is_in_both_languages() {
    use asysta_i18n::{Locale, Translator};
    let sources = [
        include_str!("../centre.rs"),
        include_str!("dashboard.rs"),
        include_str!("families.rs"),
        include_str!("register.rs"),
        include_str!("intake.rs"),
        include_str!("transfers.rs"),
        include_str!("duplicates.rs"),
        include_str!("report.rs"),
    ];
    let mut ids: Vec<String> = Vec::new();
    for source in sources {
        for part in source.split('"').skip(1).step_by(2) {
            if part.starts_with("centre-") && part.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                ids.push(part.to_owned());
            }
        }
    }
    for view in CentreView::ALL {
        ids.push(view.label_id());
    }
    for kind in dashboard::FigureKind::LISTED {
        ids.push(kind.label_id());
    }
    ids.extend((1..=12).map(|m| format!("centre-month-short-{m}")));
    // Ids and classes of elements, not messages.
    let elements = [
        "centre-attention",
        "centre-charts",
        "centre-content",
        "centre-lock-error",
        "centre-monthly",
        "centre-monthly-buttons",
        "centre-monthly-title",
        "centre-nav",
        "centre-nav-item",
        "centre-page",
        "centre-summary",
        "centre-table",
    ];
    for locale in [Locale::Pl, Locale::En] {
        let tr = Translator::new(locale);
        for id in ids.iter().filter(|id| !elements.contains(&id.as_str())) {
            assert!(tr.has(id), "{locale:?} has no {id}");
        }
    }
}
