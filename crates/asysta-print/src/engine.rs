//! The typst engine: the embedded fonts and templates, compiled once per
//! process, and the one function that turns a template and its data into
//! PDF bytes.
//!
//! The data reaches a template as JSON bytes in `sys.inputs.data`, which the
//! template decodes with `json(...)`. Strings decoded that way are text, not
//! markup, so nothing a user typed can change a document's layout.

use crate::typeset::Typeset;
use crate::PrintError;
use serde::Serialize;
use std::sync::OnceLock;
use typst::diag::{SourceDiagnostic, Warned};
use typst::ecow::EcoVec;
use typst::foundations::{Bytes, Dict, IntoValue, Smart};
use typst::{World, WorldExt};
use typst_as_lib::{TypstEngine, TypstWorld};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

/// The fixed template of each PDF document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    Plan,
    Evaluation,
    Opinion,
    Visit,
    Diary,
    Monthly,
    HalfYear,
}

impl Template {
    const ALL: [Template; 7] = [
        Template::Plan,
        Template::Evaluation,
        Template::Opinion,
        Template::Visit,
        Template::Diary,
        Template::Monthly,
        Template::HalfYear,
    ];

    /// The template named `file_name` (as [`Template::file_name`] gives it).
    pub fn from_file_name(file_name: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.file_name() == file_name)
    }

    /// The template's file name, which is also its path in the engine.
    pub fn file_name(self) -> &'static str {
        match self {
            Template::Plan => "plan.typ",
            Template::Evaluation => "evaluation.typ",
            Template::Opinion => "opinion.typ",
            Template::Visit => "visit.typ",
            Template::Diary => "diary.typ",
            Template::Monthly => "monthly.typ",
            Template::HalfYear => "halfyear.typ",
        }
    }
}

/// Every source file the engine knows: the shared layout and one template
/// per document.
const SOURCES: [(&str, &str); 8] = [
    ("common.typ", include_str!("../templates/common.typ")),
    ("plan.typ", include_str!("../templates/plan.typ")),
    ("evaluation.typ", include_str!("../templates/evaluation.typ")),
    ("opinion.typ", include_str!("../templates/opinion.typ")),
    ("visit.typ", include_str!("../templates/visit.typ")),
    ("diary.typ", include_str!("../templates/diary.typ")),
    ("monthly.typ", include_str!("../templates/monthly.typ")),
    ("halfyear.typ", include_str!("../templates/halfyear.typ")),
];

/// DejaVu Sans in its four styles (see `assets/fonts/README.md`).
const FONTS: [&[u8]; 4] = [
    include_bytes!("../../../assets/fonts/DejaVuSans.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSans-Oblique.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSans-BoldOblique.ttf"),
];

/// How many prints typst's memoisation cache keeps an unused entry for.
/// The engine (fonts, parsed templates) is what prints share; a cache kept
/// across prints only helps to print the very same document again, and in
/// the benchmark it made prints of other documents no faster, so it is
/// emptied after every print and memory stays flat.
const CACHE_MAX_AGE: usize = 0;

/// The engine, built on first use and shared by every later print.
fn engine() -> &'static TypstEngine {
    static ENGINE: OnceLock<TypstEngine> = OnceLock::new();
    ENGINE.get_or_init(|| TypstEngine::builder().fonts(FONTS).with_static_source_file_resolver(SOURCES).build())
}

/// The warnings typst gives when it compiles `template` with `data`; the
/// tests require none.
#[cfg(test)]
pub(crate) fn warnings(template: Template, data: &impl Serialize) -> Result<Vec<String>, PrintError> {
    let json = serde_json::to_vec(data).expect("the view serialises");
    with_world(template, &json, |world| {
        let (_, warnings) = compile_in(world)?;
        Ok(warnings.iter().map(|w| describe(world, w)).collect())
    })
}

/// Serialises `data` for `template` and has `typesetter` make the PDF.
pub(crate) fn render_pdf(
    template: Template,
    data: &impl Serialize,
    typesetter: &dyn Typeset,
) -> Result<Vec<u8>, PrintError> {
    let json = serde_json::to_vec(data).map_err(|e| PrintError::Template {
        template: template.file_name(),
        message: format!("the data did not serialise: {e}"),
    })?;
    typesetter.typeset(template, &json)
}

/// Compiles `template` with `json` (its data) in this process and exports
/// the PDF: what [`crate::InProcess`] does.
pub(crate) fn typeset_here(template: Template, json: &[u8]) -> Result<Vec<u8>, PrintError> {
    with_world(template, json, |world| {
        let (document, _warnings) = compile_in(world)?;
        let options = PdfOptions { creator: Smart::Custom(Some("Asysta".to_owned())), ..PdfOptions::default() };
        typst_pdf::pdf(&document, &options).map_err(|errors| describe_all(world, &errors))
    })
}

/// Runs `f` in a world whose main file is `template` and whose
/// `sys.inputs.data` is `json`; an error message from `f` becomes a
/// [`PrintError::Template`] naming the template.
fn with_world<R>(
    template: Template,
    json: &[u8],
    f: impl FnOnce(&TypstWorld<'_>) -> Result<R, String>,
) -> Result<R, PrintError> {
    let mut inputs = Dict::new();
    inputs.insert("data".into(), Bytes::new(json.to_vec()).into_value());
    let result = engine()
        .world_builder(template.file_name())
        .with_inputs(inputs)
        .build()
        .map_err(|e| e.to_string())
        .and_then(|world| f(&world));
    typst::comemo::evict(CACHE_MAX_AGE);
    result.map_err(|message| PrintError::Template { template: template.file_name(), message })
}

/// The document, and the warnings (which do not stop a print).
fn compile_in(world: &TypstWorld<'_>) -> Result<(PagedDocument, EcoVec<SourceDiagnostic>), String> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
    let document = output.map_err(|errors| describe_all(world, &errors))?;
    Ok((document, warnings))
}

fn describe_all(world: &TypstWorld<'_>, diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics.iter().map(|d| describe(world, d)).collect::<Vec<_>>().join("; ")
}

/// `common.typ:12: unknown variable: x (hint: …)`.
fn describe(world: &TypstWorld<'_>, diagnostic: &SourceDiagnostic) -> String {
    let mut text = String::new();
    if let Some(id) = diagnostic.span.id() {
        text.push_str(id.get().vpath().get_without_slash());
        let line = world
            .range(diagnostic.span)
            .zip(world.source(id).ok())
            .and_then(|(range, source)| source.lines().byte_to_line(range.start));
        if let Some(line) = line {
            text.push_str(&format!(":{}", line + 1));
        }
        text.push_str(": ");
    }
    text.push_str(&diagnostic.message);
    for hint in &diagnostic.hints {
        text.push_str(&format!(" (hint: {})", hint.v));
    }
    text
}
