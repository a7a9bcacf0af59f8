//! What can be wrong with a bundle or an enrolment file.

use thiserror::Error;

/// Why a bundle (or an enrolment file) is refused. Every variant means
/// nothing was taken from it.
#[derive(Debug, Error)]
pub enum BundleError {
    /// Not an age file at all, or not one of ours inside.
    #[error("not an Asysta bundle")]
    NotABundle,
    /// Encrypted, but to none of the keys given: another workspace's bundle.
    #[error("the bundle is not addressed to this workspace")]
    WrongRecipient,
    /// A later format than this version reads.
    #[error("the bundle has format version {found}; this version reads up to {supported}")]
    TooNew { found: u16, supported: u16 },
    /// Cut short (a pulled USB stick, an interrupted copy).
    #[error("the bundle is truncated")]
    Truncated,
    /// A changed byte: the encryption's authentication, the frame or the
    /// signature does not hold.
    #[error("the bundle is damaged or was changed: {0}")]
    Damaged(String),
    /// The signature does not match the sending device's key.
    #[error("the bundle's signature does not match its sender")]
    BadSignature,
    /// Encryption failed (no recipient given, or an I/O error on a buffer).
    #[error("could not encrypt the bundle: {0}")]
    Encrypt(String),
    /// A key in text form that does not parse.
    #[error("invalid key: {0}")]
    InvalidKey(String),
    /// An enrolment file that is not one, or whose fingerprint does not
    /// match its keys.
    #[error("invalid enrolment file: {0}")]
    InvalidEnrolment(String),
}
