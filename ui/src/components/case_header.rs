//! The top of a case: the family's name, address, basis of the work and
//! status, with the history button and the status controls (children).

use crate::i18n::{use_i18n, I18n};
use asysta_core::api::FamilyCase;
use asysta_core::record::WorkBasis;
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::prelude::*;

/// One line on why the assistant works with the family.
pub fn basis_summary(i18n: &I18n, basis: Option<&WorkBasis>) -> String {
    match basis {
        None => i18n.tr("case-basis-none"),
        Some(WorkBasis::SocialWorkerRequest { request_date, .. }) => {
            i18n.tr_args("case-basis-social-worker-request", &[("date", Arg::Str(&i18n.date(*request_date)))])
        }
        Some(WorkBasis::CourtOrder { court, case_signature, order_date }) => i18n.tr_args(
            "case-basis-court-order",
            &[
                ("court", Arg::Str(court)),
                ("signature", Arg::Str(case_signature)),
                ("date", Arg::Str(&i18n.date(*order_date))),
            ],
        ),
    }
}

#[derive(Properties, PartialEq)]
pub struct CaseHeaderProps {
    pub case: Rc<FamilyCase>,
    /// Opens the history of the family record.
    pub on_history: Callback<()>,
    /// Shown under the header (the status controls).
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn CaseHeader(props: &CaseHeaderProps) -> Html {
    let i18n = use_i18n();
    let case = &props.case;
    let family = &case.family;
    html! {
        <section class="panel case-header" aria-labelledby="case-name">
            <div class="panel-header">
                <div>
                    <h2 id="case-name">{ family.name.clone() }</h2>
                    <p id="case-address" class="case-line">{ family.address.clone() }</p>
                    <p id="case-basis" class="case-line">{ basis_summary(&i18n, case.details.basis.as_ref()) }</p>
                </div>
                <div class="case-header-side">
                    <span class="visually-hidden">{ i18n.tr("column-status") }</span>
                    <span id="case-status" class={classes!("status-badge", family.status.as_str())}>
                        { i18n.tr(family.status.message_id()) }
                    </span>
                    <button
                        type="button"
                        id="case-history"
                        class="secondary"
                        onclick={props.on_history.reform(|_: MouseEvent| ())}
                    >
                        { i18n.tr("family-history-button") }
                    </button>
                </div>
            </div>
            // A closing shows its reason with the rest of it (the status section).
            if !case.status_reason.is_empty() && case.closing.is_none() {
                <p id="case-status-reason" class="hint">
                    { i18n.tr_args("case-status-reason", &[("reason", Arg::Str(&case.status_reason))]) }
                </p>
            }
            { props.children.clone() }
        </section>
    }
}
