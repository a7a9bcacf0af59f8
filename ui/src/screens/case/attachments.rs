//! The case's attachments: scans and photos (PDF, JPEG, PNG) attached to
//! the family, a visit, an evaluation or a court request. Images are shown
//! inline (from a `data:` URL, never a file); a PDF opens in the system's
//! viewer from a copy the app removes when it locks or closes. A file is
//! attached by its path, typed or chosen in the native dialog; the shell
//! reads and checks it (type, whole, the centre's limit) and a refusal is
//! shown next to the path. Removing one is an event, after a confirmation.

use crate::components::checkbox::CheckboxField;
use crate::components::confirm::ConfirmAction;
use crate::components::field::{error_for, TextField};
use crate::components::select::{SelectField, SelectOption};
use crate::i18n::{use_i18n, I18n};
use crate::screens::split_api_error;
use crate::{dom, ipc};
use asysta_core::api::{ApiError, AttachmentView, ErrorKind, FamilyCase};
use asysta_core::attachment::AttachedTo;
use asysta_core::{EntityId, FieldError};
use asysta_i18n::Arg;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The path input's id; the `file` field's error is shown under it.
pub const PATH_ID: &str = "attachment_path";
/// The button that opens the form.
pub const NEW_ID: &str = "attachment-new";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttachmentsState {
    pub list: Option<Rc<Vec<AttachmentView>>>,
    pub load_error: Option<ErrorKind>,
    /// Images loaded so far, by attachment.
    pub images: BTreeMap<EntityId, Rc<str>>,
    pub path: String,
    /// `family`, or `<kind>:<id>` of a record of the case.
    pub target: String,
    pub restricted: bool,
    /// The form is shown (behind "Dołącz plik", as the diary's and the
    /// plan's forms are: a case with hundreds of visits builds its list of
    /// targets only when asked).
    pub open: bool,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    pub busy: bool,
    pub status: Option<&'static str>,
    /// A list or open action failed.
    pub action_error: Option<ErrorKind>,
}

pub enum AttachmentsAction {
    Loaded(Vec<AttachmentView>),
    LoadFailed(ErrorKind),
    Image(EntityId, String),
    Open,
    Close,
    EditPath(String),
    Target(String),
    Restricted(bool),
    Submitted,
    Added,
    Failed(ApiError),
    Removed,
    ActionFailed(ErrorKind),
}

impl Reducible for AttachmentsState {
    type Action = AttachmentsAction;

    fn reduce(self: Rc<Self>, action: AttachmentsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AttachmentsAction::Loaded(list) => {
                next.list = Some(Rc::new(list));
                next.load_error = None;
            }
            AttachmentsAction::LoadFailed(kind) => next.load_error = Some(kind),
            AttachmentsAction::Image(id, url) => {
                next.images.insert(id, url.into());
            }
            AttachmentsAction::Open => {
                next.open = true;
                next.status = None;
            }
            AttachmentsAction::Close => {
                next.open = false;
                next.errors.clear();
                next.form_error = None;
            }
            AttachmentsAction::EditPath(path) => {
                next.path = path;
                next.errors.clear();
                next.form_error = None;
            }
            AttachmentsAction::Target(target) => next.target = target,
            AttachmentsAction::Restricted(on) => next.restricted = on,
            AttachmentsAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.form_error = None;
                next.status = None;
                next.action_error = None;
            }
            AttachmentsAction::Added => {
                next.busy = false;
                next.open = false;
                next.path.clear();
                next.restricted = false;
                next.status = Some("attachment-added");
            }
            AttachmentsAction::Failed(error) => {
                next.busy = false;
                (next.errors, next.form_error) = split_api_error(error, &["file"]);
            }
            AttachmentsAction::Removed => next.status = Some("attachment-removed"),
            AttachmentsAction::ActionFailed(kind) => next.action_error = Some(kind),
        }
        Rc::new(next)
    }
}

/// The target a choice of the form names.
pub fn parse_target(choice: &str) -> AttachedTo {
    let (kind, id) = match choice.split_once(':') {
        Some((kind, id)) => (kind, id.parse().ok()),
        None => (choice, None),
    };
    AttachedTo::from_parts(kind, id).unwrap_or(AttachedTo::Family)
}

