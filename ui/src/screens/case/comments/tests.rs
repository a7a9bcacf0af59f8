use super::*;
use crate::i18n::I18n;
use crate::test_support::{entity, has_id, render};
use asysta_i18n::{Locale, Translator};

fn reduce(state: ThreadState, action: ThreadAction) -> ThreadState {
    (*Rc::new(state).reduce(action)).clone()
}

fn comment(n: u8, target: &str, side: Role, unread: bool, reply_to: Option<EntityId>) -> CommentView {
    CommentView {
        id: entity(n),
        family_id: entity(1),
        target: CommentTarget { record: "visit".into(), id: target.into() },
        side,
        author_name: if side == Role::Centre { "Maria Zięba" } else { "Anna Łęcka" }.into(),
        written_at_ms: 1_764_000_000_000 + u64::from(n) * 60_000,
        text: format!("Komentarz {n}"),
        reply_to,
        unread,
    }
}

fn i18n() -> I18n {
    I18n::new(Rc::new(Translator::new(Locale::Pl)), Callback::noop())
}

#[test]
fn a_thread_with_unread_comments_is_shown_from_the_start_and_keeps_them_marked_new() {
    assert!(!ThreadState::initial(Vec::new()).open, "a thread without news waits for its button");
    let shown = ThreadState::initial(vec![entity(2)]);
    assert!(shown.open);
    assert_eq!(shown.fresh, [entity(2)]);
    // Marked read meanwhile, the comment stays "new" while the thread is open.
    let again = reduce(shown.clone(), ThreadAction::Shown(vec![entity(2)]));
    assert_eq!(again, shown, "nothing changes for comments already shown");
    let more = reduce(shown, ThreadAction::Shown(vec![entity(3)]));
    assert_eq!(more.fresh, [entity(2), entity(3)]);
    let closed = reduce(more, ThreadAction::Toggle);
    assert!(!closed.open && closed.fresh.is_empty(), "closing forgets what was new");
}

#[test]
fn a_comment_is_answered_refused_and_added() {
    let open = reduce(ThreadState::default(), ThreadAction::ReplyTo(entity(2)));
    assert!(open.open);
    assert_eq!(open.reply_to, Some(entity(2)));
    assert_eq!(check_comment("  ").unwrap_err()[0].field, "text");
    let rejected = reduce(open, ThreadAction::Rejected(check_comment("").unwrap_err()));
    assert_eq!(rejected.errors.len(), 1);
    let typed = reduce(rejected, ThreadAction::EditText("Adres bez zmian".into()));
    assert!(typed.errors.is_empty());
    let sent = reduce(typed, ThreadAction::Submitted);
    assert!(sent.busy);
    // A handed-over case is refused as a whole, in Polish.
    let refused = reduce(sent.clone(), ThreadAction::Failed(ApiError::new(ErrorKind::CaseHandedOver)));
    assert!(!refused.busy);
    assert_eq!(refused.text, "Adres bez zmian", "what was typed stays");
    let message = i18n().api_error(refused.error.as_ref().unwrap());
    assert!(message.starts_with("Rodzina została przekazana innemu asystentowi"), "{message}");
    let field = ApiError::invalid(vec![FieldError::new("text", FieldErrorCode::Required)]);
    assert_eq!(reduce(sent.clone(), ThreadAction::Failed(field)).errors[0].field, "text");
    let added = reduce(sent, ThreadAction::Added);
    assert!(added.open && added.added && !added.busy);
    assert_eq!((added.text.as_str(), added.reply_to), ("", None));
    let cancelled = reduce(reduce(added, ThreadAction::ReplyTo(entity(3))), ThreadAction::CancelReply);
    assert_eq!(cancelled.reply_to, None);
}

#[test]
fn threads_are_found_by_record_and_the_unread_ones_listed_once() {
    let comments = vec![
        comment(2, "v1", Role::Centre, true, None),
        comment(3, "v2", Role::Assistant, false, None),
        comment(4, "v1", Role::Centre, true, Some(entity(2))),
    ];
    let thread = thread_of(&comments, "v1");
    assert_eq!(thread.iter().map(|c| c.id).collect::<Vec<_>>(), [entity(2), entity(4)]);
    assert_eq!(unread_ids(&thread), [entity(2), entity(4)]);
    assert_eq!(unread_targets(&comments), [CommentTarget { record: "visit".into(), id: "v1".into() }]);
    let mut read = comments.clone();
    mark_read(&mut read, &[entity(2)]);
    assert_eq!(read.iter().filter(|c| c.unread).count(), 1);
    assert_eq!(about_message("action"), "comments-about-action");
}

