use super::*;
use crate::test_support::{has_id, render, text_of};
use asysta_core::exchange::{MissingEvents, PeerView};
use std::collections::BTreeMap;

fn id<T: std::str::FromStr>(n: u8) -> T
where
    T::Err: std::fmt::Debug,
{
    format!("00000000-0000-0000-0000-0000000000{n:02}").parse().unwrap()
}

fn peer(n: u8, role: Role, name: &str, fingerprint: &str) -> PeerView {
    PeerView {
        device_id: id(n),
        workspace_id: id(n + 50),
        role,
        user_name: name.into(),
        centre_name: "MOPS Łódź".into(),
        fingerprint: fingerprint.into(),
        trusted_at_ms: 1_764_000_000_000,
        last_import: None,
        last_export: None,
        pending_events: 2,
        held_back: 0,
        conflicts: 0,
    }
}

fn status(role: Role, centre: Option<PeerView>, devices: Vec<PeerView>) -> SyncStatus {
    SyncStatus {
        role,
        device_id: id(1),
        fingerprint: "AAAA-BBBB-CCCC-DDDD".into(),
        centre,
        devices,
        pending_events: 3,
        marks: BTreeMap::new(),
        last_export: None,
        last_import: None,
        held_back: 0,
        missing: vec![MissingEvents { device_id: id(7), user_name: Some("Ola Nowak".into()), first: 4, last: 6 }],
        conflicts: 1,
    }
}

fn info(role: Role) -> WorkspaceInfo {
    WorkspaceInfo { assistant_name: "Anna Łęcka".into(), centre_name: "MOPS Łódź".into(), role }
}

fn screen(role: Role, state: SyncState) -> String {
    render::<SyncScreen>(move || SyncScreenProps {
        info: info(role),
        on_status: Callback::noop(),
        on_back: Callback::noop(),
        initial: Some(Rc::new(state)),
    })
}

fn reduce(state: SyncState, action: SyncAction) -> SyncState {
    (*Rc::new(state).reduce(action)).clone()
}

#[test]
fn a_laptop_shows_its_fingerprint_its_centre_and_the_exchange() {
    let centre = peer(9, Role::Centre, "MOPS Łódź", "1111-2222-3333-4444");
    let state = SyncState { status: Some(status(Role::Assistant, Some(centre), vec![])), ..Default::default() };
    let html = screen(Role::Assistant, state);
    for id in [
        "sync",
        "sync-back",
        "sync-fingerprint",
        "sync-device-id",
        "sync-centre",
        "export-path",
        "export-path-choose",
        "export-submit",
        "import-path",
        "import-path-choose",
        "import-submit",
        "enrolment",
        "enrolment-path",
        "enrolment-submit",
    ] {
        assert!(has_id(&html, id), "no #{id} in {html}");
    }
    assert_eq!(text_of(&html, "sync-fingerprint"), "AAAA-BBBB-CCCC-DDDD");
    assert_eq!(text_of(&html, "sync-centre-fingerprint"), "1111-2222-3333-4444");
    assert_eq!(text_of(&html, "sync-pending"), "3 zdarzenia");
    assert_eq!(text_of(&html, "sync-last-export"), "jeszcze nie było");
    assert_eq!(text_of(&html, "sync-conflicts"), "1");
    assert_eq!(text_of(&html, "export-path-choose"), "Wybierz…");
    assert!(html.contains("Brakuje paczki z urządzenia Ola Nowak: zdarzenia 4–6."), "{html}");
    assert!(html.contains("disabled"), "export and import wait for a path");
    assert!(!has_id(&html, "sync-devices"));
    assert!(has_id(&html, "export-full") && has_id(&html, "export-include-restricted"), "{html}");
}

#[test]
fn a_laptop_not_enrolled_is_told_so() {
    let state = SyncState { status: Some(status(Role::Assistant, None, vec![])), ..Default::default() };
    let html = screen(Role::Assistant, state);
    assert!(has_id(&html, "sync-not-enrolled"));
    assert!(!has_id(&html, "export-submit"));
}

