//! Backups in the window: the day's backup written after the first
//! unlock, one made on the sync screen, a second folder saved; then a new
//! computer's first-run screen restores one, refusing a bad file first,
//! and the restored workspace opens with its passphrase.

use crate::fixtures::{active, family, prepare, unlock, PASSPHRASE};
use crate::support::Desktop;

#[test]
fn the_sync_screen_backs_up_and_a_new_computer_restores_from_its_first_run_screen() {
    let data = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let new_computer = tempfile::tempdir().unwrap();
    prepare(data.path(), &[active(family("Kowalscy", "ul. Polna 1, Łódź"), Vec::new())]);
    let desktop = Desktop::start();

    let app = desktop.launch(data.path());
    unlock(&app);
    app.click("#open-sync");
    app.find("#backups");
    // The day's first unlock wrote a backup (in the background).
    app.wait_for_text("#backup-list .backup-reason", "codzienna");
    app.fill("#backup-folder", &stick.path().display().to_string());
    app.click("#backup-settings-submit");
    app.find("#backup-settings-saved");
    app.click("#backup-now");
    let made = app.text(&app.find("#backup-made"));
    assert!(made.starts_with("Zapisano i sprawdzono kopię: "), "{made}");
    let rows = app.texts_when("#backup-list .backup-state", 3);
    assert!(rows.iter().all(|r| r == "sprawdzona"), "{rows:?}");
    app.assert_accessible("sync screen with backups");
    let on_stick: Vec<_> = std::fs::read_dir(stick.path()).unwrap().flatten().map(|e| e.path()).collect();
    assert_eq!(on_stick.len(), 1, "{on_stick:?}");
    app.quit();

    // A new computer: a file that is not a backup is refused, the backup
    // from the stick restored, then unlocked with the old passphrase.
    let app = desktop.launch(new_computer.path());
    app.find("#restore-form");
    let not_a_backup = stick.path().join("notatki.txt");
    std::fs::write(&not_a_backup, "lista zakupów").unwrap();
    app.fill("#restore-file", &not_a_backup.display().to_string());
    app.click("#restore-submit");
    app.wait_for_text(
        "#restore-error",
        "To nie jest kopia zapasowa Asysty (albo jej początek jest uszkodzony). Nic nie zostało zmienione.",
    );
    app.assert_accessible("first-run screen with a refused backup");
    assert!(!new_computer.path().join("workspace").exists());
    app.fill("#restore-file", &on_stick[0].display().to_string());
    app.click("#restore-submit");
    app.find("#unlock-form");
    app.fill("#unlock-passphrase", PASSPHRASE);
    app.click("#unlock-submit");
    app.wait_for_text(".family-name", "Kowalscy");
    app.quit();
}
