//! PESEL, the Polish national identification number.
//!
//! Eleven digits: `YYMMDD ZZZ P K`. `YYMMDD` is the date of birth, with the
//! century encoded in the month (1800–1899: +80, 1900–1999: +0,
//! 2000–2099: +20, 2100–2199: +40, 2200–2299: +60); `ZZZ` is a serial
//! number; `P` is odd for men and even for women; `K` is a control digit
//! over the first ten digits with weights 1, 3, 7, 9, 1, 3, 7, 9, 1, 3.
//! Because every weight is coprime with 10, changing any one digit always
//! breaks the control digit.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A valid PESEL: eleven ASCII digits with a correct control digit and an
/// existing date of birth. Only [`Pesel::parse`] and [`Pesel::generate`]
/// make one, so holding a `Pesel` proves it is well-formed. On the wire it
/// is a plain string, checked again when read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Pesel(String);

/// A person's sex as a PESEL records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
}

/// Why a PESEL was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum PeselError {
    /// Not exactly eleven digits.
    #[error("a PESEL has 11 digits")]
    WrongLength,
    /// A character other than an ASCII digit.
    #[error("a PESEL contains only digits")]
    NotDigits,
    /// The control digit does not match the other ten.
    #[error("the PESEL control digit is wrong")]
    BadChecksum,
    /// The encoded date of birth does not exist (e.g. month 13 or 30 February).
    #[error("the date of birth encoded in the PESEL does not exist")]
    BadDate,
    /// The PESEL encodes another date of birth than the one given.
    #[error("the PESEL does not agree with the date of birth")]
    BirthDateMismatch,
    /// The PESEL encodes another sex than the one given.
    #[error("the PESEL does not agree with the sex")]
    SexMismatch,
}

/// The number of digits in a PESEL.
pub const PESEL_DIGITS: usize = 11;

/// The centuries a PESEL can encode: the first year of each and the number
/// added to the month.
const CENTURIES: [(i32, u32); 5] = [(1800, 80), (1900, 0), (2000, 20), (2100, 40), (2200, 60)];

/// The weights of the first ten digits in the control sum.
const WEIGHTS: [u32; 10] = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

impl Pesel {
    /// Checks a typed PESEL; whitespace around it is ignored.
    pub fn parse(s: &str) -> Result<Pesel, PeselError> {
        let s = s.trim();
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PeselError::NotDigits);
        }
        if s.len() != PESEL_DIGITS {
            return Err(PeselError::WrongLength);
        }
        let digits = digits(s);
        if control_digit(&digits) != digits[10] {
            return Err(PeselError::BadChecksum);
        }
        decode_date(&digits).ok_or(PeselError::BadDate)?;
        Ok(Pesel(s.to_owned()))
    }

    /// The PESEL of a person born on `birth_date`, with `serial` (0..=999)
    /// as the 7th to 9th digits and the sex digit 0 (women) or 1 (men).
    /// `None` when the year cannot be encoded (outside 1800..=2299) or the
    /// serial has more than three digits.
    pub fn generate(birth_date: NaiveDate, sex: Sex, serial: u16) -> Option<Pesel> {
        if serial > 999 {
            return None;
        }
        let sex_digit = match sex {
            Sex::Female => 0,
            Sex::Male => 1,
        };
        from_parts(birth_date, serial * 10 + sex_digit)
    }

    /// The date of birth it encodes.
    pub fn birth_date(&self) -> NaiveDate {
        decode_date(&digits(&self.0)).expect("a Pesel is only made with an existing date")
    }

    /// The sex it encodes: an odd 10th digit is a man.
    pub fn sex(&self) -> Sex {
        if digits(&self.0)[9] % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// Checks that the PESEL agrees with a date of birth and a sex, each
    /// when known.
    pub fn check_agrees(&self, birth_date: Option<NaiveDate>, sex: Option<Sex>) -> Result<(), PeselError> {
        if birth_date.is_some_and(|d| d != self.birth_date()) {
            return Err(PeselError::BirthDateMismatch);
        }
        if sex.is_some_and(|s| s != self.sex()) {
            return Err(PeselError::SexMismatch);
        }
        Ok(())
    }

    /// The eleven digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Sex {
    /// Both sexes, in the order a form lists them.
    pub const ALL: [Sex; 2] = [Sex::Female, Sex::Male];

    /// The wire name, as forms send it: `female` or `male`.
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
        }
    }

    /// The sex named by [`Sex::as_str`].
    pub fn parse(s: &str) -> Option<Sex> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The Fluent message id of its name.
    pub fn message_id(self) -> &'static str {
        match self {
            Sex::Female => "sex-female",
            Sex::Male => "sex-male",
        }
    }
}

