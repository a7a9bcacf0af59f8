//! How values are printed: Polish conventions, one place.

use crate::model::YearMonth;
use crate::PrintError;
use chrono::{NaiveDate, NaiveTime};

/// What stands in a field that was left empty.
pub(crate) const EMPTY: &str = "—";

/// `02.11.2026`.
pub(crate) fn date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// `14:30`.
pub(crate) fn time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// `14:30–16:00`.
pub(crate) fn time_range(start: NaiveTime, end: NaiveTime) -> String {
    format!("{}–{}", time(start), time(end))
}

/// Hours with a decimal comma and at most two decimals: `1,5 h`, `2 h`. A
/// no-break space keeps the number and the unit on one line.
pub(crate) fn hours(h: f64) -> String {
    let fixed = format!("{h:.2}");
    let trimmed = fixed.trim_end_matches('0').trim_end_matches('.');
    format!("{}\u{a0}h", trimmed.replace('.', ","))
}

/// The length of a contact in hours (`1,5 h`); one that ends before it
/// starts is taken to run past midnight.
pub(crate) fn duration(start: NaiveTime, end: NaiveTime) -> String {
    let mut minutes = (end - start).num_minutes();
    if minutes < 0 {
        minutes += 24 * 60;
    }
    hours(minutes as f64 / 60.0)
}

/// `listopad 2026`.
pub(crate) fn month(m: YearMonth) -> Result<String, PrintError> {
    const NAMES: [&str; 12] = [
        "styczeń",
        "luty",
        "marzec",
        "kwiecień",
        "maj",
        "czerwiec",
        "lipiec",
        "sierpień",
        "wrzesień",
        "październik",
        "listopad",
        "grudzień",
    ];
    let name = m.month.checked_sub(1).and_then(|i| NAMES.get(i as usize)).ok_or(PrintError::InvalidMonth(m.month))?;
    Ok(format!("{name} {}", m.year))
}

/// The text, or [`EMPTY`] when it is blank.
pub(crate) fn or_empty(text: &str) -> String {
    if text.trim().is_empty() {
        EMPTY.to_owned()
    } else {
        text.trim().to_owned()
    }
}

/// The items separated by commas, or [`EMPTY`] when there are none.
pub(crate) fn list(items: &[String]) -> String {
    or_empty(&items.join(", "))
}

/// The paragraphs of a free text: blank lines separate them; the lines of
/// one paragraph keep their single line breaks.
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line.trim_end());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs
}

#[cfg(test)]
mod tests;
