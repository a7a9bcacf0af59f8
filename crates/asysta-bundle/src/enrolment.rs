//! The enrolment file: what a centre gives an assistant's laptop so that
//! the laptop addresses its bundles to that centre and trusts the centre's
//! bundles. It holds only public keys; the assistant compares its
//! fingerprint with the one on the centre's screen.

use crate::error::BundleError;
use crate::keys::{Fingerprint, PublicKeys};
use crate::Result;
use asysta_core::DeviceId;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub const ENROLMENT_FORMAT: &str = "asysta-enrolment";
pub const ENROLMENT_VERSION: u32 = 1;

/// A centre's enrolment file (JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    pub format: String,
    pub version: u32,
    pub centre_name: String,
    pub workspace_id: Uuid,
    pub device_id: DeviceId,
    pub keys: PublicKeys,
    /// Of `keys`; checked on reading, so a file whose keys were swapped is
    /// refused.
    pub fingerprint: Fingerprint,
}

impl Enrolment {
    pub fn new(centre_name: &str, workspace_id: Uuid, device_id: DeviceId, keys: PublicKeys) -> Enrolment {
        let fingerprint = keys.fingerprint();
        Enrolment {
            format: ENROLMENT_FORMAT.into(),
            version: ENROLMENT_VERSION,
            centre_name: centre_name.to_owned(),
            workspace_id,
            device_id,
            keys,
            fingerprint,
        }
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).expect("an enrolment serializes");
        out.push(b'\n');
        out
    }

    /// Reads and checks an enrolment file.
    pub fn from_json(bytes: &[u8]) -> Result<Enrolment> {
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|_| BundleError::InvalidEnrolment("not a JSON file".into()))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(ENROLMENT_FORMAT) {
            return Err(BundleError::InvalidEnrolment("not an Asysta enrolment file".into()));
        }
        let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if version > u64::from(ENROLMENT_VERSION) {
            return Err(BundleError::InvalidEnrolment(format!(
                "version {version}; this version reads up to {ENROLMENT_VERSION}"
            )));
        }
        let enrolment: Enrolment =
            serde_json::from_value(value).map_err(|e| BundleError::InvalidEnrolment(e.to_string()))?;
        enrolment.keys.validate().map_err(|e| BundleError::InvalidEnrolment(e.to_string()))?;
        if enrolment.keys.fingerprint() != enrolment.fingerprint {
            return Err(BundleError::InvalidEnrolment("the fingerprint does not match the keys".into()));
        }
        if enrolment.centre_name.trim().is_empty() {
            return Err(BundleError::InvalidEnrolment("no centre name".into()));
        }
        Ok(enrolment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DeviceKeys;

    fn sample() -> Enrolment {
        let keys = DeviceKeys::generate([5; 32]);
        Enrolment::new("MOPS Wrocław", Uuid::from_u128(1), DeviceId(Uuid::from_u128(2)), keys.public())
    }

    #[test]
    fn an_enrolment_round_trips() {
        let e = sample();
        assert_eq!(Enrolment::from_json(&e.to_json()).unwrap(), e);
    }

    #[test]
    fn swapped_keys_or_a_foreign_file_are_refused() {
        let mut e = sample();
        e.keys = DeviceKeys::generate([6; 32]).public();
        assert!(matches!(Enrolment::from_json(&e.to_json()), Err(BundleError::InvalidEnrolment(_))));
        assert!(Enrolment::from_json(b"{\"format\":\"asysta-key\"}").is_err());
        assert!(Enrolment::from_json(b"\xff\xfe").is_err());
        let mut newer: serde_json::Value = serde_json::from_slice(&sample().to_json()).unwrap();
        newer["version"] = 2.into();
        let err = Enrolment::from_json(newer.to_string().as_bytes()).unwrap_err();
        assert!(err.to_string().contains("version 2"), "{err}");
    }
}
