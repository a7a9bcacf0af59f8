//! The contacts of the demo's visit diary, so that where a contact took
//! place, its form, how long it took, who was there and what the assistant
//! noted agree: a home visit at the family's home, a phone call by phone,
//! a meeting at the centre's office, an accompaniment at the institution
//! the family works with (the labour office only for a family working on
//! employment), a consultation at school only for a family with a school
//! goal. Before the plan exists the assistant gets to know the family; no
//! contact works on an action the plan does not have yet.

use super::DemoRng;
use crate::ids::EntityId;
use crate::visit::{ActionWorked, ContactForm, Place, Visit};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

/// A kind of contact.
#[derive(Debug)]
pub struct ContactKind {
    pub form: ContactForm,
    /// A place kind (one of [`Place::KINDS`]) and, for `other`, its text.
    pub place: (&'static str, &'static str),
    /// The area of the plan the contact serves (then it takes place only
    /// when the plan has a goal there); `None`: any family.
    pub area: Option<&'static str>,
    /// The shortest and the longest duration, in minutes (by fives).
    pub minutes: (u32, u32),
    pub other_participants: &'static str,
    /// What the assistant notes after it (one is picked).
    pub notes: &'static [&'static str],
}

impl ContactKind {
    pub fn place(&self) -> Place {
        Place::from_kind(self.place.0, self.place.1.to_owned()).unwrap_or_default()
    }
}

/// The text of a phone call's place.
pub const BY_PHONE: &str = "telefonicznie";

/// A visit at the family's home, about the plan's areas in general.
pub const HOME_VISIT: ContactKind = ContactKind {
    form: ContactForm::HomeVisit,
    place: ("home", ""),
    area: None,
    minutes: (45, 120),
    other_participants: "",
    notes: &[
        "Wizyta w domu rodziny; rozmowa o bieżących sprawach i planie na kolejny tydzień.",
        "Wizyta domowa krótsza, rodzina wychodziła do lekarza. Umówiono kolejny termin.",
        "Wizyta w domu rodziny; rodzic opowiedział o minionym tygodniu, ustalono zadania na kolejne dni.",
        "W domu porządek; rozmowa o tym, co udało się rodzinie w ostatnim tygodniu.",
    ],
};

/// What a home visit notes about one area of the plan (area, note).
pub const HOME_NOTES_BY_AREA: &[(&str, &str)] = &[
    ("budget_debts", "Wizyta domowa: omówiono wydatki z ostatnich dni; rodzic na bieżąco prowadzi zeszyt wydatków."),
    ("budget_debts", "Wizyta domowa: wspólnie policzono, ile zostało do spłaty zaległości; rata zapłacona w terminie."),
    (
        "employment_education",
        "Wizyta domowa: przejrzano ogłoszenia o pracy; rodzic wybrał dwie oferty, na które odpowie.",
    ),
    (
        "employment_education",
        "Wizyta domowa: rodzic opowiedział o rozmowie kwalifikacyjnej; omówiono, co poszło dobrze.",
    ),
    ("school_development", "Dzieci po szkole, w domu wspólne odrabianie lekcji; dziecko ma zaległości z matematyki."),
    ("school_development", "Wizyta domowa: przejrzano z rodzicem dziennik elektroniczny; frekwencja się poprawia."),
    ("health_addictions", "Wizyta domowa: sprawdzono książeczki zdrowia dzieci i terminy szczepień."),
    ("health_addictions", "Wizyta domowa: rozmowa o zaleceniach z poradni; rodzic pilnuje terminów wizyt."),
    ("household", "Wizyta domowa: omówiono plan dnia dzieci; rodzina trzyma się stałych pór posiłków i snu."),
    ("household", "Wizyta domowa: w mieszkaniu porządek, domownicy dzielą się obowiązkami."),
    ("official_matters", "Wizyta domowa: pomoc w wypełnieniu wniosku o świadczenie; dokumenty skompletowane."),
    (
        "official_matters",
        "Wizyta domowa: rodzic pokazał decyzję w sprawie świadczenia; omówiono kolejne sprawy urzędowe.",
    ),
    ("care_upbringing", "Rozmowa w domu o zasadach i konsekwencjach; rodzic omówił je z dziećmi."),
    ("care_upbringing", "Wizyta domowa: rodzic opowiedział, jak stosuje to, czego nauczył się na warsztatach."),
];

/// The same day, or for a weekend the Friday before (a Saturday) or the
/// Monday after (a Sunday): the assistant works on working days.
pub fn working_day(date: NaiveDate) -> NaiveDate {
    match date.weekday() {
        Weekday::Sat => date - Duration::days(1),
        Weekday::Sun => date + Duration::days(1),
        _ => date,
    }
}

