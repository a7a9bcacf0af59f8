//! Comments beside a case's records (the family, a goal or an action of
//! the plan, a visit, an evaluation), from either side, answerable, with
//! this device's unread marks.
//!
//! The case screen provides a [`CommentsContext`]; a [`CommentThread`]
//! placed beside a record reads it. A thread is collapsed to its button
//! until opened, except one with unread comments: that one is shown from
//! the start and its comments are then marked read on this device
//! (`mark_comments_read`), still marked "nowy" while it stays open. The
//! presentational components (the plan, the diary, the case's header) get
//! threads through [`comment_threads`], as they get print buttons.

#[cfg(test)]
mod tests;

use crate::components::field::error_for;
use crate::components::textarea::TextAreaField;
use crate::i18n::{use_i18n, I18n};
use crate::{dom, ipc};
use asysta_core::api::{ApiError, ErrorKind, FamilyCase};
use asysta_core::centre::comment::CommentView;
use asysta_core::centre::CommentTarget;
use asysta_core::workspace::Role;
use asysta_core::{EntityId, FieldError, FieldErrorCode};
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The text's name in `add_comment` and in its errors.
const TEXT_FIELD: &str = "text";

/// What every thread of a case needs.
#[derive(Clone, PartialEq)]
pub struct CommentsContext {
    /// The case's comments, oldest first.
    pub comments: Rc<Vec<CommentView>>,
    /// Whether comments may be written here (not in an archived case, nor
    /// in one this laptop handed over).
    pub can_write: bool,
    /// The case as the shell answers after a comment is added.
    pub on_case: Callback<FamilyCase>,
    pub on_locked: Callback<()>,
    /// Comments just shown and marked read on this device.
    pub on_read: Callback<Vec<EntityId>>,
}

/// A thread to render beside a record: what it is about and a few words
/// naming the record for a screen reader (an action's text, a visit's date).
pub type ThreadRequest = (CommentTarget, String);

/// Renders a thread for each record a presentational component asks for.
pub fn comment_threads() -> Callback<ThreadRequest, Html> {
    Callback::from(|(target, subject): ThreadRequest| html! { <CommentThread {target} {subject} /> })
}

/// A target of the kind `record` with the id `id`.
pub fn target(record: &str, id: impl ToString) -> CommentTarget {
    CommentTarget { record: record.to_owned(), id: id.to_string() }
}

/// The message that says what a thread is about ("do działania").
pub fn about_message(record: &str) -> &'static str {
    match record {
        "family" => "comments-about-family",
        "goal" => "comments-about-goal",
        "action" => "comments-about-action",
        "visit" => "comments-about-visit",
        "evaluation" => "comments-about-evaluation",
        "plan" => "comments-about-plan",
        _ => "comments-about-record",
    }
}

/// The comments on the record `target_id`, oldest first.
pub fn thread_of<'a>(comments: &'a [CommentView], target_id: &str) -> Vec<&'a CommentView> {
    comments.iter().filter(|c| c.target.id == target_id).collect()
}

/// The unread comments among `thread`.
pub fn unread_ids(thread: &[&CommentView]) -> Vec<EntityId> {
    thread.iter().filter(|c| c.unread).map(|c| c.id).collect()
}

/// The records with unread comments, each once, in the order of their
/// first unread comment.
pub fn unread_targets(comments: &[CommentView]) -> Vec<CommentTarget> {
    let mut targets: Vec<CommentTarget> = Vec::new();
    for c in comments.iter().filter(|c| c.unread) {
        if !targets.contains(&c.target) {
            targets.push(c.target.clone());
        }
    }
    targets
}

/// The comments after `ids` are marked read.
pub fn mark_read(comments: &mut [CommentView], ids: &[EntityId]) {
    for c in comments.iter_mut().filter(|c| ids.contains(&c.id)) {
        c.unread = false;
    }
}

/// The element that holds the thread of `target_id` (links go there).
pub fn thread_dom_id(target_id: &str) -> String {
    format!("comments-{target_id}")
}

