//! The half-year figures: a period (`2026-H2`), the table the centre
//! reports, every cell opening the families (or assistants) behind it,
//! and the table saved as CSV where the save dialog says.

use super::families::{load_index, FamiliesBehind, FamilyIndex};
use super::{CentrePlace, Load};
use crate::clock::today;
use crate::components::select::{SelectField, SelectOption};
use crate::dom;
use crate::i18n::{use_i18n, I18n};
use crate::ipc;
use crate::screens::print::{PrintAction, PrintButton, PrintState};
use asysta_core::api::PrintJob;
use asysta_core::centre::report::{HalfYear, HalfYearReport, ReportRow};
use asysta_core::EntityId;
use asysta_i18n::Arg;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The half-year `today` is in and the `count - 1` before it, newest first.
pub fn recent_periods(today: NaiveDate, count: usize) -> Vec<HalfYear> {
    let mut period = HalfYear::of(today);
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        out.push(period);
        period = if period.half == 2 {
            HalfYear { year: period.year, half: 1 }
        } else {
            HalfYear { year: period.year - 1, half: 2 }
        };
    }
    out
}

/// The periods offered: the recent ones, and the chosen one if older.
pub fn period_choices(today: NaiveDate, chosen: Option<HalfYear>) -> Vec<HalfYear> {
    let mut periods = recent_periods(today, 6);
    if let Some(chosen) = chosen.filter(|c| !periods.contains(c)) {
        periods.push(chosen);
        periods.sort_by(|a, b| b.cmp(a));
    }
    periods
}

/// A row's label in the user's language ("w tym z powodu: przeprowadzka").
pub fn row_label(i18n: &I18n, row: &ReportRow) -> String {
    if row.label.is_empty() {
        i18n.tr(&row.label_id)
    } else {
        i18n.tr_args(&row.label_id, &[("reason", Arg::Str(&row.label))])
    }
}

/// "2026-H2" as "2. półrocze 2026" (with its dates).
fn period_label(i18n: &I18n, period: HalfYear) -> String {
    i18n.tr_args(
        "centre-period",
        &[
            ("half", Arg::Num(f64::from(period.half))),
            ("year", Arg::Str(&period.year.to_string())),
            ("from", Arg::Str(&i18n.date(period.first_day()))),
            ("to", Arg::Str(&i18n.date(period.last_day()))),
        ],
    )
}

