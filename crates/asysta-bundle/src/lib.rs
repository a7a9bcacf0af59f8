//! Asysta's case bundles: the files that carry events between an
//! assistant's laptop and the centre (a USB stick, a shared folder, later
//! the network). Bytes in, bytes out: no database, no files, no clock.
//!
//! A bundle is an [age] file encrypted to X25519 recipients (the receiver and
//! the sender itself). Inside is a frame: a magic line and format version, a
//! JSON [`Header`], the events as JSON Lines, the files the events name
//! ([`CarriedFile`], format version 2 only), and an Ed25519 signature by the
//! sending device over all of it. The format is written down in
//! `docs/BUNDLE_FORMAT.md` and frozen by the fixtures in
//! `tests/fixtures/bundles/v1/` and `v2/`.
//!
//! Reading is layered so that nothing is trusted before it is checked:
//! [`open`] decrypts and checks the frame and the signature against the key
//! the header names; the caller then compares that key with the one it
//! enrolled ([`Verified::sender_keys`]) and only then parses the events
//! ([`Verified::events`], [`Verified::files`]).
//!
//! [age]: https://age-encryption.org/v1

mod enrolment;
mod error;
mod files;
mod frame;
mod header;
mod keys;

pub use enrolment::{Enrolment, ENROLMENT_FORMAT, ENROLMENT_VERSION};
pub use error::BundleError;
pub use files::CarriedFile;
#[cfg(feature = "fuzzing")]
pub use frame::fuzzing;
pub use frame::{open, seal, seal_with_files, Verified, FORMAT_VERSION, MAGIC};
pub use header::{ranges_of, Header, Party, SeqRange};
pub use keys::{encrypt_to, DeviceKeys, Fingerprint, PublicKeys};

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, BundleError>;
