//! Arbitrary bytes as a bundle file: `open` with a fixed identity (the v1
//! fixtures' centre, so that the fixture bundles in the corpus decrypt),
//! then, when the frame verifies, the events. Nothing may panic.

#![no_main]

use asysta_bundle::{open, DeviceKeys};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// The test keys of `tests/fixtures/bundles/v1/identities.json` ("centre").
const SIGNING_SEED: &[u8; 32] = b"asysta v1 fixture: centre key 01";
const AGE_IDENTITY: &str = "AGE-SECRET-KEY-1HD4030FLJ3GDCVS70HXXKKMEX06ZDS5T3JF3CJAFAGWSQAU5ZZMQVXSH7T";

fn identity() -> &'static DeviceKeys {
    static KEYS: OnceLock<DeviceKeys> = OnceLock::new();
    KEYS.get_or_init(|| DeviceKeys::from_secret_parts(SIGNING_SEED, AGE_IDENTITY).expect("the fixture identity"))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(verified) = open(data, identity()) {
        let _ = verified.sender_keys().fingerprint();
        let _ = verified.events();
        let _ = verified.files();
    }
});
