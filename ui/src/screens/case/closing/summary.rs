//! The closing of the work as the case shows it while the family is closed,
//! monitored or archived: the date, the reason (its name in the centre's
//! list, or the text typed for an old closing) and the summary; the end of
//! monitoring; and that an archived case is read-only.

use super::reason_text;
use crate::i18n::use_i18n;
use asysta_core::closing::{ClosingReason, ClosingView, OTHER_REASON};
use asysta_core::record::FamilyStatus;
use asysta_i18n::Arg;
use chrono::NaiveDate;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClosingSummaryProps {
    pub status: FamilyStatus,
    pub closing: Option<ClosingView>,
    pub monitoring_until: Option<NaiveDate>,
    /// The centre's reasons (empty until read).
    pub reasons: Rc<Vec<ClosingReason>>,
}

/// The reason as shown: the list's name, with the text typed for "other"
/// or as a detail; an old closing's own text.
pub fn shown_reason(name: Option<String>, closing: &ClosingView) -> String {
    match (name, closing.reason.trim()) {
        (Some(name), "") => name,
        (Some(name), text) if closing.reason_key.as_deref() == Some(OTHER_REASON) => format!("{name}: {text}"),
        (Some(name), text) => format!("{name} — {text}"),
        (None, text) => text.to_owned(),
    }
}

#[component]
pub fn ClosingSummary(props: &ClosingSummaryProps) -> Html {
    let i18n = use_i18n();
    if props.status == FamilyStatus::Active {
        return Html::default();
    }
    let closing = props.closing.as_ref().map(|c| {
        let name = c.reason_key.as_deref().map(|key| reason_text(&i18n, &props.reasons, key));
        let reason = shown_reason(name, c);
        html! {
            <div id="case-closing" class="case-closing">
                if let Some(on) = c.on {
                    <p id="closing-shown-on">{ i18n.tr_args("closing-shown-on", &[("date", Arg::Str(&i18n.date(on)))]) }</p>
                }
                if !reason.is_empty() {
                    <p id="closing-shown-reason">{ i18n.tr_args("closing-shown-reason", &[("reason", Arg::Str(&reason))]) }</p>
                }
                if !c.summary.is_empty() {
                    <p class="closing-summary-title">{ i18n.tr("closing-shown-summary") }</p>
                    <p id="closing-shown-summary" class="closing-summary-text">{ c.summary.clone() }</p>
                }
            </div>
        }
    });
    html! {
        <>
            { for closing }
            if let (FamilyStatus::Monitoring, Some(until)) = (props.status, props.monitoring_until) {
                <p id="case-monitoring" class="case-line">
                    { i18n.tr_args("case-monitoring-until", &[("date", Arg::Str(&i18n.date(until)))]) }
                </p>
            }
        </>
    }
}
