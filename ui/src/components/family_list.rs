//! The list of families: a count, then a table or the empty state.

use crate::i18n::{use_i18n, I18n};
use asysta_core::alerts::days_since_last_visit;
use asysta_core::family::FamilySummary;
use asysta_core::EntityId;
use asysta_i18n::Arg;
use chrono::NaiveDate;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FamilyListProps {
    /// In the order to show (the backend sorts in Polish order).
    pub families: Rc<Vec<FamilySummary>>,
    /// Whether a search or a status other than the default narrows the
    /// list (an empty list then means "nothing found", not "no families").
    #[prop_or_default]
    pub filtered: bool,
    /// Opens the case of a family.
    pub on_open: Callback<EntityId>,
    /// Opens the history of a family: its id and name.
    pub on_history: Callback<(EntityId, String)>,
    /// Today, for the days since each family's last visit.
    pub today: NaiveDate,
}

/// "today", "yesterday", "5 days ago" or "no visits".
pub fn last_visit_text(i18n: &I18n, last_visit: Option<NaiveDate>, today: NaiveDate) -> String {
    match days_since_last_visit(last_visit, today) {
        None => i18n.tr("last-visit-never"),
        Some(days) if days <= 0 => i18n.tr("last-visit-today"),
        Some(days) => i18n.tr_args("last-visit-days-ago", &[("days", Arg::Num(days as f64))]),
    }
}

#[component]
pub fn FamilyList(props: &FamilyListProps) -> Html {
    let i18n = use_i18n();
    let count = html! {
        <p id="family-count" class="count" aria-live="polite">{ i18n.count("family-count", props.families.len()) }</p>
    };
    if props.families.is_empty() {
        let empty = if props.filtered { "search-no-results" } else { "families-empty" };
        return html! {
            <>
                { count }
                <p id="families-empty" class="empty">{ i18n.tr(empty) }</p>
            </>
        };
    }
    let rows = props.families.iter().map(|family| {
        let on_history = {
            let on_history = props.on_history.clone();
            let target = (family.id, family.name.clone());
            Callback::from(move |_: MouseEvent| on_history.emit(target.clone()))
        };
        let on_open = {
            let on_open = props.on_open.clone();
            let id = family.id;
            Callback::from(move |_: MouseEvent| on_open.emit(id))
        };
        let label = i18n.tr_args("history-title", &[("name", Arg::Str(&family.name))]);
        html! {
            <tr class="family-row" key={family.id.to_string()} data-id={family.id.to_string()}>
                <td>
                    <button type="button" class="family-name link" onclick={on_open}>{ family.name.clone() }</button>
                </td>
                <td class="family-address">{ family.address.clone() }</td>
                <td class="family-members">{ i18n.count("member-count", family.member_count as usize) }</td>
                <td class="family-status">{ i18n.tr(family.status.message_id()) }</td>
                <td class="family-last-visit">
                    if let Some(date) = family.last_visit {
                        <time datetime={date.to_string()} title={i18n.date(date)}>
                            { last_visit_text(&i18n, Some(date), props.today) }
                        </time>
                    } else {
                        { last_visit_text(&i18n, None, props.today) }
                    }
                </td>
                <td class="family-actions">
                    <button type="button" class="family-history secondary" aria-label={label} onclick={on_history}>
                        { i18n.tr("family-history-button") }
                    </button>
                </td>
            </tr>
        }
    });
    html! {
        <>
            { count }
            <table id="families-table" class="families-table">
                <thead>
                    <tr>
                        <th scope="col">{ i18n.tr("column-family") }</th>
                        <th scope="col">{ i18n.tr("column-address") }</th>
                        <th scope="col">{ i18n.tr("column-members") }</th>
                        <th scope="col">{ i18n.tr("column-status") }</th>
                        <th scope="col">{ i18n.tr("column-last-visit") }</th>
                        <th scope="col"><span class="visually-hidden">{ i18n.tr("family-history-button") }</span></th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </>
    }
}
