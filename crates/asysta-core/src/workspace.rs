//! The workspace: one assistant's encrypted store on one device.

use crate::passphrase::{self, MIN_PASSPHRASE_CHARS};
use crate::validation::{Checker, FieldError, FieldErrorCode};
use serde::{Deserialize, Serialize};

/// The longest person or institution name accepted, in characters.
pub const MAX_NAME_CHARS: u32 = 200;

/// Whose workspace it is: an assistant's laptop or a centre's installation
/// (used by the head of the centre or the assistants' coordinator).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    #[default]
    Assistant,
    Centre,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Assistant => "assistant",
            Role::Centre => "centre",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "assistant" => Some(Role::Assistant),
            "centre" => Some(Role::Centre),
            _ => None,
        }
    }
}

/// Who works in a workspace and for which centre. On a centre's workspace
/// `assistant_name` is the person using it (the head of the centre or the
/// coordinator).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkspaceInfo {
    pub assistant_name: String,
    pub centre_name: String,
    #[serde(default)]
    pub role: Role,
}

/// The create-workspace form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewWorkspaceForm {
    pub assistant_name: String,
    pub centre_name: String,
    pub passphrase: String,
    pub passphrase_repeat: String,
    #[serde(default)]
    pub role: Role,
}

/// Checks the create-workspace form; on success gives the normalized names.
pub fn validate_new_workspace(form: &NewWorkspaceForm) -> Result<WorkspaceInfo, Vec<FieldError>> {
    let mut c = Checker::default();
    let assistant_name = c.required_text("assistant_name", &form.assistant_name, MAX_NAME_CHARS);
    let centre_name = c.required_text("centre_name", &form.centre_name, MAX_NAME_CHARS);
    if let Err(e) = validate_passphrase("passphrase", &form.passphrase) {
        c.push(e);
    } else if form.passphrase != form.passphrase_repeat {
        c.push(FieldError::new("passphrase_repeat", FieldErrorCode::PassphraseMismatch));
    }
    c.finish(WorkspaceInfo { assistant_name, centre_name, role: form.role })
}

/// Checks one passphrase against the minimum length.
pub fn validate_passphrase(field: &str, passphrase: &str) -> Result<(), FieldError> {
    if passphrase::strength(passphrase) == passphrase::Strength::TooShort {
        Err(FieldError::with_limit(field, FieldErrorCode::PassphraseTooShort, MIN_PASSPHRASE_CHARS))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(a: &str, c: &str, p: &str, r: &str) -> NewWorkspaceForm {
        NewWorkspaceForm {
            assistant_name: a.into(),
            centre_name: c.into(),
            passphrase: p.into(),
            passphrase_repeat: r.into(),
            role: Role::Assistant,
        }
    }

    #[test]
    fn a_complete_form_is_accepted_with_trimmed_names() {
        let info =
            validate_new_workspace(&form(" Anna  Nowak ", "GOPS Żórawina", "długie hasło 123", "długie hasło 123"))
                .unwrap();
        assert_eq!(info.assistant_name, "Anna Nowak");
        assert_eq!(info.centre_name, "GOPS Żórawina");
    }

    #[test]
    fn every_bad_field_is_reported() {
        let errors = validate_new_workspace(&form("", " ", "krótkie", "krótkie")).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            fields,
            [
                ("assistant_name", FieldErrorCode::Required),
                ("centre_name", FieldErrorCode::Required),
                ("passphrase", FieldErrorCode::PassphraseTooShort),
            ]
        );
    }

    #[test]
    fn a_mismatched_repeat_is_refused() {
        let errors = validate_new_workspace(&form("A", "B", "długie hasło 123", "długie hasło 124")).unwrap_err();
        assert_eq!(errors, vec![FieldError::new("passphrase_repeat", FieldErrorCode::PassphraseMismatch)]);
    }
}
