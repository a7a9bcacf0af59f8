//! `cargo xtask package [--check]`: the Debian package of the app.
//!
//! The package is made by Tauri's own bundler (`cargo tauri bundle`, from
//! the `tauri-cli` crate) over the release binaries that plain cargo built,
//! exactly as `cargo xtask run` builds the app: the bundler only packs, so
//! it never rebuilds the app with another configuration. The package holds
//! the app (`/usr/bin/asysta-app`) and its printer
//! (`/usr/bin/asysta-typeset`), the `asysta` command-line tool
//! (`/usr/bin/asysta`), the desktop entry (Polish and English names) and
//! the icon; its dependencies are those Debian's `dpkg-shlibdeps` finds
//! for both binaries (with the lowest versions of the libraries they
//! need), to which the bundler adds WebKitGTK 4.1 and GTK 3. Its version
//! is the workspace's, which tauri.conf.json must repeat (checked before
//! anything is built).
//!
//! `--check` then (after building it, or with `--reuse` as it was last
//! built) installs the package on a bare Debian 12 root (made by
//! debootstrap, cached), runs `asysta --version`, has the app's printer
//! typeset a document, and runs the app to its
//! first-run screen there, writes a user's workspace with the CLI, removes
//! and purges the package and checks that the user's files did not change.
//! It needs root (debootstrap, chroot, mounts) and is not part of
//! `cargo xtask ci`: the set-up of tauri-cli alone takes many minutes.
//!
//! No AppImage: Tauri's bundler downloads linuxdeploy and its plugins from
//! GitHub for it, which this machine cannot reach.

use super::{cargo, output, root, run, Result};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The `tauri-cli` release whose `cargo tauri bundle` makes the package
/// (its bundler, tauri-bundler 2.10, matches the tauri 2.12 the app uses).
const TAURI_CLI_VERSION: &str = "2.12.4";
/// The Debian package's name (the bundler derives it from `productName`).
const PACKAGE: &str = "asysta";
const APP_BINARY: &str = super::APP_PACKAGE;
/// The app's printer, another binary of the app's package, which the
/// bundler packs beside the app (asysta_print::typeset).
const TYPESET_BINARY: &str = "asysta-typeset";
const CLI_PACKAGE: &str = "asysta-cli";
const CLI_BINARY: &str = "asysta";
/// The desktop entry's template (the bundler fills in the command, the
/// icon and the categories).
const DESKTOP_TEMPLATE: &str = "xtask/package/asysta.desktop";
/// Where the bundler puts the desktop entry (named after `productName`).
const DESKTOP_ENTRY: &str = "/usr/share/applications/Asysta.desktop";

pub fn package(args: &[String]) -> Result {
    let flags: Vec<&str> = args.iter().map(String::as_str).collect();
    let (check, reuse) = match flags[..] {
        [] => (false, false),
        ["--check"] => (true, false),
        ["--check", "--reuse"] | ["--reuse", "--check"] => (true, true),
        _ => return Err("usage: cargo xtask package [--check [--reuse]]".into()),
    };
    if check && !is_root() {
        return Err("`cargo xtask package --check` needs root (debootstrap, chroot and mounts): run it as root".into());
    }
    let version = agreed_version()?;
    let deb = if reuse {
        // The package a previous `cargo xtask package` made, as it is.
        let deb = deb_folder().join(deb_file_name(&version));
        if !deb.is_file() {
            return Err(format!("no {} to reuse: run `cargo xtask package` first", deb.display()));
        }
        eprintln!("xtask package: checking the package built before: {}", deb.display());
        deb
    } else {
        let start = Instant::now();
        let deb = build(&version)?;
        describe(&deb, start.elapsed())?;
        deb
    };
    if check {
        check::verify_installation(&deb, &version)
    } else {
        Ok(())
    }
}

/// The workspace's version, once tauri.conf.json is found to repeat it
/// (the bundler takes the package's version from tauri.conf.json).
fn agreed_version() -> Result<String> {
    let manifest = read(&root().join("Cargo.toml"))?;
    let config = read(&root().join("tauri.conf.json"))?;
    let workspace = workspace_version(&manifest).ok_or("Cargo.toml has no [workspace.package] version")?;
    let tauri = tauri_config_version(&config).ok_or("tauri.conf.json has no \"version\"")?;
    if workspace != tauri {
        return Err(format!(
            "Cargo.toml's [workspace.package] version is {workspace} but tauri.conf.json says {tauri}: make them agree"
        ));
    }
    Ok(workspace)
}

/// `version = "…"` in the `[workspace.package]` table of a Cargo.toml.
fn workspace_version(manifest: &str) -> Option<String> {
    let mut in_table = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_table = line == "[workspace.package]";
        } else if in_table {
            if let Some(value) = line.strip_prefix("version").map(str::trim_start).and_then(|r| r.strip_prefix('=')) {
                return Some(value.trim().trim_matches('"').to_owned());
            }
        }
    }
    None
}

/// The top-level `"version"` of tauri.conf.json: its first `"version"` key
/// (no other object of the config has one; xtask has no JSON parser).
fn tauri_config_version(config: &str) -> Option<String> {
    let after_key = &config[config.find("\"version\"")? + "\"version\"".len()..];
    let value = after_key.trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    Some(value[..value.find('"')?].to_owned())
}

/// The target directory cargo and the bundler write to.
pub(crate) fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from)
}

/// The bundler's usual folder for Debian packages.
fn deb_folder() -> PathBuf {
    target_dir().join("release").join("bundle").join("deb")
}

/// Debian's file name for the package: `name_version_arch.deb`.
fn deb_file_name(version: &str) -> String {
    format!("{PACKAGE}_{version}_amd64.deb")
}

