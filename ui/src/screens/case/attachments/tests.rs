use super::*;
use crate::test_support::{entity, family_case, has_id, render, text_of};
use asysta_core::attachment::FileKind;

fn attachment(n: u8, name: &str, kind: FileKind, target: AttachedTo) -> AttachmentView {
    AttachmentView {
        id: entity(n),
        family_id: entity(1),
        target,
        file_name: name.into(),
        kind,
        size: 2_500_000,
        digest: "a".repeat(64),
        restricted: n == 3,
        created_at_ms: 1_795_435_200_000,
        author_name: "Anna Łęcka".into(),
    }
}

#[test]
fn a_target_choice_round_trips_and_sizes_read_as_people_read_them() {
    for target in [AttachedTo::Family, AttachedTo::Visit(entity(7)), AttachedTo::Opinion(entity(8))] {
        assert_eq!(parse_target(&target_choice(target)), target);
    }
    assert_eq!(parse_target("visit:nonsense"), AttachedTo::Family);
    assert_eq!(size_text(2_500_000), "2,4 MB");
    assert_eq!(size_text(1), "1 KB");
    assert_eq!(size_text(870_000), "850 KB");
}

#[test]
fn refusals_and_removal_are_kept_in_the_state() {
    let step = |state: AttachmentsState, action| (*Rc::new(state).reduce(action)).clone();
    let open = step(AttachmentsState::default(), AttachmentsAction::Open);
    let typed = step(open, AttachmentsAction::EditPath("/media/usb/skan.pdf".into()));
    let sent = step(typed, AttachmentsAction::Submitted);
    let refusal = asysta_core::attachment::Refusal::WrongType.field_error();
    let refused = step(sent, AttachmentsAction::Failed(ApiError::invalid(vec![refusal])));
    assert_eq!((refused.busy, refused.path.as_str(), refused.form_error), (false, "/media/usb/skan.pdf", None));
    assert_eq!(refused.errors[0].message_id(), "attachment-refused-wrong-type", "shown next to the path");
    let added = step(step(refused, AttachmentsAction::Submitted), AttachmentsAction::Added);
    assert_eq!((added.path.as_str(), added.status, added.open), ("", Some("attachment-added"), false));
    assert_eq!(step(added, AttachmentsAction::Removed).status, Some("attachment-removed"));
}

#[test]
fn the_section_offers_the_form_only_to_whom_may_attach() {
    let html = render::<AttachmentsSection>(|| AttachmentsSectionProps {
        family_id: entity(1),
        case: Rc::new(family_case(Vec::new())),
        can_edit: true,
        on_locked: Callback::noop(),
    });
    assert_eq!(text_of(&html, "attachments-title"), "Załączniki");
    assert!(has_id(&html, NEW_ID), "{html}");
    assert!(!has_id(&html, "attachment-form"), "the form waits to be asked for: {html}");
    let html = render::<AttachmentsSection>(|| AttachmentsSectionProps {
        family_id: entity(1),
        case: Rc::new(family_case(Vec::new())),
        can_edit: false,
        on_locked: Callback::noop(),
    });
    assert!(!has_id(&html, NEW_ID));
}

#[test]
fn a_target_is_named_as_the_case_names_it() {
    let translator = Rc::new(asysta_i18n::Translator::new(asysta_i18n::Locale::Pl));
    let i18n = crate::i18n::I18n::new(translator, Callback::noop());
    let case = family_case(Vec::new());
    assert_eq!(target_label(&i18n, &case, AttachedTo::Family), "Rodzina");
    assert_eq!(target_label(&i18n, &case, AttachedTo::Visit(entity(9))), "Usunięty wpis");
    let file = attachment(3, "zaświadczenie.png", FileKind::Png, AttachedTo::Family);
    assert!(file.restricted && file.kind.is_image());
}
