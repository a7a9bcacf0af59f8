//! Today's date, for the same date rules the shell applies (a birth date
//! may not be in the future, …), so a form is checked before it is sent.

use chrono::NaiveDate;

/// Today on this computer's clock, in its time zone: the same day the shell
/// reads from `chrono::Local` for the commands.
#[cfg(target_arch = "wasm32")]
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or(NaiveDate::MAX)
}

/// Host tests check reducers and views, never a submitted form, so they
/// never ask for today; the latest date keeps every past date acceptable.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> NaiveDate {
    NaiveDate::MAX
}

/// The time now on this computer's clock, in Unix milliseconds (when a
/// draft was saved).
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Host tests never save a draft; the epoch stands in for the time.
#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> u64 {
    0
}
