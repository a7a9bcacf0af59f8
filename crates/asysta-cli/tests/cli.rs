//! The `asysta` binary, run as a user would run it, on real encrypted files.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PASS: &str = "bardzo tajne hasło 1";

fn asysta(data_dir: &Path, passphrase: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_asysta"));
    cmd.arg("--data-dir").arg(data_dir).args(args).env_remove("ASYSTA_DATA_DIR").env("ASYSTA_LANG", "pl");
    cmd.stdin(Stdio::null());
    match passphrase {
        Some(p) => cmd.env("ASYSTA_PASSPHRASE", p),
        None => cmd.env_remove("ASYSTA_PASSPHRASE"),
    };
    cmd.output().expect("the asysta binary runs")
}

#[track_caller]
fn ok(output: Output) -> String {
    assert!(output.status.success(), "failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// Asserts failure with exactly one line on stderr containing `expected`.
#[track_caller]
fn fails_with(output: Output, expected: &str) {
    assert!(!output.status.success(), "should have failed");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line on stderr: {stderr:?}");
    assert!(stderr.contains(expected), "{stderr:?} should contain {expected:?}");
}

fn init(dir: &Path) {
    ok(asysta(dir, Some(PASS), &["init", "--assistant", "Anna Łęcka", "--centre", "MOPS Łódź"]));
}

fn family_names(dir: &Path) -> Vec<String> {
    let json: Value = serde_json::from_str(&ok(asysta(dir, Some(PASS), &["family", "list", "--json"]))).unwrap();
    json.as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn init_add_list_history_and_stats() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    for (name, address) in [("Żak", "ul. Polna 1"), ("Lis", "ul. Leśna 2"), ("Łoś", "ul. Łąkowa 3")] {
        ok(asysta(dir.path(), Some(PASS), &["family", "add", "--name", name, "--address", address]));
    }
    let added = ok(asysta(
        dir.path(),
        Some(PASS),
        &["family", "add", "--name", "Zając", "--address", "ul. Długa 4", "--member-first-name", "Ola", "--json"],
    ));
    let id = serde_json::from_str::<Value>(&added).unwrap()["id"].as_str().unwrap().to_owned();
    assert_eq!(family_names(dir.path()), ["Lis", "Łoś", "Zając", "Żak"]);

    let history: Value =
        serde_json::from_str(&ok(asysta(dir.path(), Some(PASS), &["history", &id, "--json"]))).unwrap();
    let events = history.as_array().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["change"]["type"], "family.created");
    assert_eq!(events[0]["author"]["name"], "Anna Łęcka");
    assert_eq!(events[0]["entity_id"], id.as_str());
    let text = ok(asysta(dir.path(), Some(PASS), &["history", &id]));
    assert!(text.contains("family.created") && text.contains("UTC"), "{text}");

    let stats: Value = serde_json::from_str(&ok(asysta(dir.path(), Some(PASS), &["stats", "--json"]))).unwrap();
    assert_eq!(stats["entities"]["family"], 4);
    assert_eq!(stats["entities"]["member"], 1);
    assert_eq!(stats["entities"]["workspace"], 1);
    assert_eq!(stats["events"]["total"], 6);
    let per_device = stats["events"]["per_device"].as_object().unwrap();
    assert_eq!(per_device.len(), 1);
    assert_eq!(per_device.values().next().unwrap(), 6);
}

/// The members of every family, as (family name, first name, PESEL).
fn people(dir: &Path) -> Vec<(String, String, String)> {
    let list: Value = serde_json::from_str(&ok(asysta(dir, Some(PASS), &["family", "list", "--json"]))).unwrap();
    let mut out = Vec::new();
    for family in list.as_array().unwrap() {
        let id = family["id"].as_str().unwrap();
        let case: Value =
            serde_json::from_str(&ok(asysta(dir, Some(PASS), &["family", "show", id, "--json"]))).unwrap();
        for m in case["members"].as_array().unwrap() {
            out.push((
                family["name"].as_str().unwrap().to_owned(),
                m["first_name"].as_str().unwrap().to_owned(),
                m["pesel"].as_str().unwrap_or_default().to_owned(),
            ));
        }
    }
    // Families of the same name are listed by their (random) ids.
    out.sort();
    out
}

#[test]
fn demo_data_is_deterministic_for_a_seed_and_date() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for dir in [a.path(), b.path()] {
        init(dir);
        ok(asysta(dir, Some(PASS), &["demo", "--families", "40", "--seed", "11", "--today", "2026-11-23"]));
    }
    let names = family_names(a.path());
    assert_eq!(names.len(), 40);
    assert_eq!(names, family_names(b.path()));
    let people_a = people(a.path());
    assert_eq!(people_a, people(b.path()));
    assert!(people_a.len() >= 80, "households have parents and children");
    assert!(people_a.iter().all(|(_, _, pesel)| pesel.len() == 11), "every demo member has a PESEL");

    // Up to the caseload cap the families are active; the rest are past cases.
    let active: Value =
        serde_json::from_str(&ok(asysta(a.path(), Some(PASS), &["family", "list", "--status", "active", "--json"])))
            .unwrap();
    assert_eq!(active.as_array().unwrap().len(), 15);
    fails_with(
        asysta(a.path(), Some(PASS), &["family", "add", "--name", "Szesnasta", "--address", "ul. A 1"]),
        "limit",
    );
}

