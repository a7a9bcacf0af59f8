//! The bundle on the wire: age encryption around a signed frame.
//!
//! ```text
//! age file (X25519 recipients: the receiver, the sender)
//! └─ frame
//!    ├─ MAGIC            14 bytes  "ASYSTA-BUNDLE\0"
//!    ├─ format version    u16 big-endian (1)
//!    ├─ header length     u32 big-endian
//!    ├─ header            JSON (see `Header`)
//!    ├─ events length     u64 big-endian
//!    ├─ events            raw DEFLATE of JSON Lines, one event per line
//!    └─ signature         64 bytes, Ed25519 over SIGNATURE_CONTEXT ‖ everything above
//! ```

use crate::error::BundleError;
use crate::header::{ranges_of, Header};
use crate::keys::{parse_recipient, DeviceKeys, PublicKeys};
use crate::Result;
use asysta_core::Event;
use ed25519_dalek::Signature;
use std::io::{Read, Write};

/// The first bytes of every frame.
pub const MAGIC: &[u8; 14] = b"ASYSTA-BUNDLE\0";
/// The frame format this version writes and the newest it reads.
pub const FORMAT_VERSION: u16 = 1;
/// Signed before the frame, so a signature made for anything else never
/// verifies here.
const SIGNATURE_CONTEXT: &[u8] = b"asysta bundle signature v1\0";
/// The largest header read (a header is a few kilobytes).
const MAX_HEADER: usize = 4 << 20;
/// The largest frame read (a centre's full export is tens of megabytes).
const MAX_FRAME: u64 = 2 << 30;
/// The largest events section after decompression.
const MAX_EVENTS_JSON: u64 = 4 << 30;
const SIGNATURE_LEN: usize = 64;

