//! Saving a document all at once or not at all.

use asysta_print::write_atomically;
use std::fs;
use std::path::Path;

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

#[test]
fn writes_a_new_file_and_replaces_an_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.pdf");
    write_atomically(&path, b"first").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"first");
    write_atomically(&path, b"second, longer").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"second, longer");
    assert_eq!(entries(dir.path()), ["plan.pdf"], "a temporary file was left behind");
}

#[test]
fn a_failed_save_leaves_no_temporary_file_and_the_target_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // The target is a non-empty directory, so the final rename fails.
    let target = dir.path().join("opinia.docx");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("keep"), b"kept").unwrap();
    assert!(write_atomically(&target, b"bytes").is_err());
    assert_eq!(entries(dir.path()), ["opinia.docx"], "a temporary file was left behind");
    assert_eq!(fs::read(target.join("keep")).unwrap(), b"kept");
}

#[test]
fn a_missing_directory_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    assert!(write_atomically(&dir.path().join("missing/plan.pdf"), b"bytes").is_err());
    assert!(entries(dir.path()).is_empty());
}