#[test]
fn family_show_and_search_find_the_case() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let added = ok(asysta(
        dir.path(),
        Some(PASS),
        &[
            "family",
            "add",
            "--name",
            "Żółć",
            "--address",
            "ul. Łąkowa 3, Łódź",
            "--member-first-name",
            "Łucja",
            "--json",
        ],
    ));
    let id = serde_json::from_str::<Value>(&added).unwrap()["id"].as_str().unwrap().to_owned();
    let case: Value =
        serde_json::from_str(&ok(asysta(dir.path(), Some(PASS), &["family", "show", &id, "--json"]))).unwrap();
    assert_eq!(case["family"]["name"], "Żółć");
    assert_eq!(case["family"]["status"], "active");
    assert_eq!(case["members"][0]["first_name"], "Łucja");
    assert_eq!(case["members"][0]["last_name"], "Żółć");
    let found: Value =
        serde_json::from_str(&ok(asysta(dir.path(), Some(PASS), &["family", "search", "zolc lodz", "--json"])))
            .unwrap();
    assert_eq!(found[0]["id"], id.as_str());
    fails_with(
        asysta(dir.path(), Some(PASS), &["family", "show", "01900000-0000-7000-8000-000000000000"]),
        "Nie znaleziono",
    );
}

#[test]
fn errors_are_one_clear_line_and_a_failure_code() {
    let dir = tempfile::tempdir().unwrap();
    fails_with(asysta(dir.path(), Some(PASS), &["family", "list"]), "Najpierw go utwórz (asysta init)");
    fails_with(asysta(dir.path(), None, &["init", "--assistant", "A", "--centre", "B"]), "ASYSTA_PASSPHRASE");
    fails_with(asysta(dir.path(), Some("krótkie"), &["init", "--assistant", "A", "--centre", "B"]), "co najmniej 10");
    assert!(!dir.path().join("workspace").exists(), "failed inits leave nothing behind");
    fails_with(asysta(dir.path(), Some(PASS), &["init", "--assistant", " ", "--centre", "B"]), "--assistant");

    init(dir.path());
    fails_with(asysta(dir.path(), Some(PASS), &["init", "--assistant", "A", "--centre", "B"]), "już istnieje");
    fails_with(asysta(dir.path(), Some("inne hasło 12345"), &["family", "list"]), "Nieprawidłowe hasło");
    fails_with(
        asysta(dir.path(), Some(PASS), &["family", "add", "--name", "", "--address", "x"]),
        "--name: To pole jest wymagane.",
    );
    fails_with(asysta(dir.path(), Some(PASS), &["history", "not-an-id"]), "not a record id");
    fails_with(asysta(dir.path(), Some(PASS), &["history", "01900000-0000-7000-8000-000000000000"]), "Nie znaleziono");
    assert_eq!(family_names(dir.path()), Vec::<String>::new());
}

