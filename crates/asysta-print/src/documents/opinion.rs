use super::HeaderView;
use crate::engine::{render_pdf, Template};
use crate::format;
use crate::model::OpinionDocument;
use crate::typeset::Typeset;
use crate::PrintError;
use serde::Serialize;

/// The PDF of the opinion for the family court, with a signature line for
/// the assistant. A draft (not finalised) says "PROJEKT" across every page.
pub fn opinion_pdf(doc: &OpinionDocument, typesetter: &dyn Typeset) -> Result<Vec<u8>, PrintError> {
    render_pdf(Template::Opinion, &view(doc), typesetter)
}

#[derive(Serialize)]
pub(super) struct OpinionView<'a> {
    header: HeaderView<'a>,
    court: String,
    case_signature: String,
    received_on: String,
    due_on: String,
    body: Vec<String>,
    is_draft: bool,
    /// The day it was finalised, or (for a draft) generated.
    dated: String,
}

pub(super) fn view(doc: &OpinionDocument) -> OpinionView<'_> {
    OpinionView {
        header: HeaderView::new(&doc.header),
        court: format::or_empty(&doc.court),
        case_signature: format::or_empty(&doc.case_signature),
        received_on: format::date(doc.received_on),
        due_on: format::date(doc.due_on),
        body: format::paragraphs(&doc.body),
        is_draft: doc.finalized_on.is_none(),
        dated: format::date(doc.finalized_on.unwrap_or(doc.header.generated_on)),
    }
}
