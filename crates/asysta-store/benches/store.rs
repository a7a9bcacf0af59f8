//! Store benchmarks: `cargo bench -p asysta-store` (release build).
//!
//! Prints a Markdown table for docs/BENCHMARKS.md:
//! - unlock time with the production Argon2id parameters;
//! - 10,000 families through the event log vs raw inserts into the same
//!   table, in the same run, each in one transaction (the ratio is the cost
//!   of the log);
//! - adding one family per transaction, as the app does (p50/p99);
//! - the family list query with 10,000 families (p50/p99);
//! - a centre ingesting 100 devices' histories (about 150,000 events), the
//!   same again (all present), and raw inserts of the same rows.

use asysta_core::workspace::WorkspaceInfo;
use asysta_store::{KdfParams, Passphrase, Settings, Store, SystemEnvironment};
use std::time::{Duration, Instant};

const FAMILIES: usize = 10_000;
const PASS: &str = "benchmark passphrase 1";

fn main() {
    // `cargo bench` passes --bench; nothing else is accepted.
    println!("| measurement | result |\n|---|---|");
    if std::env::args().any(|a| a == "--only-list") {
        list_query();
        return;
    }
    if std::env::args().any(|a| a == "--only-ingest") {
        ingest_at_centre();
        return;
    }
    unlock();
    log_vs_raw();
    single_adds();
    list_query();
    case_with_500_visits();
    search_1500();
    home_screen();
    if std::env::args().any(|a| a == "--no-ingest") {
        return;
    }
    ingest_at_centre();
}

fn info() -> WorkspaceInfo {
    WorkspaceInfo {
        assistant_name: "Anna Nowak".into(),
        centre_name: "MOPS Łódź".into(),
        role: asysta_core::workspace::Role::Assistant,
    }
}

/// A workspace whose caseload cap is lifted, so the benchmarks can load
/// thousands of active families. The store refuses a cap above the law's
/// 15 through `set_settings`, so the benchmark writes the projection
/// directly: measuring load, not modelling a centre.
fn create(dir: &std::path::Path, kdf: KdfParams) -> Store {
    let store = Store::create(dir, &info(), &Passphrase::new(PASS), kdf, Box::new(SystemEnvironment)).unwrap();
    store
        .connection()
        .execute("INSERT INTO settings (id, caseload_cap, no_visit_days, rev) VALUES (1, 1000000, 14, 0)", [])
        .unwrap();
    assert_eq!(store.settings().unwrap(), Settings { caseload_cap: 1_000_000, no_visit_days: 14 });
    store
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    let rank = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[rank]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn unlock() {
    let dir = tempfile::tempdir().unwrap();
    drop(create(dir.path(), KdfParams::DEFAULT));
    let mut samples: Vec<Duration> = (0..10)
        .map(|_| {
            let start = Instant::now();
            let store = Store::open(dir.path(), &Passphrase::new(PASS), Box::new(SystemEnvironment)).unwrap();
            let elapsed = start.elapsed();
            drop(store);
            elapsed
        })
        .collect();
    let p = KdfParams::DEFAULT;
    println!(
        "| unlock (Argon2id m={} MiB, t={}, p={}), 10 runs | p50 {}, max {} |",
        p.memory_kib / 1024,
        p.iterations,
        p.parallelism,
        ms(percentile(&mut samples, 0.5)),
        ms(percentile(&mut samples, 1.0))
    );
}

fn log_vs_raw() {
    let families = asysta_core::demo::families(1, FAMILIES);

    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path(), KdfParams::INSECURE_FOR_TESTS);
    let start = Instant::now();
    store.add_families(&families).unwrap();
    let through_log = start.elapsed();

    let raw_dir = tempfile::tempdir().unwrap();
    let raw_store = create(raw_dir.path(), KdfParams::INSECURE_FOR_TESTS);
    let conn = raw_store.connection();
    let start = Instant::now();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    {
        let mut family = conn
            .prepare(
                "INSERT INTO families (id, name, address, rev, created_at_ms, updated_at_ms) \
                 VALUES (?1, ?2, ?3, 1, 0, 0)",
            )
            .unwrap();
        let mut member = conn
            .prepare("INSERT INTO members (id, family_id, first_name, last_name, rev) VALUES (?1, ?2, ?3, ?4, 1)")
            .unwrap();
        for (i, f) in families.iter().enumerate() {
            let id = format!("f{i:08}");
            family.execute((&id, &f.name, &f.address)).unwrap();
            let m = f.first_member.as_ref().unwrap();
            member.execute((format!("m{i:08}"), &id, &m.first_name, &m.last_name)).unwrap();
        }
    }
    conn.execute_batch("COMMIT").unwrap();
    let raw = start.elapsed();
    println!(
        "| {FAMILIES} families + first members, one transaction: through the event log | {} ({:.1} µs/family) |",
        ms(through_log),
        through_log.as_secs_f64() * 1e6 / FAMILIES as f64
    );
    println!("| same, raw INSERTs into the same tables | {} |", ms(raw));
    println!("| ratio event log / raw | {:.2}× |", through_log.as_secs_f64() / raw.as_secs_f64());
}

