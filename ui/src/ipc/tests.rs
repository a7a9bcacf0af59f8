use super::*;
use serde_json::json;

#[track_caller]
fn check_args(args: impl Serialize, expected: serde_json::Value) {
    assert_eq!(serde_json::to_value(args).unwrap(), expected);
}

#[test]
fn argument_keys_are_the_shells_snake_case_names() {
    check_args(NoArgs {}, json!({}));
    check_args(UnlockArgs { passphrase: "długie hasło" }, json!({ "passphrase": "długie hasło" }));
    let entity_id: EntityId = "00000000-0000-0000-0000-000000000007".parse().unwrap();
    check_args(HistoryArgs { entity_id }, json!({ "entity_id": "00000000-0000-0000-0000-000000000007" }));
    let form = NewFamilyForm {
        name: "Żak".into(),
        address: "ul. Polna 1".into(),
        first_member_first_name: "Ola".into(),
        first_member_last_name: String::new(),
    };
    check_args(
        FormArgs { form: &form },
        json!({ "form": {
            "name": "Żak",
            "address": "ul. Polna 1",
            "first_member_first_name": "Ola",
            "first_member_last_name": "",
        }}),
    );
    let form = NewWorkspaceForm {
        assistant_name: "Anna".into(),
        centre_name: "GOPS".into(),
        passphrase: "p".into(),
        passphrase_repeat: "p".into(),
        role: asysta_core::workspace::Role::Centre,
    };
    check_args(
        FormArgs { form: &form },
        json!({ "form": {
            "assistant_name": "Anna",
            "centre_name": "GOPS",
            "passphrase": "p",
            "passphrase_repeat": "p",
            "role": "centre",
        }}),
    );
}

#[test]
fn the_list_sends_null_for_absent_filters() {
    check_args(ListArgs::new(None, "  "), json!({ "status": null, "query": null }));
    check_args(ListArgs::new(Some(FamilyStatus::Closed), "Żak"), json!({ "status": "closed", "query": "Żak" }));
}

#[test]
fn case_commands_name_their_arguments_as_the_shell_does() {
    let family_id: EntityId = "00000000-0000-0000-0000-000000000001".parse().unwrap();
    let member_id: EntityId = "00000000-0000-0000-0000-000000000002".parse().unwrap();
    check_args(FamilyArgs { family_id }, json!({ "family_id": "00000000-0000-0000-0000-000000000001" }));
    check_args(
        StatusArgs { family_id, status: FamilyStatus::Closed, reason: "Cele osiągnięte" },
        json!({ "family_id": "00000000-0000-0000-0000-000000000001", "status": "closed", "reason": "Cele osiągnięte" }),
    );
    check_args(
        NoteArgs { family_id, text: "Notatka", restricted: true },
        json!({ "family_id": "00000000-0000-0000-0000-000000000001", "text": "Notatka", "restricted": true }),
    );
    let form = MemberForm { first_name: "Zofia".into(), pesel: "44051401359".into(), ..MemberForm::default() };
    let member = json!({
        "first_name": "Zofia", "last_name": "", "birth_date": "", "sex": "", "relation": "", "pesel": "44051401359",
    });
    check_args(
        FamilyFormArgs { family_id, form: &form },
        json!({ "family_id": "00000000-0000-0000-0000-000000000001", "form": member }),
    );
    check_args(
        MemberFormArgs { member_id, form: &form },
        json!({ "member_id": "00000000-0000-0000-0000-000000000002", "form": member }),
    );
    check_args(DuplicatesArgs { form: &form, editing: None }, json!({ "form": member, "editing": null }));
    check_args(
        DuplicatesArgs { form: &form, editing: Some(member_id) },
        json!({ "form": member, "editing": "00000000-0000-0000-0000-000000000002" }),
    );
    let details = serde_json::to_value(FamilyFormArgs { family_id, form: &CaseDetailsForm::default() }).unwrap();
    assert_eq!(details["form"]["basis"]["kind"], "");
    assert_eq!(details["form"]["foster_care"], json!([]));
}

#[test]
fn exchange_commands_send_the_shells_names() {
    check_args(
        ExportArgs { to: "/media/usb", device: None, full: false, include_restricted: true },
        json!({ "to": "/media/usb", "device": null, "full": false, "include_restricted": true }),
    );
    check_args(
        ImportArgs { path: "/media/usb/a.asysta", trust_device: Some("ABCD-EF01") },
        json!({ "path": "/media/usb/a.asysta", "trust_device": "ABCD-EF01" }),
    );
    check_args(PathArgs { path: "x.json" }, json!({ "path": "x.json" }));
    check_args(ChooseArgs { folder: true }, json!({ "folder": true }));
    check_args(Settings { caseload_cap: 12, no_visit_days: 20 }, json!({ "caseload_cap": 12, "no_visit_days": 20 }));
    let event: asysta_core::EventId = "00000000-0000-0000-0000-000000000009".parse().unwrap();
    check_args(
        ResolveArgs::new("r/f", Resolution::Keep(event)),
        json!({ "conflict_id": "r/f", "keep": "00000000-0000-0000-0000-000000000009", "value": null }),
    );
    check_args(
        ResolveArgs::new("r/f", Resolution::Value(json!("Nowak"))),
        json!({ "conflict_id": "r/f", "keep": null, "value": "Nowak" }),
    );
    let drop: DragDrop =
        serde_json::from_value(json!({ "paths": ["/tmp/a.asysta"], "position": { "x": 1, "y": 2 } })).unwrap();
    assert_eq!(drop.paths, ["/tmp/a.asysta"]);
}

