//! Families and their members.

use crate::ids::EntityId;
use crate::record::FamilyStatus;
use crate::validation::{Checker, FieldError};
use crate::workspace::MAX_NAME_CHARS;
use serde::{Deserialize, Serialize};

/// The longest address accepted, in characters.
pub const MAX_ADDRESS_CHARS: u32 = 300;

/// The add-family form as typed: the family and its first member.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFamilyForm {
    pub name: String,
    pub address: String,
    pub first_member_first_name: String,
    pub first_member_last_name: String,
}

/// A checked, normalized new family.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewFamily {
    pub name: String,
    pub address: String,
    /// The first member, when a name was given.
    pub first_member: Option<NewMember>,
}

/// A checked, normalized new member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMember {
    pub first_name: String,
    pub last_name: String,
}

/// Checks the add-family form. The first member is optional; when only a
/// first name is given, the surname defaults to the family's name, as is
/// usual for a family record. A surname without a first name is refused.
pub fn validate_new_family(form: &NewFamilyForm) -> Result<NewFamily, Vec<FieldError>> {
    let mut c = Checker::default();
    let name = c.required_text("name", &form.name, MAX_NAME_CHARS);
    let address = c.required_text("address", &form.address, MAX_ADDRESS_CHARS);
    let has_first = !form.first_member_first_name.trim().is_empty();
    let has_last = !form.first_member_last_name.trim().is_empty();
    let first_member = if has_first || has_last {
        let first_name = c.required_text("first_member_first_name", &form.first_member_first_name, MAX_NAME_CHARS);
        let last_name = if has_last {
            c.required_text("first_member_last_name", &form.first_member_last_name, MAX_NAME_CHARS)
        } else {
            name.clone()
        };
        Some(NewMember { first_name, last_name })
    } else {
        None
    };
    c.finish(NewFamily { name, address, first_member })
}

/// One line of the family list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilySummary {
    pub id: EntityId,
    pub name: String,
    pub address: String,
    pub member_count: u32,
    /// The number of events applied to the family record.
    pub rev: u64,
    /// When the family was taken on (HLC wall time, Unix ms).
    pub created_at_ms: u64,
    pub status: FamilyStatus,
    /// The date of the last visit or contact in the diary, if any.
    #[serde(default)]
    pub last_visit: Option<chrono::NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::FieldErrorCode;

    fn form(name: &str, address: &str, first: &str, last: &str) -> NewFamilyForm {
        NewFamilyForm {
            name: name.into(),
            address: address.into(),
            first_member_first_name: first.into(),
            first_member_last_name: last.into(),
        }
    }

    #[test]
    fn the_first_member_takes_the_family_name_when_none_is_given() {
        let family = validate_new_family(&form("Wiśniewscy", "ul. Polna 3, Łódź", "Jan", "")).unwrap();
        assert_eq!(family.first_member, Some(NewMember { first_name: "Jan".into(), last_name: "Wiśniewscy".into() }));
    }

    #[test]
    fn the_first_member_is_optional() {
        let family = validate_new_family(&form("Wiśniewscy", "ul. Polna 3, Łódź", " ", "")).unwrap();
        assert_eq!(family.first_member, None);
    }

    #[test]
    fn missing_fields_are_reported_by_name() {
        let errors = validate_new_family(&form("", "", "", "Nowak")).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "address", "first_member_first_name"]);
        assert!(errors.iter().all(|e| e.code == FieldErrorCode::Required));
    }
}
