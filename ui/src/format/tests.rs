use super::*;

#[test]
fn timestamps_are_formatted_in_the_given_offset() {
    assert_eq!(format_timestamp(0, 0), "1970-01-01 00:00");
    assert_eq!(format_timestamp(1_764_000_000_000, 0), "2025-11-24 16:00");
    assert_eq!(format_timestamp(1_764_000_000_000, 60), "2025-11-24 17:00");
    // Summer time in Poland, across midnight.
    assert_eq!(format_timestamp(1_751_320_800_000, 120), "2025-07-01 00:00");
    assert_eq!(format_timestamp(1_751_320_800_000, 0), "2025-06-30 22:00");
}

#[test]
fn leap_days_and_year_ends_are_right() {
    // 2024-02-29 12:34 UTC and 1999-12-31 23:59 UTC.
    assert_eq!(format_timestamp(1_709_210_040_000, 0), "2024-02-29 12:34");
    assert_eq!(format_timestamp(946_684_740_000, 0), "1999-12-31 23:59");
    assert_eq!(format_timestamp(946_684_740_000, 1), "2000-01-01 00:00");
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
fn dates_read_as_each_language_writes_them() {
    let date = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
    assert_eq!(display_date(date, Locale::Pl), "07.03.2026");
    assert_eq!(display_date(date, Locale::En), "2026-03-07");
}
