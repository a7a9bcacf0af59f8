//! The backup file: one file holding a consistent copy of the encrypted
//! database and the key file beside it, so that it opens with the
//! passphrase or the centre's recovery wrap and with nothing else.
//!
//! ```text
//! ASYSTA-BACKUP 1\n
//! {header as one line of JSON}\n
//! the database's bytes (SQLCipher pages, encrypted as on disk)
//! ```
//!
//! The header names no person and no family: the workspace's and the
//! device's ids, when and why the copy was made, the schema version and
//! the number of events, the database's length and BLAKE3 digest, and the
//! key file as it is on disk (wrapped keys only).

use crate::error::{Result, StoreError};
use crate::keyfile::KeyFile;
use asysta_core::backup::BackupReason;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

const MAGIC: &[u8] = b"ASYSTA-BACKUP 1\n";
/// The longest header read (a key file with a few wraps is a few KiB).
const MAX_HEADER: u64 = 1 << 20;
/// The extension of a backup file.
pub const EXTENSION: &str = "asysta-kopia";

/// What a backup file says of itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupHeader {
    pub workspace_id: uuid::Uuid,
    pub device_id: uuid::Uuid,
    pub created_at_ms: u64,
    pub reason: BackupReason,
    pub schema_version: i64,
    pub events: u64,
    /// The last event's row in the log when the copy was made: with
    /// `events`, whether anything was logged since.
    pub last_event_row: i64,
    pub database_bytes: u64,
    /// BLAKE3 of the database's bytes, hex.
    pub database_digest: String,
    pub key_file: KeyFile,
}

/// The BLAKE3 digest (hex) and length of a file's bytes from `reader`.
pub(crate) fn digest_of(reader: &mut dyn Read) -> std::io::Result<(String, u64)> {
    let mut hasher = blake3::Hasher::new();
    let mut buffer = vec![0u8; 1 << 16];
    let mut total = 0u64;
    loop {
        let n = reader.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
        total += n as u64;
    }
    Ok((hasher.finalize().to_hex().to_string(), total))
}

/// Writes the backup to `out`: the header, then the database copied from
/// `database` (whose digest and length the header already states).
pub(crate) fn write_backup(out: &mut dyn Write, header: &BackupHeader, database: &mut dyn Read) -> Result<()> {
    let io = |e: std::io::Error| StoreError::Io { path: Default::default(), source: e };
    out.write_all(MAGIC).map_err(io)?;
    serde_json::to_writer(&mut *out, header)?;
    out.write_all(b"\n").map_err(io)?;
    let copied = std::io::copy(database, out).map_err(io)?;
    if copied != header.database_bytes {
        return Err(StoreError::DatabaseDamaged(format!(
            "the copy changed while it was written ({copied} bytes, {} expected)",
            header.database_bytes
        )));
    }
    Ok(())
}

/// A backup file opened for reading: its header, the reader positioned at
/// the database's first byte.
pub(crate) struct OpenedBackup {
    pub header: BackupHeader,
    pub database: BufReader<File>,
}

/// Opens `path` as a backup file and reads its header; anything else (a
/// bundle, a truncated or foreign file) is [`StoreError::NotABackup`].
pub(crate) fn open_backup(path: &Path) -> Result<OpenedBackup> {
    let not_a_backup = || StoreError::NotABackup(path.to_owned());
    let file = File::open(path).map_err(StoreError::io(path))?;
    let mut reader = BufReader::new(file);
    let mut magic = [0u8; MAGIC.len()];
    reader.read_exact(&mut magic).map_err(|_| not_a_backup())?;
    if magic != MAGIC {
        return Err(not_a_backup());
    }
    let mut line = Vec::new();
    (&mut reader).take(MAX_HEADER).read_until(b'\n', &mut line).map_err(StoreError::io(path))?;
    if line.last() != Some(&b'\n') {
        return Err(not_a_backup());
    }
    let header: BackupHeader = serde_json::from_slice(&line[..line.len() - 1]).map_err(|_| not_a_backup())?;
    Ok(OpenedBackup { header, database: reader })
}

/// Reads `path` whole and checks the database's bytes against the
/// header's length and digest: its header when they match.
pub(crate) fn verify_backup(path: &Path) -> Result<BackupHeader> {
    let mut opened = open_backup(path)?;
    let (digest, bytes) = digest_of(&mut opened.database).map_err(StoreError::io(path))?;
    if bytes != opened.header.database_bytes || digest != opened.header.database_digest {
        return Err(StoreError::BackupDamaged(path.to_owned()));
    }
    Ok(opened.header)
}
