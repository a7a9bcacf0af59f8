//! Opinions for the family court: a request is recorded (its signature
//! checked), the opinion opens with a Polish draft written from the case
//! without its notes, is saved, then approved as final after a confirmation
//! and locked; the home screen lists its due date meanwhile.

use crate::fixtures::{open_case, prepare_family_with_plan, unlock};
use crate::support::Desktop;
use chrono::{Days, NaiveDate};

#[allow(clippy::disallowed_methods)] // the app reads the same local clock
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[test]
fn a_court_opinion_is_drafted_saved_and_approved() {
    let data = tempfile::tempdir().unwrap();
    let family = prepare_family_with_plan(data.path());
    {
        let mut store = crate::fixtures::open_store(data.path());
        store.add_note(family.family_id, "Tajemnica rodzinna", true).unwrap();
    }
    let due = today().checked_add_days(Days::new(5)).unwrap();
    let desktop = Desktop::start();
    let app = desktop.launch(data.path());
    unlock(&app);
    open_case(&app, "Wiśniewscy");
    app.find("#opinions-empty");

    // The request: a signature not like "III Nsm 12/26" is refused.
    app.click("#opinion-new");
    app.find("#opinion-request-form");
    let received = app.value("#opinion_received_on");
    let shown = [today().format("%d.%m.%Y").to_string(), today().to_string()];
    assert!(shown.contains(&received), "received today by default, not {received}");
    app.fill("#opinion_court", "Sąd Rejonowy dla Łodzi-Śródmieścia, III Wydział Rodzinny i Nieletnich");
    app.fill("#opinion_case_signature", "12/26");
    app.set_value("#opinion_due_on", &due.to_string());
    app.click("#opinion-request-submit");
    app.wait_for_text("#error-opinion_case_signature", "Sygnatura w postaci „III Nsm 123/25”.");
    app.assert_accessible("court's request form with an error");
    app.fill("#opinion_case_signature", "III Nsm 12/26");
    app.click("#opinion-request-submit");
    app.wait_for_text("#opinion-status", "Zapisano zapytanie sądu.");
    app.wait_for_text(".opinion-status", "w przygotowaniu");
    app.wait_for_text(".opinion-signature", "sygn. III Nsm 12/26");

    // The opinion opens with a draft from the case, never its notes.
    app.click(".opinion-open");
    app.find("#opinion-draft-hint");
    let draft = app.value("#opinion-text");
    assert!(draft.starts_with("Opinia asystenta rodziny o rodzinie Wiśniewscy"), "{draft}");
    assert!(draft.contains("(sygn. akt III Nsm 12/26)") && draft.contains("– Anna Wiśniewska (rodzic)"), "{draft}");
    assert!(!draft.contains("Tajemnica"), "a restricted note reached the draft");
    app.assert_accessible("opinion editor");
    let text = format!("{draft}\n\nRodzina współpracuje z asystentem.");
    app.fill("#opinion-text", &text);
    app.click("#opinion-save");
    app.wait_for_text("#opinion-status", "Zapisano opinię.");

    // Approving the final version asks first; then it is locked.
    app.click("#opinion-finalize");
    app.find("#opinion-finalize-question");
    app.assert_accessible("opinion's approval question");
    app.click("#opinion-finalize-cancel");
    app.find("#opinion-save");
    app.click("#opinion-finalize");
    app.click("#opinion-finalize-confirm");
    let on = today().format("%d.%m.%Y").to_string();
    app.wait_for_text(".opinion-status", &format!("ostateczna {on}"));
    app.find("#opinion-finalized");
    assert!(app.find_all("#opinion-text").is_empty() && app.find_all("#opinion-save").is_empty());
    assert!(app.text(&app.find("#opinion-final-text")).contains("Rodzina współpracuje z asystentem."));
    app.assert_accessible("final opinion");

    app.quit();
}

/// kill -9 while an opinion is being written loses no typed word: the
/// text comes back from its draft; saving it discards the draft.
#[test]
fn an_opinion_being_written_survives_killing_the_app() {
    let data = tempfile::tempdir().unwrap();
    let family = prepare_family_with_plan(data.path());
    let opinion_id = {
        let mut store = crate::fixtures::open_store(data.path());
        let form = asysta_core::opinion::OpinionRequestForm {
            court: "Sąd Rejonowy dla Łodzi-Śródmieścia".into(),
            case_signature: "III Nsm 7/26".into(),
            received_on: today().to_string(),
            due_on: today().checked_add_days(Days::new(20)).unwrap().to_string(),
        };
        store.run(asysta_core::ops::RequestOpinion { family_id: family.family_id, form }, today()).unwrap()
    };
    let typed = "Opinia napisana do połowy: rodzina współpracuje, dzieci chodzą do szkoły";
    let desktop = Desktop::start();
    let app = desktop.launch(data.path());
    unlock(&app);
    open_case(&app, "Wiśniewscy");
    app.click(".opinion-open");
    app.fill("#opinion-text", typed);
    // Saved as a draft after the edit, without a click on "Zapisz": the
    // window says so, and the workspace holds the whole text (the saves
    // of the earlier keystrokes may still be on their way when the first
    // "saved" appears, so wait for the last one before the kill).
    app.find(".opinion-draft-saved");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let draft = crate::fixtures::open_store(data.path())
            .form_draft(asysta_core::api::DraftKind::Opinion, opinion_id)
            .unwrap();
        if draft.is_some_and(|d| d.form.as_str().or_else(|| d.form.get("text").and_then(|t| t.as_str())) == Some(typed))
        {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the typed text never reached the draft");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    app.kill();

    let app = desktop.launch(data.path());
    unlock(&app);
    open_case(&app, "Wiśniewscy");
    app.click(".opinion-open");
    app.find("#opinion-draft-restored");
    assert_eq!(app.value("#opinion-text"), typed);
    app.click("#opinion-save");
    app.wait_for_text("#opinion-status", "Zapisano opinię.");
    app.quit();
    let store = crate::fixtures::open_store(data.path());
    assert_eq!(store.opinion(opinion_id).unwrap().text, typed);
    let draft = store.form_draft(asysta_core::api::DraftKind::Opinion, opinion_id).unwrap();
    assert!(draft.is_none(), "the draft was discarded with the save");
}

#[test]
fn an_opinion_due_soon_is_on_the_home_screen() {
    let data = tempfile::tempdir().unwrap();
    let family = prepare_family_with_plan(data.path());
    let due = today().checked_add_days(Days::new(5)).unwrap();
    {
        let mut store = crate::fixtures::open_store(data.path());
        let request = asysta_core::opinion::OpinionRequest {
            court: "Sąd Rejonowy w Łodzi".into(),
            case_signature: "III Nsm 12/26".into(),
            received_on: today(),
            due_on: due,
        };
        store.request_opinion(family.family_id, request).unwrap();
    }
    let desktop = Desktop::start();
    let app = desktop.launch(data.path());
    unlock(&app);
    let items = app.texts_when("#due-list li.due-item", 1);
    let expected = format!("Opinia dla sądu (III Nsm 12/26) — Wiśniewscy — do {}", due.format("%d.%m.%Y"));
    assert!(items.contains(&expected), "{items:?}");
    app.assert_accessible("home screen with an opinion due");
    app.click("#due-list .due-family");
    app.find("#case");
    app.wait_for_text("#case-name", "Wiśniewscy");
    app.quit();
}