/// The choice of the form that names `target`.
pub fn target_choice(target: AttachedTo) -> String {
    match target.record_id() {
        Some(id) => format!("{}:{id}", target.kind()),
        None => target.kind().to_owned(),
    }
}

/// What an attachment belongs to, as the case names it: "Rodzina",
/// "Wizyta 12.03.2026", "Ocena okresowa 1", "Wniosek sądu III Nsm 12/26".
pub fn target_label(i18n: &I18n, case: &FamilyCase, target: AttachedTo) -> String {
    match target {
        AttachedTo::Family => i18n.tr("attachment-target-family"),
        AttachedTo::Visit(id) => match case.visits.iter().find(|v| v.id == id) {
            Some(v) => i18n.tr_args("attachment-target-visit", &[("date", Arg::Str(&i18n.date(v.visit.date)))]),
            None => i18n.tr("attachment-target-gone"),
        },
        AttachedTo::Evaluation(id) => match case.evaluations.iter().find(|e| e.id == id) {
            Some(e) => {
                let date = crate::format::local_timestamp(e.created_at_ms);
                let day = date.split(' ').next().unwrap_or_default().to_owned();
                i18n.tr_args("attachment-target-evaluation", &[("date", Arg::Str(&day))])
            }
            None => i18n.tr("attachment-target-gone"),
        },
        AttachedTo::Opinion(id) => match case.opinions.iter().find(|o| o.id == id) {
            Some(o) => i18n.tr_args("attachment-target-opinion", &[("signature", Arg::Str(&o.request.case_signature))]),
            None => i18n.tr("attachment-target-gone"),
        },
    }
}

