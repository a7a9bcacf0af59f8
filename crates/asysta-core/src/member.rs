//! The people of a family: their details, the form that adds or edits one,
//! and the search for the same person recorded twice.

use crate::collation::fold;
use crate::ids::EntityId;
use crate::validation::{normalize_whitespace, Checker, FieldError, FieldErrorCode};
use crate::workspace::MAX_NAME_CHARS;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::pesel::{Pesel, PeselError, Sex};

/// Who a person is in the family.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// A parent or another adult who brings up the children.
    Parent,
    Child,
    Grandparent,
    /// A parent's partner (spouse or not).
    Partner,
    /// Anyone else who lives with or matters to the family.
    #[default]
    Other,
}

/// A checked, normalized person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberDetails {
    pub first_name: String,
    pub last_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// Absent on the wire means `other`.
    #[serde(default, skip_serializing_if = "Relation::is_other")]
    pub relation: Relation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pesel: Option<Pesel>,
}

impl MemberDetails {
    /// A person known only by name.
    pub fn named(first_name: &str, last_name: &str) -> MemberDetails {
        MemberDetails {
            first_name: first_name.to_owned(),
            last_name: last_name.to_owned(),
            birth_date: None,
            sex: None,
            relation: Relation::Other,
            pesel: None,
        }
    }
}

/// The member form as typed. Every optional field may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberForm {
    pub first_name: String,
    pub last_name: String,
    /// `YYYY-MM-DD`, or empty when unknown.
    pub birth_date: String,
    /// `female`, `male`, or empty when not given.
    pub sex: String,
    /// A [`Relation`] in snake_case; empty means `other`.
    pub relation: String,
    pub pesel: String,
}

/// A person already recorded, as duplicate detection sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRef {
    pub member_id: EntityId,
    pub family_id: EntityId,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: Option<NaiveDate>,
    pub pesel: Option<Pesel>,
}

/// Why a recorded person may be the one being added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateReason {
    /// The same PESEL.
    SamePesel,
    /// The same first name, surname and date of birth (ignoring case,
    /// diacritics and spacing).
    SameNameAndBirthDate,
}

/// A recorded person who may be the one being added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateMatch {
    pub member_id: EntityId,
    pub family_id: EntityId,
    pub reason: DuplicateReason,
}

/// The form's field names, as [`FieldError::field`] reports them.
const FIRST_NAME: &str = "first_name";
const LAST_NAME: &str = "last_name";
const BIRTH_DATE: &str = "birth_date";
const SEX: &str = "sex";
const RELATION: &str = "relation";
const PESEL: &str = "pesel";

/// Checks the member form. `today` is the caller's date: a birth date after
/// it is refused. A PESEL must agree with the birth date and sex when they
/// are given, and fills them in when they are not.
pub fn validate_member(form: &MemberForm, today: NaiveDate) -> Result<MemberDetails, Vec<FieldError>> {
    let mut c = Checker::default();
    let first_name = c.required_text(FIRST_NAME, &form.first_name, MAX_NAME_CHARS);
    let last_name = c.required_text(LAST_NAME, &form.last_name, MAX_NAME_CHARS);
    let birth_date = c.date(BIRTH_DATE, &form.birth_date, today, false);
    let sex = c.choice(SEX, &form.sex, Sex::parse);
    let relation = c.choice(RELATION, &form.relation, Relation::parse).unwrap_or_default();
    let pesel = parse_pesel(&mut c, &form.pesel, birth_date, sex, today);
    let birth_date = birth_date.or_else(|| pesel.as_ref().map(Pesel::birth_date));
    let sex = sex.or_else(|| pesel.as_ref().map(Pesel::sex));
    c.finish(MemberDetails { first_name, last_name, birth_date, sex, relation, pesel })
}

/// The recorded people who may be `candidate`: the same PESEL, or the same
/// name and date of birth. Names alone never match (there are many Jan
/// Kowalskis). Each person appears once, with the stronger reason; the order
/// is that of `existing`. When a member is edited, leave them out of
/// `existing`.
pub fn find_duplicates(candidate: &MemberDetails, existing: &[PersonRef]) -> Vec<DuplicateMatch> {
    let name = name_key(&candidate.first_name, &candidate.last_name);
    existing
        .iter()
        .filter_map(|person| {
            let reason = if candidate.pesel.is_some() && person.pesel == candidate.pesel {
                DuplicateReason::SamePesel
            } else if candidate.birth_date.is_some()
                && person.birth_date == candidate.birth_date
                && name_key(&person.first_name, &person.last_name) == name
            {
                DuplicateReason::SameNameAndBirthDate
            } else {
                return None;
            };
            Some(DuplicateMatch { member_id: person.member_id, family_id: person.family_id, reason })
        })
        .collect()
}