/// The first visits at home, before the plan is agreed.
const FIRST_VISITS: &[&str] = &[
    "Wizyta w domu rodziny: rozpoznanie sytuacji, rozmowa o potrzebach i oczekiwaniach wobec współpracy.",
    "Wizyta domowa: poznanie domowników i ich codzienności; wstępne ustalenia do planu pracy.",
];

/// The home visit on the day the first plan is agreed with the family.
const PLAN_AGREED: &str = "Wizyta domowa: wspólne opracowanie planu pracy; rodzina zaakceptowała cele i działania.";

/// The home visit on the day a revision of the plan is agreed.
const PLAN_REVISED: &str =
    "Wizyta domowa: omówiono z rodziną wyniki oceny okresowej i uzgodniono zmiany w planie pracy.";

pub const PHONE_CALL: ContactKind = ContactKind {
    form: ContactForm::PhoneCall,
    place: ("other", BY_PHONE),
    area: None,
    minutes: (10, 25),
    other_participants: "",
    notes: &[
        "Rozmowa telefoniczna z rodzicem; potwierdzono termin kolejnej wizyty.",
        "Rodzic zadzwonił z pytaniem o potrzebne dokumenty; udzielono informacji telefonicznie.",
        "Rozmowa telefoniczna: rodzic poinformował o chorobie dziecka, przełożono spotkanie.",
    ],
};

/// A meeting with a parent at the centre's office.
pub const OFFICE_MEETING: ContactKind = ContactKind {
    form: ContactForm::Consultation,
    place: ("office", ""),
    area: None,
    minutes: (45, 90),
    other_participants: "pracownik socjalny",
    notes: &[
        "Spotkanie z rodzicem w siedzibie ośrodka z udziałem pracownika socjalnego; omówiono realizację planu pracy.",
        "Spotkanie w siedzibie ośrodka; rodzic przyniósł dokumenty, wspólnie zaplanowano kolejne kroki.",
    ],
};

/// A consultation with the children's school.
pub const SCHOOL_CONSULTATION: ContactKind = ContactKind {
    form: ContactForm::Consultation,
    place: ("school", ""),
    area: Some("school_development"),
    minutes: (30, 60),
    other_participants: "wychowawczyni, pedagog szkolny",
    notes: &[
        "Konsultacja w szkole z wychowawczynią i pedagogiem szkolnym w sprawie frekwencji i ocen dziecka.",
        "Spotkanie z pedagogiem szkolnym: frekwencja dziecka się poprawiła, ustalono dalsze wsparcie.",
    ],
};

/// Going with a parent to the institution of one area of the plan.
pub const ACCOMPANIMENTS: &[ContactKind] = &[
    ContactKind {
        form: ContactForm::Accompanying,
        place: ("office", ""),
        area: Some("employment_education"),
        minutes: (60, 150),
        other_participants: "doradca zawodowy PUP",
        notes: &[
            "Towarzyszenie rodzicowi w powiatowym urzędzie pracy; złożono dokumenty i omówiono oferty pracy.",
            "Towarzyszenie rodzicowi na spotkaniu z doradcą zawodowym w urzędzie pracy.",
        ],
    },
    ContactKind {
        form: ContactForm::Accompanying,
        place: ("clinic", ""),
        area: Some("health_addictions"),
        minutes: (60, 150),
        other_participants: "",
        notes: &[
            "Towarzyszenie rodzicowi z dzieckiem w przychodni; dziecko zaszczepione zgodnie z kalendarzem.",
            "Towarzyszenie rodzicowi w poradni; ustalono termin kolejnej konsultacji.",
        ],
    },
    ContactKind {
        form: ContactForm::Accompanying,
        place: ("office", ""),
        area: Some("official_matters"),
        minutes: (60, 120),
        other_participants: "",
        notes: &["Towarzyszenie rodzicowi w urzędzie przy składaniu wniosku o świadczenie."],
    },
    ContactKind {
        form: ContactForm::Accompanying,
        place: ("other", "spółdzielnia mieszkaniowa"),
        area: Some("budget_debts"),
        minutes: (45, 90),
        other_participants: "",
        notes: &[
            "Towarzyszenie rodzicowi w spółdzielni mieszkaniowej; omówiono rozłożenie zaległości czynszowych na raty.",
        ],
    },
    ContactKind {
        form: ContactForm::Accompanying,
        place: ("other", "Powiatowe Centrum Pomocy Rodzinie"),
        area: Some("care_upbringing"),
        minutes: (90, 180),
        other_participants: "",
        notes: &["Towarzyszenie rodzicowi na warsztatach umiejętności wychowawczych w PCPR."],
    },
];

/// Why a contact takes place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Occasion {
    /// Getting to know the family, before the first plan is agreed.
    BeforePlan,
    /// The first plan is agreed with the family that day.
    PlanAgreed,
    /// A revision of the plan is agreed with the family that day.
    PlanRevised,
    /// The work on the plan.
    Work,
}

