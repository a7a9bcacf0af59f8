use super::HeaderView;
use crate::engine::{render_pdf, Template};
use crate::format;
use crate::model::HalfYearDocument;
use crate::typeset::Typeset;
use crate::PrintError;
use serde::Serialize;

/// The PDF of the centre's half-year figures: one row per figure, the
/// "of them" rows indented.
pub fn half_year_pdf(doc: &HalfYearDocument, typesetter: &dyn Typeset) -> Result<Vec<u8>, PrintError> {
    render_pdf(Template::HalfYear, &view(doc), typesetter)
}

#[derive(Serialize)]
pub(super) struct HalfYearView<'a> {
    header: HeaderView<'a>,
    period: String,
    /// Lp., label, value, indented.
    rows: Vec<(String, &'a str, String, bool)>,
}

pub(super) fn view(doc: &HalfYearDocument) -> HalfYearView<'_> {
    let mut number = 0;
    HalfYearView {
        header: HeaderView::new(&doc.header),
        period: format!("{} – {}", format::date(doc.from), format::date(doc.to)),
        rows: doc
            .rows
            .iter()
            .map(|r| {
                let lp = if r.sub {
                    String::new()
                } else {
                    number += 1;
                    format!("{number}.")
                };
                (lp, r.label.as_str(), r.value.to_string(), r.sub)
            })
            .collect(),
    }
}
