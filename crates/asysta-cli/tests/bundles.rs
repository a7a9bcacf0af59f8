//! The bundle commands, run as a user would run them, on real files: a
//! centre and two laptops enrol, send bundles both ways, refuse what was
//! changed or cut and what comes from a device nobody trusted, recover a
//! forgotten passphrase; and the reference `age` CLI reads a laptop's
//! bundle with the identity the centre gives its administrator.
//!
//! Everything checked is read from the commands' `--json` output where
//! they have one; text is only checked for what a person must see (the
//! file, the fingerprint, why it was refused).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const PASS: &str = "bardzo tajne hasło 1";
const CENTRE: &str = "MOPS Łódź";
/// The first bytes of a bundle's frame, inside its age encryption
/// (docs/BUNDLE_FORMAT.md).
const FRAME_MAGIC: &[u8] = b"ASYSTA-BUNDLE\0";

/// Runs `asysta --data-dir DIR ARGS` in English, with `passphrase` in
/// `ASYSTA_PASSPHRASE` and the extra variables in `env`.
fn asysta_env(data_dir: &Path, passphrase: &str, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_asysta"));
    cmd.arg("--data-dir").arg(data_dir).args(args);
    cmd.env_remove("ASYSTA_DATA_DIR").env_remove("ASYSTA_NEW_PASSPHRASE").env("ASYSTA_LANG", "en");
    cmd.env("ASYSTA_PASSPHRASE", passphrase).envs(env.iter().copied()).stdin(Stdio::null());
    cmd.output().expect("the asysta binary runs")
}

fn asysta(data_dir: &Path, args: &[&str]) -> Output {
    asysta_env(data_dir, PASS, &[], args)
}

