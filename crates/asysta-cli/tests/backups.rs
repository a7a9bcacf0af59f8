//! `asysta backup` and `asysta restore`, run as a user would run them, on
//! real encrypted files: the JSON contract, a restore that passes `asysta
//! check` and writes as a new device, bad files refused with nothing
//! written, and `kill -9` at any moment of a backup.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PASS: &str = "bardzo tajne hasło 1";

fn command(data_dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_asysta"));
    cmd.arg("--data-dir").arg(data_dir).args(args).env_remove("ASYSTA_DATA_DIR").env("ASYSTA_LANG", "pl");
    cmd.env("ASYSTA_PASSPHRASE", PASS).stdin(Stdio::null());
    cmd
}

fn asysta(data_dir: &Path, args: &[&str]) -> Output {
    command(data_dir, args).output().expect("the asysta binary runs")
}

#[track_caller]
fn ok(output: Output) -> String {
    assert!(output.status.success(), "failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[track_caller]
fn json(output: Output) -> Value {
    serde_json::from_str(&ok(output)).unwrap()
}

fn init_with_families(dir: &Path) {
    ok(asysta(dir, &["init", "--assistant", "Anna Łęcka", "--centre", "MOPS Łódź"]));
    ok(asysta(dir, &["demo", "--families", "12", "--seed", "3", "--today", "2026-11-20"]));
}

fn backup_files(folder: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "asysta-kopia")).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn backup_now_list_settings_and_restore_as_a_new_device() {
    let root = tempfile::tempdir().unwrap();
    let laptop = root.path().join("laptop");
    init_with_families(&laptop);
    // The day's first unlock (the demo's) wrote the day's backup.
    let listed = json(asysta(&laptop, &["backup", "list", "--json"]));
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert_eq!(listed[0]["reason"], "daily");

    let stick = root.path().join("pendrive");
    std::fs::create_dir(&stick).unwrap();
    let settings =
        json(asysta(&laptop, &["backup", "settings", "--folder", stick.to_str().unwrap(), "--daily", "5", "--json"]));
    assert_eq!(settings["second_folder"], stick.to_str().unwrap());
    assert_eq!(settings["rotation"], serde_json::json!({"daily": 5, "weekly": 4, "monthly": 6}));
    let made = json(asysta(&laptop, &["backup", "now", "--json"]));
    let written = made["written"].as_array().unwrap();
    assert_eq!(written.len(), 2, "{made}");
    assert_eq!((written[0]["verified"].as_bool(), written[1]["second_folder"].as_bool()), (Some(true), Some(true)));
    assert_eq!(written[0]["reason"], "manual");
    assert!(made["second_folder_error"].is_null());
    let entry = &json(asysta(&laptop, &["backup", "list", "--json"]))[0];
    for key in ["path", "created_at_ms", "bytes", "verified", "reason", "second_folder"] {
        assert!(!entry[key].is_null(), "{key} in {entry}");
    }
    // Listing needs no passphrase (the files say what they are).
    let mut locked = command(&laptop, &["backup", "list"]);
    locked.env_remove("ASYSTA_PASSPHRASE");
    let text = ok(locked.output().unwrap());
    assert!(text.contains("sprawdzona") && text.contains("manual"), "{text}");

    // Restored on "a new machine": the same families, `asysta check`
    // passes, and what it writes is under a new device.
    let new_machine = root.path().join("new");
    let backup = written[1]["path"].as_str().unwrap();
    let restored = json(asysta(&new_machine, &["restore", backup, "--to", new_machine.to_str().unwrap(), "--json"]));
    assert!(restored["events"].as_u64().unwrap() > 50, "{restored}");
    let families = |dir: &Path| json(asysta(dir, &["family", "list", "--json"]));
    assert_eq!(families(&new_machine), families(&laptop));
    assert_eq!(json(asysta(&new_machine, &["check", "--json"]))["ok"], true);
    let before = json(asysta(&new_machine, &["stats", "--json"]));
    ok(asysta(&new_machine, &["family", "add", "--name", "Nowi", "--address", "ul. Nowa 1"]));
    let after = json(asysta(&new_machine, &["stats", "--json"]));
    let devices = |stats: &Value| stats["events"]["per_device"].as_object().map(|o| o.len()).unwrap_or(0);
    assert_eq!(devices(&after), devices(&before) + 1, "a new device writes: {before} → {after}");
    // A second restore onto it is refused; the workspace is untouched.
    let refused = asysta(&new_machine, &["restore", backup, "--to", new_machine.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("już istnieje"), "{refused:?}");
    assert_eq!(json(asysta(&new_machine, &["family", "list", "--json"])).as_array().unwrap().len(), 13);
}

#[test]
fn a_bad_backup_file_is_refused_with_a_clear_message_and_nothing_written() {
    let root = tempfile::tempdir().unwrap();
    let laptop = root.path().join("laptop");
    init_with_families(&laptop);
    let backup = json(asysta(&laptop, &["backup", "now", "--json"]))["written"][0]["path"].as_str().unwrap().to_owned();
    let bytes = std::fs::read(&backup).unwrap();
    let target = root.path().join("target");
    for (name, content, message) in [
        ("cut.asysta-kopia", &bytes[..bytes.len() / 2], "jest uszkodzona"),
        ("notes.txt", &b"lista zakupow"[..], "To nie jest kopia zapasowa Asysty"),
    ] {
        let file = root.path().join(name);
        std::fs::write(&file, content).unwrap();
        let output = asysta(&target, &["restore", file.to_str().unwrap(), "--to", target.to_str().unwrap()]);
        assert!(!output.status.success());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains(message), "{stderr}");
        assert!(!target.join("workspace").exists(), "{name}: nothing restored");
    }
}

/// `kill -9` at moments spread over a backup's whole run: the previous
/// backups and the workspace stay intact and no partial file is ever left
/// under a backup's name.
#[test]
fn kill_9_during_a_backup_leaves_the_previous_backups_and_the_workspace_intact() {
    let root = tempfile::tempdir().unwrap();
    let laptop = root.path().join("laptop");
    init_with_families(&laptop);
    ok(asysta(&laptop, &["backup", "settings", "--daily", "100"]));
    let folder = laptop.join("backups");
    // How long a whole `backup now` takes here.
    let start = std::time::Instant::now();
    ok(asysta(&laptop, &["backup", "now"]));
    let whole = start.elapsed();
    let steps = 12u32;
    for step in 0..steps {
        let before = backup_files(&folder);
        let mut child =
            command(&laptop, &["backup", "now"]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(whole * step / (steps - 2));
        let _ = child.kill();
        let _ = child.wait();
        let listed = json(asysta(&laptop, &["backup", "list", "--json"]));
        let listed = listed.as_array().unwrap();
        assert!(listed.iter().all(|b| b["verified"] == true), "step {step}: {listed:?}");
        let after = backup_files(&folder);
        assert_eq!(after.len(), listed.len(), "step {step}: every file under a backup's name is a whole backup");
        // Killed before its backup was whole: every earlier one is kept.
        // Killed after: the rotation may have let older ones of the day go,
        // never one of the three newest.
        let finished = after.iter().any(|f| !before.contains(f));
        let must_keep: Vec<_> = if finished { before.iter().rev().take(2).collect() } else { before.iter().collect() };
        for file in must_keep {
            assert!(after.contains(file), "step {step}: {file:?} was kept");
        }
    }
    assert_eq!(json(asysta(&laptop, &["check", "--json"]))["ok"], true);
    assert_eq!(json(asysta(&laptop, &["family", "list", "--json"])).as_array().unwrap().len(), 12);
}
