//! Secrets as types: redacted `Debug`, no `Serialize`, zeroized on drop.

use std::fmt;
use zeroize::{Zeroize, ZeroizeOnDrop};

/// A passphrase as the user typed it.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Passphrase(String);

impl Passphrase {
    pub fn new(text: impl Into<String>) -> Passphrase {
        Passphrase(text.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(<redacted>)")
    }
}

/// The random 256-bit key SQLCipher encrypts the database with.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct DatabaseKey([u8; 32]);

impl DatabaseKey {
    pub(crate) fn from_bytes(bytes: [u8; 32]) -> DatabaseKey {
        DatabaseKey(bytes)
    }

    /// The key from bytes recovered elsewhere (a recovery wrap).
    pub(crate) fn from_slice(bytes: &[u8]) -> Option<DatabaseKey> {
        Some(DatabaseKey(bytes.try_into().ok()?))
    }

    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The SQLCipher raw-key literal `x'<64 hex digits>'`.
    pub(crate) fn sqlcipher_literal(&self) -> zeroize::Zeroizing<String> {
        let mut s = String::with_capacity(67);
        s.push_str("x'");
        for b in self.0 {
            s.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
            s.push(char::from_digit(u32::from(b & 0xf), 16).unwrap_or('0'));
        }
        s.push('\'');
        zeroize::Zeroizing::new(s)
    }
}

impl fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DatabaseKey(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_a_secret() {
        assert_eq!(format!("{:?}", Passphrase::new("tajne hasło")), "Passphrase(<redacted>)");
        assert_eq!(format!("{:?}", DatabaseKey::from_bytes([7; 32])), "DatabaseKey(<redacted>)");
    }

    #[test]
    fn sqlcipher_literal_is_hex() {
        let mut bytes = [0u8; 32];
        bytes[0] = 0xab;
        bytes[31] = 0x01;
        let lit = DatabaseKey::from_bytes(bytes).sqlcipher_literal();
        assert_eq!(lit.len(), 67);
        assert!(lit.starts_with("x'ab00"));
        assert!(lit.ends_with("01'"));
    }
}
