use super::*;
use crate::files::MAX_FILES;
use crate::header::Party;
use crate::SeqRange;
use asysta_core::workspace::Role;
use asysta_core::{Author, Change, DeviceId, EntityId, EventId, Hlc, UserId, EVENT_SCHEMA_VERSION};
use std::collections::BTreeMap;
use uuid::Uuid;

fn event(device: DeviceId, seq: u64, text: &str) -> Event {
    Event {
        event_id: EventId(Uuid::from_u128(1000 + seq as u128)),
        device_id: device,
        seq,
        entity_type: asysta_core::EntityType::Family,
        entity_id: EntityId(Uuid::from_u128(7)),
        family_id: Some(EntityId(Uuid::from_u128(7))),
        base_rev: 0,
        based_on: Vec::new(),
        hlc: Hlc { wall_ms: 1_764_000_000_000 + seq, counter: 0 },
        schema_version: EVENT_SCHEMA_VERSION,
        author: Author { user_id: UserId(Uuid::from_u128(3)), name: "Anna Łęcka".into() },
        change: Change::FamilyCreated { name: text.into(), address: "ul. Długa 1, Żórawina".into() },
    }
}

fn header(sender: &DeviceKeys, device: DeviceId) -> Header {
    Header {
        bundle_id: Uuid::from_u128(42),
        created_at_ms: 1_764_000_000_000,
        sender: Party {
            device_id: device,
            workspace_id: Uuid::from_u128(5),
            role: Role::Assistant,
            user_id: UserId(Uuid::from_u128(3)),
            user_name: "Anna Łęcka".into(),
            centre_name: "GOPS Żórawina".into(),
            keys: sender.public(),
        },
        recipient_workspace: Uuid::from_u128(6),
        recipient_device: DeviceId(Uuid::from_u128(8)),
        ranges: Vec::new(),
        event_count: 0,
        withheld_count: 0,
        marks: BTreeMap::from([(device, 2)]),
        full: false,
        file_count: 0,
    }
}

struct Pair {
    laptop: DeviceKeys,
    centre: DeviceKeys,
    device: DeviceId,
}

fn pair() -> Pair {
    Pair {
        laptop: DeviceKeys::generate([1; 32]),
        centre: DeviceKeys::generate([2; 32]),
        device: DeviceId(Uuid::from_u128(9)),
    }
}

fn small_bundle(p: &Pair) -> (Vec<u8>, Vec<Event>) {
    let events = vec![event(p.device, 1, "Kowalscy"), event(p.device, 2, "Nowakowie")];
    let r = [p.centre.public().age_recipient, p.laptop.public().age_recipient];
    let bytes = seal(header(&p.laptop, p.device), &events, &p.laptop, &[&r[0], &r[1]]).unwrap();
    (bytes, events)
}

#[test]
fn a_bundle_opens_for_the_receiver_and_the_sender() {
    let p = pair();
    let (bytes, events) = small_bundle(&p);
    for identity in [&p.centre, &p.laptop] {
        let verified = open(&bytes, identity).unwrap();
        assert_eq!(verified.events().unwrap(), events);
        assert_eq!(verified.sender_keys(), &p.laptop.public());
        let h = &verified.header;
        assert_eq!(h.event_count, 2);
        assert_eq!(h.ranges, vec![SeqRange { device_id: p.device, first: 1, last: 2, count: 2 }]);
    }
}

#[test]
fn another_workspace_cannot_open_it() {
    let p = pair();
    let (bytes, _) = small_bundle(&p);
    let stranger = DeviceKeys::generate([3; 32]);
    assert!(matches!(open(&bytes, &stranger), Err(BundleError::WrongRecipient)));
}

#[test]
fn every_changed_byte_is_refused() {
    let p = pair();
    let (bytes, _) = small_bundle(&p);
    for i in 0..bytes.len() {
        for flip in [0x01u8, 0x80] {
            let mut bad = bytes.clone();
            bad[i] ^= flip;
            let result = open(&bad, &p.centre).and_then(|v| v.events());
            assert!(result.is_err(), "byte {i} ^ {flip:#x} was accepted");
        }
    }
}

