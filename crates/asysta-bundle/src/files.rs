//! Files carried beside the events (format version 2): the scans and photos
//! that attachment events name by their BLAKE3 digest.
//!
//! ```text
//! files
//! ├─ count              u32 big-endian, 1 ..= MAX_FILES
//! └─ per file
//!    ├─ digest          32 bytes, BLAKE3 of the bytes
//!    ├─ length          u64 big-endian, at least 1
//!    └─ bytes           as given, not compressed (PDF, JPEG and PNG are already)
//! ```

use crate::error::BundleError;
use crate::frame::Cursor;
use crate::Result;
use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

/// A file carried beside the events: its BLAKE3 digest and its bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct CarriedFile {
    pub digest: [u8; 32],
    pub bytes: Vec<u8>,
}

impl CarriedFile {
    /// The file with its digest computed.
    pub fn new(bytes: Vec<u8>) -> CarriedFile {
        CarriedFile { digest: *blake3::hash(&bytes).as_bytes(), bytes }
    }

    /// The digest as the events write it: 64 lower-case hexadecimal digits.
    pub fn digest_hex(&self) -> String {
        blake3::Hash::from_bytes(self.digest).to_hex().to_string()
    }
}

/// The digest and the size, not the bytes (a scan is megabytes of personal
/// data).
impl fmt::Debug for CarriedFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CarriedFile").field("digest", &self.digest_hex()).field("len", &self.bytes.len()).finish()
    }
}

/// The most files one frame carries (a frame holds at most 2 GiB, and a
/// scan is rarely under 30 KiB).
pub(crate) const MAX_FILES: usize = 1 << 16;
/// The digest and the length before each file's bytes.
const ENTRY_HEAD: usize = 32 + 8;

/// The files a writer puts in a frame: each one checked (not empty, its
/// digest its bytes'), each digest once (a file given twice is carried
/// once), in the order given.
pub(crate) fn distinct(files: &[CarriedFile]) -> Result<Vec<&CarriedFile>> {
    let mut seen = HashSet::with_capacity(files.len());
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        if file.bytes.is_empty() {
            return Err(BundleError::Encrypt(format!("the file {} is empty", file.digest_hex())));
        }
        if blake3::hash(&file.bytes).as_bytes() != &file.digest {
            return Err(BundleError::Encrypt(format!("the file {} does not match its digest", file.digest_hex())));
        }
        if seen.insert(file.digest) {
            out.push(file);
        }
    }
    if out.len() > MAX_FILES {
        return Err(BundleError::Encrypt(format!("{} files; a bundle carries at most {MAX_FILES}", out.len())));
    }
    Ok(out)
}

/// The size of the files section that [`write`] appends.
pub(crate) fn section_len(files: &[&CarriedFile]) -> u64 {
    4 + files.iter().map(|f| (ENTRY_HEAD + f.bytes.len()) as u64).sum::<u64>()
}

/// Appends the files section. Checks nothing: [`distinct`] did.
pub(crate) fn write(out: &mut Vec<u8>, files: &[&CarriedFile]) {
    out.extend_from_slice(&(files.len() as u32).to_be_bytes());
    for file in files {
        out.extend_from_slice(&file.digest);
        out.extend_from_slice(&(file.bytes.len() as u64).to_be_bytes());
        out.extend_from_slice(&file.bytes);
    }
}

/// One file of a frame as read: its digest as written and where its bytes
/// lie in the frame's buffer. Nothing is checked against the bytes yet.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub digest: [u8; 32],
    pub bytes: Range<usize>,
}

/// Reads the files section of a version 2 frame, leaving the cursor on the
/// signature. The structure only: the digests are checked by [`check`].
pub(crate) fn read(cursor: &mut Cursor<'_>) -> Result<Vec<Entry>> {
    let count = cursor.u32()? as usize;
    if count == 0 {
        // A writer with no files writes version 1.
        return Err(BundleError::Damaged("a version 2 frame without files".into()));
    }
    if count > MAX_FILES {
        return Err(BundleError::Damaged(format!("{count} files; a bundle carries at most {MAX_FILES}")));
    }
    // Reserve by what the bytes can hold, not by what the count claims.
    let mut entries = Vec::with_capacity(count.min(cursor.remaining() / (ENTRY_HEAD + 1)));
    for i in 0..count {
        let digest = cursor.array::<32>()?;
        let len = cursor.u64()?;
        if len == 0 {
            return Err(BundleError::Damaged(format!("file {} is empty", i + 1)));
        }
        let bytes = cursor.take_len(len)?;
        entries.push(Entry { digest, bytes });
    }
    Ok(entries)
}

/// The files of `entries`, checked: as many as the header says, each
/// digest once, each digest its bytes'.
pub(crate) fn check(entries: &[Entry], buffer: &[u8], expected: u64) -> Result<Vec<CarriedFile>> {
    if entries.len() as u64 != expected {
        return Err(BundleError::Damaged(format!(
            "the bundle carries {} files, its header says {expected}",
            entries.len()
        )));
    }
    let mut seen = HashSet::with_capacity(entries.len());
    let mut files = Vec::with_capacity(entries.len());
    for entry in entries {
        let hex = || blake3::Hash::from_bytes(entry.digest).to_hex();
        if !seen.insert(entry.digest) {
            return Err(BundleError::Damaged(format!("the file {} is carried twice", hex())));
        }
        let bytes = &buffer[entry.bytes.clone()];
        if blake3::hash(bytes).as_bytes() != &entry.digest {
            return Err(BundleError::Damaged(format!("the file {} does not match its digest", hex())));
        }
        files.push(CarriedFile { digest: entry.digest, bytes: bytes.to_vec() });
    }
    Ok(files)
}