/// Builds the UI, the app and the CLI (release) and packs them.
fn build(version: &str) -> Result<PathBuf> {
    if std::env::consts::OS != "linux" || std::env::consts::ARCH != "x86_64" {
        return Err("the Debian package is built on x86-64 Linux only (see docs/PLATFORMS.md)".into());
    }
    super::setup()?;
    install_tauri_cli()?;
    super::build_ui()?;
    // The same build as `cargo xtask run`, so the two share every artefact.
    run(cargo().args(["build", "--release", "-p", APP_BINARY, "--features", "custom-protocol", "--bins"]))?;
    run(cargo().args(["build", "--release", "-p", CLI_PACKAGE, "--bin", CLI_BINARY]))?;

    let folder = deb_folder();
    // The bundler names its file after `productName` ("Asysta_…"); any
    // earlier package of ours is removed first, so the folder holds one.
    if let Ok(entries) = std::fs::read_dir(&folder) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".deb") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    let app = target_dir().join("release").join(APP_BINARY);
    let cli = target_dir().join("release").join(CLI_BINARY);
    let typeset = target_dir().join("release").join(TYPESET_BINARY);
    let depends = library_depends(&[&app, &typeset, &cli])?;
    let template = root().join(DESKTOP_TEMPLATE);
    run(cargo()
        .args(["tauri", "bundle", "--bundles", "deb", "--config"])
        .arg(bundle_config(&depends, &cli, &template)))?;

    let made = std::fs::read_dir(&folder)
        .map_err(|e| format!("the bundler wrote no {}: {e}", folder.display()))?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "deb"))
        .ok_or_else(|| format!("the bundler wrote no .deb into {}", folder.display()))?;
    let deb = folder.join(deb_file_name(version));
    std::fs::rename(&made, &deb).map_err(|e| format!("cannot rename {} to {}: {e}", made.display(), deb.display()))?;
    verify_contents(&deb)?;
    Ok(deb)
}

/// `cargo install tauri-cli` (`cargo tauri`), unless that release is
/// there. `--locked`: the CLI's own lock file resolves on this registry
/// mirror. Not part of `setup`: it takes about 20 minutes on two cores,
/// and only packaging needs it.
fn install_tauri_cli() -> Result {
    let listed = output(cargo().args(["install", "--list"])).unwrap_or_default();
    let wanted = format!("tauri-cli v{TAURI_CLI_VERSION}:");
    if listed.lines().any(|l| l.trim() == wanted) && super::cargo_bin("cargo-tauri").exists() {
        return Ok(());
    }
    eprintln!("xtask: installing tauri-cli {TAURI_CLI_VERSION} for `cargo tauri bundle` (about 20 minutes on 2 cores)");
    run(cargo().args(["install", "tauri-cli", "--version", TAURI_CLI_VERSION, "--locked"]))
}

/// The Debian packages whose libraries the binaries load, as Debian's own
/// `dpkg-shlibdeps` (dpkg-dev, part of build-essential) finds them. It
/// wants a source package's `debian/control` in its working folder: a
/// minimal one is written to a scratch folder.
fn library_depends(binaries: &[&Path]) -> Result<Vec<String>> {
    let scratch = target_dir().join(format!("package-shlibdeps-{}", std::process::id()));
    let control = scratch.join("debian").join("control");
    std::fs::create_dir_all(control.parent().expect("a folder"))
        .and_then(|()| std::fs::write(&control, "Source: asysta\n\nPackage: asysta\nArchitecture: any\n"))
        .map_err(|e| format!("cannot write {}: {e}", control.display()))?;
    let printed = output(Command::new("dpkg-shlibdeps").arg("-O").args(binaries).current_dir(&scratch));
    let _ = std::fs::remove_dir_all(&scratch);
    let printed = printed.ok_or("dpkg-shlibdeps failed (is dpkg-dev installed?)")?;
    let depends = shlibs_depends(&printed);
    if depends.is_empty() {
        return Err(format!("dpkg-shlibdeps found no dependency: {printed}"));
    }
    Ok(depends)
}

/// The list in dpkg-shlibdeps' `shlibs:Depends=a (>= 1), b` line.
fn shlibs_depends(printed: &str) -> Vec<String> {
    printed
        .lines()
        .find_map(|l| l.strip_prefix("shlibs:Depends="))
        .map(|list| list.split(',').map(|d| d.trim().to_owned()).filter(|d| !d.is_empty()).collect())
        .unwrap_or_default()
}

/// The settings given to the bundler on top of tauri.conf.json's `bundle`
/// section: they belong to this build (the libraries the binaries were
/// linked with, the CLI binary, the desktop entry's template), so they
/// live here rather than in the app's configuration. `cargo tauri bundle`
/// does not compile, so none of this reaches the app binary.
fn bundle_config(depends: &[String], cli: &Path, desktop_template: &Path) -> String {
    let depends: Vec<String> = depends.iter().map(|d| json_string(d)).collect();
    format!(
        concat!(
            "{{\"bundle\":{{\"active\":true,\"targets\":[\"deb\"],\"linux\":{{\"deb\":{{",
            "\"depends\":[{}],",
            "\"files\":{{{}:{}}},",
            "\"desktopTemplate\":{}",
            "}}}}}}}}"
        ),
        depends.join(","),
        json_string(&format!("/usr/bin/{CLI_BINARY}")),
        json_string(&cli.to_string_lossy()),
        json_string(&desktop_template.to_string_lossy()),
    )
}

/// A JSON string literal.
fn json_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            c if u32::from(c) < 0x20 => quoted.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// The files every package must hold (paths from `/`); the build fails
/// if one is missing.
fn required_files() -> [String; 5] {
    [
        format!("/usr/bin/{APP_BINARY}"),
        format!("/usr/bin/{TYPESET_BINARY}"),
        format!("/usr/bin/{CLI_BINARY}"),
        DESKTOP_ENTRY.to_owned(),
        format!("/usr/share/icons/hicolor/512x512/apps/{APP_BINARY}.png"),
    ]
}