#[test]
fn errors_speak_english_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_asysta"));
    cmd.arg("--data-dir")
        .arg(dir.path())
        .args(["stats"])
        .env("ASYSTA_LANG", "en")
        .env("ASYSTA_PASSPHRASE", "wrong one 12345");
    fails_with(cmd.output().unwrap(), "Wrong passphrase");
}

#[test]
fn the_passphrase_can_be_changed() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_asysta"));
    cmd.arg("--data-dir")
        .arg(dir.path())
        .arg("passwd")
        .env("ASYSTA_PASSPHRASE", PASS)
        .env("ASYSTA_NEW_PASSPHRASE", "całkiem nowe hasło 2")
        .stdin(Stdio::null());
    ok(cmd.output().unwrap());
    fails_with(asysta(dir.path(), Some(PASS), &["stats"]), "Nieprawidłowe hasło");
    ok(asysta(dir.path(), Some("całkiem nowe hasło 2"), &["stats"]));
}

/// The role policy at the CLI's door: what only the centre may change is
/// refused on a laptop, in Polish, with nothing written.
#[test]
fn a_laptop_cannot_change_what_only_the_centre_may() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let events =
        || -> Value { serde_json::from_str(&ok(asysta(dir.path(), Some(PASS), &["stats", "--json"]))).unwrap() };
    let before = events();
    let file = dir.path().join("list.json");
    std::fs::write(&file, "[]").unwrap();
    let list = file.to_str().unwrap();
    for args in [
        &["settings", "--caseload-cap", "3"][..],
        &["settings", "--lock-minutes", "5"],
        &["areas", "--set", list],
        &["rating-scale", "--set", list],
        &["closing-reasons", "--set", list],
    ] {
        fails_with(asysta(dir.path(), Some(PASS), args), "Tej operacji nie wykonuje się");
    }
    assert_eq!(events(), before, "nothing written");
    let settings: Value = serde_json::from_str(&ok(asysta(dir.path(), Some(PASS), &["settings", "--json"]))).unwrap();
    assert_eq!(settings["caseload_cap"], 15);
}

/// The reverse: a centre does not write an assistant's case.
#[test]
fn a_centre_cannot_write_a_case() {
    let dir = tempfile::tempdir().unwrap();
    ok(asysta(dir.path(), Some(PASS), &["init", "--role", "centre", "--centre", "MOPS Łódź", "--user", "Maria Zięba"]));
    fails_with(
        asysta(dir.path(), Some(PASS), &["family", "add", "--name", "Lis", "--address", "ul. Leśna 2"]),
        "Tej operacji nie wykonuje się",
    );
    assert!(family_names(dir.path()).is_empty());
}

