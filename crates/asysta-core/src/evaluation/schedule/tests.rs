use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn months_are_added_by_the_calendar() {
    // (date, months, expected)
    let cases = [
        ("2026-08-31", 6, "2027-02-28"), // a month end into a short February
        ("2027-08-31", 6, "2028-02-29"), // into a leap February
        ("2028-02-29", 6, "2028-08-29"), // from a leap day
        ("2028-02-29", 12, "2029-02-28"),
        ("2026-03-31", 6, "2026-09-30"), // 31 into a 30-day month
        ("2026-01-30", 1, "2026-02-28"),
        ("2026-12-15", 6, "2027-06-15"), // across a year
        ("2026-06-30", 6, "2026-12-30"), // the 30th stays the 30th
        ("2026-05-01", 0, "2026-05-01"),
    ];
    for (date, months, expected) in cases {
        assert_eq!(add_months(d(date), months), d(expected), "{date} + {months} months");
    }
}

#[test]
fn the_due_date_follows_the_start_then_each_evaluation() {
    // (start of work, last evaluation, period, expected due)
    let cases = [
        ("2026-08-31", None, 6, "2027-02-28"),
        ("2026-01-15", None, 6, "2026-07-15"),
        // Every evaluation restarts the clock from its own date…
        ("2026-01-15", Some("2026-07-10"), 6, "2027-01-10"),
        // …also one made early…
        ("2026-01-15", Some("2026-04-01"), 6, "2026-10-01"),
        // …and one made late.
        ("2026-01-15", Some("2026-09-20"), 6, "2027-03-20"),
        // A month-end chain drifts with the calendar, as the rule says.
        ("2025-08-31", Some("2026-02-28"), 6, "2026-08-28"),
        // A shorter period set by the centre.
        ("2026-01-31", None, 3, "2026-04-30"),
        // Longer than the Act allows, or zero: taken as 6 and 1.
        ("2026-01-15", None, 12, "2026-07-15"),
        ("2026-01-15", None, 0, "2026-02-15"),
        // An evaluation dated before the start (a typo) does not move the
        // due date before the start's.
        ("2026-01-15", Some("2025-12-01"), 6, "2026-07-15"),
    ];
    for (start, last, period, expected) in cases {
        assert_eq!(
            next_due(d(start), last.map(d), period),
            d(expected),
            "start {start}, last {last:?}, period {period}"
        );
    }
}

#[test]
fn an_evaluation_is_later_then_due_soon_then_overdue() {
    let due = d("2027-02-28");
    // (today, expected)
    let cases = [
        ("2027-01-28", DueState::Later { due }),
        ("2027-01-29", DueState::DueSoon { due, days_left: 30 }),
        ("2027-02-27", DueState::DueSoon { due, days_left: 1 }),
        ("2027-02-28", DueState::DueSoon { due, days_left: 0 }),
        ("2027-03-01", DueState::Overdue { due, days_over: 1 }),
        ("2027-04-30", DueState::Overdue { due, days_over: 61 }),
    ];
    for (today, expected) in cases {
        assert_eq!(due_state(due, d(today), REMINDER_DAYS), expected, "on {today}");
    }
}

#[test]
fn a_due_state_has_a_stable_wire_form() {
    let json = serde_json::to_string(&DueState::Overdue { due: d("2027-02-28"), days_over: 3 }).unwrap();
    assert_eq!(json, r#"{"state":"overdue","due":"2027-02-28","days_over":3}"#);
}