fn verify_contents(deb: &Path) -> Result {
    let listing = output(Command::new("dpkg-deb").arg("--contents").arg(deb))
        .ok_or_else(|| format!("dpkg-deb --contents {} failed", deb.display()))?;
    // dpkg-deb lists `usr/bin/…` (or `./usr/bin/…`, as dpkg-deb --build writes it).
    let paths: Vec<&str> = listing
        .lines()
        .filter_map(|l| l.split_whitespace().nth(5))
        .map(|p| p.trim_start_matches('.').trim_start_matches('/'))
        .collect();
    for file in required_files() {
        if !paths.contains(&file.trim_start_matches('/')) {
            return Err(format!("{} lacks {file}; it holds:\n{listing}", deb.display()));
        }
    }
    Ok(())
}

/// Prints the package's control fields, its files and sizes.
fn describe(deb: &Path, built_in: Duration) -> Result {
    let info = output(Command::new("dpkg-deb").arg("--info").arg(deb)).unwrap_or_default();
    let contents = output(Command::new("dpkg-deb").arg("--contents").arg(deb)).unwrap_or_default();
    let size = std::fs::metadata(deb).map_err(|e| format!("{}: {e}", deb.display()))?.len();
    eprintln!("{info}{contents}");
    eprintln!(
        "xtask package: {} ({:.1} MiB) in {}",
        relative(deb).display(),
        size as f64 / (1024.0 * 1024.0),
        minutes(built_in)
    );
    eprintln!(
        "xtask package: no AppImage: Tauri's bundler downloads linuxdeploy from GitHub for it, which is not reachable here"
    );
    Ok(())
}

fn relative(path: &Path) -> &Path {
    path.strip_prefix(root()).unwrap_or(path)
}

fn minutes(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 60 {
        format!("{} min {} s", s / 60, s % 60)
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|u| u.trim() == "0")
}

/// Makes the command's process the leader of a new process group, so the
/// group (with the children it starts) can be killed at once.
fn own_group(cmd: &mut Command) -> &mut Command {
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(cmd, 0);
    cmd
}

/// The installation check on a bare Debian 12 root.
mod check {
    use super::*;

    /// The base root (debootstrap's minbase, with apt's lists) is kept here
    /// as a tarball, so the second check skips debootstrap.
    const CACHE: &str = "/var/tmp/asysta-package-check";
    /// The normal user of the root: the app and the CLI run as this user.
    const USER: &str = "anna";
    const HOME: &str = "/home/anna";
    const PASSPHRASE: &str = "zielony rower nad Wisłą 7";
    /// What only the check needs inside the root, installed after the
    /// package was installed and run (so they cannot stand in for a
    /// dependency the package forgot): an X server and WebKit's
    /// WebDriver; tauri-driver is copied from the host.
    const TEST_TOOLS: &[&str] = &["xvfb", "xauth", "webkit2gtk-driver"];
    /// The first-run screen's form (tests/e2e/workspace.rs waits for it too).
    const FIRST_RUN_FORM: &str = "#setup-form";
    const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

    /// One step's outcome for the summary.
    struct Step {
        name: String,
        took: Duration,
        outcome: Result<String>,
    }

    pub fn verify_installation(deb: &Path, version: &str) -> Result {
        let start = Instant::now();
        let mut steps: Vec<Step> = Vec::new();
        let result = check_in_a_bare_root(deb, version, &mut steps);
        print_summary(&steps, start.elapsed());
        result.map_err(|e| format!("package check FAILED: {e}"))
    }

    fn step(steps: &mut Vec<Step>, name: &str, f: impl FnOnce() -> Result<String>) -> Result<String> {
        eprintln!("xtask package --check: --- {name}");
        let start = Instant::now();
        let outcome = f();
        let took = start.elapsed();
        let result = outcome.clone();
        steps.push(Step { name: name.to_owned(), took, outcome });
        result.map_err(|e| format!("{name}: {e}"))
    }

    fn print_summary(steps: &[Step], total: Duration) {
        let ok = steps.iter().all(|s| s.outcome.is_ok());
        eprintln!("\nxtask package --check: summary");
        for s in steps {
            let (verdict, detail) = match &s.outcome {
                Ok(detail) => ("PASS", detail.clone()),
                Err(e) => ("FAIL", e.clone()),
            };
            let detail = if detail.is_empty() { String::new() } else { format!(": {detail}") };
            eprintln!("  {verdict}  {:>9}  {}{detail}", minutes(s.took), s.name);
        }
        eprintln!("{} in {}", if ok { "PASS" } else { "FAIL" }, minutes(total));
    }

