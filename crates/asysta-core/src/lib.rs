//! Asysta's domain: the types and rules shared by the store, the CLI, the
//! desktop shell and the wasm UI.
//!
//! This crate never touches the file system, the network, the clock or a
//! random number generator: "now" and random bytes are parameters. CI builds
//! it for `wasm32-unknown-unknown` and checks it depends on neither rusqlite
//! nor tauri.

pub mod alerts;
pub mod api;
pub mod attachment;
pub mod backup;
pub mod centre;
pub mod closing;
pub mod collation;
pub mod demo;
pub mod evaluation;
pub mod event;
pub mod exchange;
pub mod family;
pub mod hlc;
pub mod ids;
pub mod member;
pub mod merge;
pub mod opinion;
pub mod ops;
pub mod passphrase;
pub mod pesel;
pub mod plan;
pub mod policy;
pub mod record;
pub mod search;
pub mod validation;
pub mod visit;
pub mod workspace;

pub use event::{Author, Change, EntityType, Event, EVENT_SCHEMA_VERSION};
pub use hlc::Hlc;
pub use ids::{DeviceId, EntityId, EventId, UserId};
pub use pesel::{Pesel, Sex};
pub use validation::{FieldError, FieldErrorCode};