/// A size as people read it: "850 KB", "2,4 MB".
pub fn size_text(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        let tenths = (bytes * 10 + MB / 2) / MB;
        format!("{},{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    }
}

#[derive(Properties, PartialEq)]
pub struct AttachmentsSectionProps {
    pub family_id: EntityId,
    pub case: Rc<FamilyCase>,
    /// Whether this side may attach and remove (a read-only case may not).
    pub can_edit: bool,
    pub on_locked: Callback<()>,
}

#[component]
pub fn AttachmentsSection(props: &AttachmentsSectionProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(|| AttachmentsState { target: "family".into(), ..Default::default() });
    let family_id = props.family_id;
    let refused = {
        let on_locked = props.on_locked.clone();
        move |dispatcher: &UseReducerDispatcher<AttachmentsState>, error: ApiError| {
            if error.kind == ErrorKind::Locked {
                on_locked.emit(());
            } else {
                dispatcher.dispatch(AttachmentsAction::ActionFailed(error.kind));
            }
        }
    };
    let load = {
        let dispatcher = state.dispatcher();
        let refused = refused.clone();
        move || {
            let dispatcher = dispatcher.clone();
            let refused = refused.clone();
            spawn_local(async move {
                match ipc::attachments(family_id).await {
                    Ok(list) => {
                        let images: Vec<EntityId> = list.iter().filter(|a| a.kind.is_image()).map(|a| a.id).collect();
                        dispatcher.dispatch(AttachmentsAction::Loaded(list));
                        // The images one by one, after the list is shown.
                        for id in images {
                            match ipc::attachment_image(id).await {
                                Ok(url) => dispatcher.dispatch(AttachmentsAction::Image(id, url)),
                                Err(error) => return refused(&dispatcher, error),
                            }
                        }
                    }
                    Err(error) if error.kind == ErrorKind::Locked => refused(&dispatcher, error),
                    Err(error) => dispatcher.dispatch(AttachmentsAction::LoadFailed(error.kind)),
                }
            });
        }
    };
    {
        let load = load.clone();
        use_effect_with(family_id, move |_| load());
    }

    let on_choose = {
        let dispatcher = state.dispatcher();
        let refused = refused.clone();
        Callback::from(move |_: MouseEvent| {
            let dispatcher = dispatcher.clone();
            let refused = refused.clone();
            spawn_local(async move {
                match ipc::choose_path(false).await {
                    Ok(Some(path)) => dispatcher.dispatch(AttachmentsAction::EditPath(path)),
                    Ok(None) => {}
                    Err(error) => refused(&dispatcher, error),
                }
            });
        })
    };
    let onsubmit = {
        let state = state.clone();
        let load = load.clone();
        let on_locked = props.on_locked.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.busy {
                return;
            }
            let path = state.path.trim().to_owned();
            if path.is_empty() {
                let error = ApiError::invalid(vec![FieldError::new("file", asysta_core::FieldErrorCode::Required)]);
                state.dispatch(AttachmentsAction::Failed(error));
                dom::focus(PATH_ID);
                return;
            }
            let target = parse_target(&state.target);
            let restricted = state.restricted;
            state.dispatch(AttachmentsAction::Submitted);
            let dispatcher = state.dispatcher();
            let load = load.clone();
            let on_locked = on_locked.clone();
            spawn_local(async move {
                match ipc::add_attachment(family_id, target, &path, restricted).await {
                    Ok(_) => {
                        dispatcher.dispatch(AttachmentsAction::Added);
                        load();
                        dom::focus(NEW_ID);
                    }
                    Err(error) => {
                        dom::focus(PATH_ID);
                        crate::screens::form::refused(&dispatcher, error, AttachmentsAction::Failed, &on_locked)
                    }
                }
            });
        })
    };
    let remove = {
        let dispatcher = state.dispatcher();
        let refused = refused.clone();
        move |attachment_id: EntityId| {
            let dispatcher = dispatcher.clone();
            let load = load.clone();
            let refused = refused.clone();
            spawn_local(async move {
                match ipc::remove_attachment(attachment_id).await {
                    Ok(()) => {
                        dispatcher.dispatch(AttachmentsAction::Removed);
                        load();
                        dom::focus(NEW_ID);
                    }
                    Err(error) => refused(&dispatcher, error),
                }
            });
        }
    };
    let open = {
        let dispatcher = state.dispatcher();
        move |attachment_id: EntityId| {
            let dispatcher = dispatcher.clone();
            let refused = refused.clone();
            spawn_local(async move {
                if let Err(error) = ipc::open_attachment(attachment_id).await {
                    refused(&dispatcher, error);
                }
            });
        }
    };

    let case = &props.case;
    let list = match (&state.list, state.load_error) {
        (_, Some(kind)) => html! { <p id="attachments-error" class="form-error" role="alert">{ i18n.error(kind) }</p> },
        (None, None) => html! { <p class="loading">{ i18n.tr("loading") }</p> },
        (Some(list), None) if list.is_empty() => {
            html! { <p id="attachments-none" class="empty">{ i18n.tr("attachment-none") }</p> }
        }
        (Some(list), None) => {
            let items = list.iter().map(|a| {
                let id = a.id;
                let preview = if a.kind.is_image() {
                    match state.images.get(&id) {
                        Some(url) => html! {
                            <img class="attachment-image" src={url.to_string()} alt={a.file_name.clone()} />
                        },
                        None => html! { <p class="loading">{ i18n.tr("loading") }</p> },
                    }
                } else {
                    let open = open.clone();
                    let onclick = Callback::from(move |_: MouseEvent| open(id));
                    html! {
                        <button type="button" class="secondary attachment-open" {onclick}
                            aria-label={i18n.tr_args("attachment-open-named", &[("name", Arg::Str(&a.file_name))])}>
                            { i18n.tr("attachment-open") }
                        </button>
                    }
                };
                let actions = if props.can_edit {
                    let remove = remove.clone();
                    html! {
                        <ConfirmAction
                            label={i18n.tr("attachment-remove")}
                            aria_label={i18n.tr_args("attachment-remove-named", &[("name", Arg::Str(&a.file_name))])}
                            question={i18n.tr("attachment-remove-ask")}
                            yes={i18n.tr("attachment-remove-yes")}
                            no={i18n.tr("attachment-remove-no")}
                            class="attachment-remove"
                            group_class="attachment-actions"
                            on_confirm={Callback::from(move |()| remove(id))}
                        />
                    }
                } else {
                    Html::default()
                };
                let when = crate::format::local_timestamp(a.created_at_ms);
                html! {
                    <li class={classes!("attachment", format!("attachment-{}", a.kind.as_str()))} key={id.to_string()}>
                        <div class="attachment-head">
                            <span class="attachment-name">{ a.file_name.clone() }</span>
                            { " — " }
                            <span class="attachment-target">{ target_label(&i18n, case, a.target) }</span>
                            { " — " }
                            <span class="attachment-size">{ size_text(a.size) }</span>
                            if a.restricted {
                                <span class="badge">{ i18n.tr("attachment-restricted-badge") }</span>
                            }
                            <span class="attachment-meta">{ format!("{when}, {}", a.author_name) }</span>
                            { actions }
                        </div>
                        { preview }
                    </li>
                }
            });
            html! { <ul id="attachments-list" class="plain-list attachments-list">{ for items }</ul> }
        }
    };

    let on_open = state.dispatcher().to_callback().reform(|_: MouseEvent| AttachmentsAction::Open);
    let on_close = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(AttachmentsAction::Close);
            dom::focus(NEW_ID);
        })
    };
    let form = if props.can_edit && state.open {
        attachment_form(&state, &i18n, case, onsubmit, on_choose, on_close)
    } else {
        Html::default()
    };
    html! {
        <section id="attachments" class="panel" aria-labelledby="attachments-title">
            <div class="panel-header">
                <h3 id="attachments-title">{ i18n.tr("attachments-title") }</h3>
                if props.can_edit && !state.open {
                    <button type="button" id={NEW_ID} class="secondary" onclick={on_open}>
                        { i18n.tr("attachment-add-title") }
                    </button>
                }
            </div>
            { form }
            { list }
            if let Some(kind) = state.action_error {
                <p id="attachment-action-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
            }
            <div class="status-region" aria-live="polite">
                if let Some(status) = state.status {
                    <p id="attachment-status" class="status">{ i18n.tr(status) }</p>
                }
            </div>
        </section>
    }
}