impl Relation {
    /// Whether this is the default, `other`.
    pub fn is_other(&self) -> bool {
        *self == Relation::Other
    }

    /// Every relation, in the order a form lists them.
    pub const ALL: [Relation; 5] =
        [Relation::Parent, Relation::Child, Relation::Grandparent, Relation::Partner, Relation::Other];

    /// The wire name, as forms send it.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Parent => "parent",
            Relation::Child => "child",
            Relation::Grandparent => "grandparent",
            Relation::Partner => "partner",
            Relation::Other => "other",
        }
    }

    /// The relation named by [`Relation::as_str`].
    pub fn parse(s: &str) -> Option<Relation> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The Fluent message id of its name.
    pub fn message_id(self) -> &'static str {
        match self {
            Relation::Parent => "relation-parent",
            Relation::Child => "relation-child",
            Relation::Grandparent => "relation-grandparent",
            Relation::Partner => "relation-partner",
            Relation::Other => "relation-other",
        }
    }
}

impl DuplicateReason {
    /// Every reason, strongest first.
    pub const ALL: [DuplicateReason; 2] = [DuplicateReason::SamePesel, DuplicateReason::SameNameAndBirthDate];

    /// The Fluent message id that explains the match.
    pub fn message_id(self) -> &'static str {
        match self {
            DuplicateReason::SamePesel => "duplicate-same-pesel",
            DuplicateReason::SameNameAndBirthDate => "duplicate-same-name-and-birth-date",
        }
    }
}

/// Parses an optional PESEL and checks it against what else the form says.
/// A PESEL can stand in for the birth date, so its date must not be after
/// `today` either.
fn parse_pesel(
    c: &mut Checker,
    value: &str,
    birth_date: Option<NaiveDate>,
    sex: Option<Sex>,
    today: NaiveDate,
) -> Option<Pesel> {
    if value.trim().is_empty() {
        return None;
    }
    let checked = Pesel::parse(value).and_then(|pesel| pesel.check_agrees(birth_date, sex).map(|()| pesel));
    match checked {
        Ok(pesel) if pesel.birth_date() > today => {
            c.push(FieldError::new(PESEL, FieldErrorCode::DateInFuture));
            None
        }
        Ok(pesel) => Some(pesel),
        Err(e) => {
            c.push(FieldError::with_detail(PESEL, FieldErrorCode::Pesel, e.message_id()));
            None
        }
    }
}

