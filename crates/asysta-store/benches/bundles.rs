//! Bundle benchmarks: `cargo bench -p asysta-store --bench bundles`
//! (release build).
//!
//! Prints a Markdown table for docs/BENCHMARKS.md:
//! - exporting a full caseload (15 families, a plan and two years of visits
//!   each, every event: `ExportRequest { full: true }`), p50/p95, and where
//!   the time goes (reading the events, sealing, writing);
//! - importing 100 such bundles, each from its own laptop (enrolled with the
//!   centre, trusted with its first bundle), into one centre, against raw
//!   INSERTs of the same rows in the same run (as the store bench's centre
//!   ingest measures its baseline);
//! - importing the same 100 again (every bundle already imported);
//! - the size of a bundle against the JSON Lines of its events;
//! - where an import's time goes: decryption and signature, decompression,
//!   JSON parsing (measured with `asysta-bundle` directly), the ingest.
//!
//! Flags (after `--`): `--only-export` (skips the 100 laptops), `--devices N`
//! (instead of 100, for a quick look).

use asysta_bundle::{DeviceKeys, Header, Party};
use asysta_core::workspace::{Role, WorkspaceInfo};
use asysta_core::{DeviceId, Event, UserId};
use asysta_store::{ExportProgress, ExportRequest, KdfParams, NewCase, Passphrase, Store, SystemEnvironment};
use std::path::Path;
use std::time::{Duration, Instant};

const PASS: &str = "benchmark passphrase 1";
/// A full caseload: the law's cap.
const FAMILIES: usize = 15;
const EXPORT_RUNS: usize = 50;
const DEVICES: usize = 100;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let devices = args
        .iter()
        .position(|a| a == "--devices")
        .map(|i| args.get(i + 1).and_then(|n| n.parse().ok()).expect("--devices N"))
        .unwrap_or(DEVICES);
    println!("| measurement | result |\n|---|---|");
    let scratch = tempfile::tempdir().unwrap();
    let mut centre = workspace(&scratch.path().join("centre"), "Kierownik Maria Zięba", Role::Centre);
    let enrolment = centre.enrolment().unwrap().to_json();
    let first = laptop(&scratch.path().join("laptop-0"), 0, &enrolment);
    export_full_caseload(first, scratch.path());
    if args.iter().any(|a| a == "--only-export") {
        return;
    }
    import_at_centre(&mut centre, scratch.path(), &enrolment, devices);
}