/// Writes a bundle: frames `events` under `header`, signs the frame with
/// `sender`, and encrypts it to every recipient (`age1…`). The header's
/// `ranges`, `event_count` and `withheld_count` are set from the events, so
/// they always agree.
pub fn seal(mut header: Header, events: &[Event], sender: &DeviceKeys, recipients: &[&str]) -> Result<Vec<u8>> {
    header.ranges = ranges_of(events);
    header.event_count = events.len() as u64;
    header.withheld_count =
        events.iter().filter(|e| matches!(e.change, asysta_core::Change::Withheld { .. })).count() as u64;
    header.sender.keys = sender.public();

    let header_json = serde_json::to_vec(&header).map_err(|e| BundleError::Encrypt(e.to_string()))?;
    let mut json = Vec::with_capacity(events.len() * 400);
    for event in events {
        serde_json::to_writer(&mut json, event).map_err(|e| BundleError::Encrypt(e.to_string()))?;
        json.push(b'\n');
    }
    let mut deflate =
        flate2::write::DeflateEncoder::new(Vec::with_capacity(json.len() / 4), flate2::Compression::fast());
    deflate.write_all(&json).map_err(|e| BundleError::Encrypt(e.to_string()))?;
    let body = deflate.finish().map_err(|e| BundleError::Encrypt(e.to_string()))?;
    let mut frame = Vec::with_capacity(MAGIC.len() + 14 + header_json.len() + body.len() + SIGNATURE_LEN);
    frame.extend_from_slice(MAGIC);
    frame.extend_from_slice(&FORMAT_VERSION.to_be_bytes());
    frame.extend_from_slice(&(header_json.len() as u32).to_be_bytes());
    frame.extend_from_slice(&header_json);
    frame.extend_from_slice(&(body.len() as u64).to_be_bytes());
    frame.extend_from_slice(&body);
    let signature = sender.sign(&signed_message(&frame));
    frame.extend_from_slice(&signature.to_bytes());
    encrypt(&frame, recipients)
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

fn signed_message(frame: &[u8]) -> Vec<u8> {
    let mut message = Vec::with_capacity(SIGNATURE_CONTEXT.len() + frame.len());
    message.extend_from_slice(SIGNATURE_CONTEXT);
    message.extend_from_slice(frame);
    message
}

/// A bundle whose encryption and signature hold: its header is readable,
/// its events not parsed yet.
#[derive(Debug)]
pub struct Verified {
    pub header: Header,
    events: Vec<u8>,
}

impl Verified {
    /// The keys the bundle was signed with (the header's, checked against
    /// the signature). The caller compares them with the device it enrolled
    /// before it calls [`Verified::events`].
    pub fn sender_keys(&self) -> &PublicKeys {
        &self.header.sender.keys
    }

    /// The events' JSON Lines, decompressed.
    pub fn events_json(&self) -> Result<Vec<u8>> {
        let mut json = Vec::with_capacity(self.events.len() * 4);
        let mut inflate = flate2::read::DeflateDecoder::new(&self.events[..]).take(MAX_EVENTS_JSON + 1);
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
}

/// Reads a bundle addressed to `identity`: decrypts it, checks the frame,
/// and checks the signature against the key in the header. Parses nothing
/// else.
pub fn open(bytes: &[u8], identity: &DeviceKeys) -> Result<Verified> {
    let frame = decrypt(bytes, identity)?;
    read_frame(&frame)
}

fn decrypt(bytes: &[u8], identity: &DeviceKeys) -> Result<Vec<u8>> {
    if !bytes.starts_with(b"age-encryption.org/") {
        return Err(if bytes.is_empty() { BundleError::Truncated } else { BundleError::NotABundle });
    }
    let decryptor = age::Decryptor::new_buffered(bytes).map_err(decrypt_error)?;
    let mut reader =
        decryptor.decrypt(std::iter::once(identity.age_identity() as &dyn age::Identity)).map_err(decrypt_error)?;
    let mut frame = Vec::new();
    (&mut reader).take(MAX_FRAME).read_to_end(&mut frame).map_err(io_error)?;
    Ok(frame)
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

fn read_frame(frame: &[u8]) -> Result<Verified> {
    let (verified, signed, signature) = parse_frame(frame)?;
    verified.header.sender.keys.verify(&signed_message(signed), &signature)?;
    Ok(verified)
}

/// Splits a frame and parses its header; checks no signature. Returns the
/// signed bytes and the signature with it.
fn parse_frame(frame: &[u8]) -> Result<(Verified, &[u8], Signature)> {
    let mut rest = frame;
    let magic = take(&mut rest, MAGIC.len())?;
    if magic != MAGIC {
        return Err(BundleError::NotABundle);
    }
    let version = u16::from_be_bytes(take(&mut rest, 2)?.try_into().expect("2 bytes"));
    if version > FORMAT_VERSION {
        return Err(BundleError::TooNew { found: version, supported: FORMAT_VERSION });
    }
    if version == 0 {
        return Err(BundleError::Damaged("format version 0".into()));
    }
    let header_len = u32::from_be_bytes(take(&mut rest, 4)?.try_into().expect("4 bytes")) as usize;
    if header_len > MAX_HEADER {
        return Err(BundleError::Damaged("header too long".into()));
    }
    let header_bytes = take(&mut rest, header_len)?;
    let events_len = u64::from_be_bytes(take(&mut rest, 8)?.try_into().expect("8 bytes"));
    if events_len > rest.len() as u64 {
        return Err(BundleError::Truncated);
    }
    let events = take(&mut rest, events_len as usize)?;
    let signature = take(&mut rest, SIGNATURE_LEN)?;
    if !rest.is_empty() {
        return Err(BundleError::Damaged("bytes after the signature".into()));
    }
    let signed = &frame[..frame.len() - SIGNATURE_LEN];
    let header: Header =
        serde_json::from_slice(header_bytes).map_err(|e| BundleError::Damaged(format!("header: {e}")))?;
    let signature = Signature::from_bytes(signature.try_into().expect("64 bytes"));
    Ok((Verified { header, events: events.to_vec() }, signed, signature))
}

/// Entry points for the fuzz targets (`crates/asysta-bundle/fuzz`), behind
/// the `fuzzing` feature: the frame reader without the age layer.
#[cfg(feature = "fuzzing")]
pub mod fuzzing {
    use super::*;

    /// Reads a decrypted frame as [`open`] does after decryption, with the
    /// signature checked.
    pub fn read_frame(frame: &[u8]) -> Result<Verified> {
        super::read_frame(frame)
    }

    /// Reads a decrypted frame without checking its signature, so that a
    /// fuzzer reaches the header and the events.
    pub fn read_frame_unsigned(frame: &[u8]) -> Result<Verified> {
        parse_frame(frame).map(|(verified, _, _)| verified)
    }
}

fn take<'a>(rest: &mut &'a [u8], n: usize) -> Result<&'a [u8]> {
    if rest.len() < n {
        return Err(BundleError::Truncated);
    }
    let (head, tail) = rest.split_at(n);
    *rest = tail;
    Ok(head)
}

#[cfg(test)]
mod tests;
