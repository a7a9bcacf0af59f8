//! App cold start: from asking tauri-driver for a new window to the unlock
//! screen being shown, with a workspace already on disk. Release build:
//! `cargo xtask bench` (or `cargo bench -p asysta-app --features
//! custom-protocol --bench cold_start`).

#[path = "../tests/e2e/support.rs"]
#[allow(dead_code)]
mod support;

use asysta_core::workspace::WorkspaceInfo;
use asysta_store::{KdfParams, Passphrase, Store, SystemEnvironment};
use std::time::{Duration, Instant};

const RUNS: usize = 10;

fn main() {
    let data = tempfile::tempdir().unwrap();
    let info = WorkspaceInfo {
        assistant_name: "Anna Nowak".into(),
        centre_name: "MOPS Łódź".into(),
        role: asysta_core::workspace::Role::Assistant,
    };
    drop(
        Store::create(
            data.path(),
            &info,
            &Passphrase::new("benchmark passphrase 1"),
            KdfParams::DEFAULT,
            Box::new(SystemEnvironment),
        )
        .unwrap(),
    );
    let desktop = support::Desktop::start();
    let mut samples: Vec<Duration> = Vec::new();
    let mut in_page: Vec<(f64, f64)> = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let app = desktop.launch(data.path());
        // Looked for every 20 ms (the tests' `find` waits 100 ms between
        // looks, which would count up to 100 ms of waiting here).
        while app.find_all("#unlock-form").is_empty() {
            assert!(start.elapsed() < Duration::from_secs(30), "no unlock screen");
            std::thread::sleep(Duration::from_millis(20));
        }
        samples.push(start.elapsed());
        // In the page: when its navigation began, after the session was
        // asked for, and how long from the document's DOMContentLoaded
        // (the wasm then loads, starts, asks for the workspace's status
        // and draws) to now.
        let page = app.execute(
            "const n = performance.getEntriesByType('navigation')[0]; \
             return [0, performance.now(), n ? n.domContentLoadedEventEnd : 0]",
            serde_json::json!([]),
        );
        let number = |i: usize| page[i].as_f64().unwrap_or(0.0);
        let navigation_began = start.elapsed().as_secs_f64() * 1000.0 - number(1);
        in_page.push((navigation_began, number(1) - number(2)));
        app.quit();
    }
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "| app cold start to the unlock screen (WebDriver session → #unlock-form, looked for every 20 ms), {RUNS} runs | p50 {:.0} ms, max {:.0} ms |",
        ms(samples[RUNS / 2]),
        ms(samples[RUNS - 1])
    );
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "| of which: until the page's navigation began (the app's process, GTK, WebKit's processes) | p50 {:.0} ms |",
        median(in_page.iter().map(|p| p.0).collect())
    );
    println!(
        "| of which: from DOMContentLoaded to the unlock screen (the wasm loaded and started, the status asked, drawn) | p50 {:.0} ms |",
        median(in_page.iter().map(|p| p.1).collect())
    );
}
