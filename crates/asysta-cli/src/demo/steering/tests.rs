//! The centre's demo leaves every replica whole (each passes `check`) and
//! each laptop showing its side of the story.

use super::*;
use asysta_core::centre::ApprovalState;
use asysta_core::demo::steering as script;

const TODAY: &str = "2026-11-23";

#[test]
fn the_centres_demo_leaves_every_replica_whole_and_each_laptop_with_its_side_of_the_story() {
    let dir = tempfile::tempdir().unwrap();
    let info = WorkspaceInfo {
        assistant_name: "Kierownik Maria Zięba".into(),
        centre_name: "MOPS Łódź".into(),
        role: Role::Centre,
    };
    let pass = Passphrase::new("demo test passphrase");
    let mut centre = Store::create(
        &dir.path().join("centre"),
        &info,
        &pass,
        KdfParams::INSECURE_FOR_TESTS,
        Box::new(SystemEnvironment),
    )
    .unwrap();
    let today: NaiveDate = TODAY.parse().unwrap();
    let story = Story { laptops: 3, families: 15, seed: 1, today };
    let mut imports = 0;
    let laptops = story.play(&mut centre, &dir.path().join("laptops"), &mut |_| imports += 1).unwrap();
    assert_eq!(imports, 3 * 3 + 1, "three rounds from every laptop, and the new laptop's visit");

    for store in std::iter::once(&centre).chain(laptops.iter().map(|l| &l.store)) {
        let report = store.check().unwrap();
        assert!(report.ok, "{report:?}");
    }

    // The centre's side: the waiting list, a person in two assistants'
    // families, the last laptop's assistant over the cap in the past.
    assert_eq!(centre.waiting_list(today).unwrap().len(), 4);
    let pairs = centre.cross_duplicates().unwrap();
    assert!(pairs.len() == 1 && pairs[0].decision.is_none(), "{pairs:?}");
    let board = centre.dashboard(today).unwrap();
    let over: Vec<(&str, u32, bool)> =
        board.assistants.iter().map(|a| (a.name.as_str(), a.highest_caseload, a.breach_in_past)).collect();
    assert!(
        over.iter().any(|(name, highest, breach)| *name == laptops[2].name && *highest > 15 && *breach),
        "{over:?}"
    );
    assert!(over.iter().filter(|(.., breach)| *breach).count() == 1, "{over:?}");
    assert!(centre.assistants(None).unwrap().iter().all(|a| a.active_families <= a.cap), "none over the cap now");

    // The transfers as the old laptop sees them: the first handed over
    // (read-only there), the second announced and not yet answered.
    let transfers = centre.transfers().unwrap();
    let (pending, done): (Vec<_>, Vec<_>) = transfers.iter().partition(|t| t.pending);
    assert_eq!((pending.len(), done.len()), (1, 1), "{transfers:?}");
    assert_eq!(done[0].late_edits.len(), 1, "the old laptop's note after the date: {:?}", done[0].late_edits);
    let old = &laptops[2].store;
    let handed_over = old.transfer_notice(done[0].family_id).unwrap().unwrap();
    assert!(handed_over.leaving && handed_over.handed_over_on.is_some_and(|on| on >= today));
    let announced = old.transfer_notice(pending[0].family_id).unwrap().unwrap();
    assert!(announced.leaving && announced.handed_over_on.is_none());
    let new = laptops.iter().find(|l| l.name == done[0].row.assistant.name).unwrap();
    let case = new.store.family_case(done[0].family_id).unwrap();
    assert!(case.notes.iter().any(|n| n.text == script::NOTE_AFTER_TRANSFER), "the whole file, late note included");
    let at_centre = centre.family_case(done[0].family_id).unwrap();
    assert_eq!(
        (case.visits.len(), case.plan_versions.len(), case.members.len()),
        (at_centre.visits.len(), at_centre.plan_versions.len(), at_centre.members.len()),
        "its history too"
    );
    assert!(case.visits.len() >= 3 && case.visits.iter().any(|v| v.author_name == new.name), "and the new visit");

    // The first laptop's returned first plan, corrected and approved; the
    // second laptop's revised plan returned and not corrected yet.
    let decisions = laptops[0].store.plan_decisions().unwrap();
    assert!(
        decisions
            .iter()
            .any(|d| d.approval.version == 2 && d.approval.state() == ApprovalState::Approved && d.in_force),
        "{decisions:?}"
    );
    let decisions = laptops[1].store.plan_decisions().unwrap();
    assert!(decisions.iter().any(|d| d.approval.state() == ApprovalState::Returned && d.in_force), "{decisions:?}");
    // The centre's question waits unread on the second laptop.
    let comments = laptops[1].store.comments(None).unwrap();
    assert!(comments.iter().any(|c| c.unread && c.text == script::CENTRE_ASKS_ABOUT_ACTION), "{comments:?}");
}