/// The period the place names, else the current one.
pub fn chosen_period(place: &CentrePlace, today: NaiveDate) -> HalfYear {
    place.period.as_deref().and_then(HalfYear::parse).unwrap_or_else(|| HalfYear::of(today))
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportData {
    pub report: Load<HalfYearReport>,
    pub index: Load<FamilyIndex>,
    /// Assistants' names by id.
    pub assistants: Rc<BTreeMap<EntityId, String>>,
}

#[derive(Properties, PartialEq)]
pub struct ReportViewProps {
    pub place: CentrePlace,
    pub on_place: Callback<CentrePlace>,
    pub on_open: Callback<EntityId>,
    pub on_locked: Callback<()>,
}

#[component]
pub fn ReportView(props: &ReportViewProps) -> Html {
    let period = chosen_period(&props.place, today());
    let data = use_state(ReportData::default);
    {
        let (data, on_locked) = (data.clone(), props.on_locked.clone());
        use_effect_with(period, move |&period| {
            data.set(ReportData { report: Load::Loading, ..(*data).clone() });
            spawn_local(async move {
                let report = Load::from_reply(ipc::half_year_report(&period.to_string()).await);
                if report.is_locked() {
                    on_locked.emit(());
                    return;
                }
                let assistants = ipc::assistants(None)
                    .await
                    .map(|list| list.into_iter().map(|a| (a.id, a.entry.name)).collect())
                    .unwrap_or_default();
                data.set(ReportData {
                    report,
                    index: Load::from_reply(load_index().await),
                    assistants: Rc::new(assistants),
                });
            });
        });
    }
    let export = use_reducer(PrintState::default);
    let on_export = {
        let export = export.clone();
        Callback::from(move |()| {
            if *export == PrintState::Printing {
                return;
            }
            export.dispatch(PrintAction::Started);
            let export = export.clone();
            spawn_local(async move {
                let result = ipc::export_half_year_csv(&period.to_string()).await.map_err(|e| e.kind);
                export.dispatch(PrintAction::Finished(result));
            });
        })
    };
    html! {
        <ReportContent
            data={(*data).clone()}
            {period}
            periods={period_choices(today(), Some(period))}
            place={props.place.clone()}
            on_place={props.on_place.clone()}
            on_open={props.on_open.clone()}
            export={(*export).clone()}
            {on_export}
        />
    }
}

#[derive(Properties, PartialEq)]
pub struct ReportContentProps {
    pub data: ReportData,
    pub period: HalfYear,
    pub periods: Vec<HalfYear>,
    pub place: CentrePlace,
    pub on_place: Callback<CentrePlace>,
    pub on_open: Callback<EntityId>,
    pub export: PrintState,
    pub on_export: Callback<()>,
}

/// The report for what was read (rendered in host tests).
#[component]
pub fn ReportContent(props: &ReportContentProps) -> Html {
    let i18n = use_i18n();
    let options: Vec<SelectOption> =
        props.periods.iter().map(|p| SelectOption::new(p.to_string(), period_label(&i18n, *p))).collect();
    let on_period = {
        let (place, on_place) = (props.place.clone(), props.on_place.clone());
        Callback::from(move |value: String| {
            on_place.emit(CentrePlace { period: Some(value), cell: None, ..place.clone() });
        })
    };
    let open_cell = |key: Option<String>| {
        let (place, on_place) = (props.place.clone(), props.on_place.clone());
        Callback::from(move |()| on_place.emit(CentrePlace { cell: key.clone(), ..place.clone() }))
    };
    let table = match &props.data.report {
        Load::Loading => html! { <p class="loading">{ i18n.tr("loading") }</p> },
        Load::Failed(kind) => html! { <p id="report-error" class="form-error" role="alert">{ i18n.error(*kind) }</p> },
        Load::Ready(report) => {
            let rows = report.rows.iter().map(|row| {
                let label = row_label(&i18n, row);
                let open = props.place.cell.as_deref() == Some(row.key.as_str());
                let has_list = !row.families.is_empty() || !row.assistants.is_empty();
                let value = if has_list {
                    let next = if open { None } else { Some(row.key.clone()) };
                    html! {
                        <button
                            type="button"
                            class={classes!("cell-button", open.then_some("open"))}
                            aria-expanded={if open { "true" } else { "false" }}
                            onclick={open_cell(next).reform(|_: MouseEvent| ())}
                        >
                            { row.value }
                            <span class="visually-hidden">{ format!(" — {label}") }</span>
                        </button>
                    }
                } else {
                    html! { <span class="cell-value">{ row.value }</span> }
                };
                html! {
                    <tr class={classes!("report-row", row.sub.then_some("sub"))} data-row={row.key.clone()} key={row.key.clone()}>
                        <th scope="row" class="report-label">{ label }</th>
                        <td class="report-value">{ value }</td>
                    </tr>
                }
            });
            html! {
                <table id="report-table" class="centre-table report-table">
                    <caption>{ i18n.tr("report-title") }{ " — " }{ period_label(&i18n, props.period) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.tr("centre-column-row") }</th>
                            <th scope="col">{ i18n.tr("centre-column-value") }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        }
    };
    let open_row =
        props.place.cell.as_deref().and_then(|key| props.data.report.ready().and_then(|r| r.row(key).cloned()));
    let behind = open_row.map(|row| {
        let title = format!("{} — {}", row_label(&i18n, &row), props.period);
        if row.assistants.is_empty() {
            let index = props.data.index.ready().cloned().unwrap_or_default();
            html! {
                <FamiliesBehind
                    id="cell-families"
                    {title}
                    entries={index.entries(&row.families)}
                    on_open={props.on_open.clone()}
                    on_close={open_cell(None)}
                />
            }
        } else {
            html! { <AssistantsBehind {title} names={row.assistants.iter().map(|id| props.data.assistants.get(id).cloned().unwrap_or_default()).collect::<Vec<_>>()} on_close={open_cell(None)} /> }
        }
    });
    let export_status = match &props.export {
        PrintState::Idle | PrintState::Cancelled => None,
        PrintState::Printing => Some((i18n.tr("centre-csv-saving"), false)),
        PrintState::Saved(path) => Some((i18n.tr_args("print-saved", &[("path", Arg::Str(path))]), false)),
        PrintState::Failed(kind) => Some((i18n.error(*kind), true)),
    };
    let on_export = props.on_export.reform(|_: MouseEvent| ());
    html! {
        <>
            <section class="panel report-panel" aria-labelledby="report-title">
                <h2 id="report-title">{ i18n.tr("centre-report-title") }</h2>
                <div class="report-controls">
                    <SelectField
                        id="report-period"
                        label={i18n.tr("centre-field-period")}
                        value={props.period.to_string()}
                        {options}
                        onchange={on_period}
                    />
                    <span class="print">
                        <button
                            type="button"
                            id="report-csv"
                            class="secondary"
                            disabled={props.export == PrintState::Printing}
                            onclick={on_export}
                        >
                            { i18n.tr("centre-csv-export") }
                        </button>
                        if let Some((text, failed)) = export_status {
                            <span id="report-csv-status" class={classes!("print-status", failed.then_some("error"))} role="status">
                                { text }
                            </span>
                        }
                    </span>
                    <PrintButton job={PrintJob::HalfYear { period: props.period.to_string() }} />
                </div>
                { table }
            </section>
            { for behind }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct AssistantsBehindProps {
    pub title: AttrValue,
    pub names: Vec<String>,
    pub on_close: Callback<()>,
}

/// The assistants behind a cell of the report.
#[component]
pub fn AssistantsBehind(props: &AssistantsBehindProps) -> Html {
    let i18n = use_i18n();
    use_effect_with(props.title.clone(), |_| dom::focus("cell-assistants-title"));
    html! {
        <section id="cell-assistants" class="panel families-behind" aria-labelledby="cell-assistants-title">
            <div class="panel-header">
                <h3 id="cell-assistants-title" tabindex="-1">{ props.title.clone() }</h3>
                <button type="button" id="cell-assistants-close" class="secondary" onclick={props.on_close.reform(|_: MouseEvent| ())}>
                    { i18n.tr("centre-behind-close") }
                </button>
            </div>
            <ul class="plain-list behind-list">
                { for props.names.iter().map(|name| html! { <li class="behind-assistant-name">{ name.clone() }</li> }) }
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests;
