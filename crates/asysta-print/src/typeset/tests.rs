//! The helper's protocol, both sides.

use super::*;

use crate::samples;

/// Keeps the request a document makes instead of typesetting it.
struct Recorder(std::cell::RefCell<Vec<u8>>);

impl Typeset for Recorder {
    fn typeset(&self, template: Template, json: &[u8]) -> Result<Vec<u8>, PrintError> {
        let mut request = self.0.borrow_mut();
        request.extend_from_slice(template.file_name().as_bytes());
        request.push(b'\n');
        request.extend_from_slice(json);
        Ok(Vec::new())
    }
}

#[test]
fn the_helper_side_typesets_a_request_and_refuses_a_bad_one() {
    let recorder = Recorder(Default::default());
    crate::half_year_pdf(&samples::half_year(), &recorder).unwrap();
    let request = recorder.0.into_inner();
    assert!(request.starts_with(b"halfyear.typ\n{"));
    let mut pdf = Vec::new();
    serve(&request[..], &mut pdf).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));

    let mut out = Vec::new();
    assert!(serve(&b"../etc/passwd\n{}"[..], &mut out).unwrap_err().to_string().contains("no template"));
    assert!(serve(&b"plan.typ"[..], &mut out).unwrap_err().to_string().contains("names no template"));
    // Data the template cannot read fails in the template, as in process.
    let failed = serve(&b"plan.typ\nnot json"[..], &mut out).unwrap_err();
    assert!(matches!(failed, PrintError::Template { template: "plan.typ", .. }), "{failed}");
    assert!(out.is_empty(), "nothing is written for a refused request");
}

#[test]
fn a_missing_helper_is_a_clear_error() {
    let helper = HelperProcess::new(PathBuf::from("/nonexistent/asysta-typeset"));
    let err = helper.typeset(Template::Plan, b"{}").unwrap_err();
    assert!(matches!(err, PrintError::Helper { .. }), "{err}");
    assert!(err.to_string().contains("cannot start it"), "{err}");
}

/// A helper that answers as `script` does (a shell script standing in for
/// `asysta-typeset`).
#[cfg(unix)]
fn fake_helper(dir: &std::path::Path, name: &str, script: &str) -> HelperProcess {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\ncat > /dev/null\n{script}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    HelperProcess::new(path)
}

#[cfg(unix)]
#[test]
fn the_app_side_tells_a_failed_template_from_a_broken_helper() {
    let dir = tempfile::tempdir().unwrap();
    let template = fake_helper(dir.path(), "template", "echo 'plan.typ:3: unknown variable' >&2; exit 3");
    let err = template.typeset(Template::Plan, b"{}").unwrap_err();
    assert!(matches!(&err, PrintError::Template { template: "plan.typ", message } if message.contains("unknown")));

    let broken = fake_helper(dir.path(), "broken", "echo 'cannot read' >&2; exit 1");
    let err = broken.typeset(Template::Plan, b"{}").unwrap_err();
    assert!(matches!(&err, PrintError::Helper { message, .. } if message.contains("cannot read")), "{err}");

    let not_pdf = fake_helper(dir.path(), "not-pdf", "echo hello");
    let err = not_pdf.typeset(Template::Plan, b"{}").unwrap_err();
    assert!(err.to_string().contains("not a PDF"), "{err}");

    let pdf = fake_helper(dir.path(), "pdf", "printf '%%PDF-1.7 ...'");
    assert_eq!(pdf.typeset(Template::Plan, b"{}").unwrap(), b"%PDF-1.7 ...");
}