impl PeselError {
    /// Every error, in the order [`Pesel::parse`] and [`Pesel::check_agrees`] check for them.
    pub const ALL: [PeselError; 6] = [
        PeselError::WrongLength,
        PeselError::NotDigits,
        PeselError::BadChecksum,
        PeselError::BadDate,
        PeselError::BirthDateMismatch,
        PeselError::SexMismatch,
    ];

    /// The Fluent message id that explains this error.
    pub fn message_id(self) -> &'static str {
        match self {
            PeselError::WrongLength => "pesel-error-wrong-length",
            PeselError::NotDigits => "pesel-error-not-digits",
            PeselError::BadChecksum => "pesel-error-bad-checksum",
            PeselError::BadDate => "pesel-error-bad-date",
            PeselError::BirthDateMismatch => "pesel-error-birth-date-mismatch",
            PeselError::SexMismatch => "pesel-error-sex-mismatch",
        }
    }
}

impl fmt::Display for Pesel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Pesel {
    type Err = PeselError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Pesel::parse(s)
    }
}

impl TryFrom<String> for Pesel {
    type Error = PeselError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Pesel::parse(&s)
    }
}

impl From<Pesel> for String {
    fn from(pesel: Pesel) -> String {
        pesel.0
    }
}

/// The digit values of a string of ASCII digits.
fn digits(s: &str) -> Vec<u32> {
    s.bytes().map(|b| u32::from(b - b'0')).collect()
}

/// The control digit over the first ten digits.
fn control_digit(digits: &[u32]) -> u32 {
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    (10 - sum % 10) % 10
}

/// The date of birth encoded in the first six digits, if it exists.
fn decode_date(digits: &[u32]) -> Option<NaiveDate> {
    let two = |i: usize| digits[i] * 10 + digits[i + 1];
    let (year, month, day) = (two(0), two(2), two(4));
    let (century, offset) = CENTURIES.into_iter().find(|&(_, offset)| (offset + 1..=offset + 12).contains(&month))?;
    NaiveDate::from_ymd_opt(century + year as i32, month - offset, day)
}

