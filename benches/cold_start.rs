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
    let mut samples: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let app = desktop.launch(data.path());
            app.find("#unlock-form");
            let elapsed = start.elapsed();
            app.quit();
            elapsed
        })
        .collect();
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "| app cold start to the unlock screen (WebDriver session → #unlock-form), {RUNS} runs | p50 {:.0} ms, max {:.0} ms |",
        ms(samples[RUNS / 2]),
        ms(samples[RUNS - 1])
    );
}
