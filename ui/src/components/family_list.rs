//! The list of families: a count, then a table or the empty state.

use crate::i18n::{use_i18n, I18n};
use asysta_core::alerts::days_since_last_visit;
use asysta_core::exchange::Caseload;
use asysta_core::family::FamilySummary;
use asysta_core::EntityId;
use asysta_i18n::Arg;
use chrono::NaiveDate;
use std::collections::BTreeMap;
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
    /// At a centre: the assistant each family is with, and each
    /// assistant's caseload; the list is then grouped by assistant.
    #[prop_or_default]
    pub groups: Option<Rc<AssistantGroups>>,
}

/// The centre's view of who works with which family.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AssistantGroups {
    pub assistants: BTreeMap<EntityId, String>,
    pub caseloads: Vec<Caseload>,
}

impl AssistantGroups {
    /// The families by assistant name (in name order), each group in the
    /// list's order; families of no known assistant come last.
    pub fn group<'a>(&self, families: &'a [FamilySummary]) -> Vec<(Option<String>, Vec<&'a FamilySummary>)> {
        let mut groups: BTreeMap<Option<String>, Vec<&FamilySummary>> = BTreeMap::new();
        for family in families {
            groups.entry(self.assistants.get(&family.id).cloned()).or_default().push(family);
        }
        let mut out: Vec<_> = groups.into_iter().collect();
        // `None` sorts first in a BTreeMap; the unassigned go last.
        let unassigned_first = out.first().is_some_and(|(name, _)| name.is_none());
        out.rotate_left(usize::from(unassigned_first));
        out
    }

    /// "Anna Nowak — 3 of 15 active families".
    fn heading(&self, i18n: &I18n, name: Option<&str>) -> String {
        let Some(name) = name else { return i18n.tr("assistant-unknown") };
        match self.caseloads.iter().find(|c| c.assistant_name == name) {
            Some(c) => i18n.tr_args(
                "assistant-group",
                &[
                    ("name", Arg::Str(name)),
                    ("active", Arg::Num(f64::from(c.active))),
                    ("cap", Arg::Num(f64::from(c.cap))),
                ],
            ),
            None => name.to_owned(),
        }
    }
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
    let row = |family: &FamilySummary| {
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
    };
    let body = match &props.groups {
        None => html! { <tbody>{ for props.families.iter().map(row) }</tbody> },
        Some(groups) => html! {
            { for groups.group(&props.families).into_iter().map(|(name, families)| html! {
                <tbody class="assistant-group" data-assistant={name.clone().unwrap_or_default()}>
                    <tr class="assistant-heading"><th colspan="6" scope="rowgroup">{ groups.heading(&i18n, name.as_deref()) }</th></tr>
                    { for families.into_iter().map(row) }
                </tbody>
            }) }
        },
    };
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
                { body }
            </table>
        </>
    }
}
