//! The golden bundles of every format version (`tests/fixtures/bundles/vN/`):
//! every later version must keep reading them, header, events and files
//! exactly.
//!
//! The fixtures were written once by `write_v1_fixtures` and
//! `write_v2_fixtures` below (ignored; run them with
//! `cargo test -p asysta-bundle --test fixtures -- --ignored` only to add a
//! fixture, and commit the files). Their keys are test keys, committed in
//! `v1/identities.json`; the v2 fixtures use the same ones.

use asysta_bundle::{
    open, seal, seal_with_files, CarriedFile, DeviceKeys, Header, Party, PublicKeys, SeqRange, FORMAT_VERSION, MAGIC,
};
use asysta_core::workspace::Role;
use asysta_core::{Change, DeviceId, EntityType, Event, UserId};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde_json::json;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;
use uuid::Uuid;

/// The fixtures of format version `version`.
fn fixtures_dir(version: u16) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../../tests/fixtures/bundles/v{version}"))
}

/// The fixtures this test knows. A bundle file added to a folder without
/// a check here fails `every_fixture_is_checked`.
const LAPTOP_FIRST: &str = "laptop-first.asysta";
const CENTRE_BACK: &str = "centre-back.asysta";
/// Format version 2: a laptop's bundle with two scans.
const LAPTOP_SCANS: &str = "laptop-scans.asysta";
/// The files `laptop-scans.asysta` carries, in order, committed beside it,
/// and their BLAKE3 digests.
const SCAN_FILES: [&str; 2] = ["laptop-scans.court-order.pdf", "laptop-scans.letter.png"];
const SCAN_DIGESTS: [&str; 2] = [
    "baf217dd37b6a937e987c183b8643d230114bcd805b29ecdbd8532212f45cd05",
    "b0ece64c6c26db05e48d28010c27755278e52114a3e8a6e0191bea2252ca6b24",
];

// The fixtures' ids, fixed so that the checks below can name them.
const LAPTOP_DEVICE: &str = "0192f1a0-0000-7000-8000-00000000a001";
const LAPTOP_WORKSPACE: &str = "0192f1a0-0000-7000-8000-00000000a002";
const ANNA: &str = "0192f1a0-0000-7000-8000-00000000a003";
const CENTRE_DEVICE: &str = "0192f1a0-0000-7000-8000-00000000c001";
const CENTRE_WORKSPACE: &str = "0192f1a0-0000-7000-8000-00000000c002";
const MARIA: &str = "0192f1a0-0000-7000-8000-00000000c003";
const EWA_DEVICE: &str = "0192f1a0-0000-7000-8000-00000000e001";
const EWA_WORKSPACE: &str = "0192f1a0-0000-7000-8000-00000000e002";
const EWA: &str = "0192f1a0-0000-7000-8000-00000000e003";
const FAMILY: &str = "0192f1a0-0000-7000-8000-0000000f0001";
const MEMBER: &str = "0192f1a0-0000-7000-8000-0000000f0002";
const VISIT: &str = "0192f1a0-0000-7000-8000-0000000f0003";
const RESTRICTED_NOTE: &str = "0192f1a0-0000-7000-8000-0000000f0004";
const CENTRE_NOTE: &str = "0192f1a0-0000-7000-8000-0000000f0005";
const EWAS_FAMILY: &str = "0192f1a0-0000-7000-8000-0000000f0006";
const LAPTOP_BUNDLE: &str = "0192f1a0-0000-7000-8000-0000000b0001";
const CENTRE_BUNDLE: &str = "0192f1a0-0000-7000-8000-0000000b0002";
const SCANS_BUNDLE: &str = "0192f1a0-0000-7000-8000-0000000b0003";
const COURT_ORDER_NOTE: &str = "0192f1a0-0000-7000-8000-0000000f0007";
const LETTER_NOTE: &str = "0192f1a0-0000-7000-8000-0000000f0008";
/// 2025-12-01 09:00 UTC.
const T0: u64 = 1_764_579_600_000;

