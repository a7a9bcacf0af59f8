//! The centre steers, through the `asysta` binary on real workspaces: a
//! centre and two enrolled laptops, bundles carried between them as
//! files. The register, intake and the waiting list, assignment within
//! the cap, a plan version returned with a note, corrected and approved,
//! an evaluation submitted as saved, comments both ways with unread marks,
//! a transfer in two phases between the laptops, duplicates across
//! assistants. What is checked is read from `--json`; text only where a
//! person must read it (a refusal, a notice).

use chrono::NaiveDate;
use serde_json::{json, Value};
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const PASS: &str = "bardzo tajne hasło 1";
const CENTRE: &str = "MOPS Łódź";

fn asysta_in(data_dir: &Path, lang: &str, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_asysta"));
    cmd.arg("--data-dir").arg(data_dir).args(args);
    cmd.env_remove("ASYSTA_DATA_DIR").env_remove("ASYSTA_NEW_PASSPHRASE").env("ASYSTA_LANG", lang);
    cmd.env("ASYSTA_PASSPHRASE", PASS).stdin(Stdio::null());
    cmd.output().expect("the asysta binary runs")
}

/// Runs `asysta --data-dir DIR ARGS` in Polish.
fn asysta(data_dir: &Path, args: &[&str]) -> Output {
    asysta_in(data_dir, "pl", args)
}

