//! Attachments on real SQLCipher files: attached, refused, kept once per
//! digest, removed as an event, carried to the centre (a restricted one only
//! when restricted notes go), and every table equal to its rebuild.

use crate::exchange::tests::{export, import, site};
use crate::sync::tests::d;
use crate::tests::family;
use crate::{ExportRequest, StoreError};
use asysta_core::attachment::AttachedTo;
use asysta_core::ops;
use asysta_core::visit::VisitForm;
use asysta_core::EntityId;
use std::path::{Path, PathBuf};

/// A small whole PDF whose content differs by `tag`.
pub(crate) fn pdf(tag: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {tag}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n").into_bytes()
}

/// A whole PNG (a signature and an IEND chunk).
pub(crate) fn png() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend_from_slice(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]);
    bytes
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

fn field_detail(result: crate::Result<EntityId>) -> String {
    match result {
        Err(StoreError::Invalid(fields)) => format!("{}:{}", fields[0].field, fields[0].message_id()),
        other => panic!("{other:?}"),
    }
}

fn file_rows(store: &crate::Store) -> i64 {
    store.conn.query_row("SELECT count(*) FROM attachment_files", [], |r| r.get(0)).unwrap()
}

#[test]
fn files_are_attached_checked_kept_once_and_removed_as_an_event() {
    let mut s = site();
    let today = d("2026-12-07");
    let files = tempfile::tempdir().unwrap();
    let family_id: EntityId = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let form = VisitForm {
        date: "2026-12-07".into(),
        start: "10:00".into(),
        end: "11:00".into(),
        place: "home".into(),
        form: "home_visit".into(),
        notes: "Rozmowa.".into(),
        ..Default::default()
    };
    let visit_id = s.anna.run(ops::RecordVisit { family_id, form }, today).unwrap();

    let order = write(files.path(), "postanowienie.pdf", &pdf("order"));
    let add = |path: &str, target| ops::AddAttachment { family_id, target, path: path.into(), restricted: false };
    let order_id = s.anna.run(add(&order, AttachedTo::Family), today).unwrap();
    let photo = write(files.path(), "zdjęcie pisma.png", &png());
    let photo_id = s.anna.run(add(&photo, AttachedTo::Visit(visit_id)), today).unwrap();
    // The same scan again, under another name: its bytes are kept once.
    let again = write(files.path(), "kopia.pdf", &pdf("order"));
    s.anna.run(add(&again, AttachedTo::Family), today).unwrap();
    assert_eq!(file_rows(&s.anna), 2);
    let listed = s.anna.attachments(family_id).unwrap();
    assert_eq!(listed.len(), 3);
    let photo_view = listed.iter().find(|a| a.id == photo_id).unwrap();
    assert_eq!((photo_view.file_name.as_str(), photo_view.target), ("zdjęcie pisma.png", AttachedTo::Visit(visit_id)));
    let (view, bytes) = s.anna.attachment_file(order_id).unwrap();
    assert_eq!((view.size as usize, bytes), (pdf("order").len(), pdf("order")));

    // Bad files are refused with their reason; nothing is written.
    let other = s.anna.add_family(&family("Nowakowie", "Ewa")).unwrap();
    let events_before: i64 = s.anna.conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0)).unwrap();
    let wrong = write(files.path(), "skan.pdf", &png());
    assert_eq!(field_detail(s.anna.run(add(&wrong, AttachedTo::Family), today)), "file:attachment-refused-wrong-type");
    let cut = write(files.path(), "ucięty.pdf", &pdf("cut")[..20]);
    assert_eq!(field_detail(s.anna.run(add(&cut, AttachedTo::Family), today)), "file:attachment-refused-truncated");
    let doc = write(files.path(), "pismo.docx", &pdf("docx"));
    assert_eq!(field_detail(s.anna.run(add(&doc, AttachedTo::Family), today)), "file:attachment-refused-type");
    let gone = files.path().join("nie ma.pdf").to_string_lossy().into_owned();
    assert_eq!(field_detail(s.anna.run(add(&gone, AttachedTo::Family), today)), "file:attachment-refused-unreadable");
    // Over the limit (the default 20 MB): refused before it is read.
    let big = files.path().join("duży.pdf");
    std::fs::File::create(&big).unwrap().set_len(21 * 1024 * 1024).unwrap();
    let big = big.to_string_lossy().into_owned();
    assert_eq!(field_detail(s.anna.run(add(&big, AttachedTo::Family), today)), "file:attachment-refused-too-large");
    // A visit of another family is not this case's.
    let foreign =
        ops::AddAttachment { family_id: other, target: AttachedTo::Visit(visit_id), path: order, restricted: false };
    assert!(matches!(s.anna.run(foreign, today), Err(StoreError::NotFound(_))));
    let events_after: i64 = s.anna.conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0)).unwrap();
    assert_eq!(events_before, events_after);

    // Removed as an event: off the list, its file still in the history.
    s.anna.run(ops::RemoveAttachment { attachment_id: photo_id }, today).unwrap();
    assert_eq!(s.anna.attachments(family_id).unwrap().len(), 2);
    assert!(matches!(s.anna.attachment_file(photo_id), Err(StoreError::NotFound(_))));
    assert_eq!(file_rows(&s.anna), 2);
    let report = s.anna.check().unwrap();
    assert!(report.ok, "{report:?}");
}

