//! The documents a centre files, printed: the work plan, the periodic
//! evaluation, the opinion for the family court, the record of a visit, the
//! month's visit diary and the assistant's monthly report, each as an A4 PDF,
//! and the court opinion also as an editable DOCX.
//!
//! The caller hands over an already-resolved document model ([`model`]):
//! every string is final Polish text (names, labels, statuses). This crate
//! only formats dates, times and hours the Polish way and lays the document
//! out. The PDFs are typeset by typst from one fixed template per document
//! (`templates/*.typ`); the data reaches a template as JSON, never as
//! markup, so no user text can change the layout. Fonts (DejaVu Sans) are
//! compiled into the binary; nothing is read from the system at run time.
//!
//! Typesetting a PDF is behind [`Typeset`]: [`InProcess`] links typst into
//! the program (the CLI, the tests), [`HelperProcess`] hands the template
//! and its JSON to the `asysta-typeset` helper program beside the caller
//! (the app, which then carries neither typst nor its fonts in its binary
//! or its memory; see [`typeset`]).
//!
//! Saving goes through [`write_atomically`], so a failed save never leaves a
//! partial file.

// The unit tests share `tests/it/samples.rs`, which names this crate.
#[cfg(test)]
extern crate self as asysta_print;

pub mod compose;
mod documents;
mod docx;
mod engine;
mod format;
pub mod jobs;
pub mod model;
pub mod typeset;

/// The sample documents the unit tests print (shared with `tests/it`).
#[cfg(test)]
#[path = "../tests/it/samples.rs"]
mod samples;

pub use asysta_store::write_atomically;
pub use documents::{diary_pdf, evaluation_pdf, half_year_pdf, monthly_pdf, opinion_pdf, plan_pdf, visit_pdf};
pub use docx::opinion_docx;
pub use engine::Template;
pub use model::*;
pub use typeset::{HelperProcess, InProcess, Typeset};

/// Why a document could not be produced.
///
/// Apart from [`PrintError::InvalidMonth`] and a missing or broken
/// [`PrintError::Helper`] (an installation fault), these are bugs in this
/// crate, not in the user's data: the templates are fixed and the data cannot change
/// their markup. The messages may quote document text, so they belong in a
/// log, not in an error sent to the UI.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// A typst template failed to compile or to export to PDF.
    #[error("the print template {template} failed (a bug in asysta-print): {message}")]
    Template { template: &'static str, message: String },
    /// The DOCX writer failed.
    #[error("the DOCX document could not be written (a bug in asysta-print): {0}")]
    Docx(String),
    /// The `asysta-typeset` helper could not be run or did not answer
    /// with a PDF.
    #[error("the typesetting helper {program} failed: {message}")]
    Helper { program: String, message: String },
    /// A month outside 1–12.
    #[error("month {0} does not exist (expected 1–12)")]
    InvalidMonth(u32),
}
