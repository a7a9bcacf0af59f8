//! The centre steers, in two real windows one after the other, with
//! bundles carried between their workspaces as a USB stick would: a plan
//! version returned with a note, corrected, submitted again and approved,
//! with a comment answered on the way; and a family transferred from one
//! laptop to another (the banner and the unsent draft on the old laptop,
//! read-only there after its bundle, the whole file on the new one).
//!
//! The workspaces are prepared and the bundles carried through the store;
//! the windows do what people do on the case.

use crate::fixtures::{
    active, choose, family, open_case, open_store, prepare_centre, prepare_family_with_plan, prepare_store,
    send_to_the_centre, unlock, PASSPHRASE,
};
use crate::support::{App, Desktop};
use asysta_core::member::MemberDetails;
use asysta_core::ops;
use asysta_core::workspace::{Role, WorkspaceInfo};
use asysta_store::{ExportRequest, KdfParams, Passphrase, Store, SystemEnvironment};
use chrono::NaiveDate;
use serde_json::json;
use std::path::Path;

#[allow(clippy::disallowed_methods)] // the app reads the same local clock
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The centre's bundle for `laptop`, imported there (both closed after).
fn centre_to_laptop(centre_dir: &Path, laptop_dir: &Path, outbox: &Path) {
    let (mut centre, mut laptop) = (open_store(centre_dir), open_store(laptop_dir));
    let request = ExportRequest { device: Some(laptop.device_id()), ..Default::default() };
    let sent = centre.export_bundle(outbox, &request, &mut |_| {}).unwrap();
    laptop.import_bundle(&std::fs::read(&sent.path).unwrap(), &sent.file_name, None).expect("the laptop takes it");
}

/// The bundle at `path`, imported at the centre (a device it trusts).
fn import_at_the_centre(centre_dir: &Path, path: &Path) {
    let mut centre = open_store(centre_dir);
    let name = path.file_name().unwrap().to_string_lossy();
    centre.import_bundle(&std::fs::read(path).unwrap(), &name, None).expect("the centre takes it");
}

/// The laptop's bundle for its centre, imported there.
fn laptop_to_centre(laptop_dir: &Path, centre_dir: &Path, outbox: &Path) {
    let sent = open_store(laptop_dir).export_bundle(outbox, &ExportRequest::default(), &mut |_| {}).unwrap();
    import_at_the_centre(centre_dir, Path::new(&sent.path));
}

/// A thread's button, text box and submit button for the record `id`.
fn comment_on(app: &App<'_>, id: &str, text: &str) {
    app.fill(&format!("#comment-text-{id}"), text);
    app.click(&format!("#comment-submit-{id}"));
    app.wait_for_text(&format!("#comments-{id} .comment-text"), text);
}