fn workspace(dir: &Path, name: &str, role: Role) -> Store {
    let info = WorkspaceInfo { assistant_name: name.into(), centre_name: "MOPS Łódź".into(), role };
    Store::create(dir, &info, &Passphrase::new(PASS), KdfParams::INSECURE_FOR_TESTS, Box::new(SystemEnvironment))
        .unwrap()
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Plan goal and action ids for the benchmark (any unique ids will do).
fn store_id() -> asysta_core::EntityId {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    asysta_core::EntityId(uuid::Uuid::from_u128(u128::from(NEXT.fetch_add(1, Ordering::Relaxed))))
}

/// Laptop `i`, enrolled with the centre, with a full caseload: 15 active
/// families, each with a plan and two years of visits (the store bench's
/// synthetic caseload).
fn laptop(dir: &Path, i: usize, enrolment: &[u8]) -> Store {
    let mut laptop = workspace(dir, &format!("Asystentka {i}"), Role::Assistant);
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
    let ids = laptop.add_cases(&cases).unwrap();
    let mut rng = asysta_core::demo::DemoRng::new(i as u64);
    for &family_id in &ids {
        let members: Vec<_> = laptop.family_case(family_id).unwrap().members.iter().map(|m| m.id).collect();
        let start = today() - chrono::Duration::days(730);
        let plan = asysta_core::demo::plan(&mut rng, &members, start, &mut store_id);
        let visits = asysta_core::demo::visits(&mut rng, &members, &plan, today());
        laptop.add_plan_and_visits(family_id, plan, visits).unwrap();
    }
    laptop
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    let rank = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[rank]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn p50(samples: &mut [Duration]) -> String {
    ms(percentile(samples, 0.5))
}

/// The events as a bundle's frame carries them before compression: JSON
/// Lines, one event a line.
fn json_lines(events: &[Event]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in events {
        serde_json::to_writer(&mut out, e).unwrap();
        out.push(b'\n');
    }
    out
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// (a) The laptop's whole history, exported again and again into one file
/// (written atomically and synced, as a user's export is; the bundle log
/// gets a row each time). The progress callback marks the phases.
fn export_full_caseload(mut laptop: Store, scratch: &Path) {
    let to = scratch.join("full.asysta");
    let request = ExportRequest { full: true, ..Default::default() };
    let (mut total, mut reading, mut sealing, mut writing) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut summary = None;
    for _ in 0..EXPORT_RUNS {
        let (mut sealed_from, mut written_from) = (None, None);
        let start = Instant::now();
        let s = laptop
            .export_bundle(&to, &request, &mut |p| match p {
                ExportProgress::Sealing(_) => sealed_from = Some(Instant::now()),
                ExportProgress::Writing(_) => written_from = Some(Instant::now()),
                ExportProgress::Reading(_) => {}
            })
            .unwrap();
        let end = Instant::now();
        let (sealed_from, written_from) = (sealed_from.unwrap(), written_from.unwrap());
        total.push(end - start);
        reading.push(sealed_from - start);
        sealing.push(written_from - sealed_from);
        writing.push(end - written_from);
        summary = Some(s);
    }
    let summary = summary.unwrap();
    assert_eq!(summary.withheld, 0, "the synthetic caseload has no restricted notes");
    let events = laptop.events_missing_from(&Default::default()).unwrap();
    assert_eq!(events.len() as u64, summary.event_count);
    let json = json_lines(&events).len();
    println!(
        "| **export a full caseload** ({FAMILIES} families, 2 years of visits, all {} events, `full: true`), {EXPORT_RUNS} runs | p50 {}, **p95 {}** (target ≤ 100 ms) |",
        summary.event_count,
        ms(percentile(&mut total, 0.5)),
        ms(percentile(&mut total, 0.95))
    );
    println!(
        "| of which (p50): reading the events / sealing (JSON, DEFLATE, signature, age) / writing (fsync) and logging | {} / {} / {} |",
        p50(&mut reading),
        p50(&mut sealing),
        p50(&mut writing)
    );
    println!(
        "| size of that bundle / JSON Lines of its events | {} / {} = {:.1} % |",
        kib(summary.bytes as usize),
        kib(json),
        100.0 * summary.bytes as f64 / json as f64
    );
    seal_and_open_breakdown(&events);
}

/// Where the time of sealing and opening one bundle goes, measured with
/// `asysta-bundle` directly (bench keys, one recipient): JSON
/// serialization alone, the whole seal; decryption with the signature
/// check (`open`), decompression (`events_json`), and parsing (`events`
/// minus `events_json`).
fn seal_and_open_breakdown(events: &[Event]) {
    const RUNS: usize = 30;
    let keys = DeviceKeys::generate([7; 32]);
    let recipient = keys.public().age_recipient;
    let header = Header {
        bundle_id: uuid::Uuid::from_u128(1),
        created_at_ms: 1,
        sender: Party {
            device_id: DeviceId(uuid::Uuid::from_u128(2)),
            workspace_id: uuid::Uuid::from_u128(3),
            role: Role::Assistant,
            user_id: UserId(uuid::Uuid::from_u128(4)),
            user_name: "Asystentka 0".into(),
            centre_name: "MOPS Łódź".into(),
            keys: keys.public(),
        },
        recipient_workspace: uuid::Uuid::from_u128(5),
        recipient_device: DeviceId(uuid::Uuid::from_u128(6)),
        ranges: Vec::new(),
        event_count: 0,
        withheld_count: 0,
        file_count: 0,
        marks: Default::default(),
        full: true,
    };
    let (mut to_json, mut seal, mut open, mut inflate, mut parse) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let start = Instant::now();
        std::hint::black_box(json_lines(events));
        to_json.push(start.elapsed());
        let start = Instant::now();
        let bytes = asysta_bundle::seal(header.clone(), events, &keys, &[&recipient]).unwrap();
        seal.push(start.elapsed());
        let start = Instant::now();
        let verified = asysta_bundle::open(&bytes, &keys).unwrap();
        open.push(start.elapsed());
        let start = Instant::now();
        std::hint::black_box(verified.events_json().unwrap());
        let inflated = start.elapsed();
        inflate.push(inflated);
        let start = Instant::now();
        assert_eq!(verified.events().unwrap().len(), events.len());
        parse.push(start.elapsed().saturating_sub(inflated));
    }
    println!(
        "| one such bundle with `asysta-bundle` alone (p50 of {RUNS}): seal = JSON {} + DEFLATE, signature, age | {} |",
        p50(&mut to_json),
        p50(&mut seal)
    );
    println!(
        "| open it: decryption and signature (`open`) / DEFLATE (`events_json`) / JSON parse (`events` less DEFLATE) | {} / {} / {} |",
        p50(&mut open),
        p50(&mut inflate),
        p50(&mut parse)
    );
}

/// A laptop's bundle for the centre, as read from the stick.
struct Bundle {
    label: String,
    bytes: Vec<u8>,
    fingerprint: String,
    events: u64,
    json_bytes: usize,
}

/// (b), (c), (d): `devices` laptops' full caseloads, one bundle each, into
/// one centre; the same bundles again; raw inserts of the same rows.
fn import_at_centre(centre: &mut Store, scratch: &Path, enrolment: &[u8], devices: usize) {
    let setup = Instant::now();
    let bundles: Vec<Bundle> = (0..devices)
        .map(|i| {
            let dir = scratch.join(format!("device-{i}"));
            let mut laptop = laptop(&dir, 1000 + i, enrolment);
            let to = scratch.join(format!("device-{i}.asysta"));
            let summary = laptop.export_bundle(&to, &ExportRequest::default(), &mut |_| {}).unwrap();
            let events = laptop.events_missing_from(&Default::default()).unwrap();
            assert_eq!(events.len() as u64, summary.event_count);
            let bundle = Bundle {
                label: summary.file_name,
                bytes: std::fs::read(&to).unwrap(),
                fingerprint: laptop.fingerprint().to_string(),
                events: summary.event_count,
                json_bytes: json_lines(&events).len(),
            };
            drop(laptop);
            std::fs::remove_dir_all(&dir).unwrap();
            bundle
        })
        .collect();
    eprintln!("setup: {devices} laptops and their bundles in {:.1} s", setup.elapsed().as_secs_f64());
    let total: u64 = bundles.iter().map(|b| b.events).sum();

    let start = Instant::now();
    for b in &bundles {
        let report = centre.import_bundle(&b.bytes, &b.label, Some(&b.fingerprint)).unwrap();
        assert!(report.trusted_now && !report.already_imported);
        assert_eq!(report.applied, b.events);
    }
    let first = start.elapsed();
    assert_eq!(centre.list_families().unwrap().len(), devices * FAMILIES);
    assert_eq!(centre.devices().unwrap().len(), devices);

    let start = Instant::now();
    for b in &bundles {
        let report = centre.import_bundle(&b.bytes, &b.label, None).unwrap();
        assert!(report.already_imported);
        assert_eq!(report.unchanged, b.events);
    }
    let again = start.elapsed();

    // Where the first import's time goes: opening and parsing (what
    // `verify` does) against the rest (checks, ingest, bookkeeping).
    let start = Instant::now();
    for b in &bundles {
        let info = centre.verify_bundle(&b.bytes, &b.label).unwrap();
        assert_eq!(info.event_count, b.events);
    }
    let verify = start.elapsed();

    let (raw, raw_rows) = raw_inserts(centre, scratch, &ALL_TABLES);
    let (raw_events, _) = plain_event_inserts(centre, scratch);
    let rate = |d: Duration| total as f64 / d.as_secs_f64();
    println!(
        "| **import {devices} bundles**, one per laptop ({total} events, {} families), into an empty centre, each trusted with its first bundle | {} ({:.0} events/s) |",
        devices * FAMILIES,
        ms(first),
        rate(first)
    );
    println!(
        "| of which opening and parsing them (decryption, signature, DEFLATE, JSON: `verify_bundle` of the same {devices}) | {} ({:.0} %) |",
        ms(verify),
        100.0 * verify.as_secs_f64() / first.as_secs_f64()
    );
    println!(
        "| same rows ({raw_rows} rows of events, workspaces, families, members, plans, versions, visits), raw INSERTs into the same tables, one transaction | {} ({:.0} events/s) |",
        ms(raw),
        rate(raw)
    );
    println!(
        "| **import rate / raw rate** (target ≥ 40 %) | **{:.0} %** |",
        100.0 * raw.as_secs_f64() / first.as_secs_f64()
    );
    println!(
        "| the event rows alone into a plain table of the same shape (no index, no trigger), one transaction | {} ({:.0} events/s; import rate / this: {:.0} %) |",
        ms(raw_events),
        rate(raw_events),
        100.0 * raw_events.as_secs_f64() / first.as_secs_f64()
    );
    println!(
        "| **the same {devices} bundles again** (every one already imported) | {} (**{:.1} %** of the first import; target ≤ 10 %) |",
        ms(again),
        100.0 * again.as_secs_f64() / first.as_secs_f64()
    );
    // `asysta check` on the centre that holds them all: the file, the log's
    // invariants and every table against a rebuild in a scratch database.
    let mut samples: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            let report = centre.check().unwrap();
            assert!(report.ok, "{report:?}");
            start.elapsed()
        })
        .collect();
    println!(
        "| **`asysta check`** at that centre ({devices} assistants × {FAMILIES} families × 2 years, {total} events), 3 runs (target ≤ 5 s) | p50 {} |",
        ms(percentile(&mut samples, 0.5))
    );
    // The centre's dashboard and half-year figures over everything it holds.
    let mut board: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            let dashboard = centre.dashboard(today()).unwrap();
            assert_eq!(dashboard.assistants.len(), devices);
            start.elapsed()
        })
        .collect();
    println!(
        "| **the dashboard** (`Store::dashboard`) at that centre, 20 runs (goal ≤ 100 ms) | p50 {}, p99 {} |",
        ms(percentile(&mut board, 0.5)),
        ms(percentile(&mut board, 0.99))
    );
    let mut facts: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            centre.case_facts(today()).unwrap();
            start.elapsed()
        })
        .collect();
    println!(
        "| of which the facts of every family (`case_facts`, bulk reads) | p50 {} |",
        ms(percentile(&mut facts, 0.5))
    );
    let period = asysta_core::centre::report::HalfYear::of(today());
    let mut report: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            let figures = centre.half_year_report(period).unwrap();
            assert!(figures.row("families_served").unwrap().value > 0);
            start.elapsed()
        })
        .collect();
    println!(
        "| **the half-year figures** (`Store::half_year_report`, {period}) at that centre, 20 runs (goal ≤ 100 ms) | p50 {}, p99 {} |",
        ms(percentile(&mut report, 0.5)),
        ms(percentile(&mut report, 0.99))
    );
    let mut pairs: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            centre.cross_duplicates().unwrap();
            start.elapsed()
        })
        .collect();
    println!(
        "| families entered by two assistants (`cross_duplicates`, run after every import that brings records), 20 runs | p50 {} |",
        ms(percentile(&mut pairs, 0.5))
    );
    // A backup of that centre (issue 20): SQLite's online backup into a
    // checked file, the copy checked with the key and the file re-read.
    let mut sizes = 0;
    let mut backups: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            let outcome = centre.backup_now(asysta_core::backup::BackupReason::Manual).unwrap();
            sizes = outcome.written[0].bytes;
            start.elapsed()
        })
        .collect();
    println!(
        "| **a backup** of that centre (online backup, checked copy, file re-read), 3 runs | p50 {}, {:.1} MiB |",
        ms(percentile(&mut backups, 0.5)),
        sizes as f64 / 1_048_576.0
    );
    let bytes: usize = bundles.iter().map(|b| b.bytes.len()).sum();
    let json: usize = bundles.iter().map(|b| b.json_bytes).sum();
    println!(
        "| **bundle size / JSON Lines of its events**, {devices} bundles | {} / {} (mean {} / {} a bundle) = **{:.1} %** |",
        kib(bytes),
        kib(json),
        kib(bytes / devices),
        kib(json / devices),
        100.0 * bytes as f64 / json as f64
    );
}

