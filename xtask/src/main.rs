//! Project automation, in Rust so it runs wherever cargo does.
//!
//!     cargo xtask setup    install what the build needs (idempotent)
//!     cargo xtask ui       build the Yew UI into dist/
//!     cargo xtask run      set up, build, and launch the app (release)
//!     cargo xtask test     set up, build the UI, run every test
//!     cargo xtask bench    run the benchmarks (release)
//!     cargo xtask lint     formatting check and clippy with warnings as errors
//!     cargo xtask package  the Debian package (`--check`: install it on a bare
//!                          Debian 12 root, run it, remove it; see package.rs)
//!     cargo xtask ci       what CI runs: setup, lint, then `test` (the README's
//!                          test command) — set-up always comes before the
//!                          first compile, so a brand-new machine passes
//!
//! `setup` installs Debian packages (as root, or through sudo), the
//! wasm-bindgen CLI and tauri-driver, and fetches the end-to-end tests'
//! accessibility checker (axe-core, from the npm registry, checked against
//! a pinned SHA-256). Every step first checks whether its result is
//! already there.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

mod package;

/// Must equal the `wasm-bindgen` version pinned in ui/Cargo.toml.
const WASM_BINDGEN_VERSION: &str = "0.2.130";
const TAURI_DRIVER_VERSION: &str = "2.1.0";
const APP_PACKAGE: &str = "asysta-app";
const UI_PACKAGE: &str = "asysta-ui";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// axe-core, the accessibility rules the end-to-end tests run in the real
/// window (WCAG 2.1 A and AA). Its release tarball from the npm registry
/// and the SHA-256 of that tarball (the registry's own integrity field,
/// sha512, agrees with it); a new version changes all three together.
const AXE_CORE_VERSION: &str = "4.10.2";
const AXE_CORE_TARBALL_SHA256: &str = "9ea2d2d6917da998122bdacfd3b473e31ead53f4b87146c716a12edf89158100";
/// The SHA-256 of `package/axe.min.js` in that tarball: the extracted file
/// is kept only while it still has it, so `setup` skips the download then.
const AXE_MIN_JS_SHA256: &str = "b511cd9dec01c76f4b2ad1723b66b6db37d4c2eb4ed199076e1829d9ee7b75e3";
/// Where the end-to-end tests find axe-core (tests/e2e/support.rs reads
/// this path, relative to the workspace).
const AXE_MIN_JS: &str = "target/test-fixtures/axe-core/axe.min.js";

/// Debian packages: the WebKitGTK stack for Tauri, Xvfb and the WebDriver
/// for end-to-end tests, Debian's rustc with its std source and wasm-ld for
/// the wasm build (rustup's wasm32 target cannot be downloaded here), perl
/// and make for SQLCipher's vendored OpenSSL.
const APT_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "perl",
    "make",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "librsvg2-dev",
    "libsoup-3.0-dev",
    "libayatana-appindicator3-dev",
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    // The reference age CLI: the interop test decrypts a bundle with it.
    "age",
    // pdftotext and pdftoppm: the print tests read the PDFs back.
    "poppler-utils",
    "rustc-web",
    "rust-web-src",
    "lld-19",
    // wasm-opt: the UI's wasm optimised for size (`build_ui`).
    "binaryen",
    // The download of axe-core over HTTPS (`setup`'s last step).
    "curl",
    "ca-certificates",
];

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, rest) = args.split_first().map(|(t, r)| (t.as_str(), r)).unwrap_or(("help", &[]));
    let result = match task {
        "setup" => setup(),
        "ui" => build_ui(),
        "run" => setup().and_then(|()| build_ui()).and_then(|()| run_app(rest)),
        "test" => setup().and_then(|()| build_ui()).and_then(|()| test(rest)),
        "bench" => setup().and_then(|()| build_ui()).and_then(|()| bench(rest)),
        "lint" => setup().and_then(|()| lint()),
        "ci" => ci(rest),
        "check-core" => check_core(),
        "package" => package::package(rest),
        _ => {
            eprintln!("usage: cargo xtask <setup|ui|run|test|bench|lint|ci|check-core|package> [args]");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_owned()
}

fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root());
    c
}