#[test]
fn attachments_travel_with_their_files_and_a_restricted_one_only_when_asked() {
    let mut s = site();
    let today = d("2026-12-07");
    let files = tempfile::tempdir().unwrap();
    let family_id: EntityId = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let open = write(files.path(), "postanowienie.pdf", &pdf("court"));
    let private = write(files.path(), "zaświadczenie lekarskie.png", &png());
    let open_id = s
        .anna
        .run(ops::AddAttachment { family_id, target: AttachedTo::Family, path: open, restricted: false }, today)
        .unwrap();
    let private_id = s
        .anna
        .run(ops::AddAttachment { family_id, target: AttachedTo::Family, path: private, restricted: true }, today)
        .unwrap();

    let bundle = export(&mut s.anna, &s.root.join("b1.asysta"), ExportRequest::default());
    import(&mut s.centre, &bundle, Some(&s.anna)).unwrap();
    let at_centre = s.centre.attachments(family_id).unwrap();
    assert_eq!(at_centre.iter().map(|a| a.id).collect::<Vec<_>>(), [open_id], "the restricted one is withheld");
    assert_eq!(s.centre.attachment_file(open_id).unwrap().1, pdf("court"));
    assert_eq!(file_rows(&s.centre), 1, "a withheld attachment's file does not travel");
    assert!(s.centre.check().unwrap().ok);

    // Asked for: the restricted one goes too, with its file.
    let request = ExportRequest { full: true, include_restricted: true, ..Default::default() };
    let bundle = export(&mut s.anna, &s.root.join("b2.asysta"), request);
    import(&mut s.centre, &bundle, Some(&s.anna)).unwrap();
    assert_eq!(s.centre.attachment_file(private_id).unwrap().1, png());
    // The centre removes the wrong scan; the laptop learns it.
    s.centre.run(ops::RemoveAttachment { attachment_id: open_id }, today).unwrap();
    let device = Some(s.anna.device_id());
    let back = export(&mut s.centre, &s.root.join("b3.asysta"), ExportRequest { device, ..Default::default() });
    import(&mut s.anna, &back, None).unwrap();
    assert_eq!(s.anna.attachments(family_id).unwrap().iter().map(|a| a.id).collect::<Vec<_>>(), [private_id]);
    for store in [&s.anna, &s.centre] {
        let report = store.check().unwrap();
        assert!(report.ok, "{report:?}");
    }
}

#[test]
fn a_bundle_whose_attachment_lacks_its_file_is_refused_whole() {
    let mut s = site();
    let today = d("2026-12-07");
    let files = tempfile::tempdir().unwrap();
    let family_id: EntityId = s.anna.add_family(&family("Kowalscy", "Jan")).unwrap();
    let scan = write(files.path(), "skan.pdf", &pdf("scan"));
    s.anna
        .run(ops::AddAttachment { family_id, target: AttachedTo::Family, path: scan, restricted: false }, today)
        .unwrap();
    // The laptop's copy of the file is damaged before the export: the
    // export refuses to send an attachment without its file...
    s.anna.conn.execute("UPDATE attachment_files SET bytes = x'00'", []).unwrap();
    let err = s.anna.export_bundle(&s.root.join("b1.asysta"), &ExportRequest::default(), &mut |_| {});
    assert!(err.is_err());
    assert!(!s.root.join("b1.asysta").exists(), "no partial bundle");
    // ...and check says so.
    let report = s.anna.check().unwrap();
    assert!(!report.ok && report.log.iter().any(|p| p.contains("skan.pdf")), "{report:?}");
}