/// The form that attaches a file: its path, what it concerns (the family,
/// or one of the case's visits, evaluations or court requests), whether
/// it is restricted.
fn attachment_form(
    state: &UseReducerHandle<AttachmentsState>,
    i18n: &I18n,
    case: &FamilyCase,
    onsubmit: Callback<SubmitEvent>,
    on_choose: Callback<MouseEvent>,
    on_close: Callback<MouseEvent>,
) -> Html {
    let targets = std::iter::once(SelectOption::new("family", i18n.tr("attachment-target-family")))
        .chain(case.visits.iter().map(|v| {
            let target = AttachedTo::Visit(v.id);
            SelectOption::new(target_choice(target), target_label(i18n, case, target))
        }))
        .chain(case.evaluations.iter().map(|e| {
            let target = AttachedTo::Evaluation(e.id);
            SelectOption::new(target_choice(target), target_label(i18n, case, target))
        }))
        .chain(case.opinions.iter().map(|o| {
            let target = AttachedTo::Opinion(o.id);
            SelectOption::new(target_choice(target), target_label(i18n, case, target))
        }))
        .collect::<Vec<_>>();
    html! {
        <form id="attachment-form" class="form attachment-form" aria-labelledby="attachment-form-title"
            aria-busy={state.busy.then_some("true")} {onsubmit}>
            <h4 id="attachment-form-title">{ i18n.tr("attachment-add-title") }</h4>
            <p class="hint" id="attachment-hint">{ i18n.tr("attachment-hint") }</p>
            <div class="attachment-path">
                <TextField id={PATH_ID} label={i18n.tr("attachment-path")} value={state.path.clone()}
                    hint_id={Some(AttrValue::Static("attachment-hint"))}
                    error={error_for(&state.errors, "file")}
                    oninput={state.dispatcher().to_callback().reform(AttachmentsAction::EditPath)} />
                <button type="button" id="attachment-choose" class="secondary" onclick={on_choose}>
                    { i18n.tr("attachment-choose") }
                </button>
            </div>
            <SelectField id="attachment_target" label={i18n.tr("attachment-target")} value={state.target.clone()}
                options={targets} onchange={state.dispatcher().to_callback().reform(AttachmentsAction::Target)} />
            <CheckboxField id="attachment_restricted" label={i18n.tr("attachment-restricted")}
                checked={state.restricted}
                onchange={state.dispatcher().to_callback().reform(AttachmentsAction::Restricted)} />
            if let Some(kind) = state.form_error {
                <p id="attachment-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
            }
            <div class="actions">
                <button type="submit" id="attachment-submit" class="primary" disabled={state.busy}>
                    { i18n.tr("attachment-submit") }
                </button>
                <button type="button" id="attachment-cancel" class="secondary" onclick={on_close}>
                    { i18n.tr("cancel") }
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests;
