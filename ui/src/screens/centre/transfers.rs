//! Transfers between assistants: pending ones first (the old laptop has
//! not yet acknowledged them), each with the edits the old laptop made
//! after the effective date flagged for the supervisor.

use super::Load;
use crate::i18n::{use_i18n, I18n};
use crate::ipc;
use asysta_core::api::ErrorKind;
use asysta_core::centre::{LateEdit, TransferView};
use asysta_core::EntityId;
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Pending transfers first, then the latest effective date first (a
/// stable order: the family's id breaks ties).
pub fn ordered(mut transfers: Vec<TransferView>) -> Vec<TransferView> {
    transfers.sort_by(|a, b| {
        b.pending.cmp(&a.pending).then(b.row.from.cmp(&a.row.from)).then(a.family_id.cmp(&b.family_id))
    });
    transfers
}

/// What a late edit changed ("Dodano wizytę"), from its event's kind.
pub fn late_edit_text(i18n: &I18n, edit: &LateEdit) -> String {
    let id = format!("change-{}", edit.kind.replace(['.', '_'], "-"));
    if i18n.has(&id) {
        i18n.tr(&id)
    } else {
        edit.kind.clone()
    }
}

#[derive(Properties, PartialEq)]
pub struct TransfersViewProps {
    pub on_open: Callback<EntityId>,
    pub on_locked: Callback<()>,
}

#[component]
pub fn TransfersView(props: &TransfersViewProps) -> Html {
    let list = use_state(Load::<Vec<TransferView>>::default);
    {
        let (list, on_locked) = (list.clone(), props.on_locked.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                match ipc::transfers().await {
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    reply => list.set(Load::from_reply(reply.map(ordered))),
                }
            });
        });
    }
    html! { <TransfersContent list={(*list).clone()} on_open={props.on_open.clone()} /> }
}

#[derive(Properties, PartialEq)]
pub struct TransfersContentProps {
    pub list: Load<Vec<TransferView>>,
    pub on_open: Callback<EntityId>,
}

/// The transfers for a list (rendered in host tests).
#[component]
pub fn TransfersContent(props: &TransfersContentProps) -> Html {
    let i18n = use_i18n();
    let body = match &props.list {
        Load::Loading => html! { <p class="loading">{ i18n.tr("loading") }</p> },
        Load::Failed(kind) => {
            html! { <p id="transfers-error" class="form-error" role="alert">{ i18n.error(*kind) }</p> }
        }
        Load::Ready(list) if list.is_empty() => {
            html! { <p id="transfers-empty" class="empty">{ i18n.tr("centre-transfers-empty") }</p> }
        }
        Load::Ready(list) => {
            let rows = list.iter().map(|t| transfer_row(&i18n, t, &props.on_open));
            html! {
                <table id="transfers-table" class="centre-table transfers-table">
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.tr("column-family") }</th>
                            <th scope="col">{ i18n.tr("centre-column-from-assistant") }</th>
                            <th scope="col">{ i18n.tr("centre-column-to-assistant") }</th>
                            <th scope="col">{ i18n.tr("centre-column-effective-on") }</th>
                            <th scope="col">{ i18n.tr("centre-column-transfer-state") }</th>
                            <th scope="col">{ i18n.tr("centre-column-late-edits") }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        }
    };
    let rc: Option<Rc<Vec<TransferView>>> = props.list.ready().cloned();
    let pending = rc.as_ref().map_or(0, |l| l.iter().filter(|t| t.pending).count());
    html! {
        <section class="panel" aria-labelledby="transfers-title">
            <h2 id="transfers-title">{ i18n.tr("centre-transfers-title") }</h2>
            if rc.is_some() {
                <p id="transfers-pending" class="count">
                    { i18n.tr_args("centre-transfers-pending", &[("count", Arg::Num(pending as f64))]) }
                </p>
            }
            { body }
        </section>
    }
}

fn transfer_row(i18n: &I18n, t: &TransferView, on_open: &Callback<EntityId>) -> Html {
    let id = t.family_id;
    let onclick = on_open.reform(move |_: MouseEvent| id);
    let from = t.row.transfer_from.as_ref().map_or_else(|| "—".to_owned(), |a| a.name.clone());
    let state = match (t.pending, t.row.handed_over_on) {
        (true, _) => i18n.tr("centre-transfer-pending"),
        (false, Some(on)) => i18n.tr_args("centre-transfer-acknowledged", &[("date", Arg::Str(&i18n.date(on)))]),
        (false, None) => i18n.tr("centre-transfer-done"),
    };
    let late = t.late_edits.iter().map(|edit| {
        html! {
            <li class="late-edit">
                <time datetime={edit.written_on.to_string()}>{ i18n.date(edit.written_on) }</time>
                { " — " }
                { late_edit_text(i18n, edit) }
                { " (" }{ edit.author_name.clone() }{ ")" }
            </li>
        }
    });
    html! {
        <tr
            class={classes!("transfer-row", t.pending.then_some("pending"), (!t.late_edits.is_empty()).then_some("has-late-edits"))}
            key={format!("{}-{}", t.family_id, t.row.from)}
            data-id={t.family_id.to_string()}
        >
            <th scope="row"><button type="button" class="link transfer-family" {onclick}>{ t.family_name.clone() }</button></th>
            <td class="transfer-from">{ from }</td>
            <td class="transfer-to">{ t.row.assistant.name.clone() }</td>
            <td class="transfer-on">{ i18n.date(t.row.from) }</td>
            <td class="transfer-state">
                if t.pending {
                    <span class="badge badge-pending">{ state }</span>
                } else {
                    { state }
                }
            </td>
            <td class="transfer-late">
                if t.late_edits.is_empty() {
                    { "—" }
                } else {
                    <span class="badge badge-late">
                        { i18n.tr_args("centre-late-edits", &[("count", Arg::Num(t.late_edits.len() as f64))]) }
                    </span>
                    <ul class="plain-list late-edits">{ for late }</ul>
                }
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests;
