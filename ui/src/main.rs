//! Asysta's user interface: a Yew app that runs in the Tauri window and talks
//! to the desktop shell only through [`ipc`].
//!
//! The crate is built for `wasm32-unknown-unknown` for the app, and natively
//! for its host tests: reducers, pure helpers and server-side rendered views
//! are checked without a browser. Nothing that calls into JavaScript runs in
//! those tests.

// Natively the app is unreachable from `main` (only the tests use it), so
// the native build would call most of the crate dead code.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod app;
mod clock;
mod components;
mod dom;
mod format;
mod i18n;
mod idle;
mod ipc;
mod screens;
#[cfg(test)]
mod test_support;

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<app::App>::new().render();
}

/// The native build exists for `cargo test`; the UI itself needs a browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("asysta-ui runs in the Asysta window (build it for wasm32-unknown-unknown)");
}
