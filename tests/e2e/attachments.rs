//! Attachments in the window: a photo attached by its path is shown inline
//! (from the encrypted store, as a `data:` URL); a file that is not what
//! its name says is refused in Polish next to the path; a PDF is opened
//! from a private copy that is gone once the app locks or closes; an attachment is
//! removed after a confirmation.

use crate::fixtures::{family, open_case, prepare_store, unlock};
use crate::support::Desktop;
use std::path::Path;
use std::time::{Duration, Instant};

/// A whole one-pixel PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D,
    0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

/// The opened copies under `base`, by file name.
fn copies(base: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![base.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            if entry.path().is_dir() {
                stack.push(entry.path());
            } else {
                found.push(entry.file_name().to_string_lossy().into_owned());
            }
        }
    }
    found
}

#[test]
fn a_scan_is_attached_shown_opened_and_removed() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let open_dir = tempfile::tempdir().unwrap();
    {
        let mut store = prepare_store(data.path(), &[]);
        store.add_family(&family("Kowalscy", "ul. Polna 1, Łódź")).unwrap();
    }
    let photo = files.path().join("zdjęcie pisma.png");
    std::fs::write(&photo, PNG).unwrap();
    let fake = files.path().join("skan.pdf");
    std::fs::write(&fake, PNG).unwrap();
    let order = files.path().join("postanowienie.pdf");
    std::fs::write(&order, pdf()).unwrap();

    let desktop = Desktop::start_with_env(&[("ASYSTA_OPEN_DIR", open_dir.path())]);
    let app = desktop.launch(data.path());
    unlock(&app);
    open_case(&app, "Kowalscy");
    app.find("#attachments-none");
    app.click("#attachment-new");

    // A PNG named .pdf is refused next to the path, in Polish.
    app.fill("#attachment_path", &fake.to_string_lossy());
    app.click("#attachment-submit");
    app.wait_for_text(
        "#error-attachment_path",
        "Zawartość pliku nie zgadza się z jego rozszerzeniem (to nie jest plik tego typu).",
    );
    app.assert_accessible("the attachment form with a refused file");

    // The photo is shown inline, from the store.
    app.fill("#attachment_path", &photo.to_string_lossy());
    app.click("#attachment-submit");
    app.wait_for_text("#attachment-status", "Plik dołączony.");
    app.wait_for_text(".attachment-png .attachment-name", "zdjęcie pisma.png");
    let image = app.find(".attachment-png img.attachment-image");
    let src =
        app.execute("return document.querySelector('.attachment-png img').getAttribute('src')", serde_json::json!([]));
    assert!(src.as_str().unwrap_or_default().starts_with("data:image/png;base64,"), "{src}");
    let alt = app.execute("return document.querySelector('.attachment-png img').alt", serde_json::json!([]));
    assert_eq!(alt, "zdjęcie pisma.png");
    drop(image);

    // The PDF opens from a private copy.
    app.click("#attachment-new");
    app.fill("#attachment_path", &order.to_string_lossy());
    app.click("#attachment-submit");
    app.wait_for_text(".attachment-pdf .attachment-name", "postanowienie.pdf");
    app.click(".attachment-pdf .attachment-open");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !copies(open_dir.path()).contains(&"postanowienie.pdf".to_owned()) {
        assert!(Instant::now() < deadline, "no copy was opened: {:?}", copies(open_dir.path()));
        std::thread::sleep(Duration::from_millis(100));
    }
    app.assert_accessible("the case with two attachments");

    // Removed after a confirmation.
    app.click(".attachment-png .attachment-remove");
    app.click(".attachment-png .attachment-remove-keep");
    app.click(".attachment-png .attachment-remove");
    app.click(".attachment-png .attachment-remove-confirm");
    app.wait_for_text("#attachment-status", "Załącznik usunięty.");
    app.wait_until_gone(".attachment-png");
    assert_eq!(app.find_all("#attachments-list li.attachment").len(), 1);

    // Locking the app removes the opened copy (closing it does too; a
    // copy left by a crash goes at the next start).
    app.click("#lock");
    app.find("#unlock-form");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !copies(open_dir.path()).is_empty() {
        assert!(Instant::now() < deadline, "a readable copy outlived the app: {:?}", copies(open_dir.path()));
        std::thread::sleep(Duration::from_millis(100));
    }
    app.quit();
}