    fn check_in_a_bare_root(deb: &Path, version: &str, steps: &mut Vec<Step>) -> Result {
        std::fs::create_dir_all(CACHE).map_err(|e| format!("cannot create {CACHE}: {e}"))?;
        remove_leftover_roots();
        let mut chroot = Chroot::new()?;
        step(steps, "a bare Debian 12 root (debootstrap --variant=minbase bookworm)", || chroot.populate())?;
        let deb_name = deb.file_name().expect("a file").to_string_lossy().into_owned();
        std::fs::copy(deb, chroot.path(&format!("/tmp/{deb_name}")))
            .map_err(|e| format!("cannot copy the package: {e}"))?;

        let install = format!("apt-get install -y -q --no-install-recommends /tmp/{deb_name}");
        step(steps, &format!("apt-get install ./{deb_name} (dependencies from the mirror)"), || {
            chroot.shell(&install)?;
            let status = chroot.shell(&format!("dpkg-query -W -f='${{Status}} ${{Version}}' {PACKAGE}"))?;
            if status.trim() != format!("install ok installed {version}") {
                return Err(format!("dpkg says: {status}"));
            }
            Ok(format!("{PACKAGE} {version} installed"))
        })?;
        let installed_files = chroot.shell(&format!("dpkg-query -L {PACKAGE}"))?;
        step(steps, "installed files and their libraries", || {
            for file in required_files() {
                if !chroot.path(&file).is_file() {
                    return Err(format!("{file} is missing"));
                }
            }
            for binary in [APP_BINARY, TYPESET_BINARY, CLI_BINARY] {
                let ldd = chroot.shell(&format!("ldd /usr/bin/{binary}"))?;
                if let Some(line) = ldd.lines().find(|l| l.contains("not found")) {
                    return Err(format!("/usr/bin/{binary} needs a library no dependency brought: {}", line.trim()));
                }
            }
            let desktop = read(&chroot.path(DESKTOP_ENTRY))?;
            for line in [format!("Exec={APP_BINARY}"), "Name[pl]=Asysta".into(), "Comment[pl]=".into()] {
                if !desktop.contains(&line) {
                    return Err(format!("{DESKTOP_ENTRY} lacks `{line}`:\n{desktop}"));
                }
            }
            Ok(format!("{} paths (dpkg -L); every library found", installed_files.lines().count()))
        })?;
        chroot.add_user()?;
        step(steps, "asysta --version (as a normal user)", || {
            let printed = chroot.shell_as_user("asysta --version")?;
            let expected = format!("{CLI_BINARY} {version}");
            if printed.trim() != expected {
                return Err(format!("printed {printed:?}, not {expected:?}"));
            }
            Ok(printed.trim().to_owned())
        })?;
        step(steps, "the app's printer typesets a document (as a normal user)", || {
            // The half-year report's template with a little data, as the
            // app sends it (asysta_print::typeset); the PDF's size back.
            let request = r#"halfyear.typ
{"header":{"centre_name":"MOPS","assistant_name":"Anna Nowak","family_name":"","generated_on":"7 grudnia 2026","date":[2026,12,7]},"period":"1.07.2026 – 31.12.2026","rows":[["1.","Rodziny","12",false]]}"#;
            let printed = chroot.shell_as_user(&format!(
                "printf '%s' '{request}' | {TYPESET_BINARY} > /tmp/report.pdf && head -c 5 /tmp/report.pdf && echo && wc -c < /tmp/report.pdf"
            ))?;
            let mut lines = printed.lines();
            if lines.next() != Some("%PDF-") {
                return Err(format!("{TYPESET_BINARY} did not answer with a PDF: {printed:?}"));
            }
            Ok(format!("a PDF of {} bytes", lines.next().unwrap_or("?").trim()))
        })?;
        step(steps, "the check's own tools in the root (Xvfb, WebKitWebDriver, tauri-driver)", || {
            chroot.shell(&format!("apt-get install -y -q --no-install-recommends {}", TEST_TOOLS.join(" ")))?;
            let driver = super::super::cargo_bin("tauri-driver");
            std::fs::copy(&driver, chroot.path("/usr/local/bin/tauri-driver"))
                .map_err(|e| format!("cannot copy {} into the root: {e}", driver.display()))?;
            Ok(String::new())
        })?;
        let shown = step(steps, "the app shows its first-run screen (Xvfb, WebDriver)", || chroot.first_run_screen());
        // Nothing of that run may go on writing into the user's home.
        chroot.kill_processes_inside();
        shown?;

        let data = format!("{HOME}/.local/share/{PACKAGE}");
        step(steps, "a user's workspace made with the CLI", || {
            chroot.shell_as_user(&format!(
                "export ASYSTA_PASSPHRASE='{PASSPHRASE}'; \
                 asysta init --assistant 'Anna Nowak' --centre 'MOPS Łódź' && \
                 asysta family add --name Łoś --address 'ul. Długa 5/2, 90-001 Łódź' --member-first-name Jan && \
                 asysta backup now && asysta check"
            ))?;
            if !chroot.path(&format!("{data}/workspace/asysta.db")).is_file() {
                return Err(format!("no workspace in {data}"));
            }
            Ok(format!("in {data}"))
        })?;
        let before = chroot.user_files()?;
        let files = before.lines().count();

        step(steps, &format!("apt-get remove {PACKAGE}"), || {
            chroot.shell(&format!("apt-get remove -y -q {PACKAGE}"))?;
            chroot.package_is_gone(&installed_files)?;
            chroot.user_files_unchanged(&before)?;
            Ok(format!("its files gone; the user's {files} files unchanged"))
        })?;
        step(steps, &format!("apt-get install ./{deb_name} again, then apt-get purge {PACKAGE}"), || {
            chroot.shell(&install)?;
            // The reinstalled CLI opens the workspace (an update keeps it);
            // what the purge must leave is what there is after that.
            chroot.shell_as_user(&format!("ASYSTA_PASSPHRASE='{PASSPHRASE}' asysta check"))?;
            let before = chroot.user_files()?;
            chroot.shell(&format!("apt-get purge -y -q {PACKAGE}"))?;
            chroot.package_is_gone(&installed_files)?;
            let status = chroot.shell(&format!("dpkg-query -W -f='${{Status}}' {PACKAGE} 2>/dev/null || true"))?;
            if !status.trim().is_empty() && !status.contains("not-installed") {
                return Err(format!("dpkg still knows the package after purge: {status}"));
            }
            chroot.user_files_unchanged(&before)?;
            Ok("the reinstalled CLI checked the workspace; after the purge the user's files unchanged".into())
        })?;
        Ok(())
    }

    /// A root under [`CACHE`], with the file systems mounted into it;
    /// dropping it kills whatever still runs inside, unmounts and removes it.
    struct Chroot {
        root: PathBuf,
        mounts: Vec<PathBuf>,
        uid: String,
    }

