//! The foundation's vertical slice: create a workspace, add families,
//! restart, unlock, and find them again.

use crate::support::Desktop;

const PASSPHRASE: &str = "zielony rower nad Wisłą 7";

#[test]
fn a_family_added_before_a_restart_is_there_after_unlocking() {
    let data = tempfile::tempdir().unwrap();
    let desktop = Desktop::start();

    let app = desktop.launch(data.path());
    app.find("#setup-form");
    app.assert_accessible("setup screen");
    app.fill("#assistant_name", "Anna Łęcka");
    app.fill("#centre_name", "MOPS Łódź");
    app.fill("#passphrase", "krótkie");
    app.wait_for_text("#passphrase-strength", "Siła hasła: za krótkie");
    app.fill("#passphrase", PASSPHRASE);
    app.wait_for_text("#passphrase-strength", "Siła hasła: silne");
    app.fill("#passphrase_repeat", "inne hasło niż pierwsze");
    app.click("#setup-submit");
    app.wait_for_text("#error-passphrase_repeat", "Hasła nie są takie same.");
    app.assert_accessible("setup screen with an error");
    app.fill("#passphrase_repeat", PASSPHRASE);
    app.click("#setup-submit");
    app.find("#families");
    app.wait_for_text("#family-count", "0 rodzin");
    app.assert_accessible("home screen of a new workspace");

    // An empty form is refused next to its fields, in Polish.
    app.click("#family-submit");
    app.wait_for_text("#error-name", "To pole jest wymagane.");
    app.wait_for_text("#error-address", "To pole jest wymagane.");
    app.assert_accessible("add-family form with errors");

    for (name, first) in [("Łoś", "Jan"), ("Lis", "Ewa"), ("Żak", "Iga"), ("Zając", "Olaf")] {
        app.fill("#name", name);
        app.fill("#address", "ul. Długa 5/2, 90-001 Łódź");
        app.fill("#first_member_first_name", first);
        app.click("#family-submit");
        app.wait_for_text(".family-name", name);
    }
    app.wait_for_text("#family-count", "4 rodziny");
    assert_eq!(app.texts_when(".family-name", 4), ["Lis", "Łoś", "Zając", "Żak"]);
    app.quit();

    let workspace = data.path().join("workspace");
    assert!(workspace.join("asysta.db").exists() && workspace.join("asysta.key").exists());

    let app = desktop.launch(data.path());
    app.find("#unlock-form");
    app.fill("#unlock-passphrase", "złe hasło 123456");
    app.click("#unlock-submit");
    app.wait_for_text("#unlock-error", "Nieprawidłowe hasło");
    app.assert_accessible("unlock screen with an error");
    app.fill("#unlock-passphrase", PASSPHRASE);
    app.click("#unlock-submit");
    app.find("#families");
    assert_eq!(app.texts_when(".family-name", 4), ["Lis", "Łoś", "Zając", "Żak"]);
    app.assert_accessible("family list");

    // The record's history (its audit trail) is one click away.
    app.click(".family-row .family-history");
    app.find("#history");
    let entries = app.texts_when(".history-entry", 1);
    assert!(entries[0].contains("Założono kartę rodziny") && entries[0].contains("Anna Łęcka"), "{entries:?}");
    app.assert_accessible("family's history");
    app.click("#history-close");

    // English is one click away too, with English plurals.
    app.click("#language-switch");
    app.wait_for_text("#family-count", "4 families");
    app.assert_accessible("family list in English");
    app.quit();
}
