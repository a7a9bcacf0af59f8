//! The family's case record: members with PESEL checks, the basis of the
//! work, status and notes kept across a restart; the caseload cap; the
//! duplicate warning; search and the status filter.
//!
//! Workspaces are prepared with `asysta-store` directly (a cheap KDF, many
//! families at once), then the app is launched on them and unlocked.

use crate::fixtures::{active, choose, date, family, fill_date, open_case, prepare, unlock};
use crate::support::{App, Desktop};
use asysta_core::family::{NewFamily, NewMember};
use asysta_core::member::{MemberDetails, Relation};
use asysta_core::{Pesel, Sex};
use asysta_store::NewCase;

fn add_member(app: &App<'_>, first: &str, last: &str, relation: &str, pesel: &str) {
    app.fill("#member_first_name", first);
    app.fill("#member_last_name", last);
    choose(app, "#member_relation", relation);
    app.fill("#member_pesel", pesel);
    app.click("#member-submit");
}

#[test]
fn a_case_with_members_and_a_court_order_is_kept_across_a_restart() {
    let data = tempfile::tempdir().unwrap();
    prepare(data.path(), &[]);
    let child = Pesel::generate(date("2015-06-01"), Sex::Female, 123).unwrap();
    let parent = Pesel::generate(date("1988-03-12"), Sex::Male, 456).unwrap();
    let mut wrong = child.as_str().to_owned();
    let last = wrong.pop().unwrap();
    wrong.push(if last == '9' { '0' } else { char::from(last as u8 + 1) });

    let desktop = Desktop::start();
    let app = desktop.launch(data.path());
    unlock(&app);
    app.wait_for_text("#family-count", "0 rodzin");
    app.fill("#name", "Wiśniewscy");
    app.fill("#address", "ul. Polna 3, 90-001 Łódź");
    app.click("#family-submit");
    open_case(&app, "Wiśniewscy");
    app.wait_for_text("#case-status", "aktywna");
    app.wait_for_text("#case-address", "ul. Polna 3, 90-001 Łódź");
    app.find("#members-empty");
    app.assert_accessible("case of a new family");

    // A wrong PESEL is explained next to its field, in Polish.
    add_member(&app, "Zofia", "Wiśniewska", "child", &wrong);
    app.wait_for_text("#error-member_pesel", "PESEL: błędna suma kontrolna");
    app.assert_accessible("member form with an error");
    app.fill("#member_pesel", child.as_str());
    app.click("#member-submit");
    app.wait_for_text(".member-name", "Zofia Wiśniewska");
    add_member(&app, "Marek", "Wiśniewski", "parent", parent.as_str());
    app.wait_for_text(".member-name", "Marek Wiśniewski");

    // A court order needs a signature like "III Nsm 123/25".
    choose(&app, "#basis_kind", "court_order");
    app.fill("#basis_court", "Sąd Rejonowy dla Łodzi-Śródmieścia");
    app.fill("#basis_case_signature", "123/25");
    fill_date(&app, "#basis_order_date", "10", "2025");
    app.click("#details-submit");
    app.wait_for_text("#error-basis_case_signature", "Sygnatura w postaci „III Nsm 123/25”.");
    app.fill("#basis_case_signature", "III Nsm 123/25");
    app.click("#details-submit");
    app.wait_for_text("#details-status", "Zapisano dane sprawy.");
    let basis = "Postanowienie sądu (Sąd Rejonowy dla Łodzi-Śródmieścia), sygn. III Nsm 123/25, z dnia 10.10.2025";
    app.wait_for_text("#case-basis", basis);
    app.assert_accessible("case with members and a court order");

    // A restricted note is marked as such.
    app.fill("#note-text", "Rodzina prosi o wizyty po 16:00.");
    app.click("#note-restricted");
    app.click("#note-submit");
    app.wait_for_text(".note.restricted .note-text", "Rodzina prosi o wizyty po 16:00.");
    app.quit();

    let app = desktop.launch(data.path());
    unlock(&app);
    open_case(&app, "Wiśniewscy");
    assert_eq!(app.texts_when(".member-name", 2), ["Zofia Wiśniewska", "Marek Wiśniewski"]);
    assert_eq!(app.texts_when(".member-relation", 2), ["dziecko", "rodzic"]);
    assert_eq!(app.texts_when(".member-birth-date", 2), ["01.06.2015", "12.03.1988"]);
    assert_eq!(app.texts_when(".member-pesel", 2), [child.as_str(), parent.as_str()]);
    app.wait_for_text("#case-basis", basis);
    app.wait_for_text(".note.restricted .note-restricted-label", "poufna");
    app.assert_accessible("case with a restricted note");

    // Closing the work needs a final evaluation first: the closing form
    // says so and opens one, final, recommending the end of the work.
    app.click("#status-to-closed");
    app.wait_for_text("#closing-needs-final", "Przed zakończeniem pracy złóż ocenę końcową.");
    app.assert_accessible("closing form asking for a final evaluation");
    app.click("#closing-write-final");
    app.find("#evaluation-form");
    app.find("#evaluation-final:checked");
    assert_eq!(app.value("#evaluation_recommendation"), "end_work");
    app.assert_accessible("final evaluation form");
    app.fill("#evaluation_family_view", "Rodzina uważa, że poradzi sobie sama.");
    choose(&app, "#evaluation_cooperation", "good");
    app.click("#evaluation-submit");
    app.wait_for_text(".evaluation-status", "złożona");
    app.wait_for_text(".evaluation-kind", "Ocena końcowa");

    // Then the closing asks for a reason from the list ("other" needs its
    // text) and a summary; the family leaves the active list.
    app.click("#closing-submit");
    app.wait_for_text("#error-closing-reason", "To pole jest wymagane.");
    app.wait_for_text("#error-closing-summary", "To pole jest wymagane.");
    choose(&app, "#closing-reason", "other");
    app.fill("#closing-summary", "Cele planu osiągnięte; rodzina radzi sobie samodzielnie.");
    app.click("#closing-submit");
    app.wait_for_text("#error-closing-reason-text", "To pole jest wymagane.");
    app.assert_accessible("closing form with errors");
    choose(&app, "#closing-reason", "goals_achieved");
    app.wait_until_gone("#closing-reason-text");
    app.click("#closing-submit");
    app.wait_for_text("#case-status", "zakończona");
    app.wait_for_text("#closing-shown-reason", "Powód: osiągnięcie celów planu pracy");
    app.wait_for_text("#closing-shown-summary", "Cele planu osiągnięte; rodzina radzi sobie samodzielnie.");
    app.find("#status-to-monitoring");
    app.assert_accessible("closed case");
    app.click("#case-back");
    app.wait_for_text("#family-count", "0 rodzin");
    choose(&app, "#status-filter", "closed");
    app.wait_for_text(".family-name", "Wiśniewscy");
    app.wait_for_text(".family-status", "zakończona");
    app.assert_accessible("family list of closed families");

    // In the archive the case is only read.
    open_case(&app, "Wiśniewscy");
    app.click("#status-to-archived");
    app.wait_for_text("#case-status", "w archiwum");
    app.wait_for_text("#case-archived", "Sprawa zarchiwizowana — tylko do odczytu");
    app.wait_for_text("#closing-shown-reason", "Powód: osiągnięcie celów planu pracy");
    assert!(app.find_all("#evaluation-new").is_empty() && app.find_all("#opinion-new").is_empty());
    assert!(app.find_all(".evaluation-correct").is_empty());
    app.find("#note-submit:disabled");
    app.find("#member-submit:disabled");
    app.assert_accessible("archived case");
    app.quit();
}

