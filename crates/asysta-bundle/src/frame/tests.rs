use super::*;
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

fn reframe(p: &Pair, edit: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let (bytes, _) = small_bundle(p);
    let mut frame = decrypt(&bytes, &p.centre).unwrap();
    edit(&mut frame);
    encrypt(&frame, &[&p.centre.public().age_recipient]).unwrap()
}

#[test]
fn a_newer_format_is_refused_by_name() {
    let p = pair();
    let bytes = reframe(&p, |f| f[MAGIC.len()..MAGIC.len() + 2].copy_from_slice(&2u16.to_be_bytes()));
    assert!(matches!(open(&bytes, &p.centre), Err(BundleError::TooNew { found: 2, supported: 1 })));
}

#[test]
fn a_frame_signed_by_another_key_is_refused() {
    let p = pair();
    let other = DeviceKeys::generate([4; 32]);
    // Re-sign the same frame with another key, keeping the header's keys.
    let bytes = reframe(&p, |f| {
        let n = f.len() - SIGNATURE_LEN;
        let sig = other.sign(&signed_message(&f[..n]));
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
