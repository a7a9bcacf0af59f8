//! Realistic synthetic Polish case data for demos and benchmarks.
//!
//! Deterministic for a seed: the same seed always gives the same families,
//! on every platform. The generator is a SplitMix64 stream, so no RNG crate
//! (and no OS randomness) is involved.

use crate::family::{NewFamily, NewMember};
use crate::ids::EntityId;
use crate::member::{MemberDetails, Relation};
use crate::pesel::{Pesel, Sex};
use crate::plan::{ActionStatus, NewPlanVersion, PlanAction, PlanGoal};
use crate::record::FamilyStatus;
use crate::record::{CaseDetails, Contact};
use crate::visit::Visit;
use chrono::NaiveDate;
use contacts::{Occasion, OpenAction};
use plans::GOALS;

pub mod contacts;
pub mod plans;
pub mod steering;
pub mod story;

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

/// One synthetic case: the family (without `first_member`), all its
/// members, and its case details.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoCase {
    pub family: NewFamily,
    pub members: Vec<MemberDetails>,
    pub details: CaseDetails,
}

/// `count` cases with households (a parent, sometimes a partner or a
/// grandparent, one to four children, with valid PESELs), deterministic for
/// `seed` and `today`.
pub fn cases(seed: u64, count: usize, today: NaiveDate) -> Vec<DemoCase> {
    let mut rng = DemoRng::new(seed ^ 0x5EED_CA5E);
    families(seed, count).into_iter().map(|family| demo_case(&mut rng, family, today)).collect()
}

fn demo_case(rng: &mut DemoRng, family: NewFamily, today: NaiveDate) -> DemoCase {
    let surname =
        SURNAMES.iter().find(|s| s.0 == family.name).copied().unwrap_or((family.name.as_str(), family.name.as_str()));
    let mut members = Vec::new();
    let parent_age = 22 + rng.below(25) as i64;
    if let Some(first) = &family.first_member {
        let sex = if FEMALE_FIRST_NAMES.contains(&first.first_name.as_str()) { Sex::Female } else { Sex::Male };
        members.push(with_birth(rng, &first.first_name, &first.last_name, sex, Relation::Parent, today, parent_age));
    }
    if rng.below(2) == 0 {
        let partner = person(rng, surname);
        let sex = if FEMALE_FIRST_NAMES.contains(&partner.first_name.as_str()) { Sex::Female } else { Sex::Male };
        let relation = Relation::Partner;
        members.push(with_birth(rng, &partner.first_name, &partner.last_name, sex, relation, today, parent_age + 2));
    }
    if rng.below(4) == 0 {
        let grandparent = person(rng, surname);
        let sex = if FEMALE_FIRST_NAMES.contains(&grandparent.first_name.as_str()) { Sex::Female } else { Sex::Male };
        let age = parent_age + 24 + rng.below(10) as i64;
        members.push(with_birth(
            rng,
            &grandparent.first_name,
            &grandparent.last_name,
            sex,
            Relation::Grandparent,
            today,
            age,
        ));
    }
    for _ in 0..1 + rng.below(4) {
        let child = person(rng, surname);
        let sex = if FEMALE_FIRST_NAMES.contains(&child.first_name.as_str()) { Sex::Female } else { Sex::Male };
        let age = rng.below((parent_age - 18).clamp(1, 17) as u64) as i64;
        members.push(with_birth(rng, &child.first_name, &child.last_name, sex, Relation::Child, today, age));
    }
    let details = CaseDetails {
        phones: vec![format!("{} {:03} {:03}", 500 + rng.below(300), rng.below(1000), rng.below(1000))],
        social_worker: Some(Contact {
            name: format!("{} {}", rng.pick(FEMALE_FIRST_NAMES), rng.pick(SURNAMES).1),
            phone: format!("42 {:03} {:02} {:02}", rng.below(1000), rng.below(100), rng.below(100)),
            email: String::new(),
        }),
        start_date: today.checked_sub_signed(chrono::Duration::days(30 + rng.below(700) as i64)),
        ..CaseDetails::default()
    };
    DemoCase { family: NewFamily { first_member: None, ..family }, members, details }
}

fn with_birth(
    rng: &mut DemoRng,
    first_name: &str,
    last_name: &str,
    sex: Sex,
    relation: Relation,
    today: NaiveDate,
    age_years: i64,
) -> MemberDetails {
    let days = age_years * 365 + rng.below(365) as i64;
    let birth_date = today.checked_sub_signed(chrono::Duration::days(days)).unwrap_or(today);
    let pesel = Pesel::generate(birth_date, sex, rng.below(1000) as u16);
    MemberDetails {
        birth_date: Some(birth_date),
        sex: Some(sex),
        relation,
        pesel,
        ..MemberDetails::named(first_name, last_name)
    }
}

/// A first plan for a family with these members (ids from the store, a
/// parent first), agreed on `start`: two or three goals, each action
/// carried out by someone who fits it; every goal and action id comes from
/// `new_id`.
pub fn plan(
    rng: &mut DemoRng,
    members: &[EntityId],
    start: NaiveDate,
    new_id: &mut dyn FnMut() -> EntityId,
) -> NewPlanVersion {
    let mut goals = Vec::new();
    let first = rng.below(GOALS.len() as u64) as usize;
    for k in 0..2 + rng.below(2) as usize {
        let template = &GOALS[(first + k) % GOALS.len()];
        let actions = template
            .actions
            .iter()
            .map(|action| PlanAction {
                id: new_id(),
                what: action.what.to_owned(),
                who: plans::actor_for(rng, action, members),
                deadline: start.checked_add_signed(chrono::Duration::days(30 + rng.below(300) as i64)),
                expected_effect: action.effect.to_owned(),
                status: ActionStatus::Planned,
            })
            .collect();
        goals.push(PlanGoal { id: new_id(), area: template.area.to_owned(), goal: template.goal.to_owned(), actions });
    }
    NewPlanVersion { agreed_with_family_on: Some(start), consultation: None, goals }
}

