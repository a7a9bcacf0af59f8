//! What `asysta check` (and the settings screen's button) reports.

use serde::{Deserialize, Serialize};

/// The workspace checked: the database file, the event log's invariants,
/// and every table against a rebuild from the events.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct CheckReport {
    /// Whether everything holds.
    pub ok: bool,
    /// Events in the applied log.
    pub events: u64,
    /// Problems of the database file (empty when sound).
    pub database: Vec<String>,
    /// Broken invariants of the event log (empty when all hold).
    pub log: Vec<String>,
    /// Projection tables that differ from a rebuild (empty when none).
    pub projections: Vec<TableDifference>,
}

/// A projection table that differs from its rebuild.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct TableDifference {
    pub table: String,
    /// Rows here that the rebuild does not have.
    pub only_here: u64,
    /// Rows of the rebuild that are missing here.
    pub only_in_rebuild: u64,
    /// The first column (the record's id) of a few differing rows.
    pub examples: Vec<String>,
}