#[test]
fn evaluation_closing_and_opinion_commands_send_the_shells_names() {
    let family_id: EntityId = "00000000-0000-0000-0000-000000000001".parse().unwrap();
    let evaluation_id: EntityId = "00000000-0000-0000-0000-000000000003".parse().unwrap();
    let form = EvaluationForm {
        period_from: "2026-06-01".into(),
        period_to: "2026-11-30".into(),
        is_final: true,
        areas: vec![asysta_core::evaluation::AreaRatingForm {
            area: "housing".into(),
            rating: "4".into(),
            comment: String::new(),
        }],
        recommendation: "end_work".into(),
        ..EvaluationForm::default()
    };
    let sent = serde_json::to_value(EvaluationArgs { family_id, evaluation_id: None, form: &form }).unwrap();
    assert_eq!(sent["family_id"], "00000000-0000-0000-0000-000000000001");
    assert_eq!(sent["evaluation_id"], serde_json::Value::Null, "a new evaluation sends null");
    assert_eq!(sent["form"]["period_from"], "2026-06-01");
    assert_eq!(sent["form"]["is_final"], true);
    assert_eq!(sent["form"]["areas"], json!([{ "area": "housing", "rating": "4", "comment": "" }]));
    assert_eq!(sent["form"]["recommendation"], "end_work");
    let sent =
        serde_json::to_value(EvaluationArgs { family_id, evaluation_id: Some(evaluation_id), form: &form }).unwrap();
    assert_eq!(sent["evaluation_id"], "00000000-0000-0000-0000-000000000003");
    check_args(EvaluationIdArgs { evaluation_id }, json!({ "evaluation_id": "00000000-0000-0000-0000-000000000003" }));
    check_args(
        DecideArgs { evaluation_id, accept: false, note: "Uzupełnić zdanie rodziny" },
        json!({
            "evaluation_id": "00000000-0000-0000-0000-000000000003",
            "accept": false,
            "note": "Uzupełnić zdanie rodziny",
        }),
    );
    let closing = ClosingForm {
        on: "2026-11-30".into(),
        reason: "other".into(),
        reason_text: "Wyjazd za granicę".into(),
        summary: "Cele osiągnięte.".into(),
    };
    check_args(
        FamilyFormArgs { family_id, form: &closing },
        json!({ "family_id": "00000000-0000-0000-0000-000000000001", "form": {
            "on": "2026-11-30", "reason": "other", "reason_text": "Wyjazd za granicę", "summary": "Cele osiągnięte.",
        }}),
    );
    let request = OpinionRequestForm {
        court: "Sąd Rejonowy w Łodzi".into(),
        case_signature: "III Nsm 12/26".into(),
        received_on: "2026-11-20".into(),
        due_on: "2026-12-10".into(),
    };
    check_args(
        FamilyFormArgs { family_id, form: &request },
        json!({ "family_id": "00000000-0000-0000-0000-000000000001", "form": {
            "court": "Sąd Rejonowy w Łodzi", "case_signature": "III Nsm 12/26",
            "received_on": "2026-11-20", "due_on": "2026-12-10",
        }}),
    );
    check_args(
        OpinionTextArgs { opinion_id: evaluation_id, text: "Opinia" },
        json!({ "opinion_id": "00000000-0000-0000-0000-000000000003", "text": "Opinia" }),
    );
}

#[test]
fn due_items_and_the_vocabulary_decode_from_the_shells_json() {
    let item: DueItem = serde_json::from_value(json!({
        "family_id": "00000000-0000-0000-0000-000000000001",
        "family_name": "Nowak",
        "what": { "kind": "opinion", "opinion_id": "00000000-0000-0000-0000-000000000002",
                  "court": "SR Łódź", "case_signature": "III Nsm 12/26" },
        "state": { "state": "due_soon", "due": "2026-12-10", "days_left": 5 },
    }))
    .unwrap();
    assert!(matches!(item.state, asysta_core::evaluation::DueState::DueSoon { days_left: 5, .. }));
    let vocabulary: CaseVocabulary = serde_json::from_value(json!({
        "rating_scale": [{ "value": 1, "name_pl": "zła", "name_en": "poor" }],
        "closing_reasons": [{ "key": "other", "name_pl": "inny powód", "name_en": "other reason" }],
        "evaluation_months": 6, "monitoring_months": 3, "lock_minutes": 10,
    }))
    .unwrap();
    assert_eq!(vocabulary.closing_reasons[0].key, "other");
}
