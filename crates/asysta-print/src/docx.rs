//! The court opinion as an editable Word document (DOCX), laid out like its
//! PDF: sender and date, the court, the title, the text, the signature.

use crate::format;
use crate::model::OpinionDocument;
use crate::PrintError;
use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, Header, LineSpacing, NumPages, PageMargin, PageNum, Paragraph, Run,
    RunFonts, SpecialIndentType,
};
use std::io::Cursor;

/// Twentieths of a point per centimetre, the unit of DOCX page measures.
const TWIPS_PER_CM: f64 = 566.93;
/// Text size in half-points: 12 pt.
const BODY_SIZE: usize = 24;
/// The size of the page header and footer: 9 pt.
const SMALL_SIZE: usize = 18;
const GREY: &str = "595959";

/// The opinion for the family court as a DOCX the assistant can still edit.
/// A draft (not finalised) says so under the title.
pub fn opinion_docx(doc: &OpinionDocument) -> Result<Vec<u8>, PrintError> {
    let header = &doc.header;
    let dated = format::date(doc.finalized_on.unwrap_or(header.generated_on));
    let mut docx = Docx::new()
        .page_size(11906, 16838) // A4 in twips.
        .page_margin(
            PageMargin::new().top(cm(2.5)).bottom(cm(2.3)).left(cm(2.5)).right(cm(2.0)).header(cm(1.2)).footer(cm(1.2)),
        )
        .default_fonts(RunFonts::new().ascii("Times New Roman").hi_ansi("Times New Roman").cs("Times New Roman"))
        .default_size(BODY_SIZE)
        .created_at(&format!("{}T00:00:00Z", header.generated_on.format("%Y-%m-%d")))
        .header(
            Header::new()
                .add_paragraph(Paragraph::new().add_run(grey(Run::new().add_text(header.centre_name.as_str())))),
        )
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Right)
                    .add_run(grey(Run::new().add_text("Strona ")))
                    .add_page_num(PageNum::new())
                    .add_run(grey(Run::new().add_text(" z ")))
                    .add_num_pages(NumPages::new()),
            ),
        )
        .add_paragraph(
            Paragraph::new().align(AlignmentType::Right).add_run(Run::new().add_text(format!("dnia {dated}"))),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(header.centre_name.as_str()).bold())
                .add_run(Run::new().add_break(BreakType::TextWrapping))
                .add_run(Run::new().add_text(format!("asystent rodziny: {}", header.assistant_name))),
        )
        .add_paragraph(blank())
        .add_paragraph(
            Paragraph::new()
                .indent(Some(cm(8.5)), None, None, None)
                .add_run(Run::new().add_text(format::or_empty(&doc.court)).bold())
                .add_run(Run::new().add_break(BreakType::TextWrapping))
                .add_run(Run::new().add_text(format!("Sygn. akt: {}", format::or_empty(&doc.case_signature)))),
        )
        .add_paragraph(blank())
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text("OPINIA ASYSTENTA RODZINY").bold().size(28))
                .add_run(Run::new().add_break(BreakType::TextWrapping))
                .add_run(Run::new().add_text("o rodzinie i jej członkach")),
        );
    if doc.finalized_on.is_none() {
        docx = docx.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(grey(Run::new().add_text("Projekt — opinia nie została jeszcze zatwierdzona.").italic())),
        );
    }
    docx = docx.add_paragraph(blank());
    for (label, value) in [
        ("Rodzina", format::or_empty(&header.family_name)),
        ("Sygnatura akt", format::or_empty(&doc.case_signature)),
        ("Wniosek sądu wpłynął", format::date(doc.received_on)),
        ("Termin sporządzenia opinii", format::date(doc.due_on)),
    ] {
        docx = docx.add_paragraph(
            Paragraph::new()
                .add_run(grey(Run::new().add_text(format!("{label}: "))))
                .add_run(Run::new().add_text(value)),
        );
    }
    docx = docx.add_paragraph(blank());
    for paragraph in format::paragraphs(&doc.body) {
        docx = docx.add_paragraph(body_paragraph(&paragraph));
    }
    docx = docx.add_paragraph(blank()).add_paragraph(blank()).add_paragraph(
        Paragraph::new()
            .indent(Some(cm(8.5)), None, None, None)
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text("………………………………………"))
            .add_run(Run::new().add_break(BreakType::TextWrapping))
            .add_run(Run::new().add_text(header.assistant_name.as_str()).bold())
            .add_run(Run::new().add_break(BreakType::TextWrapping))
            .add_run(grey(Run::new().add_text("asystent rodziny (podpis)"))),
    );

    let mut bytes = Vec::new();
    docx.build().pack(Cursor::new(&mut bytes)).map_err(|e| PrintError::Docx(e.to_string()))?;
    Ok(bytes)
}

/// A justified paragraph of the opinion's text, its first line indented;
/// its single line breaks stay line breaks.
fn body_paragraph(text: &str) -> Paragraph {
    let mut paragraph = Paragraph::new()
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(cm(1.25))), None, None)
        .line_spacing(LineSpacing::new().after(120));
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            paragraph = paragraph.add_run(Run::new().add_break(BreakType::TextWrapping));
        }
        paragraph = paragraph.add_run(Run::new().add_text(line));
    }
    paragraph
}

/// An empty line.
fn blank() -> Paragraph {
    Paragraph::new()
}

/// Small grey text: the page header and footer, labels.
fn grey(run: Run) -> Run {
    run.size(SMALL_SIZE).color(GREY)
}

fn cm(centimetres: f64) -> i32 {
    (centimetres * TWIPS_PER_CM).round() as i32
}
