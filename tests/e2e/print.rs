//! Printing from the app: the plan's "Drukuj / zapisz PDF" writes a PDF
//! the person can find (here into the folder `ASYSTA_PRINT_DIR` names,
//! since WebDriver cannot drive the native save dialog), with the family
//! and the plan in it.

use crate::fixtures::{open_case, prepare_family_with_plan, unlock};
use crate::support::Desktop;
use std::process::Command;

#[test]
fn the_plan_prints_to_a_pdf_the_person_can_find() {
    let data = tempfile::tempdir().unwrap();
    let printed = tempfile::tempdir().unwrap();
    prepare_family_with_plan(data.path());

    let desktop = Desktop::start_with_env(&[("ASYSTA_PRINT_DIR", printed.path())]);
    let app = desktop.launch(data.path());
    unlock(&app);
    open_case(&app, "Wiśniewscy");
    app.find("#plan-version-number");
    app.click("#print-plan");
    let file = printed.path().join("plan-pracy.pdf");
    app.wait_for_text("#print-plan-status", &format!("Zapisano: {}", file.display()));
    assert!(file.exists(), "the PDF is where the app says");
    app.assert_accessible("plan after printing");

    let text = Command::new("pdftotext").arg(&file).arg("-").output().expect("pdftotext (poppler-utils) runs");
    let text = String::from_utf8(text.stdout).unwrap();
    for expected in ["PLAN PRACY", "Wiśniewscy", "Złożyć wniosek o dodatek", "Strona 1 z 1"] {
        assert!(text.contains(expected), "{expected:?} not in the printed plan:\n{text}");
    }

    // A second print does not overwrite the first.
    app.click("#print-plan");
    let second = printed.path().join("plan-pracy-2.pdf");
    app.wait_for_text("#print-plan-status", &format!("Zapisano: {}", second.display()));
    assert!(second.exists() && file.exists());
    app.quit();
}
