//! A workspace's keys: an age X25519 identity (bundles are encrypted to it)
//! and an Ed25519 signing key (its bundles are signed with it), and the
//! short fingerprint people compare on two screens.

use crate::error::BundleError;
use crate::Result;
use age::secrecy::ExposeSecret;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use zeroize::Zeroizing;

/// A workspace's secret keys. Kept inside the encrypted database, never in
/// a plain file (except the identity a centre's administrator exports on
/// purpose, see [`DeviceKeys::age_identity_file`]).
pub struct DeviceKeys {
    signing: SigningKey,
    age: age::x25519::Identity,
}

impl fmt::Debug for DeviceKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeviceKeys").field("public", &self.public()).finish_non_exhaustive()
    }
}

impl DeviceKeys {
    /// New keys: the signing key from the caller's 32 random bytes, the age
    /// identity from the operating system's generator.
    pub fn generate(signing_seed: [u8; 32]) -> DeviceKeys {
        DeviceKeys { signing: SigningKey::from_bytes(&signing_seed), age: age::x25519::Identity::generate() }
    }

    /// Keys read back from their secret parts (see [`DeviceKeys::secret_parts`]).
    pub fn from_secret_parts(signing_seed: &[u8], age_identity: &str) -> Result<DeviceKeys> {
        let seed: [u8; 32] =
            signing_seed.try_into().map_err(|_| BundleError::InvalidKey("signing key is not 32 bytes".into()))?;
        let age = age::x25519::Identity::from_str(age_identity.trim())
            .map_err(|e| BundleError::InvalidKey(format!("age identity: {e}")))?;
        Ok(DeviceKeys { signing: SigningKey::from_bytes(&seed), age })
    }

    /// The secret parts, for the encrypted database: the signing key's seed
    /// and the age identity (`AGE-SECRET-KEY-1…`).
    pub fn secret_parts(&self) -> (Zeroizing<[u8; 32]>, Zeroizing<String>) {
        (Zeroizing::new(self.signing.to_bytes()), Zeroizing::new(self.age.to_string().expose_secret().to_owned()))
    }

    /// The public halves, as they travel in enrolment files and bundles.
    pub fn public(&self) -> PublicKeys {
        PublicKeys {
            signing_key: BASE64.encode(self.signing.verifying_key().to_bytes()),
            age_recipient: self.age.to_public().to_string(),
        }
    }

    pub(crate) fn sign(&self, message: &[u8]) -> Signature {
        self.signing.sign(message)
    }

    pub(crate) fn age_identity(&self) -> &age::x25519::Identity {
        &self.age
    }

    /// The age identity as a file the reference `age` CLI reads
    /// (`age -d -i FILE bundle`): for a centre's administrator, who keeps it
    /// offline as the last way into the centre's bundles.
    pub fn age_identity_file(&self, centre_name: &str) -> Zeroizing<String> {
        Zeroizing::new(format!(
            "# Asysta: the age identity of the centre workspace \"{}\".\n\
             # Whoever holds this file can read every bundle addressed to the centre. Keep it offline.\n\
             # public key: {}\n{}\n",
            centre_name.replace(['\n', '\r'], " "),
            self.age.to_public(),
            self.age.to_string().expose_secret()
        ))
    }

    /// Decrypts a small secret that was encrypted to this identity with
    /// [`encrypt_to`] (the recovery wrap of a database key).
    pub fn decrypt_secret(&self, ciphertext: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
        age::decrypt(&self.age, ciphertext).map(Zeroizing::new).map_err(crate::frame::decrypt_error)
    }
}

/// Encrypts `plaintext` to one age recipient (`age1…`).
pub fn encrypt_to(recipient: &str, plaintext: &[u8]) -> Result<Vec<u8>> {
    let recipient = parse_recipient(recipient)?;
    age::encrypt(&recipient, plaintext).map_err(|e| BundleError::Encrypt(e.to_string()))
}

pub(crate) fn parse_recipient(text: &str) -> Result<age::x25519::Recipient> {
    age::x25519::Recipient::from_str(text.trim()).map_err(|e| BundleError::InvalidKey(format!("age recipient: {e}")))
}

/// A workspace's public keys.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PublicKeys {
    /// The Ed25519 verifying key, base64 of its 32 bytes.
    pub signing_key: String,
    /// The age X25519 recipient, `age1…`.
    pub age_recipient: String,
}

