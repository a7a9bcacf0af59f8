//! Workspaces prepared with `asysta-store` directly (a cheap KDF, many
//! records at once), and the steps every test takes in the app: unlock,
//! open a family's case, pick from a drop-down.

use crate::support::App;
use asysta_core::family::NewFamily;
use asysta_core::member::{MemberDetails, Relation};
use asysta_core::plan::{ActionStatus, Actor, NewPlanVersion, PlanAction, PlanGoal};
use asysta_core::record::FamilyStatus;
use asysta_core::workspace::{Role, WorkspaceInfo};
use asysta_core::EntityId;
use asysta_store::{KdfParams, NewCase, Passphrase, Store, SystemEnvironment};
use chrono::NaiveDate;
use std::path::Path;

pub const PASSPHRASE: &str = "zielony rower nad Wisłą 7";

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn family(name: &str, address: &str) -> NewFamily {
    NewFamily { name: name.into(), address: address.into(), first_member: None }
}

pub fn active(family: NewFamily, members: Vec<MemberDetails>) -> NewCase {
    NewCase { family, status: FamilyStatus::Active, members, details: None }
}

/// A workspace in `dir` holding `cases`, still open for more.
pub fn prepare_store(dir: &Path, cases: &[NewCase]) -> Store {
    let info =
        WorkspaceInfo {
            assistant_name: "Anna Łęcka".into(), centre_name: "MOPS Łódź".into(), role: Role::Assistant
        };
    let mut store = Store::create(
        dir,
        &info,
        &Passphrase::new(PASSPHRASE),
        KdfParams::INSECURE_FOR_TESTS,
        Box::new(SystemEnvironment),
    )
    .expect("a workspace");
    store.add_cases(cases).expect("the cases are added");
    store
}

/// A workspace in `dir` holding `cases`.
pub fn prepare(dir: &Path, cases: &[NewCase]) {
    prepare_store(dir, cases);
}

/// Opens the workspace in `dir` as the app would (after the app quit).
pub fn open_store(dir: &Path) -> Store {
    Store::open(dir, &Passphrase::new(PASSPHRASE), Box::new(SystemEnvironment)).expect("the workspace opens")
}

/// The family "Wiśniewscy" of [`prepare_family_with_plan`].
pub struct PlannedFamily {
    pub family_id: EntityId,
    /// Anna (parent), then Zofia (child).
    pub member_ids: [EntityId; 2],
    /// "Złożyć wniosek o dodatek mieszkaniowy", then "Ustalić plan spłaty
    /// zaległości z zarządcą".
    pub action_ids: [EntityId; 2],
}

/// A workspace in `dir` with one active family, "Wiśniewscy": two members
/// and a first plan version with one goal and two actions.
pub fn prepare_family_with_plan(dir: &Path) -> PlannedFamily {
    let members = vec![
        MemberDetails { relation: Relation::Parent, ..MemberDetails::named("Anna", "Wiśniewska") },
        MemberDetails { relation: Relation::Child, ..MemberDetails::named("Zofia", "Wiśniewska") },
    ];
    let mut store = prepare_store(dir, &[active(family("Wiśniewscy", "ul. Polna 3, 90-001 Łódź"), members)]);
    let family_id = store.list_families().expect("families")[0].id;
    let case = store.family_case(family_id).expect("the case");
    let member_ids = [case.members[0].id, case.members[1].id];
    let mut action = |what: &str| PlanAction {
        id: store.new_id().expect("an id"),
        what: what.into(),
        who: Actor::Assistant,
        deadline: None,
        expected_effect: "Czynsz płacony na bieżąco".into(),
        status: ActionStatus::Planned,
    };
    let actions =
        vec![action("Złożyć wniosek o dodatek mieszkaniowy"), action("Ustalić plan spłaty zaległości z zarządcą")];
    let action_ids = [actions[0].id, actions[1].id];
    let goal = PlanGoal {
        id: store.new_id().expect("an id"),
        area: "housing".into(),
        goal: "Rodzina nie ma zaległości w czynszu".into(),
        actions,
    };
    let version = NewPlanVersion { agreed_with_family_on: None, consultation: None, goals: vec![goal] };
    store.save_plan_version(family_id, version).expect("the plan is saved");
    PlannedFamily { family_id, member_ids, action_ids }
}

