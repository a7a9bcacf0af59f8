use super::*;
use crate::model::YearMonth;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

#[test]
fn dates_are_day_month_year_with_leading_zeros() {
    assert_eq!(date(d(2026, 11, 2)), "02.11.2026");
    assert_eq!(date(d(2027, 1, 31)), "31.01.2027");
}

#[test]
fn times_are_24_hour() {
    assert_eq!(time(t(14, 30)), "14:30");
    assert_eq!(time(t(8, 5)), "08:05");
    assert_eq!(time_range(t(8, 5), t(16, 0)), "08:05–16:00");
}

#[test]
fn hours_use_a_decimal_comma_and_drop_trailing_zeros() {
    assert_eq!(hours(1.5), "1,5\u{a0}h");
    assert_eq!(hours(2.0), "2\u{a0}h");
    assert_eq!(hours(0.25), "0,25\u{a0}h");
    assert_eq!(hours(1.0 / 3.0), "0,33\u{a0}h");
    assert_eq!(hours(0.0), "0\u{a0}h");
    assert_eq!(hours(120.75), "120,75\u{a0}h");
}

#[test]
fn durations_are_hours_and_may_run_past_midnight() {
    assert_eq!(duration(t(14, 30), t(16, 0)), "1,5\u{a0}h");
    assert_eq!(duration(t(9, 0), t(9, 20)), "0,33\u{a0}h");
    assert_eq!(duration(t(23, 30), t(0, 30)), "1\u{a0}h");
}

#[test]
fn months_are_named_in_the_nominative() {
    assert_eq!(month(YearMonth { year: 2026, month: 11 }).unwrap(), "listopad 2026");
    assert_eq!(month(YearMonth { year: 2027, month: 1 }).unwrap(), "styczeń 2027");
    assert_eq!(month(YearMonth { year: 2027, month: 12 }).unwrap(), "grudzień 2027");
    assert!(matches!(month(YearMonth { year: 2027, month: 0 }), Err(PrintError::InvalidMonth(0))));
    assert!(matches!(month(YearMonth { year: 2027, month: 13 }), Err(PrintError::InvalidMonth(13))));
}

#[test]
fn blank_fields_print_a_dash() {
    assert_eq!(or_empty("  "), EMPTY);
    assert_eq!(or_empty(" tak "), "tak");
    assert_eq!(list(&[]), EMPTY);
    assert_eq!(list(&["Jan".into(), "Ewa".into()]), "Jan, Ewa");
}

#[test]
fn paragraphs_are_separated_by_blank_lines() {
    let text = "Pierwszy akapit,\ndruga linia.\n\n  \r\nDrugi akapit.\r\n\n\n";
    assert_eq!(paragraphs(text), ["Pierwszy akapit,\ndruga linia.", "Drugi akapit."]);
    assert!(paragraphs(" \n\n").is_empty());
}
