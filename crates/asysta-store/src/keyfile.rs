//! The key file: the database key, wrapped by the user's passphrase.
//!
//! The database is encrypted with a random key. That key is kept in
//! `asysta.key`, sealed with XChaCha20-Poly1305 under a key derived from the
//! passphrase by Argon2id. Changing the passphrase rewrites this small file
//! only; a second wrap (the centre's recovery key) can be added beside the
//! first without touching the data.

use crate::error::{Result, StoreError};
use crate::fsutil::write_file_atomically;
use crate::secret::{DatabaseKey, Passphrase};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use std::path::Path;
use uuid::Uuid;
use zeroize::Zeroizing;

const FORMAT: &str = "asysta-key";
const VERSION: u32 = 1;
const RECOVERY: &str = "recovery";

/// Argon2id cost parameters, stored with each wrap so they can be raised
/// later without breaking old key files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfParams {
    /// The production cost: chosen so unlocking takes well under a second on
    /// a 2-core laptop (see docs/BENCHMARKS.md).
    pub const DEFAULT: KdfParams = KdfParams { memory_kib: 64 * 1024, iterations: 3, parallelism: 1 };

    /// A cheap cost for tests that create many workspaces. Never used by the
    /// app or the CLI.
    pub const INSECURE_FOR_TESTS: KdfParams = KdfParams { memory_kib: 1024, iterations: 1, parallelism: 1 };
}

impl Default for KdfParams {
    fn default() -> Self {
        KdfParams::DEFAULT
    }
}

/// The on-disk key file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFile {
    pub format: String,
    pub version: u32,
    pub workspace_id: Uuid,
    pub wraps: Vec<KeyWrap>,
}

/// One sealed copy of the database key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyWrap {
    /// What opens it: `passphrase`, or `recovery` (the centre's age
    /// identity: cipher `age-x25519`, the age file in `ciphertext`).
    pub kind: String,
    /// The passphrase's key derivation (absent for a recovery wrap).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kdf: Option<Kdf>,
    /// For a recovery wrap: the fingerprint of the centre it is sealed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    pub cipher: String,
    pub nonce: String,
    pub ciphertext: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kdf {
    pub algorithm: String,
    #[serde(flatten)]
    pub params: KdfParams,
    pub salt: String,
}

impl KeyFile {
    /// Seals `key` under `passphrase` into a new key file.
    pub fn seal(
        workspace_id: Uuid,
        key: &DatabaseKey,
        passphrase: &Passphrase,
        params: KdfParams,
        salt: [u8; 16],
        nonce: [u8; 24],
    ) -> Result<KeyFile> {
        let wrap = KeyWrap::seal(workspace_id, key, passphrase, params, salt, nonce)?;
        Ok(KeyFile { format: FORMAT.into(), version: VERSION, workspace_id, wraps: vec![wrap] })
    }

    /// Opens the database key with the passphrase.
    pub fn open(&self, passphrase: &Passphrase) -> Result<DatabaseKey> {
        let wrap = self.wraps.iter().find(|w| w.kind == "passphrase").ok_or_else(|| StoreError::KeyFileDamaged {
            path: Default::default(),
            reason: "no passphrase wrap".into(),
        })?;
        wrap.open(self.workspace_id, passphrase)
    }

    /// Replaces the passphrase wrap, keeping the same database key.
    pub fn rewrap(
        &self,
        key: &DatabaseKey,
        new_passphrase: &Passphrase,
        params: KdfParams,
        salt: [u8; 16],
        nonce: [u8; 24],
    ) -> Result<KeyFile> {
        let mut next = self.clone();
        let wrap = KeyWrap::seal(self.workspace_id, key, new_passphrase, params, salt, nonce)?;
        next.wraps.retain(|w| w.kind != "passphrase");
        next.wraps.insert(0, wrap);
        Ok(next)
    }