/// The tables an import writes that the store bench's baseline copies.
const ALL_TABLES: [&str; 7] = ["events", "workspace", "families", "members", "plans", "plan_versions", "visits"];

/// A table's name, its columns and its rows.
type TableRows<'a> = (&'a str, Vec<String>, Vec<Vec<rusqlite::types::Value>>);

/// The rows of `tables` the laptops' events made at the centre (not the
/// centre's own first event and workspace row).
fn rows_of<'a>(centre: &Store, tables: &[&'a str]) -> Vec<TableRows<'a>> {
    let own = [centre.device_id().to_string(), centre.workspace_id().to_string()];
    tables
        .iter()
        .map(|table| {
            let conn = centre.connection();
            let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY rowid")).unwrap();
            let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
            let n = columns.len();
            let data = stmt
                .query_map([], |r| (0..n).map(|i| r.get::<_, rusqlite::types::Value>(i)).collect())
                .unwrap()
                .collect::<rusqlite::Result<Vec<Vec<_>>>>()
                .unwrap()
                .into_iter()
                .filter(|row| !matches!(&row[0], rusqlite::types::Value::Text(t) if own.contains(t)))
                .collect();
            (*table, columns, data)
        })
        .collect()
}

/// Inserts `rows` into `into` (each table as named) in one transaction;
/// returns the time and the number of rows.
fn insert_all(conn: &rusqlite::Connection, rows: &[TableRows<'_>], into: impl Fn(&str) -> String) -> (Duration, usize) {
    let start = Instant::now();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut count = 0;
    for (table, columns, data) in rows {
        let marks = (1..=columns.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
        let mut insert =
            conn.prepare(&format!("INSERT INTO {} ({}) VALUES ({marks})", into(table), columns.join(", "))).unwrap();
        for row in data {
            insert.execute(rusqlite::params_from_iter(row.iter())).unwrap();
            count += 1;
        }
    }
    conn.execute_batch("COMMIT").unwrap();
    (start.elapsed(), count)
}

/// The store bench's baseline: the same rows, raw, into the same tables
/// (indexes and triggers included) of another empty workspace.
fn raw_inserts(centre: &Store, scratch: &Path, tables: &[&str]) -> (Duration, usize) {
    let rows = rows_of(centre, tables);
    let raw = workspace(&scratch.join("raw"), "Raw", Role::Centre);
    insert_all(raw.connection(), &rows, str::to_owned)
}

/// The event rows alone, into a table with the events table's columns and
/// nothing else, in another empty workspace.
fn plain_event_inserts(centre: &Store, scratch: &Path) -> (Duration, usize) {
    let rows = rows_of(centre, &["events"]);
    let raw = workspace(&scratch.join("plain"), "Plain", Role::Centre);
    raw.connection().execute_batch("CREATE TABLE plain_events AS SELECT * FROM events WHERE 0").unwrap();
    insert_all(raw.connection(), &rows, |_| "plain_events".to_owned())
}
