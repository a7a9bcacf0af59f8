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
    assert!(serve(&b"../etc/passwd\n{}"[..], &mut out).unwrap_err().contains("no template"));
    assert!(serve(&b"plan.typ"[..], &mut out).unwrap_err().contains("names no template"));
    assert!(serve(&b"plan.typ\nnot json"[..], &mut out).is_err());
    assert!(out.is_empty(), "nothing is written for a refused request");
}

#[test]
fn a_missing_helper_is_a_clear_error() {
    let helper = HelperProcess::new(PathBuf::from("/nonexistent/asysta-typeset"));
    let err = helper.typeset(Template::Plan, b"{}").unwrap_err();
    assert!(matches!(err, PrintError::Helper { .. }), "{err}");
    assert!(err.to_string().contains("cannot start it"), "{err}");
}