/// Who wrote a comment: "ośrodek", "asystent rodziny".
pub fn side_label(i18n: &I18n, side: Role) -> String {
    i18n.tr(match side {
        Role::Centre => "comment-side-centre",
        Role::Assistant => "comment-side-assistant",
    })
}

/// One thread and its form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ThreadState {
    pub open: bool,
    /// Comments that were unread when shown: marked "nowy" while the
    /// thread stays open.
    pub fresh: Vec<EntityId>,
    pub text: String,
    /// The comment being answered.
    pub reply_to: Option<EntityId>,
    pub errors: Vec<FieldError>,
    /// A refusal of the whole comment (a case handed over, locked…).
    pub error: Option<ApiError>,
    pub busy: bool,
    /// A comment was just added.
    pub added: bool,
}

impl ThreadState {
    /// A thread with unread comments is shown from the start.
    pub fn initial(unread: Vec<EntityId>) -> ThreadState {
        ThreadState { open: !unread.is_empty(), fresh: unread, ..ThreadState::default() }
    }
}

pub enum ThreadAction {
    Toggle,
    /// These unread comments were shown (and are being marked read).
    Shown(Vec<EntityId>),
    EditText(String),
    ReplyTo(EntityId),
    CancelReply,
    Rejected(Vec<FieldError>),
    Submitted,
    Added,
    Failed(ApiError),
}

impl crate::screens::form::FormSteps for ThreadAction {
    fn rejected(errors: Vec<FieldError>) -> Self {
        ThreadAction::Rejected(errors)
    }
    fn submitted() -> Self {
        ThreadAction::Submitted
    }
    fn failed(error: ApiError) -> Self {
        ThreadAction::Failed(error)
    }
    // The thread focuses its own text box (ids differ per thread).
    fn input_id(_field: &str) -> String {
        String::new()
    }
}

impl Reducible for ThreadState {
    type Action = ThreadAction;

    fn reduce(self: Rc<Self>, action: ThreadAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ThreadAction::Toggle => {
                next.open = !next.open;
                next.added = false;
                if !next.open {
                    next.fresh.clear();
                    next.error = None;
                }
            }
            ThreadAction::Shown(ids) => {
                if ids.iter().all(|id| next.fresh.contains(id)) && next.open {
                    return self;
                }
                next.open = true;
                for id in ids {
                    if !next.fresh.contains(&id) {
                        next.fresh.push(id);
                    }
                }
            }
            ThreadAction::EditText(text) => {
                next.text = text;
                next.errors.clear();
                next.added = false;
            }
            ThreadAction::ReplyTo(id) => {
                next.open = true;
                next.reply_to = Some(id);
                next.added = false;
            }
            ThreadAction::CancelReply => next.reply_to = None,
            ThreadAction::Rejected(errors) => {
                next.errors = errors;
                next.error = None;
            }
            ThreadAction::Submitted => {
                next.busy = true;
                next.errors.clear();
                next.error = None;
            }
            ThreadAction::Added => {
                next = ThreadState { open: true, fresh: next.fresh, added: true, ..ThreadState::default() };
            }
            ThreadAction::Failed(error) => {
                next.busy = false;
                if error.kind == ErrorKind::Invalid && error.fields.iter().any(|f| f.field == TEXT_FIELD) {
                    next.errors = error.fields;
                } else {
                    next.error = Some(error);
                }
            }
        }
        Rc::new(next)
    }
}

/// A comment's text is required.
pub fn check_comment(text: &str) -> Result<(), Vec<FieldError>> {
    if text.trim().is_empty() {
        Err(vec![FieldError::new(TEXT_FIELD, FieldErrorCode::Required)])
    } else {
        Ok(())
    }
}

#[derive(Properties, PartialEq)]
pub struct CommentThreadProps {
    pub target: CommentTarget,
    /// A few words naming the record, for a screen reader.
    #[prop_or_default]
    pub subject: AttrValue,
}