fn run(cmd: &mut Command) -> Result {
    eprintln!("xtask: running {cmd:?}");
    let status = cmd.status().map_err(|e| format!("cannot start {cmd:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?} failed with {status}"))
    }
}

fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn cargo_bin(name: &str) -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default();
    home.join("bin").join(name)
}

// ---- setup -------------------------------------------------------------

fn setup() -> Result {
    require_rust_components()?;
    install_apt_packages()?;
    install_cargo_tools()?;
    fetch_axe_core()
}

fn install_cargo_tools() -> Result {
    install_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", WASM_BINDGEN_VERSION)?;
    install_cargo_tool("tauri-driver", "tauri-driver", TAURI_DRIVER_VERSION)
}

/// rustfmt and clippy come with rustup's default profile; a minimal
/// toolchain lacks them, and rustup can add them where it has a network.
fn require_rust_components() -> Result {
    for (tool, component) in [("cargo-fmt", "rustfmt"), ("cargo-clippy", "clippy")] {
        if output(Command::new(tool).arg("--version")).is_some() || cargo_bin(tool).exists() {
            continue;
        }
        run(Command::new("rustup").args(["component", "add", component]))
            .map_err(|e| format!("{tool} is missing and rustup could not add {component}: {e}"))?;
    }
    Ok(())
}

