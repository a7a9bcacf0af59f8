//! "Drukuj / zapisz PDF": prints a document through the shell, which asks
//! where to save it (the native dialog) and writes the file whole or not at
//! all; the button then says where the file went, or why it did not.

use crate::i18n::use_i18n;
use crate::ipc;
use asysta_core::api::{ErrorKind, PrintJob};
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::prelude::*;

/// Where a print stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum PrintState {
    #[default]
    Idle,
    Printing,
    /// Written to this path.
    Saved(String),
    /// The dialog was closed without a file.
    Cancelled,
    Failed(ErrorKind),
}

pub enum PrintAction {
    Started,
    Finished(Result<Option<String>, ErrorKind>),
}

impl Reducible for PrintState {
    type Action = PrintAction;

    fn reduce(self: Rc<Self>, action: PrintAction) -> Rc<Self> {
        Rc::new(match action {
            // A second click while one print runs changes nothing.
            PrintAction::Started if *self == PrintState::Printing => return self,
            PrintAction::Started => PrintState::Printing,
            PrintAction::Finished(Ok(Some(path))) => PrintState::Saved(path),
            PrintAction::Finished(Ok(None)) => PrintState::Cancelled,
            PrintAction::Finished(Err(kind)) => PrintState::Failed(kind),
        })
    }
}

/// The id of a job's button (its message is `<id>-status`), e.g.
/// `print-plan`, `print-diary-2026-11`, `print-visit-<id>`.
pub fn button_id(job: &PrintJob) -> String {
    match job {
        PrintJob::Plan { version: None, .. } => "print-plan".into(),
        PrintJob::Plan { version: Some(n), .. } => format!("print-plan-{n}"),
        PrintJob::Evaluation { evaluation_id } => format!("print-evaluation-{evaluation_id}"),
        PrintJob::Opinion { opinion_id } => format!("print-opinion-{opinion_id}"),
        PrintJob::OpinionDocx { opinion_id } => format!("print-opinion-docx-{opinion_id}"),
        PrintJob::Visit { visit_id } => format!("print-visit-{visit_id}"),
        PrintJob::Diary { year, month, .. } => format!("print-diary-{year}-{month:02}"),
        PrintJob::Monthly { year, month, assistant: None } => format!("print-monthly-{year}-{month:02}"),
        PrintJob::Monthly { year, month, assistant: Some(a) } => format!("print-monthly-{year}-{month:02}-{a}"),
        PrintJob::HalfYear { period } => format!("print-half-year-{period}"),
    }
}

/// A print button for each job a list asks for (for the presentational
/// components, which do not call the shell themselves).
pub fn print_buttons() -> Callback<PrintJob, Html> {
    Callback::from(|job: PrintJob| html! { <PrintButton {job} /> })
}

#[derive(Properties, PartialEq)]
pub struct PrintButtonProps {
    pub job: PrintJob,
    /// The label (default: "Drukuj / zapisz PDF").
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

#[component]
pub fn PrintButton(props: &PrintButtonProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(PrintState::default);
    let onclick = {
        let (state, job) = (state.clone(), props.job.clone());
        Callback::from(move |_: MouseEvent| {
            if *state == PrintState::Printing {
                return;
            }
            state.dispatch(PrintAction::Started);
            let (state, job) = (state.clone(), job.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = ipc::print_document(&job).await.map_err(|e| e.kind);
                state.dispatch(PrintAction::Finished(result));
            });
        })
    };
    let status = match &*state {
        PrintState::Idle | PrintState::Cancelled => None,
        PrintState::Printing => Some(i18n.tr("print-printing")),
        PrintState::Saved(path) => Some(i18n.tr_args("print-saved", &[("path", Arg::Str(path))])),
        PrintState::Failed(kind) => Some(i18n.error(*kind)),
    };
    let failed = matches!(*state, PrintState::Failed(_));
    let id = button_id(&props.job);
    html! {
        <span class="print">
            <button
                type="button"
                id={id.clone()}
                class="secondary print-button"
                disabled={*state == PrintState::Printing}
                {onclick}
            >
                { props.label.as_ref().map_or_else(|| i18n.tr("print-button"), |l| l.to_string()) }
            </button>
            if let Some(text) = status {
                <span id={format!("{id}-status")} class={classes!("print-status", failed.then_some("error"))} role="status">
                    { text }
                </span>
            }
        </span>
    }
}

#[cfg(test)]
mod tests;
