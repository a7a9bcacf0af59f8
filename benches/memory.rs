//! Where the memory goes: the app and its WebKit processes after the
//! assistant has opened ten cases, each process's PSS (proportional set
//! size: shared pages split between the processes that map them) from
//! `/proc/PID/smaps`, split into the heap, other anonymous memory and the
//! files mapped (the binary, the libraries), and
//! in the page the wasm's linear memory and the number of DOM elements.
//! Linux only, as the e2e harness is. Release build: `cargo xtask bench`
//! (or `cargo bench -p asysta-app --features custom-protocol --bench
//! memory`).

#[path = "../tests/e2e/support.rs"]
#[allow(dead_code)]
mod support;

use asysta_core::workspace::WorkspaceInfo;
use asysta_store::{KdfParams, NewCase, Passphrase, Store, SystemEnvironment};
use serde_json::json;

const PASSPHRASE: &str = "benchmark passphrase 1";
const FAMILIES: usize = 10;

fn main() {
    let data = tempfile::tempdir().unwrap();
    let names = fill(data.path());
    let desktop = support::Desktop::start();
    let app = desktop.launch(data.path());
    app.find("#unlock-form");
    app.fill("#unlock-passphrase", PASSPHRASE);
    app.click("#unlock-submit");
    app.find("#families");
    for name in &names {
        app.wait_for_text(".family-name", name);
        app.click_text(".family-row .family-name", name);
        app.wait_for_text("#case-name", name);
        app.find("#visit-count");
        app.click("#case-back");
        app.find("#families");
    }
    // Let the last case's requests settle.
    std::thread::sleep(std::time::Duration::from_secs(2));

    let pid = *app.pids().first().expect("the app runs");
    let mut processes = vec![(pid, "app".to_owned())];
    processes.extend(children(pid).into_iter().map(|child| (child, command_name(child))));
    let mut total = 0;
    for (pid, name) in &processes {
        let (heap, anonymous, files) = split(*pid);
        let pss = heap + anonymous + files;
        total += pss;
        println!(
            "| PSS after opening {FAMILIES} cases: {name} | {:.1} MB (heap {:.1}, other anonymous {:.1}, mapped files {:.1}) |",
            mb(pss),
            mb(heap),
            mb(anonymous),
            mb(files)
        );
    }
    println!("| PSS after opening {FAMILIES} cases: all processes | {:.1} MB |", mb(total));
    for (pid, name) in &processes {
        let files: Vec<String> =
            largest_files(*pid, 6).into_iter().map(|(file, pss)| format!("{file} {:.1}", mb(pss))).collect();
        println!("| {name}: the files mapped with most PSS (MB) | {} |", files.join(", "));
    }
    let page = app.execute(
        "return [window.asystaWasmMemory ? window.asystaWasmMemory.buffer.byteLength : -1, \
         document.getElementsByTagName('*').length]",
        json!([]),
    );
    println!(
        "| in the page: the wasm's linear memory {:.1} MB, {} DOM elements |",
        page[0].as_f64().unwrap_or(-1.0) / 1e6,
        page[1]
    );
    app.quit();
}

/// A workspace of [`FAMILIES`] demo cases, each with a plan and two years
/// of visits; the families' names.
fn fill(dir: &std::path::Path) -> Vec<String> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let info = WorkspaceInfo {
        assistant_name: "Anna Nowak".into(),
        centre_name: "MOPS Łódź".into(),
        role: asysta_core::workspace::Role::Assistant,
    };
    let mut store = Store::create(
        dir,
        &info,
        &Passphrase::new(PASSPHRASE),
        KdfParams::INSECURE_FOR_TESTS,
        Box::new(SystemEnvironment),
    )
    .unwrap();
    let mut rng = asysta_core::demo::DemoRng::new(10);
    let mut names = Vec::new();
    for case in asysta_core::demo::cases(10, FAMILIES, today) {
        names.push(case.family.name.clone());
        let new = NewCase {
            family: case.family,
            status: asysta_core::record::FamilyStatus::Active,
            members: case.members,
            details: Some(case.details),
        };
        let family_id = store.add_cases(&[new]).unwrap()[0];
        let members: Vec<_> = store.family_case(family_id).unwrap().members.iter().map(|m| m.id).collect();
        let plan = asysta_core::demo::plan(&mut rng, &members, today - chrono::Duration::days(730), &mut store_id);
        let visits = asysta_core::demo::visits(&mut rng, &members, &plan, today);
        store.add_plan_and_visits(family_id, plan, visits).unwrap();
    }
    names
}

/// The processes whose parent is `pid`, and theirs (WebKit's web and
/// network processes).
fn children(pid: u32) -> Vec<u32> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir("/proc") else { return found };
    for child in entries.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok()) {
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{child}/stat")) else { continue };
        // The parent is the second field after the parenthesised name.
        let parent = stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok());
        if parent == Some(pid) {
            found.push(child);
            found.extend(children(child));
        }
    }
    found
}

fn command_name(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm")).map_or_else(|_| pid.to_string(), |s| s.trim().to_owned())
}

/// A process's PSS in its heap, in other anonymous mappings (thread
/// stacks, allocator arenas, SQLCipher's page cache, JavaScript's heap) and
/// in mapped files (its binary, the libraries), in bytes.
fn split(pid: u32) -> (u64, u64, u64) {
    let text = std::fs::read_to_string(format!("/proc/{pid}/smaps")).unwrap_or_default();
    let (mut heap, mut anonymous, mut files) = (0, 0, 0);
    let mut current = "";
    for line in text.lines() {
        let mut fields = line.split_whitespace();
        let first = fields.next().unwrap_or_default();
        if first.contains('-') && !first.ends_with(':') {
            // A mapping's header: address range, perms, offset, device, inode, path.
            current = match fields.nth(4) {
                Some("[heap]") => "heap",
                Some(path) if path.starts_with('/') => "file",
                _ => "anonymous",
            };
        } else if let Some(value) = line.strip_prefix("Pss:") {
            let bytes = kb(value);
            match current {
                "heap" => heap += bytes,
                "file" => files += bytes,
                _ => anonymous += bytes,
            }
        }
    }
    (heap, anonymous, files)
}

/// The `count` files with the most PSS mapped into `pid`, in bytes.
fn largest_files(pid: u32, count: usize) -> Vec<(String, u64)> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/smaps")).unwrap_or_default();
    let mut by_file: std::collections::BTreeMap<String, u64> = Default::default();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let mut fields = line.split_whitespace();
        let first = fields.next().unwrap_or_default();
        if first.contains('-') && !first.ends_with(':') {
            current = fields.nth(4).filter(|p| p.starts_with('/')).map(|p| {
                std::path::Path::new(p).file_name().map_or(p.to_owned(), |n| n.to_string_lossy().into_owned())
            });
        } else if let (Some(file), Some(value)) = (&current, line.strip_prefix("Pss:")) {
            *by_file.entry(file.clone()).or_default() += kb(value);
        }
    }
    let mut files: Vec<_> = by_file.into_iter().collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.1));
    files.truncate(count);
    files
}

fn kb(value: &str) -> u64 {
    value.split_whitespace().next().and_then(|n| n.parse::<u64>().ok()).unwrap_or(0) * 1024
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn store_id() -> asysta_core::EntityId {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    asysta_core::EntityId::new_v7(1_764_000_000_000 + n, [n as u8; 10])
}