    impl Chroot {
        fn new() -> Result<Chroot> {
            let root = Path::new(CACHE).join(format!("root-{}", std::process::id()));
            std::fs::create_dir_all(&root).map_err(|e| format!("cannot create {}: {e}", root.display()))?;
            Ok(Chroot { root, mounts: Vec::new(), uid: String::new() })
        }

        /// A path inside the root.
        fn path(&self, inside: &str) -> PathBuf {
            self.root.join(inside.trim_start_matches('/'))
        }

        /// Unpacks the cached base root, or makes it (debootstrap) and
        /// caches it; then the host's name server, certificates and mounts.
        fn populate(&mut self) -> Result<String> {
            let base = Path::new(CACHE).join("bookworm-minbase.tgz");
            let detail = if base.exists() {
                run(Command::new("tar").arg("-xzf").arg(&base).arg("-C").arg(&self.root))?;
                format!("from the cached {}", base.display())
            } else {
                make_base_root(&self.root, &base)?;
                format!("debootstrap; cached as {}", base.display())
            };
            self.copy_host_settings()?;
            for (fs, target, options) in [
                ("proc", "/proc", &["-t", "proc"][..]),
                ("/sys", "/sys", &["--bind"][..]),
                ("/dev", "/dev", &["--bind"][..]),
                ("tmpfs", "/dev/shm", &["-t", "tmpfs"][..]),
                ("devpts", "/dev/pts", &["-t", "devpts"][..]),
            ] {
                let at = self.path(target);
                run(Command::new("mount").args(options).arg(fs).arg(&at))?;
                self.mounts.push(at);
            }
            self.shell("apt-get update -q")?;
            Ok(detail)
        }

        /// The name server, apt's sources and this machine's extra
        /// certificate authorities (as ../shared/tools/ci-fresh gives them).
        fn copy_host_settings(&self) -> Result {
            copy("/etc/resolv.conf", &self.path("/etc/resolv.conf"))?;
            if Path::new("/etc/apt/sources.list.d/debian.sources").exists() {
                copy("/etc/apt/sources.list.d/debian.sources", &self.path("/etc/apt/sources.list.d/debian.sources"))?;
                let _ = std::fs::remove_file(self.path("/etc/apt/sources.list"));
            }
            if Path::new("/etc/ssl/certs/ca-certificates.crt").exists() {
                std::fs::create_dir_all(self.path("/etc/ssl/certs")).map_err(|e| e.to_string())?;
                copy("/etc/ssl/certs/ca-certificates.crt", &self.path("/etc/ssl/certs/ca-certificates.crt"))?;
            }
            Ok(())
        }

        /// Runs a shell command inside the root as root; returns stdout.
        fn shell(&self, script: &str) -> Result<String> {
            self.shell_with(&[], script)
        }

        /// Runs a shell command inside the root as the normal user, in
        /// their home, with their data in the platform's default folder.
        fn shell_as_user(&self, script: &str) -> Result<String> {
            if self.uid.is_empty() {
                return Err("no user in the root yet".into());
            }
            let spec = format!("--userspec={0}:{0}", self.uid);
            self.shell_with(&[&spec, "--groups="], &format!("cd {HOME} && {script}"))
        }

        fn shell_with(&self, chroot_options: &[&str], script: &str) -> Result<String> {
            let mut cmd = self.command(chroot_options, &["/bin/sh", "-c", script]);
            let out = cmd.output().map_err(|e| format!("cannot run chroot: {e}"))?;
            let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
            if out.status.success() {
                Ok(stdout)
            } else {
                let stderr = String::from_utf8_lossy(&out.stderr);
                let tail: Vec<&str> = stderr.lines().chain(stdout.lines()).collect();
                let tail = tail[tail.len().saturating_sub(15)..].join("\n");
                Err(format!("`{script}` failed ({}):\n{tail}", out.status))
            }
        }