fn uuid(text: &str) -> Uuid {
    text.parse().unwrap()
}

fn device(text: &str) -> DeviceId {
    DeviceId(uuid(text))
}

/// The committed test keys of one workspace (`v1/identities.json`).
fn identity(name: &str) -> DeviceKeys {
    let keys = &identities()[name];
    let seed = BASE64.decode(keys["signing_seed"].as_str().unwrap()).unwrap();
    DeviceKeys::from_secret_parts(&seed, keys["age_identity"].as_str().unwrap()).unwrap()
}

fn identities() -> serde_json::Value {
    let text = std::fs::read_to_string(fixtures_dir(1).join("identities.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A fixture of format version 1.
fn read(name: &str) -> Vec<u8> {
    read_in(1, name)
}

fn read_in(version: u16, name: &str) -> Vec<u8> {
    std::fs::read(fixtures_dir(version).join(name)).unwrap_or_else(|e| panic!("v{version}/{name}: {e}"))
}

/// The events a fixture must hold, as committed beside it.
fn expected_events(bundle: &str) -> Vec<Event> {
    expected_events_in(1, bundle)
}

fn expected_events_in(version: u16, bundle: &str) -> Vec<Event> {
    let name = bundle.replace(".asysta", ".events.json");
    serde_json::from_slice(&read_in(version, &name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The frame inside a fixture, decrypted with the reference `age` crate
/// and the committed identity of `reader`.
fn frame_of(bytes: &[u8], reader: &str) -> Vec<u8> {
    let identity: age::x25519::Identity = identities()[reader]["age_identity"].as_str().unwrap().parse().unwrap();
    let decryptor = age::Decryptor::new_buffered(bytes).unwrap();
    let mut frame = Vec::new();
    decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).unwrap().read_to_end(&mut frame).unwrap();
    frame
}

/// A frame's parts: everything up to the events (magic, version, header),
/// and the events' JSON Lines, decompressed.
fn frame_parts(frame: &[u8]) -> (&[u8], Vec<u8>) {
    let at = MAGIC.len() + 2;
    let header_len = u32::from_be_bytes(frame[at..at + 4].try_into().unwrap()) as usize;
    let at = at + 4 + header_len;
    let events_len = u64::from_be_bytes(frame[at..at + 8].try_into().unwrap()) as usize;
    let mut json = Vec::new();
    flate2::read::DeflateDecoder::new(&frame[at + 8..at + 8 + events_len]).read_to_end(&mut json).unwrap();
    (&frame[..at], json)
}

fn kinds(events: &[Event]) -> Vec<(String, u64, &'static str)> {
    events.iter().map(|e| (e.device_id.to_string(), e.seq, e.change.kind())).collect()
}

#[test]
fn every_fixture_is_checked() {
    let bundles = |version: u16| {
        let mut names: Vec<String> = std::fs::read_dir(fixtures_dir(version))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".asysta"))
            .collect();
        names.sort();
        names
    };
    assert_eq!(bundles(1), [CENTRE_BACK, LAPTOP_FIRST]);
    assert_eq!(bundles(2), [LAPTOP_SCANS]);
    assert_eq!(FORMAT_VERSION, 2, "a new format version keeps reading v1 and v2: add tests/fixtures/bundles/v3/");
}

#[test]
fn a_laptops_first_bundle_of_v1_reads() {
    let (laptop, centre) = (identity("laptop"), identity("centre"));
    let bytes = read(LAPTOP_FIRST);
    // Encrypted to the receiver and to the sender itself.
    for reader in [&centre, &laptop] {
        let verified = open(&bytes, reader).unwrap();
        assert_eq!(verified.sender_keys(), &laptop.public());
        assert_eq!(
            verified.header,
            Header {
                bundle_id: uuid(LAPTOP_BUNDLE),
                created_at_ms: T0 + 60_000,
                sender: Party {
                    device_id: device(LAPTOP_DEVICE),
                    workspace_id: uuid(LAPTOP_WORKSPACE),
                    role: Role::Assistant,
                    user_id: UserId(uuid(ANNA)),
                    user_name: "Anna Łęcka".into(),
                    centre_name: "MOPS Łódź".into(),
                    keys: laptop.public(),
                },
                recipient_workspace: uuid(CENTRE_WORKSPACE),
                recipient_device: device(CENTRE_DEVICE),
                ranges: vec![SeqRange { device_id: device(LAPTOP_DEVICE), first: 1, last: 5, count: 5 }],
                event_count: 5,
                withheld_count: 1,
                marks: BTreeMap::from([(device(LAPTOP_DEVICE), 5)]),
                full: false,
                file_count: 0,
            }
        );
        let events = verified.events().unwrap();
        assert_eq!(events, expected_events(LAPTOP_FIRST));
        assert_eq!(
            kinds(&events),
            [
                (LAPTOP_DEVICE.into(), 1, "workspace.created"),
                (LAPTOP_DEVICE.into(), 2, "family.created"),
                (LAPTOP_DEVICE.into(), 3, "member.added"),
                (LAPTOP_DEVICE.into(), 4, "visit.recorded"),
                (LAPTOP_DEVICE.into(), 5, "event.withheld"),
            ]
        );
        assert!(matches!(&events[1].change, Change::FamilyCreated { name, .. } if name == "Kowalscy"));
        match &events[2].change {
            Change::MemberAdded { family_id, details } => {
                assert_eq!(family_id.to_string(), FAMILY);
                assert_eq!((details.first_name.as_str(), details.last_name.as_str()), ("Jan", "Kowalski"));
                assert_eq!(details.pesel.as_ref().map(|p| p.as_str()), Some("44051401359"));
            }
            other => panic!("{other:?}"),
        }
        match &events[3].change {
            Change::VisitRecorded { family_id, visit } => {
                assert_eq!(family_id.to_string(), FAMILY);
                assert_eq!(visit.date.to_string(), "2025-11-28");
                assert_eq!(visit.notes, "Pierwsza wizyta, rozmowa o budżecie domowym.");
                assert_eq!(visit.participants.iter().map(|p| p.to_string()).collect::<Vec<_>>(), [MEMBER]);
            }
            other => panic!("{other:?}"),
        }
        // The restricted note travels as its placeholder only: no text.
        let withheld = &events[4];
        assert_eq!((withheld.entity_type, withheld.entity_id.to_string()), (EntityType::Note, RESTRICTED_NOTE.into()));
        assert_eq!(withheld.schema_version, 3);
        match &withheld.change {
            Change::Withheld { record, family_id, digest } => {
                assert_eq!(*record, EntityType::Note);
                assert_eq!(family_id.map(|f| f.to_string()).as_deref(), Some(FAMILY));
                assert_eq!(digest.len(), 64);
            }
            other => panic!("{other:?}"),
        }
        assert!(!String::from_utf8_lossy(&bytes).contains("Kowalscy"), "the bundle is encrypted");
    }
}

#[test]
fn a_centres_bundle_back_of_v1_reads() {
    let (laptop, centre) = (identity("laptop"), identity("centre"));
    let bytes = read(CENTRE_BACK);
    for reader in [&laptop, &centre] {
        let verified = open(&bytes, reader).unwrap();
        assert_eq!(verified.sender_keys(), &centre.public());
        assert_eq!(
            verified.header,
            Header {
                bundle_id: uuid(CENTRE_BUNDLE),
                created_at_ms: T0 + 3_600_000,
                sender: Party {
                    device_id: device(CENTRE_DEVICE),
                    workspace_id: uuid(CENTRE_WORKSPACE),
                    role: Role::Centre,
                    user_id: UserId(uuid(MARIA)),
                    user_name: "Maria Zięba".into(),
                    centre_name: "MOPS Łódź".into(),
                    keys: centre.public(),
                },
                recipient_workspace: uuid(LAPTOP_WORKSPACE),
                recipient_device: device(LAPTOP_DEVICE),
                ranges: vec![
                    SeqRange { device_id: device(CENTRE_DEVICE), first: 1, last: 3, count: 3 },
                    SeqRange { device_id: device(EWA_DEVICE), first: 1, last: 2, count: 2 },
                ],
                event_count: 5,
                withheld_count: 1,
                marks: BTreeMap::from([
                    (device(LAPTOP_DEVICE), 5),
                    (device(CENTRE_DEVICE), 3),
                    (device(EWA_DEVICE), 2),
                ]),
                full: false,
                file_count: 0,
            }
        );
        let events = verified.events().unwrap();
        assert_eq!(events, expected_events(CENTRE_BACK));
        assert_eq!(
            kinds(&events),
            [
                (CENTRE_DEVICE.into(), 1, "workspace.created"),
                (CENTRE_DEVICE.into(), 2, "workspace.settings_set"),
                (CENTRE_DEVICE.into(), 3, "note.added"),
                (EWA_DEVICE.into(), 1, "workspace.created"),
                (EWA_DEVICE.into(), 2, "event.withheld"),
            ]
        );
        assert_eq!(
            events[1].change,
            Change::WorkspaceSettingsSet {
                caseload_cap: 12,
                no_visit_days: 21,
                evaluation_months: None,
                monitoring_months: None,
                lock_minutes: None,
                attachment_limit_mb: None,
            }
        );
        assert!(matches!(
            &events[2].change,
            Change::NoteAdded { family_id, text, restricted: false }
                if family_id.to_string() == FAMILY && text == "Rozmowa z kuratorem: termin 15 grudnia."
        ));
        // Ewa's family is another assistant's: only its placeholder.
        assert!(matches!(
            &events[4].change,
            Change::Withheld { record: EntityType::Family, family_id: Some(f), .. } if f.to_string() == EWAS_FAMILY
        ));
    }
}

#[test]
fn a_fixture_opens_for_no_other_workspace() {
    let stranger = DeviceKeys::generate([9; 32]);
    for (version, name) in [(1, LAPTOP_FIRST), (1, CENTRE_BACK), (2, LAPTOP_SCANS)] {
        let result = open(&read_in(version, name), &stranger);
        assert!(matches!(result, Err(asysta_bundle::BundleError::WrongRecipient)), "{name}");
    }
}

/// `seal` (and `seal_with_files` without files) still writes version 1 as
/// the fixtures were written: the same magic, version and header bytes,
/// and the same events. The compressed bytes and so the signature are not
/// compared: another DEFLATE implementation may compress differently.
#[test]
fn a_bundle_without_files_is_written_as_version_1_was() {
    let (laptop, centre) = (identity("laptop"), identity("centre"));
    let recipients = [centre.public().age_recipient, laptop.public().age_recipient];
    let recipients = [recipients[0].as_str(), recipients[1].as_str()];
    for (name, sender) in [(LAPTOP_FIRST, &laptop), (CENTRE_BACK, &centre)] {
        let bytes = read(name);
        let fixture = frame_of(&bytes, "centre");
        let verified = open(&bytes, &centre).unwrap();
        let events = verified.events().unwrap();
        for again in [
            seal(verified.header.clone(), &events, sender, &recipients).unwrap(),
            seal_with_files(verified.header.clone(), &events, &[], sender, &recipients).unwrap(),
        ] {
            let frame = frame_of(&again, "centre");
            assert_eq!(frame_parts(&frame), frame_parts(&fixture), "{name}");
        }
    }
}

/// The files of the v2 fixture, as committed beside it.
fn scan_files() -> Vec<CarriedFile> {
    SCAN_FILES.iter().map(|name| CarriedFile::new(read_in(2, name))).collect()
}

#[test]
fn a_laptops_bundle_with_scans_of_v2_reads() {
    let (laptop, centre) = (identity("laptop"), identity("centre"));
    let bytes = read_in(2, LAPTOP_SCANS);
    assert_eq!(frame_of(&bytes, "centre")[MAGIC.len()..MAGIC.len() + 2], 2u16.to_be_bytes());
    for reader in [&centre, &laptop] {
        let verified = open(&bytes, reader).unwrap();
        assert_eq!(verified.format_version(), 2);
        assert_eq!(verified.sender_keys(), &laptop.public());
        assert_eq!(
            verified.header,
            Header {
                bundle_id: uuid(SCANS_BUNDLE),
                created_at_ms: T0 + 7_200_000,
                sender: party(&laptop.public(), LAPTOP_DEVICE, LAPTOP_WORKSPACE, Role::Assistant, ANNA, "Anna Łęcka"),
                recipient_workspace: uuid(CENTRE_WORKSPACE),
                recipient_device: device(CENTRE_DEVICE),
                ranges: vec![SeqRange { device_id: device(LAPTOP_DEVICE), first: 6, last: 7, count: 2 }],
                event_count: 2,
                withheld_count: 0,
                marks: BTreeMap::from([
                    (device(LAPTOP_DEVICE), 7),
                    (device(CENTRE_DEVICE), 3),
                    (device(EWA_DEVICE), 2),
                ]),
                full: false,
                file_count: 2,
            }
        );
        let events = verified.events().unwrap();
        assert_eq!(events, expected_events_in(2, LAPTOP_SCANS));
        assert_eq!(kinds(&events), [(LAPTOP_DEVICE.into(), 6, "note.added"), (LAPTOP_DEVICE.into(), 7, "note.added")]);
        let files = verified.files().unwrap();
        assert_eq!(files, scan_files());
        assert_eq!(
            files.iter().map(|f| f.digest_hex()).collect::<Vec<_>>(),
            [SCAN_DIGESTS[0], SCAN_DIGESTS[1]],
            "the committed files are the ones the bundle carries"
        );
        assert!(files[0].bytes.starts_with(b"%PDF-") && files[1].bytes.starts_with(b"\x89PNG"));
    }
}

// ---- the generator ---------------------------------------------------------

fn event(value: serde_json::Value) -> Event {
    serde_json::from_value(value).unwrap()
}

fn envelope(device: &str, seq: u64, author: (&str, &str), entity: (&str, &str), change: serde_json::Value) -> Event {
    event(json!({
        "event_id": format!("0192f1a0-0000-7000-9000-{}0000{:04x}", &device[32..36], seq),
        "device_id": device,
        "seq": seq,
        "entity_type": entity.0,
        "entity_id": entity.1,
        "family_id": change.get("family_id").cloned().or_else(|| (entity.0 == "family").then(|| json!(entity.1))),
        "base_rev": 0,
        "hlc": { "wall_ms": T0 + seq * 1000, "counter": 0 },
        "schema_version": asysta_core::EVENT_SCHEMA_VERSION,
        "author": { "user_id": author.0, "name": author.1 },
        "change": change,
    }))
}

/// The placeholder of `event`, as asysta-store's `log::withheld` makes it;
/// the digest is computed as `log::digest_of` computes it in version 1 (an
/// importing store checks it only when the event itself arrives).
fn withheld(event: &Event) -> Event {
    let mut buf = Vec::new();
    let text = |buf: &mut Vec<u8>, s: &str| {
        buf.extend_from_slice(&(s.len() as u64).to_le_bytes());
        buf.extend_from_slice(s.as_bytes());
    };
    text(&mut buf, &event.event_id.to_string());
    text(&mut buf, event.entity_type.as_str());
    text(&mut buf, &event.entity_id.to_string());
    buf.extend_from_slice(&event.base_rev.to_le_bytes());
    buf.extend_from_slice(&event.hlc.wall_ms.to_le_bytes());
    buf.extend_from_slice(&event.hlc.counter.to_le_bytes());
    buf.extend_from_slice(&event.schema_version.to_le_bytes());
    text(&mut buf, &event.author.user_id.to_string());
    text(&mut buf, &event.author.name);
    serde_json::to_writer(&mut buf, &event.change).unwrap();
    buf.push(0);
    serde_json::to_writer(&mut buf, &event.based_on).unwrap();
    let digest = blake3::hash(&buf).to_hex().to_string();
    Event {
        schema_version: 3,
        change: Change::Withheld { record: event.entity_type, family_id: event.family_id, digest },
        ..event.clone()
    }
}

fn laptop_events() -> Vec<Event> {
    let anna = (ANNA, "Anna Łęcka");
    let note = envelope(
        LAPTOP_DEVICE,
        5,
        anna,
        ("note", RESTRICTED_NOTE),
        json!({ "type": "note.added", "family_id": FAMILY, "text": "Podejrzenie przemocy — tylko dla mnie", "restricted": true }),
    );
    vec![
        envelope(
            LAPTOP_DEVICE,
            1,
            anna,
            ("workspace", LAPTOP_WORKSPACE),
            json!({ "type": "workspace.created", "assistant_name": "Anna Łęcka", "centre_name": "MOPS Łódź" }),
        ),
        envelope(
            LAPTOP_DEVICE,
            2,
            anna,
            ("family", FAMILY),
            json!({ "type": "family.created", "name": "Kowalscy", "address": "ul. Piotrkowska 12 m. 4, 90-001 Łódź" }),
        ),
        envelope(
            LAPTOP_DEVICE,
            3,
            anna,
            ("member", MEMBER),
            json!({ "type": "member.added", "family_id": FAMILY, "first_name": "Jan", "last_name": "Kowalski",
                    "birth_date": "1944-05-14", "sex": "male", "relation": "parent", "pesel": "44051401359" }),
        ),
        envelope(
            LAPTOP_DEVICE,
            4,
            anna,
            ("visit", VISIT),
            json!({ "type": "visit.recorded", "family_id": FAMILY, "visit": {
                "date": "2025-11-28", "start": "10:00:00", "end": "11:30:00", "place": { "kind": "home" },
                "form": "home_visit", "participants": [MEMBER], "other_participants": "",
                "areas": ["budget_debts"], "actions_worked": [],
                "notes": "Pierwsza wizyta, rozmowa o budżecie domowym.", "next_planned": "2025-12-05",
                "intervention": null } }),
        ),
        withheld(&note),
    ]
}

fn centre_events() -> Vec<Event> {
    let maria = (MARIA, "Maria Zięba");
    let ewa = (EWA, "Ewa Nowak");
    let ewas_family = envelope(
        EWA_DEVICE,
        2,
        ewa,
        ("family", EWAS_FAMILY),
        json!({ "type": "family.created", "name": "Nowakowie", "address": "ul. Zgierska 3, 91-002 Łódź" }),
    );
    vec![
        envelope(
            CENTRE_DEVICE,
            1,
            maria,
            ("workspace", CENTRE_WORKSPACE),
            json!({ "type": "workspace.created", "assistant_name": "Maria Zięba", "centre_name": "MOPS Łódź" }),
        ),
        envelope(
            CENTRE_DEVICE,
            2,
            maria,
            ("workspace", "00000000-0000-0000-0000-000000000000"),
            json!({ "type": "workspace.settings_set", "caseload_cap": 12, "no_visit_days": 21 }),
        ),
        envelope(
            CENTRE_DEVICE,
            3,
            maria,
            ("note", CENTRE_NOTE),
            json!({ "type": "note.added", "family_id": FAMILY, "text": "Rozmowa z kuratorem: termin 15 grudnia.", "restricted": false }),
        ),
        envelope(
            EWA_DEVICE,
            1,
            ewa,
            ("workspace", EWA_WORKSPACE),
            json!({ "type": "workspace.created", "assistant_name": "Ewa Nowak", "centre_name": "MOPS Łódź" }),
        ),
        withheld(&ewas_family),
    ]
}

fn party(keys: &PublicKeys, device_id: &str, workspace: &str, role: Role, user: &str, name: &str) -> Party {
    Party {
        device_id: device(device_id),
        workspace_id: uuid(workspace),
        role,
        user_id: UserId(uuid(user)),
        user_name: name.into(),
        centre_name: "MOPS Łódź".into(),
        keys: keys.clone(),
    }
}

fn write_json(version: u16, name: &str, value: &impl serde::Serialize) {
    let mut text = serde_json::to_string_pretty(value).unwrap();
    text.push('\n');
    std::fs::write(fixtures_dir(version).join(name), text).unwrap();
}

/// Writes the v1 fixtures with new test keys, into a folder that does not
/// hold them yet. Run once; the files are committed and never rewritten
/// (a rewrite would only prove that this version reads what it writes).
#[test]
#[ignore = "writes tests/fixtures/bundles/v1/; run once by hand"]
fn write_v1_fixtures() {
    let dir = fixtures_dir(1);
    if dir.join(LAPTOP_FIRST).exists() {
        // `cargo test -- --ignored` must not rewrite the frozen files.
        eprintln!("{} holds the v1 fixtures already; nothing written", dir.display());
        return;
    }
    std::fs::create_dir_all(&dir).unwrap();
    let laptop = DeviceKeys::generate(*b"asysta v1 fixture: laptop key 01");
    let centre = DeviceKeys::generate(*b"asysta v1 fixture: centre key 01");
    let mut identities = serde_json::Map::new();
    for (name, keys, device) in [("laptop", &laptop, LAPTOP_DEVICE), ("centre", &centre, CENTRE_DEVICE)] {
        let (seed, age) = keys.secret_parts();
        identities.insert(
            name.into(),
            json!({
                "device_id": device,
                "signing_seed": BASE64.encode(&seed[..]),
                "age_identity": age.as_str(),
                "public": keys.public(),
                "fingerprint": keys.public().fingerprint(),
            }),
        );
    }
    write_json(1, "identities.json", &identities);

    let (l, c) = (laptop.public(), centre.public());
    let header = |bundle: &str, at: u64, sender: Party, to: (&str, &str), marks: &[(&str, u64)]| Header {
        bundle_id: uuid(bundle),
        created_at_ms: at,
        sender,
        recipient_workspace: uuid(to.1),
        recipient_device: device(to.0),
        ranges: Vec::new(),
        event_count: 0,
        withheld_count: 0,
        marks: marks.iter().map(|(d, n)| (device(d), *n)).collect(),
        full: false,
        file_count: 0,
    };
    let first = header(
        LAPTOP_BUNDLE,
        T0 + 60_000,
        party(&l, LAPTOP_DEVICE, LAPTOP_WORKSPACE, Role::Assistant, ANNA, "Anna Łęcka"),
        (CENTRE_DEVICE, CENTRE_WORKSPACE),
        &[(LAPTOP_DEVICE, 5)],
    );
    let events = laptop_events();
    let bytes = seal(first, &events, &laptop, &[&c.age_recipient, &l.age_recipient]).unwrap();
    std::fs::write(dir.join(LAPTOP_FIRST), bytes).unwrap();
    write_json(1, "laptop-first.events.json", &events);

    let back = header(
        CENTRE_BUNDLE,
        T0 + 3_600_000,
        party(&c, CENTRE_DEVICE, CENTRE_WORKSPACE, Role::Centre, MARIA, "Maria Zięba"),
        (LAPTOP_DEVICE, LAPTOP_WORKSPACE),
        &[(LAPTOP_DEVICE, 5), (CENTRE_DEVICE, 3), (EWA_DEVICE, 2)],
    );
    let events = centre_events();
    let bytes = seal(back, &events, &centre, &[&l.age_recipient, &c.age_recipient]).unwrap();
    std::fs::write(dir.join(CENTRE_BACK), bytes).unwrap();
    write_json(1, "centre-back.events.json", &events);
}

/// A one-page blank A4 PDF (a scan, as far as the bundle cares).
const COURT_ORDER_PDF: &str = concat!(
    "%PDF-1.4\n",
    "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
    "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
    "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n",
    "xref\n0 4\n",
    "0000000000 65535 f \n",
    "0000000009 00000 n \n",
    "0000000058 00000 n \n",
    "0000000115 00000 n \n",
    "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n186\n%%EOF\n",
);
/// A 2×2 PNG (a photo of a letter, as far as the bundle cares), base64.
const LETTER_PNG: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR42mOQ9+sBIgYIBQAZlgPlGM/rxwAAAABJRU5ErkJggg==";

/// The laptop's second bundle: two notes on the Kowalscy family, each
/// about a scan the bundle carries.
fn scan_events() -> Vec<Event> {
    let anna = (ANNA, "Anna Łęcka");
    vec![
        envelope(
            LAPTOP_DEVICE,
            6,
            anna,
            ("note", COURT_ORDER_NOTE),
            json!({ "type": "note.added", "family_id": FAMILY, "text": "Postanowienie sądu: skan w załączniku.", "restricted": false }),
        ),
        envelope(
            LAPTOP_DEVICE,
            7,
            anna,
            ("note", LETTER_NOTE),
            json!({ "type": "note.added", "family_id": FAMILY, "text": "Pismo z ZUS: zdjęcie w załączniku.", "restricted": false }),
        ),
    ]
}

/// Writes the v2 fixtures with the v1 test keys, into a folder that does
/// not hold them yet. Run once; the files are committed and never
/// rewritten.
#[test]
#[ignore = "writes tests/fixtures/bundles/v2/; run once by hand"]
fn write_v2_fixtures() {
    let dir = fixtures_dir(2);
    if dir.join(LAPTOP_SCANS).exists() {
        eprintln!("{} holds the v2 fixtures already; nothing written", dir.display());
        return;
    }
    std::fs::create_dir_all(&dir).unwrap();
    let (laptop, centre) = (identity("laptop"), identity("centre"));
    let (l, c) = (laptop.public(), centre.public());
    let header = Header {
        bundle_id: uuid(SCANS_BUNDLE),
        created_at_ms: T0 + 7_200_000,
        sender: party(&l, LAPTOP_DEVICE, LAPTOP_WORKSPACE, Role::Assistant, ANNA, "Anna Łęcka"),
        recipient_workspace: uuid(CENTRE_WORKSPACE),
        recipient_device: device(CENTRE_DEVICE),
        ranges: Vec::new(),
        event_count: 0,
        withheld_count: 0,
        marks: BTreeMap::from([(device(LAPTOP_DEVICE), 7), (device(CENTRE_DEVICE), 3), (device(EWA_DEVICE), 2)]),
        full: false,
        file_count: 0,
    };
    let contents = [COURT_ORDER_PDF.as_bytes().to_vec(), BASE64.decode(LETTER_PNG).unwrap()];
    for (name, bytes) in SCAN_FILES.iter().zip(&contents) {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let files: Vec<CarriedFile> = contents.into_iter().map(CarriedFile::new).collect();
    let events = scan_events();
    let bytes = seal_with_files(header, &events, &files, &laptop, &[&c.age_recipient, &l.age_recipient]).unwrap();
    std::fs::write(dir.join(LAPTOP_SCANS), bytes).unwrap();
    write_json(2, "laptop-scans.events.json", &events);
    for file in &files {
        eprintln!("{}", file.digest_hex());
    }
}
