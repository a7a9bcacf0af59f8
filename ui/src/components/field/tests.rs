use super::*;
use crate::test_support::{render, InLocale, InLocaleProps};
use asysta_i18n::Locale;

/// The HTML of a field of `input_type` holding `value`, in `locale`.
fn field(input_type: &'static str, value: &'static str, locale: Locale) -> String {
    render::<InLocale>(move || InLocaleProps {
        locale,
        children: html! {
            <TextField id="when" label="Kiedy" value={value} {input_type} oninput={Callback::noop()} />
        },
    })
}

/// The opening tag of the input.
fn input_tag(html: &str) -> &str {
    let at = html.find("<input").expect("an input");
    &html[at..at + html[at..].find('>').unwrap()]
}

#[track_caller]
fn check(input_type: &'static str, value: &'static str, locale: Locale, attributes: &[&str]) {
    let html = field(input_type, value, locale);
    let tag = input_tag(&html);
    for attribute in attributes {
        assert!(tag.contains(attribute), "no {attribute} in {tag}");
    }
}

#[test]
fn dates_show_day_first_whatever_the_language() {
    let date = [r#"type="text""#, r#"data-type="date""#, r#"inputmode="numeric""#, r#"maxlength="10""#];
    check(
        "date",
        "2026-02-01",
        Locale::Pl,
        &[&date[..], &[r#"value="01.02.2026""#, r#"placeholder="dd.mm.rrrr""#]].concat(),
    );
    check(
        "date",
        "2028-02-29",
        Locale::En,
        &[&date[..], &[r#"value="29.02.2028""#, r#"placeholder="dd.mm.yyyy""#]].concat(),
    );
    // What is no date is shown as it is, for the error next to it.
    check("date", "31.04.2026", Locale::Pl, &[r#"value="31.04.2026""#]);
}

#[test]
fn times_show_on_a_24_hour_clock() {
    let time = [r#"type="text""#, r#"data-type="time""#, r#"maxlength="5""#];
    check("time", "07:05", Locale::Pl, &[&time[..], &[r#"value="07:05""#, r#"placeholder="gg:mm""#]].concat());
    check("time", "16:30:00", Locale::En, &[&time[..], &[r#"value="16:30""#, r#"placeholder="hh:mm""#]].concat());
}

#[test]
fn other_fields_are_left_as_they_are() {
    let html = field("password", "2026-02-01", Locale::Pl);
    let tag = input_tag(&html);
    assert!(tag.contains(r#"type="password""#) && tag.contains(r#"value="2026-02-01""#), "{tag}");
    assert!(!tag.contains("placeholder") && !tag.contains("data-type") && !tag.contains("maxlength"), "{tag}");
}