#[track_caller]
fn ok(output: Output) -> String {
    assert!(output.status.success(), "failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// Runs a command that prints JSON and parses what it printed.
#[track_caller]
fn json(data_dir: &Path, args: &[&str]) -> Value {
    let text = ok(asysta(data_dir, args));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {text}"))
}

/// Asserts a non-zero exit and returns stderr.
#[track_caller]
fn refused(output: Output) -> String {
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!output.status.success(), "should have been refused; stdout: {}", String::from_utf8_lossy(&output.stdout));
    assert!(stderr.starts_with("asysta: "), "{stderr:?}");
    stderr
}

fn path(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

fn sync_status(dir: &Path) -> Value {
    json(dir, &["sync", "status", "--json"])
}

fn devices(dir: &Path) -> Value {
    json(dir, &["devices", "--json"])
}

/// What a centre shows of its exchanges, to compare before and after a
/// command that must change nothing.
fn centre_view(dir: &Path) -> (Value, Value) {
    (devices(dir), sync_status(dir))
}

/// A centre and two enrolled laptops, each in its own data directory.
struct Site {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    centre: PathBuf,
    anna: PathBuf,
    ewa: PathBuf,
    centre_fingerprint: String,
}

fn init_centre(dir: &Path, centre: &str) {
    ok(asysta(dir, &["init", "--role", "centre", "--centre", centre, "--user", "Maria Zięba"]));
}

fn init_laptop(dir: &Path, name: &str) {
    ok(asysta(dir, &["init", "--role", "assistant", "--centre", CENTRE, "--assistant", name]));
}

fn site() -> Site {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_owned();
    let (centre, anna, ewa) = (root.join("centre"), root.join("anna"), root.join("ewa"));
    init_centre(&centre, CENTRE);
    init_laptop(&anna, "Anna Łęcka");
    init_laptop(&ewa, "Ewa Nowak");

    let enrolment = root.join("enrolment.json");
    let printed = ok(asysta(&centre, &["centre", "export-enrolment", path(&enrolment)]));
    let (file, centre_fingerprint) = printed.trim_end().split_once('\t').expect("FILE<tab>FINGERPRINT");
    assert_eq!(file, path(&enrolment));
    let written: Value = serde_json::from_slice(&std::fs::read(&enrolment).unwrap()).unwrap();
    assert_eq!(written["fingerprint"], centre_fingerprint, "{written}");
    assert_eq!(sync_status(&centre)["fingerprint"], centre_fingerprint);

    for laptop in [&anna, &ewa] {
        let said = ok(asysta(laptop, &["enrol", path(&enrolment)]));
        assert!(said.contains(CENTRE) && said.contains(centre_fingerprint), "{said}");
        let status = sync_status(laptop);
        assert_eq!(status["role"], "assistant");
        assert_eq!(status["centre"]["fingerprint"], centre_fingerprint, "{status}");
        assert_eq!(status["centre"]["role"], "centre");
        assert_eq!(status["centre"]["user_name"], CENTRE);
    }
    Site { _tmp: tmp, root: root.clone(), centre, anna, ewa, centre_fingerprint: centre_fingerprint.to_owned() }
}

/// Adds a family with its first member; returns its id.
fn add_family(dir: &Path, name: &str, first_name: &str) -> String {
    let added = json(
        dir,
        &[
            "family",
            "add",
            "--name",
            name,
            "--address",
            "ul. Piotrkowska 1",
            "--member-first-name",
            first_name,
            "--json",
        ],
    );
    added["id"].as_str().unwrap().to_owned()
}

/// `asysta export --to TO ARGS --json`.
fn export(dir: &Path, to: &Path, args: &[&str]) -> Value {
    let mut all = vec!["export", "--to", path(to)];
    all.extend_from_slice(args);
    all.push("--json");
    json(dir, &all)
}

/// `asysta import FILE ARGS --json`: the one file's result.
#[track_caller]
fn import(dir: &Path, file: &Path, args: &[&str]) -> Value {
    let mut all = vec!["import", path(file)];
    all.extend_from_slice(args);
    all.push("--json");
    let results = json(dir, &all);
    let results = results.as_array().expect("a list of results");
    assert_eq!(results.len(), 1, "{results:?}");
    assert_eq!(results[0]["ok"], true, "{results:?}");
    results[0]["report"].clone()
}

fn device_id(dir: &Path) -> String {
    sync_status(dir)["device_id"].as_str().unwrap().to_owned()
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Now, in Unix milliseconds (the test's own clock, to bound the bundle's).
fn now_ms() -> u64 {
    // The binary under test reads this clock; so may its test.
    #[allow(clippy::disallowed_methods)]
    let now = std::time::SystemTime::now();
    now.duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as u64
}

#[test]
fn a_laptops_bundle_reaches_the_centre_once_and_only_when_trusted() {
    let s = site();
    let family_id = add_family(&s.anna, "Kowalscy", "Jan");
    let anna = sync_status(&s.anna);
    let anna_device = anna["device_id"].as_str().unwrap().to_owned();
    let anna_fingerprint = anna["fingerprint"].as_str().unwrap().to_owned();
    let anna_last = anna["marks"][&anna_device].as_u64().unwrap();
    assert!(anna_last >= 3, "workspace, family, member: {anna}");
    assert_eq!(anna["pending_events"], anna_last, "nothing was sent yet: {anna}");

    // Exported into a folder: the file is named for who, when and which
    // range, and nothing else is left there.
    let out = s.root.join("stick");
    std::fs::create_dir(&out).unwrap();
    let before_ms = now_ms();
    let summary = export(&s.anna, &out, &[]);
    let after_ms = now_ms();
    let file_name = summary["file_name"].as_str().unwrap().to_owned();
    let bundle = out.join(&file_name);
    assert_eq!(summary["path"], path(&bundle));
    assert_eq!(summary["event_count"], anna_last);
    assert_eq!(summary["withheld"], 0);
    assert_eq!(summary["full"], false);
    assert_eq!(summary["bytes"], std::fs::metadata(&bundle).unwrap().len());
    assert_eq!(file_names(&out), std::slice::from_ref(&file_name), "no temporary file is left behind");

    let info = json(&s.centre, &["verify", path(&bundle), "--json"]);
    let written_ms = info["created_at_ms"].as_u64().unwrap();
    assert!((before_ms..=after_ms).contains(&written_ms), "{before_ms} <= {written_ms} <= {after_ms}");
    let when = chrono::DateTime::from_timestamp_millis(written_ms as i64).unwrap().format("%Y%m%d-%H%M%S");
    assert_eq!(file_name, format!("asysta-anna-lecka-{when}Z-1-{anna_last}.asysta"));
    assert_eq!(info["trust"], "unknown", "not imported yet: {info}");

    // The laptop's own status records the export.
    let anna = sync_status(&s.anna);
    assert_eq!(anna["last_export"]["file_name"], file_name.as_str(), "{anna}");
    assert_eq!(anna["last_export"]["event_count"], anna_last);

    // Not trusted yet: refused, naming the file and the device's
    // fingerprint (the one the laptop's screen shows), and nothing changes.
    let before = centre_view(&s.centre);
    assert_eq!(before.0, Value::Array(Vec::new()), "no device enrolled yet");
    let stderr = refused(asysta(&s.centre, &["import", path(&bundle)]));
    assert!(stderr.contains(&file_name), "{stderr}");
    assert!(stderr.contains(&anna_fingerprint), "{stderr}");
    assert!(stderr.contains(&format!("--trust-device {anna_fingerprint}")), "{stderr}");
    let failed = asysta(&s.centre, &["import", path(&bundle), "--json"]);
    assert!(!failed.status.success());
    let results: Value = serde_json::from_slice(&failed.stdout).unwrap();
    assert_eq!(results[0]["ok"], false, "{results}");
    assert_eq!(results[0]["file"], file_name.as_str());
    assert_eq!(results[0]["error"]["kind"], "device_unknown", "{results}");
    assert_eq!(results[0]["error"]["args"]["fingerprint"], anna_fingerprint.as_str(), "{results}");
    // Another device's fingerprint does not let it in either.
    let ewa_fingerprint = sync_status(&s.ewa)["fingerprint"].as_str().unwrap().to_owned();
    let stderr = refused(asysta(&s.centre, &["import", path(&bundle), "--trust-device", &ewa_fingerprint]));
    assert!(stderr.contains(&ewa_fingerprint) && stderr.contains(&anna_fingerprint), "{stderr}");
    assert_eq!(centre_view(&s.centre), before);

    // Trusted with the fingerprint compared (typed in lower case, as a
    // person might).
    let report = import(&s.centre, &bundle, &["--trust-device", &anna_fingerprint.to_lowercase()]);
    assert_eq!(report["trusted_now"], true, "{report}");
    assert_eq!(report["already_imported"], false);
    assert_eq!(report["sender_fingerprint"], anna_fingerprint.as_str());
    assert_eq!(report["sender_name"], "Anna Łęcka");
    assert_eq!(report["events"], anna_last);
    assert_eq!(report["applied"], anna_last);
    assert_eq!(report["records_new"], 3, "workspace, family, member: {report}");
    let case = json(&s.centre, &["family", "show", &family_id, "--json"]);
    assert_eq!(case["family"]["name"], "Kowalscy");

    // The same file again: recognised, nothing changes.
    let before = centre_view(&s.centre);
    let again = import(&s.centre, &bundle, &[]);
    assert_eq!(again["already_imported"], true, "{again}");
    assert_eq!(again["applied"], 0);
    assert_eq!(again["unchanged"], anna_last);
    let text = ok(asysta(&s.centre, &["import", path(&bundle)]));
    assert!(text.contains(&file_name) && text.contains("imported before"), "{text}");
    assert_eq!(centre_view(&s.centre), before);

    // verify: text and JSON.
    let text = ok(asysta(&s.centre, &["verify", path(&bundle)]));
    assert!(text.starts_with(&format!("{file_name}: OK (format 1")), "{text}");
    assert!(text.contains("Anna Łęcka") && text.contains(&anna_fingerprint) && text.contains("Trusted"), "{text}");
    let info = json(&s.centre, &["verify", path(&bundle), "--json"]);
    assert_eq!(info["file_name"], file_name.as_str());
    assert_eq!(info["format_version"], 1);
    assert_eq!(info["bundle_id"], summary["bundle_id"]);
    assert_eq!(info["sender_device"], anna_device.as_str());
    assert_eq!(info["sender_role"], "assistant");
    assert_eq!(info["sender_name"], "Anna Łęcka");
    assert_eq!(info["sender_centre"], CENTRE);
    assert_eq!(info["sender_fingerprint"], anna_fingerprint.as_str());
    assert_eq!(info["trust"], "trusted");
    assert_eq!(info["recipient_device"], device_id(&s.centre).as_str());
    assert_eq!(info["event_count"], anna_last);
    assert_eq!(info["withheld"], 0);
    assert_eq!(info["full"], false);
    let ranges = serde_json::json!([{ "device_id": anna_device, "first": 1, "last": anna_last, "count": anna_last }]);
    assert_eq!(info["ranges"], ranges);
    assert_eq!(summary["ranges"], ranges);

    // The centre's devices and status.
    let listed = devices(&s.centre);
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    let d = &listed[0];
    assert_eq!(d["device_id"], anna_device.as_str());
    assert_eq!(d["role"], "assistant");
    assert_eq!(d["user_name"], "Anna Łęcka");
    assert_eq!(d["centre_name"], CENTRE);
    assert_eq!(d["fingerprint"], anna_fingerprint.as_str());
    assert!(d["workspace_id"].is_string(), "{d}");
    assert!(d["trusted_at_ms"].as_u64().unwrap() >= before_ms, "{d}");
    assert_eq!(d["last_import"]["file_name"], file_name.as_str());
    assert_eq!(d["last_import"]["direction"], "import");
    assert_eq!(d["last_import"]["event_count"], anna_last);
    assert_eq!(d["last_import"]["bundle_id"], summary["bundle_id"]);
    assert_eq!(d["last_export"], Value::Null);
    assert_eq!(d["held_back"], 0);
    assert_eq!(d["conflicts"], 0);
    // The laptop's bundle said it holds all of its own events, and the
    // centre's first event is the one it lacks.
    assert_eq!(d["pending_events"], 1, "{d}");

    let status = sync_status(&s.centre);
    assert_eq!(status["role"], "centre");
    assert_eq!(status["centre"], Value::Null);
    assert_eq!(status["devices"], Value::Array(listed.clone()));
    assert_eq!(status["marks"][&anna_device], anna_last, "{status}");
    assert_eq!(status["last_import"]["file_name"], file_name.as_str());
    assert_eq!(status["last_export"], Value::Null);
    assert_eq!(status["held_back"], 0);
    assert_eq!(status["missing"], Value::Array(Vec::new()));
    assert_eq!(status["conflicts"], 0);
    assert_eq!(status["pending_events"], 1);

    // The second laptop's bundle: now two devices.
    add_family(&s.ewa, "Nowakowie", "Ola");
    let ewas = export(&s.ewa, &out, &[]);
    let ewas = PathBuf::from(ewas["path"].as_str().unwrap());
    import(&s.centre, &ewas, &["--trust-device", &ewa_fingerprint]);
    let listed = devices(&s.centre);
    let names: Vec<&str> = listed.as_array().unwrap().iter().map(|d| d["user_name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Anna Łęcka", "Ewa Nowak"]);
    assert_eq!(json(&s.centre, &["family", "list", "--json"]).as_array().unwrap().len(), 2);
}

#[test]
fn the_centres_settings_reach_the_laptop_in_a_bundle_for_its_device() {
    let s = site();
    add_family(&s.anna, "Kowalscy", "Jan");
    let stick = s.root.join("stick");
    std::fs::create_dir(&stick).unwrap();
    let first = export(&s.anna, &stick, &[]);
    let anna_fingerprint = sync_status(&s.anna)["fingerprint"].as_str().unwrap().to_owned();
    import(&s.centre, Path::new(first["path"].as_str().unwrap()), &["--trust-device", &anna_fingerprint]);

    let set = json(&s.centre, &["settings", "--caseload-cap", "12", "--json"]);
    assert_eq!(set["caseload_cap"], 12);
    assert_eq!(json(&s.anna, &["settings", "--json"])["caseload_cap"], 15, "the law's cap until the bundle comes");

    let anna_device = device_id(&s.anna);
    let back = export(&s.centre, &s.root.join("for-anna.asysta"), &["--device", &anna_device]);
    assert_eq!(back["to_device"], anna_device.as_str());
    assert_eq!(back["file_name"], "for-anna.asysta");
    assert!(back["event_count"].as_u64().unwrap() >= 2, "the centre's workspace and its settings: {back}");
    let report = import(&s.anna, &s.root.join("for-anna.asysta"), &[]);
    assert_eq!(report["already_imported"], false, "{report}");
    assert!(report["applied"].as_u64().unwrap() >= 1, "{report}");
    assert_eq!(report["sender_fingerprint"], s.centre_fingerprint.as_str());

    let settings = json(&s.anna, &["settings", "--json"]);
    assert_eq!(settings["caseload_cap"], 12, "{settings}");
    let status = sync_status(&s.anna);
    assert_eq!(status["last_import"]["file_name"], "for-anna.asysta", "{status}");
    // The centre's bundle said what it holds: nothing of Anna's is pending.
    assert_eq!(status["pending_events"], 0, "{status}");
    // The centre knows it sent it.
    let d = &devices(&s.centre)[0];
    assert_eq!(d["last_export"]["file_name"], "for-anna.asysta", "{d}");
    assert_eq!(d["last_export"]["direction"], "export");

    // A centre's export needs the device it is for.
    let stderr = refused(asysta(&s.centre, &["export", "--to", path(&s.root.join("nobody.asysta"))]));
    assert!(stderr.contains("--device"), "{stderr}");
    assert!(!s.root.join("nobody.asysta").exists());
}

#[test]
fn a_changed_or_cut_bundle_is_refused_and_changes_nothing() {
    let s = site();
    add_family(&s.anna, "Kowalscy", "Jan");
    let bundle = s.root.join("anna.asysta");
    export(&s.anna, &bundle, &[]);
    let bytes = std::fs::read(&bundle).unwrap();
    let anna_fingerprint = sync_status(&s.anna)["fingerprint"].as_str().unwrap().to_owned();

    let before = centre_view(&s.centre);
    let mut cases = Vec::new();
    // One byte changed in the encrypted payload, near the start, in the
    // middle and at the end (the signature's chunk).
    for at in [bytes.len() / 3, bytes.len() / 2, bytes.len() - 1] {
        let mut changed = bytes.clone();
        changed[at] ^= 0x01;
        cases.push((format!("changed-at-{at}.asysta"), changed, "is damaged, incomplete or was changed"));
    }
    // Cut short. Inside the payload, age's STREAM cannot tell a cut from a
    // change (the short last chunk fails to authenticate either way), so
    // the message is the damaged one; a file cut inside age's header, or
    // empty, is recognised as incomplete.
    for keep in [bytes.len() / 2, bytes.len() - 1] {
        cases.push((format!("cut-to-{keep}.asysta"), bytes[..keep].to_vec(), "is damaged, incomplete or was changed"));
    }
    cases.push(("cut-to-60.asysta".into(), bytes[..60].to_vec(), "is incomplete"));
    cases.push(("empty.asysta".into(), Vec::new(), "is incomplete"));
    for (name, content, expected) in &cases {
        let file = s.root.join(name);
        std::fs::write(&file, content).unwrap();
        let stderr = refused(asysta(&s.centre, &["import", path(&file), "--trust-device", &anna_fingerprint]));
        assert!(stderr.contains(name), "{stderr}");
        assert!(stderr.contains(expected), "{name}: {stderr:?} should say {expected:?}");
        assert!(stderr.to_lowercase().contains("nothing was imported"), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        let stderr = refused(asysta(&s.centre, &["verify", path(&file)]));
        assert!(stderr.contains(expected), "verify {name}: {stderr:?}");
        assert_eq!(centre_view(&s.centre), before, "{name} changed the centre");
    }

    // Several files at once: each is imported on its own, so the untouched
    // one goes in beside a cut one (what refused the others was the
    // change), and the command still fails for the cut one.
    let cut = s.root.join(&cases[3].0);
    let both = asysta(&s.centre, &["import", path(&cut), path(&bundle), "--trust-device", &anna_fingerprint, "--json"]);
    assert!(!both.status.success());
    let results: Value = serde_json::from_slice(&both.stdout).unwrap();
    assert_eq!(results[0]["ok"], false, "{results}");
    assert_eq!(results[0]["file"], cases[3].0.as_str());
    assert_eq!(results[0]["error"]["kind"], "bundle_damaged", "{results}");
    assert_eq!(results[1]["ok"], true, "{results}");
    assert!(results[1]["report"]["applied"].as_u64().unwrap() >= 3, "{results}");
    assert_ne!(centre_view(&s.centre), before);
}

#[test]
fn the_reference_age_cli_reads_a_bundle_with_the_centres_identity() {
    let s = site();
    add_family(&s.anna, "Kowalscy", "Jan");
    let bundle = s.root.join("anna.asysta");
    export(&s.anna, &bundle, &[]);
    let identity = s.root.join("centre-identity.txt");
    let printed = ok(asysta(&s.centre, &["centre", "export-identity", path(&identity)]));
    assert_eq!(printed.trim_end(), path(&identity));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&identity).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "the identity is readable by its owner only: {mode:o}");
    }
    let text = std::fs::read_to_string(&identity).unwrap();
    assert!(text.lines().any(|l| l.starts_with("AGE-SECRET-KEY-1")), "an age identity file");

    let decrypted = Command::new("age").arg("-d").arg("-i").arg(&identity).arg(&bundle).stdin(Stdio::null()).output();
    let decrypted = decrypted.unwrap_or_else(|e| {
        panic!(
            "the reference `age` CLI is needed for this test and could not be run ({e}): \
             install the Debian package `age` (it is in xtask's list of CI packages)"
        )
    });
    assert!(decrypted.status.success(), "age -d failed: {}", String::from_utf8_lossy(&decrypted.stderr));
    let frame = decrypted.stdout;
    assert!(frame.starts_with(FRAME_MAGIC), "the frame starts with the magic: {:?}", &frame[..frame.len().min(16)]);
    assert_eq!(frame[FRAME_MAGIC.len()..FRAME_MAGIC.len() + 2], [0, 1], "format version 1");

    // Another centre's identity reads nothing: the bundle is addressed to
    // this centre (and to the laptop itself) only.
    let other = s.root.join("other-centre");
    init_centre(&other, "MOPS Kraków");
    let other_identity = s.root.join("other-identity.txt");
    ok(asysta(&other, &["centre", "export-identity", path(&other_identity)]));
    let foreign = Command::new("age").arg("-d").arg("-i").arg(&other_identity).arg(&bundle).output().unwrap();
    assert!(!foreign.status.success() && foreign.stdout.is_empty());
}

#[test]
fn a_forgotten_passphrase_is_recovered_at_the_centre_the_laptop_enrolled_with() {
    let s = site();
    add_family(&s.anna, "Kowalscy", "Jan");
    const NEW: &str = "nowe hasło od centrum 7";
    // The assistant forgot it.
    let stderr = refused(asysta_env(&s.anna, "nie pamiętam hasła 0", &[], &["family", "list"]));
    assert!(stderr.to_lowercase().contains("passphrase"), "{stderr}");

    // Another centre (never enrolled with) cannot, and changes nothing.
    let other = s.root.join("other-centre");
    init_centre(&other, "MOPS Kraków");
    let key_file = s.anna.join("workspace").join("asysta.key");
    let key_before = std::fs::read(&key_file).unwrap();
    let stderr = refused(asysta_env(&other, PASS, &[("ASYSTA_NEW_PASSPHRASE", NEW)], &["recover", path(&s.anna)]));
    assert!(stderr.contains("cannot be recovered at this centre"), "{stderr}");
    assert_eq!(std::fs::read(&key_file).unwrap(), key_before);
    // Nor can a laptop.
    let stderr = refused(asysta_env(&s.ewa, PASS, &[("ASYSTA_NEW_PASSPHRASE", NEW)], &["recover", path(&s.anna)]));
    assert!(stderr.contains("not done in this kind of workspace"), "{stderr}");
    assert_eq!(std::fs::read(&key_file).unwrap(), key_before);

    let said = ok(asysta_env(&s.centre, PASS, &[("ASYSTA_NEW_PASSPHRASE", NEW)], &["recover", path(&s.anna)]));
    assert!(said.contains(path(&s.anna)), "{said}");
    let list = ok(asysta_env(&s.anna, NEW, &[], &["family", "list", "--json"]));
    let list: Value = serde_json::from_str(&list).unwrap();
    assert_eq!(list[0]["name"], "Kowalscy", "{list}");
    refused(asysta_env(&s.anna, PASS, &[], &["family", "list"]));
    // Still enrolled: the recovered laptop goes on exchanging bundles.
    let status: Value =
        serde_json::from_str(&ok(asysta_env(&s.anna, NEW, &[], &["sync", "status", "--json"]))).unwrap();
    assert_eq!(status["centre"]["fingerprint"], s.centre_fingerprint.as_str());
}

#[test]
fn demo_at_a_centre_enrols_synthetic_laptops_and_imports_their_bundles() {
    let tmp = tempfile::tempdir().unwrap();
    let centre = tmp.path().join("centre");
    init_centre(&centre, CENTRE);
    ok(asysta(&centre, &["demo", "--assistants", "2", "--today", "2026-11-23"]));
    let listed = devices(&centre);
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 2, "{listed:?}");
    // Each laptop's events, over the demo's bundles (its last one is small).
    let stats = json(&centre, &["stats", "--json"]);
    for d in listed {
        assert_eq!(d["role"], "assistant");
        assert_eq!(d["centre_name"], CENTRE);
        let events = &stats["events"]["per_device"][d["device_id"].as_str().unwrap()];
        assert!(events.as_u64().unwrap() > 15, "a caseload's history: {d} {events}");
        assert_eq!(d["held_back"], 0);
    }
    assert_ne!(listed[0]["fingerprint"], listed[1]["fingerprint"]);
    let families = json(&centre, &["family", "list", "--json"]);
    assert_eq!(
        families.as_array().unwrap().len(),
        15 + 18 + 7,
        "15 families of the first laptop's own, 18 of the second's (15 active: the assistant once over the \
         cap), 7 referred to the centre"
    );
    let status = sync_status(&centre);
    assert_eq!(status["marks"].as_object().unwrap().len(), 3, "the centre and two laptops: {status}");
    assert_eq!(status["held_back"], 0);

    // On a laptop it is refused, and nothing is added.
    let laptop = tmp.path().join("laptop");
    init_laptop(&laptop, "Anna Łęcka");
    let stderr = refused(asysta(&laptop, &["demo", "--assistants", "1"]));
    assert!(stderr.contains("not done in this kind of workspace"), "{stderr}");
    assert_eq!(json(&laptop, &["family", "list", "--json"]), Value::Array(Vec::new()));
}

