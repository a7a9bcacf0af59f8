use super::{ordinal, HeaderView};
use crate::engine::{render_pdf, Template};
use crate::format;
use crate::model::DiaryDocument;
use crate::typeset::Typeset;
use crate::PrintError;
use serde::Serialize;

/// The PDF of a month of a family's visit diary: one table row per visit,
/// breaking across pages with the header row repeated.
pub fn diary_pdf(doc: &DiaryDocument, typesetter: &dyn Typeset) -> Result<Vec<u8>, PrintError> {
    render_pdf(Template::Diary, &view(doc)?, typesetter)
}

#[derive(Serialize)]
pub(super) struct DiaryView<'a> {
    header: HeaderView<'a>,
    month: String,
    count: String,
    total_hours: String,
    /// Lp., date and hours (two lines), duration, form, place,
    /// participants, summary.
    entries: Vec<[String; 7]>,
}

pub(super) fn view(doc: &DiaryDocument) -> Result<DiaryView<'_>, PrintError> {
    Ok(DiaryView {
        header: HeaderView::new(&doc.header),
        month: format::month(doc.month)?,
        count: doc.entries.len().to_string(),
        total_hours: format::hours(doc.total_hours),
        entries: doc
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                [
                    ordinal(i),
                    format!("{}\n{}", format::date(e.date), format::time_range(e.start, e.end)),
                    format::duration(e.start, e.end),
                    format::or_empty(&e.form),
                    format::or_empty(&e.place),
                    format::list(&e.participants),
                    format::or_empty(&e.summary),
                ]
            })
            .collect(),
    })
}
