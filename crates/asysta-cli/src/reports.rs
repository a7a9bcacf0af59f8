//! `asysta dashboard` and `asysta report half-year`: the centre's figures,
//! each with the families behind it.

use crate::commands::{line, open, print_json, today_local};
use crate::forms::failed;
use asysta_core::api::PrintJob;
use asysta_core::centre::dashboard::{AssistantFigures, Figure};
use asysta_core::centre::report::HalfYear;
use asysta_i18n::reports::{report_csv, row_label};
use asysta_i18n::Translator;
use std::path::{Path, PathBuf};

/// A date typed as `YYYY-MM-DD` or `dd.mm.rrrr`.
pub fn parse_day(text: &str) -> Result<chrono::NaiveDate, String> {
    asysta_core::validation::parse_date(text.trim())
        .ok_or_else(|| format!("{text:?}: use YYYY-MM-DD or dd.mm.rrrr, e.g. 2026-12-31"))
}

fn figure_line(out: &mut String, t: &Translator, id: &str, figure: &Figure) {
    line(out, format_args!("  {}: {}", t.tr(id), figure.count));
}

fn assistant_block(out: &mut String, t: &Translator, a: &AssistantFigures) {
    let as_of = a.data_as_of_ms.map_or_else(|| "—".to_owned(), crate::commands::format_time);
    line(out, format_args!("{}\t{}\t{}/{}\t{as_of}", a.assistant_id, a.name, a.active_families, a.cap));
    if a.breach_in_past {
        let on = a.highest_on.map(|d| d.format("%d.%m.%Y").to_string()).unwrap_or_default();
        line(out, format_args!("  {}: {} ({on})", t.tr("report-dashboard-highest-caseload"), a.highest_caseload));
    }
    for (id, figure) in [
        ("report-dashboard-no-recent-visit", &a.no_recent_visit),
        ("report-dashboard-overdue-actions", &a.overdue_actions),
        ("report-dashboard-evaluations-due", &a.evaluations_due),
        ("report-dashboard-evaluations-overdue", &a.evaluations_overdue),
        ("report-dashboard-plans-missing", &a.plans_missing),
        ("report-dashboard-plans-incomplete", &a.plans_incomplete),
        ("report-dashboard-plans-unconsulted", &a.plans_unconsulted),
        ("report-dashboard-awaiting-decision", &a.awaiting_decision),
        ("report-dashboard-comments-awaiting-centre", &a.comments_awaiting_centre),
        ("report-dashboard-comments-awaiting-assistant", &a.comments_awaiting_assistant),
        ("report-dashboard-conflicts", &a.conflicts),
        ("report-dashboard-late-edits", &a.late_edits),
        ("report-dashboard-court-ordered", &a.court_ordered),
    ] {
        figure_line(out, t, id, figure);
    }
    line(out, format_args!("  {}: {}", t.tr("report-dashboard-held-back"), a.held_back_events));
    if let Some(month) = a.months.last() {
        line(
            out,
            format_args!(
                "  {} {}: {} / {:.1} h",
                t.tr("report-dashboard-month"),
                month.month,
                month.contacts,
                f64::from(month.minutes) / 60.0
            ),
        );
    }
}

/// `asysta dashboard [--on DATE] [--json]`.
pub fn dashboard(
    data_dir: &Path,
    on: Option<&str>,
    json: bool,
    t: &Translator,
    out: &mut String,
) -> Result<(), String> {
    let on = on.map(parse_day).transpose()?.unwrap_or_else(today_local);
    let board = open(data_dir, t)?.dashboard(on).map_err(failed(t))?;
    if json {
        return print_json(out, &board);
    }
    for a in &board.assistants {
        assistant_block(out, t, a);
    }
    line(out, format_args!("{}: {}", t.tr("report-dashboard-waiting"), board.waiting.count));
    line(out, format_args!("{}: {}", t.tr("report-dashboard-pending-transfers"), board.pending_transfers.count));
    line(out, format_args!("{}: {}", t.tr("report-dashboard-open-duplicates"), board.open_duplicates));
    if let Some(share) = board.closings.goals_achieved_share {
        line(out, format_args!("{}: {:.0} %", t.tr("report-dashboard-goals-achieved-share"), share * 100.0));
    }
    Ok(())
}

/// What `asysta report half-year` writes besides the table.
pub struct HalfYearOutput {
    pub csv: Option<PathBuf>,
    pub pdf: Option<PathBuf>,
    pub cell: Option<String>,
}

/// `asysta report half-year 2026-H2 [--csv FILE | --pdf FILE | --cell ROW] [--json]`.
pub fn half_year(
    data_dir: &Path,
    period: &str,
    output: HalfYearOutput,
    json: bool,
    t: &Translator,
    out: &mut String,
) -> Result<(), String> {
    let half = HalfYear::parse(period).ok_or_else(|| format!("{period:?}: use YYYY-H1 or YYYY-H2, e.g. 2026-H2"))?;
    let store = open(data_dir, t)?;
    let report = store.half_year_report(half).map_err(failed(t))?;
    if let Some(key) = &output.cell {
        let row = report.row(key).ok_or_else(|| {
            let keys: Vec<&str> = report.rows.iter().map(|r| r.key.as_str()).collect();
            format!("{key:?}: not a row of the report ({})", keys.join(", "))
        })?;
        if json {
            return print_json(out, row);
        }
        line(out, format_args!("{}: {}", row_label(t, row), row.value));
        let names = store.family_assistants().map_err(failed(t))?;
        for family in &row.families {
            let case = store.family_case(*family).map_err(failed(t))?;
            let assistant = names.get(family).cloned().unwrap_or_default();
            line(out, format_args!("{family}\t{}\t{assistant}", case.family.name));
        }
        for assistant in &row.assistants {
            line(out, format_args!("{assistant}"));
        }
        return Ok(());
    }
    if let Some(path) = &output.csv {
        asysta_store::write_atomically(path, report_csv(t, &report).as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if let Some(path) = &output.pdf {
        let bytes = asysta_print::jobs::render(
            &store,
            &PrintJob::HalfYear { period: report.period.clone() },
            today_local(),
            &asysta_print::InProcess,
        )
        .map_err(|e| e.to_string())?;
        asysta_print::write_atomically(path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if json {
        return print_json(out, &report);
    }
    for row in &report.rows {
        let indent = if row.sub { "  " } else { "" };
        line(out, format_args!("{}\t{indent}{}\t{}", row.key, row_label(t, row), row.value));
    }
    Ok(())
}