#[test]
fn the_centre_settings_and_plan_areas_can_be_changed() {
    let dir = tempfile::tempdir().unwrap();
    ok(asysta(dir.path(), Some(PASS), &["init", "--role", "centre", "--centre", "MOPS Łódź", "--user", "Maria Zięba"]));
    let settings = |args: &[&str]| -> Value {
        let args: Vec<&str> = ["settings", "--json"].iter().chain(args).copied().collect();
        serde_json::from_str(&ok(asysta(dir.path(), Some(PASS), &args))).unwrap()
    };
    let periods = serde_json::json!({
        "evaluation_months": 6, "monitoring_months": 3, "lock_minutes": 10, "attachment_limit_mb": 20
    });
    let with_periods = |mut v: Value| {
        v.as_object_mut().unwrap().extend(periods.as_object().unwrap().clone());
        v
    };
    assert_eq!(settings(&[]), with_periods(serde_json::json!({"caseload_cap": 15, "no_visit_days": 14})));
    assert_eq!(
        settings(&["--no-visit-days", "21"]),
        with_periods(serde_json::json!({"caseload_cap": 15, "no_visit_days": 21}))
    );
    assert_eq!(
        settings(&["--caseload-cap", "12"]),
        with_periods(serde_json::json!({"caseload_cap": 12, "no_visit_days": 21}))
    );
    let changed = settings(&["--evaluation-months", "3", "--lock-minutes", "5"]);
    assert_eq!((changed["evaluation_months"].as_u64(), changed["lock_minutes"].as_u64()), (Some(3), Some(5)));
    assert_eq!(changed["caseload_cap"], 12, "the periods leave the other settings alone");
    fails_with(asysta(dir.path(), Some(PASS), &["settings", "--evaluation-months", "7"]), "--evaluation-months");
    fails_with(asysta(dir.path(), Some(PASS), &["settings", "--caseload-cap", "16"]), "--caseload-cap: Limit rodzin");
    assert_eq!(settings(&[])["caseload_cap"], 12, "a refused setting changes nothing");

    let areas = |args: &[&str]| -> Value {
        let args: Vec<&str> = ["areas", "--json"].iter().chain(args).copied().collect();
        serde_json::from_str(&ok(asysta(dir.path(), Some(PASS), &args))).unwrap()
    };
    let default = areas(&[]);
    assert_eq!(default.as_array().unwrap().len(), 11, "the default Polish list");
    assert_eq!(default[0]["name_pl"], "Opieka i wychowanie dzieci");
    let file = dir.path().join("areas.json");
    let mut list = default.as_array().unwrap().clone();
    list.push(serde_json::json!({"key": "digital", "name_pl": "Kompetencje cyfrowe", "name_en": "Digital skills"}));
    std::fs::write(&file, serde_json::to_string(&list).unwrap()).unwrap();
    assert_eq!(areas(&["--set", file.to_str().unwrap()]).as_array().unwrap().len(), 12);
    std::fs::write(&file, "[{\"key\": \"\"}]").unwrap();
    fails_with(asysta(dir.path(), Some(PASS), &["areas", "--set", file.to_str().unwrap()]), "not a list of areas");
    assert_eq!(areas(&[]).as_array().unwrap().len(), 12, "a refused list changes nothing");
}

/// Two workspaces that each changed the same person's surname, with each
/// other's events: a conflict on both.
fn two_devices_in_conflict(a: &Path, b: &Path) -> String {
    use asysta_store::{Passphrase, Store, SystemEnvironment};
    init(a);
    init(b);
    let added = ok(asysta(
        a,
        Some(PASS),
        &["family", "add", "--name", "Kowal", "--address", "ul. Długa 4", "--member-first-name", "Jan", "--json"],
    ));
    let family: asysta_core::EntityId =
        serde_json::from_str::<Value>(&added).unwrap()["id"].as_str().unwrap().parse().unwrap();
    let open = |dir: &Path| Store::open(dir, &Passphrase::new(PASS), Box::new(SystemEnvironment)).unwrap();
    let (mut left, mut right) = (open(a), open(b));
    let sync = |from: &Store, to: &mut Store| {
        to.ingest(from.events_missing_from(&to.high_water_marks().unwrap()).unwrap()).unwrap();
    };
    sync(&left, &mut right);
    let member = left.family_case(family).unwrap().members[0].clone();
    for (store, surname) in [(&mut left, "Kowalski"), (&mut right, "Kowalczyk")] {
        let details = asysta_core::member::MemberDetails { last_name: surname.into(), ..member.details.clone() };
        store.update_member(member.id, details).unwrap();
    }
    sync(&left, &mut right);
    sync(&right, &mut left);
    family.to_string()
}