#[test]
fn a_returned_plan_is_corrected_submitted_again_and_approved() {
    let dirs: Vec<_> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    let (laptop_dir, centre_dir, usb) = (dirs[0].path(), dirs[1].path(), dirs[2].path());
    let planned = prepare_family_with_plan(laptop_dir);
    let (family_id, action) = (planned.family_id, planned.action_ids[0].to_string());
    let mut laptop = open_store(laptop_dir);
    laptop.run(ops::SubmitPlan { family_id, version: 1 }, today()).unwrap();
    let mut centre = prepare_centre(centre_dir, "Maria Zięba");
    send_to_the_centre(&mut laptop, &mut centre, usb);
    drop((laptop, centre));

    let desktop = Desktop::start();
    // The centre returns version 1 (a note is required) and asks about an action.
    let app = desktop.launch(centre_dir);
    unlock(&app);
    open_case(&app, "Wiśniewscy");
    app.wait_for_text("#plan-approval-state", "czeka na decyzję");
    app.click("#plan-return");
    app.wait_for_text(
        "#error-plan-decision-note",
        "Napisz, co trzeba poprawić: przy zwrocie do poprawy uwagi są wymagane.",
    );
    app.assert_accessible("centre's case with a plan waiting for its decision, the note refused");
    app.fill("#plan-decision-note", "Dodać termin wniosku o dodatek");
    app.click("#plan-return");
    app.wait_for_text("#plan-approval-state", "zwrócony do poprawy");
    app.wait_for_text("#plan-approval-status", "Zwrócono wersję 1 planu do poprawy.");
    app.click(&format!("#comments-toggle-{action}"));
    comment_on(&app, &action, "Czy wniosek jest już złożony?");
    app.assert_accessible("centre's case with a returned plan and a comment");
    app.quit();
    centre_to_laptop(centre_dir, laptop_dir, usb);

    // The laptop sees the return on its home screen and on the case, answers
    // the comment, corrects the plan as version 2 and submits it.
    let app = desktop.launch(laptop_dir);
    unlock(&app);
    let decision = app.texts_when("#plan-decisions .plan-decision.returned", 1).remove(0);
    assert!(decision.contains("Wiśniewscy") && decision.contains("Dodać termin wniosku o dodatek"), "{decision}");
    app.assert_accessible("laptop's home with the centre's decision");
    open_case(&app, "Wiśniewscy");
    app.wait_for_text("#plan-approval-state", "zwrócony do poprawy");
    app.wait_for_text("#plan-approval-note", "Uwagi ośrodka: Dodać termin wniosku o dodatek");
    app.find("#plan-approval-returned-hint");
    app.wait_for_text("#case-unread-comments .badge", "W tej sprawie jest 1 nowy komentarz.");
    // The live region says it too (visually hidden, so read as the page holds it).
    let announced = app.execute("return document.querySelector('#case-announcement').textContent", json!([]));
    assert_eq!(announced, json!("W tej sprawie jest 1 nowy komentarz."));
    app.wait_for_text(&format!("#comments-{action} .comment-new"), "nowy");
    app.wait_for_text(&format!("#comments-{action} .comment-text"), "Czy wniosek jest już złożony?");
    app.assert_accessible("laptop's case with a returned plan and an unread comment");
    app.click(&format!("#comments-{action} .comment-reply"));
    app.find(&format!("#comments-{action} .comment-replying"));
    comment_on(&app, &action, "Tak, złożony 3 marca.");
    app.click("#plan-new-version");
    app.fill("#plan_goals_0__actions_0__expected_effect", "Dodatek przyznany od kwietnia");
    app.click("#plan-submit");
    app.wait_for_text("#plan-status", "Zapisano wersję 2 planu.");
    app.wait_for_text("#plan-approval-state", "nieprzekazany");
    app.wait_for_text("#plan-approval-previous", "Ośrodek zwrócił wersję 1 do poprawy: Dodać termin wniosku o dodatek");
    app.click("#plan-submit-approval");
    app.wait_for_text("#plan-approval-state", "czeka na decyzję");
    app.assert_accessible("laptop's case with a corrected plan submitted");
    app.quit();
    laptop_to_centre(laptop_dir, centre_dir, usb);

    // The centre reads the answer and approves version 2.
    let app = desktop.launch(centre_dir);
    unlock(&app);
    open_case(&app, "Wiśniewscy");
    app.wait_for_text("#plan-version-number", "Wersja 2");
    app.wait_for_text(&format!("#comments-{action} .comment-new"), "nowy");
    app.click("#plan-approve");
    app.wait_for_text("#plan-approval-state", "zatwierdzony");
    app.quit();
    centre_to_laptop(centre_dir, laptop_dir, usb);

    // The laptop sees "zatwierdzony".
    let app = desktop.launch(laptop_dir);
    unlock(&app);
    let decision = app.texts_when("#plan-decisions .plan-decision.approved", 1).remove(0);
    assert!(decision.contains("plan (wersja 2) zatwierdzony"), "{decision}");
    open_case(&app, "Wiśniewscy");
    app.wait_for_text("#plan-approval-state", "zatwierdzony");
    app.wait_for_text("#plan-approval-decided", &format!("Decyzja: Maria Zięba, {}.", today().format("%d.%m.%Y")));
    app.quit();
    let laptop = open_store(laptop_dir);
    assert_eq!(laptop.comments(Some(family_id)).unwrap().len(), 2);
    assert!(laptop.check().unwrap().ok);
}

/// The buttons and fields of the case a person could change it with, as
/// shown now: every visible, enabled control in the case's main part but
/// those that only read (back, history, printing, opening a thread or a
/// month, choosing what to read).
const EDITING_CONTROLS: &str = "
    const reading = ['case-back', 'case-history', 'plan-version-select', 'plan-compare'];
    const readingClasses = ['print-button', 'comments-toggle', 'diary-month-toggle', 'plan-notes-more',
        'evaluation-open', 'opinion-open'];
    const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    return [...document.querySelectorAll('main button, main input, main select, main textarea')]
        .filter((e) => shown(e) && !e.disabled && !e.closest('fieldset:disabled'))
        .filter((e) => !reading.includes(e.id) && !readingClasses.some((c) => e.classList.contains(c)))
        .map((e) => e.id || e.className || e.outerHTML.slice(0, 80));";

