//! Visits planned ahead in the window: the home screen shows the day, the
//! week and the missed ones; in the case a visit is planned (a bad one
//! refused in Polish), written up when it took place (it becomes a diary
//! entry and leaves the schedule), or cancelled.
//!
//! Dates are relative to today on this machine's clock, as the app reads it.

use crate::fixtures::{family, prepare_store, unlock};
use crate::support::Desktop;
use asysta_core::ops;
use asysta_core::visit::PlannedVisitForm;
use chrono::{Days, NaiveDate};

#[allow(clippy::disallowed_methods)] // the app reads the same local clock
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn plan(date: NaiveDate, time: &str, purpose: &str) -> PlannedVisitForm {
    PlannedVisitForm { date: date.to_string(), time: time.into(), purpose: purpose.into(), ..Default::default() }
}

#[test]
fn visits_are_planned_written_up_and_cancelled() {
    let data = tempfile::tempdir().unwrap();
    {
        let mut store = prepare_store(data.path(), &[]);
        let address = "ul. Polna 1, Łódź";
        let kowalscy = store.add_family(&family("Kowalscy", address)).unwrap();
        let nowakowie = store.add_family(&family("Nowakowie", address)).unwrap();
        let form = plan(today(), "16:00", "Szkoła syna");
        store.run(ops::PlanVisit { family_id: kowalscy, form }, today()).unwrap();
        // Planned four days ago for that day, and nothing written since.
        let past = today().checked_sub_days(Days::new(4)).unwrap();
        store.run(ops::PlanVisit { family_id: nowakowie, form: plan(past, "09:00", "") }, past).unwrap();
    }
    let desktop = Desktop::start();
    let app = desktop.launch(data.path());
    unlock(&app);

    // The day first, and what was missed.
    let day = app.texts_when("#schedule-today li.scheduled", 1);
    assert_eq!(day, ["16:00 — Kowalscy — dom rodziny — Szkoła syna"]);
    let missed = app.texts_when("#schedule-missed li.scheduled", 1);
    assert!(missed[0].contains("Nowakowie") && missed[0].contains("09:00"), "{missed:?}");
    assert!(app.find_all("#schedule-week").is_empty(), "nothing more this week");
    app.assert_accessible("home screen with the day's schedule and a missed visit");

    // In the case: plan one more; a visit without its time is refused.
    app.click("#schedule-today .scheduled-family");
    app.wait_for_text("#case-name", "Kowalscy");
    assert_eq!(app.texts_when("#planned-case-list li.planned-visit", 1).len(), 1);
    app.click("#plan-visit-new");
    app.find("#plan-visit-form");
    let in_three_days = today().checked_add_days(Days::new(3)).unwrap();
    app.fill("#plan_visit_date", &in_three_days.format("%d.%m.%Y").to_string());
    app.fill("#plan_visit_purpose", "Rozmowa z pedagogiem");
    app.click("#plan-visit-submit");
    app.wait_for_text("#error-plan_visit_time", "To pole jest wymagane.");
    app.set_value("#plan_visit_time", "09:30");
    app.assert_accessible("the plan form with an error");
    app.click("#plan-visit-submit");
    app.wait_for_text("#planned-case-status", "Wizyta zaplanowana.");
    let listed = app.texts_when("#planned-case-list li.planned-visit", 2);
    assert!(listed[1].contains("09:30") && listed[1].contains("Rozmowa z pedagogiem"), "{listed:?}");

    // Today's took place: its entry is written from the plan.
    app.click("#planned-case-list li.planned-visit .planned-record");
    app.wait_for_text("#visit-form-title", "Wpis z zaplanowanej wizyty");
    app.wait_for_text("#visit-planned-purpose", "Cel wizyty: Szkoła syna");
    assert_eq!(app.value("#visit_start"), "16:00");
    app.fill("#visit_notes", "Rozmowa z wychowawczynią o frekwencji syna.");
    app.click("#visit-submit");
    app.wait_for_text("#visit-status", "Zapisano wpis w dzienniku.");
    let entries = app.texts_when("#visits .visit-entry", 1);
    assert!(entries[0].contains("Rozmowa z wychowawczynią o frekwencji syna."), "{entries:?}");
    let left = app.texts_when("#planned-case-list li.planned-visit", 1);
    assert_eq!(left.len(), 1, "the visit left the plan: {left:?}");
    assert!(left[0].contains("Rozmowa z pedagogiem"));

    // The other one is called off, after a confirmation.
    app.click(".planned-cancel");
    app.click(".planned-cancel-keep");
    app.click(".planned-cancel");
    app.click(".planned-cancel-confirm");
    app.wait_for_text("#planned-case-status", "Wizyta odwołana.");
    app.find("#planned-case-none");

    // Back home: only the missed one is left.
    app.click("#case-back");
    assert!(app.texts_when("#schedule-missed li.scheduled", 1)[0].contains("Nowakowie"));
    app.find("#schedule-none");
    assert!(app.find_all("#schedule-today").is_empty());
    app.quit();
}
