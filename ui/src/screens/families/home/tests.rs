use super::*;
use crate::test_support::{entity, has_id, render, text_of};
use asysta_core::api::{DueItem, DueWhat};
use asysta_core::evaluation::DueState;
use asysta_core::visit::{VisitDraft, VisitForm};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Renders the panel for the state `make` builds (inside the renderer,
/// since the state holds `Rc`s).
fn view(make: impl FnOnce() -> HomeState + Send + 'static) -> String {
    render::<HomeView>(move || HomeViewProps { state: make(), on_open: Callback::noop(), today: day("2026-11-23") })
}

fn loaded<T>(items: Vec<T>) -> Part<T> {
    Part::Loaded(Rc::new(items))
}

fn draft(n: u8, family_name: &str) -> DraftView {
    let draft = VisitDraft { family_id: entity(n), form: VisitForm::default(), saved_at_ms: 1_795_435_200_000 };
    DraftView { family_name: family_name.into(), draft }
}

#[test]
fn unfinished_entries_come_first_with_their_family_and_time() {
    let html = view(move || HomeState {
        drafts: loaded(vec![draft(1, "Nowakowie")]),
        alerts: loaded(vec![]),
        due: loaded(vec![]),
        planned: loaded(vec![]),
        scheduled: loaded(vec![]),
        decisions: loaded(vec![]),
    });
    assert!(has_id(&html, "drafts"));
    assert!(html.find("id=\"drafts\"").unwrap() < html.find("id=\"alerts\"").unwrap());
    assert!(html.contains(">Nowakowie</button>"), "{html}");
    assert!(html.contains("zapisano 23.11.2026"), "{html}");
    assert_eq!(text_of(&html, "alerts-none"), "Nic nie wymaga teraz uwagi.");
    assert_eq!(text_of(&html, "planned-none"), "Brak zaplanowanych kontaktów.");
    assert_eq!(text_of(&html, "due-none"), "Brak zbliżających się terminów.");
}

#[test]
fn no_drafts_shows_no_drafts_section() {
    let html = view(move || HomeState { drafts: loaded(vec![]), ..HomeState::default() });
    assert!(!has_id(&html, "drafts"));
}

#[test]
fn alerts_read_in_polish_with_plurals_and_dates() {
    let alerts = vec![
        Alert::NoVisit { family_id: entity(1), family_name: "Kowalscy".into(), days_since: Some(22) },
        Alert::NoVisit { family_id: entity(2), family_name: "Żakowie".into(), days_since: None },
        Alert::ActionOverdue {
            family_id: entity(3),
            family_name: "Nowakowie".into(),
            action_id: entity(9),
            what: "Zapis do poradni".into(),
            deadline: day("2026-11-01"),
            days_overdue: 22,
        },
    ];
    let html = view(move || HomeState { alerts: loaded(alerts), ..HomeState::default() });
    assert!(html.contains("Brak wizyty od 22 dni"), "{html}");
    assert!(html.contains("Jeszcze żadnej wizyty"));
    assert!(html.contains("Zapis do poradni: 22 dni po terminie (01.11.2026)"), "{html}");
    assert_eq!(html.matches("class=\"alert alert-no-visit\"").count(), 2);
    assert_eq!(html.matches("class=\"alert alert-overdue\"").count(), 1);
}

#[test]
fn planned_contacts_are_marked_today_or_overdue() {
    let planned = vec![
        PlannedVisit { family_id: entity(1), family_name: "Kowalscy".into(), date: day("2026-11-20") },
        PlannedVisit { family_id: entity(2), family_name: "Nowakowie".into(), date: day("2026-11-23") },
        PlannedVisit { family_id: entity(3), family_name: "Żakowie".into(), date: day("2026-12-01") },
    ];
    let html = view(move || HomeState { planned: loaded(planned), ..HomeState::default() });
    assert!(html.contains("class=\"planned planned-overdue\""), "{html}");
    assert!(html.contains("class=\"planned planned-today\""));
    assert!(html.contains(">01.12.2026</time>"));
    assert!(html.contains(">termin minął</span>") && html.contains(">dziś</span>"));
    assert_eq!(planned_when(day("2026-11-24"), day("2026-11-23")), PlannedWhen::Later);
}

#[test]
fn a_part_that_fails_says_so_and_the_others_still_show() {
    let html = view(move || HomeState {
        drafts: Part::Failed(ErrorKind::Storage),
        alerts: Part::Failed(ErrorKind::Storage),
        due: Part::Failed(ErrorKind::Storage),
        planned: loaded(vec![]),
        scheduled: loaded(vec![]),
        decisions: loaded(vec![]),
    });
    assert!(has_id(&html, "drafts-error") && has_id(&html, "alerts-error") && has_id(&html, "due-error"));
    assert!(has_id(&html, "planned-none"));
}

fn due(n: u8, family_name: &str, what: DueWhat, state: DueState) -> DueItem {
    DueItem { family_id: entity(n), family_name: family_name.into(), what, state }
}

#[test]
fn due_dates_read_in_polish_with_plurals() {
    let opinion =
        DueWhat::Opinion { opinion_id: entity(9), court: "SR Łódź".into(), case_signature: "III Nsm 12/26".into() };
    let items = vec![
        due(
            1,
            "Kowalscy",
            DueWhat::Evaluation { last: None },
            DueState::Overdue { due: day("2026-11-11"), days_over: 12 },
        ),
        due(2, "Nowak", opinion.clone(), DueState::DueSoon { due: day("2026-12-10"), days_left: 17 }),
        due(
            3,
            "Żakowie",
            DueWhat::Evaluation { last: Some(day("2026-06-01")) },
            DueState::DueSoon { due: day("2026-11-28"), days_left: 5 },
        ),
        due(4, "Lisowie", DueWhat::MonitoringEnd, DueState::DueSoon { due: day("2026-11-24"), days_left: 1 }),
        due(5, "Bąkowie", DueWhat::MonitoringEnd, DueState::DueSoon { due: day("2026-11-23"), days_left: 0 }),
        due(6, "Michalakowie", opinion, DueState::Overdue { due: day("2026-11-21"), days_over: 2 }),
    ];
    let html = view(move || HomeState { due: loaded(items), ..HomeState::default() });
    assert!(has_id(&html, "due-list"));
    assert_eq!(text_of(&html, "due-title"), "Terminy");
    let texts: Vec<String> = html
        .split("<li class=\"due-item ")
        .skip(1)
        .map(|li| {
            let li = &li[li.find('>').unwrap() + 1..li.find("</li>").unwrap()];
            let mut text = String::new();
            let mut in_tag = false;
            for c in li.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text
        })
        .collect();
    assert_eq!(
        texts,
        [
            "Ocena okresowa — Kowalscy — po terminie 12 dni",
            "Opinia dla sądu (III Nsm 12/26) — Nowak — do 10.12.2026",
            "Ocena okresowa — Żakowie — za 5 dni",
            "Koniec monitoringu — Lisowie — za 1 dzień",
            "Koniec monitoringu — Bąkowie — dziś",
            "Opinia dla sądu (III Nsm 12/26) — Michalakowie — po terminie 2 dni",
        ]
    );
    assert_eq!(html.matches("class=\"due-item due-overdue\"").count(), 2);
    assert_eq!(html.matches("class=\"link due-family\"").count(), 6, "each family opens its case");
}

#[test]
fn every_message_exists_in_both_languages() {
    for locale in asysta_i18n::Locale::ALL {
        let translator = asysta_i18n::Translator::new(locale);
        for id in [
            "home-drafts-title",
            "home-drafts-hint",
            "home-draft-saved",
            "home-planned-title",
            "home-planned-none",
            "home-planned-today",
            "home-planned-overdue",
            "alert-title",
            "alert-none",
            "alert-no-visit",
            "alert-never-visited",
            "alert-action-overdue",
            "due-title",
            "due-none",
            "due-evaluation",
            "due-opinion",
            "due-monitoring-end",
            "due-overdue",
            "due-in-days",
            "due-today",
            "due-by",
        ] {
            assert!(translator.has(id), "{id} is missing in {locale}");
        }
    }
}

#[test]
fn the_monthly_report_is_offered_for_last_month_and_this_one() {
    let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    assert_eq!(super::report_months(d("2026-12-03")), [(2026, 11), (2026, 12)]);
    assert_eq!(super::report_months(d("2027-01-15")), [(2026, 12), (2027, 1)]);
}

fn scheduled(n: u8, family_name: &str, date: &str, time: &str, purpose: &str) -> ScheduledVisit {
    ScheduledVisit {
        id: entity(50 + n),
        family_id: entity(n),
        family_name: family_name.into(),
        date: day(date),
        time: time.into(),
        place: asysta_core::visit::Place::Home,
        purpose: purpose.into(),
        missed: day(date) < day("2026-11-23"),
    }
}

#[test]
fn the_schedule_shows_missed_visits_the_day_and_the_week() {
    let visits = vec![
        scheduled(1, "Nowakowie", "2026-11-20", "09:00", ""),
        scheduled(2, "Kowalscy", "2026-11-23", "10:30", "Szkoła syna"),
        scheduled(3, "Zającowie", "2026-11-30", "12:00", ""),
        scheduled(4, "Wiśniewscy", "2026-12-01", "08:00", ""),
        scheduled(5, "Lisowie", "2026-12-15", "08:00", ""),
    ];
    let groups = schedule(&visits, day("2026-11-23"));
    let names = |g: &[&ScheduledVisit]| g.iter().map(|v| v.family_name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&groups.missed), ["Nowakowie"]);
    assert_eq!(names(&groups.today), ["Kowalscy"]);
    assert_eq!(names(&groups.week), ["Zającowie"], "the week ends seven days after today");
    assert_eq!(groups.later, 2);

    let html = view(move || HomeState {
        drafts: loaded(vec![]),
        alerts: loaded(vec![]),
        due: loaded(vec![]),
        planned: loaded(vec![]),
        scheduled: loaded(visits),
        decisions: loaded(vec![]),
    });
    assert!(html.find("id=\"schedule\"").unwrap() < html.find("id=\"alerts\"").unwrap(), "the day comes first");
    assert_eq!(text_of(&html, "schedule-missed-title"), "Termin minął, brak wpisu");
    assert_eq!(text_of(&html, "schedule-week-title"), "Najbliższy tydzień (do 30.11.2026)");
    assert!(html.contains("Szkoła syna"), "{html}");
    assert_eq!(text_of(&html, "schedule-later"), "Później jeszcze 2 wizyty.");
    assert!(!has_id(&html, "schedule-none"));
}

#[test]
fn an_empty_schedule_says_so_and_counts_later_visits_in_polish() {
    let html = view(move || HomeState {
        scheduled: loaded(vec![scheduled(5, "Lisowie", "2026-12-15", "08:00", "")]),
        ..HomeState::default()
    });
    assert_eq!(text_of(&html, "schedule-none"), "Na najbliższy tydzień nie zaplanowano wizyt.");
    assert_eq!(text_of(&html, "schedule-later"), "Później jeszcze 1 wizyta.");
    let five = (0..5).map(|n| scheduled(n, "Lisowie", "2026-12-15", "08:00", "")).collect::<Vec<_>>();
    let html = view(move || HomeState { scheduled: loaded(five), ..HomeState::default() });
    assert_eq!(text_of(&html, "schedule-later"), "Później jeszcze 5 wizyt.");
}
