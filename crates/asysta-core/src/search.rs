//! Finding families by what an assistant remembers of them: a surname, a
//! first name, part of a PESEL or of the address.
//!
//! A query is split on whitespace into tokens; a family matches when every
//! token is a substring of one of its searchable fields, ignoring case and
//! diacritics ("zolc" finds "Żółć"). The empty query matches every family.

use crate::collation::{compare, fold};
use crate::ids::EntityId;
use crate::pesel::Pesel;
use serde::{Deserialize, Serialize};

/// What search looks at in one family.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchIndexEntry {
    pub family_id: EntityId,
    pub family_name: String,
    pub address: String,
    pub members: Vec<SearchMember>,
}

/// What search looks at in one member of a family.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchMember {
    pub first_name: String,
    pub last_name: String,
    pub pesel: Option<Pesel>,
}

/// Separates the fields in a [`search_key`]. Tokens never contain
/// whitespace, so no token can match across two fields.
const KEY_SEPARATOR: &str = "\n";

/// The folded tokens of a query, each of which a family must contain. A
/// store filtering on [`search_key`] keeps the rows whose key contains every
/// token (with SQL `LIKE`, escape `%`, `_` and the escape character).
pub fn query_tokens(query: &str) -> Vec<String> {
    query.split_whitespace().map(fold).collect()
}

/// Whether the family matches `query`: every token is found in its name,
/// its address, or a member's first name, surname or PESEL.
pub fn matches(entry: &SearchIndexEntry, query: &str) -> bool {
    let tokens = query_tokens(query);
    if tokens.is_empty() {
        return true;
    }
    let fields: Vec<String> = fields(entry).map(fold).collect();
    tokens.iter().all(|token| fields.iter().any(|field| field.contains(token.as_str())))
}

/// The families that match `query`, in Polish alphabetical order of their
/// names (then addresses, then ids, so the order never depends on input).
pub fn search<'a>(entries: &'a [SearchIndexEntry], query: &str) -> Vec<&'a SearchIndexEntry> {
    let mut found: Vec<_> = entries.iter().filter(|entry| matches(entry, query)).collect();
    found.sort_by(|a, b| {
        compare(&a.family_name, &b.family_name)
            .then_with(|| compare(&a.address, &b.address))
            .then_with(|| a.family_id.cmp(&b.family_id))
    });
    found
}

/// One folded string with everything [`matches()`] looks at, for a store to
/// keep in a column and filter with `LIKE`.
///
/// Format: the family name, the address, then for each member their first
/// name, surname and PESEL (when known), each folded with
/// [`crate::collation::fold`] and followed by a newline. A family matches a
/// query exactly when the key contains every one of [`query_tokens`]. The
/// format may change between versions: a store should rebuild its keys
/// rather than parse them.
pub fn search_key(entry: &SearchIndexEntry) -> String {
    fields(entry).map(|field| fold(field) + KEY_SEPARATOR).collect()
}