fn install_apt_packages() -> Result {
    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .copied()
        .filter(|p| {
            output(Command::new("dpkg-query").args(["-W", "-f=${Status}", p]))
                .is_none_or(|s| !s.contains("install ok installed"))
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    if Command::new("apt-get").arg("--version").output().is_err() {
        return Err(format!("missing system packages and no apt-get to install them: {}", missing.join(" ")));
    }
    let is_root = output(Command::new("id").arg("-u")).is_some_and(|u| u.trim() == "0");
    let apt = |args: &[&str]| {
        let mut c = if is_root { Command::new("apt-get") } else { Command::new("sudo") };
        if !is_root {
            c.arg("apt-get");
        }
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(&mut apt(&["update", "-q"]))?;
    let mut install = apt(&["install", "-y", "-q", "--no-install-recommends"]);
    install.args(&missing);
    run(&mut install)
}

fn install_cargo_tool(binary: &str, package: &str, version: &str) -> Result {
    // `cargo install --list` prints "tauri-driver v2.1.0:" (tauri-driver
    // itself has no --version flag).
    let listed = output(cargo().args(["install", "--list"])).unwrap_or_default();
    let installed = listed.lines().any(|l| l.trim_end_matches(':') == format!("{package} v{version}"));
    if installed && cargo_bin(binary).exists() {
        return Ok(());
    }
    // `--locked` is left out on purpose: one locked dependency of
    // wasm-bindgen-cli is not on this registry mirror.
    run(cargo().args(["install", package, "--version", version]))
}

/// Puts axe-core's `axe.min.js` where the end-to-end tests read it
/// ([`AXE_MIN_JS`]): downloads the pinned release from the npm registry,
/// refuses it unless its SHA-256 is the pinned one, and moves the file into
/// place only once it is whole (written beside it, then renamed), so a
/// reader never sees part of it. Skipped when the file there is already
/// the pinned one. axe-core itself is never committed.
fn fetch_axe_core() -> Result {
    let target = root().join(AXE_MIN_JS);
    if target.exists() && sha256(&target)? == AXE_MIN_JS_SHA256 {
        return Ok(());
    }
    let folder = target.parent().expect("a file in a folder");
    // One scratch folder per run, so two set-ups at once never mix files.
    let scratch = folder.join(format!(".download-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
    let result = download_axe_core(&scratch).and_then(|fresh| {
        std::fs::rename(&fresh, &target).map_err(|e| format!("cannot move axe-core into {}: {e}", target.display()))
    });
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// Downloads and checks the tarball into `scratch`; returns the path of
/// its checked `axe.min.js` there.
fn download_axe_core(scratch: &Path) -> Result<PathBuf> {
    let url = format!("https://registry.npmjs.org/axe-core/-/axe-core-{AXE_CORE_VERSION}.tgz");
    let tarball = scratch.join("axe-core.tgz");
    run(Command::new("curl")
        .args(["--fail", "--silent", "--show-error", "--location", "--retry", "3", "--output"])
        .arg(&tarball)
        .arg(&url))?;
    let got = sha256(&tarball)?;
    if got != AXE_CORE_TARBALL_SHA256 {
        return Err(format!("{url} has SHA-256 {got}, not the pinned {AXE_CORE_TARBALL_SHA256}"));
    }
    run(Command::new("tar").arg("-xzf").arg(&tarball).arg("-C").arg(scratch).arg("package/axe.min.js"))?;
    let file = scratch.join("package").join("axe.min.js");
    let got = sha256(&file)?;
    if got != AXE_MIN_JS_SHA256 {
        return Err(format!("axe.min.js of {url} has SHA-256 {got}, not the pinned {AXE_MIN_JS_SHA256}"));
    }
    Ok(file)
}

/// The SHA-256 of a file, in hex (coreutils' `sha256sum`: xtask has no
/// dependencies).
fn sha256(file: &Path) -> Result<String> {
    let out =
        output(Command::new("sha256sum").arg(file)).ok_or_else(|| format!("sha256sum {} failed", file.display()))?;
    out.split_whitespace()
        .next()
        .map(str::to_owned)
        .ok_or_else(|| format!("sha256sum printed nothing for {}", file.display()))
}

// ---- the UI ----------------------------------------------------------

/// Builds the Yew UI for wasm32 and writes dist/ for Tauri to embed.
/// Uses rustup's wasm32 target when installed; otherwise Debian's rustc
/// with -Zbuild-std. Either way in its own target directory, so the native
/// build and the wasm build never invalidate each other.
fn build_ui() -> Result {
    let root = root();
    let target_dir = root.join("target").join("wasm");
    let mut build = cargo();
    // The `ui` profile (root Cargo.toml) optimises for size.
    build
        .args(["build", "--profile", "ui", "-p", UI_PACKAGE, "--target", WASM_TARGET, "--target-dir"])
        .arg(&target_dir);
    apply_wasm_toolchain(&mut build);
    run(&mut build)?;

    let dist = root.join("dist");
    // One staging folder per run, so two builds at once never mix files.
    let staging = root.join("target").join(format!("dist-staging-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(|e| format!("cannot create {}: {e}", staging.display()))?;
    let wasm = target_dir.join(WASM_TARGET).join("ui").join("asysta-ui.wasm");
    let wasm = if wasm.exists() { wasm } else { wasm.with_file_name("asysta_ui.wasm") };
    let wasm = shrink_wasm(&wasm)?;
    let bindgen = if cargo_bin("wasm-bindgen").exists() { cargo_bin("wasm-bindgen") } else { "wasm-bindgen".into() };
    run(Command::new(bindgen)
        .args(["--target", "web", "--no-typescript", "--out-name", "asysta_ui", "--out-dir"])
        .arg(&staging)
        .arg(&wasm))?;
    for file in ["index.html", "style.css"] {
        std::fs::copy(root.join("ui").join(file), staging.join(file))
            .map_err(|e| format!("cannot copy ui/{file}: {e}"))?;
    }
    // The same UI as before: dist/ is left as it is, so the app (which
    // embeds it) is not compiled and linked again for nothing.
    if same_files(&staging, &dist) {
        let _ = std::fs::remove_dir_all(&staging);
        return Ok(());
    }
    // Replace dist/ only once the new one is complete: the old one is
    // moved aside first, so a reader sees the old or the new UI, whole.
    let old = root.join("target").join(format!("dist-old-{}", std::process::id()));
    let _ = std::fs::rename(&dist, &old);
    let moved = std::fs::rename(&staging, &dist).map_err(|e| format!("cannot move the UI into dist/: {e}"));
    let _ = std::fs::remove_dir_all(&old);
    moved
}

/// The UI's wasm after binaryen's `wasm-opt -Oz` (about 8% smaller),
/// kept beside it and made again only when the compiler's output is newer.
/// It runs before wasm-bindgen, not after as wasm-bindgen suggests:
/// Debian 12's binaryen (108) pointed wasm-bindgen's export of its
/// reference table at the function table, and the window could not start
/// ("Argument value did not match the reference type").
fn shrink_wasm(wasm: &Path) -> Result<PathBuf> {
    let shrunk = wasm.with_extension("opt.wasm");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if matches!((modified(wasm), modified(&shrunk)), (Some(built), Some(made)) if made > built) {
        return Ok(shrunk);
    }
    let partial = wasm.with_extension("opt.wasm.partial");
    run(Command::new("wasm-opt")
        .args(["-Oz", "--enable-bulk-memory", "--enable-sign-ext", "--enable-mutable-globals"])
        .args(["--enable-nontrapping-float-to-int", "--enable-reference-types"])
        .arg(wasm)
        .arg("-o")
        .arg(&partial))?;
    std::fs::rename(&partial, &shrunk).map_err(|e| format!("cannot keep {}: {e}", shrunk.display()))?;
    Ok(shrunk)
}

/// Whether folders `a` and `b` hold the same files with the same bytes.
fn same_files(a: &Path, b: &Path) -> bool {
    let listing = |dir: &Path| -> Option<Vec<(std::ffi::OsString, Vec<u8>)>> {
        let mut files = std::fs::read_dir(dir)
            .ok()?
            .map(|e| e.ok().and_then(|e| Some((e.file_name(), std::fs::read(e.path()).ok()?))))
            .collect::<Option<Vec<_>>>()?;
        files.sort();
        Some(files)
    };
    matches!((listing(a), listing(b)), (Some(x), Some(y)) if x == y)
}

fn apply_wasm_toolchain(cmd: &mut Command) {
    let rustup_has_target = output(Command::new("rustup").args(["target", "list", "--installed"]))
        .is_some_and(|list| list.lines().any(|l| l.trim() == WASM_TARGET));
    if rustup_has_target {
        return;
    }
    cmd.env("RUSTC", "/usr/bin/rustc")
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER", "/usr/bin/wasm-ld-19")
        .arg("-Zbuild-std=std,panic_abort");
}

/// The core must stay pure: it builds for wasm32 and depends on neither
/// rusqlite nor tauri.
fn check_core() -> Result {
    let mut build = cargo();
    build.args(["build", "-p", "asysta-core", "--target", WASM_TARGET, "--target-dir"]).arg(root().join("target/wasm"));
    apply_wasm_toolchain(&mut build);
    run(&mut build)?;
    for forbidden in ["rusqlite", "tauri"] {
        let tree = cargo()
            .args(["tree", "-q", "-p", "asysta-core", "-i", forbidden, "-e", "normal,build"])
            .output()
            .map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&tree.stdout);
        if !text.trim().is_empty() {
            return Err(format!("asysta-core depends on {forbidden}:\n{text}"));
        }
    }
    eprintln!("xtask: asysta-core builds for {WASM_TARGET} and depends on neither rusqlite nor tauri");
    Ok(())
}

// ---- lint and CI -------------------------------------------------------------

/// Formatting and clippy. Clippy compiles the native crates (glib, WebKitGTK,
/// SQLCipher), so it must only ever run after `setup`.
fn lint() -> Result {
    run(cargo().args(["fmt", "--all", "--check"]))?;
    run(cargo().args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))
}

/// Everything CI runs, in the only order that works on a brand-new machine:
/// set-up first, then formatting and lints, then the README's test command.
fn ci(args: &[String]) -> Result {
    let step = |name: &str, f: &dyn Fn() -> Result| -> Result {
        let start = std::time::Instant::now();
        eprintln!("xtask ci: --- {name}");
        let result = f();
        eprintln!("xtask ci: --- {name}: {:.0} s", start.elapsed().as_secs_f64());
        result
    };
    // A fresh clone builds once: incremental caches would only take disk.
    std::env::set_var("CARGO_INCREMENTAL", "0");
    step("rust components", &require_rust_components)?;
    step("set-up: Debian packages", &install_apt_packages)?;
    step("set-up: cargo tools", &install_cargo_tools)?;
    step("set-up: axe-core for the end-to-end tests", &fetch_axe_core)?;
    step("formatting and lints", &lint)?;
    step("UI (wasm)", &build_ui)?;
    step("tests (cargo xtask test)", &|| test(args))
}

// ---- run, test, bench ------------------------------------------------------

fn run_app(args: &[String]) -> Result {
    // `cargo run` builds only the binary it runs: the app's printer,
    // which it starts beside itself, is built first.
    run(cargo().args(["build", "--release", "-p", APP_PACKAGE, "--features", "custom-protocol", "--bins"]))?;
    run(cargo()
        .args(["run", "--release", "-p", APP_PACKAGE, "--features", "custom-protocol", "--bin", APP_PACKAGE, "--"])
        .args(args))
}

/// Every test, in one debug build with the UI embedded: unit tests, store
/// tests on real SQLCipher files, the CLI tests, and the end-to-end tests
/// that drive the real window through tauri-driver under Xvfb.
fn test(args: &[String]) -> Result {
    check_core()?;
    let mut cmd = cargo();
    cmd.args(["test", "--workspace", "--features", &format!("{APP_PACKAGE}/custom-protocol")]).args(args);
    let path = std::env::var("PATH").unwrap_or_default();
    cmd.env("PATH", format!("{}:{path}", cargo_bin("").display()));
    run(&mut cmd)
}

fn bench(args: &[String]) -> Result {
    run(cargo().args(["bench", "-p", "asysta-store"]).args(args))?;
    run(cargo().args(["bench", "-p", "asysta-print"]).args(args))?;
    run(cargo()
        .args(["bench", "-p", APP_PACKAGE, "--features", "custom-protocol", "--bench", "cold_start"])
        .args(args))?;
    run(cargo()
        .args(["bench", "-p", APP_PACKAGE, "--features", "custom-protocol", "--bench", "case_paint"])
        .args(args))?;
    run(cargo()
        .args(["bench", "-p", APP_PACKAGE, "--features", "custom-protocol", "--bench", "centre_paint"])
        .args(args))?;
    run(cargo().args(["bench", "-p", APP_PACKAGE, "--features", "custom-protocol", "--bench", "memory"]).args(args))?;
    sizes()
}

/// What the app weighs: its binaries (the benchmarks built them in
/// release) and the UI's wasm, raw and gzipped.
fn sizes() -> Result {
    let release = package::target_dir().join("release");
    let mb = |bytes: u64| bytes as f64 / 1e6;
    for binary in [APP_PACKAGE, "asysta-typeset"] {
        let path = release.join(binary);
        let size = std::fs::metadata(&path).map_err(|e| format!("{}: {e}", path.display()))?.len();
        println!("| binary {binary} (release) | {:.1} MB |", mb(size));
    }
    let wasm = root().join("dist").join("asysta_ui_bg.wasm");
    let raw = std::fs::metadata(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?.len();
    let gzipped = output(Command::new("sh").arg("-c").arg(format!("gzip -9 -c '{}' | wc -c", wasm.display())))
        .and_then(|n| n.trim().parse::<u64>().ok())
        .unwrap_or(0);
    println!("| UI wasm (dist/asysta_ui_bg.wasm) | {:.2} MB ({:.2} MB gzip) |", mb(raw), mb(gzipped));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A brand-new CI machine has cargo and nothing else: every cargo command
    /// in `.ci/run` must go through xtask, whose first step is `setup`. A plain
    /// `cargo clippy` or `cargo test` there compiles glib before anything
    /// installed it (issue 10).
    #[test]
    fn a_ui_built_again_unchanged_leaves_dist_alone() {
        let dir = std::env::temp_dir().join(format!("xtask-same-files-{}", std::process::id()));
        let (a, b) = (dir.join("a"), dir.join("b"));
        for d in [&a, &b] {
            std::fs::create_dir_all(d).unwrap();
            std::fs::write(d.join("index.html"), "<html>").unwrap();
        }
        assert!(same_files(&a, &b));
        std::fs::write(b.join("index.html"), "<html lang=pl>").unwrap();
        assert!(!same_files(&a, &b), "changed bytes");
        std::fs::write(b.join("index.html"), "<html>").unwrap();
        std::fs::write(b.join("style.css"), "").unwrap();
        assert!(!same_files(&a, &b), "one more file");
        assert!(!same_files(&a, &dir.join("missing")));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn ci_script_compiles_nothing_before_setup() {
        let script = std::fs::read_to_string(root().join(".ci/run")).expect(".ci/run exists");
        let commands: Vec<&str> = script
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with('#'))
            .filter(|l| l.split_whitespace().any(|w| w == "cargo"))
            .filter(|l| !l.contains("command -v cargo"))
            .collect();
        assert!(!commands.is_empty(), ".ci/run runs no cargo command");
        for line in commands {
            let words: Vec<&str> = line.split_whitespace().collect();
            let at = words.iter().position(|w| *w == "cargo").expect("filtered on cargo");
            assert_eq!(words.get(at + 1), Some(&"xtask"), "`{line}` in .ci/run compiles before set-up");
        }
        assert!(script.contains("cargo xtask ci"), ".ci/run must run `cargo xtask ci`");
    }

    /// The layers docs/ARCHITECTURE.md draws: each crate depends only on
    /// the project's crates below it (core at the bottom, i18n on it; bundle,
    /// then store; print over store; the CLI and the shell on top; the UI
    /// on core and i18n only). A dependency that breaks a layer fails here.
    #[test]
    fn crates_depend_only_on_the_layers_below_them() {
        const BELOW_THE_SHELL: &[&str] =
            &["asysta-core", "asysta-i18n", "asysta-bundle", "asysta-store", "asysta-print"];
        let layers: &[(&str, &[&str])] = &[
            ("crates/asysta-core/Cargo.toml", &[]),
            ("crates/asysta-i18n/Cargo.toml", &["asysta-core"]),
            ("crates/asysta-bundle/Cargo.toml", &["asysta-core"]),
            ("crates/asysta-store/Cargo.toml", &["asysta-core", "asysta-bundle"]),
            ("crates/asysta-print/Cargo.toml", &["asysta-core", "asysta-i18n", "asysta-store"]),
            ("crates/asysta-cli/Cargo.toml", BELOW_THE_SHELL),
            ("ui/Cargo.toml", &["asysta-core", "asysta-i18n"]),
            // The workspace's manifest is also the shell's (`asysta-app`).
            ("Cargo.toml", BELOW_THE_SHELL),
        ];
        for (manifest, allowed) in layers {
            let text = std::fs::read_to_string(root().join(manifest)).expect("the manifest exists");
            for line in text.lines() {
                let Some(name) = line.strip_prefix("asysta-").map(|rest| {
                    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).unwrap_or(rest.len());
                    format!("asysta-{}", &rest[..end])
                }) else {
                    continue;
                };
                assert!(allowed.contains(&name.as_str()), "{manifest} depends on {name}, across the layers");
            }
        }
    }

    /// The end-to-end tests read axe-core where `setup` puts it.
    #[test]
    fn the_end_to_end_tests_find_axe_core_where_setup_puts_it() {
        let support = std::fs::read_to_string(root().join("tests/e2e/support.rs")).expect("the e2e harness");
        assert!(
            support.contains(&format!("const AXE_MIN_JS: &str = \"{AXE_MIN_JS}\";")),
            "tests/e2e/support.rs and xtask disagree on where axe-core is"
        );
    }

    /// The README's two commands are xtask tasks that start with set-up.
    #[test]
    fn readme_commands_are_tasks_that_set_up_first() {
        let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md exists");
        for command in ["cargo xtask run", "cargo xtask test"] {
            assert!(readme.contains(&format!("    {command}")), "README lacks the command `{command}`");
        }
        let source = std::fs::read_to_string(root().join("xtask/src/main.rs")).expect("own source");
        for task in ["\"run\" => setup()", "\"test\" => setup()"] {
            assert!(source.contains(task), "the task {task} no longer starts with set-up");
        }
    }
}
