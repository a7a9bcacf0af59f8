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

#[test]
fn demo_data_is_deterministic_for_a_seed() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for dir in [a.path(), b.path()] {
        init(dir);
        ok(asysta(dir, Some(PASS), &["demo", "--families", "40", "--seed", "11"]));
    }
    let names = family_names(a.path());
    assert_eq!(names.len(), 40);
    assert_eq!(names, family_names(b.path()));
    let stats: Value = serde_json::from_str(&ok(asysta(a.path(), Some(PASS), &["stats", "--json"]))).unwrap();
    assert_eq!(stats["entities"]["member"], 40);
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
