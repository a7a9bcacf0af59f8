//! The app locks itself after the centre's period without use: the case
//! disappears behind the unlock form, the store is closed, and unlocking
//! brings the screen back with what was typed. Dates and times are typed
//! day first and on a 24-hour clock, whatever the system's language.
//!
//! The shortest period a centre can set is one minute, so this test waits
//! about a minute. (The UI's local-storage hook `asysta-lock-seconds`, see
//! `ui/src/idle.rs`, would shorten it, but the harness has no way yet to
//! run a script of the test's own in the page.)

use crate::fixtures::{from_the_centre, open_case, open_store, prepare_family_with_plan, unlock, PASSPHRASE};
use crate::support::{App, Desktop};
use asysta_store::Periods;
use chrono::{Days, NaiveDate, NaiveTime};
use std::time::{Duration, Instant};

#[allow(clippy::disallowed_methods)] // the app reads the same local clock
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Waits until the unlock form is shown over the screen, for longer than a
/// minute; returns how long it took.
#[track_caller]
fn wait_for_lock(app: &App<'_>) -> Duration {
    let started = Instant::now();
    while app.find_all("#unlock-form").is_empty() {
        assert!(started.elapsed() < Duration::from_secs(120), "the app never locked; page text: {}", app.page_text());
        std::thread::sleep(Duration::from_millis(250));
    }
    started.elapsed()
}

/// Unlocks the form shown over the screen and waits for the screen.
fn unlock_over(app: &App<'_>) {
    app.fill("#unlock-passphrase", PASSPHRASE);
    app.click("#unlock-submit");
    app.wait_until_gone("#unlock-form");
}

#[test]
fn an_unused_app_locks_and_unlocking_brings_back_what_was_typed() {
    let data = tempfile::tempdir().unwrap();
    let family = prepare_family_with_plan(data.path());
    let centre = tempfile::tempdir().unwrap();
    from_the_centre(data.path(), centre.path(), |centre| {
        let periods = centre.periods().expect("the periods");
        centre.set_periods(Periods { lock_minutes: 1, ..periods }).expect("the lock period is set");
    });
    let [anna, _] = family.member_ids;
    let day = today().checked_sub_days(Days::new(1)).unwrap();
    let notes = "Rozmowa z panią Anną o szkole Zosi; umówiłyśmy wizytę u pedagoga";

    let desktop = Desktop::start();
    let app = desktop.launch(data.path());
    unlock(&app);
    open_case(&app, "Wiśniewscy");
    app.click("#visit-new");
    app.find("#visit-form");

    // A new entry is dated today, shown day first; a date typed the Polish
    // way without leading zeros and times on a 24-hour clock are shown in
    // full once the field is left.
    assert_eq!(app.value("#visit_date"), today().format("%d.%m.%Y").to_string());
    app.fill("#visit_date", &day.format("%-d.%-m.%Y").to_string());
    app.fill("#visit_start", "9:05");
    app.fill("#visit_end", "10:30");
    app.click(&format!("#visit-participant-{anna}"));
    assert_eq!(app.value("#visit_date"), day.format("%d.%m.%Y").to_string());
    assert_eq!(app.value("#visit_start"), "09:05");

    // Typing stops; a minute later the app locks itself.
    app.fill("#visit_notes", notes);
    let waited = wait_for_lock(&app);
    assert!(waited > Duration::from_secs(45), "locked after {waited:?}, before a minute without use");
    app.wait_for_text("#lock-reason", "Zablokowano po 1 minucie bez używania.");
    app.assert_accessible("unlock form over a locked screen");
    let shown = app.page_text();
    for secret in ["Wiśniewscy", "Anna Wiśniewska", notes] {
        assert!(!shown.contains(secret), "{secret:?} is visible while locked: {shown}");
    }
    // The store was closed: a wrong passphrase is refused.
    app.fill("#unlock-passphrase", "złe hasło 123456");
    app.click("#unlock-submit");
    app.wait_for_text("#unlock-error", "Nieprawidłowe hasło");
    unlock_over(&app);
    app.wait_for_text("#case-name", "Wiśniewscy");
    assert_eq!(app.value("#visit_notes"), notes);
    assert_eq!(app.value("#visit_date"), day.format("%d.%m.%Y").to_string());
    assert_eq!(app.value("#visit_start"), "09:05");

    // The lock button keeps the screen the same way, without a reason.
    app.click("#lock");
    app.find("#unlock-form");
    assert!(app.find_all("#lock-reason").is_empty());
    assert!(!app.page_text().contains("Wiśniewscy"));
    unlock_over(&app);
    assert_eq!(app.value("#visit_notes"), notes);

    // The entry is recorded with the typed date and times.
    app.click("#visit-submit");
    app.wait_for_text("#visit-status", "Zapisano wpis w dzienniku.");
    app.quit();

    let store = open_store(data.path());
    let case = store.family_case(family.family_id).expect("the case");
    let visit = &case.visits[0].visit;
    assert_eq!((visit.date, visit.start, visit.end), (day, time("09:05"), time("10:30")));
    assert_eq!(visit.notes, notes);
}

fn time(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}
