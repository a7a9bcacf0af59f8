//! Attachments: scans and photos kept with a case (a court order, a
//! certificate, a photo of a letter). A file is a PDF, a JPEG or a PNG, no
//! larger than the centre's limit; what it claims to be by its name must be
//! what its bytes are, and it must be whole. The event carries the file's
//! name, type, size and BLAKE3 digest; the bytes are kept once per digest
//! and travel in bundles beside the events.

use crate::ids::EntityId;
use crate::validation::{FieldError, FieldErrorCode};
use serde::{Deserialize, Serialize};

/// The limit per file before the centre sets one, in MB.
pub const DEFAULT_LIMIT_MB: u32 = 20;
/// The highest limit a centre may set, in MB.
pub const MAX_LIMIT_MB: u32 = 100;
/// The longest file name kept, in characters.
pub const MAX_FILE_NAME_CHARS: usize = 200;

/// Bytes in `mb` megabytes (MiB, as file managers count them).
pub fn limit_bytes(mb: u32) -> u64 {
    u64::from(mb) * 1024 * 1024
}

/// The kinds of file an attachment may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Pdf,
    Jpeg,
    Png,
}

impl FileKind {
    pub const ALL: [FileKind; 3] = [FileKind::Pdf, FileKind::Jpeg, FileKind::Png];

    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Jpeg => "jpeg",
            FileKind::Png => "png",
        }
    }

    pub fn parse(s: &str) -> Option<FileKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
        }
    }

    /// Whether the file is shown inline (an image) or opened (a PDF).
    pub fn is_image(self) -> bool {
        !matches!(self, FileKind::Pdf)
    }

    /// The kind a file name claims by its extension.
    pub fn of_name(name: &str) -> Option<FileKind> {
        let (_, extension) = name.rsplit_once('.')?;
        match extension.to_lowercase().as_str() {
            "pdf" => Some(FileKind::Pdf),
            "jpg" | "jpeg" => Some(FileKind::Jpeg),
            "png" => Some(FileKind::Png),
            _ => None,
        }
    }

    /// The kind the bytes are, by their signature.
    pub fn of_bytes(bytes: &[u8]) -> Option<FileKind> {
        if bytes.starts_with(b"%PDF-") {
            Some(FileKind::Pdf)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileKind::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(FileKind::Png)
        } else {
            None
        }
    }

    /// Whether the bytes end as a whole file of this kind does: a PDF's
    /// `%%EOF` near its end, a JPEG's end-of-image marker, a PNG's IEND
    /// chunk. A file cut short by a failed copy or scan does not.
    pub fn is_whole(self, bytes: &[u8]) -> bool {
        match self {
            FileKind::Pdf => {
                let tail = &bytes[bytes.len().saturating_sub(1024)..];
                tail.windows(5).any(|w| w == b"%%EOF")
            }
            FileKind::Jpeg => {
                // Some writers pad after the marker.
                let tail = &bytes[bytes.len().saturating_sub(64)..];
                tail.windows(2).any(|w| w == [0xFF, 0xD9])
            }
            FileKind::Png => {
                bytes.len() >= 12 && bytes[bytes.len() - 12..].starts_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D'])
            }
        }
    }
}

/// Why a file is refused. Each has a Fluent message `attachment-refused-<kind>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    /// Its name is not `.pdf`, `.jpg`, `.jpeg` or `.png`.
    UnsupportedType,
    /// Its bytes are not what its name says.
    WrongType,
    TooLarge {
        limit_mb: u32,
    },
    /// It ends before a whole file of its kind would.
    Truncated,
    /// Its name is empty or too long.
    BadName,
}

impl Refusal {
    pub fn message_id(self) -> &'static str {
        match self {
            Refusal::Empty => "attachment-refused-empty",
            Refusal::UnsupportedType => "attachment-refused-type",
            Refusal::WrongType => "attachment-refused-wrong-type",
            Refusal::TooLarge { .. } => "attachment-refused-too-large",
            Refusal::Truncated => "attachment-refused-truncated",
            Refusal::BadName => "attachment-refused-name",
        }
    }

    /// The refusal as the error of the form's `file` field.
    pub fn field_error(self) -> FieldError {
        match self {
            Refusal::TooLarge { limit_mb } => {
                let mut error = FieldError::with_limit("file", FieldErrorCode::TooLong, limit_mb);
                error.detail = Some(self.message_id().into());
                error
            }
            Refusal::Empty => FieldError::with_detail("file", FieldErrorCode::Required, self.message_id()),
            _ => FieldError::with_detail("file", FieldErrorCode::NotInList, self.message_id()),
        }
    }
}

/// Checks a file before it is attached: its name, its size against
/// `limit_mb`, its bytes against its name, and that it is whole. Its kind.
pub fn check_file(name: &str, bytes: &[u8], limit_mb: u32) -> Result<FileKind, Refusal> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_FILE_NAME_CHARS || name.contains(['/', '\\', '\0']) {
        return Err(Refusal::BadName);
    }
    let named = FileKind::of_name(name).ok_or(Refusal::UnsupportedType)?;
    check_size(bytes.len() as u64, limit_mb)?;
    if FileKind::of_bytes(bytes) != Some(named) {
        return Err(Refusal::WrongType);
    }
    if !named.is_whole(bytes) {
        return Err(Refusal::Truncated);
    }
    Ok(named)
}

/// Checks a file's size before it is read.
pub fn check_size(size: u64, limit_mb: u32) -> Result<(), Refusal> {
    match size {
        0 => Err(Refusal::Empty),
        size if size > limit_bytes(limit_mb) => Err(Refusal::TooLarge { limit_mb }),
        _ => Ok(()),
    }
}