/// Unlocks the workspace and waits for its home screen: the family list
/// on a laptop, the dashboard at a centre.
pub fn unlock(app: &App<'_>) {
    app.find("#unlock-form");
    app.fill("#unlock-passphrase", PASSPHRASE);
    app.click("#unlock-submit");
    app.find("#families, #dashboard");
}

/// Opens the case of the family listed as `name` (in any group of the
/// list; at a centre, its family list is opened first).
pub fn open_case(app: &App<'_>, name: &str) {
    if app.find_all("#families").is_empty() && !app.find_all("#nav-families").is_empty() {
        app.click("#nav-families");
    }
    app.wait_for_text(".family-name", name);
    app.click_text(".family-row .family-name", name);
    app.find("#case");
    app.wait_for_text("#case-name", name);
}

/// A centre's workspace in `dir`, used by `name`.
pub fn prepare_centre(dir: &Path, name: &str) -> Store {
    let info = WorkspaceInfo { assistant_name: name.into(), centre_name: "MOPS Łódź".into(), role: Role::Centre };
    Store::create(dir, &info, &Passphrase::new(PASSPHRASE), KdfParams::INSECURE_FOR_TESTS, Box::new(SystemEnvironment))
        .expect("a centre's workspace")
}

/// A change only the centre may make, reaching the laptop workspace in
/// `laptop_dir` as it does in use: a centre beside it (in `centre_dir`)
/// enrols the laptop, makes the change, and the laptop imports the
/// centre's bundle.
pub fn from_the_centre(laptop_dir: &Path, centre_dir: &Path, change: impl FnOnce(&mut Store)) {
    let mut centre = prepare_centre(centre_dir, "Maria Zięba");
    let mut laptop = open_store(laptop_dir);
    let outbox = centre_dir.join("outbox");
    send_to_the_centre(&mut laptop, &mut centre, &outbox);
    change(&mut centre);
    let request = asysta_store::ExportRequest { device: Some(laptop.device_id()), ..Default::default() };
    let back = centre.export_bundle(&outbox, &request, &mut |_| {}).unwrap();
    let bytes = std::fs::read(&back.path).unwrap();
    laptop.import_bundle(&bytes, "centre.asysta", None).expect("the laptop takes the centre's bundle");
}

/// Enrols `laptop` with `centre` and brings the laptop's events to the
/// centre in a bundle, trusted by its fingerprint (what a person does on
/// the sync screens), through `outbox`.
pub fn send_to_the_centre(laptop: &mut Store, centre: &mut Store, outbox: &Path) {
    laptop.enrol(&centre.enrolment().expect("the enrolment").to_json()).expect("the laptop enrols");
    std::fs::create_dir_all(outbox).unwrap();
    let sent = laptop.export_bundle(outbox, &asysta_store::ExportRequest::default(), &mut |_| {}).unwrap();
    let fingerprint = laptop.fingerprint().to_string();
    let bytes = std::fs::read(&sent.path).unwrap();
    centre.import_bundle(&bytes, "laptop.asysta", Some(&fingerprint)).expect("the centre trusts the laptop");
}

/// Picks `value` in the drop-down `select`.
pub fn choose(app: &App<'_>, select: &str, value: &str) {
    app.click(&format!("{select} option[value='{value}']"));
}

/// Types a date into a date input. The day equals the month, so the typed
/// digits mean the same date whether the input's segments are day/month or
/// month/day (the order follows the WebView's locale).
pub fn fill_date(app: &App<'_>, input: &str, day_and_month: &str, year: &str) {
    app.fill(input, &format!("{day_and_month}.{day_and_month}.{year}"));
}
