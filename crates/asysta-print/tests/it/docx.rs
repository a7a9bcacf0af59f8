//! The court opinion as DOCX: a valid package whose text is the opinion's.

use crate::samples::{self, CENTRE, PANGRAM};
use asysta_print::*;
use std::io::{Cursor, Read};
use std::process::Command;

/// One part of the DOCX package, e.g. `word/document.xml`.
pub fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a DOCX is a zip archive");
    let mut xml = String::new();
    archive.by_name(name).unwrap_or_else(|e| panic!("no {name}: {e}")).read_to_string(&mut xml).unwrap();
    xml
}

/// The text of the document's runs (`<w:t>`), entities decoded, runs
/// joined by a space.
pub fn document_text(docx: &[u8]) -> String {
    runs(&part(docx, "word/document.xml")).join(" ")
}

fn runs(xml: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<w:t") {
        let after = &rest[start + 4..];
        // `<w:t>` or `<w:t xml:space="preserve">`, not `<w:tab/>` or `<w:tc>`.
        if !(after.starts_with('>') || after.starts_with(' ')) {
            rest = after;
            continue;
        }
        let open_end = after.find('>').unwrap();
        let close = after.find("</w:t>").unwrap();
        runs.push(decode(&after[open_end + 1..close]));
        rest = &after[close..];
    }
    runs
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

#[test]
fn opinion_docx_holds_the_polish_text() {
    let docx = opinion_docx(&samples::opinion(true)).unwrap();
    assert!(docx.starts_with(b"PK"), "not a zip archive");
    let text = document_text(&docx);
    for want in [
        PANGRAM,
        CENTRE,
        "OPINIA ASYSTENTA RODZINY",
        "Sąd Rejonowy dla Łodzi-Śródmieścia w Łodzi, III Wydział Rodzinny i Nieletnich",
        "Sygn. akt: III Nsm 123/26",
        "dnia 04.11.2026",
        "20.10.2026",
        "20.11.2026",
        "Wnioski: zasadne jest dalsze wspieranie rodziny.",
        "Anna Nowak",
    ] {
        assert!(text.contains(want), "{want:?} is missing from word/document.xml:\n{text}");
    }
    assert!(!text.contains("Projekt"), "a finalised opinion is no draft");
    // Three paragraphs of the body, justified.
    let xml = part(&docx, "word/document.xml");
    assert!(xml.matches(r#"<w:jc w:val="both" />"#).count() >= 3, "the body is not justified");
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "the page is not A4");
    let footer = runs(&part(&docx, "word/footer1.xml")).join("");
    assert!(footer.contains("Strona") && footer.contains(" z "), "no page numbers in the footer: {footer}");
}

#[test]
fn draft_opinion_docx_says_so() {
    let docx = opinion_docx(&samples::opinion(false)).unwrap();
    let text = document_text(&docx);
    assert!(text.contains("Projekt — opinia nie została jeszcze zatwierdzona."), "{text}");
    assert!(text.contains("dnia 02.11.2026"), "{text}");
}

/// Where python-docx is installed (`pip install python-docx`), it must read
/// the document too; without it this test checks nothing more.
#[test]
fn python_docx_reads_the_opinion_when_available() {
    let has_python_docx =
        Command::new("python3").args(["-c", "import docx"]).output().is_ok_and(|o| o.status.success());
    if !has_python_docx {
        eprintln!("python-docx is not installed: skipping the cross-check");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("opinia.docx");
    std::fs::write(&path, opinion_docx(&samples::opinion(true)).unwrap()).unwrap();
    let script = "import sys, docx\nd = docx.Document(sys.argv[1])\nprint('\\n'.join(p.text for p in d.paragraphs))";
    let output = Command::new("python3").args(["-c", script]).arg(&path).output().unwrap();
    assert!(output.status.success(), "python-docx failed: {}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains(PANGRAM) && text.contains("III Nsm 123/26"), "{text}");
}
