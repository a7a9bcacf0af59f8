//! Polish collation and diacritic folding.
//!
//! Sorting follows the Polish alphabet: a ą b c ć d e ę f g h i j k l ł m n
//! ń o ó p q r s ś t u v w x y z ź ż. Case and foreign accents only break
//! ties. The store registers [`compare`] as the SQLite collation `pl`.

use std::cmp::Ordering;

const POLISH_ALPHABET: &str = "aąbcćdeęfghijklłmnńoóprsśtuvwxyzźż";
const POLISH_ALPHABET_WITH_Q: [char; 35] = [
    'a', 'ą', 'b', 'c', 'ć', 'd', 'e', 'ę', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'ł', 'm', 'n', 'ń', 'o', 'ó', 'p', 'q',
    'r', 's', 'ś', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ź', 'ż',
];

/// Weight classes: separators sort first, then digits, then letters, then
/// everything else by code point.
const SEPARATOR_BASE: u32 = 0;
const DIGIT_BASE: u32 = 100;
const LETTER_BASE: u32 = 200;
const OTHER_BASE: u32 = 1000;

/// A foreign accented letter folded to the Polish letter it sorts with.
fn fold_foreign(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' => 'c',
        'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ě' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ň' => 'n',
        'ò' | 'ô' | 'õ' | 'ö' | 'ő' | 'ø' => 'o',
        'ř' => 'r',
        'š' | 'ß' => 's',
        'ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ž' => 'z',
        _ => return None,
    })
}

/// (primary, secondary, tertiary) weights of one character.
fn weights(c: char) -> (u32, u32, u32) {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let tertiary = u32::from(lower != c);
    if c.is_whitespace() || matches!(c, '-' | '\'' | '.' | ',' | '/') {
        return (SEPARATOR_BASE + u32::from(!c.is_whitespace()), 0, 0);
    }
    if let Some(d) = c.to_digit(10) {
        return (DIGIT_BASE + d, 0, 0);
    }
    if let Some(i) = POLISH_ALPHABET_WITH_Q.iter().position(|&p| p == lower) {
        return (LETTER_BASE + i as u32, 0, tertiary);
    }
    if let Some(base) = fold_foreign(lower) {
        let i = POLISH_ALPHABET_WITH_Q.iter().position(|&p| p == base).unwrap_or(0);
        return (LETTER_BASE + i as u32, lower as u32, tertiary);
    }
    (OTHER_BASE + lower as u32, 0, tertiary)
}

/// Compares two strings in Polish alphabetical order. A total order: strings
/// that collate the same are ordered by their bytes.
pub fn compare(a: &str, b: &str) -> Ordering {
    let wa: Vec<_> = a.chars().map(weights).collect();
    let wb: Vec<_> = b.chars().map(weights).collect();
    let level = |f: fn(&(u32, u32, u32)) -> u32| wa.iter().map(f).cmp(wb.iter().map(f));
    level(|w| w.0).then_with(|| level(|w| w.1)).then_with(|| level(|w| w.2)).then_with(|| a.cmp(b))
}

/// Folds a string for diacritic- and case-insensitive matching:
/// "Żółć" and "ZOLC" both become "zolc".
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            other => fold_foreign(other).unwrap_or(other),
        })
        .collect()
}

/// The Polish alphabet in collation order (without q, v, x).
pub fn polish_alphabet() -> &'static str {
    POLISH_ALPHABET
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(words: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| compare(a, b));
        v
    }

    #[test]
    fn polish_letters_sort_after_their_base_letters() {
        assert_eq!(
            sorted(&["Żak", "Zając", "Łukasz", "Lis", "Mazur", "Śliwa", "Sowa", "Tomczak", "Źrebiec", "Ćwik", "Cichy"]),
            ["Cichy", "Ćwik", "Lis", "Łukasz", "Mazur", "Sowa", "Śliwa", "Tomczak", "Zając", "Źrebiec", "Żak"]
        );
    }

    #[test]
    fn case_only_breaks_ties() {
        assert_eq!(sorted(&["łąka", "Łąka", "Lampa"]), ["Lampa", "łąka", "Łąka"]);
        assert_eq!(compare("nowak", "Nowak"), Ordering::Less);
        assert_eq!(compare("Nowak", "Nowak"), Ordering::Equal);
    }

    #[test]
    fn the_alphabet_is_in_order() {
        let letters: Vec<String> = polish_alphabet().chars().map(String::from).collect();
        let mut shuffled = letters.clone();
        shuffled.reverse();
        shuffled.sort_by(|a, b| compare(a, b));
        assert_eq!(shuffled, letters);
    }

    #[test]
    fn shorter_prefix_sorts_first_and_separators_before_letters() {
        assert_eq!(sorted(&["Nowakowska", "Nowak-Kowalska", "Nowak"]), ["Nowak", "Nowak-Kowalska", "Nowakowska"]);
    }

    #[test]
    fn foreign_accents_sort_with_their_base_letter() {
        assert_eq!(sorted(&["Müller", "Mazur", "Nowak"]), ["Mazur", "Müller", "Nowak"]);
    }

    #[test]
    fn fold_removes_case_and_diacritics() {
        assert_eq!(fold("Żółć"), "zolc");
        assert_eq!(fold("ŁĘCKA-Ąńś"), "lecka-ans");
    }
}
