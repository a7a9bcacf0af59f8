//! The centre's dashboard and half-year report at a centre of 30
//! assistants × 15 families × 2 years of visits: from the click on the
//! screen's button to the screen painted (its charts, its table, and the
//! next animation frame), timed inside the page with `performance.now()`.
//! Release build: `cargo bench -p asysta-app --features custom-protocol
//! --bench centre_paint` (`-- --devices N` for another size).

#[path = "../tests/e2e/support.rs"]
#[allow(dead_code)]
mod support;
#[path = "page/timeline.rs"]
mod timeline;

use asysta_core::workspace::{Role, WorkspaceInfo};
use asysta_store::{ExportRequest, KdfParams, NewCase, Passphrase, Store, SystemEnvironment};
use serde_json::json;
use std::path::Path;

const RUNS: usize = 20;
const FAMILIES: usize = 15;
const PASSPHRASE: &str = "benchmark passphrase 1";

/// Clicks `button`, resolves once `ready` is in the page and a frame has
/// been painted after it.
const CLICK_TO_PAINT: &str = r#"
const [button, ready, done] = arguments;
const t0 = performance.now();
const check = () => {
  if (document.querySelector(ready)) { requestAnimationFrame(() => done(performance.now() - t0)); }
  else { requestAnimationFrame(check); }
};
document.querySelector(button).click();
requestAnimationFrame(check);
"#;

/// Each command the dashboard calls, invoked from the page: the time from
/// the call to its reply in JavaScript (the store, the reply's JSON and
/// the IPC; not its decoding into Rust types in the wasm) and its size.
const COMMANDS: &str = r#"
const [done] = arguments;
const invoke = window.__TAURI__.core.invoke;
const out = [];
(async () => {
  for (const [cmd, args] of [["dashboard", {on: null}], ["alerts", {}], ["due", {}],
      ["list_families", {status: null, query: ""}], ["family_assistants", {}], ["case_vocabulary", {}],
      ["settings", {}], ["half_year_report", {period: "2026-H2"}]]) {
    const runs = [];
    let size = 0;
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const reply = await invoke(cmd, args);
      runs.push(performance.now() - t0);
      size = reply instanceof ArrayBuffer ? reply.byteLength : JSON.stringify(reply).length;
    }
    runs.sort((a, b) => a - b);
    out.push([cmd, runs[3], size]);
  }
  done(out);
})();
"#;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn workspace(dir: &Path, name: &str, role: Role) -> Store {
    let info = WorkspaceInfo { assistant_name: name.into(), centre_name: "MOPS Łódź".into(), role };
    Store::create(dir, &info, &Passphrase::new(PASSPHRASE), KdfParams::INSECURE_FOR_TESTS, Box::new(SystemEnvironment))
        .unwrap()
}

/// Ids for the plans' goals and actions (any unique ids will do).
fn store_id() -> asysta_core::EntityId {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    asysta_core::EntityId::new_v7(1_764_000_000_000 + n, [n as u8; 10])
}

/// A laptop's full caseload, two years of plans and visits, sent to the centre.
fn send_caseload(centre: &mut Store, scratch: &Path, i: usize, enrolment: &[u8]) {
    let dir = scratch.join(format!("laptop-{i}"));
    let mut laptop = workspace(&dir, &format!("Asystentka {i}"), Role::Assistant);
    laptop.enrol(enrolment).unwrap();
    let cases: Vec<NewCase> = asysta_core::demo::cases(100 + i as u64, FAMILIES, today())
        .into_iter()
        .map(|c| NewCase {
            family: c.family,
            status: asysta_core::record::FamilyStatus::Active,
            members: c.members,
            details: Some(c.details),
        })
        .collect();
    let mut rng = asysta_core::demo::DemoRng::new(i as u64);
    for family_id in laptop.add_cases(&cases).unwrap() {
        let members: Vec<_> = laptop.family_case(family_id).unwrap().members.iter().map(|m| m.id).collect();
        let plan = asysta_core::demo::plan(&mut rng, &members, today() - chrono::Duration::days(730), &mut store_id);
        let visits = asysta_core::demo::visits(&mut rng, &members, &plan, today());
        laptop.add_plan_and_visits(family_id, plan, visits).unwrap();
    }
    let to = scratch.join(format!("laptop-{i}.asysta"));
    let summary = laptop.export_bundle(&to, &ExportRequest::default(), &mut |_| {}).unwrap();
    let fingerprint = laptop.fingerprint().to_string();
    drop(laptop);
    centre.import_bundle(&std::fs::read(&to).unwrap(), &summary.file_name, Some(&fingerprint)).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

fn timed(app: &support::App, button: &str, ready: &str, away: &str, away_ready: &str) -> Vec<f64> {
    let mut samples: Vec<f64> = (0..RUNS)
        .map(|_| {
            app.click(away);
            app.find(away_ready);
            app.execute_async(CLICK_TO_PAINT, json!([button, ready])).as_f64().expect("a time in ms")
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let devices: usize = args
        .iter()
        .position(|a| a == "--devices")
        .map(|i| args.get(i + 1).and_then(|n| n.parse().ok()).expect("--devices N"))
        .unwrap_or(30);
    let data = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let mut centre = workspace(data.path(), "Kierownik Maria Zięba", Role::Centre);
    let enrolment = centre.enrolment().unwrap().to_json();
    for i in 0..devices {
        send_caseload(&mut centre, scratch.path(), i, &enrolment);
    }
    drop(centre);

    let desktop = support::Desktop::start();
    let app = desktop.launch(data.path());
    app.find("#unlock-form");
    app.fill("#unlock-passphrase", PASSPHRASE);
    app.click("#unlock-submit");
    app.find("#nav-dashboard");
    let board = timed(&app, "#nav-dashboard", "#dashboard #chart-caseload", "#nav-families", "#families");
    let whole = timed(
        &app,
        "#nav-dashboard",
        "#dashboard #alerts .plain-list, #dashboard #alerts-none",
        "#nav-families",
        "#families",
    );
    let report = timed(&app, "#nav-report", "#report-table", "#nav-families", "#families");
    app.click("#nav-families");
    app.find("#families");
    let timeline = app.execute_async(timeline::TIMELINE, json!(["#nav-dashboard", "#dashboard #chart-caseload"]));
    let commands = app.execute_async(COMMANDS, json!([]));
    app.quit();
    for command in commands.as_array().expect("the commands' times") {
        println!(
            "| of which the command `{}` (its reply in the page, p50 of 7) | {:.1} ms, {:.0} KiB of JSON |",
            command[0].as_str().unwrap_or_default(),
            command[1].as_f64().unwrap_or_default(),
            command[2].as_f64().unwrap_or_default() / 1024.0
        );
    }
    println!("| one paint of the dashboard, from the click (ms) | {timeline} |");
    let events = devices * FAMILIES;
    println!(
        "| the dashboard at a centre of {devices} assistants × {FAMILIES} families ({events} families, 2 years): click → painted with its charts, {RUNS} runs | p50 {:.0} ms, max {:.0} ms |",
        board[RUNS / 2],
        board[RUNS - 1]
    );
    println!(
        "| the same, until the alerts and due dates of every family are painted below it | p50 {:.0} ms, max {:.0} ms |",
        whole[RUNS / 2],
        whole[RUNS - 1]
    );
    println!(
        "| the half-year report there: click → table painted, {RUNS} runs | p50 {:.0} ms, max {:.0} ms |",
        report[RUNS / 2],
        report[RUNS - 1]
    );
}