/// Every replica equals its own rebuild on every path a user takes: the
/// demo on a laptop, its bundle imported at the centre, and the centre's
/// own demo of three laptops; and the laptop and the centre show the same
/// case for every family (`family show --json`).
#[test]
fn after_the_demo_and_a_bundle_both_sides_pass_check_and_show_the_same_cases() {
    let s = site();
    ok(asysta(&s.anna, &["demo", "--families", "6", "--seed", "1", "--today", "2026-11-30"]));
    let report = json(&s.anna, &["check", "--json"]);
    assert_eq!(report["ok"], true, "{report}");
    let usb = s.root.join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let sent = export(&s.anna, &usb, &[]);
    let fingerprint = sync_status(&s.anna)["fingerprint"].as_str().unwrap().to_owned();
    import(&s.centre, Path::new(sent["path"].as_str().unwrap()), &["--trust-device", &fingerprint]);
    let report = json(&s.centre, &["check", "--json"]);
    assert_eq!(report["ok"], true, "{report}");
    let families = json(&s.anna, &["family", "list", "--json"]);
    let families = families.as_array().unwrap();
    assert_eq!(families.len(), 6);
    for family in families {
        let id = family["id"].as_str().unwrap();
        assert_eq!(
            json(&s.anna, &["family", "show", id, "--json"]),
            json(&s.centre, &["family", "show", id, "--json"]),
            "family {id} differs between the laptop and the centre"
        );
    }
    // Progress notes dated before their plan was agreed are none, and every
    // note event is a row on both sides.
    let stats = json(&s.anna, &["stats", "--json"]);
    assert_eq!(stats["entities"]["progress_note"], stats["events"]["per_kind"]["plan.progress_noted"], "{stats}");

    // At a centre, its demo of three laptops' bundles.
    let other = s.root.join("centre-demo");
    init_centre(&other, CENTRE);
    ok(asysta(&other, &["demo", "--assistants", "3"]));
    let report = json(&other, &["check", "--json"]);
    assert_eq!(report["ok"], true, "{report}");
    assert!(report["events"].as_u64().unwrap() > 1000, "{report}");
}