/// About two years of contacts (every 5 to 14 days) ending before
/// `today`: getting to know the family until the plan is agreed, then
/// working on its actions (see [`contacts`]).
pub fn visits(rng: &mut DemoRng, members: &[EntityId], plan: &NewPlanVersion, today: NaiveDate) -> Vec<Visit> {
    let agreed = plan.agreed_with_family_on.unwrap_or(NaiveDate::MIN);
    let areas: Vec<&str> = plan.goals.iter().map(|g| g.area.as_str()).collect();
    let open: Vec<OpenAction<'_>> = plan
        .goals
        .iter()
        .flat_map(|g| g.actions.iter().map(|a| OpenAction { id: a.id, area: &g.area, started: true }))
        .collect();
    let mut date = today.checked_sub_signed(chrono::Duration::days(720)).unwrap_or(today);
    let mut out = Vec::new();
    while date < today {
        let occasion = match date.cmp(&agreed) {
            std::cmp::Ordering::Less => Occasion::BeforePlan,
            std::cmp::Ordering::Equal => Occasion::PlanAgreed,
            std::cmp::Ordering::Greater => Occasion::Work,
        };
        let (areas, open) = if occasion == Occasion::BeforePlan { (&[][..], &[][..]) } else { (&areas[..], &open[..]) };
        let mut visit = contacts::contact(rng, date, occasion, members, areas, open);
        for worked in &mut visit.actions_worked {
            worked.status = (rng.below(4) == 0).then_some(ActionStatus::InProgress);
        }
        let next = date.checked_add_signed(chrono::Duration::days(5 + rng.below(10) as i64));
        visit.next_planned = next;
        out.push(visit);
        date = next.unwrap_or(today);
    }
    out
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
    fn demo_households_have_valid_pesels_matching_their_members() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let all = cases(5, 100, today);
        assert_eq!(all, cases(5, 100, today));
        let mut children = 0;
        for case in &all {
            for m in &case.members {
                let pesel = m.pesel.as_ref().expect("demo members have a PESEL");
                assert_eq!(pesel.check_agrees(m.birth_date, m.sex), Ok(()));
                assert!(m.birth_date.unwrap() <= today);
                children += usize::from(m.relation == Relation::Child);
            }
        }
        assert!(children >= 100, "every family has at least one child");
    }

    #[test]
    fn demo_visits_cover_two_years_and_validate() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let members = [EntityId(uuid::Uuid::from_u128(1)), EntityId(uuid::Uuid::from_u128(2))];
        let mut n = 100u128;
        let mut new_id = || {
            n += 1;
            EntityId(uuid::Uuid::from_u128(n))
        };
        let mut rng = DemoRng::new(9);
        let plan = plan(&mut rng, &members, today - chrono::Duration::days(720), &mut new_id);
        let visits = visits(&mut rng, &members, &plan, today);
        assert!((50..=150).contains(&visits.len()), "{} visits", visits.len());
        assert!(visits.windows(2).all(|w| w[0].date < w[1].date));
        let actions: Vec<EntityId> = plan.goals.iter().flat_map(|g| g.actions.iter().map(|a| a.id)).collect();
        let areas = crate::plan::default_areas();
        for v in &visits {
            let form = crate::visit::VisitForm::from_visit(v);
            let checked = crate::visit::validate_visit(&form, &members, &actions, &areas, today);
            assert_eq!(checked.as_ref(), Ok(v), "a demo visit must pass the form's own checks");
        }
    }

    #[test]
    fn demo_plans_have_fitting_doers_and_visits_work_on_them_only_once_agreed() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let members = [EntityId(uuid::Uuid::from_u128(1)), EntityId(uuid::Uuid::from_u128(2))];
        for seed in 1..=20 {
            let mut n = 100u128;
            let mut new_id = || {
                n += 1;
                EntityId(uuid::Uuid::from_u128(n))
            };
            let mut rng = DemoRng::new(seed);
            let agreed = today - chrono::Duration::days(600);
            let plan = plan(&mut rng, &members, agreed, &mut new_id);
            for goal in &plan.goals {
                for action in &goal.actions {
                    let (template_goal, template) = plans::template_of(&action.what).unwrap();
                    assert_eq!(template_goal.area, goal.area);
                    assert!(plans::fits(template.doers, &action.who, &members), "{:?}: {}", action.who, action.what);
                }
            }
            let visits = visits(&mut rng, &members, &plan, today);
            let areas: Vec<&str> = plan.goals.iter().map(|g| g.area.as_str()).collect();
            for v in &visits {
                assert_eq!(
                    v.form == crate::visit::ContactForm::HomeVisit,
                    v.place == crate::visit::Place::Home,
                    "{v:?}"
                );
                assert!(v.date >= agreed || (v.actions_worked.is_empty() && v.areas.is_empty()), "{v:?}");
                assert!(v.areas.iter().all(|a| areas.contains(&a.as_str())), "{v:?}");
            }
        }
    }

    #[test]
    fn the_stream_is_pinned() {
        // SplitMix64's published first output for seed 0.
        assert_eq!(DemoRng::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }
}
