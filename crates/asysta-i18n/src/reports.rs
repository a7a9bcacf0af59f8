//! The half-year report's rows named in a language: the one place the
//! window, the CLI, the CSV and the PDF take the labels from.

use crate::{Arg, Translator};
use asysta_core::centre::report::{to_csv, HalfYearReport, ReportRow};

/// A row's label ("w tym z powodu: zmiana miejsca zamieszkania").
pub fn row_label(tr: &Translator, row: &ReportRow) -> String {
    if row.label.is_empty() {
        tr.tr(&row.label_id)
    } else {
        tr.tr_args(&row.label_id, &[("reason", Arg::Str(&row.label))])
    }
}

/// The report as CSV with the rows' labels in `tr`'s language.
pub fn report_csv(tr: &Translator, report: &HalfYearReport) -> String {
    to_csv(report, |row| row_label(tr, row))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Locale;

    #[test]
    fn every_row_has_a_label_in_both_languages() {
        let report = asysta_core::centre::report::half_year(
            asysta_core::centre::report::HalfYear::parse("2026-H2").unwrap(),
            &[],
            &[("moved".into(), "zmiana miejsca zamieszkania".into())],
            &[],
        );
        for locale in [Locale::Pl, Locale::En] {
            let tr = Translator::new(locale);
            for row in &report.rows {
                let label = row_label(&tr, row);
                assert!(!label.is_empty() && !label.contains("report-row"), "{locale:?} {}: {label}", row.key);
            }
        }
        let pl = Translator::new(Locale::Pl);
        let moved = report.row("ended_moved").unwrap();
        assert!(row_label(&pl, moved).contains("zmiana miejsca zamieszkania"));
        assert!(report_csv(&pl, &report).contains("Rodziny objęte pracą asystenta rodziny"));
    }
}