/// The demo at a centre shows the whole of its steering, each part read
/// back from the centre's store: a waiting list, plan versions submitted,
/// returned and approved, comments both ways, a transfer in progress and
/// one done with the old laptop's late edit, an undecided duplicate across
/// two assistants, a cap breach in the past; and it passes `asysta check`.
#[test]
fn demo_at_a_centre_shows_its_steering() {
    use asysta_core::centre::ApprovalState;
    use asysta_core::workspace::Role;
    use asysta_store::{Passphrase, Store, SystemEnvironment};

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("centre");
    init_centre(&dir, CENTRE);
    let today = "2026-11-23";
    ok(asysta(&dir, &["demo", "--assistants", "3", "--seed", "4", "--today", today]));
    let report = json(&dir, &["check", "--json"]);
    assert_eq!(report["ok"], true, "{report}");

    let centre = Store::open(&dir, &Passphrase::new(PASS), Box::new(SystemEnvironment)).unwrap();
    let today: chrono::NaiveDate = today.parse().unwrap();
    let waiting = centre.waiting_list(today).unwrap();
    assert_eq!(waiting.len(), 4, "{waiting:?}");
    let bases: std::collections::BTreeSet<_> = waiting.iter().map(|w| w.referral.basis).collect();
    assert_eq!(bases.len(), 2, "social workers' requests and courts' orders");

    let mut states = std::collections::BTreeMap::<&str, usize>::new();
    for family in centre.list_families().unwrap() {
        for approval in centre.plan_approvals(family.id).unwrap() {
            *states.entry(approval.state().as_str()).or_default() += 1;
        }
    }
    let count = |state: ApprovalState| states.get(state.as_str()).copied().unwrap_or(0);
    assert!(
        count(ApprovalState::Submitted) >= 1
            && count(ApprovalState::Returned) >= 2
            && count(ApprovalState::Approved) >= 2,
        "waiting, returned and approved plan versions: {states:?}"
    );

    let comments = centre.comments(None).unwrap();
    let from = |side| comments.iter().filter(|c| c.side == side).count();
    assert!(from(Role::Centre) >= 2 && from(Role::Assistant) >= 2, "{comments:?}");
    assert!(comments.iter().any(|c| c.unread), "an assistant's comment not read at the centre yet");

    let transfers = centre.transfers().unwrap();
    assert!(transfers[0].pending, "a transfer waits for the old laptop: {transfers:?}");
    assert!(transfers.iter().any(|t| !t.pending && t.late_edits.len() == 1), "{transfers:?}");

    let pairs = centre.cross_duplicates().unwrap();
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert_eq!(pairs[0].decision, None);
    assert_ne!(pairs[0].first.assistant_name, pairs[0].second.assistant_name);

    let board = centre.dashboard(today).unwrap();
    let breached: Vec<&str> = board.assistants.iter().filter(|a| a.breach_in_past).map(|a| a.name.as_str()).collect();
    assert_eq!(breached, ["Katarzyna Wójcik"], "{:?}", board.assistants);
    assert_eq!((board.waiting.count, board.pending_transfers.count, board.open_duplicates), (4, 1, 1));

    // The register: both forms of employment, and an assistant who left.
    let register = centre.assistants(None).unwrap();
    assert_eq!(register.len(), 4);
    assert!(register.iter().all(|a| a.active_families <= a.cap), "none over the cap now: {register:?}");
    assert!(register.iter().all(|a| a.registered && a.entry.from.is_some()), "{register:?}");
    let employed = asysta_core::centre::register::headcount_on(register.iter().map(|a| &a.entry), today);
    assert_eq!(employed.values().sum::<u32>(), 3, "the assistant who left is not counted: {employed:?}");
    assert_eq!(employed.len(), 2, "{employed:?}");
}

