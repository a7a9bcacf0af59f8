use super::summary::{shown_reason, ClosingSummary, ClosingSummaryProps};
use super::*;
use crate::test_support::{entity, has_id, render, text_of, InLocale};
use asysta_core::closing::{default_closing_reasons, ClosingView};
use asysta_core::record::FamilyStatus;
use asysta_core::FieldErrorCode;

fn reduce(state: ClosingState, action: ClosingAction) -> ClosingState {
    (*Rc::new(state).reduce(action)).clone()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

fn panel(has_final: bool) -> String {
    render::<ClosingPanel>(move || ClosingPanelProps {
        family_id: entity(1),
        has_final,
        reasons: Rc::new(default_closing_reasons()),
        today: d("2026-11-30"),
        on_case: Callback::noop(),
        on_locked: Callback::noop(),
        on_cancel: Callback::noop(),
        on_closed: Callback::noop(),
        on_write_final: Callback::noop(),
    })
}

#[test]
fn a_closing_starts_today_and_is_refused_next_to_its_fields() {
    let state = ClosingState::new(d("2026-11-30"));
    assert_eq!(state.form.on, "2026-11-30");
    let errors = validate_closing(&state.form, &default_closing_reasons(), d("2026-11-30")).unwrap_err();
    let refused = reduce(state, ClosingAction::Rejected(errors));
    assert_eq!(fields(&refused.errors), ["reason", "summary"]);
    let other = reduce(refused, ClosingAction::Edit(ClosingField::Reason, OTHER_REASON.into()));
    assert_eq!(fields(&other.errors), ["summary"]);
    assert!(asks_reason_text(&other.form));
    let errors = validate_closing(&other.form, &default_closing_reasons(), d("2026-11-30")).unwrap_err();
    let refused = reduce(other, ClosingAction::Rejected(errors));
    assert_eq!(fields(&refused.errors), ["reason_text", "summary"]);
    // A reason from the list settles whether a text is needed.
    let listed = reduce(refused, ClosingAction::Edit(ClosingField::Reason, "moved".into()));
    assert_eq!(fields(&listed.errors), ["summary"]);
    assert!(!asks_reason_text(&listed.form));
}

#[test]
fn the_shells_refusals_go_next_to_the_fields_or_over_the_form() {
    let sent = reduce(ClosingState::new(d("2026-11-30")), ClosingAction::Submitted);
    assert!(sent.busy);
    let invalid = ApiError::invalid(vec![FieldError::new("reason", FieldErrorCode::NotInList)]);
    let refused = reduce(sent.clone(), ClosingAction::Failed(invalid));
    assert_eq!((fields(&refused.errors), refused.form_error, refused.busy), (vec!["reason"], None, false));
    let missing = reduce(sent, ClosingAction::Failed(ApiError::new(ErrorKind::FinalEvaluationMissing)));
    assert_eq!(missing.form_error, Some(ErrorKind::FinalEvaluationMissing));
    assert_eq!(<ClosingAction as FormSteps>::input_id("reason_text"), "closing-reason-text");
    assert_eq!(<ClosingAction as FormSteps>::input_id("on"), "closing-on");
}

#[test]
fn without_a_final_evaluation_the_form_asks_for_it_first() {
    let html = panel(false);
    assert_eq!(text_of(&html, "closing-needs-final"), "Przed zakończeniem pracy złóż ocenę końcową.");
    assert_eq!(text_of(&html, "closing-write-final"), "Napisz ocenę końcową");
    assert!(!has_id(&html, "closing-submit"));
}

#[test]
fn with_a_final_evaluation_the_form_asks_date_reason_and_summary() {
    let html = panel(true);
    for id in ["closing-form", "closing-on", "closing-reason", "closing-summary", "closing-submit", "closing-cancel"] {
        assert!(has_id(&html, id), "no #{id}");
    }
    assert!(html.contains(">osiągnięcie celów planu pracy</option>"), "{html}");
    assert!(html.contains("<option value=\"other\""));
    assert!(!has_id(&html, "closing-reason-text"), "the text is asked for with \"other\"");
    assert!(!has_id(&html, "closing-needs-final"));
}

fn summary(status: FamilyStatus, closing: Option<ClosingView>, until: Option<NaiveDate>) -> String {
    render::<ClosingSummary>(move || ClosingSummaryProps {
        status,
        closing,
        monitoring_until: until,
        reasons: Rc::new(default_closing_reasons()),
    })
}

fn closing(key: Option<&str>, reason: &str) -> ClosingView {
    ClosingView {
        on: Some(d("2026-11-30")),
        reason_key: key.map(str::to_owned),
        reason: reason.into(),
        summary: "Rodzina radzi sobie samodzielnie.".into(),
    }
}

#[test]
fn a_closed_case_shows_its_closing() {
    let html = summary(FamilyStatus::Closed, Some(closing(Some("goals_achieved"), "")), None);
    assert_eq!(text_of(&html, "closing-shown-on"), "Zakończono pracę: 30.11.2026");
    assert_eq!(text_of(&html, "closing-shown-reason"), "Powód: osiągnięcie celów planu pracy");
    assert_eq!(text_of(&html, "closing-shown-summary"), "Rodzina radzi sobie samodzielnie.");
    assert!(!has_id(&html, "case-monitoring"));
    let other = summary(FamilyStatus::Archived, Some(closing(Some("other"), "Wyjazd za granicę")), None);
    assert_eq!(text_of(&other, "closing-shown-reason"), "Powód: inny powód: Wyjazd za granicę");
    let old =
        ClosingView { on: None, reason_key: None, reason: "Cele planu osiągnięte".into(), summary: String::new() };
    let old = summary(FamilyStatus::Closed, Some(old), None);
    assert_eq!(text_of(&old, "closing-shown-reason"), "Powód: Cele planu osiągnięte");
    assert!(!has_id(&old, "closing-shown-on") && !has_id(&old, "closing-shown-summary"));
    assert!(!has_id(&summary(FamilyStatus::Active, Some(closing(None, "x")), None), "case-closing"));
}

#[test]
fn a_monitored_case_says_until_when() {
    let html = summary(FamilyStatus::Monitoring, Some(closing(Some("moved"), "")), Some(d("2027-02-28")));
    assert_eq!(text_of(&html, "case-monitoring"), "Monitoring do 28.02.2027");
    let english = render::<InLocale>(|| crate::test_support::InLocaleProps {
        locale: asysta_i18n::Locale::En,
        children: html! {
            <ClosingSummary
                status={FamilyStatus::Monitoring}
                closing={Some(closing(Some("moved"), ""))}
                monitoring_until={Some(d("2027-02-28"))}
                reasons={Rc::new(default_closing_reasons())}
            />
        },
    });
    assert_eq!(text_of(&english, "case-monitoring"), "Monitored until 28.02.2027");
    assert_eq!(text_of(&english, "closing-shown-reason"), "Reason: change of residence");
}

#[test]
fn reasons_read_with_their_details() {
    let c = closing(Some("moved"), "do Gdańska");
    assert_eq!(
        shown_reason(Some("zmiana miejsca zamieszkania".into()), &c),
        "zmiana miejsca zamieszkania — do Gdańska"
    );
    assert_eq!(shown_reason(None, &closing(None, "")), "");
}
