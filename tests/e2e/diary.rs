//! The visit diary: a visit records work on the plan's actions, and the
//! entry being typed survives the app being killed.

use crate::fixtures::{choose, open_case, open_store, prepare_family_with_plan, unlock};
use crate::support::{App, Desktop};
use asysta_core::plan::ActionStatus;
use asysta_core::visit::ContactForm;

/// Opens the form of a new diary entry.
fn new_visit(app: &App<'_>) {
    app.click("#visit-new");
    app.find("#visit-form");
}

/// The start and end of a visit. Time inputs take keyboard entry in the
/// WebView's locale (12-hour in the test's WebView), so the value is set
/// as typing would leave it.
fn fill_times(app: &App<'_>, start: &str, end: &str) {
    app.set_value("#visit_start", start);
    app.set_value("#visit_end", end);
}

#[test]
fn a_visit_records_work_on_plan_actions() {
    let data = tempfile::tempdir().unwrap();
    let family = prepare_family_with_plan(data.path());
    let [anna, _] = family.member_ids;
    let [application, _] = family.action_ids;
    let note = "Wniosek o dodatek złożony w MOPS, decyzja za miesiąc.";

    let desktop = Desktop::start();
    let app = desktop.launch(data.path());
    unlock(&app);
    open_case(&app, "Wiśniewscy");
    app.find("#visits-empty");
    new_visit(&app);
    fill_times(&app, "09:30", "11:00");
    choose(&app, "#visit_form", "accompanying");
    choose(&app, "#visit_place", "office");
    app.click(&format!("#visit-participant-{anna}"));
    app.click(&format!("#visit-action-{application}"));
    app.fill("#visit_actions_worked_0__note", note);
    choose(&app, "#visit_actions_worked_0__status", "done");
    app.fill("#visit_notes", "Pani Anna sama wypełniła wniosek; omówiłyśmy budżet na marzec.");
    // The journey, reimbursed by the centre.
    app.fill("#visit_travel_km", "12,5");
    choose(&app, "#visit_travel_means", "own_car");
    app.assert_accessible("visit form with work on an action");
    app.click("#visit-submit");

    app.wait_for_text("#visit-status", "Zapisano wpis w dzienniku.");
    assert!(app.find_all("#visit-form").is_empty(), "the form closes");
    assert_eq!(app.texts_when("#visits .visit-entry", 1).len(), 1);
    app.wait_for_text(".visit-entry .visit-time", "09:30–11:00");
    app.wait_for_text(".visit-entry .visit-duration", "90 min");
    app.wait_for_text(".visit-entry .visit-form", "towarzyszenie w instytucji");
    app.wait_for_text(".visit-entry .visit-participants dd", "Anna Wiśniewska");
    app.wait_for_text(".visit-entry .visit-action-what", "Złożyć wniosek o dodatek mieszkaniowy");
    app.wait_for_text(".visit-entry .visit-action-note", note);
    app.wait_for_text(".visit-entry .visit-action-status", "zrealizowane");
    app.assert_accessible("diary with an entry");

    // A typo is corrected; the entry is replaced, its first wording kept in the log.
    app.click(".visit-entry .visit-correct");
    app.wait_for_text("#visit-form-title", "Poprawa wpisu w dzienniku");
    app.assert_accessible("visit form correcting an entry");
    assert_eq!(app.value("#visit_notes"), "Pani Anna sama wypełniła wniosek; omówiłyśmy budżet na marzec.");
    app.fill("#visit_notes", "Pani Anna sama wypełniła wniosek; omówiłyśmy budżet na kwiecień.");
    app.click("#visit-submit");
    app.wait_for_text(".visit-entry .visit-notes", "Pani Anna sama wypełniła wniosek; omówiłyśmy budżet na kwiecień.");
    assert_eq!(app.texts_when("#visits .visit-entry", 1).len(), 1, "corrected, not added");
    app.quit();

    let store = open_store(data.path());
    let case = store.family_case(family.family_id).expect("the case");
    assert_eq!(case.visits.len(), 1);
    let visit = &case.visits[0].visit;
    assert_eq!((visit.form, visit.participants.as_slice()), (ContactForm::Accompanying, &[anna][..]));
    assert_eq!(visit.duration_minutes(), 90);
    let travel = visit.travel.as_ref().expect("the journey");
    assert_eq!((travel.km_tenths, travel.means), (125, asysta_core::visit::TravelMeans::OwnCar));
    let progress: Vec<_> = case.progress_notes.iter().map(|n| (n.action_id, n.note.as_str(), n.status)).collect();
    assert_eq!(progress, [(application, note, Some(ActionStatus::Done))]);
    assert!(store.drafts().expect("drafts").is_empty(), "recording discards the draft");
    assert!(visit.notes.ends_with("budżet na kwiecień."), "{}", visit.notes);
    let kinds: Vec<_> = store.history(case.visits[0].id).expect("history").iter().map(|e| e.change.kind()).collect();
    assert_eq!(kinds, ["visit.recorded", "visit.updated"]);
}

#[test]
fn a_draft_survives_killing_the_app() {
    let data = tempfile::tempdir().unwrap();
    prepare_family_with_plan(data.path());
    let notes = "Rozmowa z panią Anną o szkole Zosi. Umówiłyśmy wizytę u pedagoga";

    let desktop = Desktop::start();
    let app = desktop.launch(data.path());
    unlock(&app);
    open_case(&app, "Wiśniewscy");
    new_visit(&app);
    fill_times(&app, "16:00", "17:15");
    app.fill("#visit_notes", notes);
    // Typing stops: the draft is saved after a short pause, without the
    // focus leaving the notes.
    app.find("#visit-draft-status .visit-draft-saved");
    app.kill();

    let app = desktop.launch(data.path());
    unlock(&app);
    open_case(&app, "Wiśniewscy");
    app.find("#visit-form");
    app.wait_for_text("#visit-draft-restored", "Przywrócono niezapisany szkic wpisu.");
    app.assert_accessible("visit form with a restored draft");
    assert_eq!(app.value("#visit_notes"), notes);
    assert_eq!(app.value("#visit_start"), "16:00");
    assert_eq!(app.value("#visit_end"), "17:15");

    // Cancel keeps the draft; discarding it empties the next entry.
    app.click("#visit-cancel");
    new_visit(&app);
    assert_eq!(app.value("#visit_notes"), notes);
    app.click("#visit-discard");
    app.find("#visit-new");
    new_visit(&app);
    assert_eq!(app.value("#visit_notes"), "");
    app.quit();

    assert!(open_store(data.path()).drafts().expect("drafts").is_empty(), "the draft was discarded");
}