/// A small whole PDF whose content differs by `tag`.
fn pdf(tag: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {tag}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n").into_bytes()
}

#[test]
fn attachments_are_checked_carried_to_the_centre_with_their_files_and_saved_without_overwriting() {
    let s = site();
    let family_id = add_family(&s.anna, "Kowalscy", "Jan");
    let files = s.root.join("skany");
    std::fs::create_dir(&files).unwrap();
    let order = files.join("postanowienie sądu.pdf");
    std::fs::write(&order, pdf("order")).unwrap();
    let added = json(&s.anna, &["attachment", "add", &family_id, path(&order), "--json"]);
    let attachment_id = added["id"].as_str().unwrap().to_owned();
    assert_eq!((added["kind"].as_str(), added["file_name"].as_str()), (Some("pdf"), Some("postanowienie sądu.pdf")));
    assert_eq!(added["target"]["kind"], "family");

    // A PNG named .pdf, and a file cut short, are refused with the reason.
    let fake = files.join("skan.pdf");
    std::fs::write(&fake, b"\x89PNG\r\n\x1a\n....").unwrap();
    let stderr = refused(asysta(&s.anna, &["attachment", "add", &family_id, path(&fake)]));
    assert!(stderr.contains("does not match its extension"), "{stderr}");
    let cut = files.join("ucięty.pdf");
    std::fs::write(&cut, &pdf("cut")[..20]).unwrap();
    let stderr = refused(asysta(&s.anna, &["attachment", "add", &family_id, path(&cut)]));
    assert!(stderr.contains("incomplete"), "{stderr}");

    // To the centre, with the file.
    let anna_fingerprint = sync_status(&s.anna)["fingerprint"].as_str().unwrap().to_owned();
    let bundle = export(&s.anna, &s.root.join("b1.asysta"), &[]);
    import(&s.centre, Path::new(bundle["path"].as_str().unwrap()), &["--trust-device", &anna_fingerprint]);
    let listed = json(&s.centre, &["attachment", "list", &family_id, "--json"]);
    assert_eq!(listed[0]["id"], attachment_id.as_str(), "{listed}");
    let copy = s.root.join("kopia.pdf");
    let said = ok(asysta(&s.centre, &["attachment", "save", &attachment_id, "--to", path(&copy)]));
    assert!(said.contains("kopia.pdf"));
    assert_eq!(std::fs::read(&copy).unwrap(), pdf("order"));
    // Never over an existing file.
    std::fs::write(&copy, b"moje").unwrap();
    let stderr = refused(asysta(&s.centre, &["attachment", "save", &attachment_id, "--to", path(&copy)]));
    assert!(stderr.contains("exists already"), "{stderr}");
    assert_eq!(std::fs::read(&copy).unwrap(), b"moje");

    // The centre lowers the limit to 1 MB; on the laptop, after the
    // centre's bundle, a 2 MB scan is refused.
    let set = json(&s.centre, &["settings", "--attachment-limit-mb", "1", "--json"]);
    assert_eq!(set["attachment_limit_mb"], 1);
    let anna_device = device_id(&s.anna);
    export(&s.centre, &s.root.join("for-anna.asysta"), &["--device", &anna_device]);
    import(&s.anna, &s.root.join("for-anna.asysta"), &[]);
    let mut big = pdf("big");
    big.resize(2 * 1024 * 1024, b' ');
    big.extend_from_slice(b"%%EOF\n");
    let big_file = files.join("duży.pdf");
    std::fs::write(&big_file, big).unwrap();
    let stderr = refused(asysta(&s.anna, &["attachment", "add", &family_id, path(&big_file)]));
    assert!(stderr.contains("larger than 1 MB"), "{stderr}");

    // Removed as an event on the laptop; the list is empty, check passes.
    ok(asysta(&s.anna, &["attachment", "remove", &attachment_id]));
    assert_eq!(json(&s.anna, &["attachment", "list", &family_id, "--json"]), Value::Array(Vec::new()));
    for dir in [&s.anna, &s.centre] {
        assert_eq!(json(dir, &["check", "--json"])["ok"], true);
    }
}
