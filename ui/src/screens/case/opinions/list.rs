//! The court's requests for opinions, by due date: the court, the case
//! signature, when the request came and when the opinion is due, and
//! whether it is final.

use crate::i18n::{use_i18n, I18n};
use asysta_core::opinion::OpinionView;
use asysta_core::EntityId;
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::prelude::*;

/// "w przygotowaniu", or "ostateczna 03.12.2026".
pub fn status_text(i18n: &I18n, opinion: &OpinionView) -> String {
    match &opinion.finalized {
        Some(stamp) => i18n.tr_args("opinion-status-final", &[("date", Arg::Str(&i18n.date(stamp.on)))]),
        None => i18n.tr("opinion-status-draft"),
    }
}

#[derive(Properties, PartialEq)]
pub struct OpinionListProps {
    pub opinions: Rc<Vec<OpinionView>>,
    pub busy: bool,
    pub on_open: Callback<EntityId>,
}

#[component]
pub fn OpinionList(props: &OpinionListProps) -> Html {
    let i18n = use_i18n();
    if props.opinions.is_empty() {
        return html! { <p id="opinions-empty" class="empty">{ i18n.tr("opinions-empty") }</p> };
    }
    let date = |key: &str, d: chrono::NaiveDate| i18n.tr_args(key, &[("date", Arg::Str(&i18n.date(d)))]);
    let items = props.opinions.iter().map(|o| {
        let id = o.id;
        let request = &o.request;
        let state = if o.finalized.is_some() { "final" } else { "draft" };
        html! {
            <li id={format!("opinion-{id}")} class="opinion" key={id.to_string()}>
                <div class="opinion-line">
                    <span class="opinion-court">{ request.court.clone() }</span>
                    <span class="opinion-signature">
                        { i18n.tr_args("opinion-signature", &[("signature", Arg::Str(&request.case_signature))]) }
                    </span>
                    <span class="opinion-received">{ date("opinion-received", request.received_on) }</span>
                    <span class="opinion-due">{ date("opinion-due", request.due_on) }</span>
                    <span class={classes!("opinion-status", "badge", state)}>{ status_text(&i18n, o) }</span>
                </div>
                <div class="actions">
                    <button
                        type="button"
                        id={format!("opinion-open-{id}")}
                        class="secondary opinion-open"
                        disabled={props.busy}
                        onclick={props.on_open.reform(move |_: MouseEvent| id)}
                    >
                        { i18n.tr("opinion-open") }
                    </button>
                    <crate::screens::print::PrintButton job={asysta_core::api::PrintJob::Opinion { opinion_id: id }} />
                    <crate::screens::print::PrintButton
                        job={asysta_core::api::PrintJob::OpinionDocx { opinion_id: id }}
                        label={i18n.tr("print-docx")}
                    />
                </div>
            </li>
        }
    });
    html! { <ol id="opinion-list" class="plain-list opinion-list">{ for items }</ol> }
}