fn single_adds() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path(), KdfParams::INSECURE_FOR_TESTS);
    let families = asysta_core::demo::families(2, 300);
    let mut samples: Vec<Duration> = families
        .iter()
        .map(|f| {
            let start = Instant::now();
            store.add_family(f).unwrap();
            start.elapsed()
        })
        .collect();
    println!(
        "| add one family (own transaction, synchronous=FULL), 300 runs | p50 {}, p99 {} |",
        ms(percentile(&mut samples, 0.5)),
        ms(percentile(&mut samples, 0.99))
    );
}

fn list_query() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path(), KdfParams::INSECURE_FOR_TESTS);
    store.add_families(&asysta_core::demo::families(3, FAMILIES)).unwrap();
    let mut samples: Vec<Duration> = (0..200)
        .map(|_| {
            let start = Instant::now();
            let list = store.list_families().unwrap();
            let elapsed = start.elapsed();
            assert_eq!(list.len(), FAMILIES);
            elapsed
        })
        .collect();
    println!(
        "| family list query, {FAMILIES} families, Polish collation, 200 runs | p50 {}, p99 {} |",
        ms(percentile(&mut samples, 0.5)),
        ms(percentile(&mut samples, 0.99))
    );
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Opening the case of a family with 500 visits (the case screen's one
/// command), and saving one more visit.
fn case_with_500_visits() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path(), KdfParams::INSECURE_FOR_TESTS);
    let family_id = store.add_cases(&active_demo_cases(4, 1)).unwrap()[0];
    let members: Vec<_> = store.family_case(family_id).unwrap().members.iter().map(|m| m.id).collect();
    let mut rng = asysta_core::demo::DemoRng::new(4);
    let plan = asysta_core::demo::plan(&mut rng, &members, today(), &mut store_id);
    let mut visits = Vec::new();
    let mut end = today();
    while visits.len() < 500 {
        let mut run = asysta_core::demo::visits(&mut rng, &members, &plan, end);
        end -= chrono::Duration::days(730);
        run.append(&mut visits);
        visits = run;
    }
    let visits = visits.split_off(visits.len() - 500);
    let one_more = visits[0].clone();
    store.add_plan_and_visits(family_id, plan, visits).unwrap();

    let mut samples: Vec<Duration> = (0..200)
        .map(|_| {
            let start = Instant::now();
            let case = store.family_case(family_id).unwrap();
            let elapsed = start.elapsed();
            assert_eq!(case.visits.len(), 500);
            elapsed
        })
        .collect();
    println!(
        "| open the case of a family with 500 visits (family_case), 200 runs | p50 {}, p99 {} |",
        ms(percentile(&mut samples, 0.5)),
        ms(percentile(&mut samples, 0.99))
    );
    let mut samples: Vec<Duration> = (0..200)
        .map(|_| {
            let start = Instant::now();
            store.record_visit(family_id, one_more.clone()).unwrap();
            start.elapsed()
        })
        .collect();
    println!(
        "| save a visit (own transaction, synchronous=FULL), 200 runs | p50 {}, p99 {} |",
        ms(percentile(&mut samples, 0.5)),
        ms(percentile(&mut samples, 0.99))
    );
    // The same through the one door the window and the CLI take: the role,
    // the form's validation against the case, then the same write.
    let form = asysta_core::visit::VisitForm::from_visit(&one_more);
    let mut samples: Vec<Duration> = (0..200)
        .map(|_| {
            let start = Instant::now();
            let request = asysta_core::ops::RecordVisit { family_id, form: form.clone() };
            store.run(request, today()).unwrap();
            start.elapsed()
        })
        .collect();
    println!(
        "| save a visit through `Store::run(RecordVisit)` (role, validation of the form against the case, write), 200 runs | p50 {}, p99 {} |",
        ms(percentile(&mut samples, 0.5)),
        ms(percentile(&mut samples, 0.99))
    );
}

/// Plan goal and action ids for the benchmark (any unique ids will do).
fn store_id() -> asysta_core::EntityId {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    asysta_core::EntityId(uuid::Uuid::from_u128(u128::from(NEXT.fetch_add(1, Ordering::Relaxed))))
}