#[test]
fn a_centre_exports_for_each_device() {
    let devices =
        vec![peer(3, Role::Assistant, "Anna Łęcka", "AAAA-0001"), peer(4, Role::Assistant, "Ola Nowak", "AAAA-0002")];
    let state = SyncState {
        status: Some(status(Role::Centre, None, devices)),
        export_to: "/media/usb".into(),
        ..Default::default()
    };
    let html = screen(Role::Centre, state);
    assert_eq!(html.matches("class=\"primary device-export\"").count(), 2, "{html}");
    assert!(html.contains("data-device=\"00000000-0000-0000-0000-000000000003\""));
    assert!(html.contains("Eksportuj paczkę dla: Ola Nowak"));
    assert!(has_id(&html, "enrolment-fingerprint"), "the centre shows its fingerprint for enrolment");
    assert!(!has_id(&html, "export-submit"));
    assert!(!has_id(&html, "export-include-restricted"), "a centre never includes restricted notes");
}

#[test]
fn an_unknown_device_is_trusted_only_after_its_fingerprint_is_shown() {
    let mut error = ApiError::new(ErrorKind::DeviceUnknown);
    for (k, v) in [("file", "anna.asysta"), ("name", "Anna Łęcka"), ("fingerprint", "ABCD-EF01")] {
        error.args.insert(k.into(), v.into());
    }
    let started = reduce(SyncState::default(), SyncAction::Started(Task::Import("/usb/anna.asysta".into())));
    let failed = reduce(started, SyncAction::Failed(error));
    assert_eq!(failed.untrusted(), Some(("ABCD-EF01", "Anna Łęcka")));
    assert_eq!(failed.last_import.as_deref(), Some("/usb/anna.asysta"), "what trusting re-imports");
    let html = screen(Role::Centre, failed);
    assert_eq!(text_of(&html, "untrusted-fingerprint"), "ABCD-EF01");
    assert_eq!(text_of(&html, "trust-device"), "Porównałem odcisk — zaufaj temu urządzeniu");
    let message = text_of(&html, "sync-error");
    assert!(message.contains("anna.asysta") && message.contains("ABCD-EF01"), "{message}");
}

#[test]
fn the_import_report_counts_what_changed() {
    let summary = ImportSummary {
        file_name: "centrum.asysta".into(),
        sender_name: "MOPS Łódź".into(),
        records_new: 2,
        records_updated: 5,
        unchanged: 1,
        held_back: 3,
        conflicts: 1,
        missing: vec![MissingEvents { device_id: id(7), user_name: None, first: 10, last: 12 }],
        duplicates: 2,
        ..Default::default()
    };
    let state = reduce(SyncState::default(), SyncAction::Started(Task::Import("/x".into())));
    let state = reduce(state, SyncAction::Imported(summary));
    assert_eq!((state.busy.clone(), state.request), (None, 1), "the status is read again");
    let html = screen(Role::Assistant, state);
    assert_eq!(text_of(&html, "import-title"), "Zaimportowano centrum.asysta od: MOPS Łódź.");
    assert!(
        html.contains("<tr class=\"report-updated\"><th scope=\"row\">Zmienione rekordy</th><td>5</td></tr>"),
        "{html}"
    );
    assert!(html.contains("zdarzenia 10–12"), "{html}");
    assert_eq!(
        text_of(&html, "import-duplicates"),
        "2 pary rodzin różnych asystentów mogą być tą samą rodziną: rozstrzygnij na liście możliwych duplikatów."
    );
}

#[test]
fn progress_is_shown_only_while_exporting() {
    let step = ExportProgress { stage: "reading".into(), count: 1000 };
    let idle = reduce(SyncState::default(), SyncAction::Progress(step.clone()));
    assert_eq!(idle.progress, None, "a late event after the export is ignored");
    let exporting = reduce(SyncState::default(), SyncAction::Started(Task::Export));
    let exporting = reduce(exporting, SyncAction::Progress(step.clone()));
    assert_eq!(exporting.progress, Some(step));
    let html = screen(Role::Assistant, exporting.clone());
    assert!(has_id(&html, "export-progress"));
    assert_eq!(text_of(&html, "export-stage"), "Odczytano 1000 zdarzeń");
    let failed = reduce(exporting, SyncAction::Failed(ApiError::new(ErrorKind::NotEnrolled)));
    assert_eq!((failed.busy, failed.progress), (None, None));
}

#[test]
fn the_export_options_are_kept_until_changed() {
    let state = reduce(SyncState::default(), SyncAction::SetIncludeRestricted(true));
    let state = reduce(state, SyncAction::SetFull(true));
    assert_eq!(state.options, crate::ipc::ExportOptions { full: true, include_restricted: true });
    assert!(!reduce(state, SyncAction::SetFull(false)).options.full);
}
