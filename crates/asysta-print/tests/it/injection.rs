//! User text is printed as typed: typst markup, math, labels, references,
//! escapes and code in it stay plain characters.

use crate::poppler::Pdf;
use crate::samples;
use asysta_print::*;

const HOSTILE: &str = r#"#set page(width: 1cm) *bold* $x$ [a] \ <l> @r `raw` _em_ #{"code"} // not a comment"#;

#[track_caller]
fn check_literal(bytes: Result<Vec<u8>, PrintError>) {
    let pdf = Pdf::new(bytes.expect("the document did not render"));
    let text = pdf.text();
    assert!(text.contains(HOSTILE), "the text was not printed literally:\n{text}");
    assert!(pdf.page_sizes().iter().all(|s| s.ends_with("(A4)")), "the page size changed");
}

#[test]
fn a_family_name_with_markup_prints_literally() {
    let mut plan = samples::plan(1, 1);
    plan.header.family_name = HOSTILE.to_owned();
    check_literal(plan_pdf(&plan, &InProcess));
}

#[test]
fn markup_in_table_cells_prints_literally() {
    let mut diary = samples::diary(2);
    diary.entries[1].summary = HOSTILE.to_owned();
    check_literal(diary_pdf(&diary, &InProcess));
}

#[test]
fn markup_in_free_text_prints_literally() {
    let mut opinion = samples::opinion(true);
    opinion.body = format!("Pierwszy akapit.\n\n{HOSTILE}\n\nOstatni akapit.");
    check_literal(opinion_pdf(&opinion, &InProcess));

    let mut monthly = samples::monthly(2);
    monthly.families[1].actions_worked = vec![HOSTILE.to_owned()];
    check_literal(monthly_pdf(&monthly, &InProcess));
}

#[test]
fn markup_in_the_docx_is_plain_text() {
    let mut opinion = samples::opinion(true);
    opinion.header.family_name = HOSTILE.to_owned();
    opinion.body = format!("{HOSTILE} & <w:t>nie znacznik</w:t>");
    let docx = opinion_docx(&opinion).unwrap();
    let text = crate::docx::document_text(&docx);
    assert!(text.contains(HOSTILE), "{text}");
    assert!(text.contains("& <w:t>nie znacznik</w:t>"), "{text}");
}
