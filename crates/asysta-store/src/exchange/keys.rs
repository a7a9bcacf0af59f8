//! The workspace's own keys, kept in the encrypted database.

use crate::environment::{random_array, Environment};
use crate::error::{Result, StoreError};
use asysta_bundle::DeviceKeys;
use rusqlite::{Connection, OptionalExtension};

/// Makes and stores new keys (a new workspace, or one made before keys
/// existed).
pub fn generate(conn: &Connection, env: &mut dyn Environment) -> Result<DeviceKeys> {
    let keys = DeviceKeys::generate(random_array(env)?);
    let (seed, identity) = keys.secret_parts();
    conn.execute(
        "INSERT INTO own_keys (id, signing_seed, age_identity) VALUES (1, ?1, ?2)",
        rusqlite::params![&seed[..], identity.as_str()],
    )?;
    Ok(keys)
}

/// Reads the keys; a workspace from before bundles gets its keys on its
/// first opening.
pub fn load_or_generate(conn: &Connection, env: &mut dyn Environment) -> Result<DeviceKeys> {
    let row: Option<(Vec<u8>, String)> = conn
        .query_row("SELECT signing_seed, age_identity FROM own_keys WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match row {
        Some((seed, identity)) => {
            let seed = zeroize::Zeroizing::new(seed);
            let identity = zeroize::Zeroizing::new(identity);
            DeviceKeys::from_secret_parts(&seed, &identity)
                .map_err(|e| StoreError::DatabaseDamaged(format!("own keys: {e}")))
        }
        None => generate(conn, env),
    }
}
