//! An assistant's whole day through the `asysta` binary, on a real
//! encrypted workspace: every form the window sends, sent as JSON (from a
//! file or standard input), checked by the same validators, answered with
//! `--json` a script can read; and bad input refused in one line without
//! changing anything.

use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PASS: &str = "bardzo tajne hasło 1";

fn command(data_dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_asysta"));
    cmd.arg("--data-dir").arg(data_dir).args(args).env_remove("ASYSTA_DATA_DIR").env("ASYSTA_LANG", "pl");
    cmd.env("ASYSTA_PASSPHRASE", PASS);
    cmd
}

fn asysta(data_dir: &Path, args: &[&str]) -> Output {
    command(data_dir, args).stdin(Stdio::null()).output().expect("the asysta binary runs")
}

/// Runs with `input` on standard input (for `--form -` and `--text -`).
fn asysta_with_input(data_dir: &Path, args: &[&str], input: &str) -> Output {
    let mut child = command(data_dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the asysta binary runs");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[track_caller]
fn ok(output: Output) -> String {
    assert!(output.status.success(), "failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[track_caller]
fn parsed(output: Output) -> Value {
    let text = ok(output);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[track_caller]
fn json_of(dir: &Path, args: &[&str]) -> Value {
    parsed(asysta(dir, args))
}

/// Asserts a refusal: a non-zero exit, nothing on stdout, and one line on
/// stderr that contains every one of `expected`.
#[track_caller]
fn refused(output: Output, expected: &[&str]) -> String {
    assert!(!output.status.success(), "should have been refused: {}", String::from_utf8_lossy(&output.stdout));
    assert!(output.stdout.is_empty(), "nothing on stdout: {}", String::from_utf8_lossy(&output.stdout));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    for e in expected {
        assert!(stderr.contains(e), "{stderr:?} should contain {e:?}");
    }
    stderr
}

/// Writes `value` as a form file in `dir` and returns its path.
fn form(dir: &Path, name: &str, value: &Value) -> String {
    let path = dir.join(name);
    std::fs::write(&path, value.to_string()).unwrap();
    path.to_str().unwrap().to_owned()
}

fn id(value: &Value) -> String {
    value["id"].as_str().unwrap_or_else(|| panic!("no id in {value}")).to_owned()
}

fn str_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key].as_str().unwrap_or_else(|| panic!("no {key} in {value}"))
}

/// A laptop with one family; returns the family's id.
fn laptop_with_family(dir: &Path) -> String {
    ok(asysta(dir, &["init", "--assistant", "Anna Łęcka", "--centre", "MOPS Łódź"]));
    let family = json_of(dir, &["family", "add", "--name", "Kowalscy", "--address", "ul. Długa 1, Łódź", "--json"]);
    id(&family)
}

fn member_form(first_name: &str, relation: &str, birth_date: &str) -> Value {
    json!({ "first_name": first_name, "last_name": "Kowalska", "relation": relation, "birth_date": birth_date })
}

/// The first plan: one goal with an action of a member and one of the assistant.
fn plan_form(member_id: &str) -> Value {
    json!({
        "consultation_date": "2025-02-20",
        "consultation_social_worker": "Maria Zięba",
        "goals": [{
            "area": "housing",
            "goal": "Poprawa warunków mieszkaniowych",
            "actions": [
                { "what": "Wniosek o lokal socjalny", "who": "member", "who_member_id": member_id,
                  "deadline": "2025-04-30", "expected_effect": "Wniosek złożony", "status": "planned" },
                { "what": "Remont kuchni", "who": "assistant", "expected_effect": "Kuchnia sprawna" }
            ]
        }]
    })
}

#[test]
fn an_assistants_day_goes_through_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let family = laptop_with_family(dir);

    // People: a form from a file (a Polish date, as people type it), one from standard input.
    let path = form(dir, "anna.json", &member_form("Anna", "parent", "12.03.1985"));
    let anna = json_of(dir, &["member", "add", &family, "--form", &path, "--json"]);
    assert_eq!((str_of(&anna, "birth_date"), str_of(&anna, "family_id")), ("1985-03-12", family.as_str()));
    let anna = id(&anna);
    let ola = member_form("Ola", "child", "2015-06-01").to_string();
    let ola = parsed(asysta_with_input(dir, &["member", "add", &family, "--form", "-", "--json"], &ola));
    assert_eq!((str_of(&ola, "relation"), str_of(&ola, "first_name")), ("child", "Ola"));
    let ola = id(&ola);
    let printed = ok(asysta(dir, &["member", "add", &family, "--form", &path]));
    assert_eq!(printed.trim().len(), 36, "without --json the new id: {printed}");
    let duplicates = json_of(dir, &["member", "duplicates", "--form", &path, "--json"]);
    assert_eq!(duplicates.as_array().unwrap().len(), 2, "Anna is recorded twice now: {duplicates}");
    let path =
        form(dir, "anna.json", &json!({ "last_name": "Kowalska-Nowak", "first_name": "Anna", "relation": "parent" }));
    let edited = json_of(dir, &["member", "edit", &anna, "--form", &path, "--json"]);
    assert_eq!((str_of(&edited, "last_name"), str_of(&edited, "id")), ("Kowalska-Nowak", anna.as_str()));

    // The plan: the window's blank form, the first version, the family's agreement.
    let blank = json_of(dir, &["plan", "form", &family]);
    assert_eq!(blank["goals"][0]["actions"][0]["status"], "planned", "a first goal with one action: {blank}");
    let path = form(dir, "plan.json", &plan_form(&anna));
    let first = json_of(dir, &["plan", "save", &family, "--form", &path, "--json"]);
    assert_eq!(
        (first["version"]["number"].as_u64(), &first["version"]["agreed_with_family_on"]),
        (Some(1), &Value::Null)
    );
    let agreed = json_of(dir, &["plan", "agree", &family, "--on", "01.03.2025", "--json"]);
    let version = &agreed["version"];
    assert_eq!((version["number"].as_u64(), str_of(version, "agreed_with_family_on")), (Some(2), "2025-03-01"));
    assert_eq!(version["goals"], first["version"]["goals"], "the same goals and actions, ids kept");
    assert_eq!(version["consultation"]["social_worker"], "Maria Zięba", "the rest of the version is kept");
    let actions = version["goals"][0]["actions"].as_array().unwrap();
    let (application, kitchen) = (id(&actions[0]), id(&actions[1]));
    let next = json_of(dir, &["plan", "form", &family]);
    assert_eq!(next["goals"][0]["id"], version["goals"][0]["id"], "the next version's form keeps the ids");

    // Progress on an action outside a visit.
    let noted = json_of(
        dir,
        &[
            "plan",
            "progress",
            &family,
            "--action",
            &application,
            "--date",
            "2025-03-05",
            "--note",
            "Wniosek złożony w urzędzie.",
            "--state",
            "done",
            "--json",
        ],
    );
    assert_eq!((noted["status"].as_str(), noted["note"]["date"].as_str()), (Some("done"), Some("2025-03-05")));
    let shown = json_of(dir, &["plan", "show", &family, "--json"]);
    assert_eq!((shown["current"].as_bool(), shown["version"]["number"].as_u64()), (Some(true), Some(2)));
    assert_eq!(shown["statuses"][&application], "done");
    assert_eq!(shown["progress_notes"][0]["note"], "Wniosek złożony w urzędzie.");
    let earlier = json_of(dir, &["plan", "show", &family, "--version", "1", "--json"]);
    assert_eq!((earlier["current"].as_bool(), earlier["version"]["number"].as_u64()), (Some(false), Some(1)));
    let text = ok(asysta(dir, &["plan", "show", &family]));
    assert!(text.contains("Wersja 2") && text.contains("Uzgodniono z rodziną: 01.03.2025"), "{text}");
    assert!(text.contains("Remont kuchni") && text.contains("Anna Kowalska-Nowak"), "{text}");

    // A visit: recorded from the window's visit form, corrected from standard input, listed.
    let visit_form = json!({
        "date": "2025-03-10", "start": "10:00", "end": "11:30", "place": "home", "form": "home_visit",
        "participants": [anna, ola], "areas": ["housing"],
        "actions_worked": [{ "action_id": kitchen, "note": "Zakup farb.", "status": "in_progress" }],
        "notes": "Wizyta spokojna.", "next_planned": "17.03.2025"
    });
    let path = form(dir, "wizyta.json", &visit_form);
    let visit = json_of(dir, &["visit", "add", &family, "--form", &path, "--json"]);
    assert_eq!((str_of(&visit, "date"), str_of(&visit, "family_id")), ("2025-03-10", family.as_str()));
    assert_eq!(visit["next_planned"], "2025-03-17");
    let visit_id = id(&visit);
    let mut correction = json_of(dir, &["visit", "form", &visit_id]);
    assert_eq!(correction["start"], "10:00", "the window's form of the visit: {correction}");
    correction["notes"] = json!("Wizyta spokojna, dzieci w domu.");
    let corrected =
        parsed(asysta_with_input(dir, &["visit", "edit", &visit_id, "--form", "-", "--json"], &correction.to_string()));
    assert_eq!(
        (str_of(&corrected, "id"), str_of(&corrected, "notes")),
        (visit_id.as_str(), "Wizyta spokojna, dzieci w domu.")
    );
    assert!(corrected["rev"].as_u64() > visit["rev"].as_u64(), "{corrected}");
    let diary = json_of(dir, &["visit", "list", &family, "--json"]);
    assert_eq!(diary.as_array().unwrap().len(), 1);
    assert_eq!(
        (str_of(&diary[0], "id"), str_of(&diary[0], "notes")),
        (visit_id.as_str(), "Wizyta spokojna, dzieci w domu.")
    );
    let text = ok(asysta(dir, &["visit", "list", &family]));
    assert!(text.contains("10.03.2025") && text.contains("(90 min)"), "{text}");
    assert_eq!(
        json_of(dir, &["plan", "show", &family, "--json"])["statuses"][&kitchen],
        "in_progress",
        "from the visit"
    );

    // A note kept from the court, and a court's request for an opinion.
    ok(asysta(dir, &["family", "note", &family, "--text", "Poufne: sprawa karna ojca.", "--restricted"]));
    let opinion = json_of(
        dir,
        &[
            "opinion",
            "request",
            &family,
            "--court",
            "Sąd Rejonowy dla Łodzi-Śródmieścia",
            "--signature",
            "III Nsm 123/25",
            "--received",
            "2025-03-12",
            "--due",
            "12.04.2025",
            "--json",
        ],
    );
    assert_eq!(opinion["request"]["due_on"], "2025-04-12");
    assert_eq!(opinion["finalized"], Value::Null);
    let opinion_id = id(&opinion);
    let draft = json_of(dir, &["opinion", "draft", &opinion_id, "--json"]);
    let text = str_of(&draft, "text");
    assert_eq!(draft["from_case"], true);
    assert!(text.contains("Kowalscy") && text.contains("III Nsm 123/25") && text.contains("Ola Kowalska"), "{text}");
    assert!(text.contains("uzgodniona z rodziną 01.03.2025"), "the plan in force: {text}");
    assert!(!text.contains("Poufne"), "notes never reach a draft: {text}");
    let path = dir.join("opinia.txt");
    std::fs::write(&path, format!("{text}\n\nWnioski: kontynuować pracę z rodziną.")).unwrap();
    let saved = json_of(dir, &["opinion", "draft", &opinion_id, "--text", path.to_str().unwrap(), "--json"]);
    assert!(str_of(&saved, "text").ends_with("kontynuować pracę z rodziną."), "{saved}");
    let reopened = json_of(dir, &["opinion", "draft", &opinion_id, "--json"]);
    assert_eq!((reopened["from_case"].as_bool(), &reopened["text"]), (Some(false), &saved["text"]));
    let final_version = json_of(dir, &["opinion", "finish", &opinion_id, "--json"]);
    assert_eq!(final_version["text"], saved["text"], "the saved text is approved");
    assert!(final_version["finalized"]["on"].is_string(), "{final_version}");
    refused(asysta(dir, &["opinion", "draft", &opinion_id, "--text", path.to_str().unwrap()]), &["ostateczna"]);
    assert_eq!(json_of(dir, &["opinion", "show", &opinion_id, "--json"]), final_version, "a final opinion stays");

    // The end of the work: the final evaluation, closing, monitoring, the archive.
    let evaluation = json!({
        "period_from": "2025-03-01", "period_to": "2025-06-01", "is_final": true,
        "family_view": "Rodzina radzi sobie sama.", "cooperation": "good", "recommendation": "end_work"
    });
    let path = form(dir, "ocena.json", &evaluation);
    let submitted = json_of(dir, &["evaluation", "save", &family, "--form", &path, "--submit", "--json"]);
    assert_eq!(submitted["status"], "submitted");
    let closing = json!({ "on": "10.06.2025", "reason": "goals_achieved", "summary": "Cele planu osiągnięte." });
    let path = form(dir, "zamkniecie.json", &closing);
    let closed = json_of(dir, &["family", "close", &family, "--form", &path, "--json"]);
    assert_eq!((str_of(&closed, "status"), str_of(&closed, "status_on")), ("closed", "2025-06-10"));
    assert_eq!(closed["closing"]["reason_key"], "goals_achieved");
    let monitored = json_of(dir, &["family", "monitor", &family, "--on", "2025-06-11", "--json"]);
    assert_eq!((str_of(&monitored, "status"), str_of(&monitored, "status_on")), ("monitoring", "2025-06-11"));
    assert!(monitored["monitoring_until"].is_string(), "{monitored}");
    let archived = json_of(dir, &["family", "archive", &family, "--reason", "Koniec monitoringu.", "--json"]);
    assert_eq!((str_of(&archived, "status"), str_of(&archived, "status_reason")), ("archived", "Koniec monitoringu."));
    assert_eq!(archived["closing"], closed["closing"], "the closing is kept in the archive");
    let path = form(dir, "wizyta.json", &visit_form);
    refused(asysta(dir, &["visit", "add", &family, "--form", &path]), &["archiwum"]);

    // The case, whole, as `family show` has it.
    let case = json_of(dir, &["family", "show", &family, "--json"]);
    assert_eq!(case["family"]["status"], "archived");
    assert_eq!(case["members"].as_array().unwrap().len(), 3);
    assert_eq!(case["plan_versions"].as_array().unwrap().len(), 2);
    assert_eq!(case["visits"].as_array().unwrap().len(), 1);
    assert_eq!(case["opinions"][0]["id"], opinion_id.as_str());
    assert!(case["notes"][0]["restricted"].as_bool().unwrap());
}

#[test]
fn bad_input_is_refused_in_one_line_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let family = laptop_with_family(dir);
    let anna = form(dir, "anna.json", &member_form("Anna", "parent", "1985-03-12"));
    let anna = id(&json_of(dir, &["member", "add", &family, "--form", &anna, "--json"]));
    let plan = form(dir, "plan.json", &plan_form(&anna));
    let plan = json_of(dir, &["plan", "save", &family, "--form", &plan, "--json"]);
    let action = id(&plan["version"]["goals"][0]["actions"][0]);
    let before = (json_of(dir, &["stats", "--json"]), json_of(dir, &["family", "show", &family, "--json"]));
    let unknown = "01234567-89ab-7def-8123-456789abcdef";
    let visit =
        json!({ "date": "2025-03-10", "start": "10:00", "end": "11:30", "place": "home", "form": "home_visit" });
    let with = |changes: Value| {
        let mut form = visit.clone();
        form.as_object_mut().unwrap().extend(changes.as_object().unwrap().clone());
        form
    };

    // Forms that are not forms.
    let path = dir.join("zly.json");
    std::fs::write(&path, "{ \"date\": ").unwrap();
    let bad = path.to_str().unwrap();
    refused(asysta(dir, &["visit", "add", &family, "--form", bad]), &["zly.json", "JSON"]);
    refused(asysta_with_input(dir, &["member", "add", &family, "--form", "-"], "[]"), &["stdin", "obiekt JSON"]);
    refused(asysta(dir, &["plan", "save", &family, "--form", dir.join("brak.json").to_str().unwrap()]), &["brak.json"]);
    let typo = form(dir, "literowka.json", &with(json!({ "dat": "2025-03-10" })));
    refused(asysta(dir, &["visit", "add", &family, "--form", &typo]), &["„dat”"]);
    let wrong_kind = form(dir, "typ.json", &with(json!({ "participants": "Anna" })));
    refused(asysta(dir, &["visit", "add", &family, "--form", &wrong_kind]), &["typ.json"]);

    // Forms with a field missing or refused by the validators, named as the form names them.
    let mut missing = visit.clone();
    missing.as_object_mut().unwrap().remove("date");
    let path = form(dir, "bez-daty.json", &missing);
    refused(asysta(dir, &["visit", "add", &family, "--form", &path]), &["Popraw zaznaczone pola", " date: "]);
    let path = form(dir, "koniec.json", &with(json!({ "end": "09:00" })));
    refused(asysta(dir, &["visit", "add", &family, "--form", &path]), &[" end: "]);
    let path = form(dir, "dzialanie.json", &with(json!({ "actions_worked": [{ "action_id": unknown, "note": "x" }] })));
    refused(asysta(dir, &["visit", "add", &family, "--form", &path]), &["actions_worked[0].action_id"]);
    let path = form(dir, "osoba.json", &json!({ "last_name": "Kowalska" }));
    refused(asysta(dir, &["member", "add", &family, "--form", &path]), &["first_name"]);
    let path = form(dir, "pesel.json", &json!({ "first_name": "Jan", "last_name": "Nowak", "pesel": "44051401358" }));
    refused(asysta(dir, &["member", "add", &family, "--form", &path]), &["pesel"]);
    let path = form(dir, "pusty-plan.json", &json!({ "goals": [] }));
    refused(asysta(dir, &["plan", "save", &family, "--form", &path]), &["goals"]);
    let path = form(dir, "zamkniecie.json", &json!({ "on": "2025-06-10", "reason": "weather", "summary": "Koniec." }));
    refused(asysta(dir, &["family", "close", &family, "--form", &path]), &["reason"]);
    let path = form(dir, "zamkniecie.json", &json!({ "on": "2025-06-10", "reason": "moved", "summary": "Wyjazd." }));
    refused(asysta(dir, &["family", "close", &family, "--form", &path]), &["ocenę końcową"]);

    // Flags refused by the same checks, named by the flag.
    refused(
        asysta(dir, &["plan", "progress", &family, "--action", unknown, "--date", "2025-03-05", "--note", "x"]),
        &["--action"],
    );
    refused(
        asysta(dir, &["plan", "progress", &family, "--action", &action, "--date", "31.02.2025", "--note", "x"]),
        &["--date"],
    );
    refused(
        asysta(dir, &["plan", "progress", &family, "--action", &action, "--date", "2025-03-05", "--state", "finished"]),
        &["--state"],
    );
    refused(asysta(dir, &["plan", "agree", &family, "--on", "01.01.2099"]), &["--on"]);
    refused(
        asysta(
            dir,
            &[
                "opinion",
                "request",
                &family,
                "--court",
                "SR",
                "--signature",
                "123",
                "--received",
                "2025-03-12",
                "--due",
                "2025-04-12",
            ],
        ),
        &["--signature"],
    );
    refused(
        asysta(
            dir,
            &[
                "opinion",
                "request",
                &family,
                "--court",
                "SR",
                "--signature",
                "III Nsm 1/25",
                "--received",
                "2025-03-12",
                "--due",
                "2025-03-01",
            ],
        ),
        &["--due"],
    );
    refused(asysta(dir, &["family", "status", &family, "--to", "closed"]), &["family close"]);
    refused(asysta(dir, &["family", "status", &family, "--to", "paused"]), &["paused"]);
    refused(asysta(dir, &["family", "monitor", &family]), &["Tej zmiany statusu nie można wykonać"]);
    refused(asysta(dir, &["family", "archive", &family, "--on", "2025-13-01"]), &["--on"]);
    refused(asysta(dir, &["family", "note", &family, "--text", "  "]), &["--text"]);

    // Unknown ids.
    let path = form(dir, "wizyta.json", &visit);
    refused(asysta(dir, &["visit", "add", unknown, "--form", &path]), &["Nie znaleziono"]);
    refused(asysta(dir, &["visit", "edit", unknown, "--form", &path]), &["Nie znaleziono"]);
    refused(asysta(dir, &["visit", "edit", &family, "--form", &path]), &["Nie znaleziono"]);
    refused(asysta(dir, &["visit", "add", "rodzina-7", "--form", &path]), &["identyfikator", "rodzina-7"]);
    let anna_form = form(dir, "anna.json", &member_form("Anna", "parent", "1985-03-12"));
    refused(asysta(dir, &["member", "edit", unknown, "--form", &anna_form]), &["Nie znaleziono"]);
    refused(asysta(dir, &["plan", "show", unknown]), &["Nie znaleziono"]);
    refused(asysta(dir, &["plan", "show", &family, "--version", "7"]), &["Nie znaleziono"]);
    refused(asysta(dir, &["opinion", "finish", unknown]), &["Nie znaleziono"]);
    refused(asysta(dir, &["opinion", "draft", unknown]), &["Nie znaleziono"]);
    refused(asysta(dir, &["family", "archive", unknown]), &["Nie znaleziono"]);

    let after = (json_of(dir, &["stats", "--json"]), json_of(dir, &["family", "show", &family, "--json"]));
    assert_eq!(after, before, "nothing refused was written");

    // English, when asked for.
    let output = command(dir, &["visit", "add", &family, "--form", &typo]).env("ASYSTA_LANG", "en").output().unwrap();
    refused(output, &["the form has no field “dat”"]);
}

#[test]
fn a_plan_needs_a_plan_and_an_opinion_its_text() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let family = laptop_with_family(dir);
    refused(asysta(dir, &["plan", "agree", &family, "--on", "2025-03-01"]), &["Nie ma jeszcze planu"]);
    refused(asysta(dir, &["plan", "show", &family]), &["Nie ma jeszcze planu"]);
    let opinion = json_of(
        dir,
        &[
            "opinion",
            "request",
            &family,
            "--court",
            "SR w Łodzi",
            "--signature",
            "III Nsm 9/25",
            "--received",
            "2025-03-12",
            "--due",
            "2025-04-12",
            "--json",
        ],
    );
    let opinion_id = id(&opinion);
    refused(asysta(dir, &["opinion", "finish", &opinion_id]), &["--text"]);
    let finished =
        parsed(asysta_with_input(dir, &["opinion", "finish", &opinion_id, "--text", "-", "--json"], "Opinia.\n"));
    assert_eq!((str_of(&finished, "text"), finished["finalized"].is_object()), ("Opinia.", true));
}

#[test]
fn a_centre_reads_cases_but_does_not_edit_them() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(asysta(dir, &["init", "--role", "centre", "--centre", "MOPS Łódź", "--user", "Maria Zięba"]));
    let path = form(dir, "anna.json", &member_form("Anna", "parent", "1985-03-12"));
    let someone = "01234567-89ab-7def-8123-456789abcdef";
    refused(asysta(dir, &["member", "add", someone, "--form", &path]), &["ośrod"]);
    refused(asysta(dir, &["family", "monitor", someone]), &["ośrod"]);
    assert_eq!(json_of(dir, &["caseload", "--json"]), json!([]));
}