/// An action of the plan that a contact may work on: in a saved version,
/// neither done nor abandoned.
#[derive(Clone, Copy, Debug)]
pub struct OpenAction<'a> {
    pub id: EntityId,
    /// Its goal's area.
    pub area: &'a str,
    pub started: bool,
}

/// One contact on `date` (its `next_planned` left empty for the caller).
/// `members`: the family's, a parent first; `areas`: those of the saved
/// plan's goals (empty before there is a plan); `open`: the actions it
/// may work on.
pub fn contact(
    rng: &mut DemoRng,
    date: NaiveDate,
    occasion: Occasion,
    members: &[EntityId],
    areas: &[&str],
    open: &[OpenAction<'_>],
) -> Visit {
    let kind = match occasion {
        Occasion::Work => kind_for(rng, areas),
        _ => &HOME_VISIT,
    };
    let start = NaiveTime::from_hms_opt(8 + rng.below(9) as u32, 15 * rng.below(4) as u32, 0).unwrap_or_default();
    let (shortest, longest) = kind.minutes;
    let minutes = shortest + 5 * rng.below(u64::from((longest - shortest) / 5 + 1)) as u32;
    let end = start + Duration::minutes(i64::from(minutes));
    // A parent takes part in every contact; others in a home visit now and then.
    let participants: Vec<EntityId> = match kind.form {
        ContactForm::HomeVisit => {
            members.iter().enumerate().filter(|(i, _)| *i == 0 || rng.below(2) == 0).map(|(_, m)| *m).collect()
        }
        _ => members.first().copied().into_iter().collect(),
    };
    let (areas, notes): (Vec<&str>, &str) = match occasion {
        Occasion::BeforePlan => (Vec::new(), *rng.pick(FIRST_VISITS)),
        Occasion::PlanAgreed => (areas.to_vec(), PLAN_AGREED),
        Occasion::PlanRevised => (areas.to_vec(), PLAN_REVISED),
        Occasion::Work => match (kind.area, kind.form) {
            (Some(area), _) => (vec![area], *rng.pick(kind.notes)),
            (None, ContactForm::PhoneCall) => (Vec::new(), *rng.pick(kind.notes)),
            (None, _) => {
                let chosen: Vec<&str> = areas.iter().copied().filter(|_| rng.below(2) == 0).collect();
                let about: Vec<&str> = HOME_NOTES_BY_AREA
                    .iter()
                    .filter(|(area, _)| kind.form == ContactForm::HomeVisit && chosen.contains(area))
                    .map(|(_, note)| *note)
                    .collect();
                let note =
                    if !about.is_empty() && rng.below(2) == 0 { *rng.pick(&about) } else { *rng.pick(kind.notes) };
                (chosen, note)
            }
        },
    };
    // The work on the actions of the areas the contact was about (none
    // on the phone, nor on the day a plan is agreed: it is saved later).
    let worked = match (occasion, kind.form) {
        (Occasion::Work, ContactForm::PhoneCall)
        | (Occasion::BeforePlan | Occasion::PlanAgreed | Occasion::PlanRevised, _) => Vec::new(),
        (Occasion::Work, _) => open
            .iter()
            .filter(|a| areas.contains(&a.area) && rng.below(2) == 0)
            .map(|a| ActionWorked {
                action_id: a.id,
                note: if a.started {
                    "Omówiono postępy w realizacji działania.".to_owned()
                } else {
                    "Omówiono, jak rozpocząć realizację działania.".to_owned()
                },
                status: None,
            })
            .collect(),
    };
    Visit {
        date,
        start,
        end,
        place: kind.place(),
        form: kind.form,
        participants,
        other_participants: kind.other_participants.to_owned(),
        areas: areas.into_iter().map(str::to_owned).collect(),
        actions_worked: worked,
        notes: notes.to_owned(),
        next_planned: None,
        intervention: None,
        planned: None,
        purpose: None,
        travel: None,
    }
}

/// The kind of a working contact for a family with a plan in `areas`:
/// mostly home visits, now and then a phone call, an accompaniment to an
/// institution of one of the areas, a consultation at school or a meeting
/// at the centre.
fn kind_for(rng: &mut DemoRng, areas: &[&str]) -> &'static ContactKind {
    match rng.below(20) {
        0..=13 => &HOME_VISIT,
        14 | 15 => &PHONE_CALL,
        16 | 17 => {
            let fitting: Vec<&'static ContactKind> =
                ACCOMPANIMENTS.iter().filter(|k| k.area.is_some_and(|a| areas.contains(&a))).collect();
            if fitting.is_empty() {
                &HOME_VISIT
            } else {
                fitting[rng.below(fitting.len() as u64) as usize]
            }
        }
        18 if areas.contains(&"school_development") => &SCHOOL_CONSULTATION,
        _ => &OFFICE_MEETING,
    }
}
