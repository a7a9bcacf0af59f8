//! Realistic synthetic Polish case data for demos and benchmarks.
//!
//! Deterministic for a seed: the same seed always gives the same families,
//! on every platform. The generator is a SplitMix64 stream, so no RNG crate
//! (and no OS randomness) is involved.

use crate::family::{NewFamily, NewMember};
use crate::record::FamilyStatus;

/// A small deterministic pseudo-random stream (SplitMix64).
#[derive(Clone, Debug)]
pub struct DemoRng(u64);

impl DemoRng {
    pub fn new(seed: u64) -> DemoRng {
        DemoRng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Surnames as (masculine, feminine) forms.
const SURNAMES: &[(&str, &str)] = &[
    ("Nowak", "Nowak"),
    ("Kowalski", "Kowalska"),
    ("Wiśniewski", "Wiśniewska"),
    ("Wójcik", "Wójcik"),
    ("Kowalczyk", "Kowalczyk"),
    ("Kamiński", "Kamińska"),
    ("Lewandowski", "Lewandowska"),
    ("Zieliński", "Zielińska"),
    ("Szymański", "Szymańska"),
    ("Woźniak", "Woźniak"),
    ("Dąbrowski", "Dąbrowska"),
    ("Kozłowski", "Kozłowska"),
    ("Jankowski", "Jankowska"),
    ("Mazur", "Mazur"),
    ("Kwiatkowski", "Kwiatkowska"),
    ("Krawczyk", "Krawczyk"),
    ("Piotrowski", "Piotrowska"),
    ("Grabowski", "Grabowska"),
    ("Nowakowski", "Nowakowska"),
    ("Pawłowski", "Pawłowska"),
    ("Michalski", "Michalska"),
    ("Król", "Król"),
    ("Wieczorek", "Wieczorek"),
    ("Jabłoński", "Jabłońska"),
    ("Wróbel", "Wróbel"),
    ("Majewski", "Majewska"),
    ("Olszewski", "Olszewska"),
    ("Stępień", "Stępień"),
    ("Jaworski", "Jaworska"),
    ("Malinowski", "Malinowska"),
    ("Adamczyk", "Adamczyk"),
    ("Górski", "Górska"),
    ("Sikora", "Sikora"),
    ("Ostrowski", "Ostrowska"),
    ("Baran", "Baran"),
    ("Duda", "Duda"),
    ("Szewczyk", "Szewczyk"),
    ("Tomaszewski", "Tomaszewska"),
    ("Pietrzak", "Pietrzak"),
    ("Marciniak", "Marciniak"),
    ("Wróblewski", "Wróblewska"),
    ("Zalewski", "Zalewska"),
    ("Jakubowski", "Jakubowska"),
    ("Jasiński", "Jasińska"),
    ("Zawadzki", "Zawadzka"),
    ("Sadowski", "Sadowska"),
    ("Bąk", "Bąk"),
    ("Chmielewski", "Chmielewska"),
    ("Włodarczyk", "Włodarczyk"),
    ("Borkowski", "Borkowska"),
    ("Czarnecki", "Czarnecka"),
    ("Sawicki", "Sawicka"),
    ("Sokołowski", "Sokołowska"),
    ("Urbański", "Urbańska"),
    ("Kubiak", "Kubiak"),
    ("Maciejewski", "Maciejewska"),
    ("Szczepański", "Szczepańska"),
    ("Kucharski", "Kucharska"),
    ("Wilk", "Wilk"),
    ("Kalinowski", "Kalinowska"),
    ("Lis", "Lis"),
    ("Mazurek", "Mazurek"),
    ("Wysocki", "Wysocka"),
    ("Adamski", "Adamska"),
    ("Kaźmierczak", "Kaźmierczak"),
    ("Wasilewski", "Wasilewska"),
    ("Sobczak", "Sobczak"),
    ("Czerwiński", "Czerwińska"),
    ("Andrzejewski", "Andrzejewska"),
    ("Cieślak", "Cieślak"),
    ("Głowacki", "Głowacka"),
    ("Zając", "Zając"),
    ("Żak", "Żak"),
    ("Łukaszewski", "Łukaszewska"),
    ("Śliwiński", "Śliwińska"),
    ("Żurawski", "Żurawska"),
    ("Ćwikliński", "Ćwiklińska"),
    ("Źrebiec", "Źrebiec"),
];

const FEMALE_FIRST_NAMES: &[&str] = &[
    "Anna",
    "Maria",
    "Katarzyna",
    "Małgorzata",
    "Agnieszka",
    "Barbara",
    "Ewa",
    "Krystyna",
    "Elżbieta",
    "Zofia",
    "Joanna",
    "Magdalena",
    "Monika",
    "Jadwiga",
    "Danuta",
    "Teresa",
    "Aleksandra",
    "Natalia",
    "Justyna",
    "Beata",
    "Dorota",
    "Halina",
    "Iwona",
    "Karolina",
    "Łucja",
    "Bożena",
    "Grażyna",
    "Wiesława",
    "Jolanta",
    "Urszula",
];

const MALE_FIRST_NAMES: &[&str] = &[
    "Piotr",
    "Krzysztof",
    "Andrzej",
    "Tomasz",
    "Paweł",
    "Jan",
    "Michał",
    "Marcin",
    "Stanisław",
    "Jakub",
    "Adam",
    "Marek",
    "Łukasz",
    "Grzegorz",
    "Mateusz",
    "Wojciech",
    "Mariusz",
    "Dariusz",
    "Zbigniew",
    "Jerzy",
    "Józef",
    "Ryszard",
    "Tadeusz",
    "Bartłomiej",
    "Sławomir",
    "Przemysław",
    "Kazimierz",
    "Władysław",
    "Henryk",
    "Jarosław",
];

const STREETS: &[&str] = &[
    "ul. Długa",
    "ul. Krótka",
    "ul. Polna",
    "ul. Leśna",
    "ul. Słoneczna",
    "ul. Ogrodowa",
    "ul. Lipowa",
    "ul. Kościuszki",
    "ul. Mickiewicza",
    "ul. Żeromskiego",
    "ul. Piłsudskiego",
    "ul. Sienkiewicza",
    "ul. Wiejska",
    "ul. Kolejowa",
    "ul. Szkolna",
    "ul. Źródlana",
    "ul. Łąkowa",
    "ul. Świerkowa",
    "ul. Brzozowa",
    "ul. Kwiatowa",
    "ul. Różana",
    "os. Tysiąclecia",
    "al. Jana Pawła II",
    "ul. Świętokrzyska",
    "ul. Ćmielowska",
];

/// Towns with their postal code prefixes.
const TOWNS: &[(&str, &str)] = &[
    ("Łódź", "90"),
    ("Kraków", "30"),
    ("Wrocław", "50"),
    ("Poznań", "60"),
    ("Gdańsk", "80"),
    ("Białystok", "15"),
    ("Rzeszów", "35"),
    ("Kielce", "25"),
    ("Częstochowa", "42"),
    ("Zielona Góra", "65"),
    ("Świdnica", "58"),
    ("Żyrardów", "96"),
    ("Łomża", "18"),
    ("Ostrów Wielkopolski", "63"),
    ("Gniezno", "62"),
    ("Sieradz", "98"),
    ("Żagań", "68"),
    ("Ełk", "19"),
];

/// A person: first name, surname, and whether female.
fn person(rng: &mut DemoRng, surname: (&str, &str)) -> NewMember {
    if rng.below(2) == 0 {
        NewMember { first_name: (*rng.pick(FEMALE_FIRST_NAMES)).to_owned(), last_name: surname.1.to_owned() }
    } else {
        NewMember { first_name: (*rng.pick(MALE_FIRST_NAMES)).to_owned(), last_name: surname.0.to_owned() }
    }
}

/// A Polish postal address such as "ul. Długa 12/4, 90-123 Łódź".
pub fn address(rng: &mut DemoRng) -> String {
    let street = rng.pick(STREETS);
    let (town, prefix) = rng.pick(TOWNS);
    let number = 1 + rng.below(120);
    let flat = if rng.below(3) == 0 { String::new() } else { format!("/{}", 1 + rng.below(60)) };
    format!("{street} {number}{flat}, {prefix}-{:03} {town}", rng.below(1000))
}

/// `count` families, deterministic for `seed`.
pub fn families(seed: u64, count: usize) -> Vec<NewFamily> {
    let mut rng = DemoRng::new(seed);
    (0..count)
        .map(|_| {
            let surname = *rng.pick(SURNAMES);
            let first = person(&mut rng, surname);
            NewFamily { name: surname.0.to_owned(), address: address(&mut rng), first_member: Some(first) }
        })
        .collect()
}

/// The status of the `index`-th demo family when `room` more active
/// families fit under the caseload cap: the first `room` are active, the
/// rest past cases in a fixed mix of closed, monitored and archived.
pub fn status_for(index: usize, room: usize) -> FamilyStatus {
    if index < room {
        return FamilyStatus::Active;
    }
    match (index - room) % 4 {
        0 => FamilyStatus::Closed,
        1 => FamilyStatus::Monitoring,
        _ => FamilyStatus::Archived,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_families() {
        assert_eq!(families(42, 50), families(42, 50));
        assert_ne!(families(42, 50), families(43, 50));
    }

    #[test]
    fn demo_data_is_valid_and_uses_polish_letters() {
        let all = families(7, 300);
        for f in &all {
            let form = crate::family::NewFamilyForm {
                name: f.name.clone(),
                address: f.address.clone(),
                first_member_first_name: f.first_member.as_ref().unwrap().first_name.clone(),
                first_member_last_name: f.first_member.as_ref().unwrap().last_name.clone(),
            };
            assert_eq!(crate::family::validate_new_family(&form).as_ref(), Ok(f));
        }
        let text: String =
            all.iter().map(|f| format!("{} {} {:?}", f.name, f.address, f.first_member).to_lowercase()).collect();
        for letter in ['ą', 'ę', 'ł', 'ó', 'ś', 'ż', 'ź', 'ć', 'ń'] {
            assert!(text.contains(letter), "no {letter} in demo data");
        }
    }

    #[test]
    fn the_stream_is_pinned() {
        // SplitMix64's published first output for seed 0.
        assert_eq!(DemoRng::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }
}