/// Search over 1,500 families with their members (diacritic-insensitive).
fn search_1500() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path(), KdfParams::INSECURE_FOR_TESTS);
    let cases = active_demo_cases(5, 1500);
    store.add_cases(&cases).unwrap();
    let queries = ["kowalski", "zolc", "lodz dluga", "8607", "wisniewska anna", "ul. polna"];
    let mut samples: Vec<Duration> = (0..300)
        .map(|i| {
            let start = Instant::now();
            let found = store.search_families(queries[i % queries.len()]).unwrap();
            let elapsed = start.elapsed();
            assert!(found.len() <= 1500);
            elapsed
        })
        .collect();
    println!(
        "| search over 1,500 families (names, PESEL, address), 300 runs | p50 {}, p99 {} |",
        ms(percentile(&mut samples, 0.5)),
        ms(percentile(&mut samples, 0.99))
    );
}

/// The home panel's three commands (alerts, planned contacts, drafts) for a
/// full caseload: 15 active families, each with a plan and two years of
/// visits, one of them with a draft.
fn home_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = create(dir.path(), KdfParams::INSECURE_FOR_TESTS);
    let cases = active_demo_cases(6, 15);
    let ids = store.add_cases(&cases).unwrap();
    let mut rng = asysta_core::demo::DemoRng::new(6);
    let mut visit_count = 0;
    for &family_id in &ids {
        let members: Vec<_> = store.family_case(family_id).unwrap().members.iter().map(|m| m.id).collect();
        let start = today() - chrono::Duration::days(730);
        let plan = asysta_core::demo::plan(&mut rng, &members, start, &mut store_id);
        let visits = asysta_core::demo::visits(&mut rng, &members, &plan, today());
        visit_count += visits.len();
        store.add_plan_and_visits(family_id, plan, visits).unwrap();
    }
    let draft = asysta_core::visit::VisitDraft {
        family_id: ids[0],
        form: asysta_core::visit::VisitForm { notes: "Rozmowa z mamą o szkole".into(), ..Default::default() },
        saved_at_ms: 1,
    };
    store.save_draft(&draft).unwrap();
    let mut samples: Vec<Duration> = (0..200)
        .map(|_| {
            let start = Instant::now();
            let alerts = store.alerts(today()).unwrap();
            let planned = store.planned_visits().unwrap();
            let drafts = store.drafts().unwrap();
            let elapsed = start.elapsed();
            assert!(alerts.len() + planned.len() <= 15 * 10 && drafts.len() == 1);
            elapsed
        })
        .collect();
    println!(
        "| home screen (alerts + planned contacts + drafts), 15 active families, {visit_count} visits, 200 runs | p50 {}, p99 {} |",
        ms(percentile(&mut samples, 0.5)),
        ms(percentile(&mut samples, 0.99))
    );
    // The visit form is saved after every edit: one keystroke's cost.
    let mut notes = String::new();
    let mut samples: Vec<Duration> = (0..500)
        .map(|i| {
            notes.push(if i % 6 == 5 { ' ' } else { 'ż' });
            let form = asysta_core::visit::VisitForm { notes: notes.clone(), ..draft.form.clone() };
            let keystroke = asysta_core::visit::VisitDraft { form, saved_at_ms: i, ..draft.clone() };
            let start = Instant::now();
            store.save_draft(&keystroke).unwrap();
            start.elapsed()
        })
        .collect();
    println!(
        "| save the visit draft after an edit (own transaction, synchronous=FULL), 500 runs | p50 {}, p99 {} |",
        ms(percentile(&mut samples, 0.5)),
        ms(percentile(&mut samples, 0.99))
    );
}

/// `n` demo cases for `seed`, all active (the cap is lifted by `create`).
fn active_demo_cases(seed: u64, n: usize) -> Vec<asysta_store::NewCase> {
    asysta_core::demo::cases(seed, n, today())
        .into_iter()
        .map(|c| asysta_store::NewCase {
            family: c.family,
            status: asysta_core::record::FamilyStatus::Active,
            members: c.members,
            details: Some(c.details),
        })
        .collect()
}

const DEVICES: usize = 100;

/// A table's name, its columns and its rows.
type TableRows<'a> = (&'a str, Vec<String>, Vec<Vec<rusqlite::types::Value>>);

