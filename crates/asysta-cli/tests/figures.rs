//! The centre's figures through the `asysta` binary: the dashboard and the
//! half-year report (its table, a cell's families, the CSV and the PDF),
//! and the monthly report for one assistant or all, on a centre filled by
//! `asysta demo --assistants`.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PASS: &str = "bardzo tajne hasło 1";
const TODAY: &str = "2026-11-23";

fn asysta(data_dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_asysta"));
    cmd.arg("--data-dir").arg(data_dir).args(args);
    cmd.env_remove("ASYSTA_DATA_DIR").env("ASYSTA_LANG", "pl").env("ASYSTA_PASSPHRASE", PASS).stdin(Stdio::null());
    cmd.output().expect("the asysta binary runs")
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

#[test]
fn the_centres_figures_each_name_the_families_behind_them() {
    let dir = tempfile::tempdir().unwrap();
    let centre = dir.path();
    ok(asysta(centre, &["init", "--role", "centre", "--centre", "MOPS Łódź", "--user", "Maria Zięba"]));
    ok(asysta(centre, &["demo", "--assistants", "2", "--families", "6", "--seed", "3", "--today", TODAY]));

    let board = json(centre, &["dashboard", "--on", TODAY, "--json"]);
    let assistants = board["assistants"].as_array().unwrap();
    assert!(assistants.len() >= 2, "{board}");
    for a in assistants {
        let active = a["active_families"].as_u64().unwrap();
        assert_eq!(a["active"]["families"].as_array().unwrap().len() as u64, active);
        assert_eq!(a["cap"], 15);
        assert_eq!(a["months"].as_array().unwrap().len(), 12);
    }
    assert!(
        assistants.iter().any(|a| a["data_as_of_ms"].is_u64() && a["active_families"].as_u64() > Some(0)),
        "an assistant's figures as of their last bundle: {board}"
    );
    let text = ok(asysta(centre, &["dashboard", "--on", "23.11.2026"]));
    assert!(text.contains("rodziny bez planu pracy") || text.contains("oceny po terminie"), "{text}");
    let bad_day = asysta(centre, &["dashboard", "--on", "wczoraj"]);
    assert!(!bad_day.status.success() && String::from_utf8_lossy(&bad_day.stderr).contains("YYYY-MM-DD"));

    let report = json(centre, &["report", "half-year", "2026-H2", "--json"]);
    let served = report["rows"].as_array().unwrap().iter().find(|r| r["key"] == "families_served").unwrap();
    let count = served["value"].as_u64().unwrap();
    assert!(count > 0, "{report}");
    assert_eq!(served["families"].as_array().unwrap().len() as u64, count);
    let cell = ok(asysta(centre, &["report", "half-year", "2026-H2", "--cell", "families_served"]));
    assert_eq!(cell.lines().count() as u64, count + 1, "the row, then one line per family: {cell}");
    assert!(cell.starts_with("Rodziny objęte pracą asystenta rodziny"), "{cell}");
    let wrong = asysta(centre, &["report", "half-year", "2026-H2", "--cell", "nic"]);
    assert!(!wrong.status.success() && String::from_utf8_lossy(&wrong.stderr).contains("families_served"));
    let bad = asysta(centre, &["report", "half-year", "2026-H3"]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("2026-H2"));

    let csv = centre.join("polrocze.csv");
    let pdf = centre.join("polrocze.pdf");
    let csv_arg = csv.to_str().unwrap();
    let pdf_arg = pdf.to_str().unwrap();
    ok(asysta(centre, &["report", "half-year", "2026-H2", "--csv", csv_arg, "--pdf", pdf_arg]));
    let table = std::fs::read_to_string(&csv).unwrap();
    assert!(table.starts_with("okres;wiersz;opis;wartosc\n"), "{table}");
    assert!(table.contains(&format!("2026-H2;families_served;\"Rodziny objęte pracą asystenta rodziny\";{count}")));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    // The monthly report at the centre: everyone's, or one assistant's.
    let with_families = assistants.iter().find(|a| a["active_families"].as_u64() > Some(0)).unwrap();
    let id = with_families["assistant_id"].as_str().unwrap();
    let all = centre.join("miesiac.pdf");
    let one = centre.join("miesiac-jednej.pdf");
    ok(asysta(centre, &["print", "monthly", "--month", "2026-11", "--out", all.to_str().unwrap()]));
    ok(asysta(centre, &["print", "monthly", "--month", "2026-11", "--assistant", id, "--out", one.to_str().unwrap()]));
    assert!(std::fs::read(&all).unwrap().starts_with(b"%PDF") && std::fs::read(&one).unwrap().starts_with(b"%PDF"));
    let unknown =
        asysta(centre, &["print", "monthly", "--month", "2026-11", "--assistant", "x", "--out", "/tmp/x.pdf"]);
    assert!(!unknown.status.success());
}
