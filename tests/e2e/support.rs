//! The end-to-end harness: a private Xvfb display, a private tauri-driver,
//! and a minimal W3C WebDriver client over HTTP. Every process is killed in
//! `Drop`, so a failing test leaves nothing behind.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long to wait for the window and for an element to appear.
const PATIENCE: Duration = Duration::from_secs(30);
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// The app binary built by this same `cargo test` run.
pub fn app_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_asysta-app"))
}

/// A child process killed on drop, together with its own children
/// (tauri-driver starts WebKitWebDriver, which starts the app): each guarded
/// child leads its own process group, and the whole group is killed.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).stderr(Stdio::null()).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Makes the command's process the leader of a new process group.
fn own_group(cmd: &mut Command) -> &mut Command {
    std::os::unix::process::CommandExt::process_group(cmd, 0)
}

/// An X display and a tauri-driver that launches the app on it.
pub struct Desktop {
    port: u16,
    // Dropped in declaration order: the driver before the display.
    _driver: Guard,
    _xvfb: Guard,
    /// HOME and XDG folders of the test's own: WebKit keeps local storage
    /// there, so no test sees another's (or the user's) settings.
    _profile: tempfile::TempDir,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

fn tauri_driver() -> PathBuf {
    let in_cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|h| h.join("bin/tauri-driver"));
    in_cargo_home.filter(|p| p.exists()).unwrap_or_else(|| PathBuf::from("tauri-driver"))
}

impl Desktop {
    pub fn start() -> Desktop {
        Desktop::start_with_env(&[])
    }

    /// Like [`Desktop::start`], with environment variables for the apps it
    /// launches (tauri-driver passes its environment on).
    pub fn start_with_env(env: &[(&str, &Path)]) -> Desktop {
        let mut xvfb = own_group(&mut Command::new("Xvfb"))
            .args(["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb must be installed (cargo xtask setup)");
        let mut line = String::new();
        BufReader::new(xvfb.stdout.take().unwrap()).read_line(&mut line).expect("Xvfb prints its display");
        let display = format!(":{}", line.trim());
        let xvfb = Guard(xvfb);

        let port = free_port();
        let native_port = free_port();
        let profile = tempfile::tempdir().expect("a temporary profile folder");
        let driver = own_group(&mut Command::new(tauri_driver()))
            .env("HOME", profile.path())
            .env("XDG_DATA_HOME", profile.path().join("data"))
            .env("XDG_CONFIG_HOME", profile.path().join("config"))
            .env("XDG_CACHE_HOME", profile.path().join("cache"))
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("DISPLAY", &display)
            .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .env("LANG", "pl_PL.UTF-8")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tauri-driver must be installed (cargo xtask setup)");
        let desktop = Desktop { port, _driver: Guard(driver), _xvfb: xvfb, _profile: profile };
        let deadline = Instant::now() + PATIENCE;
        while ureq::get(&desktop.url("/status")).call().is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        desktop
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Launches the app on `data_dir` and connects to its window.
    pub fn launch(&self, data_dir: &Path) -> App<'_> {
        let caps = json!({
            "capabilities": {
                "alwaysMatch": {
                    "tauri:options": {
                        "application": app_binary(),
                        "args": ["--data-dir", data_dir],
                    }
                }
            }
        });
        let reply = post(&self.url("/session"), caps.clone());
        let id = reply["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {reply}")).to_owned();
        let app = App { desktop: self, id, closed: false, data_dir: data_dir.to_owned() };
        if app.ui_started() {
            return app;
        }
        // A window whose page never ran at all (not one where the UI
        // failed: that shows #startup-failed and the test goes on to fail
        // on it). Seen once in CI among thousands of launches, with
        // WebKit's web process busy; said loudly, and tried once more.
        eprintln!("the window stayed blank for {PATIENCE:?}; launching again: {}", app.page_text());
        drop(app);
        let reply = post(&self.url("/session"), caps);
        let id = reply["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {reply}")).to_owned();
        App { desktop: self, id, closed: false, data_dir: data_dir.to_owned() }
    }
}

