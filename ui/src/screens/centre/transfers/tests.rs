use super::*;
use crate::test_support::{entity, render};
use asysta_core::centre::{AssigneeRef, AssignmentRow};

fn who(n: u8, name: &str) -> AssigneeRef {
    AssigneeRef { assistant_id: entity(n), name: name.into(), user_id: None, devices: Vec::new() }
}

fn transfer(n: u8, name: &str, on: &str, pending: bool) -> TransferView {
    TransferView {
        family_id: entity(n),
        family_name: name.into(),
        row: AssignmentRow {
            event_id: None,
            assistant: who(51, "Ola Nowak"),
            from: on.parse().unwrap(),
            until: None,
            transfer_from: Some(who(50, "Anna Łęcka")),
            handed_over_on: (!pending).then(|| on.parse().unwrap()),
        },
        pending,
        late_edits: Vec::new(),
    }
}

#[test]
fn pending_transfers_come_first() {
    let list = ordered(vec![
        transfer(1, "Kowalscy", "2026-12-01", false),
        transfer(2, "Lisowie", "2026-10-01", true),
        transfer(3, "Nowakowie", "2026-11-01", true),
    ]);
    assert_eq!(list.iter().map(|t| t.family_name.as_str()).collect::<Vec<_>>(), ["Nowakowie", "Lisowie", "Kowalscy"]);
}

#[test]
fn a_late_edit_is_flagged_with_what_it_changed() {
    let mut late = transfer(1, "Kowalscy", "2026-12-01", true);
    late.late_edits.push(asysta_core::centre::LateEdit {
        family_id: entity(1),
        event_id: asysta_core::EventId(entity(9).0),
        kind: "visit.recorded".into(),
        author_name: "Anna Łęcka".into(),
        written_on: "2026-12-03".parse().unwrap(),
        transfer_on: "2026-12-01".parse().unwrap(),
    });
    let html = render::<TransfersContent>(move || TransfersContentProps {
        list: Load::Ready(Rc::new(vec![late])),
        on_open: Callback::noop(),
    });
    assert!(html.contains("1 zmiana po przekazaniu"), "{html}");
    assert!(html.contains("03.12.2026"));
    assert!(html.contains("(Anna Łęcka)"));
    assert!(html.contains("czeka na potwierdzenie z laptopa"));
    assert!(html.contains("W toku: 1"));
    let i18n = crate::i18n::I18n::new(Rc::new(asysta_i18n::Translator::new(asysta_i18n::Locale::Pl)), Callback::noop());
    let unknown = asysta_core::centre::LateEdit { kind: "something.new".into(), ..late_edit() };
    assert_eq!(late_edit_text(&i18n, &unknown), "something.new");
}

fn late_edit() -> asysta_core::centre::LateEdit {
    asysta_core::centre::LateEdit {
        family_id: entity(1),
        event_id: asysta_core::EventId(entity(9).0),
        kind: "visit.recorded".into(),
        author_name: "Anna".into(),
        written_on: "2026-12-03".parse().unwrap(),
        transfer_on: "2026-12-01".parse().unwrap(),
    }
}
