//! End-to-end tests: the real app binary, in a real window under Xvfb,
//! driven through tauri-driver and WebKitWebDriver.

mod support;
mod workspace;