/// What an attachment belongs to in its family's case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum AttachedTo {
    /// The family's record as a whole.
    Family,
    Visit(EntityId),
    Evaluation(EntityId),
    /// A court's request for an opinion (and the opinion written on it).
    Opinion(EntityId),
}

impl AttachedTo {
    pub fn kind(self) -> &'static str {
        match self {
            AttachedTo::Family => "family",
            AttachedTo::Visit(_) => "visit",
            AttachedTo::Evaluation(_) => "evaluation",
            AttachedTo::Opinion(_) => "opinion",
        }
    }

    pub fn record_id(self) -> Option<EntityId> {
        match self {
            AttachedTo::Family => None,
            AttachedTo::Visit(id) | AttachedTo::Evaluation(id) | AttachedTo::Opinion(id) => Some(id),
        }
    }

    /// From a kind and an id, as the CLI and the store's rows give them.
    pub fn from_parts(kind: &str, id: Option<EntityId>) -> Option<AttachedTo> {
        match (kind, id) {
            ("family", None) => Some(AttachedTo::Family),
            ("visit", Some(id)) => Some(AttachedTo::Visit(id)),
            ("evaluation", Some(id)) => Some(AttachedTo::Evaluation(id)),
            ("opinion", Some(id)) => Some(AttachedTo::Opinion(id)),
            _ => None,
        }
    }
}

/// An attached file as its event records it (the bytes are kept apart,
/// under `digest`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub target: AttachedTo,
    pub file_name: String,
    pub kind: FileKind,
    pub size: u64,
    /// BLAKE3 of the bytes, 64 lowercase hex digits.
    pub digest: String,
    /// Kept on the assistant's laptop and sent to the centre only when
    /// restricted notes are (as a restricted note is).
    pub restricted: bool,
}

/// Whether `digest` is 64 lowercase hex digits.
pub fn is_digest(digest: &str) -> bool {
    digest.len() == 64 && digest.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pdf() -> Vec<u8> {
        b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".to_vec()
    }

    fn png() -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
        bytes.extend_from_slice(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]);
        bytes
    }

    fn jpeg() -> Vec<u8> {
        vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0, 1, 0xFF, 0xD9]
    }

    #[test]
    fn a_whole_file_of_its_named_kind_is_accepted() {
        assert_eq!(check_file("postanowienie sądu.PDF", &pdf(), 20), Ok(FileKind::Pdf));
        assert_eq!(check_file("zdjęcie.jpg", &jpeg(), 20), Ok(FileKind::Jpeg));
        assert_eq!(check_file("skan.jpeg", &jpeg(), 20), Ok(FileKind::Jpeg));
        assert_eq!(check_file("skan.png", &png(), 20), Ok(FileKind::Png));
    }

    #[test]
    fn bad_files_are_refused_with_their_reason() {
        assert_eq!(check_file("skan.pdf", &png(), 20), Err(Refusal::WrongType), "a PNG named .pdf");
        assert_eq!(check_file("dokument.docx", &pdf(), 20), Err(Refusal::UnsupportedType));
        assert_eq!(check_file("bez rozszerzenia", &pdf(), 20), Err(Refusal::UnsupportedType));
        assert_eq!(check_file("pusty.pdf", b"", 20), Err(Refusal::Empty));
        let cut = &pdf()[..20];
        assert_eq!(check_file("ucięty.pdf", cut, 20), Err(Refusal::Truncated));
        assert_eq!(check_file("ucięty.png", &png()[..10], 20), Err(Refusal::Truncated));
        assert_eq!(check_file("ucięty.jpg", &jpeg()[..8], 20), Err(Refusal::Truncated));
        assert_eq!(check_file("../etc/passwd.pdf", &pdf(), 20), Err(Refusal::BadName));
        assert_eq!(check_file("  ", &pdf(), 20), Err(Refusal::BadName));
        let mut big = pdf();
        big.resize(limit_bytes(1) as usize + 1, b' ');
        big.extend_from_slice(b"%%EOF");
        assert_eq!(check_file("duży.pdf", &big, 1), Err(Refusal::TooLarge { limit_mb: 1 }));
        assert_eq!(check_file("duży.pdf", &big, 2), Ok(FileKind::Pdf));
    }

    #[test]
    fn a_refusal_is_the_file_fields_error_with_its_message() {
        let error = Refusal::TooLarge { limit_mb: 20 }.field_error();
        assert_eq!(
            (error.field.as_str(), error.limit, error.message_id()),
            ("file", Some(20), "attachment-refused-too-large")
        );
        assert_eq!(Refusal::Truncated.field_error().message_id(), "attachment-refused-truncated");
    }

    #[test]
    fn the_target_is_stable_on_the_wire() {
        let id: EntityId = "00000000-0000-0000-0000-000000000009".parse().unwrap();
        assert_eq!(serde_json::to_string(&AttachedTo::Family).unwrap(), r#"{"kind":"family"}"#);
        assert_eq!(
            serde_json::to_string(&AttachedTo::Visit(id)).unwrap(),
            r#"{"kind":"visit","id":"00000000-0000-0000-0000-000000000009"}"#
        );
        for target in [AttachedTo::Family, AttachedTo::Visit(id), AttachedTo::Evaluation(id), AttachedTo::Opinion(id)] {
            assert_eq!(AttachedTo::from_parts(target.kind(), target.record_id()), Some(target));
        }
        assert!(is_digest(&"a".repeat(64)) && !is_digest(&"A".repeat(64)) && !is_digest("ab"));
    }
}