#[test]
fn a_family_is_transferred_from_one_laptop_to_another() {
    let dirs: Vec<_> = (0..5).map(|_| tempfile::tempdir().unwrap()).collect();
    let (centre_dir, anna_dir, ewa_dir, usb, stick) =
        (dirs[0].path(), dirs[1].path(), dirs[2].path(), dirs[3].path(), dirs[4].path());
    let mut centre = prepare_centre(centre_dir, "Maria Zięba");
    let mut anna =
        prepare_store(anna_dir, &[active(family("Kowal", "ul. Długa 4"), vec![MemberDetails::named("Jan", "Kowal")])]);
    let family_id = anna.list_families().unwrap()[0].id;
    anna.add_note(family_id, "Pierwsza wizyta: rodzina chętna do współpracy", false).unwrap();
    let info =
        WorkspaceInfo { assistant_name: "Ewa Nowak".into(), centre_name: "MOPS Łódź".into(), role: Role::Assistant };
    let mut ewa = Store::create(
        ewa_dir,
        &info,
        &Passphrase::new(PASSPHRASE),
        KdfParams::INSECURE_FOR_TESTS,
        Box::new(SystemEnvironment),
    )
    .unwrap();
    send_to_the_centre(&mut anna, &mut centre, usb);
    send_to_the_centre(&mut ewa, &mut centre, usb);
    let register = centre.assistants(None).unwrap();
    let ewa_id = register.iter().find(|a| a.entry.name == "Ewa Nowak").unwrap().id.to_string();
    let anna_id = register.iter().find(|a| a.entry.name == "Anna Łęcka").unwrap().id.to_string();
    drop((centre, anna, ewa));
    let on = today().format("%d.%m.%Y").to_string();

    let desktop = Desktop::start();
    // The centre transfers the family to Ewa; a second transfer waits.
    let app = desktop.launch(centre_dir);
    unlock(&app);
    open_case(&app, "Kowal");
    app.wait_for_text("#assignment-current", &format!("Obecnie: Anna Łęcka (od {on})"));
    app.click("#transfer-open");
    choose(&app, "#assign-assistant", &ewa_id);
    app.assert_accessible("centre's transfer form");
    app.click("#assign-submit");
    app.find("#assign-status");
    app.wait_for_text("#assignment-current", &format!("Obecnie: Ewa Nowak (od {on})"));
    app.wait_for_text(
        ".assignment-row .assignment-how",
        "przekazana od: Anna Łęcka; przekazanie czeka na potwierdzenie z laptopa",
    );
    app.click("#transfer-open");
    choose(&app, "#assign-assistant", &anna_id);
    app.click("#assign-submit");
    let refusal = app.text(&app.find("#assign-error"));
    assert!(refusal.starts_with("Przekazanie tej rodziny (Ewa Nowak) czeka jeszcze na potwierdzenie"), "{refusal}");
    app.assert_accessible("centre's case with a transfer pending and a second one refused");
    app.quit();
    centre_to_laptop(centre_dir, anna_dir, usb);
    // Anna had started an entry she has not saved.
    let draft = asysta_core::visit::VisitDraft {
        family_id,
        form: asysta_core::visit::VisitForm { notes: "Rozmowa o szkole".into(), ..Default::default() },
        saved_at_ms: 1,
    };
    open_store(anna_dir).save_draft(&draft).unwrap();

    // Anna's laptop warns of the transfer and of the unsent draft; after
    // its bundle the family is read-only there.
    let app = desktop.launch(anna_dir);
    unlock(&app);
    open_case(&app, "Kowal");
    let banner = app.text(&app.find("#transfer-banner"));
    assert!(banner.contains(&format!("Rodzina przekazywana do Ewa Nowak od {on}.")), "{banner}");
    assert!(banner.contains("jest 1 niewysłany szkic tej rodziny"), "{banner}");
    app.assert_accessible("laptop's case in transfer");
    app.click("#case-back");
    app.click("#open-sync");
    app.fill("#export-path", &stick.display().to_string());
    app.click("#export-submit");
    let written = app.texts_when("#export-path-written", 1).remove(0);
    app.click("#sync-back");
    open_case(&app, "Kowal");
    let explanation = app.text(&app.find("#case-handed-over"));
    assert!(explanation.contains("Na tym komputerze można ją tylko przeglądać"), "{explanation}");
    app.wait_for_text(".note-text", "Pierwsza wizyta: rodzina chętna do współpracy");
    assert_eq!(app.execute(EDITING_CONTROLS, json!([])), json!([]), "nothing can be changed here");
    app.assert_accessible("laptop's case handed over, read-only");
    app.quit();
    import_at_the_centre(centre_dir, Path::new(&written));
    centre_to_laptop(centre_dir, ewa_dir, usb);

    // Ewa's laptop has the family with its history.
    let app = desktop.launch(ewa_dir);
    unlock(&app);
    open_case(&app, "Kowal");
    app.wait_for_text(".note-text", "Pierwsza wizyta: rodzina chętna do współpracy");
    app.wait_for_text("#members-table .member-name", "Jan Kowal");
    let history = app.texts_when(".assignment-row .assignment-assistant", 2);
    assert_eq!(history, ["Anna Łęcka", "Ewa Nowak"]);
    app.wait_for_text(
        ".assignment-row .assignment-how",
        &format!("przekazana od: Anna Łęcka; przekazanie potwierdzone {on}"),
    );
    assert!(app.find_all("#transfer-banner, #case-handed-over").is_empty());
    app.find("#visit-new");
    app.assert_accessible("new laptop's case after a transfer");
    app.quit();
    assert!(open_store(ewa_dir).check().unwrap().ok);
}
