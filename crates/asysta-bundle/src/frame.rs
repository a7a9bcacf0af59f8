//! The bundle on the wire: age encryption around a signed frame.
//!
//! ```text
//! age file (X25519 recipients: the receiver, the sender)
//! └─ frame
//!    ├─ MAGIC            14 bytes  "ASYSTA-BUNDLE\0"
//!    ├─ format version    u16 big-endian (1: events only; 2: events and files)
//!    ├─ header length     u32 big-endian
//!    ├─ header            JSON (see `Header`)
//!    ├─ events length     u64 big-endian
//!    ├─ events            raw DEFLATE of JSON Lines, one event per line
//!    ├─ files             version 2 only: count, then per file digest, length, bytes (see `files`)
//!    └─ signature         64 bytes, Ed25519 over SIGNATURE_CONTEXT ‖ everything above
//! ```

use crate::error::BundleError;
use crate::files::{self, CarriedFile};
use crate::header::{ranges_of, Header};
use crate::keys::{parse_recipient, DeviceKeys, PublicKeys};
use crate::Result;
use asysta_core::Event;
use ed25519_dalek::Signature;
use std::fmt;
use std::io::{Read, Write};
use std::ops::Range;

/// The first bytes of every frame.
pub const MAGIC: &[u8; 14] = b"ASYSTA-BUNDLE\0";
/// The newest frame format this version writes and reads. It reads every
/// version from 1 up.
pub const FORMAT_VERSION: u16 = 2;
/// A frame of events only: what [`seal`] writes, and [`seal_with_files`]
/// without files, so that a bundle without files reads in older versions.
const VERSION_EVENTS: u16 = 1;
/// A frame that carries files after the events.
const VERSION_FILES: u16 = 2;
/// Signed before the frame, so a signature made for anything else never
/// verifies here. Version 2 signs under the same context: the version
/// number is in the signed bytes.
const SIGNATURE_CONTEXT: &[u8] = b"asysta bundle signature v1\0";
/// The largest header read (a header is a few kilobytes).
const MAX_HEADER: usize = 4 << 20;
/// The largest frame read or written (a centre's full export is tens of
/// megabytes, with scans a few hundred).
const MAX_FRAME: u64 = 2 << 30;
/// The largest events section after decompression.
const MAX_EVENTS_JSON: u64 = 4 << 30;
const SIGNATURE_LEN: usize = 64;

/// Writes a bundle of events only (format version 1): as
/// [`seal_with_files`] without files.
pub fn seal(header: Header, events: &[Event], sender: &DeviceKeys, recipients: &[&str]) -> Result<Vec<u8>> {
    seal_with_files(header, events, &[], sender, recipients)
}

/// Writes a bundle: frames `events` under `header` with `files` after them,
/// signs the frame with `sender`, and encrypts it to every recipient
/// (`age1…`). The header's `ranges`, `event_count`, `withheld_count` and
/// `file_count` are set from the events and the files, so they always
/// agree.
///
/// Without files the frame is format version 1, byte for byte what earlier
/// versions wrote; with files it is version 2. A file given twice (the same
/// digest) is carried once. An empty file, a digest that is not its bytes',
/// or a frame over 2 GiB is refused with [`BundleError::Encrypt`]: no
/// reader would accept the bundle.
pub fn seal_with_files(
    mut header: Header,
    events: &[Event],
    files: &[CarriedFile],
    sender: &DeviceKeys,
    recipients: &[&str],
) -> Result<Vec<u8>> {
    let files = files::distinct(files)?;
    header.ranges = ranges_of(events);
    header.event_count = events.len() as u64;
    header.withheld_count =
        events.iter().filter(|e| matches!(e.change, asysta_core::Change::Withheld { .. })).count() as u64;
    header.file_count = files.len() as u64;
    header.sender.keys = sender.public();
    let body = deflate_events(events)?;
    let signed = signed_frame(&header, &body, &files, sender)?;
    encrypt(&signed[SIGNATURE_CONTEXT.len()..], recipients)
}

