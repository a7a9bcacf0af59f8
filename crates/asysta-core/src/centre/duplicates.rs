//! Families entered twice by different assistants: the same PESEL of a
//! member, or a member with the same first name, surname and date of
//! birth. Found at the centre (which alone sees every assistant's
//! families) and flagged for the supervisor, who merges the two or keeps
//! them apart.

use crate::event::DuplicateDecision;
use crate::ids::EntityId;
use crate::member::{name_key, DuplicateReason, PersonRef};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A family as the duplicates list names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyRef {
    pub id: EntityId,
    pub name: String,
    /// Whose caseload it is in.
    pub assistant_name: String,
}

/// Two families of different assistants that may be one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicatePair {
    pub first: FamilyRef,
    pub second: FamilyRef,
    /// The strongest reason found between their members.
    pub reason: DuplicateReason,
    /// The matching people's names, as "first last".
    pub people: Vec<String>,
    /// The supervisor's decision in force, if any.
    pub decision: Option<DuplicateDecision>,
}

/// The pairs of families (first < second by id) of different assistants
/// that share a person. `assistant_of` gives a family's assistant (its
/// caseload key); families without one are left out.
pub fn family_pairs(
    people: &[PersonRef],
    assistant_of: impl Fn(EntityId) -> Option<String>,
) -> Vec<(EntityId, EntityId, DuplicateReason, Vec<String>)> {
    let mut by_key: BTreeMap<(u8, String), Vec<&PersonRef>> = BTreeMap::new();
    for person in people {
        if let Some(pesel) = &person.pesel {
            by_key.entry((0, pesel.as_str().to_owned())).or_default().push(person);
        }
        if let Some(born) = person.birth_date {
            let (first, last) = name_key(&person.first_name, &person.last_name);
            by_key.entry((1, format!("{first}\u{1f}{last}\u{1f}{born}"))).or_default().push(person);
        }
    }
    let mut pairs: BTreeMap<(EntityId, EntityId), (DuplicateReason, Vec<String>)> = BTreeMap::new();
    for ((kind, _), group) in by_key {
        let reason = if kind == 0 { DuplicateReason::SamePesel } else { DuplicateReason::SameNameAndBirthDate };
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                if a.family_id == b.family_id {
                    continue;
                }
                let (Some(x), Some(y)) = (assistant_of(a.family_id), assistant_of(b.family_id)) else { continue };
                if x == y {
                    continue;
                }
                let key =
                    if a.family_id < b.family_id { (a.family_id, b.family_id) } else { (b.family_id, a.family_id) };
                let entry = pairs.entry(key).or_insert((reason, Vec::new()));
                if reason == DuplicateReason::SamePesel {
                    entry.0 = reason;
                }
                let name = format!("{} {}", a.first_name, a.last_name);
                if !entry.1.contains(&name) {
                    entry.1.push(name);
                }
            }
        }
    }
    pairs.into_iter().map(|((a, b), (reason, people))| (a, b, reason, people)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn person(n: u128, family: u128, first: &str, last: &str, born: Option<&str>, pesel: Option<&str>) -> PersonRef {
        PersonRef {
            member_id: EntityId(Uuid::from_u128(n)),
            family_id: EntityId(Uuid::from_u128(family)),
            first_name: first.into(),
            last_name: last.into(),
            birth_date: born.map(|b| b.parse().unwrap()),
            pesel: pesel.map(|p| crate::Pesel::parse(p).unwrap()),
        }
    }

    #[test]
    fn a_person_in_two_assistants_families_pairs_them_once() {
        let people = [
            person(1, 10, "Łucja", "Żółć", Some("2015-03-01"), None),
            person(2, 20, "łucja", "ZOLC", Some("2015-03-01"), None),
            person(3, 10, "Jan", "Kos", None, Some("44051401359")),
            person(4, 20, "Jan", "Kos", None, Some("44051401359")),
            // Same assistant: not flagged.
            person(5, 30, "Łucja", "Żółć", Some("2015-03-01"), None),
        ];
        let assistant = |f: EntityId| Some(if f.0.as_u128() == 20 { "b".to_owned() } else { "a".to_owned() });
        let pairs = family_pairs(&people, assistant);
        let ids: Vec<(u128, u128)> = pairs.iter().map(|p| (p.0 .0.as_u128(), p.1 .0.as_u128())).collect();
        assert_eq!(ids, [(10, 20), (20, 30)]);
        assert_eq!(pairs[0].2, DuplicateReason::SamePesel, "the stronger reason");
        assert_eq!(pairs[1].2, DuplicateReason::SameNameAndBirthDate);
    }
}
