use super::{ordinal, HeaderView};
use crate::engine::{render_pdf, Template};
use crate::format;
use crate::model::MonthlyReportDocument;
use crate::typeset::Typeset;
use crate::PrintError;
use serde::Serialize;

/// The PDF of the assistant's monthly activity report: visits and hours per
/// family, the forms and places of contact, and the plan actions worked on.
/// The totals are computed from the rows.
pub fn monthly_pdf(doc: &MonthlyReportDocument, typesetter: &dyn Typeset) -> Result<Vec<u8>, PrintError> {
    render_pdf(Template::Monthly, &view(doc)?, typesetter)
}

#[derive(Serialize)]
pub(super) struct MonthlyView<'a> {
    header: HeaderView<'a>,
    month: String,
    /// Lp., family, visits, hours, kilometres, forms of contact, places.
    families: Vec<[String; 7]>,
    family_count: String,
    total_visits: String,
    total_hours: String,
    /// The kilometres travelled to the contacts ("12,5").
    total_km: String,
    /// Form of contact, count; the most frequent first.
    forms: Vec<[String; 2]>,
    /// Place of contact, count; the most frequent first.
    places: Vec<[String; 2]>,
    actions_worked: Vec<FamilyActions<'a>>,
}

#[derive(Serialize)]
struct FamilyActions<'a> {
    family: &'a str,
    actions: &'a [String],
}

pub(super) fn view(doc: &MonthlyReportDocument) -> Result<MonthlyView<'_>, PrintError> {
    let rows = &doc.families;
    Ok(MonthlyView {
        header: HeaderView::new(&doc.header),
        month: format::month(doc.month)?,
        families: rows
            .iter()
            .enumerate()
            .map(|(i, f)| {
                [
                    ordinal(i),
                    format::or_empty(&f.family),
                    f.visits.to_string(),
                    format::hours(f.hours),
                    asysta_core::visit::format_km(f.km_tenths),
                    counts_inline(&f.forms),
                    counts_inline(&f.places),
                ]
            })
            .collect(),
        family_count: rows.len().to_string(),
        total_visits: rows.iter().map(|f| f.visits).sum::<u32>().to_string(),
        total_hours: format::hours(rows.iter().map(|f| f.hours).sum()),
        total_km: asysta_core::visit::format_km(rows.iter().map(|f| f.km_tenths).sum()),
        forms: totals(rows.iter().flat_map(|f| &f.forms)),
        places: totals(rows.iter().flat_map(|f| &f.places)),
        actions_worked: rows
            .iter()
            .filter(|f| !f.actions_worked.is_empty())
            .map(|f| FamilyActions { family: &f.family, actions: &f.actions_worked })
            .collect(),
    })
}

/// `wizyta domowa (3), rozmowa telefoniczna (1)`.
fn counts_inline(counts: &[(String, u32)]) -> String {
    format::list(&counts.iter().map(|(label, n)| format!("{label} ({n})")).collect::<Vec<_>>())
}

/// The counts of each label summed, the largest first (ties in the order
/// first seen).
fn totals<'a>(counts: impl Iterator<Item = &'a (String, u32)>) -> Vec<[String; 2]> {
    let mut sums: Vec<(&str, u32)> = Vec::new();
    for (label, n) in counts {
        match sums.iter_mut().find(|(l, _)| *l == label) {
            Some((_, sum)) => *sum += n,
            None => sums.push((label, *n)),
        }
    }
    sums.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    sums.into_iter().map(|(label, n)| [label.to_owned(), n.to_string()]).collect()
}
