//! Passphrase rules and the strength hint shown while one is typed.

use serde::{Deserialize, Serialize};

/// The shortest passphrase a workspace accepts, in characters.
pub const MIN_PASSPHRASE_CHARS: u32 = 10;

/// A rough strength estimate; it guides, it does not guarantee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    TooShort,
    Weak,
    Fair,
    Strong,
}

impl Strength {
    pub fn message_id(self) -> &'static str {
        match self {
            Strength::TooShort => "passphrase-strength-too-short",
            Strength::Weak => "passphrase-strength-weak",
            Strength::Fair => "passphrase-strength-fair",
            Strength::Strong => "passphrase-strength-strong",
        }
    }
}

/// Estimates strength from length, the kinds of characters used, and
/// repetition. Long passphrases of several words score best.
pub fn strength(passphrase: &str) -> Strength {
    let chars: Vec<char> = passphrase.chars().collect();
    if chars.len() < MIN_PASSPHRASE_CHARS as usize {
        return Strength::TooShort;
    }
    let classes = [
        chars.iter().any(|c| c.is_lowercase()),
        chars.iter().any(|c| c.is_uppercase()),
        chars.iter().any(|c| c.is_numeric()),
        chars.iter().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|present| **present)
    .count();
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() * 3 < chars.len() {
        return Strength::Weak;
    }
    let mut score = 0;
    if chars.len() >= 14 {
        score += 1;
    }
    if chars.len() >= 20 {
        score += 1;
    }
    if classes >= 3 {
        score += 1;
    }
    match score {
        0 => Strength::Weak,
        1 => Strength::Fair,
        _ => Strength::Strong,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strength_grows_with_length_and_variety() {
        assert_eq!(strength("krótkie"), Strength::TooShort);
        assert_eq!(strength("aaaaaaaaaaaa"), Strength::Weak);
        assert_eq!(strength("kotmaalę12"), Strength::Weak);
        assert_eq!(strength("Kot ma Alę 12"), Strength::Fair);
        assert_eq!(strength("zielony rower nad Wisłą 7"), Strength::Strong);
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(strength("ąęółżźćńśą"), Strength::Weak);
        assert_eq!(strength("ąęółżźćńś"), Strength::TooShort);
    }
}
