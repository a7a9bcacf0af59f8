//! The centre's screens in one window: the dashboard with each assistant's
//! figures (the families behind one, opened and then their case), the
//! charts with their accessible names, alerts naming the assistant; the
//! register (a refused form, then a new assistant and the headcount);
//! intake (a court's order taken in, refused for an assistant at the cap
//! and assigned to another); transfers; duplicates across assistants; the
//! half-year report with a cell's families and its CSV. Every screen
//! passes axe-core, and fits 1100 and 1366 px.
//!
//! Two laptops (Anna Łęcka's and Ola Nowak's) send their bundles to the
//! centre through the store before the window opens; the centre's cap is
//! lowered to three and one of Ola's families is being transferred to Anna,
//! so Anna is at the cap.

use crate::fixtures::{
    active, choose, family, open_store, prepare_centre, prepare_store, send_to_the_centre, unlock, PASSPHRASE,
};
use crate::support::{App, Desktop};
use crate::sync::assert_fits;
use asysta_core::member::MemberDetails;
use asysta_core::ops;
use asysta_core::record::CaseDetails;
use asysta_core::visit::{ContactForm, Place, Visit};
use asysta_core::workspace::{Role, WorkspaceInfo};
use asysta_core::{EntityId, Pesel};
use asysta_store::{KdfParams, Passphrase, Store, SystemEnvironment};
use chrono::{Days, NaiveDate, NaiveTime};
use serde_json::json;
use std::path::Path;

#[allow(clippy::disallowed_methods)] // the app reads the same local clock
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn days_ago(days: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(days)).unwrap()
}

fn visit_on(date: NaiveDate) -> Visit {
    Visit {
        date,
        start: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        end: NaiveTime::from_hms_opt(11, 30, 0).unwrap(),
        place: Place::Home,
        form: ContactForm::HomeVisit,
        participants: Vec::new(),
        other_participants: String::new(),
        areas: Vec::new(),
        actions_worked: Vec::new(),
        notes: "Rozmowa o planie tygodnia.".into(),
        next_planned: None,
        intervention: None,
        planned: None,
        purpose: None,
        travel: None,
    }
}

/// Jan Kowalski, in a family on each laptop: a duplicate at the centre.
fn jan_kowalski() -> MemberDetails {
    MemberDetails { pesel: Some(Pesel::parse("44051401359").unwrap()), ..MemberDetails::named("Jan", "Kowalski") }
}

/// Ola Nowak's laptop in `dir`.
fn prepare_ola(dir: &Path) -> Store {
    let info =
        WorkspaceInfo { assistant_name: "Ola Nowak".into(), centre_name: "MOPS Łódź".into(), role: Role::Assistant };
    Store::create(dir, &info, &Passphrase::new(PASSPHRASE), KdfParams::INSECURE_FOR_TESTS, Box::new(SystemEnvironment))
        .expect("Ola's workspace")
}

/// What the window finds: the assistants' register ids (Anna, Ola).
struct Centre {
    anna: EntityId,
    ola: EntityId,
}

/// Anna: the Kowalscy (visited 3 days ago) and the Nowakowie (40 days
/// ago). Ola: the Kowalscy again (Jan Kowalski's PESEL), the Lisowie and
/// the Wróblewscy, who are being transferred to Anna. The cap is three.
fn prepare(centre_dir: &Path, anna_dir: &Path, ola_dir: &Path) -> Centre {
    let mut centre = prepare_centre(centre_dir, "Ewa Kierownik");
    let address = "ul. Piotrkowska 120/4, 90-006 Łódź";
    let mut anna = prepare_store(
        anna_dir,
        &[active(family("Kowalscy", address), vec![jan_kowalski()]), active(family("Nowakowie", address), Vec::new())],
    );
    let ids: Vec<EntityId> = anna.list_families().unwrap().iter().map(|f| f.id).collect();
    for (id, days) in ids.iter().zip([3, 40]) {
        anna.set_case_details(*id, CaseDetails { start_date: Some(days_ago(200)), ..Default::default() }).unwrap();
        anna.record_visit(*id, visit_on(days_ago(days))).unwrap();
    }
    let mut ola = prepare_ola(ola_dir);
    ola.add_cases(&[
        active(family("Kowalscy", "os. Tysiąclecia 12/3, 65-001 Zielona Góra"), vec![jan_kowalski()]),
        active(family("Lisowie", address), Vec::new()),
        active(family("Wróblewscy", address), Vec::new()),
    ])
    .unwrap();
    let lisowie = ola.list_families().unwrap().into_iter().find(|f| f.name == "Lisowie").unwrap().id;
    ola.record_visit(lisowie, visit_on(days_ago(1))).unwrap();
    let wroblewscy = ola.list_families().unwrap().into_iter().find(|f| f.name == "Wróblewscy").unwrap().id;
    send_to_the_centre(&mut anna, &mut centre, &anna_dir.join("outbox"));
    send_to_the_centre(&mut ola, &mut centre, &ola_dir.join("outbox"));

    let register = centre.assistants(None).unwrap();
    let id_of = |name: &str| register.iter().find(|a| a.entry.name == name).unwrap().id;
    let (anna, ola) = (id_of("Anna Łęcka"), id_of("Ola Nowak"));
    centre.run(ops::SetSettings { caseload_cap: 3, no_visit_days: 14 }, today()).unwrap();
    centre.run(ops::TransferFamily { family_id: wroblewscy, assistant_id: anna, on: String::new() }, today()).unwrap();
    Centre { anna, ola }
}