    /// Adds (or replaces) the recovery wrap: the database key encrypted
    /// with age to a centre's X25519 recipient, so that centre alone can
    /// reopen the workspace under a new passphrase.
    pub fn with_recovery(&self, age_file: &[u8], centre_fingerprint: &str) -> KeyFile {
        let mut next = self.clone();
        next.wraps.retain(|w| w.kind != RECOVERY);
        next.wraps.push(KeyWrap {
            kind: RECOVERY.into(),
            kdf: None,
            recipient: Some(centre_fingerprint.to_owned()),
            cipher: "age-x25519".into(),
            nonce: String::new(),
            ciphertext: BASE64.encode(age_file),
        });
        next
    }

    /// The recovery wrap's age file, if the workspace has one.
    pub fn recovery(&self) -> Option<(Vec<u8>, Option<&str>)> {
        let wrap = self.wraps.iter().find(|w| w.kind == RECOVERY && w.cipher == "age-x25519")?;
        Some((BASE64.decode(&wrap.ciphertext).ok()?, wrap.recipient.as_deref()))
    }

    pub fn read(path: &Path) -> Result<KeyFile> {
        let bytes = std::fs::read(path).map_err(StoreError::io(path))?;
        let damaged = |reason: String| StoreError::KeyFileDamaged { path: path.to_owned(), reason };
        let file: KeyFile = serde_json::from_slice(&bytes).map_err(|e| damaged(e.to_string()))?;
        if file.format != FORMAT {
            return Err(damaged(format!("unknown format {:?}", file.format)));
        }
        if file.version != VERSION {
            return Err(damaged(format!("unsupported version {}", file.version)));
        }
        Ok(file)
    }

    pub fn write(&self, path: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self)?;
        write_file_atomically(path, &json)
    }
}

impl KeyWrap {
    fn seal(
        workspace_id: Uuid,
        key: &DatabaseKey,
        passphrase: &Passphrase,
        params: KdfParams,
        salt: [u8; 16],
        nonce: [u8; 24],
    ) -> Result<KeyWrap> {
        let kek = derive(passphrase, &salt, params)?;
        let cipher = XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(&kek[..]));
        let aad = associated_data(workspace_id, "passphrase");
        let ciphertext = cipher
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: key.bytes(), aad: &aad })
            .map_err(|_| StoreError::Random("sealing the database key failed".into()))?;
        Ok(KeyWrap {
            kind: "passphrase".into(),
            kdf: Some(Kdf { algorithm: "argon2id".into(), params, salt: BASE64.encode(salt) }),
            recipient: None,
            cipher: "xchacha20poly1305".into(),
            nonce: BASE64.encode(nonce),
            ciphertext: BASE64.encode(ciphertext),
        })
    }

    fn open(&self, workspace_id: Uuid, passphrase: &Passphrase) -> Result<DatabaseKey> {
        let damaged = |reason: &str| StoreError::KeyFileDamaged { path: Default::default(), reason: reason.into() };
        let kdf = self.kdf.as_ref().ok_or_else(|| damaged("no key derivation"))?;
        if kdf.algorithm != "argon2id" || self.cipher != "xchacha20poly1305" {
            return Err(damaged("unknown algorithm"));
        }
        let salt = BASE64.decode(&kdf.salt).map_err(|_| damaged("salt is not base64"))?;
        let nonce = BASE64.decode(&self.nonce).map_err(|_| damaged("nonce is not base64"))?;
        let ciphertext = BASE64.decode(&self.ciphertext).map_err(|_| damaged("ciphertext is not base64"))?;
        if nonce.len() != 24 || salt.len() < 8 || ciphertext.len() != 32 + 16 {
            return Err(damaged("wrong field length"));
        }
        let kek = derive(passphrase, &salt, kdf.params)?;
        let cipher = XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(&kek[..]));
        let aad = associated_data(workspace_id, &self.kind);
        let plain = Zeroizing::new(
            cipher
                .decrypt(XNonce::from_slice(&nonce), Payload { msg: &ciphertext, aad: &aad })
                .map_err(|_| StoreError::WrongPassphrase)?,
        );
        let mut bytes = [0u8; 32];
        bytes.copy_from_slice(&plain);
        let key = DatabaseKey::from_bytes(bytes);
        zeroize::Zeroize::zeroize(&mut bytes);
        Ok(key)
    }
}

