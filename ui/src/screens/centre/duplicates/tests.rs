use super::*;
use crate::test_support::{entity, render};

fn pair(first: u8, second: u8, decision: Option<DuplicateDecision>) -> DuplicatePair {
    DuplicatePair {
        first: FamilyRef { id: entity(first), name: "Kowalscy".into(), assistant_name: "Anna Łęcka".into() },
        second: FamilyRef { id: entity(second), name: "Kowalscy".into(), assistant_name: "Ola Nowak".into() },
        reason: DuplicateReason::SamePesel,
        people: vec!["Jan Kowalski".into()],
        decision,
    }
}

#[test]
fn pairs_to_decide_come_first() {
    let list = ordered(vec![pair(1, 2, Some(DuplicateDecision::KeepApart)), pair(3, 4, None)]);
    assert_eq!(list[0].decision, None);
    assert_eq!(pair_key(&list[0]), format!("{}-{}", entity(3), entity(4)));
}

#[test]
fn an_open_pair_offers_both_decisions_and_a_decided_one_says_which() {
    let html = render::<DuplicatesContent>(|| DuplicatesContentProps {
        state: DuplicatesState {
            pairs: Load::Ready(Rc::new(vec![pair(3, 4, None), pair(1, 2, Some(DuplicateDecision::KeepApart))])),
            ..DuplicatesState::default()
        },
        on_open: Callback::noop(),
        on_decide: Callback::noop(),
    });
    assert_eq!(html.matches("class=\"primary duplicate-merge\"").count(), 1, "{html}");
    assert!(html.contains("To różne rodziny"));
    assert!(html.contains("Rozstrzygnięto: to różne rodziny"));
    assert!(html.contains("Ten sam PESEL") || html.contains("PESEL"), "{html}");
    assert!(html.contains("Te same osoby: Jan Kowalski"));
    assert!(html.contains("(Ola Nowak)"));
}