/// The events as raw DEFLATE of JSON Lines.
fn deflate_events(events: &[Event]) -> Result<Vec<u8>> {
    let mut json = Vec::with_capacity(events.len() * 400);
    for event in events {
        serde_json::to_writer(&mut json, event).map_err(|e| BundleError::Encrypt(e.to_string()))?;
        json.push(b'\n');
    }
    let mut deflate =
        flate2::write::DeflateEncoder::new(Vec::with_capacity(json.len() / 4), flate2::Compression::fast());
    deflate.write_all(&json).map_err(|e| BundleError::Encrypt(e.to_string()))?;
    deflate.finish().map_err(|e| BundleError::Encrypt(e.to_string()))
}

/// `SIGNATURE_CONTEXT ‖ frame`, the frame signed: one buffer, so that the
/// signature needs no copy of the frame. The frame's version follows from
/// `files` (version 1 without). Takes the header as it is; checks nothing
/// of the files.
fn signed_frame(header: &Header, body: &[u8], files: &[&CarriedFile], sender: &DeviceKeys) -> Result<Vec<u8>> {
    let header_json = serde_json::to_vec(header).map_err(|e| BundleError::Encrypt(e.to_string()))?;
    if header_json.len() > MAX_HEADER {
        return Err(BundleError::Encrypt(format!("a header of {} bytes", header_json.len())));
    }
    let (version, files_len) =
        if files.is_empty() { (VERSION_EVENTS, 0) } else { (VERSION_FILES, files::section_len(files)) };
    let frame_len = (MAGIC.len() + 2 + 4 + header_json.len() + 8 + body.len() + SIGNATURE_LEN) as u64 + files_len;
    if frame_len > MAX_FRAME {
        return Err(BundleError::Encrypt(format!("the bundle would hold {frame_len} bytes, more than 2 GiB")));
    }
    let mut buffer = Vec::with_capacity(SIGNATURE_CONTEXT.len() + frame_len as usize);
    buffer.extend_from_slice(SIGNATURE_CONTEXT);
    buffer.extend_from_slice(MAGIC);
    buffer.extend_from_slice(&version.to_be_bytes());
    buffer.extend_from_slice(&(header_json.len() as u32).to_be_bytes());
    buffer.extend_from_slice(&header_json);
    buffer.extend_from_slice(&(body.len() as u64).to_be_bytes());
    buffer.extend_from_slice(body);
    if !files.is_empty() {
        files::write(&mut buffer, files);
    }
    let signature = sender.sign(&buffer);
    buffer.extend_from_slice(&signature.to_bytes());
    Ok(buffer)
}

/// Encrypts a frame to the recipients (`age1…`).
fn encrypt(frame: &[u8], recipients: &[&str]) -> Result<Vec<u8>> {
    let recipients: Vec<age::x25519::Recipient> =
        recipients.iter().map(|r| parse_recipient(r)).collect::<Result<_>>()?;
    let encryptor = age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
        .map_err(|e| BundleError::Encrypt(e.to_string()))?;
    let mut out = Vec::with_capacity(frame.len() + frame.len() / 4096 + 512);
    let mut writer = encryptor.wrap_output(&mut out).map_err(|e| BundleError::Encrypt(e.to_string()))?;
    writer.write_all(frame).map_err(|e| BundleError::Encrypt(e.to_string()))?;
    writer.finish().map_err(|e| BundleError::Encrypt(e.to_string()))?;
    Ok(out)
}

/// A bundle whose encryption and signature hold: its header is readable,
/// its events and files not checked yet.
pub struct Verified {
    pub header: Header,
    version: u16,
    /// `SIGNATURE_CONTEXT ‖ frame` as decrypted; the sections below are
    /// places in it, so that nothing is copied until it is asked for.
    buffer: Vec<u8>,
    events: Range<usize>,
    files: Vec<files::Entry>,
}

impl Verified {
    /// The keys the bundle was signed with (the header's, checked against
    /// the signature). The caller compares them with the device it enrolled
    /// before it calls [`Verified::events`].
    pub fn sender_keys(&self) -> &PublicKeys {
        &self.header.sender.keys
    }

    /// The frame's format version (1 or 2).
    pub fn format_version(&self) -> u16 {
        self.version
    }

    /// The events' JSON Lines, decompressed.
    pub fn events_json(&self) -> Result<Vec<u8>> {
        let events = &self.buffer[self.events.clone()];
        let mut json = Vec::with_capacity(events.len() * 4);
        let mut inflate = flate2::read::DeflateDecoder::new(events).take(MAX_EVENTS_JSON + 1);
        inflate.read_to_end(&mut json).map_err(|e| BundleError::Damaged(format!("events: {e}")))?;
        if json.len() as u64 > MAX_EVENTS_JSON {
            return Err(BundleError::Damaged("events too large".into()));
        }
        Ok(json)
    }