impl PublicKeys {
    /// Checks that both keys parse.
    pub fn validate(&self) -> Result<()> {
        self.verifying_key()?;
        parse_recipient(&self.age_recipient)?;
        Ok(())
    }

    pub(crate) fn verifying_key(&self) -> Result<VerifyingKey> {
        let bytes = BASE64
            .decode(self.signing_key.as_bytes())
            .map_err(|_| BundleError::InvalidKey("signing key is not base64".into()))?;
        let bytes: [u8; 32] =
            bytes.try_into().map_err(|_| BundleError::InvalidKey("signing key is not 32 bytes".into()))?;
        VerifyingKey::from_bytes(&bytes).map_err(|_| BundleError::InvalidKey("signing key is not a point".into()))
    }

    pub(crate) fn verify(&self, message: &[u8], signature: &Signature) -> Result<()> {
        let key = self.verifying_key()?;
        key.verify_strict(message, signature).map_err(|_| BundleError::BadSignature)
    }

    /// The short fingerprint both screens show before a device is trusted.
    pub fn fingerprint(&self) -> Fingerprint {
        let mut hasher = blake3::Hasher::new();
        hasher.update(b"asysta fingerprint v1\0");
        hasher.update(self.signing_key.as_bytes());
        hasher.update(b"\0");
        hasher.update(self.age_recipient.as_bytes());
        let hash = hasher.finalize();
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(&hash.as_bytes()[..8]);
        Fingerprint(bytes)
    }
}

/// 64 bits of a hash of a workspace's public keys, shown as four groups of
/// four hexadecimal digits (`3F2A-91BC-07DE-5A11`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint([u8; 8]);

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, pair) in self.0.chunks(2).enumerate() {
            if i > 0 {
                f.write_str("-")?;
            }
            write!(f, "{:02X}{:02X}", pair[0], pair[1])?;
        }
        Ok(())
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprint({self})")
    }
}

impl FromStr for Fingerprint {
    type Err = BundleError;

    /// Accepts what a person types: any case, with or without dashes or
    /// spaces.
    fn from_str(text: &str) -> Result<Fingerprint> {
        let hex: String = text.chars().filter(|c| !matches!(c, '-' | ' ' | ':')).collect();
        let bad = || BundleError::InvalidKey(format!("a fingerprint has 16 hexadecimal digits, got {text:?}"));
        if hex.len() != 16 || !hex.is_ascii() {
            return Err(bad());
        }
        let mut bytes = [0u8; 8];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
        }
        Ok(Fingerprint(bytes))
    }
}

impl Serialize for Fingerprint {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Fingerprint {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_survive_their_secret_parts() {
        let keys = DeviceKeys::generate([7; 32]);
        let (seed, identity) = keys.secret_parts();
        let back = DeviceKeys::from_secret_parts(&seed[..], &identity).unwrap();
        assert_eq!(back.public(), keys.public());
        back.public().validate().unwrap();
    }

    #[test]
    fn a_fingerprint_reads_back_as_typed() {
        let fp = DeviceKeys::generate([1; 32]).public().fingerprint();
        let text = fp.to_string();
        assert_eq!(text.len(), 19);
        assert_eq!(text.parse::<Fingerprint>().unwrap(), fp);
        assert_eq!(text.to_lowercase().replace('-', " ").parse::<Fingerprint>().unwrap(), fp);
        assert!("12-34".parse::<Fingerprint>().is_err());
        assert!("ZZZZ-91BC-07DE-5A11".parse::<Fingerprint>().is_err());
    }

    #[test]
    fn other_keys_have_another_fingerprint() {
        let a = DeviceKeys::generate([1; 32]).public();
        let mut b = a.clone();
        b.age_recipient = DeviceKeys::generate([1; 32]).public().age_recipient;
        assert_ne!(a.fingerprint(), b.fingerprint());
    }

    #[test]
    fn a_secret_encrypted_to_a_recipient_opens_only_with_its_identity() {
        let centre = DeviceKeys::generate([2; 32]);
        let other = DeviceKeys::generate([3; 32]);
        let sealed = encrypt_to(&centre.public().age_recipient, b"database key").unwrap();
        assert_eq!(&centre.decrypt_secret(&sealed).unwrap()[..], b"database key");
        assert!(matches!(other.decrypt_secret(&sealed), Err(BundleError::WrongRecipient)));
    }
}