#[test]
fn conflicts_are_listed_and_resolved_from_the_command_line() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let family = two_devices_in_conflict(a.path(), b.path());
    let listed: Value = serde_json::from_str(&ok(asysta(b.path(), Some(PASS), &["conflicts", "--json"]))).unwrap();
    let conflicts = listed.as_array().unwrap();
    assert_eq!(conflicts.len(), 1);
    let c = &conflicts[0];
    assert_eq!((c["record"].as_str(), c["field"].as_str()), (Some("member"), Some("last_name")));
    assert_eq!(c["family_id"].as_str(), Some(family.as_str()));
    let versions = c["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert!(versions.iter().all(|v| v["author"]["name"] == "Anna Łęcka" && v["hlc"]["wall_ms"].is_u64()));
    let id = c["id"].as_str().unwrap().to_owned();

    // The text form shows both versions and which one the record shows.
    let text = ok(asysta(b.path(), Some(PASS), &["conflicts"]));
    assert!(text.contains(&id) && text.contains("\"Kowalski\"") && text.contains("\"Kowalczyk\""), "{text}");
    assert!(text.contains("(pokazywana)"), "{text}");

    // Bad input: nothing is written.
    fails_with(
        asysta(b.path(), Some(PASS), &["conflicts", "resolve", &id, "--keep", "nie-zdarzenie"]),
        "not an event id",
    );
    let other_event = "01a233c2-9b89-7d41-b950-9c9dda4b9c88";
    fails_with(
        asysta(b.path(), Some(PASS), &["conflicts", "resolve", &id, "--keep", other_event]),
        "Popraw zaznaczone pola",
    );
    fails_with(asysta(b.path(), Some(PASS), &["conflicts", "resolve", &id, "--value", "42"]), "Popraw zaznaczone pola");
    fails_with(
        asysta(b.path(), Some(PASS), &["conflicts", "resolve", &id, "--value", "{nie json"]),
        "--value is not JSON",
    );
    fails_with(
        asysta(b.path(), Some(PASS), &["conflicts", "resolve", "brak/takiego", "--value", "\"A\""]),
        "Nie znaleziono",
    );
    let both = asysta(b.path(), Some(PASS), &["conflicts", "resolve", &id, "--keep", other_event, "--value", "\"A\""]);
    assert!(!both.status.success());
    assert_eq!(
        serde_json::from_str::<Value>(&ok(asysta(b.path(), Some(PASS), &["conflicts", "--json"]))).unwrap(),
        listed
    );

    // Keep one version.
    let keep = versions.iter().find(|v| v["value"] == "Kowalski").unwrap()["event_id"].as_str().unwrap().to_owned();
    let resolved: Value = serde_json::from_str(&ok(asysta(
        b.path(),
        Some(PASS),
        &["conflicts", "resolve", &id, "--keep", &keep, "--json"],
    )))
    .unwrap();
    assert!(resolved["event_id"].is_string());
    assert!(ok(asysta(b.path(), Some(PASS), &["conflicts"])).contains("Brak konfliktów"));
    let case: Value =
        serde_json::from_str(&ok(asysta(b.path(), Some(PASS), &["family", "show", &family, "--json"]))).unwrap();
    assert_eq!(case["members"][0]["last_name"], "Kowalski");
    // The resolution is an event in the person's history.
    let member = case["members"][0]["id"].as_str().unwrap().to_owned();
    let history: Value =
        serde_json::from_str(&ok(asysta(b.path(), Some(PASS), &["history", &member, "--json"]))).unwrap();
    assert_eq!(history.as_array().unwrap().last().unwrap()["change"]["type"], "conflict.resolved");
}

#[test]
fn a_conflict_resolved_with_a_value_of_ones_own() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    two_devices_in_conflict(a.path(), b.path());
    let listed: Value = serde_json::from_str(&ok(asysta(a.path(), Some(PASS), &["conflicts", "--json"]))).unwrap();
    let id = listed[0]["id"].as_str().unwrap().to_owned();
    let out = ok(asysta(a.path(), Some(PASS), &["conflicts", "resolve", &id, "--value", "\"Kowalski-Kowalczyk\""]));
    assert!(out.contains("Konflikt rozstrzygnięty"), "{out}");
    assert_eq!(ok(asysta(a.path(), Some(PASS), &["conflicts", "--json"])).trim(), "[]");
}
