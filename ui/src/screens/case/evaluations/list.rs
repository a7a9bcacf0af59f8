//! The family's evaluations, oldest first: what each is (periodic or final),
//! its version and period, its status, the head of the centre's note, and
//! which version corrects it.

use crate::i18n::{use_i18n, I18n};
use crate::screens::case::comments::{self, CommentThread};
use asysta_core::evaluation::{EvaluationStatus, EvaluationView};
use asysta_core::EntityId;
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::prelude::*;

/// "01.06.2026–30.11.2026".
pub fn period_text(i18n: &I18n, evaluation: &EvaluationView) -> String {
    let e = &evaluation.evaluation;
    i18n.tr_args(
        "evaluation-period",
        &[("from", Arg::Str(&i18n.date(e.period_from))), ("to", Arg::Str(&i18n.date(e.period_to)))],
    )
}

/// The version of the evaluation `id` among `evaluations`.
fn version_of(evaluations: &[EvaluationView], id: EntityId) -> Option<u32> {
    evaluations.iter().find(|e| e.id == id).map(|e| e.version)
}

/// Whether a correction of `evaluation` may be begun: it was submitted
/// (or decided) and not corrected yet.
pub fn can_be_corrected(evaluation: &EvaluationView) -> bool {
    evaluation.status != EvaluationStatus::Draft && evaluation.corrected_by.is_none()
}

#[derive(Properties, PartialEq)]
pub struct EvaluationListProps {
    pub evaluations: Rc<Vec<EvaluationView>>,
    /// Whether corrections may be begun (the assistant's own case).
    pub can_correct: bool,
    pub busy: bool,
    pub on_open: Callback<EntityId>,
    pub on_correct: Callback<EntityId>,
}

#[component]
pub fn EvaluationList(props: &EvaluationListProps) -> Html {
    let i18n = use_i18n();
    if props.evaluations.is_empty() {
        return html! { <p id="evaluations-empty" class="empty">{ i18n.tr("evaluations-empty") }</p> };
    }
    let version = |v: u32| [("version", Arg::Num(f64::from(v)))];
    let items = props.evaluations.iter().map(|e| {
        let id = e.id;
        let kind = if e.evaluation.is_final { "evaluation-kind-final" } else { "evaluation-kind-periodic" };
        let corrected_by = e.corrected_by.and_then(|c| version_of(&props.evaluations, c));
        let corrects = e.corrects.and_then(|c| version_of(&props.evaluations, c));
        let on_open = props.on_open.reform(move |_: MouseEvent| id);
        let on_correct = props.on_correct.reform(move |_: MouseEvent| id);
        html! {
            <li id={format!("evaluation-{id}")} class="evaluation" key={id.to_string()}>
                <div class="evaluation-line">
                    <span class={classes!("evaluation-kind", e.evaluation.is_final.then_some("final"))}>
                        { i18n.tr(kind) }
                    </span>
                    <span class="evaluation-version">{ i18n.tr_args("evaluation-version", &version(e.version)) }</span>
                    <span class="evaluation-period">{ period_text(&i18n, e) }</span>
                    <span class={classes!("evaluation-status", "badge", e.status.as_str())}>
                        { i18n.tr(&e.status.message_id()) }
                    </span>
                    if let Some(v) = corrects {
                        <span class="evaluation-corrects">{ i18n.tr_args("evaluation-corrects", &version(v)) }</span>
                    }
                    if let Some(v) = corrected_by {
                        <span class="evaluation-corrected-by">
                            { i18n.tr_args("evaluation-corrected-by", &version(v)) }
                        </span>
                    }
                </div>
                if !e.decision_note.is_empty() {
                    <p class="evaluation-decision-note">
                        { i18n.tr_args("evaluation-decision-note", &[("note", Arg::Str(&e.decision_note))]) }
                    </p>
                }
                <div class="actions">
                    <button
                        type="button"
                        id={format!("evaluation-open-{id}")}
                        class="secondary evaluation-open"
                        disabled={props.busy}
                        onclick={on_open}
                    >
                        { i18n.tr("evaluation-open") }
                    </button>
                    if props.can_correct && can_be_corrected(e) {
                        <button
                            type="button"
                            id={format!("evaluation-correct-{id}")}
                            class="secondary evaluation-correct"
                            disabled={props.busy}
                            onclick={on_correct}
                        >
                            { i18n.tr("evaluation-correct") }
                        </button>
                    }
                    <crate::screens::print::PrintButton job={asysta_core::api::PrintJob::Evaluation { evaluation_id: id }} />
                </div>
                <CommentThread target={comments::target("evaluation", id)} subject={period_text(&i18n, e)} />
            </li>
        }
    });
    html! { <ol id="evaluation-list" class="plain-list evaluation-list">{ for items }</ol> }
}