fn post(url: &str, body: Value) -> Value {
    match ureq::post(url).send_json(body) {
        Ok(r) => r.into_json::<Value>().expect("JSON reply")["value"].clone(),
        Err(ureq::Error::Status(code, r)) => {
            let text = r.into_string().unwrap_or_default();
            panic!("WebDriver {url} answered {code}: {text}")
        }
        Err(e) => panic!("WebDriver {url}: {e}"),
    }
}

fn try_post(url: &str, body: Value) -> Result<Value, String> {
    match ureq::post(url).send_json(body) {
        Ok(r) => Ok(r.into_json::<Value>().map_err(|e| e.to_string())?["value"].clone()),
        Err(e) => Err(e.to_string()),
    }
}

/// One running app window.
pub struct App<'a> {
    desktop: &'a Desktop,
    id: String,
    closed: bool,
    /// The `--data-dir` the app was launched on (to find its process).
    data_dir: PathBuf,
}

/// An element of the page.
#[derive(Clone, Debug)]
pub struct Element(String);

impl App<'_> {
    fn url(&self, path: &str) -> String {
        self.desktop.url(&format!("/session/{}{path}", self.id))
    }

    /// Whether the page put anything in its body (the UI, or the notice
    /// that it could not start) within [`PATIENCE`].
    fn ui_started(&self) -> bool {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            let found = try_post(&self.url("/element"), json!({"using": "css selector", "value": "body > *"}));
            if found.is_ok_and(|v| v[ELEMENT_KEY].is_string()) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }

    /// Waits for the first element matching `css`.
    #[track_caller]
    pub fn find(&self, css: &str) -> Element {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let found = try_post(&self.url("/element"), json!({"using": "css selector", "value": css}));
            if let Ok(value) = found {
                if let Some(id) = value[ELEMENT_KEY].as_str() {
                    return Element(id.to_owned());
                }
            }
            assert!(Instant::now() < deadline, "no element {css:?} appeared; page text: {}", self.page_text());
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Every element matching `css` now (no waiting).
    pub fn find_all(&self, css: &str) -> Vec<Element> {
        let value = post(&self.url("/elements"), json!({"using": "css selector", "value": css}));
        value
            .as_array()
            .map(|a| a.iter().filter_map(|e| e[ELEMENT_KEY].as_str().map(|s| Element(s.to_owned()))).collect())
            .unwrap_or_default()
    }

    pub fn text(&self, element: &Element) -> String {
        let url = self.url(&format!("/element/{}/text", element.0));
        ureq::get(&url)
            .call()
            .ok()
            .and_then(|r| r.into_json::<Value>().ok())
            .map_or_else(String::new, |v| v["value"].as_str().unwrap_or_default().to_owned())
    }

    /// Waits until the element matching `css` shows exactly `expected`.
    #[track_caller]
    pub fn wait_for_text(&self, css: &str, expected: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let texts: Vec<String> = self.find_all(css).iter().map(|e| self.text(e)).collect();
            if texts.iter().any(|t| t.trim() == expected) {
                return;
            }
            assert!(Instant::now() < deadline, "{css:?} never showed {expected:?}; it shows {texts:?}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The texts of every element matching `css`, once at least `n` exist.
    #[track_caller]
    pub fn texts_when(&self, css: &str, n: usize) -> Vec<String> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let elements = self.find_all(css);
            if elements.len() >= n {
                return elements.iter().map(|e| self.text(e).trim().to_owned()).collect();
            }
            assert!(Instant::now() < deadline, "fewer than {n} of {css:?} appeared; page text: {}", self.page_text());
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn click(&self, css: &str) {
        let e = self.find(css);
        post(&self.url(&format!("/element/{}/click", e.0)), json!({}));
    }

    /// Waits until no element matches `css`.
    #[track_caller]
    pub fn wait_until_gone(&self, css: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !self.find_all(css).is_empty() {
            assert!(Instant::now() < deadline, "{css:?} is still there; page text: {}", self.page_text());
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Clicks the first element matching `css` whose text is `text`,
    /// waiting for it to appear.
    #[track_caller]
    pub fn click_text(&self, css: &str, text: &str) {
        let script =
            "const e = [...document.querySelectorAll(arguments[0])].find(e => e.innerText.trim() === arguments[1]); \
                      if (e) { e.click(); return true } return false";
        let deadline = Instant::now() + PATIENCE;
        while try_post(&self.url("/execute/sync"), json!({"script": script, "args": [css, text]})).ok()
            != Some(Value::Bool(true))
        {
            assert!(Instant::now() < deadline, "no {css:?} showing {text:?}; page text: {}", self.page_text());
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Runs `script` in the page as an async WebDriver script: it gets
    /// `args` and then a callback as its last argument, and answers with
    /// what it passes to that callback.
    pub fn execute_async(&self, script: &str, args: Value) -> Value {
        post(&self.url("/execute/async"), json!({ "script": script, "args": args }))
    }

    /// Runs `script` in the page as a synchronous WebDriver script with
    /// `args`, and answers what it returns.
    pub fn execute(&self, script: &str, args: Value) -> Value {
        post(&self.url("/execute/sync"), json!({ "script": script, "args": args }))
    }

    /// Resizes the window to `width` × `height` CSS pixels of page (the
    /// window has no frame under Xvfb, so its size is the page's), and
    /// waits until the page has taken the new size.
    #[track_caller]
    pub fn set_window_size(&self, width: u32, height: u32) {
        post(&self.url("/window/rect"), json!({ "width": width, "height": height }));
        let size = "return [window.innerWidth, window.innerHeight]";
        let deadline = Instant::now() + PATIENCE;
        loop {
            let shown = self.execute(size, json!([]));
            if shown == json!([width, height]) {
                return;
            }
            assert!(Instant::now() < deadline, "the window did not become {width}×{height}: the page is {shown}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Checks the page as it is shown now against axe-core's WCAG 2.1 A
    /// and AA rules, and fails listing every violation (the rule, its
    /// impact, the elements and how to fix it). `screen` names what is
    /// shown, for the failure's message. axe-core is put into the page the
    /// first time (it stays until the page reloads).
    #[track_caller]
    pub fn assert_accessible(&self, screen: &str) {
        let loaded = "return typeof window.axe === 'object'";
        if self.execute(loaded, json!([])) != Value::Bool(true) {
            let source = std::fs::read_to_string(axe_core())
                .unwrap_or_else(|e| panic!("{}: {e} (cargo xtask setup puts it there)", axe_core().display()));
            // The source is run as the body of a function: `window.axe`
            // is what stays of it.
            self.execute(&format!("{source}\n;return typeof window.axe === 'object'"), json!([]));
            assert_eq!(self.execute(loaded, json!([])), Value::Bool(true), "axe-core did not load into the page");
        }
        let reply = self.execute_async(AXE_RUN, json!([]));
        let violations = match reply {
            Value::Array(violations) => violations,
            other => panic!("axe-core did not run on the {screen}: {other}"),
        };
        if violations.is_empty() {
            return;
        }
        let mut report = format!("the {screen} breaks {} WCAG 2.1 A/AA rule(s) (axe-core):", violations.len());
        for v in &violations {
            let field = |name: &str| v[name].as_str().unwrap_or_default().to_owned();
            report += &format!("\n- {} ({}): {}", field("id"), field("impact"), field("help"));
            for node in v["nodes"].as_array().into_iter().flatten() {
                report += &format!("\n    {} — {}", node["target"], node["summary"].as_str().unwrap_or_default());
            }
        }
        panic!("{report}");
    }

    /// Clears the field matching `css` and types `text` into it.
    pub fn fill(&self, css: &str, text: &str) {
        let e = self.find(css);
        post(&self.url(&format!("/element/{}/clear", e.0)), json!({}));
        post(&self.url(&format!("/element/{}/value", e.0)), json!({"text": text}));
    }

    /// The page's text; for a page with no text, what the page is (its
    /// address, whether it loaded, its markup), or why WebDriver could not
    /// tell: what a failed wait reports.
    pub fn page_text(&self) -> String {
        let script = "const text = document.body ? document.body.innerText : ''; \
            return text.trim() ? text : `(no text: ${location.href}, ${document.readyState}, \
            ${document.documentElement.outerHTML.slice(0, 2000)})`";
        match try_post(&self.url("/execute/sync"), json!({"script": script, "args": []})) {
            Ok(v) => v.as_str().map_or_else(|| v.to_string(), str::to_owned),
            Err(e) => format!("(WebDriver could not read the page: {e})"),
        }
    }

    /// The current `value` of the input, select or text box matching `css`.
    pub fn value(&self, css: &str) -> String {
        self.find(css);
        let script = "return document.querySelector(arguments[0]).value";
        post(&self.url("/execute/sync"), json!({"script": script, "args": [css]}))
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Sets the `value` of the input matching `css` as typing would end up,
    /// with the `input` event the page listens to (for inputs whose
    /// keyboard entry depends on the WebView's locale, such as times).
    pub fn set_value(&self, css: &str, value: &str) {
        self.find(css);
        let script = "const e = document.querySelector(arguments[0]); e.focus(); e.value = arguments[1]; \
                      e.dispatchEvent(new Event('input', { bubbles: true })); return e.value";
        let set = post(&self.url("/execute/sync"), json!({"script": script, "args": [css, value]}));
        assert_eq!(set.as_str(), Some(value), "{css} did not take {value:?}");
    }

    /// Kills the app's process at once (SIGKILL: no chance to save
    /// anything), as a crash or a power cut would, then ends the session.
    /// The app's process ids (one, unless something is wrong); the memory
    /// benchmark reads them.
    #[allow(dead_code)]
    pub fn pids(&self) -> Vec<u32> {
        app_pids(&self.data_dir)
    }

    pub fn kill(mut self) {
        let pids = app_pids(&self.data_dir);
        assert!(!pids.is_empty(), "no app process runs on {}", self.data_dir.display());
        for pid in pids {
            let status = Command::new("kill").args(["-KILL", &pid.to_string()]).status().expect("kill runs");
            assert!(status.success(), "kill -KILL {pid} failed");
        }
        let deadline = Instant::now() + PATIENCE;
        while !app_pids(&self.data_dir).is_empty() {
            assert!(Instant::now() < deadline, "the app did not die");
            std::thread::sleep(Duration::from_millis(50));
        }
        self.close();
    }

    /// Closes the window (the app exits).
    pub fn quit(mut self) {
        self.close();
    }

    fn close(&mut self) {
        if !self.closed {
            self.closed = true;
            let _ = ureq::delete(&self.desktop.url(&format!("/session/{}", self.id))).call();
        }
    }
}

impl Drop for App<'_> {
    fn drop(&mut self) {
        self.close();
    }
}

/// Where `cargo xtask setup` puts axe-core (`AXE_MIN_JS` in xtask).
const AXE_MIN_JS: &str = "target/test-fixtures/axe-core/axe.min.js";

/// The WCAG 2.1 levels A and AA, as axe-core tags its rules.
const AXE_RUN: &str = "const done = arguments[arguments.length - 1];
    const options = {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
    };
    axe.run(document, options).then(
        (r) => done(r.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
        }))),
        (e) => done('axe.run failed: ' + e),
    );";

fn axe_core() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(AXE_MIN_JS)
}

/// The ids of the app processes launched on `data_dir`: their command line
/// holds the app binary and `--data-dir <data_dir>`.
fn app_pids(data_dir: &Path) -> Vec<u32> {
    let binary = app_binary();
    let wanted: [&[u8]; 2] = [binary.as_os_str().as_encoded_bytes(), data_dir.as_os_str().as_encoded_bytes()];
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let Ok(cmdline) = std::fs::read(format!("/proc/{pid}/cmdline")) else { return false };
            let args: Vec<&[u8]> = cmdline.split(|&b| b == 0).collect();
            args.first() == Some(&wanted[0]) && args.windows(2).any(|w| w[0] == b"--data-dir" && w[1] == wanted[1])
        })
        .collect()
}