        /// `chroot [options] ROOT env -i … program`, with a clean
        /// environment (the user's, or root's when no user is named).
        fn command(&self, chroot_options: &[&str], program: &[&str]) -> Command {
            let as_user = chroot_options.iter().any(|o| o.starts_with("--userspec"));
            let home = if as_user { HOME } else { "/root" };
            let mut cmd = Command::new("chroot");
            cmd.args(chroot_options).arg(&self.root).args(["/usr/bin/env", "-i"]);
            cmd.arg(format!("HOME={home}"))
                .arg("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                .arg("LANG=C.UTF-8")
                .arg("DEBIAN_FRONTEND=noninteractive");
            if as_user {
                cmd.arg(format!("USER={USER}")).arg(format!("LOGNAME={USER}"));
            }
            cmd.args(program).stdin(Stdio::null());
            cmd
        }

        fn add_user(&mut self) -> Result {
            self.shell(&format!("useradd --create-home --shell /bin/sh {USER}"))?;
            self.uid = self.shell(&format!("id -u {USER}"))?.trim().to_owned();
            Ok(())
        }

        /// Starts Xvfb and tauri-driver inside the root as the user, asks
        /// for a session of `/usr/bin/asysta-app` (no data directory: the
        /// user's default, still empty) over WebDriver from here (the root
        /// shares the host's network), and waits for the first-run form.
        fn first_run_screen(&self) -> Result<String> {
            let spec = format!("--userspec={0}:{0}", self.uid);
            let user = [spec.as_str(), "--groups="];
            let mut xvfb =
                self.command(&user, &["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"]);
            let mut xvfb = Killed(
                own_group(&mut xvfb)
                    .stdout(Stdio::piped())
                    .stderr(Stdio::null())
                    .spawn()
                    .map_err(|e| format!("cannot start Xvfb: {e}"))?,
            );
            let mut line = String::new();
            BufReader::new(xvfb.0.stdout.take().expect("piped"))
                .read_line(&mut line)
                .map_err(|e| format!("Xvfb printed no display: {e}"))?;
            let display = format!("DISPLAY=:{}", line.trim());
            if line.trim().is_empty() {
                return Err("Xvfb did not start".into());
            }

            let port = free_port()?;
            let native_port = free_port()?;
            let runtime = format!("/tmp/runtime-{USER}");
            self.shell(&format!("install -d -m 700 -o {USER} -g {USER} {runtime}"))?;
            let (port_text, native_text) = (port.to_string(), native_port.to_string());
            let xdg_runtime = format!("XDG_RUNTIME_DIR={runtime}");
            let mut driver = self.command(
                &user,
                &[
                    "/usr/bin/env",
                    &display,
                    &xdg_runtime,
                    "WEBKIT_DISABLE_DMABUF_RENDERER=1",
                    "WEBKIT_DISABLE_COMPOSITING_MODE=1",
                    // A process in a chroot may not make user namespaces,
                    // which WebKit's sandbox (bubblewrap) needs; on the
                    // laptops the sandbox stays on.
                    "WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS=1",
                    // No session bus in the root: GTK would wait for the
                    // accessibility bus.
                    "NO_AT_BRIDGE=1",
                    "tauri-driver",
                    "--port",
                    &port_text,
                    "--native-port",
                    &native_text,
                ],
            );
            let log = target_dir().join("package-check-tauri-driver.log");
            let log_file = std::fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
            let err_file = log_file.try_clone().map_err(|e| e.to_string())?;
            let _driver = Killed(
                own_group(&mut driver)
                    .stdout(log_file)
                    .stderr(err_file)
                    .spawn()
                    .map_err(|e| format!("cannot start tauri-driver: {e}"))?,
            );
            let web = WebDriver { base: format!("http://127.0.0.1:{port}") };
            web.wait_until_ready()?;

            let start = Instant::now();
            let session = web.new_session(&format!("/usr/bin/{APP_BINARY}"))?;
            let found = web.wait_for(&session, FIRST_RUN_FORM, Duration::from_secs(60));
            let shown_in = start.elapsed();
            let shot = target_dir().join("package-check-first-run.png");
            let shot_saved = web.screenshot(&session, &shot).is_ok();
            let title = web.title(&session).unwrap_or_default();
            web.delete_session(&session);
            found.map_err(|e| format!("{e} (tauri-driver's log: {})", log.display()))?;
            Ok(format!(
                "{FIRST_RUN_FORM} in {:.1} s, window title {title:?}{}",
                shown_in.as_secs_f64(),
                if shot_saved { format!(", screenshot {}", relative(&shot).display()) } else { String::new() }
            ))
        }

        /// The SHA-256 of every file in the user's home, sorted by path.
        fn user_files(&self) -> Result<String> {
            self.shell(&format!("cd {HOME} && find . -type f -print0 | sort -z | xargs -0 sha256sum"))
        }

        fn user_files_unchanged(&self, before: &str) -> Result {
            let now = self.user_files()?;
            if now == before {
                return Ok(());
            }
            let changed: Vec<&str> = before
                .lines()
                .filter(|l| !now.lines().any(|n| n == *l))
                .chain(now.lines().filter(|l| !before.lines().any(|b| b == *l)))
                .collect();
            Err(format!("the user's files changed:\n{}", changed.join("\n")))
        }

        /// No file of the package (as `dpkg -L` listed them) is left, and
        /// dpkg no longer counts it as installed.
        fn package_is_gone(&self, installed_files: &str) -> Result {
            for file in installed_files.lines().map(str::trim).filter(|f| f.starts_with('/')) {
                let at = self.path(file);
                if at.is_file() || at.is_symlink() {
                    return Err(format!("{file} is still there"));
                }
            }
            let status = self.shell(&format!("dpkg-query -W -f='${{Status}}' {PACKAGE} 2>/dev/null || true"))?;
            if status.contains("install ok installed") {
                return Err(format!("dpkg still counts {PACKAGE} as installed"));
            }
            Ok(())
        }

        /// Kills every process whose root is this root (the driver, the
        /// app and its WebKit processes, Xvfb).
        fn kill_processes_inside(&self) {
            let Ok(entries) = std::fs::read_dir("/proc") else { return };
            for entry in entries.flatten() {
                let pid = entry.file_name().to_string_lossy().into_owned();
                if !pid.bytes().all(|b| b.is_ascii_digit()) {
                    continue;
                }
                if std::fs::read_link(entry.path().join("root")).is_ok_and(|r| r == self.root) {
                    let _ = Command::new("kill").args(["-KILL", &pid]).stderr(Stdio::null()).status();
                }
            }
        }
    }

    impl Drop for Chroot {
        fn drop(&mut self) {
            self.kill_processes_inside();
            std::thread::sleep(Duration::from_millis(300));
            for at in self.mounts.iter().rev() {
                unmount(at);
            }
            remove_root(&self.root);
        }
    }

    /// debootstrap's minbase of bookworm from the mirror apt uses, with
    /// apt's lists, packed as the cache.
    fn make_base_root(root: &Path, base: &Path) -> Result {
        if output(Command::new("debootstrap").arg("--version")).is_none() {
            run(Command::new("apt-get")
                .args(["install", "-y", "-q", "debootstrap"])
                .env("DEBIAN_FRONTEND", "noninteractive"))?;
        }
        let mirror =
            debian_mirror().ok_or("no Debian mirror in /etc/apt (sources.list.d/debian.sources or sources.list)")?;
        let log = Path::new(CACHE).join("debootstrap.log");
        let log_file = std::fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        eprintln!("xtask: running debootstrap --variant=minbase bookworm (log: {})", log.display());
        let status = Command::new("debootstrap")
            .args(["--variant=minbase", "bookworm"])
            .arg(root)
            .arg(&mirror)
            .stdout(log_file.try_clone().map_err(|e| e.to_string())?)
            .stderr(log_file)
            .status()
            .map_err(|e| format!("cannot start debootstrap: {e}"))?;
        if !status.success() {
            return Err(format!("debootstrap failed ({status}); see {}", log.display()));
        }
        let partial = base.with_extension("partial");
        run(Command::new("tar").arg("-czf").arg(&partial).arg("-C").arg(root).arg("."))?;
        std::fs::rename(&partial, base).map_err(|e| format!("cannot keep {}: {e}", base.display()))
    }