    /// The events, parsed, and checked against the header's counts and
    /// ranges.
    pub fn events(&self) -> Result<Vec<Event>> {
        let json = self.events_json()?;
        // Reserve by what the bytes can hold (an event is ~100 bytes at
        // least), not by what the header claims.
        let mut events = Vec::with_capacity((self.header.event_count as usize).min(json.len() / 100));
        for (i, line) in json.split(|b| *b == b'\n').enumerate() {
            if line.is_empty() {
                continue;
            }
            let event: Event = serde_json::from_slice(line)
                .map_err(|e| BundleError::Damaged(format!("event on line {}: {e}", i + 1)))?;
            events.push(event);
        }
        if events.len() as u64 != self.header.event_count || ranges_of(&events) != self.header.ranges {
            return Err(BundleError::Damaged("the events do not match the header".into()));
        }
        Ok(events)
    }

    /// The size of the events section (compressed), in bytes.
    pub fn events_len(&self) -> usize {
        self.events.len()
    }

    /// The files carried beside the events, in the order written, each
    /// checked: as many as the header's `file_count`, no digest twice,
    /// every digest its bytes'. Empty for a version 1 bundle. Copies the
    /// bytes out; call it once.
    pub fn files(&self) -> Result<Vec<CarriedFile>> {
        files::check(&self.files, &self.buffer, self.header.file_count)
    }
}

/// The header and the sizes, not the bytes (personal data, and up to
/// 2 GiB of them).
impl fmt::Debug for Verified {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verified")
            .field("header", &self.header)
            .field("version", &self.version)
            .field("events_len", &self.events.len())
            .field("files", &self.files.len())
            .finish()
    }
}

/// Reads a bundle addressed to `identity`: decrypts it, checks the frame,
/// and checks the signature against the key in the header. Parses nothing
/// else. Reads format versions 1 and 2.
pub fn open(bytes: &[u8], identity: &DeviceKeys) -> Result<Verified> {
    read_signed(decrypt(bytes, identity)?)
}

/// Decrypts a bundle into `SIGNATURE_CONTEXT ‖ frame`: the message the
/// signature is over, and the signature, in one buffer.
fn decrypt(bytes: &[u8], identity: &DeviceKeys) -> Result<Vec<u8>> {
    if !bytes.starts_with(b"age-encryption.org/") {
        return Err(if bytes.is_empty() { BundleError::Truncated } else { BundleError::NotABundle });
    }
    let decryptor = age::Decryptor::new_buffered(bytes).map_err(decrypt_error)?;
    let mut reader =
        decryptor.decrypt(std::iter::once(identity.age_identity() as &dyn age::Identity)).map_err(decrypt_error)?;
    // The frame is shorter than its encryption: one allocation.
    let mut buffer = Vec::with_capacity(SIGNATURE_CONTEXT.len() + bytes.len().min(MAX_FRAME as usize));
    buffer.extend_from_slice(SIGNATURE_CONTEXT);
    (&mut reader).take(MAX_FRAME + 1).read_to_end(&mut buffer).map_err(io_error)?;
    if (buffer.len() - SIGNATURE_CONTEXT.len()) as u64 > MAX_FRAME {
        return Err(BundleError::Damaged("the frame is larger than 2 GiB".into()));
    }
    Ok(buffer)
}

pub(crate) fn decrypt_error(e: age::DecryptError) -> BundleError {
    match e {
        age::DecryptError::NoMatchingKeys => BundleError::WrongRecipient,
        age::DecryptError::Io(io) => io_error(io),
        age::DecryptError::UnknownFormat => BundleError::NotABundle,
        other => BundleError::Damaged(other.to_string()),
    }
}

fn io_error(e: std::io::Error) -> BundleError {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => BundleError::Truncated,
        _ => BundleError::Damaged(e.to_string()),
    }
}

/// Reads `SIGNATURE_CONTEXT ‖ frame` and checks the signature.
fn read_signed(buffer: Vec<u8>) -> Result<Verified> {
    let (verified, signature) = parse_frame(buffer)?;
    let signed = &verified.buffer[..verified.buffer.len() - SIGNATURE_LEN];
    verified.header.sender.keys.verify(signed, &signature)?;
    Ok(verified)
}

