//! The home screen: what needs attention when the workspace opens. Alerts
//! for a family not visited for too long, one never visited and a plan
//! action past its deadline; the planned contacts; the days since each
//! family's last visit; and an unfinished visit entry that leads back to
//! its family.
//!
//! Dates are relative to today on this machine's clock, as the app reads it.

use crate::fixtures::{family, prepare_store, unlock};
use crate::support::{App, Desktop};
use asysta_core::plan::{ActionStatus, Actor, NewPlanVersion, PlanAction, PlanGoal};
use asysta_core::record::CaseDetails;
use asysta_core::visit::{ContactForm, Place, Visit, VisitDraft, VisitForm};
use asysta_core::EntityId;
use chrono::{Days, NaiveDate, NaiveTime};
use std::path::Path;

#[allow(clippy::disallowed_methods)] // the app reads the same local clock
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn days_ago(days: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(days)).unwrap()
}

fn id(n: u8) -> EntityId {
    format!("00000000-0000-0000-0000-0000000000{n:02}").parse().unwrap()
}

fn visit_on(date: NaiveDate, next_planned: Option<NaiveDate>) -> Visit {
    Visit {
        date,
        start: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        end: NaiveTime::from_hms_opt(11, 0, 0).unwrap(),
        place: Place::Home,
        form: ContactForm::HomeVisit,
        participants: Vec::new(),
        other_participants: String::new(),
        areas: Vec::new(),
        actions_worked: Vec::new(),
        notes: "Rozmowa o planie tygodnia.".into(),
        next_planned,
        intervention: None,
        planned: None,
        purpose: None,
        travel: None,
    }
}

/// Four active families: the Kowalscy last visited 20 days ago with a
/// contact planned in 3 days; the Nowakowie, whose work began 30 days ago,
/// never visited; the Zającowie, taken on today, not visited yet (too soon
/// for an alert); the Wiśniewscy visited yesterday, with an action 5 days
/// past its deadline and a visit entry begun.
fn prepare(dir: &Path) {
    let mut store = prepare_store(dir, &[]);
    let address = "ul. Polna 1, Łódź";
    let kowalscy = store.add_family(&family("Kowalscy", address)).unwrap();
    let nowakowie = store.add_family(&family("Nowakowie", address)).unwrap();
    store.set_case_details(nowakowie, CaseDetails { start_date: Some(days_ago(30)), ..Default::default() }).unwrap();
    store.add_family(&family("Zającowie", address)).unwrap();
    let wisniewscy = store.add_family(&family("Wiśniewscy", address)).unwrap();

    store.record_visit(kowalscy, visit_on(days_ago(20), today().checked_add_days(Days::new(3)))).unwrap();
    store.record_visit(wisniewscy, visit_on(days_ago(1), None)).unwrap();
    let action = PlanAction {
        id: id(2),
        what: "Złożenie wniosku o dodatek mieszkaniowy".into(),
        who: Actor::Assistant,
        deadline: Some(days_ago(5)),
        expected_effect: "Rodzina otrzymuje dodatek".into(),
        status: ActionStatus::InProgress,
    };
    let goal =
        PlanGoal { id: id(1), area: "housing".into(), goal: "Utrzymanie mieszkania".into(), actions: vec![action] };
    let plan = NewPlanVersion { agreed_with_family_on: Some(days_ago(30)), consultation: None, goals: vec![goal] };
    store.save_plan_version(wisniewscy, plan).unwrap();
    let form = VisitForm { notes: "Mama mówi, że".into(), ..VisitForm::default() };
    store.save_draft(&VisitDraft { family_id: wisniewscy, form, saved_at_ms: 1_795_000_000_000 }).unwrap();
}

/// The text of the list item of class `item` inside `part` that names
/// `family`.
fn item_of(app: &App<'_>, part: &str, item: &str, family: &str) -> String {
    let items = app.texts_when(&format!("{part} li.{item}"), 1);
    items.into_iter().find(|text| text.contains(family)).unwrap_or_else(|| panic!("{family} is not in {part}"))
}

#[test]
fn the_home_screen_shows_what_needs_attention() {
    let data = tempfile::tempdir().unwrap();
    prepare(data.path());
    let desktop = Desktop::start();
    let app = desktop.launch(data.path());
    unlock(&app);

    // Losing touch comes first; a family never visited is flagged too.
    app.texts_when("#alerts li.alert", 3);
    assert!(item_of(&app, "#alerts", "alert-no-visit", "Kowalscy").contains("Brak wizyty od 20 dni"));
    assert!(item_of(&app, "#alerts", "alert-no-visit", "Nowakowie").contains("Jeszcze żadnej wizyty"));
    let deadline = days_ago(5).format("%d.%m.%Y").to_string();
    let overdue = item_of(&app, "#alerts", "alert-overdue", "Wiśniewscy");
    assert!(
        overdue.contains(&format!("Złożenie wniosku o dodatek mieszkaniowy: 5 dni po terminie ({deadline})")),
        "{overdue}"
    );

    // The contact planned on the last visit, and days since each visit.
    let planned = item_of(&app, "#planned-visits", "planned", "Kowalscy");
    assert!(planned.contains(&today().checked_add_days(Days::new(3)).unwrap().format("%d.%m.%Y").to_string()));
    app.wait_for_text(".family-last-visit", "20 dni temu");
    app.wait_for_text(".family-last-visit", "wczoraj");
    app.wait_for_text(".family-last-visit", "brak wizyt");
    let alerts = app.texts_when("#alerts li.alert", 3).join("\n");
    assert!(!alerts.contains("Zającowie"), "a family taken on today is not overdue for a visit: {alerts}");
    app.assert_accessible("home screen with alerts, planned contacts and a draft");

    // The unfinished entry leads back to its family.
    assert!(item_of(&app, "#drafts", "draft", "Wiśniewscy").contains("zapisano"));
    app.click("#drafts .draft-family");
    app.find("#case");
    app.wait_for_text("#case-name", "Wiśniewscy");
    app.quit();
}
