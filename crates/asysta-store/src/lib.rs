//! Asysta's encrypted store.
//!
//! One SQLCipher database per workspace. Every change is appended to the
//! event log, and the records it touches are re-derived from their history
//! into the projection tables in the same transaction (see `log`, `derive`
//! and `projection`). Events from other devices enter unchanged (`ingest`). The database key is random and kept
//! wrapped by the passphrase in the key file (see `keyfile`).

mod attachments;
pub mod backup;
mod cases;
mod check;
mod connection;
mod derive;
mod drafts;
mod environment;
mod error;
mod exchange;
mod fsutil;
mod ingest;
pub mod keyfile;
mod log;
pub mod migrations;
pub mod ops;
pub mod paths;
mod projection;
mod queries;
mod secret;
mod steering;
mod sync;
mod workspace;

pub use check::{CheckReport, TableDifference};
pub use environment::{Environment, SystemEnvironment};
pub use error::{Result, StoreError};
pub use exchange::{bundle_file_name, label_of, ExportProgress, ExportRequest};
pub use fsutil::write_atomically;
pub use ingest::{IngestReport, MissingRange, OverCap};
pub use keyfile::KdfParams;
/// The digest the log keeps of an event (for benchmarks and tools).
pub use log::digest_of as event_digest;
pub use paths::{default_data_dir, resolve_data_dir, WorkspacePaths, DATA_DIR_ENV};
pub use queries::{Periods, Settings, Stats};
pub use secret::Passphrase;
pub use sync::Resolution;
pub use workspace::{ChangeMark, NewCase, Presence, Store};

#[cfg(test)]
mod tests;
