use super::HeaderView;
use crate::engine::{render_pdf, Template};
use crate::format;
use crate::model::VisitRecordDocument;
use crate::typeset::Typeset;
use crate::PrintError;
use serde::Serialize;

/// The PDF of the record of one visit, with signature lines for a family
/// member and the assistant.
pub fn visit_pdf(doc: &VisitRecordDocument, typesetter: &dyn Typeset) -> Result<Vec<u8>, PrintError> {
    render_pdf(Template::Visit, &view(doc), typesetter)
}

#[derive(Serialize)]
pub(super) struct VisitView<'a> {
    header: HeaderView<'a>,
    date: String,
    hours: String,
    place: String,
    form: String,
    participants: String,
    other_participants: String,
    areas: String,
    /// Action, note, status.
    actions_worked: Vec<[String; 3]>,
    notes: Vec<String>,
    next_planned: String,
    /// `None` when there was no intervention.
    intervention: Option<Vec<String>>,
}

pub(super) fn view(doc: &VisitRecordDocument) -> VisitView<'_> {
    VisitView {
        header: HeaderView::new(&doc.header),
        date: format::date(doc.date),
        hours: format!("{} ({})", format::time_range(doc.start, doc.end), format::duration(doc.start, doc.end)),
        place: format::or_empty(&doc.place),
        form: format::or_empty(&doc.form),
        participants: format::list(&doc.participants),
        other_participants: format::or_empty(&doc.other_participants),
        areas: format::list(&doc.areas),
        actions_worked: doc
            .actions_worked
            .iter()
            .map(|a| [format::or_empty(&a.action), format::or_empty(&a.note), format::or_empty(&a.status)])
            .collect(),
        notes: format::paragraphs(&doc.notes),
        next_planned: doc.next_planned.map_or_else(|| "nie zaplanowano".to_owned(), format::date),
        intervention: doc.intervention.as_deref().map(format::paragraphs),
    }
}