#[test]
fn unread_marks_read_with_polish_plurals() {
    let i18n = i18n();
    assert_eq!(i18n.count("comments-unread", 1), "1 nowy");
    assert_eq!(i18n.count("comments-unread", 3), "3 nowe");
    assert_eq!(i18n.count("comments-unread", 5), "5 nowych");
    assert_eq!(i18n.count("comments-unread", 22), "22 nowe");
    assert_eq!(i18n.count("comments-new-announcement", 1), "W tej sprawie jest 1 nowy komentarz.");
    assert_eq!(i18n.count("comments-new-announcement", 2), "W tej sprawie są 2 nowe komentarze.");
    assert_eq!(i18n.count("comments-new-announcement", 12), "W tej sprawie jest 12 nowych komentarzy.");
    assert_eq!(i18n.count("comments-toggle", 0), "Skomentuj");
    assert_eq!(i18n.count("comments-toggle", 2), "Komentarze (2)");
}

#[derive(Properties, PartialEq)]
struct InCaseProps {
    comments: Vec<CommentView>,
    can_write: bool,
}

/// A thread on the visit `v1` inside a case's context.
#[component]
fn InCase(props: &InCaseProps) -> Html {
    let context = CommentsContext {
        comments: Rc::new(props.comments.clone()),
        can_write: props.can_write,
        on_case: Callback::noop(),
        on_locked: Callback::noop(),
        on_read: Callback::noop(),
    };
    html! {
        <ContextProvider<CommentsContext> {context}>
            <CommentThread target={target("visit", "v1")} subject="12.03.2026" />
        </ContextProvider<CommentsContext>>
    }
}

#[test]
fn a_thread_shows_its_comments_beside_the_record_with_new_ones_marked() {
    let comments = vec![
        comment(2, "v1", Role::Centre, true, None),
        comment(3, "v1", Role::Assistant, false, Some(entity(2))),
        comment(4, "v2", Role::Centre, true, None),
    ];
    let html = render::<InCase>(move || InCaseProps { comments, can_write: true });
    assert!(has_id(&html, "comments-v1") && has_id(&html, "comments-body-v1"), "{html}");
    assert!(html.contains("Komentarze (2)"), "{html}");
    assert!(html.contains("aria-expanded=\"true\""));
    assert!(html.contains("1 nowy"), "the unread one is counted: {html}");
    assert_eq!(html.matches("comment-new").count(), 1, "{html}");
    assert!(html.contains("Komentarze do wpisu w dzienniku: 12.03.2026"), "{html}");
    assert!(html.contains("Komentarz 2") && html.contains("Komentarz 3") && !html.contains("Komentarz 4"));
    assert!(html.contains("W odpowiedzi na komentarz: Maria Zięba"), "{html}");
    assert!(html.contains(">ośrodek<") && html.contains(">asystent rodziny<"), "{html}");
    assert!(has_id(&html, "comment-reply-00000000-0000-0000-0000-000000000002"));
    assert!(has_id(&html, "comment-text-v1") && has_id(&html, "comment-submit-v1"));
}

#[test]
fn a_thread_without_news_is_a_button_and_a_read_only_case_has_no_form() {
    let comments = vec![comment(3, "v1", Role::Assistant, false, None)];
    let html = render::<InCase>(move || InCaseProps { comments, can_write: false });
    assert!(html.contains("aria-expanded=\"false\""), "{html}");
    assert!(!has_id(&html, "comments-body-v1"));
    assert!(!html.contains("Komentarz 3"), "shown when opened");
    let empty = render::<InCase>(|| InCaseProps { comments: Vec::new(), can_write: false });
    assert_eq!(empty, "", "nothing to read, nothing to write");
    let empty = render::<InCase>(|| InCaseProps { comments: Vec::new(), can_write: true });
    assert!(empty.contains(">Skomentuj<"), "{empty}");
    // No case, no thread.
    let alone = render::<CommentThread>(|| CommentThreadProps { target: target("visit", "v1"), subject: "".into() });
    assert!(!alone.contains("comments-v1"), "{alone}");
    // Unread news at the top of the case, with a link to each thread.
    let summary = render::<UnreadSummary>(|| UnreadSummaryProps {
        count: 2,
        targets: vec![target("visit", "v1"), target("family", "f")],
    });
    assert!(summary.contains("W tej sprawie są 2 nowe komentarze."), "{summary}");
    assert!(summary.contains("href=\"#comments-v1\"") && summary.contains("Komentarze do rodziny"), "{summary}");
    assert_eq!(render::<UnreadSummary>(|| UnreadSummaryProps { count: 0, targets: vec![] }), "");
}