#[test]
fn the_fifteenth_family_warns_and_the_sixteenth_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let names =
        "Adamczyk Bąk Cieślak Dąbrowski Ewert Fijałkowski Górski Hajduk Iwański Jabłoński Kaczmarek Lis Łoś Michalak";
    let cases: Vec<NewCase> = names.split(' ').map(|n| active(family(n, "ul. Długa 5"), Vec::new())).collect();
    assert_eq!(cases.len(), 14);
    prepare(data.path(), &cases);

    let desktop = Desktop::start();
    let app = desktop.launch(data.path());
    unlock(&app);
    app.wait_for_text("#family-count", "14 rodzin");
    app.fill("#name", "Nowak");
    app.fill("#address", "ul. Krótka 1");
    app.click("#family-submit");
    app.wait_for_text("#family-count", "15 rodzin");
    app.wait_for_text("#caseload-warning", "Masz 15 z 15 dozwolonych aktywnych rodzin.");
    app.assert_accessible("family list with the caseload warning");

    app.fill("#name", "Żak");
    app.fill("#address", "ul. Krótka 2");
    app.click("#family-submit");
    app.wait_for_text(
        "#form-error",
        "Osiągnięto limit aktywnych rodzin na asystenta. Zakończ pracę z inną rodziną albo poproś ośrodek o zmianę limitu.",
    );
    app.wait_for_text("#family-count", "15 rodzin");
    assert_eq!(app.find_all(".family-row").len(), 15);
    assert!(!app.texts_when(".family-name", 15).contains(&"Żak".to_owned()));
    app.assert_accessible("family list refusing a family over the cap");
    app.quit();
}

