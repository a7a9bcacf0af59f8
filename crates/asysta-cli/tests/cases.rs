//! Evaluations and printed documents from the command line, on real
//! encrypted files: what `asysta evaluation` and `asysta print` promise.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PASS: &str = "bardzo tajne hasło 1";
const TODAY: &str = "2026-12-03";

fn asysta(data_dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_asysta"));
    cmd.arg("--data-dir").arg(data_dir).args(args).env_remove("ASYSTA_DATA_DIR").env("ASYSTA_LANG", "pl");
    cmd.env("ASYSTA_PASSPHRASE", PASS).stdin(Stdio::null());
    cmd.output().expect("the asysta binary runs")
}

#[track_caller]
fn ok(output: Output) -> String {
    assert!(output.status.success(), "failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[track_caller]
fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(asysta(dir, args))).unwrap()
}

#[track_caller]
fn refused(output: Output) -> String {
    assert!(!output.status.success(), "should have been refused");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    stderr
}

/// A laptop with the demo caseload.
fn demo(dir: &Path) {
    ok(asysta(dir, &["init", "--assistant", "Anna Łęcka", "--centre", "MOPS Łódź"]));
    ok(asysta(dir, &["demo", "--families", "15", "--seed", "7", "--today", TODAY]));
}

fn pdf_text(file: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed: cargo xtask setup installs it");
    assert!(out.status.success(), "pdftotext read {}", file.display());
    String::from_utf8(out.stdout).unwrap()
}

fn first_family_with(dir: &Path, status: &str) -> Value {
    json(dir, &["family", "list", "--status", status, "--json"])[0].clone()
}

#[test]
fn evaluations_are_listed_shown_written_and_decided_only_at_a_centre() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    demo(dir);
    let due = json(dir, &["evaluation", "due", "--json"]);
    let states: Vec<&str> = due.as_array().unwrap().iter().map(|d| d["state"]["state"].as_str().unwrap()).collect();
    assert!(states.contains(&"overdue") && states.contains(&"due_soon"), "{due}");
    let all = json(dir, &["evaluation", "due", "--all", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 12, "every active family's next evaluation");

    let family = first_family_with(dir, "active");
    let id = family["id"].as_str().unwrap();
    let form = dir.join("ocena.json");
    let partial =
        serde_json::json!({ "period_from": "2026-06-01", "period_to": "2026-12-01", "family_view": "Lepiej." });
    std::fs::write(&form, partial.to_string()).unwrap();
    let draft = json(dir, &["evaluation", "save", id, "--form", form.to_str().unwrap(), "--json"]);
    assert_eq!(draft["status"], "draft");
    let eval_id = draft["id"].as_str().unwrap().to_owned();
    let err = refused(asysta(
        dir,
        &["evaluation", "save", id, "--form", form.to_str().unwrap(), "--id", &eval_id, "--submit"],
    ));
    assert!(err.contains("cooperation") || err.contains("współpraca") || err.contains("Współpraca"), "{err}");

    let whole = serde_json::json!({
        "period_from": "2026-06-01", "period_to": "2026-12-01", "family_view": "Lepiej.",
        "cooperation": "good", "recommendation": "continue"
    });
    std::fs::write(&form, whole.to_string()).unwrap();
    let submitted = json(
        dir,
        &["evaluation", "save", id, "--form", form.to_str().unwrap(), "--id", &eval_id, "--submit", "--json"],
    );
    assert_eq!(submitted["status"], "submitted");
    let shown = ok(asysta(dir, &["evaluation", "show", &eval_id]));
    assert!(shown.contains("złożona") && shown.contains("Lepiej."), "{shown}");
    let err = refused(asysta(dir, &["evaluation", "save", id, "--form", form.to_str().unwrap(), "--id", &eval_id]));
    assert!(err.contains("nowa wersja") || err.contains("nową wersję"), "a submitted evaluation is frozen: {err}");
    let err = refused(asysta(dir, &["evaluation", "decide", &eval_id, "--accept"]));
    assert!(err.contains("ośrod"), "only a centre decides: {err}");
}

