//! End-to-end tests: the real app binary, in a real window under Xvfb,
//! driven through tauri-driver and WebKitWebDriver.

mod attachments;
mod backups;
mod centre;
mod conflicts;
mod diary;
mod evaluation;
mod fixtures;
mod home;
mod lock;
mod opinion;
mod plan;
mod print;
mod record;
mod schedule;
mod steering;
mod support;
mod sync;
mod workspace;
