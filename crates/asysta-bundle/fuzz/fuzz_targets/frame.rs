//! Arbitrary bytes as the frame behind the age layer (magic, version,
//! header, events, signature): read with the signature checked, and read
//! without it so that the header and the events are reached too. Nothing
//! may panic.

#![no_main]

use asysta_bundle::fuzzing::{read_frame, read_frame_unsigned};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(verified) = read_frame(data) {
        let _ = verified.events();
        let _ = verified.files();
    }
    if let Ok(verified) = read_frame_unsigned(data) {
        let _ = verified.sender_keys().validate();
        let _ = verified.events();
        let _ = verified.files();
    }
});
