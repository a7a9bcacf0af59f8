//! Opening the SQLCipher database: key first, then checks, then pragmas.

use crate::error::{Result, StoreError};
use crate::secret::DatabaseKey;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// Opens (or with `create`, creates) the encrypted database and proves the
/// key is right before returning. Nothing is written by this function.
pub fn open_encrypted(path: &Path, key: &DatabaseKey, create: bool) -> Result<Connection> {
    silence_sqlcipher_log();
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    // The one place a database connection is opened (see clippy.toml).
    #[allow(clippy::disallowed_methods)]
    let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::DatabaseDamaged(e.to_string()))?;
    // `PRAGMA key` must be the first statement on the connection.
    conn.execute_batch(&format!("PRAGMA key = \"{}\";", key.sqlcipher_literal().as_str()))?;
    // A wrong key opens fine and fails on the first read.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get::<_, i64>(0))
        .map_err(|e| StoreError::DatabaseDamaged(e.to_string()))?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    register_collations(&conn)?;
    Ok(conn)
}

/// Pragmas that write to the file; only after the version check.
pub fn configure(conn: &Connection) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::DatabaseDamaged(format!("journal mode {mode} instead of wal")));
    }
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")?;
    // Deriving a record uses a few dozen distinct statements; rusqlite's
    // default cache of 16 would prepare some of them again on every event.
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// The `pl` collation sorts by the Polish alphabet (asysta_core::collation).
pub fn register_collations(conn: &Connection) -> Result<()> {
    conn.create_collation("pl", asysta_core::collation::compare)?;
    Ok(())
}

/// SQLCipher logs decryption failures to stderr; the store reports them as
/// typed errors instead, so the log is switched off once per process.
fn silence_sqlcipher_log() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        #[allow(clippy::disallowed_methods)]
        if let Ok(conn) = Connection::open_in_memory() {
            let _ = conn.execute_batch("PRAGMA cipher_log_level = NONE;");
        }
    });
}
