//! How long a print takes: the PDF of a plan version (5 goals × 3 actions)
//! and the monthly report over 15 families. Each is warmed up, then timed
//! 30 times; prints p50 and p95. Target: p50 ≤ 300 ms.
//!
//! Every timed print changes the family name (which is on every page), as
//! printing another family's document would, so no print merely repeats the
//! one before it.
//!
//!     CARGO_TARGET_DIR=../../target/print cargo bench

use asysta_print::{monthly_pdf, plan_pdf, InProcess};
use std::time::{Duration, Instant};

// The sample documents the tests use; the benchmark needs only two.
#[allow(dead_code)]
#[path = "../tests/it/samples.rs"]
mod samples;

const WARM_UP: usize = 3;
const ITERATIONS: usize = 30;

fn main() {
    let plan = samples::plan(5, 3);
    let monthly = samples::monthly(15);

    let first = Instant::now();
    plan_pdf(&plan, &InProcess).unwrap();
    println!("first print (engine and fonts set up): {:.1} ms", ms(first.elapsed()));

    bench("plan_pdf, 5 goals × 3 actions", |i| {
        let mut plan = plan.clone();
        plan.header.family_name = format!("Kowalscy {i}");
        plan_pdf(&plan, &InProcess).unwrap()
    });
    bench("monthly_pdf, 15 families", |i| {
        let mut monthly = monthly.clone();
        monthly.families[0].family = format!("Kowalscy {i}");
        monthly_pdf(&monthly, &InProcess).unwrap()
    });
}

/// Times `print(i)` for distinct `i` and prints the percentiles.
fn bench(name: &str, print: impl Fn(usize) -> Vec<u8>) {
    for i in 0..WARM_UP {
        print(i);
    }
    let mut times: Vec<Duration> = (WARM_UP..WARM_UP + ITERATIONS)
        .map(|i| {
            let start = Instant::now();
            std::hint::black_box(print(i));
            start.elapsed()
        })
        .collect();
    times.sort();
    let p50 = times[ITERATIONS / 2];
    let p95 = times[ITERATIONS * 95 / 100];
    println!("{name}: p50 {:.1} ms, p95 {:.1} ms ({ITERATIONS} prints)", ms(p50), ms(p95));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
