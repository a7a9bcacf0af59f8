use super::*;
use asysta_i18n::Locale;

#[test]
fn timestamps_are_formatted_in_the_given_offset() {
    assert_eq!(format_timestamp(0, 0), "01.01.1970 00:00");
    assert_eq!(format_timestamp(1_764_000_000_000, 0), "24.11.2025 16:00");
    assert_eq!(format_timestamp(1_764_000_000_000, 60), "24.11.2025 17:00");
    // Summer time in Poland, across midnight.
    assert_eq!(format_timestamp(1_751_320_800_000, 120), "01.07.2025 00:00");
    assert_eq!(format_timestamp(1_751_320_800_000, 0), "30.06.2025 22:00");
}

#[test]
fn leap_days_and_year_ends_are_right() {
    // 2024-02-29 12:34 UTC and 1999-12-31 23:59 UTC.
    assert_eq!(format_timestamp(1_709_210_040_000, 0), "29.02.2024 12:34");
    assert_eq!(format_timestamp(946_684_740_000, 0), "31.12.1999 23:59");
    assert_eq!(format_timestamp(946_684_740_000, 1), "01.01.2000 00:00");
}

#[test]
fn devices_are_shown_by_their_first_eight_characters() {
    let device: DeviceId = "0195a3f2-7c1d-7000-8000-000000000001".parse().unwrap();
    assert_eq!(short_device_id(device), "0195a3f2");
}

#[test]
fn changes_map_to_their_messages() {
    let created = Change::FamilyCreated { name: "Żak".into(), address: "ul. Długa 1".into() };
    assert_eq!(change_message_id(&created), "change-family-created");
    assert_eq!(change_message_id(&Change::MemberDeleted {}), "change-member-deleted");
}

#[test]
fn dates_are_shown_as_dd_mm_yyyy_in_either_language() {
    let date = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
    assert_eq!(display_date(date), "07.03.2026");
    for locale in [Locale::Pl, Locale::En] {
        let i18n =
            crate::i18n::I18n::new(std::rc::Rc::new(asysta_i18n::Translator::new(locale)), yew::Callback::noop());
        assert_eq!(i18n.date(date), "07.03.2026", "{locale:?}");
    }
}

#[track_caller]
fn check_conversion(convert: fn(&str) -> String, cases: &[(&str, &str)]) {
    for &(input, expected) in cases {
        assert_eq!(convert(input), expected, "{input:?}");
    }
}

#[test]
fn date_fields_show_iso_values_the_polish_way() {
    check_conversion(
        date_for_input,
        &[
            ("2026-02-01", "01.02.2026"),
            ("2028-02-29", "29.02.2028"),
            ("", ""),
            ("05.05", "05.05"),
            ("31.04.2026", "31.04.2026"),
            ("2026-04-31", "2026-04-31"),
        ],
    );
}

#[test]
fn typed_dates_reach_the_form_as_iso() {
    check_conversion(
        date_from_input,
        &[
            ("1.2.2026", "2026-02-01"),
            ("05.05.2026", "2026-05-05"),
            ("29.02.2028", "2028-02-29"),
            ("2027-04-04", "2027-04-04"),
            // Not a date (yet): kept, so the form's check can say so.
            ("31.04.2026", "31.04.2026"),
            ("29.02.2027", "29.02.2027"),
            ("05.05.20", "05.05.20"),
            ("", ""),
        ],
    );
}

#[test]
fn time_fields_use_a_24_hour_clock() {
    check_conversion(time_from_input, &[("7:05", "07:05"), ("16:00", "16:00"), ("24:00", "24:00"), ("7:0", "7:0")]);
    check_conversion(time_for_input, &[("07:05", "07:05"), ("10:00:00", "10:00"), ("", ""), ("25:00", "25:00")]);
}

#[test]
fn a_date_shown_and_typed_back_is_the_same_value() {
    for value in ["2026-01-12", "2028-02-29", "1999-12-31"] {
        assert_eq!(date_from_input(&date_for_input(value)), value);
    }
}
