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
    };
    check_args(
        FormArgs { form: &form },
        json!({ "form": {
            "assistant_name": "Anna",
            "centre_name": "GOPS",
            "passphrase": "p",
            "passphrase_repeat": "p",
        }}),
    );
}
