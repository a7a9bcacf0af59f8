//! The text of one opinion: edited and saved while it is in preparation,
//! approved as the final version after a confirmation, then read-only.

use super::{OpinionsAction, TEXT_FIELD, TEXT_ID};
use crate::components::field::error_for;
use crate::components::textarea::TextAreaField;
use crate::i18n::use_i18n;
use crate::screens::case::diary::visit_form::draft_saved_text;
use crate::screens::draft::DraftStatus;
use asysta_core::api::ErrorKind;
use asysta_core::opinion::OpinionView;
use asysta_core::FieldError;
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OpinionEditorProps {
    pub opinion: Rc<OpinionView>,
    /// The text as edited.
    pub text: String,
    pub can_edit: bool,
    /// The final version is to be confirmed.
    pub confirming: bool,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    pub busy: bool,
    /// Where the saving of the text's draft stands.
    #[prop_or_default]
    pub draft: DraftStatus,
    /// The text came back from a draft left unsaved.
    #[prop_or_default]
    pub restored: bool,
    pub on_action: Callback<OpinionsAction>,
    /// Saves the text; `true` for the final version.
    pub on_send: Callback<bool>,
}

#[component]
pub fn OpinionEditor(props: &OpinionEditorProps) -> Html {
    let i18n = use_i18n();
    let opinion = &props.opinion;
    let request = &opinion.request;
    let heading = format!(
        "{} — {}",
        request.court,
        i18n.tr_args("opinion-signature", &[("signature", Arg::Str(&request.case_signature))])
    );
    let on = &props.on_action;
    let on_close = on.reform(|_: MouseEvent| OpinionsAction::Close);
    let close = html! {
        <button type="button" id="opinion-close" class="secondary" onclick={on_close}>{ i18n.tr("opinion-close") }</button>
    };

    let body = match (&opinion.finalized, props.can_edit) {
        (Some(stamp), _) => html! {
            <>
                <p id="opinion-finalized" class="hint">
                    { i18n.tr_args("opinion-finalized", &[("date", Arg::Str(&i18n.date(stamp.on)))]) }
                </p>
                <pre id="opinion-final-text" class="opinion-text">{ opinion.text.clone() }</pre>
                <div class="actions">{ close }</div>
            </>
        },
        (None, false) => html! {
            <>
                <pre id="opinion-final-text" class="opinion-text">{ opinion.text.clone() }</pre>
                <div class="actions">{ close }</div>
            </>
        },
        (None, true) => {
            let onsubmit = {
                let on_send = props.on_send.clone();
                Callback::from(move |event: SubmitEvent| {
                    event.prevent_default();
                    on_send.emit(false);
                })
            };
            let on_finalize = on.reform(|_: MouseEvent| OpinionsAction::AskFinalize);
            let on_confirm = props.on_send.reform(|_: MouseEvent| true);
            let on_cancel = on.reform(|_: MouseEvent| OpinionsAction::CancelFinalize);
            html! {
                <form id="opinion-form" class="form" aria-busy={props.busy.then_some("true")} {onsubmit}>
                    if opinion.text.trim().is_empty() {
                        <p id="opinion-draft-hint" class="hint">{ i18n.tr("opinion-draft-hint") }</p>
                    }
                    <TextAreaField
                        id={TEXT_ID}
                        label={i18n.tr("opinion-text")}
                        value={props.text.clone()}
                        rows={20}
                        error={error_for(&props.errors, TEXT_FIELD)}
                        oninput={on.reform(OpinionsAction::EditText)}
                    />
                    if props.restored {
                        <p id="opinion-draft-restored" class="status">{ i18n.tr("opinion-draft-restored") }</p>
                    }
                    { match props.draft {
                        DraftStatus::Idle => Html::default(),
                        DraftStatus::Saved { at_ms } => html! {
                            <p class="status opinion-draft-saved">{ draft_saved_text(&i18n, at_ms) }</p>
                        },
                        DraftStatus::Failed(kind) => html! {
                            <p class="form-error opinion-draft-failed" role="alert">
                                { i18n.tr("visit-draft-failed") }{ " " }{ i18n.error(kind) }
                            </p>
                        },
                    } }
                    if let Some(kind) = props.form_error {
                        <p id="opinion-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
                    }
                    if props.confirming {
                        <p id="opinion-finalize-question" class="warning">{ i18n.tr("opinion-finalize-question") }</p>
                        <div class="actions">
                            <button
                                type="button"
                                id="opinion-finalize-confirm"
                                class="primary"
                                disabled={props.busy}
                                onclick={on_confirm}
                            >
                                { i18n.tr("opinion-finalize-confirm") }
                            </button>
                            <button type="button" id="opinion-finalize-cancel" class="secondary" onclick={on_cancel}>
                                { i18n.tr("cancel") }
                            </button>
                        </div>
                    } else {
                        <div class="actions">
                            <button type="submit" id="opinion-save" class="primary" disabled={props.busy}>
                                { i18n.tr("opinion-save") }
                            </button>
                            <button
                                type="button"
                                id="opinion-finalize"
                                class="secondary"
                                disabled={props.busy}
                                onclick={on_finalize}
                            >
                                { i18n.tr("opinion-finalize") }
                            </button>
                            { close }
                        </div>
                    }
                </form>
            }
        }
    };
    html! {
        <div id="opinion-editor" class="opinion-editor">
            <h4 id="opinion-heading">{ heading }</h4>
            { body }
        </div>
    }
}
