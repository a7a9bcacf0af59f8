use super::*;
use crate::test_support::{entity, family_case, has_id, render, text_of};
use asysta_core::centre::{AssigneeRef, AssistantEntry};
use asysta_core::{EventId, UserId};
use asysta_i18n::{Locale, Translator};

fn reduce(state: AssignState, action: AssignAction) -> AssignState {
    (*Rc::new(state).reduce(action)).clone()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn i18n() -> I18n {
    I18n::new(Rc::new(Translator::new(Locale::Pl)), Callback::noop())
}

fn who(n: u8, name: &str) -> AssigneeRef {
    AssigneeRef { assistant_id: entity(n), name: name.into(), user_id: None, devices: Vec::new() }
}

fn view(n: u8, name: &str, active: u32) -> AssistantView {
    AssistantView {
        id: entity(n),
        entry: AssistantEntry {
            name: name.into(),
            employment: None,
            from: None,
            to: None,
            fte_thousandths: None,
            user_id: None,
            devices: Vec::new(),
        },
        registered: true,
        active_families: active,
        cap: 15,
    }
}

fn event(n: u8) -> EventId {
    format!("00000000-0000-0000-0000-0000000000{n:02}").parse().unwrap()
}

/// Anna took the family on herself on 1 March; the centre transferred it
/// to Ewa from 24 November, acknowledged on 26 November when `handed`.
fn history(handed: bool) -> Vec<AssignmentRow> {
    let anna = AssigneeRef {
        user_id: Some("00000000-0000-0000-0000-000000000077".parse::<UserId>().unwrap()),
        ..who(7, "Anna Łęcka")
    };
    vec![
        AssignmentRow {
            event_id: None,
            assistant: anna.clone(),
            from: d("2025-03-01"),
            until: Some(d("2025-11-24")),
            transfer_from: None,
            handed_over_on: None,
        },
        AssignmentRow {
            event_id: Some(event(9)),
            assistant: who(8, "Ewa Nowak"),
            from: d("2025-11-24"),
            until: None,
            transfer_from: Some(anna),
            handed_over_on: handed.then(|| d("2025-11-26")),
        },
    ]
}

#[test]
fn the_form_opens_for_what_the_case_needs_and_keeps_what_was_typed_when_refused() {
    assert_eq!(Mode::for_rows(&[]), Mode::Assign);
    assert_eq!(Mode::for_rows(&history(false)), Mode::Transfer);
    let open = reduce(
        AssignState { recorded: Some(Recorded::Assigned("x".into())), ..Default::default() },
        AssignAction::Open(Mode::Transfer),
    );
    assert_eq!((open.mode, &open.register, &open.recorded), (Some(Mode::Transfer), &Register::Loading, &None));
    let loaded = reduce(open, AssignAction::RegisterLoaded(vec![view(8, "Ewa Nowak", 3)]));
    assert!(matches!(&loaded.register, Register::Loaded(r) if r.len() == 1));
    assert_eq!(check_assignment("").unwrap_err()[0].field, "assistant_id");
    assert_eq!(check_assignment(&entity(8).to_string()), Ok(entity(8)));
    let rejected = reduce(loaded, AssignAction::Rejected(check_assignment("").unwrap_err()));
    let chosen = reduce(rejected, AssignAction::Choose(entity(8).to_string()));
    assert!(chosen.errors.is_empty());
    let dated = reduce(chosen, AssignAction::SetOn("2025-11-24".into()));
    let sent = reduce(dated, AssignAction::Submitted);
    assert!(sent.busy);
    // A second transfer while the first waits for the old laptop.
    let mut pending = ApiError::new(ErrorKind::TransferPending);
    pending.args.insert("name".into(), "Ewa Nowak".into());
    let refused = reduce(sent.clone(), AssignAction::Failed(pending));
    assert_eq!((refused.busy, refused.on.as_str()), (false, "2025-11-24"));
    let text = i18n().api_error(refused.error.as_ref().unwrap());
    assert!(text.starts_with("Przekazanie tej rodziny (Ewa Nowak) czeka jeszcze na potwierdzenie"), "{text}");
    // The cap, with its arguments.
    let mut full = ApiError::new(ErrorKind::AssigneeCaseloadFull);
    for (k, v) in [("name", "Ewa Nowak"), ("active", "15"), ("cap", "15"), ("on", "24.11.2025")] {
        full.args.insert(k.into(), v.into());
    }
    let text = i18n().api_error(reduce(sent.clone(), AssignAction::Failed(full)).error.as_ref().unwrap());
    assert!(text.starts_with("Ewa Nowak ma na dzień 24.11.2025 aktywnych rodzin: 15 (limit: 15)"), "{text}");
    // A date before the current assignment, said in words beside the date.
    let early = ApiError::invalid(vec![FieldError::with_detail("on", FieldErrorCode::OutOfRange, "2025-03-01")]);
    let refused = reduce(sent, AssignAction::Failed(early));
    assert_eq!(refused.error, None);
    assert_eq!(
        i18n().field_error(&refused.errors[0]),
        "Data przekazania nie może być wcześniejsza niż początek obecnego przydziału."
    );
    let recorded = reduce(refused, AssignAction::Recorded(Recorded::Transferred("Ewa Nowak".into())));
    assert_eq!((recorded.mode, recorded.recorded.clone()), (None, Some(Recorded::Transferred("Ewa Nowak".into()))));
    assert_eq!(reduce(recorded, AssignAction::Cancel), AssignState::default());
}

#[test]
fn the_family_goes_to_anyone_but_its_assistant() {
    let mut anna = view(1, "Anna Łęcka", 15);
    anna.entry.user_id = Some("00000000-0000-0000-0000-000000000077".parse().unwrap());
    let register = vec![anna, view(8, "Ewa Nowak", 3), view(9, "Ola Kos", 0)];
    let names = |rows: &[AssignmentRow]| -> Vec<String> {
        candidates(&register, rows).iter().map(|a| a.entry.name.clone()).collect()
    };
    assert_eq!(names(&[]), ["Anna Łęcka", "Ewa Nowak", "Ola Kos"]);
    assert_eq!(names(&history(true)), ["Anna Łęcka", "Ola Kos"], "Ewa has the family now");
    assert_eq!(names(&history(true)[..1]), ["Ewa Nowak", "Ola Kos"], "Anna, known by her laptop's user");
}

#[test]
fn the_history_says_how_each_period_began() {
    let i18n = i18n();
    let rows = history(false);
    assert_eq!(period_how(&i18n, &rows[0]), "rodzina przyjęta przez asystenta");
    assert_eq!(period_how(&i18n, &rows[1]), "przekazana od: Anna Łęcka; przekazanie czeka na potwierdzenie z laptopa");
    assert_eq!(period_how(&i18n, &history(true)[1]), "przekazana od: Anna Łęcka; przekazanie potwierdzone 26.11.2025");
    let assigned = AssignmentRow { event_id: Some(event(5)), transfer_from: None, ..rows[1].clone() };
    assert_eq!(period_how(&i18n, &assigned), "przydział z ośrodka");
    let referral = Referral {
        requested_on: d("2025-11-03"),
        basis: ReferralBasis::CourtOrder,
        court: "Sąd Rejonowy w Gdyni".into(),
        signature: "III Nsm 12/25".into(),
        social_worker: String::new(),
        note: "Pilne".into(),
    };
    assert_eq!(
        referral_lines(&i18n, &referral),
        ["postanowienie sądu z 03.11.2025", "Sąd Rejonowy w Gdyni, sygn. III Nsm 12/25", "Uwagi: Pilne"]
    );
}

#[test]
fn the_old_laptop_is_warned_of_its_unsent_drafts_with_polish_plurals() {
    let i18n = i18n();
    let notice = |drafts: u32, handed: bool, leaving: bool| TransferNotice {
        to_name: "Ewa Nowak".into(),
        on: d("2025-11-24"),
        handed_over_on: handed.then(|| d("2025-11-26")),
        unsent_drafts: drafts,
        leaving,
    };
    let (lines, handed) = transfer_lines(&i18n, &notice(0, false, true)).unwrap();
    assert!(!handed);
    assert_eq!(lines[0], "Rodzina przekazywana do Ewa Nowak od 24.11.2025.");
    assert_eq!(lines.len(), 2, "no drafts, no warning: {lines:?}");
    let drafts = |n| transfer_lines(&i18n, &notice(n, false, true)).unwrap().0[1].clone();
    assert!(drafts(1).starts_with("Na tym komputerze jest 1 niewysłany szkic tej rodziny."), "{}", drafts(1));
    assert!(drafts(3).starts_with("Na tym komputerze są 3 niewysłane szkice tej rodziny."), "{}", drafts(3));
    assert!(drafts(5).starts_with("Na tym komputerze jest 5 niewysłanych szkiców tej rodziny."), "{}", drafts(5));
    let (lines, handed) = transfer_lines(&i18n, &notice(0, true, true)).unwrap();
    assert!(handed);
    assert!(lines[0]
        .starts_with("Rodzina przekazana do Ewa Nowak (26.11.2025). Na tym komputerze można ją tylko przeglądać"));
    assert_eq!(transfer_lines(&i18n, &notice(0, false, false)), None, "nothing on the laptop it comes to");
    let banner = render::<TransferBanner>(move || TransferBannerProps { notice: Some(notice(2, false, true)) });
    assert!(has_id(&banner, "transfer-banner") && banner.contains("2 niewysłane szkice"), "{banner}");
    let gone = render::<TransferBanner>(move || TransferBannerProps { notice: Some(notice(0, true, true)) });
    assert!(has_id(&gone, "case-handed-over"), "{gone}");
}

fn section(rows: Vec<AssignmentRow>, can_steer: bool) -> String {
    render::<AssignmentSection>(move || {
        let mut case = family_case(Vec::new());
        case.steering.assignments = rows;
        AssignmentSectionProps {
            family_id: entity(1),
            case: Rc::new(case),
            can_steer,
            on_case: Callback::noop(),
            on_locked: Callback::noop(),
        }
    })
}

#[test]
fn the_centre_assigns_a_waiting_case_and_transfers_one_that_has_an_assistant() {
    let waiting = section(Vec::new(), true);
    assert_eq!(text_of(&waiting, "assignment-waiting"), "Rodzina czeka na przydzielenie asystenta.");
    assert_eq!(text_of(&waiting, "assign-open"), "Przydziel asystenta");
    assert!(!has_id(&waiting, "assignment-history"));
    let held = section(history(true), true);
    assert_eq!(text_of(&held, "transfer-open"), "Przekaż innemu asystentowi");
    assert_eq!(text_of(&held, "assignment-current"), "Obecnie: Ewa Nowak (od 24.11.2025)");
    assert!(has_id(&held, "assignment-history"));
    assert_eq!(held.matches("class=\"assignment-row\"").count(), 2);
    assert!(held.contains(">nadal<") && held.contains(">24.11.2025<"), "{held}");
    let laptop = section(history(true), false);
    assert!(!has_id(&laptop, "transfer-open") && !has_id(&laptop, "assign-open"), "a laptop only reads it");
}