/// The searchable fields of a family, in key order.
fn fields(entry: &SearchIndexEntry) -> impl Iterator<Item = &str> {
    let members = entry.members.iter().flat_map(|m| {
        [m.first_name.as_str(), m.last_name.as_str()].into_iter().chain(m.pesel.as_ref().map(Pesel::as_str))
    });
    [entry.family_name.as_str(), entry.address.as_str()].into_iter().chain(members)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pesel::Sex;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn id(n: u128) -> EntityId {
        EntityId(uuid::Uuid::from_u128(n))
    }

    fn member(first_name: &str, last_name: &str, pesel: Option<&str>) -> SearchMember {
        SearchMember {
            first_name: first_name.into(),
            last_name: last_name.into(),
            pesel: pesel.map(|p| Pesel::parse(p).unwrap()),
        }
    }

    fn entry(n: u128, family_name: &str, address: &str, members: Vec<SearchMember>) -> SearchIndexEntry {
        SearchIndexEntry { family_id: id(n), family_name: family_name.into(), address: address.into(), members }
    }

    fn families() -> Vec<SearchIndexEntry> {
        vec![
            entry(1, "Żółć", "ul. Długa 12/4, 90-123 Łódź", vec![member("Łucja", "Żółć", Some("44051401359"))]),
            entry(
                2,
                "Nowak",
                "ul. Polna 3, 30-001 Kraków",
                vec![member("Jan", "Nowak", None), member("Anna", "Zając", None)],
            ),
            entry(3, "Zając", "os. Tysiąclecia 7, 15-100 Białystok", vec![]),
            entry(4, "Łukaszewski", "ul. Łąkowa 1, 18-400 Łomża", vec![member("Łukasz", "Łukaszewski", None)]),
            entry(5, "Lis", "ul. Krótka 2, 90-001 Łódź", vec![member("Ewa", "Lis", Some("85051501236"))]),
        ]
    }

    /// Checks that `query` finds exactly the families `expected`, in order.
    #[track_caller]
    fn check(query: &str, expected: &[&str]) {
        let entries = families();
        let found: Vec<_> = search(&entries, query).iter().map(|e| e.family_name.as_str()).collect();
        assert_eq!(found, expected, "query {query:?}");
    }

    #[test]
    fn the_empty_query_finds_everyone_in_polish_order() {
        check("", &["Lis", "Łukaszewski", "Nowak", "Zając", "Żółć"]);
        check(" \t ", &["Lis", "Łukaszewski", "Nowak", "Zając", "Żółć"]);
    }

    #[test]
    fn diacritics_and_case_are_ignored() {
        check("zolc", &["Żółć"]);
        check("ŻÓŁĆ", &["Żółć"]);
        check("lodz", &["Lis", "Żółć"]);
        check("łódź", &["Lis", "Żółć"]);
    }

    #[test]
    fn each_field_is_searched() {
        check("luc", &["Żółć"]);
        check("zajac", &["Nowak", "Zając"]);
        check("Kraków", &["Nowak"]);
        check("90-", &["Lis", "Żółć"]);
        check("tysiąc", &["Zając"]);
    }

    #[test]
    fn a_pesel_is_found_by_any_part() {
        check("44051401359", &["Żółć"]);
        check("4405", &["Żółć"]);
        check("1359", &["Żółć"]);
        check("0515", &["Lis"]);
        check("44051401358", &[]);
    }

    #[test]
    fn every_token_must_match() {
        check("anna nowak", &["Nowak"]);
        check("Anna   Kraków", &["Nowak"]);
        check("łódź lis", &["Lis"]);
        check("łódź nowak", &[]);
    }

    #[test]
    fn tokens_do_not_match_across_fields() {
        // "Jan" and "Nowak" are separate fields; so are the family name and
        // the address.
        check("jannowak", &[]);
        check("zajacos.", &[]);
    }

    #[test]
    fn equal_names_are_ordered_by_address_then_id() {
        let entries = [
            entry(3, "Nowak", "ul. B", vec![]),
            entry(2, "Nowak", "ul. A", vec![]),
            entry(1, "Nowak", "ul. B", vec![]),
        ];
        let ids: Vec<_> = search(&entries, "nowak").iter().map(|e| e.family_id).collect();
        assert_eq!(ids, [id(2), id(1), id(3)]);
    }

    #[test]
    fn the_key_format_is_pinned() {
        assert_eq!(search_key(&families()[0]), "zolc\nul. dluga 12/4, 90-123 lodz\nlucja\nzolc\n44051401359\n");
        assert_eq!(search_key(&families()[2]), "zajac\nos. tysiaclecia 7, 15-100 bialystok\n");
    }

    /// Short strings mixing Polish letters, spaces and punctuation, so that
    /// tokens often match.
    fn text() -> impl Strategy<Value = String> {
        "[aąAĄcćĆeęlłŁnńoóÓsśzźżŻ 0-9.-]{0,12}"
    }

    fn any_entry() -> impl Strategy<Value = SearchIndexEntry> {
        let member = (text(), text(), prop::option::of((0..=99_999u32, any::<bool>(), 0..=999u16)));
        (text(), text(), prop::collection::vec(member, 0..3)).prop_map(|(family_name, address, members)| {
            let members = members
                .into_iter()
                .map(|(first_name, last_name, pesel)| SearchMember {
                    first_name,
                    last_name,
                    pesel: pesel.map(|(day, male, serial)| {
                        let birth_date = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(day.into());
                        let sex = if male { Sex::Male } else { Sex::Female };
                        Pesel::generate(birth_date, sex, serial).unwrap()
                    }),
                })
                .collect();
            SearchIndexEntry { family_id: id(1), family_name, address, members }
        })
    }

    proptest! {
        #[test]
        fn matches_agrees_with_the_search_key(entry in any_entry(), query in text()) {
            let key = search_key(&entry);
            for token in query.split_whitespace() {
                prop_assert_eq!(matches(&entry, token), key.contains(&fold(token)), "token {:?} key {:?}", token, key);
            }
            let by_key = query_tokens(&query).iter().all(|token| key.contains(token.as_str()));
            prop_assert_eq!(matches(&entry, &query), by_key);
        }

        #[test]
        fn every_field_finds_its_family(entry in any_entry()) {
            for field in fields(&entry) {
                prop_assert!(matches(&entry, field), "{:?}", field);
            }
        }
    }
}