/// The PESEL for `birth_date` whose 7th to 10th digits are `tail` (0..=9999).
fn from_parts(birth_date: NaiveDate, tail: u16) -> Option<Pesel> {
    if tail > 9999 {
        return None;
    }
    let year = birth_date.year();
    let (century, offset) = CENTURIES.into_iter().find(|&(century, _)| (century..century + 100).contains(&year))?;
    let first_ten =
        format!("{:02}{:02}{:02}{:04}", year - century, birth_date.month() + offset, birth_date.day(), tail);
    let control = control_digit(&digits(&first_ten));
    Some(Pesel(format!("{first_ten}{control}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[track_caller]
    fn check_valid(pesel: &str, birth_date: &str, sex: Sex) {
        let parsed = Pesel::parse(pesel).unwrap_or_else(|e| panic!("{pesel} was refused: {e:?}"));
        assert_eq!((parsed.birth_date(), parsed.sex()), (date(birth_date), sex), "{pesel}");
        assert_eq!(parsed.as_str(), pesel.trim());
    }

    #[track_caller]
    fn check_invalid(pesel: &str, error: PeselError) {
        assert_eq!(Pesel::parse(pesel), Err(error), "{pesel}");
    }

    #[test]
    fn known_numbers_are_accepted_in_every_century() {
        check_valid("44051401359", "1944-05-14", Sex::Male);
        check_valid("02821501234", "1802-02-15", Sex::Male);
        check_valid("99923101237", "1899-12-31", Sex::Male);
        check_valid("00010100008", "1900-01-01", Sex::Female);
        check_valid("85051501236", "1985-05-15", Sex::Male);
        check_valid("00410107892", "2100-01-01", Sex::Male);
        check_valid("99723199915", "2299-12-31", Sex::Male);
    }

    #[test]
    fn whitespace_around_is_ignored() {
        check_valid(" 44051401359\t\n", "1944-05-14", Sex::Male);
    }

    #[test]
    fn the_29th_of_february_exists_only_in_leap_years() {
        check_valid("00222904560", "2000-02-29", Sex::Female);
        check_valid("24222900128", "2024-02-29", Sex::Female);
        check_invalid("23222900121", PeselError::BadDate);
        // 1900 and 2100 are divisible by 100 but not by 400: not leap years.
        check_invalid("00022900126", PeselError::BadDate);
        check_invalid("00422900128", PeselError::BadDate);
    }

    #[test]
    fn dates_that_do_not_exist_are_refused() {
        check_invalid("00130100126", PeselError::BadDate); // month 13
        check_invalid("00000100120", PeselError::BadDate); // month 0
        check_invalid("00010000124", PeselError::BadDate); // day 0
        check_invalid("01930100127", PeselError::BadDate); // month 93: beyond 1800s
        check_invalid("00730100124", PeselError::BadDate); // month 73: no century
    }

    #[test]
    fn malformed_numbers_are_refused_with_the_reason() {
        check_invalid("44051401358", PeselError::BadChecksum);
        check_invalid("4405140135", PeselError::WrongLength);
        check_invalid("440514013590", PeselError::WrongLength);
        check_invalid("", PeselError::WrongLength);
        check_invalid("4405140135O", PeselError::NotDigits);
        check_invalid("4405 1401359", PeselError::NotDigits);
        check_invalid("440514-01359", PeselError::NotDigits);
        check_invalid("４４０５１４０１３５９", PeselError::NotDigits);
    }

    #[test]
    fn agreement_with_birth_date_and_sex() {
        let pesel = Pesel::parse("44051401359").unwrap();
        assert_eq!(pesel.check_agrees(None, None), Ok(()));
        assert_eq!(pesel.check_agrees(Some(date("1944-05-14")), Some(Sex::Male)), Ok(()));
        assert_eq!(pesel.check_agrees(Some(date("2044-05-14")), None), Err(PeselError::BirthDateMismatch));
        assert_eq!(pesel.check_agrees(None, Some(Sex::Female)), Err(PeselError::SexMismatch));
    }

    #[test]
    fn generate_pins_the_layout_and_refuses_what_it_cannot_encode() {
        assert_eq!(Pesel::generate(date("1944-05-14"), Sex::Male, 13).unwrap().as_str(), "44051401311");
        assert_eq!(Pesel::generate(date("2000-02-29"), Sex::Female, 45).unwrap().as_str(), "00222904508");
        assert_eq!(Pesel::generate(date("1799-12-31"), Sex::Male, 0), None);
        assert_eq!(Pesel::generate(date("2300-01-01"), Sex::Male, 0), None);
        assert_eq!(Pesel::generate(date("1990-01-01"), Sex::Male, 1000), None);
    }

    #[test]
    fn the_wire_form_is_a_checked_string() {
        let pesel = Pesel::parse("44051401359").unwrap();
        assert_eq!(serde_json::to_string(&pesel).unwrap(), r#""44051401359""#);
        assert_eq!(serde_json::from_str::<Pesel>(r#""44051401359""#).unwrap(), pesel);
        assert!(serde_json::from_str::<Pesel>(r#""44051401358""#).is_err());
        assert_eq!(serde_json::to_string(&Sex::Female).unwrap(), r#""female""#);
        assert_eq!(serde_json::to_string(&PeselError::BirthDateMismatch).unwrap(), r#""birth_date_mismatch""#);
    }

    #[test]
    fn sex_names_match_the_wire_names() {
        for sex in Sex::ALL {
            assert_eq!(serde_json::to_string(&sex).unwrap(), format!("\"{}\"", sex.as_str()));
            assert_eq!(Sex::parse(sex.as_str()), Some(sex));
        }
        assert_eq!(Sex::parse("Female"), None);
    }

    /// Any date a PESEL can encode: 1800-01-01..=2299-12-31.
    fn encodable_date() -> impl Strategy<Value = NaiveDate> {
        let first = date("1800-01-01").num_days_from_ce();
        let last = date("2299-12-31").num_days_from_ce();
        (first..=last).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
    }

    fn sex() -> impl Strategy<Value = Sex> {
        prop::sample::select(Sex::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn generated_numbers_validate_and_round_trip(
            birth_date in encodable_date(),
            sex in sex(),
            serial in 0..=999u16,
        ) {
            let pesel = Pesel::generate(birth_date, sex, serial).unwrap();
            let parsed = Pesel::parse(pesel.as_str()).unwrap();
            prop_assert_eq!(parsed.birth_date(), birth_date);
            prop_assert_eq!(parsed.sex(), sex);
            prop_assert_eq!(parsed.check_agrees(Some(birth_date), Some(sex)), Ok(()));
            prop_assert_eq!(&pesel.as_str()[6..9], format!("{serial:03}"));
        }

        #[test]
        fn every_sex_digit_is_read(birth_date in encodable_date(), tail in 0..=9999u16) {
            let pesel = Pesel::parse(from_parts(birth_date, tail).unwrap().as_str()).unwrap();
            let expected = if tail % 2 == 1 { Sex::Male } else { Sex::Female };
            prop_assert_eq!(pesel.sex(), expected);
            prop_assert_eq!(pesel.birth_date(), birth_date);
        }

        #[test]
        fn changing_any_one_digit_is_detected(
            birth_date in encodable_date(),
            sex in sex(),
            serial in 0..=999u16,
            position in 0..PESEL_DIGITS,
            shift in 1..=9u8,
        ) {
            let pesel = Pesel::generate(birth_date, sex, serial).unwrap();
            let mut bytes = pesel.as_str().as_bytes().to_vec();
            bytes[position] = b'0' + (bytes[position] - b'0' + shift) % 10;
            let changed = String::from_utf8(bytes).unwrap();
            prop_assert_eq!(Pesel::parse(&changed), Err(PeselError::BadChecksum), "{} from {}", changed, pesel);
        }
    }
}