#[test]
fn a_person_already_recorded_in_another_family_is_flagged() {
    let data = tempfile::tempdir().unwrap();
    let pesel = Pesel::generate(date("1944-05-14"), Sex::Male, 13).unwrap();
    let grandfather = MemberDetails {
        relation: Relation::Grandparent,
        pesel: Some(pesel.clone()),
        birth_date: Some(pesel.birth_date()),
        sex: Some(pesel.sex()),
        ..MemberDetails::named("Józef", "Żółć")
    };
    let first = NewFamily {
        first_member: Some(NewMember { first_name: "Halina".into(), last_name: "Żółć".into() }),
        ..family("Żółć", "ul. Łąkowa 1, Łęczyca")
    };
    prepare(
        data.path(),
        &[active(first, vec![grandfather]), active(family("Kowalscy", "ul. Ogrodowa 7, Łęczyca"), Vec::new())],
    );

    let desktop = Desktop::start();
    let app = desktop.launch(data.path());
    unlock(&app);
    app.wait_for_text("#family-count", "2 rodziny");

    // The search ignores case and diacritics, and finds people's names and
    // addresses too.
    app.fill("#family-search", "zolc");
    app.wait_for_text("#family-count", "1 rodzina");
    app.wait_for_text(".family-name", "Żółć");
    app.assert_accessible("family list found by a search");
    app.fill("#family-search", "JOZEF");
    app.wait_for_text("#family-count", "1 rodzina");
    app.fill("#family-search", "ogrodowa");
    app.wait_for_text(".family-name", "Kowalscy");
    app.fill("#family-search", "łeczyca");
    app.wait_for_text("#family-count", "2 rodziny");

    open_case(&app, "Kowalscy");
    add_member(&app, "Józef", "Kowalski", "grandparent", pesel.as_str());
    app.find("#duplicates");
    app.assert_accessible("member form warning of a duplicate");
    let duplicates = app.texts_when("#duplicates .duplicate", 1);
    assert_eq!(duplicates.len(), 1);
    assert!(
        duplicates[0].contains("Józef Żółć")
            && duplicates[0].contains("w rodzinie Żółć")
            && duplicates[0].contains("Ten sam numer PESEL"),
        "{duplicates:?}"
    );
    // Going back saves nothing; saving anyway adds the person.
    app.click("#duplicate-cancel");
    app.find("#member-submit");
    assert!(app.find_all("#duplicates").is_empty());
    app.find("#members-empty");
    app.click("#member-submit");
    app.click("#duplicate-confirm");
    app.wait_for_text(".member-name", "Józef Kowalski");
    app.wait_for_text(".member-pesel", pesel.as_str());
    app.quit();
}