#[test]
fn every_truncation_is_refused() {
    let p = pair();
    let (bytes, _) = small_bundle(&p);
    for len in 0..bytes.len() {
        assert!(open(&bytes[..len], &p.centre).is_err(), "a bundle cut to {len} bytes was accepted");
    }
    assert!(matches!(open(&[], &p.centre), Err(BundleError::Truncated)));
}

#[test]
fn other_files_are_not_bundles() {
    let p = pair();
    assert!(matches!(open(b"%PDF-1.7 ...", &p.centre), Err(BundleError::NotABundle)));
    // An age file, but not a frame of ours.
    let r = p.centre.public().age_recipient;
    let foreign = encrypt(b"hello", &[&r]).unwrap();
    assert!(open(&foreign, &p.centre).is_err());
}

/// The frame inside a bundle, as `identity` decrypts it.
fn frame_of(bytes: &[u8], identity: &DeviceKeys) -> Vec<u8> {
    decrypt(bytes, identity).unwrap().split_off(SIGNATURE_CONTEXT.len())
}

/// A frame encrypted to the centre, as `seal` would (signed or not).
fn bundle_of(p: &Pair, frame: &[u8]) -> Vec<u8> {
    encrypt(frame, &[&p.centre.public().age_recipient]).unwrap()
}

fn reframe(p: &Pair, edit: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let (bytes, _) = small_bundle(p);
    let mut frame = frame_of(&bytes, &p.centre);
    edit(&mut frame);
    bundle_of(p, &frame)
}

#[test]
fn a_newer_format_is_refused_by_name() {
    let p = pair();
    let bytes = reframe(&p, |f| f[MAGIC.len()..MAGIC.len() + 2].copy_from_slice(&3u16.to_be_bytes()));
    assert!(matches!(open(&bytes, &p.centre), Err(BundleError::TooNew { found: 3, supported: 2 })));
}

#[test]
fn a_frame_signed_by_another_key_is_refused() {
    let p = pair();
    let other = DeviceKeys::generate([4; 32]);
    // Re-sign the same frame with another key, keeping the header's keys.
    let bytes = reframe(&p, |f| {
        let n = f.len() - SIGNATURE_LEN;
        let sig = other.sign(&[SIGNATURE_CONTEXT, &f[..n]].concat());
        f[n..].copy_from_slice(&sig.to_bytes());
    });
    assert!(matches!(open(&bytes, &p.centre), Err(BundleError::BadSignature)));
}

#[test]
fn a_withheld_note_is_counted_in_the_header() {
    let p = pair();
    let mut withheld = event(p.device, 3, "x");
    withheld.entity_type = asysta_core::EntityType::Note;
    withheld.change = Change::Withheld {
        record: asysta_core::EntityType::Note,
        family_id: Some(EntityId(Uuid::from_u128(7))),
        digest: "00".into(),
    };
    let events = vec![event(p.device, 1, "a"), withheld];
    let r = p.centre.public().age_recipient;
    let bytes = seal(header(&p.laptop, p.device), &events, &p.laptop, &[&r]).unwrap();
    let verified = open(&bytes, &p.centre).unwrap();
    assert_eq!(verified.header.withheld_count, 1);
    assert_eq!(verified.header.event_count, 2);
}

// ---- files (format version 2) ----------------------------------------------

