//! `asysta visit plan|planned|cancel` as a user runs them: a visit planned
//! ahead, listed with the next contacts, written to an iCalendar file
//! without names, turned into a diary entry with `visit edit`, cancelled.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PASS: &str = "bardzo tajne hasło 1";

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
fn json(output: Output) -> Value {
    serde_json::from_str(&ok(output)).unwrap()
}

/// Today as the CLI reads it (the clock's date in UTC, see
/// `commands::today_local`): the test plans around it.
fn today_as_the_cli_reads_it() -> chrono::NaiveDate {
    #[allow(clippy::disallowed_methods)]
    let now = std::time::SystemTime::now();
    let secs = now.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    chrono::DateTime::from_timestamp(secs, 0).map(|t| t.date_naive()).unwrap_or_default()
}

#[test]
fn a_visit_is_planned_listed_exported_to_a_calendar_and_recorded_when_it_happens() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("laptop");
    ok(asysta(&data, &["init", "--assistant", "Anna Łęcka", "--centre", "MOPS Łódź"]));
    let family = json(asysta(&data, &["family", "add", "--name", "Kowalscy", "--address", "ul. Polna 1", "--json"]));
    let family_id = family["id"].as_str().unwrap();
    let today = today_as_the_cli_reads_it();
    let next_week = (today + chrono::Duration::days(7)).format("%Y-%m-%d").to_string();
    let planned = json(asysta(
        &data,
        &[
            "visit",
            "plan",
            family_id,
            "--date",
            &next_week,
            "--time",
            "09:30",
            "--place",
            "school",
            "--purpose",
            "Rozmowa z pedagogiem",
            "--json",
        ],
    ));
    let visit_id = planned["id"].as_str().unwrap().to_owned();
    assert_eq!((planned["time"].as_str(), planned["missed"].as_bool()), (Some("09:30"), Some(false)));
    // A day past is refused in Polish, nothing written.
    let yesterday = (today - chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
    let refused = asysta(&data, &["visit", "plan", family_id, "--date", &yesterday, "--time", "09:30"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("na dziś lub później"), "{refused:?}");

    let calendar = dir.path().join("wizyty.ics");
    let listed = json(asysta(&data, &["visit", "planned", "--json", "--ics", calendar.to_str().unwrap()]));
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    for key in ["family_id", "family_name", "date", "id", "time", "place", "purpose", "missed"] {
        assert!(listed[0].get(key).is_some(), "{key} in {listed}");
    }
    let ics = std::fs::read_to_string(&calendar).unwrap();
    assert!(ics.contains("BEGIN:VEVENT") && ics.contains(&format!("UID:{visit_id}@asysta")), "{ics}");
    assert!(!ics.contains("Kowalscy") && !ics.contains("pedagogiem"), "no name, no purpose: {ics}");
    // Not a contact yet: the diary is empty.
    let diary = json(asysta(&data, &["visit", "list", family_id, "--json"]));
    assert_eq!(diary.as_array().unwrap().len(), 0, "{diary}");

    // It happens: the planned visit becomes a diary entry.
    let form = dir.path().join("wizyta.json");
    let today_text = today.format("%Y-%m-%d").to_string();
    std::fs::write(
        &form,
        serde_json::json!({"date": today_text, "start": "09:30", "end": "10:30", "place": "school", "form": "consultation",
            "notes": "Pedagog chwali postępy.", "travel_km": "8,5", "travel_means": "own_car"})
        .to_string(),
    )
    .unwrap();
    ok(asysta(&data, &["visit", "edit", &visit_id, "--form", form.to_str().unwrap()]));
    let diary = json(asysta(&data, &["visit", "list", family_id, "--json"]));
    assert_eq!(diary.as_array().unwrap().len(), 1, "{diary}");
    assert_eq!(diary[0]["travel"], serde_json::json!({"km_tenths": 85, "means": "own_car"}));
    assert_eq!(json(asysta(&data, &["visit", "planned", "--json"])).as_array().unwrap().len(), 0);

    // Another one planned and cancelled.
    let planned = json(asysta(&data, &["visit", "plan", family_id, "--date", &next_week, "--time", "12:00", "--json"]));
    ok(asysta(&data, &["visit", "cancel", planned["id"].as_str().unwrap()]));
    assert_eq!(json(asysta(&data, &["visit", "planned", "--json"])).as_array().unwrap().len(), 0);
    assert_eq!(json(asysta(&data, &["check", "--json"]))["ok"], true);
}
