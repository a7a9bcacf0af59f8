//! Pure formatting helpers for the views.

use asysta_core::validation::{parse_iso_date, parse_polish_date, parse_time};
use asysta_core::{Change, DeviceId};
use chrono::{NaiveDate, NaiveTime};

/// A date as the app shows it: "23.11.2026" (dd.mm.rrrr), in either
/// language, as its date fields show and take dates.
pub fn display_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// What a date field shows for the form's value: an ISO `YYYY-MM-DD`
/// date as `dd.mm.yyyy`, whatever the computer's language; anything else
/// (a half-typed or wrong date) as it is.
pub fn date_for_input(value: &str) -> String {
    match parse_iso_date(value) {
        Some(date) => date.format("%d.%m.%Y").to_string(),
        None => value.to_owned(),
    }
}

/// The form's value for what was typed into a date field: a Polish
/// `d.m.yyyy` date becomes ISO `YYYY-MM-DD`; an ISO date, or text that is
/// no date (the form's check then says so next to the field), is kept as
/// it is.
pub fn date_from_input(typed: &str) -> String {
    match parse_polish_date(typed) {
        Some(date) => date.format("%Y-%m-%d").to_string(),
        None => typed.to_owned(),
    }
}

/// What a time field shows for the form's value: `HH:MM` on a 24-hour
/// clock (a stored `HH:MM:SS` loses its seconds); anything else as it is.
pub fn time_for_input(value: &str) -> String {
    let time = parse_time(value).or_else(|| NaiveTime::parse_from_str(value.trim(), "%H:%M:%S").ok());
    match time {
        Some(time) => time.format("%H:%M").to_string(),
        None => value.to_owned(),
    }
}

/// The form's value for what was typed into a time field: `H:MM` or
/// `HH:MM` becomes `HH:MM`; anything else is kept for the form's check.
pub fn time_from_input(typed: &str) -> String {
    match parse_time(typed) {
        Some(time) => time.format("%H:%M").to_string(),
        None => typed.to_owned(),
    }
}

/// "dd.mm.rrrr HH:MM" for a Unix time in milliseconds, shifted by a UTC
/// offset in minutes (east of Greenwich is positive).
pub fn format_timestamp(unix_ms: u64, utc_offset_minutes: i64) -> String {
    let minutes = (unix_ms / 60_000) as i64 + utc_offset_minutes;
    let days = minutes.div_euclid(24 * 60);
    let minute_of_day = minutes.rem_euclid(24 * 60);
    let (year, month, day) = civil_from_days(days);
    format!("{day:02}.{month:02}.{year:04} {:02}:{:02}", minute_of_day / 60, minute_of_day % 60)
}

/// The time as the user's computer shows it (UTC in host tests).
pub fn local_timestamp(unix_ms: u64) -> String {
    format_timestamp(unix_ms, local_offset_minutes(unix_ms))
}

/// The first eight characters of a device id: enough to tell laptops apart.
pub fn short_device_id(device: DeviceId) -> String {
    device.to_string().chars().take(8).collect()
}

/// The Fluent message that describes a change, e.g. `change-family-created`.
pub fn change_message_id(change: &Change) -> String {
    change.message_id()
}

/// The browser's UTC offset at `unix_ms` (daylight saving time included).
#[cfg(target_arch = "wasm32")]
fn local_offset_minutes(unix_ms: u64) -> i64 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix_ms as f64));
    // getTimezoneOffset() is UTC minus local time, in minutes.
    -(date.get_timezone_offset() as i64)
}

#[cfg(not(target_arch = "wasm32"))]
fn local_offset_minutes(_unix_ms: u64) -> i64 {
    0
}

/// (year, month, day) of a day counted from 1970-01-01, in the proleptic
/// Gregorian calendar (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests;