/// 100 laptops, each with a full caseload (15 families, a plan and two years
/// of visits each), sent to an empty centre one device at a time (as 100
/// bundles would be); then the same again; then the rows the ingest wrote,
/// inserted raw into the same tables of another empty database.
fn ingest_at_centre() {
    let dirs: Vec<tempfile::TempDir> = (0..DEVICES).map(|_| tempfile::tempdir().unwrap()).collect();
    let histories: Vec<Vec<asysta_core::Event>> = dirs
        .iter()
        .enumerate()
        .map(|(i, dir)| {
            let mut laptop = create(dir.path(), KdfParams::INSECURE_FOR_TESTS);
            let ids = laptop.add_cases(&active_demo_cases(100 + i as u64, 15)).unwrap();
            let mut rng = asysta_core::demo::DemoRng::new(i as u64);
            for &family_id in &ids {
                let members: Vec<_> = laptop.family_case(family_id).unwrap().members.iter().map(|m| m.id).collect();
                let start = today() - chrono::Duration::days(730);
                let plan = asysta_core::demo::plan(&mut rng, &members, start, &mut store_id);
                let visits = asysta_core::demo::visits(&mut rng, &members, &plan, today());
                laptop.add_plan_and_visits(family_id, plan, visits).unwrap();
            }
            laptop.events_missing_from(&Default::default()).unwrap()
        })
        .collect();
    let total: usize = histories.iter().map(Vec::len).sum();

    let centre_dir = tempfile::tempdir().unwrap();
    let mut centre = create(centre_dir.path(), KdfParams::INSECURE_FOR_TESTS);
    // The batches are copied before the clock starts: what a bundle's
    // parser hands over is owned, and the copy is no part of the ingest.
    let copies = histories.clone();
    let start = Instant::now();
    for history in copies {
        let n = history.len();
        let report = centre.ingest(history).unwrap();
        assert_eq!(report.applied, n);
    }
    let first = start.elapsed();
    let copies = histories.clone();
    let start = Instant::now();
    for history in copies {
        let report = centre.ingest(history).unwrap();
        assert!(report.unchanged());
    }
    let again = start.elapsed();
    assert_eq!(centre.list_families().unwrap().len(), DEVICES * 15);
    if std::env::var_os("ASYSTA_BENCH_DIAG").is_some() {
        let start = Instant::now();
        let mut bytes = 0;
        for h in &histories {
            for e in h {
                bytes += serde_json::to_string(&e.change).unwrap().len();
            }
        }
        eprintln!("diag: serializing every change: {} ({bytes} bytes)", ms(start.elapsed()));
        let start = Instant::now();
        for h in &histories {
            for e in h {
                std::hint::black_box(asysta_store::event_digest(e).unwrap());
            }
        }
        eprintln!("diag: digest of every event: {}", ms(start.elapsed()));
        let start = Instant::now();
        let n: i64 =
            centre.connection().query_row("SELECT sum(length(change_json)) FROM events", [], |r| r.get(0)).unwrap();
        eprintln!("diag: reading every change_json: {} ({n} bytes)", ms(start.elapsed()));
    }

    // The same rows, raw, into the same tables (indexes and triggers
    // included) of another empty workspace, in one transaction.
    let tables = ["events", "workspace", "families", "members", "plans", "plan_versions", "visits"];
    let rows: Vec<TableRows> = tables
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
                .unwrap();
            (*table, columns, data)
        })
        .collect();
    let centre_device = centre.device_id().to_string();
    let centre_workspace = centre.workspace_id().to_string();
    let raw_dir = tempfile::tempdir().unwrap();
    let raw_store = create(raw_dir.path(), KdfParams::INSECURE_FOR_TESTS);
    let conn = raw_store.connection();
    let start = Instant::now();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut raw_rows = 0;
    for (table, columns, data) in &rows {
        let marks = (1..=columns.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
        let mut insert =
            conn.prepare(&format!("INSERT INTO {table} ({}) VALUES ({marks})", columns.join(", "))).unwrap();
        for row in data {
            // The centre's own first event and workspace are not the laptops'.
            let own =
                matches!(&row[0], rusqlite::types::Value::Text(t) if *t == centre_device || *t == centre_workspace);
            if !own {
                insert.execute(rusqlite::params_from_iter(row.iter())).unwrap();
                raw_rows += 1;
            }
        }
    }
    conn.execute_batch("COMMIT").unwrap();
    let raw = start.elapsed();
    let rate = |d: Duration| total as f64 / d.as_secs_f64();
    println!(
        "| centre ingest: {DEVICES} devices' histories ({total} events, {} families, 2 years of visits each) into an empty centre, one batch a device | {} ({:.0} events/s) |",
        DEVICES * 15,
        ms(first),
        rate(first)
    );
    println!(
        "| same rows ({raw_rows} rows of events, workspaces, families, members, plans, versions, visits), raw INSERTs into the same tables, one transaction | {} ({:.0} events/s) |",
        ms(raw),
        rate(raw)
    );
    println!("| ingest rate / raw rate | {:.0} % |", 100.0 * raw.as_secs_f64() / first.as_secs_f64());
    println!(
        "| the same {DEVICES} histories again (everything already present) | {} ({:.1} % of the first ingest) |",
        ms(again),
        100.0 * again.as_secs_f64() / first.as_secs_f64()
    );
}