    /// The first `URIs:` of debian.sources, else the first `deb` line.
    fn debian_mirror() -> Option<String> {
        let sources = std::fs::read_to_string("/etc/apt/sources.list.d/debian.sources").unwrap_or_default();
        let list = std::fs::read_to_string("/etc/apt/sources.list").unwrap_or_default();
        sources
            .lines()
            .find_map(|l| l.strip_prefix("URIs:"))
            .and_then(|l| l.split_whitespace().next())
            .or_else(|| list.lines().find_map(|l| l.strip_prefix("deb ")).and_then(|l| l.split_whitespace().next()))
            .map(str::to_owned)
    }

    /// A check stopped half-way (Ctrl-C) leaves its root mounted: the next
    /// check unmounts and removes it first (unless its process still runs).
    fn remove_leftover_roots() {
        let Ok(entries) = std::fs::read_dir(CACHE) else { return };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(pid) = name.strip_prefix("root-") else { continue };
            if !Path::new("/proc").join(pid).exists() {
                let root = entry.path();
                let mut mounts = mounts_under(&root);
                mounts.sort();
                for at in mounts.iter().rev() {
                    unmount(at);
                }
                remove_root(&root);
            }
        }
    }

    fn mounts_under(root: &Path) -> Vec<PathBuf> {
        let table = std::fs::read_to_string("/proc/mounts").unwrap_or_default();
        table
            .lines()
            .filter_map(|l| l.split_whitespace().nth(1))
            .map(PathBuf::from)
            .filter(|p| p.starts_with(root))
            .collect()
    }

    fn unmount(at: &Path) {
        let ok = Command::new("umount").arg(at).stderr(Stdio::null()).status().is_ok_and(|s| s.success());
        if !ok {
            let _ = Command::new("umount").arg("-l").arg(at).status();
        }
    }

    /// Removes a root only when nothing is mounted in it any more (and
    /// never across file systems).
    fn remove_root(root: &Path) {
        let left = mounts_under(root);
        if !left.is_empty() {
            eprintln!("xtask: {} still has mounts ({left:?}); left in place", root.display());
            return;
        }
        let _ = Command::new("rm").arg("-rf").arg("--one-file-system").arg(root).status();
    }

    fn copy(from: &str, to: &Path) -> Result {
        std::fs::copy(from, to).map(|_| ()).map_err(|e| format!("cannot copy {from} to {}: {e}", to.display()))
    }

    fn free_port() -> Result<u16> {
        std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .map_err(|e| format!("no free port: {e}"))
    }

    /// A child process killed with its process group on drop.
    struct Killed(Child);

