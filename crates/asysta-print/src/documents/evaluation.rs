use super::HeaderView;
use crate::engine::{render_pdf, Template};
use crate::format;
use crate::model::EvaluationDocument;
use crate::typeset::Typeset;
use crate::PrintError;
use serde::Serialize;

/// The PDF of a periodic (or the final) evaluation: the ratings of the plan
/// areas, the outcome of the goals, the family's view, the risks to the
/// children, the cooperation and the recommendation, with signature lines
/// for the assistant and the head of the centre.
pub fn evaluation_pdf(doc: &EvaluationDocument, typesetter: &dyn Typeset) -> Result<Vec<u8>, PrintError> {
    render_pdf(Template::Evaluation, &view(doc), typesetter)
}

#[derive(Serialize)]
pub(super) struct EvaluationView<'a> {
    header: HeaderView<'a>,
    is_final: bool,
    period: String,
    version: String,
    status_line: String,
    /// Area, rating, comment.
    areas: Vec<[String; 3]>,
    /// Goal, status, comment.
    goals: Vec<[String; 3]>,
    family_view: Vec<String>,
    child_risks: Vec<String>,
    cooperation: String,
    cooperation_comment: Vec<String>,
    recommendation: String,
    recommendation_note: Vec<String>,
}

pub(super) fn view(doc: &EvaluationDocument) -> EvaluationView<'_> {
    EvaluationView {
        header: HeaderView::new(&doc.header),
        is_final: doc.is_final,
        period: format!("{} – {}", format::date(doc.period_from), format::date(doc.period_to)),
        version: doc.version.to_string(),
        status_line: format::or_empty(&doc.status_line),
        areas: doc
            .areas
            .iter()
            .map(|a| {
                [
                    format::or_empty(&a.area),
                    a.rating.as_deref().map_or_else(|| "nie oceniono".to_owned(), format::or_empty),
                    format::or_empty(&a.comment),
                ]
            })
            .collect(),
        goals: doc
            .goals
            .iter()
            .map(|g| [format::or_empty(&g.goal), format::or_empty(&g.status), format::or_empty(&g.comment)])
            .collect(),
        family_view: format::paragraphs(&doc.family_view),
        child_risks: format::paragraphs(&doc.child_risks),
        cooperation: format::or_empty(&doc.cooperation),
        cooperation_comment: format::paragraphs(&doc.cooperation_comment),
        recommendation: format::or_empty(&doc.recommendation),
        recommendation_note: format::paragraphs(&doc.recommendation_note),
    }
}