/// Splits the frame in `buffer` (`SIGNATURE_CONTEXT ‖ frame`) and parses
/// its header and the places of its files; checks no signature and no
/// digest. Returns the signature with it.
fn parse_frame(buffer: Vec<u8>) -> Result<(Verified, Signature)> {
    let mut cursor = Cursor::new(&buffer, SIGNATURE_CONTEXT.len());
    if cursor.take(MAGIC.len())? != MAGIC {
        return Err(BundleError::NotABundle);
    }
    let version = cursor.u16()?;
    if version > FORMAT_VERSION {
        return Err(BundleError::TooNew { found: version, supported: FORMAT_VERSION });
    }
    if version == 0 {
        return Err(BundleError::Damaged("format version 0".into()));
    }
    let header_len = cursor.u32()? as usize;
    if header_len > MAX_HEADER {
        return Err(BundleError::Damaged("header too long".into()));
    }
    let header_bytes = cursor.take(header_len)?;
    let events_len = cursor.u64()?;
    let events = cursor.take_len(events_len)?;
    let files = if version >= VERSION_FILES { files::read(&mut cursor)? } else { Vec::new() };
    let signature = Signature::from_bytes(&cursor.array::<SIGNATURE_LEN>()?);
    if cursor.remaining() != 0 {
        return Err(BundleError::Damaged("bytes after the signature".into()));
    }
    let header: Header =
        serde_json::from_slice(header_bytes).map_err(|e| BundleError::Damaged(format!("header: {e}")))?;
    Ok((Verified { header, version, buffer, events, files }, signature))
}

/// `SIGNATURE_CONTEXT ‖ frame`, as [`decrypt`] returns it, for a frame read
/// without the age layer.
#[cfg(any(test, feature = "fuzzing"))]
fn with_context(frame: &[u8]) -> Vec<u8> {
    [SIGNATURE_CONTEXT, frame].concat()
}

/// Entry points for the fuzz targets (`crates/asysta-bundle/fuzz`), behind
/// the `fuzzing` feature: the frame reader without the age layer.
#[cfg(feature = "fuzzing")]
pub mod fuzzing {
    use super::*;

    /// Reads a decrypted frame as [`open`] does after decryption, with the
    /// signature checked.
    pub fn read_frame(frame: &[u8]) -> Result<Verified> {
        read_signed(with_context(frame))
    }

    /// Reads a decrypted frame without checking its signature, so that a
    /// fuzzer reaches the header, the events and the files.
    pub fn read_frame_unsigned(frame: &[u8]) -> Result<Verified> {
        parse_frame(with_context(frame)).map(|(verified, _)| verified)
    }
}

/// Reads a byte buffer front to back; every length is checked against
/// what remains before anything is taken, and positions are kept so that
/// a section can be found again in the buffer without copying it.
pub(crate) struct Cursor<'a> {
    buffer: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(buffer: &'a [u8], pos: usize) -> Cursor<'a> {
        Cursor { buffer, pos: pos.min(buffer.len()) }
    }

    pub fn remaining(&self) -> usize {
        self.buffer.len() - self.pos
    }

    /// The next `n` bytes' place in the buffer.
    pub fn take_range(&mut self, n: usize) -> Result<Range<usize>> {
        if self.remaining() < n {
            return Err(BundleError::Truncated);
        }
        let range = self.pos..self.pos + n;
        self.pos += n;
        Ok(range)
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let range = self.take_range(n)?;
        Ok(&self.buffer[range])
    }

    pub fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        Ok(self.take(N)?.try_into().expect("N bytes"))
    }

    pub fn u16(&mut self) -> Result<u16> {
        self.array().map(u16::from_be_bytes)
    }

    pub fn u32(&mut self) -> Result<u32> {
        self.array().map(u32::from_be_bytes)
    }

    pub fn u64(&mut self) -> Result<u64> {
        self.array().map(u64::from_be_bytes)
    }

    /// The next `len` bytes' place, where `len` comes from the frame: more
    /// than remains is a cut frame (also past `usize` on a 32-bit target).
    pub fn take_len(&mut self, len: u64) -> Result<Range<usize>> {
        if len > self.remaining() as u64 {
            return Err(BundleError::Truncated);
        }
        self.take_range(len as usize)
    }
}

#[cfg(test)]
mod tests;
