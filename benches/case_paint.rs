//! The case screen of a family with 500 visits: from the click on the
//! family in the list to the case painted (its diary shown and the next
//! animation frame), timed inside the page with `performance.now()`, each
//! click half a second after the family list was shown.
//! Release build: `cargo xtask bench` (or `cargo bench -p asysta-app
//! --features custom-protocol --bench case_paint`).

#[path = "../tests/e2e/support.rs"]
#[allow(dead_code)]
mod support;
#[path = "page/timeline.rs"]
mod timeline;

use asysta_core::workspace::WorkspaceInfo;
use asysta_store::{KdfParams, NewCase, Passphrase, Store, SystemEnvironment};
use serde_json::json;

const RUNS: usize = 20;
const PASSPHRASE: &str = "benchmark passphrase 1";
const FAMILY: &str = "Pięćsetwizytowa";

fn main() {
    let data = tempfile::tempdir().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let info = WorkspaceInfo {
        assistant_name: "Anna Nowak".into(),
        centre_name: "MOPS Łódź".into(),
        role: asysta_core::workspace::Role::Assistant,
    };
    let mut store = Store::create(
        data.path(),
        &info,
        &Passphrase::new(PASSPHRASE),
        KdfParams::INSECURE_FOR_TESTS,
        Box::new(SystemEnvironment),
    )
    .unwrap();
    let mut case = asysta_core::demo::cases(4, 1, today).remove(0);
    case.family.name = FAMILY.into();
    let new = NewCase {
        family: case.family,
        status: asysta_core::record::FamilyStatus::Active,
        members: case.members,
        details: Some(case.details),
    };
    let family_id = store.add_cases(&[new]).unwrap()[0];
    let members: Vec<_> = store.family_case(family_id).unwrap().members.iter().map(|m| m.id).collect();
    let mut rng = asysta_core::demo::DemoRng::new(4);
    let mut new_id = || store_id();
    let plan = asysta_core::demo::plan(&mut rng, &members, today - chrono::Duration::days(3000), &mut new_id);
    let mut visits = Vec::new();
    let mut end = today;
    while visits.len() < 500 {
        let mut run = asysta_core::demo::visits(&mut rng, &members, &plan, end);
        end -= chrono::Duration::days(730);
        run.append(&mut visits);
        visits = run;
    }
    let visits = visits.split_off(visits.len() - 500);
    store.add_plan_and_visits(family_id, plan, visits).unwrap();
    drop(store);

    let desktop = support::Desktop::start();
    let app = desktop.launch(data.path());
    app.find("#unlock-form");
    app.fill("#unlock-passphrase", PASSPHRASE);
    app.click("#unlock-submit");
    app.find("#families");
    // Each opening with its replies timed (benches/page/timeline.rs).
    let timelines: Vec<serde_json::Value> = (0..RUNS)
        .map(|_| {
            app.wait_for_text(".family-name", FAMILY);
            // A person reads the list before clicking: by then the home
            // screen has drawn its panels (schedule, deadlines, alerts),
            // whose replies would otherwise still be arriving while the
            // case is timed (about 50 ms more at p50).
            std::thread::sleep(std::time::Duration::from_millis(500));
            let timeline =
                app.execute_async(timeline::TIMELINE, json!([".family-row .family-name", "#visit-count", FAMILY]));
            app.find("#case-back");
            app.click("#case-back");
            app.find("#families");
            timeline
        })
        .collect();
    app.quit();
    let median = |values: &mut Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let reply = |t: &serde_json::Value| {
        t["calls"]
            .as_array()
            .and_then(|calls| calls.iter().find(|c| c[0] == "family_case"))
            .map(|c| c[2].as_f64().expect("a time in ms"))
    };
    let mut replies: Vec<f64> = timelines.iter().filter_map(reply).collect();
    let mut built: Vec<f64> = timelines.iter().map(|t| t["built"].as_f64().expect("a time in ms")).collect();
    let mut samples: Vec<f64> = timelines.iter().map(|t| t["painted"].as_f64().expect("a time in ms")).collect();
    println!(
        "| of which, p50 of the same runs: the case's reply read in the page / the diary in the page (ms) | {:.0} / {:.0} |",
        median(&mut replies),
        median(&mut built)
    );
    let timeline = &timelines[RUNS - 1];
    samples.sort_by(f64::total_cmp);
    println!("| the last opening of the case, from the click (ms) | {timeline} |");
    println!(
        "| case of a family with 500 visits: click in the list → case painted (in the page, performance.now), {RUNS} runs | p50 {:.0} ms, max {:.0} ms |",
        samples[RUNS / 2],
        samples[RUNS - 1]
    );
}

/// Ids for the plan's goals and actions (any unique ids will do).
fn store_id() -> asysta_core::EntityId {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    asysta_core::EntityId::new_v7(1_764_000_000_000 + n, [n as u8; 10])
}
