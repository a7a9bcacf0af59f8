//! Each template compiles without a single typst warning (a warning would
//! mean, say, a font fallback or a layout that did not converge), and a
//! template error names the template.

use super::*;
use crate::engine::{warnings, Template};
use crate::PrintError;

use crate::samples;

#[track_caller]
fn check_no_warnings(template: Template, warnings: Result<Vec<String>, PrintError>) {
    let warnings = warnings.unwrap_or_else(|e| panic!("{} failed: {e}", template.file_name()));
    assert!(warnings.is_empty(), "{} warned: {warnings:#?}", template.file_name());
}

#[test]
fn templates_compile_without_warnings() {
    check_no_warnings(Template::Plan, warnings(Template::Plan, &plan::view(&samples::plan(5, 3))));
    check_no_warnings(Template::Evaluation, warnings(Template::Evaluation, &evaluation::view(&samples::evaluation())));
    for finalized in [false, true] {
        check_no_warnings(Template::Opinion, warnings(Template::Opinion, &opinion::view(&samples::opinion(finalized))));
    }
    check_no_warnings(Template::Visit, warnings(Template::Visit, &visit::view(&samples::visit())));
    check_no_warnings(Template::Diary, warnings(Template::Diary, &diary::view(&samples::diary(40)).unwrap()));
    check_no_warnings(Template::Monthly, warnings(Template::Monthly, &monthly::view(&samples::monthly(15)).unwrap()));
    check_no_warnings(Template::HalfYear, warnings(Template::HalfYear, &halfyear::view(&samples::half_year())));
}

#[test]
fn a_template_error_names_the_template() {
    let error = warnings(Template::Evaluation, &serde_json::json!({ "header": {} })).unwrap_err();
    let PrintError::Template { template, message } = &error else { panic!("not a template error: {error:?}") };
    assert_eq!(*template, "evaluation.typ");
    assert!(message.contains(".typ:"), "the message should say where: {message}");
    assert!(error.to_string().contains("evaluation.typ"), "{error}");
}
