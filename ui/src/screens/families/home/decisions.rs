//! On a laptop's home screen: the centre's decisions on its plans, the
//! versions returned for correction first (with the centre's note), then
//! the approvals of the last weeks. A returned version drops off the list
//! once a new version corrects it.

use crate::i18n::{use_i18n, I18n};
use asysta_core::centre::approval::PlanDecisionNotice;
use asysta_core::evaluation::Decision;
use asysta_core::EntityId;
use asysta_i18n::Arg;
use chrono::NaiveDate;
use std::rc::Rc;
use yew::prelude::*;

/// How long an approval stays on the home screen.
pub const APPROVED_SHOWN_DAYS: i64 = 30;

/// The decisions the home screen lists on `today`: every returned version
/// still in force (newest decision first), then every approval of the
/// last [`APPROVED_SHOWN_DAYS`] on a version still in force.
pub fn decisions_shown(notices: &[PlanDecisionNotice], today: NaiveDate) -> Vec<&PlanDecisionNotice> {
    let decided = |n: &&PlanDecisionNotice| n.approval.decision().map(|d| (d.decision, d.stamp.on));
    let mut returned: Vec<&PlanDecisionNotice> =
        notices.iter().filter(|n| n.in_force && decided(n).is_some_and(|(d, _)| d == Decision::Returned)).collect();
    let mut approved: Vec<&PlanDecisionNotice> = notices
        .iter()
        .filter(|n| {
            n.in_force
                && decided(n)
                    .is_some_and(|(d, on)| d == Decision::Accepted && (today - on).num_days() <= APPROVED_SHOWN_DAYS)
        })
        .collect();
    let day = |n: &&PlanDecisionNotice| n.approval.decision().map(|d| d.stamp.on);
    let newest_first = |a: &&PlanDecisionNotice, b: &&PlanDecisionNotice| day(b).cmp(&day(a));
    returned.sort_by(newest_first);
    approved.sort_by(newest_first);
    returned.extend(approved);
    returned
}

/// "plan (wersja 2) zwrócony do poprawy 24.11.2025: Dodać terminy".
pub fn decision_text(i18n: &I18n, notice: &PlanDecisionNotice) -> String {
    let Some(decision) = notice.approval.decision() else { return String::new() };
    let version = Arg::Num(f64::from(notice.approval.version));
    let date = i18n.date(decision.stamp.on);
    match decision.decision {
        Decision::Returned => i18n.tr_args(
            "home-decision-returned",
            &[("version", version), ("date", Arg::Str(&date)), ("note", Arg::Str(&decision.note))],
        ),
        Decision::Accepted => {
            i18n.tr_args("home-decision-approved", &[("version", version), ("date", Arg::Str(&date))])
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct PlanDecisionsProps {
    pub notices: Rc<Vec<PlanDecisionNotice>>,
    pub on_open: Callback<EntityId>,
    pub today: NaiveDate,
}

/// The list, or nothing when no decision is to be shown.
#[component]
pub fn PlanDecisions(props: &PlanDecisionsProps) -> Html {
    let i18n = use_i18n();
    let shown = decisions_shown(&props.notices, props.today);
    if shown.is_empty() {
        return Html::default();
    }
    let items = shown.into_iter().map(|n| {
        let returned = n.approval.decision().is_some_and(|d| d.decision == Decision::Returned);
        let onclick = {
            let (on_open, family_id) = (props.on_open.clone(), n.family_id);
            Callback::from(move |_: MouseEvent| on_open.emit(family_id))
        };
        html! {
            <li class={classes!("plan-decision", if returned { "returned" } else { "approved" })} key={n.family_id.to_string()}>
                <button type="button" class="link decision-family" {onclick}>{ n.family_name.clone() }</button>
                { " — " }
                <span class="decision-text">{ decision_text(&i18n, n) }</span>
            </li>
        }
    });
    html! {
        <section id="plan-decisions" class="home-part attention" aria-labelledby="plan-decisions-title">
            <h3 id="plan-decisions-title">{ i18n.tr("home-decisions-title") }</h3>
            <ul class="plain-list">{ for items }</ul>
        </section>
    }
}

#[cfg(test)]
mod tests;
