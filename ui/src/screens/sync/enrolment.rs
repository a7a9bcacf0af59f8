//! Enrolment: a centre writes the file its laptops read; a laptop reads it
//! and shows the centre's fingerprint to compare with the centre's screen.

use super::path_field::PathField;
use crate::i18n::use_i18n;
use crate::ipc;
use asysta_core::api::{ApiError, ErrorKind};
use asysta_core::exchange::SyncStatus;
use asysta_core::workspace::Role;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EnrolmentPanelProps {
    pub role: Role,
    pub status: Option<Rc<SyncStatus>>,
    /// The status changed (a laptop enrolled).
    pub on_enrolled: Callback<()>,
    pub on_locked: Callback<()>,
}

/// What the last enrolment step did.
#[derive(Clone, Debug, PartialEq)]
enum Done {
    /// A centre wrote its file.
    Written,
    /// A laptop read a centre's: its name and fingerprint.
    Enrolled { centre: String, fingerprint: String },
}

#[component]
pub fn EnrolmentPanel(props: &EnrolmentPanelProps) -> Html {
    let i18n = use_i18n();
    let path = use_state(String::new);
    let done = use_state(|| None::<Done>);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let centre = props.role == Role::Centre;

    let onclick = {
        let (path, done, error, busy) = (path.clone(), done.clone(), error.clone(), busy.clone());
        let (on_enrolled, on_locked) = (props.on_enrolled.clone(), props.on_locked.clone());
        Callback::from(move |_: MouseEvent| {
            let (done, error, busy) = (done.clone(), error.clone(), busy.clone());
            let (on_enrolled, on_locked) = (on_enrolled.clone(), on_locked.clone());
            let file = path.trim().to_owned();
            busy.set(true);
            spawn_local(async move {
                let result = if centre { ipc::export_enrolment(&file).await } else { ipc::enrol(&file).await };
                busy.set(false);
                match result {
                    Ok(status) => {
                        error.set(None);
                        done.set(Some(match status.centre {
                            Some(c) if !centre => Done::Enrolled { centre: c.centre_name, fingerprint: c.fingerprint },
                            _ => Done::Written,
                        }));
                        on_enrolled.emit(());
                    }
                    Err(e) if e.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(e) => {
                        done.set(None);
                        error.set(Some(e));
                    }
                }
            });
        })
    };
    let enrolled_with = props.status.as_ref().and_then(|s| s.centre.as_ref());
    html! {
        <section id="enrolment" class="panel" aria-labelledby="enrolment-title">
            <h3 id="enrolment-title">{ i18n.tr("enrolment-title") }</h3>
            <p class="hint">{ i18n.tr(if centre { "enrolment-help-centre" } else { "enrolment-help" }) }</p>
            if centre {
                if let Some(status) = &props.status {
                    <p>{ i18n.tr("enrolment-centre-fingerprint") }</p>
                    <p id="enrolment-fingerprint" class="fingerprint large">{ status.fingerprint.clone() }</p>
                }
            } else if let Some(c) = enrolled_with {
                <p id="enrolment-centre">{ i18n.tr("enrolment-enrolled-with") }{ " " }<strong>{ c.centre_name.clone() }</strong></p>
            }
            <PathField id="enrolment-path" label={i18n.tr(if centre { "enrolment-file-out" } else { "enrolment-file-in" })}
                folder={centre} value={(*path).clone()} oninput={Callback::from(move |v| path.set(v))} />
            <div class="actions">
                <button type="button" id="enrolment-submit" class="primary" disabled={*busy} {onclick}>
                    { i18n.tr(if centre { "enrolment-write" } else { "enrolment-read" }) }
                </button>
            </div>
            <div class="status-region" aria-live="polite">
                if let Some(Done::Written) = &*done {
                    <p id="enrolment-done" class="status">{ i18n.tr("enrolment-written") }</p>
                }
                if let Some(Done::Enrolled { centre, fingerprint }) = &*done {
                    <div id="enrolment-done" class="status">
                        <p>{ i18n.tr_args("enrol-done", &[("centre", asysta_i18n::Arg::Str(centre)), ("fingerprint", asysta_i18n::Arg::Str(fingerprint))]) }</p>
                        <p id="enrolment-fingerprint" class="fingerprint large">{ fingerprint.clone() }</p>
                    </div>
                }
            </div>
            if let Some(e) = &*error {
                <p id="enrolment-error" class="form-error" role="alert">{ i18n.api_error(e) }</p>
            }
        </section>
    }
}