#[test]
fn documents_print_as_pdfs_with_polish_text_and_the_opinion_as_docx() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    demo(dir);
    // An active family already evaluated (a case younger than six months
    // has no evaluation yet).
    let (family, case) = json(dir, &["family", "list", "--status", "active", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f.clone(), json(dir, &["family", "show", f["id"].as_str().unwrap(), "--json"])))
        .find(|(_, case)| !case["evaluations"].as_array().unwrap().is_empty())
        .expect("the demo has an evaluated active family");
    let (id, name) = (family["id"].as_str().unwrap(), family["name"].as_str().unwrap());

    let plan = dir.join("plan.pdf");
    ok(asysta(dir, &["print", "plan", id, "--out", plan.to_str().unwrap()]));
    let text = pdf_text(&plan);
    assert!(text.contains("MOPS Łódź") && text.contains(name) && text.contains("PLAN PRACY"), "{text}");
    assert!(text.contains("Strona 1 z"), "page numbers: {text}");

    let evaluation = case["evaluations"][0]["id"].as_str().unwrap();
    let file = dir.join("ocena.pdf");
    ok(asysta(dir, &["print", "evaluation", evaluation, "--out", file.to_str().unwrap()]));
    assert!(pdf_text(&file).contains(name));

    let visit = case["visits"][0]["id"].as_str().unwrap();
    let file = dir.join("wizyta.pdf");
    ok(asysta(dir, &["print", "visit", visit, "--out", file.to_str().unwrap()]));
    assert!(pdf_text(&file).contains(name));

    let file = dir.join("dziennik.pdf");
    ok(asysta(dir, &["print", "diary", id, "--month", "2026-11", "--out", file.to_str().unwrap()]));
    assert!(pdf_text(&file).contains("11.2026"));

    let file = dir.join("miesiac.pdf");
    let written = json(dir, &["print", "monthly", "--month", "2026-11", "--out", file.to_str().unwrap(), "--json"]);
    assert_eq!(written["path"], file.to_str().unwrap());
    assert!(pdf_text(&file).contains(name), "the monthly report lists the families");

    // The court opinion of the family the court sent.
    let opinion = json(dir, &["family", "list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|f| json(dir, &["family", "show", f["id"].as_str().unwrap(), "--json"]))
        .find_map(|c| c["opinions"].as_array().and_then(|o| o.first().cloned()))
        .expect("the demo has a court opinion");
    let docx = dir.join("opinia.docx");
    ok(asysta(dir, &["opinion", "export", opinion["id"].as_str().unwrap(), "--docx", docx.to_str().unwrap()]));
    assert_eq!(&std::fs::read(&docx).unwrap()[..2], b"PK", "a DOCX is a zip file");

    // Bad input: a clear line, and no file written.
    let err = refused(asysta(dir, &["print", "diary", id, "--month", "2026-13", "--out", "x.pdf"]));
    assert!(err.contains("YYYY-MM"), "{err}");
    let nowhere = dir.join("brak").join("plan.pdf");
    refused(asysta(dir, &["print", "plan", id, "--out", nowhere.to_str().unwrap()]));
    assert!(!nowhere.exists());
    let unknown = "01234567-89ab-7def-8123-456789abcdef";
    refused(asysta(dir, &["print", "evaluation", unknown, "--out", dir.join("x.pdf").to_str().unwrap()]));
    assert!(!dir.join("x.pdf").exists());
}

#[test]
fn the_centre_edits_its_rating_scale_and_closing_reasons() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(asysta(dir, &["init", "--role", "centre", "--centre", "MOPS Łódź", "--user", "Maria Zięba"]));
    assert_eq!(json(dir, &["rating-scale", "--json"]).as_array().unwrap().len(), 5, "1–5 by default");
    let reasons = json(dir, &["closing-reasons", "--json"]);
    assert!(reasons.as_array().unwrap().iter().any(|r| r["key"] == "other"));

    let file = dir.join("skala.json");
    let scale = serde_json::json!([
        { "value": 1, "name_pl": "zła", "name_en": "poor" },
        { "value": 2, "name_pl": "średnia", "name_en": "fair" },
        { "value": 3, "name_pl": "dobra", "name_en": "good" }
    ]);
    std::fs::write(&file, scale.to_string()).unwrap();
    assert_eq!(json(dir, &["rating-scale", "--set", file.to_str().unwrap(), "--json"]), scale);
    assert!(ok(asysta(dir, &["rating-scale"])).contains("2\tśrednia\tfair"));

    let without_other = serde_json::json!([{ "key": "moved", "name_pl": "przeprowadzka", "name_en": "moved" }]);
    std::fs::write(&file, without_other.to_string()).unwrap();
    refused(asysta(dir, &["closing-reasons", "--set", file.to_str().unwrap()]));
    assert_eq!(json(dir, &["closing-reasons", "--json"]), reasons, "a refused list changes nothing");
    std::fs::write(&file, "nie json").unwrap();
    let err = refused(asysta(dir, &["closing-reasons", "--set", file.to_str().unwrap()]));
    assert!(err.contains("closing reasons"), "{err}");
}