/// A scan and a photo, small enough to flip every byte of.
fn scans() -> Vec<CarriedFile> {
    vec![
        CarriedFile::new(b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".to_vec()),
        CarriedFile::new(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR not really a picture".to_vec()),
    ]
}

fn bundle_with_files(p: &Pair, files: &[CarriedFile]) -> Vec<u8> {
    let events = vec![event(p.device, 1, "Kowalscy")];
    let r = [p.centre.public().age_recipient, p.laptop.public().age_recipient];
    seal_with_files(header(&p.laptop, p.device), &events, files, &p.laptop, &[&r[0], &r[1]]).unwrap()
}

/// A frame signed by the laptop with `files` written as given (unchecked)
/// under a header that claims `file_count`.
fn signed_frame_with(p: &Pair, files: &[CarriedFile], file_count: u64) -> Vec<u8> {
    let events = vec![event(p.device, 1, "Kowalscy")];
    let mut h = header(&p.laptop, p.device);
    h.ranges = ranges_of(&events);
    h.event_count = 1;
    h.file_count = file_count;
    let files: Vec<&CarriedFile> = files.iter().collect();
    let signed = signed_frame(&h, &deflate_events(&events).unwrap(), &files, &p.laptop).unwrap();
    signed[SIGNATURE_CONTEXT.len()..].to_vec()
}

/// Where the files section of a version 2 frame starts.
fn files_offset(frame: &[u8]) -> usize {
    let at = MAGIC.len() + 2;
    let header_len = u32::from_be_bytes(frame[at..at + 4].try_into().unwrap()) as usize;
    let at = at + 4 + header_len;
    let events_len = u64::from_be_bytes(frame[at..at + 8].try_into().unwrap()) as usize;
    at + 8 + events_len
}

fn read_unsigned(frame: &[u8]) -> Result<Verified> {
    parse_frame(with_context(frame)).map(|(verified, _)| verified)
}

#[test]
fn a_bundle_carries_its_files() {
    let p = pair();
    let files = scans();
    let bytes = bundle_with_files(&p, &files);
    for identity in [&p.centre, &p.laptop] {
        let verified = open(&bytes, identity).unwrap();
        assert_eq!(verified.format_version(), 2);
        assert_eq!(verified.header.file_count, 2);
        assert_eq!(verified.events().unwrap(), vec![event(p.device, 1, "Kowalscy")]);
        assert_eq!(verified.files().unwrap(), files);
    }
    let frame = frame_of(&bytes, &p.centre);
    assert_eq!(frame[MAGIC.len()..MAGIC.len() + 2], 2u16.to_be_bytes());
    // The bytes travel as they are, not compressed.
    let at = files_offset(&frame);
    assert_eq!(frame[at..at + 4], 2u32.to_be_bytes());
    assert_eq!(frame[at + 4..at + 36], files[0].digest);
    assert_eq!(frame[at + 36..at + 44], (files[0].bytes.len() as u64).to_be_bytes());
    assert_eq!(frame[at + 44..at + 44 + files[0].bytes.len()], files[0].bytes[..]);
    assert_eq!(frame.len(), at + 4 + 2 * 40 + files[0].bytes.len() + files[1].bytes.len() + SIGNATURE_LEN);
}

#[test]
fn without_files_the_frame_is_version_1_as_seal_writes_it() {
    let p = pair();
    let (sealed, _) = small_bundle(&p);
    let events = vec![event(p.device, 1, "Kowalscy"), event(p.device, 2, "Nowakowie")];
    let r = p.centre.public().age_recipient;
    let with_none = seal_with_files(header(&p.laptop, p.device), &events, &[], &p.laptop, &[&r]).unwrap();
    // age encrypts with a new key each time; the frames inside are equal.
    let frame = frame_of(&sealed, &p.centre);
    assert_eq!(frame_of(&with_none, &p.centre), frame);
    assert_eq!(frame[MAGIC.len()..MAGIC.len() + 2], 1u16.to_be_bytes());
    assert!(!String::from_utf8_lossy(&frame).contains("file_count"), "a version 1 header names no files");
    let verified = open(&with_none, &p.centre).unwrap();
    assert_eq!(verified.format_version(), 1);
    assert_eq!(verified.header.file_count, 0);
    assert_eq!(verified.files().unwrap(), []);
}

#[test]
fn a_header_without_files_is_a_version_1_header() {
    let p = pair();
    let mut h = header(&p.laptop, p.device);
    let text = serde_json::to_string(&h).unwrap();
    assert!(text.ends_with(r#"},"full":false}"#), "{text}");
    assert!(!text.contains("file_count"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    // A version 1 header reads with no files.
    assert_eq!(serde_json::from_value::<Header>(json).unwrap().file_count, 0);
    h.file_count = 2;
    let json = serde_json::to_value(&h).unwrap();
    assert_eq!(json["file_count"], 2);
    assert_eq!(serde_json::from_value::<Header>(json).unwrap(), h);
}

#[test]
fn seal_sets_the_file_count_and_carries_a_file_given_twice_once() {
    let p = pair();
    let files = scans();
    let twice = [files[0].clone(), files[1].clone(), files[0].clone()];
    let verified = open(&bundle_with_files(&p, &twice), &p.centre).unwrap();
    assert_eq!(verified.header.file_count, 2);
    assert_eq!(verified.files().unwrap(), files);
    // `seal` writes no files, whatever the header said.
    let mut h = header(&p.laptop, p.device);
    h.file_count = 5;
    let bytes = seal(h, &[], &p.laptop, &[&p.centre.public().age_recipient]).unwrap();
    let verified = open(&bytes, &p.centre).unwrap();
    assert_eq!((verified.format_version(), verified.header.file_count), (1, 0));
}

#[test]
fn an_empty_file_or_a_wrong_digest_is_not_sealed() {
    let p = pair();
    let r = p.centre.public().age_recipient;
    let empty = CarriedFile::new(Vec::new());
    let mut wrong = scans().remove(0);
    wrong.digest[0] ^= 1;
    for bad in [empty, wrong] {
        let result = seal_with_files(header(&p.laptop, p.device), &[], std::slice::from_ref(&bad), &p.laptop, &[&r]);
        assert!(matches!(result, Err(BundleError::Encrypt(_))), "{bad:?}: {result:?}");
    }
}

#[test]
fn a_digest_is_lower_case_hex_of_blake3() {
    let file = CarriedFile::new(b"abc".to_vec());
    assert_eq!(file.digest_hex(), "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85");
    assert_eq!(file.digest, *blake3::hash(b"abc").as_bytes());
    // Debug shows the digest and the size, never the bytes.
    assert_eq!(
        format!("{file:?}"),
        "CarriedFile { digest: \"6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85\", len: 3 }"
    );
}

#[test]
fn every_changed_byte_of_a_bundle_with_files_is_refused() {
    let p = pair();
    let bytes = bundle_with_files(&p, &scans());
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0x01;
        let result = open(&bad, &p.centre).and_then(|v| v.files());
        assert!(result.is_err(), "byte {i} was accepted");
    }
}

#[test]
fn a_changed_file_byte_breaks_the_signature() {
    let p = pair();
    let frame = frame_of(&bundle_with_files(&p, &scans()), &p.centre);
    // The count, every digest, length and byte of the files: re-encrypted,
    // not re-signed.
    for i in files_offset(&frame)..frame.len() - SIGNATURE_LEN {
        let mut bad = frame.clone();
        bad[i] ^= 0x01;
        let result = open(&bundle_of(&p, &bad), &p.centre);
        assert!(
            matches!(result, Err(BundleError::BadSignature | BundleError::Truncated | BundleError::Damaged(_))),
            "byte {i}: {result:?}"
        );
    }
    // A changed byte of a file's bytes leaves the structure whole: only the
    // signature tells.
    let mut bad = frame.clone();
    bad[files_offset(&frame) + 4 + 40] ^= 0x01;
    assert!(matches!(open(&bundle_of(&p, &bad), &p.centre), Err(BundleError::BadSignature)));
}

/// Checks that a signed frame opens and that its files are refused as
/// damaged.
#[track_caller]
fn check_files_refused(p: &Pair, frame: &[u8], why: &str) {
    let verified = open(&bundle_of(p, frame), &p.centre).unwrap();
    match verified.files() {
        Err(BundleError::Damaged(message)) => assert!(message.contains(why), "{message:?} does not say {why:?}"),
        other => panic!("files were not refused: {other:?}"),
    }
}

#[test]
fn files_that_do_not_hold_in_a_signed_frame_are_refused() {
    let p = pair();
    let files = scans();
    let mut wrong = files[1].clone();
    wrong.digest[31] ^= 1;
    check_files_refused(&p, &signed_frame_with(&p, &[files[0].clone(), wrong], 2), "does not match its digest");
    check_files_refused(&p, &signed_frame_with(&p, &[files[0].clone(), files[0].clone()], 2), "carried twice");
    check_files_refused(&p, &signed_frame_with(&p, &files, 3), "its header says 3");
    check_files_refused(&p, &signed_frame_with(&p, &files, 0), "its header says 0");
    // A version 1 frame whose header claims files.
    check_files_refused(&p, &signed_frame_with(&p, &[], 1), "carries 0 files, its header says 1");
}

#[test]
fn every_truncation_of_a_frame_with_files_is_refused() {
    let p = pair();
    let frame = frame_of(&bundle_with_files(&p, &scans()), &p.centre);
    for len in 0..frame.len() {
        let result = read_unsigned(&frame[..len]);
        assert!(matches!(result, Err(BundleError::Truncated)), "cut to {len}: {result:?}");
    }
    // Through age, re-encrypted: the frame is cut, not the file.
    let cut = files_offset(&frame) + 50;
    assert!(matches!(open(&bundle_of(&p, &frame[..cut]), &p.centre), Err(BundleError::Truncated)));
    // And the bundle file itself cut anywhere.
    let bytes = bundle_with_files(&p, &scans());
    for len in 0..bytes.len() {
        assert!(open(&bytes[..len], &p.centre).is_err(), "a bundle cut to {len} bytes was accepted");
    }
}

/// What a malformed frame is refused as.
#[derive(Debug, PartialEq)]
enum Refused {
    Truncated,
    Damaged,
}

/// Checks that a frame is refused before its signature is looked at.
#[track_caller]
fn check_malformed(frame: &[u8], expected: Refused) {
    let found = match read_unsigned(frame) {
        Err(BundleError::Truncated) => Refused::Truncated,
        Err(BundleError::Damaged(_)) => Refused::Damaged,
        other => panic!("not refused as {expected:?}: {other:?}"),
    };
    assert_eq!(found, expected);
}

#[test]
fn a_malformed_files_section_is_refused() {
    let p = pair();
    let frame = signed_frame_with(&p, &scans(), 2);
    let at = files_offset(&frame);
    let end = frame.len() - SIGNATURE_LEN;
    let set = |range: Range<usize>, bytes: &[u8]| {
        let mut f = frame.clone();
        f.splice(range, bytes.iter().copied());
        f
    };
    // A version 2 frame without files (a writer writes version 1).
    check_malformed(&set(at..end, &0u32.to_be_bytes()), Refused::Damaged);
    check_malformed(&set(at..at + 4, &(MAX_FILES as u32 + 1).to_be_bytes()), Refused::Damaged);
    // More files than bytes: refused without reserving for them.
    check_malformed(&set(at..at + 4, &(MAX_FILES as u32).to_be_bytes()), Refused::Truncated);
    check_malformed(&set(at..at + 4, &3u32.to_be_bytes()), Refused::Truncated);
    // One file less: the second one is where the signature should end.
    check_malformed(&set(at..at + 4, &1u32.to_be_bytes()), Refused::Damaged);
    check_malformed(&set(at + 36..at + 44, &u64::MAX.to_be_bytes()), Refused::Truncated);
    check_malformed(&set(at + 36..at + 44, &0u64.to_be_bytes()), Refused::Damaged);
    check_malformed(&[&frame[..], b"x"].concat(), Refused::Damaged);
    check_malformed(&frame[..end], Refused::Truncated);
}

proptest::proptest! {
    /// Any frame made by changing bytes of a good one is read without a
    /// panic, and its files are either refused or exactly the ones written
    /// (a change that leaves the digests whole changes nothing carried).
    #[test]
    fn a_changed_frame_never_panics(changes in proptest::collection::vec((0usize..4096, 0u8..=255), 1..8)) {
        let p = pair();
        let files = scans();
        let mut frame = signed_frame_with(&p, &files, 2);
        for (at, byte) in changes {
            let at = at % frame.len();
            frame[at] = byte;
        }
        if let Ok(verified) = read_unsigned(&frame) {
            let _ = verified.events();
            if let Ok(read) = verified.files() {
                for file in &read {
                    proptest::prop_assert_eq!(file, &CarriedFile::new(file.bytes.clone()));
                }
            }
        }
    }
}
