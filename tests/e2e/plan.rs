//! The work plan: draw up the first version with the family, revise it,
//! read the earlier version again and see what changed between the two.

use crate::fixtures::{active, choose, family, fill_date, open_case, prepare_store, unlock};
use crate::support::Desktop;
use asysta_core::member::{MemberDetails, Relation};

#[test]
fn a_plan_is_drawn_up_revised_and_compared() {
    let data = tempfile::tempdir().unwrap();
    let members = vec![
        MemberDetails { relation: Relation::Parent, ..MemberDetails::named("Anna", "Wiśniewska") },
        MemberDetails { relation: Relation::Child, ..MemberDetails::named("Zofia", "Wiśniewska") },
    ];
    let store = prepare_store(data.path(), &[active(family("Wiśniewscy", "ul. Polna 3, 90-001 Łódź"), members)]);
    let family_id = store.list_families().unwrap()[0].id;
    let anna = store.family_case(family_id).unwrap().members[0].id.to_string();
    drop(store);

    let desktop = Desktop::start();
    let app = desktop.launch(data.path());
    unlock(&app);
    open_case(&app, "Wiśniewscy");
    app.find("#plan-empty");
    app.assert_accessible("case without a plan");

    // A first plan sent empty is refused field by field, in Polish.
    app.click("#plan-new-version");
    app.find("#plan-form");
    app.click("#plan-submit");
    app.wait_for_text("#error-plan_goals_0__area", "To pole jest wymagane.");
    app.wait_for_text("#error-plan_goals_0__actions_0__what", "To pole jest wymagane.");
    app.assert_accessible("plan form with errors");

    // Version 1: one goal, one action carried out by the mother.
    choose(&app, "#plan_goals_0__area", "housing");
    app.fill("#plan_goals_0__goal", "Utrzymanie mieszkania");
    app.fill("#plan_goals_0__actions_0__what", "Wniosek o dodatek mieszkaniowy");
    choose(&app, "#plan_goals_0__actions_0__who", "member");
    choose(&app, "#plan_goals_0__actions_0__who_member_id", &anna);
    fill_date(&app, "#plan_goals_0__actions_0__deadline", "03", "2027");
    app.fill("#plan_goals_0__actions_0__expected_effect", "Dodatek przyznany");
    app.click("#plan-submit");
    app.wait_for_text("#plan-status", "Zapisano wersję 1 planu.");
    app.wait_for_text("#plan-version-number", "Wersja 1");
    app.wait_for_text(".plan-goal-area", "Sytuacja mieszkaniowa");
    app.wait_for_text(".plan-action-who", "Anna Wiśniewska");
    app.wait_for_text(".plan-action-deadline", "03.03.2027");
    app.assert_accessible("plan version");

    // Version 2: the deadline and the expected effect change, an action is added.
    app.click("#plan-new-version");
    assert_eq!(app.value("#plan_goals_0__actions_0__what"), "Wniosek o dodatek mieszkaniowy", "starts from v1");
    app.set_value("#plan_goals_0__actions_0__deadline", "2027-04-04");
    app.fill("#plan_goals_0__actions_0__expected_effect", "Dodatek przyznany na 6 miesięcy");
    // Removing an action moves the ones after it up, their choices with them.
    app.click("#plan-add-action-0");
    choose(&app, "#plan_goals_0__actions_1__who", "assistant");
    app.click("#plan-add-action-0");
    choose(&app, "#plan_goals_0__actions_2__who", "institution");
    app.click("#plan-remove-action-0-1");
    assert_eq!(app.value("#plan_goals_0__actions_1__who"), "institution");
    app.find("#plan_goals_0__actions_1__who_institution");
    app.click("#plan-remove-action-0-1");
    assert!(app.find_all("#plan_goals_0__actions_1__what").is_empty());
    app.click("#plan-add-action-0");
    assert_eq!(app.value("#plan_goals_0__actions_1__who"), "", "a new action starts unchosen");
    app.assert_accessible("plan form of a new version");
    app.fill("#plan_goals_0__actions_1__what", "Rozmowa z zarządcą budynku");
    choose(&app, "#plan_goals_0__actions_1__who", "assistant");
    app.fill("#plan_goals_0__actions_1__expected_effect", "Ugoda w sprawie zaległości");
    app.click("#plan-submit");
    app.wait_for_text("#plan-status", "Zapisano wersję 2 planu.");
    app.wait_for_text("#plan-version-number", "Wersja 2");
    app.wait_for_text(".plan-action-what", "Rozmowa z zarządcą budynku");

    // The earlier version stays readable.
    choose(&app, "#plan-version-select", "1");
    app.wait_for_text("#plan-version-number", "Wersja 1");
    app.find("#plan-earlier");
    app.wait_for_text(".plan-action-deadline", "03.03.2027");
    assert!(!app.page_text().contains("Rozmowa z zarządcą budynku"), "version 1 has no second action");
    app.assert_accessible("earlier plan version");

    // The comparison says what changed, with old and new values.
    app.click("#plan-compare");
    app.wait_for_text("#plan-diff h4", "Zmiany od wersji 1 do wersji 2");
    let entries = app.texts_when("#plan-diff .plan-diff-entry", 2);
    let changed = &entries[0];
    assert!(changed.starts_with("Zmieniono działanie: Wniosek o dodatek mieszkaniowy"), "{entries:?}");
    assert!(changed.contains("Termin: 03.03.2027 → 04.04.2027"), "{changed}");
    assert!(changed.contains("Oczekiwany efekt: Dodatek przyznany → Dodatek przyznany na 6 miesięcy"), "{changed}");
    assert_eq!(entries[1], "Dodano działanie: Rozmowa z zarządcą budynku");
    app.assert_accessible("plan comparison");
    app.click("#plan-compare-close");
    app.find("#plan-version");
    app.quit();
}