/// The card of an assistant on the dashboard.
fn card(name: &str) -> String {
    format!(".assistant-card[data-assistant=\"{name}\"]")
}

/// Every chart's SVG: an image named by its title.
const CHART_NAMES: &str = "
    return [...document.querySelectorAll('figure.chart svg')].map(svg => ({
        role: svg.getAttribute('role'),
        name: document.getElementById(svg.getAttribute('aria-labelledby')).textContent,
        summary: document.getElementById(svg.getAttribute('aria-describedby')).textContent,
        bars: svg.querySelectorAll('rect.chart-bar').length,
    }));";

fn open_screen(app: &App<'_>, nav: &str, page: &str) {
    app.click(&format!("#nav-{nav}"));
    app.find(&format!("#{page}"));
}

#[test]
fn the_centre_steers_from_its_dashboard() {
    let dirs: Vec<_> = (0..4).map(|_| tempfile::tempdir().unwrap()).collect();
    let (centre_dir, anna_dir, ola_dir, saved) = (dirs[0].path(), dirs[1].path(), dirs[2].path(), dirs[3].path());
    let ids = prepare(centre_dir, anna_dir, ola_dir);

    let desktop = Desktop::start_with_env(&[("ASYSTA_PRINT_DIR", saved)]);
    let app = desktop.launch(centre_dir);
    unlock(&app);

    // The dashboard: a card per assistant, as of their last bundle.
    app.find("#dashboard");
    let anna = card("Anna Łęcka");
    app.wait_for_text(&format!("{anna} .card-name"), "Anna Łęcka");
    assert!(app.text(&app.find(&format!("{anna} .as-of"))).starts_with("dane z dnia "));
    let active = app.text(&app.find(&format!("{anna} .caseload-line")));
    assert!(active.starts_with("Aktywne rodziny 3") && active.contains("z 3 (limit)"), "{active}");
    let ola_active = app.text(&app.find(&format!("{} .caseload-line", card("Ola Nowak"))));
    assert!(ola_active.starts_with("Aktywne rodziny 2"), "the Wróblewscy left Ola: {ola_active}");
    // Every alert names its assistant.
    let alerts = app.texts_when("#alerts li.alert", 1);
    let nowakowie = alerts.iter().find(|a| a.contains("Nowakowie")).expect("an alert for the Nowakowie");
    assert!(nowakowie.contains("(Anna Łęcka)") && nowakowie.contains("Brak wizyty od 40 dni"), "{nowakowie}");
    // The charts: images named by their titles, one bar per assistant.
    let charts = app.execute(CHART_NAMES, json!([]));
    assert_eq!(charts[0]["role"], "img");
    assert_eq!(charts[0]["name"], "Aktywne rodziny każdego asystenta wobec limitu");
    assert_eq!(charts[0]["summary"], "Anna Łęcka: 3 z 3; Ola Nowak: 2 z 3");
    assert_eq!(charts[0]["bars"], 2);
    assert_eq!(charts[1]["name"], "Kontakty z rodzinami w ostatnich 12 miesiącach (wszyscy asystenci)");
    assert_eq!(charts[1]["bars"], 12);
    assert_eq!(charts[2]["name"], "Zakończenia pracy według powodu (cały ośrodek)");

    // A figure opens the families behind it; one of them opens its case,
    // and back on the dashboard the list is still open.
    app.click(&format!("{anna} .figure-button[data-figure=\"no-recent-visit\"]"));
    app.wait_for_text("#figure-families-title", "Bez wizyty dłużej, niż przewiduje ośrodek — Anna Łęcka");
    // The Wróblewscy, on their way from Ola, were never visited.
    assert_eq!(app.texts_when("#figure-families .behind-name", 2), ["Nowakowie", "Wróblewscy"]);
    app.assert_accessible("centre's dashboard with the families behind a figure");
    assert_fits(&app, "centre's dashboard");
    app.click_text("#figure-families .behind-name", "Nowakowie");
    app.wait_for_text("#case-name", "Nowakowie");
    app.click("#case-back");
    app.wait_for_text("#figure-families .behind-name", "Nowakowie");

    // The register: a form refused field by field, then a new assistant.
    open_screen(&app, "register", "register");
    app.wait_for_text(".register-row .register-person", "Anna Łęcka");
    app.click("#register-submit");
    app.wait_for_text("#error-register-name", "To pole jest wymagane.");
    app.assert_accessible("centre's register with a refused form");
    app.fill("#register-name", "Maria Kos");
    choose(&app, "#register-employment", "employment_contract");
    app.fill("#register-from", "01.01.2026");
    app.fill("#register-fte", "0,5");
    app.click("#register-submit");
    app.wait_for_text("#register-saved", "Zapisano w rejestrze: Maria Kos");
    app.wait_for_text(".register-row .register-person", "Maria Kos");
    app.wait_for_text("#headcount .headcount-title", "Zatrudnieni dziś: 3");
    app.assert_accessible("centre's register");
    assert_fits(&app, "centre's register");

    // Intake: a court's order waits, the cap refuses Anna, Ola takes it.
    open_screen(&app, "intake", "intake");
    app.find("#waiting-empty");
    app.fill("#referral-name", "Malinowscy");
    app.fill("#referral-address", "ul. Zgierska 11, 91-001 Łódź");
    choose(&app, "#referral-basis", "court_order");
    app.fill("#referral-requested_on", &days_ago(10).format("%d.%m.%Y").to_string());
    app.fill("#referral-court", "Sąd Rejonowy dla Łodzi-Śródmieścia");
    app.fill("#referral-signature", "III Nsm 12/26");
    app.click("#referral-submit");
    app.wait_for_text("#referral-added", "Przyjęto zgłoszenie: Malinowscy. Rodzina czeka na asystenta.");
    app.wait_for_text(".waiting-row .waiting-name", "Malinowscy");
    app.wait_for_text(".waiting-row .waiting-days", "10 dni");
    app.click(".waiting-row .waiting-assign");
    choose(&app, "#assign-assistant", &ids.anna.to_string());
    app.click("#assign-submit");
    let refusal = app.text(&app.find("#assign-error"));
    assert!(refusal.starts_with("Anna Łęcka ma na dzień") && refusal.contains("(limit: 3)"), "{refusal}");
    app.assert_accessible("centre's intake with a refused assignment");
    choose(&app, "#assign-assistant", &ids.ola.to_string());
    app.click("#assign-submit");
    app.wait_for_text("#intake-assigned", "Rodzina Malinowscy ma asystenta: Ola Nowak.");
    app.find("#waiting-empty");
    app.assert_accessible("centre's intake");
    assert_fits(&app, "centre's intake");

    // Transfers: the Wróblewscy, waiting for Ola's laptop.
    open_screen(&app, "transfers", "transfers");
    app.wait_for_text(".transfer-row.pending .transfer-family", "Wróblewscy");
    assert_eq!(app.text(&app.find(".transfer-row.pending .transfer-from")), "Ola Nowak");
    app.assert_accessible("centre's transfers");

    // Duplicates: the two Kowalscy are different families.
    open_screen(&app, "duplicates", "cross-duplicates");
    app.wait_for_text(".duplicate-pair.open .duplicate-people", "Te same osoby: Jan Kowalski");
    app.assert_accessible("centre's duplicates");
    app.click(".duplicate-pair.open .duplicate-keep-apart");
    app.wait_for_text(".duplicate-pair .duplicate-decision", "Rozstrzygnięto: to różne rodziny");

    // The half-year report: a cell opens its families; the CSV is saved.
    open_screen(&app, "report", "half-year-report");
    app.click("tr[data-row=\"families_served\"] .cell-button");
    let served = app.texts_when("#cell-families .behind-name", 6);
    for family in ["Kowalscy", "Lisowie", "Nowakowie", "Wróblewscy", "Malinowscy"] {
        assert!(served.iter().any(|s| s == family), "{family} not in {served:?}");
    }
    app.assert_accessible("centre's half-year report with a cell's families");
    assert_fits(&app, "centre's half-year report");
    app.click("#report-csv");
    let period = if chrono::Datelike::month(&today()) <= 6 { "H1" } else { "H2" };
    let file = saved.join(format!("asystenci-rodziny-{}-{period}.csv", chrono::Datelike::year(&today())));
    app.wait_for_text("#report-csv-status", &format!("Zapisano: {}", file.display()));
    app.quit();
    let csv = std::fs::read_to_string(&file).unwrap();
    assert!(
        csv.contains("okres;wiersz;opis;wartosc") && csv.contains("Rodziny objęte pracą asystenta rodziny"),
        "{csv}"
    );
    assert!(open_store(centre_dir).check().unwrap().ok);
}
