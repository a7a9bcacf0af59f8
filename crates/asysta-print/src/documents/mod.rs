//! One module per PDF document: each turns its model into the view its
//! template reads (every value already formatted, Polish style) and renders
//! it. Fixed wording lives in the templates; values and their placeholders
//! ("—" for an empty field) are formatted here.

mod diary;
mod evaluation;
mod halfyear;
mod monthly;
mod opinion;
mod plan;
mod visit;

pub use diary::diary_pdf;
pub use evaluation::evaluation_pdf;
pub use halfyear::half_year_pdf;
pub use monthly::monthly_pdf;
pub use opinion::opinion_pdf;
pub use plan::plan_pdf;
pub use visit::visit_pdf;

use crate::format;
use crate::model::DocumentHeader;
use chrono::Datelike;
use serde::Serialize;

/// What `common.typ` puts around every document.
#[derive(Serialize)]
struct HeaderView<'a> {
    centre_name: &'a str,
    assistant_name: &'a str,
    family_name: &'a str,
    generated_on: String,
    /// `generated_on` as year, month, day: the PDF's creation date.
    date: [i32; 3],
}

impl<'a> HeaderView<'a> {
    fn new(header: &'a DocumentHeader) -> Self {
        let d = header.generated_on;
        HeaderView {
            centre_name: &header.centre_name,
            assistant_name: &header.assistant_name,
            family_name: &header.family_name,
            generated_on: format::date(d),
            date: [d.year(), d.month() as i32, d.day() as i32],
        }
    }
}

/// The number of a row in a table: `1.`, `2.`, …
fn ordinal(index: usize) -> String {
    format!("{}.", index + 1)
}

#[cfg(test)]
mod tests;