#[track_caller]
fn ok(output: Output) -> String {
    assert!(output.status.success(), "failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[track_caller]
fn json(data_dir: &Path, args: &[&str]) -> Value {
    let text = ok(asysta(data_dir, args));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {text}"))
}

/// Asserts a refusal: a non-zero exit, nothing on stdout, one line on
/// stderr containing every one of `expected`.
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

fn path(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

fn str_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key].as_str().unwrap_or_else(|| panic!("no {key} in {value}"))
}

/// Today as the binary reads it (UTC), and days before it.
fn days_ago(days: u64) -> NaiveDate {
    // The binary under test reads this clock; so may its test.
    #[allow(clippy::disallowed_methods)]
    let now = std::time::SystemTime::now();
    let secs = now.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    chrono::DateTime::from_timestamp(secs, 0).unwrap().date_naive() - chrono::Days::new(days)
}

fn iso(d: NaiveDate) -> String {
    d.to_string()
}

fn polish(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

#[derive(Clone, Copy)]
enum Laptop {
    Anna,
    Ewa,
}

/// A centre and two laptops, enrolled, each laptop's first bundle
/// imported (its fingerprint compared), so both users are in the register.
struct Site {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    centre: PathBuf,
    anna: PathBuf,
    ewa: PathBuf,
    /// The laptops' device ids (Anna's, Ewa's).
    devices: [String; 2],
    bundles: Cell<u32>,
}

impl Site {
    fn new() -> Site {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_owned();
        let (centre, anna, ewa) = (root.join("centre"), root.join("anna"), root.join("ewa"));
        ok(asysta(&centre, &["init", "--role", "centre", "--centre", CENTRE, "--user", "Maria Zięba"]));
        let enrolment = root.join("mops.enrol");
        ok(asysta(&centre, &["centre", "export-enrolment", path(&enrolment)]));
        let mut site = Site { _tmp: tmp, root, centre, anna, ewa, devices: Default::default(), bundles: Cell::new(0) };
        for (i, name) in ["Anna Łęcka", "Ewa Nowak"].into_iter().enumerate() {
            let dir = if i == 0 { &site.anna } else { &site.ewa };
            ok(asysta(dir, &["init", "--centre", CENTRE, "--assistant", name]));
            ok(asysta(dir, &["enrol", path(&enrolment)]));
            let status = json(dir, &["sync", "status", "--json"]);
            let bundle = site.export(dir, &[]);
            site.import(&site.centre, &bundle, &["--trust-device", str_of(&status, "fingerprint")]);
            site.devices[i] = str_of(&status, "device_id").to_owned();
        }
        site
    }

    fn laptop(&self, laptop: Laptop) -> &Path {
        match laptop {
            Laptop::Anna => &self.anna,
            Laptop::Ewa => &self.ewa,
        }
    }

    fn export(&self, dir: &Path, args: &[&str]) -> PathBuf {
        self.bundles.set(self.bundles.get() + 1);
        let file = self.root.join(format!("{}.asysta", self.bundles.get()));
        let mut all = vec!["export", "--to", path(&file)];
        all.extend_from_slice(args);
        ok(asysta(dir, &all));
        file
    }

    #[track_caller]
    fn import(&self, dir: &Path, file: &Path, args: &[&str]) {
        let mut all = vec!["import", path(file), "--json"];
        all.extend_from_slice(args);
        let results = json(dir, &all);
        assert_eq!(results[0]["ok"], true, "{results}");
    }

    /// The laptop's bundle, imported at the centre.
    fn up(&self, laptop: Laptop) {
        let bundle = self.export(self.laptop(laptop), &[]);
        self.import(&self.centre, &bundle, &[]);
    }

    /// The centre's bundle for the laptop, imported there.
    fn down(&self, laptop: Laptop) {
        let device = &self.devices[laptop as usize];
        let bundle = self.export(&self.centre, &["--device", device]);
        self.import(self.laptop(laptop), &bundle, &[]);
    }

    /// The register's id of an enrolled laptop's user.
    fn assistant_id(&self, name: &str) -> String {
        let register = json(&self.centre, &["assistant", "list", "--json"]);
        let found = register["assistants"].as_array().unwrap().iter().find(|a| a["entry"]["name"] == name);
        str_of(found.unwrap_or_else(|| panic!("{name} not in {register}")), "id").to_owned()
    }
}

/// `asysta intake add` at the centre; the family's id.
fn refer(s: &Site, name: &str, requested_on: NaiveDate) -> String {
    let on = iso(requested_on);
    let args = ["intake", "add", "--name", name, "--address", "ul. Polna 3, 90-001 Łódź", "--basis", "social-worker"];
    let added =
        json(&s.centre, &[&args[..], &["--requested-on", &on, "--social-worker", "Jan Kos", "--json"]].concat());
    str_of(&added, "family_id").to_owned()
}

fn write_form(s: &Site, name: &str, value: &Value) -> String {
    let file = s.root.join(name);
    std::fs::write(&file, value.to_string()).unwrap();
    path(&file).to_owned()
}

#[test]
fn a_case_is_taken_in_assigned_within_the_cap_and_its_plan_returned_corrected_and_approved() {
    let s = Site::new();
    let c = &s.centre;

    // The register: the enrolled laptops' users are in it, to complete.
    let register = json(c, &["assistant", "list", "--json"]);
    let listed = register["assistants"].as_array().unwrap();
    assert_eq!(listed.len(), 2, "{register}");
    assert!(listed.iter().all(|a| a["registered"] == false && a["entry"]["devices"].as_array().unwrap().len() == 1));
    assert_eq!(register["headcount"]["not_stated"], 2);
    assert_eq!(register["on"], iso(days_ago(0)).as_str());
    let anna = s.assistant_id("Anna Łęcka");
    let ewa = s.assistant_id("Ewa Nowak");

    // One without a laptop, typed as people type dates and decimals.
    let from = polish(days_ago(30));
    let jan = ["assistant", "add", "--name", "Jan Kos", "--employment", "umowa-o-swiadczenie-uslug", "--from", &from];
    let jan = json(c, &[&jan[..], &["--fte", "0,5", "--json"]].concat());
    assert_eq!((jan["registered"].clone(), jan["entry"]["fte_thousandths"].clone()), (json!(true), json!(500)));
    assert_eq!(jan["entry"]["employment"], "service_contract");
    // Bad input: one line naming each flag to fix, and nothing written.
    let bad = ["assistant", "add", "--name", "X", "--employment", "umowa-o-dzielo", "--from", "31.02.2025"];
    refused(asysta(c, &[&bad[..], &["--fte", "2"]].concat()), &["--employment", "--from", "--fte", "0–1"]);
    refused(asysta(c, &["assistant", "list", "--on", "2025-13-01"]), &["--on"]);
    assert_eq!(json(c, &["assistant", "list", "--json"])["assistants"].as_array().unwrap().len(), 3);
    // A laptop keeps no register.
    refused(
        asysta(&s.anna, &["assistant", "add", "--name", "X", "--employment", "umowa-o-prace", "--from", "2025-01-01"]),
        &["ośrod"],
    );

    // Completing Anna's entry keeps her name, id and laptop.
    let edit = ["assistant", "edit", &anna, "--employment", "umowa-o-prace", "--from", "2024-01-01"];
    let completed = json(c, &[&edit[..], &["--fte", "1", "--json"]].concat());
    assert_eq!((str_of(&completed, "id"), completed["registered"].clone()), (anna.as_str(), json!(true)));
    assert_eq!(completed["entry"]["name"], "Anna Łęcka");
    assert_eq!(completed["entry"]["employment"], "employment_contract");
    assert_eq!(completed["entry"]["fte_thousandths"], 1000);
    assert_eq!(completed["entry"]["devices"].as_array().unwrap().len(), 1);
    // Headcount by form of employment on any day.
    let headcount = |on: &str| json(c, &["assistant", "list", "--on", on, "--json"])["headcount"].clone();
    assert_eq!(
        headcount(&iso(days_ago(0))),
        json!({ "employment_contract": 1, "service_contract": 1, "not_stated": 1, "total": 3 })
    );
    assert_eq!(headcount("31.12.2023")["employment_contract"], 0, "Anna from 2024");
    let text = ok(asysta(c, &["assistant", "list"]));
    assert!(text.contains("wpis do uzupełnienia") && text.contains("umowa o świadczenie usług"), "{text}");

    // Intake: the waiting list by the request's date, each with its family id.
    let kowalscy = refer(&s, "Kowalscy", days_ago(20));
    let court = [
        "intake",
        "add",
        "--name",
        "Wiśniewscy",
        "--address",
        "ul. Długa 1",
        "--basis",
        "court",
        "--requested-on",
        &polish(days_ago(30)),
        "--court",
        "Sąd Rejonowy dla Łodzi-Śródmieścia",
    ];
    refused(asysta(c, &court), &["--signature"]);
    let wisniewscy = ok(asysta(c, &[&court[..], &["--signature", "III Nsm 12/26"]].concat())).trim().to_owned();
    let nowakowie = refer(&s, "Nowakowie", days_ago(10));
    let waiting = json(c, &["intake", "list", "--json"]);
    let order: Vec<&str> = waiting.as_array().unwrap().iter().map(|w| str_of(w, "family_id")).collect();
    assert_eq!(order, [wisniewscy.as_str(), kowalscy.as_str(), nowakowie.as_str()]);
    assert_eq!(waiting[0]["referral"]["basis"], "court_order");
    assert_eq!(waiting[0]["waiting_days"], 30);
    let text = ok(asysta(c, &["intake", "list"]));
    assert!(text.contains("postanowienie sądu") && text.contains("III Nsm 12/26") && text.contains("czeka 30 dni"));

    // Assignment within the cap; the one over it is refused, naming the
    // assistant, the count and the cap, and changes nothing.
    ok(asysta(c, &["settings", "--caseload-cap", "2"]));
    let assigned = json(c, &["assign", &wisniewscy, "--to", &anna, "--json"]);
    assert_eq!(assigned["assignments"][0]["assistant"]["name"], "Anna Łęcka", "{assigned}");
    assert_eq!(assigned["assignments"][0]["from"], iso(days_ago(0)).as_str());
    ok(asysta(c, &["assign", &kowalscy, "--to", &anna, "--on", &polish(days_ago(1))]));
    refused(asysta(c, &["assign", &nowakowie, "--to", &anna]), &["Anna Łęcka", "aktywnych rodzin: 2", "limit: 2"]);
    let english = refused(asysta_in(c, "en", &["assign", &nowakowie, "--to", &anna]), &["Anna Łęcka"]);
    assert!(english.contains("has 2 active families") && english.contains("the cap is 2"), "{english}");
    refused(asysta(c, &["assign", &kowalscy, "--to", &ewa]), &["Anna Łęcka", "przekaż"]);
    refused(asysta(c, &["assign", &nowakowie, "--to", &kowalscy]), &["--to"]);
    refused(asysta(c, &["assign", &nowakowie, "--to", &ewa, "--on", "jutro"]), &["--on"]);
    let waiting = json(c, &["intake", "list", "--json"]);
    assert_eq!(waiting.as_array().unwrap().len(), 1, "Nowakowie still wait: {waiting}");
    let anna_now = json(c, &["assistant", "list", "--json"])["assistants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == anna.as_str())
        .cloned()
        .unwrap();
    assert_eq!((anna_now["active_families"].clone(), anna_now["cap"].clone()), (json!(2), json!(2)));
    let yesterday = json(c, &["assistant", "list", "--on", &iso(days_ago(1)), "--json"]);
    let anna_then = yesterday["assistants"].as_array().unwrap().iter().find(|a| a["id"] == anna.as_str()).cloned();
    assert_eq!(anna_then.unwrap()["active_families"], 1, "the caseload on a past day");

    // The family arrives on Anna's laptop with its referral.
    s.down(Laptop::Anna);
    let case = json(&s.anna, &["family", "show", &kowalscy, "--json"]);
    assert_eq!(case["family"]["name"], "Kowalscy", "the case's own fields stay: {case}");
    let steering = &case["steering"];
    assert_eq!(steering["referral"]["basis"], "social_worker_request", "{case}");
    assert_eq!(steering["referral"]["social_worker"], "Jan Kos");
    assert_eq!(steering["assignments"][0]["assistant"]["name"], "Anna Łęcka");
    assert_eq!(steering["plan_approvals"], json!([]));
    assert_eq!(steering["transfer"], Value::Null);
    let text = ok(asysta(&s.anna, &["family", "show", &wisniewscy]));
    assert!(text.contains("Zgłoszenie: postanowienie sądu") && text.contains("III Nsm 12/26"), "{text}");

    // The laptop saves a plan version and submits it.
    let plan = json!({
        "consultation_date": iso(days_ago(2)),
        "consultation_social_worker": "Jan Kos",
        "goals": [{ "area": "housing", "goal": "Poprawa warunków mieszkaniowych",
                    "actions": [{ "what": "Remont kuchni", "who": "assistant", "expected_effect": "Kuchnia sprawna" }] }]
    });
    let plan = write_form(&s, "plan.json", &plan);
    ok(asysta(&s.anna, &["plan", "save", &kowalscy, "--form", &plan]));
    let submitted = json(&s.anna, &["plan", "submit", &kowalscy, "--version", "1", "--json"]);
    assert_eq!((str_of(&submitted, "state"), submitted["version"].clone()), ("submitted", json!(1)));
    refused(asysta(&s.anna, &["plan", "submit", &kowalscy, "--version", "1"]), &["--version"]);
    refused(asysta(&s.anna, &["plan", "submit", &kowalscy, "--version", "7"]), &["--version"]);
    refused(asysta(c, &["plan", "submit", &kowalscy, "--version", "1"]), &["laptop"]);

    // The centre returns it with a note (required).
    s.up(Laptop::Anna);
    let approvals = json(c, &["plan", "approvals", &kowalscy, "--json"]);
    assert_eq!(approvals.as_array().unwrap().len(), 1, "{approvals}");
    assert_eq!(
        (str_of(&approvals[0], "state"), approvals[0]["submitted"]["by"].clone()),
        ("submitted", json!("Anna Łęcka"))
    );
    refused(asysta(c, &["plan", "decide", &kowalscy, "--version", "1", "--return", " "]), &["--return"]);
    refused(asysta(c, &["plan", "decide", &kowalscy, "--version", "2", "--approve"]), &["Wersja 2"]);
    let returned =
        json(c, &["plan", "decide", &kowalscy, "--version", "1", "--return", "Dodać terminy działań", "--json"]);
    assert_eq!(str_of(&returned, "state"), "returned");
    refused(asysta(&s.anna, &["plan", "decide", &kowalscy, "--version", "1", "--approve"]), &["ośrod"]);

    // The laptop sees the decision and the note, corrects the plan as a
    // new version and submits it again; the centre approves.
    s.down(Laptop::Anna);
    let approvals = json(&s.anna, &["plan", "approvals", &kowalscy, "--json"]);
    assert_eq!(str_of(&approvals[0], "state"), "returned");
    assert_eq!(approvals[0]["decisions"][0]["note"], "Dodać terminy działań");
    assert_eq!(approvals[0]["decisions"][0]["stamp"]["by"], "Maria Zięba");
    assert_eq!(approvals[0]["stale"], false);
    let text = ok(asysta(&s.anna, &["family", "show", &kowalscy]));
    assert!(text.contains("zwrócony do poprawy") && text.contains("Dodać terminy działań"), "{text}");
    let mut next: Value = serde_json::from_str(&ok(asysta(&s.anna, &["plan", "form", &kowalscy]))).unwrap();
    next["goals"][0]["actions"][0]["deadline"] = json!(iso(days_ago(0) + chrono::Days::new(60)));
    let next = write_form(&s, "plan-2.json", &next);
    ok(asysta(&s.anna, &["plan", "save", &kowalscy, "--form", &next]));
    ok(asysta(&s.anna, &["plan", "submit", &kowalscy, "--version", "2"]));
    s.up(Laptop::Anna);
    let approved = json(c, &["plan", "decide", &kowalscy, "--version", "2", "--approve", "--json"]);
    assert_eq!((str_of(&approved, "state"), str_of(&approved, "family_id")), ("approved", kowalscy.as_str()));
    s.down(Laptop::Anna);
    let approvals = json(&s.anna, &["plan", "approvals", &kowalscy, "--json"]);
    let states: Vec<&str> = approvals.as_array().unwrap().iter().map(|a| str_of(a, "state")).collect();
    assert_eq!(states, ["returned", "approved"]);
    let in_case = json(&s.anna, &["family", "show", &kowalscy, "--json"])["steering"]["plan_approvals"].clone();
    let versions: Vec<&Value> = in_case.as_array().unwrap().iter().map(|a| &a["version"]).collect();
    assert_eq!(versions, [&json!(1), &json!(2)], "{in_case}");

    // An evaluation saved as a draft is submitted as it was saved.
    let evaluation = json!({
        "period_from": iso(days_ago(1)), "period_to": iso(days_ago(0)), "family_view": "Lepiej.",
        "cooperation": "good", "recommendation": "continue"
    });
    let evaluation = write_form(&s, "ocena.json", &evaluation);
    let draft = json(&s.anna, &["evaluation", "save", &kowalscy, "--form", &evaluation, "--json"]);
    assert_eq!(str_of(&draft, "status"), "draft");
    let id = str_of(&draft, "id");
    refused(asysta(c, &["evaluation", "submit", id]), &[]);
    let submitted = json(&s.anna, &["evaluation", "submit", id, "--json"]);
    assert_eq!(
        (str_of(&submitted, "status"), submitted["evaluation"]["family_view"].clone()),
        ("submitted", json!("Lepiej."))
    );
    refused(asysta(&s.anna, &["evaluation", "submit", id]), &[]);
}

#[test]
fn comments_travel_both_ways_with_unread_marks_on_each_side() {
    let s = Site::new();
    let family = json(&s.anna, &["family", "add", "--name", "Kowalscy", "--address", "ul. Polna 1", "--json"]);
    let family = str_of(&family, "id").to_owned();
    let note = json(&s.anna, &["family", "note", &family, "--text", "Pierwsza wizyta", "--json"]);
    let note = str_of(&note, "id").to_owned();
    s.up(Laptop::Anna);

    // The centre asks, on the family and on the note.
    let question = json(&s.centre, &["comment", "add", &family, "Proszę o aktualny adres", "--json"]);
    assert_eq!((question["unread"].clone(), str_of(&question, "side")), (json!(false), "centre"), "one's own is read");
    let question = str_of(&question, "id").to_owned();
    let on_note = ok(asysta(&s.centre, &["comment", "add", &note, "Kto był obecny?"])).trim().to_owned();
    refused(asysta(&s.centre, &["comment", "add", &family, "  "]), &["TEXT"]);
    refused(asysta(&s.centre, &["comment", "add", "0193a5b2-0000-7000-8000-000000000000", "x"]), &["ENTITY_ID"]);
    refused(asysta(&s.centre, &["comment", "add", "nic", "x"]), &["nic"]);

    // The laptop sees both unread; listing marks them read.
    s.down(Laptop::Anna);
    let listed = json(&s.anna, &["comment", "list", &family, "--json"]);
    let unread: Vec<bool> = listed.as_array().unwrap().iter().map(|c| c["unread"] == true).collect();
    assert_eq!(unread, [true, true], "{listed}");
    let text = ok(asysta(&s.anna, &["family", "show", &family]));
    assert!(text.contains("Komentarze: 2, nowe: 0"), "marked read by the listing: {text}");
    let on_the_note = json(&s.anna, &["comment", "list", &note, "--json"]);
    assert_eq!(on_the_note.as_array().unwrap().len(), 1, "only the note's: {on_the_note}");
    assert_eq!((str_of(&on_the_note[0], "id"), on_the_note[0]["unread"].clone()), (on_note.as_str(), json!(false)));

    // The answer goes back; unread at the centre until listed there.
    let answer = json(&s.anna, &["comment", "add", &family, "Adres bez zmian", "--reply-to", &question, "--json"]);
    assert_eq!(answer["reply_to"], question.as_str());
    s.up(Laptop::Anna);
    let case = json(&s.centre, &["family", "show", &family, "--json"]);
    let comments = case["steering"]["comments"].as_array().unwrap();
    assert_eq!(comments.len(), 3, "{case}");
    assert_eq!((comments[2]["unread"].clone(), str_of(&comments[2], "side")), (json!(true), "assistant"));
    let text = ok(asysta(&s.centre, &["comment", "list"]));
    assert!(text.contains("[nowy]") && text.contains("Adres bez zmian") && text.contains("Anna Łęcka (asystent)"));
    let again = json(&s.centre, &["comment", "list", "--json"]);
    assert!(again.as_array().unwrap().iter().all(|c| c["unread"] == false), "{again}");
}

#[test]
fn a_transfer_between_two_laptops_and_a_family_entered_by_both_assistants() {
    let s = Site::new();
    let c = &s.centre;
    let (anna, ewa) = (s.assistant_id("Anna Łęcka"), s.assistant_id("Ewa Nowak"));

    // Both assistants recorded the same person in families of their own.
    let person =
        write_form(&s, "osoba.json", &json!({ "first_name": "Jan", "last_name": "Kowalski", "pesel": "44051401359" }));
    let mut theirs = Vec::new();
    for (laptop, name) in [(Laptop::Anna, "Kowalscy"), (Laptop::Ewa, "Kowalska")] {
        let dir = s.laptop(laptop);
        let family = json(dir, &["family", "add", "--name", name, "--address", "ul. Polna 1", "--json"]);
        let family = str_of(&family, "id").to_owned();
        ok(asysta(dir, &["member", "add", &family, "--form", &person]));
        s.up(laptop);
        theirs.push(family);
    }
    let pairs = json(c, &["duplicates", "--json"]);
    assert_eq!(pairs.as_array().unwrap().len(), 1, "{pairs}");
    assert_eq!((str_of(&pairs[0], "reason"), pairs[0]["decision"].clone()), ("same_pesel", Value::Null));
    let (first, second) = (str_of(&pairs[0]["first"], "id").to_owned(), str_of(&pairs[0]["second"], "id").to_owned());
    let mut ids = vec![first.clone(), second.clone()];
    ids.sort();
    theirs.sort();
    assert_eq!(ids, theirs);
    let text = ok(asysta(c, &["duplicates", "list"]));
    assert!(text.contains("Ten sam numer PESEL") && text.contains("Jan Kowalski"), "{text}");
    refused(asysta(&s.anna, &["duplicates", "merge", &first, &second]), &["ośrod"]);
    refused(asysta(c, &["duplicates", "merge", &first, &first]), &["B"]);
    let merged = json(c, &["duplicates", "merge", &first, &second, "--json"]);
    assert_eq!((str_of(&merged, "decision"), str_of(&merged, "merged_into")), ("merge", first.as_str()));
    assert_eq!(json(c, &["duplicates", "list", "--json"])[0]["decision"], "merge");
    ok(asysta(c, &["duplicates", "keep-apart", &first, &second]));
    assert_eq!(json(c, &["duplicates", "--json"])[0]["decision"], "keep_apart");

    // A family assigned to Anna ten days ago moves to Ewa from two days ago.
    let family = refer(&s, "Wiśniewscy", days_ago(15));
    ok(asysta(c, &["assign", &family, "--to", &anna, "--on", &iso(days_ago(10))]));
    s.down(Laptop::Anna);
    s.down(Laptop::Ewa);
    let moved = json(c, &["transfer", &family, "--to", &ewa, "--on", &polish(days_ago(2)), "--json"]);
    let rows = moved["assignments"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{moved}");
    assert_eq!(
        (rows[1]["assistant"]["name"].clone(), rows[1]["transfer_from"]["name"].clone()),
        (json!("Ewa Nowak"), json!("Anna Łęcka"))
    );
    assert_eq!(rows[0]["until"], iso(days_ago(2)).as_str());
    let transfers = json(c, &["transfer", "list", "--json"]);
    assert_eq!((transfers.as_array().unwrap().len(), transfers[0]["pending"].clone()), (1, json!(true)));
    assert!(ok(asysta(c, &["transfer", "list"])).contains("czeka na potwierdzenie"));
    // A second transfer waits for the first; bad input changes nothing.
    refused(
        asysta(c, &["transfer", &family, "--to", &anna, "--on", &iso(days_ago(0))]),
        &["Ewa Nowak", "potwierdzenie"],
    );
    refused(asysta(c, &["transfer", &family, "--to", &anna, "--on", "31.02.2026"]), &["--on"]);
    refused(asysta(&s.anna, &["transfer", &family, "--to", &ewa, "--on", &iso(days_ago(0))]), &["ośrod"]);
    assert_eq!(json(c, &["transfer", "list", "--json"]), transfers);

    // The old laptop learns of it and writes on (after the effective date).
    s.down(Laptop::Anna);
    let notice = json(&s.anna, &["family", "show", &family, "--json"])["steering"]["transfer"].clone();
    assert_eq!((notice["leaving"].clone(), notice["handed_over_on"].clone()), (json!(true), Value::Null), "{notice}");
    assert_eq!(notice["to_name"], "Ewa Nowak");
    ok(asysta(&s.anna, &["family", "note", &family, "--text", "Notatka po dacie przekazania"]));
    // Its next bundle carries the note and the acknowledgement: read-only from then on.
    s.up(Laptop::Anna);
    refused(asysta(&s.anna, &["family", "note", &family, "--text", "x"]), &["tylko przeglądać"]);
    let text = ok(asysta(&s.anna, &["family", "show", &family]));
    assert!(text.contains("Przekazanie rodziny: Ewa Nowak") && text.contains("tylko przeglądać"), "{text}");
    let transfers = json(c, &["transfer", "list", "--json"]);
    assert_eq!(transfers[0]["pending"], false, "{transfers}");
    assert_eq!(transfers[0]["row"]["handed_over_on"], iso(days_ago(0)).as_str());
    let late = transfers[0]["late_edits"].as_array().unwrap();
    assert_eq!((late.len(), late[0]["kind"].clone()), (1, json!("note.added")), "{transfers}");
    let text = ok(asysta(c, &["transfer", "list"]));
    assert!(text.contains("po dacie przekazania") && text.contains("note.added"), "{text}");

    // The new laptop receives the whole file, history included, and works on.
    s.down(Laptop::Ewa);
    let case = json(&s.ewa, &["family", "show", &family, "--json"]);
    assert_eq!(case["notes"].as_array().unwrap().len(), 1, "{case}");
    assert_eq!(case["steering"]["assignments"].as_array().unwrap().len(), 2);
    ok(asysta(&s.ewa, &["family", "note", &family, "--text", "Przejęłam rodzinę"]));
    s.up(Laptop::Ewa);
    assert_eq!(json(c, &["family", "show", &family, "--json"])["notes"].as_array().unwrap().len(), 2);
}