/// The thread of one record: its button, and when open its comments and
/// the form to add one. Nothing outside a case (no context), nor where
/// there is nothing to read and nothing may be written.
#[component]
pub fn CommentThread(props: &CommentThreadProps) -> Html {
    let i18n = use_i18n();
    let context = use_context::<CommentsContext>();
    let target_id = props.target.id.clone();
    let comments = context.as_ref().map(|c| c.comments.clone()).unwrap_or_default();
    let thread = thread_of(&comments, &target_id);
    let unread = unread_ids(&thread);
    let state = {
        let unread = unread.clone();
        use_reducer(move || ThreadState::initial(unread))
    };
    {
        // Unread comments shown here are read on this device from now on.
        let dispatcher = state.dispatcher();
        let context = context.clone();
        use_effect_with(unread.clone(), move |unread| {
            if let (false, Some(context)) = (unread.is_empty(), context) {
                dispatcher.dispatch(ThreadAction::Shown(unread.clone()));
                let ids = unread.clone();
                spawn_local(async move {
                    match ipc::mark_comments_read(&ids).await {
                        Ok(()) => context.on_read.emit(ids),
                        Err(error) if error.kind == ErrorKind::Locked => context.on_locked.emit(()),
                        // The marks are this device's convenience: the
                        // comments are shown whatever the answer.
                        Err(_) => {}
                    }
                });
            }
        });
    }
    // Nothing to read and nothing to write: no thread at all.
    let Some(context) = context.filter(|c| c.can_write || !thread.is_empty()) else { return Html::default() };

    let text_id = format!("comment-text-{target_id}");
    let onsubmit = {
        let state = state.clone();
        let (target_id, text_id) = (target_id.clone(), text_id.clone());
        let (on_case, on_locked) = (context.on_case.clone(), context.on_locked.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.busy {
                return;
            }
            let checked = check_comment(&state.text);
            if checked.is_err() {
                dom::focus(&text_id);
            }
            let (target_id, text, reply_to) = (target_id.clone(), state.text.clone(), state.reply_to);
            let command = async move { ipc::add_comment(&target_id, &text, reply_to).await };
            let (dispatcher, on_case) = (state.dispatcher(), on_case.clone());
            crate::screens::form::submit(dispatcher, checked, command, on_locked.clone(), move |case, dispatcher| {
                dispatcher.dispatch(ThreadAction::Added);
                on_case.emit(case);
            });
        })
    };
    let on_toggle = state.dispatcher().to_callback().reform(|_: MouseEvent| ThreadAction::Toggle);
    let on_text = state.dispatcher().to_callback().reform(ThreadAction::EditText);
    let on_cancel_reply = state.dispatcher().to_callback().reform(|_: MouseEvent| ThreadAction::CancelReply);

    let about = i18n.tr(about_message(&props.target.record));
    let label = if props.subject.is_empty() { about.clone() } else { format!("{about}: {}", props.subject) };
    let shown_unread = if state.open { state.fresh.len() } else { unread.len() };
    let author_of = |id: EntityId| comments.iter().find(|c| c.id == id).map(|c| c.author_name.clone());
    let items = thread.iter().map(|c| {
        let reply = {
            let (dispatcher, text_id, id) = (state.dispatcher(), text_id.clone(), c.id);
            Callback::from(move |_: MouseEvent| {
                dispatcher.dispatch(ThreadAction::ReplyTo(id));
                dom::focus(&text_id);
            })
        };
        let when = crate::format::local_timestamp(c.written_at_ms);
        html! {
            <li id={format!("comment-{}", c.id)} class={classes!("comment", format!("comment-from-{}", c.side.as_str()))} key={c.id.to_string()}>
                <p class="comment-meta">
                    <span class="comment-author">{ c.author_name.clone() }</span>
                    { " (" }<span class="comment-side">{ side_label(&i18n, c.side) }</span>{ "), " }
                    <span class="comment-when">{ when }</span>
                    if state.fresh.contains(&c.id) {
                        { " " }<span class="badge comment-new">{ i18n.tr("comment-new") }</span>
                    }
                </p>
                if let Some(author) = c.reply_to.and_then(author_of) {
                    <p class="comment-reply-to">
                        { i18n.tr_args("comment-reply-to", &[("author", Arg::Str(&author))]) }
                    </p>
                }
                <p class="comment-text">{ c.text.clone() }</p>
                if context.can_write {
                    <button type="button" id={format!("comment-reply-{}", c.id)} class="link comment-reply" onclick={reply}>
                        { i18n.tr("comment-reply") }
                    </button>
                }
            </li>
        }
    });
    let replying = state.reply_to.and_then(author_of);
    let body_id = format!("comments-body-{target_id}");
    html! {
        <div id={thread_dom_id(&target_id)} class="comment-thread">
            <button
                type="button"
                id={format!("comments-toggle-{target_id}")}
                class="link comments-toggle"
                aria-expanded={state.open.to_string()}
                aria-controls={state.open.then(|| body_id.clone())}
                onclick={on_toggle}
            >
                { i18n.count("comments-toggle", thread.len()) }
                <span class="visually-hidden">{ " — " }{ label.clone() }</span>
                if shown_unread > 0 {
                    { " " }<span class="badge comments-unread">{ i18n.count("comments-unread", shown_unread) }</span>
                }
            </button>
            if state.open {
                <div id={body_id} class="comments-body" role="group" aria-label={label}>
                    if !thread.is_empty() {
                        <ol class="comments plain-list">{ for items }</ol>
                    }
                    if context.can_write {
                        <form id={format!("comment-form-{target_id}")} class="form comment-form" aria-busy={state.busy.then_some("true")} {onsubmit}>
                            if let Some(author) = &replying {
                                <p class="comment-replying">
                                    { i18n.tr_args("comment-replying", &[("author", Arg::Str(author))]) }
                                    { " " }
                                    <button type="button" class="link comment-reply-cancel" onclick={on_cancel_reply}>
                                        { i18n.tr("comment-reply-cancel") }
                                    </button>
                                </p>
                            }
                            <TextAreaField
                                id={text_id.clone()}
                                label={i18n.tr(if replying.is_some() { "comment-reply-text" } else { "comment-text" })}
                                value={state.text.clone()}
                                rows={2}
                                error={error_for(&state.errors, TEXT_FIELD)}
                                oninput={on_text}
                            />
                            if let Some(error) = &state.error {
                                <p class="form-error comment-error" role="alert">{ i18n.api_error(error) }</p>
                            }
                            <div class="actions">
                                <button type="submit" id={format!("comment-submit-{target_id}")} class="secondary" disabled={state.busy}>
                                    { i18n.tr("comment-submit") }
                                </button>
                            </div>
                        </form>
                    }
                    <div class="status-region" aria-live="polite">
                        if state.added {
                            <p class="status comment-added">{ i18n.tr("comment-added") }</p>
                        }
                    </div>
                </div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct UnreadSummaryProps {
    /// How many comments were unread when the case was opened.
    pub count: usize,
    /// The records they are on.
    pub targets: Vec<CommentTarget>,
}

/// The case's unread comments when it was opened, with a link to each
/// record's thread (shown beside the case's name).
#[component]
pub fn UnreadSummary(props: &UnreadSummaryProps) -> Html {
    let i18n = use_i18n();
    if props.count == 0 {
        return Html::default();
    }
    let links = props.targets.iter().map(|t| {
        html! {
            <li><a href={format!("#{}", thread_dom_id(&t.id))}>{ i18n.tr(about_message(&t.record)) }</a></li>
        }
    });
    html! {
        <div id="case-unread-comments" class="case-unread-comments">
            <span class="badge">{ i18n.count("comments-new-announcement", props.count) }</span>
            if !props.targets.is_empty() {
                { " " }{ i18n.tr("comments-go-to") }
                <ul class="inline-list">{ for links }</ul>
            }
        </div>
    }
}
