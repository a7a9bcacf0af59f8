use super::*;
use crate::test_support::{entity, has_id, render, text_of};

fn reduce(state: NotesState, action: NotesAction) -> NotesState {
    (*Rc::new(state).reduce(action)).clone()
}

fn note(n: u8, text: &str, restricted: bool) -> NoteView {
    NoteView {
        id: entity(n),
        text: text.into(),
        restricted,
        created_at_ms: 1_764_000_000_000 + u64::from(n) * 60_000,
        author_name: "Anna Łęcka".into(),
    }
}

#[test]
fn a_note_is_typed_sent_and_the_form_emptied() {
    let state = reduce(NotesState::default(), NotesAction::EditText("Wizyta po 16:00".into()));
    let state = reduce(state, NotesAction::SetRestricted(true));
    let sent = reduce(state, NotesAction::Submitted);
    assert!(sent.busy && sent.restricted);
    assert_eq!(reduce(sent, NotesAction::Added), NotesState::default());
}

#[test]
fn an_empty_note_is_refused_next_to_the_text() {
    let refused =
        reduce(NotesState::default(), NotesAction::Rejected(vec![FieldError::new("text", FieldErrorCode::Required)]));
    assert!(error_for(&refused.errors, "text").is_some());
    assert!(reduce(refused, NotesAction::EditText("a".into())).errors.is_empty());
    let sent = reduce(NotesState::default(), NotesAction::Submitted);
    let from_shell = ApiError::invalid(vec![FieldError::new("text", FieldErrorCode::Required)]);
    let failed = reduce(sent.clone(), NotesAction::Failed(from_shell));
    assert_eq!((failed.form_error, failed.errors.len()), (None, 1));
    assert_eq!(
        reduce(sent, NotesAction::Failed(ApiError::new(ErrorKind::Storage))).form_error,
        Some(ErrorKind::Storage)
    );
}

#[test]
fn restricted_notes_are_marked_with_a_visible_label() {
    let notes = vec![note(1, "Zwykła notatka", false), note(2, "Poufna sprawa", true)];
    let html = render::<NotesSection>(move || NotesSectionProps {
        family_id: entity(1),
        notes,
        on_case: Callback::noop(),
        on_locked: Callback::noop(),
    });
    assert_eq!(html.matches("class=\"note\"").count(), 1);
    assert_eq!(html.matches("class=\"note restricted\"").count(), 1);
    assert!(html.contains("<span class=\"note-restricted-label badge\">poufna</span>"), "{html}");
    assert!(html.contains("<p class=\"note-meta\">24.11.2025 16:02 · Anna Łęcka</p>"), "{html}");
    for id in ["note-form", "note-text", "note-restricted", "note-submit"] {
        assert!(has_id(&html, id), "no #{id}");
        assert!(
            id == "note-form" || id == "note-submit" || html.contains(&format!("for=\"{id}\"")),
            "no label for {id}"
        );
    }
    assert_eq!(text_of(&html, "note-submit"), "Dodaj notatkę");
}

#[test]
fn no_notes_shows_the_empty_state() {
    let html = render::<NotesSection>(|| NotesSectionProps {
        family_id: entity(1),
        notes: Vec::new(),
        on_case: Callback::noop(),
        on_locked: Callback::noop(),
    });
    assert_eq!(text_of(&html, "notes-empty"), "Nie ma jeszcze notatek.");
}