    impl Drop for Killed {
        fn drop(&mut self) {
            let group = format!("-{}", self.0.id());
            let _ = Command::new("kill").args(["-KILL", "--", &group]).stderr(Stdio::null()).status();
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    /// The few W3C WebDriver calls the check makes, through curl (xtask
    /// has no dependencies, and no JSON parser: the replies' fields are
    /// found by their names).
    struct WebDriver {
        base: String,
    }

    impl WebDriver {
        fn call(&self, method: &str, path: &str, body: Option<&str>) -> Result<String> {
            let mut cmd = Command::new("curl");
            cmd.args(["--silent", "--show-error", "--max-time", "120", "-X", method])
                .arg(format!("{}{path}", self.base));
            if let Some(body) = body {
                cmd.args(["-H", "Content-Type: application/json", "--data-binary", body]);
            }
            let out = cmd.output().map_err(|e| format!("cannot run curl: {e}"))?;
            if !out.status.success() {
                return Err(format!("{method} {path}: {}", String::from_utf8_lossy(&out.stderr).trim()));
            }
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        }

        fn wait_until_ready(&self) -> Result {
            let deadline = Instant::now() + Duration::from_secs(30);
            while self.call("GET", "/status", None).is_err() {
                if Instant::now() > deadline {
                    return Err("tauri-driver did not start in the root".into());
                }
                std::thread::sleep(Duration::from_millis(200));
            }
            Ok(())
        }

        fn new_session(&self, application: &str) -> Result<String> {
            let body = format!(
                "{{\"capabilities\":{{\"alwaysMatch\":{{\"tauri:options\":{{\"application\":{}}}}}}}}}",
                json_string(application)
            );
            let reply = self.call("POST", "/session", Some(&body))?;
            string_field(&reply, "sessionId").ok_or_else(|| format!("no WebDriver session: {reply}"))
        }

        fn wait_for(&self, session: &str, css: &str, patience: Duration) -> Result {
            let body = format!("{{\"using\":\"css selector\",\"value\":{}}}", json_string(css));
            let deadline = Instant::now() + patience;
            loop {
                let reply = self.call("POST", &format!("/session/{session}/element"), Some(&body))?;
                if reply.contains(ELEMENT_KEY) {
                    return Ok(());
                }
                if Instant::now() > deadline {
                    return Err(format!("no {css} in the window after {} s: {reply}", patience.as_secs()));
                }
                std::thread::sleep(Duration::from_millis(200));
            }
        }

        fn title(&self, session: &str) -> Result<String> {
            let reply = self.call("GET", &format!("/session/{session}/title"), None)?;
            string_field(&reply, "value").ok_or(reply)
        }

        /// Saves the window's screenshot (the reply's base64 PNG, decoded
        /// by coreutils' `base64`).
        fn screenshot(&self, session: &str, to: &Path) -> Result {
            let reply = self.call("GET", &format!("/session/{session}/screenshot"), None)?;
            let encoded = string_field(&reply, "value").ok_or("no screenshot")?;
            let mut decode = Command::new("base64")
                .arg("--decode")
                .stdin(Stdio::piped())
                .stdout(std::fs::File::create(to).map_err(|e| e.to_string())?)
                .spawn()
                .map_err(|e| e.to_string())?;
            decode.stdin.take().expect("piped").write_all(encoded.as_bytes()).map_err(|e| e.to_string())?;
            decode.wait().map_err(|e| e.to_string()).map(|_| ())
        }

        fn delete_session(&self, session: &str) {
            let _ = self.call("DELETE", &format!("/session/{session}"), None);
        }
    }

    /// The string value of the first `"name": "…"` in a JSON reply (the
    /// values read here hold no escaped quotes: ids, base64, a title).
    pub(super) fn string_field(json: &str, name: &str) -> Option<String> {
        let key = format!("\"{name}\"");
        let mut rest = json;
        while let Some(at) = rest.find(&key) {
            rest = &rest[at + key.len()..];
            if let Some(value) = rest.trim_start().strip_prefix(':').map(str::trim_start) {
                if let Some(value) = value.strip_prefix('"') {
                    return value.find('"').map(|end| value[..end].to_owned());
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The package's version is the workspace's: tauri.conf.json, where the
    /// bundler reads it, must say the same.
    #[test]
    fn tauri_config_repeats_the_workspace_version() {
        let version = agreed_version().expect("the versions agree");
        assert_eq!(version.split('.').count(), 3, "not a version: {version}");
    }

    #[test]
    fn versions_are_read_from_their_tables() {
        let manifest =
            "[package]\nversion = \"9.9.9\"\n\n[workspace.package]\nedition = \"2021\"\nversion = \"1.2.3\"\n";
        assert_eq!(workspace_version(manifest).as_deref(), Some("1.2.3"));
        assert_eq!(workspace_version("[package]\nversion = \"9.9.9\"\n"), None);
        let config = "{\n  \"productName\": \"Asysta\",\n  \"version\" : \"1.2.3\",\n  \"identifier\": \"x\"\n}";
        assert_eq!(tauri_config_version(config).as_deref(), Some("1.2.3"));
        assert_eq!(tauri_config_version("{}"), None);
    }

    /// The bundler's extra settings: valid JSON (checked by shape here;
    /// `cargo tauri bundle` parses it), with the CLI under /usr/bin.
    #[test]
    fn bundle_config_maps_the_cli_and_the_desktop_entry() {
        let depends = ["libc6 (>= 2.35)".to_owned(), "libgcc-s1 (>= 4.2)".to_owned()];
        let config = bundle_config(
            &depends,
            Path::new("/w/target/release/asysta"),
            Path::new("/w/xtask/package/asysta.desktop"),
        );
        assert_eq!(
            config,
            concat!(
                r#"{"bundle":{"active":true,"targets":["deb"],"linux":{"deb":{"#,
                r#""depends":["libc6 (>= 2.35)","libgcc-s1 (>= 4.2)"],"#,
                r#""files":{"/usr/bin/asysta":"/w/target/release/asysta"},"#,
                r#""desktopTemplate":"/w/xtask/package/asysta.desktop"}}}}"#
            )
        );
        let opened = config.matches('{').count();
        assert_eq!(opened, config.matches('}').count(), "unbalanced braces in {config}");
    }

    #[test]
    fn library_dependencies_are_read_from_dpkg_shlibdeps() {
        let printed = "shlibs:Depends=libc6 (>= 2.35), libdbus-1-3 (>= 1.9.14), libjavascriptcoregtk-4.1-0\n";
        assert_eq!(
            shlibs_depends(printed),
            ["libc6 (>= 2.35)", "libdbus-1-3 (>= 1.9.14)", "libjavascriptcoregtk-4.1-0"]
        );
        assert!(shlibs_depends("dpkg-shlibdeps: warning: nothing\n").is_empty());
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_string(r#"C:\a "b""#), r#""C:\\a \"b\"""#);
        assert_eq!(json_string("a\nb\u{1}"), r#""a\nb\u0001""#);
        assert_eq!(json_string("Łódź"), "\"Łódź\"");
    }

    #[test]
    fn the_package_file_is_named_as_debian_names_it() {
        assert_eq!(deb_file_name("0.1.0"), "asysta_0.1.0_amd64.deb");
        assert!(deb_folder().ends_with("release/bundle/deb"));
    }

    /// The desktop entry has Polish and English names, and the bundler's
    /// fields the template must keep.
    #[test]
    fn the_desktop_entry_is_polish_and_english() {
        let template = std::fs::read_to_string(root().join(DESKTOP_TEMPLATE)).expect("the template");
        for line in ["Name=Asysta", "Name[pl]=Asysta", "Comment=", "Comment[pl]=", "GenericName[pl]="] {
            assert!(template.lines().any(|l| l.starts_with(line)), "the desktop entry lacks {line}");
        }
        for field in ["Exec={{exec}}", "Icon={{icon}}", "Categories={{categories}}"] {
            assert!(template.contains(field), "the desktop entry lacks {field}");
        }
    }

    #[test]
    fn webdriver_replies_are_read_by_field() {
        let reply = r#"{"value":{"sessionId":"8c1f-2a","capabilities":{}}}"#;
        assert_eq!(check::string_field(reply, "sessionId").as_deref(), Some("8c1f-2a"));
        assert_eq!(check::string_field(r#"{"value": "Asysta"}"#, "value").as_deref(), Some("Asysta"));
        // An object value is skipped for a later string value.
        assert_eq!(check::string_field(r#"{"value":{"a":1},"x":{"value":"s"}}"#, "value").as_deref(), Some("s"));
        assert_eq!(check::string_field(r#"{"value":null}"#, "value"), None);
    }
}