/// Binds a wrap to its workspace and kind, so a wrap copied from another
/// workspace's key file does not open.
fn associated_data(workspace_id: Uuid, kind: &str) -> Vec<u8> {
    format!("{FORMAT}/v{VERSION}/{workspace_id}/{kind}").into_bytes()
}

fn derive(passphrase: &Passphrase, salt: &[u8], params: KdfParams) -> Result<Zeroizing<[u8; 32]>> {
    let damaged = |e: argon2::Error| StoreError::KeyFileDamaged { path: Default::default(), reason: e.to_string() };
    let argon_params =
        argon2::Params::new(params.memory_kib, params.iterations, params.parallelism, Some(32)).map_err(damaged)?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, argon_params);
    let mut out = Zeroizing::new([0u8; 32]);
    argon.hash_password_into(passphrase.expose().as_bytes(), salt, out.as_mut()).map_err(damaged)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed(pass: &str) -> KeyFile {
        KeyFile::seal(
            Uuid::from_u128(1),
            &DatabaseKey::from_bytes([42; 32]),
            &Passphrase::new(pass),
            KdfParams::INSECURE_FOR_TESTS,
            [1; 16],
            [2; 24],
        )
        .unwrap()
    }

    #[test]
    fn the_right_passphrase_opens_the_key() {
        let key = sealed("dobre hasło 1").open(&Passphrase::new("dobre hasło 1")).unwrap();
        assert_eq!(key.bytes(), &[42; 32]);
    }

    #[test]
    fn a_wrong_passphrase_is_refused() {
        let err = sealed("dobre hasło 1").open(&Passphrase::new("dobre hasło 2")).err().unwrap();
        assert!(matches!(err, StoreError::WrongPassphrase), "{err:?}");
    }

    #[test]
    fn a_wrap_moved_to_another_workspace_does_not_open() {
        let mut file = sealed("dobre hasło 1");
        file.workspace_id = Uuid::from_u128(2);
        assert!(matches!(file.open(&Passphrase::new("dobre hasło 1")), Err(StoreError::WrongPassphrase)));
    }

    #[test]
    fn rewrap_changes_the_passphrase_but_not_the_key() {
        let file = sealed("stare hasło 1");
        let key = file.open(&Passphrase::new("stare hasło 1")).unwrap();
        let next = file
            .rewrap(&key, &Passphrase::new("nowe hasło 22"), KdfParams::INSECURE_FOR_TESTS, [3; 16], [4; 24])
            .unwrap();
        assert_eq!(next.wraps.len(), 1);
        assert_eq!(next.open(&Passphrase::new("nowe hasło 22")).unwrap().bytes(), &[42; 32]);
        assert!(matches!(next.open(&Passphrase::new("stare hasło 1")), Err(StoreError::WrongPassphrase)));
    }

    #[test]
    fn key_file_json_shape_is_stable() {
        let json = serde_json::to_value(sealed("dobre hasło 1")).unwrap();
        assert_eq!(json["format"], "asysta-key");
        assert_eq!(json["version"], 1);
        let wrap = &json["wraps"][0];
        assert_eq!(wrap["kind"], "passphrase");
        assert_eq!(wrap["kdf"]["algorithm"], "argon2id");
        assert_eq!(wrap["kdf"]["memory_kib"], 1024);
        assert_eq!(wrap["cipher"], "xchacha20poly1305");
        assert_eq!(wrap["nonce"], BASE64.encode([2u8; 24]));
    }
}
