//! "Sprawdź obszar roboczy": `asysta check` in the window. It reads only:
//! the database file, the event log's invariants, and every table against
//! a rebuild from the events; the answer says all holds, or lists what
//! differs.

use crate::i18n::use_i18n;
use crate::ipc;
use asysta_core::api::{ApiError, CheckReport, ErrorKind};
use asysta_i18n::Arg;
use yew::platform::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckPanelProps {
    pub on_locked: Callback<()>,
}

/// What the panel shows: nothing yet, the check running, or its outcome.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Idle,
    Running,
    Done(CheckReport),
    Failed(ApiError),
}

#[component]
pub fn CheckPanel(props: &CheckPanelProps) -> Html {
    let i18n = use_i18n();
    let outcome = use_state(|| Outcome::Idle);
    let onclick = {
        let (outcome, on_locked) = (outcome.clone(), props.on_locked.clone());
        Callback::from(move |_: MouseEvent| {
            if *outcome == Outcome::Running {
                return;
            }
            outcome.set(Outcome::Running);
            let (outcome, on_locked) = (outcome.clone(), on_locked.clone());
            spawn_local(async move {
                match ipc::check_workspace().await {
                    Ok(report) => outcome.set(Outcome::Done(report)),
                    Err(e) if e.kind == ErrorKind::Locked => {
                        outcome.set(Outcome::Idle);
                        on_locked.emit(());
                    }
                    Err(e) => outcome.set(Outcome::Failed(e)),
                }
            });
        })
    };
    let running = *outcome == Outcome::Running;
    html! {
        <section id="check" class="panel" aria-labelledby="check-title">
            <h3 id="check-title">{ i18n.tr("check-title") }</h3>
            <p class="hint">{ i18n.tr("check-help") }</p>
            <div class="actions">
                <button type="button" id="check-run" class="secondary" disabled={running} aria-busy={running.to_string()} {onclick}>
                    { i18n.tr(if running { "check-running" } else { "check-run" }) }
                </button>
            </div>
            <div aria-live="polite">
                { match &*outcome {
                    Outcome::Idle | Outcome::Running => html! {},
                    Outcome::Failed(e) => html! {
                        <p id="check-error" class="form-error" role="alert">{ i18n.api_error(e) }</p>
                    },
                    Outcome::Done(report) if report.ok => html! {
                        <p id="check-ok" class="status">
                            { i18n.tr_args("check-ok", &[("events", Arg::Num(report.events as f64))]) }
                        </p>
                    },
                    Outcome::Done(report) => html! {
                        <div id="check-problems" role="alert">
                            <ul>
                                { for report.database.iter().chain(&report.log).map(|p| html! { <li>{ p.clone() }</li> }) }
                                { for report.projections.iter().map(|d| html! {
                                    <li>{ i18n.tr_args("check-table-differs", &[
                                        ("table", Arg::Str(&d.table)),
                                        ("here", Arg::Num(d.only_here as f64)),
                                        ("rebuilt", Arg::Num(d.only_in_rebuild as f64)),
                                    ]) }</li>
                                }) }
                            </ul>
                            <p class="form-error">{ i18n.tr("check-failed") }</p>
                        </div>
                    },
                } }
            </div>
        </section>
    }
}
