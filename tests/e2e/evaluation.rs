//! Periodic evaluations: a new one starts prefilled from the work plan, is
//! refused incomplete next to its fields, kept as a draft, reopened,
//! completed and submitted to the head of the centre; then it is read-only
//! and a correction is its next version. At a centre the head of the centre
//! accepts a submitted evaluation or returns it with a note.

use crate::fixtures::{
    active, choose, family, open_case, open_store, prepare_centre, prepare_family_with_plan, prepare_store,
    send_to_the_centre, unlock,
};
use crate::support::Desktop;
use asysta_core::evaluation::{EvaluationForm, EvaluationStatus};
use chrono::NaiveDate;

#[allow(clippy::disallowed_methods)] // the app reads the same local clock
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The date a date field shows, typed the Polish way (`dd.mm.rrrr`) or,
/// in the WebView's own date input, as its ISO value.
fn shown_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%d.%m.%Y").or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d")).ok()
}

#[test]
fn an_evaluation_is_prefilled_kept_as_a_draft_and_submitted() {
    let data = tempfile::tempdir().unwrap();
    let family = prepare_family_with_plan(data.path());
    let desktop = Desktop::start();
    let app = desktop.launch(data.path());
    unlock(&app);
    open_case(&app, "Wiśniewscy");
    app.find("#evaluations-empty");

    // A new evaluation starts from the plan in force: its area and its goal
    // with the state of each action.
    app.click("#evaluation-new");
    app.find("#evaluation-form");
    assert_eq!(shown_date(&app.value("#evaluation_period_to")), Some(today()), "the period ends today");
    app.wait_for_text("#evaluation-form .evaluation-area-name", "Sytuacja mieszkaniowa");
    app.wait_for_text("#evaluation-form .evaluation-goal-text", "Rodzina nie ma zaległości w czynszu");
    let goal = app.value("#evaluation_goals_0__comment");
    assert!(goal.contains("Złożyć wniosek o dodatek mieszkaniowy — zaplanowane"), "{goal}");
    assert!(app.value("#evaluation_cooperation_comment").starts_with("Kontakty w okresie: 0"));
    app.assert_accessible("evaluation form");

    // Submitted incomplete, it is refused next to its fields; nothing is sent.
    app.click("#evaluation-submit");
    app.wait_for_text("#error-evaluation_areas_0__rating", "To pole jest wymagane.");
    app.wait_for_text("#error-evaluation_family_view", "To pole jest wymagane.");
    app.wait_for_text("#error-evaluation_cooperation", "To pole jest wymagane.");
    app.assert_accessible("evaluation form with errors");
    app.find("#evaluations-empty");

    // A draft may be incomplete.
    choose(&app, "#evaluation_areas_0__rating", "4");
    choose(&app, "#evaluation_goals_0__outcome", "partly");
    let view = "Rodzina uważa, że sytuacja mieszkaniowa się poprawia.";
    app.fill("#evaluation_family_view", view);
    app.click("#evaluation-save");
    app.wait_for_text("#evaluation-status", "Zapisano szkic oceny.");
    app.wait_for_text(".evaluation-status", "szkic");
    app.wait_until_gone("#evaluation-form");

    // Reopened, it has what was typed; completed, it is submitted.
    app.click(".evaluation-open");
    app.find("#evaluation-form");
    assert_eq!(app.value("#evaluation_areas_0__rating"), "4");
    assert_eq!(app.value("#evaluation_goals_0__outcome"), "partly");
    assert_eq!(app.value("#evaluation_family_view"), view);
    choose(&app, "#evaluation_cooperation", "good");
    choose(&app, "#evaluation_recommendation", "continue");
    app.fill("#evaluation_recommendation_note", "Kontynuować działania w obszarze mieszkaniowym.");
    app.click("#evaluation-submit");
    app.wait_for_text("#evaluation-status", "Złożono ocenę do kierownika.");
    app.wait_for_text(".evaluation-status", "złożona");
    assert_eq!(app.find_all("li.evaluation").len(), 1, "the draft itself was submitted");
    app.assert_accessible("case with a submitted evaluation");

    // A submitted evaluation is only read.
    app.click(".evaluation-open");
    app.find("#evaluation-read-only");
    app.find("#evaluation_family_view:disabled");
    app.find("#evaluation_areas_0__rating:disabled");
    assert!(app.find_all("#evaluation-submit").is_empty() && app.find_all("#evaluation-save").is_empty());
    assert_eq!(app.value("#evaluation_family_view"), view);
    app.assert_accessible("submitted evaluation, read only");

    // A correction is its next version, a draft again.
    app.click(".evaluation-correct");
    app.wait_for_text("#evaluation-form-title", "Ocena, wersja 2 (szkic)");
    app.wait_for_text(".evaluation-corrected-by", "poprawiona wersją 2");
    assert_eq!(app.value("#evaluation_family_view"), view, "it starts from the submitted content");
    app.quit();

    let store = open_store(data.path());
    let evaluations = store.evaluations(family.family_id).unwrap();
    let statuses: Vec<EvaluationStatus> = evaluations.iter().map(|e| e.status).collect();
    assert_eq!(statuses, [EvaluationStatus::Submitted, EvaluationStatus::Draft]);
    assert_eq!(evaluations[0].evaluation.areas[0].rating, Some(4));
    assert_eq!(evaluations[1].corrects, Some(evaluations[0].id));
}

#[test]
fn at_a_centre_a_submitted_evaluation_is_returned_with_a_note() {
    let data = tempfile::tempdir().unwrap();
    let laptop_dir = tempfile::tempdir().unwrap();
    let mut centre = prepare_centre(data.path(), "Ewa Kierownik");
    // The assistant's laptop takes the family on and submits the evaluation.
    let mut laptop = prepare_store(laptop_dir.path(), &[active(family("Kowalscy", "ul. Długa 4, Łódź"), Vec::new())]);
    let family_id = laptop.list_families().unwrap()[0].id;
    let form = EvaluationForm {
        period_from: today().to_string(),
        period_to: today().to_string(),
        family_view: "Rodzina widzi poprawę.".into(),
        cooperation: "partial".into(),
        recommendation: "continue".into(),
        ..EvaluationForm::default()
    };
    laptop.submit_evaluation(family_id, None, &form, today()).unwrap();
    send_to_the_centre(&mut laptop, &mut centre, &laptop_dir.path().join("outbox"));
    drop((centre, laptop));

    let desktop = Desktop::start();
    let app = desktop.launch(data.path());
    unlock(&app);
    open_case(&app, "Kowalscy");
    app.wait_for_text(".evaluation-status", "złożona");
    assert!(app.find_all("#evaluation-new").is_empty(), "a centre does not write evaluations");
    assert!(app.find_all(".evaluation-correct").is_empty());
    app.assert_accessible("case at a centre");

    // The head of the centre reads it and returns it; a return needs a note.
    app.click(".evaluation-open");
    app.find("#evaluation_family_view:disabled");
    app.click("#evaluation-return");
    app.wait_for_text("#error-evaluation_note", "To pole jest wymagane.");
    app.assert_accessible("centre's decision on an evaluation, with an error");
    app.fill("#evaluation_note", "Proszę opisać zagrożenia dla dzieci.");
    app.click("#evaluation-return");
    app.wait_for_text("#evaluation-status", "Zwrócono ocenę z uwagą.");
    app.wait_for_text(".evaluation-status", "zwrócona");
    app.wait_for_text(".evaluation-decision-note", "Uwaga kierownika: Proszę opisać zagrożenia dla dzieci.");
    app.assert_accessible("returned evaluation");
    app.quit();
}
