//! Bundles between a laptop and its centre, through the sync screens of
//! both: enrolment, export, trusting a new device by its fingerprint, the
//! centre's settings coming back, and a conflict resolved at the centre
//! reaching both laptops. The centre's family list fits the app's default
//! window and a 1366-px laptop's screen.

use crate::fixtures::{active, family, open_case, open_store, prepare_centre, prepare_store, unlock, PASSPHRASE};
use crate::support::{App, Desktop};
use asysta_core::member::MemberDetails;
use asysta_core::workspace::{Role, WorkspaceInfo};
use asysta_store::{ExportRequest, KdfParams, NewCase, Passphrase, Store, SystemEnvironment};
use serde_json::json;
use std::path::Path;

/// Opens the sync screen from the family list.
fn open_sync(app: &App<'_>) {
    app.click("#open-sync");
    app.find("#sync-summary");
}

/// Exports from the sync screen into `folder` by clicking `button`, and
/// returns the path of the bundle written (different from `previous`).
fn export(app: &App<'_>, folder: &Path, button: &str, previous: Option<&str>) -> String {
    app.fill("#export-path", &folder.display().to_string());
    app.click(button);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let written = app.find_all("#export-path-written").first().map(|e| app.text(e)).unwrap_or_default();
        if !written.is_empty() && Some(written.as_str()) != previous {
            assert!(Path::new(&written).exists(), "{written} was not written");
            return written;
        }
        assert!(std::time::Instant::now() < deadline, "no export; page text: {}", app.page_text());
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Imports the bundle at `path` from the sync screen.
fn import(app: &App<'_>, path: &str) {
    app.fill("#import-path", path);
    app.click("#import-submit");
}

/// The window sizes the centre's screens must fit: the app's default
/// window (1100 px wide) and a 1366-px laptop's screen.
pub(crate) const WINDOW_SIZES: [(u32, u32); 2] = [(1100, 800), (1366, 768)];

/// Measures the page as it is laid out: whatever scrolls sideways (the
/// page, a panel, a cell of a table); in the family list, every cell and
/// button that is not inside the list's panel and every address taller
/// than two lines. Answers what is wrong, one sentence each.
const MEASURE_LAYOUT: &str = "
    const problems = [];
    const scrolls = (what, e) => {
        if (e.scrollWidth > e.clientWidth) {
            problems.push(`${what} scrolls sideways: ${e.scrollWidth} px of content in ${e.clientWidth} px`);
        }
    };
    scrolls('the page', document.documentElement);
    for (const panel of document.querySelectorAll('.panel')) {
        scrolls(`the panel ${panel.id || panel.className}`, panel);
    }
    for (const cell of document.querySelectorAll('td, th')) scrolls(`the cell ${cell.innerText.trim()}`, cell);
    const panel = document.querySelector('.list-panel');
    const rows = panel ? panel.querySelectorAll('#families-table tr') : [];
    if (panel && rows.length < 2) problems.push('the family list has no rows');
    const box = panel && panel.getBoundingClientRect();
    const left = panel && box.left + panel.clientLeft;
    const right = panel && left + panel.clientWidth;
    for (const row of rows) {
        const name = (row.querySelector('.family-name') || row.cells[0]).innerText.trim();
        for (const e of row.querySelectorAll('td, th, button')) {
            const r = e.getBoundingClientRect();
            if (r.left < left - 0.5 || r.right > right + 0.5) {
                problems.push(`${name}: ${e.localName}.${e.className || '?'} spans ${r.left.toFixed(1)}–${r.right.toFixed(1)} px, \
                    the panel ${left.toFixed(1)}–${right.toFixed(1)} px`);
            }
        }
        const address = row.querySelector('.family-address');
        if (address) {
            const text = document.createRange();
            text.selectNodeContents(address);
            const height = text.getBoundingClientRect().height;
            const line = parseFloat(getComputedStyle(address).lineHeight);
            if (height > 2 * line) {
                problems.push(`${name}: the address is ${height.toFixed(1)} px tall, more than two lines of ${line} px`);
            }
        }
    }
    return problems;";

/// The `screen` shown at each of [`WINDOW_SIZES`]: nothing scrolls
/// sideways; in the family list nothing crosses its panel's edge and
/// addresses take two lines at most.
#[track_caller]
pub(crate) fn assert_fits(app: &App<'_>, screen: &str) {
    for (width, height) in WINDOW_SIZES {
        app.set_window_size(width, height);
        let problems = app.execute(MEASURE_LAYOUT, json!([]));
        assert_eq!(problems, json!([]), "the {screen} at {width}×{height}");
    }
}

/// The laptop's families in the first test: besides the Kowal family,
/// long names and the longest addresses a centre has (a two-word town, a
/// flat number), as its family list must show them.
fn laptops_families() -> Vec<NewCase> {
    [
        ("Kowal", "ul. Długa 4"),
        ("Szczepańscy-Wróblewscy", "al. Jana Pawła II 118/54, 63-412 Ostrów Wielkopolski"),
        ("Grzybowscy", "ul. Świętokrzyska 97/41, 35-208 Rzeszów"),
        ("Zielińscy", "os. Tysiąclecia 12/3, 65-001 Zielona Góra"),
    ]
    .into_iter()
    .map(|(name, address)| {
        let first = if name == "Kowal" { vec![MemberDetails::named("Jan", "Kowal")] } else { Vec::new() };
        active(family(name, address), first)
    })
    .collect()
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("the file is there")
}

#[test]
fn a_laptops_bundle_reaches_the_centre_and_the_centres_settings_come_back() {
    let (laptop_dir, centre_dir, usb) =
        (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let laptop = prepare_store(laptop_dir.path(), &laptops_families());
    let laptop_fingerprint = laptop.fingerprint().to_string();
    drop(laptop);
    let centre = prepare_centre(centre_dir.path(), "Ewa Kierownik");
    let enrolment = usb.path().join("osrodek.json");
    centre.export_enrolment(&enrolment).unwrap();
    let centre_fingerprint = centre.fingerprint().to_string();
    drop(centre);
    let (to_centre, to_laptop) = (usb.path().join("do-osrodka"), usb.path().join("z-osrodka"));
    std::fs::create_dir_all(&to_centre).unwrap();
    std::fs::create_dir_all(&to_laptop).unwrap();

    let desktop = Desktop::start();
    // The laptop enrols, shows the centre's fingerprint, and exports.
    let app = desktop.launch(laptop_dir.path());
    unlock(&app);
    open_sync(&app);
    app.wait_for_text("#sync-fingerprint", &laptop_fingerprint);
    app.find("#sync-not-enrolled");
    app.assert_accessible("laptop's sync screen before enrolment");
    app.fill("#enrolment-path", &enrolment.display().to_string());
    app.click("#enrolment-submit");
    app.wait_for_text("#enrolment-done #enrolment-fingerprint", &centre_fingerprint);
    app.wait_for_text("#sync-centre-fingerprint", &centre_fingerprint);
    let bundle = export(&app, &to_centre, "#export-submit", None);
    app.assert_accessible("laptop's sync screen after enrolment and an export");
    app.quit();

    // The centre does not know the laptop: it shows the fingerprint, and
    // imports once a person has compared it.
    let app = desktop.launch(centre_dir.path());
    unlock(&app);
    open_sync(&app);
    app.find("#sync-no-devices");
    app.assert_accessible("centre's sync screen");
    import(&app, &bundle);
    app.wait_for_text("#untrusted-fingerprint", &laptop_fingerprint);
    let error = app.text(&app.find("#sync-error"));
    let file = Path::new(&bundle).file_name().unwrap().to_string_lossy().into_owned();
    assert!(error.contains(&file) && error.contains("Anna Łęcka"), "{error}");
    app.assert_accessible("centre's sync screen with an unknown device");
    app.click("#trust-device");
    app.find("#import-trusted");
    let new_records: u32 = app.text(&app.find("#import-report .report-new td")).parse().unwrap();
    assert!(new_records >= 2, "the family and its member: {new_records}");
    app.wait_for_text(".sync-device .device-user", "Anna Łęcka");
    app.assert_accessible("centre's sync screen after an import");
    // The centre changes its settings and exports them for that laptop.
    app.fill("#caseload_cap", "12");
    app.click("#settings-submit");
    app.find("#settings-saved");
    let back = export(&app, &to_laptop, ".sync-device .device-export", None);
    app.assert_accessible("centre's sync screen after its settings and an export");
    assert_fits(&app, "centre's sync screen");
    // Its family list is grouped by assistant, with each caseload.
    app.click("#sync-back");
    app.click("#nav-families");
    app.wait_for_text(".assistant-heading th", "Anna Łęcka — 4 z 12 aktywnych rodzin");
    app.find("#caseloads");
    assert!(app.find_all("#family-form").is_empty(), "a centre does not take on families itself");
    app.assert_accessible("centre's family list");
    assert_fits(&app, "centre's family list");
    app.quit();

    // The laptop imports the centre's bundle and shows the new setting.
    let app = desktop.launch(laptop_dir.path());
    unlock(&app);
    open_sync(&app);
    app.wait_for_text("#settings-cap", "15");
    import(&app, &back);
    app.find("#import-title");
    app.wait_for_text("#settings-cap", "12");
    // The settings screen's check: the file, the log and every table
    // against a rebuild, all holding after the import.
    app.click("#check-run");
    let ok = app.text(&app.find("#check-ok"));
    assert!(ok.starts_with("Wszystko się zgadza"), "{ok}");
    app.assert_accessible("laptop's sync screen after an import and a check");
    app.quit();
    assert_eq!(open_store(laptop_dir.path()).settings().unwrap().caseload_cap, 12);
}

/// The role policy at the centre's door: a laptop's bundle that edits a
/// family another assistant took on is refused, with the reason in Polish,
/// and the centre's case stays as its own assistant wrote it.
#[test]
fn a_bundle_editing_another_assistants_family_is_refused_at_the_centre() {
    let dirs: Vec<_> = (0..4).map(|_| tempfile::tempdir().unwrap()).collect();
    let (centre_dir, first_dir, second_dir, usb) = (dirs[0].path(), dirs[1].path(), dirs[2].path(), dirs[3].path());
    let mut centre = prepare_centre(centre_dir, "Ewa Kierownik");
    let enrolment = centre.enrolment().unwrap().to_json();
    let mut first =
        prepare_store(first_dir, &[active(family("Kowal", "ul. Długa 4"), vec![MemberDetails::named("Jan", "Kowal")])]);
    let info =
        WorkspaceInfo { assistant_name: "Ola Nowak".into(), centre_name: "MOPS Łódź".into(), role: Role::Assistant };
    let pass = Passphrase::new(PASSPHRASE);
    let mut second =
        Store::create(second_dir, &info, &pass, KdfParams::INSECURE_FOR_TESTS, Box::new(SystemEnvironment)).unwrap();
    first.enrol(&enrolment).unwrap();
    second.enrol(&enrolment).unwrap();
    // Anna's case reaches the centre from Anna's laptop.
    let sent = first.export_bundle(usb, &ExportRequest::default(), &mut |_| ()).unwrap();
    let fingerprint = first.fingerprint().to_string();
    centre.import_bundle(&bytes(Path::new(&sent.path)), &sent.file_name, Some(&fingerprint)).unwrap();
    // Ola's laptop got Anna's events outside the centre and renames the
    // person: not a transfer the centre made, so not Ola's to change.
    second.ingest(first.events_missing_from(&second.high_water_marks().unwrap()).unwrap()).unwrap();
    let family_id = first.list_families().unwrap()[0].id;
    let member = first.family_case(family_id).unwrap().members[0].clone();
    second.update_member(member.id, MemberDetails { last_name: "Kowalczyk".into(), ..member.details.clone() }).unwrap();
    let ola = second.fingerprint().to_string();
    let out = usb.join("ola");
    std::fs::create_dir_all(&out).unwrap();
    let forged = second.export_bundle(&out, &ExportRequest::default(), &mut |_| ()).unwrap();
    drop((centre, first, second));

    let desktop = Desktop::start();
    let app = desktop.launch(centre_dir);
    unlock(&app);
    open_sync(&app);
    import(&app, &forged.path);
    app.wait_for_text("#untrusted-fingerprint", &ola);
    app.click("#trust-device");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let error = loop {
        let error = app.find_all("#sync-error").first().map(|e| app.text(e)).unwrap_or_default();
        if error.contains("nie jest rodziną tego asystenta") {
            break error;
        }
        assert!(std::time::Instant::now() < deadline, "no refusal; page text: {}", app.page_text());
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert!(error.contains(&forged.file_name) && error.contains("Nic nie zostało zaimportowane"), "{error}");
    app.assert_accessible("centre's sync screen refusing a bundle");
    app.click("#sync-back");
    open_case(&app, "Kowal");
    app.wait_for_text("#members-table .member-name", "Jan Kowal");
    app.assert_accessible("case at a centre, read only");
    assert_fits(&app, "case at a centre");
    app.quit();
    let centre = open_store(centre_dir);
    assert_eq!(centre.family_case(family_id).unwrap().members[0].details.last_name, "Kowal");
    assert!(centre.check().unwrap().ok);
}
