use super::*;
use crate::test_support::{entity, render};
use asysta_core::centre::approval::DecisionView;
use asysta_core::centre::PlanApproval;
use asysta_core::evaluation::Stamp;
use asysta_core::EventId;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn event(n: u8) -> EventId {
    format!("00000000-0000-0000-0000-0000000000{n:02}").parse().unwrap()
}

fn notice(n: u8, name: &str, decision: Decision, on: &str, in_force: bool) -> PlanDecisionNotice {
    let note = if decision == Decision::Returned { "Dodać terminy działań" } else { "" };
    PlanDecisionNotice {
        family_id: entity(n),
        family_name: name.into(),
        approval: PlanApproval {
            version_event: event(n),
            version: 2,
            submitted: Stamp { on: d("2025-11-20"), by: "Anna Łęcka".into() },
            decisions: vec![DecisionView {
                event_id: event(50 + n),
                decision,
                note: note.into(),
                stamp: Stamp { on: d(on), by: "Maria Zięba".into() },
                stale: false,
            }],
        },
        in_force,
    }
}

#[test]
fn returned_plans_come_first_and_old_or_corrected_ones_drop_off() {
    let today = d("2025-12-20");
    let notices = vec![
        notice(1, "Nowakowie", Decision::Accepted, "2025-12-10", true),
        notice(2, "Kowalscy", Decision::Returned, "2025-11-24", true),
        notice(3, "Żakowie", Decision::Returned, "2025-12-01", true),
        notice(4, "Wiśniewscy", Decision::Returned, "2025-12-01", false),
        notice(5, "Zielińscy", Decision::Accepted, "2025-10-01", true),
    ];
    let names: Vec<&str> = decisions_shown(&notices, today).iter().map(|n| n.family_name.as_str()).collect();
    assert_eq!(names, ["Żakowie", "Kowalscy", "Nowakowie"]);
}

#[test]
fn a_decision_reads_with_its_version_date_and_note() {
    let html = render::<PlanDecisions>(move || PlanDecisionsProps {
        notices: Rc::new(vec![
            notice(1, "Nowakowie", Decision::Accepted, "2025-12-10", true),
            notice(2, "Kowalscy", Decision::Returned, "2025-11-24", true),
        ]),
        on_open: Callback::noop(),
        today: d("2025-12-20"),
    });
    assert!(html.contains("Decyzje ośrodka w sprawie planów"), "{html}");
    assert!(html.contains("plan (wersja 2) zwrócony do poprawy 24.11.2025: Dodać terminy działań"), "{html}");
    assert!(html.contains("plan (wersja 2) zatwierdzony 10.12.2025"), "{html}");
    assert!(html.find("Kowalscy").unwrap() < html.find("Nowakowie").unwrap());
    let none = render::<PlanDecisions>(|| PlanDecisionsProps {
        notices: Rc::new(Vec::new()),
        on_open: Callback::noop(),
        today: d("2025-12-20"),
    });
    assert_eq!(none, "");
}