/// A person's name folded for comparison: "ŁUKASZ  Żak" and "Lukasz zak"
/// give the same key.
pub fn name_key(first_name: &str, last_name: &str) -> (String, String) {
    (fold(&normalize_whitespace(first_name)), fold(&normalize_whitespace(last_name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: &str = "2026-03-15";

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn today() -> NaiveDate {
        date(TODAY)
    }

    /// A form from `field=value` pairs; the names default to Anna Nowak.
    fn form(fields: &[(&str, &str)]) -> MemberForm {
        let mut form = MemberForm { first_name: "Anna".into(), last_name: "Nowak".into(), ..MemberForm::default() };
        for &(field, value) in fields {
            let slot = match field {
                FIRST_NAME => &mut form.first_name,
                LAST_NAME => &mut form.last_name,
                BIRTH_DATE => &mut form.birth_date,
                SEX => &mut form.sex,
                RELATION => &mut form.relation,
                PESEL => &mut form.pesel,
                other => panic!("no field {other}"),
            };
            *slot = value.to_owned();
        }
        form
    }

    /// Checks that the form is accepted and its details print as `expected`.
    #[track_caller]
    fn check_ok(fields: &[(&str, &str)], expected: &str) {
        let details = validate_member(&form(fields), today()).unwrap_or_else(|e| panic!("refused: {e:?}"));
        let actual = format!(
            "{} {} | {} | {} | {} | {}",
            details.first_name,
            details.last_name,
            details.birth_date.map_or("-".to_owned(), |d| d.to_string()),
            details.sex.map_or("-", Sex::as_str),
            details.relation.as_str(),
            details.pesel.as_ref().map_or("-", Pesel::as_str),
        );
        assert_eq!(actual, expected);
    }

    /// Checks that the form is refused with exactly these
    /// `(field, message id)` pairs.
    #[track_caller]
    fn check_err(fields: &[(&str, &str)], expected: &[(&str, &str)]) {
        let errors = validate_member(&form(fields), today()).expect_err("accepted");
        let actual: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.message_id())).collect();
        assert_eq!(actual, expected);
    }

    #[test]
    fn names_alone_are_enough() {
        check_ok(&[("first_name", "  Anna   Maria "), ("last_name", "Nowak")], "Anna Maria Nowak | - | - | other | -");
    }

    #[test]
    fn every_field_is_kept() {
        check_ok(
            &[("birth_date", "2015-06-01"), ("sex", "female"), ("relation", "child"), ("pesel", "")],
            "Anna Nowak | 2015-06-01 | female | child | -",
        );
        check_ok(
            &[("birth_date", "1944-05-14"), ("sex", "male"), ("relation", "grandparent"), ("pesel", " 44051401359 ")],
            "Anna Nowak | 1944-05-14 | male | grandparent | 44051401359",
        );
    }

    #[test]
    fn a_pesel_fills_in_birth_date_and_sex() {
        check_ok(&[("pesel", "44051401359")], "Anna Nowak | 1944-05-14 | male | other | 44051401359");
        check_ok(&[("pesel", "44051401359"), ("sex", "male")], "Anna Nowak | 1944-05-14 | male | other | 44051401359");
    }

    #[test]
    fn required_names_and_their_limit() {
        let long = "ż".repeat(MAX_NAME_CHARS as usize + 1);
        check_err(
            &[("first_name", " "), ("last_name", &long)],
            &[("first_name", "field-error-required"), ("last_name", "field-error-too-long")],
        );
    }

    #[test]
    fn birth_dates_must_exist_and_not_be_in_the_future() {
        check_err(&[("birth_date", "2023-02-29")], &[("birth_date", "field-error-invalid-date")]);
        check_err(&[("birth_date", "31.04.2015")], &[("birth_date", "field-error-invalid-date")]);
        check_err(&[("birth_date", "06/15/2015")], &[("birth_date", "field-error-invalid-date")]);
        check_err(&[("birth_date", "2026-03-16")], &[("birth_date", "field-error-date-in-future")]);
        check_ok(&[("birth_date", TODAY)], "Anna Nowak | 2026-03-15 | - | other | -");
    }

    #[test]
    fn unknown_choices_are_refused() {
        check_err(
            &[("sex", "kobieta"), ("relation", "uncle")],
            &[("sex", "field-error-not-in-list"), ("relation", "field-error-not-in-list")],
        );
    }

    #[test]
    fn a_bad_pesel_says_why() {
        check_err(&[("pesel", "44051401358")], &[("pesel", "pesel-error-bad-checksum")]);
        check_err(&[("pesel", "4405140135")], &[("pesel", "pesel-error-wrong-length")]);
        check_err(&[("pesel", "4405140135x")], &[("pesel", "pesel-error-not-digits")]);
        check_err(&[("pesel", "00130100126")], &[("pesel", "pesel-error-bad-date")]);
    }

    #[test]
    fn a_pesel_must_agree_with_birth_date_and_sex() {
        check_err(
            &[("pesel", "44051401359"), ("birth_date", "1944-05-15")],
            &[("pesel", "pesel-error-birth-date-mismatch")],
        );
        check_err(&[("pesel", "44051401359"), ("sex", "female")], &[("pesel", "pesel-error-sex-mismatch")]);
    }

    #[test]
    fn a_pesel_from_the_future_is_refused() {
        let pesel = Pesel::generate(date("2026-03-16"), Sex::Female, 1).unwrap();
        check_err(&[("pesel", pesel.as_str())], &[("pesel", "field-error-date-in-future")]);
        let pesel = Pesel::generate(today(), Sex::Female, 1).unwrap();
        check_ok(&[("pesel", pesel.as_str())], &format!("Anna Nowak | {TODAY} | female | other | {pesel}"));
    }

    #[test]
    fn the_field_error_carries_the_pesel_reason() {
        let errors = validate_member(&form(&[("pesel", "44051401358")]), today()).unwrap_err();
        assert_eq!(errors, [FieldError::with_detail("pesel", FieldErrorCode::Pesel, "pesel-error-bad-checksum")]);
    }

    #[test]
    fn relation_names_match_the_wire_names() {
        for relation in Relation::ALL {
            assert_eq!(serde_json::to_string(&relation).unwrap(), format!("\"{}\"", relation.as_str()));
            assert_eq!(Relation::parse(relation.as_str()), Some(relation));
        }
    }

    #[test]
    fn member_details_on_the_wire() {
        let details = validate_member(&form(&[("pesel", "44051401359"), ("relation", "parent")]), today()).unwrap();
        let json = serde_json::to_value(&details).unwrap();
        let expected = serde_json::json!({
            "first_name": "Anna",
            "last_name": "Nowak",
            "birth_date": "1944-05-14",
            "sex": "male",
            "relation": "parent",
            "pesel": "44051401359",
        });
        assert_eq!(json, expected);
        assert_eq!(serde_json::from_value::<MemberDetails>(json).unwrap(), details);
    }

    fn id(n: u128) -> EntityId {
        EntityId(uuid::Uuid::from_u128(n))
    }

    fn person(n: u128, first_name: &str, last_name: &str, birth_date: Option<&str>, pesel: Option<&str>) -> PersonRef {
        PersonRef {
            member_id: id(n),
            family_id: id(100 + n),
            first_name: first_name.into(),
            last_name: last_name.into(),
            birth_date: birth_date.map(date),
            pesel: pesel.map(|p| Pesel::parse(p).unwrap()),
        }
    }

    fn candidate(first_name: &str, last_name: &str, birth_date: Option<&str>, pesel: Option<&str>) -> MemberDetails {
        MemberDetails {
            first_name: first_name.into(),
            last_name: last_name.into(),
            birth_date: birth_date.map(date),
            sex: None,
            relation: Relation::Other,
            pesel: pesel.map(|p| Pesel::parse(p).unwrap()),
        }
    }

    /// Checks which of `existing` match `candidate`, as `(member number, reason)`.
    #[track_caller]
    fn check_duplicates(candidate: &MemberDetails, existing: &[PersonRef], expected: &[(u128, DuplicateReason)]) {
        let found: Vec<_> = find_duplicates(candidate, existing)
            .into_iter()
            .inspect(|m| assert_eq!(m.family_id, id(m.member_id.0.as_u128() + 100)))
            .map(|m| (m.member_id.0.as_u128(), m.reason))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn duplicates_by_pesel_or_by_name_and_birth_date() {
        let existing = [
            person(1, "Łukasz", "Żak", Some("1944-05-14"), Some("44051401359")),
            person(2, "Lukasz", "Zak", Some("1944-05-14"), None),
            person(3, "Łukasz", "Żak", Some("1944-05-15"), None),
            person(4, "Łukasz", "Żak", None, None),
            person(5, "Marek", "Żak", Some("1944-05-14"), None),
            person(6, "Jan", "Nowak", Some("1990-01-01"), Some("44051401359")),
        ];
        use DuplicateReason::*;
        check_duplicates(
            &candidate("ŁUKASZ  ", " żak", Some("1944-05-14"), Some("44051401359")),
            &existing,
            &[(1, SamePesel), (2, SameNameAndBirthDate), (6, SamePesel)],
        );
        check_duplicates(
            &candidate("lukasz", "ZAK", Some("1944-05-14"), None),
            &existing,
            &[(1, SameNameAndBirthDate), (2, SameNameAndBirthDate)],
        );
        check_duplicates(&candidate("Łukasz", "Żak", None, None), &existing, &[]);
        check_duplicates(
            &candidate("Anna", "Nowak", None, Some("44051401359")),
            &existing,
            &[(1, SamePesel), (6, SamePesel)],
        );
    }

    #[test]
    fn inner_spacing_of_names_does_not_matter() {
        let existing = [person(1, "Anna Maria", "Nowak-Kowalska", Some("1980-01-01"), None)];
        check_duplicates(
            &candidate(" anna   MARIA", "nowak-kowalska ", Some("1980-01-01"), None),
            &existing,
            &[(1, DuplicateReason::SameNameAndBirthDate)],
        );
        check_duplicates(&candidate("Anna", "Maria Nowak-Kowalska", Some("1980-01-01"), None), &existing, &[]);
    }

    /// Every message id this domain uses, in both locales' people.ftl.
    #[test]
    fn every_message_id_is_translated() {
        let ids = Sex::ALL
            .map(Sex::message_id)
            .into_iter()
            .chain(Relation::ALL.map(Relation::message_id))
            .chain(DuplicateReason::ALL.map(DuplicateReason::message_id))
            .chain(PeselError::ALL.map(PeselError::message_id));
        let files = [
            include_str!("../../../assets/locales/pl/people.ftl"),
            include_str!("../../../assets/locales/en/people.ftl"),
        ];
        for id in ids {
            for file in files {
                assert!(file.lines().any(|line| line.starts_with(&format!("{id} ="))), "{id} is not translated");
            }
        }
    }
}
